//! Meter readings as columns (`fee.bill_estate` with `"readings":{…}`) against the same
//! readings as rows: the same response, byte for byte — lines, totals and errors — whether
//! the columns name units by id or by index and give whole readings as integers or strings.

use proptest::prelude::*;
use serde_json::{json, Value};
use wuye_core::contract::{Engine, Status};
use wuye_core::fee::meter::{ColumnUnit, ReadingColumns};
use wuye_core::fee::{BillInputs, Estate, Schedule, Unit};

const UNITS: usize = 5;

fn schedule() -> Value {
    json!({
        "unit_types": [{"code": "flat", "name": "住宅"}],
        "items": [
            {"code": "property_fee", "name": "物业服务费", "formula": {"kind": "area"}},
            {"code": "water", "name": "水费", "formula": {"kind": "metered", "tier_bounds": "annual"}},
            {"code": "power", "name": "电费", "formula": {"kind": "metered"}, "rounding_point": "per_line"}
        ],
        "rates": [
            {"item": "property_fee", "from": "2024-01-01", "price": "2.35"},
            {"item": "water", "from": "2024-01-01", "to": "2026-09-14",
             "tiers": [{"up_to": "180", "price": "5.00"}, {"up_to": "260", "price": "7.00"}, {"price": "9.00"}]},
            {"item": "water", "from": "2026-09-15", "tiers": [{"up_to": "180", "price": "5.50"}, {"price": "8.25"}]},
            {"item": "power", "from": "2024-01-01", "price": "0.5883"}
        ]
    })
}

fn units() -> Value {
    Value::Array(
        (0..UNITS)
            .map(|k| json!({"id": format!("U{k}"), "unit_type": "flat", "building_area": format!("{}.{:02}", 60 + k * 7, k * 13)}))
            .collect(),
    )
}

fn engine() -> Engine {
    let mut e = Engine::new(br#"{"v":1}"#).unwrap();
    let load = json!({"v": 1, "op": "fee.load_estate", "args": {"schedule": schedule(), "units": units()}});
    let r = e.handle(load.to_string().as_bytes());
    assert_eq!(r.status, Status::Ok);
    e
}

/// A reading as the test generates it: unit (UNITS is an unknown one), item (2 is the area
/// item: wrong kind), readings in thousandths with a scale, and the optional fields.
#[derive(Debug, Clone)]
struct Gen {
    unit: usize,
    item: usize,
    day: u32,
    previous: (i64, u32),
    current: (i64, u32),
    wraps_at: Option<i64>,
    replaced: Option<(i64, i64)>,
    year_to_date: Option<i64>,
}

fn gen() -> impl Strategy<Value = Gen> {
    // Mostly forward readings (a few backwards, a few over-precise: scale 4).
    let readings = (0i64..2_000_000, 0u32..4, 0i64..60_000, 0usize..20).prop_map(
        |(prev, scale, delta, kind)| {
            let scale = if kind == 0 { 4 } else { scale.min(3) };
            let cur = if kind == 1 { prev / 2 } else { prev + delta };
            ((prev, scale), (cur, scale))
        },
    );
    (
        (
            prop::sample::select(
                (0..UNITS)
                    .chain([UNITS])
                    .chain(0..UNITS)
                    .collect::<Vec<_>>(),
            ),
            0usize..16,
            1u32..31,
        ),
        readings,
        (
            prop::option::weighted(0.1, 1_000i64..3_000),
            prop::option::weighted(0.1, (0i64..5_000, 0i64..1_000)),
            prop::option::weighted(0.7, 0i64..400_000),
        ),
    )
        .prop_map(
            |((unit, item, day), (previous, current), (wraps_at, replaced, year_to_date))| {
                // Mostly water, some power, rarely the area item.
                let item = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 2][item];
                // Power has no annual tiers: a year-to-date figure there is refused, so give
                // it one only now and then.
                let year_to_date = year_to_date.filter(|y| item != 1 || y % 10 == 0);
                Gen {
                    unit,
                    item,
                    day,
                    previous,
                    current,
                    wraps_at,
                    replaced,
                    year_to_date,
                }
            },
        )
}

