//! Reading request bodies with a size limit, and decoding them as JSON.

use crate::error::ApiError;
use bytes::Bytes;
use http::Request;
use http::header::CONTENT_LENGTH;
use http::request::Parts;
use http_body_util::{BodyExt as _, LengthLimitError, Limited};
use hyper::body::Body;
use serde::de::DeserializeOwned;

/// The largest request body accepted: 1 MiB.
pub(crate) const BODY_LIMIT: usize = 1 << 20;

/// Why a body could not be read.
#[derive(Debug)]
pub(crate) enum BodyError {
    /// Larger than [`BODY_LIMIT`]: answer 413.
    TooLarge,
    /// The connection failed while reading: nothing to answer.
    Broken,
}

/// Reads the whole body, refusing more than [`BODY_LIMIT`] bytes.
pub(crate) async fn read<B>(request: Request<B>) -> Result<(Parts, Bytes), BodyError>
where
    B: Body<Data = Bytes>,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let (parts, body) = request.into_parts();
    let declared = parts
        .headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|length| length > BODY_LIMIT as u64) {
        return Err(BodyError::TooLarge);
    }
    match Limited::new(body, BODY_LIMIT).collect().await {
        Ok(collected) => Ok((parts, collected.to_bytes())),
        Err(error) if error.downcast_ref::<LengthLimitError>().is_some() => {
            Err(BodyError::TooLarge)
        }
        Err(_) => Err(BodyError::Broken),
    }
}

/// Decodes `body` as the endpoint's JSON; an empty body counts as `{}` when `empty_is_object`.
///
/// # Errors
///
/// 400 `MALFORMED_REQUEST` for a body that is not JSON or does not have the endpoint's shape.
pub(crate) fn json<T: DeserializeOwned>(body: &[u8], empty_is_object: bool) -> Result<T, ApiError> {
    let blank = body.iter().all(u8::is_ascii_whitespace);
    if blank {
        if empty_is_object {
            return serde_json::from_slice(b"{}").map_err(|e| describe(&e));
        }
        return Err(ApiError::malformed(
            "The request body must be a JSON object",
        ));
    }
    serde_json::from_slice(body).map_err(|e| describe(&e))
}

fn describe(error: &serde_json::Error) -> ApiError {
    if error.is_data() {
        ApiError::malformed(format!(
            "Invalid JSON given in the body of the request: {error}"
        ))
    } else {
        ApiError::malformed(format!(
            "Malformed JSON in the body of the request: {error}"
        ))
    }
}
