//! Property tests of the fee engine: bills add up, compact and traced runs agree, money
//! allocated equals money received, apportioned parts sum to the amount, split periods stay
//! within a rounding unit of the whole, more consumption never costs less, late fees stay
//! under their cap, and a payment's full refund undoes it.

mod common;

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{json, Value};
use wuye_core::fee::account::{AccountCommand, AccountPolicy, NewCharge};
use wuye_core::fee::late_fee::{late_fee, LateFeeRule};
use wuye_core::fee::{Account, BillInputs, Estate, Period, Schedule, Unit};
use wuye_core::money::{split_largest_remainder, Decimal, Money};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn date_in_2026(day: u32) -> NaiveDate {
    d("2026-01-01") + chrono::Days::new(u64::from(day % 365))
}

fn dec(mantissa: i64, scale: u32) -> String {
    Decimal::new(i128::from(mantissa), scale)
        .unwrap()
        .to_string()
}

/// A unit: area in hundredths, up to two state changes in 2026.
#[derive(Debug, Clone)]
struct UnitSpec {
    area: i64,
    ty: usize,
    changes: Vec<(u32, usize)>,
    parking_from: Option<u32>,
}

fn unit_spec() -> impl Strategy<Value = UnitSpec> {
    (
        1i64..=50_000,
        0usize..2,
        prop::collection::vec((0u32..365, 0usize..4), 0..3),
        prop::option::of(0u32..365),
    )
        .prop_map(|(area, ty, mut changes, parking_from)| {
            changes.sort();
            changes.dedup_by_key(|c| c.0);
            UnitSpec {
                area,
                ty,
                changes,
                parking_from,
            }
        })
}

/// A schedule with a property-fee rate change on `change` (rates in ten-thousandths),
/// rounding per month or per line, to the fen or the jiao, by any mode.
#[derive(Debug, Clone)]
struct SchedSpec {
    rate_a: i64,
    rate_b: i64,
    change: u32,
    per_line: bool,
    mode: usize,
    jiao: bool,
    vacant: i64,
}

fn sched_spec() -> impl Strategy<Value = SchedSpec> {
    (
        1i64..100_000,
        1i64..100_000,
        1u32..365,
        any::<bool>(),
        0usize..4,
        any::<bool>(),
        0i64..=100,
    )
        .prop_map(
            |(rate_a, rate_b, change, per_line, mode, jiao, vacant)| SchedSpec {
                rate_a,
                rate_b,
                change,
                per_line,
                mode,
                jiao,
                vacant,
            },
        )
}

const STATES: [&str; 4] = ["not_handed_over", "occupied", "vacant", "renovating"];
const MODES: [&str; 4] = ["half_up", "half_even", "up", "down"];

fn schedule(s: &SchedSpec) -> Schedule {
    let change = date_in_2026(s.change);
    let rounding = json!({"mode": MODES[s.mode], "unit": if s.jiao { "jiao" } else { "fen" }});
    let point = if s.per_line { "per_line" } else { "per_month" };
    serde_json::from_str(&common::tag_first(&json!({
        "unit_types": [{"code": "a", "name": "A"}, {"code": "b", "name": "B"}],
        "items": [
            {"code": "property_fee", "name": "物业服务费", "formula": {"kind": "area"},
             "rounding": rounding, "rounding_point": point,
             "state_discounts": {"vacant": s.vacant.to_string()}},
            {"code": "parking", "name": "车位", "formula": {"kind": "fixed", "applies": "subscribers"},
             "rounding": rounding, "rounding_point": point},
            {"code": "rubbish", "name": "垃圾", "formula": {"kind": "fixed"}, "rounding": rounding,
             "rounding_point": point},
            {"code": "lift", "name": "电梯公摊", "formula": {"kind": "shared"}}
        ],
        "rates": [
            {"item": "property_fee", "from": "2025-01-01", "to": (change - chrono::Days::new(1)).to_string(),
             "price": dec(s.rate_a, 4)},
            {"item": "property_fee", "from": change.to_string(), "price": dec(s.rate_b, 4)},
            {"item": "parking", "from": "2025-01-01", "price": "300"},
            {"item": "rubbish", "unit_types": ["b"], "from": "2025-01-01", "price": "15.5"}
        ]
    })))
    .unwrap()
}

