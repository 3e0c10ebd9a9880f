//! The `tokens-emulator` binary: a local Databricks Token API server. See `--help`.

use clap::Parser;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;
use tokens_emulator::{DEFAULT_USER, Emulator, FaultPlan, FaultRule, StartError};
use tokens_types::Secret;

const AFTER_HELP: &str = "\
OUTPUT
  The first line on stdout is exactly `listening on http://HOST:PORT`, printed once the socket
  accepts connections. Without --user, a second line `user emulator-user secret dapi…` gives
  the generated user's secret (printed only there, once). Logs go to stderr (RUST_LOG).

FAULTS (--fault, repeatable; also JSON when the value starts with `{`)
  Comma-separated key=value pairs with exactly one action: status=N, latency=DURATION or
  close=before|after. Options: route=create|list|update|delete|oauth|discovery|any (default
  any), retry-after=SECONDS|date+SECONDS|HTTP-DATE, code=CODE, message=TEXT, times=N,
  p=PROBABILITY. Examples:
    --fault route=create,status=503,retry-after=2,times=1
    --fault route=list,latency=250ms,p=0.5
    --fault route=create,close=after,times=1       (acts, then drops the reply)
    --fault '{\"route\":\"delete\",\"close\":\"before\"}'

CONTROL ENDPOINT (only with --control-secret; send `Authorization: Bearer SECRET`)
  GET/POST/DELETE /__emulator/faults, GET /__emulator/stats.

DURATIONS
  A number with a unit: 90s, 15m, 1h, 730d (a bare number is seconds).";

/// A local Databricks workspace Token API server for development, tests and demos.
#[derive(Parser)]
#[command(name = "tokens-emulator", version, after_help = AFTER_HELP)]
struct Args {
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:0")]
    listen: String,

    /// A user and the secret they authenticate with (`dapi` + 32 lowercase hex). Repeatable.
    #[arg(long = "user", value_name = "NAME=SECRET")]
    users: Vec<String>,

    /// An OAuth service principal (client credentials). Repeatable.
    #[arg(long = "service-principal", value_name = "CLIENT_ID=CLIENT_SECRET")]
    service_principals: Vec<String>,

    /// An origin allowed to call from a browser (`*` for any). Repeatable. CORS is off
    /// without it.
    #[arg(long = "cors-origin", value_name = "ORIGIN")]
    cors_origins: Vec<String>,

    /// A fault rule (see FAULTS below). Repeatable; tried in order.
    #[arg(long = "fault", value_name = "RULE")]
    faults: Vec<String>,

    /// Seed of the fault rules' random draws.
    #[arg(long, value_name = "N", default_value_t = 0)]
    fault_seed: u64,

    /// Enables the control endpoint, guarded by this secret.
    #[arg(
        long,
        value_name = "SECRET",
        env = "TOKENS_EMULATOR_CONTROL_SECRET",
        hide_env_values = true
    )]
    control_secret: Option<String>,

    /// Keep tokens in this SQLite file (created if missing) instead of only in memory.
    #[arg(long, value_name = "PATH")]
    data: Option<PathBuf>,

    /// Lifetime of OAuth access tokens.
    #[arg(long, value_name = "DURATION", default_value = "1h", value_parser = parse_duration)]
    oauth_token_lifetime: Duration,

    /// Longest token lifetime, also the lifetime when a create asks for none.
    #[arg(long, value_name = "DURATION", default_value = "730d", value_parser = parse_duration)]
    max_lifetime: Duration,

    /// A create without lifetime_seconds makes a token that never expires.
    #[arg(long)]
    legacy_never_expire: bool,

    /// Live tokens allowed per user.
    #[arg(long, value_name = "N", default_value_t = 600)]
    quota: usize,
}

fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let (digits, unit) = match text.find(|c: char| !c.is_ascii_digit()) {
        Some(split) => text.split_at(split),
        None => (text, "s"),
    };
    let scale = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return Err(format!("unknown unit `{unit}`; use s, m, h or d")),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(scale))
        .map(Duration::from_secs)
        .ok_or_else(|| format!("`{text}` is not a duration such as 90s, 15m, 1h or 730d"))
}

/// Splits `NAME=SECRET`; the error never includes the value, which holds a secret.
fn split_credential(flag: &str, value: &str) -> Result<(String, Secret), String> {
    match value.split_once('=') {
        Some((name, secret)) if !name.is_empty() => Ok((name.to_owned(), Secret::new(secret))),
        _ => Err(format!(
            "{flag} expects NAME=SECRET (value not shown, it may hold a secret)"
        )),
    }
}

