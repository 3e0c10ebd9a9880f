//! A time limit on each attempt, measured by the injected [`Clock`].
//!
//! tower's own `Timeout` sleeps with tokio, which panics in a browser; this one races the
//! inner future against [`Clock::sleep`], so it runs unchanged on tokio, under `setTimeout`
//! and under a [`ManualClock`](crate::ManualClock) in tests.
//!
//! It bounds one attempt only. The retry layer sits above it and owns the deadline of the
//! whole call; when an attempt times out, the retry layer sees a
//! [`TransportError`](crate::TransportError) of kind
//! [`Timeout`](crate::TransportErrorKind::Timeout) marked
//! [`MaybeSent`](crate::SendState::MaybeSent), because the server may already be working
//! on the request, and decides from the operation whether to send it again.

mod future;
mod layer;

pub use future::ResponseFuture;
pub use layer::TimeoutLayer;

use crate::Error;
use crate::runtime::Clock;
use std::fmt;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tower::Service;

/// The per-attempt limit used when none is given: 60 seconds, as the official SDKs use.
pub const DEFAULT_ATTEMPT_TIMEOUT: Duration = Duration::from_secs(60);

/// Fails an attempt that takes longer than its limit with a timeout [`Error`].
///
/// ```
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// use std::sync::Arc;
/// use std::time::Duration;
/// use tokens_core::timeout::Timeout;
/// use tokens_core::{ErrorKind, ManualClock};
/// use tokens_core::types::Timestamp;
/// use tower::{Service, ServiceExt};
///
/// let clock = ManualClock::auto_advancing(Timestamp::UNIX_EPOCH);
/// // A service that never answers.
/// let never = tower::service_fn(|_req: ()| std::future::pending::<Result<(), tokens_core::Error>>());
/// let mut svc = Timeout::new(never, Arc::new(clock.clone()), Duration::from_secs(60));
///
/// let err = svc.ready().await?.call(()).await.unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Timeout);
/// assert_eq!(clock.sleeps(), vec![Duration::from_secs(60)]);
/// # Ok::<(), tokens_core::Error>(())
/// # }).unwrap();
/// ```
///
/// # Clone
///
/// Clones share the clock and have the same limit; each call has its own timer.
#[derive(Clone)]
pub struct Timeout<S> {
    inner: S,
    clock: Arc<dyn Clock>,
    limit: Duration,
}

impl<S> Timeout<S> {
    /// Wraps `inner` so each call fails after `limit`.
    pub fn new(inner: S, clock: Arc<dyn Clock>, limit: Duration) -> Self {
        Timeout {
            inner,
            clock,
            limit,
        }
    }

    /// The per-attempt limit.
    pub fn limit(&self) -> Duration {
        self.limit
    }

    /// The wrapped service.
    pub fn get_ref(&self) -> &S {
        &self.inner
    }

    /// Unwraps the inner service.
    pub fn into_inner(self) -> S {
        self.inner
    }
}

impl<S, R> Service<R> for Timeout<S>
where
    S: Service<R>,
    S::Error: Into<Error>,
{
    type Response = S::Response;
    type Error = Error;
    type Future = ResponseFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        self.inner.poll_ready(cx).map_err(Into::into)
    }

    fn call(&mut self, request: R) -> Self::Future {
        let sleep = self.clock.sleep(self.limit);
        ResponseFuture::new(self.inner.call(request), sleep, self.limit)
    }
}

impl<S: fmt::Debug> fmt::Debug for Timeout<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Timeout")
            .field("inner", &self.inner)
            .field("limit", &self.limit)
            .finish_non_exhaustive()
    }
}
