//! Wire models of the Databricks workspace Token API, with the [`FieldMask`] of updates, a
//! parser for every shape of error reply, and [`Secret`], the type that keeps token values
//! out of logs.
//!
//! This crate has no async code and no HTTP stack: it is what a library that only needs the
//! data types depends on, and it builds for `wasm32-unknown-unknown`.
//!
//! ```
//! use tokens_types::{Expiry, FieldMask, ListTokensResponse, TOKEN_UPDATABLE_PATHS};
//!
//! let reply: ListTokensResponse = serde_json::from_str(r#"{"token_infos": [
//!     {"token_id": "5684c955", "comment": "ci", "creation_time": 1700000000000,
//!      "expiry_time": -1, "scopes": ["sql"]}
//! ]}"#)?;
//! let token = &reply.token_infos[0];
//! assert_eq!(token.comment.as_deref(), Some("ci"));
//! assert_eq!(token.expiry_time, Some(Expiry::Never));
//!
//! let mask: FieldMask = "comment,scopes".parse()?;
//! mask.validate_for(TOKEN_UPDATABLE_PATHS)?;
//! assert_eq!(serde_json::to_string(&mask)?, r#""comment,scopes""#);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Crate map
//!
//! - Models: [`CreateTokenRequest`], [`CreateTokenResponse`], [`TokenInfo`],
//!   [`ListTokensResponse`], [`DeleteTokenRequest`], [`UpdateTokenRequest`] and the empty
//!   replies. Optional fields are `Option`, omitted when `None`; int64 fields accept a JSON
//!   number or a numeric string; unknown fields are kept in `extra`.
//! - Time: [`Timestamp`] (epoch milliseconds) and [`Expiry`] (`-1` is [`Expiry::Never`]).
//! - [`Secret`]: redacted `Debug`/`Display`, constant-time `==`, wiped on drop.
//! - [`FieldMask`] with [`FieldMaskError`].
//! - Errors: [`ErrorBody::parse`] reads every shape of error reply (JSON with a string or
//!   integer `error_code`, `{"error": ...}`, SCIM, `CODE: message` text, HTML pages, empty
//!   bodies) into an [`ErrorCode`], a message that is never empty and never holds a
//!   credential-shaped secret (a token, a JWT, a `Bearer` credential), and typed
//!   [`ErrorDetail`]s. [`ErrorBody`] serializes back to the service's JSON shape, for servers
//!   such as the emulator. [`reason_phrase`] gives a status's standard phrase.
//!
//! # Limitations
//!
//! - `RetryInfo` keeps only a delay it can read; an unreadable one becomes `None` and is not
//!   written back.
//! - Known detail types keep the fields this crate models; other fields of such an entry are
//!   dropped (entries of unknown types are kept whole).
//! - Numbers with a fraction inside unknown fields are re-encoded by `serde_json`, which may
//!   change their last digit.

mod autoscope;
mod error_body;
mod field_mask;
mod int64;
mod requests;
mod responses;
mod secret;
mod time;
mod token_id;
mod token_info;
mod wire_object;

pub use autoscope::AutoscopeState;
pub use error_body::{
    BadRequestViolation, ErrorBody, ErrorCode, ErrorDetail, HelpLink, PreconditionViolation,
    QuotaViolation, reason_phrase,
};
pub use field_mask::{FieldMask, FieldMaskError, TOKEN_UPDATABLE_PATHS};
pub use requests::{CreateTokenRequest, DeleteTokenRequest, UpdateTokenRequest};
pub use responses::{
    CreateTokenResponse, DeleteTokenResponse, ListTokensResponse, UpdateTokenResponse,
};
pub use secret::Secret;
pub use time::{Expiry, Timestamp};
pub use token_id::TokenId;
pub use token_info::TokenInfo;
