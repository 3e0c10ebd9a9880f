//! An in-memory [`TokenApi`] for unit tests of the commands, with one-shot failures.

use super::Output;
use crate::api::{CallError, CallErrorClass, TokenApi};
use crate::cli::OutputFormat;
use databricks_tokens::TokenUpdate;
use databricks_tokens::types::{
    CreateTokenRequest, CreateTokenResponse, Expiry, ListTokensResponse, Secret, Timestamp,
    TokenId, TokenInfo,
};
use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;

/// The time the fake API and the captured output agree on.
pub(crate) const NOW: Timestamp = Timestamp::from_millis(1_700_000_000_000);

/// Default lifetime of a token created without one: 730 days.
const DEFAULT_LIFETIME_MS: i64 = 730 * 86_400_000;

#[derive(Debug, Default)]
struct State {
    tokens: Vec<TokenInfo>,
    /// Top-level fields of the list reply besides `token_infos`.
    list_extra: serde_json::Map<String, serde_json::Value>,
    created: u64,
    last_secret: Option<String>,
    failures: HashMap<&'static str, CallError>,
    calls: Vec<String>,
}

/// Tokens in memory; each operation can be made to fail once.
#[derive(Debug, Default)]
pub(crate) struct FakeApi {
    state: RefCell<State>,
}

impl FakeApi {
    /// Adds an existing token.
    pub(crate) fn with_token(self, token: TokenInfo) -> Self {
        self.state.borrow_mut().tokens.push(token);
        self
    }

    /// Adds a top-level field to every list reply, as a newer service might.
    pub(crate) fn with_list_field(self, name: &str, value: serde_json::Value) -> Self {
        self.state
            .borrow_mut()
            .list_extra
            .insert(name.to_owned(), value);
        self
    }

    /// Makes the next call of `operation` (`create`, `list`, `update`, `delete`) fail.
    pub(crate) fn fail_next(self, operation: &'static str, class: CallErrorClass) -> Self {
        let err = CallError::new(class, format!("{operation}: injected failure"));
        self.state.borrow_mut().failures.insert(operation, err);
        self
    }

    /// The secret of the last token created.
    pub(crate) fn last_secret(&self) -> Option<String> {
        self.state.borrow().last_secret.clone()
    }

    /// The tokens that exist now.
    pub(crate) fn tokens(&self) -> Vec<TokenInfo> {
        self.state.borrow().tokens.clone()
    }

    /// The calls made so far, such as `create` or `delete aaa`.
    pub(crate) fn calls(&self) -> Vec<String> {
        self.state.borrow().calls.clone()
    }

    fn begin(&self, operation: &'static str, call: String) -> Result<(), CallError> {
        let mut state = self.state.borrow_mut();
        state.calls.push(call);
        match state.failures.remove(operation) {
            Some(err) => Err(err),
            None => Ok(()),
        }
    }

    fn not_found(id: &TokenId) -> CallError {
        CallError::new(
            CallErrorClass::NotFound,
            format!("404 RESOURCE_DOES_NOT_EXIST: {id}"),
        )
    }
}

impl TokenApi for FakeApi {
    fn create(
        &self,
        request: CreateTokenRequest,
    ) -> impl Future<Output = Result<CreateTokenResponse, CallError>> {
        let result = self.begin("create", "create".to_owned()).map(|()| {
            let mut state = self.state.borrow_mut();
            state.created += 1;
            let id = format!("{:064x}", state.created);
            let secret = format!("dapi{:032x}", 0xfeed_0000 + state.created);
            let lifetime_ms = request
                .lifetime_seconds
                .map_or(DEFAULT_LIFETIME_MS, |s| s * 1_000);
            let mut info = TokenInfo::new(id.as_str())
                .with_creation_time(NOW)
                .with_expiry_time(Expiry::At(Timestamp::from_millis(
                    NOW.as_millis() + lifetime_ms,
                )));
            info.comment = request.comment;
            info.scopes = request.scopes;
            state.tokens.push(info.clone());
            state.last_secret = Some(secret.clone());
            CreateTokenResponse::new(info, Secret::new(secret))
        });
        std::future::ready(result)
    }

    fn list(&self) -> impl Future<Output = Result<ListTokensResponse, CallError>> {
        let result = self.begin("list", "list".to_owned()).map(|()| {
            let mut reply = ListTokensResponse::new(self.tokens());
            reply.extra = self.state.borrow().list_extra.clone();
            reply
        });
        std::future::ready(result)
    }

    fn update(
        &self,
        token_id: &TokenId,
        update: TokenUpdate,
    ) -> impl Future<Output = Result<(), CallError>> {
        let result = update
            .to_request()
            .map_err(|err| CallError::new(CallErrorClass::Usage, err.to_string()))
            .and_then(|request| {
                let call = format!("update {token_id} {}", request.update_mask);
                self.begin("update", call)?;
                let mut state = self.state.borrow_mut();
                let token = state
                    .tokens
                    .iter_mut()
                    .find(|t| t.token_id.as_ref() == Some(token_id))
                    .ok_or_else(|| FakeApi::not_found(token_id))?;
                if request.update_mask.covers("comment") {
                    token.comment = request.token.comment;
                }
                if request.update_mask.covers("scopes") {
                    token.scopes = request.token.scopes;
                }
                Ok(())
            });
        std::future::ready(result)
    }

    fn delete(&self, token_id: &TokenId) -> impl Future<Output = Result<(), CallError>> {
        let result = self
            .begin("delete", format!("delete {token_id}"))
            .and_then(|()| {
                let mut state = self.state.borrow_mut();
                let before = state.tokens.len();
                state
                    .tokens
                    .retain(|t| t.token_id.as_ref() != Some(token_id));
                if state.tokens.len() == before {
                    Err(FakeApi::not_found(token_id))
                } else {
                    Ok(())
                }
            });
        std::future::ready(result)
    }
}

/// Captured stdout and stderr of a command.
#[derive(Debug, Default)]
pub(crate) struct Captured {
    out: Vec<u8>,
    err: Vec<u8>,
}

impl Captured {
    /// An [`Output`] writing into this capture at [`NOW`].
    pub(crate) fn output(&mut self, format: OutputFormat) -> Output<'_> {
        Output {
            out: &mut self.out,
            err: &mut self.err,
            format,
            now: NOW,
        }
    }

    /// What was written to stdout.
    pub(crate) fn out(&self) -> String {
        String::from_utf8_lossy(&self.out).into_owned()
    }

    /// What was written to stderr.
    pub(crate) fn err(&self) -> String {
        String::from_utf8_lossy(&self.err).into_owned()
    }
}

/// Runs a command's future to completion.
pub(crate) fn block_on<F: Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime starts")
        .block_on(future)
}
