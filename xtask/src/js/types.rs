//! TypeScript from the contract's JSON Schema: every `$defs` type as a declaration
//! (`contract.d.ts`), and the type expressions the Engine methods' signatures use.
//!
//! The mapping, one rule per schema form:
//! - an object with `properties` → an `interface` (inline: an object type); a member not in
//!   `required` is optional (`?`), one whose schema allows `null` gets `| null`;
//! - `oneOf`/`anyOf` → a union; a tagged union's variants are objects with a constant tag
//!   member, so the union is discriminated; a variant with its own `oneOf` (a callback's
//!   `outcome`) becomes one variant per inner form; string constants → string literals;
//! - a string with a `pattern` (`Money`, `Decimal`, `Figure`, `Period`) → a documented
//!   `string` alias; an inline `format: date-time` / `format: date` string → `Instant` /
//!   `DateString` (declared here unless the schema defines them);
//! - integers and numbers → `number`; a map (`additionalProperties` schema) → `Record`;
//! - a written form `Name.out` → `NameOut` (see [`RENAMES`] for the exceptions);
//! - descriptions (the Rust docs) → doc comments, `default` → `@default`.
//!
//! Not declared: the request/response envelopes `Request.<op>` / `Response.<op>` (here
//! `ContractRequest`, `ContractResponse` and the `Operations` map) and `Status` (its values
//! are `Status` in `errors.d.ts`; a member of that type is a `number`).

use serde_json::{Map, Value};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fmt::Write;

/// Schema names whose TypeScript name is not the rule's, each keeping the package's name:
/// `Account.out` is `AccountState` (`AccountOut` is `fee.account.execute`'s result),
/// `CalendarError` is `CalendarFailure` (`CalendarError` is the exception of status 10), and a
/// `Date` definition would shadow the global `Date`.
pub const RENAMES: [(&str, &str); 3] = [
    ("Account.out", "AccountState"),
    ("CalendarError", "CalendarFailure"),
    ("Date", "DateString"),
];

/// The aliases of inline formats, declared unless a definition has the name.
const FORMATS: [(&str, &str, &str); 2] = [
    (
        "date-time",
        "Instant",
        "An instant: `YYYY-MM-DDTHH:MM:SS` plus `Z` or `±HH:MM`, whole seconds\n(`\"2026-09-30T16:00:00+08:00\"`).",
    ),
    ("date", "DateString", "A date: `YYYY-MM-DD` (`\"2026-10-01\"`)."),
];

/// The `$defs` name a `$ref` points to.
pub fn ref_name(s: &Value) -> Option<&str> {
    s.get("$ref")?.as_str()?.strip_prefix("#/$defs/")
}

/// Whether a definition is declared (see the module doc).
fn declared(name: &str) -> bool {
    !(name == "Request"
        || name == "Status"
        || name.starts_with("Request.")
        || name.starts_with("Response."))
}

