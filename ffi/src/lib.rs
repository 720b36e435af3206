//! wuye-ffi: the C ABI of wuye. This crate only marshals; every rule lives in `wuye-core`.
//!
//! The full contract (requests, SLA, calendar over one versioned JSON envelope) arrives with
//! its own issue; for now the library exports its ABI version so hosts can probe it.

/// Version of the C ABI. Bumped on any incompatible change to an exported symbol.
pub const WUYE_ABI_VERSION: u32 = 0;

/// Returns the ABI version of this build (`0` while the contract is unreleased).
#[no_mangle]
pub extern "C" fn wuye_abi_version() -> u32 {
    WUYE_ABI_VERSION
}
