//! Time 时间: the [`Instant`] every operation is given (`now`) and every event carries, and
//! how instants and dates are written and read on the wire, without chrono's general
//! machinery. (Working time 工作时间 on the business calendar is [`crate::calendar`].)
//!
//! # Instants
//!
//! [`Instant`] is the library's own type: a moment in whole seconds with the UTC offset it is
//! written in (chrono's `DateTime<FixedOffset>` inside). On the wire it has exactly one form,
//! the one docs/contract.md documents:
//!
//! ```text
//! YYYY-MM-DDTHH:MM:SSZ        2026-09-30T08:00:00Z
//! YYYY-MM-DDTHH:MM:SS±HH:MM   2026-09-30T16:00:00+08:00
//! ```
//!
//! an upper-case `T`, no fractional seconds, hours `00`–`23`, minutes and seconds `00`–`59`,
//! an offset of at most `±23:59`, and a date that exists. Anything else is refused with a
//! message that quotes the text and names the form ([`InstantError`]); serde adds where.
//!
//! Writing: status and event responses carry many instants; chrono's generic formatter
//! writes them a character at a time, which dominated the cost of a status response.
//! [`write_rfc3339`] produces exactly chrono's serde form (`2026-03-02T09:00:00+08:00`, a zero
//! offset as `Z`) and falls back to chrono for years outside 0000–9999 and offsets with
//! seconds (which the calendar allows but the wire form cannot carry back).
//!
//! # Dates
//!
//! Dates stay chrono's `NaiveDate`, read by [`de_date`] and [`de_date_opt`] exactly as
//! chrono's `Deserialize` reads them (its `FromStr`: `YYYY-MM-DD`, some whitespace tolerated):
//! the same texts accepted, the same values, the same error messages found in the same order.
//! chrono's general parser (format items, `Parsed`) is large in the WASM build; the tests
//! compare both on many thousands of texts.

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta,
    TimeZone, Timelike,
};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// An instant 时间点: a moment, in whole seconds, with the UTC offset it is written in.
///
/// Read and written on the wire as `YYYY-MM-DDTHH:MM:SS` plus `Z` or `±HH:MM` (see the
/// module documentation); [`Instant::parse`] reads the same form. Two instants are equal
/// (and ordered) by the moment they name, whatever their offsets, as chrono's are.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(DateTime<FixedOffset>);

impl Instant {
    /// Reads the wire form `YYYY-MM-DDTHH:MM:SS` plus `Z` or `±HH:MM`, nothing else.
    ///
    /// ```
    /// use wuye_core::Instant;
    /// let t = Instant::parse("2026-09-30T16:00:00+08:00").unwrap();
    /// assert_eq!(t.timestamp(), 1_790_755_200);
    /// assert!(Instant::parse("2026-09-30 16:00:00 UTC").is_err());
    /// assert!(Instant::parse("2026-09-30T16:00:00.5+08:00").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Instant, InstantError> {
        parse_instant(text).map_err(|reason| InstantError {
            text: text.to_owned(),
            reason,
        })
    }

    /// The instant of a chrono date and time, its fraction of a second dropped (an instant is
    /// whole seconds).
    pub fn from_chrono(t: DateTime<FixedOffset>) -> Instant {
        if t.nanosecond() == 0 {
            return Instant(t);
        }
        // Whole seconds since the epoch (a leap second's nanoseconds included) in t's offset.
        let whole = DateTime::from_timestamp(t.timestamp(), 0).unwrap_or_default();
        Instant(whole.with_timezone(&t.timezone()))
    }

    /// The instant `seconds` after the Unix epoch, in `offset`; `None` outside chrono's range
    /// (years −262143 to 262142).
    pub fn from_timestamp(seconds: i64, offset: FixedOffset) -> Option<Instant> {
        DateTime::from_timestamp(seconds, 0).map(|t| Instant(t.with_timezone(&offset)))
    }

    /// The same instant as chrono's date and time.
    pub fn to_chrono(self) -> DateTime<FixedOffset> {
        self.0
    }

    /// Seconds since the Unix epoch (1970-01-01T00:00:00Z).
    pub fn timestamp(self) -> i64 {
        self.0.timestamp()
    }

    /// The UTC offset it is written in.
    pub fn offset(self) -> FixedOffset {
        self.0.timezone()
    }

    /// The same moment, written in `offset`.
    pub fn with_offset(self, offset: FixedOffset) -> Instant {
        Instant(self.0.with_timezone(&offset))
    }

    /// The local date and time in its own offset.
    pub fn local(self) -> NaiveDateTime {
        self.0.naive_local()
    }

    /// The local date in its own offset.
    pub fn date(self) -> NaiveDate {
        self.0.date_naive()
    }

    /// chrono's RFC 3339 text, as error messages quote instants: like the wire form, but a
    /// zero offset is `+00:00` (the wire form writes `Z`).
    pub fn to_rfc3339(self) -> String {
        self.0.to_rfc3339()
    }

    /// `seconds` later (earlier when negative); `None` outside chrono's range.
    pub fn checked_add_seconds(self, seconds: i64) -> Option<Instant> {
        self.0
            .checked_add_signed(TimeDelta::try_seconds(seconds)?)
            .map(Instant)
    }
}

