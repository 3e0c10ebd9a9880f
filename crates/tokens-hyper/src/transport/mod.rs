//! The HTTP transport service: hyper-util's pooled client behind a
//! `tower::Service<http::Request<Bytes>>`.

mod body;
mod builder;
mod classify;
mod future;

pub use builder::HyperTransportBuilder;
pub use future::ResponseFuture;

use crate::ProxyConfig;
use crate::connect::{Connector, TimedConnector};
use bytes::Bytes;
use http::header::PROXY_AUTHORIZATION;
use http::uri::{Authority, Scheme};
use http::{Method, Request, Response, Version};
use http_body_util::Full;
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::Client;
use std::fmt;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokens_core::{SendState, TransportError, TransportErrorKind};
use tower::Service;

type PooledClient = Client<TimedConnector<HttpsConnector<Connector>>, Full<Bytes>>;

/// The native HTTP transport: HTTPS with rustls, HTTP/1.1 and HTTP/2, pooled connections.
///
/// A `tower::Service` from `http::Request<Bytes>` to `http::Response<Bytes>` whose errors are
/// [`TransportError`]s classified as [`SendState::NotSent`] or [`SendState::MaybeSent`] for
/// the retry layer. Cloning is cheap: clones share one connection pool and configuration.
///
/// ```no_run
/// use bytes::Bytes;
/// use tower::ServiceExt;
/// use tokens_hyper::HyperTransport;
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let transport = HyperTransport::new()?;
/// let request = http::Request::get("https://adb-123.azuredatabricks.net/api/2.0/token/list")
///     .body(Bytes::new())?;
/// let response = transport.oneshot(request).await?;
/// println!("{}", response.status());
/// # Ok(())
/// # }
/// ```
///
/// What it does, by default (see [`HyperTransportBuilder`] to change it):
///
/// - TLS 1.2 and 1.3 through rustls with the `ring` provider, trusting Mozilla's roots
///   ([`TlsRoots::WebPki`](crate::TlsRoots::WebPki)); HTTP/2 when the server offers it by
///   ALPN, HTTP/1.1 otherwise (plain `http://` is always HTTP/1.1).
/// - Idle connections kept for 90 seconds; a connection setup (TCP, proxy tunnel, TLS) limited
///   to 10 seconds; response bodies capped at 16 MiB.
/// - No proxy unless one is given with [`HyperTransportBuilder::proxy`].
/// - A pooled connection that died while idle is retried safely: when hyper hands a request
///   back unwritten on a reused connection, hyper-util sends it again on a fresh one.
///
/// There is no overall request timeout here; the core's timeout layer bounds each attempt.
///
/// # Limitations
///
/// - A failure after the request was handed to a live connection is
///   [`SendState::MaybeSent`], except an HTTP/2 stream the server reset with
///   `REFUSED_STREAM` (which promises the request was not processed). A `GOAWAY` naming a
///   lower stream id would prove the same, but h2 does not tell it apart from a connection
///   that failed after processing, so it stays `MaybeSent`.
/// - No client certificates (mutual TLS), no HTTP/2 over plain `http://`, no response
///   decompression, and only `http://` proxies.
#[derive(Clone)]
pub struct HyperTransport {
    shared: Arc<Shared>,
}

struct Shared {
    client: PooledClient,
    max_response_body: usize,
    connect_timeout: Duration,
    proxy: Option<ProxyConfig>,
}

impl HyperTransport {
    /// A transport with the default settings (see the type's docs).
    ///
    /// # Errors
    ///
    /// Only if the TLS configuration cannot be made, which the defaults never cause.
    pub fn new() -> Result<Self, crate::BuildError> {
        HyperTransport::builder().build()
    }

    /// A builder to change the defaults.
    pub fn builder() -> HyperTransportBuilder {
        HyperTransportBuilder::new()
    }

    /// The largest response body accepted, in bytes.
    pub fn max_response_body(&self) -> usize {
        self.shared.max_response_body
    }

    fn from_parts(
        client: PooledClient,
        max_response_body: usize,
        connect_timeout: Duration,
        proxy: Option<ProxyConfig>,
    ) -> Self {
        HyperTransport {
            shared: Arc::new(Shared {
                client,
                max_response_body,
                connect_timeout,
                proxy,
            }),
        }
    }
}

impl fmt::Debug for HyperTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HyperTransport")
            .field("max_response_body", &self.shared.max_response_body)
            .field("connect_timeout", &self.shared.connect_timeout)
            .field("proxy", &self.shared.proxy)
            .finish_non_exhaustive()
    }
}

