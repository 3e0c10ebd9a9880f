//! The emulator's state: principals, their credentials and their tokens, with the rules of
//! §5 applied to every change.

mod journal;
mod record;
mod rules;
mod store;

pub(crate) use journal::Journal;
pub use rules::COMMENT_MAX_CHARS;
pub(crate) use rules::LifetimeRules;

use crate::clock::EmulatorClock;
use crate::credential::{self, Digest};
use crate::error::ApiError;
use crate::principal::Principal;
use journal::StoredTokenRef;
pub(crate) use record::PublicToken;
use record::{TokenRecord, box_scopes};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;
use store::Inner;
use tokens_types::{CreateTokenRequest, FieldMask, Secret, TokenInfo};

/// The index of a principal in [`Registry`]; what a request authenticates as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct PrincipalId(u32);

/// An update of a token, as checked by the HTTP layer: the mask and the new values.
#[derive(Debug, Clone)]
pub(crate) struct TokenChange {
    pub(crate) mask: FieldMask,
    pub(crate) comment: Option<String>,
    pub(crate) scopes: Option<Vec<String>>,
}

/// Why a credential could not be registered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum CredentialError {
    /// Two principals were given the same secret.
    #[error("two principals were given the same secret; each needs its own")]
    SharedSecret,
}

/// Why the OAuth token endpoint refused a client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClientAuthError {
    /// Unknown client id or wrong secret.
    InvalidClient,
    /// The random generator failed.
    Unavailable,
}

/// Numbers set once at start-up.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub(crate) lifetime: LifetimeRules,
    pub(crate) quota_per_user: usize,
    pub(crate) oauth_token_lifetime: Duration,
}

/// Principals, credentials and tokens.
#[derive(Debug)]
pub(crate) struct Registry {
    inner: Mutex<Inner>,
    journal: Option<Mutex<Journal>>,
    limits: Limits,
    clock: Arc<dyn EmulatorClock>,
}

impl Registry {
    /// A registry with the tokens of `journal`, if given.
    ///
    /// # Errors
    ///
    /// A SQLite error while reading the journal.
    pub(crate) fn new(
        limits: Limits,
        clock: Arc<dyn EmulatorClock>,
        journal: Option<Journal>,
    ) -> rusqlite::Result<Registry> {
        let mut inner = Inner::default();
        if let Some(journal) = &journal {
            for stored in journal.load(clock.now().as_millis())? {
                let owner = inner.intern(stored.owner);
                let record = TokenRecord {
                    owner: owner.0,
                    created: stored.created,
                    expiry: stored.expiry,
                    comment: stored.comment.map(String::into_boxed_str),
                    scopes: box_scopes(stored.scopes.as_deref()),
                };
                inner.insert(stored.id, record);
            }
        }
        Ok(Registry {
            inner: Mutex::new(inner),
            journal: journal.map(Mutex::new),
            limits,
            clock,
        })
    }

