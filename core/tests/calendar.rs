//! Behaviour of the business calendar against independently known facts: the State Council
//! holiday notices for 2024–2026, working-day counts worked out by hand, and a naive
//! day-by-day reference model for the property tests.

use chrono::{Datelike, Duration, FixedOffset, NaiveDate, TimeZone, Timelike, Weekday};
use proptest::prelude::*;
use wuye_core::calendar::{BusinessCalendar, CalendarError, CalendarSpec, WeekSpec, YearSpec};
use wuye_core::time::Instant;

// ---------------------------------------------------------------------------------------
// Facts, typed in from the notices (国办发明电〔2023〕7号, 国办发明电〔2024〕12号, and the
// 2026 notice of 2025-11-04), independently of the calendar's own data.
// ---------------------------------------------------------------------------------------

const HOLIDAY_RANGES: &[(&str, &str)] = &[
    ("2024-01-01", "2024-01-01"),
    ("2024-02-10", "2024-02-17"),
    ("2024-04-04", "2024-04-06"),
    ("2024-05-01", "2024-05-05"),
    ("2024-06-10", "2024-06-10"),
    ("2024-09-15", "2024-09-17"),
    ("2024-10-01", "2024-10-07"),
    ("2025-01-01", "2025-01-01"),
    ("2025-01-28", "2025-02-04"),
    ("2025-04-04", "2025-04-06"),
    ("2025-05-01", "2025-05-05"),
    ("2025-05-31", "2025-06-02"),
    ("2025-10-01", "2025-10-08"),
    ("2026-01-01", "2026-01-03"),
    ("2026-02-15", "2026-02-23"),
    ("2026-04-04", "2026-04-06"),
    ("2026-05-01", "2026-05-05"),
    ("2026-06-19", "2026-06-21"),
    ("2026-09-25", "2026-09-27"),
    ("2026-10-01", "2026-10-07"),
];

/// Make-up working days with the weekday the notices print beside them.
const MAKEUP: &[(&str, Weekday)] = &[
    ("2024-02-04", Weekday::Sun),
    ("2024-02-18", Weekday::Sun),
    ("2024-04-07", Weekday::Sun),
    ("2024-04-28", Weekday::Sun),
    ("2024-05-11", Weekday::Sat),
    ("2024-09-14", Weekday::Sat),
    ("2024-09-29", Weekday::Sun),
    ("2024-10-12", Weekday::Sat),
    ("2025-01-26", Weekday::Sun),
    ("2025-02-08", Weekday::Sat),
    ("2025-04-27", Weekday::Sun),
    ("2025-09-28", Weekday::Sun),
    ("2025-10-11", Weekday::Sat),
    ("2026-01-04", Weekday::Sun),
    ("2026-02-14", Weekday::Sat),
    ("2026-02-28", Weekday::Sat),
    ("2026-05-09", Weekday::Sat),
    ("2026-09-20", Weekday::Sun),
    ("2026-10-10", Weekday::Sat),
];

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn t(s: &str) -> Instant {
    Instant::parse(s).unwrap()
}

/// An instant from chrono's RFC 3339 (fractions allowed, and dropped).
fn chrono_t(s: &str) -> Instant {
    Instant::from_chrono(chrono::DateTime::parse_from_rfc3339(s).unwrap())
}

fn cal() -> BusinessCalendar {
    BusinessCalendar::china_mainland()
}

fn holidays() -> Vec<NaiveDate> {
    let mut out = Vec::new();
    for &(a, b) in HOLIDAY_RANGES {
        let mut x = d(a);
        while x <= d(b) {
            out.push(x);
            x = x.succ_opt().unwrap();
        }
    }
    out
}

fn not_covered(year: i32) -> CalendarError {
    CalendarError::YearNotCovered { year }
}

const HOUR: i64 = 3600;

// ---------------------------------------------------------------------------------------
// Working days
// ---------------------------------------------------------------------------------------

#[test]
fn every_holiday_is_off_and_every_makeup_day_works() {
    let c = cal();
    let hs = holidays();
    // 1+8+3+5+1+3+7, 1+8+3+5+3+8, 3+9+3+5+3+3+7 days.
    assert_eq!(hs.len(), 28 + 28 + 33);
    for h in &hs {
        assert_eq!(c.is_working_day(*h), Ok(false), "holiday {h}");
    }
    for &(m, wd) in MAKEUP {
        assert_eq!(d(m).weekday(), wd, "{m}");
        assert_eq!(c.is_working_day(d(m)), Ok(true), "make-up day {m}");
    }
}

#[test]
fn known_days() {
    let c = cal();
    let cases = [
        ("2024-02-04", Weekday::Sun, true),  // 调休 before Spring Festival
        ("2024-02-12", Weekday::Mon, false), // Spring Festival
        ("2025-01-26", Weekday::Sun, true),  // 调休
        ("2026-10-10", Weekday::Sat, true),  // 调休 after National Day
        ("2026-10-08", Weekday::Thu, true),  // first day back
        ("2026-10-17", Weekday::Sat, false), // ordinary Saturday
        ("2024-06-08", Weekday::Sat, false), // ordinary Saturday
        ("2026-06-01", Weekday::Mon, true),  // ordinary Monday
        ("2024-12-31", Weekday::Tue, true),  // New Year's Eve is worked
        ("2025-10-08", Weekday::Wed, false), // 2025 National Day runs to Oct 8
    ];
    for (s, wd, working) in cases {
        assert_eq!(d(s).weekday(), wd, "{s}");
        assert_eq!(c.is_working_day(d(s)), Ok(working), "{s}");
    }
}

