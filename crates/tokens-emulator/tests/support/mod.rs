//! A tiny raw-socket HTTP/1.1 client for the tests, so they depend on no client crate and
//! can see a connection that closes without a reply.

#![allow(dead_code, unreachable_pub)]

use serde_json::Value;
use std::net::SocketAddr;
use tokens_emulator::{Emulator, EmulatorBuilder, RunningEmulator};
use tokens_types::Secret;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

pub const ALICE: &str = "dapi00000000000000000000000000000a11";
pub const BOB: &str = "dapi00000000000000000000000000000b0b";

/// A builder with users alice and bob.
pub fn builder() -> EmulatorBuilder {
    Emulator::builder()
        .user("alice", Secret::new(ALICE))
        .user("bob", Secret::new(BOB))
}

pub async fn start(builder: EmulatorBuilder) -> RunningEmulator {
    builder.start("127.0.0.1:0").await.expect("emulator starts")
}

/// A parsed reply.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "reply body is not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The `error_code` of a JSON error body.
    pub fn error_code(&self) -> Value {
        self.json()["error_code"].clone()
    }
}

/// Sends raw bytes and reads until the server closes. `None` when the server closed (or
/// reset) the connection without sending a single byte.
pub async fn send_raw(addr: SocketAddr, request: &[u8]) -> Option<Reply> {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    // A server that resets early may make the write fail; the read below tells the story.
    let _ = stream.write_all(request).await;
    let mut received = Vec::new();
    let mut chunk = vec![0_u8; 16 * 1024];
    for _ in 0..100_000 {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => break,
            Ok(n) => received.extend_from_slice(&chunk[..n]),
        }
    }
    if received.is_empty() {
        return None;
    }
    Some(parse(&received))
}

fn parse(raw: &[u8]) -> Reply {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete header block");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().expect("status line");
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status code");
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    let length = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse::<usize>().ok());
    if let Some(length) = length {
        body.truncate(length);
    }
    Reply {
        status,
        headers,
        body,
    }
}

/// Sends a request with `Connection: close`; `bearer` adds `Authorization: Bearer …`.
pub async fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    bearer: Option<&str>,
    body: Option<&str>,
) -> Option<Reply> {
    let mut extra = Vec::new();
    if let Some(secret) = bearer {
        extra.push(format!("Authorization: Bearer {secret}"));
    }
    request_with(addr, method, path, &extra, body.map(str::as_bytes)).await
}

/// Sends a request with extra header lines.
pub async fn request_with(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[String],
    body: Option<&[u8]>,
) -> Option<Reply> {
    let mut raw = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for header in headers {
        raw.push_str(header);
        raw.push_str("\r\n");
    }
    let mut bytes = raw.into_bytes();
    if let Some(body) = body {
        bytes.extend_from_slice(
            format!(
                "Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
                body.len()
            )
            .as_bytes(),
        );
        bytes.extend_from_slice(body);
    } else {
        bytes.extend_from_slice(b"\r\n");
    }
    send_raw(addr, &bytes).await
}

/// A request that must be answered.
pub async fn call(
    addr: SocketAddr,
    method: &str,
    path: &str,
    bearer: Option<&str>,
    body: Option<&str>,
) -> Reply {
    request(addr, method, path, bearer, body)
        .await
        .expect("the emulator answered")
}

/// `POST /api/2.0/token/create` with `body`; `None` when the connection closed unanswered.
pub async fn send_create(addr: SocketAddr, bearer: &str, body: &str) -> Option<Reply> {
    request(
        addr,
        "POST",
        "/api/2.0/token/create",
        Some(bearer),
        Some(body),
    )
    .await
}

/// `POST /api/2.0/token/create` with `body`, which must be answered (with any status).
pub async fn post_create(addr: SocketAddr, bearer: &str, body: &str) -> Reply {
    send_create(addr, bearer, body)
        .await
        .expect("the emulator answered")
}

/// `GET /api/2.0/token/list`, whatever the answer.
pub async fn get_list(addr: SocketAddr, bearer: &str) -> Reply {
    call(addr, "GET", "/api/2.0/token/list", Some(bearer), None).await
}

/// Creates a token with `body` and returns (id, secret).
pub async fn create(addr: SocketAddr, bearer: &str, body: &str) -> (String, String) {
    let reply = post_create(addr, bearer, body).await;
    assert_eq!(
        reply.status,
        200,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    let json = reply.json();
    (
        json["token_info"]["token_id"]
            .as_str()
            .expect("id")
            .to_owned(),
        json["token_value"].as_str().expect("secret").to_owned(),
    )
}

/// The token infos a user lists.
pub async fn list(addr: SocketAddr, bearer: &str) -> Vec<Value> {
    let reply = get_list(addr, bearer).await;
    assert_eq!(reply.status, 200);
    reply.json()["token_infos"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// The ids a user lists.
pub async fn list_ids(addr: SocketAddr, bearer: &str) -> Vec<String> {
    list(addr, bearer)
        .await
        .iter()
        .map(|t| t["token_id"].as_str().expect("id").to_owned())
        .collect()
}
