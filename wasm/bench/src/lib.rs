//! Workloads of the core, the same code compiled natively (timed by `src/main.rs`) and to WASM
//! (exported with wasm-bindgen, timed from Node by `scripts/bench-wasm`), so the two builds are
//! compared on identical work. Each returns a checksum so the work cannot be optimized away.

use chrono::Duration;
use wuye_benches::{busy_desk, lifecycle, new_request, t};
use wuye_core::calendar::BusinessCalendar;
use wuye_core::contract::Engine;
use wuye_core::time::Instant;
use wuye_core::{Actor, Desk, Role};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// Registers `n` repairs on one desk and takes each through its six lifecycle transitions
/// (dispatch, accept, arrive, complete, reply, callback) with its SLA clocks; `6 n`
/// transitions in all. Returns the number of events.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn transitions(n: u32) -> u32 {
    let mut desk = Desk::standard();
    let agent = Actor::new(Role::Agent, "kf01");
    let steps = lifecycle();
    let start = t("2026-03-02T09:00:00+08:00");
    let mut events = 0usize;
    for i in 0..n as usize {
        let req = new_request(i);
        let id = req.id.clone();
        events += desk.register(req, &agent, start).map_or(0, |e| e.len());
        for (k, (cmd, actor)) in steps.iter().enumerate() {
            let now = start + Duration::minutes(k as i64 + 1);
            events += desk.execute(&id, cmd, actor, now).map_or(0, |e| e.len());
        }
    }
    events as u32
}

/// The same lifecycle through the JSON contract (`Engine::handle`), as bindings drive it:
/// `7 n` requests. Returns the total response length.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = contractTransitions))]
pub fn contract_transitions(n: u32) -> u32 {
    let Ok(mut engine) = Engine::new(br#"{"v":1}"#) else {
        return 0;
    };
    let steps = [
        (
            r#"{"step":"dispatch","department":"engineering","assignee":"w1"}"#,
            r#"{"role":"dispatcher","id":"dd01"}"#,
        ),
        (r#"{"step":"accept"}"#, r#"{"role":"worker","id":"w1"}"#),
        (r#"{"step":"arrive"}"#, r#"{"role":"worker","id":"w1"}"#),
        (
            r#"{"step":"complete","note":"更换角阀"}"#,
            r#"{"role":"worker","id":"w1"}"#,
        ),
        (r#"{"step":"reply"}"#, r#"{"role":"agent","id":"kf01"}"#),
        (
            r#"{"step":"callback","outcome":"rated","rating":5}"#,
            r#"{"role":"agent","id":"kf01"}"#,
        ),
    ];
    let mut bytes = 0usize;
    for i in 0..n {
        let register = format!(
            r#"{{"v":1,"op":"request.register","args":{{"request":{{"id":"J{i:06}","kind":"repair","priority":"normal","channel":"phone","location":{{"unit":"3-1-502"}},"reporter":{{"kind":"owner","name":"王女士"}},"description":"卫生间漏水"}},"actor":{{"role":"agent","id":"kf01"}},"now":"2026-03-02T09:00:00+08:00"}}}}"#
        );
        bytes += engine.handle(register.as_bytes()).body.len();
        for (k, (command, actor)) in steps.iter().enumerate() {
            let request = format!(
                r#"{{"v":1,"op":"request.execute","args":{{"id":"J{i:06}","command":{command},"actor":{actor},"now":"2026-03-02T09:0{}:00+08:00"}}}}"#,
                k + 1
            );
            bytes += engine.handle(request.as_bytes()).body.len();
        }
    }
    bytes as u32
}

/// A desk of `n` requests in every stage (`wuye_benches::busy_desk`), whose SLA statuses are
/// then asked as of one instant. JS class `StatusBench`.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub struct StatusBench {
    desk: Desk,
    as_of: Instant,
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
impl StatusBench {
    /// Builds the desk (not part of the timing).
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(constructor))]
    pub fn new(n: u32) -> StatusBench {
        StatusBench {
            desk: busy_desk(n as usize),
            as_of: t("2026-03-09T10:00:00+08:00"),
        }
    }

    /// The SLA status of every request in one batch; returns how many are breached.
    pub fn run(&self) -> u32 {
        self.desk
            .sla_statuses(self.as_of)
            .filter(|s| matches!(s, Ok(s) if s.breached()))
            .count() as u32
    }
}

/// `n` calendar additions of 30 days × 8 h of business time from assorted starts (holidays,
/// make-up days, lunch breaks, nights, other offsets). Returns a checksum of the results.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = calendarAdd))]
pub fn calendar_add(n: u32) -> u32 {
    let cal = BusinessCalendar::china_mainland();
    let starts: Vec<Instant> = [
        "2024-01-02T09:15:00+08:00",
        "2024-02-08T16:00:00+08:00",
        "2024-04-28T12:30:00+08:00",
        "2024-06-08T10:00:00+08:00",
        "2024-09-13T23:59:59+08:00",
        "2024-12-31T17:00:00+08:00",
        "2025-01-27T16:00:00+08:00",
        "2025-05-31T08:00:00+08:00",
        "2025-09-28T13:29:59+08:00",
        "2025-03-14T02:00:00Z",
        "2025-07-01T20:00:00-05:00",
        "2025-10-11T11:59:00+08:00",
    ]
    .iter()
    .map(|s| t(s))
    .collect();
    let mut sum = 0i64;
    for i in 0..n as usize {
        let s = starts[i % starts.len()];
        sum = sum.wrapping_add(cal.add(s, 30 * 8 * 3600).map_or(0, |x| x.timestamp()));
    }
    sum as u32
}
