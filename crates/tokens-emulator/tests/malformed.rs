//! Malformed input of every kind gets the documented 4xx JSON, never a 500 or a hang.

mod support;

use support::{ALICE, builder, call, request_with, send_raw, start};
use tokens_emulator::Principal;

#[tokio::test]
async fn bodies_that_are_not_json_objects_are_malformed_requests() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    for body in [
        "{",
        "not json",
        "[]",
        "null",
        "42",
        "\"text\"",
        "{\"comment\": }",
        "{\"comment\":\"a\"} trailing",
        deep.as_str(),
        "{\"comment\": \"\\ud800\", \"token_id\": \"\\ud800\"}",
    ] {
        for path in ["/api/2.0/token/create", "/api/2.0/token/delete"] {
            let reply = call(addr, "POST", path, Some(ALICE), Some(body)).await;
            assert_eq!(reply.status, 400, "{path} {body:.40}");
            assert_eq!(reply.error_code(), "MALFORMED_REQUEST", "{path} {body:.40}");
        }
    }
    assert_eq!(emulator.token_count(&Principal::user("alice")), 0);
}

#[tokio::test]
async fn wrong_types_are_malformed_requests() {
    let emulator = start(builder()).await;
    let addr = emulator.local_addr();
    for body in [
        r#"{"comment": 5}"#,
        r#"{"lifetime_seconds": "soon"}"#,
        r#"{"lifetime_seconds": 1.5}"#,
        r#"{"lifetime_seconds": true}"#,
        r#"{"lifetime_seconds": 1e400}"#,
        r#"{"lifetime_seconds": 99999999999999999999999}"#,
        r#"{"scopes": "sql"}"#,
        r#"{"scopes": [1, 2]}"#,
        r#"{"autoscope_enabled": "yes"}"#,
    ] {
        let reply = call(
            addr,
            "POST",
            "/api/2.0/token/create",
            Some(ALICE),
            Some(body),
        )
        .await;
        assert_eq!(
            (reply.status, reply.error_code()),
            (400, "MALFORMED_REQUEST".into()),
            "{body}"
        );
    }
    for body in [r#"{"token_id": 7}"#, r#"{"token_id": ["a"]}"#] {
        let reply = call(
            addr,
            "POST",
            "/api/2.0/token/delete",
            Some(ALICE),
            Some(body),
        )
        .await;
        assert_eq!(reply.error_code(), "MALFORMED_REQUEST", "{body}");
    }
    for body in [
        r#"{"update_mask": 5}"#,
        r#"{"token": "x", "update_mask": "comment"}"#,
        r#"{"token": {"creation_time": "x"}, "update_mask": "comment"}"#,
    ] {
        let reply = call(
            addr,
            "PATCH",
            &format!("/api/2.0/token/{}", "0".repeat(64)),
            Some(ALICE),
            Some(body),
        )
        .await;
        assert_eq!(reply.error_code(), "MALFORMED_REQUEST", "{body}");
    }
}

#[tokio::test]
async fn invalid_utf8_in_a_body_is_a_malformed_request() {
    let emulator = start(builder()).await;
    let headers = [format!("Authorization: Bearer {ALICE}")];
    let reply = request_with(
        emulator.local_addr(),
        "POST",
        "/api/2.0/token/create",
        &headers,
        Some(b"{\"comment\": \"\xff\xfe\"}"),
    )
    .await
    .expect("answered");
    assert_eq!(
        (reply.status, reply.error_code()),
        (400, "MALFORMED_REQUEST".into())
    );
}

#[tokio::test]
async fn an_empty_delete_body_is_a_malformed_request() {
    let emulator = start(builder()).await;
    let reply = call(
        emulator.local_addr(),
        "POST",
        "/api/2.0/token/delete",
        Some(ALICE),
        Some(""),
    )
    .await;
    assert_eq!(
        (reply.status, reply.error_code()),
        (400, "MALFORMED_REQUEST".into())
    );
}

#[tokio::test]
async fn a_body_over_one_mebibyte_is_413() {
    let emulator = start(builder()).await;
    let big = format!(r#"{{"comment":"{}"}}"#, "a".repeat(1 << 20));
    let reply = call(
        emulator.local_addr(),
        "POST",
        "/api/2.0/token/create",
        Some(ALICE),
        Some(&big),
    )
    .await;
    assert_eq!(reply.status, 413);
    assert_eq!(reply.error_code(), "REQUEST_ENTITY_TOO_LARGE");
}

#[tokio::test]
async fn a_chunked_body_over_one_mebibyte_is_413() {
    let emulator = start(builder()).await;
    let mut raw = format!(
        "POST /api/2.0/token/create HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer {ALICE}\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    .into_bytes();
    let chunk = vec![b' '; 64 * 1024];
    for _ in 0..17 {
        raw.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        raw.extend_from_slice(&chunk);
        raw.extend_from_slice(b"\r\n");
    }
    raw.extend_from_slice(b"0\r\n\r\n");
    let reply = send_raw(emulator.local_addr(), &raw)
        .await
        .expect("answered");
    assert_eq!(reply.status, 413);
    assert_eq!(reply.error_code(), "REQUEST_ENTITY_TOO_LARGE");
}

#[tokio::test]
async fn a_declared_length_over_the_limit_is_refused_before_reading() {
    let emulator = start(builder()).await;
    let raw = format!(
        "POST /api/2.0/token/create HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {ALICE}\r\nContent-Length: 5000000000\r\n\r\n{{}}"
    );
    let reply = send_raw(emulator.local_addr(), raw.as_bytes())
        .await
        .expect("answered");
    assert_eq!(reply.status, 413);
}

#[tokio::test]
async fn a_huge_path_is_endpoint_not_found() {
    let emulator = start(builder()).await;
    let path = format!("/{}", "a".repeat(8000));
    let reply = call(emulator.local_addr(), "GET", &path, Some(ALICE), None).await;
    assert_eq!(reply.status, 404);
    assert!(
        reply.json()["message"].as_str().unwrap().len() < 300,
        "the path is not mirrored whole"
    );
}

#[tokio::test]
async fn garbage_instead_of_http_gets_no_500() {
    let emulator = start(builder()).await;
    if let Some(reply) = send_raw(emulator.local_addr(), b"\x00\x01\x02 hello\r\n\r\n").await {
        assert!(
            (400..500).contains(&reply.status),
            "status {}",
            reply.status
        );
    }
    // The server still serves afterwards.
    assert_eq!(
        call(
            emulator.local_addr(),
            "GET",
            "/api/2.0/token/list",
            Some(ALICE),
            None
        )
        .await
        .status,
        200
    );
}
