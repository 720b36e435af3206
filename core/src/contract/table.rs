//! The table of operations 接口操作表: every operation of the contract declared once — its
//! name, its group, whether it changes the engine, its arguments, its result and its handler.
//!
//! Everything else is derived from this one list by `operations!`: the private `Op` enum a
//! parsed [`Call`](super::Call) holds, parsing by name, dispatch, [`Call::mutates`](super::Call::mutates),
//! the gating of each group behind its cargo feature (a group's handlers live in one module,
//! compiled only with that feature), the list `engine.info` reports ([`OPERATIONS`]), the
//! machine-readable manifest ([`TABLE`], written to `docs/contract.manifest.json`) and the
//! method name each binding gives the operation ([`method_name`]).
//!
//! Adding an operation: one row here, its handler (and argument and result types) in its
//! group's module, an example in `docs/contract.md` and a vector in `tests/vectors`; then
//! `cargo run -p xtask -- generate` rewrites the manifest, the schema and the bindings'
//! generated surfaces.

use super::{Engine, Failure, Response};
use serde::Serialize;
use serde_json::value::RawValue;

/// One operation of the contract, as the table declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operation {
    /// The operation's name on the wire, e.g. `request.execute`.
    pub name: &'static str,
    /// Its group 操作组: the cargo feature that compiles it in and the WASM module of the JS
    /// package that answers it (`desk`, `fees`, `survey`, `reports`).
    pub group: &'static str,
    /// Whether it changes the engine (bindings take the engine exclusively for these).
    pub mutates: bool,
    /// One line on what it does.
    pub summary: &'static str,
}

impl Operation {
    /// The method name every binding gives this operation: the name's words (split at `.`
    /// and `_`) in lower camel case — `calendar.between` → `calendarBetween`,
    /// `fee.account.late_fees` → `feeAccountLateFees`.
    pub fn method_name(&self) -> String {
        method_name(self.name)
    }
}

/// The binding method name of an operation name (see [`Operation::method_name`]).
pub fn method_name(op: &str) -> String {
    let mut out = String::with_capacity(op.len());
    for (i, word) in op.split(['.', '_']).filter(|w| !w.is_empty()).enumerate() {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            if i == 0 {
                out.extend(first.to_lowercase());
            } else {
                out.extend(first.to_uppercase());
            }
            out.push_str(chars.as_str());
        }
    }
    out
}

/// How a call's arguments are read from the request's raw `args` text.
pub(crate) trait Args: Sized {
    /// Reads the arguments of operation `op` (`None`: the request had no `args`).
    fn parse(op: &str, raw: Option<&RawValue>) -> Result<Self, Failure>;
}

/// What a handler gives back: a result to serialize, or a response written by hand.
pub(crate) trait Reply {
    /// The response.
    fn reply(self) -> Response;
}

impl<T: Serialize> Reply for Result<T, Failure> {
    fn reply(self) -> Response {
        Response::from_result(self)
    }
}

impl Reply for Response {
    fn reply(self) -> Response {
        self
    }
}

