//! The retry layer against a scripted transport and a manual clock: spec §3 "Ours".

mod support;

use bytes::Bytes;
use std::sync::Arc;
use std::time::Duration;
use support::{Reply, START, ScriptedTransport, request};
use tokens_core::retry::{AlreadyDeleted, CallTimeout, Retry, RetryBudget, RetryLayer};
use tokens_core::timeout::{Timeout, TimeoutLayer};
use tokens_core::{Clock, Error, ErrorKind, ManualClock, Operation, SendState, TransportErrorKind};
use tower::{Layer, ServiceExt};

const ATTEMPT_LIMIT: Duration = Duration::from_secs(10);
const ALL_OPERATIONS: [Operation; 4] = [
    Operation::CREATE,
    Operation::LIST,
    Operation::UPDATE,
    Operation::DELETE,
];

type Stack = Retry<Timeout<ScriptedTransport>>;

fn stack(clock: &ManualClock, transport: &ScriptedTransport, layer: &RetryLayer) -> Stack {
    let timeout = TimeoutLayer::new(Arc::new(clock.clone())).with_limit(ATTEMPT_LIMIT);
    layer.layer(timeout.layer(transport.clone()))
}

fn retry_layer(clock: &ManualClock) -> RetryLayer {
    RetryLayer::new(Arc::new(clock.clone()))
        .with_seed(7)
        .with_backoff(Duration::from_secs(1), Duration::from_secs(30))
}

async fn call(
    clock: &ManualClock,
    replies: Vec<Reply>,
    operation: Operation,
) -> (Result<http::Response<Bytes>, Error>, ScriptedTransport) {
    let transport = ScriptedTransport::new(clock, replies);
    let svc = stack(clock, &transport, &retry_layer(clock));
    let outcome = svc.oneshot(request(operation)).await;
    (outcome, transport)
}

/// How long after the first attempt started the second one did.
#[derive(Debug, Clone, Copy)]
enum Gap {
    Exactly(Duration),
    /// The attempt's own time, then a jittered backoff of at most the first ceiling (1 s).
    Backoff {
        attempt_took: Duration,
    },
}

#[derive(Debug, Clone, Copy)]
enum Expect {
    Retried(Gap),
    /// Not retried; the reply with this status is handed back as it is.
    Returned(u16),
    /// Not retried; an error with this kind and no "outcome unknown" mark.
    Failed(ErrorKind),
    /// Not retried; an error that says the server may have acted.
    OutcomeUnknown,
}

fn retry_info(delay: &str) -> String {
    serde_json::json!({
        "error_code": "TEMPORARILY_UNAVAILABLE",
        "message": "try later",
        "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retry_delay": delay}],
    })
    .to_string()
}

fn http_date_after(after: Duration) -> String {
    let at = START.checked_add(after).unwrap().to_system_time().unwrap();
    httpdate::fmt_http_date(at)
}

/// One row: an outcome of the first attempt, and what must follow for an idempotent
/// operation (list, update, delete) and for create.
struct Row {
    outcome: &'static str,
    reply: Reply,
    idempotent: Expect,
    create: Expect,
}

fn row(outcome: &'static str, reply: Reply, idempotent: Expect, create: Expect) -> Row {
    Row {
        outcome,
        reply,
        idempotent,
        create,
    }
}

