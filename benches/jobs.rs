//! Criterion benchmarks: every job of creditline beside a straightforward
//! std implementation of the same job (see `baseline.rs`), on the same
//! deterministic tables of 16, 256 and 4096 entries, in the same run.
//!
//! Names are `<job>/<impl>/<n>`, e.g. `order_end_credits/creditline/4096`.
//! Run: `cargo bench --bench jobs` (add `-- --quick` for a fast pass).

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use creditline::budget::{Workspace, classify_all, top_sheet};
use creditline::json::parse_table;
use creditline::order::{Credits, order};
use creditline::{Table, split};

mod baseline;
mod common;

use common::{CAP, SEQUENCES, check_same_results, table_json};

const SIZES: [usize; 3] = [16, 256, 4096];

fn bench_parse<const N: usize>(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    input: &str,
) {
    let mut scratch = vec![0u8; input.len()];
    group.bench_function(BenchmarkId::new("creditline", N), |b| {
        b.iter(|| {
            // A fresh table per parse: `Table::new` only sets lengths.
            let mut fresh: Table<'_, N> = Table::new("");
            parse_table(black_box(input.as_bytes()), &mut scratch, &mut fresh).unwrap();
            fresh.entries().len()
        })
    });
}

fn jobs(c: &mut Criterion) {
    let vocabulary = baseline::Vocabulary::new();
    for n in SIZES {
        let input = table_json(n);
        let mut scratch = vec![0u8; input.len()];
        let mut table: Box<Table<'_, CAP>> = Box::default();
        parse_table(input.as_bytes(), &mut scratch, &mut table).unwrap();
        let base = baseline::parse(&input);
        check_same_results(&table, &base, &vocabulary);

        let mut group = c.benchmark_group("parse");
        // Each size parses into a table of exactly its capacity, as a caller
        // would size it, so that making the empty table costs what it should.
        match n {
            16 => bench_parse::<16>(&mut group, &input),
            256 => bench_parse::<256>(&mut group, &input),
            _ => bench_parse::<CAP>(&mut group, &input),
        }
        group.bench_function(BenchmarkId::new("std_baseline", n), |b| {
            b.iter(|| baseline::parse(black_box(&input)))
        });
        group.finish();

        let mut credits: Box<Credits<{ 2 * CAP + 2 }>> = Box::default();
        let mut workspace: Box<Workspace<CAP>> = Box::default();
        for (job, sequence, id) in SEQUENCES {
            let mut group = c.benchmark_group(job);
            group.bench_function(BenchmarkId::new("creditline", n), |b| {
                b.iter(|| order(black_box(&*table), sequence, &mut credits).unwrap())
            });
            group.bench_function(BenchmarkId::new("std_baseline", n), |b| {
                b.iter(|| baseline::order(black_box(&base), &vocabulary, id))
            });
            group.finish();
        }

        let mut group = c.benchmark_group("classify");
        group.bench_function(BenchmarkId::new("creditline", n), |b| {
            b.iter(|| classify_all(black_box(&*table)).filter(|c| c.is_ok()).count())
        });
        group.bench_function(BenchmarkId::new("std_baseline", n), |b| {
            b.iter(|| baseline::classify(black_box(&base), &vocabulary))
        });
        group.finish();

        let mut group = c.benchmark_group("topsheet");
        group.bench_function(BenchmarkId::new("creditline", n), |b| {
            b.iter(|| top_sheet(black_box(&*table), &mut workspace).unwrap())
        });
        group.bench_function(BenchmarkId::new("std_baseline", n), |b| {
            b.iter(|| baseline::top_sheet(black_box(&base), &vocabulary))
        });
        group.finish();

        let weights: Vec<u32> = (0..n as u32).map(|i| i % 97 + 1).collect();
        let mut parts = vec![0i64; n];
        let mut group = c.benchmark_group("split");
        group.bench_function(BenchmarkId::new("creditline", n), |b| {
            b.iter(|| split(black_box(1_234_567_891), &weights, &mut parts).unwrap())
        });
        group.bench_function(BenchmarkId::new("std_baseline", n), |b| {
            b.iter(|| baseline::split(black_box(1_234_567_891), &weights))
        });
        group.finish();
    }
}

criterion_group!(benches, jobs);
criterion_main!(benches);
