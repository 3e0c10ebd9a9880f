//! The kinds of [`Error`](crate::Error), and how an error reply is classified.

use http::StatusCode;
use std::fmt;
use tokens_types::ErrorCode;

/// What went wrong, in one word. Decided by the Databricks error code first, then the HTTP
/// status (spec §2); the client-side kinds cover failures that got no usable reply.
///
/// | kind | typical cause | what to do |
/// |---|---|---|
/// | [`InvalidParameterValue`](Self::InvalidParameterValue) | a lifetime of 0, a comment over 255 characters | fix the request |
/// | [`InvalidState`](Self::InvalidState) | the token cannot change in its current state | read the message |
/// | [`NotFound`](Self::NotFound) | the token id is unknown or the token expired | for a delete, treat as done |
/// | [`AlreadyExists`](Self::AlreadyExists) | a resource with that name exists | use the existing one |
/// | [`Aborted`](Self::Aborted) | a concurrent change won | read again and retry |
/// | [`QuotaExceeded`](Self::QuotaExceeded) | 600 live tokens already | delete unused tokens |
/// | [`ResourceExhausted`](Self::ResourceExhausted) | a server-side limit was hit | wait and retry |
/// | [`TooManyRequests`](Self::TooManyRequests) | 429 or `REQUEST_LIMIT_EXCEEDED` | lower the rate limit; the retry layer waits |
/// | [`Unauthenticated`](Self::Unauthenticated) | 401: no credential, or an unsupported one | check `DATABRICKS_TOKEN` / the profile |
/// | [`PermissionDenied`](Self::PermissionDenied) | 403: an invalid or expired token, or no right | replace the token or ask an admin |
/// | [`BadRequest`](Self::BadRequest) | 400 without a more precise code | fix the request |
/// | [`Conflict`](Self::Conflict) | 409 | read again and retry |
/// | [`Cancelled`](Self::Cancelled) | 499: the server saw the call cancelled | retry if still wanted |
/// | [`Internal`](Self::Internal) | 500 | retried for idempotent calls; a create's outcome is unknown |
/// | [`NotImplemented`](Self::NotImplemented) | 501: no such endpoint in this workspace | check the host |
/// | [`Unavailable`](Self::Unavailable) | 503 | retried automatically |
/// | [`GatewayTimeout`](Self::GatewayTimeout) | 504 | retried for idempotent calls; a create's outcome is unknown |
/// | [`Unknown`](Self::Unknown) / [`DataLoss`](Self::DataLoss) | the codes `UNKNOWN` / `DATA_LOSS` | report with the request id |
/// | [`Api`](Self::Api) | any other status, such as 502 from a proxy | see [`Error::status`](crate::Error::status) |
/// | [`Transport`](Self::Transport) | DNS, connect, TLS or a reset | check the network; see [`Error::transport`](crate::Error::transport) |
/// | [`Timeout`](Self::Timeout) | one attempt ran past its time limit | raise the per-attempt timeout |
/// | [`DeadlineExceeded`](Self::DeadlineExceeded) | the whole call, retries included, ran out of time | raise the deadline |
/// | [`InvalidRequest`](Self::InvalidRequest) | refused before sending: a bad field mask, an empty update | fix the call |
/// | [`Config`](Self::Config) | a bad host, variable or profile | the message names the source |
/// | [`Auth`](Self::Auth) | an OAuth refresh failed, or a bearer token over plain `http://` | check the client id and secret, or use https |
/// | [`Decode`](Self::Decode) | a 2xx reply that is not the expected JSON | often a proxy in between |
/// | [`Other`](Self::Other) | a failure from a layer this crate does not know | see the error's source |
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// `INVALID_PARAMETER_VALUE`: a value in the request was refused.
    InvalidParameterValue,
    /// `INVALID_STATE`: the resource is not in a state that allows the call.
    InvalidState,
    /// `RESOURCE_DOES_NOT_EXIST` or `NOT_FOUND`, or status 404.
    NotFound,
    /// `ALREADY_EXISTS` or `RESOURCE_ALREADY_EXISTS`.
    AlreadyExists,
    /// `ABORTED`: a concurrent change won.
    Aborted,
    /// `QUOTA_EXCEEDED`: for tokens, the per-user token quota is full.
    QuotaExceeded,
    /// `RESOURCE_EXHAUSTED`: a server-side limit was hit.
    ResourceExhausted,
    /// `REQUEST_LIMIT_EXCEEDED`, or status 429.
    TooManyRequests,
    /// `UNAUTHENTICATED`, or status 401.
    Unauthenticated,
    /// `PERMISSION_DENIED`, or status 403.
    PermissionDenied,
    /// `UNKNOWN`.
    Unknown,
    /// `DATA_LOSS`.
    DataLoss,
    /// Status 400 without a more precise code.
    BadRequest,
    /// Status 409.
    Conflict,
    /// Status 499: the call was cancelled.
    Cancelled,
    /// Status 500.
    Internal,
    /// Status 501.
    NotImplemented,
    /// Status 503.
    Unavailable,
    /// Status 504: a gateway gave up waiting (the official SDKs call it "deadline exceeded").
    GatewayTimeout,
    /// A non-2xx status this list does not name (502 from a proxy, 418, ...).
    Api,
    /// No reply: DNS, connect, TLS or I/O failure. See [`Error::transport`](crate::Error::transport).
    Transport,
    /// One attempt ran past its per-attempt time limit.
    Timeout,
    /// The whole call, retries included, ran past its deadline.
    DeadlineExceeded,
    /// The call was refused before anything was sent (a bad field mask, an empty update).
    InvalidRequest,
    /// The configuration is invalid; the message names where the bad value came from.
    Config,
    /// A credential could not be obtained or may not be sent.
    Auth,
    /// A 2xx reply whose body is not the expected JSON.
    Decode,
    /// A failure from a layer this crate does not know.
    Other,
}

