//! `ConfigBuilder`: explicit values, and the resolution of spec §4 over an environment and a
//! config file.

use super::credentials::{AuthType, Credentials};
use super::ini::{self, Profiles};
use super::source::{ConfigSource, Sourced};
use super::{Config, normalize_host};
use crate::Error;
use std::collections::BTreeMap;
use std::fmt;
use tokens_types::Secret;

/// The attributes, with their environment variable. Keys are also the config file's keys.
const ATTRIBUTES: [(&str, &str); 7] = [
    ("host", "DATABRICKS_HOST"),
    ("token", "DATABRICKS_TOKEN"),
    ("client_id", "DATABRICKS_CLIENT_ID"),
    ("client_secret", "DATABRICKS_CLIENT_SECRET"),
    ("auth_type", "DATABRICKS_AUTH_TYPE"),
    ("workspace_id", "DATABRICKS_WORKSPACE_ID"),
    ("rate_limit", "DATABRICKS_RATE_LIMIT"),
];

/// The variable naming the profile to read.
const PROFILE_VARIABLE: &str = "DATABRICKS_CONFIG_PROFILE";
/// The variable naming the config file.
const FILE_VARIABLE: &str = "DATABRICKS_CONFIG_FILE";
/// The config file read when none is named.
pub(crate) const DEFAULT_CONFIG_FILE: &str = "~/.databrickscfg";

/// Explicit configuration values, resolved into a [`Config`] together with the environment
/// and a config file.
///
/// Each attribute is taken from the first place that sets it: explicit values, then the
/// environment (`DATABRICKS_HOST`, `DATABRICKS_TOKEN`, `DATABRICKS_CLIENT_ID`,
/// `DATABRICKS_CLIENT_SECRET`, `DATABRICKS_AUTH_TYPE`, `DATABRICKS_WORKSPACE_ID`,
/// `DATABRICKS_RATE_LIMIT`), then a profile of the config file (`DATABRICKS_CONFIG_FILE`,
/// default `~/.databrickscfg`). Empty values count as unset.
///
/// The file is read only when a profile is named (explicitly or by
/// `DATABRICKS_CONFIG_PROFILE`), or when neither a host nor a credential is set yet. The
/// profile is the named one (an error if missing), else `default_profile` of the
/// `[__settings__]` section, else `[DEFAULT]`.
///
/// ```
/// use std::collections::HashMap;
/// use tokens_core::{AuthType, ConfigBuilder, ConfigSource};
///
/// let env = HashMap::from([("DATABRICKS_CONFIG_PROFILE", "dev")]);
/// let file = "[DEFAULT]\nhost = prod.cloud.databricks.com\n\n\
///             [dev]\nhost = dev.cloud.databricks.com\ntoken = dapi0123456789abcdef0123456789abcdef\n";
///
/// let config = ConfigBuilder::new()
///     .workspace_id("42")
///     .resolve(|name| env.get(name).map(|v| v.to_string()), |_path| Ok(Some(file.to_owned())))?;
///
/// assert_eq!(config.host(), Some("https://dev.cloud.databricks.com"));
/// assert_eq!(config.auth_type(), Some(AuthType::Pat));
/// assert_eq!(config.workspace_id(), Some("42"));
/// assert_eq!(config.source_of("workspace_id"), Some(&ConfigSource::Explicit));
/// # Ok::<(), tokens_core::Error>(())
/// ```
#[derive(Clone, Default)]
pub struct ConfigBuilder {
    values: BTreeMap<&'static str, Secret>,
    profile: Option<String>,
    config_file: Option<String>,
}

impl fmt::Debug for ConfigBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConfigBuilder")
            .field("set", &self.values.keys().collect::<Vec<_>>())
            .field("profile", &self.profile)
            .field("config_file", &self.config_file)
            .finish()
    }
}

impl ConfigBuilder {
    /// No explicit value.
    pub fn new() -> Self {
        ConfigBuilder::default()
    }

    fn set(mut self, key: &'static str, value: impl Into<Secret>) -> Self {
        self.values.insert(key, value.into());
        self
    }

    /// The workspace host, such as `adb-1.azuredatabricks.net`.
    #[must_use]
    pub fn host(self, host: impl Into<String>) -> Self {
        self.set("host", host.into())
    }

    /// A personal access token.
    #[must_use]
    pub fn token(self, token: impl Into<Secret>) -> Self {
        self.set("token", token)
    }

    /// A service principal's OAuth client id.
    #[must_use]
    pub fn client_id(self, client_id: impl Into<String>) -> Self {
        self.set("client_id", client_id.into())
    }