#[test]
fn uncovered_years_are_errors() {
    let c = cal();
    assert_eq!(c.is_working_day(d("2023-12-29")), Err(not_covered(2023)));
    assert_eq!(c.is_working_day(d("2027-01-04")), Err(not_covered(2027)));
    assert_eq!(c.is_working_day(d("2023-12-31")), Err(not_covered(2023)));
    assert_eq!(c.is_working_day(d("2027-01-01")), Err(not_covered(2027)));
    assert_eq!(c.is_working_day(d("2024-01-01")), Ok(false));
    assert_eq!(c.is_working_day(d("2026-12-31")), Ok(true));
    assert!(c.covers_year(2025));
    assert!(!c.covers_year(2023));
    assert!(!c.covers_year(2027));
}

#[test]
fn working_days_in_months_by_hand() {
    let c = cal();
    let wd = |a: &str, b: &str| c.working_days(d(a), d(b)).unwrap();
    // Feb 2024: 29 days from Thu 1st = 4 weeks + Thu → 21 weekdays; minus Feb 12–16
    // (Mon–Fri) = 16; plus make-up Sun Feb 4 and Sun Feb 18 = 18.
    assert_eq!(wd("2024-02-01", "2024-02-29"), 18);
    // Jan 2025: 31 days from Wed 1st → 23 weekdays; minus Jan 1 (Wed) and Jan 28–31
    // (Tue–Fri) = 18; plus make-up Sun Jan 26 = 19.
    assert_eq!(wd("2025-01-01", "2025-01-31"), 19);
    // Oct 2025: 31 days from Wed 1st → 23 weekdays; minus Oct 1–3 (Wed–Fri) and 6–8
    // (Mon–Wed) = 17; plus make-up Sat Oct 11 = 18 (Sep 28 belongs to September).
    assert_eq!(wd("2025-10-01", "2025-10-31"), 18);
    // Feb 2026: 28 days from Sun 1st → 20 weekdays; minus Feb 16–20 (Mon–Fri) and
    // Feb 23 (Mon) = 14; plus make-up Sat Feb 14 and Sat Feb 28 = 16.
    assert_eq!(wd("2026-02-01", "2026-02-28"), 16);
    // Oct 2026: 31 days from Thu 1st → 22 weekdays; minus Oct 1, 2, 5, 6, 7 = 17; plus
    // make-up Sat Oct 10 = 18.
    assert_eq!(wd("2026-10-01", "2026-10-31"), 18);
    // A single day, a holiday, a weekend pair.
    assert_eq!(wd("2026-10-09", "2026-10-09"), 1);
    assert_eq!(wd("2026-10-01", "2026-10-01"), 0);
    assert_eq!(wd("2026-10-17", "2026-10-18"), 0);
}

#[test]
fn working_days_in_whole_years_by_hand() {
    let c = cal();
    // 2024: leap year from Mon Jan 1 → 52 weeks + Mon, Tue = 262 weekdays. Weekday holidays:
    // Jan 1; Feb 12–16 (5); Apr 4–5 (2); May 1–3 (3); Jun 10; Sep 16–17 (2); Oct 1–4, 7 (5)
    // = 19. 262 − 19 + 8 make-up days = 251.
    assert_eq!(c.working_days(d("2024-01-01"), d("2024-12-31")), Ok(251));
    // 2025: from Wed Jan 1 → 52 weeks + Wed = 261 weekdays. Weekday holidays: Jan 1;
    // Jan 28–31, Feb 3–4 (6); Apr 4; May 1, 2, 5 (3); Jun 2; Oct 1–3, 6–8 (6) = 18.
    // 261 − 18 + 5 make-up days = 248. (2025 is the first year with 13 statutory holiday
    // days instead of 11, so it has 248, not the 250 of earlier years.)
    assert_eq!(c.working_days(d("2025-01-01"), d("2025-12-31")), Ok(248));
    // 2026: from Thu Jan 1 → 52 weeks + Thu = 261 weekdays. Weekday holidays: Jan 1–2 (2);
    // Feb 16–20, 23 (6); Apr 6; May 1, 4, 5 (3); Jun 19; Sep 25; Oct 1, 2, 5, 6, 7 (5) = 19.
    // 261 − 19 + 6 make-up days = 248.
    assert_eq!(c.working_days(d("2026-01-01"), d("2026-12-31")), Ok(248));
    assert_eq!(
        c.working_days(d("2024-01-01"), d("2026-12-31")),
        Ok(251 + 248 + 248)
    );
}

#[test]
fn working_days_errors() {
    let c = cal();
    assert_eq!(
        c.working_days(d("2026-10-31"), d("2026-10-01")),
        Err(CalendarError::ReversedRange {
            from: "2026-10-31".into(),
            to: "2026-10-01".into()
        })
    );
    assert_eq!(
        c.working_days(d("2026-12-01"), d("2027-01-05")),
        Err(not_covered(2027))
    );
    assert_eq!(
        c.working_days(d("2023-12-01"), d("2024-01-05")),
        Err(not_covered(2023))
    );
}

// ---------------------------------------------------------------------------------------
// Business time
// ---------------------------------------------------------------------------------------

