//! Helpers shared by the integration tests.
#![allow(dead_code)]

use proptest::prelude::*;
use wuye_core::desk::request::{
    CallbackOutcome, Channel, Command, HoldReason, Location, NewRequest, Priority, Reporter,
    ReporterKind, RequestKind,
};
use wuye_core::{Actor, Instant, Role};

/// Parses an RFC 3339 instant (test literal).
pub fn t(s: &str) -> Instant {
    Instant::parse(s).unwrap()
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

/// A command likely to be legal at some point of a request's life, with a plausible actor
/// (for property tests that drive a desk with random command sequences).
pub fn command_step() -> impl Strategy<Value = (Command, Actor)> {
    let w = || Actor::new(Role::Worker, "w1");
    prop_oneof![
        prop::sample::select(vec!["engineering", "cleaning"]).prop_map(move |d| (
            Command::Dispatch {
                department: d.into(),
                assignee: Some("w1".into())
            },
            dispatcher()
        )),
        Just((Command::Accept, w())),
        Just((Command::Arrive, w())),
        Just((
            Command::Hold {
                reason: HoldReason::WaitingForOwner
            },
            w()
        )),
        Just((
            Command::Hold {
                reason: HoldReason::WaitingForParts
            },
            w()
        )),
        Just((Command::Resume, w())),
        Just((Command::Complete { note: None }, w())),
        Just((Command::Reply { note: None }, agent())),
        (1u8..=5).prop_map(|rating| (
            Command::Callback(CallbackOutcome::Rated {
                rating,
                comment: None,
                aspects: Default::default()
            }),
            agent()
        )),
        Just((Command::Callback(CallbackOutcome::Unreachable), agent())),
        Just((
            Command::CloseUnreachable {
                reason: "未接通".into()
            },
            supervisor()
        )),
        Just((
            Command::Return {
                reason: "退".into()
            },
            w()
        )),
        Just((
            Command::Cancel {
                reason: "撤".into()
            },
            agent()
        )),
    ]
}

/// `v` as JSON text with the tag of every tagged object first, as the wire grammar wants
/// (docs/contract.md, Wire grammar) and as a client writes it: a `serde_json::Value` keeps an
/// object's keys sorted. The tags, outer before inner (`step` before `outcome`).
pub fn tag_first(v: &serde_json::Value) -> String {
    const TAGS: [&str; 8] = [
        "step", "outcome", "type", "kind", "stage", "by", "phase", "error",
    ];
    match v {
        serde_json::Value::Object(m) => {
            let tags = TAGS.iter().filter_map(|t| m.get_key_value(*t));
            let rest = m.iter().filter(|(k, _)| !TAGS.contains(&k.as_str()));
            let members: Vec<String> = tags
                .chain(rest)
                .map(|(k, v)| format!("{}:{}", serde_json::Value::from(k.as_str()), tag_first(v)))
                .collect();
            format!("{{{}}}", members.join(","))
        }
        serde_json::Value::Array(a) => {
            let items: Vec<String> = a.iter().map(tag_first).collect();
            format!("[{}]", items.join(","))
        }
        other => other.to_string(),
    }
}
