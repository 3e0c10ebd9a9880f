//! One time limit over the whole connection setup.

use super::ConnectFailure;
use http::Uri;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokens_core::BoxError;
use tower::Service;

/// Fails a connection attempt (TCP connect, proxy tunnel, TLS handshake) that takes longer
/// than `limit` with a [`ConnectFailure`].
#[derive(Debug, Clone)]
pub(crate) struct TimedConnector<C> {
    inner: C,
    limit: Duration,
}

impl<C> TimedConnector<C> {
    pub(crate) fn new(inner: C, limit: Duration) -> Self {
        TimedConnector { inner, limit }
    }
}

impl<C> Service<Uri> for TimedConnector<C>
where
    C: Service<Uri>,
    C::Error: Into<BoxError>,
    C::Future: Send + 'static,
{
    type Response = C::Response;
    type Error = BoxError;
    type Future = Pin<Box<dyn Future<Output = Result<C::Response, BoxError>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), BoxError>> {
        self.inner.poll_ready(cx).map_err(Into::into)
    }

    fn call(&mut self, dst: Uri) -> Self::Future {
        let limit = self.limit;
        let connecting = self.inner.call(dst);
        Box::pin(async move {
            match tokio::time::timeout(limit, connecting).await {
                Ok(result) => result.map_err(Into::into),
                Err(_elapsed) => Err(Box::new(ConnectFailure::timed_out(limit)) as BoxError),
            }
        })
    }
}
