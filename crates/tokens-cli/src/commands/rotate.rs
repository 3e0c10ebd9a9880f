//! `tokens rotate`: replace a token with a successor, never losing the new secret.

use super::Output;
use super::successor::plan_successor;
use super::update::checked_token_id;
use crate::api::{CallErrorClass, TokenApi};
use crate::cli::{OutputFormat, RotateArgs};
use crate::failure::Failure;
use crate::render::{write_json, write_secret_block};
use databricks_tokens::types::TokenId;

/// Rotates a token in three steps: list to find it, create its successor and print the new
/// secret, then revoke the old one.
///
/// The secret is flushed to stdout before the revoke, so a failed revoke never loses it; the
/// failure then says that the old token still works and how to revoke it. An old token that
/// is already gone by then counts as revoked.
pub(crate) async fn rotate(
    api: &impl TokenApi,
    args: &RotateArgs,
    output: &mut Output<'_>,
) -> Result<(), Failure> {
    let old_id = checked_token_id(&args.token_id)?;

    tracing::debug!(token_id = %old_id, "looking up the token to rotate");
    let listed = api
        .list()
        .await
        .map_err(|err| Failure::from(err).context("could not list tokens to find the old one"))?;
    let Some(old) = listed
        .token_infos
        .iter()
        .find(|token| token.token_id.as_ref() == Some(&old_id))
    else {
        return Err(Failure::failed(format!(
            "token {old_id} is not among your tokens (it may have expired or been revoked); \
             nothing was changed"
        )));
    };

    let plan = plan_successor(old, args.lifetime.seconds());
    if let Some(note) = &plan.note {
        writeln!(output.err, "note: {note}")?;
    }
    tracing::debug!(token_id = %old_id, lifetime_seconds = plan.request.lifetime_seconds, "creating the successor");
    let created = api.create(plan.request).await.map_err(|err| {
        let keep_old = err.class() != CallErrorClass::OutcomeUnknown;
        let failure = Failure::from(err);
        if keep_old {
            failure.context(format!(
                "the successor was not created; token {old_id} is unchanged"
            ))
        } else {
            failure.context(format!("token {old_id} was not revoked"))
        }
    })?;

    match output.format {
        OutputFormat::Text => write_secret_block(output.out, &created, output.now)?,
        OutputFormat::Json => write_json(output.out, &created)?,
    }
    output.out.flush()?;

    revoke_old(api, &old_id, created_id(&created), output).await
}

/// Revokes the old token once the successor's secret is out; already gone counts as done.
async fn revoke_old(
    api: &impl TokenApi,
    old_id: &TokenId,
    new_id: String,
    output: &mut Output<'_>,
) -> Result<(), Failure> {
    tracing::debug!(token_id = %old_id, "revoking the old token");
    let outcome = match api.delete(old_id).await {
        Ok(()) => "Revoked the old token",
        Err(err) if err.is_not_found() => "The old token was already revoked",
        Err(err) => {
            return Err(Failure::failed(format!(
                "{}\nThe new token {new_id} was created and its secret printed, but the old \
                 token {old_id} was NOT revoked and still works. Store the new secret, then \
                 revoke the old token with `tokens delete {old_id}`.",
                err.message()
            )));
        }
    };
    if output.format == OutputFormat::Text {
        writeln!(output.out, "\n{outcome} {old_id}.")?;
        output.out.flush()?;
    }
    Ok(())
}

