//! The help texts of `wuye`: the general page, one page per command and the usage lines a
//! usage error shows.

/// A command with a help page of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    /// `wuye demo`.
    Demo,
    /// `wuye replay`.
    Replay,
    /// `wuye sla`.
    Sla,
    /// `wuye calendar`.
    Calendar,
    /// `wuye bill`.
    Bill,
    /// `wuye survey`.
    Survey,
}

impl Topic {
    /// Every command, in the order of the general help.
    pub const ALL: [Topic; 6] = [
        Topic::Demo,
        Topic::Replay,
        Topic::Sla,
        Topic::Calendar,
        Topic::Bill,
        Topic::Survey,
    ];

    /// The command of a name (`"demo"` …), if there is one.
    pub fn parse(s: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.name() == s)
    }

    /// The command's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Topic::Demo => "demo",
            Topic::Replay => "replay",
            Topic::Sla => "sla",
            Topic::Calendar => "calendar",
            Topic::Bill => "bill",
            Topic::Survey => "survey",
        }
    }

    /// The help page of the command.
    pub fn help(self) -> &'static str {
        match self {
            Topic::Demo => HELP_DEMO,
            Topic::Replay => HELP_REPLAY,
            Topic::Sla => HELP_SLA,
            Topic::Calendar => HELP_CALENDAR,
            Topic::Bill => HELP_BILL,
            Topic::Survey => HELP_SURVEY,
        }
    }

    /// The usage line of the command.
    pub fn usage(self) -> &'static str {
        match self {
            Topic::Demo => "wuye demo [--log FILE]",
            Topic::Replay => "wuye replay FILE.jsonl [--json]",
            Topic::Sla => "wuye sla FILE.jsonl --as-of INSTANT [--json]",
            Topic::Calendar => "wuye calendar [--calendar FILE.json] QUERY ARGS...",
            Topic::Bill => {
                "wuye bill SCHEDULE.json UNITS.json [INPUTS.json] --period PERIOD [--unit ID[,ID...]] [--json]"
            }
            Topic::Survey => "wuye survey FILE.csv [--scale MIN-MAX] [--json]",
        }
    }
}

/// The usage lines of every command (a usage error that names no command shows them).
pub const USAGE: &str = "\
usage: wuye demo [--log FILE]
       wuye replay FILE.jsonl [--json]
       wuye sla FILE.jsonl --as-of INSTANT [--json]
       wuye calendar [--calendar FILE.json] QUERY ARGS...
       wuye bill SCHEDULE.json UNITS.json [INPUTS.json] --period PERIOD [--unit ID[,ID...]] [--json]
       wuye survey FILE.csv [--scale MIN-MAX] [--json]
       wuye help [COMMAND] | --help | --version
";

/// The general help page.
pub const HELP: &str = "\
wuye — property-management customer service 物业客户服务 on the command line

Deterministic: no command reads the clock; every instant comes from a file or an argument.

Commands:
  demo [--log FILE]                   Play a working day at the sample estate 翠湖花园
                                      (2026-09-30, the last working day before National Day)
                                      and print a report, then a month of billing 收费 with
                                      traces and an account with a part payment and a late
                                      fee; --log also writes the day's event log.
  replay FILE.jsonl [--json]          Replay an event log 操作日志 and list its requests
                                      (or print the whole desk as JSON).
  sla FILE.jsonl --as-of INSTANT      Replay a log and print every request's SLA clocks 时效
        [--json]                      as of INSTANT.
  calendar [--calendar FILE.json] QUERY
                                      Business-calendar queries 工作日历:
      is-workday DATE                   true or false
      workdays FROM TO                  working days in the inclusive date range
      add INSTANT DURATION              the instant after DURATION of business time
      between FROM TO                   business time between two instants
      next INSTANT                      the next working instant at or after INSTANT
  bill SCHEDULE.json UNITS.json [INPUTS.json] --period PERIOD
        [--unit ID[,ID...]] [--json]  Bills 账单 for a period, each line with its trace
                                      计算过程 (or the bills as JSON).
  survey FILE.csv [--scale MIN-MAX] [--json]
                                      Survey scores 满意度: SERVQUAL gaps 服务质量差距
                                      (or SERVPERF) from a CSV of the 22 standard items,
                                      or CSAT and NPS from a ratings CSV.
  help [COMMAND]                      This help, or a command's (also COMMAND --help).
  --version                           Print the version.

