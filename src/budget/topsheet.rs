//! The budget top sheet (SPEC §4.3), exact in minor units with checked
//! arithmetic. Every total is computed from its parts, so it never differs
//! from their sum.

use core::fmt;

use super::classify::classify_entry;
use crate::error::{Buffer, Error, ErrorKind, Field, Location, Place, Total, narrow};
use crate::money::{BPS, Currency, Money, apply_bps, div_rem_wide};
use crate::table::{ChargeRate, Entry, MAX_CHARGES, Section, Table};

/// One contractual charge as computed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ChargeLine<'a> {
    /// The charge's name.
    pub name: &'a str,
    /// Its amount in minor units.
    pub amount: i64,
}

/// Shares of the grand total in basis points, adding up to exactly 10000
/// (0 everywhere when the grand total is 0).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Shares {
    /// Per section, in [`Section::ALL`] order.
    pub sections: [i64; 4],
    /// All contractual charges together.
    pub charges: i64,
}

/// The top sheet of a budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct TopSheet<'a> {
    /// The currency of every amount.
    pub currency: Currency,
    /// Each section's total, fringes included, in [`Section::ALL`] order.
    pub sections: [i64; 4],
    /// The fringes posted into each section (already in `sections`).
    pub fringes_by_section: [i64; 4],
    /// All fringes.
    pub fringes: i64,
    /// Below the line: production + post + other.
    pub btl: i64,
    /// Above plus below the line.
    pub atl_btl: i64,
    charges: [ChargeLine<'a>; MAX_CHARGES],
    charge_count: usize,
    /// All contractual charges.
    pub charges_total: i64,
    /// ATL + BTL + charges.
    pub grand_total: i64,
    /// Shares of the grand total.
    pub shares_bps: Shares,
}

impl<'a> TopSheet<'a> {
    /// The total of one section.
    pub fn section(&self, section: Section) -> i64 {
        self.sections.get(section.index()).copied().unwrap_or(0)
    }

    /// The contractual charges in table order.
    pub fn charges(&self) -> &[ChargeLine<'a>] {
        self.charges.get(..self.charge_count).unwrap_or_default()
    }
}

fn overflow(what: Total) -> Error {
    Error::new(ErrorKind::Overflow { what }, Location::TABLE)
}

/// Add `amount` to the total of `section`, naming the section on overflow.
fn post(totals: &mut [i64; 4], section: Section, amount: i64) -> Result<(), Error> {
    let id = Total::Section(section);
    let total = totals.get_mut(section.index()).ok_or(overflow(id))?;
    *total = total.checked_add(amount).ok_or(overflow(id))?;
    Ok(())
}

