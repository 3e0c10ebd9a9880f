//! Unknown paths and wrong methods get JSON errors, never HTML or an empty body.

mod support;

use support::{ALICE, builder, call, start};

#[tokio::test]
async fn unknown_paths_are_endpoint_not_found() {
    let emulator = start(builder()).await;
    for path in [
        "/",
        "/api/2.0/token",
        "/api/2.0/token/",
        "/api/2.0/token/list/",
        "/api/2.0/token/a/b",
        "/api/2.1/token/list",
        "/__emulator/faults",
    ] {
        let reply = call(emulator.local_addr(), "GET", path, Some(ALICE), None).await;
        assert_eq!(reply.status, 404, "{path}");
        assert_eq!(reply.error_code(), "ENDPOINT_NOT_FOUND", "{path}");
        assert_eq!(reply.header("content-type"), Some("application/json"));
    }
}

#[tokio::test]
async fn wrong_methods_are_405_with_allow() {
    let emulator = start(builder()).await;
    for (method, path, allow) in [
        ("POST", "/api/2.0/token/list", "GET"),
        ("GET", "/api/2.0/token/create", "POST"),
        ("DELETE", "/api/2.0/token/delete", "POST"),
        ("PUT", "/api/2.0/token/abc", "PATCH"),
        ("PATCH", "/api/2.0/token/list", "GET"),
        ("HEAD", "/api/2.0/token/list", "GET"),
        ("OPTIONS", "/api/2.0/token/list", "GET"),
        ("GET", "/oidc/v1/token", "POST"),
    ] {
        let reply = call(emulator.local_addr(), method, path, Some(ALICE), Some("{}")).await;
        assert_eq!(reply.status, 405, "{method} {path}");
        assert_eq!(reply.header("allow"), Some(allow), "{method} {path}");
        if method != "HEAD" {
            assert_eq!(reply.error_code(), "METHOD_NOT_ALLOWED", "{method} {path}");
        }
    }
}

#[tokio::test]
async fn a_405_or_404_needs_no_credential() {
    let emulator = start(builder()).await;
    assert_eq!(
        call(emulator.local_addr(), "GET", "/nowhere", None, None)
            .await
            .status,
        404
    );
    assert_eq!(
        call(
            emulator.local_addr(),
            "POST",
            "/api/2.0/token/list",
            None,
            None
        )
        .await
        .status,
        405
    );
}

#[tokio::test]
async fn stats_count_requests_per_route() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    call(addr, "GET", "/api/2.0/token/list", Some(ALICE), None).await;
    call(addr, "GET", "/api/2.0/token/list", None, None).await;
    call(
        addr,
        "POST",
        "/api/2.0/token/create",
        Some(ALICE),
        Some("{}"),
    )
    .await;
    call(addr, "GET", "/nowhere", None, None).await;
    let stats = emulator.stats();
    assert_eq!(stats.requests(tokens_emulator::Route::List), 2);
    assert_eq!(stats.requests(tokens_emulator::Route::Create), 1);
    assert_eq!(stats.requests(tokens_emulator::Route::Delete), 0);
    assert_eq!(stats.unmatched(), 1);
    assert_eq!(stats.total(), 4);
}
