//! Exact fractions 精确分数 for means of means: a SERVQUAL dimension is the mean of its
//! items' means, the overall the mean of five dimension means, an index a weighted sum of
//! item means. Each item mean has its own denominator (the respondents who answered it), and
//! the common denominator of twenty-two of them need not fit in 128 bits — so a [`Fraction`]
//! keeps its numerator and denominator as unbounded integers, unreduced, and is rounded once,
//! at the end, to a [`Figure`]. No intermediate mean is ever rounded.
//!
//! The big integers here are the minimum that needs: add, subtract, multiply, compare, and
//! one long division for the final rounding.

use super::{pow10, Figure};
use crate::money::Rounding;
use std::cmp::Ordering;

/// An unsigned integer of any size: little-endian base-2³² limbs, no high zero limbs.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Nat(Vec<u32>);

impl Nat {
    fn from_u128(mut v: u128) -> Nat {
        let mut limbs = Vec::new();
        while v > 0 {
            limbs.push(v as u32);
            v >>= 32;
        }
        Nat(limbs)
    }

    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    fn trim(mut self) -> Nat {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
        self
    }

    fn cmp(&self, other: &Nat) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    fn add(&self, other: &Nat) -> Nat {
        let (long, short) = if self.0.len() >= other.0.len() {
            (self, other)
        } else {
            (other, self)
        };
        let mut out = Vec::with_capacity(long.0.len() + 1);
        let mut carry = 0u64;
        for (i, &a) in long.0.iter().enumerate() {
            let s = u64::from(a) + u64::from(short.0.get(i).copied().unwrap_or(0)) + carry;
            out.push(s as u32);
            carry = s >> 32;
        }
        if carry > 0 {
            out.push(carry as u32);
        }
        Nat(out)
    }

    /// `self − other`, for `self ≥ other`.
    fn sub(&self, other: &Nat) -> Nat {
        let mut out = Vec::with_capacity(self.0.len());
        let mut borrow = 0i64;
        for (i, &a) in self.0.iter().enumerate() {
            let mut d = i64::from(a) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            borrow = 0;
            if d < 0 {
                d += 1 << 32;
                borrow = 1;
            }
            out.push(d as u32);
        }
        Nat(out).trim()
    }

    fn mul(&self, other: &Nat) -> Nat {
        if self.is_zero() || other.is_zero() {
            return Nat(Vec::new());
        }
        let mut out = vec![0u32; self.0.len() + other.0.len()];
        for (i, &a) in self.0.iter().enumerate() {
            let mut carry = 0u64;
            for (j, &b) in other.0.iter().enumerate() {
                let t = u64::from(a) * u64::from(b) + u64::from(out[i + j]) + carry;
                out[i + j] = t as u32;
                carry = t >> 32;
            }
            let mut k = i + other.0.len();
            while carry > 0 {
                let t = u64::from(out[k]) + carry;
                out[k] = t as u32;
                carry = t >> 32;
                k += 1;
            }
        }
        Nat(out).trim()
    }

    fn bits(&self) -> usize {
        match self.0.last() {
            None => 0,
            Some(&top) => 32 * self.0.len() - top.leading_zeros() as usize,
        }
    }

    fn bit(&self, i: usize) -> bool {
        self.0.get(i / 32).is_some_and(|l| (l >> (i % 32)) & 1 == 1)
    }

    /// `2·self + bit`.
    fn double_plus(&mut self, bit: bool) {
        let mut carry = u32::from(bit);
        for l in &mut self.0 {
            let next = *l >> 31;
            *l = (*l << 1) | carry;
            carry = next;
        }
        if carry > 0 {
            self.0.push(carry);
        }
    }

    /// `(self / d, self % d)` when the quotient fits in a `u128` (`d` > 0), by binary long
    /// division.
    fn div_rem_small_quotient(&self, d: &Nat) -> Option<(u128, Nat)> {
        let mut q: u128 = 0;
        let mut r = Nat(Vec::new());
        for i in (0..self.bits()).rev() {
            r.double_plus(self.bit(i));
            if q >> 127 != 0 {
                return None;
            }
            q <<= 1;
            if r.cmp(d) != Ordering::Less {
                r = r.sub(d);
                q |= 1;
            }
        }
        Some((q, r))
    }
}

/// An exact fraction 精确分数 `±num / den` (`den` > 0) of unbounded integers. Sums and
/// products never overflow; only the final rounding to a [`Figure`] can (when the figure
/// itself does not fit an `i128`).
#[derive(Debug, Clone)]
pub struct Fraction {
    negative: bool,
    num: Nat,
    den: Nat,
}

