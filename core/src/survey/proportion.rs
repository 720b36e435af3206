//! A share 比例 of answers — 满意率, CSAT's top two boxes, a callback coverage — with its
//! Wilson score interval at 95% confidence (z = 1.96).
//!
//! For `k` of `n` with `z² = 3.8416`:
//!
//! ```text
//! centre = (k + z²/2) / (n + z²)
//! half   = z · sqrt(k(n−k)/n + z²/4) / (n + z²)
//! low    = centre − half,   high = centre + half
//! ```
//!
//! Worked in integers (multiplying through by 10⁴): `centre = (10⁴k + 19208) / D` and
//! `half² = 38416 · (10⁴k(n−k) + 9604n) / (n · D²)` with `D = 10⁴n + 38416`. The centre and
//! the half-width are bounded at 8 places (floor and ceiling), then the bounds are rounded
//! outward to [`PERCENT_PLACES`] — so the printed interval
//! always contains the exact Wilson interval, and with it the point estimate. Counts up to
//! ten million answers are exact; more is an overflow error.

use super::SurveyError;
use crate::num::{sqrt_ratio, Figure, PERCENT_PLACES};
use serde::Serialize;

/// Places of the fraction inside the interval arithmetic: percent places + 2 (a percent is a
/// fraction × 100) + 4 guard places.
const WORK_PLACES: u32 = PERCENT_PLACES + 2 + crate::num::GUARD_PLACES;

/// A 95% confidence interval 置信区间, in percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Interval {
    /// Lower bound (rounded down).
    pub low: Figure,
    /// Upper bound (rounded up).
    pub high: Figure,
}

/// `count` of `total` answers, as a percentage with its Wilson interval. Over zero answers
/// both are `None` ("no data").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Proportion {
    /// Answers counted (satisfied, top two boxes, reached...).
    pub count: u64,
    /// All answers.
    pub total: u64,
    /// `count / total` in percent, half up; `None` when `total` is zero.
    pub percent: Option<Figure>,
    /// The Wilson score interval (95%); `None` when `total` is zero.
    pub interval: Option<Interval>,
}

impl Proportion {
    /// `count` of `total`. `at` names the figure in errors.
    pub fn of(count: u64, total: u64, at: &str) -> Result<Proportion, SurveyError> {
        if count > total {
            return Err(SurveyError::invalid(
                at,
                format!("count {count} exceeds total {total}"),
            ));
        }
        if total == 0 {
            return Ok(Proportion {
                count,
                total,
                percent: None,
                interval: None,
            });
        }
        let percent = Figure::percent(i128::from(count), i128::from(total))
            .ok_or_else(|| SurveyError::overflow(at))?;
        Ok(Proportion {
            count,
            total,
            percent: Some(percent),
            interval: Some(wilson(count, total).ok_or_else(|| SurveyError::overflow(at))?),
        })
    }
}

/// The Wilson score interval for `k` of `n` (`n` > 0, `k` ≤ `n`), in percent, rounded
/// outward. `None` on overflow (more than about 10⁷ answers).
pub fn wilson(k: u64, n: u64) -> Option<Interval> {
    let (k, n) = (u128::from(k), u128::from(n));
    if n == 0 || k > n {
        return None;
    }
    let one = 10u128.pow(WORK_PLACES);
    let d = n.checked_mul(10_000)?.checked_add(38_416)?;
    // centre · 10^8, floor and ceiling.
    let c_num = k
        .checked_mul(10_000)?
        .checked_add(19_208)?
        .checked_mul(one)?;
    let (c_lo, c_hi) = (c_num / d, c_num.div_ceil(d));
    // half · 10^8, ceiling.
    let a = k
        .checked_mul(n - k)?
        .checked_mul(10_000)?
        .checked_add(n.checked_mul(9_604)?)?;
    let (_, half_hi) = sqrt_ratio(
        a.checked_mul(38_416)?,
        n.checked_mul(d.checked_mul(d)?)?,
        WORK_PLACES,
    )?;
    let low = c_lo.saturating_sub(half_hi);
    let high = c_hi.checked_add(half_hi)?.min(one);
    // From 8 places of a fraction to 2 places of a percent: 10^4 work units per output unit.
    let unit = 10u128.pow(WORK_PLACES - PERCENT_PLACES - 2);
    Some(Interval {
        low: Figure::new(i128::try_from(low / unit).ok()?, PERCENT_PLACES),
        high: Figure::new(i128::try_from(high.div_ceil(unit)).ok()?, PERCENT_PLACES),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn bounds(k: u64, n: u64) -> (String, String) {
        let i = wilson(k, n).expect("in range");
        (i.low.to_string(), i.high.to_string())
    }

    #[test]
    fn wilson_matches_independent_values() {
        // Reference values from Python's decimal module at 50 digits (an independent
        // implementation of the same formula), rounded outward to 2 places of a percent:
        // 7/8 → [0.529105..., 0.977583...].
        assert_eq!(bounds(7, 8), ("52.91".into(), "97.76".into()));
        // 0/10 → [0, 0.277540...].
        assert_eq!(bounds(0, 10), ("0.00".into(), "27.76".into()));
        // 10/10 → [0.722459..., 1].
        assert_eq!(bounds(10, 10), ("72.24".into(), "100.00".into()));
        // 50/100 → [0.403829..., 0.596170...].
        assert_eq!(bounds(50, 100), ("40.38".into(), "59.62".into()));
        // 1/1 → [0.206543..., 1].
        assert_eq!(bounds(1, 1), ("20.65".into(), "100.00".into()));
        // 950/1000 → [0.934685..., 0.961869...].
        assert_eq!(bounds(950, 1000), ("93.46".into(), "96.19".into()));
    }

    #[test]
    fn no_answers_is_no_data() {
        let p = Proportion::of(0, 0, "x").expect("fine");
        assert_eq!((p.percent, p.interval), (None, None));
        assert_eq!(
            serde_json::to_string(&p).ok(),
            Some(r#"{"count":0,"total":0,"percent":null,"interval":null}"#.into())
        );
        assert!(Proportion::of(3, 2, "x").is_err());
    }

    #[test]
    fn ten_million_answers_fit() {
        assert!(wilson(5_000_000, 10_000_000).is_some());
    }

    proptest! {
        #[test]
        fn the_interval_contains_the_estimate(n in 1u64..2_000_000, k_seed in any::<u64>()) {
            let k = k_seed % (n + 1);
            let p = Proportion::of(k, n, "x").expect("in range");
            let (pc, i) = (p.percent.expect("data"), p.interval.expect("data"));
            prop_assert!(i.low <= pc && pc <= i.high, "{k}/{n}: {pc} not in [{}, {}]", i.low, i.high);
            prop_assert!(i.low.mantissa() >= 0 && i.high.mantissa() <= 10_000);
        }

        #[test]
        fn more_successes_never_lower_the_interval(n in 1u64..100_000, k_seed in any::<u64>()) {
            let k = k_seed % n;
            let (a, b) = (wilson(k, n).expect("in range"), wilson(k + 1, n).expect("in range"));
            prop_assert!(a.low <= b.low && a.high <= b.high);
        }
    }
}
