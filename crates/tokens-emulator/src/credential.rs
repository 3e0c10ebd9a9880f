//! Minting secrets and hashing them: the emulator keeps only SHA-256 digests.

use sha2::{Digest as _, Sha256};
use std::fmt;
use subtle::ConstantTimeEq;
use tokens_types::Secret;

/// The SHA-256 digest of a secret. A token's id is this digest in lowercase hex.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Digest(pub(crate) [u8; 32]);

impl Digest {
    /// The digest of `secret`.
    pub(crate) fn of(secret: &str) -> Digest {
        Digest(Sha256::digest(secret.as_bytes()).into())
    }

    /// Reads a token id: exactly 64 lowercase hex characters.
    pub(crate) fn from_hex(id: &str) -> Option<Digest> {
        if id.len() != 64 || id.bytes().any(|b| b.is_ascii_uppercase()) {
            return None;
        }
        let mut bytes = [0_u8; 32];
        hex::decode_to_slice(id, &mut bytes).ok()?;
        Some(Digest(bytes))
    }

    /// The digest as a token id.
    pub(crate) fn to_hex(self) -> String {
        hex::encode(self.0)
    }

    /// Compares two digests without an early exit.
    pub(crate) fn ct_eq(&self, other: &Digest) -> bool {
        self.0.ct_eq(&other.0).into()
    }
}

impl fmt::Debug for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Digest({})", self.to_hex())
    }
}

/// The operating system's random generator failed.
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("the operating system's random number generator failed")]
pub(crate) struct RandomnessUnavailable;

/// A new personal access token: `dapi` and 32 lowercase hex characters from the OS CSPRNG.
pub(crate) fn mint_pat() -> Result<Secret, RandomnessUnavailable> {
    mint_with_prefix("dapi")
}

/// A new OAuth access token. Its shape is opaque to clients; the prefix tells it apart.
pub(crate) fn mint_access_token() -> Result<Secret, RandomnessUnavailable> {
    mint_with_prefix("emuoauth")
}

fn mint_with_prefix(prefix: &str) -> Result<Secret, RandomnessUnavailable> {
    let mut bytes = [0_u8; 16];
    getrandom::fill(&mut bytes).map_err(|_| RandomnessUnavailable)?;
    let mut value = String::with_capacity(prefix.len() + 32);
    value.push_str(prefix);
    value.push_str(&hex::encode(bytes));
    Ok(Secret::new(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minted_pat_has_the_real_shape() {
        let secret = mint_pat().unwrap();
        assert!(secret.is_pat_shaped());
    }

    #[test]
    fn id_round_trips_through_hex() {
        let digest = Digest::of("dapi0123456789abcdef0123456789abcdef");
        assert_eq!(Digest::from_hex(&digest.to_hex()), Some(digest));
        assert_eq!(Digest::from_hex(&digest.to_hex().to_uppercase()), None);
        assert_eq!(Digest::from_hex("abc"), None);
    }
}
