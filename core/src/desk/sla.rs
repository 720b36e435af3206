//! SLA clocks 服务时效: targets per request kind × priority for six clocks, measured in
//! business time on a [`BusinessCalendar`] or around the clock, paused while on hold, with a
//! new cycle per reopen, and escalation thresholds 升级 (e.g. 80% → supervisor 主管,
//! 100% → project manager 项目经理).
//!
//! | clock      | starts (in each cycle)                                  | stops              |
//! |------------|---------------------------------------------------------|--------------------|
//! | `dispatch` | registration or reopen                                   | dispatched 派单    |
//! | `accept`   | first dispatch or transfer                               | accepted 接单      |
//! | `arrive`   | registration or reopen                                   | arrived 到场       |
//! | `complete` | registration or reopen                                   | completed 完工     |
//! | `reply`    | completion (inquiry 咨询 / praise 表扬: registration)     | replied 回复       |
//! | `callback` | reply                                                    | rated or closed unreachable 回访 |
//!
//! A clock is *met* if it stops with elapsed ≤ target, *breached* once elapsed > target
//! (stopped late or still running late). A clock still running when the request is
//! cancelled, closed without work, or closed at reply becomes *voided* (not applicable),
//! unless it had already breached. Elapsed time is counted in whole seconds.
//!
//! Positions: for business timing the calendar's [`BusinessCalendar::position`], for
//! around-the-clock the Unix time. The track caches each running clock's deadline and
//! escalation instants when the clock starts or resumes, so a status query as of any later
//! instant is arithmetic, and a batch of statuses needs one calendar lookup in all.
//!
//! The clocks' names, [`ClockKind`], are the request's vocabulary (its escalation events
//! name a clock), so they live with the request in [`crate::desk::request`].

use crate::calendar::{BusinessCalendar, CalendarError};
use crate::desk::request::{Change, ClockKind, Event, Priority, RequestKind};
use crate::desk::role::Role;
use crate::time::Instant;
use serde::{Deserialize, Serialize};

/// How a target's time is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Timing {
    /// Working time on the business calendar 工作时间.
    Business,
    /// Wall-clock time, 24×7 (emergencies 紧急).
    AroundTheClock,
}
crate::wire::unit_enum_deserialize!(Timing {
    Business = "business",
    AroundTheClock = "around_the_clock",
});

/// Notify a role when a clock has used `percent` of its target.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Escalation {
    /// Threshold in percent of the target (1–1000); 100 means at the deadline.
    pub percent: u32,
    /// Who is told.
    pub notify: Role,
}

fn yes() -> bool {
    true
}

/// The target of one clock.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Which clock.
    pub clock: ClockKind,
    /// Allowed time in seconds (business or wall seconds, per `timing`).
    pub seconds: i64,
    /// How time is counted.
    pub timing: Timing,
    /// Whether the clock pauses while the request is on hold 暂停. Default true.
    #[serde(default = "yes")]
    pub pause_on_hold: bool,
    /// Escalation thresholds, ascending.
    #[serde(default)]
    pub escalations: Vec<Escalation>,
}

/// Targets for a set of kinds × priorities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SlaRule {
    /// Kinds this rule covers.
    pub kinds: Vec<RequestKind>,
    /// Priorities this rule covers.
    pub priorities: Vec<Priority>,
    /// One target per clock; a clock without a target is not measured.
    pub targets: Vec<Target>,
}

/// An SLA policy 时效标准: rules keyed by kind × priority; each pair is covered at most once.
/// A pair no rule covers has no clocks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SlaPolicy {
    /// The rules.
    pub rules: Vec<SlaRule>,
}

/// Errors in an SLA policy or an SLA computation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SlaError {
    /// The policy is inconsistent.
    #[error("invalid SLA policy: {reason}")]
    InvalidPolicy {
        /// What is wrong.
        reason: String,
    },
    /// The calendar cannot answer (for example a year without holiday data).
    #[error("request {request}: SLA clocks need the calendar: {source}")]
    Calendar {
        /// Request id.
        request: String,
        /// The calendar's error.
        source: CalendarError,
    },
    /// A status was asked as of an instant before the request's last event.
    #[error("request {request}: status as of {as_of} is before its last event at {last}")]
    AsOfBeforeLastEvent {
        /// Request id.
        request: String,
        /// Instant asked.
        as_of: String,
        /// Last event.
        last: String,
    },
    /// The events do not start with a registration of one request.
    #[error(
        "SLA status needs the events of one request, starting with its registration: {reason}"
    )]
    BadEvents {
        /// What is wrong.
        reason: String,
    },
}

