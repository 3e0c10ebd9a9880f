//! Native HTTPS transport (hyper 1, rustls) and tokio clock for the Databricks Token API
//! client.
//!
//! ```
//! use bytes::Bytes;
//! use tokio::io::{AsyncReadExt, AsyncWriteExt};
//! use tokio::net::TcpListener;
//! use tower::ServiceExt;
//! use tokens_hyper::HyperTransport;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! // A local server that answers one request with a fixed JSON body.
//! let listener = TcpListener::bind("127.0.0.1:0").await?;
//! let addr = listener.local_addr()?;
//! tokio::spawn(async move {
//!     let (mut socket, _) = listener.accept().await?;
//!     let mut request = [0_u8; 1024];
//!     let _ = socket.read(&mut request).await?;
//!     socket
//!         .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 18\r\n\r\n{\"token_infos\":[]}")
//!         .await?;
//!     Ok::<_, std::io::Error>(())
//! });
//!
//! let transport = HyperTransport::new()?;
//! let request = http::Request::get(format!("http://{addr}/api/2.0/token/list"))
//!     .body(Bytes::new())?;
//! let response = transport.oneshot(request).await?;
//! assert_eq!(response.status(), 200);
//! assert_eq!(response.body(), r#"{"token_infos":[]}"#);
//! # Ok(())
//! # }
//! ```
//!
//! [`HyperTransport`] is the HTTP service at the bottom of the `tokens-core` stack: a
//! `tower::Service<http::Request<Bytes>>` over hyper-util's pooled client, with rustls for
//! TLS (the `ring` provider only), HTTP/2 by ALPN, an optional HTTP proxy ([`ProxyConfig`]),
//! a response size cap, and every failure classified as
//! [`SendState::NotSent`](tokens_core::SendState::NotSent) (safe to resend, even a create) or
//! [`SendState::MaybeSent`](tokens_core::SendState::MaybeSent). [`TokioClock`] is the core's
//! [`Clock`](tokens_core::Clock) on tokio.
//!
//! # Cargo features
//!
//! - `native-roots`: adds `TlsRoots::Native`, trusting the operating system's certificate
//!   store instead of the compiled-in Mozilla roots.
//!
//! # Logging
//!
//! Each request logs one `debug` event with OpenTelemetry names (`http.request.method`,
//! `server.address`, `server.port`, `network.protocol.version`, `http.response.status_code`,
//! or `error.type`). Header values, bodies, paths and proxy credentials are never logged.
//!
//! # Why these dependencies
//!
//! hyper-util's legacy pooled client is the connection pool hyper itself maintains;
//! hyper-rustls adds TLS with ALPN to it; `webpki-roots` gives the same trust on every
//! machine, including minimal containers without a CA bundle. `h2` (already under hyper's
//! HTTP/2 support) is named only to read the reason of a reset stream, so that a stream the
//! server refused before processing it is known not to have been acted on.

mod clock;
mod connect;
mod error;
mod error_chain;
mod proxy;
mod tls;
mod transport;

pub use clock::TokioClock;
pub use error::BuildError;
pub use proxy::{ProxyConfig, ProxyConfigBuilder};
pub use tls::{Certificate, TlsRoots};
pub use transport::{HyperTransport, HyperTransportBuilder, ResponseFuture};
