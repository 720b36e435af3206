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
//! Every operation is one row of [`table`]: its name, group, access, arguments, result and
//! handler. The handlers live by group, one module each, compiled with the group's cargo
//! feature — `desk` (`engine.*`, `calendar.*`, `request.*`, `sla.*`, `log.*`), `fees`
//! (`fee.*`), `survey` (survey scores) and `reports` (the service-log figures; brings the
//! desk); all on by default. An operation of a group left out is refused with
//! [`Status::UnknownOperation`] naming its module; [`OPERATIONS`] and `engine.info` always
//! list the whole contract.
//!
//! | module | holds |
//! |--------|-------|
//! | [`table`] | the operations, and everything derived from them |
//! | `status` | [`Status`], [`Failure`], domain errors → failures |
//! | `wire` | the envelope, argument reading, response writing |
//! | `desk`, `fees`, `survey`, `reports` | each group's arguments, handlers and results |

// A build with no group at all answers every operation with `unknown_operation`; the helpers
// the groups share are unused there.
#![cfg_attr(
    not(any(feature = "desk", feature = "fees", feature = "survey")),
    allow(dead_code, unused_imports, unused_variables)
)]

#[cfg(feature = "schema")]
pub mod schema;
mod status;
pub mod table;
mod wire;

#[cfg(feature = "desk")]
mod desk;
#[cfg(feature = "fees")]
mod fees;
#[cfg(feature = "reports")]
mod reports;
#[cfg(feature = "survey")]
mod survey;

pub use status::{Failure, Status};
pub use table::{method_name, Operation, OPERATIONS, TABLE};
pub use wire::failure_response;

use serde::{Deserialize, Serialize};
use table::Op;
use wire::{check_version, json_failure, ok_response, utf8, Envelope};

#[cfg(feature = "desk")]
use crate::calendar::{BusinessCalendar, CalendarSpec};
#[cfg(feature = "desk")]
use crate::desk::config::DeskConfig;
#[cfg(feature = "desk")]
use crate::desk::sla::SlaPolicy;
#[cfg(feature = "desk")]
use crate::desk::{Desk, DeskError};
#[cfg(feature = "fees")]
use crate::fee::Estate;

/// Version of the contract this library speaks. A request with another `v` is refused with
/// [`Status::UnsupportedVersion`].
pub const CONTRACT_VERSION: u32 = 1;

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

/// A parsed call, ready to run. Parsing needs no engine, so bindings parse outside their lock.
#[derive(Debug, Clone, PartialEq)]
pub struct Call(Op);

impl Call {
    /// Parses request bytes: UTF-8, JSON, version, operation, arguments.
    pub fn parse(bytes: &[u8]) -> Result<Call, Failure> {
        let text = utf8(bytes)?;
        // Parse the envelope first so the version is checked before the arguments.
        let env: Envelope = crate::wire::from_str(text).map_err(|e| json_failure(e, "request"))?;
        check_version(env.v)?;
        Op::parse(&env.op, env.args).map(Call)
    }

    /// Whether the call changes the engine (bindings take a write lock for these and a
    /// shared read lock for the rest).
    pub fn mutates(&self) -> bool {
        self.0.mutates()
    }
}

/// The refusal of an operation this build does not answer: one of the contract's, in a
/// module left out of the build (`module_not_included`, naming the module), or no operation at
/// all (`unknown_operation`, listing the contract's).
fn unknown_operation(op: &str) -> Failure {
    match TABLE.iter().find(|o| o.name == op) {
        Some(o) => Failure::new(
            Status::UnknownOperation,
            "module_not_included",
            format!(
                "operation {op:?} is in the {} module, which this engine does not include",
                o.group
            ),
        ),
        None => Failure::new(
            Status::UnknownOperation,
            "unknown_operation",
            format!("unknown operation {op:?}; known: {}", OPERATIONS.join(", ")),
        ),
    }
}

/// The refusal of a call that changes the engine, given read access only.
#[allow(dead_code)] // a build whose groups only read
fn mutating_call() -> Response {
    Response::failure(&Failure::new(
        Status::InvalidRequest,
        "mutating_call",
        "this operation changes the engine; run it with write access",
    ))
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

/// One item of a batch result.
#[cfg(feature = "desk")]
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "{T}OrFailure"))]
#[serde(untagged)]
enum Item<T> {
    /// It succeeded.
    Ok {
        /// Always true.
        #[cfg_attr(feature = "schema", schemars(extend("const" = true)))]
        ok: bool,
        /// Its result.
        result: T,
    },
    /// It failed, and changed nothing.
    Err {
        /// Always false.
        #[cfg_attr(feature = "schema", schemars(extend("const" = false)))]
        ok: bool,
        /// Why.
        error: Failure,
    },
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

/// A response: its status (for the C ABI's return value) and its JSON bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// [`Status::Ok`] or the failure's status.
    pub status: Status,
    /// The response JSON.
    pub body: Vec<u8>,
}

impl Response {
    pub(crate) fn ok<T: Serialize>(result: &T) -> Response {
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

    pub(crate) fn from_result<T: Serialize>(r: Result<T, Failure>) -> Response {
        match r {
            Ok(v) => Response::ok(&v),
            Err(f) => Response::failure(&f),
        }
    }
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

impl Engine {
    /// Creates an engine from its configuration JSON (see the reference): `{"v":1}` is the
    /// standard desk (default departments, standard SLA policy, China calendar).
    pub fn new(config: &[u8]) -> Result<Engine, Failure> {
        let text = utf8(config)?;
        let cfg: EngineConfig =
            crate::wire::from_str(text).map_err(|e| json_failure(e, "engine config"))?;
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
        call.0.run(self)
    }

    /// Runs a call that only reads the engine ([`Call::mutates`] is false). A mutating
    /// call given here is refused with [`Status::InvalidRequest`].
    pub fn run_read(&self, call: Call) -> Response {
        call.0.run_read(self)
    }
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
