//! The customer-service desk 客户服务中心: every open and closed request of an estate with its
//! SLA clocks, one configuration, one policy and one calendar. This is the engine a host
//! keeps (as plain serde data) and drives with commands and `tick`s.
//!
//! The desk's rules, each in its module:
//! - [`request`]: the service request 报事报修 / 工单 — kinds, priorities, stages, commands,
//!   events, which role may take which step, and the six SLA clocks' names.
//! - [`sla`]: SLA targets 服务时效, clocks, status and escalation thresholds 升级.
//! - [`role`]: roles 角色 and actors.
//! - [`config`]: the desk's configuration 服务中心配置 (departments, callback rules).
//! - [`log`]: event logs 操作日志 as JSON Lines.
//! - [`record`]: the service record 服务记录 kept of each request (handling cycles, callback
//!   rounds) for the reports ([`crate::report`]).
//!
//! Nothing below the desk engine names it: a request, its clocks and its log are rules of
//! their own, which the engine (this module) holds together.

pub mod config;
pub mod log;
pub mod record;
pub mod request;
pub mod role;
pub mod sla;

use crate::calendar::BusinessCalendar;
use crate::desk::config::DeskConfig;
use crate::desk::record::ServiceRecord;
use crate::desk::request::{
    Change, Command, Event, EventMismatch, NewRequest, RequestError, ServiceRequest, EVENT_SCHEMA,
};
use crate::desk::role::Actor;
use crate::desk::sla::{SlaError, SlaPolicy, SlaStatus, SlaTrack};
use crate::time::Instant;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A request with its SLA clocks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tracked {
    /// The request.
    pub request: ServiceRequest,
    /// Its clocks.
    pub sla: SlaTrack,
    /// Its service record 服务记录 (cycles and callback rounds, for 满意率 and KPIs). Absent
    /// in states saved before records existed: those load with an empty record.
    #[serde(default)]
    pub record: ServiceRecord,
}

impl Tracked {
    /// The request's SLA status as of `as_of`, which may not precede its last event (the
    /// track is folded up to that event). `business` caches the calendar position of `as_of`
    /// across a batch.
    fn status_as_of(
        &self,
        cal: &BusinessCalendar,
        as_of: Instant,
        business: &mut Option<Result<i64, crate::calendar::CalendarError>>,
    ) -> Result<SlaStatus, SlaError> {
        let last = self.request.last_event_at;
        if as_of < last {
            return Err(SlaError::AsOfBeforeLastEvent {
                request: self.request.id().to_owned(),
                as_of: as_of.to_rfc3339(),
                last: last.to_rfc3339(),
            });
        }
        self.sla.status_with(cal, as_of, business)
    }
}

/// Errors of the desk. The desk is unchanged after any of them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeskError {
    /// A workflow refusal.
    #[error(transparent)]
    Request(#[from] RequestError),
    /// An SLA or calendar failure.
    #[error(transparent)]
    Sla(#[from] SlaError),
    /// No request with this id.
    #[error("unknown request {request}")]
    UnknownRequest {
        /// Id asked for.
        request: String,
    },
    /// A request with this id already exists.
    #[error("request {request} already exists")]
    DuplicateRequest {
        /// Id given.
        request: String,
    },
    /// The configuration or policy is invalid.
    #[error("invalid desk configuration: {reason}")]
    InvalidConfig {
        /// What is wrong.
        reason: String,
    },
    /// An event written with a schema this library does not read.
    #[error(
        "event of request {request} has schema {found}; this library reads schema {supported}"
    )]
    UnsupportedSchema {
        /// Request id.
        request: String,
        /// Schema found.
        found: u32,
        /// Schema supported.
        supported: u32,
    },
    /// An event that does not fit the request's state.
    #[error(transparent)]
    EventMismatch(#[from] EventMismatch),
}

impl DeskError {
    /// Stable machine-readable code of the error kind.
    pub fn code(&self) -> &'static str {
        match self {
            DeskError::Request(e) => e.code(),
            DeskError::Sla(SlaError::Calendar { .. }) => "calendar",
            DeskError::Sla(SlaError::InvalidPolicy { .. }) => "invalid_policy",
            DeskError::Sla(SlaError::AsOfBeforeLastEvent { .. }) => "as_of_before_last_event",
            DeskError::Sla(SlaError::BadEvents { .. }) => "bad_events",
            DeskError::UnknownRequest { .. } => "unknown_request",
            DeskError::DuplicateRequest { .. } => "duplicate_request",
            DeskError::InvalidConfig { .. } => "invalid_config",
            DeskError::UnsupportedSchema { .. } => "unsupported_schema",
            DeskError::EventMismatch(_) => "event_mismatch",
        }
    }
}

