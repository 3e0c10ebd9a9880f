//! The Databricks Token API client in browsers, web workers and Node: the typed client and
//! default layers of tokens-core over the global `fetch`, with a
//! [`Clock`](tokens_core::Clock) over `Date.now`, `performance.now` and `setTimeout`.
//!
//! ```
//! # #[cfg(target_arch = "wasm32")]
//! # async fn demo() -> Result<(), tokens_core::Error> {
//! use tokens_core::TokenUpdate;
//! use tokens_core::types::CreateTokenRequest;
//!
//! // Retry, rate limit, per-attempt timeout and PAT auth, as on native targets.
//! let client = tokens_fetch::pat_client(
//!     "http://127.0.0.1:8080", // a local tokens-emulator started with --cors-origin
//!     "dapi0123456789abcdef0123456789abcdef",
//! )?;
//!
//! let created = client
//!     .create(CreateTokenRequest::new().with_comment("from the browser").with_lifetime_seconds(3600))
//!     .await?;
//! let id = created.token_info.and_then(|info| info.token_id).expect("an id");
//! client.update(&id, TokenUpdate::new().with_comment("renamed")).await?;
//! assert_eq!(client.list().await?.len(), 1);
//! client.delete(&id).await?;
//! # Ok(())
//! # }
//! ```
//!
//! Everything here needs a JavaScript host, so on other targets this crate is empty; the
//! examples compile only for `wasm32-unknown-unknown`.
//!
//! # What differs from native
//!
//! - A browser reports every network failure, CORS refusals included, as the same bare
//!   `TypeError`, so such a failure counts as "the request may have been sent": a create that
//!   meets one is not retried and fails as outcome-unknown (see [`FetchTransport`]).
//! - The real Databricks REST API sends no CORS headers: a page on another origin needs a
//!   proxy of its own in front of the workspace. The emulator's `--cors-origin` is for local
//!   development and tests.
//! - Futures here are not `Send` (JavaScript values live on one thread); tokens-core's
//!   [`BoxFuture`](tokens_core::BoxFuture) drops the `Send` bound on `wasm32` for this.
//!
//! # Testing
//!
//! `scripts/test-wasm` at the repository root runs this crate's `wasm-bindgen-test` suites
//! against the real `tokens-emulator` in headless Chromium (page and dedicated worker) and
//! in Node.
// Everything above links to items that exist on wasm32 only; on other targets the crate is
// empty, so its documentation is meant to be read as built for wasm32 (as docs.rs does, see
// Cargo.toml).
#![cfg_attr(not(target_arch = "wasm32"), allow(rustdoc::broken_intra_doc_links))]

#[cfg(target_arch = "wasm32")]
mod client;
#[cfg(target_arch = "wasm32")]
mod clock;
#[cfg(target_arch = "wasm32")]
mod js_global;
#[cfg(target_arch = "wasm32")]
mod transport;

#[cfg(target_arch = "wasm32")]
pub use client::{FetchClient, client_builder, pat_client};
#[cfg(target_arch = "wasm32")]
pub use clock::BrowserClock;
#[cfg(target_arch = "wasm32")]
pub use transport::{DEFAULT_MAX_RESPONSE_BYTES, FetchTransport, ResponseFuture};
