//! The fee schedule 收费标准 of an estate: unit types 房屋类型, fee items 收费项目 (each with
//! its formula, rounding rule and rounding point), effective-dated rates 单价 per item and
//! unit type, billing terms (prepaid 预收 / postpaid 后收, due days), prepayment discounts
//! 预交优惠 and the account policy (payment allocation, late fees).
//!
//! The schedule is plain serde data; [`crate::fee::Estate::load`] checks it (codes unique
//! and known, amounts non-negative, rates of one item and unit type never overlapping,
//! tiers ascending) and refuses it with a [`crate::fee::FeeError`] naming the item and field.

use crate::fee::account::AccountPolicy;
use crate::fee::parking::ParkingTariff;
use crate::fee::unit::UnitState;
use crate::money::{Decimal, RoundingRule};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The fee schedule 收费标准.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// Estate name 小区名称 (for reports).
    #[serde(default)]
    pub estate: String,
    /// Unit types 房屋类型: high-rise 高层, multi-storey 多层, villa 别墅, shop 商铺, office
    /// 写字楼… — any codes.
    pub unit_types: Vec<UnitType>,
    /// Fee items 收费项目, in the order lines appear on a bill.
    pub items: Vec<FeeItem>,
    /// Effective-dated rates 单价.
    #[serde(default)]
    pub rates: Vec<Rate>,
    /// When bills fall due.
    #[serde(default)]
    pub billing: Billing,
    /// Prepayment discounts 预交优惠: e.g. 12 months paid at once, 5% off.
    #[serde(default)]
    pub prepayment_discounts: Vec<PrepaymentDiscount>,
    /// How accounts allocate payments and charge late fees.
    #[serde(default)]
    pub account: AccountPolicy,
}

/// A unit type 房屋类型.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct UnitType {
    /// Code, e.g. `high_rise`.
    pub code: String,
    /// Name, e.g. `高层住宅`.
    pub name: String,
}

/// A fee item 收费项目.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FeeItem {
    /// Code, e.g. `property_fee`.
    pub code: String,
    /// Name, e.g. `物业服务费`.
    pub name: String,
    /// How the amount is computed.
    pub formula: Formula,
    /// Rounding rule 舍入规则 (default half-up to the fen 四舍五入到分).
    #[serde(default)]
    pub rounding: RoundingRule,
    /// Where the rule applies (default per month; only periodic items have months).
    #[serde(default)]
    pub rounding_point: RoundingPoint,
    /// Prepaid or postpaid (default: the schedule's billing terms).
    #[serde(default)]
    pub collection: Option<Collection>,
    /// Days after the reference day that the line falls due (default: the schedule's).
    #[serde(default)]
    pub due_days: Option<u32>,
    /// Discount by unit state, in percent off (periodic items only). Default: not handed
    /// over 100% off (no fee), every other state 0%.
    #[serde(default)]
    pub state_discounts: StateDiscounts,
    /// Whether unpaid lines of this item bear late fees 滞纳金 (default true; deposits never).
    #[serde(default = "yes")]
    pub late_fee: bool,
}

fn yes() -> bool {
    true
}

/// How an item's amount is computed 计费方式. JSON: `{"kind": "area", "basis": "building"}`.
// Deserialize: tagged_deserialize! below (the same wire form, without serde's Content buffer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Formula {
    /// Area × rate per m² per month 按面积: the property service fee 物业服务费.
    Area {
        /// Which area.
        #[serde(default)]
        basis: AreaBasis,
    },
    /// A fixed amount per month 按月定额: parking-space rent 车位租金, clubhouse membership
    /// 会所, rubbish removal 垃圾清运.
    Fixed {
        /// Every unit of a rated type, or only the units subscribed to it.
        #[serde(default)]
        applies: Applies,
    },
    /// Metered utility collected on behalf 代收代缴 (water 水, electricity 电, gas 气):
    /// readings → consumption × price, tiered 阶梯 if the rate has tiers.
    Metered {
        /// Whether tier bounds count this reading's consumption alone (monthly) or the
        /// year to date (annual).
        #[serde(default)]
        tier_bounds: TierBounds,
    },
    /// A shared cost 公摊 (common-area electricity, lift power): an amount given per run,
    /// apportioned by area or share with lines summing exactly to it.
    Shared {
        /// The weight of each unit.
        #[serde(default)]
        basis: ShareBasis,
    },
    /// Per use or per hour 按次/按小时: housekeeping 家政, clubhouse sessions 会所场次.
    Usage {
        /// What one unit of quantity is.
        #[serde(default)]
        per: UsagePer,
    },
    /// One-off 一次性: renovation management fee 装修管理费, card replacement 补卡费,
    /// deposits 押金 (never bear late fees).
    OneOff {
        /// A refundable deposit 押金.
        #[serde(default)]
        deposit: bool,
    },
    /// Temporary parking 临时停车 by duration, by its tariff.
    Parking {
        /// The tariff.
        tariff: ParkingTariff,
    },
}

