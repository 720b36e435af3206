//! Scenario scripts 演示脚本: a day at an estate as an ordered list of steps — register a
//! request, take a step on one, or tick the desk's escalation timer — and [`play`], which
//! runs them on a [`Desk`] and keeps the full event log.
//!
//! The JSON form of a step is one of
//!
//! ```json
//! {"at": "2026-09-30T08:50:00+08:00", "actor": {"role": "agent", "id": "A01"}, "register": NewRequest}
//! {"at": "2026-09-30T09:00:00+08:00", "actor": {"role": "dispatcher", "id": "D01"}, "request": "WY-1", "command": Command}
//! {"at": "2026-09-30T10:00:00+08:00", "tick": true}
//! ```
//!
//! where `NewRequest` and `Command` are the core types' own serde forms. Unknown fields are
//! refused. Steps must be in time order; the desk is ticked once more at `day_end`.

use chrono::NaiveDate;
use serde::Deserialize;
use wuye_core::desk::request::{Command, Event, NewRequest};
use wuye_core::desk::role::Actor;
use wuye_core::desk::sla::SlaPolicy;
use wuye_core::desk::Desk;
use wuye_core::{BusinessCalendar, Instant};

use crate::estate::Estate;

/// The bundled sample day, `data/sample-estate/day.json`.
pub const SAMPLE_DAY_JSON: &str = include_str!("../data/sample-estate/day.json");

/// One step of a scenario.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "RawStep")]
pub enum Step {
    /// Register a new request 受理登记.
    Register {
        /// When.
        at: Instant,
        /// Who registers it.
        actor: Actor,
        /// The request, in the core's serde form.
        request: NewRequest,
    },
    /// Take a step on an existing request.
    Command {
        /// When.
        at: Instant,
        /// Who acts.
        actor: Actor,
        /// Request id.
        request: String,
        /// The command, in the core's serde form.
        command: Command,
    },
    /// Run the desk's escalation timer 升级检查 (`Desk::tick`).
    Tick {
        /// When.
        at: Instant,
    },
}

impl Step {
    /// When the step happens.
    pub fn at(&self) -> Instant {
        match self {
            Step::Register { at, .. } | Step::Command { at, .. } | Step::Tick { at } => *at,
        }
    }
}

/// The JSON shape of a step before its form is checked.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    at: Instant,
    #[serde(default)]
    actor: Option<Actor>,
    #[serde(default)]
    register: Option<NewRequest>,
    #[serde(default)]
    request: Option<String>,
    #[serde(default)]
    command: Option<Command>,
    #[serde(default)]
    tick: Option<bool>,
}

impl TryFrom<RawStep> for Step {
    type Error = String;
    fn try_from(raw: RawStep) -> Result<Self, String> {
        let at = raw.at;
        match raw {
            RawStep {
                actor: Some(actor),
                register: Some(request),
                request: None,
                command: None,
                tick: None,
                ..
            } => Ok(Step::Register { at, actor, request }),
            RawStep {
                actor: Some(actor),
                register: None,
                request: Some(request),
                command: Some(command),
                tick: None,
                ..
            } => Ok(Step::Command {
                at,
                actor,
                request,
                command,
            }),
            RawStep {
                actor: None,
                register: None,
                request: None,
                command: None,
                tick: Some(true),
                ..
            } => Ok(Step::Tick { at }),
            _ => Err(
                "a step is {at, actor, register} or {at, actor, request, command} or {at, tick: true}"
                    .into(),
            ),
        }
    }
}

/// A day's script.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Title of the day, for the report.
    pub title: String,
    /// The date played.
    pub date: NaiveDate,
    /// End of the day: the desk is ticked once more then, and the report's clocks are as of
    /// this instant.
    pub day_end: Instant,
    /// The steps, in time order.
    pub steps: Vec<Step>,
}

impl Scenario {
    /// Parses a scenario from JSON.
    pub fn from_json(text: &str) -> Result<Scenario, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    /// The bundled sample day at 翠湖花园.
    pub fn sample() -> Result<Scenario, String> {
        Scenario::from_json(SAMPLE_DAY_JSON).map_err(|e| format!("bundled day.json: {e}"))
    }
}

/// One run of the escalation timer and what it fired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TickRecord {
    /// When it ran.
    pub at: Instant,
    /// Whether this is the closing tick at the end of the day.
    pub end_of_day: bool,
    /// The `escalated` events it recorded.
    pub escalations: Vec<Event>,
}

/// A played day: the desk as it stands at the end, and everything that happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day {
    /// The desk at the end of the day.
    pub desk: Desk,
    /// Every event in the order it was produced (the day's log).
    pub events: Vec<Event>,
    /// Every tick, the end-of-day one last.
    pub ticks: Vec<TickRecord>,
    /// End of the day.
    pub end: Instant,
}

impl Day {
    /// The events of one request, in order.
    pub fn events_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Event> + 'a {
        self.events.iter().filter(move |e| e.request == id)
    }
}

/// Why a scenario could not be played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlayError {
    /// 1-based number of the failing step (0 for the desk itself, `steps + 1` for the
    /// end-of-day tick).
    pub step: usize,
    /// What went wrong.
    pub reason: String,
}

impl std::fmt::Display for PlayError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "step {}: {}", self.step, self.reason)
    }
}

