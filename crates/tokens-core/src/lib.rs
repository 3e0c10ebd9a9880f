//! The typed client of the Databricks Token API as tower services, with the layers every
//! production caller needs: auth, retry, rate limit and timeout.
//!
//! This crate has no runtime, no HTTP stack and no wall clock; a transport crate
//! (`tokens-hyper`, `tokens-fetch`) supplies the HTTP service and the [`Clock`].

pub mod clock;
mod error;
mod operation;
pub mod rate_limit;
mod runtime;
pub mod timeout;
mod transport;

pub use clock::ManualClock;
pub use error::{Error, ErrorKind, parse_retry_after, retry_after_header};
pub use operation::Operation;
pub use runtime::{BoxFuture, Clock, MaybeSend};
pub use tokens_types as types;
pub use transport::{BoxError, SendState, TransportError, TransportErrorKind};
