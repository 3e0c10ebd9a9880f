//! Durations as people type them on a command line: `90s`, `2m`, `1h`, `7d`, `1h30m`, or a
//! plain number of seconds.
//!
//! Only whole numbers are accepted, each followed by a unit (`ms`, `s`, `m`, `h`, `d`); parts
//! add up, so `1h30m` is 5400 seconds. A duration of zero is refused, because every flag that
//! takes one (`--timeout`, `--lifetime`, `--expiring-within`) would be meaningless with it.

use std::time::Duration;

/// Seconds in each unit a duration may use, with the unit as typed.
const UNITS: &[(&str, Unit)] = &[
    ("ms", Unit::Millis),
    ("s", Unit::Seconds(1)),
    ("m", Unit::Seconds(60)),
    ("h", Unit::Seconds(3_600)),
    ("d", Unit::Seconds(86_400)),
];

/// What one unit is worth.
#[derive(Debug, Clone, Copy)]
enum Unit {
    Millis,
    Seconds(u64),
}

/// Why a duration could not be read. The messages quote the input and say what would work.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum DurationError {
    /// Nothing was typed.
    #[error("a duration is required, such as `30s`, `5m`, `1h` or `7d`")]
    Empty,
    /// A part does not start with a number.
    #[error(
        "`{input}` is not a duration: expected whole numbers each followed by a unit \
         (`ms`, `s`, `m`, `h`, `d`), such as `90s`, `2m` or `1h30m`"
    )]
    Malformed {
        /// The whole input.
        input: String,
    },
    /// A number is followed by something that is not a unit.
    #[error("`{unit}` in `{input}` is not a unit of time: use `ms`, `s`, `m`, `h` or `d`")]
    UnknownUnit {
        /// The whole input.
        input: String,
        /// The unit as typed.
        unit: String,
    },
    /// A number at the end of a multi-part duration has no unit.
    #[error("`{number}` in `{input}` has no unit: write `{number}s`, `{number}m`, ...")]
    MissingUnit {
        /// The whole input.
        input: String,
        /// The number without a unit.
        number: u64,
    },
    /// The duration is larger than this program can hold.
    #[error("`{input}` is too long a duration")]
    TooLong {
        /// The whole input.
        input: String,
    },
    /// The duration adds up to nothing.
    #[error("`{input}` is zero: a duration must be longer than that")]
    Zero {
        /// The whole input.
        input: String,
    },
}

/// Parses a duration: `3s`, `2m`, `1h`, `7d`, `250ms`, `1h30m`, or plain seconds (`45`).
pub(crate) fn parse_duration(input: &str) -> Result<Duration, DurationError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(DurationError::Empty);
    }

    let total = if trimmed.bytes().all(|b| b.is_ascii_digit()) {
        let seconds = parse_number(trimmed, input)?;
        Duration::from_secs(seconds)
    } else {
        sum_parts(trimmed, input)?
    };

    if total.is_zero() {
        return Err(DurationError::Zero {
            input: input.to_owned(),
        });
    }
    Ok(total)
}

/// Adds up `<number><unit>` parts such as `1h30m`.
fn sum_parts(text: &str, input: &str) -> Result<Duration, DurationError> {
    let mut total = Duration::ZERO;
    let mut rest = text;

    // Each pass consumes at least one digit and one letter, so this ends.
    while !rest.is_empty() {
        let digits_end = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits_end == 0 {
            return Err(DurationError::Malformed {
                input: input.to_owned(),
            });
        }
        let number = parse_number(&rest[..digits_end], input)?;
        rest = &rest[digits_end..];

        let unit_end = rest
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(rest.len());
        let unit_text = &rest[..unit_end];
        rest = &rest[unit_end..];

        let part = part_duration(number, unit_text, input)?;
        total = total
            .checked_add(part)
            .ok_or_else(|| DurationError::TooLong {
                input: input.to_owned(),
            })?;
    }
    Ok(total)
}

