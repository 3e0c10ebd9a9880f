//! The scenarios every context runs (browser page, dedicated worker, Node). Each suite file
//! chooses its context and wraps these in `#[wasm_bindgen_test]` functions.
#![allow(
    dead_code,
    reason = "each suite runs the scenarios its context supports"
)]

pub(crate) mod client;
pub(crate) mod race;
pub(crate) mod servers;
pub(crate) mod transport;
