//! The shared OAuth token, refreshed ahead of expiry with one fetch in flight at a time.

use super::OAuthM2m;
use super::erased::{HttpCall, OAuthTokens};
use super::exchange::{self, Granted};
use super::resend::Patience;
use crate::runtime::{BoxFuture, Clock};
use crate::{Error, ErrorKind, retry};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll, Waker};
use std::time::Duration;
use tokens_types::{Secret, Timestamp};

/// A token is stale this long before expiry at most (the official SDKs' 20 minutes).
const MAX_EARLY_REFRESH: Duration = Duration::from_secs(20 * 60);

/// How many times one caller looks at the cache before giving up; each look either returns,
/// or follows a refresh that ended, so this only bounds a pathological loop.
const MAX_ROUNDS: u32 = 16;

/// The token cache every clone of an OAuth auth service shares.
pub(in crate::auth) struct TokenCache {
    config: OAuthM2m,
    clock: Arc<dyn Clock>,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    token: Option<Cached>,
    endpoint: Option<String>,
    refreshing: bool,
    /// Counts finished (or abandoned) refreshes, so waiters can tell that one ended.
    generation: u64,
    /// The message of the refresh that failed, with the generation it ended.
    failure: Option<(u64, String)>,
    waiters: Vec<Waker>,
}

struct Cached {
    secret: Secret,
    expires_at: Timestamp,
    stale_at: Timestamp,
}

/// What a caller does next.
enum Step {
    Use(Secret),
    /// Fetch a new token; `fallback` is the stale but still valid one.
    Lead {
        fallback: Option<Secret>,
    },
    /// Another caller is fetching; wait for refresh `generation` to end.
    Wait {
        generation: u64,
    },
}

impl TokenCache {
    pub(in crate::auth) fn new(config: OAuthM2m, clock: Arc<dyn Clock>) -> Self {
        TokenCache {
            config,
            clock,
            state: Mutex::new(State::default()),
        }
    }

    /// A valid token: the cached one, or a new one fetched through `service`; the fetch
    /// sends the client secret over plain http only to loopback or when `allow_insecure`.
    async fn obtain(
        &self,
        service: Box<dyn HttpCall>,
        allow_insecure: bool,
    ) -> Result<Secret, Error> {
        let mut service = Some(service);
        let mut waited_for = None;
        for _ in 0..MAX_ROUNDS {
            match self.next_step(waited_for)? {
                Step::Use(secret) => return Ok(secret),
                Step::Wait { generation } => {
                    WaitForRefresh {
                        cache: self,
                        generation,
                    }
                    .await;
                    waited_for = Some(generation);
                }
                Step::Lead { fallback } => {
                    let Some(service) = service.take() else {
                        break;
                    };
                    return self.lead(service, fallback, allow_insecure).await;
                }
            }
        }
        Err(Error::auth(
            "could not obtain an OAuth token: the refresh kept being abandoned",
        ))
    }

    /// Forgets the cached token if it is `used`, after the server refused it (401).
    fn forget(&self, used: &Secret) {
        let mut state = self.lock();
        if state
            .token
            .as_ref()
            .is_some_and(|cached| &cached.secret == used)
        {
            state.token = None;
        }
    }

    fn next_step(&self, waited_for: Option<u64>) -> Result<Step, Error> {
        let now = self.clock.now();
        let mut state = self.lock();
        if let (Some(waited), Some((failed, message))) = (waited_for, &state.failure)
            && *failed > waited
            && *failed == state.generation
        {
            return Err(Error::auth(message.clone()));
        }
        let step = match &state.token {
            Some(cached) if now < cached.stale_at => Step::Use(cached.secret.clone()),
            Some(cached) if now < cached.expires_at && state.refreshing => {
                Step::Use(cached.secret.clone())
            }
            Some(cached) if now < cached.expires_at => Step::Lead {
                fallback: Some(cached.secret.clone()),
            },
            _ if state.refreshing => Step::Wait {
                generation: state.generation,
            },
            _ => Step::Lead { fallback: None },
        };
        if matches!(step, Step::Lead { .. }) {
            state.refreshing = true;
        }
        Ok(step)
    }

