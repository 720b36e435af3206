//! Fast RFC 3339 output for instants 时间点. Status and event responses carry many instants;
//! chrono's generic formatter writes them a character at a time, which dominated the cost of
//! a status response. This writer produces exactly chrono's serde form
//! (`2026-03-02T09:00:00+08:00`, fractional seconds as 3, 6 or 9 digits when present) and
//! falls back to chrono for years outside 0000–9999. Parsing stays with chrono.

use crate::calendar::Instant;
use chrono::{Datelike, Offset, Timelike};
use serde::Serializer;

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
