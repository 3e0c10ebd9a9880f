//! TLS trust: which root certificates a transport trusts, and the rustls configuration.
//!
//! The only crypto provider is `ring` (no aws-lc, no OpenSSL), chosen explicitly rather than
//! through rustls' process-wide default so that another crate installing a different default
//! cannot change what this transport uses.

use crate::BuildError;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use rustls::{ClientConfig, RootCertStore};
use std::fmt;
use std::sync::Arc;

/// Which built-in set of root certificates a transport trusts.
///
/// Certificates added with
/// [`HyperTransportBuilder::add_root_certificate`](crate::HyperTransportBuilder::add_root_certificate)
/// are trusted in addition to the chosen set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum TlsRoots {
    /// Mozilla's root program, compiled in (the `webpki-roots` crate). The default: it works
    /// the same on every machine and in minimal containers without a CA bundle.
    #[default]
    WebPki,
    /// The operating system's certificate store, read when the transport is built (the
    /// `rustls-native-certs` crate). Needs the `native-roots` cargo feature.
    #[cfg(feature = "native-roots")]
    Native,
    /// No built-in roots: only the certificates added by the caller (a private CA, a test).
    CustomOnly,
}

/// A root certificate to trust, for a private CA or a test server.
///
/// ```
/// use tokens_hyper::Certificate;
///
/// let pem = std::fs::read("corp-ca.pem");
/// # let pem: std::io::Result<Vec<u8>> = Err(std::io::ErrorKind::NotFound.into());
/// if let Ok(pem) = pem {
///     let ca = Certificate::from_pem(&pem)?;
///     # let _ = ca;
/// }
/// # Ok::<(), tokens_hyper::BuildError>(())
/// ```
#[derive(Clone)]
pub struct Certificate {
    der: CertificateDer<'static>,
}

impl Certificate {
    /// Reads the first `CERTIFICATE` section of a PEM text.
    ///
    /// # Errors
    ///
    /// When the text holds no PEM certificate, or the certificate cannot be parsed.
    pub fn from_pem(pem: &[u8]) -> Result<Self, BuildError> {
        Certificate::from_pem_bundle(pem)?
            .into_iter()
            .next()
            .ok_or_else(|| BuildError::new("no PEM certificate found in the given text"))
    }

    /// Reads every `CERTIFICATE` section of a PEM text (a CA bundle).
    ///
    /// # Errors
    ///
    /// When the text holds no PEM certificate, a section is malformed, or a certificate
    /// cannot be parsed.
    pub fn from_pem_bundle(pem: &[u8]) -> Result<Vec<Self>, BuildError> {
        let mut certificates = Vec::new();
        for section in CertificateDer::pem_slice_iter(pem) {
            let der =
                section.map_err(|e| BuildError::new(format!("malformed PEM certificate: {e}")))?;
            certificates.push(Certificate::checked(der)?);
        }
        if certificates.is_empty() {
            return Err(BuildError::new(
                "no PEM certificate found in the given text",
            ));
        }
        Ok(certificates)
    }

    /// Takes a DER-encoded X.509 certificate.
    ///
    /// # Errors
    ///
    /// When the bytes are not a certificate usable as a trust anchor.
    pub fn from_der(der: impl Into<Vec<u8>>) -> Result<Self, BuildError> {
        Certificate::checked(CertificateDer::from(der.into()))
    }

    fn checked(der: CertificateDer<'static>) -> Result<Self, BuildError> {
        RootCertStore::empty().add(der.clone()).map_err(|e| {
            BuildError::new(format!("invalid root certificate: {e}")).with_source(e)
        })?;
        Ok(Certificate { der })
    }
}

impl fmt::Debug for Certificate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Certificate")
            .field("der_len", &self.der.len())
            .finish()
    }
}

/// The rustls client configuration: `ring`, safe default protocol versions, the chosen roots
/// plus the custom ones, no client certificate. ALPN is set later by the connector.
pub(crate) fn client_config(
    roots: TlsRoots,
    custom: &[Certificate],
) -> Result<ClientConfig, BuildError> {
    let mut store = RootCertStore::empty();
    match roots {
        TlsRoots::WebPki => store.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned()),
        #[cfg(feature = "native-roots")]
        TlsRoots::Native => add_native_roots(&mut store)?,
        TlsRoots::CustomOnly => {}
    }
    for certificate in custom {
        store
            .add(certificate.der.clone())
            .map_err(|e| BuildError::new(format!("invalid root certificate: {e}")))?;
    }
    if store.is_empty() {
        return Err(BuildError::new(
            "no trusted root certificates: add one, or choose TlsRoots::WebPki",
        ));
    }

    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| BuildError::new(format!("TLS configuration failed: {e}")).with_source(e))?
        .with_root_certificates(store)
        .with_no_client_auth();
    Ok(config)
}

#[cfg(feature = "native-roots")]
fn add_native_roots(store: &mut RootCertStore) -> Result<(), BuildError> {
    let found = rustls_native_certs::load_native_certs();
    for error in &found.errors {
        tracing::warn!(error = %error, "could not read part of the system certificate store");
    }
    let (added, ignored) = store.add_parsable_certificates(found.certs);
    if ignored > 0 {
        tracing::debug!(
            added,
            ignored,
            "ignored unparsable system root certificates"
        );
    }
    if added == 0 {
        return Err(BuildError::new(
            "the system certificate store holds no usable root certificate",
        ));
    }
    Ok(())
}
