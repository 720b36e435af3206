//! `wuye survey`: scores a CSV file of survey answers 问卷 — SERVQUAL 服务质量差距 (or
//! SERVPERF) on the standard 22-item questionnaire, or CSAT 顾客满意度 and NPS 净推荐值
//! ratings. This module only reads the CSV and prints; every figure comes from
//! `wuye_core::survey`.
//!
//! The CSV layout (UTF-8; `#` lines and blank lines are skipped; fields are separated by
//! commas and trimmed, without quoting, so a field may contain neither a comma nor `"`):
//!
//! - The first line is the header; its first column is `respondent` (an id for messages).
//! - **SERVQUAL**: columns `E1`…`E22` (expectations 期望) and `P1`…`P22` (perceptions 感知)
//!   of the standard items (`q1`…`q22`), optionally `W_tangibles`, `W_reliability`,
//!   `W_responsiveness`, `W_assurance`, `W_empathy` (the respondent's importance allocation,
//!   100 points; all five or none). **SERVPERF**: `P1`…`P22` without any `E` column.
//! - **Ratings**: a `csat` column (on the scale, default 1–5, top two boxes) and/or an `nps`
//!   column (0–10).
//! - A blank answer cell is an unanswered item (skipped for that item); blank weights mean
//!   the respondent gave none.

use std::fmt::Write as _;
use std::path::Path;
use wuye_core::money::Decimal;
use wuye_core::num::Figure;
use wuye_core::survey::servqual::{
    standard_items, Response, ServperfReport, ServqualReport, WeightFigures, WeightSource,
    STANDARD_ITEMS,
};
use wuye_core::survey::{
    servperf, servqual, Csat, CsatInput, Nps, NpsInput, Scale, SurveyInput, Weights,
};

/// The five weight columns, in dimension order.
pub const WEIGHT_COLUMNS: [&str; 5] = [
    "W_tangibles",
    "W_reliability",
    "W_responsiveness",
    "W_assurance",
    "W_empathy",
];

/// What a survey CSV holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SurveyFile {
    /// Expectations and perceptions of the 22 standard items.
    Servqual(SurveyInput),
    /// Perceptions only.
    Servperf(SurveyInput),
    /// A `csat` and/or an `nps` column.
    Ratings {
        /// CSAT answers (blank cells left out), if the column is there.
        csat: Option<CsatInput>,
        /// NPS answers (blank cells left out), if the column is there.
        nps: Option<NpsInput>,
    },
}

/// One data line: its 1-based line number and its trimmed fields.
struct Row<'a> {
    line: usize,
    fields: Vec<&'a str>,
}

fn split(line: &str) -> Vec<&str> {
    line.split(',').map(str::trim).collect()
}

