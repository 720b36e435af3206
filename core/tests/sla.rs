//! SLA clocks on the built-in China calendar (Mon–Fri 08:30–12:00 and 13:30–17:30, +08:00).
//! Every expected figure is worked out by hand in the comment beside it.

mod common;
use common::*;
use wuye_core::desk::request::ClockKind;
use wuye_core::desk::request::{
    CallbackOutcome, Change, Command, HoldReason, Priority, RequestKind,
};
use wuye_core::desk::sla::{ClockState, ClockStatus, SlaError, SlaStatus};
use wuye_core::{CalendarError, Desk, DeskError};

fn clock(s: &SlaStatus, cycle: usize, k: ClockKind) -> ClockStatus {
    s.cycles[cycle]
        .clocks
        .iter()
        .find(|c| c.clock == k)
        .cloned()
        .unwrap()
}

fn desk_with(id: &str, kind: RequestKind, p: Priority, at: &str) -> Desk {
    let mut d = Desk::standard();
    d.register(new_request(id, kind, p), &agent(), t(at))
        .unwrap();
    d
}

fn dispatch(who: Option<&str>) -> Command {
    Command::Dispatch {
        department: "engineering".into(),
        assignee: who.map(Into::into),
    }
}

#[test]
fn deadline_pushed_past_national_day() {
    // Normal repair registered Wed 2026-09-30 16:00. Complete target 16 business hours:
    // Sep 30 16:00–17:30 = 1.5 h; Oct 1–7 holiday; Oct 8 (Thu) 3.5 + 4 = 7.5 h → 9 h;
    // Oct 9 (Fri) 08:30–12:00 3.5 h → 12.5 h, 13:30–17:00 3.5 h → 16 h. Deadline Oct 9 17:00.
    let d = desk_with(
        "R1",
        RequestKind::Repair,
        Priority::Normal,
        "2026-09-30T16:00:00+08:00",
    );
    let s = d.sla_status("R1", t("2026-09-30T17:00:00+08:00")).unwrap();
    let complete = clock(&s, 0, ClockKind::Complete);
    assert_eq!(complete.deadline, Some(t("2026-10-09T17:00:00+08:00")));
    assert_eq!(complete.state, ClockState::Running);
    assert_eq!(complete.elapsed_seconds, 3600);
    assert_eq!(complete.remaining_seconds, Some(15 * 3600));
    // Arrive target 2 h: 1.5 h on Sep 30, 0.5 h on Oct 8 → 09:00.
    assert_eq!(
        clock(&s, 0, ClockKind::Arrive).deadline,
        Some(t("2026-10-08T09:00:00+08:00"))
    );
    // Dispatch target 30 min → 16:30, already breached at 17:00 by 30 min.
    let dispatch = clock(&s, 0, ClockKind::Dispatch);
    assert_eq!(dispatch.deadline, Some(t("2026-09-30T16:30:00+08:00")));
    assert_eq!(dispatch.state, ClockState::Breached);
    assert_eq!(dispatch.overdue_seconds, Some(1800));
    // The accept clock has not started: nothing was dispatched.
    assert_eq!(
        clock(&s, 0, ClockKind::Accept).state,
        ClockState::NotStarted
    );
    // During the holiday no business time passes: as of Oct 5 noon, 1.5 h elapsed.
    let s = d.sla_status("R1", t("2026-10-05T12:00:00+08:00")).unwrap();
    assert_eq!(clock(&s, 0, ClockKind::Complete).elapsed_seconds, 5400);
}

#[test]
fn emergencies_run_around_the_clock_even_on_holidays() {
    // Emergency at 02:00 on National Day: arrive target 30 wall minutes → 02:30.
    let d = desk_with(
        "E1",
        RequestKind::Repair,
        Priority::Emergency,
        "2026-10-01T02:00:00+08:00",
    );
    let s = d.sla_status("E1", t("2026-10-01T02:20:00+08:00")).unwrap();
    let arrive = clock(&s, 0, ClockKind::Arrive);
    assert_eq!(arrive.deadline, Some(t("2026-10-01T02:30:00+08:00")));
    assert_eq!(arrive.elapsed_seconds, 1200);
    assert_eq!(arrive.remaining_seconds, Some(600));
    // Complete target 4 h → 06:00.
    assert_eq!(
        clock(&s, 0, ClockKind::Complete).deadline,
        Some(t("2026-10-01T06:00:00+08:00"))
    );
}

