//! An estate's schedule and units loaded once into an indexed form 小区收费数据, and the
//! billing runs over it: [`Estate::bill`] (bills with traces, for some or every unit) and
//! [`Estate::bill_compact`] (every line of the estate as unit index, item index, amount).
//!
//! Both runs go through the same line computation, so a compact line and the traced line
//! of the same unit and item are always the same amount.
//!
//! # Layout
//! Loading checks everything once and turns it into integers: unit types and items become
//! indices, areas a mantissa at the estate's common scale, rates a mantissa at their item's
//! scale, dates day numbers, each unit's state history and subscriptions slices of two flat
//! pools. A run first makes a plan: for each periodic item × unit type the rate pieces of
//! the period, already cut at month ends, with each month's weight; the prepayment factor
//! and due date of each item. A line is then a few integer multiplications per piece and one
//! division per rounding, with no allocation.
//!
//! # Exactness
//! A periodic line is `Σ quantity × rate × days ÷ month_days × pay%` over its pieces, where
//! `pay%` is 100% minus the unit-state discount. Every piece is scaled to the least common
//! multiple of the period's month lengths, so the sum is an exact integer over one
//! denominator; the rounding rule applies per month or once per line, as the item says.
//!
//! # Names
//! The module doc of [`crate::fee`] maps each billing rule to the function here that applies
//! it. The loaded, integer forms carry a `C`: `CItem` a fee item, `CRate` an effective-dated
//! rate, `CUnit` a unit, `CSub` a subscription, `CMonth` a month of the period, `CPiece` a
//! rate piece (one rate within one month of the period), `CReading` a reading reduced to its
//! consumption, and `TierC` (in `meter`) a tier. A `Plan` is what a run resolves once per
//! period (pieces, month weights, prepayment factors, due dates); a `Run` is the plan with
//! the inputs indexed by unit (`ByUnit`) and the shared costs apportioned (`SharedRun`).
//! In the arithmetic: `pay` is a pay factor (10000 = pay 100%, i.e. 100% minus a discount,
//! two decimals), `w` a month's weight (the lcm of the period's month lengths ÷ the month's
//! days), `den` the denominator that turns an accumulated numerator into fen, `coef` the
//! per-state sums of a whole-period group, `q` a quantity (area mantissa, count or
//! thousandths); `u`, `i`, `ty` index a unit, an item and a unit type.

use crate::fee::bill::{Bill, BillInputs, CompactLine};
use crate::fee::meter::{
    split_tiers, ColumnUnit, Measured, ReadingColumns, ReadingRef, TierC, METER_SCALE,
};
use crate::fee::period::{months_of, Period};
use crate::fee::schedule::{
    Applies, AreaBasis, Collection, Formula, RoundingPoint, Schedule, ShareBasis, TierBounds,
};
use crate::fee::unit::{Unit, UnitState};
use crate::fee::{FeeError, Place};
use crate::money::{
    apportion_in_place, div_round, mul_i128, Decimal, Money, Rounding, RoundingRule,
};
use chrono::{Datelike, NaiveDate};
use std::cmp::Ordering;
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// Most decimals of an area 面积.
pub const AREA_MAX_SCALE: u32 = 4;
/// Most decimals of a rate 单价.
pub const RATE_MAX_SCALE: u32 = 8;
/// Most decimals of a percentage (discounts).
pub const PERCENT_MAX_SCALE: u32 = 2;
/// The longest period billed in one run: 100 years.
pub const MAX_PERIOD_DAYS: i64 = 36_525;
/// 100% in pay-factor units (percent with two decimals).
const FULL: i128 = 10_000;

/// A unit-id index with a fixed (key-less) hasher: deterministic, no randomness.
type IdIndex = HashMap<String, u32, BuildHasherDefault<DefaultHasher>>;

/// How an item bills: its formula reduced to what the kernel branches on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Area(AreaBasis),
    Fixed(Applies),
    Metered(TierBounds),
    Shared(ShareBasis),
    Usage,
    Parking,
}

/// A fee item, loaded: kind, pay factors, rounding and due-date rule.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CItem {
    kind: Kind,
    price_scale: u32,
    /// Pay factor per unit state (10000 = 100%).
    pay: [i128; 4],
    rounding: RoundingRule,
    point: RoundingPoint,
    collection: Collection,
    due_days: u32,
    late_fee: bool,
}

/// An effective-dated rate, loaded: days `from..=to`, price mantissa, its tiers' range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CRate {
    from: i32,
    to: i32,
    price: i128,
    tiers: (u32, u32),
    /// Index in the schedule's rates.
    src: u32,
}

/// A unit as the runs read it: 40 bytes, so that a pass over 100k units stays in cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CUnit {
    ty: u16,
    states: (u32, u32),
    subs: (u32, u32),
    building: i64,
    /// [`ABSENT`] when not given.
    inner: i64,
    /// [`ABSENT`] when not given.
    share: i64,
}

/// An absent inner area or share.
const ABSENT: i64 = -1;

impl CUnit {
    fn building(&self) -> i128 {
        i128::from(self.building)
    }
    fn inner(&self) -> Option<i128> {
        (self.inner != ABSENT).then_some(i128::from(self.inner))
    }
    fn share(&self) -> Option<i128> {
        (self.share != ABSENT).then_some(i128::from(self.share))
    }
}

/// A subscription, loaded: item index, quantity, days `from..=to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CSub {
    item: u16,
    qty: i128,
    from: i32,
    to: i32,
    /// Index in the unit's subscriptions.
    src: u32,
}

/// An estate's schedule and units, checked and indexed for billing runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Estate {
    schedule: Schedule,
    units: Vec<Unit>,
    index: IdIndex,
    /// Every unit id, one after another (`ids[id_at[u]..id_at[u + 1]]`), read in order when
    /// matching inputs that come in unit order.
    ids: String,
    id_at: Vec<u32>,
    ntypes: usize,
    area_scale: u32,
    share_scale: u32,
    items: Vec<CItem>,
    rates: Vec<CRate>,
    /// `[item × ntypes + type]` → range in `rates`, sorted by `from`.
    groups: Vec<(u32, u32)>,
    tiers: Vec<TierC>,
    cunits: Vec<CUnit>,
    states: Vec<(i32, UnitState)>,
    subs: Vec<CSub>,
}

