//! The exact bytes of every request the client sends (spec §1).

mod client_support;

use client_support::Script;
use tokens_core::types::{CreateTokenRequest, TokenId};
use tokens_core::{Endpoint, Operation, TokenUpdate, UserAgent};

const BASE: &str = "https://example.cloud.databricks.com";
const ID: &str = "5684c955822ac792a51ae2aeb80fa6e8a5db5a9ce70ddb3b9e5ab2c98a69e2d2";

fn header_names(recorded: &client_support::Recorded) -> Vec<String> {
    let mut names: Vec<String> = recorded.headers.keys().map(ToString::to_string).collect();
    names.sort();
    names
}

#[tokio::test]
async fn create_sends_post_with_exactly_the_fields_set() {
    let script = Script::new();
    script.reply(200, r#"{"token_info": {"token_id": "ab12"}, "token_value": "dapi0123456789abcdef0123456789abcdef"}"#);
    let request = CreateTokenRequest::new()
        .with_comment("ci")
        .with_lifetime_seconds(0)
        .with_scopes(Vec::<String>::new());

    script.client().create(request).await.unwrap();

    let sent = script.only_request();
    assert_eq!(sent.method, http::Method::POST);
    assert_eq!(sent.uri, format!("{BASE}/api/2.0/token/create"));
    assert_eq!(
        sent.body_text(),
        r#"{"comment":"ci","lifetime_seconds":0,"scopes":[]}"#
    );
    assert_eq!(sent.header("accept"), Some("application/json"));
    assert_eq!(sent.header("content-type"), Some("application/json"));
    assert_eq!(
        header_names(&sent),
        ["accept", "content-type", "user-agent"]
    );
    assert_eq!(sent.operation, Some(Operation::CREATE));
}

#[tokio::test]
async fn create_with_no_field_set_sends_an_empty_object() {
    let script = Script::new();
    script.reply(
        200,
        r#"{"token_value": "dapi0123456789abcdef0123456789abcdef"}"#,
    );

    script
        .client()
        .create(CreateTokenRequest::new())
        .await
        .unwrap();

    assert_eq!(script.only_request().body_text(), "{}");
}

#[tokio::test]
async fn list_sends_get_without_body_or_content_type() {
    let script = Script::new();
    script.reply(200, r#"{"token_infos": []}"#);

    script.client().list().await.unwrap();

    let sent = script.only_request();
    assert_eq!(sent.method, http::Method::GET);
    assert_eq!(sent.uri, format!("{BASE}/api/2.0/token/list"));
    assert!(sent.body.is_empty());
    assert_eq!(header_names(&sent), ["accept", "user-agent"]);
    assert_eq!(sent.operation, Some(Operation::LIST));
}

#[tokio::test]
async fn update_sends_patch_with_id_in_path_and_mask_in_body() {
    let script = Script::new();
    script.reply(200, "{}");
    let update = TokenUpdate::new()
        .with_comment("renamed")
        .with_scopes(["sql"]);

    script
        .client()
        .update(&TokenId::new(ID), update)
        .await
        .unwrap();

    let sent = script.only_request();
    assert_eq!(sent.method, http::Method::PATCH);
    assert_eq!(sent.uri, format!("{BASE}/api/2.0/token/{ID}"));
    assert_eq!(
        sent.body_text(),
        r#"{"token":{"comment":"renamed","scopes":["sql"]},"update_mask":"comment,scopes"}"#
    );
    assert_eq!(
        header_names(&sent),
        ["accept", "content-type", "user-agent"]
    );
    assert_eq!(sent.operation, Some(Operation::UPDATE));
}

#[tokio::test]
async fn update_escapes_the_token_id_as_one_path_segment() {
    let script = Script::new();
    script.reply(200, "{}").reply(200, "{}");
    let client = script.client();

    client
        .update(
            &TokenId::new("a/b?c#d e%"),
            TokenUpdate::new().with_comment("x"),
        )
        .await
        .unwrap();
    client
        .update(&TokenId::new(".."), TokenUpdate::new().with_comment("x"))
        .await
        .unwrap();

    let sent = script.requests();
    assert_eq!(
        sent[0].uri,
        format!("{BASE}/api/2.0/token/a%2Fb%3Fc%23d%20e%25")
    );
    assert_eq!(sent[1].uri, format!("{BASE}/api/2.0/token/%2E%2E"));
}

#[tokio::test]
async fn delete_sends_post_with_the_id_in_the_body() {
    let script = Script::new();
    script.reply(200, "{}");

    script.client().delete(&TokenId::new(ID)).await.unwrap();

    let sent = script.only_request();
    assert_eq!(sent.method, http::Method::POST);
    assert_eq!(sent.uri, format!("{BASE}/api/2.0/token/delete"));
    assert_eq!(sent.body_text(), format!(r#"{{"token_id":"{ID}"}}"#));
    assert_eq!(
        header_names(&sent),
        ["accept", "content-type", "user-agent"]
    );
    assert_eq!(sent.operation, Some(Operation::DELETE));
}

#[tokio::test]
async fn workspace_id_header_is_sent_when_configured() {
    let script = Script::new();
    script.reply(200, "{}");
    let endpoint = Endpoint::new(BASE)
        .unwrap()
        .with_workspace_id("1234567890")
        .unwrap();

    script.client_for(endpoint).list().await.unwrap();

    let sent = script.only_request();
    assert_eq!(sent.header("x-databricks-workspace-id"), Some("1234567890"));
}

#[tokio::test]
async fn user_agent_follows_the_official_word_pattern() {
    let script = Script::new();
    script.reply(200, "{}");
    let agent = UserAgent::new().with_auth_type("pat").unwrap();
    let endpoint = Endpoint::new(BASE).unwrap().with_user_agent(agent);

    script.client_for(endpoint).list().await.unwrap();

    let version = env!("CARGO_PKG_VERSION");
    let expected = format!(
        "databricks-tokens/{version} databricks-tokens-rs/{version} os/{} auth/pat",
        std::env::consts::OS
    );
    assert_eq!(
        script.only_request().header("user-agent"),
        Some(expected.as_str())
    );
}

#[tokio::test]
async fn a_path_prefix_of_the_host_is_kept() {
    let script = Script::new();
    script.reply(200, "{}");
    let endpoint = Endpoint::new("http://127.0.0.1:8080/proxy/").unwrap();

    script.client_for(endpoint).list().await.unwrap();

    assert_eq!(
        script.only_request().uri,
        "http://127.0.0.1:8080/proxy/api/2.0/token/list"
    );
}