crate::wire::tagged_deserialize!(Formula by "kind" {
    Area = "area" { basis: AreaBasis [default] },
    Fixed = "fixed" { applies: Applies [default] },
    Metered = "metered" { tier_bounds: TierBounds [default] },
    Shared = "shared" { basis: ShareBasis [default] },
    Usage = "usage" { per: UsagePer [default] },
    OneOff = "one_off" { deposit: bool [default] },
    Parking = "parking" { tariff: ParkingTariff },
});

impl Formula {
    /// Stable snake_case name of the kind.
    pub const fn kind(&self) -> &'static str {
        match self {
            Formula::Area { .. } => "area",
            Formula::Fixed { .. } => "fixed",
            Formula::Metered { .. } => "metered",
            Formula::Shared { .. } => "shared",
            Formula::Usage { .. } => "usage",
            Formula::OneOff { .. } => "one_off",
            Formula::Parking { .. } => "parking",
        }
    }

    /// Whether the item is billed per day of the period (area and fixed items): those
    /// prorate, split at rate changes and take unit-state discounts.
    pub const fn periodic(&self) -> bool {
        matches!(self, Formula::Area { .. } | Formula::Fixed { .. })
    }

    /// Whether the item needs rates (every kind but shared costs and parking).
    pub const fn rated(&self) -> bool {
        !matches!(self, Formula::Shared { .. } | Formula::Parking { .. })
    }
}

/// Which area 面积.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AreaBasis {
    /// Building area 建筑面积 (the default).
    #[default]
    Building,
    /// Inner area 套内面积.
    Inner,
}
crate::wire::unit_enum_deserialize!(AreaBasis {
    Building = "building",
    Inner = "inner",
});

/// Who a fixed item applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Applies {
    /// Every unit whose type has a rate for the item (the default): rubbish removal.
    #[default]
    EveryUnit,
    /// Only units with a subscription to the item, times its quantity: parking-space rent.
    Subscribers,
}
crate::wire::unit_enum_deserialize!(Applies {
    EveryUnit = "every_unit",
    Subscribers = "subscribers",
});

/// Whether tier bounds are per reading (a month) or per year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TierBounds {
    /// Bounds apply to each reading's consumption alone (the default).
    #[default]
    Monthly,
    /// Bounds apply to the consumption of the tier year: each reading gives the year-to-date
    /// consumption before it 年累计 (e.g. water: up to 180 m³ a year at 5.00).
    Annual,
}
crate::wire::unit_enum_deserialize!(TierBounds {
    Monthly = "monthly",
    Annual = "annual",
});

/// The weight of a unit in a shared cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ShareBasis {
    /// Building area 建筑面积 (the default).
    #[default]
    BuildingArea,
    /// Inner area 套内面积.
    InnerArea,
    /// The unit's `share` 分摊系数.
    Share,
}
crate::wire::unit_enum_deserialize!(ShareBasis {
    BuildingArea = "building_area",
    InnerArea = "inner_area",
    Share = "share",
});

/// What one unit of a usage item's quantity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum UsagePer {
    /// One use or session 次 (the default).
    #[default]
    Use,
    /// One hour 小时 (quantities may be fractional: 2.5).
    Hour,
}
crate::wire::unit_enum_deserialize!(UsagePer {
    Use = "use",
    Hour = "hour",
});
crate::wire::read_by_deserialize!(AreaBasis, Applies, TierBounds, ShareBasis, UsagePer);

/// Where an item's rounding rule applies 舍入时点.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RoundingPoint {
    /// Each month of a line is rounded, then the months are added (the default):
    /// 232.086 a month → 232.09, × 12 = 2785.08.
    #[default]
    PerMonth,
    /// The exact amount of the whole line is rounded once: 232.086 × 12 = 2785.032 → 2785.03.
    PerLine,
}
crate::wire::unit_enum_deserialize!(RoundingPoint {
    PerMonth = "per_month",
    PerLine = "per_line",
});

impl RoundingPoint {
    /// Stable snake_case name.
    pub const fn as_str(self) -> &'static str {
        match self {
            RoundingPoint::PerMonth => "per_month",
            RoundingPoint::PerLine => "per_line",
        }
    }
}

/// Prepaid 预收 or postpaid 后收.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Collection {
    /// Due `due_days` after the period's first day (property fees paid in advance).
    Prepaid,
    /// Due `due_days` after the period's last day (utilities, the default).
    #[default]
    Postpaid,
}
crate::wire::unit_enum_deserialize!(Collection {
    Prepaid = "prepaid",
    Postpaid = "postpaid",
});

/// When lines fall due 缴费期限.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Billing {
    /// Prepaid or postpaid (default postpaid).
    #[serde(default)]
    pub collection: Collection,
    /// Days after the reference day (default 0: due on it).
    #[serde(default)]
    pub due_days: u32,
}

