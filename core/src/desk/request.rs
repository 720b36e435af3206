//! Service requests 报事报修 / 投诉 / 建议 / 咨询 / 表扬: the workflow of the customer-service
//! centre's flow chart, as an explicit state machine.
//!
//! ```text
//! registered 受理 ─dispatch 派单→ dispatched ─accept 接单→ accepted ─arrive 到场→ in_progress 处理中
//!      ↑   ↑                        │  ↑ transfer 转单 (from dispatched/accepted/in_progress/on_hold)
//!      │   └──────── return 退单 ───┘                      accepted/in_progress ⇄ on_hold 暂停
//!      │                                                              │ complete 完工
//!      │ reopen (unsatisfied callback)                                ↓
//!      └───────────── replied 已回复 ←─reply 回复── completed 完工 ─────┘
//!                        │ callback 回访: satisfied → closed 满意关闭
//!                        │ unreachable 联系不上 (n times) → close_unreachable → closed
//! cancel 撤销 from any open stage before completion; close_without_work 主动结单 from
//! registered/dispatched; inquiries 咨询 and praise 表扬 close when replied.
//! ```
//!
//! A transition is `(request, command, actor, now) → events`; the events are then applied
//! with [`ServiceRequest::apply`], which is also what replay uses, so a replayed log reaches
//! exactly the live state. A refused command returns a [`RequestError`] and changes nothing.

use crate::desk::config::DeskConfig;
use crate::desk::role::{Actor, Role};
use crate::time::Instant;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Version of the event schema written into every [`Event`].
pub const EVENT_SCHEMA: u32 = 1;

/// Kind of service request 报事类型.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// Repair 报修: something broken in a unit or common area.
    Repair,
    /// Matter 报事: an issue to be handled that is not a repair (noise, blocked passage...).
    Matter,
    /// Complaint 投诉.
    Complaint,
    /// Suggestion 建议.
    Suggestion,
    /// Inquiry 咨询: answered by the centre; closes when replied.
    Inquiry,
    /// Praise 表扬: acknowledged by the centre; closes when replied.
    Praise,
}
crate::wire::unit_enum_deserialize!(RequestKind {
    Repair = "repair",
    Matter = "matter",
    Complaint = "complaint",
    Suggestion = "suggestion",
    Inquiry = "inquiry",
    Praise = "praise",
});

impl RequestKind {
    /// Inquiries and praise close at reply and need no callback 回访.
    pub const fn closes_at_reply(self) -> bool {
        matches!(self, RequestKind::Inquiry | RequestKind::Praise)
    }

    /// Stable snake_case name.
    pub const fn as_str(self) -> &'static str {
        match self {
            RequestKind::Repair => "repair",
            RequestKind::Matter => "matter",
            RequestKind::Complaint => "complaint",
            RequestKind::Suggestion => "suggestion",
            RequestKind::Inquiry => "inquiry",
            RequestKind::Praise => "praise",
        }
    }

    /// Chinese name, as front-desk staff say it.
    pub const fn chinese(self) -> &'static str {
        match self {
            RequestKind::Repair => "报修",
            RequestKind::Matter => "报事",
            RequestKind::Complaint => "投诉",
            RequestKind::Suggestion => "建议",
            RequestKind::Inquiry => "咨询",
            RequestKind::Praise => "表扬",
        }
    }
}

/// Priority 紧急程度.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// Emergency 紧急: burst pipe, lift entrapment; clocks usually run around the clock.
    Emergency,
    /// High 高.
    High,
    /// Normal 一般.
    Normal,
    /// Low 低.
    Low,
}
crate::wire::unit_enum_deserialize!(Priority {
    Emergency = "emergency",
    High = "high",
    Normal = "normal",
    Low = "low",
});

impl Priority {
    /// Stable snake_case name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Priority::Emergency => "emergency",
            Priority::High => "high",
            Priority::Normal => "normal",
            Priority::Low => "low",
        }
    }
}

/// Channel the request came in through 受理渠道.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Phone 电话.
    Phone,
    /// Front desk 前台.
    FrontDesk,
    /// Owner app or mini-program 业主App/小程序.
    App,
    /// Walk-in visit 来访.
    WalkIn,
    /// Found on a patrol 巡检 by staff.
    Patrol,
    /// Any other channel.
    Other,
}
crate::wire::unit_enum_deserialize!(Channel {
    Phone = "phone",
    FrontDesk = "front_desk",
    App = "app",
    WalkIn = "walk_in",
    Patrol = "patrol",
    Other = "other",
});

/// Where the matter is: a unit 房屋 or a common area 公共区域.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Location {
    /// A unit, by the host's unit code, e.g. `"3-1-502"` (building-entrance-room).
    Unit(String),
    /// A common area, e.g. `"2号楼电梯厅"`.
    CommonArea(String),
}

/// Who reported the matter 报事人 类型.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReporterKind {
    /// Owner 业主.
    Owner,
    /// Tenant 租户.
    Tenant,
    /// Colleague 同事 (staff of the property company).
    Colleague,
    /// Partner unit 往来单位 (contractor, utility, neighbouring estate...).
    PartnerUnit,
    /// Anonymous 匿名: no name or phone is kept.
    Anonymous,
}
crate::wire::unit_enum_deserialize!(ReporterKind {
    Owner = "owner",
    Tenant = "tenant",
    Colleague = "colleague",
    PartnerUnit = "partner_unit",
    Anonymous = "anonymous",
});

/// The reporter of a request 报事人.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reporter {
    /// What kind of party reported.
    pub kind: ReporterKind,
    /// Name, if known (never for anonymous reports).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Phone number to reply to, if known (never for anonymous reports).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// Why work is on hold 暂停原因.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum HoldReason {
    /// Waiting for parts 等待配件.
    WaitingForParts,
    /// Waiting for the owner (access, decision) 等待业主.
    WaitingForOwner,
    /// Another reason, stated.
    Other(String),
}

/// Optional per-aspect callback scores (1–5 each).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AspectScores {
    /// Speed 及时性.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speed: Option<u8>,
    /// Attitude 服务态度.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attitude: Option<u8>,
    /// Quality 维修质量.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<u8>,
}

