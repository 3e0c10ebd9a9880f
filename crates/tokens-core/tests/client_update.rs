//! How an update's field mask is derived and checked, all before anything is sent.

mod client_support;

use client_support::Script;
use tokens_core::types::{FieldMask, TokenId};
use tokens_core::{ErrorKind, Operation, TokenUpdate};

fn mask_of(update: &TokenUpdate) -> String {
    update.field_mask().unwrap().to_string()
}

#[test]
fn mask_names_only_the_comment_when_only_the_comment_is_set() {
    assert_eq!(mask_of(&TokenUpdate::new().with_comment("x")), "comment");
}

#[test]
fn mask_names_only_the_scopes_when_only_the_scopes_are_set() {
    assert_eq!(mask_of(&TokenUpdate::new().with_scopes(["sql"])), "scopes");
}

#[test]
fn mask_lists_comment_then_scopes_whatever_the_order_they_were_set() {
    let update = TokenUpdate::new().with_scopes(["sql"]).with_comment("x");
    assert_eq!(mask_of(&update), "comment,scopes");
}

#[test]
fn empty_scopes_count_as_set() {
    let update = TokenUpdate::new().with_scopes(Vec::<String>::new());
    assert_eq!(mask_of(&update), "scopes");
}

#[test]
fn an_explicit_mask_wins_over_derivation() {
    let update = TokenUpdate::new()
        .with_comment("x")
        .with_mask(FieldMask::parse("comment,scopes").unwrap());
    assert_eq!(mask_of(&update), "comment,scopes");
}

#[test]
fn the_wildcard_mask_is_allowed() {
    let update = TokenUpdate::new()
        .with_comment("x")
        .with_mask(FieldMask::wildcard());
    assert_eq!(mask_of(&update), "*");
}

#[test]
fn an_update_without_fields_or_mask_is_invalid() {
    let err = TokenUpdate::new().field_mask().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidRequest);
    assert!(err.message().contains("changes no field"));
}

#[test]
fn a_mask_naming_a_non_updatable_path_is_invalid() {
    for path in [
        "token_id",
        "creation_time",
        "expiry_time",
        "autoscope_state",
        "unknown",
    ] {
        let update = TokenUpdate::new().with_mask(FieldMask::parse(path).unwrap());
        let err = update.field_mask().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidRequest, "{path}");
        assert!(err.message().contains(path), "{path}: {}", err.message());
    }
}

#[test]
fn a_set_field_left_out_of_an_explicit_mask_is_invalid() {
    let update = TokenUpdate::new()
        .with_comment("x")
        .with_mask(FieldMask::parse("scopes").unwrap());
    let err = update.field_mask().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidRequest);
    assert!(err.message().contains("`comment` is set"));
}

#[tokio::test]
async fn an_explicit_mask_may_clear_a_field_by_naming_it_unset() {
    let script = Script::new();
    script.reply(200, "{}");
    let update = TokenUpdate::new().with_mask(FieldMask::parse("scopes").unwrap());

    script
        .client()
        .update(&TokenId::new("ab12"), update)
        .await
        .unwrap();

    assert_eq!(
        script.only_request().body_text(),
        r#"{"token":{},"update_mask":"scopes"}"#
    );
}

#[tokio::test]
async fn an_invalid_update_sends_nothing() {
    let script = Script::new();
    let client = script.client();

    let empty = client
        .update(&TokenId::new("ab12"), TokenUpdate::new())
        .await;
    let bad_mask = client
        .update(
            &TokenId::new("ab12"),
            TokenUpdate::new().with_mask(FieldMask::parse("token_id").unwrap()),
        )
        .await;

    for err in [empty.unwrap_err(), bad_mask.unwrap_err()] {
        assert_eq!(err.kind(), ErrorKind::InvalidRequest);
        assert_eq!(err.operation(), Some(Operation::UPDATE));
    }
    assert!(script.requests().is_empty());
}

#[tokio::test]
async fn an_empty_token_id_is_refused_before_sending() {
    let script = Script::new();
    let client = script.client();

    let update = client
        .update(&TokenId::new(""), TokenUpdate::new().with_comment("x"))
        .await
        .unwrap_err();
    let delete = client.delete(&TokenId::new("  ")).await.unwrap_err();

    assert_eq!(update.kind(), ErrorKind::InvalidRequest);
    assert_eq!(delete.kind(), ErrorKind::InvalidRequest);
    assert!(script.requests().is_empty());
}
