//! The rate-limit layer: pacing, bursts, FIFO order, and 429 pauses shared by every clone.

mod support;

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;
use support::{Reply, START, ScriptedTransport, request, settle};
use tokens_core::rate_limit::{Rate, RateLimit, RateLimitLayer};
use tokens_core::{ManualClock, Operation};
use tower::{Layer, Service, ServiceExt};

fn rate(per_second: u32, burst: u32) -> Rate {
    Rate::per_second(NonZeroU32::new(per_second).unwrap())
        .with_burst(NonZeroU32::new(burst).unwrap())
}

fn limited(
    clock: &ManualClock,
    transport: &ScriptedTransport,
    rate: Rate,
) -> RateLimit<ScriptedTransport> {
    RateLimitLayer::new(Arc::new(clock.clone()), rate).layer(transport.clone())
}

fn arrival_times(transport: &ScriptedTransport) -> Vec<Duration> {
    transport.received().iter().map(|r| r.at).collect()
}

fn millis(values: &[u64]) -> Vec<Duration> {
    values.iter().copied().map(Duration::from_millis).collect()
}

#[tokio::test]
async fn requests_are_paced_at_the_steady_rate() {
    let clock = ManualClock::auto_advancing(START);
    let transport = ScriptedTransport::new(&clock, []);
    let svc = limited(&clock, &transport, rate(2, 1));

    for _ in 0..5 {
        svc.clone().oneshot(request(Operation::LIST)).await.unwrap();
    }

    assert_eq!(
        arrival_times(&transport),
        millis(&[0, 500, 1000, 1500, 2000])
    );
}

#[tokio::test]
async fn an_idle_client_may_send_a_burst_then_the_steady_rate() {
    let clock = ManualClock::new(START);
    let transport = ScriptedTransport::new(&clock, []);
    let svc = limited(&clock, &transport, rate(10, 3));

    let calls: Vec<_> = (0..5)
        .map(|_| tokio::spawn(svc.clone().oneshot(request(Operation::LIST))))
        .collect();
    for _ in 0..3 {
        settle().await;
        clock.advance(Duration::from_millis(100));
    }
    for call in calls {
        call.await.unwrap().unwrap();
    }

    assert_eq!(arrival_times(&transport), millis(&[0, 0, 0, 100, 200]));
}

#[tokio::test]
async fn waiting_callers_are_served_in_the_order_they_called() {
    let clock = ManualClock::new(START);
    let transport = ScriptedTransport::new(&clock, []);
    let svc = limited(&clock, &transport, rate(1, 1));

    let mut pending = Vec::new();
    for seq in 0..5 {
        let mut req = request(Operation::LIST);
        req.headers_mut().insert("x-seq", seq.into());
        let mut clone = svc.clone();
        let future = clone.ready().await.unwrap().call(req);
        pending.push(future);
    }
    // Run them in the reverse order of their calls: the order of calls must still win.
    let tasks: Vec<_> = pending.into_iter().rev().map(tokio::spawn).collect();
    for _ in 0..5 {
        settle().await;
        clock.advance(Duration::from_secs(1));
    }
    for task in tasks {
        task.await.unwrap().unwrap();
    }

    let order: Vec<String> = transport
        .received()
        .iter()
        .map(|r| r.headers["x-seq"].to_str().unwrap().to_owned())
        .collect();
    assert_eq!(order, ["0", "1", "2", "3", "4"]);
    assert_eq!(
        arrival_times(&transport),
        millis(&[0, 1000, 2000, 3000, 4000])
    );
}

#[tokio::test]
async fn a_429_seen_by_one_clone_pauses_every_clone_until_its_retry_after() {
    let clock = ManualClock::auto_advancing(START);
    let transport =
        ScriptedTransport::new(&clock, [Reply::status(429).header("retry-after", "10")]);
    let first = limited(&clock, &transport, rate(15, 15));
    let second = first.clone();

    let throttled = first.oneshot(request(Operation::LIST)).await.unwrap();
    assert_eq!(throttled.status(), 429, "the 429 itself is handed back");
    second.oneshot(request(Operation::CREATE)).await.unwrap();

    assert_eq!(arrival_times(&transport), millis(&[0, 10_000]));
}

