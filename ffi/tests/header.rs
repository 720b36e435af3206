//! The C headers are generated from `src/lib.rs` by cbindgen (used as a library, configured by
//! `cbindgen.toml`) and committed. This test regenerates both into memory and fails when a
//! committed file differs, so the header can never drift from the exported symbols.
//!
//! Update them after changing the ABI with:
//!
//! ```text
//! WUYE_BLESS=1 cargo test -p wuye-ffi --test header
//! ```

use std::error::Error;
use std::path::{Path, PathBuf};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn config() -> Result<cbindgen::Config> {
    Ok(cbindgen::Config::from_file(
        crate_dir().join("cbindgen.toml"),
    )?)
}

/// The PHP variant: the same declarations, without anything PHP's `FFI::cdef` cannot read
/// (includes, include guard, `extern "C"`, `#define` constants).
fn php_config() -> Result<cbindgen::Config> {
    let mut cfg = config()?;
    cfg.no_includes = true;
    cfg.sys_includes.clear();
    cfg.includes.clear();
    cfg.include_guard = None;
    cfg.pragma_once = false;
    cfg.cpp_compat = false;
    cfg.after_includes = None;
    // `pub const` items become `#define`s; PHP asks `wuye_abi_version()` instead.
    cfg.export.item_types = vec![
        cbindgen::ItemType::Enums,
        cbindgen::ItemType::Structs,
        cbindgen::ItemType::OpaqueItems,
        cbindgen::ItemType::Typedefs,
        cbindgen::ItemType::Functions,
    ];
    cfg.header = cfg.header.map(|h| {
        h.replacen(
            " * wuye.h: the C ABI of wuye",
            " * wuye_php.h: the declarations of wuye.h for PHP's FFI::cdef (no preprocessor\n * lines, no C++ linkage block). The C ABI of wuye",
            1,
        )
    });
    Ok(cfg)
}

fn generate(cfg: cbindgen::Config) -> Result<Vec<u8>> {
    let bindings = cbindgen::Builder::new()
        .with_config(cfg)
        .with_src(crate_dir().join("src").join("lib.rs"))
        .generate()?;
    let mut out = Vec::new();
    bindings.write(&mut out);
    Ok(out)
}

/// Compares `generated` with the committed file at `path`; with `WUYE_BLESS=1` writes it.
fn check(path: &Path, generated: &[u8]) -> Result<()> {
    if std::env::var_os("WUYE_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(path, generated)?;
        return Ok(());
    }
    let committed = std::fs::read(path).unwrap_or_default();
    if committed != generated {
        let first_diff = committed
            .split(|&b| b == b'\n')
            .zip(generated.split(|&b| b == b'\n'))
            .position(|(a, b)| a != b)
            .map_or_else(|| "at the end".to_owned(), |i| format!("at line {}", i + 1));
        // Printed in full (the returned error is shown with Debug escapes).
        eprintln!(
            "\n{} is out of date (first difference {first_diff}). Regenerate it with\n\n    \
             WUYE_BLESS=1 cargo test -p wuye-ffi --test header\n\nand commit the result.\n",
            path.display()
        );
        return Err(format!("{} is out of date", path.display()).into());
    }
    Ok(())
}

#[test]
fn c_header_is_up_to_date() -> Result<()> {
    let header = generate(config()?)?;
    check(&crate_dir().join("include").join("wuye.h"), &header)
}

#[test]
fn php_header_is_up_to_date() -> Result<()> {
    let header = generate(php_config()?)?;
    check(&crate_dir().join("include").join("wuye_php.h"), &header)
}

#[test]
fn php_header_has_no_preprocessor_lines() -> Result<()> {
    let header = String::from_utf8(generate(php_config()?)?)?;
    let bad: Vec<&str> = header
        .lines()
        .filter(|l| l.trim_start().starts_with('#') || l.contains("extern \"C\""))
        .collect();
    assert!(
        bad.is_empty(),
        "PHP header has lines FFI::cdef cannot read: {bad:?}"
    );
    Ok(())
}

#[test]
fn c_header_declares_the_abi() -> Result<()> {
    let header = String::from_utf8(generate(config()?)?)?;
    for needle in [
        "#ifndef WUYE_H",
        "typedef struct WuyeEngine WuyeEngine;",
        "WUYE_STATUS_OK = 0,",
        "WUYE_STATUS_NULL_ARGUMENT = 1,",
        "WUYE_STATUS_INVALID_HANDLE = 13,",
        "WUYE_STATUS_PANIC = 14,",
        "Thread safety:",
        "Ownership:",
        "WuyeStatus wuye_engine_call(",
        "void wuye_buffer_free(WuyeBuffer *buffer);",
    ] {
        assert!(header.contains(needle), "wuye.h lacks {needle:?}");
    }
    Ok(())
}

/// The operations a list in prose names between `(` and `)` after `marker`, in order.
fn listed_after(text: &str, marker: &str) -> Vec<String> {
    let flat = text.replace(['\n', '*', '/', '!', '`'], " ");
    let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    let start = flat.find(marker).map(|i| i + marker.len()).unwrap_or(0);
    let rest = &flat[start..];
    let open = rest.find('(').map_or(0, |i| i + 1);
    let close = rest.find(')').unwrap_or(rest.len());
    rest[open..close]
        .split([',', ':'])
        .map(str::trim)
        .take_while(|s| s.contains('.'))
        .map(str::to_owned)
        .collect()
}

/// The thread-safety statements of the header and of the crate docs name exactly the
/// operations the contract's table marks as changing the engine (they once left one out).
#[test]
fn thread_safety_lists_name_every_changing_operation() -> Result<()> {
    let writes: Vec<String> = wuye_core::contract::TABLE
        .iter()
        .filter(|op| op.mutates)
        .map(|op| op.name.to_owned())
        .collect();
    let header = String::from_utf8(generate(config()?)?)?;
    assert_eq!(
        listed_after(&header, "Calls that change the engine"),
        writes,
        "ffi/cbindgen.toml's thread-safety list"
    );
    let lib = std::fs::read_to_string(crate_dir().join("src").join("lib.rs"))?;
    assert_eq!(
        listed_after(&lib, "calls that change the engine"),
        writes,
        "ffi/src/lib.rs's thread-safety list"
    );
    Ok(())
}
