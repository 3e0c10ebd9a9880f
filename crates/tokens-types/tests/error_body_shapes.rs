//! `ErrorBody::parse` on every body shape of spec §2.

use tokens_types::{ErrorBody, ErrorCode, ErrorDetail};

/// The parsed code for a code this crate has no variant for.
#[allow(clippy::unnecessary_wraps)] // compared with `ErrorBody::error_code`, an `Option`
fn other(code: &str) -> Option<ErrorCode> {
    Some(ErrorCode::Other(code.to_owned()))
}

#[test]
fn json_with_a_string_code_gives_that_code_and_message() {
    let body = ErrorBody::parse(
        404,
        br#"{"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "Token abc does not exist."}"#,
    );
    assert_eq!(body.error_code, Some(ErrorCode::ResourceDoesNotExist));
    assert_eq!(body.message, "Token abc does not exist.");
    assert!(body.details.is_empty());
}

#[test]
fn json_with_an_unknown_string_code_keeps_it_as_other() {
    let body = ErrorBody::parse(400, br#"{"error_code": "BRAND_NEW_CODE", "message": "m"}"#);
    assert_eq!(body.error_code, other("BRAND_NEW_CODE"));
}

#[test]
fn json_with_an_integer_code_gives_the_code_as_digits() {
    let body = ErrorBody::parse(
        403,
        br#"{"error_code": 403, "message": "Invalid access token."}"#,
    );
    assert_eq!(body.error_code, other("403"));
    assert_eq!(body.message, "Invalid access token.");

    let body = ErrorBody::parse(
        401,
        br#"{"error_code": 401, "message": "Credential was not sent or was of an unsupported type for this API."}"#,
    );
    assert_eq!(body.error_code, other("401"));
    assert!(body.message.starts_with("Credential was not sent"));
}

#[test]
fn json_with_details_parses_each_by_its_type() {
    let body = ErrorBody::parse(
        400,
        br#"{"error_code": "QUOTA_EXCEEDED", "message": "Too many tokens.", "details": [
            {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "TOKEN_QUOTA",
             "domain": "databricks.com", "metadata": {"limit": "600"}},
            {"@type": "type.googleapis.com/google.rpc.RequestInfo", "request_id": "req-1"},
            {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retry_delay": "1.5s"}
        ]}"#,
    );
    assert_eq!(body.error_code, Some(ErrorCode::QuotaExceeded));
    assert_eq!(body.details.len(), 3);
    assert!(
        matches!(&body.details[0], ErrorDetail::ErrorInfo { reason, .. } if reason == "TOKEN_QUOTA")
    );
    assert_eq!(body.request_id(), Some("req-1"));
    assert_eq!(
        body.retry_delay(),
        Some(std::time::Duration::from_millis(1500))
    );
}

