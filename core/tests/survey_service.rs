//! The service-log half of the satisfaction figures: 回访满意率 by group, callback coverage,
//! service KPIs and callback sampling, on a two-day worked example whose every figure is
//! worked out by hand in the comments, and property tests on random workflows.
//!
//! The week: Monday 2026-03-02 and Tuesday 2026-03-03, working hours 08:30–12:00 and
//! 13:30–17:30. Standard policy, normal priority: dispatch 30 min, accept 30 min, arrive 2 h,
//! complete 16 h, reply 4 h, callback 16 h; high: 15 min, 15 min, 1 h, 8 h, 2 h, 8 h;
//! inquiries: reply 2 h. Satisfied threshold 4.

mod common;
use common::*;
use proptest::prelude::*;
use serde_json::json;
use wuye_core::desk::request::{Command, Event, Priority, RequestKind};
use wuye_core::report::callback::{CallbackReport, GroupBy};
use wuye_core::report::kpi::{percentile, KpiReport};
use wuye_core::report::sample::{closed_in, sample, SampleRate, SampleRule};
use wuye_core::report::ReportPeriod;
use wuye_core::survey::Proportion;
use wuye_core::{Actor, Desk};

/// One line of the worked example: when, which request, who, and what.
enum Line {
    Register(RequestKind, Priority),
    Do(serde_json::Value),
}

fn actor(role: &str, id: &str) -> Actor {
    serde_json::from_value(json!({"role": role, "id": id})).unwrap()
}

