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

/// Expands to the `#[wasm_bindgen_test]` wrappers that every context runs, so each suite file
/// only picks its context and adds the scenarios that are its own.
macro_rules! shared_scenarios {
    () => {
        #[wasm_bindgen_test]
        async fn lifecycle_create_list_update_delete() {
            client::lifecycle().await;
        }

        #[wasm_bindgen_test]
        async fn a_429_is_retried_after_its_retry_after() {
            client::a_429_is_retried_after_its_retry_after().await;
        }

        #[wasm_bindgen_test]
        async fn a_slow_attempt_times_out_and_its_request_is_aborted() {
            client::a_slow_attempt_times_out_and_its_request_is_aborted().await;
        }

        #[wasm_bindgen_test]
        async fn the_rate_limiter_paces_calls() {
            client::the_rate_limiter_paces_calls().await;
        }

        #[wasm_bindgen_test]
        async fn transport_reads_status_headers_and_body() {
            transport::reads_status_headers_and_body().await;
        }

        #[wasm_bindgen_test]
        async fn transport_sends_method_headers_and_body() {
            transport::sends_method_headers_and_body().await;
        }

        #[wasm_bindgen_test]
        async fn transport_refuses_a_body_over_the_cap() {
            transport::refuses_a_body_over_the_cap().await;
        }

        #[wasm_bindgen_test]
        async fn dropping_a_pending_fetch_frees_its_connection() {
            transport::dropping_a_pending_fetch_frees_its_connection().await;
        }

        #[wasm_bindgen_test]
        async fn sleep_lasts_at_least_its_duration() {
            transport::sleep_lasts_at_least_its_duration().await;
        }

        #[wasm_bindgen_test]
        fn now_is_the_javascript_date() {
            transport::now_is_the_javascript_date();
        }

        #[wasm_bindgen_test]
        fn jitter_is_seeded_at_random() {
            transport::jitter_is_seeded_at_random();
        }
    };
}

pub(crate) use shared_scenarios;

/// Expands to the wrappers of the scenarios only a browser can run (it enforces CORS and
/// cannot tell a refused connection from a request that was sent).
#[allow(unused_macros, reason = "the Node suite has no browser-only scenarios")]
macro_rules! browser_scenarios {
    () => {
        #[wasm_bindgen_test]
        async fn a_server_without_cors_gives_a_clear_transport_error() {
            transport::a_server_without_cors_gives_a_clear_error().await;
        }

        #[wasm_bindgen_test]
        async fn a_server_without_cors_gives_a_clear_client_error() {
            client::a_server_without_cors_gives_a_clear_error().await;
        }

        #[wasm_bindgen_test]
        async fn a_create_that_meets_a_network_error_is_outcome_unknown() {
            client::a_create_that_meets_a_network_error_is_outcome_unknown().await;
        }

        #[wasm_bindgen_test]
        async fn a_refused_connection_in_a_browser_may_have_been_sent() {
            client::a_refused_connection_in_a_browser_may_have_been_sent().await;
        }
    };
}

#[allow(
    unused_imports,
    reason = "the Node suite has no browser-only scenarios"
)]
pub(crate) use browser_scenarios;