/// The six SLA clocks, in the order of the workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ClockKind {
    /// Registration → dispatch 派单时效.
    Dispatch,
    /// Dispatch → accepted by a worker 接单时效.
    Accept,
    /// Registration → arrival on site 到场时效.
    Arrive,
    /// Registration → completion 完成时效.
    Complete,
    /// Completion → reply to the reporter 回复时效.
    Reply,
    /// Reply → callback 回访时效.
    Callback,
}
crate::wire::unit_enum_deserialize!(ClockKind {
    Dispatch = "dispatch",
    Accept = "accept",
    Arrive = "arrive",
    Complete = "complete",
    Reply = "reply",
    Callback = "callback",
});
crate::wire::read_by_deserialize!(ClockKind);

impl ClockKind {
    /// Stable snake_case name.
    pub const fn as_str(self) -> &'static str {
        match self {
            ClockKind::Dispatch => "dispatch",
            ClockKind::Accept => "accept",
            ClockKind::Arrive => "arrive",
            ClockKind::Complete => "complete",
            ClockKind::Reply => "reply",
            ClockKind::Callback => "callback",
        }
    }
}

/// How a closed request was closed; a closed request always carries its closure.
// Deserialize: tagged_deserialize! below (the same wire form, without serde's Content buffer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "by", rename_all = "snake_case", deny_unknown_fields)]
pub enum Closure {
    /// Satisfied callback 满意关闭, with the rating that closed it.
    Satisfied {
        /// Rating 1–5 at or above the satisfied threshold.
        rating: u8,
        /// Reporter's comment, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        comment: Option<String>,
    },
    /// An inquiry or praise closed when the centre replied.
    Reply,
    /// Reporter could not be reached after the configured attempts 联系不上.
    Unreachable {
        /// Reason given by the centre.
        reason: String,
    },
    /// Closed without work 主动结单, e.g. a duplicate.
    WithoutWork {
        /// Reason given.
        reason: String,
        /// The original request, when this one duplicates it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        duplicate_of: Option<String>,
    },
}

/// Where a request stands. Each stage carries exactly the data that is true in it: a
/// dispatched request has a department, an accepted one an assignee, a closed one its closure.
// Deserialize: tagged_deserialize! below (the same wire form, without serde's Content buffer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "stage", rename_all = "snake_case", deny_unknown_fields)]
pub enum Stage {
    /// Registered 受理 by the centre, waiting for dispatch (also after a return or a reopen).
    Registered,
    /// Dispatched 派单 to a department, optionally to a person.
    Dispatched {
        /// Department code.
        department: String,
        /// Assigned worker, if named at dispatch.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        assignee: Option<String>,
    },
    /// Accepted 接单 by a worker, not yet on site.
    Accepted {
        /// Department code.
        department: String,
        /// The worker who accepted.
        assignee: String,
    },
    /// In progress 处理中: the worker has arrived on site.
    InProgress {
        /// Department code.
        department: String,
        /// The worker.
        assignee: String,
        /// When the worker arrived 到场.
        arrived_at: Instant,
    },
    /// On hold 暂停, from accepted or in progress; resuming returns there.
    OnHold {
        /// Department code.
        department: String,
        /// The worker.
        assignee: String,
        /// Arrival on site, if it happened before the hold.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        arrived_at: Option<Instant>,
        /// Why.
        reason: HoldReason,
        /// Since when.
        since: Instant,
    },
    /// Completed 完工 by the department; the centre must reply.
    Completed {
        /// Department code.
        department: String,
        /// The worker.
        assignee: String,
    },
    /// Replied 已回复 to the reporter; waiting for the callback 回访.
    Replied {
        /// Department that did the work.
        department: String,
    },
    /// Closed 已关闭 (terminal).
    Closed {
        /// How.
        closure: Closure,
    },
    /// Cancelled 撤销 (terminal).
    Cancelled {
        /// Why.
        reason: String,
    },
}

impl Stage {
    /// Stable snake_case name of the stage.
    pub const fn name(&self) -> &'static str {
        match self {
            Stage::Registered => "registered",
            Stage::Dispatched { .. } => "dispatched",
            Stage::Accepted { .. } => "accepted",
            Stage::InProgress { .. } => "in_progress",
            Stage::OnHold { .. } => "on_hold",
            Stage::Completed { .. } => "completed",
            Stage::Replied { .. } => "replied",
            Stage::Closed { .. } => "closed",
            Stage::Cancelled { .. } => "cancelled",
        }
    }

    /// Closed and cancelled are terminal: no step leaves them.
    pub const fn is_terminal(&self) -> bool {
        matches!(self, Stage::Closed { .. } | Stage::Cancelled { .. })
    }

    /// The department currently responsible, if any.
    pub fn department(&self) -> Option<&str> {
        match self {
            Stage::Dispatched { department, .. }
            | Stage::Accepted { department, .. }
            | Stage::InProgress { department, .. }
            | Stage::OnHold { department, .. }
            | Stage::Completed { department, .. }
            | Stage::Replied { department } => Some(department),
            _ => None,
        }
    }

    /// The worker currently assigned, if any.
    pub fn assignee(&self) -> Option<&str> {
        match self {
            Stage::Dispatched { assignee, .. } => assignee.as_deref(),
            Stage::Accepted { assignee, .. }
            | Stage::InProgress { assignee, .. }
            | Stage::OnHold { assignee, .. }
            | Stage::Completed { assignee, .. } => Some(assignee),
            _ => None,
        }
    }
}

