//! The checks of §5 that need no stored state: lifetimes and comments.

use crate::error::ApiError;
use crate::state::record::NEVER;
use std::time::Duration;

/// The longest comment accepted, in characters.
pub const COMMENT_MAX_CHARS: usize = 255;

/// Lifetime rules, as configured.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LifetimeRules {
    /// The longest lifetime a create may ask for; also the lifetime when none is asked for.
    pub(crate) max_lifetime: Duration,
    /// When set, a create without `lifetime_seconds` makes a token that never expires.
    pub(crate) legacy_never_expire: bool,
}

impl LifetimeRules {
    /// The expiry (epoch ms, or [`NEVER`]) of a token created at `now` with `lifetime_seconds`.
    ///
    /// # Errors
    ///
    /// `INVALID_PARAMETER_VALUE` for a lifetime that is zero, negative or above the maximum.
    pub(crate) fn expiry(&self, lifetime_seconds: Option<i64>, now: i64) -> Result<i64, ApiError> {
        let max_seconds = self.max_lifetime.as_secs();
        let seconds = match lifetime_seconds {
            None if self.legacy_never_expire => return Ok(NEVER),
            None => max_seconds,
            Some(seconds) if seconds <= 0 => {
                return Err(ApiError::invalid_parameter(format!(
                    "lifetime_seconds must be positive, got {seconds}"
                )));
            }
            Some(seconds) => u64::try_from(seconds).unwrap_or(u64::MAX),
        };
        if seconds > max_seconds {
            return Err(ApiError::invalid_parameter(format!(
                "lifetime_seconds must be at most {max_seconds} ({} days), got {seconds}",
                max_seconds / 86_400
            )));
        }
        i64::try_from(seconds)
            .ok()
            .and_then(|s| s.checked_mul(1000))
            .and_then(|ms| now.checked_add(ms))
            .ok_or_else(|| ApiError::invalid_parameter("lifetime_seconds is out of range"))
    }
}

/// Checks a comment's length.
///
/// # Errors
///
/// `INVALID_PARAMETER_VALUE` when it is longer than [`COMMENT_MAX_CHARS`] characters.
pub(crate) fn check_comment(comment: Option<&str>) -> Result<(), ApiError> {
    match comment {
        Some(text) if text.chars().count() > COMMENT_MAX_CHARS => {
            Err(ApiError::invalid_parameter(format!(
                "comment must be at most {COMMENT_MAX_CHARS} characters, got {}",
                text.chars().count()
            )))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: LifetimeRules = LifetimeRules {
        max_lifetime: Duration::from_secs(100),
        legacy_never_expire: false,
    };

    #[test]
    fn lifetime_bounds() {
        assert_eq!(RULES.expiry(Some(100), 5), Ok(100_005));
        assert_eq!(RULES.expiry(None, 5), Ok(100_005));
        assert!(RULES.expiry(Some(101), 5).is_err());
        assert!(RULES.expiry(Some(0), 5).is_err());
        assert!(RULES.expiry(Some(i64::MIN), 5).is_err());
        assert!(RULES.expiry(Some(i64::MAX), 5).is_err());
    }

    #[test]
    fn comment_limit_counts_characters() {
        assert!(check_comment(Some(&"é".repeat(255))).is_ok());
        assert!(check_comment(Some(&"a".repeat(256))).is_err());
    }
}