impl ErrorKind {
    /// Classifies an error reply: the error code decides first, the status second.
    pub fn classify(code: Option<&ErrorCode>, status: StatusCode) -> ErrorKind {
        code.and_then(ErrorKind::from_code)
            .unwrap_or_else(|| ErrorKind::from_status(status))
    }

    /// The kind an error code has of its own, if it has one.
    pub fn from_code(code: &ErrorCode) -> Option<ErrorKind> {
        let kind = match code {
            ErrorCode::InvalidParameterValue => ErrorKind::InvalidParameterValue,
            ErrorCode::InvalidState => ErrorKind::InvalidState,
            ErrorCode::ResourceDoesNotExist | ErrorCode::NotFound => ErrorKind::NotFound,
            ErrorCode::AlreadyExists | ErrorCode::ResourceAlreadyExists => ErrorKind::AlreadyExists,
            ErrorCode::Aborted => ErrorKind::Aborted,
            ErrorCode::ResourceExhausted => ErrorKind::ResourceExhausted,
            ErrorCode::RequestLimitExceeded => ErrorKind::TooManyRequests,
            ErrorCode::QuotaExceeded => ErrorKind::QuotaExceeded,
            ErrorCode::PermissionDenied => ErrorKind::PermissionDenied,
            ErrorCode::Unauthenticated => ErrorKind::Unauthenticated,
            ErrorCode::Unknown => ErrorKind::Unknown,
            ErrorCode::DataLoss => ErrorKind::DataLoss,
            _ => return None,
        };
        Some(kind)
    }

    /// The kind of a status without a code of its own: [`ErrorKind::Api`] for unlisted ones.
    pub fn from_status(status: StatusCode) -> ErrorKind {
        match status.as_u16() {
            400 => ErrorKind::BadRequest,
            401 => ErrorKind::Unauthenticated,
            403 => ErrorKind::PermissionDenied,
            404 => ErrorKind::NotFound,
            409 => ErrorKind::Conflict,
            429 => ErrorKind::TooManyRequests,
            499 => ErrorKind::Cancelled,
            500 => ErrorKind::Internal,
            501 => ErrorKind::NotImplemented,
            503 => ErrorKind::Unavailable,
            504 => ErrorKind::GatewayTimeout,
            _ => ErrorKind::Api,
        }
    }

    /// A short stable name in snake case, used for the `error.type` log field.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidParameterValue => "invalid_parameter_value",
            ErrorKind::InvalidState => "invalid_state",
            ErrorKind::NotFound => "not_found",
            ErrorKind::AlreadyExists => "already_exists",
            ErrorKind::Aborted => "aborted",
            ErrorKind::QuotaExceeded => "quota_exceeded",
            ErrorKind::ResourceExhausted => "resource_exhausted",
            ErrorKind::TooManyRequests => "too_many_requests",
            ErrorKind::Unauthenticated => "unauthenticated",
            ErrorKind::PermissionDenied => "permission_denied",
            ErrorKind::Unknown => "unknown",
            ErrorKind::DataLoss => "data_loss",
            ErrorKind::BadRequest => "bad_request",
            ErrorKind::Conflict => "conflict",
            ErrorKind::Cancelled => "cancelled",
            ErrorKind::Internal => "internal",
            ErrorKind::NotImplemented => "not_implemented",
            ErrorKind::Unavailable => "unavailable",
            ErrorKind::GatewayTimeout => "gateway_timeout",
            ErrorKind::Api => "api",
            ErrorKind::Transport => "transport",
            ErrorKind::Timeout => "timeout",
            ErrorKind::DeadlineExceeded => "deadline_exceeded",
            ErrorKind::InvalidRequest => "invalid_request",
            ErrorKind::Config => "config",
            ErrorKind::Auth => "auth",
            ErrorKind::Decode => "decode",
            ErrorKind::Other => "other",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
