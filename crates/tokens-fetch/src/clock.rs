//! The browser implementation of [`tokens_core::Clock`].

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use tokens_core::types::Timestamp;
use tokens_core::{BoxFuture, Clock};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::js_global::{PERFORMANCE, Performance, clear_timeout, set_timeout};

/// The longest delay `setTimeout` honours; larger values overflow to an immediate timer.
const MAX_TIMER_MILLIS: u64 = i32::MAX as u64;

/// The clock of a JavaScript host: `Date.now()`, `performance.now()` and `setTimeout`.
///
/// It reads the global functions every time, so it works in a page, in a worker and in Node,
/// and it holds no JavaScript object, so it is `Send + Sync` as [`Clock`] requires.
///
/// ```
/// # #[cfg(target_arch = "wasm32")]
/// # async fn demo() {
/// use std::time::Duration;
/// use tokens_core::Clock;
/// use tokens_fetch::BrowserClock;
///
/// let clock = BrowserClock::new();
/// let start = clock.monotonic();
/// clock.sleep(Duration::from_millis(5)).await;
/// assert!(clock.monotonic() >= start);
/// # }
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct BrowserClock {
    _private: (),
}

impl BrowserClock {
    /// The clock of the current JavaScript host.
    pub const fn new() -> Self {
        BrowserClock { _private: () }
    }
}

impl Clock for BrowserClock {
    fn now(&self) -> Timestamp {
        Timestamp::from_millis(date_now_millis())
    }

    /// `performance.now()` where the host has it (pages, workers, Node); otherwise
    /// `Date.now()`, held so that it never goes backwards when the system clock is set back.
    fn monotonic(&self) -> Duration {
        let millis = PERFORMANCE.with(|performance| performance.as_ref().map(Performance::now));
        match millis {
            Some(millis) => duration_from_millis(millis),
            None => monotonic_from_date(),
        }
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        Box::pin(sleep(duration))
    }
}

/// Sleeps for `duration` with `setTimeout`, in steps that fit the timer's 32-bit range.
///
/// Never shorter than asked by [`BrowserClock::monotonic`]: Node fires timers up to a
/// millisecond early by `performance.now()`, so after each timer the remaining time is
/// measured again and slept off. Dropping the future clears the pending timer.
async fn sleep(duration: Duration) {
    let clock = BrowserClock::new();
    let start = clock.monotonic();

    // Each round sleeps at least 1 ms, or up to 24.8 days per step for long sleeps, so the
    // rounds needed are the steps plus a few early wake-ups; the bound only guards against a
    // clock that stopped.
    let steps = duration.as_millis() / u128::from(MAX_TIMER_MILLIS);
    let max_rounds = u32::try_from(steps).unwrap_or(u32::MAX).saturating_add(64);
    for _ in 0..max_rounds {
        let elapsed = clock.monotonic().saturating_sub(start);
        let Some(remaining) = duration.checked_sub(elapsed).filter(|r| !r.is_zero()) else {
            return;
        };
        let millis = u64::try_from(remaining.as_nanos().div_ceil(1_000_000)).unwrap_or(u64::MAX);
        Timer::start(millis.min(MAX_TIMER_MILLIS)).await;
    }
}

/// One `setTimeout` call as a future; dropping it before it fires clears the timer.
struct Timer {
    handle: JsValue,
    fired: JsFuture,
    done: bool,
}

impl Timer {
    fn start(millis: u64) -> Self {
        let millis = i32::try_from(millis).unwrap_or(i32::MAX);
        let mut handle = JsValue::UNDEFINED;
        // The executor runs before `Promise::new` returns, so `handle` is set below.
        let promise = js_sys::Promise::new(&mut |resolve, _reject| {
            handle = set_timeout(&resolve, millis);
        });
        Timer {
            handle,
            fired: JsFuture::from(promise),
            done: false,
        }
    }
}

impl Future for Timer {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = &mut *self;
        match Pin::new(&mut this.fired).poll(cx) {
            Poll::Ready(_) => {
                this.done = true;
                Poll::Ready(())
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if !self.done {
            clear_timeout(&self.handle);
        }
    }
}

fn date_now_millis() -> i64 {
    // `Date.now()` is an integral number of milliseconds well inside the i64 range.
    #[allow(
        clippy::cast_possible_truncation,
        reason = "Date.now() is integral and small"
    )]
    let millis = js_sys::Date::now() as i64;
    millis
}

/// `Date.now()`, never smaller than a value returned before.
fn monotonic_from_date() -> Duration {
    static HIGHEST: AtomicU64 = AtomicU64::new(0);

    let now = u64::try_from(date_now_millis()).unwrap_or(0);
    let previous = HIGHEST.fetch_max(now, Ordering::Relaxed);
    Duration::from_millis(now.max(previous))
}

fn duration_from_millis(millis: f64) -> Duration {
    if millis.is_finite() && millis > 0.0 {
        Duration::try_from_secs_f64(millis / 1000.0).unwrap_or(Duration::MAX)
    } else {
        Duration::ZERO
    }
}

#[cfg(test)]
mod tests {
    use super::{BrowserClock, duration_from_millis, monotonic_from_date};
    use std::time::Duration;
    use tokens_core::Clock;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn odd_performance_readings_become_zero_not_a_panic() {
        assert_eq!(duration_from_millis(f64::NAN), Duration::ZERO);
        assert_eq!(duration_from_millis(-5.0), Duration::ZERO);
        assert_eq!(duration_from_millis(f64::INFINITY), Duration::ZERO);
        assert_eq!(duration_from_millis(1500.0), Duration::from_millis(1500));
    }

    #[wasm_bindgen_test]
    fn the_date_fallback_never_goes_backwards() {
        let mut previous = monotonic_from_date();
        for _ in 0..1000 {
            let next = monotonic_from_date();
            assert!(next >= previous);
            previous = next;
        }
    }

    #[wasm_bindgen_test]
    async fn a_zero_sleep_completes() {
        BrowserClock::new().sleep(Duration::ZERO).await;
    }
}