    /// A service principal's OAuth client secret.
    #[must_use]
    pub fn client_secret(self, client_secret: impl Into<Secret>) -> Self {
        self.set("client_secret", client_secret)
    }

    /// The auth method, needed when more than one is configured.
    #[must_use]
    pub fn auth_type(self, auth_type: AuthType) -> Self {
        self.set("auth_type", auth_type.as_str())
    }

    /// The workspace id sent as `X-Databricks-Workspace-Id`.
    #[must_use]
    pub fn workspace_id(self, workspace_id: impl Into<String>) -> Self {
        self.set("workspace_id", workspace_id.into())
    }

    /// The client-side rate limit, in requests per second.
    #[must_use]
    pub fn rate_limit(self, per_second: u32) -> Self {
        self.set("rate_limit", per_second.to_string())
    }

    /// The config file profile to read.
    #[must_use]
    pub fn profile(mut self, profile: impl Into<String>) -> Self {
        self.profile = Some(profile.into());
        self
    }

    /// The config file to read instead of `~/.databrickscfg`.
    #[must_use]
    pub fn config_file(mut self, path: impl Into<String>) -> Self {
        self.config_file = Some(path.into());
        self
    }

    /// Resolves the explicit values alone: no environment, no file.
    ///
    /// # Errors
    ///
    /// As for [`ConfigBuilder::resolve`].
    pub fn build(self) -> Result<Config, Error> {
        self.resolve(|_| None, |_| Ok(None))
    }

    /// Resolves the configuration over an environment and a config file, without touching
    /// the process: `env` answers a variable's value, and `read_file` is called at most once,
    /// with the config file's path as given (`~/.databrickscfg` unless named), and answers
    /// its text, `None` when it does not exist, or an error message.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Config`](crate::ErrorKind::Config), naming the variable or the file and
    /// profile of the bad value: an unreadable or malformed file, a named profile that is
    /// missing, an invalid host, workspace id, rate limit or auth type, two auth methods
    /// without `auth_type`, or an incomplete one.
    pub fn resolve<E, R>(self, env: E, read_file: R) -> Result<Config, Error>
    where
        E: Fn(&str) -> Option<String>,
        R: FnOnce(&str) -> Result<Option<String>, String>,
    {
        let env = |name: &str| env(name).filter(|value| !value.is_empty());
        let mut raw: BTreeMap<&'static str, Sourced<Secret>> = BTreeMap::new();
        for (key, value) in self.values {
            raw.insert(key, Sourced::new(value, ConfigSource::Explicit));
        }
        for (key, variable) in ATTRIBUTES {
            if !raw.contains_key(key)
                && let Some(value) = env(variable)
            {
                raw.insert(
                    key,
                    Sourced::new(Secret::new(value), ConfigSource::Environment(variable)),
                );
            }
        }

        let profile = match self.profile {
            Some(name) => Some(Sourced::new(name, ConfigSource::Explicit)),
            None => env(PROFILE_VARIABLE)
                .map(|name| Sourced::new(name, ConfigSource::Environment(PROFILE_VARIABLE))),
        };
        let has_credential = ["token", "client_id", "client_secret"]
            .iter()
            .any(|key| raw.contains_key(key));
        let mut used_profile = None;
        if profile.is_some() || (!raw.contains_key("host") && !has_credential) {
            let file = self
                .config_file
                .or_else(|| env(FILE_VARIABLE))
                .unwrap_or_else(|| DEFAULT_CONFIG_FILE.to_owned());
            used_profile = read_profile(&file, profile.as_ref(), read_file, &mut raw)?;
        }

        Config::from_raw(&raw, used_profile)
    }
}

/// Reads the chosen profile of `file` into the attributes not set yet; returns its name.
fn read_profile<R>(
    file: &str,
    named: Option<&Sourced<String>>,
    read_file: R,
    raw: &mut BTreeMap<&'static str, Sourced<Secret>>,
) -> Result<Option<String>, Error>
where
    R: FnOnce(&str) -> Result<Option<String>, String>,
{
    let text = read_file(file)
        .map_err(|reason| Error::config(format!("could not read config file {file}: {reason}")))?;
    let Some(text) = text else {
        return match named {
            Some(profile) => Err(Error::config(format!(
                "profile `{}` (from {}) cannot be read: config file {file} does not exist",
                profile.value, profile.source
            ))),
            None => Ok(None),
        };
    };
    let profiles = ini::parse(&text).map_err(|err| {
        Error::config(format!(
            "config file {file}, line {}: {}",
            err.line, err.reason
        ))
    })?;

    let Some(name) = choose_profile(file, named, &profiles)? else {
        return Ok(None);
    };
    let Some(section) = profiles.get(&name) else {
        return Ok(None);
    };
    for (key, _) in ATTRIBUTES {
        if raw.contains_key(key) {
            continue;
        }
        if let Some(value) = section.get(key).filter(|value| !value.is_empty()) {
            let source = ConfigSource::Profile {
                file: file.to_owned(),
                profile: name.clone(),
            };
            raw.insert(key, Sourced::new(Secret::new(value.clone()), source));
        }
    }
    Ok(Some(name))
}

