//! The versioned request/response contract 接口契约 that every binding speaks: the C ABI, WASM,
//! PHP, Java and JS send the same JSON request and get the same JSON response, byte for byte.
//! Bindings only marshal bytes; this module is the one place where operations are defined.
//!
//! Request: `{"v":1,"op":"<operation>","args":{...}}`. Response:
//! `{"v":1,"ok":true,"result":{...}}` or
//! `{"v":1,"ok":false,"error":{"status":7,"code":"role_not_allowed","message":"..."}}`.
//! Unknown fields are refused everywhere. The reference with one example per operation is
//! `docs/contract.md`.
//!
//! Cargo features choose the operation groups a build answers: `desk` (`engine.*`,
//! `calendar.*`, `request.*`, `sla.*`, `log.*`) and `fees` (`fee.*`), both on by default. An
//! operation of a group left out is refused with [`Status::UnknownOperation`] naming its
//! module; [`OPERATIONS`] and `engine.info` always list the whole contract.

// A build with no group at all answers every operation with `unknown_operation`; the helpers
// the groups share are unused there.
#![cfg_attr(
    not(any(feature = "desk", feature = "fees")),
    allow(
        dead_code,
        unused_macros,
        unused_variables,
        unreachable_code,
        unreachable_patterns
    )
)]

#[cfg(feature = "desk")]
use crate::calendar::{BusinessCalendar, CalendarError, CalendarSpec};
#[cfg(feature = "desk")]
use crate::desk::config::DeskConfig;
#[cfg(feature = "desk")]
use crate::desk::request::{Command, Event, NewRequest, ServiceRequest, EVENT_SCHEMA};
#[cfg(feature = "desk")]
use crate::desk::role::Actor;
#[cfg(feature = "desk")]
use crate::desk::sla::{self, SlaError, SlaPolicy, SlaStatus};
#[cfg(feature = "desk")]
use crate::desk::{Desk, DeskError};
#[cfg(feature = "fees")]
use crate::fee::account::{Account, AccountCommand, AccountError, AccountEvent};
#[cfg(feature = "fees")]
use crate::fee::arrears::{ageing, DEFAULT_BUCKETS};
#[cfg(feature = "fees")]
use crate::fee::bill::{BillInputs, SharedCost, Usage};
#[cfg(feature = "fees")]
use crate::fee::late_fee::LateFeeLine;
#[cfg(feature = "fees")]
use crate::fee::meter::{Reading, ReadingColumns, Readings};
#[cfg(feature = "fees")]
use crate::fee::parking::{ParkingStay, ParkingTariff};
#[cfg(feature = "fees")]
use crate::fee::{Bill, CompactLine, Estate, FeeError, Period, Schedule, Unit};
#[cfg(any(feature = "reports", feature = "fees"))]
use crate::money::Decimal;
#[cfg(feature = "fees")]
use crate::money::{split_largest_remainder, Money};
#[cfg(feature = "reports")]
use crate::report::callback::{CallbackReport, GroupBy};
#[cfg(feature = "reports")]
use crate::report::kpi::{KpiError, KpiReport};
#[cfg(feature = "reports")]
use crate::report::sample::{self as sampling, SampleRate, SampleRule};
#[cfg(feature = "reports")]
use crate::report::ReportPeriod;
use crate::survey::SurveyError;
#[cfg(any(feature = "desk", feature = "fees"))]
use crate::time::Instant;
#[cfg(any(feature = "desk", feature = "fees"))]
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
#[cfg(feature = "fees")]
use serde_json::Value;
use std::ffi::CStr;

/// Version of the contract this library speaks. A request with another `v` is refused with
/// [`Status::UnsupportedVersion`].
pub const CONTRACT_VERSION: u32 = 1;

/// Stable status codes. Values are never reused; new ones are only added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[repr(u32)]
pub enum Status {
    /// Success.
    Ok = 0,
    /// A required pointer argument was NULL (C ABI only).
    NullArgument = 1,
    /// The request bytes are not UTF-8.
    InvalidUtf8 = 2,
    /// The request is not well-formed JSON (or is truncated).
    MalformedJson = 3,
    /// The request's contract version `v` is not one this library speaks.
    UnsupportedVersion = 4,
    /// No such operation.
    UnknownOperation = 5,
    /// The JSON is well formed but does not fit the operation: unknown field, missing
    /// field, wrong type, bad date.
    InvalidRequest = 6,
    /// The domain refused: a role may not take a step, a step illegal in the current stage,
    /// a command before the last event, an invalid field value...
    Refused = 7,
    /// No request with the given id.
    NotFound = 8,
    /// The id already exists.
    Conflict = 9,
    /// The calendar cannot answer (a year without data, a zero duration, a reversed range).
    Calendar = 10,
    /// Engine configuration, SLA policy or calendar data is invalid.
    InvalidConfig = 11,
    /// An event log entry does not apply (wrong schema, does not fit the state).
    InvalidEvent = 12,
    /// The engine handle is NULL, freed or foreign (C ABI only, where detectable).
    InvalidHandle = 13,
    /// A panic was caught at the boundary; the engine is unchanged. Please report it.
    Panic = 14,
}

impl Status {
    /// The numeric value, as in the C header.
    pub const fn value(self) -> u32 {
        self as u32
    }

    /// Stable snake_case name, NUL-terminated for the C ABI (`wuye_status_name`); the one
    /// table of status names.
    pub const fn c_name(self) -> &'static CStr {
        match self {
            Status::Ok => c"ok",
            Status::NullArgument => c"null_argument",
            Status::InvalidUtf8 => c"invalid_utf8",
            Status::MalformedJson => c"malformed_json",
            Status::UnsupportedVersion => c"unsupported_version",
            Status::UnknownOperation => c"unknown_operation",
            Status::InvalidRequest => c"invalid_request",
            Status::Refused => c"refused",
            Status::NotFound => c"not_found",
            Status::Conflict => c"conflict",
            Status::Calendar => c"calendar",
            Status::InvalidConfig => c"invalid_config",
            Status::InvalidEvent => c"invalid_event",
            Status::InvalidHandle => c"invalid_handle",
            Status::Panic => c"panic",
        }
    }

    /// Stable snake_case name.
    pub fn as_str(self) -> &'static str {
        // The names are ASCII literals; the fallback cannot be reached.
        self.c_name().to_str().unwrap_or("unknown")
    }

    /// Every status, in value order.
    pub const ALL: [Status; 15] = [
        Status::Ok,
        Status::NullArgument,
        Status::InvalidUtf8,
        Status::MalformedJson,
        Status::UnsupportedVersion,
        Status::UnknownOperation,
        Status::InvalidRequest,
        Status::Refused,
        Status::NotFound,
        Status::Conflict,
        Status::Calendar,
        Status::InvalidConfig,
        Status::InvalidEvent,
        Status::InvalidHandle,
        Status::Panic,
    ];
}

/// A failed call: status, a finer machine-readable code, and a readable message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Failure {
    /// Status value (see [`Status`]).
    pub status: u32,
    /// Fine-grained code, e.g. `role_not_allowed`, `year_not_covered`, `unknown_field`.
    pub code: String,
    /// What went wrong, naming the request, step, field or line.
    pub message: String,
}

impl Failure {
    /// A failure with a status, code and message.
    pub fn new(status: Status, code: impl Into<String>, message: impl Into<String>) -> Self {
        Failure {
            status: status.value(),
            code: code.into(),
            message: message.into(),
        }
    }

    /// The status as an enum (unknown values read as [`Status::Panic`], which cannot happen
    /// for failures made by this library).
    pub fn status(&self) -> Status {
        Status::ALL
            .iter()
            .copied()
            .find(|s| s.value() == self.status)
            .unwrap_or(Status::Panic)
    }
}

#[cfg(feature = "desk")]
impl From<CalendarError> for Failure {
    fn from(e: CalendarError) -> Self {
        let code = match e {
            CalendarError::YearNotCovered { .. } => "year_not_covered",
            CalendarError::InvalidDuration { .. } => "invalid_duration",
            CalendarError::ReversedRange { .. } => "reversed_range",
            CalendarError::InvalidSpec { .. } => "invalid_calendar",
        };
        let status = if code == "invalid_calendar" {
            Status::InvalidConfig
        } else {
            Status::Calendar
        };
        Failure::new(status, code, e.to_string())
    }
}

