//! The internally tagged enums (`Command` by `step`, `Change` by `type`, `Stage` by `stage`,
//! `Closure` by `by`, `CallbackOutcome` by `outcome`, `Phase` by `phase`, `CalendarError` by
//! `error`; fees: `Formula` by `kind`, `AccountCommand` and `AccountEvent` by `type`) are read by
//! a hand-written reader (`crate::wire`, smaller in WASM than serde's
//! derive). Here each is compared with serde's derive on the same enum (the copies in
//! `derived` below, with the attributes the enums had): on generated texts — every variant, in
//! object and sequence form, with members removed, repeated, reordered, unknown, or of every
//! JSON type, the tag missing, repeated, unknown or not a string, nested enums and structs
//! mutated the same way, inside other values and with whitespace — both must give the same
//! value or the same error message, position included.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use wuye_core::desk::request::ClockKind;
use wuye_core::desk::request::{
    AspectScores, CallbackOutcome, Change, Closure, Command, HoldReason, NewRequest, Stage,
};
use wuye_core::desk::role::Role;
use wuye_core::desk::sla::Phase;
use wuye_core::fee::account::{Allocation, NewCharge};
use wuye_core::fee::parking::ParkingTariff;
use wuye_core::fee::schedule::{Applies, AreaBasis, ShareBasis, TierBounds, UsagePer};
use wuye_core::fee::{AccountCommand, AccountEvent, Formula};
use wuye_core::money::Money;
use wuye_core::{CalendarError, Instant};

// ---- the enums as serde derives them (same names, so the messages name the same types) ----

