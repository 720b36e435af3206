//! Late fees 滞纳金: a daily rate (commonly 0.0003 a day, 万分之三) on the principal still
//! unpaid, counted per charge from its own due date, as of a date the caller gives.
//!
//! - Grace 宽限期: no late fee accrues for `grace_days` after the due date; the first day
//!   that accrues is `due + grace_days + 1` (the grace days are never charged back).
//! - Each day from then to `as_of` (inclusive) accrues `daily_rate ×` the principal
//!   outstanding at the start of that day: a payment or credit dated `d` lowers the
//!   principal from day `d + 1` on (the day of payment still counts as a day late).
//! - The sum is rounded once per charge by the rule's rounding (default half-up to the fen).
//! - Cap 封顶 (optional): at most `cap_percent` of the charge's principal as billed less
//!   credit notes, rounded down to the fen (`"100"`: never above the principal).
//! - Minimum 最低收取 (optional): a late fee above zero but below the minimum is raised to
//!   it (still never above the cap).
//! - Waivers 减免 and late-fee payments reduce what is outstanding; they are recorded on the
//!   account.

use crate::fee::charge::Charge;
use crate::fee::{FeeError, Place};
use crate::money::{div_round, ratio_to_string, Decimal, Money, Rounding, RoundingRule};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// Most decimals of a daily late-fee rate.
pub const RATE_MAX_SCALE: u32 = 10;

/// The late-fee rule 滞纳金规则 of a schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LateFeeRule {
    /// Rate per day on the unpaid principal, e.g. `"0.0003"` (万分之三).
    pub daily_rate: Decimal,
    /// Days after the due date before anything accrues (default 0).
    #[serde(default)]
    pub grace_days: u32,
    /// At most this percentage of the principal (e.g. `"100"`); absent: no cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap_percent: Option<Decimal>,
    /// A late fee above zero is at least this much; absent: no minimum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum: Option<Money>,
    /// Rounding of each charge's late fee (default half-up to the fen).
    #[serde(default)]
    pub rounding: RoundingRule,
}

impl LateFeeRule {
    /// Checks the rule: rate and cap not negative, at most 10 and 2 decimals; minimum not
    /// negative.
    pub fn validate(&self) -> Result<(), FeeError> {
        let at = |f: &str| Place::field(format!("account.late_fee.{f}"));
        if self.daily_rate.is_negative() || self.daily_rate.scale() > RATE_MAX_SCALE {
            return Err(FeeError::invalid(
                at("daily_rate"),
                format!(
                    "{}: not negative, at most {RATE_MAX_SCALE} decimals",
                    self.daily_rate
                ),
            ));
        }
        if let Some(c) = self.cap_percent {
            if c.is_negative() || c.scale() > 2 {
                return Err(FeeError::invalid(
                    at("cap_percent"),
                    format!("{c}: not negative, at most 2 decimals"),
                ));
            }
        }
        if self.minimum.is_some_and(Money::is_negative) {
            return Err(FeeError::invalid(at("minimum"), "must not be negative"));
        }
        Ok(())
    }
}

/// A run of days with one outstanding principal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LateFeePeriod {
    /// First day.
    #[serde(deserialize_with = "crate::time::de_date")]
    pub from: NaiveDate,
    /// Last day.
    #[serde(deserialize_with = "crate::time::de_date")]
    pub to: NaiveDate,
    /// Days.
    pub days: i64,
    /// Principal outstanding on those days.
    pub principal: Money,
    /// principal × days × rate, exact.
    pub amount: String,
}

/// One charge's late fee as of a date, itemised 滞纳金明细.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LateFeeLine {
    /// Charge id.
    pub charge: String,
    /// Item code.
    pub item: String,
    /// The charge's due date.
    #[serde(deserialize_with = "crate::time::de_date")]
    pub due: NaiveDate,
    /// First day that accrues (after the grace days).
    #[serde(deserialize_with = "crate::time::de_date")]
    pub accrues_from: NaiveDate,
    /// Runs of days with their principal.
    pub periods: Vec<LateFeePeriod>,
    /// The exact sum before rounding, cap and minimum.
    pub exact: String,
    /// The cap, if the rule has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<Money>,
    /// The late fee accrued as of the date (rounded, capped, at least the minimum).
    pub accrued: Money,
    /// Paid so far.
    pub paid: Money,
    /// Waived so far.
    pub waived: Money,
    /// accrued − paid − waived (never below zero).
    pub outstanding: Money,
    /// How, in words.
    pub text: Vec<String>,
}

