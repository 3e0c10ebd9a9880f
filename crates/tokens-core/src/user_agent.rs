//! The `User-Agent` header, in the `name/version` word pattern of the official SDKs.

use crate::Error;
use std::fmt;

/// This crate's version, sent as `databricks-tokens-rs/<version>`.
const SDK_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The `User-Agent` of every request: `<product>/<version> databricks-tokens-rs/<version>
/// os/<os> auth/<type>` plus any entries the caller adds.
///
/// The product defaults to `databricks-tokens`; an application may name itself instead, as
/// the official SDKs allow. The Rust compiler version is not known at run time and is left out.
///
/// ```
/// use tokens_core::UserAgent;
///
/// let agent = UserAgent::new().with_auth_type("pat")?.with_entry("app", "1.2.3")?;
/// let text = agent.to_string();
/// assert!(text.starts_with("databricks-tokens/"));
/// assert!(text.contains(" databricks-tokens-rs/"));
/// assert!(text.contains(&format!(" os/{}", std::env::consts::OS)));
/// assert!(text.ends_with(" auth/pat app/1.2.3"));
/// # Ok::<(), tokens_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserAgent {
    product: (String, String),
    auth_type: Option<String>,
    entries: Vec<(String, String)>,
}

impl UserAgent {
    /// The default agent: product `databricks-tokens` at this crate's version, no auth word.
    pub fn new() -> Self {
        UserAgent {
            product: ("databricks-tokens".to_owned(), SDK_VERSION.to_owned()),
            auth_type: None,
            entries: Vec::new(),
        }
    }

    /// Names the product (the application) in the first word.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidRequest`](crate::ErrorKind::InvalidRequest) when a part is empty or
    /// holds a character outside `A-Z a-z 0-9 . _ + -`.
    pub fn with_product(mut self, name: &str, version: &str) -> Result<Self, Error> {
        self.product = (checked_word(name)?, checked_word(version)?);
        Ok(self)
    }

    /// Sets the `auth/<type>` word (`pat`, `oauth-m2m`, ...).
    ///
    /// # Errors
    ///
    /// As for [`UserAgent::with_product`].
    pub fn with_auth_type(mut self, auth_type: &str) -> Result<Self, Error> {
        self.auth_type = Some(checked_word(auth_type)?);
        Ok(self)
    }

    /// Adds a `key/value` word at the end.
    ///
    /// # Errors
    ///
    /// As for [`UserAgent::with_product`].
    pub fn with_entry(mut self, key: &str, value: &str) -> Result<Self, Error> {
        self.entries
            .push((checked_word(key)?, checked_word(value)?));
        Ok(self)
    }

    /// The `auth/<type>` word's value, if set.
    pub fn auth_type(&self) -> Option<&str> {
        self.auth_type.as_deref()
    }

    /// The header value.
    pub fn to_header_value(&self) -> http::HeaderValue {
        // Every word was checked to be printable ASCII, so this cannot fail; fall back to a
        // fixed agent rather than panic all the same.
        http::HeaderValue::try_from(self.to_string())
            .unwrap_or_else(|_| http::HeaderValue::from_static("databricks-tokens-rs"))
    }
}

impl Default for UserAgent {
    fn default() -> Self {
        UserAgent::new()
    }
}

impl fmt::Display for UserAgent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (name, version) = &self.product;
        write!(f, "{name}/{version} databricks-tokens-rs/{SDK_VERSION}")?;
        write!(f, " os/{}", std::env::consts::OS)?;
        if let Some(auth_type) = &self.auth_type {
            write!(f, " auth/{auth_type}")?;
        }
        for (key, value) in &self.entries {
            write!(f, " {key}/{value}")?;
        }
        Ok(())
    }
}

/// Checks one part of a `name/version` word.
fn checked_word(word: &str) -> Result<String, Error> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '+' | '-');
    if word.is_empty() || !word.chars().all(allowed) {
        return Err(Error::invalid_request(format!(
            "user agent part `{}` must be non-empty and use only A-Z a-z 0-9 . _ + -",
            word.escape_debug()
        )));
    }
    Ok(word.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn product_replaces_the_first_word() {
        let agent = UserAgent::new().with_product("my-app", "2.0").unwrap();
        assert!(
            agent
                .to_string()
                .starts_with("my-app/2.0 databricks-tokens-rs/")
        );
    }

    #[test]
    fn bad_words_are_refused() {
        for bad in ["", "a b", "a/b", "é", "x\r\n"] {
            assert!(UserAgent::new().with_entry(bad, "1").is_err(), "{bad:?}");
        }
    }
}
