//! Hand-written argument parsing for `wuye` (no external parser, to keep the binary small),
//! the help texts, and the value formats: RFC 3339 instants, `YYYY-MM-DD` dates and
//! durations such as `8h`, `90m`, `3600s`, `1h30m`.

use chrono::{DateTime, NaiveDate};
use std::path::PathBuf;
use wuye_core::fee::Period;
use wuye_core::Instant;

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
    fn parse(s: &str) -> Option<Topic> {
        match s {
            "demo" => Some(Topic::Demo),
            "replay" => Some(Topic::Replay),
            "sla" => Some(Topic::Sla),
            "calendar" => Some(Topic::Calendar),
            "bill" => Some(Topic::Bill),
            "survey" => Some(Topic::Survey),
            _ => None,
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

    /// The usage lines of the command.
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

/// A business-calendar query of `wuye calendar`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarQuery {
    /// `is-workday DATE`.
    IsWorkday(NaiveDate),
    /// `workdays FROM TO` (inclusive).
    Workdays(NaiveDate, NaiveDate),
    /// `add INSTANT DURATION` (seconds).
    Add(Instant, i64),
    /// `between FROM TO`.
    Between(Instant, Instant),
    /// `next INSTANT`.
    Next(Instant),
}

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invocation {
    /// Print the general help, or a command's.
    Help(Option<Topic>),
    /// Print the version.
    Version,
    /// Play the sample day.
    Demo {
        /// Where to write the day's event log, if asked.
        log: Option<PathBuf>,
    },
    /// Replay an event log.
    Replay {
        /// The JSON Lines log.
        file: PathBuf,
        /// Print the desk as JSON instead of a table.
        json: bool,
    },
    /// SLA clocks of a log's requests as of an instant.
    Sla {
        /// The JSON Lines log.
        file: PathBuf,
        /// The instant.
        as_of: Instant,
        /// Print the statuses as JSON.
        json: bool,
    },
    /// A calendar query.
    Calendar {
        /// A calendar spec file instead of the built-in China calendar.
        calendar: Option<PathBuf>,
        /// The query.
        query: CalendarQuery,
    },
    /// Bills for a period from a schedule, units and inputs.
    Bill {
        /// The fee schedule.
        schedule: PathBuf,
        /// The units (a JSON array).
        units: PathBuf,
        /// Readings, usage, parking stays, shared costs (or an array of readings).
        inputs: Option<PathBuf>,
        /// The period.
        period: Period,
        /// Only these units' bills.
        only: Option<Vec<String>>,
        /// Print the bills as JSON.
        json: bool,
    },
    /// Scores a survey CSV: SERVQUAL / SERVPERF, or CSAT and NPS.
    Survey {
        /// The CSV file.
        file: PathBuf,
        /// The answer scale, if not the default (1–7 questionnaire, 1–5 CSAT).
        scale: Option<wuye_core::survey::Scale>,
        /// Print the report as JSON.
        json: bool,
    },
}

/// A usage error: what was wrong, and which command's usage to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError {
    /// What was wrong, one line.
    pub message: String,
    /// The command whose usage applies, if known.
    pub topic: Option<Topic>,
}

impl UsageError {
    fn new(topic: Option<Topic>, message: impl Into<String>) -> Self {
        UsageError {
            message: message.into(),
            topic,
        }
    }

    /// The text for stderr: the message, the relevant usage and where to find help.
    pub fn render(&self) -> String {
        let (usage, more) = match self.topic {
            Some(t) => (
                format!("usage: {}", t.usage()),
                format!("Run 'wuye help {}' for details.", topic_name(t)),
            ),
            None => (
                USAGE.trim_end().to_owned(),
                "Run 'wuye --help' for details.".into(),
            ),
        };
        format!("error: {}\n{usage}\n{more}\n", self.message)
    }
}

fn topic_name(t: Topic) -> &'static str {
    match t {
        Topic::Demo => "demo",
        Topic::Replay => "replay",
        Topic::Sla => "sla",
        Topic::Calendar => "calendar",
        Topic::Bill => "bill",
        Topic::Survey => "survey",
    }
}

const USAGE: &str = "\
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

/// Parses an RFC 3339 instant with an explicit offset.
pub fn parse_instant(s: &str) -> Result<Instant, String> {
    DateTime::parse_from_rfc3339(s).map_err(|e| {
        format!("invalid instant {s:?} ({e}); expected RFC 3339 with an offset, e.g. 2026-09-30T16:00:00+08:00")
    })
}

/// Parses a `YYYY-MM-DD` date.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let ok = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    ok.then(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| format!("invalid date {s:?}; expected YYYY-MM-DD, e.g. 2026-10-10"))
}

