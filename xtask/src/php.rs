//! The PHP binding's generated surface (`bindings/php/src`): the `Status` enum, one exception
//! class per failing status, and the `Operation` enum (name → method, group, mutates).

use crate::names::{self, failures, upper_camel, OPERATION_TABLE, STATUS_TABLE};
use std::fmt::Write;
use std::path::PathBuf;
use wuye_core::contract::{Status, TABLE};

const DIR: &str = "bindings/php/src";

/// Every generated PHP file.
pub fn files() -> Vec<(PathBuf, String)> {
    let mut out = vec![(path("Status"), status()), (path("Operation"), operation())];
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
