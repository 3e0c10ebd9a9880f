//! `--verbose`: logs on stderr, never a secret.

use crate::support::{Harness, LOGIN_SECRET, run};

#[tokio::test]
async fn verbose_create_logs_to_stderr_without_any_secret() {
    let harness = Harness::start().await;

    let result = harness
        .run(&["create", "--verbose", "--comment", "ci"])
        .await
        .success();

    let secret = result
        .stdout
        .lines()
        .map(str::trim)
        .find(|line| line.starts_with("dapi"))
        .expect("the secret is on stdout");
    assert!(
        result.stderr.contains("creating a token"),
        "stderr: {}",
        result.stderr
    );
    assert!(
        !result.stderr.contains(secret),
        "the new secret leaked into the log"
    );
    assert!(
        !result.stderr.contains(LOGIN_SECRET),
        "the login secret leaked into the log"
    );
}

#[tokio::test]
async fn trace_level_logs_hold_no_secret_either() {
    let harness = Harness::start().await;
    let mut command = harness.command(&["-v", "-o", "json", "create"]);
    command.env("RUST_LOG", "trace");

    let result = run(command).await.success();

    let secret = result.json()["token_value"]
        .as_str()
        .expect("the reply has a secret")
        .to_owned();
    assert!(!result.stderr.is_empty());
    assert!(
        !result.stderr.contains(&secret),
        "the new secret leaked into the log"
    );
    assert!(
        !result.stderr.contains(LOGIN_SECRET),
        "the login secret leaked into the log"
    );
}

#[tokio::test]
async fn rust_log_filters_the_verbose_output() {
    let harness = Harness::start().await;
    let mut command = harness.command(&["-v", "list"]);
    command.env("RUST_LOG", "off");

    let result = run(command).await.success();

    assert!(result.stderr.is_empty(), "stderr: {}", result.stderr);
}

#[tokio::test]
async fn unreadable_rust_log_is_a_usage_error() {
    let harness = Harness::start().await;
    let mut command = harness.command(&["-v", "list"]);
    command.env("RUST_LOG", "tokens=loud");

    let result = run(command).await.exits(2);

    assert!(
        result.stderr.contains("RUST_LOG"),
        "stderr: {}",
        result.stderr
    );
}

#[tokio::test]
async fn quiet_run_writes_nothing_to_stderr() {
    let harness = Harness::start().await;

    let result = harness.run(&["list"]).await.success();

    assert!(result.stderr.is_empty(), "stderr: {}", result.stderr);
}
