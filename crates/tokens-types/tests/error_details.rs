//! `details` entries: each `@type` read into its typed `ErrorDetail` and written back.

use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::time::Duration;
use tokens_types::{
    BadRequestViolation, ErrorBody, ErrorCode, ErrorDetail, HelpLink, PreconditionViolation,
    QuotaViolation,
};

fn rpc(name: &str) -> String {
    format!("type.googleapis.com/google.rpc.{name}")
}

fn read(value: &Value) -> ErrorDetail {
    ErrorDetail::from_json(value.clone())
}

fn retry_delay_of(delay: &Value) -> Option<Duration> {
    retry_delay_under("retry_delay", delay)
}

/// The delay of a RetryInfo whose delay is `delay` under the field name `field`.
fn retry_delay_under(field: &str, delay: &Value) -> Option<Duration> {
    match read(&json!({"@type": rpc("RetryInfo"), field: delay})) {
        ErrorDetail::RetryInfo { retry_delay } => retry_delay,
        other => panic!("not a RetryInfo: {other:?}"),
    }
}

#[test]
fn error_info_reads_reason_domain_and_metadata() {
    let detail = read(&json!({
        "@type": rpc("ErrorInfo"), "reason": "QUOTA", "domain": "databricks.com",
        "metadata": {"limit": "600", "user": "u"}
    }));
    let metadata = BTreeMap::from([
        ("limit".to_owned(), "600".to_owned()),
        ("user".to_owned(), "u".to_owned()),
    ]);
    assert_eq!(
        detail,
        ErrorDetail::ErrorInfo {
            reason: "QUOTA".to_owned(),
            domain: "databricks.com".to_owned(),
            metadata
        }
    );
}

#[test]
fn request_info_reads_the_request_id() {
    let detail = read(&json!({"@type": rpc("RequestInfo"), "request_id": "r-1",
        "serving_data": "s"}));
    assert_eq!(
        detail,
        ErrorDetail::RequestInfo {
            request_id: "r-1".to_owned(),
            serving_data: "s".to_owned()
        }
    );
}

#[test]
fn camel_case_field_names_are_read_too() {
    let detail = read(&json!({"@type": rpc("RequestInfo"), "requestId": "r-2"}));
    assert!(matches!(detail, ErrorDetail::RequestInfo { request_id, .. } if request_id == "r-2"));
    assert_eq!(
        retry_delay_under("retryDelay", &json!("2s")),
        Some(Duration::from_secs(2))
    );
}

#[test]
fn retry_delay_reads_the_duration_strings() {
    assert_eq!(
        retry_delay_of(&json!("1.5s")),
        Some(Duration::from_millis(1500))
    );
    assert_eq!(retry_delay_of(&json!("3s")), Some(Duration::from_secs(3)));
    assert_eq!(
        retry_delay_of(&json!("0.250s")),
        Some(Duration::from_millis(250))
    );
}

#[test]
fn retry_delay_reads_the_seconds_and_nanos_object() {
    assert_eq!(
        retry_delay_of(&json!({"seconds": 1, "nanos": 500_000_000})),
        Some(Duration::from_millis(1500))
    );
    assert_eq!(
        retry_delay_of(&json!({"seconds": "4"})),
        Some(Duration::from_secs(4))
    );
    assert_eq!(
        retry_delay_of(&json!({"nanos": 250_000_000})),
        Some(Duration::from_millis(250))
    );
}

#[test]
fn retry_delay_that_is_negative_absurd_or_malformed_reads_as_none() {
    for bad in [
        json!("-1s"),
        json!("1.5"),
        json!("soon"),
        json!(""),
        json!("1e9999s"),
        json!("18446744073709551616s"),
        json!({"seconds": -3}),
        json!({"seconds": 1, "nanos": -5}),
        json!({"seconds": 1e300}),
        json!({"seconds": i64::MAX}),
        json!([1]),
        json!(null),
    ] {
        assert_eq!(retry_delay_of(&bad), None, "{bad}");
    }
}

#[test]
fn retry_info_without_a_delay_has_none() {
    let detail = read(&json!({"@type": rpc("RetryInfo")}));
    assert_eq!(detail, ErrorDetail::RetryInfo { retry_delay: None });
}

#[test]
fn violations_and_links_are_read_into_their_types() {
    let quota = read(&json!({"@type": rpc("QuotaFailure"),
        "violations": [{"subject": "user:1", "description": "600 tokens"}]}));
    assert_eq!(
        quota,
        ErrorDetail::QuotaFailure {
            violations: vec![QuotaViolation::new("user:1", "600 tokens")]
        }
    );

    let precondition = read(&json!({"@type": rpc("PreconditionFailure"),
        "violations": [{"type": "TOS", "subject": "s", "description": "d"}]}));
    assert_eq!(
        precondition,
        ErrorDetail::PreconditionFailure {
            violations: vec![PreconditionViolation::new("TOS", "s", "d")]
        }
    );

    let bad_request = read(&json!({"@type": rpc("BadRequest"),
        "field_violations": [{"field": "lifetime_seconds", "description": "must be > 0"}]}));
    assert_eq!(
        bad_request,
        ErrorDetail::BadRequest {
            field_violations: vec![BadRequestViolation::new("lifetime_seconds", "must be > 0")]
        }
    );

    let help = read(&json!({"@type": rpc("Help"),
        "links": [{"description": "docs", "url": "https://docs.example/tokens"}]}));
    assert_eq!(
        help,
        ErrorDetail::Help {
            links: vec![HelpLink::new("docs", "https://docs.example/tokens")]
        }
    );
}

