//! The wire 报文: reading the request envelope and its arguments, writing responses, and the
//! failures a malformed request gets (`malformed_json`, `unknown_field`, `missing_field`,
//! `wrong_type`, `invalid_value`, `unsupported_version`, `invalid_utf8`).

use super::{Failure, Status, CONTRACT_VERSION};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// The request envelope. `args` stays raw text until the operation is known, so each
/// operation's arguments are parsed once, straight into their type (no intermediate tree:
/// faster, and one deserializer per type keeps the WASM build small).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Envelope<'a> {
    pub(crate) v: u32,
    #[serde(borrow)]
    pub(crate) op: std::borrow::Cow<'a, str>,
    #[serde(default, borrow)]
    pub(crate) args: Option<&'a RawValue>,
}

pub(crate) fn json_failure(e: serde_json::Error, what: &str) -> Failure {
    json_failure_at(&e, what, true)
}

/// The failure for `e` without its position (read from a part of the request's text, where
/// a position would mislead).
#[cfg(feature = "fees")]
pub(crate) fn json_failure_unplaced(e: &serde_json::Error, what: &str) -> Failure {
    json_failure_at(e, what, false)
}

fn json_failure_at(e: &serde_json::Error, what: &str, with_position: bool) -> Failure {
    use serde_json::error::Category;
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let msg = match full.strip_suffix(&suffix) {
        Some(bare) if !with_position && e.line() != 0 => bare.to_owned(),
        _ => full,
    };
    match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => Failure::new(
            Status::MalformedJson,
            "malformed_json",
            format!("{what}: {msg}"),
        ),
        Category::Data => {
            let code = if msg.starts_with("unknown field") {
                "unknown_field"
            } else if msg.starts_with("missing field") {
                "missing_field"
            } else if msg.starts_with("invalid type") {
                "wrong_type"
            } else {
                "invalid_value"
            };
            Failure::new(Status::InvalidRequest, code, format!("{what}: {msg}"))
        }
    }
}

pub(crate) fn parse_args<T: DeserializeOwned>(
    op: &str,
    args: Option<&RawValue>,
) -> Result<T, Failure> {
    // A missing (or null) `args` reads as an empty object.
    let text = args
        .map(RawValue::get)
        .filter(|t| *t != "null")
        .unwrap_or("{}");
    crate::wire::from_str(text).map_err(|e| {
        // Positions inside the arguments' own text would mislead: name the operation instead.
        let mut f = json_failure_at(&e, &format!("{op} args"), false);
        if f.status == Status::MalformedJson.value() {
            f.status = Status::InvalidRequest.value();
        }
        f
    })
}

pub(crate) fn check_version(v: u32) -> Result<(), Failure> {
    if v == CONTRACT_VERSION {
        Ok(())
    } else {
        Err(Failure::new(
            Status::UnsupportedVersion,
            "unsupported_version",
            format!("contract version {v} is not supported; this library speaks version {CONTRACT_VERSION}"),
        ))
    }
}

pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, Failure> {
    std::str::from_utf8(bytes).map_err(|e| {
        Failure::new(
            Status::InvalidUtf8,
            "invalid_utf8",
            format!("request is not UTF-8: {e}"),
        )
    })
}

pub(crate) fn ok_response<T: Serialize>(result: &T) -> Vec<u8> {
    #[derive(Serialize)]
    struct Ok<'a, T> {
        v: u32,
        ok: bool,
        result: &'a T,
    }
    serde_json::to_vec(&Ok {
        v: CONTRACT_VERSION,
        ok: true,
        result,
    })
    .unwrap_or_else(|e| {
        failure_response(&Failure::new(
            Status::Panic,
            "serialize",
            format!("could not serialize the result: {e}"),
        ))
    })
}

/// The response bytes for a failure.
pub fn failure_response(f: &Failure) -> Vec<u8> {
    #[derive(Serialize)]
    struct Err<'a> {
        v: u32,
        ok: bool,
        error: &'a Failure,
    }
    serde_json::to_vec(&Err {
        v: CONTRACT_VERSION,
        ok: false,
        error: f,
    })
    // A struct of a number and two strings always serializes.
    .unwrap_or_default()
}

/// Declares an argument struct read straight from the request's `args` (unknown fields
/// refused).
#[allow(unused_macros)] // a build with no group
macro_rules! args {
    ($(#[$m:meta])* $name:ident { $($(#[$fm:meta])* $f:ident : $t:ty),* $(,)? }) => {
        #[derive(Debug, Clone, PartialEq, serde::Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        $(#[$m])*
        pub(crate) struct $name { $($(#[$fm])* pub(crate) $f: $t),* }

        impl $crate::contract::table::Args for $name {
            fn parse(op: &str, raw: Option<&serde_json::value::RawValue>) -> Result<Self, $crate::contract::Failure> {
                $crate::contract::wire::parse_args(op, raw)
            }
        }
    };
}
#[allow(unused_imports)]
pub(crate) use args;
