//! Turning `tokens update` flags into the new values and the field mask.

use super::create::check_scopes;
use crate::cli::UpdateArgs;
use crate::failure::Failure;
use databricks_tokens::TokenUpdate;
use databricks_tokens::types::{FieldMask, TOKEN_UPDATABLE_PATHS, TokenInfo};

/// What an update sends: the new values and the mask naming the fields to change.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct UpdatePlan {
    /// The new values; only the fields the mask names are read by the service.
    pub(crate) token: TokenInfo,
    /// The fields to change.
    pub(crate) mask: FieldMask,
}

impl UpdatePlan {
    /// The client's update: the values set and the mask, given explicitly.
    pub(crate) fn into_token_update(self) -> TokenUpdate {
        let mut update = TokenUpdate::new().with_mask(self.mask);
        if let Some(comment) = self.token.comment {
            update = update.with_comment(comment);
        }
        if let Some(scopes) = self.token.scopes {
            update = update.with_scopes(scopes);
        }
        update
    }
}

/// Derives the update from the flags: `--comment` changes `comment`, `--scope` and
/// `--clear-scopes` change `scopes`. `--update-mask` replaces the derived mask; a field it
/// names without a value flag is cleared, and a value flag it does not name is an error.
pub(crate) fn plan_update(args: &UpdateArgs) -> Result<UpdatePlan, Failure> {
    let mut token = TokenInfo::default();
    let mut derived: Vec<&str> = Vec::new();

    if let Some(comment) = &args.comment {
        token.comment = Some(comment.clone());
        derived.push("comment");
    }
    if !args.scopes.is_empty() {
        check_scopes(&args.scopes)?;
        token.scopes = Some(args.scopes.clone());
        derived.push("scopes");
    } else if args.clear_scopes {
        token.scopes = Some(Vec::new());
        derived.push("scopes");
    }

    let mask = match &args.update_mask {
        Some(text) => explicit_mask(text, &derived)?,
        None if derived.is_empty() => {
            return Err(Failure::usage(
                "nothing to change: give --comment, --scope, --clear-scopes or --update-mask",
            ));
        }
        None => FieldMask::from_paths(&derived)
            .map_err(|err| Failure::usage(format!("field mask: {err}")))?,
    };
    Ok(UpdatePlan { token, mask })
}

/// Reads `--update-mask` and checks that it covers every field a flag set.
fn explicit_mask(text: &str, derived: &[&str]) -> Result<FieldMask, Failure> {
    let mask = FieldMask::parse(text)
        .and_then(|mask| mask.validate_for(TOKEN_UPDATABLE_PATHS).map(|()| mask))
        .map_err(|err| Failure::usage(format!("--update-mask `{text}`: {err}")))?;
    if let Some(uncovered) = derived.iter().find(|path| !mask.covers(path)) {
        return Err(Failure::usage(format!(
            "--update-mask `{text}` does not name `{uncovered}`, so its new value would be \
             ignored: add `{uncovered}` to the mask or drop the flag"
        )));
    }
    Ok(mask)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use crate::failure::ExitStatus;
    use clap::Parser;

    fn plan(flags: &[&str]) -> Result<UpdatePlan, Failure> {
        let mut line = vec!["tokens", "update", "abc"];
        line.extend_from_slice(flags);
        match Cli::try_parse_from(line)
            .expect("valid command line")
            .command
        {
            Command::Update(args) => plan_update(&args),
            _ => panic!("parsed as another command"),
        }
    }

    fn mask_of(flags: &[&str]) -> String {
        plan(flags).expect("a valid update").mask.to_string()
    }

    #[test]
    fn mask_follows_the_flags_given() {
        assert_eq!(mask_of(&["--comment", "x"]), "comment");
        assert_eq!(mask_of(&["--scope", "sql"]), "scopes");
        assert_eq!(
            mask_of(&["--comment", "x", "--scope", "sql"]),
            "comment,scopes"
        );
    }

    #[test]
    fn clear_scopes_sends_an_empty_list() {
        let plan = plan(&["--clear-scopes"]).expect("valid");
        assert_eq!(plan.mask.to_string(), "scopes");
        assert_eq!(plan.token.scopes, Some(Vec::new()));
    }

    #[test]
    fn nothing_to_change_is_a_usage_error() {
        let err = plan(&[]).unwrap_err();
        assert_eq!(err.status(), ExitStatus::Usage);
        assert!(err.message().starts_with("nothing to change"));
    }

    #[test]
    fn explicit_mask_overrides_and_may_clear_a_field() {
        let plan = plan(&["--update-mask", "comment,scopes", "--comment", "x"]).expect("valid");
        assert_eq!(plan.mask.to_string(), "comment,scopes");
        assert_eq!(plan.token.scopes, None);
    }

    #[test]
    fn explicit_mask_must_cover_the_flags() {
        let err = plan(&["--update-mask", "scopes", "--comment", "x"]).unwrap_err();
        assert_eq!(err.status(), ExitStatus::Usage);
        assert!(err.message().contains("does not name `comment`"));
    }

    #[test]
    fn unknown_mask_path_is_a_usage_error_naming_it() {
        let err = plan(&["--update-mask", "token_id"]).unwrap_err();
        assert_eq!(err.status(), ExitStatus::Usage);
        assert!(err.message().contains("token_id"));
        assert_eq!(
            plan(&["--update-mask", ""]).unwrap_err().status(),
            ExitStatus::Usage
        );
    }
}
