//! Readable reports: the demo day report (estate profile, escalations, every request's path
//! through the stages and its SLA clocks, summary), the demo's satisfaction section (满意率,
//! callback coverage, service KPIs, the callback sample), the SLA clock blocks shared with
//! `wuye sla`, and the request table of `wuye replay`.
//!
//! Everything here is a pure function of its inputs; nothing reads a clock.

use chrono::{Datelike, NaiveDate, Weekday};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use wuye_core::desk::request::{
    Change, Closure, Event, HoldReason, Location, Reporter, ServiceRequest, Stage,
};
use wuye_core::desk::role::Role;
use wuye_core::desk::sla::{ClockState, SlaStatus, Timing};
use wuye_core::desk::Desk;
use wuye_core::report::callback::{CallbackFigures, CallbackReport, GroupBy};
use wuye_core::report::kpi::{Durations, KpiReport};
use wuye_core::report::sample::{closed_in, sample, SampleRate, SampleRule};
use wuye_core::report::ReportPeriod;
use wuye_core::survey::Proportion;
use wuye_core::{BusinessCalendar, Instant};

use crate::estate::Estate;
use crate::scenario::{Day, Scenario};
use crate::text::{self, hmm, table};

/// English and Chinese weekday: `Wed 周三`.
pub fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Mon 周一",
        Weekday::Tue => "Tue 周二",
        Weekday::Wed => "Wed 周三",
        Weekday::Thu => "Thu 周四",
        Weekday::Fri => "Fri 周五",
        Weekday::Sat => "Sat 周六",
        Weekday::Sun => "Sun 周日",
    }
}

/// A stage as `snake_name 中文`, e.g. `closed 已关闭`.
pub fn stage_label(stage: &Stage) -> String {
    format!("{} {}", stage.name(), text::stage_zh(stage))
}

/// A stage with the data it carries, for the final-stage line of a request.
pub fn stage_detail(stage: &Stage, estate: Option<&Estate>) -> String {
    let dept = |code: &str| match estate {
        Some(e) => e.department_name(code),
        None => code.to_owned(),
    };
    let who = |id: &str| match estate {
        Some(e) => e.person(id),
        None => id.to_owned(),
    };
    let label = stage_label(stage);
    match stage {
        Stage::Registered => format!("{label} (waiting for dispatch)"),
        Stage::Dispatched {
            department,
            assignee,
        } => match assignee {
            Some(a) => format!("{label} — {}, {}", dept(department), who(a)),
            None => format!("{label} — {}", dept(department)),
        },
        Stage::Accepted {
            department,
            assignee,
        }
        | Stage::Completed {
            department,
            assignee,
        } => format!("{label} — {}, {}", dept(department), who(assignee)),
        Stage::InProgress {
            department,
            assignee,
            arrived_at,
        } => format!(
            "{label} — {}, {}, on site since {}",
            dept(department),
            who(assignee),
            text::date_time(arrived_at)
        ),
        Stage::OnHold {
            department,
            assignee,
            reason,
            since,
            ..
        } => format!(
            "{label} — {}, {}, {} since {}",
            dept(department),
            who(assignee),
            hold_reason(reason),
            text::date_time(since)
        ),
        Stage::Replied { department } => {
            format!(
                "{label} — {}, waiting for the callback 待回访",
                dept(department)
            )
        }
        Stage::Closed { closure } => format!("{label} — {}", closure_detail(closure)),
        Stage::Cancelled { reason } => format!("{label} — {reason}"),
    }
}

fn closure_detail(c: &Closure) -> String {
    match c {
        Closure::Satisfied { rating, .. } => format!("satisfied 满意关闭, rating {rating}/5"),
        Closure::Reply => "closed at reply 回复即结".into(),
        Closure::Unreachable { reason } => format!("unreachable 联系不上: {reason}"),
        Closure::WithoutWork {
            reason,
            duplicate_of,
        } => match duplicate_of {
            Some(d) => format!("closed without work 主动结单, duplicate of {d}: {reason}"),
            None => format!("closed without work 主动结单: {reason}"),
        },
    }
}

