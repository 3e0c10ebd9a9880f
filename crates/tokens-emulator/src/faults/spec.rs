//! The text forms of a fault rule: the compact `--fault` syntax and JSON.
//!
//! Compact: comma-separated `key=value` pairs, exactly one of `status`, `latency`, `close`:
//!
//! ```text
//! route=create,status=503,retry-after=2,times=1
//! route=list,latency=250ms,p=0.5
//! route=create,close=after,times=1
//! route=any,status=429,retry-after=date+3,code=REQUEST_LIMIT_EXCEEDED,message=slow down
//! ```
//!
//! JSON (also accepted by `--fault` when the value starts with `{`, and by the control
//! endpoint): `{"route": "create", "status": 503, "retry_after": 2, "times": 1}`, with
//! `retry_after` a number of seconds, `"date+N"` or an HTTP-date string; `"body"` any JSON
//! value or `"body_text"` a string; `"latency_ms"`; `"close": "before" | "after"`;
//! `"probability"`.

use super::{FaultAction, FaultBody, FaultRule, RetryAfter};
use crate::route::Route;
use serde_json::{Map, Value, json};
use std::str::FromStr;
use std::time::Duration;

/// A fault rule could not be read; the message says which part and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid fault rule: {0}")]
pub struct FaultSpecError(pub String);

fn fail<T>(message: impl Into<String>) -> Result<T, FaultSpecError> {
    Err(FaultSpecError(message.into()))
}

/// The parts of a rule as read from either syntax, before they are checked together.
#[derive(Default)]
struct Parts {
    route: Option<Route>,
    status: Option<u16>,
    latency: Option<Duration>,
    close: Option<String>,
    retry_after: Option<RetryAfter>,
    body: Option<FaultBody>,
    code: Option<String>,
    message: Option<String>,
    times: Option<u32>,
    probability: Option<f64>,
}

impl Parts {
    fn into_rule(self) -> Result<FaultRule, FaultSpecError> {
        let chosen = [
            self.status.is_some(),
            self.latency.is_some(),
            self.close.is_some(),
        ];
        if chosen.iter().filter(|set| **set).count() != 1 {
            return fail("give exactly one action: status, latency or close");
        }
        let action = if let Some(status) = self.status {
            let body = match (self.body, self.code, self.message) {
                (Some(body), None, None) => Some(body),
                (None, None, None) => None,
                (None, code, message) => Some(FaultBody::Json(json!({
                    "error_code": code.unwrap_or_else(|| default_code(status).to_owned()),
                    "message": message.unwrap_or_else(|| "Injected fault".to_owned()),
                }))),
                (Some(_), _, _) => return fail("give either a body or code/message, not both"),
            };
            FaultAction::Status {
                status,
                retry_after: self.retry_after,
                body,
            }
        } else if let Some(delay) = self.latency {
            FaultAction::Latency(delay)
        } else {
            match self.close.as_deref() {
                Some("before") => FaultAction::CloseBeforeActing,
                Some("after") => FaultAction::CloseAfterActing,
                other => {
                    return fail(format!(
                        "close must be `before` or `after`, got `{}`",
                        other.unwrap_or_default()
                    ));
                }
            }
        };
        let mut rule = FaultRule::new(self.route, action);
        rule.times = self.times;
        if let Some(p) = self.probability {
            if !(0.0..=1.0).contains(&p) {
                return fail(format!("probability must be between 0 and 1, got {p}"));
            }
            rule.probability = p;
        }
        Ok(rule)
    }
}

/// The error code an injected reply carries by default.
pub(crate) fn default_code(status: u16) -> &'static str {
    match status {
        400 => "BAD_REQUEST",
        401 => "UNAUTHENTICATED",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        409 => "ABORTED",
        429 => "REQUEST_LIMIT_EXCEEDED",
        501 => "NOT_IMPLEMENTED",
        503 => "TEMPORARILY_UNAVAILABLE",
        504 => "DEADLINE_EXCEEDED",
        500..=599 => "INTERNAL_ERROR",
        _ => "UNKNOWN",
    }
}

fn parse_route(name: &str) -> Result<Option<Route>, FaultSpecError> {
    if name == "any" {
        return Ok(None);
    }
    name.parse::<Route>()
        .map(Some)
        .map_err(|e| FaultSpecError(format!("{e} (or any)")))
}