/// Parses a survey CSV. `scale` replaces the default scale of the questionnaire (1–7) or of
/// CSAT (1–5). Errors are `NAME:LINE: reason`.
pub fn parse_csv(name: &str, text: &str, scale: Option<Scale>) -> Result<SurveyFile, String> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_start_matches('\u{feff}')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    let (hline, header) = lines
        .next()
        .map(|(n, l)| (n, split(l)))
        .ok_or_else(|| format!("{name}: no header line"))?;
    let at = |line: usize, msg: String| format!("{name}:{line}: {msg}");
    let mut rows = Vec::new();
    for (line, l) in lines {
        if l.contains('"') {
            return Err(at(line, "quoted fields are not supported".into()));
        }
        let fields = split(l);
        if fields.len() != header.len() {
            return Err(at(
                line,
                format!("{} fields, the header has {}", fields.len(), header.len()),
            ));
        }
        rows.push(Row { line, fields });
    }
    if header.first() != Some(&"respondent") {
        return Err(at(hline, "the first column must be `respondent`".into()));
    }
    for (i, h) in header.iter().enumerate() {
        if header[..i].contains(h) {
            return Err(at(hline, format!("column {h} appears twice")));
        }
    }
    let col = |h: &str| header.iter().position(|c| *c == h);
    let e_cols: Vec<Option<usize>> = (1..=22).map(|k| col(&format!("E{k}"))).collect();
    let p_cols: Vec<Option<usize>> = (1..=22).map(|k| col(&format!("P{k}"))).collect();
    let w_cols: Vec<Option<usize>> = WEIGHT_COLUMNS.iter().map(|w| col(w)).collect();
    let (csat_col, nps_col) = (col("csat"), col("nps"));
    let known = |h: &str| {
        h == "respondent"
            || h == "csat"
            || h == "nps"
            || WEIGHT_COLUMNS.contains(&h)
            || (1..=22).any(|k| h == format!("E{k}") || h == format!("P{k}"))
    };
    if let Some(h) = header.iter().find(|h| !known(h)) {
        return Err(at(
            hline,
            format!("unknown column {h:?} (expected E1..E22, P1..P22, W_<dimension>, csat, nps)"),
        ));
    }
    let questionnaire = e_cols
        .iter()
        .chain(&p_cols)
        .chain(&w_cols)
        .any(Option::is_some);
    if questionnaire && (csat_col.is_some() || nps_col.is_some()) {
        return Err(at(
            hline,
            "a file holds either questionnaire columns (E, P, W) or ratings (csat, nps), not both"
                .into(),
        ));
    }
    if !questionnaire {
        if csat_col.is_none() && nps_col.is_none() {
            return Err(at(
                hline,
                "no survey columns (E1..E22/P1..P22, csat or nps)".into(),
            ));
        }
        let answers = |c: usize, what: &str| -> Result<Vec<i64>, String> {
            let mut out = Vec::new();
            for r in &rows {
                if let Some(a) =
                    answer(r.fields[c]).map_err(|m| at(r.line, format!("{what}: {m}")))?
                {
                    out.push(a);
                }
            }
            Ok(out)
        };
        return Ok(SurveyFile::Ratings {
            csat: match csat_col {
                Some(c) => Some(CsatInput {
                    scale: scale.unwrap_or(Scale::FIVE),
                    top_boxes: 2,
                    answers: answers(c, "csat")?,
                }),
                None => None,
            },
            nps: match nps_col {
                Some(c) => Some(NpsInput {
                    answers: answers(c, "nps")?,
                }),
                None => None,
            },
        });
    }
    let missing = |cols: &[Option<usize>], prefix: &str| {
        cols.iter()
            .position(Option::is_none)
            .map(|k| at(hline, format!("missing column {prefix}{}", k + 1)))
    };
    if let Some(e) = missing(&p_cols, "P") {
        return Err(e);
    }
    let paired = e_cols.iter().any(Option::is_some);
    if paired {
        if let Some(e) = missing(&e_cols, "E") {
            return Err(e);
        }
    }
    let weighted = w_cols.iter().any(Option::is_some);
    if weighted {
        if let Some(k) = w_cols.iter().position(Option::is_none) {
            return Err(at(hline, format!("missing column {}", WEIGHT_COLUMNS[k])));
        }
    }
    let mut responses = Vec::with_capacity(rows.len());
    for r in &rows {
        let list = |cols: &[Option<usize>], prefix: &str| -> Result<Vec<Option<i64>>, String> {
            cols.iter()
                .enumerate()
                .map(|(k, c)| {
                    let cell = c.and_then(|c| r.fields.get(c)).copied().unwrap_or("");
                    answer(cell).map_err(|m| at(r.line, format!("column {prefix}{}: {m}", k + 1)))
                })
                .collect()
        };
        let weights = if weighted {
            weights(r, &w_cols).map_err(|m| at(r.line, m))?
        } else {
            None
        };
        responses.push(Response {
            id: Some(r.fields[0].to_owned()).filter(|s| !s.is_empty()),
            expectation: if paired {
                Some(list(&e_cols, "E")?)
            } else {
                None
            },
            perception: list(&p_cols, "P")?,
            weights,
        });
    }
    let input = SurveyInput {
        scale: scale.unwrap_or(Scale::SEVEN),
        items: standard_items(),
        weights: None,
        responses,
    };
    Ok(if paired {
        SurveyFile::Servqual(input)
    } else {
        SurveyFile::Servperf(input)
    })
}

/// A blank cell is no answer; else a whole number.
fn answer(cell: &str) -> Result<Option<i64>, String> {
    if cell.is_empty() {
        return Ok(None);
    }
    cell.parse::<i64>()
        .map(Some)
        .map_err(|_| format!("{cell:?} is not a whole number"))
}

