//! Time 时间: the [`Instant`] every operation is given (`now`) and every event carries, and
//! how instants and dates are written and read on the wire, without chrono's general
//! machinery. (Working time 工作时间 on the business calendar is [`crate::calendar`].)
//!
//! Writing: status and event responses carry many instants; chrono's generic formatter
//! writes them a character at a time, which dominated the cost of a status response.
//! [`write_rfc3339`] produces exactly chrono's serde form (`2026-03-02T09:00:00+08:00`,
//! fractional seconds as 3, 6 or 9 digits when present) and falls back to chrono for years
//! outside 0000–9999.
//!
//! Reading: [`de()`], [`de_opt`], [`de_date`] and [`de_date_opt`] read exactly as chrono's
//! `Deserialize` for `DateTime<FixedOffset>` and `NaiveDate` (its `FromStr`: RFC 3339 relaxed,
//! `YYYY-MM-DD`): the same texts accepted, the same values, the same error messages found in the same order.
//! chrono's general parser (format items, `Parsed`) is large in the WASM build and these two
//! forms are all the library reads; the tests compare both on many thousands of texts.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, Offset, TimeZone, Timelike};
use serde::de::{self, Deserializer, Visitor};
use serde::Serializer;
use std::fmt;

/// An instant 时间点 with an explicit UTC offset (RFC 3339 on the wire).
pub type Instant = DateTime<FixedOffset>;

/// Writes `t` as RFC 3339 into `out` (the same text chrono's serde form gives).
pub fn write_rfc3339(t: &Instant, out: &mut String) {
    let year = t.year();
    if !(0..=9999).contains(&year) {
        out.push_str(&chrono_form(t));
        return;
    }
    let mut buf = [0u8; 35];
    let mut n = 0;
    let mut put = |v: u32, width: usize| {
        let mut i = width;
        let mut v = v;
        while i > 0 {
            i -= 1;
            buf[n + i] = b'0' + (v % 10) as u8;
            v /= 10;
        }
        n += width;
    };
    put(year as u32, 4);
    let sep = |b: &mut [u8; 35], at: usize, c: u8| b[at] = c;
    sep(&mut buf, 4, b'-');
    let mut pos = 5;
    for (v, next) in [
        (t.month(), b'-'),
        (t.day(), b'T'),
        (t.hour(), b':'),
        (t.minute(), b':'),
    ] {
        buf[pos] = b'0' + (v / 10) as u8;
        buf[pos + 1] = b'0' + (v % 10) as u8;
        buf[pos + 2] = next;
        pos += 3;
    }
    let s = t.second();
    buf[pos] = b'0' + (s / 10) as u8;
    buf[pos + 1] = b'0' + (s % 10) as u8;
    pos += 2;
    // chrono writes a leap second as second 60 via nanoseconds ≥ 1e9; keep its output then.
    let nanos = t.nanosecond();
    if nanos >= 1_000_000_000 {
        out.push_str(&chrono_form(t));
        return;
    }
    let (frac, digits) = if nanos == 0 {
        (0, 0)
    } else if nanos % 1_000_000 == 0 {
        (nanos / 1_000_000, 3)
    } else if nanos % 1_000 == 0 {
        (nanos / 1_000, 6)
    } else {
        (nanos, 9)
    };
    if digits > 0 {
        buf[pos] = b'.';
        pos += 1;
        let mut v = frac;
        for i in (0..digits).rev() {
            buf[pos + i] = b'0' + (v % 10) as u8;
            v /= 10;
        }
        pos += digits;
    }
    let off = t.offset().fix().local_minus_utc();
    if off == 0 {
        // chrono writes a zero offset as `Z`.
        buf[pos] = b'Z';
        out.push_str(std::str::from_utf8(&buf[..pos + 1]).unwrap_or_default());
        return;
    }
    buf[pos] = if off < 0 { b'-' } else { b'+' };
    let off = off.unsigned_abs();
    let (h, m, sec) = (off / 3600, off / 60 % 60, off % 60);
    if sec != 0 {
        // Offsets with seconds are rare; chrono decides their form.
        out.push_str(&chrono_form(t));
        return;
    }
    buf[pos + 1] = b'0' + (h / 10) as u8;
    buf[pos + 2] = b'0' + (h % 10) as u8;
    buf[pos + 3] = b':';
    buf[pos + 4] = b'0' + (m / 10) as u8;
    buf[pos + 5] = b'0' + (m % 10) as u8;
    pos += 6;
    // Only ASCII digits and separators were written.
    out.push_str(std::str::from_utf8(&buf[..pos]).unwrap_or_default());
}

