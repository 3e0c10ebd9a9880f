//! Questions about an [`Error`]: may it be retried, may the server have acted, and handy
//! predicates for the common kinds.

use super::{Error, ErrorKind};
use crate::{Operation, SendState, TransportErrorKind};

/// Messages of replies that the service sends for passing trouble whatever their status; the
/// official SDKs retry them, and so do we (spec §3). Matched as substrings.
const TRANSIENT_PHRASES: &[&str] = &[
    "Unexpected error",
    "RPC token bucket limit has been exceeded",
    "Please try again later or try a faster operation.",
    "com.databricks.backend.manager.util.UnknownWorkerEnvironmentException",
    "does not have any associated worker environments",
    "There is no worker environment with id",
    "Unknown worker environment",
    "ClusterNotReadyException",
];

impl Error {
    /// Whether an idempotent call (list, update, delete) that failed this way may be sent
    /// again: 429, 500, 502, 503 and 504 replies, the codes `REQUEST_LIMIT_EXCEEDED` and
    /// `RESOURCE_EXHAUSTED`, the service's transient-trouble messages, connection failures
    /// and per-attempt timeouts. A create needs more: see [`Error::is_retryable_for`].
    pub fn is_retryable(&self) -> bool {
        if let Some(transport) = self.transport() {
            return transport_is_transient(transport.kind());
        }
        match self.kind() {
            ErrorKind::TooManyRequests
            | ErrorKind::ResourceExhausted
            | ErrorKind::Unavailable
            | ErrorKind::Internal
            | ErrorKind::GatewayTimeout
            | ErrorKind::Timeout => true,
            _ => {
                self.status()
                    .is_some_and(|status| matches!(status.as_u16(), 429 | 500 | 502 | 503 | 504))
                    || self.has_transient_message()
            }
        }
    }

    /// Whether `operation` may be sent again after failing this way. Idempotent operations
    /// follow [`Error::is_retryable`]. A non-idempotent one (create) only when the server
    /// provably did not act: 429, 503, `REQUEST_LIMIT_EXCEEDED`, `RESOURCE_EXHAUSTED`, a
    /// transient-trouble message, or a connection failure before any byte was sent.
    pub fn is_retryable_for(&self, operation: Operation) -> bool {
        if operation.is_idempotent() {
            return self.is_retryable();
        }
        if let Some(transport) = self.transport() {
            return transport.send_state() == SendState::NotSent
                && transport_is_transient(transport.kind());
        }
        let refused = match self.status() {
            Some(status) => matches!(status.as_u16(), 429 | 503),
            None => false,
        };
        refused
            || matches!(
                self.kind(),
                ErrorKind::TooManyRequests | ErrorKind::ResourceExhausted | ErrorKind::Unavailable
            )
            || self.has_transient_message()
    }

    /// Whether the server may have acted on the request although the call failed: a 500,
    /// 502 or 504 reply, or a transport failure after the request may have been sent
    /// (including a per-attempt timeout). For a create this means a token may exist.
    pub fn server_may_have_acted(&self) -> bool {
        if let Some(transport) = self.transport() {
            return transport.send_state() == SendState::MaybeSent;
        }
        if self.has_transient_message() {
            return false;
        }
        self.status()
            .is_some_and(|status| matches!(status.as_u16(), 500 | 502 | 504))
    }

    /// Whether the resource does not exist: `RESOURCE_DOES_NOT_EXIST`, `NOT_FOUND` or 404.
    pub fn is_not_found(&self) -> bool {
        self.kind() == ErrorKind::NotFound
    }

    /// Whether the per-user token quota is full (`QUOTA_EXCEEDED`).
    pub fn is_quota_exceeded(&self) -> bool {
        self.kind() == ErrorKind::QuotaExceeded
    }

    /// Whether the server refused the call for its rate (429 or `REQUEST_LIMIT_EXCEEDED`).
    pub fn is_rate_limited(&self) -> bool {
        self.kind() == ErrorKind::TooManyRequests
            || self.status() == Some(http::StatusCode::TOO_MANY_REQUESTS)
    }

    /// Whether an attempt or the whole call ran out of time.
    pub fn is_timeout(&self) -> bool {
        matches!(
            self.kind(),
            ErrorKind::Timeout | ErrorKind::DeadlineExceeded
        )
    }

    /// Whether no reply arrived because the connection failed.
    pub fn is_transport(&self) -> bool {
        self.kind() == ErrorKind::Transport
    }

    /// Whether the credential was missing or refused (401, 403), or could not be obtained.
    pub fn is_auth(&self) -> bool {
        matches!(
            self.kind(),
            ErrorKind::Unauthenticated | ErrorKind::PermissionDenied | ErrorKind::Auth
        )
    }

    /// Whether the call was refused before sending (bad field mask, empty update, bad id).
    pub fn is_invalid_request(&self) -> bool {
        self.kind() == ErrorKind::InvalidRequest
    }

    /// Whether the reply was a 5xx status.
    pub fn is_server_error(&self) -> bool {
        self.status().is_some_and(|status| status.is_server_error())
    }

    fn has_transient_message(&self) -> bool {
        self.body().is_some()
            && TRANSIENT_PHRASES
                .iter()
                .any(|phrase| self.message().contains(phrase))
    }
}

/// Whether a transport failure of this kind may go away on its own.
fn transport_is_transient(kind: TransportErrorKind) -> bool {
    !matches!(
        kind,
        TransportErrorKind::Tls
            | TransportErrorKind::BodyTooLarge
            | TransportErrorKind::InvalidRequest
    )
}
