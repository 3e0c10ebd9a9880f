//! Where the emulator reads the time: the system clock, or a manual clock that tests move.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime};
use tokens_types::Timestamp;

/// The time source of an emulator: creation and expiry times, and every expiry check.
///
/// Latency faults are not driven by this clock: they delay real replies, so they use the
/// runtime's timer.
///
/// ```
/// use std::sync::Arc;
/// use tokens_emulator::{Emulator, EmulatorClock, ManualClock};
/// use tokens_types::Timestamp;
///
/// let clock = ManualClock::new(Timestamp::from_millis(1_700_000_000_000));
/// let builder = Emulator::builder().clock(Arc::new(clock.clone()));
/// assert_eq!(clock.now().as_millis(), 1_700_000_000_000);
/// # drop(builder);
/// ```
pub trait EmulatorClock: Send + Sync + fmt::Debug + 'static {
    /// The current time.
    fn now(&self) -> Timestamp;
}

/// The machine's wall clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl EmulatorClock for SystemClock {
    fn now(&self) -> Timestamp {
        Timestamp::from_system_time(SystemTime::now()).unwrap_or(Timestamp::UNIX_EPOCH)
    }
}

/// A clock that stands still until told to move; clones share the same time.
///
/// ```
/// use std::time::Duration;
/// use tokens_emulator::{EmulatorClock, ManualClock};
/// use tokens_types::Timestamp;
///
/// let clock = ManualClock::new(Timestamp::from_millis(0));
/// let shared = clock.clone();
/// clock.advance(Duration::from_secs(2));
/// assert_eq!(shared.now().as_millis(), 2_000);
/// ```
#[derive(Debug, Clone)]
pub struct ManualClock {
    millis: Arc<AtomicI64>,
}

impl ManualClock {
    /// A clock showing `start`.
    pub fn new(start: Timestamp) -> Self {
        ManualClock {
            millis: Arc::new(AtomicI64::new(start.as_millis())),
        }
    }

    /// Moves the clock forward by `by` (saturating at the largest time).
    pub fn advance(&self, by: Duration) {
        let step = i64::try_from(by.as_millis()).unwrap_or(i64::MAX);
        // `fetch_update` with a closure that always returns `Some` cannot fail.
        let _ = self
            .millis
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |now| {
                Some(now.saturating_add(step))
            });
    }

    /// Sets the clock to `time`.
    ///
    /// Moving it backwards is allowed, but tokens the emulator already found expired and
    /// removed do not come back.
    pub fn set(&self, time: Timestamp) {
        self.millis.store(time.as_millis(), Ordering::SeqCst);
    }
}

impl EmulatorClock for ManualClock {
    fn now(&self) -> Timestamp {
        Timestamp::from_millis(self.millis.load(Ordering::SeqCst))
    }
}