impl Fraction {
    /// Zero 零.
    pub fn zero() -> Fraction {
        Fraction {
            negative: false,
            num: Nat(Vec::new()),
            den: Nat::from_u128(1),
        }
    }

    /// `num / den`; `None` when `den` is zero (no data 无数据).
    pub fn new(num: i128, den: i128) -> Option<Fraction> {
        if den == 0 {
            return None;
        }
        Some(Fraction {
            negative: (num < 0) != (den < 0) && num != 0,
            num: Nat::from_u128(num.unsigned_abs()),
            den: Nat::from_u128(den.unsigned_abs()),
        })
    }

    /// An integer 整数.
    pub fn int(n: i128) -> Fraction {
        Fraction {
            negative: n < 0,
            num: Nat::from_u128(n.unsigned_abs()),
            den: Nat::from_u128(1),
        }
    }

    /// Whether it is below zero 负数.
    pub fn is_negative(&self) -> bool {
        self.negative && !self.num.is_zero()
    }

    /// `self + other`, exactly (加).
    pub fn add(&self, other: &Fraction) -> Fraction {
        let a = self.num.mul(&other.den);
        let b = other.num.mul(&self.den);
        let den = self.den.mul(&other.den);
        let (negative, num) = if self.negative == other.negative {
            (self.negative, a.add(&b))
        } else {
            match a.cmp(&b) {
                Ordering::Less => (other.negative, b.sub(&a)),
                _ => (self.negative, a.sub(&b)),
            }
        };
        Fraction {
            negative: negative && !num.is_zero(),
            num,
            den,
        }
    }

    /// `self − other`, exactly (减).
    pub fn sub(&self, other: &Fraction) -> Fraction {
        self.add(&other.neg())
    }

    /// `−self` (相反数).
    pub fn neg(&self) -> Fraction {
        Fraction {
            negative: !self.negative && !self.num.is_zero(),
            num: self.num.clone(),
            den: self.den.clone(),
        }
    }

    /// `self × other`, exactly (乘).
    pub fn mul(&self, other: &Fraction) -> Fraction {
        let num = self.num.mul(&other.num);
        Fraction {
            negative: (self.negative != other.negative) && !num.is_zero(),
            num,
            den: self.den.mul(&other.den),
        }
    }

    /// `self × num / den` (按比例); `None` when `den` is zero.
    pub fn scale(&self, num: i128, den: i128) -> Option<Fraction> {
        Fraction::new(num, den).map(|f| self.mul(&f))
    }

    /// The mean 平均值 of `parts`: their sum over their count. `None` for no parts.
    pub fn mean<'a, I: IntoIterator<Item = &'a Fraction>>(parts: I) -> Option<Fraction> {
        let mut sum = Fraction::zero();
        let mut count: i128 = 0;
        for p in parts {
            sum = sum.add(p);
            count += 1;
        }
        sum.scale(1, count)
    }

    /// The value × 10^`places`, rounded 舍入 to an integer by `mode` (as
    /// [`div_round`](crate::money::div_round): half up is half away from zero). `None` if it
    /// does not fit an `i128`.
    pub fn round(&self, places: u32, mode: Rounding) -> Option<i128> {
        let num = self.num.mul(&Nat::from_u128(pow10(places)?.unsigned_abs()));
        let (q, r) = num.div_rem_small_quotient(&self.den)?;
        let q = i128::try_from(q).ok()?;
        let away = if r.is_zero() {
            false
        } else {
            match mode {
                Rounding::Down => false,
                Rounding::Up => true,
                Rounding::HalfUp | Rounding::HalfEven => match r.add(&r).cmp(&self.den) {
                    Ordering::Less => false,
                    Ordering::Greater => true,
                    Ordering::Equal => mode == Rounding::HalfUp || q % 2 != 0,
                },
            }
        };
        let magnitude = if away { q.checked_add(1)? } else { q };
        Some(if self.is_negative() {
            -magnitude
        } else {
            magnitude
        })
    }

    /// The value to `places` places, half up 四舍五入 (away from zero) — the one rounding of a
    /// figure.
    pub fn figure(&self, places: u32) -> Option<Figure> {
        self.round(places, Rounding::HalfUp)
            .map(|m| Figure::new(m, places))
    }
}

