//! A private certificate authority made at test time.

use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
use rustls::ServerConfig;
use rustls::pki_types::PrivateKeyDer;
use std::sync::Arc;
use tokens_hyper::Certificate;

/// A private CA and a server certificate for `127.0.0.1` signed by it, made at test time.
pub struct TestPki {
    pub ca_pem: String,
    pub ca_der: Vec<u8>,
    pub server_chain: Vec<rustls::pki_types::CertificateDer<'static>>,
    server_key_der: Vec<u8>,
}

impl TestPki {
    pub fn new() -> Self {
        let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().expect("CA key"))
            .expect("CA certificate");

        let server_key = KeyPair::generate().expect("server key");
        let server_cert = CertificateParams::new(vec!["127.0.0.1".to_owned()])
            .expect("server params")
            .signed_by(&server_key, &ca)
            .expect("server certificate");

        TestPki {
            ca_pem: ca.pem(),
            ca_der: ca.der().to_vec(),
            server_chain: vec![server_cert.der().clone()],
            server_key_der: server_key.serialize_der(),
        }
    }

    /// A rustls server configuration offering `alpn` (for example `h2`, `http/1.1`).
    pub fn server_config(&self, alpn: &[&[u8]]) -> Arc<ServerConfig> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let key = PrivateKeyDer::try_from(self.server_key_der.clone()).expect("key der");
        let mut config = ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("protocol versions")
            .with_no_client_auth()
            .with_single_cert(self.server_chain.clone(), key)
            .expect("server config");
        config.alpn_protocols = alpn.iter().map(|p| p.to_vec()).collect();
        Arc::new(config)
    }

    /// The CA certificate, parsed from its PEM form, for a client's trusted roots.
    pub fn ca_certificate(&self) -> Certificate {
        Certificate::from_pem(self.ca_pem.as_bytes()).expect("CA pem")
    }
}
