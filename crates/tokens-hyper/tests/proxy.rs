//! Requests through a tiny HTTP proxy the test runs: CONNECT tunnels for https, absolute
//! form for http, and NO_PROXY bypass.

mod support;

use std::net::SocketAddr;
use support::get;
use tokens_core::{SendState, TransportErrorKind};
use tokens_hyper::{HyperTransport, ProxyConfig};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio::sync::mpsc;
use tower::ServiceExt;

/// A proxy that opens CONNECT tunnels to 127.0.0.1 only, answers plain requests itself
/// with `proxied`, and reports every request head it receives.
async fn start_proxy() -> (SocketAddr, mpsc::UnboundedReceiver<String>) {
    let (listener, addr) = support::bind_local().await;
    let (heads_tx, heads_rx) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Ok((mut client, _)) = listener.accept().await {
            let heads_tx = heads_tx.clone();
            tokio::spawn(async move {
                let head = support::read_request_head(&mut client).await;
                let head = String::from_utf8_lossy(&head).into_owned();
                let _ = heads_tx.send(head.clone());
                if let Some(target) = head
                    .strip_prefix("CONNECT ")
                    .and_then(|rest| rest.split(' ').next())
                {
                    if !target.starts_with("127.0.0.1:") {
                        let _ = client.write_all(b"HTTP/1.1 403 Forbidden\r\n\r\n").await;
                        return;
                    }
                    let Ok(mut upstream) = TcpStream::connect(target).await else {
                        let _ = client.write_all(b"HTTP/1.1 502 Bad Gateway\r\n\r\n").await;
                        return;
                    };
                    let _ = client
                        .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
                        .await;
                    let _ = tokio::io::copy_bidirectional(&mut client, &mut upstream).await;
                } else {
                    let _ = client
                        .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 7\r\n\r\nproxied")
                        .await;
                }
            });
        }
    });
    (addr, heads_rx)
}

/// A transport that sends everything through `proxy`, with default TLS roots.
fn transport_through(proxy: ProxyConfig) -> HyperTransport {
    HyperTransport::builder()
        .proxy(proxy)
        .build()
        .expect("transport")
}

#[tokio::test]
async fn https_goes_through_a_connect_tunnel_with_proxy_credentials() {
    let (pki, server) = support::serve_https_with_new_ca(
        support::fixed(b"through the tunnel"),
        &[b"h2", b"http/1.1"],
    )
    .await;
    let (proxy_addr, mut heads) = start_proxy().await;
    let proxy = ProxyConfig::builder()
        .https_proxy(format!("http://alice:s3cret@{proxy_addr}"))
        .build()
        .expect("proxy");
    let transport = HyperTransport::builder()
        .proxy(proxy)
        .add_root_certificate(pki.ca_certificate())
        .build()
        .expect("transport");

    let response = transport
        .oneshot(get(server.url("https", "/api/2.0/token/list")))
        .await
        .expect("response");

    assert_eq!(response.body().as_ref(), b"through the tunnel");
    let head = heads.recv().await.expect("proxy saw a request");
    assert!(
        head.starts_with(&format!("CONNECT {} HTTP/1.1\r\n", server.addr)),
        "{head}"
    );
    // base64("alice:s3cret")
    assert!(
        head.to_ascii_lowercase()
            .contains("proxy-authorization: basic ywxpy2u6cznjcmv0"),
        "{head}"
    );
    assert_eq!(server.seen()[0].uri.path(), "/api/2.0/token/list");
    assert!(!server.seen()[0].headers.contains_key("proxy-authorization"));
}

#[tokio::test]
async fn plain_http_is_sent_to_the_proxy_in_absolute_form() {
    let (proxy_addr, mut heads) = start_proxy().await;
    let proxy = ProxyConfig::builder()
        .http_proxy(format!("http://bob:pw@{proxy_addr}"))
        .build()
        .expect("proxy");
    let transport = transport_through(proxy);

    let response = transport
        .oneshot(get("http://127.0.0.1:9/api/2.0/token/list".to_owned()))
        .await
        .expect("response");

    assert_eq!(response.body().as_ref(), b"proxied");
    let head = heads.recv().await.expect("proxy saw a request");
    assert!(
        head.starts_with("GET http://127.0.0.1:9/api/2.0/token/list HTTP/1.1\r\n"),
        "{head}"
    );
    assert!(
        head.to_ascii_lowercase()
            .contains("proxy-authorization: basic"),
        "{head}"
    );
}

#[tokio::test]
async fn no_proxy_hosts_bypass_the_proxy() {
    let server = support::serve_http(support::fixed(b"direct")).await;
    let proxy = ProxyConfig::builder()
        .all_proxy(format!("http://{}", support::closed_port().await))
        .no_proxy("localhost, 127.0.0.1")
        .build()
        .expect("proxy");
    let transport = transport_through(proxy);

    let response = transport
        .oneshot(get(server.url("http", "/")))
        .await
        .expect("response");

    assert_eq!(response.body().as_ref(), b"direct");
}

#[tokio::test]
async fn unreachable_proxy_is_a_not_sent_connect_error() {
    let server = support::serve_http(support::fixed(b"direct")).await;
    let proxy = ProxyConfig::builder()
        .all_proxy(format!("http://{}", support::closed_port().await))
        .build()
        .expect("proxy");
    let transport = transport_through(proxy);

    let err = transport
        .oneshot(get(server.url("http", "/")))
        .await
        .expect_err("proxy is down");

    assert_eq!(err.kind(), TransportErrorKind::Connect);
    assert_eq!(err.send_state(), SendState::NotSent);
    assert!(err.to_string().contains("the proxy refused"), "{err}");
    assert!(server.seen().is_empty());
}

#[tokio::test]
async fn proxy_refusing_the_tunnel_is_a_not_sent_connect_error() {
    let (proxy_addr, _heads) = start_proxy().await;
    let proxy = ProxyConfig::builder()
        .https_proxy(format!("http://{proxy_addr}"))
        .build()
        .expect("proxy");
    let transport = transport_through(proxy);

    // The test proxy refuses tunnels to anything but 127.0.0.1; `localhost` is never
    // resolved or contacted, since the proxy answers 403 first.
    let err = transport
        .oneshot(get("https://localhost:9/".to_owned()))
        .await
        .expect_err("refused by the proxy");

    assert_eq!(err.kind(), TransportErrorKind::Connect);
    assert_eq!(err.send_state(), SendState::NotSent);
    assert!(err.to_string().contains("proxy"), "{err}");
}
