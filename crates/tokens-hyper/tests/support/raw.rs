//! Bare TCP pieces for servers that misbehave on purpose, and the requests tests send.

use bytes::Bytes;
use std::net::SocketAddr;
use tokio::io::AsyncReadExt;
use tokio::net::{TcpListener, TcpStream};

/// A `GET` of `url` with an empty body.
pub fn get(url: String) -> http::Request<Bytes> {
    http::Request::get(url).body(Bytes::new()).expect("request")
}

/// A listener on `127.0.0.1` with a port the system chose, and its address.
pub async fn bind_local() -> (TcpListener, SocketAddr) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    (listener, addr)
}

/// An address on `127.0.0.1` where nothing listens (a port bound and released at once).
pub async fn closed_port() -> SocketAddr {
    let (listener, addr) = bind_local().await;
    drop(listener);
    addr
}

/// Reads from `socket` up to the end of a request head (or EOF), at most 64 KiB.
///
/// Byte by byte, so nothing after the head (a tunnelled TLS handshake, say) is consumed.
pub async fn read_request_head(socket: &mut TcpStream) -> Vec<u8> {
    let mut head = Vec::new();
    let mut buf = [0_u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 64 * 1024 {
        match socket.read(&mut buf).await {
            Ok(0) | Err(_) => break,
            Ok(_) => head.push(buf[0]),
        }
    }
    head
}

/// Reads until the peer closes (bounded), discarding the bytes.
pub async fn wait_for_peer_close(socket: &mut TcpStream) {
    let mut buf = [0_u8; 1024];
    for _ in 0..1024 {
        match socket.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
    }
}