/// A step of the workflow, named for errors and for the role table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Register 受理登记.
    Register,
    /// Dispatch 派单.
    Dispatch,
    /// Accept 接单.
    Accept,
    /// Arrive on site 到场.
    Arrive,
    /// Put on hold 暂停.
    Hold,
    /// Resume 恢复.
    Resume,
    /// Complete 完工.
    Complete,
    /// Reply to the reporter 回复.
    Reply,
    /// Record a callback 回访.
    Callback,
    /// Close after unreachable callbacks.
    CloseUnreachable,
    /// Transfer 转单 to another department.
    Transfer,
    /// Return 退单 to the centre.
    Return,
    /// Cancel 撤销.
    Cancel,
    /// Close without work 主动结单.
    CloseWithoutWork,
}
crate::wire::unit_enum_deserialize!(Step {
    Register = "register",
    Dispatch = "dispatch",
    Accept = "accept",
    Arrive = "arrive",
    Hold = "hold",
    Resume = "resume",
    Complete = "complete",
    Reply = "reply",
    Callback = "callback",
    CloseUnreachable = "close_unreachable",
    Transfer = "transfer",
    Return = "return",
    Cancel = "cancel",
    CloseWithoutWork = "close_without_work",
});

impl Step {
    /// The roles that may take this step. Any other role is refused with
    /// [`RequestError::RoleNotAllowed`].
    pub const fn allowed_roles(self) -> &'static [Role] {
        use Role::*;
        match self {
            Step::Register => &[Reporter, Agent, Dispatcher, Worker, Supervisor, System],
            Step::Dispatch => &[Agent, Dispatcher, Supervisor, ProjectManager, System],
            Step::Accept | Step::Arrive | Step::Hold | Step::Resume | Step::Complete => {
                &[Worker, Supervisor]
            }
            Step::Reply | Step::Callback | Step::CloseUnreachable => {
                &[Agent, Supervisor, ProjectManager]
            }
            Step::Transfer => &[Dispatcher, Supervisor, ProjectManager],
            Step::Return => &[Worker, Supervisor],
            Step::Cancel => &[Reporter, Agent, Supervisor, ProjectManager],
            Step::CloseWithoutWork => &[Agent, Supervisor, ProjectManager],
        }
    }

    /// Stable snake_case name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Step::Register => "register",
            Step::Dispatch => "dispatch",
            Step::Accept => "accept",
            Step::Arrive => "arrive",
            Step::Hold => "hold",
            Step::Resume => "resume",
            Step::Complete => "complete",
            Step::Reply => "reply",
            Step::Callback => "callback",
            Step::CloseUnreachable => "close_unreachable",
            Step::Transfer => "transfer",
            Step::Return => "return",
            Step::Cancel => "cancel",
            Step::CloseWithoutWork => "close_without_work",
        }
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a new request says when it is registered 受理登记.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NewRequest {
    /// The host's identifier for the request (work-order number 工单号).
    pub id: String,
    /// Kind.
    pub kind: RequestKind,
    /// Priority.
    pub priority: Priority,
    /// Channel.
    pub channel: Channel,
    /// Location.
    pub location: Location,
    /// Reporter.
    pub reporter: Reporter,
    /// What was reported, in the reporter's words.
    pub description: String,
}

/// Outcome of one callback attempt 回访结果.
// Deserialize: tagged_deserialize! below (the same wire form, without serde's Content buffer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "outcome", rename_all = "snake_case", deny_unknown_fields)]
pub enum CallbackOutcome {
    /// The reporter answered and rated the service.
    Rated {
        /// Overall rating 1–5.
        rating: u8,
        /// Comment, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        comment: Option<String>,
        /// Per-aspect scores, if asked.
        #[serde(default)]
        aspects: AspectScores,
    },
    /// The reporter could not be reached 联系不上.
    Unreachable,
}

