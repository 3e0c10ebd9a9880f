//! The tokio clock follows paused test time for sleeping and monotonic readings.

use std::time::{Duration, SystemTime};
use tokens_core::Clock;
use tokens_hyper::TokioClock;
use tokens_types::Timestamp;

#[tokio::test(start_paused = true)]
async fn monotonic_advances_by_exactly_the_slept_time_under_paused_time() {
    let clock = TokioClock::new();
    assert_eq!(clock.monotonic(), Duration::ZERO);

    clock.sleep(Duration::from_secs(30)).await;

    assert_eq!(clock.monotonic(), Duration::from_secs(30));
}

#[tokio::test(start_paused = true)]
async fn sleep_does_not_finish_before_its_duration() {
    let clock = TokioClock::new();
    let sleeping = clock.sleep(Duration::from_secs(10));

    let early = tokio::time::timeout(Duration::from_secs(9), sleeping).await;

    assert!(early.is_err());
    assert_eq!(clock.monotonic(), Duration::from_secs(9));
}

#[test]
fn now_reads_the_wall_clock() {
    let before = Timestamp::from_system_time(SystemTime::now()).expect("in range");
    let now = TokioClock::new().now();
    let after = Timestamp::from_system_time(SystemTime::now()).expect("in range");

    assert!(before <= now && now <= after);
}

#[test]
fn sleep_can_be_made_outside_a_runtime() {
    let clock = TokioClock::default();
    let sleeping = clock.sleep(Duration::from_millis(1));
    drop(sleeping);
}
