//! Service KPIs 服务指标 from the requests of a desk (live, restored, or rebuilt from an event
//! log) over a reporting period `[from, to)`.
//!
//! Definitions (every figure depends only on events before `to`):
//!
//! - **Time to accept** 接单时长: for each handling cycle whose first acceptance 接单 lies in
//!   the period, the business seconds on the desk's calendar from the cycle's first dispatch
//!   派单 to that acceptance — the span of the SLA `accept` clock.
//! - **Time to complete** 完成时长: for each cycle whose completion 完工 lies in the period,
//!   the business seconds from the cycle's start (registration, or the reopen) to the
//!   completion — the span of the SLA `complete` clock.
//!
//!   Both are measured with [`BusinessCalendar::between`](crate::calendar::BusinessCalendar::between)
//!   whatever the SLA timing of the request (an emergency's 24×7 clocks too), and time on
//!   hold counts: they say how long the customer waited in working time. Holds and 24×7
//!   timing enter the on-time rates instead.
//! - **Percentiles** are nearest-rank, exact on integer seconds: of `n` durations sorted
//!   ascending, the `p`-th percentile is the `⌈p·n/100⌉`-th smallest. The **median** is the
//!   50th (for an even count the lower of the two middle values), **p90** the 90th. No
//!   interpolation; `null` without durations.
//! - **On-time rate** 及时率 per SLA clock: among the clocks of that kind (every cycle) that
//!   ended in the period — stopped by their stop event, or voided by a cancellation or a
//!   closure without work after they had already breached — the share met (stopped within
//!   target): met ÷ (met + breached). Clocks voided within target count nowhere; clocks still
//!   running count when they end.
//! - **Closed after work**: requests closed in the period (the closing event lies in it)
//!   after a callback round — closed satisfied 满意关闭 or closed unreachable 联系不上关闭. Not
//!   inquiries and praise (closed at reply) nor closures without work 主动结单.
//! - **Reopen rate** 重开率: of those, the share reopened at least once.
//! - **First-time-right rate** 一次解决率: of those, the share never reopened and never
//!   returned 退单 to the centre (a transfer 转单 between departments does not count against
//!   it).
//! - **Callback coverage** 回访覆盖率: as in [`super::callback`].
//! - **Complaints per 100 households** 百户投诉率: complaints 投诉 registered in the period
//!   × 100 ÷ the households 户数 the host gives, to 2 places, half up.
//!
//! Every rate is a [`Proportion`] (percent and 95% Wilson interval; `null` over nothing).

use super::callback::{coverage, Coverage};
use super::{heap_sort, ReportPeriod};
use crate::calendar::CalendarError;
use crate::desk::request::ClockKind;
use crate::desk::request::{Closure, RequestKind, Stage};
use crate::desk::sla::Phase;
use crate::desk::Desk;
use crate::money::Rounding;
use crate::num::{Figure, PERCENT_PLACES};
use crate::survey::proportion::Proportion;
use crate::survey::SurveyError;
use crate::time::Instant;
use serde::Serialize;

/// Why a KPI report 服务指标报表 could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KpiError {
    /// An input the rules refuse (households of zero, a reversed period...).
    #[error(transparent)]
    Survey(#[from] SurveyError),
    /// The calendar could not measure a request's business time (a year without data).
    #[error("request {request}: business time needs the calendar: {source}")]
    Calendar {
        /// Request id.
        request: String,
        /// The calendar's error.
        source: CalendarError,
    },
}

/// The nearest-rank `p`-th percentile 百分位数 of values sorted ascending: the
/// `⌈p·n/100⌉`-th smallest. `None` when there are no values or `p` is not 1–100.
pub fn percentile(sorted: &[i64], p: u32) -> Option<i64> {
    if sorted.is_empty() || !(1..=100).contains(&p) {
        return None;
    }
    let n = sorted.len() as u128;
    let rank = (u128::from(p) * n).div_ceil(100);
    sorted
        .get(usize::try_from(rank).ok()?.checked_sub(1)?)
        .copied()
}

