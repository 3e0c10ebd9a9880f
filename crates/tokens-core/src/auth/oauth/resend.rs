//! Sending a discovery or token request again after a failure that may pass.
//!
//! Both requests are safe to repeat whatever happened to the first: discovery is a `GET`,
//! and a client-credentials grant only mints an access token, which nobody holds until its
//! reply arrives. So a failure that [`Error::is_retryable`] calls transient (a connection
//! failure, whether or not the request left; a 429, 500, 502, 503 or 504 reply) leads to
//! another attempt, up to [`ATTEMPTS`] in all, after the wait the server names
//! (`Retry-After`, `RetryInfo`) or else a short random one. A wait that would end past the
//! fetch's deadline is not started: the last failure is the answer then.

use super::erased::HttpCall;
use crate::Error;
use crate::retry::RetryPolicy;
use crate::runtime::Clock;
use bytes::Bytes;
use http::{Request, Response};
use std::time::Duration;

/// Attempts of one request: the first and two more.
const ATTEMPTS: u32 = 3;

/// Waits without a `Retry-After`: random, at most 0.5 s before the second attempt and 1 s
/// before the third.
const BACKOFF: RetryPolicy =
    RetryPolicy::new().with_backoff(Duration::from_millis(500), Duration::from_secs(1));

/// What bounds the attempts of one token fetch: its clock, the instant (on the clock's
/// monotonic scale) when the fetch gives up, and the jitter of its waits.
pub(super) struct Patience<'a> {
    clock: &'a dyn Clock,
    deadline: Duration,
    rng: fastrand::Rng,
}

impl<'a> Patience<'a> {
    /// Attempts that may go on for `limit` from now.
    pub(super) fn new(clock: &'a dyn Clock, limit: Duration) -> Self {
        Patience {
            clock,
            deadline: clock.monotonic().saturating_add(limit),
            rng: fastrand::Rng::new(),
        }
    }
}

/// Sends the request `build` makes (the `what` request, for the log), and again (a fresh one
/// from `build`) after a failure that may pass, as the module describes. Returns the first
/// reply that is not such a failure, or the last outcome when no attempt or no time is left.
///
/// # Errors
///
/// The error of `build`, at once; the transport error of the last attempt.
pub(super) async fn send(
    service: &mut dyn HttpCall,
    patience: &mut Patience<'_>,
    what: &'static str,
    build: &(dyn Fn() -> Result<Request<Bytes>, Error> + Sync),
) -> Result<Response<Bytes>, Error> {
    let mut attempts = 0;
    loop {
        let outcome = service.send(build()?).await;
        attempts += 1;
        let (may_pass, server_wait) = judge(&outcome, patience.clock);
        if attempts >= ATTEMPTS || !may_pass {
            return outcome;
        }
        let wait = server_wait.unwrap_or_else(|| BACKOFF.backoff(attempts - 1, &mut patience.rng));
        let remaining = patience.deadline.saturating_sub(patience.clock.monotonic());
        if wait >= remaining {
            return outcome;
        }
        tracing::debug!(
            request = what,
            failure = %describe(&outcome),
            wait = ?wait,
            "OAuth request failed; sending it again"
        );
        patience.clock.sleep(wait).await;
    }
}

/// Whether another attempt may succeed where this one failed, and the wait its reply names
/// (`Retry-After` or `RetryInfo`). The same rules as the retry layer's for an idempotent
/// call: [`Error::is_retryable`] on the failure, a reply read as [`Error::from_response`]
/// reads it.
fn judge(outcome: &Result<Response<Bytes>, Error>, clock: &dyn Clock) -> (bool, Option<Duration>) {
    match outcome {
        Ok(response) if response.status().is_success() => (false, None),
        Ok(response) => {
            let failure = Error::from_response(
                None,
                response.status(),
                response.headers(),
                response.body(),
                clock.now(),
            );
            (failure.is_retryable(), failure.retry_after())
        }
        Err(error) => (error.is_retryable(), None),
    }
}

/// The failure, for the log line: a status, or the transport error's kind.
fn describe(outcome: &Result<Response<Bytes>, Error>) -> String {
    match outcome {
        Ok(response) => format!("status {}", response.status().as_u16()),
        Err(error) => format!("{:?}", error.kind()),
    }
}
