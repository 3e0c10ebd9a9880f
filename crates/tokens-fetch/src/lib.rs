//! The Databricks Token API client in browsers, web workers and Node: an HTTP transport over
//! the global `fetch` and a [`Clock`](tokens_core::Clock) over `Date.now`,
//! `performance.now` and `setTimeout`.
//!
//! ```
//! # #[cfg(target_arch = "wasm32")]
//! # async fn demo() -> Result<(), tokens_core::TransportError> {
//! use std::time::Duration;
//! use tower_service::Service;
//! use tokens_core::Clock;
//! use tokens_fetch::{BrowserClock, FetchTransport};
//!
//! let mut transport = FetchTransport::new();
//! let request = http::Request::get("http://127.0.0.1:8080/api/2.0/token/list")
//!     .body(bytes::Bytes::new())
//!     .expect("a valid request");
//! let response = transport.call(request).await?;
//! assert!(response.status().is_client_error()); // no token: 401
//!
//! BrowserClock::new().sleep(Duration::from_millis(10)).await;
//! # Ok(())
//! # }
//! ```
//!
//! Everything here needs a JavaScript host, so on other targets this crate is empty; the
//! examples compile only for `wasm32-unknown-unknown`.
//!
//! # Testing
//!
//! `scripts/test-wasm` at the repository root runs this crate's `wasm-bindgen-test` suites
//! against the real `tokens-emulator` in headless Chromium (page and dedicated worker) and
//! in Node.

#[cfg(target_arch = "wasm32")]
mod clock;
#[cfg(target_arch = "wasm32")]
mod js_global;
#[cfg(target_arch = "wasm32")]
mod transport;

#[cfg(target_arch = "wasm32")]
pub use clock::BrowserClock;
#[cfg(target_arch = "wasm32")]
pub use transport::{DEFAULT_MAX_RESPONSE_BYTES, FetchTransport, ResponseFuture};