fn hold_reason(r: &HoldReason) -> String {
    match r {
        HoldReason::WaitingForParts => "waiting for parts 等待配件".into(),
        HoldReason::WaitingForOwner => "waiting for the owner 等待业主".into(),
        HoldReason::Other(s) => s.clone(),
    }
}

fn role_name(r: Role) -> String {
    format!("{} {}", r.as_str().replace('_', " "), text::role_zh(r))
}

/// One event's change in words (English and Chinese).
pub fn describe_change(change: &Change, estate: Option<&Estate>, day: NaiveDate) -> String {
    let dept = |code: &str| match estate {
        Some(e) => e.department_name(code),
        None => code.to_owned(),
    };
    let who = |id: &str| match estate {
        Some(e) => e.person(id),
        None => id.to_owned(),
    };
    let note = |n: &Option<String>| match n {
        Some(n) => format!(": {n}"),
        None => String::new(),
    };
    match change {
        Change::Registered { .. } => "registered 受理登记".into(),
        Change::Dispatched {
            department,
            assignee,
        } => match assignee {
            Some(a) => format!("dispatched 派单 → {}, {}", dept(department), who(a)),
            None => format!("dispatched 派单 → {} (no assignee yet)", dept(department)),
        },
        Change::Accepted { assignee } => format!("accepted 接单 by {}", who(assignee)),
        Change::Arrived => "arrived on site 到场".into(),
        Change::Held { reason } => format!("on hold 暂停: {}", hold_reason(reason)),
        Change::Resumed => "resumed 恢复".into(),
        Change::Completed { note: n } => format!("completed 完工{}", note(n)),
        Change::Replied { note: n } => format!("replied to the reporter 回复{}", note(n)),
        Change::CallbackRated {
            rating,
            comment,
            satisfied,
            ..
        } => {
            let verdict = if *satisfied {
                "satisfied 满意"
            } else {
                "NOT satisfied 不满意"
            };
            match comment {
                Some(c) => format!("callback 回访: rating {rating}/5, {verdict} — “{c}”"),
                None => format!("callback 回访: rating {rating}/5, {verdict}"),
            }
        }
        Change::Reopened { count } => format!(
            "reopened 重开 (#{count}): back to dispatch, SLA cycle {} starts",
            count + 1
        ),
        Change::CallbackUnreachable { attempt } => {
            format!("callback 回访: unreachable 联系不上 (attempt {attempt})")
        }
        Change::ClosedUnreachable { reason } => {
            format!("closed as unreachable 联系不上关闭: {reason}")
        }
        Change::Transferred {
            from_department,
            department,
            assignee,
            reason,
        } => {
            let to = match assignee {
                Some(a) => format!("{}, {}", dept(department), who(a)),
                None => dept(department),
            };
            format!(
                "transferred 转单 {} → {to}: {reason}",
                dept(from_department)
            )
        }
        Change::Returned { reason } => format!("returned 退单 to the centre: {reason}"),
        Change::Cancelled { reason } => format!("cancelled 撤销: {reason}"),
        Change::ClosedWithoutWork {
            reason,
            duplicate_of,
        } => match duplicate_of {
            Some(d) => format!("closed without work 主动结单 (duplicate of {d}): {reason}"),
            None => format!("closed without work 主动结单: {reason}"),
        },
        Change::Escalated {
            cycle,
            clock,
            percent,
            notify,
            due_at,
        } => format!(
            "⚠ ESCALATED 升级: {} at {percent}% (cycle {}) → notify {} (due {})",
            text::clock_name(*clock),
            cycle + 1,
            role_name(*notify),
            text::time_on(due_at, day)
        ),
    }
}

fn location(l: &Location) -> String {
    match l {
        Location::Unit(u) => format!("unit 房屋 {u}"),
        Location::CommonArea(a) => format!("common area 公共区域 {a}"),
    }
}

