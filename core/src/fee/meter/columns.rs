//! Meter readings as parallel columns 按列抄表: the bulk form of a month's readings.
//!
//! A month of an estate is one reading per unit and metered item: 100k readings. As rows
//! (`[{"unit":"1-101","item":"water","date":"2026-09-30","previous":"100","current":"118"},
//! …]`) every reading repeats its field names, its item and its date; as columns it is
//!
//! ```json
//! {"unit":[0,2],"item":"water","date":"2026-09-30","previous":[100,500],"current":[118,530]}
//! ```
//!
//! - `unit`: a column of unit indices into the loaded estate (the same indices as the lines
//!   of a compact run) or a column of unit ids — all one or all the other;
//! - `item`, `date`: one value for every reading, or a column;
//! - `previous`, `current`: columns of decimal strings or integers (JSON integers are exact;
//!   a JSON number with a fraction or an exponent is refused: no floating point);
//! - `year_to_date`, `wraps_at` (optional): columns like `previous`, where `null` is a
//!   reading without it; `replaced` (optional): a column of `null` or
//!   `{"old_final":…,"new_initial":…}` (decimal strings, as in a row).
//!
//! Every column has one entry per reading. Reading `j` means exactly what the row would: it
//! is computed through the same [`ReadingRef`], so both forms give the same lines and the
//! same errors (`readings[j]…`, with the unit's id).
//!
//! The columns are read in one pass with no allocation per reading: ids and item codes are
//! packed into one string, numbers parsed straight from the request text. Readings given as
//! rows are read into the same columns (see `Readings`).

use super::{Reading, ReadingRef, Replacement};
use crate::money::Decimal;
use chrono::NaiveDate;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Strings packed into one buffer: one allocation for a column of 100k ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Packed {
    text: String,
    ends: Vec<usize>,
}

impl Packed {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(self.text.len());
    }

    fn get(&self, k: usize) -> &str {
        let a = if k == 0 { 0 } else { self.ends[k - 1] };
        &self.text[a..self.ends[k]]
    }

    fn len(&self) -> usize {
        self.ends.len()
    }
}

/// The unit column: indices or ids.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Units {
    Index(Vec<u32>),
    Id(Packed),
}

impl Units {
    fn len(&self) -> usize {
        match self {
            Units::Index(v) => v.len(),
            Units::Id(p) => p.len(),
        }
    }
}

/// A column of text, or one value for every reading.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Texts {
    One(String),
    Each(Packed),
}

/// A column of dates, or one date for every reading.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Dates {
    One(NaiveDate),
    Each(Vec<NaiveDate>),
}

/// The unit of one reading of [`ReadingColumns`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnUnit<'a> {
    /// An index into the estate's units, as loaded.
    Index(u32),
    /// A unit id.
    Id(&'a str),
}

/// Meter readings as parallel columns 按列抄表, the bulk form of a month's readings (its
/// JSON form: `fee.bill_estate` in docs/contract.md). Built from rows with
/// [`ReadingColumns::from_rows`] or read from JSON; billed with
/// [`crate::fee::Estate::bill_compact_columns`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadingColumns {
    unit: Units,
    item: Texts,
    date: Dates,
    previous: Vec<Decimal>,
    current: Vec<Decimal>,
    year_to_date: Option<Vec<Option<Decimal>>>,
    wraps_at: Option<Vec<Option<Decimal>>>,
    replaced: Option<Vec<Option<Replacement>>>,
}

impl ReadingColumns {
    /// Number of readings.
    pub fn len(&self) -> usize {
        self.previous.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.previous.is_empty()
    }