/// FNV-1a hash of a name, to sort entries by person with integer compares.
fn name_hash(name: &str) -> u32 {
    name.bytes()
        .fold(0x811c_9dc5, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// Bits of a person-order word, from the top: the name hash (32), a
/// posted mark (bit 31), the table index (28 bits from bit 2) and the
/// section (2). Sorted, the words of one person are in table order, which
/// is the order the wage base counts their earlier entries in.
const INDEX_BITS: u64 = (1 << 28) - 1;
const INDEX_SHIFT: u32 = 2;
const SECTION_BITS: u64 = 3;
const DONE: u64 = 1 << 31;

/// One word of the person order.
fn order_word(name: &str, section: Section, index: usize) -> u64 {
    u64::from(name_hash(name)) << 32 | (index as u64 & INDEX_BITS) << INDEX_SHIFT | section.index() as u64
}

/// The table index in a person-order word.
fn word_index(word: u64) -> usize {
    (word >> INDEX_SHIFT & INDEX_BITS) as usize
}

/// The fringe on one entry when `earlier` wages of the same person
/// already count toward its ceiling (`cap`).
fn fringe_amount(entry: &Entry<'_>, earlier: i64) -> Result<i64, Error> {
    let Some(fringe) = entry.fringe else {
        return Ok(0);
    };
    let base = match fringe.cap {
        Some(cap) => entry.fee.min(cap.saturating_sub(earlier).max(0)),
        None => entry.fee,
    };
    apply_bps(base, fringe.bps).ok_or(overflow(Total::Fringes))
}

/// Correct the fringes for people with several fringed entries. A ceiling
/// (`cap`) is per person (same decoded name) and counts the wages of that
/// person's earlier entries that carry a fringe, in table order, as a
/// payroll wage base does. Every fringe was first posted as if it were
/// its person's first wages; only the later entries of a person change.
/// `order` holds one word per entry with a fringe; sorted by (name hash,
/// table index), each person is one run, so the pass is O(n log n) and
/// reads the table only for runs of two or more; names that share a hash
/// are told apart by comparing them.
fn correct_fringes<const N: usize>(
    table: &Table<'_, N>,
    order: &mut [u64],
    fringes_by_section: &mut [i128; 4],
) -> Result<(), Error> {
    let entries = table.entries();
    crate::heapsort::sort_words(order);
    for run in order.chunk_by_mut(|a, b| a >> 32 == b >> 32) {
        if run.len() < 2 {
            continue;
        }
        // One person per pass over the run, in table order.
        while let Some(first) = run.iter().position(|w| w & DONE == 0) {
            let person = run
                .get(first)
                .and_then(|&w| entries.get(word_index(w)))
                .map_or("", |e| e.name);
            let mut earlier: i64 = 0;
            for word in run.iter_mut().skip(first) {
                let entry = entries.get(word_index(*word));
                let Some(entry) = entry.filter(|e| *word & DONE == 0 && e.name == person) else {
                    continue;
                };
                *word |= DONE;
                let correction = i128::from(fringe_amount(entry, earlier)?)
                    .saturating_sub(i128::from(fringe_amount(entry, 0)?));
                if let Some(total) = fringes_by_section.get_mut((*word & SECTION_BITS) as usize) {
                    *total = total.saturating_add(correction);
                }
                earlier = earlier.checked_add(entry.fee).ok_or(overflow(Total::Fringes))?;
            }
        }
    }
    Ok(())
}

/// Working memory of [`top_sheet`] for a table of capacity `N`: a word
/// per entry (8·N bytes), to find each person's entries for the fringe
/// ceilings. The caller owns it, beside the table, so that the top sheet
/// keeps nothing of the table's size on the stack.
#[derive(Clone, Debug)]
pub struct Workspace<const N: usize> {
    words: [u64; N],
}

impl<const N: usize> Workspace<N> {
    /// Fresh working memory.
    pub const fn new() -> Self {
        Workspace { words: [0; N] }
    }
}

impl<const N: usize> Default for Workspace<N> {
    fn default() -> Self {
        Workspace::new()
    }
}

/// Compute the top sheet of `table`, with `workspace` as working memory
/// (whatever it held is overwritten).
///
/// ```
/// use creditline::budget::{top_sheet, Workspace};
/// use creditline::{Entry, Role, Table};
///
/// let mut table: Table<'_, 4> = Table::new("Heat");
/// table.push(Entry::new("Michael Mann", Role::Director).fee(1_000_000)).unwrap();
/// table.push(Entry::new("Dante Spinotti", Role::DirectorOfPhotography).fee(400_000)).unwrap();
/// let sheet = top_sheet(&table, &mut Workspace::new()).unwrap();
/// assert_eq!((sheet.sections[0], sheet.btl, sheet.grand_total), (1_000_000, 400_000, 1_400_000));
/// ```
pub fn top_sheet<'a, const N: usize>(
    table: &Table<'a, N>,
    workspace: &mut Workspace<N>,
) -> Result<TopSheet<'a>, Error> {
    table.chart.validate()?;
    if table.entries().len() > INDEX_BITS as usize {
        return Err(Error::new(
            ErrorKind::CapacityExceeded {
                what: Buffer::Entries,
                capacity: narrow(INDEX_BITS as usize),
            },
            Location::TABLE,
        ));
    }
    let mut sections = [0i64; 4];
    // Fringes add up in 128 bits (no entry's fringe exceeds i64, and there
    // are fewer than 2^28 entries), then must fit i64.
    let mut wide_fringes = [0i128; 4];
    // The entries with a fringe, for the per-person ceilings.
    let order = &mut workspace.words;
    let mut fringed = 0usize;
    for (index, entry) in table.entries().iter().enumerate() {
        let Some(section) = classify_entry(entry, &table.chart, index)?.section else {
            continue;
        };
        post(&mut sections, section, entry.fee)?;
        if let (Some(_), Some(word)) = (entry.fringe, order.get_mut(fringed)) {
            *word = order_word(entry.name, section, index);
            fringed = fringed.saturating_add(1);
            // As if nothing earlier counted toward the ceiling; corrected below.
            if let Some(total) = wide_fringes.get_mut(section.index()) {
                *total = total.saturating_add(i128::from(fringe_amount(entry, 0)?));
            }
        }
    }
    correct_fringes(
        table,
        order.get_mut(..fringed).unwrap_or_default(),
        &mut wide_fringes,
    )?;
    let mut fringes_by_section = [0i64; 4];
    for &section in Section::ALL {
        if let (Some(narrow), Some(&wide)) = (
            fringes_by_section.get_mut(section.index()),
            wide_fringes.get(section.index()),
        ) {
            *narrow = i64::try_from(wide).map_err(|_| overflow(Total::Section(section)))?;
        }
    }
    for (index, line) in table.lines().iter().enumerate() {
        let section = table.chart.section_of(line.account).ok_or(Error::at(
            ErrorKind::AccountOutsideChart {
                account: line.account,
            },
            Place::line(index),
            Field::Account,
        ))?;
        post(&mut sections, section, line.amount)?;
    }
    let fringes = sum(&fringes_by_section, Total::Fringes)?;
    for &section in Section::ALL {
        post(
            &mut sections,
            section,
            fringes_by_section.get(section.index()).copied().unwrap_or(0),
        )?;
    }
    let [atl, production, post_section, other] = sections;
    let btl = sum(&[production, post_section, other], Total::Btl)?;
    let atl_btl = atl.checked_add(btl).ok_or(overflow(Total::AtlBtl))?;

    let mut charges = [ChargeLine::default(); MAX_CHARGES];
    for (slot, charge) in charges.iter_mut().zip(table.charges()) {
        // Charges are taken on ATL + BTL less the excluded sections, never
        // on each other.
        let mut base = 0i64;
        for &section in Section::ALL {
            if !charge.exclude.has(section) {
                base = base
                    .checked_add(sections.get(section.index()).copied().unwrap_or(0))
                    .ok_or(overflow(Total::Charges))?;
            }
        }
        let amount = match charge.rate {
            ChargeRate::Bps(bps) => apply_bps(base, bps).ok_or(overflow(Total::Charges))?,
            ChargeRate::Amount(amount) => amount,
        };
        *slot = ChargeLine {
            name: charge.name,
            amount,
        };
    }
    let charge_count = table.charges().len().min(MAX_CHARGES);
    let charges_total = sum_charges(charges.get(..charge_count).unwrap_or_default())?;
    let grand_total = atl_btl
        .checked_add(charges_total)
        .ok_or(overflow(Total::GrandTotal))?;
    let shares_bps = shares(&sections, charges_total, grand_total);
    Ok(TopSheet {
        currency: table.currency,
        sections,
        fringes_by_section,
        fringes,
        btl,
        atl_btl,
        charges,
        charge_count,
        charges_total,
        grand_total,
        shares_bps,
    })
}