#[test]
fn add_examples() {
    let c = cal();
    let add = |s: &str, secs: i64| c.add(t(s), secs);
    // Wed Sep 30 17:00 + 1 h: 30 min today, Oct 1–7 off, Thu Oct 8 08:30 + 30 min.
    assert_eq!(
        add("2026-09-30T17:00:00+08:00", HOUR),
        Ok(t("2026-10-08T09:00:00+08:00"))
    );
    // Fri Oct 9 17:00 + 1 h: the make-up Saturday Oct 10 is worked.
    assert_eq!(
        add("2026-10-09T17:00:00+08:00", HOUR),
        Ok(t("2026-10-10T09:00:00+08:00"))
    );
    // 10:00 + 2 h: 10:00–12:00 is exactly 2 h, so the deadline is 12:00 itself (the
    // earliest instant at that position), not 13:30.
    assert_eq!(
        add("2026-06-01T10:00:00+08:00", 2 * HOUR),
        Ok(t("2026-06-01T12:00:00+08:00"))
    );
    // 10:30 + 2 h: 1.5 h until 12:00, then 13:30 + 0.5 h = 14:00.
    assert_eq!(
        add("2026-06-01T10:30:00+08:00", 2 * HOUR),
        Ok(t("2026-06-01T14:00:00+08:00"))
    );
    // A start on a Saturday begins on Monday morning.
    assert_eq!(
        add("2024-06-08T10:00:00+08:00", HOUR),
        Ok(t("2024-06-11T09:30:00+08:00")) // Mon Jun 10 is 端午节
    );
    // A start in the lunch break.
    assert_eq!(
        add("2026-06-01T12:30:00+08:00", 60),
        Ok(t("2026-06-01T13:31:00+08:00"))
    );
}

#[test]
fn deadlines_across_long_holidays() {
    let c = cal();
    // Mon Jan 27 2025 16:00 + 4 h: 1.5 h today, Jan 28–Feb 4 off, Wed Feb 5 08:30 + 2.5 h.
    assert_eq!(
        c.add(t("2025-01-27T16:00:00+08:00"), 4 * HOUR),
        Ok(t("2025-02-05T11:00:00+08:00"))
    );
    // Fri Feb 13 2026 17:00 + 1 h → make-up Sat Feb 14 09:00.
    assert_eq!(
        c.add(t("2026-02-13T17:00:00+08:00"), HOUR),
        Ok(t("2026-02-14T09:00:00+08:00"))
    );
    // Sat Feb 14 2026 17:00 + 1 h → Feb 15–23 off → Tue Feb 24 09:00.
    assert_eq!(
        c.add(t("2026-02-14T17:00:00+08:00"), HOUR),
        Ok(t("2026-02-24T09:00:00+08:00"))
    );
    // Three working days (3 × 7.5 h) from Thu Apr 30 2026 08:30: Apr 30, May 6, May 7 → the
    // end of May 7 (May 1–5 off; May 9 is a make-up Saturday but not needed).
    assert_eq!(
        c.add(t("2026-04-30T08:30:00+08:00"), 3 * 27_000),
        Ok(t("2026-05-07T17:30:00+08:00"))
    );
}

#[test]
fn deadline_at_window_end_stays_there() {
    let c = cal();
    // 08:30 + 3.5 h is exactly 12:00, not the 13:30 start of the afternoon.
    let noon = t("2026-10-09T12:00:00+08:00");
    assert_eq!(c.add(t("2026-10-09T08:30:00+08:00"), 12_600), Ok(noon));
    // 13:30 + 4 h on a Friday is exactly 17:30, not the next working morning.
    let close = t("2026-10-09T17:30:00+08:00");
    assert_eq!(c.add(t("2026-10-09T13:30:00+08:00"), 4 * HOUR), Ok(close));
    // Positions at 12:00 and 13:30 coincide; the earliest instant is 12:00.
    let p = c.position(noon).unwrap();
    assert_eq!(c.position(t("2026-10-09T13:30:00+08:00")), Ok(p));
    assert_eq!(c.instant_at(p), Ok(noon));
    // One second later is 13:30:01.
    assert_eq!(c.instant_at(p + 1), Ok(t("2026-10-09T13:30:01+08:00")));
    // 17:30 Friday and 08:30 on the make-up Saturday coincide too.
    let p = c.position(close).unwrap();
    assert_eq!(c.position(t("2026-10-10T08:30:00+08:00")), Ok(p));
    assert_eq!(c.instant_at(p), Ok(close));
}

#[test]
fn across_new_year() {
    let c = cal();
    // Tue Dec 31 2024 17:00 + 1 h: 30 min, Jan 1 off, Thu Jan 2 2025 08:30 + 30 min.
    assert_eq!(
        c.add(t("2024-12-31T17:00:00+08:00"), HOUR),
        Ok(t("2025-01-02T09:00:00+08:00"))
    );
    assert_eq!(
        c.between(
            t("2024-12-31T17:00:00+08:00"),
            t("2025-01-02T09:00:00+08:00")
        ),
        Ok(HOUR)
    );
    // 2025 → 2026: Wed Dec 31 2025 worked, Jan 1–3 2026 off, Sun Jan 4 2026 make-up.
    assert_eq!(
        c.add(t("2025-12-31T17:30:00+08:00"), HOUR),
        Ok(t("2026-01-04T09:30:00+08:00"))
    );
}