mod derived {
    use super::*;

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(tag = "by", rename_all = "snake_case", deny_unknown_fields)]
    pub enum Closure {
        Satisfied {
            rating: u8,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            comment: Option<String>,
        },
        Reply,
        Unreachable {
            reason: String,
        },
        WithoutWork {
            reason: String,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            duplicate_of: Option<String>,
        },
    }

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(tag = "stage", rename_all = "snake_case", deny_unknown_fields)]
    pub enum Stage {
        Registered,
        Dispatched {
            department: String,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            assignee: Option<String>,
        },
        Accepted {
            department: String,
            assignee: String,
        },
        InProgress {
            department: String,
            assignee: String,
            arrived_at: Instant,
        },
        OnHold {
            department: String,
            assignee: String,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            arrived_at: Option<Instant>,
            reason: HoldReason,
            since: Instant,
        },
        Completed {
            department: String,
            assignee: String,
        },
        Replied {
            department: String,
        },
        Closed {
            closure: Closure,
        },
        Cancelled {
            reason: String,
        },
    }

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(tag = "outcome", rename_all = "snake_case", deny_unknown_fields)]
    pub enum CallbackOutcome {
        Rated {
            rating: u8,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            comment: Option<String>,
            #[serde(default)]
            aspects: AspectScores,
        },
        Unreachable,
    }

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(tag = "step", rename_all = "snake_case", deny_unknown_fields)]
    pub enum Command {
        Dispatch {
            department: String,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            assignee: Option<String>,
        },
        Accept,
        Arrive,
        Hold {
            reason: HoldReason,
        },
        Resume,
        Complete {
            #[serde(default, skip_serializing_if = "Option::is_none")]
            note: Option<String>,
        },
        Reply {
            #[serde(default, skip_serializing_if = "Option::is_none")]
            note: Option<String>,
        },
        Callback(CallbackOutcome),
        CloseUnreachable {
            reason: String,
        },
        Transfer {
            department: String,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            assignee: Option<String>,
            reason: String,
        },
        Return {
            reason: String,
        },
        Cancel {
            reason: String,
        },
        CloseWithoutWork {
            reason: String,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            duplicate_of: Option<String>,
        },
    }

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
    pub enum Change {
        Registered {
            request: NewRequest,
        },
        Dispatched {
            department: String,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            assignee: Option<String>,
        },
        Accepted {
            assignee: String,
        },
        Arrived,
        Held {
            reason: HoldReason,
        },
        Resumed,
        Completed {
            #[serde(default, skip_serializing_if = "Option::is_none")]
            note: Option<String>,
        },
        Replied {
            #[serde(default, skip_serializing_if = "Option::is_none")]
            note: Option<String>,
        },
        CallbackRated {
            rating: u8,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            comment: Option<String>,
            #[serde(default)]
            aspects: AspectScores,
            satisfied: bool,
        },
        Reopened {
            count: u32,
        },
        CallbackUnreachable {
            attempt: u32,
        },
        ClosedUnreachable {
            reason: String,
        },
        Transferred {
            from_department: String,
            department: String,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            assignee: Option<String>,
            reason: String,
        },
        Returned {
            reason: String,
        },
        Cancelled {
            reason: String,
        },
        ClosedWithoutWork {
            reason: String,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            duplicate_of: Option<String>,
        },
        Escalated {
            cycle: u32,
            clock: ClockKind,
            percent: u32,
            notify: Role,
            due_at: Instant,
        },
    }

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
    pub enum Formula {
        Area {
            #[serde(default)]
            basis: AreaBasis,
        },
        Fixed {
            #[serde(default)]
            applies: Applies,
        },
        Metered {
            #[serde(default)]
            tier_bounds: TierBounds,
        },
        Shared {
            #[serde(default)]
            basis: ShareBasis,
        },
        Usage {
            #[serde(default)]
            per: UsagePer,
        },
        OneOff {
            #[serde(default)]
            deposit: bool,
        },
        Parking {
            tariff: ParkingTariff,
        },
    }

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
    pub enum AccountCommand {
        PostCharges {
            date: NaiveDate,
            charges: Vec<NewCharge>,
        },
        Pay {
            receipt: String,
            date: NaiveDate,
            amount: Money,
        },
        Deposit {
            receipt: String,
            date: NaiveDate,
            amount: Money,
        },
        Refund {
            refund: String,
            receipt: String,
            date: NaiveDate,
            amount: Money,
        },
        CreditNote {
            note: String,
            charge: String,
            date: NaiveDate,
            amount: Money,
            reason: String,
        },
        WaiveLateFee {
            charge: String,
            date: NaiveDate,
            reason: String,
        },
        ApplyPrepaid {
            date: NaiveDate,
        },
    }

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
    pub enum AccountEvent {
        ChargesPosted {
            date: NaiveDate,
            charges: Vec<NewCharge>,
        },
        PaymentReceived {
            receipt: String,
            date: NaiveDate,
            amount: Money,
            allocations: Vec<Allocation>,
            to_prepaid: Money,
        },
        Deposited {
            receipt: String,
            date: NaiveDate,
            amount: Money,
        },
        PrepaidApplied {
            date: NaiveDate,
            allocations: Vec<Allocation>,
        },
        Refunded {
            refund: String,
            receipt: String,
            date: NaiveDate,
            amount: Money,
            from_prepaid: Money,
            reversed: Vec<Allocation>,
        },
        Credited {
            note: String,
            charge: String,
            date: NaiveDate,
            amount: Money,
            reason: String,
            applied: Money,
            to_prepaid: Money,
        },
        LateFeeWaived {
            charge: String,
            date: NaiveDate,
            amount: Money,
            reason: String,
        },
    }

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(tag = "error", rename_all = "snake_case", deny_unknown_fields)]
    pub enum CalendarError {
        YearNotCovered { year: i32 },
        InvalidDuration { seconds: i64 },
        ReversedRange { from: String, to: String },
        InvalidSpec { reason: String },
    }

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(tag = "phase", rename_all = "snake_case", deny_unknown_fields)]
    pub enum Phase {
        NotStarted,
        Running { from: i64 },
        Paused { since: Instant },
        Stopped { at: Instant },
        Voided { at: Instant },
    }
}

// ---- texts --------------------------------------------------------------------------------

/// An object as members of raw JSON text, so that order and repetition are free.
#[derive(Clone)]
struct Obj(Vec<(String, String)>);

impl Obj {
    fn text(&self) -> String {
        let members: Vec<String> = self
            .0
            .iter()
            .map(|(k, v)| format!("{}:{v}", serde_json::to_string(k).unwrap()))
            .collect();
        format!("{{{}}}", members.join(","))
    }
    fn seq(&self) -> String {
        let items: Vec<&str> = self.0.iter().map(|(_, v)| v.as_str()).collect();
        format!("[{}]", items.join(","))
    }
}

