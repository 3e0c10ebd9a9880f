//! Soak: 32 tasks, 2,000 mixed operations, about 20 % of requests faulted.
//!
//! Invariants: every idempotent operation succeeds; a create fails only as outcome-unknown;
//! the server ends with exactly the acknowledged creates minus the acknowledged deletes,
//! plus at most one token per outcome-unknown create; no task panics; and no secret appears
//! in the TRACE log of the whole run (client and emulator).
//!
//! Everything runs on one current-thread runtime, so a thread-local subscriber captures
//! every event of the run.

use crate::support::{Harness, fast};
use databricks_tokens::emulator::{Emulator, FaultPlan, FaultRule, RetryAfter};
use databricks_tokens::retry::RetryBudget;
use databricks_tokens::types::{CreateTokenRequest, Secret, TokenId};
use databricks_tokens::{Client, TokenUpdate};
use std::collections::BTreeSet;
use std::io::Write;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

const TASKS: usize = 32;
const OPERATIONS: usize = 2_000;
/// The chance that each of the seven deciding rules fires: 1 - (1 - p)^7 ≈ 20 %.
const RULE_PROBABILITY: f64 = 0.032;
/// The most tokens one task keeps alive, far below the quota.
const LIVE_PER_TASK: usize = 6;

/// What the tasks saw, merged.
#[derive(Default)]
struct Ledger {
    created: BTreeSet<TokenId>,
    deleted: BTreeSet<TokenId>,
    outcome_unknown_creates: usize,
    secrets: Vec<Secret>,
    unexpected: Vec<String>,
    operations: usize,
}

/// A log sink shared with the test.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn fault_plan() -> FaultPlan {
    let p = RULE_PROBABILITY;
    let rules = [
        FaultRule::status(None, 429).with_retry_after(RetryAfter::Seconds(0)),
        FaultRule::status(None, 503),
        FaultRule::status(None, 500),
        FaultRule::status(None, 502),
        FaultRule::status(None, 504),
        FaultRule::close_before_acting(None),
        FaultRule::close_after_acting(None),
        FaultRule::latency(None, Duration::from_millis(2)),
    ];
    rules
        .into_iter()
        .fold(FaultPlan::new().seed(2026), |plan, rule| {
            plan.rule(rule.probability(p))
        })
}

/// One task's share of the operations, on its own tokens.
async fn worker(client: Client, task: usize, count: usize, ledger: Arc<Mutex<Ledger>>) {
    let mut rng = fastrand::Rng::with_seed(task as u64);
    let mut live: Vec<TokenId> = Vec::new();
    for n in 0..count {
        let roll = rng.u8(0..100);
        let choice = if live.is_empty() {
            0
        } else if live.len() >= LIVE_PER_TASK {
            90
        } else {
            roll
        };
        let outcome = match choice {
            0..35 => {
                let request = CreateTokenRequest::new()
                    .with_comment(format!("soak-{task}-{n}"))
                    .with_lifetime_seconds(3600);
                match client.create(request).await {
                    Ok(created) => {
                        let id = crate::support::token_id(created.token_info);
                        live.push(id.clone());
                        let mut ledger = ledger.lock().unwrap_or_else(PoisonError::into_inner);
                        ledger.created.insert(id);
                        ledger.secrets.extend(created.token_value);
                        Ok(())
                    }
                    Err(err) if err.is_outcome_unknown() => {
                        ledger
                            .lock()
                            .unwrap_or_else(PoisonError::into_inner)
                            .outcome_unknown_creates += 1;
                        Ok(())
                    }
                    Err(err) => Err(format!("create: {err}")),
                }
            }
            35..55 => match client.list().await {
                Ok(listed) => {
                    let seen: BTreeSet<&TokenId> = listed
                        .iter()
                        .filter_map(|info| info.token_id.as_ref())
                        .collect();
                    match live.iter().find(|id| !seen.contains(id)) {
                        Some(missing) => Err(format!("list misses live token {missing}")),
                        None => Ok(()),
                    }
                }
                Err(err) => Err(format!("list: {err}")),
            },
            55..80 => {
                let id = &live[rng.usize(0..live.len())];
                client
                    .update(
                        id,
                        TokenUpdate::new().with_comment(format!("soak-{task}-{n}-u")),
                    )
                    .await
                    .map_err(|err| format!("update: {err}"))
            }
            _ => {
                let id = live.swap_remove(rng.usize(0..live.len()));
                match client.delete(&id).await {
                    Ok(()) => {
                        ledger
                            .lock()
                            .unwrap_or_else(PoisonError::into_inner)
                            .deleted
                            .insert(id);
                        Ok(())
                    }
                    Err(err) => Err(format!("delete: {err}")),
                }
            }
        };
        let mut ledger = ledger.lock().unwrap_or_else(PoisonError::into_inner);
        ledger.operations += 1;
        if let Err(message) = outcome {
            ledger.unexpected.push(message);
        }
    }
}

