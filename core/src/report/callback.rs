//! Callback satisfaction 回访满意率 and callback coverage 回访覆盖率, from the service records
//! of a desk's requests ([`crate::desk::record`]), over a reporting period `[from, to)`, overall
//! and by department 部门, worker 处理人, kind 类型 or month 月份.
//!
//! Definitions:
//!
//! - An **answer** is a rated callback 回访评分 whose instant lies in the period. A request
//!   reopened after an unsatisfied callback is asked again: each rating is one answer.
//! - **满意率** (share satisfied) = answers rated at or above the threshold ÷ answers, as a
//!   [`Proportion`] (percent to 2 places, half up, with its 95% Wilson interval). The
//!   threshold is 1–5, by default the desk's `satisfied_threshold`; a report may use another
//!   (the requests were reopened or closed by the desk's own threshold, whatever the report
//!   says).
//! - The **mean rating** 平均评分 of the answers, to 4 places, half up.
//! - **Unreachable** 联系不上: callback attempts in the period that reached nobody. They are
//!   not answers and are counted apart.
//! - A **callback round** 回访轮次 is opened by each reply 回复 to a request of a kind that
//!   needs a callback (every kind but inquiries 咨询 and praise 表扬), one per handling cycle.
//!   The rounds **due** in the period are those whose reply lies in it. As of the end of the
//!   period each due round is **reached** (a rating was recorded before `to`), **closed
//!   unreachable** (closed as unreachable before `to`) or **pending** (neither yet).
//! - **Callback coverage** 回访覆盖率 = reached ÷ due, as a [`Proportion`]. A figure for a
//!   period depends only on events before its end, so it does not change as later events
//!   arrive.
//!
//! Grouping: answers and unreachable attempts go to the group of their round — the
//! department that did the work, the worker who completed it, the request's kind — or, by
//! month, to the calendar month (in the calendar's offset, `"2026-09"`) of the attempt; a
//! due round goes to its group, by month the month of its reply. Groups are listed by key
//! (Unicode code point order); a group appears when it has an answer, an unreachable attempt
//! or a due round in the period.

use super::ReportPeriod;
use crate::desk::record::CallbackRound;
use crate::desk::request::RequestKind;
use crate::desk::Desk;
use crate::num::Figure;
use crate::survey::proportion::Proportion;
use crate::survey::SurveyError;
use crate::time::Instant;
use chrono::{Datelike, FixedOffset};
use serde::Serialize;

/// What a report is broken down by 分组维度.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    /// No breakdown: the overall figures only 全部.
    #[default]
    All,
    /// By department 部门 (its code).
    Department,
    /// By the worker 处理人 who completed the work (the host's id).
    Assignee,
    /// By request kind 报事类型.
    Kind,
    /// By calendar month 月份 (`"2026-09"`).
    Month,
}
crate::wire::unit_enum_deserialize!(GroupBy {
    All = "all",
    Department = "department",
    Assignee = "assignee",
    Kind = "kind",
    Month = "month",
});

/// Callback coverage 回访覆盖率 of the rounds due in a period (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Coverage {
    /// Rounds whose reply lies in the period.
    pub due: u64,
    /// Of those, rated before the end of the period.
    pub reached: u64,
    /// Of those, closed as unreachable before the end of the period.
    pub closed_unreachable: u64,
    /// Of those, neither yet.
    pub pending: u64,
    /// Reached ÷ due.
    pub rate: Proportion,
}

/// The callback figures 回访指标 of one group (or of all answers, without a key).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CallbackFigures {
    /// The group: a department code, worker id, kind or month; absent for the overall
    /// figures. Empty for rounds without a department or worker (a request completed
    /// through the workflow always has both).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// 满意率: satisfied answers ÷ answers.
    pub satisfied: Proportion,
    /// Mean rating 平均评分 of the answers (4 places); `None` without answers.
    pub mean_rating: Option<Figure>,
    /// Unreachable attempts 联系不上 in the period.
    pub unreachable: u64,
    /// Callback coverage of the rounds due in the period.
    pub coverage: Coverage,
}

/// A callback satisfaction report 回访满意率报表.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CallbackReport {
    /// Period start.
    pub from: Instant,
    /// Period end (excluded).
    pub to: Instant,
    /// The breakdown.
    pub by: GroupBy,
    /// Ratings at or above this are satisfied.
    pub threshold: u8,
    /// Every answer, attempt and round of the period.
    pub overall: CallbackFigures,
    /// The breakdown, by key; empty when `by` is `all`.
    pub groups: Vec<CallbackFigures>,
}

/// Counts of one group, before they become figures.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    answers: u64,
    satisfied: u64,
    rating_sum: u64,
    unreachable: u64,
    due: u64,
    reached: u64,
    closed_unreachable: u64,
}

impl Tally {
    fn figures(&self, key: Option<String>) -> Result<CallbackFigures, SurveyError> {
        Ok(CallbackFigures {
            key,
            satisfied: Proportion::of(self.satisfied, self.answers, "satisfied")?,
            mean_rating: match self.answers {
                0 => None,
                n => Some(
                    Figure::mean(i128::from(self.rating_sum), i128::from(n))
                        .ok_or_else(|| SurveyError::overflow("mean_rating"))?,
                ),
            },
            unreachable: self.unreachable,
            coverage: self.coverage()?,
        })
    }

