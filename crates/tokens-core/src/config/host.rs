//! Host normalisation: what the official SDKs do to a workspace URL before using it.

use crate::Error;

/// Normalises a workspace host the way the official SDKs do: adds `https://` when there is no
/// scheme, and drops trailing `/` and a default `:443` port. A path is kept (a proxy in front
/// of a workspace may serve the API under one).
///
/// ```
/// use tokens_core::normalize_host;
///
/// assert_eq!(normalize_host("adb-1.azuredatabricks.net/")?, "https://adb-1.azuredatabricks.net");
/// assert_eq!(normalize_host("https://example.com:443")?, "https://example.com");
/// assert_eq!(normalize_host("http://127.0.0.1:8080")?, "http://127.0.0.1:8080");
/// # Ok::<(), tokens_core::Error>(())
/// ```
///
/// # Errors
///
/// [`ErrorKind::Config`](crate::ErrorKind::Config) when the result is not an `http` or
/// `https` URL with a host, or carries a query, a fragment or user info.
pub fn normalize_host(host: &str) -> Result<String, Error> {
    let trimmed = host.trim();
    if trimmed.is_empty() {
        return Err(Error::config("host is empty"));
    }
    let mut url = if trimmed.contains("://") {
        trimmed.to_owned()
    } else {
        format!("https://{trimmed}")
    };
    while url.ends_with('/') {
        url.pop();
    }

    let authority_text = url
        .split_once("://")
        .map_or("", |(_, rest)| rest.split('/').next().unwrap_or_default());
    if authority_text.contains('@') {
        return Err(Error::config("host must not carry user info (`user@`)"));
    }

    // A query or fragment may hold a credential pasted by mistake: never repeat it.
    let shown = shown(trimmed);
    let uri: http::Uri = url
        .parse()
        .map_err(|_| Error::config(format!("host `{shown}` is not a valid URL")))?;
    let scheme = uri.scheme_str().unwrap_or_default();
    if scheme != "https" && scheme != "http" {
        return Err(Error::config(format!(
            "host `{shown}` must use https:// (or http:// for a local server)"
        )));
    }
    let Some(authority) = uri.authority() else {
        return Err(Error::config(format!("host `{shown}` names no server")));
    };
    if uri.query().is_some() || url.contains('#') {
        return Err(Error::config(format!(
            "host `{shown}` must not have a query or a fragment"
        )));
    }

    if scheme == "https" && authority.port_u16() == Some(443) {
        let without_port = format!("https://{}{}", authority.host(), path_of(&uri));
        return Ok(without_port);
    }
    Ok(url)
}

/// The host as an error may show it: cut before any query or fragment, which could hold a
/// secret.
fn shown(host: &str) -> String {
    match host.find(['?', '#']) {
        Some(cut) => format!("{}…", &host[..cut]),
        None => host.to_owned(),
    }
}

/// The path of a base URL, without a lone `/`.
fn path_of(uri: &http::Uri) -> &str {
    match uri.path() {
        "/" => "",
        path => path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scheme_is_added_and_slashes_dropped() {
        assert_eq!(
            normalize_host("example.com//").unwrap(),
            "https://example.com"
        );
    }

    #[test]
    fn default_port_is_dropped_only_for_https() {
        assert_eq!(
            normalize_host("example.com:443/").unwrap(),
            "https://example.com"
        );
        assert_eq!(
            normalize_host("http://example.com:443").unwrap(),
            "http://example.com:443"
        );
        assert_eq!(
            normalize_host("https://example.com:8443").unwrap(),
            "https://example.com:8443"
        );
    }

    #[test]
    fn a_path_prefix_is_kept() {
        assert_eq!(
            normalize_host("https://proxy.local:443/databricks/").unwrap(),
            "https://proxy.local/databricks"
        );
    }

    #[test]
    fn bad_hosts_are_config_errors() {
        for bad in [
            "",
            "   ",
            "ftp://x",
            "https://",
            "https://a b",
            "https://x?q=1",
            "https://u:p@x",
        ] {
            let err = normalize_host(bad).unwrap_err();
            assert_eq!(err.kind(), crate::ErrorKind::Config, "{bad}");
        }
    }

    #[test]
    fn a_query_or_fragment_is_not_echoed() {
        for bad in [
            "https://x.example?token=dapi0123456789abcdef0123456789abcdef",
            "https://x.example/#dapi0123456789abcdef0123456789abcdef",
            "ftp://x.example?dapi0123456789abcdef0123456789abcdef",
        ] {
            let err = normalize_host(bad).unwrap_err();
            assert!(!err.to_string().contains("dapi0123"), "{err}");
            assert!(err.to_string().contains("x.example"), "{err}");
        }
    }

    #[test]
    fn user_info_is_not_echoed() {
        let err = normalize_host("https://user:hunter2@x").unwrap_err();
        assert!(!err.to_string().contains("hunter2"));
    }
}
