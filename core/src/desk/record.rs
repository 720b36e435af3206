//! The service record 服务记录 of a request: the facts of its event log that the satisfaction
//! and KPI figures need and that its current stage forgets — when each handling cycle was
//! dispatched, accepted and completed, and every callback round 回访轮次 with its attempts
//! and ratings, attributed to the department 部门 and worker 处理人 that did the work.
//!
//! The desk folds it from each event as it folds the SLA clocks ([`ServiceRecord::observe`]),
//! so a live desk, a desk restored from `engine.export` and a desk rebuilt by replaying the
//! log hold the same record. A state saved before records existed loads with empty records:
//! its requests then count in no satisfaction or KPI figure until their logs are replayed.

use crate::desk::request::{Change, Event, RequestKind};
use crate::time::Instant;
use serde::{Deserialize, Serialize};

/// One handling cycle 处理轮次: the first from registration, one more per reopen 重开.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CycleRecord {
    /// Registration or reopen.
    pub started_at: Instant,
    /// The cycle's first dispatch 派单.
    #[serde(default)]
    pub dispatched_at: Option<Instant>,
    /// The cycle's first acceptance 接单.
    #[serde(default)]
    pub accepted_at: Option<Instant>,
    /// Completion 完工.
    #[serde(default)]
    pub completed_at: Option<Instant>,
}

/// One callback attempt 回访: a rating, or the reporter could not be reached 联系不上.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CallbackAttempt {
    /// When.
    pub at: Instant,
    /// The rating 1–5; `None` when unreachable.
    pub rating: Option<u8>,
}

/// A callback round 回访轮次: opened by the reply 回复 to a request of a kind that needs a
/// callback, ended by a rating (satisfied: closed; not: reopened) or by closing unreachable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CallbackRound {
    /// The reply that made a callback due.
    pub replied_at: Instant,
    /// The department 部门 that did the work.
    pub department: Option<String>,
    /// The worker 处理人 who completed it.
    pub worker: Option<String>,
    /// Every attempt, in order; only the last may carry a rating.
    pub attempts: Vec<CallbackAttempt>,
    /// When the round was closed unreachable 联系不上关闭, if it was.
    #[serde(default)]
    pub closed_unreachable_at: Option<Instant>,
}

impl CallbackRound {
    /// The rating 评分 that ended the round and when, if one did.
    pub fn rated(&self) -> Option<(Instant, u8)> {
        self.attempts
            .iter()
            .find_map(|a| a.rating.map(|r| (a.at, r)))
    }
}

/// The service record 服务记录 of one request (see the module documentation).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ServiceRecord {
    /// Handling cycles, oldest first.
    pub cycles: Vec<CycleRecord>,
    /// Callback rounds, oldest first.
    pub rounds: Vec<CallbackRound>,
    /// Department handling it now (or last, before a reply).
    pub department: Option<String>,
    /// Worker handling it now (or last, before a reply).
    pub worker: Option<String>,
}

impl ServiceRecord {
    /// Folds one event of a request of this kind into the service record 服务记录. Feed it every event the
    /// request accepted, in order (the desk does); other events would make a record that
    /// does not match the log.
    pub fn observe(&mut self, event: &Event, kind: RequestKind) {
        let at = event.at;
        match &event.change {
            Change::Registered { .. } | Change::Reopened { .. } => {
                self.cycles.push(CycleRecord {
                    started_at: at,
                    dispatched_at: None,
                    accepted_at: None,
                    completed_at: None,
                });
                self.department = None;
                self.worker = None;
            }
            Change::Dispatched {
                department,
                assignee,
            } => {
                if let Some(c) = self.cycles.last_mut() {
                    c.dispatched_at.get_or_insert(at);
                }
                self.department = Some(department.clone());
                self.worker = assignee.clone();
            }
            Change::Transferred {
                department,
                assignee,
                ..
            } => {
                self.department = Some(department.clone());
                self.worker = assignee.clone();
            }
            Change::Accepted { assignee } => {
                if let Some(c) = self.cycles.last_mut() {
                    c.accepted_at.get_or_insert(at);
                }
                self.worker = Some(assignee.clone());
            }
            Change::Returned { .. } => {
                self.department = None;
                self.worker = None;
            }
            Change::Completed { .. } => {
                if let Some(c) = self.cycles.last_mut() {
                    c.completed_at.get_or_insert(at);
                }
            }
            Change::Replied { .. } if !kind.closes_at_reply() => {
                self.rounds.push(CallbackRound {
                    replied_at: at,
                    department: self.department.clone(),
                    worker: self.worker.clone(),
                    attempts: Vec::new(),
                    closed_unreachable_at: None,
                });
            }
            Change::CallbackRated { rating, .. } => {
                if let Some(r) = self.rounds.last_mut() {
                    r.attempts.push(CallbackAttempt {
                        at,
                        rating: Some(*rating),
                    });
                }
            }
            Change::CallbackUnreachable { .. } => {
                if let Some(r) = self.rounds.last_mut() {
                    r.attempts.push(CallbackAttempt { at, rating: None });
                }
            }
            Change::ClosedUnreachable { .. } => {
                if let Some(r) = self.rounds.last_mut() {
                    r.closed_unreachable_at = Some(at);
                }
            }
            Change::Replied { .. }
            | Change::Arrived
            | Change::Held { .. }
            | Change::Resumed
            | Change::Cancelled { .. }
            | Change::ClosedWithoutWork { .. }
            | Change::Escalated { .. } => {}
        }
    }
}
