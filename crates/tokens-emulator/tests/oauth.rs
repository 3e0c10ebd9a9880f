//! Discovery documents and the OAuth client-credentials token endpoint.

mod support;

use std::fmt::Write as _;
use std::sync::Arc;
use std::time::Duration;
use support::{ALICE, Reply, builder, call, create, list_ids, request_with, start};
use tokens_emulator::{ManualClock, Principal};
use tokens_types::{Secret, Timestamp};

const FORM: &str = "Content-Type: application/x-www-form-urlencoded";

fn with_sp() -> tokens_emulator::EmulatorBuilder {
    builder().service_principal("sp-1", Secret::new("sp secret"))
}

async fn token_call(addr: std::net::SocketAddr, headers: &[&str], body: &str) -> Reply {
    let mut raw =
        format!("POST /oidc/v1/token HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n{FORM}\r\n");
    for header in headers {
        raw.push_str(header);
        raw.push_str("\r\n");
    }
    let _ = write!(raw, "Content-Length: {}\r\n\r\n{body}", body.len());
    support::send_raw(addr, raw.as_bytes())
        .await
        .expect("answered")
}

// "sp-1:sp secret" in base64.
const BASIC: &str = "Authorization: Basic c3AtMTpzcCBzZWNyZXQ=";

#[tokio::test]
async fn databricks_config_points_at_this_emulators_oidc() {
    let emulator = start(builder()).await;
    let reply = call(
        emulator.local_addr(),
        "GET",
        "/.well-known/databricks-config",
        None,
        None,
    )
    .await;
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.json()["oidc_endpoint"],
        format!("{}/oidc", emulator.base_url())
    );
}

#[tokio::test]
async fn authorization_server_metadata_names_the_token_endpoint() {
    let emulator = start(builder()).await;
    let reply = call(
        emulator.local_addr(),
        "GET",
        "/oidc/.well-known/oauth-authorization-server",
        None,
        None,
    )
    .await;
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.json()["token_endpoint"],
        format!("{}/oidc/v1/token", emulator.base_url())
    );
}

#[tokio::test]
async fn client_credentials_with_basic_auth_get_a_bearer_that_authenticates() {
    let emulator = start(with_sp()).await;
    let addr = emulator.local_addr();
    let reply = token_call(
        addr,
        &[BASIC],
        "grant_type=client_credentials&scope=all-apis",
    )
    .await;
    assert_eq!(reply.status, 200);
    let json = reply.json();
    assert_eq!(json["token_type"], "Bearer");
    assert_eq!(json["expires_in"], 3600);
    assert_eq!(json["scope"], "all-apis");
    let access = json["access_token"].as_str().unwrap().to_owned();

    let (id, _) = create(addr, &access, "{}").await;
    assert_eq!(list_ids(addr, &access).await, vec![id]);
    assert!(
        list_ids(addr, ALICE).await.is_empty(),
        "the service principal is its own principal"
    );
    assert_eq!(
        emulator.token_count(&Principal::service_principal("sp-1")),
        1
    );
}

#[tokio::test]
async fn client_credentials_in_the_form_body_are_accepted() {
    let emulator = start(with_sp()).await;
    let reply = token_call(
        emulator.local_addr(),
        &[],
        "grant_type=client_credentials&client_id=sp-1&client_secret=sp+secret",
    )
    .await;
    assert_eq!(reply.status, 200);
}

#[tokio::test]
async fn a_wrong_secret_or_unknown_client_is_invalid_client() {
    let emulator = start(with_sp()).await;
    let addr = emulator.local_addr();
    // "sp-1:wrong" and "nobody:sp secret".
    for header in [
        "Authorization: Basic c3AtMTp3cm9uZw==",
        "Authorization: Basic bm9ib2R5OnNwIHNlY3JldA==",
    ] {
        let reply = token_call(addr, &[header], "grant_type=client_credentials").await;
        assert_eq!(reply.status, 401, "{header}");
        assert_eq!(reply.json()["error"], "invalid_client");
    }
    let reply = token_call(addr, &[], "grant_type=client_credentials").await;
    assert_eq!(
        (reply.status, reply.json()["error"].clone()),
        (401, "invalid_client".into())
    );
    let reply = token_call(
        addr,
        &["Authorization: Basic !!!"],
        "grant_type=client_credentials",
    )
    .await;
    assert_eq!(reply.status, 401);
}

#[tokio::test]
async fn other_grant_types_are_refused() {
    let emulator = start(with_sp()).await;
    let addr = emulator.local_addr();
    let reply = token_call(addr, &[BASIC], "grant_type=password").await;
    assert_eq!(
        (reply.status, reply.json()["error"].clone()),
        (400, "unsupported_grant_type".into())
    );
    let reply = token_call(addr, &[BASIC], "scope=all-apis").await;
    assert_eq!(
        (reply.status, reply.json()["error"].clone()),
        (400, "invalid_request".into())
    );
}

#[tokio::test]
async fn access_tokens_expire_after_the_configured_lifetime() {
    let clock = ManualClock::new(Timestamp::from_millis(1_700_000_000_000));
    let emulator = start(
        with_sp()
            .clock(Arc::new(clock.clone()))
            .oauth_token_lifetime(Duration::from_secs(120)),
    )
    .await;
    let addr = emulator.local_addr();
    let reply = token_call(addr, &[BASIC], "grant_type=client_credentials").await;
    assert_eq!(reply.json()["expires_in"], 120);
    let access = reply.json()["access_token"].as_str().unwrap().to_owned();
    clock.advance(Duration::from_secs(119));
    assert_eq!(
        call(addr, "GET", "/api/2.0/token/list", Some(&access), None)
            .await
            .status,
        200
    );
    clock.advance(Duration::from_secs(1));
    assert_eq!(
        call(addr, "GET", "/api/2.0/token/list", Some(&access), None)
            .await
            .status,
        403
    );
}

#[tokio::test]
async fn a_token_minted_by_a_service_principal_authenticates_as_it() {
    let emulator = start(with_sp()).await;
    let addr = emulator.local_addr();
    let reply = token_call(addr, &[BASIC], "grant_type=client_credentials").await;
    let access = reply.json()["access_token"].as_str().unwrap().to_owned();
    let (_, pat) = create(addr, &access, "{}").await;
    let headers = [format!("Authorization: Bearer {pat}")];
    let reply = request_with(addr, "GET", "/api/2.0/token/list", &headers, None)
        .await
        .expect("answered");
    assert_eq!(
        reply.json()["token_infos"].as_array().map(Vec::len),
        Some(1)
    );
}
