//! A 0–100 satisfaction index 满意度指数 in the manner of the ACSI (American Customer
//! Satisfaction Index): items rated on `1–10` (configurable), each item's mean `x̄` rescaled
//! to 0–100 as `(x̄ − min) / (max − min) × 100` (on 1–10: `(x̄ − 1)/9 × 100`), and the index
//! the weighted sum of the item scores with weights that sum to 100.
//!
//! The ACSI estimates its weights from a structural model; here the host gives them (for
//! example 30 overall satisfaction 总体满意, 35 compared with expectations 与期望相比, 35
//! compared with the ideal 与理想相比).
//!
//! Exact: an item score is `(S − min·n) · 100 / ((max − min)·n)` for the item's answer sum
//! `S` over its `n` answers, rounded once to [`PERCENT_PLACES`] (2), half up; its mean is
//! `S / n` to [`MEAN_PLACES`] (4). The index is
//! `Σ w · (S − min·n) / ((max − min)·n)` as one exact [`Fraction`] — the item scores are not
//! rounded first — rounded once to 2 places. Unanswered items are `null` in a response and
//! skipped for that item; an item nobody answered has `null` figures and makes the index
//! `null`. No responses: every figure is `null`.

use super::scale::Scale;
use super::servqual::MAX_ITEMS;
use super::SurveyError;
use crate::money::Decimal;
use crate::num::fraction::Fraction;
use crate::num::{pow10, Figure, MEAN_PLACES, PERCENT_PLACES};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// An index item 指标 with its weight (points out of 100, a decimal string):
/// `{"id":"overall","weight":"30"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IndexItem {
    /// Unique id; answer lists follow the order of the items.
    pub id: String,
    /// Its weight; all the weights sum to 100.
    pub weight: Decimal,
}

/// What an index 满意度指数 is computed from: `{"scale":{"min":1,"max":10},"items":[…],
/// "responses":[[9,8,7],[10,null,8],…]}` (`scale` defaults to 1–10). Each response lists
/// one answer per item, in item order; `null` is unanswered.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IndexInput {
    /// The answer scale (default 1–10).
    #[serde(default = "Scale::ten")]
    pub scale: Scale,
    /// The items and their weights.
    pub items: Vec<IndexItem>,
    /// The responses.
    pub responses: Vec<Vec<Option<i64>>>,
}

/// One item's figures 指标得分.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IndexItemScore {
    /// The item.
    pub id: String,
    /// Its weight, as given.
    pub weight: Decimal,
    /// Respondents who answered it.
    pub answered: u64,
    /// The mean answer.
    pub mean: Option<Figure>,
    /// The mean on 0–100.
    pub score: Option<Figure>,
}

/// A satisfaction index 满意度指数 (0–100).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IndexReport {
    /// The scale.
    pub scale: Scale,
    /// Responses scored.
    pub respondents: u64,
    /// Per item.
    pub items: Vec<IndexItemScore>,
    /// The weighted index, 0–100.
    pub index: Option<Figure>,
}

