//! The transport and clock alone, against the emulator.

use std::time::Duration;

use bytes::Bytes;
use tokens_core::{Clock, SendState, TransportErrorKind};
use tokens_fetch::{BrowserClock, FetchTransport};
use tower_service::Service;

use super::race::within;
use super::servers::{main_url, no_cors_url, slow_url, user_secret};

fn get(url: String) -> http::Request<Bytes> {
    http::Request::get(url)
        .body(Bytes::new())
        .expect("valid request")
}

fn authorized(builder: http::request::Builder, body: impl Into<Bytes>) -> http::Request<Bytes> {
    builder
        .header(
            http::header::AUTHORIZATION,
            format!("Bearer {}", user_secret()),
        )
        .header(http::header::CONTENT_TYPE, "application/json")
        .body(body.into())
        .expect("valid request")
}

/// A call without credentials gets the API's JSON 401, status, headers and body intact.
pub(crate) async fn reads_status_headers_and_body() {
    let response = FetchTransport::new()
        .call(get(format!("{}/api/2.0/token/list", main_url())))
        .await
        .expect("a response");

    assert_eq!(response.status(), http::StatusCode::UNAUTHORIZED);
    let content_type = response.headers().get(http::header::CONTENT_TYPE);
    assert!(
        content_type.is_some_and(|v| v.as_bytes().starts_with(b"application/json")),
        "{content_type:?}"
    );
    let body: serde_json::Value = serde_json::from_slice(response.body()).expect("JSON body");
    assert_eq!(body["error_code"], 401);
}

/// A POST carries its headers and JSON body: create answers with a secret, and the token is
/// then deleted with a second POST.
pub(crate) async fn sends_method_headers_and_body() {
    let mut transport = FetchTransport::new();
    let create = http::Request::post(format!("{}/api/2.0/token/create", main_url()));
    let response = transport
        .call(authorized(
            create,
            r#"{"comment":"transport test","lifetime_seconds":600}"#,
        ))
        .await
        .expect("a response");
    assert_eq!(response.status(), http::StatusCode::OK);
    let created: serde_json::Value = serde_json::from_slice(response.body()).expect("JSON");
    assert_eq!(created["token_info"]["comment"], "transport test");
    let id = created["token_info"]["token_id"]
        .as_str()
        .expect("an id")
        .to_owned();

    let delete = http::Request::post(format!("{}/api/2.0/token/delete", main_url()));
    let response = transport
        .call(authorized(delete, format!(r#"{{"token_id":"{id}"}}"#)))
        .await
        .expect("a response");
    assert_eq!(response.status(), http::StatusCode::OK);
}

/// A body larger than the cap fails with `BodyTooLarge` instead of being buffered.
pub(crate) async fn refuses_a_body_over_the_cap() {
    let err = FetchTransport::new()
        .with_max_response_bytes(8)
        .call(get(format!("{}/api/2.0/token/list", main_url())))
        .await
        .expect_err("the 401 body is longer than 8 bytes");
    assert_eq!(err.kind(), TransportErrorKind::BodyTooLarge);
}

/// Dropping a pending fetch aborts it, so the connection is freed. Chromium allows six
/// connections per origin: if the eight dropped requests (each held 20 s by the server)
/// kept theirs, the list after them would queue behind them and not finish in time.
pub(crate) async fn dropping_a_pending_fetch_frees_its_connection() {
    let mut transport = FetchTransport::new();
    for _ in 0..8 {
        let delete = http::Request::post(format!("{}/api/2.0/token/delete", slow_url()));
        let pending = transport.call(authorized(delete, r#"{"token_id":"abc"}"#));
        let outcome = within(Duration::from_millis(150), pending).await;
        assert!(
            outcome.is_none(),
            "the slow route answered early: {outcome:?}"
        );
    }

    let list = transport.call(get(format!("{}/api/2.0/token/list", slow_url())));
    let outcome = within(Duration::from_secs(8), list).await;
    let response = outcome
        .expect("a list on a freed connection")
        .expect("a response");
    assert_eq!(response.status(), http::StatusCode::UNAUTHORIZED);
}

/// A server that sends no CORS headers gives an error that names CORS as a possible cause
/// and says the request may have been sent (browsers only: Node does not enforce CORS).
pub(crate) async fn a_server_without_cors_gives_a_clear_error() {
    let err = FetchTransport::new()
        .call(get(format!("{}/api/2.0/token/list", no_cors_url())))
        .await
        .expect_err("the browser blocks the reply");
    assert_eq!(err.kind(), TransportErrorKind::Io);
    assert_eq!(err.send_state(), SendState::MaybeSent);
    assert!(err.to_string().contains("CORS"), "{err}");
}

/// `sleep` never returns before its duration, by the monotonic clock.
pub(crate) async fn sleep_lasts_at_least_its_duration() {
    let clock = BrowserClock::new();
    let start = clock.monotonic();
    clock.sleep(Duration::from_millis(30)).await;
    let elapsed = clock.monotonic().saturating_sub(start);
    assert!(elapsed >= Duration::from_millis(30), "{elapsed:?}");
}

/// The wall clock agrees with `Date.now()`.
pub(crate) fn now_is_the_javascript_date() {
    let before = js_sys::Date::now();
    let now = BrowserClock::new().now().as_millis();
    let after = js_sys::Date::now();
    #[allow(
        clippy::cast_precision_loss,
        reason = "milliseconds since 1970 fit an f64"
    )]
    let now = now as f64;
    assert!(
        before <= now && now <= after,
        "{before} <= {now} <= {after}"
    );
}

/// The retry layer's jitter comes from fastrand's thread-local generator. Without a random
/// seed it starts from a fixed constant, so every page load would draw the same jitter; this
/// checks its state is not that constant advanced by any plausible number of draws.
pub(crate) fn jitter_is_seeded_at_random() {
    const FIXED_SEED: u64 = 0x0ef6_f79e_d30b_a75a; // fastrand 2's fallback seed
    const STEP: u64 = 0xa076_1d64_78bd_642f; // what each draw adds to the state

    // The inverse of the odd STEP modulo 2^64, by Newton's iteration.
    let mut inverse: u64 = 1;
    for _ in 0..6 {
        inverse = inverse.wrapping_mul(2u64.wrapping_sub(STEP.wrapping_mul(inverse)));
    }
    assert_eq!(STEP.wrapping_mul(inverse), 1);

    let draws_since_fixed_seed = fastrand::get_seed()
        .wrapping_sub(FIXED_SEED)
        .wrapping_mul(inverse);
    assert!(
        draws_since_fixed_seed > 1_000_000_000,
        "fastrand runs from its fixed seed: enable its `js` feature"
    );
}
