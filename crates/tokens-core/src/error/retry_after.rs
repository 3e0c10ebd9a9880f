//! Reading the `Retry-After` header, in both of its forms.

use http::HeaderMap;
use std::time::Duration;
use tokens_types::Timestamp;

/// Reads a `Retry-After` value: whole seconds (`"120"`) or an HTTP date
/// (`"Wed, 21 Oct 2026 07:28:00 GMT"`), the date measured against `now`.
///
/// A date in the past gives [`Duration::ZERO`]; anything unreadable gives `None`. The retry
/// layer and [`Error::from_response`](crate::Error::from_response) both use this function.
///
/// ```
/// use std::time::Duration;
/// use tokens_core::parse_retry_after;
/// use tokens_core::types::Timestamp;
///
/// let now = Timestamp::from_millis(1_445_412_470_000); // Wed, 21 Oct 2015 07:27:50 GMT
/// assert_eq!(parse_retry_after("7", now), Some(Duration::from_secs(7)));
/// assert_eq!(
///     parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now),
///     Some(Duration::from_secs(10)),
/// );
/// assert_eq!(parse_retry_after("soon", now), None);
/// ```
pub fn parse_retry_after(value: &str, now: Timestamp) -> Option<Duration> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    if value.bytes().all(|b| b.is_ascii_digit()) {
        // A number too large for u64 is still "a very long wait", not an unreadable value.
        let seconds = value.parse::<u64>().unwrap_or(u64::MAX);
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    let at = Timestamp::from_system_time(at)?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// Reads the first `Retry-After` header of `headers`, as [`parse_retry_after`] does.
pub fn retry_after_header(headers: &HeaderMap, now: Timestamp) -> Option<Duration> {
    let value = headers.get(http::header::RETRY_AFTER)?.to_str().ok()?;
    parse_retry_after(value, now)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: Timestamp = Timestamp::from_millis(1_445_412_470_000);

    #[test]
    fn seconds_are_read_with_surrounding_space() {
        assert_eq!(
            parse_retry_after(" 30 ", NOW),
            Some(Duration::from_secs(30))
        );
        assert_eq!(parse_retry_after("0", NOW), Some(Duration::ZERO));
    }

    #[test]
    fn negative_or_fractional_seconds_are_unreadable() {
        assert_eq!(parse_retry_after("-1", NOW), None);
        assert_eq!(parse_retry_after("1.5", NOW), None);
        assert_eq!(parse_retry_after("", NOW), None);
    }

    #[test]
    fn a_date_in_the_past_means_no_wait() {
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:27:00 GMT", NOW),
            Some(Duration::ZERO)
        );
    }

    #[test]
    fn a_huge_number_saturates() {
        assert_eq!(
            parse_retry_after("99999999999999999999999", NOW),
            Some(Duration::from_secs(u64::MAX))
        );
    }
}
