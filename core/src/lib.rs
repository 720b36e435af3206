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
//! - [`desk`]: the customer-service desk 客户服务中心 — the engine holding every request with
//!   its clocks (`tick` for escalations), and its rules: [`desk::request`] (the service
//!   request 工单 — kinds, stages, commands, events, role table), [`desk::sla`] (SLA targets,
//!   clocks, status and escalation thresholds), [`desk::role`], [`desk::config`],
//!   [`desk::log`] (JSON Lines event logs), [`desk::record`] (the service record 服务记录 of
//!   each request).
//! - [`calendar`]: working windows, holidays and 调休; business-time arithmetic.
//! - [`time`]: the [`Instant`] type and how instants and dates are written on the wire.
//! - [`money`]: integer fen, exact decimals, named rounding rules, largest-remainder split.
//! - [`num`]: exact figures beyond money — fixed-point figures, fractions, integer roots.
//! - [`fee`]: fee schedules, periods, units, meters, parking, bills, accounts, late fees,
//!   arrears.
//! - [`survey`]: satisfaction and service quality scores 满意度 — SERVQUAL gaps, CSAT, NPS,
//!   indexes, customer value — pure functions of survey answers, in exact fixed-point figures.
//! - [`report`]: figures over the desk's requests — 回访满意率, service KPIs 服务指标, callback
//!   sampling 回访抽样 — over a reporting period 统计期间.
//! - [`contract`]: the versioned JSON contract every binding speaks (its JSON Schema:
//!   `contract::schema`, with the cargo feature `schema`).

/// Crate version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub mod calendar;
pub mod contract;
pub mod desk;
pub mod fee;
pub mod money;
pub mod num;
pub mod report;
pub mod survey;
pub mod time;
mod wire;

pub use calendar::{BusinessCalendar, CalendarError};
pub use desk::config::{Department, DeskConfig};
pub use desk::request::{
    ClockKind, Command, Event, NewRequest, RequestKind, ServiceRequest, Stage,
};
pub use desk::role::{Actor, Role};
pub use desk::sla::{ClockState, SlaPolicy, SlaStatus};
pub use desk::{Desk, DeskError};
pub use time::Instant;
