//! Reports 报表: figures over a desk's requests, from their service records 服务记录
//! ([`crate::desk::record`]) and SLA clocks, over a reporting period 统计期间 `[from, to)`.
//!
//! - [`callback`]: 回访满意率 (share of satisfied callback answers) overall and by department,
//!   worker, kind or month; unreachable attempts; callback coverage 回访覆盖率.
//! - [`kpi`]: service KPIs 服务指标 — time to accept and to complete (median, p90), on-time
//!   rate per SLA clock, reopen and first-time-right rates, coverage, complaints per 100
//!   households.
//! - [`sample`]: reproducible callback sampling 回访抽样 from a seed.
//!
//! The figures are exact, as the survey scores are ([`crate::survey`]); a share over zero
//! answers is "no data" (`None`, `null` in JSON), never a number.

pub mod callback;
pub mod kpi;
pub mod sample;

use crate::survey::SurveyError;
use crate::time::Instant;

/// A reporting period 统计期间: the instants `t` with `from ≤ t < to` (half open, so that
/// consecutive periods share no instant).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportPeriod {
    from: Instant,
    to: Instant,
}

impl ReportPeriod {
    /// `[from, to)`. A period that ends before it starts is refused; an empty one
    /// (`from == to`) holds nothing.
    pub fn new(from: Instant, to: Instant) -> Result<ReportPeriod, SurveyError> {
        if to < from {
            return Err(SurveyError::invalid(
                "to",
                format!(
                    "the period ends ({}) before it starts ({})",
                    to.to_rfc3339(),
                    from.to_rfc3339()
                ),
            ));
        }
        Ok(ReportPeriod { from, to })
    }

    /// Start 起 (included).
    pub fn from(&self) -> Instant {
        self.from
    }

    /// End 止 (excluded).
    pub fn to(&self) -> Instant {
        self.to
    }

    /// Whether `t` lies in the period 统计期间.
    pub fn contains(&self, t: Instant) -> bool {
        self.from <= t && t < self.to
    }
}

/// Sorts `v` in place by `less` (heapsort: O(n log n), no allocation, not stable). Small on
/// purpose: the standard library's sorts are generic over the comparison and add kilobytes
/// to the WASM module for each element type.
pub(crate) fn heap_sort<T>(v: &mut [T], less: &dyn Fn(&T, &T) -> bool) {
    fn sift<T>(v: &mut [T], mut root: usize, end: usize, less: &dyn Fn(&T, &T) -> bool) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && less(&v[child], &v[child + 1]) {
                child += 1;
            }
            if !less(&v[root], &v[child]) {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift(v, root, n, less);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(v, 0, end, less);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn heap_sort_sorts(mut v in prop::collection::vec(any::<i16>(), 0..300)) {
            let mut expect = v.clone();
            expect.sort_unstable();
            heap_sort(&mut v, &|a, b| a < b);
            prop_assert_eq!(v, expect);
        }
    }
}
