//! Parsing error replies: one benchmark per body shape that [`ErrorBody::parse`] reads.
//!
//! `cargo bench -p tokens-types --bench error_body`

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tokens_types::ErrorBody;

/// `(name, status, body)` for each shape, as the service or a proxy in front of it sends it.
const SHAPES: &[(&str, u16, &str)] = &[
    (
        "json_string_code",
        404,
        r#"{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"Token 5684c955 does not exist."}"#,
    ),
    (
        "json_with_details",
        429,
        r#"{"error_code":"REQUEST_LIMIT_EXCEEDED","message":"Too many requests.","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retry_delay":"2s"},{"@type":"type.googleapis.com/google.rpc.RequestInfo","request_id":"0f2b6f1e-3c1d-4b1a-9d7e-5a4c3b2a1f00","serving_data":""},{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMITED","domain":"databricks.com","metadata":{"limit":"15"}}]}"#,
    ),
    (
        "json_integer_code",
        403,
        r#"{"error_code":403,"message":"Invalid access token."}"#,
    ),
    ("json_error_field", 401, r#"{"error":"Unauthorized"}"#),
    (
        "json_oauth",
        400,
        r#"{"error":"invalid_client","error_description":"Client authentication failed"}"#,
    ),
    (
        "json_scim",
        409,
        r#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"User already exists","status":"409","scimType":"uniqueness"}"#,
    ),
    (
        "text_code_message",
        400,
        "INVALID_PARAMETER_VALUE: lifetime_seconds must be positive",
    ),
    (
        "html_page",
        502,
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
    ),
    (
        "plain_text",
        503,
        "upstream connect error or disconnect/reset before headers",
    ),
    ("empty", 503, ""),
];

fn parse_shapes(c: &mut Criterion) {
    let mut group = c.benchmark_group("error_body/parse");
    for &(name, status, body) in SHAPES {
        group.bench_with_input(BenchmarkId::from_parameter(name), body, |b, body| {
            b.iter(|| {
                black_box(ErrorBody::parse(
                    black_box(status),
                    black_box(body.as_bytes()),
                ))
            });
        });
    }
    group.finish();
}

criterion_group!(benches, parse_shapes);
criterion_main!(benches);
