//! Arrears ageing 欠费账龄: what is unpaid as of a date, by how long it has been due.
//!
//! A charge is in arrears 欠费 once its due date has come: `days overdue = as_of − due`
//! (0 on the due date itself). Buckets are given by their upper bounds in days, default
//! `[30, 90, 180, 365]`: 0–30, 31–90, 91–180, 181–365 and over 365. A charge not yet due
//! counts as `not_due`. Each charge's unpaid principal and its outstanding late fee as of
//! the date go into its bucket.

use crate::fee::account::{Account, AccountError};
use crate::money::Money;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Default bucket bounds, in days overdue.
pub const DEFAULT_BUCKETS: [u32; 4] = [30, 90, 180, 365];

/// One ageing bucket 账龄段.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Bucket {
    /// `0-30`, `31-90`, …, `over 365`.
    pub label: String,
    /// Fewest days overdue in the bucket.
    pub from_days: u32,
    /// Most days overdue (absent for the last bucket).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_days: Option<u32>,
    /// Unpaid principal.
    pub principal: Money,
    /// Outstanding late fees.
    pub late_fee: Money,
    /// Charges in the bucket.
    pub charges: u32,
}

/// One charge in arrears.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ArrearsLine {
    /// Charge id.
    pub charge: String,
    /// Item code.
    pub item: String,
    /// Due date.
    #[serde(deserialize_with = "crate::time::de_date")]
    pub due: NaiveDate,
    /// Days overdue (negative: not yet due).
    pub days_overdue: i64,
    /// Bucket label, or `not_due`.
    pub bucket: String,
    /// Unpaid principal.
    pub principal: Money,
    /// Outstanding late fee.
    pub late_fee: Money,
}

/// An account's ageing as of a date 账龄分析.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Ageing {
    /// Account id.
    pub account: String,
    /// The date.
    #[serde(deserialize_with = "crate::time::de_date")]
    pub as_of: NaiveDate,
    /// Overdue buckets, youngest first.
    pub buckets: Vec<Bucket>,
    /// Unpaid principal not yet due.
    pub not_due: Money,
    /// Unpaid principal overdue (the sum of the buckets).
    pub overdue_principal: Money,
    /// Late fees outstanding (the sum of the buckets).
    pub overdue_late_fee: Money,
    /// Prepaid balance (not netted against the arrears).
    pub prepaid: Money,
    /// Every charge with something unpaid, in posting order.
    pub lines: Vec<ArrearsLine>,
}

/// Ages an account's unpaid charges as of a date, with bucket bounds (strictly ascending,
/// at least one; see [`DEFAULT_BUCKETS`]).
pub fn ageing(account: &Account, as_of: NaiveDate, bounds: &[u32]) -> Result<Ageing, AccountError> {
    account.check_as_of(as_of)?;
    if bounds.is_empty() || bounds.windows(2).any(|w| w[0] >= w[1]) {
        return Err(AccountError::Invalid {
            account: account.id.clone(),
            field: "buckets".into(),
            reason: "bucket bounds must be strictly ascending, at least one".into(),
        });
    }
    let mut buckets: Vec<Bucket> = Vec::with_capacity(bounds.len() + 1);
    let mut from = 0;
    for &b in bounds {
        buckets.push(Bucket {
            label: format!("{from}-{b}"),
            from_days: from,
            to_days: Some(b),
            principal: Money::ZERO,
            late_fee: Money::ZERO,
            charges: 0,
        });
        from = b + 1;
    }
    buckets.push(Bucket {
        label: format!("over {}", from - 1),
        from_days: from,
        to_days: None,
        principal: Money::ZERO,
        late_fee: Money::ZERO,
        charges: 0,
    });
    let mut lines = Vec::new();
    let mut not_due = Money::ZERO;
    for c in &account.charges {
        let principal = c.outstanding().max(Money::ZERO);
        let late_fee = account
            .late_fee_of(c, as_of)
            .map_or(Money::ZERO, |l| l.outstanding);
        if !principal.is_positive() && !late_fee.is_positive() {
            continue;
        }
        let days = (as_of - c.due).num_days();
        let label = if days < 0 {
            not_due = Money::from_fen(not_due.fen() + principal.fen());
            "not_due".to_owned()
        } else {
            let k = bounds
                .iter()
                .position(|&b| days <= i64::from(b))
                .unwrap_or(bounds.len());
            let b = &mut buckets[k];
            b.principal = Money::from_fen(b.principal.fen() + principal.fen());
            b.late_fee = Money::from_fen(b.late_fee.fen() + late_fee.fen());
            b.charges += 1;
            b.label.clone()
        };
        lines.push(ArrearsLine {
            charge: c.id.clone(),
            item: c.item.clone(),
            due: c.due,
            days_overdue: days,
            bucket: label,
            principal,
            late_fee,
        });
    }
    Ok(Ageing {
        account: account.id.clone(),
        as_of,
        overdue_principal: Money::from_fen(buckets.iter().map(|b| b.principal.fen()).sum()),
        overdue_late_fee: Money::from_fen(buckets.iter().map(|b| b.late_fee.fen()).sum()),
        buckets,
        not_due,
        prepaid: account.prepaid,
        lines,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fee::account::{AccountCommand, AccountPolicy, NewCharge};

    fn m(s: &str) -> Money {
        s.parse().unwrap()
    }
    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn buckets_by_days_overdue() {
        let mut a = Account::new("1-101", AccountPolicy::default());
        let c = |id: &str, due: &str, amount: &str| NewCharge {
            id: id.into(),
            item: "property_fee".into(),
            due: d(due),
            amount: m(amount),
            late_fee: true,
        };
        a.execute(&AccountCommand::PostCharges {
            date: d("2025-01-01"),
            charges: vec![
                c("A", "2025-06-30", "100.00"), // 2026-09-30 − 2025-06-30 = 457 days: over 365
                c("B", "2026-06-30", "200.00"), // 92 days: 91-180
                c("C", "2026-08-31", "300.00"), // 30 days: 0-30 (the last day of it)
                c("D", "2026-09-30", "400.00"), // due today, 0 days: 0-30
                c("E", "2026-10-15", "500.00"), // not yet due
            ],
        })
        .unwrap();
        let g = ageing(&a, d("2026-09-30"), &DEFAULT_BUCKETS).unwrap();
        let got: Vec<_> = g
            .buckets
            .iter()
            .map(|b| (b.label.as_str(), b.principal, b.charges))
            .collect();
        assert_eq!(
            got,
            [
                ("0-30", m("700.00"), 2),
                ("31-90", Money::ZERO, 0),
                ("91-180", m("200.00"), 1),
                ("181-365", Money::ZERO, 0),
                ("over 365", m("100.00"), 1),
            ]
        );
        assert_eq!(
            (g.not_due, g.overdue_principal),
            (m("500.00"), m("1000.00"))
        );
        assert_eq!(g.lines[0].days_overdue, 457);
        assert!(ageing(&a, d("2026-09-30"), &[90, 30]).is_err());
        assert!(
            ageing(&a, d("2024-12-31"), &DEFAULT_BUCKETS).is_err(),
            "before the last event"
        );
    }
}
