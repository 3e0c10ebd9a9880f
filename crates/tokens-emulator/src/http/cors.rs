//! CORS for browser clients: off unless origins are configured.

use bytes::Bytes;
use http::header::{
    ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_MAX_AGE, ACCESS_CONTROL_REQUEST_METHOD,
    HeaderMap, HeaderValue, ORIGIN, VARY,
};
use http::{Method, Response, StatusCode};

/// Which origins may call the emulator from a browser.
#[derive(Debug, Clone, Default)]
pub(crate) struct CorsPolicy {
    any: bool,
    origins: Vec<String>,
}

impl CorsPolicy {
    /// A policy allowing `origins`; `*` among them allows every origin.
    pub(crate) fn new(origins: &[String]) -> Self {
        CorsPolicy {
            any: origins.iter().any(|o| o == "*"),
            origins: origins
                .iter()
                .filter(|o| *o != "*")
                .map(|o| o.trim_end_matches('/').to_owned())
                .collect(),
        }
    }

    /// Whether CORS is on at all.
    pub(crate) fn enabled(&self) -> bool {
        self.any || !self.origins.is_empty()
    }

    /// The `Access-Control-Allow-Origin` value for a request from `origin`, if allowed.
    fn allow_origin(&self, origin: &HeaderValue) -> Option<HeaderValue> {
        if self.any {
            return Some(HeaderValue::from_static("*"));
        }
        let text = origin.to_str().ok()?;
        self.origins
            .iter()
            .any(|allowed| allowed == text)
            .then(|| origin.clone())
    }

    /// Whether a request is a CORS preflight.
    pub(crate) fn is_preflight(method: &Method, headers: &HeaderMap) -> bool {
        method == Method::OPTIONS
            && headers.contains_key(ORIGIN)
            && headers.contains_key(ACCESS_CONTROL_REQUEST_METHOD)
    }

    /// Adds the CORS headers to a reply for a request from `origin`.
    pub(crate) fn decorate(&self, origin: Option<&HeaderValue>, response: &mut Response<Bytes>) {
        if !self.enabled() {
            return;
        }
        let headers = response.headers_mut();
        headers.insert(VARY, HeaderValue::from_static("Origin"));
        if let Some(allowed) = origin.and_then(|o| self.allow_origin(o)) {
            headers.insert(ACCESS_CONTROL_ALLOW_ORIGIN, allowed);
            headers.insert(
                ACCESS_CONTROL_EXPOSE_HEADERS,
                HeaderValue::from_static("Retry-After"),
            );
        }
    }

    /// The reply to a preflight from `origin`: 204 with the allowed methods and headers, or a
    /// 403 when the origin is not allowed.
    pub(crate) fn preflight(&self, origin: Option<&HeaderValue>) -> Response<Bytes> {
        if origin.and_then(|o| self.allow_origin(o)).is_none() {
            return super::reply::error(&crate::error::ApiError::permission_denied(
                "This origin is not allowed by the emulator's CORS settings",
            ));
        }
        let mut response = Response::new(Bytes::new());
        *response.status_mut() = StatusCode::NO_CONTENT;
        let headers = response.headers_mut();
        headers.insert(
            ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("GET, POST, PATCH, DELETE, OPTIONS"),
        );
        headers.insert(
            ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static("Authorization, Content-Type, X-Databricks-Workspace-Id"),
        );
        headers.insert(ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
        response
    }
}
