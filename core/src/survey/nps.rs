//! Net Promoter Score 净推荐值 (NPS): "how likely are you to recommend us?" on 0–10.
//! Promoters 推荐者 answer 9–10, passives 被动者 7–8, detractors 贬损者 0–6.
//!
//! ```text
//! NPS    = 100 · (P − D) / n                          (−100 … 100)
//! SE     = 100 · sqrt((p_P + p_D − (p_P − p_D)²) / n)  with p_P = P/n, p_D = D/n
//! margin = 1.96 · SE                                   (95%)
//! interval = NPS ± margin, clamped to [−100, 100]
//! ```
//!
//! In integers: `(p_P + p_D − (p_P − p_D)²)/n = V / n³` with `V = (P + D)·n − (P − D)²`, so
//! `SE = sqrt(10⁴·V / n³)` and `margin = sqrt(38416·V / n³)` (1.96² · 10⁴ = 38416). The
//! NPS, SE and margin are given to [`PERCENT_PLACES`] (2), half up — each from one exact
//! fraction or one exact integer square root (`floor(x + ½) = (floor(2x) + 1) div 2`). The
//! interval keeps [`GUARD_PLACES`] extra places (the NPS floored or ceiled, the margin
//! ceiled) and its bounds are rounded outward, so the printed interval always contains the
//! exact one and the printed NPS. Counts up to about 10⁹ answers are exact; more is an
//! overflow error. No answers: every figure is `null`.

use super::proportion::Interval;
use super::scale::{distribution, Scale};
use super::SurveyError;
use crate::num::{isqrt, pow10, sqrt_ratio, Figure, GUARD_PLACES, PERCENT_PLACES};
use serde::{Deserialize, Serialize};

/// What NPS 净推荐值 is computed from: `{"answers":[10,9,7,3,…]}`, each 0–10.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NpsInput {
    /// The answers, one per respondent, on 0–10.
    pub answers: Vec<i64>,
}

/// A count and its share 占比 of all answers, in percent (2 places, half up; `null` without
/// answers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Share {
    /// How many.
    pub count: u64,
    /// Of all answers, in percent.
    pub percent: Option<Figure>,
}

/// The Net Promoter Score 净推荐值 with its standard error and 95% interval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Nps {
    /// Answers counted.
    pub answers: u64,
    /// How many answered each of 0, 1, …, 10.
    pub distribution: Vec<u64>,
    /// 9–10 推荐者.
    pub promoters: Share,
    /// 7–8 被动者.
    pub passives: Share,
    /// 0–6 贬损者.
    pub detractors: Share,
    /// `100·(P − D)/n`, 2 places, half up.
    pub nps: Option<Figure>,
    /// The standard error in NPS points, 2 places, half up.
    pub standard_error: Option<Figure>,
    /// `1.96 · SE`, 2 places, half up.
    pub margin: Option<Figure>,
    /// `NPS ± margin` clamped to [−100, 100], rounded outward.
    pub interval: Option<Interval>,
}

/// `floor(sqrt(num/den) · 10^places + ½)`: the square root half up, exactly.
fn sqrt_half_up(num: u128, den: u128, places: u32) -> Option<u128> {
    let scaled = num
        .checked_mul(4)?
        .checked_mul(10u128.checked_pow(places.checked_mul(2)?)?)?;
    // (floor(2x) + 1) div 2 = ceil(floor(2x) / 2).
    Some(isqrt(scaled.checked_div(den)?).div_ceil(2))
}

/// `floor(a / b)` and `ceil(a / b)` for `b` > 0.
fn floor_ceil(a: i128, b: i128) -> (i128, i128) {
    let f = a.div_euclid(b);
    (f, if a.rem_euclid(b) == 0 { f } else { f + 1 })
}

