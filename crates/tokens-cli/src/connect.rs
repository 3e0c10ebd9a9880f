//! Building the client from the global flags and the usual configuration sources.

use crate::api::CallError;
use crate::cli::GlobalArgs;
use crate::failure::Failure;
use databricks_tokens::{Client, ClientBuilder, Error, ErrorKind};
use std::time::Duration;

/// The longest a single attempt may take when `--timeout` does not ask for less.
const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(60);

/// Builds the client: `--host` and `--profile` first, then the environment, then the config
/// file (spec §4), with the facade's default retry, rate limit and timeout layers.
/// `--timeout` becomes the deadline of each call, retries included.
///
/// Must run inside a tokio runtime (the transport's connection pool needs one).
pub(crate) fn connect(global: &GlobalArgs) -> Result<Client, Failure> {
    let mut builder = ClientBuilder::from_env().product("tokens-cli", env!("CARGO_PKG_VERSION"));
    if let Some(host) = &global.host {
        builder = builder.host(host.clone());
    }
    if let Some(profile) = &global.profile {
        builder = builder.profile(profile.clone());
    }
    if let Some(deadline) = global.timeout {
        builder = builder
            .call_timeout(deadline)
            .attempt_timeout(deadline.min(ATTEMPT_TIMEOUT));
    }
    builder.build().map_err(setup_failure)
}

/// A failure to build the client: configuration errors exit 2, with the flags that can fix
/// them.
fn setup_failure(err: Error) -> Failure {
    let is_config = err.kind() == ErrorKind::Config;
    let failure = Failure::from(CallError::from(err));
    if is_config {
        failure.with_note(
            "hint: --host URL and --profile NAME choose the workspace and the profile from \
             the command line",
        )
    } else {
        failure
    }
}
