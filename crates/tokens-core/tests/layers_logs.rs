//! Everything the layers log, at TRACE, holds no secret, and no retry is logged as an error.

mod log_capture;
mod support;

use log_capture::Captured;

use std::sync::Arc;
use std::time::Duration;
use support::workspace::{HOST, TokenReply, Workspace};
use support::{Reply, START, ScriptedTransport, request};
use tokens_core::auth::{Auth, AuthLayer, OAuthM2m};
use tokens_core::rate_limit::{Rate, RateLimit, RateLimitLayer};
use tokens_core::retry::{CallTimeout, Retry, RetryLayer};
use tokens_core::timeout::{Timeout, TimeoutLayer};
use tokens_core::types::Secret;
use tokens_core::{Clock, ManualClock, Operation};
use tower::{Layer, ServiceExt};

const PAT: &str = "dapi0123456789abcdef0123456789abcdef";
const CLIENT_SECRET: &str = "dose-very-secret-client-secret";
/// base64 of `client-id:dose-very-secret-client-secret`, the Basic credential.
const BASIC: &str = "Y2xpZW50LWlkOmRvc2UtdmVyeS1zZWNyZXQtY2xpZW50LXNlY3JldA==";

/// The default stack of layers over `transport`, as the builder assembles it.
type Stack<S> = Retry<RateLimit<Timeout<Auth<S>>>>;

fn stack<S>(clock: &ManualClock, auth: &AuthLayer, transport: S) -> Stack<S> {
    let clock: Arc<dyn Clock> = Arc::new(clock.clone());
    let timeout = TimeoutLayer::new(Arc::clone(&clock)).with_limit(Duration::from_secs(5));
    let rate_limit = RateLimitLayer::new(Arc::clone(&clock), Rate::DEFAULT);
    let retry = RetryLayer::new(clock).with_seed(1);
    retry.layer(rate_limit.layer(timeout.layer(auth.layer(transport))))
}

#[tokio::test]
async fn trace_output_of_a_failing_and_retried_stack_holds_no_secret() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let clock = ManualClock::auto_advancing(START);

    // A PAT over a server that is unavailable, resets, hangs, then answers.
    let transport = ScriptedTransport::new(
        &clock,
        [
            Reply::status(503).header("retry-after", "1"),
            Reply::Fail(
                tokens_core::TransportErrorKind::Io,
                tokens_core::SendState::MaybeSent,
            ),
            Reply::Hang,
            Reply::error(500, "INTERNAL_ERROR", "boom"),
        ],
    );
    let pat = stack(&clock, &AuthLayer::pat(Secret::new(PAT)), transport);
    pat.clone().oneshot(request(Operation::LIST)).await.unwrap();
    let _ = pat.clone().oneshot(request(Operation::CREATE)).await;

    // OAuth: a refused refresh, then a grant, then an API that keeps failing.
    let workspace = Workspace::new(&clock, TokenReply::Refuse(401));
    let config = OAuthM2m::new(HOST, "client-id", Secret::new(CLIENT_SECRET)).unwrap();
    let oauth = stack(
        &clock,
        &AuthLayer::oauth_m2m(config, Arc::new(clock.clone())),
        workspace.clone(),
    );
    let api = || {
        let mut req = http::Request::get(format!("{HOST}/api/2.0/token/list"))
            .body(bytes::Bytes::new())
            .unwrap();
        req.extensions_mut().insert(Operation::LIST);
        req.extensions_mut()
            .insert(CallTimeout(Duration::from_secs(20)));
        req
    };
    let refused = oauth.clone().oneshot(api()).await.unwrap_err();
    workspace.set_token_reply(TokenReply::Grant(Duration::from_secs(3600)));
    workspace.set_api_status(503);
    let _ = oauth.clone().oneshot(api()).await;

    let logs = captured.text();
    assert!(
        logs.contains("retrying"),
        "the retries were logged:\n{logs}"
    );
    assert!(logs.contains("resend_count"), "{logs}");
    for secret in [PAT, CLIENT_SECRET, BASIC, "token-1", "token-2"] {
        assert!(
            !logs.contains(secret),
            "`{secret}` leaked into the logs:\n{logs}"
        );
    }
    assert!(!refused.to_string().contains(CLIENT_SECRET));
    assert!(
        !logs.lines().any(|line| line.contains(" ERROR ")),
        "a retry was logged as an error:\n{logs}"
    );
}
