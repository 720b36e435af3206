//! The document built from a hand-written list of real operations (the operation table will
//! give the whole list): its layout, its determinism, and the partial document written to
//! `target/contract-schema/partial.schema.json` for `scripts/validate-vectors --partial`,
//! which checks the vectors' requests and responses of these operations against it.

use super::*;
use crate::calendar::Instant;
use crate::desk::Desk;
use crate::fee::account::{Account, AccountCommand, AccountEvent};
use crate::fee::arrears::Ageing;
use crate::fee::bill::{SharedCost, Usage};
use crate::fee::late_fee::LateFeeLine;
use crate::fee::meter::Reading;
use crate::fee::parking::{ParkingCharge, ParkingStay, ParkingTariff};
use crate::fee::{Bill, Schedule, Unit};
use crate::role::Actor;
use crate::sla::SlaStatus;
use crate::survey::callback::{CallbackReport, GroupBy};
use crate::survey::kpi::KpiReport;
use crate::survey::sample::Sample;
use crate::survey::servqual::{ServperfReport, ServqualReport};
use crate::survey::{
    Csat, CsatInput, IndexInput, IndexReport, Nps, NpsInput, Proportion, SurveyInput, ValueInput,
    ValueReport,
};
use crate::ticket::{Command, Event, NewRequest, ServiceRequest};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

