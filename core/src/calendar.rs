//! Business calendar 工作日历: working windows 工作时段 per weekday, public holidays 法定节假日
//! and make-up working days 调休上班日, in one fixed UTC offset.
//!
//! # Model
//!
//! * All local times are in one fixed UTC offset (default `+08:00`, Beijing time). Instants
//!   given in any other offset are converted to it first; instants returned are in it.
//! * Each weekday has zero or more working windows `[start, end)` in local time of day,
//!   with one-second granularity; `end` may be `24:00`. Within a day the windows must be
//!   sorted, each non-empty, and non-overlapping (touching is allowed).
//! * A holiday 法定节假日 is a whole day off, even if its weekday has windows.
//! * A make-up working day 调休 is a day worked although its weekday normally is not (a
//!   weekend day). It uses `makeup_windows` (default: Monday's windows).
//! * A date is a working day 工作日 iff (its weekday has windows and it is not a holiday)
//!   or it is a make-up day.
//! * Holiday data is given per **covered year** 年度放假安排. Any query touching a date in a
//!   year without an entry fails with [`CalendarError::YearNotCovered`]: the calendar never
//!   guesses. That includes [`BusinessCalendar::add`] running past the last covered year and
//!   ranges ([`BusinessCalendar::between`], [`BusinessCalendar::working_days`]) crossing an
//!   uncovered year.
//!
//! # Business position
//!
//! The *position* of an instant 营业时刻位置 is the number of business seconds elapsed from
//! local midnight, 1 January of the first covered year, to that instant. It is
//! non-decreasing in time; `between(a, b) = position(b) - position(a)` and
//! `add(a, s) = instant_at(position(a) + s)`, where [`BusinessCalendar::instant_at`] returns
//! the *earliest* instant at a position (so a deadline that is reached exactly at the end of
//! a window, e.g. 12:00 or 17:30, is that end, not the next window's start).
//!
//! Sub-second parts of instants are truncated (toward the past) when positions are computed;
//! instants produced by the calendar always have whole seconds.
//!
//! Everything is precomputed at construction: per covered day the windows that apply and a
//! prefix sum of business seconds at every local midnight, so `position` is O(1) and
//! `instant_at` / `add` are one binary search over the days plus a walk of one day's windows.
//!
//! # Spec JSON
//!
//! ```json
//! {"utc_offset": "+08:00",
//!  "week": {"mon": ["08:30-12:00", "13:30-17:30"], "tue": ["08:30-12:00", "13:30-17:30"],
//!           "wed": ["08:30-12:00", "13:30-17:30"], "thu": ["08:30-12:00", "13:30-17:30"],
//!           "fri": ["08:30-12:00", "13:30-17:30"], "sat": [], "sun": []},
//!  "makeup_windows": null,
//!  "years": [{"year": 2026,
//!             "holidays": ["2026-01-01..2026-01-03", "2026-02-15..2026-02-23"],
//!             "makeup_workdays": ["2026-01-04", "2026-02-14"]}]}
//! ```
//!
//! * `utc_offset`: `"+HH:MM"`, `"-HH:MM"`, `"+HH:MM:SS"` or `"Z"`; optional, default `"+08:00"`.
//! * `week`: all seven days `mon` … `sun` are required; each a list of windows
//!   `"HH:MM-HH:MM"` or `"HH:MM:SS-HH:MM:SS"` (the end may be `24:00`).
//! * `makeup_windows`: optional list of windows used on make-up days; `null` or absent means
//!   Monday's windows.
//! * `years`: each covered year once, in any order. `holidays` and `makeup_workdays` are
//!   lists of dates `"YYYY-MM-DD"` or inclusive ranges `"YYYY-MM-DD..YYYY-MM-DD"`. Every
//!   date must lie in its entry's year, no date may be listed twice, and none may be both a
//!   holiday and a make-up day. Covered years must lie within 1..=9999 and span at most
//!   [`MAX_SPAN_YEARS`] years from the first to the last; years in between may be missing
//!   (queries touching them fail).
//! * Unknown fields are rejected everywhere.
//!
//! # Example
//!
//! ```
//! use wuye_core::calendar::{BusinessCalendar, CalendarError};
//! use wuye_core::Instant;
//!
//! let cal = BusinessCalendar::china_mainland();
//! // A repair request 报修 due in one business hour, filed on the eve of National Day:
//! let filed = Instant::parse("2026-09-30T17:00:00+08:00").unwrap();
//! let due = cal.add(filed, 3600)?;
//! assert_eq!(due.to_rfc3339(), "2026-10-08T09:00:00+08:00");
//! assert_eq!(cal.between(filed, due)?, 3600);
//! # Ok::<(), CalendarError>(())
//! ```