fn obj(members: &[(&str, &str)]) -> Obj {
    Obj(members
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect())
}

const VALUES: [&str; 21] = [
    "null",
    "true",
    "false",
    "0",
    "1",
    "-1",
    "300",
    "4294967296",
    "18446744073709551616",
    "1.5",
    "-0.0",
    "1e400",
    "\"\"",
    "\"x\"",
    "\"a\\\"b\"",
    "\"2026-03-02T09:00:00+08:00\"",
    "\"2026-03-02T09:00:00\"",
    "[]",
    "[1,\"a\"]",
    "{}",
    "{\"a\":1}",
];

/// Texts for the member at an index (a nested enum or struct, mutated in its turn).
type Nested = (usize, Vec<String>);

/// Every text derived from one valid object (the tag first): as is, as a sequence (with an
/// element short and one over), with each member removed, repeated, moved to the end, given
/// each of VALUES, with unknown members, and the tag changed.
fn mutations(base: &Obj, nested: &[Nested]) -> Vec<String> {
    let mut out = vec![base.text(), base.seq()];
    let n = base.0.len();
    for cut in 0..n {
        let mut o = base.clone();
        o.0.truncate(cut);
        out.push(o.seq());
    }
    let mut over = base.clone();
    over.0.push(("extra".into(), "7".into()));
    out.push(over.seq());
    out.push(over.text());
    for i in 0..n {
        let mut o = base.clone();
        o.0.remove(i);
        out.push(o.text());
        let mut o = base.clone();
        o.0.insert(i + 1, base.0[i].clone());
        out.push(o.text());
        let mut o = base.clone();
        let m = o.0.remove(i);
        o.0.push(m);
        out.push(o.text());
        for v in VALUES {
            let mut o = base.clone();
            o.0[i].1 = v.to_string();
            out.push(o.text());
            out.push(o.seq());
            let mut o = base.clone();
            o.0.insert(i + 1, (base.0[i].0.clone(), v.to_string()));
            out.push(o.text());
        }
    }
    for (i, texts) in nested {
        for t in texts {
            let mut o = base.clone();
            o.0[*i].1 = t.clone();
            out.push(o.text());
            out.push(o.seq());
        }
    }
    let mut o = base.clone();
    o.0.insert(0, ("zz".into(), "1".into()));
    out.push(o.text());
    let mut o = base.clone();
    o.0.push(("zz".into(), "{\"deep\":[1,2,{\"x\":null}]}".into()));
    out.push(o.text());
    let mut o = base.clone();
    o.0[0].1 = "\"no_such_variant\"".into();
    out.push(o.text());
    out.push(o.seq());
    out
}

/// The bases of one enum: one object per variant, tag first, every member given, and the same
/// without the optional members.
fn bases(tag: &str, variants: &[(&str, &[(&str, &str)])]) -> Vec<Obj> {
    let mut out = Vec::new();
    for (name, members) in variants {
        let mut all = vec![(tag, format!("\"{name}\""))];
        all.extend(members.iter().map(|(k, v)| (*k, v.to_string())));
        out.push(Obj(all
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect()));
    }
    out
}

// ---- comparison ---------------------------------------------------------------------------

/// The outcome as text: the value's JSON, or the error with its position and category.
fn outcome<T: Serialize>(r: Result<T, serde_json::Error>) -> String {
    match r {
        Ok(v) => format!("ok {}", serde_json::to_string(&v).unwrap()),
        Err(e) => format!("error {:?}: {e}", e.classify()),
    }
}

/// In a struct between other members, with whitespace, and in a list.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Around<T> {
    a: u8,
    x: T,
    b: u8,
}