fn day(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

fn date(n: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(n).unwrap_or(NaiveDate::MIN)
}

fn pow10(n: u32) -> i128 {
    10i128.pow(n)
}

fn gcd(a: i128, b: i128) -> i128 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// A percentage 0–100 with at most two decimals, as a pay factor (10000 − percent × 100).
fn pay_factor(p: Decimal, at: impl FnOnce() -> Place) -> Result<i128, FeeError> {
    let m = p
        .rescaled(PERCENT_MAX_SCALE)
        .filter(|m| (0..=FULL).contains(m))
        .ok_or_else(|| {
            FeeError::invalid(
                at(),
                format!("{p} is not a percentage from 0 to 100 with at most 2 decimals"),
            )
        })?;
    Ok(FULL - m)
}

/// `n / d` rounded by `mode`, in 64-bit arithmetic when both fit (the common case).
#[inline(always)]
fn div_round_fast(n: i128, d: i128, mode: Rounding) -> i128 {
    if let (Ok(n), Ok(d)) = (i64::try_from(n), i64::try_from(d)) {
        if d > 0 {
            let q = n / d;
            let r = n % d;
            if r == 0 {
                return i128::from(q);
            }
            let away = if n < 0 { q - 1 } else { q + 1 };
            let out = match mode {
                Rounding::Down => q,
                Rounding::Up => away,
                Rounding::HalfUp | Rounding::HalfEven => {
                    // |r| < d ≤ i64::MAX, so 2|r| fits in a u64.
                    let twice = r.unsigned_abs() * 2;
                    match twice.cmp(&d.unsigned_abs()) {
                        Ordering::Less => q,
                        Ordering::Greater => away,
                        Ordering::Equal => {
                            if mode == Rounding::HalfUp || q % 2 != 0 {
                                away
                            } else {
                                q
                            }
                        }
                    }
                }
            };
            return i128::from(out);
        }
    }
    div_round(n, d, mode)
}

/// String equality inlined for short codes (unit ids, item codes): no library call.
#[inline]
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

/// A value `m / 10^scale` as a decimal without trailing zeros.
fn dec(m: i128, scale: u32) -> Decimal {
    Decimal::new(m, scale).unwrap_or_default().trimmed()
}

/// A month of the period (first and last day numbers), with its weight `w`.
#[derive(Debug, Clone)]
struct CMonth {
    first: i32,
    last: i32,
    days: i128,
    /// lcm ÷ days.
    w: i128,
    label: String,
}

/// A rate piece: one rate over days `from..=to` within one month of the period.
#[derive(Debug, Clone, Copy)]
struct CPiece {
    from: i32,
    to: i32,
    month: u32,
    price: i128,
    src: u32,
}

/// What a priced line needs: the day whose rate applies, the quantity in thousandths, the
/// year-to-date consumption before it, and the input it came from (for errors).
#[derive(Debug, Clone, Copy)]
struct Priced {
    on: i32,
    qty: i128,
    prior: Option<i128>,
    field: (&'static str, u32),
}

/// A run's plan: the rates of the period resolved per item × unit type, once.
#[derive(Debug, Clone)]
struct Plan {
    period: Period,
    from: i32,
    to: i32,
    months: Vec<CMonth>,
    pieces: Vec<CPiece>,
    /// `[item × ntypes + type]` → range in `pieces` (periodic items only).
    pgroups: Vec<(u32, u32)>,
    /// Prepayment pay factor per item (10000 = no discount) and its percentage.
    prepay: Vec<(i128, Option<Decimal>)>,
    due: Vec<NaiveDate>,
    /// Per periodic item: the denominator turning an accumulated numerator into fen.
    den: Vec<i128>,
    /// `[item × ntypes + type]` → the group's coefficients, if its pieces cover the whole
    /// period: per unit state, per month Σ price × days × w × pay over the month's pieces,
    /// then (last) the sum over the months.
    coef: Vec<Option<(u32, u32)>>,
    coefs: Vec<[i128; 4]>,
}

/// Units' positions of one kind of input, grouped by unit (a stable counting sort; no
/// sort at all when the inputs already come in unit order).
#[derive(Debug, Clone, Default)]
struct ByUnit {
    /// `start[u]..start[u + 1]` are unit `u`'s positions in `order` (empty: no inputs).
    start: Vec<u32>,
    /// Input indices grouped by unit (empty when the inputs are in unit order).
    order: Vec<u32>,
}

impl ByUnit {
    fn new(units: usize, keys: &[u32]) -> ByUnit {
        if keys.is_empty() {
            return ByUnit::default();
        }
        // Counts at k + 2, prefix sums, then `start[k + 1]` is k's cursor; after placing,
        // `start[k]` is where k begins.
        let mut start = vec![0u32; units + 2];
        for &k in keys {
            start[k as usize + 2] += 1;
        }
        for u in 2..start.len() {
            start[u] += start[u - 1];
        }
        let sorted = keys.windows(2).all(|w| w[0] <= w[1]);
        let mut order = Vec::new();
        if sorted {
            for &k in keys {
                start[k as usize + 1] += 1;
            }
        } else {
            order = vec![0u32; keys.len()];
            for (j, &k) in keys.iter().enumerate() {
                let c = &mut start[k as usize + 1];
                order[*c as usize] = j as u32;
                *c += 1;
            }
        }
        start.pop();
        ByUnit { start, order }
    }

    /// Unit `u`'s input indices.
    fn of(&self, u: usize) -> impl Iterator<Item = u32> + '_ {
        let (a, b) = match (self.start.get(u), self.start.get(u + 1)) {
            (Some(&a), Some(&b)) => (a, b),
            _ => (0, 0),
        };
        (a..b).map(move |p| {
            if self.order.is_empty() {
                p
            } else {
                self.order[p as usize]
            }
        })
    }
}

/// A shared cost of a run, apportioned: each unit's part.
#[derive(Debug, Clone)]
struct SharedRun {
    item: u16,
    /// Each unit's part in fen, [`NOT_SHARING`] for units outside the cost.
    parts: Vec<i64>,
    weight_sum: i128,
    weight_scale: u32,
    members: usize,
}

/// Marks a unit outside a shared cost.
const NOT_SHARING: i64 = i64::MIN;

/// A run: the plan and the inputs indexed by unit.
struct Run<'a> {
    plan: Plan,
    inputs: &'a BillInputs,
    readings: ByUnit,
    /// The readings, checked and reduced to what pricing needs.
    reading_c: Vec<CReading>,
    usage: ByUnit,
    usage_item: Vec<u16>,
    parking: ByUnit,
    parking_item: Vec<u16>,
    shared: Vec<SharedRun>,
}

