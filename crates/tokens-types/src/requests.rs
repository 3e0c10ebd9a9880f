//! Request bodies of the four token endpoints.

use crate::{FieldMask, TokenId, TokenInfo};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Body of `POST /api/2.0/token/create`. Every field is optional and only the fields that are
/// set are sent.
///
/// ```
/// use tokens_types::CreateTokenRequest;
///
/// let request = CreateTokenRequest::new().with_comment("ci").with_lifetime_seconds(300);
/// assert_eq!(
///     serde_json::to_string(&request).unwrap(),
///     r#"{"comment":"ci","lifetime_seconds":300}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateTokenRequest {
    /// A note to tell tokens apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// How long the token lives, in seconds; the service's default applies when absent.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::int64::deserialize_option"
    )]
    pub lifetime_seconds: Option<i64>,
    /// Scopes to limit the token to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
    /// Whether the service may narrow the token's scopes automatically.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autoscope_enabled: Option<bool>,
    /// Fields this version does not know: kept when a request is read, and sent as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CreateTokenRequest {
    /// A request with no field set: the service's defaults apply.
    pub fn new() -> Self {
        CreateTokenRequest::default()
    }

    /// Sets the comment.
    #[must_use]
    pub fn with_comment(mut self, comment: impl Into<String>) -> Self {
        self.comment = Some(comment.into());
        self
    }

    /// Sets the lifetime in seconds.
    #[must_use]
    pub fn with_lifetime_seconds(mut self, seconds: i64) -> Self {
        self.lifetime_seconds = Some(seconds);
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

    /// Sets whether automatic scoping is enabled.
    #[must_use]
    pub fn with_autoscope_enabled(mut self, enabled: bool) -> Self {
        self.autoscope_enabled = Some(enabled);
        self
    }
}

/// Body of `POST /api/2.0/token/delete`.
///
/// ```
/// use tokens_types::DeleteTokenRequest;
///
/// let request = DeleteTokenRequest::new("ab12");
/// assert_eq!(serde_json::to_string(&request).unwrap(), r#"{"token_id":"ab12"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DeleteTokenRequest {
    /// The token to revoke.
    pub token_id: TokenId,
    /// Fields this version does not know: kept when a request is read, and sent as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl DeleteTokenRequest {
    /// A request to delete `token_id`.
    pub fn new(token_id: impl Into<TokenId>) -> Self {
        DeleteTokenRequest {
            token_id: token_id.into(),
            extra: Map::new(),
        }
    }
}

/// Body of `PATCH /api/2.0/token/{token_id}`. The id itself travels in the path.
///
/// ```
/// use tokens_types::{FieldMask, TokenInfo, UpdateTokenRequest};
///
/// let request = UpdateTokenRequest::new(
///     TokenInfo::default().with_comment("renamed"),
///     FieldMask::parse("comment").unwrap(),
/// );
/// assert_eq!(
///     serde_json::to_string(&request).unwrap(),
///     r#"{"token":{"comment":"renamed"},"update_mask":"comment"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateTokenRequest {
    /// The new values; only the fields named by the mask are read.
    pub token: TokenInfo,
    /// Which fields to change, as one comma-joined string on the wire.
    pub update_mask: FieldMask,
    /// Fields this version does not know: kept when a request is read, and sent as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl UpdateTokenRequest {
    /// A request that sets the fields of `token` that `update_mask` names.
    pub fn new(token: TokenInfo, update_mask: FieldMask) -> Self {
        UpdateTokenRequest {
            token,
            update_mask,
            extra: Map::new(),
        }
    }
}
