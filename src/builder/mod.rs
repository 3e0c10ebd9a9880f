//! [`ClientBuilder`]: configuration, credentials, timeouts, retries, rate limit, proxy and TLS
//! for a [`Client`].

mod resilience;
mod transport;

use crate::Client;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;
use tokens_core::auth::TokenSource;
use tokens_core::rate_limit::{Rate, RateLimiter};
use tokens_core::retry::{RetryBudget, RetryPolicy};
use tokens_core::{
    AuthType, Client as ServiceClient, ClientBuilder as StackBuilder, Clock, Config, ConfigBuilder,
    Error, HttpStack, TokenService,
};
use tokens_hyper::{BuildError, HyperTransport, HyperTransportBuilder, ProxyConfig, TokioClock};
use tokens_types::Secret;
use tower::Layer;

/// Where the configuration comes from besides the explicit values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sources {
    /// The explicit values only.
    Explicit,
    /// The explicit values, then the process environment, then the config file (spec §4).
    Environment,
}

/// Builds a [`Client`]: the workspace, the credential, and every knob of the stack.
///
/// ```
/// use std::time::Duration;
/// use databricks_tokens::Client;
///
/// let client = Client::builder()
///     .host("adb-1234567890123456.7.azuredatabricks.net")
///     .token("dapi0123456789abcdef0123456789abcdef")
///     .call_timeout(Duration::from_secs(120))
///     .attempt_timeout(Duration::from_secs(20))
///     .rate_limit_per_second(10)
///     .build()?;
/// # drop(client);
/// # Ok::<(), databricks_tokens::Error>(())
/// ```
///
/// [`Client::builder`] uses the explicit values alone; [`ClientBuilder::from_env`] lets the
/// environment and the config file fill in what is not set explicitly, in the order of spec
/// §4 (explicit, then environment, then `~/.databrickscfg`).
///
/// Defaults: a call deadline of 300 s with exponential backoff (1 s base, 30 s cap, full
/// jitter), 60 s per attempt, 15 requests per second, 10 s to connect, Mozilla's root
/// certificates, no proxy (with [`ClientBuilder::from_env`]: the proxy variables).
///
/// Plain `http://` is allowed only to this machine (`localhost`, 127.0.0.0/8, `::1`), such as
/// a local emulator; [`ClientBuilder::allow_insecure_http`] lifts that for test setups.
#[derive(Clone)]
#[must_use]
pub struct ClientBuilder {
    config: ConfigBuilder,
    sources: Sources,
    transport: HyperTransportBuilder,
    proxy_set: bool,
    retry_policy: RetryPolicy,
    retry_budget: Option<RetryBudget>,
    retry_seed: Option<u64>,
    attempt_timeout: Option<Duration>,
    rate: Option<Rate>,
    zero_rate: bool,
    rate_limiter: Option<RateLimiter>,
    token_source: Option<Arc<dyn TokenSource>>,
    allow_insecure_http: bool,
    product: Option<(String, String)>,
    clock: Option<Arc<dyn Clock>>,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder::new()
    }
}

impl ClientBuilder {
    /// A builder that uses only the values given to it.
    pub fn new() -> Self {
        ClientBuilder {
            config: ConfigBuilder::new(),
            sources: Sources::Explicit,
            transport: HyperTransport::builder(),
            proxy_set: false,
            retry_policy: RetryPolicy::default(),
            retry_budget: None,
            retry_seed: None,
            attempt_timeout: None,
            rate: None,
            zero_rate: false,
            rate_limiter: None,
            token_source: None,
            allow_insecure_http: false,
            product: None,
            clock: None,
        }
    }

    /// A builder whose unset values come from the environment, then the config file
    /// (spec §4), and whose proxy comes from `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` unless
    /// [`ClientBuilder::proxy`] is called.
    pub fn from_env() -> Self {
        ClientBuilder {
            sources: Sources::Environment,
            ..ClientBuilder::new()
        }
    }

    /// The workspace URL or host name, such as `adb-1.azuredatabricks.net` (`https://` is
    /// added when no scheme is given).
    pub fn host(mut self, host: impl Into<String>) -> Self {
        self.config = self.config.host(host);
        self
    }

    /// Authenticates with a personal access token.
    pub fn token(mut self, token: impl Into<Secret>) -> Self {
        self.config = self.config.token(token);
        self
    }

    /// Authenticates as a service principal with OAuth M2M (client credentials): tokens are
    /// fetched from the workspace, cached by every clone, and refreshed ahead of expiry.
    pub fn oauth_client(
        mut self,
        client_id: impl Into<String>,
        client_secret: impl Into<Secret>,
    ) -> Self {
        self.config = self
            .config
            .client_id(client_id)
            .client_secret(client_secret);
        self
    }

