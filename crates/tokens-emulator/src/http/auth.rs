//! Reading the bearer credential of a request.

use crate::error::ApiError;
use http::HeaderMap;
use http::header::AUTHORIZATION;

/// The bearer credential of a request.
///
/// # Errors
///
/// The legacy 401 when there is no `Authorization` header, or it is not `Bearer <value>`
/// with a non-empty printable value.
pub(crate) fn bearer(headers: &HeaderMap) -> Result<&str, ApiError> {
    let value = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .ok_or_else(ApiError::unauthenticated)?;
    let (scheme, credential) = value
        .split_once(' ')
        .ok_or_else(ApiError::unauthenticated)?;
    let credential = credential.trim();
    if !scheme.eq_ignore_ascii_case("bearer") || credential.is_empty() {
        return Err(ApiError::unauthenticated());
    }
    Ok(credential)
}