#[test]
fn add_errors() {
    let c = cal();
    // Thu Dec 31 2026 17:00 + 1 h runs into 2027.
    assert_eq!(
        c.add(t("2026-12-31T17:00:00+08:00"), HOUR),
        Err(not_covered(2027))
    );
    // But exactly 30 min reaches 17:30 of the last covered day.
    assert_eq!(
        c.add(t("2026-12-31T17:00:00+08:00"), 1800),
        Ok(t("2026-12-31T17:30:00+08:00"))
    );
    assert_eq!(
        c.add(t("2026-06-01T10:00:00+08:00"), 0),
        Err(CalendarError::InvalidDuration { seconds: 0 })
    );
    assert_eq!(
        c.add(t("2026-06-01T10:00:00+08:00"), -5),
        Err(CalendarError::InvalidDuration { seconds: -5 })
    );
    assert_eq!(
        c.add(t("2026-06-01T10:00:00+08:00"), i64::MAX),
        Err(not_covered(2027))
    );
    assert_eq!(
        c.add(t("2023-12-29T10:00:00+08:00"), HOUR),
        Err(not_covered(2023))
    );
}

#[test]
fn between_examples_and_errors() {
    let c = cal();
    // Fri Oct 9 2026 08:30 → Mon Oct 12 08:30: Friday and the make-up Saturday, 7.5 h each.
    assert_eq!(
        c.between(
            t("2026-10-09T08:30:00+08:00"),
            t("2026-10-12T08:30:00+08:00")
        ),
        Ok(2 * 27_000)
    );
    // Over a whole month: 18 working days of 7.5 h in October 2026.
    assert_eq!(
        c.between(
            t("2026-10-01T00:00:00+08:00"),
            t("2026-11-01T00:00:00+08:00")
        ),
        Ok(18 * 27_000)
    );
    // Inside a lunch break nothing elapses.
    assert_eq!(
        c.between(
            t("2026-06-01T12:00:00+08:00"),
            t("2026-06-01T13:30:00+08:00")
        ),
        Ok(0)
    );
    assert_eq!(
        c.between(
            t("2026-06-01T10:00:00+08:00"),
            t("2026-06-01T10:00:00+08:00")
        ),
        Ok(0)
    );
    assert_eq!(
        c.between(
            t("2026-06-01T10:00:00+08:00"),
            t("2026-06-01T09:00:00+08:00")
        ),
        Err(CalendarError::ReversedRange {
            from: "2026-06-01T10:00:00+08:00".into(),
            to: "2026-06-01T09:00:00+08:00".into(),
        })
    );
    assert_eq!(
        c.between(
            t("2023-12-29T10:00:00+08:00"),
            t("2024-01-02T10:00:00+08:00")
        ),
        Err(not_covered(2023))
    );
    assert_eq!(
        c.between(
            t("2026-12-29T10:00:00+08:00"),
            t("2027-01-04T10:00:00+08:00")
        ),
        Err(not_covered(2027))
    );
    // Converted to +08:00 first: 2026-12-31T16:30Z is 2027-01-01T00:30+08:00.
    assert_eq!(
        c.between(t("2026-12-31T10:00:00+08:00"), t("2026-12-31T16:30:00Z")),
        Err(not_covered(2027))
    );
}

#[test]
fn positions_and_instants() {
    let c = cal();
    let origin = t("2024-01-01T00:00:00+08:00");
    assert_eq!(c.position(origin), Ok(0));
    assert_eq!(c.instant_at(0), Ok(origin));
    // Jan 1 2024 is a holiday: the first business second is Tue Jan 2 08:30:00–08:30:01.
    assert_eq!(c.instant_at(1), Ok(t("2024-01-02T08:30:01+08:00")));
    assert_eq!(c.position(t("2024-01-02T08:30:00+08:00")), Ok(0));
    assert_eq!(c.instant_at(-1), Err(not_covered(2023)));
    let total = (251 + 248 + 248) * 27_000;
    assert_eq!(c.position(t("2026-12-31T23:59:59+08:00")), Ok(total));
    assert_eq!(c.instant_at(total), Ok(t("2026-12-31T17:30:00+08:00")));
    assert_eq!(c.instant_at(total + 1), Err(not_covered(2027)));
    assert_eq!(
        c.position(t("2023-12-31T23:59:59+08:00")),
        Err(not_covered(2023))
    );
    // Results come back in the calendar's offset.
    let r = c.instant_at(1).unwrap();
    assert_eq!(r.offset().local_minus_utc(), 8 * 3600);
    assert_eq!(c.offset(), FixedOffset::east_opt(8 * 3600).unwrap());
    // An instant is whole seconds: chrono's sub-seconds are dropped on the way in.
    assert_eq!(
        c.position(chrono_t("2024-01-02T08:30:01.999+08:00")),
        Ok(1),
        "truncates"
    );
}