/// Text for a doc comment (never closing it), its long lines wrapped.
pub fn doc_text(s: &str) -> String {
    let mut out = Vec::new();
    for line in s.trim().replace("*/", "*&#47;").lines() {
        let mut current = String::new();
        for word in line.split(' ') {
            if !current.is_empty() && current.chars().count() + word.chars().count() >= WIDTH {
                out.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        out.push(current);
    }
    out.join("\n")
}

/// The width doc comments wrap at.
const WIDTH: usize = 92;

/// A doc comment at `indent` spaces: one line when it fits, else a block.
pub fn doc(out: &mut String, indent: usize, lines: &[String]) {
    let pad = " ".repeat(indent);
    let lines: Vec<&str> = lines.iter().flat_map(|l| l.lines()).collect();
    match lines.as_slice() {
        [] => {}
        [one] if !one.starts_with('@') => {
            let _ = writeln!(out, "{pad}/** {one} */");
        }
        _ => {
            let _ = writeln!(out, "{pad}/**");
            for l in lines {
                let l = l.trim_end();
                if l.is_empty() {
                    let _ = writeln!(out, "{pad} *");
                } else {
                    let _ = writeln!(out, "{pad} * {l}");
                }
            }
            let _ = writeln!(out, "{pad} */");
        }
    }
}

/// A member's doc: its description and, if it may be left out, its default.
fn member_doc(s: &Value, required: bool) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(d) = s.get("description").and_then(Value::as_str) {
        lines.push(doc_text(d));
    }
    match s.get("default") {
        Some(d) if !required && !d.is_null() => lines.push(format!("@default {d}")),
        _ => {}
    }
    lines
}

/// A JS string or number literal.
fn literal(v: &Value) -> String {
    match v {
        Value::String(s) => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
        other => other.to_string(),
    }
}

/// A member name as TypeScript writes it.
fn key(name: &str) -> String {
    let ident = name.chars().enumerate().all(|(i, c)| {
        c == '_' || c == '$' || c.is_ascii_alphabetic() || (i > 0 && c.is_ascii_digit())
    });
    if ident && !name.is_empty() {
        name.to_owned()
    } else {
        literal(&Value::String(name.to_owned()))
    }
}

/// The forms of a union, a variant with a `oneOf` of its own split into one per inner form
/// (its members and each form's, its doc and each form's).
fn forms(s: &Value) -> Vec<Value> {
    let list = s
        .get("oneOf")
        .or_else(|| s.get("anyOf"))
        .and_then(Value::as_array);
    let Some(list) = list else {
        return vec![s.clone()];
    };
    let mut out = Vec::new();
    for form in list {
        if form.get("properties").is_some() && form.get("oneOf").is_some() {
            out.extend(forms(form).into_iter().map(|inner| merge(form, &inner)));
        } else if form.get("properties").is_none()
            && form.get("const").is_none()
            && form.get("oneOf").is_some()
        {
            out.extend(forms(form));
        } else {
            out.push(form.clone());
        }
    }
    out
}

/// Whether a schema is a union: `oneOf`/`anyOf` forms (an object with a `oneOf` too: its
/// members are shared by the forms).
fn is_union(s: &Value) -> bool {
    s.get("oneOf").is_some() || (s.get("anyOf").is_some() && s.get("properties").is_none())
}

/// An object form `inner` with the members of `outer` (first) added.
fn merge(outer: &Value, inner: &Value) -> Value {
    let mut s = inner.clone();
    let mut props = outer["properties"].as_object().cloned().unwrap_or_default();
    if let Some(p) = inner["properties"].as_object() {
        props.extend(p.clone());
    }
    let mut required: Vec<Value> = outer["required"].as_array().cloned().unwrap_or_default();
    required.extend(inner["required"].as_array().cloned().unwrap_or_default());
    let docs: Vec<&str> = [outer, inner]
        .iter()
        .filter_map(|v| v.get("description").and_then(Value::as_str))
        .collect();
    s["properties"] = Value::Object(props);
    s["required"] = Value::Array(required);
    s["description"] = Value::String(docs.join(" "));
    s
}

/// The TypeScript of the contract: names, and type expressions of schemas.
pub struct Ts<'a> {
    /// The schema's `$defs`.
    pub defs: &'a Map<String, Value>,
    /// The declared names a rendering refers to (for a file's imports).
    pub used: RefCell<BTreeSet<String>>,
}

impl<'a> Ts<'a> {
    /// The TypeScript of `schema`'s definitions.
    pub fn new(schema: &'a Value) -> Self {
        static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
        let defs = schema["$defs"]
            .as_object()
            .unwrap_or_else(|| EMPTY.get_or_init(Map::new));
        Ts {
            defs,
            used: RefCell::new(BTreeSet::new()),
        }
    }

    /// The TypeScript name of definition `name`: its own, `Name.out` → `NameOut` (or
    /// `NameWritten` if a definition is called `NameOut`), or its [`RENAMES`] entry.
    pub fn name(&self, name: &str) -> String {
        if let Some((_, to)) = RENAMES.iter().find(|(from, _)| *from == name) {
            return (*to).to_owned();
        }
        match name.strip_suffix(".out") {
            Some(base) if self.defs.contains_key(&format!("{base}Out")) => {
                format!("{}Written", self.name(base))
            }
            Some(base) => format!("{}Out", self.name(base)),
            None => name.to_owned(),
        }
    }

    /// A reference to a declared name.
    fn refer(&self, name: String) -> String {
        self.used.borrow_mut().insert(name.clone());
        name
    }

