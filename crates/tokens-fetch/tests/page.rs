//! The scenarios in a browser page (headless Chromium).
//! Run by `scripts/test-wasm`, which starts the emulators they call.
#![cfg(target_arch = "wasm32")]

mod scenarios;

use scenarios::{client, transport};
use wasm_bindgen_test::wasm_bindgen_test;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

scenarios::shared_scenarios!();
scenarios::browser_scenarios!();
