//! The command line: every subcommand, flag and help text, declared with clap's derive API.

mod global;
mod lifetime;
mod token_args;

pub(crate) use global::{GlobalArgs, OutputFormat};
pub(crate) use token_args::{
    CompletionArgs, CreateArgs, DeleteArgs, ListArgs, RotateArgs, UpdateArgs,
};

use clap::{Parser, Subcommand};

const LONG_ABOUT: &str = "\
Manage Databricks personal access tokens from a shell or a script.

Configuration comes from the same places as the Databricks SDKs, first match wins: the \
--host/--profile flags, then DATABRICKS_HOST and DATABRICKS_TOKEN (or DATABRICKS_CLIENT_ID and \
DATABRICKS_CLIENT_SECRET), then a profile of ~/.databrickscfg.";

const AFTER_HELP: &str = "\
Exit codes:
  0  success
  1  the API refused the request, or it could not be reached
  2  usage or configuration error (the message names what is missing)
  3  outcome unknown: a create may have happened; run `tokens list` and revoke any orphan

Results go to stdout, errors and logs to stderr. Use `-o json` for the API's own JSON.";

/// `tokens`: manage Databricks personal access tokens.
#[derive(Debug, Parser)]
#[command(
    name = "tokens",
    version,
    about = "Manage Databricks personal access tokens",
    long_about = LONG_ABOUT,
    after_help = AFTER_HELP,
    propagate_version = true,
    arg_required_else_help = true
)]
pub(crate) struct Cli {
    /// Options every command accepts.
    #[command(flatten)]
    pub(crate) global: GlobalArgs,

    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Create a token and print its secret (shown only this once)
    Create(CreateArgs),
    /// List your tokens, marking those due to expire or be revoked within 7 days
    List(ListArgs),
    /// Change a token's comment or scopes
    Update(UpdateArgs),
    /// Revoke one or more tokens
    Delete(DeleteArgs),
    /// Replace a token: create a successor like it, print its secret, revoke the old one
    Rotate(RotateArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell)
    Completion(CompletionArgs),
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_tree_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn global_flags_are_accepted_after_the_subcommand() {
        let cli = Cli::try_parse_from(["tokens", "list", "-o", "json", "--timeout", "2m"])
            .expect("valid command line");
        assert_eq!(cli.global.output, OutputFormat::Json);
        assert_eq!(
            cli.global.timeout,
            Some(std::time::Duration::from_secs(120))
        );
        assert!(matches!(cli.command, Command::List(_)));
    }

    #[test]
    fn bad_timeout_is_a_usage_error() {
        let err = Cli::try_parse_from(["tokens", "--timeout", "soon", "list"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("`soon` is not a duration"));
    }

    #[test]
    fn delete_needs_at_least_one_id() {
        let err = Cli::try_parse_from(["tokens", "delete"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn lifetime_flags_exclude_each_other() {
        let err = Cli::try_parse_from([
            "tokens",
            "create",
            "--lifetime",
            "1d",
            "--lifetime-seconds",
            "60",
        ])
        .unwrap_err();
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn scopes_repeat_or_split_on_commas() {
        let cli =
            Cli::try_parse_from(["tokens", "create", "--scope", "sql", "--scope", "a:read,b"])
                .expect("valid command line");
        let Command::Create(args) = cli.command else {
            panic!("parsed as another command");
        };
        assert_eq!(args.scopes, ["sql", "a:read", "b"]);
    }

    #[test]
    fn clear_scopes_conflicts_with_scope() {
        let err = Cli::try_parse_from([
            "tokens",
            "update",
            "abc",
            "--scope",
            "sql",
            "--clear-scopes",
        ])
        .unwrap_err();
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn help_lists_every_command_and_the_exit_codes() {
        let help = Cli::command().render_long_help().to_string();
        for word in ["create", "list", "update", "delete", "rotate", "completion"] {
            assert!(help.contains(word), "help misses {word}");
        }
        assert!(help.contains("Exit codes:"));
        assert!(help.contains("DATABRICKS_HOST"));
    }
}
