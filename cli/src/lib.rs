//! # wuye-cli
//!
//! The `wuye` command's logic, as a library so that tests (and other tools) can play the
//! bundled sample day and compare its desk with a replayed one:
//!
//! - [`args`]: argument parsing (on lexopt), value formats.
//! - [`help`]: the help texts.
//! - [`estate`]: the estate profile 小区概况 and staff of the sample estate.
//! - [`fees`]: `wuye bill` and the demo's month of billing 收费.
//! - [`scenario`]: scenario scripts and [`scenario::play`].
//! - [`survey`]: `wuye survey` — a CSV of survey answers scored as SERVQUAL 服务质量差距,
//!   SERVPERF, CSAT or NPS.
//! - [`report`]: the demo report, SLA clock blocks, the replay table.
//! - [`text`]: `h:mm`, column padding for CJK text, bilingual names.
//!
//! [`run`] executes a parsed [`args::Invocation`] and returns what to print; the binary
//! only prints it and sets the exit status. Nothing here reads the clock.

#![forbid(unsafe_code)]

pub mod args;
pub mod estate;
pub mod fees;
pub mod help;
pub mod report;
pub mod scenario;
pub mod survey;
pub mod text;

use std::path::Path;
use wuye_core::calendar::CalendarSpec;
use wuye_core::desk::config::DeskConfig;
use wuye_core::desk::request::Event;
use wuye_core::desk::sla::SlaPolicy;
use wuye_core::desk::Desk;
use wuye_core::BusinessCalendar;

use args::{CalendarQuery, Invocation, UsageError};

/// Version of the command (the crate's).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Why a command failed, with the exit status it maps to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The command line is wrong (exit status 2).
    Usage(UsageError),
    /// The command was understood but the data or the domain refused it (exit status 1).
    /// The text is the complete line for stderr, e.g. `error: ...` or `FILE:LINE: reason`.
    Domain(String),
}

impl Failure {
    /// The exit status: 2 for usage errors, 1 for domain errors.
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Usage(_) => 2,
            Failure::Domain(_) => 1,
        }
    }

    /// The text for stderr, ending in a newline.
    pub fn render(&self) -> String {
        match self {
            Failure::Usage(u) => u.render(),
            Failure::Domain(m) => format!("{m}\n"),
        }
    }
}

fn domain(message: impl std::fmt::Display) -> Failure {
    Failure::Domain(format!("error: {message}"))
}

/// Parses the arguments (after the program name) and runs the command; returns the text
/// for stdout.
pub fn run_args(args: &[String]) -> Result<String, Failure> {
    let invocation = args::parse(args).map_err(Failure::Usage)?;
    run(&invocation)
}

/// Runs a parsed command; returns the text for stdout.
pub fn run(invocation: &Invocation) -> Result<String, Failure> {
    match invocation {
        Invocation::Help(None) => Ok(args::HELP.to_owned()),
        Invocation::Help(Some(t)) => Ok(t.help().to_owned()),
        Invocation::Version => Ok(format!(
            "wuye {VERSION} (wuye-core {})\n",
            wuye_core::VERSION
        )),
        Invocation::Demo { log } => demo(log.as_deref()),
        Invocation::Replay { file, json } => {
            let desk = replay_file(file)?;
            if *json {
                let mut s = serde_json::to_string_pretty(&desk).map_err(domain)?;
                s.push('\n');
                Ok(s)
            } else if desk.is_empty() {
                Ok("(no requests)\n".into())
            } else {
                Ok(report::request_table(&desk))
            }
        }
        Invocation::Sla { file, as_of, json } => {
            let desk = replay_file(file)?;
            if *json {
                let statuses = desk
                    .requests()
                    .map(|r| desk.sla_status(r.id(), *as_of))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(domain)?;
                let mut s = serde_json::to_string_pretty(&statuses).map_err(domain)?;
                s.push('\n');
                Ok(s)
            } else {
                report::sla_report(&desk, *as_of).map_err(domain)
            }
        }
        Invocation::Bill {
            schedule,
            units,
            inputs,
            period,
            only,
            json,
        } => fees::bill_files(
            schedule,
            units,
            inputs.as_deref(),
            *period,
            only.as_deref(),
            *json,
        )
        .map_err(domain),
        Invocation::Survey { file, scale, json } => {
            survey::survey_file(file, *scale, *json).map_err(domain)
        }
        Invocation::Calendar { calendar, query } => {
            let cal = match calendar {
                Some(path) => load_calendar(path)?,
                None => BusinessCalendar::china_mainland(),
            };
            calendar_query(&cal, query).map_err(domain)
        }
    }
}