/// The profile to read: the named one, else `[__settings__] default_profile`, else
/// `[DEFAULT]` when the file has it.
fn choose_profile(
    file: &str,
    named: Option<&Sourced<String>>,
    profiles: &Profiles,
) -> Result<Option<String>, Error> {
    let missing = |name: &str, why: String| {
        let known: Vec<&str> = profiles
            .keys()
            .map(String::as_str)
            .filter(|name| *name != "__settings__")
            .collect();
        Error::config(format!(
            "profile `{name}` ({why}) is not in config file {file}; it has: {}",
            if known.is_empty() {
                "no profiles".to_owned()
            } else {
                known.join(", ")
            }
        ))
    };
    if let Some(profile) = named {
        if !profiles.contains_key(&profile.value) {
            return Err(missing(&profile.value, format!("from {}", profile.source)));
        }
        return Ok(Some(profile.value.clone()));
    }
    let default_profile = profiles
        .get("__settings__")
        .and_then(|settings| settings.get("default_profile"))
        .filter(|name| !name.is_empty());
    if let Some(name) = default_profile {
        if !profiles.contains_key(name) {
            return Err(missing(
                name,
                "from `default_profile` in [__settings__]".to_owned(),
            ));
        }
        return Ok(Some(name.clone()));
    }
    Ok(profiles
        .contains_key("DEFAULT")
        .then(|| "DEFAULT".to_owned()))
}

/// Picks the credentials from the raw attributes.
pub(super) fn credentials(
    raw: &BTreeMap<&'static str, Sourced<Secret>>,
) -> Result<Option<Credentials>, Error> {
    let auth_type = match raw.get("auth_type") {
        Some(sourced) => Some(sourced.value.expose_secret().parse::<AuthType>().map_err(
            |err| Error::config(format!("{} (from {})", err.message(), sourced.source)),
        )?),
        None => None,
    };
    let token = raw.get("token");
    let client_id = raw.get("client_id");
    let client_secret = raw.get("client_secret");
    let m2m_set = client_id.is_some() || client_secret.is_some();

    let chosen = match auth_type {
        Some(chosen) => chosen,
        None if token.is_some() && m2m_set => {
            let pat_from = token.map(|t| t.source.to_string()).unwrap_or_default();
            let m2m_from = client_id
                .or(client_secret)
                .map(|v| v.source.to_string())
                .unwrap_or_default();
            return Err(Error::config(format!(
                "two auth methods are configured: a token (from {pat_from}) and OAuth client \
                 credentials (from {m2m_from}); set auth_type to `pat` or `oauth-m2m`"
            )));
        }
        None if token.is_some() => AuthType::Pat,
        None if m2m_set => AuthType::OAuthM2m,
        None => return Ok(None),
    };

    match chosen {
        AuthType::Pat => {
            let token = token.ok_or_else(|| {
                Error::config("auth type `pat` needs a token (DATABRICKS_TOKEN or `token`)")
            })?;
            Ok(Some(Credentials::Pat {
                token: token.value.clone(),
            }))
        }
        AuthType::OAuthM2m => match (client_id, client_secret) {
            (Some(id), Some(secret)) => Ok(Some(Credentials::OAuthM2m {
                client_id: id.value.expose_secret().to_owned(),
                client_secret: secret.value.clone(),
            })),
            (Some(id), None) => Err(Error::config(format!(
                "a client id is set (from {}) but no client secret \
                 (DATABRICKS_CLIENT_SECRET or `client_secret`)",
                id.source
            ))),
            (None, Some(secret)) => Err(Error::config(format!(
                "a client secret is set (from {}) but no client id \
                 (DATABRICKS_CLIENT_ID or `client_id`)",
                secret.source
            ))),
            (None, None) => Err(Error::config(
                "auth type `oauth-m2m` needs a client id and a client secret",
            )),
        },
    }
}

/// Normalises the host, naming its source on error.
pub(super) fn host(sourced: &Sourced<Secret>) -> Result<Sourced<String>, Error> {
    normalize_host(sourced.value.expose_secret())
        .map(|host| Sourced::new(host, sourced.source.clone()))
        .map_err(|err| Error::config(format!("{} (from {})", err.message(), sourced.source)))
}
