//! The auth layer: PAT, OAuth M2M (discovery, shared cache, refresh ahead of expiry,
//! single-flight refresh, failures) and the plain-http refusal.

mod support;

use bytes::Bytes;
use std::sync::Arc;
use std::time::Duration;
use support::workspace::{HOST, TOKEN_ENDPOINT, TokenReply, Workspace};
use support::{Reply, START, ScriptedTransport, settle};
use tokens_core::auth::{Auth, AuthLayer, OAuthM2m};
use tokens_core::types::Secret;
use tokens_core::{ErrorKind, ManualClock, Operation};
use tower::{Layer, ServiceExt};

const PAT: &str = "dapi0123456789abcdef0123456789abcdef";
const CLIENT_SECRET: &str = "dose-very-secret-client-secret";
const HOUR: Duration = Duration::from_secs(3600);

fn get(url: &str) -> http::Request<Bytes> {
    let mut request = http::Request::get(url).body(Bytes::new()).unwrap();
    request.extensions_mut().insert(Operation::LIST);
    request
}

fn api() -> http::Request<Bytes> {
    get(&format!("{HOST}/api/2.0/token/list"))
}

fn oauth(clock: &ManualClock, workspace: &Workspace) -> Auth<Workspace> {
    let config = OAuthM2m::new(HOST, "client-id", Secret::new(CLIENT_SECRET)).unwrap();
    AuthLayer::oauth_m2m(config, Arc::new(clock.clone())).layer(workspace.clone())
}

#[tokio::test]
async fn a_pat_is_sent_as_a_sensitive_bearer_header() {
    let clock = ManualClock::new(START);
    let transport = ScriptedTransport::new(&clock, [Reply::ok()]);
    let svc = AuthLayer::pat(Secret::new(PAT)).layer(transport.clone());

    svc.oneshot(api()).await.unwrap();

    let sent = &transport.received()[0];
    let value = sent.headers.get(http::header::AUTHORIZATION).unwrap();
    assert_eq!(value, &format!("Bearer {PAT}"));
    assert!(value.is_sensitive());
}

#[tokio::test]
async fn bearer_credentials_are_refused_over_plain_http_to_another_host() {
    let clock = ManualClock::new(START);
    let transport = ScriptedTransport::new(&clock, []);
    let svc = AuthLayer::pat(Secret::new(PAT)).layer(transport.clone());

    let err = svc
        .oneshot(get(
            "http://adb-1.example.databricks.com/api/2.0/token/list",
        ))
        .await
        .unwrap_err();

    assert_eq!(err.kind(), ErrorKind::Auth);
    assert!(err.to_string().contains("plain http"), "{err}");
    assert!(!err.to_string().contains(PAT));
    assert_eq!(transport.count(), 0, "nothing was sent");
}

#[tokio::test]
async fn plain_http_is_allowed_to_loopback_hosts() {
    let clock = ManualClock::new(START);
    for url in [
        "http://127.0.0.1:8080/api/2.0/token/list",
        "http://127.9.9.9/api/2.0/token/list",
        "http://localhost:3000/api/2.0/token/list",
        "http://[::1]:3000/api/2.0/token/list",
    ] {
        let transport = ScriptedTransport::new(&clock, []);
        let svc = AuthLayer::pat(Secret::new(PAT)).layer(transport.clone());
        svc.oneshot(get(url)).await.unwrap();
        assert_eq!(transport.count(), 1, "{url}");
    }
}

#[tokio::test]
async fn plain_http_to_another_host_is_allowed_only_when_asked_for() {
    let clock = ManualClock::new(START);
    let transport = ScriptedTransport::new(&clock, []);
    let svc = AuthLayer::pat(Secret::new(PAT))
        .allow_insecure_http(true)
        .layer(transport.clone());

    svc.oneshot(get("http://10.1.2.3/api/2.0/token/list"))
        .await
        .unwrap();

    assert_eq!(transport.count(), 1);
}

