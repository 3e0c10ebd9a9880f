//! The [`Layer`] that applies [`Retry`].

use super::attempts::Shared;
use super::{Retry, RetryBudget, RetryPolicy};
use crate::runtime::Clock;
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tower::Layer;

/// Applies [`Retry`]; every service it makes shares one [`RetryBudget`].
///
/// ```
/// use std::sync::Arc;
/// use std::time::Duration;
/// use tokens_core::retry::{RetryBudget, RetryLayer};
/// use tokens_core::ManualClock;
/// use tokens_core::types::Timestamp;
///
/// let clock = Arc::new(ManualClock::new(Timestamp::UNIX_EPOCH));
/// let layer = RetryLayer::new(clock)
///     .with_call_timeout(Duration::from_secs(60))
///     .with_backoff(Duration::from_millis(100), Duration::from_secs(5))
///     .with_budget(RetryBudget::new(100, 10, 1))
///     .with_seed(42); // the same jitter every run, for tests
/// assert_eq!(layer.policy().call_timeout(), Duration::from_secs(60));
/// ```
///
/// # Clone
///
/// Clones of the layer, and every service made from it, share the budget and the random
/// generator.
#[derive(Clone)]
pub struct RetryLayer {
    shared: Shared,
}

impl RetryLayer {
    /// A layer with the default [`RetryPolicy`] and [`RetryBudget`], and jitter from a
    /// randomly seeded generator.
    pub fn new(clock: Arc<dyn Clock>) -> Self {
        RetryLayer {
            shared: Shared {
                clock,
                policy: RetryPolicy::default(),
                budget: RetryBudget::default(),
                rng: Arc::new(Mutex::new(fastrand::Rng::new())),
            },
        }
    }

    /// Replaces the whole policy.
    #[must_use]
    pub fn with_policy(mut self, policy: RetryPolicy) -> Self {
        self.shared.policy = policy;
        self
    }

    /// Sets the default deadline of a whole call (default 300 s).
    #[must_use]
    pub fn with_call_timeout(mut self, call_timeout: Duration) -> Self {
        self.shared.policy = self.shared.policy.with_call_timeout(call_timeout);
        self
    }

    /// Sets the backoff base and cap (default 1 s and 30 s).
    #[must_use]
    pub fn with_backoff(mut self, base: Duration, cap: Duration) -> Self {
        self.shared.policy = self.shared.policy.with_backoff(base, cap);
        self
    }

    /// Uses `budget`, which may also be shared with other layers.
    #[must_use]
    pub fn with_budget(mut self, budget: RetryBudget) -> Self {
        self.shared.budget = budget;
        self
    }

    /// Seeds the jitter generator, so waits repeat from run to run (for tests).
    #[must_use]
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.shared.rng = Arc::new(Mutex::new(fastrand::Rng::with_seed(seed)));
        self
    }

    /// The policy in use.
    pub fn policy(&self) -> &RetryPolicy {
        &self.shared.policy
    }

    /// The budget in use.
    pub fn budget(&self) -> &RetryBudget {
        &self.shared.budget
    }
}

impl<S> Layer<S> for RetryLayer {
    type Service = Retry<S>;

    fn layer(&self, inner: S) -> Retry<S> {
        Retry {
            inner,
            shared: Arc::new(self.shared.clone()),
        }
    }
}

impl fmt::Debug for RetryLayer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RetryLayer")
            .field("policy", &self.shared.policy)
            .field("budget", &self.shared.budget)
            .finish_non_exhaustive()
    }
}
