//! Calendar dates in UTC for the `created` and `expires` columns, without a date library.

use databricks_tokens::types::Timestamp;

const MILLIS_PER_DAY: i64 = 86_400_000;

/// Formats a timestamp as `2026-12-03 18:42 UTC` (minutes, truncated).
pub(crate) fn format_utc_minute(time: Timestamp) -> String {
    let millis = time.as_millis();
    let days = millis.div_euclid(MILLIS_PER_DAY);
    let minute_of_day = millis.rem_euclid(MILLIS_PER_DAY) / 60_000;
    let (year, month, day) = civil_date(days);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        minute_of_day / 60,
        minute_of_day % 60
    )
}

/// The proleptic Gregorian (year, month, day) of a count of days since 1970-01-01.
///
/// Works in 400-year eras of 146 097 days, counted from 0000-03-01 so that the leap day falls
/// at the end of each year and needs no special case.
fn civil_date(days_since_epoch: i64) -> (i64, i64, i64) {
    // Days from 0000-03-01 to 1970-01-01.
    const SHIFT: i64 = 719_468;
    const DAYS_PER_ERA: i64 = 146_097;

    let days = days_since_epoch + SHIFT;
    let era = days.div_euclid(DAYS_PER_ERA);
    let day_of_era = days.rem_euclid(DAYS_PER_ERA);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    // Months counted from March: 0 = March ... 11 = February.
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_is_first_of_january_1970() {
        assert_eq!(
            format_utc_minute(Timestamp::from_millis(0)),
            "1970-01-01 00:00 UTC"
        );
    }

    #[test]
    fn a_known_instant_formats_to_its_date() {
        // 1 700 000 000 s after the epoch is 2023-11-14 22:13:20 UTC.
        let time = Timestamp::from_millis(1_700_000_000_000);
        assert_eq!(format_utc_minute(time), "2023-11-14 22:13 UTC");
    }

    #[test]
    fn leap_days_are_dated() {
        // 2024-02-29 00:00 UTC and 2000-02-29 12:00 UTC.
        assert_eq!(
            format_utc_minute(Timestamp::from_millis(1_709_164_800_000)),
            "2024-02-29 00:00 UTC"
        );
        assert_eq!(
            format_utc_minute(Timestamp::from_millis(951_825_600_000)),
            "2000-02-29 12:00 UTC"
        );
    }

    #[test]
    fn times_before_the_epoch_are_dated() {
        assert_eq!(
            format_utc_minute(Timestamp::from_millis(-60_000)),
            "1969-12-31 23:59 UTC"
        );
    }

    #[test]
    fn extreme_times_do_not_panic() {
        let _ = format_utc_minute(Timestamp::from_millis(i64::MAX));
        let _ = format_utc_minute(Timestamp::from_millis(i64::MIN));
    }
}
