//! `GET /api/2.0/token/list`: one user's live tokens, oldest first.

mod support;

use std::sync::Arc;
use std::time::Duration;
use support::{ALICE, BOB, builder, call, create, list, list_ids, start};
use tokens_emulator::ManualClock;
use tokens_types::Timestamp;

#[tokio::test]
async fn an_empty_list_is_an_empty_object() {
    let emulator = start(builder()).await;
    let reply = call(
        emulator.local_addr(),
        "GET",
        "/api/2.0/token/list",
        Some(ALICE),
        None,
    )
    .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body, b"{}");
    assert_eq!(reply.header("content-type"), Some("application/json"));
}

#[tokio::test]
async fn tokens_are_listed_oldest_first_with_their_fields() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    let (a, _) = create(addr, ALICE, r#"{"comment":"a"}"#).await;
    let (b, _) = create(addr, ALICE, r#"{"comment":"b","scopes":["sql"]}"#).await;
    let infos = list(addr, ALICE).await;
    assert_eq!(infos.len(), 2);
    assert_eq!(infos[0]["token_id"], a.as_str());
    assert_eq!(infos[1]["token_id"], b.as_str());
    assert_eq!(infos[1]["comment"], "b");
    assert_eq!(infos[1]["scopes"], serde_json::json!(["sql"]));
    assert!(infos[0]["creation_time"].is_i64());
    assert!(infos[0]["expiry_time"].is_i64());
    assert!(
        infos[0].get("token_value").is_none(),
        "a list never shows a secret"
    );
}

#[tokio::test]
async fn each_user_sees_only_their_own_tokens() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    let (a, _) = create(addr, ALICE, "{}").await;
    let (b, _) = create(addr, BOB, "{}").await;
    assert_eq!(list_ids(addr, ALICE).await, vec![a]);
    assert_eq!(list_ids(addr, BOB).await, vec![b]);
}

#[tokio::test]
async fn expired_tokens_are_not_listed() {
    let clock = ManualClock::new(Timestamp::from_millis(1_700_000_000_000));
    let emulator = start(builder().clock(Arc::new(clock.clone()))).await;
    let addr = emulator.local_addr();
    let (short, _) = create(addr, ALICE, r#"{"lifetime_seconds":10}"#).await;
    let (long, _) = create(addr, ALICE, r#"{"lifetime_seconds":20}"#).await;
    clock.advance(Duration::from_millis(9_999));
    assert_eq!(list_ids(addr, ALICE).await, vec![short, long.clone()]);
    clock.advance(Duration::from_millis(1));
    assert_eq!(list_ids(addr, ALICE).await, vec![long]);
    clock.advance(Duration::from_secs(10));
    assert!(list_ids(addr, ALICE).await.is_empty());
}

#[tokio::test]
async fn query_strings_are_ignored() {
    let emulator = start(builder()).await;
    let reply = call(
        emulator.local_addr(),
        "GET",
        "/api/2.0/token/list?page_token=x",
        Some(ALICE),
        None,
    )
    .await;
    assert_eq!(reply.status, 200);
}
