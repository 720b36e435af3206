//! Temporary parking 临时停车 by duration.
//!
//! A stay is counted in minutes, a started minute counting whole. A stay of at most
//! `free_minutes` is free 免费时长; a longer one is charged from entry. **A day is cut per 24
//! hours from entry** (not per calendar day): each full 24 hours is charged as a fresh stay
//! of 1440 minutes, and the time after the last full day as a fresh stay of its own length.
//! A stay of `m` minutes costs the first-period price 首段 for its first `first_minutes`,
//! then the increment price 每段 for each `increment_minutes` or part of it (a partial
//! increment is rounded up), and at most `daily_cap` 每24小时封顶.
//!
//! Cutting per 24 hours makes the charge depend only on the duration, never on the time of
//! day a car came in (a car entering at 23:50 does not pay two days for 20 minutes) — the
//! rule most car parks post as "24小时封顶".

use crate::fee::{FeeError, Place};
use crate::money::Money;
use crate::time::Instant;
use serde::{Deserialize, Serialize};

/// Minutes in a day block.
pub const DAY_MINUTES: i64 = 1440;

/// A temporary-parking tariff 临停收费标准.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ParkingTariff {
    /// A stay of at most this many minutes is free (default 0).
    #[serde(default)]
    pub free_minutes: u32,
    /// Length of the first period in minutes (0: no first period).
    pub first_minutes: u32,
    /// Price of the first period.
    pub first_price: Money,
    /// Length of each later increment in minutes (> 0).
    pub increment_minutes: u32,
    /// Price of each increment or part of it.
    pub increment_price: Money,
    /// Most charged for any 24 hours from entry (absent: no cap).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_cap: Option<Money>,
}
crate::wire::read_by_deserialize!(ParkingTariff);

/// A stay in the car park 停车记录, billed to a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ParkingStay {
    /// Unit id.
    pub unit: String,
    /// Item code (a parking item).
    pub item: String,
    /// Entry 入场.
    pub entry: Instant,
    /// Exit 出场.
    pub exit: Instant,
    /// Plate 车牌, for the trace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plate: Option<String>,
}

/// One 24-hour block (or the last, shorter one) of a stay, as charged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ParkingBlock {
    /// Minutes in the block.
    pub minutes: i64,
    /// Increments after the first period (partial ones rounded up).
    pub increments: i64,
    /// First period + increments, before the cap.
    pub uncapped: Money,
    /// What the block costs.
    pub amount: Money,
}

/// The charge for a stay, with how it was reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ParkingCharge {
    /// Minutes parked (a started minute counts).
    pub minutes: i64,
    /// Whether the stay was within the free minutes.
    pub free: bool,
    /// Full 24-hour blocks.
    pub full_days: i64,
    /// A full day's charge (each full block costs this).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_day: Option<ParkingBlock>,
    /// The block after the last full day (absent if the stay is a whole number of days).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rest: Option<ParkingBlock>,
    /// Total.
    pub amount: Money,
}

impl ParkingTariff {
    /// Checks the tariff: increments of at least a minute, amounts not negative.
    pub fn validate(&self, at: impl Fn(&str) -> Place) -> Result<(), FeeError> {
        if self.increment_minutes == 0 {
            return Err(FeeError::invalid(
                at("increment_minutes"),
                "must be at least 1",
            ));
        }
        for (name, m) in [
            ("first_price", Some(self.first_price)),
            ("increment_price", Some(self.increment_price)),
            ("daily_cap", self.daily_cap),
        ] {
            if m.is_some_and(Money::is_negative) {
                return Err(FeeError::invalid(at(name), "must not be negative"));
            }
        }
        Ok(())
    }

    fn block(&self, minutes: i64) -> Option<ParkingBlock> {
        let after = (minutes - i64::from(self.first_minutes)).max(0);
        let inc = i64::from(self.increment_minutes);
        let increments = (after + inc - 1) / inc;
        let uncapped = self
            .first_price
            .checked_add(self.increment_price.checked_mul(increments).ok()?)
            .ok()?;
        let amount = match self.daily_cap {
            Some(cap) => uncapped.min(cap),
            None => uncapped,
        };
        Some(ParkingBlock {
            minutes,
            increments,
            uncapped,
            amount,
        })
    }

    /// The charge for a stay from `entry` to `exit`. `at` names the place for errors.
    pub fn charge(
        &self,
        entry: Instant,
        exit: Instant,
        at: impl Fn(&str) -> Place,
    ) -> Result<ParkingCharge, FeeError> {
        let seconds = (exit - entry).num_seconds();
        if seconds < 0 {
            return Err(FeeError::invalid(
                at("exit"),
                format!(
                    "exit {} is before entry {}",
                    exit.to_rfc3339(),
                    entry.to_rfc3339()
                ),
            ));
        }
        let minutes = (seconds + 59) / 60;
        if minutes <= i64::from(self.free_minutes) {
            return Ok(ParkingCharge {
                minutes,
                free: true,
                full_days: 0,
                full_day: None,
                rest: None,
                amount: Money::ZERO,
            });
        }
        let overflow = || FeeError::Overflow { at: at("exit") };
        let full_days = minutes / DAY_MINUTES;
        let rest_minutes = minutes % DAY_MINUTES;
        let full_day = if full_days > 0 {
            Some(self.block(DAY_MINUTES).ok_or_else(overflow)?)
        } else {
            None
        };
        let rest = if rest_minutes > 0 {
            Some(self.block(rest_minutes).ok_or_else(overflow)?)
        } else {
            None
        };
        let days_amount = match full_day {
            Some(b) => b.amount.checked_mul(full_days).map_err(|_| overflow())?,
            None => Money::ZERO,
        };
        let amount = days_amount
            .checked_add(rest.map_or(Money::ZERO, |b| b.amount))
            .map_err(|_| overflow())?;
        Ok(ParkingCharge {
            minutes,
            free: false,
            full_days,
            full_day,
            rest,
            amount,
        })
    }
}