#[tokio::test]
async fn a_429_pauses_services_made_by_clones_of_the_layer() {
    let clock = ManualClock::auto_advancing(START);
    let transport = ScriptedTransport::new(&clock, [Reply::status(429).header("retry-after", "4")]);
    let layer = RateLimitLayer::new(Arc::new(clock.clone()), Rate::DEFAULT);
    let first = layer.layer(transport.clone());
    let second = layer.clone().layer(transport.clone());

    first.oneshot(request(Operation::LIST)).await.unwrap();
    second.oneshot(request(Operation::LIST)).await.unwrap();

    assert_eq!(arrival_times(&transport), millis(&[0, 4000]));
}

#[tokio::test]
async fn a_429_pause_honours_an_http_date_and_defaults_to_one_second() {
    let clock = ManualClock::auto_advancing(START);
    let at = START
        .checked_add(Duration::from_secs(6))
        .unwrap()
        .to_system_time()
        .unwrap();
    let transport = ScriptedTransport::new(
        &clock,
        [
            Reply::status(429).header("retry-after", &httpdate::fmt_http_date(at)),
            Reply::status(429),
        ],
    );
    let svc = limited(&clock, &transport, rate(100, 100));

    for _ in 0..3 {
        svc.clone().oneshot(request(Operation::LIST)).await.unwrap();
    }

    assert_eq!(arrival_times(&transport), millis(&[0, 6000, 7000]));
}

#[tokio::test]
async fn one_429_cannot_pause_for_longer_than_the_maximum() {
    let clock = ManualClock::auto_advancing(START);
    let transport =
        ScriptedTransport::new(&clock, [Reply::status(429).header("retry-after", "86400")]);
    let svc = RateLimitLayer::new(Arc::new(clock.clone()), Rate::DEFAULT)
        .with_max_pause(Duration::from_secs(30))
        .layer(transport.clone());

    svc.clone().oneshot(request(Operation::LIST)).await.unwrap();
    svc.oneshot(request(Operation::LIST)).await.unwrap();

    assert_eq!(arrival_times(&transport), millis(&[0, 30_000]));
}

#[tokio::test]
async fn after_a_pause_requests_resume_at_the_steady_rate_without_a_burst() {
    let clock = ManualClock::new(START);
    let transport = ScriptedTransport::new(&clock, [Reply::status(429).header("retry-after", "5")]);
    let svc = limited(&clock, &transport, rate(10, 10));
    svc.clone().oneshot(request(Operation::LIST)).await.unwrap();

    let calls: Vec<_> = (0..3)
        .map(|_| tokio::spawn(svc.clone().oneshot(request(Operation::LIST))))
        .collect();
    settle().await;
    clock.advance(Duration::from_secs(5));
    for _ in 0..3 {
        settle().await;
        clock.advance(Duration::from_millis(100));
    }
    for call in calls {
        call.await.unwrap().unwrap();
    }

    assert_eq!(arrival_times(&transport), millis(&[0, 5000, 5100, 5200]));
}

#[tokio::test]
async fn a_caller_that_gives_up_waiting_hands_its_slot_back() {
    let clock = ManualClock::new(START);
    let transport = ScriptedTransport::new(&clock, []);
    let svc = limited(&clock, &transport, rate(1, 1));
    svc.clone().oneshot(request(Operation::LIST)).await.unwrap();

    // The second caller takes the slot at 1 s, starts waiting, then is dropped.
    let abandoned = tokio::spawn(svc.clone().oneshot(request(Operation::LIST)));
    settle().await;
    abandoned.abort();
    settle().await;

    let third = tokio::spawn(svc.clone().oneshot(request(Operation::LIST)));
    settle().await;
    clock.advance(Duration::from_secs(1));
    settle().await;

    assert_eq!(arrival_times(&transport), millis(&[0, 1000]));
    third.await.unwrap().unwrap();
}

#[test]
fn the_default_rate_is_fifteen_per_second() {
    let rate = Rate::default();
    assert_eq!(rate.per_second_value().get(), 15);
    assert_eq!(rate.burst().get(), 15);
}