fn units(specs: &[UnitSpec]) -> Vec<Unit> {
    specs
        .iter()
        .enumerate()
        .map(|(k, u)| {
            let ty = ["a", "b"][u.ty];
            let mut v = json!({"id": format!("U{k}"), "unit_type": ty, "building_area": dec(u.area, 2)});
            if !u.changes.is_empty() {
                v["states"] = Value::Array(
                    u.changes
                        .iter()
                        .map(|(day, st)| json!({"from": date_in_2026(*day).to_string(), "state": STATES[*st]}))
                        .collect(),
                );
            }
            if let Some(from) = u.parking_from {
                v["subscriptions"] = json!([{"item": "parking", "from": date_in_2026(from).to_string()}]);
            }
            serde_json::from_value(v).unwrap()
        })
        .collect()
}

fn month_period(m: u32) -> Period {
    format!("2026-{:02}", m % 12 + 1).parse().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Every bill's total is the sum of its lines; the compact run has the same lines, in
    /// the same order, and the same grand total.
    #[test]
    fn totals_are_sums_and_compact_equals_traced(
        s in sched_spec(),
        specs in prop::collection::vec(unit_spec(), 1..8),
        month in 0u32..12,
        quarter in any::<bool>(),
        lift in 0i64..10_000_000,
    ) {
        let estate = Estate::load(schedule(&s), units(&specs)).unwrap();
        let period: Period = if quarter {
            format!("2026-Q{}", month % 4 + 1).parse().unwrap()
        } else {
            month_period(month)
        };
        let inputs: BillInputs = serde_json::from_value(json!({
            "shared": [{"item": "lift", "amount": Money::from_fen(lift).to_string(),
                        "units": (0..specs.len()).map(|k| format!("U{k}")).collect::<Vec<_>>()}]
        })).unwrap();
        let bills = estate.bill(period, &inputs, None).unwrap();
        for b in &bills {
            prop_assert_eq!(b.total, Money::sum(b.lines.iter().map(|l| l.amount)).unwrap());
        }
        let mut compact = Vec::new();
        let total = estate.bill_compact(period, &inputs, &mut compact).unwrap();
        let traced: Vec<(usize, String, Money)> = bills.iter().enumerate()
            .flat_map(|(u, b)| b.lines.iter().map(move |l| (u, l.item.clone(), l.amount)))
            .collect();
        let flat: Vec<(usize, String, Money)> = compact.iter()
            .map(|c| (c.unit as usize, estate.schedule().items[usize::from(c.item)].code.clone(), c.amount))
            .collect();
        prop_assert_eq!(flat, traced);
        prop_assert_eq!(total, Money::sum(bills.iter().map(|b| b.total)).unwrap());
        // The shared cost's lines sum exactly to it.
        let lift_lines = compact.iter().filter(|c| c.item == 3).map(|c| c.amount);
        prop_assert_eq!(Money::sum(lift_lines).unwrap(), Money::from_fen(lift));
    }

    /// Billing a period in two adjacent parts gives, per line, the whole period's amount
    /// within one rounding unit.
    #[test]
    fn adjacent_partial_periods_make_the_whole(
        s in sched_spec(),
        spec in unit_spec(),
        month in 0u32..12,
        quarter in any::<bool>(),
        cut in 0u32..92,
    ) {
        let estate = Estate::load(schedule(&s), units(&[spec])).unwrap();
        let whole: Period = if quarter {
            format!("2026-Q{}", month % 4 + 1).parse().unwrap()
        } else {
            month_period(month)
        };
        let r = whole.range().unwrap();
        let days = r.days() as u32;
        let k = cut % (days - 1); // first part: from..from+k, second: the rest
        let mid = r.from + chrono::Days::new(u64::from(k));
        let a: Period = format!("{}..{}", r.from, mid).parse().unwrap();
        let b: Period = format!("{}..{}", mid + chrono::Days::new(1), r.to).parse().unwrap();
        let none = BillInputs::default();
        let bill = |p: Period| estate.bill(p, &none, None).unwrap().remove(0);
        let (bw, ba, bb) = (bill(whole), bill(a), bill(b));
        let unit = if s.jiao { 10 } else { 1 };
        for lw in &bw.lines {
            let part = |b: &wuye_core::fee::Bill| b.lines.iter().find(|l| l.item == lw.item).map_or(0, |l| l.amount.fen());
            let diff = (part(&ba) + part(&bb) - lw.amount.fen()).abs();
            prop_assert!(diff <= unit, "{}: {} + {} vs {}", lw.item, part(&ba), part(&bb), lw.amount);
        }
    }

    /// Apportioned parts sum exactly to the amount, whatever the weights.
    #[test]
    fn apportioned_parts_sum_to_the_amount(
        amount in -10_000_000_000i64..10_000_000_000,
        weights in prop::collection::vec((0i64..1_000_000, 0u32..5), 1..40),
    ) {
        let ws: Vec<Decimal> = weights.iter().map(|(m, s)| Decimal::new(i128::from(*m), *s).unwrap()).collect();
        match split_largest_remainder(Money::from_fen(amount), &ws) {
            Ok(parts) => {
                prop_assert_eq!(parts.len(), ws.len());
                prop_assert_eq!(Money::sum(parts.iter().copied()).unwrap(), Money::from_fen(amount));
                // Each part is within one fen of its exact share.
                let scale = ws.iter().map(|w| w.scale()).max().unwrap();
                let ints: Vec<i128> = ws.iter().map(|w| w.rescaled(scale).unwrap()).collect();
                let sum: i128 = ints.iter().sum();
                for (p, w) in parts.iter().zip(&ints) {
                    let exact_num = i128::from(amount) * w; // part ≈ exact_num / sum
                    prop_assert!((i128::from(p.fen()) * sum - exact_num).abs() < sum);
                }
            }
            Err(_) => prop_assert!(weights.iter().all(|(m, _)| *m == 0)),
        }
    }

    /// More consumption never costs less, whatever the tiers and the rounding.
    #[test]
    fn more_consumption_never_costs_less(
        bounds in prop::collection::vec(1i64..500_000, 0..4),
        prices in prop::collection::vec(0i64..100_000, 4),
        prior in 0i64..400_000,
        q in 0i64..300_000,
        more in 0i64..300_000,
        mode in 0usize..4,
        annual in any::<bool>(),
    ) {
        let mut bounds = bounds;
        bounds.sort();
        bounds.dedup();
        let mut tiers: Vec<Value> = bounds.iter().zip(&prices)
            .map(|(b, p)| json!({"up_to": dec(*b, 3), "price": dec(*p, 4)}))
            .collect();
        tiers.push(json!({"price": dec(prices[bounds.len()], 4)}));
        let schedule: Schedule = serde_json::from_value(json!({
            "unit_types": [{"code": "a", "name": "A"}],
            "items": [{"code": "water", "name": "水", "rounding": {"mode": MODES[mode]},
                       "formula": {"kind": "metered", "tier_bounds": if annual { "annual" } else { "monthly" }}}],
            "rates": [{"item": "water", "from": "2026-01-01", "tiers": tiers}]
        })).unwrap();
        let estate = Estate::load(schedule, units(&[UnitSpec { area: 100, ty: 0, changes: vec![], parking_from: None }])).unwrap();
        let cost = |used: i64| {
            let mut reading = json!({"unit": "U0", "item": "water", "date": "2026-09-30",
                "previous": "0", "current": dec(used, 3)});
            if annual {
                reading["year_to_date"] = json!(dec(prior, 3));
            }
            let inputs: BillInputs = serde_json::from_value(json!({"readings": [reading]})).unwrap();
            estate.bill(month_period(8), &inputs, None).unwrap()[0].total
        };
        prop_assert!(cost(q + more) >= cost(q));
    }

    /// A late fee never exceeds its cap, and is zero before the grace days are over.
    #[test]
    fn late_fee_never_exceeds_its_cap(
        amount in 1i64..10_000_000,
        due in 0u32..365,
        as_of in 0u32..800,
        rate in 1i64..10_000,
        grace in 0u32..30,
        cap in 0i64..20_000,
        minimum in prop::option::of(0i64..10_000),
        payments in prop::collection::vec((0u32..800, 0i64..5_000_000), 0..4),
    ) {
        let rule = LateFeeRule {
            daily_rate: Decimal::new(i128::from(rate), 6).unwrap(),
            grace_days: grace,
            cap_percent: Some(Decimal::new(i128::from(cap), 2).unwrap()),
            minimum: minimum.map(Money::from_fen),
            rounding: Default::default(),
        };
        let due = date_in_2026(due);
        let as_of = due + chrono::Days::new(u64::from(as_of));
        let mut acc = Account::new("U0", AccountPolicy { late_fee: Some(rule.clone()), ..AccountPolicy::default() });
        acc.execute(&AccountCommand::PostCharges {
            date: due - chrono::Days::new(30),
            charges: vec![NewCharge { id: "C".into(), item: "property_fee".into(), due, amount: Money::from_fen(amount), late_fee: true }],
        }).unwrap();
        let mut payments = payments;
        payments.sort();
        for (k, (day, fen)) in payments.iter().enumerate() {
            let date = due + chrono::Days::new(u64::from(*day));
            if date > as_of || *fen == 0 { continue; }
            acc.execute(&AccountCommand::Pay { receipt: format!("R{k}"), date, amount: Money::from_fen(*fen) }).unwrap();
        }
        let l = late_fee(&rule, &acc.charges[0], as_of.max(acc.last_date.unwrap()));
        let cap_fen = amount as i128 * i128::from(cap) / 10_000; // cap% of the principal, floored
        prop_assert!(i128::from(l.accrued.fen()) <= cap_fen, "{} > cap {}", l.accrued, cap_fen);
        if as_of <= due + chrono::Days::new(u64::from(grace)) {
            prop_assert_eq!(l.accrued, Money::ZERO);
        }
    }

    /// Money allocated equals money received; a payment and its full refund leave the
    /// charges and the prepaid balance as they were.
    #[test]
    fn allocation_and_full_refund(
        charges in prop::collection::vec((0u32..200, 1i64..100_000), 1..6),
        earlier in prop::collection::vec((0u32..60, 1i64..100_000), 0..3),
        pay_day in 60u32..120,
        amount in 1i64..400_000,
        late_first in any::<bool>(),
        priority_first in any::<bool>(),
    ) {
        let mut policy = AccountPolicy {
            late_fee: Some(LateFeeRule {
                daily_rate: "0.0003".parse().unwrap(), grace_days: 0,
                cap_percent: None, minimum: None, rounding: Default::default(),
            }),
            ..AccountPolicy::default()
        };
        policy.allocation.late_fees = if late_first {
            wuye_core::fee::account::LateFeeOrder::LateFeeFirst
        } else {
            wuye_core::fee::account::LateFeeOrder::PrincipalFirst
        };
        if priority_first {
            policy.allocation.order = wuye_core::fee::account::AllocationOrder::PriorityFirst;
            policy.allocation.priority = vec!["water".into()];
        }
        let start = d("2026-01-01");
        let mut acc = Account::new("U0", policy);
        acc.execute(&AccountCommand::PostCharges {
            date: start,
            charges: charges.iter().enumerate().map(|(k, (due, fen))| NewCharge {
                id: format!("C{k}"), item: ["property_fee", "water"][k % 2].into(),
                due: start + chrono::Days::new(u64::from(*due)), amount: Money::from_fen(*fen), late_fee: true,
            }).collect(),
        }).unwrap();
        let mut earlier = earlier;
        earlier.sort();
        for (k, (day, fen)) in earlier.iter().enumerate() {
            let date = start + chrono::Days::new(u64::from(*day));
            acc.execute(&AccountCommand::Pay { receipt: format!("E{k}"), date, amount: Money::from_fen(*fen) }).unwrap();
        }
        let before = acc.clone();
        let date = start + chrono::Days::new(u64::from(pay_day));
        let events = acc.execute(&AccountCommand::Pay { receipt: "P".into(), date, amount: Money::from_fen(amount) }).unwrap();
        let wuye_core::fee::AccountEvent::PaymentReceived { allocations, to_prepaid, .. } = &events[0] else {
            return Err(TestCaseError::fail("not a payment"));
        };
        let allocated: i64 = allocations.iter().map(|a| a.amount.fen()).sum();
        prop_assert_eq!(allocated + to_prepaid.fen(), amount);
        prop_assert!(allocations.iter().all(|a| a.amount.is_positive()));
        acc.execute(&AccountCommand::Refund { refund: "T".into(), receipt: "P".into(), date, amount: Money::from_fen(amount) }).unwrap();
        prop_assert_eq!(&acc.charges, &before.charges);
        prop_assert_eq!(acc.prepaid, before.prepaid);
        let later = date + chrono::Days::new(30);
        prop_assert_eq!(acc.late_fees(later).unwrap(), before.late_fees(later).unwrap());
    }
}