/// A command on an existing request: one step of the workflow.
// Deserialize: tagged_deserialize! below (the same wire form, without serde's Content buffer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "step", rename_all = "snake_case", deny_unknown_fields)]
pub enum Command {
    /// Dispatch 派单 to a department, optionally to a named worker.
    Dispatch {
        /// Department code (must be configured).
        department: String,
        /// Worker, if assigned now.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        assignee: Option<String>,
    },
    /// Accept 接单: the acting worker takes the job.
    Accept,
    /// Arrive on site 到场.
    Arrive,
    /// Put on hold 暂停.
    Hold {
        /// Why.
        reason: HoldReason,
    },
    /// Resume 恢复 after a hold.
    Resume,
    /// Complete 完工.
    Complete {
        /// What was done.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// Reply 回复 to the reporter.
    Reply {
        /// What the reporter was told.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// Record a callback 回访.
    // The outcome's members sit beside `step`: no other member (the outcome's own
    // `deny_unknown_fields` cannot see `step`, so it is said here).
    #[cfg_attr(feature = "schema", schemars(extend("unevaluatedProperties" = false)))]
    Callback(CallbackOutcome),
    /// Close a request whose reporter could not be reached after the configured attempts.
    CloseUnreachable {
        /// Why.
        reason: String,
    },
    /// Transfer 转单 to another department (or another worker).
    Transfer {
        /// Department code (must be configured).
        department: String,
        /// Worker, if assigned now.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        assignee: Option<String>,
        /// Why.
        reason: String,
    },
    /// Return 退单 the request to the centre.
    Return {
        /// Why.
        reason: String,
    },
    /// Cancel 撤销.
    Cancel {
        /// Why.
        reason: String,
    },
    /// Close without work 主动结单 (e.g. a duplicate).
    CloseWithoutWork {
        /// Why.
        reason: String,
        /// Original request, if this is a duplicate.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        duplicate_of: Option<String>,
    },
}

impl Command {
    /// The step this command takes.
    pub const fn step(&self) -> Step {
        match self {
            Command::Dispatch { .. } => Step::Dispatch,
            Command::Accept => Step::Accept,
            Command::Arrive => Step::Arrive,
            Command::Hold { .. } => Step::Hold,
            Command::Resume => Step::Resume,
            Command::Complete { .. } => Step::Complete,
            Command::Reply { .. } => Step::Reply,
            Command::Callback(_) => Step::Callback,
            Command::CloseUnreachable { .. } => Step::CloseUnreachable,
            Command::Transfer { .. } => Step::Transfer,
            Command::Return { .. } => Step::Return,
            Command::Cancel { .. } => Step::Cancel,
            Command::CloseWithoutWork { .. } => Step::CloseWithoutWork,
        }
    }
}

/// What happened: the body of an [`Event`].
// Deserialize: tagged_deserialize! below (the same wire form, without serde's Content buffer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Change {
    /// Registered 受理.
    Registered {
        /// The request as registered.
        request: NewRequest,
    },
    /// Dispatched 派单.
    Dispatched {
        /// Department code.
        department: String,
        /// Worker, if named.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        assignee: Option<String>,
    },
    /// Accepted 接单.
    Accepted {
        /// The worker who took the job.
        assignee: String,
    },
    /// Arrived on site 到场.
    Arrived,
    /// Put on hold 暂停.
    Held {
        /// Why.
        reason: HoldReason,
    },
    /// Resumed 恢复.
    Resumed,
    /// Completed 完工.
    Completed {
        /// What was done.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// Replied 回复 to the reporter (closes inquiries and praise).
    Replied {
        /// What the reporter was told.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// A callback with a rating; `satisfied` was decided against the configured threshold.
    CallbackRated {
        /// Rating 1–5.
        rating: u8,
        /// Comment.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        comment: Option<String>,
        /// Per-aspect scores.
        #[serde(default)]
        aspects: AspectScores,
        /// Whether the rating met the threshold (then the request closes).
        satisfied: bool,
    },
    /// An unsatisfied callback reopened the request; it goes back to dispatch.
    Reopened {
        /// How many times this request has now been reopened.
        count: u32,
    },
    /// A callback attempt failed: the reporter could not be reached.
    CallbackUnreachable {
        /// Attempts so far since the reply.
        attempt: u32,
    },
    /// Closed as unreachable.
    ClosedUnreachable {
        /// Why.
        reason: String,
    },
    /// Transferred 转单.
    Transferred {
        /// Department it left.
        from_department: String,
        /// Department it went to.
        department: String,
        /// Worker, if named.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        assignee: Option<String>,
        /// Why.
        reason: String,
    },
    /// Returned 退单 to the centre.
    Returned {
        /// Why.
        reason: String,
    },
    /// Cancelled 撤销.
    Cancelled {
        /// Why.
        reason: String,
    },
    /// Closed without work 主动结单.
    ClosedWithoutWork {
        /// Why.
        reason: String,
        /// Original request, if a duplicate.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        duplicate_of: Option<String>,
    },
    /// An SLA clock crossed an escalation threshold 升级 (emitted by `tick`; changes no stage).
    Escalated {
        /// SLA cycle (0 for the first handling, +1 per reopen).
        cycle: u32,
        /// Which clock.
        clock: ClockKind,
        /// Threshold crossed, in percent of the target.
        percent: u32,
        /// Who is to be told.
        notify: Role,
        /// When the threshold was crossed.
        due_at: Instant,
    },
}

// The internally tagged enums read as serde's derive would read them (crate::wire): same
// accepted forms, same values, same messages; the field lists mirror the enums above
// (`[default]` where the field has `#[serde(default)]`).
// Member types of the tagged enums (here and in fees' and the contract's).
crate::wire::read_by_deserialize!(
    AspectScores,
    HoldReason,
    NewRequest,
    Closure,
    CallbackOutcome
);

crate::wire::tagged_deserialize!(Closure by "by" {
    Satisfied = "satisfied" { rating: u8, comment: Option<String> [default] },
    Reply = "reply",
    Unreachable = "unreachable" { reason: String },
    WithoutWork = "without_work" { reason: String, duplicate_of: Option<String> [default] },
});

crate::wire::tagged_deserialize!(Stage by "stage" {
    Registered = "registered",
    Dispatched = "dispatched" { department: String, assignee: Option<String> [default] },
    Accepted = "accepted" { department: String, assignee: String },
    InProgress = "in_progress" { department: String, assignee: String, arrived_at: Instant },
    OnHold = "on_hold" {
        department: String,
        assignee: String,
        arrived_at: Option<Instant> [default],
        reason: HoldReason,
        since: Instant,
    },
    Completed = "completed" { department: String, assignee: String },
    Replied = "replied" { department: String },
    Closed = "closed" { closure: Closure },
    Cancelled = "cancelled" { reason: String },
});

crate::wire::tagged_deserialize!(CallbackOutcome by "outcome" {
    Rated = "rated" {
        rating: u8,
        comment: Option<String> [default],
        aspects: AspectScores [default],
    },
    Unreachable = "unreachable",
});

crate::wire::tagged_deserialize!(Command by "step" {
    Dispatch = "dispatch" { department: String, assignee: Option<String> [default] },
    Accept = "accept",
    Arrive = "arrive",
    Hold = "hold" { reason: HoldReason },
    Resume = "resume",
    Complete = "complete" { note: Option<String> [default] },
    Reply = "reply" { note: Option<String> [default] },
    Callback = "callback" (CallbackOutcome),
    CloseUnreachable = "close_unreachable" { reason: String },
    Transfer = "transfer" {
        department: String,
        assignee: Option<String> [default],
        reason: String,
    },
    Return = "return" { reason: String },
    Cancel = "cancel" { reason: String },
    CloseWithoutWork = "close_without_work" {
        reason: String,
        duplicate_of: Option<String> [default],
    },
});

crate::wire::tagged_deserialize!(Change by "type" {
    Registered = "registered" { request: NewRequest },
    Dispatched = "dispatched" { department: String, assignee: Option<String> [default] },
    Accepted = "accepted" { assignee: String },
    Arrived = "arrived",
    Held = "held" { reason: HoldReason },
    Resumed = "resumed",
    Completed = "completed" { note: Option<String> [default] },
    Replied = "replied" { note: Option<String> [default] },
    CallbackRated = "callback_rated" {
        rating: u8,
        comment: Option<String> [default],
        aspects: AspectScores [default],
        satisfied: bool,
    },
    Reopened = "reopened" { count: u32 },
    CallbackUnreachable = "callback_unreachable" { attempt: u32 },
    ClosedUnreachable = "closed_unreachable" { reason: String },
    Transferred = "transferred" {
        from_department: String,
        department: String,
        assignee: Option<String> [default],
        reason: String,
    },
    Returned = "returned" { reason: String },
    Cancelled = "cancelled" { reason: String },
    ClosedWithoutWork = "closed_without_work" {
        reason: String,
        duplicate_of: Option<String> [default],
    },
    Escalated = "escalated" {
        cycle: u32,
        clock: ClockKind,
        percent: u32,
        notify: Role,
        due_at: Instant,
    },
});

/// One entry of a request's event log 操作日志: schema version, request, time, actor, change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Schema version of this record ([`EVENT_SCHEMA`]).
    pub schema: u32,
    /// Request id.
    pub request: String,
    /// When it happened (the `now` of the command).
    pub at: Instant,
    /// Who did it.
    pub actor: Actor,
    /// What happened.
    pub change: Change,
}

/// Why a command was refused. The request is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    /// The actor's role may not take this step.
    #[error("request {request}: role {role} may not {step}")]
    RoleNotAllowed {
        /// Request id.
        request: String,
        /// Step attempted.
        step: Step,
        /// Role refused.
        role: Role,
    },
    /// The step is not possible from the request's current stage.
    #[error("request {request}: cannot {step} a request that is {stage}")]
    IllegalStep {
        /// Request id.
        request: String,
        /// Step attempted.
        step: Step,
        /// Current stage name.
        stage: &'static str,
    },
    /// The command is timestamped before the request's last event.
    #[error("request {request}: {step} at {at} is earlier than the last event at {last}")]
    OutOfOrder {
        /// Request id.
        request: String,
        /// Step attempted.
        step: Step,
        /// The command's time (RFC 3339).
        at: String,
        /// Time of the last event (RFC 3339).
        last: String,
    },
    /// The department is not configured.
    #[error("request {request}: unknown department {department:?}")]
    UnknownDepartment {
        /// Request id.
        request: String,
        /// Code given.
        department: String,
    },
    /// A worker acted on a request assigned to someone else.
    #[error(
        "request {request}: worker {actor} is not the assignee ({assignee}) and may not {step}"
    )]
    NotAssignee {
        /// Request id.
        request: String,
        /// Step attempted.
        step: Step,
        /// The acting worker's id.
        actor: String,
        /// The assigned worker's id.
        assignee: String,
    },
    /// A field of the command is invalid (empty reason, rating outside 1–5, ...).
    #[error("request {request}: {step}: invalid {field}: {reason}")]
    InvalidField {
        /// Request id.
        request: String,
        /// Step attempted.
        step: Step,
        /// Field name.
        field: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// Fewer unreachable callback attempts than configured before closing unreachable.
    #[error("request {request}: only {attempts} of {required} callback attempts made; cannot close as unreachable yet")]
    CallbackAttemptsRemaining {
        /// Request id.
        request: String,
        /// Attempts made.
        attempts: u32,
        /// Attempts required.
        required: u32,
    },
}

