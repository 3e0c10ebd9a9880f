//! The [`Layer`] that applies [`Timeout`].

use super::{DEFAULT_ATTEMPT_TIMEOUT, Timeout};
use crate::runtime::Clock;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;
use tower::Layer;

/// Applies a per-attempt [`Timeout`] to a service.
///
/// ```
/// use std::sync::Arc;
/// use std::time::Duration;
/// use tokens_core::timeout::TimeoutLayer;
/// use tokens_core::ManualClock;
/// use tokens_core::types::Timestamp;
///
/// let clock = Arc::new(ManualClock::new(Timestamp::UNIX_EPOCH));
/// let layer = TimeoutLayer::new(clock).with_limit(Duration::from_secs(10));
/// assert_eq!(layer.limit(), Duration::from_secs(10));
/// ```
///
/// # Clone
///
/// Clones share the clock.
#[derive(Clone)]
pub struct TimeoutLayer {
    clock: Arc<dyn Clock>,
    limit: Duration,
}

impl TimeoutLayer {
    /// A layer with the default limit of 60 seconds ([`DEFAULT_ATTEMPT_TIMEOUT`]).
    pub fn new(clock: Arc<dyn Clock>) -> Self {
        TimeoutLayer {
            clock,
            limit: DEFAULT_ATTEMPT_TIMEOUT,
        }
    }

    /// Sets the per-attempt limit.
    #[must_use]
    pub fn with_limit(mut self, limit: Duration) -> Self {
        self.limit = limit;
        self
    }

    /// The per-attempt limit.
    pub fn limit(&self) -> Duration {
        self.limit
    }
}

impl<S> Layer<S> for TimeoutLayer {
    type Service = Timeout<S>;

    fn layer(&self, inner: S) -> Timeout<S> {
        Timeout::new(inner, Arc::clone(&self.clock), self.limit)
    }
}

impl fmt::Debug for TimeoutLayer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TimeoutLayer")
            .field("limit", &self.limit)
            .finish_non_exhaustive()
    }
}