#[test]
fn next_working_instant_examples() {
    let c = cal();
    let n = |s: &str| c.next_working_instant(t(s));
    assert_eq!(
        n("2026-06-01T10:00:00+08:00"),
        Ok(t("2026-06-01T10:00:00+08:00"))
    );
    assert_eq!(
        n("2026-06-01T08:30:00+08:00"),
        Ok(t("2026-06-01T08:30:00+08:00"))
    );
    assert_eq!(
        n("2026-06-01T07:00:00+08:00"),
        Ok(t("2026-06-01T08:30:00+08:00"))
    );
    assert_eq!(
        n("2026-06-01T12:00:00+08:00"),
        Ok(t("2026-06-01T13:30:00+08:00"))
    );
    assert_eq!(
        n("2026-06-01T17:30:00+08:00"),
        Ok(t("2026-06-02T08:30:00+08:00"))
    );
    // Friday evening before a make-up Saturday.
    assert_eq!(
        n("2026-10-09T18:00:00+08:00"),
        Ok(t("2026-10-10T08:30:00+08:00"))
    );
    // Evening before the National Day week.
    assert_eq!(
        n("2026-09-30T17:30:00+08:00"),
        Ok(t("2026-10-08T08:30:00+08:00"))
    );
    // Given in UTC, answered in +08:00: 00:30Z is 08:30+08:00, inside the window.
    let r = n("2026-06-01T00:30:00Z").unwrap();
    assert_eq!(r, t("2026-06-01T08:30:00+08:00"));
    assert_eq!(r.offset().local_minus_utc(), 8 * 3600);
    // chrono's sub-seconds are dropped on the way in (an instant is whole seconds).
    assert_eq!(
        c.next_working_instant(chrono_t("2026-06-01T11:59:59.5+08:00")),
        Ok(t("2026-06-01T11:59:59+08:00"))
    );
    assert_eq!(
        c.next_working_instant(chrono_t("2026-06-01T08:29:59.5+08:00")),
        Ok(t("2026-06-01T08:30:00+08:00"))
    );
    assert_eq!(n("2026-12-31T18:00:00+08:00"), Err(not_covered(2027)));
    assert_eq!(n("2027-01-04T09:00:00+08:00"), Err(not_covered(2027)));
}

// ---------------------------------------------------------------------------------------
// Spec: validation and serde
// ---------------------------------------------------------------------------------------

fn base_spec() -> CalendarSpec {
    CalendarSpec {
        utc_offset: "+08:00".into(),
        week: WeekSpec::china_office_hours(),
        makeup_windows: None,
        years: vec![YearSpec {
            year: 2026,
            holidays: vec!["2026-01-01".into()],
            makeup_workdays: vec!["2026-01-04".into()],
        }],
    }
}

fn reason(spec: CalendarSpec) -> String {
    match BusinessCalendar::from_spec(spec) {
        Err(CalendarError::InvalidSpec { reason }) => reason,
        other => panic!("expected InvalidSpec, got {other:?}"),
    }
}

#[test]
fn spec_validation_errors() {
    assert!(BusinessCalendar::from_spec(base_spec()).is_ok());

    let mut s = base_spec();
    s.week.tue = vec!["08:30-12:00".into(), "11:00-14:00".into()];
    let r = reason(s);
    assert!(r.contains("week.tue") && r.contains("11:00-14:00") && r.contains("overlaps"));

    let mut s = base_spec();
    s.week.wed = vec!["13:30-17:30".into(), "08:30-12:00".into()];
    let r = reason(s);
    assert!(r.contains("week.wed") && r.contains("sorted"), "{r}");

    let mut s = base_spec();
    s.week.thu = vec!["12:00-08:30".into()];
    let r = reason(s);
    assert!(r.contains("week.thu") && r.contains("12:00-08:30"), "{r}");

    let mut s = base_spec();
    s.week.fri = vec!["09:00-09:00".into()];
    assert!(reason(s).contains("week.fri"));

    let mut s = base_spec();
    s.week.sat = vec!["9:00-12:00".into()];
    assert!(reason(s).contains("week.sat"));

    let mut s = base_spec();
    s.week.sun = vec!["24:00-24:00".into()];
    assert!(reason(s).contains("week.sun"));

    let mut s = base_spec();
    s.makeup_windows = Some(vec!["10:00-11:00".into(), "10:30-12:00".into()]);
    assert!(reason(s).contains("makeup_windows"));

    let mut s = base_spec();
    s.years[0].makeup_workdays.push("2026-01-01".into());
    let r = reason(s);
    assert!(r.contains("2026-01-01") && r.contains("both"), "{r}");

    let mut s = base_spec();
    s.years[0].holidays.push("2025-12-31".into());
    let r = reason(s);
    assert!(r.contains("outside year 2026"), "{r}");

    let mut s = base_spec();
    s.years[0].holidays.push("2026-12-30..2027-01-02".into());
    assert!(reason(s).contains("outside year 2026"));

    let mut s = base_spec();
    s.years[0].holidays.push("2026-01-01".into());
    assert!(reason(s).contains("twice"));

    let mut s = base_spec();
    s.years[0].holidays.push("2026-02-10..2026-02-01".into());
    assert!(reason(s).contains("2026-02-10..2026-02-01"));

    let mut s = base_spec();
    s.years[0].holidays.push("2026-02-30".into());
    assert!(reason(s).contains("2026-02-30"));

    let mut s = base_spec();
    s.years.push(s.years[0].clone());
    assert!(reason(s).contains("twice"));

    let mut s = base_spec();
    s.years.clear();
    assert!(reason(s).contains("at least one"));

    let mut s = base_spec();
    s.years[0].year = 0;
    assert!(reason(s).contains("outside"));

    let mut s = base_spec();
    s.years.push(YearSpec {
        year: 3100,
        holidays: vec![],
        makeup_workdays: vec![],
    });
    assert!(reason(s).contains("spans more than"));

    for bad in ["+8:00", "+24:00", "UTC", "08:00", "", "+08:00:60"] {
        let mut s = base_spec();
        s.utc_offset = bad.into();
        assert!(reason(s).contains("utc_offset"), "{bad:?}");
    }

    // Make-up days need windows.
    let mut s = base_spec();
    s.makeup_windows = Some(vec![]);
    assert!(reason(s).contains("makeup_windows"));
    let mut s = base_spec();
    s.week.mon = vec![];
    assert!(reason(s).contains("makeup_windows"));
    // ...but without make-up days an empty Monday is fine.
    let mut s = base_spec();
    s.week.mon = vec![];
    s.years[0].makeup_workdays.clear();
    assert!(BusinessCalendar::from_spec(s).is_ok());
}

