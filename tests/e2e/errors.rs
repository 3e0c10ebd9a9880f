//! Every error of spec §2 and §5, as the client reports it.

use crate::support::{Harness, fast};
use databricks_tokens::emulator::{Emulator, ManualClock, Route};
use databricks_tokens::types::{CreateTokenRequest, ErrorCode, FieldMask, Secret, TokenId};
use databricks_tokens::{
    Client, Endpoint, ErrorKind, HyperTransport, ServiceClient, TokenUpdate, TokioClock,
};
use std::sync::Arc;
use std::time::Duration;

const UNKNOWN_ID: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[tokio::test]
async fn create_past_the_quota_is_quota_exceeded() {
    let harness = Harness::start_with(Emulator::builder().quota_per_user(2)).await;
    let client = harness.client();
    for _ in 0..2 {
        client
            .create(CreateTokenRequest::new())
            .await
            .expect("within quota");
    }

    let err = client
        .create(CreateTokenRequest::new())
        .await
        .expect_err("past quota");
    assert_eq!(err.kind(), ErrorKind::QuotaExceeded);
    assert!(err.is_quota_exceeded());
    assert_eq!(err.error_code(), Some(&ErrorCode::QuotaExceeded));
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    assert!(!err.is_outcome_unknown());
    assert!(!err.is_retryable());
    assert_eq!(harness.token_count(), 2);
    assert_eq!(
        harness.emulator.stats().requests(Route::Create),
        3,
        "not retried"
    );
}

#[tokio::test]
async fn zero_or_negative_lifetime_is_invalid_parameter_value() {
    let harness = Harness::start().await;
    let client = harness.client();
    for seconds in [0, -5] {
        let err = client
            .create(CreateTokenRequest::new().with_lifetime_seconds(seconds))
            .await
            .expect_err("refused");
        assert_eq!(err.kind(), ErrorKind::InvalidParameterValue, "{seconds}");
        assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    }
    assert_eq!(harness.token_count(), 0);
}

#[tokio::test]
async fn lifetime_past_the_maximum_is_invalid_parameter_value() {
    let harness =
        Harness::start_with(Emulator::builder().max_lifetime(Duration::from_secs(3600))).await;
    let err = harness
        .client()
        .create(CreateTokenRequest::new().with_lifetime_seconds(3601))
        .await
        .expect_err("refused");
    assert_eq!(err.kind(), ErrorKind::InvalidParameterValue);
    assert_eq!(harness.token_count(), 0);
}

#[tokio::test]
async fn comment_longer_than_255_characters_is_invalid_parameter_value() {
    let harness = Harness::start().await;
    let client = harness.client();
    client
        .create(CreateTokenRequest::new().with_comment("é".repeat(255)))
        .await
        .expect("255 characters are accepted");

    let err = client
        .create(CreateTokenRequest::new().with_comment("x".repeat(256)))
        .await
        .expect_err("256 characters are refused");
    assert_eq!(err.kind(), ErrorKind::InvalidParameterValue);
    let id = harness.seed_token("short").await;
    let err = client
        .update(&id, TokenUpdate::new().with_comment("y".repeat(256)))
        .await
        .expect_err("a long comment is refused on update too");
    assert_eq!(err.kind(), ErrorKind::InvalidParameterValue);
}

#[tokio::test]
async fn bad_field_mask_is_refused_before_sending() {
    let harness = Harness::start().await;
    let client = harness.client();
    let id = harness.seed_token("masked").await;

    let masks = ["token_id", "expiry_time", "*,comment"];
    for text in masks {
        let update = match FieldMask::parse(text) {
            Ok(mask) => TokenUpdate::new().with_comment("new").with_mask(mask),
            // A mask the parser already refuses cannot even be built: refused client-side.
            Err(_) => continue,
        };
        let err = client.update(&id, update).await.expect_err(text);
        assert_eq!(err.kind(), ErrorKind::InvalidRequest, "{text}");
    }
    let err = client
        .update(
            &id,
            TokenUpdate::new()
                .with_comment("x")
                .with_mask(FieldMask::parse("scopes").expect("valid")),
        )
        .await
        .expect_err("a set field the mask leaves out");
    assert_eq!(err.kind(), ErrorKind::InvalidRequest);
    let err = client
        .update(&id, TokenUpdate::new())
        .await
        .expect_err("an empty update");
    assert_eq!(err.kind(), ErrorKind::InvalidRequest);

    assert_eq!(
        harness.emulator.stats().requests(Route::Update),
        0,
        "nothing was sent"
    );
}