use crate::time::Instant;
use chrono::{Datelike, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// Errors from calendar queries and calendar data.
// Deserialize: tagged_deserialize! below (the same wire form, without serde's Content buffer).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "error", rename_all = "snake_case", deny_unknown_fields)]
pub enum CalendarError {
    /// The calendar has no holiday data for this year, so it cannot say what is a working day.
    #[error("the calendar has no data for year {year}")]
    YearNotCovered {
        /// The year asked about.
        year: i32,
    },
    /// A duration that must be positive was zero or negative.
    #[error("duration must be positive, got {seconds} s")]
    InvalidDuration {
        /// The duration given, in seconds.
        seconds: i64,
    },
    /// A range whose end lies before its start.
    #[error("range ends ({to}) before it starts ({from})")]
    ReversedRange {
        /// Start of the range as given.
        from: String,
        /// End of the range as given.
        to: String,
    },
    /// Calendar data that cannot be used (overlapping windows, bad offset, a date twice...).
    #[error("invalid calendar data: {reason}")]
    InvalidSpec {
        /// What is wrong.
        reason: String,
    },
}

crate::wire::tagged_deserialize!(CalendarError by "error" {
    YearNotCovered = "year_not_covered" { year: i32 },
    InvalidDuration = "invalid_duration" { seconds: i64 },
    ReversedRange = "reversed_range" { from: String, to: String },
    InvalidSpec = "invalid_spec" { reason: String },
});

/// Largest allowed distance, in years, from the first to the last covered year (inclusive).
///
/// Bounds the size of the precomputed tables (about 13 bytes per day).
pub const MAX_SPAN_YEARS: i32 = 1000;

/// Default UTC offset of a spec: `+08:00` (Beijing time 北京时间).
pub const DEFAULT_UTC_OFFSET: &str = "+08:00";

fn default_utc_offset() -> String {
    DEFAULT_UTC_OFFSET.to_string()
}

/// Working windows 工作时段 of each weekday, as `"HH:MM-HH:MM"` strings (see module docs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WeekSpec {
    /// Monday 周一.
    pub mon: Vec<String>,
    /// Tuesday 周二.
    pub tue: Vec<String>,
    /// Wednesday 周三.
    pub wed: Vec<String>,
    /// Thursday 周四.
    pub thu: Vec<String>,
    /// Friday 周五.
    pub fri: Vec<String>,
    /// Saturday 周六.
    pub sat: Vec<String>,
    /// Sunday 周日.
    pub sun: Vec<String>,
}

impl WeekSpec {
    /// Usual mainland China office hours 工作时间: Monday to Friday `08:30-12:00` and
    /// `13:30-17:30`, weekends off.
    pub fn china_office_hours() -> Self {
        let day = || vec!["08:30-12:00".to_string(), "13:30-17:30".to_string()];
        WeekSpec {
            mon: day(),
            tue: day(),
            wed: day(),
            thu: day(),
            fri: day(),
            sat: Vec::new(),
            sun: Vec::new(),
        }
    }

    fn days(&self) -> [(&'static str, &Vec<String>); 7] {
        [
            ("mon", &self.mon),
            ("tue", &self.tue),
            ("wed", &self.wed),
            ("thu", &self.thu),
            ("fri", &self.fri),
            ("sat", &self.sat),
            ("sun", &self.sun),
        ]
    }
}

/// Holiday arrangement of one covered year 年度放假调休安排.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct YearSpec {
    /// The calendar year (Gregorian).
    pub year: i32,
    /// Days off 放假日期: `"YYYY-MM-DD"` dates or inclusive `"YYYY-MM-DD..YYYY-MM-DD"` ranges.
    pub holidays: Vec<String>,
    /// Make-up working days 调休上班日, same format as `holidays`.
    pub makeup_workdays: Vec<String>,
}

/// Serializable description of a calendar (see the module docs for the JSON shape).
///
/// A host may start from [`CalendarSpec::china_mainland`], edit it (e.g. replace `week`),
/// and build a [`BusinessCalendar`] with [`BusinessCalendar::from_spec`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CalendarSpec {
    /// Fixed UTC offset of local time, e.g. `"+08:00"` (the default when absent).
    #[serde(default = "default_utc_offset")]
    pub utc_offset: String,
    /// Working windows per weekday.
    pub week: WeekSpec,
    /// Windows worked on make-up days 调休上班日; `None` means Monday's windows.
    #[serde(default)]
    pub makeup_windows: Option<Vec<String>>,
    /// Covered years with their holidays and make-up days.
    pub years: Vec<YearSpec>,
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

