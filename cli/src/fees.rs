//! Fees 收费 on the command line: `wuye bill` (a schedule, units and the month's inputs from
//! files → bills with traces) and the demo's month of billing at the sample estate, with an
//! account that pays part of what it owes and runs up a late fee.
//!
//! Everything here is a pure function of the files; nothing reads a clock.

use serde::Deserialize;
use std::fmt::Write as _;
use std::path::Path;
use wuye_core::fee::account::{AccountCommand, NewCharge};
use wuye_core::fee::arrears::{ageing, DEFAULT_BUCKETS};
use wuye_core::fee::{Account, Bill, BillInputs, Estate, Period, Schedule, Unit};
use wuye_core::money::Money;

/// The sample estate's fee schedule, `data/sample-estate/fees/schedule.json`.
pub const SAMPLE_SCHEDULE_JSON: &str = include_str!("../data/sample-estate/fees/schedule.json");
/// Its units.
pub const SAMPLE_UNITS_JSON: &str = include_str!("../data/sample-estate/fees/units.json");
/// Its inputs for September 2026: readings, usage, a parking stay, a shared cost.
pub const SAMPLE_INPUTS_JSON: &str = include_str!("../data/sample-estate/fees/inputs-2026-09.json");
/// The account script of the demo.
pub const SAMPLE_ACCOUNT_JSON: &str = include_str!("../data/sample-estate/fees/account.json");

/// The sample month.
pub const SAMPLE_PERIOD: &str = "2026-09";

/// Parses a schedule.
pub fn parse_schedule(name: &str, text: &str) -> Result<Schedule, String> {
    serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))
}

/// Parses units: a JSON array of units.
pub fn parse_units(name: &str, text: &str) -> Result<Vec<Unit>, String> {
    let values: Vec<serde_json::Value> =
        serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))?;
    values
        .into_iter()
        .enumerate()
        .map(|(k, v)| {
            let id = v.get("id").and_then(|i| i.as_str()).map(str::to_owned);
            serde_json::from_value(v).map_err(|e| match id {
                Some(id) => format!("{name}: units[{k}] (unit {id}): {e}"),
                None => format!("{name}: units[{k}]: {e}"),
            })
        })
        .collect()
}

/// Parses inputs: an object `{readings, usage, parking, shared}`, or just an array of
/// readings.
pub fn parse_inputs(name: &str, text: &str) -> Result<BillInputs, String> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))?;
    if v.is_array() {
        let readings = serde_json::from_value(v).map_err(|e| format!("{name}: {e}"))?;
        Ok(BillInputs {
            readings,
            ..BillInputs::default()
        })
    } else {
        serde_json::from_value(v).map_err(|e| format!("{name}: {e}"))
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// `wuye bill`: bills with traces (or JSON) from files. Errors are one line for stderr.
pub fn bill_files(
    schedule: &Path,
    units: &Path,
    inputs: Option<&Path>,
    period: Period,
    only: Option<&[String]>,
    json: bool,
) -> Result<String, String> {
    let sname = schedule.display().to_string();
    let uname = units.display().to_string();
    let schedule = parse_schedule(&sname, &read(schedule)?)?;
    let units = parse_units(&uname, &read(units)?)?;
    let inputs = match inputs {
        Some(p) => parse_inputs(&p.display().to_string(), &read(p)?)?,
        None => BillInputs::default(),
    };
    let estate = Estate::load(schedule, units).map_err(|e| e.to_string())?;
    let bills = estate
        .bill(period, &inputs, only)
        .map_err(|e| e.to_string())?;
    if json {
        let mut s = serde_json::to_string_pretty(&bills).map_err(|e| e.to_string())?;
        s.push('\n');
        return Ok(s);
    }
    Ok(render_bills(estate.schedule(), period, &bills))
}

/// Bills as text: each bill with its lines and their traces, then the period's total.
pub fn render_bills(schedule: &Schedule, period: Period, bills: &[Bill]) -> String {
    let mut out = String::new();
    let estate = if schedule.estate.is_empty() {
        String::new()
    } else {
        format!("{} ", schedule.estate)
    };
    let _ = writeln!(out, "{estate}bills 账单 for {period}");
    for b in bills {
        out.push('\n');
        for line in b.explain() {
            let _ = writeln!(out, "{line}");
        }
    }
    let total = Money::sum(bills.iter().map(|b| b.total)).unwrap_or(Money::ZERO);
    let _ = writeln!(
        out,
        "\n{} bills, {} lines, total 合计 {total}",
        bills.len(),
        bills.iter().map(|b| b.lines.len()).sum::<usize>()
    );
    out
}

/// The demo's account script: opening commands, the day the unit's bill is posted, later
/// commands, and the day to age the account.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountScript {
    /// The unit whose account it is.
    pub account: String,
    /// Commands before the bill.
    pub opening: Vec<AccountCommand>,
    /// When the period's bill lines are posted as charges.
    pub post_bill_on: chrono::NaiveDate,
    /// Commands after.
    pub after: Vec<AccountCommand>,
    /// The day late fees and ageing are reported.
    pub as_of: chrono::NaiveDate,
}

