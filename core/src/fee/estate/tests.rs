//! Worked examples of billing runs, with the arithmetic in comments.

use super::*;
use crate::fee::bill::{BillLine, Usage};
use crate::fee::meter::Reading;
use serde_json::json;

fn m(s: &str) -> Money {
    s.parse().unwrap()
}

/// A schedule: high-rise and villa; property fee 2.35 (high-rise) / 4.80 (villa) per m²
/// per month; parking rent 300.00 a month for subscribers; water 5.00/7.00/9.00 in annual
/// tiers of 180 and 260 m³; lift power shared by building area; housekeeping 50.00 an hour.
fn schedule(extra: serde_json::Value) -> Schedule {
    let mut s = json!({
        "unit_types": [{"code": "high_rise", "name": "高层"}, {"code": "villa", "name": "别墅"}],
        "items": [
            {"code": "property_fee", "name": "物业服务费", "formula": {"kind": "area"},
             "state_discounts": {"vacant": "30"}},
            {"code": "parking_rent", "name": "车位租金", "formula": {"kind": "fixed", "applies": "subscribers"}},
            {"code": "water", "name": "水费", "formula": {"kind": "metered", "tier_bounds": "annual"}},
            {"code": "lift_power", "name": "电梯电费公摊", "formula": {"kind": "shared"}},
            {"code": "housekeeping", "name": "家政服务", "formula": {"kind": "usage", "per": "hour"}}
        ],
        "rates": [
            {"item": "property_fee", "unit_types": ["high_rise"], "from": "2020-01-01", "price": "2.35"},
            {"item": "property_fee", "unit_types": ["villa"], "from": "2020-01-01", "price": "4.80"},
            {"item": "parking_rent", "from": "2020-01-01", "price": "300"},
            {"item": "water", "from": "2020-01-01", "tiers": [
                {"up_to": "180", "price": "5.00"}, {"up_to": "260", "price": "7.00"}, {"price": "9.00"}]},
            {"item": "housekeeping", "from": "2020-01-01", "price": "50.00"}
        ],
        "billing": {"collection": "prepaid", "due_days": 15}
    });
    if let serde_json::Value::Object(extra) = extra {
        for (k, v) in extra {
            s[k] = v;
        }
    }
    serde_json::from_str(&tag_first(&s)).unwrap()
}

/// `v` as JSON text with a formula's `kind` first: the tag of an internally tagged enum comes
/// first on the wire, and a `serde_json::Value` keeps its members sorted by key.
fn tag_first(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Object(m) => {
            let tag = m.get_key_value("kind");
            let members: Vec<String> = tag
                .into_iter()
                .chain(m.iter().filter(|(k, _)| *k != "kind"))
                .map(|(k, v)| format!("{}:{}", serde_json::Value::from(k.as_str()), tag_first(v)))
                .collect();
            format!("{{{}}}", members.join(","))
        }
        serde_json::Value::Array(a) => {
            let items: Vec<String> = a.iter().map(tag_first).collect();
            format!("[{}]", items.join(","))
        }
        other => other.to_string(),
    }
}

fn unit(id: &str, ty: &str, area: &str, extra: serde_json::Value) -> Unit {
    let mut u = json!({"id": id, "unit_type": ty, "building_area": area});
    if let serde_json::Value::Object(extra) = extra {
        for (k, v) in extra {
            u[k] = v;
        }
    }
    serde_json::from_value(u).unwrap()
}

fn p(s: &str) -> Period {
    s.parse().unwrap()
}

fn one_bill(e: &Estate, period: &str, inputs: &BillInputs) -> Bill {
    e.bill(p(period), inputs, None).unwrap().remove(0)
}

fn line<'a>(b: &'a Bill, item: &str) -> &'a BillLine {
    b.lines.iter().find(|l| l.item == item).unwrap()
}

#[test]
fn a_year_rounded_once_or_monthly() {
    // 98.76 m² × 2.35 = 232.086 a month.
    // Per line: 232.086 × 12 = 2785.032 → 2785.03.
    let mut s = schedule(json!({}));
    s.items[0].rounding_point = RoundingPoint::PerLine;
    let e = Estate::load(
        s.clone(),
        vec![unit("1-101", "high_rise", "98.76", json!({}))],
    )
    .unwrap();
    let b = one_bill(&e, "2026", &BillInputs::default());
    assert_eq!(line(&b, "property_fee").amount, m("2785.03"));
    assert_eq!(b.total, m("2785.03"));
    // Per month: 232.086 → 232.09, × 12 = 2785.08.
    s.items[0].rounding_point = RoundingPoint::PerMonth;
    let e = Estate::load(s, vec![unit("1-101", "high_rise", "98.76", json!({}))]).unwrap();
    let b = one_bill(&e, "2026", &BillInputs::default());
    let l = line(&b, "property_fee");
    assert_eq!(l.amount, m("2785.08"));
    let steps = &l.trace.rounding.as_ref().unwrap().steps;
    assert_eq!(steps.len(), 12);
    assert_eq!(
        (steps[1].of.as_str(), steps[1].exact.as_str()),
        ("2026-02", "232.086")
    );
    // Prepaid: due 15 days after the period's first day.
    assert_eq!(l.due.to_string(), "2026-01-16");
}

