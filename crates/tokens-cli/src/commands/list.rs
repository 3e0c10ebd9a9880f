//! `tokens list`: every token of the caller, as a table or the API's JSON.

use super::Output;
use crate::api::TokenApi;
use crate::cli::{ListArgs, OutputFormat};
use crate::failure::Failure;
use crate::render::{expires_within, write_json, write_token_table};
use databricks_tokens::types::{Expiry, TokenInfo};

/// Lists the caller's tokens, keeping only those expiring within `--expiring-within` when it
/// is given. Text is a table sorted by expiry, soonest first; JSON is the API's list reply
/// (filtered, in the service's order, with any top-level field the service added kept).
pub(crate) async fn list(
    api: &impl TokenApi,
    args: &ListArgs,
    output: &mut Output<'_>,
) -> Result<(), Failure> {
    tracing::debug!("listing tokens");
    let mut reply = api.list().await?;
    tracing::debug!(count = reply.token_infos.len(), "listed tokens");

    if let Some(window) = args.expiring_within {
        let now = output.now;
        reply
            .token_infos
            .retain(|token| expires_within(token.expiry_time, now, window));
    }

    match output.format {
        OutputFormat::Json => write_json(output.out, &reply)?,
        OutputFormat::Text => {
            reply.token_infos.sort_by_key(expiry_order);
            write_token_table(output.out, &reply.token_infos, output.now)?;
        }
    }
    output.out.flush()?;
    Ok(())
}

/// Sort key: tokens with an expiry first, soonest first; then those that never expire; then
/// those whose expiry is unknown.
fn expiry_order(token: &TokenInfo) -> (u8, i64) {
    match token.expiry_time {
        Some(Expiry::At(at)) => (0, at.as_millis()),
        Some(Expiry::Never) => (1, 0),
        None => (2, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::CallErrorClass;
    use crate::commands::fake_api::{Captured, FakeApi, NOW, block_on};
    use crate::failure::ExitStatus;
    use databricks_tokens::types::Timestamp;
    use std::time::Duration;

    fn token(id: &str, days: i64) -> TokenInfo {
        TokenInfo::new(id)
            .with_creation_time(NOW)
            .with_expiry_time(Expiry::At(Timestamp::from_millis(
                NOW.as_millis() + days * 86_400_000,
            )))
    }

    fn api() -> FakeApi {
        FakeApi::default()
            .with_token(token("later", 60))
            .with_token(TokenInfo::new("forever").with_expiry_time(Expiry::Never))
            .with_token(token("soon", 2))
    }

    fn run(
        api: &FakeApi,
        args: &ListArgs,
        format: OutputFormat,
    ) -> (Result<(), Failure>, Captured) {
        let mut captured = Captured::default();
        let result = block_on(list(api, args, &mut captured.output(format)));
        (result, captured)
    }

    #[test]
    fn text_table_is_sorted_by_expiry_soonest_first() {
        let (result, captured) = run(
            &api(),
            &ListArgs {
                expiring_within: None,
            },
            OutputFormat::Text,
        );
        assert_eq!(result, Ok(()));
        let ids: Vec<String> = captured
            .out()
            .lines()
            .skip(1)
            .take(3)
            .map(|line| {
                line.split_whitespace()
                    .find(|w| *w != "!")
                    .unwrap_or("")
                    .to_owned()
            })
            .collect();
        assert_eq!(ids, ["soon", "later", "forever"]);
    }

    #[test]
    fn json_is_the_api_reply_in_service_order() {
        let (result, captured) = run(
            &api(),
            &ListArgs {
                expiring_within: None,
            },
            OutputFormat::Json,
        );
        assert_eq!(result, Ok(()));
        let reply: serde_json::Value = serde_json::from_str(&captured.out()).expect("JSON");
        let ids: Vec<&str> = reply["token_infos"]
            .as_array()
            .expect("token_infos is an array")
            .iter()
            .filter_map(|t| t["token_id"].as_str())
            .collect();
        assert_eq!(ids, ["later", "forever", "soon"]);
        assert_eq!(reply["token_infos"][1]["expiry_time"], -1);
    }

    #[test]
    fn json_keeps_top_level_fields_the_service_added() {
        let api = api().with_list_field("next_page_token", serde_json::json!("abc"));
        let args = ListArgs {
            expiring_within: Some(Duration::from_secs(7 * 86_400)),
        };
        let (result, captured) = run(&api, &args, OutputFormat::Json);
        assert_eq!(result, Ok(()));
        let reply: serde_json::Value = serde_json::from_str(&captured.out()).expect("JSON");
        assert_eq!(reply["next_page_token"], "abc");
        assert_eq!(reply["token_infos"].as_array().map(Vec::len), Some(1));
    }

    #[test]
    fn expiring_within_keeps_only_tokens_due_in_the_window() {
        let args = ListArgs {
            expiring_within: Some(Duration::from_secs(7 * 86_400)),
        };
        let (result, captured) = run(&api(), &args, OutputFormat::Json);
        assert_eq!(result, Ok(()));
        let reply: serde_json::Value = serde_json::from_str(&captured.out()).expect("JSON");
        assert_eq!(reply["token_infos"].as_array().map(Vec::len), Some(1));
        assert_eq!(reply["token_infos"][0]["token_id"], "soon");
    }

    #[test]
    fn refusal_exits_1_and_prints_nothing() {
        let api = api().fail_next("list", CallErrorClass::Failed);
        let (result, captured) = run(
            &api,
            &ListArgs {
                expiring_within: None,
            },
            OutputFormat::Text,
        );
        assert_eq!(result.unwrap_err().status(), ExitStatus::Failed);
        assert!(captured.out().is_empty());
    }
}
