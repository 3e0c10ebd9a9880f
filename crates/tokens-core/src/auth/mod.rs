//! Credentials on every request: a personal access token, OAuth M2M, or a source of your own.
//!
//! The auth layer sits just above the transport, so every attempt of a retried call asks for
//! a token again and picks up a refreshed one. It
//!
//! - sets `Authorization: Bearer …` with [`HeaderValue::set_sensitive`], so HTTP/2 header
//!   compression and well-behaved logging layers leave the value out;
//! - refuses to send a credential over plain `http://` unless the host is this machine
//!   (127.0.0.0/8, `::1`, `localhost`) or [`AuthLayer::allow_insecure_http`] says so;
//! - for [OAuth M2M](OAuthM2m), fetches tokens through a clone of the very service it wraps,
//!   caches them for every clone, replaces them ahead of expiry, and keeps one fetch in
//!   flight however many calls wait; a failed fetch is an
//!   [`ErrorKind::Auth`](crate::ErrorKind::Auth) error whose message names the endpoint and
//!   the status, never a secret;
//! - forgets an OAuth token the API refused with 401, so the next call fetches a new one.

mod layer;
mod oauth;
mod source;
mod transport_security;

pub use crate::response_future::ResponseFuture;
pub use layer::AuthLayer;
pub use oauth::{DEFAULT_TOKEN_TIMEOUT, OAuthM2m};
use source::PatHeader;
pub use source::{Pat, TokenSource};

use crate::Error;
use crate::runtime::MaybeSend;
use bytes::Bytes;
use http::{HeaderValue, Request, Response, StatusCode, header};
use oauth::{Erased, OAuthTokens};
use std::fmt;
use std::sync::Arc;
use std::task::{Context, Poll};
use tokens_types::Secret;
use tower::Service;

/// Adds the bearer credential to each request.
///
/// ```
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// use bytes::Bytes;
/// use tokens_core::auth::AuthLayer;
/// use tokens_core::types::Secret;
/// use tower::{Layer, ServiceExt};
///
/// let transport = tower::service_fn(|req: http::Request<Bytes>| async move {
///     let auth = req.headers().get(http::header::AUTHORIZATION).unwrap();
///     assert!(auth.is_sensitive());
///     assert_eq!(auth, "Bearer dapi0123456789abcdef0123456789abcdef");
///     Ok::<_, tokens_core::Error>(http::Response::new(Bytes::new()))
/// });
/// let svc = AuthLayer::pat(Secret::new("dapi0123456789abcdef0123456789abcdef")).layer(transport);
///
/// let request = http::Request::get("https://example.cloud.databricks.com/api/2.0/token/list")
///     .body(Bytes::new())?;
/// svc.oneshot(request).await?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// # }).unwrap();
/// ```
///
/// # Clone
///
/// Clones share the credential: for OAuth M2M, one token cache and one fetch in flight.
#[derive(Clone)]
pub struct Auth<S> {
    inner: S,
    provider: Provider,
    allow_insecure: bool,
}

/// Where tokens come from.
#[derive(Clone)]
enum Provider {
    Pat(Arc<PatHeader>),
    Source(Arc<dyn TokenSource>),
    /// Behind a trait object, so that only programs that build an OAuth layer link the
    /// OAuth flow.
    OAuth(Arc<dyn OAuthTokens>),
}

impl Provider {
    fn auth_type(&self) -> &'static str {
        match self {
            Provider::Pat(_) => "pat",
            Provider::Source(source) => source.auth_type(),
            Provider::OAuth(_) => "oauth-m2m",
        }
    }
}

impl<S> Auth<S> {
    /// The word for the User-Agent's `auth/<type>`: `pat`, `oauth-m2m`, or a custom
    /// source's own.
    pub fn auth_type(&self) -> &'static str {
        self.provider.auth_type()
    }

    /// The wrapped service.
    pub fn get_ref(&self) -> &S {
        &self.inner
    }
}

impl<S> Service<Request<Bytes>> for Auth<S>
where
    S: Service<Request<Bytes>, Response = Response<Bytes>> + Clone + MaybeSend + 'static,
    S::Error: Into<Error>,
    S::Future: MaybeSend,
{
    type Response = Response<Bytes>;
    type Error = Error;
    type Future = ResponseFuture;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        self.inner.poll_ready(cx).map_err(Into::into)
    }

    fn call(&mut self, mut request: Request<Bytes>) -> ResponseFuture {
        // The readied service sends the request and a clone stays for the next caller; with
        // OAuth, one more clone fetches tokens (a PAT or a token source needs none).
        let clone = self.inner.clone();
        let token_service = match &self.provider {
            Provider::OAuth(_) => Some(clone.clone()),
            Provider::Pat(_) | Provider::Source(_) => None,
        };
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let provider = self.provider.clone();
        let allow_insecure = self.allow_insecure;

        ResponseFuture::new(Box::pin(async move {
            transport_security::check(request.uri(), allow_insecure)?;
            let (header, secret) = match &provider {
                Provider::Pat(pat) => (pat.value()?, None),
                Provider::Source(source) => with_header(source.token().await?)?,
                Provider::OAuth(cache) => {
                    let Some(token_service) = token_service else {
                        return Err(Error::other("the OAuth token service was not kept"));
                    };
                    with_header(
                        cache
                            .token(Box::new(Erased(token_service)), allow_insecure)
                            .await?,
                    )?
                }
            };
            request.headers_mut().insert(header::AUTHORIZATION, header);

            let response = inner.call(request).await.map_err(Into::into)?;
            if response.status() == StatusCode::UNAUTHORIZED
                && let (Provider::OAuth(cache), Some(secret)) = (&provider, &secret)
            {
                cache.invalidate(secret);
            }
            Ok(response)
        }))
    }
}

/// `Bearer <token>`, marked sensitive.
fn bearer(secret: &Secret) -> Result<HeaderValue, Error> {
    let text = Secret::new(format!("Bearer {}", secret.expose_secret()));
    let mut value = HeaderValue::from_str(text.expose_secret()).map_err(|_| unsendable())?;
    value.set_sensitive(true);
    Ok(value)
}

/// The header of a token fetched for this request, and the token, kept to forget it if the
/// server refuses it.
fn with_header(secret: Secret) -> Result<(HeaderValue, Option<Secret>), Error> {
    Ok((bearer(&secret)?, Some(secret)))
}

fn unsendable() -> Error {
    Error::auth("the token holds characters that a header cannot carry")
}

impl<S: fmt::Debug> fmt::Debug for Auth<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Auth")
            .field("inner", &self.inner)
            .field("auth_type", &self.auth_type())
            .field("allow_insecure", &self.allow_insecure)
            .finish_non_exhaustive()
    }
}
