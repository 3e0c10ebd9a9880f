//! Where the emulators of this run listen, fixed at compile time by `scripts/test-wasm`
//! (a browser has no process environment to read at run time).

/// The emulator that allows the test origin and has no faults.
pub(crate) fn main_url() -> &'static str {
    required(option_env!("TOKENS_FETCH_TEST_URL"))
}

/// An emulator whose first list answers 429 with `Retry-After: 1`.
pub(crate) fn throttled_url() -> &'static str {
    required(option_env!("TOKENS_FETCH_TEST_THROTTLED_URL"))
}

/// An emulator whose deletes answer only after 20 s.
pub(crate) fn slow_url() -> &'static str {
    required(option_env!("TOKENS_FETCH_TEST_SLOW_URL"))
}

/// An emulator with CORS off: it sends no `Access-Control-Allow-Origin`.
pub(crate) fn no_cors_url() -> &'static str {
    required(option_env!("TOKENS_FETCH_TEST_NO_CORS_URL"))
}

/// A loopback address nothing listens on: connections are refused.
pub(crate) fn closed_url() -> &'static str {
    required(option_env!("TOKENS_FETCH_TEST_CLOSED_URL"))
}

/// The secret of the user every emulator knows (a loopback-only test credential).
pub(crate) fn user_secret() -> &'static str {
    required(option_env!("TOKENS_FETCH_TEST_SECRET"))
}

fn required(value: Option<&'static str>) -> &'static str {
    match value {
        Some(value) => value,
        None => panic!("these tests need the emulators that scripts/test-wasm starts; run it"),
    }
}
