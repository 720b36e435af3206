//! SERVQUAL 服务质量差距 and SERVPERF 服务绩效: service quality as the gap between what
//! customers perceive 感知 and what they expected 期望 (Parasuraman, Zeithaml & Berry 1988),
//! over five dimensions 维度:
//!
//! | dimension | 维度 | standard items |
//! |-----------|------|----------------|
//! | `tangibles` | 有形性 | q1–q4 |
//! | `reliability` | 可靠性 | q5–q9 |
//! | `responsiveness` | 响应性 | q10–q13 |
//! | `assurance` | 保证性 | q14–q17 |
//! | `empathy` | 移情性 | q18–q22 |
//!
//! The standard 22-item layout ([`STANDARD_ITEMS`], with short Chinese and English labels)
//! is the default questionnaire; any other maps each item to one dimension and may mark items
//! reverse-coded 反向计分 (an answer `a` on `[min, max]` reads as `min + max − a`). Answers are
//! whole numbers on a [`Scale`] (default 1–7).
//!
//! Figures, each one exact fraction rounded once to [`MEAN_PLACES`] (4) places, half up:
//!
//! - per item: mean expectation E, mean perception P, gap = P − E, over the respondents
//!   who answered both the item's expectation and its perception;
//! - per dimension: the mean of its items' figures;
//! - overall (unweighted): the mean of the five dimensions' figures;
//! - weighted: Σ weight_d × gap_d / 100 with importance weights 重要性权重 — fixed weights
//!   that sum to 100, or the average of the respondents' own 100-point allocations.
//!
//! Means of means are never rounded on the way: a dimension is the exact mean of its items'
//! exact fractions and the overall the exact mean of the dimensions ([`Fraction`]). The
//! weights are shown to [`PERCENT_PLACES`] (2) places.
//!
//! SERVPERF (Cronin & Taylor 1992) scores perceptions only: the same figures for P, and the
//! overall (and weighted) perception.
//!
//! **Missing answers** 未作答 are `null` and skipped for that item only: an item's figures
//! count the respondents who answered it (for SERVQUAL, both its E and its P; `answered`
//! says how many). An item nobody answered has `null` figures, and so do its dimension, the
//! overall and the weighted figure — a figure needs all its parts, never a made-up number.
//! No responses at all: every figure is `null`.
//!
//! **Refused** ([`SurveyError`], naming the response by index and id and the item): an answer
//! outside the scale; a response whose answer lists do not match the questionnaire's length;
//! a SERVQUAL response without expectations; weights (fixed or a respondent's) that are
//! negative or do not sum to 100; fixed weights together with respondents' weights; and in
//! the questionnaire an empty item id, a duplicate id, an item mapped to no dimension or to
//! an unknown one, a dimension with no item, or more than [`MAX_ITEMS`] items.

use super::scale::Scale;
use super::SurveyError;
use crate::money::Decimal;
use crate::num::fraction::Fraction;
use crate::num::{Figure, MEAN_PLACES, PERCENT_PLACES};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

/// One of the five SERVQUAL dimensions 服务质量维度.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// 有形性: facilities, equipment, staff appearance.
    Tangibles,
    /// 可靠性: doing what was promised, dependably and accurately.
    Reliability,
    /// 响应性: willingness to help and prompt service.
    Responsiveness,
    /// 保证性: knowledge, courtesy, the trust staff inspire.
    Assurance,
    /// 移情性: caring, individual attention.
    Empathy,
}
crate::wire::unit_enum_deserialize!(Dimension {
    Tangibles = "tangibles",
    Reliability = "reliability",
    Responsiveness = "responsiveness",
    Assurance = "assurance",
    Empathy = "empathy",
});

impl Dimension {
    /// The snake_case name (英文名): `tangibles`.
    pub fn name(self) -> &'static str {
        match self {
            Dimension::Tangibles => "tangibles",
            Dimension::Reliability => "reliability",
            Dimension::Responsiveness => "responsiveness",
            Dimension::Assurance => "assurance",
            Dimension::Empathy => "empathy",
        }
    }

    /// The Chinese name: 有形性.
    pub fn zh(self) -> &'static str {
        match self {
            Dimension::Tangibles => "有形性",
            Dimension::Reliability => "可靠性",
            Dimension::Responsiveness => "响应性",
            Dimension::Assurance => "保证性",
            Dimension::Empathy => "移情性",
        }
    }

    /// Parses the snake_case name (英文名).
    pub fn parse(s: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.name() == s)
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.name(), self.zh())
    }
}

/// An item 题项 of the standard 22-item questionnaire, with short labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StandardItem {
    /// `q1` … `q22`.
    pub id: &'static str,
    /// Its dimension.
    pub dimension: Dimension,
    /// Short Chinese label.
    pub zh: &'static str,
    /// Short English label.
    pub en: &'static str,
}

const fn std_item(
    id: &'static str,
    dimension: Dimension,
    zh: &'static str,
    en: &'static str,
) -> StandardItem {
    StandardItem {
        id,
        dimension,
        zh,
        en,
    }
}

