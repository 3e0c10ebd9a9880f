//! Expiry in words: "in 3 days", "in 5 hours", "never", "expired".

use databricks_tokens::types::{Expiry, Timestamp};
use std::time::Duration;

/// How far ahead the table marks a token as expiring soon.
pub(crate) const EXPIRY_WARNING_WINDOW: Duration = Duration::from_secs(7 * 86_400);

/// Says when a token expires, relative to `now`: `never`, `expired`, or `in N units` with the
/// largest whole unit (days, hours, minutes, seconds). An absent expiry reads `unknown`.
pub(crate) fn describe_expiry(expiry: Option<Expiry>, now: Timestamp) -> String {
    match expiry {
        None => "unknown".to_owned(),
        Some(Expiry::Never) => "never".to_owned(),
        Some(expiry) if expiry.is_expired(now) => "expired".to_owned(),
        Some(expiry) => {
            let remaining = expiry.remaining(now).unwrap_or(Duration::ZERO);
            format!("in {}", describe_span(remaining))
        }
    }
}

/// Whether a token with this expiry stops working within `window` of `now`. Tokens that never
/// expire, or whose expiry is not known, do not; one already expired does.
pub(crate) fn expires_within(expiry: Option<Expiry>, now: Timestamp, window: Duration) -> bool {
    match expiry {
        None | Some(Expiry::Never) => false,
        Some(expiry) => expiry.remaining(now).is_some_and(|left| left <= window),
    }
}

/// A span in its largest whole unit: `3 days`, `1 hour`, `59 seconds`.
///
/// Spans of a minute or more are first rounded up to a whole minute, so that a token created
/// a moment ago with a lifetime of 3 days reads "in 3 days", not "in 2 days".
fn describe_span(span: Duration) -> String {
    const UNITS: &[(u64, &str)] = &[(86_400, "day"), (3_600, "hour"), (60, "minute")];

    let mut seconds = span.as_secs() + u64::from(span.subsec_nanos() > 0);
    if seconds > 60 {
        seconds = seconds.div_ceil(60).saturating_mul(60);
    }
    for &(size, name) in UNITS {
        if seconds >= size {
            return plural(seconds / size, name);
        }
    }
    plural(seconds, "second")
}

fn plural(count: u64, unit: &str) -> String {
    if count == 1 {
        format!("1 {unit}")
    } else {
        format!("{count} {unit}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: Timestamp = Timestamp::from_millis(1_800_000_000_000);

    fn expiry_in(seconds: i64) -> Expiry {
        Expiry::At(Timestamp::from_millis(NOW.as_millis() + seconds * 1_000))
    }

    #[test]
    fn never_expiring_token_reads_never() {
        assert_eq!(describe_expiry(Some(Expiry::Never), NOW), "never");
    }

    #[test]
    fn past_expiry_reads_expired() {
        assert_eq!(describe_expiry(Some(expiry_in(-10)), NOW), "expired");
        assert_eq!(describe_expiry(Some(expiry_in(0)), NOW), "expired");
    }

    #[test]
    fn future_expiry_uses_the_largest_whole_unit() {
        assert_eq!(
            describe_expiry(Some(expiry_in(3 * 86_400 + 7_200)), NOW),
            "in 3 days"
        );
        assert_eq!(describe_expiry(Some(expiry_in(86_400)), NOW), "in 1 day");
        assert_eq!(
            describe_expiry(Some(expiry_in(5 * 3_600 + 59)), NOW),
            "in 5 hours"
        );
        assert_eq!(describe_expiry(Some(expiry_in(120)), NOW), "in 2 minutes");
        assert_eq!(describe_expiry(Some(expiry_in(1)), NOW), "in 1 second");
    }

    #[test]
    fn a_moment_short_of_a_whole_unit_reads_as_that_unit() {
        let almost_three_days = Expiry::At(Timestamp::from_millis(
            NOW.as_millis() + 3 * 86_400_000 - 20,
        ));
        assert_eq!(describe_expiry(Some(almost_three_days), NOW), "in 3 days");
        let half_second = Expiry::At(Timestamp::from_millis(NOW.as_millis() + 500));
        assert_eq!(describe_expiry(Some(half_second), NOW), "in 1 second");
    }

    #[test]
    fn absent_expiry_reads_unknown() {
        assert_eq!(describe_expiry(None, NOW), "unknown");
    }

    #[test]
    fn warning_window_includes_soon_and_expired_tokens_only() {
        let week = EXPIRY_WARNING_WINDOW;
        assert!(expires_within(Some(expiry_in(6 * 86_400)), NOW, week));
        assert!(expires_within(Some(expiry_in(7 * 86_400)), NOW, week));
        assert!(expires_within(Some(expiry_in(-1)), NOW, week));
        assert!(!expires_within(Some(expiry_in(8 * 86_400)), NOW, week));
        assert!(!expires_within(Some(Expiry::Never), NOW, week));
        assert!(!expires_within(None, NOW, week));
    }
}