fn reporter(r: &Reporter) -> String {
    let mut s = text::reporter_kind_name(r.kind).to_owned();
    for part in [&r.name, &r.phone].into_iter().flatten() {
        s.push(' ');
        s.push_str(part);
    }
    s
}

fn deadline_text(t: Option<&Instant>, state: ClockState, day: Option<NaiveDate>) -> String {
    match (t, state) {
        (_, ClockState::NotStarted) => "—".into(),
        (None, ClockState::Paused) => "deadline unknown while paused".into(),
        (None, _) => "—".into(),
        (Some(t), _) => {
            let shown = match day {
                Some(d) => text::time_on(t, d),
                None => text::date_time(t),
            };
            format!("deadline {shown}")
        }
    }
}

/// The clocks of a status, one block per cycle, each line indented by `indent`:
///
/// ```text
/// cycle 1 (from 2026-09-30 09:05)
///   arrive 到场  BREACHED 超时  1:35 / 1:00  business 工作时间  deadline 2026-09-30 10:05  overdue 0:35
/// ```
///
/// `day`, when given, shortens instants on that date to `HH:MM`.
pub fn clocks_block(status: &SlaStatus, indent: &str, day: Option<NaiveDate>) -> String {
    let mut out = String::new();
    if status.cycles.is_empty() || status.cycles.iter().all(|c| c.clocks.is_empty()) {
        let _ = writeln!(out, "{indent}(no SLA clocks for this kind and priority)");
        return out;
    }
    for c in &status.cycles {
        let from = match day {
            Some(d) => text::time_on(&c.started_at, d),
            None => text::date_time(&c.started_at),
        };
        let _ = writeln!(out, "{indent}cycle {} (from {from})", c.cycle + 1);
        let rows: Vec<Vec<String>> = c
            .clocks
            .iter()
            .map(|k| {
                let mut extra = deadline_text(k.deadline.as_ref(), k.state, day);
                if let Some(o) = k.overdue_seconds {
                    let _ = write!(extra, "  overdue {}", hmm(o));
                }
                vec![
                    format!("{indent}  {}", text::clock_name(k.clock)),
                    text::clock_state_name(k.state).to_owned(),
                    format!("{} / {}", hmm(k.elapsed_seconds), hmm(k.target_seconds)),
                    text::timing_name(k.timing).to_owned(),
                    extra,
                ]
            })
            .collect();
        out.push_str(&table(&rows));
    }
    out
}

