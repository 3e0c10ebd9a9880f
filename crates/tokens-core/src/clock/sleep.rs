//! The future returned by [`ManualClock`]'s `sleep`.

use super::{ManualClock, wake_all};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

/// A sleep on a [`ManualClock`]: ready once the clock reaches its deadline.
///
/// Dropping it before then removes it from the clock's pending sleepers.
pub struct ManualSleep {
    clock: ManualClock,
    key: (Duration, u64),
    duration: Duration,
    done: bool,
}

impl ManualSleep {
    /// Registers a sleep of `duration` from the clock's current time.
    pub(super) fn new(clock: ManualClock, duration: Duration) -> Self {
        let key = {
            let mut timeline = clock.lock();
            timeline.requested.push(duration);
            let id = timeline.next_id;
            timeline.next_id += 1;
            let deadline = timeline.elapsed.saturating_add(duration);
            if deadline > timeline.elapsed {
                timeline.sleepers.insert((deadline, id), None);
            }
            (deadline, id)
        };
        ManualSleep {
            clock,
            key,
            duration,
            done: false,
        }
    }
}

impl Future for ManualSleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.done {
            return Poll::Ready(());
        }
        let deadline = self.key.0;
        let (ready, woken) = {
            let mut timeline = self.clock.lock();
            let woken = if timeline.auto_advance && timeline.elapsed < deadline {
                // Jump to the earliest pending deadline, which may be this sleep's or an
                // earlier one's; never past a shorter sleeper.
                let earliest = timeline
                    .sleepers
                    .keys()
                    .next()
                    .map_or(deadline, |&(at, _)| at.min(deadline));
                timeline.move_to(earliest)
            } else {
                Vec::new()
            };
            let ready = timeline.elapsed >= deadline;
            if ready {
                timeline.sleepers.remove(&self.key);
                timeline.completed.push(self.duration);
            } else {
                timeline.sleepers.insert(self.key, Some(cx.waker().clone()));
            }
            (ready, woken)
        };
        wake_all(woken);
        if ready {
            self.done = true;
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    }
}

impl Drop for ManualSleep {
    fn drop(&mut self) {
        if !self.done {
            self.clock.lock().sleepers.remove(&self.key);
        }
    }
}

impl fmt::Debug for ManualSleep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ManualSleep")
            .field("deadline", &self.key.0)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}
