//! What SDKs call at start-up and for OAuth machine-to-machine: the discovery documents and
//! the client-credentials token endpoint.

mod basic;
mod form;

use crate::emulator::Shared;
use crate::http::reply;
use crate::state::ClientAuthError;
use bytes::Bytes;
use http::header::{AUTHORIZATION, CACHE_CONTROL, HOST, HeaderValue, WWW_AUTHENTICATE};
use http::request::Parts;
use http::{Response, StatusCode};
use serde_json::json;
use std::sync::Arc;
use tokens_types::Secret;

/// The base URL clients used to reach the emulator: from the `Host` header when it is a
/// plain host and port, else the address the emulator listens on.
fn base_url(shared: &Shared, parts: &Parts) -> String {
    let host = parts
        .headers
        .get(HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
        });
    match host {
        Some(host) => format!("http://{host}"),
        None => shared.base_url(),
    }
}

/// `GET /.well-known/databricks-config`.
pub(crate) fn databricks_config(shared: &Shared, parts: &Parts) -> Response<Bytes> {
    let base = base_url(shared, parts);
    reply::ok_json(&json!({ "oidc_endpoint": format!("{base}/oidc") }))
}

/// `GET /oidc/.well-known/oauth-authorization-server`.
pub(crate) fn metadata(shared: &Shared, parts: &Parts) -> Response<Bytes> {
    let oidc = format!("{}/oidc", base_url(shared, parts));
    reply::ok_json(&json!({
        "issuer": oidc,
        "authorization_endpoint": format!("{oidc}/v1/authorize"),
        "token_endpoint": format!("{oidc}/v1/token"),
        "grant_types_supported": ["client_credentials"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "response_types_supported": ["code"],
        "scopes_supported": ["all-apis"],
    }))
}

fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response<Bytes> {
    let body = json!({ "error": error, "error_description": description });
    let mut response = reply::json_bytes(status, serde_json::to_vec(&body).unwrap_or_default());
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if status == StatusCode::UNAUTHORIZED {
        response.headers_mut().insert(
            WWW_AUTHENTICATE,
            HeaderValue::from_static("Basic realm=\"tokens-emulator\""),
        );
    }
    response
}

/// `POST /oidc/v1/token`: the client-credentials grant, with the client's id and secret in
/// HTTP Basic auth (or, as RFC 6749 also allows, in the form body).
pub(crate) fn token(shared: &Arc<Shared>, parts: &Parts, body: &Bytes) -> Response<Bytes> {
    let Ok(form) = std::str::from_utf8(body) else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "the body is not UTF-8",
        );
    };
    match form::field(form, "grant_type").as_deref() {
        Some("client_credentials") => {}
        Some(_) => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                "only grant_type=client_credentials is supported",
            );
        }
        None => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "grant_type is required",
            );
        }
    }
    let from_header = parts
        .headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(basic::parse);
    let from_form = || {
        let id = form::field(form, "client_id")?;
        let secret = form::field(form, "client_secret")?;
        Some(vec![(id, Secret::new(secret))])
    };
    let Some(readings) = from_header.or_else(from_form) else {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "client credentials are required (HTTP Basic or client_id/client_secret)",
        );
    };
    let scope = form::field(form, "scope").unwrap_or_else(|| "all-apis".to_owned());
    let mut issued = Err(ClientAuthError::InvalidClient);
    for (client_id, client_secret) in &readings {
        issued = shared
            .registry
            .issue_access_token(client_id, client_secret.expose_secret());
        if !matches!(issued, Err(ClientAuthError::InvalidClient)) {
            break;
        }
    }
    match issued {
        Ok((access_token, lifetime)) => {
            let body = json!({
                "access_token": access_token.expose_secret(),
                "token_type": "Bearer",
                "expires_in": lifetime.as_secs(),
                "scope": scope,
            });
            let mut response = reply::ok_json(&body);
            response
                .headers_mut()
                .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(ClientAuthError::InvalidClient) => oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Client authentication failed",
        ),
        Err(ClientAuthError::Unavailable) => oauth_error(
            StatusCode::SERVICE_UNAVAILABLE,
            "temporarily_unavailable",
            "the random generator failed",
        ),
    }
}
