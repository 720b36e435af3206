//! The PHP binding's generated surface (`bindings/php/src`): the `Status` enum, one exception
//! class per failing status and the `Operation` enum (name → method, group, mutates), from the
//! tables; and from the schema, one backed enum per string enum and the `Operations` trait,
//! one `Engine` method per operation.

use crate::names::{self, failures, upper_camel, OPERATION_TABLE, STATUS_TABLE};
use serde_json::Value;
use std::fmt::Write;
use std::path::PathBuf;
use wuye_core::contract::{method_name, Status, TABLE};

const DIR: &str = "bindings/php/src";

/// Every generated PHP file.
pub fn files() -> Vec<(PathBuf, String)> {
    let schema = crate::schema();
    let mut out = vec![
        (path("Status"), status()),
        (path("Operation"), operation()),
        (path("Operations"), operations(&schema, &crate::manifest())),
    ];
    for (name, def) in string_enums(&schema["$defs"]) {
        out.push((path(name), enum_file(name, def)));
    }
    for (s, base) in failures() {
        let class = format!("{base}Exception");
        out.push((path(&class), exception(s, &base, &class)));
    }
    out
}

fn path(class: &str) -> PathBuf {
    PathBuf::from(format!("{DIR}/{class}.php"))
}

/// A single-quoted PHP string literal.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// Text for a doc comment (never closing it).
fn doc(s: &str) -> String {
    s.replace("*/", "*&#47;")
}

fn head(from: &str) -> String {
    let mut s = String::from("<?php\n\n");
    for line in names::notice(from) {
        let _ = writeln!(s, "// {line}");
    }
    s.push_str("\ndeclare(strict_types=1);\n\nnamespace Wuye;\n\n");
    s
}

fn status() -> String {
    let mut s = head(STATUS_TABLE);
    s.push_str(
        "/**\n * Status of a call; the values are those of the contract and of the C `WuyeStatus`, stable and\n * never reused. Every status but `Ok` has its exception class ({@see Status::exceptionClass()},\n * {@see WuyeException::of()}).\n */\nenum Status: int\n{\n",
    );
    for &st in Status::ALL {
        let _ = writeln!(s, "    /** {} */", doc(st.summary()));
        let _ = writeln!(s, "    case {} = {};", upper_camel(st.as_str()), st.value());
    }
    s.push_str(
        "\n    /** The stable snake_case name, as `wuye_status_name()` gives it (e.g. `not_found`). */\n    public function wireName(): string\n    {\n        return match ($this) {\n",
    );
    for &st in Status::ALL {
        let _ = writeln!(
            s,
            "            self::{} => {},",
            upper_camel(st.as_str()),
            quote(st.as_str())
        );
    }
    s.push_str("        };\n    }\n\n    /** What the status means. */\n    public function summary(): string\n    {\n        return match ($this) {\n");
    for &st in Status::ALL {
        let _ = writeln!(
            s,
            "            self::{} => {},",
            upper_camel(st.as_str()),
            quote(st.summary())
        );
    }
    s.push_str("        };\n    }\n\n    /**\n     * The exception class of this status; null for `Ok`, which is not a failure.\n     *\n     * @return class-string<WuyeException>|null\n     */\n    public function exceptionClass(): ?string\n    {\n        return match ($this) {\n            self::Ok => null,\n");
    for (_, base) in failures() {
        let _ = writeln!(s, "            self::{base} => {base}Exception::class,");
    }
    s.push_str("        };\n    }\n}\n");
    s
}

fn exception(st: Status, base: &str, class: &str) -> String {
    let mut s = head(STATUS_TABLE);
    let _ = writeln!(
        s,
        "/** Status {} (`{}`): {} */",
        st.value(),
        st.as_str(),
        doc(st.summary())
    );
    let _ = writeln!(s, "final class {class} extends WuyeException\n{{");
    let _ = writeln!(s, "    public const STATUS = Status::{base};");
    s.push_str("}\n");
    s
}