impl CalendarSpec {
    /// The built-in mainland China spec: `+08:00`, Monday to Friday `08:30-12:00` and
    /// `13:30-17:30`, and the State Council (国务院办公厅) holiday arrangements for 2024,
    /// 2025 and 2026. Edit it freely before building a calendar.
    pub fn china_mainland() -> Self {
        CalendarSpec {
            utc_offset: DEFAULT_UTC_OFFSET.to_string(),
            week: WeekSpec::china_office_hours(),
            makeup_windows: None,
            years: vec![
                // 国务院办公厅关于2024年部分节假日安排的通知, 国办发明电〔2023〕7号.
                YearSpec {
                    year: 2024,
                    holidays: strings(&[
                        "2024-01-01",             // 元旦
                        "2024-02-10..2024-02-17", // 春节
                        "2024-04-04..2024-04-06", // 清明节
                        "2024-05-01..2024-05-05", // 劳动节
                        "2024-06-10",             // 端午节
                        "2024-09-15..2024-09-17", // 中秋节
                        "2024-10-01..2024-10-07", // 国庆节
                    ]),
                    makeup_workdays: strings(&[
                        "2024-02-04",
                        "2024-02-18",
                        "2024-04-07",
                        "2024-04-28",
                        "2024-05-11",
                        "2024-09-14",
                        "2024-09-29",
                        "2024-10-12",
                    ]),
                },
                // 国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号
                // (first year with 13 statutory holiday days: 春节 and 劳动节 +1 day each).
                YearSpec {
                    year: 2025,
                    holidays: strings(&[
                        "2025-01-01",             // 元旦
                        "2025-01-28..2025-02-04", // 春节
                        "2025-04-04..2025-04-06", // 清明节
                        "2025-05-01..2025-05-05", // 劳动节
                        "2025-05-31..2025-06-02", // 端午节
                        "2025-10-01..2025-10-08", // 国庆节、中秋节
                    ]),
                    makeup_workdays: strings(&[
                        "2025-01-26",
                        "2025-02-08",
                        "2025-04-27",
                        "2025-09-28",
                        "2025-10-11",
                    ]),
                },
                // 国务院办公厅关于2026年部分节假日安排的通知, issued 2025-11-04 (新华社).
                YearSpec {
                    year: 2026,
                    holidays: strings(&[
                        "2026-01-01..2026-01-03", // 元旦
                        "2026-02-15..2026-02-23", // 春节
                        "2026-04-04..2026-04-06", // 清明节
                        "2026-05-01..2026-05-05", // 劳动节
                        "2026-06-19..2026-06-21", // 端午节
                        "2026-09-25..2026-09-27", // 中秋节
                        "2026-10-01..2026-10-07", // 国庆节
                    ]),
                    makeup_workdays: strings(&[
                        "2026-01-04",
                        "2026-02-14",
                        "2026-02-28",
                        "2026-05-09",
                        "2026-09-20",
                        "2026-10-10",
                    ]),
                },
            ],
        }
    }
}

// ---------------------------------------------------------------------------------------
// Precomputed tables
// ---------------------------------------------------------------------------------------

const SECS_PER_DAY: i64 = 86_400;
/// Days from 0001-01-01 (CE day 1) to 1970-01-01, as chrono counts `num_days_from_ce`.
const CE_TO_UNIX_EPOCH_DAYS: i64 = 719_163;

/// A working window `[start, end)` in seconds since local midnight; `end <= 86_400`.
type Window = (u32, u32);

/// Index into `Tables::sets` of the windows used on make-up days.
const SET_MAKEUP: u8 = 7;
/// Index of the empty set used on holidays.
const SET_OFF: u8 = 8;
/// Index of the empty set used on days of uncovered years.
const SET_UNCOVERED: u8 = 9;

/// Data derived from a spec at construction; never serialized.
#[derive(Clone)]
struct Tables {
    offset: FixedOffset,
    offset_secs: i64,
    /// 0..=6 Monday..Sunday, 7 make-up, 8 off, 9 uncovered (8 and 9 empty).
    sets: [Vec<Window>; 10],
    first_year: i32,
    last_year: i32,
    /// Unix epoch day of 1 January of `first_year`.
    base_day: i64,
    /// Per day of the span: index into `sets`.
    day_set: Vec<u8>,
    /// `prefix[i]`: business seconds from the span start to local midnight starting day `i`.
    /// Length `days + 1`.
    prefix: Vec<i64>,
    /// `wd_prefix[i]`: working days before day `i`. Length `days + 1`.
    wd_prefix: Vec<u32>,
    /// Per year of the span (index `year - first_year`): smallest uncovered year index at or
    /// after it (or the number of years if none).
    next_gap: Vec<u32>,
    has_gaps: bool,
}

impl Tables {
    fn days(&self) -> usize {
        self.day_set.len()
    }

    fn total(&self) -> i64 {
        self.prefix.last().copied().unwrap_or(0)
    }

    fn windows(&self, day: usize) -> &[Window] {
        let set = self.day_set.get(day).copied().unwrap_or(SET_UNCOVERED);
        self.sets
            .get(usize::from(set))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

/// A validated business calendar 工作日历, ready for queries.
///
/// (De)serializes through [`CalendarSpec`]; the original spec is kept verbatim, so a
/// calendar round-trips exactly. Equality and `Debug` look at the spec only (two specs that
/// describe the same days in different words compare unequal).
#[derive(Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "CalendarSpec", into = "CalendarSpec")]
pub struct BusinessCalendar {
    spec: CalendarSpec,
    tables: Tables,
}

impl PartialEq for BusinessCalendar {
    fn eq(&self, other: &Self) -> bool {
        self.spec == other.spec
    }
}

impl Eq for BusinessCalendar {}

impl std::fmt::Debug for BusinessCalendar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BusinessCalendar")
            .field("spec", &self.spec)
            .finish_non_exhaustive()
    }
}

impl TryFrom<CalendarSpec> for BusinessCalendar {
    type Error = CalendarError;
    fn try_from(spec: CalendarSpec) -> Result<Self, CalendarError> {
        Self::from_spec(spec)
    }
}

impl From<BusinessCalendar> for CalendarSpec {
    fn from(c: BusinessCalendar) -> Self {
        c.spec
    }
}

