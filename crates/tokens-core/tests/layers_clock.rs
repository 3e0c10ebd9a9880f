//! The manual test clock: deterministic time, sleeps that wake exactly when due.

mod support;

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
use std::time::Duration;
use support::START;
use tokens_core::{BoxFuture, Clock, ManualClock};

fn poll(sleep: &mut BoxFuture<'static, ()>) -> Poll<()> {
    let mut cx = Context::from_waker(Waker::noop());
    Pin::new(sleep).as_mut().poll(&mut cx)
}

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

#[test]
fn time_stands_still_until_advanced() {
    let clock = ManualClock::new(START);
    assert_eq!(clock.now(), START);
    assert_eq!(clock.monotonic(), Duration::ZERO);

    clock.advance(secs(90));

    assert_eq!(clock.monotonic(), secs(90));
    assert_eq!(clock.now().as_millis(), START.as_millis() + 90_000);
}

#[test]
fn advancing_completes_exactly_the_sleeps_that_are_due() {
    let clock = ManualClock::new(START);
    let mut short = clock.sleep(secs(1));
    let mut long = clock.sleep(secs(5));
    assert_eq!(poll(&mut short), Poll::Pending);
    assert_eq!(poll(&mut long), Poll::Pending);

    clock.advance(secs(1));
    assert_eq!(poll(&mut short), Poll::Ready(()));
    assert_eq!(poll(&mut long), Poll::Pending);
    assert_eq!(clock.pending_sleeps(), 1);

    clock.advance(secs(4));
    assert_eq!(poll(&mut long), Poll::Ready(()));
    assert_eq!(clock.sleeps(), vec![secs(1), secs(5)]);
}

#[test]
fn a_zero_sleep_is_ready_at_once() {
    let clock = ManualClock::new(START);
    let mut sleep = clock.sleep(Duration::ZERO);
    assert_eq!(poll(&mut sleep), Poll::Ready(()));
}

#[test]
fn a_dropped_sleep_is_forgotten_and_not_recorded_as_waited() {
    let clock = ManualClock::new(START);
    let sleep = clock.sleep(secs(3));
    assert_eq!(clock.pending_sleeps(), 1);

    drop(sleep);

    assert_eq!(clock.pending_sleeps(), 0);
    assert!(clock.sleeps().is_empty());
    assert_eq!(clock.requested_sleeps(), vec![secs(3)]);
}

#[test]
fn auto_advance_never_jumps_past_a_shorter_sleeper() {
    let clock = ManualClock::auto_advancing(START);
    let mut deadline = clock.sleep(secs(300));
    let mut backoff = clock.sleep(secs(2));

    assert_eq!(
        poll(&mut deadline),
        Poll::Pending,
        "the shorter sleep is due first"
    );
    assert_eq!(clock.monotonic(), secs(2));
    assert_eq!(poll(&mut backoff), Poll::Ready(()));

    assert_eq!(poll(&mut deadline), Poll::Ready(()));
    assert_eq!(clock.monotonic(), secs(300));
}

#[test]
fn advance_to_next_sleeper_moves_to_the_earliest_deadline() {
    let clock = ManualClock::new(START);
    assert_eq!(clock.advance_to_next_sleeper(), None);
    let _late = clock.sleep(secs(9));
    let _early = clock.sleep(secs(4));

    assert_eq!(clock.advance_to_next_sleeper(), Some(secs(4)));
    assert_eq!(clock.monotonic(), secs(4));
    assert_eq!(clock.pending_sleeps(), 1);
}

#[test]
fn clones_share_one_timeline() {
    let clock = ManualClock::new(START);
    let other = clock.clone();
    other.advance(secs(7));
    assert_eq!(clock.monotonic(), secs(7));
}

#[tokio::test]
async fn an_advance_wakes_a_task_waiting_on_a_sleep() {
    let clock = ManualClock::new(START);
    let sleeper = tokio::spawn(clock.sleep(secs(10)));
    support::settle().await;
    assert!(!sleeper.is_finished());

    clock.advance(secs(10));

    sleeper.await.unwrap();
    assert_eq!(clock.sleeps(), vec![secs(10)]);
}
