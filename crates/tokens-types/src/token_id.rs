//! The identifier of a token.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The id of a token (64 lowercase hex characters in practice), which is not a secret.
///
/// Any string is accepted, since the service does not promise the shape; use
/// [`TokenId::is_well_formed`] to check for the usual one.
///
/// ```
/// use tokens_types::TokenId;
///
/// let id = TokenId::new("5684c955822ac792a51ae2aeb80fa6e8a5db5a9ce70ddb3b9e5ab2c98a69e2d2");
/// assert!(id.is_well_formed());
/// assert_eq!(id.as_str().len(), 64);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TokenId(String);

impl TokenId {
    /// Wraps an id.
    pub fn new(id: impl Into<String>) -> Self {
        TokenId(id.into())
    }

    /// The id as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Consumes the id, returning its string.
    pub fn into_string(self) -> String {
        self.0
    }

    /// Whether the id has the usual shape: 64 lowercase hexadecimal characters.
    pub fn is_well_formed(&self) -> bool {
        self.0.len() == 64
            && self
                .0
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    }
}

impl fmt::Display for TokenId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<String> for TokenId {
    fn from(id: String) -> Self {
        TokenId(id)
    }
}

impl From<&str> for TokenId {
    fn from(id: &str) -> Self {
        TokenId(id.to_owned())
    }
}

impl AsRef<str> for TokenId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}
