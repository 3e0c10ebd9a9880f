//! `tokens delete`.

use crate::support::Harness;

#[tokio::test]
async fn several_tokens_are_deleted_at_once() {
    let harness = Harness::start().await;
    let (a, _) = harness.create_token(&[]).await;
    let (b, _) = harness.create_token(&[]).await;
    let (keep, _) = harness.create_token(&[]).await;

    let run = harness.run(&["delete", &a, &b]).await.success();

    assert_eq!(
        run.stdout,
        format!("Deleted token {a}\nDeleted token {b}\n")
    );
    let listed = harness.list_json().await;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["token_id"], keep.as_str());
}

#[tokio::test]
async fn unknown_id_exits_1_naming_it_and_the_error_code() {
    let harness = Harness::start().await;
    let (a, _) = harness.create_token(&[]).await;

    let run = harness.run(&["delete", "deadbeef", &a]).await.exits(1);

    assert!(
        run.stderr.contains("token deadbeef"),
        "stderr: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains("RESOURCE_DOES_NOT_EXIST"),
        "stderr: {}",
        run.stderr
    );
    assert_eq!(run.stdout, format!("Deleted token {a}\n"));
}

#[tokio::test]
async fn if_exists_makes_an_unknown_id_a_success() {
    let harness = Harness::start().await;

    let run = harness
        .run(&["delete", "--if-exists", "deadbeef"])
        .await
        .success();

    assert!(run.stdout.contains("does not exist; nothing to delete"));
    assert!(run.stderr.is_empty(), "stderr: {}", run.stderr);
}

#[tokio::test]
async fn json_prints_the_api_reply_per_token() {
    let harness = Harness::start().await;
    let (a, _) = harness.create_token(&[]).await;

    let run = harness.run(&["delete", &a, "-o", "json"]).await.success();

    assert_eq!(run.json(), serde_json::json!({}));
}
