//! Runs every example of docs/contract.md, in order, on one standard engine: each
//! ```` ```json request ```` block is sent, and the ```` ```json response ```` block that
//! follows (if any) must equal the response (as JSON values; whitespace in the page is free).
//! A request is sent as the page writes it, keys in its order, line breaks as spaces.

use wuye_core::contract::Engine;

#[test]
fn every_example_in_the_reference_holds() {
    let page = include_str!("../../docs/contract.md");
    let mut engine = Engine::new(br#"{"v":1}"#).unwrap();
    let mut blocks = Vec::new();
    let mut lines = page.lines();
    while let Some(line) = lines.next() {
        if let Some(tag) = line.strip_prefix("```json ") {
            let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
            blocks.push((tag.trim().to_owned(), body.join("\n")));
        }
    }
    let mut checked = 0;
    let mut pending: Option<(String, String)> = None;
    for (tag, body) in blocks {
        match tag.as_str() {
            "request" => {
                // Sent as written (a `Value` would sort the keys; the tag of a tagged object
                // comes first), on one line.
                serde_json::from_str::<serde_json::Value>(&body)
                    .unwrap_or_else(|e| panic!("{e}: {body}"));
                let r = engine.handle(body.replace('\n', " ").as_bytes());
                pending = Some((body, String::from_utf8(r.body).unwrap()));
            }
            "response" => {
                let (req, got) = pending
                    .take()
                    .expect("a response block follows a request block");
                let want: serde_json::Value =
                    serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"));
                let got: serde_json::Value = serde_json::from_str(&got).unwrap();
                assert_eq!(got, want, "request:\n{req}");
                checked += 1;
            }
            _ => {}
        }
    }
    assert!(checked >= 19, "only {checked} examples checked");
}
