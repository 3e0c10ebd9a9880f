//! The tokio implementation of the core's [`Clock`].

use std::time::{Duration, SystemTime};
use tokens_core::{BoxFuture, Clock};
use tokens_types::Timestamp;

/// Time and sleeping from tokio, for the core's retry, rate-limit and credential layers.
///
/// ```
/// use std::time::Duration;
/// use tokens_core::Clock;
/// use tokens_hyper::TokioClock;
///
/// # #[tokio::main(flavor = "current_thread", start_paused = true)]
/// # async fn main() {
/// let clock = TokioClock::new();
/// let before = clock.monotonic();
/// clock.sleep(Duration::from_secs(5)).await;
/// assert!(clock.monotonic() - before >= Duration::from_secs(5));
/// # }
/// ```
///
/// [`Clock::monotonic`] counts from a `tokio::time::Instant` taken when the clock is made,
/// so it follows tokio's paused test time (`#[tokio::test(start_paused = true)]`) just like
/// [`Clock::sleep`] does. [`Clock::now`] reads the system's wall clock, which tokio cannot
/// pause.
///
/// # Panics
///
/// The future returned by [`Clock::sleep`] panics when it is polled outside a tokio runtime
/// with the time driver enabled, as `tokio::time::sleep` does.
#[derive(Debug, Clone, Copy)]
pub struct TokioClock {
    origin: tokio::time::Instant,
}

impl TokioClock {
    /// A clock whose monotonic readings start at zero now.
    pub fn new() -> Self {
        TokioClock {
            origin: tokio::time::Instant::now(),
        }
    }
}

impl Default for TokioClock {
    fn default() -> Self {
        TokioClock::new()
    }
}

impl Clock for TokioClock {
    fn now(&self) -> Timestamp {
        // A system clock set outside the ±292-million-year range of `Timestamp` is not a
        // clock anyone runs; fall back to the epoch rather than panic.
        Timestamp::from_system_time(SystemTime::now()).unwrap_or(Timestamp::UNIX_EPOCH)
    }

    fn monotonic(&self) -> Duration {
        tokio::time::Instant::now().saturating_duration_since(self.origin)
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        // The timer is made on the first poll, so calling `sleep` outside a runtime is fine;
        // only awaiting it there panics.
        Box::pin(async move { tokio::time::sleep(duration).await })
    }
}
