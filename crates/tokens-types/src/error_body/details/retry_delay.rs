//! The `retry_delay` of a `RetryInfo` detail: a protobuf `Duration` in its JSON forms.
//!
//! The canonical form is a string of seconds with up to nine fractional digits and an `s`
//! (`"1.5s"`, `"3s"`, `"0.250s"`). Some servers write the message form instead,
//! `{"seconds": 1, "nanos": 500000000}` (with `seconds` as a number or, being an int64, a
//! string), and a bare number of seconds is accepted too. A negative, overlong or unreadable
//! delay reads as `None`: a server that asks for one has not asked for anything usable.

use serde_json::Value;
use std::time::Duration;

/// Longest delay accepted: protobuf's own maximum `Duration`, about 10,000 years. Anything
/// longer is a broken server, not a wait to honour.
const MAX_SECONDS: u64 = 315_576_000_000;

const NANOS_PER_SECOND: u32 = 1_000_000_000;

/// Reads a `retry_delay` value in any accepted form.
pub(super) fn parse(value: &Value) -> Option<Duration> {
    match value {
        Value::String(text) => parse_text(text),
        Value::Object(fields) => {
            let seconds = match fields.get("seconds") {
                None | Some(Value::Null) => 0,
                Some(seconds) => whole_seconds(seconds)?,
            };
            let nanos = match fields.get("nanos") {
                None | Some(Value::Null) => 0,
                Some(nanos) => u32::try_from(nanos.as_u64()?).ok()?,
            };
            build(seconds, nanos)
        }
        Value::Number(number) => {
            let seconds = number.as_f64()?;
            if !seconds.is_finite() || seconds < 0.0 {
                return None;
            }
            Duration::try_from_secs_f64(seconds)
                .ok()
                .filter(|delay| delay.as_secs() <= MAX_SECONDS)
        }
        _ => None,
    }
}

/// Writes a delay in the canonical string form, with 0, 3, 6 or 9 fractional digits.
pub(super) fn format(delay: Duration) -> String {
    let seconds = delay.as_secs();
    let nanos = delay.subsec_nanos();
    if nanos == 0 {
        format!("{seconds}s")
    } else if nanos.is_multiple_of(1_000_000) {
        format!("{seconds}.{:03}s", nanos / 1_000_000)
    } else if nanos.is_multiple_of(1_000) {
        format!("{seconds}.{:06}s", nanos / 1_000)
    } else {
        format!("{seconds}.{nanos:09}s")
    }
}

/// Reads the string form: digits, an optional fraction of up to nine digits, then `s`.
fn parse_text(text: &str) -> Option<Duration> {
    let number = text.trim().strip_suffix('s')?;
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    if !all_digits(whole) || !all_digits(fraction) || fraction.len() > 9 {
        return None;
    }

    let seconds = if whole.is_empty() {
        0
    } else {
        whole.parse::<u64>().ok()?
    };
    let mut nanos = 0_u32;
    for position in 0..9 {
        let digit = fraction.as_bytes().get(position).map_or(0, |b| b - b'0');
        nanos = nanos * 10 + u32::from(digit);
    }
    build(seconds, nanos)
}

/// Reads the `seconds` of the message form: a non-negative integer, as a number or a string.
fn whole_seconds(value: &Value) -> Option<u64> {
    match value {
        Value::Number(number) => number.as_u64(),
        Value::String(text) => text.trim().parse::<u64>().ok(),
        _ => None,
    }
}

fn build(seconds: u64, nanos: u32) -> Option<Duration> {
    if seconds > MAX_SECONDS || nanos >= NANOS_PER_SECOND {
        return None;
    }
    Some(Duration::new(seconds, nanos))
}

fn all_digits(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_the_string_forms() {
        assert_eq!(parse(&json!("1.5s")), Some(Duration::from_millis(1500)));
        assert_eq!(parse(&json!("3s")), Some(Duration::from_secs(3)));
        assert_eq!(parse(&json!("0.250s")), Some(Duration::from_millis(250)));
        assert_eq!(parse(&json!("0.000000001s")), Some(Duration::from_nanos(1)));
    }

    #[test]
    fn reads_the_message_form() {
        let delay = json!({"seconds": 2, "nanos": 5_000_000});
        assert_eq!(parse(&delay), Some(Duration::new(2, 5_000_000)));
        assert_eq!(
            parse(&json!({"seconds": "7"})),
            Some(Duration::from_secs(7))
        );
    }

    #[test]
    fn refuses_negative_overlong_and_malformed_delays() {
        for bad in [
            json!("-1s"),
            json!("1.5"),
            json!("s"),
            json!(".s"),
            json!("1.0000000001s"),
            json!("99999999999999999999999s"),
            json!("1e3s"),
            json!({"seconds": -1}),
            json!({"seconds": 1, "nanos": -1}),
            json!({"seconds": 1, "nanos": 1_000_000_000}),
            json!({"seconds": 315_576_000_001_u64}),
            json!(-2.5),
            json!(true),
        ] {
            assert_eq!(parse(&bad), None, "{bad}");
        }
    }

    #[test]
    fn formatting_reads_back_the_same_delay() {
        for delay in [
            Duration::ZERO,
            Duration::from_millis(1500),
            Duration::from_micros(1_000_001),
            Duration::new(5, 1),
        ] {
            assert_eq!(parse(&Value::String(format(delay))), Some(delay));
        }
        assert_eq!(format(Duration::from_millis(250)), "0.250s");
    }
}