/// A reading reduced to what pricing needs (consumption already computed).
#[derive(Debug, Clone, Copy)]
struct CReading {
    item: u16,
    measured: Measured,
    on: i32,
    qty: i128,
    prior: Option<i128>,
}

/// Where a line came from.
#[derive(Debug, Clone, Copy)]
enum Source {
    Periodic {
        q: i128,
        sub: Option<u32>,
    },
    Reading {
        j: u32,
        qty: i128,
        measured: Measured,
        prior: i128,
    },
    Usage {
        j: u32,
        qty: i128,
    },
    Parking {
        j: u32,
    },
    Shared {
        s: u32,
    },
}

/// What a line computation reports as it goes: nothing for compact runs, everything for
/// traces.
trait Recorder {
    /// Whether it records (a compact run may then take the per-run coefficients).
    const TRACE: bool = false;
    fn clear(&mut self) {}
    fn segment(
        &mut self,
        _from: i32,
        _to: i32,
        _month: u32,
        _src: u32,
        _state: UnitState,
        _num: i128,
    ) {
    }
    fn rounded(&mut self, _month: Option<u32>, _num: i128, _den: i128, _amount: Money) {}
    fn rate(&mut self, _src: u32) {}
    fn tier(&mut self, _k: usize, _lo: i128, _hi: i128, _portion: i128) {}
}

/// Records nothing (compact runs).
struct NoTrace;
impl Recorder for NoTrace {}

#[derive(Default)]
struct Rec {
    segs: Vec<(i32, i32, u32, u32, UnitState, i128)>,
    rounds: Vec<(Option<u32>, i128, i128, Money)>,
    rate: Option<u32>,
    tiers: Vec<(usize, i128, i128, i128)>,
}

impl Recorder for Rec {
    const TRACE: bool = true;
    fn clear(&mut self) {
        self.segs.clear();
        self.rounds.clear();
        self.rate = None;
        self.tiers.clear();
    }
    fn segment(&mut self, from: i32, to: i32, month: u32, src: u32, state: UnitState, num: i128) {
        self.segs.push((from, to, month, src, state, num));
    }
    fn rounded(&mut self, month: Option<u32>, num: i128, den: i128, amount: Money) {
        self.rounds.push((month, num, den, amount));
    }
    fn rate(&mut self, src: u32) {
        self.rate = Some(src);
    }
    fn tier(&mut self, k: usize, lo: i128, hi: i128, portion: i128) {
        self.tiers.push((k, lo, hi, portion));
    }
}

impl Estate {
    /// The schedule.
    pub fn schedule(&self) -> &Schedule {
        &self.schedule
    }

    /// The units, in load order (their index is a compact line's `unit`).
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// A unit's index.
    pub fn unit_index(&self, id: &str) -> Option<usize> {
        self.index.get(id).map(|&u| u as usize)
    }

    /// An item's index (its place in the schedule; a compact line's `item`).
    pub fn item_index(&self, code: &str) -> Option<usize> {
        self.schedule.items.iter().position(|i| i.code == code)
    }

    fn item_code(&self, i: usize) -> &str {
        &self.schedule.items[i].code
    }

    fn place(&self, u: usize, i: usize, field: &str) -> Place {
        Place::field(field)
            .unit(&self.units[u].id)
            .item(self.item_code(i))
    }

    fn not_covered(&self, u: usize, i: usize, d: i32) -> FeeError {
        FeeError::RateNotCovered {
            unit: self.units[u].id.clone(),
            item: self.item_code(i).to_owned(),
            unit_type: self.units[u].unit_type.clone(),
            date: date(d),
        }
    }

    fn group(&self, i: usize, ty: u16) -> &[CRate] {
        let (a, n) = self.groups[i * self.ntypes + usize::from(ty)];
        &self.rates[a as usize..(a + n) as usize]
    }

    fn rate_at(&self, i: usize, ty: u16, d: i32) -> Option<&CRate> {
        self.group(i, ty).iter().find(|r| r.from <= d && d <= r.to)
    }

    /// The state of a unit on a day.
    fn state_on(&self, u: usize, d: i32) -> UnitState {
        let (a, n) = self.cunits[u].states;
        let st = &self.states[a as usize..(a + n) as usize];
        if st.is_empty() {
            return UnitState::Occupied;
        }
        match st.partition_point(|s| s.0 <= d) {
            0 => UnitState::NotHandedOver,
            k => st[k - 1].1,
        }
    }

