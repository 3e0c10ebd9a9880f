//! The typed client of the Databricks Token API as tower services, with the layers every
//! production caller needs: auth, retry, rate limit and timeout.
//!
//! This crate has no runtime, no HTTP stack and no wall clock; a transport crate
//! (`tokens-hyper`, `tokens-fetch`) supplies the HTTP service and the [`Clock`].

pub mod auth;
mod builder;
mod client;
pub mod clock;
mod config;
mod error;
mod operation;
pub mod rate_limit;
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
