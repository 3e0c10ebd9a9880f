//! Error replies: every body shape the service and the proxies in front of it send.
//!
//! [`ErrorBody::parse`] tries the shapes in this order: an empty body; JSON (the Databricks
//! shape with a string or integer `error_code`, `{"error": ...}`, SCIM); an HTML page; a
//! `CODE_NAME: message` line; any other text. Each shape lives in its own module.

mod code;
mod details;
mod html;
mod json;
mod message;
mod redact;
mod serialize;
mod status;
mod text;

pub use code::ErrorCode;
pub use details::{
    BadRequestViolation, ErrorDetail, HelpLink, PreconditionViolation, QuotaViolation,
};
pub use status::reason_phrase;

use serde_json::Value;
use std::fmt;
use std::time::Duration;

/// Bytes of a non-JSON body that are read for a message. The message itself is much
/// shorter; this only bounds the work done on a huge page.
const MAX_TEXT_BYTES: usize = 256 * 1024;

/// What an error reply says: its code, its message and its typed details.
///
/// ```
/// use tokens_types::{ErrorBody, ErrorCode};
///
/// let body = ErrorBody::parse(404, br#"{"error_code": "RESOURCE_DOES_NOT_EXIST",
///     "message": "Token does not exist."}"#);
/// assert_eq!(body.error_code, Some(ErrorCode::ResourceDoesNotExist));
/// assert_eq!(body.message, "Token does not exist.");
///
/// let proxy = ErrorBody::parse(502, b"<html><title>502 Bad Gateway</title></html>");
/// assert_eq!(proxy.error_code, Some(ErrorCode::Other("BAD_GATEWAY".into())));
/// assert_eq!(proxy.message, "502 Bad Gateway");
/// ```
///
/// Serializing writes the service's JSON shape, which is how the emulator answers:
///
/// ```
/// use tokens_types::{ErrorBody, ErrorCode};
///
/// let body = ErrorBody::new(ErrorCode::QuotaExceeded, "Too many tokens.");
/// assert_eq!(
///     serde_json::to_string(&body)?,
///     r#"{"error_code":"QUOTA_EXCEEDED","message":"Too many tokens."}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ErrorBody {
    /// The error code, when the reply carried one.
    pub error_code: Option<ErrorCode>,
    /// A message for a person. After [`ErrorBody::parse`] it is never empty, at most
    /// about a thousand characters, and anything shaped like a credential is replaced by a
    /// redaction: a personal access token (`dapi` and a long run of letters and digits), a
    /// JSON Web Token such as an OAuth access token (`eyJ…` in three dotted parts), and the
    /// credential after the word `Bearer` (16 or more token characters with a digit).
    pub message: String,
    /// Typed details, in the order sent.
    pub details: Vec<ErrorDetail>,
}

impl ErrorBody {
    /// A body with a code and a message and no details.
    pub fn new(error_code: ErrorCode, message: impl Into<String>) -> Self {
        ErrorBody {
            error_code: Some(error_code),
            message: message.into(),
            details: Vec::new(),
        }
    }

    /// Adds a detail.
    #[must_use]
    pub fn with_detail(mut self, detail: ErrorDetail) -> Self {
        self.details.push(detail);
        self
    }

    /// The request id from a `RequestInfo` detail, if any.
    pub fn request_id(&self) -> Option<&str> {
        self.details.iter().find_map(|detail| match detail {
            ErrorDetail::RequestInfo { request_id, .. } if !request_id.is_empty() => {
                Some(request_id.as_str())
            }
            _ => None,
        })
    }

    /// The wait asked for by a `RetryInfo` detail, if any.
    pub fn retry_delay(&self) -> Option<Duration> {
        self.details.iter().find_map(|detail| match detail {
            ErrorDetail::RetryInfo { retry_delay } => *retry_delay,
            _ => None,
        })
    }

    /// Parses an error reply of any shape, given its HTTP status and body bytes. Never fails
    /// and never panics: a body it cannot read still yields a message.
    ///
    /// | body | code | message |
    /// |---|---|---|
    /// | `{"error_code": "NOT_FOUND", "message": "m", "details": [...]}` | `NOT_FOUND` | `m` |
    /// | `{"error_code": 403, "message": "m"}` | `403` | `m` |
    /// | `{"error": "m"}` | none | `m` |
    /// | `{"error": "e", "error_description": "d"}` (OAuth) | none | `e: d` |
    /// | `{"detail": "d", "status": "409", "scimType": "t"}` | `SCIM_409` | `t d` |
    /// | `CODE_NAME: m` | `CODE_NAME` | `m` |
    /// | HTML page | status reason (`BAD_GATEWAY`) | `<pre>`, else `<title>`, else `<h1>` |
    /// | empty | none | status reason (`Bad Gateway`) |
    /// | anything else | none | the text on one line, cut to about 1,000 characters |
    ///
    /// A field that is missing or of the wrong type counts as absent, and a message that
    /// ends up empty becomes the status reason phrase (or `HTTP status 599` for a status
    /// without one). Each `details` entry becomes an [`ErrorDetail`] by its `@type`.
    pub fn parse(status: u16, body: &[u8]) -> ErrorBody {
        let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
        if body.trim_ascii().is_empty() {
            return ErrorBody {
                error_code: None,
                message: status::status_message(status),
                details: Vec::new(),
            };
        }

        if let Ok(value) = serde_json::from_slice::<Value>(body)
            && let Some(parsed) = json::parse(status, &value)
        {
            return parsed;
        }

        let head = body.get(..MAX_TEXT_BYTES).unwrap_or(body);
        let text = String::from_utf8_lossy(head);
        if html::looks_like_html(&text) {
            html::parse(status, &text)
        } else {
            text::parse(status, &text)
        }
    }
}

/// `CODE: message`, or the message alone when there is no code.
impl fmt::Display for ErrorBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.error_code {
            Some(code) => write!(f, "{code}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}