#[tokio::test]
async fn oauth_discovers_the_endpoint_and_sends_a_client_credentials_request() {
    let clock = ManualClock::new(START);
    let workspace = Workspace::new(&clock, TokenReply::Grant(HOUR));
    let svc = oauth(&clock, &workspace);

    svc.oneshot(api()).await.unwrap();

    assert_eq!(workspace.discoveries(), 1);
    assert_eq!(
        workspace.api_credentials(),
        vec!["Bearer token-1".to_owned()]
    );
    let token_request = workspace.last_token_request().unwrap();
    assert_eq!(token_request.method(), http::Method::POST);
    assert_eq!(token_request.uri().to_string(), TOKEN_ENDPOINT);
    assert_eq!(
        token_request.body().as_ref(),
        b"grant_type=client_credentials&scope=all-apis"
    );
    let headers = token_request.headers();
    assert_eq!(headers["content-type"], "application/x-www-form-urlencoded");
    let basic = &headers[http::header::AUTHORIZATION];
    assert!(basic.is_sensitive());
    // base64("client-id:dose-very-secret-client-secret")
    assert_eq!(
        basic,
        "Basic Y2xpZW50LWlkOmRvc2UtdmVyeS1zZWNyZXQtY2xpZW50LXNlY3JldA=="
    );
    assert_eq!(
        token_request.extensions().get::<Operation>(),
        Some(&Operation::OAUTH_TOKEN)
    );
}

#[tokio::test]
async fn the_oauth_token_is_cached_and_shared_by_clones() {
    let clock = ManualClock::new(START);
    let workspace = Workspace::new(&clock, TokenReply::Grant(HOUR));
    let first = oauth(&clock, &workspace);
    let second = first.clone();

    first.oneshot(api()).await.unwrap();
    second.oneshot(api()).await.unwrap();

    assert_eq!(workspace.token_requests(), 1);
    assert_eq!(workspace.discoveries(), 1);
    assert_eq!(workspace.api_credentials(), vec!["Bearer token-1"; 2]);
}

#[tokio::test]
async fn a_hundred_calls_during_an_expired_token_cause_exactly_one_token_request() {
    let clock = ManualClock::new(START);
    let workspace =
        Workspace::new(&clock, TokenReply::Grant(HOUR)).with_token_delay(Duration::from_secs(1));
    let svc = oauth(&clock, &workspace);

    // Get a first token, then let it expire.
    let first = tokio::spawn(svc.clone().oneshot(api()));
    settle().await;
    clock.advance(Duration::from_secs(1));
    first.await.unwrap().unwrap();
    clock.advance(HOUR);
    assert_eq!(workspace.token_requests(), 1);

    let calls: Vec<_> = (0..100)
        .map(|_| tokio::spawn(svc.clone().oneshot(api())))
        .collect();
    settle().await;
    assert_eq!(
        workspace.token_requests(),
        2,
        "one refresh for a hundred callers"
    );
    clock.advance(Duration::from_secs(1));
    for call in calls {
        call.await.unwrap().unwrap();
    }

    assert_eq!(workspace.token_requests(), 2);
    let credentials = workspace.api_credentials();
    assert_eq!(credentials.len(), 101);
    assert!(credentials[1..].iter().all(|c| c == "Bearer token-2"));
}

