//! Money 金额 and exact decimals 精确小数: amounts in integer fen 分, rates and quantities as
//! exact decimals, rounding as a named rule applied at a named point, and splitting a total
//! by largest remainder 最大余数法 so the parts always sum to the whole. No floating point.
//!
//! On the wire both are decimal strings (`"1234.50"`, `"0.0003"`): JavaScript and PHP would
//! turn JSON numbers into floats.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// Errors of money and decimal arithmetic and parsing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "error", rename_all = "snake_case", deny_unknown_fields)]
pub enum MoneyError {
    /// A string that is not a decimal number of the allowed form.
    #[error("{text:?} is not a valid {what}: {reason}")]
    Parse {
        /// The text given.
        text: String,
        /// What was expected (`amount`, `decimal`).
        what: String,
        /// Why it was refused.
        reason: String,
    },
    /// A result too large to hold exactly.
    #[error("overflow computing {what}")]
    Overflow {
        /// The computation.
        what: String,
    },
    /// Splitting by weights that are all zero or negative.
    #[error("cannot split by weights: {reason}")]
    BadWeights {
        /// Why.
        reason: String,
    },
}

fn overflow(what: &str) -> MoneyError {
    MoneyError::Overflow { what: what.into() }
}

/// An amount of money in fen 分 (1 yuan 元 = 100 fen), exact, with checked arithmetic.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(i64);

impl Money {
    /// Zero.
    pub const ZERO: Money = Money(0);

    /// An amount of `fen` 分.
    pub const fn from_fen(fen: i64) -> Money {
        Money(fen)
    }

    /// The amount in fen.
    pub const fn fen(self) -> i64 {
        self.0
    }

    /// `self + other`, or an overflow error.
    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.0
            .checked_add(other.0)
            .map(Money)
            .ok_or_else(|| overflow("a money sum"))
    }

    /// `self - other`, or an overflow error.
    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.0
            .checked_sub(other.0)
            .map(Money)
            .ok_or_else(|| overflow("a money difference"))
    }

    /// `self × n`, or an overflow error.
    pub fn checked_mul(self, n: i64) -> Result<Money, MoneyError> {
        self.0
            .checked_mul(n)
            .map(Money)
            .ok_or_else(|| overflow("a money product"))
    }

    /// The sum of amounts, or an overflow error.
    pub fn sum<I: IntoIterator<Item = Money>>(items: I) -> Result<Money, MoneyError> {
        items
            .into_iter()
            .try_fold(Money::ZERO, |acc, m| acc.checked_add(m))
    }

    /// Whether the amount is below zero.
    pub const fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// Whether the amount is above zero.
    pub const fn is_positive(self) -> bool {
        self.0 > 0
    }

    /// The larger of two amounts.
    pub fn max(self, other: Money) -> Money {
        Money(self.0.max(other.0))
    }

    /// The smaller of two amounts.
    pub fn min(self, other: Money) -> Money {
        Money(self.0.min(other.0))
    }

    /// The amount as an exact decimal in yuan.
    pub fn to_decimal(self) -> Decimal {
        Decimal {
            mantissa: i128::from(self.0),
            scale: 2,
        }
    }
}

impl fmt::Display for Money {
    /// Yuan with two decimals: `1234.50`, `-0.07`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl FromStr for Money {
    type Err = MoneyError;

    /// Parses yuan with at most two decimals (`"1234.5"`, `"-3"`, `"0.07"`); more decimals,
    /// exponents, spaces, `+` signs, thousands separators are refused.
    fn from_str(s: &str) -> Result<Money, MoneyError> {
        let d = Decimal::parse_as(s, "amount")?;
        if d.scale > 2 {
            return Err(MoneyError::Parse {
                text: s.into(),
                what: "amount".into(),
                reason: "more than two decimals (amounts are in fen 分)".into(),
            });
        }
        let fen = d
            .mantissa
            .checked_mul(10i128.pow(2 - d.scale))
            .and_then(|v| i64::try_from(v).ok())
            .ok_or_else(|| MoneyError::Parse {
                text: s.into(),
                what: "amount".into(),
                reason: "too large".into(),
            })?;
        Ok(Money(fen))
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}
crate::wire::read_by_deserialize!(Money);

/// Largest scale (decimal places) a [`Decimal`] may carry.
pub const MAX_SCALE: u32 = 18;

/// An exact decimal number `mantissa / 10^scale`: rates 单价, areas 面积, quantities 用量,
/// daily late-fee rates 日费率 ("0.0003").
#[derive(Debug, Clone, Copy, Default)]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };

