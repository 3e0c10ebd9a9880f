//! Which auth method a configuration selects, and its credentials.

use crate::Error;
use std::fmt;
use std::str::FromStr;
use tokens_types::Secret;

/// An auth method, as named by `auth_type` / `DATABRICKS_AUTH_TYPE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AuthType {
    /// A personal access token (`pat`).
    Pat,
    /// OAuth machine-to-machine with a service principal's client id and secret
    /// (`oauth-m2m`).
    OAuthM2m,
}

impl AuthType {
    /// The name used in configuration and in the `User-Agent`.
    pub fn as_str(self) -> &'static str {
        match self {
            AuthType::Pat => "pat",
            AuthType::OAuthM2m => "oauth-m2m",
        }
    }
}

impl fmt::Display for AuthType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for AuthType {
    type Err = Error;

    fn from_str(name: &str) -> Result<Self, Error> {
        match name {
            "pat" => Ok(AuthType::Pat),
            "oauth-m2m" => Ok(AuthType::OAuthM2m),
            other => Err(Error::config(format!(
                "auth type `{}` is not supported; use `pat` or `oauth-m2m`",
                other.escape_debug()
            ))),
        }
    }
}

/// The credentials a configuration resolved to. `Debug` redacts the secrets.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Credentials {
    /// A personal access token, sent as `Authorization: Bearer <token>`.
    Pat {
        /// The token.
        token: Secret,
    },
    /// A service principal's OAuth client credentials, exchanged for short-lived tokens.
    OAuthM2m {
        /// The client id (not a secret).
        client_id: String,
        /// The client secret.
        client_secret: Secret,
    },
}

impl Credentials {
    /// The auth method of these credentials.
    pub fn auth_type(&self) -> AuthType {
        match self {
            Credentials::Pat { .. } => AuthType::Pat,
            Credentials::OAuthM2m { .. } => AuthType::OAuthM2m,
        }
    }
}
