//! Bills 账单: lines 明细 each with its amount, due date and trace 计算过程, and a total that
//! is the sum of the lines; the per-run inputs (readings, usage, parking stays, shared
//! costs); and the compact line of an estate-wide run (unit index, item index, amount).
//!
//! A trace says how a line was reached in words a front-desk clerk can read out to an
//! owner (`text`) and in fields a program can check (`formula`, `inputs`, `segments`,
//! `tiers`, `rounding`).

use crate::fee::meter::Reading;
use crate::fee::parking::ParkingStay;
use crate::fee::period::Period;
use crate::fee::schedule::RoundingPoint;
use crate::fee::unit::UnitState;
use crate::money::{Decimal, Money, Rounding, RoundingUnit};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a billing run needs besides the schedule and the units.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BillInputs {
    /// Meter readings 抄表 of metered items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
    /// Uses, hours and one-off charges 按次/按时/一次性.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub usage: Vec<Usage>,
    /// Temporary parking stays 临时停车.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parking: Vec<ParkingStay>,
    /// Shared costs 公摊 to apportion.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared: Vec<SharedCost>,
}

/// A use, some hours, or a one-off charge 按次/按时/一次性收费 for a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Usage {
    /// Unit id.
    pub unit: String,
    /// Item code (a usage or one-off item).
    pub item: String,
    /// Day of the use; the rate in effect on it applies.
    #[serde(deserialize_with = "crate::time::de_date")]
    pub date: NaiveDate,
    /// Uses, hours or pieces (default 1; at most 3 decimals).
    #[serde(default = "one")]
    pub quantity: Decimal,
    /// What it was, for the trace: `家政保洁 3 小时`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn one() -> Decimal {
    Decimal::from_int(1)
}

/// A shared cost 公摊费用 to apportion among units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SharedCost {
    /// Item code (a shared item).
    pub item: String,
    /// The amount to apportion (not negative).
    pub amount: Money,
    /// The units that share it (absent: every unit handed over on the period's last day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units: Option<Vec<String>>,
    /// What it is, for the trace: `2号楼电梯电费 9月`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A unit's bill 账单 for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Bill {
    /// Unit id.
    pub unit: String,
    /// The period billed.
    pub period: Period,
    /// Its lines, in the schedule's item order.
    pub lines: Vec<BillLine>,
    /// The sum of the lines.
    pub total: Money,
}

/// A line of a bill 账单明细.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BillLine {
    /// Item code.
    pub item: String,
    /// Item name, e.g. `物业服务费`.
    pub name: String,
    /// The amount.
    pub amount: Money,
    /// When it falls due 到期日; late fees count from here.
    #[serde(deserialize_with = "crate::time::de_date")]
    pub due: NaiveDate,
    /// Whether it bears late fees 滞纳金 if unpaid.
    pub late_fee: bool,
    /// How it was computed.
    pub trace: Trace,
}

/// How a line was computed 计算过程.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Trace {
    /// The formula in words, e.g. `building area × rate per m² per month × days ÷ days in
    /// month × (100% − discount)`.
    pub formula: String,
    /// The inputs by name: `building_area`, `previous`, `current`, `consumption`…
    pub inputs: BTreeMap<String, String>,
    /// Periodic items: one segment per run of days with one rate and one unit state
    /// within one month.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<Segment>,
    /// Tiered items: consumption per tier.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<TierPortion>,
    /// Where and how the amount was rounded (absent for amounts that need none: shared
    /// costs split by largest remainder, parking).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounding: Option<RoundingTrace>,
    /// The whole computation in lines a clerk can read out.
    pub text: Vec<String>,
}

/// A run of days of a periodic line with one rate and one unit state, within one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Segment {
    /// First day.
    #[serde(deserialize_with = "crate::time::de_date")]
    pub from: NaiveDate,
    /// Last day.
    #[serde(deserialize_with = "crate::time::de_date")]
    pub to: NaiveDate,
    /// Days in the segment.
    pub days: u32,
    /// Days in its month.
    pub month_days: u32,
    /// The rate in effect.
    pub rate: Decimal,
    /// The unit's state.
    pub state: UnitState,
    /// The state's discount in percent.
    pub discount: Decimal,
    /// Exact amount (before any prepayment discount and rounding), `…` if it does not
    /// terminate within 6 decimals.
    pub amount: String,
}

/// Consumption in one tier 阶梯.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TierPortion {
    /// Tier number, from 1.
    pub tier: u32,
    /// Lower bound of the tier.
    pub from: Decimal,
    /// Upper bound (absent for the last tier).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Decimal>,
    /// Consumption charged in the tier.
    pub quantity: Decimal,
    /// Price in the tier.
    pub price: Decimal,
    /// quantity × price, exact.
    pub amount: Decimal,
}

/// Where and how a line was rounded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoundingTrace {
    /// Mode.
    pub mode: Rounding,
    /// Unit.
    pub unit: RoundingUnit,
    /// Point (periodic items; others are rounded per line).
    pub point: RoundingPoint,
    /// Each rounding: of a month (`2026-09`) or of the line (`line`).
    pub steps: Vec<RoundingStep>,
}

/// One rounding of an exact amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoundingStep {
    /// `2026-09` or `line`.
    pub of: String,
    /// The exact amount (`…` if it does not terminate within 6 decimals).
    pub exact: String,
    /// Rounded.
    pub amount: Money,
}

/// A line of an estate-wide run: unit and item by index (the order of the units and the
/// schedule's items as loaded), amount. 16 bytes; traces on demand with
/// [`crate::fee::Estate::bill`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CompactLine {
    /// Unit index.
    pub unit: u32,
    /// Item index.
    pub item: u16,
    /// Amount.
    pub amount: Money,
}

impl Bill {
    /// The bill as text: a header, then each line's amount and trace.
    pub fn explain(&self) -> Vec<String> {
        let mut out = vec![format!("{} — {}", self.unit, self.period)];
        for l in &self.lines {
            out.push(format!(
                "  {} {}: {} (due {})",
                l.name, l.item, l.amount, l.due
            ));
            out.extend(l.trace.text.iter().map(|t| format!("    {t}")));
        }
        out.push(format!("  total 合计: {}", self.total));
        out
    }
}
