//! The typed client with the default stack (retry, rate limit, timeout, PAT auth) over
//! `fetch`, against the emulator.

use std::num::NonZeroU32;
use std::time::Duration;

use tokens_core::rate_limit::Rate;
use tokens_core::retry::RetryPolicy;
use tokens_core::types::{CreateTokenRequest, Expiry, TokenId};
use tokens_core::{Clock, Credentials, ErrorKind, TokenUpdate};
use tokens_fetch::{BrowserClock, FetchClient, FetchTransport, client_builder, pat_client};

use tokens_core::{SendState, TransportErrorKind};

use super::servers::{closed_url, main_url, no_cors_url, slow_url, throttled_url, user_secret};

fn pat() -> Credentials {
    Credentials::Pat {
        token: user_secret().into(),
    }
}

/// A client to `host` that sends each call once: no retries, so a failure shows at once.
fn single_attempt_client(host: &str, attempt_timeout: Duration) -> FetchClient {
    client_builder(host)
        .and_then(|builder| builder.with_credentials(&pat()))
        .expect("a valid builder")
        .with_retry_policy(RetryPolicy::new().with_max_retries(0))
        .with_attempt_timeout(attempt_timeout)
        .build(FetchTransport::new())
        .expect("a client")
}

/// Create (the secret is shown once), list, update the comment, delete, as a user would.
pub(crate) async fn lifecycle() {
    let client = pat_client(main_url(), user_secret()).expect("a client");

    let created = client
        .create(
            CreateTokenRequest::new()
                .with_comment("wasm lifecycle")
                .with_lifetime_seconds(3600),
        )
        .await
        .expect("create");
    let secret = created.token_value.expect("the secret, shown once");
    assert!(secret.is_pat_shaped());
    let info = created.token_info.expect("the token's info");
    let id = info.token_id.expect("an id");
    assert!(matches!(info.expiry_time, Some(Expiry::At(_))));

    let listed = client.list().await.expect("list");
    let mine = listed.iter().find(|t| t.token_id.as_ref() == Some(&id));
    assert_eq!(
        mine.and_then(|t| t.comment.as_deref()),
        Some("wasm lifecycle")
    );

    client
        .update(
            &id,
            TokenUpdate::new().with_comment("wasm lifecycle, renamed"),
        )
        .await
        .expect("update");
    let listed = client.list().await.expect("list after update");
    let mine = listed.iter().find(|t| t.token_id.as_ref() == Some(&id));
    assert_eq!(
        mine.and_then(|t| t.comment.as_deref()),
        Some("wasm lifecycle, renamed")
    );

    client.delete(&id).await.expect("delete");
    let listed = client.list().await.expect("list after delete");
    assert!(listed.iter().all(|t| t.token_id.as_ref() != Some(&id)));
}

/// The throttled emulator answers the first list with 429 and `Retry-After: 1`. The retry
/// layer's own backoff is set to at most 10 ms, so a wait of a second or more can only be
/// the server's `Retry-After` (which the browser shows only because the emulator lists it in
/// `Access-Control-Expose-Headers`).
pub(crate) async fn a_429_is_retried_after_its_retry_after() {
    let client = client_builder(throttled_url())
        .and_then(|builder| builder.with_credentials(&pat()))
        .expect("a valid builder")
        .with_retry_policy(
            RetryPolicy::new().with_backoff(Duration::from_millis(1), Duration::from_millis(10)),
        )
        .build(FetchTransport::new())
        .expect("a client");
    let clock = BrowserClock::new();

    let start = clock.monotonic();
    client.list().await.expect("the retried list succeeds");
    let waited = clock.monotonic().saturating_sub(start);

    assert!(waited >= Duration::from_secs(1), "retried after {waited:?}");
}