#[test]
fn hold_pauses_and_resume_moves_the_deadline() {
    // High repair, Mon 2026-03-02. Complete target 8 business hours from 09:00.
    let mut d = desk_with(
        "R2",
        RequestKind::Repair,
        Priority::High,
        "2026-03-02T09:00:00+08:00",
    );
    d.execute(
        "R2",
        &dispatch(Some("w1")),
        &dispatcher(),
        t("2026-03-02T09:05:00+08:00"),
    )
    .unwrap();
    d.execute(
        "R2",
        &Command::Accept,
        &worker("w1"),
        t("2026-03-02T09:10:00+08:00"),
    )
    .unwrap();
    d.execute(
        "R2",
        &Command::Arrive,
        &worker("w1"),
        t("2026-03-02T09:30:00+08:00"),
    )
    .unwrap();
    // Before the hold the deadline is 8 h from 09:00: 3 h to 12:00, 4 h to 17:30 → 7 h,
    // 1 h more on Tue 03-03 → 09:30.
    let s = d.sla_status("R2", t("2026-03-02T09:30:00+08:00")).unwrap();
    assert_eq!(
        clock(&s, 0, ClockKind::Complete).deadline,
        Some(t("2026-03-03T09:30:00+08:00"))
    );
    d.execute(
        "R2",
        &Command::Hold {
            reason: HoldReason::WaitingForParts,
        },
        &worker("w1"),
        t("2026-03-02T10:00:00+08:00"),
    )
    .unwrap();
    // Paused after 1 h; still 1 h as of 15:00.
    let s = d.sla_status("R2", t("2026-03-02T15:00:00+08:00")).unwrap();
    let c = clock(&s, 0, ClockKind::Complete);
    assert_eq!(
        (c.state, c.elapsed_seconds, c.deadline),
        (ClockState::Paused, 3600, None)
    );
    // Resume Tue 09:00 with 7 h left: 09:00–12:00 3 h, 13:30–17:30 4 h → deadline 17:30.
    d.execute(
        "R2",
        &Command::Resume,
        &worker("w1"),
        t("2026-03-03T09:00:00+08:00"),
    )
    .unwrap();
    let s = d.sla_status("R2", t("2026-03-03T10:00:00+08:00")).unwrap();
    let c = clock(&s, 0, ClockKind::Complete);
    assert_eq!(c.deadline, Some(t("2026-03-03T17:30:00+08:00")));
    assert_eq!(c.elapsed_seconds, 7200);
    // Arrival was before the hold: the arrive clock stopped at 30 min, met (target 1 h).
    let a = clock(&s, 0, ClockKind::Arrive);
    assert_eq!((a.state, a.elapsed_seconds), (ClockState::Met, 1800));
}

#[test]
fn breach_escalates_once_per_threshold() {
    // High repair registered 08:55; dispatched 09:00 (dispatch clock met at 5 min).
    // Accept target 15 min from 09:00: 80% = 12 min → 09:12 (supervisor); 100% → 09:15 (PM).
    let mut d = desk_with(
        "R3",
        RequestKind::Repair,
        Priority::High,
        "2026-03-02T08:55:00+08:00",
    );
    d.execute(
        "R3",
        &dispatch(Some("w1")),
        &dispatcher(),
        t("2026-03-02T09:00:00+08:00"),
    )
    .unwrap();
    assert!(d.tick(t("2026-03-02T09:10:00+08:00")).is_empty());
    let first = d.tick(t("2026-03-02T09:13:00+08:00"));
    assert_eq!(first.len(), 1);
    assert_eq!(
        first[0].change,
        Change::Escalated {
            cycle: 0,
            clock: ClockKind::Accept,
            percent: 80,
            notify: wuye_core::Role::Supervisor,
            due_at: t("2026-03-02T09:12:00+08:00"),
        }
    );
    assert!(
        d.tick(t("2026-03-02T09:13:00+08:00")).is_empty(),
        "fired twice"
    );
    let second = d.tick(t("2026-03-02T09:20:00+08:00"));
    assert_eq!(second.len(), 1);
    assert!(matches!(
        second[0].change,
        Change::Escalated {
            percent: 100,
            notify: wuye_core::Role::ProjectManager,
            ..
        }
    ));
    d.execute(
        "R3",
        &Command::Accept,
        &worker("w1"),
        t("2026-03-02T09:25:00+08:00"),
    )
    .unwrap();
    let s = d.sla_status("R3", t("2026-03-02T09:25:00+08:00")).unwrap();
    let a = clock(&s, 0, ClockKind::Accept);
    assert_eq!(
        (a.state, a.overdue_seconds),
        (ClockState::Breached, Some(600))
    );
    assert_eq!(a.stopped_at, Some(t("2026-03-02T09:25:00+08:00")));
    assert_eq!(clock(&s, 0, ClockKind::Dispatch).state, ClockState::Met);
    assert!(s.breached());
    // Nothing more is due for the accept clock, however late the next tick.
    let later = d.tick(t("2026-03-02T09:40:00+08:00"));
    assert!(later.iter().all(|e| !matches!(
        e.change,
        Change::Escalated {
            clock: ClockKind::Accept,
            ..
        }
    )));
}

