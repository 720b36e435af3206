//! Fee lines per second: billing a 100k-unit estate × 5 items for one month, compact lines
//! (unit index, item index, amount); and traced bills for comparison.

use criterion::{criterion_main, Criterion, Throughput};
use std::hint::black_box;
use wuye_benches::{fee_inputs, fee_schedule, fee_units};
use wuye_core::fee::{Estate, Period};

fn estate_month(c: &mut Criterion) {
    const N: usize = 100_000;
    let units = fee_units(N);
    let inputs = fee_inputs(&units);
    let estate = Estate::load(fee_schedule(), units).expect("bench estate loads");
    let period: Period = "2026-09".parse().expect("period");
    let mut out = Vec::new();
    estate
        .bill_compact(period, &inputs, &mut out)
        .expect("bench estate bills");
    let lines = out.len() as u64;
    assert_eq!(lines, 5 * N as u64);
    let mut g = c.benchmark_group("fees");
    g.sample_size(20);
    g.throughput(Throughput::Elements(lines));
    g.bench_function("bill_compact 100k units × 5 items, one month", |b| {
        b.iter(|| {
            black_box(
                estate
                    .bill_compact(period, &inputs, &mut out)
                    .expect("bills"),
            )
        })
    });
    g.throughput(Throughput::Elements(5 * 1_000));
    let only: Vec<String> = estate.units()[..1_000]
        .iter()
        .map(|u| u.id.clone())
        .collect();
    g.bench_function("bill with traces, 1k of the units", |b| {
        b.iter(|| {
            black_box(
                estate
                    .bill(period, &inputs, Some(&only))
                    .expect("bills")
                    .len(),
            )
        })
    });
    g.finish();
}

/// The criterion group (the macro generates an undocumented `pub fn`).
#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(benches, super::estate_month);
}
criterion_main!(group::benches);