    /// The unit of reading `j` (`j < len()`).
    pub fn unit(&self, j: usize) -> ColumnUnit<'_> {
        match &self.unit {
            Units::Index(v) => ColumnUnit::Index(v[j]),
            Units::Id(p) => ColumnUnit::Id(p.get(j)),
        }
    }

    /// Reading `j` (`j < len()`), its unit named by `unit` (its id, for messages).
    pub fn reading<'a>(&'a self, j: usize, unit: &'a str) -> ReadingRef<'a> {
        let opt = |c: &Option<Vec<Option<Decimal>>>| c.as_ref().and_then(|c| c[j]);
        ReadingRef {
            unit,
            item: match &self.item {
                Texts::One(s) => s,
                Texts::Each(p) => p.get(j),
            },
            date: match &self.date {
                Dates::One(d) => *d,
                Dates::Each(v) => v[j],
            },
            previous: self.previous[j],
            current: self.current[j],
            wraps_at: opt(&self.wraps_at),
            replaced: self.replaced.as_ref().and_then(|c| c[j]),
            year_to_date: opt(&self.year_to_date),
        }
    }

    /// The same readings as columns, units by id; one `item` or `date` when every row has
    /// the same, and the optional columns only when some row has the field.
    pub fn from_rows(rows: &[Reading]) -> ReadingColumns {
        let mut ids = Packed::default();
        rows.iter().for_each(|r| ids.push(&r.unit));
        let item = match rows.first() {
            Some(f) if rows.iter().all(|r| r.item == f.item) => Texts::One(f.item.clone()),
            _ => {
                let mut p = Packed::default();
                rows.iter().for_each(|r| p.push(&r.item));
                Texts::Each(p)
            }
        };
        let date = match rows.first() {
            Some(f) if rows.iter().all(|r| r.date == f.date) => Dates::One(f.date),
            _ => Dates::Each(rows.iter().map(|r| r.date).collect()),
        };
        fn column<T: Copy>(
            rows: &[Reading],
            f: impl Fn(&Reading) -> Option<T>,
        ) -> Option<Vec<Option<T>>> {
            rows.iter()
                .any(|r| f(r).is_some())
                .then(|| rows.iter().map(f).collect())
        }
        ReadingColumns {
            unit: Units::Id(ids),
            item,
            date,
            previous: rows.iter().map(|r| r.previous).collect(),
            current: rows.iter().map(|r| r.current).collect(),
            year_to_date: column(rows, |r| r.year_to_date),
            wraps_at: column(rows, |r| r.wraps_at),
            replaced: column(rows, |r| r.replaced),
        }
    }
}

// ------------------------------------------------------------------------- reading JSON
//
// Few visitor types, on purpose: serde instantiates every `visit_*` method of a visitor that
// `deserialize_any` drives, and the WASM build pays for each. One visitor reads a scalar (a
// cell of a column, a field of a row), one a column or the whole of `readings`, one a row.

/// The fields of a reading, in [`KEYS`] order (the five required ones first).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Unit,
    Item,
    Date,
    Previous,
    Current,
    YearToDate,
    WrapsAt,
    Replaced,
}

const KEYS: [&str; 8] = [
    "unit",
    "item",
    "date",
    "previous",
    "current",
    "year_to_date",
    "wraps_at",
    "replaced",
];

/// A field name: its [`Key`]; another name is an unknown field.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field of a reading")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Key, E> {
        const ORDER: [Key; 8] = [
            Key::Unit,
            Key::Item,
            Key::Date,
            Key::Previous,
            Key::Current,
            Key::YearToDate,
            Key::WrapsAt,
            Key::Replaced,
        ];
        match KEYS.iter().position(|k| *k == s) {
            Some(i) => Ok(ORDER[i]),
            None => Err(E::unknown_field(s, &KEYS)),
        }
    }
}

/// [`Seed`] reading the whole of `readings` rather than one column.
const READINGS: usize = KEYS.len();

/// What [`Seed`] reads: a scalar (text left in the reader's buffer, an integer, `null`), a
/// meter replacement, a column, or the whole of `readings`. Small (16 bytes): every cell
/// returns one.
enum Read {
    Null,
    Int(i64),
    Text,
    Replaced(Box<Replacement>),
    Column(Box<Column>),
}

