//! # wuye-ffi: the C ABI of wuye
//!
//! This crate only marshals bytes; every rule lives in `wuye-core`, and every operation is
//! one JSON request of the versioned contract (`docs/contract.md`), so a host binds five
//! functions and gets everything.
//!
//! ```c
//! WuyeEngine *engine = NULL;
//! WuyeBuffer out = {0};
//! if (wuye_engine_new((const uint8_t *)"{\"v\":1}", 7, &engine, &out) != WUYE_STATUS_OK) { ... }
//! WuyeStatus s = wuye_engine_call(engine, req, req_len, &out);   // out: response JSON
//! wuye_buffer_free(&out);
//! wuye_engine_free(engine);
//! ```
//!
//! ## Ownership
//! Strings go in as pointer + length (UTF-8, not NUL-terminated) and are only read during
//! the call. Every buffer this library hands out is a [`WuyeBuffer`] that the caller releases
//! with [`wuye_buffer_free`] (NULL-safe, idempotent). Engines are released with
//! [`wuye_engine_free`] (NULL-safe).
//!
//! ## Thread safety
//! A `WuyeEngine*` may be shared by any number of threads: calls that change the engine
//! (`request.register`, `request.execute`, `request.execute_batch`, `sla.tick`, `log.replay`,
//! `fee.load_estate`: those whose [`Call::mutates`] is true) take it exclusively; every other
//! call only reads (status, calendar, get, export, fee runs on the loaded estate, survey
//! scores, reports) and runs concurrently under a shared lock. Freeing an engine while
//! another thread still calls it is the host's error.
//!
//! ## Errors
//! Every function returns a [`WuyeStatus`]; the response JSON carries the same status, a
//! fine-grained `code` and a readable `message`. No panic crosses the boundary: each export
//! catches it and returns [`WuyeStatus::Panic`] with the engine unchanged.

use std::collections::BTreeSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Mutex, RwLock};
use wuye_core::contract::{self, Call, Engine, Failure, Response, Status};

/// Version of the C ABI. Bumped on any incompatible change to an exported symbol or type.
pub const WUYE_ABI_VERSION: u32 = 1;

/// Status of a call. Values are stable and never reused; they equal the contract's status.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WuyeStatus {
    /// Success.
    Ok = 0,
    /// A required pointer argument was NULL.
    NullArgument = 1,
    /// The request bytes are not UTF-8.
    InvalidUtf8 = 2,
    /// The request is not well-formed JSON (or is truncated).
    MalformedJson = 3,
    /// The request's contract version is not one this library speaks.
    UnsupportedVersion = 4,
    /// No such operation.
    UnknownOperation = 5,
    /// Well-formed JSON that does not fit the operation (unknown field, wrong type...).
    InvalidRequest = 6,
    /// The domain refused the step (role, stage, time order, field value).
    Refused = 7,
    /// No request with that id.
    NotFound = 8,
    /// The id already exists.
    Conflict = 9,
    /// The calendar cannot answer (year without data, bad duration or range).
    Calendar = 10,
    /// Invalid engine configuration, SLA policy or calendar data.
    InvalidConfig = 11,
    /// An event log entry does not apply.
    InvalidEvent = 12,
    /// The engine handle is NULL, already freed, or not one of ours.
    InvalidHandle = 13,
    /// A panic was caught at the boundary; nothing changed. Please report it.
    Panic = 14,
}

impl From<Status> for WuyeStatus {
    fn from(s: Status) -> Self {
        match s {
            Status::Ok => WuyeStatus::Ok,
            Status::NullArgument => WuyeStatus::NullArgument,
            Status::InvalidUtf8 => WuyeStatus::InvalidUtf8,
            Status::MalformedJson => WuyeStatus::MalformedJson,
            Status::UnsupportedVersion => WuyeStatus::UnsupportedVersion,
            Status::UnknownOperation => WuyeStatus::UnknownOperation,
            Status::InvalidRequest => WuyeStatus::InvalidRequest,
            Status::Refused => WuyeStatus::Refused,
            Status::NotFound => WuyeStatus::NotFound,
            Status::Conflict => WuyeStatus::Conflict,
            Status::Calendar => WuyeStatus::Calendar,
            Status::InvalidConfig => WuyeStatus::InvalidConfig,
            Status::InvalidEvent => WuyeStatus::InvalidEvent,
            Status::InvalidHandle => WuyeStatus::InvalidHandle,
            Status::Panic => WuyeStatus::Panic,
        }
    }
}

/// A byte buffer owned by the library: `ptr[0..len]` is UTF-8 JSON (not NUL-terminated).
/// Release it with [`wuye_buffer_free`]; do not free `ptr` yourself.
#[repr(C)]
#[derive(Debug)]
pub struct WuyeBuffer {
    /// Start of the bytes, or NULL when empty/freed.
    pub ptr: *mut u8,
    /// Number of bytes.
    pub len: usize,
}