#[cfg(feature = "desk")]
impl From<DeskError> for Failure {
    fn from(e: DeskError) -> Self {
        let status = match &e {
            DeskError::Request(_) => Status::Refused,
            DeskError::Sla(SlaError::Calendar { .. }) => Status::Calendar,
            DeskError::Sla(SlaError::InvalidPolicy { .. }) | DeskError::InvalidConfig { .. } => {
                Status::InvalidConfig
            }
            DeskError::Sla(SlaError::AsOfBeforeLastEvent { .. }) => Status::Refused,
            DeskError::Sla(SlaError::BadEvents { .. })
            | DeskError::UnsupportedSchema { .. }
            | DeskError::EventMismatch(_) => Status::InvalidEvent,
            DeskError::UnknownRequest { .. } => Status::NotFound,
            DeskError::DuplicateRequest { .. } => Status::Conflict,
        };
        let code = match &e {
            DeskError::Sla(SlaError::Calendar { source, .. }) => Failure::from(source.clone()).code,
            other => other.code().to_owned(),
        };
        Failure::new(status, code, e.to_string())
    }
}

#[cfg(feature = "desk")]
impl From<SlaError> for Failure {
    fn from(e: SlaError) -> Self {
        DeskError::from(e).into()
    }
}

#[cfg(feature = "fees")]
impl From<FeeError> for Failure {
    fn from(e: FeeError) -> Self {
        Failure::new(Status::Refused, e.code(), e.to_string())
    }
}

#[cfg(feature = "fees")]
impl From<AccountError> for Failure {
    fn from(e: AccountError) -> Self {
        let status = match &e {
            AccountError::Duplicate { .. } => Status::Conflict,
            AccountError::Unknown { .. } => Status::NotFound,
            AccountError::EventMismatch { .. } => Status::InvalidEvent,
            _ => Status::Refused,
        };
        Failure::new(status, e.code(), e.to_string())
    }
}

impl From<SurveyError> for Failure {
    fn from(e: SurveyError) -> Self {
        Failure::new(Status::Refused, e.code(), e.to_string())
    }
}

#[cfg(feature = "reports")]
impl From<KpiError> for Failure {
    fn from(e: KpiError) -> Self {
        match e {
            KpiError::Survey(e) => e.into(),
            KpiError::Calendar { ref source, .. } => {
                let mut f = Failure::from(source.clone());
                f.message = e.to_string();
                f
            }
        }
    }
}

/// The request envelope. `args` stays raw text until the operation is known, so each
/// operation's arguments are parsed once, straight into their type (no intermediate tree:
/// faster, and one deserializer per type keeps the WASM build small).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope<'a> {
    v: u32,
    #[serde(borrow)]
    op: std::borrow::Cow<'a, str>,
    #[serde(default, borrow)]
    args: Option<&'a RawValue>,
}

/// What an engine is created from: `{"v":1}` for the standard desk, or any of its parts,
/// or a previously exported `state`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct EngineConfig {
    v: u32,
    #[cfg(feature = "desk")]
    #[serde(default)]
    config: Option<DeskConfig>,
    #[cfg(feature = "desk")]
    #[serde(default)]
    policy: Option<SlaPolicy>,
    #[cfg(feature = "desk")]
    #[serde(default)]
    calendar: Option<CalendarSpec>,
    #[cfg(feature = "desk")]
    #[serde(default)]
    state: Option<Desk>,
}

