//! `PATCH /api/2.0/token/{token_id}`: field-mask updates of comment and scopes.

mod support;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use support::{ALICE, BOB, Reply, builder, call, create, list, start};
use tokens_emulator::ManualClock;
use tokens_types::Timestamp;

async fn patch(addr: SocketAddr, bearer: &str, id: &str, body: &str) -> Reply {
    call(
        addr,
        "PATCH",
        &format!("/api/2.0/token/{id}"),
        Some(bearer),
        Some(body),
    )
    .await
}

async fn only_token(addr: SocketAddr) -> serde_json::Value {
    list(addr, ALICE).await.remove(0)
}

#[tokio::test]
async fn comment_mask_changes_only_the_comment() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    let (id, _) = create(addr, ALICE, r#"{"comment":"old","scopes":["sql"]}"#).await;
    let reply = patch(
        addr,
        ALICE,
        &id,
        r#"{"token":{"comment":"new","scopes":["x"]},"update_mask":"comment"}"#,
    )
    .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body, b"{}");
    let token = only_token(addr).await;
    assert_eq!(token["comment"], "new");
    assert_eq!(token["scopes"], serde_json::json!(["sql"]));
}

#[tokio::test]
async fn scopes_mask_changes_only_the_scopes() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    let (id, _) = create(addr, ALICE, r#"{"comment":"keep"}"#).await;
    let reply = patch(
        addr,
        ALICE,
        &id,
        r#"{"token":{"comment":"no","scopes":["sql"]},"update_mask":"scopes"}"#,
    )
    .await;
    assert_eq!(reply.status, 200);
    let token = only_token(addr).await;
    assert_eq!(token["comment"], "keep");
    assert_eq!(token["scopes"], serde_json::json!(["sql"]));
}

#[tokio::test]
async fn both_paths_and_wildcard_change_both_fields() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    let (id, _) = create(addr, ALICE, "{}").await;
    patch(
        addr,
        ALICE,
        &id,
        r#"{"token":{"comment":"c1","scopes":["a"]},"update_mask":"comment,scopes"}"#,
    )
    .await;
    let token = only_token(addr).await;
    assert_eq!(
        (token["comment"].clone(), token["scopes"].clone()),
        ("c1".into(), serde_json::json!(["a"]))
    );
    patch(
        addr,
        ALICE,
        &id,
        r#"{"token":{"comment":"c2","scopes":["b"]},"update_mask":"*"}"#,
    )
    .await;
    let token = only_token(addr).await;
    assert_eq!(
        (token["comment"].clone(), token["scopes"].clone()),
        ("c2".into(), serde_json::json!(["b"]))
    );
}

#[tokio::test]
async fn a_masked_field_absent_from_the_token_is_cleared() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    let (id, _) = create(addr, ALICE, r#"{"comment":"gone"}"#).await;
    let reply = patch(addr, ALICE, &id, r#"{"token":{},"update_mask":"comment"}"#).await;
    assert_eq!(reply.status, 200);
    assert!(only_token(addr).await.get("comment").is_none());
}

#[tokio::test]
async fn bad_masks_are_invalid_parameter_values() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    let (id, _) = create(addr, ALICE, "{}").await;
    for mask in [
        "",
        "token_id",
        "creation_time",
        "expiry_time",
        "unknown",
        "comment,,scopes",
        "comment, scopes",
        "comment,comment",
        "*,comment",
        "scopes[0]",
        "scopes.0",
        "Comment",
        ",comment",
        "comment,",
    ] {
        let body = serde_json::json!({"token": {"comment": "x"}, "update_mask": mask}).to_string();
        let reply = patch(addr, ALICE, &id, &body).await;
        assert_eq!(reply.status, 400, "mask {mask:?}");
        assert_eq!(
            reply.error_code(),
            "INVALID_PARAMETER_VALUE",
            "mask {mask:?}"
        );
    }
    assert!(
        only_token(addr).await.get("comment").is_none(),
        "nothing changed"
    );
}

#[tokio::test]
async fn missing_mask_or_token_is_an_invalid_parameter_value() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    let (id, _) = create(addr, ALICE, "{}").await;
    for body in [
        r#"{"token":{"comment":"x"}}"#,
        r#"{"update_mask":"comment"}"#,
        "{}",
    ] {
        let reply = patch(addr, ALICE, &id, body).await;
        assert_eq!(reply.error_code(), "INVALID_PARAMETER_VALUE", "{body}");
    }
}

#[tokio::test]
async fn a_body_token_id_differing_from_the_path_is_rejected() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    let (id, _) = create(addr, ALICE, "{}").await;
    let reply = patch(
        addr,
        ALICE,
        &id,
        r#"{"token":{"token_id":"other","comment":"x"},"update_mask":"comment"}"#,
    )
    .await;
    assert_eq!(reply.error_code(), "INVALID_PARAMETER_VALUE");
    let same =
        format!(r#"{{"token":{{"token_id":"{id}","comment":"x"}},"update_mask":"comment"}}"#);
    assert_eq!(patch(addr, ALICE, &id, &same).await.status, 200);
}

#[tokio::test]
async fn a_comment_over_255_characters_is_rejected() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    let (id, _) = create(addr, ALICE, "{}").await;
    let body = serde_json::json!({"token": {"comment": "a".repeat(256)}, "update_mask": "comment"})
        .to_string();
    assert_eq!(
        patch(addr, ALICE, &id, &body).await.error_code(),
        "INVALID_PARAMETER_VALUE"
    );
}

#[tokio::test]
async fn unknown_other_users_and_expired_tokens_are_not_found() {
    let clock = ManualClock::new(Timestamp::from_millis(1_700_000_000_000));
    let emulator = start(builder().clock(Arc::new(clock.clone()))).await;
    let addr = emulator.local_addr();
    let (id, _) = create(addr, ALICE, r#"{"lifetime_seconds":5}"#).await;
    let body = r#"{"token":{"comment":"x"},"update_mask":"comment"}"#;

    let unknown = patch(addr, ALICE, &"0".repeat(64), body).await;
    assert_eq!(
        (unknown.status, unknown.error_code()),
        (404, "NOT_FOUND".into())
    );
    let not_hex = patch(addr, ALICE, "not-a-token", body).await;
    assert_eq!(
        (not_hex.status, not_hex.error_code()),
        (404, "NOT_FOUND".into())
    );
    let others = patch(addr, BOB, &id, body).await;
    assert_eq!(
        (others.status, others.error_code()),
        (404, "NOT_FOUND".into())
    );
    clock.advance(Duration::from_secs(5));
    let expired = patch(addr, ALICE, &id, body).await;
    assert_eq!(
        (expired.status, expired.error_code()),
        (404, "NOT_FOUND".into())
    );
}

#[tokio::test]
async fn a_percent_encoded_id_is_decoded() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    let (id, _) = create(addr, ALICE, "{}").await;
    let encoded: String = id
        .bytes()
        .map(|b| format!("%{b:02X}"))
        .collect::<Vec<_>>()
        .concat();
    let reply = patch(
        addr,
        ALICE,
        &encoded,
        r#"{"token":{"comment":"enc"},"update_mask":"comment"}"#,
    )
    .await;
    assert_eq!(reply.status, 200);
}