#[tokio::test]
async fn delete_of_an_unknown_token_is_not_found() {
    let harness = Harness::start().await;
    let err = harness
        .client()
        .delete(&TokenId::new(UNKNOWN_ID))
        .await
        .expect_err("unknown");
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert!(err.is_not_found());
    assert_eq!(err.error_code(), Some(&ErrorCode::ResourceDoesNotExist));
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(
        harness.emulator.stats().requests(Route::Delete),
        1,
        "not retried"
    );
}

#[tokio::test]
async fn update_of_an_unknown_token_is_not_found() {
    let harness = Harness::start().await;
    let err = harness
        .client()
        .update(
            &TokenId::new(UNKNOWN_ID),
            TokenUpdate::new().with_comment("x"),
        )
        .await
        .expect_err("unknown");
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.error_code(), Some(&ErrorCode::NotFound));
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
}

#[tokio::test]
async fn expired_token_is_not_listed_and_cannot_be_changed() {
    let clock = ManualClock::new(databricks_tokens::types::Timestamp::from_millis(
        1_800_000_000_000,
    ));
    let harness = Harness::start_with(Emulator::builder().clock(Arc::new(clock.clone()))).await;
    let client = harness.client();
    let created = client
        .create(CreateTokenRequest::new().with_lifetime_seconds(300))
        .await
        .expect("created");
    let id = crate::support::token_id(created.token_info);

    clock.advance(Duration::from_secs(301));
    assert!(client.list().await.expect("list succeeds").is_empty());
    let err = client
        .update(&id, TokenUpdate::new().with_comment("late"))
        .await
        .expect_err("expired");
    assert!(err.is_not_found());
    let err = client.delete(&id).await.expect_err("expired");
    assert!(err.is_not_found());
}

#[tokio::test]
async fn tokens_of_another_user_are_invisible() {
    let harness = Harness::start().await;
    let bob = harness.emulator.add_user("bob").expect("bob is added");
    let bobs_client = fast(
        Client::builder()
            .host(harness.emulator.base_url())
            .token(bob),
    )
    .build()
    .expect("the client builds");
    let bobs_token = crate::support::token_id(
        bobs_client
            .create(CreateTokenRequest::new().with_comment("bob's"))
            .await
            .expect("created")
            .token_info,
    );

    let client = harness.client();
    assert!(client.list().await.expect("list succeeds").is_empty());
    let err = client
        .delete(&bobs_token)
        .await
        .expect_err("not the caller's");
    assert!(err.is_not_found());
    assert_eq!(bobs_client.list().await.expect("list succeeds").len(), 1);
}

#[tokio::test]
async fn invalid_token_is_permission_denied() {
    let harness = Harness::start().await;
    let client = fast(
        Client::builder()
            .host(harness.emulator.base_url())
            .token("dapiffffffffffffffffffffffffffffffff"),
    )
    .build()
    .expect("the client builds");

    let err = client.list().await.expect_err("bad credential");
    assert_eq!(err.kind(), ErrorKind::PermissionDenied);
    assert_eq!(err.status().map(|s| s.as_u16()), Some(403));
    assert_eq!(err.message(), "Invalid access token.");
    assert!(!err.to_string().contains("dapiffff"), "{err}");
    let err = client
        .create(CreateTokenRequest::new())
        .await
        .expect_err("bad credential");
    assert_eq!(err.kind(), ErrorKind::PermissionDenied);
    assert!(!err.is_outcome_unknown());
}

#[tokio::test]
async fn missing_credential_is_unauthenticated() {
    let harness = Harness::start().await;
    // The typed client straight over the transport: no auth layer, no Authorization header.
    let endpoint = Endpoint::new(&harness.emulator.base_url()).expect("endpoint");
    let transport = HyperTransport::new().expect("transport");
    let client = ServiceClient::new(transport, endpoint, Arc::new(TokioClock::new()));

    let err = client.list().await.expect_err("no credential");
    assert_eq!(err.kind(), ErrorKind::Unauthenticated);
    assert_eq!(err.status().map(|s| s.as_u16()), Some(401));
    assert!(
        err.message().contains("Credential was not sent"),
        "{}",
        err.message()
    );
}

#[tokio::test]
async fn error_display_never_holds_the_credential() {
    let harness = Harness::start_with(Emulator::builder().quota_per_user(0)).await;
    let err = harness
        .client()
        .create(CreateTokenRequest::new())
        .await
        .expect_err("quota");
    let secret: &Secret = &harness.login;
    for text in [err.to_string(), format!("{err:?}")] {
        assert!(!text.contains(secret.expose_secret()), "{text}");
    }
}
