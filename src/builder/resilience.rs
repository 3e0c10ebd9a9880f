//! The builder's timeouts, retries and rate limit.

use super::ClientBuilder;
use std::num::NonZeroU32;
use std::time::Duration;
use tokens_core::rate_limit::{Rate, RateLimiter};
use tokens_core::retry::{RetryBudget, RetryPolicy};

impl ClientBuilder {
    /// The deadline of a whole call, retries and waits included (default 300 s). A server
    /// that asks for a wait past it gets its error returned at once.
    pub fn call_timeout(mut self, deadline: Duration) -> Self {
        self.retry_policy = self.retry_policy.with_call_timeout(deadline);
        self
    }

    /// The time limit of one attempt, the credential lookup included (default 60 s).
    pub fn attempt_timeout(mut self, limit: Duration) -> Self {
        self.attempt_timeout = Some(limit);
        self
    }

    /// The time allowed to set up a connection: DNS, TCP, proxy tunnel and TLS (default
    /// 10 s).
    pub fn connect_timeout(mut self, limit: Duration) -> Self {
        self.transport = self.transport.connect_timeout(limit);
        self
    }

    /// The backoff between retries when the server names no wait: a random wait up to
    /// `min(cap, base × 2ⁿ)` before retry `n` (default 1 s and 30 s).
    pub fn retry_backoff(mut self, base: Duration, cap: Duration) -> Self {
        self.retry_policy = self.retry_policy.with_backoff(base, cap);
        self
    }

    /// How many times one call may be sent again (default 50; the deadline usually stops
    /// retries first). `0` turns retries off.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.retry_policy = self.retry_policy.with_max_retries(retries);
        self
    }

    /// Replaces the whole retry policy (backoff, deadline, retry cap).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry_policy = policy;
        self
    }

    /// Shares a retry budget with other clients, so that together they stop retrying when
    /// most calls fail.
    pub fn retry_budget(mut self, budget: RetryBudget) -> Self {
        self.retry_budget = Some(budget);
        self
    }

    /// Seeds the backoff jitter, for reproducible runs.
    pub fn retry_seed(mut self, seed: u64) -> Self {
        self.retry_seed = Some(seed);
        self
    }

    /// The client-side rate limit in requests per second, with a burst of the same size
    /// (default 15, or `DATABRICKS_RATE_LIMIT`). Zero is refused by [`ClientBuilder::build`].
    pub fn rate_limit_per_second(mut self, per_second: u32) -> Self {
        self.rate = NonZeroU32::new(per_second).map(Rate::per_second);
        self.zero_rate = per_second == 0;
        self
    }

    /// The client-side rate limit, with its own burst.
    pub fn rate_limit(mut self, rate: Rate) -> Self {
        self.rate = Some(rate);
        self.zero_rate = false;
        self
    }

    /// Shares a rate limiter with other clients: together they keep to its rate, and a 429
    /// pauses all of them.
    pub fn rate_limiter(mut self, limiter: RateLimiter) -> Self {
        self.rate_limiter = Some(limiter);
        self
    }
}
