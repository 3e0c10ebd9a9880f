//! `Timestamp` and `Expiry` at the ends of their range: conversions never overflow or panic.

use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokens_types::{Expiry, Timestamp};

const MIN: Timestamp = Timestamp::from_millis(i64::MIN);
const MAX: Timestamp = Timestamp::from_millis(i64::MAX);

#[test]
fn extreme_timestamps_round_trip_through_system_time() {
    for millis in [
        i64::MIN,
        i64::MIN + 1,
        -1_500,
        -1,
        0,
        1,
        1_700_000_000_000,
        i64::MAX,
    ] {
        let time = Timestamp::from_millis(millis);
        let system = time
            .to_system_time()
            .expect("representable on this platform");
        assert_eq!(Timestamp::from_system_time(system), Some(time), "{millis}");
    }
}

#[test]
fn system_time_before_the_epoch_rounds_towards_the_past() {
    let just_before = UNIX_EPOCH - Duration::from_nanos(1);
    assert_eq!(
        Timestamp::from_system_time(just_before),
        Some(Timestamp::from_millis(-1))
    );
    let exactly = UNIX_EPOCH - Duration::from_millis(2);
    assert_eq!(
        Timestamp::from_system_time(exactly),
        Some(Timestamp::from_millis(-2))
    );
    let after = UNIX_EPOCH + Duration::from_micros(1_999);
    assert_eq!(
        Timestamp::from_system_time(after),
        Some(Timestamp::from_millis(1))
    );
}

#[test]
fn system_time_beyond_the_millisecond_range_is_none() {
    let far = Duration::from_secs(u64::try_from(i64::MAX / 100).unwrap());
    if let Some(future) = UNIX_EPOCH.checked_add(far) {
        assert_eq!(Timestamp::from_system_time(future), None);
    }
    if let Some(past) = UNIX_EPOCH.checked_sub(far) {
        assert_eq!(Timestamp::from_system_time(past), None);
    }
}

#[test]
fn adding_and_subtracting_reach_the_ends_without_overflow() {
    let span = Duration::from_millis(u64::MAX);
    assert_eq!(MIN.checked_add(span), Some(MAX));
    assert_eq!(MAX.checked_sub(span), Some(MIN));
    assert_eq!(MAX.checked_add(Duration::from_millis(1)), None);
    assert_eq!(MIN.checked_sub(Duration::from_millis(1)), None);
    assert_eq!(MIN.checked_add(Duration::MAX), None);
    assert_eq!(MAX.checked_sub(Duration::MAX), None);
    assert_eq!(MAX.checked_add(Duration::from_nanos(999_999)), Some(MAX));
}

#[test]
fn duration_between_the_ends_does_not_overflow() {
    assert_eq!(
        MAX.duration_since(MIN),
        Some(Duration::from_millis(u64::MAX))
    );
    assert_eq!(MIN.duration_since(MAX), None);
    assert_eq!(MIN.duration_since(MIN), Some(Duration::ZERO));
}

#[test]
fn expiry_at_the_ends_answers_without_panicking() {
    let early = Expiry::At(MIN);
    let late = Expiry::At(MAX);
    assert!(early.is_expired(MAX));
    assert!(!late.is_expired(MIN));
    assert_eq!(early.remaining(MAX), Some(Duration::ZERO));
    assert_eq!(late.remaining(MIN), Some(Duration::from_millis(u64::MAX)));
    assert_eq!(Expiry::Never.remaining(MIN), None);
    assert!(!Expiry::Never.is_expired(MAX));
}

#[test]
fn expiry_wire_values_at_the_ends() {
    assert_eq!(Expiry::from_millis(i64::MIN), Expiry::At(MIN));
    assert_eq!(Expiry::from_millis(i64::MAX).as_millis(), i64::MAX);
    assert_eq!(Expiry::from_millis(-1), Expiry::Never);
    assert_eq!(Expiry::Never.as_millis(), -1);
    assert_eq!(Expiry::Never.at(), None);
    let read: Expiry = serde_json::from_str("\"-9223372036854775808\"").unwrap();
    assert_eq!(read, Expiry::At(MIN));
    assert_eq!(
        serde_json::to_string(&Expiry::At(MIN)).unwrap(),
        "-9223372036854775808"
    );
}

#[test]
fn expiry_is_not_expired_strictly_before_its_time() {
    let at = Timestamp::from_millis(1_000);
    let expiry = Expiry::At(at);
    assert!(!expiry.is_expired(Timestamp::from_millis(999)));
    assert!(expiry.is_expired(at));
}

#[test]
fn timestamps_out_of_i64_range_fail_to_decode() {
    assert!(serde_json::from_str::<Timestamp>("9223372036854775808").is_err());
    assert!(serde_json::from_str::<Timestamp>("\"-9223372036854775809\"").is_err());
    assert!(serde_json::from_str::<Timestamp>("1e300").is_err());
}

#[test]
fn now_like_system_times_convert_both_ways() {
    let time = UNIX_EPOCH + Duration::from_millis(1_764_720_000_123);
    let stamp = Timestamp::from_system_time(time).unwrap();
    assert_eq!(stamp.as_millis(), 1_764_720_000_123);
    assert_eq!(stamp.to_system_time(), Some(time));
    let _: SystemTime = stamp.to_system_time().unwrap();
}