/// Discounts by unit state, in percent off (`"30"` = pay 70%), at most two decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StateDiscounts {
    /// Not yet handed over 未交房 (default `"100"`: no fee).
    #[serde(default = "hundred")]
    pub not_handed_over: Decimal,
    /// Occupied 已入住 (default `"0"`).
    #[serde(default)]
    pub occupied: Decimal,
    /// Vacant 空置 (default `"0"`; commonly 30–50).
    #[serde(default)]
    pub vacant: Decimal,
    /// Under renovation 装修中 (default `"0"`).
    #[serde(default)]
    pub renovating: Decimal,
}

fn hundred() -> Decimal {
    Decimal::from_int(100)
}

impl Default for StateDiscounts {
    fn default() -> Self {
        StateDiscounts {
            not_handed_over: hundred(),
            occupied: Decimal::ZERO,
            vacant: Decimal::ZERO,
            renovating: Decimal::ZERO,
        }
    }
}

impl StateDiscounts {
    /// The discount for a state.
    pub fn of(&self, state: UnitState) -> Decimal {
        match state {
            UnitState::NotHandedOver => self.not_handed_over,
            UnitState::Occupied => self.occupied,
            UnitState::Vacant => self.vacant,
            UnitState::Renovating => self.renovating,
        }
    }
}

/// A rate 单价 of an item for some unit types, in effect `from..=to`.
///
/// Its meaning follows the item's formula: per m² per month (area), per month (fixed),
/// per unit of consumption (metered; or `tiers`), per use or hour (usage), per piece
/// (one-off). Rates may carry more decimals than money (up to 8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rate {
    /// The item's code.
    pub item: String,
    /// Unit types it applies to (empty: every unit type of the schedule).
    #[serde(default)]
    pub unit_types: Vec<String>,
    /// First day in effect.
    #[serde(deserialize_with = "crate::time::de_date")]
    pub from: NaiveDate,
    /// Last day in effect (absent: open-ended).
    #[serde(default, deserialize_with = "crate::time::de_date_opt")]
    pub to: Option<NaiveDate>,
    /// The price (absent when `tiers` are given).
    #[serde(default)]
    pub price: Option<Decimal>,
    /// Tiered prices 阶梯价 of a metered item, ascending; the last has no `up_to`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<Tier>,
}

/// One tier 阶梯: consumption up to `up_to` (cumulative, from the previous tier's bound) at
/// `price`. Water: `[{"up_to":"180","price":"5.00"},{"up_to":"260","price":"7.00"},
/// {"price":"9.00"}]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// Upper bound of the tier (absent for the last tier).
    #[serde(default)]
    pub up_to: Option<Decimal>,
    /// Price per unit of consumption in the tier.
    pub price: Decimal,
}

/// A prepayment discount 预交优惠: a bill whose period spans at least `min_months` whole
/// months takes `percent` off the listed periodic items. The largest applicable discount
/// applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PrepaymentDiscount {
    /// Whole months the period must span, e.g. 12.
    pub min_months: u32,
    /// Percent off, e.g. `"5"`.
    pub percent: Decimal,
    /// Item codes (empty: every periodic item).
    #[serde(default)]
    pub items: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every unit-only enum here reads back the names its `Serialize` writes.
    #[test]
    fn unit_enums_read_their_own_names() {
        crate::wire::assert_round_trip(AreaBasis::ALL);
        crate::wire::assert_round_trip(Applies::ALL);
        crate::wire::assert_round_trip(TierBounds::ALL);
        crate::wire::assert_round_trip(ShareBasis::ALL);
        crate::wire::assert_round_trip(UsagePer::ALL);
        crate::wire::assert_round_trip(RoundingPoint::ALL);
        crate::wire::assert_round_trip(Collection::ALL);
    }

    #[test]
    fn formula_json() {
        let f: Formula = serde_json::from_str(r#"{"kind":"area","basis":"inner"}"#).unwrap();
        assert_eq!(
            f,
            Formula::Area {
                basis: AreaBasis::Inner
            }
        );
        let f: Formula = serde_json::from_str(r#"{"kind":"one_off"}"#).unwrap();
        assert_eq!(f, Formula::OneOff { deposit: false });
        assert!(serde_json::from_str::<Formula>(r#"{"kind":"area","bases":"inner"}"#).is_err());
        assert!(serde_json::from_str::<Formula>(r#"{"kind":"volume"}"#).is_err());
    }

    #[test]
    fn state_discounts_default_to_no_fee_before_hand_over() {
        let d: StateDiscounts = serde_json::from_str(r#"{"vacant":"30"}"#).unwrap();
        assert_eq!(d.of(UnitState::NotHandedOver), Decimal::from_int(100));
        assert_eq!(d.of(UnitState::Vacant), Decimal::from_int(30));
        assert_eq!(d.of(UnitState::Occupied), Decimal::ZERO);
    }
}
