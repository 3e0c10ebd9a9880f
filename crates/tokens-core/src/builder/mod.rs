//! `ClientBuilder`: the default stack over any transport, in the documented order.
//!
//! ```text
//! Client -> TokenService -> [your HTTP layer] -> Retry -> RateLimit -> Timeout -> Auth -> transport
//! ```
//!
//! - Retry is outermost among the HTTP layers, so its one deadline covers every attempt,
//!   every wait for the rate limiter and every per-attempt timeout.
//! - RateLimit sits below Retry, so each attempt (not each call) takes a slot, and a 429
//!   pauses every clone before the retry waits.
//! - Timeout bounds one attempt, the credential lookup included.
//! - Auth is innermost, so each attempt gets a fresh token if the old one expired during
//!   the waits, and the Authorization header exists only below every layer that logs.

use crate::auth::{Auth, AuthLayer, OAuthM2m, TokenSource};
use crate::rate_limit::{Rate, RateLimit, RateLimitLayer, RateLimiter};
use crate::retry::{Retry, RetryBudget, RetryLayer, RetryPolicy};
use crate::timeout::{Timeout, TimeoutLayer};
use crate::{Client, Clock, Config, Credentials, Endpoint, Error, TokenService, UserAgent};
use std::fmt;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;
use tower::Layer;
use tower::layer::util::Identity;

/// The default HTTP stack over a transport `T`: Retry, RateLimit, Timeout, Auth.
pub type HttpStack<T> = Retry<RateLimit<Timeout<Auth<T>>>>;

/// The client [`ClientBuilder::build`] makes over a transport `T`.
pub type DefaultClient<T> = Client<TokenService<HttpStack<T>>>;

/// Assembles a [`Client`] with auth, retry, rate limit and timeout over any transport.
///
/// ```
/// use std::sync::Arc;
/// use std::time::Duration;
/// use tokens_core::{ClientBuilder, Config, ManualClock};
/// use tokens_core::types::Timestamp;
///
/// let config = Config::builder()
///     .host("adb-1.azuredatabricks.net")
///     .token("dapi0123456789abcdef0123456789abcdef")
///     .build()?;
/// let clock = Arc::new(ManualClock::auto_advancing(Timestamp::UNIX_EPOCH));
///
/// // A transport that answers every request with `{}`; tokens-hyper or tokens-fetch in real use.
/// let transport = tower::service_fn(|_request: http::Request<bytes::Bytes>| async {
///     Ok::<_, tokens_core::Error>(http::Response::new(bytes::Bytes::from_static(b"{}")))
/// });
///
/// let client = ClientBuilder::from_config(&config, clock)?
///     .with_call_timeout(Duration::from_secs(120))
///     .with_attempt_timeout(Duration::from_secs(20))
///     .build(transport)?;
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// assert!(client.list().await?.is_empty());
/// # Ok::<(), tokens_core::Error>(())
/// # })?;
/// # Ok::<(), tokens_core::Error>(())
/// ```
///
/// # Your own layers
///
/// - Per attempt, below everything (sees the Authorization header, marked sensitive):
///   wrap the transport before passing it in.
/// - Per call, as HTTP (sees each call once, with its [`Operation`](crate::Operation)):
///   the `http_layer` of [`ClientBuilder::build_layered`].
/// - Per call, typed (sees [`TokenRequest`](crate::TokenRequest) and
///   [`TokenResponse`](crate::TokenResponse)): the `typed_layer` of
///   [`ClientBuilder::build_layered`].
#[derive(Clone)]
pub struct ClientBuilder {
    endpoint: Endpoint,
    clock: Arc<dyn Clock>,
    auth: Option<AuthLayer>,
    allow_insecure_http: bool,
    retry: RetryLayer,
    rate_limit: RateLimitLayer,
    attempt_timeout: TimeoutLayer,
}

