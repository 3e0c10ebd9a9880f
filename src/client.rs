//! [`Client`]: the default stack over the hyper transport, ready to use.

use crate::ClientBuilder;
use std::fmt;
use tokens_core::{DefaultClient, Error, TokenRequest, TokenResponse, TokenUpdate};
use tokens_hyper::HyperTransport;
use tokens_types::{
    CreateTokenRequest, CreateTokenResponse, ListTokensResponse, TokenId, TokenInfo,
};

/// The typed client below a [`Client`]: the default stack over [`HyperTransport`].
pub type HyperClient = DefaultClient<HyperTransport>;

/// A client of the Databricks Token API over HTTPS: auth, retries, rate limit and timeouts
/// included.
///
/// Make one with [`Client::from_env`] (the environment and `~/.databrickscfg`, as the
/// official SDKs read them) or [`Client::builder`] (explicit values).
///
/// ```no_run
/// use databricks_tokens::Client;
/// use databricks_tokens::types::CreateTokenRequest;
///
/// # async fn run() -> Result<(), databricks_tokens::Error> {
/// let client = Client::from_env()?;
/// let created = client
///     .create(CreateTokenRequest::new().with_comment("ci").with_lifetime_seconds(3600))
///     .await?;
/// println!("created {:?}", created.token_info.and_then(|info| info.token_id));
/// # Ok(())
/// # }
/// ```
///
/// A call travels through Retry (one deadline for the whole call, spec §3 rules), RateLimit
/// (shared by every clone; a 429 pauses all of them), Timeout (per attempt) and Auth (the
/// bearer credential, refreshed ahead of expiry for OAuth) to [`HyperTransport`].
///
/// # Clone
///
/// Cloning is cheap, and clones share the connection pool, the rate limiter, the retry
/// budget and the OAuth token cache: clone one client per task rather than building many.
#[derive(Clone)]
pub struct Client {
    inner: HyperClient,
}

impl Client {
    /// A builder for a client from explicit values (no environment, no config file).
    pub fn builder() -> ClientBuilder {
        ClientBuilder::new()
    }

    /// A client configured as spec §4 says: `DATABRICKS_HOST`, `DATABRICKS_TOKEN`,
    /// `DATABRICKS_CLIENT_ID`/`DATABRICKS_CLIENT_SECRET`, `DATABRICKS_CONFIG_PROFILE`, ...
    /// then a profile of `~/.databrickscfg` (or `DATABRICKS_CONFIG_FILE`). Proxies come from
    /// `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Config`](crate::ErrorKind::Config) when no host or no credential is
    /// configured, when a value is invalid (the message names the variable or profile it
    /// came from), or when a proxy variable is not an `http://` address.
    pub fn from_env() -> Result<Client, Error> {
        ClientBuilder::from_env().build()
    }

    pub(crate) fn from_inner(inner: HyperClient) -> Client {
        Client { inner }
    }

    /// Creates a token. The reply holds its secret, shown only this once.
    ///
    /// A create is never sent again once the server may have seen it: if it fails after
    /// that point, [`Error::is_outcome_unknown`] is true and a token may exist; list the
    /// tokens before creating another.
    ///
    /// # Errors
    ///
    /// Any [`Error`]; a full quota is [`Error::is_quota_exceeded`].
    pub async fn create(&self, request: CreateTokenRequest) -> Result<CreateTokenResponse, Error> {
        self.inner.create(request).await
    }

    /// Lists every valid token of the caller (the API has no pages).
    ///
    /// # Errors
    ///
    /// Any [`Error`].
    pub async fn list(&self) -> Result<Vec<TokenInfo>, Error> {
        self.inner.list().await
    }

    /// Lists every valid token of the caller, returning the whole reply: besides the tokens,
    /// any top-level field the service added that this version does not know.
    ///
    /// # Errors
    ///
    /// Any [`Error`].
    pub async fn list_response(&self) -> Result<ListTokensResponse, Error> {
        self.inner.list_response().await
    }

    /// Changes the comment and/or scopes of token `id`. The field mask is derived from what
    /// `update` sets unless it gives one, and checked before anything is sent.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidRequest`](crate::ErrorKind::InvalidRequest) for an empty update
    /// or a bad mask (nothing is sent); [`Error::is_not_found`] for an unknown or expired
    /// token; any other [`Error`].
    pub async fn update(&self, id: &TokenId, update: TokenUpdate) -> Result<(), Error> {
        self.inner.update(id, update).await
    }

    /// Deletes (revokes) token `id`. A delete retried after a lost reply that then finds the
    /// token gone succeeds.
    ///
    /// # Errors
    ///
    /// [`Error::is_not_found`] for an unknown or expired token; any other [`Error`].
    pub async fn delete(&self, id: &TokenId) -> Result<(), Error> {
        self.inner.delete(id).await
    }

    /// Sends one typed request, for code that handles every operation alike.
    ///
    /// # Errors
    ///
    /// Any [`Error`].
    pub async fn call(&self, request: TokenRequest) -> Result<TokenResponse, Error> {
        self.inner.call(request).await
    }

    /// The typed client below, whose service is a tower stack.
    pub fn as_service_client(&self) -> &HyperClient {
        &self.inner
    }

    /// Consumes the client, returning the typed client below.
    pub fn into_service_client(self) -> HyperClient {
        self.inner
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The stack's own Debug is long; the credential is never in it either way.
        f.debug_struct("Client").finish_non_exhaustive()
    }
}
