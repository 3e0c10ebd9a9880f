//! A scripted in-memory transport and helpers for the layer tests.
//!
//! Each test file uses a different subset, so unused items are expected here.
#![allow(dead_code)]

pub(crate) mod workspace;

use bytes::Bytes;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;
use tokens_core::types::Timestamp;
use tokens_core::{Clock, ManualClock, Operation, SendState, TransportError, TransportErrorKind};

/// 2023-11-14T22:13:20Z, the wall time every test clock starts at.
pub(crate) const START: Timestamp = Timestamp::from_millis(1_700_000_000_000);

/// What the scripted transport does with one request.
#[derive(Debug, Clone)]
pub(crate) enum Reply {
    /// An HTTP reply.
    Http {
        status: u16,
        headers: Vec<(&'static str, String)>,
        body: String,
    },
    /// A transport failure.
    Fail(TransportErrorKind, SendState),
    /// Never answers.
    Hang,
}

impl Reply {
    pub(crate) fn ok() -> Reply {
        Reply::json(200, "{}")
    }

    pub(crate) fn status(status: u16) -> Reply {
        Reply::json(status, "")
    }

    pub(crate) fn json(status: u16, body: &str) -> Reply {
        Reply::Http {
            status,
            headers: Vec::new(),
            body: body.to_owned(),
        }
    }

    pub(crate) fn error(status: u16, code: &str, message: &str) -> Reply {
        let body = serde_json::json!({"error_code": code, "message": message}).to_string();
        Reply::json(status, &body)
    }

    #[must_use]
    pub(crate) fn header(mut self, name: &'static str, value: &str) -> Reply {
        if let Reply::Http { headers, .. } = &mut self {
            headers.push((name, value.to_owned()));
        }
        self
    }

    fn into_outcome(self) -> Option<Result<http::Response<Bytes>, TransportError>> {
        match self {
            Reply::Http {
                status,
                headers,
                body,
            } => {
                let mut builder = http::Response::builder().status(status);
                for (name, value) in headers {
                    builder = builder.header(name, value);
                }
                Some(Ok(builder
                    .body(Bytes::from(body))
                    .expect("valid test reply")))
            }
            Reply::Fail(kind, state) => Some(Err(TransportError::new(kind, state))),
            Reply::Hang => None,
        }
    }
}

/// One request the transport received.
#[derive(Debug, Clone)]
pub(crate) struct Recorded {
    pub(crate) method: http::Method,
    pub(crate) uri: http::Uri,
    pub(crate) headers: http::HeaderMap,
    pub(crate) body: Bytes,
    pub(crate) operation: Option<Operation>,
    /// The clock's monotonic reading when the request arrived.
    pub(crate) at: Duration,
}

#[derive(Debug, Default)]
struct Script {
    replies: VecDeque<Reply>,
    fallback: Option<Reply>,
    received: Vec<Recorded>,
}

/// An HTTP service that answers from a script and records what it received.
#[derive(Debug, Clone)]
pub(crate) struct ScriptedTransport {
    clock: ManualClock,
    script: Arc<Mutex<Script>>,
}

impl ScriptedTransport {
    /// A transport that answers `replies` in order, then `200 {}`.
    pub(crate) fn new(clock: &ManualClock, replies: impl IntoIterator<Item = Reply>) -> Self {
        let script = Script {
            replies: replies.into_iter().collect(),
            fallback: Some(Reply::ok()),
            received: Vec::new(),
        };
        ScriptedTransport {
            clock: clock.clone(),
            script: Arc::new(Mutex::new(script)),
        }
    }

    /// A transport that answers `reply` to every request.
    pub(crate) fn always(clock: &ManualClock, reply: Reply) -> Self {
        let transport = ScriptedTransport::new(clock, []);
        transport.script.lock().unwrap().fallback = Some(reply);
        transport
    }

    pub(crate) fn received(&self) -> Vec<Recorded> {
        self.script.lock().unwrap().received.clone()
    }

    pub(crate) fn count(&self) -> usize {
        self.script.lock().unwrap().received.len()
    }
}

impl tower::Service<http::Request<Bytes>> for ScriptedTransport {
    type Response = http::Response<Bytes>;
    type Error = TransportError;
    type Future =
        Pin<Box<dyn Future<Output = Result<http::Response<Bytes>, TransportError>> + Send>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), TransportError>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<Bytes>) -> Self::Future {
        let reply = {
            let mut script = self.script.lock().unwrap();
            script.received.push(Recorded {
                method: request.method().clone(),
                uri: request.uri().clone(),
                headers: request.headers().clone(),
                body: request.body().clone(),
                operation: request.extensions().get::<Operation>().copied(),
                at: self.clock.monotonic(),
            });
            script
                .replies
                .pop_front()
                .or_else(|| script.fallback.clone())
                .unwrap_or(Reply::Hang)
        };
        match reply.into_outcome() {
            Some(outcome) => Box::pin(std::future::ready(outcome)),
            None => Box::pin(std::future::pending()),
        }
    }
}

/// A request for `operation`, as the typed client would build it.
pub(crate) fn request(operation: Operation) -> http::Request<Bytes> {
    let (method, path) = match operation.name() {
        "create" => (http::Method::POST, "/api/2.0/token/create"),
        "list" => (http::Method::GET, "/api/2.0/token/list"),
        "update" => (http::Method::PATCH, "/api/2.0/token/abc"),
        "delete" => (http::Method::POST, "/api/2.0/token/delete"),
        _ => (http::Method::GET, "/"),
    };
    let mut request = http::Request::builder()
        .method(method)
        .uri(format!("https://example.cloud.databricks.com{path}"))
        .body(Bytes::from_static(b"{}"))
        .expect("valid test request");
    request.extensions_mut().insert(operation);
    request
}

/// Lets every task spawned on the current-thread runtime run until it blocks.
pub(crate) async fn settle() {
    for _ in 0..50 {
        tokio::task::yield_now().await;
    }
}
