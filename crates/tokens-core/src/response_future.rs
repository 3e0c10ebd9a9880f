//! The response future shared by the layers that box their work: auth, rate limit, retry.
//!
//! Each of them runs an `async` block (a token lookup, a wait for a slot, the attempt loop)
//! around the inner call and hands it back boxed, so one type serves all three; the layers
//! re-export it as their own `ResponseFuture`.

use crate::Error;
use crate::runtime::BoxFuture;
use bytes::Bytes;
use http::Response;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// The response future of [`Auth`](crate::auth::Auth) (getting a token, perhaps waiting for
/// a refresh, then the inner call), [`RateLimit`](crate::rate_limit::RateLimit) (the wait
/// for a slot, then the inner call) and [`Retry`](crate::retry::Retry) (every attempt and
/// every wait of the call).
pub struct ResponseFuture {
    inner: BoxFuture<'static, Result<Response<Bytes>, Error>>,
}

impl ResponseFuture {
    pub(crate) fn new(inner: BoxFuture<'static, Result<Response<Bytes>, Error>>) -> Self {
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