/// The sample estate's month: bills with traces, then one account paying part and accruing
/// a late fee.
pub fn demo_fees() -> Result<String, String> {
    let schedule = parse_schedule("schedule.json", SAMPLE_SCHEDULE_JSON)?;
    let units = parse_units("units.json", SAMPLE_UNITS_JSON)?;
    let inputs = parse_inputs("inputs-2026-09.json", SAMPLE_INPUTS_JSON)?;
    let script: AccountScript =
        serde_json::from_str(SAMPLE_ACCOUNT_JSON).map_err(|e| format!("account.json: {e}"))?;
    let period: Period = SAMPLE_PERIOD.parse().map_err(|e| format!("{e}"))?;
    let policy = schedule.account.clone();
    let estate = Estate::load(schedule, units).map_err(|e| e.to_string())?;
    let bills = estate
        .bill(period, &inputs, None)
        .map_err(|e| e.to_string())?;
    let mut out =
        String::from("\nFees 收费 — a month of billing\n==============================\n");
    out.push_str(&render_bills(estate.schedule(), period, &bills));

    // The account of one unit: last month's arrears, this month's bill, a partial payment.
    let mut acc = Account::new(&script.account, policy);
    let _ = writeln!(out, "\nAccount 账户 {}", script.account);
    let run = |acc: &mut Account, cmd: &AccountCommand, out: &mut String| -> Result<(), String> {
        for e in acc.execute(cmd).map_err(|e| e.to_string())? {
            let _ = writeln!(out, "  {}", describe(&e));
        }
        Ok(())
    };
    for c in &script.opening {
        run(&mut acc, c, &mut out)?;
    }
    let bill = bills
        .iter()
        .find(|b| b.unit == script.account)
        .ok_or_else(|| format!("no bill for {}", script.account))?;
    let charges = bill
        .lines
        .iter()
        .enumerate()
        .map(|(k, l)| NewCharge {
            id: format!(
                "B{}-{}",
                period.to_string().replace('-', "").get(2..).unwrap_or(""),
                k + 1
            ),
            item: l.item.clone(),
            due: l.due,
            amount: l.amount,
            late_fee: l.late_fee,
        })
        .collect();
    run(
        &mut acc,
        &AccountCommand::PostCharges {
            date: script.post_bill_on,
            charges,
        },
        &mut out,
    )?;
    for c in &script.after {
        run(&mut acc, c, &mut out)?;
    }
    let fees = acc.late_fees(script.as_of).map_err(|e| e.to_string())?;
    let _ = writeln!(out, "\n  Late fees 滞纳金 as of {}:", script.as_of);
    for l in &fees {
        let _ = writeln!(
            out,
            "    {} {} (due {}): {}",
            l.charge, l.item, l.due, l.outstanding
        );
        for t in &l.text {
            let _ = writeln!(out, "      {t}");
        }
    }
    let g = ageing(&acc, script.as_of, &DEFAULT_BUCKETS).map_err(|e| e.to_string())?;
    let _ = writeln!(out, "\n  Arrears ageing 账龄 as of {}:", script.as_of);
    for b in g.buckets.iter().filter(|b| b.charges > 0) {
        let _ = writeln!(
            out,
            "    {:>9} days: principal {} + late fee {} ({} charges)",
            b.label, b.principal, b.late_fee, b.charges
        );
    }
    let _ = writeln!(
        out,
        "    not yet due {}; overdue {} + late fees {}; prepaid 预存 {}",
        g.not_due, g.overdue_principal, g.overdue_late_fee, g.prepaid
    );
    Ok(out)
}

fn describe(e: &wuye_core::fee::AccountEvent) -> String {
    use wuye_core::fee::AccountEvent as E;
    let allocs = |a: &[wuye_core::fee::account::Allocation]| {
        a.iter()
            .map(|x| {
                let part = match x.part {
                    wuye_core::fee::account::Part::Principal => "",
                    wuye_core::fee::account::Part::LateFee => " late fee",
                };
                format!("{}{part} {}", x.charge, x.amount)
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    match e {
        E::ChargesPosted { date, charges } => format!(
            "{date} posted 挂账: {}",
            charges
                .iter()
                .map(|c| format!("{} {} {} due {}", c.id, c.item, c.amount, c.due))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        E::PaymentReceived {
            receipt,
            date,
            amount,
            allocations,
            to_prepaid,
        } => format!(
            "{date} paid 收款 {amount}, receipt {receipt}: {}; to prepaid {to_prepaid}",
            allocs(allocations)
        ),
        E::Deposited {
            receipt,
            date,
            amount,
        } => format!("{date} deposited 预存 {amount}, receipt {receipt}"),
        E::PrepaidApplied { date, allocations } => {
            format!("{date} prepaid applied 预存抵扣: {}", allocs(allocations))
        }
        E::Refunded {
            refund,
            receipt,
            date,
            amount,
            ..
        } => format!("{date} refunded 退款 {amount} of receipt {receipt} ({refund})"),
        E::Credited {
            note,
            charge,
            date,
            amount,
            reason,
            ..
        } => format!("{date} credit note 冲减 {note}: {charge} −{amount} ({reason})"),
        E::LateFeeWaived {
            charge,
            date,
            amount,
            reason,
        } => format!("{date} late fee waived 减免 {charge} {amount} ({reason})"),
    }
}