macro_rules! args {
    ($(#[$m:meta])* $name:ident { $($(#[$fm:meta])* $f:ident : $t:ty),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Deserialize)]
        #[serde(deny_unknown_fields)]
        struct $name { $($(#[$fm])* $f: $t),* }
    };
}

#[cfg(feature = "desk")]
args!(DateArgs {
    #[serde(deserialize_with = "crate::time::de_date")]
    date: NaiveDate
});
#[cfg(feature = "desk")]
args!(DateRangeArgs {
    #[serde(deserialize_with = "crate::time::de_date")]
    from: NaiveDate,
    #[serde(deserialize_with = "crate::time::de_date")]
    to: NaiveDate
});
#[cfg(feature = "desk")]
args!(AddArgs {
    #[serde(deserialize_with = "crate::time::de")]
    start: Instant,
    seconds: i64
});
#[cfg(feature = "desk")]
args!(BetweenArgs {
    #[serde(deserialize_with = "crate::time::de")]
    from: Instant,
    #[serde(deserialize_with = "crate::time::de")]
    to: Instant
});
#[cfg(feature = "desk")]
args!(AtArgs {
    #[serde(deserialize_with = "crate::time::de")]
    at: Instant
});
#[cfg(feature = "desk")]
args!(RegisterArgs {
    request: NewRequest,
    actor: Actor,
    #[serde(deserialize_with = "crate::time::de")]
    now: Instant
});
#[cfg(feature = "desk")]
args!(ExecuteArgs {
    id: String,
    command: Command,
    actor: Actor,
    #[serde(deserialize_with = "crate::time::de")]
    now: Instant
});
#[cfg(feature = "desk")]
args!(ExecuteBatchArgs { steps: Vec<ExecuteArgs> });
#[cfg(feature = "desk")]
args!(IdArgs { id: String });
#[cfg(feature = "desk")]
args!(StatusArgs {
    id: String,
    #[serde(deserialize_with = "crate::time::de")]
    as_of: Instant
});
#[cfg(feature = "desk")]
args!(StatusBatchArgs { #[serde(default)] ids: Option<Vec<String>>, #[serde(deserialize_with = "crate::time::de")] as_of: Instant });
#[cfg(feature = "desk")]
args!(TickArgs {
    #[serde(deserialize_with = "crate::time::de")]
    now: Instant
});
#[cfg(feature = "desk")]
args!(EventsArgs { events: Vec<Event> });
#[cfg(feature = "desk")]
args!(EventsAsOfArgs { events: Vec<Event>, #[serde(deserialize_with = "crate::time::de")] as_of: Instant });
#[cfg(feature = "desk")]
args!(NoArgs {});
#[cfg(feature = "fees")]
args!(LoadEstateArgs { schedule: Value, units: Vec<Value> });
#[cfg(feature = "fees")]
args!(BillArgs {
    period: Period,
    #[serde(default)] schedule: Option<Value>,
    #[serde(default)] units: Option<Vec<Value>>,
    #[serde(default)] readings: Vec<Value>,
    #[serde(default)] usage: Vec<Value>,
    #[serde(default)] parking: Vec<Value>,
    #[serde(default)] shared: Vec<Value>,
    #[serde(default)] only: Option<Vec<String>>,
});
#[cfg(feature = "fees")]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BillEstateArgs {
    /// Read for its error only.
    #[allow(dead_code)]
    period: Period,
    /// Rows or columns.
    #[serde(default)]
    readings: Value,
    #[serde(default)]
    usage: Vec<Value>,
    #[serde(default)]
    parking: Vec<Value>,
    #[serde(default)]
    shared: Vec<Value>,
}
// The bulk fee calls straight into their types, in one pass over the text: the fast path.
// A tree of `Value`s for 100k readings or units costs ten times the billing run itself, so
// the element-by-element path above (which names the element at fault) runs only when this
// one fails, and then gives the error.
#[cfg(feature = "fees")]
args!(LoadEstateTyped {
    schedule: Schedule,
    units: Vec<Unit>
});
#[cfg(feature = "fees")]
args!(BillEstateTyped {
    period: Period,
    #[serde(default)] readings: Readings,
    #[serde(default)] usage: Vec<Usage>,
    #[serde(default)] parking: Vec<ParkingStay>,
    #[serde(default)] shared: Vec<SharedCost>,
});
#[cfg(feature = "fees")]
args!(ParkingArgs {
    tariff: ParkingTariff,
    #[serde(deserialize_with = "crate::time::de")]
    entry: Instant,
    #[serde(deserialize_with = "crate::time::de")]
    exit: Instant
});
#[cfg(feature = "fees")]
args!(ApportionArgs { amount: Money, weights: Vec<Decimal> });
#[cfg(feature = "fees")]
args!(AccountExecuteArgs {
    account: Account,
    command: AccountCommand
});
#[cfg(feature = "fees")]
args!(AccountAsOfArgs {
    account: Account,
    #[serde(deserialize_with = "crate::time::de_date")]
    as_of: NaiveDate
});
#[cfg(feature = "fees")]
args!(ArrearsArgs { account: Account, #[serde(deserialize_with = "crate::time::de_date")] as_of: NaiveDate, #[serde(default)] buckets: Option<Vec<u32>> });
// Surveys 满意度: pure functions of their arguments (crate::survey).
#[cfg(feature = "survey")]
args!(ProportionArgs {
    count: u64,
    total: u64
});
// Satisfaction and KPIs from the service log 回访满意率 / 服务指标 / 回访抽样 (survey::callback,
// survey::kpi, survey::sample). `events` omitted: the engine's own requests.
#[cfg(feature = "reports")]
args!(CallbacksArgs {
    #[serde(default)] events: Option<Vec<Event>>,
    #[serde(deserialize_with = "crate::time::de")]
    from: Instant,
    #[serde(deserialize_with = "crate::time::de")]
    to: Instant,
    #[serde(default)] by: GroupBy,
    #[serde(default)] threshold: Option<u8>,
});
#[cfg(feature = "reports")]
args!(KpiArgs {
    #[serde(default)] events: Option<Vec<Event>>,
    #[serde(deserialize_with = "crate::time::de")]
    from: Instant,
    #[serde(deserialize_with = "crate::time::de")]
    to: Instant,
    #[serde(default)] households: Option<u64>,
});
#[cfg(feature = "reports")]
args!(SampleArgs {
    #[serde(default)] ids: Option<Vec<String>>,
    #[serde(default, deserialize_with = "crate::time::de_opt")] from: Option<Instant>,
    #[serde(default, deserialize_with = "crate::time::de_opt")] to: Option<Instant>,
    seed: String,
    #[serde(default)] rate: Option<Decimal>,
    #[serde(default)] size: Option<u64>,
});

/// A parsed call, ready to run. Parsing needs no engine, so bindings parse outside their lock.
#[derive(Debug, Clone, PartialEq)]
pub struct Call(Op);

#[derive(Debug, Clone, PartialEq)]
enum Op {
    #[cfg(feature = "desk")]
    Info,
    #[cfg(feature = "desk")]
    Export,
    #[cfg(feature = "desk")]
    IsWorkingDay(DateArgs),
    #[cfg(feature = "desk")]
    WorkingDays(DateRangeArgs),
    #[cfg(feature = "desk")]
    Add(AddArgs),
    #[cfg(feature = "desk")]
    Between(BetweenArgs),
    #[cfg(feature = "desk")]
    NextWorkingInstant(AtArgs),
    #[cfg(feature = "desk")]
    Register(RegisterArgs),
    #[cfg(feature = "desk")]
    Execute(ExecuteArgs),
    #[cfg(feature = "desk")]
    ExecuteBatch(ExecuteBatchArgs),
    #[cfg(feature = "desk")]
    Get(IdArgs),
    #[cfg(feature = "desk")]
    Status(StatusArgs),
    #[cfg(feature = "desk")]
    StatusBatch(StatusBatchArgs),
    #[cfg(feature = "desk")]
    Tick(TickArgs),
    #[cfg(feature = "desk")]
    Replay(EventsArgs),
    #[cfg(feature = "desk")]
    StatusFromEvents(EventsAsOfArgs),
    #[cfg(feature = "fees")]
    LoadEstate(Box<(Schedule, Vec<Unit>)>),
    #[cfg(feature = "fees")]
    Bill(Box<BillCall>),
    #[cfg(feature = "fees")]
    BillEstate(Box<BillEstateCall>),
    #[cfg(feature = "fees")]
    Parking(ParkingArgs),
    #[cfg(feature = "fees")]
    Apportion(ApportionArgs),
    #[cfg(feature = "fees")]
    AccountExecute(Box<AccountExecuteArgs>),
    #[cfg(feature = "fees")]
    LateFees(Box<AccountAsOfArgs>),
    #[cfg(feature = "fees")]
    Arrears(Box<ArrearsArgs>),
    #[cfg(feature = "survey")]
    Servqual(Box<crate::survey::SurveyInput>),
    #[cfg(feature = "survey")]
    Servperf(Box<crate::survey::SurveyInput>),
    #[cfg(feature = "survey")]
    Csat(crate::survey::CsatInput),
    #[cfg(feature = "survey")]
    Nps(crate::survey::NpsInput),
    #[cfg(feature = "survey")]
    SurveyProportion(ProportionArgs),
    #[cfg(feature = "survey")]
    SurveyIndex(Box<crate::survey::IndexInput>),
    #[cfg(feature = "survey")]
    SurveyValue(crate::survey::ValueInput),
    #[cfg(feature = "reports")]
    SurveyCallbacks(Box<CallbacksArgs>),
    #[cfg(feature = "reports")]
    KpiReport(Box<KpiArgs>),
    #[cfg(feature = "reports")]
    SurveySample(Box<SampleArgs>),
}

/// A parsed `fee.bill`: inline schedule and units, or the loaded estate.
#[cfg(feature = "fees")]
#[derive(Debug, Clone, PartialEq)]
struct BillCall {
    period: Period,
    inline: Option<(Schedule, Vec<Unit>)>,
    inputs: BillInputs,
    only: Option<Vec<String>>,
}

/// A parsed `fee.bill_estate`: the readings (given as rows or as columns) in columns, the
/// other inputs in `inputs`.
#[cfg(feature = "fees")]
#[derive(Debug, Clone, PartialEq)]
struct BillEstateCall {
    period: Period,
    inputs: BillInputs,
    readings: ReadingColumns,
}

/// Every operation name, in the order of the reference.
pub const OPERATIONS: [&str; 34] = [
    "engine.info",
    "engine.export",
    "calendar.is_working_day",
    "calendar.working_days",
    "calendar.add",
    "calendar.between",
    "calendar.next_working_instant",
    "request.register",
    "request.execute",
    "request.execute_batch",
    "request.get",
    "sla.status",
    "sla.status_batch",
    "sla.tick",
    "log.replay",
    "sla.status_from_events",
    "fee.bill",
    "fee.load_estate",
    "fee.bill_estate",
    "fee.parking",
    "fee.apportion",
    "fee.account.execute",
    "fee.account.late_fees",
    "fee.account.arrears",
    "survey.servqual",
    "survey.servperf",
    "survey.csat",
    "survey.nps",
    "survey.proportion",
    "survey.index",
    "survey.value",
    "survey.callbacks",
    "kpi.report",
    "survey.sample",
];

/// The module of each operation group, by operation prefix: the cargo feature that compiles
/// the group in, and the WASM module of the JS package that answers it.
const MODULES: [(&str, &str); 10] = [
    ("engine.", "desk"),
    ("calendar.", "desk"),
    ("request.", "desk"),
    ("sla.", "desk"),
    ("log.", "desk"),
    ("fee.", "fees"),
    // The service-log figures read the engine's requests: a module of the desk with them.
    ("survey.callbacks", "reports"),
    ("survey.sample", "reports"),
    ("kpi.", "reports"),
    ("survey.", "survey"),
];

/// The refusal of an operation this build does not answer: one of the contract's, in a
/// module left out of the build (`module_not_included`, naming the module), or no operation at
/// all (`unknown_operation`, listing the contract's).
fn unknown_operation(op: &str) -> Failure {
    let module = MODULES
        .iter()
        .find(|(prefix, _)| op.starts_with(prefix))
        .map(|&(_, module)| module);
    match module {
        Some(module) if OPERATIONS.contains(&op) => Failure::new(
            Status::UnknownOperation,
            "module_not_included",
            format!(
                "operation {op:?} is in the {module} module, which this engine does not include"
            ),
        ),
        _ => Failure::new(
            Status::UnknownOperation,
            "unknown_operation",
            format!("unknown operation {op:?}; known: {}", OPERATIONS.join(", ")),
        ),
    }
}

fn json_failure(e: serde_json::Error, what: &str) -> Failure {
    json_failure_at(&e, what, true)
}

fn json_failure_at(e: &serde_json::Error, what: &str, with_position: bool) -> Failure {
    use serde_json::error::Category;
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let msg = match full.strip_suffix(&suffix) {
        Some(bare) if !with_position && e.line() != 0 => bare.to_owned(),
        _ => full,
    };
    match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => Failure::new(
            Status::MalformedJson,
            "malformed_json",
            format!("{what}: {msg}"),
        ),
        Category::Data => {
            let code = if msg.starts_with("unknown field") {
                "unknown_field"
            } else if msg.starts_with("missing field") {
                "missing_field"
            } else if msg.starts_with("invalid type") {
                "wrong_type"
            } else {
                "invalid_value"
            };
            Failure::new(Status::InvalidRequest, code, format!("{what}: {msg}"))
        }
    }
}

fn parse_args<T: DeserializeOwned>(op: &str, args: Option<&RawValue>) -> Result<T, Failure> {
    // A missing (or null) `args` reads as an empty object.
    let text = args
        .map(RawValue::get)
        .filter(|t| *t != "null")
        .unwrap_or("{}");
    serde_json::from_str(text).map_err(|e| {
        // Positions inside the arguments' own text would mislead: name the operation instead.
        let mut f = json_failure_at(&e, &format!("{op} args"), false);
        if f.status == Status::MalformedJson.value() {
            f.status = Status::InvalidRequest.value();
        }
        f
    })
}

/// Deserializes list elements one by one, so that an error names the element: its index
/// and, when readable, its unit and item.
#[cfg(feature = "fees")]
fn elements<T: DeserializeOwned>(
    op: &str,
    list: &str,
    values: Vec<Value>,
) -> Result<Vec<T>, Failure> {
    values
        .into_iter()
        .enumerate()
        .map(|(k, v)| {
            let name = |key: &str| v.get(key).and_then(Value::as_str).map(str::to_owned);
            let (unit, item) = match list {
                "units" => (name("id"), None),
                _ => (name("unit"), name("item")),
            };
            serde_json::from_value(v).map_err(|e| {
                let mut f = json_failure(e, &format!("{op} args"));
                let mut at = format!("{list}[{k}]");
                if let Some(u) = unit {
                    at.push_str(&format!(" (unit {u}"));
                    at.push_str(&item.map_or(")".to_owned(), |i| format!(", item {i})")));
                } else if let Some(i) = item {
                    at.push_str(&format!(" (item {i})"));
                }
                f.message =
                    f.message
                        .replacen(&format!("{op} args"), &format!("{op} args: {at}"), 1);
                f
            })
        })
        .collect()
}

#[cfg(feature = "fees")]
fn schedule_of(op: &str, v: Value) -> Result<Schedule, Failure> {
    serde_json::from_value(v).map_err(|e| json_failure(e, &format!("{op} args: schedule")))
}

#[cfg(feature = "fees")]
fn inputs_of(
    op: &str,
    readings: Vec<Value>,
    usage: Vec<Value>,
    parking: Vec<Value>,
    shared: Vec<Value>,
) -> Result<BillInputs, Failure> {
    Ok(BillInputs {
        readings: elements::<Reading>(op, "readings", readings)?,
        usage: elements::<Usage>(op, "usage", usage)?,
        parking: elements::<ParkingStay>(op, "parking", parking)?,
        shared: elements::<SharedCost>(op, "shared", shared)?,
    })
}

fn check_version(v: u32) -> Result<(), Failure> {
    if v == CONTRACT_VERSION {
        Ok(())
    } else {
        Err(Failure::new(
            Status::UnsupportedVersion,
            "unsupported_version",
            format!("contract version {v} is not supported; this library speaks version {CONTRACT_VERSION}"),
        ))
    }
}

fn utf8(bytes: &[u8]) -> Result<&str, Failure> {
    std::str::from_utf8(bytes).map_err(|e| {
        Failure::new(
            Status::InvalidUtf8,
            "invalid_utf8",
            format!("request is not UTF-8: {e}"),
        )
    })
}

/// The desk an engine configuration describes: a saved `state`, or the standard desk with
/// the parts given.
#[cfg(feature = "desk")]
fn desk_of(cfg: EngineConfig) -> Result<Desk, Failure> {
    if let Some(state) = cfg.state {
        if cfg.config.is_some() || cfg.policy.is_some() || cfg.calendar.is_some() {
            return Err(Failure::new(
                Status::InvalidConfig,
                "invalid_config",
                "give either a saved `state` or `config`/`policy`/`calendar`, not both",
            ));
        }
        state.validate()?;
        return Ok(state);
    }
    let calendar = match cfg.calendar {
        Some(spec) => BusinessCalendar::from_spec(spec)?,
        None => BusinessCalendar::china_mainland(),
    };
    Ok(Desk::new(
        cfg.config.unwrap_or_default(),
        cfg.policy.unwrap_or_else(SlaPolicy::standard),
        calendar,
    )?)
}

impl Call {
    /// Parses request bytes: UTF-8, JSON, version, operation, arguments.
    pub fn parse(bytes: &[u8]) -> Result<Call, Failure> {
        let text = utf8(bytes)?;
        // Parse the envelope first so the version is checked before the arguments.
        let env: Envelope = serde_json::from_str(text).map_err(|e| json_failure(e, "request"))?;
        check_version(env.v)?;
        let op: &str = &env.op;
        let a = env.args;
        let parsed = match op {
            #[cfg(feature = "desk")]
            "engine.info" => parse_args::<NoArgs>(op, a).map(|_| Op::Info)?,
            #[cfg(feature = "desk")]
            "engine.export" => parse_args::<NoArgs>(op, a).map(|_| Op::Export)?,
            #[cfg(feature = "desk")]
            "calendar.is_working_day" => Op::IsWorkingDay(parse_args(op, a)?),
            #[cfg(feature = "desk")]
            "calendar.working_days" => Op::WorkingDays(parse_args(op, a)?),
            #[cfg(feature = "desk")]
            "calendar.add" => Op::Add(parse_args(op, a)?),
            #[cfg(feature = "desk")]
            "calendar.between" => Op::Between(parse_args(op, a)?),
            #[cfg(feature = "desk")]
            "calendar.next_working_instant" => Op::NextWorkingInstant(parse_args(op, a)?),
            #[cfg(feature = "desk")]
            "request.register" => Op::Register(parse_args(op, a)?),
            #[cfg(feature = "desk")]
            "request.execute" => Op::Execute(parse_args(op, a)?),
            #[cfg(feature = "desk")]
            "request.execute_batch" => Op::ExecuteBatch(parse_args(op, a)?),
            #[cfg(feature = "desk")]
            "request.get" => Op::Get(parse_args(op, a)?),
            #[cfg(feature = "desk")]
            "sla.status" => Op::Status(parse_args(op, a)?),
            #[cfg(feature = "desk")]
            "sla.status_batch" => Op::StatusBatch(parse_args(op, a)?),
            #[cfg(feature = "desk")]
            "sla.tick" => Op::Tick(parse_args(op, a)?),
            #[cfg(feature = "desk")]
            "log.replay" => Op::Replay(parse_args(op, a)?),
            #[cfg(feature = "desk")]
            "sla.status_from_events" => Op::StatusFromEvents(parse_args(op, a)?),
            #[cfg(feature = "fees")]
            "fee.load_estate" => {
                if let Ok(t) = parse_args::<LoadEstateTyped>(op, a) {
                    return Ok(Call(Op::LoadEstate(Box::new((t.schedule, t.units)))));
                }
                let a: LoadEstateArgs = parse_args(op, a)?;
                let units = elements::<Unit>(op, "units", a.units)?;
                Op::LoadEstate(Box::new((schedule_of(op, a.schedule)?, units)))
            }
            #[cfg(feature = "fees")]
            "fee.bill" => {
                let a: BillArgs = parse_args(op, a)?;
                let inline = match (a.schedule, a.units) {
                    (Some(s), Some(u)) => Some((schedule_of(op, s)?, elements::<Unit>(op, "units", u)?)),
                    (None, None) => None,
                    _ => {
                        return Err(Failure::new(
                            Status::InvalidRequest,
                            "missing_field",
                            "fee.bill args: give both `schedule` and `units`, or neither (to bill the loaded estate)",
                        ))
                    }
                };
                Op::Bill(Box::new(BillCall {
                    period: a.period,
                    inline,
                    inputs: inputs_of(op, a.readings, a.usage, a.parking, a.shared)?,
                    only: a.only,
                }))
            }
            #[cfg(feature = "fees")]
            "fee.bill_estate" => {
                let fast = match parse_args::<BillEstateTyped>(op, a) {
                    Ok(t) => {
                        let inputs = BillInputs {
                            readings: Vec::new(),
                            usage: t.usage,
                            parking: t.parking,
                            shared: t.shared,
                        };
                        let call = BillEstateCall {
                            period: t.period,
                            inputs,
                            readings: t.readings.0,
                        };
                        return Ok(Call(Op::BillEstate(Box::new(call))));
                    }
                    Err(f) => f,
                };
                // Element by element, to name the row at fault (columns name their own
                // entry); the one-pass error stands if every element reads on its own.
                let a: BillEstateArgs = parse_args(op, a)?;
                if let Value::Array(rows) = a.readings {
                    elements::<Reading>(op, "readings", rows)?;
                }
                inputs_of(op, Vec::new(), a.usage, a.parking, a.shared)?;
                return Err(fast);
            }
            #[cfg(feature = "fees")]
            "fee.parking" => Op::Parking(parse_args(op, a)?),
            #[cfg(feature = "fees")]
            "fee.apportion" => Op::Apportion(parse_args(op, a)?),
            #[cfg(feature = "fees")]
            "fee.account.execute" => Op::AccountExecute(Box::new(parse_args(op, a)?)),
            #[cfg(feature = "fees")]
            "fee.account.late_fees" => Op::LateFees(Box::new(parse_args(op, a)?)),
            #[cfg(feature = "fees")]
            "fee.account.arrears" => Op::Arrears(Box::new(parse_args(op, a)?)),
            #[cfg(feature = "survey")]
            "survey.servqual" => Op::Servqual(Box::new(parse_args(op, a)?)),
            #[cfg(feature = "survey")]
            "survey.servperf" => Op::Servperf(Box::new(parse_args(op, a)?)),
            #[cfg(feature = "survey")]
            "survey.csat" => Op::Csat(parse_args(op, a)?),
            #[cfg(feature = "survey")]
            "survey.nps" => Op::Nps(parse_args(op, a)?),
            #[cfg(feature = "survey")]
            "survey.proportion" => Op::SurveyProportion(parse_args(op, a)?),
            #[cfg(feature = "survey")]
            "survey.index" => Op::SurveyIndex(Box::new(parse_args(op, a)?)),
            #[cfg(feature = "survey")]
            "survey.value" => Op::SurveyValue(parse_args(op, a)?),
            #[cfg(feature = "reports")]
            "survey.callbacks" => Op::SurveyCallbacks(Box::new(parse_args(op, a)?)),
            #[cfg(feature = "reports")]
            "kpi.report" => Op::KpiReport(Box::new(parse_args(op, a)?)),
            #[cfg(feature = "reports")]
            "survey.sample" => Op::SurveySample(Box::new(parse_args(op, a)?)),
            other => return Err(unknown_operation(other)),
        };
        Ok(Call(parsed))
    }

    /// Whether the call changes the engine (bindings take a write lock for these and a
    /// shared read lock for the rest).
    pub fn mutates(&self) -> bool {
        match self.0 {
            #[cfg(feature = "desk")]
            Op::Register(_)
            | Op::Execute(_)
            | Op::ExecuteBatch(_)
            | Op::Tick(_)
            | Op::Replay(_) => true,
            #[cfg(feature = "fees")]
            Op::LoadEstate(_) => true,
            #[allow(unreachable_patterns)]
            _ => false,
        }
    }
}

/// The engine behind a handle: a [`Desk`] driven through the contract, and the estate
/// loaded for fee runs (`fee.load_estate`), if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Engine {
    #[cfg(feature = "desk")]
    desk: Desk,
    #[cfg(feature = "fees")]
    estate: Option<Box<Estate>>,
}

#[cfg(feature = "desk")]
#[derive(Serialize)]
struct Info<'a> {
    contract_version: u32,
    library_version: &'a str,
    requests: usize,
    operations: &'a [&'a str],
}

#[cfg(feature = "desk")]
#[derive(Serialize)]
struct EventsOut<'a> {
    events: &'a [Event],
}

/// One item of a batch result.
#[cfg(feature = "desk")]
#[derive(Serialize)]
#[serde(untagged)]
enum Item<T> {
    Ok { ok: bool, result: T },
    Err { ok: bool, error: Failure },
}

#[cfg(feature = "desk")]
impl<T> From<Result<T, Failure>> for Item<T> {
    fn from(r: Result<T, Failure>) -> Self {
        match r {
            Ok(result) => Item::Ok { ok: true, result },
            Err(error) => Item::Err { ok: false, error },
        }
    }
}

fn ok_response<T: Serialize>(result: &T) -> Vec<u8> {
    #[derive(Serialize)]
    struct Ok<'a, T> {
        v: u32,
        ok: bool,
        result: &'a T,
    }
    serde_json::to_vec(&Ok {
        v: CONTRACT_VERSION,
        ok: true,
        result,
    })
    .unwrap_or_else(|e| {
        failure_response(&Failure::new(
            Status::Panic,
            "serialize",
            format!("could not serialize the result: {e}"),
        ))
    })
}

/// The response bytes for a failure.
pub fn failure_response(f: &Failure) -> Vec<u8> {
    #[derive(Serialize)]
    struct Err<'a> {
        v: u32,
        ok: bool,
        error: &'a Failure,
    }
    serde_json::to_vec(&Err {
        v: CONTRACT_VERSION,
        ok: false,
        error: f,
    })
    // A struct of a number and two strings always serializes.
    .unwrap_or_default()
}

/// A response: its status (for the C ABI's return value) and its JSON bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// [`Status::Ok`] or the failure's status.
    pub status: Status,
    /// The response JSON.
    pub body: Vec<u8>,
}

impl Response {
    fn ok<T: Serialize>(result: &T) -> Response {
        Response {
            status: Status::Ok,
            body: ok_response(result),
        }
    }

    /// The response for a failure.
    pub fn failure(f: &Failure) -> Response {
        Response {
            status: f.status(),
            body: failure_response(f),
        }
    }

    fn from_result<T: Serialize>(r: Result<T, Failure>) -> Response {
        match r {
            Ok(v) => Response::ok(&v),
            Err(f) => Response::failure(&f),
        }
    }
}

impl Engine {
    /// Creates an engine from its configuration JSON (see the reference): `{"v":1}` is the
    /// standard desk (default departments, standard SLA policy, China calendar).
    pub fn new(config: &[u8]) -> Result<Engine, Failure> {
        let text = utf8(config)?;
        let cfg: EngineConfig =
            serde_json::from_str(text).map_err(|e| json_failure(e, "engine config"))?;
        check_version(cfg.v)?;
        Ok(Engine {
            #[cfg(feature = "desk")]
            desk: desk_of(cfg)?,
            #[cfg(feature = "fees")]
            estate: None,
        })
    }

    /// An engine around an existing desk.
    #[cfg(feature = "desk")]
    pub fn from_desk(desk: Desk) -> Engine {
        Engine {
            desk,
            #[cfg(feature = "fees")]
            estate: None,
        }
    }

    /// The estate loaded for fee runs, if any.
    #[cfg(feature = "fees")]
    pub fn estate(&self) -> Option<&Estate> {
        self.estate.as_deref()
    }

    /// The desk.
    #[cfg(feature = "desk")]
    pub fn desk(&self) -> &Desk {
        &self.desk
    }

    /// Parses and runs one request: the whole contract in one call.
    pub fn handle(&mut self, request: &[u8]) -> Response {
        match Call::parse(request) {
            Ok(call) => self.run(call),
            Err(f) => Response::failure(&f),
        }
    }

    /// Runs a parsed call that may change the engine. On failure nothing changes.
    pub fn run(&mut self, call: Call) -> Response {
        #[cfg(feature = "desk")]
        let desk = &mut self.desk;
        match call.0 {
            #[cfg(feature = "desk")]
            Op::Register(a) => Response::from_result(
                desk.register(a.request, &a.actor, a.now)
                    .map(|events| EventsOutOwned { events })
                    .map_err(Failure::from),
            ),
            #[cfg(feature = "desk")]
            Op::Execute(a) => Response::from_result(
                desk.execute(&a.id, &a.command, &a.actor, a.now)
                    .map(|events| EventsOutOwned { events })
                    .map_err(Failure::from),
            ),
            #[cfg(feature = "desk")]
            Op::ExecuteBatch(a) => {
                // Each step stands alone: a refused step changes nothing and the next runs.
                let results: Vec<Item<EventsOutOwned>> = a
                    .steps
                    .into_iter()
                    .map(|s| {
                        desk.execute(&s.id, &s.command, &s.actor, s.now)
                            .map(|events| EventsOutOwned { events })
                            .map_err(Failure::from)
                            .into()
                    })
                    .collect();
                Response::ok(&ResultsOut { results })
            }
            #[cfg(feature = "desk")]
            Op::Tick(a) => {
                let events = desk.tick(a.now);
                Response::ok(&EventsOut { events: &events })
            }
            #[cfg(feature = "desk")]
            Op::Replay(a) => {
                // All or nothing: replay into a copy, keep it only if every event applies.
                let mut next = desk.clone();
                for (i, e) in a.events.iter().enumerate() {
                    if let Err(err) = next.apply(e) {
                        return Response::failure(&bad_event(i, err));
                    }
                }
                *desk = next;
                Response::ok(&Applied {
                    applied: a.events.len(),
                    requests: desk.len(),
                })
            }
            #[cfg(feature = "fees")]
            Op::LoadEstate(a) => {
                let (schedule, units) = *a;
                match Estate::load(schedule, units) {
                    Ok(estate) => {
                        let out = Loaded {
                            units: estate.units().len(),
                            items: estate
                                .schedule()
                                .items
                                .iter()
                                .map(|i| i.code.as_str())
                                .collect(),
                        };
                        let r = Response::ok(&out);
                        self.estate = Some(Box::new(estate));
                        r
                    }
                    Err(e) => Response::failure(&e.into()),
                }
            }
            other => self.run_read(Call(other)),
        }
    }

    /// Runs a call that only reads the engine ([`Call::mutates`] is false). A mutating
    /// call given here is refused with [`Status::InvalidRequest`].
    pub fn run_read(&self, call: Call) -> Response {
        #[cfg(feature = "desk")]
        let desk = &self.desk;
        #[cfg(feature = "desk")]
        let cal = desk.calendar();
        match call.0 {
            #[cfg(feature = "desk")]
            Op::Info => Response::ok(&Info {
                contract_version: CONTRACT_VERSION,
                library_version: crate::VERSION,
                requests: desk.len(),
                operations: &OPERATIONS,
            }),
            #[cfg(feature = "desk")]
            Op::Export => Response::ok(&StateOut { state: desk }),
            #[cfg(feature = "desk")]
            Op::IsWorkingDay(a) => Response::from_result(
                cal.is_working_day(a.date)
                    .map(|working| WorkingOut { working })
                    .map_err(Failure::from),
            ),
            #[cfg(feature = "desk")]
            Op::WorkingDays(a) => Response::from_result(
                cal.working_days(a.from, a.to)
                    .map(|days| DaysOut { days })
                    .map_err(Failure::from),
            ),
            #[cfg(feature = "desk")]
            Op::Add(a) => Response::from_result(
                cal.add(a.start, a.seconds)
                    .map(|instant| InstantOut { instant })
                    .map_err(Failure::from),
            ),
            #[cfg(feature = "desk")]
            Op::Between(a) => Response::from_result(
                cal.between(a.from, a.to)
                    .map(|seconds| SecondsOut { seconds })
                    .map_err(Failure::from),
            ),
            #[cfg(feature = "desk")]
            Op::NextWorkingInstant(a) => Response::from_result(
                cal.next_working_instant(a.at)
                    .map(|instant| InstantOut { instant })
                    .map_err(Failure::from),
            ),
            #[cfg(feature = "desk")]
            Op::Get(a) => Response::from_result(
                desk.request(&a.id)
                    .map(|request| RequestOut { request })
                    .ok_or_else(|| {
                        DeskError::UnknownRequest {
                            request: a.id.clone(),
                        }
                        .into()
                    }),
            ),
            #[cfg(feature = "desk")]
            Op::Status(a) => {
                Response::from_result(desk.sla_status(&a.id, a.as_of).map_err(Failure::from))
            }
            #[cfg(feature = "desk")]
            Op::StatusBatch(a) => {
                let statuses: Vec<Item<SlaStatus>> = match a.ids {
                    None => desk
                        .sla_statuses(a.as_of)
                        .map(|r| r.map_err(Failure::from).into())
                        .collect(),
                    Some(ids) => ids
                        .iter()
                        .map(|id| desk.sla_status(id, a.as_of).map_err(Failure::from).into())
                        .collect(),
                };
                Response::ok(&StatusesOut { statuses })
            }
            #[cfg(feature = "desk")]
            Op::StatusFromEvents(a) => {
                Response::from_result(known_schemas(&a.events).and_then(|()| {
                    sla::status_from_events(&a.events, desk.policy(), cal, a.as_of)
                        .map_err(Failure::from)
                }))
            }
            #[cfg(feature = "fees")]
            Op::Bill(a) => Response::from_result(self.fee_bill(*a)),
            #[cfg(feature = "fees")]
            Op::BillEstate(a) => {
                let BillEstateCall {
                    period,
                    inputs,
                    readings,
                } = *a;
                let mut lines = Vec::new();
                let total = self.loaded().and_then(|estate| {
                    Ok(estate.bill_compact_columns(period, &inputs, &readings, &mut lines)?)
                });
                match total {
                    Ok(total) => Response {
                        status: Status::Ok,
                        body: compact_response(period, &lines, total),
                    },
                    Err(f) => Response::failure(&f),
                }
            }
            #[cfg(feature = "fees")]
            Op::Parking(a) => Response::from_result(
                a.tariff
                    .validate(|f| crate::fee::Place::field(format!("tariff.{f}")))
                    .and_then(|()| {
                        a.tariff
                            .charge(a.entry, a.exit, |f| crate::fee::Place::field(f.to_owned()))
                    })
                    .map(|charge| ParkingOut {
                        text: charge.explain(&a.tariff),
                        charge,
                    })
                    .map_err(Failure::from),
            ),
            #[cfg(feature = "fees")]
            Op::Apportion(a) => Response::from_result(
                split_largest_remainder(a.amount, &a.weights)
                    .map(|parts| PartsOut { parts })
                    .map_err(|e| Failure::new(Status::Refused, "bad_weights", e.to_string())),
            ),
            #[cfg(feature = "fees")]
            Op::AccountExecute(a) => {
                let AccountExecuteArgs { account, command } = *a;
                if let Err(e) = account.policy.validate() {
                    return Response::failure(&e.into());
                }
                Response::from_result(
                    account
                        .transition(&command)
                        .map(|(account, events)| AccountOut { account, events })
                        .map_err(Failure::from),
                )
            }
            #[cfg(feature = "fees")]
            Op::LateFees(a) => Response::from_result(
                a.account
                    .late_fees(a.as_of)
                    .map(|late_fees| LateFeesOut {
                        outstanding: Money::from_fen(
                            late_fees.iter().map(|l| l.outstanding.fen()).sum(),
                        ),
                        late_fees,
                    })
                    .map_err(Failure::from),
            ),
            #[cfg(feature = "fees")]
            Op::Arrears(a) => Response::from_result(
                ageing(
                    &a.account,
                    a.as_of,
                    a.buckets.as_deref().unwrap_or(&DEFAULT_BUCKETS),
                )
                .map_err(Failure::from),
            ),
            #[cfg(feature = "survey")]
            Op::Servqual(a) => {
                Response::from_result(crate::survey::servqual(&a).map_err(Failure::from))
            }
            #[cfg(feature = "survey")]
            Op::Servperf(a) => {
                Response::from_result(crate::survey::servperf(&a).map_err(Failure::from))
            }
            #[cfg(feature = "survey")]
            Op::Csat(a) => {
                Response::from_result(crate::survey::Csat::score(&a).map_err(Failure::from))
            }
            #[cfg(feature = "survey")]
            Op::Nps(a) => {
                Response::from_result(crate::survey::Nps::score(&a).map_err(Failure::from))
            }
            #[cfg(feature = "survey")]
            Op::SurveyProportion(a) => Response::from_result(
                crate::survey::Proportion::of(a.count, a.total, "args").map_err(Failure::from),
            ),
            #[cfg(feature = "survey")]
            Op::SurveyIndex(a) => {
                Response::from_result(crate::survey::IndexReport::score(&a).map_err(Failure::from))
            }
            #[cfg(feature = "survey")]
            Op::SurveyValue(a) => Response::from_result(
                crate::survey::ValueReport::compute(&a).map_err(Failure::from),
            ),
            #[cfg(feature = "reports")]
            Op::SurveyCallbacks(a) => {
                Response::from_result(survey_desk(desk, a.events).and_then(|d| {
                    let period = ReportPeriod::new(a.from, a.to)?;
                    Ok(CallbackReport::of(&d, period, a.by, a.threshold)?)
                }))
            }
            #[cfg(feature = "reports")]
            Op::KpiReport(a) => Response::from_result(survey_desk(desk, a.events).and_then(|d| {
                let period = ReportPeriod::new(a.from, a.to)?;
                Ok(KpiReport::of(&d, period, a.households)?)
            })),
            #[cfg(feature = "reports")]
            Op::SurveySample(a) => Response::from_result(survey_sample(desk, *a)),
            #[cfg(feature = "desk")]
            Op::Register(_)
            | Op::Execute(_)
            | Op::ExecuteBatch(_)
            | Op::Tick(_)
            | Op::Replay(_) => mutating_call(),
            #[cfg(feature = "fees")]
            Op::LoadEstate(_) => mutating_call(),
        }
    }
}

#[cfg(any(feature = "desk", feature = "fees"))]
fn mutating_call() -> Response {
    Response::failure(&Failure::new(
        Status::InvalidRequest,
        "mutating_call",
        "this operation changes the engine; run it with write access",
    ))
}

#[cfg(feature = "fees")]
impl Engine {
    fn loaded(&self) -> Result<&Estate, Failure> {
        self.estate.as_deref().ok_or_else(|| {
            Failure::new(
                Status::Refused,
                "no_estate",
                "no estate is loaded: call fee.load_estate first, or give `schedule` and `units`",
            )
        })
    }

    fn fee_bill(&self, a: BillCall) -> Result<BillsOut, Failure> {
        let owned;
        let estate = match a.inline {
            Some((schedule, units)) => {
                owned = Estate::load(schedule, units)?;
                &owned
            }
            None => self.loaded()?,
        };
        let bills = estate.bill(a.period, &a.inputs, a.only.as_deref())?;
        let total = Money::sum(bills.iter().map(|b| b.total))
            .map_err(|e| Failure::new(Status::Refused, "overflow", e.to_string()))?;
        Ok(BillsOut { bills, total })
    }
}

#[cfg(feature = "fees")]
#[derive(Serialize)]
struct Loaded<'a> {
    units: usize,
    items: Vec<&'a str>,
}
#[cfg(feature = "fees")]
#[derive(Serialize)]
struct BillsOut {
    bills: Vec<Bill>,
    total: Money,
}
#[cfg(feature = "fees")]
/// The `fee.bill_estate` success response: compact lines as three parallel columns (unit
/// index, item index, amount), `{"v":1,"ok":true,"result":{"period":…,"lines":{"unit":[…],
/// "item":[…],"amount":[…]},"total":…}}`. Written by hand, byte for byte what serde would
/// write: for 500k lines serde and `core::fmt` cost as much as the run itself. The exact
/// length is counted first, then every byte is written in place (no growth, no copy).
fn compact_response(period: Period, lines: &[CompactLine], total: Money) -> Vec<u8> {
    /// "00" to "99".
    const PAIRS: [u8; 200] = {
        let mut t = [0u8; 200];
        let mut i = 0;
        while i < 100 {
            t[2 * i] = b'0' + (i / 10) as u8;
            t[2 * i + 1] = b'0' + (i % 10) as u8;
            i += 1;
        }
        t
    };
    fn digits(v: u64) -> usize {
        v.checked_ilog10().map_or(1, |l| l as usize + 1)
    }
    /// `"-12.34"`: sign, yuan, point, fen, two quotes.
    fn money_len(m: Money) -> usize {
        let fen = m.fen();
        usize::from(fen < 0) + digits(fen.unsigned_abs() / 100) + 5
    }
    /// Writes `v` at `b[at..]`, two digits at a time from the right; returns the end.
    #[inline(always)]
    fn int(b: &mut [u8], at: usize, v: u64) -> usize {
        let n = digits(v);
        let out = &mut b[at..at + n];
        let (mut j, mut x) = (n, v);
        while x >= 100 {
            let r = (x % 100) as usize * 2;
            x /= 100;
            j -= 2;
            out[j] = PAIRS[r];
            out[j + 1] = PAIRS[r + 1];
        }
        if x >= 10 {
            let r = x as usize * 2;
            out[0] = PAIRS[r];
            out[1] = PAIRS[r + 1];
        } else {
            out[0] = b'0' + x as u8;
        }
        at + n
    }
    /// As `Money`'s Display, quoted.
    fn money(b: &mut [u8], mut at: usize, m: Money) -> usize {
        let fen = m.fen();
        b[at] = b'"';
        at += 1;
        if fen < 0 {
            b[at] = b'-';
            at += 1;
        }
        let abs = fen.unsigned_abs();
        at = int(b, at, abs / 100);
        let r = (abs % 100) as usize * 2;
        b[at..at + 4].copy_from_slice(&[b'.', PAIRS[r], PAIRS[r + 1], b'"']);
        at + 4
    }
    fn lit(b: &mut [u8], at: usize, s: &[u8]) -> usize {
        b[at..at + s.len()].copy_from_slice(s);
        at + s.len()
    }
    /// Column `c` (0 unit, 1 item, 2 amount) after its name: `first,second,…]`.
    fn column(b: &mut [u8], mut at: usize, lines: &[CompactLine], c: usize) -> usize {
        for (k, l) in lines.iter().enumerate() {
            if k > 0 {
                b[at] = b',';
                at += 1;
            }
            at = match c {
                0 => int(b, at, l.unit.into()),
                1 => int(b, at, l.item.into()),
                _ => money(b, at, l.amount),
            };
        }
        at
    }
    let head = format!(
        r#"{{"v":{CONTRACT_VERSION},"ok":true,"result":{{"period":"{period}","lines":{{"unit":["#
    );
    const ITEM: &[u8] = br#"],"item":["#;
    const AMOUNT: &[u8] = br#"],"amount":["#;
    const TOTAL: &[u8] = br#"]},"total":"#;
    // Each column has n − 1 commas.
    let commas = 3 * lines.len().saturating_sub(1);
    let len = head.len()
        + ITEM.len()
        + AMOUNT.len()
        + TOTAL.len()
        + money_len(total)
        + 2
        + commas
        + lines
            .iter()
            .map(|l| digits(l.unit.into()) + digits(l.item.into()) + money_len(l.amount))
            .sum::<usize>();
    let mut b = vec![0; len];
    let mut at = lit(&mut b, 0, head.as_bytes());
    at = column(&mut b, at, lines, 0);
    at = lit(&mut b, at, ITEM);
    at = column(&mut b, at, lines, 1);
    at = lit(&mut b, at, AMOUNT);
    at = column(&mut b, at, lines, 2);
    at = lit(&mut b, at, TOTAL);
    at = money(&mut b, at, total);
    at = lit(&mut b, at, b"}}");
    debug_assert_eq!(at, len);
    b
}