fn parse_status(text: &str) -> Result<u16, FaultSpecError> {
    match text.parse::<u16>() {
        Ok(status) if (100..=599).contains(&status) => Ok(status),
        _ => fail(format!(
            "status must be an HTTP status 100-599, got `{text}`"
        )),
    }
}

/// `250ms`, `2s`, or a bare number of milliseconds.
fn parse_latency(text: &str) -> Result<Duration, FaultSpecError> {
    let (digits, scale) = if let Some(ms) = text.strip_suffix("ms") {
        (ms, 1)
    } else if let Some(s) = text.strip_suffix('s') {
        (s, 1000)
    } else {
        (text, 1)
    };
    match digits.parse::<u64>() {
        Ok(n) if n.checked_mul(scale).is_some_and(|ms| ms <= 3_600_000) => {
            Ok(Duration::from_millis(n * scale))
        }
        _ => fail(format!(
            "latency must be like 250ms or 2s (at most 1 hour), got `{text}`"
        )),
    }
}

/// `N` seconds, `date+N` (an HTTP-date N seconds ahead), or an HTTP-date.
fn parse_retry_after(text: &str) -> Result<RetryAfter, FaultSpecError> {
    if let Ok(seconds) = text.parse::<u64>() {
        return Ok(RetryAfter::Seconds(seconds));
    }
    if let Some(ahead) = text.strip_prefix("date+") {
        return ahead
            .parse::<u64>()
            .map(|s| RetryAfter::DateIn(Duration::from_secs(s)))
            .map_err(|_| {
                FaultSpecError(format!("retry-after `date+N` needs seconds, got `{text}`"))
            });
    }
    httpdate::parse_http_date(text)
        .map(RetryAfter::Date)
        .map_err(|_| {
            FaultSpecError(format!(
                "retry-after must be seconds, date+SECONDS or an HTTP-date, got `{text}`"
            ))
        })
}

fn parse_times(text: &str) -> Result<u32, FaultSpecError> {
    text.parse()
        .map_err(|_| FaultSpecError(format!("times must be a whole number, got `{text}`")))
}

fn parse_probability(text: &str) -> Result<f64, FaultSpecError> {
    text.parse()
        .map_err(|_| FaultSpecError(format!("probability must be a number, got `{text}`")))
}

impl FromStr for FaultRule {
    type Err = FaultSpecError;

    /// Reads the compact syntax, or JSON when the text starts with `{`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.starts_with('{') {
            let value: Value = serde_json::from_str(text)
                .map_err(|e| FaultSpecError(format!("not valid JSON: {e}")))?;
            return FaultRule::from_json(&value);
        }
        let mut parts = Parts::default();
        for pair in text.split(',').filter(|p| !p.trim().is_empty()) {
            let Some((key, value)) = pair.split_once('=') else {
                return fail(format!("expected key=value, got `{pair}`"));
            };
            let value = value.trim();
            match key.trim() {
                "route" => parts.route = parse_route(value)?,
                "status" => parts.status = Some(parse_status(value)?),
                "latency" => parts.latency = Some(parse_latency(value)?),
                "close" => parts.close = Some(value.to_owned()),
                "retry-after" => parts.retry_after = Some(parse_retry_after(value)?),
                "code" => parts.code = Some(value.to_owned()),
                "message" => parts.message = Some(value.to_owned()),
                "times" => parts.times = Some(parse_times(value)?),
                "p" | "probability" => parts.probability = Some(parse_probability(value)?),
                other => return fail(format!("unknown key `{other}`")),
            }
        }
        parts.into_rule()
    }
}

impl FaultRule {
    /// Reads the JSON form.
    ///
    /// # Errors
    ///
    /// [`FaultSpecError`] naming the field that is missing, unknown or of the wrong kind.
    pub fn from_json(value: &Value) -> Result<FaultRule, FaultSpecError> {
        let Some(object) = value.as_object() else {
            return fail("a fault rule must be a JSON object");
        };
        let mut parts = Parts::default();
        for (key, field) in object {
            match key.as_str() {
                "route" => parts.route = parse_route(string_field(key, field)?)?,
                "status" => parts.status = Some(parse_status(&field.to_string())?),
                "latency_ms" => {
                    parts.latency = Some(parse_latency(&field.to_string())?);
                }
                "close" => parts.close = Some(string_field(key, field)?.to_owned()),
                "retry_after" => {
                    let text = match field {
                        Value::String(text) => text.clone(),
                        other => other.to_string(),
                    };
                    parts.retry_after = Some(parse_retry_after(&text)?);
                }
                "body" => parts.body = Some(FaultBody::Json(field.clone())),
                "body_text" => {
                    parts.body = Some(FaultBody::Text(string_field(key, field)?.to_owned()));
                }
                "code" => parts.code = Some(string_field(key, field)?.to_owned()),
                "message" => parts.message = Some(string_field(key, field)?.to_owned()),
                "times" => parts.times = Some(parse_times(&field.to_string())?),
                "probability" => {
                    parts.probability = Some(parse_probability(&field.to_string())?);
                }
                other => return fail(format!("unknown field `{other}`")),
            }
        }
        parts.into_rule()
    }

