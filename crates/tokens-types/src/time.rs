//! Points in time as the Token API writes them: milliseconds since the Unix epoch.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A point in time, in whole milliseconds since the Unix epoch (the API's `int64` times).
///
/// ```
/// use std::time::Duration;
/// use tokens_types::Timestamp;
///
/// let created = Timestamp::from_millis(1_700_000_000_000);
/// let later = created.checked_add(Duration::from_secs(300)).unwrap();
/// assert_eq!(later.as_millis(), 1_700_000_300_000);
/// assert_eq!(later.duration_since(created), Some(Duration::from_secs(300)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

impl Timestamp {
    /// The Unix epoch, `1970-01-01T00:00:00Z`.
    pub const UNIX_EPOCH: Timestamp = Timestamp(0);

    /// Makes a timestamp from milliseconds since the Unix epoch (negative values are before it).
    pub const fn from_millis(millis: i64) -> Self {
        Timestamp(millis)
    }

    /// Milliseconds since the Unix epoch, as sent on the wire.
    pub const fn as_millis(self) -> i64 {
        self.0
    }

    /// Converts a [`SystemTime`], truncating to whole milliseconds.
    ///
    /// Returns `None` when the time lies outside the range an `i64` of milliseconds can hold
    /// (about 292 million years either side of 1970).
    pub fn from_system_time(time: SystemTime) -> Option<Self> {
        match time.duration_since(UNIX_EPOCH) {
            Ok(after) => i64::try_from(after.as_millis()).ok().map(Timestamp),
            Err(before) => {
                // Round towards negative infinity so that truncation never moves a time later.
                // The magnitude is negated in i128, because i64::MIN has no positive twin.
                let before = before.duration();
                let mut millis = i128::try_from(before.as_millis()).ok()?;
                if !before.subsec_nanos().is_multiple_of(1_000_000) {
                    millis += 1;
                }
                i64::try_from(-millis).ok().map(Timestamp)
            }
        }
    }

    /// Converts to a [`SystemTime`], or `None` if the platform cannot represent the time.
    pub fn to_system_time(self) -> Option<SystemTime> {
        let magnitude = Duration::from_millis(self.0.unsigned_abs());
        if self.0 >= 0 {
            UNIX_EPOCH.checked_add(magnitude)
        } else {
            UNIX_EPOCH.checked_sub(magnitude)
        }
    }

    /// This time moved later by `duration` (whole milliseconds of it), or `None` when the
    /// result does not fit.
    pub fn checked_add(self, duration: Duration) -> Option<Self> {
        // i128 holds every i64 plus every Duration in milliseconds, so only the final
        // narrowing can fail.
        let millis = i128::try_from(duration.as_millis()).ok()?;
        i64::try_from(i128::from(self.0) + millis)
            .ok()
            .map(Timestamp)
    }

    /// This time moved earlier by `duration` (whole milliseconds of it), or `None` when the
    /// result does not fit.
    pub fn checked_sub(self, duration: Duration) -> Option<Self> {
        let millis = i128::try_from(duration.as_millis()).ok()?;
        i64::try_from(i128::from(self.0) - millis)
            .ok()
            .map(Timestamp)
    }

    /// How long after `earlier` this time is, or `None` if it is earlier. Any two
    /// timestamps are at most `u64::MAX` milliseconds apart, so this never overflows.
    pub fn duration_since(self, earlier: Timestamp) -> Option<Duration> {
        let diff = i128::from(self.0) - i128::from(earlier.0);
        u64::try_from(diff).ok().map(Duration::from_millis)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ms since the Unix epoch", self.0)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.0)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::int64::deserialize(deserializer).map(Timestamp)
    }
}

/// When a token stops working: at a time, or never (`expiry_time: -1` on the wire).
///
/// ```
/// use std::time::Duration;
/// use tokens_types::{Expiry, Timestamp};
///
/// let never: Expiry = serde_json::from_str("-1").unwrap();
/// assert_eq!(never, Expiry::Never);
///
/// let now = Timestamp::from_millis(1_000_000);
/// let soon = Expiry::At(Timestamp::from_millis(1_060_000));
/// assert_eq!(soon.remaining(now), Some(Duration::from_secs(60)));
/// assert!(!soon.is_expired(now));
/// assert_eq!(Expiry::Never.remaining(now), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Expiry {
    /// The token never expires. The wire value is `-1`.
    Never,
    /// The token expires at this time.
    ///
    /// `At(Timestamp::from_millis(-1))` is written as `-1` and so reads back as
    /// [`Expiry::Never`]; build expiries from wire values with [`Expiry::from_millis`].
    At(Timestamp),
}

impl Expiry {
    /// The wire value for a token that never expires.
    pub const NEVER_MILLIS: i64 = -1;

    /// Reads the wire value: `-1` means [`Expiry::Never`], anything else is a time.
    pub const fn from_millis(millis: i64) -> Self {
        if millis == Self::NEVER_MILLIS {
            Expiry::Never
        } else {
            Expiry::At(Timestamp::from_millis(millis))
        }
    }

    /// The wire value: `-1` for [`Expiry::Never`], else milliseconds since the epoch.
    pub const fn as_millis(self) -> i64 {
        match self {
            Expiry::Never => Self::NEVER_MILLIS,
            Expiry::At(at) => at.as_millis(),
        }
    }

    /// The expiry time, or `None` for a token that never expires.
    pub const fn at(self) -> Option<Timestamp> {
        match self {
            Expiry::Never => None,
            Expiry::At(at) => Some(at),
        }
    }

    /// Whether the token has expired at `now` (a token is valid strictly before its expiry).
    pub fn is_expired(self, now: Timestamp) -> bool {
        match self {
            Expiry::Never => false,
            Expiry::At(at) => at <= now,
        }
    }

    /// Time left before expiry at `now`: `None` for [`Expiry::Never`], zero once expired.
    pub fn remaining(self, now: Timestamp) -> Option<Duration> {
        match self {
            Expiry::Never => None,
            Expiry::At(at) => Some(at.duration_since(now).unwrap_or(Duration::ZERO)),
        }
    }
}

impl fmt::Display for Expiry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expiry::Never => f.write_str("never"),
            Expiry::At(at) => write!(f, "at {at}"),
        }
    }
}

impl Serialize for Expiry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.as_millis())
    }
}

impl<'de> Deserialize<'de> for Expiry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::int64::deserialize(deserializer).map(Expiry::from_millis)
    }
}
