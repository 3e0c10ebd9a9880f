//! Reading the real process environment and config file (not on wasm32, which has neither).

use super::{Config, ConfigBuilder};
use crate::Error;
use std::path::PathBuf;

impl ConfigBuilder {
    /// Resolves over the process environment and the config file on disk, as
    /// [`ConfigBuilder::resolve`] describes. A leading `~/` of the file's path is the home
    /// directory (`HOME`, or `USERPROFILE` on Windows).
    ///
    /// ```no_run
    /// let config = tokens_core::Config::builder().load()?;
    /// println!("{config}");
    /// # Ok::<(), tokens_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As for [`ConfigBuilder::resolve`], and when the file exists but cannot be read.
    pub fn load(self) -> Result<Config, Error> {
        self.resolve(|name| std::env::var(name).ok(), read_config_file)
    }
}

/// Reads a config file: `None` when it does not exist.
fn read_config_file(path: &str) -> Result<Option<String>, String> {
    let path = expand_home(path)?;
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(Some(text)),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(err.to_string()),
    }
}

fn expand_home(path: &str) -> Result<PathBuf, String> {
    let Some(rest) = path.strip_prefix("~/") else {
        return Ok(PathBuf::from(path));
    };
    let home = std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .filter(|home| !home.is_empty())
        .ok_or_else(|| "`~` cannot be expanded: HOME is not set".to_owned())?;
    Ok(PathBuf::from(home).join(rest))
}
