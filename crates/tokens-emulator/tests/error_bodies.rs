//! Every error reply decodes with `tokens_types::ErrorBody::parse` to the code the spec names.

mod support;

use support::{ALICE, builder, call, start};
use tokens_types::{ErrorBody, ErrorCode};

/// Method, path, bearer, body, and the code the reply must decode to.
type Case<'a> = (
    &'a str,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    ErrorCode,
);

#[tokio::test]
async fn error_replies_decode_to_their_codes() {
    let emulator = start(builder().quota_per_user(0)).await;
    let addr = emulator.local_addr();
    let zeros = "0".repeat(64);
    let update_path = format!("/api/2.0/token/{zeros}");
    let delete_body = format!(r#"{{"token_id":"{zeros}"}}"#);
    let cases: Vec<Case<'_>> = vec![
        (
            "GET",
            "/api/2.0/token/list",
            None,
            None,
            ErrorCode::Other("401".into()),
        ),
        (
            "GET",
            "/api/2.0/token/list",
            Some("dapi0123456789abcdef0123456789abcdef"),
            None,
            ErrorCode::Other("403".into()),
        ),
        (
            "POST",
            "/api/2.0/token/create",
            Some(ALICE),
            Some("{"),
            ErrorCode::MalformedRequest,
        ),
        (
            "POST",
            "/api/2.0/token/create",
            Some(ALICE),
            Some(r#"{"lifetime_seconds":0}"#),
            ErrorCode::InvalidParameterValue,
        ),
        (
            "POST",
            "/api/2.0/token/create",
            Some(ALICE),
            Some("{}"),
            ErrorCode::QuotaExceeded,
        ),
        (
            "POST",
            "/api/2.0/token/delete",
            Some(ALICE),
            Some(&delete_body),
            ErrorCode::ResourceDoesNotExist,
        ),
        (
            "PATCH",
            &update_path,
            Some(ALICE),
            Some(r#"{"token":{},"update_mask":"comment"}"#),
            ErrorCode::NotFound,
        ),
        ("GET", "/nowhere", None, None, ErrorCode::EndpointNotFound),
    ];
    for (method, path, bearer, body, expected) in cases {
        let reply = call(addr, method, path, bearer, body).await;
        let parsed = ErrorBody::parse(reply.status, &reply.body);
        assert_eq!(parsed.error_code, Some(expected), "{method} {path}");
        assert!(!parsed.message.is_empty(), "{method} {path}");
    }
}
