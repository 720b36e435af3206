//! Every generated file is committed as the generator writes it: a change to the operation or
//! status table that was not regenerated fails here (`cargo run -p xtask -- generate`).

#[test]
fn committed_files_are_what_the_tables_generate() {
    let stale = xtask::stale();
    assert!(
        stale.is_empty(),
        "stale generated files (run `cargo run -p xtask -- generate`): {stale:?}"
    );
}

#[test]
fn the_manifest_lists_every_operation_and_status_once() {
    let m = xtask::manifest();
    let ops = m["operations"].as_array().expect("operations");
    assert_eq!(ops.len(), wuye_core::contract::OPERATIONS.len());
    // Exactly the operations that change the engine (the thread-safety lists in the C header
    // and the bindings' docs say the same).
    let writes: Vec<&str> = ops
        .iter()
        .filter(|o| o["mutates"] == true)
        .filter_map(|o| o["name"].as_str())
        .collect();
    assert_eq!(
        writes,
        [
            "request.register",
            "request.execute",
            "request.execute_batch",
            "sla.tick",
            "log.replay",
            "fee.load_estate"
        ]
    );
    let statuses = m["statuses"].as_array().expect("statuses");
    assert_eq!(statuses.len(), 15);
    assert_eq!(statuses[6]["exception"], "InvalidRequestException");
    assert_eq!(statuses[0]["exception"], serde_json::Value::Null);
}
