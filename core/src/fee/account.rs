//! A payer's account 账户 (usually one unit's): charges 应收 posted from bills, payments
//! 收款 and how they were allocated 分配, the prepaid balance 预存款, refunds 退款, credit
//! notes 冲减 and late-fee waivers 滞纳金减免 — as plain serde state changed only by events.
//!
//! Like a service request, a command is decided into events (or refused with an
//! [`AccountError`], the account untouched), and the events are applied; applying a stored
//! event log to the opening account rebuilds the same state.
//!
//! # Allocation 收款分配
//! A payment pays open items in the policy's order: charges by due date (oldest first,
//! then by the priority list of item codes) or by priority (then due date); principal 本金
//! of every charge before any late fee, or late fees first. Whatever is left goes to the
//! prepaid balance. With `auto_deduct` (the default) the prepaid balance pays open items
//! the same way as soon as charges are posted or money is deposited 预存自动抵扣.
//!
//! # Refunds and credit notes
//! A refund 退款 references a receipt and undoes it as if the payment had been smaller:
//! first what the receipt put into the prepaid balance (if still there), then its
//! allocations, last allocated first. A payment and its full refund leave every charge and
//! the balance as they were. Money in the prepaid balance is pooled: once the balance has
//! paid a charge (预存抵扣, automatic or by hand) that money is a payment of the charge and no
//! longer belongs to the deposit it came from, so a deposit 预存 is refundable only as far as
//! its money is still in the balance. To give back money that paid a charge, the charge
//! itself is corrected (a credit note moves what was overpaid back into the balance, from
//! where it can be refunded). This is the rule of the cashier's book: a receipt that became
//! a payment is reversed by a correction of the bill, not by a refund of the deposit. A credit note 冲减单 references a charge and lowers what it
//! bills; what had already been paid beyond the new amount moves to the prepaid balance.

use crate::fee::charge::{Charge, SettledBy, Settlement};
use crate::fee::late_fee::{late_fee, LateFeeLine, LateFeeRule};
use crate::fee::FeeError;
use crate::money::Money;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The largest amount a command takes: 10^13 yuan (10^15 fen), far beyond any bill, so that
/// sums of amounts never overflow.
pub const MAX_AMOUNT: Money = Money::from_fen(1_000_000_000_000_000);

/// How an account allocates money and charges late fees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AccountPolicy {
    /// Allocation order.
    #[serde(default)]
    pub allocation: AllocationPolicy,
    /// The late-fee rule (absent: no late fees).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub late_fee: Option<LateFeeRule>,
    /// Whether the prepaid balance pays open items automatically (default true).
    #[serde(default = "yes")]
    pub auto_deduct: bool,
}

fn yes() -> bool {
    true
}

impl Default for AccountPolicy {
    fn default() -> Self {
        AccountPolicy {
            allocation: AllocationPolicy::default(),
            late_fee: None,
            auto_deduct: true,
        }
    }
}

impl AccountPolicy {
    /// Checks the late-fee rule.
    pub fn validate(&self) -> Result<(), FeeError> {
        match &self.late_fee {
            Some(r) => r.validate(),
            None => Ok(()),
        }
    }
}

/// The order in which money pays open items.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AllocationPolicy {
    /// Oldest due first (default) or priority first.
    #[serde(default)]
    pub order: AllocationOrder,
    /// Principal of all charges before late fees (default), or the reverse.
    #[serde(default)]
    pub late_fees: LateFeeOrder,
    /// Item codes by priority, highest first; unlisted items come after, equal.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub priority: Vec<String>,
}

/// How charges are ordered for allocation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AllocationOrder {
    /// By due date, then priority, then posting order (the default) 先到期先冲.
    #[default]
    OldestDueFirst,
    /// By priority, then due date, then posting order 按费项优先级.
    PriorityFirst,
}
crate::wire::unit_enum_deserialize!(AllocationOrder {
    OldestDueFirst = "oldest_due_first",
    PriorityFirst = "priority_first",
});

/// Whether principal or late fees are paid first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LateFeeOrder {
    /// Every charge's principal, then the late fees (the default) 先本金后滞纳金.
    #[default]
    PrincipalFirst,
    /// Every charge's late fee, then the principals 先滞纳金后本金.
    LateFeeFirst,
}
crate::wire::unit_enum_deserialize!(LateFeeOrder {
    PrincipalFirst = "principal_first",
    LateFeeFirst = "late_fee_first",
});

/// Which part of a charge money went to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// Principal 本金.
    Principal,
    /// Late fee 滞纳金.
    LateFee,
}
crate::wire::unit_enum_deserialize!(Part {
    Principal = "principal",
    LateFee = "late_fee",
});

/// Money put on one part of one charge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Allocation {
    /// Charge id.
    pub charge: String,
    /// Which part.
    pub part: Part,
    /// How much.
    pub amount: Money,
}

/// A receipt 收据: money received, with where it went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Receipt {
    /// Receipt number, from the host.
    pub number: String,
    /// Day received.
    #[serde(deserialize_with = "crate::time::de_date")]
    pub date: NaiveDate,
    /// Amount received.
    pub amount: Money,
    /// Allocations, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allocations: Vec<Allocation>,
    /// Put into the prepaid balance.
    #[serde(default)]
    pub to_prepaid: Money,
    /// Refunded so far.
    #[serde(default)]
    pub refunded: Money,
    /// Of which taken back from the prepaid balance.
    #[serde(default)]
    pub refunded_from_prepaid: Money,
}

