//! The two spellings of a token's lifetime: `--lifetime-seconds N` and `--lifetime DURATION`.

use crate::duration::{DurationError, parse_duration};
use clap::Args;

/// How long a new token lives; absent means the workspace's default (or, for `rotate`, the
/// lifetime the old token was created with).
#[derive(Debug, Clone, Args)]
pub(crate) struct LifetimeArgs {
    /// Lifetime in seconds
    #[arg(
        long,
        value_name = "N",
        value_parser = clap::value_parser!(i64).range(1..),
        conflicts_with = "lifetime"
    )]
    lifetime_seconds: Option<i64>,

    /// Lifetime as a duration: 90d, 12h, 30m, or plain seconds
    #[arg(long, value_name = "DURATION", value_parser = parse_lifetime)]
    lifetime: Option<i64>,
}

impl LifetimeArgs {
    /// The lifetime asked for, in seconds, if any.
    pub(crate) fn seconds(&self) -> Option<i64> {
        self.lifetime_seconds.or(self.lifetime)
    }
}

/// Why a `--lifetime` value was refused.
#[derive(Debug, thiserror::Error)]
pub(crate) enum LifetimeError {
    /// Not a duration at all.
    #[error(transparent)]
    Duration(#[from] DurationError),
    /// The API counts lifetimes in whole seconds.
    #[error("a lifetime is counted in whole seconds; `{0}` is not")]
    FractionalSeconds(String),
    /// More seconds than the API's int64 field holds.
    #[error("`{0}` is too long a lifetime")]
    TooLong(String),
}

/// Parses a `--lifetime` value into whole seconds.
fn parse_lifetime(input: &str) -> Result<i64, LifetimeError> {
    let duration = parse_duration(input)?;
    if duration.subsec_nanos() != 0 {
        return Err(LifetimeError::FractionalSeconds(input.to_owned()));
    }
    i64::try_from(duration.as_secs()).map_err(|_| LifetimeError::TooLong(input.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifetime_is_read_in_whole_seconds() {
        assert_eq!(parse_lifetime("90d").ok(), Some(90 * 86_400));
        assert_eq!(parse_lifetime("3600").ok(), Some(3_600));
    }

    #[test]
    fn fractional_lifetime_is_refused() {
        let err = parse_lifetime("1500ms").unwrap_err();
        assert_eq!(
            err.to_string(),
            "a lifetime is counted in whole seconds; `1500ms` is not"
        );
    }

    #[test]
    fn oversized_lifetime_is_refused() {
        let huge = format!("{}s", u64::MAX);
        assert!(matches!(
            parse_lifetime(&huge),
            Err(LifetimeError::TooLong(_))
        ));
    }
}