    /// `mantissa / 10^scale`.
    pub fn new(mantissa: i128, scale: u32) -> Result<Decimal, MoneyError> {
        if scale > MAX_SCALE {
            return Err(overflow("a decimal with too many places"));
        }
        Ok(Decimal { mantissa, scale })
    }

    /// An integer.
    pub const fn from_int(n: i64) -> Decimal {
        Decimal {
            mantissa: n as i128,
            scale: 0,
        }
    }

    /// The mantissa.
    pub const fn mantissa(self) -> i128 {
        self.mantissa
    }

    /// The scale (decimal places).
    pub const fn scale(self) -> u32 {
        self.scale
    }

    /// Whether it is below zero.
    pub const fn is_negative(self) -> bool {
        self.mantissa < 0
    }

    /// Whether it is zero.
    pub const fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    /// The same value without trailing fraction zeros: `18.000` → `18`, `2.50` → `2.5`.
    pub fn trimmed(mut self) -> Decimal {
        while self.scale > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        self
    }

    /// The mantissa at another scale, if that is exact and fits: `98.76` at scale 3 is
    /// `98760`; `98.765` at scale 2 is `None`.
    #[inline]
    pub fn rescaled(self, scale: u32) -> Option<i128> {
        if scale == self.scale {
            return Some(self.mantissa);
        }
        if scale > self.scale {
            match POW10.get((scale - self.scale) as usize) {
                Some(&p) => mul_i128(self.mantissa, i128::from(p)),
                None => self
                    .mantissa
                    .checked_mul(10i128.checked_pow(scale - self.scale)?),
            }
        } else {
            let p = 10i128.pow(self.scale - scale);
            (self.mantissa % p == 0).then_some(self.mantissa / p)
        }
    }

