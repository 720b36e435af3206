//! Event logs 操作日志 as JSON Lines: one [`Event`] per line, each carrying its schema version.

use crate::desk::request::Event;

/// A line of a log that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct LogError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// Parses a JSON Lines log. Blank lines are skipped; any other line must be one event with
/// no unknown fields.
pub fn parse_jsonl(text: &str) -> Result<Vec<(usize, Event)>, LogError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let event = serde_json::from_str::<Event>(line).map_err(|e| LogError {
            line: i + 1,
            reason: e.to_string(),
        })?;
        out.push((i + 1, event));
    }
    Ok(out)
}

/// Writes events as JSON Lines (one per line, each ending in a newline).
pub fn to_jsonl<'a>(events: impl IntoIterator<Item = &'a Event>) -> String {
    let mut s = String::new();
    for e in events {
        // Serializing these plain data types cannot fail.
        if let Ok(line) = serde_json::to_string(e) {
            s.push_str(&line);
            s.push('\n');
        }
    }
    s
}
