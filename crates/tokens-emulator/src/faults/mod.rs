//! Fault injection: rules that make the emulator misbehave on purpose, so that clients'
//! retry logic can be tested.
//!
//! A rule names a route (or every route), an action, how many times it may fire and with
//! what probability. On each request, the rules of its route are tried in order: latency
//! rules that fire add up, and the first firing rule of another kind decides the request.
//! Probabilities are drawn from one generator seeded by [`FaultPlan::seed`], so the same plan
//! with the same requests misbehaves the same way. Faults never apply to the control
//! endpoint nor to CORS preflights.

mod injector;
mod spec;

pub use injector::{Faults, RuleState};
pub use spec::FaultSpecError;
pub(crate) use spec::default_code;

use crate::route::Route;
use std::time::{Duration, SystemTime};

/// What a fault does to a request.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum FaultAction {
    /// Answer with `status` without acting on the request.
    Status {
        /// The HTTP status, such as 429 or 503.
        status: u16,
        /// A `Retry-After` header to send.
        retry_after: Option<RetryAfter>,
        /// The body; `None` sends `{"error_code": …, "message": "Injected fault"}` with a code
        /// that fits the status.
        body: Option<FaultBody>,
    },
    /// Wait this long (real time) before going on.
    Latency(Duration),
    /// Close the connection before acting on the request: nothing happened.
    CloseBeforeActing,
    /// Act on the request, then close the connection without answering: the lost reply.
    CloseAfterActing,
}

/// The body of an injected error reply.
#[derive(Debug, Clone, PartialEq)]
pub enum FaultBody {
    /// A JSON value, sent as `application/json`.
    Json(serde_json::Value),
    /// Raw text (such as a proxy's HTML page), sent as `text/html` when it starts with `<`,
    /// else as `text/plain`.
    Text(String),
}

/// A `Retry-After` header value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryAfter {
    /// `Retry-After: N` (seconds).
    Seconds(u64),
    /// An HTTP-date this far after the moment the reply is sent (by the system clock).
    DateIn(Duration),
    /// An HTTP-date at this time.
    Date(SystemTime),
}

impl RetryAfter {
    /// The header value, computed now.
    pub(crate) fn header_value(&self) -> String {
        match self {
            RetryAfter::Seconds(seconds) => seconds.to_string(),
            RetryAfter::DateIn(after) => {
                // Round up to the next whole second, since HTTP-dates have no fractions and
                // rounding down would ask for a shorter wait than configured.
                let at = SystemTime::now()
                    .checked_add(*after)
                    .and_then(|at| at.checked_add(Duration::from_millis(999)));
                http_date(at.unwrap_or_else(last_http_date))
            }
            RetryAfter::Date(at) => http_date(*at),
        }
    }
}

/// The last second an HTTP-date can write: 9999-12-31T23:59:59Z.
fn last_http_date() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(253_402_300_799)
}

/// Formats an HTTP-date, clamping times outside the years 1970 to 9999 that it can write.
fn http_date(at: SystemTime) -> String {
    httpdate::fmt_http_date(at.clamp(SystemTime::UNIX_EPOCH, last_http_date()))
}

/// One fault rule.
///
/// ```
/// use std::time::Duration;
/// use tokens_emulator::{FaultRule, RetryAfter, Route};
///
/// // The first create is answered 503 with `Retry-After: 2`; later ones go through.
/// let rule = FaultRule::status(Some(Route::Create), 503)
///     .with_retry_after(RetryAfter::Seconds(2))
///     .times(1);
/// assert_eq!(rule.times, Some(1));
///
/// // Half of all requests are delayed by 50 ms.
/// let slow = FaultRule::latency(None, Duration::from_millis(50)).probability(0.5);
/// # drop(slow);
/// // The same rules in the compact `--fault` syntax:
/// let parsed: FaultRule = "route=create,status=503,retry-after=2,times=1".parse()?;
/// assert_eq!(parsed, rule);
/// # Ok::<(), tokens_emulator::FaultSpecError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct FaultRule {
    /// The route it applies to; `None` for every route.
    pub route: Option<Route>,
    /// What it does.
    pub action: FaultAction,
    /// How many times it may fire; `None` for no limit.
    pub times: Option<u32>,
    /// The chance (0 to 1) that it fires on a matching request.
    pub probability: f64,
}