#[cfg(feature = "fees")]
#[derive(Serialize)]
struct ParkingOut {
    charge: crate::fee::parking::ParkingCharge,
    text: Vec<String>,
}
#[cfg(feature = "fees")]
#[derive(Serialize)]
struct PartsOut {
    parts: Vec<Money>,
}
#[cfg(feature = "fees")]
#[derive(Serialize)]
struct AccountOut {
    account: Account,
    events: Vec<AccountEvent>,
}
#[cfg(feature = "fees")]
#[derive(Serialize)]
struct LateFeesOut {
    late_fees: Vec<LateFeeLine>,
    outstanding: Money,
}

#[cfg(feature = "desk")]
#[derive(Serialize)]
struct EventsOutOwned {
    events: Vec<Event>,
}
#[cfg(feature = "desk")]
#[derive(Serialize)]
struct ResultsOut {
    results: Vec<Item<EventsOutOwned>>,
}
#[cfg(feature = "desk")]
#[derive(Serialize)]
struct Applied {
    applied: usize,
    requests: usize,
}
#[cfg(feature = "desk")]
#[derive(Serialize)]
struct StateOut<'a> {
    state: &'a Desk,
}
#[cfg(feature = "desk")]
#[derive(Serialize)]
struct WorkingOut {
    working: bool,
}
#[cfg(feature = "desk")]
#[derive(Serialize)]
struct DaysOut {
    days: u32,
}
#[cfg(feature = "desk")]
#[derive(Serialize)]
struct InstantOut {
    #[serde(serialize_with = "crate::time::ser")]
    instant: Instant,
}
#[cfg(feature = "desk")]
#[derive(Serialize)]
struct SecondsOut {
    seconds: i64,
}
#[cfg(feature = "desk")]
#[derive(Serialize)]
struct RequestOut<'a> {
    request: &'a ServiceRequest,
}
#[cfg(feature = "desk")]
#[derive(Serialize)]
struct StatusesOut {
    statuses: Vec<Item<SlaStatus>>,
}

