//! `--verbose`: tracing to stderr, filtered by `RUST_LOG`.
//!
//! Without `--verbose` only warnings are shown. With it, `RUST_LOG` picks what is logged
//! (for example `RUST_LOG=tokens_core=trace`); when unset, the CLI and the client log at
//! debug level. Neither the CLI nor the client logs a secret at any level.

use crate::failure::Failure;
use std::io::IsTerminal;
use tracing_subscriber::EnvFilter;

/// The filter used by `--verbose` when `RUST_LOG` is not set.
const VERBOSE_DEFAULT: &str =
    "warn,tokens=debug,databricks_tokens=debug,tokens_core=debug,tokens_hyper=debug";

/// The filter used without `--verbose`.
const QUIET: &str = "warn";

/// Installs the stderr logger.
///
/// A `RUST_LOG` that cannot be read is a usage error, so that a typo does not silently log
/// nothing.
pub(crate) fn init(verbose: bool) -> Result<(), Failure> {
    let rust_log = std::env::var("RUST_LOG").ok();
    let filter = filter(verbose, rust_log.as_deref())?;
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .try_init()
        .map_err(|err| Failure::failed(format!("could not start logging: {err}")))
}

/// The filter for the given flag and `RUST_LOG` value.
fn filter(verbose: bool, rust_log: Option<&str>) -> Result<EnvFilter, Failure> {
    if !verbose {
        return Ok(EnvFilter::new(QUIET));
    }
    match rust_log.map(str::trim).filter(|spec| !spec.is_empty()) {
        None => Ok(EnvFilter::new(VERBOSE_DEFAULT)),
        Some(spec) => EnvFilter::try_new(spec).map_err(|err| {
            Failure::usage(format!("RUST_LOG `{spec}` is not a valid filter: {err}"))
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::failure::ExitStatus;

    #[test]
    fn quiet_run_ignores_rust_log() {
        let filter = filter(false, Some("trace")).expect("valid");
        assert_eq!(filter.to_string(), "warn");
    }

    #[test]
    fn verbose_run_defaults_to_debug_for_the_client() {
        let filter = filter(true, None).expect("valid");
        assert!(filter.to_string().contains("tokens_core=debug"));
    }

    #[test]
    fn verbose_run_follows_rust_log() {
        let filter = filter(true, Some("tokens_core=trace")).expect("valid");
        assert_eq!(filter.to_string(), "tokens_core=trace");
    }

    #[test]
    fn unreadable_rust_log_is_a_usage_error() {
        let err = filter(true, Some("tokens_core=loud")).unwrap_err();
        assert_eq!(err.status(), ExitStatus::Usage);
        assert!(err.message().starts_with("RUST_LOG `tokens_core=loud`"));
    }
}
