//! A local Databricks Token API server for development, tests and demos.
//!
//! It serves the four token endpoints (create, list, update, delete) with the service's
//! rules, the discovery documents and OAuth client-credentials endpoint that SDKs call, CORS
//! for browser clients, fault injection for testing retries, and optional SQLite
//! persistence. The official SDKs work against it unmodified.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use std::sync::Arc;
//! use std::time::Duration;
//! use tokens_emulator::{Emulator, FaultRule, ManualClock, Principal, Route};
//! use tokens_types::{Secret, Timestamp};
//!
//! let clock = ManualClock::new(Timestamp::from_millis(1_700_000_000_000));
//! let running = Emulator::builder()
//!     .user("alice", Secret::new("dapi0123456789abcdef0123456789abcdef"))
//!     .clock(Arc::new(clock.clone()))
//!     .start("127.0.0.1:0")
//!     .await?;
//!
//! // Point a client at `running.base_url()`; meanwhile, from Rust:
//! running.faults().push(FaultRule::status(Some(Route::Create), 503).times(1));
//! clock.advance(Duration::from_secs(60));
//! assert_eq!(running.token_count(&Principal::user("alice")), 0);
//! assert_eq!(running.stats().requests(Route::Create), 0);
//! running.shutdown().await;
//! # Ok(()) }
//! ```
//!
//! # What it implements
//!
//! - `POST /api/2.0/token/create`, `GET /api/2.0/token/list`, `POST /api/2.0/token/delete`,
//!   `PATCH /api/2.0/token/{token_id}`: secrets `dapi` + 32 hex from the OS CSPRNG, id = hex
//!   SHA-256 of the secret, only digests stored; lifetime default and maximum 730 days;
//!   quota 600 live tokens per principal (`QUOTA_EXCEEDED`); expired tokens are absent
//!   everywhere; each principal sees only its own tokens; a token authenticates as the
//!   principal that created it; updates take a field mask of `comment`, `scopes` or `*`;
//!   comments up to 255 characters.
//! - Every reply is JSON: `{"error_code": "…", "message": "…"}` for errors, with the legacy
//!   integer-coded bodies for 401 (no credential) and 403 (bad credential); 404
//!   `ENDPOINT_NOT_FOUND`, 405 `METHOD_NOT_ALLOWED` with `Allow`, 413
//!   `REQUEST_ENTITY_TOO_LARGE` past 1 MiB, 400 `MALFORMED_REQUEST` for bodies that are not
//!   the endpoint's JSON.
//! - `GET /.well-known/databricks-config`, `GET /oidc/.well-known/oauth-authorization-server`,
//!   `POST /oidc/v1/token` (client credentials, HTTP Basic or form fields).
//! - CORS, off unless origins are configured.
//! - Faults: see [`FaultRule`] and [`FaultPlan`]; at run time through [`Emulator::faults`] or
//!   the control endpoint (see [`EmulatorBuilder::control_secret`]).
//! - Persistence with [`EmulatorBuilder::data_path`]: SQLite in WAL mode with
//!   `synchronous=FULL`, written before each reply.
//!
//! # Limitations
//!
//! - HTTP/1.1 only, plain HTTP (no TLS): clients must allow `http://` for loopback hosts.
//! - OAuth access tokens live in memory only; after a restart, clients fetch new ones.
//! - Seeded user secrets (`--user`) are login credentials, not tokens: they are not listed,
//!   do not count against the quota and cannot be deleted.
//! - `autoscope_enabled` is accepted and ignored; no `autoscope_state` is reported.
//! - Tokens found expired are removed for good; moving a [`ManualClock`] backwards does not
//!   bring them back.

mod builder;
mod clock;
mod control;
mod credential;
mod emulator;
mod error;
mod faults;
mod http;
mod oauth;
mod principal;
mod route;
mod server;
mod state;
mod stats;

pub use builder::{
    DEFAULT_MAX_LIFETIME, DEFAULT_OAUTH_TOKEN_LIFETIME, DEFAULT_QUOTA_PER_USER, EmulatorBuilder,
    StartError,
};
pub use clock::{EmulatorClock, ManualClock, SystemClock};
pub use emulator::{AddUserError, ConnectionDropped, DEFAULT_USER, Emulator};
pub use faults::{
    FaultAction, FaultBody, FaultPlan, FaultRule, FaultSpecError, Faults, RetryAfter, RuleState,
};
pub use principal::Principal;
pub use route::{Route, UnknownRoute};
pub use server::RunningEmulator;
pub use state::COMMENT_MAX_CHARS;
pub use stats::Stats;
