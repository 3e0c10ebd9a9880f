//! The control endpoint (`/__emulator/…`): faults and statistics at run time.
//!
//! Off unless a control secret is configured; every call must then carry
//! `Authorization: Bearer <control secret>`. Faults never apply here.
//!
//! - `GET /__emulator/faults`: `{"seed": N, "rules": [{…rule, "remaining": N, "fired": N}]}`
//! - `POST /__emulator/faults`: a rule object, an array of rules, or `{"rules": […]}`
//!   (the JSON form of [`crate::FaultRule`]); appended after the existing rules. An object
//!   may carry `"seed": N` to restart the random draws (`{"seed": N}` alone only reseeds).
//! - `DELETE /__emulator/faults`: removes every rule.
//! - `GET /__emulator/stats`: requests per route, and live tokens per principal.

use crate::credential::Digest;
use crate::emulator::Shared;
use crate::error::ApiError;
use crate::faults::FaultRule;
use crate::http::endpoint::Endpoint;
use crate::http::{BODY_LIMIT, BodyError, Outcome, bearer, read_body, reply};
use crate::route::Route;
use bytes::Bytes;
use http::{Method, Request, Response};
use hyper::body::Body;
use serde_json::{Map, Value, json};
use std::sync::Arc;

pub(crate) async fn serve<B>(
    shared: &Arc<Shared>,
    endpoint: &Endpoint,
    request: Request<B>,
) -> Outcome
where
    B: Body<Data = Bytes>,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let (parts, body) = match read_body(request).await {
        Ok(read) => read,
        Err(BodyError::TooLarge) => {
            return Outcome::Reply(reply::error(&ApiError::too_large(BODY_LIMIT)));
        }
        Err(BodyError::Broken) => return Outcome::Close,
    };
    if let Err(error) = check_secret(shared, &parts.headers) {
        return Outcome::Reply(reply::error(&error));
    }
    let response = match (endpoint, &parts.method) {
        (Endpoint::ControlFaults, &Method::GET) => list_faults(shared),
        (Endpoint::ControlFaults, &Method::POST) => add_faults(shared, &body),
        (Endpoint::ControlFaults, &Method::DELETE) => {
            shared.faults.clear();
            reply::empty_ok()
        }
        (Endpoint::ControlStats, &Method::GET) => stats(shared),
        _ => reply::error(&ApiError::endpoint_not_found(
            &parts.method,
            parts.uri.path(),
        )),
    };
    Outcome::Reply(response)
}

fn check_secret(shared: &Shared, headers: &http::HeaderMap) -> Result<(), ApiError> {
    let presented = Digest::of(bearer(headers)?);
    match &shared.control {
        Some(expected) if expected.ct_eq(&presented) => Ok(()),
        _ => Err(ApiError::invalid_token()),
    }
}

fn list_faults(shared: &Shared) -> Response<Bytes> {
    let rules: Vec<Value> = shared
        .faults
        .rules()
        .into_iter()
        .map(|state| {
            let mut value = state.rule.to_json();
            if let Some(object) = value.as_object_mut() {
                object.insert("remaining".into(), json!(state.remaining));
                object.insert("fired".into(), json!(state.fired));
            }
            value
        })
        .collect();
    reply::ok_json(&json!({ "seed": shared.faults.seed(), "rules": rules }))
}

fn add_faults(shared: &Shared, body: &[u8]) -> Response<Bytes> {
    let value: Value = match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(e) => return reply::error(&ApiError::malformed(format!("Malformed JSON: {e}"))),
    };
    let seed = match value.get("seed") {
        None => None,
        Some(seed) => match seed.as_u64() {
            Some(seed) => Some(seed),
            None => {
                return reply::error(&ApiError::invalid_parameter(
                    "`seed` must be a whole number",
                ));
            }
        },
    };
    let items = match &value {
        Value::Object(object) if seed.is_some() && object.len() == 1 => Vec::new(),
        Value::Array(items) => items.clone(),
        Value::Object(object) if object.contains_key("rules") => match object.get("rules") {
            Some(Value::Array(items)) => items.clone(),
            _ => {
                return reply::error(&ApiError::invalid_parameter("`rules` must be an array"));
            }
        },
        Value::Object(_) => vec![value.clone()],
        _ => {
            return reply::error(&ApiError::invalid_parameter(
                "expected a rule object, an array of rules, or {\"rules\": [...]}",
            ));
        }
    };
    let mut rules = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        match FaultRule::from_json(item) {
            Ok(rule) => rules.push(rule),
            Err(e) => {
                return reply::error(&ApiError::invalid_parameter(format!("rule {index}: {e}")));
            }
        }
    }
    let added = rules.len();
    if let Some(seed) = seed {
        shared.faults.reseed(seed);
    }
    for rule in rules {
        shared.faults.push(rule);
    }
    reply::ok_json(&json!({ "added": added }))
}

fn stats(shared: &Shared) -> Response<Bytes> {
    let mut requests = Map::new();
    for route in Route::ALL {
        requests.insert(route.as_str().into(), json!(shared.stats.requests(route)));
    }
    requests.insert("unmatched".into(), json!(shared.stats.unmatched()));
    let tokens: Vec<Value> = shared
        .registry
        .token_counts()
        .into_iter()
        .map(|(principal, count)| {
            json!({ "kind": principal.kind(), "name": principal.name(), "tokens": count })
        })
        .collect();
    reply::ok_json(&json!({ "requests": requests, "tokens": tokens }))
}