    fn parse_as(s: &str, what: &str) -> Result<Decimal, MoneyError> {
        let bad = |reason: &str| MoneyError::Parse {
            text: s.into(),
            what: what.into(),
            reason: reason.into(),
        };
        let (neg, digits) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int, frac) = match digits.split_once('.') {
            Some((i, f)) => (i, f),
            None => (digits, ""),
        };
        if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("expected digits before the decimal point"));
        }
        if digits.contains('.') && frac.is_empty() {
            return Err(bad("expected digits after the decimal point"));
        }
        if !frac.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("expected only digits after the decimal point"));
        }
        let scale = u32::try_from(frac.len()).map_err(|_| bad("too many decimals"))?;
        if scale > MAX_SCALE {
            return Err(bad("more than 18 decimals"));
        }
        let mut m: i128 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            m = m
                .checked_mul(10)
                .and_then(|m| m.checked_add(i128::from(b - b'0')))
                .ok_or_else(|| bad("too large"))?;
        }
        Ok(Decimal {
            mantissa: if neg { -m } else { m },
            scale,
        })
    }

    /// Brings both to the larger scale.
    fn aligned(self, other: Decimal) -> Result<(i128, i128, u32), MoneyError> {
        let scale = self.scale.max(other.scale);
        let up = |d: Decimal| {
            d.mantissa
                .checked_mul(10i128.pow(scale - d.scale))
                .ok_or_else(|| overflow("aligning decimals"))
        };
        Ok((up(self)?, up(other)?, scale))
    }

    /// `self + other`, exactly.
    pub fn checked_add(self, other: Decimal) -> Result<Decimal, MoneyError> {
        let (a, b, scale) = self.aligned(other)?;
        a.checked_add(b)
            .map(|mantissa| Decimal { mantissa, scale })
            .ok_or_else(|| overflow("a decimal sum"))
    }

    /// `self - other`, exactly.
    pub fn checked_sub(self, other: Decimal) -> Result<Decimal, MoneyError> {
        let (a, b, scale) = self.aligned(other)?;
        a.checked_sub(b)
            .map(|mantissa| Decimal { mantissa, scale })
            .ok_or_else(|| overflow("a decimal difference"))
    }

    /// `self × other`, exactly (scales add; refused beyond [`MAX_SCALE`] places after
    /// dropping trailing zeros).
    pub fn checked_mul(self, other: Decimal) -> Result<Decimal, MoneyError> {
        let mantissa = self
            .mantissa
            .checked_mul(other.mantissa)
            .ok_or_else(|| overflow("a decimal product"))?;
        Decimal {
            mantissa,
            scale: self.scale + other.scale,
        }
        .normalized()
    }

    /// Drops trailing zeros until the scale fits.
    fn normalized(mut self) -> Result<Decimal, MoneyError> {
        while self.scale > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        if self.scale > MAX_SCALE {
            return Err(overflow("a decimal with more than 18 places"));
        }
        Ok(self)
    }

    /// `self × num / den` rounded to `places` decimals by `mode` — proration 按天折算 and
    /// percentages without losing exactness before the one rounding.
    pub fn mul_ratio(
        self,
        num: i128,
        den: i128,
        places: u32,
        mode: Rounding,
    ) -> Result<Decimal, MoneyError> {
        if den == 0 {
            return Err(overflow("a ratio with denominator 0"));
        }
        // value = mantissa × num / (den × 10^scale); want it × 10^places.
        let scale_up = 10i128
            .checked_pow(places)
            .ok_or_else(|| overflow("a ratio"))?;
        let n = self
            .mantissa
            .checked_mul(num)
            .and_then(|v| v.checked_mul(scale_up))
            .ok_or_else(|| overflow("a ratio"))?;
        let d = den
            .checked_mul(10i128.pow(self.scale))
            .ok_or_else(|| overflow("a ratio"))?;
        Ok(Decimal {
            mantissa: div_round(n, d, mode),
            scale: places,
        })
    }

    /// Rounds yuan to money by a rule: to the fen or the jiao 角, by the rule's mode.
    pub fn to_money(self, rule: RoundingRule) -> Result<Money, MoneyError> {
        // value in fen = mantissa × 100 / 10^scale; round to a multiple of the unit's fen.
        let unit = rule.unit.fen();
        let (n, d) = if self.scale >= 2 {
            (self.mantissa, 10i128.pow(self.scale - 2) * i128::from(unit))
        } else {
            (
                self.mantissa
                    .checked_mul(10i128.pow(2 - self.scale))
                    .ok_or_else(|| overflow("rounding to money"))?,
                i128::from(unit),
            )
        };
        let units = div_round(n, d, rule.mode);
        units
            .checked_mul(i128::from(unit))
            .and_then(|f| i64::try_from(f).ok())
            .map(Money)
            .ok_or_else(|| overflow("rounding to money"))
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Decimal) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Decimal {}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Decimal) -> Ordering {
        match self.aligned(*other) {
            Ok((a, b, _)) => a.cmp(&b),
            // Alignment overflows only for huge magnitudes; compare by sign then magnitude
            // of the integer parts, which then differ.
            Err(_) => {
                let ia = self.mantissa / 10i128.pow(self.scale);
                let ib = other.mantissa / 10i128.pow(other.scale);
                ia.cmp(&ib)
            }
        }
    }
}

impl fmt::Display for Decimal {
    /// Plain decimal notation with the value's own scale: `2.35`, `0.0003`, `-12`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let abs = self.mantissa.unsigned_abs();
        if self.scale == 0 {
            return write!(f, "{sign}{abs}");
        }
        let p = 10u128.pow(self.scale);
        write!(
            f,
            "{sign}{}.{:0width$}",
            abs / p,
            abs % p,
            width = self.scale as usize
        )
    }
}

impl FromStr for Decimal {
    type Err = MoneyError;

