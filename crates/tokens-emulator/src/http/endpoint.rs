//! Which endpoint a request path names, and which methods it allows.

use crate::route::Route;
use http::Method;
use percent_encoding::percent_decode_str;

/// An endpoint of the emulator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Endpoint {
    Create,
    List,
    Delete,
    /// Update of the token whose id is the (percent-decoded) last path segment.
    Update(String),
    DatabricksConfig,
    OidcMetadata,
    OAuthToken,
    ControlFaults,
    ControlStats,
}

const TOKEN_PREFIX: &str = "/api/2.0/token/";

impl Endpoint {
    /// The endpoint at `path`; control endpoints only when enabled.
    pub(crate) fn locate(path: &str, control_enabled: bool) -> Option<Endpoint> {
        let endpoint = match path {
            "/api/2.0/token/create" => Endpoint::Create,
            "/api/2.0/token/list" => Endpoint::List,
            "/api/2.0/token/delete" => Endpoint::Delete,
            "/.well-known/databricks-config" => Endpoint::DatabricksConfig,
            "/oidc/.well-known/oauth-authorization-server" => Endpoint::OidcMetadata,
            "/oidc/v1/token" => Endpoint::OAuthToken,
            "/__emulator/faults" if control_enabled => Endpoint::ControlFaults,
            "/__emulator/stats" if control_enabled => Endpoint::ControlStats,
            other => {
                let segment = other.strip_prefix(TOKEN_PREFIX)?;
                if segment.is_empty() || segment.contains('/') {
                    return None;
                }
                let id = percent_decode_str(segment)
                    .decode_utf8()
                    .map_or_else(|_| segment.to_owned(), std::borrow::Cow::into_owned);
                Endpoint::Update(id)
            }
        };
        Some(endpoint)
    }

    /// The methods the endpoint answers.
    pub(crate) fn methods(&self) -> &'static [Method] {
        match self {
            Endpoint::Create | Endpoint::Delete | Endpoint::OAuthToken => &[Method::POST],
            Endpoint::List
            | Endpoint::DatabricksConfig
            | Endpoint::OidcMetadata
            | Endpoint::ControlStats => &[Method::GET],
            Endpoint::Update(_) => &[Method::PATCH],
            Endpoint::ControlFaults => &[Method::GET, Method::POST, Method::DELETE],
        }
    }

    /// The `Allow` header value.
    pub(crate) fn allow_header(&self) -> String {
        let names: Vec<&str> = self.methods().iter().map(Method::as_str).collect();
        names.join(", ")
    }

    /// The route for statistics and faults; `None` for control endpoints.
    pub(crate) fn route(&self) -> Option<Route> {
        match self {
            Endpoint::Create => Some(Route::Create),
            Endpoint::List => Some(Route::List),
            Endpoint::Delete => Some(Route::Delete),
            Endpoint::Update(_) => Some(Route::Update),
            Endpoint::DatabricksConfig | Endpoint::OidcMetadata => Some(Route::Discovery),
            Endpoint::OAuthToken => Some(Route::OAuthToken),
            Endpoint::ControlFaults | Endpoint::ControlStats => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_paths() {
        assert_eq!(
            Endpoint::locate("/api/2.0/token/list", false),
            Some(Endpoint::List)
        );
        assert_eq!(
            Endpoint::locate("/api/2.0/token/ab%2Fc", false),
            Some(Endpoint::Update("ab/c".into()))
        );
        assert_eq!(Endpoint::locate("/api/2.0/token/", false), None);
        assert_eq!(Endpoint::locate("/api/2.0/token/a/b", false), None);
        assert_eq!(Endpoint::locate("/__emulator/faults", false), None);
        assert_eq!(
            Endpoint::locate("/__emulator/faults", true),
            Some(Endpoint::ControlFaults)
        );
    }
}