/// Declares the operations: for each, `name => Variant(Args) -> Result` (`Args as Wire` when the
/// parsed arguments are not the wire form the schema describes), its group,
/// `read` or `write`, its handler (`fn(&Engine, Args)` for reads, `fn(&mut Engine, Args)`
/// for writes, returning a [`Reply`]) and a one-line summary.
macro_rules! operations {
    ($(
        $name:literal => $variant:ident($args:ty $(as $wire:ty)?) -> $result:ty,
            $group:literal, $access:ident, $handler:path,
            $summary:literal;
    )*) => {
        /// Every operation of the contract, in the order of the reference.
        pub const TABLE: &[Operation] = &[$(Operation {
            name: $name,
            group: $group,
            mutates: operations!(@mutates $access),
            summary: $summary,
        }),*];

        /// Every operation name, in the order of the reference (what `engine.info` lists).
        pub const OPERATIONS: &[&str] = &[$($name),*];

        /// Each operation's argument and result types, for `docs/contract.schema.json`.
        #[cfg(feature = "schema")]
        pub fn schemas() -> Vec<crate::contract::schema::OpSchema> {
            vec![$(crate::contract::schema::OpSchema::of::<operations!(@wire $args $(, $wire)?), $result>($name)),*]
        }

        /// A parsed operation with its arguments. Only the groups this build includes have
        /// variants.
        #[derive(Debug, Clone, PartialEq)]
        #[allow(clippy::enum_variant_names)] // a build with one group: every name its prefix
        pub(crate) enum Op {
            $(#[cfg(feature = $group)] $variant(Box<$args>),)*
        }

        impl Op {
            /// Reads the arguments of the operation named `op`.
            pub(crate) fn parse(op: &str, raw: Option<&RawValue>) -> Result<Op, Failure> {
                match op {
                    $(#[cfg(feature = $group)]
                    $name => Ok(Op::$variant(Box::new(<$args as Args>::parse(op, raw)?))),)*
                    other => Err(super::unknown_operation(other)),
                }
            }

            /// Whether the operation changes the engine.
            pub(crate) fn mutates(&self) -> bool {
                match *self {
                    $(#[cfg(feature = $group)] Op::$variant(_) => operations!(@mutates $access),)*
                }
            }

            /// Runs the operation with write access.
            #[allow(unused_variables)]
            pub(crate) fn run(self, engine: &mut Engine) -> Response {
                match self {
                    $(#[cfg(feature = $group)] Op::$variant(a) => operations!(@run $access engine a $handler),)*
                }
            }

            /// Runs the operation with read access: a write is refused.
            #[allow(unused_variables)]
            pub(crate) fn run_read(self, engine: &Engine) -> Response {
                match self {
                    $(#[cfg(feature = $group)] Op::$variant(a) => operations!(@run_read $access engine a $handler),)*
                }
            }
        }
    };
    (@mutates read) => { false };
    (@mutates write) => { true };
    (@wire $args:ty) => { $args };
    (@wire $args:ty, $wire:ty) => { $wire };
    (@run read $engine:ident $a:ident $handler:path) => { Reply::reply($handler(&*$engine, *$a)) };
    (@run write $engine:ident $a:ident $handler:path) => { Reply::reply($handler($engine, *$a)) };
    (@run_read read $engine:ident $a:ident $handler:path) => { Reply::reply($handler($engine, *$a)) };
    (@run_read write $engine:ident $a:ident $handler:path) => { super::mutating_call() };
}

#[cfg(feature = "desk")]
use super::desk;
#[cfg(feature = "fees")]
use super::fees;
#[cfg(feature = "reports")]
use super::reports;
#[cfg(feature = "survey")]
use super::survey;

operations! {
    "engine.info" => EngineInfo(NoArgs) -> desk::Info<'static>, "desk", read, desk::info,
        "The contract and library versions, the number of requests and every operation.";
    "engine.export" => EngineExport(NoArgs) -> desk::StateOut<'static>, "desk", read, desk::export,
        "The engine's whole state 状态, to store and pass back as `state` later.";
    "calendar.is_working_day" => CalendarIsWorkingDay(DateArgs) -> WorkingOut, "desk", read, desk::is_working_day,
        "Whether a date is a working day 工作日 (holidays 节假日 and make-up days 调休 included).";
    "calendar.working_days" => CalendarWorkingDays(DateRangeArgs) -> DaysOut, "desk", read, desk::working_days,
        "The number of working days from one date to another, both included.";
    "calendar.add" => CalendarAdd(AddArgs) -> InstantOut, "desk", read, desk::add,
        "An instant plus a business duration 工作时长 in seconds.";
    "calendar.between" => CalendarBetween(BetweenArgs) -> SecondsOut, "desk", read, desk::between,
        "The business seconds between two instants.";
    "calendar.next_working_instant" => CalendarNextWorkingInstant(AtArgs) -> InstantOut, "desk", read, desk::next_working_instant,
        "The first working instant at or after an instant.";
    "request.register" => RequestRegister(RegisterArgs) -> EventsOut, "desk", write, desk::register,
        "Registers a new service request 报事报修 and starts its SLA clocks.";
    "request.execute" => RequestExecute(ExecuteArgs) -> EventsOut, "desk", write, desk::execute,
        "One step of a request's workflow (dispatch, accept, hold, complete, reply, callback …).";
    "request.execute_batch" => RequestExecuteBatch(ExecuteBatchArgs) -> ResultsOut, "desk", write, desk::execute_batch,
        "Several steps, each standing alone: a refused step changes nothing and the next runs.";
    "request.get" => RequestGet(IdArgs) -> desk::RequestOut<'static>, "desk", read, desk::get,
        "A request as it stands: stage, history and clocks.";
    "sla.status" => SlaStatus(StatusArgs) -> SlaStatus, "desk", read, desk::status,
        "Every SLA clock 服务时效 of a request as of an instant.";
    "sla.status_batch" => SlaStatusBatch(StatusBatchArgs) -> StatusesOut, "desk", read, desk::status_batch,
        "The SLA status of several requests (or all of them) as of an instant.";
    "sla.tick" => SlaTick(TickArgs) -> EventsOut, "desk", write, desk::tick,
        "Fires the escalations 升级 due by an instant, each exactly once.";
    "log.replay" => LogReplay(EventsArgs) -> Applied, "desk", write, desk::replay,
        "Applies an event log 事件日志 to the engine, all or nothing.";
    "sla.status_from_events" => SlaStatusFromEvents(EventsAsOfArgs) -> SlaStatus, "desk", read, desk::status_from_events,
        "The SLA status of one request's events, without the engine's requests.";
    "fee.bill" => FeeBill(BillCall as fees::BillArgs) -> BillsOut, "fees", read, fees::bill,
        "Bills 账单 with traces 计算过程 for a period, of the loaded estate or one given inline.";
    "fee.load_estate" => FeeLoadEstate(LoadEstateCall as fees::LoadEstateArgs) -> Loaded, "fees", write, fees::load_estate,
        "Checks and keeps an estate 小区 (fee schedule 收费标准 and units) for fee runs.";
    "fee.bill_estate" => FeeBillEstate(BillEstateCall as fees::BillEstateArgs) -> fees::CompactBills, "fees", read, fees::bill_estate,
        "Every line of the loaded estate for a period, as compact columns.";
    "fee.parking" => FeeParking(ParkingArgs) -> ParkingOut, "fees", read, fees::parking,
        "The charge for one temporary parking stay 临时停车 under a tariff.";
    "fee.apportion" => FeeApportion(ApportionArgs) -> PartsOut, "fees", read, fees::apportion,
        "Splits an amount by weights, by largest remainder 最大余数法: the parts sum to the whole.";
    "fee.account.execute" => FeeAccountExecute(AccountExecuteArgs) -> AccountOut, "fees", read, fees::account_execute,
        "One command on a fee account 账户 (charge, pay, refund, credit note …): account in, account out.";
    "fee.account.late_fees" => FeeAccountLateFees(AccountAsOfArgs) -> LateFeesOut, "fees", read, fees::late_fees,
        "The late fees 滞纳金 of an account's charges as of a date.";
    "fee.account.arrears" => FeeAccountArrears(ArrearsArgs) -> Ageing, "fees", read, fees::arrears,
        "An account's arrears by age 账龄 as of a date.";
    "survey.servqual" => SurveyServqual(SurveyInput) -> ServqualReport, "survey", read, survey::servqual,
        "SERVQUAL gaps 服务质量差距 (perception − expectation) by item, dimension and overall.";
    "survey.servperf" => SurveyServperf(SurveyInput) -> ServperfReport, "survey", read, survey::servperf,
        "SERVPERF: perceptions only, by item, dimension and overall.";
    "survey.csat" => SurveyCsat(CsatInput) -> Csat, "survey", read, survey::csat,
        "CSAT 满意度: the share of top-two-box answers, with its Wilson interval.";
    "survey.nps" => SurveyNps(NpsInput) -> Nps, "survey", read, survey::nps,
        "Net Promoter Score 净推荐值 with its standard error and 95% interval.";
    "survey.proportion" => SurveyProportion(ProportionArgs) -> Proportion, "survey", read, survey::proportion,
        "A share (满意率) with its Wilson score interval.";
    "survey.index" => SurveyIndex(IndexInput) -> IndexReport, "survey", read, survey::index,
        "A 0–100 satisfaction index 满意度指数 from weighted items.";
    "survey.value" => SurveyValue(ValueInput) -> ValueReport, "survey", read, survey::value,
        "Customer value 顾客价值 and potential profit 公司潜在利润 of services.";
    "survey.callbacks" => SurveyCallbacks(CallbacksArgs) -> CallbackReport, "reports", read, reports::callbacks,
        "Callback satisfaction 回访满意率 by group and callback coverage over a period.";
    "kpi.report" => KpiReport(KpiArgs) -> KpiReport, "reports", read, reports::kpi,
        "Service KPIs 服务指标 from the requests of a period.";
    "survey.sample" => SurveySample(SampleArgs) -> Sample, "reports", read, reports::sample,
        "A reproducible callback sample 回访抽样 of closed requests.";
}

// The argument types, by group (each compiled with its group only; the table's `stringify!`
// names them for the manifest in every build).
#[cfg(feature = "survey")]
use crate::survey::{CsatInput, IndexInput, NpsInput, SurveyInput, ValueInput};
#[cfg(feature = "desk")]
use desk::{
    AddArgs, AtArgs, BetweenArgs, DateArgs, DateRangeArgs, EventsArgs, EventsAsOfArgs, ExecuteArgs,
    ExecuteBatchArgs, IdArgs, NoArgs, RegisterArgs, StatusArgs, StatusBatchArgs, TickArgs,
};
#[cfg(feature = "fees")]
use fees::{
    AccountAsOfArgs, AccountExecuteArgs, ApportionArgs, ArrearsArgs, BillCall, BillEstateCall,
    LoadEstateCall, ParkingArgs,
};
#[cfg(feature = "reports")]
use reports::{CallbacksArgs, KpiArgs, SampleArgs};
#[cfg(feature = "survey")]
use survey::ProportionArgs;

// The result types, for the schema (which brings every group).
#[cfg(feature = "schema")]
use {
    crate::desk::sla::SlaStatus,
    crate::fee::arrears::Ageing,
    crate::report::callback::CallbackReport,
    crate::report::kpi::KpiReport,
    crate::report::sample::Sample,
    crate::survey::{
        Csat, IndexReport, Nps, Proportion, ServperfReport, ServqualReport, ValueReport,
    },
    desk::{
        Applied, DaysOut, EventsOut, InstantOut, ResultsOut, SecondsOut, StatusesOut, WorkingOut,
    },
    fees::{AccountOut, BillsOut, LateFeesOut, Loaded, ParkingOut, PartsOut},
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn method_names_follow_one_rule() {
        let names: Vec<String> = TABLE.iter().map(Operation::method_name).collect();
        assert_eq!(method_name("calendar.between"), "calendarBetween");
        assert_eq!(method_name("fee.account.late_fees"), "feeAccountLateFees");
        assert_eq!(method_name("engine.info"), "engineInfo");
        // One method per operation: no two names give the same method.
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len());
    }

    #[test]
    fn names_are_unique_and_groups_known() {
        let mut names: Vec<&str> = OPERATIONS.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), TABLE.len());
        for op in TABLE {
            assert!(
                ["desk", "fees", "survey", "reports"].contains(&op.group),
                "{}: group {}",
                op.name,
                op.group
            );
        }
    }
}
