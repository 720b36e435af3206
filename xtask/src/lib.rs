//! The generator of wuye's derived files: everything a binding or a vendor needs to know about
//! the contract, written from the one table of operations (`wuye_core::contract::table`) and
//! the one table of statuses (`wuye_core::contract::Status`).
//!
//! ```text
//! cargo run -p xtask -- generate   # rewrite every generated file
//! cargo run -p xtask -- check      # fail if a committed file differs (CI does this too,
//!                                  # through `cargo test -p xtask`)
//! ```
//!
//! Each generated file is a pure function of the tables: [`files`] lists them with their
//! contents.

pub mod c;
pub mod java;
pub mod js;
pub mod names;
pub mod php;
pub mod reference;

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use wuye_core::contract::schema;
use wuye_core::contract::{table, Status, CONTRACT_VERSION, TABLE};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The exception class a binding raises for a status: its name in upper camel case plus
/// `Exception` (`invalid_request` → `InvalidRequestException`); none for `ok`.
pub fn exception_name(status: Status) -> Option<String> {
    if status == Status::Ok {
        return None;
    }
    let mut out = String::new();
    for word in status.as_str().split('_') {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out.push_str("Exception");
    Some(out)
}

/// The groups of operations 操作组, in the order the JS package loads them, with what each
/// holds.
pub const GROUPS: [(&str, &str); 4] = [
    ("desk", "The service desk: engine, calendar, requests, SLA clocks, event logs. The WASM module a page loads at import."),
    ("fees", "Fees 收费: bills, estate runs, parking, apportionment, fee accounts, late fees, arrears."),
    ("survey", "Survey scores 满意度: SERVQUAL, SERVPERF, CSAT, NPS, proportions, index, customer value."),
    ("reports", "Service-log figures: callback satisfaction 回访满意率, KPIs 服务指标, callback samples 回访抽样. Includes the desk."),
];

/// The JSON Schema of the contract (`docs/contract.schema.json`), from the operation table.
pub fn schema() -> Value {
    schema::contract_schema(&table::schemas())
}

/// The `$defs` name a `$ref` points to (`#/$defs/Name` → `Name`).
fn def_name(reference: &Value) -> Option<&str> {
    reference.as_str()?.strip_prefix("#/$defs/")
}

/// The machine-readable manifest of the contract (`docs/contract.manifest.json`): its
/// version, groups, operations (name, binding method, group, whether it changes the engine,
/// the schema's definitions of its arguments and result, summary) and statuses (value, name,
/// exception class, meaning).
pub fn manifest() -> Value {
    let schema = schema();
    let defs = &schema["$defs"];
    let operations: Vec<Value> = TABLE
        .iter()
        .map(|op| {
            let request = &defs[format!("Request.{}", op.name)];
            let response = &defs[format!("Response.{}", op.name)];
            // Arguments that may be left out are `anyOf` [their type, null].
            let args = &request["properties"]["args"];
            let args = def_name(&args["$ref"]).or_else(|| def_name(&args["anyOf"][0]["$ref"]));
            // The ok envelope is the first of the response's forms.
            let result = def_name(&response["oneOf"][0]["properties"]["result"]["$ref"]);
            json!({
                "name": op.name,
                "method": op.method_name(),
                "group": op.group,
                "mutates": op.mutates,
                "args": args,
                "result": result,
                "summary": op.summary,
            })
        })
        .collect();
    let statuses: Vec<Value> = Status::ALL
        .iter()
        .map(|&s| {
            json!({
                "value": s.value(),
                "name": s.as_str(),
                "exception": exception_name(s),
                "summary": s.summary(),
            })
        })
        .collect();
    let groups: Vec<Value> = GROUPS
        .iter()
        .map(|(name, summary)| json!({"name": name, "summary": summary}))
        .collect();
    json!({
        "contract_version": CONTRACT_VERSION,
        "groups": groups,
        "operations": operations,
        "statuses": statuses,
    })
}

/// Pretty JSON with a trailing newline, as committed.
pub fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

/// Every generated file: its path from the workspace root and its contents.
pub fn files() -> Vec<(PathBuf, String)> {
    let schema = schema();
    let mut files = vec![
        (
            PathBuf::from("docs/contract.schema.json"),
            schema::to_text(&schema),
        ),
        (
            PathBuf::from("docs/contract.manifest.json"),
            pretty(&manifest()),
        ),
        (PathBuf::from("docs/reference.md"), reference::page(&schema)),
    ];
    files.extend(c::files());
    files.extend(php::files());
    files.extend(java::files());
    files.extend(js::files());
    files
}

/// The generated files whose committed copy differs from what [`files`] gives (missing
/// files included).
pub fn stale() -> Vec<PathBuf> {
    let root = root();
    files()
        .into_iter()
        .filter(|(path, text)| std::fs::read_to_string(root.join(path)).ok().as_ref() != Some(text))
        .map(|(path, _)| path)
        .collect()
}

/// Writes every generated file; returns the ones that changed.
pub fn generate() -> std::io::Result<Vec<PathBuf>> {
    let root = root();
    let mut changed = Vec::new();
    for (path, text) in files() {
        let full = root.join(&path);
        if std::fs::read_to_string(&full).ok().as_ref() != Some(&text) {
            if let Some(dir) = full.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::write(&full, text)?;
            changed.push(path);
        }
    }
    Ok(changed)
}
