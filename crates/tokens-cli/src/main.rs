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

// The commands are complete and unit-tested against a fake API; the real client is wired in
// once the facade's `Client` lands. Until then they are unused in the binary.
#![allow(dead_code)]

mod api;
mod cli;
mod client_api;
mod commands;
mod completion;
mod dispatch;
mod duration;
mod failure;
mod logging;
mod render;

use clap::Parser;
use cli::{Cli, Command};
use failure::{ExitStatus, Failure};
use std::io::{self, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = stdout.lock();

    let status = match run(cli, &mut out) {
        Ok(()) => ExitStatus::Success,
        Err(failure) => {
            // If stderr itself is gone there is nowhere left to report to.
            let _ = writeln!(io::stderr().lock(), "error: {failure}");
            failure.status()
        }
    };
    status.into()
}

/// Runs the parsed command line.
fn run(cli: Cli, out: &mut dyn Write) -> Result<(), Failure> {
    logging::init(cli.global.verbose)?;
    match cli.command {
        Command::Completion(args) => {
            completion::write_completion(args.shell, out);
            out.flush()?;
            Ok(())
        }
        Command::Create(_)
        | Command::List(_)
        | Command::Update(_)
        | Command::Delete(_)
        | Command::Rotate(_) => Err(Failure::failed(
            "this build of tokens cannot reach the Token API yet",
        )),
    }
}
