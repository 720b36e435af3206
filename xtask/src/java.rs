//! The Java binding's generated surface (`bindings/java/src/main/java/org/wuye`): the `Status`
//! enum with its status → exception mapping, one exception class per failing status, the
//! `Operation` enum (name → method, group, mutates), and from the contract schema
//! (`crate::schema()`): every string enum (`Channel`, `Priority`, …), `Operations` (one method
//! per operation, which `Engine` extends), and a record with its reader for every object a
//! result reaches that has no hand-written class (`SlaStatus`, `EngineInfo`, …).
//!
//! The one type table: schema scalars in `kind` (strings, integers by format, booleans,
//! instants, dates, decimals, money); definitions in `CLASSES` (hand-written Java classes),
//! else generated enums and records; a tagged union without a class is refused. The method
//! rule is in `params` and `result`.

use crate::names::{self, failures, screaming, OPERATION_TABLE, STATUS_TABLE};
use serde_json::Value;
use std::fmt::Write;
use std::path::PathBuf;
use wuye_core::contract::{Status, TABLE};

const DIR: &str = "bindings/java/src/main/java/org/wuye";

/// Every generated Java file.
pub fn files() -> Vec<(PathBuf, String)> {
    let mut out = vec![(path("Status"), status()), (path("Operation"), operation())];
    for (s, base) in failures() {
        let class = format!("{base}Exception");
        out.push((path(&class), exception(s, &class)));
    }
    let schema = crate::schema();
    for e in string_enums(&schema) {
        out.push((path(&java_name(e.name)), string_enum(&e)));
    }
    out.push((path("Operations"), operations(&schema)));
    for name in records(&schema) {
        out.push((path(&java_name(&name)), record(&schema, &name)));
    }
    out
}

fn path(class: &str) -> PathBuf {
    PathBuf::from(format!("{DIR}/{class}.java"))
}

/// A Java string literal.
fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Javadoc text: HTML escaped, `code` spans as `{@code ...}`.
fn doc(s: &str) -> String {
    let escaped = s
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace("*/", "*&#47;");
    let mut out = String::new();
    for (i, part) in escaped.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "{{@code {part}}}");
        } else {
            out.push_str(part);
        }
    }
    out
}

fn head(from: &str) -> String {
    let mut s = String::new();
    for line in names::notice(from) {
        let _ = writeln!(s, "// {line}");
    }
    s.push_str("\npackage org.wuye;\n\n");
    s
}

