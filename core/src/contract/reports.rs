//! The service-log figures 回访满意率 / 服务指标 / 回访抽样: `survey.callbacks`, `kpi.report`,
//! `survey.sample` — figures over the desk's requests (or over an event log given with the
//! call). Compiled with the `reports` feature (which brings the desk).

use super::wire::args;
use super::{bad_event, Engine, Failure, Status};
use crate::desk::request::Event;
use crate::desk::Desk;
use crate::money::Decimal;
use crate::report::callback::{CallbackReport, GroupBy};
use crate::report::kpi::KpiReport;
use crate::report::sample::{self as sampling, Sample, SampleRate, SampleRule};
use crate::report::ReportPeriod;
use crate::time::Instant;
use std::borrow::Cow;

args!(
    /// Callback satisfaction over a period.
    CallbacksArgs {
        /// An event log to read instead of the engine's requests.
        #[serde(default)]
        events: Option<Vec<Event>>,
        /// Start of the period (included).
        from: Instant,
        /// End of the period (excluded).
        to: Instant,
        /// How to group the figures.
        #[serde(default)]
        by: GroupBy,
        /// The lowest satisfied rating; omitted: the engine's configured threshold.
        #[serde(default)]
        threshold: Option<u8>
    }
);
args!(
    /// Service KPIs over a period.
    KpiArgs {
        /// An event log to read instead of the engine's requests.
        #[serde(default)]
        events: Option<Vec<Event>>,
        /// Start of the period (included).
        from: Instant,
        /// End of the period (excluded).
        to: Instant,
        /// Households served, for complaints per 100 households.
        #[serde(default)]
        households: Option<u64>
    }
);
args!(
    /// A callback sample: of given ids, or of the engine's requests closed in a period; by
    /// rate or by size.
    #[cfg_attr(feature = "schema", schemars(extend("allOf" = [
        {"oneOf": [{"required": ["rate"]}, {"required": ["size"]}]},
        {"oneOf": [
            {"required": ["ids"], "not": {"anyOf": [{"required": ["from"]}, {"required": ["to"]}]}},
            {"required": ["from", "to"], "not": {"required": ["ids"]}},
        ]},
    ])))]
    SampleArgs {
        /// The ids to sample from.
        #[serde(default)]
        ids: Option<Vec<String>>,
        /// Start of the period (included).
        #[serde(default)]
        from: Option<Instant>,
        /// End of the period (excluded).
        #[serde(default)]
        to: Option<Instant>,
        /// The seed that makes the sample reproducible.
        seed: String,
        /// Percentage to sample.
        #[serde(default)]
        rate: Option<Decimal>,
        /// Number to sample.
        #[serde(default)]
        size: Option<u64>
    }
);

type Answer<T> = Result<T, Failure>;

pub(crate) fn callbacks(e: &Engine, a: CallbacksArgs) -> Answer<CallbackReport> {
    let d = survey_desk(&e.desk, a.events)?;
    let period = ReportPeriod::new(a.from, a.to)?;
    Ok(CallbackReport::of(&d, period, a.by, a.threshold)?)
}

pub(crate) fn kpi(e: &Engine, a: KpiArgs) -> Answer<KpiReport> {
    let d = survey_desk(&e.desk, a.events)?;
    let period = ReportPeriod::new(a.from, a.to)?;
    Ok(KpiReport::of(&d, period, a.households)?)
}

/// `survey.sample`: the given ids, or the engine's requests closed in `[from, to)`; by rate
/// or by size.
pub(crate) fn sample(e: &Engine, a: SampleArgs) -> Answer<Sample> {
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
            let ids = sampling::closed_in(&e.desk, ReportPeriod::new(from, to)?);
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

/// The desk a report reads: the engine's own, or — given `events` — a desk with the engine's
/// configuration, policy and calendar rebuilt from them, as `log.replay` would (each
/// request's events from its registration; an event that does not apply is refused with its
/// index).
fn survey_desk(desk: &Desk, events: Option<Vec<Event>>) -> Result<Cow<'_, Desk>, Failure> {
    let Some(events) = events else {
        return Ok(Cow::Borrowed(desk));
    };
    Desk::replay(
        desk.config().clone(),
        desk.policy().clone(),
        desk.calendar().clone(),
        &events,
    )
    .map(Cow::Owned)
    .map_err(|(i, err)| bad_event(i, err))
}