const MINUTE: i64 = 60;
const HOUR: i64 = 3600;

impl SlaPolicy {
    /// A typical policy, a starting point for a property company:
    ///
    /// | priority  | timing | dispatch | accept | arrive | complete | reply | callback |
    /// |-----------|--------|----------|--------|--------|----------|-------|----------|
    /// | emergency | 24×7   | 10 min   | 5 min  | 30 min | 4 h      | 1 h   | 24 h     |
    /// | high      | business | 15 min | 15 min | 1 h    | 8 h      | 2 h   | 8 h      |
    /// | normal    | business | 30 min | 30 min | 2 h    | 16 h     | 4 h   | 16 h     |
    /// | low       | business | 1 h    | 1 h    | 4 h    | 40 h     | 8 h   | 24 h     |
    ///
    /// for repairs, matters, complaints and suggestions (8 business hours ≈ one working day on
    /// the default calendar). Inquiries 咨询 have only a reply clock of 2 business hours,
    /// praise 表扬 of 8. Every clock warns the supervisor at 80% and escalates to the project
    /// manager at 100%.
    pub fn standard() -> Self {
        let esc = || {
            vec![
                Escalation {
                    percent: 80,
                    notify: Role::Supervisor,
                },
                Escalation {
                    percent: 100,
                    notify: Role::ProjectManager,
                },
            ]
        };
        let targets = |timing: Timing, s: [i64; 6]| {
            ClockKind::ALL
                .into_iter()
                .zip(s)
                .map(|(clock, seconds)| Target {
                    clock,
                    seconds,
                    timing,
                    pause_on_hold: true,
                    escalations: esc(),
                })
                .collect()
        };
        let work = vec![
            RequestKind::Repair,
            RequestKind::Matter,
            RequestKind::Complaint,
            RequestKind::Suggestion,
        ];
        let m = MINUTE;
        let h = HOUR;
        let rule = |p: Priority, timing, s| SlaRule {
            kinds: work.clone(),
            priorities: vec![p],
            targets: targets(timing, s),
        };
        let reply_only = |k: RequestKind, seconds: i64| SlaRule {
            kinds: vec![k],
            priorities: Priority::ALL.to_vec(),
            targets: vec![Target {
                clock: ClockKind::Reply,
                seconds,
                timing: Timing::Business,
                pause_on_hold: true,
                escalations: esc(),
            }],
        };
        SlaPolicy {
            rules: vec![
                rule(
                    Priority::Emergency,
                    Timing::AroundTheClock,
                    [10 * m, 5 * m, 30 * m, 4 * h, h, 24 * h],
                ),
                rule(
                    Priority::High,
                    Timing::Business,
                    [15 * m, 15 * m, h, 8 * h, 2 * h, 8 * h],
                ),
                rule(
                    Priority::Normal,
                    Timing::Business,
                    [30 * m, 30 * m, 2 * h, 16 * h, 4 * h, 16 * h],
                ),
                rule(
                    Priority::Low,
                    Timing::Business,
                    [h, h, 4 * h, 40 * h, 8 * h, 24 * h],
                ),
                reply_only(RequestKind::Inquiry, 2 * h),
                reply_only(RequestKind::Praise, 8 * h),
            ],
        }
    }

    /// Checks the policy: positive targets of at most ten years, one target per clock per
    /// rule, thresholds 1–1000% ascending, no kind × priority pair covered twice.
    pub fn validate(&self) -> Result<(), SlaError> {
        let bad = |reason: String| Err(SlaError::InvalidPolicy { reason });
        let mut seen = [[false; 4]; 6];
        for (i, rule) in self.rules.iter().enumerate() {
            for k in &rule.kinds {
                for p in &rule.priorities {
                    let cell = &mut seen[*k as usize][*p as usize];
                    if *cell {
                        return bad(format!(
                            "rule #{i}: {} × {} is already covered by an earlier rule",
                            k.as_str(),
                            p.as_str()
                        ));
                    }
                    *cell = true;
                }
            }
            for (j, t) in rule.targets.iter().enumerate() {
                let name = t.clock.as_str();
                if rule.targets[..j].iter().any(|u| u.clock == t.clock) {
                    return bad(format!("rule #{i}: clock {name} has two targets"));
                }
                if t.seconds <= 0 || t.seconds > 10 * 366 * 24 * HOUR {
                    return bad(format!(
                        "rule #{i}: clock {name}: target must be 1 s to 10 years, got {} s",
                        t.seconds
                    ));
                }
                let mut last = 0;
                for e in &t.escalations {
                    if e.percent == 0 || e.percent > 1000 || e.percent <= last {
                        return bad(format!(
                            "rule #{i}: clock {name}: escalation thresholds must ascend within 1–1000%, got {}",
                            e.percent
                        ));
                    }
                    last = e.percent;
                }
            }
        }
        Ok(())
    }

