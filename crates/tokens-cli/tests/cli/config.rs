//! Where the configuration comes from, and what happens when it is missing.

use crate::support::{Harness, LOGIN_SECRET, run};

#[tokio::test]
async fn missing_host_exits_2_naming_databricks_host() {
    let harness = Harness::start().await;
    let mut command = harness.bare_command(&["list"]);
    command.env("DATABRICKS_TOKEN", LOGIN_SECRET);

    let result = run(command).await.exits(2);

    assert!(result.stdout.is_empty());
    assert!(
        result.stderr.contains("DATABRICKS_HOST"),
        "stderr: {}",
        result.stderr
    );
    assert!(!result.stderr.contains(LOGIN_SECRET));
}

#[tokio::test]
async fn missing_credentials_exit_2_naming_databricks_token() {
    let harness = Harness::start().await;
    let mut command = harness.bare_command(&["list"]);
    command.env("DATABRICKS_HOST", harness.base_url());

    let result = run(command).await.exits(2);

    assert!(
        result.stderr.contains("DATABRICKS_TOKEN"),
        "stderr: {}",
        result.stderr
    );
}

#[tokio::test]
async fn host_flag_stands_in_for_the_variable() {
    let harness = Harness::start().await;
    let base_url = harness.base_url();
    let mut command = harness.bare_command(&["--host", &base_url, "list"]);
    command.env("DATABRICKS_TOKEN", LOGIN_SECRET);

    run(command).await.success();
}

#[tokio::test]
async fn named_profile_of_the_config_file_is_used() {
    let harness = Harness::start().await;
    let config = format!(
        "[DEFAULT]\nhost = http://127.0.0.1:9\n\n[work]\nhost = {}\ntoken = {LOGIN_SECRET}\n",
        harness.base_url()
    );
    std::fs::write(harness.home().join(".databrickscfg"), config).expect("config written");

    let result = run(harness.bare_command(&["--profile", "work", "list"]))
        .await
        .success();

    assert_eq!(result.stdout, "No tokens.\n");
}

#[tokio::test]
async fn unknown_profile_exits_2_naming_it() {
    let harness = Harness::start().await;
    std::fs::write(
        harness.home().join(".databrickscfg"),
        "[DEFAULT]\nhost = x\n",
    )
    .expect("config written");

    let result = run(harness.bare_command(&["--profile", "nosuch", "list"]))
        .await
        .exits(2);

    assert!(
        result.stderr.contains("nosuch"),
        "stderr: {}",
        result.stderr
    );
}

#[tokio::test]
async fn refused_credential_exits_1_without_echoing_it() {
    let harness = Harness::start().await;
    let wrong = "dapiffffffffffffffffffffffffffffffff";
    let mut command = harness.bare_command(&["list"]);
    command
        .env("DATABRICKS_HOST", harness.base_url())
        .env("DATABRICKS_TOKEN", wrong);

    let result = run(command).await.exits(1);

    assert!(result.stderr.contains("403"), "stderr: {}", result.stderr);
    assert!(result.stderr.contains("hint:"), "stderr: {}", result.stderr);
    assert!(!result.stderr.contains(wrong));
}

#[tokio::test]
async fn service_principal_credentials_from_the_environment_work() {
    let client_secret = "sp-secret-0123456789";
    let harness = Harness::start_with(tokens_emulator::Emulator::builder().service_principal(
        "ci-robot",
        databricks_tokens::types::Secret::new(client_secret),
    ))
    .await;
    let mut command = harness.bare_command(&["-v", "create", "--comment", "robot"]);
    command
        .env("DATABRICKS_HOST", harness.base_url())
        .env("DATABRICKS_CLIENT_ID", "ci-robot")
        .env("DATABRICKS_CLIENT_SECRET", client_secret);

    let result = run(command).await.success();

    assert!(result.stdout.contains("  comment: robot\n"));
    assert!(
        !result.stderr.contains(client_secret),
        "the client secret leaked into the log"
    );
}
