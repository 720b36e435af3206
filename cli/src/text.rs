//! Plain-text helpers for the terminal: durations as `h:mm`, instants, column padding that
//! counts CJK characters as two columns, and the bilingual names (中文 beside English) of the
//! core's enums.

use wuye_core::desk::request::ClockKind;
use wuye_core::desk::request::{Channel, Priority, ReporterKind, RequestKind, Stage};
use wuye_core::desk::role::Role;
use wuye_core::desk::sla::{ClockState, Timing};
use wuye_core::Instant;

/// Formats seconds as `h:mm` (hours unbounded, minutes truncated), with a leading `-` for
/// negative values: `27000` → `7:30`, `59` → `0:00`, `-90` → `-0:01`.
pub fn hmm(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.unsigned_abs();
    format!("{sign}{}:{:02}", s / 3600, (s % 3600) / 60)
}

/// An instant as `YYYY-MM-DD HH:MM` in its own offset (the calendar's, for the core's
/// results), with seconds only when they are not zero.
pub fn date_time(t: &Instant) -> String {
    if t.timestamp() % 60 == 0 {
        t.local().format("%Y-%m-%d %H:%M").to_string()
    } else {
        t.local().format("%Y-%m-%d %H:%M:%S").to_string()
    }
}

/// An instant as `HH:MM` when it falls on `day` (in its own offset), else as
/// [`date_time`].
pub fn time_on(t: &Instant, day: chrono::NaiveDate) -> String {
    if t.date() == day {
        if t.timestamp() % 60 == 0 {
            t.local().format("%H:%M").to_string()
        } else {
            t.local().format("%H:%M:%S").to_string()
        }
    } else {
        date_time(t)
    }
}

/// Display width of a string on a terminal: East Asian wide characters (CJK ideographs,
/// full-width forms, CJK punctuation) count two columns, everything else one.
pub fn width(s: &str) -> usize {
    s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// Pads `s` with spaces on the right to `cols` display columns (never truncates).
pub fn pad(s: &str, cols: usize) -> String {
    let mut out = s.to_owned();
    out.push_str(&" ".repeat(cols.saturating_sub(width(s))));
    out
}

/// Renders rows as columns separated by two spaces, each padded to its widest cell; the
/// last column is not padded. Every line ends in a newline.
pub fn table(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| width(c))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i + 1 == row.len() {
                line.push_str(cell);
            } else {
                line.push_str(&pad(cell, widths[i]));
                line.push_str("  ");
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Chinese name of a stage 工单状态.
pub fn stage_zh(stage: &Stage) -> &'static str {
    match stage {
        Stage::Registered => "待派单",
        Stage::Dispatched { .. } => "已派单",
        Stage::Accepted { .. } => "已接单",
        Stage::InProgress { .. } => "处理中",
        Stage::OnHold { .. } => "暂停",
        Stage::Completed { .. } => "已完工",
        Stage::Replied { .. } => "已回复",
        Stage::Closed { .. } => "已关闭",
        Stage::Cancelled { .. } => "已撤销",
    }
}

/// Chinese name of a request kind 报事类型 (the core's own).
pub fn kind_zh(kind: RequestKind) -> &'static str {
    kind.chinese()
}

/// Chinese name of a priority 紧急程度.
pub fn priority_zh(p: Priority) -> &'static str {
    match p {
        Priority::Emergency => "紧急",
        Priority::High => "高",
        Priority::Normal => "一般",
        Priority::Low => "低",
    }
}

/// English and Chinese name of a channel 受理渠道.
pub fn channel_name(c: Channel) -> &'static str {
    match c {
        Channel::Phone => "phone 电话",
        Channel::FrontDesk => "front desk 前台",
        Channel::App => "app 业主App",
        Channel::WalkIn => "walk-in 来访",
        Channel::Patrol => "patrol 巡检",
        Channel::Other => "other 其他",
    }
}

/// English and Chinese name of a reporter kind 报事人类型.
pub fn reporter_kind_name(k: ReporterKind) -> &'static str {
    match k {
        ReporterKind::Owner => "owner 业主",
        ReporterKind::Tenant => "tenant 租户",
        ReporterKind::Colleague => "colleague 同事",
        ReporterKind::PartnerUnit => "partner unit 往来单位",
        ReporterKind::Anonymous => "anonymous 匿名",
    }
}

/// Chinese name of a role 角色.
pub fn role_zh(r: Role) -> &'static str {
    match r {
        Role::Reporter => "报事人",
        Role::Agent => "客服",
        Role::Dispatcher => "调度",
        Role::Worker => "处理人",
        Role::Supervisor => "主管",
        Role::ProjectManager => "项目经理",
        Role::System => "系统",
    }
}

/// English and Chinese name of an SLA clock 时效.
pub fn clock_name(c: ClockKind) -> &'static str {
    match c {
        ClockKind::Dispatch => "dispatch 派单",
        ClockKind::Accept => "accept 接单",
        ClockKind::Arrive => "arrive 到场",
        ClockKind::Complete => "complete 完工",
        ClockKind::Reply => "reply 回复",
        ClockKind::Callback => "callback 回访",
    }
}

/// English and Chinese name of a clock state.
pub fn clock_state_name(s: ClockState) -> &'static str {
    match s {
        ClockState::NotStarted => "not started 未开始",
        ClockState::Running => "running 计时中",
        ClockState::Paused => "paused 暂停计时",
        ClockState::Met => "met 达标",
        ClockState::Breached => "BREACHED 超时",
        ClockState::Voided => "voided 作废",
    }
}

/// How a clock's time is counted, in words.
pub fn timing_name(t: Timing) -> &'static str {
    match t {
        Timing::Business => "business 工作时间",
        Timing::AroundTheClock => "wall 24×7",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmm_truncates_minutes() {
        assert_eq!(hmm(0), "0:00");
        assert_eq!(hmm(59), "0:00");
        assert_eq!(hmm(60), "0:01");
        assert_eq!(hmm(27_000), "7:30");
        assert_eq!(hmm(57_600), "16:00");
        assert_eq!(hmm(360_000), "100:00");
        assert_eq!(hmm(-90), "-0:01");
    }

    #[test]
    fn width_counts_cjk_twice() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("报修"), 4);
        assert_eq!(width("repair 报修"), 11);
        assert_eq!(pad("报修", 6), "报修  ");
        assert_eq!(pad("toolong", 3), "toolong");
    }

    #[test]
    fn table_aligns_mixed_scripts() {
        let t = table(&[
            vec!["a".into(), "报修".into(), "x".into()],
            vec!["bbb".into(), "ab".into(), "y".into()],
        ]);
        assert_eq!(t, "a    报修  x\nbbb  ab    y\n");
    }
}
