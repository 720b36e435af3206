//! wuye-wasm: the wasm-bindgen surface of wuye. This crate only marshals; every rule lives in
//! `wuye-core`. Its exports arrive with the WASM issue; until then it re-exports the core
//! version so the crate builds in the workspace.

/// Version of the core library this build wraps.
pub const CORE_VERSION: &str = wuye_core::VERSION;
