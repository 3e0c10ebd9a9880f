//! Every error body shape of spec §2 classified: code first, status second.

use http::{HeaderMap, HeaderValue, StatusCode};
use std::time::Duration;
use tokens_core::types::{ErrorCode, Timestamp};
use tokens_core::{Error, ErrorKind, Operation};

/// Wed, 21 Oct 2015 07:27:50 GMT.
const NOW: Timestamp = Timestamp::from_millis(1_445_412_470_000);

fn reply(status: u16, body: &str) -> Error {
    reply_with(status, &[], body)
}

fn reply_with(status: u16, headers: &[(&'static str, &str)], body: &str) -> Error {
    let mut map = HeaderMap::new();
    for (name, value) in headers {
        map.append(*name, HeaderValue::from_str(value).unwrap());
    }
    Error::from_response(
        Some(Operation::LIST),
        StatusCode::from_u16(status).unwrap(),
        &map,
        body.as_bytes(),
        NOW,
    )
}

#[test]
fn json_body_with_code_message_and_details() {
    let err = reply(
        404,
        r#"{"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "Token does not exist.",
            "details": [{"@type": "type.googleapis.com/google.rpc.RequestInfo",
                         "request_id": "abc-123", "serving_data": ""}]}"#,
    );
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.error_code(), Some(&ErrorCode::ResourceDoesNotExist));
    assert_eq!(err.message(), "Token does not exist.");
    assert_eq!(err.request_id(), Some("abc-123"));
    assert_eq!(err.body().unwrap().details.len(), 1);
}

#[test]
fn integer_error_code_is_kept_as_text_and_status_decides() {
    let err = reply(
        403,
        r#"{"error_code": 403, "message": "Invalid access token."}"#,
    );
    assert_eq!(err.kind(), ErrorKind::PermissionDenied);
    assert_eq!(err.error_code().map(ErrorCode::as_str), Some("403"));
    assert_eq!(err.message(), "Invalid access token.");

    let err = reply(
        401,
        r#"{"error_code": 401, "message": "Credential was not sent or was of an unsupported type for this API."}"#,
    );
    assert_eq!(err.kind(), ErrorKind::Unauthenticated);
    assert!(err.is_auth());
}