/// Whether `text` holds `dapi` followed by 32 hex characters: a token's secret.
fn holds_a_pat(text: &str) -> bool {
    text.match_indices("dapi").any(|(at, _)| {
        let rest = &text.as_bytes()[at + 4..];
        rest.len() >= 32 && rest[..32].iter().all(u8::is_ascii_hexdigit)
    })
}

#[tokio::test(flavor = "current_thread")]
async fn soak_32_tasks_2000_operations_20_percent_faults() {
    let capture = Capture::default();
    let sink = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || sink.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let harness = Harness::start_with(Emulator::builder().faults(fault_plan())).await;
    let client = fast(
        Client::builder()
            .host(harness.emulator.base_url())
            .token(harness.login.clone()),
    )
    .retry_budget(RetryBudget::unlimited())
    .build()
    .expect("the client builds");

    let ledger = Arc::new(Mutex::new(Ledger::default()));
    let mut tasks = Vec::new();
    for task in 0..TASKS {
        let count = OPERATIONS / TASKS + usize::from(task < OPERATIONS % TASKS);
        tasks.push(tokio::spawn(worker(
            client.clone(),
            task,
            count,
            Arc::clone(&ledger),
        )));
    }
    for task in tasks {
        task.await.expect("no task panicked");
    }

    let injected: u64 = harness
        .emulator
        .faults()
        .rules()
        .iter()
        .map(|rule| rule.fired)
        .sum();
    let requests = harness.emulator.stats().total();
    harness.emulator.faults().clear();
    let on_server: BTreeSet<TokenId> = client
        .list()
        .await
        .expect("the final list")
        .into_iter()
        .filter_map(|info| info.token_id)
        .collect();
    let ledger = ledger.lock().unwrap_or_else(PoisonError::into_inner);
    let orphans = check_invariants(&ledger, &on_server);
    assert_eq!(harness.token_count(), on_server.len());
    assert!(
        injected * 100 >= requests * 10,
        "{injected} faults in {requests} requests"
    );
    let log = String::from_utf8_lossy(&capture.0.lock().unwrap_or_else(PoisonError::into_inner))
        .into_owned();
    check_log(&log, &harness.login, &ledger.secrets);
    eprintln!(
        "soak: {} operations, {requests} requests, {injected} injected faults, {} creates \
         acknowledged, {} outcome unknown, {orphans} orphans, {} tokens left",
        ledger.operations,
        ledger.created.len(),
        ledger.outcome_unknown_creates,
        on_server.len()
    );
}

/// Checks the ledger against the tokens on the server; returns how many tokens no create
/// acknowledged.
fn check_invariants(ledger: &Ledger, on_server: &BTreeSet<TokenId>) -> usize {
    assert_eq!(ledger.operations, OPERATIONS);
    assert!(
        ledger.unexpected.is_empty(),
        "unexpected failures: {:?}",
        ledger.unexpected
    );
    let expected: BTreeSet<TokenId> = ledger
        .created
        .difference(&ledger.deleted)
        .cloned()
        .collect();
    assert!(
        expected.is_subset(on_server),
        "an acknowledged token is missing"
    );
    assert!(
        on_server.is_disjoint(&ledger.deleted),
        "a deleted token is still there"
    );
    let orphans = on_server.difference(&ledger.created).count();
    assert!(
        orphans <= ledger.outcome_unknown_creates,
        "{orphans} unacknowledged tokens for {} outcome-unknown creates",
        ledger.outcome_unknown_creates
    );
    assert_eq!(on_server.len(), expected.len() + orphans);
    orphans
}

/// Checks that the captured log holds no secret.
fn check_log(log: &str, login: &Secret, created: &[Secret]) {
    // The retry layer logs each decision, and the hyper transport each request.
    assert!(
        log.contains("tokens_core::retry"),
        "the client's retry log was captured"
    );
    assert!(
        log.contains("tokens_hyper"),
        "the transport's log was captured"
    );
    assert!(
        !log.contains(login.expose_secret()),
        "the login secret was logged"
    );
    for secret in created {
        assert!(
            !log.contains(secret.expose_secret()),
            "a created secret was logged"
        );
    }
    assert!(
        !holds_a_pat(log),
        "something shaped like a token secret was logged"
    );
}