impl ClientBuilder {
    /// A builder for `endpoint`, with the defaults: retries per spec §3 within 300 s,
    /// 15 requests per second, 60 s per attempt, and no credential yet.
    pub fn new(endpoint: Endpoint, clock: Arc<dyn Clock>) -> Self {
        ClientBuilder {
            endpoint,
            retry: RetryLayer::new(Arc::clone(&clock)),
            rate_limit: RateLimitLayer::new(Arc::clone(&clock), Rate::DEFAULT),
            attempt_timeout: TimeoutLayer::new(Arc::clone(&clock)),
            auth: None,
            allow_insecure_http: false,
            clock,
        }
    }

    /// A builder from a resolved [`Config`]: its endpoint, its credentials and its rate
    /// limit.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Config`](crate::ErrorKind::Config) when the config has no host, or its
    /// OAuth settings are invalid.
    pub fn from_config(config: &Config, clock: Arc<dyn Clock>) -> Result<Self, Error> {
        let mut builder = ClientBuilder::new(config.endpoint()?, clock);
        if let Some(credentials) = config.credentials() {
            builder = builder.with_credentials(credentials)?;
        }
        if let Some(per_second) = config.rate_limit().and_then(NonZeroU32::new) {
            builder = builder.with_rate(Rate::per_second(per_second));
        }
        Ok(builder)
    }

    /// Authenticates with `credentials`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Config`](crate::ErrorKind::Config) for invalid OAuth settings.
    pub fn with_credentials(self, credentials: &Credentials) -> Result<Self, Error> {
        let layer = match credentials {
            Credentials::Pat { token } => AuthLayer::pat(token.clone()),
            Credentials::OAuthM2m {
                client_id,
                client_secret,
            } => {
                let settings = OAuthM2m::new(
                    self.endpoint.base_url(),
                    client_id.clone(),
                    client_secret.clone(),
                )?;
                AuthLayer::oauth_m2m(settings, Arc::clone(&self.clock))
            }
        };
        Ok(self.with_auth_layer(layer))
    }

    /// Authenticates with tokens from a source of the caller's own.
    #[must_use]
    pub fn with_token_source(self, source: Arc<dyn TokenSource>) -> Self {
        self.with_auth_layer(AuthLayer::from_source(source))
    }

    /// Authenticates with an [`AuthLayer`] built by the caller (OAuth with a custom token
    /// endpoint or scope, for example).
    #[must_use]
    pub fn with_auth_layer(mut self, layer: AuthLayer) -> Self {
        self.auth = Some(layer);
        self
    }

