//! The README's main command, `cargo run --example quickstart`, run as a process: against a
//! workspace given by the environment, against its own emulator, and failing.
//!
//! The example is built by `cargo test` (not by `cargo test --test e2e` alone); when its
//! binary is missing these tests say so and pass without running it.

use crate::support::Harness;
use databricks_tokens::emulator::Route;
use std::path::PathBuf;
use std::process::{Command, Output};

/// `target/<profile>/examples/quickstart`, next to this test's `deps` directory.
fn quickstart_binary() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let profile_dir = exe.parent()?.parent()?;
    let path = profile_dir
        .join("examples")
        .join(format!("quickstart{}", std::env::consts::EXE_SUFFIX));
    path.exists().then_some(path)
}

/// Runs the quickstart with only `vars` in its environment (no proxy, no home config).
async fn run_quickstart(vars: Vec<(&'static str, String)>) -> Option<Output> {
    run_quickstart_with(vars, Stdout::Captured).await
}

/// Where the quickstart's stdout goes.
enum Stdout {
    /// Into [`Output::stdout`].
    Captured,
    /// Into a pipe whose reading end is closed before the process starts, so every write
    /// fails with a broken pipe.
    Closed,
}

async fn run_quickstart_with(vars: Vec<(&'static str, String)>, stdout: Stdout) -> Option<Output> {
    let Some(binary) = quickstart_binary() else {
        eprintln!("skipped: the quickstart example is not built (run `cargo test`)");
        return None;
    };
    let home = std::env::temp_dir().join(format!("quickstart-home-{}", std::process::id()));
    std::fs::create_dir_all(&home).expect("a temporary home");
    let output = tokio::task::spawn_blocking(move || {
        let mut command = Command::new(binary);
        command.env_clear().env("HOME", &home).envs(vars);
        if let Stdout::Closed = stdout {
            let (reader, writer) = std::io::pipe().expect("a pipe");
            drop(reader);
            command.stdout(writer);
        }
        command.output().expect("the quickstart runs")
    })
    .await
    .expect("no panic");
    Some(output)
}

/// The environment that names the harness's emulator as the workspace, with its login.
fn workspace_of(harness: &Harness) -> Vec<(&'static str, String)> {
    vec![
        ("DATABRICKS_HOST", harness.emulator.base_url()),
        ("DATABRICKS_TOKEN", harness.login.expose_secret().to_owned()),
    ]
}

fn holds_a_pat(text: &str) -> bool {
    text.match_indices("dapi").any(|(at, _)| {
        let rest = &text.as_bytes()[at + 4..];
        rest.len() >= 32 && rest[..32].iter().all(u8::is_ascii_hexdigit)
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quickstart_runs_the_lifecycle_against_the_configured_workspace() {
    let harness = Harness::start().await;
    let vars = workspace_of(&harness);
    let Some(output) = run_quickstart(vars).await else {
        return;
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);

    assert!(output.status.success(), "{stdout}\n{stderr}");
    let host = format!("Using the workspace at {}", harness.emulator.base_url());
    for expected in [
        host.as_str(),
        "1. Created a token",
        "comment: sdk-",
        "expires: in 5 minutes",
        "secret:  dapi…",
        "2. Listed 1 token",
        "<- the token created above",
        "3. Updated the comment",
        "-updated",
        "4. Deleted the token",
        "listed afterwards: no",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in:\n{stdout}"
        );
    }
    assert!(
        !holds_a_pat(&stdout),
        "a whole secret was printed:\n{stdout}"
    );
    for route in [Route::Create, Route::Update, Route::Delete] {
        assert_eq!(harness.emulator.stats().requests(route), 1, "{route}");
    }
    assert_eq!(
        harness.token_count(),
        0,
        "the quickstart leaves no token behind"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quickstart_without_a_workspace_starts_the_emulator_and_says_so() {
    let Some(output) = run_quickstart(Vec::new()).await else {
        return;
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.contains("uses the Token API emulator"), "{stdout}");
    assert!(stdout.contains("4. Deleted the token"), "{stdout}");
    assert!(
        !holds_a_pat(&stdout),
        "a whole secret was printed:\n{stdout}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quickstart_failure_exits_non_zero_with_kind_code_and_message() {
    let harness = Harness::start().await;
    let vars = vec![
        ("DATABRICKS_HOST", harness.emulator.base_url()),
        (
            "DATABRICKS_TOKEN",
            "dapiffffffffffffffffffffffffffffffff".to_owned(),
        ),
    ];
    let Some(output) = run_quickstart(vars).await else {
        return;
    };
    let stderr = String::from_utf8_lossy(&output.stderr);

    assert_eq!(output.status.code(), Some(1), "{stderr}");
    for expected in [
        "error: could not create a token",
        "kind:    permission_denied",
        "code:    403 (HTTP 403)",
        "message: Invalid access token.",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
    assert!(
        !stderr.contains("dapiffff"),
        "the credential was printed:\n{stderr}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quickstart_with_a_closed_stdout_still_deletes_its_token_and_exits_zero() {
    let harness = Harness::start().await;
    let vars = workspace_of(&harness);
    let Some(output) = run_quickstart_with(vars, Stdout::Closed).await else {
        return;
    };
    let stderr = String::from_utf8_lossy(&output.stderr);

    assert!(output.status.success(), "{:?}\n{stderr}", output.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(harness.emulator.stats().requests(Route::Delete), 1);
    assert_eq!(
        harness.token_count(),
        0,
        "the quickstart leaves no token behind"
    );
}