fn status() -> String {
    let mut s = head(STATUS_TABLE);
    s.push_str("/**\n * Status of a call, as in the contract and the C header ({@code WuyeStatus}). Values are\n * stable and never reused. Every status but {@link #OK} has its {@link WuyeException} subclass.\n */\npublic enum Status {\n");
    let n = Status::ALL.len();
    for (i, &st) in Status::ALL.iter().enumerate() {
        let _ = writeln!(s, "    /** {} */", doc(st.summary()));
        let end = if i + 1 == n { ';' } else { ',' };
        let _ = writeln!(
            s,
            "    {}({}, {}, {}){end}",
            screaming(st.as_str()),
            st.value(),
            quote(st.as_str()),
            quote(st.summary())
        );
    }
    s.push_str(
        r#"
    private static final Status[] BY_VALUE = values();

    private final int value;
    private final String wireName;
    private final String summary;

    Status(int value, String wireName, String summary) {
        this.value = value;
        this.wireName = wireName;
        this.summary = summary;
    }

    /** The numeric value, as in the C header and the response's {@code error.status}. */
    public int value() {
        return value;
    }

    /** The stable snake_case name ({@code wuye_status_name}). */
    public String wireName() {
        return wireName;
    }

    /** What the status means. */
    public String summary() {
        return summary;
    }

    /**
     * The status with the given value.
     *
     * @throws IllegalArgumentException for a value this binding does not know
     */
    public static Status fromValue(int value) {
        if (value < 0 || value >= BY_VALUE.length) {
            throw new IllegalArgumentException("unknown wuye status " + value);
        }
        return BY_VALUE[value];
    }

    /**
     * The exception of this status (see {@link WuyeException#of}).
     *
     * @throws IllegalArgumentException for {@link #OK}, which is not a failure
     */
    WuyeException exception(String code, String message, String response) {
        return switch (this) {
            case OK -> throw new IllegalArgumentException("status OK is not a failure");
"#,
    );
    for (st, base) in failures() {
        let _ = writeln!(
            s,
            "            case {} -> new {base}Exception(code, message, response);",
            screaming(st.as_str())
        );
    }
    s.push_str("        };\n    }\n}\n");
    s
}

fn exception(st: Status, class: &str) -> String {
    let mut s = head(STATUS_TABLE);
    let c = screaming(st.as_str());
    let _ = writeln!(
        s,
        "/** {} Status {{@link Status#{c}}}. */",
        doc(st.summary())
    );
    let _ = writeln!(s, "public final class {class} extends WuyeException {{");
    s.push_str("    private static final long serialVersionUID = 1L;\n\n");
    s.push_str("    /** A failure with its fine-grained code, message and raw response JSON (may be null). */\n");
    let _ = writeln!(
        s,
        "    public {class}(String code, String message, String response) {{"
    );
    let _ = writeln!(s, "        super(Status.{c}, code, message, response);");
    s.push_str("    }\n}\n");
    s
}

fn operation() -> String {
    let mut s = head(OPERATION_TABLE);
    s.push_str("/**\n * The operations of the contract. Each has one {@link Engine} method (overloaded at most), named\n * by the one rule of every binding ({@link #method()}: {@code calendar.between} →\n * {@code calendarBetween}), a group (the cargo feature that compiles it in) and whether it\n * changes the engine ({@link #mutates()}: the engine takes those exclusively).\n */\npublic enum Operation {\n");
    let n = TABLE.len();
    for (i, op) in TABLE.iter().enumerate() {
        let _ = writeln!(s, "    /** {} */", doc(op.summary));
        let end = if i + 1 == n { ';' } else { ',' };
        let _ = writeln!(
            s,
            "    {}({}, {}, {}, {}){end}",
            screaming(op.name),
            quote(op.name),
            quote(&op.method_name()),
            quote(op.group),
            op.mutates
        );
    }
    s.push_str(
        r#"
    private final String wireName;
    private final String method;
    private final String group;
    private final boolean mutates;

    Operation(String wireName, String method, String group, boolean mutates) {
        this.wireName = wireName;
        this.method = method;
        this.group = group;
        this.mutates = mutates;
    }

    /** The operation's name on the wire, e.g. {@code request.execute}. */
    public String wireName() {
        return wireName;
    }

    /** The name of its {@link Engine} method, e.g. {@code requestExecute}. */
    public String method() {
        return method;
    }

    /** Its group: {@code desk}, {@code fees}, {@code survey} or {@code reports}. */
    public String group() {
        return group;
    }

    /** Whether it changes the engine (the others only read it). */
    public boolean mutates() {
        return mutates;
    }

    /**
     * The operation with the given wire name.
     *
     * @throws IllegalArgumentException for a name the contract does not have
     */
    public static Operation fromWire(String wireName) {
        for (Operation op : values()) {
            if (op.wireName.equals(wireName)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown wuye operation \"" + wireName + "\"");
    }
}
"#,
    );
    s
}

// ---- from the schema: string enums ----

/// Java names of schema types that differ from the schema's: where the schema's name would
/// clash with a `java.*` type every Java file sees (`Collection` would shadow
/// `java.util.Collection` inside the package), or says less than the Java name.
const RENAMES: [(&str, &str); 5] = [
    ("Collection", "FeeCollection"),
    // Result types named for what they are in Java.
    ("Info", "EngineInfo"),
    ("Applied", "ReplayResult"),
    ("Loaded", "LoadedEstate"),
    ("Sample", "CallbackSample"),
];

/// The Java name of a schema definition.
fn java_name(def: &str) -> String {
    let base = def.trim_end_matches(".out");
    RENAMES
        .iter()
        .find(|(schema, _)| *schema == base)
        .map_or_else(|| base.to_owned(), |(_, java)| (*java).to_owned())
}

/// The notice of a file generated from one definition of the schema.
fn schema_head(def: &str) -> String {
    format!(
        "// Generated by `{}` from `$defs/{def}` of the contract schema\n// (docs/contract.schema.json, derived from the Rust types in core). Do not edit: change the\n// Rust type (its shape or its docs) and regenerate.\n\npackage org.wuye;\n\n",
        names::COMMAND
    )
}

/// A Javadoc comment at `indent`: one line when it fits, else one line per line of `text`,
/// with `tags` (e.g. `@param`) after a blank line.
fn javadoc(indent: &str, text: &str, tags: &[String]) -> String {
    let text = doc(text.trim());
    if tags.is_empty() && !text.contains('\n') && indent.len() + text.len() + 7 <= 110 {
        return format!("{indent}/** {text} */\n");
    }
    let mut s = format!("{indent}/**\n");
    for line in text.lines() {
        let _ = writeln!(
            s,
            "{indent} *{}{}",
            if line.is_empty() { "" } else { " " },
            line
        );
    }
    if !tags.is_empty() {
        let _ = writeln!(s, "{indent} *");
        for tag in tags {
            let _ = writeln!(
                s,
                "{indent} * {}",
                doc(tag).replace('\n', &format!("\n{indent} *     "))
            );
        }
    }
    s.push_str(indent);
    s.push_str(" */\n");
    s
}

/// A string enum of the schema: its definition's name, its description, and its constants
/// with theirs.
struct StringEnum<'a> {
    name: &'a str,
    description: &'a str,
    constants: Vec<(&'a str, &'a str)>,
}

/// The string enums of the schema: every definition that is a `oneOf` of string constants.
fn string_enums(schema: &Value) -> Vec<StringEnum<'_>> {
    let Some(defs) = schema["$defs"].as_object() else {
        return Vec::new();
    };
    defs.iter()
        .filter_map(|(name, def)| {
            let alternatives = def["oneOf"].as_array()?;
            let constants = alternatives
                .iter()
                .map(|a| {
                    Some((
                        a["const"].as_str()?,
                        a["description"].as_str().unwrap_or(""),
                    ))
                })
                .collect::<Option<Vec<_>>>()?;
            Some(StringEnum {
                name,
                description: def["description"].as_str().unwrap_or(name),
                constants,
            })
        })
        .collect()
}