    /// Parses plain decimal notation (`"98.76"`, `"0.0003"`, `"-5"`), up to 18 decimals.
    fn from_str(s: &str) -> Result<Decimal, MoneyError> {
        Decimal::parse_as(s, "decimal")
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// How to round 舍入方式.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// Half away from zero 四舍五入 (the default): 0.125 → 0.13, −0.125 → −0.13.
    #[default]
    HalfUp,
    /// Half to even 银行家舍入: 0.125 → 0.12, 0.135 → 0.14.
    HalfEven,
    /// Away from zero 进位 (any remainder rounds up in magnitude).
    Up,
    /// Toward zero 舍去 (truncate).
    Down,
}
crate::wire::unit_enum_deserialize!(Rounding {
    HalfUp = "half_up",
    HalfEven = "half_even",
    Up = "up",
    Down = "down",
});

/// The unit rounded to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RoundingUnit {
    /// To the fen 分 (0.01 yuan), the default.
    #[default]
    Fen,
    /// To the jiao 角 (0.10 yuan).
    Jiao,
    /// To the yuan 元.
    Yuan,
}
crate::wire::unit_enum_deserialize!(RoundingUnit {
    Fen = "fen",
    Jiao = "jiao",
    Yuan = "yuan",
});

impl RoundingUnit {
    /// The unit in fen.
    pub const fn fen(self) -> i64 {
        match self {
            RoundingUnit::Fen => 1,
            RoundingUnit::Jiao => 10,
            RoundingUnit::Yuan => 100,
        }
    }
}

/// A rounding rule: mode and unit, e.g. half-up to the fen 四舍五入到分.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoundingRule {
    /// How.
    #[serde(default)]
    pub mode: Rounding,
    /// To what.
    #[serde(default)]
    pub unit: RoundingUnit,
}

/// `a × b`, or `None` on overflow. When both fit in 64 bits the (widening) product cannot
/// overflow, so the common case is one multiplication instead of a checked 128-bit one.
#[inline]
pub fn mul_i128(a: i128, b: i128) -> Option<i128> {
    match (i64::try_from(a), i64::try_from(b)) {
        (Ok(x), Ok(y)) => Some(i128::from(x) * i128::from(y)),
        _ => a.checked_mul(b),
    }
}

/// Powers of ten that fit in an `i64`.
const POW10: [i64; 19] = {
    let mut t = [1i64; 19];
    let mut k = 1;
    while k < 19 {
        t[k] = t[k - 1] * 10;
        k += 1;
    }
    t
};

/// `n / d` rounded by `mode` (exact integer arithmetic; `d` ≠ 0).
pub fn div_round(n: i128, d: i128, mode: Rounding) -> i128 {
    let (n, d) = if d < 0 { (-n, -d) } else { (n, d) };
    let q = n / d; // truncates toward zero
    let r = n % d; // same sign as n
    if r == 0 {
        return q;
    }
    let away = if n < 0 { q - 1 } else { q + 1 };
    match mode {
        Rounding::Down => q,
        Rounding::Up => away,
        Rounding::HalfUp | Rounding::HalfEven => {
            let twice = r.unsigned_abs() * 2;
            match twice.cmp(&d.unsigned_abs()) {
                Ordering::Less => q,
                Ordering::Greater => away,
                Ordering::Equal => {
                    if mode == Rounding::HalfUp || q % 2 != 0 {
                        away
                    } else {
                        q
                    }
                }
            }
        }
    }
}

/// Splits `total` into parts proportional to `weights` by the largest-remainder method
/// 最大余数法: each part gets the floor of its exact share (in fen), and the fen left over go,
/// one each, to the parts with the largest remainders (ties to the earlier part). The parts
/// always sum exactly to `total`. Weights are exact decimals (areas, shares) and must be
/// non-negative with a positive sum. A negative total (a refund) splits the same way.
pub fn split_largest_remainder(
    total: Money,
    weights: &[Decimal],
) -> Result<Vec<Money>, MoneyError> {
    if weights.iter().any(|w| w.is_negative()) {
        return Err(MoneyError::BadWeights {
            reason: "a weight is negative".into(),
        });
    }
    let scale = weights.iter().map(|w| w.scale).max().unwrap_or(0);
    let ints: Vec<i128> = weights
        .iter()
        .map(|w| w.rescaled(scale).ok_or_else(|| overflow("weights")))
        .collect::<Result<_, _>>()?;
    split_by_weights(total, &ints)
}

