//! What went wrong before a connection was ready: always before any request byte was sent.

use super::resolve::DnsFailure;
use crate::error_chain;
use std::error::Error as StdError;
use std::fmt;
use std::io;
use std::time::Duration;
use tokens_core::{BoxError, TransportErrorKind};

/// A failure to resolve, connect, or open a proxy tunnel. The request was not sent.
#[derive(Debug)]
pub(crate) struct ConnectFailure {
    kind: TransportErrorKind,
    message: String,
    source: Option<BoxError>,
}

impl ConnectFailure {
    /// Classifies an error of hyper-util's TCP connector; `peer` names what was dialled
    /// ("the server" or "the proxy").
    pub(crate) fn from_tcp(err: impl Into<BoxError>, peer: &str) -> Self {
        let err = err.into();
        let (kind, message) = if let Some(dns) = error_chain::find::<DnsFailure>(&*err) {
            (TransportErrorKind::Dns, format!("{dns} ({peer})"))
        } else {
            (
                TransportErrorKind::Connect,
                describe_tcp_failure(&*err, peer),
            )
        };
        ConnectFailure {
            kind,
            message,
            source: Some(err),
        }
    }

    /// Classifies an error of hyper-util's `CONNECT` tunnel, whose inner connector is a
    /// [`Dialer`](super::dial::Dialer) (so a failure to reach the proxy is already classified).
    pub(crate) fn from_tunnel(err: impl Into<BoxError>) -> Self {
        let err = err.into();
        if let Some(dial) = error_chain::find::<ConnectFailure>(&*err) {
            return ConnectFailure {
                kind: dial.kind,
                message: dial.message.clone(),
                source: Some(err),
            };
        }
        ConnectFailure {
            kind: TransportErrorKind::Connect,
            message: format!("the proxy did not open a tunnel to the server ({err})"),
            source: Some(err),
        }
    }

    /// The whole connection setup (TCP, proxy tunnel, TLS handshake) ran out of time.
    pub(crate) fn timed_out(limit: Duration) -> Self {
        ConnectFailure {
            kind: TransportErrorKind::Connect,
            message: format!(
                "connecting timed out after {limit:?} (TCP connect, proxy tunnel and TLS handshake)"
            ),
            source: None,
        }
    }

    pub(crate) fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    pub(crate) fn message(&self) -> &str {
        &self.message
    }
}

fn describe_tcp_failure(err: &(dyn StdError + 'static), peer: &str) -> String {
    match error_chain::find::<io::Error>(err) {
        Some(io) if io.kind() == io::ErrorKind::ConnectionRefused => {
            format!("{peer} refused the connection")
        }
        Some(io) if io.kind() == io::ErrorKind::TimedOut => {
            format!("connecting to {peer} timed out")
        }
        Some(io) => format!("could not connect to {peer}: {io}"),
        None => format!("could not connect to {peer}: {err}"),
    }
}

impl fmt::Display for ConnectFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl StdError for ConnectFailure {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn StdError + 'static))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stands in for hyper-util's private connect error, which wraps the resolver's error.
    #[derive(Debug)]
    struct Wrapper(BoxError);

    impl fmt::Display for Wrapper {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("dns error")
        }
    }

    impl StdError for Wrapper {
        fn source(&self) -> Option<&(dyn StdError + 'static)> {
            Some(&*self.0)
        }
    }

    #[test]
    fn resolver_failure_inside_the_connector_error_is_dns() {
        let dns = DnsFailure::new(io::Error::new(io::ErrorKind::NotFound, "no such host"));
        let failure = ConnectFailure::from_tcp(Wrapper(Box::new(dns)), "the server");
        assert_eq!(failure.kind(), TransportErrorKind::Dns);
        assert!(failure.message().contains("could not resolve"), "{failure}");
    }

    #[test]
    fn refused_tcp_connect_is_connect() {
        let refused = io::Error::from(io::ErrorKind::ConnectionRefused);
        let failure = ConnectFailure::from_tcp(Wrapper(Box::new(refused)), "the proxy");
        assert_eq!(failure.kind(), TransportErrorKind::Connect);
        assert_eq!(failure.message(), "the proxy refused the connection");
    }

    #[test]
    fn timeout_names_its_limit() {
        let failure = ConnectFailure::timed_out(Duration::from_millis(1500));
        assert_eq!(failure.kind(), TransportErrorKind::Connect);
        assert!(failure.message().contains("1.5s"), "{failure}");
    }
}
