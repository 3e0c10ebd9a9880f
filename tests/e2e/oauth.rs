//! OAuth M2M end to end: a service principal's tokens expire during the run and the client
//! fetches new ones ahead of expiry, with no failed call.
//!
//! Both sides run on manual clocks moved together, so two hours pass in no time; nothing
//! in the client waits on its clock here (no faults, a rate limit that never waits).

use crate::support::fast;
use databricks_tokens::emulator::{Emulator, ManualClock as ServerClock, Principal, Route};
use databricks_tokens::types::{CreateTokenRequest, Secret, Timestamp};
use databricks_tokens::{Client, ManualClock};
use std::sync::Arc;
use std::time::Duration;

const CLIENT_ID: &str = "sp-e2e";
const CLIENT_SECRET: &str = "sp-e2e-secret-0123456789";

#[tokio::test]
async fn oauth_m2m_token_is_refreshed_ahead_of_expiry_mid_run() {
    let start = Timestamp::from_millis(1_800_000_000_000);
    let server_clock = ServerClock::new(start);
    let client_clock = ManualClock::new(start);
    let emulator = Emulator::builder()
        .service_principal(CLIENT_ID, Secret::new(CLIENT_SECRET))
        .oauth_token_lifetime(Duration::from_secs(120))
        .clock(Arc::new(server_clock.clone()))
        .start("127.0.0.1:0")
        .await
        .expect("the emulator starts");
    let client = fast(
        Client::builder()
            .host(emulator.base_url())
            .oauth_client(CLIENT_ID, CLIENT_SECRET),
    )
    .clock(Arc::new(client_clock.clone()))
    .build()
    .expect("the client builds");

    client
        .create(
            CreateTokenRequest::new()
                .with_comment("m2m")
                .with_lifetime_seconds(7200),
        )
        .await
        .expect("the service principal creates a token");
    assert_eq!(emulator.stats().requests(Route::OAuthToken), 1);

    // Ten minutes in 50-second steps: every access token (120 s) expires during the run.
    for step in 1..=12 {
        server_clock.advance(Duration::from_secs(50));
        client_clock.advance(Duration::from_secs(50));
        let listed = client
            .list()
            .await
            .unwrap_or_else(|err| panic!("list at step {step}: {err}"));
        assert_eq!(listed.len(), 1, "step {step}");
    }

    let fetched = emulator.stats().requests(Route::OAuthToken);
    // 600 s of 120 s tokens, each replaced once it is past half its life: about 6 fetches.
    assert!((5..=8).contains(&fetched), "{fetched} token fetches");
    assert_eq!(
        emulator.stats().requests(Route::List),
        12,
        "no call was repeated after a 401"
    );
    assert_eq!(
        emulator.token_count(&Principal::service_principal(CLIENT_ID)),
        1
    );
}