fn compare<Ours, Derived>(texts: &[String]) -> usize
where
    Ours: for<'de> Deserialize<'de> + Serialize,
    Derived: for<'de> Deserialize<'de> + Serialize,
{
    let mut checked = 0;
    for t in texts {
        let contexts = [
            t.clone(),
            format!("{{\"a\":1,\"x\":{t},\"b\":2}}"),
            format!("{{\n  \"a\": 1,\n  \"x\": {t} ,\n  \"b\": 2\n}}"),
            format!("{{\"x\":{t}  }}"),
            format!("[{t}, {t}]"),
        ];
        for (k, c) in contexts.iter().enumerate() {
            let (ours, derived) = match k {
                0 => (
                    outcome(serde_json::from_str::<Ours>(c)),
                    outcome(serde_json::from_str::<Derived>(c)),
                ),
                4 => (
                    outcome(serde_json::from_str::<Vec<Ours>>(c)),
                    outcome(serde_json::from_str::<Vec<Derived>>(c)),
                ),
                _ => (
                    outcome(serde_json::from_str::<Around<Ours>>(c)),
                    outcome(serde_json::from_str::<Around<Derived>>(c)),
                ),
            };
            assert_eq!(ours, derived, "reading {c}");
            checked += 1;
        }
        // Through serde_json's Value too (another deserializer than the text reader).
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(t) {
            assert_eq!(
                outcome(serde_json::from_value::<Ours>(v.clone())),
                outcome(serde_json::from_value::<Derived>(v)),
                "reading the value {t}"
            );
        }
    }
    checked
}

fn texts_of(bases: &[Obj], nested: &dyn Fn(&Obj) -> Vec<Nested>) -> Vec<String> {
    let mut texts = vec![
        "null".to_string(),
        "1".into(),
        "\"accept\"".into(),
        "[]".into(),
        "{}".into(),
        "[1]".into(),
        "[null]".into(),
        "{\"a\":1}".into(),
    ];
    for b in bases {
        texts.extend(mutations(b, &nested(b)));
    }
    texts
}

const T: &str = "\"2026-03-02T09:00:00+08:00\"";

