//! The HTTP face of the emulator: from a request to a reply (or a dropped connection).

mod auth;
mod body;
mod cors;
pub(crate) mod endpoint;
pub(crate) mod reply;
mod tokens;

pub(crate) use auth::bearer;
pub(crate) use body::{BODY_LIMIT, BodyError, read as read_body};
pub(crate) use cors::CorsPolicy;

use crate::emulator::Shared;
use crate::error::ApiError;
use crate::faults::FaultAction;
use crate::route::Route;
use bytes::Bytes;
use endpoint::Endpoint;
use http::header::{ALLOW, HeaderValue, ORIGIN};
use http::{Request, Response};
use hyper::body::Body;
use std::sync::Arc;
use tokens::TokenCall;

/// What to do with a request: answer it, or close the connection without answering.
#[derive(Debug)]
pub(crate) enum Outcome {
    Reply(Response<Bytes>),
    Close,
}

/// Serves one request.
pub(crate) async fn dispatch<B>(shared: &Arc<Shared>, request: Request<B>) -> Outcome
where
    B: Body<Data = Bytes>,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let origin = request.headers().get(ORIGIN).cloned();
    let mut outcome = route_request(shared, request).await;
    if let Outcome::Reply(response) = &mut outcome {
        shared.cors.decorate(origin.as_ref(), response);
    }
    outcome
}

async fn route_request<B>(shared: &Arc<Shared>, request: Request<B>) -> Outcome
where
    B: Body<Data = Bytes>,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let method = request.method().clone();
    let Some(endpoint) = Endpoint::locate(request.uri().path(), shared.control.is_some()) else {
        shared.stats.count_unmatched();
        let error = ApiError::endpoint_not_found(&method, request.uri().path());
        return Outcome::Reply(reply::error(&error));
    };
    if shared.cors.enabled() && CorsPolicy::is_preflight(&method, request.headers()) {
        shared.stats.count_unmatched();
        return Outcome::Reply(shared.cors.preflight(request.headers().get(ORIGIN)));
    }
    if !endpoint.methods().contains(&method) {
        shared.stats.count_unmatched();
        let error = ApiError::method_not_allowed(&method, &endpoint.allow_header());
        let mut response = reply::error(&error);
        if let Ok(allow) = HeaderValue::from_str(&endpoint.allow_header()) {
            response.headers_mut().insert(ALLOW, allow);
        }
        return Outcome::Reply(response);
    }
    match endpoint.route() {
        Some(route) => {
            shared.stats.count(route);
            serve_with_faults(shared, route, endpoint, request).await
        }
        None => crate::control::serve(shared, &endpoint, request).await,
    }
}

/// Applies the fault rules of `route`, then serves the request unless a fault answered.
async fn serve_with_faults<B>(
    shared: &Arc<Shared>,
    route: Route,
    endpoint: Endpoint,
    request: Request<B>,
) -> Outcome
where
    B: Body<Data = Bytes>,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let decision = shared.faults.decide(route);
    if !decision.delay.is_zero() {
        tokio::time::sleep(decision.delay).await;
    }
    match &decision.action {
        Some(FaultAction::Status {
            status,
            retry_after,
            body,
        }) => {
            tracing::debug!(%route, status, "injected status fault");
            return Outcome::Reply(reply::fault(*status, retry_after.as_ref(), body.as_ref()));
        }
        Some(FaultAction::CloseBeforeActing) => {
            tracing::debug!(%route, "injected close before acting");
            return Outcome::Close;
        }
        _ => {}
    }
    let Some(response) = act(shared, endpoint, request).await else {
        return Outcome::Close;
    };
    if matches!(decision.action, Some(FaultAction::CloseAfterActing)) {
        tracing::debug!(%route, status = response.status().as_u16(), "injected lost reply");
        return Outcome::Close;
    }
    tracing::debug!(%route, status = response.status().as_u16(), "answered");
    Outcome::Reply(response)
}

/// Serves an API endpoint; `None` when the body could not be read from the connection.
async fn act<B>(
    shared: &Arc<Shared>,
    endpoint: Endpoint,
    request: Request<B>,
) -> Option<Response<Bytes>>
where
    B: Body<Data = Bytes>,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let (parts, bytes) = match body::read(request).await {
        Ok(read) => read,
        Err(body::BodyError::TooLarge) => {
            return Some(reply::error(&ApiError::too_large(body::BODY_LIMIT)));
        }
        Err(body::BodyError::Broken) => return None,
    };
    let call = match endpoint {
        Endpoint::Create => TokenCall::Create,
        Endpoint::List => TokenCall::List,
        Endpoint::Delete => TokenCall::Delete,
        Endpoint::Update(id) => TokenCall::Update(id),
        Endpoint::DatabricksConfig => return Some(crate::oauth::databricks_config(shared, &parts)),
        Endpoint::OidcMetadata => return Some(crate::oauth::metadata(shared, &parts)),
        Endpoint::OAuthToken => return Some(crate::oauth::token(shared, &parts, &bytes)),
        Endpoint::ControlFaults | Endpoint::ControlStats => {
            let error = ApiError::endpoint_not_found(&parts.method, parts.uri.path());
            return Some(reply::error(&error));
        }
    };
    Some(tokens::serve(shared, call, &parts, &bytes).await)
}
