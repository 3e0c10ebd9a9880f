//! Decoding a list reply, the largest body the API sends: 600 tokens is the per-user quota.
//!
//! `cargo bench -p tokens-types --bench list_decode` (throughput in bytes of JSON per second)

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use tokens_types::{Expiry, ListTokensResponse, Timestamp, TokenInfo};

/// A reply of `count` tokens shaped like the service's: a 64-hex id, a comment, both times,
/// and scopes on every other token.
fn list_reply(count: usize) -> Vec<u8> {
    let created = 1_764_000_000_000_i64;
    let infos = (0..count)
        .map(|i| {
            let offset = i64::try_from(i).unwrap_or(0) * 1_000;
            let info = TokenInfo::new(format!("{:064x}", i.wrapping_mul(0x9e37_79b9_7f4a_7c15)))
                .with_comment(format!("ci pipeline token {i} for nightly jobs"))
                .with_creation_time(Timestamp::from_millis(created + offset))
                .with_expiry_time(Expiry::At(Timestamp::from_millis(
                    created + offset + 7_776_000_000,
                )));
            if i % 2 == 0 {
                info.with_scopes(["sql", "unity-catalog:read"])
            } else {
                info
            }
        })
        .collect();
    serde_json::to_vec(&ListTokensResponse::new(infos)).unwrap_or_default()
}

fn decode(c: &mut Criterion) {
    let mut group = c.benchmark_group("list_decode");
    for count in [1, 60, 600] {
        let body = list_reply(count);
        assert!(!body.is_empty(), "the reply serializes");
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(count), &body, |b, body| {
            b.iter(|| {
                let reply: Result<ListTokensResponse, _> = serde_json::from_slice(black_box(body));
                black_box(reply)
            });
        });
    }
    group.finish();

    // Reference points for the 600-token reply: serde_json scanning it without building
    // anything (the parser's own speed on this machine), and building a generic
    // `serde_json::Value` tree (what a client without typed models would do).
    let body = list_reply(600);
    let mut group = c.benchmark_group("list_decode_reference");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("600/scan_only", |b| {
        b.iter(|| {
            let scanned: Result<serde::de::IgnoredAny, _> =
                serde_json::from_slice(black_box(&body));
            black_box(scanned)
        });
    });
    group.bench_function("600/json_value", |b| {
        b.iter(|| {
            let value: Result<serde_json::Value, _> = serde_json::from_slice(black_box(&body));
            black_box(value)
        });
    });
    group.finish();
}

criterion_group!(benches, decode);
criterion_main!(benches);