// One table, read top to bottom like the spec; splitting it would hide that.
#[allow(clippy::too_many_lines)]
fn table() -> Vec<Row> {
    use Expect::{Failed, OutcomeUnknown, Retried, Returned};
    let backoff = Retried(Gap::Backoff {
        attempt_took: Duration::ZERO,
    });
    let after = |secs: f64| Retried(Gap::Exactly(Duration::from_secs_f64(secs)));
    let fail = |kind, state| Reply::Fail(kind, state);
    vec![
        row("200", Reply::ok(), Returned(200), Returned(200)),
        row(
            "400 INVALID_PARAMETER_VALUE",
            Reply::error(400, "INVALID_PARAMETER_VALUE", "lifetime must be positive"),
            Returned(400),
            Returned(400),
        ),
        row(
            "400 QUOTA_EXCEEDED",
            Reply::error(400, "QUOTA_EXCEEDED", "600 tokens already"),
            Returned(400),
            Returned(400),
        ),
        row(
            "401",
            Reply::json(
                401,
                r#"{"error_code": 401, "message": "Credential was not sent"}"#,
            ),
            Returned(401),
            Returned(401),
        ),
        row(
            "403",
            Reply::json(
                403,
                r#"{"error_code": 403, "message": "Invalid access token."}"#,
            ),
            Returned(403),
            Returned(403),
        ),
        row(
            "404 RESOURCE_DOES_NOT_EXIST on a first attempt",
            Reply::error(404, "RESOURCE_DOES_NOT_EXIST", "Token does not exist."),
            Returned(404),
            Returned(404),
        ),
        row("429 without a wait", Reply::status(429), backoff, backoff),
        row(
            "429 Retry-After seconds",
            Reply::status(429).header("retry-after", "3"),
            after(3.0),
            after(3.0),
        ),
        row(
            "429 Retry-After HTTP date",
            Reply::status(429).header("retry-after", &http_date_after(Duration::from_secs(7))),
            after(7.0),
            after(7.0),
        ),
        row("503", Reply::status(503), backoff, backoff),
        row(
            "503 RetryInfo",
            Reply::json(503, &retry_info("1.5s")),
            after(1.5),
            after(1.5),
        ),
        row("500", Reply::status(500), backoff, OutcomeUnknown),
        row("502", Reply::status(502), backoff, OutcomeUnknown),
        row("504", Reply::status(504), backoff, OutcomeUnknown),
        row("501", Reply::status(501), Returned(501), Returned(501)),
        row(
            "500 with a transient message",
            Reply::error(500, "INTERNAL_ERROR", "Unexpected error, please retry"),
            backoff,
            backoff,
        ),
        row(
            "400 RPC token bucket message",
            Reply::error(
                400,
                "BAD_REQUEST",
                "RPC token bucket limit has been exceeded",
            ),
            backoff,
            backoff,
        ),
        row(
            "400 try-again-later message",
            Reply::error(
                400,
                "BAD_REQUEST",
                "Please try again later or try a faster operation.",
            ),
            backoff,
            backoff,
        ),
        row(
            "400 RESOURCE_EXHAUSTED",
            Reply::error(400, "RESOURCE_EXHAUSTED", "limit"),
            backoff,
            backoff,
        ),
        row(
            "400 REQUEST_LIMIT_EXCEEDED",
            Reply::error(400, "REQUEST_LIMIT_EXCEEDED", "limit"),
            backoff,
            backoff,
        ),
        row(
            "reset before send",
            fail(TransportErrorKind::Connect, SendState::NotSent),
            backoff,
            backoff,
        ),
        row(
            "reset after send",
            fail(TransportErrorKind::Io, SendState::MaybeSent),
            backoff,
            OutcomeUnknown,
        ),
        row(
            "lost reply",
            fail(TransportErrorKind::Other, SendState::MaybeSent),
            backoff,
            OutcomeUnknown,
        ),
        row(
            "attempt timeout",
            Reply::Hang,
            Retried(Gap::Backoff {
                attempt_took: ATTEMPT_LIMIT,
            }),
            OutcomeUnknown,
        ),
        row(
            "TLS failure",
            fail(TransportErrorKind::Tls, SendState::NotSent),
            Failed(ErrorKind::Transport),
            Failed(ErrorKind::Transport),
        ),
    ]
}

