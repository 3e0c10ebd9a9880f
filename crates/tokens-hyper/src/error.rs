//! The error of configuring a transport: a bad certificate, proxy address or trust store.

use std::error::Error as StdError;
use std::fmt;

/// Why a transport, a [`Certificate`](crate::Certificate) or a
/// [`ProxyConfig`](crate::ProxyConfig) could not be made.
///
/// The message says what was wrong and never repeats a credential (a proxy password, for
/// example, is left out).
///
/// ```
/// use tokens_hyper::Certificate;
///
/// let err = Certificate::from_pem(b"not a certificate").unwrap_err();
/// assert!(err.to_string().contains("no PEM certificate"));
/// ```
#[derive(Debug)]
pub struct BuildError {
    message: String,
    source: Option<Box<dyn StdError + Send + Sync + 'static>>,
}

impl BuildError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        BuildError {
            message: message.into(),
            source: None,
        }
    }

    pub(crate) fn with_source(
        mut self,
        source: impl Into<Box<dyn StdError + Send + Sync + 'static>>,
    ) -> Self {
        self.source = Some(source.into());
        self
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl StdError for BuildError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn StdError + 'static))
    }
}
