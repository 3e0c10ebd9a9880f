//! Arbitrary requests never get a 5xx, a panic or a non-JSON body.

use bytes::Bytes;
use proptest::prelude::*;
use tokens_emulator::Emulator;
use tokens_types::Secret;

const ALICE: &str = "dapi00000000000000000000000000000a11";

fn method() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS", "HEAD",
    ])
}

fn path() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "/api/2.0/token/create",
            "/api/2.0/token/list",
            "/api/2.0/token/delete",
            "/oidc/v1/token",
            "/.well-known/databricks-config",
            "/oidc/.well-known/oauth-authorization-server",
        ])
        .prop_map(str::to_owned),
        "[a-zA-Z0-9%._~-]{0,80}".prop_map(|id| format!("/api/2.0/token/{id}")),
        "/[a-z0-9/._-]{0,40}",
    ]
}

fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..200),
        // JSON-shaped text with the endpoint's field names, so decoding gets past the syntax.
        prop::collection::vec(
            prop_oneof![
                Just("{".to_owned()),
                Just("}".to_owned()),
                Just("[".to_owned()),
                Just("]".to_owned()),
                Just(",".to_owned()),
                Just(":".to_owned()),
                Just("null".to_owned()),
                Just("\"comment\"".to_owned()),
                Just("\"lifetime_seconds\"".to_owned()),
                Just("\"token_id\"".to_owned()),
                Just("\"update_mask\"".to_owned()),
                Just("\"token\"".to_owned()),
                Just("\"scopes\"".to_owned()),
                Just("-1".to_owned()),
                Just("1e999".to_owned()),
                Just("9223372036854775807".to_owned()),
                "\"[a-z,* ]{0,10}\"",
            ],
            0..30,
        )
        .prop_map(|parts| parts.concat().into_bytes()),
    ]
}

fn authorization() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        Just(Some(format!("Bearer {ALICE}"))),
        "[ -~]{0,60}".prop_map(Some),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn every_reply_is_json_and_below_500(
        method in method(),
        path in path(),
        body in body(),
        authorization in authorization(),
    ) {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let emulator = Emulator::builder()
            .user("alice", Secret::new(ALICE))
            .service_principal("sp", Secret::new("secret"))
            .build()
            .unwrap();
        let mut request = http::Request::builder().method(method).uri(path.as_str());
        if let Some(value) = &authorization {
            request = request.header("authorization", value.as_str());
        }
        let Ok(request) = request.body(Bytes::from(body)) else {
            // Not a request http can even represent; nothing to send.
            return Ok(());
        };
        let response = runtime.block_on(emulator.handle(request)).expect("no faults configured");
        prop_assert!(response.status().as_u16() < 500, "status {}", response.status());
        if method != "HEAD" && response.status() != 204 {
            let parsed: Result<serde_json::Value, _> = serde_json::from_slice(response.body());
            prop_assert!(parsed.is_ok(), "not JSON: {:?}", String::from_utf8_lossy(response.body()));
        }
    }
}
