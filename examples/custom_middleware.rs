//! Your own tower layers around the client, at each level of the stack.
//!
//! ```sh
//! cargo run --example custom_middleware
//! ```
//!
//! ```text
//! Client -> [typed: Metrics("call")] -> TokenService -> [HTTP: AddHeader, Metrics("http")]
//!        -> Retry -> RateLimit -> Timeout -> Auth -> [per attempt: Metrics("attempt")] -> hyper
//! ```
//!
//! - Around the typed service, a layer sees each call as a `TokenRequest` and its
//!   `TokenResponse` or `Error`: the place for business metrics and audit logs.
//! - Around the HTTP stack, a layer sees each call once as an `http::Request`, with its
//!   `Operation` in the extensions, before retries: the place for headers and per-call HTTP
//!   metrics.
//! - Around the transport, a layer sees every attempt, retries included, and the
//!   `Authorization` header (marked sensitive): the place for attempt counters.
//!
//! It runs against the Token API emulator started in this process, which answers the first
//! list with 503 so that the counters show a retry.

use databricks_tokens::emulator::{Emulator, FaultRule, Route};
use databricks_tokens::types::CreateTokenRequest;
use databricks_tokens::{Client, Error, Operation, TokenRequest, TokenUpdate};
use http::{HeaderName, HeaderValue, Request};
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use tower::{Layer, Service};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let emulator = Emulator::builder().start("127.0.0.1:0").await?;
    let login = emulator
        .default_user_secret()
        .cloned()
        .ok_or("no default user")?;
    emulator
        .faults()
        .push(FaultRule::status(Some(Route::List), 503).times(1));
    println!(
        "Emulator started in this process at {}",
        emulator.base_url()
    );

    let metrics = Metrics::default();
    let (stack, transport) = Client::builder()
        .host(emulator.base_url())
        .token(login)
        .retry_backoff(
            std::time::Duration::from_millis(10),
            std::time::Duration::from_millis(100),
        )
        .into_parts()?;

    // Per attempt: wrap the transport before the stack is built over it.
    let transport = MetricsLayer::new(metrics.clone(), "attempt").layer(transport);
    // Per call, as HTTP: a header, then a counter (tower layers nest from the outside in).
    let http_layers = (
        AddHeaderLayer::new("x-example-team", "data-platform"),
        MetricsLayer::new(metrics.clone(), "http"),
    );
    // Per call, typed.
    let typed_layer = MetricsLayer::new(metrics.clone(), "call");
    let client = stack.build_layered(transport, http_layers, typed_layer)?;

    let created = client
        .create(
            CreateTokenRequest::new()
                .with_comment("middleware demo")
                .with_lifetime_seconds(600),
        )
        .await?;
    let id = created
        .token_info
        .and_then(|info| info.token_id)
        .ok_or("no token id")?;
    let listed = client.list().await?;
    client
        .update(
            &id,
            TokenUpdate::new().with_comment("middleware demo, renamed"),
        )
        .await?;
    client.delete(&id).await?;
    println!(
        "Ran create, list ({} token), update and delete.",
        listed.len()
    );

    println!();
    println!("Counters (level / operation / outcome: count):");
    for (key, count) in metrics.snapshot() {
        println!("  {key}: {count}");
    }
    println!();
    println!("The first list was answered 503 once: one list call, one list HTTP call, two");
    println!("list attempts. The typed and HTTP layers sit above the retry layer.");

    emulator.shutdown().await;
    Ok(())
}

/// A request whose operation a metrics layer can name.
trait Labelled {
    fn operation_name(&self) -> String;
}

impl Labelled for TokenRequest {
    fn operation_name(&self) -> String {
        self.operation().to_string()
    }
}

impl<B> Labelled for Request<B> {
    fn operation_name(&self) -> String {
        self.extensions()
            .get::<Operation>()
            .map_or_else(|| "unknown".to_owned(), ToString::to_string)
    }
}

/// A reply whose outcome a metrics layer can name.
trait Outcome {
    fn outcome_name(&self) -> String;
}

impl Outcome for databricks_tokens::TokenResponse {
    fn outcome_name(&self) -> String {
        "ok".to_owned()
    }
}

impl<B> Outcome for http::Response<B> {
    fn outcome_name(&self) -> String {
        format!("status {}", self.status().as_u16())
    }
}

/// Counters keyed by `level / operation / outcome`, shared by every clone.
#[derive(Clone, Default)]
struct Metrics {
    counts: Arc<Mutex<BTreeMap<String, u64>>>,
}

impl Metrics {
    fn record(&self, key: String) {
        let mut counts = self.counts.lock().unwrap_or_else(PoisonError::into_inner);
        *counts.entry(key).or_default() += 1;
    }

    fn snapshot(&self) -> BTreeMap<String, u64> {
        self.counts
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

/// Counts requests by operation and outcome at one level of the stack.
#[derive(Clone)]
struct MetricsLayer {
    metrics: Metrics,
    level: &'static str,
}

impl MetricsLayer {
    fn new(metrics: Metrics, level: &'static str) -> Self {
        MetricsLayer { metrics, level }
    }
}

impl<S> Layer<S> for MetricsLayer {
    type Service = CountRequests<S>;

    fn layer(&self, inner: S) -> CountRequests<S> {
        CountRequests {
            inner,
            metrics: self.metrics.clone(),
            level: self.level,
        }
    }
}

#[derive(Clone)]
struct CountRequests<S> {
    inner: S,
    metrics: Metrics,
    level: &'static str,
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

impl<S, R> Service<R> for CountRequests<S>
where
    S: Service<R>,
    S::Response: Outcome,
    S::Error: Into<Error>,
    S::Future: Send + 'static,
    R: Labelled,
{
    type Response = S::Response;
    type Error = Error;
    type Future = BoxFuture<Result<S::Response, Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        self.inner.poll_ready(cx).map_err(Into::into)
    }

    fn call(&mut self, request: R) -> Self::Future {
        let prefix = format!("{} / {}", self.level, request.operation_name());
        let metrics = self.metrics.clone();
        let reply = self.inner.call(request);
        Box::pin(async move {
            let result = reply.await.map_err(Into::into);
            let outcome = match &result {
                Ok(response) => response.outcome_name(),
                // The kind only: an error's Display is safe too, but a metric label should be
                // a small, fixed set of values.
                Err(error) => format!("error {}", error.kind()),
            };
            metrics.record(format!("{prefix} / {outcome}"));
            result
        })
    }
}

/// Adds a fixed header to every HTTP request.
#[derive(Clone)]
struct AddHeaderLayer {
    name: HeaderName,
    value: HeaderValue,
}

impl AddHeaderLayer {
    fn new(name: &'static str, value: &'static str) -> Self {
        AddHeaderLayer {
            name: HeaderName::from_static(name),
            value: HeaderValue::from_static(value),
        }
    }
}

impl<S> Layer<S> for AddHeaderLayer {
    type Service = AddHeader<S>;

    fn layer(&self, inner: S) -> AddHeader<S> {
        AddHeader {
            inner,
            name: self.name.clone(),
            value: self.value.clone(),
        }
    }
}

#[derive(Clone)]
struct AddHeader<S> {
    inner: S,
    name: HeaderName,
    value: HeaderValue,
}

impl<S, B> Service<Request<B>> for AddHeader<S>
where
    S: Service<Request<B>>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = S::Future;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request<B>) -> S::Future {
        request
            .headers_mut()
            .insert(self.name.clone(), self.value.clone());
        self.inner.call(request)
    }
}