    /// The targets for a kind × priority (empty if no rule covers it).
    pub fn targets(&self, kind: RequestKind, priority: Priority) -> &[Target] {
        self.rules
            .iter()
            .find(|r| r.kinds.contains(&kind) && r.priorities.contains(&priority))
            .map(|r| r.targets.as_slice())
            .unwrap_or(&[])
    }
}

fn position(cal: &BusinessCalendar, timing: Timing, t: Instant) -> Result<i64, CalendarError> {
    match timing {
        Timing::Business => cal.position(t),
        Timing::AroundTheClock => Ok(t.timestamp()),
    }
}

fn instant_at(cal: &BusinessCalendar, timing: Timing, p: i64) -> Result<Instant, CalendarError> {
    match timing {
        Timing::Business => cal.instant_at(p),
        Timing::AroundTheClock => Instant::from_timestamp(p, cal.offset())
            .ok_or(CalendarError::InvalidDuration { seconds: p }),
    }
}

/// Where one clock is, as tracked from events.
// Deserialize: tagged_deserialize! below (the same wire form, without serde's Content buffer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "phase", rename_all = "snake_case", deny_unknown_fields)]
pub enum Phase {
    /// Not started yet.
    NotStarted,
    /// Running since a position on its timeline.
    Running {
        /// Timeline position where the current segment began.
        from: i64,
    },
    /// Paused while on hold.
    Paused {
        /// Since when.
        since: Instant,
    },
    /// Stopped by its stop event.
    Stopped {
        /// When.
        at: Instant,
    },
    /// The request ended (cancelled, closed without work, closed at reply) while it ran.
    Voided {
        /// When.
        at: Instant,
    },
}

crate::wire::tagged_deserialize!(Phase by "phase" {
    NotStarted = "not_started",
    Running = "running" { from: i64 },
    Paused = "paused" { since: Instant },
    Stopped = "stopped" { at: Instant },
    Voided = "voided" { at: Instant },
});

/// One escalation threshold of one clock, as tracked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EscalationTrack {
    /// Threshold in percent of the target.
    pub percent: u32,
    /// Who is told.
    pub notify: Role,
    /// The instant the threshold is (or was) reached in the current or a finished segment;
    /// `None` while unknown (paused, not started, or never reached).
    // `default`: with `deserialize_with` serde would refuse a missing field (an Option's is
    // None otherwise).
    #[serde(default)]
    pub due: Option<Instant>,
    /// Whether its `escalated` event has been recorded.
    pub fired: bool,
}

/// One clock of one cycle, as tracked from events. Kept flat (one heap block per clock) so
/// that a status batch over 100k requests stays within memory bandwidth.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClockTrack {
    /// Handling cycle: 0 first, one more per reopen.
    pub cycle: u32,
    /// When its cycle began (registration or reopen).
    pub cycle_started_at: Instant,
    /// Which clock.
    pub clock: ClockKind,
    /// How its time is counted.
    pub timing: Timing,
    /// Target in seconds.
    pub seconds: i64,
    /// Whether it pauses on hold.
    pub pause_on_hold: bool,
    /// Where it is.
    pub phase: Phase,
    /// When it started, once it has.
    // `default`: with `deserialize_with` serde would refuse a missing field (an Option's is
    // None otherwise).
    #[serde(default)]
    pub started_at: Option<Instant>,
    /// Elapsed seconds in finished segments (before the current running one).
    pub banked: i64,
    /// The instant elapsed reaches the target, computed when it last started or resumed.
    // `default`: with `deserialize_with` serde would refuse a missing field (an Option's is
    // None otherwise).
    #[serde(default)]
    pub deadline: Option<Instant>,
    /// Escalation thresholds, ascending.
    pub escalations: Vec<EscalationTrack>,
}