    /// Whether changes go to a data file (and so may block on disk).
    pub(crate) fn is_persistent(&self) -> bool {
        self.journal.is_some()
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn now(&self) -> i64 {
        self.clock.now().as_millis()
    }

    /// Lets `secret` authenticate as `principal` (the `--user` seed credential).
    ///
    /// # Errors
    ///
    /// [`CredentialError::SharedSecret`] if another principal already has this secret.
    pub(crate) fn add_login(
        &self,
        principal: Principal,
        secret: &Secret,
    ) -> Result<(), CredentialError> {
        let digest = Digest::of(secret.expose_secret());
        let mut inner = self.lock();
        let id = inner.intern(principal);
        match inner.logins.get(&digest) {
            Some(existing) if *existing != id => Err(CredentialError::SharedSecret),
            _ => {
                inner.logins.insert(digest, id);
                Ok(())
            }
        }
    }

    /// Registers a service principal that exchanges `client_secret` for access tokens.
    pub(crate) fn add_client(&self, client_id: &str, client_secret: &Secret) {
        let digest = Digest::of(client_secret.expose_secret());
        let mut inner = self.lock();
        let id = inner.intern(Principal::service_principal(client_id));
        inner.clients.insert(client_id.to_owned(), (id, digest));
    }

    /// Who `bearer` authenticates as: a seeded login, a live token or a live access token.
    pub(crate) fn authenticate(&self, bearer: &str) -> Option<PrincipalId> {
        // Lookups are keyed by the SHA-256 of the secret, so lookup timing can only reveal
        // something about a digest, never about the secret; the final check is constant-time.
        let digest = Digest::of(bearer);
        let now = self.now();
        let inner = self.lock();
        if let Some((known, id)) = inner.logins.get_key_value(&digest) {
            return known.ct_eq(&digest).then_some(*id);
        }
        if let Some((known, record)) = inner.tokens.get_key_value(&digest) {
            let live = !record.is_expired(now) && known.ct_eq(&digest);
            return live.then_some(PrincipalId(record.owner));
        }
        if let Some((known, (id, expiry))) = inner.access_tokens.get_key_value(&digest) {
            return (*expiry > now && known.ct_eq(&digest)).then_some(*id);
        }
        None
    }

    /// Creates a token for `owner`.
    ///
    /// # Errors
    ///
    /// `INVALID_PARAMETER_VALUE` for a bad lifetime or comment, `QUOTA_EXCEEDED` when the
    /// owner has as many live tokens as allowed, `TEMPORARILY_UNAVAILABLE` when the random
    /// generator or the data file fails.
    pub(crate) fn create(
        &self,
        owner: PrincipalId,
        request: &CreateTokenRequest,
    ) -> Result<(TokenInfo, Secret), ApiError> {
        let now = self.now();
        let expiry = self.limits.lifetime.expiry(request.lifetime_seconds, now)?;
        rules::check_comment(request.comment.as_deref())?;
        let secret = credential::mint_pat().map_err(|e| ApiError::unavailable(e.to_string()))?;
        let id = Digest::of(secret.expose_secret());
        let record = TokenRecord {
            owner: owner.0,
            created: now,
            expiry,
            comment: request.comment.as_deref().map(Box::from),
            scopes: box_scopes(request.scopes.as_deref()),
        };

        let mut inner = self.lock();
        let live = inner.purge_expired(owner, now);
        if live >= self.limits.quota_per_user {
            return Err(ApiError::quota_exceeded(format!(
                "Token quota exceeded: a user may hold at most {} live tokens",
                self.limits.quota_per_user
            )));
        }
        if inner.tokens.contains_key(&id) || inner.logins.contains_key(&id) {
            // A 128-bit collision means the random generator is broken; refuse to go on.
            return Err(ApiError::unavailable(
                "the random generator repeated a value",
            ));
        }
        if let Some(journal) = &self.journal {
            let principal = &inner.principals[owner.0 as usize];
            let stored = StoredTokenRef {
                id,
                owner: principal,
                created: record.created,
                expiry: record.expiry,
                comment: record.comment.as_deref(),
                scopes: record.scopes.as_deref(),
            };
            write_journal(journal, |j| j.insert(&stored))?;
        }
        let info = record.to_info(id);
        inner.insert(id, record);
        Ok((info, secret))
    }

    /// Calls `write` with every live token of `owner`, oldest first, while the store is
    /// locked (so keep `write` short: it serializes the list reply).
    pub(crate) fn list_with<R>(
        &self,
        owner: PrincipalId,
        write: impl FnOnce(&[PublicToken<'_>]) -> R,
    ) -> R {
        let now = self.now();
        let mut inner = self.lock();
        inner.purge_expired(owner, now);
        let inner = &*inner;
        let views: Vec<PublicToken<'_>> = inner.owners[owner.0 as usize]
            .ids
            .iter()
            .filter_map(|id| {
                inner
                    .tokens
                    .get(id)
                    .map(|record| PublicToken { id: *id, record })
            })
            .collect();
        write(&views)
    }

    /// Applies `change` to the token `token_id` of `owner`.
    ///
    /// # Errors
    ///
    /// `INVALID_PARAMETER_VALUE` for a comment that is too long; `NOT_FOUND` when `owner` has
    /// no live token with this id; `TEMPORARILY_UNAVAILABLE` when the data file fails.
    pub(crate) fn update(
        &self,
        owner: PrincipalId,
        token_id: &str,
        change: &TokenChange,
    ) -> Result<(), ApiError> {
        let set_comment = change.mask.covers("comment");
        let set_scopes = change.mask.covers("scopes");
        if set_comment {
            rules::check_comment(change.comment.as_deref())?;
        }
        let now = self.now();
        let missing = || ApiError::not_found(format!("Token with id {token_id} does not exist."));
        let id = Digest::from_hex(token_id).ok_or_else(missing)?;

        let mut inner = self.lock();
        if !inner.owns_live(owner, id, now) {
            return Err(missing());
        }
        let Some(current) = inner.tokens.get(&id) else {
            return Err(missing());
        };
        let comment = if set_comment {
            change.comment.as_deref().map(Box::from)
        } else {
            current.comment.clone()
        };
        let scopes = if set_scopes {
            box_scopes(change.scopes.as_deref())
        } else {
            current.scopes.clone()
        };
        if let Some(journal) = &self.journal {
            write_journal(journal, |j| {
                j.update(id, comment.as_deref(), scopes.as_deref())
            })?;
        }
        if let Some(record) = inner.tokens.get_mut(&id) {
            record.comment = comment;
            record.scopes = scopes;
        }
        Ok(())
    }

    /// Revokes the token `token_id` of `owner`.
    ///
    /// # Errors
    ///
    /// `RESOURCE_DOES_NOT_EXIST` when `owner` has no live token with this id;
    /// `TEMPORARILY_UNAVAILABLE` when the data file fails.
    pub(crate) fn delete(&self, owner: PrincipalId, token_id: &str) -> Result<(), ApiError> {
        let now = self.now();
        let missing = || {
            ApiError::resource_does_not_exist(format!("Token with id {token_id} does not exist."))
        };
        let id = Digest::from_hex(token_id).ok_or_else(missing)?;

        let mut inner = self.lock();
        if !inner.owns_live(owner, id, now) {
            return Err(missing());
        }
        if let Some(journal) = &self.journal {
            write_journal(journal, |j| j.delete(id))?;
        }
        inner.remove(id);
        Ok(())
    }

    /// Exchanges a service principal's client credentials for a short-lived access token.
    /// Returns the token and its lifetime.
    ///
    /// # Errors
    ///
    /// [`ClientAuthError::InvalidClient`] for an unknown client or a wrong secret.
    pub(crate) fn issue_access_token(
        &self,
        client_id: &str,
        client_secret: &str,
    ) -> Result<(Secret, Duration), ClientAuthError> {
        let presented = Digest::of(client_secret);
        let lifetime = self.limits.oauth_token_lifetime;
        let now = self.now();
        let token = credential::mint_access_token().map_err(|_| ClientAuthError::Unavailable)?;
        let expiry = i64::try_from(lifetime.as_millis())
            .ok()
            .and_then(|ms| now.checked_add(ms))
            .unwrap_or(i64::MAX);

        let mut inner = self.lock();
        let Some((principal, expected)) = inner.clients.get(client_id).copied() else {
            return Err(ClientAuthError::InvalidClient);
        };
        if !expected.ct_eq(&presented) {
            return Err(ClientAuthError::InvalidClient);
        }
        if inner.access_tokens.len() >= 1024 {
            inner.access_tokens.retain(|_, (_, expiry)| *expiry > now);
        }
        inner
            .access_tokens
            .insert(Digest::of(token.expose_secret()), (principal, expiry));
        Ok((token, lifetime))
    }

    /// How many live tokens `principal` holds (0 for an unknown principal).
    pub(crate) fn token_count(&self, principal: &Principal) -> usize {
        let now = self.now();
        let mut inner = self.lock();
        match inner.principal_ids.get(principal).copied() {
            Some(id) => inner.purge_expired(id, now),
            None => 0,
        }
    }
}

fn write_journal(
    journal: &Mutex<Journal>,
    write: impl FnOnce(&Journal) -> rusqlite::Result<()>,
) -> Result<(), ApiError> {
    let journal = journal.lock().unwrap_or_else(PoisonError::into_inner);
    write(&journal).map_err(|error| {
        tracing::error!(%error, "writing the data file failed");
        ApiError::unavailable("the emulator could not write its data file")
    })
}

impl Registry {
    /// Every known principal with its number of live tokens.
    pub(crate) fn token_counts(&self) -> Vec<(Principal, usize)> {
        let now = self.now();
        let mut inner = self.lock();
        let count = inner.principals.len();
        (0..count)
            .map(|index| {
                let id = PrincipalId(u32::try_from(index).unwrap_or(u32::MAX));
                let live = inner.purge_expired(id, now);
                (inner.principals[index].clone(), live)
            })
            .collect()
    }
}