fn string_enum(e: &StringEnum) -> String {
    let class = java_name(e.name);
    let constants = &e.constants;
    let mut s = schema_head(e.name);
    s.push_str(&javadoc("", e.description, &[]));
    let _ = writeln!(s, "public enum {class} implements WireEnum {{");
    for (i, (wire, description)) in constants.iter().enumerate() {
        s.push_str(&javadoc("    ", description, &[]));
        let end = if i + 1 == constants.len() { ';' } else { ',' };
        let _ = writeln!(s, "    {}({}){end}", screaming(wire), quote(wire));
    }
    let _ = write!(
        s,
        r#"
    private static final {class}[] VALUES = values();

    private final String wireName;

    {class}(String wireName) {{
        this.wireName = wireName;
    }}

    @Override
    public String wireName() {{
        return wireName;
    }}

    /**
     * The constant with the given wire name.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static {class} fromWire(String wireName) {{
        for ({class} v : VALUES) {{
            if (v.wireName.equals(wireName)) {{
                return v;
            }}
        }}
        throw new IllegalArgumentException("unknown {class} \"" + wireName + "\"");
    }}
}}
"#
    );
    s
}

// ---- from the schema: types ----

/// Schema definitions with a hand-written Java class, and how a result or member of that type
/// is read: a Java expression of the parsed JSON value `{}`, or `None` for a type that is only
/// ever an argument (written by its `Json.JsonWritable`). A definition whose `.out` form differs
/// is found under its base name. Every other object definition an operation reaches is
/// generated as a record (with the interface of [`MIXINS`], if any).
const CLASSES: &[(&str, &str, Option<&str>)] = &[
    ("Account", "Account", Some("Account.from({})")),
    ("AccountCommand", "AccountCommand", None),
    (
        "AccountOut",
        "AccountResult",
        Some("AccountResult.from({})"),
    ),
    ("Actor", "Actor", Some("Actor.from({})")),
    (
        "Ageing",
        "Ageing",
        Some("Ageing.from(Json.obj({}, \"result\"))"),
    ),
    ("BillsOut", "Bills", Some("Bills.from({})")),
    (
        "CallbackReport",
        "CallbackReport",
        Some("CallbackReport.from(Json.obj({}, \"result\"))"),
    ),
    ("Command", "Command", None),
    ("Event", "Event", Some("Event.from({})")),
    ("ExecuteArgs", "ExecuteStep", None),
    ("IndexItem", "IndexItem", None),
    (
        "IndexReport",
        "SatisfactionIndex",
        Some("SatisfactionIndex.from(Json.obj({}, \"result\"))"),
    ),
    (
        "KpiReport",
        "KpiReport",
        Some("KpiReport.from(Json.obj({}, \"result\"))"),
    ),
    (
        "LateFeesOut",
        "LateFees",
        Some("LateFees.from(Json.obj({}, \"result\"))"),
    ),
    ("Money", "Money", Some("Money.from({}, \"money\")")),
    ("NewRequest", "NewRequest", Some("NewRequest.from({})")),
    ("Nps", "Nps", Some("Nps.from(Json.obj({}, \"result\"))")),
    (
        "ParkingOut",
        "ParkingCharge",
        Some("ParkingCharge.from(Json.obj({}, \"result\"))"),
    ),
    ("ParkingStay", "ParkingStay", None),
    ("ParkingTariff", "ParkingTariff", None),
    ("Reading", "MeterReading", None),
    ("Scale", "Scale", Some("Scale.from({})")),
    ("Schedule", "FeeSchedule", None),
    ("ServiceLine", "ServiceLine", None),
    (
        "ServiceRequest",
        "ServiceRequest",
        Some("ServiceRequest.from({})"),
    ),
    (
        "ServperfReport",
        "Servperf",
        Some("Servperf.from(Json.obj({}, \"result\"))"),
    ),
    (
        "ServqualReport",
        "Servqual",
        Some("Servqual.from(Json.obj({}, \"result\"))"),
    ),
    ("SharedCost", "SharedCost", None),
    ("SurveyInput", "Survey", None),
    ("Unit", "FeeUnit", None),
    ("Usage", "UsageCharge", None),
    (
        "ValueReport",
        "CustomerValue",
        Some("CustomerValue.from(Json.obj({}, \"result\"))"),
    ),
    (
        "Weights",
        "DimensionWeights",
        Some("DimensionWeights.from({})"),
    ),
];

/// Results read from the raw response bytes `{}` rather than its parsed tree, for speed: the
/// estate's columns, and the exported state (returned as JSON text).
const RAW_RESULTS: [(&str, &str, &str, &str); 2] = [
    (
        "CompactBills",
        "EstateLines",
        "EstateLines.decode({})",
        "the lines, as columns, and their total",
    ),
    (
        "StateOut",
        "String",
        "Call.state({})",
        "the engine's state, as JSON text",
    ),
];

/// Generated records that implement a hand-written interface whose default methods add
/// conveniences over the record's components.
const MIXINS: [(&str, &str); 3] = [
    ("CycleStatus", "CycleStatusQueries"),
    ("SlaStatus", "SlaStatusQueries"),
    ("Proportion", "ProportionQueries"),
];

/// The hand-written class of a definition, if any.
fn class(def: &str) -> Option<(&'static str, Option<&'static str>)> {
    let base = def.trim_end_matches(".out");
    CLASSES
        .iter()
        .find(|(d, ..)| *d == base)
        .map(|&(_, java, read)| (java, read))
}

/// What a value holds, as Java reads and writes it.
#[derive(Clone)]
enum Kind {
    Str,
    Long,
    Int,
    Bool,
    Money,
    Decimal,
    Instant,
    Date,
    Enum(String),
    /// A hand-written class: its name and reader (see [`CLASSES`]).
    Class(&'static str, Option<&'static str>),
    /// A generated record, by definition name.
    Record(String),
    /// One item of a batch: the definition of its result, or a failure.
    Outcome(String),
    List(Box<Kind>),
}

/// The kind of a schema value and whether it may be null.
fn kind(schema: &Value, v: &Value) -> (Kind, bool) {
    if let Some(alternatives) = v["anyOf"].as_array() {
        if let [value, null] = alternatives.as_slice() {
            if null["type"] == "null" {
                return (kind(schema, value).0, true);
            }
            // A batch item: `{"ok":true,"result":…}` or `{"ok":false,"error":…}`.
            if value["properties"]["ok"]["const"] == true {
                let result = crate::def_name(&value["properties"]["result"]["$ref"])
                    .expect("a batch item's result is a definition");
                return (Kind::Outcome(result.to_owned()), false);
            }
        }
        // Any other untagged union is written in its first form (e.g. readings as rows).
        return kind(schema, &alternatives[0]);
    }
    if let Some(reference) = crate::def_name(&v["$ref"]) {
        let def = &schema["$defs"][reference];
        if let Some((java, read)) = class(reference) {
            return match java {
                "Money" => (Kind::Money, false),
                _ => (Kind::Class(java, read), false),
            };
        }
        return match reference.trim_end_matches(".out") {
            "Figure" | "Decimal" => (Kind::Decimal, false),
            _ if def["oneOf"][0]["const"].is_string() => (Kind::Enum(java_name(reference)), false),
            _ if def["anyOf"].is_array() => kind(schema, def),
            _ if def["oneOf"].is_array() => panic!(
                "no Java type for the tagged union {reference}: give it a hand-written class \
                 in CLASSES (xtask/src/java.rs)"
            ),
            _ if def["type"] == "object" => (Kind::Record(reference.to_owned()), false),
            // A named scalar (e.g. an `Instant` definition or `Period`): the kind of its form.
            _ => kind(schema, def),
        };
    }
    let (ty, nullable) = match &v["type"] {
        Value::Array(types) => (
            types
                .iter()
                .find(|t| *t != "null")
                .cloned()
                .unwrap_or_default(),
            types.iter().any(|t| t == "null"),
        ),
        ty => (ty.clone(), false),
    };
    let kind = match (ty.as_str(), v["format"].as_str()) {
        (Some("string"), Some("date-time")) => Kind::Instant,
        (Some("string"), Some("date")) => Kind::Date,
        (Some("string"), _) => Kind::Str,
        (Some("integer"), Some("int64" | "uint64" | "uint")) => Kind::Long,
        (Some("integer"), _) => Kind::Int,
        (Some("boolean"), _) => Kind::Bool,
        (Some("array"), _) => Kind::List(Box::new(kind(schema, &v["items"]).0)),
        _ => panic!("no Java type for {v}"),
    };
    (kind, nullable)
}

fn java_type(schema: &Value, kind: &Kind, nullable: bool) -> String {
    match (kind, nullable) {
        (Kind::Str, _) => "String".into(),
        (Kind::Long, false) => "long".into(),
        (Kind::Long, true) => "Long".into(),
        (Kind::Int, false) => "int".into(),
        (Kind::Int, true) => "Integer".into(),
        (Kind::Bool, false) => "boolean".into(),
        (Kind::Bool, true) => "Boolean".into(),
        (Kind::Money, _) => "Money".into(),
        (Kind::Decimal, _) => "BigDecimal".into(),
        (Kind::Instant, _) => "OffsetDateTime".into(),
        (Kind::Date, _) => "LocalDate".into(),
        (Kind::Enum(name), _) => name.clone(),
        (Kind::Class(name, _), _) => (*name).to_owned(),
        (Kind::Record(def), _) => java_name(def),
        (Kind::Outcome(def), _) => format!("Outcome<{}>", result(schema, def).0),
        (Kind::List(item), _) => format!("List<{}>", java_type(schema, item, true)),
    }
}

/// The Java expression that reads the parsed JSON value `x` of one kind (`what` names it in
/// errors), for the kinds a list or a batch item holds.
fn value_reader(schema: &Value, kind: &Kind, x: &str, what: &str) -> String {
    match kind {
        Kind::Money => format!("Money.from({x}, {})", quote(what)),
        Kind::Class(name, read) => read
            .unwrap_or_else(|| panic!("{name} is written only, never read"))
            .replace("{}", x),
        Kind::Record(def) => format!("{}.from({x})", java_name(def)),
        Kind::Outcome(def) => {
            let read = result(schema, def).1.replace("{}", "r");
            match read.strip_suffix(".from(r)") {
                Some(class) if !class.contains('(') => format!("Outcome.from({x}, {class}::from)"),
                _ => format!("Outcome.from({x}, r -> {read})"),
            }
        }
        _ => panic!("no Java reader for a list of that kind at {what}"),
    }
}

/// The Java expression that reads member `key` of the parsed object `m` (a Java expression).
fn reader(schema: &Value, kind: &Kind, nullable: bool, m: &str, key: &str) -> String {
    let k = quote(key);
    let value = format!("{m}.get({k})");
    match (kind, nullable) {
        (Kind::Str, false) => format!("Json.str({m}, {k})"),
        (Kind::Str, true) => format!("Json.optStr({m}, {k})"),
        (Kind::Long, false) => format!("Json.num({m}, {k})"),
        (Kind::Long, true) => format!("Json.optNum({m}, {k})"),
        (Kind::Int, false) => format!("Math.toIntExact(Json.num({m}, {k}))"),
        (Kind::Bool, false) => format!("Json.bool({m}, {k})"),
        (Kind::Money, false) => format!("Money.from({value}, {k})"),
        (Kind::Money, true) => format!("Json.opt({value}, v -> Money.from(v, {k}))"),
        (Kind::Decimal, false) => format!("Json.dec({m}, {k})"),
        (Kind::Decimal, true) => format!("Json.optDec({m}, {k})"),
        (Kind::Instant, false) => format!("Json.instant({m}, {k})"),
        (Kind::Instant, true) => format!("Json.optInstant({m}, {k})"),
        (Kind::Date, false) => format!("LocalDate.parse(Json.str({m}, {k}))"),
        (Kind::Enum(name), false) => format!("{name}.fromWire(Json.str({m}, {k}))"),
        (Kind::Class(..) | Kind::Record(_), false) => value_reader(schema, kind, &value, key),
        (Kind::Record(def), true) => format!("Json.opt({value}, {}::from)", java_name(def)),
        (Kind::List(item), false) => match item.as_ref() {
            Kind::Long => format!("Json.longs({value}, {k})"),
            Kind::Str => format!("Json.strings({value}, {k})"),
            item => {
                let read = value_reader(schema, item, "x", key);
                match read.strip_suffix(".from(x)") {
                    Some(class) if !class.contains('(') => {
                        format!("Json.list({value}, {k}, {class}::from)")
                    }
                    _ => format!("Json.list({value}, {k}, x -> {read})"),
                }
            }
        },
        _ => panic!("no Java reader for the nullable member {key}"),
    }
}

/// The Java type of an operation's result definition and the expression that reads it from
/// the parsed `result` value `{}` (or, for [`RAW_RESULTS`], from the response bytes `{}`): a
/// hand-written class by its reader; an object of one member (`{"events":[…]}`) as that
/// member; any other object as its generated record.
fn result(schema: &Value, def: &str) -> (String, String) {
    if let Some((java, read)) = class(def) {
        let read = read.unwrap_or_else(|| panic!("{java} is written only, never read"));
        return (java.to_owned(), read.to_owned());
    }
    let properties = schema["$defs"][def]["properties"]
        .as_object()
        .unwrap_or_else(|| panic!("the result {def} is not an object"));
    if let [(key, member)] = properties.iter().collect::<Vec<_>>().as_slice() {
        let (kind, nullable) = kind(schema, member);
        let read = reader(schema, &kind, nullable, "Json.obj({}, \"result\")", key);
        return (java_type(schema, &kind, nullable), read);
    }
    (java_name(def), format!("{}.from({{}})", java_name(def)))
}

/// lowerCamel of a snake_case member name (`as_of` → `asOf`).
fn camel(name: &str) -> String {
    let mut out = String::new();
    for (i, word) in name.split('_').enumerate() {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            if i == 0 {
                out.push(first);
            } else {
                out.extend(first.to_uppercase());
            }
            out.push_str(chars.as_str());
        }
    }
    out
}

fn record(schema: &Value, def_name: &str) -> String {
    let def = &schema["$defs"][def_name];
    let class = java_name(def_name);
    let mixin = MIXINS.iter().find(|(d, _)| *d == def_name).map(|(_, m)| *m);
    let properties = def["properties"]
        .as_object()
        .expect("a record is an object");
    // Components in the order the Rust type declares them (`required` keeps it), then any
    // member that may be left out.
    let mut keys: Vec<&str> = def["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    keys.extend(
        properties
            .keys()
            .map(String::as_str)
            .filter(|k| !keys.contains(k))
            .collect::<Vec<_>>(),
    );
    let members: Vec<(&str, String, Kind, bool, &str)> = keys
        .iter()
        .map(|&key| {
            let v = &properties[key];
            let (kind, nullable) = kind(schema, v);
            (
                key,
                camel(key),
                kind,
                nullable,
                v["description"].as_str().unwrap_or(""),
            )
        })
        .collect();

    let mut imports = Vec::new();
    let mut uses = |ty: &str| {
        for (short, import) in [
            ("BigDecimal", "java.math.BigDecimal"),
            ("LocalDate", "java.time.LocalDate"),
            ("OffsetDateTime", "java.time.OffsetDateTime"),
            ("List<", "java.util.List"),
        ] {
            if ty.contains(short) && !imports.contains(&import) {
                imports.push(import);
            }
        }
    };
    let components: Vec<String> = members
        .iter()
        .map(|(_, java, kind, nullable, _)| {
            let ty = java_type(schema, kind, *nullable);
            uses(&ty);
            format!("{ty} {java}")
        })
        .collect();
    imports.push("java.util.Map");
    imports.sort_unstable();

    let mut s = schema_head(def_name);
    for import in &imports {
        let _ = writeln!(s, "import {import};");
    }
    s.push('\n');
    let params: Vec<String> = members
        .iter()
        .map(|(_, java, _, _, description)| format!("@param {java} {}", description.trim()))
        .collect();
    s.push_str(&javadoc(
        "",
        def["description"].as_str().unwrap_or(&class),
        &params,
    ));
    let implements = mixin
        .map(|m| format!(" implements {m}"))
        .unwrap_or_default();
    let one_line = format!(
        "public record {class}({}){implements} {{",
        components.join(", ")
    );
    if one_line.len() <= 110 {
        let _ = writeln!(s, "{one_line}");
    } else {
        let _ = writeln!(
            s,
            "public record {class}(\n        {}){implements} {{",
            components.join(",\n        ")
        );
    }
    let lists: Vec<&str> = members
        .iter()
        .filter(|(_, _, kind, _, _)| matches!(kind, Kind::List(_)))
        .map(|(_, java, ..)| java.as_str())
        .collect();
    if !lists.is_empty() {
        let frozen: Vec<String> = lists.iter().map(|l| format!("{{@code {l}}}")).collect();
        let _ = writeln!(s, "    /** Freezes {}. */", frozen.join(", "));
        let _ = writeln!(s, "    public {class} {{");
        for l in &lists {
            let _ = writeln!(s, "        {l} = List.copyOf({l});");
        }
        s.push_str("    }\n\n");
    }
    let readers: Vec<String> = members
        .iter()
        .map(|(key, _, kind, nullable, _)| reader(schema, kind, *nullable, "m", key))
        .collect();
    let _ = write!(
        s,
        "    /** Reads one from its parsed JSON. */\n    static {class} from(Object json) {{\n        Map<String, Object> m = Json.obj(json, {});\n        return new {class}(\n                {});\n    }}\n}}\n",
        quote(&class),
        readers.join(",\n                ")
    );
    s
}

