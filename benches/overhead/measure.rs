//! Running one side for a time slice at a given concurrency, and summing slices up.

use crate::cpu::ThreadCpu;
use crate::workload::{Side, Workload};
use std::time::{Duration, Instant};
use tokio::task::JoinSet;

/// What the slices of one (side, workload, concurrency) cell added up to.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    /// Latency of every completed operation.
    latencies: Vec<Duration>,
    /// Wall time summed over slices.
    wall: Duration,
    /// CPU time of the client thread, when it could be read.
    client_cpu: Option<Duration>,
    /// CPU time of the server thread, when it could be read.
    server_cpu: Option<Duration>,
    /// Operations that failed (none are expected).
    pub(crate) errors: usize,
    /// The first failure, for the report.
    pub(crate) first_error: Option<String>,
}

/// Figures of one cell.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Summary {
    pub(crate) ops_per_second: f64,
    pub(crate) p50: Duration,
    pub(crate) p99: Duration,
    pub(crate) client_cpu_per_op: Option<Duration>,
    pub(crate) server_cpu_per_op: Option<Duration>,
}

/// The threads whose CPU time is charged to the slices.
#[derive(Clone, Debug)]
pub(crate) struct Meters {
    pub(crate) client: Option<ThreadCpu>,
    pub(crate) server: Option<ThreadCpu>,
}

/// Runs `concurrency` loops of `workload` on `side` until `slice` has passed, then waits
/// for the operations in flight, adding everything to `tally`.
pub(crate) async fn run_slice(
    side: &Side,
    workload: Workload,
    concurrency: usize,
    slice: Duration,
    meters: &Meters,
    tally: &mut Tally,
) {
    let client_before = meters.client.as_ref().and_then(ThreadCpu::read);
    let server_before = meters.server.as_ref().and_then(ThreadCpu::read);
    let start = Instant::now();
    let deadline = start + slice;

    let mut loops = JoinSet::new();
    for _ in 0..concurrency {
        let side = side.clone();
        loops.spawn(async move {
            let mut latencies = Vec::with_capacity(1024);
            let mut errors = Vec::new();
            while Instant::now() < deadline {
                let begun = Instant::now();
                match side.run(workload).await {
                    Ok(()) => latencies.push(begun.elapsed()),
                    Err(err) => errors.push(err),
                }
            }
            (latencies, errors)
        });
    }
    while let Some(joined) = loops.join_next().await {
        match joined {
            Ok((latencies, errors)) => {
                tally.latencies.extend(latencies);
                tally.errors += errors.len();
                if tally.first_error.is_none() {
                    tally.first_error = errors.into_iter().next();
                }
            }
            Err(err) => {
                tally.errors += 1;
                tally.first_error.get_or_insert_with(|| err.to_string());
            }
        }
    }

    tally.wall += start.elapsed();
    tally.client_cpu = add_elapsed(tally.client_cpu, meters.client.as_ref(), client_before);
    tally.server_cpu = add_elapsed(tally.server_cpu, meters.server.as_ref(), server_before);
}

fn add_elapsed(
    total: Option<Duration>,
    meter: Option<&ThreadCpu>,
    before: Option<Duration>,
) -> Option<Duration> {
    let now = meter?.read()?;
    Some(total.unwrap_or_default() + now.saturating_sub(before?))
}

impl Tally {
    /// The figures, or `None` when no operation completed.
    pub(crate) fn summary(&mut self) -> Option<Summary> {
        if self.latencies.is_empty() || self.wall.is_zero() {
            return None;
        }
        self.latencies.sort_unstable();
        let ops = self.latencies.len();
        let per_op =
            |cpu: Option<Duration>| cpu.map(|cpu| cpu / u32::try_from(ops).unwrap_or(u32::MAX));
        #[allow(clippy::cast_precision_loss)] // op counts stay far below 2^52
        let ops_per_second = ops as f64 / self.wall.as_secs_f64();
        Some(Summary {
            ops_per_second,
            p50: percentile(&self.latencies, 50),
            p99: percentile(&self.latencies, 99),
            client_cpu_per_op: per_op(self.client_cpu),
            server_cpu_per_op: per_op(self.server_cpu),
        })
    }
}

/// The `pct`th percentile of sorted, non-empty `values` (nearest rank).
fn percentile(values: &[Duration], pct: usize) -> Duration {
    let rank = (values.len() * pct).div_ceil(100).max(1);
    values[rank.min(values.len()) - 1]
}
