//! The API routes, as named by fault rules and request statistics.

use std::fmt;
use std::str::FromStr;

/// One endpoint of the emulated service, as fault rules and statistics name it.
///
/// ```
/// use tokens_emulator::Route;
///
/// assert_eq!("create".parse::<Route>(), Ok(Route::Create));
/// assert_eq!(Route::OAuthToken.to_string(), "oauth");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Route {
    /// `POST /api/2.0/token/create`.
    Create,
    /// `GET /api/2.0/token/list`.
    List,
    /// `PATCH /api/2.0/token/{token_id}`.
    Update,
    /// `POST /api/2.0/token/delete`.
    Delete,
    /// `POST /oidc/v1/token`.
    OAuthToken,
    /// `GET /.well-known/databricks-config` and `GET /oidc/.well-known/oauth-authorization-server`.
    Discovery,
}

impl Route {
    /// Every route, in a fixed order.
    pub const ALL: [Route; 6] = [
        Route::Create,
        Route::List,
        Route::Update,
        Route::Delete,
        Route::OAuthToken,
        Route::Discovery,
    ];

    /// The short name used by `--fault` and the control endpoint.
    pub fn as_str(self) -> &'static str {
        match self {
            Route::Create => "create",
            Route::List => "list",
            Route::Update => "update",
            Route::Delete => "delete",
            Route::OAuthToken => "oauth",
            Route::Discovery => "discovery",
        }
    }

    pub(crate) fn index(self) -> usize {
        match self {
            Route::Create => 0,
            Route::List => 1,
            Route::Update => 2,
            Route::Delete => 3,
            Route::OAuthToken => 4,
            Route::Discovery => 5,
        }
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The name was not one of the routes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown route `{0}`; expected create, list, update, delete, oauth or discovery")]
pub struct UnknownRoute(pub String);

impl FromStr for Route {
    type Err = UnknownRoute;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Route::ALL
            .into_iter()
            .find(|route| route.as_str() == name)
            .ok_or_else(|| UnknownRoute(name.to_owned()))
    }
}
