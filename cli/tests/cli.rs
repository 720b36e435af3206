//! End-to-end tests of the `wuye` binary.
//!
//! Expected values come from independent facts — the State Council's holiday notices, the
//! calendar's working windows (08:30–12:00, 13:30–17:30) worked out by hand, and the
//! scenario script itself — never from copying the program's output.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::{Command, Output};

fn wuye(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wuye"))
        .args(args)
        .output()
        .expect("run wuye")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

/// Runs and expects exit 0; returns stdout.
fn ok(args: &[&str]) -> String {
    let o = wuye(args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "wuye {args:?} failed: {}",
        stderr(&o)
    );
    stdout(&o)
}

/// Runs and expects the given non-zero exit status; returns stderr.
fn fails(code: i32, args: &[&str]) -> String {
    let o = wuye(args);
    assert_eq!(
        o.status.code(),
        Some(code),
        "wuye {args:?}: stdout {} stderr {}",
        stdout(&o),
        stderr(&o)
    );
    let err = stderr(&o);
    assert!(!err.trim().is_empty(), "wuye {args:?}: empty stderr");
    err
}

/// A path in Cargo's scratch directory for integration tests (under `target/`), unique per
/// test run.
fn temp(name: &str) -> PathBuf {
    let dir =
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

// ---- calendar -----------------------------------------------------------------------

#[test]
fn is_workday_follows_the_state_council_notices() {
    // 2026: National Day Oct 1–7 off; Saturday Oct 10 is a make-up working day 调休上班.
    assert_eq!(ok(&["calendar", "is-workday", "2026-10-10"]), "true\n");
    // Monday Oct 5 2026 is inside the National Day holiday.
    assert_eq!(ok(&["calendar", "is-workday", "2026-10-05"]), "false\n");
    // 2024: Sunday Feb 4 was worked before the Spring Festival.
    assert_eq!(ok(&["calendar", "is-workday", "2024-02-04"]), "true\n");
    // An ordinary Wednesday, and the Sunday after the make-up Saturday.
    assert_eq!(ok(&["calendar", "is-workday", "2026-09-30"]), "true\n");
    assert_eq!(ok(&["calendar", "is-workday", "2026-10-11"]), "false\n");
    // Thursday Oct 8 2026: the first working day after National Day.
    assert_eq!(ok(&["calendar", "is-workday", "2026-10-08"]), "true\n");
}

#[test]
fn workdays_count_holidays_and_make_up_days() {
    // October 2026: 22 weekdays − 5 weekday holidays (Oct 1, 2, 5, 6, 7) + make-up Oct 10.
    assert_eq!(
        ok(&["calendar", "workdays", "2026-10-01", "2026-10-31"]),
        "18\n"
    );
    // All of 2026, from the 2026 notice (国务院办公厅, 2025-11-04), by an independent script:
    //   weekdays in 2026                                   261
    //   weekday holidays: Jan 1, 2; Feb 16–20, 23; Apr 6; May 1, 4, 5; Jun 19; Sep 25;
    //                     Oct 1, 2, 5, 6, 7                                   −19
    //   make-up days: Jan 4, Feb 14, Feb 28, May 9, Sep 20, Oct 10            +6
    //   = 248
    assert_eq!(
        ok(&["calendar", "workdays", "2026-01-01", "2026-12-31"]),
        "248\n"
    );
    // A single day.
    assert_eq!(
        ok(&["calendar", "workdays", "2026-10-10", "2026-10-10"]),
        "1\n"
    );
}

#[test]
fn a_year_without_data_is_an_error_not_a_guess() {
    let err = fails(1, &["calendar", "is-workday", "2027-03-01"]);
    assert!(err.contains("2027"), "{err}");
    assert!(err.starts_with("error: "), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    // Adding past the last covered day runs into 2027 too.
    let err = fails(1, &["calendar", "add", "2026-12-31T17:00:00+08:00", "1h"]);
    assert!(err.contains("2027"), "{err}");
}

#[test]
fn add_skips_the_holiday_and_the_lunch_break() {
    // 17:00 + 30 min = 17:30 closes Sep 30; Oct 1–7 off; Oct 8 08:30 + 30 min = 09:00.
    assert_eq!(
        ok(&["calendar", "add", "2026-09-30T17:00:00+08:00", "1h"]),
        "2026-10-08T09:00:00+08:00\n"
    );
    // Same start, 1h30m: 30 min on Sep 30, 60 min on Oct 8 → 09:30.
    assert_eq!(
        ok(&["calendar", "add", "2026-09-30T17:00:00+08:00", "1h30m"]),
        "2026-10-08T09:30:00+08:00\n"
    );
    // 11:30 + 60 min: 30 min before lunch, 30 min from 13:30 → 14:00.
    assert_eq!(
        ok(&["calendar", "add", "2026-09-30T11:30:00+08:00", "60m"]),
        "2026-09-30T14:00:00+08:00\n"
    );
    // The normal-priority completion target (16 business hours) from 14:00 on Sep 30:
    // 3:30 on Sep 30, 7:30 on Oct 8, 3:30 on the morning of Oct 9 (14:30 so far),
    // 1:30 after lunch → 2026-10-09 15:00.
    assert_eq!(
        ok(&["calendar", "add", "2026-09-30T14:00:00+08:00", "57600s"]),
        "2026-10-09T15:00:00+08:00\n"
    );
    // An instant in another offset is converted: 09:00Z is 17:00 in Beijing.
    assert_eq!(
        ok(&["calendar", "add", "2026-09-30T09:00:00Z", "1h"]),
        "2026-10-08T09:00:00+08:00\n"
    );
    // A zero duration is refused by the calendar.
    fails(1, &["calendar", "add", "2026-09-30T17:00:00+08:00", "0m"]);
}

#[test]
fn between_and_next() {
    // 17:00–17:30 on Sep 30 and 08:30–09:00 on Oct 8.
    assert_eq!(
        ok(&[
            "calendar",
            "between",
            "2026-09-30T17:00:00+08:00",
            "2026-10-08T09:00:00+08:00"
        ]),
        "3600 s (1:00)\n"
    );
    // A full working day is 7.5 h = 27000 s.
    assert_eq!(
        ok(&[
            "calendar",
            "between",
            "2026-09-30T00:00:00+08:00",
            "2026-10-01T00:00:00+08:00"
        ]),
        "27000 s (7:30)\n"
    );
    let err = fails(
        1,
        &[
            "calendar",
            "between",
            "2026-10-08T09:00:00+08:00",
            "2026-09-30T17:00:00+08:00",
        ],
    );
    assert!(err.contains("before"), "{err}");
    // In the holiday, the next working instant is the morning of Oct 8.
    assert_eq!(
        ok(&["calendar", "next", "2026-10-03T10:00:00+08:00"]),
        "2026-10-08T08:30:00+08:00\n"
    );
    // In the lunch break, 13:30 the same day.
    assert_eq!(
        ok(&["calendar", "next", "2026-09-30T12:10:00+08:00"]),
        "2026-09-30T13:30:00+08:00\n"
    );
    // Inside a window, the instant itself.
    assert_eq!(
        ok(&["calendar", "next", "2026-09-30T09:15:00+08:00"]),
        "2026-09-30T09:15:00+08:00\n"
    );
}

#[test]
fn a_calendar_file_replaces_the_built_in_one() {
    // A 24×7 desk in 2030 with one holiday, in UTC.
    let path = temp("round-the-clock.json");
    let all_day = r#"["00:00-24:00"]"#;
    std::fs::write(
        &path,
        format!(
            r#"{{"utc_offset": "Z",
                 "week": {{"mon": {all_day}, "tue": {all_day}, "wed": {all_day}, "thu": {all_day},
                           "fri": {all_day}, "sat": {all_day}, "sun": {all_day}}},
                 "years": [{{"year": 2030, "holidays": ["2030-01-01"], "makeup_workdays": []}}]}}"#
        ),
    )
    .unwrap();
    let cal = path.to_str().unwrap();
    // Jan 5 2030 is a Saturday, worked on this calendar; Jan 1 is its holiday.
    assert_eq!(
        ok(&["calendar", "--calendar", cal, "is-workday", "2030-01-05"]),
        "true\n"
    );
    assert_eq!(
        ok(&["calendar", "is-workday", "2030-01-01", "--calendar", cal]),
        "false\n"
    );
    // Around the clock: 23:00 + 2h = 01:00 the next day.
    assert_eq!(
        ok(&[
            "calendar",
            "--calendar",
            cal,
            "add",
            "2030-01-02T23:00:00Z",
            "2h"
        ]),
        "2030-01-03T01:00:00+00:00\n"
    );
    // The built-in years are not in this calendar.
    let err = fails(
        1,
        &["calendar", "--calendar", cal, "is-workday", "2026-10-10"],
    );
    assert!(err.contains("2026"), "{err}");

    // An invalid spec names the file and the problem.
    let bad = temp("bad-calendar.json");
    std::fs::write(
        &bad,
        r#"{"week": {"mon": ["12:00-08:00"], "tue": [], "wed": [], "thu": [], "fri": [],
                     "sat": [], "sun": []}, "years": [{"year": 2030, "holidays": [],
                     "makeup_workdays": []}]}"#,
    )
    .unwrap();
    let err = fails(
        1,
        &[
            "calendar",
            "--calendar",
            bad.to_str().unwrap(),
            "is-workday",
            "2030-01-07",
        ],
    );
    assert!(err.contains("bad-calendar.json"), "{err}");
    assert!(err.contains("week.mon"), "{err}");
    fails(
        1,
        &[
            "calendar",
            "--calendar",
            "/nonexistent/cal.json",
            "next",
            "2026-09-30T09:00:00+08:00",
        ],
    );
}