/// The two days, in time order (see the module documentation for the targets).
fn script() -> Vec<(&'static str, &'static str, Actor, Line)> {
    use Line::*;
    use Priority::*;
    use RequestKind::*;
    let kf = || actor("agent", "kf01");
    let dd = || actor("dispatcher", "dd01");
    let w = |id: &str| actor("worker", id);
    let dispatch =
        |dept: &str, who: &str| Do(json!({"step":"dispatch","department":dept,"assignee":who}));
    let rated = |r: u8| Do(json!({"step":"callback","outcome":"rated","rating":r}));
    let unreachable = || Do(json!({"step":"callback","outcome":"unreachable"}));
    let step = |s: &str| Do(json!({ "step": s }));
    vec![
        ("2026-03-02T09:00", "GD-001", kf(), Register(Repair, Normal)),
        (
            "2026-03-02T09:10",
            "GD-001",
            dd(),
            dispatch("engineering", "张师傅"),
        ),
        ("2026-03-02T09:20", "GD-001", w("张师傅"), step("accept")),
        (
            "2026-03-02T09:30",
            "GD-002",
            kf(),
            Register(Complaint, Normal),
        ),
        (
            "2026-03-02T09:40",
            "GD-002",
            dd(),
            dispatch("security", "李队长"),
        ),
        ("2026-03-02T10:00", "GD-001", w("张师傅"), step("arrive")),
        ("2026-03-02T10:00", "GD-003", kf(), Register(Repair, High)),
        (
            "2026-03-02T10:05",
            "GD-003",
            dd(),
            dispatch("engineering", "王师傅"),
        ),
        ("2026-03-02T10:10", "GD-003", w("王师傅"), step("accept")),
        ("2026-03-02T10:30", "GD-002", w("李队长"), step("accept")),
        ("2026-03-02T10:30", "GD-003", w("王师傅"), step("arrive")),
        (
            "2026-03-02T10:40",
            "GD-003",
            w("王师傅"),
            Do(json!({"step":"hold","reason":"waiting_for_parts"})),
        ),
        ("2026-03-02T10:45", "GD-002", w("李队长"), step("arrive")),
        ("2026-03-02T11:00", "GD-001", w("张师傅"), step("complete")),
        (
            "2026-03-02T11:00",
            "GD-004",
            kf(),
            Register(Inquiry, Normal),
        ),
        ("2026-03-02T11:20", "GD-004", kf(), step("reply")),
        ("2026-03-02T11:30", "GD-001", kf(), step("reply")),
        ("2026-03-02T11:30", "GD-002", w("李队长"), step("complete")),
        ("2026-03-02T13:40", "GD-005", kf(), Register(Matter, Normal)),
        ("2026-03-02T13:45", "GD-002", kf(), step("reply")),
        (
            "2026-03-02T13:50",
            "GD-005",
            dd(),
            dispatch("cleaning", "赵阿姨"),
        ),
        ("2026-03-02T14:00", "GD-001", kf(), rated(5)),
        ("2026-03-02T14:00", "GD-003", w("王师傅"), step("resume")),
        ("2026-03-02T14:00", "GD-005", w("赵阿姨"), step("accept")),
        (
            "2026-03-02T14:05",
            "GD-005",
            w("赵阿姨"),
            Do(json!({"step":"return","reason":"不在本人负责区域，请改派"})),
        ),
        (
            "2026-03-02T14:10",
            "GD-005",
            dd(),
            dispatch("cleaning", "钱阿姨"),
        ),
        ("2026-03-02T14:20", "GD-005", w("钱阿姨"), step("accept")),
        ("2026-03-02T14:30", "GD-005", w("钱阿姨"), step("arrive")),
        ("2026-03-02T15:00", "GD-002", kf(), rated(2)),
        ("2026-03-02T15:00", "GD-003", w("王师傅"), step("complete")),
        (
            "2026-03-02T15:10",
            "GD-002",
            dd(),
            dispatch("security", "李队长"),
        ),
        ("2026-03-02T15:20", "GD-002", w("李队长"), step("accept")),
        ("2026-03-02T15:30", "GD-003", kf(), step("reply")),
        ("2026-03-02T15:30", "GD-005", w("钱阿姨"), step("complete")),
        ("2026-03-02T15:40", "GD-002", w("李队长"), step("arrive")),
        ("2026-03-02T16:00", "GD-003", kf(), unreachable()),
        ("2026-03-02T16:00", "GD-005", kf(), step("reply")),
        ("2026-03-02T16:30", "GD-002", w("李队长"), step("complete")),
        ("2026-03-02T17:00", "GD-002", kf(), step("reply")),
        ("2026-03-03T09:00", "GD-002", kf(), rated(4)),
        ("2026-03-03T09:00", "GD-006", kf(), Register(Repair, Normal)),
        (
            "2026-03-03T09:05",
            "GD-006",
            dd(),
            dispatch("engineering", "张师傅"),
        ),
        ("2026-03-03T09:30", "GD-005", kf(), rated(5)),
        (
            "2026-03-03T09:30",
            "GD-006",
            actor("reporter", "业主"),
            Do(json!({"step":"cancel","reason":"自己修好了"})),
        ),
        ("2026-03-03T10:00", "GD-003", kf(), unreachable()),
        (
            "2026-03-03T10:00",
            "GD-007",
            kf(),
            Register(Complaint, Normal),
        ),
        (
            "2026-03-03T10:10",
            "GD-007",
            dd(),
            dispatch("security", "李队长"),
        ),
        ("2026-03-03T10:40", "GD-007", w("李队长"), step("accept")),
        ("2026-03-03T11:00", "GD-003", kf(), unreachable()),
        (
            "2026-03-03T11:30",
            "GD-003",
            actor("supervisor", "zg01"),
            Do(json!({"step":"close_unreachable","reason":"三次未接通"})),
        ),
    ]
}

/// The worked example played on a standard desk, and its log.
fn two_days() -> (Desk, Vec<Event>) {
    let mut desk = Desk::standard();
    let mut log = Vec::new();
    for (at, id, who, line) in script() {
        let now = t(&format!("{at}:00+08:00"));
        let events = match line {
            Line::Register(kind, priority) => {
                desk.register(new_request(id, kind, priority), &who, now)
            }
            Line::Do(cmd) => {
                let cmd: Command = serde_json::from_str(&common::tag_first(&cmd)).unwrap();
                desk.execute(id, &cmd, &who, now)
            }
        }
        .unwrap_or_else(|e| panic!("{at} {id}: {e}"));
        log.extend(events);
    }
    (desk, log)
}

fn period(from: &str, to: &str) -> ReportPeriod {
    ReportPeriod::new(t(from), t(to)).unwrap()
}
/// Monday only.
fn monday() -> ReportPeriod {
    period("2026-03-02T00:00:00+08:00", "2026-03-03T00:00:00+08:00")
}
/// Monday and Tuesday.
fn both_days() -> ReportPeriod {
    period("2026-03-02T00:00:00+08:00", "2026-03-04T00:00:00+08:00")
}

