//! `tokens rotate`.

use crate::support::Harness;
use tokens_emulator::{FaultRule, Route};

#[tokio::test]
async fn rotate_replaces_the_token_with_a_like_successor() {
    let harness = Harness::start().await;
    let (old, old_secret) = harness
        .create_token(&["--comment", "deploy", "--scope", "sql", "--lifetime", "45d"])
        .await;

    let run = harness.run(&["rotate", &old]).await.success();

    let listed = harness.list_json().await;
    assert_eq!(listed.len(), 1, "only the successor is left");
    let new = &listed[0];
    assert_ne!(new["token_id"], old.as_str());
    assert_eq!(new["comment"], "deploy");
    assert_eq!(new["scopes"], serde_json::json!(["sql"]));
    let lifetime_ms = new["expiry_time"].as_i64().expect("expiry")
        - new["creation_time"].as_i64().expect("creation");
    assert_eq!(lifetime_ms, 45 * 86_400_000);

    let new_id = new["token_id"].as_str().expect("id");
    assert!(run.stdout.contains(&format!("Created token {new_id}")));
    assert!(run.stdout.contains("This secret will not be shown again"));
    assert!(
        run.stdout
            .contains(&format!("Revoked the old token {old}."))
    );
    assert!(!run.stdout.contains(&old_secret));
}

#[tokio::test]
async fn lifetime_flag_overrides_the_old_lifetime() {
    let harness = Harness::start().await;
    let (old, _) = harness.create_token(&["--lifetime", "45d"]).await;

    harness
        .run(&["rotate", &old, "--lifetime", "2h"])
        .await
        .success();

    let new = &harness.list_json().await[0];
    let lifetime_ms = new["expiry_time"].as_i64().expect("expiry")
        - new["creation_time"].as_i64().expect("creation");
    assert_eq!(lifetime_ms, 2 * 3_600_000);
}

#[tokio::test]
async fn rotate_json_is_the_create_reply_of_the_successor() {
    let harness = Harness::start().await;
    let (old, _) = harness.create_token(&["--comment", "deploy"]).await;

    let run = harness.run(&["rotate", &old, "-o", "json"]).await.success();

    let reply = run.json();
    assert_eq!(reply["token_info"]["comment"], "deploy");
    assert!(
        reply["token_value"]
            .as_str()
            .is_some_and(|s| s.starts_with("dapi"))
    );
}

#[tokio::test]
async fn failed_revoke_keeps_the_new_secret_and_says_what_to_do() {
    let harness = Harness::start().await;
    let (old, _) = harness.create_token(&["--comment", "deploy"]).await;
    harness
        .emulator()
        .faults()
        .push(FaultRule::status(Some(Route::Delete), 403).times(1));

    let run = harness.run(&["rotate", &old]).await.exits(1);

    let secret = run
        .stdout
        .lines()
        .map(str::trim)
        .find(|line| line.starts_with("dapi"))
        .expect("the new secret was printed");
    assert_eq!(secret.len(), 36);
    assert!(run.stderr.contains("NOT revoked"), "stderr: {}", run.stderr);
    assert!(
        run.stderr.contains(&format!("tokens delete {old}")),
        "stderr: {}",
        run.stderr
    );
    assert_eq!(harness.list_json().await.len(), 2, "both tokens are live");
}

#[tokio::test]
async fn rotating_an_unknown_token_changes_nothing() {
    let harness = Harness::start().await;

    let run = harness.run(&["rotate", "deadbeef"]).await.exits(1);

    assert!(
        run.stderr.contains("not among your tokens"),
        "stderr: {}",
        run.stderr
    );
    assert_eq!(harness.emulator().stats().requests(Route::Create), 0);
}

#[tokio::test]
async fn lost_successor_reply_exits_3_and_keeps_the_old_token() {
    let harness = Harness::start().await;
    let (old, _) = harness.create_token(&[]).await;
    harness
        .emulator()
        .faults()
        .push(FaultRule::close_after_acting(Some(Route::Create)).times(1));

    let run = harness.run(&["rotate", &old]).await.exits(3);

    assert!(run.stderr.contains("tokens list"), "stderr: {}", run.stderr);
    assert!(run.stderr.contains(&format!("token {old} was not revoked")));
    let ids: Vec<String> = harness
        .list_json()
        .await
        .iter()
        .filter_map(|t| t["token_id"].as_str().map(str::to_owned))
        .collect();
    assert!(ids.contains(&old));
    assert_eq!(ids.len(), 2, "the old token and the orphan");
}

#[tokio::test]
async fn never_expiring_token_is_rotated_with_a_note() {
    let harness =
        Harness::start_with(tokens_emulator::Emulator::builder().legacy_never_expire(true)).await;
    let (old, _) = harness.create_token(&["--comment", "legacy"]).await;

    let run = harness.run(&["rotate", &old]).await.success();

    assert!(
        run.stderr.starts_with("note: the old token never expires"),
        "stderr: {}",
        run.stderr
    );
    let listed = harness.list_json().await;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["comment"], "legacy");
    // In a workspace where an absent lifetime means "never", so does the successor's.
    assert_eq!(listed[0]["expiry_time"], -1);
}
