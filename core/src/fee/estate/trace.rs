//! Traces 计算过程: turning what a line computation recorded into the words and fields a
//! clerk reads out (see [`crate::fee::bill::Trace`]).

use super::{date, dec, Estate, Kind, Rec, Run, Source, PERCENT_MAX_SCALE};
use crate::fee::bill::{BillLine, RoundingStep, RoundingTrace, Segment, TierPortion, Trace};
use crate::fee::meter::{Measured, METER_SCALE};
use crate::fee::parking::ParkingCharge;
use crate::fee::schedule::{AreaBasis, Formula, RoundingPoint, ShareBasis, TierBounds};
use crate::fee::Place;
use crate::money::{ratio_to_string, Money, Rounding, RoundingRule};
use std::collections::BTreeMap;

/// An instant's local date and time to the minute, as chrono's `%Y-%m-%d %H:%M` writes it
/// (a date's `Display` is that `%Y-%m-%d`, signed years outside 0000–9999 included).
fn to_minute(t: &crate::time::Instant) -> String {
    use chrono::Timelike;
    let local = t.local();
    format!("{} {:02}:{:02}", local.date(), local.hour(), local.minute())
}

fn rounding_name(r: RoundingRule) -> String {
    let mode = match r.mode {
        Rounding::HalfUp => "half_up 四舍五入",
        Rounding::HalfEven => "half_even 银行家舍入",
        Rounding::Up => "up 进位",
        Rounding::Down => "down 舍去",
    };
    let unit = match r.unit {
        crate::money::RoundingUnit::Fen => "fen 分",
        crate::money::RoundingUnit::Jiao => "jiao 角",
        crate::money::RoundingUnit::Yuan => "yuan 元",
    };
    format!("{mode} to the {unit}")
}

