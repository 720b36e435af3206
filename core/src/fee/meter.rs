//! Meter readings 抄表 and tiered prices 阶梯价 of metered utilities collected on behalf
//! 代收代缴 (water, electricity, gas).
//!
//! Consumption 用量 is `current − previous`, with two exceptions a meter reader records:
//! - rollover 翻表: a meter that wraps at its capacity (`wraps_at`, e.g. 10000 for a
//!   four-digit register that goes 9999 → 0000) and reads lower than before has gone round:
//!   `wraps_at − previous + current`;
//! - replacement 换表: the old meter's final reading and the new meter's initial reading:
//!   `(old_final − previous) + (current − new_initial)`.
//!
//! Otherwise a reading lower than the previous one is an error, never a credit.
//! Readings carry at most three decimals ([`METER_SCALE`]).
//!
//! Tiers 阶梯: consumption is split at the tier bounds. With monthly bounds each reading's
//! consumption starts at 0; with annual bounds it starts at the year-to-date consumption
//! before the reading (the caller gives it: it depends on the tier year and the earlier
//! readings, which the host keeps). Water at up to 180 m³ a year at 5.00, 181–260 at 7.00,
//! above 260 at 9.00, 30 m³ this month after 170 m³ earlier in the year: 10 m³ × 5.00 +
//! 20 m³ × 7.00 = 190.00.

use crate::fee::{FeeError, Place};
use crate::money::{mul_i128, Decimal};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

mod columns;
#[cfg(feature = "fees")]
pub(crate) use columns::Readings;
pub use columns::{ColumnUnit, ReadingColumns};

/// Decimals of readings, consumption and tier bounds.
pub const METER_SCALE: u32 = 3;

/// A meter reading 抄表记录 of one unit and item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reading {
    /// Unit id.
    pub unit: String,
    /// Item code (a metered item).
    pub item: String,
    /// Reading date 抄表日: the rate in effect on this day prices the whole consumption.
    #[serde(deserialize_with = "crate::time::de_date")]
    pub date: NaiveDate,
    /// Previous reading 上次读数.
    pub previous: Decimal,
    /// This reading 本次读数.
    pub current: Decimal,
    /// The register's capacity, where it wraps to 0 (a four-digit meter: `"10000"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wraps_at: Option<Decimal>,
    /// A meter replacement 换表 since the previous reading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaced: Option<Replacement>,
    /// Consumption earlier in the tier year 年累计用量: required for an item whose tiers have
    /// annual bounds, refused for any other item (it would be ignored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_to_date: Option<Decimal>,
}

/// A meter replacement 换表: the old meter's last reading and the new one's first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Replacement {
    /// Final reading of the old meter 旧表止码.
    pub old_final: Decimal,
    /// Initial reading of the new meter 新表起码.
    pub new_initial: Decimal,
}

/// How consumption was measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Measured {
    /// `current − previous`.
    Plain,
    /// The meter went round 翻表.
    Rollover,
    /// The meter was replaced 换表.
    Replacement,
}
crate::wire::unit_enum_deserialize!(Measured {
    Plain = "plain",
    Rollover = "rollover",
    Replacement = "replacement",
});

/// A reading field as thousandths, non-negative, at most three decimals.
fn thousandths(v: Decimal, at: impl FnOnce() -> Place) -> Result<i128, FeeError> {
    if v.is_negative() {
        return Err(FeeError::invalid(at(), format!("{v} is negative")));
    }
    v.rescaled(METER_SCALE)
        .ok_or_else(|| FeeError::invalid(at(), format!("{v} has more than 3 decimals")))
}

