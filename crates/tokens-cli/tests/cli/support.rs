//! Starting an emulator and running `tokens` against it.

use databricks_tokens::types::Secret;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};
use tokens_emulator::{EmulatorBuilder, RunningEmulator};

/// The login secret of the emulator's user `alice`.
pub(crate) const LOGIN_SECRET: &str = "dapi00112233445566778899aabbccddeeff";

/// A directory under the system's temporary directory, removed when dropped.
#[derive(Debug)]
pub(crate) struct TempHome {
    path: PathBuf,
}

impl TempHome {
    fn new() -> TempHome {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "tokens-cli-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let path = std::env::temp_dir().join(name);
        std::fs::create_dir_all(&path).expect("the temporary directory can be created");
        TempHome { path }
    }

    /// The directory.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for TempHome {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// An emulator with the user `alice`, and a home directory without a config file.
pub(crate) struct Harness {
    emulator: RunningEmulator,
    home: TempHome,
}

impl Harness {
    /// Starts an emulator with default settings.
    pub(crate) async fn start() -> Harness {
        Harness::start_with(tokens_emulator::Emulator::builder()).await
    }

    /// Starts an emulator from `builder`, adding the user `alice`.
    pub(crate) async fn start_with(builder: EmulatorBuilder) -> Harness {
        let emulator = builder
            .user("alice", Secret::new(LOGIN_SECRET))
            .start("127.0.0.1:0")
            .await
            .expect("the emulator starts");
        Harness {
            emulator,
            home: TempHome::new(),
        }
    }

    /// The running emulator, for faults and counts.
    pub(crate) fn emulator(&self) -> &RunningEmulator {
        &self.emulator
    }

    /// The emulator's URL.
    pub(crate) fn base_url(&self) -> String {
        self.emulator.base_url()
    }

    /// The temporary home directory of the child process.
    pub(crate) fn home(&self) -> &Path {
        self.home.path()
    }

    /// `tokens ARGS` with a cleared environment: `HOME` and nothing else.
    pub(crate) fn bare_command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_tokens"));
        command.args(args).env_clear().env("HOME", self.home());
        command
    }

    /// `tokens ARGS` configured for `alice` through `DATABRICKS_HOST` and `DATABRICKS_TOKEN`.
    pub(crate) fn command(&self, args: &[&str]) -> Command {
        let mut command = self.bare_command(args);
        command
            .env("DATABRICKS_HOST", self.base_url())
            .env("DATABRICKS_TOKEN", LOGIN_SECRET);
        command
    }

    /// Runs `tokens ARGS` as `alice`.
    pub(crate) async fn run(&self, args: &[&str]) -> Run {
        run(self.command(args)).await
    }

    /// Creates a token with `args` added to `create -o json`, and returns its id and secret.
    pub(crate) async fn create_token(&self, args: &[&str]) -> (String, String) {
        let mut line = vec!["create", "-o", "json"];
        line.extend_from_slice(args);
        let reply = self.run(&line).await.success().json();
        let id = reply["token_info"]["token_id"]
            .as_str()
            .expect("the reply has an id")
            .to_owned();
        let secret = reply["token_value"]
            .as_str()
            .expect("the reply has a secret")
            .to_owned();
        (id, secret)
    }

    /// The `token_infos` of `list -o json`.
    pub(crate) async fn list_json(&self) -> Vec<Value> {
        let reply = self.run(&["list", "-o", "json"]).await.success().json();
        reply["token_infos"]
            .as_array()
            .expect("token_infos is an array")
            .clone()
    }
}

/// Runs a prepared command off the runtime's thread, so the emulator keeps serving.
pub(crate) async fn run(mut command: Command) -> Run {
    let output = tokio::task::spawn_blocking(move || command.output())
        .await
        .expect("the blocking task completes")
        .expect("the tokens binary runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// What a run of `tokens` left behind.
#[derive(Debug)]
pub(crate) struct Run {
    /// The exit code (`None` if killed by a signal).
    pub(crate) code: Option<i32>,
    /// Everything on stdout.
    pub(crate) stdout: String,
    /// Everything on stderr.
    pub(crate) stderr: String,
}

impl Run {
    /// Asserts exit code 0, showing stderr otherwise.
    #[track_caller]
    pub(crate) fn success(self) -> Run {
        assert_eq!(
            self.code,
            Some(0),
            "expected success; stderr:\n{}",
            self.stderr
        );
        self
    }

    /// Asserts exit code `code`, showing both outputs otherwise.
    #[track_caller]
    pub(crate) fn exits(self, code: i32) -> Run {
        assert_eq!(
            self.code,
            Some(code),
            "expected exit {code}; stdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    /// stdout parsed as one JSON document.
    #[track_caller]
    pub(crate) fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).expect("stdout is one JSON document")
    }
}