#[test]
fn error_field_body_gives_the_message() {
    let err = reply(400, r#"{"error": "Bad things happened"}"#);
    assert_eq!(err.kind(), ErrorKind::BadRequest);
    assert_eq!(err.message(), "Bad things happened");
}

#[test]
fn scim_body_gives_code_and_message() {
    let err = reply(
        404,
        r#"{"detail": "User not found", "status": "404", "scimType": "invalidValue"}"#,
    );
    assert_eq!(err.error_code().map(ErrorCode::as_str), Some("SCIM_404"));
    assert_eq!(err.message(), "invalidValue User not found");
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[test]
fn text_body_gives_code_and_message() {
    let err = reply(400, "INVALID_PARAMETER_VALUE: lifetime must be positive");
    assert_eq!(err.kind(), ErrorKind::InvalidParameterValue);
    assert_eq!(err.message(), "lifetime must be positive");
}

#[test]
fn html_body_gives_the_pre_text_or_the_title() {
    let err = reply(
        502,
        "<html><head><title>502 Bad Gateway</title></head><body><pre>upstream died</pre></body></html>",
    );
    assert_eq!(err.message(), "upstream died");
    assert_eq!(err.error_code().map(ErrorCode::as_str), Some("BAD_GATEWAY"));
    assert_eq!(err.kind(), ErrorKind::Api);
    assert!(err.is_retryable());

    let err = reply(
        503,
        "<html><head><title>Service Unavailable</title></head><body></body></html>",
    );
    assert_eq!(err.message(), "Service Unavailable");
    assert_eq!(err.kind(), ErrorKind::Unavailable);
}

#[test]
fn empty_body_gives_the_reason_phrase() {
    let err = reply(503, "");
    assert_eq!(err.kind(), ErrorKind::Unavailable);
    assert_eq!(err.message(), "Service Unavailable");
}

#[test]
fn the_code_decides_before_the_status() {
    let cases = [
        (400, "QUOTA_EXCEEDED", ErrorKind::QuotaExceeded),
        (400, "INVALID_STATE", ErrorKind::InvalidState),
        (404, "NOT_FOUND", ErrorKind::NotFound),
        (409, "ALREADY_EXISTS", ErrorKind::AlreadyExists),
        (409, "RESOURCE_ALREADY_EXISTS", ErrorKind::AlreadyExists),
        (409, "ABORTED", ErrorKind::Aborted),
        (400, "RESOURCE_EXHAUSTED", ErrorKind::ResourceExhausted),
        (400, "REQUEST_LIMIT_EXCEEDED", ErrorKind::TooManyRequests),
        (400, "PERMISSION_DENIED", ErrorKind::PermissionDenied),
        (400, "UNAUTHENTICATED", ErrorKind::Unauthenticated),
        (500, "UNKNOWN", ErrorKind::Unknown),
        (500, "DATA_LOSS", ErrorKind::DataLoss),
        (
            500,
            "INVALID_PARAMETER_VALUE",
            ErrorKind::InvalidParameterValue,
        ),
    ];
    for (status, code, kind) in cases {
        let err = reply(
            status,
            &format!(r#"{{"error_code": "{code}", "message": "m"}}"#),
        );
        assert_eq!(err.kind(), kind, "{status} {code}");
    }
}

#[test]
fn a_code_without_a_kind_of_its_own_falls_back_to_the_status() {
    let err = reply(
        400,
        r#"{"error_code": "MALFORMED_REQUEST", "message": "m"}"#,
    );
    assert_eq!(err.kind(), ErrorKind::BadRequest);
    let err = reply(
        503,
        r#"{"error_code": "TEMPORARILY_UNAVAILABLE", "message": "m"}"#,
    );
    assert_eq!(err.kind(), ErrorKind::Unavailable);
}

#[test]
fn every_listed_status_has_its_kind() {
    let cases = [
        (400, ErrorKind::BadRequest),
        (401, ErrorKind::Unauthenticated),
        (403, ErrorKind::PermissionDenied),
        (404, ErrorKind::NotFound),
        (409, ErrorKind::Conflict),
        (429, ErrorKind::TooManyRequests),
        (499, ErrorKind::Cancelled),
        (500, ErrorKind::Internal),
        (501, ErrorKind::NotImplemented),
        (503, ErrorKind::Unavailable),
        (504, ErrorKind::GatewayTimeout),
        (418, ErrorKind::Api),
        (502, ErrorKind::Api),
    ];
    for (status, kind) in cases {
        assert_eq!(reply(status, "").kind(), kind, "{status}");
    }
}

#[test]
fn quota_error_of_a_create_is_clear() {
    let err = reply(
        400,
        r#"{"error_code": "QUOTA_EXCEEDED", "message": "Token quota of 600 exceeded."}"#,
    );
    assert!(err.is_quota_exceeded());
    assert!(!err.is_retryable());
    assert_eq!(
        err.to_string(),
        "list: 400 QUOTA_EXCEEDED: Token quota of 600 exceeded."
    );
}

#[test]
fn retry_after_in_seconds() {
    let err = reply_with(429, &[("retry-after", "7")], "");
    assert_eq!(err.retry_after(), Some(Duration::from_secs(7)));
    assert!(err.is_rate_limited());
}

#[test]
fn retry_after_as_an_http_date() {
    let err = reply_with(503, &[("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT")], "");
    assert_eq!(err.retry_after(), Some(Duration::from_secs(10)));
}

#[test]
fn retry_after_from_retry_info() {
    let err = reply(
        429,
        r#"{"error_code": "REQUEST_LIMIT_EXCEEDED", "message": "slow down",
            "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retry_delay": "1.5s"}]}"#,
    );
    assert_eq!(err.retry_after(), Some(Duration::from_millis(1500)));
}

#[test]
fn the_header_wins_over_retry_info() {
    let err = reply_with(
        429,
        &[("retry-after", "3")],
        r#"{"error_code": "REQUEST_LIMIT_EXCEEDED", "message": "slow down",
            "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retry_delay": "9s"}]}"#,
    );
    assert_eq!(err.retry_after(), Some(Duration::from_secs(3)));
}

#[test]
fn an_unreadable_retry_after_is_ignored() {
    let err = reply_with(429, &[("retry-after", "soon")], "");
    assert_eq!(err.retry_after(), None);
}

#[test]
fn request_id_comes_from_request_info_before_the_header() {
    let body = r#"{"error_code": "INTERNAL_ERROR", "message": "m",
        "details": [{"@type": "type.googleapis.com/google.rpc.RequestInfo", "request_id": "from-body"}]}"#;
    assert_eq!(
        reply_with(500, &[("x-request-id", "from-header")], body).request_id(),
        Some("from-body")
    );
    assert_eq!(
        reply_with(500, &[("x-request-id", "from-header")], "").request_id(),
        Some("from-header")
    );
    assert_eq!(reply(500, "").request_id(), None);
}