/// Something that happened on an account — what the host stores.
// Deserialize: tagged_deserialize! below (the same wire form, without serde's Content buffer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum AccountEvent {
    /// Charges posted 挂账.
    ChargesPosted {
        /// Day.
        date: NaiveDate,
        /// The charges.
        charges: Vec<NewCharge>,
    },
    /// A payment 收款 and its allocation.
    PaymentReceived {
        /// Receipt number.
        receipt: String,
        /// Day.
        date: NaiveDate,
        /// Amount.
        amount: Money,
        /// Where it went, in order.
        allocations: Vec<Allocation>,
        /// The rest, into the prepaid balance.
        to_prepaid: Money,
    },
    /// Money into the prepaid balance 预存.
    Deposited {
        /// Receipt number.
        receipt: String,
        /// Day.
        date: NaiveDate,
        /// Amount.
        amount: Money,
    },
    /// The prepaid balance paid open items 预存抵扣.
    PrepaidApplied {
        /// Day.
        date: NaiveDate,
        /// Where it went, in order.
        allocations: Vec<Allocation>,
    },
    /// A refund 退款 of (part of) a receipt.
    Refunded {
        /// Refund number.
        refund: String,
        /// The receipt refunded.
        receipt: String,
        /// Day.
        date: NaiveDate,
        /// Amount.
        amount: Money,
        /// Taken back from the prepaid balance.
        from_prepaid: Money,
        /// Allocations undone, in the order undone.
        reversed: Vec<Allocation>,
    },
    /// A credit note 冲减单 against a charge.
    Credited {
        /// Credit note number.
        note: String,
        /// The charge.
        charge: String,
        /// Day.
        date: NaiveDate,
        /// Amount credited.
        amount: Money,
        /// Why.
        reason: String,
        /// Of which lowered the unpaid principal.
        applied: Money,
        /// Of which had been paid already and moved to the prepaid balance.
        to_prepaid: Money,
    },
    /// A late fee waived 滞纳金减免.
    LateFeeWaived {
        /// The charge.
        charge: String,
        /// Day.
        date: NaiveDate,
        /// The late fee outstanding that day, now waived.
        amount: Money,
        /// Why.
        reason: String,
    },
}

crate::wire::tagged_deserialize!(AccountEvent by "type" {
    ChargesPosted = "charges_posted" { date: NaiveDate, charges: Vec<NewCharge> },
    PaymentReceived = "payment_received" {
        receipt: String,
        date: NaiveDate,
        amount: Money,
        allocations: Vec<Allocation>,
        to_prepaid: Money,
    },
    Deposited = "deposited" { receipt: String, date: NaiveDate, amount: Money },
    PrepaidApplied = "prepaid_applied" { date: NaiveDate, allocations: Vec<Allocation> },
    Refunded = "refunded" {
        refund: String,
        receipt: String,
        date: NaiveDate,
        amount: Money,
        from_prepaid: Money,
        reversed: Vec<Allocation>,
    },
    Credited = "credited" {
        note: String,
        charge: String,
        date: NaiveDate,
        amount: Money,
        reason: String,
        applied: Money,
        to_prepaid: Money,
    },
    LateFeeWaived = "late_fee_waived" {
        charge: String,
        date: NaiveDate,
        amount: Money,
        reason: String,
    },
});

impl AccountEvent {
    /// The event's day.
    pub fn date(&self) -> NaiveDate {
        match self {
            AccountEvent::ChargesPosted { date, .. }
            | AccountEvent::PaymentReceived { date, .. }
            | AccountEvent::Deposited { date, .. }
            | AccountEvent::PrepaidApplied { date, .. }
            | AccountEvent::Refunded { date, .. }
            | AccountEvent::Credited { date, .. }
            | AccountEvent::LateFeeWaived { date, .. } => *date,
        }
    }

    /// Stable snake_case name.
    pub const fn name(&self) -> &'static str {
        match self {
            AccountEvent::ChargesPosted { .. } => "charges_posted",
            AccountEvent::PaymentReceived { .. } => "payment_received",
            AccountEvent::Deposited { .. } => "deposited",
            AccountEvent::PrepaidApplied { .. } => "prepaid_applied",
            AccountEvent::Refunded { .. } => "refunded",
            AccountEvent::Credited { .. } => "credited",
            AccountEvent::LateFeeWaived { .. } => "late_fee_waived",
        }
    }
}

/// A charge to post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NewCharge {
    /// Id, unique in the account.
    pub id: String,
    /// Item code.
    pub item: String,
    /// Due date.
    #[serde(deserialize_with = "crate::time::de_date")]
    pub due: NaiveDate,
    /// Amount (not negative).
    pub amount: Money,
    /// Whether it bears late fees (default true).
    #[serde(default = "yes")]
    pub late_fee: bool,
}
crate::wire::read_by_deserialize!(Vec<NewCharge>, Vec<Allocation>);

/// What the front desk does to an account.
// Deserialize: tagged_deserialize! below (the same wire form, without serde's Content buffer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum AccountCommand {
    /// Post charges (bill lines) 挂账.
    PostCharges {
        /// Day.
        date: NaiveDate,
        /// The charges.
        charges: Vec<NewCharge>,
    },
    /// Receive a payment 收款 (allocated by the policy; any rest to the prepaid balance).
    Pay {
        /// Receipt number, from the host.
        receipt: String,
        /// Day.
        date: NaiveDate,
        /// Amount (> 0).
        amount: Money,
    },
    /// Receive money into the prepaid balance 预存.
    Deposit {
        /// Receipt number, from the host.
        receipt: String,
        /// Day.
        date: NaiveDate,
        /// Amount (> 0).
        amount: Money,
    },
    /// Refund (part of) a receipt 退款.
    Refund {
        /// Refund number, from the host.
        refund: String,
        /// The receipt to refund.
        receipt: String,
        /// Day.
        date: NaiveDate,
        /// Amount (> 0).
        amount: Money,
    },
    /// Issue a credit note against a charge 冲减.
    CreditNote {
        /// Credit note number, from the host.
        note: String,
        /// The charge.
        charge: String,
        /// Day.
        date: NaiveDate,
        /// Amount (> 0, at most what the charge still bills).
        amount: Money,
        /// Why (not empty).
        reason: String,
    },
    /// Waive a charge's outstanding late fee 减免.
    WaiveLateFee {
        /// The charge.
        charge: String,
        /// Day.
        date: NaiveDate,
        /// Why (not empty).
        reason: String,
    },
    /// Pay open items from the prepaid balance now (when `auto_deduct` is off).
    ApplyPrepaid {
        /// Day.
        date: NaiveDate,
    },
}