impl From<DateTime<FixedOffset>> for Instant {
    /// As [`Instant::from_chrono`]: the fraction of a second dropped.
    fn from(t: DateTime<FixedOffset>) -> Instant {
        Instant::from_chrono(t)
    }
}

impl From<Instant> for DateTime<FixedOffset> {
    fn from(t: Instant) -> DateTime<FixedOffset> {
        t.0
    }
}

impl std::ops::Add<TimeDelta> for Instant {
    type Output = Instant;

    /// The instant `d` later (whole seconds of `d`). Panics outside chrono's range, as
    /// chrono's addition does.
    fn add(self, d: TimeDelta) -> Instant {
        Instant::from_chrono(self.0 + d)
    }
}

impl std::ops::Sub<TimeDelta> for Instant {
    type Output = Instant;

    /// The instant `d` earlier (whole seconds of `d`). Panics outside chrono's range, as
    /// chrono's subtraction does.
    fn sub(self, d: TimeDelta) -> Instant {
        Instant::from_chrono(self.0 - d)
    }
}

impl std::ops::AddAssign<TimeDelta> for Instant {
    /// As `+`.
    fn add_assign(&mut self, d: TimeDelta) {
        *self = *self + d;
    }
}

impl std::ops::SubAssign<TimeDelta> for Instant {
    /// As `-`.
    fn sub_assign(&mut self, d: TimeDelta) {
        *self = *self - d;
    }
}

impl std::ops::Sub for Instant {
    type Output = TimeDelta;

    /// The time from `other` to `self`.
    fn sub(self, other: Instant) -> TimeDelta {
        self.0 - other.0
    }
}

impl FromStr for Instant {
    type Err = InstantError;

    /// As [`Instant::parse`].
    fn from_str(s: &str) -> Result<Instant, InstantError> {
        Instant::parse(s)
    }
}

impl fmt::Debug for Instant {
    /// chrono's: `2026-09-30T16:00:00+08:00`.
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for Instant {
    /// chrono's: `2026-09-30 16:00:00 +08:00` (the wire form is [`write_rfc3339`]'s).
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// The documented form of an instant, as error messages name it.
pub const INSTANT_FORM: &str = "YYYY-MM-DDTHH:MM:SS with Z or ±HH:MM";

/// A text that is not an instant of the documented form: ``invalid instant "2026-10-01
/// 09:00:00 UTC": expected YYYY-MM-DDTHH:MM:SS with Z or ±HH:MM``.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstantError {
    text: String,
    reason: Reason,
}

/// Why a text is not an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reason {
    /// Not of the form (characters, lengths, field ranges).
    Form,
    /// Of the form, but the date does not exist (February 30th).
    NoSuchDate,
    /// Of the form, but outside chrono's range (cannot happen for 4-digit years).
    OutOfRange,
}