fn chrono_form(t: &Instant) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| t.to_rfc3339())
}

/// `serialize_with` for an [`Instant`] field.
pub fn ser<S: Serializer>(t: &Instant, s: S) -> Result<S::Ok, S::Error> {
    let mut out = String::with_capacity(32);
    write_rfc3339(t, &mut out);
    s.serialize_str(&out)
}

/// `serialize_with` for an `Option<Instant>` field.
pub fn ser_opt<S: Serializer>(t: &Option<Instant>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => ser(t, s),
        None => s.serialize_none(),
    }
}

// ---- reading -------------------------------------------------------------------------------

type Parse<T> = Result<T, &'static str>;

// chrono's `ParseError` messages.
const OUT_OF_RANGE: &str = "input is out of range";
const IMPOSSIBLE: &str = "no possible date and time matching input";
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

/// chrono's `scan::timezone_offset` with `:` or whitespace between hours and minutes, `Z`
/// allowed, minutes required, U+2212 allowed as the minus sign.
fn offset(s: &str) -> Parse<(&str, i32)> {
    if let Some(b'Z' | b'z') = s.as_bytes().first() {
        return Ok((&s[1..], 0));
    }
    let (negative, s) = match s.chars().next() {
        Some(c @ ('+' | '-' | '\u{2212}')) => (c != '+', &s[c.len_utf8()..]),
        Some(_) => return Err(INVALID),
        None => return Err(TOO_SHORT),
    };
    let two = |s: &str| match s.as_bytes() {
        [a, b, ..] => Ok((*a, *b)),
        _ => Err(TOO_SHORT),
    };
    let hours = match two(s)? {
        (h1 @ b'0'..=b'9', h2 @ b'0'..=b'9') => i32::from((h1 - b'0') * 10 + (h2 - b'0')),
        _ => return Err(INVALID),
    };
    let s = s[2..].trim_start_matches(|c: char| c == ':' || c.is_whitespace());
    let minutes = match two(s)? {
        (m1 @ b'0'..=b'5', m2 @ b'0'..=b'9') => i32::from((m1 - b'0') * 10 + (m2 - b'0')),
        (b'6'..=b'9', b'0'..=b'9') => return Err(OUT_OF_RANGE),
        _ => return Err(INVALID),
    };
    let seconds = hours * 3600 + minutes * 60;
    Ok((&s[2..], if negative { -seconds } else { seconds }))
}

/// `DateTime<FixedOffset>::from_str` (RFC 3339, relaxed); the error is chrono's
/// `ParseError` message.
pub(crate) fn parse_instant(s: &str) -> Parse<Instant> {
    let (s, y, m, d) = ymd(s, true)?;
    let s = match s.as_bytes().first() {
        Some(b't' | b'T' | b' ') => &s[1..],
        Some(_) => return Err(INVALID),
        None => return Err(TOO_SHORT),
    };
    let (s, hour) = field(s, 2, 0, 23)?;
    let (s, minute) = field(literal(s, ':')?, 2, 0, 59)?;
    let (s, second) = field(literal(s, ':')?, 2, 0, 60)?;
    let (s, nano) = match s.strip_prefix('.') {
        Some(r) => {
            let (rest, v) = number(r, 9)?;
            // Scaled by the digits read (at most 9, so within u32); digits past the ninth are
            // skipped.
            let v = (v as u32) * 10u32.pow(9 - (r.len() - rest.len()) as u32);
            (rest.trim_start_matches(|c: char| c.is_ascii_digit()), v)
        }
        None => (s, 0),
    };
    let s = s.trim_start();
    let (s, offset) = if s.len() >= 3 && s.as_bytes()[..3].eq_ignore_ascii_case(b"UTC") {
        (&s[3..], 0)
    } else {
        offset(s)?
    };
    if !s.trim_start().is_empty() {
        return Err(TOO_LONG);
    }
    // `Parsed::to_datetime`: the date, the time (second 60 is a leap second), the offset.
    let date = NaiveDate::from_ymd_opt(y, m, d).ok_or(OUT_OF_RANGE);
    let (second, leap) = if second == 60 {
        (59, 1_000_000_000)
    } else {
        (second, 0)
    };
    // hour, minute and second were checked within 0..=60 above.
    let time = NaiveTime::from_hms_nano_opt(hour as u32, minute as u32, second as u32, leap + nano)
        .ok_or(OUT_OF_RANGE);
    let local = date?.and_time(time?);
    let offset = FixedOffset::east_opt(offset).ok_or(OUT_OF_RANGE)?;
    offset
        .from_local_datetime(&local)
        .single()
        .ok_or(IMPOSSIBLE)
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

/// `deserialize_with` for an [`Instant`] field: what chrono's `Deserialize` reads, with the
/// same messages.
pub fn de<'de, D: Deserializer<'de>>(d: D) -> Result<Instant, D::Error> {
    d.deserialize_str(Text {
        parse: parse_instant,
        expecting: "an RFC 3339 formatted date and time string",
    })
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

optional!(Optional, Instant, de);
optional!(OptionalDate, NaiveDate, de_date);

/// `deserialize_with` for an `Option<Instant>` field, as serde reads an `Option` of chrono's
/// instant. (With `deserialize_with` serde refuses a missing field, so such a field also
/// needs `#[serde(default)]`.)
pub fn de_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Instant>, D::Error> {
    d.deserialize_option(Optional)
}

/// `deserialize_with` for an `Option<NaiveDate>` field, as serde reads an `Option` of
/// chrono's date. (With `deserialize_with` serde refuses a missing field, so such a field
/// also needs `#[serde(default)]`.)
pub fn de_date_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    d.deserialize_option(OptionalDate)
}

// Members of tagged enums (crate::wire) are read the same way: dates and instants as chrono
// reads them, without chrono's parser.
impl crate::wire::Read for NaiveDate {
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        de_date(d)
    }
}