crate::wire::tagged_deserialize!(AccountCommand by "type" {
    PostCharges = "post_charges" { date: NaiveDate, charges: Vec<NewCharge> },
    Pay = "pay" { receipt: String, date: NaiveDate, amount: Money },
    Deposit = "deposit" { receipt: String, date: NaiveDate, amount: Money },
    Refund = "refund" { refund: String, receipt: String, date: NaiveDate, amount: Money },
    CreditNote = "credit_note" {
        note: String,
        charge: String,
        date: NaiveDate,
        amount: Money,
        reason: String,
    },
    WaiveLateFee = "waive_late_fee" { charge: String, date: NaiveDate, reason: String },
    ApplyPrepaid = "apply_prepaid" { date: NaiveDate },
});

/// Why a command or event was refused. The account is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccountError {
    /// An amount or text field is invalid.
    #[error("account {account}: {field}: {reason}")]
    Invalid {
        /// Account id.
        account: String,
        /// The field, e.g. `amount`, `charges[1].amount`, `reason`.
        field: String,
        /// What is wrong.
        reason: String,
    },
    /// Dated before the account's last event.
    #[error("account {account}: {date} is before the last event on {last}")]
    OutOfOrder {
        /// Account id.
        account: String,
        /// The date given.
        date: NaiveDate,
        /// The last event's date.
        last: NaiveDate,
    },
    /// A charge, receipt, refund or credit note number already used.
    #[error("account {account}: {what} {id} already exists")]
    Duplicate {
        /// Account id.
        account: String,
        /// `charge`, `receipt`, `refund`, `credit note`.
        what: &'static str,
        /// The id.
        id: String,
    },
    /// No such charge or receipt.
    #[error("account {account}: unknown {what} {id}")]
    Unknown {
        /// Account id.
        account: String,
        /// `charge` or `receipt`.
        what: &'static str,
        /// The id.
        id: String,
    },
    /// More than can be refunded or credited.
    #[error("account {account}: {what} {id}: {amount} exceeds the {available} available")]
    Exceeds {
        /// Account id.
        account: String,
        /// `receipt` (refund) or `charge` (credit note).
        what: &'static str,
        /// The receipt or charge.
        id: String,
        /// Amount asked.
        amount: Money,
        /// Amount available.
        available: Money,
    },
    /// Nothing to do: no late fee to waive, no prepaid balance or open item.
    #[error("account {account}: nothing to {what}")]
    Nothing {
        /// Account id.
        account: String,
        /// `waive`, `apply`.
        what: &'static str,
    },
    /// An event that does not fit the account (a corrupt or reordered log).
    #[error("account {account}: event {event} does not apply: {reason}")]
    EventMismatch {
        /// Account id.
        account: String,
        /// Event name.
        event: &'static str,
        /// Why.
        reason: String,
    },
}

impl AccountError {
    /// Stable machine-readable code of the error kind.
    pub const fn code(&self) -> &'static str {
        match self {
            AccountError::Invalid { .. } => "invalid_field",
            AccountError::OutOfOrder { .. } => "out_of_order",
            AccountError::Duplicate { .. } => "duplicate_number",
            AccountError::Unknown { .. } => "unknown_reference",
            AccountError::Exceeds { .. } => "exceeds_available",
            AccountError::Nothing { .. } => "nothing_to_do",
            AccountError::EventMismatch { .. } => "event_mismatch",
        }
    }
}

/// A payer's account 账户.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// Account id, usually the unit id.
    pub id: String,
    /// Allocation and late-fee policy (from the schedule's `account`).
    #[serde(default)]
    pub policy: AccountPolicy,
    /// Prepaid balance 预存余额.
    #[serde(default)]
    pub prepaid: Money,
    /// Charges, in posting order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub charges: Vec<Charge>,
    /// Receipts, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub receipts: Vec<Receipt>,
    /// Refund numbers used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refunds: Vec<String>,
    /// Credit note numbers used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credit_notes: Vec<String>,
    /// Day of the last event.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::time::de_date_opt"
    )]
    pub last_date: Option<NaiveDate>,
}

/// One open part of a charge, in allocation order.
struct Bucket {
    charge: usize,
    part: Part,
    open: Money,
}

impl Account {
    /// A new, empty account.
    pub fn new(id: impl Into<String>, policy: AccountPolicy) -> Account {
        Account {
            id: id.into(),
            policy,
            prepaid: Money::ZERO,
            charges: Vec::new(),
            receipts: Vec::new(),
            refunds: Vec::new(),
            credit_notes: Vec::new(),
            last_date: None,
        }
    }

    fn err_invalid(&self, field: impl Into<String>, reason: impl Into<String>) -> AccountError {
        AccountError::Invalid {
            account: self.id.clone(),
            field: field.into(),
            reason: reason.into(),
        }
    }

    fn charge_ix(&self, id: &str) -> Option<usize> {
        self.charges.iter().position(|c| c.id == id)
    }

    fn unknown(&self, what: &'static str, id: &str) -> AccountError {
        AccountError::Unknown {
            account: self.id.clone(),
            what,
            id: id.to_owned(),
        }
    }

    /// The late fee of a charge as of a date (zero without a rule).
    pub fn late_fee_of(&self, charge: &Charge, as_of: NaiveDate) -> Option<LateFeeLine> {
        self.policy
            .late_fee
            .as_ref()
            .map(|r| late_fee(r, charge, as_of))
    }

    /// Refuses an `as_of` before the last event (the state does not know what was paid
    /// before then).
    pub fn check_as_of(&self, as_of: NaiveDate) -> Result<(), AccountError> {
        match self.last_date {
            Some(last) if as_of < last => Err(AccountError::OutOfOrder {
                account: self.id.clone(),
                date: as_of,
                last,
            }),
            _ => Ok(()),
        }
    }

    /// Itemised late fees 滞纳金明细 as of a date: every charge that has accrued any.
    pub fn late_fees(&self, as_of: NaiveDate) -> Result<Vec<LateFeeLine>, AccountError> {
        self.check_as_of(as_of)?;
        Ok(self
            .charges
            .iter()
            .filter_map(|c| self.late_fee_of(c, as_of))
            .filter(|l| l.accrued.is_positive())
            .collect())
    }

