//! Requests that succeed: exact bytes both ways, and the response size cap.

mod support;

use bytes::Bytes;
use http_body_util::Full;
use std::sync::Arc;
use tokens_core::{SendState, TransportErrorKind};
use tokens_hyper::HyperTransport;
use tower::ServiceExt;

#[tokio::test]
async fn get_returns_the_exact_response_bytes() {
    let server = support::serve_http(support::fixed(b"{\"token_infos\":[]}\n")).await;
    let transport = HyperTransport::new().expect("transport");

    let request = http::Request::get(server.url("http", "/api/2.0/token/list"))
        .header("x-test", "1")
        .body(Bytes::new())
        .expect("request");
    let response = transport.oneshot(request).await.expect("response");

    assert_eq!(response.status(), http::StatusCode::OK);
    assert_eq!(response.version(), http::Version::HTTP_11);
    assert_eq!(response.body().as_ref(), b"{\"token_infos\":[]}\n");
    let seen = server.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].method, http::Method::GET);
    assert_eq!(seen[0].uri.path(), "/api/2.0/token/list");
    assert_eq!(seen[0].headers["x-test"], "1");
}

#[tokio::test]
async fn post_sends_the_exact_body_and_headers() {
    let server = support::serve_http(support::echo()).await;
    let transport = HyperTransport::new().expect("transport");
    let body = Bytes::from_static(b"{\"comment\":\"sdk \xc3\xa9\",\"lifetime_seconds\":300}");

    let request = http::Request::post(server.url("http", "/api/2.0/token/create"))
        .header(http::header::CONTENT_TYPE, "application/json")
        .body(body.clone())
        .expect("request");
    let response = transport.oneshot(request).await.expect("response");

    assert_eq!(response.body(), &body);
    let seen = server.seen();
    assert_eq!(seen[0].method, http::Method::POST);
    assert_eq!(seen[0].body, body);
    assert_eq!(
        seen[0].headers[http::header::CONTENT_TYPE],
        "application/json"
    );
    assert_eq!(
        seen[0].headers[http::header::CONTENT_LENGTH],
        body.len().to_string().as_str()
    );
    assert_eq!(
        seen[0].headers[http::header::HOST],
        server.addr.to_string().as_str()
    );
}

#[tokio::test]
async fn clones_share_one_connection_pool() {
    let server = support::serve_http(support::fixed(b"ok")).await;
    let transport = HyperTransport::new().expect("transport");

    for _ in 0..3 {
        let request = http::Request::get(server.url("http", "/"))
            .body(Bytes::new())
            .expect("request");
        let response = transport.clone().oneshot(request).await.expect("response");
        assert_eq!(response.body().as_ref(), b"ok");
    }

    assert_eq!(server.connections(), 1);
}

#[tokio::test]
async fn body_declared_over_the_cap_is_body_too_large() {
    let server = support::serve_http(Arc::new(|_seen: &support::Seen| {
        http::Response::new(Full::new(Bytes::from(vec![b'x'; 2048])))
    }))
    .await;
    let transport = HyperTransport::builder()
        .max_response_body(1024)
        .build()
        .expect("transport");

    let request = http::Request::get(server.url("http", "/big"))
        .body(Bytes::new())
        .expect("request");
    let err = transport.oneshot(request).await.expect_err("too large");

    assert_eq!(err.kind(), TransportErrorKind::BodyTooLarge);
    assert_eq!(err.send_state(), SendState::MaybeSent);
    let message = err.to_string();
    assert!(message.contains("2048"), "{message}");
    assert!(message.contains("1024"), "{message}");
}

#[tokio::test]
async fn chunked_body_over_the_cap_is_body_too_large() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    // A raw server that streams a chunked body with no Content-Length.
    let (listener, addr) = support::bind_local().await;
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.expect("accept");
        let mut buf = [0_u8; 2048];
        let _ = socket.read(&mut buf).await;
        let mut reply = b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n".to_vec();
        for _ in 0..4 {
            reply.extend_from_slice(b"200\r\n");
            reply.extend_from_slice(&[b'y'; 0x200]);
            reply.extend_from_slice(b"\r\n");
        }
        reply.extend_from_slice(b"0\r\n\r\n");
        let _ = socket.write_all(&reply).await;
    });
    let transport = HyperTransport::builder()
        .max_response_body(1000)
        .build()
        .expect("transport");

    let request = http::Request::get(format!("http://{addr}/stream"))
        .body(Bytes::new())
        .expect("request");
    let err = transport.oneshot(request).await.expect_err("too large");

    assert_eq!(err.kind(), TransportErrorKind::BodyTooLarge);
    assert_eq!(err.send_state(), SendState::MaybeSent);
    assert!(err.to_string().contains("1000"), "{err}");
}

#[tokio::test]
async fn body_exactly_at_the_cap_is_accepted() {
    let server = support::serve_http(Arc::new(|_seen: &support::Seen| {
        http::Response::new(Full::new(Bytes::from(vec![b'z'; 1024])))
    }))
    .await;
    let transport = HyperTransport::builder()
        .max_response_body(1024)
        .build()
        .expect("transport");

    let request = http::Request::get(server.url("http", "/"))
        .body(Bytes::new())
        .expect("request");
    let response = transport.oneshot(request).await.expect("response");

    assert_eq!(response.body().len(), 1024);
}

#[tokio::test]
async fn relative_uri_is_refused_before_sending() {
    let transport = HyperTransport::new().expect("transport");
    let request = http::Request::get("/api/2.0/token/list")
        .body(Bytes::new())
        .expect("request");

    let err = transport.oneshot(request).await.expect_err("refused");

    assert_eq!(err.kind(), TransportErrorKind::InvalidRequest);
    assert_eq!(err.send_state(), SendState::NotSent);
}

#[test]
fn transport_and_its_future_are_send_sync_clone() {
    fn service<S>(_: &S)
    where
        S: tower::Service<
                http::Request<Bytes>,
                Response = http::Response<Bytes>,
                Error = tokens_core::TransportError,
            > + Clone
            + Send
            + Sync
            + 'static,
        S::Future: Send + 'static,
    {
    }
    service(&HyperTransport::new().expect("transport"));
}
