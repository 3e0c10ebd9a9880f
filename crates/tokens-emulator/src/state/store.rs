//! The in-memory index of the store: principals, credentials and tokens, with no rules of
//! its own beyond keeping the per-owner lists in step with the token map.

use super::PrincipalId;
use super::record::{self, OwnerTokens, TokenRecord};
use crate::credential::Digest;
use crate::principal::Principal;
use std::collections::HashMap;

#[derive(Debug, Default)]
pub(super) struct Inner {
    pub(super) principals: Vec<Principal>,
    pub(super) principal_ids: HashMap<Principal, PrincipalId>,
    /// Per principal (same index), its tokens in creation order.
    pub(super) owners: Vec<OwnerTokens>,
    /// Digests of the secrets that `--user` seeds; they never expire and are not tokens.
    pub(super) logins: HashMap<Digest, PrincipalId>,
    /// Client id to (principal, digest of the client secret).
    pub(super) clients: HashMap<String, (PrincipalId, Digest)>,
    pub(super) tokens: HashMap<Digest, TokenRecord>,
    /// Digest of an OAuth access token to (principal, expiry in epoch ms).
    pub(super) access_tokens: HashMap<Digest, (PrincipalId, i64)>,
}

impl Inner {
    pub(super) fn intern(&mut self, principal: Principal) -> PrincipalId {
        if let Some(id) = self.principal_ids.get(&principal) {
            return *id;
        }
        // More than 4 billion principals cannot be configured in practice.
        let id = PrincipalId(u32::try_from(self.principals.len()).unwrap_or(u32::MAX));
        self.principals.push(principal.clone());
        self.principal_ids.insert(principal, id);
        self.owners.push(OwnerTokens::new());
        id
    }

    pub(super) fn insert(&mut self, id: Digest, record: TokenRecord) {
        let owner = &mut self.owners[record.owner as usize];
        owner.ids.push(id);
        owner.note_expiry(record.expiry);
        self.tokens.insert(id, record);
    }

    pub(super) fn remove(&mut self, id: Digest) {
        if let Some(record) = self.tokens.remove(&id) {
            self.owners[record.owner as usize].remove(id);
        }
    }

    /// Whether `owner` has a live token `id`; an expired one is removed on the way.
    pub(super) fn owns_live(&mut self, owner: PrincipalId, id: Digest, now: i64) -> bool {
        match self.tokens.get(&id) {
            Some(record) if record.owner == owner.0 => {
                if record.is_expired(now) {
                    self.remove(id);
                    false
                } else {
                    true
                }
            }
            _ => false,
        }
    }

    /// Removes `owner`'s expired tokens and returns how many live ones remain.
    pub(super) fn purge_expired(&mut self, owner: PrincipalId, now: i64) -> usize {
        let tokens = &mut self.tokens;
        let list = &mut self.owners[owner.0 as usize];
        if list.earliest_expiry <= now {
            let mut earliest = i64::MAX;
            list.ids.retain(|id| match tokens.get(id) {
                Some(record) if record.is_expired(now) => {
                    tokens.remove(id);
                    false
                }
                Some(record) => {
                    if record.expiry != record::NEVER {
                        earliest = earliest.min(record.expiry);
                    }
                    true
                }
                None => false,
            });
            list.earliest_expiry = earliest;
        }
        list.ids.len()
    }
}