/// `count/total percent [low, high]` of a proportion, e.g. `1/2 50.00 [9.45, 90.55]`;
/// `0/0 null` without data.
fn p(x: &Proportion) -> String {
    match (x.percent, x.interval) {
        (Some(pc), Some(i)) => format!("{}/{} {pc} [{}, {}]", x.count, x.total, i.low, i.high),
        _ => format!("{}/{} null", x.count, x.total),
    }
}

// Wilson bounds used below (95%, outward to 2 places), computed independently with Python's
// decimal module at 50 digits: 1/1 [20.65, 100.00], 1/2 [9.45, 90.55], 2/2 [34.23, 100.00],
// 0/1 [0.00, 79.35], 2/5 [11.76, 76.93], 4/5 [37.55, 96.38], 3/4 [30.06, 95.45],
// 4/4 [51.00, 100.00], 1/4 [4.55, 69.94], 2/4 [15.00, 85.00], 5/5 [56.55, 100.00],
// 6/6 [60.96, 100.00], 7/7 [64.56, 100.00], 5/6 [43.64, 97.00].

#[test]
fn satisfaction_on_monday() {
    let (desk, _) = two_days();
    let r = CallbackReport::of(&desk, monday(), GroupBy::All, None).unwrap();
    assert_eq!(r.threshold, 4);
    // Answers on Monday: GD-001 rated 5 at 14:00, GD-002 rated 2 at 15:00. Satisfied (≥ 4):
    // one of two = 50.00%; mean (5 + 2) / 2 = 3.5000.
    assert_eq!(p(&r.overall.satisfied), "1/2 50.00 [9.45, 90.55]");
    assert_eq!(r.overall.mean_rating.unwrap().to_string(), "3.5000");
    // GD-003's first unreachable attempt, 16:00.
    assert_eq!(r.overall.unreachable, 1);
    // Rounds due (replied on Monday): GD-001 11:30, GD-002 13:45 and 17:00 (after its
    // reopen), GD-003 15:30, GD-005 16:00 = 5. By midnight GD-001 and GD-002's first round
    // were rated; the other three are answered on Tuesday: pending. Coverage 2/5.
    let c = &r.overall.coverage;
    assert_eq!(
        (c.due, c.reached, c.closed_unreachable, c.pending),
        (5, 2, 0, 3)
    );
    assert_eq!(p(&c.rate), "2/5 40.00 [11.76, 76.93]");
    assert!(r.groups.is_empty());
}

#[test]
fn satisfaction_over_two_days_by_department() {
    let (desk, _) = two_days();
    let r = CallbackReport::of(&desk, both_days(), GroupBy::Department, None).unwrap();
    // Answers: 5 (GD-001), 2 and 4 (GD-002's two rounds), 5 (GD-005): satisfied 3 of 4;
    // mean 16 / 4 = 4.0000. Unreachable: GD-003's three attempts.
    assert_eq!(p(&r.overall.satisfied), "3/4 75.00 [30.06, 95.45]");
    assert_eq!(r.overall.mean_rating.unwrap().to_string(), "4.0000");
    assert_eq!(r.overall.unreachable, 3);
    // The same 5 rounds: 4 rated, GD-003 closed unreachable on Tuesday 11:30.
    let c = &r.overall.coverage;
    assert_eq!(
        (c.due, c.reached, c.closed_unreachable, c.pending),
        (5, 4, 1, 0)
    );
    assert_eq!(p(&c.rate), "4/5 80.00 [37.55, 96.38]");
    let keys: Vec<_> = r.groups.iter().map(|g| g.key.clone().unwrap()).collect();
    assert_eq!(keys, ["cleaning", "engineering", "security"]);
    // 保洁部: GD-005 (the round's department is the one that did the work after the return).
    let g = &r.groups[0];
    assert_eq!(p(&g.satisfied), "1/1 100.00 [20.65, 100.00]");
    assert_eq!(g.mean_rating.unwrap().to_string(), "5.0000");
    assert_eq!(
        (g.unreachable, g.coverage.due, g.coverage.reached),
        (0, 1, 1)
    );
    // 工程部: GD-001 rated 5; GD-003 unreachable three times and closed: coverage 1/2.
    let g = &r.groups[1];
    assert_eq!(p(&g.satisfied), "1/1 100.00 [20.65, 100.00]");
    assert_eq!(g.unreachable, 3);
    assert_eq!(
        (
            g.coverage.due,
            g.coverage.reached,
            g.coverage.closed_unreachable
        ),
        (2, 1, 1)
    );
    assert_eq!(p(&g.coverage.rate), "1/2 50.00 [9.45, 90.55]");
    // 安管部: GD-002 rated 2, then 4 after the reopen; mean 3.0000; both rounds reached.
    let g = &r.groups[2];
    assert_eq!(p(&g.satisfied), "1/2 50.00 [9.45, 90.55]");
    assert_eq!(g.mean_rating.unwrap().to_string(), "3.0000");
    assert_eq!(p(&g.coverage.rate), "2/2 100.00 [34.23, 100.00]");
}

