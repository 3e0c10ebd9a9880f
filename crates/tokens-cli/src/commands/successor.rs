//! What the successor of a rotated token looks like.

use databricks_tokens::types::{CreateTokenRequest, Expiry, TokenInfo};

/// The create request for a token's successor, and a note for the person when the old
/// token's lifetime could not be carried over.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SuccessorPlan {
    /// The request: the old comment and scopes, and the chosen lifetime.
    pub(crate) request: CreateTokenRequest,
    /// Set when the successor gets the workspace's default lifetime instead of the old one's.
    pub(crate) note: Option<String>,
}

/// Plans the successor of `old`: the same comment and scopes, and `lifetime_seconds` if
/// given, else the lifetime `old` was created with (its expiry minus its creation time,
/// rounded to the nearest second).
pub(crate) fn plan_successor(old: &TokenInfo, lifetime_seconds: Option<i64>) -> SuccessorPlan {
    let mut request = CreateTokenRequest::new();
    if let Some(comment) = &old.comment {
        request = request.with_comment(comment.clone());
    }
    if let Some(scopes) = old.scopes.as_ref().filter(|scopes| !scopes.is_empty()) {
        request = request.with_scopes(scopes.iter().cloned());
    }

    let lifetime = match lifetime_seconds {
        Some(seconds) => Ok(seconds),
        None => original_lifetime(old),
    };
    match lifetime {
        Ok(seconds) => SuccessorPlan {
            request: request.with_lifetime_seconds(seconds),
            note: None,
        },
        Err(why) => SuccessorPlan {
            request,
            note: Some(format!(
                "{why}, so the new token gets the workspace's default lifetime; give \
                 --lifetime to choose one"
            )),
        },
    }
}

/// The lifetime a token was created with, in seconds, or why it is not known.
fn original_lifetime(token: &TokenInfo) -> Result<i64, &'static str> {
    let expiry = match token.expiry_time {
        Some(Expiry::At(at)) => at,
        Some(Expiry::Never) => return Err("the old token never expires"),
        None => return Err("the service did not say when the old token expires"),
    };
    let Some(created) = token.creation_time else {
        return Err("the service did not say when the old token was created");
    };
    let millis = expiry.as_millis().saturating_sub(created.as_millis());
    let seconds = millis.saturating_add(500) / 1_000;
    if seconds > 0 {
        Ok(seconds)
    } else {
        Err("the old token's expiry is not after its creation")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use databricks_tokens::types::Timestamp;

    const CREATED: Timestamp = Timestamp::from_millis(1_700_000_000_000);

    fn old(lifetime_ms: i64) -> TokenInfo {
        TokenInfo::new("old")
            .with_comment("deploy")
            .with_scopes(["sql"])
            .with_creation_time(CREATED)
            .with_expiry_time(Expiry::At(Timestamp::from_millis(
                CREATED.as_millis() + lifetime_ms,
            )))
    }

    #[test]
    fn successor_keeps_comment_scopes_and_original_lifetime() {
        let plan = plan_successor(&old(90 * 86_400_000), None);
        assert_eq!(
            plan.request,
            CreateTokenRequest::new()
                .with_comment("deploy")
                .with_scopes(["sql"])
                .with_lifetime_seconds(90 * 86_400)
        );
        assert_eq!(plan.note, None);
    }

    #[test]
    fn lifetime_is_rounded_to_the_nearest_second() {
        let plan = plan_successor(&old(3_600_000 - 1), None);
        assert_eq!(plan.request.lifetime_seconds, Some(3_600));
    }

    #[test]
    fn lifetime_flag_wins() {
        let plan = plan_successor(&old(90 * 86_400_000), Some(60));
        assert_eq!(plan.request.lifetime_seconds, Some(60));
    }

    #[test]
    fn never_expiring_token_gets_the_default_lifetime_with_a_note() {
        let never = TokenInfo::new("old").with_expiry_time(Expiry::Never);
        let plan = plan_successor(&never, None);
        assert_eq!(plan.request.lifetime_seconds, None);
        assert!(
            plan.note
                .as_deref()
                .is_some_and(|n| n.contains("never expires"))
        );
    }

    #[test]
    fn missing_times_get_the_default_lifetime_with_a_note() {
        let plan = plan_successor(&TokenInfo::new("old"), None);
        assert_eq!(plan.request.lifetime_seconds, None);
        assert!(plan.note.is_some());
    }

    #[test]
    fn empty_scopes_are_not_sent() {
        let bare = old(1_000).with_scopes(Vec::<String>::new());
        assert_eq!(plan_successor(&bare, None).request.scopes, None);
    }
}
