//! Reading a reply into a [`TokenResponse`], tolerantly.

use super::TokenResponse;
use crate::{Clock, Error, Operation};
use bytes::Bytes;
use serde::de::DeserializeOwned;
use tokens_types::{
    CreateTokenResponse, DeleteTokenResponse, ListTokensResponse, UpdateTokenResponse,
};

/// Which typed reply a call expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReplyKind {
    Created,
    Listed,
    Updated,
    Deleted,
}

impl ReplyKind {
    /// The operation of the call that expects this reply.
    pub(crate) fn operation(self) -> Operation {
        match self {
            ReplyKind::Created => Operation::CREATE,
            ReplyKind::Listed => Operation::LIST,
            ReplyKind::Updated => Operation::UPDATE,
            ReplyKind::Deleted => Operation::DELETE,
        }
    }
}

/// Turns an HTTP reply into the typed reply `kind`, or the error it carries.
///
/// A 2xx body may be empty or `{}` where the reply has nothing to say, and may hold fields
/// this version does not know. Anything else that is not the expected JSON is a
/// [`Decode`](crate::ErrorKind::Decode) error, whose message never quotes the body.
pub(crate) fn decode_response(
    kind: ReplyKind,
    response: &http::Response<Bytes>,
    clock: &dyn Clock,
) -> Result<TokenResponse, Error> {
    let operation = kind.operation();
    let status = response.status();
    if !status.is_success() {
        return Err(Error::from_response(
            Some(operation),
            status,
            response.headers(),
            response.body(),
            clock.now(),
        ));
    }

    let body = response.body();
    match kind {
        ReplyKind::Created => {
            if is_blank(body) {
                return Err(Error::decode(
                    "the create reply was empty, so the new token's secret is unknown; \
                     list the tokens to find it and delete it",
                )
                .with_operation(operation));
            }
            parse::<CreateTokenResponse>(operation, body).map(TokenResponse::Created)
        }
        ReplyKind::Listed => {
            parse_or_default::<ListTokensResponse>(operation, body).map(TokenResponse::Listed)
        }
        ReplyKind::Updated => {
            parse_or_default::<UpdateTokenResponse>(operation, body).map(TokenResponse::Updated)
        }
        ReplyKind::Deleted => {
            parse_or_default::<DeleteTokenResponse>(operation, body).map(TokenResponse::Deleted)
        }
    }
}

fn is_blank(body: &[u8]) -> bool {
    body.iter().all(u8::is_ascii_whitespace)
}

fn parse_or_default<T: DeserializeOwned + Default>(
    operation: Operation,
    body: &[u8],
) -> Result<T, Error> {
    if is_blank(body) {
        return Ok(T::default());
    }
    parse(operation, body)
}

fn parse<T: DeserializeOwned>(operation: Operation, body: &[u8]) -> Result<T, Error> {
    serde_json::from_slice(body).map_err(|err| {
        // serde_json's own message can quote a value of the body, which may be a secret:
        // say only what kind of problem it was and where.
        let what = match err.classify() {
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                "is not valid JSON"
            }
            serde_json::error::Category::Data | serde_json::error::Category::Io => {
                "does not have the expected shape"
            }
        };
        Error::decode(format!(
            "the {operation} reply {what} (line {}, column {})",
            err.line(),
            err.column()
        ))
        .with_operation(operation)
    })
}