impl BusinessCalendar {
    /// Validates a spec into a calendar; errors are [`CalendarError::InvalidSpec`] naming the
    /// offending field, weekday, window or date.
    pub fn from_spec(spec: CalendarSpec) -> Result<Self, CalendarError> {
        let tables = build_tables(&spec)?;
        Ok(Self { spec, tables })
    }

    /// The built-in mainland China calendar 中国大陆工作日历 ([`CalendarSpec::china_mainland`]):
    /// `+08:00`, Monday to Friday `08:30-12:00` and `13:30-17:30`, holidays and make-up days
    /// of 2024, 2025 and 2026.
    ///
    /// Does not panic: the built-in data is constant and validated by the crate's tests.
    pub fn china_mainland() -> Self {
        match Self::from_spec(CalendarSpec::china_mainland()) {
            Ok(c) => c,
            // The built-in data is constant and checked by the tests.
            Err(e) => panic!("built-in china_mainland calendar is invalid: {e}"),
        }
    }

    /// The mainland China holidays and make-up days of [`CalendarSpec::china_mainland`], with
    /// the host's own working windows (e.g. an estate service desk 物业服务中心 open
    /// 08:00-20:00 every day). Make-up days use Monday's windows of `week`.
    pub fn china_mainland_with_week(week: WeekSpec) -> Result<Self, CalendarError> {
        let mut spec = CalendarSpec::china_mainland();
        spec.week = week;
        Self::from_spec(spec)
    }

    /// The spec the calendar was built from.
    pub fn spec(&self) -> &CalendarSpec {
        &self.spec
    }

    /// Whether the calendar has holiday data for `year`.
    pub fn covers_year(&self, year: i32) -> bool {
        let t = &self.tables;
        if year < t.first_year || year > t.last_year {
            return false;
        }
        let idx = (year - t.first_year) as usize;
        t.next_gap.get(idx).is_some_and(|&g| g as usize != idx)
    }

    /// The calendar's UTC offset.
    pub fn offset(&self) -> FixedOffset {
        self.tables.offset
    }

