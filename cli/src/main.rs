//! The `wuye` command.
fn main() {}