fn sum(parts: &[i64], what: Total) -> Result<i64, Error> {
    parts
        .iter()
        .try_fold(0i64, |acc, &p| acc.checked_add(p))
        .ok_or(overflow(what))
}

fn sum_charges(charges: &[ChargeLine<'_>]) -> Result<i64, Error> {
    charges
        .iter()
        .try_fold(0i64, |acc, c| acc.checked_add(c.amount))
        .ok_or(overflow(Total::Charges))
}

/// Largest-remainder shares in basis points of the grand total. Parts may
/// be negative (a rebate line); the floors are taken toward minus infinity,
/// so the remainders are in `[0, total)` and the leftover units go to the
/// largest remainders, ties to the earlier part. Zero shares when the grand
/// total is 0, or when mixed signs make a share exceed `i64`.
fn shares(sections: &[i64; 4], charges: i64, total: i64) -> Shares {
    let [a, b, c, d] = *sections;
    let parts = [a, b, c, d, charges];
    // Work with a positive total: mirror every part when it is negative.
    // |i64| · 10000 is far inside i128, so nothing below saturates.
    let mirror = |x: i64| {
        if total < 0 {
            i128::from(x).saturating_neg()
        } else {
            i128::from(x)
        }
    };
    let Ok(positive_total) = u64::try_from(mirror(total)) else {
        return Shares::default();
    };
    let mut floors = [0i128; 5];
    let mut remainders = [0i128; 5];
    for ((part, floor), remainder) in parts.iter().zip(floors.iter_mut()).zip(remainders.iter_mut()) {
        let scaled = mirror(*part).saturating_mul(i128::from(BPS));
        // Floor division of a signed part by the positive total, through
        // the unsigned division the split also uses.
        let Some((quotient, rest)) = div_rem_wide(scaled.unsigned_abs(), positive_total) else {
            return Shares::default();
        };
        let Ok(quotient) = i128::try_from(quotient) else {
            return Shares::default();
        };
        (*floor, *remainder) = match (scaled < 0, rest) {
            (false, _) => (quotient, i128::from(rest)),
            (true, 0) => (quotient.saturating_neg(), 0),
            (true, _) => (
                quotient.saturating_neg().saturating_sub(1),
                i128::from(positive_total.saturating_sub(rest)),
            ),
        };
    }
    let assigned: i128 = floors.iter().fold(0, |acc, f| acc.saturating_add(*f));
    // The leftover is in 0..5: the remainders add up to less than 5 totals.
    for _ in 0..i128::from(BPS).saturating_sub(assigned).clamp(0, 5) {
        let largest = (0..5)
            .rev()
            .max_by_key(|&i| remainders.get(i).copied().unwrap_or(-1));
        if let Some(i) = largest
            && let (Some(floor), Some(remainder)) = (floors.get_mut(i), remainders.get_mut(i))
        {
            *floor = floor.saturating_add(1);
            *remainder = -1;
        }
    }
    let share = |i: usize| floors.get(i).and_then(|&f| i64::try_from(f).ok());
    match (share(0), share(1), share(2), share(3), share(4)) {
        (Some(a), Some(b), Some(c), Some(d), Some(charges)) => Shares {
            sections: [a, b, c, d],
            charges,
        },
        _ => Shares::default(),
    }
}

impl fmt::Display for TopSheet<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let money = |amount| self.currency.amount(amount);
        let row = |f: &mut fmt::Formatter<'_>, label: &str, amount: i64, bps: Option<i64>| {
            write!(f, "{label:<28}{:>20}", money_text(money(amount)))?;
            match bps {
                Some(bps) => {
                    let sign = if bps < 0 { "-" } else { "" };
                    let bps = bps.unsigned_abs();
                    writeln!(f, "  {sign}{:>3}.{:02}%", bps / 100, bps % 100)
                }
                None => writeln!(f),
            }
        };
        writeln!(f, "Top sheet ({})", self.currency.code)?;
        let labels = ["Above the line", "Production", "Post production", "Other"];
        for (i, label) in labels.iter().enumerate() {
            if i == 1 {
                writeln!(f, "Below the line")?;
            }
            let label = if i == 0 { *label } else { &label_indent(label) };
            let amount = self.sections.get(i).copied().unwrap_or(0);
            row(f, label, amount, self.shares_bps.sections.get(i).copied())?;
        }
        row(f, "Total below the line", self.btl, None)?;
        row(f, "  (fringes included above)", self.fringes, None)?;
        row(f, "Above + below the line", self.atl_btl, None)?;
        for charge in self.charges() {
            row(f, charge.name, charge.amount, None)?;
        }
        row(
            f,
            "Total charges",
            self.charges_total,
            Some(self.shares_bps.charges),
        )?;
        row(f, "Grand total", self.grand_total, None)
    }
}

