//! The cost of the SDK's stack over the physical limit: the same Token API calls sent to an
//! in-process emulator by a bare hyper-util client (A) and by the default [`Client`] (B:
//! retry, rate limit, timeout, auth, typed decoding), at concurrency 1 and 64. A third
//! side, bare hyper decoding each reply into the same models with serde_json, shows how
//! much of the difference is decoding rather than the client's layers.
//!
//! ```text
//! cargo bench --bench overhead
//! TOKENS_BENCH_ROUNDS=20 TOKENS_BENCH_SLICE_MS=1000 cargo bench --bench overhead   # longer
//! ```
//!
//! The emulator runs in memory on a thread of its own (a single-threaded tokio runtime); both
//! clients run on one single-threaded tokio runtime on the main thread, so "client CPU/op"
//! is all the work a client does for one operation. The sides alternate in short slices
//! (A B, then B A, ...) so that noise from the machine falls on both alike. The client's
//! rate limit is a million requests per second, so it never waits.
//!
//! Settings (environment): `TOKENS_BENCH_ROUNDS` (default 5; 1 when run by `cargo test`
//! rather than `cargo bench`, with 20 ms slices) slices per cell and side,
//! `TOKENS_BENCH_SLICE_MS` (default 400) the length of a slice, `TOKENS_BENCH_LIST_TOKENS`
//! (default 10) how many tokens the listed user holds, `TOKENS_BENCH_SERVER_LATENCY_US`
//! (default 0) a delay the emulator adds to every reply, standing in for a network.
//!
//! The last line is `throughput ratio (client/raw hyper) at concurrency 64: X`, the
//! geometric mean of the list and create+delete ratios.

mod cpu;
mod measure;
mod raw;
mod server;
mod workload;

use cpu::ThreadCpu;
use databricks_tokens::Client;
use databricks_tokens::types::CreateTokenRequest;
use measure::{Meters, Summary, Tally, run_slice};
use raw::RawClient;
use server::ServerThread;
use std::error::Error;
use std::time::Duration;
use workload::{Side, Workload};

/// Concurrency levels measured.
const CONCURRENCY: [usize; 2] = [1, 64];
/// Workloads measured.
const WORKLOADS: [Workload; 2] = [Workload::List, Workload::CreateDelete];

/// How long and how much to run.
struct Settings {
    rounds: u32,
    slice: Duration,
    list_tokens: usize,
    server_latency: Duration,
}

impl Settings {
    /// The settings from the environment. Without `--bench` (which `cargo bench` passes, and
    /// `cargo test --benches` does not), one short round only checks that every side works.
    fn from_env() -> Result<Settings, String> {
        let benchmarking = std::env::args().any(|arg| arg == "--bench");
        let (rounds, slice_ms) = if benchmarking { (5, 400) } else { (1, 20) };
        Ok(Settings {
            rounds: env_number("TOKENS_BENCH_ROUNDS", rounds)?,
            slice: Duration::from_millis(env_number("TOKENS_BENCH_SLICE_MS", slice_ms)?),
            list_tokens: env_number("TOKENS_BENCH_LIST_TOKENS", 10)?,
            server_latency: Duration::from_micros(env_number("TOKENS_BENCH_SERVER_LATENCY_US", 0)?),
        })
    }
}

