//! Running a parsed command against the Token API.

use crate::api::TokenApi;
use crate::cli::Command;
use crate::commands::{self, Output};
use crate::failure::Failure;

/// Runs one of the commands that call the API. `completion` never gets here.
pub(crate) async fn run_api_command(
    api: &impl TokenApi,
    command: &Command,
    output: &mut Output<'_>,
) -> Result<(), Failure> {
    match command {
        Command::Create(args) => commands::create(api, args, output).await,
        Command::List(args) => commands::list(api, args, output).await,
        Command::Update(args) => commands::update(api, args, output).await,
        Command::Delete(args) => commands::delete(api, args, output).await,
        Command::Rotate(args) => commands::rotate(api, args, output).await,
        Command::Completion(_) => Err(Failure::usage(
            "`completion` does not call the API; run it on its own",
        )),
    }
}
