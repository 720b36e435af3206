//! The fee group 收费: `fee.*` — arguments, handlers and results. Compiled with the `fees`
//! feature.
//!
//! The bulk calls (`fee.load_estate`, `fee.bill_estate`) read their arguments straight into
//! their types in one pass over the text: a tree of `Value`s for an estate's readings or units
//! costs far more than the billing run itself (README.md, Benchmarks). Only when that fails
//! are the lists read element by element, to name the element at fault.

use super::table::Args;
use super::wire::args;
use super::wire::{json_failure_unplaced, parse_args};
use super::{Engine, Failure, Response, Status, CONTRACT_VERSION};
use crate::fee::account::{Account, AccountCommand, AccountEvent};
use crate::fee::arrears::{ageing, Ageing, DEFAULT_BUCKETS};
use crate::fee::bill::{BillInputs, SharedCost, Usage};
use crate::fee::late_fee::LateFeeLine;
use crate::fee::meter::{Reading, ReadingColumns, Readings};
use crate::fee::parking::{ParkingStay, ParkingTariff};
use crate::fee::{Bill, CompactLine, Estate, Period, Schedule, Unit};
use crate::money::{split_largest_remainder, Decimal, Money};
use crate::time::Instant;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;

args!(
    /// A temporary parking stay under a tariff.
    ParkingArgs {
        /// The tariff 临时停车收费标准.
        tariff: ParkingTariff,
        /// Entry.
        entry: Instant,
        /// Exit.
        exit: Instant
    }
);
args!(
    /// An amount and the weights to split it by.
    ApportionArgs {
        /// The amount.
        amount: Money,
        /// One weight per part (e.g. building areas).
        weights: Vec<Decimal>
    }
);
args!(
    /// A fee account and a command on it.
    AccountExecuteArgs {
        /// The account as the host stored it.
        account: Account,
        /// The command.
        command: AccountCommand
    }
);
args!(
    /// A fee account and a date.
    AccountAsOfArgs {
        /// The account.
        account: Account,
        /// As of when.
        #[serde(deserialize_with = "crate::time::de_date")]
        as_of: NaiveDate
    }
);
args!(
    /// A fee account, a date and the ageing buckets.
    ArrearsArgs {
        /// The account.
        account: Account,
        /// As of when.
        #[serde(deserialize_with = "crate::time::de_date")]
        as_of: NaiveDate,
        /// Bucket bounds in days; omitted: the default buckets.
        #[serde(default)]
        buckets: Option<Vec<u32>>
    }
);

/// `fee.load_estate` on the wire, element by element (the slow path that names the element
/// at fault).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LoadEstateValues {
    schedule: Box<RawValue>,
    units: Vec<Box<RawValue>>,
}

/// An estate: its fee schedule and its units (read in one pass).
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct LoadEstateArgs {
    /// The fee schedule 收费标准.
    schedule: Schedule,
    /// The units 房产单元.
    units: Vec<Unit>,
}

/// A parsed `fee.load_estate`: the fee schedule and the units.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LoadEstateCall {
    schedule: Schedule,
    units: Vec<Unit>,
}

impl Args for LoadEstateCall {
    fn parse(op: &str, raw: Option<&RawValue>) -> Result<Self, Failure> {
        if let Ok(t) = parse_args::<LoadEstateArgs>(op, raw) {
            return Ok(LoadEstateCall {
                schedule: t.schedule,
                units: t.units,
            });
        }
        let a: LoadEstateValues = parse_args(op, raw)?;
        let units = elements::<Unit>(op, "units", a.units)?;
        Ok(LoadEstateCall {
            schedule: schedule_of(op, &a.schedule)?,
            units,
        })
    }
}

