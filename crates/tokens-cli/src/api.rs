//! The four token calls as the commands see them, so that command logic can be tested with a
//! fake and runs unchanged on the real client.

use crate::failure::Failure;
use databricks_tokens::TokenUpdate;
use databricks_tokens::types::{
    CreateTokenRequest, CreateTokenResponse, ListTokensResponse, TokenId,
};
use std::future::Future;

/// The Token API calls the commands make.
pub(crate) trait TokenApi {
    /// Creates a token.
    fn create(
        &self,
        request: CreateTokenRequest,
    ) -> impl Future<Output = Result<CreateTokenResponse, CallError>>;

    /// Lists the caller's tokens: the whole reply, unknown top-level fields included.
    fn list(&self) -> impl Future<Output = Result<ListTokensResponse, CallError>>;

    /// Changes the fields of `token_id` that the update's mask names.
    fn update(
        &self,
        token_id: &TokenId,
        update: TokenUpdate,
    ) -> impl Future<Output = Result<(), CallError>>;

    /// Revokes `token_id`.
    fn delete(&self, token_id: &TokenId) -> impl Future<Output = Result<(), CallError>>;
}

/// What a command needs to know about a failed call to decide what to do and how to exit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CallErrorClass {
    /// The token does not exist (or has expired).
    NotFound,
    /// The request may have been carried out; only a list can tell.
    OutcomeUnknown,
    /// The configuration or the request is wrong before anything was sent.
    Usage,
    /// Any other refusal or failure.
    Failed,
}

/// A failed call: its class and a message that never holds a secret (the client's own
/// description: operation, status, error code, message and request id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CallError {
    class: CallErrorClass,
    message: String,
}

impl CallError {
    /// A failed call of class `class`, described by `message`.
    pub(crate) fn new(class: CallErrorClass, message: impl Into<String>) -> Self {
        CallError {
            class,
            message: message.into(),
        }
    }

    /// The class of failure.
    pub(crate) fn class(&self) -> CallErrorClass {
        self.class
    }

    /// Whether the token was not there.
    pub(crate) fn is_not_found(&self) -> bool {
        self.class == CallErrorClass::NotFound
    }

    /// The description of the failure.
    pub(crate) fn message(&self) -> &str {
        &self.message
    }
}

impl From<CallError> for Failure {
    /// Usage errors exit 2, unknown outcomes 3 (with what to do about a possible orphan), any
    /// other failure 1.
    fn from(err: CallError) -> Self {
        match err.class {
            CallErrorClass::Usage => Failure::usage(err.message),
            CallErrorClass::OutcomeUnknown => Failure::outcome_unknown(format!(
                "{}\nThe token may or may not have been created. Run `tokens list` to look \
                 for it, and revoke any token you do not recognise with \
                 `tokens delete TOKEN_ID`; its secret was never shown, so nobody can use it.",
                err.message
            )),
            CallErrorClass::NotFound | CallErrorClass::Failed => Failure::failed(err.message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::failure::ExitStatus;

    #[test]
    fn each_class_maps_to_its_exit_status() {
        let status = |class| Failure::from(CallError::new(class, "m")).status();
        assert_eq!(status(CallErrorClass::NotFound), ExitStatus::Failed);
        assert_eq!(status(CallErrorClass::Failed), ExitStatus::Failed);
        assert_eq!(status(CallErrorClass::Usage), ExitStatus::Usage);
        assert_eq!(
            status(CallErrorClass::OutcomeUnknown),
            ExitStatus::OutcomeUnknown
        );
    }

    #[test]
    fn unknown_outcome_says_to_list_and_revoke_the_orphan() {
        let failure = Failure::from(CallError::new(
            CallErrorClass::OutcomeUnknown,
            "create: reset",
        ));
        assert!(failure.message().starts_with("create: reset\n"));
        assert!(failure.message().contains("tokens list"));
        assert!(failure.message().contains("tokens delete"));
    }
}
