//! Configuration per spec §4: explicit values, then the environment, then a
//! `~/.databrickscfg` profile.

mod host;

pub use host::normalize_host;
