//! The JS package's generated surface (`bindings/js/src`): the `Status` values and one
//! `WuyeError` subclass per failing status (`errors.js`, with its TypeScript declarations
//! `errors.d.ts`), the table of operations (`operations.js`: name → method, group,
//! mutates) that routes each call to its WASM module, the TypeScript declarations of every
//! contract type (`contract.d.ts`, see its `types` module) and the Engine's operation methods
//! (`engine-methods.js` and `.d.ts`).
//!
//! The methods' one rule for parameters: the members of the operation's arguments that
//! `required` lists come first, positionally, in that order, named in lower camel case
//! (`as_of` → `asOf`); the optional members, if any, come last in one `options` object under
//! their wire names (`{ top_boxes: 3 }`). A method returns the operation's result as the
//! contract writes it (`calendarBetween(from, to)` → `{ seconds }`).

mod types;

use crate::names::{self, failures, screaming, OPERATION_TABLE, STATUS_TABLE};
use serde_json::Value;
use std::fmt::Write;
use std::path::PathBuf;
use types::{doc as doc_comment, doc_text, Ts};
use wuye_core::contract::{method_name, Status, TABLE};

const DIR: &str = "bindings/js/src";

/// Every generated JS and TypeScript file.
pub fn files() -> Vec<(PathBuf, String)> {
    let schema = crate::schema();
    vec![
        (path("errors.js"), errors_js()),
        (path("errors.d.ts"), errors_dts()),
        (path("operations.js"), operations_js()),
        (path("contract.d.ts"), contract_dts(&schema)),
        (path("engine-methods.js"), methods_js(&schema)),
        (path("engine-methods.d.ts"), methods_dts(&schema)),
    ]
}

fn path(file: &str) -> PathBuf {
    PathBuf::from(format!("{DIR}/{file}"))
}

/// A single-quoted JS string literal.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// Text for a doc comment (never closing it).
fn doc(s: &str) -> String {
    s.replace("*/", "*&#47;")
}

fn head(from: &str) -> String {
    let mut s = String::new();
    for line in names::notice(from) {
        let _ = writeln!(s, "// {line}");
    }
    s
}

fn error_doc(st: Status) -> String {
    format!(
        "/** Status {} (`{}`): {} */",
        st.value(),
        st.as_str(),
        doc(st.summary())
    )
}

fn errors_js() -> String {
    let mut s = head(STATUS_TABLE);
    s.push_str("//\n// Errors of the wuye contract as JS exceptions: the stable `Status` values, and one WuyeError\n// subclass per failing status, each carrying the numeric `status` and the finer `code`.\n\nimport { WuyeError } from './wuye-error.js';\n\nexport { WuyeError };\n\n/** Stable status values of the contract (docs/contract.md, \"Statuses\"). */\nexport const Status = Object.freeze({\n");
    for &st in Status::ALL {
        let _ = writeln!(s, "  /** {} */", doc(st.summary()));
        let _ = writeln!(s, "  {}: {},", screaming(st.as_str()), st.value());
    }
    s.push_str("});\n");
    for (st, base) in failures() {
        let _ = writeln!(
            s,
            "\n{}\nexport class {base}Error extends WuyeError {{}}\n{base}Error.prototype.name = '{base}Error';",
            error_doc(st)
        );
    }
    s.push_str("\n// Each class's `name` is a string on its prototype, so it survives a minifier renaming\n// the classes (an error's name is then still `RefusedError`, not `yt`).\n");
    s.push_str("\n// Status value → its WuyeError subclass.\nconst byStatus = new Map([\n");
    for (st, base) in failures() {
        let _ = writeln!(s, "  [{}, {base}Error],", st.value());
    }
    s.push_str(
        r#"]);

/**
 * The exception for a contract `error` object `{status, code, message}`: the subclass of its
 * status (a status this package does not know gives a plain WuyeError). `response`, when
 * given, is kept as `error.response`: the failure response JSON text as the library wrote it.
 */
export function errorFromFailure(failure, response) {
  const Class = byStatus.get(failure.status) ?? WuyeError;
  const error = new Class(failure.status, failure.code, failure.message);
  if (response !== undefined) error.response = response;
  return error;
}
"#,
    );
    s
}