const ITEMS: [&str; 3] = ["water", "power", "property_fee"];

/// `mantissa / 10^scale` as a decimal string (scale up to 3 stays within the meter's
/// precision; 4 is refused at billing).
fn dec((mantissa, scale): (i64, u32)) -> String {
    wuye_core::money::Decimal::new(i128::from(mantissa), scale)
        .unwrap()
        .to_string()
}

/// A whole number as a JSON integer, anything else as its decimal string.
fn num((mantissa, scale): (i64, u32)) -> Value {
    if scale == 0 {
        json!(mantissa)
    } else {
        json!(dec((mantissa, scale)))
    }
}

fn row(g: &Gen) -> Value {
    let mut r = json!({
        "unit": format!("U{}", g.unit),
        "item": ITEMS[g.item],
        "date": format!("2026-09-{:02}", g.day),
        "previous": dec(g.previous),
        "current": dec(g.current),
    });
    if let Some(w) = g.wraps_at {
        r["wraps_at"] = json!(w.to_string());
    }
    if let Some(x) = replaced(g) {
        r["replaced"] = x;
    }
    if let Some(y) = g.year_to_date {
        r["year_to_date"] = json!(dec((y, 3)));
    }
    r
}

/// A replacement: the old meter's final reading `extra` thousandths past the previous one
/// (mostly valid), the new meter's initial reading.
fn replaced(g: &Gen) -> Option<Value> {
    g.replaced.map(|(extra, initial)| {
        let prev = wuye_core::money::Decimal::new(i128::from(g.previous.0), g.previous.1).unwrap();
        let old_final = prev
            .checked_add(wuye_core::money::Decimal::new(i128::from(extra), 3).unwrap())
            .unwrap();
        json!({"old_final": old_final.to_string(), "new_initial": dec((initial, 3))})
    })
}

/// The columns by hand (not through `ReadingColumns`): units by index and whole readings as
/// integers when `by_index`, else ids and strings; one item and date when all agree.
fn columns(gs: &[Gen], by_index: bool) -> Value {
    let col = |f: &dyn Fn(&Gen) -> Value| Value::Array(gs.iter().map(f).collect());
    let one = |f: &dyn Fn(&Gen) -> Value| {
        let c = col(f);
        match c
            .as_array()
            .and_then(|a| a.first().filter(|x| a.iter().all(|y| y == *x)))
        {
            Some(x) => x.clone(),
            None => c,
        }
    };
    let mut c = json!({
        "unit": col(&|g| if by_index { json!(g.unit) } else { json!(format!("U{}", g.unit)) }),
        "item": one(&|g| json!(ITEMS[g.item])),
        "date": one(&|g| json!(format!("2026-09-{:02}", g.day))),
        "previous": col(&|g| if by_index { num(g.previous) } else { json!(dec(g.previous)) }),
        "current": col(&|g| if by_index { num(g.current) } else { json!(dec(g.current)) }),
    });
    if gs.iter().any(|g| g.wraps_at.is_some()) {
        c["wraps_at"] = col(&|g| {
            g.wraps_at.map_or(Value::Null, |w| {
                if by_index {
                    json!(w)
                } else {
                    json!(w.to_string())
                }
            })
        });
    }
    if gs.iter().any(|g| g.replaced.is_some()) {
        c["replaced"] = col(&|g| replaced(g).unwrap_or(Value::Null));
    }
    if gs.iter().any(|g| g.year_to_date.is_some()) {
        c["year_to_date"] = col(&|g| g.year_to_date.map_or(Value::Null, |y| json!(dec((y, 3)))));
    }
    c
}

