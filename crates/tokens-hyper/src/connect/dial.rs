//! Opening a TCP connection (resolve, then connect) with classified errors.

use super::error::ConnectFailure;
use super::resolve::Resolver;
use http::Uri;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioIo;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::net::TcpStream;
use tower::Service;

/// hyper-util's TCP connector (happy eyeballs, `TCP_NODELAY`) whose errors are
/// [`ConnectFailure`]s naming what was dialled.
#[derive(Debug, Clone)]
pub(crate) struct Dialer {
    tcp: HttpConnector<Resolver>,
    peer: &'static str,
}

impl Dialer {
    /// A dialer for `peer` ("the server" or "the proxy").
    pub(crate) fn new(peer: &'static str) -> Self {
        let mut tcp = HttpConnector::new_with_resolver(Resolver::new());
        // The URI may be https: TLS is layered on top by the caller.
        tcp.enforce_http(false);
        tcp.set_nodelay(true);
        Dialer { tcp, peer }
    }
}

impl Service<Uri> for Dialer {
    type Response = TokioIo<TcpStream>;
    type Error = ConnectFailure;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, ConnectFailure>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), ConnectFailure>> {
        let peer = self.peer;
        self.tcp
            .poll_ready(cx)
            .map_err(|e| ConnectFailure::from_tcp(e, peer))
    }

    fn call(&mut self, dst: Uri) -> Self::Future {
        let peer = self.peer;
        let connecting = self.tcp.call(dst);
        Box::pin(async move {
            connecting
                .await
                .map_err(|e| ConnectFailure::from_tcp(e, peer))
        })
    }
}