// ---- demo, replay, sla --------------------------------------------------------------

/// Request id → final stage name from the demo report (`Request 工单 ID ...` headers and
/// `Final stage 最终状态: STAGE ...` lines).
fn demo_final_stages(report: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in report.lines() {
        if let Some(rest) = line.strip_prefix("Request 工单 ") {
            current = rest.split_whitespace().next().map(String::from);
        } else if let Some(rest) = line.trim_start().strip_prefix("Final stage 最终状态: ") {
            let id = current.take().expect("final stage after a request header");
            let stage = rest.split_whitespace().next().unwrap().to_owned();
            assert!(out.insert(id, stage).is_none());
        }
    }
    out
}

/// Request id → stage from the replay table (columns: id kind 类型 priority stage ...).
fn replay_stages(table: &str) -> BTreeMap<String, String> {
    let mut lines = table.lines();
    let header: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    let stage_col = header.iter().position(|h| *h == "stage").unwrap();
    lines
        .map(|l| {
            let cells: Vec<&str> = l.split_whitespace().collect();
            (cells[0].to_owned(), cells[stage_col].to_owned())
        })
        .collect()
}

#[test]
fn demo_plays_the_day() {
    let report = ok(&["demo"]);
    let lower = report.to_lowercase();
    assert!(lower.contains("breach"), "no breach in the report");
    assert!(
        report.contains("project manager 项目经理"),
        "no escalation to the PM"
    );
    assert!(
        report
            .lines()
            .any(|l| l.contains("ESCALATED") && l.contains("project manager")),
        "no escalation line naming the project manager"
    );
    assert!(report.contains("reopened 重开"), "no reopen");
    assert!(report.contains("翠湖花园"));

    // What the script does (day.json), request by request.
    let stages = demo_final_stages(&report);
    assert_eq!(stages.len(), 13);
    let expect = [
        ("WY20260930-001", "closed"),      // lift entrapment, satisfied
        ("WY20260930-002", "closed"),      // hold for parts, resumed, satisfied
        ("WY20260930-003", "closed"),      // reopened, second cycle satisfied
        ("WY20260930-004", "closed"),      // breach, closed unreachable
        ("WY20260930-005", "closed"),      // transferred
        ("WY20260930-006", "closed"),      // returned, closed without work
        ("WY20260930-007", "cancelled"),   // cancelled by the owner
        ("WY20260930-008", "closed"),      // inquiry closed at reply
        ("WY20260930-009", "in_progress"), // still being repaired at the end of the day
        ("WY20260930-010", "closed"),      // duplicate of 009
        ("WY20260930-011", "in_progress"), // suggestion being surveyed
        ("WY20260930-012", "closed"),      // complaint, satisfied
        ("WY20260930-013", "closed"),      // praise closed at reply
    ];
    for (id, stage) in expect {
        assert_eq!(stages.get(id).map(String::as_str), Some(stage), "{id}");
    }

    // WY20260930-009 is a normal repair registered at 14:00: its 16 business hours run
    // 14:00–17:30 (3:30), Oct 8 (7:30), Oct 9 08:30–12:00 (3:30) and 13:30–15:00 (1:30).
    assert!(
        report.contains("deadline 2026-10-09 15:00"),
        "completion deadline pushed past the holiday"
    );
    // WY20260930-004 (high, registered 09:05) arrived at 10:40: 1:35 against 1:00 target.
    assert!(report.contains("1:35 / 1:00"), "breached arrive clock");
    // Escalation instants: 80% of 1 h after 09:05 is 09:53, 100% is 10:05.
    assert!(report.contains("(due 09:53)") && report.contains("(due 10:05)"));
}

