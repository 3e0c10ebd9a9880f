//! The per-attempt timeout layer, on a manual clock.

mod support;

use std::sync::Arc;
use std::time::Duration;
use support::{Reply, START, ScriptedTransport, request, settle};
use tokens_core::timeout::{DEFAULT_ATTEMPT_TIMEOUT, TimeoutLayer};
use tokens_core::{Clock, ErrorKind, ManualClock, Operation, SendState, TransportErrorKind};
use tower::{Layer, ServiceExt};

#[tokio::test]
async fn an_attempt_past_its_limit_fails_as_a_timeout_that_may_have_been_sent() {
    let clock = ManualClock::new(START);
    let transport = ScriptedTransport::new(&clock, [Reply::Hang]);
    let svc = TimeoutLayer::new(Arc::new(clock.clone())).layer(transport);

    let call = tokio::spawn(svc.oneshot(request(Operation::LIST)));
    settle().await;
    clock.advance(DEFAULT_ATTEMPT_TIMEOUT.saturating_sub(Duration::from_millis(1)));
    settle().await;
    assert!(!call.is_finished(), "still within the limit");
    clock.advance(Duration::from_millis(1));
    let err = call.await.unwrap().unwrap_err();

    assert_eq!(err.kind(), ErrorKind::Timeout);
    let transport_error = err.transport().expect("a transport timeout");
    assert_eq!(transport_error.kind(), TransportErrorKind::Timeout);
    assert_eq!(transport_error.send_state(), SendState::MaybeSent);
    assert_eq!(
        transport_error.timeout_limit(),
        Some(Duration::from_secs(60))
    );
}

#[tokio::test]
async fn a_reply_within_the_limit_passes_through() {
    let clock = ManualClock::auto_advancing(START);
    let transport = ScriptedTransport::new(&clock, [Reply::status(404)]);
    let svc = TimeoutLayer::new(Arc::new(clock.clone()))
        .with_limit(Duration::from_secs(5))
        .layer(transport);

    let response = svc.oneshot(request(Operation::DELETE)).await.unwrap();

    assert_eq!(response.status(), 404);
    assert_eq!(clock.monotonic(), Duration::ZERO);
}

#[tokio::test]
async fn a_transport_error_passes_through_as_the_crate_error() {
    let clock = ManualClock::auto_advancing(START);
    let transport = ScriptedTransport::new(
        &clock,
        [Reply::Fail(TransportErrorKind::Connect, SendState::NotSent)],
    );
    let svc = TimeoutLayer::new(Arc::new(clock.clone())).layer(transport);

    let err = svc.oneshot(request(Operation::LIST)).await.unwrap_err();

    assert_eq!(err.kind(), ErrorKind::Transport);
    assert_eq!(err.transport().unwrap().send_state(), SendState::NotSent);
}
