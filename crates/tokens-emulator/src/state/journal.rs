//! The SQLite file that keeps tokens across restarts (`--data PATH`).
//!
//! The file runs in WAL mode with `synchronous=FULL`, and every change is committed before
//! the reply is sent, so an answered create survives `kill -9`. Only token ids (SHA-256
//! digests of the secrets) and public fields are stored, never a secret.

use crate::credential::Digest;
use crate::principal::Principal;
#[cfg(test)]
use rusqlite::OptionalExtension as _;
use rusqlite::{Connection, params};
use std::path::Path;

/// One row read back at start-up.
#[derive(Debug)]
pub(crate) struct StoredToken {
    pub(crate) id: Digest,
    pub(crate) owner: Principal,
    pub(crate) created: i64,
    pub(crate) expiry: i64,
    pub(crate) comment: Option<String>,
    pub(crate) scopes: Option<Vec<String>>,
}

/// An open data file.
#[derive(Debug)]
pub(crate) struct Journal {
    connection: Connection,
}

impl Journal {
    /// Opens (or creates) the data file at `path`.
    ///
    /// # Errors
    ///
    /// Any SQLite error: unreadable file, not a database, locked, wrong schema.
    pub(crate) fn open(path: &Path) -> rusqlite::Result<Journal> {
        let connection = Connection::open(path)?;
        // `journal_mode` answers with the mode set, so it is read as a query.
        let mode: String = connection.query_row("PRAGMA journal_mode=WAL", [], |row| row.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(rusqlite::Error::InvalidQuery);
        }
        connection.execute_batch(
            "PRAGMA synchronous=FULL;
             CREATE TABLE IF NOT EXISTS tokens (
                 id BLOB PRIMARY KEY NOT NULL,
                 owner_kind TEXT NOT NULL,
                 owner_name TEXT NOT NULL,
                 created INTEGER NOT NULL,
                 expiry INTEGER NOT NULL,
                 comment TEXT,
                 scopes TEXT
             );",
        )?;
        Ok(Journal { connection })
    }

    /// Reads every token that is not expired at `now`, and deletes the expired ones.
    ///
    /// # Errors
    ///
    /// Any SQLite error.
    pub(crate) fn load(&self, now: i64) -> rusqlite::Result<Vec<StoredToken>> {
        self.connection.execute(
            "DELETE FROM tokens WHERE expiry <> -1 AND expiry <= ?1",
            params![now],
        )?;
        let mut statement = self.connection.prepare(
            "SELECT id, owner_kind, owner_name, created, expiry, comment, scopes
             FROM tokens ORDER BY rowid",
        )?;
        let rows = statement.query_map([], |row| {
            let id: Vec<u8> = row.get(0)?;
            let kind: String = row.get(1)?;
            let name: String = row.get(2)?;
            let scopes: Option<String> = row.get(6)?;
            Ok((
                id,
                kind,
                name,
                row.get::<_, i64>(3)?,
                row.get::<_, i64>(4)?,
                row.get::<_, Option<String>>(5)?,
                scopes,
            ))
        })?;
        let mut tokens = Vec::new();
        for row in rows {
            let (id, kind, name, created, expiry, comment, scopes) = row?;
            // Rows that this version cannot read are skipped rather than failing start-up.
            let Ok(id) = <[u8; 32]>::try_from(id.as_slice()) else {
                continue;
            };
            let Some(owner) = Principal::from_stored(&kind, name) else {
                continue;
            };
            let scopes = match scopes {
                Some(text) => match serde_json::from_str::<Vec<String>>(&text) {
                    Ok(list) => Some(list),
                    Err(_) => continue,
                },
                None => None,
            };
            tokens.push(StoredToken {
                id: Digest(id),
                owner,
                created,
                expiry,
                comment,
                scopes,
            });
        }
        Ok(tokens)
    }

    /// Stores a new token.
    ///
    /// # Errors
    ///
    /// Any SQLite error; the token must then not be answered as created.
    pub(crate) fn insert(&self, token: &StoredTokenRef<'_>) -> rusqlite::Result<()> {
        let scopes = encode_scopes(token.scopes);
        self.connection.execute(
            "INSERT OR REPLACE INTO tokens (id, owner_kind, owner_name, created, expiry, comment, scopes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                token.id.0.as_slice(),
                token.owner.kind(),
                token.owner.name(),
                token.created,
                token.expiry,
                token.comment,
                scopes
            ],
        )?;
        Ok(())
    }

    /// Changes a token's comment and scopes.
    ///
    /// # Errors
    ///
    /// Any SQLite error.
    pub(crate) fn update(
        &self,
        id: Digest,
        comment: Option<&str>,
        scopes: Option<&[Box<str>]>,
    ) -> rusqlite::Result<()> {
        let scopes = encode_scopes(scopes);
        self.connection.execute(
            "UPDATE tokens SET comment = ?2, scopes = ?3 WHERE id = ?1",
            params![id.0.as_slice(), comment, scopes],
        )?;
        Ok(())
    }

    /// Removes a token.
    ///
    /// # Errors
    ///
    /// Any SQLite error.
    pub(crate) fn delete(&self, id: Digest) -> rusqlite::Result<()> {
        self.connection
            .execute("DELETE FROM tokens WHERE id = ?1", params![id.0.as_slice()])?;
        Ok(())
    }

    /// Whether a token with this id is stored (used by tests of the file itself).
    #[cfg(test)]
    pub(crate) fn contains(&self, id: Digest) -> rusqlite::Result<bool> {
        self.connection
            .query_row(
                "SELECT 1 FROM tokens WHERE id = ?1",
                params![id.0.as_slice()],
                |_| Ok(()),
            )
            .optional()
            .map(|found| found.is_some())
    }
}

/// A token about to be stored.
#[derive(Debug)]
pub(crate) struct StoredTokenRef<'a> {
    pub(crate) id: Digest,
    pub(crate) owner: &'a Principal,
    pub(crate) created: i64,
    pub(crate) expiry: i64,
    pub(crate) comment: Option<&'a str>,
    pub(crate) scopes: Option<&'a [Box<str>]>,
}

fn encode_scopes(scopes: Option<&[Box<str>]>) -> Option<String> {
    scopes.map(|list| {
        let owned: Vec<&str> = list.iter().map(AsRef::as_ref).collect();
        serde_json::to_string(&owned).unwrap_or_else(|_| "[]".to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_load_update_delete_round_trip() {
        let dir =
            std::env::temp_dir().join(format!("tokens-emulator-journal-{}", std::process::id()));
        let _ = std::fs::remove_file(&dir);
        let journal = Journal::open(&dir).unwrap();
        let owner = Principal::user("alice");
        let id = Digest::of("dapi00000000000000000000000000000000");
        let scopes: Box<[Box<str>]> = vec![Box::from("sql")].into_boxed_slice();
        journal
            .insert(&StoredTokenRef {
                id,
                owner: &owner,
                created: 10,
                expiry: -1,
                comment: Some("ci"),
                scopes: Some(&scopes),
            })
            .unwrap();
        journal.update(id, Some("renamed"), None).unwrap();
        let loaded = journal.load(100).unwrap();
        assert_eq!(loaded.len(), 1);
        assert_eq!(loaded[0].comment.as_deref(), Some("renamed"));
        assert_eq!(loaded[0].scopes, None);
        assert_eq!(loaded[0].owner, owner);
        journal.delete(id).unwrap();
        assert!(!journal.contains(id).unwrap());
        let _ = std::fs::remove_file(&dir);
    }
}
