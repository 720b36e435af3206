//! The desk group 服务台: `engine.*`, `calendar.*`, `request.*`, `sla.*`, `log.*` — arguments,
//! handlers and results. Compiled with the `desk` feature.

use super::table::OPERATIONS;
use super::wire::args;
use super::{bad_event, Engine, Failure, Item, CONTRACT_VERSION};
use crate::desk::request::{Command, Event, NewRequest, ServiceRequest, EVENT_SCHEMA};
use crate::desk::role::Actor;
use crate::desk::sla::{self, SlaStatus};
use crate::desk::{Desk, DeskError};
use crate::time::Instant;
use chrono::NaiveDate;
use serde::Serialize;

args!(
    /// No arguments.
    NoArgs {}
);
args!(
    /// A date.
    DateArgs {
        /// The date, `YYYY-MM-DD`.
        #[serde(deserialize_with = "crate::time::de_date")]
        date: NaiveDate
    }
);
args!(
    /// A range of dates, both included.
    DateRangeArgs {
        /// First date.
        #[serde(deserialize_with = "crate::time::de_date")]
        from: NaiveDate,
        /// Last date.
        #[serde(deserialize_with = "crate::time::de_date")]
        to: NaiveDate
    }
);
args!(
    /// An instant and a business duration.
    AddArgs {
        /// Where to start.
        start: Instant,
        /// Business seconds to add (positive).
        seconds: i64
    }
);
args!(
    /// Two instants.
    BetweenArgs {
        /// From.
        from: Instant,
        /// To (not before `from`).
        to: Instant
    }
);
args!(
    /// An instant.
    AtArgs {
        /// The instant.
        at: Instant
    }
);
args!(
    /// A new request, who registers it and when.
    RegisterArgs {
        /// The request.
        request: NewRequest,
        /// Who registers it.
        actor: Actor,
        /// When.
        now: Instant
    }
);
args!(
    /// One step on a request.
    ExecuteArgs {
        /// The request's id.
        id: String,
        /// The step.
        command: Command,
        /// Who takes it.
        actor: Actor,
        /// When.
        now: Instant
    }
);
args!(
    /// Several steps, in order.
    ExecuteBatchArgs {
        /// The steps.
        steps: Vec<ExecuteArgs>
    }
);
args!(
    /// A request's id.
    IdArgs {
        /// The id.
        id: String
    }
);
args!(
    /// A request and an instant.
    StatusArgs {
        /// The request's id.
        id: String,
        /// As of when.
        as_of: Instant
    }
);
args!(
    /// Requests (all when omitted) and an instant.
    StatusBatchArgs {
        /// The ids; omitted: every request of the engine.
        #[serde(default)]
        ids: Option<Vec<String>>,
        /// As of when.
        as_of: Instant
    }
);
args!(
    /// An instant.
    TickArgs {
        /// Now.
        now: Instant
    }
);
args!(
    /// An event log.
    EventsArgs {
        /// The events, in order.
        events: Vec<Event>
    }
);
args!(
    /// One request's events and an instant.
    EventsAsOfArgs {
        /// The events, in order.
        events: Vec<Event>,
        /// As of when.
        as_of: Instant
    }
);