/// `fee.bill` on the wire.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BillValues {
    period: Period,
    #[serde(default)]
    schedule: Option<Box<RawValue>>,
    #[serde(default)]
    units: Option<Vec<Box<RawValue>>>,
    #[serde(default)]
    readings: Vec<Box<RawValue>>,
    #[serde(default)]
    usage: Vec<Box<RawValue>>,
    #[serde(default)]
    parking: Vec<Box<RawValue>>,
    #[serde(default)]
    shared: Vec<Box<RawValue>>,
    #[serde(default)]
    only: Option<Vec<String>>,
}

/// A parsed `fee.bill`: inline schedule and units, or the loaded estate.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BillCall {
    period: Period,
    inline: Option<(Schedule, Vec<Unit>)>,
    inputs: BillInputs,
    only: Option<Vec<String>>,
}

impl Args for BillCall {
    fn parse(op: &str, raw: Option<&RawValue>) -> Result<Self, Failure> {
        let a: BillValues = parse_args(op, raw)?;
        let inline = match (a.schedule, a.units) {
            (Some(s), Some(u)) => Some((schedule_of(op, &s)?, elements::<Unit>(op, "units", u)?)),
            (None, None) => None,
            _ => {
                return Err(Failure::new(
                    Status::InvalidRequest,
                    "missing_field",
                    "fee.bill args: give both `schedule` and `units`, or neither (to bill the loaded estate)",
                ))
            }
        };
        Ok(BillCall {
            period: a.period,
            inline,
            inputs: inputs_of(op, a.readings, a.usage, a.parking, a.shared)?,
            only: a.only,
        })
    }
}

/// `fee.bill_estate` on the wire, element by element.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BillEstateValues {
    /// Read for its error only.
    #[allow(dead_code)]
    period: Period,
    /// Rows or columns.
    #[serde(default)]
    readings: Option<Box<RawValue>>,
    #[serde(default)]
    usage: Vec<Box<RawValue>>,
    #[serde(default)]
    parking: Vec<Box<RawValue>>,
    #[serde(default)]
    shared: Vec<Box<RawValue>>,
}

/// A billing period and its inputs, for the loaded estate (read in one pass).
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct BillEstateArgs {
    /// The period 账期.
    period: Period,
    /// Meter readings 抄表, as rows or as columns.
    #[serde(default)]
    readings: Readings,
    /// Usage of per-use items (e.g. housekeeping 家政).
    #[serde(default)]
    usage: Vec<Usage>,
    /// Temporary parking stays 临时停车.
    #[serde(default)]
    parking: Vec<ParkingStay>,
    /// Shared costs 公摊 to apportion.
    #[serde(default)]
    shared: Vec<SharedCost>,
}

/// `fee.bill` as the schema describes it (the call reads it element by element, to name the
/// element at fault).
#[cfg(feature = "schema")]
#[allow(dead_code)] // describes the wire; the call reads `BillValues`
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("dependentRequired" = {"schedule": ["units"], "units": ["schedule"]}))]
pub(crate) struct BillArgs {
    /// The period 账期.
    period: Period,
    /// A fee schedule to bill with, given with `units`; omitted: the loaded estate's.
    #[serde(default)]
    schedule: Option<Schedule>,
    /// The units to bill, given with `schedule`; omitted: the loaded estate's.
    #[serde(default)]
    units: Option<Vec<Unit>>,
    /// Meter readings 抄表.
    #[serde(default)]
    readings: Vec<Reading>,
    /// Usage of per-use items.
    #[serde(default)]
    usage: Vec<Usage>,
    /// Temporary parking stays.
    #[serde(default)]
    parking: Vec<ParkingStay>,
    /// Shared costs 公摊 to apportion.
    #[serde(default)]
    shared: Vec<SharedCost>,
    /// Bill only these units (ids); omitted: every unit.
    #[serde(default)]
    only: Option<Vec<String>>,
}