/// [`split_largest_remainder`] with the weights already as integers (areas in hundredths of
/// a m², shares...): the same parts, in O(n) (the fen left over go to the largest remainders
/// found by selection, not by sorting every part).
pub fn split_by_weights(total: Money, weights: &[i128]) -> Result<Vec<Money>, MoneyError> {
    let mut slots = weights
        .iter()
        .map(|&w| {
            if w < 0 {
                Err(MoneyError::BadWeights {
                    reason: "a weight is negative".into(),
                })
            } else {
                i64::try_from(w).map_err(|_| overflow("a weight"))
            }
        })
        .collect::<Result<Vec<i64>, _>>()?;
    apportion_in_place(total, &mut slots, -1)?;
    Ok(slots.into_iter().map(Money).collect())
}

/// The largest-remainder split in place: each slot holds a weight (≥ 0), or `skip` for a
/// slot outside the split (left as it is); on success each weight is replaced by its part
/// in fen. One division per slot, in 64 bits when total × weight fits.
pub fn apportion_in_place(total: Money, slots: &mut [i64], skip: i64) -> Result<(), MoneyError> {
    let mut sum: u128 = 0;
    let mut max_w: u64 = 0;
    for &w in slots.iter() {
        if w == skip {
            continue;
        }
        if w < 0 {
            return Err(MoneyError::BadWeights {
                reason: "a weight is negative".into(),
            });
        }
        sum += u128::from(w as u64);
        max_w = max_w.max(w as u64);
    }
    if sum == 0 {
        return Err(MoneyError::BadWeights {
            reason: "the weights sum to zero".into(),
        });
    }
    let negative = total.is_negative();
    let t = u128::from(total.0.unsigned_abs());
    let fits64 = t * u128::from(max_w) <= u128::from(u64::MAX) && sum <= u128::from(u64::MAX);
    let mut rems: Vec<(u64, u32)> = Vec::new();
    let mut wide: Vec<(u128, u32)> = Vec::new();
    let mut given: u128 = 0;
    for (i, slot) in slots.iter_mut().enumerate() {
        if *slot == skip {
            continue;
        }
        let i = u32::try_from(i).map_err(|_| overflow("a split"))?;
        let w = *slot as u64;
        let q = if fits64 {
            let (x, s) = (t as u64 * w, sum as u64);
            if x % s != 0 {
                rems.push((x % s, i));
            }
            u128::from(x / s)
        } else {
            let x = t * u128::from(w);
            if x % sum != 0 {
                wide.push((x % sum, i));
            }
            x / sum
        };
        *slot = i64::try_from(q).map_err(|_| overflow("a share"))?;
        given += q;
    }
    let left = usize::try_from(t - given).map_err(|_| overflow("a split"))?;
    // The fen left over go, one each, to the largest remainders; ties to the earlier slot.
    // `left` is less than the number of slots with a remainder, so selecting the first
    // `left` in this order gives exactly what a full sort would.
    let mut bump = |idx: &mut dyn Iterator<Item = u32>| {
        for i in idx {
            slots[i as usize] += 1;
        }
    };
    if left > 0 && fits64 {
        if left < rems.len() {
            rems.select_nth_unstable_by(left - 1, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        }
        bump(&mut rems.iter().take(left).map(|r| r.1));
    } else if left > 0 {
        if left < wide.len() {
            wide.select_nth_unstable_by(left - 1, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        }
        bump(&mut wide.iter().take(left).map(|r| r.1));
    }
    if negative {
        for slot in slots.iter_mut().filter(|s| **s != skip) {
            *slot = -*slot;
        }
    }
    Ok(())
}

/// Writes `num / den` (`den` > 0) in plain decimal notation: exactly when it terminates
/// within `max_places` decimals (`"232.086"`, `"80"`), otherwise truncated to `max_places`
/// decimals and marked with `…` (`"80.029655…"`). For traces 计算过程, never for amounts.
pub fn ratio_to_string(num: i128, den: i128, max_places: u32) -> String {
    let (num, den) = if den < 0 { (-num, -den) } else { (num, den) };
    let sign = if num < 0 { "-" } else { "" };
    let (n, d) = (num.unsigned_abs(), den.unsigned_abs().max(1));
    let int = n / d;
    let mut rem = n % d;
    let mut frac = String::new();
    for _ in 0..max_places {
        if rem == 0 {
            break;
        }
        rem *= 10;
        frac.push(char::from(b'0' + (rem / d) as u8));
        rem %= d;
    }
    match (frac.is_empty(), rem == 0) {
        (true, true) => format!("{sign}{int}"),
        (false, true) => format!("{sign}{int}.{frac}"),
        (_, false) => format!("{sign}{int}.{frac}…"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every unit-only enum here reads back the names its `Serialize` writes.
    #[test]
    fn unit_enums_read_their_own_names() {
        crate::wire::assert_round_trip(Rounding::ALL);
        crate::wire::assert_round_trip(RoundingUnit::ALL);
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }
    fn m(s: &str) -> Money {
        s.parse().unwrap()
    }
    const HALF_UP_FEN: RoundingRule = RoundingRule {
        mode: Rounding::HalfUp,
        unit: RoundingUnit::Fen,
    };

    #[test]
    fn property_fee_rounded_once_or_monthly() {
        // 98.76 m² × 2.35 ¥/m²/month = 232.086 ¥ a month.
        let monthly = d("98.76").checked_mul(d("2.35")).unwrap();
        assert_eq!(monthly, d("232.086"));
        // Rounded once for 12 months: 232.086 × 12 = 2785.032 → 2785.03.
        let year = monthly.checked_mul(Decimal::from_int(12)).unwrap();
        assert_eq!(year.to_money(HALF_UP_FEN).unwrap(), m("2785.03"));
        // Rounded monthly: 232.086 → 232.09; × 12 = 2785.08.
        let per_month = monthly.to_money(HALF_UP_FEN).unwrap();
        assert_eq!(per_month, m("232.09"));
        assert_eq!(per_month.checked_mul(12).unwrap(), m("2785.08"));
    }

    #[test]
    fn rounding_modes_on_halves_and_negatives() {
        let r = |v: &str, mode, unit| {
            d(v).to_money(RoundingRule { mode, unit })
                .unwrap()
                .to_string()
        };
        use Rounding::*;
        use RoundingUnit::*;
        assert_eq!(r("0.125", HalfUp, Fen), "0.13");
        assert_eq!(r("0.125", HalfEven, Fen), "0.12");
        assert_eq!(r("0.135", HalfEven, Fen), "0.14");
        assert_eq!(r("0.121", Up, Fen), "0.13");
        assert_eq!(r("0.129", Down, Fen), "0.12");
        assert_eq!(r("-0.125", HalfUp, Fen), "-0.13");
        assert_eq!(r("-0.121", Down, Fen), "-0.12");
        assert_eq!(r("-0.121", Up, Fen), "-0.13");
        // To the jiao 角: 12.35 is 123.5 jiao → 124 both ways (124 is even); 12.25 is
        // 122.5 jiao → 123 half-up, 122 half-even.
        assert_eq!(r("12.35", HalfUp, Jiao), "12.40");
        assert_eq!(r("12.35", HalfEven, Jiao), "12.40");
        assert_eq!(r("12.25", HalfEven, Jiao), "12.20");
        assert_eq!(r("12.34", Down, Jiao), "12.30");
        assert_eq!(r("12.5", HalfUp, Yuan), "13.00");
        assert_eq!(r("7", HalfUp, Fen), "7.00");
    }

    #[test]
    fn parse_and_print() {
        assert_eq!(m("1234.5").fen(), 123450);
        assert_eq!(m("-0.07").to_string(), "-0.07");
        assert_eq!(m("0").to_string(), "0.00");
        for bad in [
            "", "1.234", "1e3", "+1", " 1", "1,000", "1.", ".5", "--1", "abc",
        ] {
            assert!(bad.parse::<Money>().is_err(), "{bad:?} parsed");
        }
        assert_eq!(d("0.0003").to_string(), "0.0003");
        assert_eq!(d("-12").to_string(), "-12");
        assert!("0.1234567890123456789".parse::<Decimal>().is_err());
        assert_eq!(serde_json::to_string(&m("98.76")).unwrap(), "\"98.76\"");
        assert_eq!(
            serde_json::from_str::<Decimal>("\"2.35\"").unwrap(),
            d("2.35")
        );
        assert!(
            serde_json::from_str::<Money>("98.76").is_err(),
            "a JSON number is refused"
        );
    }

    #[test]
    fn overflow_is_an_error() {
        let big = Money::from_fen(i64::MAX);
        assert!(big.checked_add(Money::from_fen(1)).is_err());
        assert!(big.checked_mul(2).is_err());
        assert!(d("9999999999999999999")
            .checked_mul(d("9999999999999999999999"))
            .is_err());
    }

    #[test]
    fn largest_remainder_split() {
        // 100.00 over areas 1, 1, 1: 33.33 each leaves 0.01 for the first (ties → earlier).
        let parts = split_largest_remainder(m("100.00"), &[d("1"), d("1"), d("1")]).unwrap();
        assert_eq!(parts, vec![m("33.34"), m("33.33"), m("33.33")]);
        // 1000.00 over 98.76, 120.50, 143.20 (sum 362.46):
        // exact 272.4714…, 332.4505…, 395.0780… → floors 272.47, 332.45, 395.07 (sum 999.99);
        // the extra fen goes to the largest remainder (395.0780… has .80) → 395.08.
        let parts =
            split_largest_remainder(m("1000.00"), &[d("98.76"), d("120.50"), d("143.20")]).unwrap();
        assert_eq!(parts, vec![m("272.47"), m("332.45"), m("395.08")]);
        // A refund splits the same way, negated.
        let parts = split_largest_remainder(m("-100.00"), &[d("1"), d("1"), d("1")]).unwrap();
        assert_eq!(parts, vec![m("-33.34"), m("-33.33"), m("-33.33")]);
        assert!(split_largest_remainder(m("1"), &[d("0"), d("0")]).is_err());
        assert!(split_largest_remainder(m("1"), &[d("-1"), d("2")]).is_err());
    }

    #[test]
    fn integer_weights_split_like_decimal_weights() {
        // Areas in hundredths of a m²: the same split as the decimal example above.
        let parts = split_by_weights(m("1000.00"), &[9876, 12050, 14320]).unwrap();
        assert_eq!(parts, vec![m("272.47"), m("332.45"), m("395.08")]);
        // 0.05 over five equal weights and 0.03 over five: selection gives the first three.
        let parts = split_by_weights(m("0.03"), &[1, 1, 1, 1, 1]).unwrap();
        assert_eq!(
            parts.iter().map(|p| p.fen()).collect::<Vec<_>>(),
            [1, 1, 1, 0, 0]
        );
        assert!(split_by_weights(m("1"), &[]).is_err());
    }

    #[test]
    fn ratios_print_exactly_or_marked() {
        assert_eq!(ratio_to_string(232086, 1000, 6), "232.086");
        assert_eq!(ratio_to_string(80, 1, 6), "80");
        // 2320.86 / 29 = 80.02965517…
        assert_eq!(ratio_to_string(232086, 2900, 6), "80.029655…");
        assert_eq!(ratio_to_string(-1, 3, 2), "-0.33…");
        assert_eq!(d("98.76").rescaled(3), Some(98760));
        assert_eq!(d("98.765").rescaled(2), None);
    }

    #[test]
    fn mul_ratio_prorates_exactly() {
        // 232.086 a month for 10 of February 2024's 29 days: 80.0296… → 80.03.
        let v = d("232.086").mul_ratio(10, 29, 2, Rounding::HalfUp).unwrap();
        assert_eq!(v, d("80.03"));
    }
}