impl Estate {
    /// The traced line for what [`Estate::lines`] computed.
    pub(super) fn traced(
        &self,
        run: &Run<'_>,
        u: usize,
        i: usize,
        amount: Money,
        src: Source,
        rec: &Rec,
    ) -> BillLine {
        let item = &self.schedule.items[i];
        let it = &self.items[i];
        let plan = &run.plan;
        let mut inputs = BTreeMap::new();
        let mut text = Vec::new();
        let mut segments = Vec::new();
        let mut tiers = Vec::new();
        let how = rounding_name(it.rounding);
        let steps: Vec<RoundingStep> = rec
            .rounds
            .iter()
            .map(|&(m, num, den, a)| RoundingStep {
                of: m.map_or_else(
                    || "line".to_owned(),
                    |m| plan.months[m as usize].label.clone(),
                ),
                exact: ratio_to_string(num, den, 6),
                amount: a,
            })
            .collect();
        let rate_of = |src: u32| self.schedule.rates[src as usize].price.unwrap_or_default();
        let mut point = RoundingPoint::PerLine;
        let formula;
        match src {
            Source::Periodic { q, sub } => {
                point = it.point;
                // Areas as the unit gives them (98.76, 120.50); counts as integers.
                let qd = match it.kind {
                    Kind::Area(AreaBasis::Building) => self.units[u].building_area,
                    Kind::Area(AreaBasis::Inner) => self.units[u].inner_area.unwrap_or_default(),
                    _ => dec(q, self.area_scale),
                };
                let (pre, pct) = &plan.prepay[i];
                let (name, label, unit) = match it.kind {
                    Kind::Area(AreaBasis::Building) => {
                        ("building_area", "building area 建筑面积", " m²")
                    }
                    Kind::Area(AreaBasis::Inner) => ("inner_area", "inner area 套内面积", " m²"),
                    _ => ("quantity", "quantity 数量", ""),
                };
                formula = format!(
                    "{} × rate per {}month × days ÷ days in month × (100% − state discount){}",
                    name.replace('_', " "),
                    if unit.is_empty() { "" } else { "m² per " },
                    if pct.is_some() {
                        " × (100% − prepayment discount)"
                    } else {
                        ""
                    }
                );
                inputs.insert(name.to_owned(), qd.to_string());
                inputs.insert("period".to_owned(), plan.period.to_string());
                let mut head = format!("{label} {qd}{unit}");
                if let Some(n) = sub {
                    let s = &self.units[u].subscriptions[n as usize];
                    if let Some(note) = &s.note {
                        inputs.insert("subscription".to_owned(), note.clone());
                        head.push_str(&format!(" ({note})"));
                    }
                }
                text.push(head);
                for &(from, to, m, rsrc, st, num) in &rec.segs {
                    let month = &plan.months[m as usize];
                    let rate = rate_of(rsrc);
                    let discount = item.state_discounts.of(st);
                    let exact = ratio_to_string(num * 100, plan.den[i], 6);
                    let days = (to - from + 1) as u32;
                    let disc = if discount.is_zero() {
                        String::new()
                    } else {
                        format!(" × (100% − {discount}%)")
                    };
                    text.push(format!(
                        "{}..{} {} {}: {qd} × {rate} × {days}/{}{disc} = {exact}",
                        date(from),
                        date(to),
                        st.as_str(),
                        st.chinese(),
                        month.days
                    ));
                    segments.push(Segment {
                        from: date(from),
                        to: date(to),
                        days,
                        month_days: month.days as u32,
                        rate,
                        state: st,
                        discount,
                        amount: exact,
                    });
                }
                if let Some(p) = pct {
                    inputs.insert("prepayment_discount".to_owned(), p.to_string());
                    text.push(format!(
                        "prepayment discount 预交优惠 {p}%: × {}%",
                        dec(*pre, PERCENT_MAX_SCALE)
                    ));
                }
                let per = match it.point {
                    RoundingPoint::PerMonth => "per month 按月",
                    RoundingPoint::PerLine => "once per line 按行",
                };
                for s in &steps {
                    text.push(format!(
                        "{}: {} → {} ({how}, {per})",
                        s.of, s.exact, s.amount
                    ));
                }
                if steps.len() > 1 {
                    text.push(format!("sum of months 各月合计: {amount}"));
                }
            }
            Source::Reading {
                j,
                qty,
                measured,
                prior,
            } => {
                let r = &run.inputs.readings[j as usize];
                let q = dec(qty, METER_SCALE);
                inputs.insert("reading_date".to_owned(), r.date.to_string());
                inputs.insert("previous".to_owned(), r.previous.to_string());
                inputs.insert("current".to_owned(), r.current.to_string());
                inputs.insert("consumption".to_owned(), q.to_string());
                let how_read = match (measured, r.replaced, r.wraps_at) {
                    (Measured::Replacement, Some(x), _) => {
                        inputs.insert("old_final".to_owned(), x.old_final.to_string());
                        inputs.insert("new_initial".to_owned(), x.new_initial.to_string());
                        format!(
                            "({} − {}) + ({} − {}) = {q}, meter replaced 换表",
                            x.old_final, r.previous, r.current, x.new_initial
                        )
                    }
                    (Measured::Rollover, _, Some(w)) => {
                        inputs.insert("wraps_at".to_owned(), w.to_string());
                        format!(
                            "({w} − {}) + {} = {q}, meter rolled over 翻表",
                            r.previous, r.current
                        )
                    }
                    _ => format!("{} − {} = {q}", r.current, r.previous),
                };
                text.push(format!("reading 抄表 {}: {how_read}", r.date));
                let annual = matches!(it.kind, Kind::Metered(TierBounds::Annual));
                let tiered = rec
                    .rate
                    .is_some_and(|s| !self.schedule.rates[s as usize].tiers.is_empty());
                if tiered && rec.tiers.is_empty() {
                    formula = "consumption split at tier bounds × each tier's price".to_owned();
                    text.push("nothing consumed 无用量".to_owned());
                } else if rec.tiers.is_empty() {
                    formula = "consumption × price".to_owned();
                    if let Some(src) = rec.rate {
                        let price = rate_of(src);
                        text.push(format!(
                            "{q} × {price} = {}",
                            steps.first().map_or(String::new(), |s| s.exact.clone())
                        ));
                    }
                } else {
                    formula = format!(
                        "consumption split at {} tier bounds × each tier's price",
                        if annual { "annual" } else { "monthly" }
                    );
                    if annual {
                        let p = dec(prior, METER_SCALE);
                        inputs.insert("year_to_date".to_owned(), p.to_string());
                        text.push(format!("annual tiers 年阶梯: {p} used earlier this year"));
                    }
                    let rate = rec.rate.map(|s| &self.schedule.rates[s as usize]);
                    for &(k, lo, hi, portion) in &rec.tiers {
                        let price = rate
                            .and_then(|r| r.tiers.get(k))
                            .map(|t| t.price)
                            .unwrap_or_default();
                        let quantity = dec(portion, METER_SCALE);
                        let amount = quantity.checked_mul(price).unwrap_or_default().trimmed();
                        let to = (hi != i128::MAX).then(|| dec(hi, METER_SCALE));
                        text.push(format!(
                            "tier {} 第{}阶梯 {}–{}: {quantity} × {price} = {amount}",
                            k + 1,
                            k + 1,
                            dec(lo, METER_SCALE),
                            to.map_or("".to_owned(), |t| t.to_string())
                        ));
                        tiers.push(TierPortion {
                            tier: k as u32 + 1,
                            from: dec(lo, METER_SCALE),
                            to,
                            quantity,
                            price,
                            amount,
                        });
                    }
                }
                for s in &steps {
                    text.push(format!("{} → {} ({how})", s.exact, s.amount));
                }
            }
            Source::Usage { j, qty } => {
                let r = &run.inputs.usage[j as usize];
                let q = dec(qty, METER_SCALE);
                let per = match &item.formula {
                    Formula::Usage {
                        per: crate::fee::schedule::UsagePer::Hour,
                    } => "hour",
                    Formula::Usage { .. } => "use",
                    _ => "piece",
                };
                formula = format!("quantity × rate per {per}");
                inputs.insert("date".to_owned(), r.date.to_string());
                inputs.insert("quantity".to_owned(), q.to_string());
                if let Some(n) = &r.note {
                    inputs.insert("note".to_owned(), n.clone());
                }
                let price = rec.rate.map(rate_of).unwrap_or_default();
                text.push(format!(
                    "{}{}: {q} × {price} = {}",
                    r.date,
                    r.note.as_ref().map_or(String::new(), |n| format!(" {n}")),
                    steps.first().map_or(String::new(), |s| s.exact.clone())
                ));
                for s in &steps {
                    text.push(format!("{} → {} ({how})", s.exact, s.amount));
                }
            }
            Source::Parking { j } => {
                let st = &run.inputs.parking[j as usize];
                formula = "temporary parking: first period, then increments (a started one counts), capped per 24 h from entry".to_owned();
                inputs.insert("entry".to_owned(), st.entry.to_rfc3339());
                inputs.insert("exit".to_owned(), st.exit.to_rfc3339());
                if let Some(p) = &st.plate {
                    inputs.insert("plate".to_owned(), p.clone());
                }
                if let Formula::Parking { tariff } = &item.formula {
                    let c: Option<ParkingCharge> = tariff
                        .charge(st.entry, st.exit, |f| Place::field(f.to_owned()))
                        .ok();
                    if let Some(c) = c {
                        inputs.insert("minutes".to_owned(), c.minutes.to_string());
                        text.push(format!(
                            "{}{} → {}",
                            st.plate.as_ref().map_or(String::new(), |p| format!("{p} ")),
                            to_minute(&st.entry),
                            to_minute(&st.exit)
                        ));
                        text.extend(c.explain(tariff));
                    }
                }
            }
            Source::Shared { s } => {
                let c = &run.inputs.shared[s as usize];
                let sr = &run.shared[s as usize];
                let cu = &self.cunits[u];
                let w = match it.kind {
                    Kind::Shared(ShareBasis::BuildingArea) => cu.building(),
                    Kind::Shared(ShareBasis::InnerArea) => cu.inner().unwrap_or(0),
                    _ => cu.share().unwrap_or(0),
                };
                let basis = match it.kind {
                    Kind::Shared(ShareBasis::BuildingArea) => "building area",
                    Kind::Shared(ShareBasis::InnerArea) => "inner area",
                    _ => "share",
                };
                formula = format!("amount × unit's {basis} ÷ total {basis} of the sharing units, split by largest remainder");
                let wd = dec(w, sr.weight_scale);
                let total = dec(sr.weight_sum, sr.weight_scale);
                inputs.insert("amount".to_owned(), c.amount.to_string());
                inputs.insert("weight".to_owned(), wd.to_string());
                inputs.insert("total_weight".to_owned(), total.to_string());
                inputs.insert("units".to_owned(), sr.members.to_string());
                if let Some(n) = &c.note {
                    inputs.insert("note".to_owned(), n.clone());
                }
                let exact = ratio_to_string(
                    i128::from(c.amount.fen()) * w,
                    sr.weight_sum.max(1) * 100,
                    6,
                );
                text.push(format!(
                    "{}: {} × {wd} ÷ {total} = {exact}",
                    c.note.as_deref().unwrap_or(&item.name),
                    c.amount
                ));
                text.push(format!(
                    "largest remainder 最大余数法 across {} units (parts sum exactly to {}) → {amount}",
                    sr.members, c.amount
                ));
            }
        }
        let rounding = if steps.is_empty() {
            None
        } else {
            Some(RoundingTrace {
                mode: it.rounding.mode,
                unit: it.rounding.unit,
                point,
                steps,
            })
        };
        BillLine {
            item: item.code.clone(),
            name: item.name.clone(),
            amount,
            due: plan.due[i],
            late_fee: it.late_fee,
            trace: Trace {
                formula,
                inputs,
                segments,
                tiers,
                rounding,
                text,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

    #[test]
    fn to_minute_writes_as_chrono_formats() {
        let mut n = 0;
        for year in [
            -262_144, -10_000, -1, 0, 1, 999, 1000, 2026, 9999, 10_000, 262_143,
        ] {
            for (m, d) in [(1, 1), (2, 28), (12, 31)] {
                for off in [-86_399, -18_000, 0, 1, 28_800, 86_399] {
                    let Some(date) = NaiveDate::from_ymd_opt(year, m, d) else {
                        continue;
                    };
                    for (h, min, s, nano) in
                        [(0, 0, 0, 0), (9, 5, 59, 1_500_000_000), (23, 59, 30, 7)]
                    {
                        let local = date.and_hms_nano_opt(h, min, s, nano).unwrap();
                        let offset = FixedOffset::east_opt(off).unwrap();
                        let Some(t): Option<DateTime<FixedOffset>> =
                            offset.from_local_datetime(&local).single()
                        else {
                            continue;
                        };
                        let ours = super::to_minute(&crate::time::Instant::from_chrono(t));
                        assert_eq!(ours, t.format("%Y-%m-%d %H:%M").to_string());
                        n += 1;
                    }
                }
            }
        }
        assert!(n > 400, "{n}");
    }
}