impl RequestError {
    /// Stable machine-readable code of the error kind.
    pub const fn code(&self) -> &'static str {
        match self {
            RequestError::RoleNotAllowed { .. } => "role_not_allowed",
            RequestError::IllegalStep { .. } => "illegal_step",
            RequestError::OutOfOrder { .. } => "out_of_order",
            RequestError::UnknownDepartment { .. } => "unknown_department",
            RequestError::NotAssignee { .. } => "not_assignee",
            RequestError::InvalidField { .. } => "invalid_field",
            RequestError::CallbackAttemptsRemaining { .. } => "callback_attempts_remaining",
        }
    }
}

/// An event that does not fit the state it is applied to (a corrupt or reordered log).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("request {request}: event {change} does not apply to a request that is {stage}")]
pub struct EventMismatch {
    /// Request id.
    pub request: String,
    /// Event type.
    pub change: &'static str,
    /// Stage the request was in.
    pub stage: &'static str,
}

/// A service request 工单: what was reported and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ServiceRequest {
    /// What was registered.
    pub details: NewRequest,
    /// When it was registered.
    pub registered_at: Instant,
    /// Time of the last workflow event; later commands may not be earlier.
    pub last_event_at: Instant,
    /// Current stage.
    pub stage: Stage,
    /// Times reopened after an unsatisfied callback.
    pub reopen_count: u32,
    /// Times transferred between departments.
    pub transfer_count: u32,
    /// Times returned to the centre.
    pub return_count: u32,
    /// Unreachable callback attempts since the last reply.
    pub callback_attempts: u32,
}

fn non_empty(
    request: &str,
    step: Step,
    field: &'static str,
    value: &str,
) -> Result<(), RequestError> {
    if value.trim().is_empty() {
        return Err(RequestError::InvalidField {
            request: request.to_owned(),
            step,
            field,
            reason: "must not be empty".into(),
        });
    }
    Ok(())
}

fn check_score(request: &str, field: &'static str, v: Option<u8>) -> Result<(), RequestError> {
    match v {
        Some(x) if !(1..=5).contains(&x) => Err(RequestError::InvalidField {
            request: request.to_owned(),
            step: Step::Callback,
            field,
            reason: format!("{x} is outside 1–5"),
        }),
        _ => Ok(()),
    }
}

fn role_allowed(request: &str, step: Step, actor: &Actor) -> Result<(), RequestError> {
    if step.allowed_roles().contains(&actor.role) {
        Ok(())
    } else {
        Err(RequestError::RoleNotAllowed {
            request: request.to_owned(),
            step,
            role: actor.role,
        })
    }
}

