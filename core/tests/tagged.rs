//! The internally tagged enums (`Command` by `step`, `Change` by `type`, `Stage` by `stage`,
//! `Closure` by `by`, `CallbackOutcome` by `outcome`, `Phase` by `phase`, `CalendarError` by
//! `error`; fees: `Formula` by `kind`, `AccountCommand` and `AccountEvent` by `type`) are read by
//! a hand-written streaming reader (`crate::wire`) whose grammar is the contract's: the tag is
//! the object's first member (docs/contract.md, Wire grammar). Here each is compared with serde's
//! derive on the same enum (the copies in `derived` below, with the attributes the enums had),
//! on generated texts — every variant, with members removed, repeated, reordered, unknown, or of
//! every JSON type, the tag repeated, unknown or not a string, nested enums and structs mutated
//! the same way, inside other values and with whitespace, and in random orders and values
//! (property tests):
//! - an object whose first member is the tag reads as the derive reads it: the same value, or
//!   the same error message; the position is the same, or earlier where a member's own reader
//!   refused its value (it is placed at that value, where the derive's buffered reader placed
//!   every error after the object);
//! - the derive's other forms are refused: the tag not first (``the tag `x` must be the first
//!   member of internally tagged enum X``), the enum as a sequence (``invalid type: sequence,
//!   expected internally tagged enum X``), members on a unit variant (``unknown field `x`, there
//!   are no fields``).

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

/// The outcome as text: the value's JSON, or the error with its category (the position apart).
fn outcome<T: Serialize>(r: &Result<T, serde_json::Error>) -> String {
    match r {
        Ok(v) => format!("ok {}", serde_json::to_string(v).unwrap()),
        Err(e) => format!("error {:?}: {}", e.classify(), unplaced(e)),
    }
}

/// An error's message without its position.
fn unplaced(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_owned()
}

fn position<T>(r: &Result<T, serde_json::Error>) -> (usize, usize) {
    r.as_ref().err().map_or((0, 0), |e| (e.line(), e.column()))
}

/// The first member's key of an object's text, if it is one (keys in order: not a `Value`).
fn first_key(text: &str) -> Option<String> {
    struct First;
    impl<'de> serde::de::Visitor<'de> for First {
        type Value = Option<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("anything")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut m: A,
        ) -> Result<Self::Value, A::Error> {
            let k = m.next_key::<String>()?;
            if k.is_some() {
                m.next_value::<serde::de::IgnoredAny>()?;
            }
            while m
                .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                .is_some()
            {}
            Ok(k)
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut s: A,
        ) -> Result<Self::Value, A::Error> {
            while s.next_element::<serde::de::IgnoredAny>()?.is_some() {}
            Ok(None)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
    let mut d = serde_json::Deserializer::from_str(text);
    serde::Deserializer::deserialize_any(&mut d, First)
        .ok()
        .flatten()
}

/// In a struct between other members, with whitespace, and in a list.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Around<T> {
    a: u8,
    x: T,
    b: u8,
}

/// What the reader refuses that the derive takes, for the text `t` of one enum (tag `tag`,
/// `expecting` its `internally tagged enum X`): the message it must give, or `None` where it
/// must agree with the derive.
fn refusal(t: &str, tag: &str, expecting: &str, unit_variants: &[&str]) -> Option<String> {
    let t = t.trim_start();
    if t.starts_with('[') {
        return Some(format!("invalid type: sequence, expected {expecting}"));
    }
    if !t.starts_with('{') {
        return None;
    }
    match first_key(t) {
        Some(k) if k != tag => Some(format!(
            "the tag `{tag}` must be the first member of {expecting}"
        )),
        Some(_) => {
            // A unit variant with more members: the first one is unknown.
            let v: serde_json::Value = serde_json::from_str(t).ok()?;
            let obj = v.as_object()?;
            let name = obj.get(tag)?.as_str()?;
            if !unit_variants.contains(&name) || obj.len() < 2 {
                return None;
            }
            Some("there are no fields".into())
        }
        None => None,
    }
}

/// The words of the refusals that the derive does not make.
const NEW_REFUSALS: [&str; 3] = [
    "must be the first member of internally tagged enum",
    "invalid type: sequence, expected internally tagged enum",
    "there are no fields",
];

