//! Each fault the emulator can inject × each operation, against spec §3 (table-driven).
//!
//! Every case starts a fresh emulator, injects one fault once on the operation's route, runs
//! the operation once through the facade client, and checks the result, how many requests
//! reached the server, and the tokens the server holds.

use crate::support::{Harness, Op};
use databricks_tokens::emulator::{Emulator, FaultBody, FaultRule, RetryAfter, Route};
use databricks_tokens::types::{CreateTokenRequest, TokenId};
use databricks_tokens::{Error, ErrorKind, TokenUpdate};
use std::time::Duration;

#[derive(Debug, Clone, Copy)]
enum Fault {
    TooManyRequests,
    Unavailable,
    Internal,
    BadGateway,
    GatewayTimeout,
    CloseBeforeActing,
    CloseAfterActing,
    SlowerThanAttempt,
}

/// What spec §3 says happens.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// The call succeeds after exactly one retry.
    RetriedOnce,
    /// The create is not resent; it fails with this kind, its outcome unknown, and the
    /// server holds this many tokens.
    OutcomeUnknown(ErrorKind, usize),
}

/// How long the slow fault delays a request, against the attempt timeout of its case.
const SLOW: Duration = Duration::from_secs(3);
const SLOW_CASE_ATTEMPT_TIMEOUT: Duration = Duration::from_millis(700);

impl Fault {
    const ALL: [Fault; 8] = [
        Fault::TooManyRequests,
        Fault::Unavailable,
        Fault::Internal,
        Fault::BadGateway,
        Fault::GatewayTimeout,
        Fault::CloseBeforeActing,
        Fault::CloseAfterActing,
        Fault::SlowerThanAttempt,
    ];

    fn rule(self, route: Route) -> FaultRule {
        let route = Some(route);
        let rule = match self {
            // `Retry-After: 0`: the server's wait is honoured, and costs nothing here.
            Fault::TooManyRequests => {
                FaultRule::status(route, 429).with_retry_after(RetryAfter::Seconds(0))
            }
            Fault::Unavailable => FaultRule::status(route, 503),
            Fault::Internal => FaultRule::status(route, 500),
            Fault::BadGateway => FaultRule::status(route, 502).with_body(FaultBody::Text(
                "<html><head><title>502 Bad Gateway</title></head></html>".to_owned(),
            )),
            Fault::GatewayTimeout => FaultRule::status(route, 504),
            Fault::CloseBeforeActing => FaultRule::close_before_acting(route),
            Fault::CloseAfterActing => FaultRule::close_after_acting(route),
            Fault::SlowerThanAttempt => FaultRule::latency(route, SLOW),
        };
        rule.times(1)
    }

    fn expect(self, op: Op) -> Expect {
        if op != Op::Create {
            // Idempotent operations are retried after every one of these faults.
            return Expect::RetriedOnce;
        }
        match self {
            // The server provably did not act.
            Fault::TooManyRequests | Fault::Unavailable => Expect::RetriedOnce,
            Fault::Internal => Expect::OutcomeUnknown(ErrorKind::Internal, 0),
            Fault::BadGateway => Expect::OutcomeUnknown(ErrorKind::Api, 0),
            Fault::GatewayTimeout => Expect::OutcomeUnknown(ErrorKind::GatewayTimeout, 0),
            // The client cannot tell a close before acting from a lost reply.
            Fault::CloseBeforeActing => Expect::OutcomeUnknown(ErrorKind::Transport, 0),
            // The lost reply: the token exists, exactly once.
            Fault::CloseAfterActing => Expect::OutcomeUnknown(ErrorKind::Transport, 1),
            // The server acts after the attempt timed out: at most one token, maybe later.
            Fault::SlowerThanAttempt => Expect::OutcomeUnknown(ErrorKind::Timeout, usize::MAX),
        }
    }
}

/// Runs `op`; for update and delete, on `seeded`.
async fn run(
    client: &databricks_tokens::Client,
    op: Op,
    seeded: Option<&TokenId>,
) -> Result<(), Error> {
    match op {
        Op::Create => client
            .create(
                CreateTokenRequest::new()
                    .with_comment("faulted")
                    .with_lifetime_seconds(600),
            )
            .await
            .map(drop),
        Op::List => client.list().await.map(drop),
        Op::Update => {
            let id = seeded.expect("update needs a token");
            client
                .update(id, TokenUpdate::new().with_comment("updated"))
                .await
        }
        Op::Delete => client.delete(seeded.expect("delete needs a token")).await,
    }
}

async fn check_case(fault: Fault, op: Op) {
    let case = format!("{fault:?} x {op:?}");
    let harness = Harness::start_with(Emulator::builder()).await;
    let seeded = match op {
        Op::Update | Op::Delete => Some(harness.seed_token("seed").await),
        Op::Create | Op::List => None,
    };
    let tokens_before = harness.token_count();
    let mut builder = harness.builder();
    if matches!(fault, Fault::SlowerThanAttempt) {
        builder = builder.attempt_timeout(SLOW_CASE_ATTEMPT_TIMEOUT);
    }
    let client = builder.build().expect("the client builds");
    harness.emulator.faults().push(fault.rule(op.route()));

    let result = run(&client, op, seeded.as_ref()).await;
    let requests = harness.emulator.stats().requests(op.route());

    match fault.expect(op) {
        Expect::RetriedOnce => {
            result.unwrap_or_else(|err| panic!("{case}: expected success, got {err}"));
            assert_eq!(requests, 2, "{case}: one retry");
            let expected_tokens = match op {
                Op::Create => tokens_before + 1,
                Op::Delete => tokens_before - 1,
                Op::List | Op::Update => tokens_before,
            };
            assert_eq!(
                harness.token_count(),
                expected_tokens,
                "{case}: tokens on the server"
            );
        }
        Expect::OutcomeUnknown(kind, tokens) => {
            let err = result.expect_err(&case);
            assert_eq!(err.kind(), kind, "{case}: {err}");
            assert!(err.is_outcome_unknown(), "{case}: outcome unknown");
            assert_eq!(
                requests, 1,
                "{case}: a create that may have acted is never resent"
            );
            if tokens != usize::MAX {
                assert_eq!(
                    harness.token_count(),
                    tokens,
                    "{case}: tokens on the server"
                );
            }
        }
    }
    if op == Op::Update {
        let listed = client.list().await.expect("list after the case");
        assert_eq!(listed[0].comment.as_deref(), Some("updated"), "{case}");
    }
}