/// The contract and library versions and the operations.
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(crate) struct Info<'a> {
    /// The contract version this library speaks.
    contract_version: u32,
    /// The library's version.
    library_version: &'a str,
    /// How many requests the engine holds.
    requests: usize,
    /// Every operation of the contract, whatever groups this build has.
    operations: &'a [&'a str],
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
/// The events a step produced, in order.
pub(crate) struct EventsOut {
    /// The events.
    events: Vec<Event>,
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
/// One outcome per step of a batch, in order.
pub(crate) struct ResultsOut {
    /// Each step's events, or its failure.
    results: Vec<Item<EventsOut>>,
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
/// What a replay applied.
pub(crate) struct Applied {
    /// Events applied.
    applied: usize,
    /// Requests the engine holds now.
    requests: usize,
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
/// The engine's state.
pub(crate) struct StateOut<'a> {
    /// The whole desk: configuration, policy, calendar and requests; pass it back as the
    /// engine configuration's `state`.
    state: &'a Desk,
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
/// Whether a date is a working day.
pub(crate) struct WorkingOut {
    /// True on a working day (a make-up day 调休 included), false on a weekend or holiday.
    working: bool,
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
/// A number of working days.
pub(crate) struct DaysOut {
    /// Working days in the range, both ends included.
    days: u32,
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
/// An instant.
pub(crate) struct InstantOut {
    /// The instant, in the calendar's offset.
    instant: Instant,
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
/// A business duration.
pub(crate) struct SecondsOut {
    /// Business seconds.
    seconds: i64,
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
/// A request.
pub(crate) struct RequestOut<'a> {
    /// The request as it stands.
    request: &'a ServiceRequest,
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
/// One SLA status per request.
pub(crate) struct StatusesOut {
    /// Each request's status, or its failure (an unknown id).
    statuses: Vec<Item<SlaStatus>>,
}

type Answer<T> = Result<T, Failure>;

pub(crate) fn info(e: &Engine, _: NoArgs) -> Answer<Info<'static>> {
    Ok(Info {
        contract_version: CONTRACT_VERSION,
        library_version: crate::VERSION,
        requests: e.desk.len(),
        operations: OPERATIONS,
    })
}

pub(crate) fn export(e: &Engine, _: NoArgs) -> Answer<StateOut<'_>> {
    Ok(StateOut { state: &e.desk })
}

pub(crate) fn is_working_day(e: &Engine, a: DateArgs) -> Answer<WorkingOut> {
    let working = e.desk.calendar().is_working_day(a.date)?;
    Ok(WorkingOut { working })
}

pub(crate) fn working_days(e: &Engine, a: DateRangeArgs) -> Answer<DaysOut> {
    let days = e.desk.calendar().working_days(a.from, a.to)?;
    Ok(DaysOut { days })
}

pub(crate) fn add(e: &Engine, a: AddArgs) -> Answer<InstantOut> {
    let instant = e.desk.calendar().add(a.start, a.seconds)?;
    Ok(InstantOut { instant })
}

pub(crate) fn between(e: &Engine, a: BetweenArgs) -> Answer<SecondsOut> {
    let seconds = e.desk.calendar().between(a.from, a.to)?;
    Ok(SecondsOut { seconds })
}

pub(crate) fn next_working_instant(e: &Engine, a: AtArgs) -> Answer<InstantOut> {
    let instant = e.desk.calendar().next_working_instant(a.at)?;
    Ok(InstantOut { instant })
}

pub(crate) fn register(e: &mut Engine, a: RegisterArgs) -> Answer<EventsOut> {
    let events = e.desk.register(a.request, &a.actor, a.now)?;
    Ok(EventsOut { events })
}

pub(crate) fn execute(e: &mut Engine, a: ExecuteArgs) -> Answer<EventsOut> {
    let events = e.desk.execute(&a.id, &a.command, &a.actor, a.now)?;
    Ok(EventsOut { events })
}

pub(crate) fn execute_batch(e: &mut Engine, a: ExecuteBatchArgs) -> Answer<ResultsOut> {
    // Each step stands alone: a refused step changes nothing and the next runs.
    let results = a
        .steps
        .into_iter()
        .map(|s| {
            e.desk
                .execute(&s.id, &s.command, &s.actor, s.now)
                .map(|events| EventsOut { events })
                .map_err(Failure::from)
                .into()
        })
        .collect();
    Ok(ResultsOut { results })
}

pub(crate) fn get(e: &Engine, a: IdArgs) -> Answer<RequestOut<'_>> {
    match e.desk.request(&a.id) {
        Some(request) => Ok(RequestOut { request }),
        None => Err(DeskError::UnknownRequest { request: a.id }.into()),
    }
}

pub(crate) fn status(e: &Engine, a: StatusArgs) -> Answer<SlaStatus> {
    Ok(e.desk.sla_status(&a.id, a.as_of)?)
}

pub(crate) fn status_batch(e: &Engine, a: StatusBatchArgs) -> Answer<StatusesOut> {
    let desk = &e.desk;
    let statuses = match a.ids {
        None => desk
            .sla_statuses(a.as_of)
            .map(|r| r.map_err(Failure::from).into())
            .collect(),
        Some(ids) => ids
            .iter()
            .map(|id| desk.sla_status(id, a.as_of).map_err(Failure::from).into())
            .collect(),
    };
    Ok(StatusesOut { statuses })
}

pub(crate) fn tick(e: &mut Engine, a: TickArgs) -> Answer<EventsOut> {
    Ok(EventsOut {
        events: e.desk.tick(a.now),
    })
}

pub(crate) fn replay(e: &mut Engine, a: EventsArgs) -> Answer<Applied> {
    // All or nothing: replay into a copy, keep it only if every event applies.
    let mut next = e.desk.clone();
    for (i, event) in a.events.iter().enumerate() {
        next.apply(event).map_err(|err| bad_event(i, err))?;
    }
    e.desk = next;
    Ok(Applied {
        applied: a.events.len(),
        requests: e.desk.len(),
    })
}

pub(crate) fn status_from_events(e: &Engine, a: EventsAsOfArgs) -> Answer<SlaStatus> {
    known_schemas(&a.events)?;
    let desk = &e.desk;
    Ok(sla::status_from_events(
        &a.events,
        desk.policy(),
        desk.calendar(),
        a.as_of,
    )?)
}

/// Refuses events written with a schema this library does not read, as `log.replay` does.
fn known_schemas(events: &[Event]) -> Result<(), Failure> {
    match events
        .iter()
        .enumerate()
        .find(|(_, e)| e.schema != EVENT_SCHEMA)
    {
        None => Ok(()),
        Some((i, e)) => {
            let mut f = Failure::from(DeskError::UnsupportedSchema {
                request: e.request.clone(),
                found: e.schema,
                supported: EVENT_SCHEMA,
            });
            f.message = format!("event {i}: {}", f.message);
            Err(f)
        }
    }
}