#[tokio::test]
async fn the_token_is_refreshed_ahead_of_expiry_while_others_keep_using_it() {
    let clock = ManualClock::new(START);
    let workspace =
        Workspace::new(&clock, TokenReply::Grant(HOUR)).with_token_delay(Duration::from_secs(1));
    let svc = oauth(&clock, &workspace);
    let first = tokio::spawn(svc.clone().oneshot(api()));
    settle().await;
    clock.advance(Duration::from_secs(1));
    first.await.unwrap().unwrap();

    // A one-hour token is stale 20 minutes (min(30 min, 20 min)) before it expires.
    clock.advance(Duration::from_secs(2399));
    svc.clone().oneshot(api()).await.unwrap();
    assert_eq!(workspace.token_requests(), 1, "still fresh at 39:59");

    clock.advance(Duration::from_secs(2));
    let refreshing = tokio::spawn(svc.clone().oneshot(api()));
    settle().await;
    assert_eq!(
        workspace.token_requests(),
        2,
        "stale at 40:01: one refresh starts"
    );
    // Meanwhile another call goes out at once with the still valid token.
    svc.clone().oneshot(api()).await.unwrap();
    clock.advance(Duration::from_secs(1));
    refreshing.await.unwrap().unwrap();

    assert_eq!(
        workspace.api_credentials(),
        vec![
            "Bearer token-1",
            "Bearer token-1",
            "Bearer token-1",
            "Bearer token-2"
        ]
    );
}

#[tokio::test]
async fn a_short_lived_token_turns_stale_at_half_its_lifetime() {
    let clock = ManualClock::new(START);
    let workspace = Workspace::new(&clock, TokenReply::Grant(Duration::from_secs(600)));
    let svc = oauth(&clock, &workspace);
    svc.clone().oneshot(api()).await.unwrap();

    clock.advance(Duration::from_secs(299));
    svc.clone().oneshot(api()).await.unwrap();
    assert_eq!(workspace.token_requests(), 1);
    clock.advance(Duration::from_secs(2));
    svc.clone().oneshot(api()).await.unwrap();
    assert_eq!(workspace.token_requests(), 2);
}

#[tokio::test]
async fn a_refused_refresh_is_a_clear_auth_error_without_secrets() {
    let clock = ManualClock::new(START);
    let workspace = Workspace::new(&clock, TokenReply::Refuse(401));
    let svc = oauth(&clock, &workspace);

    let err = svc.oneshot(api()).await.unwrap_err();

    assert_eq!(err.kind(), ErrorKind::Auth);
    let text = err.to_string();
    assert!(text.contains("401"), "{text}");
    assert!(text.contains("invalid_client"), "{text}");
    assert!(text.contains(TOKEN_ENDPOINT), "{text}");
    assert!(!text.contains(CLIENT_SECRET));
    assert!(!format!("{err:?}").contains(CLIENT_SECRET));
    assert!(
        workspace.api_credentials().is_empty(),
        "no API call without a token"
    );
    assert_eq!(workspace.token_requests(), 1, "a refusal is final");
}

#[tokio::test]
async fn a_token_echoed_in_a_refusal_is_redacted_from_the_error() {
    let clock = ManualClock::new(START);
    let echoed = "dapi0123456789abcdef0123456789abcdef";
    let workspace = Workspace::new(
        &clock,
        TokenReply::RefuseWith(
            400,
            r#"{"error": "invalid_request", "error_description": "bad header Bearer dapi0123456789abcdef0123456789abcdef"}"#,
        ),
    );
    let svc = oauth(&clock, &workspace);

    let err = svc.oneshot(api()).await.unwrap_err();

    let text = err.to_string();
    assert!(text.contains("invalid_request"), "{text}");
    assert!(!text.contains(echoed), "{text}");
    assert!(!format!("{err:?}").contains(echoed));
}

#[tokio::test]
async fn every_waiter_gets_the_error_of_the_one_failed_refresh() {
    let clock = ManualClock::new(START);
    let workspace =
        Workspace::new(&clock, TokenReply::Refuse(400)).with_token_delay(Duration::from_secs(1));
    let svc = oauth(&clock, &workspace);

    let calls: Vec<_> = (0..20)
        .map(|_| tokio::spawn(svc.clone().oneshot(api())))
        .collect();
    settle().await;
    clock.advance(Duration::from_secs(1));
    for call in calls {
        let err = call.await.unwrap().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Auth);
        assert!(err.to_string().contains("invalid_client"), "{err}");
    }
    assert_eq!(workspace.token_requests(), 1);
}

