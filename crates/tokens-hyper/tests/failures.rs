//! Failures without a response, and whether each may have reached the server.

mod support;

use std::time::Duration;
use support::get;
use tokens_core::{SendState, TransportErrorKind};
use tokens_hyper::HyperTransport;
use tokio::io::AsyncWriteExt;
use tower::ServiceExt;

#[tokio::test]
async fn refused_connection_is_not_sent() {
    let addr = support::closed_port().await;
    let transport = HyperTransport::new().expect("transport");

    let err = transport
        .oneshot(get(format!("http://{addr}/api/2.0/token/list")))
        .await
        .expect_err("nothing listens");

    assert_eq!(err.kind(), TransportErrorKind::Connect);
    assert_eq!(err.send_state(), SendState::NotSent);
    assert!(err.to_string().contains("refused"), "{err}");
}

#[tokio::test]
async fn server_closing_after_reading_the_request_is_maybe_sent() {
    let (listener, addr) = support::bind_local().await;
    let (read_tx, read_rx) = tokio::sync::oneshot::channel();
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.expect("accept");
        let head = support::read_request_head(&mut socket).await;
        let _ = read_tx.send(head);
        // Closing without a reply: the server may have acted on the request.
    });
    let transport = HyperTransport::new().expect("transport");

    let err = transport
        .oneshot(get(format!("http://{addr}/api/2.0/token/create")))
        .await
        .expect_err("no reply");

    let head = read_rx.await.expect("server read the request");
    assert!(head.starts_with(b"GET /api/2.0/token/create HTTP/1.1\r\n"));
    assert_eq!(err.kind(), TransportErrorKind::Io);
    assert_eq!(err.send_state(), SendState::MaybeSent);
}

#[tokio::test]
async fn server_replying_garbage_is_maybe_sent() {
    let (listener, addr) = support::bind_local().await;
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.expect("accept");
        let _ = support::read_request_head(&mut socket).await;
        let _ = socket.write_all(b"NOT HTTP AT ALL\r\n\r\n").await;
    });
    let transport = HyperTransport::new().expect("transport");

    let err = transport
        .oneshot(get(format!("http://{addr}/")))
        .await
        .expect_err("invalid response");

    assert_eq!(err.kind(), TransportErrorKind::Other);
    assert_eq!(err.send_state(), SendState::MaybeSent);
    assert!(err.to_string().contains("invalid HTTP response"), "{err}");
}

/// A server that accepts and closes at once races the client: if hyper sees the close
/// before writing, the request is handed back unwritten (`NotSent`); if the write wins, the
/// kernel accepts bytes the server never reads (`MaybeSent`). Either way it is an `Io`
/// failure and never a success; which state comes out is best effort.
#[tokio::test]
async fn server_closing_before_reading_fails_as_io() {
    let (listener, addr) = support::bind_local().await;
    tokio::spawn(async move {
        let (socket, _) = listener.accept().await.expect("accept");
        drop(socket);
    });
    let transport = HyperTransport::new().expect("transport");

    let err = transport
        .oneshot(get(format!("http://{addr}/")))
        .await
        .expect_err("closed");

    assert_eq!(err.kind(), TransportErrorKind::Io);
    assert!(
        matches!(err.send_state(), SendState::NotSent | SendState::MaybeSent),
        "{err}"
    );
}

#[tokio::test(start_paused = true)]
async fn tls_handshake_that_never_finishes_times_out_as_not_sent() {
    let (listener, addr) = support::bind_local().await;
    let (hold_tx, hold_rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(async move {
        // Accept, then never answer the ClientHello.
        let (socket, _) = listener.accept().await.expect("accept");
        let _ = hold_rx.await;
        drop(socket);
    });
    let transport = HyperTransport::builder()
        .connect_timeout(Duration::from_secs(5))
        .build()
        .expect("transport");

    let err = transport
        .oneshot(get(format!("https://{addr}/")))
        .await
        .expect_err("times out");
    drop(hold_tx);

    assert_eq!(err.kind(), TransportErrorKind::Connect);
    assert_eq!(err.send_state(), SendState::NotSent);
    assert!(err.to_string().contains("timed out after 5s"), "{err}");
}

#[tokio::test]
async fn unsupported_scheme_is_refused_before_sending() {
    let transport = HyperTransport::new().expect("transport");

    let err = transport
        .oneshot(get("ftp://127.0.0.1/".to_owned()))
        .await
        .expect_err("refused");

    assert_eq!(err.kind(), TransportErrorKind::InvalidRequest);
    assert_eq!(err.send_state(), SendState::NotSent);
}

#[tokio::test]
async fn zero_connect_timeout_is_a_build_error() {
    let err = HyperTransport::builder()
        .connect_timeout(Duration::ZERO)
        .build()
        .expect_err("invalid");
    assert!(err.to_string().contains("connect timeout"), "{err}");
}
