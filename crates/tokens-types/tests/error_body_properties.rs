//! Property tests of `ErrorBody::parse`: it never panics, always yields a readable bounded
//! message, and reads back exactly what `ErrorBody`'s serialization writes.

use proptest::prelude::*;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::time::Duration;
use tokens_types::{
    BadRequestViolation, ErrorBody, ErrorCode, ErrorDetail, HelpLink, PreconditionViolation,
    QuotaViolation,
};

/// Longest message `parse` returns, in characters: the limit plus the `…` that marks a cut.
const MAX_MESSAGE_CHARS: usize = 1025;

fn assert_readable(body: &ErrorBody) -> Result<(), TestCaseError> {
    prop_assert!(!body.message.trim().is_empty(), "empty message: {body:?}");
    prop_assert!(body.message.chars().count() <= MAX_MESSAGE_CHARS);
    Ok(())
}

/// Any JSON value, a few levels deep.
fn json_value() -> BoxedStrategy<Value> {
    json_tree(true)
}

/// Any JSON value without fractional numbers, which serde_json reads back bit for bit.
fn exact_json_value() -> BoxedStrategy<Value> {
    json_tree(false)
}

fn json_tree(fractions: bool) -> BoxedStrategy<Value> {
    let integers = prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
    ];
    let numbers = if fractions {
        prop_oneof![integers, any::<f64>().prop_map(Value::from)].boxed()
    } else {
        integers.boxed()
    };
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        numbers,
        ".{0,12}".prop_map(Value::String),
        "[0-9.s-]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key(), inner, 0..6)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
    .boxed()
}

/// Object keys, often ones the parser looks for.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "error_code",
            "message",
            "error",
            "error_description",
            "details",
            "detail",
            "status",
            "scimType",
            "schemas",
            "@type",
            "retry_delay",
            "retryDelay",
            "seconds",
            "nanos",
            "reason",
            "metadata",
            "violations",
            "field_violations",
            "links",
            "stack_entries",
        ])
        .prop_map(str::to_owned),
        "[a-z_@]{1,8}",
    ]
}

/// A `details` entry that is sometimes of a known type with arbitrary fields.
fn detail_like() -> impl Strategy<Value = Value> {
    let type_name = prop::sample::select(vec![
        "ErrorInfo",
        "RequestInfo",
        "RetryInfo",
        "DebugInfo",
        "QuotaFailure",
        "PreconditionFailure",
        "BadRequest",
        "ResourceInfo",
        "Help",
        "Nope",
    ]);
    (
        type_name,
        prop::collection::btree_map(key(), json_value(), 0..5),
    )
        .prop_map(|(name, fields)| {
            let mut object: Map<String, Value> = fields.into_iter().collect();
            object.insert(
                "@type".to_owned(),
                json!(format!("type.googleapis.com/google.rpc.{name}")),
            );
            Value::Object(object)
        })
}

/// Text that is often HTML-, SCIM- or code-prefixed, to reach every branch of the parser.
fn body_like_text() -> impl Strategy<Value = String> {
    let fragment = prop_oneof![
        Just("<html>".to_owned()),
        Just("<pre>".to_owned()),
        Just("</pre>".to_owned()),
        Just("<title ".to_owned()),
        Just("</TITLE>".to_owned()),
        Just("<h1>".to_owned()),
        Just(">".to_owned()),
        Just("&#x".to_owned()),
        Just("&amp;".to_owned()),
        Just("&#1114112;".to_owned()),
        Just("NOT_FOUND:".to_owned()),
        Just(": ".to_owned()),
        Just("dapi0123456789abcdef0123".to_owned()),
        Just("\u{feff}".to_owned()),
        ".{0,6}",
    ];
    prop::collection::vec(fragment, 0..12).prop_map(|parts| parts.concat())
}

/// A message that `parse` keeps exactly: readable, short, with nothing credential-shaped.
fn keepable_message() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9][a-zA-Z0-9 .,:;'!?()é-]{0,80}".prop_filter("no credential-shaped text", |m| {
        !m.contains("dapi") && !m.contains("eyJ") && !m.to_ascii_lowercase().contains("bearer")
    })
}

fn error_code() -> impl Strategy<Value = ErrorCode> {
    prop_oneof![
        "[A-Z][A-Z_]{0,24}".prop_map(|code| ErrorCode::from_wire(&code)),
        (100_u16..600).prop_map(|status| ErrorCode::from_wire(&status.to_string())),
    ]
}

fn text() -> impl Strategy<Value = String> {
    ".{0,16}"
}

fn delay() -> impl Strategy<Value = Option<Duration>> {
    prop::option::of(
        (0_u64..=315_576_000_000, 0_u32..1_000_000_000).prop_map(|(s, n)| Duration::new(s, n)),
    )
}

