//! The token lifecycle: create a token, list tokens, change its comment, delete it.
//!
//! ```sh
//! cargo run --example quickstart
//! ```
//!
//! With `DATABRICKS_HOST` and a credential set (or a `~/.databrickscfg` profile), it runs
//! against that workspace and creates one real token for five minutes, deleting it at the
//! end. Without one, it starts the Token API emulator inside this process and says so.
//! A failure prints the error's kind, code and message and exits with status 1.

use databricks_tokens::emulator::{Emulator, RunningEmulator};
use databricks_tokens::types::{CreateTokenRequest, Expiry, Timestamp, TokenId, TokenInfo};
use databricks_tokens::{Client, ClientBuilder, Config, Error, TokenUpdate};
use std::process::ExitCode;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Prints a line on stdout (or, with `to stderr;`, on stderr) like `println!`, but never
/// panics: when the stream is closed (`cargo run --example quickstart | head -3`) the line is
/// dropped and the lifecycle goes on, so the token it created is still deleted.
macro_rules! say {
    (to $stream:ident; $($line:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::$stream(), $($line)*);
    }};
    ($($line:tt)*) => {
        say!(to stdout; $($line)*)
    };
}

/// The lifetime of the token the quickstart creates.
const LIFETIME_SECONDS: i64 = 300;
/// How long one call may take, retries included: a demo should fail fast on a wrong host.
const CALL_TIMEOUT: Duration = Duration::from_secs(30);
/// The most tokens printed by the list step (a real workspace may hold hundreds).
const LIST_LIMIT: usize = 10;

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            report(&failure);
            ExitCode::FAILURE
        }
    }
}

/// An error, and the step it happened in.
struct Failure {
    step: &'static str,
    error: Error,
}

/// Tags an error with the step it happened in.
fn at(step: &'static str) -> impl FnOnce(Error) -> Failure {
    move |error| Failure { step, error }
}

async fn run() -> Result<(), Failure> {
    let (client, emulator) = connect().await?;

    let id = create(&client).await?;
    let outcome = lifecycle(&client, &id).await;
    if outcome.is_err() {
        // Leave no token behind in a real workspace when a later step failed.
        let _ = client.delete(&id).await;
    }

    if let Some(emulator) = emulator {
        emulator.shutdown().await;
    }
    outcome
}

/// The client for the configured workspace, or for an emulator started here.
async fn connect() -> Result<(Client, Option<RunningEmulator>), Failure> {
    let config = Config::builder()
        .load()
        .map_err(at("read the configuration"))?;
    if let Some(host) = config.host() {
        let auth = config
            .auth_type()
            .map_or_else(|| "no credential".to_owned(), |auth| auth.to_string());
        say!("Using the workspace at {host} (auth: {auth}).");
        let client = ClientBuilder::from_env()
            .call_timeout(CALL_TIMEOUT)
            .build()
            .map_err(at("configure the client"))?;
        return Ok((client, None));
    }

    let emulator = Emulator::builder()
        .start("127.0.0.1:0")
        .await
        .map_err(|e| Error::other(format!("the emulator could not start: {e}")))
        .map_err(at("start the emulator"))?;
    say!("No workspace is configured (set DATABRICKS_HOST and DATABRICKS_TOKEN, or a");
    say!("~/.databrickscfg profile), so this run uses the Token API emulator, started");
    say!("inside this process at {}.", emulator.base_url());

    let login = emulator
        .default_user_secret()
        .cloned()
        .ok_or_else(|| Error::other("the emulator has no default user"))
        .map_err(at("start the emulator"))?;
    let client = Client::builder()
        .host(emulator.base_url())
        .token(login)
        .build()
        .map_err(at("configure the client"))?;
    Ok((client, Some(emulator)))
}

/// Step 1: creates the token and prints it.
async fn create(client: &Client) -> Result<TokenId, Failure> {
    let comment = format!("sdk-{}", unix_seconds());
    let request = CreateTokenRequest::new()
        .with_comment(&comment)
        .with_lifetime_seconds(LIFETIME_SECONDS);
    let created = client.create(request).await.map_err(at("create a token"))?;

    let info = created.token_info.unwrap_or_default();
    let id = info
        .token_id
        .clone()
        .ok_or_else(|| Error::decode("the create reply has no token id"))
        .map_err(at("create a token"))?;
    say!();
    say!("1. Created a token");
    print_token(&info);
    if let Some(secret) = &created.token_value {
        // `Secret` prints redacted; the full value would be `secret.expose_secret()`.
        say!("   secret:  {secret} (redacted; the full value is shown only in this reply)");
    }
    Ok(id)
}

