//! Helpers shared by the integration tests.
#![allow(dead_code)]

use chrono::DateTime;
use wuye_core::ticket::{
    Channel, Location, NewRequest, Priority, Reporter, ReporterKind, RequestKind,
};
use wuye_core::{Actor, Instant, Role};

/// Parses an RFC 3339 instant (test literal).
pub fn t(s: &str) -> Instant {
    DateTime::parse_from_rfc3339(s).unwrap()
}

pub fn agent() -> Actor {
    Actor::new(Role::Agent, "kf01")
}
pub fn dispatcher() -> Actor {
    Actor::new(Role::Dispatcher, "dd01")
}
pub fn worker(id: &str) -> Actor {
    Actor::new(Role::Worker, id)
}
pub fn supervisor() -> Actor {
    Actor::new(Role::Supervisor, "zg01")
}
pub fn owner() -> Actor {
    Actor::new(Role::Reporter, "owner-3-1-502")
}

pub fn new_request(id: &str, kind: RequestKind, priority: Priority) -> NewRequest {
    NewRequest {
        id: id.into(),
        kind,
        priority,
        channel: Channel::Phone,
        location: Location::Unit("3-1-502".into()),
        reporter: Reporter {
            kind: ReporterKind::Owner,
            name: Some("王女士".into()),
            phone: Some("13800000000".into()),
        },
        description: "厨房水龙头漏水".into(),
    }
}
