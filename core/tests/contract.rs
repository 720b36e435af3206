//! The contract end to end: requests in, responses out, byte for byte.

use wuye_core::contract::{handle_once, Engine, Status};

fn call(e: &mut Engine, req: &str) -> (Status, String) {
    let r = e.handle(req.as_bytes());
    (r.status, String::from_utf8(r.body).unwrap())
}

#[test]
fn a_repair_through_the_contract() {
    let mut e = Engine::new(br#"{"v":1}"#).unwrap();
    let (s, body) = call(
        &mut e,
        r#"{"v":1,"op":"request.register","args":{"request":{"id":"R1","kind":"repair","priority":"normal","channel":"phone","location":{"unit":"3-1-502"},"reporter":{"kind":"owner","name":"王女士","phone":"13800000000"},"description":"厨房水龙头漏水"},"actor":{"role":"agent","id":"kf01"},"now":"2026-03-02T09:00:00+08:00"}}"#,
    );
    assert_eq!(s, Status::Ok, "{body}");
    assert_eq!(
        body,
        r#"{"v":1,"ok":true,"result":{"events":[{"schema":1,"request":"R1","at":"2026-03-02T09:00:00+08:00","actor":{"role":"agent","id":"kf01"},"change":{"type":"registered","request":{"id":"R1","kind":"repair","priority":"normal","channel":"phone","location":{"unit":"3-1-502"},"reporter":{"kind":"owner","name":"王女士","phone":"13800000000"},"description":"厨房水龙头漏水"}}}]}}"#
    );
    let steps = [
        (
            r#"{"step":"dispatch","department":"engineering","assignee":"w1"}"#,
            "dispatcher",
            "dd01",
            "09:05",
        ),
        (r#"{"step":"accept"}"#, "worker", "w1", "09:10"),
        (r#"{"step":"arrive"}"#, "worker", "w1", "09:30"),
        (
            r#"{"step":"hold","reason":"waiting_for_parts"}"#,
            "worker",
            "w1",
            "09:40",
        ),
        (r#"{"step":"resume"}"#, "worker", "w1", "10:00"),
        (
            r#"{"step":"complete","note":"换阀芯"}"#,
            "worker",
            "w1",
            "10:30",
        ),
        (r#"{"step":"reply"}"#, "agent", "kf01", "11:00"),
        (
            r#"{"step":"callback","outcome":"rated","rating":5,"aspects":{"speed":5}}"#,
            "agent",
            "kf01",
            "11:30",
        ),
    ];
    for (cmd, role, id, hm) in steps {
        let req = format!(
            r#"{{"v":1,"op":"request.execute","args":{{"id":"R1","command":{cmd},"actor":{{"role":"{role}","id":"{id}"}},"now":"2026-03-02T{hm}:00+08:00"}}}}"#
        );
        let (s, body) = call(&mut e, &req);
        assert_eq!(s, Status::Ok, "{cmd}: {body}");
    }
    let (_, body) = call(&mut e, r#"{"v":1,"op":"request.get","args":{"id":"R1"}}"#);
    assert!(
        body.contains(r#""stage":{"stage":"closed","closure":{"by":"satisfied","rating":5}}"#),
        "{body}"
    );
    // Complete clock: 09:00–09:40 (40 min) + 10:00–10:30 (30 min) = 70 min = 4200 s.
    let (s, body) = call(
        &mut e,
        r#"{"v":1,"op":"sla.status","args":{"id":"R1","as_of":"2026-03-02T12:00:00+08:00"}}"#,
    );
    assert_eq!(s, Status::Ok);
    assert!(body.contains(r#""clock":"complete","timing":"business","target_seconds":57600,"state":"met","started_at":"2026-03-02T09:00:00+08:00","stopped_at":"2026-03-02T10:30:00+08:00","elapsed_seconds":4200"#), "{body}");
}

#[test]
fn every_error_kind_has_its_status() {
    let cases: &[(&[u8], Status, &str)] = &[
        (b"\xff\xfe", Status::InvalidUtf8, "invalid_utf8"),
        (br#"{"v":1,"op":"engine.info""#, Status::MalformedJson, "malformed_json"),
        (br#"{"v":2,"op":"engine.info"}"#, Status::UnsupportedVersion, "unsupported_version"),
        (br#"{"v":1,"op":"engine.explode"}"#, Status::UnknownOperation, "unknown_operation"),
        (br#"{"v":1,"op":"calendar.is_working_day","args":{"date":"2026-10-10","x":1}}"#, Status::InvalidRequest, "unknown_field"),
        (br#"{"v":1,"op":"calendar.is_working_day","args":{}}"#, Status::InvalidRequest, "missing_field"),
        (br#"{"v":1,"op":"calendar.working_days","args":{"from":20261001,"to":"2026-10-31"}}"#, Status::InvalidRequest, "wrong_type"),
        (br#"{"v":1,"op":"calendar.is_working_day","args":{"date":"2027-01-04"}}"#, Status::Calendar, "year_not_covered"),
        (br#"{"v":1,"op":"calendar.add","args":{"start":"2026-03-02T09:00:00+08:00","seconds":0}}"#, Status::Calendar, "invalid_duration"),
        (br#"{"v":1,"op":"request.get","args":{"id":"nope"}}"#, Status::NotFound, "unknown_request"),
        (br#"{"v":1,"op":"request.execute","args":{"id":"nope","command":{"step":"accept"},"actor":{"role":"worker","id":"w"},"now":"2026-03-02T09:00:00+08:00"}}"#, Status::NotFound, "unknown_request"),
        (br#"{"v":1,"op":"log.replay","args":{"events":[{"schema":9,"request":"R","at":"2026-03-02T09:00:00+08:00","actor":{"role":"agent","id":"a"},"change":{"type":"arrived"}}]}}"#, Status::InvalidEvent, "unsupported_schema"),
        (br#"{"v":1,"op":"sla.status_from_events","args":{"events":[{"schema":9,"request":"R","at":"2026-03-02T09:00:00+08:00","actor":{"role":"agent","id":"a"},"change":{"type":"arrived"}}],"as_of":"2026-03-02T10:00:00+08:00"}}"#, Status::InvalidEvent, "unsupported_schema"),
    ];
    for (req, status, code) in cases {
        let r = handle_once(br#"{"v":1}"#, req);
        let body = String::from_utf8(r.body).unwrap();
        assert_eq!(r.status, *status, "{body}");
        assert!(
            body.starts_with(&format!(
                r#"{{"v":1,"ok":false,"error":{{"status":{},"code":"{code}","message":"#,
                status.value()
            )),
            "{body}"
        );
    }
}

#[test]
fn calendar_answers_match_the_state_council_notice() {
    let ask =
        |req: &str| String::from_utf8(handle_once(br#"{"v":1}"#, req.as_bytes()).body).unwrap();
    assert_eq!(
        ask(r#"{"v":1,"op":"calendar.is_working_day","args":{"date":"2026-10-10"}}"#),
        r#"{"v":1,"ok":true,"result":{"working":true}}"#
    );
    assert_eq!(
        ask(
            r#"{"v":1,"op":"calendar.working_days","args":{"from":"2026-10-01","to":"2026-10-31"}}"#
        ),
        r#"{"v":1,"ok":true,"result":{"days":18}}"#
    );
    assert_eq!(
        ask(
            r#"{"v":1,"op":"calendar.add","args":{"start":"2026-09-30T17:00:00+08:00","seconds":3600}}"#
        ),
        r#"{"v":1,"ok":true,"result":{"instant":"2026-10-08T09:00:00+08:00"}}"#
    );
}

#[test]
fn a_saved_state_is_validated_and_a_bad_log_entry_is_an_invalid_event() {
    // A state whose configuration was edited by hand to a threshold of 9 is refused, as the
    // same configuration given directly would be.
    let mut e = Engine::new(br#"{"v":1}"#).unwrap();
    let export = String::from_utf8(e.handle(br#"{"v":1,"op":"engine.export"}"#).body).unwrap();
    let state = export
        .strip_prefix(r#"{"v":1,"ok":true,"result":{"state":"#)
        .and_then(|s| s.strip_suffix("}}"))
        .unwrap()
        .replace(r#""satisfied_threshold":4"#, r#""satisfied_threshold":9"#);
    let err = Engine::new(format!(r#"{{"v":1,"state":{state}}}"#).as_bytes()).unwrap_err();
    assert_eq!(
        (err.status(), err.code.as_str()),
        (Status::InvalidConfig, "invalid_config")
    );
    // In a log, an event of a request that was never registered does not apply.
    let (s, body) = call(
        &mut e,
        r#"{"v":1,"op":"log.replay","args":{"events":[{"schema":1,"request":"R7","at":"2026-03-02T09:00:00+08:00","actor":{"role":"worker","id":"w1"},"change":{"type":"arrived"}}]}}"#,
    );
    assert_eq!(s, Status::InvalidEvent, "{body}");
    assert!(
        body.contains(r#""code":"unknown_request","message":"event 0: unknown request R7""#),
        "{body}"
    );
}

#[test]
fn fee_operations_through_the_contract() {
    use wuye_core::contract::Call;
    let mut e = Engine::new(br#"{"v":1}"#).unwrap();
    // Billing the loaded estate before loading one is refused, naming the fix.
    let (s, body) = call(
        &mut e,
        r#"{"v":1,"op":"fee.bill_estate","args":{"period":"2026-09"}}"#,
    );
    assert_eq!(s, Status::Refused);
    assert!(body.contains(r#""code":"no_estate""#), "{body}");
    // Loading mutates (a write lock in the bindings); billing only reads.
    let load = r#"{"v":1,"op":"fee.load_estate","args":{"schedule":{"unit_types":[{"code":"t","name":"T"}],"items":[{"code":"fee","name":"费","formula":{"kind":"fixed"}}],"rates":[{"item":"fee","from":"2026-01-01","price":"10"}]},"units":[{"id":"A","unit_type":"t","building_area":"1"},{"id":"B","unit_type":"t","building_area":"1"}]}}"#;
    assert!(Call::parse(load.as_bytes()).unwrap().mutates());
    let bill = r#"{"v":1,"op":"fee.bill_estate","args":{"period":"2026-02"}}"#;
    assert!(!Call::parse(bill.as_bytes()).unwrap().mutates());
    let (s, body) = call(&mut e, load);
    assert_eq!(s, Status::Ok, "{body}");
    let (s, body) = call(&mut e, bill);
    assert_eq!(s, Status::Ok, "{body}");
    assert_eq!(
        body,
        r#"{"v":1,"ok":true,"result":{"period":"2026-02","lines":{"unit":[0,1],"item":[0,0],"amount":["10.00","10.00"]},"total":"20.00"}}"#
    );
    // Traces on demand for one unit of the loaded estate.
    let (s, body) = call(
        &mut e,
        r#"{"v":1,"op":"fee.bill","args":{"period":"2026-02","only":["B"]}}"#,
    );
    assert_eq!(s, Status::Ok, "{body}");
    assert!(
        body.contains(r#""unit":"B""#) && !body.contains(r#""unit":"A""#),
        "{body}"
    );
    // An unparseable amount is named by its element, unit and item.
    let (s, body) = call(
        &mut e,
        r#"{"v":1,"op":"fee.bill_estate","args":{"period":"2026-02","readings":[{"unit":"A","item":"fee","date":"2026-02-28","previous":"1,000","current":"2"}]}}"#,
    );
    assert_eq!(s, Status::InvalidRequest);
    assert!(
        body.contains("fee.bill_estate args: readings[0] (unit A, item fee): \\\"1,000\\\" is not a valid decimal"),
        "{body}"
    );
    // The same for a unit of an estate to load (bulk calls parse in one pass and fall back
    // to the element-by-element path only to name the element at fault).
    let (s, body) = call(
        &mut e,
        &load.replace(
            r#""id":"B","unit_type":"t","building_area":"1""#,
            r#""id":"B","unit_type":"t","building_area":"1x""#,
        ),
    );
    assert_eq!(s, Status::InvalidRequest);
    assert!(
        body.contains("fee.load_estate args: units[1] (unit B): \\\"1x\\\" is not a valid decimal"),
        "{body}"
    );
    let (s, body) = call(
        &mut e,
        r#"{"v":1,"op":"fee.bill","args":{"period":"2026-02","schedule":{"unit_types":[],"items":[]}}}"#,
    );
    assert_eq!(s, Status::InvalidRequest, "{body}");
    // Account references map to their statuses: an unknown receipt is not found.
    let (s, body) = call(
        &mut e,
        r#"{"v":1,"op":"fee.account.execute","args":{"account":{"id":"A"},"command":{"type":"refund","refund":"T1","receipt":"R9","date":"2026-03-01","amount":"1.00"}}}"#,
    );
    assert_eq!(s, Status::NotFound, "{body}");
    assert!(body.contains(r#""code":"unknown_reference""#), "{body}");
}
