//! An HTTP/1.1 + HTTP/2 server (plain or TLS) that records every request it receives.

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;
use rustls::ServerConfig;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;

use super::TestPki;

/// What the server saw of one request.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: http::Method,
    pub uri: http::Uri,
    pub version: http::Version,
    pub headers: http::HeaderMap,
    pub body: Bytes,
}

/// Makes the response to a request.
pub type Handler = Arc<dyn Fn(&Seen) -> http::Response<Full<Bytes>> + Send + Sync>;

/// A running test server.
pub struct TestServer {
    pub addr: SocketAddr,
    connections: Arc<AtomicUsize>,
    seen: Arc<std::sync::Mutex<Vec<Seen>>>,
}

impl TestServer {
    /// How many TCP connections the server has accepted.
    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }

    /// The requests the server has received, in order.
    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().expect("not poisoned").clone()
    }

    pub fn url(&self, scheme: &str, path: &str) -> String {
        format!("{scheme}://{}{path}", self.addr)
    }
}

/// A handler that answers `200` with `body`.
pub fn fixed(body: &'static [u8]) -> Handler {
    Arc::new(move |_seen| http::Response::new(Full::new(Bytes::from_static(body))))
}

/// A handler that echoes the request body back.
pub fn echo() -> Handler {
    Arc::new(|seen| http::Response::new(Full::new(seen.body.clone())))
}

/// Serves plain HTTP/1.1 (and prior-knowledge HTTP/2) with `handler`.
pub async fn serve_http(handler: Handler) -> TestServer {
    serve(handler, None).await
}

/// Serves HTTPS with `tls`, HTTP/1.1 or HTTP/2 as negotiated by ALPN.
pub async fn serve_https(handler: Handler, tls: Arc<ServerConfig>) -> TestServer {
    serve(handler, Some(TlsAcceptor::from(tls))).await
}

/// Makes a fresh private CA and serves HTTPS with a certificate it signed, offering `alpn`.
pub async fn serve_https_with_new_ca(handler: Handler, alpn: &[&[u8]]) -> (TestPki, TestServer) {
    let pki = TestPki::new();
    let server = serve_https(handler, pki.server_config(alpn)).await;
    (pki, server)
}

async fn serve(handler: Handler, tls: Option<TlsAcceptor>) -> TestServer {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("local addr");
    let connections = Arc::new(AtomicUsize::new(0));
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let server = TestServer {
        addr,
        connections: Arc::clone(&connections),
        seen: Arc::clone(&seen),
    };

    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            connections.fetch_add(1, Ordering::SeqCst);
            let handler = Arc::clone(&handler);
            let seen = Arc::clone(&seen);
            let tls = tls.clone();
            tokio::spawn(async move {
                let service = service_fn(move |request: http::Request<Incoming>| {
                    let handler = Arc::clone(&handler);
                    let seen = Arc::clone(&seen);
                    async move {
                        let (parts, body) = request.into_parts();
                        let body = body
                            .collect()
                            .await
                            .map(http_body_util::Collected::to_bytes)
                            .unwrap_or_default();
                        let request = Seen {
                            method: parts.method,
                            uri: parts.uri,
                            version: parts.version,
                            headers: parts.headers,
                            body,
                        };
                        let response = handler(&request);
                        seen.lock().expect("not poisoned").push(request);
                        Ok::<_, Infallible>(response)
                    }
                });
                let builder = auto::Builder::new(TokioExecutor::new());
                match tls {
                    None => {
                        let _ = builder
                            .serve_connection(TokioIo::new(socket), service)
                            .await;
                    }
                    Some(acceptor) => {
                        if let Ok(stream) = acceptor.accept(socket).await {
                            let _ = builder
                                .serve_connection(TokioIo::new(stream), service)
                                .await;
                        }
                    }
                }
            });
        }
    });
    server
}
