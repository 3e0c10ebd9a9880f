//! Refusing to send a credential in the clear.
//!
//! A bearer token sent over plain `http://` can be read and replayed by anyone on the path.
//! The only plain-http servers a client should talk to are on the same machine (an
//! emulator, a local proxy), so loopback addresses are allowed and everything else needs an
//! explicit opt-in.

use crate::Error;
use http::Uri;
use std::net::{Ipv4Addr, Ipv6Addr};

/// Checks that a credential may be sent to `uri`: over `https`, or over `http` to a
/// loopback host (127.0.0.0/8, `::1`, `localhost`), or anywhere when `allow_insecure`.
pub(super) fn check(uri: &Uri, allow_insecure: bool) -> Result<(), Error> {
    match uri.scheme_str() {
        Some("https") => Ok(()),
        Some("http") if allow_insecure || uri.host().is_some_and(is_loopback) => Ok(()),
        Some("http") => Err(Error::auth(format!(
            "refusing to send a credential over plain http to {}: use https, or allow \
             insecure http explicitly",
            uri.host().unwrap_or("an unnamed host")
        ))),
        Some(other) => Err(Error::auth(format!(
            "refusing to send a credential over the unknown scheme `{other}`"
        ))),
        None => Err(Error::auth(
            "refusing to send a credential to a URL without a scheme and host",
        )),
    }
}

/// Whether `host` (as `Uri::host` gives it, IPv6 in brackets) names this machine.
pub(super) fn is_loopback(host: &str) -> bool {
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    if let Ok(v4) = host.parse::<Ipv4Addr>() {
        return v4.is_loopback();
    }
    let bare = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    bare.parse::<Ipv6Addr>().is_ok_and(|v6| v6.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts_are_recognised() {
        for host in [
            "localhost",
            "LocalHost",
            "127.0.0.1",
            "127.255.0.9",
            "[::1]",
            "::1",
        ] {
            assert!(is_loopback(host), "{host}");
        }
        for host in [
            "example.com",
            "10.0.0.1",
            "128.0.0.1",
            "[::2]",
            "localhost.evil.com",
        ] {
            assert!(!is_loopback(host), "{host}");
        }
    }

    #[test]
    fn plain_http_is_refused_off_loopback_unless_allowed() {
        let remote: Uri = "http://example.com/api".parse().unwrap();
        let local: Uri = "http://127.0.0.1:8080/api".parse().unwrap();
        let secure: Uri = "https://example.com/api".parse().unwrap();
        assert!(check(&remote, false).is_err());
        assert!(check(&remote, true).is_ok());
        assert!(check(&local, false).is_ok());
        assert!(check(&secure, false).is_ok());
        assert!(check(&"/relative".parse().unwrap(), false).is_err());
    }
}