/// `fee.bill_estate`'s result as the schema describes it (the response is written by hand,
/// byte for byte what serde would write for this type).
#[cfg(feature = "schema")]
#[derive(Serialize, schemars::JsonSchema)]
pub(crate) struct CompactBills {
    /// The period billed.
    period: Period,
    /// The lines, as three columns of equal length.
    lines: CompactColumns,
    /// The sum of every line.
    total: Money,
}

/// Compact lines as columns: line `k` is unit `unit[k]`, item `item[k]`, amount `amount[k]`.
#[cfg(feature = "schema")]
#[derive(Serialize, schemars::JsonSchema)]
pub(crate) struct CompactColumns {
    /// Index of the unit in the loaded estate's units.
    unit: Vec<u32>,
    /// Index of the item in the loaded schedule's items (`fee.load_estate`'s `items`).
    item: Vec<u16>,
    /// The line's amount.
    amount: Vec<Money>,
}

/// A parsed `fee.bill_estate`: the readings (given as rows or as columns) in columns, the
/// other inputs in `inputs`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BillEstateCall {
    period: Period,
    inputs: BillInputs,
    readings: ReadingColumns,
}

impl Args for BillEstateCall {
    fn parse(op: &str, raw: Option<&RawValue>) -> Result<Self, Failure> {
        let fast = match parse_args::<BillEstateArgs>(op, raw) {
            Ok(t) => {
                return Ok(BillEstateCall {
                    period: t.period,
                    inputs: BillInputs {
                        readings: Vec::new(),
                        usage: t.usage,
                        parking: t.parking,
                        shared: t.shared,
                    },
                    readings: t.readings.0,
                })
            }
            Err(f) => f,
        };
        // Element by element, to name the row at fault (columns name their own entry); the
        // one-pass error stands if every element reads on its own.
        let a: BillEstateValues = parse_args(op, raw)?;
        let rows = a.readings.filter(|r| r.get().starts_with('['));
        if let Some(rows) = rows.and_then(|r| serde_json::from_str(r.get()).ok()) {
            elements::<Reading>(op, "readings", rows)?;
        }
        inputs_of(op, Vec::new(), a.usage, a.parking, a.shared)?;
        Err(fast)
    }
}

/// Deserializes list elements one by one, each from its own text, so that an error names the
/// element: its index and, when readable, its unit and item. (Captured as text, not as
/// `Value`s: a `Value` sorts an object's members, and the tag of a tagged member comes first.)
fn elements<T: DeserializeOwned>(
    op: &str,
    list: &str,
    values: Vec<Box<RawValue>>,
) -> Result<Vec<T>, Failure> {
    values
        .into_iter()
        .enumerate()
        .map(|(k, v)| {
            crate::wire::from_str(v.get()).map_err(|e| {
                let names: Value = serde_json::from_str(v.get()).unwrap_or_default();
                let name = |key: &str| names.get(key).and_then(Value::as_str).map(str::to_owned);
                let (unit, item) = match list {
                    "units" => (name("id"), None),
                    _ => (name("unit"), name("item")),
                };
                let mut f = json_failure_unplaced(&e, &format!("{op} args"));
                let mut at = format!("{list}[{k}]");
                if let Some(u) = unit {
                    at.push_str(&format!(" (unit {u}"));
                    at.push_str(&item.map_or(")".to_owned(), |i| format!(", item {i})")));
                } else if let Some(i) = item {
                    at.push_str(&format!(" (item {i})"));
                }
                f.message =
                    f.message
                        .replacen(&format!("{op} args"), &format!("{op} args: {at}"), 1);
                f
            })
        })
        .collect()
}

/// The schedule from its own text, not from a `Value`: a `Value` keeps an object's members
/// sorted by key, and the tag of a formula comes first.
fn schedule_of(op: &str, raw: &RawValue) -> Result<Schedule, Failure> {
    crate::wire::from_str(raw.get())
        .map_err(|e| json_failure_unplaced(&e, &format!("{op} args: schedule")))
}