#[test]
fn satisfaction_by_assignee_kind_month_and_threshold() {
    let (desk, _) = two_days();
    let by = |b| CallbackReport::of(&desk, both_days(), b, None).unwrap();
    // Workers in code point order: 张 U+5F20, 李 U+674E, 王 U+738B, 钱 U+94B1.
    let r = by(GroupBy::Assignee);
    let keys: Vec<_> = r.groups.iter().map(|g| g.key.clone().unwrap()).collect();
    assert_eq!(keys, ["张师傅", "李队长", "王师傅", "钱阿姨"]);
    // 王师傅 (GD-003) has no answer — no data, not 0% — and one round, closed unreachable.
    let g = &r.groups[2];
    assert_eq!(p(&g.satisfied), "0/0 null");
    assert_eq!(g.mean_rating, None);
    assert_eq!(g.unreachable, 3);
    assert_eq!(p(&g.coverage.rate), "0/1 0.00 [0.00, 79.35]");
    // 钱阿姨 finished GD-005 after 赵阿姨 returned it: the round is hers.
    assert_eq!(p(&r.groups[3].satisfied), "1/1 100.00 [20.65, 100.00]");

    let r = by(GroupBy::Kind);
    let keys: Vec<_> = r.groups.iter().map(|g| g.key.clone().unwrap()).collect();
    assert_eq!(keys, ["complaint", "matter", "repair"]);
    assert_eq!(p(&r.groups[0].satisfied), "1/2 50.00 [9.45, 90.55]");
    assert_eq!(p(&r.groups[2].coverage.rate), "1/2 50.00 [9.45, 90.55]");

    let r = by(GroupBy::Month);
    assert_eq!(r.groups.len(), 1);
    assert_eq!(r.groups[0].key.as_deref(), Some("2026-03"));
    assert_eq!(r.groups[0].satisfied, r.overall.satisfied);

    // Threshold 2: every answer (5, 2, 4, 5) is satisfied.
    let r = CallbackReport::of(&desk, both_days(), GroupBy::All, Some(2)).unwrap();
    assert_eq!(p(&r.overall.satisfied), "4/4 100.00 [51.00, 100.00]");
    for bad in [0, 6] {
        let e = CallbackReport::of(&desk, both_days(), GroupBy::All, Some(bad)).unwrap_err();
        assert_eq!(e.code(), "invalid_survey");
    }
}

