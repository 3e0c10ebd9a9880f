//! The future a [`HyperTransport`](super::HyperTransport) call returns.

use bytes::Bytes;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokens_core::{BoxFuture, TransportError};

/// The response of one [`HyperTransport`](super::HyperTransport) call: the whole body, read
/// up to the size cap, or a classified [`TransportError`].
#[must_use = "futures do nothing unless polled"]
pub struct ResponseFuture {
    inner: BoxFuture<'static, Result<http::Response<Bytes>, TransportError>>,
}

impl ResponseFuture {
    pub(crate) fn new(
        inner: BoxFuture<'static, Result<http::Response<Bytes>, TransportError>>,
    ) -> Self {
        ResponseFuture { inner }
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