fn errors_dts() -> String {
    let mut s = head(STATUS_TABLE);
    s.push_str("\nimport type { Failure } from './contract.js';\nimport { WuyeError } from './wuye-error.js';\n\nexport { WuyeError } from './wuye-error.js';\n\n/** Stable status values of the contract. */\nexport declare const Status: Readonly<{\n");
    for &st in Status::ALL {
        let _ = writeln!(s, "  /** {} */", doc(st.summary()));
        let _ = writeln!(s, "  {}: {};", screaming(st.as_str()), st.value());
    }
    s.push_str("}>;\nexport type StatusValue = (typeof Status)[keyof typeof Status];\n");
    for (st, base) in failures() {
        let _ = writeln!(
            s,
            "\n{}\nexport declare class {base}Error extends WuyeError {{}}",
            error_doc(st)
        );
    }
    s.push_str("\n/** The WuyeError subclass for a failure object. */\nexport declare function errorFromFailure(failure: Failure, response?: string): WuyeError;\n");
    s
}

fn operations_js() -> String {
    let mut s = head(OPERATION_TABLE);
    s.push_str("\nconst op = (method, group, mutates) => Object.freeze({ method, group, mutates });\n\n/**\n * The operations of the contract by name: the Engine method of each (named by the one rule of\n * every binding: `calendar.between` → `calendarBetween`), its group (the WASM module that\n * answers it: `desk`, `fees`, `survey` or `reports`) and whether it changes the engine.\n */\nexport const OPERATIONS = Object.freeze({\n");
    for o in TABLE {
        let _ = writeln!(
            s,
            "  {}: op({}, {}, {}),",
            quote(o.name),
            quote(&o.method_name()),
            quote(o.group),
            o.mutates
        );
    }
    s.push_str("});\n");
    s
}

/// Where the methods come from.
const METHODS_FROM: &str = "the operation table and the JSON Schema (docs/contract.schema.json)";

/// Where the types come from.
const SCHEMA: &str = "the contract's JSON Schema (docs/contract.schema.json)";

/// An operation's arguments: the schema of its `args` definition, its required members in
/// order and its optional ones.
struct Params<'a> {
    args: &'a Value,
    required: Vec<&'a str>,
    optional: Vec<&'a str>,
}

fn params<'a>(ts: &Ts<'a>, args: Option<&str>) -> Params<'a> {
    static NONE: Value = Value::Null;
    let args = args.and_then(|a| ts.defs.get(a)).unwrap_or(&NONE);
    let props = args["properties"].as_object();
    let required: Vec<&str> = args["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let optional = props
        .map(|p| {
            p.keys()
                .map(String::as_str)
                .filter(|k| !required.contains(k))
                .collect()
        })
        .unwrap_or_default();
    Params {
        args,
        required,
        optional,
    }
}

