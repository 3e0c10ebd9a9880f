//! The arguments of each subcommand.

use super::lifetime::LifetimeArgs;
use crate::duration::parse_duration;
use clap::Args;
use std::time::Duration;

/// `tokens create`.
#[derive(Debug, Args)]
#[command(
    after_help = "The secret is printed once, on stdout. With `-o json` the output is \
the API's create reply; read the secret with `jq -r .token_value`."
)]
pub(crate) struct CreateArgs {
    /// A note to tell this token apart from others
    #[arg(long, value_name = "TEXT")]
    pub(crate) comment: Option<String>,

    #[command(flatten)]
    pub(crate) lifetime: LifetimeArgs,

    /// Limit the token to a scope such as `sql`; repeat or separate with commas
    #[arg(long = "scope", value_name = "SCOPE", value_delimiter = ',')]
    pub(crate) scopes: Vec<String>,

    /// Let the workspace narrow the token's scopes to what it is used for
    #[arg(long)]
    pub(crate) autoscope: bool,
}

/// `tokens list`.
#[derive(Debug, Args)]
pub(crate) struct ListArgs {
    /// Show only tokens that expire within this long (for example 7d); tokens that never
    /// expire are left out
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub(crate) expiring_within: Option<Duration>,
}

/// `tokens update`.
#[derive(Debug, Args)]
#[command(
    after_help = "The fields changed are those whose flags are given. --update-mask \
names them explicitly instead (comment, scopes, or both separated by a comma); a field it \
names without a flag is cleared."
)]
pub(crate) struct UpdateArgs {
    /// The id of the token to change
    #[arg(value_name = "TOKEN_ID")]
    pub(crate) token_id: String,

    /// The new comment
    #[arg(long, value_name = "TEXT")]
    pub(crate) comment: Option<String>,

    /// The new scopes, replacing the old ones; repeat or separate with commas
    #[arg(long = "scope", value_name = "SCOPE", value_delimiter = ',')]
    pub(crate) scopes: Vec<String>,

    /// Remove every scope
    #[arg(long, conflicts_with = "scopes")]
    pub(crate) clear_scopes: bool,

    /// The fields to change, overriding what the flags imply: `comment`, `scopes`, or
    /// `comment,scopes`
    #[arg(long, value_name = "MASK")]
    pub(crate) update_mask: Option<String>,
}

/// `tokens delete`.
#[derive(Debug, Args)]
pub(crate) struct DeleteArgs {
    /// The ids of the tokens to revoke
    #[arg(value_name = "TOKEN_ID", required = true, num_args = 1..)]
    pub(crate) token_ids: Vec<String>,

    /// Count an id that does not exist (or has expired) as deleted
    #[arg(long)]
    pub(crate) if_exists: bool,
}

/// `tokens rotate`.
#[derive(Debug, Args)]
#[command(
    after_help = "The successor gets the old token's comment and scopes, and the \
lifetime the old token was created with unless --lifetime or --lifetime-seconds is given. \
Its secret is printed before the old token is revoked, so it is never lost."
)]
pub(crate) struct RotateArgs {
    /// The id of the token to replace
    #[arg(value_name = "TOKEN_ID")]
    pub(crate) token_id: String,

    #[command(flatten)]
    pub(crate) lifetime: LifetimeArgs,
}

/// `tokens completion`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  tokens completion bash > ~/.local/share/bash-completion/completions/tokens
  tokens completion zsh > \"${fpath[1]}/_tokens\"
  tokens completion fish > ~/.config/fish/completions/tokens.fish
  tokens completion powershell >> $PROFILE")]
pub(crate) struct CompletionArgs {
    /// The shell to write the script for
    #[arg(value_enum, value_name = "SHELL")]
    pub(crate) shell: clap_complete::Shell,
}
