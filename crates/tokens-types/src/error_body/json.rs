//! JSON error bodies: the Databricks shape, with a string or an integer `error_code`; the
//! older `{"error": ...}` shape (also what OAuth endpoints send, with `error_description`);
//! and SCIM's `{"detail", "status", "scimType"}`.

use super::message::finish;
use super::status::status_message;
use super::{ErrorBody, ErrorCode, ErrorDetail, text};
use serde_json::{Map, Value};

/// The `schemas` entry that marks a SCIM error.
const SCIM_ERROR_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:Error";

/// Reads a JSON body, or returns `None` when it has none of the known shapes, so that the
/// caller shows the body as text.
pub(super) fn parse(status: u16, value: &Value) -> Option<ErrorBody> {
    match value {
        Value::Object(object) if object.is_empty() => Some(ErrorBody {
            error_code: None,
            message: status_message(status),
            details: Vec::new(),
        }),
        Value::Object(object) => parse_object(status, object),
        // A bare JSON string is a text body that happens to be quoted.
        Value::String(text) => Some(text::parse(status, text)),
        _ => None,
    }
}

fn parse_object(status: u16, object: &Map<String, Value>) -> Option<ErrorBody> {
    let error_code = object.get("error_code").and_then(code_of);
    let message = object
        .get("message")
        .and_then(Value::as_str)
        .and_then(finish)
        .or_else(|| legacy_message(object));
    let details = details_of(object);

    if error_code.is_none() && message.is_none() && details.is_empty() {
        return scim(status, object);
    }
    Some(ErrorBody {
        error_code,
        message: message.unwrap_or_else(|| status_message(status)),
        details,
    })
}

/// `error_code` as a string, or as an integer (an HTTP status), which becomes its digits.
fn code_of(value: &Value) -> Option<ErrorCode> {
    match value {
        Value::String(code) if !code.trim().is_empty() => Some(ErrorCode::from_wire(code)),
        Value::Number(number) => Some(ErrorCode::Other(number.to_string())),
        _ => None,
    }
}

/// The message of `{"error": "..."}`, joined with an OAuth `error_description` when present.
fn legacy_message(object: &Map<String, Value>) -> Option<String> {
    let error = object.get("error").and_then(Value::as_str);
    let description = object.get("error_description").and_then(Value::as_str);
    match (error, description) {
        (Some(error), Some(description)) if !description.trim().is_empty() => {
            finish(&format!("{error}: {description}"))
        }
        (Some(error), _) => finish(error),
        (None, Some(description)) => finish(description),
        (None, None) => None,
    }
}

/// The typed `details`, when the body has a list of them.
fn details_of(object: &Map<String, Value>) -> Vec<ErrorDetail> {
    match object.get("details") {
        Some(Value::Array(entries)) => entries
            .iter()
            .map(|entry| ErrorDetail::from_json(entry.clone()))
            .collect(),
        _ => Vec::new(),
    }
}

/// A SCIM error: code `SCIM_<status>`, message `<scimType> <detail>`. The reply's HTTP
/// status stands in for a missing `status` field, and whichever of `scimType` and `detail`
/// is present makes the message.
fn scim(status: u16, object: &Map<String, Value>) -> Option<ErrorBody> {
    let detail = object.get("detail").and_then(Value::as_str);
    let scim_type = object.get("scimType").and_then(Value::as_str);
    let marked = object
        .get("schemas")
        .and_then(Value::as_array)
        .is_some_and(|schemas| schemas.iter().any(|s| s == SCIM_ERROR_SCHEMA));
    if detail.is_none() && scim_type.is_none() && !marked {
        return None;
    }

    let scim_status = match object.get("status") {
        Some(Value::String(text)) if !text.trim().is_empty() => text.trim().to_owned(),
        Some(Value::Number(number)) => number.to_string(),
        _ => status.to_string(),
    };
    let text = [scim_type, detail]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    Some(ErrorBody {
        error_code: Some(ErrorCode::Other(format!("SCIM_{scim_status}"))),
        message: finish(&text).unwrap_or_else(|| status_message(status)),
        details: Vec::new(),
    })
}