fn weights(r: &Row<'_>, cols: &[Option<usize>]) -> Result<Option<Weights>, String> {
    let cells: Vec<&str> = cols
        .iter()
        .map(|c| c.and_then(|c| r.fields.get(c)).copied().unwrap_or(""))
        .collect();
    if cells.iter().all(|c| c.is_empty()) {
        return Ok(None);
    }
    let mut w = [Decimal::ZERO; 5];
    for (k, cell) in cells.iter().enumerate() {
        if cell.is_empty() {
            return Err(format!(
                "column {}: blank, but other weights are given",
                WEIGHT_COLUMNS[k]
            ));
        }
        w[k] = cell
            .parse()
            .map_err(|_| format!("column {}: {cell:?} is not a decimal", WEIGHT_COLUMNS[k]))?;
    }
    let [tangibles, reliability, responsiveness, assurance, empathy] = w;
    Ok(Some(Weights {
        tangibles,
        reliability,
        responsiveness,
        assurance,
        empathy,
    }))
}

/// Parses `MIN-MAX` (`1-7`, `0-10`, `-3-3`).
pub fn parse_scale(s: &str) -> Result<Scale, String> {
    let bad = || format!("invalid scale {s:?}; expected MIN-MAX, e.g. 1-7");
    let split_at = s
        .char_indices()
        .skip(1)
        .find(|(_, c)| *c == '-')
        .map(|(i, _)| i)
        .ok_or_else(bad)?;
    let (min, max) = (&s[..split_at], &s[split_at + 1..]);
    let scale = Scale {
        min: min.parse().map_err(|_| bad())?,
        max: max.parse().map_err(|_| bad())?,
    };
    scale.validate("--scale").map_err(|e| e.to_string())?;
    Ok(scale)
}

/// `wuye survey`: reads, scores and renders a survey CSV (text, or JSON with `json`).
pub fn survey_file(path: &Path, scale: Option<Scale>, json: bool) -> Result<String, String> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {name}: {e}"))?;
    let file = parse_csv(&name, &text, scale)?;
    let fail = |e: wuye_core::survey::SurveyError| format!("{name}: {e}");
    match file {
        SurveyFile::Servqual(input) => {
            let r = servqual(&input).map_err(fail)?;
            if json {
                pretty(&Out {
                    servqual: Some(&r),
                    ..Out::default()
                })
            } else {
                Ok(render_servqual(&name, &r))
            }
        }
        SurveyFile::Servperf(input) => {
            let r = servperf(&input).map_err(fail)?;
            if json {
                pretty(&Out {
                    servperf: Some(&r),
                    ..Out::default()
                })
            } else {
                Ok(render_servperf(&name, &r))
            }
        }
        SurveyFile::Ratings { csat, nps } => {
            let csat = csat.map(|c| Csat::score(&c)).transpose().map_err(fail)?;
            let nps = nps.map(|n| Nps::score(&n)).transpose().map_err(fail)?;
            if json {
                pretty(&Out {
                    csat: csat.as_ref(),
                    nps: nps.as_ref(),
                    ..Out::default()
                })
            } else {
                Ok(render_ratings(&name, csat.as_ref(), nps.as_ref()))
            }
        }
    }
}

/// The `--json` output: the reports present, each as the contract's operation returns it.
#[derive(Default, serde::Serialize)]
struct Out<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    servqual: Option<&'a ServqualReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    servperf: Option<&'a ServperfReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    csat: Option<&'a Csat>,
    #[serde(skip_serializing_if = "Option::is_none")]
    nps: Option<&'a Nps>,
}

fn pretty(out: &Out<'_>) -> Result<String, String> {
    let mut s = serde_json::to_string_pretty(out).map_err(|e| e.to_string())?;
    s.push('\n');
    Ok(s)
}

/// A percentage with its sign, or `—` for no data.
fn pc(x: Option<Figure>) -> String {
    x.map_or_else(|| "—".to_owned(), |x| format!("{x}%"))
}

/// A figure, or `—` for no data.
fn f(x: Option<Figure>) -> String {
    x.map_or_else(|| "—".to_owned(), |x| x.to_string())
}

