//! Databricks revokes a personal access token that has not been used for 90 days. When the
//! service reports when a token was last used (`last_accessed_time`, sent by some workspaces
//! only), the table warns a week before that happens.

use databricks_tokens::types::{Timestamp, TokenInfo};
use std::time::Duration;

/// How many days a token may go unused before Databricks revokes it.
pub(crate) const INACTIVITY_LIMIT_DAYS: u64 = 90;

/// How many days before the inactivity revocation the table warns.
pub(crate) const INACTIVITY_WARNING_DAYS: u64 = 7;

const INACTIVITY_LIMIT: Duration = Duration::from_secs(INACTIVITY_LIMIT_DAYS * 86_400);
const INACTIVITY_WARNING_WINDOW: Duration = Duration::from_secs(INACTIVITY_WARNING_DAYS * 86_400);

/// Whether `token` will be revoked for inactivity within [`INACTIVITY_WARNING_WINDOW`] of
/// `now` (or already should have been), judged by its last use. A token whose last use is
/// not reported, or lies in the future (a skewed clock), is not.
pub(crate) fn revoked_for_inactivity_soon(token: &TokenInfo, now: Timestamp) -> bool {
    unused_for(token, now)
        .is_some_and(|idle| idle.saturating_add(INACTIVITY_WARNING_WINDOW) >= INACTIVITY_LIMIT)
}

/// How long ago `token` was last used, if the service said.
fn unused_for(token: &TokenInfo, now: Timestamp) -> Option<Duration> {
    let idle_ms = now
        .as_millis()
        .checked_sub(token.last_accessed_time?.as_millis())?;
    u64::try_from(idle_ms).ok().map(Duration::from_millis)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY_MS: i64 = 86_400_000;
    const NOW: Timestamp = Timestamp::from_millis(1_800_000_000_000);

    fn last_used_days_ago(days: i64) -> TokenInfo {
        TokenInfo::new("t")
            .with_last_accessed_time(Timestamp::from_millis(NOW.as_millis() - days * DAY_MS))
    }

    #[test]
    fn token_unused_for_83_days_or_more_is_due_for_revocation_soon() {
        assert!(revoked_for_inactivity_soon(&last_used_days_ago(83), NOW));
        assert!(revoked_for_inactivity_soon(&last_used_days_ago(120), NOW));
    }

    #[test]
    fn token_used_within_82_days_is_not() {
        assert!(!revoked_for_inactivity_soon(&last_used_days_ago(82), NOW));
        assert!(!revoked_for_inactivity_soon(&last_used_days_ago(0), NOW));
    }

    #[test]
    fn unknown_or_future_last_use_is_not_judged() {
        assert!(!revoked_for_inactivity_soon(&TokenInfo::new("t"), NOW));
        assert!(!revoked_for_inactivity_soon(&last_used_days_ago(-3), NOW));
    }

    #[test]
    fn extreme_timestamps_do_not_overflow() {
        let ancient = TokenInfo::new("t").with_last_accessed_time(Timestamp::from_millis(i64::MIN));
        assert!(!revoked_for_inactivity_soon(&ancient, NOW));
        let far = Timestamp::from_millis(i64::MAX);
        assert!(revoked_for_inactivity_soon(&last_used_days_ago(100), far));
    }
}
