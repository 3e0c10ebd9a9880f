//! Stores one million tokens in an in-memory emulator and reports the process's resident
//! memory before and after (Linux, from `/proc/self/status`).
//!
//! ```text
//! cargo run --release -p tokens-emulator --example memory_1m [COUNT]
//! ```

use bytes::Bytes;
use std::time::Instant;
use tokens_emulator::Emulator;

fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let count: usize = match std::env::args().nth(1) {
        Some(text) => text.parse()?,
        None => 1_000_000,
    };
    let emulator = Emulator::builder().quota_per_user(count).build()?;
    let secret = emulator
        .default_user_secret()
        .ok_or("no default user")?
        .expose_secret()
        .to_owned();
    let authorization = format!("Bearer {secret}");
    let before = rss_kib().unwrap_or(0);
    let started = Instant::now();

    for _ in 0..count {
        let request = http::Request::post("/api/2.0/token/create")
            .header("authorization", authorization.as_str())
            .body(Bytes::from_static(
                br#"{"comment":"bench","lifetime_seconds":3600}"#,
            ))?;
        let response = emulator.handle(request).await?;
        if response.status() != 200 {
            return Err(format!("create answered {}", response.status()).into());
        }
    }

    let elapsed = started.elapsed();
    let after = rss_kib().unwrap_or(0);
    println!(
        "stored {count} tokens in {:.2} s; RSS before {} MiB, after {} MiB, growth {} MiB ({} bytes per token)",
        elapsed.as_secs_f64(),
        before / 1024,
        after / 1024,
        after.saturating_sub(before) / 1024,
        after.saturating_sub(before) * 1024 / u64::try_from(count.max(1))?
    );
    Ok(())
}