fn check(
    label: &str,
    expect: Expect,
    outcome: &Result<http::Response<Bytes>, Error>,
    transport: &ScriptedTransport,
) {
    let received = transport.received();
    match expect {
        Expect::Retried(gap) => {
            assert_eq!(received.len(), 2, "{label}: expected exactly one retry");
            let took = received[1].at.saturating_sub(received[0].at);
            match gap {
                Gap::Exactly(wait) => assert_eq!(took, wait, "{label}: wait"),
                Gap::Backoff { attempt_took } => {
                    assert!(
                        took >= attempt_took,
                        "{label}: retried too early ({took:?})"
                    );
                    let backoff = took.saturating_sub(attempt_took);
                    assert!(
                        backoff <= Duration::from_secs(1),
                        "{label}: backoff {backoff:?} above the first ceiling"
                    );
                }
            }
            let response = outcome.as_ref().expect("the retry succeeds");
            assert_eq!(response.status(), 200, "{label}");
        }
        Expect::Returned(status) => {
            assert_eq!(received.len(), 1, "{label}: must not be retried");
            let response = outcome.as_ref().expect("the reply is handed back");
            assert_eq!(response.status(), status, "{label}");
        }
        Expect::Failed(kind) => {
            assert_eq!(received.len(), 1, "{label}: must not be retried");
            let err = outcome.as_ref().expect_err("an error");
            assert_eq!(err.kind(), kind, "{label}");
            assert!(!err.is_outcome_unknown(), "{label}");
        }
        Expect::OutcomeUnknown => {
            assert_eq!(received.len(), 1, "{label}: must not be retried");
            let err = outcome.as_ref().expect_err("an error");
            assert!(err.is_outcome_unknown(), "{label}: {err}");
        }
    }
}

#[tokio::test]
async fn each_operation_and_outcome_is_retried_or_not_as_spec_3_says() {
    let mut checked = 0;
    for row in table() {
        for operation in ALL_OPERATIONS {
            let clock = ManualClock::auto_advancing(START);
            let (outcome, transport) = call(&clock, vec![row.reply.clone()], operation).await;
            let expect = if operation.is_idempotent() {
                row.idempotent
            } else {
                row.create
            };
            let label = format!("{operation} after {}", row.outcome);
            check(&label, expect, &outcome, &transport);
            checked += 1;
        }
    }
    assert_eq!(checked, 25 * 4);
}

#[tokio::test]
async fn create_is_not_resent_after_its_reply_is_lost() {
    let clock = ManualClock::auto_advancing(START);
    let lost = Reply::Fail(TransportErrorKind::Io, SendState::MaybeSent);
    let (outcome, transport) = call(&clock, vec![lost], Operation::CREATE).await;

    let err = outcome.unwrap_err();
    assert_eq!(transport.count(), 1);
    assert!(err.is_outcome_unknown());
    assert_eq!(err.operation(), Some(Operation::CREATE));
    assert!(err.to_string().contains("outcome is unknown"), "{err}");
}

#[tokio::test]
async fn create_after_500_is_an_outcome_unknown_error_with_the_server_reply() {
    let clock = ManualClock::auto_advancing(START);
    let reply = Reply::error(500, "INTERNAL_ERROR", "boom");
    let (outcome, transport) = call(&clock, vec![reply], Operation::CREATE).await;

    let err = outcome.unwrap_err();
    assert_eq!(transport.count(), 1);
    assert!(err.is_outcome_unknown());
    assert_eq!(err.status().map(|s| s.as_u16()), Some(500));
}

#[tokio::test]
async fn delete_that_finds_the_token_gone_after_a_lost_reply_succeeds_and_is_marked() {
    let clock = ManualClock::auto_advancing(START);
    let replies = vec![
        Reply::Fail(TransportErrorKind::Io, SendState::MaybeSent),
        Reply::error(404, "RESOURCE_DOES_NOT_EXIST", "Token does not exist."),
    ];
    let (outcome, transport) = call(&clock, replies, Operation::DELETE).await;

    let response = outcome.unwrap();
    assert_eq!(transport.count(), 2);
    assert_eq!(response.status(), 200);
    assert_eq!(response.body().as_ref(), b"{}");
    assert_eq!(
        response.extensions().get::<AlreadyDeleted>(),
        Some(&AlreadyDeleted)
    );
}

