//! Reproducible callback sampling 回访抽样: which closed requests get a callback visit, decided
//! from a seed the host chooses, so that every platform picks the same requests.
//!
//! Each request gets a 64-bit **key** from the seed and its id alone:
//!
//! 1. FNV-1a 64 over the bytes: the seed in UTF-8, one `0x00` byte, the id in UTF-8.
//!    `h = 0xcbf29ce484222325`; for each byte `b`: `h = (h XOR b) × 0x100000001b3 mod 2⁶⁴`.
//! 2. The SplitMix64 finalizer on `h` (all arithmetic mod 2⁶⁴):
//!    `z = (h XOR (h >> 30)) × 0xbf58476d1ce4e5b9`;
//!    `z = (z XOR (z >> 27)) × 0x94d049bb133111eb`;
//!    `key = z XOR (z >> 31)`.
//!
//! Test vector (computed independently in Python): seed `"2026-Q3"`, id `"WY20260930-001"`
//! → FNV-1a `0xb9d7985b62dfa402` → key `0x02e51abac64e9177` = 208602347235873143, whose
//! draw (key mod 10000) is 3143.
//!
//! - **By rate**: a request is selected when `key mod 10000 < rate × 100`, the rate being a
//!   percentage with at most 2 decimals (`"30"`, `"12.5"`), 0–100. Whether a request is
//!   selected depends on the seed, its id and the rate only — not on the other requests —
//!   so the selected share converges to the rate, and a request selected at some rate is
//!   selected at every higher rate.
//! - **By size**: the `size` requests with the smallest keys (ties, which need equal keys, by
//!   id), all of them when there are fewer.
//!
//! The selection is listed by id (byte order), so it does not depend on the order the ids
//! were given in.

use super::{heap_sort, ReportPeriod};
use crate::desk::request::{Closure, Stage};
use crate::desk::Desk;
use crate::money::Decimal;
use crate::survey::SurveyError;
use serde::Serialize;

/// FNV-1a 64 offset basis (the start of every sampling key 抽样键).
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a 64 prime (sampling key 抽样键).
pub const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
/// Draws 抽签值 are keys modulo this: a rate is counted in hundredths of a percent.
pub const DRAWS: u64 = 10_000;

/// The sampling key 抽样键 of a request id under a seed (see the module documentation).
pub fn sample_key(seed: &str, id: &str) -> u64 {
    let mut h = FNV_OFFSET;
    for b in seed.bytes().chain([0u8]).chain(id.bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
    }
    let z = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A sampling rate 抽样比例 in hundredths of a percent: 0 (none) to 10000 (all).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct SampleRate(u16);

impl SampleRate {
    /// A rate from hundredths of a percent (at most 10000).
    pub fn from_hundredths(h: u16) -> Result<SampleRate, SurveyError> {
        if u64::from(h) > DRAWS {
            return Err(SurveyError::invalid(
                "rate",
                format!(
                    "must be 0–100 percent, got {}",
                    Decimal::new(h.into(), 2)
                        .map(|d| d.to_string())
                        .unwrap_or_default()
                ),
            ));
        }
        Ok(SampleRate(h))
    }

    /// A rate from a percentage with at most 2 decimals, 0–100.
    pub fn from_percent(p: Decimal) -> Result<SampleRate, SurveyError> {
        let h = p
            .rescaled(2)
            .ok_or_else(|| SurveyError::invalid("rate", format!("{p}: at most 2 decimals")))?;
        match u16::try_from(h) {
            Ok(h) if u64::from(h) <= DRAWS => Ok(SampleRate(h)),
            _ => Err(SurveyError::invalid(
                "rate",
                format!("must be 0–100 percent, got {p}"),
            )),
        }
    }

    /// Hundredths of a percent.
    pub const fn hundredths(self) -> u16 {
        self.0
    }

    /// Whether the request with this key is selected.
    pub fn selects(self, key: u64) -> bool {
        key % DRAWS < u64::from(self.0)
    }
}

/// How many to select 抽样方式: by rate or by size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SampleRule {
    /// Each request with probability `rate` (stable per request).
    Rate(SampleRate),
    /// The requests with the `size` smallest keys.
    Size(u64),
}