// The arguments and results of contract.rs, mirrored (the operation table will derive
// `JsonSchema` on its own).
macro_rules! args {
    ($(#[$m:meta])* $name:ident { $($(#[$fm:meta])* $f:ident : $t:ty),* $(,)? }) => {
        #[allow(dead_code)]
        #[derive(Deserialize, schemars::JsonSchema)]
        #[serde(deny_unknown_fields)]
        $(#[$m])*
        struct $name { $($(#[$fm])* $f: $t),* }
    };
}
macro_rules! out {
    ($name:ident { $($(#[$fm:meta])* $f:ident : $t:ty),* $(,)? }) => {
        #[derive(Serialize, schemars::JsonSchema)]
        struct $name { $($(#[$fm])* $f: $t),* }
    };
}

args!(NoArgs {});
args!(DateArgs {
    #[serde(deserialize_with = "crate::instant::de_date")]
    date: NaiveDate
});
args!(DateRangeArgs {
    #[serde(deserialize_with = "crate::instant::de_date")]
    from: NaiveDate,
    #[serde(deserialize_with = "crate::instant::de_date")]
    to: NaiveDate
});
args!(AddArgs {
    #[serde(deserialize_with = "crate::instant::de")]
    start: Instant,
    seconds: i64
});
args!(BetweenArgs {
    #[serde(deserialize_with = "crate::instant::de")]
    from: Instant,
    #[serde(deserialize_with = "crate::instant::de")]
    to: Instant
});
args!(AtArgs {
    #[serde(deserialize_with = "crate::instant::de")]
    at: Instant
});
args!(RegisterArgs {
    request: NewRequest,
    actor: Actor,
    #[serde(deserialize_with = "crate::instant::de")]
    now: Instant
});
args!(ExecuteArgs {
    id: String,
    command: Command,
    actor: Actor,
    #[serde(deserialize_with = "crate::instant::de")]
    now: Instant
});
args!(IdArgs { id: String });
args!(StatusArgs {
    id: String,
    #[serde(deserialize_with = "crate::instant::de")]
    as_of: Instant
});
args!(TickArgs {
    #[serde(deserialize_with = "crate::instant::de")]
    now: Instant
});
args!(EventsArgs { events: Vec<Event> });
args!(EventsAsOfArgs {
    events: Vec<Event>,
    #[serde(deserialize_with = "crate::instant::de")]
    as_of: Instant
});
args!(
    /// `schedule` and `units` together (inline), or neither (the loaded estate).
    #[schemars(extend("dependentRequired" = {"schedule": ["units"], "units": ["schedule"]}))]
    BillArgs {
    period: Period,
    #[serde(default)] schedule: Option<Schedule>,
    #[serde(default)] units: Option<Vec<Unit>>,
    #[serde(default)] readings: Vec<Reading>,
    #[serde(default)] usage: Vec<Usage>,
    #[serde(default)] parking: Vec<ParkingStay>,
    #[serde(default)] shared: Vec<SharedCost>,
    #[serde(default)] only: Option<Vec<String>>,
});
args!(LoadEstateArgs { schedule: Schedule, units: Vec<Unit> });
args!(BillEstateArgs {
    period: Period,
    #[serde(default)] readings: crate::fee::meter::Readings,
    #[serde(default)] usage: Vec<Usage>,
    #[serde(default)] parking: Vec<ParkingStay>,
    #[serde(default)] shared: Vec<SharedCost>,
});
args!(ParkingArgs {
    tariff: ParkingTariff,
    #[serde(deserialize_with = "crate::instant::de")]
    entry: Instant,
    #[serde(deserialize_with = "crate::instant::de")]
    exit: Instant
});
args!(ApportionArgs { amount: Money, weights: Vec<Decimal> });
args!(AccountExecuteArgs {
    account: Account,
    command: AccountCommand
});
args!(AccountAsOfArgs {
    account: Account,
    #[serde(deserialize_with = "crate::instant::de_date")]
    as_of: NaiveDate
});
args!(ArrearsArgs {
    account: Account,
    #[serde(deserialize_with = "crate::instant::de_date")]
    as_of: NaiveDate,
    #[serde(default)] buckets: Option<Vec<u32>>
});
args!(ProportionArgs {
    count: u64,
    total: u64
});
args!(CallbacksArgs {
    #[serde(default)] events: Option<Vec<Event>>,
    #[serde(deserialize_with = "crate::instant::de")]
    from: Instant,
    #[serde(deserialize_with = "crate::instant::de")]
    to: Instant,
    #[serde(default)] by: GroupBy,
    #[serde(default)] threshold: Option<u8>,
});
args!(KpiArgs {
    #[serde(default)] events: Option<Vec<Event>>,
    #[serde(deserialize_with = "crate::instant::de")]
    from: Instant,
    #[serde(deserialize_with = "crate::instant::de")]
    to: Instant,
    #[serde(default)] households: Option<u64>,
});
args!(
    /// `rate` or `size`; `ids`, or `from` and `to` (the engine's requests closed then).
    #[schemars(extend("allOf" = [
        {"oneOf": [{"required": ["rate"]}, {"required": ["size"]}]},
        {"oneOf": [
            {"required": ["ids"], "not": {"anyOf": [{"required": ["from"]}, {"required": ["to"]}]}},
            {"required": ["from", "to"], "not": {"required": ["ids"]}},
        ]},
    ]))]
    SampleArgs {
    #[serde(default)] ids: Option<Vec<String>>,
    #[serde(default, deserialize_with = "crate::instant::de_opt")] from: Option<Instant>,
    #[serde(default, deserialize_with = "crate::instant::de_opt")] to: Option<Instant>,
    seed: String,
    #[serde(default)] rate: Option<Decimal>,
    #[serde(default)] size: Option<u64>,
});

out!(EventsOut { events: Vec<Event> });
out!(Applied {
    applied: usize,
    requests: usize
});
out!(StateOut { state: Desk });
out!(WorkingOut { working: bool });
out!(DaysOut { days: u32 });
out!(InstantOut {
    #[serde(serialize_with = "crate::instant::ser")]
    instant: Instant
});
out!(SecondsOut { seconds: i64 });
out!(RequestOut {
    request: ServiceRequest
});
out!(BillsOut { bills: Vec<Bill>, total: Money });
out!(Loaded { units: usize, items: Vec<String> });
out!(CompactLines { unit: Vec<u32>, item: Vec<u16>, amount: Vec<Money> });
out!(CompactOut {
    period: Period,
    lines: CompactLines,
    total: Money
});
out!(ParkingOut { charge: ParkingCharge, text: Vec<String> });
out!(PartsOut { parts: Vec<Money> });
out!(AccountOut { account: Account, events: Vec<AccountEvent> });
out!(LateFeesOut { late_fees: Vec<LateFeeLine>, outstanding: Money });

/// Every operation but `engine.info` and the two batches (whose result items are private to
/// contract.rs).
fn ops() -> Vec<OpSchema> {
    vec![
        OpSchema::of::<NoArgs, StateOut>("engine.export"),
        OpSchema::of::<DateArgs, WorkingOut>("calendar.is_working_day"),
        OpSchema::of::<DateRangeArgs, DaysOut>("calendar.working_days"),
        OpSchema::of::<AddArgs, InstantOut>("calendar.add"),
        OpSchema::of::<BetweenArgs, SecondsOut>("calendar.between"),
        OpSchema::of::<AtArgs, InstantOut>("calendar.next_working_instant"),
        OpSchema::of::<RegisterArgs, EventsOut>("request.register"),
        OpSchema::of::<ExecuteArgs, EventsOut>("request.execute"),
        OpSchema::of::<IdArgs, RequestOut>("request.get"),
        OpSchema::of::<StatusArgs, SlaStatus>("sla.status"),
        OpSchema::of::<TickArgs, EventsOut>("sla.tick"),
        OpSchema::of::<EventsArgs, Applied>("log.replay"),
        OpSchema::of::<EventsAsOfArgs, SlaStatus>("sla.status_from_events"),
        OpSchema::of::<BillArgs, BillsOut>("fee.bill"),
        OpSchema::of::<LoadEstateArgs, Loaded>("fee.load_estate"),
        OpSchema::of::<BillEstateArgs, CompactOut>("fee.bill_estate"),
        OpSchema::of::<ParkingArgs, ParkingOut>("fee.parking"),
        OpSchema::of::<ApportionArgs, PartsOut>("fee.apportion"),
        OpSchema::of::<AccountExecuteArgs, AccountOut>("fee.account.execute"),
        OpSchema::of::<AccountAsOfArgs, LateFeesOut>("fee.account.late_fees"),
        OpSchema::of::<ArrearsArgs, Ageing>("fee.account.arrears"),
        OpSchema::of::<SurveyInput, ServqualReport>("survey.servqual"),
        OpSchema::of::<SurveyInput, ServperfReport>("survey.servperf"),
        OpSchema::of::<CsatInput, Csat>("survey.csat"),
        OpSchema::of::<NpsInput, Nps>("survey.nps"),
        OpSchema::of::<ProportionArgs, Proportion>("survey.proportion"),
        OpSchema::of::<IndexInput, IndexReport>("survey.index"),
        OpSchema::of::<ValueInput, ValueReport>("survey.value"),
        OpSchema::of::<CallbacksArgs, CallbackReport>("survey.callbacks"),
        OpSchema::of::<KpiArgs, KpiReport>("kpi.report"),
        OpSchema::of::<SampleArgs, Sample>("survey.sample"),
    ]
}

fn defs(doc: &Value) -> &Map<String, Value> {
    doc["$defs"].as_object().expect("$defs")
}

#[test]
fn writes_the_partial_document() {
    let doc = contract_schema(&ops());
    let text = to_text(&doc);
    assert!(text.ends_with("}\n"));
    // Deterministic: the same text twice.
    assert_eq!(text, to_text(&contract_schema(&ops())));
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../target/contract-schema");
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(format!("{dir}/partial.schema.json"), text).unwrap();
}

#[test]
fn every_operation_has_a_request_and_a_response() {
    let doc = contract_schema(&ops());
    let defs = defs(&doc);
    let oneof = defs["Request"]["oneOf"].as_array().unwrap();
    assert_eq!(oneof.len(), ops().len());
    for op in ops() {
        let req = &defs[&format!("Request.{}", op.name)];
        assert_eq!(req["properties"]["op"]["const"], op.name);
        assert_eq!(req["additionalProperties"], false);
        assert!(
            defs.contains_key(&format!("Response.{}", op.name)),
            "{}",
            op.name
        );
    }
    // `args` may be left out where every argument is optional, and only there.
    let required = |op: &str| {
        defs[&format!("Request.{op}")]["required"]
            .as_array()
            .unwrap()
            .contains(&json!("args"))
    };
    assert!(!required("engine.export"));
    assert!(required("request.register"));
    assert!(required("fee.bill"));
}

#[test]
fn every_reference_resolves_and_names_are_unique() {
    let doc = contract_schema(&ops());
    let defs = defs(&doc);
    for name in refs(&doc) {
        assert!(defs.contains_key(&name), "no definition {name}");
    }
    // schemars numbers a second type of the same name (`Item2`): give it a name of its own.
    for name in defs.keys() {
        let base = name.trim_end_matches(|c: char| c.is_ascii_digit());
        assert!(
            base == name || !defs.contains_key(base),
            "{name} and {base}: two types of one name"
        );
    }
}

#[test]
fn hand_written_forms() {
    let doc = contract_schema(&ops());
    let defs = defs(&doc);
    // Money is read with up to two decimals and written with exactly two.
    assert_eq!(defs["Money"]["pattern"], MONEY_IN_PATTERN);
    assert_eq!(defs["Money.out"]["pattern"], MONEY_OUT_PATTERN);
    // Instants and dates get the documented forms.
    let register = &defs["RegisterArgs"]["properties"]["now"];
    assert_eq!(register["pattern"], INSTANT_PATTERN);
    assert_eq!(register["format"], "date-time");
    assert_eq!(
        defs["DateArgs"]["properties"]["date"]["pattern"],
        DATE_PATTERN
    );
    let status = defs["Status"]["oneOf"].as_array().unwrap();
    assert_eq!(status.len(), Status::ALL.len());
    assert_eq!(status[7], json!({"const": 7, "title": "refused"}));
}

/// A batch's items hold `contract::Failure`: a derived `Failure` of the same members gives
/// way to the contract's own (with the status values).
#[test]
fn a_derived_failure_is_the_contracts() {
    #[derive(Serialize, schemars::JsonSchema)]
    struct Failure {
        status: u32,
        code: String,
        message: String,
    }
    out!(BatchOut { failures: Vec<Failure> });
    let doc = contract_schema(&[OpSchema::of::<NoArgs, BatchOut>("engine.export")]);
    let failure = &defs(&doc)["Failure"];
    assert_eq!(failure["properties"]["status"]["$ref"], "#/$defs/Status");
}

/// A type named as one of the envelope's definitions would be lost: refused.
#[test]
#[should_panic(expected = "a type is named Request")]
fn a_type_named_like_the_envelope_is_refused() {
    args!(Request {});
    contract_schema(&[OpSchema::of::<Request, WorkingOut>("engine.export")]);
}