    /// Principal still unpaid across all charges.
    pub fn outstanding(&self) -> Money {
        Money::from_fen(self.charges.iter().map(|c| c.outstanding().fen()).sum())
    }

    /// The open parts of every charge as of a date, in the policy's allocation order.
    fn buckets(&self, date: NaiveDate) -> Vec<Bucket> {
        let pol = &self.policy.allocation;
        let rank = |item: &str| {
            pol.priority
                .iter()
                .position(|p| p == item)
                .unwrap_or(pol.priority.len())
        };
        let mut order: Vec<usize> = (0..self.charges.len()).collect();
        order.sort_by(|&a, &b| {
            let (ca, cb) = (&self.charges[a], &self.charges[b]);
            let (ra, rb) = (rank(&ca.item), rank(&cb.item));
            match pol.order {
                AllocationOrder::OldestDueFirst => (ca.due, ra, a).cmp(&(cb.due, rb, b)),
                AllocationOrder::PriorityFirst => (ra, ca.due, a).cmp(&(rb, cb.due, b)),
            }
        });
        let principal = order.iter().map(|&k| Bucket {
            charge: k,
            part: Part::Principal,
            open: self.charges[k].outstanding(),
        });
        let late = order.iter().map(|&k| Bucket {
            charge: k,
            part: Part::LateFee,
            open: self
                .late_fee_of(&self.charges[k], date)
                .map_or(Money::ZERO, |l| l.outstanding),
        });
        let all: Vec<Bucket> = match pol.late_fees {
            LateFeeOrder::PrincipalFirst => principal.chain(late).collect(),
            LateFeeOrder::LateFeeFirst => late.chain(principal).collect(),
        };
        all.into_iter().filter(|b| b.open.is_positive()).collect()
    }

    /// Allocates up to `amount` over the open items; returns the allocations and the rest.
    fn allocate(&self, date: NaiveDate, amount: Money) -> (Vec<Allocation>, Money) {
        let mut left = amount;
        let mut out = Vec::new();
        for b in self.buckets(date) {
            if !left.is_positive() {
                break;
            }
            let take = b.open.min(left);
            left = Money::from_fen(left.fen() - take.fen());
            out.push(Allocation {
                charge: self.charges[b.charge].id.clone(),
                part: b.part,
                amount: take,
            });
        }
        (out, left)
    }

    fn positive(&self, field: &str, amount: Money) -> Result<(), AccountError> {
        if !amount.is_positive() {
            Err(self.err_invalid(field, format!("{amount} must be above zero")))
        } else if amount > MAX_AMOUNT {
            Err(self.err_invalid(
                field,
                format!("{amount} is above the largest amount {MAX_AMOUNT}"),
            ))
        } else {
            Ok(())
        }
    }

    fn receipt_unused(&self, number: &str, what: &'static str) -> Result<(), AccountError> {
        let used = match what {
            "receipt" => self.receipts.iter().any(|r| r.number == number),
            "refund" => self.refunds.iter().any(|r| r == number),
            _ => self.credit_notes.iter().any(|r| r == number),
        };
        if number.is_empty() {
            return Err(self.err_invalid(what, "empty number"));
        }
        if used {
            return Err(AccountError::Duplicate {
                account: self.id.clone(),
                what,
                id: number.to_owned(),
            });
        }
        Ok(())
    }

