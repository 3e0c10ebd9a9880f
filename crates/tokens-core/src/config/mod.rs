//! Configuration per spec §4: explicit values, then the environment, then a
//! `~/.databrickscfg` profile.
//!
//! The resolution is a pure function ([`ConfigBuilder::resolve`]) over an environment and a
//! file's text, so it is tested everywhere, wasm included; [`ConfigBuilder::load`] reads the
//! real process environment and file where there is one.

mod builder;
mod credentials;
mod host;
mod ini;
#[cfg(not(target_arch = "wasm32"))]
mod load;
mod source;

pub use builder::ConfigBuilder;
pub use credentials::{AuthType, Credentials};
pub use host::normalize_host;
pub use source::ConfigSource;

use crate::{Endpoint, Error, UserAgent};
use source::Sourced;
use std::collections::BTreeMap;
use std::fmt;
use tokens_types::Secret;

/// A resolved configuration: the workspace host, the credentials, and the optional workspace
/// id and rate limit, each with where it came from.
///
/// `Debug` and `Display` never show a secret whole.
///
/// ```
/// use tokens_core::{AuthType, Config, ConfigSource};
///
/// let config = Config::builder()
///     .host("adb-1.azuredatabricks.net")
///     .token("dapi0123456789abcdef0123456789abcdef")
///     .build()?;
/// assert_eq!(config.host(), Some("https://adb-1.azuredatabricks.net"));
/// assert_eq!(config.auth_type(), Some(AuthType::Pat));
/// assert_eq!(config.source_of("host"), Some(&ConfigSource::Explicit));
/// assert!(!format!("{config:?}").contains("0123456789abcdef0123"));
/// # Ok::<(), tokens_core::Error>(())
/// ```
#[derive(Clone)]
pub struct Config {
    host: Option<String>,
    credentials: Option<Credentials>,
    workspace_id: Option<String>,
    rate_limit: Option<u32>,
    profile: Option<String>,
    sources: BTreeMap<&'static str, ConfigSource>,
}

impl Config {
    /// A builder for explicit values.
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::new()
    }

    fn from_raw(
        raw: &BTreeMap<&'static str, Sourced<Secret>>,
        profile: Option<String>,
    ) -> Result<Config, Error> {
        let host = raw.get("host").map(builder::host).transpose()?;
        let credentials = builder::credentials(raw)?;
        let workspace_id = raw.get("workspace_id").map(workspace_id).transpose()?;
        let rate_limit = raw.get("rate_limit").map(rate_limit).transpose()?;
        let sources = raw
            .iter()
            .map(|(key, sourced)| (*key, sourced.source.clone()))
            .collect();
        Ok(Config {
            host: host.map(|host| host.value),
            credentials,
            workspace_id,
            rate_limit,
            profile,
            sources,
        })
    }

    /// The normalised workspace host (`https://…`, no trailing `/`), if configured.
    pub fn host(&self) -> Option<&str> {
        self.host.as_deref()
    }

    /// The credentials, if any auth method is configured.
    pub fn credentials(&self) -> Option<&Credentials> {
        self.credentials.as_ref()
    }

    /// The auth method of the credentials.
    pub fn auth_type(&self) -> Option<AuthType> {
        self.credentials.as_ref().map(Credentials::auth_type)
    }

    /// The workspace id for `X-Databricks-Workspace-Id`, if configured.
    pub fn workspace_id(&self) -> Option<&str> {
        self.workspace_id.as_deref()
    }

    /// The client-side rate limit in requests per second, if configured.
    pub fn rate_limit(&self) -> Option<u32> {
        self.rate_limit
    }

    /// The config file profile values were read from, if one was.
    pub fn profile(&self) -> Option<&str> {
        self.profile.as_deref()
    }

    /// Where an attribute (`host`, `token`, `client_id`, `client_secret`, `auth_type`,
    /// `workspace_id`, `rate_limit`) came from, if it is set.
    pub fn source_of(&self, attribute: &str) -> Option<&ConfigSource> {
        self.sources.get(attribute)
    }

    /// The [`Endpoint`] of this configuration: its host, workspace id, and a `User-Agent`
    /// naming its auth method.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Config`](crate::ErrorKind::Config) when no host is configured.
    pub fn endpoint(&self) -> Result<Endpoint, Error> {
        let host = self.host.as_deref().ok_or_else(|| {
            Error::config(
                "no host is configured: set DATABRICKS_HOST, `host` in a profile, \
                 or the host explicitly",
            )
        })?;
        let mut user_agent = UserAgent::new();
        if let Some(auth_type) = self.auth_type() {
            user_agent = user_agent.with_auth_type(auth_type.as_str())?;
        }
        let mut endpoint = Endpoint::new(host)?.with_user_agent(user_agent);
        if let Some(id) = &self.workspace_id {
            endpoint = endpoint.with_workspace_id(id)?;
        }
        Ok(endpoint)
    }
}

fn workspace_id(sourced: &Sourced<Secret>) -> Result<String, Error> {
    let id = sourced.value.expose_secret();
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::config(format!(
            "workspace id `{}` (from {}) must be a number",
            id.escape_debug(),
            sourced.source
        )));
    }
    Ok(id.to_owned())
}

fn rate_limit(sourced: &Sourced<Secret>) -> Result<u32, Error> {
    let text = sourced.value.expose_secret();
    match text.trim().parse::<u32>() {
        Ok(per_second) if per_second > 0 => Ok(per_second),
        _ => Err(Error::config(format!(
            "rate limit `{}` (from {}) must be a whole number of requests per second above 0",
            text.escape_debug(),
            sourced.source
        ))),
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("host", &self.host)
            .field("credentials", &self.credentials)
            .field("workspace_id", &self.workspace_id)
            .field("rate_limit", &self.rate_limit)
            .field("profile", &self.profile)
            .field("sources", &self.sources)
            .finish()
    }
}

impl fmt::Display for Config {
    /// One line per attribute that is set, with its source; secrets redacted.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = |f: &mut fmt::Formatter<'_>, key: &str, value: &dyn fmt::Display| match self
            .sources
            .get(key)
        {
            Some(source) => writeln!(f, "{key} = {value} ({source})"),
            None => writeln!(f, "{key} = {value}"),
        };
        if let Some(host) = &self.host {
            line(f, "host", host)?;
        }
        match &self.credentials {
            Some(Credentials::Pat { token }) => line(f, "token", token)?,
            Some(Credentials::OAuthM2m {
                client_id,
                client_secret,
            }) => {
                line(f, "client_id", client_id)?;
                line(f, "client_secret", client_secret)?;
            }
            None => {}
        }
        if let Some(auth_type) = self.auth_type() {
            line(f, "auth_type", &auth_type)?;
        }
        if let Some(id) = &self.workspace_id {
            line(f, "workspace_id", id)?;
        }
        if let Some(limit) = self.rate_limit {
            line(f, "rate_limit", &limit)?;
        }
        Ok(())
    }
}