impl ServiceRequest {
    /// Registers a new request 受理登记: checks the actor and the details and returns the
    /// `registered` event. Apply it with [`ServiceRequest::from_registration`].
    pub fn register(
        new: NewRequest,
        actor: &Actor,
        now: Instant,
    ) -> Result<(ServiceRequest, Vec<Event>), RequestError> {
        let id = new.id.clone();
        role_allowed(&id, Step::Register, actor)?;
        non_empty(&id, Step::Register, "id", &new.id)?;
        non_empty(&id, Step::Register, "description", &new.description)?;
        match &new.location {
            Location::Unit(s) | Location::CommonArea(s) => {
                non_empty(&id, Step::Register, "location", s)?
            }
        }
        if new.reporter.kind == ReporterKind::Anonymous
            && (new.reporter.name.is_some() || new.reporter.phone.is_some())
        {
            return Err(RequestError::InvalidField {
                request: id,
                step: Step::Register,
                field: "reporter",
                reason: "an anonymous report keeps no name or phone".into(),
            });
        }
        let event = Event {
            schema: EVENT_SCHEMA,
            request: new.id.clone(),
            at: now,
            actor: actor.clone(),
            change: Change::Registered { request: new },
        };
        let request =
            ServiceRequest::from_registration(&event).map_err(|_| RequestError::IllegalStep {
                request: event.request.clone(),
                step: Step::Register,
                stage: "registered",
            })?;
        Ok((request, vec![event]))
    }

    /// The state a `registered` event creates (the first step of replay).
    pub fn from_registration(event: &Event) -> Result<ServiceRequest, EventMismatch> {
        match &event.change {
            Change::Registered { request } => Ok(ServiceRequest {
                details: request.clone(),
                registered_at: event.at,
                last_event_at: event.at,
                stage: Stage::Registered,
                reopen_count: 0,
                transfer_count: 0,
                return_count: 0,
                callback_attempts: 0,
            }),
            other => Err(EventMismatch {
                request: event.request.clone(),
                change: other.name(),
                stage: "unregistered",
            }),
        }
    }

    /// Request id.
    pub fn id(&self) -> &str {
        &self.details.id
    }

    /// Decides a command: checks role, stage, time and fields and returns the events it
    /// produces, without changing the request. See [`ServiceRequest::execute`].
    pub fn decide(
        &self,
        command: &Command,
        actor: &Actor,
        now: Instant,
        config: &DeskConfig,
    ) -> Result<Vec<Event>, RequestError> {
        let id = self.id();
        let step = command.step();
        role_allowed(id, step, actor)?;
        if now < self.last_event_at {
            return Err(RequestError::OutOfOrder {
                request: id.to_owned(),
                step,
                at: now.to_rfc3339(),
                last: self.last_event_at.to_rfc3339(),
            });
        }
        let illegal = || RequestError::IllegalStep {
            request: id.to_owned(),
            step,
            stage: self.stage.name(),
        };
        let known_department = |d: &str| {
            if config.department(d).is_some() {
                Ok(())
            } else {
                Err(RequestError::UnknownDepartment {
                    request: id.to_owned(),
                    department: d.to_owned(),
                })
            }
        };
        // A worker may only act on a job assigned to them; supervisors act on their behalf.
        let own_job = |assignee: Option<&str>| match (actor.role, assignee) {
            (Role::Worker, Some(a)) if a != actor.id => Err(RequestError::NotAssignee {
                request: id.to_owned(),
                step,
                actor: actor.id.clone(),
                assignee: a.to_owned(),
            }),
            _ => Ok(()),
        };
        let mut changes = Vec::with_capacity(2);
        match command {
            Command::Dispatch {
                department,
                assignee,
            } => {
                if self.stage != Stage::Registered {
                    return Err(illegal());
                }
                known_department(department)?;
                if let Some(a) = assignee {
                    non_empty(id, step, "assignee", a)?;
                }
                changes.push(Change::Dispatched {
                    department: department.clone(),
                    assignee: assignee.clone(),
                });
            }
            Command::Accept => match &self.stage {
                Stage::Dispatched { assignee, .. } => {
                    own_job(assignee.as_deref())?;
                    let who = match (assignee, actor.role) {
                        (Some(a), _) => a.clone(),
                        (None, Role::Worker) => actor.id.clone(),
                        (None, _) => {
                            return Err(RequestError::InvalidField {
                                request: id.to_owned(),
                                step,
                                field: "assignee",
                                reason: "no worker is assigned; a worker must accept".into(),
                            })
                        }
                    };
                    changes.push(Change::Accepted { assignee: who });
                }
                _ => return Err(illegal()),
            },
            Command::Arrive => match &self.stage {
                Stage::Accepted { assignee, .. } => {
                    own_job(Some(assignee))?;
                    changes.push(Change::Arrived);
                }
                _ => return Err(illegal()),
            },
            Command::Hold { reason } => match &self.stage {
                Stage::Accepted { assignee, .. } | Stage::InProgress { assignee, .. } => {
                    own_job(Some(assignee))?;
                    if let HoldReason::Other(r) = reason {
                        non_empty(id, step, "reason", r)?;
                    }
                    changes.push(Change::Held {
                        reason: reason.clone(),
                    });
                }
                _ => return Err(illegal()),
            },
            Command::Resume => match &self.stage {
                Stage::OnHold { assignee, .. } => {
                    own_job(Some(assignee))?;
                    changes.push(Change::Resumed);
                }
                _ => return Err(illegal()),
            },
            Command::Complete { note } => match &self.stage {
                Stage::InProgress { assignee, .. } => {
                    own_job(Some(assignee))?;
                    changes.push(Change::Completed { note: note.clone() });
                }
                _ => return Err(illegal()),
            },
            Command::Reply { note } => match &self.stage {
                Stage::Completed { .. } => changes.push(Change::Replied { note: note.clone() }),
                Stage::Registered if self.details.kind.closes_at_reply() => {
                    changes.push(Change::Replied { note: note.clone() })
                }
                _ => return Err(illegal()),
            },
            Command::Callback(outcome) => {
                if !matches!(self.stage, Stage::Replied { .. }) {
                    return Err(illegal());
                }
                match outcome {
                    CallbackOutcome::Rated {
                        rating,
                        comment,
                        aspects,
                    } => {
                        check_score(id, "rating", Some(*rating))?;
                        check_score(id, "aspects.speed", aspects.speed)?;
                        check_score(id, "aspects.attitude", aspects.attitude)?;
                        check_score(id, "aspects.quality", aspects.quality)?;
                        let satisfied = *rating >= config.satisfied_threshold;
                        changes.push(Change::CallbackRated {
                            rating: *rating,
                            comment: comment.clone(),
                            aspects: aspects.clone(),
                            satisfied,
                        });
                        if !satisfied {
                            changes.push(Change::Reopened {
                                count: self.reopen_count.saturating_add(1),
                            });
                        }
                    }
                    CallbackOutcome::Unreachable => changes.push(Change::CallbackUnreachable {
                        attempt: self.callback_attempts.saturating_add(1),
                    }),
                }
            }
            Command::CloseUnreachable { reason } => {
                if !matches!(self.stage, Stage::Replied { .. }) {
                    return Err(illegal());
                }
                non_empty(id, step, "reason", reason)?;
                // An anonymous reporter cannot be called back at all: no attempts needed.
                let anonymous = self.details.reporter.kind == ReporterKind::Anonymous;
                if self.callback_attempts < config.max_callback_attempts && !anonymous {
                    return Err(RequestError::CallbackAttemptsRemaining {
                        request: id.to_owned(),
                        attempts: self.callback_attempts,
                        required: config.max_callback_attempts,
                    });
                }
                changes.push(Change::ClosedUnreachable {
                    reason: reason.clone(),
                });
            }
            Command::Transfer {
                department,
                assignee,
                reason,
            } => match &self.stage {
                Stage::Dispatched { .. }
                | Stage::Accepted { .. }
                | Stage::InProgress { .. }
                | Stage::OnHold { .. } => {
                    known_department(department)?;
                    non_empty(id, step, "reason", reason)?;
                    let from = self.stage.department().unwrap_or_default();
                    if from == department && self.stage.assignee() == assignee.as_deref() {
                        return Err(RequestError::InvalidField {
                            request: id.to_owned(),
                            step,
                            field: "department",
                            reason: "transfer to the same department and assignee".into(),
                        });
                    }
                    changes.push(Change::Transferred {
                        from_department: from.to_owned(),
                        department: department.clone(),
                        assignee: assignee.clone(),
                        reason: reason.clone(),
                    });
                }
                _ => return Err(illegal()),
            },
            Command::Return { reason } => match &self.stage {
                Stage::Dispatched { .. }
                | Stage::Accepted { .. }
                | Stage::InProgress { .. }
                | Stage::OnHold { .. } => {
                    own_job(self.stage.assignee())?;
                    non_empty(id, step, "reason", reason)?;
                    changes.push(Change::Returned {
                        reason: reason.clone(),
                    });
                }
                _ => return Err(illegal()),
            },
            Command::Cancel { reason } => match &self.stage {
                Stage::Registered
                | Stage::Dispatched { .. }
                | Stage::Accepted { .. }
                | Stage::InProgress { .. }
                | Stage::OnHold { .. } => {
                    non_empty(id, step, "reason", reason)?;
                    changes.push(Change::Cancelled {
                        reason: reason.clone(),
                    });
                }
                _ => return Err(illegal()),
            },
            Command::CloseWithoutWork {
                reason,
                duplicate_of,
            } => match &self.stage {
                Stage::Registered | Stage::Dispatched { .. } => {
                    non_empty(id, step, "reason", reason)?;
                    if let Some(orig) = duplicate_of {
                        non_empty(id, step, "duplicate_of", orig)?;
                        if orig == id {
                            return Err(RequestError::InvalidField {
                                request: id.to_owned(),
                                step,
                                field: "duplicate_of",
                                reason: "a request cannot duplicate itself".into(),
                            });
                        }
                    }
                    changes.push(Change::ClosedWithoutWork {
                        reason: reason.clone(),
                        duplicate_of: duplicate_of.clone(),
                    });
                }
                _ => return Err(illegal()),
            },
        }
        Ok(changes
            .into_iter()
            .map(|change| Event {
                schema: EVENT_SCHEMA,
                request: id.to_owned(),
                at: now,
                actor: actor.clone(),
                change,
            })
            .collect())
    }