/// An engine: a customer-service desk with its requests, SLA clocks, policy and calendar.
/// Opaque to C; create with [`wuye_engine_new`], free with [`wuye_engine_free`].
pub struct WuyeEngine {
    engine: RwLock<Engine>,
}

/// Live engine handles, so a freed or foreign pointer is refused rather than dereferenced.
/// A B-tree rather than a hash set: no random hasher state, and its allocations are pointed
/// to from their start, so leak checkers (valgrind) see them as reachable, not "possibly lost".
static LIVE: Mutex<BTreeSet<usize>> = Mutex::new(BTreeSet::new());

fn live() -> std::sync::MutexGuard<'static, BTreeSet<usize>> {
    // A poisoned registry is still a valid set of addresses.
    LIVE.lock().unwrap_or_else(|p| p.into_inner())
}

fn is_live(engine: *const WuyeEngine) -> bool {
    live().contains(&(engine as usize))
}

/// Writes `bytes` into `*out` as a library-owned buffer (no-op if `out` is NULL).
///
/// # Safety
/// `out` must be NULL or point to a writable `WuyeBuffer`.
unsafe fn put(out: *mut WuyeBuffer, bytes: Vec<u8>) {
    if out.is_null() {
        return;
    }
    let boxed: Box<[u8]> = bytes.into_boxed_slice();
    let len = boxed.len();
    let ptr = Box::into_raw(boxed) as *mut u8;
    // SAFETY: the caller guarantees `out` is writable.
    unsafe { out.write(WuyeBuffer { ptr, len }) };
}

fn failure(status: Status, code: &str, message: &str) -> Response {
    Response::failure(&Failure::new(status, code, message))
}

/// Reads the caller's bytes. NULL with length 0 reads as empty.
///
/// # Safety
/// `ptr` must be NULL or valid for `len` bytes.
unsafe fn bytes<'a>(ptr: *const u8, len: usize, what: &str) -> Result<&'a [u8], Response> {
    if ptr.is_null() {
        if len == 0 {
            return Ok(&[]);
        }
        return Err(failure(
            Status::NullArgument,
            "null_argument",
            &format!("{what} is NULL"),
        ));
    }
    // SAFETY: the caller guarantees `ptr` is valid for `len` bytes.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// Runs `f`, turning a panic into a [`WuyeStatus::Panic`] response.
fn guarded(f: impl FnOnce() -> Response) -> Response {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| {
        failure(
            Status::Panic,
            "panic",
            "internal error (panic caught at the C boundary); the engine is unchanged",
        )
    })
}

/// The ABI version of this build ([`WUYE_ABI_VERSION`]). Bindings check it when they load.
#[no_mangle]
pub extern "C" fn wuye_abi_version() -> u32 {
    WUYE_ABI_VERSION
}

/// The contract version this build speaks (the `v` of every request and response).
#[no_mangle]
pub extern "C" fn wuye_contract_version() -> u32 {
    contract::CONTRACT_VERSION
}

/// A static, NUL-terminated snake_case name for a status value (e.g. `"refused"`);
/// `"unknown"` for a value this build does not define. Never free it.
#[no_mangle]
pub extern "C" fn wuye_status_name(status: u32) -> *const std::ffi::c_char {
    let name = Status::ALL
        .iter()
        .find(|s| s.value() == status)
        .map_or(c"unknown", |s| s.c_name());
    name.as_ptr().cast()
}

/// Creates an engine from its configuration JSON (`{"v":1}` for the standard desk; see
/// the contract reference for `config`, `policy`, `calendar` and a saved `state`).
///
/// On success `*out_engine` is the new engine and `*out_error` (if not NULL) is left
/// untouched. On failure `*out_engine` is set to NULL and `*out_error` (if not NULL) receives
/// the failure response JSON, to be released with [`wuye_buffer_free`].
///
/// # Safety
/// `config` must be valid for `config_len` bytes; `out_engine` must be a writable pointer;
/// `out_error` must be NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn wuye_engine_new(
    config: *const u8,
    config_len: usize,
    out_engine: *mut *mut WuyeEngine,
    out_error: *mut WuyeBuffer,
) -> WuyeStatus {
    let mut created: *mut WuyeEngine = std::ptr::null_mut();
    let response = guarded(|| {
        if out_engine.is_null() {
            return failure(Status::NullArgument, "null_argument", "out_engine is NULL");
        }
        // SAFETY: the caller guarantees `config` is valid for `config_len` bytes.
        let config = match unsafe { bytes(config, config_len, "config") } {
            Ok(b) => b,
            Err(r) => return r,
        };
        match Engine::new(config) {
            Ok(engine) => {
                let handle = Box::into_raw(Box::new(WuyeEngine {
                    engine: RwLock::new(engine),
                }));
                live().insert(handle as usize);
                created = handle;
                Response {
                    status: Status::Ok,
                    body: Vec::new(),
                }
            }
            Err(f) => Response::failure(&f),
        }
    });
    if !out_engine.is_null() {
        // SAFETY: checked non-NULL; the caller guarantees it is writable.
        unsafe { out_engine.write(created) };
    }
    if response.status != Status::Ok {
        // SAFETY: the caller guarantees `out_error` is NULL or writable.
        unsafe { put(out_error, response.body) };
    }
    response.status.into()
}