    /// Decides a command: checks it and returns the events it produces, without changing
    /// the account.
    pub fn decide(&self, command: &AccountCommand) -> Result<Vec<AccountEvent>, AccountError> {
        let date = match command {
            AccountCommand::PostCharges { date, .. }
            | AccountCommand::Pay { date, .. }
            | AccountCommand::Deposit { date, .. }
            | AccountCommand::Refund { date, .. }
            | AccountCommand::CreditNote { date, .. }
            | AccountCommand::WaiveLateFee { date, .. }
            | AccountCommand::ApplyPrepaid { date } => *date,
        };
        self.check_as_of(date)?;
        match command {
            AccountCommand::PostCharges { charges, .. } => {
                if charges.is_empty() {
                    return Err(self.err_invalid("charges", "no charges"));
                }
                for (k, c) in charges.iter().enumerate() {
                    if c.id.is_empty() {
                        return Err(self.err_invalid(format!("charges[{k}].id"), "empty id"));
                    }
                    if self.charge_ix(&c.id).is_some() || charges[..k].iter().any(|o| o.id == c.id)
                    {
                        return Err(AccountError::Duplicate {
                            account: self.id.clone(),
                            what: "charge",
                            id: c.id.clone(),
                        });
                    }
                    if c.amount.is_negative() {
                        return Err(self.err_invalid(
                            format!("charges[{k}].amount"),
                            format!("{} is negative (use a credit note)", c.amount),
                        ));
                    }
                    if c.amount > MAX_AMOUNT {
                        return Err(self.err_invalid(
                            format!("charges[{k}].amount"),
                            format!("{} is above the largest amount {MAX_AMOUNT}", c.amount),
                        ));
                    }
                }
                let posted = AccountEvent::ChargesPosted {
                    date,
                    charges: charges.clone(),
                };
                self.then_deduct(vec![posted], date)
            }
            AccountCommand::Pay {
                receipt, amount, ..
            } => {
                self.receipt_unused(receipt, "receipt")?;
                self.positive("amount", *amount)?;
                let (allocations, rest) = self.allocate(date, *amount);
                Ok(vec![AccountEvent::PaymentReceived {
                    receipt: receipt.clone(),
                    date,
                    amount: *amount,
                    allocations,
                    to_prepaid: rest,
                }])
            }
            AccountCommand::Deposit {
                receipt, amount, ..
            } => {
                self.receipt_unused(receipt, "receipt")?;
                self.positive("amount", *amount)?;
                let dep = AccountEvent::Deposited {
                    receipt: receipt.clone(),
                    date,
                    amount: *amount,
                };
                self.then_deduct(vec![dep], date)
            }
            AccountCommand::ApplyPrepaid { .. } => {
                let (allocations, _) = self.allocate(date, self.prepaid);
                if allocations.is_empty() {
                    return Err(AccountError::Nothing {
                        account: self.id.clone(),
                        what: "apply",
                    });
                }
                Ok(vec![AccountEvent::PrepaidApplied { date, allocations }])
            }
            AccountCommand::Refund {
                refund,
                receipt,
                amount,
                ..
            } => {
                self.receipt_unused(refund, "refund")?;
                self.positive("amount", *amount)?;
                let r = self
                    .receipts
                    .iter()
                    .find(|r| &r.number == receipt)
                    .ok_or_else(|| self.unknown("receipt", receipt))?;
                let refundable = Money::from_fen(r.amount.fen() - r.refunded.fen());
                // Undo the receipt's prepaid part first (as far as it is still there), then
                // its allocations, last first.
                let in_prepaid =
                    Money::from_fen(r.to_prepaid.fen() - r.refunded_from_prepaid.fen())
                        .min(self.prepaid)
                        .max(Money::ZERO);
                let mut left = *amount;
                let from_prepaid = in_prepaid.min(left);
                left = Money::from_fen(left.fen() - from_prepaid.fen());
                let mut reversed = Vec::new();
                for (charge, part, still) in self.receipt_allocations(receipt).into_iter().rev() {
                    if !left.is_positive() {
                        break;
                    }
                    let take = still.min(left);
                    left = Money::from_fen(left.fen() - take.fen());
                    reversed.push(Allocation {
                        charge,
                        part,
                        amount: take,
                    });
                }
                if left.is_positive() || *amount > refundable {
                    let available = Money::from_fen(amount.fen() - left.fen()).min(refundable);
                    return Err(AccountError::Exceeds {
                        account: self.id.clone(),
                        what: "receipt",
                        id: receipt.clone(),
                        amount: *amount,
                        available,
                    });
                }
                Ok(vec![AccountEvent::Refunded {
                    refund: refund.clone(),
                    receipt: receipt.clone(),
                    date,
                    amount: *amount,
                    from_prepaid,
                    reversed,
                }])
            }
            AccountCommand::CreditNote {
                note,
                charge,
                amount,
                reason,
                ..
            } => {
                self.receipt_unused(note, "credit note")?;
                self.positive("amount", *amount)?;
                if reason.trim().is_empty() {
                    return Err(self.err_invalid("reason", "a credit note needs a reason"));
                }
                let c = &self.charges[self
                    .charge_ix(charge)
                    .ok_or_else(|| self.unknown("charge", charge))?];
                let creditable = Money::from_fen(c.amount.fen() - c.credited.fen());
                if *amount > creditable {
                    return Err(AccountError::Exceeds {
                        account: self.id.clone(),
                        what: "charge",
                        id: charge.clone(),
                        amount: *amount,
                        available: creditable,
                    });
                }
                let applied = c.outstanding().min(*amount).max(Money::ZERO);
                let credited = AccountEvent::Credited {
                    note: note.clone(),
                    charge: charge.clone(),
                    date,
                    amount: *amount,
                    reason: reason.clone(),
                    applied,
                    to_prepaid: Money::from_fen(amount.fen() - applied.fen()),
                };
                self.then_deduct(vec![credited], date)
            }
            AccountCommand::WaiveLateFee { charge, reason, .. } => {
                if reason.trim().is_empty() {
                    return Err(self.err_invalid("reason", "a waiver needs a reason"));
                }
                let c = &self.charges[self
                    .charge_ix(charge)
                    .ok_or_else(|| self.unknown("charge", charge))?];
                let owed = self
                    .late_fee_of(c, date)
                    .map_or(Money::ZERO, |l| l.outstanding);
                if !owed.is_positive() {
                    return Err(AccountError::Nothing {
                        account: self.id.clone(),
                        what: "waive",
                    });
                }
                Ok(vec![AccountEvent::LateFeeWaived {
                    charge: charge.clone(),
                    date,
                    amount: owed,
                    reason: reason.clone(),
                }])
            }
        }
    }

    /// `events`, then an automatic prepaid deduction if the policy wants one and it pays
    /// anything.
    fn then_deduct(
        &self,
        mut events: Vec<AccountEvent>,
        date: NaiveDate,
    ) -> Result<Vec<AccountEvent>, AccountError> {
        if self.policy.auto_deduct {
            let mut next = self.clone();
            for e in &events {
                next.apply(e)?;
            }
            if next.prepaid.is_positive() {
                let (allocations, _) = next.allocate(date, next.prepaid);
                if !allocations.is_empty() {
                    events.push(AccountEvent::PrepaidApplied { date, allocations });
                }
            }
        }
        Ok(events)
    }

    /// A receipt's allocations still in place, in allocation order: (charge, part, amount).
    fn receipt_allocations(&self, receipt: &str) -> Vec<(String, Part, Money)> {
        let Some(r) = self.receipts.iter().find(|r| r.number == receipt) else {
            return Vec::new();
        };
        // What is left of each (charge, part) from this receipt's settlements.
        let mut left: Vec<(String, Part, Money)> = Vec::new();
        for a in &r.allocations {
            let c = match self.charge_ix(&a.charge) {
                Some(k) => &self.charges[k],
                None => continue,
            };
            let held: i64 = c
                .settlements
                .iter()
                .filter(|s| s.by == SettledBy::Receipt(receipt.to_owned()))
                .map(|s| match a.part {
                    Part::Principal => s.principal.fen(),
                    Part::LateFee => s.late_fee.fen(),
                })
                .sum();
            let already: i64 = left
                .iter()
                .filter(|(ch, p, _)| ch == &a.charge && *p == a.part)
                .map(|(_, _, m)| m.fen())
                .sum();
            let still = a.amount.fen().min(held - already).max(0);
            left.push((a.charge.clone(), a.part, Money::from_fen(still)));
        }
        left.retain(|(_, _, m)| m.is_positive());
        left
    }