/// Records a hand-written class reads, which no operation reaches through generated code.
const READ_BY_CLASSES: [&str; 1] = ["Coverage"];

/// The `args` and `result` definitions of an operation.
fn op_defs<'a>(schema: &'a Value, op: &str) -> (&'a str, &'a str) {
    let defs = &schema["$defs"];
    let args = &defs[format!("Request.{op}")]["properties"]["args"];
    // Arguments that may be left out are `anyOf` their definition and null.
    let args = crate::def_name(&args["$ref"])
        .or_else(|| crate::def_name(&args["anyOf"][0]["$ref"]))
        .unwrap_or_else(|| panic!("Request.{op} has no args definition"));
    let result = crate::def_name(
        &defs[format!("Response.{op}")]["oneOf"][0]["properties"]["result"]["$ref"],
    )
    .unwrap_or_else(|| panic!("Response.{op} has no result definition"));
    (args, result)
}

/// The definitions generated as records: every object without a hand-written class that an
/// operation's result reaches (and [`READ_BY_CLASSES`]), by Java name.
fn records(schema: &Value) -> Vec<String> {
    let mut found = std::collections::BTreeMap::new();
    let mut todo: Vec<Kind> = READ_BY_CLASSES
        .iter()
        .map(|d| Kind::Record((*d).to_owned()))
        .collect();
    for op in TABLE {
        todo.push(Kind::Outcome(op_defs(schema, op.name).1.to_owned()));
    }
    while let Some(k) = todo.pop() {
        match k {
            Kind::List(item) => todo.push(*item),
            // A result: its record, or the kind of its one member.
            Kind::Outcome(def) => {
                let properties = &schema["$defs"][&def]["properties"];
                let raw = RAW_RESULTS.iter().any(|(d, ..)| *d == def);
                match properties.as_object() {
                    _ if raw || class(&def).is_some() => {}
                    Some(p) if p.len() == 1 => todo.extend(p.values().map(|v| kind(schema, v).0)),
                    _ => todo.push(Kind::Record(def)),
                }
            }
            Kind::Record(def) => {
                let def_value = &schema["$defs"][&def];
                if found.insert(java_name(&def), def.clone()).is_none() {
                    let properties = def_value["properties"].as_object();
                    todo.extend(
                        properties
                            .into_iter()
                            .flatten()
                            .map(|(_, v)| kind(schema, v).0),
                    );
                }
            }
            _ => {}
        }
    }
    found.into_values().collect()
}

