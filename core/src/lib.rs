//! # wuye-core
//!
//! The rules of property-management customer service 物业客户服务, as a deterministic
//! library: service requests 报事报修 / 投诉 as explicit state machines, SLA clocks 服务时效
//! on a Chinese business calendar 工作日历 with public holidays and make-up working days 调休,
//! escalation 升级, and event logs that replay to the live state; and fees 收费 — schedules,
//! bills with traces, payments, late fees and arrears — in exact money.
//!
//! Nothing here reads a clock, does I/O or uses floating point: the host passes `now`,
//! stores the (serde) state and the events, and gets byte-identical results everywhere.
//!
//! Find a rule by its domain name:
//! - [`ticket`]: the service request 工单 — kinds, stages, commands, events, role table.
//! - [`sla`]: SLA targets, clocks, status and escalation thresholds.
//! - [`calendar`]: working windows, holidays and 调休; business-time arithmetic.
//! - [`desk`]: the engine holding every request with its clocks; `tick` for escalations.
//! - [`role`], [`config`], [`log`] (JSON Lines event logs).
//! - [`money`]: integer fen, exact decimals, named rounding rules, largest-remainder split.
//! - [`fee`]: fee schedules, periods, units, meters, parking, bills, accounts, late fees,
//!   arrears.
//! - [`survey`]: satisfaction and service quality — 满意率, SERVQUAL gaps, CSAT, NPS, indexes,
//!   KPIs, callback sampling — in exact fixed-point figures.
//! - [`contract`]: the versioned JSON contract every binding speaks.

/// Crate version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub mod calendar;
pub mod config;
pub mod contract;
pub mod desk;
pub mod fee;
pub mod log;
pub mod money;
pub mod role;
pub mod sla;
pub mod survey;
pub mod ticket;
pub mod time;
mod wire;

pub use calendar::{BusinessCalendar, CalendarError};
pub use config::{Department, DeskConfig};
pub use desk::{Desk, DeskError};
pub use role::{Actor, Role};
pub use sla::{ClockKind, ClockState, SlaPolicy, SlaStatus};
pub use ticket::{Command, Event, NewRequest, RequestKind, ServiceRequest, Stage};
pub use time::Instant;
