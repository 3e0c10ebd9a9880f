//! FieldMask parsing and validation: the check every update makes before it is sent.
//!
//! `cargo bench -p tokens-types --bench field_mask`

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tokens_types::{FieldMask, TOKEN_UPDATABLE_PATHS};

/// Masks an update may carry: the usual ones, the wildcard, and one that fails validation.
const MASKS: &[(&str, &str)] = &[
    ("comment", "comment"),
    ("comment_and_scopes", "comment,scopes"),
    ("wildcard", "*"),
    ("not_updatable", "comment,token_id"),
];

fn parse_and_validate(c: &mut Criterion) {
    let mut group = c.benchmark_group("field_mask/parse_validate");
    for &(name, mask) in MASKS {
        group.bench_function(name, |b| {
            b.iter(|| {
                let parsed = FieldMask::parse(black_box(mask));
                black_box(parsed.and_then(|mask| mask.validate_for(TOKEN_UPDATABLE_PATHS)))
            });
        });
    }
    group.finish();

    // A long nested mask shows how the syntax check scales with the number of paths.
    let long = (0..32)
        .map(|i| format!("spec.section_{i}.field_{i}"))
        .collect::<Vec<_>>()
        .join(",");
    c.bench_function("field_mask/parse/32_nested_paths", |b| {
        b.iter(|| black_box(FieldMask::parse(black_box(&long))));
    });
}

criterion_group!(benches, parse_and_validate);
criterion_main!(benches);
