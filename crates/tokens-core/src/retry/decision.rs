//! What to do after one attempt: the rules of spec §3 in one function.
//!
//! The classification of an error (retryable for which operation, may the server have
//! acted) lives on [`Error`] itself, so the typed client, the CLI and this layer agree; here
//! it is applied to one attempt of one call.

use crate::{Error, Operation, SendState};
use bytes::Bytes;
use http::Response;
use std::time::Duration;
use tokens_types::{ErrorCode, Timestamp};

/// The verdict on one attempt.
#[derive(Debug)]
pub(super) enum Verdict {
    /// Hand the outcome to the caller as it is: a success, or a failure not worth repeating.
    Done(Result<Response<Bytes>, Error>),
    /// Send the request again, after `server_wait` if the server named one.
    Retry {
        reason: String,
        server_wait: Option<Duration>,
        /// The outcome, returned as it is if the retry cannot happen (deadline, budget).
        outcome: Result<Response<Bytes>, Error>,
    },
    /// A delete whose earlier attempt may have worked now finds the token gone: done.
    AlreadyDeleted,
}

/// What earlier attempts of the same call tell about this one.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct History {
    /// An earlier attempt may have reached the server and acted (a lost reply).
    pub(super) may_have_acted: bool,
}

/// Decides what follows one attempt of `operation`.
pub(super) fn decide(
    operation: Operation,
    outcome: Result<Response<Bytes>, Error>,
    history: History,
    now: Timestamp,
) -> Verdict {
    let response = match outcome {
        Ok(response) => response,
        Err(error) => return decide_on_error(operation, error),
    };
    if response.status().is_success() {
        return Verdict::Done(Ok(response));
    }
    let error = Error::from_response(
        Some(operation),
        response.status(),
        response.headers(),
        response.body(),
        now,
    );
    let outcome = Ok(response);

    if operation == Operation::DELETE
        && history.may_have_acted
        && error.error_code() == Some(&ErrorCode::ResourceDoesNotExist)
    {
        return Verdict::AlreadyDeleted;
    }
    if error.is_retryable_for(operation) {
        return Verdict::Retry {
            reason: reason(&error),
            server_wait: error.retry_after(),
            outcome,
        };
    }
    if !operation.is_idempotent() && error.server_may_have_acted() {
        return Verdict::Done(Err(error.with_outcome_unknown(true)));
    }
    Verdict::Done(outcome)
}

fn decide_on_error(operation: Operation, error: Error) -> Verdict {
    let error = error.with_operation(operation);
    if error.is_retryable_for(operation) {
        return Verdict::Retry {
            reason: reason(&error),
            server_wait: error.retry_after(),
            outcome: Err(error),
        };
    }
    let unknown = !operation.is_idempotent() && error.server_may_have_acted();
    Verdict::Done(Err(error.with_outcome_unknown(unknown)))
}

/// Whether this outcome means the server may have acted on the request.
pub(super) fn may_have_acted(outcome: &Result<Response<Bytes>, Error>) -> bool {
    match outcome {
        Ok(response) => matches!(response.status().as_u16(), 500 | 502 | 504),
        Err(error) => error
            .transport()
            .is_some_and(|transport| transport.send_state() == SendState::MaybeSent),
    }
}

/// A short reason for the debug log: what failed, never a header or a body.
fn reason(error: &Error) -> String {
    if let Some(transport) = error.transport() {
        let sent = match transport.send_state() {
            SendState::NotSent => "before the request was sent",
            _ => "after the request may have been sent",
        };
        return format!("{:?} failure {sent}", transport.kind()).to_lowercase();
    }
    match (error.status(), error.error_code()) {
        (Some(status), Some(code)) => format!("status {} {code}", status.as_u16()),
        (Some(status), None) => format!("status {} ({})", status.as_u16(), error.kind()),
        (None, _) => error.kind().to_string(),
    }
}