    /// Applies one event (live or from a stored log). An event that does not fit is
    /// refused and nothing changes.
    pub fn apply(&mut self, event: &AccountEvent) -> Result<(), AccountError> {
        let mismatch = |reason: String| AccountError::EventMismatch {
            account: self.id.clone(),
            event: event.name(),
            reason,
        };
        if let Some(last) = self.last_date {
            if event.date() < last {
                return Err(mismatch(format!("dated before the last event on {last}")));
            }
        }
        let mut next = self.clone();
        let date = event.date();
        let settle = |acc: &mut Account, a: &Allocation, by: SettledBy| -> Result<(), String> {
            let k = acc
                .charge_ix(&a.charge)
                .ok_or_else(|| format!("unknown charge {}", a.charge))?;
            let (principal, late_fee) = match a.part {
                Part::Principal => (a.amount, Money::ZERO),
                Part::LateFee => (Money::ZERO, a.amount),
            };
            acc.charges[k].settlements.push(Settlement {
                date,
                by,
                principal,
                late_fee,
            });
            Ok(())
        };
        match event {
            AccountEvent::ChargesPosted { charges, .. } => {
                for c in charges {
                    if next.charge_ix(&c.id).is_some() {
                        return Err(mismatch(format!("charge {} exists", c.id)));
                    }
                    next.charges.push(Charge {
                        id: c.id.clone(),
                        item: c.item.clone(),
                        due: c.due,
                        amount: c.amount,
                        late_fee: c.late_fee,
                        credited: Money::ZERO,
                        settlements: Vec::new(),
                        late_fee_waived: Money::ZERO,
                    });
                }
            }
            AccountEvent::PaymentReceived {
                receipt,
                amount,
                allocations,
                to_prepaid,
                ..
            } => {
                for a in allocations {
                    settle(&mut next, a, SettledBy::Receipt(receipt.clone())).map_err(mismatch)?;
                }
                next.prepaid = next
                    .prepaid
                    .checked_add(*to_prepaid)
                    .map_err(|e| mismatch(e.to_string()))?;
                next.receipts.push(Receipt {
                    number: receipt.clone(),
                    date,
                    amount: *amount,
                    allocations: allocations.clone(),
                    to_prepaid: *to_prepaid,
                    refunded: Money::ZERO,
                    refunded_from_prepaid: Money::ZERO,
                });
            }
            AccountEvent::Deposited {
                receipt, amount, ..
            } => {
                next.prepaid = next
                    .prepaid
                    .checked_add(*amount)
                    .map_err(|e| mismatch(e.to_string()))?;
                next.receipts.push(Receipt {
                    number: receipt.clone(),
                    date,
                    amount: *amount,
                    allocations: Vec::new(),
                    to_prepaid: *amount,
                    refunded: Money::ZERO,
                    refunded_from_prepaid: Money::ZERO,
                });
            }
            AccountEvent::PrepaidApplied { allocations, .. } => {
                for a in allocations {
                    settle(&mut next, a, SettledBy::Prepaid).map_err(mismatch)?;
                    next.prepaid = Money::from_fen(next.prepaid.fen() - a.amount.fen());
                }
                if next.prepaid.is_negative() {
                    return Err(mismatch("more than the prepaid balance".into()));
                }
            }
            AccountEvent::Refunded {
                refund,
                receipt,
                amount,
                from_prepaid,
                reversed,
                ..
            } => {
                let by = SettledBy::Receipt(receipt.clone());
                for a in reversed {
                    let k = next
                        .charge_ix(&a.charge)
                        .ok_or_else(|| mismatch(format!("unknown charge {}", a.charge)))?;
                    // Take it back from this receipt's settlements, latest first.
                    let mut left = a.amount.fen();
                    for s in next.charges[k].settlements.iter_mut().rev() {
                        if s.by != by || left == 0 {
                            continue;
                        }
                        let field = match a.part {
                            Part::Principal => &mut s.principal,
                            Part::LateFee => &mut s.late_fee,
                        };
                        let take = field.fen().min(left);
                        *field = Money::from_fen(field.fen() - take);
                        left -= take;
                    }
                    if left != 0 {
                        return Err(mismatch(format!(
                            "receipt {receipt} holds less on charge {}",
                            a.charge
                        )));
                    }
                    next.charges[k].settlements.retain(|s| {
                        !(s.by == by && s.principal == Money::ZERO && s.late_fee == Money::ZERO)
                    });
                }
                next.prepaid = Money::from_fen(next.prepaid.fen() - from_prepaid.fen());
                if next.prepaid.is_negative() {
                    return Err(mismatch("more than the prepaid balance".into()));
                }
                let r = next
                    .receipts
                    .iter_mut()
                    .find(|r| &r.number == receipt)
                    .ok_or_else(|| mismatch(format!("unknown receipt {receipt}")))?;
                r.refunded = r
                    .refunded
                    .checked_add(*amount)
                    .map_err(|e| mismatch(e.to_string()))?;
                r.refunded_from_prepaid =
                    Money::from_fen(r.refunded_from_prepaid.fen() + from_prepaid.fen());
                next.refunds.push(refund.clone());
            }
            AccountEvent::Credited {
                note,
                charge,
                amount,
                applied,
                to_prepaid,
                ..
            } => {
                let k = next
                    .charge_ix(charge)
                    .ok_or_else(|| mismatch(format!("unknown charge {charge}")))?;
                let c = &mut next.charges[k];
                c.credited = Money::from_fen(c.credited.fen() + amount.fen());
                c.settlements.push(Settlement {
                    date,
                    by: SettledBy::CreditNote(note.clone()),
                    principal: *applied,
                    late_fee: Money::ZERO,
                });
                next.prepaid = Money::from_fen(next.prepaid.fen() + to_prepaid.fen());
                next.credit_notes.push(note.clone());
            }
            AccountEvent::LateFeeWaived { charge, amount, .. } => {
                let k = next
                    .charge_ix(charge)
                    .ok_or_else(|| mismatch(format!("unknown charge {charge}")))?;
                let c = &mut next.charges[k];
                c.late_fee_waived = Money::from_fen(c.late_fee_waived.fen() + amount.fen());
            }
        }
        next.last_date = Some(date);
        *self = next;
        Ok(())
    }

