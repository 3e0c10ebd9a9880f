//! CORS: off by default; configured origins get preflights and headers on every reply.

mod support;

use std::net::SocketAddr;
use support::{ALICE, Reply, builder, request_with, start};
use tokens_emulator::{FaultRule, Route};

/// A CORS preflight for a `POST` with `authorization` and `content-type`, from `origin`.
async fn preflight(addr: SocketAddr, path: &str, origin: &str) -> Reply {
    let headers = [
        format!("Origin: {origin}"),
        "Access-Control-Request-Method: POST".to_owned(),
        "Access-Control-Request-Headers: authorization, content-type".to_owned(),
    ];
    request_with(addr, "OPTIONS", path, &headers, None)
        .await
        .expect("answered")
}

#[tokio::test]
async fn cors_is_off_by_default() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    let preflight = preflight(addr, "/api/2.0/token/create", "http://app.test").await;
    assert_eq!(preflight.status, 405);
    assert_eq!(preflight.header("access-control-allow-origin"), None);
    let headers = [
        format!("Authorization: Bearer {ALICE}"),
        "Origin: http://app.test".to_owned(),
    ];
    let reply = request_with(addr, "GET", "/api/2.0/token/list", &headers, None)
        .await
        .expect("answered");
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("access-control-allow-origin"), None);
}

#[tokio::test]
async fn a_preflight_from_an_allowed_origin_allows_authorization_and_content_type() {
    let emulator = start(builder().cors_allowed_origins(["http://app.test"])).await;
    let reply = preflight(
        emulator.local_addr(),
        "/api/2.0/token/create",
        "http://app.test",
    )
    .await;
    assert_eq!(reply.status, 204);
    assert_eq!(
        reply.header("access-control-allow-origin"),
        Some("http://app.test")
    );
    let allowed = reply
        .header("access-control-allow-headers")
        .unwrap()
        .to_ascii_lowercase();
    assert!(allowed.contains("authorization") && allowed.contains("content-type"));
    assert!(allowed.contains("x-databricks-workspace-id"));
    let methods = reply.header("access-control-allow-methods").unwrap();
    assert!(methods.contains("PATCH") && methods.contains("POST") && methods.contains("GET"));
}

#[tokio::test]
async fn a_preflight_needs_no_credential_and_works_on_update_paths() {
    let emulator = start(builder().cors_allowed_origins(["http://app.test"])).await;
    let reply = preflight(
        emulator.local_addr(),
        "/api/2.0/token/abc",
        "http://app.test",
    )
    .await;
    assert_eq!(reply.status, 204);
}

#[tokio::test]
async fn a_preflight_from_another_origin_is_refused() {
    let emulator = start(builder().cors_allowed_origins(["http://app.test"])).await;
    let reply = preflight(
        emulator.local_addr(),
        "/api/2.0/token/create",
        "http://evil.test",
    )
    .await;
    assert_eq!(reply.status, 403);
    assert_eq!(reply.header("access-control-allow-origin"), None);
}

#[tokio::test]
async fn wildcard_allows_any_origin() {
    let emulator = start(builder().cors_allowed_origins(["*"])).await;
    let reply = preflight(
        emulator.local_addr(),
        "/api/2.0/token/list",
        "http://any.test",
    )
    .await;
    assert_eq!(reply.status, 204);
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
}

#[tokio::test]
async fn replies_errors_and_faults_carry_cors_headers() {
    let emulator = start(builder().cors_allowed_origins(["http://app.test"])).await;
    let addr = emulator.local_addr();
    let origin = "Origin: http://app.test".to_owned();
    let auth = format!("Authorization: Bearer {ALICE}");

    let ok = request_with(
        addr,
        "GET",
        "/api/2.0/token/list",
        &[origin.clone(), auth.clone()],
        None,
    )
    .await
    .unwrap();
    assert_eq!(
        ok.header("access-control-allow-origin"),
        Some("http://app.test")
    );
    assert!(
        ok.header("access-control-expose-headers")
            .unwrap()
            .contains("Retry-After")
    );

    let unauthenticated = request_with(
        addr,
        "GET",
        "/api/2.0/token/list",
        std::slice::from_ref(&origin),
        None,
    )
    .await
    .unwrap();
    assert_eq!(unauthenticated.status, 401);
    assert_eq!(
        unauthenticated.header("access-control-allow-origin"),
        Some("http://app.test")
    );

    emulator
        .faults()
        .push(FaultRule::status(Some(Route::List), 429).times(1));
    let fault = request_with(addr, "GET", "/api/2.0/token/list", &[origin, auth], None)
        .await
        .unwrap();
    assert_eq!(fault.status, 429);
    assert_eq!(
        fault.header("access-control-allow-origin"),
        Some("http://app.test")
    );
}