#[test]
fn debug_and_resource_info_are_read() {
    let debug = read(
        &json!({"@type": rpc("DebugInfo"), "stack_entries": ["a", "b"],
        "detail": "boom"}),
    );
    assert_eq!(
        debug,
        ErrorDetail::DebugInfo {
            stack_entries: vec!["a".to_owned(), "b".to_owned()],
            detail: "boom".to_owned()
        }
    );
    let resource = read(
        &json!({"@type": rpc("ResourceInfo"), "resource_type": "token",
        "resource_name": "ab12", "owner": "me", "description": "d"}),
    );
    assert!(
        matches!(resource, ErrorDetail::ResourceInfo { resource_name, .. } if resource_name == "ab12")
    );
}

#[test]
fn missing_fields_read_as_empty() {
    let detail = read(&json!({"@type": rpc("ErrorInfo")}));
    assert_eq!(
        detail,
        ErrorDetail::ErrorInfo {
            reason: String::new(),
            domain: String::new(),
            metadata: BTreeMap::new()
        }
    );
}

#[test]
fn unknown_type_is_kept_whole() {
    for value in [
        json!({"@type": rpc("LocalizedMessage"), "locale": "en", "message": "m"}),
        json!({"@type": "type.googleapis.com/acme.ErrorInfo", "reason": "r"}),
        json!({"no_type": true}),
        json!({"@type": 5}),
        json!("just a string"),
        json!(42),
    ] {
        assert_eq!(read(&value), ErrorDetail::Unknown(value.clone()));
    }
}

#[test]
fn known_type_with_fields_of_the_wrong_type_is_kept_whole() {
    for value in [
        json!({"@type": rpc("ErrorInfo"), "reason": 5}),
        json!({"@type": rpc("ErrorInfo"), "metadata": {"limit": 600}}),
        json!({"@type": rpc("QuotaFailure"), "violations": "many"}),
        json!({"@type": rpc("QuotaFailure"), "violations": [1]}),
        json!({"@type": rpc("DebugInfo"), "stack_entries": [1, 2]}),
        json!({"@type": rpc("Help"), "links": [{"url": false}]}),
    ] {
        assert_eq!(read(&value), ErrorDetail::Unknown(value.clone()));
    }
}

#[test]
fn details_that_are_not_a_list_are_ignored() {
    let body = ErrorBody::parse(
        400,
        br#"{"error_code": "X", "message": "m", "details": {}}"#,
    );
    assert!(body.details.is_empty());
}

#[test]
fn error_body_serializes_as_the_service_does() {
    let body = ErrorBody::new(ErrorCode::QuotaExceeded, "Too many tokens.")
        .with_detail(ErrorDetail::RetryInfo {
            retry_delay: Some(Duration::from_millis(1500)),
        })
        .with_detail(ErrorDetail::RequestInfo {
            request_id: "r-1".to_owned(),
            serving_data: String::new(),
        });
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        json!({
            "error_code": "QUOTA_EXCEEDED",
            "message": "Too many tokens.",
            "details": [
                {"@type": rpc("RetryInfo"), "retry_delay": "1.500s"},
                {"@type": rpc("RequestInfo"), "request_id": "r-1"}
            ]
        })
    );
}

#[test]
fn error_body_without_details_or_code_leaves_them_out() {
    let mut body = ErrorBody::parse(500, b"");
    assert_eq!(
        serde_json::to_string(&body).unwrap(),
        r#"{"message":"Internal Server Error"}"#
    );
    body.error_code = Some(ErrorCode::Other("403".to_owned()));
    assert_eq!(
        serde_json::to_string(&body).unwrap(),
        r#"{"error_code":"403","message":"Internal Server Error"}"#
    );
}

#[test]
fn every_known_detail_is_written_with_its_type_and_read_back_equal() {
    let details = vec![
        ErrorDetail::ErrorInfo {
            reason: "R".to_owned(),
            domain: "d".to_owned(),
            metadata: BTreeMap::from([("k".to_owned(), "v".to_owned())]),
        },
        ErrorDetail::RequestInfo {
            request_id: "r".to_owned(),
            serving_data: "s".to_owned(),
        },
        ErrorDetail::RetryInfo {
            retry_delay: Some(Duration::new(3, 1)),
        },
        ErrorDetail::RetryInfo { retry_delay: None },
        ErrorDetail::DebugInfo {
            stack_entries: vec!["f".to_owned()],
            detail: "x".to_owned(),
        },
        ErrorDetail::QuotaFailure {
            violations: vec![QuotaViolation::new("s", "d")],
        },
        ErrorDetail::PreconditionFailure {
            violations: vec![PreconditionViolation::new("k", "s", "d")],
        },
        ErrorDetail::BadRequest {
            field_violations: vec![BadRequestViolation::new("f", "d")],
        },
        ErrorDetail::ResourceInfo {
            resource_type: "t".to_owned(),
            resource_name: "n".to_owned(),
            owner: "o".to_owned(),
            description: "d".to_owned(),
        },
        ErrorDetail::Help {
            links: vec![HelpLink::new("d", "u")],
        },
        ErrorDetail::Unknown(json!({"@type": "x/y.Z", "a": [1]})),
    ];
    for detail in details {
        let value = serde_json::to_value(&detail).unwrap();
        if !matches!(detail, ErrorDetail::Unknown(_)) {
            let type_url = value["@type"].as_str().unwrap();
            assert!(
                type_url.starts_with("type.googleapis.com/google.rpc."),
                "{type_url}"
            );
        }
        assert_eq!(ErrorDetail::from_json(value), detail);
    }
}
