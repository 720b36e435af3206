//! Calendar benchmarks (being written).
fn main() {}
