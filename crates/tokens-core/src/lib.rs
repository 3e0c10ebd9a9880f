//! The typed client of the Databricks Token API as tower services, with the layers every
//! production caller needs: auth, retry, rate limit and timeout.
//!
//! ```
//! use std::sync::Arc;
//! use tokens_core::{ClientBuilder, Config, ManualClock, TokenUpdate};
//! use tokens_core::types::{CreateTokenRequest, Timestamp};
//!
//! // Explicit values here; `Config::builder().load()` also reads DATABRICKS_* and
//! // ~/.databrickscfg.
//! let config = Config::builder()
//!     .host("adb-1.azuredatabricks.net")
//!     .token("dapi0123456789abcdef0123456789abcdef")
//!     .build()?;
//!
//! // Any `tower::Service<http::Request<Bytes>>` is a transport: tokens-hyper on servers,
//! // tokens-fetch in browsers, or this stand-in that answers like the service.
//! let transport = tower::service_fn(|request: http::Request<bytes::Bytes>| async move {
//!     let body: &'static [u8] = if request.uri().path().ends_with("/create") {
//!         br#"{"token_info": {"token_id": "ab12"}, "token_value": "dapi00000000000000000000000000000000"}"#
//!     } else {
//!         b"{}"
//!     };
//!     Ok::<_, tokens_core::Error>(http::Response::new(bytes::Bytes::from_static(body)))
//! });
//! let clock = Arc::new(ManualClock::auto_advancing(Timestamp::UNIX_EPOCH));
//! let client = ClientBuilder::from_config(&config, clock)?.build(transport)?;
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let created = client.create(CreateTokenRequest::new().with_comment("ci").with_lifetime_seconds(3600)).await?;
//! let id = created.token_info.and_then(|info| info.token_id).expect("the reply names the token");
//! client.update(&id, TokenUpdate::new().with_comment("ci (rotated)")).await?;
//! client.delete(&id).await?;
//! # Ok::<(), tokens_core::Error>(())
//! # })?;
//! # Ok::<(), tokens_core::Error>(())
//! ```
//!
//! This crate has no runtime, no HTTP stack and no wall clock; a transport crate
//! (`tokens-hyper`, `tokens-fetch`) supplies the HTTP service and the [`Clock`].
//!
//! - Typed front: [`Client`] (`create`, `list`, `update`, `delete`) over [`TokenService`], a
//!   `tower::Service<`[`TokenRequest`]`>`; [`TokenUpdate`] derives and checks the field mask.
//! - The default stack: [`ClientBuilder`] assembles Retry -> RateLimit -> Timeout -> Auth
//!   ([`retry`], [`rate_limit`], [`timeout`], [`auth`]) over any transport.
//! - [`Config`]: explicit values, then `DATABRICKS_*` variables, then a `~/.databrickscfg`
//!   profile; every error names where the bad value came from.
//! - [`Error`]: one opaque error with [`ErrorKind`] (code first, status second) and
//!   predicates such as [`Error::is_retryable`] and [`Error::is_outcome_unknown`].

pub mod auth;
mod builder;
mod client;
pub mod clock;
mod config;
mod error;
mod operation;
pub mod rate_limit;
mod response_future;
pub mod retry;
mod runtime;
mod service;
pub mod timeout;
mod transport;
mod user_agent;

pub use builder::{ClientBuilder, DefaultClient, HttpStack};
pub use client::{Client, TokenUpdate};
pub use clock::ManualClock;
pub use config::{AuthType, Config, ConfigBuilder, ConfigSource, Credentials, normalize_host};
pub use error::{Error, ErrorKind, parse_retry_after, retry_after_header};
pub use operation::Operation;
pub use runtime::{BoxFuture, Clock, MaybeSend};
pub use service::{Endpoint, TokenFuture, TokenRequest, TokenResponse, TokenService};
pub use tokens_types as types;
pub use transport::{BoxError, SendState, TransportError, TransportErrorKind};
pub use user_agent::UserAgent;
