//! Benchmarks of the business calendar: `add` of 30 days × 8 h of business time from assorted
//! starts, `between` over a month, `is_working_day`, and building the tables.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{criterion_main, Criterion};
use wuye_core::calendar::BusinessCalendar;
use wuye_core::time::Instant;

fn t(s: &str) -> Instant {
    Instant::parse(s).expect("valid RFC 3339 in bench fixture")
}

/// Starts spread over 2024–2025: inside windows, in lunch breaks, at night, on weekends,
/// on holidays and make-up days, in other offsets.
fn starts() -> Vec<Instant> {
    [
        "2024-01-02T09:15:00+08:00",
        "2024-02-08T16:00:00+08:00",
        "2024-04-28T12:30:00+08:00",
        "2024-06-08T10:00:00+08:00",
        "2024-09-13T23:59:59+08:00",
        "2024-12-31T17:00:00+08:00",
        "2025-01-27T16:00:00+08:00",
        "2025-05-31T08:00:00+08:00",
        "2025-09-28T13:29:59+08:00",
        "2025-03-14T02:00:00Z",
        "2025-07-01T20:00:00-05:00",
        "2025-10-11T11:59:00+08:00",
    ]
    .iter()
    .map(|s| t(s))
    .collect()
}

fn bench_calendar(c: &mut Criterion) {
    let cal = BusinessCalendar::china_mainland();
    let starts = starts();
    const THIRTY_DAYS_OF_8H: i64 = 30 * 8 * 3600;

    c.bench_function("calendar/add 30d x 8h", |b| {
        let mut i = 0;
        b.iter(|| {
            let s = starts[i % starts.len()];
            i += 1;
            black_box(&cal).add(black_box(s), black_box(THIRTY_DAYS_OF_8H))
        })
    });

    let months: Vec<(Instant, Instant)> = (1..=12)
        .map(|m| {
            (
                t(&format!("2025-{m:02}-03T10:17:00+08:00")),
                t(&format!("2025-{:02}-03T10:17:00+08:00", m % 12 + 1)),
            )
        })
        .filter(|(a, b)| a < b)
        .collect();
    c.bench_function("calendar/between 1 month", |b| {
        let mut i = 0;
        b.iter(|| {
            let (from, to) = months[i % months.len()];
            i += 1;
            black_box(&cal).between(black_box(from), black_box(to))
        })
    });

    let days: Vec<NaiveDate> = (0..64)
        .filter_map(|k| {
            NaiveDate::from_ymd_opt(2024, 1, 1)?.checked_add_days(chrono::Days::new(k * 17))
        })
        .collect();
    c.bench_function("calendar/is_working_day", |b| {
        let mut i = 0;
        b.iter(|| {
            let d = days[i % days.len()];
            i += 1;
            black_box(&cal).is_working_day(black_box(d))
        })
    });

    c.bench_function("calendar/next_working_instant", |b| {
        let mut i = 0;
        b.iter(|| {
            let s = starts[i % starts.len()];
            i += 1;
            black_box(&cal).next_working_instant(black_box(s))
        })
    });

    c.bench_function("calendar/china_mainland (build tables)", |b| {
        b.iter(BusinessCalendar::china_mainland)
    });
}

/// The criterion group (the macro generates an undocumented `pub fn`).
#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(benches, super::bench_calendar);
}
criterion_main!(group::benches);
