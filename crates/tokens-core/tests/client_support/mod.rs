//! A scripted in-memory transport that records every request and answers from a script.

#![allow(dead_code, unreachable_pub)]

use bytes::Bytes;
use http::{HeaderMap, Method, Request, Response, StatusCode};
use std::collections::VecDeque;
use std::future::{Ready, ready};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use tokens_core::types::Timestamp;
use tokens_core::{
    Client, Endpoint, ManualClock, Operation, SendState, TokenService, TransportError,
    TransportErrorKind,
};

/// The moment every test's clock starts at: 2026-12-03T18:00:00Z.
pub const START: Timestamp = Timestamp::from_millis(1_796_320_800_000);

/// A request as the transport saw it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: Method,
    pub uri: String,
    pub headers: HeaderMap,
    pub body: Bytes,
    pub operation: Option<Operation>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn body_text(&self) -> &str {
        std::str::from_utf8(&self.body).unwrap()
    }
}

type Reply = Result<Response<Bytes>, TransportError>;

#[derive(Default)]
struct State {
    replies: VecDeque<Reply>,
    requests: Vec<Recorded>,
}

/// The script and the record, shared by every clone of the transport.
#[derive(Clone, Default)]
pub struct Script {
    state: Arc<Mutex<State>>,
}

/// The scripted transport: a `tower::Service` sharing its script with every clone.
#[derive(Clone)]
pub struct Transport {
    state: Arc<Mutex<State>>,
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Transport")
    }
}

impl tower::Service<Request<Bytes>> for Transport {
    type Response = Response<Bytes>;
    type Error = TransportError;
    type Future = Ready<Reply>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), TransportError>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request<Bytes>) -> Self::Future {
        let mut state = self.state.lock().unwrap();
        state.requests.push(Recorded {
            method: request.method().clone(),
            uri: request.uri().to_string(),
            headers: request.headers().clone(),
            operation: request.extensions().get::<Operation>().copied(),
            body: request.into_body(),
        });
        let reply = state.replies.pop_front().unwrap_or_else(|| {
            let mut response = Response::new(Bytes::from_static(b"script exhausted"));
            *response.status_mut() = StatusCode::from_u16(599).unwrap();
            Ok(response)
        });
        ready(reply)
    }
}

impl Script {
    pub fn new() -> Self {
        Script::default()
    }

    /// Queues a reply with `status`, `body` and extra headers.
    pub fn reply_with(&self, status: u16, headers: &[(&str, &str)], body: &str) -> &Self {
        let mut response = Response::new(Bytes::copy_from_slice(body.as_bytes()));
        *response.status_mut() = StatusCode::from_u16(status).unwrap();
        for (name, value) in headers {
            response.headers_mut().append(
                http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                http::HeaderValue::from_str(value).unwrap(),
            );
        }
        self.state.lock().unwrap().replies.push_back(Ok(response));
        self
    }

    /// Queues a reply with `status` and `body`.
    pub fn reply(&self, status: u16, body: &str) -> &Self {
        self.reply_with(status, &[], body)
    }

    /// Queues a transport failure.
    pub fn fail(&self, kind: TransportErrorKind, state: SendState) -> &Self {
        self.state.lock().unwrap().replies.push_back(Err(
            TransportError::new(kind, state).with_message("scripted")
        ));
        self
    }

    /// Queues a per-attempt timeout.
    pub fn time_out(&self) -> &Self {
        self.state
            .lock()
            .unwrap()
            .replies
            .push_back(Err(TransportError::timeout(
                std::time::Duration::from_secs(60),
            )));
        self
    }

    /// Every request sent so far.
    pub fn requests(&self) -> Vec<Recorded> {
        self.state.lock().unwrap().requests.clone()
    }

    /// The only request sent; panics unless exactly one was.
    pub fn only_request(&self) -> Recorded {
        let requests = self.requests();
        assert_eq!(requests.len(), 1, "expected exactly one request");
        requests.into_iter().next().unwrap()
    }

    /// A transport that records each request and answers with the next scripted reply
    /// (a 599 when the script has run out, so a test never hangs).
    pub fn transport(&self) -> Transport {
        Transport {
            state: Arc::clone(&self.state),
        }
    }

    /// A client over this script's transport for `https://example.cloud.databricks.com`.
    pub fn client(&self) -> Client<TokenService<Transport>> {
        self.client_for(Endpoint::new("example.cloud.databricks.com").unwrap())
    }

    /// A client over this script's transport for `endpoint`.
    pub fn client_for(&self, endpoint: Endpoint) -> Client<TokenService<Transport>> {
        Client::new(
            self.transport(),
            endpoint,
            Arc::new(ManualClock::new(START)),
        )
    }
}
