//! Name resolution that marks its failures, so a DNS error can be told from a refused
//! connection after hyper-util has wrapped both in its own connect error.

use hyper_util::client::legacy::connect::dns::{GaiAddrs, GaiResolver, Name};
use std::error::Error as StdError;
use std::fmt;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use tower::Service;

/// The system resolver (`getaddrinfo` on a blocking thread), with errors as [`DnsFailure`].
#[derive(Debug, Clone)]
pub(crate) struct Resolver {
    inner: GaiResolver,
}

impl Resolver {
    pub(crate) fn new() -> Self {
        Resolver {
            inner: GaiResolver::new(),
        }
    }
}

impl Service<Name> for Resolver {
    type Response = GaiAddrs;
    type Error = DnsFailure;
    type Future = Pin<Box<dyn Future<Output = Result<GaiAddrs, DnsFailure>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), DnsFailure>> {
        self.inner.poll_ready(cx).map_err(DnsFailure)
    }

    fn call(&mut self, name: Name) -> Self::Future {
        let resolving = self.inner.call(name);
        Box::pin(async move { resolving.await.map_err(DnsFailure) })
    }
}

/// Name resolution failed.
#[derive(Debug)]
pub(crate) struct DnsFailure(io::Error);

impl DnsFailure {
    #[cfg(test)]
    pub(crate) fn new(err: io::Error) -> Self {
        DnsFailure(err)
    }
}

impl fmt::Display for DnsFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not resolve the host name: {}", self.0)
    }
}

impl StdError for DnsFailure {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&self.0)
    }
}
