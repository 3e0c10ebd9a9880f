//! Connection reuse, and a pooled connection the server closed while it sat idle.

mod support;

use support::{get, read_request_head, wait_for_peer_close};
use tokens_hyper::HyperTransport;
use tokio::io::AsyncWriteExt;
use tower::ServiceExt;

#[tokio::test]
async fn idle_connection_closed_by_the_server_is_replaced_safely() {
    let (listener, addr) = support::bind_local().await;
    let (closed_tx, closed_rx) = tokio::sync::oneshot::channel();
    tokio::spawn(async move {
        // First connection: answer once with keep-alive, then close it while it is idle in
        // the client's pool, and wait until the client has noticed (closed its end too).
        let (mut first, _) = listener.accept().await.expect("accept first");
        let _ = read_request_head(&mut first).await;
        first
            .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nfirst")
            .await
            .expect("reply");
        first.shutdown().await.expect("close");
        wait_for_peer_close(&mut first).await;
        let _ = closed_tx.send(());

        let (mut second, _) = listener.accept().await.expect("accept second");
        let _ = read_request_head(&mut second).await;
        second
            .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 6\r\n\r\nsecond")
            .await
            .expect("reply");
        wait_for_peer_close(&mut second).await;
    });
    let transport = HyperTransport::new().expect("transport");

    let first = transport
        .clone()
        .oneshot(get(format!("http://{addr}/one")))
        .await
        .expect("first response");
    assert_eq!(first.body().as_ref(), b"first");
    closed_rx.await.expect("server closed the idle connection");

    let second = transport
        .oneshot(get(format!("http://{addr}/two")))
        .await
        .expect("second request succeeds on a new connection");
    assert_eq!(second.body().as_ref(), b"second");
}

#[tokio::test]
async fn pooling_off_opens_a_connection_per_request() {
    let server = support::serve_http(support::fixed(b"ok")).await;
    let transport = HyperTransport::builder()
        .pool_max_idle_per_host(0)
        .build()
        .expect("transport");

    for _ in 0..2 {
        let response = transport
            .clone()
            .oneshot(get(server.url("http", "/")))
            .await
            .expect("response");
        assert_eq!(response.body().as_ref(), b"ok");
    }

    assert_eq!(server.connections(), 2);
}
