//! A client-side rate limit shared by every clone, which a 429 pauses for everyone.
//!
//! The Token API throttles per workspace. A client that sends as fast as it can gets 429s,
//! and a client whose clones each back off on their own keeps hitting the limit from the
//! clones that did not see the 429 yet. So the limit lives in one [`RateLimiter`] that all
//! clones share:
//!
//! - Each request takes the next slot in a schedule of `rate` requests per second, with a
//!   burst allowance (default 15 per second, burst 15, like the official Go SDK; the
//!   configuration reads `DATABRICKS_RATE_LIMIT`). Each caller takes its slot when it calls
//!   the service, so waiting callers are served in the order they called, each sleeping on
//!   the [`Clock`](crate::Clock) until its own slot.
//! - A 429 reply through any clone pauses all of them until its `Retry-After` (seconds or an
//!   HTTP date; else a `RetryInfo` delay in the body; else one second), capped at a maximum
//!   (default 60 seconds) so one odd reply cannot stall a process for hours. Afterwards
//!   requests resume at the steady rate, without a burst.
//!
//! The layer only waits; it never fails a request of its own accord. The retry layer above
//! it bounds the wait with the call's deadline, and retries the 429 itself.

mod layer;
mod limiter;
mod rate;
mod wait;

pub use crate::response_future::ResponseFuture;
pub use layer::RateLimitLayer;
pub use limiter::RateLimiter;
pub use rate::Rate;

use crate::Error;
use crate::runtime::MaybeSend;
use bytes::Bytes;
use http::{Request, Response, StatusCode};
use std::fmt;
use std::task::{Context, Poll};
use std::time::Duration;
use tower::Service;

/// How long a 429 without any `Retry-After` or `RetryInfo` pauses the limiter.
pub const DEFAULT_PAUSE: Duration = Duration::from_secs(1);

/// The longest pause a single 429 can cause.
pub const DEFAULT_MAX_PAUSE: Duration = Duration::from_secs(60);

/// Sends requests no faster than a shared [`RateLimiter`] allows.
///
/// ```
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// use std::num::NonZeroU32;
/// use std::sync::Arc;
/// use std::time::Duration;
/// use bytes::Bytes;
/// use tokens_core::rate_limit::{Rate, RateLimitLayer};
/// use tokens_core::{Clock, ManualClock};
/// use tokens_core::types::Timestamp;
/// use tower::{Layer, ServiceExt};
///
/// let clock = ManualClock::auto_advancing(Timestamp::UNIX_EPOCH);
/// let rate = Rate::per_second(NonZeroU32::new(2).unwrap()).with_burst(NonZeroU32::MIN);
/// let transport = tower::service_fn(|_req: http::Request<Bytes>| async {
///     Ok::<_, tokens_core::Error>(http::Response::new(Bytes::new()))
/// });
/// let svc = RateLimitLayer::new(Arc::new(clock.clone()), rate).layer(transport);
///
/// for _ in 0..3 {
///     svc.clone().oneshot(http::Request::new(Bytes::new())).await?;
/// }
/// // Two requests per second: the second and third each waited half a second.
/// assert_eq!(clock.monotonic(), Duration::from_secs(1));
/// # Ok::<(), tokens_core::Error>(())
/// # }).unwrap();
/// ```
///
/// # Clone
///
/// Clones share the [`RateLimiter`]: together they stay within one rate, and a 429 seen by
/// one pauses all.
///
/// # Limitations
///
/// A caller that gives up while waiting (its call was dropped or hit its deadline) gives
/// its slot back only if nobody reserved a later one; otherwise that slot goes unused.
#[derive(Clone)]
pub struct RateLimit<S> {
    inner: S,
    limiter: RateLimiter,
    default_pause: Duration,
    max_pause: Duration,
}

impl<S> RateLimit<S> {
    /// Wraps `inner` so it is called no faster than `limiter` allows.
    pub fn new(inner: S, limiter: RateLimiter) -> Self {
        RateLimit {
            inner,
            limiter,
            default_pause: DEFAULT_PAUSE,
            max_pause: DEFAULT_MAX_PAUSE,
        }
    }

    /// The shared schedule.
    pub fn limiter(&self) -> &RateLimiter {
        &self.limiter
    }

    /// The wrapped service.
    pub fn get_ref(&self) -> &S {
        &self.inner
    }

    pub(super) fn set_pauses(&mut self, default_pause: Duration, max_pause: Duration) {
        self.default_pause = default_pause;
        self.max_pause = max_pause;
    }
}

impl<S> Service<Request<Bytes>> for RateLimit<S>
where
    S: Service<Request<Bytes>, Response = Response<Bytes>> + Clone + MaybeSend + 'static,
    S::Error: Into<Error>,
    S::Future: MaybeSend,
{
    type Response = Response<Bytes>;
    type Error = Error;
    type Future = ResponseFuture;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        self.inner.poll_ready(cx).map_err(Into::into)
    }

    fn call(&mut self, request: Request<Bytes>) -> ResponseFuture {
        // Use the service that was made ready, and leave a clone for the next caller.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let limiter = self.limiter.clone();
        let (default_pause, max_pause) = (self.default_pause, self.max_pause);

        // The slot is taken now, not when the future is first polled, so callers are served
        // in the order they called.
        let reservation = limiter.reserve();
        ResponseFuture::new(Box::pin(async move {
            wait::wait_for_slot(&limiter, reservation).await;
            let response = inner.call(request).await.map_err(Into::into)?;
            if response.status() == StatusCode::TOO_MANY_REQUESTS {
                let pause = pause_for(&response, &limiter, default_pause).min(max_pause);
                tracing::debug!(pause = ?pause, "429 received: pausing every request that shares this rate limit");
                limiter.pause(pause);
            }
            Ok(response)
        }))
    }
}

/// The wait a 429 asks for, read as [`Error::retry_after`] reads it (`Retry-After`, else
/// `RetryInfo`), else `default_pause`.
fn pause_for(
    response: &Response<Bytes>,
    limiter: &RateLimiter,
    default_pause: Duration,
) -> Duration {
    let now = limiter.clock().now();
    Error::from_response(
        None,
        response.status(),
        response.headers(),
        response.body(),
        now,
    )
    .retry_after()
    .unwrap_or(default_pause)
}

impl<S: fmt::Debug> fmt::Debug for RateLimit<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RateLimit")
            .field("inner", &self.inner)
            .field("limiter", &self.limiter)
            .field("default_pause", &self.default_pause)
            .field("max_pause", &self.max_pause)
            .finish()
    }
}
