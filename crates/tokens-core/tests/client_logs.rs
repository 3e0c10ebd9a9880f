//! The call span and its fields, captured at TRACE through the whole default stack: the
//! OpenTelemetry names are there, and no secret is.

mod client_support;
mod log_capture;

use log_capture::Captured;

use client_support::{START, Script};
use std::sync::Arc;
use tokens_core::types::{CreateTokenRequest, TokenId};
use tokens_core::{ClientBuilder, Config, ManualClock};

const TOKEN: &str = "dapi0123456789abcdef0123456789abcdef";
const MINTED: &str = "dapifedcba9876543210fedcba9876543210";

#[test]
fn trace_output_names_the_call_and_holds_no_secret() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .with_writer(move || writer.clone())
        .finish();

    let script = Script::new();
    script
        .reply(
            200,
            &format!(r#"{{"token_info": {{"token_id": "ab"}}, "token_value": "{MINTED}"}}"#),
        )
        .reply_with(503, &[("retry-after", "1")], "")
        .reply(
            404,
            r#"{"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "gone"}"#,
        );
    let config = Config::builder()
        .host("example.cloud.databricks.com")
        .token(TOKEN)
        .build()
        .unwrap();
    let clock = Arc::new(ManualClock::auto_advancing(START));
    let client = ClientBuilder::from_config(&config, clock)
        .unwrap()
        .with_retry_seed(3)
        .build(script.transport())
        .unwrap();

    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    tracing::subscriber::with_default(subscriber, || {
        runtime.block_on(async {
            let created = client
                .create(CreateTokenRequest::new().with_comment("c"))
                .await
                .unwrap();
            assert_eq!(created.token_value.unwrap().expose_secret(), MINTED);
            let err = client.delete(&TokenId::new("ab")).await.unwrap_err();
            assert!(err.is_not_found());
        });
    });

    let text = captured.text();
    assert!(text.contains("tokens.call"), "{text}");
    assert!(text.contains("http.request.method=POST"), "{text}");
    assert!(
        text.contains("url.full=https://example.cloud.databricks.com/api/2.0/token/create"),
        "{text}"
    );
    assert!(text.contains("http.response.status_code=200"), "{text}");
    assert!(
        text.contains("error.type=\"not_found\"") || text.contains("error.type=not_found"),
        "{text}"
    );
    for secret in [
        TOKEN,
        MINTED,
        "0123456789abcdef0123",
        "fedcba9876543210fedc",
    ] {
        assert!(!text.contains(secret), "secret {secret} in {text}");
    }
}