#[test]
fn serde_rejects_bad_json() {
    let good = serde_json::to_value(base_spec()).unwrap();
    assert!(serde_json::from_value::<BusinessCalendar>(good.clone()).is_ok());

    let mut v = good.clone();
    v["extra"] = serde_json::json!(1);
    assert!(serde_json::from_value::<CalendarSpec>(v).is_err());

    let mut v = good.clone();
    v["week"]["holiday"] = serde_json::json!([]);
    assert!(serde_json::from_value::<CalendarSpec>(v).is_err());

    let mut v = good.clone();
    v["years"][0]["note"] = serde_json::json!("x");
    assert!(serde_json::from_value::<CalendarSpec>(v).is_err());

    let mut v = good.clone();
    v["week"].as_object_mut().unwrap().remove("sun");
    assert!(serde_json::from_value::<CalendarSpec>(v).is_err());

    // A spec that parses but does not validate fails as a calendar.
    let mut v = good.clone();
    v["utc_offset"] = serde_json::json!("+25:00");
    assert!(serde_json::from_value::<CalendarSpec>(v.clone()).is_ok());
    let err = serde_json::from_value::<BusinessCalendar>(v).unwrap_err();
    assert!(err.to_string().contains("utc_offset"), "{err}");

    // utc_offset and makeup_windows may be omitted.
    let mut v = good;
    v.as_object_mut().unwrap().remove("utc_offset");
    v.as_object_mut().unwrap().remove("makeup_windows");
    let spec: CalendarSpec = serde_json::from_value(v).unwrap();
    assert_eq!(spec, base_spec());
}

#[test]
fn serde_round_trip_of_china_mainland() {
    let c = cal();
    let json = serde_json::to_string(&c).unwrap();
    let back: BusinessCalendar = serde_json::from_str(&json).unwrap();
    assert_eq!(back, c);
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
    // The shape documented in the module docs.
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["utc_offset"], "+08:00");
    assert_eq!(v["makeup_windows"], serde_json::Value::Null);
    assert_eq!(
        v["week"]["mon"],
        serde_json::json!(["08:30-12:00", "13:30-17:30"])
    );
    assert_eq!(v["week"]["sat"], serde_json::json!([]));
    assert_eq!(v["years"][2]["year"], 2026);
    assert_eq!(v["years"][2]["makeup_workdays"][0], "2026-01-04");
    // And the calendar rebuilt from JSON answers the same.
    assert_eq!(
        back.add(t("2026-09-30T17:00:00+08:00"), HOUR),
        Ok(t("2026-10-08T09:00:00+08:00"))
    );
    assert_eq!(&CalendarSpec::from(back), c.spec());
}

#[test]
fn written_out_dates_equal_ranges() {
    // The same 2026 data with every date written out gives the same answers.
    let mut s = CalendarSpec::china_mainland();
    s.years.retain(|y| y.year == 2026);
    s.years[0].holidays = holidays()
        .into_iter()
        .filter(|h| h.year() == 2026)
        .map(|h| h.to_string())
        .collect();
    let expanded = BusinessCalendar::from_spec(s).unwrap();
    let c = cal();
    assert_ne!(expanded, c); // equality is by spec
    let mut x = d("2026-01-01");
    while x.year() == 2026 {
        assert_eq!(expanded.is_working_day(x), c.is_working_day(x), "{x}");
        x = x.succ_opt().unwrap();
    }
}

// ---------------------------------------------------------------------------------------
// Other calendars
// ---------------------------------------------------------------------------------------

#[test]
fn custom_week_with_china_years() {
    // A service desk open 08:00–20:00 every day, still closed on public holidays.
    let day = || vec!["08:00-20:00".to_string()];
    let week = WeekSpec {
        mon: day(),
        tue: day(),
        wed: day(),
        thu: day(),
        fri: day(),
        sat: day(),
        sun: day(),
    };
    let c = BusinessCalendar::china_mainland_with_week(week).unwrap();
    assert_eq!(c.is_working_day(d("2026-10-17")), Ok(true)); // Saturday
    assert_eq!(c.is_working_day(d("2026-10-01")), Ok(false)); // 国庆节
                                                              // Oct 2026: 31 days − 7 holidays = 24.
    assert_eq!(c.working_days(d("2026-10-01"), d("2026-10-31")), Ok(24));
    assert_eq!(
        c.add(t("2026-09-30T19:00:00+08:00"), 2 * HOUR),
        Ok(t("2026-10-08T09:00:00+08:00"))
    );
    assert!(BusinessCalendar::china_mainland_with_week(WeekSpec {
        mon: vec!["bad".into()],
        ..WeekSpec::china_office_hours()
    })
    .is_err());
}

#[test]
fn makeup_windows_and_seconds() {
    let mut s = base_spec();
    s.makeup_windows = Some(vec!["09:00:30-12:00".into()]);
    let c = BusinessCalendar::from_spec(s).unwrap();
    // Sun Jan 4 2026 is a make-up day working 09:00:30–12:00 only.
    assert_eq!(
        c.between(
            t("2026-01-04T00:00:00+08:00"),
            t("2026-01-05T00:00:00+08:00")
        ),
        Ok(3 * HOUR - 30)
    );
    assert_eq!(
        c.next_working_instant(t("2026-01-04T09:00:00+08:00")),
        Ok(t("2026-01-04T09:00:30+08:00"))
    );
}

