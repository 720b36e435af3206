//! Business calendar 工作日历: working windows per weekday, public holidays 法定节假日 and
//! make-up working days 调休, in a fixed UTC offset.
//!
//! STUB: the signatures below are the contract; the implementation is being written.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// An instant with an explicit UTC offset (RFC 3339 on the wire).
pub type Instant = DateTime<FixedOffset>;

/// Errors from calendar queries and calendar data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
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

/// Serializable description of a calendar (see module docs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarSpec {}

/// A validated business calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CalendarSpec", into = "CalendarSpec")]
pub struct BusinessCalendar {
    spec: CalendarSpec,
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
    /// Validates a spec into a calendar.
    pub fn from_spec(spec: CalendarSpec) -> Result<Self, CalendarError> {
        Ok(Self { spec })
    }
    /// The built-in mainland China calendar.
    pub fn china_mainland() -> Self {
        todo!()
    }
    /// The calendar's UTC offset.
    pub fn offset(&self) -> FixedOffset {
        todo!()
    }
    /// Whether `date` is a working day.
    pub fn is_working_day(&self, _date: NaiveDate) -> Result<bool, CalendarError> {
        todo!()
    }
    /// Working days in the inclusive range.
    pub fn working_days(&self, _from: NaiveDate, _to: NaiveDate) -> Result<u32, CalendarError> {
        todo!()
    }
    /// Adds business seconds.
    pub fn add(&self, _start: Instant, _seconds: i64) -> Result<Instant, CalendarError> {
        todo!()
    }
    /// Business seconds between two instants.
    pub fn between(&self, _from: Instant, _to: Instant) -> Result<i64, CalendarError> {
        todo!()
    }
    /// Next working instant at or after `at`.
    pub fn next_working_instant(&self, _at: Instant) -> Result<Instant, CalendarError> {
        todo!()
    }
    /// Business position of an instant.
    pub fn position(&self, _at: Instant) -> Result<i64, CalendarError> {
        todo!()
    }
    /// Earliest instant at a business position.
    pub fn instant_at(&self, _position: i64) -> Result<Instant, CalendarError> {
        todo!()
    }
}
