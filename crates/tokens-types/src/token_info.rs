//! `PublicTokenInfo`: what the service tells about a token, never its secret.

use crate::wire_object::{Key, Seen, keep};
use crate::{AutoscopeState, Expiry, Timestamp, TokenId};
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;

/// What the service tells about a token (`PublicTokenInfo` on the wire). It never holds the
/// secret.
///
/// Every field is optional, because the service omits what it does not know; fields this
/// version does not know are kept in [`TokenInfo::extra`] and written back unchanged.
///
/// ```
/// use tokens_types::{Expiry, TokenInfo};
///
/// let info: TokenInfo = serde_json::from_str(
///     r#"{"token_id": "ab12", "comment": "ci", "creation_time": "1700000000000",
///         "expiry_time": -1, "new_field": true}"#,
/// ).unwrap();
/// assert_eq!(info.expiry_time, Some(Expiry::Never));
/// assert_eq!(info.creation_time.unwrap().as_millis(), 1_700_000_000_000);
/// assert_eq!(info.extra["new_field"], true);
///
/// let built = TokenInfo::new("ab12").with_comment("ci");
/// assert_eq!(built.comment.as_deref(), Some("ci"));
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[non_exhaustive]
pub struct TokenInfo {
    /// The token's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_id: Option<TokenId>,
    /// The comment given at creation or by a later update.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// When the token was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creation_time: Option<Timestamp>,
    /// When the token expires; [`Expiry::Never`] for `-1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry_time: Option<Expiry>,
    /// The scopes the token is limited to, such as `sql` or `unity-catalog:read`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
    /// Where automatic scoping stands. Output only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autoscope_state: Option<AutoscopeState>,
    /// Scopes the service inferred from the token's use. Output only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inferred_scopes: Option<Vec<String>>,
    /// Scopes the service back-filled. Output only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backfill_scopes: Option<Vec<String>>,
    /// When the token was last used; sent by some service versions only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_accessed_time: Option<Timestamp>,
    /// Fields this version does not know, kept so that nothing is lost.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl TokenInfo {
    /// A token info with only its id set.
    pub fn new(token_id: impl Into<TokenId>) -> Self {
        TokenInfo {
            token_id: Some(token_id.into()),
            ..TokenInfo::default()
        }
    }

    /// Sets the comment.
    #[must_use]
    pub fn with_comment(mut self, comment: impl Into<String>) -> Self {
        self.comment = Some(comment.into());
        self
    }

    /// Sets the creation time.
    #[must_use]
    pub fn with_creation_time(mut self, time: Timestamp) -> Self {
        self.creation_time = Some(time);
        self
    }

    /// Sets the expiry.
    #[must_use]
    pub fn with_expiry_time(mut self, expiry: Expiry) -> Self {
        self.expiry_time = Some(expiry);
        self
    }

    /// Sets the scopes.
    #[must_use]
    pub fn with_scopes<I, S>(mut self, scopes: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.scopes = Some(scopes.into_iter().map(Into::into).collect());
        self
    }

    /// Sets the autoscope state.
    #[must_use]
    pub fn with_autoscope_state(mut self, state: AutoscopeState) -> Self {
        self.autoscope_state = Some(state);
        self
    }

    /// Sets the inferred scopes.
    #[must_use]
    pub fn with_inferred_scopes(mut self, scopes: Vec<String>) -> Self {
        self.inferred_scopes = Some(scopes);
        self
    }

    /// Sets the back-filled scopes.
    #[must_use]
    pub fn with_backfill_scopes(mut self, scopes: Vec<String>) -> Self {
        self.backfill_scopes = Some(scopes);
        self
    }

    /// Sets the last-accessed time.
    #[must_use]
    pub fn with_last_accessed_time(mut self, time: Timestamp) -> Self {
        self.last_accessed_time = Some(time);
        self
    }
}

/// Read in one pass (see `wire_object`), as `#[derive(Deserialize)]` with the attributes
/// above would read it.
impl<'de> Deserialize<'de> for TokenInfo {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(TokenInfoVisitor)
    }
}

struct TokenInfoVisitor;

impl<'de> Visitor<'de> for TokenInfoVisitor {
    type Value = TokenInfo;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a token info object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TokenInfo, A::Error> {
        let mut info = TokenInfo::default();
        let mut seen = Seen::default();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            let m = &mut map;
            match key.as_str() {
                "token_id" => info.token_id = seen.value(m, 0, "token_id")?,
                "comment" => info.comment = seen.value(m, 1, "comment")?,
                "creation_time" => info.creation_time = seen.value(m, 2, "creation_time")?,
                "expiry_time" => info.expiry_time = seen.value(m, 3, "expiry_time")?,
                "scopes" => info.scopes = seen.value(m, 4, "scopes")?,
                "autoscope_state" => {
                    info.autoscope_state = seen.value(m, 5, "autoscope_state")?;
                }
                "inferred_scopes" => {
                    info.inferred_scopes = seen.value(m, 6, "inferred_scopes")?;
                }
                "backfill_scopes" => {
                    info.backfill_scopes = seen.value(m, 7, "backfill_scopes")?;
                }
                "last_accessed_time" => {
                    info.last_accessed_time = seen.value(m, 8, "last_accessed_time")?;
                }
                _ => keep(m, &mut info.extra, key)?,
            }
        }
        Ok(info)
    }
}
