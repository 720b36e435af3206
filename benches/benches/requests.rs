//! Benchmarks of service requests: transitions per second (bare state machine and through
//! the desk with SLA clocks), and the SLA status of 100k open requests.

use chrono::Duration;
use criterion::{criterion_main, Criterion, Throughput};
use std::hint::black_box;
use wuye_benches::{busy_desk, lifecycle, new_request, t};
use wuye_core::desk::request::ServiceRequest;
use wuye_core::{Actor, Desk, DeskConfig, Role};

fn transitions(c: &mut Criterion) {
    let cfg = DeskConfig::default();
    let agent = Actor::new(Role::Agent, "kf01");
    let steps = lifecycle();
    let start = t("2026-03-02T09:00:00+08:00");
    let (fresh, _) = ServiceRequest::register(new_request(0), &agent, start).expect("registers");
    let mut g = c.benchmark_group("transitions");
    // Six transitions per iteration: dispatch → accept → arrive → complete → reply → callback.
    g.throughput(Throughput::Elements(steps.len() as u64));
    g.bench_function("state machine (execute)", |b| {
        b.iter(|| {
            let mut r = fresh.clone();
            for (k, (cmd, actor)) in steps.iter().enumerate() {
                let now = start + Duration::minutes(k as i64 + 1);
                black_box(r.execute(cmd, actor, now, &cfg).expect("legal"));
            }
            r
        })
    });
    let mut desk = Desk::standard();
    let id = new_request(0).id;
    desk.register(new_request(0), &agent, start)
        .expect("registers");
    g.bench_function("desk with SLA clocks", |b| {
        b.iter_batched_ref(
            || desk.clone(),
            |desk| {
                for (k, (cmd, actor)) in steps.iter().enumerate() {
                    let now = start + Duration::minutes(k as i64 + 1);
                    black_box(desk.execute(&id, cmd, actor, now).expect("legal"));
                }
            },
            criterion::BatchSize::SmallInput,
        )
    });
    g.finish();
}

fn statuses(c: &mut Criterion) {
    const N: usize = 100_000;
    let desk = busy_desk(N);
    let ids: Vec<String> = desk.requests().map(|r| r.id().to_owned()).collect();
    let as_of = t("2026-03-09T10:00:00+08:00");
    let mut g = c.benchmark_group("sla");
    g.sample_size(20);
    g.throughput(Throughput::Elements(N as u64));
    g.bench_function("status of 100k requests", |b| {
        b.iter(|| {
            let mut breached = 0usize;
            for id in &ids {
                let s = desk.sla_status(id, as_of).expect("covered year");
                breached += usize::from(s.breached());
            }
            black_box(breached)
        })
    });
    g.bench_function("status of 100k requests (batch)", |b| {
        b.iter(|| {
            let breached = desk
                .sla_statuses(as_of)
                .filter(|s| matches!(s, Ok(s) if s.breached()))
                .count();
            black_box(breached)
        })
    });
    g.bench_function("tick over 100k requests", |b| {
        b.iter_batched(
            || desk.clone(),
            |mut d| black_box(d.tick(as_of).len()),
            criterion::BatchSize::LargeInput,
        )
    });
    g.finish();
}

/// The criterion group (the macro generates an undocumented `pub fn`).
#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(benches, super::transitions, super::statuses);
}
criterion_main!(group::benches);
