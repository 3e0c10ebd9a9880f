//! The [`Layer`] that applies [`RateLimit`].

use super::{DEFAULT_MAX_PAUSE, DEFAULT_PAUSE, Rate, RateLimit, RateLimiter};
use crate::runtime::Clock;
use std::sync::Arc;
use std::time::Duration;
use tower::Layer;

/// Applies a [`RateLimit`] whose [`RateLimiter`] is shared by every service it makes.
///
/// ```
/// use std::sync::Arc;
/// use tokens_core::rate_limit::{Rate, RateLimitLayer};
/// use tokens_core::ManualClock;
/// use tokens_core::types::Timestamp;
///
/// let clock = Arc::new(ManualClock::new(Timestamp::UNIX_EPOCH));
/// let layer = RateLimitLayer::new(clock, Rate::DEFAULT);
/// assert_eq!(layer.limiter().rate().per_second_value().get(), 15);
/// ```
///
/// # Clone
///
/// Clones of the layer, and every service made from it, share one [`RateLimiter`]. Make a
/// second layer for an independent limit.
#[derive(Debug, Clone)]
pub struct RateLimitLayer {
    limiter: RateLimiter,
    default_pause: Duration,
    max_pause: Duration,
}

impl RateLimitLayer {
    /// A layer with a new limiter at `rate`, timed by `clock`.
    pub fn new(clock: Arc<dyn Clock>, rate: Rate) -> Self {
        RateLimitLayer::with_limiter(RateLimiter::new(clock, rate))
    }

    /// A layer over an existing limiter, to share one limit among several clients.
    pub fn with_limiter(limiter: RateLimiter) -> Self {
        RateLimitLayer {
            limiter,
            default_pause: DEFAULT_PAUSE,
            max_pause: DEFAULT_MAX_PAUSE,
        }
    }

    /// How long a 429 that names no wait pauses the limiter (default 1 second).
    #[must_use]
    pub fn with_default_pause(mut self, pause: Duration) -> Self {
        self.default_pause = pause;
        self
    }

    /// The longest pause one 429 can cause (default 60 seconds).
    #[must_use]
    pub fn with_max_pause(mut self, pause: Duration) -> Self {
        self.max_pause = pause;
        self
    }

    /// The shared limiter.
    pub fn limiter(&self) -> &RateLimiter {
        &self.limiter
    }
}

impl<S> Layer<S> for RateLimitLayer {
    type Service = RateLimit<S>;

    fn layer(&self, inner: S) -> RateLimit<S> {
        let mut service = RateLimit::new(inner, self.limiter.clone());
        service.set_pauses(self.default_pause, self.max_pause);
        service
    }
}