/// Plays the bundled sample day and renders the report; with `log`, also writes the day's
/// event log there as JSON Lines.
pub fn demo(log: Option<&Path>) -> Result<String, Failure> {
    let (estate, scenario, day) = scenario::play_sample().map_err(domain)?;
    let mut out = report::demo_report(&estate, &scenario, &day).map_err(domain)?;
    out.push_str(&fees::demo_fees().map_err(domain)?);
    out.push_str(&report::satisfaction_report(&estate, &scenario, &day).map_err(domain)?);
    if let Some(path) = log {
        std::fs::write(path, wuye_core::desk::log::to_jsonl(&day.events))
            .map_err(|e| domain(format!("cannot write {}: {e}", path.display())))?;
        out.push_str(&format!(
            "\nEvent log 操作日志: {} events written to {}\n",
            day.events.len(),
            path.display()
        ));
    }
    Ok(out)
}

/// A desk equivalent to `Desk::standard()`: default configuration, the standard SLA policy
/// and the built-in mainland China calendar, with no requests.
pub fn standard_parts() -> (DeskConfig, SlaPolicy, BusinessCalendar) {
    (
        DeskConfig::default(),
        SlaPolicy::standard(),
        BusinessCalendar::china_mainland(),
    )
}

/// Parses a JSON Lines log and replays it on a standard desk. Errors are
/// `NAME:LINE: reason`, where LINE is the 1-based line of the offending event.
pub fn replay_text(name: &str, text: &str) -> Result<Desk, String> {
    let parsed = wuye_core::desk::log::parse_jsonl(text)
        .map_err(|e| format!("{name}:{}: {}", e.line, e.reason))?;
    let (config, policy, calendar) = standard_parts();
    Desk::replay(config, policy, calendar, parsed.iter().map(|(_, e)| e)).map_err(|(index, err)| {
        match parsed.get(index) {
            Some((line, _)) => format!("{name}:{line}: {err}"),
            None => format!("{name}: {err}"),
        }
    })
}

fn replay_file(path: &Path) -> Result<Desk, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| domain(format!("cannot read {}: {e}", path.display())))?;
    replay_text(&path.display().to_string(), &text).map_err(Failure::Domain)
}

/// Parses a log's events without replaying them (for tools and tests).
pub fn parse_log(text: &str) -> Result<Vec<Event>, String> {
    wuye_core::desk::log::parse_jsonl(text)
        .map(|v| v.into_iter().map(|(_, e)| e).collect())
        .map_err(|e| e.to_string())
}

fn load_calendar(path: &Path) -> Result<BusinessCalendar, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| domain(format!("cannot read {}: {e}", path.display())))?;
    let spec: CalendarSpec =
        serde_json::from_str(&text).map_err(|e| domain(format!("{}: {e}", path.display())))?;
    BusinessCalendar::from_spec(spec).map_err(|e| domain(format!("{}: {e}", path.display())))
}

/// Answers a calendar query; the text ends in a newline.
pub fn calendar_query(
    cal: &BusinessCalendar,
    query: &CalendarQuery,
) -> Result<String, wuye_core::CalendarError> {
    Ok(match query {
        CalendarQuery::IsWorkday(d) => format!("{}\n", cal.is_working_day(*d)?),
        CalendarQuery::Workdays(a, b) => format!("{}\n", cal.working_days(*a, *b)?),
        CalendarQuery::Add(t, s) => format!("{}\n", cal.add(*t, *s)?.to_rfc3339()),
        CalendarQuery::Between(a, b) => {
            let s = cal.between(*a, *b)?;
            format!("{s} s ({})\n", text::hmm(s))
        }
        CalendarQuery::Next(t) => format!("{}\n", cal.next_working_instant(*t)?.to_rfc3339()),
    })
}
