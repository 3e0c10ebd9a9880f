//! The token bucket every clone of a rate-limited service shares.
//!
//! The bucket is kept as a schedule rather than a count of tokens (the "generic cell rate
//! algorithm"): it remembers the theoretical time at which the next request would be on
//! schedule. Each caller, in the order it arrives, reserves the next free slot and learns
//! exactly when that slot comes, then sleeps until then. That serves waiting callers in
//! arrival order with one timer each, instead of waking them all to race for a token
//! whenever one frees up.

use super::Rate;
use crate::runtime::Clock;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

/// A shared request schedule: the token bucket behind [`RateLimit`](super::RateLimit).
///
/// ```
/// use std::sync::Arc;
/// use std::time::Duration;
/// use tokens_core::rate_limit::{Rate, RateLimiter};
/// use tokens_core::ManualClock;
/// use tokens_core::types::Timestamp;
///
/// let clock = Arc::new(ManualClock::new(Timestamp::UNIX_EPOCH));
/// let limiter = RateLimiter::new(clock, Rate::DEFAULT);
/// limiter.pause(Duration::from_secs(2)); // what a 429 with `Retry-After: 2` does
/// assert_eq!(limiter.paused_for(), Duration::from_secs(2));
/// ```
///
/// # Clone
///
/// Clones share one schedule: a request through any clone uses a slot for all of them, and a
/// pause applies to all of them.
#[derive(Clone)]
pub struct RateLimiter {
    // One `Arc` for all of it: every call clones the limiter.
    shared: Arc<Shared>,
}

struct Shared {
    clock: Arc<dyn Clock>,
    bucket: Mutex<Bucket>,
    /// `Bucket::paused_until` in nanoseconds, written under the lock, so that a caller can
    /// learn that no pause reaches past a time without taking the lock or reading the clock.
    paused_until_nanos: AtomicU64,
}

/// The schedule, in monotonic clock time.
#[derive(Debug)]
struct Bucket {
    rate: Rate,
    /// When the next request would be exactly on the steady schedule.
    next_on_schedule: Duration,
    /// No request starts before this time (set by a 429).
    paused_until: Duration,
}

/// A slot a caller holds in the schedule.
#[derive(Debug, Clone, Copy)]
pub(super) struct Reservation {
    /// When the caller may send.
    pub(super) at: Duration,
    /// The clock's reading when the slot was taken: a slot due by then needs no wait.
    pub(super) taken_at: Duration,
    /// The schedule right after this reservation, to undo it if the caller gives up.
    schedule_after: Duration,
}

impl RateLimiter {
    /// A new, idle schedule at `rate`, timed by `clock`.
    pub fn new(clock: Arc<dyn Clock>, rate: Rate) -> Self {
        let bucket = Bucket {
            rate,
            next_on_schedule: Duration::ZERO,
            paused_until: Duration::ZERO,
        };
        RateLimiter {
            shared: Arc::new(Shared {
                clock,
                bucket: Mutex::new(bucket),
                paused_until_nanos: AtomicU64::new(0),
            }),
        }
    }

    /// The rate this limiter enforces.
    pub fn rate(&self) -> Rate {
        self.lock().rate
    }

    /// Stops every request through this limiter, and its clones, from starting for `wait`
    /// from now. After the pause, requests resume at the steady rate, without a burst.
    pub fn pause(&self, wait: Duration) {
        let now = self.shared.clock.monotonic();
        let mut bucket = self.lock();
        let until = now.saturating_add(wait);
        if until > bucket.paused_until {
            bucket.paused_until = until;
            self.shared
                .paused_until_nanos
                .store(nanos(until), Ordering::Release);
        }
        let resume_at = bucket.paused_until.saturating_add(bucket.rate.tolerance());
        if resume_at > bucket.next_on_schedule {
            bucket.next_on_schedule = resume_at;
        }
    }

    /// How long the current pause still lasts (zero when not paused).
    pub fn paused_for(&self) -> Duration {
        let now = self.shared.clock.monotonic();
        self.lock().paused_until.saturating_sub(now)
    }

    /// Takes the next free slot.
    pub(super) fn reserve(&self) -> Reservation {
        let now = self.shared.clock.monotonic();
        let mut bucket = self.lock();
        let interval = bucket.rate.interval();
        let earliest = now.max(bucket.paused_until);
        let at = earliest.max(
            bucket
                .next_on_schedule
                .saturating_sub(bucket.rate.tolerance()),
        );
        bucket.next_on_schedule = at.max(bucket.next_on_schedule).saturating_add(interval);
        Reservation {
            at,
            taken_at: now,
            schedule_after: bucket.next_on_schedule,
        }
    }

    /// Gives a slot back when its caller stops waiting, if no later caller took a slot after
    /// it; otherwise the slot stays used, which only makes the limiter a little stricter.
    pub(super) fn cancel(&self, reservation: Reservation) {
        let mut bucket = self.lock();
        if bucket.next_on_schedule == reservation.schedule_after {
            let interval = bucket.rate.interval();
            bucket.next_on_schedule = bucket.next_on_schedule.saturating_sub(interval);
        }
    }

    /// Whether a pause began after a caller's slot was given, so it must wait again.
    ///
    /// `since` is a reading of the monotonic clock taken earlier: a pause that ends by then
    /// has ended now, which the common case (no pause at all) learns from one atomic load.
    pub(super) fn is_paused(&self, since: Duration) -> bool {
        let until = self.shared.paused_until_nanos.load(Ordering::Acquire);
        if until != u64::MAX && until <= nanos(since) {
            return false;
        }
        self.paused_for() > Duration::ZERO
    }

    pub(super) fn clock(&self) -> &Arc<dyn Clock> {
        &self.shared.clock
    }

    fn lock(&self) -> MutexGuard<'_, Bucket> {
        // The bucket is a few durations, always left consistent: a poisoned lock is usable.
        self.shared
            .bucket
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

/// A duration in nanoseconds, `u64::MAX` for any beyond (about 584 years).
fn nanos(duration: Duration) -> u64 {
    u64::try_from(duration.as_nanos()).unwrap_or(u64::MAX)
}

impl fmt::Debug for RateLimiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RateLimiter")
            .field("bucket", &*self.lock())
            .finish_non_exhaustive()
    }
}