#[test]
fn a_late_stop_between_ticks_still_escalates_once() {
    // Accept clock from 09:00 (15 min); accepted late at 09:30 with no tick in between.
    let mut d = desk_with(
        "R4",
        RequestKind::Repair,
        Priority::High,
        "2026-03-02T08:59:00+08:00",
    );
    d.execute(
        "R4",
        &dispatch(None),
        &dispatcher(),
        t("2026-03-02T09:00:00+08:00"),
    )
    .unwrap();
    d.execute(
        "R4",
        &Command::Accept,
        &worker("w1"),
        t("2026-03-02T09:30:00+08:00"),
    )
    .unwrap();
    let ev = d.tick(t("2026-03-02T09:31:00+08:00"));
    let accept: Vec<_> = ev
        .iter()
        .filter_map(|e| match e.change {
            Change::Escalated {
                clock: ClockKind::Accept,
                percent,
                due_at,
                ..
            } => Some((percent, due_at)),
            _ => None,
        })
        .collect();
    assert_eq!(
        accept,
        vec![
            (80, t("2026-03-02T09:12:00+08:00")),
            (100, t("2026-03-02T09:15:00+08:00"))
        ]
    );
    assert!(d
        .tick(t("2026-03-02T09:32:00+08:00"))
        .iter()
        .all(|e| !matches!(
            e.change,
            Change::Escalated {
                clock: ClockKind::Accept,
                ..
            }
        )));
}

#[test]
fn stopping_exactly_at_the_deadline_is_met_and_does_not_escalate_at_100() {
    let mut d = desk_with(
        "R5",
        RequestKind::Repair,
        Priority::High,
        "2026-03-02T08:59:00+08:00",
    );
    d.execute(
        "R5",
        &dispatch(None),
        &dispatcher(),
        t("2026-03-02T09:00:00+08:00"),
    )
    .unwrap();
    d.execute(
        "R5",
        &Command::Accept,
        &worker("w1"),
        t("2026-03-02T09:15:00+08:00"),
    )
    .unwrap();
    let s = d.sla_status("R5", t("2026-03-02T09:15:00+08:00")).unwrap();
    let a = clock(&s, 0, ClockKind::Accept);
    assert_eq!(
        (a.state, a.elapsed_seconds, a.remaining_seconds),
        (ClockState::Met, 900, Some(0))
    );
    let ev = d.tick(t("2026-03-02T09:16:00+08:00"));
    let pcts: Vec<u32> = ev
        .iter()
        .filter_map(|e| match e.change {
            Change::Escalated {
                clock: ClockKind::Accept,
                percent,
                ..
            } => Some(percent),
            _ => None,
        })
        .collect();
    assert_eq!(pcts, vec![80]);
}

