//! Fees 收费: rate schedules 收费标准, bills 账单, payments 收款, late fees 滞纳金 and
//! arrears 欠费账龄 — exact (integer fen 分, exact decimals) and explainable (every line
//! carries a trace a front-desk clerk can read out).
//!
//! - [`schedule`]: the estate's fee schedule — unit types 房屋类型, fee items 收费项目 with
//!   their formula, rounding rule and point, effective-dated rates 单价 and tiers 阶梯,
//!   discounts for unit states (空置 vacancy…) and for prepayment 预交优惠.
//! - [`period`]: billing periods 账期 (month, quarter, year, or a range of days).
//! - [`unit`](mod@unit): units 房屋 with effective-dated states (未交房, 已入住, 空置, 装修中) and
//!   subscriptions (a rented parking space 车位, a clubhouse membership 会所).
//! - [`meter`]: readings 抄表 → consumption (rollover 翻表, replacement 换表) and tiered
//!   prices 阶梯价.
//! - [`parking`]: temporary parking 临时停车 by duration.
//! - [`estate`]: an estate's schedule and units loaded once into an indexed form; bills
//!   for a period with traces, or compact lines for a whole estate in one call.
//! - [`bill`]: bills, lines and their traces 计算过程; the per-run inputs (readings, usage,
//!   parking stays, shared costs 公摊).
//! - [`account`]: a payer's account 账户 as state + events: charges 应收, payments and their
//!   allocation 收款分配, prepaid balance 预存, refunds 退款, credit notes 冲减, waivers 减免.
//! - [`charge`]: a charge 应收 on an account (one bill line) and what settled it.
//! - [`late_fee`]: late fees 滞纳金 per line as of a date; [`arrears`]: ageing 账龄.
//!
//! Nothing here reads a clock: the caller gives the period, the dates and the readings.
//!
//! Rounding 舍入 happens at one named point per item: per month (each month's amount of a
//! line is rounded, then the months are added) or per line (the exact amount of the whole
//! line is rounded once). 98.76 m² × 2.35 ¥/m²/month for a year is 2785.03 rounded per line
//! and 2785.08 rounded per month.
//!
//! # Where each rule lives
//!
//! What the schedule or the inputs say, and the code that applies it. Names in plain code
//! font are private functions of the billing kernel, in `estate/mod.rs` unless noted (its
//! module doc explains the kernel's short names, `CItem`, `CPiece`, `pay`, `w`…).
//!
//! | rule | set by | applied by |
//! |------|--------|------------|
//! | the lines of a run | [`Estate::bill`] (traced), [`Estate::bill_compact`] | `Estate::plan` (once per run), `Estate::index` (the inputs by unit), `Estate::lines` (each unit's lines, by the item's formula) |
//! | proration by days 按天折算 | [`Formula::Area`], [`Formula::Fixed`]; [`period::months_of`], [`period::days_in_month`] | `Estate::plan` cuts the period into pieces at month ends and rate changes and weighs each month by `lcm ÷ days`; `Estate::periodic` sums quantity × rate × days ÷ days in the month over the pieces |
//! | effective-dated rates 单价 | [`Rate`] (`from`, `to`, `unit_types`) | `Estate::plan` (a piece per rate, periodic items); `Estate::priced` (the rate on the reading or usage date) |
//! | unit states, vacancy 空置 and other state discounts | [`UnitState`], [`unit::StateChange`], [`FeeItem::state_discounts`] ([`schedule::StateDiscounts::of`]) | [`Estate::load`] turns each item's discounts into a pay factor per state (`estate/load.rs`); `Estate::periodic` splits the pieces at state changes and applies it |
//! | prepayment discount 预交优惠 | [`schedule::PrepaymentDiscount`] | `Estate::plan` picks the largest whose `min_months` the period's whole months reach; `Estate::periodic` applies it |
//! | rented spaces, memberships 订购 | [`schedule::Applies::Subscribers`], [`unit::Subscription`] | `Estate::lines` bills each subscription's days through `Estate::periodic` |
//! | metered consumption, rollover 翻表, replacement 换表 | [`meter::Reading`] (`wraps_at`, [`meter::Replacement`]) or [`meter::ReadingColumns`] | [`meter::Reading::consumption`] and [`meter::ReadingRef::consumption`], which say how in [`meter::Measured`] |
//! | tiers 阶梯, monthly or annual bounds | [`schedule::Tier`], [`schedule::TierBounds`], [`meter::Reading::year_to_date`] | `Estate::priced`; `meter::split_tiers` (`meter.rs`) cuts the consumption at the bounds, after the year to date for annual bounds |
//! | uses, hours, one-off charges 按次/一次性 | [`Formula::Usage`], [`Formula::OneOff`], [`bill::Usage`] | `Estate::priced` |
//! | shared costs 公摊 by largest remainder | [`Formula::Shared`], [`schedule::ShareBasis`], [`bill::SharedCost`] | `Estate::index` weighs the sharing units; [`crate::money::apportion_in_place`] splits the amount by largest remainder |
//! | rounding rule and point `per_month` / `per_line` | [`crate::money::RoundingRule`], [`schedule::RoundingPoint`] | `Estate::periodic` (per month or per line), `Estate::priced` (once); `div_round_fast`, which falls back to [`crate::money::div_round`] |
//! | temporary parking 临时停车 | [`Formula::Parking`], [`parking::ParkingTariff`], [`parking::ParkingStay`] | [`parking::ParkingTariff::charge`] |
//! | due dates 缴费期限 | [`schedule::Billing`] (`collection`, `due_days`) | `Estate::plan`: `due_days` after the period's first day (prepaid) or its last (postpaid) |
//! | traces 计算过程 | [`Trace`] | `Estate::traced` (`estate/trace.rs`) from what `Estate::periodic` and `Estate::priced` record |
//! | late fees 滞纳金 | [`late_fee::LateFeeRule`] (`grace_days`, `minimum`, `cap_percent`…) | [`late_fee::late_fee`]; for an account [`Account::late_fees`] |
//! | allocation 收款分配 | [`account::AllocationPolicy`], [`account::AllocationOrder`], [`account::LateFeeOrder`] | `Account::buckets` orders the open parts, `Account::allocate` fills them (`account.rs`), from [`Account::decide`] |
//! | prepaid balance 预存, refunds 退款, credit notes 冲减, waivers 减免 | [`AccountCommand`] | [`Account::decide`] (what happens), [`Account::apply`] (the new state) |
//! | ageing 账龄 | [`arrears::DEFAULT_BUCKETS`] or the caller's bounds | [`arrears::ageing`] |

