//! What every end-to-end test needs: an emulator on a free port and a client tuned for fast
//! tests (millisecond backoff, a generous rate limit).

use databricks_tokens::emulator::{
    DEFAULT_USER, EmulatorBuilder, Principal, Route, RunningEmulator,
};
use databricks_tokens::types::{CreateTokenRequest, Secret, TokenId};
use databricks_tokens::{Client, ClientBuilder};
use std::time::Duration;

/// An emulator serving on 127.0.0.1 and the secret its default user logs in with.
pub(crate) struct Harness {
    pub(crate) emulator: RunningEmulator,
    pub(crate) login: Secret,
}

impl Harness {
    /// An emulator with the service's defaults.
    pub(crate) async fn start() -> Harness {
        Harness::start_with(databricks_tokens::emulator::Emulator::builder()).await
    }

    /// An emulator from `builder`, which must not name users (the default user is used).
    pub(crate) async fn start_with(builder: EmulatorBuilder) -> Harness {
        let emulator = builder
            .start("127.0.0.1:0")
            .await
            .expect("the emulator starts on a free loopback port");
        let login = emulator
            .default_user_secret()
            .cloned()
            .expect("an emulator without named users has a default user");
        Harness { emulator, login }
    }

    /// A client builder for this emulator with [`fast`] settings.
    pub(crate) fn builder(&self) -> ClientBuilder {
        fast(
            Client::builder()
                .host(self.emulator.base_url())
                .token(self.login.clone()),
        )
    }

    /// A client for this emulator with [`fast`] settings.
    pub(crate) fn client(&self) -> Client {
        self.builder().build().expect("the client builds")
    }

    /// The live tokens of the default user, as the server counts them.
    pub(crate) fn token_count(&self) -> usize {
        self.emulator.token_count(&Principal::user(DEFAULT_USER))
    }

    /// Creates a token without faults, for tests of update and delete.
    pub(crate) async fn seed_token(&self, comment: &str) -> TokenId {
        let created = self
            .client()
            .create(
                CreateTokenRequest::new()
                    .with_comment(comment)
                    .with_lifetime_seconds(3600),
            )
            .await
            .expect("the seed token is created");
        token_id(created.token_info)
    }
}

/// Test settings: backoff of a few milliseconds, a call deadline far from being reached, a
/// rate limit that never waits, and a fixed jitter seed.
pub(crate) fn fast(builder: ClientBuilder) -> ClientBuilder {
    builder
        .retry_backoff(Duration::from_millis(1), Duration::from_millis(5))
        .call_timeout(Duration::from_secs(20))
        .attempt_timeout(Duration::from_secs(10))
        .connect_timeout(Duration::from_secs(5))
        .rate_limit_per_second(100_000)
        .retry_seed(7)
}

/// The id of a created token.
pub(crate) fn token_id(info: Option<databricks_tokens::types::TokenInfo>) -> TokenId {
    info.and_then(|info| info.token_id)
        .expect("the create reply names the token")
}

/// The four token operations, for tests that run each of them the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Create,
    List,
    Update,
    Delete,
}

impl Op {
    /// The emulator route the operation is served on.
    pub(crate) fn route(self) -> Route {
        match self {
            Op::Create => Route::Create,
            Op::List => Route::List,
            Op::Update => Route::Update,
            Op::Delete => Route::Delete,
        }
    }
}
