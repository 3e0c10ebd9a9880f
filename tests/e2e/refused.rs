//! A connection refused before anything was sent: every operation, create included, is
//! sent again (spec §3), and the request reaches the server exactly once.

use crate::support::{Op, fast, token_id};
use databricks_tokens::emulator::{DEFAULT_USER, Emulator, Principal, RunningEmulator};
use databricks_tokens::types::{CreateTokenRequest, Secret, TokenId};
use databricks_tokens::{Client, SendState, TokenUpdate, TransportErrorKind};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower::Layer;
use tower::util::MapResultLayer;

/// Failed attempts, by kind and send state.
type Failures = Arc<Mutex<Vec<(TransportErrorKind, SendState)>>>;

/// A layer over the transport that counts attempts into `attempts` and records each
/// failure into `failures`.
fn recording_layer(
    attempts: watch::Sender<usize>,
    failures: Failures,
) -> MapResultLayer<impl Fn(AttemptResult) -> AttemptResult + Clone> {
    let attempts = Arc::new(attempts);
    MapResultLayer::new(move |result: AttemptResult| {
        if let Err(err) = &result {
            failures
                .lock()
                .expect("lock")
                .push((err.kind(), err.send_state()));
        }
        attempts.send_modify(|n| *n += 1);
        result
    })
}

type AttemptResult = Result<http::Response<bytes::Bytes>, databricks_tokens::TransportError>;

/// A loopback port with nothing listening on it (connections to it are refused).
fn refusing_port() -> std::net::SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().expect("its address")
}

/// An emulator (not served) holding one token of its default user, the user's login and
/// the token's id. It was seeded through a first server, since stopped.
async fn seeded_emulator() -> (Emulator, Secret, TokenId) {
    let emulator = Emulator::builder().build().expect("the emulator builds");
    let login = emulator
        .default_user_secret()
        .cloned()
        .expect("default user");
    let seeding = RunningEmulator::serve(
        emulator.clone(),
        TcpListener::bind("127.0.0.1:0").await.expect("bind"),
    )
    .expect("serve");
    let seeder = fast(
        Client::builder()
            .host(seeding.base_url())
            .token(login.clone()),
    )
    .build()
    .expect("client");
    let seeded = token_id(
        seeder
            .create(CreateTokenRequest::new().with_comment("seed"))
            .await
            .expect("seeded")
            .token_info,
    );
    seeding.shutdown().await;

    (emulator, login, seeded)
}

async fn check_refused_then_served(op: Op) {
    let (emulator, login, seeded) = seeded_emulator().await;

    let route = op.route();
    let requests_before = emulator.stats().requests(route);
    let addr = refusing_port();

    // Count attempts, and keep how each failed, below the whole stack.
    let (attempts_tx, mut attempts) = watch::channel(0_usize);
    let failures = Arc::new(Mutex::new(Vec::new()));
    let record = recording_layer(attempts_tx, Arc::clone(&failures));
    let (stack, transport) = fast(
        Client::builder()
            .host(format!("http://{addr}"))
            .token(login),
    )
    .retry_backoff(Duration::from_millis(20), Duration::from_millis(50))
    .into_parts()
    .expect("parts");
    let client = stack.build(record.layer(transport)).expect("client");

    let call = tokio::spawn(async move {
        match op {
            Op::Create => client
                .create(CreateTokenRequest::new().with_comment("after refusal"))
                .await
                .map(drop),
            Op::List => client.list().await.map(drop),
            Op::Update => {
                client
                    .update(&seeded, TokenUpdate::new().with_comment("after refusal"))
                    .await
            }
            Op::Delete => client.delete(&seeded).await,
        }
    });

    tokio::time::timeout(Duration::from_secs(10), attempts.wait_for(|n| *n >= 1))
        .await
        .expect("the first attempt ends within 10 s")
        .expect("the counter lives");
    let serving = RunningEmulator::serve(
        emulator.clone(),
        TcpListener::bind(addr)
            .await
            .expect("bind the refusing port"),
    )
    .expect("serve");

    call.await
        .expect("no panic")
        .unwrap_or_else(|err| panic!("{op:?}: {err}"));
    let failures = failures.lock().expect("lock").clone();
    assert!(
        !failures.is_empty(),
        "{op:?}: at least one attempt was refused"
    );
    for (kind, state) in failures {
        assert_eq!(kind, TransportErrorKind::Connect, "{op:?}");
        assert_eq!(state, SendState::NotSent, "{op:?}");
    }
    assert_eq!(
        emulator.stats().requests(route) - requests_before,
        1,
        "{op:?}: reached once"
    );
    let tokens = emulator.token_count(&Principal::user(DEFAULT_USER));
    let expected = match op {
        Op::Create => 2,
        Op::Delete => 0,
        Op::List | Op::Update => 1,
    };
    assert_eq!(tokens, expected, "{op:?}: tokens on the server");
    serving.shutdown().await;
}

#[tokio::test]
async fn create_is_resent_after_connection_refused() {
    check_refused_then_served(Op::Create).await;
}

#[tokio::test]
async fn list_is_resent_after_connection_refused() {
    check_refused_then_served(Op::List).await;
}

#[tokio::test]
async fn update_is_resent_after_connection_refused() {
    check_refused_then_served(Op::Update).await;
}

#[tokio::test]
async fn delete_is_resent_after_connection_refused() {
    check_refused_then_served(Op::Delete).await;
}