impl fmt::Display for InstantError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "invalid instant {:?}: ", self.text)?;
        match self.reason {
            Reason::Form => write!(f, "expected {INSTANT_FORM}"),
            Reason::NoSuchDate => write!(f, "no such date {}", &self.text[..10]),
            Reason::OutOfRange => f.write_str("out of range"),
        }
    }
}

impl std::error::Error for InstantError {}

/// Two ASCII digits at `b[at..at + 2]` as a number.
fn two(b: &[u8], at: usize) -> Option<u32> {
    match b.get(at..at + 2)? {
        [h @ b'0'..=b'9', l @ b'0'..=b'9'] => Some(u32::from((h - b'0') * 10 + (l - b'0'))),
        _ => None,
    }
}

/// The documented form, exactly (see the module documentation).
fn parse_instant(s: &str) -> Result<Instant, Reason> {
    let b = s.as_bytes();
    let sep = |at: usize, c: u8| b.get(at) == Some(&c);
    if !(b.len() == 20 || b.len() == 25)
        || !(sep(4, b'-') && sep(7, b'-') && sep(10, b'T') && sep(13, b':') && sep(16, b':'))
    {
        return Err(Reason::Form);
    }
    let field = |at: usize, lo: u32, hi: u32| two(b, at).filter(|v| (lo..=hi).contains(v));
    let (Some(y1), Some(y2)) = (two(b, 0), two(b, 2)) else {
        return Err(Reason::Form);
    };
    let (Some(month), Some(day), Some(hour), Some(minute), Some(second)) = (
        field(5, 1, 12),
        field(8, 1, 31),
        field(11, 0, 23),
        field(14, 0, 59),
        field(17, 0, 59),
    ) else {
        return Err(Reason::Form);
    };
    let offset = match (b.len(), b[19]) {
        (20, b'Z') => 0,
        (25, sign @ (b'+' | b'-')) if b[22] == b':' => {
            let (Some(h), Some(m)) = (field(20, 0, 23), field(23, 0, 59)) else {
                return Err(Reason::Form);
            };
            let seconds = (h * 3600 + m * 60) as i32;
            if sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => return Err(Reason::Form),
    };
    // Checked as two two-digit numbers above.
    let year = (y1 * 100 + y2) as i32;
    let date = NaiveDate::from_ymd_opt(year, month, day).ok_or(Reason::NoSuchDate)?;
    let time = NaiveTime::from_hms_opt(hour, minute, second).ok_or(Reason::Form)?;
    let offset = FixedOffset::east_opt(offset).ok_or(Reason::Form)?;
    offset
        .from_local_datetime(&date.and_time(time))
        .single()
        .map(Instant)
        .ok_or(Reason::OutOfRange)
}

impl Serialize for Instant {
    /// The wire form, as [`write_rfc3339`] writes it.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = String::with_capacity(32);
        write_rfc3339(self, &mut out);
        s.serialize_str(&out)
    }
}

/// Reads an [`Instant`] from a string.
struct InstantVisitor;

impl Visitor<'_> for InstantVisitor {
    type Value = Instant;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        // chrono's words, kept: a non-string gets the message it always had.
        f.write_str("an RFC 3339 formatted date and time string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Instant, E> {
        Instant::parse(v).map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for Instant {
    /// The wire form only; see the module documentation.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Instant, D::Error> {
        d.deserialize_str(InstantVisitor)
    }
}