#[cfg(feature = "reports")]
/// The desk a survey operation reads: the engine's own, or — given `events` — a desk with the
/// engine's configuration, policy and calendar rebuilt from them, as `log.replay` would (each
/// request's events from its registration; an event that does not apply is refused with its
/// index).
fn survey_desk(
    desk: &Desk,
    events: Option<Vec<Event>>,
) -> Result<std::borrow::Cow<'_, Desk>, Failure> {
    let Some(events) = events else {
        return Ok(std::borrow::Cow::Borrowed(desk));
    };
    Desk::replay(
        desk.config().clone(),
        desk.policy().clone(),
        desk.calendar().clone(),
        &events,
    )
    .map(std::borrow::Cow::Owned)
    .map_err(|(i, err)| bad_event(i, err))
}

/// Event `i` of a log does not apply. Whatever the cause (an unknown request, a duplicate
/// registration, an event that does not fit), it is the log entry that is at fault.
#[cfg(feature = "desk")]
fn bad_event(i: usize, err: DeskError) -> Failure {
    let mut f = Failure::from(err);
    f.status = Status::InvalidEvent.value();
    f.message = format!("event {i}: {}", f.message);
    f
}

#[cfg(feature = "reports")]
/// `survey.sample`: the given ids, or the engine's requests closed in `[from, to)`; by rate
/// or by size.
fn survey_sample(desk: &Desk, a: SampleArgs) -> Result<sampling::Sample, Failure> {
    let args_error = |code: &str, msg: &str| {
        Failure::new(
            Status::InvalidRequest,
            code,
            format!("survey.sample args: {msg}"),
        )
    };
    let rule = match (a.rate, a.size) {
        (Some(rate), None) => SampleRule::Rate(SampleRate::from_percent(rate)?),
        (None, Some(size)) => SampleRule::Size(size),
        (None, None) => return Err(args_error("missing_field", "give `rate` or `size`")),
        (Some(_), Some(_)) => {
            return Err(args_error(
                "invalid_value",
                "give `rate` or `size`, not both",
            ))
        }
    };
    match (a.ids, a.from, a.to) {
        (Some(ids), None, None) => Ok(sampling::sample(&a.seed, &ids, rule)?),
        (None, Some(from), Some(to)) => {
            let ids = sampling::closed_in(desk, ReportPeriod::new(from, to)?);
            Ok(sampling::sample(&a.seed, &ids, rule)?)
        }
        (Some(_), _, _) => Err(args_error(
            "invalid_value",
            "give `ids`, or `from` and `to` (the engine's closed requests), not both",
        )),
        (None, _, _) => Err(args_error(
            "missing_field",
            "give `ids`, or `from` and `to` (the engine's closed requests)",
        )),
    }
}

