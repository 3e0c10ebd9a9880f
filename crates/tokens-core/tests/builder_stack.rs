//! The default stack the builder assembles, over a scripted transport and a manual clock.

mod client_support;

use client_support::{START, Script};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokens_core::auth::TokenSource;
use tokens_core::rate_limit::Rate;
use tokens_core::types::{CreateTokenRequest, Secret, TokenId};
use tokens_core::{
    BoxFuture, ClientBuilder, Config, Error, ErrorKind, ManualClock, TokenRequest, TokenUpdate,
};
use tower::util::MapRequestLayer;

const TOKEN: &str = "dapi0123456789abcdef0123456789abcdef";

fn config() -> Config {
    Config::builder()
        .host("example.cloud.databricks.com")
        .token(TOKEN)
        .workspace_id("99")
        .build()
        .unwrap()
}

fn clock() -> Arc<ManualClock> {
    Arc::new(ManualClock::auto_advancing(START))
}

#[tokio::test]
async fn every_attempt_carries_the_bearer_token_and_the_configured_headers() {
    let script = Script::new();
    script.reply(200, "{}");
    let client = ClientBuilder::from_config(&config(), clock())
        .unwrap()
        .build(script.transport())
        .unwrap();

    client.list().await.unwrap();

    let sent = script.only_request();
    let expected = format!("Bearer {TOKEN}");
    assert_eq!(sent.header("authorization"), Some(expected.as_str()));
    assert!(sent.headers.get("authorization").unwrap().is_sensitive());
    assert_eq!(sent.header("x-databricks-workspace-id"), Some("99"));
    assert!(sent.header("user-agent").unwrap().ends_with(" auth/pat"));
}

#[tokio::test]
async fn an_idempotent_call_is_retried_through_the_stack_with_the_server_wait() {
    let script = Script::new();
    script
        .reply_with(503, &[("retry-after", "2")], "")
        .reply(200, r#"{"token_infos": [{"token_id": "a"}]}"#);
    let clock = clock();
    let client = ClientBuilder::from_config(&config(), clock.clone())
        .unwrap()
        .with_retry_seed(7)
        .build(script.transport())
        .unwrap();

    let tokens = client.list().await.unwrap();

    assert_eq!(tokens.len(), 1);
    let sent = script.requests();
    assert_eq!(sent.len(), 2);
    assert!(sent.iter().all(|r| r.header("authorization").is_some()));
    assert!(clock.sleeps().contains(&Duration::from_secs(2)));
}

#[tokio::test]
async fn a_create_that_got_500_is_sent_once_and_reported_outcome_unknown() {
    let script = Script::new();
    script.reply(
        500,
        r#"{"error_code": "INTERNAL_ERROR", "message": "boom"}"#,
    );
    let client = ClientBuilder::from_config(&config(), clock())
        .unwrap()
        .build(script.transport())
        .unwrap();

    let err = client.create(CreateTokenRequest::new()).await.unwrap_err();

    assert_eq!(script.requests().len(), 1);
    assert!(err.is_outcome_unknown(), "{err}");
}

#[tokio::test]
async fn a_delete_of_a_gone_token_is_a_not_found_error_on_first_try() {
    let script = Script::new();
    script.reply(
        404,
        r#"{"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "gone"}"#,
    );
    let client = ClientBuilder::from_config(&config(), clock())
        .unwrap()
        .build(script.transport())
        .unwrap();

    let err = client.delete(&TokenId::new("ab")).await.unwrap_err();

    assert!(err.is_not_found());
    assert_eq!(script.requests().len(), 1);
}

#[tokio::test]
async fn the_call_deadline_stops_retries() {
    let script = Script::new();
    for _ in 0..10 {
        script.reply_with(503, &[("retry-after", "30")], "");
    }
    let clock = clock();
    let client = ClientBuilder::from_config(&config(), clock.clone())
        .unwrap()
        .with_call_timeout(Duration::from_secs(45))
        .build(script.transport())
        .unwrap();

    let err = client.list().await.unwrap_err();

    assert_eq!(err.status(), Some(http::StatusCode::SERVICE_UNAVAILABLE));
    assert_eq!(script.requests().len(), 2);
    assert!(clock.elapsed() <= Duration::from_secs(45));
}

#[tokio::test]
async fn without_a_credential_the_build_fails() {
    let script = Script::new();
    let config = Config::builder().host("h.example").build().unwrap();
    let err = ClientBuilder::from_config(&config, clock())
        .unwrap()
        .build(script.transport())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Config);
}

#[tokio::test]
async fn plain_http_to_a_remote_host_is_refused_unless_allowed() {
    let script = Script::new();
    script.reply(200, "{}");
    let config = Config::builder()
        .host("http://example.com")
        .token(TOKEN)
        .build()
        .unwrap();

    let refused = ClientBuilder::from_config(&config, clock())
        .unwrap()
        .build(script.transport())
        .unwrap()
        .list()
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::Auth);
    assert!(script.requests().is_empty());

    ClientBuilder::from_config(&config, clock())
        .unwrap()
        .allow_insecure_http(true)
        .build(script.transport())
        .unwrap()
        .list()
        .await
        .unwrap();
    assert_eq!(script.requests().len(), 1);
}

#[derive(Debug)]
struct Fixed;