#[tokio::test]
async fn a_token_endpoint_that_cannot_be_reached_is_an_auth_error_with_the_cause() {
    let clock = ManualClock::auto_advancing(START);
    let workspace = Workspace::new(&clock, TokenReply::Unreachable);
    let svc = oauth(&clock, &workspace);

    let err = svc.oneshot(api()).await.unwrap_err();

    assert_eq!(err.kind(), ErrorKind::Auth);
    assert!(err.to_string().contains("could not connect"), "{err}");
    let source = std::error::Error::source(&err).expect("the transport failure is kept");
    assert!(source.to_string().contains("could not connect"), "{source}");
    assert_eq!(workspace.token_requests(), 3, "three attempts");
}

#[tokio::test]
async fn a_token_request_that_hangs_times_out_on_the_clock() {
    let clock = ManualClock::auto_advancing(START);
    let workspace = Workspace::new(&clock, TokenReply::Hang);
    let svc = oauth(&clock, &workspace);

    let err = svc.oneshot(api()).await.unwrap_err();

    assert_eq!(err.kind(), ErrorKind::Auth);
    assert!(
        err.to_string().contains("did not finish within 30s"),
        "{err}"
    );
    assert_eq!(clock.sleeps(), vec![Duration::from_secs(30)]);
}

#[tokio::test]
async fn a_token_endpoint_that_answers_503_is_asked_again_after_a_short_wait() {
    let clock = ManualClock::auto_advancing(START);
    let workspace = Workspace::new(&clock, TokenReply::Grant(HOUR))
        .with_first_token_replies(vec![TokenReply::Refuse(503)]);
    let svc = oauth(&clock, &workspace);

    svc.oneshot(api()).await.unwrap();

    assert_eq!(workspace.token_requests(), 2);
    assert_eq!(workspace.api_credentials(), vec!["Bearer token-2"]);
    let waits = clock.sleeps();
    assert_eq!(waits.len(), 1, "{waits:?}");
    assert!(waits[0] <= Duration::from_millis(500), "{waits:?}");
}

#[tokio::test]
async fn a_token_endpoint_that_fails_on_the_network_is_asked_again() {
    let clock = ManualClock::auto_advancing(START);
    let workspace = Workspace::new(&clock, TokenReply::Grant(HOUR))
        .with_first_token_replies(vec![TokenReply::Unreachable, TokenReply::Unreachable]);
    let svc = oauth(&clock, &workspace);

    svc.oneshot(api()).await.unwrap();

    assert_eq!(workspace.token_requests(), 3);
    assert_eq!(workspace.api_credentials(), vec!["Bearer token-3"]);
    let waits = clock.sleeps();
    assert_eq!(waits.len(), 2, "{waits:?}");
    assert!(waits[1] <= Duration::from_secs(1), "{waits:?}");
}

#[tokio::test]
async fn a_throttled_token_request_waits_as_long_as_retry_after_says() {
    let clock = ManualClock::auto_advancing(START);
    let workspace = Workspace::new(&clock, TokenReply::Grant(HOUR))
        .with_first_token_replies(vec![TokenReply::Throttle(3)]);
    let svc = oauth(&clock, &workspace);

    svc.oneshot(api()).await.unwrap();

    assert_eq!(workspace.token_requests(), 2);
    assert_eq!(clock.sleeps(), vec![Duration::from_secs(3)]);
}

#[tokio::test]
async fn a_retry_after_past_the_token_timeout_ends_the_fetch_with_the_reply() {
    let clock = ManualClock::auto_advancing(START);
    let workspace = Workspace::new(&clock, TokenReply::Throttle(60));
    let svc = oauth(&clock, &workspace);

    let err = svc.oneshot(api()).await.unwrap_err();

    assert_eq!(err.kind(), ErrorKind::Auth);
    assert!(err.to_string().contains("status 429"), "{err}");
    assert_eq!(workspace.token_requests(), 1);
    assert!(clock.sleeps().is_empty(), "no wait was started");
}

