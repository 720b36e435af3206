//! Answer scales 量表 and CSAT 顾客满意度得分 (the share of the top boxes).
//!
//! A [`Scale`] is a range of whole-number answers, `1–7` for SERVQUAL, `1–5` for CSAT,
//! `1–10` for an index, `0–10` for NPS. An answer outside it is refused, naming the answer;
//! a reverse-coded item 反向计分题 reads an answer `a` as `min + max − a`.
//!
//! CSAT is the share of answers in the top boxes (by default the top two: 4 and 5 of 1–5),
//! as a [`Proportion`] with its Wilson interval, plus the mean answer to
//! [`MEAN_PLACES`](crate::num::MEAN_PLACES). Both are one exact fraction of integer
//! counts, rounded once. No answers: every figure is `null`.

use super::proportion::Proportion;
use super::SurveyError;
use crate::num::Figure;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Largest magnitude of a scale bound 量表端点.
pub const MAX_BOUND: i64 = 1000;
/// Most points 刻度 a scale may have (`0–100` is the largest span).
pub const MAX_POINTS: i64 = 101;

/// An answer scale 量表: whole numbers from `min` to `max` inclusive, `{"min":1,"max":7}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// The lowest answer.
    pub min: i64,
    /// The highest answer.
    pub max: i64,
}

impl Scale {
    /// `1–7`, SERVQUAL's default 七点量表.
    pub const SEVEN: Scale = Scale { min: 1, max: 7 };
    /// `1–5`, CSAT's default 五点量表.
    pub const FIVE: Scale = Scale { min: 1, max: 5 };
    /// `1–10`, the index's default 十点量表.
    pub const TEN: Scale = Scale { min: 1, max: 10 };
    /// `0–10`, NPS's (fixed) 推荐意愿.
    pub const NPS: Scale = Scale { min: 0, max: 10 };

    /// SERVQUAL's default scale 七点量表 (for serde defaults).
    pub fn seven() -> Scale {
        Scale::SEVEN
    }

    /// CSAT's default scale 五点量表 (for serde defaults).
    pub fn five() -> Scale {
        Scale::FIVE
    }

    /// The index's default scale 十点量表 (for serde defaults).
    pub fn ten() -> Scale {
        Scale::TEN
    }

    /// Refuses 拒绝 a scale with `min ≥ max`, a bound beyond ±[`MAX_BOUND`], or more than
    /// [`MAX_POINTS`] points. `at` names the field.
    pub fn validate(&self, at: &str) -> Result<(), SurveyError> {
        if self.min >= self.max {
            return Err(SurveyError::invalid(
                at,
                format!("min {} must be below max {}", self.min, self.max),
            ));
        }
        if self.min < -MAX_BOUND || self.max > MAX_BOUND {
            return Err(SurveyError::invalid(
                at,
                format!("bounds must lie within -{MAX_BOUND}..{MAX_BOUND}"),
            ));
        }
        if self.max - self.min + 1 > MAX_POINTS {
            return Err(SurveyError::invalid(
                at,
                format!("a scale has at most {MAX_POINTS} points"),
            ));
        }
        Ok(())
    }

    /// Whether `answer` is on the scale 在量表内.
    pub fn contains(&self, answer: i64) -> bool {
        (self.min..=self.max).contains(&answer)
    }

    /// `answer` if it is on the scale, else an error 超出量表 at `at` naming it (`what` is the kind of
    /// answer: "answer", "perception"...).
    pub fn check(
        &self,
        answer: i64,
        at: impl FnOnce() -> String,
        what: &str,
    ) -> Result<i64, SurveyError> {
        if self.contains(answer) {
            Ok(answer)
        } else {
            Err(SurveyError::invalid(
                at(),
                format!("{what} {answer} is outside the scale {self}"),
            ))
        }
    }

    /// A reverse-coded answer 反向计分: `min + max − answer` (on a 1–7 scale, 2 reads as 6).
    pub fn reversed(&self, answer: i64) -> i64 {
        self.min + self.max - answer
    }