    /// Takes one step in place: decides the command, then applies its events. On error the
    /// request is untouched. Returns the events for the host's log.
    pub fn execute(
        &mut self,
        command: &Command,
        actor: &Actor,
        now: Instant,
        config: &DeskConfig,
    ) -> Result<Vec<Event>, RequestError> {
        let events = self.decide(command, actor, now, config)?;
        let mismatch = |m: EventMismatch| RequestError::IllegalStep {
            request: m.request,
            step: command.step(),
            stage: m.stage,
        };
        if let [only] = events.as_slice() {
            // `apply` checks before it changes anything, so one event needs no copy.
            self.apply(only).map_err(mismatch)?;
        } else {
            let mut next = self.clone();
            for e in &events {
                next.apply(e).map_err(mismatch)?;
            }
            *self = next;
        }
        Ok(events)
    }

    /// The pure transition `(state, command, actor, now) → (new state, events)`.
    pub fn transition(
        &self,
        command: &Command,
        actor: &Actor,
        now: Instant,
        config: &DeskConfig,
    ) -> Result<(ServiceRequest, Vec<Event>), RequestError> {
        let mut next = self.clone();
        let events = next.execute(command, actor, now, config)?;
        Ok((next, events))
    }

    /// Applies one event of this request's log (used by live steps and by replay). An event
    /// that does not fit the current stage is refused and nothing changes.
    pub fn apply(&mut self, event: &Event) -> Result<(), EventMismatch> {
        let mismatch = || EventMismatch {
            request: self.id().to_owned(),
            change: event.change.name(),
            stage: self.stage.name(),
        };
        let at = event.at;
        if matches!(event.change, Change::Escalated { .. }) {
            // Escalations are SLA facts; they change no stage and do not move the request's
            // time of last event (a tick may record them after later steps).
            return Ok(());
        }
        if at < self.last_event_at {
            return Err(mismatch());
        }
        let next = match (&event.change, &self.stage) {
            (
                Change::Dispatched {
                    department,
                    assignee,
                },
                Stage::Registered,
            ) => Stage::Dispatched {
                department: department.clone(),
                assignee: assignee.clone(),
            },
            (Change::Accepted { assignee }, Stage::Dispatched { department, .. }) => {
                Stage::Accepted {
                    department: department.clone(),
                    assignee: assignee.clone(),
                }
            }
            (
                Change::Arrived,
                Stage::Accepted {
                    department,
                    assignee,
                },
            ) => Stage::InProgress {
                department: department.clone(),
                assignee: assignee.clone(),
                arrived_at: at,
            },
            (
                Change::Held { reason },
                Stage::Accepted {
                    department,
                    assignee,
                },
            ) => Stage::OnHold {
                department: department.clone(),
                assignee: assignee.clone(),
                arrived_at: None,
                reason: reason.clone(),
                since: at,
            },
            (
                Change::Held { reason },
                Stage::InProgress {
                    department,
                    assignee,
                    arrived_at,
                },
            ) => Stage::OnHold {
                department: department.clone(),
                assignee: assignee.clone(),
                arrived_at: Some(*arrived_at),
                reason: reason.clone(),
                since: at,
            },
            (
                Change::Resumed,
                Stage::OnHold {
                    department,
                    assignee,
                    arrived_at,
                    ..
                },
            ) => match arrived_at {
                Some(arrived_at) => Stage::InProgress {
                    department: department.clone(),
                    assignee: assignee.clone(),
                    arrived_at: *arrived_at,
                },
                None => Stage::Accepted {
                    department: department.clone(),
                    assignee: assignee.clone(),
                },
            },
            (
                Change::Completed { .. },
                Stage::InProgress {
                    department,
                    assignee,
                    ..
                },
            ) => Stage::Completed {
                department: department.clone(),
                assignee: assignee.clone(),
            },
            (Change::Replied { .. }, Stage::Completed { department, .. }) => {
                if self.details.kind.closes_at_reply() {
                    Stage::Closed {
                        closure: Closure::Reply,
                    }
                } else {
                    Stage::Replied {
                        department: department.clone(),
                    }
                }
            }
            (Change::Replied { .. }, Stage::Registered) if self.details.kind.closes_at_reply() => {
                Stage::Closed {
                    closure: Closure::Reply,
                }
            }
            (
                Change::CallbackRated {
                    rating,
                    comment,
                    satisfied,
                    ..
                },
                Stage::Replied { .. },
            ) => {
                if *satisfied {
                    Stage::Closed {
                        closure: Closure::Satisfied {
                            rating: *rating,
                            comment: comment.clone(),
                        },
                    }
                } else {
                    // Stays replied until the `reopened` event that always follows.
                    self.stage.clone()
                }
            }
            (Change::Reopened { count }, Stage::Replied { .. }) => {
                self.reopen_count = *count;
                self.callback_attempts = 0;
                Stage::Registered
            }
            (Change::CallbackUnreachable { attempt }, Stage::Replied { .. }) => {
                self.callback_attempts = *attempt;
                self.stage.clone()
            }
            (Change::ClosedUnreachable { reason }, Stage::Replied { .. }) => Stage::Closed {
                closure: Closure::Unreachable {
                    reason: reason.clone(),
                },
            },
            (
                Change::Transferred {
                    department,
                    assignee,
                    ..
                },
                Stage::Dispatched { .. }
                | Stage::Accepted { .. }
                | Stage::InProgress { .. }
                | Stage::OnHold { .. },
            ) => {
                self.transfer_count = self.transfer_count.saturating_add(1);
                Stage::Dispatched {
                    department: department.clone(),
                    assignee: assignee.clone(),
                }
            }
            (
                Change::Returned { .. },
                Stage::Dispatched { .. }
                | Stage::Accepted { .. }
                | Stage::InProgress { .. }
                | Stage::OnHold { .. },
            ) => {
                self.return_count = self.return_count.saturating_add(1);
                Stage::Registered
            }
            (
                Change::Cancelled { reason },
                Stage::Registered
                | Stage::Dispatched { .. }
                | Stage::Accepted { .. }
                | Stage::InProgress { .. }
                | Stage::OnHold { .. },
            ) => Stage::Cancelled {
                reason: reason.clone(),
            },
            (
                Change::ClosedWithoutWork {
                    reason,
                    duplicate_of,
                },
                Stage::Registered | Stage::Dispatched { .. },
            ) => Stage::Closed {
                closure: Closure::WithoutWork {
                    reason: reason.clone(),
                    duplicate_of: duplicate_of.clone(),
                },
            },
            _ => return Err(mismatch()),
        };
        self.stage = next;
        self.last_event_at = at;
        Ok(())
    }
}