/// Runs [`check_case`] for every fault on `op`.
async fn check_every_fault(op: Op) {
    for fault in Fault::ALL {
        check_case(fault, op).await;
    }
}

#[tokio::test]
async fn every_fault_on_create_behaves_as_spec_section_3_says() {
    check_every_fault(Op::Create).await;
}

#[tokio::test]
async fn every_fault_on_list_is_retried() {
    check_every_fault(Op::List).await;
}

#[tokio::test]
async fn every_fault_on_update_is_retried() {
    check_every_fault(Op::Update).await;
}

#[tokio::test]
async fn every_fault_on_delete_is_retried_and_a_lost_reply_counts_as_deleted() {
    check_every_fault(Op::Delete).await;
}

#[tokio::test]
async fn retry_after_past_the_deadline_fails_at_once_with_the_server_error() {
    let harness = Harness::start().await;
    let client = two_second_deadline_client(&harness);
    harness.emulator.faults().push(
        FaultRule::status(Some(Route::List), 503)
            .with_retry_after(RetryAfter::Seconds(30))
            .times(1),
    );

    let err = client
        .list()
        .await
        .expect_err("the wait is past the deadline");
    assert_eq!(err.kind(), ErrorKind::Unavailable);
    assert_eq!(err.retry_after(), Some(Duration::from_secs(30)));
    assert_eq!(harness.emulator.stats().requests(Route::List), 1);
}

#[tokio::test]
async fn retry_after_as_http_date_past_the_deadline_fails_at_once() {
    let harness = Harness::start().await;
    let client = two_second_deadline_client(&harness);
    harness.emulator.faults().push(
        FaultRule::status(Some(Route::Create), 429)
            .with_retry_after(RetryAfter::DateIn(Duration::from_secs(60)))
            .times(1),
    );

    let err = client
        .create(CreateTokenRequest::new())
        .await
        .expect_err("too long a wait");
    assert_eq!(err.kind(), ErrorKind::TooManyRequests);
    assert!(
        err.retry_after()
            .is_some_and(|wait| wait > Duration::from_secs(30))
    );
    assert!(
        !err.is_outcome_unknown(),
        "a 429 means the server did not act"
    );
    assert_eq!(harness.token_count(), 0);
}

#[tokio::test]
async fn retry_info_detail_is_honoured_like_retry_after() {
    let harness = Harness::start().await;
    let client = two_second_deadline_client(&harness);
    let body = serde_json_body(
        r#"{"error_code": "TEMPORARILY_UNAVAILABLE", "message": "busy",
            "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retry_delay": "45s"}]}"#,
    );
    harness.emulator.faults().push(
        FaultRule::status(Some(Route::List), 503)
            .with_body(body)
            .times(1),
    );

    let err = client
        .list()
        .await
        .expect_err("the wait is past the deadline");
    assert_eq!(err.retry_after(), Some(Duration::from_secs(45)));
    assert_eq!(harness.emulator.stats().requests(Route::List), 1);
}

#[tokio::test]
async fn retry_after_of_one_second_is_waited_before_resending() {
    let harness = Harness::start().await;
    let client = harness.client();
    harness.emulator.faults().push(
        FaultRule::status(Some(Route::Create), 429)
            .with_retry_after(RetryAfter::Seconds(1))
            .times(1),
    );

    let started = std::time::Instant::now();
    client
        .create(CreateTokenRequest::new())
        .await
        .expect("retried after the wait");
    // A lower bound the client must respect, not a performance figure: resending before
    // the server's wait would be a bug.
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(harness.emulator.stats().requests(Route::Create), 2);
    assert_eq!(harness.token_count(), 1);
}

#[tokio::test]
async fn transient_message_on_create_is_retried() {
    let harness = Harness::start().await;
    let body = serde_json_body(
        r#"{"error_code": "INTERNAL_ERROR", "message": "Please try again later or try a faster operation."}"#,
    );
    harness.emulator.faults().push(
        FaultRule::status(Some(Route::Create), 500)
            .with_body(body)
            .times(1),
    );

    harness
        .client()
        .create(CreateTokenRequest::new())
        .await
        .expect("retried");
    assert_eq!(harness.emulator.stats().requests(Route::Create), 2);
    assert_eq!(harness.token_count(), 1);
}

/// A client whose whole call must end within 2 s, far less than the server's waits.
fn two_second_deadline_client(harness: &Harness) -> databricks_tokens::Client {
    harness
        .builder()
        .call_timeout(Duration::from_secs(2))
        .build()
        .expect("the client builds")
}

fn serde_json_body(text: &str) -> FaultBody {
    FaultBody::Json(serde_json::from_str(text).expect("valid JSON"))
}