/// Argument definitions that methods take whole, as their hand-written class (with its
/// defaults and conveniences) rather than member by member.
const WHOLE_ARGS: [&str; 1] = ["SurveyInput"];

/// A parameter of an operation method: the member's key, Java name, type, whether it may be
/// left out (null), and its description.
struct Param {
    key: String,
    name: String,
    ty: String,
    optional: bool,
    description: String,
}

/// The parameters of an operation: its arguments' required members in the schema's `required`
/// order, then the members that may be left out in name order, or the one hand-written class
/// of the whole arguments (e.g. `Survey`).
fn params(schema: &Value, args: &str) -> (Vec<Param>, bool) {
    if let Some((java, _)) = class(args).filter(|_| WHOLE_ARGS.contains(&args)) {
        let mut name = java.to_owned();
        name[..1].make_ascii_lowercase();
        let description = schema["$defs"][args]["description"].as_str().unwrap_or("");
        let param = Param {
            key: String::new(),
            name,
            ty: java.to_owned(),
            optional: false,
            description: first_sentence(description),
        };
        return (vec![param], true);
    }
    let def = &schema["$defs"][args];
    let required: Vec<&str> = def["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let properties = def["properties"].as_object();
    let optional = properties
        .into_iter()
        .flatten()
        .map(|(k, _)| k.as_str())
        .filter(|k| !required.contains(k));
    let keys: Vec<&str> = required.iter().copied().chain(optional).collect();
    let params = keys
        .into_iter()
        .map(|key| {
            let v = &def["properties"][key];
            let optional = !required.contains(&key);
            let (kind, nullable) = kind(schema, v);
            if matches!(kind, Kind::Record(_) | Kind::Outcome(_)) {
                panic!("no Java writer for {args}.{key}: add a hand-written class to CLASSES");
            }
            Param {
                key: key.to_owned(),
                name: camel(key),
                ty: java_type(schema, &kind, nullable || optional),
                optional,
                description: first_sentence(v["description"].as_str().unwrap_or(key)),
            }
        })
        .collect();
    (params, false)
}

/// The first paragraph of a description, on one line.
fn first_sentence(text: &str) -> String {
    let para = text.trim().split("\n\n").next().unwrap_or("");
    para.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a result definition holds: its description, or its one member's.
fn returned(schema: &Value, def: &str) -> String {
    if let Some((.., returned)) = RAW_RESULTS.iter().find(|(d, ..)| *d == def) {
        return (*returned).to_owned();
    }
    let def = &schema["$defs"][def];
    let one = def["properties"].as_object().filter(|p| p.len() == 1);
    let description = one.and_then(|p| p.values().next()?["description"].as_str());
    first_sentence(description.or(def["description"].as_str()).unwrap_or(""))
}

/// A sentence to follow a colon: its first letter in lower case, unless the first word is an
/// acronym (`SERVQUAL`) or a code span.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_ascii_uppercase() && !b.is_ascii_uppercase() => {
            format!("{}{}", a.to_ascii_lowercase(), &text[1..])
        }
        _ => text.to_owned(),
    }
}