/// Any detail that the serialization writes and the parser reads back as the same value.
fn detail() -> impl Strategy<Value = ErrorDetail> {
    prop_oneof![
        (
            text(),
            text(),
            prop::collection::btree_map(text(), text(), 0..3)
        )
            .prop_map(|(reason, domain, metadata)| ErrorDetail::ErrorInfo {
                reason,
                domain,
                metadata
            }),
        (text(), text()).prop_map(|(request_id, serving_data)| ErrorDetail::RequestInfo {
            request_id,
            serving_data
        }),
        delay().prop_map(|retry_delay| ErrorDetail::RetryInfo { retry_delay }),
        (prop::collection::vec(text(), 0..3), text()).prop_map(|(stack_entries, detail)| {
            ErrorDetail::DebugInfo {
                stack_entries,
                detail,
            }
        }),
        prop::collection::vec((text(), text()), 0..3).prop_map(|v| ErrorDetail::QuotaFailure {
            violations: v
                .into_iter()
                .map(|(s, d)| QuotaViolation::new(s, d))
                .collect()
        }),
        prop::collection::vec((text(), text(), text()), 0..3).prop_map(|v| {
            ErrorDetail::PreconditionFailure {
                violations: v
                    .into_iter()
                    .map(|(k, s, d)| PreconditionViolation::new(k, s, d))
                    .collect(),
            }
        }),
        prop::collection::vec((text(), text()), 0..3).prop_map(|v| ErrorDetail::BadRequest {
            field_violations: v
                .into_iter()
                .map(|(f, d)| BadRequestViolation::new(f, d))
                .collect()
        }),
        (text(), text(), text(), text()).prop_map(|(t, n, o, d)| ErrorDetail::ResourceInfo {
            resource_type: t,
            resource_name: n,
            owner: o,
            description: d
        }),
        prop::collection::vec((text(), text()), 0..3).prop_map(|v| ErrorDetail::Help {
            links: v.into_iter().map(|(d, u)| HelpLink::new(d, u)).collect()
        }),
        (text(), exact_json_value()).prop_map(|(name, value)| {
            ErrorDetail::Unknown(json!({"@type": format!("example.com/acme.{name}"), "v": value}))
        }),
    ]
}

fn error_body() -> impl Strategy<Value = ErrorBody> {
    (
        prop::option::of(error_code()),
        keepable_message(),
        prop::collection::vec(detail(), 0..4),
    )
        .prop_map(|(code, message, details)| {
            let mut body = ErrorBody::new(ErrorCode::Unknown, message);
            body.error_code = code;
            body.details = details;
            body
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parse_never_panics_on_arbitrary_bytes(status in any::<u16>(), body in prop::collection::vec(any::<u8>(), 0..512)) {
        assert_readable(&ErrorBody::parse(status, &body))?;
    }

    #[test]
    fn parse_never_panics_on_body_like_text(status in any::<u16>(), body in body_like_text()) {
        let parsed = ErrorBody::parse(status, body.as_bytes());
        assert_readable(&parsed)?;
        prop_assert!(!parsed.message.contains("dapi0123456789abcdef0123"));
    }

    #[test]
    fn parse_never_panics_on_arbitrary_json(status in any::<u16>(), value in json_value()) {
        let body = serde_json::to_vec(&value).unwrap();
        assert_readable(&ErrorBody::parse(status, &body))?;
    }

    #[test]
    fn parse_never_panics_on_error_objects_with_arbitrary_fields(
        status in any::<u16>(),
        fields in prop::collection::btree_map(key(), json_value(), 0..6),
        details in prop::collection::vec(prop_oneof![detail_like(), json_value()], 0..4),
    ) {
        let mut object: Map<String, Value> = fields.into_iter().collect();
        object.insert("details".to_owned(), Value::Array(details));
        let body = serde_json::to_vec(&Value::Object(object)).unwrap();
        let parsed = ErrorBody::parse(status, &body);
        assert_readable(&parsed)?;
        let _ = parsed.retry_delay();
        let _ = parsed.request_id();
        prop_assert!(serde_json::to_vec(&parsed).is_ok());
    }

    #[test]
    fn serialized_body_parses_back_equal(status in 400_u16..600, body in error_body()) {
        let wire = serde_json::to_vec(&body).unwrap();
        prop_assert_eq!(ErrorBody::parse(status, &wire), body);
    }
}

#[test]
fn metadata_keys_round_trip_in_order() {
    let body = ErrorBody::new(ErrorCode::NotFound, "m").with_detail(ErrorDetail::ErrorInfo {
        reason: String::new(),
        domain: String::new(),
        metadata: BTreeMap::from([
            ("b".to_owned(), "2".to_owned()),
            ("a".to_owned(), "1".to_owned()),
        ]),
    });
    let wire = serde_json::to_vec(&body).unwrap();
    assert_eq!(ErrorBody::parse(404, &wire), body);
}