/// The standard 22-item SERVQUAL layout 标准 22 题问卷 (Parasuraman, Zeithaml & Berry 1988, revised):
/// tangibles q1–q4, reliability q5–q9, responsiveness q10–q13, assurance q14–q17, empathy
/// q18–q22. None is reverse-coded.
pub const STANDARD_ITEMS: [StandardItem; 22] = {
    use Dimension::*;
    [
        std_item("q1", Tangibles, "设备现代化", "modern equipment"),
        std_item("q2", Tangibles, "设施美观", "appealing facilities"),
        std_item("q3", Tangibles, "员工仪表整洁", "neat staff"),
        std_item("q4", Tangibles, "资料清晰美观", "appealing materials"),
        std_item("q5", Reliability, "兑现承诺", "keeps promises"),
        std_item("q6", Reliability, "真诚解决问题", "sincere problem solving"),
        std_item("q7", Reliability, "一次做好", "right the first time"),
        std_item("q8", Reliability, "按时服务", "on time as promised"),
        std_item("q9", Reliability, "记录准确", "error-free records"),
        std_item(
            "q10",
            Responsiveness,
            "告知服务时间",
            "says when service happens",
        ),
        std_item("q11", Responsiveness, "迅速服务", "prompt service"),
        std_item("q12", Responsiveness, "乐于帮助", "willing to help"),
        std_item(
            "q13",
            Responsiveness,
            "再忙也回应",
            "never too busy to respond",
        ),
        std_item("q14", Assurance, "值得信赖", "instils confidence"),
        std_item("q15", Assurance, "让人安心", "feel safe"),
        std_item("q16", Assurance, "始终礼貌", "courteous"),
        std_item("q17", Assurance, "专业知识", "knowledge to answer"),
        std_item("q18", Empathy, "个别关照", "individual attention"),
        std_item("q19", Empathy, "时间方便", "convenient hours"),
        std_item("q20", Empathy, "个人关心", "personal attention"),
        std_item("q21", Empathy, "以客户利益为重", "best interests at heart"),
        std_item("q22", Empathy, "理解具体需求", "understands specific needs"),
    ]
};

/// An item of a questionnaire 问卷题项: `{"id":"q1","dimension":"tangibles","reverse":false}`.
/// `dimension` is one of the five names; it is text so that an item with none or an unknown
/// one is refused with the item named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
// A name of its own in the schema, apart from the contract's envelope names.
#[cfg_attr(feature = "schema", schemars(rename = "SurveyItem"))]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Unique id; answer lists follow the order of the items.
    pub id: String,
    /// `tangibles`, `reliability`, `responsiveness`, `assurance` or `empathy`.
    #[serde(default)]
    pub dimension: String,
    /// Reverse-coded 反向计分: an answer `a` reads as `min + max − a` (default false).
    #[serde(default)]
    pub reverse: bool,
}

impl Item {
    /// An item 题项 of a dimension.
    pub fn new(id: impl Into<String>, dimension: Dimension, reverse: bool) -> Item {
        Item {
            id: id.into(),
            dimension: dimension.name().to_owned(),
            reverse,
        }
    }
}

/// The standard 22 items 标准问卷 as a questionnaire ([`STANDARD_ITEMS`]).
pub fn standard_items() -> Vec<Item> {
    STANDARD_ITEMS
        .iter()
        .map(|s| Item::new(s.id, s.dimension, false))
        .collect()
}

/// Importance weights 重要性权重 of the five dimensions, points out of 100 (decimal strings):
/// `{"tangibles":"10","reliability":"30","responsiveness":"25","assurance":"20","empathy":"15"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Weights {
    /// 有形性.
    pub tangibles: Decimal,
    /// 可靠性.
    pub reliability: Decimal,
    /// 响应性.
    pub responsiveness: Decimal,
    /// 保证性.
    pub assurance: Decimal,
    /// 移情性.
    pub empathy: Decimal,
}

impl Weights {
    /// The weight 权重 of a dimension.
    pub fn get(&self, d: Dimension) -> Decimal {
        match d {
            Dimension::Tangibles => self.tangibles,
            Dimension::Reliability => self.reliability,
            Dimension::Responsiveness => self.responsiveness,
            Dimension::Assurance => self.assurance,
            Dimension::Empathy => self.empathy,
        }
    }

    /// Refuses 拒绝 a negative weight or a sum other than 100. `at` names the weights.
    pub fn validate(&self, at: &str) -> Result<(), SurveyError> {
        let mut sum = Decimal::ZERO;
        for d in Dimension::ALL {
            let w = self.get(d);
            if w.is_negative() {
                return Err(SurveyError::invalid(
                    at,
                    format!("weight of {} is negative ({w})", d.name()),
                ));
            }
            sum = sum.checked_add(w).map_err(|_| SurveyError::overflow(at))?;
        }
        if sum != Decimal::from_int(100) {
            return Err(SurveyError::invalid(
                at,
                format!("weights sum to {sum}, not 100"),
            ));
        }
        Ok(())
    }
}

/// One respondent's answers 答卷: `{"id":"r01","expectation":[6,7,null,…],"perception":[5,…],
/// "weights":{…}}`. Lists follow the order of the questionnaire's items; `null` is an
/// unanswered item. `id` and `weights` are optional; SERVPERF needs no `expectation`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
// A name of its own in the schema, apart from the contract's envelope names.
#[cfg_attr(feature = "schema", schemars(rename = "SurveyResponse"))]
#[serde(deny_unknown_fields)]
pub struct Response {
    /// The respondent, for messages (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Expectations 期望, one per item (SERVQUAL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expectation: Option<Vec<Option<i64>>>,
    /// Perceptions 感知, one per item.
    pub perception: Vec<Option<i64>>,
    /// The respondent's 100-point allocation across the five dimensions (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weights: Option<Weights>,
}

/// A SERVQUAL or SERVPERF survey 问卷调查: `{"scale":{"min":1,"max":7},"items":[…],"weights":{…},
/// "responses":[…]}`. `scale` defaults to 1–7, `items` to the standard 22, `weights` (fixed
/// importance weights) to none.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SurveyInput {
    /// The answer scale (default 1–7).
    #[serde(default = "Scale::seven")]
    pub scale: Scale,
    /// The questionnaire (default the standard 22 items).
    #[serde(default = "standard_items")]
    pub items: Vec<Item>,
    /// Fixed importance weights summing to 100 (else the respondents' own, if any).
    #[serde(default)]
    pub weights: Option<Weights>,
    /// The responses, one per respondent.
    pub responses: Vec<Response>,
}

/// Where the weights 权重来源 of a weighted figure came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum WeightSource {
    /// Fixed weights given with the survey.
    Fixed,
    /// The average of the respondents' own allocations.
    Respondents,
}