impl ParkingCharge {
    /// The charge in words a clerk can read out.
    pub fn explain(&self, tariff: &ParkingTariff) -> Vec<String> {
        let block = |b: &ParkingBlock| {
            let mut s = format!(
                "{} min: first {} min {} + {} × {} per {} min = {}",
                b.minutes,
                tariff.first_minutes,
                tariff.first_price,
                b.increments,
                tariff.increment_price,
                tariff.increment_minutes,
                b.uncapped
            );
            if b.amount != b.uncapped {
                s.push_str(&format!(", capped at {} 封顶", b.amount));
            }
            s
        };
        if self.free {
            return vec![format!(
                "{} min, within the {} free minutes 免费时长 → 0.00",
                self.minutes, tariff.free_minutes
            )];
        }
        let mut out = vec![format!(
            "{} min parked, cut per 24 h from entry 每24小时计",
            self.minutes
        )];
        if let Some(b) = &self.full_day {
            out.push(format!("{} full day(s) × ({})", self.full_days, block(b)));
        }
        if let Some(b) = &self.rest {
            out.push(format!("then {}", block(b)));
        }
        out.push(format!("total {}", self.amount));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Instant {
        Instant::parse(s).unwrap()
    }
    fn m(s: &str) -> Money {
        s.parse().unwrap()
    }
    fn tariff() -> ParkingTariff {
        // 30 free minutes; first hour 5.00; then 2.00 per 30 min or part; 30.00 a day at most.
        ParkingTariff {
            free_minutes: 30,
            first_minutes: 60,
            first_price: m("5.00"),
            increment_minutes: 30,
            increment_price: m("2.00"),
            daily_cap: Some(m("30.00")),
        }
    }
    fn charge(entry: &str, exit: &str) -> ParkingCharge {
        tariff()
            .charge(t(entry), t(exit), |f| Place::field(f))
            .unwrap()
    }

    #[test]
    fn free_first_increments_and_cap() {
        // 30 min exactly: free.
        let c = charge("2026-09-12T08:00:00+08:00", "2026-09-12T08:30:00+08:00");
        assert!(c.free);
        assert_eq!(c.amount, Money::ZERO);
        // 30 min 1 s is 31 started minutes: charged from entry, first hour 5.00.
        let c = charge("2026-09-12T08:00:00+08:00", "2026-09-12T08:30:01+08:00");
        assert_eq!((c.minutes, c.amount), (31, m("5.00")));
        // 2 h 10 min = 130 min: 5.00 + ceil(70/30) = 3 increments × 2.00 = 11.00.
        let c = charge("2026-09-12T08:00:00+08:00", "2026-09-12T10:10:00+08:00");
        assert_eq!(c.amount, m("11.00"));
        // 14 h = 840 min: 5.00 + 26 × 2.00 = 57.00, capped at 30.00.
        let c = charge("2026-09-12T08:00:00+08:00", "2026-09-12T22:00:00+08:00");
        assert_eq!(c.amount, m("30.00"));
    }

    #[test]
    fn days_are_cut_per_24_hours_from_entry() {
        // 23:50 → 00:10 next day: 20 min... free; 23:40 → 00:50: 70 min in one block:
        // 5.00 + 1 × 2.00 = 7.00 — not two calendar days.
        let c = charge("2026-09-12T23:40:00+08:00", "2026-09-13T00:50:00+08:00");
        assert_eq!(c.amount, m("7.00"));
        // 26 h 30 min = 1590 min: one full day capped at 30.00, then 150 min:
        // 5.00 + ceil(90/30) = 3 × 2.00 = 11.00 → 41.00.
        let c = charge("2026-09-12T08:00:00+08:00", "2026-09-13T10:30:00+08:00");
        assert_eq!(c.full_days, 1);
        assert_eq!(c.rest.unwrap().amount, m("11.00"));
        assert_eq!(c.amount, m("41.00"));
        // Exactly 72 h: three capped days, no rest.
        let c = charge("2026-09-12T08:00:00+08:00", "2026-09-15T08:00:00+08:00");
        assert_eq!((c.full_days, c.rest, c.amount), (3, None, m("90.00")));
        let text = c.explain(&tariff()).join("\n");
        assert!(text.contains("capped at 30.00"), "{text}");
    }

    #[test]
    fn exit_before_entry_is_refused() {
        let e = tariff()
            .charge(
                t("2026-09-12T08:00:00+08:00"),
                t("2026-09-12T07:00:00+08:00"),
                |f| Place::field(format!("parking[0].{f}")).unit("1-101"),
            )
            .unwrap_err();
        assert!(e.to_string().contains("parking[0].exit"), "{e}");
    }
}
