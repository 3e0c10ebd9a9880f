//! The two requests of the M2M flow: endpoint discovery and the client-credentials grant.

use super::OAuthM2m;
use super::basic::basic_authorization;
use super::erased::HttpCall;
use super::resend::{self, Patience};
use crate::auth::transport_security;
use crate::{Error, Operation};
use bytes::Bytes;
use http::{HeaderValue, Method, Request, Response, Uri, header};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Deserialize;
use std::time::Duration;
use tokens_types::{ErrorBody, Secret};

/// What a form value escapes: everything but letters, digits and `-._~`.
const FORM_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A token as the token endpoint gave it.
pub(super) struct Granted {
    pub(super) access_token: Secret,
    pub(super) lifetime: Duration,
}

#[derive(Deserialize)]
struct Discovery {
    token_endpoint: Option<String>,
}

#[derive(Deserialize)]
struct TokenReply {
    access_token: Option<Secret>,
    token_type: Option<String>,
    expires_in: Option<serde_json::Value>,
}

/// Finds the token endpoint from the workspace's authorization-server metadata.
pub(super) async fn discover(
    service: &mut dyn HttpCall,
    patience: &mut Patience<'_>,
    config: &OAuthM2m,
    allow_insecure: bool,
) -> Result<String, Error> {
    let url = config.discovery_url();
    let build = || {
        let mut request = Request::builder()
            .method(Method::GET)
            .uri(&url)
            .header(header::ACCEPT, "application/json")
            .body(Bytes::new())
            .map_err(|_| Error::auth(format!("the OAuth discovery URL {url} is invalid")))?;
        request.extensions_mut().insert(Operation::OAUTH_DISCOVERY);
        Ok(request)
    };

    let response = resend::send(service, patience, "discovery", &build).await?;
    if !response.status().is_success() {
        return Err(Error::auth(format!(
            "OAuth endpoint discovery at {url} failed with status {}",
            response.status().as_u16()
        )));
    }
    let discovery: Discovery = serde_json::from_slice(response.body()).map_err(|_| {
        Error::auth(format!(
            "OAuth endpoint discovery at {url} did not return JSON metadata"
        ))
    })?;
    let endpoint = discovery
        .token_endpoint
        .ok_or_else(|| Error::auth(format!("OAuth metadata at {url} names no token_endpoint")))?;
    let uri = parse_endpoint(&endpoint)?;
    transport_security::check(&uri, allow_insecure)?;
    Ok(endpoint)
}

/// Asks `endpoint` for a token with the client-credentials grant.
pub(super) async fn request_token(
    service: &mut dyn HttpCall,
    patience: &mut Patience<'_>,
    config: &OAuthM2m,
    endpoint: &str,
    allow_insecure: bool,
) -> Result<Granted, Error> {
    let uri = parse_endpoint(endpoint)?;
    transport_security::check(&uri, allow_insecure)?;

    let scope = utf8_percent_encode(&config.scope, FORM_VALUE);
    let form = Bytes::from(format!("grant_type=client_credentials&scope={scope}"));
    let basic = basic_authorization(&config.client_id, &config.client_secret);
    let mut authorization = HeaderValue::from_str(basic.expose_secret())
        .map_err(|_| Error::auth("the OAuth client id holds characters not allowed in a header"))?;
    authorization.set_sensitive(true);

    let build = || {
        let mut request = Request::builder()
            .method(Method::POST)
            .uri(uri.clone())
            .header(header::ACCEPT, "application/json")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(form.clone())
            .map_err(|_| Error::auth(format!("the OAuth token endpoint {endpoint} is invalid")))?;
        request
            .headers_mut()
            .insert(header::AUTHORIZATION, authorization.clone());
        request.extensions_mut().insert(Operation::OAUTH_TOKEN);
        Ok(request)
    };

    let response = resend::send(service, patience, "token", &build).await?;
    if !response.status().is_success() {
        return Err(token_error(endpoint, &response));
    }
    read_grant(endpoint, response.body())
}

fn parse_endpoint(endpoint: &str) -> Result<Uri, Error> {
    let uri: Uri = endpoint.parse().map_err(|_| {
        Error::auth(format!(
            "the OAuth token endpoint `{endpoint}` is not a URL"
        ))
    })?;
    if uri.scheme().is_none() || uri.host().is_none() {
        return Err(Error::auth(format!(
            "the OAuth token endpoint `{endpoint}` is not an absolute URL"
        )));
    }
    Ok(uri)
}

/// The error for a refused token request: the status and what the reply says (for an
/// OAuth reply, RFC 6749 §5.2's `error: error_description`), read by the same parser as API
/// errors, so the text is bounded in length and credential-shaped secrets in it are redacted.
fn token_error(endpoint: &str, response: &Response<Bytes>) -> Error {
    let status = response.status().as_u16();
    let reply = ErrorBody::parse(status, response.body());
    let mut message = format!(
        "OAuth token request to {endpoint} failed with status {status}: {}",
        reply.message
    );
    if status == 401 || status == 400 {
        message.push_str("; check the client id and secret");
    }
    Error::auth(message)
}

fn read_grant(endpoint: &str, body: &[u8]) -> Result<Granted, Error> {
    let reply: TokenReply = serde_json::from_slice(body).map_err(|_| {
        Error::auth(format!(
            "the OAuth token reply from {endpoint} is not the expected JSON"
        ))
    })?;
    let access_token = reply
        .access_token
        .filter(|token| !token.is_empty())
        .ok_or_else(|| {
            Error::auth(format!(
                "the OAuth token reply from {endpoint} has no access_token"
            ))
        })?;
    if let Some(kind) = reply.token_type
        && !kind.eq_ignore_ascii_case("bearer")
    {
        return Err(Error::auth(format!(
            "the OAuth token reply from {endpoint} has token_type `{kind}`, not Bearer"
        )));
    }
    let seconds = match reply.expires_in {
        Some(serde_json::Value::Number(n)) => n.as_u64(),
        Some(serde_json::Value::String(s)) => s.trim().parse::<u64>().ok(),
        _ => None,
    }
    .ok_or_else(|| {
        Error::auth(format!(
            "the OAuth token reply from {endpoint} has no valid expires_in"
        ))
    })?;
    Ok(Granted {
        access_token,
        lifetime: Duration::from_secs(seconds),
    })
}