    fn plan(&self, period: Period) -> Result<Plan, FeeError> {
        let range = period.range().ok_or_else(|| {
            FeeError::invalid(Place::field("period"), format!("{period} is out of range"))
        })?;
        if range.days() > MAX_PERIOD_DAYS {
            return Err(FeeError::invalid(
                Place::field("period"),
                format!("{period} is longer than {MAX_PERIOD_DAYS} days (100 years)"),
            ));
        }
        let (from, to) = (day(range.from), day(range.to));
        let mut lcm: i128 = 1;
        let months: Vec<CMonth> = months_of(range)
            .map(|m| {
                let days = i128::from(m.days());
                lcm = lcm / gcd(lcm, days) * days;
                CMonth {
                    first: day(m.first),
                    last: day(m.last),
                    days,
                    w: 0,
                    label: format!("{:04}-{:02}", m.year, m.month),
                }
            })
            .collect();
        let months: Vec<CMonth> = months
            .into_iter()
            .map(|m| CMonth {
                w: lcm / m.days,
                ..m
            })
            .collect();
        let mut pieces = Vec::new();
        let mut pgroups = vec![(0u32, 0u32); self.items.len() * self.ntypes];
        for (i, it) in self.items.iter().enumerate() {
            if !matches!(it.kind, Kind::Area(_) | Kind::Fixed(_)) {
                continue;
            }
            for t in 0..self.ntypes {
                let start = pieces.len() as u32;
                let group = self.group(i, t as u16);
                for (mi, m) in months.iter().enumerate() {
                    for r in group {
                        let a = r.from.max(m.first).max(from);
                        let b = r.to.min(m.last).min(to);
                        if a <= b {
                            pieces.push(CPiece {
                                from: a,
                                to: b,
                                month: mi as u32,
                                price: r.price,
                                src: r.src,
                            });
                        }
                    }
                }
                pgroups[i * self.ntypes + t] = (start, pieces.len() as u32 - start);
            }
        }
        // Coefficients of the groups that cover the whole period without a gap.
        let mut coef = vec![None; self.items.len() * self.ntypes];
        let mut coefs = Vec::new();
        for (g, &(a, n)) in pgroups.iter().enumerate() {
            let ps = &pieces[a as usize..(a + n) as usize];
            let mut next = from;
            let mut gap = ps.is_empty();
            for p in ps {
                gap |= p.from != next;
                next = p.to + 1;
            }
            if gap || next != to + 1 {
                continue;
            }
            let pay = self.items[g / self.ntypes].pay;
            let start = coefs.len() as u32;
            let mut total = [0i128; 4];
            let mut fits = true;
            for (mi, m) in months.iter().enumerate() {
                let mut k = [0i128; 4];
                for p in ps.iter().filter(|p| p.month as usize == mi) {
                    let base = p
                        .price
                        .checked_mul(i128::from(p.to - p.from + 1))
                        .and_then(|v| v.checked_mul(m.w));
                    for st in 0..4 {
                        match base
                            .and_then(|b| b.checked_mul(pay[st]))
                            .and_then(|v| v.checked_add(k[st]))
                        {
                            Some(v) => k[st] = v,
                            None => fits = false,
                        }
                    }
                }
                for st in 0..4 {
                    match total[st].checked_add(k[st]) {
                        Some(v) => total[st] = v,
                        None => fits = false,
                    }
                }
                coefs.push(k);
            }
            coefs.push(total);
            if fits {
                coef[g] = Some((start, coefs.len() as u32 - start));
            } else {
                coefs.truncate(start as usize);
            }
        }
        let whole = period.whole_months();
        let mut prepay = Vec::with_capacity(self.items.len());
        let mut due = Vec::with_capacity(self.items.len());
        let mut den = Vec::with_capacity(self.items.len());
        for (i, it) in self.items.iter().enumerate() {
            let code = self.item_code(i);
            let best = self
                .schedule
                .prepayment_discounts
                .iter()
                .filter(|d| {
                    matches!(it.kind, Kind::Area(_) | Kind::Fixed(_))
                        && d.min_months <= whole
                        && (d.items.is_empty() || d.items.iter().any(|c| c == code))
                })
                .map(|d| d.percent)
                .max();
            prepay.push(match best {
                Some(p) if !p.is_zero() => (
                    pay_factor(p, || Place::field("prepayment_discounts"))?,
                    Some(p),
                ),
                _ => (FULL, None),
            });
            let base = match it.collection {
                Collection::Prepaid => range.from,
                Collection::Postpaid => range.to,
            };
            due.push(
                base.checked_add_days(chrono::Days::new(u64::from(it.due_days)))
                    .unwrap_or(base),
            );
            den.push(
                pow10(self.area_scale + it.price_scale + 6)
                    .checked_mul(lcm)
                    .ok_or_else(|| FeeError::Overflow {
                        at: Place::field("period").item(code),
                    })?,
            );
        }
        Ok(Plan {
            period,
            from,
            to,
            months,
            pieces,
            pgroups,
            prepay,
            due,
            den,
            coef,
            coefs,
        })
    }