    /// The number of points 刻度数, `max − min + 1`.
    pub fn points(&self) -> usize {
        usize::try_from(self.max - self.min + 1).unwrap_or(0)
    }

    /// The position of an answer on the scale, `answer − min` (0 for the lowest).
    fn index(&self, answer: i64) -> usize {
        usize::try_from(answer - self.min).unwrap_or(0)
    }
}

impl fmt::Display for Scale {
    /// `1–7`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}–{}", self.min, self.max)
    }
}

/// What CSAT 顾客满意度 is computed from: `{"scale":{"min":1,"max":5},"top_boxes":2,"answers":[5,4,…]}`
/// (`scale` defaults to 1–5 and `top_boxes` to 2).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CsatInput {
    /// The answer scale (default 1–5).
    #[serde(default = "Scale::five")]
    pub scale: Scale,
    /// How many of the highest points count as satisfied 满意 (default 2: "4 or 5" on 1–5).
    #[serde(default = "two")]
    pub top_boxes: u32,
    /// The answers, one per respondent.
    pub answers: Vec<i64>,
}

fn two() -> u32 {
    2
}

/// CSAT 顾客满意度: the share of top-box answers with its 95% Wilson interval, the mean
/// answer, and the count of each point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Csat {
    /// The scale.
    pub scale: Scale,
    /// The top boxes counted as satisfied.
    pub top_boxes: u32,
    /// Answers counted.
    pub answers: u64,
    /// How many answered each point, from `min` to `max`.
    pub distribution: Vec<u64>,
    /// The mean answer (Σ answers ÷ n) to 4 places, half up; `null` without answers.
    pub mean: Option<Figure>,
    /// The CSAT: top-box answers of all, in percent to 2 places, with the Wilson interval.
    pub csat: Proportion,
}

/// The distribution 分布 of `answers` on `scale`, refusing one outside it (named `answers[i]`).
pub fn distribution(scale: &Scale, answers: &[i64]) -> Result<Vec<u64>, SurveyError> {
    let mut counts = vec![0u64; scale.points()];
    for (i, &a) in answers.iter().enumerate() {
        scale.check(a, || format!("answers[{i}]"), "answer")?;
        if let Some(c) = counts.get_mut(scale.index(a)) {
            *c += 1;
        }
    }
    Ok(counts)
}

/// Σ answer × count and Σ count of a distribution on `scale`.
fn totals(scale: &Scale, counts: &[u64]) -> (i128, u64) {
    let mut sum: i128 = 0;
    let mut n: u64 = 0;
    for (k, &c) in counts.iter().enumerate() {
        let point = scale.min + k as i64;
        sum += i128::from(point) * i128::from(c);
        n += c;
    }
    (sum, n)
}