/// Writes `t` as RFC 3339 into `out` (the same text chrono's serde form gives).
pub fn write_rfc3339(t: &Instant, out: &mut String) {
    let t = &t.0;
    let year = t.year();
    if !(0..=9999).contains(&year) {
        out.push_str(&chrono_form(t));
        return;
    }
    let mut buf = [0u8; 25];
    let mut pos = 0;
    for (v, next) in [
        (year as u32 / 100, None),
        (year as u32 % 100, Some(b'-')),
        (t.month(), Some(b'-')),
        (t.day(), Some(b'T')),
        (t.hour(), Some(b':')),
        (t.minute(), Some(b':')),
        (t.second(), None),
    ] {
        buf[pos] = b'0' + (v / 10) as u8;
        buf[pos + 1] = b'0' + (v % 10) as u8;
        pos += 2;
        if let Some(c) = next {
            buf[pos] = c;
            pos += 1;
        }
    }
    let off = t.offset().fix().local_minus_utc();
    if off == 0 {
        // chrono writes a zero offset as `Z`.
        buf[pos] = b'Z';
        out.push_str(std::str::from_utf8(&buf[..pos + 1]).unwrap_or_default());
        return;
    }
    let sign = if off < 0 { b'-' } else { b'+' };
    let off = off.unsigned_abs();
    let (h, m, sec) = (off / 3600, off / 60 % 60, off % 60);
    if sec != 0 {
        // Offsets with seconds are rare; chrono decides their form.
        out.push_str(&chrono_form(t));
        return;
    }
    for (i, c) in [
        sign,
        b'0' + (h / 10) as u8,
        b'0' + (h % 10) as u8,
        b':',
        b'0' + (m / 10) as u8,
        b'0' + (m % 10) as u8,
    ]
    .into_iter()
    .enumerate()
    {
        buf[pos + i] = c;
    }
    pos += 6;
    // Only ASCII digits and separators were written.
    out.push_str(std::str::from_utf8(&buf[..pos]).unwrap_or_default());
}

fn chrono_form(t: &DateTime<FixedOffset>) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| t.to_rfc3339())
}

// ---- reading dates --------------------------------------------------------------------------

type Parse<T> = Result<T, &'static str>;

// chrono's `ParseError` messages.
const OUT_OF_RANGE: &str = "input is out of range";
const INVALID: &str = "input contains invalid characters";
const TOO_SHORT: &str = "premature end of input";
const TOO_LONG: &str = "trailing input";

/// chrono's `scan::number(s, 1, max)`: 1 to `max` digits.
fn number(s: &str, max: usize) -> Parse<(&str, i64)> {
    let b = s.as_bytes();
    if b.is_empty() {
        return Err(TOO_SHORT);
    }
    let mut n = 0i64;
    for (i, &c) in b.iter().take(max).enumerate() {
        if !c.is_ascii_digit() {
            return if i == 0 {
                Err(INVALID)
            } else {
                Ok((&s[i..], n))
            };
        }
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(i64::from(c - b'0')))
            .ok_or(OUT_OF_RANGE)?;
    }
    Ok((&s[max.min(b.len())..], n))
}

/// A numeric item after a space item: whitespace, then 1–`max` digits within `lo..=hi`
/// (chrono's `Parsed` setters).
fn field(s: &str, max: usize, lo: i64, hi: i64) -> Parse<(&str, i64)> {
    let (s, v) = number(s.trim_start(), max)?;
    if (lo..=hi).contains(&v) {
        Ok((s, v))
    } else {
        Err(OUT_OF_RANGE)
    }
}

/// A literal item alone.
fn exact(s: &str, c: char) -> Parse<&str> {
    if s.is_empty() {
        return Err(TOO_SHORT);
    }
    s.strip_prefix(c).ok_or(INVALID)
}

/// A literal item after a space item.
fn literal(s: &str, c: char) -> Parse<&str> {
    let s = s.trim_start();
    if s.is_empty() {
        return Err(TOO_SHORT);
    }
    s.strip_prefix(c).ok_or(INVALID)
}

/// Year (with a sign: any number of digits; without: up to 4), `-`, month, `-`, day.
/// `spaced`: whitespace allowed before each `-` (`NaiveDate::from_str`'s space items; the
/// format `%Y-%m-%d` has none).
fn ymd(s: &str, spaced: bool) -> Parse<(&str, i32, u32, u32)> {
    let dash = |s| {
        if spaced {
            literal(s, '-')
        } else {
            exact(s, '-')
        }
    };
    let s = s.trim_start();
    let (s, y) = if let Some(r) = s.strip_prefix('-') {
        let (s, v) = number(r, usize::MAX)?;
        (s, 0i64.checked_sub(v).ok_or(OUT_OF_RANGE)?)
    } else if let Some(r) = s.strip_prefix('+') {
        number(r, usize::MAX)?
    } else {
        number(s, 4)?
    };
    let y = i32::try_from(y).map_err(|_| OUT_OF_RANGE)?;
    let (s, m) = field(dash(s)?, 2, 1, 12)?;
    let (s, d) = field(dash(s)?, 2, 1, 31)?;
    // Both checked within 1..=31 above.
    Ok((s, y, m as u32, d as u32))
}

