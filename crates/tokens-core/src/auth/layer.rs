//! The [`Layer`] that applies [`Auth`].

use super::oauth::{OAuthTokens, TokenCache};
use super::{Auth, OAuthM2m, PatHeader, Provider, TokenSource};
use crate::runtime::Clock;
use std::fmt;
use std::sync::Arc;
use tokens_types::Secret;
use tower::Layer;

/// Applies [`Auth`] with one credential, shared by every service it makes.
///
/// ```
/// use std::sync::Arc;
/// use tokens_core::auth::{AuthLayer, OAuthM2m};
/// use tokens_core::types::Secret;
/// use tokens_core::ManualClock;
/// use tokens_core::types::Timestamp;
///
/// let pat = AuthLayer::pat(Secret::new("dapi0123456789abcdef0123456789abcdef"));
/// assert_eq!(pat.auth_type(), "pat");
///
/// let clock = Arc::new(ManualClock::new(Timestamp::UNIX_EPOCH));
/// let m2m = OAuthM2m::new("https://adb-1.azuredatabricks.net", "client-id", Secret::new("s"))?;
/// let oauth = AuthLayer::oauth_m2m(m2m, clock);
/// assert_eq!(oauth.auth_type(), "oauth-m2m");
/// # Ok::<(), tokens_core::Error>(())
/// ```
///
/// # Clone
///
/// Clones of the layer, and every service made from it, share the credential and, for OAuth
/// M2M, the token cache.
#[derive(Clone)]
pub struct AuthLayer {
    provider: Provider,
    allow_insecure: bool,
}

impl AuthLayer {
    /// Sends a personal access token.
    // The signature takes the token by value, as it always has; it is dropped (and wiped)
    // here once its header is made.
    #[allow(clippy::needless_pass_by_value)]
    pub fn pat(token: Secret) -> Self {
        AuthLayer {
            provider: Provider::Pat(Arc::new(PatHeader::new(&token))),
            allow_insecure: false,
        }
    }

    /// Fetches and refreshes OAuth M2M tokens, timed by `clock`.
    pub fn oauth_m2m(config: OAuthM2m, clock: Arc<dyn Clock>) -> Self {
        AuthLayer {
            provider: Provider::OAuth(
                Arc::new(TokenCache::new(config, clock)) as Arc<dyn OAuthTokens>
            ),
            allow_insecure: false,
        }
    }

    /// Asks `source` for the token of each request.
    pub fn from_source(source: Arc<dyn TokenSource>) -> Self {
        AuthLayer {
            provider: Provider::Source(source),
            allow_insecure: false,
        }
    }

    /// Allows sending the credential over plain `http://` to any host, not only to this
    /// machine. Anyone on the network path can then read it: only for test setups.
    #[must_use]
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure = allow;
        self
    }

    /// The word for the User-Agent's `auth/<type>`.
    pub fn auth_type(&self) -> &'static str {
        self.provider.auth_type()
    }
}

impl<S> Layer<S> for AuthLayer {
    type Service = Auth<S>;

    fn layer(&self, inner: S) -> Auth<S> {
        Auth {
            inner,
            provider: self.provider.clone(),
            allow_insecure: self.allow_insecure,
        }
    }
}

impl fmt::Debug for AuthLayer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthLayer")
            .field("auth_type", &self.auth_type())
            .field("allow_insecure", &self.allow_insecure)
            .finish_non_exhaustive()
    }
}
