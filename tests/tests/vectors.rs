//! The shared vectors of `tests/vectors/` (format: `tests/vectors/README.md`) run natively:
//! each scenario on one engine, every response checked against its `expect` as a JSON value,
//! and the raw response bytes written one per line to `target/vectors/rust/<name>.jsonl` for
//! the byte-for-byte comparison with the other runtimes (`scripts/compare-vectors`).
//!
//! It also writes the exact bytes each scenario sends to `target/vectors/requests/<name>.txt`
//! (the configuration text on the first line, then each step's request in lowercase hex, one
//! per line), for runners that cannot parse JSON (the C runner, `tests/c/vectors.c`).

use serde_json::Value;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use wuye_core::contract::{failure_response, Engine};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// The canonical request text of a JSON value as the file writes it: keys in the file's order
/// (the tag of a tagged object comes first, docs/contract.md, Wire grammar), no whitespace,
/// strings as serde_json writes them (non-ASCII as UTF-8; only `"`, `\` and control characters
/// escaped), integers only. Read from the text: a `Value` sorts its keys.
struct Canon(String);

impl<'de> serde::Deserialize<'de> for Canon {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Canon, D::Error> {
        d.deserialize_any(CanonVisitor).map(Canon)
    }
}

struct CanonVisitor;

impl<'de> serde::de::Visitor<'de> for CanonVisitor {
    type Value = String;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value with integers only")
    }
    fn visit_unit<E>(self) -> Result<String, E> {
        Ok("null".into())
    }
    fn visit_bool<E>(self, v: bool) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_u64<E>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_i64<E>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_str<E>(self, v: &str) -> Result<String, E> {
        Ok(Value::from(v).to_string())
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<String, A::Error> {
        let mut items = Vec::new();
        while let Some(Canon(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(format!("[{}]", items.join(",")))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<String, A::Error> {
        let mut members = Vec::new();
        while let Some((k, Canon(v))) = map.next_entry::<String, Canon>()? {
            members.push(format!("{}:{v}", Value::from(k)));
        }
        Ok(format!("{{{}}}", members.join(",")))
    }
}

/// The canonical texts of a scenario's configuration and requests.
#[derive(serde::Deserialize)]
struct CanonScenario {
    config: Option<Canon>,
    #[serde(default)]
    steps: Vec<CanonStep>,
}

#[derive(serde::Deserialize)]
struct CanonStep {
    request: Option<Canon>,
}

fn hex(s: &str) -> Vec<u8> {
    assert!(s.len() % 2 == 0, "odd hex length");
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex digits"))
        .collect()
}

/// The bytes a step sends: `request_hex`, `request_text`, or the canonical `request`.
fn request_bytes(step: &Value, canon: &CanonStep) -> Vec<u8> {
    if let Some(h) = step.get("request_hex").and_then(Value::as_str) {
        hex(h)
    } else if let Some(t) = step.get("request_text").and_then(Value::as_str) {
        t.as_bytes().to_vec()
    } else {
        let Canon(text) = canon.request.as_ref().expect("a step has a request");
        text.clone().into_bytes()
    }
}

fn config_bytes(scenario: &Value, canon: &CanonScenario) -> Vec<u8> {
    match scenario.get("config_text").and_then(Value::as_str) {
        Some(t) => t.as_bytes().to_vec(),
        None => {
            let Canon(text) = canon.config.as_ref().expect("a scenario has a config");
            text.clone().into_bytes()
        }
    }
}

/// Lowercase hex of `bytes`.
fn to_hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(2 * bytes.len());
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// What the scenario sends, for `target/vectors/requests/<name>.txt`: the configuration text
/// on the first line, then one line per step with the request bytes in lowercase hex.
fn requests_file(scenario: &Value, canon: &CanonScenario, name: &str) -> Vec<u8> {
    let config = config_bytes(scenario, canon);
    assert!(
        !config.contains(&b'\n') && !config.contains(&b'\r'),
        "{name}: the configuration text must be one line (target/vectors/requests/ format)"
    );
    let mut out = config;
    out.push(b'\n');
    let steps = scenario["steps"].as_array().expect("steps is a list");
    for (step, c) in steps.iter().zip(&canon.steps) {
        out.extend_from_slice(to_hex(&request_bytes(step, c)).as_bytes());
        out.push(b'\n');
    }
    out
}

fn check(failures: &mut String, name: &str, what: &str, got: &[u8], want: Option<&Value>) {
    let Some(want) = want else {
        let _ = writeln!(failures, "{name} {what}: no `expect`");
        return;
    };
    match serde_json::from_slice::<Value>(got) {
        Ok(v) if &v == want => {}
        _ => {
            let _ = writeln!(
                failures,
                "{name} {what}:\n  got  {}\n  want {}",
                String::from_utf8_lossy(got),
                want
            );
        }
    }
}

/// Runs one scenario; returns the response lines and appends any mismatch to `failures`.
fn run(scenario: &Value, canon: &CanonScenario, failures: &mut String) -> Vec<u8> {
    let name = scenario["name"].as_str().expect("a scenario has a name");
    let steps = scenario["steps"].as_array().expect("steps is a list");
    let mut out = Vec::new();
    match Engine::new(&config_bytes(scenario, canon)) {
        Err(f) => {
            let body = failure_response(&f);
            check(
                failures,
                name,
                "config",
                &body,
                scenario.get("config_error"),
            );
            out.extend_from_slice(&body);
            out.push(b'\n');
        }
        Ok(mut engine) => {
            if scenario.get("config_error").is_some() {
                let _ = writeln!(
                    failures,
                    "{name}: the engine was made but config_error expects a failure"
                );
            }
            for (i, (step, c)) in steps.iter().zip(&canon.steps).enumerate() {
                let body = engine.handle(&request_bytes(step, c)).body;
                check(
                    failures,
                    name,
                    &format!("step {i}"),
                    &body,
                    step.get("expect"),
                );
                out.extend_from_slice(&body);
                out.push(b'\n');
            }
        }
    }
    out
}

#[test]
fn shared_vectors_hold_natively() {
    let dir = root().join("tests/vectors");
    let out_dir = root().join("target/vectors/rust");
    let _ = std::fs::remove_dir_all(&out_dir);
    std::fs::create_dir_all(&out_dir).expect("create target/vectors/rust");
    let requests_dir = root().join("target/vectors/requests");
    let _ = std::fs::remove_dir_all(&requests_dir);
    std::fs::create_dir_all(&requests_dir).expect("create target/vectors/requests");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/vectors exists")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "only {} vector files", files.len());
    let mut failures = String::new();
    let mut steps = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).expect("read vector");
        let scenario: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()));
        let canon: CanonScenario = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: no canonical text: {e}", path.display()));
        let name = scenario["name"].as_str().expect("name");
        assert_eq!(
            Some(name),
            path.file_stem().and_then(|s| s.to_str()),
            "a scenario's name is its file name"
        );
        steps += scenario["steps"].as_array().map_or(0, Vec::len);
        std::fs::write(
            requests_dir.join(format!("{name}.txt")),
            requests_file(&scenario, &canon, name),
        )
        .expect("write requests");
        let lines = run(&scenario, &canon, &mut failures);
        std::fs::write(out_dir.join(format!("{name}.jsonl")), lines).expect("write output");
    }
    assert!(failures.is_empty(), "vector mismatches:\n{failures}");
    assert!(steps >= 100, "only {steps} steps ran");
}
