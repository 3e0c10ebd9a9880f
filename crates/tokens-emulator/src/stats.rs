//! Request counters, so tests can assert what the server saw.

use crate::route::Route;
use std::sync::atomic::{AtomicU64, Ordering};

/// How many requests each route received, counted on arrival (before any fault acts), so a
/// request answered by an injected 503 or dropped connection still counts.
///
/// ```
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// use tokens_emulator::{Emulator, Route};
///
/// let running = Emulator::builder().start("127.0.0.1:0").await?;
/// assert_eq!(running.stats().requests(Route::Create), 0);
/// running.shutdown().await;
/// # Ok(()) }
/// ```
#[derive(Debug, Default)]
pub struct Stats {
    by_route: [AtomicU64; Route::ALL.len()],
    unmatched: AtomicU64,
}

impl Stats {
    pub(crate) fn count(&self, route: Route) {
        self.by_route[route.index()].fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn count_unmatched(&self) {
        self.unmatched.fetch_add(1, Ordering::Relaxed);
    }

    /// Requests received on `route`.
    pub fn requests(&self, route: Route) -> u64 {
        self.by_route[route.index()].load(Ordering::Relaxed)
    }

    /// Requests to no route at all (answered 404 or 405), CORS preflights included.
    pub fn unmatched(&self) -> u64 {
        self.unmatched.load(Ordering::Relaxed)
    }

    /// Requests received on every route, unmatched ones included (control requests excluded).
    pub fn total(&self) -> u64 {
        Route::ALL.iter().map(|r| self.requests(*r)).sum::<u64>() + self.unmatched()
    }
}