/// Refuses events written with a schema this library does not read, as `log.replay` does.
#[cfg(feature = "desk")]
fn known_schemas(events: &[Event]) -> Result<(), Failure> {
    match events
        .iter()
        .enumerate()
        .find(|(_, e)| e.schema != EVENT_SCHEMA)
    {
        None => Ok(()),
        Some((i, e)) => {
            let mut f = Failure::from(DeskError::UnsupportedSchema {
                request: e.request.clone(),
                found: e.schema,
                supported: EVENT_SCHEMA,
            });
            f.message = format!("event {i}: {}", f.message);
            Err(f)
        }
    }
}

/// Creates an engine and runs one request against it in one go (for stateless uses such as
/// calendar queries, tests and vectors).
pub fn handle_once(config: &[u8], request: &[u8]) -> Response {
    match Engine::new(config) {
        Ok(mut e) => e.handle(request),
        Err(f) => Response::failure(&f),
    }
}

#[cfg(test)]
mod group_tests {
    //! What a build without one of the operation groups answers (run with
    //! `--no-default-features --features desk` / `--features fees`; with every group the
    //! refusal of an unknown operation is checked).
    use super::*;

    fn failure(request: &str) -> Failure {
        match Call::parse(request.as_bytes()) {
            Ok(call) => panic!("{request} parsed: {call:?}"),
            Err(f) => f,
        }
    }

