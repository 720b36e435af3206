//! wuye-wasm: the wasm-bindgen surface of wuye, for browsers and Node.
//!
//! This crate only marshals: it moves the JSON contract of [`wuye_core::contract`] (one
//! request in, one response out, `docs/contract.md`) across the WASM boundary. Every rule
//! lives in `wuye-core`. The idiomatic JS API (methods per operation, typed errors,
//! TypeScript declarations) is the npm package in `bindings/js`, built on these exports.
//!
//! Exports (JS names):
//!
//! | JS                                   | Rust                   | what |
//! |--------------------------------------|------------------------|------|
//! | `new Engine(configJson)`             | [`Engine::new`]        | an engine; throws an `Error` whose message is the failure response JSON |
//! | `engine.call(requestJson)`           | [`Engine::call`]       | one request → response JSON (failures are in the response, never thrown) |
//! | `engine.callBytes(Uint8Array)`       | [`Engine::call_bytes`] | the same on UTF-8 bytes (so invalid UTF-8 reaches the contract) |
//! | `engine.free()`                      | (wasm-bindgen)         | releases the engine |
//! | `callOnce(configJson, requestJson)`  | [`call_once`]          | one request on a fresh engine |
//! | `contractVersion()`                  | [`contract_version`]   | the contract version (1) |
//! | `libraryVersion()`                   | [`library_version`]    | the core library's version |
//!
//! The npm package builds this crate once per operation group of the contract, with only that
//! group's cargo feature (`desk`, `fees`, `survey`, `reports`; see `bindings/js/build.sh`): each `.wasm` answers its
//! group's operations and refuses the others with `unknown_operation` / `module_not_included`
//! naming their module. The default features (every group) are for the native tests.
//!
//! On other targets the same items are plain Rust (the constructor's error is the failure
//! response JSON as a `String`), so the crate builds and is tested in the workspace.

use wuye_core::contract::{self, failure_response, Failure};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// What a failed [`Engine::new`] gives: on wasm32 a JS `Error` whose message is the failure
/// response JSON (`{"v":1,"ok":false,"error":{...}}`); elsewhere that JSON as a `String`.
#[cfg(target_arch = "wasm32")]
pub type NewError = JsError;
/// What a failed [`Engine::new`] gives: on wasm32 a JS `Error` whose message is the failure
/// response JSON (`{"v":1,"ok":false,"error":{...}}`); elsewhere that JSON as a `String`.
#[cfg(not(target_arch = "wasm32"))]
pub type NewError = String;

fn new_error(f: &Failure) -> NewError {
    // The response bytes are always UTF-8 (serde_json writes UTF-8).
    let json = String::from_utf8_lossy(&failure_response(f)).into_owned();
    #[cfg(target_arch = "wasm32")]
    {
        JsError::new(&json)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        json
    }
}

fn text(body: Vec<u8>) -> String {
    // Response bodies are serde_json output, always UTF-8; the lossy path never replaces.
    match String::from_utf8(body) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}

/// An engine 引擎: a customer-service desk with its configuration, SLA policy, calendar and
/// requests, driven by contract requests. JS class `Engine`.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
#[derive(Debug)]
pub struct Engine {
    inner: contract::Engine,
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
impl Engine {
    /// Creates an engine from its configuration JSON: `{"v":1}` for the standard desk, parts
    /// of it (`config`, `policy`, `calendar`) or a saved `state` (see `docs/contract.md`).
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(constructor))]
    pub fn new(config: &str) -> Result<Engine, NewError> {
        contract::Engine::new(config.as_bytes())
            .map(|inner| Engine { inner })
            .map_err(|f| new_error(&f))
    }

    /// Runs one request (JSON text) and returns the response JSON. A failure is a response
    /// with `"ok":false`, never an exception.
    pub fn call(&mut self, request: &str) -> String {
        text(self.inner.handle(request.as_bytes()).body)
    }

    /// Runs one request given as bytes and returns the response bytes (UTF-8 JSON).
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = callBytes))]
    pub fn call_bytes(&mut self, request: &[u8]) -> Vec<u8> {
        self.inner.handle(request).body
    }
}

/// Runs one request on a fresh engine made from `config` and returns the response JSON (an
/// invalid configuration is a failure response too). JS `callOnce`.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = callOnce))]
pub fn call_once(config: &str, request: &str) -> String {
    text(contract::handle_once(config.as_bytes(), request.as_bytes()).body)
}

/// The contract version this build speaks (the `v` of every request and response). JS
/// `contractVersion`.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = contractVersion))]
pub fn contract_version() -> u32 {
    contract::CONTRACT_VERSION
}

/// Version of the core library this build wraps. JS `libraryVersion`.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = libraryVersion))]
pub fn library_version() -> String {
    wuye_core::VERSION.to_owned()
}

#[cfg(all(test, feature = "desk"))]
mod tests {
    use super::*;

    #[test]
    fn calls_go_through_the_contract() {
        let mut e = Engine::new(r#"{"v":1}"#).expect("standard engine");
        assert_eq!(
            e.call(r#"{"v":1,"op":"calendar.working_days","args":{"from":"2026-10-01","to":"2026-10-31"}}"#),
            r#"{"v":1,"ok":true,"result":{"days":18}}"#
        );
        assert_eq!(
            e.call_bytes(b"{\"v\":1,\"op\":\"engine.info\xff\"}"),
            br#"{"v":1,"ok":false,"error":{"status":2,"code":"invalid_utf8","message":"request is not UTF-8: invalid utf-8 sequence of 1 bytes from index 24"}}"#
        );
    }

    #[test]
    fn a_bad_config_is_the_failure_response() {
        let err = Engine::new(r#"{"v":2}"#).expect_err("version 2 is refused");
        assert!(
            err.starts_with(r#"{"v":1,"ok":false,"error":{"status":4,"#),
            "{err}"
        );
        assert_eq!(
            call_once(
                r#"{"v":1}"#,
                r#"{"v":1,"op":"calendar.is_working_day","args":{"date":"2026-10-10"}}"#
            ),
            r#"{"v":1,"ok":true,"result":{"working":true}}"#
        );
        assert_eq!(contract_version(), 1);
        assert_eq!(library_version(), wuye_core::VERSION);
    }
}