fn plus_days(d: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
    .unwrap_or(d)
}

/// The late fee of a charge as of a date. Charges that bear no late fee give zero.
pub fn late_fee(rule: &LateFeeRule, charge: &Charge, as_of: NaiveDate) -> LateFeeLine {
    let start = plus_days(charge.due, i64::from(rule.grace_days) + 1);
    let mut periods = Vec::new();
    let mut sum: i128 = 0; // Σ principal fen × days
    if charge.late_fee && as_of >= start {
        // Principal changes on the day after each settlement.
        let mut changes: Vec<(NaiveDate, i64)> = charge
            .settlements
            .iter()
            .filter(|s| s.principal != Money::ZERO)
            .map(|s| (plus_days(s.date, 1), s.principal.fen()))
            .collect();
        changes.sort_by_key(|c| c.0);
        let mut outstanding = charge.amount.fen();
        let mut k = 0;
        while k < changes.len() && changes[k].0 <= start {
            outstanding -= changes[k].1;
            k += 1;
        }
        let mut from = start;
        loop {
            let next = changes.get(k).map(|c| c.0).filter(|d| *d <= as_of);
            let to = next.map_or(as_of, |d| plus_days(d, -1));
            if to >= from && outstanding > 0 {
                let days = (to - from).num_days() + 1;
                let fen_days = i128::from(outstanding).saturating_mul(i128::from(days));
                sum = sum.saturating_add(fen_days);
                periods.push(LateFeePeriod {
                    from,
                    to,
                    days,
                    principal: Money::from_fen(outstanding),
                    amount: ratio_to_string(
                        fen_days.saturating_mul(rule.daily_rate.mantissa()),
                        100 * 10i128.pow(rule.daily_rate.scale()),
                        6,
                    ),
                });
            }
            match next {
                Some(d) => {
                    while k < changes.len() && changes[k].0 == d {
                        outstanding -= changes[k].1;
                        k += 1;
                    }
                    from = d;
                }
                None => break,
            }
        }
    }
    // fen = rate × Σ(fen × days). (Saturates only far beyond any real amount — 10^20
    // fen·days — for state that was never validated; commands bound their amounts.)
    let num = sum.saturating_mul(rule.daily_rate.mantissa());
    let den = 10i128.pow(rule.daily_rate.scale());
    let unit = i128::from(rule.rounding.unit.fen());
    let fee = div_round(num, den * unit, rule.rounding.mode) * unit;
    let mut fee = i64::try_from(fee).map_or(Money::from_fen(i64::MAX), Money::from_fen);
    let mut text = Vec::new();
    let exact = ratio_to_string(num, den * 100, 6);
    for p in &periods {
        text.push(format!(
            "{}..{}: {} × {} days × {} = {}",
            p.from, p.to, p.principal, p.days, rule.daily_rate, p.amount
        ));
    }
    if !periods.is_empty() {
        text.push(format!("{exact} → {fee}"));
    }
    let cap = rule.cap_percent.map(|c| {
        let base = i128::from(charge.amount.fen() - charge.credited.fen()).max(0);
        let fen = div_round(
            base.saturating_mul(c.mantissa()),
            100 * 10i128.pow(c.scale()),
            Rounding::Down,
        );
        Money::from_fen(i64::try_from(fen).unwrap_or(i64::MAX))
    });
    if let Some(min) = rule.minimum {
        if fee.is_positive() && fee < min {
            text.push(format!("raised to the minimum 最低 {min}"));
            fee = min;
        }
    }
    if let Some(cap) = cap {
        if fee > cap {
            text.push(format!(
                "capped at {}% of the principal 封顶: {cap}",
                rule.cap_percent.unwrap_or_default()
            ));
            fee = cap;
        }
    }
    let paid = Money::from_fen(charge.settlements.iter().map(|s| s.late_fee.fen()).sum());
    let waived = charge.late_fee_waived;
    let outstanding = Money::from_fen((fee.fen() - paid.fen() - waived.fen()).max(0));
    if paid.is_positive() || waived.is_positive() {
        text.push(format!(
            "paid {paid}, waived {waived}: {outstanding} outstanding"
        ));
    }
    LateFeeLine {
        charge: charge.id.clone(),
        item: charge.item.clone(),
        due: charge.due,
        accrues_from: start,
        periods,
        exact,
        cap,
        accrued: fee,
        paid,
        waived,
        outstanding,
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fee::charge::{SettledBy, Settlement};

    fn m(s: &str) -> Money {
        s.parse().unwrap()
    }
    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }
    fn rule() -> LateFeeRule {
        LateFeeRule {
            daily_rate: "0.0003".parse().unwrap(),
            grace_days: 0,
            cap_percent: None,
            minimum: None,
            rounding: RoundingRule::default(),
        }
    }
    fn charge(amount: &str, due: &str) -> Charge {
        Charge {
            id: "B1".into(),
            item: "property_fee".into(),
            due: d(due),
            amount: m(amount),
            late_fee: true,
            credited: Money::ZERO,
            settlements: vec![],
            late_fee_waived: Money::ZERO,
        }
    }

    #[test]
    fn counted_from_the_due_date_on_what_is_unpaid() {
        // 1000.00 due 2026-09-15, unpaid as of 2026-10-15: 30 days (16 Sep–15 Oct) ×
        // 1000.00 × 0.0003 = 9.00.
        let c = charge("1000.00", "2026-09-15");
        let l = late_fee(&rule(), &c, d("2026-10-15"));
        assert_eq!(l.accrued, m("9.00"));
        assert_eq!(l.periods[0].days, 30);
        // 400.00 paid on 2026-09-25: 16–25 Sep (10 days) on 1000.00 = 3.00, then 26 Sep–15
        // Oct (20 days) on 600.00 = 3.60; total 6.60.
        let mut c = c;
        c.settlements.push(Settlement {
            date: d("2026-09-25"),
            by: SettledBy::Receipt("R1".into()),
            principal: m("400.00"),
            late_fee: Money::ZERO,
        });
        let l = late_fee(&rule(), &c, d("2026-10-15"));
        assert_eq!(l.accrued, m("6.60"));
        let spans: Vec<_> = l.periods.iter().map(|p| (p.days, p.principal)).collect();
        assert_eq!(spans, [(10, m("1000.00")), (20, m("600.00"))]);
        // Not yet due, or due today: nothing.
        assert_eq!(late_fee(&rule(), &c, d("2026-09-15")).accrued, Money::ZERO);
    }

    #[test]
    fn grace_cap_minimum() {
        // 10 grace days: 26 Sep–15 Oct = 20 days × 1000.00 × 0.0003 = 6.00.
        let mut r = rule();
        r.grace_days = 10;
        let c = charge("1000.00", "2026-09-15");
        assert_eq!(late_fee(&r, &c, d("2026-10-15")).accrued, m("6.00"));
        // A year later (16 Sep 2026–15 Sep 2027 = 365 days − 10 grace = 355 days): 106.50;
        // capped at 10% of the principal: 100.00.
        r.cap_percent = Some("10".parse().unwrap());
        let l = late_fee(&r, &c, d("2027-09-15"));
        assert_eq!((l.cap, l.accrued), (Some(m("100.00")), m("100.00")));
        // 20.00 unpaid for 3 days: 20.00 × 3 × 0.0003 = 0.018 → 0.02; minimum 1.00.
        let mut r = rule();
        r.minimum = Some(m("1.00"));
        let c = charge("20.00", "2026-09-15");
        assert_eq!(late_fee(&r, &c, d("2026-09-18")).accrued, m("1.00"));
        // …but never above the cap (5% of 20.00 = 1.00 → the minimum fits; 2% = 0.40).
        r.cap_percent = Some("2".parse().unwrap());
        assert_eq!(late_fee(&r, &c, d("2026-09-18")).accrued, m("0.40"));
    }
}