#[tokio::test]
async fn delete_not_found_after_a_refused_attempt_is_still_not_found() {
    // A 503 means the server did not act, so a 404 afterwards is a real "no such token".
    let clock = ManualClock::auto_advancing(START);
    let replies = vec![
        Reply::status(503),
        Reply::error(404, "RESOURCE_DOES_NOT_EXIST", "Token does not exist."),
    ];
    let (outcome, transport) = call(&clock, replies, Operation::DELETE).await;

    let response = outcome.unwrap();
    assert_eq!(transport.count(), 2);
    assert_eq!(response.status(), 404);
    assert!(response.extensions().get::<AlreadyDeleted>().is_none());
}

#[tokio::test]
async fn a_server_wait_past_the_deadline_fails_at_once_with_the_server_error() {
    let clock = ManualClock::auto_advancing(START);
    let transport = ScriptedTransport::new(
        &clock,
        [Reply::error(429, "REQUEST_LIMIT_EXCEEDED", "slow down").header("retry-after", "30")],
    );
    let svc = stack(&clock, &transport, &retry_layer(&clock));
    let mut req = request(Operation::LIST);
    req.extensions_mut()
        .insert(CallTimeout(Duration::from_secs(20)));

    let response = svc.oneshot(req).await.unwrap();

    assert_eq!(response.status(), 429, "the server's own error comes back");
    assert_eq!(transport.count(), 1);
    assert_eq!(
        clock.monotonic(),
        Duration::ZERO,
        "no time was spent waiting"
    );
    assert!(clock.sleeps().is_empty());
}

#[tokio::test]
async fn the_call_deadline_is_never_overrun() {
    let limit = Duration::from_secs(45);
    let scripts: Vec<(&str, Reply)> = vec![
        ("503 forever", Reply::status(503)),
        (
            "429 asking 7 s",
            Reply::status(429).header("retry-after", "7"),
        ),
        ("504 forever", Reply::status(504)),
        ("hang", Reply::Hang),
        (
            "reset before send",
            Reply::Fail(TransportErrorKind::Connect, SendState::NotSent),
        ),
    ];
    for (label, reply) in scripts {
        for seed in 0..20 {
            let clock = ManualClock::auto_advancing(START);
            let transport = ScriptedTransport::always(&clock, reply.clone());
            let layer = retry_layer(&clock)
                .with_seed(seed)
                .with_budget(RetryBudget::unlimited());
            let svc = stack(&clock, &transport, &layer);
            let mut req = request(Operation::LIST);
            req.extensions_mut().insert(CallTimeout(limit));

            let _ = svc.oneshot(req).await;

            assert!(
                clock.monotonic() <= limit,
                "{label}, seed {seed}: ended at {:?}, past the {limit:?} deadline",
                clock.monotonic()
            );
            assert!(transport.count() >= 2, "{label}: it did retry");
        }
    }
}

#[tokio::test]
async fn an_attempt_still_running_at_the_deadline_ends_with_deadline_exceeded() {
    let clock = ManualClock::auto_advancing(START);
    let transport = ScriptedTransport::always(&clock, Reply::Hang);
    // The attempt limit (10 s) is longer than the whole call's (4 s).
    let svc = stack(&clock, &transport, &retry_layer(&clock));
    let mut req = request(Operation::CREATE);
    req.extensions_mut()
        .insert(CallTimeout(Duration::from_secs(4)));

    let err = svc.oneshot(req).await.unwrap_err();

    assert_eq!(err.kind(), ErrorKind::DeadlineExceeded);
    assert!(err.is_outcome_unknown(), "a create may have been received");
    assert_eq!(clock.monotonic(), Duration::from_secs(4));
}

#[tokio::test]
async fn the_call_timeout_extension_overrides_the_policy_deadline() {
    let clock = ManualClock::auto_advancing(START);
    let transport =
        ScriptedTransport::always(&clock, Reply::status(429).header("retry-after", "10"));
    let layer = retry_layer(&clock).with_call_timeout(Duration::from_secs(1000));
    let svc = stack(&clock, &transport, &layer);
    let mut req = request(Operation::LIST);
    req.extensions_mut()
        .insert(CallTimeout(Duration::from_secs(25)));

    let response = svc.oneshot(req).await.unwrap();

    assert_eq!(response.status(), 429);
    // Attempts at 0, 10 and 20 s; a fourth would need a wait to 30 s, past 25 s.
    assert_eq!(transport.count(), 3);
    assert_eq!(clock.sleeps(), vec![Duration::from_secs(10); 2]);
}

