//! Argument parsing for `wuye` on [`lexopt`] (which splits the command line into options,
//! their values and positional arguments), and the value formats: RFC 3339 instants,
//! `YYYY-MM-DD` dates and durations such as `8h`, `90m`, `3600s`, `1h30m`. The help texts
//! are in [`crate::help`].

use chrono::NaiveDate;
use lexopt::prelude::*;
use std::path::PathBuf;
use wuye_core::fee::Period;
use wuye_core::Instant;

pub use crate::help::{Topic, HELP};

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
                format!("Run 'wuye help {}' for details.", t.name()),
            ),
            None => (
                crate::help::USAGE.trim_end().to_owned(),
                "Run 'wuye --help' for details.".into(),
            ),
        };
        format!("error: {}\n{usage}\n{more}\n", self.message)
    }
}

/// Parses an instant in the contract's form: `YYYY-MM-DDTHH:MM:SS` plus `Z` or `±HH:MM`.
pub fn parse_instant(s: &str) -> Result<Instant, String> {
    Instant::parse(s).map_err(|e| format!("{e}, e.g. 2026-09-30T16:00:00+08:00"))
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

/// What [`split`] found on one command's line.
#[derive(Default)]
struct Parsed {
    help: bool,
    flags: Vec<&'static str>,
    values: Vec<(&'static str, String)>,
    positional: Vec<String>,
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

    /// Checks the number of positional arguments: all of `required`, then at most
    /// `optional` more.
    fn expect(&self, topic: Topic, required: &[&str], optional: usize) -> Result<(), UsageError> {
        let n = self.positional.len();
        if n < required.len() {
            let missing = required[n..].join(" ");
            return Err(UsageError::new(Some(topic), format!("missing {missing}")));
        }
        match self.positional.get(required.len() + optional) {
            Some(extra) => Err(UsageError::new(
                Some(topic),
                format!("unexpected argument {extra:?}"),
            )),
            None => Ok(()),
        }
    }
}

/// A lexing error of lexopt in the wording of the other usage errors.
fn lexing(topic: Option<Topic>, e: lexopt::Error) -> UsageError {
    let message = match e {
        lexopt::Error::MissingValue {
            option: Some(option),
        } => format!("option {option} needs a value"),
        lexopt::Error::UnexpectedValue { option, .. } => format!("option {option} takes no value"),
        e => e.to_string(),
    };
    UsageError::new(topic, message)
}

/// Reads the rest of the command line by a command's option table: `flags` take no value,
/// `valued` take one (`--opt VALUE` or `--opt=VALUE`); `-h`/`--help` anywhere asks for help;
/// `--` ends the options. An option given twice is an error.
fn split(
    topic: Option<Topic>,
    parser: &mut lexopt::Parser,
    flags: &[&'static str],
    valued: &[&'static str],
) -> Result<Parsed, UsageError> {
    let error = |m: String| UsageError::new(topic, m);
    let mut p = Parsed::default();
    while let Some(arg) = parser.next().map_err(|e| lexing(topic, e))? {
        let name = match arg {
            Short('h') | Long("help") => {
                p.help = true;
                continue;
            }
            Value(v) => {
                p.positional.push(v.string().map_err(|e| lexing(topic, e))?);
                continue;
            }
            Short(c) => format!("-{c}"),
            Long(l) => format!("--{l}"),
        };
        let given_twice = || error(format!("option {name} given twice"));
        if let Some(&f) = flags.iter().find(|f| **f == name) {
            if p.flag(f) {
                return Err(given_twice());
            }
            p.flags.push(f);
        } else if let Some(&v) = valued.iter().find(|v| **v == name) {
            let value = parser.value().map_err(|e| lexing(topic, e))?;
            if p.value(v).is_some() {
                return Err(given_twice());
            }
            p.values
                .push((v, value.string().map_err(|e| lexing(topic, e))?));
        } else {
            return Err(error(match topic {
                Some(t) => format!("unknown option {name:?} for '{}'", t.name()),
                None => format!("unknown option {name:?}"),
            }));
        }
    }
    Ok(p)
}

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Invocation, UsageError> {
    let mut parser = lexopt::Parser::from_args(args);
    let general = |m: String| UsageError::new(None, m);
    let command = match parser.next().map_err(|e| lexing(None, e))? {
        None => return Err(general("no command given".into())),
        Some(Short('h') | Long("help")) => return Ok(Invocation::Help(None)),
        Some(Short('V') | Long("version")) => "version".to_owned(),
        Some(Value(v)) => v.string().map_err(|e| lexing(None, e))?,
        Some(Short(c)) => return Err(general(format!("unknown option \"-{c}\""))),
        Some(Long(l)) => return Err(general(format!("unknown option \"--{l}\""))),
    };
    let Some(t) = Topic::parse(&command) else {
        let p = split(None, &mut parser, &[], &[])?;
        return match command.as_str() {
            "version" => match p.positional.first() {
                None => Ok(Invocation::Version),
                Some(extra) => Err(general(format!("unexpected argument {extra:?}"))),
            },
            "help" => match p.positional.as_slice() {
                [] => Ok(Invocation::Help(None)),
                [t] => Topic::parse(t)
                    .map(|t| Invocation::Help(Some(t)))
                    .ok_or_else(|| general(format!("no help for unknown command {t:?}"))),
                [_, extra, ..] => Err(general(format!("unexpected argument {extra:?}"))),
            },
            other => Err(general(format!("unknown command {other:?}"))),
        };
    };
    let (flags, valued): (&[_], &[_]) = match t {
        Topic::Demo => (&[], &["--log"]),
        Topic::Replay => (&["--json"], &[]),
        Topic::Sla => (&["--json"], &["--as-of"]),
        Topic::Calendar => (&[], &["--calendar"]),
        Topic::Bill => (&["--json"], &["--period", "--unit"]),
        Topic::Survey => (&["--json"], &["--scale"]),
    };
    let p = split(Some(t), &mut parser, flags, valued)?;
    if p.help {
        return Ok(Invocation::Help(Some(t)));
    }
    let u = |m: String| UsageError::new(Some(t), m);
    let json = p.flag("--json");
    let file = || PathBuf::from(&p.positional[0]);
    Ok(match t {
        Topic::Demo => {
            p.expect(t, &[], 0)?;
            Invocation::Demo {
                log: p.value("--log").map(PathBuf::from),
            }
        }
        Topic::Replay => {
            p.expect(t, &["FILE.jsonl"], 0)?;
            Invocation::Replay { file: file(), json }
        }
        Topic::Sla => {
            p.expect(t, &["FILE.jsonl"], 0)?;
            let as_of = p
                .value("--as-of")
                .ok_or_else(|| u("missing --as-of INSTANT".into()))?;
            Invocation::Sla {
                file: file(),
                as_of: parse_instant(as_of).map_err(u)?,
                json,
            }
        }
        Topic::Calendar => Invocation::Calendar {
            calendar: p.value("--calendar").map(PathBuf::from),
            query: calendar_query(t, &p.positional)?,
        },
        Topic::Bill => {
            p.expect(t, &["SCHEDULE.json", "UNITS.json"], 1)?;
            let period = p
                .value("--period")
                .ok_or_else(|| u("missing --period PERIOD".into()))?;
            let period: Period = period.parse().map_err(|e| u(format!("{e}")))?;
            let only = match p.value("--unit") {
                Some(list) => {
                    let ids: Vec<String> = list.split(',').map(str::to_owned).collect();
                    if ids.iter().any(String::is_empty) {
                        return Err(u(format!("invalid --unit {list:?}")));
                    }
                    Some(ids)
                }
                None => None,
            };
            Invocation::Bill {
                schedule: file(),
                units: PathBuf::from(&p.positional[1]),
                inputs: p.positional.get(2).map(PathBuf::from),
                period,
                only,
                json,
            }
        }
        Topic::Survey => {
            p.expect(t, &["FILE.csv"], 0)?;
            let scale = match p.value("--scale") {
                Some(s) => Some(crate::survey::parse_scale(s).map_err(u)?),
                None => None,
            };
            Invocation::Survey {
                file: file(),
                scale,
                json,
            }
        }
    })
}

/// The query of `wuye calendar QUERY ARGS...`.
fn calendar_query(t: Topic, positional: &[String]) -> Result<CalendarQuery, UsageError> {
    let u = |m: String| UsageError::new(Some(t), m);
    let Some((q, a)) = positional.split_first() else {
        return Err(u(
            "missing QUERY (is-workday, workdays, add, between or next)".into(),
        ));
    };
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
    Ok(match q.as_str() {
        "is-workday" => {
            arity(&["DATE"])?;
            CalendarQuery::IsWorkday(parse_date(&a[0]).map_err(u)?)
        }
        "workdays" => {
            arity(&["FROM", "TO"])?;
            CalendarQuery::Workdays(parse_date(&a[0]).map_err(u)?, parse_date(&a[1]).map_err(u)?)
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
    })
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
        // A value may start with a dash (a negative scale); `--` ends the options.
        assert!(matches!(
            parse(&args("survey a.csv --scale -3-3")),
            Ok(Invocation::Survey { scale: Some(_), .. })
        ));
        assert_eq!(
            parse(&args("replay -- --json")),
            Ok(Invocation::Replay {
                file: "--json".into(),
                json: false
            })
        );
        for bad in [
            "",
            "frobnicate",
            "--frob",
            "demo extra",
            "demo --log",
            "demo -hx",
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
            "--version=1",
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
