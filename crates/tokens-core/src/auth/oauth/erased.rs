//! The OAuth flow behind trait objects, so that it is compiled once and linked only into
//! programs that build an OAuth layer.
//!
//! [`Auth`](crate::auth::Auth) is generic over the service it wraps, and the token cache
//! sends its requests through a clone of that service. Were the cache generic too, every
//! service type would get its own copy of the whole flow, and a program that only ever sends
//! a personal access token would still carry one (the `match` on the provider reaches it).
//! Here the service is boxed as an [`HttpCall`] and the cache is reached through the
//! [`OAuthTokens`] vtable, which only [`AuthLayer::oauth_m2m`](crate::auth::AuthLayer::oauth_m2m)
//! creates: without that call, the linker drops the flow.

use crate::Error;
use crate::runtime::{BoxFuture, MaybeSend};
use bytes::Bytes;
use http::{Request, Response};
use tokens_types::Secret;
use tower::{Service, ServiceExt};

/// One HTTP exchange at a time through the service the auth layer wraps.
pub(in crate::auth) trait HttpCall: MaybeSend {
    /// Waits for the service to be ready, then sends `request`.
    fn send(&mut self, request: Request<Bytes>) -> BoxFuture<'_, Result<Response<Bytes>, Error>>;
}

/// A service as an [`HttpCall`].
pub(in crate::auth) struct Erased<S>(pub(in crate::auth) S);

impl<S> HttpCall for Erased<S>
where
    S: Service<Request<Bytes>, Response = Response<Bytes>> + MaybeSend,
    S::Error: Into<Error>,
    S::Future: MaybeSend,
{
    fn send(&mut self, request: Request<Bytes>) -> BoxFuture<'_, Result<Response<Bytes>, Error>> {
        Box::pin(async move {
            let ready = self.0.ready().await.map_err(Into::into)?;
            ready.call(request).await.map_err(Into::into)
        })
    }
}

/// A shared source of OAuth tokens that fetches them through the wrapped service.
pub(in crate::auth) trait OAuthTokens: Send + Sync {
    /// The token to send now, fetched through `http` when none is usable.
    fn token(
        &self,
        http: Box<dyn HttpCall>,
        allow_insecure: bool,
    ) -> BoxFuture<'_, Result<Secret, Error>>;

    /// Forgets `used` if it is still the cached token (the API refused it).
    fn invalidate(&self, used: &Secret);
}