fn label(id: &str) -> String {
    STANDARD_ITEMS
        .iter()
        .find(|s| s.id == id)
        .map_or_else(|| id.to_owned(), |s| format!("{} {}", s.zh, s.en))
}

fn weights_line(w: &WeightFigures) -> String {
    format!(
        "有形性 {}, 可靠性 {}, 响应性 {}, 保证性 {}, 移情性 {}",
        w.tangibles, w.reliability, w.responsiveness, w.assurance, w.empathy
    )
}

fn source(s: WeightSource, respondents: u64) -> String {
    match s {
        WeightSource::Fixed => "fixed weights 固定权重".into(),
        WeightSource::Respondents => {
            format!("the respondents' own weights 受访者权重, averaged over {respondents}")
        }
    }
}

/// The SERVQUAL report as text: items, dimensions, overall and weighted gap.
pub fn render_servqual(name: &str, r: &ServqualReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "SERVQUAL 服务质量差距 — {name}: {} respondents 受访者, scale {}\n",
        r.respondents, r.scale
    );
    let mut rows = vec![["item", "题项", "n", "E 期望", "P 感知", "gap 差距"]
        .map(String::from)
        .to_vec()];
    for i in &r.items {
        rows.push(vec![
            i.id.clone(),
            label(&i.id),
            i.answered.to_string(),
            f(i.expectation),
            f(i.perception),
            f(i.gap),
        ]);
    }
    out.push_str(&crate::text::table(&rows));
    out.push('\n');
    let mut rows = vec![["dimension 维度", "items", "E 期望", "P 感知", "gap 差距"]
        .map(String::from)
        .to_vec()];
    for d in &r.dimensions {
        rows.push(vec![
            d.dimension.to_string(),
            d.items.to_string(),
            f(d.expectation),
            f(d.perception),
            f(d.gap),
        ]);
    }
    rows.push(vec![
        "overall 总体 (unweighted)".into(),
        String::new(),
        f(r.overall.expectation),
        f(r.overall.perception),
        f(r.overall.gap),
    ]);
    out.push_str(&crate::text::table(&rows));
    match &r.weighted {
        Some(w) => {
            let _ = writeln!(
                out,
                "\nweighted gap 加权差距 {} — {}: {}",
                f(w.gap),
                source(w.source, w.respondents),
                weights_line(&w.weights)
            );
        }
        None => out.push_str("\nweighted gap 加权差距: no weights given\n"),
    }
    out
}

/// The SERVPERF report as text.
pub fn render_servperf(name: &str, r: &ServperfReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "SERVPERF 服务绩效 — {name}: {} respondents 受访者, scale {}\n",
        r.respondents, r.scale
    );
    let mut rows = vec![["item", "题项", "n", "P 感知"].map(String::from).to_vec()];
    for i in &r.items {
        rows.push(vec![
            i.id.clone(),
            label(&i.id),
            i.answered.to_string(),
            f(i.perception),
        ]);
    }
    out.push_str(&crate::text::table(&rows));
    out.push('\n');
    let mut rows = vec![["dimension 维度", "items", "P 感知"]
        .map(String::from)
        .to_vec()];
    for d in &r.dimensions {
        rows.push(vec![
            d.dimension.to_string(),
            d.items.to_string(),
            f(d.perception),
        ]);
    }
    rows.push(vec![
        "overall 总体 (unweighted)".into(),
        String::new(),
        f(r.overall),
    ]);
    out.push_str(&crate::text::table(&rows));
    match &r.weighted {
        Some(w) => {
            let _ = writeln!(
                out,
                "\nweighted perception 加权感知 {} — {}: {}",
                f(w.perception),
                source(w.source, w.respondents),
                weights_line(&w.weights)
            );
        }
        None => out.push_str("\nweighted perception 加权感知: no weights given\n"),
    }
    out
}

fn interval(i: Option<wuye_core::survey::Interval>) -> String {
    i.map_or_else(|| "—".into(), |i| format!("{} … {}", i.low, i.high))
}

