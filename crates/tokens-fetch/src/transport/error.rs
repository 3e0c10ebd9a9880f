//! Classifying what `fetch` and the body stream reject with.

use tokens_core::{SendState, TransportError, TransportErrorKind};
use wasm_bindgen::{JsCast, JsValue};

/// The longest piece of a JavaScript error message copied into a `TransportError`.
const MAX_JS_MESSAGE_CHARS: usize = 200;

/// Classifies a rejection of the `fetch` promise (no response headers arrived).
///
/// Browsers reject every network failure, CORS refusals included, with a bare `TypeError`,
/// so nothing tells whether the request left: it may have been sent. Node adds a `cause` with
/// a system error code, and the codes that prove nothing was written are reported as
/// `NotSent`.
pub(super) fn fetch_rejected(rejection: &JsValue) -> TransportError {
    let summary = summary(rejection);

    // This transport aborts only when its future is dropped (no one sees the result) or the
    // body is over the cap (reported as such), so an AbortError here came from the host,
    // for example a page being unloaded, at an unknown point of the exchange.
    if error_name(rejection).as_deref() == Some("AbortError") {
        return TransportError::new(TransportErrorKind::Other, SendState::MaybeSent)
            .with_message(format!("{summary}: the host aborted the request"));
    }

    if let Some(code) = node_cause_code(rejection) {
        let (kind, state) = match code.as_str() {
            "ECONNREFUSED" | "UND_ERR_CONNECT_TIMEOUT" => {
                (TransportErrorKind::Connect, SendState::NotSent)
            }
            "ENOTFOUND" | "EAI_AGAIN" => (TransportErrorKind::Dns, SendState::NotSent),
            _ => (TransportErrorKind::Io, SendState::MaybeSent),
        };
        return TransportError::new(kind, state).with_message(format!("{summary} ({code})"));
    }

    TransportError::new(TransportErrorKind::Io, SendState::MaybeSent).with_message(format!(
        "{summary}: a network failure, or the server did not allow this origin (CORS: no or \
         wrong Access-Control-Allow-Origin); the browser does not say which"
    ))
}

/// Classifies a failure while the response body streams in: the server has answered, so
/// the request was certainly sent.
pub(super) fn body_failed(rejection: &JsValue) -> TransportError {
    TransportError::new(TransportErrorKind::Io, SendState::MaybeSent).with_message(format!(
        "the response body failed while streaming: {}",
        summary(rejection)
    ))
}

/// `Name: message` of a JavaScript error, shortened; never a header or a body.
fn summary(value: &JsValue) -> String {
    let Some(error) = value.dyn_ref::<js_sys::Error>() else {
        return "fetch failed with a non-Error value".to_owned();
    };
    let name = String::from(error.name());
    let message: String = String::from(error.message())
        .chars()
        .take(MAX_JS_MESSAGE_CHARS)
        .collect();
    if message.is_empty() {
        name
    } else {
        format!("{name}: {message}")
    }
}

fn error_name(value: &JsValue) -> Option<String> {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.name()))
}

/// `error.cause.code` as Node's fetch (undici) sets it, for example `ECONNREFUSED`.
fn node_cause_code(value: &JsValue) -> Option<String> {
    let error = value.dyn_ref::<js_sys::Error>()?;
    let cause = error.cause();
    if !cause.is_object() {
        return None;
    }
    let code = js_sys::Reflect::get(&cause, &JsValue::from_str("code")).ok()?;
    code.as_string().filter(|code| {
        code.len() <= 40 && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    })
}

#[cfg(test)]
mod tests {
    use super::fetch_rejected;
    use tokens_core::{SendState, TransportErrorKind};
    use wasm_bindgen::JsValue;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_bare_type_error_may_have_been_sent_and_mentions_cors() {
        let rejection = js_sys::TypeError::new("Failed to fetch");
        let err = fetch_rejected(&rejection.into());
        assert_eq!(err.kind(), TransportErrorKind::Io);
        assert_eq!(err.send_state(), SendState::MaybeSent);
        let text = err.to_string();
        assert!(text.contains("TypeError: Failed to fetch"), "{text}");
        assert!(text.contains("CORS"), "{text}");
    }

    #[wasm_bindgen_test]
    fn a_node_refused_connection_was_not_sent() {
        let cause = js_sys::Error::new("connect ECONNREFUSED 127.0.0.1:9");
        js_sys::Reflect::set(&cause, &"code".into(), &"ECONNREFUSED".into()).expect("set code");
        let rejection = js_sys::TypeError::new("fetch failed");
        rejection.set_cause(&cause);
        let err = fetch_rejected(&rejection.into());
        assert_eq!(err.kind(), TransportErrorKind::Connect);
        assert_eq!(err.send_state(), SendState::NotSent);
    }

    #[wasm_bindgen_test]
    fn a_node_reset_may_have_been_sent() {
        let cause = js_sys::Error::new("socket hang up");
        js_sys::Reflect::set(&cause, &"code".into(), &"ECONNRESET".into()).expect("set code");
        let rejection = js_sys::TypeError::new("fetch failed");
        rejection.set_cause(&cause);
        let err = fetch_rejected(&rejection.into());
        assert_eq!(err.kind(), TransportErrorKind::Io);
        assert_eq!(err.send_state(), SendState::MaybeSent);
    }

    #[wasm_bindgen_test]
    fn an_abort_by_the_host_is_not_blamed_on_cors() {
        let rejection = js_sys::Error::new("The user aborted a request.");
        rejection.set_name("AbortError");
        let err = fetch_rejected(&rejection.into());
        assert_eq!(err.kind(), TransportErrorKind::Other);
        assert_eq!(err.send_state(), SendState::MaybeSent);
        assert!(!err.to_string().contains("CORS"), "{err}");
    }

    #[wasm_bindgen_test]
    fn a_thrown_string_is_still_classified() {
        let err = fetch_rejected(&JsValue::from_str("odd"));
        assert_eq!(err.send_state(), SendState::MaybeSent);
    }
}