impl Service<Request<Bytes>> for HyperTransport {
    type Response = Response<Bytes>;
    type Error = TransportError;
    type Future = ResponseFuture;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), TransportError>> {
        // The pooled client queues internally; it is always ready to take a request.
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request<Bytes>) -> ResponseFuture {
        ResponseFuture::new(Box::pin(send(&self.shared, request)))
    }
}

/// One request: checked and handed to the pooled client now, so that the future returned
/// holds only what is needed once the request is on its way. (An `async fn` would also keep
/// the whole request in its state; a future under about 1 KB is a cheaper allocation.)
fn send(
    shared: &Arc<Shared>,
    request: Request<Bytes>,
) -> impl Future<Output = Result<Response<Bytes>, TransportError>> + use<> {
    let sent = start(shared, request);
    let shared = Arc::clone(shared);
    async move {
        let Sent {
            method,
            authority,
            response,
        } = sent?;
        let authority = authority.as_ref();
        let response = match response.await {
            Ok(response) => response,
            Err(err) => {
                let err = classify::request_error(err);
                log_failure(&method, authority, &err);
                return Err(err);
            }
        };

        let version = response.version();
        let (parts, incoming) = response.into_parts();
        let body = body::read_capped(incoming, &parts.headers, shared.max_response_body)
            .await
            .inspect_err(|err| log_failure(&method, authority, err))?;
        tracing::debug!(
            http.request.method = %method,
            server.address = %host(authority),
            server.port = authority.and_then(Authority::port_u16),
            network.protocol.version = protocol_version(version),
            http.response.status_code = parts.status.as_u16(),
            "response received"
        );
        Ok(Response::from_parts(parts, body))
    }
}

/// A request handed to the pooled client, and what its log lines name.
struct Sent {
    method: Method,
    /// A clone of the authority shares its bytes (copying the host into a `String` cost an
    /// allocation per request); its host and port are read only when a line is written,
    /// since tracing evaluates a field only for an enabled event.
    authority: Option<Authority>,
    response: hyper_util::client::legacy::ResponseFuture,
}

/// Checks `request` and gives it to the pooled client, which sends it when first polled.
fn start(shared: &Shared, request: Request<Bytes>) -> Result<Sent, TransportError> {
    check_target(&request)?;
    let method = request.method().clone();
    let authority = request.uri().authority().cloned();
    let (mut parts, body) = request.into_parts();
    if parts.uri.scheme() == Some(&Scheme::HTTP) {
        add_proxy_authorization(shared.proxy.as_ref(), &mut parts);
    }
    let response = shared
        .client
        .request(Request::from_parts(parts, Full::new(body)));
    Ok(Sent {
        method,
        authority,
        response,
    })
}

/// Refuses, before any connection, a URI the client could not send to.
fn check_target(request: &Request<Bytes>) -> Result<(), TransportError> {
    let uri = request.uri();
    let scheme_ok = matches!(uri.scheme_str(), Some("http" | "https"));
    let host_ok = uri.host().is_some_and(|host| !host.is_empty());
    if scheme_ok && host_ok {
        return Ok(());
    }
    Err(
        TransportError::new(TransportErrorKind::InvalidRequest, SendState::NotSent).with_message(
            "the request URI must be absolute, with an http or https scheme and a host",
        ),
    )
}

/// Plain `http://` requests through a proxy carry its credentials on every request (an
/// `https://` request carries them on the `CONNECT` instead, and never inside the tunnel).
fn add_proxy_authorization(proxy: Option<&ProxyConfig>, parts: &mut http::request::Parts) {
    let Some(route) = proxy.and_then(|proxy| proxy.route(&parts.uri)) else {
        return;
    };
    if let Some(authorization) = route.authorization() {
        let mut value = authorization.clone();
        value.set_sensitive(true);
        parts.headers.insert(PROXY_AUTHORIZATION, value);
    }
}

fn log_failure(method: &Method, authority: Option<&Authority>, err: &TransportError) {
    tracing::debug!(
        http.request.method = %method,
        server.address = %host(authority),
        error.type = ?err.kind(),
        send_state = ?err.send_state(),
        "request failed"
    );
}

/// The host of a request's authority, for a log line.
fn host(authority: Option<&Authority>) -> &str {
    authority.map_or("", Authority::host)
}

fn protocol_version(version: Version) -> &'static str {
    match version {
        Version::HTTP_09 => "0.9",
        Version::HTTP_10 => "1.0",
        Version::HTTP_2 => "2",
        Version::HTTP_3 => "3",
        _ => "1.1",
    }
}
