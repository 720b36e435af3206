//! Exact numbers 精确计算 beyond money: fixed-point [`Figure`]s, exact fractions
//! ([`fraction::Fraction`]) of unbounded integers, integer square roots — computed from
//! integers and rounded once, at the end, to a documented number of places. The survey
//! scores ([`crate::survey`]) and the reports ([`crate::report`]) are given in them.
//! (Money, exact decimals and the named rounding rules are [`crate::money`], which this
//! builds on.)
//!
//! - Percentages (shares such as 满意率, CSAT, NPS, 0–100 indexes) are given to
//!   [`PERCENT_PLACES`] (2) places: `87.50`.
//! - Means and gaps on an answer scale (SERVQUAL gaps, mean ratings) are given to
//!   [`MEAN_PLACES`] (4) places: `-0.8571`.
//! - Point figures round half away from zero 四舍五入 ([`Rounding::HalfUp`]).
//! - Interval bounds round outward (the lower bound down, the upper bound up), so the
//!   printed interval always contains the exact one.
//! - Square roots are integer square roots of scaled integers ([`isqrt`]): `sqrt(a/b)` to
//!   `p` places is `isqrt(a·10^(2p) / b)`, which is the exact floor; the ceiling adds one
//!   unless the root is exact. Interval arithmetic keeps [`GUARD_PLACES`] extra places and
//!   bounds every intermediate in the safe direction before the final outward rounding.

pub mod fraction;

use crate::money::{div_round, Decimal, Rounding};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Places of a percentage figure: `87.50` (%).
pub const PERCENT_PLACES: u32 = 2;
/// Places of a mean or a gap on the answer scale: `-0.8571`.
pub const MEAN_PLACES: u32 = 4;
/// Extra places kept inside interval arithmetic before the final outward rounding.
pub const GUARD_PLACES: u32 = 4;

/// A fixed-point figure: `mantissa / 10^places`, serialized as a decimal string with exactly
/// its places (`"87.50"`, `"-0.8571"`, `"100.00"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Figure {
    mantissa: i128,
    places: u32,
}

impl Figure {
    /// `mantissa / 10^places`.
    pub const fn new(mantissa: i128, places: u32) -> Figure {
        Figure { mantissa, places }
    }

    /// `num / den` to `places` places, rounded by `mode`. `None` when `den` is zero (no data)
    /// or on overflow.
    pub fn ratio(num: i128, den: i128, places: u32, mode: Rounding) -> Option<Figure> {
        if den == 0 {
            return None;
        }
        let scaled = num.checked_mul(pow10(places)?)?;
        Some(Figure::new(div_round(scaled, den, mode), places))
    }

    /// `num / den` as a percentage (× 100) to [`PERCENT_PLACES`], half up.
    pub fn percent(num: i128, den: i128) -> Option<Figure> {
        Figure::ratio(num.checked_mul(100)?, den, PERCENT_PLACES, Rounding::HalfUp)
    }

    /// `num / den` to [`MEAN_PLACES`], half up.
    pub fn mean(num: i128, den: i128) -> Option<Figure> {
        Figure::ratio(num, den, MEAN_PLACES, Rounding::HalfUp)
    }

    /// The mantissa.
    pub const fn mantissa(self) -> i128 {
        self.mantissa
    }

    /// The places.
    pub const fn places(self) -> u32 {
        self.places
    }

    /// As an exact [`Decimal`].
    pub fn to_decimal(self) -> Option<Decimal> {
        Decimal::new(self.mantissa, self.places).ok()
    }
}

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let abs = self.mantissa.unsigned_abs();
        if self.places == 0 {
            return write!(f, "{sign}{abs}");
        }
        let p = 10u128.pow(self.places);
        write!(
            f,
            "{sign}{}.{:0width$}",
            abs / p,
            abs % p,
            width = self.places as usize
        )
    }
}

