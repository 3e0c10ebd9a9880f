//! The future of one fetch.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use tokens_core::{BoxFuture, TransportError};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::abort::AbortOnDrop;
use super::error::fetch_rejected;
use super::request::fetch_args;
use super::response::read_response;
use crate::js_global::fetch_with_init;

/// The response future of [`FetchTransport`](super::FetchTransport).
///
/// The fetch starts on the first poll. Dropping the future before it completes aborts the
/// request through its `AbortController`. It is not `Send`: JavaScript values live on one
/// thread.
pub struct ResponseFuture {
    inner: BoxFuture<'static, Result<http::Response<Bytes>, TransportError>>,
}

impl ResponseFuture {
    pub(super) fn new(request: http::Request<Bytes>, max_response_bytes: usize) -> Self {
        ResponseFuture {
            inner: Box::pin(send(request, max_response_bytes)),
        }
    }
}

impl Future for ResponseFuture {
    type Output = Result<http::Response<Bytes>, TransportError>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.inner.as_mut().poll(cx)
    }
}

impl fmt::Debug for ResponseFuture {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseFuture").finish_non_exhaustive()
    }
}

async fn send(
    request: http::Request<Bytes>,
    max_response_bytes: usize,
) -> Result<http::Response<Bytes>, TransportError> {
    let mut abort = AbortOnDrop::new()?;
    let args = fetch_args(&request, &abort.signal())?;

    let promise =
        fetch_with_init(&args.url, &args.init).map_err(|thrown| fetch_rejected(&thrown))?;
    let response = JsFuture::from(promise)
        .await
        .map_err(|rejection| fetch_rejected(&rejection))?;
    let response: web_sys::Response = response.unchecked_into();

    let converted = read_response(&response, max_response_bytes, &mut abort).await?;
    abort.finish();
    Ok(converted)
}
