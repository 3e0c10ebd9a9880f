//! `tokens`: manage Databricks personal access tokens from a shell or a script.
//!
//! ```text
//! $ tokens create --comment "ci deploy" --lifetime 90d --scope sql
//! $ tokens list --expiring-within 7d
//! $ tokens rotate 5684c955…
//! $ tokens delete 5684c955… 9a0b… --if-exists
//! $ tokens -o json list | jq -r '.token_infos[].token_id'
//! ```
//!
//! Exit codes: 0 success; 1 the API refused or could not be reached; 2 a usage or
//! configuration error; 3 the outcome of a create is unknown. Results go to stdout, errors
//! and logs to stderr. See the crate README for more.

mod api;
mod cli;
mod client_api;
mod commands;
mod completion;
mod connect;
mod dispatch;
mod duration;
mod failure;
mod logging;
mod render;

use clap::Parser;
use cli::{Cli, Command};
use commands::Output;
use databricks_tokens::types::Timestamp;
use failure::{ExitStatus, Failure};
use std::io::{self, Write};
use std::process::ExitCode;
use std::time::SystemTime;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = stdout.lock();

    let status = match run(&cli, &mut out) {
        Ok(()) => ExitStatus::Success,
        Err(failure) => {
            if !failure.message().is_empty() {
                // If stderr itself is gone there is nowhere left to report to.
                let _ = writeln!(io::stderr().lock(), "error: {}", failure.message());
            }
            failure.status()
        }
    };
    status.into()
}

/// Runs the parsed command line.
fn run(cli: &Cli, out: &mut dyn Write) -> Result<(), Failure> {
    logging::init(cli.global.verbose)?;
    if let Command::Completion(args) = &cli.command {
        completion::write_completion(args.shell, out)?;
        return Ok(());
    }

    let now = Timestamp::from_system_time(SystemTime::now())
        .ok_or_else(|| Failure::failed("the system clock is out of range"))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|err| Failure::failed(format!("could not start the async runtime: {err}")))?;

    runtime.block_on(async {
        let client = connect::connect(&cli.global)?;
        let mut err = io::stderr().lock();
        let mut output = Output {
            out,
            err: &mut err,
            format: cli.global.output,
            now,
        };
        dispatch::run_api_command(&client, &cli.command, &mut output).await
    })
}