/// Durations 时长 in business seconds: how many, their median and 90th percentile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Durations {
    /// How many durations.
    pub count: u64,
    /// Nearest-rank median (the lower middle for an even count); `None` without durations.
    pub median_seconds: Option<i64>,
    /// Nearest-rank 90th percentile; `None` without durations.
    pub p90_seconds: Option<i64>,
}

impl Durations {
    fn of(mut values: Vec<i64>) -> Durations {
        heap_sort(&mut values, &|a, b| a < b);
        Durations {
            count: values.len() as u64,
            median_seconds: percentile(&values, 50),
            p90_seconds: percentile(&values, 90),
        }
    }
}

/// The on-time rate 及时率 of one SLA clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OnTime {
    /// Which clock.
    pub clock: ClockKind,
    /// Clocks that ended in the period within target.
    pub met: u64,
    /// Clocks that ended in the period over target.
    pub breached: u64,
    /// Met ÷ (met + breached).
    pub rate: Proportion,
}

/// Requests 工单 counted in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RequestCounts {
    /// Registered 受理 in the period.
    pub registered: u64,
    /// Closed 关闭 in the period (any closure).
    pub closed: u64,
    /// Closed in the period after a callback round (the base of the reopen and
    /// first-time-right rates).
    pub closed_after_work: u64,
    /// Cancelled 撤销 in the period.
    pub cancelled: u64,
}

/// Complaints 投诉 per 100 households.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Complaints {
    /// Complaints registered in the period.
    pub count: u64,
    /// Households 户数, as the host gave them.
    pub households: Option<u64>,
    /// count × 100 ÷ households (2 places); `None` without households.
    pub per_100_households: Option<Figure>,
}

/// A service KPI report 服务指标报表 (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KpiReport {
    /// Period start.
    pub from: Instant,
    /// Period end (excluded).
    pub to: Instant,
    /// Requests counted.
    pub requests: RequestCounts,
    /// Time to accept 接单时长.
    pub accept: Durations,
    /// Time to complete 完成时长.
    pub complete: Durations,
    /// On-time rate per clock, in workflow order (all six clocks).
    pub on_time: Vec<OnTime>,
    /// Reopen rate 重开率.
    pub reopened: Proportion,
    /// First-time-right rate 一次解决率.
    pub first_time_right: Proportion,
    /// Callback coverage 回访覆盖率.
    pub coverage: Coverage,
    /// Complaints per 100 households 百户投诉率.
    pub complaints: Complaints,
}

