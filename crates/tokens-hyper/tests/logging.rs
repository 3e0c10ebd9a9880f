//! What the transport logs: OpenTelemetry-named fields, never header values or bodies.

mod support;

use bytes::Bytes;
use std::io;
use std::sync::{Arc, Mutex};
use tokens_hyper::HyperTransport;
use tower::ServiceExt;

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.lock().expect("not poisoned").extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("not poisoned")).into_owned()
    }
}

/// Sends this thread's DEBUG-and-above events, without colour, to the returned writer
/// until the guard drops.
fn capture_debug_logs() -> (Captured, tracing::subscriber::DefaultGuard) {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    (captured, tracing::subscriber::set_default(subscriber))
}

#[tokio::test(flavor = "current_thread")]
async fn debug_logs_name_the_server_but_no_header_value_or_body() {
    let (captured, _guard) = capture_debug_logs();

    let server =
        support::serve_http(support::fixed(b"{\"token_value\":\"dapi-reply-secret\"}")).await;
    let transport = HyperTransport::new().expect("transport");
    let request = http::Request::post(server.url("http", "/api/2.0/token/create"))
        .header(http::header::AUTHORIZATION, "Bearer dapi-header-secret")
        .body(Bytes::from_static(b"{\"comment\":\"dapi-body-secret\"}"))
        .expect("request");
    let response = transport.oneshot(request).await.expect("response");
    assert_eq!(response.status(), 200);

    let logs = captured.text();
    assert!(logs.contains("response received"), "{logs}");
    let address = format!("server.address={}", server.addr.ip());
    assert!(logs.contains(&address), "{address} missing from: {logs}");
    let port = format!("server.port={}", server.addr.port());
    assert!(logs.contains(&port), "{port} missing from: {logs}");
    assert!(logs.contains("network.protocol.version=\"1.1\""), "{logs}");
    assert!(logs.contains("http.response.status_code=200"), "{logs}");
    for secret in [
        "dapi-header-secret",
        "dapi-body-secret",
        "dapi-reply-secret",
    ] {
        assert!(!logs.contains(secret), "{secret} leaked into: {logs}");
    }
}

#[tokio::test(flavor = "current_thread")]
async fn proxy_credentials_never_reach_the_logs() {
    let (captured, _guard) = capture_debug_logs();

    let proxy_addr = support::closed_port().await;
    let proxy = tokens_hyper::ProxyConfig::builder()
        .https_proxy(format!("http://alice:pw-secret@{proxy_addr}"))
        .build()
        .expect("proxy");
    let transport = HyperTransport::builder()
        .proxy(proxy)
        .build()
        .expect("transport");
    let err = transport
        .oneshot(support::get("https://127.0.0.1:9/".to_owned()))
        .await
        .expect_err("proxy is down");

    let logs = captured.text();
    assert!(logs.contains("request failed"), "{logs}");
    assert!(!logs.contains("pw-secret"), "{logs}");
    assert!(!err.to_string().contains("pw-secret"), "{err}");
    assert!(!format!("{err:?}").contains("pw-secret"), "{err:?}");
}
