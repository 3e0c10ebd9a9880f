//! `tokens create`: make a token and print its secret once.

use super::Output;
use crate::api::TokenApi;
use crate::cli::{CreateArgs, OutputFormat};
use crate::failure::Failure;
use crate::render::{write_json, write_secret_block};
use databricks_tokens::types::CreateTokenRequest;

/// Creates a token from `args` and prints the reply: the secret block in text, the API's
/// create reply in JSON.
pub(crate) async fn create(
    api: &impl TokenApi,
    args: &CreateArgs,
    output: &mut Output<'_>,
) -> Result<(), Failure> {
    let request = create_request(args)?;
    tracing::debug!(
        comment = request.comment.is_some(),
        lifetime_seconds = request.lifetime_seconds,
        scopes = ?request.scopes,
        "creating a token"
    );

    let created = api.create(request).await?;

    match output.format {
        OutputFormat::Text => write_secret_block(output.out, &created, output.now)?,
        OutputFormat::Json => write_json(output.out, &created)?,
    }
    output.out.flush()?;
    Ok(())
}

/// The create request the flags describe: only the fields given are sent.
fn create_request(args: &CreateArgs) -> Result<CreateTokenRequest, Failure> {
    let mut request = CreateTokenRequest::new();
    if let Some(comment) = &args.comment {
        request = request.with_comment(comment.clone());
    }
    if let Some(seconds) = args.lifetime.seconds() {
        request = request.with_lifetime_seconds(seconds);
    }
    if !args.scopes.is_empty() {
        check_scopes(&args.scopes)?;
        request = request.with_scopes(args.scopes.iter().cloned());
    }
    if args.autoscope {
        request = request.with_autoscope_enabled(true);
    }
    Ok(request)
}

/// Refuses empty scopes (as `--scope ''` or `--scope a,,b` would give).
pub(crate) fn check_scopes(scopes: &[String]) -> Result<(), Failure> {
    if scopes.iter().any(|scope| scope.trim().is_empty()) {
        return Err(Failure::usage("--scope: a scope cannot be empty"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::CallErrorClass;
    use crate::cli::{Cli, Command};
    use crate::commands::fake_api::{Captured, FakeApi, block_on};
    use crate::failure::ExitStatus;
    use clap::Parser;

    fn args(line: &[&str]) -> CreateArgs {
        let mut full = vec!["tokens", "create"];
        full.extend_from_slice(line);
        match Cli::try_parse_from(full)
            .expect("valid command line")
            .command
        {
            Command::Create(args) => args,
            _ => panic!("parsed as another command"),
        }
    }

    #[test]
    fn request_holds_only_the_flags_given() {
        let request =
            create_request(&args(&["--comment", "ci", "--lifetime", "1h"])).expect("valid flags");
        assert_eq!(
            request,
            CreateTokenRequest::new()
                .with_comment("ci")
                .with_lifetime_seconds(3_600)
        );
        assert_eq!(
            create_request(&args(&[])).ok(),
            Some(CreateTokenRequest::new())
        );
    }

    #[test]
    fn scopes_and_autoscope_are_sent() {
        let request = create_request(&args(&["--scope", "sql", "--autoscope"])).expect("valid");
        assert_eq!(request.scopes, Some(vec!["sql".to_owned()]));
        assert_eq!(request.autoscope_enabled, Some(true));
    }

    #[test]
    fn empty_scope_is_a_usage_error() {
        let err = create_request(&args(&["--scope", "a,,b"])).unwrap_err();
        assert_eq!(err.status(), ExitStatus::Usage);
    }

    #[test]
    fn text_output_shows_the_secret_once() {
        let api = FakeApi::default();
        let mut captured = Captured::default();
        let args = args(&["--comment", "ci"]);
        let result = block_on(create(
            &api,
            &args,
            &mut captured.output(OutputFormat::Text),
        ));
        assert_eq!(result, Ok(()));
        let secret = api.last_secret().expect("a token was created");
        assert_eq!(captured.out().matches(&secret).count(), 1);
        assert!(captured.out().contains("will not be shown again"));
        assert!(captured.err().is_empty());
    }

    #[test]
    fn json_output_is_the_create_reply() {
        let api = FakeApi::default();
        let mut captured = Captured::default();
        let result = block_on(create(
            &api,
            &args(&[]),
            &mut captured.output(OutputFormat::Json),
        ));
        assert_eq!(result, Ok(()));
        let reply: serde_json::Value = serde_json::from_str(&captured.out()).expect("JSON");
        assert_eq!(
            reply["token_value"],
            api.last_secret().expect("created").as_str()
        );
        assert!(reply["token_info"]["token_id"].is_string());
    }

    #[test]
    fn lost_reply_exits_with_outcome_unknown() {
        let api = FakeApi::default().fail_next("create", CallErrorClass::OutcomeUnknown);
        let mut captured = Captured::default();
        let result = block_on(create(
            &api,
            &args(&[]),
            &mut captured.output(OutputFormat::Text),
        ));
        assert_eq!(result.unwrap_err().status(), ExitStatus::OutcomeUnknown);
        assert!(captured.out().is_empty());
    }
}