    /// Whether `date` is a working day 工作日: its weekday has windows and it is not a
    /// holiday 法定节假日, or it is a make-up working day 调休上班日.
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        let day = self.day_index(epoch_day_of(date))?;
        Ok(!self.tables.windows(day).is_empty())
    }

    /// Number of working days 工作日天数 in the inclusive range `from..=to`.
    ///
    /// `from > to` is [`CalendarError::ReversedRange`] (dates as `YYYY-MM-DD`).
    pub fn working_days(&self, from: NaiveDate, to: NaiveDate) -> Result<u32, CalendarError> {
        if from > to {
            return Err(CalendarError::ReversedRange {
                from: from.to_string(),
                to: to.to_string(),
            });
        }
        let a = self.day_index(epoch_day_of(from))?;
        let b = self.day_index(epoch_day_of(to))?;
        self.check_no_gap(a, b)?;
        let t = &self.tables;
        match (t.wd_prefix.get(b + 1), t.wd_prefix.get(a)) {
            (Some(hi), Some(lo)) => Ok(hi - lo),
            _ => Err(self.not_covered_day(t.base_day + b as i64)),
        }
    }

    /// Adds `seconds` of business time 工作时长 to `start`: the earliest instant whose
    /// position is `position(start) + seconds`, in the calendar's offset.
    ///
    /// `seconds <= 0` is [`CalendarError::InvalidDuration`]; a result beyond (or a span
    /// crossing) an uncovered year is [`CalendarError::YearNotCovered`].
    pub fn add(&self, start: Instant, seconds: i64) -> Result<Instant, CalendarError> {
        if seconds <= 0 {
            return Err(CalendarError::InvalidDuration { seconds });
        }
        let (from_day, tod) = self.locate(&start)?;
        let target = self.position_in(from_day, tod).checked_add(seconds).ok_or(
            CalendarError::YearNotCovered {
                year: self.tables.last_year.saturating_add(1),
            },
        )?;
        let (to_day, to_tod) = self.resolve(target)?;
        self.check_no_gap(from_day, to_day)?;
        self.instant_from(to_day, to_tod)
    }

    /// Business seconds 工作时长 between two instants: `position(to) - position(from)`.
    ///
    /// `to < from` is [`CalendarError::ReversedRange`] (instants as RFC 3339).
    pub fn between(&self, from: Instant, to: Instant) -> Result<i64, CalendarError> {
        if to < from {
            return Err(CalendarError::ReversedRange {
                from: from.to_rfc3339(),
                to: to.to_rfc3339(),
            });
        }
        let (a, a_tod) = self.locate(&from)?;
        let (b, b_tod) = self.locate(&to)?;
        self.check_no_gap(a, b)?;
        Ok(self.position_in(b, b_tod) - self.position_in(a, a_tod))
    }

    /// The next working instant at or after `at` 下一个工作时刻: `at` itself (in the calendar's
    /// offset) if it lies inside a working window `[start, end)`, else the start of the next
    /// window.
    pub fn next_working_instant(&self, at: Instant) -> Result<Instant, CalendarError> {
        let (day, tod) = self.locate(&at)?;
        let t = &self.tables;
        for &(s, e) in t.windows(day) {
            if tod < e {
                return if tod >= s {
                    Ok(at.with_offset(t.offset))
                } else {
                    self.instant_from(day, s)
                };
            }
        }
        // Past the day's last window: the next day with business time.
        let after = t.prefix.get(day + 1).copied().unwrap_or(i64::MAX);
        let k = t.prefix.partition_point(|&p| p <= after);
        if k > t.days() {
            if day + 1 < t.days() {
                self.check_no_gap(day, t.days() - 1)?;
            }
            return Err(CalendarError::YearNotCovered {
                year: t.last_year.saturating_add(1),
            });
        }
        let next = k - 1;
        self.check_no_gap(day, next)?;
        match t.windows(next).first() {
            Some(&(s, _)) => self.instant_from(next, s),
            None => Err(self.not_covered_day(t.base_day + next as i64)),
        }
    }

    /// Business position 营业时刻位置 of an instant: business seconds from local midnight,
    /// 1 January of the first covered year, to `at` (sub-seconds truncated). Non-decreasing.
    pub fn position(&self, at: Instant) -> Result<i64, CalendarError> {
        let (day, tod) = self.locate(&at)?;
        Ok(self.position_in(day, tod))
    }

    /// The earliest instant whose position is `position`, in the calendar's offset.
    ///
    /// A position reached at the end of a window maps to that end (e.g. 12:00), not to the
    /// next window's start. Negative positions are [`CalendarError::YearNotCovered`] for the
    /// year before the first covered one; positions past the last covered year for the year
    /// after it.
    pub fn instant_at(&self, position: i64) -> Result<Instant, CalendarError> {
        let (day, tod) = self.resolve(position)?;
        self.instant_from(day, tod)
    }

    // ---- internals ------------------------------------------------------------------

    /// Local (epoch day, second of day) of an instant, validated as a covered day.
    fn locate(&self, at: &Instant) -> Result<(usize, u32), CalendarError> {
        let local = at.timestamp().saturating_add(self.tables.offset_secs);
        let day = self.day_index(local.div_euclid(SECS_PER_DAY))?;
        Ok((day, local.rem_euclid(SECS_PER_DAY) as u32))
    }

    /// Index into the span of a covered epoch day.
    fn day_index(&self, epoch_day: i64) -> Result<usize, CalendarError> {
        let t = &self.tables;
        let idx = epoch_day.saturating_sub(t.base_day);
        if idx < 0 || idx >= t.days() as i64 {
            return Err(self.not_covered_day(epoch_day));
        }
        let idx = idx as usize;
        if t.day_set.get(idx).copied() == Some(SET_UNCOVERED) {
            return Err(self.not_covered_day(epoch_day));
        }
        Ok(idx)
    }

    fn not_covered_day(&self, epoch_day: i64) -> CalendarError {
        let year = year_of_epoch_day(epoch_day);
        CalendarError::YearNotCovered {
            year: i32::try_from(year).unwrap_or(if year < 0 { i32::MIN } else { i32::MAX }),
        }
    }

    /// Position of second `tod` of span day `day` (a valid, covered index).
    fn position_in(&self, day: usize, tod: u32) -> i64 {
        let t = &self.tables;
        let before: u32 = t
            .windows(day)
            .iter()
            .map(|&(s, e)| tod.clamp(s, e) - s)
            .sum();
        t.prefix.get(day).copied().unwrap_or(0) + i64::from(before)
    }

    /// Earliest (span day, second of day) at `position`; second of day may be 86 400 (the
    /// next day's midnight), in which case the next day must be covered.
    fn resolve(&self, position: i64) -> Result<(usize, u32), CalendarError> {
        let t = &self.tables;
        if position < 0 {
            return Err(CalendarError::YearNotCovered {
                year: t.first_year.saturating_sub(1),
            });
        }
        if position > t.total() {
            return Err(CalendarError::YearNotCovered {
                year: t.last_year.saturating_add(1),
            });
        }
        if position == 0 {
            return Ok((0, 0));
        }
        // First k with prefix[k] >= position; 1 <= k <= days since prefix[0] = 0 < position.
        let k = t.prefix.partition_point(|&p| p < position);
        let day = k.saturating_sub(1);
        let mut rest = position - t.prefix.get(day).copied().unwrap_or(0);
        let mut tod = 0;
        for &(s, e) in t.windows(day) {
            let len = i64::from(e - s);
            tod = e;
            if rest <= len {
                tod = s + rest as u32;
                break;
            }
            rest -= len;
        }
        if i64::from(tod) == SECS_PER_DAY {
            // The instant is the next day's midnight: that day must be covered too.
            self.day_index(t.base_day + day as i64 + 1)?;
        }
        Ok((day, tod))
    }

    fn instant_from(&self, day: usize, tod: u32) -> Result<Instant, CalendarError> {
        let t = &self.tables;
        let epoch_day = t.base_day + day as i64;
        let utc = epoch_day * SECS_PER_DAY + i64::from(tod) - t.offset_secs;
        Instant::from_timestamp(utc, t.offset).ok_or_else(|| self.not_covered_day(epoch_day))
    }

    /// Fails if a year between the years of span days `a <= b` is not covered.
    fn check_no_gap(&self, a: usize, b: usize) -> Result<(), CalendarError> {
        let t = &self.tables;
        if !t.has_gaps {
            return Ok(());
        }
        let year_idx = |d: usize| {
            (year_of_epoch_day(t.base_day + d as i64) - i64::from(t.first_year)) as usize
        };
        let (ya, yb) = (year_idx(a), year_idx(b));
        match t.next_gap.get(ya) {
            Some(&g) if (g as usize) <= yb => Err(CalendarError::YearNotCovered {
                year: t.first_year + g as i32,
            }),
            _ => Ok(()),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Construction and validation
// ---------------------------------------------------------------------------------------

fn invalid(reason: impl Into<String>) -> CalendarError {
    CalendarError::InvalidSpec {
        reason: reason.into(),
    }
}

fn build_tables(spec: &CalendarSpec) -> Result<Tables, CalendarError> {
    let offset = parse_offset(&spec.utc_offset).ok_or_else(|| {
        invalid(format!(
            "utc_offset {:?} is not \"+HH:MM\", \"-HH:MM\", \"+HH:MM:SS\" or \"Z\"",
            spec.utc_offset
        ))
    })?;

    let mut sets: [Vec<Window>; 10] = Default::default();
    for (i, (name, list)) in spec.week.days().into_iter().enumerate() {
        sets[i] = parse_windows(&format!("week.{name}"), list)?;
    }
    sets[usize::from(SET_MAKEUP)] = match &spec.makeup_windows {
        Some(list) => parse_windows("makeup_windows", list)?,
        None => sets[0].clone(),
    };

    // Years.
    if spec.years.is_empty() {
        return Err(invalid("years: at least one covered year is required"));
    }
    let mut first_year = i32::MAX;
    let mut last_year = i32::MIN;
    for y in &spec.years {
        if !(1..=9999).contains(&y.year) {
            return Err(invalid(format!(
                "years: year {} is outside 1..=9999",
                y.year
            )));
        }
        first_year = first_year.min(y.year);
        last_year = last_year.max(y.year);
    }
    let span_years = last_year - first_year + 1;
    if span_years > MAX_SPAN_YEARS {
        return Err(invalid(format!(
            "years: {first_year}..={last_year} spans more than {MAX_SPAN_YEARS} years"
        )));
    }
    let mut covered = vec![false; span_years as usize];
    for y in &spec.years {
        let slot = &mut covered[(y.year - first_year) as usize];
        if *slot {
            return Err(invalid(format!("years: year {} appears twice", y.year)));
        }
        *slot = true;
    }

    let base_day = days_from_civil(i64::from(first_year), 1, 1);
    let end_day = days_from_civil(i64::from(last_year) + 1, 1, 1);
    let days = (end_day - base_day) as usize;

    let mut day_set: Vec<u8> = (0..days)
        .map(|i| {
            let epoch_day = base_day + i as i64;
            let year_idx = (year_of_epoch_day(epoch_day) - i64::from(first_year)) as usize;
            if covered.get(year_idx).copied().unwrap_or(false) {
                weekday_index(epoch_day)
            } else {
                SET_UNCOVERED
            }
        })
        .collect();

    // Holidays and make-up days. mark: 0 none, 1 holiday, 2 make-up.
    let mut mark = vec![0u8; days];
    let mut any_makeup = false;
    for y in &spec.years {
        for (field, list, kind) in [
            ("holidays", &y.holidays, 1u8),
            ("makeup_workdays", &y.makeup_workdays, 2u8),
        ] {
            let ctx = format!("years[{}].{field}", y.year);
            for entry in list {
                let (lo, hi) = parse_date_entry(entry).ok_or_else(|| {
                    invalid(format!(
                        "{ctx}: {entry:?} is not \"YYYY-MM-DD\" or an ascending \
                         \"YYYY-MM-DD..YYYY-MM-DD\" range"
                    ))
                })?;
                for epoch_day in lo..=hi {
                    if year_of_epoch_day(epoch_day) != i64::from(y.year) {
                        return Err(invalid(format!(
                            "{ctx}: {entry:?} has a date outside year {}",
                            y.year
                        )));
                    }
                    let idx = (epoch_day - base_day) as usize;
                    let (Some(m), Some(set)) = (mark.get_mut(idx), day_set.get_mut(idx)) else {
                        return Err(invalid(format!("{ctx}: {entry:?} is outside the span")));
                    };
                    match *m {
                        0 => {}
                        k if k == kind => {
                            return Err(invalid(format!(
                                "{ctx}: {entry:?} lists {} twice",
                                date_string(epoch_day)
                            )))
                        }
                        _ => {
                            return Err(invalid(format!(
                                "years[{}]: {} is both a holiday and a make-up working day",
                                y.year,
                                date_string(epoch_day)
                            )))
                        }
                    }
                    *m = kind;
                    if kind == 1 {
                        *set = SET_OFF;
                    } else {
                        *set = SET_MAKEUP;
                        any_makeup = true;
                    }
                }
            }
        }
    }
    if any_makeup && sets[usize::from(SET_MAKEUP)].is_empty() {
        return Err(invalid(
            "makeup_windows: make-up working days are listed but no windows apply to them \
             (makeup_windows is empty, or absent and Monday has no windows)",
        ));
    }

    let day_secs: Vec<i64> = sets
        .iter()
        .map(|w| w.iter().map(|&(s, e)| i64::from(e - s)).sum())
        .collect();
    let mut prefix = Vec::with_capacity(days + 1);
    let mut wd_prefix = Vec::with_capacity(days + 1);
    let (mut acc, mut wd) = (0i64, 0u32);
    prefix.push(acc);
    wd_prefix.push(wd);
    for &set in &day_set {
        let secs = day_secs.get(usize::from(set)).copied().unwrap_or(0);
        acc += secs;
        if secs > 0 {
            wd += 1;
        }
        prefix.push(acc);
        wd_prefix.push(wd);
    }

    let mut next_gap = vec![0u32; covered.len()];
    let mut next = covered.len() as u32;
    for i in (0..covered.len()).rev() {
        if !covered[i] {
            next = i as u32;
        }
        next_gap[i] = next;
    }
    let has_gaps = covered.iter().any(|c| !c);

    Ok(Tables {
        offset,
        offset_secs: i64::from(offset.local_minus_utc()),
        sets,
        first_year,
        last_year,
        base_day,
        day_set,
        prefix,
        wd_prefix,
        next_gap,
        has_gaps,
    })
}

fn parse_windows(ctx: &str, list: &[String]) -> Result<Vec<Window>, CalendarError> {
    let mut out: Vec<Window> = Vec::with_capacity(list.len());
    for (i, text) in list.iter().enumerate() {
        let (s, e) = parse_window(text).ok_or_else(|| {
            invalid(format!(
                "{ctx}: window {text:?} is not \"HH:MM-HH:MM\" or \"HH:MM:SS-HH:MM:SS\""
            ))
        })?;
        if s >= e {
            return Err(invalid(format!(
                "{ctx}: window {text:?} does not start before it ends"
            )));
        }
        if let Some(&(ps, pe)) = out.last() {
            let prev = &list[i - 1];
            if s < ps {
                return Err(invalid(format!(
                    "{ctx}: window {text:?} is listed after {prev:?} (windows must be sorted)"
                )));
            }
            if s < pe {
                return Err(invalid(format!("{ctx}: window {text:?} overlaps {prev:?}")));
            }
        }
        out.push((s, e));
    }
    Ok(out)
}

fn parse_window(text: &str) -> Option<Window> {
    let (a, b) = text.split_once('-')?;
    Some((parse_time_of_day(a, false)?, parse_time_of_day(b, true)?))
}

fn two_digits(b: &[u8]) -> Option<u32> {
    match b {
        [h, l] if h.is_ascii_digit() && l.is_ascii_digit() => {
            Some(u32::from(h - b'0') * 10 + u32::from(l - b'0'))
        }
        _ => None,
    }
}

/// `HH:MM` or `HH:MM:SS` to seconds; `24:00` / `24:00:00` only if `allow_24`.
fn parse_time_of_day(text: &str, allow_24: bool) -> Option<u32> {
    let b = text.as_bytes();
    let (h, m, s) = match b.len() {
        5 if b[2] == b':' => (two_digits(&b[0..2])?, two_digits(&b[3..5])?, 0),
        8 if b[2] == b':' && b[5] == b':' => (
            two_digits(&b[0..2])?,
            two_digits(&b[3..5])?,
            two_digits(&b[6..8])?,
        ),
        _ => return None,
    };
    if h == 24 && m == 0 && s == 0 && allow_24 {
        return Some(86_400);
    }
    (h < 24 && m < 60 && s < 60).then_some(h * 3600 + m * 60 + s)
}

/// `±HH:MM`, `±HH:MM:SS` or `Z`.
fn parse_offset(text: &str) -> Option<FixedOffset> {
    if text == "Z" {
        return FixedOffset::east_opt(0);
    }
    let b = text.as_bytes();
    let sign = match b.first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (h, m, s) = match b.len() {
        6 if b[3] == b':' => (two_digits(&b[1..3])?, two_digits(&b[4..6])?, 0),
        9 if b[3] == b':' && b[6] == b':' => (
            two_digits(&b[1..3])?,
            two_digits(&b[4..6])?,
            two_digits(&b[7..9])?,
        ),
        _ => return None,
    };
    if h >= 24 || m >= 60 || s >= 60 {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60 + s) as i32)
}

/// `YYYY-MM-DD` to a Unix epoch day.
fn parse_date(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = two_digits(&b[0..2])? * 100 + two_digits(&b[2..4])?;
    let month = two_digits(&b[5..7])?;
    let day = two_digits(&b[8..10])?;
    let date = NaiveDate::from_ymd_opt(year as i32, month, day)?;
    Some(epoch_day_of(date))
}

/// A date or an inclusive ascending range `a..b`, as epoch days.
fn parse_date_entry(text: &str) -> Option<(i64, i64)> {
    match text.split_once("..") {
        Some((a, b)) => {
            let (lo, hi) = (parse_date(a)?, parse_date(b)?);
            (lo <= hi).then_some((lo, hi))
        }
        None => parse_date(text).map(|d| (d, d)),
    }
}

// ---------------------------------------------------------------------------------------
// Epoch-day arithmetic (proleptic Gregorian, days since 1970-01-01)
// ---------------------------------------------------------------------------------------

fn epoch_day_of(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) - CE_TO_UNIX_EPOCH_DAYS
}

