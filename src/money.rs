//! Money in integer minor units: currencies, display, and exact splits.
//!
//! Nothing here uses floats. Every split keeps the sum exact: the parts add
//! up to the total, to the minor unit (SPEC §4.4).

use core::fmt;

use crate::error::{Error, ErrorKind, Field, IdKind, Location, Place, Total};

/// An ISO 4217 currency with its minor-unit exponent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Currency {
    /// The three-letter code.
    pub code: &'static str,
    /// Digits after the decimal point (USD 2, JPY 0, KWD 3).
    pub exponent: u8,
    /// Symbol written before amounts; the code and a space where no symbol is unambiguous.
    pub symbol: &'static str,
}

macro_rules! currencies {
    ($($name:ident = $code:literal, $exp:literal, $sym:literal;)*) => {
        impl Currency {
            $(#[doc = $code] pub const $name: Currency = Currency { code: $code, exponent: $exp, symbol: $sym };)*
        }
        /// Every currency the crate knows.
        pub const CURRENCIES: &[Currency] = &[$(Currency::$name,)*];
    };
}

currencies! {
    USD = "USD", 2, "$";
    EUR = "EUR", 2, "€";
    GBP = "GBP", 2, "£";
    CAD = "CAD", 2, "CA$";
    AUD = "AUD", 2, "A$";
    JPY = "JPY", 0, "¥";
    KRW = "KRW", 0, "₩";
    INR = "INR", 2, "₹";
    CNY = "CNY", 2, "CN¥";
    CHF = "CHF", 2, "CHF ";
    SEK = "SEK", 2, "SEK ";
    NOK = "NOK", 2, "NOK ";
    DKK = "DKK", 2, "DKK ";
    NZD = "NZD", 2, "NZ$";
    MXN = "MXN", 2, "MX$";
    BRL = "BRL", 2, "R$";
    ZAR = "ZAR", 2, "ZAR ";
    ISK = "ISK", 0, "ISK ";
    CLP = "CLP", 0, "CLP ";
    KWD = "KWD", 3, "KWD ";
    BHD = "BHD", 3, "BHD ";
    OMR = "OMR", 3, "OMR ";
    JOD = "JOD", 3, "JOD ";
}

impl Currency {
    /// Look a currency up by its ISO 4217 code (ASCII case-insensitive).
    pub fn from_code(code: &str) -> Result<Currency, ErrorKind> {
        crate::wire::find(CURRENCIES, |c| c.code, code, IdKind::Currency)
    }

    /// `amount` in this currency, ready to display.
    pub const fn amount(self, minor_units: i64) -> Money {
        Money {
            minor_units,
            currency: self,
        }
    }
}

/// An amount with its currency; `Display` writes it with thousands
/// separators and the currency's decimals (`$4,364,395.23`, `¥1,234`,
/// `KWD 1,234.567`), without floats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Money {
    /// Amount in minor units.
    pub minor_units: i64,
    /// Its currency.
    pub currency: Currency,
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let magnitude = self.minor_units.unsigned_abs();
        // An exponent beyond u64's digits is shown as whole units.
        let exponent = self.currency.exponent;
        let scale = 10u64.checked_pow(u32::from(exponent)).unwrap_or(1);
        if self.minor_units < 0 {
            f.write_str("-")?;
        }
        f.write_str(self.currency.symbol)?;
        write_grouped(f, magnitude.checked_div(scale).unwrap_or(magnitude))?;
        if scale > 1 {
            let width = usize::from(exponent);
            write!(f, ".{:0width$}", magnitude.checked_rem(scale).unwrap_or(0))?;
        }
        Ok(())
    }
}

