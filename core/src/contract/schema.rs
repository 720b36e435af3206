//! The JSON Schema 接口模式 (draft 2020-12) of the contract, derived from the Rust types
//! (`docs/contract.schema.json`). Built only with the cargo feature `schema`.
//!
//! Every type that crosses the contract derives [`JsonSchema`] (behind the feature), reading
//! serde's own attributes (`tag`, `rename_all`, `deny_unknown_fields`, `default`,
//! `skip_serializing_if`) and its doc comments. The types with a hand-written wire form get
//! their schema here, by hand, from their parsers: [`Money`], [`Decimal`], [`Period`],
//! [`Figure`], [`ReadingColumns`] (and the `readings` of `fee.bill_estate`), and [`Instant`]
//! (inlined where it is used: [`INSTANT_PATTERN`]); dates (chrono's `NaiveDate`, read by
//! `crate::time::de_date`) get the exact documented form by a pass over the finished document
//! ([`DATE_PATTERN`]).
//!
//! # Two directions
//!
//! What a caller may send and what the library writes differ: an amount may be sent as
//! `"1234.5"` or `"-3"` but is always written `"1234.50"`; a field with a default may be
//! left out of a request but is always present in a response. So arguments are described
//! as they are *read* (schemars' deserialize contract) and results as they are *written*
//! (its serialize contract). A type whose two forms are the same has one definition under
//! its name; one whose forms differ (or that contains such a type) has its read form under
//! its name and its written form under `<Name>.out` (e.g. `Money` and `Money.out`).
//!
//! # The document ([`contract_schema`])
//!
//! `$defs`, sorted by name:
//! - `Request`: `oneOf` the operations' requests; `Request.<op>` (e.g.
//!   `Request.fee.account.execute`): `{"v":1,"op":"<op>","args":…}`, no other member;
//!   `args` may be left out or `null` when every argument is optional (the contract reads a
//!   missing or `null` `args` as `{}`).
//! - `Response.<op>`: `oneOf` the success envelope `{"v":1,"ok":true,"result":…}` with
//!   that operation's result, or `FailureResponse`.
//! - `FailureResponse`: `{"v":1,"ok":false,"error":Failure}`; `Failure` (as
//!   `contract::Failure`): `status`, `code`, `message`; `Status`: the stable status values
//!   (each titled by its name).
//! - `EngineConfig`: what an engine is made from: `{"v":1}` and optionally `config`,
//!   `policy`, `calendar`, or a saved `state` (alone).
//! - every domain type, once (twice when its forms differ, as above).
//!
//! The document's root is `Request`.

use crate::calendar::CalendarSpec;
use crate::contract::{Status, CONTRACT_VERSION};
use crate::desk::config::DeskConfig;
use crate::desk::sla::SlaPolicy;
use crate::desk::Desk;
use crate::fee::meter::ReadingColumns;
use crate::fee::Period;
use crate::money::{Decimal, Money};
use crate::num::Figure;
use crate::time::Instant;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::{json, Map, Value};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// An instant as documented: RFC 3339, whole seconds, `Z` or an offset `±HH:MM`.
pub const INSTANT_PATTERN: &str = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$";

/// A date as documented: `YYYY-MM-DD`.
pub const DATE_PATTERN: &str = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

/// An amount as read: yuan with at most two decimals, no `+`, exponent or separator.
pub const MONEY_IN_PATTERN: &str = "^-?[0-9]+(\\.[0-9]{1,2})?$";

/// An amount as written: yuan with exactly two decimals.
pub const MONEY_OUT_PATTERN: &str = "^-?[0-9]+\\.[0-9]{2}$";

/// An exact decimal: plain notation, up to 18 decimals.
pub const DECIMAL_PATTERN: &str = "^-?[0-9]+(\\.[0-9]{1,18})?$";

/// A survey figure as written: exactly its places (none, 2 or 4).
pub const FIGURE_PATTERN: &str = "^-?[0-9]+(\\.[0-9]+)?$";

/// A billing period: `YYYY-MM`, `YYYY-Qn`, `YYYY` or `YYYY-MM-DD..YYYY-MM-DD`.
pub const PERIOD_PATTERN: &str = "^([0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?|[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])\\.\\.[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]))$";

/// The JSON Schema dialect of the document.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The suffix of a type's written form where it differs from its read form.
pub const OUT_SUFFIX: &str = ".out";