/// The engine: configuration, SLA policy, calendar and every request with its clocks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Desk {
    config: DeskConfig,
    policy: SlaPolicy,
    calendar: BusinessCalendar,
    requests: BTreeMap<String, Tracked>,
}

impl Desk {
    /// A desk with no requests. Validates the configuration and the policy.
    pub fn new(
        config: DeskConfig,
        policy: SlaPolicy,
        calendar: BusinessCalendar,
    ) -> Result<Desk, DeskError> {
        config
            .validate()
            .map_err(|reason| DeskError::InvalidConfig { reason })?;
        policy.validate()?;
        Ok(Desk {
            config,
            policy,
            calendar,
            requests: BTreeMap::new(),
        })
    }

    /// Checks a desk restored from saved state: the configuration and the policy must be
    /// valid, as for [`Desk::new`].
    pub fn validate(&self) -> Result<(), DeskError> {
        self.config
            .validate()
            .map_err(|reason| DeskError::InvalidConfig { reason })?;
        self.policy.validate()?;
        Ok(())
    }

    /// Default departments, the standard policy and the built-in mainland China calendar.
    pub fn standard() -> Desk {
        Desk {
            config: DeskConfig::default(),
            policy: SlaPolicy::standard(),
            calendar: BusinessCalendar::china_mainland(),
            requests: BTreeMap::new(),
        }
    }

    /// The configuration.
    pub fn config(&self) -> &DeskConfig {
        &self.config
    }

    /// The SLA policy.
    pub fn policy(&self) -> &SlaPolicy {
        &self.policy
    }

    /// The calendar.
    pub fn calendar(&self) -> &BusinessCalendar {
        &self.calendar
    }

    /// A request by id.
    pub fn request(&self, id: &str) -> Option<&ServiceRequest> {
        self.requests.get(id).map(|t| &t.request)
    }

    /// A request and its clocks by id.
    pub fn tracked(&self, id: &str) -> Option<&Tracked> {
        self.requests.get(id)
    }

    /// Every request, by id.
    pub fn requests(&self) -> impl Iterator<Item = &ServiceRequest> {
        self.requests.values().map(|t| &t.request)
    }

    /// Every request with its clocks and service record, by id.
    pub fn tracks(&self) -> impl Iterator<Item = &Tracked> {
        self.requests.values()
    }

    /// Number of requests.
    pub fn len(&self) -> usize {
        self.requests.len()
    }

    /// Whether the desk holds no request.
    pub fn is_empty(&self) -> bool {
        self.requests.is_empty()
    }

    /// Starts tracking a newly registered request: its clocks and service record observe its
    /// registration events (shared by `register` and the replay of a registration).
    fn track(&mut self, request: ServiceRequest, events: &[Event]) {
        let kind = request.details.kind;
        let mut sla = SlaTrack::new(request.id(), kind, request.details.priority);
        let mut record = ServiceRecord::default();
        for e in events {
            sla.observe(e, &self.policy, &self.calendar);
            record.observe(e, kind);
        }
        self.requests.insert(
            request.id().to_owned(),
            Tracked {
                request,
                sla,
                record,
            },
        );
    }

    /// Registers a new request 受理登记 and returns its events.
    pub fn register(
        &mut self,
        new: NewRequest,
        actor: &Actor,
        now: Instant,
    ) -> Result<Vec<Event>, DeskError> {
        if self.requests.contains_key(&new.id) {
            return Err(DeskError::DuplicateRequest { request: new.id });
        }
        let (request, events) = ServiceRequest::register(new, actor, now)?;
        self.track(request, &events);
        Ok(events)
    }

    /// Takes one step on a request and returns its events. On error nothing changes.
    pub fn execute(
        &mut self,
        id: &str,
        command: &Command,
        actor: &Actor,
        now: Instant,
    ) -> Result<Vec<Event>, DeskError> {
        let tracked = self
            .requests
            .get_mut(id)
            .ok_or_else(|| DeskError::UnknownRequest {
                request: id.to_owned(),
            })?;
        let events = tracked.request.execute(command, actor, now, &self.config)?;
        let kind = tracked.request.details.kind;
        for e in &events {
            tracked.sla.observe(e, &self.policy, &self.calendar);
            tracked.record.observe(e, kind);
        }
        Ok(events)
    }

