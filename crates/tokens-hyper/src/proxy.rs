//! Which requests go through an HTTP proxy: `HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`.
//!
//! A transport uses a proxy only when it is given a [`ProxyConfig`]; the environment is read
//! only by [`ProxyConfig::from_env`], so two clients in one process can differ.

use crate::BuildError;
use http::Uri;
use hyper_util::client::proxy::matcher::{Intercept, Matcher};
use std::fmt;
use std::sync::Arc;

/// Where requests are sent through an HTTP proxy, and which hosts bypass it.
///
/// `https://` requests go through a `CONNECT` tunnel, so TLS still runs end to end between
/// the client and the server and the proxy sees only the host name. `http://` requests are
/// sent to the proxy in absolute form.
///
/// ```
/// use tokens_hyper::ProxyConfig;
///
/// let proxy = ProxyConfig::builder()
///     .https_proxy("http://proxy.internal:3128")
///     .no_proxy("localhost, 127.0.0.1, .corp.example")
///     .build()?;
/// assert!(proxy.uses_proxy_for(&"https://adb-1.azuredatabricks.net/".parse()?));
/// assert!(!proxy.uses_proxy_for(&"https://db.corp.example/".parse()?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Loopback hosts are not exempt by themselves: list `localhost, 127.0.0.1` in `NO_PROXY`
/// to reach a local server (an emulator, for example) directly while a proxy is set.
///
/// # Limitations
///
/// Only `http://` proxies are supported: a proxy reached over TLS (`https://`) or SOCKS is
/// refused with an error when the configuration is built.
#[derive(Clone)]
pub struct ProxyConfig {
    matcher: Arc<Matcher>,
}

/// The proxy a request is routed through.
#[derive(Debug, Clone)]
pub(crate) struct ProxyRoute {
    intercept: Intercept,
}

impl ProxyRoute {
    /// The proxy's own address (`http://host:port/`), without credentials.
    pub(crate) fn uri(&self) -> &Uri {
        self.intercept.uri()
    }

    /// The `Proxy-Authorization` value from the proxy URL's user and password, if any.
    pub(crate) fn authorization(&self) -> Option<&http::HeaderValue> {
        self.intercept.basic_auth()
    }
}

impl ProxyConfig {
    /// Starts a configuration with no proxy; add one with the builder's methods.
    pub fn builder() -> ProxyConfigBuilder {
        ProxyConfigBuilder::default()
    }

    /// Reads the proxy settings from the environment, as curl does.
    ///
    /// `HTTPS_PROXY` (or `https_proxy`) for `https://` requests, `HTTP_PROXY` (or
    /// `http_proxy`) for `http://` requests, `ALL_PROXY` (or `all_proxy`) for either when the
    /// specific one is unset, and `NO_PROXY` (or `no_proxy`): a comma-separated list of host
    /// names (matching subdomains too), IP addresses or CIDR ranges, or `*` for every host.
    /// Empty values count as unset. When `REQUEST_METHOD` is set (the process is a CGI
    /// script), `HTTP_PROXY` is ignored, because a CGI server fills it from the request's own
    /// `Proxy` header.
    ///
    /// # Errors
    ///
    /// When a variable holds something that is not an `http://` proxy address; sending
    /// around a proxy the user asked for would be worse than failing.
    pub fn from_env() -> Result<ProxyConfig, BuildError> {
        let is_cgi = std::env::var_os("REQUEST_METHOD").is_some();
        let mut builder = ProxyConfig::builder();
        if let Some(all) = first_env(&["ALL_PROXY", "all_proxy"]) {
            builder = builder.all_proxy(all);
        }
        if let Some(https) = first_env(&["HTTPS_PROXY", "https_proxy"]) {
            builder = builder.https_proxy(https);
        }
        if !is_cgi && let Some(http) = first_env(&["HTTP_PROXY", "http_proxy"]) {
            builder = builder.http_proxy(http);
        }
        if let Some(no_proxy) = first_env(&["NO_PROXY", "no_proxy"]) {
            builder = builder.no_proxy(no_proxy);
        }
        builder.build()
    }

    /// Whether a request to `uri` would go through the proxy.
    pub fn uses_proxy_for(&self, uri: &Uri) -> bool {
        self.route(uri).is_some()
    }

    pub(crate) fn route(&self, uri: &Uri) -> Option<ProxyRoute> {
        self.matcher
            .intercept(uri)
            .map(|intercept| ProxyRoute { intercept })
    }
}

impl fmt::Debug for ProxyConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The matcher prints proxy addresses without their credentials.
        f.debug_struct("ProxyConfig")
            .field("matcher", &self.matcher)
            .finish()
    }
}

/// Builds a [`ProxyConfig`]; see [`ProxyConfig::builder`].
#[derive(Default, Clone)]
pub struct ProxyConfigBuilder {
    all: Option<String>,
    http: Option<String>,
    https: Option<String>,
    no_proxy: Option<String>,
}

impl ProxyConfigBuilder {
    /// The proxy for `https://` requests, like `http://proxy:3128` or
    /// `http://user:password@proxy:3128` (the credentials become a `Proxy-Authorization`
    /// header on the `CONNECT` request). A missing scheme means `http://`.
    #[must_use]
    pub fn https_proxy(mut self, url: impl Into<String>) -> Self {
        self.https = non_empty(url.into());
        self
    }

    /// The proxy for `http://` requests.
    #[must_use]
    pub fn http_proxy(mut self, url: impl Into<String>) -> Self {
        self.http = non_empty(url.into());
        self
    }

