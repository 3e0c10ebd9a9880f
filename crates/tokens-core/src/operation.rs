//! Which API operation a request performs, carried in the request's extensions.

use std::fmt;

/// The operation an HTTP request performs and whether repeating it is safe.
///
/// The typed client puts one in every request's extensions, so any layer can read it:
///
/// ```
/// use tokens_core::Operation;
///
/// let mut request = http::Request::new(bytes::Bytes::new());
/// request.extensions_mut().insert(Operation::CREATE);
/// let op = request.extensions().get::<Operation>().unwrap();
/// assert_eq!(op.name(), "create");
/// assert!(!op.is_idempotent());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Operation {
    name: &'static str,
    idempotent: bool,
}

impl Operation {
    /// `POST /api/2.0/token/create`: not idempotent, every success mints a new secret.
    pub const CREATE: Operation = Operation::new("create", false);
    /// `GET /api/2.0/token/list`.
    pub const LIST: Operation = Operation::new("list", true);
    /// `PATCH /api/2.0/token/{id}`: idempotent, the same update twice leaves the same state.
    pub const UPDATE: Operation = Operation::new("update", true);
    /// `POST /api/2.0/token/delete`: idempotent; a repeat finds the token gone.
    pub const DELETE: Operation = Operation::new("delete", true);
    /// The OAuth token request of the M2M flow: idempotent (a second token is harmless).
    pub const OAUTH_TOKEN: Operation = Operation::new("oauth_token", true);
    /// The OAuth discovery request.
    pub const OAUTH_DISCOVERY: Operation = Operation::new("oauth_discovery", true);

    /// An operation of the caller's own, for requests this crate does not build.
    pub const fn new(name: &'static str, idempotent: bool) -> Self {
        Operation { name, idempotent }
    }

    /// A short stable name, used in logs and errors.
    pub const fn name(self) -> &'static str {
        self.name
    }

    /// Whether sending the request twice has the same effect as sending it once.
    pub const fn is_idempotent(self) -> bool {
        self.idempotent
    }
}

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}