    /// The auth method, needed when the environment or profile configures more than one.
    pub fn auth_type(mut self, auth_type: AuthType) -> Self {
        self.config = self.config.auth_type(auth_type);
        self
    }

    /// Authenticates with tokens from a source of your own; it takes precedence over any
    /// configured credential.
    pub fn token_source(mut self, source: Arc<dyn TokenSource>) -> Self {
        self.token_source = Some(source);
        self
    }

    /// The workspace id sent as `X-Databricks-Workspace-Id`.
    pub fn workspace_id(mut self, workspace_id: impl Into<String>) -> Self {
        self.config = self.config.workspace_id(workspace_id);
        self
    }

    /// Reads this profile of the config file. Naming a profile makes the builder read the
    /// environment and the config file, as [`ClientBuilder::from_env`] does.
    pub fn profile(mut self, profile: impl Into<String>) -> Self {
        self.config = self.config.profile(profile);
        self.sources = Sources::Environment;
        self
    }

    /// Reads this config file instead of `~/.databrickscfg`. Like
    /// [`ClientBuilder::profile`], it makes the builder read the environment and the file.
    pub fn config_file(mut self, path: impl Into<String>) -> Self {
        self.config = self.config.config_file(path);
        self.sources = Sources::Environment;
        self
    }

    /// Names your application in the first word of the `User-Agent`.
    pub fn product(mut self, name: impl Into<String>, version: impl Into<String>) -> Self {
        self.product = Some((name.into(), version.into()));
        self
    }

    /// The clock for deadlines, backoff, the rate limiter and OAuth expiry (default
    /// [`TokioClock`]). A test can drive time with a
    /// [`ManualClock`](tokens_core::ManualClock) as long as nothing in it waits.
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = Some(clock);
        self
    }

    /// Resolves the configuration and builds the client.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Config`](crate::ErrorKind::Config) when no host or no credential is
    /// configured, a value is invalid (the message names its source), the rate limit is zero,
    /// a proxy variable is not an `http://` address, or the TLS setup fails (no root
    /// certificate).
    pub fn build(self) -> Result<Client, Error> {
        let (stack, transport) = self.parts()?;
        Ok(Client::from_inner(stack.build(transport)?))
    }

    /// Builds the default stack with `http_layer` around it (seeing each call once, as HTTP,
    /// with its [`Operation`](crate::Operation)) and `typed_layer` around the typed service
    /// (seeing [`TokenRequest`](crate::TokenRequest)s and
    /// [`TokenResponse`](crate::TokenResponse)s).
    ///
    /// ```
    /// use databricks_tokens::{Client, TokenRequest};
    /// use tower::util::MapRequestLayer;
    ///
    /// let tag = MapRequestLayer::new(|mut request: http::Request<bytes::Bytes>| {
    ///     request.headers_mut().insert("x-team", http::HeaderValue::from_static("data"));
    ///     request
    /// });
    /// let audit = MapRequestLayer::new(|request: TokenRequest| {
    ///     eprintln!("calling {}", request.operation());
    ///     request
    /// });
    /// let client = Client::builder()
    ///     .host("adb-1.azuredatabricks.net")
    ///     .token("dapi0123456789abcdef0123456789abcdef")
    ///     .build_layered(tag, audit)?;
    /// # drop(client);
    /// # Ok::<(), databricks_tokens::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As for [`ClientBuilder::build`].
    pub fn build_layered<H, L>(
        self,
        http_layer: H,
        typed_layer: L,
    ) -> Result<ServiceClient<L::Service>, Error>
    where
        H: Layer<HttpStack<HyperTransport>>,
        L: Layer<TokenService<H::Service>>,
    {
        let (stack, transport) = self.parts()?;
        stack.build_layered(transport, http_layer, typed_layer)
    }

    /// The core's stack builder, configured, and the transport: for a stack around a
    /// transport wrapped in your own per-attempt middleware.
    ///
    /// # Errors
    ///
    /// As for [`ClientBuilder::build`].
    pub fn into_parts(self) -> Result<(StackBuilder, HyperTransport), Error> {
        self.parts()
    }

    fn parts(self) -> Result<(StackBuilder, HyperTransport), Error> {
        let config = match self.sources {
            Sources::Explicit => self.config.clone().build()?,
            Sources::Environment => self.config.clone().load()?,
        };
        let transport = self.transport()?;
        let stack = self.stack(&config)?;
        Ok((stack, transport))
    }

    fn transport(&self) -> Result<HyperTransport, Error> {
        let mut transport = self.transport.clone();
        if self.sources == Sources::Environment && !self.proxy_set {
            transport = transport.proxy(ProxyConfig::from_env().map_err(config_error)?);
        }
        transport.build().map_err(config_error)
    }

    fn stack(self, config: &Config) -> Result<StackBuilder, Error> {
        if self.zero_rate {
            return Err(Error::config(
                "the rate limit must be at least 1 request per second",
            ));
        }
        let clock = self
            .clock
            .unwrap_or_else(|| Arc::new(TokioClock::new()) as Arc<dyn Clock>);
        let mut stack = match self.token_source {
            Some(source) => StackBuilder::new(config.endpoint()?, clock).with_token_source(source),
            None => StackBuilder::from_config(config, clock)?,
        };
        stack = stack
            .with_retry_policy(self.retry_policy)
            .allow_insecure_http(self.allow_insecure_http);
        if let Some(budget) = self.retry_budget {
            stack = stack.with_retry_budget(budget);
        }
        if let Some(seed) = self.retry_seed {
            stack = stack.with_retry_seed(seed);
        }
        if let Some(limit) = self.attempt_timeout {
            stack = stack.with_attempt_timeout(limit);
        }
        if let Some(rate) = self.rate {
            stack = stack.with_rate(rate);
        }
        if let Some(limiter) = self.rate_limiter {
            stack = stack.with_rate_limiter(limiter);
        }
        if let Some((name, version)) = &self.product {
            stack = stack.with_product(name, version)?;
        }
        Ok(stack)
    }
}

