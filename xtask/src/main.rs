//! `cargo run -p xtask -- generate | check`: see the library's documentation.

use std::process::ExitCode;

fn main() -> ExitCode {
    match std::env::args().nth(1).as_deref() {
        Some("generate") => match xtask::generate() {
            Ok(changed) => {
                for path in &changed {
                    println!("wrote {}", path.display());
                }
                if changed.is_empty() {
                    println!("every generated file is up to date");
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("xtask generate: {e}");
                ExitCode::FAILURE
            }
        },
        Some("check") => {
            let stale = xtask::stale();
            for path in &stale {
                eprintln!(
                    "stale: {} (run `cargo run -p xtask -- generate`)",
                    path.display()
                );
            }
            if stale.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        _ => {
            eprintln!("usage: cargo run -p xtask -- generate | check");
            ExitCode::from(2)
        }
    }
}
