//! `Display`, `Debug`, `std::error::Error` and conversions into [`Error`].

use super::{Error, ErrorKind};
use crate::{BoxError, TransportError, TransportErrorKind};
use std::error::Error as StdError;
use std::fmt;
use tokens_types::FieldMaskError;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(operation) = self.operation() {
            write!(f, "{operation}: ")?;
        }
        match self.status() {
            Some(status) => {
                write!(f, "{}", status.as_u16())?;
                match self.error_code() {
                    Some(code) => write!(f, " {code}")?,
                    None => {
                        if let Some(reason) = tokens_types::reason_phrase(status.as_u16()) {
                            write!(f, " {reason}")?;
                        }
                    }
                }
                write!(f, ": {}", self.message())?;
            }
            None => write!(f, "{}: {}", client_side_phrase(self.kind()), self.message())?,
        }
        if let Some(request_id) = self.request_id() {
            write!(f, " (request id {request_id})")?;
        }
        if self.is_outcome_unknown() {
            if self.operation() == Some(crate::Operation::CREATE) {
                f.write_str(
                    "; the outcome is unknown: a token may have been created, \
                     so list the tokens before creating another",
                )?;
            } else {
                f.write_str("; the outcome is unknown: the server may have acted on the request")?;
            }
        }
        Ok(())
    }
}

/// How `Display` names a kind that has no HTTP status.
fn client_side_phrase(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Transport => "transport error",
        ErrorKind::Timeout => "timeout",
        ErrorKind::DeadlineExceeded => "deadline exceeded",
        ErrorKind::InvalidRequest => "invalid request",
        ErrorKind::Config => "invalid configuration",
        ErrorKind::Auth => "authentication failed",
        ErrorKind::Decode => "unexpected reply",
        _ => "error",
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        f.debug_struct("Error")
            .field("kind", &inner.kind)
            .field("operation", &inner.operation.map(crate::Operation::name))
            .field("status", &inner.status.map(|status| status.as_u16()))
            .field(
                "error_code",
                &self.error_code().map(tokens_types::ErrorCode::as_str),
            )
            .field("message", &inner.message)
            .field("request_id", &self.request_id())
            .field("retry_after", &inner.retry_after)
            .field("outcome_unknown", &inner.outcome_unknown)
            .field("transport", &inner.transport)
            .field("source", &inner.source.as_ref().map(ToString::to_string))
            .finish_non_exhaustive()
    }
}

impl StdError for Error {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        if let Some(transport) = &self.inner.transport {
            return Some(transport);
        }
        self.inner
            .source
            .as_deref()
            .map(|source| source as &(dyn StdError + 'static))
    }
}

impl From<TransportError> for Error {
    fn from(transport: TransportError) -> Self {
        let kind = if transport.kind() == TransportErrorKind::Timeout {
            ErrorKind::Timeout
        } else {
            ErrorKind::Transport
        };
        let mut err = Error::new(kind, transport.to_string());
        err.inner.transport = Some(transport);
        err
    }
}

impl From<BoxError> for Error {
    /// Unboxes an [`Error`] or a [`TransportError`] that a layer boxed; anything else becomes
    /// [`ErrorKind::Other`] with the boxed error as its source.
    fn from(boxed: BoxError) -> Self {
        let boxed = match boxed.downcast::<Error>() {
            Ok(err) => return *err,
            Err(other) => other,
        };
        match boxed.downcast::<TransportError>() {
            Ok(transport) => Error::from(*transport),
            Err(other) => Error::other(other.to_string()).with_source(other),
        }
    }
}

impl From<FieldMaskError> for Error {
    fn from(err: FieldMaskError) -> Self {
        Error::invalid_request(err.to_string()).with_source(err)
    }
}