/// Whether our outcome agrees with the derive's, for a text whose own refusal by the grammar
/// (not the derive's) is `refused`.
fn agrees(
    ours: &str,
    derived: &str,
    ours_pos: (usize, usize),
    derived_pos: (usize, usize),
    refused: Option<&str>,
) -> bool {
    if let Some(words) = refused {
        // The text itself is refused by the grammar, before anything in it (or the derive
        // refuses it too, as we do).
        return ours == derived || (ours.starts_with("error Data: ") && ours.contains(words));
    }
    if ours == derived {
        // The derive's errors read from its buffer carry no position when the enum is the
        // whole text; ours carry the reader's. A member's own error is placed at its value,
        // the derive's after the object.
        return derived_pos == (0, 0) || ours_pos <= derived_pos;
    }
    // An enum inside the text refused by the grammar.
    if ours.starts_with("error Data: ") && NEW_REFUSALS.iter().any(|w| ours.contains(w)) {
        return true;
    }
    // The tag of a newtype variant's inner enum as a variant index (`"outcome":0`): the
    // derive's buffer takes it; the name is the grammar.
    if ours.contains("invalid type: integer") && ours.contains("expected variant identifier") {
        return true;
    }
    // A unit variant of an externally tagged member with `{}` for its (no) value: serde's
    // buffer takes it; serde_json read directly refuses it, as it does in every struct.
    if ours.starts_with("error Data: invalid type: map, expected unit") {
        return true;
    }
    // An externally tagged enum member (`HoldReason`, `AreaBasis`) given neither a string nor
    // an object of one member: serde_json read directly says what it says of every such member
    // of a struct; the derive's buffer said it its own way (or met a number out of range in
    // the value first).
    if (derived.contains("expected string or map")
        || derived.contains("expected map with a single key")
        || derived.starts_with("error Syntax"))
        && (ours.starts_with("error Syntax: expected value") || ours.contains("unknown variant"))
    {
        return true;
    }
    // A struct member given as a sequence too long: serde_json's own words for it (the
    // contract refuses the sequence itself, wire::Objects).
    if derived.contains("invalid length") && ours.starts_with("error Syntax: trailing characters") {
        return true;
    }
    // A member's value refused before the derive's buffer met a number out of range further
    // on: the first fault in the text.
    derived.starts_with("error Syntax") && ours.starts_with("error Data") && ours_pos < derived_pos
}

/// The enum under test: its tag, `expecting`, and unit variants.
struct Enum {
    tag: &'static str,
    expecting: &'static str,
    units: &'static [&'static str],
}