/// `head(params) {` wrapped at 110 columns, continuation lines indented by 12.
fn wrap_signature(head: &str, params: &[String]) -> String {
    let mut out = String::new();
    let mut line = format!("{head}(");
    for (i, p) in params.iter().enumerate() {
        let piece = if i + 1 == params.len() {
            format!("{p}) {{")
        } else {
            format!("{p},")
        };
        let sep = if line.ends_with('(') { "" } else { " " };
        if line.len() + sep.len() + piece.len() > 110 {
            out.push_str(&line);
            out.push('\n');
            line = format!("            {piece}");
        } else {
            line.push_str(sep);
            line.push_str(&piece);
        }
    }
    if params.is_empty() {
        line.push_str(") {");
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// Text wrapped at `width` columns, on word boundaries.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out
}

/// A statement `return f(a, b, …);` longer than 110 columns broken after the commas between
/// `f`'s arguments, continuation lines indented by 8 more.
fn wrap_call(line: &str) -> String {
    if line.chars().count() <= 110 {
        return line.to_owned();
    }
    let mut pieces = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in line.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 1 => {
                pieces.push(&line[start..=i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    pieces.push(&line[start..]);
    let indent = line.len() - line.trim_start().len() + 8;
    let mut out = String::new();
    let mut current = String::new();
    for piece in pieces {
        let piece = if current.is_empty() {
            piece
        } else {
            piece.trim_start()
        };
        if !current.is_empty() && current.chars().count() + 1 + piece.chars().count() > 110 {
            out.push_str(&current);
            out.push('\n');
            current = format!("{}{piece}", " ".repeat(indent));
        } else {
            if !current.is_empty() && !current.ends_with(' ') {
                current.push(' ');
            }
            current.push_str(piece);
        }
    }
    out.push_str(&current);
    out
}

/// The erasure of a Java type, as `{@link}` names a parameter (`List<Event>` → `List`).
fn erasure(ty: &str) -> &str {
    ty.split('<').next().unwrap_or(ty)
}

fn operations(schema: &Value) -> String {
    let mut s = format!(
        "// Generated by `{}` from the operation table\n// (core/src/contract/table.rs) and the contract schema (docs/contract.schema.json). Do not\n// edit: change the table or the Rust types and regenerate.\n\npackage org.wuye;\n\n",
        names::COMMAND
    );
    let mut body = String::new();
    for op in TABLE {
        let (args, res) = op_defs(schema, op.name);
        let raw = RAW_RESULTS.iter().find(|(d, ..)| *d == res);
        let (ret, read) = match raw {
            Some((_, java, read, _)) => (
                (*java).to_owned(),
                read.replace("{}", "callBytes(call.bytes())"),
            ),
            None => {
                let (ty, read) = result(schema, res);
                (ty, read.replace("{}", "result(call)"))
            }
        };
        let (params, whole) = params(schema, args);
        let method = op.method_name();
        let returns = format!("@return {}", lower_first(&returned(schema, res)));
        let head = format!("    public final {ret} {method}");
        let signature = |ps: &[&Param]| {
            let ps: Vec<String> = ps.iter().map(|p| format!("{} {}", p.ty, p.name)).collect();
            wrap_signature(&head, &ps)
        };
        let all: Vec<&Param> = params.iter().collect();
        let required: Vec<&Param> = params.iter().filter(|p| !p.optional).collect();
        let summary = format!("`{}`: {}", op.name, lower_first(op.summary));
        if required.len() < all.len() {
            let link = all
                .iter()
                .map(|p| erasure(&p.ty))
                .collect::<Vec<_>>()
                .join(", ");
            let mut tags: Vec<String> = required
                .iter()
                .map(|p| format!("@param {} {}", p.name, p.description))
                .collect();
            tags.push(returns.clone());
            body.push_str(&javadoc(
                "    ",
                &wrap(&format!("{summary} Without the optional arguments: {{@link #{method}({link})}} with nulls."), 96),
                &tags.iter().map(|t| wrap(t, 92)).collect::<Vec<_>>(),
            ));
            body.push_str(&signature(&required));
            let passed: Vec<&str> = all
                .iter()
                .map(|p| if p.optional { "null" } else { p.name.as_str() })
                .collect();
            let _ = writeln!(
                body,
                "        return {method}({});\n    }}\n",
                passed.join(", ")
            );
        }
        let mut tags: Vec<String> = all
            .iter()
            .map(|p| format!("@param {} {}", p.name, p.description))
            .collect();
        tags.push(returns);
        let tags: Vec<String> = tags.iter().map(|t| wrap(t, 92)).collect();
        body.push_str(&javadoc("    ", &wrap(&summary, 96), &tags));
        body.push_str(&signature(&all));
        let mut call = vec![format!("        Call call = new Call({})", quote(op.name))];
        if whole {
            call.push(format!(".args({})", all[0].name));
        }
        for p in all.iter().filter(|p| !whole && !p.optional) {
            call.push(format!(".put({}, {})", quote(&p.key), p.name));
        }
        let one_line = call.concat();
        if one_line.len() < 110 {
            let _ = writeln!(body, "{one_line};");
        } else {
            let _ = writeln!(body, "{};", call.join("\n                "));
        }
        for p in all.iter().filter(|p| p.optional) {
            let _ = writeln!(
                body,
                "        if ({0} != null) {{\n            call.put({1}, {0});\n        }}",
                p.name,
                quote(&p.key)
            );
        }
        let _ = writeln!(
            body,
            "{}\n    }}\n",
            wrap_call(&format!("        return {read};"))
        );
    }
    for (short, import) in [
        ("BigDecimal", "java.math.BigDecimal"),
        ("LocalDate", "java.time.LocalDate"),
        ("OffsetDateTime", "java.time.OffsetDateTime"),
        ("List<", "java.util.List"),
    ] {
        if body.contains(short) {
            let _ = writeln!(s, "import {import};");
        }
    }
    s.push_str(OPERATIONS_HEAD);
    s.push_str(body.trim_end());
    s.push_str("\n}\n");
    s
}

const OPERATIONS_HEAD: &str = r#"
/**
 * The operations of the contract, one method each, named by the one rule of every binding
 * ({@link Operation#method()}). The parameters are the operation's arguments: the required
 * ones in the contract's order, then, in an overload, those that may be left out (null: left
 * out), in name order; an operation whose arguments are one hand-written class (e.g.
 * {@link Survey}) takes that. Each method writes the request, runs it with
 * {@link #callBytes(byte[])} and reads its result; a failure throws the
 * {@link WuyeException} subclass of its status.
 */
public abstract sealed class Operations permits Engine {
    Operations() {}

    /**
     * Runs one contract request ({@code {"v":1,"op":"…","args":{…}}}) and returns the response
     * JSON ({@code {"v":1,"ok":true,"result":…}}) byte for byte.
     *
     * @param request the request, UTF-8
     * @return the success response, UTF-8
     * @throws WuyeException the subclass of the failure's status
     */
    public abstract byte[] callBytes(byte[] request);

    /** Runs a call and returns its parsed {@code result}. */
    private Object result(Call call) {
        return Call.result(callBytes(call.bytes()));
    }

"#;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn java(schema: &Value, member: Value) -> String {
        let (kind, nullable) = kind(schema, &member);
        java_type(schema, &kind, nullable)
    }

    #[test]
    fn instants_and_dates_map_the_same_inline_or_as_definitions() {
        let schema = json!({"$defs": {
            "Instant": {"type": "string", "format": "date-time"},
            "Date": {"type": "string", "format": "date"},
        }});
        let inline = json!({"type": "string", "format": "date-time"});
        assert_eq!(java(&schema, inline), "OffsetDateTime");
        assert_eq!(
            java(&schema, json!({"$ref": "#/$defs/Instant"})),
            "OffsetDateTime"
        );
        assert_eq!(
            java(&schema, json!({"type": "string", "format": "date"})),
            "LocalDate"
        );
        assert_eq!(java(&schema, json!({"$ref": "#/$defs/Date"})), "LocalDate");
        let optional = json!({"anyOf": [{"$ref": "#/$defs/Instant"}, {"type": "null"}]});
        assert_eq!(java(&schema, optional), "OffsetDateTime");
    }

    #[test]
    fn integers_box_only_where_they_may_be_null() {
        let schema = json!({"$defs": {}});
        let long = json!({"type": "integer", "format": "uint64"});
        assert_eq!(java(&schema, long), "long");
        let int = json!({"type": ["integer", "null"], "format": "uint32"});
        assert_eq!(java(&schema, int), "Integer");
        let list = json!({"type": "array", "items": {"type": "integer", "format": "int64"}});
        assert_eq!(java(&schema, list), "List<Long>");
    }

    #[test]
    #[should_panic(expected = "no Java type for the tagged union Shape")]
    fn a_tagged_union_without_a_class_is_refused_by_name() {
        let schema = json!({"$defs": {"Shape": {"oneOf": [
            {"type": "object", "properties": {"kind": {"const": "circle"}}},
        ]}}});
        java(&schema, json!({"$ref": "#/$defs/Shape"}));
    }

    #[test]
    fn every_operation_has_a_method_and_every_result_a_reader() {
        let text = operations(&crate::schema());
        for op in TABLE {
            let method = format!(" {}(", op.method_name());
            assert!(text.contains(&method), "{}", op.name);
        }
    }
}
