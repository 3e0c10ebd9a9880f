//! Building requests, alone and through the whole default stack.
//!
//! `cargo bench -p tokens-core --bench request`
//!
//! - `request/to_http/*`: a [`TokenRequest`] becoming its `http::Request` (path, JSON body,
//!   headers, the operation in the extensions).
//! - `stack/*`: one call of the typed client through Retry, RateLimit, Timeout and Auth to a
//!   transport that answers at once from memory, decoding included: the client's own CPU
//!   cost per call, with no network.

use bytes::Bytes;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::{Duration, SystemTime};
use tokens_core::rate_limit::Rate;
use tokens_core::types::{CreateTokenRequest, Timestamp, TokenId};
use tokens_core::{BoxFuture, ClientBuilder, Clock, Config, Endpoint, TokenRequest, TokenUpdate};

/// A 64-hex token id, as the service makes them.
const ID: &str = "5684c95548f1d0e9a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70819";

/// Time from tokio, as the hyper transport's clock gives it.
#[derive(Debug)]
struct TokioTime {
    origin: tokio::time::Instant,
}

impl Clock for TokioTime {
    // A native benchmark: the wall clock is there, unlike in a browser.
    #[allow(clippy::disallowed_methods)]
    fn now(&self) -> Timestamp {
        Timestamp::from_system_time(SystemTime::now()).unwrap_or(Timestamp::UNIX_EPOCH)
    }

    fn monotonic(&self) -> Duration {
        tokio::time::Instant::now().saturating_duration_since(self.origin)
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        Box::pin(tokio::time::sleep(duration))
    }
}

fn requests() -> [(&'static str, TokenRequest); 4] {
    [
        (
            "create",
            TokenRequest::Create(
                CreateTokenRequest::new()
                    .with_comment("ci pipeline")
                    .with_lifetime_seconds(3600)
                    .with_scopes(["sql"]),
            ),
        ),
        ("list", TokenRequest::List),
        (
            "update",
            TokenRequest::Update(
                TokenId::new(ID),
                TokenUpdate::new().with_comment("ci pipeline (rotated)"),
            ),
        ),
        ("delete", TokenRequest::Delete(TokenId::new(ID))),
    ]
}

fn to_http(c: &mut Criterion) {
    let endpoint = match Endpoint::new("adb-1234567890123456.7.azuredatabricks.net") {
        Ok(endpoint) => endpoint,
        Err(err) => panic!("the benchmark's endpoint is valid: {err}"),
    };
    let mut group = c.benchmark_group("request/to_http");
    for (name, request) in requests() {
        group.bench_function(name, |b| {
            b.iter(|| black_box(black_box(&request).to_http(&endpoint)));
        });
    }
    group.finish();
}

/// The canned reply of each endpoint: a list of ten tokens, a created token, `{}`.
fn reply_for(path: &str) -> Bytes {
    if path.ends_with("/list") {
        let infos = (0..10)
            .map(|i| {
                format!(
                    r#"{{"token_id":"{i:064x}","comment":"listed token {i}","creation_time":1764000000000,"expiry_time":1764086400000,"scopes":["sql"]}}"#
                )
            })
            .collect::<Vec<_>>()
            .join(",");
        Bytes::from(format!(r#"{{"token_infos":[{infos}]}}"#))
    } else if path.ends_with("/create") {
        Bytes::from(format!(
            r#"{{"token_value":"dapi0123456789abcdef0123456789abcdef","token_info":{{"token_id":"{ID}","comment":"ci pipeline","creation_time":1764000000000,"expiry_time":1764003600000,"scopes":["sql"]}}}}"#
        ))
    } else {
        Bytes::from_static(b"{}")
    }
}

fn stack(c: &mut Criterion) {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => panic!("a tokio runtime: {err}"),
    };
    let client = runtime.block_on(async {
        let config = Config::builder()
            .host("adb-1234567890123456.7.azuredatabricks.net")
            .token("dapi0123456789abcdef0123456789abcdef")
            .build()?;
        let clock = Arc::new(TokioTime {
            origin: tokio::time::Instant::now(),
        });
        let list = reply_for("/list");
        let create = reply_for("/create");
        let transport = tower::service_fn(move |request: http::Request<Bytes>| {
            let path = request.uri().path();
            let body = if path.ends_with("/list") {
                list.clone()
            } else if path.ends_with("/create") {
                create.clone()
            } else {
                Bytes::from_static(b"{}")
            };
            async move { Ok::<_, tokens_core::Error>(http::Response::new(body)) }
        });
        ClientBuilder::from_config(&config, clock)?
            .with_rate(Rate::per_second(
                NonZeroU32::new(1_000_000).unwrap_or(NonZeroU32::MIN),
            ))
            .build(transport)
    });
    let client = match client {
        Ok(client) => client,
        Err(err) => panic!("the benchmark's client builds: {err}"),
    };

    let mut group = c.benchmark_group("stack");
    let id = TokenId::new(ID);
    group.bench_function("list_10_tokens", |b| {
        b.iter(|| black_box(runtime.block_on(client.list())));
    });
    group.bench_function("create", |b| {
        let request = CreateTokenRequest::new()
            .with_comment("ci pipeline")
            .with_lifetime_seconds(3600);
        b.iter(|| black_box(runtime.block_on(client.create(request.clone()))));
    });
    group.bench_function("delete", |b| {
        b.iter(|| black_box(runtime.block_on(client.delete(&id))));
    });
    group.finish();
}

criterion_group!(benches, to_http, stack);
criterion_main!(benches);