#[test]
fn reopen_starts_a_new_cycle_and_keeps_the_old_one() {
    let mut d = desk_with(
        "R6",
        RequestKind::Repair,
        Priority::Normal,
        "2026-03-02T09:00:00+08:00",
    );
    let w = worker("w1");
    d.execute(
        "R6",
        &dispatch(Some("w1")),
        &dispatcher(),
        t("2026-03-02T09:10:00+08:00"),
    )
    .unwrap();
    d.execute("R6", &Command::Accept, &w, t("2026-03-02T09:20:00+08:00"))
        .unwrap();
    d.execute("R6", &Command::Arrive, &w, t("2026-03-02T10:00:00+08:00"))
        .unwrap();
    d.execute(
        "R6",
        &Command::Complete { note: None },
        &w,
        t("2026-03-02T11:00:00+08:00"),
    )
    .unwrap();
    d.execute(
        "R6",
        &Command::Reply { note: None },
        &agent(),
        t("2026-03-02T14:00:00+08:00"),
    )
    .unwrap();
    let unhappy = Command::Callback(CallbackOutcome::Rated {
        rating: 2,
        comment: None,
        aspects: Default::default(),
    });
    d.execute("R6", &unhappy, &agent(), t("2026-03-03T09:00:00+08:00"))
        .unwrap();
    let s = d.sla_status("R6", t("2026-03-03T09:30:00+08:00")).unwrap();
    assert_eq!(s.cycles.len(), 2);
    // Cycle 0: every clock stopped. Reply: completed 11:00 → replied 14:00 = 1 h (11–12) +
    // 0.5 h (13:30–14:00) = 5400 s of a 4 h target. Callback: 14:00 → next day 09:00 =
    // 3.5 h + 0.5 h = 4 h = 14400 s of 16 h.
    let reply = clock(&s, 0, ClockKind::Reply);
    assert_eq!(
        (reply.state, reply.elapsed_seconds),
        (ClockState::Met, 5400)
    );
    let cb = clock(&s, 0, ClockKind::Callback);
    assert_eq!((cb.state, cb.elapsed_seconds), (ClockState::Met, 14400));
    assert!(s.cycles[0]
        .clocks
        .iter()
        .all(|c| c.state == ClockState::Met));
    // Cycle 1 starts at the reopen with the dispatch clock running: 30 min elapsed.
    assert_eq!(s.cycles[1].started_at, t("2026-03-03T09:00:00+08:00"));
    let dsp = clock(&s, 1, ClockKind::Dispatch);
    assert_eq!(
        (dsp.state, dsp.elapsed_seconds),
        (ClockState::Running, 1800)
    );
    assert_eq!(clock(&s, 1, ClockKind::Reply).state, ClockState::NotStarted);
}

#[test]
fn inquiry_has_only_a_reply_clock_and_cancel_voids_running_clocks() {
    // Inquiry: reply target 2 business hours from registration.
    let mut d = desk_with(
        "Q1",
        RequestKind::Inquiry,
        Priority::Normal,
        "2026-03-02T11:00:00+08:00",
    );
    let s = d.sla_status("Q1", t("2026-03-02T11:00:00+08:00")).unwrap();
    assert_eq!(s.cycles[0].clocks.len(), 1);
    // 11:00–12:00 1 h, 13:30–14:30 1 h → 14:30.
    assert_eq!(
        clock(&s, 0, ClockKind::Reply).deadline,
        Some(t("2026-03-02T14:30:00+08:00"))
    );
    d.execute(
        "Q1",
        &Command::Reply { note: None },
        &agent(),
        t("2026-03-02T14:00:00+08:00"),
    )
    .unwrap();
    let s = d.sla_status("Q1", t("2026-03-02T15:00:00+08:00")).unwrap();
    assert_eq!(clock(&s, 0, ClockKind::Reply).state, ClockState::Met);

    let mut d = desk_with(
        "C1",
        RequestKind::Matter,
        Priority::Normal,
        "2026-03-02T09:00:00+08:00",
    );
    d.execute(
        "C1",
        &Command::Cancel {
            reason: "业主撤回".into(),
        },
        &owner(),
        t("2026-03-02T09:10:00+08:00"),
    )
    .unwrap();
    let s = d.sla_status("C1", t("2026-03-02T12:00:00+08:00")).unwrap();
    let c = clock(&s, 0, ClockKind::Complete);
    assert_eq!(
        (c.state, c.elapsed_seconds, c.remaining_seconds),
        (ClockState::Voided, 600, None)
    );
    // A clock that had breached before the cancel stays breached.
    let mut d = desk_with(
        "C2",
        RequestKind::Matter,
        Priority::Normal,
        "2026-03-02T09:00:00+08:00",
    );
    d.execute(
        "C2",
        &Command::Cancel {
            reason: "撤回".into(),
        },
        &agent(),
        t("2026-03-02T10:00:00+08:00"),
    )
    .unwrap();
    let s = d.sla_status("C2", t("2026-03-02T12:00:00+08:00")).unwrap();
    assert_eq!(
        clock(&s, 0, ClockKind::Dispatch).state,
        ClockState::Breached
    );
}

