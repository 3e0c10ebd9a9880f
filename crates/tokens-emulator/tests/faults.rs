//! Fault injection: statuses, Retry-After, dropped connections, counts and seeded draws.

mod support;

use std::time::Duration;
use support::{
    ALICE, builder, call, create, get_list, list_ids, post_create, request, send_create, start,
};
use tokens_emulator::{FaultBody, FaultPlan, FaultRule, Principal, RetryAfter, Route};

fn alice() -> Principal {
    Principal::user("alice")
}

#[tokio::test]
async fn a_status_fault_answers_without_acting() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    emulator
        .faults()
        .push(FaultRule::status(Some(Route::Create), 503).times(1));
    let reply = post_create(addr, ALICE, "{}").await;
    assert_eq!(reply.status, 503);
    assert_eq!(reply.error_code(), "TEMPORARILY_UNAVAILABLE");
    assert_eq!(emulator.token_count(&alice()), 0);
    // `times(1)`: the next create goes through.
    create(addr, ALICE, "{}").await;
    assert_eq!(emulator.stats().requests(Route::Create), 2);
}

#[tokio::test]
async fn retry_after_in_seconds_and_as_an_http_date() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    emulator.faults().push(
        FaultRule::status(Some(Route::List), 429)
            .with_retry_after(RetryAfter::Seconds(7))
            .times(1),
    );
    emulator.faults().push(
        FaultRule::status(Some(Route::List), 503)
            .with_retry_after(RetryAfter::DateIn(Duration::from_secs(30)))
            .times(1),
    );
    let first = get_list(addr, ALICE).await;
    assert_eq!(
        (first.status, first.header("retry-after")),
        (429, Some("7"))
    );
    let second = get_list(addr, ALICE).await;
    assert_eq!(second.status, 503);
    let date =
        httpdate::parse_http_date(second.header("retry-after").unwrap()).expect("an HTTP-date");
    assert!(date > std::time::SystemTime::now());
}

#[tokio::test]
async fn a_custom_body_is_sent_as_given() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    emulator.faults().push(
        FaultRule::status(Some(Route::List), 502)
            .with_body(FaultBody::Text(
                "<html><title>Bad Gateway</title></html>".into(),
            ))
            .times(1),
    );
    emulator.faults().push(
        FaultRule::status(Some(Route::List), 400)
            .with_body(FaultBody::Json(
                serde_json::json!({"error_code": "RESOURCE_EXHAUSTED", "message": "slow"}),
            ))
            .times(1),
    );
    let html = get_list(addr, ALICE).await;
    assert_eq!(html.status, 502);
    assert!(
        html.header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    assert_eq!(html.body, b"<html><title>Bad Gateway</title></html>");
    let json = get_list(addr, ALICE).await;
    assert_eq!(json.error_code(), "RESOURCE_EXHAUSTED");
}

#[tokio::test]
async fn close_before_acting_drops_the_connection_and_creates_nothing() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    emulator
        .faults()
        .push(FaultRule::close_before_acting(Some(Route::Create)).times(1));
    let reply = send_create(addr, ALICE, "{}").await;
    assert!(reply.is_none(), "no reply at all, not an error status");
    assert_eq!(emulator.token_count(&alice()), 0);
    assert_eq!(emulator.stats().requests(Route::Create), 1);
}

#[tokio::test]
async fn close_after_acting_creates_the_token_but_loses_the_reply() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    emulator
        .faults()
        .push(FaultRule::close_after_acting(Some(Route::Create)).times(1));
    let reply = send_create(addr, ALICE, "{}").await;
    assert!(reply.is_none());
    assert_eq!(emulator.token_count(&alice()), 1);
    assert_eq!(list_ids(addr, ALICE).await.len(), 1);
}

#[tokio::test]
async fn close_after_acting_on_delete_deletes() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    let (id, _) = create(addr, ALICE, "{}").await;
    emulator
        .faults()
        .push(FaultRule::close_after_acting(Some(Route::Delete)));
    let body = serde_json::json!({ "token_id": id }).to_string();
    assert!(
        request(
            addr,
            "POST",
            "/api/2.0/token/delete",
            Some(ALICE),
            Some(&body)
        )
        .await
        .is_none()
    );
    assert_eq!(emulator.token_count(&alice()), 0);
}

#[tokio::test]
async fn a_rule_for_any_route_applies_to_every_route() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    emulator.faults().push(FaultRule::status(None, 500));
    assert_eq!(get_list(addr, ALICE).await.status, 500);
    assert_eq!(post_create(addr, ALICE, "{}").await.status, 500);
    assert_eq!(
        call(addr, "GET", "/.well-known/databricks-config", None, None)
            .await
            .status,
        500
    );
    // An unknown path is still a 404: faults act on routes only.
    assert_eq!(call(addr, "GET", "/nowhere", None, None).await.status, 404);
}

#[tokio::test]
async fn latency_delays_but_still_answers() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    emulator
        .faults()
        .push(FaultRule::latency(Some(Route::List), Duration::from_millis(20)).times(1));
    assert_eq!(get_list(addr, ALICE).await.status, 200);
    assert_eq!(emulator.faults().rules()[0].fired, 1);
    assert_eq!(emulator.faults().rules()[0].remaining, Some(0));
}

#[tokio::test]
async fn the_same_seed_gives_the_same_sequence_of_faults() {
    async fn run(seed: u64) -> Vec<u16> {
        let plan = FaultPlan::new()
            .rule(FaultRule::status(Some(Route::List), 503).probability(0.5))
            .seed(seed);
        let emulator = start(builder().faults(plan)).await;
        let mut statuses = Vec::new();
        for _ in 0..40 {
            statuses.push(get_list(emulator.local_addr(), ALICE).await.status);
        }
        statuses
    }
    let first = run(9).await;
    assert_eq!(first, run(9).await);
    assert!(first.contains(&200) && first.contains(&503), "{first:?}");
}

#[tokio::test]
async fn faults_given_at_start_up_apply() {
    let rule: FaultRule = "route=delete,status=504,times=2".parse().unwrap();
    let emulator = start(builder().faults(FaultPlan::new().rule(rule))).await;
    let addr = emulator.local_addr();
    for expected in [504, 504, 400] {
        let reply = call(
            addr,
            "POST",
            "/api/2.0/token/delete",
            Some(ALICE),
            Some("{}"),
        )
        .await;
        assert_eq!(reply.status, expected);
    }
}

#[tokio::test]
async fn clearing_faults_restores_normal_service() {
    let emulator = start(builder()).await;
    emulator.faults().push(FaultRule::status(None, 503));
    emulator.faults().clear();
    assert_eq!(get_list(emulator.local_addr(), ALICE).await.status, 200);
}

#[tokio::test]
async fn in_process_handle_reports_a_dropped_connection() {
    let emulator = builder().build().unwrap();
    emulator
        .faults()
        .push(FaultRule::close_after_acting(Some(Route::Create)));
    let request = http::Request::post("/api/2.0/token/create")
        .header("authorization", format!("Bearer {ALICE}"))
        .body(bytes::Bytes::from_static(b"{}"))
        .unwrap();
    assert_eq!(
        emulator.handle(request).await.unwrap_err(),
        tokens_emulator::ConnectionDropped
    );
    assert_eq!(emulator.token_count(&alice()), 1);
}