/// `NaiveDate::from_str`; the error is chrono's `ParseError` message.
pub(crate) fn parse_date(s: &str) -> Parse<NaiveDate> {
    let (s, y, m, d) = ymd(s, true)?;
    if !s.trim_start().is_empty() {
        return Err(TOO_LONG);
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or(OUT_OF_RANGE)
}

/// `NaiveDate::parse_from_str(s, "%Y-%m-%d")`: as [`parse_date`], but no whitespace before
/// the `-`s nor after the day.
pub(crate) fn parse_date_ymd(s: &str) -> Parse<NaiveDate> {
    let (s, y, m, d) = ymd(s, false)?;
    if !s.is_empty() {
        return Err(TOO_LONG);
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or(OUT_OF_RANGE)
}

/// Reads a string with `parse`; `expecting` is chrono's visitor's.
struct Text<T> {
    parse: fn(&str) -> Parse<T>,
    expecting: &'static str,
}

impl<T> Visitor<'_> for Text<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        (self.parse)(v).map_err(E::custom)
    }
}

/// `deserialize_with` for a `NaiveDate` field: what chrono's `Deserialize` reads, with the
/// same messages.
pub fn de_date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(Text {
        parse: parse_date,
        expecting: "a formatted date string",
    })
}

/// serde's `Option` visitor, reading the value with `$read`.
macro_rules! optional {
    ($name:ident, $t:ty, $read:path) => {
        struct $name;

        impl<'de> Visitor<'de> for $name {
            type Value = Option<$t>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("option")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Option<$t>, E> {
                Ok(None)
            }
            fn visit_none<E: de::Error>(self) -> Result<Option<$t>, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<$t>, D::Error> {
                $read(d).map(Some)
            }
        }
    };
}

optional!(OptionalDate, NaiveDate, de_date);

/// `deserialize_with` for an `Option<NaiveDate>` field, as serde reads an `Option` of
/// chrono's date. (With `deserialize_with` serde refuses a missing field, so such a field
/// also needs `#[serde(default)]`.)
pub fn de_date_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    d.deserialize_option(OptionalDate)
}

// Members of tagged enums (crate::wire) are read the same way: dates as chrono reads them,
// instants by their own `Deserialize`.
impl crate::wire::Read for NaiveDate {
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        de_date(d)
    }
}

impl crate::wire::Read for Instant {
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Instant::deserialize(d)
    }
}

impl crate::wire::Read for Option<Instant> {
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Option::<Instant>::deserialize(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, FixedOffset, TimeZone};

    /// Writes a whole-second chrono instant as chrono's serde form does.
    fn same_as_chrono(t: DateTime<FixedOffset>) {
        assert_eq!(t.nanosecond(), 0);
        let mut mine = String::new();
        write_rfc3339(&Instant::from_chrono(t), &mut mine);
        let theirs = serde_json::to_value(t).unwrap();
        assert_eq!(mine, theirs.as_str().unwrap(), "{t:?}");
        assert_eq!(
            serde_json::to_value(Instant::from_chrono(t)).unwrap(),
            theirs
        );
    }

