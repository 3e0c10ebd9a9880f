//! Waiting for a slot.

use super::limiter::{RateLimiter, Reservation};
use std::time::Duration;

/// How many times a waiting caller re-queues because 429s keep arriving before it goes
/// anyway; the pauses themselves are capped, so this only bounds the loop.
const MAX_REQUEUES: u32 = 32;

/// Sleeps until the slot `first` comes. If a 429 paused the limiter meanwhile, the slot is
/// stale and the caller queues again behind the pause.
pub(super) async fn wait_for_slot(limiter: &RateLimiter, first: Reservation) {
    let mut reservation = first;
    for _ in 0..MAX_REQUEUES {
        let held = HeldSlot {
            limiter,
            reservation: Some(reservation),
        };
        // The monotonic clock never goes back: a slot due when it was taken is due now.
        let wait = if reservation.at <= reservation.taken_at {
            Duration::ZERO
        } else {
            reservation.at.saturating_sub(limiter.clock().monotonic())
        };
        if wait > Duration::ZERO {
            tracing::trace!(wait = ?wait, "rate limit: waiting for a slot");
            limiter.clock().sleep(wait).await;
        }
        held.used();
        if !limiter.is_paused(reservation.taken_at) {
            return;
        }
        reservation = limiter.reserve();
    }
}

/// A reserved slot that goes back to the schedule if the caller stops waiting.
struct HeldSlot<'a> {
    limiter: &'a RateLimiter,
    reservation: Option<Reservation>,
}

impl HeldSlot<'_> {
    fn used(mut self) {
        self.reservation = None;
    }
}

impl Drop for HeldSlot<'_> {
    fn drop(&mut self) {
        if let Some(reservation) = self.reservation.take() {
            self.limiter.cancel(reservation);
        }
    }
}