#[test]
fn kpis_on_monday() {
    let (desk, _) = two_days();
    let k = KpiReport::of(&desk, monday(), Some(1860)).unwrap();
    // Registered GD-001…005; closed GD-004 (at reply, 11:20) and GD-001 (satisfied, 14:00).
    let n = &k.requests;
    assert_eq!(
        (n.registered, n.closed, n.closed_after_work, n.cancelled),
        (5, 2, 1, 0)
    );
    // Time to accept (first dispatch → acceptance, business seconds): GD-001 09:10→09:20 600,
    // GD-002 09:40→10:30 3000, GD-003 10:05→10:10 300, GD-005 13:50→14:00 600 (the second
    // acceptance after the return does not count), GD-002's second cycle 15:10→15:20 600.
    // Sorted 300 600 600 600 3000: median = ⌈0.5·5⌉ = 3rd = 600; p90 = ⌈0.9·5⌉ = 5th = 3000.
    assert_eq!(k.accept.count, 5);
    assert_eq!(
        (k.accept.median_seconds, k.accept.p90_seconds),
        (Some(600), Some(3000))
    );
    // Time to complete (cycle start → completion): GD-001 09:00→11:00 7200, GD-002
    // 09:30→11:30 7200, GD-003 10:00→15:00 = 2 h + 1.5 h (lunch excluded, hold included)
    // 12600, GD-005 13:40→15:30 6600, GD-002 reopened 15:00→16:30 5400.
    // Sorted 5400 6600 7200 7200 12600: median 3rd = 7200, p90 5th = 12600.
    assert_eq!(
        (k.complete.median_seconds, k.complete.p90_seconds),
        (Some(7200), Some(12600))
    );
    // Clocks stopped on Monday. Accept: GD-002's first took 3000 s of 1800: breached; the
    // other four met → 4/5. Callback: GD-001 (1 h) and GD-002's first (1 h 15 min) met.
    let rates: Vec<String> = k
        .on_time
        .iter()
        .map(|o| format!("{} {}", o.clock.as_str(), p(&o.rate)))
        .collect();
    assert_eq!(
        rates,
        [
            "dispatch 5/5 100.00 [56.55, 100.00]",
            "accept 4/5 80.00 [37.55, 96.38]",
            "arrive 5/5 100.00 [56.55, 100.00]",
            "complete 5/5 100.00 [56.55, 100.00]",
            // The inquiry GD-004's reply too.
            "reply 6/6 100.00 [60.96, 100.00]",
            "callback 2/2 100.00 [34.23, 100.00]",
        ]
    );
    // Closed after work: GD-001 only, never reopened nor returned.
    assert_eq!(p(&k.reopened), "0/1 0.00 [0.00, 79.35]");
    assert_eq!(p(&k.first_time_right), "1/1 100.00 [20.65, 100.00]");
    assert_eq!(p(&k.coverage.rate), "2/5 40.00 [11.76, 76.93]");
    // One complaint (GD-002) for 1860 households: 100 / 1860 = 0.0537… → 0.05.
    assert_eq!(k.complaints.count, 1);
    assert_eq!(k.complaints.per_100_households.unwrap().to_string(), "0.05");
}

#[test]
fn kpis_over_two_days() {
    let (desk, _) = two_days();
    let k = KpiReport::of(&desk, both_days(), Some(1860)).unwrap();
    // Closed: GD-004, GD-001, GD-002 (Tue 09:00), GD-005 (09:30), GD-003 (unreachable, 11:30);
    // GD-006 cancelled.
    let n = &k.requests;
    assert_eq!(
        (n.registered, n.closed, n.closed_after_work, n.cancelled),
        (7, 5, 4, 1)
    );
    // GD-007 accepted Tuesday 10:10→10:40: 1800 s. Sorted 300 600 600 600 1800 3000:
    // median ⌈3⌉ = 3rd = 600; p90 ⌈5.4⌉ = 6th = 3000.
    assert_eq!(k.accept.count, 6);
    assert_eq!(
        (k.accept.median_seconds, k.accept.p90_seconds),
        (Some(600), Some(3000))
    );
    assert_eq!(k.complete.count, 5);
    let rates: Vec<String> = k
        .on_time
        .iter()
        .map(|o| format!("{} {}", o.clock.as_str(), p(&o.rate)))
        .collect();
    assert_eq!(
        rates,
        [
            // + GD-006 (09:00→09:05) and GD-007 (10:00→10:10).
            "dispatch 7/7 100.00 [64.56, 100.00]",
            // + GD-007, exactly at its 30 minutes: met. GD-006's accept clock was voided
            // by the cancellation within target: counted nowhere.
            "accept 5/6 83.33 [43.64, 97.00]",
            "arrive 5/5 100.00 [56.55, 100.00]",
            "complete 5/5 100.00 [56.55, 100.00]",
            "reply 6/6 100.00 [60.96, 100.00]",
            // + GD-002's second round (17:00→09:00 = 1 h), GD-005 (2.5 h), GD-003 (closed
            // unreachable: 2 h Monday + 3 h Tuesday = 5 h of 8 h).
            "callback 5/5 100.00 [56.55, 100.00]",
        ]
    );
    // Closed after work: GD-001, GD-002 (reopened), GD-003, GD-005 (returned).
    assert_eq!(p(&k.reopened), "1/4 25.00 [4.55, 69.94]");
    assert_eq!(p(&k.first_time_right), "2/4 50.00 [15.00, 85.00]");
    assert_eq!(p(&k.coverage.rate), "4/5 80.00 [37.55, 96.38]");
    // Two complaints: 200 / 1860 = 0.1075… → 0.11.
    assert_eq!(k.complaints.per_100_households.unwrap().to_string(), "0.11");
    // Without households: no per-100 figure; zero households is refused.
    let k = KpiReport::of(&desk, both_days(), None).unwrap();
    assert_eq!(k.complaints.per_100_households, None);
    assert!(KpiReport::of(&desk, both_days(), Some(0)).is_err());
}