/// One operation of the contract, as the schema sees it: its name, and how to describe its
/// arguments (as read) and its result (as written). A row of the operation table makes one
/// with [`OpSchema::of`]: `OpSchema::of::<RegisterArgs, EventsOut>("request.register")`.
#[derive(Clone, Copy)]
pub struct OpSchema {
    /// The operation's name, e.g. `request.register`.
    pub name: &'static str,
    /// The schema of `args` (given a generator for the deserialize contract).
    pub args: fn(&mut SchemaGenerator) -> Schema,
    /// The schema of `result` (given a generator for the serialize contract).
    pub result: fn(&mut SchemaGenerator) -> Schema,
}

impl OpSchema {
    /// The operation `name` whose arguments are an `A` and whose result is an `R`.
    pub fn of<A: JsonSchema, R: JsonSchema>(name: &'static str) -> OpSchema {
        OpSchema {
            name,
            args: schema_of::<A>,
            result: schema_of::<R>,
        }
    }
}

/// The schema of `T` from `g`: a `$ref` into the generator's definitions (or `T`'s schema
/// itself when schemars inlines it). Coerces to the function pointers of [`OpSchema`].
pub fn schema_of<T: JsonSchema>(g: &mut SchemaGenerator) -> Schema {
    g.subschema_for::<T>()
}

/// The generator for one direction: draft 2020-12, definitions under `$defs`.
fn generator(read: bool) -> SchemaGenerator {
    let settings = schemars::generate::SchemaSettings::draft2020_12();
    let settings = if read {
        settings.for_deserialize()
    } else {
        settings.for_serialize()
    };
    settings.into_generator()
}

/// The whole contract document for `ops`: see the module documentation for its layout.
/// Deterministic: every object's members are sorted.
pub fn contract_schema(ops: &[OpSchema]) -> Value {
    let mut read = generator(true);
    let mut written = generator(false);

    let mut defs = Map::new();
    let mut requests = Vec::new();
    let mut op_args = Vec::new();
    let mut op_results = Vec::new();
    for op in ops {
        op_args.push((op.args)(&mut read).to_value());
        op_results.push((op.result)(&mut written).to_value());
    }
    let config = engine_config(&mut read);
    let read_defs = read.take_definitions(true);
    let written_defs = written.take_definitions(true);

    // Which written forms need a name of their own: those that differ from the read form,
    // then, until nothing changes, those that refer to one of them.
    let mut split: BTreeSet<String> = written_defs
        .iter()
        .filter(|(name, s)| read_defs.get(*name).is_some_and(|r| r != *s))
        .map(|(name, _)| name.clone())
        .collect();
    loop {
        let more: Vec<String> = written_defs
            .iter()
            .filter(|(name, s)| {
                !split.contains(*name)
                    && read_defs.contains_key(*name)
                    && refs(s).iter().any(|r| split.contains(r))
            })
            .map(|(name, _)| name.clone())
            .collect();
        if more.is_empty() {
            break;
        }
        split.extend(more);
    }
    let rename: BTreeMap<String, String> = split
        .iter()
        .map(|n| (n.clone(), format!("{n}{OUT_SUFFIX}")))
        .collect();
    for name in rename.values() {
        assert!(
            !read_defs.contains_key(name) && !written_defs.contains_key(name),
            "the written form's name {name} is taken by a type"
        );
    }
    for (name, s) in read_defs {
        defs.insert(name, s);
    }
    for (name, mut s) in written_defs {
        retarget(&mut s, &rename);
        let name = rename.get(&name).cloned().unwrap_or(name);
        defs.insert(name, s);
    }

    for (op, (args, mut result)) in ops.iter().zip(op_args.into_iter().zip(op_results)) {
        retarget(&mut result, &rename);
        let optional = accepts_empty_object(&args, &defs);
        let args = if optional {
            json!({"anyOf": [args, {"type": "null"}]})
        } else {
            args
        };
        let mut required = vec!["v", "op"];
        if !optional {
            required.push("args");
        }
        let request = format!("Request.{}", op.name);
        envelope(
            &mut defs,
            &request,
            json!({
                "description": format!("The request of `{}`.", op.name),
                "type": "object",
                "properties": {
                    "v": {"const": CONTRACT_VERSION},
                    "op": {"const": op.name},
                    "args": args,
                },
                "required": required,
                "additionalProperties": false,
            }),
        );
        requests.push(json!({"$ref": def_ref(&request)}));
        envelope(
            &mut defs,
            &format!("Response.{}", op.name),
            json!({
                "description": format!("The response to a `{}` request: its result, or a failure.", op.name),
                "oneOf": [
                    {
                        "type": "object",
                        "properties": {
                            "v": {"const": CONTRACT_VERSION},
                            "ok": {"const": true},
                            "result": result,
                        },
                        "required": ["v", "ok", "result"],
                        "additionalProperties": false,
                    },
                    {"$ref": def_ref("FailureResponse")},
                ],
            }),
        );
    }
    envelope(
        &mut defs,
        "Request",
        json!({
            "description": "A request: `{\"v\":1,\"op\":\"<operation>\",\"args\":{…}}`.",
            "oneOf": requests,
        }),
    );
    envelope(&mut defs, "Status", status());
    // `contract::Failure` itself, when a result holds one (a batch's items): the same members,
    // described here with the status values.
    if let Some(derived) = defs.remove("Failure") {
        let mut members: Vec<&str> = derived["properties"]
            .as_object()
            .map(|p| p.keys().map(String::as_str).collect())
            .unwrap_or_default();
        members.sort_unstable();
        assert_eq!(
            members,
            ["code", "message", "status"],
            "a type named Failure that is not contract::Failure"
        );
    }
    envelope(
        &mut defs,
        "Failure",
        json!({
            "description": "What went wrong: a stable status, a finer stable code, and a message naming the request, step, field or line at fault.",
            "type": "object",
            "properties": {
                "status": {"$ref": def_ref("Status"), "minimum": 1},
                "code": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$", "description": "Fine-grained code, e.g. `role_not_allowed`, `year_not_covered`, `unknown_field`."},
                "message": {"type": "string"},
            },
            "required": ["status", "code", "message"],
            "additionalProperties": false,
        }),
    );
    envelope(
        &mut defs,
        "FailureResponse",
        json!({
            "description": "A failed call.",
            "type": "object",
            "properties": {
                "v": {"const": CONTRACT_VERSION},
                "ok": {"const": false},
                "error": {"$ref": def_ref("Failure")},
            },
            "required": ["v", "ok", "error"],
            "additionalProperties": false,
        }),
    );
    envelope(&mut defs, "EngineConfig", config);

    let mut doc = json!({
        "$schema": DIALECT,
        "title": format!("wuye contract, version {CONTRACT_VERSION}"),
        "description": "Requests, responses and the engine configuration of the wuye JSON contract (docs/contract.md). The root is a request; `$defs` has `Request.<op>` and `Response.<op>` for each operation, `FailureResponse`, `Failure`, `Status`, `EngineConfig`, and every type once (a type written differently from how it is read has its written form under `<Name>.out`).",
        "$ref": def_ref("Request"),
        "$defs": defs,
    });
    exact_date_form(&mut doc);
    sorted(doc)
}