fn operation() -> String {
    let mut s = head(OPERATION_TABLE);
    s.push_str(
        "/**\n * The operations of the contract, by their name on the wire. Each has one {@see Engine} method,\n * named by the one rule of every binding ({@see Operation::method()}: `calendar.between` →\n * `calendarBetween`), its group (the cargo feature that compiles it in) and whether it\n * changes the engine.\n */\nenum Operation: string\n{\n",
    );
    for op in TABLE {
        let _ = writeln!(s, "    /** {} */", doc(op.summary));
        let _ = writeln!(s, "    case {} = {};", upper_camel(op.name), quote(op.name));
    }
    s.push_str("\n    /** The name of this operation's {@see Engine} method. */\n    public function method(): string\n    {\n        return match ($this) {\n");
    for op in TABLE {
        let _ = writeln!(
            s,
            "            self::{} => {},",
            upper_camel(op.name),
            quote(&op.method_name())
        );
    }
    s.push_str("        };\n    }\n\n    /** Its group: `desk`, `fees`, `survey` or `reports`. */\n    public function group(): string\n    {\n        return match ($this) {\n");
    let mut groups: Vec<&str> = Vec::new();
    for op in TABLE {
        if !groups.contains(&op.group) {
            groups.push(op.group);
        }
    }
    for g in groups {
        let cases: Vec<String> = TABLE
            .iter()
            .filter(|op| op.group == g)
            .map(|op| format!("self::{}", upper_camel(op.name)))
            .collect();
        let _ = writeln!(
            s,
            "            {} => {},",
            cases.join(",\n            "),
            quote(g)
        );
    }
    s.push_str("        };\n    }\n\n    /** Whether it changes the engine (the others only read it). */\n    public function mutates(): bool\n    {\n        return match ($this) {\n");
    let writes: Vec<String> = TABLE
        .iter()
        .filter(|op| op.mutates)
        .map(|op| format!("self::{}", upper_camel(op.name)))
        .collect();
    let _ = writeln!(s, "            {} => true,", writes.join(",\n            "));
    s.push_str("            default => false,\n        };\n    }\n}\n");
    s
}

// ---- from the schema: string enums and the operation methods ------------------------------

/// Where the enums and the operation methods come from.
const SCHEMA: &str = "the contract schema (docs/contract.schema.json)";

/// Operations whose `Engine` method is written by hand, and why: `fee.load_estate` passes
/// JSON text through and keeps the estate's ids for `billEstateRows()`; `fee.bill_estate`
/// reads its compact response without `json_decode`. Their signatures follow the same rule.
pub const HAND_WRITTEN: [&str; 2] = ["fee.load_estate", "fee.bill_estate"];

/// Schema types a hand-written value class builds; a member of such a type also takes it.
const VALUE_CLASSES: [&str; 2] = ["Actor", "Command"];

/// The longest doc comment line the generator writes before wrapping.
const WIDTH: usize = 100;

/// The longest line of code the generator writes before breaking it (PSR-12's soft limit).
const CODE_WIDTH: usize = 120;

/// The string enums of the schema (`oneOf` of string constants), by name: read forms only
/// (a `.out` form of an enum would be the same enum).
fn string_enums(defs: &Value) -> Vec<(&str, &Value)> {
    defs.as_object()
        .into_iter()
        .flatten()
        .filter(|(name, def)| !name.contains('.') && enum_values(def).is_some())
        .map(|(name, def)| (name.as_str(), def))
        .collect()
}

/// The constants of a string enum with their descriptions, or None for any other type.
fn enum_values(def: &Value) -> Option<Vec<(&str, &str)>> {
    let values = def.get("enum").and_then(Value::as_array).map(|values| {
        values
            .iter()
            .map(|v| v.as_str().map(|s| (s, "")))
            .collect::<Option<Vec<_>>>()
    });
    let consts = def.get("oneOf").and_then(Value::as_array).map(|forms| {
        forms
            .iter()
            .map(|f| {
                let c = f.get("const")?.as_str()?;
                Some((c, f["description"].as_str().unwrap_or("")))
            })
            .collect::<Option<Vec<_>>>()
    });
    values.or(consts).flatten().filter(|v| !v.is_empty())
}

fn enum_file(name: &str, def: &Value) -> String {
    let mut s = head(SCHEMA);
    s.push_str(&doc_block("", description(def), &[]));
    let _ = writeln!(s, "enum {name}: string\n{{");
    for (value, text) in enum_values(def).unwrap_or_default() {
        if !text.is_empty() {
            s.push_str(&doc_block("    ", text, &[]));
        }
        let _ = writeln!(s, "    case {} = {};", upper_camel(value), quote(value));
    }
    s.push_str("}\n");
    s
}

/// What a member holds, as far as a PHP signature is concerned.
#[derive(Clone, Debug, PartialEq)]
enum Ty {
    Instant,
    Date,
    Str,
    Int,
    Float,
    Bool,
    List(Box<Ty>),
    Object,
    Enum(String),
    Value(String),
    Mixed,
}

