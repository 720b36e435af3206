//! Shared fixtures for the benchmarks: a busy estate's worth of service requests.

use chrono::{DateTime, Duration};
use wuye_core::ticket::{
    CallbackOutcome, Channel, Command, Location, NewRequest, Priority, Reporter, ReporterKind,
    RequestKind,
};
use wuye_core::{Actor, Desk, Instant, Role};

/// Parses a fixture instant.
pub fn t(s: &str) -> Instant {
    DateTime::parse_from_rfc3339(s).expect("valid RFC 3339 in bench fixture")
}

/// A new request with id `R{i}`, kind and priority varied by `i`.
pub fn new_request(i: usize) -> NewRequest {
    let kinds = [
        RequestKind::Repair,
        RequestKind::Repair,
        RequestKind::Matter,
        RequestKind::Complaint,
        RequestKind::Suggestion,
    ];
    let priorities = [
        Priority::Normal,
        Priority::Normal,
        Priority::High,
        Priority::Low,
        Priority::Emergency,
    ];
    NewRequest {
        id: format!("R{i:06}"),
        kind: kinds[i % kinds.len()],
        priority: priorities[(i / 5) % priorities.len()],
        channel: Channel::Phone,
        location: Location::Unit(format!("{}-{}-{}", i % 20 + 1, i % 3 + 1, 100 + i % 30)),
        reporter: Reporter {
            kind: ReporterKind::Owner,
            name: None,
            phone: None,
        },
        description: "卫生间漏水".into(),
    }
}

/// The steps of a full repair after registration, with the actor of each.
pub fn lifecycle() -> Vec<(Command, Actor)> {
    let w = Actor::new(Role::Worker, "w1");
    let agent = Actor::new(Role::Agent, "kf01");
    vec![
        (
            Command::Dispatch {
                department: "engineering".into(),
                assignee: Some("w1".into()),
            },
            Actor::new(Role::Dispatcher, "dd01"),
        ),
        (Command::Accept, w.clone()),
        (Command::Arrive, w.clone()),
        (Command::Complete { note: None }, w),
        (Command::Reply { note: None }, agent.clone()),
        (
            Command::Callback(CallbackOutcome::Rated {
                rating: 5,
                comment: None,
                aspects: Default::default(),
            }),
            agent,
        ),
    ]
}

/// A desk with `n` requests registered across March 2026 working hours, each advanced a
/// different number of lifecycle steps (so every stage and clock state occurs).
pub fn busy_desk(n: usize) -> Desk {
    let mut desk = Desk::standard();
    let agent = Actor::new(Role::Agent, "kf01");
    let steps = lifecycle();
    let base = t("2026-03-02T08:30:00+08:00");
    for i in 0..n {
        let at = base + Duration::minutes((i % 480) as i64) + Duration::days((i / 480 % 4) as i64);
        desk.register(new_request(i), &agent, at)
            .expect("fixture registers");
        for (k, (cmd, actor)) in steps.iter().take(i % 5).enumerate() {
            let now = at + Duration::minutes(10 * (k as i64 + 1));
            desk.execute(&format!("R{i:06}"), cmd, actor, now)
                .expect("fixture step");
        }
    }
    desk
}
