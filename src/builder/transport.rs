//! The builder's connection settings: proxy, TLS trust, HTTP/2, pooling, plain http.

use super::ClientBuilder;
use std::time::Duration;
use tokens_hyper::{Certificate, ProxyConfig, TlsRoots};

impl ClientBuilder {
    /// Sends requests through `proxy` (instead of none, or of the proxy variables with
    /// [`ClientBuilder::from_env`]).
    pub fn proxy(mut self, proxy: ProxyConfig) -> Self {
        self.transport = self.transport.proxy(proxy);
        self.proxy_set = true;
        self
    }

    /// Trusts `certificate` as a root too: a private CA, a corporate TLS proxy, a test
    /// server.
    pub fn add_root_certificate(mut self, certificate: Certificate) -> Self {
        self.transport = self.transport.add_root_certificate(certificate);
        self
    }

    /// Which built-in root certificates to trust (default [`TlsRoots::WebPki`]).
    pub fn tls_roots(mut self, roots: TlsRoots) -> Self {
        self.transport = self.transport.tls_roots(roots);
        self
    }

    /// Whether to offer HTTP/2 by ALPN (default `true`).
    pub fn http2(mut self, enabled: bool) -> Self {
        self.transport = self.transport.http2(enabled);
        self
    }

    /// How long an unused connection stays pooled (default 90 s; `None`: until the server
    /// closes it).
    pub fn pool_idle_timeout(mut self, limit: impl Into<Option<Duration>>) -> Self {
        self.transport = self.transport.pool_idle_timeout(limit);
        self
    }

    /// The largest response body accepted, in bytes (default 16 MiB).
    pub fn max_response_body(mut self, bytes: usize) -> Self {
        self.transport = self.transport.max_response_body(bytes);
        self
    }

    /// Allows sending the credential over plain `http://` to hosts other than this machine.
    /// Anyone on the network path can read it then: for test setups only. Loopback hosts
    /// (`localhost`, 127.0.0.0/8, `::1`) are always allowed.
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }
}
