//! The deadline of a whole call, and racing an attempt against it.

use crate::runtime::BoxFuture;
use pin_project_lite::pin_project;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

/// A request extension that sets the deadline of this one call, retries and waits included,
/// instead of the retry policy's (a CLI's `--timeout`, a caller's own budget).
///
/// ```
/// use std::time::Duration;
/// use tokens_core::retry::CallTimeout;
///
/// let mut request = http::Request::new(bytes::Bytes::new());
/// request.extensions_mut().insert(CallTimeout(Duration::from_secs(20)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallTimeout(pub Duration);

pin_project! {
    /// Resolves to `Some(output)` if `work` finishes first, `None` if `sleep` does.
    pub(crate) struct Race<F> {
        #[pin]
        work: F,
        sleep: BoxFuture<'static, ()>,
    }
}

pub(crate) fn race<F: Future>(work: F, sleep: BoxFuture<'static, ()>) -> Race<F> {
    Race { work, sleep }
}

impl<F: Future> Future for Race<F> {
    type Output = Option<F::Output>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        if let Poll::Ready(output) = this.work.poll(cx) {
            return Poll::Ready(Some(output));
        }
        this.sleep.as_mut().poll(cx).map(|()| None)
    }
}