/// A parameter's name: the member's, in lower camel case (a reserved word gets a `_`).
fn param(member: &str) -> String {
    let name = method_name(member);
    const RESERVED: [&str; 12] = [
        "case", "class", "default", "delete", "do", "else", "for", "function", "if", "in", "new",
        "return",
    ];
    if RESERVED.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

/// The manifest's definition names of an operation's arguments and result.
fn op_defs(manifest: &Value, name: &str) -> (Option<String>, Option<String>) {
    let op = manifest["operations"]
        .as_array()
        .and_then(|ops| ops.iter().find(|o| o["name"] == name));
    let def = |k: &str| op.and_then(|o| o[k].as_str()).map(str::to_owned);
    (def("args"), def("result"))
}

fn contract_dts(schema: &Value) -> String {
    let ts = Ts::new(schema);
    let manifest = crate::manifest();
    let mut s = head(SCHEMA);
    s.push_str("//\n// Every type of the wuye contract (docs/contract.md): what a call reads (the arguments) and\n// what it writes (`…Out`: the results). Members keep their wire names (snake_case).\n");
    s.push_str(&ts.declarations());
    s.push_str("\n/** Every operation of the contract: its arguments and its result. */\nexport interface Operations {\n");
    for o in TABLE {
        let (args, result) = op_defs(&manifest, o.name);
        let ty = |d: Option<String>| d.map_or("Record<string, never>".to_owned(), |d| ts.name(&d));
        doc_comment(&mut s, 2, &[o.summary.to_owned()]);
        let _ = writeln!(
            s,
            "  {}: {{ args: {}; result: {} }};",
            quote(o.name),
            ty(args),
            ty(result)
        );
    }
    s.push_str("}\n\n/** The name of an operation. */\nexport type OperationName = keyof Operations;\n\n/** A request of the contract: `{\"v\":1,\"op\":…,\"args\":…}`. */\nexport type ContractRequest =");
    for o in TABLE {
        if let Some(r) = ts.defs.get(&format!("Request.{}", o.name)) {
            let _ = write!(s, "\n  | {}", ts.object(r, 2));
        }
    }
    s.push_str(";\n\n/** A response of the contract: a result, or a failure. */\nexport type ContractResponse<T = unknown> = { v: 1; ok: true; result: T } | FailureResponse;\n");
    s
}

fn methods_js(schema: &Value) -> String {
    let ts = Ts::new(schema);
    let manifest = crate::manifest();
    let mut s = head(METHODS_FROM);
    s.push_str("//\n// One Engine method per operation of the contract, named by the one rule of every binding\n// (`calendar.between` → `calendarBetween`). Parameters: the arguments' required members in\n// order, then one `options` object with the optional ones. Each returns the operation's result.\n\n/** The operation methods of `Engine`, which provides `call(op, args)`. */\nexport class EngineMethods {");
    for o in TABLE {
        let (args, _) = op_defs(&manifest, o.name);
        let p = params(&ts, args.as_deref());
        let mut names: Vec<String> = p.required.iter().map(|m| param(m)).collect();
        let mut members: Vec<String> = p
            .required
            .iter()
            .map(|m| {
                if param(m) == *m {
                    (*m).to_owned()
                } else {
                    format!("{m}: {}", param(m))
                }
            })
            .collect();
        if !p.optional.is_empty() {
            names.push("options = {}".to_owned());
            members.insert(0, "...options".to_owned());
        }
        let call = if members.is_empty() {
            quote(o.name)
        } else if members == ["...options"] {
            format!("{}, options", quote(o.name))
        } else {
            format!("{}, {{ {} }}", quote(o.name), members.join(", "))
        };
        s.push('\n');
        doc_comment(
            &mut s,
            2,
            &[doc_text(&format!("`{}`: {}", o.name, o.summary))],
        );
        let _ = writeln!(
            s,
            "  {}({}) {{\n    return this.call({call});\n  }}",
            o.method_name(),
            names.join(", ")
        );
    }
    s.push_str("}\n");
    s
}

fn methods_dts(schema: &Value) -> String {
    let ts = Ts::new(schema);
    let manifest = crate::manifest();
    let mut body = String::new();
    for o in TABLE {
        let (args, result) = op_defs(&manifest, o.name);
        let p = params(&ts, args.as_deref());
        let mut sig = Vec::new();
        let mut lines = vec![doc_text(o.summary)];
        for m in &p.required {
            let member = &p.args["properties"][*m];
            sig.push(format!("{}: {}", param(m), ts.ty(member, 2)));
            let d = member
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or("");
            lines.push(doc_text(&format!("@param {} {d}", param(m))));
        }
        let args_ty = args.as_deref().map(|a| ts.name(a));
        if !p.optional.is_empty() {
            let args_ty = args_ty.clone().unwrap_or_default();
            ts.used.borrow_mut().insert(args_ty.clone());
            let omitted: Vec<String> = p.required.iter().map(|m| quote(m)).collect();
            let ty = if omitted.is_empty() {
                args_ty.clone()
            } else {
                format!("Omit<{args_ty}, {}>", omitted.join(" | "))
            };
            sig.push(format!("options?: {ty}"));
            let opt: Vec<String> = p.optional.iter().map(|k| format!("`{k}`")).collect();
            lines.push(doc_text(&format!(
                "@param options The optional members of `{args_ty}`: {}.",
                opt.join(", ")
            )));
        }
        let result = result.map_or("void".to_owned(), |r| ts.name(&r));
        ts.used.borrow_mut().insert(result.clone());
        lines.push(format!("@returns `{}`'s result.", o.name));
        body.push('\n');
        doc_comment(&mut body, 2, &lines);
        let _ = writeln!(body, "  {}({}): {result};", o.method_name(), sig.join(", "));
    }
    let mut used: Vec<String> = ts.used.borrow().iter().cloned().collect();
    used.extend(["OperationName".to_owned(), "Operations".to_owned()]);
    used.sort();
    used.dedup();
    let mut s = head(METHODS_FROM);
    let _ = writeln!(
        s,
        "\nimport type {{\n{}\n}} from './contract.js';",
        used.iter()
            .map(|u| format!("  {u},"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    s.push_str("\n/**\n * The operation methods of `Engine`: one per operation of the contract, named by the one rule\n * of every binding (`calendar.between` → `calendarBetween`). Parameters: the arguments'\n * required members in order, then one `options` object with the optional ones (wire names).\n * Each returns the operation's result, or throws the WuyeError subclass of its status.\n */\nexport declare abstract class EngineMethods {\n  /** Calls operation `op` with `args` and returns its result, or throws its WuyeError. */\n  abstract call<Op extends OperationName>(op: Op, args?: Operations[Op]['args']): Operations[Op]['result'];\n");
    s.push_str(&body);
    s.push_str("}\n");
    s
}
