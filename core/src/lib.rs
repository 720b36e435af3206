//! wuye-core: placeholder
/// Crate version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub mod calendar;
