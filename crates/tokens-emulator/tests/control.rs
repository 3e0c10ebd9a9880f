//! The control endpoint: off by default, guarded by its secret, never faulted.

mod support;

use std::net::SocketAddr;
use support::{ALICE, Reply, builder, call, get_list, start};
use tokens_emulator::RunningEmulator;
use tokens_types::Secret;

const CONTROL: &str = "control-secret-for-tests";

/// An emulator whose control endpoint opens to `CONTROL`.
async fn start_with_control() -> RunningEmulator {
    start(builder().control_secret(Secret::new(CONTROL))).await
}

/// `GET /__emulator/faults` with the control secret.
async fn get_faults(addr: SocketAddr) -> Reply {
    call(addr, "GET", "/__emulator/faults", Some(CONTROL), None).await
}

/// `POST /__emulator/faults` with the control secret and `body`.
async fn post_faults(addr: SocketAddr, body: &str) -> Reply {
    call(
        addr,
        "POST",
        "/__emulator/faults",
        Some(CONTROL),
        Some(body),
    )
    .await
}

#[tokio::test]
async fn the_control_endpoint_does_not_exist_without_a_secret() {
    let emulator = start(builder()).await;
    let reply = get_faults(emulator.local_addr()).await;
    assert_eq!(
        (reply.status, reply.error_code()),
        (404, "ENDPOINT_NOT_FOUND".into())
    );
}

#[tokio::test]
async fn the_control_endpoint_requires_its_secret() {
    let emulator = start_with_control().await;
    let addr = emulator.local_addr();
    assert_eq!(
        call(addr, "GET", "/__emulator/faults", None, None)
            .await
            .status,
        401
    );
    assert_eq!(
        call(addr, "GET", "/__emulator/faults", Some(ALICE), None)
            .await
            .status,
        403
    );
    assert_eq!(
        call(addr, "GET", "/__emulator/faults", Some(CONTROL), None)
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn faults_added_through_the_control_endpoint_apply_and_can_be_listed_and_cleared() {
    let emulator = start_with_control().await;
    let addr = emulator.local_addr();
    let added = post_faults(addr, r#"[{"route":"list","status":503,"retry_after":1,"times":1},{"route":"create","close":"after"}]"#).await;
    assert_eq!(
        (added.status, added.json()["added"].clone()),
        (200, 2.into())
    );

    assert_eq!(get_list(addr, ALICE).await.status, 503);
    let listed = get_faults(addr).await.json();
    assert_eq!(listed["rules"][0]["remaining"], 0);
    assert_eq!(listed["rules"][0]["fired"], 1);
    assert_eq!(listed["rules"][1]["close"], "after");

    assert_eq!(
        call(addr, "DELETE", "/__emulator/faults", Some(CONTROL), None)
            .await
            .status,
        200
    );
    assert_eq!(
        get_faults(addr).await.json()["rules"],
        serde_json::json!([])
    );
}

#[tokio::test]
async fn a_bad_rule_is_refused_whole() {
    let emulator = start_with_control().await;
    let addr = emulator.local_addr();
    let reply = post_faults(
        addr,
        r#"{"rules":[{"route":"list","status":503},{"route":"nope","status":1}]}"#,
    )
    .await;
    assert_eq!(
        (reply.status, reply.error_code()),
        (400, "INVALID_PARAMETER_VALUE".into())
    );
    assert!(emulator.faults().rules().is_empty());
    let reply = post_faults(addr, "{").await;
    assert_eq!(reply.error_code(), "MALFORMED_REQUEST");
}

#[tokio::test]
async fn faults_never_apply_to_the_control_endpoint() {
    let emulator = start_with_control().await;
    emulator
        .faults()
        .push(tokens_emulator::FaultRule::close_before_acting(None));
    let reply = call(
        emulator.local_addr(),
        "GET",
        "/__emulator/stats",
        Some(CONTROL),
        None,
    )
    .await;
    assert_eq!(reply.status, 200);
}

#[tokio::test]
async fn stats_report_requests_and_tokens() {
    let emulator = start_with_control().await;
    let addr = emulator.local_addr();
    support::create(addr, ALICE, "{}").await;
    let stats = call(addr, "GET", "/__emulator/stats", Some(CONTROL), None)
        .await
        .json();
    assert_eq!(stats["requests"]["create"], 1);
    let alice = stats["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "alice")
        .unwrap()
        .clone();
    assert_eq!(alice["tokens"], 1);
    assert_eq!(alice["kind"], "user");
}

#[tokio::test]
async fn a_seed_can_be_set_through_the_control_endpoint() {
    let emulator = start_with_control().await;
    let addr = emulator.local_addr();
    let reply = post_faults(addr, r#"{"seed": 77}"#).await;
    assert_eq!(
        (reply.status, reply.json()["added"].clone()),
        (200, 0.into())
    );
    assert_eq!(emulator.faults().seed(), 77);
    let reply = post_faults(
        addr,
        r#"{"seed": 5, "rules": [{"route": "list", "status": 503}]}"#,
    )
    .await;
    assert_eq!(reply.json()["added"], 1);
    assert_eq!(get_faults(addr).await.json()["seed"], 5);
    let reply = post_faults(addr, r#"{"seed": "x"}"#).await;
    assert_eq!(reply.error_code(), "INVALID_PARAMETER_VALUE");
}