    /// Decides a command and applies its events: the new state is `self`. On error the
    /// account is untouched. Returns the events for the host's log.
    pub fn execute(&mut self, command: &AccountCommand) -> Result<Vec<AccountEvent>, AccountError> {
        let events = self.decide(command)?;
        let mut next = self.clone();
        for e in &events {
            next.apply(e)?;
        }
        *self = next;
        Ok(events)
    }

    /// The pure transition `(account, command) → (new account, events)`.
    pub fn transition(
        &self,
        command: &AccountCommand,
    ) -> Result<(Account, Vec<AccountEvent>), AccountError> {
        let mut next = self.clone();
        let events = next.execute(command)?;
        Ok((next, events))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every unit-only enum here reads back the names its `Serialize` writes.
    #[test]
    fn unit_enums_read_their_own_names() {
        crate::wire::assert_round_trip(AllocationOrder::ALL);
        crate::wire::assert_round_trip(LateFeeOrder::ALL);
        crate::wire::assert_round_trip(Part::ALL);
    }

    fn m(s: &str) -> Money {
        s.parse().unwrap()
    }
    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }
    fn policy() -> AccountPolicy {
        AccountPolicy {
            late_fee: Some(LateFeeRule {
                daily_rate: "0.0003".parse().unwrap(),
                grace_days: 0,
                cap_percent: Some("100".parse().unwrap()),
                minimum: None,
                rounding: Default::default(),
            }),
            ..AccountPolicy::default()
        }
    }
    fn charge(id: &str, item: &str, due: &str, amount: &str) -> NewCharge {
        NewCharge {
            id: id.into(),
            item: item.into(),
            due: d(due),
            amount: m(amount),
            late_fee: true,
        }
    }
    fn posted() -> Account {
        let mut a = Account::new("1-101", policy());
        a.execute(&AccountCommand::PostCharges {
            date: d("2026-08-01"),
            charges: vec![
                charge("B08-1", "property_fee", "2026-08-15", "232.09"),
                charge("B09-1", "property_fee", "2026-09-15", "232.09"),
                charge("B09-2", "water", "2026-09-15", "190.00"),
            ],
        })
        .unwrap();
        a
    }
    fn pay(a: &mut Account, receipt: &str, date: &str, amount: &str) -> Vec<AccountEvent> {
        a.execute(&AccountCommand::Pay {
            receipt: receipt.into(),
            date: d(date),
            amount: m(amount),
        })
        .unwrap()
    }

    #[test]
    fn oldest_due_first_principal_before_late_fee() {
        let mut a = posted();
        // On 2026-09-25, 300.00: August's 232.09 first, then 67.91 of September's property
        // fee (same due date as water; posting order decides). Late fees wait.
        let ev = pay(&mut a, "R001", "2026-09-25", "300.00");
        let AccountEvent::PaymentReceived {
            allocations,
            to_prepaid,
            ..
        } = &ev[0]
        else {
            panic!("{ev:?}")
        };
        let got: Vec<_> = allocations
            .iter()
            .map(|x| (x.charge.as_str(), x.amount))
            .collect();
        assert_eq!(got, [("B08-1", m("232.09")), ("B09-1", m("67.91"))]);
        assert_eq!(*to_prepaid, Money::ZERO);
        // Allocated = received.
        assert_eq!(
            allocations.iter().map(|x| x.amount.fen()).sum::<i64>(),
            30_000
        );
        // August's late fee stopped growing on the 25th: 16 Aug–25 Sep = 41 days ×
        // 232.09 × 0.0003 = 2.854707 → 2.85.
        let fees = a.late_fees(d("2026-10-15")).unwrap();
        assert_eq!(
            (fees[0].charge.as_str(), fees[0].accrued),
            ("B08-1", m("2.85"))
        );
        // September's property fee: 16–25 Sep (10 days) on 232.09, then 26 Sep–15 Oct (20
        // days) on 232.09 − 67.91 = 164.18:
        // 232.09 × 10 × 0.0003 = 0.69627; 164.18 × 20 × 0.0003 = 0.98508; sum 1.68135 → 1.68.
        assert_eq!(fees[1].accrued, m("1.68"));
        // Water 190.00 × 30 × 0.0003 = 1.71.
        assert_eq!(fees[2].accrued, m("1.71"));
    }

    #[test]
    fn late_fee_first_priority_and_overpayment_to_prepaid() {
        let mut a = posted();
        a.policy.allocation = AllocationPolicy {
            order: AllocationOrder::PriorityFirst,
            late_fees: LateFeeOrder::LateFeeFirst,
            priority: vec!["water".into()],
        };
        // On 2026-09-25: late fees first — August's 41 days so far: 232.09 × 41 × 0.0003
        // = 2.854707 → 2.85; September's lines are 10 days late: water 190 × 10 × 0.0003 =
        // 0.57, property 232.09 × 10 × 0.0003 = 0.69627 → 0.70. Water first (priority), then
        // by due date: B08-1 before B09-1.
        let ev = pay(&mut a, "R001", "2026-09-25", "700.00");
        let AccountEvent::PaymentReceived {
            allocations,
            to_prepaid,
            ..
        } = &ev[0]
        else {
            panic!()
        };
        let got: Vec<_> = allocations
            .iter()
            .map(|x| (x.charge.as_str(), x.part, x.amount))
            .collect();
        assert_eq!(
            got,
            [
                ("B09-2", Part::LateFee, m("0.57")),
                ("B08-1", Part::LateFee, m("2.85")),
                ("B09-1", Part::LateFee, m("0.70")),
                ("B09-2", Part::Principal, m("190.00")),
                ("B08-1", Part::Principal, m("232.09")),
                ("B09-1", Part::Principal, m("232.09")),
            ]
        );
        // 700.00 − 4.12 − 654.18 = 41.70 into the prepaid balance.
        assert_eq!(*to_prepaid, m("41.70"));
        assert_eq!(a.prepaid, m("41.70"));
        assert_eq!(a.outstanding(), Money::ZERO);
    }

