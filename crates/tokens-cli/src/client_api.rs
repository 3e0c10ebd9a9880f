//! The facade's client behind [`TokenApi`], and how its errors map to exit codes.

use crate::api::{CallError, CallErrorClass, TokenApi};
use databricks_tokens::types::{
    CreateTokenRequest, CreateTokenResponse, ListTokensResponse, TokenId,
};
use databricks_tokens::{Client, Error, ErrorKind, TokenUpdate};

impl TokenApi for Client {
    async fn create(&self, request: CreateTokenRequest) -> Result<CreateTokenResponse, CallError> {
        Client::create(self, request).await.map_err(CallError::from)
    }

    async fn list(&self) -> Result<ListTokensResponse, CallError> {
        Client::list_response(self).await.map_err(CallError::from)
    }

    async fn update(&self, token_id: &TokenId, update: TokenUpdate) -> Result<(), CallError> {
        Client::update(self, token_id, update)
            .await
            .map_err(CallError::from)
    }

    async fn delete(&self, token_id: &TokenId) -> Result<(), CallError> {
        Client::delete(self, token_id)
            .await
            .map_err(CallError::from)
    }
}

impl From<Error> for CallError {
    /// Keeps the client's own description (operation, status, error code, message, request
    /// id; never a secret) and adds a hint where the fix is usually the same.
    fn from(err: Error) -> Self {
        let class = if err.is_outcome_unknown() {
            CallErrorClass::OutcomeUnknown
        } else {
            match err.kind() {
                ErrorKind::NotFound => CallErrorClass::NotFound,
                ErrorKind::Config | ErrorKind::InvalidRequest => CallErrorClass::Usage,
                _ => CallErrorClass::Failed,
            }
        };
        let message = match hint(err.kind()) {
            Some(hint) => format!("{err}\nhint: {hint}"),
            None => err.to_string(),
        };
        CallError::new(class, message)
    }
}

/// What usually fixes an error of this kind.
fn hint(kind: ErrorKind) -> Option<&'static str> {
    match kind {
        ErrorKind::Unauthenticated => Some(
            "no usable credential reached the workspace: set DATABRICKS_TOKEN, or name a \
             profile with --profile",
        ),
        ErrorKind::PermissionDenied => Some(
            "the credential was refused: it may have expired or been revoked; check \
             DATABRICKS_TOKEN or the profile",
        ),
        ErrorKind::QuotaExceeded => {
            Some("you have too many tokens: delete unused ones (see `tokens list`)")
        }
        ErrorKind::DeadlineExceeded | ErrorKind::Timeout => {
            Some("the workspace answered too slowly: try again, or raise --timeout")
        }
        ErrorKind::Transport => Some("check the host (--host or DATABRICKS_HOST) and the network"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use databricks_tokens::Operation;
    use databricks_tokens::types::Timestamp;
    use http::{HeaderMap, StatusCode};

    fn reply_error(operation: Operation, status: StatusCode, body: &str) -> Error {
        let mut headers = HeaderMap::new();
        headers.insert("x-request-id", http::HeaderValue::from_static("req-42"));
        Error::from_response(
            Some(operation),
            status,
            &headers,
            body.as_bytes(),
            Timestamp::UNIX_EPOCH,
        )
    }

    #[test]
    fn refusal_message_has_code_message_and_request_id() {
        let err = CallError::from(reply_error(
            Operation::CREATE,
            StatusCode::BAD_REQUEST,
            r#"{"error_code": "QUOTA_EXCEEDED", "message": "Too many tokens."}"#,
        ));
        assert_eq!(err.class(), CallErrorClass::Failed);
        assert!(err.message().contains("QUOTA_EXCEEDED"));
        assert!(err.message().contains("Too many tokens."));
        assert!(err.message().contains("req-42"));
        assert!(err.message().contains("hint: you have too many tokens"));
    }

    #[test]
    fn not_found_is_its_own_class() {
        let err = CallError::from(reply_error(
            Operation::DELETE,
            StatusCode::NOT_FOUND,
            r#"{"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "gone"}"#,
        ));
        assert!(err.is_not_found());
    }

    #[test]
    fn configuration_error_is_a_usage_error() {
        let err = CallError::from(Error::config("DATABRICKS_HOST is not set"));
        assert_eq!(err.class(), CallErrorClass::Usage);
        assert!(err.message().contains("DATABRICKS_HOST"));
    }

    #[test]
    fn unknown_outcome_wins_over_the_kind() {
        let err =
            reply_error(Operation::CREATE, StatusCode::BAD_GATEWAY, "").with_outcome_unknown(true);
        assert_eq!(CallError::from(err).class(), CallErrorClass::OutcomeUnknown);
    }
}
