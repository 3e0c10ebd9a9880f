//! A fake workspace for the auth tests: OAuth discovery, a token endpoint, and an API that
//! records the credential each request carried.

use bytes::Bytes;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;
use tokens_core::{Clock, ManualClock, TransportError};

pub(crate) const HOST: &str = "https://adb-1.example.databricks.com";
pub(crate) const TOKEN_ENDPOINT: &str = "https://adb-1.example.databricks.com/oidc/v1/token";

/// How the token endpoint answers.
#[derive(Debug, Clone)]
pub(crate) enum TokenReply {
    /// `access_token` = `token-<n>` (n counts token requests from 1), lasting this long.
    Grant(Duration),
    /// An OAuth error reply with this status.
    Refuse(u16),
    /// An error reply with this status and body.
    RefuseWith(u16, &'static str),
    /// A 429 reply with `Retry-After` set to this many seconds.
    Throttle(u64),
    /// Never answers.
    Hang,
    /// The connection fails before the request is sent.
    Unreachable,
}

#[derive(Debug)]
struct State {
    token_reply: TokenReply,
    /// Replies given, in order, before `token_reply`.
    token_script: VecDeque<TokenReply>,
    /// How many discovery requests fail with a 503 before one succeeds.
    discovery_failures: usize,
    token_delay: Duration,
    api_status: u16,
    discoveries: usize,
    token_requests: Vec<http::Request<Bytes>>,
    api_credentials: Vec<String>,
}

/// The fake workspace; clones share it.
#[derive(Debug, Clone)]
pub(crate) struct Workspace {
    clock: ManualClock,
    state: Arc<Mutex<State>>,
}

impl Workspace {
    pub(crate) fn new(clock: &ManualClock, token_reply: TokenReply) -> Self {
        let state = State {
            token_reply,
            token_script: VecDeque::new(),
            discovery_failures: 0,
            token_delay: Duration::ZERO,
            api_status: 200,
            discoveries: 0,
            token_requests: Vec::new(),
            api_credentials: Vec::new(),
        };
        Workspace {
            clock: clock.clone(),
            state: Arc::new(Mutex::new(state)),
        }
    }

    /// Makes the token endpoint take `delay` (on the manual clock) to answer.
    pub(crate) fn with_token_delay(self, delay: Duration) -> Self {
        self.state.lock().unwrap().token_delay = delay;
        self
    }

    /// Makes the token endpoint give `replies`, in order, before its usual reply.
    pub(crate) fn with_first_token_replies(self, replies: Vec<TokenReply>) -> Self {
        self.state.lock().unwrap().token_script = replies.into();
        self
    }

    /// Makes the first `count` discovery requests fail with a 503.
    pub(crate) fn with_discovery_failures(self, count: usize) -> Self {
        self.state.lock().unwrap().discovery_failures = count;
        self
    }

    pub(crate) fn set_token_reply(&self, reply: TokenReply) {
        self.state.lock().unwrap().token_reply = reply;
    }

    pub(crate) fn set_api_status(&self, status: u16) {
        self.state.lock().unwrap().api_status = status;
    }

    pub(crate) fn discoveries(&self) -> usize {
        self.state.lock().unwrap().discoveries
    }

    pub(crate) fn token_requests(&self) -> usize {
        self.state.lock().unwrap().token_requests.len()
    }

    pub(crate) fn last_token_request(&self) -> Option<http::Request<Bytes>> {
        self.state.lock().unwrap().token_requests.last().cloned()
    }

    /// The `Authorization` values the API saw, in order.
    pub(crate) fn api_credentials(&self) -> Vec<String> {
        self.state.lock().unwrap().api_credentials.clone()
    }
}

type Reply = Pin<Box<dyn Future<Output = Result<http::Response<Bytes>, TransportError>> + Send>>;

fn json(status: u16, body: String) -> http::Response<Bytes> {
    http::Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(Bytes::from(body))
        .unwrap()
}

impl tower::Service<http::Request<Bytes>> for Workspace {
    type Response = http::Response<Bytes>;
    type Error = TransportError;
    type Future = Reply;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), TransportError>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<Bytes>) -> Reply {
        let mut state = self.state.lock().unwrap();
        match request.uri().path() {
            "/oidc/.well-known/oauth-authorization-server" => {
                state.discoveries += 1;
                if state.discovery_failures > 0 {
                    state.discovery_failures -= 1;
                    let reply = json(503, r#"{"error": "temporarily_unavailable"}"#.to_owned());
                    return Box::pin(std::future::ready(Ok(reply)));
                }
                let body = serde_json::json!({
                    "issuer": format!("{HOST}/oidc"),
                    "token_endpoint": TOKEN_ENDPOINT,
                });
                Box::pin(std::future::ready(Ok(json(200, body.to_string()))))
            }
            "/oidc/v1/token" => {
                state.token_requests.push(request);
                let number = state.token_requests.len();
                let next = match state.token_script.pop_front() {
                    Some(scripted) => scripted,
                    None => state.token_reply.clone(),
                };
                let reply = match next {
                    TokenReply::Grant(lifetime) => Some(json(
                        200,
                        serde_json::json!({
                            "access_token": format!("token-{number}"),
                            "token_type": "Bearer",
                            "expires_in": lifetime.as_secs(),
                            "scope": "all-apis",
                        })
                        .to_string(),
                    )),
                    TokenReply::Refuse(status) => Some(json(
                        status,
                        r#"{"error": "invalid_client", "error_description": "Client authentication failed"}"#
                            .to_owned(),
                    )),
                    TokenReply::RefuseWith(status, body) => Some(json(status, body.to_owned())),
                    TokenReply::Throttle(seconds) => {
                        let mut reply = json(429, r#"{"error": "slow_down"}"#.to_owned());
                        reply.headers_mut().insert(
                            http::header::RETRY_AFTER,
                            http::HeaderValue::from(seconds),
                        );
                        Some(reply)
                    }
                    TokenReply::Hang => None,
                    TokenReply::Unreachable => {
                        let err = TransportError::new(
                            tokens_core::TransportErrorKind::Connect,
                            tokens_core::SendState::NotSent,
                        );
                        return Box::pin(std::future::ready(Err(err)));
                    }
                };
                let delay = state.token_delay;
                let clock = self.clock.clone();
                Box::pin(async move {
                    match reply {
                        Some(reply) => {
                            if delay > Duration::ZERO {
                                clock.sleep(delay).await;
                            }
                            Ok(reply)
                        }
                        None => std::future::pending().await,
                    }
                })
            }
            _ => {
                let credential = request
                    .headers()
                    .get(http::header::AUTHORIZATION)
                    .map(|value| value.to_str().unwrap_or("<not text>").to_owned())
                    .unwrap_or_default();
                state.api_credentials.push(credential);
                let status = state.api_status;
                Box::pin(std::future::ready(Ok(json(status, "{}".to_owned()))))
            }
        }
    }
}
