//! `--data PATH`: tokens survive a restart, and every answered create survives `kill -9`.

mod support;

use std::path::PathBuf;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use support::{ALICE, BOB, builder, call, create, list, list_ids, send_create};
use tokio::io::{AsyncBufReadExt as _, BufReader};
use tokio::process::{Child, Command};

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let path = std::env::temp_dir().join(format!(
            "tokens-emulator-{name}-{}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir_all(&path).expect("temp dir");
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[tokio::test]
async fn tokens_updates_and_deletes_survive_a_restart() {
    let dir = TempDir::new("restart");
    let data = dir.0.join("tokens.sqlite");

    let first = support::start(builder().data_path(&data)).await;
    let addr = first.local_addr();
    let (kept, secret) = create(addr, ALICE, r#"{"comment":"kept","scopes":["sql"]}"#).await;
    let (deleted, _) = create(addr, ALICE, "{}").await;
    let (bobs, _) = create(addr, BOB, "{}").await;
    let body = format!(r#"{{"token_id":"{deleted}"}}"#);
    assert_eq!(
        call(
            addr,
            "POST",
            "/api/2.0/token/delete",
            Some(ALICE),
            Some(&body)
        )
        .await
        .status,
        200
    );
    let patch = r#"{"token":{"comment":"renamed"},"update_mask":"comment"}"#;
    assert_eq!(
        call(
            addr,
            "PATCH",
            &format!("/api/2.0/token/{kept}"),
            Some(ALICE),
            Some(patch)
        )
        .await
        .status,
        200
    );
    first.shutdown().await;

    let second = support::start(builder().data_path(&data)).await;
    let addr = second.local_addr();
    let infos = list(addr, ALICE).await;
    assert_eq!(infos.len(), 1);
    assert_eq!(infos[0]["token_id"], kept.as_str());
    assert_eq!(infos[0]["comment"], "renamed");
    assert_eq!(infos[0]["scopes"], serde_json::json!(["sql"]));
    assert_eq!(list_ids(addr, BOB).await, vec![bobs]);
    // A token that survived still authenticates.
    assert_eq!(
        call(addr, "GET", "/api/2.0/token/list", Some(&secret), None)
            .await
            .status,
        200
    );
    second.shutdown().await;
}

#[tokio::test]
async fn an_unusable_data_file_fails_start_up() {
    let dir = TempDir::new("bad-data");
    let data = dir.0.join("not-a-db");
    std::fs::write(&data, vec![b'x'; 4096]).unwrap();
    let error = builder().data_path(&data).build().unwrap_err();
    assert!(
        matches!(error, tokens_emulator::StartError::Data { .. }),
        "{error}"
    );
}

async fn spawn(data: &std::path::Path) -> (Child, std::net::SocketAddr) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tokens-emulator"))
        .args(["--listen", "127.0.0.1:0", "--quota", "1000000", "--user"])
        .arg(format!("alice={ALICE}"))
        .arg("--data")
        .arg(data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("spawn the emulator binary");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let first = tokio::time::timeout(Duration::from_secs(30), lines.next_line())
        .await
        .expect("the emulator starts within 30 s")
        .expect("read stdout")
        .expect("a first line");
    let url = first
        .strip_prefix("listening on http://")
        .expect("the announced URL");
    (child, url.parse().expect("HOST:PORT"))
}

#[tokio::test]
async fn every_answered_create_survives_kill_9() {
    let dir = TempDir::new("kill9");
    let data = dir.0.join("tokens.sqlite");
    let (mut child, addr) = spawn(&data).await;

    let answered = Arc::new(Mutex::new(Vec::<String>::new()));
    let mut writers = Vec::new();
    for _ in 0..4 {
        let answered = Arc::clone(&answered);
        writers.push(tokio::spawn(async move {
            // Bounded: stops at the first failure (the kill) or after 5,000 creates.
            for _ in 0..5_000 {
                let Some(reply) = send_create(addr, ALICE, "{}").await else {
                    break;
                };
                if reply.status != 200 {
                    break;
                }
                let id = reply.json()["token_info"]["token_id"]
                    .as_str()
                    .unwrap()
                    .to_owned();
                answered.lock().unwrap().push(id);
            }
        }));
    }
    // Kill mid-load, once a good number of creates have been answered.
    for _ in 0..3_000 {
        if answered.lock().unwrap().len() >= 150 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    child.start_kill().expect("SIGKILL");
    let _ = child.wait().await;
    for writer in writers {
        // A connect to a dead port fails fast, so the writers end promptly.
        let _ = writer.await;
    }
    let answered = answered.lock().unwrap().clone();
    assert!(
        answered.len() >= 150,
        "only {} creates answered before the kill",
        answered.len()
    );

    let (mut restarted, addr) = spawn(&data).await;
    let stored: std::collections::HashSet<String> =
        list_ids(addr, ALICE).await.into_iter().collect();
    let lost: Vec<&String> = answered.iter().filter(|id| !stored.contains(*id)).collect();
    assert!(
        lost.is_empty(),
        "{} of {} answered creates were lost",
        lost.len(),
        answered.len()
    );
    restarted.start_kill().expect("SIGKILL");
    let _ = restarted.wait().await;
}