/// Adds one of the contract's own definitions; a type of the same name would be lost.
fn envelope(defs: &mut Map<String, Value>, name: &str, schema: Value) {
    assert!(
        defs.insert(name.to_owned(), schema).is_none(),
        "a type is named {name}, a name of the contract's envelope: rename it in the schema (#[schemars(rename = …)])"
    );
}

/// The document as committed: pretty-printed, with a trailing newline.
pub fn to_text(doc: &Value) -> String {
    let mut text = serde_json::to_string_pretty(doc).unwrap_or_default();
    text.push('\n');
    text
}

fn def_ref(name: &str) -> String {
    format!("#/$defs/{}", name.replace('~', "~0").replace('/', "~1"))
}

/// The definitions a schema refers to.
fn refs(v: &Value) -> BTreeSet<String> {
    fn walk(v: &Value, out: &mut BTreeSet<String>) {
        match v {
            Value::Object(m) => {
                if let Some(Value::String(r)) = m.get("$ref") {
                    if let Some(name) = r.strip_prefix("#/$defs/") {
                        out.insert(name.replace("~1", "/").replace("~0", "~"));
                    }
                }
                m.values().for_each(|x| walk(x, out));
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(v, &mut out);
    out
}

/// Points the `$ref`s to renamed definitions at their new names.
fn retarget(v: &mut Value, rename: &BTreeMap<String, String>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get_mut("$ref") {
                if let Some(new) = r
                    .strip_prefix("#/$defs/")
                    .and_then(|name| rename.get(&name.replace("~1", "/").replace("~0", "~")))
                {
                    *r = def_ref(new);
                }
            }
            m.values_mut().for_each(|x| retarget(x, rename));
        }
        Value::Array(a) => a.iter_mut().for_each(|x| retarget(x, rename)),
        _ => {}
    }
}

/// Whether `{}` fits the arguments' schema (then `args` may be left out): an object schema
/// (or a reference to one) that requires nothing.
fn accepts_empty_object(args: &Value, defs: &Map<String, Value>) -> bool {
    let mut s = args;
    while let Some(name) = s
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/$defs/"))
    {
        match defs.get(name) {
            Some(d) => s = d,
            None => return false,
        }
    }
    s.get("type").and_then(Value::as_str) == Some("object")
        && s.get("required")
            .and_then(Value::as_array)
            .map_or(true, Vec::is_empty)
        && ["oneOf", "anyOf", "allOf", "not", "if"]
            .iter()
            .all(|k| s.get(*k).is_none())
}

/// `Status`: every stable status value, titled by its name.
fn status() -> Value {
    let values: Vec<Value> = Status::ALL
        .iter()
        .map(|s| json!({"const": s.value(), "title": s.as_str()}))
        .collect();
    json!({
        "description": "A stable status value (the C functions return the same number); values are never reused. 0 is success and never a failure's status.",
        "type": "integer",
        "oneOf": values,
    })
}

/// `EngineConfig`: the version, and the desk's parts or a saved state (not both).
fn engine_config(g: &mut SchemaGenerator) -> Value {
    json!({
        "description": "What an engine is made from: `{\"v\":1}` for the standard desk (default departments, the standard SLA policy, the China mainland calendar), any of its parts, or a `state` exported by `engine.export` (alone).",
        "type": "object",
        "properties": {
            "v": {"const": CONTRACT_VERSION},
            "config": g.subschema_for::<Option<DeskConfig>>(),
            "policy": g.subschema_for::<Option<SlaPolicy>>(),
            "calendar": g.subschema_for::<Option<CalendarSpec>>(),
            "state": g.subschema_for::<Option<Desk>>(),
        },
        "required": ["v"],
        "additionalProperties": false,
        "dependentSchemas": {
            "state": {
                "description": "A saved state comes alone.",
                "properties": {"config": false, "policy": false, "calendar": false},
            },
        },
    })
}

/// Gives chrono's dates (schemars: `format` `date`) the exact documented form.
fn exact_date_form(v: &mut Value) {
    match v {
        Value::Object(m) => {
            let is_string = match m.get("type") {
                Some(Value::String(t)) => t == "string",
                // An optional one: `["string", "null"]` (a pattern constrains strings only).
                Some(Value::Array(ts)) => ts.iter().any(|t| t == "string"),
                _ => false,
            };
            if is_string && m.get("format").and_then(Value::as_str) == Some("date") {
                m.insert("pattern".into(), DATE_PATTERN.into());
                m.entry("description")
                    .or_insert_with(|| "A date: `YYYY-MM-DD`.".into());
            }
            m.values_mut().for_each(exact_date_form);
        }
        Value::Array(a) => a.iter_mut().for_each(exact_date_form),
        _ => {}
    }
}

/// Every object's members in name order, whatever serde_json's map keeps.
fn sorted(v: Value) -> Value {
    match v {
        Value::Object(m) => {
            let members: BTreeMap<String, Value> =
                m.into_iter().map(|(k, x)| (k, sorted(x))).collect();
            Value::Object(members.into_iter().collect())
        }
        Value::Array(a) => Value::Array(a.into_iter().map(sorted).collect()),
        other => other,
    }
}

// ---- hand-written schemas: the types whose wire form is written by hand -----------------

impl JsonSchema for Money {
    fn schema_name() -> Cow<'static, str> {
        "Money".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "wuye_core::money::Money".into()
    }

    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        if g.contract().is_deserialize() {
            json_schema!({
                "description": "An amount of money in yuan 元, as a decimal string with at most two decimals (`\"1234.5\"`, `\"-3\"`, `\"0.07\"`); no `+`, exponent, spaces or separators. A JSON number is refused.",
                "type": "string",
                "pattern": MONEY_IN_PATTERN,
            })
        } else {
            json_schema!({
                "description": "An amount of money in yuan 元, with exactly two decimals (`\"1234.50\"`, `\"-0.07\"`).",
                "type": "string",
                "pattern": MONEY_OUT_PATTERN,
            })
        }
    }
}