impl crate::wire::Read for Instant {
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        de(d)
    }
}

impl crate::wire::Read for Option<Instant> {
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        de_opt(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, FixedOffset, TimeZone};

    fn same_as_chrono(t: Instant) {
        let mut mine = String::new();
        write_rfc3339(&t, &mut mine);
        let theirs = serde_json::to_value(t).unwrap();
        assert_eq!(mine, theirs.as_str().unwrap(), "{t:?}");
    }

    #[test]
    fn matches_chrono_on_assorted_instants() {
        for s in [
            "2026-03-02T09:00:00+08:00",
            "2026-12-31T23:59:59-05:30",
            "0001-01-01T00:00:00+00:00",
            "9999-12-31T23:59:59+14:00",
            "2026-03-02T09:00:00.5+08:00",
            "2026-03-02T09:00:00.123456+08:00",
            "2026-03-02T09:00:00.000000001Z",
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
        let mut d = serde_json::Deserializer::from_str(&text);
        let ours = de(&mut d).map_err(|e| e.to_string());
        let theirs = serde_json::from_str::<Instant>(&text).map_err(|e| e.to_string());
        assert_eq!(ours, theirs, "instant {s:?}");
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
            let mut d = serde_json::Deserializer::from_str(text);
            let ours = de(&mut d).map_err(|e| e.to_string());
            let theirs = serde_json::from_str::<Instant>(text).map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{text}");
            let mut d = serde_json::Deserializer::from_str(text);
            let ours = de_date(&mut d).map_err(|e| e.to_string());
            let theirs = serde_json::from_str::<NaiveDate>(text).map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{text}");
            let mut d = serde_json::Deserializer::from_str(text);
            let ours = de_opt(&mut d).map_err(|e| e.to_string());
            let theirs = serde_json::from_str::<Option<Instant>>(text).map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{text}");
            let mut d = serde_json::Deserializer::from_str(text);
            let ours = de_date_opt(&mut d).map_err(|e| e.to_string());
            let theirs = serde_json::from_str::<Option<NaiveDate>>(text).map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn matches_chrono_everywhere(secs in -62_000_000_000i64..253_000_000_000, nanos in 0u32..1_000_000_000, off in -86_399i32..86_400, pick in 0u8..4) {
            let nanos = match pick { 0 => 0, 1 => nanos / 1_000_000 * 1_000_000, 2 => nanos / 1000 * 1000, _ => nanos };
            let off = if pick % 2 == 0 { off / 60 * 60 } else { off };
            let t = DateTime::from_timestamp(secs, nanos).unwrap().with_timezone(&FixedOffset::east_opt(off).unwrap());
            same_as_chrono(t);
        }
    }
}