impl FaultRule {
    /// A rule with `action` on `route` (`None` = every route), always firing, without limit.
    pub fn new(route: Option<Route>, action: FaultAction) -> Self {
        FaultRule {
            route,
            action,
            times: None,
            probability: 1.0,
        }
    }

    /// Answers `status` (with the default error body).
    pub fn status(route: Option<Route>, status: u16) -> Self {
        FaultRule::new(
            route,
            FaultAction::Status {
                status,
                retry_after: None,
                body: None,
            },
        )
    }

    /// Delays the request by `delay`.
    pub fn latency(route: Option<Route>, delay: Duration) -> Self {
        FaultRule::new(route, FaultAction::Latency(delay))
    }

    /// Closes the connection before acting.
    pub fn close_before_acting(route: Option<Route>) -> Self {
        FaultRule::new(route, FaultAction::CloseBeforeActing)
    }

    /// Acts, then closes the connection without answering.
    pub fn close_after_acting(route: Option<Route>) -> Self {
        FaultRule::new(route, FaultAction::CloseAfterActing)
    }

    /// Adds a `Retry-After` header (status rules only; ignored otherwise).
    #[must_use]
    pub fn with_retry_after(mut self, value: RetryAfter) -> Self {
        if let FaultAction::Status { retry_after, .. } = &mut self.action {
            *retry_after = Some(value);
        }
        self
    }

    /// Sets the reply body (status rules only; ignored otherwise).
    #[must_use]
    pub fn with_body(mut self, value: FaultBody) -> Self {
        if let FaultAction::Status { body, .. } = &mut self.action {
            *body = Some(value);
        }
        self
    }

    /// Fires at most `times` times.
    #[must_use]
    pub fn times(mut self, times: u32) -> Self {
        self.times = Some(times);
        self
    }

    /// Fires with this probability, clamped to 0..=1.
    #[must_use]
    pub fn probability(mut self, probability: f64) -> Self {
        self.probability = if probability.is_nan() {
            0.0
        } else {
            probability.clamp(0.0, 1.0)
        };
        self
    }

    /// Whether the rule applies to `route`.
    pub(crate) fn matches(&self, route: Route) -> bool {
        self.route.is_none_or(|own| own == route)
    }
}

/// The fault rules to start with, and the seed of their random draws.
///
/// ```
/// use tokens_emulator::{FaultPlan, FaultRule, Route};
///
/// let plan = FaultPlan::new()
///     .rule(FaultRule::close_after_acting(Some(Route::Create)).times(1))
///     .seed(7);
/// assert_eq!(plan.rules.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct FaultPlan {
    /// The rules, tried in order.
    pub rules: Vec<FaultRule>,
    /// Seed of the generator behind [`FaultRule::probability`]; 0 unless set.
    pub seed: u64,
}

impl FaultPlan {
    /// An empty plan: no faults.
    pub fn new() -> Self {
        FaultPlan::default()
    }

    /// Adds a rule.
    #[must_use]
    pub fn rule(mut self, rule: FaultRule) -> Self {
        self.rules.push(rule);
        self
    }

    /// Sets the seed.
    #[must_use]
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_dates_out_of_range_are_clamped_not_panicking() {
        let far = RetryAfter::DateIn(Duration::from_secs(u64::MAX / 4)).header_value();
        assert_eq!(far, "Fri, 31 Dec 9999 23:59:59 GMT");
        let early = SystemTime::UNIX_EPOCH.checked_sub(Duration::from_secs(10));
        if let Some(early) = early {
            assert_eq!(
                RetryAfter::Date(early).header_value(),
                "Thu, 01 Jan 1970 00:00:00 GMT"
            );
        }
        assert_eq!(RetryAfter::Seconds(3).header_value(), "3");
    }
}