    #[test]
    fn matches_chrono_on_assorted_instants() {
        for s in [
            "2026-03-02T09:00:00+08:00",
            "2026-12-31T23:59:59-05:30",
            "0001-01-01T00:00:00+00:00",
            "9999-12-31T23:59:59+14:00",
            "0000-01-01T00:30:00+01:00",
            "2026-03-02T01:00:00Z",
        ] {
            same_as_chrono(DateTime::parse_from_rfc3339(s).unwrap());
        }
        let odd = FixedOffset::east_opt(3600 + 17).unwrap();
        same_as_chrono(odd.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
    }

    /// A small deterministic generator (xorshift) for the comparisons below.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    fn reads_as_chrono(s: &str) {
        let text = serde_json::to_string(s).unwrap();
        let mut d = serde_json::Deserializer::from_str(&text);
        let ours = de_date(&mut d).map_err(|e| e.to_string());
        let theirs = serde_json::from_str::<NaiveDate>(&text).map_err(|e| e.to_string());
        assert_eq!(ours, theirs, "date {s:?}");
        let mut d = serde_json::Deserializer::from_str(&text);
        let ours = de_date_opt(&mut d).map_err(|e| e.to_string());
        let theirs = serde_json::from_str::<Option<NaiveDate>>(&text).map_err(|e| e.to_string());
        assert_eq!(ours, theirs, "optional date {s:?}");
        let ours = parse_date_ymd(s).map_err(str::to_owned);
        let theirs = NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| e.to_string());
        assert_eq!(ours, theirs, "%Y-%m-%d {s:?}");
        reads_as_documented(s);
    }

    /// The documented form, checked another way: the shape character by character, the
    /// ranges, then chrono (RFC 3339, which the form narrows) for the value.
    fn reads_as_documented(s: &str) {
        let b = s.as_bytes();
        let shape = |mask: &[u8]| {
            b.len() == mask.len()
                && b.iter().zip(mask).all(|(c, m)| match m {
                    b'd' => c.is_ascii_digit(),
                    b's' => *c == b'+' || *c == b'-',
                    m => c == m,
                })
        };
        let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap();
        let expected = (shape(b"dddd-dd-ddTdd:dd:ddZ") || shape(b"dddd-dd-ddTdd:dd:ddsdd:dd"))
            .then(|| DateTime::parse_from_rfc3339(s).ok())
            .flatten()
            .filter(|_| num(11..13) < 24 && num(14..16) < 60 && num(17..19) < 60)
            .filter(|_| b.len() == 20 || (num(20..22) < 24 && num(23..25) < 60));
        let ours = Instant::parse(s);
        match (&ours, expected) {
            (Ok(t), Some(e)) => {
                assert_eq!(t.to_chrono(), e, "{s:?}");
                assert_eq!(t.offset(), e.timezone(), "{s:?}");
            }
            (Err(e), None) => {
                let text = serde_json::to_string(s).unwrap();
                let serde = serde_json::from_str::<Instant>(&text)
                    .unwrap_err()
                    .to_string();
                assert!(serde.starts_with(&e.to_string()), "{serde}");
            }
            (ours, theirs) => panic!("{s:?}: ours {ours:?}, expected {theirs:?}"),
        }
    }

    #[test]
    fn reads_as_chrono_reads() {
        const SEEDS: &[&str] = &[
            "2026-10-01",
            "202 -09-01",
            "2026-09-1 ",
            "+2026-09-01",
            " 2026-9 -01",
            "2026-10-01T09:00:00+08:00",
            "2026-10-01t09:00:00.123456789Z",
            "2026-10-01 09:00:00 UTC",
            "2026-12-31T23:59:60.999999999-05:30",
            "+12345-01-01T00:00:00z",
            "-0044-03-15T12:00:00\u{2212}01:00",
            " 2026 - 1 - 5 T 9 : 0 : 0 + 08 : 00 ",
            "2026-10-01T09:00:00Z",
            "0000-01-01T00:00:00-23:59",
            "2026-10-01T09:00:00.5+08:00",
            "2026-02-30T09:00:00+08:00",
            "2026-10-01T09:00:00+24:00",
            "262143-12-31T23:59:59-23:59",
            "-262144-01-01T00:00:00+23:59",
            "2026-02-29T00:00:00+99:59",
            "2026-10-01T09:00:00.1234567891234+0800",
            "2024-02-29T24:00:00+08:00",
        ];
        const BITS: &[&str] = &[
            "",
            "0",
            "1",
            "9",
            "60",
            "99",
            "-",
            "+",
            ":",
            ".",
            " ",
            "\t",
            "\u{a0}",
            "\u{3000}",
            "T",
            "t",
            "Z",
            "z",
            "UTC",
            "utc",
            "Utc",
            "\u{2212}",
            "x",
            "é",
            "00",
            "24",
            "31",
            "13",
            "59",
            "12345678901234567890",
        ];
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut n = 0;
        for seed in SEEDS {
            reads_as_chrono(seed);
            for _ in 0..4000 {
                let mut s = (*seed).to_owned();
                for _ in 0..=rng.below(3) {
                    let mut i = rng.below(s.len() + 1);
                    while !s.is_char_boundary(i) {
                        i -= 1;
                    }
                    let bit = BITS[rng.below(BITS.len())];
                    match rng.below(3) {
                        0 => s.insert_str(i, bit),
                        1 => {
                            let j = s[i..].chars().next().map_or(i, |c| i + c.len_utf8());
                            s.replace_range(i..j, bit);
                        }
                        _ => s.truncate(i),
                    }
                }
                reads_as_chrono(&s);
                n += 1;
            }
        }
        assert!(n > 50_000);
        // Not a string: chrono's visitors' messages.
        for text in ["1", "null", "[]", "{}", "true", "1.5"] {
            let ours = serde_json::from_str::<Instant>(text).map_err(|e| e.to_string());
            let theirs = serde_json::from_str::<DateTime<FixedOffset>>(text);
            assert_eq!(
                ours,
                theirs.map(Instant).map_err(|e| e.to_string()),
                "{text}"
            );
            let mut d = serde_json::Deserializer::from_str(text);
            let ours = de_date(&mut d).map_err(|e| e.to_string());
            let theirs = serde_json::from_str::<NaiveDate>(text).map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{text}");
            let ours = serde_json::from_str::<Option<Instant>>(text).map_err(|e| e.to_string());
            let theirs = serde_json::from_str::<Option<DateTime<FixedOffset>>>(text);
            let theirs = theirs.map(|t| t.map(Instant)).map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{text}");
            let mut d = serde_json::Deserializer::from_str(text);
            let ours = de_date_opt(&mut d).map_err(|e| e.to_string());
            let theirs = serde_json::from_str::<Option<NaiveDate>>(text).map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{text}");
        }
    }

    fn refused(text: &str) -> String {
        let json = serde_json::to_string(text).unwrap();
        serde_json::from_str::<Instant>(&json)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn refusals_name_the_form() {
        let form = "expected YYYY-MM-DDTHH:MM:SS with Z or ±HH:MM";
        for text in [
            "2026-10-01 09:00:00+08:00",
            "2026-10-01 09:00:00 UTC",
            "2026-10-01T09:00:00UTC",
            "2026-10-01T10:00:00.5+08:00",
            "2026-10-01T10:00:00.000Z",
            "2026-10-01t09:00:00+08:00",
            "2026-10-01T09:00:00z",
            "2026-10-01T09:00:00+24:00",
            "2026-10-01T09:00:00-08:60",
            "2026-10-01T09:00:00+0800",
            "2026-10-01T09:00:00+08:00:00",
            "2026-10-01T09:00:00\u{2212}08:00",
            "2026-10-01T09:00:00",
            "2026-10-01T24:00:00+08:00",
            "2026-10-01T09:60:00+08:00",
            "2026-12-31T23:59:60+08:00",
            "2026-10-01T9:00:00+08:00",
            "+2026-10-01T09:00:00+08:00",
            "2026-13-01T09:00:00+08:00",
            "2026-00-01T09:00:00+08:00",
            "2026-10-00T09:00:00+08:00",
            " 2026-10-01T09:00:00+08:00",
            "2026-10-01T09:00:00+08:00 ",
            "",
        ] {
            let message = format!("invalid instant {text:?}: {form}");
            assert_eq!(Instant::parse(text).unwrap_err().to_string(), message);
            // serde_json adds where.
            assert_eq!(
                refused(text),
                format!("{message} at line 1 column {}", text.len() + 2)
            );
        }
        assert_eq!(
            Instant::parse("2026-02-30T09:00:00+08:00")
                .unwrap_err()
                .to_string(),
            r#"invalid instant "2026-02-30T09:00:00+08:00": no such date 2026-02-30"#
        );
        assert_eq!(
            Instant::parse("2025-02-29T09:00:00Z")
                .unwrap_err()
                .to_string(),
            r#"invalid instant "2025-02-29T09:00:00Z": no such date 2025-02-29"#
        );
        assert!(Instant::parse("2024-02-29T09:00:00Z").is_ok());
        // Not a string: chrono's words, as before.
        assert_eq!(
            serde_json::from_str::<Instant>("5").unwrap_err().to_string(),
            "invalid type: integer `5`, expected an RFC 3339 formatted date and time string at line 1 column 1"
        );
    }

    #[test]
    fn reads_the_documented_form() {
        let t = Instant::parse("2026-09-30T16:00:00+08:00").unwrap();
        assert_eq!(t.timestamp(), 1_790_755_200);
        assert_eq!(t.offset().local_minus_utc(), 8 * 3600);
        let z = Instant::parse("2026-09-30T08:00:00Z").unwrap();
        assert_eq!(z, t);
        assert_eq!(z.offset().local_minus_utc(), 0);
        let west = Instant::parse("2026-09-29T20:00:00-12:00").unwrap();
        assert_eq!(
            (west.timestamp(), west.offset().local_minus_utc()),
            (t.timestamp(), -12 * 3600)
        );
        // `-00:00` and `+00:00` are read as `Z` and written so.
        for text in ["2026-09-30T08:00:00+00:00", "2026-09-30T08:00:00-00:00"] {
            let u = Instant::parse(text).unwrap();
            assert_eq!(
                serde_json::to_string(&u).unwrap(),
                r#""2026-09-30T08:00:00Z""#
            );
        }
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#""2026-09-30T16:00:00+08:00""#
        );
        let none: Option<Instant> = serde_json::from_str("null").unwrap();
        assert_eq!(none, None);
        assert_eq!(
            serde_json::to_string(&Some(t)).unwrap(),
            r#""2026-09-30T16:00:00+08:00""#
        );
    }

    #[test]
    fn chrono_fractions_are_dropped() {
        let t = DateTime::parse_from_rfc3339("2026-10-01T10:00:00.5+08:00").unwrap();
        let i = Instant::from_chrono(t);
        assert_eq!(
            serde_json::to_string(&i).unwrap(),
            r#""2026-10-01T10:00:00+08:00""#
        );
        assert_eq!(i.to_chrono().nanosecond(), 0);
        let leap = DateTime::parse_from_rfc3339("2016-12-31T23:59:60.5Z").unwrap();
        assert_eq!(
            serde_json::to_string(&Instant::from(leap)).unwrap(),
            r#""2016-12-31T23:59:59Z""#
        );
        assert_eq!(
            (i + chrono::Duration::milliseconds(1500)).timestamp(),
            i.timestamp() + 1
        );
    }

    proptest::proptest! {
        #[test]
        fn matches_chrono_everywhere(secs in -62_000_000_000i64..253_000_000_000, off in -86_399i32..86_400, whole_minutes: bool) {
            let off = if whole_minutes { off / 60 * 60 } else { off };
            let t = DateTime::from_timestamp(secs, 0).unwrap().with_timezone(&FixedOffset::east_opt(off).unwrap());
            same_as_chrono(t);
        }

        /// Every instant written (years 0000–9999 in its offset, offsets in whole minutes up
        /// to ±23:59) is read back equal, in the same offset.
        #[test]
        fn written_is_read_back(secs in -62_167_219_200i64..253_402_300_800, minutes in -1439i32..=1439) {
            let offset = FixedOffset::east_opt(minutes * 60).unwrap();
            let t = Instant::from_timestamp(secs, offset).unwrap();
            let year = t.local().year();
            proptest::prop_assume!((0..=9999).contains(&year));
            let text = serde_json::to_string(&t).unwrap();
            let back: Instant = serde_json::from_str(&text).unwrap();
            proptest::prop_assert_eq!(back.timestamp(), t.timestamp());
            proptest::prop_assert_eq!(back.offset(), t.offset());
            proptest::prop_assert_eq!(serde_json::to_string(&back).unwrap(), text);
        }
    }
}