#[test]
fn json_with_a_code_but_no_message_uses_the_reason_phrase() {
    let body = ErrorBody::parse(409, br#"{"error_code": "ABORTED"}"#);
    assert_eq!(body.error_code, Some(ErrorCode::Aborted));
    assert_eq!(body.message, "Conflict");
}

#[test]
fn json_with_an_empty_message_uses_the_reason_phrase() {
    let body = ErrorBody::parse(500, br#"{"error_code": "INTERNAL_ERROR", "message": "  "}"#);
    assert_eq!(body.message, "Internal Server Error");
}

#[test]
fn json_message_of_the_wrong_type_counts_as_absent() {
    let body = ErrorBody::parse(400, br#"{"error_code": ["x"], "message": 12}"#);
    assert_eq!(body.error_code, None);
    assert_eq!(body.message, r#"{"error_code": ["x"], "message": 12}"#);
}

#[test]
fn json_error_field_gives_the_message() {
    let body = ErrorBody::parse(400, br#"{"error": "Bad Request: token_id is required"}"#);
    assert_eq!(body.error_code, None);
    assert_eq!(body.message, "Bad Request: token_id is required");
}

#[test]
fn oauth_error_with_a_description_joins_both() {
    let body = ErrorBody::parse(
        401,
        br#"{"error": "invalid_client", "error_description": "Client authentication failed"}"#,
    );
    assert_eq!(body.error_code, None);
    assert_eq!(body.message, "invalid_client: Client authentication failed");
}

#[test]
fn scim_error_gives_scim_status_code_and_type_then_detail() {
    let body = ErrorBody::parse(
        409,
        br#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
            "detail": "User already exists", "status": "409", "scimType": "uniqueness"}"#,
    );
    assert_eq!(body.error_code, other("SCIM_409"));
    assert_eq!(body.message, "uniqueness User already exists");
}

#[test]
fn scim_error_without_scim_type_uses_the_detail_alone() {
    let body = ErrorBody::parse(404, br#"{"detail": "User not found", "status": "404"}"#);
    assert_eq!(body.error_code, other("SCIM_404"));
    assert_eq!(body.message, "User not found");
}

#[test]
fn scim_error_without_detail_uses_the_scim_type_alone() {
    let body = ErrorBody::parse(400, br#"{"scimType": "invalidFilter", "status": 400}"#);
    assert_eq!(body.error_code, other("SCIM_400"));
    assert_eq!(body.message, "invalidFilter");
}

#[test]
fn scim_error_without_status_uses_the_http_status() {
    let body = ErrorBody::parse(403, br#"{"detail": "Forbidden for this user"}"#);
    assert_eq!(body.error_code, other("SCIM_403"));
}

#[test]
fn scim_error_with_only_its_schema_uses_the_reason_phrase() {
    let body = ErrorBody::parse(
        500,
        br#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "500"}"#,
    );
    assert_eq!(body.error_code, other("SCIM_500"));
    assert_eq!(body.message, "Internal Server Error");
}

#[test]
fn text_with_a_code_prefix_gives_that_code_and_message() {
    let body = ErrorBody::parse(
        400,
        b"INVALID_PARAMETER_VALUE: lifetime_seconds must be positive",
    );
    assert_eq!(body.error_code, Some(ErrorCode::InvalidParameterValue));
    assert_eq!(body.message, "lifetime_seconds must be positive");
}

#[test]
fn text_with_an_unknown_code_prefix_keeps_it_as_other() {
    let body = ErrorBody::parse(503, b"WORKER_ENV_NOT_READY: try again\n");
    assert_eq!(body.error_code, other("WORKER_ENV_NOT_READY"));
    assert_eq!(body.message, "try again");
}

#[test]
fn text_without_a_code_is_the_message_on_one_line() {
    let body = ErrorBody::parse(500, b"  Something broke:\n  see logs  ");
    assert_eq!(body.error_code, None);
    assert_eq!(body.message, "Something broke: see logs");
}

#[test]
fn text_with_a_code_and_nothing_after_it_uses_the_reason_phrase() {
    let body = ErrorBody::parse(429, b"REQUEST_LIMIT_EXCEEDED:");
    assert_eq!(body.error_code, Some(ErrorCode::RequestLimitExceeded));
    assert_eq!(body.message, "Too Many Requests");
}

#[test]
fn html_message_comes_from_pre_and_code_from_the_status() {
    let page = b"<html><head><title>Error 502 Bad Gateway</title></head>\n\
        <body><h2>HTTP ERROR 502</h2><pre>Upstream connect error</pre></body></html>";
    let body = ErrorBody::parse(502, page);
    assert_eq!(body.error_code, other("BAD_GATEWAY"));
    assert_eq!(body.message, "Upstream connect error");
}

#[test]
fn html_without_pre_uses_the_title() {
    let page = b"<!DOCTYPE html><html><head><title>503 Service Temporarily Unavailable</title>\
        </head><body><center><h1>503</h1></center></body></html>";
    let body = ErrorBody::parse(503, page);
    assert_eq!(body.error_code, other("SERVICE_UNAVAILABLE"));
    assert_eq!(body.message, "503 Service Temporarily Unavailable");
}

#[test]
fn html_without_pre_or_title_uses_h1_then_the_reason_phrase() {
    let body = ErrorBody::parse(
        504,
        b"<html><body><h1>Gateway &amp; Timeout</h1></body></html>",
    );
    assert_eq!(body.message, "Gateway & Timeout");
    assert_eq!(body.error_code, other("GATEWAY_TIMEOUT"));

    let body = ErrorBody::parse(504, b"<html><body><p>nothing useful</p></body></html>");
    assert_eq!(body.message, "Gateway Timeout");
}

#[test]
fn html_with_an_unknown_status_has_no_code() {
    let body = ErrorBody::parse(599, b"<html><title>Odd</title></html>");
    assert_eq!(body.error_code, None);
    assert_eq!(body.message, "Odd");
}

#[test]
fn empty_body_gives_the_status_reason_phrase() {
    for (status, phrase) in [
        (400, "Bad Request"),
        (401, "Unauthorized"),
        (404, "Not Found"),
        (429, "Too Many Requests"),
        (499, "Client Closed Request"),
        (502, "Bad Gateway"),
        (503, "Service Unavailable"),
    ] {
        let body = ErrorBody::parse(status, b"");
        assert_eq!(body.error_code, None);
        assert_eq!(body.message, phrase);
    }
}

#[test]
fn white_space_only_body_counts_as_empty() {
    assert_eq!(
        ErrorBody::parse(500, b" \r\n\t").message,
        "Internal Server Error"
    );
}

#[test]
fn empty_json_object_gives_the_status_reason_phrase() {
    let body = ErrorBody::parse(500, b"{}");
    assert_eq!(body.error_code, None);
    assert_eq!(body.message, "Internal Server Error");
}

#[test]
fn unknown_status_without_a_body_still_has_a_message() {
    assert_eq!(ErrorBody::parse(0, b"").message, "HTTP status 0");
    assert_eq!(ErrorBody::parse(799, b"").message, "HTTP status 799");
}

#[test]
fn json_string_body_is_read_as_text() {
    let body = ErrorBody::parse(400, br#""NOT_FOUND: no such token""#);
    assert_eq!(body.error_code, Some(ErrorCode::NotFound));
    assert_eq!(body.message, "no such token");
}

#[test]
fn unrecognised_json_is_shown_as_text() {
    let body = ErrorBody::parse(500, b"[1, 2, 3]");
    assert_eq!(body.message, "[1, 2, 3]");
    let body = ErrorBody::parse(500, br#"{"unexpected": true}"#);
    assert_eq!(body.message, r#"{"unexpected": true}"#);
}

#[test]
fn invalid_utf8_is_replaced_not_refused() {
    let body = ErrorBody::parse(500, b"bad \xff\xfe bytes");
    assert_eq!(body.message, "bad \u{fffd}\u{fffd} bytes");
}

#[test]
fn byte_order_mark_before_json_is_ignored() {
    let body = ErrorBody::parse(
        404,
        b"\xEF\xBB\xBF{\"error_code\": \"NOT_FOUND\", \"message\": \"m\"}",
    );
    assert_eq!(body.error_code, Some(ErrorCode::NotFound));
}

#[test]
fn huge_body_gives_a_bounded_message_cut_on_a_character_boundary() {
    let huge = "é".repeat(1_000_000);
    let body = ErrorBody::parse(500, huge.as_bytes());
    assert!(
        body.message.chars().count() <= 1025,
        "{}",
        body.message.len()
    );
    assert!(body.message.ends_with('…'));

    let json = format!(r#"{{"error_code": "X", "message": "{huge}"}}"#);
    let body = ErrorBody::parse(500, json.as_bytes());
    assert!(body.message.chars().count() <= 1025);
}

#[test]
fn display_shows_code_then_message() {
    let body = ErrorBody::parse(404, br#"{"error_code": "NOT_FOUND", "message": "gone"}"#);
    assert_eq!(body.to_string(), "NOT_FOUND: gone");
    assert_eq!(ErrorBody::parse(404, b"").to_string(), "Not Found");
}

#[test]
fn builder_and_accessors_agree_with_parse() {
    let body = ErrorBody::new(ErrorCode::NotFound, "gone").with_detail(ErrorDetail::RequestInfo {
        request_id: "r".to_owned(),
        serving_data: String::new(),
    });
    assert_eq!(body.request_id(), Some("r"));
    assert_eq!(body.retry_delay(), None);
}