/// The five weights used 所用权重, in points of 100 (2 places, half up).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WeightFigures {
    /// 有形性.
    pub tangibles: Figure,
    /// 可靠性.
    pub reliability: Figure,
    /// 响应性.
    pub responsiveness: Figure,
    /// 保证性.
    pub assurance: Figure,
    /// 移情性.
    pub empathy: Figure,
}

/// One item's SERVQUAL figures 题项差距.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ItemGap {
    /// The item.
    pub id: String,
    /// Its dimension.
    pub dimension: Dimension,
    /// Respondents who answered both its expectation and its perception.
    pub answered: u64,
    /// Mean expectation 期望均值.
    pub expectation: Option<Figure>,
    /// Mean perception 感知均值.
    pub perception: Option<Figure>,
    /// Perception − expectation 差距.
    pub gap: Option<Figure>,
}

/// One dimension's SERVQUAL figures 维度差距: means of its items'.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DimensionGap {
    /// The dimension.
    pub dimension: Dimension,
    /// Its items in the questionnaire.
    pub items: u64,
    /// Mean of the items' mean expectations.
    pub expectation: Option<Figure>,
    /// Mean of the items' mean perceptions.
    pub perception: Option<Figure>,
    /// Mean of the items' gaps (= perception − expectation).
    pub gap: Option<Figure>,
}

/// The unweighted overall 总体差距: the mean of the five dimensions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OverallGap {
    /// Mean of the dimensions' expectations.
    pub expectation: Option<Figure>,
    /// Mean of the dimensions' perceptions.
    pub perception: Option<Figure>,
    /// Mean of the dimensions' gaps.
    pub gap: Option<Figure>,
}

/// The importance-weighted overall gap 加权差距.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WeightedGap {
    /// Fixed or the respondents'.
    pub source: WeightSource,
    /// Respondents whose allocations were averaged (0 for fixed weights).
    pub respondents: u64,
    /// The weights used.
    pub weights: WeightFigures,
    /// Σ weight_d × gap_d / 100.
    pub gap: Option<Figure>,
}

/// A SERVQUAL report 服务质量差距分析.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ServqualReport {
    /// Responses scored.
    pub respondents: u64,
    /// The scale.
    pub scale: Scale,
    /// Per item, in questionnaire order.
    pub items: Vec<ItemGap>,
    /// Per dimension, in the standard order.
    pub dimensions: Vec<DimensionGap>,
    /// The unweighted overall.
    pub overall: OverallGap,
    /// The weighted overall gap; `null` when there are no weights.
    pub weighted: Option<WeightedGap>,
}

/// One item's SERVPERF figure 题项感知.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ItemPerception {
    /// The item.
    pub id: String,
    /// Its dimension.
    pub dimension: Dimension,
    /// Respondents who answered its perception.
    pub answered: u64,
    /// Mean perception 感知均值.
    pub perception: Option<Figure>,
}

/// One dimension's SERVPERF figure 维度感知.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DimensionPerception {
    /// The dimension.
    pub dimension: Dimension,
    /// Its items in the questionnaire.
    pub items: u64,
    /// Mean of the items' mean perceptions.
    pub perception: Option<Figure>,
}

/// The importance-weighted overall perception 加权感知.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WeightedPerception {
    /// Fixed or the respondents'.
    pub source: WeightSource,
    /// Respondents whose allocations were averaged (0 for fixed weights).
    pub respondents: u64,
    /// The weights used.
    pub weights: WeightFigures,
    /// Σ weight_d × perception_d / 100.
    pub perception: Option<Figure>,
}

/// A SERVPERF report 服务绩效分析: perceptions only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ServperfReport {
    /// Responses scored.
    pub respondents: u64,
    /// The scale.
    pub scale: Scale,
    /// Per item, in questionnaire order.
    pub items: Vec<ItemPerception>,
    /// Per dimension, in the standard order.
    pub dimensions: Vec<DimensionPerception>,
    /// The mean of the five dimensions' perceptions.
    pub overall: Option<Figure>,
    /// The weighted overall perception; `null` when there are no weights.
    pub weighted: Option<WeightedPerception>,
}

/// A validated questionnaire item.
struct Checked<'a> {
    id: &'a str,
    dimension: Dimension,
    reverse: bool,
}

/// Most items 题项上限 a questionnaire or an index may have. Item means have unrelated
/// denominators, so a mean of means grows by one denominator per item; the cap keeps every
/// exact fraction small (a few thousand bits at most).
pub const MAX_ITEMS: usize = 200;

fn check_items(items: &[Item]) -> Result<Vec<Checked<'_>>, SurveyError> {
    if items.len() > MAX_ITEMS {
        return Err(SurveyError::invalid(
            "items",
            format!("{} items; at most {MAX_ITEMS}", items.len()),
        ));
    }
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = || format!("items[{i}] ({})", item.id);
        if item.id.is_empty() {
            return Err(SurveyError::invalid(format!("items[{i}]"), "empty item id"));
        }
        if !seen.insert(item.id.as_str()) {
            return Err(SurveyError::invalid(at(), "duplicate item id"));
        }
        if item.dimension.is_empty() {
            return Err(SurveyError::invalid(at(), "mapped to no dimension"));
        }
        let dimension = Dimension::parse(&item.dimension).ok_or_else(|| {
            SurveyError::invalid(
                at(),
                format!(
                    "unknown dimension {:?}; expected tangibles, reliability, responsiveness, assurance or empathy",
                    item.dimension
                ),
            )
        })?;
        out.push(Checked {
            id: &item.id,
            dimension,
            reverse: item.reverse,
        });
    }
    for d in Dimension::ALL {
        if !out.iter().any(|c| c.dimension == d) {
            return Err(SurveyError::invalid(
                "items",
                format!("dimension {d} has no item"),
            ));
        }
    }
    Ok(out)
}