impl Csat {
    /// Scores CSAT 顾客满意度. Refused: an invalid scale, `top_boxes` of 0 or not below the number of
    /// points, an answer outside the scale.
    pub fn score(input: &CsatInput) -> Result<Csat, SurveyError> {
        input.scale.validate("scale")?;
        let points = input.scale.points();
        if input.top_boxes == 0 || input.top_boxes as usize >= points {
            return Err(SurveyError::invalid(
                "top_boxes",
                format!(
                    "{} top boxes on the {}-point scale {}: give 1 to {}",
                    input.top_boxes,
                    points,
                    input.scale,
                    points - 1
                ),
            ));
        }
        let counts = distribution(&input.scale, &input.answers)?;
        let (sum, n) = totals(&input.scale, &counts);
        let top: u64 = counts.iter().rev().take(input.top_boxes as usize).sum();
        Ok(Csat {
            scale: input.scale,
            top_boxes: input.top_boxes,
            answers: n,
            mean: Figure::mean(sum, i128::from(n)),
            csat: Proportion::of(top, n, "csat")?,
            distribution: counts,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn csat(answers: &[i64]) -> Csat {
        Csat::score(&CsatInput {
            scale: Scale::FIVE,
            top_boxes: 2,
            answers: answers.to_vec(),
        })
        .expect("valid")
    }

    #[test]
    fn ten_answers_by_hand() {
        // 5,5,4,4,4,3,3,2,5,1: fours and fives are 3 + 3 = 6 of 10 → 60.00%.
        // Mean (5+5+4+4+4+3+3+2+5+1) / 10 = 36 / 10 = 3.6000.
        // Wilson 6/10 (Python decimal, 60 digits): centre (6 + 1.9208)/13.8416 = 0.572245…,
        // half 1.96·sqrt(6·4/10 + 0.9604)/13.8416 = 0.259576… → [0.312669…, 0.831822…],
        // outward to [31.26, 83.19].
        let c = csat(&[5, 5, 4, 4, 4, 3, 3, 2, 5, 1]);
        assert_eq!(c.answers, 10);
        assert_eq!(c.distribution, vec![1, 1, 2, 3, 3]);
        assert_eq!(c.mean.map(|m| m.to_string()), Some("3.6000".into()));
        assert_eq!(c.csat.count, 6);
        assert_eq!(c.csat.percent.map(|p| p.to_string()), Some("60.00".into()));
        let i = c.csat.interval.expect("data");
        assert_eq!(
            (i.low.to_string(), i.high.to_string()),
            ("31.26".into(), "83.19".into())
        );
    }

    #[test]
    fn top_box_on_a_seven_point_scale() {
        // Top one box of 1–7: only 7s. 7,7,6,1 → 2 of 4 = 50.00%; mean 21/4 = 5.2500.
        let c = Csat::score(&CsatInput {
            scale: Scale::SEVEN,
            top_boxes: 1,
            answers: vec![7, 7, 6, 1],
        })
        .expect("valid");
        assert_eq!(c.csat.percent.map(|p| p.to_string()), Some("50.00".into()));
        assert_eq!(c.mean.map(|m| m.to_string()), Some("5.2500".into()));
    }

    #[test]
    fn no_answers_is_no_data() {
        let c = csat(&[]);
        assert_eq!((c.answers, c.mean, c.csat.percent), (0, None, None));
        assert_eq!(c.distribution, vec![0; 5]);
    }

    #[test]
    fn refusals_name_the_answer() {
        let e = Csat::score(&CsatInput {
            scale: Scale::FIVE,
            top_boxes: 2,
            answers: vec![5, 6],
        })
        .expect_err("6 is off the scale");
        assert_eq!(
            e.to_string(),
            "answers[1]: answer 6 is outside the scale 1–5"
        );
        assert_eq!(e.code(), "invalid_survey");
        for (scale, top) in [
            (Scale::FIVE, 0),
            (Scale::FIVE, 5),
            (Scale { min: 3, max: 3 }, 1),
        ] {
            assert!(Csat::score(&CsatInput {
                scale,
                top_boxes: top,
                answers: vec![],
            })
            .is_err());
        }
        assert!(Scale { min: 0, max: 101 }.validate("s").is_err());
        assert!(Scale { min: 0, max: 100 }.validate("s").is_ok());
        assert!(Scale {
            min: -1001,
            max: -999
        }
        .validate("s")
        .is_err());
    }

    #[test]
    fn reverse_coding() {
        assert_eq!(Scale::SEVEN.reversed(2), 6);
        assert_eq!(Scale::SEVEN.reversed(4), 4);
        assert_eq!(Scale::NPS.reversed(0), 10);
    }

    proptest! {
        #[test]
        fn the_csat_interval_contains_its_estimate(answers in prop::collection::vec(1i64..=5, 1..300)) {
            let c = csat(&answers);
            let (p, i) = (c.csat.percent.expect("data"), c.csat.interval.expect("data"));
            prop_assert!(i.low <= p && p <= i.high);
            prop_assert!(i.low.mantissa() >= 0 && i.high.mantissa() <= 10_000);
            let m = c.mean.expect("data");
            prop_assert!((10_000..=50_000).contains(&m.mantissa()));
        }
    }
}