Values:
  INSTANT   RFC 3339 with an offset, e.g. 2026-09-30T16:00:00+08:00
  DATE      YYYY-MM-DD, e.g. 2026-10-10
  DURATION  hours, minutes and/or seconds, in that order: 8h, 90m, 3600s, 1h30m
  PERIOD    a month 2026-09, a quarter 2026-Q3, a year 2026, or days 2026-09-16..2026-09-30

Exit status: 0 success; 1 domain error (bad log line, calendar without data for a year,
an instant before a request's last event, a rate that does not cover the period, a meter
reading going backwards...); 2 usage error.
";

const HELP_DEMO: &str = "\
usage: wuye demo [--log FILE]

Plays a realistic working day at the bundled sample estate 翠湖花园 (estate profile and
staff in data/sample-estate/estate.json, the day's script in day.json, both built into the
binary) on the standard desk: default departments, the standard SLA policy and the built-in
mainland China calendar. Prints the estate profile, every escalation fired by the desk's
ticks, each request's path through the stages with its SLA clocks as of the end of the day,
and a summary.

Then a month of billing 收费 at the same estate (September 2026; data/sample-estate/fees/):
four unit types, a vacant flat (30% off), a mid-month move-in, a rate change on the 16th,
water in annual tiers (one meter replaced, one rolled over), a parking space, a shared lift
bill, housekeeping, a visitor's parking stay and a renovation fee and deposit — every bill
with the trace of each line; then one account 账户 that pays part of what it owes and the
late fee 滞纳金 and ageing 账龄 that follow.

Options:
  --log FILE   Also write the day's full event log as JSON Lines to FILE
               (replay it with 'wuye replay FILE').
";

const HELP_REPLAY: &str = "\
usage: wuye replay FILE.jsonl [--json]

Reads an event log (one event per line, JSON Lines; blank lines skipped) and replays it on a
standard desk (default departments, standard SLA policy, built-in China calendar). Prints a
table of the requests: id, kind, priority, stage, reopens, transfers.

A line that is not an event, or an event that does not fit the request's state, is reported
as FILE:LINE: reason (exit status 1).

Options:
  --json   Print the replayed desk as pretty JSON instead of the table.
";

const HELP_SLA: &str = "\
usage: wuye sla FILE.jsonl --as-of INSTANT [--json]

Replays an event log like 'wuye replay', then prints every request's SLA clocks per cycle
as of INSTANT: state, elapsed / target as h:mm (business or wall time per the clock), and
deadline. INSTANT must not be before any request's last event.

Options:
  --as-of INSTANT   RFC 3339 with an offset, e.g. 2026-10-08T09:00:00+08:00 (required)
  --json            Print the statuses as JSON.
";

const HELP_CALENDAR: &str = "\
usage: wuye calendar [--calendar FILE.json] QUERY ARGS...

Queries on the built-in mainland China business calendar: +08:00, Monday to Friday
08:30-12:00 and 13:30-17:30, with the State Council holidays 法定节假日 and make-up working
days 调休 of 2024-2026. A date in a year without data is an error, never a guess.

Queries:
  is-workday DATE            true or false
  workdays FROM TO           number of working days in the inclusive range FROM..=TO
  add INSTANT DURATION       the instant after DURATION of business time
  between FROM TO            business time between two instants: seconds and h:mm
  next INSTANT               the next working instant at or after INSTANT

Options:
  --calendar FILE.json   Use this calendar (a CalendarSpec: utc_offset, week, makeup_windows,
                         years) instead of the built-in one.