impl Reading {
    /// The reading's fields, borrowed.
    pub fn as_ref(&self) -> ReadingRef<'_> {
        ReadingRef {
            unit: &self.unit,
            item: &self.item,
            date: self.date,
            previous: self.previous,
            current: self.current,
            wraps_at: self.wraps_at,
            replaced: self.replaced,
            year_to_date: self.year_to_date,
        }
    }

    /// Consumption in thousandths and how it was measured. `index` is the reading's place
    /// in the input, for error messages.
    pub fn consumption(&self, index: usize) -> Result<(i128, Measured), FeeError> {
        self.as_ref().consumption(index)
    }

    /// The year-to-date consumption before this reading, in thousandths.
    pub fn prior(&self, index: usize) -> Result<Option<i128>, FeeError> {
        self.as_ref().prior(index)
    }
}

/// A reading's fields, borrowed: a row ([`Reading`]) or one entry of [`ReadingColumns`].
/// Both compute through here, so the two forms give the same consumption and the same
/// errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadingRef<'a> {
    /// Unit id.
    pub unit: &'a str,
    /// Item code.
    pub item: &'a str,
    /// Reading date.
    pub date: NaiveDate,
    /// Previous reading.
    pub previous: Decimal,
    /// This reading.
    pub current: Decimal,
    /// The register's capacity, where it wraps to 0.
    pub wraps_at: Option<Decimal>,
    /// A meter replacement since the previous reading.
    pub replaced: Option<Replacement>,
    /// Consumption earlier in the tier year.
    pub year_to_date: Option<Decimal>,
}

impl ReadingRef<'_> {
    fn place(&self, index: usize, field: &str) -> Place {
        Place::field(format!("readings[{index}].{field}"))
            .unit(self.unit)
            .item(self.item)
    }

    /// Consumption in thousandths and how it was measured. `index` is the reading's place
    /// in the input, for error messages.
    pub fn consumption(&self, index: usize) -> Result<(i128, Measured), FeeError> {
        let at = |f: &str| self.place(index, f);
        let prev = thousandths(self.previous, || at("previous"))?;
        let cur = thousandths(self.current, || at("current"))?;
        if let Some(r) = self.replaced {
            let old_final = thousandths(r.old_final, || at("replaced.old_final"))?;
            let new_initial = thousandths(r.new_initial, || at("replaced.new_initial"))?;
            if old_final < prev {
                return Err(FeeError::invalid(
                    at("replaced.old_final"),
                    format!(
                        "the old meter's final reading {} is below the previous reading {}",
                        r.old_final, self.previous
                    ),
                ));
            }
            if cur < new_initial {
                return Err(FeeError::invalid(
                    at("current"),
                    format!(
                        "reading {} is below the new meter's initial reading {}",
                        self.current, r.new_initial
                    ),
                ));
            }
            return Ok((old_final - prev + cur - new_initial, Measured::Replacement));
        }
        if cur >= prev {
            return Ok((cur - prev, Measured::Plain));
        }
        match self.wraps_at {
            Some(w) => {
                let wraps = thousandths(w, || at("wraps_at"))?;
                if prev >= wraps || cur >= wraps {
                    return Err(FeeError::invalid(
                        at("wraps_at"),
                        format!("readings must be below the meter's capacity {w}"),
                    ));
                }
                Ok((wraps - prev + cur, Measured::Rollover))
            }
            None => Err(FeeError::ReadingBackwards {
                unit: self.unit.to_owned(),
                item: self.item.to_owned(),
                date: self.date,
                previous: self.previous.to_string(),
                current: self.current.to_string(),
            }),
        }
    }

    /// The year-to-date consumption before this reading, in thousandths.
    pub fn prior(&self, index: usize) -> Result<Option<i128>, FeeError> {
        self.year_to_date
            .map(|y| thousandths(y, || self.place(index, "year_to_date")))
            .transpose()
    }
}

/// A tier with its bound in thousandths (`i128::MAX`: no bound) and its price mantissa.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TierC {
    pub up_to: i128,
    pub price: i128,
}

