//! Benchmarks of the contract called directly from Rust (`Engine::handle`): the same
//! requests as the C benchmark `tests/c/bench.c` (`scripts/bench-c`), so the difference is
//! the cost of the C ABI (handle registry, lock, response buffer).

use criterion::{criterion_main, Criterion, Throughput};
use std::hint::black_box;
use wuye_core::contract::{Engine, Status};

const WORKING_DAY: &[u8] =
    br#"{"v":1,"op":"calendar.is_working_day","args":{"date":"2026-10-10"}}"#;
const STATUS: &[u8] =
    br#"{"v":1,"op":"sla.status","args":{"id":"R0001","as_of":"2026-03-04T10:00:00+08:00"}}"#;
const BATCH: &[u8] =
    br#"{"v":1,"op":"sla.status_batch","args":{"as_of":"2026-03-04T10:00:00+08:00"}}"#;

/// An engine with `n` requests registered Mon 2026-03-02 09:00 (every tenth an emergency,
/// every other one dispatched at 09:20), as `register_requests` in tests/c/bench.c.
fn engine(n: usize) -> Engine {
    let mut e = Engine::new(br#"{"v":1}"#).expect("standard engine");
    for i in 0..n {
        let priority = if i % 10 == 0 { "emergency" } else { "normal" };
        let register = format!(
            r#"{{"v":1,"op":"request.register","args":{{"request":{{"id":"R{i:04}","kind":"repair","priority":"{priority}","channel":"phone","location":{{"unit":"{}-1-{:03}"}},"reporter":{{"kind":"owner"}},"description":"厨房水龙头漏水"}},"actor":{{"role":"agent","id":"kf01"}},"now":"2026-03-02T09:00:00+08:00"}}}}"#,
            i % 20 + 1,
            i % 1000
        );
        assert_eq!(e.handle(register.as_bytes()).status, Status::Ok);
        if i % 2 == 0 {
            let dispatch = format!(
                r#"{{"v":1,"op":"request.execute","args":{{"id":"R{i:04}","command":{{"step":"dispatch","department":"engineering"}},"actor":{{"role":"dispatcher","id":"dd01"}},"now":"2026-03-02T09:20:00+08:00"}}}}"#
            );
            assert_eq!(e.handle(dispatch.as_bytes()).status, Status::Ok);
        }
    }
    e
}

fn contract(c: &mut Criterion) {
    let mut one = engine(2);
    let mut many = engine(1000);
    assert_eq!(one.handle(WORKING_DAY).status, Status::Ok);
    assert_eq!(one.handle(STATUS).status, Status::Ok);
    assert_eq!(many.handle(BATCH).status, Status::Ok);
    let mut g = c.benchmark_group("contract (Engine::handle)");
    g.bench_function("calendar.is_working_day", |b| {
        b.iter(|| black_box(one.handle(black_box(WORKING_DAY))))
    });
    g.bench_function("sla.status (one request)", |b| {
        b.iter(|| black_box(one.handle(black_box(STATUS))))
    });
    g.throughput(Throughput::Elements(1000));
    g.bench_function("sla.status_batch (1000 requests)", |b| {
        b.iter(|| black_box(many.handle(black_box(BATCH))))
    });
    g.finish();
}

/// The criterion group (the macro generates an undocumented `pub fn`).
#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(benches, super::contract);
}
criterion_main!(group::benches);