impl Nps {
    /// Scores NPS 净推荐值. Refused: an answer outside 0–10 (named `answers[i]`).
    pub fn score(input: &NpsInput) -> Result<Nps, SurveyError> {
        let counts = distribution(&Scale::NPS, &input.answers)?;
        let sum = |r: std::ops::RangeInclusive<usize>| -> u64 {
            counts.get(r).map_or(0, |c| c.iter().sum())
        };
        let (d, pas, p) = (sum(0..=6), sum(7..=8), sum(9..=10));
        let n = d + pas + p;
        let share = |count: u64| Share {
            count,
            percent: Figure::percent(i128::from(count), i128::from(n)),
        };
        let mut out = Nps {
            answers: n,
            promoters: share(p),
            passives: share(pas),
            detractors: share(d),
            distribution: counts,
            nps: None,
            standard_error: None,
            margin: None,
            interval: None,
        };
        if n == 0 {
            return Ok(out);
        }
        let overflow = || SurveyError::overflow("nps");
        let (p, d, n) = (u128::from(p), u128::from(d), u128::from(n));
        let diff = i128::from(out.promoters.count) - i128::from(out.detractors.count);
        // V = (P + D)·n − (P − D)² ≥ 0, since |P − D| ≤ P + D ≤ n.
        let v = (p + d)
            .checked_mul(n)
            .and_then(|a| a.checked_sub(diff.unsigned_abs().checked_mul(diff.unsigned_abs())?))
            .ok_or_else(overflow)?;
        let n3 = n
            .checked_mul(n)
            .and_then(|s| s.checked_mul(n))
            .ok_or_else(overflow)?;
        let se = sqrt_half_up(
            v.checked_mul(10_000).ok_or_else(overflow)?,
            n3,
            PERCENT_PLACES,
        )
        .ok_or_else(overflow)?;
        let z2v = v.checked_mul(38_416).ok_or_else(overflow)?;
        let margin = sqrt_half_up(z2v, n3, PERCENT_PLACES).ok_or_else(overflow)?;
        // The interval at 2 + 4 places: NPS floored / ceiled, margin ceiled.
        let work = PERCENT_PLACES + GUARD_PLACES;
        let (_, margin_hi) = sqrt_ratio(z2v, n3, work).ok_or_else(overflow)?;
        let margin_hi = i128::try_from(margin_hi).map_err(|_| overflow())?;
        let n_i = i128::try_from(n).map_err(|_| overflow())?;
        let scaled = diff
            .checked_mul(100)
            .and_then(|x| x.checked_mul(pow10(work)?))
            .ok_or_else(overflow)?;
        let (nps_lo, nps_hi) = floor_ceil(scaled, n_i);
        let unit = pow10(GUARD_PLACES).ok_or_else(overflow)?;
        let hundred = 100 * pow10(PERCENT_PLACES).ok_or_else(overflow)?;
        let low = floor_ceil(nps_lo - margin_hi, unit).0.max(-hundred);
        let high = floor_ceil(nps_hi + margin_hi, unit).1.min(hundred);
        let fig = |m: u128| {
            i128::try_from(m)
                .ok()
                .map(|m| Figure::new(m, PERCENT_PLACES))
        };
        out.nps = Some(Figure::percent(diff, n_i).ok_or_else(overflow)?);
        out.standard_error = Some(fig(se).ok_or_else(overflow)?);
        out.margin = Some(fig(margin).ok_or_else(overflow)?);
        out.interval = Some(Interval {
            low: Figure::new(low, PERCENT_PLACES),
            high: Figure::new(high, PERCENT_PLACES),
        });
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn nps(answers: &[i64]) -> Nps {
        Nps::score(&NpsInput {
            answers: answers.to_vec(),
        })
        .expect("valid")
    }

    fn s(f: Option<Figure>) -> String {
        f.map_or("null".into(), |f| f.to_string())
    }

    #[test]
    fn ten_answers_by_hand() {
        // 10,10,9,9,9 (P = 5), 8,7 (passives 2), 6,3,0 (D = 3); n = 10.
        // NPS = 100·(5 − 3)/10 = 20.00.
        // V = (5 + 3)·10 − 2² = 76; SE = sqrt(10⁴·76/1000) = sqrt(760) = 27.5680975… → 27.57.
        // margin = sqrt(38416·76/1000) = sqrt(2919.616) = 54.0334711… → 54.03.
        // interval 20 ± 54.0334711… = [−34.033…, 74.033…] → [−34.04, 74.04] outward.
        let r = nps(&[10, 10, 9, 9, 9, 8, 7, 6, 3, 0]);
        assert_eq!(r.answers, 10);
        assert_eq!(r.distribution, vec![1, 0, 0, 1, 0, 0, 1, 1, 1, 3, 2]);
        assert_eq!(
            (r.promoters.count, r.passives.count, r.detractors.count),
            (5, 2, 3)
        );
        assert_eq!(s(r.promoters.percent), "50.00");
        assert_eq!(s(r.passives.percent), "20.00");
        assert_eq!(s(r.detractors.percent), "30.00");
        assert_eq!(s(r.nps), "20.00");
        assert_eq!(s(r.standard_error), "27.57");
        assert_eq!(s(r.margin), "54.03");
        let i = r.interval.expect("data");
        assert_eq!(
            (i.low.to_string(), i.high.to_string()),
            ("-34.04".into(), "74.04".into())
        );
    }

    #[test]
    fn a_negative_score_and_a_clamped_interval() {
        // 0, 0, 9: P = 1, D = 2, n = 3. NPS = −100/3 = −33.33.
        // V = 3·3 − 1 = 8; SE = sqrt(10⁴·8/27) = sqrt(2962.96…) = 54.4331…  → 54.43.
        // margin = sqrt(38416·8/27) = sqrt(11382.5185…) = 106.6889… → 106.69.
        // −33.333… − 106.689… < −100 → clamped to −100.00; high −33.333… + 106.689… =
        // 73.3555… → 73.36.
        let r = nps(&[0, 0, 9]);
        assert_eq!(s(r.nps), "-33.33");
        assert_eq!(s(r.standard_error), "54.43");
        assert_eq!(s(r.margin), "106.69");
        let i = r.interval.expect("data");
        assert_eq!(
            (i.low.to_string(), i.high.to_string()),
            ("-100.00".into(), "73.36".into())
        );
    }

    #[test]
    fn all_promoters_have_no_spread() {
        // Every answer 10: NPS 100, V = 4·4 − 4² = 0: SE and margin 0, interval [100, 100].
        let r = nps(&[10, 10, 9, 9]);
        assert_eq!(s(r.nps), "100.00");
        assert_eq!(s(r.standard_error), "0.00");
        let i = r.interval.expect("data");
        assert_eq!(
            (i.low.to_string(), i.high.to_string()),
            ("100.00".into(), "100.00".into())
        );
    }

    #[test]
    fn no_answers_and_bad_answers() {
        let r = nps(&[]);
        assert_eq!(
            (r.nps, r.standard_error, r.margin, r.interval),
            (None, None, None, None)
        );
        assert_eq!(r.promoters.percent, None);
        let e = Nps::score(&NpsInput {
            answers: vec![10, 11],
        })
        .expect_err("11 is off the scale");
        assert_eq!(
            e.to_string(),
            "answers[1]: answer 11 is outside the scale 0–10"
        );
        assert!(Nps::score(&NpsInput { answers: vec![-1] }).is_err());
    }

    #[test]
    fn square_roots_half_up() {
        // sqrt(2) = 1.41421… → 1.41; sqrt(2.25) = 1.5 exactly → 2 at 0 places (half up).
        assert_eq!(sqrt_half_up(2, 1, 2), Some(141));
        assert_eq!(sqrt_half_up(9, 4, 0), Some(2));
        assert_eq!(sqrt_half_up(1, 0, 0), None);
    }

    proptest! {
        #[test]
        fn nps_stays_in_range_and_inside_its_interval(counts in prop::collection::vec(0u64..40, 11)) {
            let answers: Vec<i64> = counts
                .iter()
                .enumerate()
                .flat_map(|(k, &c)| std::iter::repeat(k as i64).take(c as usize))
                .collect();
            let r = nps(&answers);
            if answers.is_empty() {
                prop_assert!(r.nps.is_none());
            } else {
                let (x, i) = (r.nps.expect("data"), r.interval.expect("data"));
                prop_assert!((-10_000..=10_000).contains(&x.mantissa()));
                prop_assert!(i.low <= x && x <= i.high, "{x} not in [{}, {}]", i.low, i.high);
                prop_assert!(i.low.mantissa() >= -10_000 && i.high.mantissa() <= 10_000);
                prop_assert!(r.margin.expect("data") >= r.standard_error.expect("data"));
            }
        }
    }
}