    /// Records the escalations 升级 that have fallen due by `now` and not been recorded yet,
    /// and returns them as `escalated` events (each exactly once, however often the host
    /// ticks). Requests in id order; within one, by due instant.
    pub fn tick(&mut self, now: Instant) -> Vec<Event> {
        let mut out = Vec::new();
        for (id, tracked) in self.requests.iter_mut() {
            for d in tracked.sla.due_escalations(now) {
                let event = Event {
                    schema: EVENT_SCHEMA,
                    request: id.clone(),
                    at: now,
                    actor: Actor::system(),
                    change: Change::Escalated {
                        cycle: d.cycle,
                        clock: d.clock,
                        percent: d.percent,
                        notify: d.notify,
                        due_at: d.due_at,
                    },
                };
                tracked.sla.observe(&event, &self.policy, &self.calendar);
                out.push(event);
            }
        }
        out
    }

    /// SLA status of one request as of `as_of` (not before its last event).
    pub fn sla_status(&self, id: &str, as_of: Instant) -> Result<SlaStatus, DeskError> {
        let tracked = self
            .requests
            .get(id)
            .ok_or_else(|| DeskError::UnknownRequest {
                request: id.to_owned(),
            })?;
        Ok(tracked.status_as_of(&self.calendar, as_of, &mut None)?)
    }

    /// SLA status of every request as of `as_of`, in id order: the batch form of
    /// [`Desk::sla_status`]. Lazy, so a host can stream 100k statuses without holding them
    /// all; the calendar is asked once for the whole batch. A request whose last event is
    /// after `as_of`, or whose clocks the calendar cannot answer, yields its error in place.
    pub fn sla_statuses(
        &self,
        as_of: Instant,
    ) -> impl Iterator<Item = Result<SlaStatus, DeskError>> + '_ {
        let mut business = None;
        self.requests
            .values()
            .map(move |tracked| Ok(tracked.status_as_of(&self.calendar, as_of, &mut business)?))
    }

    /// Applies one recorded event (replay). Validates the schema and that the event fits.
    pub fn apply(&mut self, event: &Event) -> Result<(), DeskError> {
        if event.schema != EVENT_SCHEMA {
            return Err(DeskError::UnsupportedSchema {
                request: event.request.clone(),
                found: event.schema,
                supported: EVENT_SCHEMA,
            });
        }
        if let Change::Registered { request } = &event.change {
            if request.id != event.request {
                return Err(EventMismatch {
                    request: event.request.clone(),
                    change: "registered",
                    stage: "registered under another id",
                }
                .into());
            }
            if self.requests.contains_key(&request.id) {
                return Err(DeskError::DuplicateRequest {
                    request: request.id.clone(),
                });
            }
            let request = ServiceRequest::from_registration(event)?;
            self.track(request, std::slice::from_ref(event));
            return Ok(());
        }
        let tracked =
            self.requests
                .get_mut(&event.request)
                .ok_or_else(|| DeskError::UnknownRequest {
                    request: event.request.clone(),
                })?;
        if matches!(event.change, Change::Escalated { .. })
            && tracked.sla.error.is_none()
            && !tracked.sla.accepts_escalation(event)
        {
            return Err(EventMismatch {
                request: event.request.clone(),
                change: "escalated",
                stage: "a clock without that unfired threshold",
            }
            .into());
        }
        tracked.request.apply(event)?;
        tracked.sla.observe(event, &self.policy, &self.calendar);
        tracked.record.observe(event, tracked.request.details.kind);
        Ok(())
    }

    /// Rebuilds a desk from an event log. Fails at the first event that does not apply,
    /// giving its index (0-based) in the log.
    pub fn replay<'a>(
        config: DeskConfig,
        policy: SlaPolicy,
        calendar: BusinessCalendar,
        events: impl IntoIterator<Item = &'a Event>,
    ) -> Result<Desk, (usize, DeskError)> {
        let mut desk = Desk::new(config, policy, calendar).map_err(|e| (0, e))?;
        for (i, e) in events.into_iter().enumerate() {
            desk.apply(e).map_err(|err| (i, err))?;
        }
        Ok(desk)
    }
}
