//! The one error type of API calls, which answers questions about a failure.
//!
//! ```
//! use tokens_core::{Error, ErrorKind, Operation};
//! use tokens_core::types::Timestamp;
//!
//! let err = Error::from_response(
//!     Some(Operation::DELETE),
//!     http::StatusCode::NOT_FOUND,
//!     &http::HeaderMap::new(),
//!     br#"{"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "Token does not exist."}"#,
//!     Timestamp::UNIX_EPOCH,
//! );
//! assert_eq!(err.kind(), ErrorKind::NotFound);
//! assert!(err.is_not_found());
//! assert_eq!(err.message(), "Token does not exist.");
//! assert!(!err.is_retryable());
//! ```
//!
//! See [`ErrorKind`] for a troubleshooting table of every kind.

mod classify;
mod convert;
mod kind;
mod retry_after;

pub use kind::ErrorKind;
pub use retry_after::{parse_retry_after, retry_after_header};

use crate::{BoxError, Operation, TransportError};
use http::{HeaderMap, HeaderName, StatusCode};
use std::time::Duration;
use tokens_types::{ErrorBody, ErrorCode, Timestamp};

/// The header a server or proxy uses to name a request for support.
/// A typed name, so that a lookup compares names instead of parsing a string.
const REQUEST_ID_HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// A failed API call, with what is known about why.
///
/// Opaque on purpose: ask it questions ([`Error::kind`], [`Error::status`],
/// [`Error::is_retryable`], [`Error::is_outcome_unknown`], ...). Its `Display` and `Debug`
/// never hold a header value or a credential; the message of an error reply is the server's.
///
/// ```
/// use tokens_core::{Error, ErrorKind};
///
/// let err = Error::invalid_request("update changes no field");
/// assert_eq!(err.kind(), ErrorKind::InvalidRequest);
/// assert_eq!(err.to_string(), "invalid request: update changes no field");
/// ```
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Debug)]
struct Inner {
    kind: ErrorKind,
    operation: Option<Operation>,
    status: Option<StatusCode>,
    body: Option<ErrorBody>,
    message: String,
    header_request_id: Option<String>,
    retry_after: Option<Duration>,
    outcome_unknown: bool,
    transport: Option<TransportError>,
    source: Option<BoxError>,
}

impl Error {
    fn new(kind: ErrorKind, message: String) -> Self {
        Error {
            inner: Box::new(Inner {
                kind,
                operation: None,
                status: None,
                body: None,
                message,
                header_request_id: None,
                retry_after: None,
                outcome_unknown: false,
                transport: None,
                source: None,
            }),
        }
    }

    /// The error for a non-2xx reply: its body is parsed whatever its shape, its kind
    /// decided by the error code first and the status second, and its `Retry-After` header
    /// (seconds or an HTTP date, measured against `now`) or `RetryInfo` detail kept.
    pub fn from_response(
        operation: Option<Operation>,
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
        now: Timestamp,
    ) -> Error {
        let body = ErrorBody::parse(status.as_u16(), body);
        let kind = ErrorKind::classify(body.error_code.as_ref(), status);
        let retry_after = retry_after_header(headers, now).or_else(|| body.retry_delay());
        let header_request_id = headers
            .get(&REQUEST_ID_HEADER)
            .and_then(|value| value.to_str().ok())
            .filter(|value| !value.is_empty())
            .map(str::to_owned);

        let mut err = Error::new(kind, body.message.clone());
        err.inner.operation = operation;
        err.inner.status = Some(status);
        err.inner.retry_after = retry_after;
        err.inner.header_request_id = header_request_id;
        err.inner.body = Some(body);
        err
    }

    /// The whole call, retries included, ran past its `limit`. Attach the last attempt's
    /// error with [`Error::with_source`] when there was one.
    pub fn deadline_exceeded(limit: Duration) -> Error {
        Error::new(
            ErrorKind::DeadlineExceeded,
            format!("the call did not finish within its deadline of {limit:?}"),
        )
    }

    /// The call was refused before anything was sent. `message` says what to fix.
    pub fn invalid_request(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidRequest, message.into())
    }

    /// A credential could not be obtained, or may not be sent. `message` must not hold a
    /// secret.
    pub fn auth(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Auth, message.into())
    }

    /// The configuration is invalid. `message` names where the bad value came from and must
    /// not hold a secret.
    pub fn config(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Config, message.into())
    }

    /// A 2xx reply whose body is not the expected JSON. `message` must not quote the body,
    /// which may hold a secret.
    pub fn decode(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Decode, message.into())
    }

    /// The error of a layer this crate does not know about.
    pub fn other(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Other, message.into())
    }

    /// Records which operation failed.
    #[must_use]
    pub fn with_operation(mut self, operation: Operation) -> Error {
        self.inner.operation = Some(operation);
        self
    }

    /// Records whether the server may have acted although the call failed (a create that
    /// may have minted a token).
    #[must_use]
    pub fn with_outcome_unknown(mut self, unknown: bool) -> Error {
        self.inner.outcome_unknown = unknown;
        self
    }

    /// Attaches the underlying error. Its `Display` must not hold a secret.
    #[must_use]
    pub fn with_source(mut self, source: impl Into<BoxError>) -> Error {
        self.inner.source = Some(source.into());
        self
    }

    /// What went wrong, in one word.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The HTTP status of the error reply, if there was a reply.
    pub fn status(&self) -> Option<StatusCode> {
        self.inner.status
    }

    /// The Databricks error code of the reply, if it carried one.
    pub fn error_code(&self) -> Option<&ErrorCode> {
        self.inner.body.as_ref()?.error_code.as_ref()
    }

    /// A message for a person: the server's message for an error reply, else ours.
    pub fn message(&self) -> &str {
        &self.inner.message
    }

    /// The server's id for the request, from a `RequestInfo` detail or the `x-request-id`
    /// header; quote it when asking for support.
    pub fn request_id(&self) -> Option<&str> {
        self.inner
            .body
            .as_ref()
            .and_then(ErrorBody::request_id)
            .or(self.inner.header_request_id.as_deref())
    }

    /// How long the server asked to wait before trying again (`Retry-After` or
    /// `RetryInfo.retry_delay`).
    pub fn retry_after(&self) -> Option<Duration> {
        self.inner.retry_after
    }

    /// Whether the call may have taken effect although it failed: set on a create that got
    /// 500, 502 or 504, that failed after the request may have been sent (a lost connection
    /// or a per-attempt timeout), or whose call deadline ran out while an attempt was in
    /// flight. List the tokens before creating again.
    pub fn is_outcome_unknown(&self) -> bool {
        self.inner.outcome_unknown
    }

    /// The operation that failed, when known.
    pub fn operation(&self) -> Option<Operation> {
        self.inner.operation
    }

    /// The transport failure, for [`ErrorKind::Transport`] and transport timeouts.
    pub fn transport(&self) -> Option<&TransportError> {
        self.inner.transport.as_ref()
    }

    /// The parsed error reply, if there was one.
    pub fn body(&self) -> Option<&ErrorBody> {
        self.inner.body.as_ref()
    }
}
