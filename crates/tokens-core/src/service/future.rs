//! The future of one [`TokenService`](crate::TokenService) call.

use super::TokenResponse;
use super::decode::{ReplyKind, decode_response};
use crate::{Clock, Error, Operation};
use bytes::Bytes;
use pin_project_lite::pin_project;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};

pin_project! {
    /// The future returned by [`TokenService`](crate::TokenService): the HTTP call, then the
    /// decoding of its reply, inside the call's tracing span.
    pub struct TokenFuture<F> {
        #[pin]
        state: State<F>,
        span: tracing::Span,
    }
}

pin_project! {
    #[project = StateProj]
    enum State<F> {
        Failed { error: Option<Error> },
        Waiting {
            #[pin]
            future: F,
            kind: ReplyKind,
            clock: Arc<dyn Clock>,
        },
    }
}

impl<F> TokenFuture<F> {
    pub(super) fn failed(error: Error, span: tracing::Span) -> Self {
        TokenFuture {
            state: State::Failed { error: Some(error) },
            span,
        }
    }

    pub(super) fn waiting(
        future: F,
        kind: ReplyKind,
        clock: Arc<dyn Clock>,
        span: tracing::Span,
    ) -> Self {
        TokenFuture {
            state: State::Waiting {
                future,
                kind,
                clock,
            },
            span,
        }
    }
}

impl<F> std::fmt::Debug for TokenFuture<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenFuture").finish_non_exhaustive()
    }
}

impl<F, E> Future for TokenFuture<F>
where
    F: Future<Output = Result<http::Response<Bytes>, E>>,
    E: Into<Error>,
{
    type Output = Result<TokenResponse, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let _entered = this.span.enter();
        let result = match this.state.project() {
            StateProj::Failed { error } => Err(error
                .take()
                .unwrap_or_else(|| Error::other("token call polled after it completed"))),
            StateProj::Waiting {
                future,
                kind,
                clock,
            } => {
                let outcome = ready!(future.poll(cx));
                finish(outcome, *kind, clock.as_ref(), this.span)
            }
        };
        if let Err(err) = &result {
            this.span.record("error.type", err.kind().as_str());
            tracing::debug!(error.type = err.kind().as_str(), "token call failed: {err}");
        }
        Poll::Ready(result)
    }
}

/// Decodes the transport's outcome and marks errors with the call's operation.
fn finish<E: Into<Error>>(
    outcome: Result<http::Response<Bytes>, E>,
    kind: ReplyKind,
    clock: &dyn Clock,
    span: &tracing::Span,
) -> Result<TokenResponse, Error> {
    let operation = kind.operation();
    let response = outcome.map_err(|err| mark(err.into(), operation))?;
    span.record("http.response.status_code", response.status().as_u16());
    decode_response(kind, &response, clock).map_err(|err| mark(err, operation))
}

/// Adds the operation, and for a non-idempotent one whether the server may have acted.
pub(super) fn mark(err: Error, operation: Operation) -> Error {
    let err = if err.operation().is_none() {
        err.with_operation(operation)
    } else {
        err
    };
    if !operation.is_idempotent() && !err.is_outcome_unknown() && err.server_may_have_acted() {
        err.with_outcome_unknown(true)
    } else {
        err
    }
}