/// A transport that cannot be built is a configuration problem of the caller's.
fn config_error(err: BuildError) -> Error {
    Error::config(err.to_string()).with_source(err)
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("config", &self.config)
            .field("sources", &self.sources)
            .field("transport", &self.transport)
            .field("retry_policy", &self.retry_policy)
            .field("attempt_timeout", &self.attempt_timeout)
            .field("rate", &self.rate)
            .field("token_source", &self.token_source.is_some())
            .field("allow_insecure_http", &self.allow_insecure_http)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "dapi0123456789abcdef0123456789abcdef";

    #[test]
    fn debug_of_builder_and_client_never_shows_the_secret() {
        let builder = ClientBuilder::new()
            .host("adb-1.azuredatabricks.net")
            .token(TOKEN)
            .oauth_client("client", "client-secret-value")
            .auth_type(AuthType::Pat);
        let text = format!("{builder:?}");
        assert!(!text.contains("0123456789abcdef0123"), "{text}");
        assert!(!text.contains("client-secret-value"), "{text}");

        let client = builder.build().expect("builds");
        let text = format!("{client:?}");
        assert!(!text.contains("0123456789abcdef0123"), "{text}");
    }

    #[test]
    fn explicit_builder_ignores_the_environment() {
        // Without a host the explicit builder fails, whatever DATABRICKS_HOST says.
        let err = ClientBuilder::new()
            .token(TOKEN)
            .build()
            .expect_err("no host");
        assert_eq!(err.kind(), tokens_core::ErrorKind::Config);
        assert!(err.message().contains("no host"), "{}", err.message());
    }

    #[test]
    fn zero_rate_limit_is_a_config_error() {
        let err = ClientBuilder::new()
            .host("adb-1.azuredatabricks.net")
            .token(TOKEN)
            .rate_limit_per_second(0)
            .build()
            .expect_err("zero rate");
        assert_eq!(err.kind(), tokens_core::ErrorKind::Config);
    }

    #[test]
    fn builder_names_the_product_in_the_user_agent() {
        let client = ClientBuilder::new()
            .host("adb-1.azuredatabricks.net")
            .token(TOKEN)
            .product("my-app", "1.2.3")
            .build()
            .expect("builds");
        let agent = client
            .as_service_client()
            .service()
            .endpoint()
            .user_agent()
            .to_string();
        assert!(agent.starts_with("my-app/1.2.3 "), "{agent}");
        assert!(agent.contains("auth/pat"), "{agent}");
    }

    #[test]
    fn bad_product_name_is_refused() {
        let err = ClientBuilder::new()
            .host("adb-1.azuredatabricks.net")
            .token(TOKEN)
            .product("my app", "1")
            .build()
            .expect_err("a space cannot be in a User-Agent word");
        assert_eq!(err.kind(), tokens_core::ErrorKind::InvalidRequest);
    }
}