fn hold_reasons() -> Vec<String> {
    [
        "\"waiting_for_parts\"",
        "\"waiting_for_owner\"",
        "\"other\"",
        "{\"other\":\"x\"}",
        "{\"other\":1}",
        "{\"other\":null}",
        "{\"waiting_for_parts\":null}",
        "{\"waiting_for_parts\":{}}",
        "{\"waiting_for_parts\":1}",
        "{\"other\":\"x\",\"other\":\"y\"}",
        "{}",
        "5",
        "[\"other\",\"x\"]",
        "\"nope\"",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn aspects() -> Vec<String> {
    [
        "{}",
        "{\"speed\":5}",
        "{\"speed\":5,\"speed\":4}",
        "{\"speed\":6,\"quality\":1}",
        "{\"speed\":\"5\"}",
        "{\"pace\":1}",
        "[1,2,3]",
        "[1]",
        "[1,2,3,4]",
        "null",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn closures() -> Vec<String> {
    let bases = bases(
        "by",
        &[
            ("satisfied", &[("rating", "5"), ("comment", "\"好\"")]),
            ("reply", &[]),
            ("unreachable", &[("reason", "\"r\"")]),
            (
                "without_work",
                &[("reason", "\"dup\""), ("duplicate_of", "\"R0\"")],
            ),
        ],
    );
    let mut out = Vec::new();
    for b in &bases {
        out.push(b.text());
        out.push(b.seq());
        let mut o = b.clone();
        o.0.push(("zz".into(), "1".into()));
        out.push(o.text());
        let mut o = b.clone();
        o.0.remove(0);
        out.push(o.text());
        if o.0.len() > 1 {
            let mut o = b.clone();
            o.0[1].1 = "\"x\"".into();
            out.push(o.text());
        }
    }
    out.push("\"reply\"".into());
    out.push("null".into());
    out
}

fn requests() -> Vec<String> {
    let base = obj(&[
        ("id", "\"R1\""),
        ("kind", "\"repair\""),
        ("priority", "\"normal\""),
        ("channel", "\"phone\""),
        ("location", "{\"unit\":\"3-1-502\"}"),
        ("reporter", "{\"kind\":\"owner\",\"name\":\"王\"}"),
        ("description", "\"漏水\""),
    ]);
    let mut out = vec![base.text(), base.seq()];
    for i in 0..base.0.len() {
        let mut o = base.clone();
        o.0.remove(i);
        out.push(o.text());
        let mut o = base.clone();
        o.0.insert(i, base.0[i].clone());
        out.push(o.text());
        for v in [
            "null",
            "1",
            "\"x\"",
            "{}",
            "[]",
            "{\"unit\":1}",
            "{\"a\":1,\"b\":2}",
        ] {
            let mut o = base.clone();
            o.0[i].1 = v.to_string();
            out.push(o.text());
        }
    }
    let mut o = base.clone();
    o.0.push(("zz".into(), "1".into()));
    out.push(o.text());
    for r in [
        "{\"kind\":\"anonymous\"}",
        "{\"kind\":\"owner\",\"kind\":\"tenant\"}",
        "{\"kind\":\"owner\",\"phone\":5}",
        "{\"name\":\"x\"}",
        "[\"owner\",\"n\",\"p\"]",
    ] {
        let mut o = base.clone();
        o.0[5].1 = r.to_string();
        out.push(o.text());
    }
    for l in [
        "{\"common_area\":\"大堂\"}",
        "\"unit\"",
        "{\"unit\":\"a\",\"common_area\":\"b\"}",
    ] {
        let mut o = base.clone();
        o.0[4].1 = l.to_string();
        out.push(o.text());
    }
    out
}

#[test]
fn closure_reads_as_derived() {
    let texts = texts_of(
        &bases(
            "by",
            &[
                ("satisfied", &[("rating", "5"), ("comment", "\"好\"")]),
                ("reply", &[]),
                ("unreachable", &[("reason", "\"r\"")]),
                (
                    "without_work",
                    &[("reason", "\"dup\""), ("duplicate_of", "\"R0\"")],
                ),
            ],
        ),
        &|_| Vec::new(),
    );
    let n = compare::<Closure, derived::Closure>(&texts);
    println!("{n} readings compared");
    assert!(n > 3_000);
}

#[test]
fn stage_reads_as_derived() {
    let texts = texts_of(
        &bases(
            "stage",
            &[
                ("registered", &[]),
                (
                    "dispatched",
                    &[("department", "\"eng\""), ("assignee", "\"w1\"")],
                ),
                (
                    "accepted",
                    &[("department", "\"eng\""), ("assignee", "\"w1\"")],
                ),
                (
                    "in_progress",
                    &[
                        ("department", "\"eng\""),
                        ("assignee", "\"w1\""),
                        ("arrived_at", T),
                    ],
                ),
                (
                    "on_hold",
                    &[
                        ("department", "\"eng\""),
                        ("assignee", "\"w1\""),
                        ("arrived_at", T),
                        ("reason", "{\"other\":\"钥匙\"}"),
                        ("since", T),
                    ],
                ),
                (
                    "completed",
                    &[("department", "\"eng\""), ("assignee", "\"w1\"")],
                ),
                ("replied", &[("department", "\"eng\"")]),
                ("closed", &[("closure", "{\"by\":\"reply\"}")]),
                ("cancelled", &[("reason", "\"r\"")]),
            ],
        ),
        &|b| match b.0[0].1.as_str() {
            "\"on_hold\"" => vec![(4, hold_reasons())],
            "\"closed\"" => vec![(1, closures())],
            _ => Vec::new(),
        },
    );
    let n = compare::<Stage, derived::Stage>(&texts);
    println!("{n} readings compared");
    assert!(n > 9_000);
}

fn outcomes() -> Vec<(&'static str, &'static [(&'static str, &'static str)])> {
    vec![
        (
            "rated",
            &[
                ("rating", "4"),
                ("comment", "\"ok\""),
                ("aspects", "{\"speed\":5}"),
            ],
        ),
        ("unreachable", &[]),
    ]
}

#[test]
fn callback_outcome_reads_as_derived() {
    let texts = texts_of(&bases("outcome", &outcomes()), &|b| {
        if b.0[0].1 == "\"rated\"" {
            vec![(3, aspects())]
        } else {
            Vec::new()
        }
    });
    let n = compare::<CallbackOutcome, derived::CallbackOutcome>(&texts);
    println!("{n} readings compared");
    assert!(n > 1_800);
}

#[test]
fn command_reads_as_derived() {
    let mut texts = texts_of(
        &bases(
            "step",
            &[
                (
                    "dispatch",
                    &[("department", "\"eng\""), ("assignee", "\"w1\"")],
                ),
                ("accept", &[]),
                ("arrive", &[]),
                ("hold", &[("reason", "\"waiting_for_parts\"")]),
                ("resume", &[]),
                ("complete", &[("note", "\"换阀芯\"")]),
                ("reply", &[("note", "\"已回复\"")]),
                ("close_unreachable", &[("reason", "\"r\"")]),
                (
                    "transfer",
                    &[
                        ("department", "\"eng\""),
                        ("assignee", "\"w1\""),
                        ("reason", "\"r\""),
                    ],
                ),
                ("return", &[("reason", "\"r\"")]),
                ("cancel", &[("reason", "\"r\"")]),
                (
                    "close_without_work",
                    &[("reason", "\"dup\""), ("duplicate_of", "\"R0\"")],
                ),
            ],
        ),
        &|b| {
            if b.0[0].1 == "\"hold\"" {
                vec![(1, hold_reasons())]
            } else {
                Vec::new()
            }
        },
    );
    // The callback step carries its outcome's members (a newtype variant).
    for (outcome, members) in outcomes() {
        let mut all = vec![("step", "\"callback\""), ("outcome", "")];
        all.extend(members.iter().copied());
        let mut o = obj(&all);
        o.0[1].1 = format!("\"{outcome}\"");
        let nested = if outcome == "rated" {
            vec![(4, aspects())]
        } else {
            Vec::new()
        };
        texts.extend(mutations(&o, &nested));
    }
    let n = compare::<Command, derived::Command>(&texts);
    println!("{n} readings compared");
    assert!(n > 11_000);
}

#[test]
fn change_reads_as_derived() {
    let texts = texts_of(
        &bases(
            "type",
            &[
                ("registered", &[("request", "{}")]),
                (
                    "dispatched",
                    &[("department", "\"eng\""), ("assignee", "\"w1\"")],
                ),
                ("accepted", &[("assignee", "\"w1\"")]),
                ("arrived", &[]),
                ("held", &[("reason", "\"waiting_for_owner\"")]),
                ("resumed", &[]),
                ("completed", &[("note", "\"n\"")]),
                ("replied", &[("note", "\"n\"")]),
                (
                    "callback_rated",
                    &[
                        ("rating", "3"),
                        ("comment", "\"c\""),
                        ("aspects", "{\"attitude\":2}"),
                        ("satisfied", "false"),
                    ],
                ),
                ("reopened", &[("count", "1")]),
                ("callback_unreachable", &[("attempt", "2")]),
                ("closed_unreachable", &[("reason", "\"r\"")]),
                (
                    "transferred",
                    &[
                        ("from_department", "\"eng\""),
                        ("department", "\"sec\""),
                        ("assignee", "\"w2\""),
                        ("reason", "\"r\""),
                    ],
                ),
                ("returned", &[("reason", "\"r\"")]),
                ("cancelled", &[("reason", "\"r\"")]),
                (
                    "closed_without_work",
                    &[("reason", "\"dup\""), ("duplicate_of", "\"R0\"")],
                ),
                (
                    "escalated",
                    &[
                        ("cycle", "0"),
                        ("clock", "\"complete\""),
                        ("percent", "80"),
                        ("notify", "\"supervisor\""),
                        ("due_at", T),
                    ],
                ),
            ],
        ),
        &|b| match b.0[0].1.as_str() {
            "\"registered\"" => vec![(1, requests())],
            "\"held\"" => vec![(1, hold_reasons())],
            "\"callback_rated\"" => vec![(3, aspects())],
            "\"escalated\"" => vec![(
                2,
                ["\"dispatch\"", "\"nope\"", "{\"accept\":null}", "0"]
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
            )],
            _ => Vec::new(),
        },
    );
    let n = compare::<Change, derived::Change>(&texts);
    println!("{n} readings compared");
    assert!(n > 16_000);
}

#[test]
fn phase_reads_as_derived() {
    let texts = texts_of(
        &bases(
            "phase",
            &[
                ("not_started", &[]),
                ("running", &[("from", "-3600")]),
                ("paused", &[("since", T)]),
                ("stopped", &[("at", T)]),
                ("voided", &[("at", T)]),
            ],
        ),
        &|_| Vec::new(),
    );
    let n = compare::<Phase, derived::Phase>(&texts);
    println!("{n} readings compared");
    assert!(n > 3_000);
}

#[test]
fn calendar_error_reads_as_derived() {
    let texts = texts_of(
        &bases(
            "error",
            &[
                ("year_not_covered", &[("year", "2027")]),
                ("invalid_duration", &[("seconds", "-5")]),
                ("reversed_range", &[("from", "\"b\""), ("to", "\"a\"")]),
                ("invalid_spec", &[("reason", "\"r\"")]),
            ],
        ),
        &|_| Vec::new(),
    );
    let n = compare::<CalendarError, derived::CalendarError>(&texts);
    println!("{n} readings compared");
    assert!(n > 2_000);
}

const D: &str = "\"2026-09-25\"";

fn dates() -> Vec<String> {
    [
        "\"2026-02-29\"",
        "\"2026-9-5\"",
        "\"2026-09-25T00:00:00+08:00\"",
        "\"+12026-01-01\"",
        "20260925",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn amounts() -> Vec<String> {
    [
        "\"1.005\"",
        "\"-1.00\"",
        "1",
        "\"1e3\"",
        "\"\"",
        "\"99999999999999999999.00\"",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn charges() -> Vec<String> {
    let mut out = amounts()
        .into_iter()
        .map(|a| format!("[{{\"id\":\"B1\",\"item\":\"x\",\"due\":{D},\"amount\":{a}}}]"))
        .collect::<Vec<_>>();
    out.extend(
        [
            "[{\"id\":\"B1\",\"item\":\"x\",\"due\":\"2026-09-25\",\"amount\":\"1.00\",\"late_fee\":false}]",
            "[{\"id\":\"B1\",\"id\":\"B2\",\"item\":\"x\",\"due\":\"2026-09-25\",\"amount\":\"1.00\"}]",
            "[{\"id\":\"B1\",\"item\":\"x\",\"due\":\"2026-09-31\",\"amount\":\"1.00\"}]",
            "[{\"id\":\"B1\",\"item\":\"x\",\"amount\":\"1.00\"}]",
            "[[\"B1\",\"x\",\"2026-09-25\",\"1.00\"]]",
            "[{\"id\":\"B1\",\"item\":\"x\",\"due\":\"2026-09-25\",\"amount\":\"1.00\",\"zz\":1}]",
            "{}",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    out
}

fn allocations() -> Vec<String> {
    [
        "[{\"charge\":\"B1\",\"part\":\"late_fee\",\"amount\":\"0.30\"}]",
        "[{\"charge\":\"B1\",\"part\":\"interest\",\"amount\":\"0.30\"}]",
        "[{\"charge\":\"B1\",\"part\":\"principal\"}]",
        "[[\"B1\",\"principal\",\"1.00\"]]",
        "[null]",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

#[test]
fn formula_reads_as_derived() {
    let texts = texts_of(
        &bases(
            "kind",
            &[
                ("area", &[("basis", "\"inner\"")]),
                ("fixed", &[("applies", "\"subscribed\"")]),
                ("metered", &[("tier_bounds", "\"annual\"")]),
                ("shared", &[("basis", "\"area\"")]),
                ("usage", &[("per", "\"hour\"")]),
                ("one_off", &[("deposit", "true")]),
                (
                    "parking",
                    &[(
                        "tariff",
                        "{\"free_minutes\":15,\"first_minutes\":60,\"first_price\":\"5.00\",\"increment_minutes\":30,\"increment_price\":\"2.00\",\"daily_cap\":\"30.00\"}",
                    )],
                ),
            ],
        ),
        &|b| {
            if b.0[0].1 == "\"parking\"" {
                vec![(
                    1,
                    [
                        "{\"first_minutes\":60,\"first_price\":\"5.00\",\"increment_minutes\":30,\"increment_price\":\"2.00\"}",
                        "{\"first_minutes\":60,\"first_price\":5,\"increment_minutes\":30,\"increment_price\":\"2.00\"}",
                        "{\"first_minutes\":-1,\"first_price\":\"5.00\",\"increment_minutes\":30,\"increment_price\":\"2.00\"}",
                        "[0,60,\"5.00\",30,\"2.00\"]",
                    ]
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                )]
            } else {
                Vec::new()
            }
        },
    );
    let n = compare::<Formula, derived::Formula>(&texts);
    println!("{n} readings compared");
    assert!(n > 3_000);
}

#[test]
fn account_command_reads_as_derived() {
    let texts = texts_of(
        &bases(
            "type",
            &[
                (
                    "post_charges",
                    &[
                        ("date", D),
                        (
                            "charges",
                            "[{\"id\":\"B1\",\"item\":\"property_fee\",\"due\":\"2026-10-15\",\"amount\":\"232.09\"}]",
                        ),
                    ],
                ),
                ("pay", &[("receipt", "\"R1\""), ("date", D), ("amount", "\"300.00\"")]),
                ("deposit", &[("receipt", "\"R2\""), ("date", D), ("amount", "\"50\"")]),
                (
                    "refund",
                    &[("refund", "\"F1\""), ("receipt", "\"R1\""), ("date", D), ("amount", "\"1.00\"")],
                ),
                (
                    "credit_note",
                    &[
                        ("note", "\"N1\""),
                        ("charge", "\"B1\""),
                        ("date", D),
                        ("amount", "\"1.00\""),
                        ("reason", "\"减免\""),
                    ],
                ),
                ("waive_late_fee", &[("charge", "\"B1\""), ("date", D), ("reason", "\"r\"")]),
                ("apply_prepaid", &[("date", D)]),
            ],
        ),
        &|b| {
            let mut nested = Vec::new();
            for (i, (k, _)) in b.0.iter().enumerate() {
                match k.as_str() {
                    "date" => nested.push((i, dates())),
                    "amount" => nested.push((i, amounts())),
                    "charges" => nested.push((i, charges())),
                    _ => {}
                }
            }
            nested
        },
    );
    let n = compare::<AccountCommand, derived::AccountCommand>(&texts);
    println!("{n} readings compared");
    assert!(n > 8_000);
}

#[test]
fn account_event_reads_as_derived() {
    let a = "[{\"charge\":\"B1\",\"part\":\"principal\",\"amount\":\"1.00\"}]";
    let texts = texts_of(
        &bases(
            "type",
            &[
                (
                    "charges_posted",
                    &[
                        ("date", D),
                        (
                            "charges",
                            "[{\"id\":\"B1\",\"item\":\"property_fee\",\"due\":\"2026-10-15\",\"amount\":\"232.09\"}]",
                        ),
                    ],
                ),
                (
                    "payment_received",
                    &[
                        ("receipt", "\"R1\""),
                        ("date", D),
                        ("amount", "\"300.00\""),
                        ("allocations", a),
                        ("to_prepaid", "\"0.00\""),
                    ],
                ),
                ("deposited", &[("receipt", "\"R2\""), ("date", D), ("amount", "\"50.00\"")]),
                ("prepaid_applied", &[("date", D), ("allocations", a)]),
                (
                    "refunded",
                    &[
                        ("refund", "\"F1\""),
                        ("receipt", "\"R1\""),
                        ("date", D),
                        ("amount", "\"1.00\""),
                        ("from_prepaid", "\"0.00\""),
                        ("reversed", a),
                    ],
                ),
                (
                    "credited",
                    &[
                        ("note", "\"N1\""),
                        ("charge", "\"B1\""),
                        ("date", D),
                        ("amount", "\"1.00\""),
                        ("reason", "\"r\""),
                        ("applied", "\"1.00\""),
                        ("to_prepaid", "\"0.00\""),
                    ],
                ),
                (
                    "late_fee_waived",
                    &[("charge", "\"B1\""), ("date", D), ("amount", "\"0.30\""), ("reason", "\"r\"")],
                ),
            ],
        ),
        &|b| {
            let mut nested = Vec::new();
            for (i, (k, _)) in b.0.iter().enumerate() {
                match k.as_str() {
                    "date" => nested.push((i, dates())),
                    "amount" => nested.push((i, amounts())),
                    "charges" => nested.push((i, charges())),
                    "allocations" | "reversed" => nested.push((i, allocations())),
                    _ => {}
                }
            }
            nested
        },
    );
    let n = compare::<AccountEvent, derived::AccountEvent>(&texts);
    println!("{n} readings compared");
    assert!(n > 8_000);
}