/// Parses a duration of hours, minutes and seconds, each at most once and in that order,
/// at least one present: `8h`, `90m`, `3600s`, `1h30m`, `2h0m15s`. Returns seconds.
pub fn parse_duration(s: &str) -> Result<i64, String> {
    let bad = || {
        format!("invalid duration {s:?}; expected hours/minutes/seconds like 8h, 90m, 3600s, 1h30m")
    };
    let mut total: i64 = 0;
    let mut rest = s;
    let mut last_unit = 0; // 1 h, 2 m, 3 s: units must ascend
    if rest.is_empty() {
        return Err(bad());
    }
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 12 {
            return Err(bad());
        }
        let n: i64 = rest[..digits].parse().map_err(|_| bad())?;
        let (unit, scale) = match rest.as_bytes().get(digits) {
            Some(b'h') => (1, 3600),
            Some(b'm') => (2, 60),
            Some(b's') => (3, 1),
            _ => return Err(bad()),
        };
        if unit <= last_unit {
            return Err(bad());
        }
        last_unit = unit;
        total = n
            .checked_mul(scale)
            .and_then(|v| total.checked_add(v))
            .ok_or_else(bad)?;
        rest = &rest[digits + 1..];
    }
    Ok(total)
}

/// Options and positional arguments of one command.
struct Parsed {
    flags: Vec<&'static str>,
    values: Vec<(&'static str, String)>,
    positional: Vec<String>,
    help: bool,
}

/// Splits `args` by a command's option table: `flags` take no value, `valued` take one
/// (`--opt VALUE` or `--opt=VALUE`); `-h`/`--help` anywhere asks for help; `--` ends options.
fn split(
    topic: Topic,
    args: &[String],
    flags: &[&'static str],
    valued: &[&'static str],
) -> Result<Parsed, UsageError> {
    let mut p = Parsed {
        flags: Vec::new(),
        values: Vec::new(),
        positional: Vec::new(),
        help: false,
    };
    let mut it = args.iter();
    let mut options_done = false;
    while let Some(a) = it.next() {
        if options_done || !a.starts_with('-') || a == "-" {
            p.positional.push(a.clone());
            continue;
        }
        if a == "--" {
            options_done = true;
            continue;
        }
        if a == "-h" || a == "--help" {
            p.help = true;
            continue;
        }
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) => (n, Some(v.to_owned())),
            None => (a.as_str(), None),
        };
        if let Some(f) = flags.iter().find(|f| **f == name) {
            if inline.is_some() {
                return Err(UsageError::new(
                    Some(topic),
                    format!("option {name} takes no value"),
                ));
            }
            if p.flags.contains(f) {
                return Err(UsageError::new(
                    Some(topic),
                    format!("option {name} given twice"),
                ));
            }
            p.flags.push(f);
        } else if let Some(v) = valued.iter().find(|v| **v == name) {
            let value = match inline {
                Some(v) => v,
                None => it.next().cloned().ok_or_else(|| {
                    UsageError::new(Some(topic), format!("option {name} needs a value"))
                })?,
            };
            if p.values.iter().any(|(n, _)| n == v) {
                return Err(UsageError::new(
                    Some(topic),
                    format!("option {name} given twice"),
                ));
            }
            p.values.push((v, value));
        } else {
            return Err(UsageError::new(
                Some(topic),
                format!("unknown option {name:?} for '{}'", topic_name(topic)),
            ));
        }
    }
    Ok(p)
}

impl Parsed {
    fn flag(&self, name: &str) -> bool {
        self.flags.contains(&name)
    }
    fn value(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

fn expect_positional(topic: Topic, p: &Parsed, names: &[&str]) -> Result<(), UsageError> {
    let n = p.positional.len();
    if n < names.len() {
        return Err(UsageError::new(
            Some(topic),
            format!("missing {}", names[n..].join(" ")),
        ));
    }
    if n > names.len() {
        return Err(UsageError::new(
            Some(topic),
            format!("unexpected argument {:?}", p.positional[names.len()]),
        ));
    }
    Ok(())
}

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Invocation, UsageError> {
    let Some(first) = args.first() else {
        return Err(UsageError::new(None, "no command given"));
    };
    let rest = &args[1..];
    match first.as_str() {
        "-h" | "--help" => Ok(Invocation::Help(None)),
        "-V" | "--version" | "version" => {
            if let Some(extra) = rest.first() {
                return Err(UsageError::new(
                    None,
                    format!("unexpected argument {extra:?}"),
                ));
            }
            Ok(Invocation::Version)
        }
        "help" => match rest {
            [] => Ok(Invocation::Help(None)),
            [t] => Topic::parse(t)
                .map(|t| Invocation::Help(Some(t)))
                .ok_or_else(|| UsageError::new(None, format!("no help for unknown command {t:?}"))),
            [_, extra, ..] => Err(UsageError::new(
                None,
                format!("unexpected argument {extra:?}"),
            )),
        },
        "demo" => {
            let t = Topic::Demo;
            let p = split(t, rest, &[], &["--log"])?;
            if p.help {
                return Ok(Invocation::Help(Some(t)));
            }
            expect_positional(t, &p, &[])?;
            Ok(Invocation::Demo {
                log: p.value("--log").map(PathBuf::from),
            })
        }
        "replay" => {
            let t = Topic::Replay;
            let p = split(t, rest, &["--json"], &[])?;
            if p.help {
                return Ok(Invocation::Help(Some(t)));
            }
            expect_positional(t, &p, &["FILE.jsonl"])?;
            Ok(Invocation::Replay {
                file: PathBuf::from(&p.positional[0]),
                json: p.flag("--json"),
            })
        }
        "sla" => {
            let t = Topic::Sla;
            let p = split(t, rest, &["--json"], &["--as-of"])?;
            if p.help {
                return Ok(Invocation::Help(Some(t)));
            }
            expect_positional(t, &p, &["FILE.jsonl"])?;
            let as_of = p
                .value("--as-of")
                .ok_or_else(|| UsageError::new(Some(t), "missing --as-of INSTANT"))?;
            let as_of = parse_instant(as_of).map_err(|m| UsageError::new(Some(t), m))?;
            Ok(Invocation::Sla {
                file: PathBuf::from(&p.positional[0]),
                as_of,
                json: p.flag("--json"),
            })
        }
        "calendar" => {
            let t = Topic::Calendar;
            let p = split(t, rest, &[], &["--calendar"])?;
            if p.help {
                return Ok(Invocation::Help(Some(t)));
            }
            let calendar = p.value("--calendar").map(PathBuf::from);
            let u = |m: String| UsageError::new(Some(t), m);
            let Some(q) = p.positional.first() else {
                return Err(u(
                    "missing QUERY (is-workday, workdays, add, between or next)".into(),
                ));
            };
            let a = &p.positional[1..];
            let arity = |names: &[&str]| -> Result<(), UsageError> {
                if a.len() < names.len() {
                    Err(u(format!(
                        "'calendar {q}' needs {}",
                        names[a.len()..].join(" ")
                    )))
                } else if a.len() > names.len() {
                    Err(u(format!(
                        "unexpected argument {:?} for 'calendar {q}'",
                        a[names.len()]
                    )))
                } else {
                    Ok(())
                }
            };
            let query = match q.as_str() {
                "is-workday" => {
                    arity(&["DATE"])?;
                    CalendarQuery::IsWorkday(parse_date(&a[0]).map_err(u)?)
                }
                "workdays" => {
                    arity(&["FROM", "TO"])?;
                    CalendarQuery::Workdays(
                        parse_date(&a[0]).map_err(u)?,
                        parse_date(&a[1]).map_err(u)?,
                    )
                }
                "add" => {
                    arity(&["INSTANT", "DURATION"])?;
                    CalendarQuery::Add(
                        parse_instant(&a[0]).map_err(u)?,
                        parse_duration(&a[1]).map_err(u)?,
                    )
                }
                "between" => {
                    arity(&["FROM", "TO"])?;
                    CalendarQuery::Between(
                        parse_instant(&a[0]).map_err(u)?,
                        parse_instant(&a[1]).map_err(u)?,
                    )
                }
                "next" => {
                    arity(&["INSTANT"])?;
                    CalendarQuery::Next(parse_instant(&a[0]).map_err(u)?)
                }
                other => {
                    return Err(u(format!(
                    "unknown calendar query {other:?} (is-workday, workdays, add, between or next)"
                )))
                }
            };
            Ok(Invocation::Calendar { calendar, query })
        }
        "bill" => {
            let t = Topic::Bill;
            let p = split(t, rest, &["--json"], &["--period", "--unit"])?;
            if p.help {
                return Ok(Invocation::Help(Some(t)));
            }
            let n = p.positional.len();
            if !(2..=3).contains(&n) {
                let names: &[&str] = &["SCHEDULE.json", "UNITS.json", "[INPUTS.json]"];
                return Err(if n < 2 {
                    UsageError::new(Some(t), format!("missing {}", names[n..2].join(" ")))
                } else {
                    UsageError::new(
                        Some(t),
                        format!("unexpected argument {:?}", p.positional[3]),
                    )
                });
            }
            let period = p
                .value("--period")
                .ok_or_else(|| UsageError::new(Some(t), "missing --period PERIOD"))?;
            let period: Period = period
                .parse()
                .map_err(|e| UsageError::new(Some(t), format!("{e}")))?;
            let only = match p.value("--unit") {
                Some(list) => {
                    let ids: Vec<String> = list.split(',').map(str::to_owned).collect();
                    if ids.iter().any(String::is_empty) {
                        return Err(UsageError::new(Some(t), format!("invalid --unit {list:?}")));
                    }
                    Some(ids)
                }
                None => None,
            };
            Ok(Invocation::Bill {
                schedule: PathBuf::from(&p.positional[0]),
                units: PathBuf::from(&p.positional[1]),
                inputs: p.positional.get(2).map(PathBuf::from),
                period,
                only,
                json: p.flag("--json"),
            })
        }
        "survey" => {
            let t = Topic::Survey;
            let p = split(t, rest, &["--json"], &["--scale"])?;
            if p.help {
                return Ok(Invocation::Help(Some(t)));
            }
            expect_positional(t, &p, &["FILE.csv"])?;
            let scale = match p.value("--scale") {
                Some(s) => {
                    Some(crate::survey::parse_scale(s).map_err(|m| UsageError::new(Some(t), m))?)
                }
                None => None,
            };
            Ok(Invocation::Survey {
                file: PathBuf::from(&p.positional[0]),
                scale,
                json: p.flag("--json"),
            })
        }
        other if other.starts_with('-') => {
            Err(UsageError::new(None, format!("unknown option {other:?}")))
        }
        other => Err(UsageError::new(None, format!("unknown command {other:?}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("8h"), Ok(28_800));
        assert_eq!(parse_duration("90m"), Ok(5_400));
        assert_eq!(parse_duration("3600s"), Ok(3_600));
        assert_eq!(parse_duration("1h30m"), Ok(5_400));
        assert_eq!(parse_duration("2h0m15s"), Ok(7_215));
        assert_eq!(parse_duration("0h"), Ok(0));
        for bad in [
            "",
            "8",
            "h",
            "1m1h",
            "1h1h",
            "1.5h",
            "-1h",
            "1 h",
            "1d",
            "99999999999999h",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn dates_and_instants() {
        assert!(parse_date("2026-10-10").is_ok());
        for bad in ["2026-2-1", "2026-02-30", "20261010", "2026-10-10T00:00"] {
            assert!(parse_date(bad).is_err(), "{bad:?}");
        }
        assert!(parse_instant("2026-09-30T17:00:00+08:00").is_ok());
        assert!(parse_instant("2026-09-30T17:00:00").is_err());
    }

    #[test]
    fn commands() {
        assert_eq!(parse(&args("--help")), Ok(Invocation::Help(None)));
        assert_eq!(
            parse(&args("help sla")),
            Ok(Invocation::Help(Some(Topic::Sla)))
        );
        assert_eq!(
            parse(&args("demo --help")),
            Ok(Invocation::Help(Some(Topic::Demo)))
        );
        assert_eq!(
            parse(&args("demo --log=x.jsonl")),
            Ok(Invocation::Demo {
                log: Some("x.jsonl".into())
            })
        );
        assert_eq!(
            parse(&args("replay --json a.jsonl")),
            Ok(Invocation::Replay {
                file: "a.jsonl".into(),
                json: true
            })
        );
        assert!(matches!(
            parse(&args("bill s.json u.json r.json --period 2026-Q3 --unit 1-101,1-102")),
            Ok(Invocation::Bill { inputs: Some(_), only: Some(ref ids), json: false, .. }) if ids.len() == 2
        ));
        assert!(matches!(
            parse(&args(
                "calendar --calendar c.json next 2026-09-30T12:00:00+08:00"
            )),
            Ok(Invocation::Calendar {
                calendar: Some(_),
                query: CalendarQuery::Next(_)
            })
        ));
        for bad in [
            "",
            "frobnicate",
            "--frob",
            "demo extra",
            "demo --log",
            "replay",
            "replay a b",
            "replay a --json --json",
            "sla a",
            "sla a --as-of yesterday",
            "calendar",
            "calendar is-workday",
            "calendar is-workday 2026-13-01",
            "calendar add 2026-09-30T17:00:00+08:00 1x",
            "calendar between 2026-09-30T17:00:00+08:00",
            "calendar leap 2026-09-30",
            "help nothing",
            "--version extra",
            "bill s.json",
            "bill s.json u.json --period 2026-13",
            "bill s.json u.json i.json extra --period 2026-09",
            "bill s.json u.json",
            "bill s.json u.json --period 2026-09 --unit a,,b",
        ] {
            assert!(parse(&args(bad)).is_err(), "{bad:?}");
        }
    }
}
