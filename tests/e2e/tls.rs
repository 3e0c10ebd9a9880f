//! HTTPS through the facade builder: a TLS front with a self-signed certificate, trusted
//! through a custom root, forwarding to the emulator.

use crate::support::{Harness, fast};
use databricks_tokens::types::CreateTokenRequest;
use databricks_tokens::{Certificate, Client, ErrorKind, SendState, TlsRoots, TransportErrorKind};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::TlsAcceptor;

/// A TLS server on 127.0.0.1 that forwards each connection to `backend` in the clear.
struct TlsFront {
    addr: SocketAddr,
    certificate: CertificateDer<'static>,
    handshakes: Arc<AtomicUsize>,
}

async fn tls_front(backend: SocketAddr) -> TlsFront {
    let generated =
        rcgen::generate_simple_self_signed(vec!["localhost".to_owned(), "127.0.0.1".to_owned()])
            .expect("a self-signed certificate");
    let certificate = generated.cert.der().clone();
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(
        generated.signing_key.serialize_der(),
    ));
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_no_client_auth()
        .with_single_cert(vec![certificate.clone()], key)
        .expect("the certificate and key match");
    // The emulator speaks HTTP/1.1 only.
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    let acceptor = TlsAcceptor::from(Arc::new(config));

    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("address");
    let handshakes = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&handshakes);
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            let counted = Arc::clone(&counted);
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(socket).await else {
                    return;
                };
                counted.fetch_add(1, Ordering::SeqCst);
                if let Ok(mut plain) = TcpStream::connect(backend).await {
                    let _ = tokio::io::copy_bidirectional(&mut tls, &mut plain).await;
                }
            });
        }
    });
    TlsFront {
        addr,
        certificate,
        handshakes,
    }
}

#[tokio::test]
async fn https_with_a_custom_root_reaches_the_emulator() {
    let harness = Harness::start().await;
    let front = tls_front(harness.emulator.local_addr()).await;
    let root = Certificate::from_der(front.certificate.to_vec()).expect("a usable root");
    let client = fast(
        Client::builder()
            .host(format!("https://127.0.0.1:{}", front.addr.port()))
            .token(harness.login.clone())
            .tls_roots(TlsRoots::CustomOnly)
            .add_root_certificate(root),
    )
    .build()
    .expect("the client builds");

    let created = client
        .create(CreateTokenRequest::new().with_comment("over tls"))
        .await
        .expect("create over TLS");
    let listed = client.list().await.expect("list over TLS");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].comment.as_deref(), Some("over tls"));
    client
        .delete(&crate::support::token_id(created.token_info))
        .await
        .expect("delete over TLS");
    assert!(front.handshakes.load(Ordering::SeqCst) >= 1);
    assert_eq!(harness.token_count(), 0);
}

#[tokio::test]
async fn https_without_the_root_fails_in_the_handshake_and_sends_nothing() {
    let harness = Harness::start().await;
    let front = tls_front(harness.emulator.local_addr()).await;
    let client = fast(
        Client::builder()
            .host(format!("https://127.0.0.1:{}", front.addr.port()))
            .token(harness.login.clone()),
    )
    .max_retries(1)
    .call_timeout(Duration::from_secs(5))
    .build()
    .expect("the client builds");

    let err = client
        .create(CreateTokenRequest::new())
        .await
        .expect_err("untrusted");
    assert_eq!(err.kind(), ErrorKind::Transport, "{err}");
    let transport = err.transport().expect("a transport failure");
    assert_eq!(transport.kind(), TransportErrorKind::Tls, "{err}");
    assert_eq!(transport.send_state(), SendState::NotSent);
    assert!(!err.is_outcome_unknown());
    assert_eq!(front.handshakes.load(Ordering::SeqCst), 0);
    assert_eq!(
        harness.emulator.stats().total(),
        0,
        "nothing reached the server"
    );
}
