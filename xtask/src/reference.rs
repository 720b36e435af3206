//! `docs/reference.md`: every operation's arguments and result, and every type of the
//! contract with every field a caller can send or receive, written from the JSON Schema (whose
//! descriptions are the Rust types' documentation). `docs/contract.md` explains and gives
//! worked examples; this page lists.

use serde_json::{Map, Value};
use std::fmt::Write as _;
use wuye_core::contract::TABLE;

/// The `$defs` name a `$ref` points to.
fn ref_name(v: &Value) -> Option<&str> {
    v.get("$ref")?.as_str()?.strip_prefix("#/$defs/")
}

/// The Markdown anchor of a type's heading (`Money.out` → `moneyout`), as GitHub makes it.
fn anchor(name: &str) -> String {
    name.chars()
        .map(|c| if c == ' ' { '-' } else { c })
        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
        .flat_map(char::to_lowercase)
        .collect()
}

/// One line of text: newlines and table bars escaped.
fn one_line(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

/// A short description of a schema's type, with links to named types.
fn type_of(s: &Value) -> String {
    if let Some(name) = ref_name(s) {
        return format!("[`{name}`](#{})", anchor(name));
    }
    if let Some(c) = s.get("const") {
        return format!("`{c}`");
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(Value::Array(options)) = s.get(key) {
            let parts: Vec<String> = options.iter().map(type_of).collect();
            return parts.join(" or ");
        }
    }
    let mut kinds: Vec<String> = match s.get("type") {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => vec![],
    };
    for k in kinds.iter_mut() {
        match k.as_str() {
            "array" => {
                let items = s.get("items").map_or("any".to_owned(), type_of);
                *k = format!("array of {items}");
            }
            "string" => {
                if let Some(f) = s.get("format").and_then(Value::as_str) {
                    *k = format!("string ({f})");
                }
            }
            "integer" => {
                if let Some(f) = s.get("format").and_then(Value::as_str) {
                    *k = format!("integer ({f})");
                }
            }
            "object" => {
                if let Some(extra) = s.get("additionalProperties").filter(|v| v.is_object()) {
                    *k = format!("map of string to {}", type_of(extra));
                }
            }
            _ => {}
        }
    }
    if kinds.is_empty() {
        "any".to_owned()
    } else {
        kinds.join(" or ")
    }
}

/// The table of an object's members.
fn members(out: &mut String, s: &Value) {
    let Some(Value::Object(props)) = s.get("properties") else {
        return;
    };
    let required: Vec<&str> = s
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let _ = writeln!(out, "| member | type | | meaning |");
    let _ = writeln!(out, "|--------|------|-|---------|");
    for (name, p) in props {
        let need = if required.contains(&name.as_str()) {
            "required"
        } else {
            "optional"
        };
        let doc = p
            .get("description")
            .and_then(Value::as_str)
            .map(one_line)
            .unwrap_or_default();
        let _ = writeln!(out, "| `{name}` | {} | {need} | {doc} |", type_of(p));
    }
}

/// A named type: its description, then its members, or its forms (each variant of a tagged
/// union or each value of an enumeration).
fn definition(out: &mut String, name: &str, s: &Value) {
    let _ = writeln!(out, "### {name}\n");
    if let Some(d) = s.get("description").and_then(Value::as_str) {
        let _ = writeln!(out, "{}\n", d.trim());
    }
    if let Some(p) = s.get("pattern").and_then(Value::as_str) {
        let _ = writeln!(out, "Form: `{p}`\n");
    }
    if s.get("properties").is_some() {
        members(out, s);
        out.push('\n');
        return;
    }
    let forms = s
        .get("oneOf")
        .or_else(|| s.get("anyOf"))
        .and_then(Value::as_array);
    if let Some(forms) = forms {
        for form in forms {
            let doc = form
                .get("description")
                .and_then(Value::as_str)
                .map(one_line)
                .unwrap_or_default();
            if form.get("properties").is_some() {
                // A tagged variant: name it by its constant member.
                let tag = form["properties"]
                    .as_object()
                    .and_then(|p| p.iter().find(|(_, v)| v.get("const").is_some()))
                    .map(|(k, v)| format!("`{k}`: {}", v["const"]));
                let _ = writeln!(
                    out,
                    "- {}{}{doc}\n",
                    tag.unwrap_or_else(|| "object".to_owned()),
                    if doc.is_empty() { "" } else { " — " }
                );
                let mut table = String::new();
                members(&mut table, form);
                for line in table.lines() {
                    let _ = writeln!(out, "  {line}");
                }
                out.push('\n');
            } else {
                let _ = writeln!(
                    out,
                    "- {}{}{doc}",
                    type_of(form),
                    if doc.is_empty() { "" } else { " — " }
                );
            }
        }
        out.push('\n');
        return;
    }
    let _ = writeln!(out, "Type: {}\n", type_of(s));
}

/// The page.
pub fn page(schema: &Value) -> String {
    let empty = Map::new();
    let defs = schema["$defs"].as_object().unwrap_or(&empty);
    let mut out = String::new();
    out.push_str(
        "<!-- Generated by `cargo run -p xtask -- generate` from docs/contract.schema.json; do not edit. -->\n\
         # Contract reference\n\n\
         Every operation's arguments and result, and every type of the contract with every member \
         a caller can send or receive, from `docs/contract.schema.json` (whose descriptions are the \
         library's own documentation). `docs/contract.md` explains the contract and gives a worked \
         example of each operation. Money and rates are decimal strings, instants RFC 3339 with an \
         offset, dates `YYYY-MM-DD`; an optional member may be left out (or be `null`); any other \
         member is refused. Where a type is read and written in different forms, the written \
         form is `<Name>.out`.\n\n## Operations\n\n",
    );
    let _ = writeln!(
        out,
        "| operation | method | group | changes the engine | what |"
    );
    let _ = writeln!(
        out,
        "|-----------|--------|-------|--------------------|------|"
    );
    for op in TABLE {
        let _ = writeln!(
            out,
            "| [`{}`](#{}) | `{}` | {} | {} | {} |",
            op.name,
            anchor(&format!("operation {}", op.name)),
            op.method_name(),
            op.group,
            if op.mutates { "yes" } else { "no" },
            one_line(op.summary)
        );
    }
    out.push('\n');
    for op in TABLE {
        let _ = writeln!(out, "### Operation {}\n\n{}\n", op.name, op.summary);
        let request = &defs.get(&format!("Request.{}", op.name));
        let response = &defs.get(&format!("Response.{}", op.name));
        let args = request.map(|r| &r["properties"]["args"]);
        if let Some(args) = args {
            let optional = !request
                .and_then(|r| r["required"].as_array())
                .is_some_and(|r| r.iter().any(|v| v == "args"));
            let _ = writeln!(
                out,
                "- arguments: {}{}",
                type_of(args),
                if optional {
                    " (`args` may be left out)"
                } else {
                    ""
                }
            );
        }
        if let Some(result) = response.map(|r| &r["oneOf"][0]["properties"]["result"]) {
            let _ = writeln!(out, "- result: {}", type_of(result));
        }
        out.push('\n');
    }
    out.push_str("## Types\n\n");
    for (name, s) in defs {
        if name.starts_with("Request.") || name.starts_with("Response.") {
            continue;
        }
        definition(&mut out, name, s);
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
