//! What to do after one attempt: the rules of spec §3 in one function.
//!
//! The classification of an error (retryable for which operation, may the server have
//! acted) lives on [`Error`] itself, so the typed client, the CLI and this layer agree; here
//! it is applied to one attempt of one call.

use crate::{Clock, Error, ErrorKind, Operation, SendState, TransportErrorKind};
use bytes::Bytes;
use http::{Response, StatusCode};
use std::fmt;
use std::time::Duration;
use tokens_types::ErrorCode;

/// The verdict on one attempt.
#[derive(Debug)]
pub(super) enum Verdict {
    /// Hand the outcome to the caller as it is: a success, or a failure not worth repeating.
    Done(Result<Response<Bytes>, Error>),
    /// Send the request again, after `server_wait` if the server named one.
    Retry {
        reason: Reason,
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
    clock: &dyn Clock,
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
        clock.now(),
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
            reason: Reason::of(&error),
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
            reason: Reason::of(&error),
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
///
/// It keeps the few facts it needs and writes its text only when a log line is written,
/// so a build with logging compiled out carries no formatting for it.
#[derive(Debug)]
pub(super) enum Reason {
    /// A transport failure, and whether the request may have been sent.
    Transport {
        kind: TransportErrorKind,
        may_have_been_sent: bool,
    },
    /// An error reply.
    Reply {
        status: Option<StatusCode>,
        code: Option<ErrorCode>,
        kind: ErrorKind,
    },
}

impl Reason {
    fn of(error: &Error) -> Reason {
        match error.transport() {
            Some(transport) => Reason::Transport {
                kind: transport.kind(),
                may_have_been_sent: transport.send_state() != SendState::NotSent,
            },
            None => Reason::Reply {
                status: error.status(),
                code: error.error_code().cloned(),
                kind: error.kind(),
            },
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Transport {
                kind,
                may_have_been_sent,
            } => {
                let sent = if *may_have_been_sent {
                    "after the request may have been sent"
                } else {
                    "before the request was sent"
                };
                let kind = format!("{kind:?}").to_lowercase();
                write!(f, "{kind} failure {sent}")
            }
            Reason::Reply {
                status: Some(status),
                code: Some(code),
                ..
            } => write!(f, "status {} {code}", status.as_u16()),
            Reason::Reply {
                status: Some(status),
                code: None,
                kind,
            } => write!(f, "status {} ({kind})", status.as_u16()),
            Reason::Reply {
                status: None, kind, ..
            } => write!(f, "{kind}"),
        }
    }
}