/// A drawn sample 抽样结果.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Sample {
    /// Requests considered.
    pub considered: u64,
    /// Requests selected, by id.
    pub selected: Vec<String>,
}

/// Draws a callback sample 回访抽样 of `ids` under `seed`. Ids must be distinct; the seed must
/// not be empty.
pub fn sample<S: AsRef<str>>(
    seed: &str,
    ids: &[S],
    rule: SampleRule,
) -> Result<Sample, SurveyError> {
    if seed.is_empty() {
        return Err(SurveyError::invalid("seed", "must not be empty"));
    }
    // By id, to find duplicates; the selection keeps this order.
    let mut keyed: Vec<(u64, &str)> = ids
        .iter()
        .map(|id| (sample_key(seed, id.as_ref()), id.as_ref()))
        .collect();
    heap_sort(&mut keyed, &|a, b| a.1 < b.1);
    if let Some(w) = keyed.windows(2).find(|w| w[0].1 == w[1].1) {
        return Err(SurveyError::invalid(
            "ids",
            format!("{} appears twice", w[0].1),
        ));
    }
    let selected: Vec<&str> = match rule {
        SampleRule::Rate(rate) => keyed
            .iter()
            .filter(|(k, _)| rate.selects(*k))
            .map(|(_, id)| *id)
            .collect(),
        SampleRule::Size(k) => {
            let k = usize::try_from(k).unwrap_or(usize::MAX);
            if k < keyed.len() {
                // The k smallest keys (ids are distinct, so no two pairs are equal), then
                // back to id order.
                heap_sort(&mut keyed, &|a, b| a < b);
                keyed.truncate(k);
                heap_sort(&mut keyed, &|a, b| a.1 < b.1);
            }
            keyed.iter().map(|(_, id)| *id).collect()
        }
    };
    Ok(Sample {
        considered: ids.len() as u64,
        selected: selected.into_iter().map(str::to_owned).collect(),
    })
}

