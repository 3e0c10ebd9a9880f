//! How long to wait between attempts, and how long a whole call may take.

use std::time::Duration;

/// The deadline of a whole call when neither the policy nor the request sets one: 300
/// seconds, as the official SDKs use.
pub const DEFAULT_CALL_TIMEOUT: Duration = Duration::from_secs(300);

/// The backoff settings and the call deadline of the retry layer.
///
/// Without a wait named by the server (`Retry-After`, `RetryInfo`), retry `n` (from 0)
/// sleeps a random time between zero and `min(cap, base × 2ⁿ)` ("full jitter"), which
/// spreads out clients that failed together instead of sending them back in step.
///
/// ```
/// use std::time::Duration;
/// use tokens_core::retry::RetryPolicy;
///
/// let policy = RetryPolicy::default()
///     .with_backoff(Duration::from_millis(200), Duration::from_secs(10))
///     .with_call_timeout(Duration::from_secs(60));
/// assert_eq!(policy.ceiling(0), Duration::from_millis(200));
/// assert_eq!(policy.ceiling(3), Duration::from_millis(1600));
/// assert_eq!(policy.ceiling(20), Duration::from_secs(10));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    base: Duration,
    cap: Duration,
    call_timeout: Duration,
    max_retries: u32,
}

impl RetryPolicy {
    /// Backoff base 1 s and cap 30 s, a call deadline of 300 s, and at most 50 retries.
    pub const fn new() -> Self {
        RetryPolicy {
            base: Duration::from_secs(1),
            cap: Duration::from_secs(30),
            call_timeout: DEFAULT_CALL_TIMEOUT,
            max_retries: 50,
        }
    }

    /// Sets the first backoff ceiling (`base`) and the largest one (`cap`).
    #[must_use]
    pub const fn with_backoff(mut self, base: Duration, cap: Duration) -> Self {
        self.base = base;
        self.cap = cap;
        self
    }

    /// Sets the deadline of a whole call, retries and waits included. A request can carry
    /// its own in a [`CallTimeout`](super::CallTimeout) extension.
    #[must_use]
    pub const fn with_call_timeout(mut self, call_timeout: Duration) -> Self {
        self.call_timeout = call_timeout;
        self
    }

    /// Sets how many times one call may be sent again. The deadline and the retry budget
    /// normally stop retries first; this only bounds a server that asks for no wait at all.
    #[must_use]
    pub const fn with_max_retries(mut self, max_retries: u32) -> Self {
        self.max_retries = max_retries;
        self
    }

    /// The deadline of a whole call.
    pub const fn call_timeout(&self) -> Duration {
        self.call_timeout
    }

    /// How many times one call may be sent again.
    pub const fn max_retries(&self) -> u32 {
        self.max_retries
    }

    /// The upper bound of the random wait before retry `retry` (counted from 0):
    /// `min(cap, base × 2^retry)`.
    pub fn ceiling(&self, retry: u32) -> Duration {
        let factor = 1u32 << retry.min(31);
        self.base.saturating_mul(factor).min(self.cap)
    }

    /// A random wait in `0..=ceiling(retry)`.
    pub(crate) fn backoff(&self, retry: u32, rng: &mut fastrand::Rng) -> Duration {
        let ceiling = u64::try_from(self.ceiling(retry).as_nanos()).unwrap_or(u64::MAX);
        Duration::from_nanos(rng.u64(0..=ceiling))
    }
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy::new()
    }
}
