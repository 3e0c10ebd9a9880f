//! `tokens create`.

use crate::support::Harness;
use tokens_emulator::{Emulator, FaultRule, Principal, Route};

#[tokio::test]
async fn create_prints_the_secret_once_with_a_notice() {
    let harness = Harness::start().await;

    let run = harness
        .run(&[
            "create",
            "--comment",
            "ci deploy",
            "--lifetime",
            "30d",
            "--scope",
            "sql",
        ])
        .await
        .success();

    let secret_line = run
        .stdout
        .lines()
        .map(str::trim)
        .find(|line| line.starts_with("dapi"))
        .expect("the secret is printed");
    assert_eq!(secret_line.len(), 36);
    assert_eq!(run.stdout.matches(secret_line).count(), 1);
    assert!(run.stdout.starts_with("Created token "));
    assert!(run.stdout.contains("  comment: ci deploy\n"));
    assert!(run.stdout.contains("  expires: in 30 days ("));
    assert!(run.stdout.contains("  scopes:  sql\n"));
    assert!(run.stdout.contains("This secret will not be shown again"));
    assert!(run.stderr.is_empty(), "stderr: {}", run.stderr);
}

#[tokio::test]
async fn create_json_is_the_api_reply_and_the_token_is_listed() {
    let harness = Harness::start().await;

    let run = harness
        .run(&[
            "create",
            "-o",
            "json",
            "--comment",
            "ci",
            "--lifetime-seconds",
            "3600",
        ])
        .await
        .success();
    let reply = run.json();
    let info = &reply["token_info"];
    assert!(
        reply["token_value"]
            .as_str()
            .is_some_and(|s| s.starts_with("dapi"))
    );
    assert_eq!(info["comment"], "ci");
    let lifetime_ms = info["expiry_time"].as_i64().expect("expiry")
        - info["creation_time"].as_i64().expect("creation");
    assert_eq!(lifetime_ms, 3_600_000);

    let listed = harness.list_json().await;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["token_id"], info["token_id"]);
}

#[tokio::test]
async fn refused_create_exits_1_with_the_error_code() {
    let harness = Harness::start().await;

    let run = harness
        .run(&["create", "--lifetime", "1000d"])
        .await
        .exits(1);

    assert!(run.stdout.is_empty());
    assert!(run.stderr.starts_with("error: "), "stderr: {}", run.stderr);
    assert!(
        run.stderr.contains("INVALID_PARAMETER_VALUE"),
        "stderr: {}",
        run.stderr
    );
}

#[tokio::test]
async fn full_quota_exits_1_with_quota_exceeded_and_a_hint() {
    let harness = Harness::start_with(Emulator::builder().quota_per_user(1)).await;
    harness.create_token(&[]).await;

    let run = harness.run(&["create"]).await.exits(1);

    assert!(
        run.stderr.contains("QUOTA_EXCEEDED"),
        "stderr: {}",
        run.stderr
    );
    assert!(run.stderr.contains("hint: you have too many tokens"));
}

#[tokio::test]
async fn lost_create_reply_exits_3_and_says_to_list_and_revoke() {
    let harness = Harness::start().await;
    harness
        .emulator()
        .faults()
        .push(FaultRule::close_after_acting(Some(Route::Create)).times(1));

    let run = harness
        .run(&["create", "--comment", "orphan"])
        .await
        .exits(3);

    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("tokens list"), "stderr: {}", run.stderr);
    assert!(
        run.stderr.contains("tokens delete"),
        "stderr: {}",
        run.stderr
    );
    // The create reached the service once and was not sent again.
    assert_eq!(harness.emulator().token_count(&Principal::user("alice")), 1);
    assert_eq!(harness.emulator().stats().requests(Route::Create), 1);
}

#[tokio::test]
async fn empty_scope_is_a_usage_error() {
    let harness = Harness::start().await;

    let run = harness.run(&["create", "--scope", "sql,,x"]).await.exits(2);

    assert!(run.stderr.contains("a scope cannot be empty"));
    assert_eq!(harness.emulator().stats().requests(Route::Create), 0);
}