impl ClockTrack {
    fn new(target: &Target, cycle: u32, cycle_started_at: Instant) -> Self {
        ClockTrack {
            cycle,
            cycle_started_at,
            clock: target.clock,
            timing: target.timing,
            seconds: target.seconds,
            pause_on_hold: target.pause_on_hold,
            phase: Phase::NotStarted,
            started_at: None,
            banked: 0,
            deadline: None,
            escalations: target
                .escalations
                .iter()
                .map(|e| EscalationTrack {
                    percent: e.percent,
                    notify: e.notify,
                    due: None,
                    fired: false,
                })
                .collect(),
        }
    }

    /// Seconds of the target needed to reach an escalation threshold (rounded up, so that
    /// "80% reached" means elapsed × 100 ≥ target × 80 exactly).
    fn threshold(&self, percent: u32) -> i64 {
        let num = self.seconds.saturating_mul(i64::from(percent));
        num / 100 + i64::from(num % 100 != 0)
    }

    /// Begins a running segment at `at`, caching the deadline and the escalation instants.
    fn run_from(&mut self, cal: &BusinessCalendar, at: Instant) -> Result<(), CalendarError> {
        let timing = self.timing;
        let from = position(cal, timing, at)?;
        let left = self.seconds - self.banked;
        if left > 0 {
            self.deadline = Some(instant_at(cal, timing, from + left)?);
        }
        for i in 0..self.escalations.len() {
            let need = self.threshold(self.escalations[i].percent) - self.banked;
            if self.escalations[i].due.is_none() {
                self.escalations[i].due = Some(if need > 0 {
                    instant_at(cal, timing, from + need)?
                } else {
                    at
                });
            }
        }
        self.phase = Phase::Running { from };
        Ok(())
    }

    fn start(&mut self, cal: &BusinessCalendar, at: Instant) -> Result<(), CalendarError> {
        if self.phase != Phase::NotStarted {
            return Ok(());
        }
        self.started_at = Some(at);
        self.run_from(cal, at)
    }

    /// Ends the running segment at `at`: banks its time and forgets escalation instants that
    /// were not reached strictly before `at` (a clock stopped exactly at its deadline is met).
    fn end_segment(&mut self, cal: &BusinessCalendar, at: Instant) -> Result<(), CalendarError> {
        if let Phase::Running { from } = self.phase {
            let now = position(cal, self.timing, at)?;
            self.banked += (now - from).max(0);
            for e in &mut self.escalations {
                if matches!(e.due, Some(t) if t >= at) {
                    e.due = None;
                }
            }
        }
        Ok(())
    }

    fn stop(&mut self, cal: &BusinessCalendar, at: Instant) -> Result<(), CalendarError> {
        match self.phase {
            Phase::Running { .. } | Phase::Paused { .. } => {
                self.end_segment(cal, at)?;
                self.phase = Phase::Stopped { at };
            }
            _ => {}
        }
        Ok(())
    }

    fn void(&mut self, cal: &BusinessCalendar, at: Instant) -> Result<(), CalendarError> {
        match self.phase {
            Phase::Running { .. } | Phase::Paused { .. } => {
                self.end_segment(cal, at)?;
                self.phase = Phase::Voided { at };
            }
            _ => {}
        }
        Ok(())
    }

    fn pause(&mut self, cal: &BusinessCalendar, at: Instant) -> Result<(), CalendarError> {
        if matches!(self.phase, Phase::Running { .. }) && self.pause_on_hold {
            self.end_segment(cal, at)?;
            self.phase = Phase::Paused { since: at };
        }
        Ok(())
    }

    fn resume(&mut self, cal: &BusinessCalendar, at: Instant) -> Result<(), CalendarError> {
        if matches!(self.phase, Phase::Paused { .. }) {
            self.run_from(cal, at)?;
        }
        Ok(())
    }