#[test]
fn demo_is_deterministic() {
    let a = temp("det-a.jsonl");
    let b = temp("det-b.jsonl");
    let out_a = ok(&["demo", "--log", a.to_str().unwrap()]);
    let out_b = ok(&["demo", "--log", b.to_str().unwrap()]);
    assert_eq!(
        out_a.replace(a.to_str().unwrap(), "LOG"),
        out_b.replace(b.to_str().unwrap(), "LOG")
    );
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
}

#[test]
fn the_demo_log_replays_to_the_same_desk() {
    let log = temp("demo.jsonl");
    let log_s = log.to_str().unwrap();
    let report = ok(&["demo", "--log", log_s]);
    assert!(report.contains(log_s));

    // `wuye replay` shows the stages the demo printed.
    let table = ok(&["replay", log_s]);
    let replayed = replay_stages(&table);
    assert_eq!(replayed, demo_final_stages(&report));
    // Reopen and transfer counts of the script: 003 reopened once, 005 transferred once.
    let row = |id: &str| -> Vec<String> {
        table
            .lines()
            .find(|l| l.starts_with(id))
            .unwrap()
            .split_whitespace()
            .map(String::from)
            .collect()
    };
    let header: Vec<&str> = table.lines().next().unwrap().split_whitespace().collect();
    let reopens = header.iter().position(|h| *h == "reopens").unwrap();
    let transfers = header.iter().position(|h| *h == "transfers").unwrap();
    assert_eq!(row("WY20260930-003")[reopens], "1");
    assert_eq!(row("WY20260930-005")[transfers], "1");
    assert_eq!(row("WY20260930-001")[reopens], "0");

    // The log, replayed through the core, gives exactly the desk the demo built.
    let text = std::fs::read_to_string(&log).unwrap();
    let events: Vec<wuye_core::desk::request::Event> = wuye_core::desk::log::parse_jsonl(&text)
        .unwrap()
        .into_iter()
        .map(|(_, e)| e)
        .collect();
    let (_, _, day) = wuye_cli::scenario::play_sample().unwrap();
    assert_eq!(events, day.events);
    let replayed = wuye_core::desk::Desk::replay(
        wuye_core::DeskConfig::default(),
        wuye_core::SlaPolicy::standard(),
        wuye_core::BusinessCalendar::china_mainland(),
        &events,
    )
    .unwrap();
    assert_eq!(replayed, day.desk);
    // ... and the standard desk is what `replay` uses.
    let mut standard = wuye_core::desk::Desk::standard();
    for e in &events {
        standard.apply(e).unwrap();
    }
    assert_eq!(standard, day.desk);

    // --json prints that desk.
    let json = ok(&["replay", log_s, "--json"]);
    let desk: wuye_core::desk::Desk = serde_json::from_str(&json).unwrap();
    assert_eq!(desk, day.desk);
}