#[test]
fn mid_month_move_in_prorates_by_days() {
    // Not handed over until 2026-09-15, occupied from the 16th: 15 of September's 30 days.
    // 98.76 × 2.35 × 15/30 = 116.043 → 116.04; the first 15 days are 100% off.
    let e = Estate::load(
        schedule(json!({})),
        vec![unit(
            "1-101",
            "high_rise",
            "98.76",
            json!({"states": [{"from": "2026-09-16", "state": "occupied"}]}),
        )],
    )
    .unwrap();
    let b = one_bill(&e, "2026-09", &BillInputs::default());
    let l = line(&b, "property_fee");
    assert_eq!(l.amount, m("116.04"));
    let segs: Vec<_> = l
        .trace
        .segments
        .iter()
        .map(|s| (s.days, s.state, s.amount.as_str()))
        .collect();
    assert_eq!(
        segs,
        [
            (15, UnitState::NotHandedOver, "0"),
            (15, UnitState::Occupied, "116.043")
        ]
    );
    assert_eq!(
        l.trace.text[2],
        "2026-09-16..2026-09-30 occupied 已入住: 98.76 × 2.35 × 15/30 = 116.043"
    );
}

#[test]
fn a_rate_change_splits_the_line() {
    // 2.35 until 2026-09-10, 2.60 from the 11th:
    // 98.76 × 2.35 × 10/30 = 77.362; 98.76 × 2.60 × 20/30 = 171.184; sum 248.546 → 248.55.
    let mut s = schedule(json!({}));
    s.rates[0].to = Some(NaiveDate::from_ymd_opt(2026, 9, 10).unwrap());
    s.rates.push(serde_json::from_value(json!(
        {"item": "property_fee", "unit_types": ["high_rise"], "from": "2026-09-11", "price": "2.60"})).unwrap());
    let e = Estate::load(s, vec![unit("1-101", "high_rise", "98.76", json!({}))]).unwrap();
    let l = line(
        &one_bill(&e, "2026-09", &BillInputs::default()),
        "property_fee",
    )
    .clone();
    assert_eq!(l.amount, m("248.55"));
    let amounts: Vec<_> = l.trace.segments.iter().map(|s| s.amount.as_str()).collect();
    assert_eq!(amounts, ["77.362", "171.184"]);
}

#[test]
fn vacancy_discount_in_a_leap_february() {
    // February 2024 has 29 days. Vacant (30% off) the 1st–10th, occupied from the 11th:
    // 232.086 × 10/29 × 70% + 232.086 × 19/29 = (1624.602 + 4409.634) / 29
    // = 6034.236 / 29 = 208.0771… → 208.08.
    let e = Estate::load(
        schedule(json!({})),
        vec![unit("1-101", "high_rise", "98.76", json!({"states": [
            {"from": "2020-01-01", "state": "vacant"}, {"from": "2024-02-11", "state": "occupied"}]}))],
    )
    .unwrap();
    let l = line(
        &one_bill(&e, "2024-02", &BillInputs::default()),
        "property_fee",
    )
    .clone();
    assert_eq!(l.amount, m("208.08"));
    assert_eq!(l.trace.segments[0].month_days, 29);
    assert_eq!(l.trace.segments[0].amount, "56.020758…"); // 1624.602 / 29
}

#[test]
fn prepayment_discount_for_a_year() {
    // 12 months at once, 5% off. Per month: 232.086 × 95% = 220.4817 → 220.48, × 12 =
    // 2645.76. Per line: 2785.032 × 95% = 2645.7804 → 2645.78.
    let s = schedule(json!({"prepayment_discounts": [{"min_months": 12, "percent": "5"}]}));
    let e = Estate::load(
        s.clone(),
        vec![unit("1-101", "high_rise", "98.76", json!({}))],
    )
    .unwrap();
    assert_eq!(
        line(
            &one_bill(&e, "2026", &BillInputs::default()),
            "property_fee"
        )
        .amount,
        m("2645.76")
    );
    // A quarter spans 3 months: no discount (232.086 × 3 per month = 3 × 232.09 = 696.27).
    assert_eq!(
        line(
            &one_bill(&e, "2026-Q3", &BillInputs::default()),
            "property_fee"
        )
        .amount,
        m("696.27")
    );
    let mut s = s;
    s.items[0].rounding_point = RoundingPoint::PerLine;
    let e = Estate::load(s, vec![unit("1-101", "high_rise", "98.76", json!({}))]).unwrap();
    assert_eq!(
        line(
            &one_bill(&e, "2026", &BillInputs::default()),
            "property_fee"
        )
        .amount,
        m("2645.78")
    );
}

