//! Where a configuration value came from.

use std::fmt;

/// Where a configuration value came from; error messages name it so a bad value is easy to
/// find.
///
/// ```
/// use tokens_core::ConfigSource;
///
/// let source = ConfigSource::Profile { file: "~/.databrickscfg".into(), profile: "dev".into() };
/// assert_eq!(source.to_string(), "profile `dev` of ~/.databrickscfg");
/// assert_eq!(ConfigSource::Environment("DATABRICKS_HOST").to_string(), "environment variable DATABRICKS_HOST");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigSource {
    /// Set in code, on the [`ConfigBuilder`](crate::ConfigBuilder).
    Explicit,
    /// Read from this environment variable.
    Environment(&'static str),
    /// Read from a profile of a config file.
    Profile {
        /// The config file's path as given (before `~` is expanded).
        file: String,
        /// The profile (section) name.
        profile: String,
    },
}

impl fmt::Display for ConfigSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigSource::Explicit => f.write_str("explicit configuration"),
            ConfigSource::Environment(name) => write!(f, "environment variable {name}"),
            ConfigSource::Profile { file, profile } => write!(f, "profile `{profile}` of {file}"),
        }
    }
}

/// A value with its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sourced<T> {
    pub(crate) value: T,
    pub(crate) source: ConfigSource,
}

impl<T> Sourced<T> {
    pub(crate) fn new(value: T, source: ConfigSource) -> Self {
        Sourced { value, source }
    }
}
