//! The token operations as a typed `tower::Service`, over any HTTP service.
//!
//! A [`TokenService`] turns a [`TokenRequest`] into an HTTP request, calls the HTTP service
//! below it (the layers and the transport), and decodes the reply into a [`TokenResponse`]
//! or an [`Error`]. Middleware placed around it sees typed calls; middleware placed below it
//! sees HTTP.

mod decode;
mod endpoint;
mod future;
mod request;

pub use endpoint::Endpoint;
pub use future::TokenFuture;
pub use request::{TokenRequest, TokenResponse};

use crate::{Clock, Error};
use bytes::Bytes;
use std::sync::Arc;
use std::task::{Context, Poll};
use tower::Service;

/// The Token API as a `tower::Service<TokenRequest>`, over an HTTP service `S`.
///
/// ```
/// use std::sync::Arc;
/// use tokens_core::{Endpoint, ManualClock, TokenRequest, TokenResponse, TokenService};
/// use tokens_core::types::Timestamp;
/// use tower::ServiceExt;
///
/// let http = tower::service_fn(|_request: http::Request<bytes::Bytes>| async {
///     Ok::<_, tokens_core::Error>(http::Response::new(bytes::Bytes::from_static(b"{}")))
/// });
/// let clock = Arc::new(ManualClock::new(Timestamp::UNIX_EPOCH));
/// let service = TokenService::new(http, Endpoint::new("example.com")?, clock);
///
/// # let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
/// # runtime.block_on(async {
/// let reply = service.oneshot(TokenRequest::List).await?;
/// assert!(matches!(reply, TokenResponse::Listed(list) if list.token_infos.is_empty()));
/// # Ok::<(), tokens_core::Error>(())
/// # })?;
/// # Ok::<(), tokens_core::Error>(())
/// ```
///
/// # Errors
///
/// The service's error is [`Error`]: a request refused before sending
/// ([`InvalidRequest`](crate::ErrorKind::InvalidRequest)), the HTTP service's own error
/// converted with `Into<Error>`, an error reply, or a reply that does not decode. A create
/// that fails after the server may have acted is marked
/// [`is_outcome_unknown`](Error::is_outcome_unknown).
#[derive(Clone, Debug)]
pub struct TokenService<S> {
    http: S,
    endpoint: Arc<Endpoint>,
    clock: Arc<dyn Clock>,
}

impl<S> TokenService<S> {
    /// A token service that sends to `endpoint` through `http`, reading the time (for
    /// `Retry-After` dates) from `clock`.
    pub fn new(http: S, endpoint: Endpoint, clock: Arc<dyn Clock>) -> Self {
        TokenService {
            http,
            endpoint: Arc::new(endpoint),
            clock,
        }
    }

    /// The endpoint requests go to.
    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// The HTTP service below.
    pub fn get_ref(&self) -> &S {
        &self.http
    }

    /// The HTTP service below, mutably.
    pub fn get_mut(&mut self) -> &mut S {
        &mut self.http
    }

    /// Consumes the service, returning the HTTP service below.
    pub fn into_inner(self) -> S {
        self.http
    }
}

impl<S> Service<TokenRequest> for TokenService<S>
where
    S: Service<http::Request<Bytes>, Response = http::Response<Bytes>>,
    S::Error: Into<Error>,
{
    type Response = TokenResponse;
    type Error = Error;
    type Future = TokenFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        self.http.poll_ready(cx).map_err(Into::into)
    }

    fn call(&mut self, request: TokenRequest) -> Self::Future {
        let kind = request.reply_kind();
        let operation = kind.operation();
        match request.to_http(&self.endpoint) {
            Err(err) => {
                let span = tracing::info_span!(
                    "tokens.call",
                    operation = operation.name(),
                    error.type = tracing::field::Empty,
                );
                TokenFuture::failed(future::mark(err, operation), span)
            }
            Ok(http_request) => {
                let span = tracing::info_span!(
                    "tokens.call",
                    operation = operation.name(),
                    http.request.method = %http_request.method(),
                    url.full = %http_request.uri(),
                    http.response.status_code = tracing::field::Empty,
                    error.type = tracing::field::Empty,
                );
                let call = {
                    let _entered = span.enter();
                    self.http.call(http_request)
                };
                TokenFuture::waiting(call, kind, Arc::clone(&self.clock), span)
            }
        }
    }
}