/// CSAT and NPS as text.
pub fn render_ratings(name: &str, csat: Option<&Csat>, nps: Option<&Nps>) -> String {
    let mut out = format!("Ratings 评分 — {name}\n");
    if let Some(c) = csat {
        let dist: Vec<String> = c
            .distribution
            .iter()
            .enumerate()
            .map(|(k, n)| format!("{}:{n}", c.scale.min + k as i64))
            .collect();
        let _ = writeln!(
            out,
            "\nCSAT 顾客满意度 (scale {}, top {} boxes): {} answers\n  satisfied 满意 {} = {} (95% CI {})\n  mean 均值 {}\n  distribution 分布 {}",
            c.scale,
            c.top_boxes,
            c.answers,
            c.csat.count,
            pc(c.csat.percent),
            interval(c.csat.interval),
            f(c.mean),
            dist.join(" ")
        );
    }
    if let Some(n) = nps {
        let _ = writeln!(
            out,
            "\nNPS 净推荐值 (0–10): {} answers\n  promoters 推荐者 (9–10) {} = {}, passives 被动者 (7–8) {} = {}, detractors 贬损者 (0–6) {} = {}\n  NPS {} ± {} (SE {}), 95% CI {}",
            n.answers,
            n.promoters.count,
            pc(n.promoters.percent),
            n.passives.count,
            pc(n.passives.percent),
            n.detractors.count,
            pc(n.detractors.percent),
            f(n.nps),
            f(n.margin),
            f(n.standard_error),
            interval(n.interval)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales() {
        assert_eq!(parse_scale("1-7"), Ok(Scale { min: 1, max: 7 }));
        assert_eq!(parse_scale("0-10"), Ok(Scale { min: 0, max: 10 }));
        assert_eq!(parse_scale("-3-3"), Ok(Scale { min: -3, max: 3 }));
        for bad in ["", "7", "1-", "-7", "a-b", "7-1", "1..7", "0-200"] {
            assert!(parse_scale(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn csv_kinds_and_errors() {
        let ratings = "# comment\nrespondent,csat,nps\nr1,5,10\nr2,,3\n\nr3,4,\n";
        assert_eq!(
            parse_csv("x.csv", ratings, None),
            Ok(SurveyFile::Ratings {
                csat: Some(CsatInput {
                    scale: Scale::FIVE,
                    top_boxes: 2,
                    answers: vec![5, 4]
                }),
                nps: Some(NpsInput {
                    answers: vec![10, 3]
                }),
            })
        );
        let err = |text: &str| parse_csv("x.csv", text, None).expect_err("refused");
        assert_eq!(err(""), "x.csv: no header line");
        assert_eq!(
            err("id,csat\n"),
            "x.csv:1: the first column must be `respondent`"
        );
        assert_eq!(
            err("respondent,csat,csat\n"),
            "x.csv:1: column csat appears twice"
        );
        assert_eq!(
            err("respondent,csat\nr1,5,4\n"),
            "x.csv:2: 3 fields, the header has 2"
        );
        assert_eq!(
            err("respondent,csat\nr1,five\n"),
            "x.csv:2: csat: \"five\" is not a whole number"
        );
        assert_eq!(
            err("respondent,csat\nr1,\"5\"\n"),
            "x.csv:2: quoted fields are not supported"
        );
        assert!(err("respondent,score\n").contains("unknown column \"score\""));
        assert!(err("respondent\n").contains("no survey columns"));
        assert_eq!(err("respondent,P1\n"), "x.csv:1: missing column P2");
        assert!(err("respondent,P1,csat\n").contains("not both"));
        let p: Vec<String> = (1..=22).map(|k| format!("P{k}")).collect();
        let header = format!("respondent,{},E1\n", p.join(","));
        assert_eq!(err(&header), "x.csv:1: missing column E2");
        let header = format!("respondent,{},W_tangibles\n", p.join(","));
        assert_eq!(err(&header), "x.csv:1: missing column W_reliability");
        // SERVPERF: perceptions only; a blank is no answer.
        let row = format!("r1,{}", vec!["5"; 21].join(",") + ",");
        let file = parse_csv(
            "x.csv",
            &format!("respondent,{}\n{row}\n", p.join(",")),
            None,
        );
        match file {
            Ok(SurveyFile::Servperf(input)) => {
                assert_eq!(input.responses[0].perception[21], None);
                assert_eq!(input.responses[0].perception[0], Some(5));
                assert_eq!(input.responses[0].id.as_deref(), Some("r1"));
            }
            other => panic!("{other:?}"),
        }
    }
}