/// The successor's id for messages, or a phrase when the reply had none.
fn created_id(created: &databricks_tokens::types::CreateTokenResponse) -> String {
    created
        .token_info
        .as_ref()
        .and_then(|info| info.token_id.as_ref())
        .map_or_else(|| "(id not sent)".to_owned(), ToString::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::fake_api::{Captured, FakeApi, NOW, block_on};
    use crate::failure::ExitStatus;
    use databricks_tokens::types::{Expiry, Timestamp, TokenInfo};

    fn old_token() -> TokenInfo {
        TokenInfo::new("old")
            .with_comment("deploy")
            .with_scopes(["sql"])
            .with_creation_time(Timestamp::from_millis(NOW.as_millis() - 86_400_000))
            .with_expiry_time(Expiry::At(Timestamp::from_millis(
                NOW.as_millis() + 29 * 86_400_000,
            )))
    }

    fn args(id: &str) -> RotateArgs {
        use clap::Parser;
        match crate::cli::Cli::try_parse_from(["tokens", "rotate", id])
            .expect("valid command line")
            .command
        {
            crate::cli::Command::Rotate(args) => args,
            _ => panic!("parsed as another command"),
        }
    }

    fn run(api: &FakeApi, id: &str, format: OutputFormat) -> (Result<(), Failure>, Captured) {
        let mut captured = Captured::default();
        let result = block_on(rotate(api, &args(id), &mut captured.output(format)));
        (result, captured)
    }

    #[test]
    fn rotate_creates_a_like_successor_then_revokes_the_old_token() {
        let api = FakeApi::default().with_token(old_token());
        let (result, captured) = run(&api, "old", OutputFormat::Text);
        assert_eq!(result, Ok(()));
        assert_eq!(api.calls(), ["list", "create", "delete old"]);

        let tokens = api.tokens();
        assert_eq!(tokens.len(), 1);
        let new = &tokens[0];
        assert_eq!(new.comment.as_deref(), Some("deploy"));
        assert_eq!(new.scopes.as_deref(), Some(&["sql".to_owned()][..]));
        assert_eq!(
            new.expiry_time,
            Some(Expiry::At(Timestamp::from_millis(
                NOW.as_millis() + 30 * 86_400_000
            )))
        );

        let secret = api.last_secret().expect("created");
        assert!(captured.out().contains(&secret));
        assert!(captured.out().contains("Revoked the old token old."));
    }

    #[test]
    fn failed_revoke_keeps_the_printed_secret_and_says_what_to_do() {
        let api = FakeApi::default()
            .with_token(old_token())
            .fail_next("delete", CallErrorClass::Failed);
        let (result, captured) = run(&api, "old", OutputFormat::Text);
        let failure = result.unwrap_err();
        assert_eq!(failure.status(), ExitStatus::Failed);
        assert!(
            captured
                .out()
                .contains(&api.last_secret().expect("created"))
        );
        assert!(failure.message().contains("NOT revoked"));
        assert!(failure.message().contains("tokens delete old"));
    }

    #[test]
    fn unknown_token_changes_nothing() {
        let api = FakeApi::default().with_token(old_token());
        let (result, captured) = run(&api, "nope", OutputFormat::Text);
        assert_eq!(result.unwrap_err().status(), ExitStatus::Failed);
        assert_eq!(api.calls(), ["list"]);
        assert!(captured.out().is_empty());
    }

    #[test]
    fn refused_create_leaves_the_old_token() {
        let api = FakeApi::default()
            .with_token(old_token())
            .fail_next("create", CallErrorClass::Failed);
        let (result, _) = run(&api, "old", OutputFormat::Text);
        let failure = result.unwrap_err();
        assert!(failure.message().contains("token old is unchanged"));
        assert_eq!(api.calls(), ["list", "create"]);
    }

    #[test]
    fn lost_create_reply_exits_3_without_revoking() {
        let api = FakeApi::default()
            .with_token(old_token())
            .fail_next("create", CallErrorClass::OutcomeUnknown);
        let (result, _) = run(&api, "old", OutputFormat::Text);
        assert_eq!(result.unwrap_err().status(), ExitStatus::OutcomeUnknown);
        assert_eq!(api.calls(), ["list", "create"]);
    }

    #[test]
    fn json_output_is_the_create_reply_only() {
        let api = FakeApi::default().with_token(old_token());
        let (result, captured) = run(&api, "old", OutputFormat::Json);
        assert_eq!(result, Ok(()));
        let reply: serde_json::Value =
            serde_json::from_str(&captured.out()).expect("one JSON document");
        assert_eq!(reply["token_info"]["comment"], "deploy");
    }

    #[test]
    fn never_expiring_token_is_rotated_with_a_note() {
        let never = TokenInfo::new("old").with_expiry_time(Expiry::Never);
        let api = FakeApi::default().with_token(never);
        let (result, captured) = run(&api, "old", OutputFormat::Text);
        assert_eq!(result, Ok(()));
        assert!(
            captured
                .err()
                .starts_with("note: the old token never expires")
        );
    }
}
