//! Where a bearer token comes from: a static token, or a source of the caller's own.

use crate::Error;
use crate::runtime::BoxFuture;
use std::fmt;
use tokens_types::Secret;

/// Supplies the bearer token for each request: implement it for credentials this crate
/// does not know (a vault, a token exchange, a file that rotates).
///
/// The auth layer asks for a token before every request and does not cache what it gets,
/// so a source that fetches tokens should cache them itself.
///
/// ```
/// use tokens_core::auth::TokenSource;
/// use tokens_core::types::Secret;
/// use tokens_core::{BoxFuture, Error};
///
/// #[derive(Debug)]
/// struct FromVault;
///
/// impl TokenSource for FromVault {
///     fn token(&self) -> BoxFuture<'_, Result<Secret, Error>> {
///         Box::pin(async { Ok(Secret::new("dapi0123456789abcdef0123456789abcdef")) })
///     }
///
///     fn auth_type(&self) -> &'static str {
///         "vault"
///     }
/// }
/// ```
pub trait TokenSource: fmt::Debug + Send + Sync + 'static {
    /// The token to send now.
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::Auth`](crate::ErrorKind::Auth) error (see [`Error::auth`]) when no
    /// token can be had; its message must not hold a secret.
    fn token(&self) -> BoxFuture<'_, Result<Secret, Error>>;

    /// The word for the User-Agent's `auth/<type>`.
    fn auth_type(&self) -> &'static str {
        "custom"
    }
}

/// A personal access token, sent as it is.
///
/// ```
/// use tokens_core::auth::Pat;
///
/// let pat = Pat::new("dapi0123456789abcdef0123456789abcdef".into());
/// assert_eq!(format!("{pat:?}"), "Pat(Secret(dapi…cdef))");
/// ```
#[derive(Clone)]
pub struct Pat(Secret);

impl Pat {
    /// Wraps a token.
    pub fn new(token: Secret) -> Self {
        Pat(token)
    }
}

impl fmt::Debug for Pat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Pat").field(&self.0).finish()
    }
}

impl TokenSource for Pat {
    fn token(&self) -> BoxFuture<'_, Result<Secret, Error>> {
        let token = self.0.clone();
        Box::pin(async move {
            if token.is_empty() {
                return Err(Error::auth("the personal access token is empty"));
            }
            Ok(token)
        })
    }

    fn auth_type(&self) -> &'static str {
        "pat"
    }
}

/// The `Authorization` value of a personal access token, made once when the layer is built
/// rather than formatted and checked again for every request (which cost about a tenth of a
/// call's own work). A token that cannot be sent keeps failing each call with the error a
/// [`Pat`] source would give.
#[derive(Clone)]
pub(super) enum PatHeader {
    /// `Bearer <token>`, marked sensitive.
    Ready(http::HeaderValue),
    /// The token is empty.
    Empty,
    /// The token holds characters a header cannot carry.
    Unsendable,
}

impl PatHeader {
    pub(super) fn new(token: &Secret) -> Self {
        if token.is_empty() {
            return PatHeader::Empty;
        }
        match super::bearer(token) {
            Ok(value) => PatHeader::Ready(value),
            Err(_) => PatHeader::Unsendable,
        }
    }

    /// The header value, or the error of a token that cannot be sent.
    pub(super) fn value(&self) -> Result<http::HeaderValue, Error> {
        match self {
            PatHeader::Ready(value) => Ok(value.clone()),
            PatHeader::Empty => Err(Error::auth("the personal access token is empty")),
            PatHeader::Unsendable => Err(super::unsendable()),
        }
    }
}
