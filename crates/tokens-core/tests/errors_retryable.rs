//! Which failures may be retried, for idempotent calls and for a create (spec §3).

use http::{HeaderMap, StatusCode};
use tokens_core::types::Timestamp;
use tokens_core::{
    BoxError, Error, ErrorKind, Operation, SendState, TransportError, TransportErrorKind,
};

fn status_error(status: u16, body: &str) -> Error {
    Error::from_response(
        Some(Operation::CREATE),
        StatusCode::from_u16(status).unwrap(),
        &HeaderMap::new(),
        body.as_bytes(),
        Timestamp::UNIX_EPOCH,
    )
}

#[test]
fn statuses_retried_for_idempotent_calls_and_for_create() {
    // (status, idempotent call retried, create retried, create outcome unknown)
    let table = [
        (400, false, false, false),
        (401, false, false, false),
        (403, false, false, false),
        (404, false, false, false),
        (409, false, false, false),
        (429, true, true, false),
        (500, true, false, true),
        (501, false, false, false),
        (502, true, false, true),
        (503, true, true, false),
        (504, true, false, true),
    ];
    for (status, idempotent, create, unknown) in table {
        let err = status_error(status, "");
        assert_eq!(err.is_retryable(), idempotent, "{status} idempotent");
        assert_eq!(
            err.is_retryable_for(Operation::LIST),
            idempotent,
            "{status} list"
        );
        assert_eq!(
            err.is_retryable_for(Operation::CREATE),
            create,
            "{status} create"
        );
        assert_eq!(err.server_may_have_acted(), unknown, "{status} acted");
    }
}

#[test]
fn rate_codes_are_retried_at_any_status() {
    for code in ["REQUEST_LIMIT_EXCEEDED", "RESOURCE_EXHAUSTED"] {
        let err = status_error(
            400,
            &format!(r#"{{"error_code": "{code}", "message": "m"}}"#),
        );
        assert!(err.is_retryable(), "{code}");
        assert!(err.is_retryable_for(Operation::CREATE), "{code}");
    }
}

#[test]
fn transient_messages_are_retried_even_for_create() {
    for message in [
        "Unexpected error",
        "RPC token bucket limit has been exceeded",
        "Please try again later or try a faster operation.",
    ] {
        let err = status_error(
            400,
            &format!(r#"{{"error_code": "INVALID_STATE", "message": "{message}"}}"#),
        );
        assert!(err.is_retryable(), "{message}");
        assert!(err.is_retryable_for(Operation::CREATE), "{message}");
        assert!(!err.server_may_have_acted(), "{message}");
    }
}

#[test]
fn transport_failures_by_send_state() {
    let cases = [
        (TransportErrorKind::Connect, SendState::NotSent, true, true),
        (TransportErrorKind::Dns, SendState::NotSent, true, true),
        (TransportErrorKind::Io, SendState::NotSent, true, true),
        (TransportErrorKind::Io, SendState::MaybeSent, true, false),
        (TransportErrorKind::Tls, SendState::NotSent, false, false),
        (
            TransportErrorKind::InvalidRequest,
            SendState::NotSent,
            false,
            false,
        ),
        (
            TransportErrorKind::BodyTooLarge,
            SendState::MaybeSent,
            false,
            false,
        ),
    ];
    for (kind, state, idempotent, create) in cases {
        let err = Error::from(TransportError::new(kind, state));
        assert_eq!(err.kind(), ErrorKind::Transport);
        assert_eq!(err.is_retryable(), idempotent, "{kind:?} {state:?}");
        assert_eq!(
            err.is_retryable_for(Operation::CREATE),
            create,
            "{kind:?} {state:?}"
        );
        assert_eq!(err.server_may_have_acted(), state == SendState::MaybeSent);
    }
}

#[test]
fn a_per_attempt_timeout_is_retried_only_when_idempotent() {
    let err = Error::from(TransportError::timeout(std::time::Duration::from_secs(60)));
    assert_eq!(err.kind(), ErrorKind::Timeout);
    assert!(err.is_timeout());
    assert!(err.is_retryable());
    assert!(!err.is_retryable_for(Operation::CREATE));
    assert!(err.server_may_have_acted());
}

#[test]
fn client_side_errors_are_not_retried() {
    let errors = [
        Error::deadline_exceeded(std::time::Duration::from_secs(300)),
        Error::invalid_request("bad"),
        Error::config("bad"),
        Error::auth("bad"),
        Error::decode("bad"),
    ];
    for err in errors {
        assert!(!err.is_retryable(), "{err}");
        assert!(!err.server_may_have_acted(), "{err}");
    }
}

#[test]
fn a_boxed_error_or_transport_error_is_unboxed() {
    let boxed: BoxError = Box::new(Error::auth("refresh failed").with_operation(Operation::LIST));
    let err = Error::from(boxed);
    assert_eq!(err.kind(), ErrorKind::Auth);
    assert_eq!(err.operation(), Some(Operation::LIST));

    let boxed: BoxError = Box::new(TransportError::new(
        TransportErrorKind::Connect,
        SendState::NotSent,
    ));
    let err = Error::from(boxed);
    assert_eq!(err.kind(), ErrorKind::Transport);
    assert_eq!(err.transport().unwrap().kind(), TransportErrorKind::Connect);

    let boxed: BoxError = "a layer of the user's".into();
    let err = Error::from(boxed);
    assert_eq!(err.kind(), ErrorKind::Other);
    assert!(std::error::Error::source(&err).is_some());
}

#[test]
fn the_error_type_is_send_sync_and_static() {
    fn assert_bounds<T: Send + Sync + 'static + std::error::Error>() {}
    assert_bounds::<Error>();
}