/// A column as read, or the whole of `readings`.
enum Column {
    Units(Units),
    Texts(Texts),
    Dates(Dates),
    Decimals(Vec<Option<Decimal>>),
    Required(Vec<Decimal>),
    Replacements(Vec<Option<Replacement>>),
    Readings(ReadingColumns),
}

impl Column {
    fn read(self) -> Read {
        Read::Column(Box::new(self))
    }
}

impl Read {
    fn unexpected(self, text: &str) -> de::Unexpected<'_> {
        match self {
            Read::Null => de::Unexpected::Unit,
            Read::Int(v) => de::Unexpected::Signed(v),
            Read::Text => de::Unexpected::Str(text),
            _ => de::Unexpected::Seq,
        }
    }
}

/// With `cell`, entry `k` of column `col` (a [`KEYS`] index; also a field of a row), its
/// text copied into `text`; without, the value of column `col` (`k`: the number of units
/// read so far, to size it) or, with [`READINGS`], the whole of `readings`: an array of rows
/// or an object of columns. One visitor for all of them keeps the WASM build small.
struct Seed<'s> {
    text: &'s mut String,
    col: usize,
    k: usize,
    cell: bool,
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Read;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Read, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Read;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let name = KEYS.get(self.col).copied().unwrap_or("readings");
        let what = match (self.cell, self.col) {
            (true, 0) => "a unit index or a unit id",
            (true, 1 | 2) => "a string",
            (true, 7) => "null or a meter replacement",
            (true, _) => "a decimal string or an integer",
            (false, READINGS) => {
                return f.write_str("an array of readings or an object of reading columns")
            }
            (false, 0) => "an array of unit indices or of unit ids",
            (false, 1 | 2) => "a string or an array of strings",
            (false, _) => "an array of decimal strings or integers",
        };
        if self.cell {
            write!(f, "{what} at readings.{name}[{}]", self.k)
        } else {
            write!(f, "{what} (readings.{name})")
        }
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Read, E> {
        match (self.cell, self.col) {
            (true, _) => {
                self.text.clear();
                self.text.push_str(s);
                Ok(Read::Text)
            }
            (false, 1) => Ok(Column::Texts(Texts::One(s.to_owned())).read()),
            (false, 2) => date(s, &mut None, format_args!("readings.date"))
                .map(|d| Column::Dates(Dates::One(d)).read()),
            _ => Err(E::invalid_type(de::Unexpected::Str(s), &self)),
        }
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Read, E> {
        match i64::try_from(v) {
            Ok(v) if self.cell => Ok(Read::Int(v)),
            _ => Err(E::invalid_value(de::Unexpected::Unsigned(v), &self)),
        }
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Read, E> {
        if self.cell {
            return Ok(Read::Int(v));
        }
        Err(E::invalid_type(de::Unexpected::Signed(v), &self))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Read, E> {
        if self.cell {
            return Ok(Read::Null);
        }
        Err(E::invalid_type(de::Unexpected::Unit, &self))
    }

    // Out of line, so that a cell (the same visitor, called per entry) does not carry the
    // frame of a whole column.
    #[inline(never)]
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Read, A::Error> {
        if self.cell && self.col == 7 {
            // A meter replacement, as `Replacement` reads it.
            const FIELDS: [&str; 2] = ["old_final", "new_initial"];
            let mut got = [None, None];
            while let Some(f) = map.next_key::<std::borrow::Cow<str>>()? {
                let Some(i) = FIELDS.iter().position(|n| *n == f) else {
                    return Err(de::Error::unknown_field(&f, &FIELDS));
                };
                if got[i].is_some() {
                    return Err(de::Error::duplicate_field(FIELDS[i]));
                }
                let at = (self.col, self.k);
                let v = map.next_value_seed(Seed {
                    text: &mut *self.text,
                    col: 3,
                    k: self.k,
                    cell: true,
                })?;
                got[i] =
                    Some(decimal(v, self.text, at, false)?.ok_or_else(|| {
                        de::Error::invalid_type(de::Unexpected::Unit, &"a string")
                    })?);
            }
            return match got {
                [Some(old_final), Some(new_initial)] => Ok(Read::Replaced(Box::new(Replacement {
                    old_final,
                    new_initial,
                }))),
                [None, _] => Err(de::Error::missing_field(FIELDS[0])),
                _ => Err(de::Error::missing_field(FIELDS[1])),
            };
        }
        if self.cell || self.col != READINGS {
            return Err(de::Error::invalid_type(de::Unexpected::Map, &self));
        }
        columns_of_map(map, self.text).map(|c| Column::Readings(c).read())
    }

    #[inline(never)]
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Read, A::Error> {
        let (text, col) = (self.text, self.col);
        if self.cell {
            return Err(de::Error::invalid_type(
                de::Unexpected::Seq,
                &Seed {
                    text,
                    col,
                    k: self.k,
                    cell: true,
                },
            ));
        }
        if col == READINGS {
            let mut rows = Rows::default();
            while seq
                .next_element_seed(Row {
                    rows: &mut rows,
                    text: &mut *text,
                })?
                .is_some()
            {}
            return Ok(Column::Readings(rows.done()).read());
        }
        let mut units = None;
        let mut texts = Packed::default();
        let mut dates = Vec::new();
        let mut last_date = None;
        let mut decimals = Vec::new();
        let mut required = Vec::new();
        let mut replaced = Vec::new();
        if col == 3 || col == 4 {
            required.reserve(self.k);
        } else if col > 2 {
            decimals.reserve(self.k);
        }
        let mut k = 0;
        while let Some(v) = seq.next_element_seed(Seed {
            text: &mut *text,
            col,
            k,
            cell: true,
        })? {
            let t = text.as_str();
            match (col, v) {
                (0, Read::Int(i)) => match units.get_or_insert_with(|| Units::Index(Vec::new())) {
                    Units::Index(out) => out.push(u32::try_from(i).map_err(|_| {
                        de::Error::custom(format_args!("readings.unit[{k}]: no unit has index {i}"))
                    })?),
                    Units::Id(_) => return Err(mixed(k)),
                },
                (0, Read::Text) => {
                    match units.get_or_insert_with(|| Units::Id(Packed::default())) {
                        Units::Id(p) => p.push(t),
                        Units::Index(_) => return Err(mixed(k)),
                    }
                }
                (1, Read::Text) => texts.push(t),
                (2, Read::Text) => {
                    dates.push(date(t, &mut last_date, format_args!("readings.date[{k}]"))?)
                }
                (0..=2, v) => {
                    let at = Seed {
                        text: &mut String::new(),
                        col,
                        k,
                        cell: true,
                    };
                    return Err(de::Error::invalid_type(v.unexpected(t), &at));
                }
                (7, Read::Null) => replaced.push(None),
                (7, Read::Replaced(r)) => replaced.push(Some(*r)),
                (7, v) => {
                    return Err(de::Error::invalid_type(
                        v.unexpected(t),
                        &"a meter replacement",
                    ))
                }
                (3 | 4, v) => required.push(decimal(v, t, (col, k), true)?.ok_or_else(|| {
                    de::Error::custom(format_args!(
                        "readings.{}[{k}]: null; a reading is required",
                        KEYS[col]
                    ))
                })?),
                (_, v) => decimals.push(decimal(v, t, (col, k), true)?),
            }
            k += 1;
        }
        Ok(match col {
            0 => Column::Units(units.unwrap_or(Units::Index(Vec::new()))),
            1 => Column::Texts(Texts::Each(texts)),
            2 => Column::Dates(Dates::Each(dates)),
            3 | 4 => Column::Required(required),
            7 => Column::Replacements(replaced),
            _ => Column::Decimals(decimals),
        }
        .read())
    }
}

/// A decimal cell: text or (in columns) an integer; `None` for `null`.
fn decimal<E: de::Error>(
    v: Read,
    text: &str,
    (col, k): (usize, usize),
    integers: bool,
) -> Result<Option<Decimal>, E> {
    match v {
        Read::Null => Ok(None),
        Read::Int(i) if integers => Ok(Some(Decimal::from_int(i))),
        Read::Text => text
            .parse()
            .map(Some)
            .map_err(|e| E::custom(format_args!("readings.{}[{k}]: {e}", KEYS[col]))),
        v => Err(E::invalid_type(v.unexpected(text), &"a string")),
    }
}

/// A date, parsed unless it is the text of the last one (a month's readings mostly share
/// one date).
fn date<E: de::Error>(
    text: &str,
    last: &mut Option<(String, NaiveDate)>,
    at: fmt::Arguments,
) -> Result<NaiveDate, E> {
    if let Some((t, d)) = last {
        if t == text {
            return Ok(*d);
        }
    }
    let d = crate::time::parse_date(text)
        .map_err(|e| E::custom(format_args!("{at}: {text:?} is not a date YYYY-MM-DD: {e}")))?;
    *last = Some((text.to_owned(), d));
    Ok(d)
}

fn mixed<E: de::Error>(k: usize) -> E {
    E::custom(format_args!(
        "readings.unit[{k}]: give every unit as an index or every unit as an id, not both"
    ))
}

/// The column form, or an array of rows (read straight into columns), as `fee.bill_estate`
/// takes `readings`.
impl<'de> Deserialize<'de> for ReadingColumns {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ReadingColumns, D::Error> {
        Readings::deserialize(d).map(|r| r.0)
    }
}

/// Reads the columns from an object's entries (`readings` given as an object).
fn columns_of_map<'de, A: MapAccess<'de>>(
    mut map: A,
    text: &mut String,
) -> Result<ReadingColumns, A::Error> {
    let mut seen = [false; KEYS.len()];
    let (mut unit, mut item, mut date, mut replaced) = (None, None, None, None);
    let (mut previous, mut current, mut year_to_date, mut wraps_at) = (None, None, None, None);
    while let Some(key) = map.next_key_seed(KeySeed)? {
        let c = key as usize;
        if seen[c] {
            return Err(de::Error::duplicate_field(KEYS[c]));
        }
        seen[c] = true;
        let hint = unit.as_ref().map_or(0, Units::len);
        let read = map.next_value_seed(Seed {
            text: &mut *text,
            col: c,
            k: hint,
            cell: false,
        })?;
        let Read::Column(column) = read else {
            return Err(de::Error::custom("readings: not a column"));
        };
        match *column {
            Column::Units(u) => unit = Some(u),
            Column::Texts(t) => item = Some(t),
            Column::Dates(d) => date = Some(d),
            Column::Required(v) if key == Key::Previous => previous = Some(v),
            Column::Required(v) => current = Some(v),
            Column::Decimals(v) if key == Key::YearToDate => year_to_date = Some(v),
            Column::Decimals(v) => wraps_at = Some(v),
            Column::Replacements(v) => replaced = Some(v),
            Column::Readings(_) => return Err(de::Error::custom("readings: not a column")),
        }
    }
    if let Some(missing) = (0..5).find(|&c| !seen[c]) {
        return Err(de::Error::missing_field(KEYS[missing]));
    }
    let (Some(unit), Some(item), Some(date), Some(previous), Some(current)) =
        (unit, item, date, previous, current)
    else {
        return Err(de::Error::missing_field("unit"));
    };
    let n = unit.len();
    let lengths = [
        match &item {
            Texts::Each(p) => p.len(),
            Texts::One(_) => n,
        },
        match &date {
            Dates::Each(v) => v.len(),
            Dates::One(_) => n,
        },
        previous.len(),
        current.len(),
        year_to_date.as_ref().map_or(n, Vec::len),
        wraps_at.as_ref().map_or(n, Vec::len),
        replaced.as_ref().map_or(n, Vec::len),
    ];
    for (c, len) in lengths.into_iter().enumerate() {
        if len != n {
            return Err(de::Error::custom(format_args!(
                "readings: column `{}` has {len} entries, `unit` has {n}",
                KEYS[c + 1]
            )));
        }
    }
    Ok(ReadingColumns {
        unit,
        item,
        date,
        previous,
        current,
        year_to_date,
        wraps_at,
        replaced,
    })
}

/// `readings` as `fee.bill_estate` takes them — an array of rows or an object of columns —
/// read into columns either way. Rows are read straight into the columns too, field by
/// field, with no allocation per reading (a row as [`Reading`] holds two `String`s and goes
/// through a `String` per number); they take exactly what [`Reading`] takes (strings for
/// numbers, ids for units, no unknown field), and a row that does not read is named by
/// the element-by-element path of the contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Readings(pub(crate) ReadingColumns);

impl Default for Readings {
    fn default() -> Readings {
        Readings(Rows::default().done())
    }
}

impl<'de> Deserialize<'de> for Readings {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Readings, D::Error> {
        let seed = Seed {
            text: &mut String::new(),
            col: READINGS,
            k: 0,
            cell: false,
        };
        match seed.deserialize(d)? {
            Read::Column(c) => match *c {
                Column::Readings(c) => Ok(Readings(c)),
                _ => Err(de::Error::custom("readings: not readings")),
            },
            _ => Err(de::Error::custom("readings: not readings")),
        }
    }
}

/// The columns filled from rows.
#[derive(Debug, Default)]
struct Rows {
    n: usize,
    unit: Packed,
    item: Packed,
    date: Vec<NaiveDate>,
    last_date: Option<(String, NaiveDate)>,
    previous: Vec<Decimal>,
    current: Vec<Decimal>,
    year_to_date: Option<Vec<Option<Decimal>>>,
    wraps_at: Option<Vec<Option<Decimal>>>,
    replaced: Option<Vec<Option<Replacement>>>,
}

impl Rows {
    fn done(self) -> ReadingColumns {
        ReadingColumns {
            unit: Units::Id(self.unit),
            item: Texts::Each(self.item),
            date: Dates::Each(self.date),
            previous: self.previous,
            current: self.current,
            year_to_date: self.year_to_date,
            wraps_at: self.wraps_at,
            replaced: self.replaced,
        }
    }
}

/// Sets row `k`'s entry of an optional column: made (with `None` for the rows before) at
/// its first value, padded with `None` where a row has none.
fn optional<T: Clone>(col: &mut Option<Vec<Option<T>>>, k: usize, v: Option<T>) {
    match col {
        Some(c) if c.len() == k => c.push(v),
        Some(_) => {}
        None if v.is_some() => {
            let mut c = vec![None; k];
            c.push(v);
            *col = Some(c);
        }
        None => {}
    }
}

/// One row into the columns.
struct Row<'b> {
    rows: &'b mut Rows,
    text: &'b mut String,
}

impl<'de> DeserializeSeed<'de> for Row<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Row<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a reading")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let (r, text) = (self.rows, self.text);
        let k = r.n;
        let mut seen = [false; KEYS.len()];
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let c = key as usize;
            if seen[c] {
                return Err(de::Error::duplicate_field(KEYS[c]));
            }
            seen[c] = true;
            let v = map.next_value_seed(Seed {
                text: &mut *text,
                col: c,
                k,
                cell: true,
            })?;
            let t = text.as_str();
            if c < 3 && !matches!(v, Read::Text) {
                return Err(de::Error::invalid_type(v.unexpected(t), &"a string"));
            }
            match key {
                Key::Unit => r.unit.push(t),
                Key::Item => r.item.push(t),
                Key::Date => r.date.push(date(
                    t,
                    &mut r.last_date,
                    format_args!("readings[{k}].date"),
                )?),
                Key::YearToDate => optional(&mut r.year_to_date, k, decimal(v, t, (c, k), false)?),
                Key::WrapsAt => optional(&mut r.wraps_at, k, decimal(v, t, (c, k), false)?),
                Key::Replaced => match v {
                    Read::Replaced(x) => optional(&mut r.replaced, k, Some(*x)),
                    Read::Null => optional(&mut r.replaced, k, None),
                    v => {
                        return Err(de::Error::invalid_type(
                            v.unexpected(t),
                            &"a meter replacement",
                        ))
                    }
                },
                _ => {
                    let d = decimal(v, t, (c, k), false)?.ok_or_else(|| {
                        de::Error::invalid_type(de::Unexpected::Unit, &"a string")
                    })?;
                    if key == Key::Previous {
                        r.previous.push(d)
                    } else {
                        r.current.push(d)
                    }
                }
            }
        }
        if let Some(missing) = (0..5).find(|&c| !seen[c]) {
            return Err(de::Error::missing_field(KEYS[missing]));
        }
        optional(&mut r.year_to_date, k, None);
        optional(&mut r.wraps_at, k, None);
        optional(&mut r.replaced, k, None);
        r.n += 1;
        Ok(())
    }
}