fn date_string(epoch_day: i64) -> String {
    i32::try_from(epoch_day + CE_TO_UNIX_EPOCH_DAYS)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .map(|d| d.to_string())
        .unwrap_or_else(|| format!("epoch day {epoch_day}"))
}

/// Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday).
fn weekday_index(epoch_day: i64) -> u8 {
    (epoch_day + 3).rem_euclid(7) as u8
}

/// Epoch day of a civil date (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = if month > 2 { month - 3 } else { month + 9 };
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Year of an epoch day (H. Hinnant's `civil_from_days`, year only).
fn year_of_epoch_day(epoch_day: i64) -> i64 {
    let z = epoch_day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let year = yoe + era * 400;
    if mp >= 10 {
        year + 1
    } else {
        year
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

    #[test]
    fn epoch_day_arithmetic_matches_chrono() {
        let mut d = NaiveDate::from_ymd_opt(1599, 12, 1).unwrap();
        let end = NaiveDate::from_ymd_opt(2401, 3, 1).unwrap();
        while d <= end {
            let e = epoch_day_of(d);
            assert_eq!(year_of_epoch_day(e), i64::from(d.year()), "{d}");
            assert_eq!(
                days_from_civil(
                    i64::from(d.year()),
                    i64::from(d.month()),
                    i64::from(d.day())
                ),
                e,
                "{d}"
            );
            assert_eq!(
                u32::from(weekday_index(e)),
                d.weekday().num_days_from_monday()
            );
            d = d.succ_opt().unwrap();
        }
        assert_eq!(
            epoch_day_of(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()),
            0
        );
        assert_eq!(weekday_index(0), Weekday::Thu.num_days_from_monday() as u8);
    }

    #[test]
    fn time_of_day_parsing() {
        assert_eq!(parse_time_of_day("08:30", false), Some(30_600));
        assert_eq!(parse_time_of_day("08:30:15", false), Some(30_615));
        assert_eq!(parse_time_of_day("24:00", true), Some(86_400));
        assert_eq!(parse_time_of_day("24:00:00", true), Some(86_400));
        assert_eq!(parse_time_of_day("24:00", false), None);
        assert_eq!(parse_time_of_day("24:01", true), None);
        assert_eq!(parse_time_of_day("8:30", false), None);
        assert_eq!(parse_time_of_day("08:60", false), None);
        assert_eq!(parse_time_of_day("08-30", false), None);
        assert_eq!(parse_time_of_day("+8:30", false), None);
        assert_eq!(parse_time_of_day("０8:30", false), None);
        assert_eq!(parse_window("13:30-17:30"), Some((48_600, 63_000)));
        assert_eq!(parse_window("13:30 - 17:30"), None);
    }

    #[test]
    fn offset_parsing() {
        assert_eq!(parse_offset("+08:00").unwrap().local_minus_utc(), 8 * 3600);
        assert_eq!(parse_offset("-05:30").unwrap().local_minus_utc(), -19_800);
        assert_eq!(parse_offset("+05:45:30").unwrap().local_minus_utc(), 20_730);
        assert_eq!(parse_offset("Z").unwrap().local_minus_utc(), 0);
        for bad in [
            "", "08:00", "+8:00", "+24:00", "+08:60", "+0800", "UTC", "+08:00 ",
        ] {
            assert!(parse_offset(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn date_parsing() {
        let d = |s| parse_date(s);
        assert_eq!(d("1970-01-01"), Some(0));
        assert_eq!(d("2024-02-29"), Some(19_782));
        assert_eq!(d("2025-02-29"), None);
        assert_eq!(d("2025-2-28"), None);
        assert_eq!(
            parse_date_entry("2026-02-15..2026-02-23").map(|(a, b)| b - a),
            Some(8)
        );
        assert_eq!(parse_date_entry("2026-02-23..2026-02-15"), None);
        assert_eq!(parse_date_entry("2026-02-15..").map(|_| ()), None);
    }

    #[test]
    fn tables_of_china_mainland() {
        let c = BusinessCalendar::china_mainland();
        let t = &c.tables;
        assert_eq!((t.first_year, t.last_year), (2024, 2026));
        assert_eq!(t.days(), 366 + 365 + 365);
        assert!(!t.has_gaps);
        // 251 + 248 + 248 working days of 7.5 h each.
        assert_eq!(t.total(), (251 + 248 + 248) * 27_000);
        assert_eq!(t.wd_prefix.last().copied(), Some(251 + 248 + 248));
    }

    #[test]
    fn debug_shows_spec_only() {
        let c = BusinessCalendar::china_mainland();
        let s = format!("{c:?}");
        assert!(s.starts_with("BusinessCalendar { spec: CalendarSpec {"));
        assert!(!s.contains("prefix"));
    }
}
