//! The four token endpoints.

use super::{body, reply};
use crate::emulator::Shared;
use crate::error::ApiError;
use crate::state::{PublicToken, Registry, TokenChange};
use bytes::Bytes;
use http::Response;
use http::request::Parts;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use tokens_types::{
    CreateTokenRequest, CreateTokenResponse, FieldMask, TOKEN_UPDATABLE_PATHS, TokenInfo,
};

/// The body of a list reply, written from borrowed views of the store.
#[derive(Serialize)]
struct ListReply<'a> {
    token_infos: &'a [PublicToken<'a>],
}

/// The body of a delete, read leniently so a missing id gets its own message.
#[derive(Deserialize)]
struct DeleteBody {
    token_id: Option<String>,
}

/// The body of an update, read leniently so mask errors are `INVALID_PARAMETER_VALUE`.
#[derive(Deserialize)]
struct UpdateBody {
    token: Option<TokenInfo>,
    update_mask: Option<String>,
}

/// Which token operation a request asks for.
#[derive(Debug)]
pub(crate) enum TokenCall {
    Create,
    List,
    Delete,
    Update(String),
}

/// Serves a token endpoint: authenticate, decode, apply.
pub(crate) async fn serve(
    shared: &Arc<Shared>,
    call: TokenCall,
    parts: &Parts,
    body: &Bytes,
) -> Response<Bytes> {
    match serve_inner(shared, call, parts, body).await {
        Ok(response) => response,
        Err(error) => reply::error(&error),
    }
}

async fn serve_inner(
    shared: &Arc<Shared>,
    call: TokenCall,
    parts: &Parts,
    body: &Bytes,
) -> Result<Response<Bytes>, ApiError> {
    let credential = super::auth::bearer(&parts.headers)?;
    let caller = shared
        .registry
        .authenticate(credential)
        .ok_or_else(ApiError::invalid_token)?;
    match call {
        TokenCall::Create => {
            let request: CreateTokenRequest = body::json(body, true)?;
            let (info, secret) =
                run(shared, move |registry| registry.create(caller, &request)).await?;
            Ok(reply::ok_json(&CreateTokenResponse::new(info, secret)))
        }
        TokenCall::List => {
            let body = shared.registry.list_with(caller, |tokens| {
                if tokens.is_empty() {
                    // The service omits an empty list, as proto3 JSON does.
                    return Ok(b"{}".to_vec());
                }
                serde_json::to_vec(&ListReply {
                    token_infos: tokens,
                })
            });
            let body = body.map_err(|_| ApiError::unavailable("the reply could not be encoded"))?;
            Ok(reply::json_bytes(http::StatusCode::OK, body))
        }
        TokenCall::Delete => {
            let request: DeleteBody = body::json(body, false)?;
            let token_id = request
                .token_id
                .ok_or_else(|| ApiError::invalid_parameter("token_id is required"))?;
            run(shared, move |registry| registry.delete(caller, &token_id)).await?;
            Ok(reply::empty_ok())
        }
        TokenCall::Update(token_id) => {
            let request: UpdateBody = body::json(body, false)?;
            let change = check_update(&token_id, request)?;
            run(shared, move |registry| {
                registry.update(caller, &token_id, &change)
            })
            .await?;
            Ok(reply::empty_ok())
        }
    }
}

/// Checks an update's mask and token against each other and the path.
fn check_update(token_id: &str, request: UpdateBody) -> Result<TokenChange, ApiError> {
    let text = request
        .update_mask
        .ok_or_else(|| ApiError::invalid_parameter("update_mask is required"))?;
    let mask = FieldMask::parse(&text)
        .and_then(|mask| mask.validate_for(TOKEN_UPDATABLE_PATHS).map(|()| mask))
        .map_err(|e| ApiError::invalid_parameter(format!("update_mask: {e}")))?;
    let token = request
        .token
        .ok_or_else(|| ApiError::invalid_parameter("token is required"))?;
    if token
        .token_id
        .as_ref()
        .is_some_and(|id| id.as_str() != token_id)
    {
        return Err(ApiError::invalid_parameter(
            "token.token_id differs from the token id in the path",
        ));
    }
    Ok(TokenChange {
        mask,
        comment: token.comment,
        scopes: token.scopes,
    })
}

/// Runs a registry operation, off the async threads when it may block on the data file.
async fn run<T, F>(shared: &Arc<Shared>, operation: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Registry) -> Result<T, ApiError> + Send + 'static,
{
    if !shared.registry.is_persistent() {
        return operation(&shared.registry);
    }
    let shared = Arc::clone(shared);
    tokio::task::spawn_blocking(move || operation(&shared.registry))
        .await
        .unwrap_or_else(|_| Err(ApiError::unavailable("the operation was interrupted")))
}
