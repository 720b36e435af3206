//! The survey-score group 满意度: `survey.servqual`, `servperf`, `csat`, `nps`, `proportion`,
//! `index`, `value` — pure functions of their arguments ([`crate::survey`]). Compiled with the
//! `survey` feature.

use super::table::Args;
use super::wire::args;
use super::wire::parse_args;
use super::{Engine, Failure};
use crate::survey::{
    servperf as perf, servqual as qual, Csat, CsatInput, IndexInput, IndexReport, Nps, NpsInput,
    Proportion, ServperfReport, ServqualReport, SurveyInput, ValueInput, ValueReport,
};
use serde_json::value::RawValue;

args!(
    /// A count out of a total.
    ProportionArgs {
        /// How many (e.g. satisfied answers).
        count: u64,
        /// Out of how many.
        total: u64
    }
);

/// The survey inputs are domain types, read straight from `args`.
macro_rules! plain {
    ($($t:ty),*) => {$(
        impl Args for $t {
            fn parse(op: &str, raw: Option<&RawValue>) -> Result<Self, Failure> {
                parse_args(op, raw)
            }
        }
    )*};
}
plain!(SurveyInput, CsatInput, NpsInput, IndexInput, ValueInput);

type Answer<T> = Result<T, Failure>;

pub(crate) fn servqual(_: &Engine, a: SurveyInput) -> Answer<ServqualReport> {
    Ok(qual(&a)?)
}

pub(crate) fn servperf(_: &Engine, a: SurveyInput) -> Answer<ServperfReport> {
    Ok(perf(&a)?)
}

pub(crate) fn csat(_: &Engine, a: CsatInput) -> Answer<Csat> {
    Ok(Csat::score(&a)?)
}

pub(crate) fn nps(_: &Engine, a: NpsInput) -> Answer<Nps> {
    Ok(Nps::score(&a)?)
}

pub(crate) fn proportion(_: &Engine, a: ProportionArgs) -> Answer<Proportion> {
    Ok(Proportion::of(a.count, a.total, "args")?)
}

pub(crate) fn index(_: &Engine, a: IndexInput) -> Answer<IndexReport> {
    Ok(IndexReport::score(&a)?)
}

pub(crate) fn value(_: &Engine, a: ValueInput) -> Answer<ValueReport> {
    Ok(ValueReport::compute(&a)?)
}
