//! The Rust side of `scripts/bench-python-sdk`: the same sequence the Python script times,
//! through the default [`Client`], against an emulator the script started.
//!
//! Reads `TOKENS_BENCH_HOST`, `TOKENS_BENCH_CREATOR`, `TOKENS_BENCH_LISTER` (secrets) and
//! `TOKENS_BENCH_COUNT`; runs one untimed warm-up of each call, then COUNT sequential
//! create+delete pairs and COUNT list calls, and prints `pairs_seconds S` and
//! `lists_seconds S`. Run it through the script rather than by hand:
//!
//! ```text
//! scripts/bench-python-sdk
//! ```

use databricks_tokens::Client;
use databricks_tokens::types::CreateTokenRequest;
use std::error::Error;
use std::time::Instant;

fn env(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|_| format!("{name} is not set; run scripts/bench-python-sdk"))
}

fn client(host: &str, secret: String) -> Result<Client, databricks_tokens::Error> {
    Client::builder()
        .host(host)
        .token(secret)
        .rate_limit_per_second(1_000_000)
        .build()
}

async fn pair(creator: &Client) -> Result<(), Box<dyn Error>> {
    let created = creator
        .create(
            CreateTokenRequest::new()
                .with_comment("rust sdk benchmark")
                .with_lifetime_seconds(3600),
        )
        .await?;
    let id = created
        .token_info
        .and_then(|info| info.token_id)
        .ok_or("the create reply has no token id")?;
    creator.delete(&id).await?;
    Ok(())
}

async fn run(count: u32) -> Result<(), Box<dyn Error>> {
    let host = env("TOKENS_BENCH_HOST")?;
    let creator = client(&host, env("TOKENS_BENCH_CREATOR")?)?;
    let lister = client(&host, env("TOKENS_BENCH_LISTER")?)?;

    pair(&creator).await?;
    let listed = lister.list().await?.len();

    let start = Instant::now();
    for _ in 0..count {
        pair(&creator).await?;
    }
    let pairs = start.elapsed();

    let start = Instant::now();
    for _ in 0..count {
        if lister.list().await?.len() != listed {
            return Err("the list changed during the benchmark".into());
        }
    }
    let lists = start.elapsed();

    println!("pairs_seconds {:.6}", pairs.as_secs_f64());
    println!("lists_seconds {:.6}", lists.as_secs_f64());
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    if std::env::var_os("TOKENS_BENCH_HOST").is_none() {
        // `cargo bench` runs every bench binary; this one needs the script's emulator.
        println!("sequential: skipped; scripts/bench-python-sdk runs it against its emulator");
        return Ok(());
    }
    let count: u32 = env("TOKENS_BENCH_COUNT")?
        .trim()
        .parse()
        .map_err(|_| "TOKENS_BENCH_COUNT must be a whole number")?;
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?
        .block_on(run(count))
}