impl JsonSchema for Instant {
    // Inlined where used, as chrono's instant was: a field's doc comment describes it.
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Instant".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "wuye_core::time::Instant".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An instant: RFC 3339 with an explicit offset, whole seconds (`2026-09-30T16:00:00+08:00`).",
            "type": "string",
            "format": "date-time",
            "pattern": INSTANT_PATTERN,
        })
    }
}

impl JsonSchema for Decimal {
    fn schema_name() -> Cow<'static, str> {
        "Decimal".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "wuye_core::money::Decimal".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An exact decimal in plain notation (`\"98.76\"`, `\"0.0003\"`, `\"-5\"`), up to 18 decimals; no `+`, exponent or spaces. A JSON number is refused.",
            "type": "string",
            "pattern": DECIMAL_PATTERN,
        })
    }
}

impl JsonSchema for Figure {
    fn schema_name() -> Cow<'static, str> {
        "Figure".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "wuye_core::survey::exact::Figure".into()
    }

    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        if g.contract().is_deserialize() {
            // Read as a Decimal.
            Decimal::json_schema(g)
        } else {
            json_schema!({
                "description": "A survey figure, exact and rounded once, as a decimal string with exactly its places: percentages 2 (`\"87.50\"`), means and gaps 4 (`\"-0.8571\"`).",
                "type": "string",
                "pattern": FIGURE_PATTERN,
            })
        }
    }
}