    #[test]
    fn prepaid_pays_new_charges_automatically() {
        let mut a = Account::new("1-101", policy());
        a.execute(&AccountCommand::Deposit {
            receipt: "R100".into(),
            date: d("2026-08-20"),
            amount: m("500.00"),
        })
        .unwrap();
        let ev = a
            .execute(&AccountCommand::PostCharges {
                date: d("2026-09-01"),
                charges: vec![charge("B09-1", "property_fee", "2026-09-15", "232.09")],
            })
            .unwrap();
        assert_eq!(ev.len(), 2);
        assert_eq!(ev[1].name(), "prepaid_applied");
        // 500.00 − 232.09 = 267.91 left.
        assert_eq!(a.prepaid, m("267.91"));
        assert_eq!(a.outstanding(), Money::ZERO);
    }

    #[test]
    fn a_full_refund_undoes_the_payment() {
        let before = posted();
        let mut a = before.clone();
        // Principal 654.18, then late fees as of the 25th (2.85 + 0.70 + 0.57 = 4.12), and
        // 800.00 − 658.30 = 141.70 into the prepaid balance.
        pay(&mut a, "R001", "2026-09-25", "800.00");
        assert_eq!(a.prepaid, m("141.70"));
        a.execute(&AccountCommand::Refund {
            refund: "T001".into(),
            receipt: "R001".into(),
            date: d("2026-09-26"),
            amount: m("800.00"),
        })
        .unwrap();
        assert_eq!(a.charges, before.charges);
        assert_eq!(a.prepaid, before.prepaid);
        // Refunding more than is left is refused, naming the receipt.
        let e = a
            .execute(&AccountCommand::Refund {
                refund: "T002".into(),
                receipt: "R001".into(),
                date: d("2026-09-26"),
                amount: m("0.01"),
            })
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "account 1-101: receipt R001: 0.01 exceeds the 0.00 available"
        );
    }

    #[test]
    fn credit_note_after_payment_moves_the_excess_to_prepaid() {
        let mut a = posted();
        pay(&mut a, "R001", "2026-09-10", "232.09");
        // August's line was billed 50.00 too much and is already paid: 50.00 goes to the
        // prepaid balance, which (auto-deduct) at once pays 50.00 of September's property fee
        // (principal first; the oldest open principal).
        let ev = a
            .execute(&AccountCommand::CreditNote {
                note: "C001".into(),
                charge: "B08-1".into(),
                date: d("2026-09-11"),
                amount: m("50.00"),
                reason: "面积更正 area corrected".into(),
            })
            .unwrap();
        let AccountEvent::Credited {
            applied,
            to_prepaid,
            ..
        } = &ev[0]
        else {
            panic!()
        };
        assert_eq!((*applied, *to_prepaid), (Money::ZERO, m("50.00")));
        assert_eq!(ev[1].name(), "prepaid_applied");
        assert_eq!(a.prepaid, Money::ZERO);
        assert_eq!(a.charges[1].outstanding(), m("182.09"));
        assert_eq!(a.charges[0].credited, m("50.00"));
    }

    #[test]
    fn waiver_and_refusals() {
        let mut a = posted();
        // As of 2026-10-15 August's late fee is 61 days × 232.09 × 0.0003 = 4.247247 → 4.25.
        let ev = a
            .execute(&AccountCommand::WaiveLateFee {
                charge: "B08-1".into(),
                date: d("2026-10-15"),
                reason: "首次逾期 first time".into(),
            })
            .unwrap();
        assert!(
            matches!(&ev[0], AccountEvent::LateFeeWaived { amount, .. } if *amount == m("4.25"))
        );
        let before = a.clone();
        for (cmd, code) in [
            (
                AccountCommand::Pay {
                    receipt: "R1".into(),
                    date: d("2026-10-01"),
                    amount: m("1"),
                },
                "out_of_order",
            ),
            (
                AccountCommand::Pay {
                    receipt: "R1".into(),
                    date: d("2026-10-15"),
                    amount: m("0"),
                },
                "invalid_field",
            ),
            (
                AccountCommand::Refund {
                    refund: "T1".into(),
                    receipt: "R9".into(),
                    date: d("2026-10-15"),
                    amount: m("1"),
                },
                "unknown_reference",
            ),
            (
                AccountCommand::WaiveLateFee {
                    charge: "B08-1".into(),
                    date: d("2026-10-15"),
                    reason: " ".into(),
                },
                "invalid_field",
            ),
            (
                AccountCommand::CreditNote {
                    note: "C1".into(),
                    charge: "B09-2".into(),
                    date: d("2026-10-15"),
                    amount: m("190.01"),
                    reason: "x".into(),
                },
                "exceeds_available",
            ),
        ] {
            assert_eq!(a.execute(&cmd).unwrap_err().code(), code, "{cmd:?}");
            assert_eq!(a, before, "a refused command changes nothing");
        }
    }

    #[test]
    fn replaying_the_events_rebuilds_the_account() {
        let mut live = Account::new("1-101", policy());
        let mut log = Vec::new();
        let cmds = [
            AccountCommand::PostCharges {
                date: d("2026-08-01"),
                charges: vec![charge("B1", "property_fee", "2026-08-15", "232.09")],
            },
            AccountCommand::Pay {
                receipt: "R1".into(),
                date: d("2026-09-01"),
                amount: m("300.00"),
            },
            AccountCommand::PostCharges {
                date: d("2026-09-01"),
                charges: vec![charge("B2", "property_fee", "2026-09-15", "232.09")],
            },
            AccountCommand::Refund {
                refund: "T1".into(),
                receipt: "R1".into(),
                date: d("2026-09-02"),
                amount: m("10.00"),
            },
        ];
        for c in &cmds {
            log.extend(live.execute(c).unwrap());
        }
        let mut replayed = Account::new("1-101", policy());
        for e in &log {
            replayed.apply(e).unwrap();
        }
        assert_eq!(replayed, live);
        // The JSON of the account round-trips.
        let json = serde_json::to_string(&live).unwrap();
        assert_eq!(serde_json::from_str::<Account>(&json).unwrap(), live);
    }
}