fn inputs_of(
    op: &str,
    readings: Vec<Box<RawValue>>,
    usage: Vec<Box<RawValue>>,
    parking: Vec<Box<RawValue>>,
    shared: Vec<Box<RawValue>>,
) -> Result<BillInputs, Failure> {
    Ok(BillInputs {
        readings: elements::<Reading>(op, "readings", readings)?,
        usage: elements::<Usage>(op, "usage", usage)?,
        parking: elements::<ParkingStay>(op, "parking", parking)?,
        shared: elements::<SharedCost>(op, "shared", shared)?,
    })
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
/// The estate loaded.
pub(crate) struct Loaded {
    /// Units loaded.
    units: usize,
    /// The fee items' codes, in the schedule's order (a compact line's `item` indexes this).
    items: Vec<String>,
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
/// Bills with traces.
pub(crate) struct BillsOut {
    /// One bill per unit.
    bills: Vec<Bill>,
    /// The sum of the bills.
    total: Money,
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
/// A parking charge and how it was worked out.
pub(crate) struct ParkingOut {
    /// The charge.
    charge: crate::fee::parking::ParkingCharge,
    /// The working, line by line, as a clerk reads it out.
    text: Vec<String>,
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
/// The parts of an amount.
pub(crate) struct PartsOut {
    /// One part per weight, in order; they sum to the amount.
    parts: Vec<Money>,
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
/// The account after a command, and what happened.
pub(crate) struct AccountOut {
    /// The new account, to store in place of the old.
    account: Account,
    /// The events the command produced.
    events: Vec<AccountEvent>,
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
/// Late fees as of a date.
pub(crate) struct LateFeesOut {
    /// One line per charge with a late fee.
    late_fees: Vec<LateFeeLine>,
    /// Late fees still unpaid, in all.
    outstanding: Money,
}

type Answer<T> = Result<T, Failure>;

impl Engine {
    fn loaded(&self) -> Result<&Estate, Failure> {
        self.estate.as_deref().ok_or_else(|| {
            Failure::new(
                Status::Refused,
                "no_estate",
                "no estate is loaded: call fee.load_estate first, or give `schedule` and `units`",
            )
        })
    }
}

pub(crate) fn bill(e: &Engine, a: BillCall) -> Answer<BillsOut> {
    let owned;
    let estate = match a.inline {
        Some((schedule, units)) => {
            owned = Estate::load(schedule, units)?;
            &owned
        }
        None => e.loaded()?,
    };
    let bills = estate.bill(a.period, &a.inputs, a.only.as_deref())?;
    let total = Money::sum(bills.iter().map(|b| b.total))
        .map_err(|e| Failure::new(Status::Refused, "overflow", e.to_string()))?;
    Ok(BillsOut { bills, total })
}

pub(crate) fn load_estate(e: &mut Engine, a: LoadEstateCall) -> Answer<Loaded> {
    let estate = Estate::load(a.schedule, a.units)?;
    let out = Loaded {
        units: estate.units().len(),
        items: estate
            .schedule()
            .items
            .iter()
            .map(|i| i.code.clone())
            .collect(),
    };
    e.estate = Some(Box::new(estate));
    Ok(out)
}

pub(crate) fn bill_estate(e: &Engine, a: BillEstateCall) -> Response {
    let BillEstateCall {
        period,
        inputs,
        readings,
    } = a;
    let mut lines = Vec::new();
    let total = e.loaded().and_then(|estate| {
        Ok(estate.bill_compact_columns(period, &inputs, &readings, &mut lines)?)
    });
    match total {
        Ok(total) => Response {
            status: Status::Ok,
            body: compact_response(period, &lines, total),
        },
        Err(f) => Response::failure(&f),
    }
}

pub(crate) fn parking(_: &Engine, a: ParkingArgs) -> Answer<ParkingOut> {
    a.tariff
        .validate(|f| crate::fee::Place::field(format!("tariff.{f}")))?;
    let charge = a
        .tariff
        .charge(a.entry, a.exit, |f| crate::fee::Place::field(f.to_owned()))?;
    Ok(ParkingOut {
        text: charge.explain(&a.tariff),
        charge,
    })
}

pub(crate) fn apportion(_: &Engine, a: ApportionArgs) -> Answer<PartsOut> {
    split_largest_remainder(a.amount, &a.weights)
        .map(|parts| PartsOut { parts })
        .map_err(|e| Failure::new(Status::Refused, "bad_weights", e.to_string()))
}

pub(crate) fn account_execute(_: &Engine, a: AccountExecuteArgs) -> Answer<AccountOut> {
    let AccountExecuteArgs { account, command } = a;
    account.policy.validate()?;
    let (account, events) = account.transition(&command)?;
    Ok(AccountOut { account, events })
}

pub(crate) fn late_fees(_: &Engine, a: AccountAsOfArgs) -> Answer<LateFeesOut> {
    let late_fees = a.account.late_fees(a.as_of)?;
    Ok(LateFeesOut {
        outstanding: Money::from_fen(late_fees.iter().map(|l| l.outstanding.fen()).sum()),
        late_fees,
    })
}

pub(crate) fn arrears(_: &Engine, a: ArrearsArgs) -> Answer<Ageing> {
    Ok(ageing(
        &a.account,
        a.as_of,
        a.buckets.as_deref().unwrap_or(&DEFAULT_BUCKETS),
    )?)
}

/// The `fee.bill_estate` success response: compact lines as three parallel columns (unit
/// index, item index, amount), `{"v":1,"ok":true,"result":{"period":…,"lines":{"unit":[…],
/// "item":[…],"amount":[…]},"total":…}}`. Written by hand, byte for byte what serde would
/// write: for an estate's lines serde and `core::fmt` rival the billing run itself in cost
/// (README.md, Benchmarks). The exact length is counted first, then every byte is written in
/// place (no growth, no copy).
fn compact_response(period: Period, lines: &[CompactLine], total: Money) -> Vec<u8> {
    /// "00" to "99".
    const PAIRS: [u8; 200] = {
        let mut t = [0u8; 200];
        let mut i = 0;
        while i < 100 {
            t[2 * i] = b'0' + (i / 10) as u8;
            t[2 * i + 1] = b'0' + (i % 10) as u8;
            i += 1;
        }
        t
    };
    fn digits(v: u64) -> usize {
        v.checked_ilog10().map_or(1, |l| l as usize + 1)
    }
    /// `"-12.34"`: sign, yuan, point, fen, two quotes.
    fn money_len(m: Money) -> usize {
        let fen = m.fen();
        usize::from(fen < 0) + digits(fen.unsigned_abs() / 100) + 5
    }
    /// Writes `v` at `b[at..]`, two digits at a time from the right; returns the end.
    #[inline(always)]
    fn int(b: &mut [u8], at: usize, v: u64) -> usize {
        let n = digits(v);
        let out = &mut b[at..at + n];
        let (mut j, mut x) = (n, v);
        while x >= 100 {
            let r = (x % 100) as usize * 2;
            x /= 100;
            j -= 2;
            out[j] = PAIRS[r];
            out[j + 1] = PAIRS[r + 1];
        }
        if x >= 10 {
            let r = x as usize * 2;
            out[0] = PAIRS[r];
            out[1] = PAIRS[r + 1];
        } else {
            out[0] = b'0' + x as u8;
        }
        at + n
    }
    /// As `Money`'s Display, quoted.
    fn money(b: &mut [u8], mut at: usize, m: Money) -> usize {
        let fen = m.fen();
        b[at] = b'"';
        at += 1;
        if fen < 0 {
            b[at] = b'-';
            at += 1;
        }
        let abs = fen.unsigned_abs();
        at = int(b, at, abs / 100);
        let r = (abs % 100) as usize * 2;
        b[at..at + 4].copy_from_slice(&[b'.', PAIRS[r], PAIRS[r + 1], b'"']);
        at + 4
    }
    fn lit(b: &mut [u8], at: usize, s: &[u8]) -> usize {
        b[at..at + s.len()].copy_from_slice(s);
        at + s.len()
    }
    /// Column `c` (0 unit, 1 item, 2 amount) after its name: `first,second,…]`.
    fn column(b: &mut [u8], mut at: usize, lines: &[CompactLine], c: usize) -> usize {
        for (k, l) in lines.iter().enumerate() {
            if k > 0 {
                b[at] = b',';
                at += 1;
            }
            at = match c {
                0 => int(b, at, l.unit.into()),
                1 => int(b, at, l.item.into()),
                _ => money(b, at, l.amount),
            };
        }
        at
    }
    let head = format!(
        r#"{{"v":{CONTRACT_VERSION},"ok":true,"result":{{"period":"{period}","lines":{{"unit":["#
    );
    const ITEM: &[u8] = br#"],"item":["#;
    const AMOUNT: &[u8] = br#"],"amount":["#;
    const TOTAL: &[u8] = br#"]},"total":"#;
    // Each column has n − 1 commas.
    let commas = 3 * lines.len().saturating_sub(1);
    let len = head.len()
        + ITEM.len()
        + AMOUNT.len()
        + TOTAL.len()
        + money_len(total)
        + 2
        + commas
        + lines
            .iter()
            .map(|l| digits(l.unit.into()) + digits(l.item.into()) + money_len(l.amount))
            .sum::<usize>();
    let mut b = vec![0; len];
    let mut at = lit(&mut b, 0, head.as_bytes());
    at = column(&mut b, at, lines, 0);
    at = lit(&mut b, at, ITEM);
    at = column(&mut b, at, lines, 1);
    at = lit(&mut b, at, AMOUNT);
    at = column(&mut b, at, lines, 2);
    at = lit(&mut b, at, TOTAL);
    at = money(&mut b, at, total);
    at = lit(&mut b, at, b"}}");
    debug_assert_eq!(at, len);
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    /// The hand-written response is what serde writes.
    #[test]
    fn compact_response_is_what_serde_writes() {
        #[derive(Serialize)]
        struct Columns {
            unit: Vec<u32>,
            item: Vec<u16>,
            amount: Vec<Money>,
        }
        #[derive(Serialize)]
        struct Out {
            period: Period,
            lines: Columns,
            total: Money,
        }
        let fen = [
            0,
            1,
            9,
            10,
            99,
            100,
            101,
            23209,
            -7,
            -100,
            -123456,
            i64::MAX,
            i64::MIN + 1,
        ];
        let lines: Vec<CompactLine> = fen
            .iter()
            .enumerate()
            .map(|(k, &f)| CompactLine {
                unit: [0, 9, 10, 99_999, u32::MAX][k % 5],
                item: [0, 1, 10, u16::MAX][k % 4],
                amount: Money::from_fen(f),
            })
            .collect();
        for (lines, period, total) in [
            (&lines[..], "2026-09", Money::from_fen(-5)),
            (&lines[..1], "2026-Q3", Money::from_fen(0)),
            (&[][..], "2026-09-16..2026-09-30", Money::from_fen(163151)),
        ] {
            let period: Period = period.parse().unwrap();
            let serde = Response::ok(&Out {
                period,
                lines: Columns {
                    unit: lines.iter().map(|l| l.unit).collect(),
                    item: lines.iter().map(|l| l.item).collect(),
                    amount: lines.iter().map(|l| l.amount).collect(),
                },
                total,
            });
            let mine = compact_response(period, lines, total);
            assert_eq!(
                String::from_utf8(mine).unwrap(),
                String::from_utf8(serde.body).unwrap()
            );
        }
    }
}
