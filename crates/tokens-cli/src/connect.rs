//! Building the client from the global flags and the usual configuration sources.

use crate::api::CallError;
use crate::cli::GlobalArgs;
use crate::failure::Failure;
use std::sync::Arc;
use std::time::Duration;
use tokens_core::{ClientBuilder, Config, DefaultClient};
use tokens_hyper::{HyperTransport, TokioClock};

/// The longest a single attempt may take when `--timeout` does not ask for less.
const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(60);

/// The client the commands use.
pub(crate) type CliClient = DefaultClient<HyperTransport>;

/// Resolves the configuration (flags, then environment, then the config file) and builds a
/// client with the default retry, rate limit and timeout layers. `--timeout` becomes the
/// deadline of each call, retries included.
///
/// Must run inside a tokio runtime (the transport's connection pool needs one).
pub(crate) fn connect(global: &GlobalArgs) -> Result<CliClient, Failure> {
    let config = load_config(global)?;

    let clock = Arc::new(TokioClock::new());
    let mut builder = ClientBuilder::from_config(&config, clock)
        .and_then(|builder| builder.with_product("tokens-cli", env!("CARGO_PKG_VERSION")))
        .map_err(config_failure)?;
    if let Some(deadline) = global.timeout {
        builder = builder
            .with_call_timeout(deadline)
            .with_attempt_timeout(deadline.min(ATTEMPT_TIMEOUT));
    }

    let transport = HyperTransport::new()
        .map_err(|err| Failure::failed(format!("could not set up HTTPS: {err}")))?;
    builder.build(transport).map_err(config_failure)
}

/// Reads the configuration and checks that it names a workspace and a credential.
fn load_config(global: &GlobalArgs) -> Result<Config, Failure> {
    let mut builder = Config::builder();
    if let Some(host) = &global.host {
        builder = builder.host(host.clone());
    }
    if let Some(profile) = &global.profile {
        builder = builder.profile(profile.clone());
    }
    let config = builder.load().map_err(config_failure)?;

    if config.host().is_none() {
        return Err(Failure::usage(
            "no workspace is configured: set DATABRICKS_HOST, pass --host URL, or name a \
             profile of ~/.databrickscfg with --profile NAME",
        ));
    }
    if config.credentials().is_none() {
        return Err(Failure::usage(
            "no credential is configured: set DATABRICKS_TOKEN (or DATABRICKS_CLIENT_ID and \
             DATABRICKS_CLIENT_SECRET for a service principal), or name a profile of \
             ~/.databrickscfg with --profile NAME",
        ));
    }
    Ok(config)
}

/// A configuration error of the client as a usage failure (exit code 2).
fn config_failure(err: tokens_core::Error) -> Failure {
    Failure::from(CallError::from(err))
}
