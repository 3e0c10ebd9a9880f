//! No `Display` or `Debug` of an error holds a header value or a credential.

use http::{HeaderMap, HeaderValue, StatusCode};
use tokens_core::types::Timestamp;
use tokens_core::{Error, Operation, SendState, TransportError, TransportErrorKind};

const SECRET: &str = "dapi0123456789abcdef0123456789abcdef";

fn assert_clean(err: &Error) {
    let display = err.to_string();
    let debug = format!("{err:?}");
    let alternate = format!("{err:#?}");
    for text in [display, debug, alternate] {
        assert!(!text.contains(SECRET), "{text}");
        assert!(!text.contains("0123456789abcdef0123"), "{text}");
    }
}

#[test]
fn an_error_reply_does_not_carry_the_reply_headers() {
    let mut headers = HeaderMap::new();
    headers.insert(
        "authorization",
        HeaderValue::from_str(&format!("Bearer {SECRET}")).unwrap(),
    );
    headers.insert(
        "set-cookie",
        HeaderValue::from_str(&format!("s={SECRET}")).unwrap(),
    );
    let err = Error::from_response(
        Some(Operation::CREATE),
        StatusCode::FORBIDDEN,
        &headers,
        br#"{"error_code": 403, "message": "Invalid access token."}"#,
        Timestamp::UNIX_EPOCH,
    )
    .with_outcome_unknown(true);
    assert_clean(&err);
}

#[test]
fn client_side_errors_are_clean() {
    let transport = TransportError::new(TransportErrorKind::Connect, SendState::NotSent)
        .with_message("connection refused");
    let errors = [
        Error::from(transport),
        Error::auth("token endpoint refused the client credentials"),
        Error::config("DATABRICKS_TOKEN is empty"),
        Error::deadline_exceeded(std::time::Duration::from_secs(300)),
    ];
    for err in &errors {
        assert_clean(err);
    }
}