    /// Fetches a token for everyone, then wakes the waiters.
    async fn lead(
        &self,
        service: Box<dyn HttpCall>,
        fallback: Option<Secret>,
        allow_insecure: bool,
    ) -> Result<Secret, Error> {
        let mut guard = LeaderGuard {
            cache: self,
            finished: false,
        };
        let limit = self.config.token_timeout;
        let patience = Patience::new(self.clock.as_ref(), limit);
        let fetched = retry::race(
            self.fetch(service, patience, allow_insecure),
            self.clock.sleep(limit),
        )
        .await
        .unwrap_or_else(|| {
            Err(Error::auth(format!(
                "the OAuth token request did not finish within {limit:?}"
            )))
        });
        guard.finished = true;

        match fetched.map_err(as_auth_error) {
            Ok(granted) => {
                let secret = granted.access_token.clone();
                self.finish(Ok(granted));
                tracing::debug!("OAuth token refreshed");
                Ok(secret)
            }
            Err(error) => {
                self.finish(Err(error.message().to_owned()));
                match fallback {
                    Some(secret) => {
                        tracing::warn!(error = %error, "OAuth token refresh failed; using the current token until it expires");
                        Ok(secret)
                    }
                    None => Err(error),
                }
            }
        }
    }

    async fn fetch(
        &self,
        mut service: Box<dyn HttpCall>,
        mut patience: Patience<'_>,
        allow_insecure: bool,
    ) -> Result<Granted, Error> {
        let known = self
            .config
            .token_endpoint
            .clone()
            .or_else(|| self.lock().endpoint.clone());
        let endpoint = if let Some(endpoint) = known {
            endpoint
        } else {
            let found = exchange::discover(
                service.as_mut(),
                &mut patience,
                &self.config,
                allow_insecure,
            )
            .await?;
            self.lock().endpoint = Some(found.clone());
            found
        };
        tracing::debug!(token_endpoint = %endpoint, "requesting an OAuth token");
        exchange::request_token(
            service.as_mut(),
            &mut patience,
            &self.config,
            &endpoint,
            allow_insecure,
        )
        .await
    }

    /// Records the end of a refresh and wakes everyone waiting for it.
    fn finish(&self, outcome: Result<Granted, String>) {
        let now = self.clock.now();
        let waiters = {
            let mut state = self.lock();
            state.generation += 1;
            match outcome {
                Ok(granted) => {
                    state.token = Some(cached(granted, now));
                    state.failure = None;
                }
                Err(message) => state.failure = Some((state.generation, message)),
            }
            state.refreshing = false;
            std::mem::take(&mut state.waiters)
        };
        waiters.into_iter().for_each(Waker::wake);
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // Every update leaves the state consistent, so a poisoned lock is still usable.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A fetch that failed for another reason than the token endpoint's answer (the network, a
/// proxy) still surfaces as an auth error, with the cause kept as its source.
impl OAuthTokens for TokenCache {
    fn token(
        &self,
        http: Box<dyn HttpCall>,
        allow_insecure: bool,
    ) -> BoxFuture<'_, Result<Secret, Error>> {
        Box::pin(self.obtain(http, allow_insecure))
    }

    fn invalidate(&self, used: &Secret) {
        self.forget(used);
    }
}

fn as_auth_error(error: Error) -> Error {
    if error.kind() == ErrorKind::Auth {
        return error;
    }
    Error::auth(format!("could not obtain an OAuth token: {error}")).with_source(error)
}

/// When a token granted `now` expires and when it turns stale: `min(TTL / 2, 20 min)` early.
fn cached(granted: Granted, now: Timestamp) -> Cached {
    let expires_at = now.checked_add(granted.lifetime).unwrap_or(now);
    let early = (granted.lifetime / 2).min(MAX_EARLY_REFRESH);
    let stale_at = expires_at.checked_sub(early).unwrap_or(now);
    Cached {
        secret: granted.access_token,
        expires_at,
        stale_at,
    }
}

/// Ends a refresh that its leader abandoned (the call was dropped), so a waiter takes over.
struct LeaderGuard<'a> {
    cache: &'a TokenCache,
    finished: bool,
}

impl Drop for LeaderGuard<'_> {
    fn drop(&mut self) {
        if self.finished {
            return;
        }
        let waiters = {
            let mut state = self.cache.lock();
            state.generation += 1;
            state.refreshing = false;
            std::mem::take(&mut state.waiters)
        };
        waiters.into_iter().for_each(Waker::wake);
    }
}

/// Ready once refresh `generation` has ended.
struct WaitForRefresh<'a> {
    cache: &'a TokenCache,
    generation: u64,
}

impl Future for WaitForRefresh<'_> {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut state = self.cache.lock();
        if state.generation != self.generation || !state.refreshing {
            return Poll::Ready(());
        }
        if !state
            .waiters
            .iter()
            .any(|waker| waker.will_wake(cx.waker()))
        {
            state.waiters.push(cx.waker().clone());
        }
        Poll::Pending
    }
}

impl fmt::Debug for TokenCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = self.lock();
        f.debug_struct("TokenCache")
            .field("config", &self.config)
            .field("has_token", &state.token.is_some())
            .field("refreshing", &state.refreshing)
            .finish_non_exhaustive()
    }
}
