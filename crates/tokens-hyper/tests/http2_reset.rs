//! HTTP/2 stream resets: a stream the server refused was not processed (RFC 9113, section
//! 8.7), so the request is known not to have been acted on; any other reset may have come
//! after the server acted.

mod support;

use bytes::Bytes;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use support::{TestPki, bind_local};
use tokens_core::{SendState, TransportErrorKind};
use tokens_hyper::HyperTransport;
use tokio_rustls::TlsAcceptor;
use tower::ServiceExt;

/// An HTTPS server speaking only HTTP/2 that resets every stream with `reason` once it has
/// received the request's headers. Returns the request URL and the count of streams seen.
async fn resetting_server(pki: &TestPki, reason: h2::Reason) -> (String, Arc<AtomicUsize>) {
    let (listener, addr) = bind_local().await;
    let acceptor = TlsAcceptor::from(pki.server_config(&[b"h2"]));
    let streams = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&streams);
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let Ok(tls) = acceptor.accept(socket).await else {
                continue;
            };
            let Ok(mut connection) = h2::server::handshake(tls).await else {
                continue;
            };
            let seen = Arc::clone(&seen);
            tokio::spawn(async move {
                // Accepting drives the connection, which also flushes each reset.
                while let Some(Ok((_request, mut respond))) = connection.accept().await {
                    seen.fetch_add(1, Ordering::SeqCst);
                    respond.send_reset(reason);
                }
            });
        }
    });
    (format!("https://{addr}/api/2.0/token/create"), streams)
}

fn create(url: &str) -> http::Request<Bytes> {
    http::Request::post(url)
        .header(http::header::CONTENT_TYPE, "application/json")
        .body(Bytes::from_static(b"{\"lifetime_seconds\":300}"))
        .expect("request")
}

fn transport_trusting(pki: &TestPki) -> HyperTransport {
    HyperTransport::builder()
        .add_root_certificate(pki.ca_certificate())
        .build()
        .expect("transport")
}

/// Sends a create to a server that resets its stream with `reason`: the error, after
/// checking that the request did reach the server.
async fn reset_with(reason: h2::Reason) -> tokens_core::TransportError {
    let pki = TestPki::new();
    let (url, streams) = resetting_server(&pki, reason).await;
    let err = transport_trusting(&pki)
        .oneshot(create(&url))
        .await
        .expect_err("the stream is reset");
    assert_eq!(
        streams.load(Ordering::SeqCst),
        1,
        "the request reached the server"
    );
    err
}

#[tokio::test]
async fn a_stream_refused_by_the_server_is_not_sent() {
    let err = reset_with(h2::Reason::REFUSED_STREAM).await;

    assert_eq!(err.kind(), TransportErrorKind::Io);
    assert_eq!(err.send_state(), SendState::NotSent);
    assert!(err.to_string().contains("REFUSED_STREAM"), "{err}");
}

#[tokio::test]
async fn a_stream_reset_for_another_reason_may_have_been_sent() {
    let err = reset_with(h2::Reason::INTERNAL_ERROR).await;

    assert_eq!(err.send_state(), SendState::MaybeSent);
}