#[test]
fn subscriptions_water_tiers_shared_and_usage() {
    let units = vec![
        unit(
            "1-101",
            "high_rise",
            "98.76",
            json!({"subscriptions": [
            {"item": "parking_rent", "from": "2026-09-10", "note": "车位 B2-017"}]}),
        ),
        unit("1-102", "high_rise", "120.50", json!({})),
        unit("V-01", "villa", "143.20", json!({})),
    ];
    let e = Estate::load(schedule(json!({})), units).unwrap();
    let inputs: BillInputs = serde_json::from_value(json!({
        "readings": [{"unit": "1-101", "item": "water", "date": "2026-09-30",
                      "previous": "1234", "current": "1264", "year_to_date": "170"}],
        "usage": [{"unit": "V-01", "item": "housekeeping", "date": "2026-09-12", "quantity": "2.5"}],
        "shared": [{"item": "lift_power", "amount": "1000.00"}]
    }))
    .unwrap();
    let bills = e.bill(p("2026-09"), &inputs, None).unwrap();
    // Parking from the 10th: 300 × 21/30 = 210.00.
    assert_eq!(line(&bills[0], "parking_rent").amount, m("210.00"));
    // Water: 30 m³ after 170 this year: 10 × 5.00 + 20 × 7.00 = 190.00.
    let w = line(&bills[0], "water");
    assert_eq!(w.amount, m("190.00"));
    assert_eq!(w.trace.tiers.len(), 2);
    // Lift power 1000.00 by area 98.76 : 120.50 : 143.20 → 272.47, 332.45, 395.08.
    let shares: Vec<_> = bills.iter().map(|b| line(b, "lift_power").amount).collect();
    assert_eq!(shares, [m("272.47"), m("332.45"), m("395.08")]);
    // Housekeeping 2.5 h × 50.00 = 125.00; villa property fee 143.20 × 4.80 = 687.36.
    assert_eq!(line(&bills[2], "housekeeping").amount, m("125.00"));
    assert_eq!(line(&bills[2], "property_fee").amount, m("687.36"));
    // 1-101: 232.09 + 210.00 + 190.00 + 272.47 = 904.56.
    assert_eq!(bills[0].total, m("904.56"));
    // The compact run gives the same lines in the same order.
    let mut compact = Vec::new();
    let total = e.bill_compact(p("2026-09"), &inputs, &mut compact).unwrap();
    let traced: Vec<_> = bills
        .iter()
        .flat_map(|b| {
            b.lines
                .iter()
                .map(move |l| (b.unit.clone(), l.item.clone(), l.amount))
        })
        .collect();
    let flat: Vec<_> = compact
        .iter()
        .map(|c| {
            (
                e.units()[c.unit as usize].id.clone(),
                e.schedule().items[usize::from(c.item)].code.clone(),
                c.amount,
            )
        })
        .collect();
    assert_eq!(flat, traced);
    assert_eq!(total, Money::sum(bills.iter().map(|b| b.total)).unwrap());
}

