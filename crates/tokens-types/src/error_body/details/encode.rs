//! Writing an [`ErrorDetail`] back as a `details` entry, `@type` first.
//!
//! Fields are written in snake_case, as Databricks does; empty strings, lists and maps are
//! left out, which reads back as the same value. [`ErrorDetail::Unknown`] is written exactly
//! as it was received.

use super::{ErrorDetail, retry_delay};
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

/// The prefix of every known detail's `@type`.
const TYPE_URL_PREFIX: &str = "type.googleapis.com/google.rpc.";

impl Serialize for ErrorDetail {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ErrorDetail::Unknown(value) => value.serialize(serializer),
            known => Value::Object(encode_known(known)).serialize(serializer),
        }
    }
}

/// The JSON object of a known detail.
fn encode_known(detail: &ErrorDetail) -> Map<String, Value> {
    let mut out = Entry::default();
    match detail {
        ErrorDetail::ErrorInfo {
            reason,
            domain,
            metadata,
        } => {
            out.type_name("ErrorInfo");
            out.string("reason", reason);
            out.string("domain", domain);
            if !metadata.is_empty() {
                let map = metadata
                    .iter()
                    .map(|(key, value)| (key.clone(), Value::String(value.clone())))
                    .collect();
                out.0.insert("metadata".to_owned(), Value::Object(map));
            }
        }
        ErrorDetail::RequestInfo {
            request_id,
            serving_data,
        } => {
            out.type_name("RequestInfo");
            out.string("request_id", request_id);
            out.string("serving_data", serving_data);
        }
        ErrorDetail::RetryInfo { retry_delay } => {
            out.type_name("RetryInfo");
            if let Some(delay) = retry_delay {
                out.string("retry_delay", &retry_delay::format(*delay));
            }
        }
        ErrorDetail::DebugInfo {
            stack_entries,
            detail,
        } => {
            out.type_name("DebugInfo");
            out.list("stack_entries", stack_entries, |entry| {
                Value::String(entry.clone())
            });
            out.string("detail", detail);
        }
        ErrorDetail::QuotaFailure { violations } => {
            out.type_name("QuotaFailure");
            out.list("violations", violations, |v| {
                let mut item = Entry::default();
                item.string("subject", &v.subject);
                item.string("description", &v.description);
                Value::Object(item.0)
            });
        }
        ErrorDetail::PreconditionFailure { violations } => {
            out.type_name("PreconditionFailure");
            out.list("violations", violations, |v| {
                let mut item = Entry::default();
                item.string("type", &v.kind);
                item.string("subject", &v.subject);
                item.string("description", &v.description);
                Value::Object(item.0)
            });
        }
        ErrorDetail::BadRequest { field_violations } => {
            out.type_name("BadRequest");
            out.list("field_violations", field_violations, |v| {
                let mut item = Entry::default();
                item.string("field", &v.field);
                item.string("description", &v.description);
                Value::Object(item.0)
            });
        }
        ErrorDetail::ResourceInfo {
            resource_type,
            resource_name,
            owner,
            description,
        } => {
            out.type_name("ResourceInfo");
            out.string("resource_type", resource_type);
            out.string("resource_name", resource_name);
            out.string("owner", owner);
            out.string("description", description);
        }
        ErrorDetail::Help { links } => {
            out.type_name("Help");
            out.list("links", links, |link| {
                let mut item = Entry::default();
                item.string("description", &link.description);
                item.string("url", &link.url);
                Value::Object(item.0)
            });
        }
        ErrorDetail::Unknown(_) => {}
    }
    out.0
}

/// A JSON object under construction that leaves empty values out.
#[derive(Default)]
struct Entry(Map<String, Value>);

impl Entry {
    fn type_name(&mut self, name: &str) {
        self.0.insert(
            "@type".to_owned(),
            Value::String(format!("{TYPE_URL_PREFIX}{name}")),
        );
    }

    fn string(&mut self, name: &str, value: &str) {
        if !value.is_empty() {
            self.0
                .insert(name.to_owned(), Value::String(value.to_owned()));
        }
    }

    fn list<T>(&mut self, name: &str, items: &[T], write: impl Fn(&T) -> Value) {
        if !items.is_empty() {
            let items = items.iter().map(write).collect();
            self.0.insert(name.to_owned(), Value::Array(items));
        }
    }
}
