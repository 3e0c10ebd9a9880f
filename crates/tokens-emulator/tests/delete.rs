//! `POST /api/2.0/token/delete`: revoking a token.

mod support;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use support::{ALICE, BOB, Reply, builder, call, create, list_ids, start};
use tokens_emulator::ManualClock;
use tokens_types::Timestamp;

async fn delete(addr: SocketAddr, bearer: &str, id: &str) -> Reply {
    let body = serde_json::json!({ "token_id": id }).to_string();
    call(
        addr,
        "POST",
        "/api/2.0/token/delete",
        Some(bearer),
        Some(&body),
    )
    .await
}

#[tokio::test]
async fn delete_removes_the_token_and_answers_an_empty_object() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    let (id, _) = create(addr, ALICE, "{}").await;
    let reply = delete(addr, ALICE, &id).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body, b"{}");
    assert!(list_ids(addr, ALICE).await.is_empty());
}

#[tokio::test]
async fn a_second_delete_is_resource_does_not_exist() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    let (id, _) = create(addr, ALICE, "{}").await;
    delete(addr, ALICE, &id).await;
    let reply = delete(addr, ALICE, &id).await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.error_code(), "RESOURCE_DOES_NOT_EXIST");
}

#[tokio::test]
async fn another_users_token_cannot_be_deleted() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    let (id, _) = create(addr, ALICE, "{}").await;
    let reply = delete(addr, BOB, &id).await;
    assert_eq!(
        (reply.status, reply.error_code()),
        (404, "RESOURCE_DOES_NOT_EXIST".into())
    );
    assert_eq!(list_ids(addr, ALICE).await, vec![id]);
}

#[tokio::test]
async fn an_expired_token_cannot_be_deleted() {
    let clock = ManualClock::new(Timestamp::from_millis(1_700_000_000_000));
    let emulator = start(builder().clock(Arc::new(clock.clone()))).await;
    let addr = emulator.local_addr();
    let (id, _) = create(addr, ALICE, r#"{"lifetime_seconds":1}"#).await;
    clock.advance(Duration::from_secs(1));
    assert_eq!(
        delete(addr, ALICE, &id).await.error_code(),
        "RESOURCE_DOES_NOT_EXIST"
    );
}

#[tokio::test]
async fn a_deleted_token_no_longer_authenticates() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    let (id, secret) = create(addr, ALICE, "{}").await;
    delete(addr, &secret, &id).await;
    let reply = call(addr, "GET", "/api/2.0/token/list", Some(&secret), None).await;
    assert_eq!(reply.status, 403);
    assert_eq!(reply.error_code(), 403);
}

#[tokio::test]
async fn missing_token_id_is_an_invalid_parameter_value() {
    let emulator = start(builder()).await;
    let reply = call(
        emulator.local_addr(),
        "POST",
        "/api/2.0/token/delete",
        Some(ALICE),
        Some("{}"),
    )
    .await;
    assert_eq!(
        (reply.status, reply.error_code()),
        (400, "INVALID_PARAMETER_VALUE".into())
    );
}