fn bill(e: &mut Engine, readings: Value) -> (Status, String) {
    let req = json!({"v": 1, "op": "fee.bill_estate", "args": {"period": "2026-09", "readings": readings,
        "shared": []}});
    let r = e.handle(req.to_string().as_bytes());
    (r.status, String::from_utf8(r.body).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Rows, columns by id and columns by index give the same response, byte for byte.
    #[test]
    fn columns_bill_as_rows(gs in prop::collection::vec(gen(), 0..12)) {
        let mut e = engine();
        let rows = bill(&mut e, Value::Array(gs.iter().map(row).collect()));
        let by_id = bill(&mut e, columns(&gs, false));
        prop_assert_eq!(&by_id, &rows);
        // An unknown unit is named by its id in rows and by its index in columns.
        if gs.iter().all(|g| g.unit < UNITS) {
            let by_index = bill(&mut e, columns(&gs, true));
            prop_assert_eq!(&by_index, &rows);
        }
        // And in Rust: the same lines and total from `bill_compact_columns`.
        let estate = Estate::load(
            serde_json::from_value::<Schedule>(schedule()).unwrap(),
            serde_json::from_value::<Vec<Unit>>(units()).unwrap(),
        ).unwrap();
        let inputs: BillInputs = serde_json::from_value(json!({"readings": gs.iter().map(row).collect::<Vec<_>>()})).unwrap();
        let cols = ReadingColumns::from_rows(&inputs.readings);
        for (j, r) in inputs.readings.iter().enumerate() {
            prop_assert_eq!(cols.unit(j), ColumnUnit::Id(&r.unit));
        }
        let period = "2026-09".parse().unwrap();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let ra = estate.bill_compact(period, &inputs, &mut a).map_err(|e| e.to_string());
        let rb = estate
            .bill_compact_columns(period, &BillInputs::default(), &cols, &mut b)
            .map_err(|e| e.to_string());
        // The contract's rows (read straight into columns) bill as `Vec<Reading>` rows do.
        match &ra {
            Ok(total) => {
                let body: Value = serde_json::from_str(&rows.1).unwrap();
                let lines = &body["result"]["lines"];
                let got: Vec<(u64, u64, String)> = (0..a.len())
                    .map(|k| (lines["unit"][k].as_u64().unwrap(), lines["item"][k].as_u64().unwrap(),
                              lines["amount"][k].as_str().unwrap().to_owned()))
                    .collect();
                let want: Vec<(u64, u64, String)> = a.iter()
                    .map(|l| (u64::from(l.unit), u64::from(l.item), l.amount.to_string()))
                    .collect();
                prop_assert_eq!(got, want);
                prop_assert_eq!(lines["unit"].as_array().unwrap().len(), a.len());
                prop_assert_eq!(body["result"]["total"].as_str().unwrap(), total.to_string());
            }
            Err(e) => {
                let body: Value = serde_json::from_str(&rows.1).unwrap();
                prop_assert_eq!(body["error"]["message"].as_str().unwrap(), e.as_str());
            }
        }
        prop_assert_eq!(ra, rb);
        prop_assert_eq!(a, b);
    }
}

/// The worked example of docs/contract.md (fee.bill_estate), as columns in both forms.
#[test]
fn the_reference_example_as_columns() {
    let mut e = Engine::new(br#"{"v":1}"#).unwrap();
    let load = r#"{"v":1,"op":"fee.load_estate","args":{
 "schedule":{"unit_types":[{"code":"high_rise","name":"高层"},{"code":"villa","name":"别墅"}],
   "items":[{"code":"property_fee","name":"物业服务费","formula":{"kind":"area"},"state_discounts":{"vacant":"30"}},
            {"code":"water","name":"水费","formula":{"kind":"metered"}}],
   "rates":[{"item":"property_fee","unit_types":["high_rise"],"from":"2020-01-01","price":"2.35"},
            {"item":"property_fee","unit_types":["villa"],"from":"2020-01-01","price":"4.80"},
            {"item":"water","from":"2020-01-01","tiers":[{"up_to":"15","price":"3.50"},{"price":"4.90"}]}]},
 "units":[{"id":"1-101","unit_type":"high_rise","building_area":"98.76"},
          {"id":"1-102","unit_type":"high_rise","building_area":"120.50","states":[{"from":"2025-06-01","state":"vacant"}]},
          {"id":"V-01","unit_type":"villa","building_area":"210"}]}}"#;
    assert_eq!(e.handle(load.as_bytes()).status, Status::Ok);
    let expected = r#"{"v":1,"ok":true,"result":{"period":"2026-09","lines":{"unit":[0,0,1,2,2],"item":[0,1,0,0,1],"amount":["232.09","67.20","198.22","1008.00","126.00"]},"total":"1631.51"}}"#;
    for readings in [
        r#"{"unit":[0,2],"item":"water","date":"2026-09-30","previous":[100,500],"current":[118,530]}"#,
        r#"{"unit":["1-101","V-01"],"item":["water","water"],"date":["2026-09-30","2026-09-30"],"previous":["100","500"],"current":["118","530.000"]}"#,
        // Readings out of unit order are billed in unit order, as rows are.
        r#"{"unit":[2,0],"item":"water","date":"2026-09-30","previous":[500,100],"current":[530,118]}"#,
    ] {
        let req = format!(
            r#"{{"v":1,"op":"fee.bill_estate","args":{{"period":"2026-09","readings":{readings}}}}}"#
        );
        let r = e.handle(req.as_bytes());
        assert_eq!(String::from_utf8(r.body).unwrap(), expected, "{readings}");
    }
    // Refusals name the column and the entry, or the reading and its unit.
    for (readings, status, code, message) in [
        (
            r#"{"unit":[0,3],"item":"water","date":"2026-09-30","previous":[100,500],"current":[118,530]}"#,
            Status::Refused,
            "unknown_code",
            r#"item water, field readings[1].unit: unknown unit index "3""#,
        ),
        (
            r#"{"unit":[0,2],"item":"water","date":"2026-09-30","previous":[100,500],"current":[118,499]}"#,
            Status::Refused,
            "reading_backwards",
            "unit V-01, item water: reading of 2026-09-30 goes backwards (500 → 499) without a meter replacement or rollover",
        ),
        (
            r#"{"unit":[0,2],"item":"water","date":"2026-09-30","previous":[100,500.5],"current":[118,530]}"#,
            Status::InvalidRequest,
            "wrong_type",
            "fee.bill_estate args: invalid type: floating point `500.5`, expected a decimal string or an integer at readings.previous[1]",
        ),
        (
            r#"{"unit":[0,2],"item":"water","date":"2026-09-30","previous":[100,500],"current":[118]}"#,
            Status::InvalidRequest,
            "invalid_value",
            "fee.bill_estate args: readings: column `current` has 1 entries, `unit` has 2",
        ),
        (
            r#"{"unit":[0,2],"item":"water","date":"2026-09-30","previous":[100,500]}"#,
            Status::InvalidRequest,
            "missing_field",
            "fee.bill_estate args: missing field `current`",
        ),
        (
            r#"{"unit":[0,2],"item":"water","date":"2026-09-30","previous":[100,500],"current":[118,530],"note":"x"}"#,
            Status::InvalidRequest,
            "unknown_field",
            "fee.bill_estate args: unknown field `note`",
        ),
        (
            r#"{"unit":[0,2],"item":"water","date":"2026-09-30","previous":[100,"5,00"],"current":[118,530]}"#,
            Status::InvalidRequest,
            "invalid_value",
            "fee.bill_estate args: readings.previous[1]: ",
        ),
        (
            r#"null"#,
            Status::InvalidRequest,
            "wrong_type",
            "fee.bill_estate args: invalid type: null, expected an array of readings or an object of reading columns",
        ),
    ] {
        let req = format!(r#"{{"v":1,"op":"fee.bill_estate","args":{{"period":"2026-09","readings":{readings}}}}}"#);
        let r = e.handle(req.as_bytes());
        let body: Value = serde_json::from_slice(&r.body).unwrap();
        assert_eq!(r.status, status, "{readings}: {body}");
        assert_eq!(body["error"]["code"], code, "{readings}: {body}");
        let m = body["error"]["message"].as_str().unwrap();
        assert!(m.contains(message), "{readings}: {m}");
    }
}

/// How often the generated readings bill without an error (the property above must see
/// both outcomes often).
#[test]
fn generated_readings_are_mostly_valid() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = prop::collection::vec(gen(), 0..12);
    let mut e = engine();
    let ok = (0..200)
        .filter(|_| {
            let gs = strategy.new_tree(&mut runner).unwrap().current();
            bill(&mut e, Value::Array(gs.iter().map(row).collect())).0 == Status::Ok
        })
        .count();
    assert!((40..=180).contains(&ok), "{ok} of 200 ok");
}
