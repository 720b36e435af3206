//! Benchmarks of service requests and SLA (filled in below).
fn main() {}