// ------------------------------------------------------------------------- writing JSON

impl Serialize for ReadingColumns {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Each<'a, T>(&'a [T]);
        impl<T: Serialize> Serialize for Each<'_, T> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0)
            }
        }
        struct Strs<'a>(&'a Packed);
        impl Serialize for Strs<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut seq = s.serialize_seq(Some(self.0.len()))?;
                for k in 0..self.0.len() {
                    seq.serialize_element(self.0.get(k))?;
                }
                seq.end()
            }
        }
        let mut m = s.serialize_map(None)?;
        match &self.unit {
            Units::Index(v) => m.serialize_entry("unit", &Each(v))?,
            Units::Id(p) => m.serialize_entry("unit", &Strs(p))?,
        }
        match &self.item {
            Texts::One(t) => m.serialize_entry("item", t)?,
            Texts::Each(p) => m.serialize_entry("item", &Strs(p))?,
        }
        match &self.date {
            Dates::One(d) => m.serialize_entry("date", d)?,
            Dates::Each(v) => m.serialize_entry("date", &Each(v))?,
        }
        m.serialize_entry("previous", &Each(&self.previous))?;
        m.serialize_entry("current", &Each(&self.current))?;
        if let Some(c) = &self.year_to_date {
            m.serialize_entry("year_to_date", &Each(c))?;
        }
        if let Some(c) = &self.wraps_at {
            m.serialize_entry("wraps_at", &Each(c))?;
        }
        if let Some(c) = &self.replaced {
            m.serialize_entry("replaced", &Each(c))?;
        }
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols(json: &str) -> Result<ReadingColumns, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn indices_or_ids_one_or_each() {
        let c = cols(
            r#"{"unit":[0,2],"item":"water","date":"2026-09-30","previous":[100,"500.5"],"current":["118",530]}"#,
        )
        .unwrap();
        assert_eq!(c.len(), 2);
        assert_eq!(c.unit(1), ColumnUnit::Index(2));
        let r = c.reading(1, "V-01");
        assert_eq!((r.unit, r.item), ("V-01", "water"));
        assert_eq!(r.previous, "500.5".parse().unwrap());
        assert_eq!(r.current, Decimal::from_int(530));
        assert_eq!(r.year_to_date, None);
        let c = cols(
            r#"{"unit":["1-101","V-01"],"item":["water","power"],"date":["2026-09-30","2026-09-29"],
                "previous":[1,2],"current":[3,4],"year_to_date":[null,"7"],"wraps_at":[10000,null],
                "replaced":[null,{"old_final":"5","new_initial":"0"}]}"#,
        )
        .unwrap();
        assert_eq!(c.unit(0), ColumnUnit::Id("1-101"));
        let r = c.reading(1, "V-01");
        assert_eq!(r.item, "power");
        assert_eq!(r.date.to_string(), "2026-09-29");
        assert_eq!(r.year_to_date, Some(Decimal::from_int(7)));
        assert_eq!(r.wraps_at, None);
        assert!(r.replaced.is_some());
        assert_eq!(
            c.reading(0, "1-101").wraps_at,
            Some(Decimal::from_int(10000))
        );
        // Round trip through JSON.
        let back = cols(&serde_json::to_string(&c).unwrap()).unwrap();
        assert_eq!(back, c);
    }

    #[test]
    fn refusals_name_the_column_and_entry() {
        let base =
            |patch: &str| format!(r#"{{"unit":[0,1],"item":"water","date":"2026-09-30",{patch}}}"#);
        let e = cols(&base(r#""previous":[1,1.5],"current":[2,3]"#)).unwrap_err();
        assert!(e.starts_with("invalid type: floating point `1.5`, expected a decimal string or an integer at readings.previous[1]"), "{e}");
        let e = cols(&base(r#""previous":[1,"1e3"],"current":[2,3]"#)).unwrap_err();
        assert!(e.starts_with("readings.previous[1]: "), "{e}");
        let e = cols(&base(r#""previous":[1],"current":[2,3]"#)).unwrap_err();
        assert!(
            e.starts_with("readings: column `previous` has 1 entries, `unit` has 2"),
            "{e}"
        );
        let e = cols(&base(r#""previous":[1,null],"current":[2,3]"#)).unwrap_err();
        assert!(e.starts_with("readings.previous[1]: null"), "{e}");
        let e = cols(&base(r#""previous":[1,2],"current":[2,3],"extra":1"#)).unwrap_err();
        assert!(e.starts_with("unknown field `extra`"), "{e}");
        let e = cols(&base(r#""previous":[1,2]"#)).unwrap_err();
        assert!(e.starts_with("missing field `current`"), "{e}");
        let e = cols(&base(r#""previous":[1,2],"current":[2,3],"current":[2,3]"#)).unwrap_err();
        assert!(e.starts_with("duplicate field `current`"), "{e}");
        let e = cols(r#"{"unit":[0,"1-101"],"item":"w","date":"2026-09-30","previous":[1,2],"current":[2,3]}"#)
            .unwrap_err();
        assert!(
            e.starts_with("readings.unit[1]: give every unit as an index"),
            "{e}"
        );
        let e = cols(r#"{"unit":[0],"item":"w","date":"2026-09-31","previous":[1],"current":[2]}"#)
            .unwrap_err();
        assert!(
            e.starts_with("readings.date: \"2026-09-31\" is not a date"),
            "{e}"
        );
    }

    #[test]
    fn from_rows_keeps_every_field() {
        let rows: Vec<Reading> = serde_json::from_str(
            r#"[{"unit":"1-101","item":"water","date":"2026-09-30","previous":"100","current":"118"},
                {"unit":"V-01","item":"water","date":"2026-09-30","previous":"9990","current":"12","wraps_at":"10000","year_to_date":"3.5"}]"#,
        )
        .unwrap();
        let c = ReadingColumns::from_rows(&rows);
        assert_eq!(c.len(), 2);
        for (j, r) in rows.iter().enumerate() {
            assert_eq!(c.unit(j), ColumnUnit::Id(&r.unit));
            assert_eq!(c.reading(j, &r.unit), r.as_ref());
        }
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(
            json,
            r#"{"unit":["1-101","V-01"],"item":"water","date":"2026-09-30","previous":["100","9990"],"current":["118","12"],"year_to_date":[null,"3.5"],"wraps_at":[null,"10000"]}"#
        );
    }
}
