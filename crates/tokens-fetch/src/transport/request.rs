//! Turning an `http::Request<Bytes>` into the arguments of `fetch(url, init)`.

use bytes::Bytes;
use http::Method;
use tokens_core::{SendState, TransportError, TransportErrorKind};
use web_sys::{
    AbortSignal, Headers, RequestCache, RequestCredentials, RequestInit, RequestRedirect,
};

/// The URL and options of one `fetch` call.
#[derive(Debug)]
pub(super) struct FetchArgs {
    pub(super) url: String,
    pub(super) init: RequestInit,
}

/// Builds the `fetch` arguments, refusing what `fetch` would reject or what a browser would
/// silently change.
pub(super) fn fetch_args(
    request: &http::Request<Bytes>,
    signal: &AbortSignal,
) -> Result<FetchArgs, TransportError> {
    let url = absolute_url(request.uri())?;
    let headers = fetch_headers(request.headers())?;

    let init = RequestInit::new();
    init.set_method(request.method().as_str());
    init.set_headers(&headers);
    init.set_credentials(RequestCredentials::Omit);
    init.set_cache(RequestCache::NoStore);
    init.set_redirect(RequestRedirect::Manual);
    init.set_signal(Some(signal));

    let body = request.body();
    if !body.is_empty() {
        if matches!(*request.method(), Method::GET | Method::HEAD) {
            return Err(invalid("a GET or HEAD request cannot carry a body"));
        }
        init.set_body(&js_sys::Uint8Array::from(body.as_ref()));
    }

    Ok(FetchArgs { url, init })
}

/// `fetch` needs an absolute http(s) URL; a relative one would resolve against the page.
fn absolute_url(uri: &http::Uri) -> Result<String, TransportError> {
    let scheme = uri.scheme_str();
    if !matches!(scheme, Some("http" | "https")) || uri.authority().is_none() {
        return Err(invalid(
            "the request URL must be absolute with an http or https scheme",
        ));
    }
    Ok(uri.to_string())
}

fn fetch_headers(source: &http::HeaderMap) -> Result<Headers, TransportError> {
    let headers =
        Headers::new().map_err(|_| invalid("this JavaScript host has no Headers class"))?;

    for (name, value) in source {
        if is_dropped_header(name.as_str()) {
            continue;
        }
        // The message names the header but never shows its value, which may be a secret.
        let value = value.to_str().map_err(|_| {
            invalid(format!(
                "header `{name}` has a value that is not visible ASCII"
            ))
        })?;
        headers
            .append(name.as_str(), value)
            .map_err(|_| invalid(format!("fetch refused header `{name}`")))?;
    }

    Ok(headers)
}

/// Headers a browser does not let a script set (the Fetch standard's forbidden request
/// headers), plus `user-agent`, which Chromium ignores and other browsers would add to the
/// CORS preflight. Names from `http::HeaderMap` are already lowercase.
fn is_dropped_header(name: &str) -> bool {
    const DROPPED: &[&str] = &[
        "accept-charset",
        "accept-encoding",
        "access-control-request-headers",
        "access-control-request-method",
        "connection",
        "content-length",
        "cookie",
        "cookie2",
        "date",
        "dnt",
        "expect",
        "host",
        "keep-alive",
        "origin",
        "referer",
        "set-cookie",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "user-agent",
        "via",
    ];
    DROPPED.contains(&name) || name.starts_with("proxy-") || name.starts_with("sec-")
}

fn invalid(message: impl Into<String>) -> TransportError {
    TransportError::new(TransportErrorKind::InvalidRequest, SendState::NotSent)
        .with_message(message)
}

#[cfg(test)]
mod tests {
    use super::{absolute_url, is_dropped_header};
    use tokens_core::{SendState, TransportErrorKind};
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn relative_urls_are_refused_before_sending() {
        let uri: http::Uri = "/api/2.0/token/list".parse().expect("valid uri");
        let err = absolute_url(&uri).expect_err("relative URL refused");
        assert_eq!(err.kind(), TransportErrorKind::InvalidRequest);
        assert_eq!(err.send_state(), SendState::NotSent);
    }

    #[wasm_bindgen_test]
    fn absolute_http_urls_are_kept_as_written() {
        let uri: http::Uri = "http://127.0.0.1:8080/api/2.0/token/abc%2F"
            .parse()
            .expect("valid uri");
        assert_eq!(
            absolute_url(&uri).expect("accepted"),
            "http://127.0.0.1:8080/api/2.0/token/abc%2F"
        );
    }

    #[wasm_bindgen_test]
    fn forbidden_and_user_agent_headers_are_dropped() {
        for name in [
            "host",
            "user-agent",
            "content-length",
            "sec-fetch-mode",
            "proxy-x",
        ] {
            assert!(is_dropped_header(name), "{name}");
        }
        for name in [
            "authorization",
            "content-type",
            "accept",
            "x-databricks-workspace-id",
        ] {
            assert!(!is_dropped_header(name), "{name}");
        }
    }
}