impl TokenSource for Fixed {
    fn token(&self) -> BoxFuture<'_, Result<Secret, Error>> {
        Box::pin(async { Ok(Secret::new("custom-token")) })
    }

    fn auth_type(&self) -> &'static str {
        "custom"
    }
}

#[tokio::test]
async fn a_custom_token_source_is_used_and_named_in_the_user_agent() {
    let script = Script::new();
    script.reply(200, "{}");
    let client = ClientBuilder::new(
        tokens_core::Endpoint::new("example.cloud.databricks.com").unwrap(),
        clock(),
    )
    .with_token_source(Arc::new(Fixed))
    .build(script.transport())
    .unwrap();

    client.list().await.unwrap();

    let sent = script.only_request();
    assert_eq!(sent.header("authorization"), Some("Bearer custom-token"));
    assert!(sent.header("user-agent").unwrap().ends_with(" auth/custom"));
}

#[tokio::test]
async fn user_layers_run_at_both_levels() {
    let script = Script::new();
    script.reply(503, "").reply(200, "{}");
    let typed_calls = Arc::new(AtomicUsize::new(0));
    let http_calls = Arc::new(AtomicUsize::new(0));
    let (typed_count, http_count) = (typed_calls.clone(), http_calls.clone());
    let http_layer = MapRequestLayer::new(move |mut request: http::Request<bytes::Bytes>| {
        http_count.fetch_add(1, Ordering::SeqCst);
        request
            .headers_mut()
            .insert("x-team", http::HeaderValue::from_static("data"));
        request
    });
    let typed_layer = MapRequestLayer::new(move |request: TokenRequest| {
        typed_count.fetch_add(1, Ordering::SeqCst);
        request
    });
    let client = ClientBuilder::from_config(&config(), clock())
        .unwrap()
        .build_layered(script.transport(), http_layer, typed_layer)
        .unwrap();

    client
        .update(&TokenId::new("ab"), TokenUpdate::new().with_comment("x"))
        .await
        .unwrap();

    // Two attempts below, one call above both user layers.
    assert_eq!(script.requests().len(), 2);
    assert!(
        script
            .requests()
            .iter()
            .all(|r| r.header("x-team") == Some("data"))
    );
    assert_eq!(http_calls.load(Ordering::SeqCst), 1);
    assert_eq!(typed_calls.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn a_configured_rate_limit_spaces_requests() {
    let script = Script::new();
    for _ in 0..3 {
        script.reply(200, "{}");
    }
    let clock = clock();
    let per_second = std::num::NonZeroU32::new(1).unwrap();
    let client = ClientBuilder::from_config(&config(), clock.clone())
        .unwrap()
        .with_rate(Rate::per_second(per_second))
        .build(script.transport())
        .unwrap();

    for _ in 0..3 {
        client.list().await.unwrap();
    }

    assert_eq!(script.requests().len(), 3);
    assert!(
        clock.elapsed() >= Duration::from_secs(2),
        "{:?}",
        clock.elapsed()
    );
}

#[test]
fn debug_of_builder_and_client_holds_no_secret() {
    let script = Script::new();
    let builder = ClientBuilder::from_config(&config(), clock()).unwrap();
    let client = builder.build(script.transport()).unwrap();
    let texts = [format!("{builder:?}"), format!("{client:?}")];
    for text in texts {
        assert!(!text.contains(TOKEN), "{text}");
        assert!(!text.contains("0123456789abcdef0123"), "{text}");
    }
}

#[tokio::test]
async fn oauth_credentials_from_config_fetch_a_token_then_call() {
    let script = Script::new();
    script
        .reply(
            200,
            r#"{"token_endpoint": "https://example.cloud.databricks.com/oidc/v1/token"}"#,
        )
        .reply(
            200,
            r#"{"access_token": "m2m-access", "token_type": "Bearer", "expires_in": 3600}"#,
        )
        .reply(200, "{}");
    let config = Config::builder()
        .host("example.cloud.databricks.com")
        .client_id("sp-id")
        .client_secret("sp-secret")
        .build()
        .unwrap();
    let client = ClientBuilder::from_config(&config, clock())
        .unwrap()
        .build(script.transport())
        .unwrap();

    client.list().await.unwrap();

    let sent = script.requests();
    assert_eq!(sent.len(), 3);
    assert!(
        sent[0]
            .uri
            .ends_with("/oidc/.well-known/oauth-authorization-server")
    );
    assert_eq!(
        sent[1].uri,
        "https://example.cloud.databricks.com/oidc/v1/token"
    );
    assert_eq!(sent[2].header("authorization"), Some("Bearer m2m-access"));
    assert!(
        sent[2]
            .header("user-agent")
            .unwrap()
            .ends_with(" auth/oauth-m2m")
    );
}

#[test]
fn calls_of_a_built_client_are_send_so_they_can_be_spawned() {
    fn assert_send<T: Send>(_: &T) {}
    let script = Script::new();
    let client = ClientBuilder::from_config(&config(), clock())
        .unwrap()
        .build(script.transport())
        .unwrap();
    let id = TokenId::new("ab");

    assert_send(&client.list());
    assert_send(&client.create(CreateTokenRequest::new()));
    assert_send(&client.update(&id, TokenUpdate::new().with_comment("x")));
    assert_send(&client.delete(&id));
    assert_send(&client);
}
