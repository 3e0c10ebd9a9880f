//! The scenarios in Node 20, which has a global `fetch` but does not enforce CORS.
//! Run by `scripts/test-wasm`, which starts the emulators they call.
#![cfg(target_arch = "wasm32")]

mod scenarios;

use scenarios::{client, transport};
use wasm_bindgen_test::wasm_bindgen_test;

scenarios::shared_scenarios!();

#[wasm_bindgen_test]
async fn a_refused_connection_in_node_was_not_sent() {
    client::a_refused_connection_in_node_was_not_sent().await;
}
