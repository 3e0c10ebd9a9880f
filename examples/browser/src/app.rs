//! `TokensApp`, the class the page's script uses.

use std::time::Duration;

use js_sys::{Array, Object, Promise, Reflect};
use tokens_core::TokenUpdate;
use tokens_core::auth::AuthLayer;
use tokens_core::types::{CreateTokenRequest, Expiry, Secret, Timestamp, TokenId, TokenInfo};
use tokens_fetch::{FetchClient, FetchTransport, client_builder};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

/// The longest lifetime the page offers, as the service allows: 730 days.
const MAX_LIFETIME_DAYS: u32 = 730;

/// How long a click may take, retries included. The SDK's default of 300 s suits services;
/// a person waiting on a page (for example on a server that refuses CORS, which looks like
/// a network failure and is retried) should hear back sooner.
const CALL_TIMEOUT: Duration = Duration::from_secs(30);

/// A connection to one workspace with one personal access token.
///
/// Every method returns a `Promise`; failures reject it with an `Error` whose message is
/// the SDK's (never containing a secret).
#[wasm_bindgen]
#[derive(Debug)]
pub struct TokensApp {
    client: FetchClient,
}

#[wasm_bindgen]
impl TokensApp {
    /// Connects to `host` (for example `http://127.0.0.1:8080` or
    /// `https://adb-1.azuredatabricks.net`) with the personal access token `token`.
    ///
    /// # Errors
    ///
    /// An `Error` when the host is not a usable URL or the token is empty.
    #[wasm_bindgen(constructor)]
    pub fn new(host: &str, token: &str) -> Result<TokensApp, JsError> {
        if token.is_empty() {
            return Err(JsError::new("enter a personal access token"));
        }
        let client = client_builder(host)
            .map(|builder| {
                builder
                    .with_auth_layer(AuthLayer::pat(Secret::new(token)))
                    .with_call_timeout(CALL_TIMEOUT)
            })
            .and_then(|builder| builder.build(FetchTransport::new()))
            .map_err(to_js_error)?;
        Ok(TokensApp { client })
    }

    /// Lists the user's tokens: `[{ id, comment, created, expires }]`, times in milliseconds
    /// since 1970 and `expires` `null` for a token that never expires. (The page sorts them:
    /// sorting here would add a sort routine to the wasm.)
    pub fn list(&self) -> Promise {
        let client = self.client.clone();
        future_to_promise(async move {
            let tokens = client.list().await.map_err(to_js)?;
            Ok(tokens.iter().map(token_object).collect::<Array>().into())
        })
    }

    /// Replaces the comment of the token with id `token_id`.
    pub fn rename(&self, token_id: String, comment: String) -> Promise {
        let client = self.client.clone();
        future_to_promise(async move {
            let update = TokenUpdate::new().with_comment(comment.trim());
            client
                .update(&TokenId::new(token_id), update)
                .await
                .map_err(to_js)?;
            Ok(JsValue::UNDEFINED)
        })
    }

    /// Creates a token with `comment` that lives `lifetime_days` days; resolves to
    /// `{ id, secret }`. The secret is in this reply only: the page shows it once.
    pub fn create(&self, comment: String, lifetime_days: u32) -> Promise {
        let client = self.client.clone();
        future_to_promise(async move {
            if !(1..=MAX_LIFETIME_DAYS).contains(&lifetime_days) {
                return Err(JsError::new("the lifetime must be 1 to 730 days").into());
            }
            let mut request =
                CreateTokenRequest::new().with_lifetime_seconds(i64::from(lifetime_days) * 86_400);
            if !comment.trim().is_empty() {
                request = request.with_comment(comment.trim());
            }

            let created = client.create(request).await.map_err(to_js)?;

            let id = created
                .token_info
                .and_then(|info| info.token_id)
                .map(TokenId::into_string);
            let secret = created.token_value.map(|s| s.expose_secret().to_owned());
            let reply = Object::new();
            set(&reply, "id", &id.into());
            set(&reply, "secret", &secret.into());
            Ok(reply.into())
        })
    }

    /// Revokes (deletes) the token with id `token_id`.
    pub fn revoke(&self, token_id: String) -> Promise {
        let client = self.client.clone();
        future_to_promise(async move {
            client
                .delete(&TokenId::new(token_id))
                .await
                .map_err(to_js)?;
            Ok(JsValue::UNDEFINED)
        })
    }
}

fn token_object(token: &TokenInfo) -> JsValue {
    let object = Object::new();
    let id = token.token_id.as_ref().map(TokenId::as_str);
    set(&object, "id", &id.into());
    set(&object, "comment", &token.comment.as_deref().into());
    set(
        &object,
        "created",
        &millis(token.creation_time.map(Timestamp::as_millis)),
    );
    let expires = token
        .expiry_time
        .and_then(Expiry::at)
        .map(Timestamp::as_millis);
    set(&object, "expires", &millis(expires));
    object.into()
}

#[allow(
    clippy::cast_precision_loss,
    reason = "milliseconds since 1970 fit an f64 exactly"
)]
fn millis(value: Option<i64>) -> JsValue {
    value.map_or(JsValue::NULL, |ms| JsValue::from_f64(ms as f64))
}

fn set(object: &Object, key: &str, value: &JsValue) {
    // Setting a data property on a plain object cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

#[allow(
    clippy::needless_pass_by_value,
    reason = "the shape `map_err` hands over"
)]
fn to_js_error(error: tokens_core::Error) -> JsError {
    JsError::new(&error.to_string())
}

#[allow(
    clippy::needless_pass_by_value,
    reason = "the shape `map_err` hands over"
)]
fn to_js(error: tokens_core::Error) -> JsValue {
    to_js_error(error).into()
}