impl IndexReport {
    /// Scores the index 满意度指数. Refused: an invalid scale; no items or more than
    /// [`MAX_ITEMS`], an empty or duplicate item id; a negative weight or weights not
    /// summing to 100; a response with another number of answers than items; an answer
    /// outside the scale (named `responses[i], item ID`).
    pub fn score(input: &IndexInput) -> Result<IndexReport, SurveyError> {
        input.scale.validate("scale")?;
        if input.items.is_empty() {
            return Err(SurveyError::invalid("items", "no items"));
        }
        if input.items.len() > MAX_ITEMS {
            return Err(SurveyError::invalid(
                "items",
                format!("{} items; at most {MAX_ITEMS}", input.items.len()),
            ));
        }
        let mut seen = HashSet::new();
        let mut sum = Decimal::ZERO;
        for (i, item) in input.items.iter().enumerate() {
            if item.id.is_empty() {
                return Err(SurveyError::invalid(format!("items[{i}]"), "empty item id"));
            }
            let at = || format!("items[{i}] ({})", item.id);
            if !seen.insert(item.id.as_str()) {
                return Err(SurveyError::invalid(at(), "duplicate item id"));
            }
            if item.weight.is_negative() {
                return Err(SurveyError::invalid(
                    at(),
                    format!("weight {} is negative", item.weight),
                ));
            }
            sum = sum
                .checked_add(item.weight)
                .map_err(|_| SurveyError::overflow("items"))?;
        }
        if sum != Decimal::from_int(100) {
            return Err(SurveyError::invalid(
                "items",
                format!("weights sum to {sum}, not 100"),
            ));
        }
        let k = input.items.len();
        let mut sums = vec![0i128; k];
        let mut counts = vec![0u64; k];
        for (r, answers) in input.responses.iter().enumerate() {
            if answers.len() != k {
                return Err(SurveyError::invalid(
                    format!("responses[{r}]"),
                    format!("{} answers for {k} items", answers.len()),
                ));
            }
            for (j, a) in answers.iter().enumerate() {
                if let Some(a) = a {
                    let id = &input.items[j].id;
                    input
                        .scale
                        .check(*a, || format!("responses[{r}], item {id}"), "answer")?;
                    sums[j] += i128::from(*a);
                    counts[j] += 1;
                }
            }
        }
        let overflow = || SurveyError::overflow("index");
        let span = i128::from(input.scale.max - input.scale.min);
        let min = i128::from(input.scale.min);
        let mut items = Vec::with_capacity(k);
        let mut index = Some(Fraction::zero());
        for (j, item) in input.items.iter().enumerate() {
            let n = i128::from(counts[j]);
            // (S − min·n) / ((max − min)·n): the item's position on 0–1.
            let above = sums[j] - min * n;
            let den = span * n;
            index = match (index, Fraction::new(above, den)) {
                (Some(acc), Some(unit)) => {
                    let w = Fraction::new(
                        item.weight.mantissa(),
                        pow10(item.weight.scale()).ok_or_else(overflow)?,
                    )
                    .ok_or_else(overflow)?;
                    Some(acc.add(&unit.mul(&w)))
                }
                _ => None,
            };
            items.push(IndexItemScore {
                id: item.id.clone(),
                weight: item.weight,
                answered: counts[j],
                mean: Figure::ratio(sums[j], n, MEAN_PLACES, crate::money::Rounding::HalfUp),
                score: Figure::percent(above, den),
            });
        }
        let index = match index {
            Some(f) => Some(f.figure(PERCENT_PLACES).ok_or_else(overflow)?),
            None => None,
        };
        Ok(IndexReport {
            scale: input.scale,
            respondents: input.responses.len() as u64,
            items,
            index,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn item(id: &str, weight: &str) -> IndexItem {
        IndexItem {
            id: id.into(),
            weight: weight.parse().expect("decimal"),
        }
    }

    fn s(f: Option<Figure>) -> String {
        f.map_or("null".into(), |f| f.to_string())
    }

    fn three_items() -> IndexInput {
        IndexInput {
            scale: Scale::TEN,
            items: vec![
                item("overall", "40"),
                item("vs_expectation", "30"),
                item("vs_ideal", "30"),
            ],
            responses: vec![
                vec![Some(9), Some(8), Some(7)],
                vec![Some(10), None, Some(8)],
                vec![Some(6), Some(7), Some(5)],
                vec![Some(8), Some(9), None],
            ],
        }
    }

    #[test]
    fn three_items_by_hand() {
        // overall        9+10+6+8 = 33 of 4: mean 8.25,   score (8.25 − 1)/9·100 = 80.5555…
        // vs_expectation 8+7+9 = 24 of 3:    mean 8,      score 7/9·100 = 77.7777…
        // vs_ideal       7+8+5 = 20 of 3:    mean 6.6667, score (17/3)/9·100 = 62.9629…
        // index = 40·29/36 + 30·7/9 + 30·17/27 = 290/9 + 210/9 + 170/9 = 670/9 = 74.444…
        let r = IndexReport::score(&three_items()).expect("valid");
        let got: Vec<(u64, String, String)> = r
            .items
            .iter()
            .map(|i| (i.answered, s(i.mean), s(i.score)))
            .collect();
        assert_eq!(
            got,
            [
                (4, "8.2500", "80.56"),
                (3, "8.0000", "77.78"),
                (3, "6.6667", "62.96")
            ]
            .map(|(n, m, sc)| (n, m.to_owned(), sc.to_owned()))
        );
        assert_eq!(s(r.index), "74.44");
        assert_eq!(r.respondents, 4);
    }

    #[test]
    fn the_index_is_not_a_sum_of_rounded_scores() {
        // Two respondents: 4,7,5 and 10,5,3. Means 7, 6, 4; scores 6/9·100 = 66.666…,
        // 5/9·100 = 55.555…, 3/9·100 = 33.333…. Index (40·6 + 30·5 + 30·3)/9 = 480/9 =
        // 53.333… → 53.33; from the rounded scores it would be 0.4·66.67 + 0.3·55.56 +
        // 0.3·33.33 = 53.335 → 53.34.
        let r = IndexReport::score(&IndexInput {
            scale: Scale::TEN,
            items: vec![item("a", "40"), item("b", "30"), item("c", "30")],
            responses: vec![
                vec![Some(4), Some(7), Some(5)],
                vec![Some(10), Some(5), Some(3)],
            ],
        })
        .expect("valid");
        assert_eq!(
            r.items.iter().map(|i| s(i.score)).collect::<Vec<_>>(),
            ["66.67", "55.56", "33.33"]
        );
        assert_eq!(s(r.index), "53.33");
    }

    #[test]
    fn decimal_weights_and_another_scale() {
        // Weights 33.3 and 66.7 on 1–10: a 1 and 2 → mean 1.5, score 0.5/9·100 = 5.5555…;
        // b 10 and 10 → 100. Index 33.3·0.5/9 + 66.7 = 16.65/9 + 66.7 = 1.85 + 66.7 = 68.55.
        let r = IndexReport::score(&IndexInput {
            scale: Scale::TEN,
            items: vec![item("a", "33.3"), item("b", "66.7")],
            responses: vec![vec![Some(1), Some(10)], vec![Some(2), Some(10)]],
        })
        .expect("valid");
        assert_eq!(s(r.items[0].score), "5.56");
        assert_eq!(s(r.index), "68.55");
        // On 0–5: a 0 and 5 → 2.5 → 50; b 5 and 3 → 4 → 80; index (50 + 80)/2 = 65.
        let r = IndexReport::score(&IndexInput {
            scale: Scale { min: 0, max: 5 },
            items: vec![item("a", "50"), item("b", "50")],
            responses: vec![vec![Some(0), Some(5)], vec![Some(5), Some(3)]],
        })
        .expect("valid");
        assert_eq!(s(r.index), "65.00");
    }

    #[test]
    fn no_data_and_refusals() {
        let mut input = three_items();
        input.responses.clear();
        let r = IndexReport::score(&input).expect("valid");
        assert_eq!(
            (r.index, r.items[0].mean, r.items[0].score),
            (None, None, None)
        );
        // Nobody answered vs_ideal: its figures and the index are null.
        let mut input = three_items();
        for r in &mut input.responses {
            r[2] = None;
        }
        let r = IndexReport::score(&input).expect("valid");
        assert_eq!(
            (s(r.items[2].score), s(r.index)),
            ("null".into(), "null".into())
        );
        assert_eq!(s(r.items[0].score), "80.56");

        let err = |f: &dyn Fn(&mut IndexInput)| {
            let mut input = three_items();
            f(&mut input);
            IndexReport::score(&input).expect_err("refused").to_string()
        };
        assert_eq!(
            err(&|i| i.responses[3][1] = Some(11)),
            "responses[3], item vs_expectation: answer 11 is outside the scale 1–10"
        );
        assert_eq!(
            err(&|i| i.responses[1].push(Some(5))),
            "responses[1]: 4 answers for 3 items"
        );
        assert_eq!(
            err(&|i| i.items[0].weight = "45".parse().expect("decimal")),
            "items: weights sum to 105, not 100"
        );
        assert_eq!(
            err(&|i| i.items[2].id = "overall".into()),
            "items[2] (overall): duplicate item id"
        );
        assert_eq!(
            err(&|i| {
                i.items[0].weight = "-10".parse().expect("decimal");
                i.items[1].weight = "80".parse().expect("decimal");
            }),
            "items[0] (overall): weight -10 is negative"
        );
        assert_eq!(err(&|i| i.items.clear()), "items: no items");
    }

    proptest! {
        #[test]
        fn the_index_stays_within_0_and_100(
            answers in prop::collection::vec(prop::collection::vec(prop::option::of(1i64..=10), 3), 1..40),
            cut in 0u32..=100, cut2 in 0u32..=100,
        ) {
            let (a, b) = (cut.min(cut2), cut.max(cut2));
            let input = IndexInput {
                scale: Scale::TEN,
                items: vec![
                    item("x", &a.to_string()),
                    item("y", &(b - a).to_string()),
                    item("z", &(100 - b).to_string()),
                ],
                responses: answers,
            };
            let r = IndexReport::score(&input).expect("valid");
            if let Some(i) = r.index {
                prop_assert!((0..=10_000).contains(&i.mantissa()), "{i}");
            }
            for it in &r.items {
                if let Some(sc) = it.score {
                    prop_assert!((0..=10_000).contains(&sc.mantissa()));
                }
            }
        }
    }
}
