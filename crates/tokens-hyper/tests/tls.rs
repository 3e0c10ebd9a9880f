//! HTTPS against a private CA made at test time, and HTTP/2 by ALPN.

mod support;

use bytes::Bytes;
use support::{TestPki, get};
use tokens_core::{SendState, TransportErrorKind};
use tokens_hyper::{Certificate, HyperTransport, TlsRoots};
use tower::ServiceExt;

#[tokio::test]
async fn https_works_with_the_custom_root() {
    let (pki, server) =
        support::serve_https_with_new_ca(support::fixed(b"secure"), &[b"http/1.1"]).await;
    let transport = HyperTransport::builder()
        .add_root_certificate(pki.ca_certificate())
        .build()
        .expect("transport");

    let response = transport
        .oneshot(get(server.url("https", "/api/2.0/token/list")))
        .await
        .expect("response");

    assert_eq!(response.status(), http::StatusCode::OK);
    assert_eq!(response.version(), http::Version::HTTP_11);
    assert_eq!(response.body().as_ref(), b"secure");
}

#[tokio::test]
async fn https_works_with_a_der_root_and_only_custom_roots() {
    let (pki, server) =
        support::serve_https_with_new_ca(support::fixed(b"secure"), &[b"http/1.1"]).await;
    let transport = HyperTransport::builder()
        .tls_roots(TlsRoots::CustomOnly)
        .add_root_certificate(Certificate::from_der(pki.ca_der.clone()).expect("CA der"))
        .build()
        .expect("transport");

    let response = transport
        .oneshot(get(server.url("https", "/")))
        .await
        .expect("response");

    assert_eq!(response.body().as_ref(), b"secure");
}

#[tokio::test]
async fn https_without_the_custom_root_fails_as_tls_not_sent() {
    let (_pki, server) =
        support::serve_https_with_new_ca(support::fixed(b"secure"), &[b"http/1.1"]).await;
    let transport = HyperTransport::new().expect("transport");

    let err = transport
        .oneshot(get(server.url("https", "/")))
        .await
        .expect_err("untrusted certificate");

    assert_eq!(err.kind(), TransportErrorKind::Tls);
    assert_eq!(err.send_state(), SendState::NotSent);
    assert!(err.to_string().contains("certificate"), "{err}");
    assert!(server.seen().is_empty());
}

#[tokio::test]
async fn http2_is_negotiated_by_alpn() {
    let (pki, server) =
        support::serve_https_with_new_ca(support::echo(), &[b"h2", b"http/1.1"]).await;
    let transport = HyperTransport::builder()
        .add_root_certificate(pki.ca_certificate())
        .build()
        .expect("transport");

    let request = http::Request::post(server.url("https", "/api/2.0/token/create"))
        .body(Bytes::from_static(b"{\"lifetime_seconds\":300}"))
        .expect("request");
    let response = transport.oneshot(request).await.expect("response");

    assert_eq!(response.version(), http::Version::HTTP_2);
    assert_eq!(response.body().as_ref(), b"{\"lifetime_seconds\":300}");
    assert_eq!(server.seen()[0].version, http::Version::HTTP_2);
}

#[tokio::test]
async fn http2_disabled_uses_http11_even_when_offered() {
    let (pki, server) =
        support::serve_https_with_new_ca(support::fixed(b"ok"), &[b"h2", b"http/1.1"]).await;
    let transport = HyperTransport::builder()
        .http2(false)
        .add_root_certificate(pki.ca_certificate())
        .build()
        .expect("transport");

    let response = transport
        .oneshot(get(server.url("https", "/")))
        .await
        .expect("response");

    assert_eq!(response.version(), http::Version::HTTP_11);
}

#[test]
fn custom_only_without_a_certificate_is_a_build_error() {
    let err = HyperTransport::builder()
        .tls_roots(TlsRoots::CustomOnly)
        .build()
        .expect_err("no roots");
    assert!(err.to_string().contains("no trusted root"), "{err}");
}

#[test]
fn garbage_der_is_not_a_certificate() {
    let err = Certificate::from_der(vec![1, 2, 3]).expect_err("invalid");
    assert!(
        err.to_string().contains("invalid root certificate"),
        "{err}"
    );
}

#[test]
fn a_pem_bundle_yields_every_certificate() {
    let first = TestPki::new();
    let second = TestPki::new();
    let bundle = format!("{}{}", first.ca_pem, second.ca_pem);
    let certificates = Certificate::from_pem_bundle(bundle.as_bytes()).expect("bundle");
    assert_eq!(certificates.len(), 2);
}

#[cfg(feature = "native-roots")]
#[test]
fn native_roots_load_from_the_system_store() {
    // Needs a CA bundle on the machine (Debian's `ca-certificates`).
    let transport = HyperTransport::builder()
        .tls_roots(TlsRoots::Native)
        .build();
    assert!(transport.is_ok(), "{transport:?}");
}
