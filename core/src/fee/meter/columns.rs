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
//!   `{"old_final":…,"new_initial":…}`.
//!
//! Every column has one entry per reading. Reading `j` means exactly what the row would: it
//! is computed through the same [`ReadingRef`], so both forms give the same lines and the
//! same errors (`readings[j]…`, with the unit's id).
//!
//! The columns are read in one pass with no allocation per reading: ids and item codes are
//! packed into one string, numbers parsed straight from the request text.

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

/// Meter readings as parallel columns (see the [module](self) for the JSON form). Built
/// from rows with [`ReadingColumns::from_rows`] or read from JSON; billed with
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

/// The fields of a reading, in [`KEYS`] order (the five required ones first).
#[derive(Clone, Copy, Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
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

/// Sets a column once (a repeated key is refused, as for any object of the contract).
fn once<T, E: de::Error>(slot: &mut Option<T>, v: T, key: &'static str) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::duplicate_field(key));
    }
    *slot = Some(v);
    Ok(())
}

impl<'de> Deserialize<'de> for ReadingColumns {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ReadingColumns, D::Error> {
        d.deserialize_map(ColumnsVisitor)
    }
}

struct ColumnsVisitor;

impl<'de> Visitor<'de> for ColumnsVisitor {
    type Value = ReadingColumns;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of reading columns")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ReadingColumns, A::Error> {
        columns_of_map(map)
    }
}

