//! OAuth machine-to-machine credentials of a service principal (spec §4).
//!
//! The flow: discover the token endpoint from
//! `GET {host}/oidc/.well-known/oauth-authorization-server` (its `token_endpoint`), then
//! `POST` the form `grant_type=client_credentials&scope=all-apis` there with the client id
//! and secret as HTTP Basic credentials, and get back `access_token`, `token_type` and
//! `expires_in`. Both requests go through the same HTTP service as the API calls.
//!
//! The token is cached and shared by every clone of the auth service. It counts as stale
//! within `min(TTL / 2, 20 min)` of its expiry: the first call that sees a stale token
//! fetches a new one while other calls keep using the old one, so tokens are replaced ahead
//! of time. When no usable token is left, every caller waits for one fetch: however many
//! calls arrive at once, one token request is in flight.
//!
//! Either request is sent again, up to three attempts in all, after a transport failure or
//! a 429, 500, 502, 503 or 504 reply (both are safe to repeat: discovery only reads, and a
//! grant only mints a token nobody holds yet). The wait is the reply's `Retry-After`, else
//! a random one of at most 0.5 s, then 1 s; a wait that would pass the fetch's time limit
//! is not started. A refusal (400, 401, ...) is final.

mod basic;
mod cache;
mod erased;
mod exchange;
mod resend;

pub(super) use cache::TokenCache;
pub(super) use erased::{Erased, OAuthTokens};

use crate::{Error, normalize_host};
use std::fmt;
use std::time::Duration;
use tokens_types::Secret;

/// How long the discovery and token requests may take together, by default.
pub const DEFAULT_TOKEN_TIMEOUT: Duration = Duration::from_secs(30);

/// The OAuth M2M settings of a service principal.
///
/// # Limitations
///
/// - A token reply without `expires_in` is refused rather than cached for a guessed time.
/// - A token fetch whose three attempts all fail on the network ends the call with an
///   [`ErrorKind::Auth`](crate::ErrorKind::Auth) error whose source is the last transport
///   failure; the next call tries again.
/// - Discovery and token requests go straight to the service the auth layer wraps, below
///   the rate limiter and the per-attempt timeout of the default stack: the rate limiter
///   does not count them, and a call's attempt timeout ends only that call's wait for a
///   token. Their own time limit is [`OAuthM2m::with_token_timeout`].
/// - The client id and secret go into HTTP Basic credentials as they are, without the
///   form-encoding RFC 6749 asks for, as the official SDKs do; this matters only for
///   values with characters outside letters, digits and `-._~`.
///
/// ```
/// use tokens_core::auth::OAuthM2m;
/// use tokens_core::types::Secret;
///
/// let m2m = OAuthM2m::new("adb-1.azuredatabricks.net", "my-client-id", Secret::new("s3cret"))?;
/// assert_eq!(m2m.host(), "https://adb-1.azuredatabricks.net");
/// assert!(!format!("{m2m:?}").contains("s3cret"));
/// # Ok::<(), tokens_core::Error>(())
/// ```
#[derive(Clone)]
pub struct OAuthM2m {
    host: String,
    client_id: String,
    client_secret: Secret,
    scope: String,
    token_endpoint: Option<String>,
    token_timeout: Duration,
}

impl OAuthM2m {
    /// Settings for the workspace at `host` (normalised like every host) and the service
    /// principal `client_id` / `client_secret`, with the scope `all-apis`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Config`](crate::ErrorKind::Config) for an invalid host, an empty client
    /// id or an empty client secret.
    pub fn new(
        host: &str,
        client_id: impl Into<String>,
        client_secret: Secret,
    ) -> Result<Self, Error> {
        let client_id = client_id.into();
        if client_id.trim().is_empty() {
            return Err(Error::config("the OAuth client id is empty"));
        }
        if client_secret.is_empty() {
            return Err(Error::config("the OAuth client secret is empty"));
        }
        if client_id.contains(':') {
            return Err(Error::config("the OAuth client id must not contain `:`"));
        }
        Ok(OAuthM2m {
            host: normalize_host(host)?,
            client_id,
            client_secret,
            scope: "all-apis".to_owned(),
            token_endpoint: None,
            token_timeout: DEFAULT_TOKEN_TIMEOUT,
        })
    }

    /// Uses this token endpoint instead of discovering it.
    #[must_use]
    pub fn with_token_endpoint(mut self, url: impl Into<String>) -> Self {
        self.token_endpoint = Some(url.into());
        self
    }

    /// Asks for these scopes (space-separated) instead of `all-apis`.
    #[must_use]
    pub fn with_scope(mut self, scope: impl Into<String>) -> Self {
        self.scope = scope.into();
        self
    }

    /// Sets the time limit of one token fetch, discovery included (default 30 s).
    #[must_use]
    pub fn with_token_timeout(mut self, timeout: Duration) -> Self {
        self.token_timeout = timeout;
        self
    }

    /// The normalised workspace URL.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The service principal's client id.
    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// The discovery URL: `{host}/oidc/.well-known/oauth-authorization-server`.
    pub fn discovery_url(&self) -> String {
        format!("{}/oidc/.well-known/oauth-authorization-server", self.host)
    }
}

impl fmt::Debug for OAuthM2m {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuthM2m")
            .field("host", &self.host)
            .field("client_id", &self.client_id)
            .field("client_secret", &"[redacted]")
            .field("scope", &self.scope)
            .field("token_endpoint", &self.token_endpoint)
            .field("token_timeout", &self.token_timeout)
            .finish()
    }
}