/// Frees an engine. NULL, or a handle that is not live (already freed, foreign), is ignored.
///
/// # Safety
/// No other thread may be using the engine.
#[no_mangle]
pub unsafe extern "C" fn wuye_engine_free(engine: *mut WuyeEngine) {
    let _ = catch_unwind(AssertUnwindSafe(|| {
        if engine.is_null() {
            return;
        }
        let removed = live().remove(&(engine as usize));
        if removed {
            // SAFETY: the pointer came from `Box::into_raw` in `wuye_engine_new` and was
            // live until just now; it is freed exactly once.
            drop(unsafe { Box::from_raw(engine) });
        }
    }));
}

/// Runs one contract request (UTF-8 JSON, pointer + length) against an engine. The response
/// JSON is written to `*out_response` (if not NULL) whatever the status, and must be released
/// with [`wuye_buffer_free`]. The return value equals the response's `error.status` (or 0).
///
/// # Safety
/// `engine` must be NULL or a pointer obtained from [`wuye_engine_new`] (freed or foreign
/// pointers are detected and refused); `request` must be valid for `request_len` bytes;
/// `out_response` must be NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn wuye_engine_call(
    engine: *const WuyeEngine,
    request: *const u8,
    request_len: usize,
    out_response: *mut WuyeBuffer,
) -> WuyeStatus {
    let response = guarded(|| {
        if engine.is_null() || !is_live(engine) {
            return failure(
                Status::InvalidHandle,
                "invalid_handle",
                "the engine handle is NULL, freed or not created by wuye_engine_new",
            );
        }
        // SAFETY: the caller guarantees `request` is valid for `request_len` bytes.
        let request = match unsafe { bytes(request, request_len, "request") } {
            Ok(b) => b,
            Err(r) => return r,
        };
        // Parse outside the lock; only running the call needs the engine.
        let call = match Call::parse(request) {
            Ok(c) => c,
            Err(f) => return Response::failure(&f),
        };
        // SAFETY: `engine` is live (registered by `wuye_engine_new`, not yet freed).
        let handle = unsafe { &*engine };
        if call.mutates() {
            let mut e = handle.engine.write().unwrap_or_else(|p| p.into_inner());
            e.run(call)
        } else {
            let e = handle.engine.read().unwrap_or_else(|p| p.into_inner());
            e.run_read(call)
        }
    });
    // SAFETY: the caller guarantees `out_response` is NULL or writable.
    unsafe { put(out_response, response.body) };
    response.status.into()
}

/// Runs one request against a fresh engine made from `config` (for calendar queries and
/// other one-off calls), without keeping the engine.
///
/// # Safety
/// As for [`wuye_engine_new`] and [`wuye_engine_call`].
#[no_mangle]
pub unsafe extern "C" fn wuye_call_once(
    config: *const u8,
    config_len: usize,
    request: *const u8,
    request_len: usize,
    out_response: *mut WuyeBuffer,
) -> WuyeStatus {
    let response = guarded(|| {
        // SAFETY: the caller guarantees both spans are valid.
        let (config, request) = match unsafe {
            (
                bytes(config, config_len, "config"),
                bytes(request, request_len, "request"),
            )
        } {
            (Ok(c), Ok(r)) => (c, r),
            (Err(e), _) | (_, Err(e)) => return e,
        };
        contract::handle_once(config, request)
    });
    // SAFETY: the caller guarantees `out_response` is NULL or writable.
    unsafe { put(out_response, response.body) };
    response.status.into()
}

/// Releases a buffer the library handed out and sets it to `{NULL, 0}`. NULL, or a buffer
/// already freed (ptr NULL), is ignored.
///
/// # Safety
/// `buffer` must be NULL or point to a `WuyeBuffer` filled by this library (or zeroed).
#[no_mangle]
pub unsafe extern "C" fn wuye_buffer_free(buffer: *mut WuyeBuffer) {
    let _ = catch_unwind(AssertUnwindSafe(|| {
        if buffer.is_null() {
            return;
        }
        // SAFETY: the caller guarantees `buffer` points to a WuyeBuffer.
        let b = unsafe { &mut *buffer };
        if b.ptr.is_null() {
            return;
        }
        let slice = std::ptr::slice_from_raw_parts_mut(b.ptr, b.len);
        // SAFETY: `ptr`/`len` came from `Box<[u8]>::into_raw` in `put` and are freed once,
        // after which the buffer is reset.
        drop(unsafe { Box::from_raw(slice) });
        b.ptr = std::ptr::null_mut();
        b.len = 0;
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_mirror_the_contract() {
        for &s in Status::ALL {
            assert_eq!(WuyeStatus::from(s) as u32, s.value());
        }
    }

    #[test]
    fn engines_are_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<WuyeEngine>();
    }
}
