//! How replies are decoded, and which failures leave a create's outcome unknown.

mod client_support;

use client_support::Script;
use tokens_core::types::{CreateTokenRequest, TokenId};
use tokens_core::{ErrorKind, Operation, SendState, TokenUpdate, TransportErrorKind};

const SECRET: &str = "dapi0123456789abcdef0123456789abcdef";

#[tokio::test]
async fn create_returns_the_info_and_the_secret() {
    let script = Script::new();
    script.reply(
        200,
        &format!(r#"{{"token_info": {{"token_id": "ab12", "expiry_time": -1}}, "token_value": "{SECRET}", "new": 1}}"#),
    );

    let created = script
        .client()
        .create(CreateTokenRequest::new())
        .await
        .unwrap();

    assert_eq!(created.token_value.unwrap().expose_secret(), SECRET);
    assert_eq!(
        created.token_info.unwrap().token_id.unwrap().as_str(),
        "ab12"
    );
}

#[tokio::test]
async fn list_reads_a_missing_key_or_an_empty_body_as_no_tokens() {
    let script = Script::new();
    script
        .reply(200, "{}")
        .reply(200, "")
        .reply(200, r#"{"token_infos": [{"token_id": "a", "x": 1}]}"#);
    let client = script.client();

    assert!(client.list().await.unwrap().is_empty());
    assert!(client.list().await.unwrap().is_empty());
    assert_eq!(client.list().await.unwrap().len(), 1);
}

#[tokio::test]
async fn list_response_keeps_top_level_fields_it_does_not_know() {
    let script = Script::new();
    script.reply(
        200,
        r#"{"token_infos": [{"token_id": "a"}], "next_page_token": "p2"}"#,
    );

    let reply = script.client().list_response().await.unwrap();

    assert_eq!(reply.token_infos.len(), 1);
    assert_eq!(reply.extra["next_page_token"], "p2");
}

#[tokio::test]
async fn update_and_delete_accept_empty_bodies_and_unknown_fields() {
    let script = Script::new();
    script
        .reply(200, "")
        .reply(200, r#"{"something_new": true}"#)
        .reply(200, "  ")
        .reply(200, "{}");
    let client = script.client();
    let id = TokenId::new("ab12");

    client
        .update(&id, TokenUpdate::new().with_comment("x"))
        .await
        .unwrap();
    client
        .update(&id, TokenUpdate::new().with_comment("x"))
        .await
        .unwrap();
    client.delete(&id).await.unwrap();
    client.delete(&id).await.unwrap();
}

#[tokio::test]
async fn a_2xx_html_page_is_a_decode_error_not_a_success() {
    let script = Script::new();
    script.reply(200, "<html><body>Sign in</body></html>");

    let err = script
        .client()
        .delete(&TokenId::new("ab12"))
        .await
        .unwrap_err();

    assert_eq!(err.kind(), ErrorKind::Decode);
    assert_eq!(err.operation(), Some(Operation::DELETE));
}

#[tokio::test]
async fn a_decode_error_never_quotes_the_body() {
    let script = Script::new();
    script.reply(
        200,
        &format!(r#"{{"token_info": "{SECRET}", "token_value": 5}}"#),
    );

    let err = script
        .client()
        .create(CreateTokenRequest::new())
        .await
        .unwrap_err();

    assert_eq!(err.kind(), ErrorKind::Decode);
    assert!(!err.to_string().contains("dapi"), "{err}");
    assert!(!format!("{err:?}").contains("dapi"), "{err:?}");
}

#[tokio::test]
async fn an_empty_create_reply_is_a_decode_error() {
    let script = Script::new();
    script.reply(200, "");

    let err = script
        .client()
        .create(CreateTokenRequest::new())
        .await
        .unwrap_err();

    assert_eq!(err.kind(), ErrorKind::Decode);
}

#[tokio::test]
async fn an_error_reply_becomes_a_classified_error_with_the_operation() {
    let script = Script::new();
    script.reply_with(
        404,
        &[("x-request-id", "req-7")],
        r#"{"error_code": "NOT_FOUND", "message": "Token ab12 does not exist."}"#,
    );

    let err = script
        .client()
        .update(&TokenId::new("ab12"), TokenUpdate::new().with_comment("x"))
        .await
        .unwrap_err();

    assert!(err.is_not_found());
    assert_eq!(err.operation(), Some(Operation::UPDATE));
    assert_eq!(err.request_id(), Some("req-7"));
    assert_eq!(err.status(), Some(http::StatusCode::NOT_FOUND));
    assert!(!err.is_outcome_unknown());
}

#[tokio::test]
async fn a_create_that_got_500_502_or_504_has_an_unknown_outcome() {
    for status in [500, 502, 504] {
        let script = Script::new();
        script.reply(status, "");

        let err = script
            .client()
            .create(CreateTokenRequest::new())
            .await
            .unwrap_err();

        assert!(err.is_outcome_unknown(), "{status}");
        assert!(
            err.to_string().contains("outcome is unknown"),
            "{status}: {err}"
        );
    }
}

#[tokio::test]
async fn a_create_that_got_429_or_503_has_a_known_outcome() {
    for status in [429, 503, 400] {
        let script = Script::new();
        script.reply(status, "");

        let err = script
            .client()
            .create(CreateTokenRequest::new())
            .await
            .unwrap_err();

        assert!(!err.is_outcome_unknown(), "{status}");
    }
}

#[tokio::test]
async fn a_create_lost_after_sending_has_an_unknown_outcome() {
    let script = Script::new();
    script
        .fail(TransportErrorKind::Io, SendState::MaybeSent)
        .time_out();
    let client = script.client();

    let reset = client.create(CreateTokenRequest::new()).await.unwrap_err();
    let timeout = client.create(CreateTokenRequest::new()).await.unwrap_err();

    assert_eq!(reset.kind(), ErrorKind::Transport);
    assert!(reset.is_outcome_unknown());
    assert_eq!(timeout.kind(), ErrorKind::Timeout);
    assert!(timeout.is_outcome_unknown());
}

#[tokio::test]
async fn a_create_that_never_left_has_a_known_outcome() {
    let script = Script::new();
    script.fail(TransportErrorKind::Connect, SendState::NotSent);

    let err = script
        .client()
        .create(CreateTokenRequest::new())
        .await
        .unwrap_err();

    assert_eq!(err.kind(), ErrorKind::Transport);
    assert!(!err.is_outcome_unknown());
    assert_eq!(err.transport().unwrap().send_state(), SendState::NotSent);
}

#[tokio::test]
async fn idempotent_calls_are_never_marked_outcome_unknown() {
    let script = Script::new();
    script
        .reply(500, "")
        .fail(TransportErrorKind::Io, SendState::MaybeSent)
        .reply(504, "");
    let client = script.client();
    let id = TokenId::new("ab12");

    let errors = [
        client.list().await.unwrap_err(),
        client.delete(&id).await.unwrap_err(),
        client
            .update(&id, TokenUpdate::new().with_comment("x"))
            .await
            .unwrap_err(),
    ];

    for err in errors {
        assert!(!err.is_outcome_unknown(), "{err}");
        assert!(err.is_retryable(), "{err}");
    }
}
