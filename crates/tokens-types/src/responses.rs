//! Reply bodies of the four token endpoints.

use crate::wire_object::{Key, Seen, keep};
use crate::{Secret, TokenInfo};
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;

/// Reply to a create: the new token's info and, this once, its secret.
///
/// ```
/// use tokens_types::CreateTokenResponse;
///
/// let reply: CreateTokenResponse = serde_json::from_str(
///     r#"{"token_info": {"token_id": "ab12"},
///         "token_value": "dapi0123456789abcdef0123456789abcdef"}"#,
/// ).unwrap();
/// assert_eq!(reply.token_value.unwrap().to_string(), "dapi…cdef");
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[non_exhaustive]
pub struct CreateTokenResponse {
    /// The new token's info.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_info: Option<TokenInfo>,
    /// The new token's secret, shown only in this reply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_value: Option<Secret>,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CreateTokenResponse {
    /// A reply carrying `token_info` and its secret.
    pub fn new(token_info: TokenInfo, token_value: Secret) -> Self {
        CreateTokenResponse {
            token_info: Some(token_info),
            token_value: Some(token_value),
            extra: Map::new(),
        }
    }
}

/// Decoded by hand rather than derived: a derived decoder with a flattened field first copies
/// every value, the secret included, into a buffer that is freed without being wiped. This one
/// hands `token_value` straight to [`Secret`].
impl<'de> Deserialize<'de> for CreateTokenResponse {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(CreateTokenResponseVisitor)
    }
}

struct CreateTokenResponseVisitor;

impl<'de> Visitor<'de> for CreateTokenResponseVisitor {
    type Value = CreateTokenResponse;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a create-token reply object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut reply = CreateTokenResponse::default();
        let mut seen = Seen::default();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            match key.as_str() {
                "token_info" => reply.token_info = seen.value(&mut map, 0, "token_info")?,
                "token_value" => reply.token_value = seen.value(&mut map, 1, "token_value")?,
                _ => keep(&mut map, &mut reply.extra, key)?,
            }
        }
        Ok(reply)
    }
}

/// Reply to a list: every valid token of the caller. A missing `token_infos` means none.
///
/// ```
/// use tokens_types::ListTokensResponse;
///
/// let empty: ListTokensResponse = serde_json::from_str("{}").unwrap();
/// assert!(empty.token_infos.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[non_exhaustive]
pub struct ListTokensResponse {
    /// The caller's tokens.
    #[serde(default)]
    pub token_infos: Vec<TokenInfo>,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ListTokensResponse {
    /// A reply listing `token_infos`.
    pub fn new(token_infos: Vec<TokenInfo>) -> Self {
        ListTokensResponse {
            token_infos,
            extra: Map::new(),
        }
    }
}

/// Reply to an update: `{}` (fields a newer service adds are kept).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[non_exhaustive]
pub struct UpdateTokenResponse {
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl UpdateTokenResponse {
    /// The empty reply.
    pub fn new() -> Self {
        UpdateTokenResponse::default()
    }
}

/// Reply to a delete: `{}` or an empty body (fields a newer service adds are kept).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[non_exhaustive]
pub struct DeleteTokenResponse {
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl DeleteTokenResponse {
    /// The empty reply.
    pub fn new() -> Self {
        DeleteTokenResponse::default()
    }
}

impl<'de> Deserialize<'de> for ListTokensResponse {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ListTokensResponseVisitor)
    }
}

/// Reads a list reply in one pass (see `wire_object`), as the derive with the attributes
/// above would.
struct ListTokensResponseVisitor;

impl<'de> Visitor<'de> for ListTokensResponseVisitor {
    type Value = ListTokensResponse;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list-tokens reply object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut reply = ListTokensResponse::default();
        let mut seen = Seen::default();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            match key.as_str() {
                "token_infos" => reply.token_infos = seen.value(&mut map, 0, "token_infos")?,
                _ => keep(&mut map, &mut reply.extra, key)?,
            }
        }
        Ok(reply)
    }
}

/// As the derive would read an object of unknown fields only: every field into `extra`.
impl<'de> Deserialize<'de> for UpdateTokenResponse {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(UpdateTokenResponse {
            extra: Map::deserialize(deserializer)?,
        })
    }
}

/// As the derive would read an object of unknown fields only: every field into `extra`.
impl<'de> Deserialize<'de> for DeleteTokenResponse {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(DeleteTokenResponse {
            extra: Map::deserialize(deserializer)?,
        })
    }
}
