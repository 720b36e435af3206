//! Benchmarks of service requests (placeholder until the requests module lands).
fn main() {}
