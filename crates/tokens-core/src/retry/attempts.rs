//! The attempt loop of one call: send, decide, wait, send again, all within one deadline.

use super::decision::{self, History, Verdict};
use super::{CallTimeout, RetryBudget, RetryPolicy, already_deleted, deadline};
use crate::runtime::Clock;
use crate::{Error, Operation};
use bytes::Bytes;
use http::{Method, Request, Response};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tower::{Service, ServiceExt};
use tracing::Instrument;

/// What every call of one retry layer shares.
#[derive(Clone)]
pub(super) struct Shared {
    pub(super) clock: Arc<dyn Clock>,
    pub(super) policy: RetryPolicy,
    pub(super) budget: RetryBudget,
    pub(super) rng: Arc<Mutex<fastrand::Rng>>,
}

/// Runs one call to completion.
///
/// Not an `async fn`: that would store its arguments twice in the future (once as passed,
/// once as moved into its body). The future of every call is boxed, and at this size
/// (about 900 bytes, down from about 1,460) the allocator serves it from its fast path:
/// BENCHMARKS.md has the measurement.
#[allow(
    clippy::manual_async_fn,
    reason = "an async block holds the arguments once; an async fn holds them twice"
)]
pub(super) fn run<S>(
    mut service: S,
    request: Request<Bytes>,
    shared: Arc<Shared>,
) -> impl Future<Output = Result<Response<Bytes>, Error>>
where
    S: Service<Request<Bytes>, Response = Response<Bytes>>,
    S::Error: Into<Error>,
{
    async move {
        let operation = operation_of(&request);
        let limit = request
            .extensions()
            .get::<CallTimeout>()
            .map_or(shared.policy.call_timeout(), |timeout| timeout.0);
        let deadline = shared.clock.monotonic().saturating_add(limit);
        let mut history = History::default();

        for resend_count in 0..=shared.policy.max_retries() {
            let span = tracing::debug_span!(
                "http.attempt",
                operation = operation.name(),
                http.request.resend_count = tracing::field::Empty,
            );
            if resend_count > 0 {
                span.record("http.request.resend_count", resend_count);
            }

            // The first attempt starts as the deadline is set: its whole limit remains, and
            // reading the clock again would only tell the same.
            let remaining = if resend_count == 0 {
                limit
            } else {
                deadline.saturating_sub(shared.clock.monotonic())
            };
            let attempt = send(&mut service, &request);
            let Some(outcome) = deadline::race(attempt, shared.clock.sleep(remaining))
                .instrument(span)
                .await
            else {
                return Err(deadline_passed(operation, limit));
            };

            let acted = decision::may_have_acted(&outcome);
            let verdict = decision::decide(operation, outcome, history, shared.clock.as_ref());
            history.may_have_acted |= acted;
            let (reason, server_wait, outcome) = match verdict {
                Verdict::Done(outcome) => {
                    if outcome.as_ref().is_ok_and(|r| r.status().is_success()) {
                        shared.budget.deposit();
                    }
                    return outcome;
                }
                Verdict::AlreadyDeleted => {
                    tracing::debug!(
                        operation = operation.name(),
                        "token already gone after a delete whose reply was lost: counted as deleted"
                    );
                    shared.budget.deposit();
                    return Ok(already_deleted::response());
                }
                Verdict::Retry {
                    reason,
                    server_wait,
                    outcome,
                } => (reason, server_wait, outcome),
            };

            let wait = server_wait.unwrap_or_else(|| backoff(&shared, resend_count));
            if let Some(refusal) = refuse_retry(&shared, wait, deadline, resend_count) {
                tracing::debug!(
                    operation = operation.name(),
                    reason = %reason,
                    wait = ?wait,
                    "not retrying: {refusal}"
                );
                return outcome;
            }
            tracing::debug!(
                operation = operation.name(),
                reason = %reason,
                wait = ?wait,
                server_asked = server_wait.is_some(),
                resend_count = resend_count + 1,
                "retrying"
            );
            // Dropped before the wait so that the future does not carry it across it.
            drop(outcome);
            shared.clock.sleep(wait).await;
        }
        Err(Error::other("retry loop ended without an outcome").with_operation(operation))
    }
}

/// Why a retry after `wait` may not happen, if it may not: it would pass the deadline, the
/// policy's retry limit is reached, or the shared budget cannot pay for it (checked last,
/// because it withdraws).
fn refuse_retry(
    shared: &Shared,
    wait: Duration,
    deadline: Duration,
    resend_count: u32,
) -> Option<&'static str> {
    let remaining = deadline.saturating_sub(shared.clock.monotonic());
    if wait >= remaining {
        return Some("the wait would pass the call's deadline");
    }
    if resend_count >= shared.policy.max_retries() {
        return Some("the retry limit is reached");
    }
    if !shared.budget.try_withdraw() {
        return Some("the retry budget is spent (too many recent failures)");
    }
    None
}

/// One attempt: wait for the service to be ready, then call it with a copy of `request`.
///
/// The copy is made here, once the service is ready, rather than by the caller: this future
/// then holds a reference instead of a whole request, which keeps the call's future small
/// enough for the allocator's fast path (measured in BENCHMARKS.md).
async fn send<S>(service: &mut S, request: &Request<Bytes>) -> Result<Response<Bytes>, Error>
where
    S: Service<Request<Bytes>, Response = Response<Bytes>>,
    S::Error: Into<Error>,
{
    let ready = service.ready().await.map_err(Into::into)?;
    ready.call(request.clone()).await.map_err(Into::into)
}

fn backoff(shared: &Shared, resend_count: u32) -> Duration {
    let mut rng = shared.rng.lock().unwrap_or_else(PoisonError::into_inner);
    shared.policy.backoff(resend_count, &mut rng)
}

/// The operation in the request's extensions; without one, the method decides whether the
/// request is idempotent, as HTTP defines it (POST and PATCH are not).
pub(super) fn operation_of(request: &Request<Bytes>) -> Operation {
    if let Some(operation) = request.extensions().get::<Operation>() {
        return *operation;
    }
    let idempotent = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS | Method::PUT | Method::DELETE
    );
    Operation::new("http", idempotent)
}

/// The error when the deadline ran out during an attempt. A non-idempotent request may have
/// reached the server by then, so its outcome is unknown.
fn deadline_passed(operation: Operation, limit: Duration) -> Error {
    tracing::debug!(operation = operation.name(), limit = ?limit, "the call's deadline passed during an attempt");
    Error::deadline_exceeded(limit)
        .with_operation(operation)
        .with_outcome_unknown(!operation.is_idempotent())
}