fn number(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Days off and make-up working days 调休 strictly between two dates, as text, e.g.
/// `skips 2026-10-01..2026-10-07; counts make-up working day 2026-10-10 (Sat 周六)`.
fn days_between(cal: &BusinessCalendar, from: NaiveDate, to: NaiveDate) -> Option<String> {
    let mut off: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    let mut makeup = Vec::new();
    let mut d = from.succ_opt()?;
    while d < to {
        let working = cal.is_working_day(d).ok()?;
        let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        if !working {
            match off.last_mut() {
                Some((_, end)) if end.succ_opt() == Some(d) => *end = d,
                _ => off.push((d, d)),
            }
        } else if weekend {
            makeup.push(d);
        }
        d = d.succ_opt()?;
    }
    let mut parts = Vec::new();
    if !off.is_empty() {
        let ranges: Vec<String> = off
            .iter()
            .map(|(a, b)| {
                if a == b {
                    a.to_string()
                } else {
                    format!("{a}..{b}")
                }
            })
            .collect();
        parts.push(format!("skips days off 休息日 {}", ranges.join(", ")));
    }
    for m in makeup {
        parts.push(format!(
            "counts make-up working day 调休上班 {m} ({})",
            weekday_name(m.weekday())
        ));
    }
    Some(parts.join("; "))
}

/// The demo report of a played day.
pub fn demo_report(estate: &Estate, scenario: &Scenario, day: &Day) -> Result<String, String> {
    let desk = &day.desk;
    let date = scenario.date;
    let cal = desk.calendar();
    let mut out = String::new();
    let w = &mut out;

    // Title and estate profile.
    let _ = writeln!(w, "{}", scenario.title);
    let _ = writeln!(w, "{}", "=".repeat(text::width(&scenario.title).min(100)));
    let _ = writeln!(w);
    let _ = writeln!(w, "Estate 小区概况: {} {}", estate.name, estate.name_en);
    let buildings: Vec<String> = estate
        .building_types
        .iter()
        .map(|g| {
            format!(
                "{} {} bldg 栋 / {} units 套",
                g.kind.name(),
                g.buildings,
                number(u64::from(g.units))
            )
        })
        .collect();
    let depts: Vec<String> = estate
        .departments
        .iter()
        .map(|d| format!("{} {}", d.name, d.code))
        .collect();
    let mut roles: BTreeMap<Role, u32> = BTreeMap::new();
    for s in &estate.staff {
        *roles.entry(s.role).or_default() += 1;
    }
    let roles: Vec<String> = roles
        .iter()
        .map(|(r, n)| format!("{} {n}", role_name(*r)))
        .collect();
    let plot = crate::estate::plot_ratio_hundredths(estate.building_area_m2, estate.land_area_m2)
        .unwrap_or(0);
    let profile = vec![
        vec!["  Address 地址".into(), estate.address.clone()],
        vec![
            "  Service phone 服务热线".into(),
            estate.service_phone.clone(),
        ],
        vec![
            "  Land area 占地面积".into(),
            format!("{} m²", number(estate.land_area_m2)),
        ],
        vec![
            "  Building area 建筑面积".into(),
            format!("{} m²", number(estate.building_area_m2)),
        ],
        vec![
            "  Plot ratio 容积率".into(),
            format!(
                "{} (building area / land area = {}.{:02})",
                estate.plot_ratio,
                plot / 100,
                plot % 100
            ),
        ],
        vec![
            "  Households 总户数".into(),
            number(u64::from(estate.households)),
        ],
        vec![
            "  Parking spaces 车位".into(),
            number(u64::from(estate.parking_spaces)),
        ],
        vec!["  Buildings 建筑类型".into(), buildings.join(" · ")],
        vec!["  Departments 部门".into(), depts.join(" · ")],
        vec![
            "  Staff 员工".into(),
            format!("{} — {}", estate.staff.len(), roles.join(" · ")),
        ],
    ];
    w.push_str(&table(&profile));
    let _ = writeln!(w);

    // The day and its calendar.
    let working = cal
        .is_working_day(date)
        .map_err(|e| format!("calendar: {e}"))?;
    let _ = writeln!(
        w,
        "Day 日期: {date} ({}) — {}",
        weekday_name(date.weekday()),
        if working {
            "working day 工作日"
        } else {
            "day off 休息日"
        }
    );
    if let Ok(next) = cal.next_working_instant(day.end) {
        let nd = next.date();
        let gap = days_between(cal, date, nd).unwrap_or_default();
        let _ = writeln!(
            w,
            "  Next working day 下一个工作日: {nd} ({}){}",
            weekday_name(nd.weekday()),
            if gap.is_empty() {
                String::new()
            } else {
                format!(" — {gap}")
            }
        );
    }
    let _ = writeln!(
        w,
        "  Business hours 工作时间 (built-in China calendar): Mon–Fri 08:30–12:00, 13:30–17:30, \
         public holidays off, make-up days 调休 worked"
    );
    let _ = writeln!(
        w,
        "  SLA policy 时效标准: standard; emergencies 紧急 run 24×7 (wall time); every clock \
         warns the supervisor 主管 at 80% and escalates to the project manager 项目经理 at 100%"
    );
    let _ = writeln!(
        w,
        "  Clocks below are as of end of day 日终 {}",
        text::date_time(&day.end)
    );
    let _ = writeln!(w);

    // Escalations fired by ticks.
    let _ = writeln!(w, "Escalations 升级 (fired by the desk's ticks 定时检查)");
    let mut quiet = Vec::new();
    for t in &day.ticks {
        let when = format!(
            "{}{}",
            text::time_on(&t.at, date),
            if t.end_of_day { " (end of day)" } else { "" }
        );
        if t.escalations.is_empty() {
            quiet.push(when);
            continue;
        }
        for e in &t.escalations {
            let _ = writeln!(
                w,
                "  tick {when}: {}  {}",
                e.request,
                describe_change(&e.change, Some(estate), date)
            );
        }
    }
    if !quiet.is_empty() {
        let _ = writeln!(w, "  ticks with nothing due: {}", quiet.join(", "));
    }
    let _ = writeln!(w);

    // Requests.
    let _ = writeln!(w, "Requests 工单 ({})", desk.len());
    let _ = writeln!(w, "{}", "-".repeat(72));
    let mut statuses = Vec::new();
    for request in desk.requests() {
        let id = request.id();
        let d = &request.details;
        let _ = writeln!(
            w,
            "Request 工单 {id} · {} {} · {} {} · {}",
            d.kind.as_str(),
            text::kind_zh(d.kind),
            d.priority.as_str(),
            text::priority_zh(d.priority),
            location(&d.location)
        );
        let _ = writeln!(
            w,
            "  Reported by 报事人: {} · via {} · “{}”",
            reporter(&d.reporter),
            text::channel_name(d.channel),
            d.description
        );
        // Path through the stages: replay the request's events one by one.
        let mut state: Option<ServiceRequest> = None;
        let mut rows = Vec::new();
        for e in day.events_of(id) {
            let stage = match &mut state {
                None => {
                    let s = ServiceRequest::from_registration(e).map_err(|x| x.to_string())?;
                    let label = stage_label(&s.stage);
                    state = Some(s);
                    label
                }
                Some(s) => {
                    s.apply(e).map_err(|x| x.to_string())?;
                    if matches!(e.change, Change::Escalated { .. }) {
                        String::new()
                    } else {
                        stage_label(&s.stage)
                    }
                }
            };
            rows.push(event_row(e, estate, date, stage));
        }
        w.push_str(&table(&rows));
        let _ = writeln!(
            w,
            "  Final stage 最终状态: {}",
            stage_detail(&request.stage, Some(estate))
        );
        let status = desk
            .sla_status(id, day.end)
            .map_err(|e| format!("SLA status of {id}: {e}"))?;
        let _ = writeln!(
            w,
            "  SLA clocks 时效 as of {}:",
            text::time_on(&day.end, date)
        );
        w.push_str(&clocks_block(&status, "    ", Some(date)));
        let _ = writeln!(w);
        statuses.push((request, status));
    }

    summary(w, day, &statuses, date);
    Ok(out)
}

fn event_row(e: &Event, estate: &Estate, date: NaiveDate, stage: String) -> Vec<String> {
    vec![
        format!("  {}", text::time_on(&e.at, date)),
        estate.actor_name(&e.actor),
        if stage.is_empty() {
            String::new()
        } else {
            format!("[{stage}]")
        },
        describe_change(&e.change, Some(estate), date),
    ]
}

fn summary(w: &mut String, day: &Day, statuses: &[(&ServiceRequest, SlaStatus)], date: NaiveDate) {
    let _ = writeln!(w, "Summary 汇总");
    let _ = writeln!(w, "{}", "-".repeat(72));
    let mut by_stage: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (r, _) in statuses {
        by_stage
            .entry(stage_label(&r.stage))
            .or_default()
            .push(r.id());
    }
    let mut rows = vec![vec![
        "  Requests 工单".to_owned(),
        statuses.len().to_string(),
    ]];
    for (stage, ids) in &by_stage {
        rows.push(vec![
            format!("    {stage}"),
            format!("{}  ({})", ids.len(), ids.join(", ")),
        ]);
    }
    w.push_str(&table(&rows));

    // Breaches.
    let mut breaches = Vec::new();
    for (r, s) in statuses {
        for c in &s.cycles {
            for k in c.clocks.iter().filter(|k| k.state == ClockState::Breached) {
                breaches.push(format!(
                    "    {} cycle {} {}: {} / {} {} (overdue {})",
                    r.id(),
                    c.cycle + 1,
                    text::clock_name(k.clock),
                    hmm(k.elapsed_seconds),
                    hmm(k.target_seconds),
                    text::timing_name(k.timing),
                    hmm(k.overdue_seconds.unwrap_or(0))
                ));
            }
        }
    }
    let _ = writeln!(w, "  SLA breaches 超时: {} clock(s)", breaches.len());
    for b in &breaches {
        let _ = writeln!(w, "{b}");
    }

    // Escalations.
    let mut per_role: BTreeMap<Role, u32> = BTreeMap::new();
    let mut total = 0;
    for t in &day.ticks {
        for e in &t.escalations {
            if let Change::Escalated { notify, .. } = e.change {
                *per_role.entry(notify).or_default() += 1;
                total += 1;
            }
        }
    }
    let roles: Vec<String> = per_role
        .iter()
        .map(|(r, n)| format!("{} {n}", role_name(*r)))
        .collect();
    let _ = writeln!(
        w,
        "  Escalations 升级: {total}{}",
        if roles.is_empty() {
            String::new()
        } else {
            format!(" — {}", roles.join(", "))
        }
    );

    // Reopens, transfers, returns, callbacks.
    let count = |f: &dyn Fn(&ServiceRequest) -> u32| -> (u32, Vec<&str>) {
        let mut n = 0;
        let mut ids = Vec::new();
        for (r, _) in statuses {
            let k = f(r);
            if k > 0 {
                n += k;
                ids.push(r.id());
            }
        }
        (n, ids)
    };
    for (label, (n, ids)) in [
        ("Reopens 重开", count(&|r| r.reopen_count)),
        ("Transfers 转单", count(&|r| r.transfer_count)),
        ("Returns 退单", count(&|r| r.return_count)),
    ] {
        let _ = writeln!(
            w,
            "  {label}: {n}{}",
            if ids.is_empty() {
                String::new()
            } else {
                format!(" ({})", ids.join(", "))
            }
        );
    }
    let mut ratings = Vec::new();
    let mut unreachable = 0;
    for e in &day.events {
        match e.change {
            Change::CallbackRated {
                rating, satisfied, ..
            } => ratings.push((rating, satisfied)),
            Change::CallbackUnreachable { .. } => unreachable += 1,
            _ => {}
        }
    }
    let satisfied = ratings.iter().filter(|(_, s)| *s).count();
    let sum: u32 = ratings.iter().map(|(r, _)| u32::from(*r)).sum();
    let n = u32::try_from(ratings.len()).unwrap_or(u32::MAX).max(1);
    let mean = (sum * 100 + n / 2) / n;
    let _ = writeln!(
        w,
        "  Callbacks 回访: {} rated, {satisfied} satisfied 满意, mean rating {}.{:02}; {unreachable} unreachable attempt(s) 联系不上",
        ratings.len(),
        mean / 100,
        mean % 100
    );

    // Deadlines pushed past the day by the calendar.
    let cal = day.desk.calendar();
    let mut pushed = Vec::new();
    for (r, s) in statuses {
        let Some(c) = s.cycles.last() else { continue };
        for k in &c.clocks {
            let (ClockState::Running, Timing::Business, Some(deadline)) =
                (k.state, k.timing, k.deadline)
            else {
                continue;
            };
            let dd = deadline.date();
            if dd <= date {
                continue;
            }
            let gap = days_between(cal, date, dd).unwrap_or_default();
            pushed.push(format!(
                "    {} {} ({} {}, registered {}): {} of {} business hours used by {}; deadline {} ({}){}",
                r.id(),
                text::clock_name(k.clock),
                r.details.priority.as_str(),
                text::priority_zh(r.details.priority),
                text::time_on(&r.registered_at, date),
                hmm(k.elapsed_seconds),
                hmm(k.target_seconds),
                text::time_on(&s.as_of, date),
                text::date_time(&deadline),
                weekday_name(dd.weekday()),
                if gap.is_empty() { String::new() } else { format!(" — {gap}") }
            ));
        }
    }
    if !pushed.is_empty() {
        let _ = writeln!(
            w,
            "  Deadlines past the holiday 节后到期 (business clocks skip 国庆 National Day):"
        );
        for p in &pushed {
            let _ = writeln!(w, "{p}");
        }
    }
}

/// A proportion as `5/6  83.33%  [43.64, 97.00]`, or `0/0  no data 无数据`.
fn share(p: &Proportion) -> String {
    match (p.percent, p.interval) {
        (Some(pc), Some(i)) => format!("{}/{}  {pc}%  [{}, {}]", p.count, p.total, i.low, i.high),
        _ => format!("{}/{}  no data 无数据", p.count, p.total),
    }
}

/// The seed of the demo's callback sample 回访抽样.
pub const SAMPLE_SEED: &str = "翠湖花园 2026-09";
/// The demo's sampling rate, in percent.
pub const SAMPLE_RATE: &str = "30";

/// The demo's satisfaction section 满意度: 满意率 by department and overall with 95%
/// intervals, callback coverage, the day's service KPIs, and the callback sample at 30%.
pub fn satisfaction_report(
    estate: &Estate,
    scenario: &Scenario,
    day: &Day,
) -> Result<String, String> {
    let desk = &day.desk;
    let date = scenario.date;
    let cal = desk.calendar();
    let start = date
        .and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(cal.offset()).single())
        .map(Instant::from_chrono)
        .ok_or("the day's start is not an instant")?;
    let period =
        ReportPeriod::new(start, start + chrono::Duration::days(1)).map_err(|e| e.to_string())?;
    let callbacks =
        CallbackReport::of(desk, period, GroupBy::Department, None).map_err(|e| e.to_string())?;
    let kpi = KpiReport::of(desk, period, Some(u64::from(estate.households)))
        .map_err(|e| e.to_string())?;
    let mut out = String::new();
    let w = &mut out;
    let title = format!(
        "Satisfaction 满意度 — callbacks 回访 and service KPIs 服务指标, {date} (00:00–24:00)"
    );
    let _ = writeln!(w, "\n{title}\n{}", "=".repeat(text::width(&title)));
    let _ = writeln!(
        w,
        "满意率 (callbacks rated {} of 5 or better; 95% Wilson interval)",
        callbacks.threshold
    );
    let mean = |f: &CallbackFigures| match f.mean_rating {
        Some(m) => format!("mean 平均 {m}"),
        None => String::new(),
    };
    let unreachable = |f: &CallbackFigures| match f.unreachable {
        0 => String::new(),
        n => format!("{n} unreachable 联系不上"),
    };
    let mut rows = Vec::new();
    for g in &callbacks.groups {
        let key = g.key.as_deref().unwrap_or_default();
        rows.push(vec![
            format!("  {}", estate.department_name(key)),
            share(&g.satisfied),
            mean(g),
            unreachable(g),
        ]);
    }
    let all = &callbacks.overall;
    rows.push(vec![
        "  Overall 合计".into(),
        share(&all.satisfied),
        mean(all),
        unreachable(all),
    ]);
    w.push_str(&table(&rows));
    let c = &all.coverage;
    let _ = writeln!(
        w,
        "Callback coverage 回访覆盖率: {} — of {} callbacks due (replied today), {} reached, \
         {} closed unreachable, {} pending",
        share(&c.rate),
        c.due,
        c.reached,
        c.closed_unreachable,
        c.pending
    );

    let _ = writeln!(
        w,
        "KPIs 服务指标 (times in business hours — before 08:30 and at lunch count 0; median and \
         p90 nearest-rank)"
    );
    let durations = |d: &Durations| match (d.median_seconds, d.p90_seconds) {
        (Some(m), Some(p)) => format!("{} — median {}, p90 {}", d.count, hmm(m), hmm(p)),
        _ => format!("{} — no data 无数据", d.count),
    };
    let mut rows = vec![
        vec![
            "  Time to accept 接单时长".to_owned(),
            durations(&kpi.accept),
        ],
        vec![
            "  Time to complete 完成时长".to_owned(),
            durations(&kpi.complete),
        ],
    ];
    for o in &kpi.on_time {
        rows.push(vec![
            format!("  On time 及时率 {}", text::clock_name(o.clock)),
            share(&o.rate),
        ]);
    }
    rows.push(vec!["  Reopen rate 重开率".into(), share(&kpi.reopened)]);
    rows.push(vec![
        "  First-time-right 一次解决率".into(),
        share(&kpi.first_time_right),
    ]);
    let per_100 = kpi
        .complaints
        .per_100_households
        .map(|f| f.to_string())
        .unwrap_or_default();
    rows.push(vec![
        "  Complaints 投诉 per 100 households".into(),
        format!(
            "{} ÷ {} households 户 × 100 = {per_100}",
            kpi.complaints.count,
            number(u64::from(estate.households))
        ),
    ]);
    w.push_str(&table(&rows));

    let rate = SAMPLE_RATE
        .parse()
        .map_err(|e| format!("sampling rate: {e}"))
        .and_then(|r| SampleRate::from_percent(r).map_err(|e| e.to_string()))?;
    let closed = closed_in(desk, period);
    let picked = sample(SAMPLE_SEED, &closed, SampleRule::Rate(rate)).map_err(|e| e.to_string())?;
    let _ = writeln!(
        w,
        "Callback sample 回访抽样 at {SAMPLE_RATE}% (seed “{SAMPLE_SEED}”): {} of {} closed requests — {}",
        picked.selected.len(),
        picked.considered,
        picked.selected.join(", ")
    );
    Ok(out)
}