/// An attempt on a route the server holds for 20 s fails with a timeout after the
/// per-attempt limit, and its request is aborted: after eight such attempts, a list on the
/// same origin still gets a connection (Chromium allows six per origin, so requests left
/// running would make it wait the full 20 s).
pub(crate) async fn a_slow_attempt_times_out_and_its_request_is_aborted() {
    let impatient = single_attempt_client(slow_url(), Duration::from_millis(200));
    let unknown = TokenId::new("0".repeat(64));
    for _ in 0..8 {
        let err = impatient
            .delete(&unknown)
            .await
            .expect_err("the attempt times out");
        assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
    }

    let patient = single_attempt_client(slow_url(), Duration::from_secs(8));
    patient
        .list()
        .await
        .expect("a list on a connection the aborted requests freed");
}

/// At 5 requests per second with a burst of 1, six calls need at least five intervals of
/// 200 ms.
pub(crate) async fn the_rate_limiter_paces_calls() {
    let five = NonZeroU32::new(5).expect("non-zero");
    let client = client_builder(main_url())
        .and_then(|builder| builder.with_credentials(&pat()))
        .expect("a valid builder")
        .with_rate(Rate::per_second(five).with_burst(NonZeroU32::MIN))
        .build(FetchTransport::new())
        .expect("a client");
    let clock = BrowserClock::new();

    let start = clock.monotonic();
    for _ in 0..6 {
        client.list().await.expect("list");
    }
    let elapsed = clock.monotonic().saturating_sub(start);

    // performance.now() is coarsened to 100 µs in browsers; allow for that rounding.
    assert!(
        elapsed >= Duration::from_millis(999),
        "six calls took {elapsed:?}"
    );
}

/// A server that sends no CORS headers: the call fails as a transport error whose message
/// names CORS as a possible cause (browsers only; Node does not enforce CORS).
pub(crate) async fn a_server_without_cors_gives_a_clear_error() {
    let client = single_attempt_client(no_cors_url(), Duration::from_secs(10));

    let err = client
        .list()
        .await
        .expect_err("the browser blocks the reply");

    assert_eq!(err.kind(), ErrorKind::Transport, "{err}");
    assert!(err.to_string().contains("CORS"), "{err}");
}

/// The same refusal on a create: the browser cannot say whether the request left, so the
/// create is not sent again and its outcome is reported as unknown.
pub(crate) async fn a_create_that_meets_a_network_error_is_outcome_unknown() {
    let client = pat_client(no_cors_url(), user_secret()).expect("a client");

    let err = client
        .create(CreateTokenRequest::new().with_comment("never confirmed"))
        .await
        .expect_err("the browser blocks the reply");

    assert!(err.is_outcome_unknown(), "{err}");
}

/// Node tells a refused connection apart (`cause.code` is `ECONNREFUSED`): nothing was sent,
/// so even a create may be retried and its failure is not outcome-unknown.
pub(crate) async fn a_refused_connection_in_node_was_not_sent() {
    let client = single_attempt_client(closed_url(), Duration::from_secs(10));

    let err = client
        .create(CreateTokenRequest::new().with_comment("never sent"))
        .await
        .expect_err("nothing listens there");

    let transport = err.transport().expect("a transport error");
    assert_eq!(transport.kind(), TransportErrorKind::Connect, "{err}");
    assert_eq!(transport.send_state(), SendState::NotSent, "{err}");
    assert!(!err.is_outcome_unknown(), "{err}");
}

/// A browser reports the same refusal as a bare `TypeError`, which cannot say whether the
/// request left: the create's outcome is unknown.
pub(crate) async fn a_refused_connection_in_a_browser_may_have_been_sent() {
    let client = single_attempt_client(closed_url(), Duration::from_secs(10));

    let err = client
        .create(CreateTokenRequest::new().with_comment("never sent"))
        .await
        .expect_err("nothing listens there");

    let transport = err.transport().expect("a transport error");
    assert_eq!(transport.send_state(), SendState::MaybeSent, "{err}");
    assert!(err.is_outcome_unknown(), "{err}");
}
