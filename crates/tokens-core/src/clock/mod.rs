//! A [`Clock`] that only moves when a test tells it to.
//!
//! Retry, rate-limit, timeout and token-refresh behaviour is all about time, and tests that
//! wait on real time are slow and flaky. [`ManualClock`] gives tests a wall clock and a
//! monotonic clock that stand still until [`ManualClock::advance`] is called, and sleeps that
//! complete exactly when the clock passes their deadline. In
//! [auto-advance mode](ManualClock::auto_advancing) a sleep that is polled moves the clock
//! forward to the next pending deadline, so a call that backs off five times still finishes
//! instantly, and [`ManualClock::sleeps`] tells the test which waits it sat through.
//!
//! It uses no runtime and no real time, so it works under any executor and on `wasm32`.

mod sleep;

pub use sleep::ManualSleep;

use crate::runtime::{BoxFuture, Clock};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::Waker;
use std::time::Duration;
use tokens_types::Timestamp;

/// A deterministic clock for tests: time moves only through [`advance`](Self::advance) or,
/// in auto-advance mode, through sleeps.
///
/// ```
/// use std::time::Duration;
/// use tokens_core::{Clock, ManualClock};
/// use tokens_core::types::Timestamp;
///
/// let clock = ManualClock::new(Timestamp::from_millis(1_700_000_000_000));
/// let mut sleep = clock.sleep(Duration::from_secs(5));
///
/// clock.advance(Duration::from_secs(4));
/// assert_eq!(clock.pending_sleeps(), 1);
/// clock.advance(Duration::from_secs(1));
/// assert_eq!(clock.pending_sleeps(), 0); // the sleep's deadline has passed: it is woken
///
/// assert_eq!(clock.monotonic(), Duration::from_secs(5));
/// assert_eq!(clock.now().as_millis(), 1_700_000_005_000);
/// assert_eq!(clock.requested_sleeps(), vec![Duration::from_secs(5)]);
/// ```
///
/// # Clone
///
/// Clones share one timeline: advancing any clone advances them all, and every clone sees the
/// same sleepers and the same record of sleeps.
#[derive(Clone)]
pub struct ManualClock {
    shared: Arc<Mutex<Timeline>>,
}

/// The state every clone of a [`ManualClock`] shares.
struct Timeline {
    start: Timestamp,
    elapsed: Duration,
    auto_advance: bool,
    next_id: u64,
    /// Pending sleepers by (deadline, id), so the earliest come first.
    sleepers: BTreeMap<(Duration, u64), Option<Waker>>,
    /// Every duration passed to `sleep`, in call order.
    requested: Vec<Duration>,
    /// The durations of the sleeps that ran to completion, in the order they completed.
    completed: Vec<Duration>,
}

impl ManualClock {
    /// A clock whose wall time starts at `start` and whose monotonic reading starts at zero.
    pub fn new(start: Timestamp) -> Self {
        let timeline = Timeline {
            start,
            elapsed: Duration::ZERO,
            auto_advance: false,
            next_id: 0,
            sleepers: BTreeMap::new(),
            requested: Vec::new(),
            completed: Vec::new(),
        };
        ManualClock {
            shared: Arc::new(Mutex::new(timeline)),
        }
    }

    /// A clock in auto-advance mode: when a sleep that is not yet due is polled, time jumps
    /// to the earliest pending sleeper's deadline, so code that waits finishes at once while
    /// the clock still records how long it would have waited.
    ///
    /// Time never jumps past a shorter sleeper, so a long timer raced against shorter waits
    /// (a deadline around an attempt that backs off) fires only when nothing else is due
    /// before it. Unlike tokio's paused time, the jump does not wait for every task to be
    /// idle: a task blocked on something other than time (a channel, a lock) while another
    /// sleeps on a timer lets that timer fire at once. Use [`ManualClock::new`] and
    /// [`advance`](ManualClock::advance) for such tests.
    ///
    /// ```
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// use std::time::Duration;
    /// use tokens_core::{Clock, ManualClock};
    /// use tokens_core::types::Timestamp;
    ///
    /// let clock = ManualClock::auto_advancing(Timestamp::UNIX_EPOCH);
    /// clock.sleep(Duration::from_secs(30)).await;
    /// assert_eq!(clock.monotonic(), Duration::from_secs(30));
    /// # });
    /// ```
    pub fn auto_advancing(start: Timestamp) -> Self {
        let clock = ManualClock::new(start);
        clock.set_auto_advance(true);
        clock
    }

