//! The HTTP transport over the global `fetch`.

mod abort;
mod error;
mod future;
mod request;
mod response;

use std::task::{Context, Poll};

use bytes::Bytes;
use tokens_core::TransportError;
use tower_service::Service;

pub use future::ResponseFuture;

/// The response size cap when none is set: 8 MiB, far above a list of 600 tokens.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 8 * 1024 * 1024;

/// A `tower::Service` that sends each `http::Request<Bytes>` with the host's global `fetch`.
///
/// It works wherever `fetch`, `AbortController` and `Headers` are globals: a browser page, a
/// dedicated worker, and Node 20. Each request is sent with:
///
/// - `credentials: "omit"`: cookies of the page never ride along; the bearer token in the
///   `Authorization` header (added by the auth layer) is the only credential;
/// - `cache: "no-store"`: replies hold secrets, so the browser's HTTP cache never keeps them;
/// - `redirect: "manual"`: a redirect is reported as an error rather than followed with the
///   credentials of the original request;
/// - its own `AbortController`: dropping the future aborts the request, so the per-attempt
///   timeout of tokens-core (which drops the attempt it gives up on) really stops the
///   browser's request instead of leaving it running;
/// - a cap on the response body, checked against `Content-Length` and against the bytes as
///   they stream in.
///
/// ```
/// # #[cfg(target_arch = "wasm32")]
/// # async fn demo() -> Result<(), tokens_core::TransportError> {
/// use tower_service::Service;
/// use tokens_fetch::FetchTransport;
///
/// let mut transport = FetchTransport::new().with_max_response_bytes(1024 * 1024);
/// let request = http::Request::get("http://127.0.0.1:8080/api/2.0/token/list")
///     .body(bytes::Bytes::new())
///     .expect("a valid request");
/// let response = transport.call(request).await?;
/// println!("status {}", response.status());
/// # Ok(())
/// # }
/// ```
///
/// # Errors
///
/// Failures come back as a [`TransportError`] classified for the retry layer:
///
/// | what happened | kind | send state |
/// |---|---|---|
/// | the request could not be built (relative URL, bad header, body on GET) | `InvalidRequest` | `NotSent` |
/// | `fetch` rejected with a `TypeError` in a browser | `Io` | `MaybeSent` |
/// | Node reported a refused connection or a failed name lookup | `Connect` / `Dns` | `NotSent` |
/// | the body failed mid-stream | `Io` | `MaybeSent` |
/// | the body is larger than the cap | `BodyTooLarge` | `MaybeSent` |
/// | the server answered with a redirect | `Other` | `MaybeSent` |
/// | the host aborted the fetch (`AbortError`, e.g. a page unloading) | `Other` | `MaybeSent` |
///
/// A browser reports every network failure as the same bare `TypeError` ("Failed to fetch"):
/// a refused connection, a dropped connection after the request was written, and a CORS
/// refusal all look alike. So the transport must say the request *may* have been sent. The
/// effect on create, which is not idempotent: the retry layer does not send it again, and
/// the call fails with an error saying the outcome is unknown (a token may have been minted).
/// Idempotent operations (list, update, delete) are retried as usual.
///
/// # Limitations
///
/// - Headers a browser forbids scripts to set (`Host`, `Content-Length`, `Connection`,
///   `Cookie`, `Origin`, `Referer`, `Sec-*`, `Proxy-*` and the like) are dropped, and so is
///   `User-Agent`: browsers either ignore it or would make it part of the CORS preflight.
/// - A browser shows the client only the response headers the server lists in
///   `Access-Control-Expose-Headers` (besides a few safelisted ones such as `Content-Type`),
///   so a cross-origin server must expose `Retry-After` for the retry layer to honour it.
/// - There is no transport-level timeout; per-attempt timeouts belong to the timeout layer
///   of tokens-core, whose cancellation aborts the fetch as described above.
#[derive(Debug, Clone)]
pub struct FetchTransport {
    max_response_bytes: usize,
}

impl FetchTransport {
    /// A transport with the default response cap ([`DEFAULT_MAX_RESPONSE_BYTES`]).
    pub const fn new() -> Self {
        FetchTransport {
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
        }
    }

    /// Sets the largest response body accepted, in bytes; larger replies fail with
    /// `TransportErrorKind::BodyTooLarge`.
    #[must_use]
    pub const fn with_max_response_bytes(mut self, max: usize) -> Self {
        self.max_response_bytes = max;
        self
    }

    /// The largest response body accepted, in bytes.
    pub const fn max_response_bytes(&self) -> usize {
        self.max_response_bytes
    }
}

impl Default for FetchTransport {
    fn default() -> Self {
        FetchTransport::new()
    }
}

impl Service<http::Request<Bytes>> for FetchTransport {
    type Response = http::Response<Bytes>;
    type Error = TransportError;
    type Future = ResponseFuture;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<Bytes>) -> Self::Future {
        ResponseFuture::new(request, self.max_response_bytes)
    }
}