/// Splits `qty` consumed after `prior` at the tier bounds; calls `f(tier, from, to,
/// portion)` for each tier with consumption and returns Σ portion × price (None on
/// overflow).
pub(crate) fn split_tiers(
    prior: i128,
    qty: i128,
    tiers: &[TierC],
    mut f: impl FnMut(usize, i128, i128, i128),
) -> Option<i128> {
    let (start, end) = (prior, prior.checked_add(qty)?);
    let mut lo = 0i128;
    let mut sum = 0i128;
    for (k, t) in tiers.iter().enumerate() {
        let hi = t.up_to;
        let portion = end.min(hi).max(lo) - start.min(hi).max(lo);
        if portion > 0 {
            f(k, lo, hi, portion);
            sum = sum.checked_add(mul_i128(portion, t.price)?)?;
        }
        lo = hi;
        if lo >= end {
            break;
        }
    }
    Some(sum)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every unit-only enum here reads back the names its `Serialize` writes.
    #[test]
    fn unit_enums_read_their_own_names() {
        crate::wire::assert_round_trip(Measured::ALL);
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn reading(prev: &str, cur: &str) -> Reading {
        Reading {
            unit: "1-101".into(),
            item: "water".into(),
            date: NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(),
            previous: d(prev),
            current: d(cur),
            wraps_at: None,
            replaced: None,
            year_to_date: None,
        }
    }

    #[test]
    fn plain_rollover_replacement_backwards() {
        // 1252 − 1234 = 18 m³ = 18000 thousandths.
        assert_eq!(
            reading("1234", "1252").consumption(0).unwrap(),
            (18_000, Measured::Plain)
        );
        // A four-digit meter: 9990 → 0012 went round: (10000 − 9990) + 12 = 22 m³.
        let mut r = reading("9990", "12");
        r.wraps_at = Some(d("10000"));
        assert_eq!(r.consumption(0).unwrap(), (22_000, Measured::Rollover));
        // Replaced at 1250.5 on the old meter, new meter from 0 to 7.25:
        // (1250.5 − 1234) + (7.25 − 0) = 16.5 + 7.25 = 23.75 m³.
        let mut r = reading("1234", "7.25");
        r.replaced = Some(Replacement {
            old_final: d("1250.5"),
            new_initial: d("0"),
        });
        assert_eq!(r.consumption(0).unwrap(), (23_750, Measured::Replacement));
        // Backwards without either: an error naming the unit and item.
        let e = reading("1252", "1234").consumption(0).unwrap_err();
        assert_eq!(e.code(), "reading_backwards");
        assert!(e.to_string().contains("unit 1-101, item water"), "{e}");
        // Negative or over-precise readings are refused with the field.
        let e = reading("-1", "3").consumption(2).unwrap_err();
        assert!(e.to_string().contains("readings[2].previous"), "{e}");
        assert!(reading("1", "3.0001").consumption(0).is_err());
    }

    #[test]
    fn tiers_split_at_bounds() {
        // Water: up to 180 at 5.00, to 260 at 7.00, above at 9.00 (prices in fen here).
        let tiers = [
            TierC {
                up_to: 180_000,
                price: 500,
            },
            TierC {
                up_to: 260_000,
                price: 700,
            },
            TierC {
                up_to: i128::MAX,
                price: 900,
            },
        ];
        let mut parts = Vec::new();
        // 30 m³ after 170 m³ this year: 10 m³ in tier 1, 20 m³ in tier 2.
        let sum = split_tiers(170_000, 30_000, &tiers, |k, _, _, p| parts.push((k, p))).unwrap();
        assert_eq!(parts, [(0, 10_000), (1, 20_000)]);
        // 10 × 500 + 20 × 700 = 19000 fen (in thousandths of m³: × 1000).
        assert_eq!(sum, 19_000_000);
        // 100 m³ after 250: 10 at 7.00, 90 at 9.00.
        parts.clear();
        split_tiers(250_000, 100_000, &tiers, |k, _, _, p| parts.push((k, p))).unwrap();
        assert_eq!(parts, [(1, 10_000), (2, 90_000)]);
        // Nothing consumed: nothing charged.
        assert_eq!(split_tiers(0, 0, &tiers, |_, _, _, _| panic!()), Some(0));
    }
}
