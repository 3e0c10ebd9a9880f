//! Reading a `fetch` `Response` into an `http::Response<Bytes>`, within a size cap.

use bytes::Bytes;
use tokens_core::{SendState, TransportError, TransportErrorKind};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStreamDefaultReader, Response};

use super::abort::AbortOnDrop;
use super::error::body_failed;

/// Converts the status and visible headers of `response`, then reads its body.
///
/// When the body is over `max_bytes` (by `Content-Length` or by what arrives) the request
/// is aborted so the browser stops downloading.
pub(super) async fn read_response(
    response: &Response,
    max_bytes: usize,
    abort: &mut AbortOnDrop,
) -> Result<http::Response<Bytes>, TransportError> {
    let status = response_status(response)?;
    let headers = response_headers(response);

    if content_length(&headers).is_some_and(|length| length > max_bytes as u64) {
        abort.abort();
        return Err(too_large(max_bytes));
    }

    let body = read_body(response, max_bytes, abort).await?;

    let mut converted = http::Response::new(body);
    *converted.status_mut() = status;
    *converted.headers_mut() = headers;
    Ok(converted)
}

/// The status, refusing the "opaque redirect" (status 0) that `redirect: "manual"` yields.
fn response_status(response: &Response) -> Result<http::StatusCode, TransportError> {
    let status = response.status();
    if status == 0 || response.redirected() {
        return Err(
            TransportError::new(TransportErrorKind::Other, SendState::MaybeSent).with_message(
                "the server answered with a redirect, which this client does not follow",
            ),
        );
    }
    http::StatusCode::from_u16(status).map_err(|_| {
        TransportError::new(TransportErrorKind::Other, SendState::MaybeSent)
            .with_message(format!("the server answered with invalid status {status}"))
    })
}

/// The headers the host lets the script see (for a cross-origin reply: the CORS-safelisted
/// ones and those in `Access-Control-Expose-Headers`). Unparsable entries are skipped.
fn response_headers(response: &Response) -> http::HeaderMap {
    let mut headers = http::HeaderMap::new();
    let Ok(Some(entries)) = js_sys::try_iter(&response.headers()) else {
        return headers;
    };
    for entry in entries.flatten() {
        let pair = js_sys::Array::from(&entry);
        let (Some(name), Some(value)) = (pair.get(0).as_string(), pair.get(1).as_string()) else {
            continue;
        };
        let (Ok(name), Ok(value)) = (
            http::HeaderName::from_bytes(name.as_bytes()),
            http::HeaderValue::from_str(&value),
        ) else {
            continue;
        };
        headers.append(name, value);
    }
    headers
}

fn content_length(headers: &http::HeaderMap) -> Option<u64> {
    headers
        .get(http::header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// Reads the body stream chunk by chunk, stopping as soon as it passes `max_bytes`.
async fn read_body(
    response: &Response,
    max_bytes: usize,
    abort: &mut AbortOnDrop,
) -> Result<Bytes, TransportError> {
    let Some(stream) = response.body() else {
        return Ok(Bytes::new());
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut body = Vec::new();

    // Every round either ends the loop or adds at least one byte, except for empty chunks,
    // which a stream may send but never many of; the bound covers both.
    for _ in 0..=max_bytes.saturating_add(1024) {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|rejection| body_failed(&rejection))?;
        if field(&chunk, "done").as_bool().unwrap_or(true) {
            return Ok(Bytes::from(body));
        }
        let bytes = js_sys::Uint8Array::new(&field(&chunk, "value"));
        let length = bytes.length() as usize;
        if body.len().saturating_add(length) > max_bytes {
            abort.abort();
            return Err(too_large(max_bytes));
        }
        let start = body.len();
        body.resize(start + length, 0);
        bytes.copy_to(&mut body[start..]);
    }

    abort.abort();
    Err(
        TransportError::new(TransportErrorKind::Io, SendState::MaybeSent)
            .with_message("the response body stream sent too many empty chunks"),
    )
}

fn field(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn too_large(max_bytes: usize) -> TransportError {
    TransportError::new(TransportErrorKind::BodyTooLarge, SendState::MaybeSent).with_message(
        format!("the response body is larger than {max_bytes} bytes"),
    )
}

#[cfg(test)]
mod tests {
    use super::read_response;
    use crate::transport::abort::AbortOnDrop;
    use tokens_core::TransportErrorKind;
    use wasm_bindgen_test::wasm_bindgen_test;
    use web_sys::Response;

    /// A response built in JavaScript has no `Content-Length`, so only the streamed bytes
    /// can reveal its size.
    fn response_of(body: &str) -> Response {
        Response::new_with_opt_str(Some(body)).expect("a Response")
    }

    #[wasm_bindgen_test]
    async fn a_streamed_body_over_the_cap_is_refused() {
        let mut abort = AbortOnDrop::new().expect("AbortController exists");
        let signal = abort.signal();
        let err = read_response(&response_of(&"x".repeat(100)), 10, &mut abort)
            .await
            .expect_err("100 bytes are over a cap of 10");
        assert_eq!(err.kind(), TransportErrorKind::BodyTooLarge);
        assert!(signal.aborted(), "the download is stopped");
    }

    #[wasm_bindgen_test]
    async fn a_streamed_body_within_the_cap_is_read_whole() {
        let mut abort = AbortOnDrop::new().expect("AbortController exists");
        let response = read_response(&response_of(r#"{"ok":true}"#), 11, &mut abort)
            .await
            .expect("11 bytes fit a cap of 11");
        assert_eq!(response.status(), http::StatusCode::OK);
        assert_eq!(response.body().as_ref(), br#"{"ok":true}"#);
        assert_eq!(
            response.headers().get(http::header::CONTENT_TYPE),
            Some(&http::HeaderValue::from_static("text/plain;charset=UTF-8"))
        );
    }
}