impl Change {
    /// Stable snake_case name of the event type.
    pub const fn name(&self) -> &'static str {
        match self {
            Change::Registered { .. } => "registered",
            Change::Dispatched { .. } => "dispatched",
            Change::Accepted { .. } => "accepted",
            Change::Arrived => "arrived",
            Change::Held { .. } => "held",
            Change::Resumed => "resumed",
            Change::Completed { .. } => "completed",
            Change::Replied { .. } => "replied",
            Change::CallbackRated { .. } => "callback_rated",
            Change::Reopened { .. } => "reopened",
            Change::CallbackUnreachable { .. } => "callback_unreachable",
            Change::ClosedUnreachable { .. } => "closed_unreachable",
            Change::Transferred { .. } => "transferred",
            Change::Returned { .. } => "returned",
            Change::Cancelled { .. } => "cancelled",
            Change::ClosedWithoutWork { .. } => "closed_without_work",
            Change::Escalated { .. } => "escalated",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every unit-only enum here reads back the names its `Serialize` writes.
    #[test]
    fn unit_enums_read_their_own_names() {
        crate::wire::assert_round_trip(ClockKind::ALL);
        crate::wire::assert_round_trip(RequestKind::ALL);
        crate::wire::assert_round_trip(Priority::ALL);
        crate::wire::assert_round_trip(Channel::ALL);
        crate::wire::assert_round_trip(ReporterKind::ALL);
        crate::wire::assert_round_trip(Step::ALL);
    }
}