    /// Status as of a position on this clock's timeline (`as_of` is its instant).
    fn status(&self, as_of_pos: i64) -> ClockStatus {
        let t = self;
        let (elapsed, stopped_at) = match self.phase {
            Phase::NotStarted | Phase::Paused { .. } => (self.banked, None),
            Phase::Running { from } => (self.banked + (as_of_pos - from).max(0), None),
            Phase::Stopped { at } | Phase::Voided { at } => (self.banked, Some(at)),
        };
        let breached = elapsed > t.seconds;
        let state = match (&self.phase, breached) {
            (Phase::NotStarted, _) => ClockState::NotStarted,
            (_, true) => ClockState::Breached,
            (Phase::Running { .. }, false) => ClockState::Running,
            (Phase::Paused { .. }, false) => ClockState::Paused,
            (Phase::Stopped { .. }, false) => ClockState::Met,
            (Phase::Voided { .. }, false) => ClockState::Voided,
        };
        ClockStatus {
            clock: t.clock,
            timing: t.timing,
            target_seconds: t.seconds,
            state,
            started_at: self.started_at,
            stopped_at,
            elapsed_seconds: elapsed,
            remaining_seconds: (!breached && state != ClockState::Voided)
                .then_some(t.seconds - elapsed),
            overdue_seconds: breached.then_some(elapsed - t.seconds),
            deadline: match self.phase {
                Phase::Paused { .. } | Phase::NotStarted => None,
                _ => self.deadline,
            },
        }
    }
}

/// State of a clock in a status report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ClockState {
    /// Not started 未开始.
    NotStarted,
    /// Running, within target 计时中.
    Running,
    /// Paused while on hold 暂停计时.
    Paused,
    /// Stopped within target 达标.
    Met,
    /// Over target, stopped late or still running 超时.
    Breached,
    /// Not applicable any more: the request ended while it ran, within target 作废.
    Voided,
}
crate::wire::unit_enum_deserialize!(ClockState {
    NotStarted = "not_started",
    Running = "running",
    Paused = "paused",
    Met = "met",
    Breached = "breached",
    Voided = "voided",
});

/// One clock as of an instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClockStatus {
    /// Which clock.
    pub clock: ClockKind,
    /// How its time is counted.
    pub timing: Timing,
    /// Its target in seconds.
    pub target_seconds: i64,
    /// Its state.
    pub state: ClockState,
    /// When it started.
    pub started_at: Option<Instant>,
    /// When it stopped (met, breached late, or voided).
    pub stopped_at: Option<Instant>,
    /// Elapsed seconds (business or wall, per timing), excluding paused time.
    pub elapsed_seconds: i64,
    /// Seconds left before the deadline, unless breached or voided.
    pub remaining_seconds: Option<i64>,
    /// Seconds over target, when breached.
    pub overdue_seconds: Option<i64>,
    /// The instant the target is (or was) reached; unknown while paused.
    pub deadline: Option<Instant>,
}

/// Status of one cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CycleStatus {
    /// Cycle number, 0 first.
    pub cycle: u32,
    /// When it began.
    pub started_at: Instant,
    /// Its clocks.
    pub clocks: Vec<ClockStatus>,
}

/// The SLA status of a request as of an instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SlaStatus {
    /// Request id.
    pub request: String,
    /// The instant it describes.
    pub as_of: Instant,
    /// Every cycle that has clocks, oldest first; the last is current.
    pub cycles: Vec<CycleStatus>,
}

impl SlaStatus {
    /// Whether any clock of any cycle is breached.
    pub fn breached(&self) -> bool {
        self.cycles
            .iter()
            .flat_map(|c| &c.clocks)
            .any(|c| c.state == ClockState::Breached)
    }
}

/// An escalation that fell due: which clock of which cycle crossed which threshold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueEscalation {
    /// Cycle number.
    pub cycle: u32,
    /// Clock.
    pub clock: ClockKind,
    /// Threshold percent.
    pub percent: u32,
    /// Who to tell.
    pub notify: Role,
    /// When the threshold was crossed.
    pub due_at: Instant,
}

/// The SLA clocks of one request, folded from its events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SlaTrack {
    /// Request id.
    pub request: String,
    /// Its kind (decides when the reply clock starts).
    pub kind: RequestKind,
    /// Its priority.
    pub priority: Priority,
    /// Number of handling cycles so far (1 + reopens).
    pub cycles: u32,
    /// The clocks of every cycle, oldest cycle first, in one flat list (one heap block per
    /// request keeps a batch of 100k statuses cache-friendly).
    pub clocks: Vec<ClockTrack>,
    /// Set when the calendar could not answer; status queries then report it.
    pub error: Option<CalendarError>,
}

