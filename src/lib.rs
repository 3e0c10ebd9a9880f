//! `databricks-tokens`: a Rust SDK for the Databricks workspace Token API (create, list,
//! update and delete personal access tokens).
//!
//! ```
//! use databricks_tokens::emulator::Emulator;
//! use databricks_tokens::types::CreateTokenRequest;
//! use databricks_tokens::{Client, TokenUpdate};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! // A local Token API server on a free port; in real use, `Client::from_env()` reads your
//! // workspace from DATABRICKS_HOST and DATABRICKS_TOKEN (or ~/.databrickscfg).
//! let emulator = Emulator::builder().start("127.0.0.1:0").await?;
//! let login = emulator.default_user_secret().cloned().ok_or("no default user")?;
//!
//! let client = Client::builder().host(emulator.base_url()).token(login).build()?;
//!
//! let created = client
//!     .create(CreateTokenRequest::new().with_comment("docs").with_lifetime_seconds(300))
//!     .await?;
//! let id = created.token_info.and_then(|info| info.token_id).ok_or("no token id")?;
//!
//! client.update(&id, TokenUpdate::new().with_comment("renamed")).await?;
//! assert_eq!(client.list().await?[0].comment.as_deref(), Some("renamed"));
//!
//! client.delete(&id).await?;
//! assert!(client.list().await?.is_empty());
//! emulator.shutdown().await;
//! # Ok(())
//! # }
//! ```
//!
//! [`Client`] is the typed client over the default tower stack (retry, rate limit,
//! per-attempt timeout, auth) and the hyper transport with rustls. Each failure is an
//! [`Error`] that says its [`ErrorKind`], status, error code and message, whether it may be
//! retried, and whether a create's outcome is unknown. Secrets are [`types::Secret`]s: they
//! print redacted.
//!
//! # What is here
//!
//! - [`types`]: the data models of the API (`tokens-types`), for code that needs no client.
//! - The core (`tokens-core`): [`Error`], [`Config`], [`TokenUpdate`], the typed
//!   [`TokenService`] and the layers [`auth`], [`retry`], [`rate_limit`] and [`timeout`], to
//!   compose your own middleware with ([`ClientBuilder::build_layered`], or the core's
//!   [`StackBuilder`] over any transport).
//! - With the `hyper` feature (on by default): [`Client`], [`ClientBuilder`],
//!   [`HyperTransport`], [`ProxyConfig`], [`Certificate`] and [`TokioClock`].
//! - With the `emulator` feature: `emulator`, the local Token API server, for tests and
//!   demos.
//!
//! # Cargo features
//!
//! - `hyper` (default): the native client over hyper 1, hyper-util and rustls (`ring`).
//! - `native-roots`: trust the operating system's certificate store ([`TlsRoots`]).
//! - `emulator`: re-exports `tokens-emulator` as `databricks_tokens::emulator`.
//!
//! Without default features the crate holds the types and the core only, which build for
//! `wasm32` as well.
//!
//! # Limitations
//!
//! - [`Client::builder`] reads nothing from the process: neither `DATABRICKS_*` variables
//!   nor proxy variables. Use [`ClientBuilder::from_env`] (or [`Client::from_env`]) for both.
//! - Only `http://` proxies, no client certificates (mutual TLS), no response compression
//!   (see [`HyperTransport`]).
//! - A create whose outcome is unknown is reported, not reconciled: the caller lists the
//!   tokens to find out whether it happened ([`Error::is_outcome_unknown`]).

#[cfg(feature = "hyper")]
mod builder;
#[cfg(feature = "hyper")]
mod client;

#[cfg(feature = "hyper")]
pub use builder::ClientBuilder;
#[cfg(feature = "hyper")]
pub use client::{Client, HyperClient};

pub use tokens_types as types;

pub use tokens_core::{
    AuthType, BoxError, BoxFuture, Clock, Config, ConfigBuilder, ConfigSource, Credentials,
    DefaultClient, Endpoint, Error, ErrorKind, HttpStack, ManualClock, MaybeSend, Operation,
    SendState, TokenRequest, TokenResponse, TokenService, TokenUpdate, TransportError,
    TransportErrorKind, UserAgent, normalize_host,
};
pub use tokens_core::{auth, clock, rate_limit, retry, timeout};

/// The core's typed client over any typed service (what
/// [`ClientBuilder::build_layered`] returns).
pub use tokens_core::Client as ServiceClient;
/// The core's builder of the default stack over any transport.
pub use tokens_core::ClientBuilder as StackBuilder;

#[cfg(feature = "hyper")]
pub use tokens_hyper::{
    BuildError as TransportBuildError, Certificate, HyperTransport, HyperTransportBuilder,
    ProxyConfig, ProxyConfigBuilder, TlsRoots, TokioClock,
};

/// The local Token API server (`tokens-emulator`), for tests and demos.
#[cfg(feature = "emulator")]
pub use tokens_emulator as emulator;
