//! Reading a response body whole, up to a size cap.

use super::classify;
use bytes::Bytes;
use http::HeaderMap;
use http::header::CONTENT_LENGTH;
use http_body_util::{BodyExt, LengthLimitError, Limited};
use hyper::body::Incoming;
use tokens_core::{SendState, TransportError, TransportErrorKind};

/// Reads `body` to the end, failing with [`TransportErrorKind::BodyTooLarge`] as soon as it
/// declares or delivers more than `cap` bytes (the rest is never read or buffered).
pub(crate) async fn read_capped(
    body: Incoming,
    headers: &HeaderMap,
    cap: usize,
) -> Result<Bytes, TransportError> {
    if let Some(declared) = declared_length(headers)
        && declared > u64::try_from(cap).unwrap_or(u64::MAX)
    {
        return Err(too_large(cap, Some(declared)));
    }

    match Limited::new(body, cap).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(err) if err.downcast_ref::<LengthLimitError>().is_some() => Err(too_large(cap, None)),
        Err(err) => Err(classify::body_error(err)),
    }
}

fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

fn too_large(cap: usize, declared: Option<u64>) -> TransportError {
    let size = match declared {
        Some(length) => format!("declares {length} bytes"),
        None => "is longer".to_owned(),
    };
    // The server answered, so the request was processed: never safe to resend blindly.
    TransportError::new(TransportErrorKind::BodyTooLarge, SendState::MaybeSent).with_message(
        format!(
            "the response body {size}, over the limit of {cap} bytes; raise it with \
             HyperTransportBuilder::max_response_body"
        ),
    )
}