    fn pieces<'p>(&self, plan: &'p Plan, i: usize, ty: u16) -> &'p [CPiece] {
        let (a, n) = plan.pgroups[i * self.ntypes + usize::from(ty)];
        &plan.pieces[a as usize..(a + n) as usize]
    }

    fn to_money(&self, u: usize, i: usize, fen: i128) -> Result<Money, FeeError> {
        i64::try_from(fen)
            .map(Money::from_fen)
            .map_err(|_| FeeError::Overflow {
                at: self.place(u, i, "amount"),
            })
    }

    /// The unit's state if it is the same on every day of `win`.
    #[inline]
    fn steady_state(states: &[(i32, UnitState)], win: (i32, i32)) -> Option<UnitState> {
        if states.is_empty() {
            return Some(UnitState::Occupied);
        }
        let k = states.partition_point(|s| s.0 <= win.0);
        if k < states.len() && states[k].0 <= win.1 {
            return None;
        }
        Some(if k == 0 {
            UnitState::NotHandedOver
        } else {
            states[k - 1].1
        })
    }

    /// A periodic line: Σ q × rate × days × w × pay over the pieces in `win`, rounded per
    /// month or per line. A compact run takes the plan's coefficients when the unit's state
    /// holds all period (the same integer sum, in one multiplication).
    #[inline]
    fn periodic<R: Recorder>(
        &self,
        plan: &Plan,
        u: usize,
        i: usize,
        q: i128,
        win: (i32, i32),
        rec: &mut R,
    ) -> Result<Money, FeeError> {
        let cu = &self.cunits[u];
        let it = &self.items[i];
        let (sa, sn) = cu.states;
        let states = &self.states[sa as usize..(sa + sn) as usize];
        let overflow = || FeeError::Overflow {
            at: self.place(u, i, "amount"),
        };
        let (pre, _) = plan.prepay[i];
        let den = plan.den[i];
        let unit = i128::from(it.rounding.unit.fen());
        let mode = it.rounding.mode;
        let per_month = it.point == RoundingPoint::PerMonth;
        if !R::TRACE && win == (plan.from, plan.to) {
            if let Some(st) = Self::steady_state(states, win) {
                if let Some((a, n)) = plan.coef[i * self.ntypes + usize::from(cu.ty)] {
                    let ks = &plan.coefs[a as usize..(a + n) as usize];
                    let d = mul_i128(den, unit).ok_or_else(overflow)?;
                    let round = |k: &[i128; 4]| -> Result<i128, FeeError> {
                        let num = mul_i128(q, k[st.index()])
                            .and_then(|v| mul_i128(v, pre))
                            .ok_or_else(overflow)?;
                        Ok(div_round_fast(num, d, mode) * unit)
                    };
                    // One month: its coefficient is also the total.
                    let fen = if per_month && ks.len() > 2 {
                        let mut fen = 0i128;
                        for k in &ks[..ks.len() - 1] {
                            fen += round(k)?;
                        }
                        fen
                    } else {
                        round(&ks[ks.len() - 1])?
                    };
                    return self.to_money(u, i, fen);
                }
            }
        }
        let mut expect = win.0;
        let mut month = u32::MAX;
        let mut acc: i128 = 0;
        let mut total: i128 = 0;
        let mut fen: i128 = 0;
        let flush = |month: u32, acc: i128, rec: &mut R| -> Result<i128, FeeError> {
            let num = mul_i128(acc, pre).ok_or_else(overflow)?;
            let d = mul_i128(den, unit).ok_or_else(overflow)?;
            let f = div_round_fast(num, d, mode) * unit;
            rec.rounded(Some(month), num, den * 100, self.to_money(u, i, f)?);
            Ok(f)
        };
        for p in self.pieces(plan, i, cu.ty) {
            let a = p.from.max(win.0);
            let b = p.to.min(win.1);
            if a > b {
                continue;
            }
            if a > expect {
                return Err(self.not_covered(u, i, expect));
            }
            expect = b + 1;
            if p.month != month {
                if month != u32::MAX {
                    total = total.checked_add(acc).ok_or_else(overflow)?;
                    if per_month {
                        fen += flush(month, acc, rec)?;
                    }
                    acc = 0;
                }
                month = p.month;
            }
            let base = mul_i128(q, p.price)
                .and_then(|v| mul_i128(v, plan.months[p.month as usize].w))
                .ok_or_else(overflow)?;
            // Runs of one state within [a, b].
            let mut run =
                |from: i32, to: i32, st: UnitState, acc: &mut i128| -> Result<(), FeeError> {
                    let days = i128::from(to - from + 1);
                    let num = mul_i128(base, days)
                        .and_then(|v| mul_i128(v, it.pay[st.index()]))
                        .ok_or_else(overflow)?;
                    *acc = acc.checked_add(num).ok_or_else(overflow)?;
                    rec.segment(from, to, p.month, p.src, st, num);
                    Ok(())
                };
            if states.is_empty() {
                run(a, b, UnitState::Occupied, &mut acc)?;
            } else {
                let mut k = states.partition_point(|s| s.0 <= a);
                let mut st = if k == 0 {
                    UnitState::NotHandedOver
                } else {
                    states[k - 1].1
                };
                let mut start = a;
                loop {
                    let end = match states.get(k) {
                        Some(&(d, _)) if d <= b => d - 1,
                        _ => b,
                    };
                    run(start, end, st, &mut acc)?;
                    if end >= b {
                        break;
                    }
                    start = states[k].0;
                    st = states[k].1;
                    k += 1;
                }
            }
        }
        if expect <= win.1 {
            return Err(self.not_covered(u, i, expect));
        }
        if month != u32::MAX {
            total = total.checked_add(acc).ok_or_else(overflow)?;
            if per_month {
                fen += flush(month, acc, rec)?;
            }
        }
        if !per_month {
            let num = mul_i128(total, pre).ok_or_else(overflow)?;
            let d = mul_i128(den, unit).ok_or_else(overflow)?;
            fen = div_round_fast(num, d, mode) * unit;
            rec.rounded(None, num, den * 100, self.to_money(u, i, fen)?);
        }
        self.to_money(u, i, fen)
    }

    /// A priced line: quantity (thousandths) × the rate in effect on `on`, tiered for
    /// metered items with tiers.
    fn priced<R: Recorder>(
        &self,
        u: usize,
        i: usize,
        q: Priced,
        rec: &mut R,
    ) -> Result<Money, FeeError> {
        let Priced {
            on,
            qty,
            prior,
            field,
        } = q;
        let it = &self.items[i];
        let rate = self
            .rate_at(i, self.cunits[u].ty, on)
            .ok_or_else(|| self.not_covered(u, i, on))?;
        rec.rate(rate.src);
        let overflow = || FeeError::Overflow {
            at: self.place(u, i, "amount"),
        };
        let (t0, tn) = rate.tiers;
        let tiers = &self.tiers[t0 as usize..(t0 + tn) as usize];
        let annual = !tiers.is_empty() && matches!(it.kind, Kind::Metered(TierBounds::Annual));
        if prior.is_some() && !annual {
            // A year-to-date figure here would be ignored: refuse it rather than bill as
            // if it had been used (the host has likely mixed up its items or rates).
            return Err(FeeError::invalid(
                self.place(u, i, &format!("{}[{}].year_to_date", field.0, field.1)),
                "only for items whose tiers have annual bounds",
            ));
        }
        let num = if tiers.is_empty() {
            mul_i128(qty, rate.price).ok_or_else(overflow)?
        } else {
            let prior = match it.kind {
                Kind::Metered(TierBounds::Annual) => prior.ok_or_else(|| {
                    FeeError::invalid(
                        self.place(u, i, &format!("{}[{}].year_to_date", field.0, field.1)),
                        "required: the item's tiers have annual bounds",
                    )
                })?,
                _ => 0,
            };
            split_tiers(prior, qty, tiers, |k, lo, hi, p| rec.tier(k, lo, hi, p))
                .ok_or_else(overflow)?
        };
        // fen = num × 100 ÷ 10^(3 + price scale).
        let den = pow10(1 + it.price_scale);
        let unit = i128::from(it.rounding.unit.fen());
        let fen = div_round_fast(num, den * unit, it.rounding.mode) * unit;
        let amount = self.to_money(u, i, fen)?;
        rec.rounded(None, num, den * 100, amount);
        Ok(amount)
    }

    /// Indexes a run's inputs by unit and apportions its shared costs.
    fn index<'a>(
        &'a self,
        plan: Plan,
        inputs: &'a BillInputs,
        columns: Option<&'a ReadingColumns>,
    ) -> Result<Run<'a>, FeeError> {
        let n = self.units.len();
        // Inputs mostly come in unit order: try the unit after the last one found before
        // hashing.
        let guess = std::cell::Cell::new(0usize);
        let unit_of = |id: &str, at: &dyn Fn() -> Place| {
            let g = guess.get();
            let at_g = self.id_at.get(g).zip(self.id_at.get(g + 1));
            let u = match at_g.map(|(&a, &b)| &self.ids[a as usize..b as usize]) {
                Some(known) if same(known, id) => g as u32,
                _ => self
                    .index
                    .get(id)
                    .copied()
                    .ok_or_else(|| FeeError::Unknown {
                        at: at(),
                        what: "unit",
                        code: id.to_owned(),
                    })?,
            };
            guess.set(u as usize + 1);
            Ok(u)
        };
        // The last item looked up, to skip the search for runs of one item.
        let mut last: Option<(&str, u16)> = None;
        let mut item_of = |code: &'a str,
                           at: &dyn Fn() -> Place,
                           ok: fn(Kind) -> bool,
                           expected: &'static str| {
            if let Some((c, i)) = last {
                if same(c, code) {
                    return Ok(i);
                }
            }
            let i = self.item_index(code).ok_or_else(|| FeeError::Unknown {
                at: at(),
                what: "item",
                code: code.to_owned(),
            })?;
            if !ok(self.items[i].kind) {
                return Err(FeeError::WrongKind {
                    at: at(),
                    item: code.to_owned(),
                    actual: self.schedule.items[i].formula.kind(),
                    expected,
                });
            }
            last = Some((code, i as u16));
            Ok(i as u16)
        };
        let n_readings = inputs.readings.len() + columns.map_or(0, ReadingColumns::len);
        let mut keys = Vec::with_capacity(n_readings);
        let mut reading_c = Vec::with_capacity(n_readings);
        let mut reading = |j: usize, u: u32, r: ReadingRef<'a>| -> Result<(), FeeError> {
            let at = |f: &str| {
                Place::field(format!("readings[{j}].{f}"))
                    .unit(r.unit)
                    .item(r.item)
            };
            let item = item_of(
                r.item,
                &|| at("item"),
                |k| matches!(k, Kind::Metered(_)),
                "metered",
            )?;
            let (qty, measured) = r.consumption(j)?;
            keys.push(u);
            reading_c.push(CReading {
                item,
                measured,
                on: day(r.date),
                qty,
                prior: r.prior(j)?,
            });
            Ok(())
        };
        for (j, r) in inputs.readings.iter().enumerate() {
            let u = unit_of(&r.unit, &|| {
                Place::field(format!("readings[{j}].unit"))
                    .unit(&r.unit)
                    .item(&r.item)
            })?;
            reading(j, u, r.as_ref())?;
        }
        if let Some(cols) = columns {
            let base = inputs.readings.len();
            for k in 0..cols.len() {
                let j = base + k;
                let u = match cols.unit(k) {
                    ColumnUnit::Index(u) if (u as usize) < n => u,
                    ColumnUnit::Index(u) => {
                        return Err(FeeError::Unknown {
                            at: Place::field(format!("readings[{j}].unit"))
                                .item(cols.reading(k, "").item),
                            what: "unit index",
                            code: u.to_string(),
                        })
                    }
                    ColumnUnit::Id(id) => unit_of(id, &|| {
                        Place::field(format!("readings[{j}].unit"))
                            .unit(id)
                            .item(cols.reading(k, id).item)
                    })?,
                };
                reading(j, u, cols.reading(k, &self.units[u as usize].id))?;
            }
        }
        let readings = ByUnit::new(n, &keys);
        keys.clear();
        let mut usage_item = Vec::with_capacity(inputs.usage.len());
        for (j, r) in inputs.usage.iter().enumerate() {
            let at = |f: &str| {
                Place::field(format!("usage[{j}].{f}"))
                    .unit(&r.unit)
                    .item(&r.item)
            };
            keys.push(unit_of(&r.unit, &|| at("unit"))?);
            usage_item.push(item_of(
                &r.item,
                &|| at("item"),
                |k| k == Kind::Usage,
                "usage or one-off",
            )?);
        }
        let usage = ByUnit::new(n, &keys);
        keys.clear();
        let mut parking_item = Vec::with_capacity(inputs.parking.len());
        for (j, r) in inputs.parking.iter().enumerate() {
            let at = |f: &str| {
                Place::field(format!("parking[{j}].{f}"))
                    .unit(&r.unit)
                    .item(&r.item)
            };
            keys.push(unit_of(&r.unit, &|| at("unit"))?);
            parking_item.push(item_of(
                &r.item,
                &|| at("item"),
                |k| k == Kind::Parking,
                "parking",
            )?);
        }
        let parking = ByUnit::new(n, &keys);
        let mut shared = Vec::with_capacity(inputs.shared.len());
        for (s, c) in inputs.shared.iter().enumerate() {
            let at = |f: &str| Place::field(format!("shared[{s}].{f}")).item(&c.item);
            let i = item_of(
                &c.item,
                &|| at("item"),
                |k| matches!(k, Kind::Shared(_)),
                "shared",
            )?;
            if c.amount.is_negative() {
                return Err(FeeError::invalid(at("amount"), "must not be negative"));
            }
            let Kind::Shared(basis) = self.items[usize::from(i)].kind else {
                continue;
            };
            let weight_scale = match basis {
                ShareBasis::Share => self.share_scale,
                _ => self.area_scale,
            };
            let weight = |u: usize| -> Result<i64, FeeError> {
                let cu = &self.cunits[u];
                let (w, field) = match basis {
                    ShareBasis::BuildingArea => (Some(cu.building()), "building_area"),
                    ShareBasis::InnerArea => (cu.inner(), "inner_area"),
                    ShareBasis::Share => (cu.share(), "share"),
                };
                w.and_then(|w| i64::try_from(w).ok()).ok_or_else(|| {
                    FeeError::invalid(
                        Place::field(format!("units[{u}].{field}"))
                            .unit(&self.units[u].id)
                            .item(&c.item),
                        format!("required by shared cost shared[{s}]"),
                    )
                })
            };
            // Each unit's weight, or NOT_SHARING; then the parts in place.
            let mut dense = vec![NOT_SHARING; n];
            let mut members = 0usize;
            match &c.units {
                Some(ids) => {
                    for (k, id) in ids.iter().enumerate() {
                        let u = unit_of(id, &|| at(&format!("units[{k}]")).unit(id))? as usize;
                        if dense[u] != NOT_SHARING {
                            return Err(FeeError::Duplicate {
                                at: at(&format!("units[{k}]")),
                                what: "unit",
                                code: id.clone(),
                            });
                        }
                        dense[u] = weight(u)?;
                        members += 1;
                    }
                }
                None => {
                    for (u, slot) in dense.iter_mut().enumerate() {
                        if self.state_on(u, plan.to) != UnitState::NotHandedOver {
                            *slot = weight(u)?;
                            members += 1;
                        }
                    }
                }
            }
            let weight_sum: i128 = dense
                .iter()
                .filter(|w| **w != NOT_SHARING)
                .map(|&w| i128::from(w))
                .sum();
            apportion_in_place(c.amount, &mut dense, NOT_SHARING)
                .map_err(|e| FeeError::invalid(at("units"), format!("cannot apportion: {e}")))?;
            shared.push(SharedRun {
                item: i,
                parts: dense,
                weight_sum,
                weight_scale,
                members,
            });
        }
        Ok(Run {
            plan,
            inputs,
            readings,
            reading_c,
            usage,
            usage_item,
            parking,
            parking_item,
            shared,
        })
    }

    /// Every line of the given units, in unit order then the schedule's item order (then
    /// the inputs' order), each passed to `emit`.
    fn lines<R: Recorder>(
        &self,
        run: &Run<'_>,
        units: &mut dyn Iterator<Item = usize>,
        rec: &mut R,
        mut emit: impl FnMut(usize, usize, Money, Source, &mut R) -> Result<(), FeeError>,
    ) -> Result<(), FeeError> {
        let plan = &run.plan;
        let one = pow10(self.area_scale);
        for u in units {
            let cu = &self.cunits[u];
            for (i, it) in self.items.iter().enumerate() {
                match it.kind {
                    Kind::Area(_) | Kind::Fixed(Applies::EveryUnit) => {
                        if self.group(i, cu.ty).is_empty() {
                            continue;
                        }
                        let q = match it.kind {
                            Kind::Area(AreaBasis::Building) => cu.building(),
                            Kind::Area(AreaBasis::Inner) => cu.inner().ok_or_else(|| {
                                FeeError::invalid(
                                    self.place(u, i, "inner_area"),
                                    "required by the item",
                                )
                            })?,
                            _ => one,
                        };
                        rec.clear();
                        let a = self.periodic(plan, u, i, q, (plan.from, plan.to), rec)?;
                        emit(u, i, a, Source::Periodic { q, sub: None }, rec)?;
                    }
                    Kind::Fixed(Applies::Subscribers) => {
                        let (b0, bn) = cu.subs;
                        for s in &self.subs[b0 as usize..(b0 + bn) as usize] {
                            if usize::from(s.item) != i {
                                continue;
                            }
                            let win = (s.from.max(plan.from), s.to.min(plan.to));
                            if win.0 > win.1 {
                                continue;
                            }
                            rec.clear();
                            let a = self.periodic(plan, u, i, s.qty, win, rec)?;
                            emit(
                                u,
                                i,
                                a,
                                Source::Periodic {
                                    q: s.qty,
                                    sub: Some(s.src),
                                },
                                rec,
                            )?;
                        }
                    }
                    Kind::Metered(_) => {
                        for j in run.readings.of(u) {
                            let r = run.reading_c[j as usize];
                            if usize::from(r.item) != i {
                                continue;
                            }
                            let (qty, measured, prior) = (r.qty, r.measured, r.prior);
                            rec.clear();
                            let a = self.priced(
                                u,
                                i,
                                Priced {
                                    on: r.on,
                                    qty,
                                    prior,
                                    field: ("readings", j),
                                },
                                rec,
                            )?;
                            let src = Source::Reading {
                                j,
                                qty,
                                measured,
                                prior: prior.unwrap_or(0),
                            };
                            emit(u, i, a, src, rec)?;
                        }
                    }
                    Kind::Usage => {
                        for j in run.usage.of(u) {
                            if usize::from(run.usage_item[j as usize]) != i {
                                continue;
                            }
                            let r = &run.inputs.usage[j as usize];
                            let qty = r
                                .quantity
                                .rescaled(METER_SCALE)
                                .filter(|q| *q >= 0)
                                .ok_or_else(|| {
                                    FeeError::invalid(
                                        self.place(u, i, &format!("usage[{j}].quantity")),
                                        format!("{}: not negative, at most 3 decimals", r.quantity),
                                    )
                                })?;
                            rec.clear();
                            let a = self.priced(
                                u,
                                i,
                                Priced {
                                    on: day(r.date),
                                    qty,
                                    prior: None,
                                    field: ("usage", j),
                                },
                                rec,
                            )?;
                            emit(u, i, a, Source::Usage { j, qty }, rec)?;
                        }
                    }
                    Kind::Parking => {
                        let Formula::Parking { tariff } = &self.schedule.items[i].formula else {
                            continue;
                        };
                        for j in run.parking.of(u) {
                            if usize::from(run.parking_item[j as usize]) != i {
                                continue;
                            }
                            let st = &run.inputs.parking[j as usize];
                            let c = tariff.charge(st.entry, st.exit, |f| {
                                self.place(u, i, &format!("parking[{j}].{f}"))
                            })?;
                            rec.clear();
                            emit(u, i, c.amount, Source::Parking { j }, rec)?;
                        }
                    }
                    Kind::Shared(_) => {
                        for (s, sr) in run.shared.iter().enumerate() {
                            if usize::from(sr.item) != i {
                                continue;
                            }
                            let fen = sr.parts[u];
                            if fen != NOT_SHARING {
                                rec.clear();
                                let a = Money::from_fen(fen);
                                emit(u, i, a, Source::Shared { s: s as u32 }, rec)?;
                            }
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// Every line of every unit for a period, compactly: appended to `out` (cleared
    /// first) as unit index, item index, amount; returns the total. All or nothing: on
    /// error `out` is left empty.
    pub fn bill_compact(
        &self,
        period: Period,
        inputs: &BillInputs,
        out: &mut Vec<CompactLine>,
    ) -> Result<Money, FeeError> {
        self.compact(period, inputs, None, out)
    }

    /// As [`Estate::bill_compact`], with more meter readings given as columns (the bulk
    /// form of a month's readings): they follow `inputs.readings`, so that reading `k` of
    /// the columns is `readings[inputs.readings.len() + k]` in messages. A reading gives
    /// the same line in either form.
    pub fn bill_compact_columns(
        &self,
        period: Period,
        inputs: &BillInputs,
        columns: &ReadingColumns,
        out: &mut Vec<CompactLine>,
    ) -> Result<Money, FeeError> {
        self.compact(period, inputs, Some(columns), out)
    }

    fn compact(
        &self,
        period: Period,
        inputs: &BillInputs,
        columns: Option<&ReadingColumns>,
        out: &mut Vec<CompactLine>,
    ) -> Result<Money, FeeError> {
        out.clear();
        let plan = self.plan(period)?;
        let run = self.index(plan, inputs, columns)?;
        out.reserve(self.units.len() * self.items.len());
        let mut total = Money::ZERO;
        let result = self.lines(
            &run,
            &mut (0..self.units.len()),
            &mut NoTrace,
            |u, i, a, _, _| {
                total = total.checked_add(a).map_err(|_| FeeError::Overflow {
                    at: Place::field("total"),
                })?;
                out.push(CompactLine {
                    unit: u as u32,
                    item: i as u16,
                    amount: a,
                });
                Ok(())
            },
        );
        if let Err(e) = result {
            out.clear();
            return Err(e);
        }
        Ok(total)
    }

    /// Bills with traces for a period: for the units in `only` (in that order), or for
    /// every unit. Shared costs are apportioned across their units either way.
    pub fn bill(
        &self,
        period: Period,
        inputs: &BillInputs,
        only: Option<&[String]>,
    ) -> Result<Vec<Bill>, FeeError> {
        let plan = self.plan(period)?;
        let run = self.index(plan, inputs, None)?;
        let which: Vec<usize> = match only {
            Some(ids) => ids
                .iter()
                .enumerate()
                .map(|(k, id)| {
                    self.unit_index(id).ok_or_else(|| FeeError::Unknown {
                        at: Place::field(format!("only[{k}]")).unit(id),
                        what: "unit",
                        code: id.clone(),
                    })
                })
                .collect::<Result<_, _>>()?,
            None => (0..self.units.len()).collect(),
        };
        // A unit named twice would be billed and totalled twice.
        if let Some(ids) = only {
            for (k, u) in which.iter().enumerate() {
                if which[..k].contains(u) {
                    return Err(FeeError::Duplicate {
                        at: Place::field(format!("only[{k}]")).unit(&ids[k]),
                        what: "unit",
                        code: ids[k].clone(),
                    });
                }
            }
        }
        let mut bills = Vec::with_capacity(which.len());
        let mut rec = Rec::default();
        for u in which {
            let mut bill = Bill {
                unit: self.units[u].id.clone(),
                period,
                lines: Vec::new(),
                total: Money::ZERO,
            };
            self.lines(
                &run,
                &mut std::iter::once(u),
                &mut rec,
                |u, i, a, src, rec| {
                    bill.total = bill.total.checked_add(a).map_err(|_| FeeError::Overflow {
                        at: Place::field("total").unit(&self.units[u].id),
                    })?;
                    bill.lines.push(self.traced(&run, u, i, a, src, rec));
                    Ok(())
                },
            )?;
            bills.push(bill);
        }
        Ok(bills)
    }
}

mod load;
mod trace;

#[cfg(test)]
mod tests;
