//! Property tests of the desk: SLA clocks and escalations under random command sequences.

mod common;
use common::*;
use proptest::prelude::*;
use wuye_core::desk::request::ClockKind;
use wuye_core::desk::request::{Change, Command, Priority, RequestKind};
use wuye_core::desk::sla::ClockState;
use wuye_core::{Actor, BusinessCalendar, Desk, DeskConfig, Event, Instant, SlaPolicy};

/// Random steps with gaps of up to 20 hours (so holidays, nights and weekends are crossed),
/// and a tick after some of them.
fn script() -> impl Strategy<Value = Vec<((Command, Actor), i64, bool)>> {
    proptest::collection::vec((command_step(), 0i64..72_000, any::<bool>()), 0..40)
}

fn priority() -> impl Strategy<Value = Priority> {
    proptest::sample::select(Priority::ALL.to_vec())
}

/// Business (or wall) seconds the `complete` clock of the last cycle has run by `as_of`,
/// worked out from the log alone: it runs from registration or reopen until completion,
/// cancellation or end, and not between `held` and `resumed`.
fn expected_complete_elapsed(
    log: &[Event],
    cal: &BusinessCalendar,
    wall: bool,
    as_of: Instant,
) -> i64 {
    let span = |a: Instant, b: Instant| {
        if wall {
            (b - a).num_seconds()
        } else {
            cal.between(a, b).unwrap()
        }
    };
    let mut total = 0;
    let mut running_since: Option<Instant> = None;
    for e in log {
        match &e.change {
            Change::Registered { .. } | Change::Reopened { .. } => {
                total = 0;
                running_since = Some(e.at);
            }
            Change::Held { .. } | Change::Completed { .. } | Change::Cancelled { .. } => {
                if let Some(s) = running_since.take() {
                    total += span(s, e.at);
                }
            }
            Change::Resumed => running_since = Some(e.at),
            _ => {}
        }
    }
    if let Some(s) = running_since {
        total += span(s, as_of);
    }
    total
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn replay_equals_live_and_clocks_exclude_paused_time(
        p in priority(),
        script in script(),
        start_min in 0i64..(60 * 24 * 200),
    ) {
        let cal = BusinessCalendar::china_mainland();
        let mut desk = Desk::standard();
        // Start somewhere in 2025 (so 20-hour gaps stay inside the calendar's years).
        let start = t("2025-01-02T00:00:00+08:00") + chrono::Duration::minutes(start_min);
        let mut log = desk.register(new_request("R1", RequestKind::Repair, p), &agent(), start).unwrap();
        let mut now = start;
        let mut ticked = std::collections::HashSet::new();
        for ((cmd, actor), gap, tick) in script {
            now += chrono::Duration::seconds(gap);
            let before = desk.clone();
            match desk.execute("R1", &cmd, &actor, now) {
                Ok(events) => log.extend(events),
                Err(_) => prop_assert_eq!(&desk, &before),
            }
            if tick {
                for e in desk.tick(now) {
                    // Each escalation exactly once.
                    if let Change::Escalated { cycle, clock, percent, due_at, .. } = &e.change {
                        prop_assert!(*due_at <= now);
                        prop_assert!(ticked.insert((*cycle, *clock, *percent)), "escalated twice");
                    }
                    log.push(e);
                }
            }
        }
        // Replay through JSON Lines gives the live desk, SLA clocks and fired escalations included.
        let text = wuye_core::desk::log::to_jsonl(&log);
        let parsed: Vec<Event> = wuye_core::desk::log::parse_jsonl(&text).unwrap().into_iter().map(|(_, e)| e).collect();
        let replayed = Desk::replay(DeskConfig::default(), SlaPolicy::standard(), cal.clone(), &parsed).unwrap();
        prop_assert_eq!(&replayed, &desk);

        // The complete clock's elapsed time equals the independent sum over its running
        // intervals (paused time excluded) and never exceeds wall time since the cycle began.
        let as_of = now + chrono::Duration::hours(3);
        let status = desk.sla_status("R1", as_of).unwrap();
        let cycle = status.cycles.last().unwrap();
        let complete = cycle.clocks.iter().find(|c| c.clock == ClockKind::Complete).unwrap();
        let wall = p == Priority::Emergency;
        prop_assert_eq!(complete.elapsed_seconds, expected_complete_elapsed(&log, &cal, wall, as_of));
        prop_assert!(complete.elapsed_seconds <= (as_of - cycle.started_at).num_seconds());
        for c in &cycle.clocks {
            prop_assert!(c.elapsed_seconds >= 0);
            match c.state {
                ClockState::Breached => prop_assert!(c.elapsed_seconds > c.target_seconds),
                ClockState::NotStarted => prop_assert_eq!(c.elapsed_seconds, 0),
                _ => prop_assert!(c.elapsed_seconds <= c.target_seconds),
            }
        }
        // The pure function of the events gives the same status as the live desk.
        let pure = wuye_core::desk::sla::status_from_events(&parsed, &SlaPolicy::standard(), &cal, as_of).unwrap();
        prop_assert_eq!(pure, status);
    }
}