impl SlaTrack {
    /// A track for a request registered with this kind and priority; feed it the
    /// registration event and every later one with [`SlaTrack::observe`].
    pub fn new(request: &str, kind: RequestKind, priority: Priority) -> Self {
        SlaTrack {
            request: request.to_owned(),
            kind,
            priority,
            cycles: 0,
            clocks: Vec::new(),
            error: None,
        }
    }

    fn each(
        &mut self,
        clocks: &[ClockKind],
        f: impl Fn(&mut ClockTrack) -> Result<(), CalendarError>,
    ) -> Result<(), CalendarError> {
        let current = self.cycles.saturating_sub(1);
        for t in self.clocks.iter_mut().rev() {
            if t.cycle != current {
                break;
            }
            if clocks.is_empty() || clocks.contains(&t.clock) {
                f(t)?;
            }
        }
        Ok(())
    }

    fn new_cycle(
        &mut self,
        policy: &SlaPolicy,
        cal: &BusinessCalendar,
        at: Instant,
    ) -> Result<(), CalendarError> {
        let cycle = self.cycles;
        self.cycles += 1;
        self.clocks.extend(
            policy
                .targets(self.kind, self.priority)
                .iter()
                .map(|t| ClockTrack::new(t, cycle, at)),
        );
        let mut first = vec![ClockKind::Dispatch, ClockKind::Arrive, ClockKind::Complete];
        if self.kind.closes_at_reply() {
            first.push(ClockKind::Reply);
        }
        self.each(&first, |t| t.start(cal, at))
    }

    /// Advances the clocks by one event of the request. A calendar failure is kept in
    /// [`SlaTrack::error`] (the workflow goes on; status queries report it).
    pub fn observe(&mut self, event: &Event, policy: &SlaPolicy, cal: &BusinessCalendar) {
        if self.error.is_some() {
            return;
        }
        if let Err(e) = self.observe_inner(event, policy, cal) {
            self.error = Some(e);
        }
    }

    fn observe_inner(
        &mut self,
        event: &Event,
        policy: &SlaPolicy,
        cal: &BusinessCalendar,
    ) -> Result<(), CalendarError> {
        use ClockKind::*;
        let at = event.at;
        match &event.change {
            Change::Registered { .. } => self.new_cycle(policy, cal, at)?,
            Change::Reopened { .. } => {
                self.each(&[], |t| t.stop(cal, at))?;
                self.new_cycle(policy, cal, at)?;
            }
            Change::Dispatched { .. } => {
                self.each(&[Dispatch], |t| t.stop(cal, at))?;
                self.each(&[Accept], |t| t.start(cal, at))?;
            }
            Change::Transferred { .. } => self.each(&[Accept], |t| t.start(cal, at))?,
            Change::Accepted { .. } => self.each(&[Accept], |t| t.stop(cal, at))?,
            Change::Arrived => self.each(&[Arrive], |t| t.stop(cal, at))?,
            Change::Held { .. } => self.each(&[], |t| t.pause(cal, at))?,
            Change::Resumed => self.each(&[], |t| t.resume(cal, at))?,
            Change::Completed { .. } => {
                self.each(&[Complete], |t| t.stop(cal, at))?;
                self.each(&[Reply], |t| t.start(cal, at))?;
            }
            Change::Replied { .. } => {
                self.each(&[Reply], |t| t.stop(cal, at))?;
                if self.kind.closes_at_reply() {
                    self.each(&[], |t| t.void(cal, at))?;
                } else {
                    self.each(&[Callback], |t| t.start(cal, at))?;
                }
            }
            Change::CallbackRated { .. } | Change::ClosedUnreachable { .. } => {
                self.each(&[Callback], |t| t.stop(cal, at))?
            }
            Change::Cancelled { .. } | Change::ClosedWithoutWork { .. } => {
                self.each(&[], |t| t.void(cal, at))?
            }
            Change::Escalated {
                cycle,
                clock,
                percent,
                ..
            } => {
                for t in self
                    .clocks
                    .iter_mut()
                    .filter(|t| t.cycle == *cycle && t.clock == *clock)
                {
                    for e in t.escalations.iter_mut().filter(|e| e.percent == *percent) {
                        e.fired = true;
                    }
                }
            }
            Change::CallbackUnreachable { .. } | Change::Returned { .. } => {}
        }
        Ok(())
    }