    #[test]
    fn an_unknown_operation_lists_the_whole_contract() {
        let f = failure(r#"{"v":1,"op":"fee.nothing"}"#);
        assert_eq!(f.status(), Status::UnknownOperation);
        assert_eq!(f.code, "unknown_operation");
        assert_eq!(
            f.message,
            format!(
                "unknown operation \"fee.nothing\"; known: {}",
                OPERATIONS.join(", ")
            )
        );
    }

    #[cfg(not(feature = "fees"))]
    #[test]
    fn a_fee_operation_names_the_fees_module() {
        let f = failure(r#"{"v":1,"op":"fee.bill","args":{"period":"2026-09"}}"#);
        assert_eq!(f.status(), Status::UnknownOperation);
        assert_eq!(f.code, "module_not_included");
        assert_eq!(
            f.message,
            "operation \"fee.bill\" is in the fees module, which this engine does not include"
        );
    }

    #[cfg(not(feature = "desk"))]
    #[test]
    fn a_desk_operation_names_the_desk_module() {
        let f = failure(r#"{"v":1,"op":"engine.info"}"#);
        assert_eq!(f.status(), Status::UnknownOperation);
        assert_eq!(f.code, "module_not_included");
        assert_eq!(
            f.message,
            "operation \"engine.info\" is in the desk module, which this engine does not include"
        );
        // Without the desk an engine takes only the version.
        assert!(Engine::new(br#"{"v":1}"#).is_ok());
        let f = Engine::new(br#"{"v":1,"config":{}}"#).expect_err("no desk configuration");
        assert_eq!(f.code, "unknown_field");
    }

    #[cfg(not(feature = "survey"))]
    #[test]
    fn a_survey_score_names_the_survey_module() {
        let f = failure(r#"{"v":1,"op":"survey.nps","args":{"answers":[10]}}"#);
        assert_eq!(f.code, "module_not_included");
        assert_eq!(
            f.message,
            "operation \"survey.nps\" is in the survey module, which this engine does not include"
        );
    }

    #[cfg(not(feature = "reports"))]
    #[test]
    fn a_service_log_figure_names_the_reports_module() {
        let f = failure(r#"{"v":1,"op":"kpi.report","args":{}}"#);
        assert_eq!(f.code, "module_not_included");
        assert_eq!(
            f.message,
            "operation \"kpi.report\" is in the reports module, which this engine does not include"
        );
        let f = failure(r#"{"v":1,"op":"survey.sample","args":{}}"#);
        assert!(f.message.contains("in the reports module"), "{}", f.message);
        let f = failure(r#"{"v":1,"op":"survey.callbacks","args":{}}"#);
        assert!(f.message.contains("in the reports module"), "{}", f.message);
    }

    #[cfg(feature = "survey")]
    #[test]
    fn the_survey_module_scores_without_the_desk() {
        // 7 of 8 → 87.50%, Wilson [52.91, 97.76] (see survey::proportion's reference values).
        let mut e = Engine::new(br#"{"v":1}"#).expect("an engine");
        let r = e.handle(br#"{"v":1,"op":"survey.proportion","args":{"count":7,"total":8}}"#);
        assert_eq!(
            String::from_utf8(r.body).expect("UTF-8"),
            r#"{"v":1,"ok":true,"result":{"count":7,"total":8,"percent":"87.50","interval":{"low":"52.91","high":"97.76"}}}"#
        );
    }

    #[cfg(feature = "fees")]
    #[test]
    fn the_fees_module_bills_without_the_desk() {
        let mut e = Engine::new(br#"{"v":1}"#).expect("an engine");
        let r = e.handle(
            br#"{"v":1,"op":"fee.apportion","args":{"amount":"1000.00","weights":["98.76","120.50","143.20"]}}"#,
        );
        assert_eq!(
            String::from_utf8(r.body).expect("UTF-8"),
            r#"{"v":1,"ok":true,"result":{"parts":["272.47","332.45","395.08"]}}"#
        );
    }
}

#[cfg(all(test, feature = "fees"))]
mod compact_tests {
    use super::*;

    /// The hand-written response is what serde writes.
    #[test]
    fn compact_response_is_what_serde_writes() {
        #[derive(Serialize)]
        struct Columns {
            unit: Vec<u32>,
            item: Vec<u16>,
            amount: Vec<Money>,
        }
        #[derive(Serialize)]
        struct Out {
            period: Period,
            lines: Columns,
            total: Money,
        }
        let fen = [
            0,
            1,
            9,
            10,
            99,
            100,
            101,
            23209,
            -7,
            -100,
            -123456,
            i64::MAX,
            i64::MIN + 1,
        ];
        let lines: Vec<CompactLine> = fen
            .iter()
            .enumerate()
            .map(|(k, &f)| CompactLine {
                unit: [0, 9, 10, 99_999, u32::MAX][k % 5],
                item: [0, 1, 10, u16::MAX][k % 4],
                amount: Money::from_fen(f),
            })
            .collect();
        for (lines, period, total) in [
            (&lines[..], "2026-09", Money::from_fen(-5)),
            (&lines[..1], "2026-Q3", Money::from_fen(0)),
            (&[][..], "2026-09-16..2026-09-30", Money::from_fen(163151)),
        ] {
            let period: Period = period.parse().unwrap();
            let serde = Response::ok(&Out {
                period,
                lines: Columns {
                    unit: lines.iter().map(|l| l.unit).collect(),
                    item: lines.iter().map(|l| l.item).collect(),
                    amount: lines.iter().map(|l| l.amount).collect(),
                },
                total,
            });
            let mine = compact_response(period, lines, total);
            assert_eq!(
                String::from_utf8(mine).unwrap(),
                String::from_utf8(serde.body).unwrap()
            );
        }
    }
}