fn who(i: usize, r: &Response) -> String {
    match &r.id {
        Some(id) => format!("responses[{i}] ({id})"),
        None => format!("responses[{i}]"),
    }
}

/// Checks one answer list against the questionnaire and the scale; returns the coded
/// answers (reverse-coded items turned round).
fn coded(
    scale: &Scale,
    items: &[Checked<'_>],
    answers: &[Option<i64>],
    respondent: &str,
    what: &str,
) -> Result<Vec<Option<i64>>, SurveyError> {
    if answers.len() != items.len() {
        return Err(SurveyError::invalid(
            respondent,
            format!("{} {what} answers for {} items", answers.len(), items.len()),
        ));
    }
    items
        .iter()
        .zip(answers)
        .map(|(item, a)| match a {
            None => Ok(None),
            Some(a) => {
                let a = scale.check(*a, || format!("{respondent}, item {}", item.id), what)?;
                Ok(Some(if item.reverse { scale.reversed(a) } else { a }))
            }
        })
        .collect()
}

/// Per-item sums.
#[derive(Default, Clone, Copy)]
struct Tally {
    sum_e: i128,
    sum_p: i128,
    n: u64,
}

/// Exact weights as fractions of 1 (each weight / 100), with their figures.
struct Importance {
    source: WeightSource,
    respondents: u64,
    shares: [Fraction; 5],
    figures: WeightFigures,
}

fn decimal_fraction(d: Decimal) -> Option<Fraction> {
    Fraction::new(d.mantissa(), crate::num::pow10(d.scale())?)
}

/// The weights to use: fixed, or averaged over the respondents who gave theirs, or none.
fn importance(input: &SurveyInput) -> Result<Option<Importance>, SurveyError> {
    let given: Vec<(usize, &Response)> = input
        .responses
        .iter()
        .enumerate()
        .filter(|(_, r)| r.weights.is_some())
        .collect();
    let (source, respondents, totals) = match (&input.weights, given.first()) {
        (Some(_), Some((i, r))) => {
            return Err(SurveyError::invalid(
                "weights",
                format!(
                "fixed weights are given and {} carries weights of its own: give one or the other",
                who(*i, r)
            ),
            ))
        }
        (None, None) => return Ok(None),
        (Some(w), None) => {
            w.validate("weights")?;
            (WeightSource::Fixed, 0u64, *w)
        }
        (None, Some(_)) => {
            let mut sum = [Decimal::ZERO; 5];
            for (i, r) in &given {
                let Some(w) = &r.weights else { continue };
                w.validate(&format!("{} weights", who(*i, r)))?;
                for d in Dimension::ALL {
                    sum[d.index()] = sum[d.index()]
                        .checked_add(w.get(d))
                        .map_err(|_| SurveyError::overflow("weights"))?;
                }
            }
            let [tangibles, reliability, responsiveness, assurance, empathy] = sum;
            (
                WeightSource::Respondents,
                given.len() as u64,
                Weights {
                    tangibles,
                    reliability,
                    responsiveness,
                    assurance,
                    empathy,
                },
            )
        }
    };
    // The weight of d is totals_d / m points (m = 1 for fixed weights); its share of 1 is
    // totals_d / (100 m).
    let m = i128::from(respondents.max(1));
    let overflow = || SurveyError::overflow("weights");
    let mut shares: [Fraction; 5] = std::array::from_fn(|_| Fraction::zero());
    let mut figs = [Figure::new(0, PERCENT_PLACES); 5];
    for d in Dimension::ALL {
        let points = decimal_fraction(totals.get(d))
            .and_then(|f| f.scale(1, m))
            .ok_or_else(overflow)?;
        figs[d.index()] = points.figure(PERCENT_PLACES).ok_or_else(overflow)?;
        shares[d.index()] = points.scale(1, 100).ok_or_else(overflow)?;
    }
    let [tangibles, reliability, responsiveness, assurance, empathy] = figs;
    Ok(Some(Importance {
        source,
        respondents,
        shares,
        figures: WeightFigures {
            tangibles,
            reliability,
            responsiveness,
            assurance,
            empathy,
        },
    }))
}

/// The mean of all parts, or `None` if any is missing (or there are none).
fn mean_of_all(parts: &[Option<Fraction>]) -> Option<Fraction> {
    let all: Option<Vec<&Fraction>> = parts.iter().map(Option::as_ref).collect();
    Fraction::mean(all?)
}

/// Σ share_d × value_d, or `None` if any value is missing.
fn weighted(shares: &[Fraction; 5], values: &[Option<Fraction>]) -> Option<Fraction> {
    let mut sum = Fraction::zero();
    for (s, v) in shares.iter().zip(values) {
        sum = sum.add(&s.mul(v.as_ref()?));
    }
    Some(sum)
}

fn fig(f: &Option<Fraction>) -> Result<Option<Figure>, SurveyError> {
    match f {
        None => Ok(None),
        Some(f) => f
            .figure(MEAN_PLACES)
            .map(Some)
            .ok_or_else(|| SurveyError::overflow("a mean")),
    }
}

/// Item fractions grouped per dimension, in the standard order.
fn per_dimension(items: &[Checked<'_>], values: &[Option<Fraction>]) -> [Vec<Option<Fraction>>; 5] {
    let mut out: [Vec<Option<Fraction>>; 5] = Default::default();
    for (item, v) in items.iter().zip(values) {
        out[item.dimension.index()].push(v.clone());
    }
    out
}

/// Validates the questionnaire, scale and every response; tallies each item. With
/// `paired`, an item counts a respondent only when both E and P are answered (SERVQUAL);
/// otherwise P alone (SERVPERF).
fn tally<'a>(
    input: &'a SurveyInput,
    paired: bool,
) -> Result<(Vec<Checked<'a>>, Vec<Tally>), SurveyError> {
    input.scale.validate("scale")?;
    let items = check_items(&input.items)?;
    let mut tallies = vec![Tally::default(); items.len()];
    for (i, r) in input.responses.iter().enumerate() {
        let name = who(i, r);
        let p = coded(&input.scale, &items, &r.perception, &name, "perception")?;
        let e = match &r.expectation {
            Some(e) => Some(coded(&input.scale, &items, e, &name, "expectation")?),
            None if paired => {
                return Err(SurveyError::invalid(
                    name,
                    "no expectation answers: SERVQUAL needs expectations and perceptions",
                ))
            }
            None => None,
        };
        for (k, t) in tallies.iter_mut().enumerate() {
            let pk = p.get(k).copied().flatten();
            let ek = e.as_ref().and_then(|e| e.get(k).copied().flatten());
            match (pk, ek) {
                (Some(pv), Some(ev)) if paired => {
                    t.sum_p += i128::from(pv);
                    t.sum_e += i128::from(ev);
                    t.n += 1;
                }
                (Some(pv), _) if !paired => {
                    t.sum_p += i128::from(pv);
                    t.n += 1;
                }
                _ => {}
            }
        }
    }
    Ok((items, tallies))
}

/// Scores a SERVQUAL survey 服务质量差距. See the module documentation for the figures, the
/// treatment of missing answers and what is refused.
pub fn servqual(input: &SurveyInput) -> Result<ServqualReport, SurveyError> {
    let (items, tallies) = tally(input, true)?;
    let importance = importance(input)?;
    let frac = |s: i128, n: u64| Fraction::new(s, i128::from(n));
    let e: Vec<Option<Fraction>> = tallies.iter().map(|t| frac(t.sum_e, t.n)).collect();
    let p: Vec<Option<Fraction>> = tallies.iter().map(|t| frac(t.sum_p, t.n)).collect();
    let g: Vec<Option<Fraction>> = tallies
        .iter()
        .map(|t| frac(t.sum_p - t.sum_e, t.n))
        .collect();
    let mut item_out = Vec::with_capacity(items.len());
    for (k, item) in items.iter().enumerate() {
        item_out.push(ItemGap {
            id: item.id.to_owned(),
            dimension: item.dimension,
            answered: tallies[k].n,
            expectation: fig(&e[k])?,
            perception: fig(&p[k])?,
            gap: fig(&g[k])?,
        });
    }
    let (de, dp, dg) = (
        per_dimension(&items, &e),
        per_dimension(&items, &p),
        per_dimension(&items, &g),
    );
    let dim_e: Vec<Option<Fraction>> = de.iter().map(|v| mean_of_all(v)).collect();
    let dim_p: Vec<Option<Fraction>> = dp.iter().map(|v| mean_of_all(v)).collect();
    let dim_g: Vec<Option<Fraction>> = dg.iter().map(|v| mean_of_all(v)).collect();
    let mut dimensions = Vec::with_capacity(5);
    for d in Dimension::ALL {
        let k = d.index();
        dimensions.push(DimensionGap {
            dimension: d,
            items: dg[k].len() as u64,
            expectation: fig(&dim_e[k])?,
            perception: fig(&dim_p[k])?,
            gap: fig(&dim_g[k])?,
        });
    }
    let overall = OverallGap {
        expectation: fig(&mean_of_all(&dim_e))?,
        perception: fig(&mean_of_all(&dim_p))?,
        gap: fig(&mean_of_all(&dim_g))?,
    };
    let weighted = match importance {
        None => None,
        Some(w) => Some(WeightedGap {
            source: w.source,
            respondents: w.respondents,
            gap: fig(&weighted(&w.shares, &dim_g))?,
            weights: w.figures,
        }),
    };
    Ok(ServqualReport {
        respondents: input.responses.len() as u64,
        scale: input.scale,
        items: item_out,
        dimensions,
        overall,
        weighted,
    })
}

/// Scores a SERVPERF survey 服务绩效: perceptions only. Expectations, when given, are
/// checked like perceptions but not used.
pub fn servperf(input: &SurveyInput) -> Result<ServperfReport, SurveyError> {
    let (items, tallies) = tally(input, false)?;
    let importance = importance(input)?;
    let p: Vec<Option<Fraction>> = tallies
        .iter()
        .map(|t| Fraction::new(t.sum_p, i128::from(t.n)))
        .collect();
    let mut item_out = Vec::with_capacity(items.len());
    for (k, item) in items.iter().enumerate() {
        item_out.push(ItemPerception {
            id: item.id.to_owned(),
            dimension: item.dimension,
            answered: tallies[k].n,
            perception: fig(&p[k])?,
        });
    }
    let dp = per_dimension(&items, &p);
    let dim_p: Vec<Option<Fraction>> = dp.iter().map(|v| mean_of_all(v)).collect();
    let mut dimensions = Vec::with_capacity(5);
    for d in Dimension::ALL {
        dimensions.push(DimensionPerception {
            dimension: d,
            items: dp[d.index()].len() as u64,
            perception: fig(&dim_p[d.index()])?,
        });
    }
    let weighted = match importance {
        None => None,
        Some(w) => Some(WeightedPerception {
            source: w.source,
            respondents: w.respondents,
            perception: fig(&weighted(&w.shares, &dim_p))?,
            weights: w.figures,
        }),
    };
    Ok(ServperfReport {
        respondents: input.responses.len() as u64,
        scale: input.scale,
        items: item_out,
        dimensions,
        overall: fig(&mean_of_all(&dim_p))?,
        weighted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every unit-only enum here reads back the names its `Serialize` writes.
    #[test]
    fn unit_enums_read_their_own_names() {
        crate::wire::assert_round_trip(Dimension::ALL);
    }

    fn s(f: Option<Figure>) -> String {
        f.map_or("null".into(), |f| f.to_string())
    }

    fn w(t: &str, r: &str, sr: &str, a: &str, e: &str) -> Weights {
        let d = |x: &str| x.parse::<Decimal>().expect("decimal");
        Weights {
            tangibles: d(t),
            reliability: d(r),
            responsiveness: d(sr),
            assurance: d(a),
            empathy: d(e),
        }
    }

    fn resp(e: &[Option<i64>], p: &[Option<i64>], weights: Option<Weights>) -> Response {
        Response {
            id: None,
            expectation: Some(e.to_vec()),
            perception: p.to_vec(),
            weights,
        }
    }

    /// Six items, one reverse-coded, three respondents (one skips r2's perception).
    fn small() -> SurveyInput {
        use Dimension::*;
        let x = Some;
        SurveyInput {
            scale: Scale::SEVEN,
            items: vec![
                Item::new("t1", Tangibles, false),
                Item::new("r1", Reliability, false),
                Item::new("r2", Reliability, false),
                Item::new("s1", Responsiveness, false),
                Item::new("a1", Assurance, false),
                Item::new("e1", Empathy, true),
            ],
            weights: None,
            responses: vec![
                resp(
                    &[x(6), x(7), x(6), x(6), x(5), x(3)],
                    &[x(5), x(6), x(6), x(4), x(5), x(4)],
                    Some(w("10", "30", "25", "20", "15")),
                ),
                resp(
                    &[x(7), x(7), x(5), x(6), x(6), x(2)],
                    &[x(6), x(5), None, x(5), x(6), x(2)],
                    Some(w("20", "20", "20", "20", "20")),
                ),
                resp(
                    &[x(5), x(6), x(7), x(7), x(6), x(1)],
                    &[x(5), x(7), x(5), x(6), x(6), x(3)],
                    None,
                ),
            ],
        }
    }

    #[test]
    fn six_items_by_hand() {
        // e1 is reverse-coded on 1–7 (a → 8 − a): E 3,2,1 → 5,6,7; P 4,2,3 → 4,6,5.
        // Item     E              P             gap      n
        // t1  18/3 = 6       16/3 = 5.3333   −2/3       3
        // r1  20/3 = 6.6667  18/3 = 6        −2/3       3
        // r2  13/2 = 6.5     11/2 = 5.5      −1         2 (B skipped P, so B's E is left out too)
        // s1  19/3 = 6.3333  15/3 = 5        −4/3       3
        // a1  17/3 = 5.6667  17/3            0          3
        // e1  18/3 = 6       15/3 = 5        −1         3
        let r = servqual(&small()).expect("valid");
        let items: Vec<(String, u64, String, String, String)> = r
            .items
            .iter()
            .map(|i| {
                (
                    i.id.clone(),
                    i.answered,
                    s(i.expectation),
                    s(i.perception),
                    s(i.gap),
                )
            })
            .collect();
        let want = [
            ("t1", 3, "6.0000", "5.3333", "-0.6667"),
            ("r1", 3, "6.6667", "6.0000", "-0.6667"),
            ("r2", 2, "6.5000", "5.5000", "-1.0000"),
            ("s1", 3, "6.3333", "5.0000", "-1.3333"),
            ("a1", 3, "5.6667", "5.6667", "0.0000"),
            ("e1", 3, "6.0000", "5.0000", "-1.0000"),
        ];
        for (got, want) in items.iter().zip(want) {
            assert_eq!(
                (
                    got.0.as_str(),
                    got.1,
                    got.2.as_str(),
                    got.3.as_str(),
                    got.4.as_str()
                ),
                want
            );
        }
        // Reliability: E (20/3 + 13/2)/2 = 79/12 = 6.58333…; P (6 + 11/2)/2 = 23/4;
        // gap (−2/3 − 1)/2 = −5/6.
        let dims: Vec<(String, String, String)> = r
            .dimensions
            .iter()
            .map(|d| (s(d.expectation), s(d.perception), s(d.gap)))
            .collect();
        assert_eq!(
            dims,
            [
                ("6.0000", "5.3333", "-0.6667"),
                ("6.5833", "5.7500", "-0.8333"),
                ("6.3333", "5.0000", "-1.3333"),
                ("5.6667", "5.6667", "0.0000"),
                ("6.0000", "5.0000", "-1.0000"),
            ]
            .map(|(a, b, c)| (a.to_owned(), b.to_owned(), c.to_owned()))
        );
        assert_eq!(r.dimensions[1].items, 2);
        // Overall E = (72 + 79 + 76 + 68 + 72)/12/5 = 367/60 = 6.11666…;
        // P = (64 + 69 + 60 + 68 + 60)/12/5 = 321/60 = 5.35; gap = −46/60 = −23/30 = −0.76666….
        assert_eq!(
            (
                s(r.overall.expectation),
                s(r.overall.perception),
                s(r.overall.gap)
            ),
            ("6.1167".into(), "5.3500".into(), "-0.7667".into())
        );
        // Respondents' weights, averaged over the two who gave them: T (10+20)/2 = 15,
        // R 25, S 22.5, A 20, E 17.5. Weighted gap = (15·(−2/3) + 25·(−5/6) + 22.5·(−4/3)
        // + 20·0 + 17.5·(−1))/100 = (−10 − 125/6 − 30 − 17.5)/100 = −235/300 = −0.78333….
        let wg = r.weighted.expect("weights");
        assert_eq!((wg.source, wg.respondents), (WeightSource::Respondents, 2));
        assert_eq!(
            [
                wg.weights.tangibles,
                wg.weights.reliability,
                wg.weights.responsiveness,
                wg.weights.assurance,
                wg.weights.empathy
            ]
            .map(|f| f.to_string()),
            ["15.00", "25.00", "22.50", "20.00", "17.50"]
        );
        assert_eq!(s(wg.gap), "-0.7833");
    }

    #[test]
    fn servperf_on_the_same_answers() {
        // Perceptions only, every P answer counted: the same item means (B's r2 is null).
        // Overall 321/60 = 5.35. Weighted (15·16/3 + 25·23/4 + 22.5·5 + 20·17/3 + 17.5·5)/100
        // = (80 + 143.75 + 112.5 + 113.3333… + 87.5)/100 = 537.0833…/100 = 5.370833….
        let r = servperf(&small()).expect("valid");
        assert_eq!(r.items[2].answered, 2);
        assert_eq!(s(r.items[2].perception), "5.5000");
        assert_eq!(s(r.dimensions[1].perception), "5.7500");
        assert_eq!(s(r.overall), "5.3500");
        assert_eq!(s(r.weighted.expect("weights").perception), "5.3708");
        // SERVPERF needs no expectations.
        let mut input = small();
        for r in &mut input.responses {
            r.expectation = None;
        }
        assert_eq!(servperf(&input).map(|r| s(r.overall)), Ok("5.3500".into()));
        assert!(servqual(&input).is_err());
    }

    #[test]
    fn the_overall_is_not_a_mean_of_rounded_dimensions() {
        // Three respondents, one item per dimension, every answer given.
        // Gaps: t (5+6+1 − (2+1+5))/3 = 4/3, r (6+1+6 − (7+2+4))/3 = 0,
        // s (7+1+6 − (3+6+4))/3 = 1/3, a (3+6+3 − (4+3+7))/3 = −2/3, e (4+7+7 − (6+6+2))/3 = 4/3.
        // Exact overall (4/3 + 0 + 1/3 − 2/3 + 4/3)/5 = 7/15 = 0.46666… → 0.4667; from the
        // rounded dimensions it would be (1.3333 + 0 + 0.3333 − 0.6667 + 1.3333)/5 = 0.46664
        // → 0.4666.
        use Dimension::*;
        let x = |v: [i64; 5]| v.map(Some).to_vec();
        let input = SurveyInput {
            scale: Scale::SEVEN,
            items: vec![
                Item::new("t", Tangibles, false),
                Item::new("r", Reliability, false),
                Item::new("s", Responsiveness, false),
                Item::new("a", Assurance, false),
                Item::new("e", Empathy, false),
            ],
            weights: None,
            responses: vec![
                resp(&x([2, 7, 3, 4, 6]), &x([5, 6, 7, 3, 4]), None),
                resp(&x([1, 2, 6, 3, 6]), &x([6, 1, 1, 6, 7]), None),
                resp(&x([5, 4, 4, 7, 2]), &x([1, 6, 6, 3, 7]), None),
            ],
        };
        let r = servqual(&input).expect("valid");
        assert_eq!(
            r.dimensions.iter().map(|d| s(d.gap)).collect::<Vec<_>>(),
            ["1.3333", "0.0000", "0.3333", "-0.6667", "1.3333"]
        );
        assert_eq!(s(r.overall.gap), "0.4667");
        assert!(r.weighted.is_none());
    }

    #[test]
    fn fixed_weights() {
        // Weights 10/40/10/30/10 on the six-item survey's gaps:
        // (10·(−2/3) + 40·(−5/6) + 10·(−4/3) + 30·0 + 10·(−1))/100
        // = (−20/3 − 100/3 − 40/3 − 10)/100 = (−190/3)/100 = −19/30 = −0.63333….
        let mut input = small();
        for r in &mut input.responses {
            r.weights = None;
        }
        input.weights = Some(w("10", "40", "10", "30", "10"));
        let wg = servqual(&input).expect("valid").weighted.expect("weights");
        assert_eq!((wg.source, wg.respondents), (WeightSource::Fixed, 0));
        assert_eq!(s(wg.gap), "-0.6333");
        assert_eq!(wg.weights.reliability.to_string(), "40.00");
    }

    #[test]
    fn the_standard_questionnaire() {
        assert_eq!(STANDARD_ITEMS.len(), 22);
        let count = |d: Dimension| STANDARD_ITEMS.iter().filter(|i| i.dimension == d).count();
        assert_eq!(Dimension::ALL.map(count), [4, 5, 4, 4, 5]);
        assert_eq!(STANDARD_ITEMS[4].id, "q5");
        assert_eq!(STANDARD_ITEMS[4].dimension, Dimension::Reliability);
        assert_eq!(STANDARD_ITEMS[17].dimension, Dimension::Empathy);
        // One respondent answering 6 for every expectation and 5 for every perception:
        // every gap −1.
        let input = SurveyInput {
            scale: Scale::SEVEN,
            items: standard_items(),
            weights: None,
            responses: vec![resp(&[Some(6); 22], &[Some(5); 22], None)],
        };
        let r = servqual(&input).expect("valid");
        assert_eq!(r.items.len(), 22);
        assert_eq!(s(r.overall.gap), "-1.0000");
        assert_eq!(
            r.dimensions.iter().map(|d| d.items).collect::<Vec<_>>(),
            [4, 5, 4, 4, 5]
        );
        assert_eq!(Dimension::Empathy.to_string(), "empathy 移情性");
    }

    #[test]
    fn no_responses_and_unanswered_items_are_no_data() {
        let mut input = small();
        input.responses.clear();
        let r = servqual(&input).expect("valid");
        assert_eq!(r.respondents, 0);
        assert!(r.items.iter().all(|i| i.gap.is_none() && i.answered == 0));
        assert_eq!((r.overall.gap, r.weighted), (None, None));
        // Nobody answers r2's perception: r2, reliability, the overall and the weighted
        // gap are null; the other dimensions still have figures.
        let mut input = small();
        for r in &mut input.responses {
            r.perception[2] = None;
        }
        let r = servqual(&input).expect("valid");
        assert_eq!(r.items[2].gap, None);
        assert_eq!(r.dimensions[1].gap, None);
        assert_eq!(s(r.dimensions[0].gap), "-0.6667");
        assert_eq!(r.overall.gap, None);
        assert_eq!(r.weighted.map(|w| w.gap), Some(None));
    }

    #[test]
    fn refusals_name_the_respondent_and_the_item() {
        let err = |f: &dyn Fn(&mut SurveyInput)| {
            let mut input = small();
            input.responses[1].id = Some("1-2-301".into());
            f(&mut input);
            servqual(&input).expect_err("refused").to_string()
        };
        assert_eq!(
            err(&|i| i.responses[1].perception[3] = Some(8)),
            "responses[1] (1-2-301), item s1: perception 8 is outside the scale 1–7"
        );
        assert_eq!(
            err(&|i| i.responses[0].expectation = Some(vec![Some(0); 6])),
            "responses[0], item t1: expectation 0 is outside the scale 1–7"
        );
        assert_eq!(
            err(&|i| i.responses[1].perception.pop().map(drop).unwrap_or(())),
            "responses[1] (1-2-301): 5 perception answers for 6 items"
        );
        assert_eq!(
            err(&|i| i.responses[1].expectation = None),
            "responses[1] (1-2-301): no expectation answers: SERVQUAL needs expectations and perceptions"
        );
        assert_eq!(
            err(&|i| i.responses[1].weights = Some(w("20", "20", "20", "20", "15"))),
            "responses[1] (1-2-301) weights: weights sum to 95, not 100"
        );
        assert_eq!(
            err(&|i| i.responses[0].weights = Some(w("-10", "40", "30", "20", "20"))),
            "responses[0] weights: weight of tangibles is negative (-10)"
        );
        assert_eq!(
            err(&|i| i.weights = Some(w("20", "20", "20", "20", "20"))),
            "weights: fixed weights are given and responses[0] carries weights of its own: give one or the other"
        );
        assert_eq!(
            err(&|i| i.items[2].id = "r1".into()),
            "items[2] (r1): duplicate item id"
        );
        assert_eq!(
            err(&|i| i.items[2].dimension = String::new()),
            "items[2] (r2): mapped to no dimension"
        );
        assert_eq!(
            err(&|i| i.items[2].dimension = "reliable".into()),
            "items[2] (r2): unknown dimension \"reliable\"; expected tangibles, reliability, responsiveness, assurance or empathy"
        );
        assert_eq!(
            err(&|i| i.items[5].dimension = "assurance".into()),
            "items: dimension empathy 移情性 has no item"
        );
        assert_eq!(
            err(&|i| i.items[0].id = String::new()),
            "items[0]: empty item id"
        );
        assert_eq!(
            err(&|i| {
                i.items = (0..201)
                    .map(|k| Item::new(format!("x{k}"), Dimension::ALL[k % 5], false))
                    .collect()
            }),
            "items: 201 items; at most 200"
        );
        assert_eq!(
            err(&|i| i.scale = Scale { min: 7, max: 1 }),
            "scale: min 7 must be below max 1"
        );
        let mut input = small();
        input.weights = Some(w("10", "10", "10", "10", "10"));
        for r in &mut input.responses {
            r.weights = None;
        }
        assert_eq!(
            servqual(&input).map(|_| ()).map_err(|e| e.to_string()),
            Err("weights: weights sum to 50, not 100".into())
        );
    }

    /// A random survey on the standard questionnaire: `n` respondents, answers 1–7 with
    /// some left blank, optional weights.
    fn survey() -> impl Strategy<Value = SurveyInput> {
        let answer = prop_oneof![1 => Just(None), 9 => (1i64..=7).prop_map(Some)];
        let weights = prop::option::of((0u32..=100, 0u32..=100, 0u32..=100, 0u32..=100).prop_map(
            |(a, b, c, d)| {
                // Four cut points on 0..=100 give five non-negative parts summing to 100.
                let mut cuts = [a, b, c, d];
                cuts.sort_unstable();
                let parts = [
                    cuts[0],
                    cuts[1] - cuts[0],
                    cuts[2] - cuts[1],
                    cuts[3] - cuts[2],
                    100 - cuts[3],
                ];
                let p = parts.map(|x| x.to_string());
                w(&p[0], &p[1], &p[2], &p[3], &p[4])
            },
        ));
        let response = (
            prop::collection::vec(answer.clone(), 22),
            prop::collection::vec(answer, 22),
            weights,
        )
            .prop_map(|(e, p, weights)| Response {
                id: None,
                expectation: Some(e),
                perception: p,
                weights,
            });
        prop::collection::vec(response, 1..25).prop_map(|responses| SurveyInput {
            scale: Scale::SEVEN,
            items: standard_items(),
            weights: None,
            responses,
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn raising_perceptions_never_lowers_a_gap(input in survey(), raise in 1i64..4) {
            let before = servqual(&input).expect("valid");
            let mut higher = input.clone();
            for r in &mut higher.responses {
                for p in r.perception.iter_mut().flatten() {
                    *p = (*p + raise).min(7);
                }
            }
            let after = servqual(&higher).expect("valid");
            for (a, b) in before.items.iter().zip(&after.items) {
                prop_assert!(a.gap <= b.gap, "item {}: {:?} → {:?}", a.id, a.gap, b.gap);
            }
            for (a, b) in before.dimensions.iter().zip(&after.dimensions) {
                prop_assert!(a.gap <= b.gap);
            }
            prop_assert!(before.overall.gap <= after.overall.gap);
            if let (Some(a), Some(b)) = (&before.weighted, &after.weighted) {
                prop_assert!(a.gap <= b.gap);
            }
        }

        #[test]
        fn the_weighted_gap_lies_between_the_dimensions(input in survey()) {
            let r = servqual(&input).expect("valid");
            let gaps: Option<Vec<Figure>> = r.dimensions.iter().map(|d| d.gap).collect();
            if let (Some(gaps), Some(w)) = (gaps, &r.weighted) {
                let g = w.gap.expect("every dimension has data");
                let lo = gaps.iter().min().expect("five");
                let hi = gaps.iter().max().expect("five");
                prop_assert!(*lo <= g && g <= *hi, "{g} not in [{lo}, {hi}]");
                let o = r.overall.gap.expect("every dimension has data");
                prop_assert!(*lo <= o && o <= *hi);
            }
        }
    }
}
