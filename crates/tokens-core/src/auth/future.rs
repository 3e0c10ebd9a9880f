//! The response future of [`Auth`](super::Auth).

use crate::Error;
use crate::runtime::BoxFuture;
use bytes::Bytes;
use http::Response;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Getting a token (perhaps waiting for a refresh), then the inner call.
pub struct ResponseFuture {
    inner: BoxFuture<'static, Result<Response<Bytes>, Error>>,
}

impl ResponseFuture {
    pub(super) fn new(inner: BoxFuture<'static, Result<Response<Bytes>, Error>>) -> Self {
        ResponseFuture { inner }
    }
}

impl Future for ResponseFuture {
    type Output = Result<Response<Bytes>, Error>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.inner.as_mut().poll(cx)
    }
}

impl fmt::Debug for ResponseFuture {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseFuture").finish_non_exhaustive()
    }
}