#[test]
fn replay_reports_the_line_of_a_bad_event() {
    let demo_log = temp("for-bad.jsonl");
    ok(&["demo", "--log", demo_log.to_str().unwrap()]);
    let text = std::fs::read_to_string(&demo_log).unwrap();
    let lines: Vec<&str> = text.lines().collect();

    // Line 3 is not JSON.
    let bad = temp("bad-line-3.jsonl");
    std::fs::write(
        &bad,
        format!("{}\n{}\n{{not json\n{}\n", lines[0], lines[1], lines[2]),
    )
    .unwrap();
    let err = fails(1, &["replay", bad.to_str().unwrap()]);
    assert!(err.contains(":3:"), "{err}");
    assert!(err.starts_with(bad.to_str().unwrap()), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");

    // Line 3 has an unknown field.
    let unknown = lines[2].replacen('{', r#"{"extra":1,"#, 1);
    std::fs::write(&bad, format!("{}\n{}\n{unknown}\n", lines[0], lines[1])).unwrap();
    let err = fails(1, &["replay", bad.to_str().unwrap()]);
    assert!(err.contains(":3:"), "{err}");

    // A well-formed event that does not fit: the first registration again, after a blank
    // line, on line 5 (the event index is 3; the line number counts the blank line).
    let again = temp("again.jsonl");
    std::fs::write(
        &again,
        format!("{}\n{}\n{}\n\n{}\n", lines[0], lines[1], lines[2], lines[0]),
    )
    .unwrap();
    let err = fails(1, &["replay", again.to_str().unwrap()]);
    assert!(err.contains(":5:"), "{err}");
    assert!(err.contains("already exists"), "{err}");

    // An event of a request never registered.
    let orphan = temp("orphan.jsonl");
    std::fs::write(&orphan, format!("{}\n", lines[1])).unwrap();
    let err = fails(1, &["replay", orphan.to_str().unwrap()]);
    assert!(
        err.contains(":1:") && err.contains("unknown request"),
        "{err}"
    );

    // A missing file.
    let err = fails(1, &["replay", "/nonexistent/log.jsonl"]);
    assert!(err.contains("/nonexistent/log.jsonl"), "{err}");

    // An empty log replays to an empty desk.
    let empty = temp("empty.jsonl");
    std::fs::write(&empty, "\n").unwrap();
    assert_eq!(ok(&["replay", empty.to_str().unwrap()]), "(no requests)\n");
}

#[test]
fn sla_as_of_an_instant() {
    let log = temp("sla.jsonl");
    let log_s = log.to_str().unwrap();
    ok(&["demo", "--log", log_s]);

    // After the holiday, the B2 lighting repair (registered 14:00 Sep 30, normal) has used
    // 3:30 on Sep 30 and 0:30 on Oct 8 (08:30–09:00) of its 16 h completion target.
    let out = ok(&["sla", log_s, "--as-of", "2026-10-08T09:00:00+08:00"]);
    let block: Vec<&str> = out
        .split("\n\n")
        .find(|b| b.starts_with("WY20260930-009"))
        .unwrap()
        .lines()
        .collect();
    let complete = block.iter().find(|l| l.contains("complete")).unwrap();
    assert!(complete.contains("4:00 / 16:00"), "{complete}");
    assert!(complete.contains("deadline 2026-10-09 15:00"), "{complete}");
    assert!(out.contains("BREACHED"));

    // JSON form parses as SLA statuses.
    let json = ok(&[
        "sla",
        log_s,
        "--as-of",
        "2026-10-08T09:00:00+08:00",
        "--json",
    ]);
    let statuses: Vec<wuye_core::SlaStatus> = serde_json::from_str(&json).unwrap();
    assert_eq!(statuses.len(), 13);

    // Before a request's last event: an error naming the request.
    let err = fails(1, &["sla", log_s, "--as-of", "2026-09-30T12:00:00+08:00"]);
    assert!(err.contains("before its last event"), "{err}");
    assert!(err.starts_with("error: request WY20260930-"), "{err}");
}

// ---- usage --------------------------------------------------------------------------

#[test]
fn help_and_version() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let out = ok(args);
        for cmd in [
            "demo",
            "replay",
            "sla",
            "calendar",
            "is-workday",
            "--version",
        ] {
            assert!(out.contains(cmd), "help lacks {cmd}");
        }
    }
    for topic in ["demo", "replay", "sla", "calendar"] {
        let a = ok(&["help", topic]);
        let b = ok(&[topic, "--help"]);
        assert_eq!(a, b);
        assert!(a.starts_with(&format!("usage: wuye {topic}")), "{a}");
    }
    let v = ok(&["--version"]);
    assert_eq!(v, format!("wuye {}\n", "0.1.0 (wuye-core 0.1.0)"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["frobnicate"],
        &["--frobnicate"],
        &["demo", "extra"],
        &["demo", "--log"],
        &["demo", "--bogus"],
        &["replay"],
        &["replay", "a.jsonl", "b.jsonl"],
        &["replay", "a.jsonl", "--json=yes"],
        &["sla", "a.jsonl"],
        &["sla", "a.jsonl", "--as-of", "tomorrow"],
        &["sla", "a.jsonl", "--as-of", "2026-10-08T09:00:00"],
        &["calendar"],
        &["calendar", "is-workday"],
        &["calendar", "is-workday", "2026-10-10", "2026-10-11"],
        &["calendar", "is-workday", "10/10/2026"],
        &["calendar", "workdays", "2026-10-01"],
        &["calendar", "add", "2026-09-30T17:00:00+08:00", "1 hour"],
        &["calendar", "add", "2026-09-30T17:00:00+08:00", "30m1h"],
        &["calendar", "between", "2026-09-30T17:00:00+08:00"],
        &["calendar", "next", "now"],
        &["calendar", "holidays"],
        &["calendar", "--calendar"],
        &["help", "nothing"],
    ] {
        let err = fails(2, args);
        assert!(err.starts_with("error: "), "{args:?}: {err}");
        assert!(err.contains("usage: wuye"), "{args:?}: {err}");
    }
}

// ---- fees -------------------------------------------------------------------------------

fn fee_file(name: &str) -> String {
    format!(
        "{}/data/sample-estate/fees/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// The bill of one unit from the text output: the lines from its header to its total.
fn bill_of<'a>(out: &'a str, unit: &str) -> &'a str {
    let start = out
        .find(&format!("\n{unit} — "))
        .unwrap_or_else(|| panic!("no bill for {unit}:\n{out}"));
    let rest = &out[start + 1..];
    let end = rest.find("total 合计").expect("bill total");
    &rest[..end + rest[end..].find('\n').unwrap_or(rest.len() - end)]
}

#[test]
fn bill_prorates_and_explains_each_line() {
    let out = ok(&[
        "bill",
        &fee_file("schedule.json"),
        &fee_file("units.json"),
        &fee_file("inputs-2026-09.json"),
        "--period",
        "2026-09",
    ]);
    // 1-1-501: the high-rise rate goes from 2.35 to 2.50 on the 16th:
    // 98.76 × 2.35 × 15/30 = 116.043, 98.76 × 2.50 × 15/30 = 123.45 → 239.493 → 239.49.
    let b = bill_of(&out, "1-1-501");
    assert!(b.contains("物业服务费 property_fee: 239.49"), "{b}");
    assert!(b.contains("98.76 × 2.50 × 15/30 = 123.45"), "{b}");
    // Water: 18 m³ after 170 this year at up to 180 for 5.00, then 7.00: 50 + 56 = 106.00.
    assert!(
        b.contains("水费 (代收) water: 106.00 (due 2026-10-20)"),
        "{b}"
    );
    // 239.49 + parking 300.00 + water 106.00 + lift share 59.66 = 705.15.
    assert!(b.contains("total 合计: 705.15"), "{b}");
    // 1-1-502 is vacant (30% off): 120.50 × 2.35 × 15/30 × 70% = 99.11125, plus
    // 120.50 × 2.50 × 15/30 × 70% = 105.4375 → 204.54875 → 204.55.
    assert!(
        bill_of(&out, "1-1-502").contains("property_fee: 204.55"),
        "{out}"
    );
    // 1-2-1101 is handed over on the 16th: 89.30 × 2.50 × 15/30 = 111.625 → 111.63.
    let b = bill_of(&out, "1-2-1101");
    assert!(b.contains("property_fee: 111.63"), "{b}");
    assert!(b.contains("not_handed_over 未交房"), "{b}");
    // V-08's meter was replaced: (9890 − 9876) + (25 − 0) = 39 m³ after 240 this year:
    // 20 × 7.00 + 19 × 9.00 = 311.00. A visitor parked 165 min: 5.00 + 4 × 2.00 = 13.00.
    let b = bill_of(&out, "V-08");
    assert!(b.contains("water: 311.00"), "{b}");
    assert!(b.contains("meter replaced 换表"), "{b}");
    assert!(b.contains("temp_parking: 13.00"), "{b}");
    // S-03's meter rolled over: (10000 − 9990) + 12 = 22 m³, all above 260: 198.00.
    assert!(bill_of(&out, "S-03").contains("water: 198.00"), "{out}");
    // The lift bill 186.40 is split exactly: 59.66 + 72.79 + 53.95.
    for (unit, share) in [
        ("1-1-501", "59.66"),
        ("1-1-502", "72.79"),
        ("1-2-1101", "53.95"),
    ] {
        assert!(
            bill_of(&out, unit).contains(&format!("lift_power: {share}")),
            "{unit}"
        );
    }
    assert!(
        out.ends_with("6 bills, 21 lines, total 合计 6127.89\n"),
        "{out}"
    );
}

#[test]
fn bill_json_for_some_units() {
    let out = ok(&[
        "bill",
        &fee_file("schedule.json"),
        &fee_file("units.json"),
        &fee_file("inputs-2026-09.json"),
        "--period",
        "2026-09",
        "--unit",
        "5-1-201",
        "--json",
    ]);
    let bills: serde_json::Value = serde_json::from_str(&out).expect("JSON bills");
    let bills = bills.as_array().unwrap();
    assert_eq!(bills.len(), 1);
    // Renovating (no discount) 76.40 × 1.80 = 137.52; water 22 × 5.00 = 110.00; the
    // renovation fee 300.00 and deposit 2000.00: 2547.52. The deposit bears no late fee.
    assert_eq!(bills[0]["total"], "2547.52");
    let deposit = bills[0]["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["item"] == "renovation_deposit")
        .unwrap();
    assert_eq!(deposit["late_fee"], false);
}

#[test]
fn bill_refusals() {
    // A reading going backwards without a replacement or rollover: exit 1, named.
    let readings = temp("backwards.json");
    std::fs::write(
        &readings,
        r#"[{"unit":"1-1-501","item":"water","date":"2026-09-30","previous":"1252","current":"1234","year_to_date":"0"}]"#,
    )
    .unwrap();
    let err = fails(
        1,
        &[
            "bill",
            &fee_file("schedule.json"),
            &fee_file("units.json"),
            readings.to_str().unwrap(),
            "--period",
            "2026-09",
        ],
    );
    assert_eq!(
        err,
        "error: unit 1-1-501, item water: reading of 2026-09-30 goes backwards (1252 → 1234) without a meter replacement or rollover\n"
    );
    // The property-fee rates start in 2024: 2023 is not covered.
    let err = fails(
        1,
        &[
            "bill",
            &fee_file("schedule.json"),
            &fee_file("units.json"),
            "--period",
            "2023-12",
        ],
    );
    assert!(
        err.contains("no rate for unit type high_rise on 2023-12-01"),
        "{err}"
    );
    // Usage errors: no period, a bad period.
    let err = fails(
        2,
        &["bill", &fee_file("schedule.json"), &fee_file("units.json")],
    );
    assert!(err.contains("missing --period PERIOD"), "{err}");
    fails(2, &["bill", "a.json", "b.json", "--period", "2026-13"]);
}

#[test]
fn demo_bills_a_month_and_ages_an_account() {
    let out = ok(&["demo"]);
    assert!(out.contains("Fees 收费 — a month of billing"), "{out}");
    assert!(
        out.contains("6 bills, 21 lines, total 合计 6127.89"),
        "{out}"
    );
    // 300.00 on 2026-09-20 pays August's 232.09, then 67.91 of September's property fee.
    assert!(
        out.contains(
            "2026-09-20 paid 收款 300.00, receipt R2609-0087: B2608-1 232.09, B2609-1 67.91"
        ),
        "{out}"
    );
    // August's fee was unpaid 17 Aug–20 Sep: 35 days × 232.09 × 0.0003 = 2.436945 → 2.44.
    assert!(
        out.contains("B2608-1 property_fee (due 2026-08-16): 2.44"),
        "{out}"
    );
    // Parking 300.00 unpaid 17 Sep–31 Oct: 45 days × 0.0003 × 300 = 4.05.
    assert!(out.contains("300.00 × 45 days × 0.0003 = 4.05"), "{out}");
}

// ---- surveys ----------------------------------------------------------------------------

fn sample(name: &str) -> String {
    format!("{}/data/sample-estate/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The cells of the text row that starts with `label` (split on runs of two spaces).
fn row<'a>(out: &'a str, label: &str) -> Vec<&'a str> {
    let line = out
        .lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no row {label}:\n{out}"));
    line.split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

#[test]
fn survey_scores_the_sample_servqual_file() {
    // Expected figures computed independently from the CSV with Python's fractions module
    // (means of means kept exact, each figure rounded once to 4 places, half up).
    let out = ok(&["survey", &sample("survey-servqual.csv")]);
    assert!(out.contains("20 respondents 受访者, scale 1–7"), "{out}");
    // q1: 梁先生 skipped P1, so 19 pairs: E 118/19 = 6.2105…, P 111/19 = 5.8421…, gap −7/19.
    assert_eq!(
        row(&out, "q1 "),
        [
            "q1",
            "设备现代化 modern equipment",
            "19",
            "6.2105",
            "5.8421",
            "-0.3684"
        ]
    );
    // q11: 刘女士 skipped P11: 19 pairs, E 120/19, P 82/19, gap −38/19 = −2.
    assert_eq!(
        row(&out, "q11 ")[2..],
        ["19", "6.3158", "4.3158", "-2.0000"]
    );
    // q19: 许女士 skipped E19: 19 pairs, gap (97 − 119)/19 = −22/19 = −1.157894….
    assert_eq!(
        row(&out, "q19 ")[2..],
        ["19", "6.2632", "5.1053", "-1.1579"]
    );
    // Dimension gaps, each the exact mean of its items' gaps: tangibles −729/1520 =
    // −0.479605…, reliability −137/100, responsiveness −79/40, assurance −9/10, empathy
    // −2321/1900 = −1.221578….
    assert_eq!(
        row(&out, "tangibles 有形性")[1..],
        ["4", "6.2276", "5.7480", "-0.4796"]
    );
    assert_eq!(
        row(&out, "reliability 可靠性")[1..],
        ["5", "6.2500", "4.8800", "-1.3700"]
    );
    assert_eq!(row(&out, "responsiveness 响应性")[4], "-1.9750");
    assert_eq!(row(&out, "assurance 保证性")[4], "-0.9000");
    assert_eq!(row(&out, "empathy 移情性")[4], "-1.2216");
    // Overall: the mean of the five, −45191/38000 = −1.189236….
    assert_eq!(
        row(&out, "overall 总体")[1..],
        ["6.2288", "5.0396", "-1.1892"]
    );
    // 17 respondents gave weights (three left them blank); their sums 205, 515, 440, 305,
    // 235 over 17 → 12.06, 30.29, 25.88, 17.94, 13.82; weighted gap
    // Σ sum_d · gap_d / (100 · 17) = −3396349/2584000 = −1.314376….
    assert!(
        out.contains("weighted gap 加权差距 -1.3144 — the respondents' own weights 受访者权重, averaged over 17: 有形性 12.06, 可靠性 30.29, 响应性 25.88, 保证性 17.94, 移情性 13.82"),
        "{out}"
    );

    // --json: the result of the contract's survey.servqual, under "servqual".
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["survey", &sample("survey-servqual.csv"), "--json"]))
            .expect("JSON");
    let r = &json["servqual"];
    assert_eq!(r["respondents"], 20);
    assert_eq!(r["overall"]["gap"], "-1.1892");
    assert_eq!(r["weighted"]["gap"], "-1.3144");
    assert_eq!(r["weighted"]["respondents"], 17);
    assert_eq!(r["items"][0]["answered"], 19);
    assert_eq!(r["dimensions"][2]["gap"], "-1.9750");
}

#[test]
fn survey_scores_ratings() {
    // csat: 19 answers (唐先生 left it blank), 4s and 5s 8 + 7 = 15 → 15/19 = 78.947… →
    // 78.95%; Wilson 15 of 19 (Python decimal) [0.566652…, 0.914924…] → 56.66 … 91.50;
    // mean 76/19 = 4.0000.
    // nps: 19 answers (梁先生 blank): promoters 9, passives 6, detractors 4. NPS 500/19 =
    // 26.315… → 26.32; SE = 100·√((9/19 + 4/19 − (5/19)²)/19) = 17.9906… → 17.99; margin
    // 1.96·SE = 35.2616… → 35.26; interval [−8.9458…, 61.5774…] → −8.95 … 61.58.
    let out = ok(&["survey", &sample("survey-ratings.csv")]);
    assert!(
        out.contains("satisfied 满意 15 = 78.95% (95% CI 56.66 … 91.50)"),
        "{out}"
    );
    assert!(out.contains("mean 均值 4.0000"), "{out}");
    assert!(
        out.contains("distribution 分布 1:1 2:1 3:2 4:8 5:7"),
        "{out}"
    );
    assert!(
        out.contains("promoters 推荐者 (9–10) 9 = 47.37%, passives 被动者 (7–8) 6 = 31.58%, detractors 贬损者 (0–6) 4 = 21.05%"),
        "{out}"
    );
    assert!(
        out.contains("NPS 26.32 ± 35.26 (SE 17.99), 95% CI -8.95 … 61.58"),
        "{out}"
    );
    // CSAT on another scale: every answer of the sample is on 1–7 too; the top two boxes
    // are then 6 and 7, which nobody gave: 0 of 19.
    let json: serde_json::Value = serde_json::from_str(&ok(&[
        "survey",
        &sample("survey-ratings.csv"),
        "--scale",
        "1-7",
        "--json",
    ]))
    .expect("JSON");
    assert_eq!(json["csat"]["csat"]["count"], 0);
    assert_eq!(json["csat"]["csat"]["percent"], "0.00");
    assert_eq!(json["nps"]["nps"], "26.32");
}

#[test]
fn survey_refusals() {
    let bad = temp("bad-survey.csv");
    // A perception of 8 on 1–7: the respondent and the item are named (exit 1).
    let p: Vec<String> = (1..=22).map(|k| format!("P{k}")).collect();
    let e: Vec<String> = (1..=22).map(|k| format!("E{k}")).collect();
    let mut answers = vec!["5"; 44];
    answers[22 + 4] = "8";
    std::fs::write(
        &bad,
        format!(
            "respondent,{},{}\n3-1-502 王女士,{}\n",
            e.join(","),
            p.join(","),
            answers.join(",")
        ),
    )
    .unwrap();
    let err = fails(1, &["survey", bad.to_str().unwrap()]);
    assert!(
        err.contains(
            "responses[0] (3-1-502 王女士), item q5: perception 8 is outside the scale 1–7"
        ),
        "{err}"
    );
    // Weights summing to 90.
    std::fs::write(
        &bad,
        format!(
            "respondent,{},W_tangibles,W_reliability,W_responsiveness,W_assurance,W_empathy\nr1,{},10,20,20,20,20\n",
            p.join(","),
            vec!["5"; 22].join(",")
        ),
    )
    .unwrap();
    let err = fails(1, &["survey", bad.to_str().unwrap()]);
    assert!(
        err.contains("responses[0] (r1) weights: weights sum to 90, not 100"),
        "{err}"
    );
    // A malformed cell names the line and the column.
    std::fs::write(&bad, "# ratings\nrespondent,nps\nr1,10\nr2,ten\n").unwrap();
    let err = fails(1, &["survey", bad.to_str().unwrap()]);
    assert!(
        err.contains("bad-survey.csv:4: nps: \"ten\" is not a whole number"),
        "{err}"
    );
    // No respondents: no data, not zeros.
    std::fs::write(&bad, "respondent,csat,nps\n").unwrap();
    let out = ok(&["survey", bad.to_str().unwrap()]);
    assert!(out.contains("satisfied 满意 0 = — (95% CI —)"), "{out}");
    assert!(out.contains("NPS — ± — (SE —), 95% CI —"), "{out}");
    // Usage errors exit 2.
    fails(2, &["survey"]);
    fails(2, &["survey", "a.csv", "--scale", "7-1"]);
    fails(2, &["survey", "a.csv", "b.csv"]);
    assert!(ok(&["help", "survey"]).starts_with("usage: wuye survey"));
    fails(1, &["survey", "/nonexistent/survey.csv"]);
}

/// The line of `report` that contains `label` (the first).
fn line_with<'a>(report: &'a str, label: &str) -> &'a str {
    report
        .lines()
        .find(|l| l.contains(label))
        .unwrap_or_else(|| panic!("no line with {label:?} in:\n{report}"))
}