impl Serialize for Figure {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Figure {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Figure, D::Error> {
        let dec = Decimal::deserialize(d)?;
        Ok(Figure::new(dec.mantissa(), dec.scale()))
    }
}

/// `10^p` for `p` ≤ 38, else `None`.
pub fn pow10(p: u32) -> Option<i128> {
    10i128.checked_pow(p)
}

/// The integer square root: the largest `r` with `r² ≤ n` (exact; Newton's method from an
/// upper bound, which decreases monotonically to the floor).
pub fn isqrt(n: u128) -> u128 {
    if n < 2 {
        return n;
    }
    // 2^ceil(bits/2) ≥ sqrt(n): a start at or above the root.
    let bits = 128 - n.leading_zeros();
    let mut x: u128 = 1 << bits.div_ceil(2);
    loop {
        let y = (x + n / x) / 2;
        if y >= x {
            return x;
        }
        x = y;
    }
}

/// `sqrt(num / den)` scaled by `10^places`: `(floor, ceil)` of the exact value. `None` when
/// `den` is zero or the scaled value does not fit.
pub fn sqrt_ratio(num: u128, den: u128, places: u32) -> Option<(u128, u128)> {
    if den == 0 {
        return None;
    }
    let scale = 10u128.checked_pow(places.checked_mul(2)?)?;
    let scaled = num.checked_mul(scale)?;
    // floor(sqrt(floor(x))) = floor(sqrt(x)) for real x ≥ 0, since squares are integers.
    let lo = isqrt(scaled / den);
    // Exact only if lo² · den = num · 10^(2p).
    let exact = lo
        .checked_mul(lo)
        .and_then(|sq| sq.checked_mul(den))
        .is_some_and(|v| v == scaled);
    Some((lo, if exact { lo } else { lo + 1 }))
}

/// `ceil(a / b)` for `b` > 0.
pub fn div_ceil_u(a: u128, b: u128) -> u128 {
    a.div_ceil(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isqrt_is_the_floor_root() {
        for n in 0u128..5000 {
            let r = isqrt(n);
            assert!(r * r <= n && (r + 1) * (r + 1) > n, "n = {n}");
        }
        assert_eq!(isqrt(u128::MAX), u128::from(u64::MAX));
        let big = 123_456_789_012_345_678u128;
        assert_eq!(isqrt(big * big), big);
        assert_eq!(isqrt(big * big - 1), big - 1);
    }

    #[test]
    fn square_roots_of_ratios_bracket_the_value() {
        // sqrt(2) = 1.41421356...
        assert_eq!(sqrt_ratio(2, 1, 4), Some((14142, 14143)));
        // sqrt(1/4) = 0.5 exactly.
        assert_eq!(sqrt_ratio(1, 4, 4), Some((5000, 5000)));
        // sqrt(9/16) = 0.75.
        assert_eq!(sqrt_ratio(9, 16, 2), Some((75, 75)));
        assert_eq!(sqrt_ratio(1, 0, 2), None);
    }

    #[test]
    fn figures_print_their_places() {
        assert_eq!(
            Figure::percent(7, 8).map(|f| f.to_string()),
            Some("87.50".into())
        );
        assert_eq!(
            Figure::percent(2, 3).map(|f| f.to_string()),
            Some("66.67".into())
        );
        assert_eq!(
            Figure::percent(-1, 3).map(|f| f.to_string()),
            Some("-33.33".into())
        );
        assert_eq!(
            Figure::mean(-6, 7).map(|f| f.to_string()),
            Some("-0.8571".into())
        );
        assert_eq!(Figure::percent(0, 0), None);
        assert_eq!(Figure::new(5, 2).to_string(), "0.05");
        assert_eq!(Figure::new(-5, 2).to_string(), "-0.05");
        assert_eq!(
            serde_json::to_string(&Figure::new(10000, 2)).ok(),
            Some("\"100.00\"".into())
        );
    }
}