impl PartialEq for Fraction {
    fn eq(&self, other: &Fraction) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Fraction {}

impl PartialOrd for Fraction {
    fn partial_cmp(&self, other: &Fraction) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Fraction {
    /// By value, exactly.
    fn cmp(&self, other: &Fraction) -> Ordering {
        let d = self.sub(other);
        if d.num.is_zero() {
            Ordering::Equal
        } else if d.negative {
            Ordering::Less
        } else {
            Ordering::Greater
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::div_round;
    use proptest::prelude::*;

    fn f(n: i128, d: i128) -> Fraction {
        Fraction::new(n, d).expect("non-zero denominator")
    }

    #[test]
    fn sums_of_thirds_and_sevenths() {
        // 1/3 + 1/7 = 10/21 = 0.476190… → 0.4762 at 4 places.
        assert_eq!(f(1, 3).add(&f(1, 7)).round(4, Rounding::HalfUp), Some(4762));
        // 1/3 − 1/2 = −1/6 = −0.1666… → −0.1667 (half up is away from zero).
        assert_eq!(
            f(1, 3).sub(&f(1, 2)).round(4, Rounding::HalfUp),
            Some(-1667)
        );
        // −1/8 = −0.125 → −0.13 half up, −0.12 half even, −0.12 down, −0.13 up.
        assert_eq!(f(-1, 8).round(2, Rounding::HalfUp), Some(-13));
        assert_eq!(f(-1, 8).round(2, Rounding::HalfEven), Some(-12));
        assert_eq!(f(-1, 8).round(2, Rounding::Down), Some(-12));
        assert_eq!(f(-1, 8).round(2, Rounding::Up), Some(-13));
        // Mean of 1/3, 2/3 and 1 is 2/3 = 0.6667.
        assert_eq!(
            Fraction::mean(&[f(1, 3), f(2, 3), f(1, 1)]).and_then(|m| m.figure(4)),
            Some(Figure::new(6667, 4))
        );
        assert!(Fraction::mean(&[]).is_none());
        assert!(Fraction::new(1, 0).is_none());
        assert_eq!(f(0, -5).round(2, Rounding::Up), Some(0));
        assert!(!f(0, -5).is_negative());
    }

    #[test]
    fn denominators_beyond_128_bits_stay_exact() {
        // Σ 1/p over the 27 primes from 101 to 239: the denominator is their product,
        // about 2^198.
        let primes = [
            101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181,
            191, 193, 197, 199, 211, 223, 227, 229, 233, 239,
        ];
        let mut sum = Fraction::zero();
        for p in primes {
            sum = sum.add(&f(1, p));
        }
        assert!(sum.den.bits() > 128);
        // Then subtract each again: exactly zero.
        let mut back = sum.clone();
        for p in primes {
            back = back.sub(&f(1, p));
        }
        assert_eq!(back.round(10, Rounding::Up), Some(0));
        assert_eq!(back.cmp(&Fraction::zero()), Ordering::Equal);
    }

    #[test]
    fn too_large_a_figure_is_none() {
        assert_eq!(
            Fraction::int(i128::MAX).round(0, Rounding::HalfUp),
            Some(i128::MAX)
        );
        assert_eq!(Fraction::int(i128::MAX).round(1, Rounding::HalfUp), None);
    }

    proptest! {
        #[test]
        fn rounding_agrees_with_div_round(
            a in -1_000_000i128..1_000_000, b in 1i128..10_000,
            c in -1_000_000i128..1_000_000, d in 1i128..10_000,
            places in 0u32..6, mode_ix in 0usize..4,
        ) {
            let mode = [Rounding::HalfUp, Rounding::HalfEven, Rounding::Up, Rounding::Down][mode_ix];
            // a/b + c/d = (ad + cb) / bd.
            let (n, den) = (a * d + c * b, b * d);
            let want = div_round(n * 10i128.pow(places), den, mode);
            prop_assert_eq!(f(a, b).add(&f(c, d)).round(places, mode), Some(want));
            let want_diff = div_round((a * d - c * b) * 10i128.pow(places), den, mode);
            prop_assert_eq!(f(a, b).sub(&f(c, d)).round(places, mode), Some(want_diff));
            let want_prod = div_round(a * c * 10i128.pow(places), den, mode);
            prop_assert_eq!(f(a, b).mul(&f(c, d)).round(places, mode), Some(want_prod));
            prop_assert_eq!(f(a, b).cmp(&f(c, d)), (a * d).cmp(&(c * b)));
        }
    }
}