    fn coverage(&self) -> Result<Coverage, SurveyError> {
        Ok(Coverage {
            due: self.due,
            reached: self.reached,
            closed_unreachable: self.closed_unreachable,
            pending: self.due - self.reached - self.closed_unreachable,
            rate: Proportion::of(self.reached, self.due, "coverage")?,
        })
    }
}

/// The month 月份 of an instant in the given offset, as `"YYYY-MM"` (the `month` group key).
pub fn month_key(t: Instant, offset: FixedOffset) -> String {
    let local = t.with_offset(offset).date();
    format!("{:04}-{:02}", local.year(), local.month())
}

/// Checks a satisfied threshold 满意阈值: a rating 1–5.
pub fn check_threshold(threshold: u8) -> Result<u8, SurveyError> {
    if (1..=5).contains(&threshold) {
        Ok(threshold)
    } else {
        Err(SurveyError::invalid(
            "threshold",
            format!("must be 1–5, got {threshold}"),
        ))
    }
}

/// Feeds one request's rounds into the tallies: `each(key instant, tally change)`.
fn tally_rounds(
    rounds: &[CallbackRound],
    period: &ReportPeriod,
    threshold: u8,
    mut each: impl FnMut(&CallbackRound, Instant, &dyn Fn(&mut Tally)),
) {
    for round in rounds {
        if period.contains(round.replied_at) {
            let rated = round.rated().is_some_and(|(at, _)| at < period.to());
            let closed = !rated
                && round
                    .closed_unreachable_at
                    .is_some_and(|at| at < period.to());
            each(round, round.replied_at, &|t: &mut Tally| {
                t.due += 1;
                t.reached += u64::from(rated);
                t.closed_unreachable += u64::from(closed);
            });
        }
        for attempt in round.attempts.iter().filter(|a| period.contains(a.at)) {
            match attempt.rating {
                Some(r) => each(round, attempt.at, &|t: &mut Tally| {
                    t.answers += 1;
                    t.satisfied += u64::from(r >= threshold);
                    t.rating_sum += u64::from(r);
                }),
                None => each(round, attempt.at, &|t: &mut Tally| t.unreachable += 1),
            }
        }
    }
}

fn group_key(
    by: GroupBy,
    kind: RequestKind,
    round: &CallbackRound,
    at: Instant,
    offset: FixedOffset,
) -> Option<String> {
    match by {
        GroupBy::All => None,
        GroupBy::Department => Some(round.department.clone().unwrap_or_default()),
        GroupBy::Assignee => Some(round.worker.clone().unwrap_or_default()),
        GroupBy::Kind => Some(kind.as_str().to_owned()),
        GroupBy::Month => Some(month_key(at, offset)),
    }
}

impl CallbackReport {
    /// The 回访满意率 report over the desk's requests. `threshold` defaults to the desk's
    /// `satisfied_threshold`.
    pub fn of(
        desk: &Desk,
        period: ReportPeriod,
        by: GroupBy,
        threshold: Option<u8>,
    ) -> Result<CallbackReport, SurveyError> {
        let threshold = check_threshold(threshold.unwrap_or(desk.config().satisfied_threshold))?;
        let offset = desk.calendar().offset();
        let mut overall = Tally::default();
        // Groups by key, kept sorted (a plain vector: few groups, and no map code in WASM).
        let mut groups: Vec<(String, Tally)> = Vec::new();
        for t in desk.tracks() {
            let kind = t.request.details.kind;
            tally_rounds(&t.record.rounds, &period, threshold, |round, at, change| {
                change(&mut overall);
                if let Some(key) = group_key(by, kind, round, at, offset) {
                    let i = match groups.binary_search_by(|(k, _)| k.as_str().cmp(&key)) {
                        Ok(i) => i,
                        Err(i) => {
                            groups.insert(i, (key, Tally::default()));
                            i
                        }
                    };
                    change(&mut groups[i].1);
                }
            });
        }
        Ok(CallbackReport {
            from: period.from(),
            to: period.to(),
            by,
            threshold,
            overall: overall.figures(None)?,
            groups: groups
                .into_iter()
                .map(|(k, t)| t.figures(Some(k)))
                .collect::<Result<_, _>>()?,
        })
    }
}

/// Callback coverage 回访覆盖率 of the desk's rounds due in the period (the overall
/// coverage of [`CallbackReport::of`]).
pub fn coverage(desk: &Desk, period: ReportPeriod) -> Result<Coverage, SurveyError> {
    let mut tally = Tally::default();
    for t in desk.tracks() {
        // The threshold does not enter coverage.
        tally_rounds(&t.record.rounds, &period, 1, |_, _, change| {
            change(&mut tally)
        });
    }
    tally.coverage()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every unit-only enum here reads back the names its `Serialize` writes.
    #[test]
    fn unit_enums_read_their_own_names() {
        crate::wire::assert_round_trip(GroupBy::ALL);
    }
}
