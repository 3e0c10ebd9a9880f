//! The error replies of the API: status, code and message, in the service's JSON shapes.

use http::StatusCode;
use std::borrow::Cow;
use tokens_types::ErrorCode;

/// How the body of an error reply is written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ErrorShape {
    /// `{"error_code": "CODE", "message": "…"}`.
    Coded(ErrorCode),
    /// The older `{"error_code": 401, "message": "…"}`, with the HTTP status as an integer.
    Legacy,
}

/// An error reply of the Token API.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ApiError {
    pub(crate) status: StatusCode,
    pub(crate) shape: ErrorShape,
    pub(crate) message: Cow<'static, str>,
}

impl ApiError {
    fn coded(status: StatusCode, code: ErrorCode, message: impl Into<Cow<'static, str>>) -> Self {
        ApiError {
            status,
            shape: ErrorShape::Coded(code),
            message: message.into(),
        }
    }

    /// 400 `INVALID_PARAMETER_VALUE`.
    pub(crate) fn invalid_parameter(message: impl Into<Cow<'static, str>>) -> Self {
        Self::coded(
            StatusCode::BAD_REQUEST,
            ErrorCode::InvalidParameterValue,
            message,
        )
    }

    /// 400 `QUOTA_EXCEEDED`.
    pub(crate) fn quota_exceeded(message: impl Into<Cow<'static, str>>) -> Self {
        Self::coded(StatusCode::BAD_REQUEST, ErrorCode::QuotaExceeded, message)
    }

    /// 400 `MALFORMED_REQUEST`.
    pub(crate) fn malformed(message: impl Into<Cow<'static, str>>) -> Self {
        Self::coded(
            StatusCode::BAD_REQUEST,
            ErrorCode::MalformedRequest,
            message,
        )
    }

    /// 404 `RESOURCE_DOES_NOT_EXIST` (what delete answers for an unknown token).
    pub(crate) fn resource_does_not_exist(message: impl Into<Cow<'static, str>>) -> Self {
        Self::coded(
            StatusCode::NOT_FOUND,
            ErrorCode::ResourceDoesNotExist,
            message,
        )
    }

    /// 404 `NOT_FOUND` (what update answers for an unknown token).
    pub(crate) fn not_found(message: impl Into<Cow<'static, str>>) -> Self {
        Self::coded(StatusCode::NOT_FOUND, ErrorCode::NotFound, message)
    }

    /// 404 `ENDPOINT_NOT_FOUND`.
    pub(crate) fn endpoint_not_found(method: &http::Method, path: &str) -> Self {
        // The path is echoed back for orientation; cap it so a huge path is not mirrored.
        let shown: String = path.chars().take(200).collect();
        Self::coded(
            StatusCode::NOT_FOUND,
            ErrorCode::EndpointNotFound,
            format!("No API found for '{method} {shown}'"),
        )
    }

    /// 405 `METHOD_NOT_ALLOWED`.
    pub(crate) fn method_not_allowed(method: &http::Method, allowed: &str) -> Self {
        Self::coded(
            StatusCode::METHOD_NOT_ALLOWED,
            ErrorCode::Other("METHOD_NOT_ALLOWED".to_owned()),
            format!("Method {method} is not allowed here; allowed: {allowed}"),
        )
    }

    /// 413 `REQUEST_ENTITY_TOO_LARGE`.
    pub(crate) fn too_large(limit: usize) -> Self {
        Self::coded(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::Other("REQUEST_ENTITY_TOO_LARGE".to_owned()),
            format!("The request body is larger than {limit} bytes"),
        )
    }

    /// 401 in the legacy shape: no credential, or one of an unsupported type.
    pub(crate) fn unauthenticated() -> Self {
        ApiError {
            status: StatusCode::UNAUTHORIZED,
            shape: ErrorShape::Legacy,
            message: Cow::Borrowed(
                "Credential was not sent or was of an unsupported type for this API.",
            ),
        }
    }

    /// 403 in the legacy shape: a bearer credential that authenticates no one.
    pub(crate) fn invalid_token() -> Self {
        ApiError {
            status: StatusCode::FORBIDDEN,
            shape: ErrorShape::Legacy,
            message: Cow::Borrowed("Invalid access token."),
        }
    }

    /// 403 `PERMISSION_DENIED`.
    pub(crate) fn permission_denied(message: impl Into<Cow<'static, str>>) -> Self {
        Self::coded(StatusCode::FORBIDDEN, ErrorCode::PermissionDenied, message)
    }

    /// 503 `TEMPORARILY_UNAVAILABLE`, for failures of the emulator's own machinery (the
    /// random generator, the database), never for anything a client sent.
    pub(crate) fn unavailable(message: impl Into<Cow<'static, str>>) -> Self {
        Self::coded(
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::TemporarilyUnavailable,
            message,
        )
    }

    /// The JSON body.
    pub(crate) fn to_json(&self) -> Vec<u8> {
        let body = match &self.shape {
            ErrorShape::Coded(code) => serde_json::json!({
                "error_code": code.as_str(),
                "message": self.message,
            }),
            ErrorShape::Legacy => serde_json::json!({
                "error_code": self.status.as_u16(),
                "message": self.message,
            }),
        };
        serde_json::to_vec(&body).unwrap_or_else(|_| b"{}".to_vec())
    }
}
