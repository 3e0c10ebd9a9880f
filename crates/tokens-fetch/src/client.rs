//! The client with the default stack over `fetch`: retry, rate limit, timeout and auth.

use std::sync::Arc;

use tokens_core::auth::AuthLayer;
use tokens_core::types::Secret;
use tokens_core::{ClientBuilder, DefaultClient, Endpoint, Error};

use crate::{BrowserClock, FetchTransport};

/// The client [`pat_client`] and [`client_builder`] make: the default stack of tokens-core
/// (retry, rate limit, per-attempt timeout, auth) over a [`FetchTransport`].
pub type FetchClient = DefaultClient<FetchTransport>;

/// A [`ClientBuilder`] for `host` that keeps time with the [`BrowserClock`], with the same
/// defaults as on native targets: retries per the SDK's rules within a 300 s deadline,
/// 15 requests per second shared by every clone, 60 s per attempt.
///
/// Give it a credential and build it over a [`FetchTransport`]:
///
/// ```
/// # #[cfg(target_arch = "wasm32")]
/// # fn demo(source: std::sync::Arc<dyn tokens_core::auth::TokenSource>) -> Result<(), tokens_core::Error> {
/// use std::time::Duration;
/// use tokens_fetch::{FetchTransport, client_builder};
///
/// // Tokens from a source of your own, for example a backend that hands out short-lived
/// // tokens to the page.
/// let client = client_builder("https://adb-1.azuredatabricks.net")?
///     .with_token_source(source)
///     .with_attempt_timeout(Duration::from_secs(20))
///     .build(FetchTransport::new())?;
/// # Ok(())
/// # }
/// ```
///
/// OAuth M2M works too (`with_credentials(&Credentials::OAuthM2m { .. })`), but a client
/// secret shipped to a browser is readable by anyone who opens the page: use it only in
/// trusted runtimes such as Node or a worker on your own server.
///
/// # Errors
///
/// [`ErrorKind::Config`](tokens_core::ErrorKind::Config) when `host` is not a usable URL.
pub fn client_builder(host: &str) -> Result<ClientBuilder, Error> {
    let endpoint = Endpoint::new(host)?;
    Ok(ClientBuilder::new(endpoint, Arc::new(BrowserClock::new())))
}

/// A client for `host` that authenticates with a personal access token, with the default
/// stack over `fetch`.
///
/// ```
/// # #[cfg(target_arch = "wasm32")]
/// # async fn demo() -> Result<(), tokens_core::Error> {
/// use tokens_core::types::CreateTokenRequest;
///
/// let client = tokens_fetch::pat_client(
///     "http://127.0.0.1:8080",
///     "dapi0123456789abcdef0123456789abcdef",
/// )?;
/// let created = client
///     .create(CreateTokenRequest::new().with_comment("from the browser"))
///     .await?;
/// for token in client.list().await? {
///     println!("{:?} {:?}", token.token_id, token.comment);
/// }
/// # Ok(())
/// # }
/// ```
///
/// The token is sent only to `https://` hosts and to this machine over `http://`; see
/// [`ClientBuilder::allow_insecure_http`] for test setups.
///
/// # Errors
///
/// [`ErrorKind::Config`](tokens_core::ErrorKind::Config) when `host` is not a usable URL.
pub fn pat_client(host: &str, token: impl Into<Secret>) -> Result<FetchClient, Error> {
    // `AuthLayer::pat` rather than `with_credentials`, so the OAuth code is not linked into
    // a page that only uses a PAT.
    client_builder(host)?
        .with_auth_layer(AuthLayer::pat(token.into()))
        .build(FetchTransport::new())
}