    /// The JSON form (what the control endpoint lists).
    pub fn to_json(&self) -> Value {
        let mut object = Map::new();
        let route = self.route.map_or("any", Route::as_str);
        object.insert("route".into(), json!(route));
        match &self.action {
            FaultAction::Status {
                status,
                retry_after,
                body,
            } => {
                object.insert("status".into(), json!(status));
                match retry_after {
                    Some(RetryAfter::Seconds(s)) => {
                        object.insert("retry_after".into(), json!(s));
                    }
                    Some(RetryAfter::DateIn(d)) => {
                        object.insert("retry_after".into(), json!(format!("date+{}", d.as_secs())));
                    }
                    Some(RetryAfter::Date(at)) => {
                        object.insert("retry_after".into(), json!(httpdate::fmt_http_date(*at)));
                    }
                    None => {}
                }
                match body {
                    Some(FaultBody::Json(value)) => {
                        object.insert("body".into(), value.clone());
                    }
                    Some(FaultBody::Text(text)) => {
                        object.insert("body_text".into(), json!(text));
                    }
                    None => {}
                }
            }
            FaultAction::Latency(delay) => {
                let ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
                object.insert("latency_ms".into(), json!(ms));
            }
            FaultAction::CloseBeforeActing => {
                object.insert("close".into(), json!("before"));
            }
            FaultAction::CloseAfterActing => {
                object.insert("close".into(), json!("after"));
            }
        }
        if let Some(times) = self.times {
            object.insert("times".into(), json!(times));
        }
        object.insert("probability".into(), json!(self.probability));
        Value::Object(object)
    }
}

fn string_field<'a>(key: &str, field: &'a Value) -> Result<&'a str, FaultSpecError> {
    field
        .as_str()
        .ok_or_else(|| FaultSpecError(format!("`{key}` must be a string")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_forms() {
        let rule: FaultRule = "route=list,latency=250ms,p=0.5".parse().unwrap();
        assert_eq!(
            rule.action,
            FaultAction::Latency(Duration::from_millis(250))
        );
        assert_eq!(rule.route, Some(Route::List));
        assert!((rule.probability - 0.5).abs() < f64::EPSILON);

        let rule: FaultRule = "close=after,times=2".parse().unwrap();
        assert_eq!(rule.action, FaultAction::CloseAfterActing);
        assert_eq!(rule.route, None);
        assert_eq!(rule.times, Some(2));

        let rule: FaultRule = "route=any,status=429,retry-after=date+3".parse().unwrap();
        assert!(matches!(
            rule.action,
            FaultAction::Status {
                status: 429,
                retry_after: Some(RetryAfter::DateIn(_)),
                ..
            }
        ));
    }

    #[test]
    fn compact_errors_name_the_problem() {
        for (text, needle) in [
            ("route=create", "exactly one action"),
            ("status=503,close=after", "exactly one action"),
            ("status=99", "status must be"),
            ("route=nope,status=503", "unknown route"),
            ("status=503,p=2", "probability"),
            ("status=503,bogus=1", "unknown key"),
            ("latency=fast", "latency must be"),
            ("close=sideways", "close must be"),
        ] {
            let err = text.parse::<FaultRule>().unwrap_err();
            assert!(err.to_string().contains(needle), "{text}: {err}");
        }
    }

    #[test]
    fn json_round_trips() {
        let rule = FaultRule::status(Some(Route::Create), 503)
            .with_retry_after(RetryAfter::Seconds(2))
            .times(1);
        assert_eq!(FaultRule::from_json(&rule.to_json()).unwrap(), rule);
        let text = r#"{"route": "delete", "close": "before", "probability": 0.25}"#;
        let rule: FaultRule = text.parse().unwrap();
        assert_eq!(rule.action, FaultAction::CloseBeforeActing);
    }
}
