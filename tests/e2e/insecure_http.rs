//! Plain `http://` off this machine: refused before anything is sent, unless opted in.
//!
//! No test here contacts a non-loopback address: the client is given an HTTP proxy on
//! 127.0.0.1, so a request that escaped the refusal would arrive there (and be counted)
//! instead of going to the network; `.invalid` names never resolve either.

use crate::support::{Harness, fast};
use databricks_tokens::emulator::Route;
use databricks_tokens::types::CreateTokenRequest;
use databricks_tokens::types::TokenId;
use databricks_tokens::{Client, ErrorKind, ProxyConfig, TokenUpdate};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::net::TcpListener;

/// A loopback listener that counts the connections it gets and closes them.
async fn counting_listener() -> (SocketAddr, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("address");
    let connections = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&connections);
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            counted.fetch_add(1, Ordering::SeqCst);
            drop(socket);
        }
    });
    (addr, connections)
}

fn loopback_proxy(addr: SocketAddr) -> ProxyConfig {
    ProxyConfig::builder()
        .http_proxy(format!("http://{addr}"))
        .build()
        .expect("a valid proxy")
}

#[tokio::test]
async fn plain_http_to_a_non_loopback_host_is_refused_before_anything_is_sent() {
    let (proxy, connections) = counting_listener().await;
    let client = fast(
        Client::builder()
            .host("http://workspace.invalid")
            .token("dapi0123456789abcdef0123456789abcdef")
            .proxy(loopback_proxy(proxy)),
    )
    .build()
    .expect("the client builds");

    let id = TokenId::new("ab12");
    let results = [
        client.create(CreateTokenRequest::new()).await.map(drop),
        client.list().await.map(drop),
        client
            .update(&id, TokenUpdate::new().with_comment("x"))
            .await,
        client.delete(&id).await,
    ];
    for result in results {
        let err = result.expect_err("refused");
        assert_eq!(err.kind(), ErrorKind::Auth, "{err}");
        assert!(err.message().contains("plain http"), "{}", err.message());
        assert!(!err.is_outcome_unknown());
        assert!(!err.to_string().contains("dapi0123"), "{err}");
    }
    assert_eq!(connections.load(Ordering::SeqCst), 0, "nothing was sent");
}

#[tokio::test]
async fn oauth_over_plain_http_to_a_non_loopback_host_is_refused_before_anything_is_sent() {
    let (proxy, connections) = counting_listener().await;
    let client = fast(
        Client::builder()
            .host("http://workspace.invalid")
            .oauth_client("sp-client", "sp-secret-value")
            .proxy(loopback_proxy(proxy)),
    )
    .build()
    .expect("the client builds");

    let err = client.list().await.expect_err("refused");
    assert_eq!(err.kind(), ErrorKind::Auth, "{err}");
    assert!(!err.to_string().contains("sp-secret-value"), "{err}");
    assert_eq!(connections.load(Ordering::SeqCst), 0, "nothing was sent");
}

#[tokio::test]
async fn allow_insecure_http_opts_in_to_plain_http_off_loopback() {
    // The emulator itself plays the proxy: the request for the `.invalid` host arrives
    // there in absolute form, and nothing leaves this machine.
    let harness = Harness::start().await;
    let proxy = ProxyConfig::builder()
        .http_proxy(harness.emulator.base_url())
        .build()
        .expect("a valid proxy");
    let client = fast(
        Client::builder()
            .host("http://workspace.invalid")
            .token(harness.login.clone())
            .proxy(proxy)
            .allow_insecure_http(true),
    )
    .build()
    .expect("the client builds");

    assert!(client.list().await.expect("allowed").is_empty());
    assert_eq!(harness.emulator.stats().requests(Route::List), 1);
}
