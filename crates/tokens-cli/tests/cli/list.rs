//! `tokens list`.

use crate::support::Harness;
use tokens_emulator::{FaultRule, Route};

#[tokio::test]
async fn empty_list_says_so() {
    let harness = Harness::start().await;

    let run = harness.run(&["list"]).await.success();

    assert_eq!(run.stdout, "No tokens.\n");
}

#[tokio::test]
async fn table_shows_each_token_and_marks_those_expiring_within_a_week() {
    let harness = Harness::start().await;
    let (soon, _) = harness
        .create_token(&["--comment", "short", "--lifetime", "3d"])
        .await;
    let (later, _) = harness
        .create_token(&["--comment", "long", "--lifetime", "90d", "--scope", "sql"])
        .await;

    let run = harness.run(&["list"]).await.success();

    let lines: Vec<&str> = run.stdout.lines().collect();
    let header = lines[0];
    for column in ["ID", "COMMENT", "CREATED", "EXPIRES", "SCOPES"] {
        assert!(header.contains(column), "header misses {column}: {header}");
    }
    let soon_row = lines
        .iter()
        .find(|l| l.contains(&soon))
        .expect("row of the short token");
    let later_row = lines
        .iter()
        .find(|l| l.contains(&later))
        .expect("row of the long token");
    assert!(soon_row.starts_with("! "), "{soon_row}");
    assert!(
        soon_row.contains("short") && soon_row.contains("in 3 days"),
        "{soon_row}"
    );
    assert!(later_row.starts_with("  "), "{later_row}");
    assert!(
        later_row.contains("in 90 days") && later_row.contains("sql"),
        "{later_row}"
    );
    assert!(later_row.contains(" UTC "), "created column: {later_row}");
    assert!(run.stdout.contains("! expires within 7 days"));
}

#[tokio::test]
async fn json_is_the_api_list_reply() {
    let harness = Harness::start().await;
    let (id, secret) = harness.create_token(&["--comment", "ci"]).await;

    let run = harness.run(&["-o", "json", "list"]).await.success();

    let reply = run.json();
    let infos = reply["token_infos"].as_array().expect("token_infos");
    assert_eq!(infos.len(), 1);
    assert_eq!(infos[0]["token_id"], id.as_str());
    assert_eq!(infos[0]["comment"], "ci");
    assert!(infos[0]["creation_time"].is_i64());
    assert!(!run.stdout.contains(&secret));
}

#[tokio::test]
async fn expiring_within_filters_the_list() {
    let harness = Harness::start().await;
    let (soon, _) = harness.create_token(&["--lifetime", "2d"]).await;
    harness.create_token(&["--lifetime", "60d"]).await;

    let run = harness
        .run(&["list", "--expiring-within", "7d", "-o", "json"])
        .await
        .success();

    let ids: Vec<String> = run.json()["token_infos"]
        .as_array()
        .expect("token_infos")
        .iter()
        .filter_map(|t| t["token_id"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(ids, [soon]);
}

#[tokio::test]
async fn timeout_bounds_the_whole_call() {
    let harness = Harness::start().await;
    harness.emulator().faults().push(FaultRule::latency(
        Some(Route::List),
        std::time::Duration::from_secs(30),
    ));

    let run = harness.run(&["list", "--timeout", "1s"]).await.exits(1);

    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("--timeout"), "stderr: {}", run.stderr);
}

#[tokio::test]
async fn never_expiring_token_reads_never_and_is_not_marked() {
    let harness =
        Harness::start_with(tokens_emulator::Emulator::builder().legacy_never_expire(true)).await;
    let (id, _) = harness.create_token(&["--comment", "legacy"]).await;

    let run = harness.run(&["list"]).await.success();

    let row = run
        .stdout
        .lines()
        .find(|l| l.contains(&id))
        .expect("row of the token");
    assert!(row.starts_with("  "), "{row}");
    assert!(row.contains(" never "), "{row}");
    assert!(!run.stdout.contains("expires within 7 days"));
}