/// Steps 2 to 4: list, update the comment, delete.
async fn lifecycle(client: &Client, id: &TokenId) -> Result<(), Failure> {
    let tokens = client.list().await.map_err(at("list tokens"))?;
    say!();
    let noun = if tokens.len() == 1 { "token" } else { "tokens" };
    say!("2. Listed {} {noun}", tokens.len());
    for info in tokens.iter().take(LIST_LIMIT) {
        let mine = info.token_id.as_ref() == Some(id);
        say!(
            "   {}  {:<24}  expires {}{}",
            short_id(info.token_id.as_ref()),
            info.comment.as_deref().unwrap_or("(no comment)"),
            expiry_in_words(info.expiry_time),
            if mine {
                "   <- the token created above"
            } else {
                ""
            }
        );
    }
    if tokens.len() > LIST_LIMIT {
        say!("   ... and {} more", tokens.len() - LIST_LIMIT);
    }

    let comment = format!("sdk-{}-updated", unix_seconds());
    client
        .update(id, TokenUpdate::new().with_comment(&comment))
        .await
        .map_err(at("update the comment"))?;
    let updated = find(client, id).await.map_err(at("update the comment"))?;
    say!();
    say!("3. Updated the comment");
    if let Some(info) = &updated {
        print_token(info);
    } else {
        say!("   (the token is no longer listed)");
    }

    client.delete(id).await.map_err(at("delete the token"))?;
    let gone = find(client, id)
        .await
        .map_err(at("delete the token"))?
        .is_none();
    say!();
    say!("4. Deleted the token {id}");
    say!(
        "   listed afterwards: {}",
        if gone {
            "no (it is gone)"
        } else {
            "yes (still there?)"
        }
    );
    Ok(())
}

/// The token `id` as the list shows it, if listed.
async fn find(client: &Client, id: &TokenId) -> Result<Option<TokenInfo>, Error> {
    let tokens = client.list().await?;
    Ok(tokens
        .into_iter()
        .find(|info| info.token_id.as_ref() == Some(id)))
}

fn print_token(info: &TokenInfo) {
    let id = info.token_id.as_ref().map_or("(none)", TokenId::as_str);
    say!("   id:      {id}");
    say!(
        "   comment: {}",
        info.comment.as_deref().unwrap_or("(no comment)")
    );
    say!("   expires: {}", expiry_in_words(info.expiry_time));
}

/// The first 12 characters of an id, enough to tell tokens apart in a list.
fn short_id(id: Option<&TokenId>) -> String {
    let id = id.map_or("(none)", TokenId::as_str);
    let short: String = id.chars().take(12).collect();
    if short.len() < id.len() {
        format!("{short}…")
    } else {
        format!("{short:<13}")
    }
}

/// "in 5 minutes (at 19:05:00 UTC)", "never", or "already (expired)".
fn expiry_in_words(expiry: Option<Expiry>) -> String {
    let Some(expiry) = expiry else {
        return "unknown".to_owned();
    };
    let Some(at) = expiry.at() else {
        return "never".to_owned();
    };
    let now = Timestamp::from_system_time(SystemTime::now()).unwrap_or(Timestamp::UNIX_EPOCH);
    match expiry.remaining(now) {
        Some(left) if !left.is_zero() => {
            format!(
                "in {} (at {} UTC)",
                duration_in_words(left),
                time_of_day(at)
            )
        }
        _ => "already (expired)".to_owned(),
    }
}

/// A duration rounded to the unit a person would use.
fn duration_in_words(duration: Duration) -> String {
    let seconds = duration.as_secs_f64();
    let (amount, unit) = if seconds < 90.0 {
        (seconds, "second")
    } else if seconds < 90.0 * 60.0 {
        (seconds / 60.0, "minute")
    } else if seconds < 48.0 * 3600.0 {
        (seconds / 3600.0, "hour")
    } else {
        (seconds / 86_400.0, "day")
    };
    let rounded = amount.round();
    if (rounded - 1.0).abs() < f64::EPSILON {
        format!("1 {unit}")
    } else {
        format!("{rounded} {unit}s")
    }
}

/// `HH:MM:SS` of a timestamp, in UTC.
fn time_of_day(at: Timestamp) -> String {
    let seconds = at.as_millis().div_euclid(1000).rem_euclid(86_400);
    format!(
        "{:02}:{:02}:{:02}",
        seconds / 3600,
        seconds % 3600 / 60,
        seconds % 60
    )
}

fn unix_seconds() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs())
}

/// Prints a failure with the error's kind, code and message.
fn report(failure: &Failure) {
    let error = &failure.error;
    say!(to stderr;);
    say!(to stderr; "error: could not {}", failure.step);
    say!(to stderr; "  kind:    {}", error.kind());
    match (error.error_code(), error.status()) {
        (Some(code), Some(status)) => {
            say!(to stderr; "  code:    {code} (HTTP {})", status.as_u16());
        }
        (Some(code), None) => say!(to stderr; "  code:    {code}"),
        (None, Some(status)) => say!(to stderr; "  code:    none (HTTP {})", status.as_u16()),
        (None, None) => say!(to stderr; "  code:    none (no reply from the server)"),
    }
    say!(to stderr; "  message: {}", error.message());
    if let Some(request_id) = error.request_id() {
        say!(to stderr; "  request: {request_id}");
    }
    if error.is_outcome_unknown() {
        say!(to stderr; "  note:    the token may have been created; list your tokens to check");
    }
}
