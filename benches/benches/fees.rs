//! Fee lines per second: billing a 100k-unit estate × 5 items for one month, compact lines
//! (unit index, item index, amount); and traced bills for comparison. Then the same month
//! through the contract (`Engine::handle`: the request parsed, the run, the response
//! written), with the readings as rows and as columns — what a binding's call costs in
//! the library.

use criterion::{criterion_main, Criterion, Throughput};
use std::hint::black_box;
use wuye_benches::{fee_inputs, fee_schedule, fee_units};
use wuye_core::contract::{Engine, Status};
use wuye_core::fee::meter::ReadingColumns;
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

fn estate_month_through_the_contract(c: &mut Criterion) {
    const N: usize = 100_000;
    let units = fee_units(N);
    let inputs = fee_inputs(&units);
    let mut engine = Engine::new(br#"{"v":1}"#).expect("standard engine");
    let load = serde_json::json!({"v": 1, "op": "fee.load_estate",
        "args": {"schedule": fee_schedule(), "units": units}});
    let loaded = engine.handle(&serde_json::to_vec(&load).expect("load request"));
    assert_eq!(loaded.status, Status::Ok);
    let request = |readings: serde_json::Value| {
        serde_json::to_vec(&serde_json::json!({"v": 1, "op": "fee.bill_estate",
            "args": {"period": "2026-09", "readings": readings, "shared": inputs.shared}}))
        .expect("bill request")
    };
    let rows = request(serde_json::to_value(&inputs.readings).expect("rows"));
    // Columns as a binding writes them: units by id, whole readings as integers.
    let mut columns =
        serde_json::to_value(ReadingColumns::from_rows(&inputs.readings)).expect("columns");
    for key in ["previous", "current", "year_to_date"] {
        for v in columns[key].as_array_mut().expect("a column") {
            *v = serde_json::from_str(v.as_str().expect("a decimal string")).expect("an integer");
        }
    }
    let columns = request(columns);
    let first = engine.handle(&rows);
    assert_eq!(first.status, Status::Ok);
    assert_eq!(engine.handle(&columns).body, first.body);
    let mut g = c.benchmark_group("fee.bill_estate (Engine::handle)");
    g.sample_size(20);
    g.throughput(Throughput::Elements(5 * N as u64));
    g.bench_function("100k readings as rows", |b| {
        b.iter(|| black_box(engine.handle(&rows)))
    });
    g.bench_function("100k readings as columns", |b| {
        b.iter(|| black_box(engine.handle(&columns)))
    });
    g.finish();
}

/// The criterion group (the macro generates an undocumented `pub fn`).
#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(
        benches,
        super::estate_month,
        super::estate_month_through_the_contract
    );
}
criterion_main!(group::benches);
