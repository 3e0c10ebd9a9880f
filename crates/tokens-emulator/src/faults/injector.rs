//! The live set of fault rules of a running emulator.

use super::{FaultAction, FaultPlan, FaultRule};
use crate::route::Route;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

/// The fault rules in force, shared by every connection; add or clear rules while the
/// emulator runs.
///
/// ```
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// use tokens_emulator::{Emulator, FaultRule, Route};
///
/// let running = Emulator::builder().start("127.0.0.1:0").await?;
/// running.faults().push(FaultRule::status(Some(Route::List), 503).times(1));
/// assert_eq!(running.faults().rules()[0].remaining, Some(1));
/// running.faults().clear();
/// running.shutdown().await;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Faults {
    inner: Arc<Mutex<Inner>>,
}

#[derive(Debug)]
struct Inner {
    rules: Vec<RuleState>,
    rng: fastrand::Rng,
    seed: u64,
}

/// A rule and how it has fared so far.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RuleState {
    /// The rule.
    pub rule: FaultRule,
    /// How many more times it may fire; `None` for no limit.
    pub remaining: Option<u32>,
    /// How many times it has fired.
    pub fired: u64,
}

/// What the rules decided for one request.
#[derive(Debug, Default)]
pub(crate) struct Decision {
    /// Total delay from the latency rules that fired.
    pub(crate) delay: Duration,
    /// The first non-latency action that fired.
    pub(crate) action: Option<FaultAction>,
}

impl Faults {
    pub(crate) fn new(plan: FaultPlan) -> Self {
        let rules = plan.rules.into_iter().map(RuleState::new).collect();
        Faults {
            inner: Arc::new(Mutex::new(Inner {
                rules,
                rng: fastrand::Rng::with_seed(plan.seed),
                seed: plan.seed,
            })),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Adds a rule after the existing ones.
    pub fn push(&self, rule: FaultRule) {
        self.lock().rules.push(RuleState::new(rule));
    }

    /// Removes every rule.
    pub fn clear(&self) {
        self.lock().rules.clear();
    }

    /// Restarts the random draws from `seed`.
    pub fn reseed(&self, seed: u64) {
        let mut inner = self.lock();
        inner.rng = fastrand::Rng::with_seed(seed);
        inner.seed = seed;
    }

    /// The seed the draws started from.
    pub fn seed(&self) -> u64 {
        self.lock().seed
    }

    /// The rules with their remaining counts.
    pub fn rules(&self) -> Vec<RuleState> {
        self.lock().rules.clone()
    }

    /// Decides what happens to a request on `route`, counting down the rules that fire.
    pub(crate) fn decide(&self, route: Route) -> Decision {
        let mut decision = Decision::default();
        let mut inner = self.lock();
        if inner.rules.is_empty() {
            return decision;
        }
        let Inner { rules, rng, .. } = &mut *inner;
        for state in rules.iter_mut() {
            if !state.rule.matches(route) || state.remaining == Some(0) {
                continue;
            }
            let fires = state.rule.probability >= 1.0 || rng.f64() < state.rule.probability;
            if !fires {
                continue;
            }
            if let Some(remaining) = &mut state.remaining {
                *remaining -= 1;
            }
            state.fired += 1;
            match &state.rule.action {
                FaultAction::Latency(delay) => decision.delay += *delay,
                other => {
                    decision.action = Some(other.clone());
                    break;
                }
            }
        }
        decision
    }
}

impl RuleState {
    fn new(rule: FaultRule) -> Self {
        RuleState {
            remaining: rule.times,
            rule,
            fired: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_down_and_stops() {
        let faults = Faults::new(
            FaultPlan::new().rule(FaultRule::status(Some(Route::Create), 503).times(2)),
        );
        assert!(faults.decide(Route::Create).action.is_some());
        assert!(faults.decide(Route::List).action.is_none());
        assert!(faults.decide(Route::Create).action.is_some());
        assert!(faults.decide(Route::Create).action.is_none());
        assert_eq!(faults.rules()[0].fired, 2);
    }

    #[test]
    fn same_seed_same_draws() {
        let plan = FaultPlan::new()
            .rule(FaultRule::status(None, 503).probability(0.5))
            .seed(42);
        let draws = |faults: &Faults| -> Vec<bool> {
            (0..64)
                .map(|_| faults.decide(Route::List).action.is_some())
                .collect()
        };
        let first = draws(&Faults::new(plan.clone()));
        let second = draws(&Faults::new(plan));
        assert_eq!(first, second);
        assert!(first.iter().any(|f| *f) && first.iter().any(|f| !*f));
    }

    #[test]
    fn latencies_add_up_before_the_deciding_rule() {
        let faults = Faults::new(
            FaultPlan::new()
                .rule(FaultRule::latency(None, Duration::from_millis(5)))
                .rule(FaultRule::latency(
                    Some(Route::List),
                    Duration::from_millis(7),
                ))
                .rule(FaultRule::close_before_acting(Some(Route::List))),
        );
        let decision = faults.decide(Route::List);
        assert_eq!(decision.delay, Duration::from_millis(12));
        assert_eq!(decision.action, Some(FaultAction::CloseBeforeActing));
    }
}