fn env_number<T: std::str::FromStr>(name: &str, default: T) -> Result<T, String> {
    match std::env::var(name) {
        Err(_) => Ok(default),
        Ok(text) => text
            .trim()
            .parse()
            .map_err(|_| format!("{name} must be a whole number, not `{text}`")),
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let settings = Settings::from_env()?;
    let server = ServerThread::start(settings.server_latency)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(run(&settings, &server))
}

async fn run(settings: &Settings, server: &ServerThread) -> Result<(), Box<dyn Error>> {
    let create = CreateTokenRequest::new()
        .with_comment("overhead benchmark")
        .with_lifetime_seconds(3600);
    let stack = stack_side(server, &create)?;
    let lister = RawClient::new(&server.base_url, &server.lister, &create)?;
    let creator = RawClient::new(&server.base_url, &server.creator, &create)?;
    let decoded = Side::RawDecoded {
        lister: lister.clone(),
        creator: creator.clone(),
    };
    let raw = Side::Raw { lister, creator };
    fill_list(&stack, settings.list_tokens).await?;
    let meters = Meters {
        client: ThreadCpu::current(),
        server: server.proc_task.as_deref().and_then(ThreadCpu::of_task),
    };

    print_header(settings);
    let warm_up = Duration::from_millis(100);
    let mut cells = Vec::new();
    for workload in WORKLOADS {
        for concurrency in CONCURRENCY {
            for side in [&raw, &decoded, &stack] {
                run_slice(
                    side,
                    workload,
                    concurrency,
                    warm_up,
                    &meters,
                    &mut Tally::default(),
                )
                .await;
            }
            cells.push((
                workload,
                concurrency,
                [Tally::default(), Tally::default(), Tally::default()],
            ));
        }
    }
    for round in 0..settings.rounds {
        for (workload, concurrency, tallies) in &mut cells {
            let [raw_tally, decoded_tally, stack_tally] = tallies;
            let mut order = [
                (&raw, raw_tally),
                (&decoded, decoded_tally),
                (&stack, stack_tally),
            ];
            if round % 2 == 1 {
                order.reverse();
            }
            for (side, tally) in order {
                run_slice(
                    side,
                    *workload,
                    *concurrency,
                    settings.slice,
                    &meters,
                    tally,
                )
                .await;
            }
        }
    }

    let mut ratios_at_64 = Vec::new();
    for (workload, concurrency, tallies) in &mut cells {
        let mut summaries = Vec::new();
        for (side, tally) in [&raw, &decoded, &stack].into_iter().zip(tallies.iter_mut()) {
            let Some(summary) = tally.summary() else {
                return Err(format!(
                    "{workload} at concurrency {concurrency}, {}: no operation completed ({:?})",
                    side.name(),
                    tally.first_error
                )
                .into());
            };
            print_row(*workload, *concurrency, side.name(), &summary, tally);
            summaries.push(summary);
        }
        let (a, serde, b) = (&summaries[0], &summaries[1], &summaries[2]);
        for (name, base) in [("client/raw hyper:", a), ("client/raw+serde:", serde)] {
            let throughput = b.ops_per_second / base.ops_per_second;
            let p50 = b.p50.as_secs_f64() / base.p50.as_secs_f64();
            println!("{name:>40} throughput {throughput:.3}, p50 latency {p50:.3}x");
        }
        if *concurrency == 64 {
            ratios_at_64.push(b.ops_per_second / a.ops_per_second);
        }
    }

    #[allow(clippy::cast_precision_loss)] // two ratios
    let geometric = ratios_at_64.iter().map(|r| r.ln()).sum::<f64>() / ratios_at_64.len() as f64;
    println!(
        "throughput ratio (client/raw hyper) at concurrency 64: {:.3}",
        geometric.exp()
    );
    Ok(())
}

fn stack_side(server: &ServerThread, create: &CreateTokenRequest) -> Result<Side, Box<dyn Error>> {
    let client = |secret: &databricks_tokens::types::Secret| {
        Client::builder()
            .host(server.base_url.clone())
            .token(secret.clone())
            .rate_limit_per_second(1_000_000)
            .build()
    };
    Ok(Side::Stack {
        lister: client(&server.lister)?,
        creator: client(&server.creator)?,
        create: create.clone(),
    })
}

/// Gives the listed user `count` tokens.
async fn fill_list(stack: &Side, count: usize) -> Result<(), Box<dyn Error>> {
    let Side::Stack { lister, .. } = stack else {
        return Err("the token list is filled through the client".into());
    };
    for i in 0..count {
        let request = CreateTokenRequest::new()
            .with_comment(format!("listed token {i}"))
            .with_lifetime_seconds(86_400)
            .with_scopes(["sql"]);
        lister.create(request).await?;
    }
    Ok(())
}

fn print_header(settings: &Settings) {
    println!(
        "overhead: {} rounds of {} ms per side and cell, {} tokens listed, emulator in memory \
         on its own thread, {} µs added server latency",
        settings.rounds,
        settings.slice.as_millis(),
        settings.list_tokens,
        settings.server_latency.as_micros()
    );
    println!(
        "{:<14} {:>4} {:<10} {:>10} {:>10} {:>10} {:>14} {:>14}",
        "workload", "conc", "side", "ops/s", "p50 µs", "p99 µs", "client CPU/op", "server CPU/op"
    );
}

fn print_row(workload: Workload, concurrency: usize, side: &str, summary: &Summary, tally: &Tally) {
    let micros = |d: Duration| format!("{:.1}", d.as_secs_f64() * 1e6);
    let cpu =
        |d: Option<Duration>| d.map_or_else(|| "-".to_owned(), |d| format!("{} µs", micros(d)));
    println!(
        "{:<14} {:>4} {:<10} {:>10.0} {:>10} {:>10} {:>14} {:>14}{}",
        workload.to_string(),
        concurrency,
        side,
        summary.ops_per_second,
        micros(summary.p50),
        micros(summary.p99),
        cpu(summary.client_cpu_per_op),
        cpu(summary.server_cpu_per_op),
        if tally.errors > 0 {
            format!(
                "  ({} errors, first: {})",
                tally.errors,
                tally.first_error.as_deref().unwrap_or("?")
            )
        } else {
            String::new()
        }
    );
}
