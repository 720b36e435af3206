//! Loading an estate 载入: every check on the schedule and the units, once, and their
//! indexed integer form.

use super::{
    day, pay_factor, pow10, CItem, CRate, CSub, CUnit, Estate, IdIndex, Kind, ABSENT,
    AREA_MAX_SCALE, FULL, RATE_MAX_SCALE,
};
use crate::fee::meter::{TierC, METER_SCALE};
use crate::fee::schedule::{Applies, Formula, Schedule};
use crate::fee::unit::{Unit, UnitState};
use crate::fee::{FeeError, Place};
use crate::money::Decimal;
use std::collections::BTreeMap;

impl Estate {
    /// Checks a schedule and its units and indexes them for billing runs. Refuses, naming
    /// the item, unit and field: unknown or duplicate codes, negative or over-precise
    /// amounts (areas 4 decimals, rates 8, percentages 2, readings 3), rates of one item
    /// and unit type that overlap, tiers out of order, subscriptions to items that are not
    /// for subscribers.
    pub fn load(schedule: Schedule, units: Vec<Unit>) -> Result<Estate, FeeError> {
        let mut type_ix: BTreeMap<&str, u16> = BTreeMap::new();
        for (k, t) in schedule.unit_types.iter().enumerate() {
            let at = || Place::field(format!("unit_types[{k}].code"));
            if t.code.is_empty() {
                return Err(FeeError::invalid(at(), "empty code"));
            }
            if type_ix.insert(&t.code, k as u16).is_some() {
                return Err(FeeError::Duplicate {
                    at: at(),
                    what: "unit type",
                    code: t.code.clone(),
                });
            }
        }
        let ntypes = schedule.unit_types.len();
        if ntypes == 0 || ntypes > usize::from(u16::MAX) {
            return Err(FeeError::invalid(
                Place::field("unit_types"),
                "a schedule needs at least one unit type",
            ));
        }
        if schedule.items.len() >= usize::from(u16::MAX) {
            return Err(FeeError::invalid(Place::field("items"), "too many items"));
        }
        let mut item_ix: BTreeMap<&str, u16> = BTreeMap::new();
        let mut items = Vec::with_capacity(schedule.items.len());
        for (k, it) in schedule.items.iter().enumerate() {
            let at = |f: &str| Place::field(format!("items[{k}].{f}")).item(&it.code);
            if it.code.is_empty() {
                return Err(FeeError::invalid(at("code"), "empty code"));
            }
            if item_ix.insert(&it.code, k as u16).is_some() {
                return Err(FeeError::Duplicate {
                    at: at("code"),
                    what: "item",
                    code: it.code.clone(),
                });
            }
            let kind = match &it.formula {
                Formula::Area { basis } => Kind::Area(*basis),
                Formula::Fixed { applies } => Kind::Fixed(*applies),
                Formula::Metered { tier_bounds } => Kind::Metered(*tier_bounds),
                Formula::Shared { basis } => Kind::Shared(*basis),
                Formula::Usage { .. } | Formula::OneOff { .. } => Kind::Usage,
                Formula::Parking { tariff } => {
                    tariff.validate(|f| at(&format!("formula.tariff.{f}")))?;
                    Kind::Parking
                }
            };
            let mut pay = [FULL; 4];
            for s in UnitState::ALL {
                pay[s.index()] = pay_factor(it.state_discounts.of(s), || {
                    at(&format!("state_discounts.{}", s.as_str()))
                })?;
            }
            let deposit = matches!(it.formula, Formula::OneOff { deposit: true });
            items.push(CItem {
                kind,
                price_scale: 0,
                pay,
                rounding: it.rounding,
                point: it.rounding_point,
                collection: it.collection.unwrap_or(schedule.billing.collection),
                due_days: it.due_days.unwrap_or(schedule.billing.due_days),
                late_fee: it.late_fee && !deposit,
            });
        }
        // Rates: check each, find each item's price scale, then index by item × type.
        let mut member: Vec<Vec<u16>> = Vec::with_capacity(schedule.rates.len());
        for (k, r) in schedule.rates.iter().enumerate() {
            let at = |f: &str| Place::field(format!("rates[{k}].{f}")).item(&r.item);
            let i = *item_ix
                .get(r.item.as_str())
                .ok_or_else(|| FeeError::Unknown {
                    at: at("item"),
                    what: "item",
                    code: r.item.clone(),
                })? as usize;
            let f = &schedule.items[i].formula;
            if !f.rated() {
                return Err(FeeError::WrongKind {
                    at: at("item"),
                    item: r.item.clone(),
                    actual: f.kind(),
                    expected: "an item with rates",
                });
            }
            if r.to.is_some_and(|to| to < r.from) {
                return Err(FeeError::invalid(at("to"), "ends before it starts"));
            }
            let mut prices: Vec<(Decimal, String)> = Vec::new();
            match (&r.price, r.tiers.is_empty()) {
                (Some(p), true) => prices.push((*p, "price".into())),
                (None, false) if matches!(f, Formula::Metered { .. }) => {
                    let n = r.tiers.len();
                    let mut last = Decimal::ZERO;
                    for (t, tier) in r.tiers.iter().enumerate() {
                        prices.push((tier.price, format!("tiers[{t}].price")));
                        let at_t = || at(&format!("tiers[{t}].up_to"));
                        match (tier.up_to, t + 1 == n) {
                            (None, true) => {}
                            (Some(_), true) => {
                                return Err(FeeError::invalid(
                                    at_t(),
                                    "the last tier has no upper bound",
                                ))
                            }
                            (None, false) => {
                                return Err(FeeError::invalid(
                                    at_t(),
                                    "only the last tier may be unbounded",
                                ))
                            }
                            (Some(b), false) => {
                                if b <= last || b.rescaled(METER_SCALE).is_none() {
                                    return Err(FeeError::invalid(
                                        at_t(),
                                        format!("{b}: bounds must ascend from above 0, with at most 3 decimals"),
                                    ));
                                }
                                last = b;
                            }
                        }
                    }
                }
                (None, false) => {
                    return Err(FeeError::invalid(
                        at("tiers"),
                        "only metered items have tiers",
                    ))
                }
                (Some(_), false) => {
                    return Err(FeeError::invalid(
                        at("tiers"),
                        "give a price or tiers, not both",
                    ))
                }
                (None, true) => return Err(FeeError::invalid(at("price"), "missing price")),
            }
            for (p, field) in &prices {
                if p.is_negative() || p.scale() > RATE_MAX_SCALE {
                    return Err(FeeError::invalid(
                        at(field),
                        format!(
                            "{p}: a rate is not negative and has at most {RATE_MAX_SCALE} decimals"
                        ),
                    ));
                }
                items[i].price_scale = items[i].price_scale.max(p.scale());
            }
            let types: Vec<u16> = if r.unit_types.is_empty() {
                (0..ntypes as u16).collect()
            } else {
                r.unit_types
                    .iter()
                    .enumerate()
                    .map(|(t, code)| {
                        type_ix
                            .get(code.as_str())
                            .copied()
                            .ok_or_else(|| FeeError::Unknown {
                                at: at(&format!("unit_types[{t}]")),
                                what: "unit type",
                                code: code.clone(),
                            })
                    })
                    .collect::<Result<_, _>>()?
            };
            member.push(types);
        }
        let mut grouped: Vec<Vec<u32>> = vec![Vec::new(); items.len() * ntypes];
        for (k, types) in member.iter().enumerate() {
            let i = item_ix[schedule.rates[k].item.as_str()] as usize;
            for &t in types {
                grouped[i * ntypes + usize::from(t)].push(k as u32);
            }
        }
        let mut rates = Vec::new();
        let mut tiers = Vec::new();
        let mut groups = Vec::with_capacity(grouped.len());
        for (g, mut ks) in grouped.into_iter().enumerate() {
            let (i, t) = (g / ntypes, g % ntypes);
            ks.sort_by_key(|&k| (schedule.rates[k as usize].from, k));
            for w in ks.windows(2) {
                let (a, b) = (
                    &schedule.rates[w[0] as usize],
                    &schedule.rates[w[1] as usize],
                );
                if a.to.map_or(true, |to| to >= b.from) {
                    let show = |r: &crate::fee::schedule::Rate| match r.to {
                        Some(to) => format!("{}..{}", r.from, to),
                        None => format!("{}..", r.from),
                    };
                    return Err(FeeError::OverlappingRates {
                        item: schedule.items[i].code.clone(),
                        unit_type: schedule.unit_types[t].code.clone(),
                        first: show(a),
                        second: show(b),
                    });
                }
            }
            let start = rates.len() as u32;
            let scale = items[i].price_scale;
            for &k in &ks {
                let r = &schedule.rates[k as usize];
                let up = |p: Decimal| p.rescaled(scale).unwrap_or_default();
                let t0 = tiers.len() as u32;
                for tier in &r.tiers {
                    tiers.push(TierC {
                        up_to: tier
                            .up_to
                            .and_then(|b| b.rescaled(METER_SCALE))
                            .unwrap_or(i128::MAX),
                        price: up(tier.price),
                    });
                }
                rates.push(CRate {
                    from: day(r.from),
                    to: r.to.map_or(i32::MAX, day),
                    price: r.price.map_or(0, up),
                    tiers: (t0, tiers.len() as u32 - t0),
                    src: k,
                });
            }
            groups.push((start, rates.len() as u32 - start));
        }
        for (k, d) in schedule.prepayment_discounts.iter().enumerate() {
            let at = |f: &str| Place::field(format!("prepayment_discounts[{k}].{f}"));
            if d.min_months == 0 {
                return Err(FeeError::invalid(at("min_months"), "must be at least 1"));
            }
            pay_factor(d.percent, || at("percent"))?;
            for (n, code) in d.items.iter().enumerate() {
                let i = item_ix
                    .get(code.as_str())
                    .ok_or_else(|| FeeError::Unknown {
                        at: at(&format!("items[{n}]")),
                        what: "item",
                        code: code.clone(),
                    })?;
                if !schedule.items[usize::from(*i)].formula.periodic() {
                    return Err(FeeError::WrongKind {
                        at: at(&format!("items[{n}]")),
                        item: code.clone(),
                        actual: schedule.items[usize::from(*i)].formula.kind(),
                        expected: "a periodic (area or fixed) item",
                    });
                }
            }
        }
        schedule.account.validate()?;

        // Units.
        let mut index = IdIndex::default();
        let mut area_scale = 0;
        let mut share_scale = 0;
        for (k, u) in units.iter().enumerate() {
            let at = |f: &str| Place::field(format!("units[{k}].{f}")).unit(&u.id);
            if u.id.is_empty() {
                return Err(FeeError::invalid(at("id"), "empty id"));
            }
            if index.insert(u.id.clone(), k as u32).is_some() {
                return Err(FeeError::Duplicate {
                    at: at("id"),
                    what: "unit",
                    code: u.id.clone(),
                });
            }
            for (name, v) in [
                ("building_area", Some(u.building_area)),
                ("inner_area", u.inner_area),
            ] {
                if let Some(v) = v {
                    if v.is_negative() || v.scale() > AREA_MAX_SCALE {
                        return Err(FeeError::invalid(
                            at(name),
                            format!("{v}: an area is not negative and has at most {AREA_MAX_SCALE} decimals"),
                        ));
                    }
                    area_scale = area_scale.max(v.scale());
                }
            }
            if let Some(s) = u.share {
                if s.is_negative() || s.scale() > RATE_MAX_SCALE {
                    return Err(FeeError::invalid(
                        at("share"),
                        format!("{s}: a share is not negative and has at most {RATE_MAX_SCALE} decimals"),
                    ));
                }
                share_scale = share_scale.max(s.scale());
            }
        }
        if units.len() >= u32::MAX as usize {
            return Err(FeeError::invalid(Place::field("units"), "too many units"));
        }
        let mut cunits = Vec::with_capacity(units.len());
        let mut states = Vec::new();
        let mut subs = Vec::new();
        for (k, u) in units.iter().enumerate() {
            let at = |f: &str| Place::field(format!("units[{k}].{f}")).unit(&u.id);
            let ty = *type_ix
                .get(u.unit_type.as_str())
                .ok_or_else(|| FeeError::Unknown {
                    at: at("unit_type"),
                    what: "unit type",
                    code: u.unit_type.clone(),
                })?;
            let s0 = states.len() as u32;
            for (n, c) in u.states.iter().enumerate() {
                if n > 0 && c.from <= u.states[n - 1].from {
                    return Err(FeeError::invalid(
                        at(&format!("states[{n}].from")),
                        "state changes must be in strictly ascending date order",
                    ));
                }
                states.push((day(c.from), c.state));
            }
            let b0 = subs.len() as u32;
            for (n, s) in u.subscriptions.iter().enumerate() {
                let at_s = |f: &str| at(&format!("subscriptions[{n}].{f}")).item(&s.item);
                let i = *item_ix
                    .get(s.item.as_str())
                    .ok_or_else(|| FeeError::Unknown {
                        at: at_s("item"),
                        what: "item",
                        code: s.item.clone(),
                    })?;
                if items[usize::from(i)].kind != Kind::Fixed(Applies::Subscribers) {
                    return Err(FeeError::WrongKind {
                        at: at_s("item"),
                        item: s.item.clone(),
                        actual: schedule.items[usize::from(i)].formula.kind(),
                        expected: "a fixed item for subscribers",
                    });
                }
                if s.quantity == 0 {
                    return Err(FeeError::invalid(at_s("quantity"), "must be at least 1"));
                }
                if let (Some(a), Some(b)) = (s.from, s.to) {
                    if b < a {
                        return Err(FeeError::invalid(at_s("to"), "ends before it starts"));
                    }
                }
                subs.push(CSub {
                    item: i,
                    qty: i128::from(s.quantity) * pow10(area_scale),
                    from: s.from.map_or(i32::MIN, day),
                    to: s.to.map_or(i32::MAX, day),
                    src: n as u32,
                });
            }
            let fit = |v: Option<Decimal>, scale: u32, field: &str| -> Result<i64, FeeError> {
                match v {
                    None => Ok(ABSENT),
                    Some(v) => v
                        .rescaled(scale)
                        .and_then(|m| i64::try_from(m).ok())
                        .ok_or_else(|| FeeError::Overflow { at: at(field) }),
                }
            };
            cunits.push(CUnit {
                ty,
                states: (s0, states.len() as u32 - s0),
                subs: (b0, subs.len() as u32 - b0),
                building: fit(Some(u.building_area), area_scale, "building_area")?,
                inner: fit(u.inner_area, area_scale, "inner_area")?,
                share: fit(u.share, share_scale, "share")?,
            });
        }
        let mut ids = String::new();
        let mut id_at = vec![0u32];
        for u in &units {
            ids.push_str(&u.id);
            id_at.push(u32::try_from(ids.len()).map_err(|_| {
                FeeError::invalid(Place::field("units"), "unit ids too long in total")
            })?);
        }
        Ok(Estate {
            schedule,
            units,
            index,
            ids,
            id_at,
            ntypes,
            area_scale,
            share_scale,
            items,
            rates,
            groups,
            tiers,
            cunits,
            states,
            subs,
        })
    }
}