/// Reads every text alone, inside a struct (also with whitespace) and in a list, with ours
/// and the derive: where [`refusal`] names a refusal, ours refuses with it (and the derive
/// would have taken the text, or refused it too); elsewhere both give the same value, or the
/// same error message and category, ours at the derive's position or earlier (a member's own
/// error at its value).
fn compare<Ours, Derived>(e: &Enum, texts: &[String]) -> usize
where
    Ours: for<'de> Deserialize<'de> + Serialize,
    Derived: for<'de> Deserialize<'de> + Serialize,
{
    let mut checked = 0;
    for t in texts {
        let refused = refusal(t, e.tag, e.expecting, e.units);
        let contexts = [
            t.clone(),
            format!("{{\"a\":1,\"x\":{t},\"b\":2}}"),
            format!("{{\n  \"a\": 1,\n  \"x\": {t} ,\n  \"b\": 2\n}}"),
            format!("{{\"x\":{t}  }}"),
            format!("[{t}, {t}]"),
        ];
        for (k, c) in contexts.iter().enumerate() {
            let (ours, derived, ours_pos, derived_pos) = match k {
                0 => {
                    let (o, d) = (
                        serde_json::from_str::<Ours>(c),
                        serde_json::from_str::<Derived>(c),
                    );
                    (outcome(&o), outcome(&d), position(&o), position(&d))
                }
                4 => {
                    let (o, d) = (
                        serde_json::from_str::<Vec<Ours>>(c),
                        serde_json::from_str::<Vec<Derived>>(c),
                    );
                    (outcome(&o), outcome(&d), position(&o), position(&d))
                }
                _ => {
                    let (o, d) = (
                        serde_json::from_str::<Around<Ours>>(c),
                        serde_json::from_str::<Around<Derived>>(c),
                    );
                    (outcome(&o), outcome(&d), position(&o), position(&d))
                }
            };
            assert!(
                agrees(&ours, &derived, ours_pos, derived_pos, refused.as_deref()),
                "reading {c}: ours {ours} at {ours_pos:?}, the derive {derived} at {derived_pos:?} \
                 (the grammar's refusal: {refused:?})"
            );
            checked += 1;
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
    let n = compare::<Closure, derived::Closure>(
        &Enum {
            tag: "by",
            expecting: "internally tagged enum Closure",
            units: &["reply"],
        },
        &texts,
    );
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
    let n = compare::<Stage, derived::Stage>(
        &Enum {
            tag: "stage",
            expecting: "internally tagged enum Stage",
            units: &["registered"],
        },
        &texts,
    );
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
    let n = compare::<CallbackOutcome, derived::CallbackOutcome>(
        &Enum {
            tag: "outcome",
            expecting: "internally tagged enum CallbackOutcome",
            units: &["unreachable"],
        },
        &texts,
    );
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
    let n = compare::<Command, derived::Command>(
        &Enum {
            tag: "step",
            expecting: "internally tagged enum Command",
            units: &["accept", "arrive", "resume"],
        },
        &texts,
    );
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
    let n = compare::<Change, derived::Change>(
        &Enum {
            tag: "type",
            expecting: "internally tagged enum Change",
            units: &["arrived", "resumed"],
        },
        &texts,
    );
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
    let n = compare::<Phase, derived::Phase>(
        &Enum {
            tag: "phase",
            expecting: "internally tagged enum Phase",
            units: &["not_started"],
        },
        &texts,
    );
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
    let n = compare::<CalendarError, derived::CalendarError>(
        &Enum {
            tag: "error",
            expecting: "internally tagged enum CalendarError",
            units: &[],
        },
        &texts,
    );
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
    let n = compare::<Formula, derived::Formula>(
        &Enum {
            tag: "kind",
            expecting: "internally tagged enum Formula",
            units: &[],
        },
        &texts,
    );
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
    let n = compare::<AccountCommand, derived::AccountCommand>(
        &Enum {
            tag: "type",
            expecting: "internally tagged enum AccountCommand",
            units: &[],
        },
        &texts,
    );
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
    let n = compare::<AccountEvent, derived::AccountEvent>(
        &Enum {
            tag: "type",
            expecting: "internally tagged enum AccountEvent",
            units: &[],
        },
        &texts,
    );
    println!("{n} readings compared");
    assert!(n > 8_000);
}

// ---- properties and the grammar's refusals -------------------------------------------------

fn command_bases() -> Vec<Obj> {
    bases(
        "step",
        &[
            (
                "dispatch",
                &[("department", "\"eng\""), ("assignee", "\"w1\"")],
            ),
            ("accept", &[]),
            ("hold", &[("reason", "\"waiting_for_parts\"")]),
            ("complete", &[("note", "\"换阀芯\"")]),
            (
                "transfer",
                &[
                    ("department", "\"eng\""),
                    ("assignee", "\"w1\""),
                    ("reason", "\"r\""),
                ],
            ),
            (
                "callback",
                &[
                    ("outcome", "\"rated\""),
                    ("rating", "4"),
                    ("comment", "\"ok\""),
                ],
            ),
            ("callback", &[("outcome", "\"unreachable\"")]),
            (
                "close_without_work",
                &[("reason", "\"dup\""), ("duplicate_of", "\"R0\"")],
            ),
        ],
    )
}

use proptest::prelude::*;

proptest! {
    /// Tag first, the other members in any order, any of them dropped or given any value:
    /// the reader agrees with the derive (a callback's `outcome` stays right after `step`).
    #[test]
    fn tag_first_reads_as_derived(
        base in 0..8usize,
        order in proptest::collection::vec(any::<u8>(), 4),
        drop in proptest::collection::vec(any::<bool>(), 4),
        value in proptest::option::of((0..4usize, 0..VALUES.len())),
    ) {
        let b = &command_bases()[base];
        let fixed = if b.0[0].1 == "\"callback\"" { 2 } else { 1 };
        let mut rest: Vec<(u8, (String, String))> = b.0[fixed..]
            .iter()
            .cloned()
            .zip(order.iter().copied())
            .map(|(m, k)| (k, m))
            .collect();
        rest.sort_by_key(|(k, _)| *k);
        let mut o = Obj(b.0[..fixed].to_vec());
        for (i, (_, m)) in rest.into_iter().enumerate() {
            if !drop[i] {
                o.0.push(m);
            }
        }
        if let Some((i, v)) = value {
            if fixed + i < o.0.len() {
                o.0[fixed + i].1 = VALUES[v].to_string();
            }
        }
        let t = o.text();
        let ours = serde_json::from_str::<Command>(&t);
        let theirs = serde_json::from_str::<derived::Command>(&t);
        prop_assert!(
            agrees(&outcome(&ours), &outcome(&theirs), position(&ours), position(&theirs), None),
            "{}: ours {}, the derive {}", t, outcome(&ours), outcome(&theirs)
        );
    }

    /// The tag anywhere but first is refused, naming the tag and the enum, wherever the enum is.
    #[test]
    fn a_tag_not_first_is_refused(base in 0..8usize, at in 1..4usize) {
        let mut o = command_bases()[base].clone();
        if o.0.len() > 1 {
            let tag = o.0.remove(0);
            o.0.insert(at.min(o.0.len()), tag);
            let t = o.text();
            let want = "the tag `step` must be the first member of internally tagged enum Command";
            let e = serde_json::from_str::<Command>(&t).unwrap_err();
            prop_assert_eq!(unplaced(&e), want);
            // Placed after the object, as serde's buffered reader placed its errors.
            prop_assert_eq!(e.column(), t.len());
            let e = serde_json::from_str::<Around<Command>>(&format!("{{\"a\":1,\"x\":{t},\"b\":2}}"))
                .err().unwrap();
            prop_assert_eq!(unplaced(&e), want);
        }
    }
}

/// The grammar's refusals, word for word, and through the contract.
#[test]
fn the_grammar_refuses_what_the_derive_took() {
    let cases = [
        (
            r#"{"department":"eng","step":"dispatch"}"#,
            "the tag `step` must be the first member of internally tagged enum Command at line 1 column 38",
        ),
        (
            r#"{"step":"accept","extra":1}"#,
            "unknown field `extra`, there are no fields at line 1 column 27",
        ),
        (
            r#"["dispatch","eng"]"#,
            "invalid type: sequence, expected internally tagged enum Command at line 1 column 0",
        ),
        (
            r#"{"step":"callback","rating":5,"outcome":"rated"}"#,
            "the tag `outcome` must be the first member of internally tagged enum CallbackOutcome at line 1 column 48",
        ),
        (
            r#"{"step":"callback","outcome":"unreachable","extra":1}"#,
            "unknown field `extra`, there are no fields at line 1 column 53",
        ),
        (
            r#"{"step":"callback","outcome":"rated","rating":5,"step":"x"}"#,
            "duplicate field `step` at line 1 column 54",
        ),
    ];
    for (text, want) in cases {
        assert!(
            serde_json::from_str::<derived::Command>(text).is_ok()
                || text.contains(r#""step":"x""#)
        );
        let e = serde_json::from_str::<Command>(text).unwrap_err();
        assert_eq!(e.to_string(), want, "{text}");
    }
    let mut engine = wuye_core::contract::Engine::new(br#"{"v":1}"#).unwrap();
    let r = engine.handle(
        br#"{"v":1,"op":"request.execute","args":{"id":"R1","command":{"department":"eng","step":"dispatch"},"actor":{"role":"dispatcher","id":"dd01"},"now":"2026-03-02T09:00:00+08:00"}}"#,
    );
    assert_eq!(
        String::from_utf8(r.body).unwrap(),
        r#"{"v":1,"ok":false,"error":{"status":6,"code":"invalid_value","message":"request.execute args: the tag `step` must be the first member of internally tagged enum Command"}}"#
    );
}
