//! A charge 应收 on an account — one bill line, with its due date and what has settled it
//! (payments 收款, prepaid deductions 预存抵扣, credit notes 冲减). The account
//! ([`crate::fee::account`]) keeps its charges; a late fee 滞纳金 ([`crate::fee::late_fee`]) is
//! reckoned on one.

use crate::money::Money;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

fn yes() -> bool {
    true
}

/// A charge 应收 on the account: one bill line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Charge {
    /// The host's id, unique in the account (e.g. bill number and line).
    pub id: String,
    /// Item code.
    pub item: String,
    /// Due date.
    #[serde(deserialize_with = "crate::time::de_date")]
    pub due: NaiveDate,
    /// Amount billed.
    pub amount: Money,
    /// Whether it bears late fees.
    #[serde(default = "yes")]
    pub late_fee: bool,
    /// Credit notes against it so far.
    #[serde(default)]
    pub credited: Money,
    /// Payments, prepaid deductions and credits against it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub settlements: Vec<Settlement>,
    /// Late fees waived so far.
    #[serde(default)]
    pub late_fee_waived: Money,
}

impl Charge {
    /// Principal still unpaid.
    pub fn outstanding(&self) -> Money {
        Money::from_fen(
            self.amount.fen()
                - self
                    .settlements
                    .iter()
                    .map(|s| s.principal.fen())
                    .sum::<i64>(),
        )
    }
}

/// Money against a charge on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Settlement {
    /// The day.
    #[serde(deserialize_with = "crate::time::de_date")]
    pub date: NaiveDate,
    /// Where it came from.
    pub by: SettledBy,
    /// Principal settled.
    #[serde(default)]
    pub principal: Money,
    /// Late fee paid.
    #[serde(default)]
    pub late_fee: Money,
}

/// Where a settlement came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SettledBy {
    /// A payment, by receipt number 收据号.
    Receipt(String),
    /// The prepaid balance 预存抵扣.
    Prepaid,
    /// A credit note 冲减单.
    CreditNote(String),
}