#[test]
fn refusals_name_unit_item_and_field() {
    // Overlapping rates.
    let mut s = schedule(json!({}));
    s.rates.push(serde_json::from_value(json!(
        {"item": "property_fee", "unit_types": ["high_rise"], "from": "2026-01-01", "price": "2.60"})).unwrap());
    let e = Estate::load(s, vec![]).unwrap_err();
    assert_eq!(e.code(), "overlapping_rates");
    assert_eq!(
        e.to_string(),
        "item property_fee, unit type high_rise: rates 2020-01-01.. and 2026-01-01.. overlap"
    );
    // A period not covered: the rate ends on 2026-09-20.
    let mut s = schedule(json!({}));
    s.rates[0].to = Some(NaiveDate::from_ymd_opt(2026, 9, 20).unwrap());
    let e = Estate::load(s, vec![unit("1-101", "high_rise", "98.76", json!({}))]).unwrap();
    let err = e
        .bill(p("2026-09"), &BillInputs::default(), None)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "unit 1-101, item property_fee: no rate for unit type high_rise on 2026-09-21"
    );
    let mut out = vec![CompactLine {
        unit: 9,
        item: 9,
        amount: Money::ZERO,
    }];
    assert!(e
        .bill_compact(p("2026-09"), &BillInputs::default(), &mut out)
        .is_err());
    assert!(out.is_empty(), "nothing half-computed");
    // Negative area.
    let err = Estate::load(
        schedule(json!({})),
        vec![unit("1-101", "high_rise", "-1", json!({}))],
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "unit 1-101, field units[0].building_area: -1: an area is not negative and has at most 4 decimals");
    // A reading going backwards.
    let e = Estate::load(
        schedule(json!({})),
        vec![unit("1-101", "high_rise", "98.76", json!({}))],
    )
    .unwrap();
    let inputs = BillInputs {
        readings: vec![Reading {
            unit: "1-101".into(),
            item: "water".into(),
            date: NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(),
            previous: "1264".parse().unwrap(),
            current: "1234".parse().unwrap(),
            wraps_at: None,
            replaced: None,
            year_to_date: Some(Decimal::ZERO),
        }],
        ..BillInputs::default()
    };
    assert_eq!(
        e.bill(p("2026-09"), &inputs, None).unwrap_err().code(),
        "reading_backwards"
    );
    // Annual tiers need the year to date.
    let mut inputs = inputs;
    inputs.readings[0].current = "1300".parse().unwrap();
    inputs.readings[0].year_to_date = None;
    let err = e.bill(p("2026-09"), &inputs, None).unwrap_err();
    assert_eq!(err.to_string(), "unit 1-101, item water, field readings[0].year_to_date: required: the item's tiers have annual bounds");
    // Usage for an unknown unit.
    let inputs = BillInputs {
        usage: vec![Usage {
            unit: "9-999".into(),
            item: "housekeeping".into(),
            date: NaiveDate::from_ymd_opt(2026, 9, 3).unwrap(),
            quantity: Decimal::from_int(1),
            note: None,
        }],
        ..BillInputs::default()
    };
    let err = e.bill(p("2026-09"), &inputs, None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "unit 9-999, item housekeeping, field usage[0].unit: unknown unit \"9-999\""
    );
}

#[test]
fn overflow_and_negative_amounts_are_named() {
    // 10^12 m² × 10^8 per m² a month does not fit: an overflow naming the unit and item.
    let mut s = schedule(json!({}));
    s.rates[0].price = Some("99999999.99999999".parse().unwrap());
    let e = Estate::load(
        s,
        vec![unit("1-101", "high_rise", "999999999999.9999", json!({}))],
    )
    .unwrap();
    let err = e
        .bill(p("2026-09"), &BillInputs::default(), None)
        .unwrap_err();
    assert_eq!(err.code(), "overflow");
    assert_eq!(
        err.to_string(),
        "unit 1-101, item property_fee, field amount: overflow"
    );
    let mut out = Vec::new();
    assert_eq!(
        e.bill_compact(p("2026-09"), &BillInputs::default(), &mut out)
            .unwrap_err()
            .code(),
        "overflow"
    );
    // A negative rate, a negative shared amount.
    let mut s = schedule(json!({}));
    s.rates[2].price = Some("-300".parse().unwrap());
    let err = Estate::load(s, vec![]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "item parking_rent, field rates[2].price: -300: a rate is not negative and has at most 8 decimals"
    );
    let e = Estate::load(
        schedule(json!({})),
        vec![unit("1-101", "high_rise", "98.76", json!({}))],
    )
    .unwrap();
    let inputs: BillInputs =
        serde_json::from_value(json!({"shared": [{"item": "lift_power", "amount": "-1.00"}]}))
            .unwrap();
    let err = e.bill(p("2026-09"), &inputs, None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "item lift_power, field shared[0].amount: must not be negative"
    );
}

#[test]
fn a_unit_named_twice_in_only_is_refused() {
    // Billing 1-101 twice would count its fee twice in the run's total.
    let e = Estate::load(
        schedule(json!({})),
        vec![
            unit("1-101", "high_rise", "98.76", json!({})),
            unit("1-102", "high_rise", "100", json!({})),
        ],
    )
    .unwrap();
    let only = ["1-101".to_owned(), "1-102".to_owned(), "1-101".to_owned()];
    let err = e
        .bill(p("2026-09"), &BillInputs::default(), Some(&only))
        .unwrap_err();
    assert_eq!(err.code(), "duplicate_code");
    assert!(err.to_string().contains("only[2]"), "{err}");
    let bills = e
        .bill(p("2026-09"), &BillInputs::default(), Some(&only[..2]))
        .unwrap();
    assert_eq!(bills.len(), 2);
}
