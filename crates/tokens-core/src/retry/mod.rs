//! Retries that never repeat a create the server may have done, within one deadline.
//!
//! Retrying is where an API client does most harm: the official Python SDK resends a create
//! whose reply was lost and so mints a second secret nobody ever sees, sleeps past its own
//! deadline, and ignores dates in `Retry-After`. This layer follows spec §3 instead:
//!
//! - The request's [`Operation`](crate::Operation) extension says whether it is idempotent
//!   (without one, the HTTP method decides). list, update and delete are; create is not.
//! - A create is retried only when the server provably did not act: 429, 503, the codes
//!   `RESOURCE_EXHAUSTED` / `REQUEST_LIMIT_EXCEEDED` at any status, the service's
//!   transient-trouble messages, or a transport failure before any byte was sent
//!   ([`SendState::NotSent`](crate::SendState::NotSent)). After a failure that may have
//!   reached the server (500, 502, 504, a reset after sending, a timeout), it returns an
//!   [`Error`] with [`is_outcome_unknown`](crate::Error::is_outcome_unknown).
//! - Idempotent calls are also retried on 500, 502, 504, resets after sending and timeouts.
//! - A delete whose earlier attempt may have worked, and that then gets
//!   `RESOURCE_DOES_NOT_EXIST`, succeeds: the layer answers `200 {}` marked
//!   [`AlreadyDeleted`].
//! - The wait is the server's (`Retry-After` in seconds or as an HTTP date, else a
//!   `RetryInfo.retry_delay`), otherwise exponential backoff with full jitter
//!   ([`RetryPolicy`]).
//! - One deadline bounds the whole call (default 300 s; per call with [`CallTimeout`]). No
//!   wait runs past it: when the next wait would, the call ends at once with the server's
//!   error (the last reply, or the last transport error), not a generic timeout. An attempt
//!   still running at the deadline ends with a deadline-exceeded error.
//! - A [`RetryBudget`] shared by every clone stops retry storms against a failing service.
//!
//! Which errors are retryable is decided by [`Error::is_retryable_for`](crate::Error::is_retryable_for)
//! and [`Error::server_may_have_acted`](crate::Error::server_may_have_acted), so every part
//! of the SDK agrees. Each decision is logged with `debug!`, with its reason and wait; each
//! attempt runs in an `http.attempt` span carrying `http.request.resend_count`.
//!
//! What the layer returns: a success, or the final error reply as an `Ok` response (the
//! typed client turns it into an [`Error`]), except where it adds knowledge of
//! its own: a create whose outcome is unknown, and a deadline that passed during an attempt,
//! come back as `Err`.

mod already_deleted;
mod attempts;
mod budget;
mod deadline;
mod decision;
mod layer;
mod policy;

pub use crate::response_future::ResponseFuture;
pub use already_deleted::AlreadyDeleted;
pub use budget::RetryBudget;
pub use deadline::CallTimeout;
pub(crate) use deadline::race;
pub use layer::RetryLayer;
pub use policy::{DEFAULT_CALL_TIMEOUT, RetryPolicy};

use crate::Error;
use crate::runtime::MaybeSend;
use attempts::Shared;
use bytes::Bytes;
use http::{Request, Response};
use std::fmt;
use std::sync::Arc;
use std::task::{Context, Poll};
use tower::Service;

/// Sends a request again when spec §3 says it is safe and useful, within the call's deadline.
///
/// ```
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// use std::sync::Arc;
/// use std::sync::atomic::{AtomicU32, Ordering};
/// use std::time::Duration;
/// use bytes::Bytes;
/// use tokens_core::retry::RetryLayer;
/// use tokens_core::{ManualClock, Operation};
/// use tokens_core::types::Timestamp;
/// use tower::{Layer, ServiceExt};
///
/// // A server that is unavailable once, asking for two seconds, then answers.
/// let calls = Arc::new(AtomicU32::new(0));
/// let seen = Arc::clone(&calls);
/// let transport = tower::service_fn(move |_req: http::Request<Bytes>| {
///     let first = seen.fetch_add(1, Ordering::SeqCst) == 0;
///     async move {
///         let response = if first {
///             http::Response::builder().status(503).header("retry-after", "2").body(Bytes::new())
///         } else {
///             http::Response::builder().status(200).body(Bytes::from_static(b"{}"))
///         };
///         Ok::<_, tokens_core::Error>(response.unwrap())
///     }
/// });
///
/// let clock = ManualClock::auto_advancing(Timestamp::UNIX_EPOCH);
/// let svc = RetryLayer::new(Arc::new(clock.clone())).with_seed(7).layer(transport);
///
/// let mut request = http::Request::new(Bytes::new());
/// request.extensions_mut().insert(Operation::CREATE);
/// let response = svc.oneshot(request).await?;
/// assert_eq!(response.status(), 200);
/// assert_eq!(calls.load(Ordering::SeqCst), 2);
/// assert_eq!(clock.sleeps(), vec![Duration::from_secs(2)]); // the server's wait, honoured
/// # Ok::<(), tokens_core::Error>(())
/// # }).unwrap();
/// ```
///
/// # Clone
///
/// Clones share the clock, the [`RetryBudget`] and the jitter random generator; each call
/// has its own deadline and attempt count.
#[derive(Clone)]
pub struct Retry<S> {
    inner: S,
    // One `Arc` for the clock, policy, budget and RNG: every call clones it.
    shared: Arc<Shared>,
}

impl<S> Retry<S> {
    /// The backoff settings and the default call deadline.
    pub fn policy(&self) -> &RetryPolicy {
        &self.shared.policy
    }

    /// The shared retry budget.
    pub fn budget(&self) -> &RetryBudget {
        &self.shared.budget
    }

    /// The wrapped service.
    pub fn get_ref(&self) -> &S {
        &self.inner
    }
}

impl<S> Service<Request<Bytes>> for Retry<S>
where
    S: Service<Request<Bytes>, Response = Response<Bytes>> + Clone + MaybeSend + 'static,
    S::Error: Into<Error>,
    S::Future: MaybeSend,
{
    type Response = Response<Bytes>;
    type Error = Error;
    type Future = ResponseFuture;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        // Readiness is awaited before each attempt instead, inside the deadline.
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request<Bytes>) -> ResponseFuture {
        let inner = self.inner.clone();
        ResponseFuture::new(Box::pin(attempts::run(
            inner,
            request,
            Arc::clone(&self.shared),
        )))
    }
}

impl<S: fmt::Debug> fmt::Debug for Retry<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Retry")
            .field("inner", &self.inner)
            .field("policy", &self.shared.policy)
            .field("budget", &self.shared.budget)
            .finish_non_exhaustive()
    }
}