/// The requests eligible for a callback visit 回访 in a period: closed 已关闭 with their closing
/// event in it, except closures without work 主动结单 (no service was given). By id.
pub fn closed_in(desk: &Desk, period: ReportPeriod) -> Vec<&str> {
    desk.requests()
        .filter(|r| {
            matches!(&r.stage, Stage::Closed { closure } if !matches!(closure, Closure::WithoutWork { .. }))
                && period.contains(r.last_event_at)
        })
        .map(|r| r.id())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn keys_match_an_independent_implementation() {
        // Computed with a few lines of Python (FNV-1a 64, then the SplitMix64 finalizer):
        // (seed, id) → FNV-1a, key.
        for (seed, id, fnv, key) in [
            (
                "2026-Q3",
                "WY20260930-001",
                0xb9d7985b62dfa402u64,
                0x02e51abac64e9177u64,
            ),
            ("seed", "R1", 0xf47bfc7c8cff1a89, 0x3d13792b6952b5ed),
            // The FNV-1a 64 of the single byte 0x00 is the published 0xaf63bd4c8601b7df.
            ("", "", 0xaf63bd4c8601b7df, 0x25fc6dd36ce04b20),
            ("回访2026", "R2", 0x7414dea8ab0a5e1e, 0xd981ef2ea7aa2aad),
        ] {
            let mut h = FNV_OFFSET;
            for b in seed.bytes().chain([0]).chain(id.bytes()) {
                h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
            }
            assert_eq!(h, fnv, "{seed:?} {id:?}");
            assert_eq!(sample_key(seed, id), key, "{seed:?} {id:?}");
        }
        assert_eq!(
            sample_key("2026-Q3", "WY20260930-001"),
            208_602_347_235_873_143
        );
        assert_eq!(sample_key("2026-Q3", "WY20260930-001") % DRAWS, 3143);
    }

    fn rate(s: &str) -> Result<SampleRate, SurveyError> {
        SampleRate::from_percent(s.parse().expect("a decimal"))
    }

    #[test]
    fn rates_are_percentages_with_two_decimals() {
        assert_eq!(rate("30").map(SampleRate::hundredths), Ok(3000));
        assert_eq!(rate("12.5").map(SampleRate::hundredths), Ok(1250));
        assert_eq!(rate("0.01").map(SampleRate::hundredths), Ok(1));
        assert_eq!(rate("100.00").map(SampleRate::hundredths), Ok(10_000));
        for bad in ["12.345", "100.01", "-1", "1000"] {
            assert_eq!(
                rate(bad).map_err(|e| e.code()),
                Err("invalid_survey"),
                "{bad}"
            );
        }
        let ids: Vec<String> = (0..500).map(|i| format!("R{i}")).collect();
        let all = sample("s", &ids, SampleRule::Rate(rate("100").expect("ok"))).expect("ok");
        assert_eq!(all.selected.len(), 500);
        let none = sample("s", &ids, SampleRule::Rate(rate("0").expect("ok"))).expect("ok");
        assert!(none.selected.is_empty());
    }

    #[test]
    fn refusals() {
        let r = SampleRule::Size(1);
        assert!(sample("", &["a"], r).is_err());
        assert_eq!(
            sample("s", &["a", "b", "a"], r).map_err(|e| e.to_string()),
            Err("ids: a appears twice".into())
        );
        // Fewer than the size: all of them.
        assert_eq!(
            sample("s", &["b", "a"], SampleRule::Size(5)).map(|s| s.selected),
            Ok(vec!["a".to_owned(), "b".to_owned()])
        );
    }

    #[test]
    fn the_selected_share_converges_to_the_rate() {
        // 100 000 ids; the count selected at rate r is binomial(100000, r): for 30% the
        // standard deviation is sqrt(100000 · 0.3 · 0.7) ≈ 145, so ±1000 is about 7 of them.
        let ids: Vec<String> = (0..100_000).map(|i| format!("WY{i:08}")).collect();
        for (r, expect) in [("30", 30_000i64), ("12.5", 12_500), ("2.25", 2_250)] {
            let s = sample("2026-Q3", &ids, SampleRule::Rate(rate(r).expect("ok"))).expect("ok");
            let got = s.selected.len() as i64;
            assert!((got - expect).abs() < 1000, "rate {r}: {got} of 100000");
        }
    }

    proptest! {
        #[test]
        fn sampling_is_deterministic_and_order_independent(
            ids in prop::collection::btree_set("[A-Z0-9-]{1,12}", 0..60),
            seed in "[a-z0-9回访]{1,8}",
            hundredths in 0u16..=10_000,
            size in 0u64..70,
            shuffle in any::<u64>(),
        ) {
            let ids: Vec<String> = ids.into_iter().collect();
            let mut shuffled = ids.clone();
            // A deterministic shuffle from the generated number.
            let mut x = shuffle;
            for i in (1..shuffled.len()).rev() {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                shuffled.swap(i, (x >> 33) as usize % (i + 1));
            }
            let rate = SampleRate::from_hundredths(hundredths).expect("in range");
            for rule in [SampleRule::Rate(rate), SampleRule::Size(size)] {
                let a = sample(&seed, &ids, rule).expect("ok");
                prop_assert_eq!(&a, &sample(&seed, &shuffled, rule).expect("ok"));
                prop_assert_eq!(a.considered, ids.len() as u64);
            }
            // Stable per request: a request's fate at a rate does not depend on the others,
            // and a higher rate keeps every request a lower one selected.
            let all = sample(&seed, &ids, SampleRule::Rate(rate)).expect("ok");
            for id in &ids {
                let alone = sample(&seed, std::slice::from_ref(id), SampleRule::Rate(rate)).expect("ok");
                prop_assert_eq!(alone.selected.len() == 1, all.selected.contains(id));
            }
            let more = SampleRate::from_hundredths(hundredths.saturating_add(500).min(10_000)).expect("in range");
            let wider = sample(&seed, &ids, SampleRule::Rate(more)).expect("ok");
            prop_assert!(all.selected.iter().all(|id| wider.selected.contains(id)));
            // By size: exactly min(size, n), the smallest keys.
            let by_size = sample(&seed, &ids, SampleRule::Size(size)).expect("ok");
            prop_assert_eq!(by_size.selected.len() as u64, size.min(ids.len() as u64));
            let cut = by_size.selected.iter().map(|id| sample_key(&seed, id)).max();
            if let Some(cut) = cut {
                let below = ids.iter().filter(|id| sample_key(&seed, id) <= cut).count();
                prop_assert_eq!(below, by_size.selected.len());
            }
        }
    }
}