#[test]
fn demo_reports_satisfaction_kpis_and_the_callback_sample() {
    let out = ok(&["demo"]);
    let section = &out[out
        .find("Satisfaction 满意度")
        .expect("a satisfaction section")..];
    // Callbacks on 2026-09-30 (day.json): 001 rated 5, 003 rated 2 (reopened) and later 5,
    // 005 rated 5 (transferred from 绿化部 to 工程部, so 工程部's), 002 rated 5 — all 工程部 —
    // and 012 rated 4 (安管部). Satisfied (≥ 4): 工程部 4 of 5, mean (5+2+5+5+5)/5 = 4.4000;
    // 安管部 1 of 1, mean 4.0000; overall 5 of 6, mean 26/6 = 4.3333. 004 was unreachable
    // three times (工程部). Wilson bounds (Python decimal, outward): 4/5 [37.55, 96.38],
    // 1/1 [20.65, 100.00], 5/6 [43.64, 97.00], 6/7 [48.68, 97.44].
    let eng = line_with(section, "工程部 engineering");
    assert!(
        eng.contains("4/5  80.00%  [37.55, 96.38]") && eng.contains("mean 平均 4.4000"),
        "{eng}"
    );
    assert!(eng.contains("3 unreachable 联系不上"), "{eng}");
    let sec = line_with(section, "安管部 security");
    assert!(
        sec.contains("1/1  100.00%  [20.65, 100.00]") && sec.contains("4.0000"),
        "{sec}"
    );
    let all = line_with(section, "Overall 合计");
    assert!(
        all.contains("5/6  83.33%  [43.64, 97.00]") && all.contains("4.3333"),
        "{all}"
    );
    // Rounds replied on the day: 001, 003 (twice), 002, 004, 005, 012 = 7; all rated but
    // 004, closed unreachable at 17:00.
    let cov = line_with(section, "Callback coverage");
    assert!(cov.contains("6/7  85.71%  [48.68, 97.44]"), "{cov}");
    assert!(cov.contains("1 closed unreachable, 0 pending"), "{cov}");
    // Time to accept, business seconds from the cycle's first dispatch: 001 07:44→07:46 and
    // 012 12:25→12:28 fall outside working hours (0), 007 300, 003 420 twice, 002 480,
    // 004, 005, 006 600, 011 and 009 900: n = 11, median the ⌈5.5⌉ = 6th = 480 s (0:08),
    // p90 the ⌈9.9⌉ = 10th = 900 s (0:15).
    assert!(line_with(section, "Time to accept").contains("11 — median 0:08, p90 0:15"));
    // Time to complete, cycle start → completion: 001 and 012 0, 003 5400 (08:35→10:05),
    // 005 6000 (10:15→11:55), 003 again 7800 (11:00→14:40), 004 9900 (09:05→11:50), 002
    // 16200 (08:50→14:50, the hold included): median the 4th = 6000 (1:40), p90 the 7th
    // = 16200 (4:30).
    assert!(line_with(section, "Time to complete").contains("7 — median 1:40, p90 4:30"));
    // On time: 004's arrive clock (1:35 of 1:00) is the day's only breach among the clocks
    // that ended: arrive 9 of 10. Dispatch and accept: 11 each (010's dispatch clock was
    // voided by its closure without work, within target); complete 7; reply 9 (with the
    // inquiry and the praise); callback 7.
    assert!(line_with(section, "及时率 arrive").contains("9/10  90.00%  [59.58, 98.22]"));
    assert!(line_with(section, "及时率 dispatch").contains("11/11  100.00%"));
    assert!(line_with(section, "及时率 reply").contains("9/9  100.00%"));
    assert!(line_with(section, "及时率 callback").contains("7/7  100.00%"));
    // Closed after a callback round: 001, 002, 003, 004, 005, 012; 003 was reopened, none
    // returned (006 was, but closed without work): reopen 1/6, first-time-right 5/6.
    assert!(line_with(section, "Reopen rate").contains("1/6  16.67%  [3.00, 56.36]"));
    assert!(line_with(section, "First-time-right").contains("5/6  83.33%  [43.64, 97.00]"));
    // One complaint (012) for 1860 households: 100 / 1860 = 0.0537… → 0.05.
    assert!(
        line_with(section, "per 100 households").contains("1 ÷ 1,860 households 户 × 100 = 0.05")
    );
    // Closed on the day except without work (006, 010): 001, 002, 003, 004, 005, 008, 012,
    // 013. Draws under “翠湖花园 2026-09” (Python): 5577, 763, 1911, 7765, 4594, 7332, 198,
    // 6585 — below 3000: 002, 003, 012.
    assert!(line_with(section, "Callback sample 回访抽样")
        .contains("3 of 8 closed requests — WY20260930-002, WY20260930-003, WY20260930-012"));
}