    /// Whether an `escalated` event fits this track: its cycle, clock and threshold exist,
    /// it has not fired yet, and it had fallen due by the time it was recorded.
    pub fn accepts_escalation(&self, event: &Event) -> bool {
        let Change::Escalated {
            cycle,
            clock,
            percent,
            notify,
            due_at,
        } = &event.change
        else {
            return false;
        };
        *due_at <= event.at
            && self
                .clocks
                .iter()
                .filter(|t| t.cycle == *cycle && t.clock == *clock)
                .flat_map(|t| &t.escalations)
                .any(|e| e.percent == *percent && e.notify == *notify && !e.fired)
    }

    /// Status as of `as_of`, which must not precede the events observed so far (the caller
    /// checks; earlier instants read as the state at the last event).
    pub fn status(&self, cal: &BusinessCalendar, as_of: Instant) -> Result<SlaStatus, SlaError> {
        self.status_with(cal, as_of, &mut None)
    }

    /// [`SlaTrack::status`] with a cache of the business position of `as_of`, so that a
    /// batch of statuses as of one instant asks the calendar once.
    pub fn status_with(
        &self,
        cal: &BusinessCalendar,
        as_of: Instant,
        business: &mut Option<Result<i64, CalendarError>>,
    ) -> Result<SlaStatus, SlaError> {
        let calendar_error = |source| SlaError::Calendar {
            request: self.request.clone(),
            source,
        };
        if let Some(e) = &self.error {
            return Err(calendar_error(e.clone()));
        }
        let wall = as_of.timestamp();
        let mut cycles: Vec<CycleStatus> = Vec::with_capacity(self.cycles as usize);
        for t in &self.clocks {
            let pos = match t.timing {
                Timing::AroundTheClock => wall,
                // Asked lazily: only running business clocks need it.
                Timing::Business if matches!(t.phase, Phase::Running { .. }) => business
                    .get_or_insert_with(|| cal.position(as_of))
                    .clone()
                    .map_err(calendar_error)?,
                Timing::Business => 0,
            };
            let status = t.status(pos);
            match cycles.last_mut() {
                Some(c) if c.cycle == t.cycle => c.clocks.push(status),
                _ => {
                    let mut clocks = Vec::with_capacity(6);
                    clocks.push(status);
                    cycles.push(CycleStatus {
                        cycle: t.cycle,
                        started_at: t.cycle_started_at,
                        clocks,
                    });
                }
            }
        }
        Ok(SlaStatus {
            request: self.request.clone(),
            as_of,
            cycles,
        })
    }

    /// Escalations that are due by `now` and not yet recorded as fired, oldest first.
    pub fn due_escalations(&self, now: Instant) -> Vec<DueEscalation> {
        let mut out = Vec::new();
        for t in &self.clocks {
            for e in t.escalations.iter().filter(|e| !e.fired) {
                // A finished segment keeps only the instants it reached before it ended, so
                // any kept instant up to `now` has fallen due.
                if let Some(due) = e.due.filter(|d| *d <= now) {
                    out.push(DueEscalation {
                        cycle: t.cycle,
                        clock: t.clock,
                        percent: e.percent,
                        notify: e.notify,
                        due_at: due,
                    });
                }
            }
        }
        out.sort_by_key(|d| d.due_at);
        out
    }
}

/// SLA status of one request from its events alone, as of any instant: events after `as_of`
/// are ignored. A pure function of (events, policy, calendar, as_of).
pub fn status_from_events(
    events: &[Event],
    policy: &SlaPolicy,
    cal: &BusinessCalendar,
    as_of: Instant,
) -> Result<SlaStatus, SlaError> {
    let first = events.first().ok_or_else(|| SlaError::BadEvents {
        reason: "no events".into(),
    })?;
    let Change::Registered { request } = &first.change else {
        return Err(SlaError::BadEvents {
            reason: format!("first event is {}, not registered", first.change.name()),
        });
    };
    let mut track = SlaTrack::new(&request.id, request.kind, request.priority);
    for e in events.iter().filter(|e| e.at <= as_of) {
        if e.request != request.id {
            return Err(SlaError::BadEvents {
                reason: format!(
                    "event of request {} among those of {}",
                    e.request, request.id
                ),
            });
        }
        track.observe(e, policy, cal);
    }
    track.status(cal, as_of)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every unit-only enum here reads back the names its `Serialize` writes.
    #[test]
    fn unit_enums_read_their_own_names() {
        crate::wire::assert_round_trip(Timing::ALL);
        crate::wire::assert_round_trip(ClockState::ALL);
    }
}
