//! The typed front: one `async fn` per operation of the Token API.

mod update;

pub use update::TokenUpdate;

use crate::{Clock, Endpoint, Error, TokenRequest, TokenResponse, TokenService};
use std::sync::Arc;
use tokens_types::{
    CreateTokenRequest, CreateTokenResponse, ListTokensResponse, TokenId, TokenInfo,
};
use tower::{Service, ServiceExt};

/// A client of the Databricks Token API.
///
/// It is a thin front over a typed service `S` (a [`TokenService`], with or without
/// middleware around it): each method sends one [`TokenRequest`] through a clone of `S`.
/// Build one over any HTTP service with [`Client::new`], around a typed stack with
/// [`Client::from_service`], or with the [`ClientBuilder`](crate::ClientBuilder) that
/// assembles auth, retry, rate limit and timeout.
///
/// ```
/// use std::sync::Arc;
/// use tokens_core::{Client, Endpoint, ManualClock, TokenUpdate};
/// use tokens_core::types::{CreateTokenRequest, Timestamp, TokenId};
///
/// // A transport that answers every request with `{}`; a real one comes from tokens-hyper
/// // or tokens-fetch.
/// let http = tower::service_fn(|_request: http::Request<bytes::Bytes>| async {
///     Ok::<_, tokens_core::Error>(http::Response::new(bytes::Bytes::from_static(b"{}")))
/// });
/// let clock = Arc::new(ManualClock::new(Timestamp::UNIX_EPOCH));
/// let client = Client::new(http, Endpoint::new("adb-1.azuredatabricks.net")?, clock);
///
/// # let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
/// # runtime.block_on(async {
/// let tokens = client.list().await?;
/// assert!(tokens.is_empty());
/// client.update(&TokenId::new("ab12"), TokenUpdate::new().with_comment("ci")).await?;
/// client.delete(&TokenId::new("ab12")).await?;
/// # Ok::<(), tokens_core::Error>(())
/// # })?;
/// # Ok::<(), tokens_core::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Client<S> {
    service: S,
}

impl<H> Client<TokenService<H>> {
    /// A client that sends through the HTTP service `http` (a transport, or a transport
    /// with layers) to `endpoint`.
    pub fn new(http: H, endpoint: Endpoint, clock: Arc<dyn Clock>) -> Self {
        Client::from_service(TokenService::new(http, endpoint, clock))
    }
}

impl<S> Client<S> {
    /// A client over a typed service: a [`TokenService`] wrapped in the caller's middleware.
    pub fn from_service(service: S) -> Self {
        Client { service }
    }

    /// The typed service below.
    pub fn service(&self) -> &S {
        &self.service
    }

    /// Consumes the client, returning the typed service below.
    pub fn into_service(self) -> S {
        self.service
    }
}

impl<S> Client<S>
where
    S: Service<TokenRequest, Response = TokenResponse> + Clone,
    S::Error: Into<Error>,
{
    /// Creates a token. The reply holds its secret, shown only this once.
    ///
    /// A create is never sent again once the server may have seen it: if it fails after
    /// that point, the error says [`is_outcome_unknown`](Error::is_outcome_unknown) and a
    /// token may exist; list the tokens before creating another.
    ///
    /// # Errors
    ///
    /// Any [`Error`]; a full quota is [`Error::is_quota_exceeded`].
    pub async fn create(&self, request: CreateTokenRequest) -> Result<CreateTokenResponse, Error> {
        match self.call(TokenRequest::Create(request)).await? {
            TokenResponse::Created(created) => Ok(created),
            other => Err(mismatch("create", &other)),
        }
    }

    /// Lists every valid token of the caller (the API has no pages).
    ///
    /// # Errors
    ///
    /// Any [`Error`].
    pub async fn list(&self) -> Result<Vec<TokenInfo>, Error> {
        Ok(self.list_response().await?.token_infos)
    }

    /// Lists every valid token of the caller, returning the whole reply: besides the tokens,
    /// any top-level field the service added that this version does not know, so that the
    /// reply can be passed on unchanged (as `tokens list -o json` does).
    ///
    /// # Errors
    ///
    /// Any [`Error`].
    pub async fn list_response(&self) -> Result<ListTokensResponse, Error> {
        match self.call(TokenRequest::List).await? {
            TokenResponse::Listed(listed) => Ok(listed),
            other => Err(mismatch("list", &other)),
        }
    }

    /// Changes the comment and/or scopes of token `id`. The field mask is derived from what
    /// `update` sets unless it gives one, and checked before anything is sent.
    ///
    /// # Errors
    ///
    /// [`InvalidRequest`](crate::ErrorKind::InvalidRequest) for an empty update, a bad mask
    /// or an empty id; [`Error::is_not_found`] for an unknown or expired token; any other
    /// [`Error`].
    pub async fn update(&self, id: &TokenId, update: TokenUpdate) -> Result<(), Error> {
        match self.call(TokenRequest::Update(id.clone(), update)).await? {
            TokenResponse::Updated(_) => Ok(()),
            other => Err(mismatch("update", &other)),
        }
    }

    /// Deletes (revokes) token `id`.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`] for an unknown or expired token (with the default retry
    /// layer, a delete retried after a lost reply that then finds the token gone succeeds);
    /// any other [`Error`].
    pub async fn delete(&self, id: &TokenId) -> Result<(), Error> {
        match self.call(TokenRequest::Delete(id.clone())).await? {
            TokenResponse::Deleted(_) => Ok(()),
            other => Err(mismatch("delete", &other)),
        }
    }

    /// Sends one typed request through a clone of the service.
    ///
    /// # Errors
    ///
    /// Whatever the service returns, converted into [`Error`].
    pub async fn call(&self, request: TokenRequest) -> Result<TokenResponse, Error> {
        self.service
            .clone()
            .oneshot(request)
            .await
            .map_err(Into::into)
    }
}

/// The error for a typed middleware that answered with the wrong variant.
fn mismatch(expected: &str, got: &TokenResponse) -> Error {
    let got = match got {
        TokenResponse::Created(_) => "create",
        TokenResponse::Listed(_) => "list",
        TokenResponse::Updated(_) => "update",
        TokenResponse::Deleted(_) => "delete",
    };
    Error::decode(format!(
        "the typed service answered a {expected} call with a {got} reply"
    ))
}
