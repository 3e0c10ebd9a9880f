//! `POST /api/2.0/token/create`: secrets, ids, lifetimes, comments, quota.

mod support;

use sha2::{Digest as _, Sha256};
use std::sync::Arc;
use std::time::Duration;
use support::{ALICE, BOB, builder, create, list_ids, post_create, start};
use tokens_emulator::{ManualClock, Principal};
use tokens_types::Timestamp;

const T0: i64 = 1_700_000_000_000;
const DAY_MS: i64 = 86_400_000;

fn clocked() -> (tokens_emulator::EmulatorBuilder, ManualClock) {
    let clock = ManualClock::new(Timestamp::from_millis(T0));
    (builder().clock(Arc::new(clock.clone())), clock)
}

#[tokio::test]
async fn create_returns_a_dapi_secret_whose_sha256_is_the_id() {
    let emulator = start(builder()).await;
    let (id, secret) = create(emulator.local_addr(), ALICE, "{}").await;
    assert_eq!(secret.len(), 36);
    assert!(secret.starts_with("dapi"));
    assert!(
        secret[4..]
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    );
    assert_eq!(id, hex::encode(Sha256::digest(secret.as_bytes())));
}

#[tokio::test]
async fn two_creates_mint_different_secrets() {
    let emulator = start(builder()).await;
    let (first, _) = create(emulator.local_addr(), ALICE, "{}").await;
    let (second, _) = create(emulator.local_addr(), ALICE, "{}").await;
    assert_ne!(first, second);
}

#[tokio::test]
async fn absent_lifetime_expires_after_730_days() {
    let (builder, _clock) = clocked();
    let emulator = start(builder).await;
    let reply = post_create(emulator.local_addr(), ALICE, "{}").await;
    let info = &reply.json()["token_info"];
    assert_eq!(info["creation_time"], T0);
    assert_eq!(info["expiry_time"], T0 + 730 * DAY_MS);
}

#[tokio::test]
async fn lifetime_sets_expiry_and_comment_and_scopes_are_echoed() {
    let (builder, _clock) = clocked();
    let emulator = start(builder).await;
    let body = r#"{"comment":"ci","lifetime_seconds":300,"scopes":["sql","unity-catalog:read"],"autoscope_enabled":true}"#;
    let reply = post_create(emulator.local_addr(), ALICE, body).await;
    assert_eq!(reply.status, 200);
    let info = &reply.json()["token_info"];
    assert_eq!(info["expiry_time"], T0 + 300_000);
    assert_eq!(info["comment"], "ci");
    assert_eq!(
        info["scopes"],
        serde_json::json!(["sql", "unity-catalog:read"])
    );
}

#[tokio::test]
async fn lifetime_given_as_a_string_is_accepted() {
    let (builder, _clock) = clocked();
    let emulator = start(builder).await;
    let reply = post_create(emulator.local_addr(), ALICE, r#"{"lifetime_seconds":"60"}"#).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json()["token_info"]["expiry_time"], T0 + 60_000);
}

#[tokio::test]
async fn zero_negative_and_too_long_lifetimes_are_invalid_parameter_values() {
    let emulator = start(builder()).await;
    for lifetime in [
        "0",
        "-5",
        "63072001",
        "9223372036854775807",
        "-9223372036854775808",
    ] {
        let body = format!(r#"{{"lifetime_seconds":{lifetime}}}"#);
        let reply = post_create(emulator.local_addr(), ALICE, &body).await;
        assert_eq!(reply.status, 400, "lifetime {lifetime}");
        assert_eq!(
            reply.error_code(),
            "INVALID_PARAMETER_VALUE",
            "lifetime {lifetime}"
        );
    }
    assert_eq!(emulator.token_count(&Principal::user("alice")), 0);
}

#[tokio::test]
async fn the_maximum_lifetime_itself_is_allowed() {
    let emulator = start(builder()).await;
    let body = format!(r#"{{"lifetime_seconds":{}}}"#, 730 * 86_400);
    create(emulator.local_addr(), ALICE, &body).await;
}

#[tokio::test]
async fn configured_max_lifetime_bounds_and_defaults_the_lifetime() {
    let (builder, _clock) = clocked();
    let emulator = start(builder.max_lifetime(Duration::from_secs(3600))).await;
    let addr = emulator.local_addr();
    let reply = post_create(addr, ALICE, "{}").await;
    assert_eq!(reply.json()["token_info"]["expiry_time"], T0 + 3_600_000);
    let reply = post_create(addr, ALICE, r#"{"lifetime_seconds":3601}"#).await;
    assert_eq!(reply.error_code(), "INVALID_PARAMETER_VALUE");
}

#[tokio::test]
async fn legacy_setting_makes_absent_lifetime_never_expire() {
    let emulator = start(builder().legacy_never_expire(true)).await;
    let reply = post_create(emulator.local_addr(), ALICE, "{}").await;
    assert_eq!(reply.json()["token_info"]["expiry_time"], -1);
}

#[tokio::test]
async fn comment_of_255_characters_is_accepted_and_256_rejected() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    let ok = format!(r#"{{"comment":"{}"}}"#, "ü".repeat(255));
    create(addr, ALICE, &ok).await;
    let long = format!(r#"{{"comment":"{}"}}"#, "a".repeat(256));
    let reply = post_create(addr, ALICE, &long).await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.error_code(), "INVALID_PARAMETER_VALUE");
}

#[tokio::test]
async fn quota_counts_live_tokens_per_user() {
    let (builder, clock) = clocked();
    let emulator = start(builder.quota_per_user(3)).await;
    let addr = emulator.local_addr();
    create(addr, ALICE, r#"{"lifetime_seconds":60}"#).await;
    create(addr, ALICE, "{}").await;
    create(addr, ALICE, "{}").await;
    let reply = post_create(addr, ALICE, "{}").await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.error_code(), "QUOTA_EXCEEDED");

    // Another user has their own quota.
    create(addr, BOB, "{}").await;
    // An expired token frees its slot.
    clock.advance(Duration::from_secs(60));
    create(addr, ALICE, "{}").await;
    assert_eq!(emulator.token_count(&Principal::user("alice")), 3);
}

#[tokio::test]
async fn a_token_created_with_a_token_belongs_to_the_same_user() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    let (first, secret) = create(addr, ALICE, "{}").await;
    let (second, _) = create(addr, &secret, "{}").await;
    let ids = list_ids(addr, ALICE).await;
    assert_eq!(ids, vec![first, second]);
    assert!(list_ids(addr, BOB).await.is_empty());
}

#[tokio::test]
async fn an_empty_body_creates_with_defaults() {
    let emulator = start(builder()).await;
    let reply = post_create(emulator.local_addr(), ALICE, "").await;
    assert_eq!(reply.status, 200);
}

#[tokio::test]
async fn unknown_fields_are_ignored() {
    let emulator = start(builder()).await;
    let reply = post_create(emulator.local_addr(), ALICE, r#"{"future_field":{"a":1}}"#).await;
    assert_eq!(reply.status, 200);
}
