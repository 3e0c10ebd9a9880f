//! Authentication: the legacy 401 and 403 bodies, and what authenticates as whom.

mod support;

use std::sync::Arc;
use std::time::Duration;
use support::{ALICE, builder, call, create, request_with, start};
use tokens_emulator::ManualClock;
use tokens_types::Timestamp;

const UNSENT: &str = "Credential was not sent or was of an unsupported type for this API.";

#[tokio::test]
async fn no_credential_is_a_legacy_401() {
    let emulator = start(builder()).await;
    for path in ["/api/2.0/token/list"] {
        let reply = call(emulator.local_addr(), "GET", path, None, None).await;
        assert_eq!(reply.status, 401);
        assert_eq!(
            reply.json(),
            serde_json::json!({"error_code": 401, "message": UNSENT})
        );
    }
}

#[tokio::test]
async fn unsupported_schemes_and_empty_bearers_are_a_legacy_401() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    for header in [
        "Authorization: Basic YWxpY2U6c2VjcmV0",
        "Authorization: Bearer",
        "Authorization: Bearer   ",
        "Authorization: dapi00000000000000000000000000000a11",
        "Authorization: Bearer \u{e9}t\u{e9}",
    ] {
        let reply = request_with(
            addr,
            "GET",
            "/api/2.0/token/list",
            &[header.to_owned()],
            None,
        )
        .await
        .expect("answered");
        assert_eq!(reply.status, 401, "{header}");
        assert_eq!(reply.error_code(), 401, "{header}");
    }
}

#[tokio::test]
async fn an_unknown_bearer_is_a_legacy_403() {
    let emulator = start(builder()).await;
    let reply = call(
        emulator.local_addr(),
        "POST",
        "/api/2.0/token/create",
        Some("dapi0123456789abcdef0123456789abcdef"),
        Some("{}"),
    )
    .await;
    assert_eq!(reply.status, 403);
    assert_eq!(
        reply.json(),
        serde_json::json!({"error_code": 403, "message": "Invalid access token."})
    );
}

#[tokio::test]
async fn the_bearer_scheme_is_case_insensitive() {
    let emulator = start(builder()).await;
    let header = format!("Authorization: bearer {ALICE}");
    let reply = request_with(
        emulator.local_addr(),
        "GET",
        "/api/2.0/token/list",
        &[header],
        None,
    )
    .await
    .expect("answered");
    assert_eq!(reply.status, 200);
}

#[tokio::test]
async fn an_expired_token_no_longer_authenticates() {
    let clock = ManualClock::new(Timestamp::from_millis(1_700_000_000_000));
    let emulator = start(builder().clock(Arc::new(clock.clone()))).await;
    let addr = emulator.local_addr();
    let (_, secret) = create(addr, ALICE, r#"{"lifetime_seconds":30}"#).await;
    assert_eq!(
        call(addr, "GET", "/api/2.0/token/list", Some(&secret), None)
            .await
            .status,
        200
    );
    clock.advance(Duration::from_secs(30));
    assert_eq!(
        call(addr, "GET", "/api/2.0/token/list", Some(&secret), None)
            .await
            .status,
        403
    );
}

#[tokio::test]
async fn a_seeded_user_secret_keeps_working_and_is_not_listed() {
    let clock = ManualClock::new(Timestamp::from_millis(1_700_000_000_000));
    let emulator = start(builder().clock(Arc::new(clock.clone()))).await;
    clock.advance(Duration::from_secs(10 * 365 * 86_400));
    let reply = call(
        emulator.local_addr(),
        "GET",
        "/api/2.0/token/list",
        Some(ALICE),
        None,
    )
    .await;
    assert_eq!((reply.status, reply.body.as_slice()), (200, &b"{}"[..]));
}

#[tokio::test]
async fn without_users_a_default_user_with_a_fresh_secret_exists() {
    let emulator = start(tokens_emulator::Emulator::builder()).await;
    let secret = emulator
        .default_user_secret()
        .expect("a default user")
        .clone();
    assert!(secret.is_pat_shaped());
    let reply = call(
        emulator.local_addr(),
        "GET",
        "/api/2.0/token/list",
        Some(secret.expose_secret()),
        None,
    )
    .await;
    assert_eq!(reply.status, 200);
}

#[tokio::test]
async fn users_added_at_run_time_authenticate() {
    let emulator = start(builder()).await;
    let secret = emulator.add_user("carol").expect("added");
    create(emulator.local_addr(), secret.expose_secret(), "{}").await;
    assert_eq!(
        emulator.token_count(&tokens_emulator::Principal::user("carol")),
        1
    );
}
