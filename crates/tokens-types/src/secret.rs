//! A secret string: token values, OAuth client secrets and access tokens.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

/// A secret such as a personal access token (`dapi…`), never printed whole.
///
/// - `Debug` and `Display` print a redaction: the `dapi` prefix and the last four characters
///   for a token-shaped value (`dapi…ab12`), and `[redacted]` for anything else.
/// - Its bytes are overwritten with zeros when it is dropped.
/// - `==` compares in constant time for equal lengths.
/// - The only way to read it is [`Secret::expose_secret`], so every read is easy to find.
/// - It serializes to and from a plain JSON string, because the create reply carries it.
///
/// ```
/// use tokens_types::Secret;
///
/// let secret = Secret::new("dapi0123456789abcdef0123456789abcdef");
/// assert_eq!(format!("{secret}"), "dapi…cdef");
/// assert_eq!(format!("{secret:?}"), "Secret(dapi…cdef)");
/// assert_eq!(secret.expose_secret(), "dapi0123456789abcdef0123456789abcdef");
/// ```
#[derive(Clone)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    /// Wraps a value as a secret.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(Zeroizing::new(value.into()))
    }

    /// The secret itself. Call this only where the value must leave the program (a header, a
    /// reply, a file the user asked for).
    pub fn expose_secret(&self) -> &str {
        &self.0
    }

    /// Whether the secret is the empty string.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether the value has the shape of a Databricks personal access token: `dapi` followed
    /// by 32 lowercase hexadecimal characters.
    pub fn is_pat_shaped(&self) -> bool {
        let value = self.expose_secret();
        value.len() == 36
            && value.starts_with("dapi")
            && value[4..]
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    }

    /// The printable redaction used by `Debug` and `Display`.
    fn redaction(&self) -> String {
        let value = self.expose_secret();
        // Only a long value keeps a hint: four characters of a 36-character token leave
        // more than enough unknown, while a short value could be guessed from its tail.
        if value.starts_with("dapi") && value.len() >= 24 && value.is_ascii() {
            format!("dapi…{}", &value[value.len() - 4..])
        } else {
            "[redacted]".to_owned()
        }
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({})", self.redaction())
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redaction())
    }
}

impl PartialEq for Secret {
    fn eq(&self, other: &Self) -> bool {
        self.0.as_bytes().ct_eq(other.0.as_bytes()).into()
    }
}

impl Eq for Secret {}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret::new(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret::new(value)
    }
}

impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.expose_secret())
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret::new)
    }
}
