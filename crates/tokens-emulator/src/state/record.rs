//! One stored token, and the tokens of one owner.

use crate::credential::Digest;
use tokens_types::{Expiry, Timestamp, TokenInfo};

/// The value meaning "never expires" in [`TokenRecord::expiry`] (the wire's `-1`).
pub(crate) const NEVER: i64 = -1;

/// What the emulator keeps about a token: no secret, only the owner and the public fields.
/// Kept small, since a benchmark stores a million of them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TokenRecord {
    /// Index of the owning principal.
    pub(crate) owner: u32,
    /// Creation time, epoch milliseconds.
    pub(crate) created: i64,
    /// Expiry, epoch milliseconds, or [`NEVER`].
    pub(crate) expiry: i64,
    pub(crate) comment: Option<Box<str>>,
    pub(crate) scopes: Option<Box<[Box<str>]>>,
}

impl TokenRecord {
    /// Whether the token is expired at `now` (valid strictly before its expiry).
    pub(crate) fn is_expired(&self, now: i64) -> bool {
        self.expiry != NEVER && self.expiry <= now
    }

    /// The public view of the token.
    pub(crate) fn to_info(&self, id: Digest) -> TokenInfo {
        let mut info = TokenInfo::new(id.to_hex())
            .with_creation_time(Timestamp::from_millis(self.created))
            .with_expiry_time(Expiry::from_millis(self.expiry));
        info.comment = self.comment.as_deref().map(str::to_owned);
        info.scopes = self
            .scopes
            .as_deref()
            .map(|scopes| scopes.iter().map(ToString::to_string).collect());
        info
    }
}

/// Converts scopes to the compact stored form.
pub(crate) fn box_scopes(scopes: Option<&[String]>) -> Option<Box<[Box<str>]>> {
    scopes.map(|scopes| scopes.iter().map(|s| Box::from(s.as_str())).collect())
}

/// The tokens of one principal, in creation order.
#[derive(Debug, Default)]
pub(crate) struct OwnerTokens {
    pub(crate) ids: Vec<Digest>,
    /// The earliest expiry among `ids` (`i64::MAX` when none expires), so that a scan for
    /// expired tokens runs only when one may be due.
    pub(crate) earliest_expiry: i64,
}

impl OwnerTokens {
    pub(crate) fn new() -> Self {
        OwnerTokens {
            ids: Vec::new(),
            earliest_expiry: i64::MAX,
        }
    }

    /// Notes a new token's expiry.
    pub(crate) fn note_expiry(&mut self, expiry: i64) {
        if expiry != NEVER && expiry < self.earliest_expiry {
            self.earliest_expiry = expiry;
        }
    }

    /// Forgets `id`.
    pub(crate) fn remove(&mut self, id: Digest) {
        if let Some(position) = self.ids.iter().position(|known| *known == id) {
            self.ids.remove(position);
        }
    }
}

/// A borrowed view of a stored token that serializes as `PublicTokenInfo`, so a list reply
/// is written straight from the store without building owned models.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PublicToken<'a> {
    pub(crate) id: Digest,
    pub(crate) record: &'a TokenRecord,
}

impl serde::Serialize for PublicToken<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;

        let mut hex_id = [0_u8; 64];
        hex::encode_to_slice(self.id.0, &mut hex_id).map_err(serde::ser::Error::custom)?;
        let id = std::str::from_utf8(&hex_id).map_err(serde::ser::Error::custom)?;
        let record = self.record;
        let mut fields = serializer.serialize_struct("PublicTokenInfo", 5)?;
        fields.serialize_field("token_id", id)?;
        if let Some(comment) = &record.comment {
            fields.serialize_field("comment", comment)?;
        }
        fields.serialize_field("creation_time", &record.created)?;
        fields.serialize_field("expiry_time", &record.expiry)?;
        if let Some(scopes) = &record.scopes {
            fields.serialize_field("scopes", scopes)?;
        }
        fields.end()
    }
}
