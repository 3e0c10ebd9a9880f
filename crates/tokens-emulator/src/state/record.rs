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