/// The request table of `wuye replay`: id, kind, priority, stage, reopens, transfers.
pub fn request_table(desk: &Desk) -> String {
    let mut rows = vec![vec![
        "id".to_owned(),
        "kind".into(),
        "类型".into(),
        "priority".into(),
        "stage".into(),
        "状态".into(),
        "reopens".into(),
        "transfers".into(),
    ]];
    for r in desk.requests() {
        let d = &r.details;
        rows.push(vec![
            r.id().to_owned(),
            d.kind.as_str().to_owned(),
            text::kind_zh(d.kind).to_owned(),
            d.priority.as_str().to_owned(),
            r.stage.name().to_owned(),
            text::stage_zh(&r.stage).to_owned(),
            r.reopen_count.to_string(),
            r.transfer_count.to_string(),
        ]);
    }
    table(&rows)
}

/// The clocks of every request as of an instant, for `wuye sla`.
pub fn sla_report(desk: &Desk, as_of: Instant) -> Result<String, String> {
    let mut out = String::new();
    let _ = writeln!(out, "SLA clocks 时效 as of {}", as_of.to_rfc3339());
    for r in desk.requests() {
        let status = desk.sla_status(r.id(), as_of).map_err(|e| e.to_string())?;
        let d = &r.details;
        let _ = writeln!(
            out,
            "\n{} · {} {} · {} {} · {}",
            r.id(),
            d.kind.as_str(),
            text::kind_zh(d.kind),
            d.priority.as_str(),
            text::priority_zh(d.priority),
            stage_label(&r.stage)
        );
        out.push_str(&clocks_block(&status, "  ", None));
    }
    if desk.is_empty() {
        let _ = writeln!(out, "(no requests)");
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(number(0), "0");
        assert_eq!(number(999), "999");
        assert_eq!(number(1_000), "1,000");
        assert_eq!(number(215_000), "215,000");
        assert_eq!(number(1_234_567), "1,234,567");
    }

    #[test]
    fn national_day_gap() {
        let cal = BusinessCalendar::china_mainland();
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(
            days_between(&cal, d("2026-09-30"), d("2026-10-08")).unwrap(),
            "skips days off 休息日 2026-10-01..2026-10-07"
        );
        assert_eq!(
            days_between(&cal, d("2026-09-30"), d("2026-10-13")).unwrap(),
            "skips days off 休息日 2026-10-01..2026-10-07, 2026-10-11; \
             counts make-up working day 调休上班 2026-10-10 (Sat 周六)"
        );
    }
}
