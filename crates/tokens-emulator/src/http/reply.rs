//! Building replies: JSON bodies, error bodies and injected faults.

use crate::error::ApiError;
use crate::faults::{FaultBody, RetryAfter};
use bytes::Bytes;
use http::header::{CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use http::{Response, StatusCode};
use serde::Serialize;

const JSON: HeaderValue = HeaderValue::from_static("application/json");

/// A reply with a JSON body already encoded.
pub(crate) fn json_bytes(status: StatusCode, body: impl Into<Bytes>) -> Response<Bytes> {
    let mut response = Response::new(body.into());
    *response.status_mut() = status;
    response.headers_mut().insert(CONTENT_TYPE, JSON);
    response
}

/// A 200 reply with `value` as JSON.
pub(crate) fn ok_json<T: Serialize>(value: &T) -> Response<Bytes> {
    match serde_json::to_vec(value) {
        Ok(body) => json_bytes(StatusCode::OK, body),
        Err(_) => error(&ApiError::unavailable("the reply could not be encoded")),
    }
}

/// The empty success `{}`.
pub(crate) fn empty_ok() -> Response<Bytes> {
    json_bytes(StatusCode::OK, Bytes::from_static(b"{}"))
}

/// An error reply.
pub(crate) fn error(error: &ApiError) -> Response<Bytes> {
    json_bytes(error.status, error.to_json())
}

/// The reply of a status fault.
pub(crate) fn fault(
    status: u16,
    retry_after: Option<&RetryAfter>,
    body: Option<&FaultBody>,
) -> Response<Bytes> {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
    let mut response = match body {
        Some(FaultBody::Json(value)) => {
            json_bytes(status, serde_json::to_vec(value).unwrap_or_default())
        }
        Some(FaultBody::Text(text)) => {
            let mut response = Response::new(Bytes::from(text.clone()));
            *response.status_mut() = status;
            let kind = if text.trim_start().starts_with('<') {
                "text/html; charset=utf-8"
            } else {
                "text/plain; charset=utf-8"
            };
            response
                .headers_mut()
                .insert(CONTENT_TYPE, HeaderValue::from_static(kind));
            response
        }
        None => {
            let code = crate::faults::default_code(status.as_u16());
            let body = serde_json::json!({"error_code": code, "message": "Injected fault"});
            json_bytes(status, serde_json::to_vec(&body).unwrap_or_default())
        }
    };
    if let Some(Ok(value)) = retry_after.map(|r| HeaderValue::from_str(&r.header_value())) {
        response.headers_mut().insert(RETRY_AFTER, value);
    }
    response
}
