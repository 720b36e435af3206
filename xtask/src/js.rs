//! The JS package's generated surface (`bindings/js/src`): the `Status` values and one
//! `WuyeError` subclass per failing status (`errors.js`, with its TypeScript declarations
//! `errors.d.ts`), and the table of operations (`operations.js`: name → method, group,
//! mutates) that routes each call to its WASM module.

use crate::names::{self, failures, screaming, OPERATION_TABLE, STATUS_TABLE};
use std::fmt::Write;
use std::path::PathBuf;
use wuye_core::contract::{Status, TABLE};

const DIR: &str = "bindings/js/src";

/// Every generated JS and TypeScript file.
pub fn files() -> Vec<(PathBuf, String)> {
    vec![
        (path("errors.js"), errors_js()),
        (path("errors.d.ts"), errors_dts()),
        (path("operations.js"), operations_js()),
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
            "\n{}\nexport class {base}Error extends WuyeError {{}}",
            error_doc(st)
        );
    }
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
    s.push_str("\nimport type { Failure } from './wuye-error.js';\nimport { WuyeError } from './wuye-error.js';\n\nexport { WuyeError } from './wuye-error.js';\nexport type { Failure } from './wuye-error.js';\n\n/** Stable status values of the contract. */\nexport declare const Status: Readonly<{\n");
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