    /// The type of schema `s`, written at `indent` (the column its closing brace goes to).
    pub fn ty(&self, s: &Value, indent: usize) -> String {
        if let Some(r) = ref_name(s) {
            return if r == "Status" {
                "number".to_owned()
            } else {
                self.refer(self.name(r))
            };
        }
        if let Some(c) = s.get("const") {
            return literal(c);
        }
        if is_union(s) {
            return self.union(&forms(s), indent, false);
        }
        let kinds: Vec<&str> = match s.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
            _ if s.get("properties").is_some() => vec!["object"],
            _ => vec![],
        };
        if kinds.is_empty() {
            return "unknown".to_owned();
        }
        let parts: Vec<String> = kinds.iter().map(|k| self.kind(s, k, indent)).collect();
        parts.join(" | ")
    }

    fn kind(&self, s: &Value, kind: &str, indent: usize) -> String {
        match kind {
            "string" => match s.get("format").and_then(Value::as_str) {
                Some(f) => match FORMATS.iter().find(|(format, _, _)| *format == f) {
                    Some((_, alias, _)) => self.refer((*alias).to_owned()),
                    None => "string".to_owned(),
                },
                None => "string".to_owned(),
            },
            "integer" | "number" => "number".to_owned(),
            "boolean" => "boolean".to_owned(),
            "null" => "null".to_owned(),
            "array" => {
                let item = s
                    .get("items")
                    .map_or("unknown".to_owned(), |i| self.ty(i, indent));
                if item.contains(['|', '&', '\n']) {
                    format!("Array<{item}>")
                } else {
                    format!("{item}[]")
                }
            }
            "object" => self.object(s, indent),
            _ => "unknown".to_owned(),
        }
    }

    /// An object type: its members, or a map, or `Record<string, never>` (no members).
    pub fn object(&self, s: &Value, indent: usize) -> String {
        let Some(props) = s.get("properties").and_then(Value::as_object) else {
            return match s.get("additionalProperties").filter(|a| a.is_object()) {
                Some(values) => format!("Record<string, {}>", self.ty(values, indent)),
                None => "Record<string, never>".to_owned(),
            };
        };
        let members = self.members(s, props, indent + 2);
        let one_line = members.iter().all(|(d, _)| d.is_empty())
            && members.iter().all(|(_, m)| !m.contains('\n'));
        let line = members
            .iter()
            .map(|(_, m)| m.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        if one_line && line.len() + indent < 90 {
            return if line.is_empty() {
                "Record<string, never>".to_owned()
            } else {
                format!("{{ {line} }}")
            };
        }
        let mut out = String::from("{\n");
        for (d, m) in members {
            out.push_str(&d);
            let _ = writeln!(out, "{}{m};", " ".repeat(indent + 2));
        }
        let _ = write!(out, "{}}}", " ".repeat(indent));
        out
    }

    /// The members of an object, each as (its doc comment at `indent`, `name: type`): the
    /// required ones in the schema's order (a tag first), then the optional ones.
    pub fn members(
        &self,
        s: &Value,
        props: &Map<String, Value>,
        indent: usize,
    ) -> Vec<(String, String)> {
        let required: Vec<&str> = s
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut names: Vec<&str> = required
            .iter()
            .copied()
            .filter(|r| props.contains_key(*r))
            .collect();
        names.extend(
            props
                .keys()
                .map(String::as_str)
                .filter(|k| !required.contains(k)),
        );
        names
            .into_iter()
            .map(|name| {
                let p = &props[name];
                let need = required.contains(&name);
                let mut d = String::new();
                doc(&mut d, indent, &member_doc(p, need));
                let opt = if need { "" } else { "?" };
                (d, format!("{}{opt}: {}", key(name), self.ty(p, indent)))
            })
            .collect()
    }

    /// A union of forms: on one line when short and undocumented, else one form a line, each
    /// with its doc if `documented` (a declaration's forms; an inline union's are not).
    fn union(&self, forms: &[Value], indent: usize, documented: bool) -> String {
        let parts: Vec<(Vec<String>, String)> = forms
            .iter()
            .map(|f| {
                let d = f
                    .get("description")
                    .and_then(Value::as_str)
                    .filter(|_| documented)
                    .map(doc_text);
                (d.into_iter().collect(), self.ty(f, indent + 4))
            })
            .collect();
        let mut seen = BTreeSet::new();
        let parts: Vec<_> = parts
            .into_iter()
            .filter(|(_, t)| seen.insert(t.clone()))
            .collect();
        let line = parts
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join(" | ");
        if parts.iter().all(|(d, _)| d.is_empty())
            && !line.contains('\n')
            && line.len() + indent < 90
        {
            return line;
        }
        let mut out = String::new();
        for (d, t) in parts {
            out.push('\n');
            let mut c = String::new();
            doc(&mut c, indent + 2, &d);
            out.push_str(&c);
            let _ = write!(out, "{}| {t}", " ".repeat(indent + 2));
        }
        out
    }

    /// The declaration of definition `name`.
    fn declaration(&self, out: &mut String, name: &str, s: &Value) {
        let ts = self.name(name);
        let mut d = Vec::new();
        if let Some(text) = s.get("description").and_then(Value::as_str) {
            d.push(doc_text(text));
        }
        if let Some(read) = name.strip_suffix(".out") {
            d.push(format!(
                "\nThe written form of `{}` (in results).",
                self.name(read)
            ));
        }
        doc(out, 0, &d);
        let is_interface = s.get("properties").is_some() && s.get("oneOf").is_none();
        if is_interface {
            let props = s["properties"].as_object().cloned().unwrap_or_default();
            let _ = writeln!(out, "export interface {ts} {{");
            for (d, m) in self.members(s, &props, 2) {
                out.push_str(&d);
                let _ = writeln!(out, "  {m};");
            }
            out.push_str("}\n");
        } else {
            let t = if is_union(s) {
                self.union(&forms(s), 0, true)
            } else {
                self.ty(s, 0)
            };
            // A definition of a format's alias (`Instant`: a `date-time` string) is a string.
            let t = if t == ts { "string".to_owned() } else { t };
            if t.starts_with('\n') {
                let _ = writeln!(out, "export type {ts} ={t};");
            } else {
                let _ = writeln!(out, "export type {ts} = {t};");
            }
        }
    }

    /// Every declared definition, and the aliases of inline formats, in name order.
    pub fn declarations(&self) -> String {
        let mut out = String::new();
        let names: BTreeSet<String> = self.defs.keys().map(|k| self.name(k)).collect();
        for (_, alias, text) in FORMATS {
            if !names.contains(alias) {
                out.push('\n');
                doc(&mut out, 0, &[text.to_owned()]);
                let _ = writeln!(out, "export type {alias} = string;");
            }
        }
        for (name, s) in self.defs {
            if declared(name) {
                out.push('\n');
                self.declaration(&mut out, name, s);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Ts;
    use serde_json::json;

    /// Instants and dates inline today; the schema may define them (and their written forms,
    /// next to results called `InstantOut`) tomorrow: both give one declaration per name.
    #[test]
    fn instants_inline_or_defined() {
        let instant =
            json!({"type": "string", "format": "date-time", "description": "An instant."});
        let inline = json!({"$defs": {
            "AtArgs": {"type": "object", "properties": {"at": instant}, "required": ["at"]},
        }});
        let text = Ts::new(&inline).declarations();
        assert!(text.contains("export type Instant = string;"), "{text}");
        assert!(text.contains("  at: Instant;"), "{text}");

        let defined = json!({"$defs": {
            "Instant": instant,
            "Instant.out": instant,
            "Date": {"type": "string", "format": "date"},
            "InstantOut": {"type": "object", "properties": {"instant": {"$ref": "#/$defs/Instant.out"}}, "required": ["instant"]},
            "AtArgs": {"type": "object", "properties": {"at": {"$ref": "#/$defs/Instant"}, "on": {"$ref": "#/$defs/Date"}}, "required": ["at"]},
        }});
        let text = Ts::new(&defined).declarations();
        for declared in [
            "export type Instant = string;",
            "export type InstantWritten = Instant;",
            "export type DateString = string;",
            "export interface InstantOut {",
            "  instant: InstantWritten;",
            "  at: Instant;",
            "  on?: DateString;",
        ] {
            assert_eq!(text.matches(declared).count(), 1, "{declared} in {text}");
        }
    }
}