    /// Allows sending the credential over plain `http://` to a host other than this
    /// machine. Anyone on the network path can read it then: for test setups only.
    #[must_use]
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    /// Replaces the retry policy (backoff, call deadline, retry cap).
    #[must_use]
    pub fn with_retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = self.retry.with_policy(policy);
        self
    }

    /// Shares a retry budget, for example with other clients of the same workspace.
    #[must_use]
    pub fn with_retry_budget(mut self, budget: RetryBudget) -> Self {
        self.retry = self.retry.with_budget(budget);
        self
    }

    /// Seeds the backoff jitter, for reproducible tests.
    #[must_use]
    pub fn with_retry_seed(mut self, seed: u64) -> Self {
        self.retry = self.retry.with_seed(seed);
        self
    }

    /// The deadline of a whole call, retries and waits included (default 300 s).
    #[must_use]
    pub fn with_call_timeout(mut self, deadline: Duration) -> Self {
        self.retry = self.retry.with_call_timeout(deadline);
        self
    }

    /// The time limit of one attempt (default 60 s).
    #[must_use]
    pub fn with_attempt_timeout(mut self, limit: Duration) -> Self {
        self.attempt_timeout = self.attempt_timeout.with_limit(limit);
        self
    }

    /// The client-side rate limit (default 15 requests per second).
    #[must_use]
    pub fn with_rate(mut self, rate: Rate) -> Self {
        self.rate_limit = RateLimitLayer::new(Arc::clone(&self.clock), rate);
        self
    }

    /// Shares a rate limiter with other clients, so that together they keep to one rate and
    /// a 429 pauses all of them.
    #[must_use]
    pub fn with_rate_limiter(mut self, limiter: RateLimiter) -> Self {
        self.rate_limit = RateLimitLayer::with_limiter(limiter);
        self
    }

    /// Names the application in the first word of the `User-Agent`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidRequest`](crate::ErrorKind::InvalidRequest) for characters a
    /// `User-Agent` word cannot hold.
    pub fn with_product(mut self, name: &str, version: &str) -> Result<Self, Error> {
        let agent = self
            .endpoint
            .user_agent()
            .clone()
            .with_product(name, version)?;
        self.endpoint = self.endpoint.with_user_agent(agent);
        Ok(self)
    }

    /// The default HTTP stack over `transport`, for callers that want HTTP only.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Config`](crate::ErrorKind::Config) when no credential is configured.
    pub fn http_stack<T>(&self, transport: T) -> Result<HttpStack<T>, Error> {
        let auth = self.auth_layer()?;
        let timed = self.attempt_timeout.layer(auth.layer(transport));
        Ok(self.retry.layer(self.rate_limit.layer(timed)))
    }

    /// The client over `transport` with the default stack.
    ///
    /// # Errors
    ///
    /// As for [`ClientBuilder::http_stack`].
    pub fn build<T>(&self, transport: T) -> Result<DefaultClient<T>, Error> {
        self.build_layered(transport, Identity::new(), Identity::new())
    }

    /// The client over `transport` with the default stack, `http_layer` around it (once per
    /// call, as HTTP) and `typed_layer` around the typed service.
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use tokens_core::{ClientBuilder, Config, ManualClock, TokenRequest};
    /// # use tokens_core::types::Timestamp;
    /// # let config = Config::builder().host("h.example").token("dapi-x").build()?;
    /// # let clock = Arc::new(ManualClock::auto_advancing(Timestamp::UNIX_EPOCH));
    /// # let transport = tower::service_fn(|_request: http::Request<bytes::Bytes>| async {
    /// #     Ok::<_, tokens_core::Error>(http::Response::new(bytes::Bytes::from_static(b"{}")))
    /// # });
    /// use tower::util::MapRequestLayer;
    ///
    /// let tag = MapRequestLayer::new(|mut request: http::Request<bytes::Bytes>| {
    ///     request.headers_mut().insert("x-team", http::HeaderValue::from_static("data"));
    ///     request
    /// });
    /// let audit = MapRequestLayer::new(|request: TokenRequest| {
    ///     println!("calling {}", request.operation());
    ///     request
    /// });
    /// let client = ClientBuilder::from_config(&config, clock)?.build_layered(transport, tag, audit)?;
    /// # Ok::<(), tokens_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As for [`ClientBuilder::http_stack`].
    pub fn build_layered<T, H, L>(
        &self,
        transport: T,
        http_layer: H,
        typed_layer: L,
    ) -> Result<Client<L::Service>, Error>
    where
        H: Layer<HttpStack<T>>,
        L: Layer<TokenService<H::Service>>,
    {
        let http = http_layer.layer(self.http_stack(transport)?);
        let endpoint = self.endpoint_with_auth_word()?;
        let typed = TokenService::new(http, endpoint, Arc::clone(&self.clock));
        Ok(Client::from_service(typed_layer.layer(typed)))
    }

    fn auth_layer(&self) -> Result<AuthLayer, Error> {
        let layer = self.auth.clone().ok_or_else(|| {
            Error::config(
                "no credential is configured: set DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID \
                 and DATABRICKS_CLIENT_SECRET, or give the builder a token source",
            )
        })?;
        Ok(layer.allow_insecure_http(self.allow_insecure_http))
    }

    /// The endpoint, its `User-Agent` naming the auth method actually used.
    fn endpoint_with_auth_word(&self) -> Result<Endpoint, Error> {
        let auth_type = self.auth_layer()?.auth_type();
        let agent: UserAgent = self
            .endpoint
            .user_agent()
            .clone()
            .with_auth_type(auth_type)?;
        Ok(self.endpoint.clone().with_user_agent(agent))
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("endpoint", &self.endpoint)
            .field("auth", &self.auth)
            .field("allow_insecure_http", &self.allow_insecure_http)
            .field("retry", &self.retry)
            .field("rate_limit", &self.rate_limit)
            .field("attempt_timeout", &self.attempt_timeout.limit())
            .finish_non_exhaustive()
    }
}
