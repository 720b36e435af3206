//! The native side of `scripts/bench-wasm`: runs the workloads of the library with the sizes
//! given on the command line and prints the best of `reps` timings of each, as JSON.
//!
//! ```text
//! wuye-bench-native <reps> <transitions n> <contract n> <status n> <calendar n>
//! ```

use std::hint::black_box;
use std::time::Instant;
use wuye_wasm_bench::{calendar_add, contract_transitions, transitions, StatusBench};

fn best(reps: u32, mut f: impl FnMut() -> u32) -> (f64, u32) {
    let mut best = f64::INFINITY;
    let mut out = 0;
    for _ in 0..reps {
        let start = Instant::now();
        out = black_box(f());
        best = best.min(start.elapsed().as_secs_f64() * 1000.0);
    }
    (best, out)
}

fn main() {
    let args: Vec<u32> = std::env::args()
        .skip(1)
        .map(|a| a.parse().unwrap_or_else(|_| panic!("not a number: {a}")))
        .collect();
    let [reps, n_tr, n_contract, n_status, n_cal] = args[..] else {
        panic!(
            "usage: wuye-bench-native <reps> <transitions n> <contract n> <status n> <calendar n>"
        );
    };
    let status = StatusBench::new(n_status);
    let rows = [
        ("transitions", best(reps, || transitions(black_box(n_tr)))),
        (
            "contract",
            best(reps, || contract_transitions(black_box(n_contract))),
        ),
        ("status", best(reps, || status.run())),
        ("calendar", best(reps, || calendar_add(black_box(n_cal)))),
    ];
    let fields: Vec<String> = rows
        .iter()
        .map(|(name, (ms, check))| format!(r#""{name}":{{"ms":{ms:.3},"check":{check}}}"#))
        .collect();
    println!("{{{}}}", fields.join(","));
}
