//! `tokens delete`: revoke one or more tokens.

use super::Output;
use super::update::checked_token_id;
use crate::api::TokenApi;
use crate::cli::{DeleteArgs, OutputFormat};
use crate::failure::Failure;
use crate::render::write_json;
use databricks_tokens::types::{DeleteTokenResponse, TokenId};

/// Revokes every id given, in order, carrying on past failures. An id given twice is revoked
/// once. With `--if-exists`, an id the service does not know counts as revoked.
///
/// Text prints a line per id; JSON prints the API's reply (`{}`) for each revoked token, one
/// document each. A single failure is returned as is; several are each written to stderr and
/// summed up in the returned failure, whose exit status is that of the worst.
pub(crate) async fn delete(
    api: &impl TokenApi,
    args: &DeleteArgs,
    output: &mut Output<'_>,
) -> Result<(), Failure> {
    let ids = unique_ids(&args.token_ids)?;
    let mut failures: Vec<Failure> = Vec::new();

    for id in &ids {
        tracing::debug!(token_id = %id, "revoking a token");
        match api.delete(id).await {
            Ok(()) => match output.format {
                OutputFormat::Text => writeln!(output.out, "Deleted token {id}")?,
                OutputFormat::Json => write_json(output.out, &DeleteTokenResponse::new())?,
            },
            Err(err) if err.is_not_found() && args.if_exists => {
                if output.format == OutputFormat::Text {
                    writeln!(output.out, "Token {id} does not exist; nothing to delete")?;
                }
            }
            Err(err) => failures.push(Failure::from(err).context(format!("token {id}"))),
        }
    }
    output.out.flush()?;

    match failures.len() {
        0 => Ok(()),
        1 => Err(failures.remove(0)),
        count => {
            for failure in &failures {
                writeln!(output.err, "error: {failure}")?;
            }
            let worst = Failure::most_severe(failures).unwrap_or_else(|| Failure::failed(""));
            Err(worst.context(format!("{count} of {} tokens were not deleted", ids.len())))
        }
    }
}

/// The ids in the order given, without repeats; an empty id is a usage error.
fn unique_ids(texts: &[String]) -> Result<Vec<TokenId>, Failure> {
    let mut ids: Vec<TokenId> = Vec::with_capacity(texts.len());
    for text in texts {
        let id = checked_token_id(text)?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::CallErrorClass;
    use crate::commands::fake_api::{Captured, FakeApi, block_on};
    use crate::failure::ExitStatus;
    use databricks_tokens::types::TokenInfo;

    fn args(ids: &[&str], if_exists: bool) -> DeleteArgs {
        DeleteArgs {
            token_ids: ids.iter().map(|id| (*id).to_owned()).collect(),
            if_exists,
        }
    }

    fn api() -> FakeApi {
        FakeApi::default()
            .with_token(TokenInfo::new("a"))
            .with_token(TokenInfo::new("b"))
    }

    fn run(
        api: &FakeApi,
        args: &DeleteArgs,
        format: OutputFormat,
    ) -> (Result<(), Failure>, Captured) {
        let mut captured = Captured::default();
        let result = block_on(delete(api, args, &mut captured.output(format)));
        (result, captured)
    }

    #[test]
    fn several_ids_are_deleted_in_order() {
        let api = api();
        let (result, captured) = run(&api, &args(&["b", "a", "b"], false), OutputFormat::Text);
        assert_eq!(result, Ok(()));
        assert_eq!(captured.out(), "Deleted token b\nDeleted token a\n");
        assert_eq!(api.calls(), ["delete b", "delete a"]);
        assert!(api.tokens().is_empty());
    }

    #[test]
    fn unknown_id_fails_with_exit_1_naming_it() {
        let api = api();
        let (result, _) = run(&api, &args(&["zzz"], false), OutputFormat::Text);
        let failure = result.unwrap_err();
        assert_eq!(failure.status(), ExitStatus::Failed);
        assert!(failure.message().starts_with("token zzz: "));
    }

    #[test]
    fn if_exists_makes_unknown_ids_a_success() {
        let api = api();
        let (result, captured) = run(&api, &args(&["zzz", "a"], true), OutputFormat::Text);
        assert_eq!(result, Ok(()));
        assert!(
            captured
                .out()
                .contains("Token zzz does not exist; nothing to delete")
        );
        assert!(captured.out().contains("Deleted token a"));
    }

    #[test]
    fn failures_do_not_stop_the_other_ids() {
        let api = api().fail_next("delete", CallErrorClass::Failed);
        let (result, captured) = run(&api, &args(&["a", "zzz", "b"], false), OutputFormat::Text);
        let failure = result.unwrap_err();
        assert_eq!(failure.status(), ExitStatus::Failed);
        assert!(
            failure
                .message()
                .starts_with("2 of 3 tokens were not deleted")
        );
        assert_eq!(captured.out(), "Deleted token b\n");
        assert_eq!(captured.err().lines().count(), 2);
    }

    #[test]
    fn json_prints_one_reply_per_deleted_token() {
        let api = api();
        let (result, captured) = run(&api, &args(&["a", "b"], false), OutputFormat::Json);
        assert_eq!(result, Ok(()));
        let replies: Vec<serde_json::Value> = serde_json::Deserializer::from_str(&captured.out())
            .into_iter()
            .collect::<Result<_, _>>()
            .expect("JSON documents");
        assert_eq!(replies, [serde_json::json!({}), serde_json::json!({})]);
    }
}