pub mod account;
pub mod arrears;
pub mod bill;
pub mod charge;
pub mod estate;
pub mod late_fee;
pub mod meter;
pub mod parking;
pub mod period;
pub mod schedule;
pub mod unit;

pub use account::{Account, AccountCommand, AccountError, AccountEvent, AccountPolicy};
pub use bill::{Bill, BillInputs, BillLine, CompactLine, Trace};
pub use estate::Estate;
pub use period::{DateRange, Period};
pub use schedule::{FeeItem, Formula, Rate, Schedule};
pub use unit::{Unit, UnitState};

use chrono::NaiveDate;
use std::fmt;

/// Where an error is: the unit 房屋, the fee item 收费项目 and the field, as far as known.
/// (Boxed, so that errors stay small.)
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place(Box<PlaceData>);

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct PlaceData {
    unit: Option<String>,
    item: Option<String>,
    field: String,
}

impl Place {
    /// A field of the schedule or the inputs, e.g. `rates[2].price`,
    /// `readings[0].current`, in no particular unit or item yet.
    pub fn field(field: impl Into<String>) -> Place {
        Place(Box::new(PlaceData {
            field: field.into(),
            ..PlaceData::default()
        }))
    }

    /// With the unit.
    pub fn unit(mut self, unit: impl Into<String>) -> Place {
        self.0.unit = Some(unit.into());
        self
    }

    /// With the item.
    pub fn item(mut self, item: impl Into<String>) -> Place {
        self.0.item = Some(item.into());
        self
    }

    /// The unit id, if known.
    pub fn unit_id(&self) -> Option<&str> {
        self.0.unit.as_deref()
    }

