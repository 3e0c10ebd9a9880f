//! Typed requests and replies of the token service, and how a request becomes HTTP.

use super::Endpoint;
use super::decode::ReplyKind;
use super::endpoint::{CREATE_PATH, DELETE_PATH, LIST_PATH};
use crate::{Error, Operation, TokenUpdate};
use bytes::Bytes;
use http::header::{ACCEPT, CONTENT_TYPE, USER_AGENT};
use http::{HeaderValue, Method};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;
use tokens_types::{
    CreateTokenRequest, CreateTokenResponse, DeleteTokenRequest, DeleteTokenResponse,
    ListTokensResponse, TokenId, UpdateTokenResponse,
};

/// The header that names the workspace when one host serves several.
pub(crate) const WORKSPACE_ID_HEADER: &str = "x-databricks-workspace-id";

/// Characters of a token id sent as they are in a path segment: the unreserved set of
/// RFC 3986 without `.`, so that an id of `.` or `..` cannot become a dot-segment.
const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'~');

/// One call of the Token API, for [`TokenService`](crate::TokenService).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum TokenRequest {
    /// `POST /api/2.0/token/create`.
    Create(CreateTokenRequest),
    /// `GET /api/2.0/token/list`.
    List,
    /// `PATCH /api/2.0/token/{id}`.
    Update(TokenId, TokenUpdate),
    /// `POST /api/2.0/token/delete`.
    Delete(TokenId),
}

/// The reply of a successful [`TokenRequest`], variant for variant.
// A reply is built once and moved to its caller; boxing the large variant would only add an
// allocation to every create.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum TokenResponse {
    /// The new token's info and secret.
    Created(CreateTokenResponse),
    /// Every valid token of the caller.
    Listed(ListTokensResponse),
    /// The update was applied.
    Updated(UpdateTokenResponse),
    /// The token was deleted.
    Deleted(DeleteTokenResponse),
}

impl TokenRequest {
    /// The operation this request performs.
    pub fn operation(&self) -> Operation {
        self.reply_kind().operation()
    }

    /// The typed reply this request expects.
    pub(crate) fn reply_kind(&self) -> ReplyKind {
        match self {
            TokenRequest::Create(_) => ReplyKind::Created,
            TokenRequest::List => ReplyKind::Listed,
            TokenRequest::Update(..) => ReplyKind::Updated,
            TokenRequest::Delete(_) => ReplyKind::Deleted,
        }
    }

    /// The HTTP request for `endpoint`, exactly as spec §1 describes it, with the
    /// [`Operation`] in its extensions.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidRequest`](crate::ErrorKind::InvalidRequest) for an empty token id
    /// or an update that fails [`TokenUpdate::field_mask`]; nothing is sent then.
    pub fn to_http(&self, endpoint: &Endpoint) -> Result<http::Request<Bytes>, Error> {
        let operation = self.operation();
        let segment;
        let (method, path, body) = match self {
            TokenRequest::Create(create) => (Method::POST, CREATE_PATH, Some(json(create)?)),
            TokenRequest::List => (Method::GET, LIST_PATH, None),
            TokenRequest::Update(id, update) => {
                let body = json(&update.to_request()?)?;
                let id = utf8_percent_encode(checked_id(id)?, PATH_SEGMENT);
                segment = format!("/api/2.0/token/{id}");
                (Method::PATCH, segment.as_str(), Some(body))
            }
            TokenRequest::Delete(id) => {
                let body = delete_body(checked_id(id)?)?;
                (Method::POST, DELETE_PATH, Some(body))
            }
        };
        let uri = endpoint.uri(path).map_err(|err| {
            Error::invalid_request(format!("could not build the {operation} request: {err}"))
                .with_operation(operation)
        })?;

        // Set part by part: `http::request::Builder` moves the whole request through a
        // `Result` at every step, which costs more than everything else here together.
        let has_body = body.is_some();
        let mut request = http::Request::new(body.unwrap_or_default());
        *request.method_mut() = method;
        *request.uri_mut() = uri;
        let headers = request.headers_mut();
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        headers.insert(USER_AGENT, endpoint.user_agent_header().clone());
        if has_body {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        }
        if let Some(workspace_id) = endpoint.workspace_id() {
            headers.insert(WORKSPACE_ID_HEADER, workspace_id.clone());
        }
        request.extensions_mut().insert(operation);
        Ok(request)
    }
}

/// The id, refused when empty.
fn checked_id(id: &TokenId) -> Result<&str, Error> {
    if id.as_str().trim().is_empty() {
        return Err(Error::invalid_request("token id is empty"));
    }
    Ok(id.as_str())
}

/// The body of a delete, `{"token_id":"…"}`, byte for byte as `serde_json` writes a
/// [`DeleteTokenRequest`].
///
/// `serde_json` escapes only control characters, `"` and `\` in a string; an id without
/// them (every id the service makes) is copied as it is, into a buffer of the exact size,
/// which `Bytes` then takes without another allocation. Any other id goes through
/// `serde_json`.
fn delete_body(id: &str) -> Result<Bytes, Error> {
    const OPEN: &[u8] = br#"{"token_id":""#;
    const CLOSE: &[u8] = br#""}"#;
    if id
        .bytes()
        .all(|byte| byte >= 0x20 && byte != b'"' && byte != b'\\')
    {
        let mut body = Vec::with_capacity(OPEN.len() + id.len() + CLOSE.len());
        body.extend_from_slice(OPEN);
        body.extend_from_slice(id.as_bytes());
        body.extend_from_slice(CLOSE);
        return Ok(Bytes::from(body));
    }
    json(&DeleteTokenRequest::new(id))
}

/// A request body as JSON bytes.
fn json(value: &impl Serialize) -> Result<Bytes, Error> {
    serde_json::to_vec(value)
        .map(Bytes::from)
        .map_err(|_| Error::invalid_request("the request body could not be written as JSON"))
}

#[cfg(test)]
mod tests {
    use super::{DeleteTokenRequest, delete_body};

    #[test]
    fn a_delete_body_is_what_serde_json_writes_for_any_id() {
        let ids = [
            "5684c95548f1d0e9a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70819",
            "ab12",
            " spaced / slashed ",
            "quote\" and backslash \\",
            "control\u{1}\n\t\u{1f}",
            "del\u{7f} and non-ascii é ✓",
        ];
        for id in ids {
            let expected = serde_json::to_vec(&DeleteTokenRequest::new(id))
                .unwrap_or_else(|err| panic!("serde_json writes a delete request: {err}"));
            let body = delete_body(id)
                .unwrap_or_else(|err| panic!("a delete body is written for {id:?}: {err}"));
            assert_eq!(body.as_ref(), expected.as_slice(), "id {id:?}");
        }
    }
}