/// The duration of `number` units of `unit_text`.
fn part_duration(number: u64, unit_text: &str, input: &str) -> Result<Duration, DurationError> {
    if unit_text.is_empty() {
        return Err(DurationError::MissingUnit {
            input: input.to_owned(),
            number,
        });
    }
    let Some((_, unit)) = UNITS.iter().find(|(name, _)| *name == unit_text) else {
        return Err(DurationError::UnknownUnit {
            input: input.to_owned(),
            unit: unit_text.to_owned(),
        });
    };
    match *unit {
        Unit::Millis => Ok(Duration::from_millis(number)),
        Unit::Seconds(per_unit) => number
            .checked_mul(per_unit)
            .map(Duration::from_secs)
            .ok_or_else(|| DurationError::TooLong {
                input: input.to_owned(),
            }),
    }
}

/// Reads a run of ASCII digits.
fn parse_number(digits: &str, input: &str) -> Result<u64, DurationError> {
    digits.parse().map_err(|_| DurationError::TooLong {
        input: input.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_number_is_seconds() {
        assert_eq!(parse_duration("45"), Ok(Duration::from_secs(45)));
    }

    #[test]
    fn each_unit_has_its_worth() {
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("3s"), Ok(Duration::from_secs(3)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(parse_duration("1h"), Ok(Duration::from_secs(3_600)));
        assert_eq!(parse_duration("7d"), Ok(Duration::from_secs(7 * 86_400)));
    }

    #[test]
    fn parts_add_up() {
        assert_eq!(parse_duration("1h30m"), Ok(Duration::from_secs(5_400)));
        assert_eq!(parse_duration("1m500ms"), Ok(Duration::from_millis(60_500)));
    }

    #[test]
    fn surrounding_white_space_is_ignored() {
        assert_eq!(parse_duration(" 5m "), Ok(Duration::from_secs(300)));
    }

    #[test]
    fn empty_input_asks_for_a_duration() {
        let err = parse_duration("  ").unwrap_err();
        assert_eq!(err, DurationError::Empty);
        assert!(err.to_string().contains("`30s`"));
    }

    #[test]
    fn unknown_unit_is_named() {
        let err = parse_duration("3x").unwrap_err();
        assert_eq!(
            err.to_string(),
            "`x` in `3x` is not a unit of time: use `ms`, `s`, `m`, `h` or `d`"
        );
    }

    #[test]
    fn unit_without_number_is_malformed() {
        assert!(matches!(
            parse_duration("h"),
            Err(DurationError::Malformed { .. })
        ));
        assert!(matches!(
            parse_duration("-3s"),
            Err(DurationError::Malformed { .. })
        ));
        assert!(matches!(
            parse_duration("1.5h"),
            Err(DurationError::UnknownUnit { .. })
        ));
    }

    #[test]
    fn number_without_unit_after_a_part_is_refused() {
        let err = parse_duration("1h30").unwrap_err();
        assert_eq!(
            err.to_string(),
            "`30` in `1h30` has no unit: write `30s`, `30m`, ..."
        );
    }

    #[test]
    fn zero_is_refused() {
        assert!(matches!(
            parse_duration("0"),
            Err(DurationError::Zero { .. })
        ));
        assert!(matches!(
            parse_duration("0s0m"),
            Err(DurationError::Zero { .. })
        ));
    }

    #[test]
    fn overflow_is_reported_not_wrapped() {
        let huge = format!("{}d", u64::MAX);
        assert!(matches!(
            parse_duration(&huge),
            Err(DurationError::TooLong { .. })
        ));
        assert!(matches!(
            parse_duration("99999999999999999999999"),
            Err(DurationError::TooLong { .. })
        ));
    }

    #[test]
    fn non_ascii_input_does_not_panic() {
        assert!(parse_duration("3秒").is_err());
        assert!(parse_duration("٣s").is_err());
    }
}
