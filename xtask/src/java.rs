//! The Java binding's generated surface (`bindings/java/src/main/java/org/wuye`): the `Status`
//! enum with its status → exception mapping, one exception class per failing status, the
//! `Operation` enum (name → method, group, mutates), and from the contract schema
//! (`crate::schema()`) every string enum (`Channel`, `Priority`, …) and the result records
//! listed in [`RECORDS`] (`SlaStatus`, …), each with its reader.

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
    for (name, mixin) in RECORDS {
        out.push((path(&java_name(name)), record(&schema, name, mixin)));
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

/// Java names of schema types where the schema's name would clash with a `java.*` type every
/// Java file sees (`Collection` would shadow `java.util.Collection` inside the package).
const RENAMES: [(&str, &str); 1] = [("Collection", "FeeCollection")];

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

// ---- from the schema: result records ----

/// The result types generated as records, each with the hand-written interface (if any) whose
/// default methods add conveniences over the record's components. The other result types are
/// hand-written records still, under other names or nested in another record (e.g.
/// `Nps.Share` for `Share`); moving them means renaming public types.
const RECORDS: [(&str, Option<&str>); 7] = [
    ("ClockStatus", None),
    ("CycleStatus", Some("CycleStatusQueries")),
    ("SlaStatus", Some("SlaStatusQueries")),
    ("Interval", None),
    ("Proportion", Some("ProportionQueries")),
    ("Coverage", None),
    ("Csat", None),
];

/// What a member of a result holds, as Java reads it.
enum Kind {
    Str,
    Long,
    Int,
    Bool,
    Money,
    Decimal,
    Instant,
    Enum(String),
    Record(String),
    List(Box<Kind>),
}

/// The kind of a schema value and whether it may be null.
fn kind(schema: &Value, v: &Value) -> (Kind, bool) {
    if let Some(alternatives) = v["anyOf"].as_array() {
        if let [value, null] = alternatives.as_slice() {
            if null["type"] == "null" {
                return (kind(schema, value).0, true);
            }
        }
    }
    if let Some(reference) = crate::def_name(&v["$ref"]) {
        let def = &schema["$defs"][reference];
        return match reference.trim_end_matches(".out") {
            "Money" => (Kind::Money, false),
            "Figure" | "Decimal" => (Kind::Decimal, false),
            _ if def["oneOf"][0]["const"].is_string() => (Kind::Enum(java_name(reference)), false),
            _ if def["oneOf"].is_array() => {
                panic!("no Java record member for the union {reference}")
            }
            _ if def["type"] == "object" => (Kind::Record(java_name(reference)), false),
            // A named scalar (e.g. an `Instant` definition): the kind of its form.
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
        (Some("string"), _) => Kind::Str,
        (Some("integer"), Some("int64" | "uint64")) => Kind::Long,
        (Some("integer"), _) => Kind::Int,
        (Some("boolean"), _) => Kind::Bool,
        (Some("array"), _) => Kind::List(Box::new(kind(schema, &v["items"]).0)),
        _ => panic!("no Java type for {v}"),
    };
    (kind, nullable)
}

fn java_type(kind: &Kind, nullable: bool) -> String {
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
        (Kind::Enum(name) | Kind::Record(name), _) => name.clone(),
        (Kind::List(item), _) => format!("List<{}>", java_type(item, true)),
    }
}

/// The Java expression that reads member `key` of the parsed object `m`.
fn reader(kind: &Kind, nullable: bool, key: &str) -> String {
    let k = quote(key);
    let value = format!("m.get({k})");
    match (kind, nullable) {
        (Kind::Str, false) => format!("Json.str(m, {k})"),
        (Kind::Str, true) => format!("Json.optStr(m, {k})"),
        (Kind::Long, false) => format!("Json.num(m, {k})"),
        (Kind::Long, true) => format!("Json.optNum(m, {k})"),
        (Kind::Int, false) => format!("Math.toIntExact(Json.num(m, {k}))"),
        (Kind::Bool, false) => format!("Json.bool(m, {k})"),
        (Kind::Money, false) => format!("Money.from({value}, {k})"),
        (Kind::Money, true) => format!("Json.opt({value}, v -> Money.from(v, {k}))"),
        (Kind::Decimal, false) => format!("Json.dec(m, {k})"),
        (Kind::Decimal, true) => format!("Json.optDec(m, {k})"),
        (Kind::Instant, false) => format!("Json.instant(m, {k})"),
        (Kind::Instant, true) => format!("Json.optInstant(m, {k})"),
        (Kind::Enum(name), false) => format!("{name}.fromWire(Json.str(m, {k}))"),
        (Kind::Record(name), false) => format!("{name}.from({value})"),
        (Kind::Record(name), true) => format!("Json.opt({value}, {name}::from)"),
        (Kind::List(item), false) => match item.as_ref() {
            Kind::Long => format!("Json.longs({value}, {k})"),
            Kind::Record(name) => format!("Json.list({value}, {k}, {name}::from)"),
            _ => panic!("no Java reader for a list of that kind at {key}"),
        },
        _ => panic!("no Java reader for the nullable member {key}"),
    }
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

fn record(schema: &Value, def_name: &str, mixin: Option<&str>) -> String {
    let def = &schema["$defs"][def_name];
    let class = java_name(def_name);
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
            let ty = java_type(kind, *nullable);
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
        .map(|(key, _, kind, nullable, _)| reader(kind, *nullable, key))
        .collect();
    let _ = write!(
        s,
        "    /** Reads one from its parsed JSON. */\n    static {class} from(Object json) {{\n        Map<String, Object> m = Json.obj(json, {});\n        return new {class}(\n                {});\n    }}\n}}\n",
        quote(&class),
        readers.join(",\n                ")
    );
    s
}
