//! The `tokens-emulator` binary: its first stdout line, its flags, its start-up errors.

mod support;

use std::process::Stdio;
use std::time::Duration;
use support::call;
use tokio::io::{AsyncBufReadExt as _, BufReader, Lines};
use tokio::process::{ChildStdout, Command};

const BIN: &str = env!("CARGO_BIN_EXE_tokens-emulator");

async fn next_line(lines: &mut Lines<BufReader<ChildStdout>>) -> String {
    tokio::time::timeout(Duration::from_secs(30), lines.next_line())
        .await
        .expect("a line within 30 s")
        .expect("read stdout")
        .expect("a line")
}

fn command(args: &[&str]) -> Command {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    command
}

#[tokio::test]
async fn first_line_announces_the_url_and_default_user_secret_works() {
    let mut child = command(&["--listen", "127.0.0.1:0"]).spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = next_line(&mut lines).await;
    let host_port = first
        .strip_prefix("listening on http://127.0.0.1:")
        .expect(&first);
    assert!(
        host_port.parse::<u16>().is_ok_and(|port| port > 0),
        "{first}"
    );
    let addr = first
        .strip_prefix("listening on http://")
        .unwrap()
        .parse()
        .unwrap();

    let second = next_line(&mut lines).await;
    let secret = second
        .strip_prefix("user emulator-user secret ")
        .expect(&second);
    assert_eq!(
        call(addr, "GET", "/api/2.0/token/list", Some(secret), None)
            .await
            .status,
        200
    );
    child.start_kill().unwrap();
    let _ = child.wait().await;
}

#[tokio::test]
async fn seeded_users_faults_and_quota_flags_apply() {
    let user = "alice=dapi00000000000000000000000000000a11";
    let mut child = command(&[
        "--user",
        user,
        "--fault",
        "route=list,status=503,times=1",
        "--quota",
        "1",
    ])
    .spawn()
    .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = next_line(&mut lines).await;
    let addr = first
        .strip_prefix("listening on http://")
        .unwrap()
        .parse()
        .unwrap();
    let secret = Some("dapi00000000000000000000000000000a11");
    assert_eq!(
        call(addr, "GET", "/api/2.0/token/list", secret, None)
            .await
            .status,
        503
    );
    assert_eq!(
        call(addr, "GET", "/api/2.0/token/list", secret, None)
            .await
            .status,
        200
    );
    assert_eq!(
        call(addr, "POST", "/api/2.0/token/create", secret, Some("{}"))
            .await
            .status,
        200
    );
    let over = call(addr, "POST", "/api/2.0/token/create", secret, Some("{}")).await;
    assert_eq!(over.error_code(), "QUOTA_EXCEEDED");
    child.start_kill().unwrap();
    let _ = child.wait().await;
}

async fn failure(args: &[&str]) -> String {
    let output = tokio::time::timeout(Duration::from_secs(30), command(args).output())
        .await
        .expect("exits within 30 s")
        .unwrap();
    assert!(!output.status.success(), "{args:?} should fail");
    assert!(
        output.stdout.is_empty(),
        "nothing on stdout when start-up fails"
    );
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[tokio::test]
async fn a_malformed_user_secret_fails_without_echoing_it() {
    let stderr = failure(&["--user", "alice=dapiNOTHEX-super-secret-value-000000"]).await;
    assert!(
        stderr.contains("dapi") && stderr.contains("32 lowercase hex"),
        "{stderr}"
    );
    assert!(!stderr.contains("super-secret"), "{stderr}");
    let stderr = failure(&["--user", "no-equals-sign-secret"]).await;
    assert!(
        stderr.contains("NAME=SECRET") && !stderr.contains("no-equals-sign-secret"),
        "{stderr}"
    );
}

#[tokio::test]
async fn a_bad_fault_rule_fails_with_the_reason() {
    let stderr = failure(&["--fault", "route=create,status=999"]).await;
    assert!(stderr.contains("status must be"), "{stderr}");
}

#[tokio::test]
async fn an_unusable_listen_address_fails() {
    let stderr = failure(&["--listen", "not-an-address"]).await;
    assert!(stderr.contains("cannot listen"), "{stderr}");
}

#[tokio::test]
async fn logs_never_contain_a_secret_even_at_trace_level() {
    let user_secret = "dapi00000000000000000000000000000a11";
    let mut child = command(&[
        "--user",
        &format!("alice={user_secret}"),
        "--service-principal",
        "sp=sp-secret-value",
    ])
    .env("RUST_LOG", "trace")
    .spawn()
    .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = next_line(&mut lines).await;
    let addr = first
        .strip_prefix("listening on http://")
        .unwrap()
        .parse()
        .unwrap();
    let created = call(
        addr,
        "POST",
        "/api/2.0/token/create",
        Some(user_secret),
        Some("{}"),
    )
    .await;
    let minted = created.json()["token_value"].as_str().unwrap().to_owned();
    call(addr, "GET", "/api/2.0/token/list", Some(&minted), None).await;
    call(
        addr,
        "GET",
        "/api/2.0/token/list",
        Some("dapi0123456789abcdef0123456789abcdef"),
        None,
    )
    .await;
    child.start_kill().unwrap();
    let output = child.wait_with_output().await.unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("serving"), "logging is on: {stderr}");
    for secret in [
        user_secret,
        minted.as_str(),
        "sp-secret-value",
        "dapi0123456789abcdef0123456789abcdef",
    ] {
        assert!(!stderr.contains(secret), "a secret reached the log");
    }
}