#[test]
fn around_the_clock_windows_and_other_offsets() {
    let all = || vec!["00:00-24:00".to_string()];
    let spec = CalendarSpec {
        utc_offset: "-05:00".into(),
        week: WeekSpec {
            mon: all(),
            tue: all(),
            wed: all(),
            thu: all(),
            fri: all(),
            sat: all(),
            sun: all(),
        },
        makeup_windows: None,
        years: vec![YearSpec {
            year: 2026,
            holidays: vec!["2026-07-04".into()],
            makeup_workdays: vec![],
        }],
    };
    let c = BusinessCalendar::from_spec(spec).unwrap();
    assert_eq!(c.offset().local_minus_utc(), -5 * 3600);
    // Every second counts except Jul 4.
    assert_eq!(
        c.between(
            t("2026-07-03T12:00:00-05:00"),
            t("2026-07-05T12:00:00-05:00")
        ),
        Ok(24 * HOUR)
    );
    // 23:00 + 1 h is the next midnight, which still belongs to 2026…
    assert_eq!(
        c.add(t("2026-06-01T23:00:00-05:00"), HOUR),
        Ok(t("2026-06-02T00:00:00-05:00"))
    );
    // …except after Dec 31, where it would be 2027-01-01T00:00.
    assert_eq!(
        c.add(t("2026-12-31T23:00:00-05:00"), HOUR),
        Err(not_covered(2027))
    );
    // Offsets: 2026-01-01T04:59:59Z is still Dec 31 2025 in -05:00.
    assert_eq!(
        c.position(t("2026-01-01T04:59:59Z")),
        Err(not_covered(2025))
    );
    assert_eq!(c.position(t("2026-01-01T05:00:00Z")), Ok(0));
    assert_eq!(
        c.next_working_instant(t("2026-07-04T10:00:00-05:00")),
        Ok(t("2026-07-05T00:00:00-05:00"))
    );
}

#[test]
fn gap_years_are_never_crossed() {
    let mut spec = CalendarSpec::china_mainland();
    spec.years.retain(|y| y.year != 2025);
    let c = BusinessCalendar::from_spec(spec).unwrap();
    assert!(c.covers_year(2024) && !c.covers_year(2025) && c.covers_year(2026));
    assert_eq!(c.is_working_day(d("2025-06-03")), Err(not_covered(2025)));
    assert_eq!(
        c.working_days(d("2024-12-01"), d("2026-01-31")),
        Err(not_covered(2025))
    );
    assert_eq!(
        c.between(
            t("2024-12-31T10:00:00+08:00"),
            t("2026-01-05T10:00:00+08:00")
        ),
        Err(not_covered(2025))
    );
    assert_eq!(
        c.add(t("2024-12-31T17:00:00+08:00"), HOUR),
        Err(not_covered(2025))
    );
    assert_eq!(
        c.next_working_instant(t("2024-12-31T18:00:00+08:00")),
        Err(not_covered(2025))
    );
    // Within one covered year everything works as before.
    assert_eq!(c.working_days(d("2024-01-01"), d("2024-12-31")), Ok(251));
    assert_eq!(c.working_days(d("2026-01-01"), d("2026-12-31")), Ok(248));
    assert_eq!(
        c.add(t("2026-09-30T17:00:00+08:00"), HOUR),
        Ok(t("2026-10-08T09:00:00+08:00"))
    );
    // 2025 counts zero: the position at the start of 2026 is the total of 2024.
    assert_eq!(c.position(t("2026-01-01T00:00:00+08:00")), Ok(251 * 27_000));
    assert_eq!(
        c.instant_at(251 * 27_000),
        Ok(t("2024-12-31T17:30:00+08:00"))
    );
}

// ---------------------------------------------------------------------------------------
// Property tests against a naive day-by-day reference model
// ---------------------------------------------------------------------------------------

fn cst() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap()
}

/// 2024-01-01T00:00+08:00 and 2027-01-01T00:00+08:00 as Unix seconds.
fn span() -> (i64, i64) {
    let a = cst()
        .with_ymd_and_hms(2024, 1, 1, 0, 0, 0)
        .unwrap()
        .timestamp();
    let b = cst()
        .with_ymd_and_hms(2027, 1, 1, 0, 0, 0)
        .unwrap()
        .timestamp();
    (a, b)
}

fn inst(ts: i64) -> Instant {
    Instant::from_timestamp(ts, cst()).unwrap()
}

fn ref_working(day: NaiveDate, hs: &[NaiveDate]) -> bool {
    MAKEUP.iter().any(|&(m, _)| d(m) == day)
        || (day.weekday().num_days_from_monday() < 5 && !hs.contains(&day))
}

/// Business seconds in [a, b] by walking days and intersecting 08:30–12:00, 13:30–17:30.
fn ref_between(a: Instant, b: Instant, hs: &[NaiveDate]) -> i64 {
    let (la, lb) = (a.with_offset(cst()).local(), b.with_offset(cst()).local());
    let mut total = 0;
    let mut day = la.date();
    while day <= lb.date() {
        if ref_working(day, hs) {
            for (h1, m1, h2, m2) in [(8, 30, 12, 0), (13, 30, 17, 30)] {
                let ws = day.and_hms_opt(h1, m1, 0).unwrap();
                let we = day.and_hms_opt(h2, m2, 0).unwrap();
                let s = ws.max(la);
                let e = we.min(lb);
                if e > s {
                    total += (e - s).num_seconds();
                }
            }
        }
        day = day.succ_opt().unwrap();
    }
    total
}