/// "  Label" for rows inside a group (at most 32 bytes kept).
fn label_indent(label: &str) -> heapless::String<34> {
    let mut s = heapless::String::new();
    let _ = s.push_str("  ");
    for c in label.chars() {
        if s.push(c).is_err() {
            break;
        }
    }
    s
}

/// Money as text, so that a table column can pad it.
fn money_text(money: Money) -> heapless::String<48> {
    let mut text = heapless::String::new();
    // 48 bytes hold any i64 amount with separators, sign and symbol.
    let _ = fmt::write(&mut text, format_args!("{money}"));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shares in plain signed 128-bit arithmetic, floors by Euclidean
    /// division: what [`shares`] computes through the unsigned division.
    fn reference(sections: &[i64; 4], charges: i64, total: i64) -> Shares {
        let parts = [sections[0], sections[1], sections[2], sections[3], charges];
        let sign = if total < 0 { -1 } else { 1 };
        let positive_total = i128::from(total) * sign;
        if positive_total == 0 {
            return Shares::default();
        }
        let scaled = parts.map(|p| i128::from(p) * sign * i128::from(BPS));
        let mut floors = scaled.map(|x| x.div_euclid(positive_total));
        let mut remainders = scaled.map(|x| x.rem_euclid(positive_total));
        let leftover = i128::from(BPS) - floors.iter().sum::<i128>();
        for _ in 0..leftover.clamp(0, 5) {
            // The largest remainder, ties to the earlier part.
            let i = (0..5).rev().max_by_key(|&i| remainders[i]).unwrap();
            floors[i] += 1;
            remainders[i] = -1;
        }
        match floors.map(|f| i64::try_from(f).ok()) {
            [Some(a), Some(b), Some(c), Some(d), Some(e)] => Shares {
                sections: [a, b, c, d],
                charges: e,
            },
            _ => Shares::default(),
        }
    }

    #[test]
    fn shares_match_signed_arithmetic() {
        let extremes = [
            0,
            1,
            -1,
            7,
            -7,
            BPS,
            i64::MAX,
            i64::MIN,
            i64::MAX / 3,
            i64::MIN / 3,
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |small: bool| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let word = (state >> 11) as i64;
            match (state >> 5) % 8 {
                0 => extremes[(state >> 20) as usize % extremes.len()],
                _ if small => word % 1_000_000 - 200_000,
                _ => word,
            }
        };
        for case in 0..20_000 {
            // Mostly realistic budgets (small parts, mixed signs), some
            // extremes where floors overflow `i64` or the total is 0.
            let small = case % 4 != 0;
            let sections = [next(small), next(small), next(small), next(small)];
            let charges = next(small);
            let total = match case % 3 {
                0 => sections
                    .iter()
                    .chain([&charges])
                    .fold(0i64, |a, &b| a.wrapping_add(b)),
                _ => next(small),
            };
            let got = shares(&sections, charges, total);
            assert_eq!(
                got,
                reference(&sections, charges, total),
                "{sections:?} {charges} {total}"
            );
            let exact = sections.iter().map(|&x| i128::from(x)).sum::<i128>() + i128::from(charges)
                == i128::from(total);
            if total != 0 && got != Shares::default() && exact {
                assert_eq!(got.sections.iter().sum::<i64>() + got.charges, BPS);
            }
        }
    }
}
