//! Units 房屋 as the fee engine sees them: type, areas, effective-dated state and
//! subscriptions to fixed items.
//!
//! A unit's state 房屋状态 changes on dates: `[{"from":"2026-09-16","state":"occupied"}]`
//! means not handed over 未交房 until 2026-09-15 and occupied from the 16th. A unit with no
//! state changes listed is occupied throughout (the common case needs no history); once any
//! change is listed, the days before the first one are "not handed over".

use crate::money::Decimal;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A unit 房屋 (flat, villa, shop, office).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// The host's unit code, e.g. `3-1-502`.
    pub id: String,
    /// Unit type code (one of the schedule's).
    pub unit_type: String,
    /// Building area 建筑面积 in m² (at most 4 decimals).
    pub building_area: Decimal,
    /// Inner area 套内面积 in m², needed by items charged on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inner_area: Option<Decimal>,
    /// Share 分摊系数 in shared costs apportioned by share.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<Decimal>,
    /// State changes, in date order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub states: Vec<StateChange>,
    /// Subscriptions to fixed items that apply to subscribers only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subscriptions: Vec<Subscription>,
}

/// The state of a unit 房屋状态, for fee purposes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum UnitState {
    /// Not yet handed over to the owner 未交房: by default no periodic fees.
    NotHandedOver,
    /// Occupied 已入住.
    Occupied,
    /// Vacant 空置: handed over but nobody lives there; often a discount.
    Vacant,
    /// Under renovation 装修中.
    Renovating,
}
crate::wire::unit_enum_deserialize!(UnitState {
    NotHandedOver = "not_handed_over",
    Occupied = "occupied",
    Vacant = "vacant",
    Renovating = "renovating",
});

impl UnitState {
    /// Position in [`UnitState::ALL`].
    pub const fn index(self) -> usize {
        match self {
            UnitState::NotHandedOver => 0,
            UnitState::Occupied => 1,
            UnitState::Vacant => 2,
            UnitState::Renovating => 3,
        }
    }

    /// Stable snake_case name.
    pub const fn as_str(self) -> &'static str {
        match self {
            UnitState::NotHandedOver => "not_handed_over",
            UnitState::Occupied => "occupied",
            UnitState::Vacant => "vacant",
            UnitState::Renovating => "renovating",
        }
    }

    /// Chinese name.
    pub const fn chinese(self) -> &'static str {
        match self {
            UnitState::NotHandedOver => "未交房",
            UnitState::Occupied => "已入住",
            UnitState::Vacant => "空置",
            UnitState::Renovating => "装修中",
        }
    }
}

/// A unit's state from a date on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StateChange {
    /// First day in the state.
    #[serde(deserialize_with = "crate::time::de_date")]
    pub from: NaiveDate,
    /// The state.
    pub state: UnitState,
}

/// A subscription to a fixed item 订购: a rented parking space, a clubhouse membership.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Subscription {
    /// The item's code.
    pub item: String,
    /// How many (parking spaces…), default 1.
    #[serde(default = "one")]
    pub quantity: u32,
    /// First day (absent: since ever).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::time::de_date_opt"
    )]
    pub from: Option<NaiveDate>,
    /// Last day (absent: open-ended).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::time::de_date_opt"
    )]
    pub to: Option<NaiveDate>,
    /// What it is, for the trace: `车位 B2-017`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn one() -> u32 {
    1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every unit-only enum here reads back the names its `Serialize` writes.
    #[test]
    fn unit_enums_read_their_own_names() {
        crate::wire::assert_round_trip(UnitState::ALL);
    }
}