impl KpiReport {
    /// The KPIs of the desk's requests over the period; `households` as the host counts
    /// them (at least 1), if known.
    pub fn of(
        desk: &Desk,
        period: ReportPeriod,
        households: Option<u64>,
    ) -> Result<KpiReport, KpiError> {
        if households == Some(0) {
            return Err(SurveyError::invalid("households", "must be at least 1").into());
        }
        let cal = desk.calendar();
        let mut counts = RequestCounts {
            registered: 0,
            closed: 0,
            closed_after_work: 0,
            cancelled: 0,
        };
        let (mut accept, mut complete) = (Vec::new(), Vec::new());
        let mut clocks = [(0u64, 0u64); 6];
        let (mut reopened, mut first_time_right) = (0u64, 0u64);
        let mut complaints = 0u64;
        for t in desk.tracks() {
            let r = &t.request;
            let id = r.id();
            let registered_in = period.contains(r.registered_at);
            counts.registered += u64::from(registered_in);
            if registered_in && r.details.kind == RequestKind::Complaint {
                complaints += 1;
            }
            // A terminal request's last event is its end (escalations do not move it).
            let ended_in = r.stage.is_terminal() && period.contains(r.last_event_at);
            match &r.stage {
                Stage::Closed { closure } if ended_in => {
                    counts.closed += 1;
                    if matches!(
                        closure,
                        Closure::Satisfied { .. } | Closure::Unreachable { .. }
                    ) {
                        counts.closed_after_work += 1;
                        reopened += u64::from(r.reopen_count > 0);
                        first_time_right += u64::from(r.reopen_count == 0 && r.return_count == 0);
                    }
                }
                Stage::Cancelled { .. } if ended_in => counts.cancelled += 1,
                _ => {}
            }
            let between = |a: Instant, b: Instant| {
                cal.between(a, b).map_err(|source| KpiError::Calendar {
                    request: id.to_owned(),
                    source,
                })
            };
            for c in &t.record.cycles {
                if let (Some(d), Some(a)) = (c.dispatched_at, c.accepted_at) {
                    if period.contains(a) {
                        accept.push(between(d, a)?);
                    }
                }
                if let Some(done) = c.completed_at.filter(|d| period.contains(*d)) {
                    complete.push(between(c.started_at, done)?);
                }
            }
            // Clocks the calendar could not follow cannot be judged: refuse, naming the
            // request, if it lived in the period.
            if let Some(source) = &t.sla.error {
                let alive = r.registered_at < period.to()
                    && !(r.stage.is_terminal() && r.last_event_at < period.from());
                if alive {
                    return Err(KpiError::Calendar {
                        request: id.to_owned(),
                        source: source.clone(),
                    });
                }
            }
            for clock in &t.sla.clocks {
                let (at, breached) = match clock.phase {
                    Phase::Stopped { at } => (at, clock.banked > clock.seconds),
                    Phase::Voided { at } if clock.banked > clock.seconds => (at, true),
                    _ => continue,
                };
                if !period.contains(at) {
                    continue;
                }
                if let Some(i) = ClockKind::ALL.iter().position(|k| *k == clock.clock) {
                    if breached {
                        clocks[i].1 += 1;
                    } else {
                        clocks[i].0 += 1;
                    }
                }
            }
        }
        let on_time = ClockKind::ALL
            .iter()
            .zip(clocks)
            .map(|(clock, (met, breached))| {
                Ok(OnTime {
                    clock: *clock,
                    met,
                    breached,
                    rate: Proportion::of(met, met + breached, clock.as_str())?,
                })
            })
            .collect::<Result<Vec<_>, SurveyError>>()?;
        let per_100_households = match households {
            None => None,
            Some(h) => Some(
                Figure::ratio(
                    i128::from(complaints) * 100,
                    i128::from(h),
                    PERCENT_PLACES,
                    Rounding::HalfUp,
                )
                .ok_or_else(|| SurveyError::overflow("complaints"))?,
            ),
        };
        Ok(KpiReport {
            from: period.from(),
            to: period.to(),
            accept: Durations::of(accept),
            complete: Durations::of(complete),
            on_time,
            reopened: Proportion::of(reopened, counts.closed_after_work, "reopened")?,
            first_time_right: Proportion::of(
                first_time_right,
                counts.closed_after_work,
                "first_time_right",
            )?,
            requests: counts,
            coverage: coverage(desk, period)?,
            complaints: Complaints {
                count: complaints,
                households,
                per_100_households,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        // n = 5: median ⌈2.5⌉ = 3rd, p90 ⌈4.5⌉ = 5th.
        let v = [300, 600, 600, 600, 3000];
        assert_eq!(
            (percentile(&v, 50), percentile(&v, 90)),
            (Some(600), Some(3000))
        );
        // n = 4: median ⌈2⌉ = 2nd (the lower middle, no averaging), p90 ⌈3.6⌉ = 4th.
        let v = [10, 20, 30, 40];
        assert_eq!(
            (percentile(&v, 50), percentile(&v, 90)),
            (Some(20), Some(40))
        );
        // n = 10: p90 ⌈9⌉ = 9th; p100 the largest; p1 the smallest.
        let v: Vec<i64> = (1..=10).collect();
        assert_eq!(percentile(&v, 90), Some(9));
        assert_eq!(
            (percentile(&v, 100), percentile(&v, 1)),
            (Some(10), Some(1))
        );
        assert_eq!(percentile(&[], 50), None);
        assert_eq!((percentile(&v, 0), percentile(&v, 101)), (None, None));
    }
}
