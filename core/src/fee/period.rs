//! Billing periods 账期 and date ranges 日期区间: a month (`"2026-09"`), a quarter
//! (`"2026-Q3"`), a year (`"2026"`) or any inclusive range of days (`"2026-09-16..2026-09-30"`,
//! for a move-out or a first partial bill). Proration 按天折算 counts actual days: a month's
//! share is days covered ÷ days in that month (February 2024 has 29).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// An inclusive range of days 日期区间 `from..=to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DateRange {
    /// First day.
    #[serde(deserialize_with = "crate::time::de_date")]
    pub from: NaiveDate,
    /// Last day (inclusive).
    #[serde(deserialize_with = "crate::time::de_date")]
    pub to: NaiveDate,
}

impl DateRange {
    /// Number of days, both ends included.
    pub fn days(self) -> i64 {
        (self.to - self.from).num_days() + 1
    }
}

impl fmt::Display for DateRange {
    /// `2026-09-01..2026-09-30`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.from, self.to)
    }
}

/// A billing period 账期. Its string form is the JSON form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// A calendar month 月: `"2026-09"`.
    Month {
        /// Year.
        year: i32,
        /// Month 1–12.
        month: u32,
    },
    /// A calendar quarter 季度: `"2026-Q3"` (July–September).
    Quarter {
        /// Year.
        year: i32,
        /// Quarter 1–4.
        quarter: u32,
    },
    /// A calendar year 年: `"2026"`.
    Year {
        /// Year.
        year: i32,
    },
    /// Any inclusive range of days: `"2026-09-16..2026-09-30"`.
    Range(DateRange),
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Days in a month (February 2024: 29).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    match (ymd(year, month, 1), ymd(ny, nm, 1)) {
        (Some(a), Some(b)) => (b - a).num_days() as u32,
        _ => 30,
    }
}

impl Period {
    /// The days it covers. `None` only for a year outside chrono's range.
    pub fn range(self) -> Option<DateRange> {
        let (from, to) = match self {
            Period::Month { year, month } => (
                ymd(year, month, 1)?,
                ymd(year, month, days_in_month(year, month))?,
            ),
            Period::Quarter { year, quarter } => {
                let m = 3 * quarter - 2;
                (
                    ymd(year, m, 1)?,
                    ymd(year, m + 2, days_in_month(year, m + 2))?,
                )
            }
            Period::Year { year } => (ymd(year, 1, 1)?, ymd(year, 12, 31)?),
            Period::Range(r) => (r.from, r.to),
        };
        Some(DateRange { from, to })
    }

    /// Whole calendar months inside the period (1, 3, 12; for a range, the months it covers
    /// from their first to their last day) — what a prepayment discount 预交优惠 counts.
    pub fn whole_months(self) -> u32 {
        match self {
            Period::Month { .. } => 1,
            Period::Quarter { .. } => 3,
            Period::Year { .. } => 12,
            Period::Range(r) => months_of(r)
                .filter(|m| m.first >= r.from && m.last <= r.to)
                .count() as u32,
        }
    }
}

/// One calendar month's part of a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthPart {
    /// Year.
    pub year: i32,
    /// Month 1–12.
    pub month: u32,
    /// First day of the month.
    pub first: NaiveDate,
    /// Last day of the month.
    pub last: NaiveDate,
}

impl MonthPart {
    /// Days in the month.
    pub fn days(self) -> u32 {
        days_in_month(self.year, self.month)
    }
}

/// The calendar months a range touches, in order.
pub fn months_of(r: DateRange) -> impl Iterator<Item = MonthPart> {
    let mut cur = (r.from.year(), r.from.month());
    let end = (r.to.year(), r.to.month());
    std::iter::from_fn(move || {
        if cur > end {
            return None;
        }
        let (y, m) = cur;
        cur = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        Some(MonthPart {
            year: y,
            month: m,
            first: ymd(y, m, 1)?,
            last: ymd(y, m, days_in_month(y, m))?,
        })
    })
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Period::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            Period::Year { year } => write!(f, "{year:04}"),
            Period::Range(r) => write!(f, "{r}"),
        }
    }
}

/// A period string that does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid period {text:?}: {reason}")]
pub struct PeriodError {
    /// The text given.
    pub text: String,
    /// Why.
    pub reason: &'static str,
}

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    (s.len() == 10 && b[4] == b'-' && b[7] == b'-')
        .then(|| crate::time::parse_date_ymd(s).ok())
        .flatten()
}

impl FromStr for Period {
    type Err = PeriodError;

    /// `YYYY-MM`, `YYYY-Qn`, `YYYY`, or `YYYY-MM-DD..YYYY-MM-DD` (inclusive, from ≤ to).
    fn from_str(s: &str) -> Result<Period, PeriodError> {
        let bad = |reason| PeriodError {
            text: s.into(),
            reason,
        };
        const FORMS: &str = "expected YYYY-MM, YYYY-Qn, YYYY or YYYY-MM-DD..YYYY-MM-DD";
        if let Some((a, b)) = s.split_once("..") {
            let (from, to) = date(a).zip(date(b)).ok_or_else(|| bad(FORMS))?;
            if to < from {
                return Err(bad("the range ends before it starts"));
            }
            return Ok(Period::Range(DateRange { from, to }));
        }
        let (y, rest) = match s.split_once('-') {
            Some((y, rest)) => (y, Some(rest)),
            None => (s, None),
        };
        let year = digits(y, 4).ok_or_else(|| bad(FORMS))? as i32;
        let p = match rest {
            None => Period::Year { year },
            Some(q) if q.starts_with('Q') => {
                let quarter = digits(&q[1..], 1)
                    .filter(|q| (1..=4).contains(q))
                    .ok_or_else(|| bad("a quarter is Q1 to Q4"))?;
                Period::Quarter { year, quarter }
            }
            Some(m) => {
                let month = digits(m, 2)
                    .filter(|m| (1..=12).contains(m))
                    .ok_or_else(|| bad(FORMS))?;
                Period::Month { year, month }
            }
        };
        p.range().ok_or_else(|| bad("year out of range"))?;
        Ok(p)
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Period, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    #[test]
    fn forms_and_ranges() {
        let r = p("2024-02").range().unwrap();
        // 2024 is a leap year: February has 29 days.
        assert_eq!(r.days(), 29);
        assert_eq!(days_in_month(2026, 2), 28);
        assert_eq!(
            p("2026-Q3").range().unwrap().to_string(),
            "2026-07-01..2026-09-30"
        );
        // A year: 365 days in 2026, 12 whole months.
        assert_eq!(p("2026").range().unwrap().days(), 365);
        assert_eq!(p("2026").whole_months(), 12);
        // 2026-09-16..2026-11-30 covers October and November whole, September in part.
        assert_eq!(p("2026-09-16..2026-11-30").whole_months(), 2);
        for s in ["2026-09", "2026-Q3", "2026", "2026-09-16..2026-09-30"] {
            assert_eq!(p(s).to_string(), s);
        }
        for bad in [
            "",
            "2026-13",
            "2026-9",
            "2026-Q5",
            "26",
            "2026-09-30..2026-09-01",
            "2026-02-30..2026-03-01",
            "2026-09-01..",
            "2026/09",
        ] {
            assert!(bad.parse::<Period>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn months_of_a_range() {
        let ms: Vec<_> = months_of(p("2025-12-20..2026-02-10").range().unwrap())
            .map(|m| (m.year, m.month, m.days()))
            .collect();
        assert_eq!(ms, [(2025, 12, 31), (2026, 1, 31), (2026, 2, 28)]);
    }
}
