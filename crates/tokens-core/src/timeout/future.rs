//! The response future of [`Timeout`](super::Timeout).

use crate::runtime::BoxFuture;
use crate::{Error, TransportError};
use pin_project_lite::pin_project;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

pin_project! {
    /// The inner call raced against the attempt's timer.
    pub struct ResponseFuture<F> {
        #[pin]
        response: F,
        sleep: BoxFuture<'static, ()>,
        limit: Duration,
    }
}

impl<F> ResponseFuture<F> {
    pub(super) fn new(response: F, sleep: BoxFuture<'static, ()>, limit: Duration) -> Self {
        ResponseFuture {
            response,
            sleep,
            limit,
        }
    }
}

impl<F, T, E> Future for ResponseFuture<F>
where
    F: Future<Output = Result<T, E>>,
    E: Into<Error>,
{
    type Output = Result<T, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();

        // The reply wins a tie: if both are ready, the work was done in time.
        if let Poll::Ready(result) = this.response.poll(cx) {
            return Poll::Ready(result.map_err(Into::into));
        }

        match this.sleep.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(TransportError::timeout(*this.limit).into())),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<F> fmt::Debug for ResponseFuture<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseFuture")
            .field("limit", &self.limit)
            .finish_non_exhaustive()
    }
}