    /// The item code, if known.
    pub fn item_code(&self) -> Option<&str> {
        self.0.item.as_deref()
    }

    /// The field (may be empty).
    pub fn field_name(&self) -> &str {
        &self.0.field
    }
}

impl fmt::Display for Place {
    /// `unit 1-101, item water, field readings[0].current`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut sep = "";
        if let Some(u) = &self.0.unit {
            write!(f, "unit {u}")?;
            sep = ", ";
        }
        if let Some(i) = &self.0.item {
            write!(f, "{sep}item {i}")?;
            sep = ", ";
        }
        if !self.0.field.is_empty() {
            write!(f, "{sep}field {}", self.0.field)?;
        }
        Ok(())
    }
}

/// Why a schedule, a unit or a billing input was refused. Nothing half-computed is returned
/// with it: a run either yields every line or this error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeeError {
    /// A value is invalid: negative area or amount, more decimals than allowed, a discount
    /// over 100%, an empty code, tiers out of order...
    #[error("{at}: {reason}")]
    Invalid {
        /// Where.
        at: Place,
        /// What is wrong.
        reason: String,
    },
    /// A code that the schedule does not define (unit type, item).
    #[error("{at}: unknown {what} {code:?}")]
    Unknown {
        /// Where it was used.
        at: Place,
        /// `unit type`, `item`, `unit`.
        what: &'static str,
        /// The code given.
        code: String,
    },
    /// The same code twice (unit id, item code, unit type code).
    #[error("{at}: duplicate {what} {code:?}")]
    Duplicate {
        /// Where.
        at: Place,
        /// `unit`, `item`, `unit type`.
        what: &'static str,
        /// The code.
        code: String,
    },
    /// An input refers to an item of another kind (a reading for an area-based item...).
    #[error("{at}: item {item} is {actual}, not {expected}")]
    WrongKind {
        /// Where.
        at: Place,
        /// The item.
        item: String,
        /// Its formula kind.
        actual: &'static str,
        /// The kind the input needs.
        expected: &'static str,
    },
    /// Two rates of the same item and unit type in effect on the same day.
    #[error("item {item}, unit type {unit_type}: rates {first} and {second} overlap")]
    OverlappingRates {
        /// The item.
        item: String,
        /// The unit type.
        unit_type: String,
        /// The first rate's effective range.
        first: String,
        /// The second rate's effective range.
        second: String,
    },
    /// A day to be billed that no rate of the item for the unit's type covers.
    #[error("unit {unit}, item {item}: no rate for unit type {unit_type} on {date}")]
    RateNotCovered {
        /// The unit.
        unit: String,
        /// The item.
        item: String,
        /// The unit's type.
        unit_type: String,
        /// The first day not covered.
        date: NaiveDate,
    },
    /// A meter reading lower than the previous one, with no meter replacement and no
    /// rollover: an error, never a credit.
    #[error("unit {unit}, item {item}: reading of {date} goes backwards ({previous} → {current}) without a meter replacement or rollover")]
    ReadingBackwards {
        /// The unit.
        unit: String,
        /// The item.
        item: String,
        /// Reading date.
        date: NaiveDate,
        /// Previous reading.
        previous: String,
        /// Current reading.
        current: String,
    },
    /// A result too large to hold exactly.
    #[error("{at}: overflow")]
    Overflow {
        /// Where.
        at: Place,
    },
}

impl FeeError {
    /// Stable machine-readable code of the error kind.
    pub const fn code(&self) -> &'static str {
        match self {
            FeeError::Invalid { .. } => "invalid_fee_input",
            FeeError::Unknown { .. } => "unknown_code",
            FeeError::Duplicate { .. } => "duplicate_code",
            FeeError::WrongKind { .. } => "wrong_item_kind",
            FeeError::OverlappingRates { .. } => "overlapping_rates",
            FeeError::RateNotCovered { .. } => "rate_not_covered",
            FeeError::ReadingBackwards { .. } => "reading_backwards",
            FeeError::Overflow { .. } => "overflow",
        }
    }

    pub(crate) fn invalid(at: Place, reason: impl Into<String>) -> FeeError {
        FeeError::Invalid {
            at,
            reason: reason.into(),
        }
    }
}
