//! Reading one `details` entry into its typed [`ErrorDetail`].
//!
//! The entry's `@type` picks the variant: the part after the last `/` must be a
//! `google.rpc.` message this crate knows. Field names are read in the snake_case that
//! Databricks writes and in the lowerCamelCase of canonical protobuf JSON. A missing field
//! reads as empty; a field of the wrong JSON type makes the whole entry
//! [`ErrorDetail::Unknown`], so nothing the server said is silently dropped.

use super::{
    BadRequestViolation, ErrorDetail, HelpLink, PreconditionViolation, QuotaViolation, retry_delay,
};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The package every known detail type lives in.
const PACKAGE: &str = "google.rpc.";

/// Reads one entry; anything unreadable is kept whole as [`ErrorDetail::Unknown`].
pub(super) fn decode(value: Value) -> ErrorDetail {
    match decode_known(&value) {
        Some(detail) => detail,
        None => ErrorDetail::Unknown(value),
    }
}

fn decode_known(value: &Value) -> Option<ErrorDetail> {
    let fields = Fields(value.as_object()?);
    let type_url = fields.0.get("@type")?.as_str()?;
    let name = type_url.rsplit('/').next()?.strip_prefix(PACKAGE)?;

    let detail = match name {
        "ErrorInfo" => ErrorDetail::ErrorInfo {
            reason: fields.string("reason", "reason")?,
            domain: fields.string("domain", "domain")?,
            metadata: fields.string_map("metadata")?,
        },
        "RequestInfo" => ErrorDetail::RequestInfo {
            request_id: fields.string("request_id", "requestId")?,
            serving_data: fields.string("serving_data", "servingData")?,
        },
        "RetryInfo" => ErrorDetail::RetryInfo {
            retry_delay: fields
                .get("retry_delay", "retryDelay")
                .and_then(retry_delay::parse),
        },
        "DebugInfo" => ErrorDetail::DebugInfo {
            stack_entries: fields.strings("stack_entries", "stackEntries")?,
            detail: fields.string("detail", "detail")?,
        },
        "QuotaFailure" => ErrorDetail::QuotaFailure {
            violations: fields.list("violations", "violations", |v| {
                Some(QuotaViolation {
                    subject: v.string("subject", "subject")?,
                    description: v.string("description", "description")?,
                })
            })?,
        },
        "PreconditionFailure" => ErrorDetail::PreconditionFailure {
            violations: fields.list("violations", "violations", |v| {
                Some(PreconditionViolation {
                    kind: v.string("type", "type")?,
                    subject: v.string("subject", "subject")?,
                    description: v.string("description", "description")?,
                })
            })?,
        },
        "BadRequest" => ErrorDetail::BadRequest {
            field_violations: fields.list("field_violations", "fieldViolations", |v| {
                Some(BadRequestViolation {
                    field: v.string("field", "field")?,
                    description: v.string("description", "description")?,
                })
            })?,
        },
        "ResourceInfo" => ErrorDetail::ResourceInfo {
            resource_type: fields.string("resource_type", "resourceType")?,
            resource_name: fields.string("resource_name", "resourceName")?,
            owner: fields.string("owner", "owner")?,
            description: fields.string("description", "description")?,
        },
        "Help" => ErrorDetail::Help {
            links: fields.list("links", "links", |v| {
                Some(HelpLink {
                    description: v.string("description", "description")?,
                    url: v.string("url", "url")?,
                })
            })?,
        },
        _ => return None,
    };
    Some(detail)
}

/// The fields of one JSON object. Every reader returns `None` only for a value of the wrong
/// type; an absent or `null` field reads as empty.
struct Fields<'a>(&'a Map<String, Value>);

impl<'a> Fields<'a> {
    /// The field under its snake_case or its camelCase name, unless absent or `null`.
    fn get(&self, snake: &str, camel: &str) -> Option<&'a Value> {
        [snake, camel]
            .into_iter()
            .filter_map(|name| self.0.get(name))
            .find(|value| !value.is_null())
    }

    fn string(&self, snake: &str, camel: &str) -> Option<String> {
        match self.get(snake, camel) {
            None => Some(String::new()),
            Some(value) => value.as_str().map(str::to_owned),
        }
    }

    fn strings(&self, snake: &str, camel: &str) -> Option<Vec<String>> {
        match self.get(snake, camel) {
            None => Some(Vec::new()),
            Some(value) => value
                .as_array()?
                .iter()
                .map(|item| item.as_str().map(str::to_owned))
                .collect(),
        }
    }

    fn string_map(&self, name: &str) -> Option<BTreeMap<String, String>> {
        match self.get(name, name) {
            None => Some(BTreeMap::new()),
            Some(value) => {
                // Inserted one by one: collecting into a map sorts a buffer first, which
                // would link a sort routine for the few entries a detail has.
                let mut map = BTreeMap::new();
                for (key, item) in value.as_object()? {
                    map.insert(key.clone(), item.as_str()?.to_owned());
                }
                Some(map)
            }
        }
    }

    fn list<T>(
        &self,
        snake: &str,
        camel: &str,
        read: impl Fn(&Fields<'a>) -> Option<T>,
    ) -> Option<Vec<T>> {
        match self.get(snake, camel) {
            None => Some(Vec::new()),
            Some(value) => value
                .as_array()?
                .iter()
                .map(|item| read(&Fields(item.as_object()?)))
                .collect(),
        }
    }
}