Examples:
  wuye calendar is-workday 2026-10-10                 → true (make-up Saturday)
  wuye calendar add 2026-09-30T17:00:00+08:00 1h      → 2026-10-08T09:00:00+08:00
";

const HELP_BILL: &str = "\
usage: wuye bill SCHEDULE.json UNITS.json [INPUTS.json] --period PERIOD [--unit ID[,ID...]] [--json]

Bills every unit (or the --unit ones) for PERIOD and prints each bill with its lines and the
trace of each line 计算过程: the formula, the segments of days with their rate, unit state
and discount, tiers of metered consumption, and where and how the amount was rounded.

Files (JSON; unknown fields are refused, amounts and rates are decimal strings):
  SCHEDULE.json   the fee schedule 收费标准: unit_types, items (formula, rounding,
                  rounding_point per_month|per_line, state_discounts...), effective-dated
                  rates, billing (prepaid|postpaid, due_days), prepayment_discounts, account
  UNITS.json      an array of units 房屋: id, unit_type, building_area, inner_area, share,
                  states [{from, state}], subscriptions [{item, quantity, from, to, note}]
  INPUTS.json     the period's inputs: {readings, usage, parking, shared}, or just an array
                  of meter readings 抄表 [{unit, item, date, previous, current, wraps_at,
                  replaced {old_final, new_initial}, year_to_date}]

Options:
  --period PERIOD   2026-09, 2026-Q3, 2026 or 2026-09-16..2026-09-30 (required)
  --unit ID[,ID]    Only these units' bills (shared costs are still split across all theirs)
  --json            Print the bills as JSON.

Example (the bundled sample estate):
  wuye bill cli/data/sample-estate/fees/schedule.json cli/data/sample-estate/fees/units.json \\
            cli/data/sample-estate/fees/inputs-2026-09.json --period 2026-09
";

const HELP_SURVEY: &str = "\
usage: wuye survey FILE.csv [--scale MIN-MAX] [--json]

Scores a CSV of survey answers 问卷. The header says what the file holds:

  SERVQUAL 服务质量差距   respondent,E1,...,E22,P1,...,P22[,W_tangibles,W_reliability,
                          W_responsiveness,W_assurance,W_empathy]
      Expectations 期望 (E) and perceptions 感知 (P) of the 22 standard items (q1-q4
      tangibles 有形性, q5-q9 reliability 可靠性, q10-q13 responsiveness 响应性, q14-q17
      assurance 保证性, q18-q22 empathy 移情性) on 1-7 by default. Prints each item's mean E,
      mean P and gap P - E, each dimension's (the mean of its items), the overall (the mean
      of the five) and, when W_* columns give respondents' importance weights (100 points
      each, all five or none), the weighted gap from their averages.
  SERVPERF 服务绩效       respondent,P1,...,P22[,W_...]   (no E columns): perceptions only.
  Ratings 评分            respondent,csat,nps   (either or both)
      CSAT 顾客满意度: the share of the top two boxes (1-5 by default) with its 95% Wilson
      interval, the mean and the distribution; NPS 净推荐值 on 0-10: promoters 9-10 minus
      detractors 0-6, with its standard error, margin and 95% interval.

One row per respondent; lines starting with # and blank lines are skipped; fields are
separated by commas (no quoting). A blank answer is an unanswered item, skipped for that
item only. Figures are exact: means and gaps to 4 places, percentages to 2, half up; an
item nobody answered shows —. An answer outside the scale, weights that do not sum to 100,
a missing column or a malformed cell is an error (exit status 1) naming the line or the
respondent and the item.

Options:
  --scale MIN-MAX   The answer scale of the questionnaire (default 1-7) or of CSAT
                    (default 1-5), e.g. --scale 1-5. NPS is always 0-10.
  --json            Print {\"servqual\": ...}, {\"servperf\": ...} or {\"csat\": ..., \"nps\": ...}:
                    the results of the contract's survey operations.

Example (the bundled sample estate):
  wuye survey cli/data/sample-estate/survey-servqual.csv
  wuye survey cli/data/sample-estate/survey-ratings.csv
";
