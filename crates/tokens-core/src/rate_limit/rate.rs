//! How many requests per second the limiter lets through, and how many at once.

use std::num::NonZeroU32;
use std::time::Duration;

/// A steady rate of requests per second, with a burst allowance.
///
/// ```
/// use std::num::NonZeroU32;
/// use std::time::Duration;
/// use tokens_core::rate_limit::Rate;
///
/// let rate = Rate::per_second(NonZeroU32::new(10).unwrap()).with_burst(NonZeroU32::MIN);
/// assert_eq!(rate.interval(), Duration::from_millis(100));
/// assert_eq!(rate.burst().get(), 1);
/// assert_eq!(Rate::default().per_second_value().get(), 15);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    per_second: NonZeroU32,
    burst: NonZeroU32,
}

impl Rate {
    /// The default: 15 requests per second, as the official Go SDK limits itself, with a
    /// burst of 15.
    pub const DEFAULT: Rate = Rate {
        per_second: NonZeroU32::new(15).expect("15 is not zero"),
        burst: NonZeroU32::new(15).expect("15 is not zero"),
    };

    /// `requests` per second, with a burst of the same size: an idle client may send up to
    /// one second's worth at once, then one request every `1 / requests` seconds.
    ///
    /// This is the number `DATABRICKS_RATE_LIMIT` holds.
    pub const fn per_second(requests: NonZeroU32) -> Rate {
        Rate {
            per_second: requests,
            burst: requests,
        }
    }

    /// Sets how many requests an idle client may send at once.
    #[must_use]
    pub const fn with_burst(mut self, burst: NonZeroU32) -> Rate {
        self.burst = burst;
        self
    }

    /// The steady rate in requests per second.
    pub const fn per_second_value(self) -> NonZeroU32 {
        self.per_second
    }

    /// How many requests an idle client may send at once.
    pub const fn burst(self) -> NonZeroU32 {
        self.burst
    }

    /// The time between two requests at the steady rate.
    pub fn interval(self) -> Duration {
        Duration::from_secs(1) / self.per_second.get()
    }

    /// How far ahead of the steady schedule a burst may run.
    pub(super) fn tolerance(self) -> Duration {
        self.interval() * (self.burst.get() - 1)
    }
}

impl Default for Rate {
    fn default() -> Self {
        Rate::DEFAULT
    }
}
