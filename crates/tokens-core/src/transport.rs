//! What a transport reports when it gets no HTTP response, classified for the retry layer.

use std::error::Error as StdError;
use std::fmt;
use std::time::Duration;

/// A boxed error, as tower uses.
pub type BoxError = Box<dyn StdError + Send + Sync + 'static>;

/// Whether the server may have seen a request that failed.
///
/// This decides whether a non-idempotent call (create) may be sent again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SendState {
    /// No byte of the request reached the server: DNS, connect or TLS failure, a pooled
    /// connection found dead before writing, or a client-side refusal. Always safe to resend.
    NotSent,
    /// The request may have reached the server: a reset after writing, a lost reply, a
    /// timeout while waiting. Resending a create could mint a second token.
    MaybeSent,
}

/// The kind of transport failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// Name resolution failed.
    Dns,
    /// The TCP connection could not be made.
    Connect,
    /// The TLS handshake failed (including certificate checks).
    Tls,
    /// The connection failed while sending or receiving.
    Io,
    /// The attempt ran past its time limit.
    Timeout,
    /// The response body was larger than the configured cap.
    BodyTooLarge,
    /// The request was refused before sending (for example an invalid URL).
    InvalidRequest,
    /// Anything else.
    Other,
}

/// A failure to get an HTTP response, with whether the request may have been sent.
///
/// Transports (`tokens-hyper`, `tokens-fetch`, test doubles) return this as their
/// `Service::Error`. Its message never contains a header value or a body.
///
/// ```
/// use tokens_core::{SendState, TransportError, TransportErrorKind};
///
/// let err = TransportError::new(TransportErrorKind::Connect, SendState::NotSent)
///     .with_message("connection refused");
/// assert_eq!(err.send_state(), SendState::NotSent);
/// assert!(err.to_string().contains("connection refused"));
/// ```
#[derive(Debug)]
pub struct TransportError {
    kind: TransportErrorKind,
    send_state: SendState,
    message: Option<String>,
    timeout: Option<Duration>,
    source: Option<BoxError>,
}

impl TransportError {
    /// A failure of `kind`, with what is known about whether the request was sent.
    pub fn new(kind: TransportErrorKind, send_state: SendState) -> Self {
        TransportError {
            kind,
            send_state,
            message: None,
            timeout: None,
            source: None,
        }
    }

    /// A per-attempt timeout after `limit`; the request may have been sent.
    pub fn timeout(limit: Duration) -> Self {
        let mut err = TransportError::new(TransportErrorKind::Timeout, SendState::MaybeSent);
        err.timeout = Some(limit);
        err
    }

    /// Adds a short message for a person. It must not hold a secret.
    #[must_use]
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// Adds the underlying error.
    #[must_use]
    pub fn with_source(mut self, source: impl Into<BoxError>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// The kind of failure.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    /// Whether the request may have reached the server.
    pub fn send_state(&self) -> SendState {
        self.send_state
    }

    /// The time limit that ran out, for [`TransportErrorKind::Timeout`].
    pub fn timeout_limit(&self) -> Option<Duration> {
        self.timeout
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            TransportErrorKind::Dns => "name resolution failed",
            TransportErrorKind::Connect => "could not connect",
            TransportErrorKind::Tls => "TLS handshake failed",
            TransportErrorKind::Io => "connection failed",
            TransportErrorKind::Timeout => "attempt timed out",
            TransportErrorKind::BodyTooLarge => "response body too large",
            TransportErrorKind::InvalidRequest => "request could not be sent",
            TransportErrorKind::Other => "transport failed",
        };
        f.write_str(what)?;
        if let Some(limit) = self.timeout {
            write!(f, " after {limit:?}")?;
        }
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        match self.send_state {
            SendState::NotSent => f.write_str(" (request not sent)"),
            SendState::MaybeSent => f.write_str(" (request may have been sent)"),
        }
    }
}

impl StdError for TransportError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn StdError + 'static))
    }
}