#[test]
fn an_empty_period_has_no_data() {
    let (desk, _) = two_days();
    let k = KpiReport::of(
        &desk,
        period("2026-03-05T00:00:00+08:00", "2026-03-06T00:00:00+08:00"),
        None,
    )
    .unwrap();
    assert_eq!((k.accept.count, k.accept.median_seconds), (0, None));
    assert!(k.on_time.iter().all(|o| o.rate.percent.is_none()));
    assert_eq!(k.reopened.percent, None);
    assert!(ReportPeriod::new(
        t("2026-03-06T00:00:00+08:00"),
        t("2026-03-05T00:00:00+08:00")
    )
    .is_err());
}

#[test]
fn the_same_figures_from_the_log_and_from_a_restored_state() {
    let (desk, log) = two_days();
    let replayed = Desk::replay(
        desk.config().clone(),
        desk.policy().clone(),
        desk.calendar().clone(),
        &log,
    )
    .unwrap();
    assert_eq!(replayed, desk);
    let restored: Desk = serde_json::from_str(&serde_json::to_string(&desk).unwrap()).unwrap();
    assert_eq!(restored, desk);
    // A state saved before records existed loads, with empty records.
    let mut old = serde_json::to_value(&desk).unwrap();
    for (_, tracked) in old["requests"].as_object_mut().unwrap() {
        tracked.as_object_mut().unwrap().remove("record");
    }
    let old: Desk = serde_json::from_str(&common::tag_first(&old)).unwrap();
    let r = CallbackReport::of(&old, both_days(), GroupBy::All, None).unwrap();
    assert_eq!(r.overall.satisfied.total, 0);
}

#[test]
fn sampling_the_closed_requests() {
    let (desk, _) = two_days();
    // Closed on the two days: GD-001…005 (GD-006 was cancelled, GD-007 is open).
    let ids = closed_in(&desk, both_days());
    assert_eq!(ids, ["GD-001", "GD-002", "GD-003", "GD-004", "GD-005"]);
    // Draws (key mod 10000) under the seed "2026-03回访", computed independently in Python:
    // GD-001 9839, GD-002 1306, GD-003 1809, GD-004 337, GD-005 4242.
    let rate = |s: &str| SampleRule::Rate(SampleRate::from_percent(s.parse().unwrap()).unwrap());
    let s = sample("2026-03回访", &ids, rate("30")).unwrap();
    assert_eq!(s.considered, 5);
    assert_eq!(s.selected, ["GD-002", "GD-003", "GD-004"]);
    assert_eq!(
        sample("2026-03回访", &ids, rate("12.5")).unwrap().selected,
        ["GD-004"]
    );
    // The two smallest keys: GD-004 (2097752786198890337), GD-001 (7253739161634839839).
    assert_eq!(
        sample("2026-03回访", &ids, SampleRule::Size(2))
            .unwrap()
            .selected,
        ["GD-001", "GD-004"]
    );
}

// ---- properties --------------------------------------------------------------------------

fn kind() -> impl Strategy<Value = RequestKind> {
    prop::sample::select(RequestKind::ALL.to_vec())
}

