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
        let (ready, woken) = {
            let mut timeline = self.clock.lock();
            let deadline = self.key.0;
            if timeline.elapsed >= deadline {
                timeline.sleepers.remove(&self.key);
                (true, Vec::new())
            } else if timeline.auto_advance {
                (true, timeline.move_to(deadline))
            } else {
                timeline.sleepers.insert(self.key, Some(cx.waker().clone()));
                (false, Vec::new())
            }
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
