//! Property tests of the workflow: random command sequences by random actors at random
//! (mostly increasing) times.

mod common;
use common::*;
use proptest::prelude::*;
use wuye_core::desk::request::{
    CallbackOutcome, Command, HoldReason, Priority, RequestKind, ServiceRequest,
};
use wuye_core::{Actor, DeskConfig, Role};

fn role() -> impl Strategy<Value = Role> {
    prop_oneof![
        Just(Role::Reporter),
        Just(Role::Agent),
        Just(Role::Dispatcher),
        Just(Role::Worker),
        Just(Role::Supervisor),
        Just(Role::ProjectManager),
        Just(Role::System),
    ]
}

fn dept() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("engineering"),
        Just("cleaning"),
        Just("security"),
        Just("nowhere")
    ]
    .prop_map(String::from)
}

fn who() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        Just(Some("w1".to_string())),
        Just(Some("w2".to_string()))
    ]
}

fn command() -> impl Strategy<Value = Command> {
    prop_oneof![
        (dept(), who()).prop_map(|(department, assignee)| Command::Dispatch {
            department,
            assignee
        }),
        Just(Command::Accept),
        Just(Command::Arrive),
        prop_oneof![
            Just(HoldReason::WaitingForParts),
            Just(HoldReason::WaitingForOwner)
        ]
        .prop_map(|reason| Command::Hold { reason }),
        Just(Command::Resume),
        Just(Command::Complete { note: None }),
        Just(Command::Reply { note: None }),
        (0u8..8).prop_map(|rating| Command::Callback(CallbackOutcome::Rated {
            rating,
            comment: None,
            aspects: Default::default()
        })),
        Just(Command::Callback(CallbackOutcome::Unreachable)),
        Just(Command::CloseUnreachable {
            reason: "联系不上".into()
        }),
        (dept(), who()).prop_map(|(department, assignee)| Command::Transfer {
            department,
            assignee,
            reason: "转工程".into()
        }),
        Just(Command::Return {
            reason: "退单".into()
        }),
        Just(Command::Cancel {
            reason: "撤销".into()
        }),
        Just(Command::CloseWithoutWork {
            reason: "重复".into(),
            duplicate_of: None
        }),
    ]
}

fn kind() -> impl Strategy<Value = RequestKind> {
    proptest::sample::select(RequestKind::ALL.to_vec())
}

/// Steps: (command, actor role, actor id, seconds after the previous step; negative = earlier).
fn steps() -> impl Strategy<Value = Vec<(Command, Role, Option<String>, i64)>> {
    proptest::collection::vec((command(), role(), who(), -600i64..7200), 0..60)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn random_sequences_keep_every_invariant(kind in kind(), steps in steps()) {
        let cfg = DeskConfig::default();
        let start = t("2026-03-02T09:00:00+08:00");
        let (mut live, mut log) =
            ServiceRequest::register(new_request("R1", kind, Priority::Normal), &agent(), start).unwrap();
        let mut now = start;
        for (cmd, role, id, dt) in steps {
            now += chrono::Duration::seconds(dt);
            let actor = Actor::new(role, id.unwrap_or_else(|| "x".into()));
            let before = live.clone();
            match live.execute(&cmd, &actor, now, &cfg) {
                Ok(events) => {
                    // Nothing leaves a terminal stage.
                    prop_assert!(!before.stage.is_terminal(), "{cmd:?} left {}", before.stage.name());
                    prop_assert!(!events.is_empty());
                    // Each transition's events, applied to the old state, give the new state.
                    let mut again = before.clone();
                    for e in &events { again.apply(e).unwrap(); }
                    prop_assert_eq!(&again, &live);
                    // The reopen count only grows through an unsatisfied callback.
                    if live.reopen_count != before.reopen_count {
                        prop_assert!(matches!(cmd, Command::Callback(_)));
                        prop_assert_eq!(live.reopen_count, before.reopen_count + 1);
                    }
                    log.extend(events);
                }
                Err(_) => prop_assert_eq!(&live, &before, "a refused command changed the state"),
            }
        }
        // The log, through JSON, replays to exactly the live state.
        let text = wuye_core::desk::log::to_jsonl(&log);
        let parsed = wuye_core::desk::log::parse_jsonl(&text).unwrap();
        let mut replayed = ServiceRequest::from_registration(&parsed[0].1).unwrap();
        for (_, e) in &parsed[1..] { replayed.apply(e).unwrap(); }
        prop_assert_eq!(replayed, live);
    }
}