fn proportions_hold(x: &Proportion) -> Result<(), TestCaseError> {
    prop_assert!(x.count <= x.total);
    match (x.percent, x.interval) {
        (None, None) => prop_assert_eq!(x.total, 0),
        (Some(pc), Some(i)) => {
            prop_assert!(pc.mantissa() >= 0 && pc.mantissa() <= 10_000, "{pc}");
            prop_assert!(
                i.low <= pc && pc <= i.high,
                "{pc} not in [{}, {}]",
                i.low,
                i.high
            );
            prop_assert!(i.low.mantissa() >= 0 && i.high.mantissa() <= 10_000);
        }
        _ => prop_assert!(false, "percent and interval go together"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Random workflows on three requests over a few days: every rate lies within 0–100 and
    /// its interval contains it, groups add up to the overall counts, and the log replays to
    /// the same figures.
    #[test]
    fn reports_on_random_workflows(
        kinds in prop::collection::vec(kind(), 3),
        steps in prop::collection::vec((0usize..3, command_step(), 0i64..20_000), 0..60),
        threshold in 1u8..=5,
        cut in 0i64..(3 * 86_400),
    ) {
        let mut desk = Desk::standard();
        let start = t("2026-03-02T08:00:00+08:00");
        let mut log = Vec::new();
        for (i, k) in kinds.iter().enumerate() {
            let id = format!("R{i}");
            log.extend(desk.register(new_request(&id, *k, Priority::Normal), &agent(), start).unwrap());
        }
        let mut now = start;
        for (i, (cmd, who), gap) in steps {
            now += chrono::Duration::seconds(gap);
            if let Ok(events) = desk.execute(&format!("R{i}"), &cmd, &who, now) {
                log.extend(events);
            }
        }
        let replayed = Desk::replay(desk.config().clone(), desk.policy().clone(), desk.calendar().clone(), &log).unwrap();
        prop_assert_eq!(&replayed, &desk);
        let mid = start + chrono::Duration::seconds(cut);
        for period in [
            ReportPeriod::new(start, now + chrono::Duration::seconds(1)).unwrap(),
            ReportPeriod::new(start, mid).unwrap(),
            ReportPeriod::new(mid, mid + chrono::Duration::days(2)).unwrap(),
        ] {
            for by in [GroupBy::All, GroupBy::Department, GroupBy::Assignee, GroupBy::Kind, GroupBy::Month] {
                let r = CallbackReport::of(&desk, period, by, Some(threshold)).unwrap();
                let mut answers = 0;
                let mut due = 0;
                let mut unreachable = 0;
                for g in std::iter::once(&r.overall).chain(&r.groups) {
                    proportions_hold(&g.satisfied)?;
                    proportions_hold(&g.coverage.rate)?;
                    let c = &g.coverage;
                    prop_assert_eq!(c.reached + c.closed_unreachable + c.pending, c.due);
                    if let Some(m) = g.mean_rating {
                        prop_assert!((10_000..=50_000).contains(&m.mantissa()), "{m}");
                    }
                }
                for g in &r.groups {
                    answers += g.satisfied.total;
                    due += g.coverage.due;
                    unreachable += g.unreachable;
                }
                if by != GroupBy::All {
                    prop_assert_eq!(answers, r.overall.satisfied.total);
                    prop_assert_eq!(due, r.overall.coverage.due);
                    prop_assert_eq!(unreachable, r.overall.unreachable);
                }
                prop_assert_eq!(&r, &CallbackReport::of(&replayed, period, by, Some(threshold)).unwrap());
            }
            let k = KpiReport::of(&desk, period, Some(500)).unwrap();
            for o in &k.on_time {
                proportions_hold(&o.rate)?;
            }
            proportions_hold(&k.reopened)?;
            proportions_hold(&k.first_time_right)?;
            proportions_hold(&k.coverage.rate)?;
            prop_assert!(k.reopened.count + k.first_time_right.count <= k.requests.closed_after_work);
            for d in [&k.accept, &k.complete] {
                if let (Some(m), Some(p90)) = (d.median_seconds, d.p90_seconds) {
                    prop_assert!(0 <= m && m <= p90);
                }
            }
            prop_assert_eq!(&k, &KpiReport::of(&replayed, period, Some(500)).unwrap());
        }
    }

    /// Nearest-rank percentiles lie between the smallest and the largest value, the median
    /// is at most the 90th, and at least p% of the values are at or below the p-th.
    #[test]
    fn percentiles_are_order_statistics(mut v in prop::collection::vec(-1_000_000i64..1_000_000, 1..200), p in 1u32..=100) {
        v.sort_unstable();
        let (lo, hi) = (v[0], v[v.len() - 1]);
        let x = percentile(&v, p).unwrap();
        prop_assert!(lo <= x && x <= hi);
        prop_assert!(percentile(&v, 50).unwrap() <= percentile(&v, 90).unwrap());
        let at_or_below = v.iter().filter(|y| **y <= x).count() as u64;
        let below = v.iter().filter(|y| **y < x).count() as u64;
        let n = v.len() as u64;
        prop_assert!(at_or_below * 100 >= u64::from(p) * n);
        prop_assert!(below * 100 < u64::from(p) * n);
    }
}
