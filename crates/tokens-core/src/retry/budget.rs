//! A retry budget shared by every clone, so a failing service is not hit by a retry storm.
//!
//! Capping attempts per call does not protect a server that is down: a thousand callers
//! that each retry five times still multiply the load by six exactly when the server can
//! least bear it. A budget caps retries across all calls instead. Each retry withdraws a
//! few tokens and each success deposits one back, so while most calls succeed retries are
//! free, and once most fail the budget runs dry and calls fail at once with the server's
//! error until successes refill it.

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

/// Tokens that retries spend and successes earn, shared by every clone.
///
/// ```
/// use tokens_core::retry::RetryBudget;
///
/// let budget = RetryBudget::new(10, 5, 1);
/// assert!(budget.try_withdraw());
/// assert!(budget.try_withdraw());
/// assert!(!budget.try_withdraw()); // empty: the next failure is not retried
/// budget.deposit();
/// assert_eq!(budget.balance(), 1);
/// ```
///
/// # Clone
///
/// Clones share one balance.
#[derive(Clone)]
pub struct RetryBudget {
    state: Arc<Mutex<u32>>,
    capacity: u32,
    retry_cost: u32,
    success_reward: u32,
}

impl RetryBudget {
    /// The default: 500 tokens, 5 per retry, 1 back per success; a full budget pays for 100
    /// retries in a row.
    pub fn default_budget() -> Self {
        RetryBudget::new(500, 5, 1)
    }

    /// A full budget of `capacity` tokens, where each retry costs `retry_cost` and each
    /// success earns `success_reward` (never above `capacity`).
    pub fn new(capacity: u32, retry_cost: u32, success_reward: u32) -> Self {
        RetryBudget {
            state: Arc::new(Mutex::new(capacity)),
            capacity,
            retry_cost,
            success_reward,
        }
    }

    /// A budget that never runs dry; retries are then bounded only by the deadline and the
    /// policy's maximum.
    pub fn unlimited() -> Self {
        RetryBudget::new(u32::MAX, 0, 0)
    }

    /// Takes the price of one retry; `false` (and nothing taken) when the balance is short.
    pub fn try_withdraw(&self) -> bool {
        let mut balance = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        match balance.checked_sub(self.retry_cost) {
            Some(left) => {
                *balance = left;
                true
            }
            None => false,
        }
    }

    /// Earns the reward of one success.
    pub fn deposit(&self) {
        let mut balance = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        *balance = balance
            .saturating_add(self.success_reward)
            .min(self.capacity);
    }

    /// The tokens left.
    pub fn balance(&self) -> u32 {
        *self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Default for RetryBudget {
    fn default() -> Self {
        RetryBudget::default_budget()
    }
}

impl fmt::Debug for RetryBudget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RetryBudget")
            .field("balance", &self.balance())
            .field("capacity", &self.capacity)
            .field("retry_cost", &self.retry_cost)
            .field("success_reward", &self.success_reward)
            .finish_non_exhaustive()
    }
}