#[test]
fn status_from_events_ignores_later_events() {
    let mut d = Desk::standard();
    let mut log = d
        .register(
            new_request("R7", RequestKind::Repair, Priority::High),
            &agent(),
            t("2026-03-02T09:00:00+08:00"),
        )
        .unwrap();
    log.extend(
        d.execute(
            "R7",
            &dispatch(None),
            &dispatcher(),
            t("2026-03-02T09:10:00+08:00"),
        )
        .unwrap(),
    );
    let policy = wuye_core::SlaPolicy::standard();
    let cal = wuye_core::BusinessCalendar::china_mainland();
    let early = wuye_core::desk::sla::status_from_events(
        &log,
        &policy,
        &cal,
        t("2026-03-02T09:05:00+08:00"),
    )
    .unwrap();
    let c = clock(&early, 0, ClockKind::Dispatch);
    assert_eq!((c.state, c.elapsed_seconds), (ClockState::Running, 300));
    let late = wuye_core::desk::sla::status_from_events(
        &log,
        &policy,
        &cal,
        t("2026-03-02T09:20:00+08:00"),
    )
    .unwrap();
    assert_eq!(
        late,
        d.sla_status("R7", t("2026-03-02T09:20:00+08:00")).unwrap()
    );
    // The desk itself refuses an as-of before the last event.
    let err = d
        .sla_status("R7", t("2026-03-02T09:05:00+08:00"))
        .unwrap_err();
    assert_eq!(err.code(), "as_of_before_last_event");
}

#[test]
fn a_deadline_in_a_year_without_data_is_an_error_not_a_guess() {
    // Normal repair on Thu 2026-12-31 16:00: 16 business hours run into 2027, which the
    // built-in calendar does not know. The workflow goes on; the SLA status says why it can't.
    let mut d = desk_with(
        "Y1",
        RequestKind::Repair,
        Priority::Normal,
        "2026-12-31T16:00:00+08:00",
    );
    d.execute(
        "Y1",
        &dispatch(None),
        &dispatcher(),
        t("2026-12-31T16:10:00+08:00"),
    )
    .unwrap();
    let err = d
        .sla_status("Y1", t("2026-12-31T16:30:00+08:00"))
        .unwrap_err();
    assert_eq!(
        err,
        DeskError::Sla(SlaError::Calendar {
            request: "Y1".into(),
            source: CalendarError::YearNotCovered { year: 2027 }
        })
    );
    assert!(err.to_string().contains("2027"), "{err}");
}

#[test]
fn unknown_request_and_duplicate_registration() {
    let mut d = desk_with(
        "R8",
        RequestKind::Repair,
        Priority::Low,
        "2026-03-02T09:00:00+08:00",
    );
    let err = d
        .execute(
            "NOPE",
            &Command::Accept,
            &worker("w1"),
            t("2026-03-02T09:00:00+08:00"),
        )
        .unwrap_err();
    assert_eq!(
        err,
        DeskError::UnknownRequest {
            request: "NOPE".into()
        }
    );
    let before = d.clone();
    let err = d
        .register(
            new_request("R8", RequestKind::Repair, Priority::Low),
            &agent(),
            t("2026-03-02T09:01:00+08:00"),
        )
        .unwrap_err();
    assert_eq!(err.code(), "duplicate_request");
    assert_eq!(d, before);
}

#[test]
fn replay_refuses_an_escalation_that_never_fell_due() {
    let mut d = desk_with(
        "R9",
        RequestKind::Repair,
        Priority::High,
        "2026-03-02T08:55:00+08:00",
    );
    d.execute(
        "R9",
        &dispatch(None),
        &dispatcher(),
        t("2026-03-02T09:00:00+08:00"),
    )
    .unwrap();
    let fired = d.tick(t("2026-03-02T09:13:00+08:00"));
    assert_eq!(fired.len(), 1);
    let bogus = |f: &dyn Fn(&mut Change)| {
        let mut e = fired[0].clone();
        f(&mut e.change);
        e
    };
    let cases = [
        // The same escalation again: already fired.
        fired[0].clone(),
        // A threshold the policy does not have.
        bogus(&|c| {
            if let Change::Escalated { percent, .. } = c {
                *percent = 55
            }
        }),
        // A cycle that does not exist.
        bogus(&|c| {
            if let Change::Escalated { cycle, .. } = c {
                *cycle = 7
            }
        }),
        // Recorded before it fell due.
        bogus(&|c| {
            if let Change::Escalated {
                percent, due_at, ..
            } = c
            {
                *percent = 100;
                *due_at = t("2026-03-02T10:00:00+08:00")
            }
        }),
    ];
    for e in cases {
        let before = d.clone();
        let err = d.apply(&e).unwrap_err();
        assert_eq!(err.code(), "event_mismatch", "{e:?}");
        assert_eq!(d, before);
    }
}
