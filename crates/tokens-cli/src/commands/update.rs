//! `tokens update`: change a token's comment or scopes.

use super::Output;
use super::update_plan::plan_update;
use crate::api::TokenApi;
use crate::cli::{OutputFormat, UpdateArgs};
use crate::failure::Failure;
use crate::render::write_json;
use databricks_tokens::types::{TokenId, UpdateTokenResponse};

/// Updates the fields the flags name. Text says which fields changed; JSON is the API's reply
/// (`{}`).
pub(crate) async fn update(
    api: &impl TokenApi,
    args: &UpdateArgs,
    output: &mut Output<'_>,
) -> Result<(), Failure> {
    let token_id = checked_token_id(&args.token_id)?;
    let plan = plan_update(args)?;
    let mask = plan.mask.to_string();
    tracing::debug!(token_id = %token_id, update_mask = %mask, "updating a token");

    api.update(&token_id, plan.into_token_update()).await?;

    match output.format {
        OutputFormat::Text => writeln!(output.out, "Updated token {token_id}: {mask}")?,
        OutputFormat::Json => write_json(output.out, &UpdateTokenResponse::new())?,
    }
    output.out.flush()?;
    Ok(())
}

/// A token id from the command line; an empty one is a usage error.
pub(crate) fn checked_token_id(text: &str) -> Result<TokenId, Failure> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(Failure::usage("TOKEN_ID: a token id cannot be empty"));
    }
    Ok(TokenId::new(trimmed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::fake_api::{Captured, FakeApi, block_on};
    use crate::failure::ExitStatus;

    fn args(id: &str, comment: Option<&str>) -> UpdateArgs {
        UpdateArgs {
            token_id: id.to_owned(),
            comment: comment.map(str::to_owned),
            scopes: Vec::new(),
            clear_scopes: false,
            update_mask: None,
        }
    }

    #[test]
    fn update_changes_the_comment_and_says_so() {
        let api = FakeApi::default().with_token(databricks_tokens::types::TokenInfo::new("abc"));
        let mut captured = Captured::default();
        let result = block_on(update(
            &api,
            &args("abc", Some("new")),
            &mut captured.output(OutputFormat::Text),
        ));
        assert_eq!(result, Ok(()));
        assert_eq!(captured.out(), "Updated token abc: comment\n");
        assert_eq!(api.tokens()[0].comment.as_deref(), Some("new"));
    }

    #[test]
    fn unknown_token_exits_1() {
        let api = FakeApi::default();
        let mut captured = Captured::default();
        let result = block_on(update(
            &api,
            &args("nope", Some("x")),
            &mut captured.output(OutputFormat::Json),
        ));
        assert_eq!(result.unwrap_err().status(), ExitStatus::Failed);
        assert!(captured.out().is_empty());
    }

    #[test]
    fn empty_id_is_a_usage_error_before_any_call() {
        let api = FakeApi::default();
        let mut captured = Captured::default();
        let result = block_on(update(
            &api,
            &args(" ", Some("x")),
            &mut captured.output(OutputFormat::Text),
        ));
        assert_eq!(result.unwrap_err().status(), ExitStatus::Usage);
        assert!(api.calls().is_empty());
    }
}