fn in_window(at: Instant) -> bool {
    let l = at.with_offset(cst()).local();
    let secs = l
        .time()
        .signed_duration_since(chrono::NaiveTime::MIN)
        .num_seconds();
    ref_working(l.date(), &holidays())
        && ((30_600..43_200).contains(&secs) || (48_600..63_000).contains(&secs))
}

fn any_instant() -> impl Strategy<Value = i64> {
    let (a, b) = span();
    a..b
}

/// Offsets from −12:00 to +14:00 in 15-minute steps.
fn any_offset() -> impl Strategy<Value = FixedOffset> {
    (-48i32..=56).prop_map(|q| FixedOffset::east_opt(q * 900).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn between_matches_reference(x in any_instant(), y in any_instant()) {
        let c = cal();
        let hs = holidays();
        let (a, b) = (inst(x.min(y)), inst(x.max(y)));
        let got = c.between(a, b).unwrap();
        prop_assert_eq!(got, ref_between(a, b, &hs));
        prop_assert!(got <= (b - a).num_seconds());
        prop_assert!(got >= 0);
    }

    #[test]
    fn between_is_additive(x in any_instant(), y in any_instant(), z in any_instant()) {
        let c = cal();
        let mut v = [x, y, z];
        v.sort();
        let [a, b, m] = v.map(inst);
        prop_assert_eq!(
            c.between(a, b).unwrap() + c.between(b, m).unwrap(),
            c.between(a, m).unwrap()
        );
    }

    #[test]
    fn add_then_between_round_trips(x in any_instant(), s in 1i64..(120 * 27_000)) {
        let c = cal();
        let a = inst(x);
        let total = (251 + 248 + 248) * 27_000;
        let target = c.position(a).unwrap() + s;
        match c.add(a, s) {
            Ok(r) => {
                prop_assert!(r >= a);
                prop_assert_eq!(c.between(a, r).unwrap(), s);
                prop_assert_eq!(c.position(r).unwrap(), target);
                // Minimal: one second earlier is short of the target.
                prop_assert!(c.position(r - Duration::seconds(1)).unwrap() < target);
                // The deadline is in a window or at a window's end.
                prop_assert!(in_window(r - Duration::seconds(1)));
                prop_assert_eq!(r.offset().local_minus_utc(), 8 * 3600);
            }
            Err(e) => {
                prop_assert_eq!(e, not_covered(2027));
                prop_assert!(target > total);
            }
        }
    }

    #[test]
    fn instant_at_inverts_position(p in 1i64..=((251 + 248 + 248) * 27_000)) {
        let c = cal();
        let r = c.instant_at(p).unwrap();
        prop_assert_eq!(c.position(r).unwrap(), p);
        prop_assert!(c.position(r - Duration::seconds(1)).unwrap() == p - 1);
    }

    #[test]
    fn window_ends_map_to_window_ends(n in 0i64..(251 + 248 + 248), morning in any::<bool>()) {
        // Every working day has 3.5 h before noon and 7.5 h in all, so these positions are
        // reached exactly at 12:00 or 17:30 of the (n+1)-th working day.
        let c = cal();
        let p = n * 27_000 + if morning { 12_600 } else { 27_000 };
        let r = c.instant_at(p).unwrap();
        let l = r.local().time();
        let want = if morning { (12, 0) } else { (17, 30) };
        prop_assert_eq!((l.hour(), l.minute(), l.second()), (want.0, want.1, 0));
        prop_assert!(ref_working(r.date(), &holidays()));
        let start = inst(span().0);
        prop_assert_eq!(
            c.working_days(start.date(), r.date()).unwrap(),
            n as u32 + 1
        );
    }

    #[test]
    fn next_working_instant_is_in_a_window(x in any_instant()) {
        let c = cal();
        let a = inst(x);
        match c.next_working_instant(a) {
            Ok(n) => {
                prop_assert!(n >= a);
                prop_assert!(in_window(n));
                // Nothing business-worthy is skipped.
                prop_assert_eq!(c.between(a, n).unwrap(), 0);
                if in_window(a) {
                    prop_assert_eq!(n, a);
                }
            }
            Err(e) => {
                // Only after the last window of 2026.
                prop_assert_eq!(e, not_covered(2027));
                prop_assert!(a >= t("2026-12-31T17:30:00+08:00"));
            }
        }
    }

    #[test]
    fn position_is_monotone(x in any_instant(), y in any_instant()) {
        let c = cal();
        let (a, b) = (inst(x.min(y)), inst(x.max(y)));
        prop_assert!(c.position(a).unwrap() <= c.position(b).unwrap());
    }

    #[test]
    fn offsets_do_not_matter(
        x in any_instant(),
        y in any_instant(),
        s in 1i64..(60 * 27_000),
        o1 in any_offset(),
        o2 in any_offset(),
    ) {
        let c = cal();
        let (a, b) = (inst(x.min(y)), inst(x.max(y)));
        let (a2, b2) = (a.with_offset(o1), b.with_offset(o2));
        prop_assert_eq!(c.position(a2), c.position(a));
        prop_assert_eq!(c.between(a2, b2), c.between(a, b));
        prop_assert_eq!(c.add(a2, s), c.add(a, s));
        prop_assert_eq!(c.next_working_instant(a2), c.next_working_instant(a));
        prop_assert_eq!(
            c.is_working_day(a2.with_offset(cst()).date()),
            c.is_working_day(a.date())
        );
    }
}