    /// The proxy for both schemes, used where the scheme's own proxy is not set.
    #[must_use]
    pub fn all_proxy(mut self, url: impl Into<String>) -> Self {
        self.all = non_empty(url.into());
        self
    }

    /// Hosts that bypass the proxy, in `NO_PROXY` syntax: comma-separated host names (a name
    /// also matches its subdomains; a leading `.` is allowed), IP addresses, CIDR ranges,
    /// or `*` for all hosts.
    #[must_use]
    pub fn no_proxy(mut self, list: impl Into<String>) -> Self {
        self.no_proxy = non_empty(list.into());
        self
    }

    /// Checks the proxy addresses and makes the configuration.
    ///
    /// # Errors
    ///
    /// When a proxy address is not a URL, has no host, or uses a scheme other than `http`.
    /// The message names the setting, never its value (which may hold a password).
    pub fn build(self) -> Result<ProxyConfig, BuildError> {
        let mut matcher = Matcher::builder();
        if let Some(all) = &self.all {
            check_proxy_url("all-schemes proxy (ALL_PROXY)", all)?;
            matcher = matcher.all(all);
        }
        if let Some(http) = &self.http {
            check_proxy_url("http proxy (HTTP_PROXY)", http)?;
            matcher = matcher.http(http);
        }
        if let Some(https) = &self.https {
            check_proxy_url("https proxy (HTTPS_PROXY)", https)?;
            matcher = matcher.https(https);
        }
        if let Some(no_proxy) = &self.no_proxy {
            matcher = matcher.no(no_proxy);
        }
        Ok(ProxyConfig {
            matcher: Arc::new(matcher.build()),
        })
    }
}

impl fmt::Debug for ProxyConfigBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Proxy URLs may carry a password: show only which settings are present.
        f.debug_struct("ProxyConfigBuilder")
            .field("all", &self.all.is_some())
            .field("http", &self.http.is_some())
            .field("https", &self.https.is_some())
            .field("no_proxy", &self.no_proxy)
            .finish()
    }
}

fn check_proxy_url(setting: &str, value: &str) -> Result<(), BuildError> {
    let uri: Uri = value
        .parse()
        .map_err(|_| BuildError::new(format!("the {setting} is not a valid URL")))?;
    match uri.scheme_str() {
        None | Some("http") => {}
        Some("https") => {
            return Err(BuildError::new(format!(
                "the {setting} uses https://, which is not supported; use an http:// proxy \
                 (https requests are still encrypted end to end through a CONNECT tunnel)"
            )));
        }
        Some(other) => {
            return Err(BuildError::new(format!(
                "the {setting} uses the unsupported scheme {other}://; only http:// proxies work"
            )));
        }
    }
    let has_host = uri
        .authority()
        .map(http::uri::Authority::host)
        .is_some_and(|host| !host.is_empty());
    if !has_host {
        return Err(BuildError::new(format!("the {setting} has no host")));
    }
    Ok(())
}

fn first_env(names: &[&str]) -> Option<String> {
    names
        .iter()
        .find_map(|name| std::env::var(name).ok().and_then(non_empty))
}

fn non_empty(value: String) -> Option<String> {
    if value.trim().is_empty() {
        None
    } else {
        Some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri(s: &str) -> Uri {
        s.parse().expect("test URI")
    }

    #[test]
    fn https_proxy_applies_only_to_https_requests() {
        let proxy = ProxyConfig::builder()
            .https_proxy("http://proxy:3128")
            .build()
            .expect("valid");
        assert!(proxy.uses_proxy_for(&uri("https://example.com/")));
        assert!(!proxy.uses_proxy_for(&uri("http://example.com/")));
    }

    #[test]
    fn no_proxy_matches_subdomains_and_addresses() {
        let proxy = ProxyConfig::builder()
            .all_proxy("proxy:3128")
            .no_proxy("corp.example, 10.0.0.0/8")
            .build()
            .expect("valid");
        assert!(!proxy.uses_proxy_for(&uri("https://db.corp.example/")));
        assert!(!proxy.uses_proxy_for(&uri("http://10.1.2.3/")));
        assert!(proxy.uses_proxy_for(&uri("https://example.com/")));
    }

    #[test]
    fn credentials_become_basic_authorization_and_stay_out_of_debug() {
        let proxy = ProxyConfig::builder()
            .https_proxy("http://alice:s3cret@proxy:3128")
            .build()
            .expect("valid");
        let route = proxy.route(&uri("https://example.com/")).expect("proxied");
        assert_eq!(route.uri().host(), Some("proxy"));
        assert!(route.authorization().is_some());
        assert!(!format!("{proxy:?}").contains("s3cret"));
        let builder = ProxyConfig::builder().https_proxy("http://alice:s3cret@proxy:3128");
        assert!(!format!("{builder:?}").contains("s3cret"));
    }

    #[test]
    fn unsupported_proxy_schemes_are_refused() {
        for bad in ["https://proxy:443", "socks5://proxy:1080"] {
            let err = ProxyConfig::builder().https_proxy(bad).build().unwrap_err();
            assert!(err.to_string().contains("https proxy"), "{err}");
        }
    }

    #[test]
    fn invalid_proxy_url_error_does_not_repeat_the_value() {
        let err = ProxyConfig::builder()
            .http_proxy("http://user:pa ss@")
            .build()
            .unwrap_err();
        assert!(!err.to_string().contains("pa ss"), "{err}");
    }

    #[test]
    fn empty_values_mean_no_proxy() {
        let proxy = ProxyConfig::builder()
            .https_proxy("  ")
            .build()
            .expect("valid");
        assert!(!proxy.uses_proxy_for(&uri("https://example.com/")));
    }
}
