//! `tokens update`.

use crate::support::Harness;
use tokens_emulator::Route;

#[tokio::test]
async fn update_changes_the_comment_and_scopes() {
    let harness = Harness::start().await;
    let (id, _) = harness
        .create_token(&["--comment", "old", "--scope", "sql"])
        .await;

    let run = harness
        .run(&[
            "update",
            &id,
            "--comment",
            "new",
            "--scope",
            "unity-catalog:read",
        ])
        .await
        .success();

    assert_eq!(run.stdout, format!("Updated token {id}: comment,scopes\n"));
    let listed = harness.list_json().await;
    assert_eq!(listed[0]["comment"], "new");
    assert_eq!(
        listed[0]["scopes"],
        serde_json::json!(["unity-catalog:read"])
    );
}

#[tokio::test]
async fn clear_scopes_removes_every_scope() {
    let harness = Harness::start().await;
    let (id, _) = harness.create_token(&["--scope", "sql"]).await;

    harness
        .run(&["update", &id, "--clear-scopes"])
        .await
        .success();

    let scopes = &harness.list_json().await[0]["scopes"];
    assert!(
        scopes.is_null() || scopes == &serde_json::json!([]),
        "scopes: {scopes}"
    );
}

#[tokio::test]
async fn update_json_is_the_api_reply() {
    let harness = Harness::start().await;
    let (id, _) = harness.create_token(&[]).await;

    let run = harness
        .run(&["update", &id, "--comment", "x", "-o", "json"])
        .await
        .success();

    assert_eq!(run.json(), serde_json::json!({}));
}

#[tokio::test]
async fn nothing_to_change_is_a_usage_error() {
    let harness = Harness::start().await;
    let (id, _) = harness.create_token(&[]).await;

    let run = harness.run(&["update", &id]).await.exits(2);

    assert!(
        run.stderr.contains("nothing to change"),
        "stderr: {}",
        run.stderr
    );
    assert_eq!(harness.emulator().stats().requests(Route::Update), 0);
}

#[tokio::test]
async fn mask_that_leaves_out_a_flag_is_a_usage_error() {
    let harness = Harness::start().await;
    let (id, _) = harness.create_token(&[]).await;

    let run = harness
        .run(&["update", &id, "--comment", "x", "--update-mask", "scopes"])
        .await
        .exits(2);

    assert!(
        run.stderr.contains("does not name `comment`"),
        "stderr: {}",
        run.stderr
    );
}

#[tokio::test]
async fn update_of_an_unknown_token_exits_1_with_the_error_code() {
    let harness = Harness::start().await;

    let run = harness
        .run(&["update", "deadbeef", "--comment", "x"])
        .await
        .exits(1);

    assert!(run.stderr.contains("NOT_FOUND"), "stderr: {}", run.stderr);
}

#[tokio::test]
async fn explicit_mask_clears_a_field_without_a_flag() {
    let harness = Harness::start().await;
    let (id, _) = harness
        .create_token(&["--comment", "to be cleared", "--scope", "sql"])
        .await;

    let run = harness
        .run(&["update", &id, "--update-mask", "comment"])
        .await
        .success();

    assert_eq!(run.stdout, format!("Updated token {id}: comment\n"));
    let token = &harness.list_json().await[0];
    let comment = &token["comment"];
    assert!(comment.is_null() || comment == "", "comment: {comment}");
    assert_eq!(token["scopes"], serde_json::json!(["sql"]));
}
