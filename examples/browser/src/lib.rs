//! The wasm module of the browser example: a small JavaScript-facing API over the Rust SDK.
//!
//! `www/app.js` does the page; this module does every call to the Token API through
//! [`tokens_fetch::client_builder`]: the same typed client and default stack (retry, rate
//! limit, per-attempt timeout, PAT auth) as on native targets, over the browser's `fetch`,
//! with a 30-second deadline per call for a person waiting on a click.
//!
//! ```js
//! import init, { TokensApp } from "./pkg/tokens_browser_example.js";
//! await init();
//! const app = new TokensApp("http://127.0.0.1:8080", "dapi…");
//! const created = await app.create("from the page", 90); // { id, secret }
//! const tokens = await app.list(); // [{ id, comment, created, expires }]
//! await app.rename(created.id, "a better comment");
//! await app.revoke(created.id);
//! ```
//!
//! On targets other than `wasm32` the crate is empty.

#[cfg(target_arch = "wasm32")]
mod app;

#[cfg(target_arch = "wasm32")]
pub use app::TokensApp;