#[tokio::test]
async fn backoff_waits_stay_under_a_growing_ceiling_and_the_cap() {
    let clock = ManualClock::auto_advancing(START);
    let transport = ScriptedTransport::always(&clock, Reply::status(503));
    let layer = RetryLayer::new(Arc::new(clock.clone()))
        .with_seed(3)
        .with_backoff(Duration::from_millis(100), Duration::from_secs(2))
        .with_budget(RetryBudget::unlimited())
        .with_call_timeout(Duration::from_secs(60));
    let policy = *layer.policy();
    let svc = stack(&clock, &transport, &layer);

    let _ = svc.oneshot(request(Operation::LIST)).await;

    let waits = clock.sleeps();
    assert!(waits.len() >= 10, "{} retries", waits.len());
    for (retry, wait) in waits.iter().enumerate() {
        let ceiling = policy.ceiling(u32::try_from(retry).unwrap());
        assert!(*wait <= ceiling, "retry {retry}: {wait:?} > {ceiling:?}");
        assert!(*wait <= Duration::from_secs(2));
    }
}

#[tokio::test]
async fn the_same_seed_gives_the_same_waits() {
    let mut runs = Vec::new();
    for _ in 0..2 {
        let clock = ManualClock::auto_advancing(START);
        let transport = ScriptedTransport::new(&clock, vec![Reply::status(503); 4]);
        let svc = stack(&clock, &transport, &retry_layer(&clock).with_seed(99));
        svc.oneshot(request(Operation::LIST)).await.unwrap();
        runs.push(clock.sleeps());
    }
    assert_eq!(runs[0].len(), 4);
    assert_eq!(runs[0], runs[1]);
}

#[tokio::test]
async fn the_retry_budget_is_shared_by_clones_and_stops_a_retry_storm() {
    let clock = ManualClock::auto_advancing(START);
    let transport = ScriptedTransport::always(&clock, Reply::status(503));
    // Two retries' worth of tokens for everyone.
    let layer = retry_layer(&clock).with_budget(RetryBudget::new(10, 5, 1));
    let first = stack(&clock, &transport, &layer);
    let second = first.clone();

    let one = first.oneshot(request(Operation::LIST)).await.unwrap();
    let two = second.oneshot(request(Operation::LIST)).await.unwrap();

    assert_eq!(one.status(), 503);
    assert_eq!(two.status(), 503);
    // The first call: one attempt and two retries; the second: one attempt, no retry.
    assert_eq!(transport.count(), 4);
}

#[tokio::test]
async fn successes_refill_the_retry_budget() {
    let clock = ManualClock::auto_advancing(START);
    let budget = RetryBudget::new(10, 5, 1);
    let transport = ScriptedTransport::new(&clock, [Reply::status(503), Reply::ok()]);
    let svc = stack(
        &clock,
        &transport,
        &retry_layer(&clock).with_budget(budget.clone()),
    );

    svc.oneshot(request(Operation::LIST)).await.unwrap();

    assert_eq!(budget.balance(), 10 - 5 + 1);
}

#[tokio::test]
async fn a_request_without_an_operation_is_judged_by_its_method() {
    let clock = ManualClock::auto_advancing(START);
    let transport = ScriptedTransport::new(&clock, [Reply::status(502)]);
    let svc = stack(&clock, &transport, &retry_layer(&clock));
    let post = http::Request::post("https://example.cloud.databricks.com/x")
        .body(Bytes::new())
        .unwrap();

    let err = svc.oneshot(post).await.unwrap_err();

    assert_eq!(transport.count(), 1, "a POST is not idempotent");
    assert!(err.is_outcome_unknown());
}