/// A member's type and whether it may be null.
fn ty(defs: &Value, schema: &Value) -> (Ty, bool) {
    if let Some(name) = def_ref(schema) {
        let def = &defs[name];
        return match name {
            _ if enum_values(def).is_some() => (Ty::Enum(name.to_owned()), false),
            _ if VALUE_CLASSES.contains(&name) => (Ty::Value(name.to_owned()), false),
            // A library-owned time type, whatever its definition says.
            "Instant" => (Ty::Instant, false),
            "Date" => (Ty::Date, false),
            _ => ty(defs, def),
        };
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(forms) = schema.get(key).and_then(Value::as_array) {
            let is_null = |f: &&Value| f.get("type").and_then(Value::as_str) == Some("null");
            let others: Vec<&Value> = forms.iter().filter(|f| !is_null(f)).collect();
            let nullable = others.len() < forms.len();
            return match others.as_slice() {
                [one] => (ty(defs, one).0, nullable),
                _ if enum_values(schema).is_some() => (Ty::Str, nullable),
                _ => (Ty::Object, nullable),
            };
        }
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let nullable = types.contains(&"null");
    let base = match types.iter().find(|&&t| t != "null") {
        Some(&"string") => match schema["format"].as_str() {
            Some("date-time") => Ty::Instant,
            Some("date") => Ty::Date,
            _ => Ty::Str,
        },
        Some(&"integer") => Ty::Int,
        Some(&"number") => Ty::Float,
        Some(&"boolean") => Ty::Bool,
        Some(&"array") => Ty::List(Box::new(ty(defs, &schema["items"]).0)),
        Some(&"object") => Ty::Object,
        _ => Ty::Mixed,
    };
    (base, nullable)
}

fn def_ref(schema: &Value) -> Option<&str> {
    schema.get("$ref")?.as_str()?.strip_prefix("#/$defs/")
}

/// The PHP type of a parameter.
fn php_type(t: &Ty, nullable: bool) -> String {
    let base = match t {
        Ty::Instant | Ty::Date => "DateTimeInterface|string".to_owned(),
        Ty::Str => "string".to_owned(),
        Ty::Int => "int".to_owned(),
        Ty::Float => "float".to_owned(),
        Ty::Bool => "bool".to_owned(),
        Ty::List(_) | Ty::Object => "array".to_owned(),
        Ty::Enum(name) => name.clone(),
        Ty::Value(name) => format!("{name}|array"),
        Ty::Mixed => return "mixed".to_owned(),
    };
    match (nullable, base.contains('|')) {
        (false, _) => base,
        (true, false) => format!("?{base}"),
        (true, true) => format!("{base}|null"),
    }
}

/// The PHPDoc type of a parameter (`input`) or of a result member (as decoded: enums and
/// instants are strings, objects arrays).
fn doc_type(t: &Ty, nullable: bool, input: bool) -> String {
    let base = match t {
        Ty::Instant | Ty::Date if input => "DateTimeInterface|string".to_owned(),
        Ty::Enum(name) if input => name.clone(),
        Ty::Instant | Ty::Date | Ty::Enum(_) | Ty::Str => "string".to_owned(),
        Ty::Int => "int".to_owned(),
        Ty::Float => "float".to_owned(),
        Ty::Bool => "bool".to_owned(),
        Ty::List(item) => format!("list<{}>", doc_type(item, false, input)),
        Ty::Value(name) if input => format!("{name}|array<string, mixed>"),
        Ty::Object | Ty::Value(_) => "array<string, mixed>".to_owned(),
        Ty::Mixed => return "mixed".to_owned(),
    };
    match (nullable, base.contains(['|', '<'])) {
        (false, _) => base,
        (true, false) => format!("?{base}"),
        (true, true) => format!("{base}|null"),
    }
}

/// A description on one line (the schema keeps the Rust docs' line breaks).
fn description(schema: &Value) -> &str {
    schema["description"].as_str().unwrap_or("")
}

/// A member's description, or its type's.
fn member_description<'a>(defs: &'a Value, schema: &'a Value) -> &'a str {
    match description(schema) {
        "" => def_ref(schema).map_or("", |name| description(&defs[name])),
        text => text,
    }
}

/// Words of `text` filled into lines of at most `WIDTH` columns: the first after `first`
/// (which is never broken), the others after `rest`.
fn fill(first: &str, text: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = first.to_owned();
    let mut empty = first.ends_with(' ');
    for word in doc(text).split_whitespace() {
        if !empty && line.chars().count() + 1 + word.chars().count() > WIDTH {
            lines.push(std::mem::replace(&mut line, rest.to_owned()));
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    lines.push(line);
    lines
}

/// A doc comment at `indent`: the text, then tags (each a head such as `@param int $n`, kept
/// on one line, and its text).
fn doc_block(indent: &str, text: &str, tags: &[(String, &str)]) -> String {
    let one = format!(
        "{indent}/** {} */",
        doc(&text.split_whitespace().collect::<Vec<_>>().join(" "))
    );
    if tags.is_empty() && one.chars().count() <= WIDTH && !text.is_empty() {
        return one + "\n";
    }
    let star = format!("{indent} * ");
    let mut s = format!("{indent}/**\n");
    let mut paragraphs: Vec<Vec<String>> = Vec::new();
    if !text.is_empty() {
        paragraphs.push(fill(&star, text, &star));
    }
    if !tags.is_empty() {
        let cont = format!("{star}       ");
        let tags = tags
            .iter()
            .map(|(head, text)| fill(&format!("{star}{head}"), text, &cont));
        paragraphs.push(tags.flatten().collect());
    }
    for (i, lines) in paragraphs.iter().enumerate() {
        if i > 0 {
            let _ = writeln!(s, "{indent} *");
        }
        for line in lines {
            let _ = writeln!(s, "{}", line.trim_end());
        }
    }
    let _ = writeln!(s, "{indent} */");
    s
}

/// One parameter of an operation method: its member, variable, types and description.
struct Param<'a> {
    member: &'a str,
    var: String,
    ty: Ty,
    nullable: bool,
    optional: bool,
    text: &'a str,
}

/// The parameters of an argument type: required members in `required` order, then the
/// optional ones (defaulting to null: left out, so that the contract's default applies).
fn params<'a>(defs: &'a Value, args: &'a Value) -> Vec<Param<'a>> {
    let props = args["properties"].as_object();
    let required: Vec<&str> = args["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let optional = props
        .into_iter()
        .flatten()
        .map(|(name, _)| name.as_str())
        .filter(|name| !required.contains(name));
    required
        .iter()
        .copied()
        .chain(optional)
        .map(|member| {
            let schema = &args["properties"][member];
            let (ty, nullable) = ty(defs, schema);
            let optional = !required.contains(&member);
            Param {
                member,
                var: method_name(member),
                ty,
                nullable: nullable || optional,
                optional,
                text: member_description(defs, schema),
            }
        })
        .collect()
}

/// The documented shape of a result (`array{instant: string}`), one level deep.
fn result_shape(defs: &Value, result: &Value) -> String {
    let Some(props) = result["properties"].as_object() else {
        return "array<string, mixed>".to_owned();
    };
    let required: Vec<&str> = result["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let members: Vec<String> = required
        .iter()
        .copied()
        .chain(
            props
                .keys()
                .map(String::as_str)
                .filter(|k| !required.contains(k)),
        )
        .map(|name| {
            let (t, nullable) = ty(defs, &props[name]);
            let mark = if required.contains(&name) { "" } else { "?" };
            format!("{name}{mark}: {}", doc_type(&t, nullable, false))
        })
        .collect();
    format!("array{{{}}}", members.join(", "))
}

/// The `Operations` trait: one method per operation of the manifest.
fn operations(schema: &Value, manifest: &Value) -> String {
    let defs = &schema["$defs"];
    let mut s = head(SCHEMA);
    s.push_str("use DateTimeInterface;\n\n");
    s.push_str(&doc_block(
        "",
        "The operations of the contract as methods of {@see Engine}, one per operation, named by the one rule of every binding (`calendar.between` → `calendarBetween`). Each takes the members of the operation's arguments — the required ones first, in the schema's order, then the optional ones, which default to null and are then left out so that the contract's default applies — and returns the operation's `result`, the contract's JSON decoded to arrays. Instants and dates also take any DateTimeInterface, enum members the generated enum; {@see Contract::args()} writes them. A refusal throws the {@see WuyeException} subclass of its status and leaves the engine unchanged. feeLoadEstate() and feeBillEstate() follow the same rule but are written in Engine (JSON text passed through, the compact response read without json_decode).",
        &[],
    ));
    s.push_str("trait Operations\n{\n");
    s.push_str("    /**\n     * Runs one operation of the contract and returns its `result`.\n     *\n     * @param array<string, mixed> $args\n     * @return array<string, mixed>\n     */\n    abstract public function call(string $op, array $args = []): array;\n");
    for op in manifest["operations"].as_array().into_iter().flatten() {
        let name = op["name"].as_str().unwrap_or_default();
        if HAND_WRITTEN.contains(&name) {
            continue;
        }
        s.push('\n');
        s.push_str(&method(defs, op));
    }
    s.push_str("}\n");
    s
}

fn method(defs: &Value, op: &Value) -> String {
    let name = op["name"].as_str().unwrap_or_default();
    let args_name = op["args"].as_str().unwrap_or_default();
    let result_name = op["result"].as_str().unwrap_or_default();
    let params = params(defs, &defs[args_name]);
    let result = &defs[result_name];

    let mut tags: Vec<(String, &str)> = params
        .iter()
        .map(|p| {
            let t = doc_type(&p.ty, p.nullable, true);
            (format!("@param {t} ${}", p.var), p.text)
        })
        .collect();
    let returns = format!("{} `{result_name}`:", result_shape(defs, result));
    tags.push((format!("@return {returns}"), description(result)));
    tags.push((
        "@throws WuyeException".to_owned(),
        "the subclass of the failure's status.",
    ));
    let summary = format!("`{name}`: {}", op["summary"].as_str().unwrap_or_default());
    let mut s = doc_block("    ", &summary, &tags);

    let method = op["method"].as_str().unwrap_or_default();
    let decls: Vec<String> = params
        .iter()
        .map(|p| {
            let default = if p.optional { " = null" } else { "" };
            format!("{} ${}{default}", php_type(&p.ty, p.nullable), p.var)
        })
        .collect();
    let one_line = format!("    public function {method}({}): array", decls.join(", "));
    if one_line.chars().count() <= CODE_WIDTH {
        let _ = writeln!(s, "{one_line}\n    {{");
    } else {
        let _ = writeln!(s, "    public function {method}(");
        for d in &decls {
            let _ = writeln!(s, "        {d},");
        }
        s.push_str("    ): array {\n");
    }

    if params.is_empty() {
        let _ = writeln!(s, "        return $this->call({});", quote(name));
    } else {
        let members: Vec<String> = params
            .iter()
            .map(|p| format!("{} => ${}", quote(p.member), p.var))
            .collect();
        let dates: Vec<String> = params
            .iter()
            .filter(|p| p.ty == Ty::Date)
            .map(|p| quote(p.member))
            .collect();
        let dates = if dates.is_empty() {
            String::new()
        } else {
            format!(", dates: [{}]", dates.join(", "))
        };
        let one_line = format!(
            "        return $this->call({}, Contract::args([{}]{dates}));",
            quote(name),
            members.join(", ")
        );
        if one_line.chars().count() <= CODE_WIDTH {
            let _ = writeln!(s, "{one_line}");
        } else {
            let _ = writeln!(
                s,
                "        return $this->call({}, Contract::args([",
                quote(name)
            );
            for m in &members {
                let _ = writeln!(s, "            {m},");
            }
            let _ = writeln!(s, "        ]{dates}));");
        }
    }
    s.push_str("    }\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Instants and dates inline (`format`) or as a library-owned definition, either way.
    #[test]
    fn instants_and_dates_in_both_forms() {
        let defs = json!({
            "Instant": {"type": "string", "pattern": "^…$"},
            "Date": {"type": "string", "format": "date"},
            "Priority": {"oneOf": [{"const": "high"}, {"const": "low"}]},
        });
        let ty = |s: Value| ty(&defs, &s);
        assert_eq!(
            ty(json!({"type": "string", "format": "date-time"})),
            (Ty::Instant, false)
        );
        assert_eq!(ty(json!({"$ref": "#/$defs/Instant"})), (Ty::Instant, false));
        assert_eq!(
            ty(json!({"type": ["string", "null"], "format": "date"})),
            (Ty::Date, true)
        );
        assert_eq!(
            ty(json!({"anyOf": [{"$ref": "#/$defs/Date"}, {"type": "null"}]})),
            (Ty::Date, true)
        );
        assert_eq!(
            ty(json!({"$ref": "#/$defs/Priority"})),
            (Ty::Enum("Priority".into()), false)
        );
        assert_eq!(
            php_type(&Ty::Instant, true),
            "DateTimeInterface|string|null"
        );
        assert_eq!(php_type(&Ty::Enum("Priority".into()), true), "?Priority");
    }
}
