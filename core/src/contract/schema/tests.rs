//! The document built from the operation table (`contract::table::schemas`): its layout,
//! its determinism, the hand-written forms. `xtask` writes it to docs/contract.schema.json and
//! `scripts/validate-vectors` checks every vector against it with an independent validator.

use super::*;
use serde::{Deserialize, Serialize};

// Small types for the tests of the document's envelope.
macro_rules! args {
    ($(#[$m:meta])* $name:ident { $($(#[$fm:meta])* $f:ident : $t:ty),* $(,)? }) => {
        #[allow(dead_code)]
        #[derive(Deserialize, schemars::JsonSchema)]
        #[serde(deny_unknown_fields)]
        $(#[$m])*
        struct $name { $($(#[$fm])* $f: $t),* }
    };
}
macro_rules! out {
    ($name:ident { $($(#[$fm:meta])* $f:ident : $t:ty),* $(,)? }) => {
        #[derive(Serialize, schemars::JsonSchema)]
        struct $name { $($(#[$fm])* $f: $t),* }
    };
}

args!(NoArgs {});
out!(WorkingOut { working: bool });

fn ops() -> Vec<OpSchema> {
    crate::contract::table::schemas()
}

fn defs(doc: &Value) -> &Map<String, Value> {
    doc["$defs"].as_object().expect("$defs")
}

#[test]
fn the_document_is_deterministic() {
    let text = to_text(&contract_schema(&ops()));
    assert!(text.ends_with("}\n"));
    assert_eq!(text, to_text(&contract_schema(&ops())));
    assert_eq!(ops().len(), crate::contract::OPERATIONS.len());
}

#[test]
fn every_operation_has_a_request_and_a_response() {
    let doc = contract_schema(&ops());
    let defs = defs(&doc);
    let oneof = defs["Request"]["oneOf"].as_array().unwrap();
    assert_eq!(oneof.len(), ops().len());
    for op in ops() {
        let req = &defs[&format!("Request.{}", op.name)];
        assert_eq!(req["properties"]["op"]["const"], op.name);
        assert_eq!(req["additionalProperties"], false);
        assert!(
            defs.contains_key(&format!("Response.{}", op.name)),
            "{}",
            op.name
        );
    }
    // `args` may be left out where every argument is optional, and only there.
    let required = |op: &str| {
        defs[&format!("Request.{op}")]["required"]
            .as_array()
            .unwrap()
            .contains(&json!("args"))
    };
    assert!(!required("engine.export"));
    assert!(required("request.register"));
    assert!(required("fee.bill"));
}

#[test]
fn every_reference_resolves_and_names_are_unique() {
    let doc = contract_schema(&ops());
    let defs = defs(&doc);
    for name in refs(&doc) {
        assert!(defs.contains_key(&name), "no definition {name}");
    }
    // schemars numbers a second type of the same name (`Item2`): give it a name of its own.
    for name in defs.keys() {
        let base = name.trim_end_matches(|c: char| c.is_ascii_digit());
        assert!(
            base == name || !defs.contains_key(base),
            "{name} and {base}: two types of one name"
        );
    }
}

#[test]
fn hand_written_forms() {
    let doc = contract_schema(&ops());
    let defs = defs(&doc);
    // Money is read with up to two decimals and written with exactly two.
    assert_eq!(defs["Money"]["pattern"], MONEY_IN_PATTERN);
    assert_eq!(defs["Money.out"]["pattern"], MONEY_OUT_PATTERN);
    // Instants and dates get the documented forms.
    let register = &defs["RegisterArgs"]["properties"]["now"];
    assert_eq!(register["pattern"], INSTANT_PATTERN);
    assert_eq!(register["format"], "date-time");
    assert_eq!(
        defs["DateArgs"]["properties"]["date"]["pattern"],
        DATE_PATTERN
    );
    let status = defs["Status"]["oneOf"].as_array().unwrap();
    assert_eq!(status.len(), Status::ALL.len());
    assert_eq!(status[7], json!({"const": 7, "title": "refused"}));
}

/// A batch's items hold `contract::Failure`: a derived `Failure` of the same members gives
/// way to the contract's own (with the status values).
#[test]
fn a_derived_failure_is_the_contracts() {
    #[derive(Serialize, schemars::JsonSchema)]
    struct Failure {
        status: u32,
        code: String,
        message: String,
    }
    out!(BatchOut { failures: Vec<Failure> });
    let doc = contract_schema(&[OpSchema::of::<NoArgs, BatchOut>("engine.export")]);
    let failure = &defs(&doc)["Failure"];
    assert_eq!(failure["properties"]["status"]["$ref"], "#/$defs/Status");
}

/// A type named as one of the envelope's definitions would be lost: refused.
#[test]
#[should_panic(expected = "a type is named Request")]
fn a_type_named_like_the_envelope_is_refused() {
    args!(Request {});
    contract_schema(&[OpSchema::of::<Request, WorkingOut>("engine.export")]);
}
