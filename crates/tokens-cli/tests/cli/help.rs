//! `--help`, usage errors and shell completion.

use crate::support::{Harness, run};

#[tokio::test]
async fn help_lists_every_command_global_options_and_exit_codes() {
    let harness = Harness::start().await;

    let result = run(harness.bare_command(&["--help"])).await.success();

    let help = &result.stdout;
    assert!(help.starts_with("Manage Databricks personal access tokens"));
    for command in ["create", "list", "update", "delete", "rotate", "completion"] {
        assert!(
            help.contains(&format!("\n  {command} ")),
            "help misses {command}"
        );
    }
    for flag in ["--host", "--profile", "--output", "--timeout", "--verbose"] {
        assert!(help.contains(flag), "help misses {flag}");
    }
    assert!(help.contains("Exit codes:\n  0  success"));
    assert!(help.contains("3  outcome unknown"));
}

#[tokio::test]
async fn each_command_has_help_naming_its_flags() {
    let harness = Harness::start().await;
    let cases: [(&str, &[&str]); 5] = [
        (
            "create",
            &[
                "--comment",
                "--lifetime",
                "--lifetime-seconds",
                "--scope",
                "--autoscope",
            ],
        ),
        ("list", &["--expiring-within"]),
        (
            "update",
            &["--comment", "--scope", "--clear-scopes", "--update-mask"],
        ),
        ("delete", &["--if-exists", "<TOKEN_ID>..."]),
        ("rotate", &["--lifetime", "<TOKEN_ID>"]),
    ];
    for (command, flags) in cases {
        let result = run(harness.bare_command(&[command, "--help"]))
            .await
            .success();
        assert!(result.stdout.contains("Global options:"), "{command} help");
        for flag in flags {
            assert!(result.stdout.contains(flag), "{command} help misses {flag}");
        }
    }
}

#[tokio::test]
async fn no_command_prints_usage_and_exits_2() {
    let harness = Harness::start().await;

    let result = run(harness.bare_command(&[])).await.exits(2);

    assert!(result.stderr.contains("Usage: tokens"));
    assert!(result.stdout.is_empty());
}

#[tokio::test]
async fn bad_duration_is_a_usage_error_that_says_why() {
    let harness = Harness::start().await;

    let result = harness.run(&["list", "--timeout", "3x"]).await.exits(2);

    assert!(
        result.stderr.contains("`x` in `3x` is not a unit of time"),
        "{}",
        result.stderr
    );
}

#[tokio::test]
async fn completion_scripts_are_printed_for_each_shell() {
    let harness = Harness::start().await;
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let result = run(harness.bare_command(&["completion", shell]))
            .await
            .success();
        assert!(
            result.stdout.contains("rotate"),
            "{shell} script misses rotate"
        );
        assert!(result.stderr.is_empty());
    }
}