/// Shows the settings without the secrets that `--user`, `--service-principal` and
/// `--control-secret` carry: only the names before `=`, and whether a control secret is set.
impl std::fmt::Debug for Args {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names = |values: &[String]| -> Vec<String> {
            values
                .iter()
                .map(|value| match value.split_once('=') {
                    Some((name, _)) => format!("{name}=[redacted]"),
                    None => "[redacted]".to_owned(),
                })
                .collect()
        };
        f.debug_struct("Args")
            .field("listen", &self.listen)
            .field("users", &names(&self.users))
            .field("service_principals", &names(&self.service_principals))
            .field("cors_origins", &self.cors_origins)
            .field("faults", &self.faults)
            .field("fault_seed", &self.fault_seed)
            .field(
                "control_secret",
                &self.control_secret.as_ref().map(|_| "[redacted]"),
            )
            .field("data", &self.data)
            .field("oauth_token_lifetime", &self.oauth_token_lifetime)
            .field("max_lifetime", &self.max_lifetime)
            .field("legacy_never_expire", &self.legacy_never_expire)
            .field("quota", &self.quota)
            .finish()
    }
}

fn configure(args: &Args) -> Result<tokens_emulator::EmulatorBuilder, String> {
    let mut builder = Emulator::builder()
        .max_lifetime(args.max_lifetime)
        .legacy_never_expire(args.legacy_never_expire)
        .quota_per_user(args.quota)
        .oauth_token_lifetime(args.oauth_token_lifetime)
        .cors_allowed_origins(args.cors_origins.iter().cloned());
    for value in &args.users {
        let (name, secret) = split_credential("--user", value)?;
        if !secret.is_pat_shaped() {
            return Err(format!(
                "--user {name}=…: the secret must be `dapi` followed by 32 lowercase hex characters"
            ));
        }
        builder = builder.user(name, secret);
    }
    for value in &args.service_principals {
        let (id, secret) = split_credential("--service-principal", value)?;
        builder = builder.service_principal(id, secret);
    }
    let mut plan = FaultPlan::new().seed(args.fault_seed);
    for text in &args.faults {
        let rule: FaultRule = text.parse().map_err(|e| format!("--fault {text}: {e}"))?;
        plan = plan.rule(rule);
    }
    builder = builder.faults(plan);
    if let Some(secret) = &args.control_secret {
        builder = builder.control_secret(Secret::new(secret.as_str()));
    }
    if let Some(path) = &args.data {
        builder = builder.data_path(path);
    }
    Ok(builder)
}

async fn run(args: Args) -> Result<(), String> {
    let builder = configure(&args)?;
    let running = builder
        .start(args.listen.as_str())
        .await
        .map_err(|e| match e {
            StartError::Bind(error) => format!("cannot listen on {}: {error}", args.listen),
            other => other.to_string(),
        })?;
    let mut stdout = std::io::stdout().lock();
    let announce = writeln!(stdout, "listening on {}", running.base_url()).and_then(|()| {
        if let Some(secret) = running.default_user_secret() {
            writeln!(
                stdout,
                "user {DEFAULT_USER} secret {}",
                secret.expose_secret()
            )?;
        }
        stdout.flush()
    });
    drop(stdout);
    announce.map_err(|e| format!("cannot write to stdout: {e}"))?;
    tracing::info!(url = %running.base_url(), persistent = args.data.is_some(), "serving");

    wait_for_signal().await;
    tracing::info!("stopping");
    running.shutdown().await;
    Ok(())
}

#[cfg(unix)]
async fn wait_for_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    match signal(SignalKind::terminate()) {
        Ok(mut terminate) => {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = terminate.recv() => {}
            }
        }
        Err(_) => {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

#[cfg(not(unix))]
async fn wait_for_signal() {
    let _ = tokio::signal::ctrl_c().await;
}

fn main() -> ExitCode {
    let args = Args::parse();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("tokens_emulator=info")),
        )
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("tokens-emulator: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("tokens-emulator: {message}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Args;
    use clap::Parser as _;

    #[test]
    fn debug_of_the_arguments_shows_no_secret() {
        let args = Args::try_parse_from([
            "tokens-emulator",
            "--user",
            "alice=dapi0123456789abcdef0123456789abcdef",
            "--service-principal",
            "sp=client-secret-value",
            "--control-secret",
            "control-secret-value",
        ])
        .unwrap_or_else(|err| panic!("valid arguments: {err}"));

        let shown = format!("{args:?}");

        assert!(shown.contains("alice="), "{shown}");
        assert!(!shown.contains("0123456789abcdef"), "{shown}");
        assert!(!shown.contains("client-secret-value"), "{shown}");
        assert!(!shown.contains("control-secret-value"), "{shown}");
    }
}