/// The desk a scenario plays on: the estate's departments with the default thresholds,
/// the standard SLA policy and the built-in mainland China calendar.
pub fn desk_for(estate: &Estate) -> Result<Desk, String> {
    Desk::new(
        estate.desk_config(),
        SlaPolicy::standard(),
        BusinessCalendar::china_mainland(),
    )
    .map_err(|e| e.to_string())
}

/// Plays a scenario on a fresh desk for the estate. Every actor acting in a staff role must
/// be on the estate's staff list in that role; steps must not go back in time; the desk
/// is ticked at each tick step and once more at `day_end`.
pub fn play(estate: &Estate, scenario: &Scenario) -> Result<Day, PlayError> {
    let mut desk = desk_for(estate).map_err(|reason| PlayError { step: 0, reason })?;
    let mut events = Vec::new();
    let mut ticks = Vec::new();
    let mut last: Option<Instant> = None;
    for (i, step) in scenario.steps.iter().enumerate() {
        let fail = |reason: String| PlayError {
            step: i + 1,
            reason,
        };
        let at = step.at();
        if let Some(prev) = last.filter(|p| at < *p) {
            return Err(fail(format!(
                "{} is earlier than the previous step at {}",
                at.to_rfc3339(),
                prev.to_rfc3339()
            )));
        }
        last = Some(at);
        match step {
            Step::Register { actor, request, .. } => {
                estate.check_actor(actor).map_err(fail)?;
                let new = desk
                    .register(request.clone(), actor, at)
                    .map_err(|e| fail(e.to_string()))?;
                events.extend(new);
            }
            Step::Command {
                actor,
                request,
                command,
                ..
            } => {
                estate.check_actor(actor).map_err(fail)?;
                let new = desk
                    .execute(request, command, actor, at)
                    .map_err(|e| fail(e.to_string()))?;
                events.extend(new);
            }
            Step::Tick { .. } => {
                let fired = desk.tick(at);
                events.extend(fired.iter().cloned());
                ticks.push(TickRecord {
                    at,
                    end_of_day: false,
                    escalations: fired,
                });
            }
        }
    }
    let end = scenario.day_end;
    if let Some(prev) = last.filter(|p| end < *p) {
        return Err(PlayError {
            step: scenario.steps.len() + 1,
            reason: format!(
                "day_end {} is earlier than the last step at {}",
                end.to_rfc3339(),
                prev.to_rfc3339()
            ),
        });
    }
    let fired = desk.tick(end);
    events.extend(fired.iter().cloned());
    ticks.push(TickRecord {
        at: end,
        end_of_day: true,
        escalations: fired,
    });
    Ok(Day {
        desk,
        events,
        ticks,
        end,
    })
}

/// Loads and plays the bundled sample: 翠湖花园 on 2026-09-30.
pub fn play_sample() -> Result<(Estate, Scenario, Day), String> {
    let estate = Estate::sample()?;
    let scenario = Scenario::sample()?;
    let day = play(&estate, &scenario).map_err(|e| format!("bundled day.json: {e}"))?;
    Ok((estate, scenario, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_forms() {
        let tick: Step =
            serde_json::from_str(r#"{"at":"2026-09-30T10:00:00+08:00","tick":true}"#).unwrap();
        assert!(matches!(tick, Step::Tick { .. }));
        let cmd: Step = serde_json::from_str(
            r#"{"at":"2026-09-30T10:00:00+08:00","actor":{"role":"worker","id":"E01"},
                "request":"X","command":{"step":"hold","reason":"waiting_for_parts"}}"#,
        )
        .unwrap();
        assert!(matches!(cmd, Step::Command { .. }));
        let cb: Step = serde_json::from_str(
            r#"{"at":"2026-09-30T10:00:00+08:00","actor":{"role":"agent","id":"A01"},
                "request":"X","command":{"step":"callback","outcome":"rated","rating":3}}"#,
        )
        .unwrap();
        assert!(matches!(cb, Step::Command { .. }));
        for bad in [
            r#"{"at":"2026-09-30T10:00:00+08:00","tick":false}"#,
            r#"{"at":"2026-09-30T10:00:00+08:00","tick":true,"request":"X"}"#,
            r#"{"at":"2026-09-30T10:00:00+08:00","tick":true,"extra":1}"#,
            r#"{"at":"2026-09-30T10:00:00","tick":true}"#,
        ] {
            assert!(serde_json::from_str::<Step>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn sample_plays() {
        let (_, scenario, day) = play_sample().unwrap();
        assert!(day.desk.len() >= 10);
        assert_eq!(day.ticks.last().map(|t| t.at), Some(scenario.day_end));
    }

    #[test]
    fn steps_out_of_order_are_refused() {
        let estate = Estate::sample().unwrap();
        let mut scenario = Scenario::sample().unwrap();
        let early = scenario.steps[0].at() - chrono::Duration::minutes(1);
        match &mut scenario.steps[2] {
            Step::Register { at, .. } | Step::Command { at, .. } | Step::Tick { at } => *at = early,
        }
        let err = play(&estate, &scenario).unwrap_err();
        assert_eq!(err.step, 3);
        assert!(
            err.reason.contains("earlier than the previous step"),
            "{err}"
        );
    }
}
