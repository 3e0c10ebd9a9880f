//! Making connections for hyper-util's pooled client: direct, through an HTTP proxy, or
//! through a proxy's `CONNECT` tunnel; then TLS (added by `hyper-rustls` around this), all
//! under one connect timeout.
//!
//! Every error from here means the request was not sent, and carries a [`ConnectFailure`]
//! (DNS or connect) unless it came from the TLS handshake.

mod dial;
mod error;
mod resolve;
mod stream;
mod timeout;

pub(crate) use error::ConnectFailure;
pub(crate) use stream::TcpConnection;
pub(crate) use timeout::TimedConnector;

use crate::ProxyConfig;
use dial::Dialer;
use http::Uri;
use http::uri::Scheme;
use hyper_util::client::legacy::connect::proxy::Tunnel;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use tower::Service;

/// Routes each new connection directly or through the configured proxy.
#[derive(Debug, Clone)]
pub(crate) struct Connector {
    server: Dialer,
    proxy_dialer: Dialer,
    proxy: Option<ProxyConfig>,
}

impl Connector {
    pub(crate) fn new(proxy: Option<ProxyConfig>) -> Self {
        Connector {
            server: Dialer::new("the server"),
            proxy_dialer: Dialer::new("the proxy"),
            proxy,
        }
    }
}

impl Service<Uri> for Connector {
    type Response = TcpConnection;
    type Error = ConnectFailure;
    type Future = Pin<Box<dyn Future<Output = Result<TcpConnection, ConnectFailure>> + Send>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), ConnectFailure>> {
        // Each call clones what it needs; the system resolver is always ready.
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, dst: Uri) -> Self::Future {
        let route = self.proxy.as_ref().and_then(|proxy| proxy.route(&dst));
        let Some(route) = route else {
            let connecting = self.server.clone().call(dst);
            return Box::pin(async move { Ok(TcpConnection::to_server(connecting.await?)) });
        };

        tracing::debug!(
            server.address = dst.host().unwrap_or_default(),
            proxy.address = route.uri().host().unwrap_or_default(),
            "connecting through proxy"
        );
        if dst.scheme() == Some(&Scheme::HTTPS) {
            let mut tunnel = Tunnel::new(route.uri().clone(), self.proxy_dialer.clone());
            if let Some(authorization) = route.authorization() {
                tunnel = tunnel.with_auth(authorization.clone());
            }
            let connecting = tunnel.call(dst);
            Box::pin(async move {
                let io = connecting.await.map_err(ConnectFailure::from_tunnel)?;
                Ok(TcpConnection::to_server(io))
            })
        } else {
            let connecting = self.proxy_dialer.clone().call(route.uri().clone());
            Box::pin(async move { Ok(TcpConnection::to_http_proxy(connecting.await?)) })
        }
    }
}