/// Write `n` with a comma every three digits.
pub(crate) fn write_grouped(f: &mut dyn fmt::Write, n: u64) -> fmt::Result {
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut rest = n;
    loop {
        if let Some(slot) = digits.get_mut(len) {
            *slot = b'0'.saturating_add((rest % 10) as u8); // a single digit
        }
        len = len.saturating_add(1); // at most 20 digits
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for i in (0..len).rev() {
        let digit = digits.get(i).copied().unwrap_or(b'0');
        f.write_char(char::from(digit))?;
        if i > 0 && i % 3 == 0 {
            f.write_char(',')?;
        }
    }
    Ok(())
}

/// `a × b / d` rounded half-up (away from zero for negative values), for
/// basis-point rates. `None` on overflow or `d == 0`.
pub(crate) fn mul_div_half_up(a: i64, b: i64, d: i64) -> Option<i64> {
    if d <= 0 {
        return None;
    }
    // Fast path in 64 bits (fees times basis points nearly always fit).
    if let Some(product) = a.checked_mul(b).filter(|p| p.unsigned_abs() <= u64::MAX / 2) {
        // |product| ≤ u64::MAX / 2 and d / 2 < 2^63: the sum cannot wrap.
        let sum = product.unsigned_abs().wrapping_add(d.unsigned_abs() / 2);
        let magnitude = div_rem(sum, d.unsigned_abs())?.0;
        let magnitude = i64::try_from(magnitude).ok()?;
        return if product < 0 {
            magnitude.checked_neg()
        } else {
            Some(magnitude)
        };
    }
    let product = i128::from(a).checked_mul(i128::from(b))?;
    let d = d.unsigned_abs();
    let (magnitude, _) = div_rem_wide(product.unsigned_abs().checked_add(u128::from(d / 2))?, d)?;
    let magnitude = i128::try_from(magnitude).ok()?;
    i64::try_from(if product < 0 {
        magnitude.checked_neg()?
    } else {
        magnitude
    })
    .ok()
}

/// Basis points in a whole.
pub const BPS: i64 = 10_000;

/// `amount × bps / 10,000` rounded half-up (away from zero for negative
/// amounts): a rate in basis points applied to an amount. `None` on
/// overflow.
pub(crate) fn apply_bps(amount: i64, bps: u32) -> Option<i64> {
    mul_div_half_up(amount, i64::from(bps), BPS)
}

/// The argument error of the split functions.
const fn arg_error(kind: ErrorKind, field: Field) -> Error {
    Error::new(kind, Location::at(Place::Argument, Some(field)))
}

/// Split `total` minor units across `weights` by the largest-remainder
/// (Hamilton) method and write the parts into `out` (SPEC §4.4).
///
/// Every share gets the floor of its exact quota; the units left over go
/// one each to the largest remainders, ties to the lower index. A negative
/// total splits as the negation of the split of its absolute value. The
/// parts always add up to `total` exactly.
///
/// ```
/// let mut parts = [0i64; 3];
/// creditline::split(100, &[1, 1, 1], &mut parts).unwrap();
/// assert_eq!(parts, [34, 33, 33]);
/// creditline::split(-100, &[1, 1, 1], &mut parts).unwrap();
/// assert_eq!(parts, [-34, -33, -33]);
/// ```
pub fn split(total: i64, weights: &[u32], out: &mut [i64]) -> Result<(), Error> {
    check_split_args(weights, out)?;
    hamilton(total, |i| weights.get(i).map_or(0, |&w| u64::from(w)), out)
}

fn check_split_args(weights: &[u32], out: &[i64]) -> Result<(), Error> {
    if weights.len() != out.len() {
        return Err(arg_error(ErrorKind::WrongOutputLength, Field::Out));
    }
    if weights.iter().all(|&w| w == 0) {
        return Err(arg_error(ErrorKind::NoWeights, Field::Weights));
    }
    Ok(())
}

/// Hamilton's method over `out.len()` shares whose weights `weight(i)`
/// gives; shares of weight 0 get 0. Writes every element of `out`, which
/// also holds each share's remainder while the leftover units are placed
/// (so a quota is divided twice, never once per search step).
fn hamilton(total: i64, weight: impl Fn(usize) -> u64, out: &mut [i64]) -> Result<(), Error> {
    let overflow = arg_error(ErrorKind::Overflow { what: Total::Split }, Field::Weights);
    let n = out.len();
    // Remainders are below the sum and must fit an i64 of `out`.
    let sum = (0..n)
        .try_fold(0u64, |acc, i| acc.checked_add(weight(i)))
        .filter(|&sum| i64::try_from(sum).is_ok())
        .ok_or(overflow)?;
    if sum == 0 {
        return Err(arg_error(ErrorKind::NoWeights, Field::Weights));
    }
    let magnitude = total.unsigned_abs();
    let negative = total < 0;
    let parts = |i: usize| quota(magnitude, weight(i), sum);
    let mut assigned: u64 = 0;
    for (i, slot) in out.iter_mut().enumerate() {
        let (floor, rem) = parts(i).ok_or(overflow)?;
        assigned = assigned.checked_add(floor).ok_or(overflow)?;
        *slot = i64::try_from(rem).map_err(|_| overflow)?;
    }
    // Fewer than n units are left; they go to the largest remainders:
    // the largest threshold t with at least `leftover` remainders ≥ t
    // (binary search; `low <= high` throughout, so nothing wraps).
    let leftover = magnitude.checked_sub(assigned).ok_or(overflow)?;
    let count_at_least =
        |out: &[i64], threshold: u64| out.iter().filter(|&&r| r.unsigned_abs() >= threshold).count() as u64;
    let (threshold, mut ties) = if leftover == 0 {
        (u64::MAX, 0)
    } else {
        let (mut low, mut high) = (1u64, sum.saturating_sub(1));
        while low < high {
            let mid = low.saturating_add(high.saturating_sub(low).div_ceil(2));
            if count_at_least(out, mid) >= leftover {
                low = mid;
            } else {
                high = mid.saturating_sub(1);
            }
        }
        // Every remainder above the threshold gets a unit (fewer than
        // `leftover` of them, by the search); ties at the threshold go to
        // the lower indices until the leftover is used up.
        (
            low,
            leftover.saturating_sub(count_at_least(out, low.saturating_add(1))),
        )
    };
    for (i, slot) in out.iter_mut().enumerate() {
        let remainder = slot.unsigned_abs();
        let bonus = if remainder > threshold {
            true
        } else if remainder == threshold && ties > 0 {
            ties = ties.saturating_sub(1);
            true
        } else {
            false
        };
        let (floor, _) = parts(i).ok_or(overflow)?;
        let part = floor.checked_add(u64::from(bonus)).ok_or(overflow)?;
        // The signed part (i64::MIN is a valid part).
        *slot = if negative {
            0i64.checked_sub_unsigned(part)
        } else {
            i64::try_from(part).ok()
        }
        .ok_or(overflow)?;
    }
    Ok(())
}

/// The exact quota `magnitude × weight / sum` as its floor and remainder,
/// in 64 bits when the product fits, else in 128.
fn quota(magnitude: u64, weight: u64, sum: u64) -> Option<(u64, u64)> {
    match magnitude.checked_mul(weight) {
        Some(product) => div_rem(product, sum),
        None => {
            let product = u128::from(magnitude).checked_mul(u128::from(weight))?;
            let (floor, rem) = div_rem_wide(product, sum)?;
            Some((u64::try_from(floor).ok()?, rem))
        }
    }
}

/// `n / d` and `n % d`; `None` when `d` is 0. With `large-tables`, the
/// processor's (or the runtime's) 64-bit division: the long division costs
/// a step per bit, which makes the top sheet of a large table twice and a
/// split nine times as slow (`benches/icount.py` guards both). Without
/// it, the long division, and a firmware image links no 64-bit division
/// routine (0.8 KiB of flash on a 32-bit core).
#[inline]
fn div_rem(n: u64, d: u64) -> Option<(u64, u64)> {
    if cfg!(feature = "large-tables") {
        Some((n.checked_div(d)?, n.checked_rem(d)?))
    } else {
        let (quotient, remainder) = long_division(u128::from(n), d)?;
        Some((u64::try_from(quotient).ok()?, remainder))
    }
}

/// `n / d` and `n % d` for a 128-bit numerator and a 64-bit divisor;
/// `None` when `d` is 0. A numerator within 64 bits takes [`div_rem`]; a
/// wider one, which only sums past 2^64 reach (and the top sheet's shares,
/// five divisions a sheet), takes a long division, one bit of the numerator
/// at a time from its highest set bit: core's 128-bit division would add
/// about 0.9 KiB to a firmware image for a path real budgets barely use
/// (the footprint check of `.ci/run` guards the image).
pub(crate) fn div_rem_wide(n: u128, d: u64) -> Option<(u128, u64)> {
    match u64::try_from(n) {
        Ok(narrow) => div_rem(narrow, d).map(|(q, r)| (u128::from(q), r)),
        Err(_) => long_division(n, d),
    }
}

/// Long division, one bit of the numerator at a time from its highest set
/// bit.
fn long_division(n: u128, d: u64) -> Option<(u128, u64)> {
    if d == 0 {
        return None;
    }
    let divisor = u128::from(d);
    let (mut quotient, mut remainder) = (0u128, 0u128);
    for bit in (0..128u32.saturating_sub(n.leading_zeros())).rev() {
        // The remainder stays below the divisor, so shifting it never
        // loses a bit.
        remainder = remainder.wrapping_shl(1) | (n.wrapping_shr(bit) & 1);
        quotient = quotient.wrapping_shl(1);
        if remainder >= divisor {
            remainder = remainder.wrapping_sub(divisor);
            quotient |= 1;
        }
    }
    Some((quotient, u64::try_from(remainder).ok()?))
}

/// Like [`split`], but no share gets more than its cap (in magnitude), for
/// example a deferment's face value. The excess over a cap is re-split among
/// the shares not yet at their cap. An error when the caps of the shares
/// with weight cannot hold the total.
///
/// ```
/// let mut parts = [0i64; 3];
/// creditline::split_capped(900, &[1, 1, 1], &[100, 1_000, 1_000], &mut parts).unwrap();
/// assert_eq!(parts, [100, 400, 400]);
/// ```
pub fn split_capped(total: i64, weights: &[u32], caps: &[i64], out: &mut [i64]) -> Result<(), Error> {
    check_split_args(weights, out)?;
    if caps.len() != weights.len() {
        return Err(arg_error(ErrorKind::WrongOutputLength, Field::Caps));
    }
    if caps.iter().any(|&c| c < 0) {
        return Err(arg_error(ErrorKind::NegativeAmount, Field::Caps));
    }
    let weight = |i: usize| weights.get(i).map_or(0, |&w| u64::from(w));
    let cap = |i: usize| caps.get(i).map_or(0, |&c| i128::from(c));
    let n = weights.len();
    let capacity: i128 = (0..n).filter(|&i| weight(i) > 0).map(cap).sum();
    let magnitude = i128::from(total.unsigned_abs());
    if capacity < magnitude {
        return Err(arg_error(ErrorKind::CapsTooSmall, Field::Caps));
    }
    // Exact solution: part_i = min(cap_i, λ·w_i) with Σ parts = total. A share
    // is at its cap when cap_i ≤ λ·w_i, with λ = num / den. Removing capped
    // shares only raises λ, so the capped set grows each round until stable
    // (at most n rounds).
    let all_weight: i128 = (0..n).map(|i| i128::from(weight(i))).sum();
    let (mut num, mut den) = (magnitude, all_weight);
    let mut capped_count = 0;
    loop {
        // cap < 2^63 and den ≤ n · 2^32, num < 2^64 and w < 2^32: no product
        // comes near i128::MAX, so saturation never happens.
        let is_capped = |i: usize| {
            weight(i) > 0 && cap(i).saturating_mul(den) <= num.saturating_mul(i128::from(weight(i)))
        };
        let capped = (0..n).filter(|&i| is_capped(i));
        let count = capped.clone().count();
        let capped_sum: i128 = capped.clone().map(cap).sum();
        let capped_weight: i128 = capped.map(|i| i128::from(weight(i))).sum();
        let stable = count == capped_count;
        capped_count = count;
        // The capped shares hold at most the total (cap ≤ λ·w for each).
        let next = (
            magnitude.saturating_sub(capped_sum),
            all_weight.saturating_sub(capped_weight),
        );
        if stable || next.1 == 0 {
            // Capped shares take their cap; the rest is split exactly among
            // the open shares, none of which can round past its cap.
            let rest = i64::try_from(next.0)
                .map_err(|_| arg_error(ErrorKind::Overflow { what: Total::Split }, Field::Total))?;
            if next.1 == 0 {
                out.fill(0);
            } else {
                hamilton(rest, |i| if is_capped(i) { 0 } else { weight(i) }, out)?;
            }
            for (i, part) in out.iter_mut().enumerate() {
                if is_capped(i) {
                    *part = caps.get(i).copied().unwrap_or(0);
                }
                if total < 0 {
                    *part = 0i64.saturating_sub(*part); // parts are ≥ 0 here
                }
            }
            return Ok(());
        }
        (num, den) = next;
    }
}

/// One period of a cumulative statement (SPEC §4.4): split the cumulative
/// `total_to_date`, pay each share the difference from what it was paid
/// before, and record the new cumulative parts in `paid_to_date`. Rounding
/// never drifts across statements because every statement splits the
/// cumulative total afresh.
///
/// ```
/// let weights = [1, 1, 1];
/// let mut paid = [0i64; 3];
/// let mut payment = [0i64; 3];
/// creditline::split_statement(100, &weights, &mut paid, &mut payment).unwrap();
/// assert_eq!(payment, [34, 33, 33]);
/// creditline::split_statement(200, &weights, &mut paid, &mut payment).unwrap();
/// assert_eq!(payment, [33, 34, 33]);
/// assert_eq!(paid, [67, 67, 66]);
/// ```
pub fn split_statement(
    total_to_date: i64,
    weights: &[u32],
    paid_to_date: &mut [i64],
    payment: &mut [i64],
) -> Result<(), Error> {
    if paid_to_date.len() != weights.len() {
        return Err(arg_error(ErrorKind::WrongOutputLength, Field::PaidToDate));
    }
    split(total_to_date, weights, payment)?;
    // Check every difference before touching `paid_to_date`.
    for (due, &paid) in payment.iter().zip(paid_to_date.iter()) {
        due.checked_sub(paid).ok_or(arg_error(
            ErrorKind::Overflow {
                what: Total::Statement,
            },
            Field::PaidToDate,
        ))?;
    }
    for (due, paid) in payment.iter_mut().zip(paid_to_date.iter_mut()) {
        let cumulative = *due;
        *due = cumulative.saturating_sub(*paid); // checked above: never saturates
        *paid = cumulative;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic stream of words, with extremes mixed in.
    fn words() -> impl Iterator<Item = u64> {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        core::iter::from_fn(move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            Some(match state % 7 {
                0 => [0, 1, 2, u64::MAX, u64::MAX / 2, 10_000][(state >> 32) as usize % 6],
                1 => state >> 40,
                _ => state,
            })
        })
    }

    #[test]
    fn wide_division_matches_u128() {
        let mut w = words();
        for _ in 0..20_000 {
            let n = u128::from(w.next().unwrap()) << (w.next().unwrap() % 64) | u128::from(w.next().unwrap());
            let d = w.next().unwrap();
            let expected = (d != 0).then(|| (n / u128::from(d), (n % u128::from(d)) as u64));
            assert_eq!(div_rem_wide(n, d), expected, "{n} / {d}");
            assert_eq!(long_division(n, d), expected, "{n} / {d} by bits");
            let narrow = n as u64;
            let expected = (d != 0).then(|| (u128::from(narrow / d), narrow % d));
            assert_eq!(
                long_division(u128::from(narrow), d),
                expected,
                "{narrow} / {d} by bits"
            );
        }
    }

    #[test]
    fn rates_round_half_up_away_from_zero() {
        let mut w = words();
        for _ in 0..20_000 {
            let (a, b, d) = (
                w.next().unwrap() as i64,
                (w.next().unwrap() % 20_001) as i64,
                w.next().unwrap() as i64,
            );
            let expected = (d > 0)
                .then(|| {
                    let p = i128::from(a) * i128::from(b);
                    let m = (p.unsigned_abs() + u128::from(d as u64 / 2)) / u128::from(d as u64);
                    i64::try_from(if p < 0 { -(m as i128) } else { m as i128 }).ok()
                })
                .flatten();
            assert_eq!(mul_div_half_up(a, b, d), expected, "{a} × {b} / {d}");
        }
        assert_eq!(mul_div_half_up(5, 1, 10), Some(1));
        assert_eq!(mul_div_half_up(-5, 1, 10), Some(-1));
        assert_eq!(mul_div_half_up(4, 1, 10), Some(0));
    }
}
