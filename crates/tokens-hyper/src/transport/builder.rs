//! Configuring a [`HyperTransport`].

use super::HyperTransport;
use crate::connect::{Connector, TimedConnector};
use crate::{BuildError, Certificate, ProxyConfig, TlsRoots, tls};
use hyper_rustls::HttpsConnectorBuilder;
use hyper_util::client::legacy::Client;
use hyper_util::rt::{TokioExecutor, TokioTimer};
use std::time::Duration;

const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const DEFAULT_POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(90);
const DEFAULT_MAX_IDLE_PER_HOST: usize = 32;
const DEFAULT_MAX_RESPONSE_BODY: usize = 16 * 1024 * 1024;

/// Builds a [`HyperTransport`]; start with [`HyperTransport::builder`].
///
/// ```
/// use std::time::Duration;
/// use tokens_hyper::{HyperTransport, ProxyConfig};
///
/// let transport = HyperTransport::builder()
///     .connect_timeout(Duration::from_secs(5))
///     .pool_idle_timeout(Duration::from_secs(30))
///     .max_response_body(1024 * 1024)
///     .proxy(ProxyConfig::from_env()?)
///     .build()?;
/// assert_eq!(transport.max_response_body(), 1024 * 1024);
/// # Ok::<(), tokens_hyper::BuildError>(())
/// ```
#[derive(Debug, Clone)]
pub struct HyperTransportBuilder {
    connect_timeout: Duration,
    pool_idle_timeout: Option<Duration>,
    pool_max_idle_per_host: usize,
    max_response_body: usize,
    roots: TlsRoots,
    custom_roots: Vec<Certificate>,
    proxy: Option<ProxyConfig>,
    http2: bool,
}

impl HyperTransportBuilder {
    pub(crate) fn new() -> Self {
        HyperTransportBuilder {
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            pool_idle_timeout: Some(DEFAULT_POOL_IDLE_TIMEOUT),
            pool_max_idle_per_host: DEFAULT_MAX_IDLE_PER_HOST,
            max_response_body: DEFAULT_MAX_RESPONSE_BODY,
            roots: TlsRoots::default(),
            custom_roots: Vec::new(),
            proxy: None,
            http2: true,
        }
    }

    /// The time allowed to set up a new connection: resolving, TCP connect, the proxy tunnel
    /// and the TLS handshake together. Default 10 seconds. Running out is a `Connect` error
    /// with [`SendState::NotSent`](tokens_core::SendState::NotSent).
    #[must_use]
    pub fn connect_timeout(mut self, limit: Duration) -> Self {
        self.connect_timeout = limit;
        self
    }

    /// How long an unused connection stays in the pool; `None` keeps it until the server
    /// closes it. Default 90 seconds.
    #[must_use]
    pub fn pool_idle_timeout(mut self, limit: impl Into<Option<Duration>>) -> Self {
        self.pool_idle_timeout = limit.into();
        self
    }

    /// The most idle connections kept per host; 0 turns pooling off. Default 32.
    #[must_use]
    pub fn pool_max_idle_per_host(mut self, count: usize) -> Self {
        self.pool_max_idle_per_host = count;
        self
    }

    /// The largest response body accepted, in bytes; a larger one fails with
    /// [`TransportErrorKind::BodyTooLarge`](tokens_core::TransportErrorKind::BodyTooLarge)
    /// without being buffered. Default 16 MiB.
    #[must_use]
    pub fn max_response_body(mut self, bytes: usize) -> Self {
        self.max_response_body = bytes;
        self
    }

    /// Which built-in root certificates to trust. Default [`TlsRoots::WebPki`].
    #[must_use]
    pub fn tls_roots(mut self, roots: TlsRoots) -> Self {
        self.roots = roots;
        self
    }

    /// Trusts `certificate` as a root too, for a private CA or a test server.
    #[must_use]
    pub fn add_root_certificate(mut self, certificate: Certificate) -> Self {
        self.custom_roots.push(certificate);
        self
    }

    /// Sends requests through the proxies of `proxy` (see [`ProxyConfig::from_env`]).
    #[must_use]
    pub fn proxy(mut self, proxy: ProxyConfig) -> Self {
        self.proxy = Some(proxy);
        self
    }

    /// Whether to offer HTTP/2 in the TLS handshake (ALPN). Default `true`; with `false`
    /// every connection uses HTTP/1.1.
    #[must_use]
    pub fn http2(mut self, enabled: bool) -> Self {
        self.http2 = enabled;
        self
    }

    /// Makes the transport. It needs a tokio runtime only when it sends.
    ///
    /// # Errors
    ///
    /// When the connect timeout is zero, no root certificate would be trusted, or the system
    /// certificate store cannot be read ([`TlsRoots::Native`](crate::TlsRoots)).
    pub fn build(self) -> Result<HyperTransport, BuildError> {
        if self.connect_timeout.is_zero() {
            return Err(BuildError::new(
                "the connect timeout must be more than zero",
            ));
        }

        let tls = tls::client_config(self.roots, &self.custom_roots)?;
        let connector = Connector::new(self.proxy.clone());
        let https = HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_or_http();
        let https = if self.http2 {
            https.enable_all_versions().wrap_connector(connector)
        } else {
            https.enable_http1().wrap_connector(connector)
        };

        let mut client = Client::builder(TokioExecutor::new());
        client
            .pool_timer(TokioTimer::new())
            .timer(TokioTimer::new())
            .pool_idle_timeout(self.pool_idle_timeout)
            .pool_max_idle_per_host(self.pool_max_idle_per_host)
            // hyper-util's default, stated so it stays on: a request that a reused pooled
            // connection handed back unwritten (the server closed it while idle) is resent
            // on a new connection. It never resends a request that may have been written.
            .retry_canceled_requests(true);
        let client = client.build(TimedConnector::new(https, self.connect_timeout));

        Ok(HyperTransport::from_parts(
            client,
            self.max_response_body,
            self.connect_timeout,
            self.proxy,
        ))
    }
}