    /// Turns auto-advance mode on or off for every clone.
    pub fn set_auto_advance(&self, on: bool) {
        self.lock().auto_advance = on;
    }

    /// Moves time forward by `by` and wakes every sleeper whose deadline has come.
    pub fn advance(&self, by: Duration) {
        let woken = {
            let mut timeline = self.lock();
            let target = timeline.elapsed.saturating_add(by);
            timeline.move_to(target)
        };
        wake_all(woken);
    }

    /// Moves time forward to the earliest pending sleeper's deadline and wakes it (and any
    /// other sleeper due at the same moment). Returns how far time moved, or `None` when
    /// nobody sleeps.
    pub fn advance_to_next_sleeper(&self) -> Option<Duration> {
        let (moved, woken) = {
            let mut timeline = self.lock();
            let (&(deadline, _), _) = timeline.sleepers.iter().next()?;
            let moved = deadline.saturating_sub(timeline.elapsed);
            (moved, timeline.move_to(deadline))
        };
        wake_all(woken);
        Some(moved)
    }

    /// The durations of the sleeps that ran to completion, in the order they completed:
    /// the waits the code under test actually sat through. A sleep dropped before its
    /// deadline (the timer of a race that the other side won) is not in it.
    pub fn sleeps(&self) -> Vec<Duration> {
        self.lock().completed.clone()
    }

    /// Returns and forgets the record of completed sleeps.
    pub fn take_sleeps(&self) -> Vec<Duration> {
        std::mem::take(&mut self.lock().completed)
    }

    /// Every duration passed to [`Clock::sleep`] so far, finished or not, in call order.
    pub fn requested_sleeps(&self) -> Vec<Duration> {
        self.lock().requested.clone()
    }

    /// How many sleeps are waiting for their deadline (created, not finished, not dropped).
    pub fn pending_sleeps(&self) -> usize {
        self.lock().sleepers.len()
    }

    /// Time since the clock was made: the same as [`Clock::monotonic`].
    pub fn elapsed(&self) -> Duration {
        self.lock().elapsed
    }

    fn lock(&self) -> MutexGuard<'_, Timeline> {
        // A panic while the lock was held cannot leave the timeline half-updated in a way that
        // matters to a test, so a poisoned lock is used as it is.
        self.shared
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Timeline {
    /// Sets the elapsed time to `target` (never backwards) and removes the sleepers now due,
    /// returning their wakers so they can be woken after the lock is released.
    fn move_to(&mut self, target: Duration) -> Vec<Waker> {
        if target > self.elapsed {
            self.elapsed = target;
        }
        let still_pending = self.sleepers.split_off(&(self.elapsed, u64::MAX));
        let due = std::mem::replace(&mut self.sleepers, still_pending);
        due.into_values().flatten().collect()
    }
}

fn wake_all(wakers: Vec<Waker>) {
    for waker in wakers {
        waker.wake();
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Timestamp {
        let timeline = self.lock();
        timeline
            .start
            .checked_add(timeline.elapsed)
            .unwrap_or(timeline.start)
    }

    fn monotonic(&self) -> Duration {
        self.elapsed()
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        Box::pin(ManualSleep::new(self.clone(), duration))
    }
}

impl fmt::Debug for ManualClock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let timeline = self.lock();
        f.debug_struct("ManualClock")
            .field("start", &timeline.start)
            .field("elapsed", &timeline.elapsed)
            .field("auto_advance", &timeline.auto_advance)
            .field("pending_sleeps", &timeline.sleepers.len())
            .finish_non_exhaustive()
    }
}
