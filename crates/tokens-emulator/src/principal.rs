//! Who a request acts for: a user or a service principal.

use std::fmt;

/// The identity a credential authenticates as. Tokens belong to a principal, and a principal
/// sees and changes only its own tokens.
///
/// ```
/// use tokens_emulator::Principal;
///
/// let alice = Principal::user("alice");
/// assert_eq!(alice.to_string(), "user alice");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Principal {
    /// A user, named as given with `--user NAME=SECRET` or [`crate::EmulatorBuilder::user`].
    User(String),
    /// A service principal, named by its OAuth client id.
    ServicePrincipal(String),
}

impl Principal {
    /// The user called `name`.
    pub fn user(name: impl Into<String>) -> Self {
        Principal::User(name.into())
    }

    /// The service principal with OAuth client id `client_id`.
    pub fn service_principal(client_id: impl Into<String>) -> Self {
        Principal::ServicePrincipal(client_id.into())
    }

    /// The kind as stored on disk: `user` or `service_principal`.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Principal::User(_) => "user",
            Principal::ServicePrincipal(_) => "service_principal",
        }
    }

    /// The name (user name or client id).
    pub fn name(&self) -> &str {
        match self {
            Principal::User(name) | Principal::ServicePrincipal(name) => name,
        }
    }

    /// Rebuilds a principal from its stored kind and name.
    pub(crate) fn from_stored(kind: &str, name: String) -> Option<Self> {
        match kind {
            "user" => Some(Principal::User(name)),
            "service_principal" => Some(Principal::ServicePrincipal(name)),
            _ => None,
        }
    }
}

impl fmt::Display for Principal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Principal::User(name) => write!(f, "user {name}"),
            Principal::ServicePrincipal(id) => write!(f, "service principal {id}"),
        }
    }
}
