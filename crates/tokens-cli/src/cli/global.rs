//! Flags every command accepts: where to connect, how to print, how long to wait.

use crate::duration::parse_duration;
use clap::{Args, ValueEnum};
use std::time::Duration;

/// How results are printed on stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum OutputFormat {
    /// Tables and short messages for people
    Text,
    /// The API's own JSON replies, for scripts
    Json,
}

/// Options every command accepts, before or after the command name.
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub(crate) struct GlobalArgs {
    /// Workspace URL or host name, such as adb-1234.5.azuredatabricks.net
    /// [default: DATABRICKS_HOST, else the profile's host]
    #[arg(long, global = true, value_name = "URL")]
    pub(crate) host: Option<String>,

    /// Profile of the config file to read (~/.databrickscfg unless DATABRICKS_CONFIG_FILE
    /// says otherwise) [default: DATABRICKS_CONFIG_PROFILE, else DEFAULT]
    #[arg(long, global = true, value_name = "NAME")]
    pub(crate) profile: Option<String>,

    /// Output format: `text` for people, `json` for scripts (the API's replies as they are)
    #[arg(
        short = 'o',
        long,
        global = true,
        value_enum,
        value_name = "FORMAT",
        default_value_t = OutputFormat::Text
    )]
    pub(crate) output: OutputFormat,

    /// Give up on a call after this long, retries included: 30s, 2m, 1h, or plain seconds
    /// [default: 300s]
    #[arg(long, global = true, value_name = "DURATION", value_parser = parse_duration)]
    pub(crate) timeout: Option<Duration>,

    /// Log requests, retries and decisions to stderr (filter with RUST_LOG); secrets are
    /// never logged
    #[arg(short, long, global = true)]
    pub(crate) verbose: bool,
}