impl JsonSchema for Period {
    fn schema_name() -> Cow<'static, str> {
        "Period".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "wuye_core::fee::Period".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A billing period 账期: a month `\"2026-09\"`, a quarter `\"2026-Q3\"`, a year `\"2026\"`, or an inclusive range of days `\"2026-09-16..2026-09-30\"` (the end not before the start).",
            "type": "string",
            "pattern": PERIOD_PATTERN,
        })
    }
}

/// An entry of a `previous`/`current` column: a decimal string or a JSON integer.
fn reading_number() -> Value {
    json!({"anyOf": [{"type": "string", "pattern": DECIMAL_PATTERN}, {"type": "integer"}]})
}

/// The column form of [`ReadingColumns`] (as read when `read`, else as written).
fn reading_columns(g: &mut SchemaGenerator, read: bool) -> Value {
    let date = g.subschema_for::<chrono::NaiveDate>().to_value();
    let replacement = g
        .subschema_for::<Option<crate::fee::meter::Replacement>>()
        .to_value();
    let number = if read {
        reading_number()
    } else {
        json!({"type": "string", "pattern": DECIMAL_PATTERN})
    };
    let optional_number = json!({"anyOf": [number, {"type": "null"}]});
    json!({
        "description": "Meter readings as parallel columns 按列抄表 (one entry per reading in every column): `unit` indices into the loaded estate or unit ids (all one or the other); `item` and `date` one value for all or a column; `previous`, `current` decimal strings or JSON integers; `year_to_date`, `wraps_at`, `replaced` optional, `null` where a reading has none.",
        "type": "object",
        "properties": {
            "unit": {"anyOf": [
                {"type": "array", "items": {"type": "integer", "minimum": 0, "maximum": u32::MAX}},
                {"type": "array", "items": {"type": "string"}},
            ]},
            "item": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
            "date": {"anyOf": [date, {"type": "array", "items": date}]},
            "previous": {"type": "array", "items": number},
            "current": {"type": "array", "items": number},
            "year_to_date": {"type": "array", "items": optional_number},
            "wraps_at": {"type": "array", "items": optional_number},
            "replaced": {"type": "array", "items": replacement},
        },
        "required": ["unit", "item", "date", "previous", "current"],
        "additionalProperties": false,
    })
}

impl JsonSchema for ReadingColumns {
    fn schema_name() -> Cow<'static, str> {
        "ReadingColumns".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "wuye_core::fee::meter::ReadingColumns".into()
    }

    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        if g.contract().is_deserialize() {
            // Rows or columns, as `fee.bill_estate` takes `readings`.
            let rows = g.subschema_for::<Vec<crate::fee::meter::Reading>>();
            let columns = reading_columns(g, true);
            json_schema!({
                "description": "Meter readings 抄表: an array of rows, or the column form.",
                "anyOf": [rows, columns],
            })
        } else {
            Schema::try_from(reading_columns(g, false)).unwrap_or_default()
        }
    }
}

#[cfg(feature = "fees")]
impl JsonSchema for crate::fee::meter::Readings {
    fn schema_name() -> Cow<'static, str> {
        ReadingColumns::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        ReadingColumns::schema_id()
    }

    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        ReadingColumns::json_schema(g)
    }
}

// The test mirrors the whole operation list, `fee.bill_estate`'s readings included.
#[cfg(all(test, feature = "fees"))]
mod tests;
