//! The `error_code` of an error reply.

use std::fmt;

/// The `error_code` of an error reply: the known codes, and [`ErrorCode::Other`] for the rest.
///
/// ```
/// use tokens_types::ErrorCode;
///
/// assert_eq!(ErrorCode::from_wire("QUOTA_EXCEEDED"), ErrorCode::QuotaExceeded);
/// assert_eq!(ErrorCode::from_wire("403").as_str(), "403");
///
/// // On the wire it is a plain string.
/// let code: ErrorCode = serde_json::from_str(r#""NOT_FOUND""#).unwrap();
/// assert_eq!(code, ErrorCode::NotFound);
/// assert_eq!(serde_json::to_string(&code).unwrap(), r#""NOT_FOUND""#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCode {
    /// `INVALID_PARAMETER_VALUE`: a value in the request was refused.
    InvalidParameterValue,
    /// `INVALID_STATE`: the resource is not in a state that allows the call.
    InvalidState,
    /// `RESOURCE_DOES_NOT_EXIST`: the resource is unknown (delete of a token).
    ResourceDoesNotExist,
    /// `NOT_FOUND`: the resource is unknown (update of a token).
    NotFound,
    /// `ALREADY_EXISTS`.
    AlreadyExists,
    /// `RESOURCE_ALREADY_EXISTS`.
    ResourceAlreadyExists,
    /// `ABORTED`: a concurrent change won.
    Aborted,
    /// `RESOURCE_EXHAUSTED`: a rate or resource limit was hit.
    ResourceExhausted,
    /// `REQUEST_LIMIT_EXCEEDED`: too many requests.
    RequestLimitExceeded,
    /// `QUOTA_EXCEEDED`: for tokens, the per-user token quota is full.
    QuotaExceeded,
    /// `PERMISSION_DENIED`.
    PermissionDenied,
    /// `UNAUTHENTICATED`.
    Unauthenticated,
    /// `UNKNOWN`.
    Unknown,
    /// `DATA_LOSS`.
    DataLoss,
    /// `MALFORMED_REQUEST`: the body could not be read as the endpoint's JSON.
    MalformedRequest,
    /// `ENDPOINT_NOT_FOUND`: no such endpoint.
    EndpointNotFound,
    /// `BAD_REQUEST`.
    BadRequest,
    /// `INTERNAL_ERROR`.
    InternalError,
    /// `TEMPORARILY_UNAVAILABLE`.
    TemporarilyUnavailable,
    /// Any other code, kept as sent (including integer codes, as `"403"`).
    Other(String),
}

impl ErrorCode {
    /// Reads a code as it appears on the wire.
    pub fn from_wire(code: &str) -> Self {
        match code {
            "INVALID_PARAMETER_VALUE" => ErrorCode::InvalidParameterValue,
            "INVALID_STATE" => ErrorCode::InvalidState,
            "RESOURCE_DOES_NOT_EXIST" => ErrorCode::ResourceDoesNotExist,
            "NOT_FOUND" => ErrorCode::NotFound,
            "ALREADY_EXISTS" => ErrorCode::AlreadyExists,
            "RESOURCE_ALREADY_EXISTS" => ErrorCode::ResourceAlreadyExists,
            "ABORTED" => ErrorCode::Aborted,
            "RESOURCE_EXHAUSTED" => ErrorCode::ResourceExhausted,
            "REQUEST_LIMIT_EXCEEDED" => ErrorCode::RequestLimitExceeded,
            "QUOTA_EXCEEDED" => ErrorCode::QuotaExceeded,
            "PERMISSION_DENIED" => ErrorCode::PermissionDenied,
            "UNAUTHENTICATED" => ErrorCode::Unauthenticated,
            "UNKNOWN" => ErrorCode::Unknown,
            "DATA_LOSS" => ErrorCode::DataLoss,
            "MALFORMED_REQUEST" => ErrorCode::MalformedRequest,
            "ENDPOINT_NOT_FOUND" => ErrorCode::EndpointNotFound,
            "BAD_REQUEST" => ErrorCode::BadRequest,
            "INTERNAL_ERROR" => ErrorCode::InternalError,
            "TEMPORARILY_UNAVAILABLE" => ErrorCode::TemporarilyUnavailable,
            other => ErrorCode::Other(other.to_owned()),
        }
    }

    /// The code as written on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            ErrorCode::InvalidParameterValue => "INVALID_PARAMETER_VALUE",
            ErrorCode::InvalidState => "INVALID_STATE",
            ErrorCode::ResourceDoesNotExist => "RESOURCE_DOES_NOT_EXIST",
            ErrorCode::NotFound => "NOT_FOUND",
            ErrorCode::AlreadyExists => "ALREADY_EXISTS",
            ErrorCode::ResourceAlreadyExists => "RESOURCE_ALREADY_EXISTS",
            ErrorCode::Aborted => "ABORTED",
            ErrorCode::ResourceExhausted => "RESOURCE_EXHAUSTED",
            ErrorCode::RequestLimitExceeded => "REQUEST_LIMIT_EXCEEDED",
            ErrorCode::QuotaExceeded => "QUOTA_EXCEEDED",
            ErrorCode::PermissionDenied => "PERMISSION_DENIED",
            ErrorCode::Unauthenticated => "UNAUTHENTICATED",
            ErrorCode::Unknown => "UNKNOWN",
            ErrorCode::DataLoss => "DATA_LOSS",
            ErrorCode::MalformedRequest => "MALFORMED_REQUEST",
            ErrorCode::EndpointNotFound => "ENDPOINT_NOT_FOUND",
            ErrorCode::BadRequest => "BAD_REQUEST",
            ErrorCode::InternalError => "INTERNAL_ERROR",
            ErrorCode::TemporarilyUnavailable => "TEMPORARILY_UNAVAILABLE",
            ErrorCode::Other(other) => other,
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for ErrorCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Ok(ErrorCode::from_wire(&code))
    }
}