#[tokio::test]
async fn a_token_endpoint_that_keeps_failing_is_tried_three_times() {
    let clock = ManualClock::auto_advancing(START);
    let workspace = Workspace::new(&clock, TokenReply::Refuse(502));
    let svc = oauth(&clock, &workspace);

    let err = svc.oneshot(api()).await.unwrap_err();

    assert_eq!(err.kind(), ErrorKind::Auth);
    assert!(err.to_string().contains("status 502"), "{err}");
    assert_eq!(workspace.token_requests(), 3);
    assert_eq!(clock.sleeps().len(), 2);
}

#[tokio::test]
async fn a_failed_discovery_is_asked_again() {
    let clock = ManualClock::auto_advancing(START);
    let workspace = Workspace::new(&clock, TokenReply::Grant(HOUR)).with_discovery_failures(1);
    let svc = oauth(&clock, &workspace);

    svc.oneshot(api()).await.unwrap();

    assert_eq!(workspace.discoveries(), 2);
    assert_eq!(workspace.token_requests(), 1);
}

#[tokio::test]
async fn a_failed_refresh_of_a_stale_token_falls_back_to_the_valid_one() {
    let clock = ManualClock::new(START);
    let workspace = Workspace::new(&clock, TokenReply::Grant(HOUR));
    let svc = oauth(&clock, &workspace);
    svc.clone().oneshot(api()).await.unwrap();

    workspace.set_token_reply(TokenReply::Refuse(503));
    clock.advance(Duration::from_secs(2500));
    clock.set_auto_advance(true);
    svc.clone().oneshot(api()).await.unwrap();

    assert_eq!(
        workspace.token_requests(),
        1 + 3,
        "the refresh tried three times"
    );
    assert_eq!(workspace.api_credentials(), vec!["Bearer token-1"; 2]);
}

#[tokio::test]
async fn a_401_from_the_api_drops_the_token_so_the_next_call_fetches_a_new_one() {
    let clock = ManualClock::new(START);
    let workspace = Workspace::new(&clock, TokenReply::Grant(HOUR));
    let svc = oauth(&clock, &workspace);
    workspace.set_api_status(401);
    let response = svc.clone().oneshot(api()).await.unwrap();
    assert_eq!(response.status(), 401);

    workspace.set_api_status(200);
    svc.clone().oneshot(api()).await.unwrap();

    assert_eq!(workspace.token_requests(), 2);
    assert_eq!(workspace.discoveries(), 1, "the endpoint is remembered");
    assert_eq!(
        workspace.api_credentials(),
        vec!["Bearer token-1", "Bearer token-2"]
    );
}

#[tokio::test]
async fn the_client_secret_is_never_sent_over_plain_http_to_another_host() {
    let clock = ManualClock::new(START);
    let workspace = Workspace::new(&clock, TokenReply::Grant(HOUR));
    let config = OAuthM2m::new(HOST, "client-id", Secret::new(CLIENT_SECRET))
        .unwrap()
        .with_token_endpoint("http://idp.example.com/token");
    let svc = AuthLayer::oauth_m2m(config, Arc::new(clock.clone())).layer(workspace.clone());

    let err = svc.oneshot(api()).await.unwrap_err();

    assert_eq!(err.kind(), ErrorKind::Auth);
    assert_eq!(workspace.token_requests(), 0);
}

#[test]
fn debug_output_of_credentials_holds_no_secret() {
    let clock = Arc::new(ManualClock::new(START));
    let config = OAuthM2m::new(HOST, "client-id", Secret::new(CLIENT_SECRET)).unwrap();
    let oauth = AuthLayer::oauth_m2m(config.clone(), clock);
    let pat = AuthLayer::pat(Secret::new(PAT));
    for text in [
        format!("{config:?}"),
        format!("{oauth:?}"),
        format!("{pat:?}"),
        format!("{:?}", pat.layer(())),
    ] {
        assert!(!text.contains(CLIENT_SECRET), "{text}");
        assert!(!text.contains(PAT), "{text}");
    }
}