/// Reads the columns from an object's entries (for `readings` given as an object).
fn columns_of_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<ReadingColumns, A::Error> {
    let (mut unit, mut item, mut date) = (None, None, None);
    let (mut previous, mut current) = (None, None);
    let (mut year_to_date, mut wraps_at, mut replaced) = (None, None, None);
    while let Some(key) = map.next_key::<Key>()? {
        match key {
            Key::Unit => once(&mut unit, map.next_value_seed(UnitColumn)?, "unit")?,
            Key::Item => once(&mut item, map.next_value_seed(TextColumn("item"))?, "item")?,
            Key::Date => once(&mut date, map.next_value_seed(DateColumn)?, "date")?,
            Key::Previous => {
                let v = map.next_value_seed(DecimalColumn::new("previous", &unit))?;
                once(&mut previous, v, "previous")?
            }
            Key::Current => {
                let v = map.next_value_seed(DecimalColumn::new("current", &unit))?;
                once(&mut current, v, "current")?
            }
            Key::YearToDate => {
                let v = map.next_value_seed(DecimalColumn::new("year_to_date", &unit))?;
                once(&mut year_to_date, v, "year_to_date")?
            }
            Key::WrapsAt => {
                let v = map.next_value_seed(DecimalColumn::new("wraps_at", &unit))?;
                once(&mut wraps_at, v, "wraps_at")?
            }
            Key::Replaced => {
                let v = map.next_value::<Vec<Option<Replacement>>>()?;
                once(&mut replaced, v, "replaced")?
            }
        }
    }
    let unit = unit.ok_or_else(|| de::Error::missing_field("unit"))?;
    let item = item.ok_or_else(|| de::Error::missing_field("item"))?;
    let date = date.ok_or_else(|| de::Error::missing_field("date"))?;
    let previous = previous.ok_or_else(|| de::Error::missing_field("previous"))?;
    let current = current.ok_or_else(|| de::Error::missing_field("current"))?;
    let n = match &unit {
        Units::Index(v) => v.len(),
        Units::Id(p) => p.len(),
    };
    let lengths = [
        (
            "item",
            if let Texts::Each(p) = &item {
                p.len()
            } else {
                n
            },
        ),
        (
            "date",
            if let Dates::Each(v) = &date {
                v.len()
            } else {
                n
            },
        ),
        ("previous", previous.len()),
        ("current", current.len()),
        ("year_to_date", year_to_date.as_ref().map_or(n, Vec::len)),
        ("wraps_at", wraps_at.as_ref().map_or(n, Vec::len)),
        ("replaced", replaced.as_ref().map_or(n, Vec::len)),
    ];
    for (name, len) in lengths {
        if len != n {
            return Err(de::Error::custom(format_args!(
                "readings: column `{name}` has {len} entries, `unit` has {n}"
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

/// An entry of a decimal column: a [`Decimal`] (`null` refused), or an optional one.
trait DecimalEntry: Sized {
    fn of(v: Option<Decimal>) -> Option<Self>;
}

impl DecimalEntry for Decimal {
    fn of(v: Option<Decimal>) -> Option<Decimal> {
        v
    }
}

impl DecimalEntry for Option<Decimal> {
    fn of(v: Option<Decimal>) -> Option<Option<Decimal>> {
        Some(v)
    }
}

/// A column of decimals (strings or integers; `null` only where `T` is optional), sized
/// after the unit column when that came first.
struct DecimalColumn<T> {
    name: &'static str,
    hint: usize,
    entry: std::marker::PhantomData<T>,
}

impl<T> DecimalColumn<T> {
    fn new(name: &'static str, unit: &Option<Units>) -> DecimalColumn<T> {
        let hint = match unit {
            Some(Units::Index(v)) => v.len(),
            Some(Units::Id(p)) => p.len(),
            None => 0,
        };
        DecimalColumn {
            name,
            hint,
            entry: std::marker::PhantomData,
        }
    }
}

impl<'de, T: DecimalEntry> DeserializeSeed<'de> for DecimalColumn<T> {
    type Value = Vec<T>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<T>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T: DecimalEntry> Visitor<'de> for DecimalColumn<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "an array of decimal strings or integers (readings.{})",
            self.name
        )
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut out = Vec::with_capacity(self.hint);
        while let Some(v) = seq.next_element_seed(DecimalCell(self.name, out.len()))? {
            let k = out.len();
            out.push(T::of(v).ok_or_else(|| {
                de::Error::custom(format_args!(
                    "readings.{}[{k}]: null; a reading is required",
                    self.name
                ))
            })?);
        }
        Ok(out)
    }
}

/// Entry `.1` of column `.0`.
struct DecimalCell(&'static str, usize);

impl<'de> DeserializeSeed<'de> for DecimalCell {
    type Value = Option<Decimal>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for DecimalCell {
    type Value = Option<Decimal>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "a decimal string or an integer at readings.{}[{}]",
            self.0, self.1
        )
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        s.parse()
            .map(Some)
            .map_err(|e| E::custom(format_args!("readings.{}[{}]: {e}", self.0, self.1)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        match i64::try_from(v) {
            Ok(v) => Ok(Some(Decimal::from_int(v))),
            Err(_) => Err(E::invalid_value(de::Unexpected::Unsigned(v), &self)),
        }
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(Decimal::from_int(v)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

/// The unit column: all indices or all ids.
struct UnitColumn;

impl<'de> DeserializeSeed<'de> for UnitColumn {
    type Value = Units;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Units, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for UnitColumn {
    type Value = Units;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of unit indices or of unit ids (readings.unit)")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Units, A::Error> {
        let mut out = None;
        while seq.next_element_seed(UnitCell(&mut out))?.is_some() {}
        Ok(out.unwrap_or(Units::Index(Vec::new())))
    }
}

/// Appends one entry to the unit column; the first entry decides indices or ids.
struct UnitCell<'b>(&'b mut Option<Units>);

impl UnitCell<'_> {
    fn k(&self) -> usize {
        match &self.0 {
            None => 0,
            Some(Units::Index(v)) => v.len(),
            Some(Units::Id(p)) => p.len(),
        }
    }
}

impl<'de> DeserializeSeed<'de> for UnitCell<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for UnitCell<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "a unit index or a unit id at readings.unit[{}]",
            self.k()
        )
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<(), E> {
        match self.0.get_or_insert_with(|| Units::Id(Packed::default())) {
            Units::Id(p) => {
                p.push(s);
                Ok(())
            }
            Units::Index(v) => Err(mixed(v.len())),
        }
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        let k = self.k();
        match self.0.get_or_insert_with(|| Units::Index(Vec::new())) {
            Units::Index(out) => {
                let u = u32::try_from(v).map_err(|_| {
                    E::custom(format_args!("readings.unit[{k}]: no unit has index {v}"))
                })?;
                out.push(u);
                Ok(())
            }
            Units::Id(p) => Err(mixed(p.len())),
        }
    }
}

fn mixed<E: de::Error>(k: usize) -> E {
    E::custom(format_args!(
        "readings.unit[{k}]: give every unit as an index or every unit as an id, not both"
    ))
}

/// One text for every reading, or a column of texts.
struct TextColumn(&'static str);

impl<'de> DeserializeSeed<'de> for TextColumn {
    type Value = Texts;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Texts, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TextColumn {
    type Value = Texts;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a string or an array of strings (readings.{})", self.0)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Texts, E> {
        Ok(Texts::One(s.to_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Texts, A::Error> {
        let mut p = Packed::default();
        while seq.next_element_seed(TextCell(&mut p))?.is_some() {}
        Ok(Texts::Each(p))
    }
}

struct TextCell<'b>(&'b mut Packed);

impl<'de> DeserializeSeed<'de> for TextCell<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for TextCell<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a string at readings.item[{}]", self.0.len())
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<(), E> {
        self.0.push(s);
        Ok(())
    }
}

/// One date for every reading, or a column of dates.
struct DateColumn;

fn date<E: de::Error>(s: &str, at: fmt::Arguments) -> Result<NaiveDate, E> {
    s.parse()
        .map_err(|e| E::custom(format_args!("{at}: {s:?} is not a date YYYY-MM-DD: {e}")))
}

impl<'de> DeserializeSeed<'de> for DateColumn {
    type Value = Dates;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Dates, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for DateColumn {
    type Value = Dates;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date or an array of dates (readings.date)")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Dates, E> {
        date(s, format_args!("readings.date")).map(Dates::One)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Dates, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(d) = seq.next_element_seed(DateCell(out.len()))? {
            out.push(d);
        }
        Ok(Dates::Each(out))
    }
}

struct DateCell(usize);

impl<'de> DeserializeSeed<'de> for DateCell {
    type Value = NaiveDate;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for DateCell {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a date at readings.date[{}]", self.0)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<NaiveDate, E> {
        date(s, format_args!("readings.date[{}]", self.0))
    }
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
        Readings(ReadingColumns {
            unit: Units::Id(Packed::default()),
            item: Texts::Each(Packed::default()),
            date: Dates::Each(Vec::new()),
            previous: Vec::new(),
            current: Vec::new(),
            year_to_date: None,
            wraps_at: None,
            replaced: None,
        })
    }
}

impl<'de> Deserialize<'de> for Readings {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Readings, D::Error> {
        d.deserialize_any(ReadingsVisitor)
    }
}

struct ReadingsVisitor;

impl<'de> Visitor<'de> for ReadingsVisitor {
    type Value = Readings;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of readings or an object of reading columns")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Readings, A::Error> {
        let mut rows = Rows::default();
        while seq.next_element_seed(Row(&mut rows))?.is_some() {}
        Ok(Readings(ReadingColumns {
            unit: Units::Id(rows.unit),
            item: rows.item.done(),
            date: rows.date.done(),
            previous: rows.previous,
            current: rows.current,
            year_to_date: rows.year_to_date,
            wraps_at: rows.wraps_at,
            replaced: rows.replaced,
        }))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Readings, A::Error> {
        columns_of_map(map).map(Readings)
    }
}

/// A column being filled row by row: one value while every row has the same, then each.
#[derive(Debug, Default)]
enum Repeated<T> {
    #[default]
    Empty,
    One(T, usize),
    Each(Vec<T>),
}

impl<T: PartialEq + Clone> Repeated<T> {
    fn push(&mut self, v: T) {
        match self {
            Repeated::Empty => *self = Repeated::One(v, 1),
            Repeated::One(t, k) if *t == v => *k += 1,
            Repeated::One(t, k) => {
                let mut each = vec![t.clone(); *k];
                each.push(v);
                *self = Repeated::Each(each);
            }
            Repeated::Each(each) => each.push(v),
        }
    }
}

impl Repeated<NaiveDate> {
    fn done(self) -> Dates {
        match self {
            Repeated::Empty => Dates::Each(Vec::new()),
            Repeated::One(d, _) => Dates::One(d),
            Repeated::Each(v) => Dates::Each(v),
        }
    }
}

/// Item codes row by row: mostly one, so compared with the last rather than copied.
#[derive(Debug, Default)]
struct RowItems {
    one: Option<String>,
    count: usize,
    each: Option<Packed>,
}

impl RowItems {
    fn push(&mut self, s: &str) {
        if let Some(p) = &mut self.each {
            p.push(s);
            return;
        }
        match &self.one {
            None => self.one = Some(s.to_owned()),
            Some(one) if one == s => {}
            Some(one) => {
                let mut p = Packed::default();
                (0..self.count).for_each(|_| p.push(one));
                p.push(s);
                self.each = Some(p);
                return;
            }
        }
        self.count += 1;
    }

    fn done(self) -> Texts {
        match (self.each, self.one) {
            (Some(p), _) => Texts::Each(p),
            (None, Some(one)) => Texts::One(one),
            (None, None) => Texts::Each(Packed::default()),
        }
    }
}

/// The columns filled from rows.
#[derive(Debug, Default)]
struct Rows {
    n: usize,
    unit: Packed,
    item: RowItems,
    date: Repeated<NaiveDate>,
    /// The last date's text and value: a month's readings mostly share one date.
    last_date: Option<(String, NaiveDate)>,
    previous: Vec<Decimal>,
    current: Vec<Decimal>,
    year_to_date: Option<Vec<Option<Decimal>>>,
    wraps_at: Option<Vec<Option<Decimal>>>,
    replaced: Option<Vec<Option<Replacement>>>,
}

/// Sets row `k`'s entry of an optional column (made, with `None` for the rows before, at
/// its first value).
fn optional<T: Clone>(col: &mut Option<Vec<Option<T>>>, k: usize, v: Option<T>) {
    match col {
        Some(c) => c.push(v),
        None if v.is_some() => {
            let mut c = vec![None; k];
            c.push(v);
            *col = Some(c);
        }
        None => {}
    }
}

/// Pads an optional column the row did not give.
fn absent<T>(col: &mut Option<Vec<Option<T>>>, k: usize) {
    if let Some(c) = col {
        if c.len() == k {
            c.push(None);
        }
    }
}

/// One row into the columns.
struct Row<'b>(&'b mut Rows);

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
        let r = self.0;
        let k = r.n;
        // Each field once; the required ones all present.
        let mut seen = [false; 8];
        while let Some(key) = map.next_key::<Key>()? {
            let at = key as usize;
            if seen[at] {
                return Err(de::Error::duplicate_field(KEYS[at]));
            }
            seen[at] = true;
            match key {
                Key::Unit => map.next_value_seed(Str(|s: &str| r.unit.push(s)))?,
                Key::Item => map.next_value_seed(Str(|s: &str| r.item.push(s)))?,
                Key::Date => {
                    let d = map.next_value_seed(RowDate(&mut r.last_date, k))?;
                    r.date.push(d);
                }
                Key::Previous => r.previous.push(map.next_value_seed(DecimalString)?),
                Key::Current => r.current.push(map.next_value_seed(DecimalString)?),
                Key::YearToDate => {
                    let v = map.next_value_seed(OptionalDecimalString)?;
                    optional(&mut r.year_to_date, k, v);
                }
                Key::WrapsAt => {
                    let v = map.next_value_seed(OptionalDecimalString)?;
                    optional(&mut r.wraps_at, k, v);
                }
                Key::Replaced => {
                    let v = map.next_value::<Option<Replacement>>()?;
                    optional(&mut r.replaced, k, v);
                }
            }
        }
        if let Some(missing) = (0..5).find(|&f| !seen[f]) {
            return Err(de::Error::missing_field(KEYS[missing]));
        }
        absent(&mut r.year_to_date, k);
        absent(&mut r.wraps_at, k);
        absent(&mut r.replaced, k);
        r.n += 1;
        Ok(())
    }
}

/// A row's date, parsed unless it is the text of the last one.
struct RowDate<'b>(&'b mut Option<(String, NaiveDate)>, usize);

impl<'de> DeserializeSeed<'de> for RowDate<'_> {
    type Value = NaiveDate;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for RowDate<'_> {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<NaiveDate, E> {
        match self.0 {
            Some((text, d)) if text == s => Ok(*d),
            last => {
                let d = DateCell(self.1).visit_str(s)?;
                *last = Some((s.to_owned(), d));
                Ok(d)
            }
        }
    }
}

/// A string, handed to a closure (no copy of its own).
struct Str<F>(F);

impl<'de, F: FnOnce(&str)> DeserializeSeed<'de> for Str<F> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de, F: FnOnce(&str)> Visitor<'de> for Str<F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<(), E> {
        (self.0)(s);
        Ok(())
    }
}

/// A decimal string, as [`Decimal`]'s own `Deserialize` reads it (not a number).
struct DecimalString;

impl<'de> DeserializeSeed<'de> for DecimalString {
    type Value = Decimal;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Decimal, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for DecimalString {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Decimal, E> {
        s.parse().map_err(E::custom)
    }
}

/// `null` or a decimal string.
struct OptionalDecimalString;

impl<'de> DeserializeSeed<'de> for OptionalDecimalString {
    type Value = Option<Decimal>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<Decimal>, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for OptionalDecimalString {
    type Value = Option<Decimal>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<Decimal>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<Decimal>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<Decimal>, D::Error> {
        DecimalString.deserialize(d).map(Some)
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
