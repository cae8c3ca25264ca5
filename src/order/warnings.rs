//! Validation warnings (SPEC §3.6): the order is still produced, and each
//! warning names the entry it is about.

use super::keys::{self, Plan};
use super::{Credits, capacity};
use crate::error::{Buffer, Error};
use crate::table::{Entry, Flag, Table};
use crate::vocabulary::{OnePerPicture, Role};
use crate::wire::wire_enum;

wire_enum! {
    /// What a warning is about.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
    #[cfg_attr(feature = "defmt", derive(defmt::Format))]
    #[non_exhaustive]
    pub enum WarningCode {
        /// More than one director, not one team and no waiver (DGA: one director per picture).
        MultipleDirectors = "multiple_directors",
        /// `pga` on a role other than `producer`.
        PgaNotProducer = "pga_not_producer",
        /// `possessory` on a role other than `director`.
        PossessoryNotDirector = "possessory_not_director",
        /// Two entries with the same `billing` in the same block.
        DuplicateBilling = "duplicate_billing",
        /// More than one picture editor without waiver (Editors Guild).
        MultipleEditors = "multiple_editors",
        /// A merged hyphenate credit on a guild entry without waiver (DGA/WGA).
        HyphenateNeedsWaiver = "hyphenate_needs_waiver",
        /// No director at all.
        NoDirector = "no_director",
    }
}

impl WarningCode {
    /// What the warning means, as one clause for a message: what is wrong
    /// and the rule it breaks (SPEC §3.6).
    ///
    /// ```
    /// use creditline::order::WarningCode;
    ///
    /// assert!(WarningCode::MultipleDirectors.message().contains("one director per picture"));
    /// ```
    pub const fn message(self) -> &'static str {
        match self {
            WarningCode::MultipleDirectors => {
                "a second director; the DGA allows one director per picture unless the directors are one team or the table sets waiver"
            }
            WarningCode::PgaNotProducer => {
                "p.g.a. on a role other than producer; the mark certifies a \"Produced by\" credit"
            }
            WarningCode::PossessoryNotDirector => {
                "a possessory credit (\"A Film by\") on a role other than director"
            }
            WarningCode::DuplicateBilling => "the same billing position as an earlier entry of the same role",
            WarningCode::MultipleEditors => {
                "a second picture editor; the Editors Guild expects one unless the table sets waiver"
            }
            WarningCode::HyphenateNeedsWaiver => {
                "a guild member's credit merged into the director's card; the DGA and WGA require a waiver"
            }
            WarningCode::NoDirector => "no director; every picture has a \"Directed by\" credit",
        }
    }
}

/// A warning and the entry it is about (`None` for the table as a whole).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Warning {
    /// 0-based index in `entries`.
    pub entry: Option<usize>,
    /// What is wrong.
    pub code: WarningCode,
}

// A warning code is a bit of an entry's `u8` mask.
const _: () = assert!(WarningCode::ALL.len() <= 8, "a warning code is a bit of a byte");

/// The bit of a code in an entry's warning mask.
pub(super) fn bit(code: WarningCode) -> u8 {
    1 << (code as u8)
}

/// Whether an entry of `role` can raise a warning without a billing or a
/// deal flag: the roles the survey reads, and those a guild allows once
/// per picture.
pub fn notes_role(role: Role) -> bool {
    let credit = role.credit();
    credit.directs() || credit.merges().is_some() || credit.one_per_picture().is_some()
}

/// The warnings found one entry at a time, in table order (the pass that
/// keys the entries feeds them). Duplicate billings go through the
/// `BillingSet` of the caller's [`Credits`].
pub struct Checks<'b, const M: usize> {
    billings: &'b mut BillingSet<M>,
    /// Credited entries seen of each [`OnePerPicture`] kind.
    directors_seen: usize,
    editors_seen: usize,
}

impl<'b, const M: usize> Checks<'b, M> {
    /// Checks for a table with `billed` entries that have a billing
    /// position, keeping the billings seen in `billings`.
    pub fn new(billings: &'b mut BillingSet<M>, billed: usize) -> Self {
        billings.reset(billed);
        Checks {
            billings,
            directors_seen: 0,
            editors_seen: 0,
        }
    }

    /// Check one entry and record its warnings in `warnings`, at most one
    /// `(entry, mask)` record per entry. Two warnings depend on the whole
    /// table (whether the directors are one team, whether a credit merges
    /// into the director's card): they are noted here and [`settle`]d once
    /// the table is surveyed.
    pub fn see(
        &mut self,
        index: usize,
        entry: &Entry<'_>,
        warnings: &mut heapless::Vec<(u32, u8), M>,
    ) -> Result<(), Error> {
        // Crew without billing or deal flags can raise nothing.
        if entry.billing.is_none()
            && !notes_role(entry.role)
            && !entry.has(Flag::Pga)
            && !entry.has(Flag::Possessory)
        {
            return Ok(());
        }
        let mut mask = 0u8;
        let mut warn = |code| mask |= bit(code);
        let waived = entry.has(Flag::Waiver);
        let credit = entry.role.credit();
        if let (true, Some(kind)) = (entry.is_credited(), credit.one_per_picture()) {
            let (seen, code) = match kind {
                OnePerPicture::Director => (&mut self.directors_seen, WarningCode::MultipleDirectors),
                OnePerPicture::Editor => (&mut self.editors_seen, WarningCode::MultipleEditors),
            };
            *seen = seen.saturating_add(1);
            if *seen > 1 && !waived {
                warn(code);
            }
        }
        if entry.has(Flag::Pga) && !credit.pga() {
            warn(WarningCode::PgaNotProducer);
        }
        if entry.has(Flag::Possessory) && !credit.directs() {
            warn(WarningCode::PossessoryNotDirector);
        }
        if entry.billing.is_some() && self.billed_again(entry)? {
            warn(WarningCode::DuplicateBilling);
        }
        if entry.is_credited() && keys::is_surveyed(entry.role) && entry.has(Flag::Guild) && !waived {
            warn(WarningCode::HyphenateNeedsWaiver);
        }
        record(warnings, index, mask)
    }

    /// Check the billing of an entry whose role and flags raise nothing
    /// else (see [`notes_role`]): the short form of [`Checks::see`].
    #[inline]
    pub fn see_billing(
        &mut self,
        index: usize,
        entry: &Entry<'_>,
        warnings: &mut heapless::Vec<(u32, u8), M>,
    ) -> Result<(), Error> {
        if self.billed_again(entry)? {
            record(warnings, index, bit(WarningCode::DuplicateBilling))?;
        }
        Ok(())
    }

    /// Whether an earlier entry has the same billing in the same block;
    /// `false` without a billing.
    #[inline]
    fn billed_again(&mut self, entry: &Entry<'_>) -> Result<bool, Error> {
        let Some(billing) = entry.billing else {
            return Ok(false);
        };
        // One billing block per role (custom entries per department).
        let block =
            u32::from(entry.role as u8) << 24 | u32::from(entry.department as u8) << 16 | u32::from(billing);
        let new = self
            .billings
            .insert(block)
            .ok_or_else(|| capacity(Buffer::Credits, M))?;
        Ok(!new)
    }
}

/// Record an entry's warnings, if any. At most one record per entry, so
/// a buffer that holds the table's entries (N ≤ M) holds its warnings.
fn record<const M: usize>(
    warnings: &mut heapless::Vec<(u32, u8), M>,
    index: usize,
    mask: u8,
) -> Result<(), Error> {
    if mask != 0 {
        warnings
            .push((index as u32, mask))
            .map_err(|_| capacity(Buffer::Credits, M))?;
    }
    Ok(())
}

/// Settle what needed the whole table, once `plan` is known: drop the
/// provisional warnings the survey cleared, and note a missing director.
pub fn settle<const N: usize, const M: usize>(table: &Table<'_, N>, plan: &Plan, out: &mut Credits<M>) {
    out.no_director = plan.directors == 0;
    out.warnings.retain_mut(|(index, mask)| {
        if plan.directors_one_team {
            *mask &= !bit(WarningCode::MultipleDirectors);
        }
        let role = table.entry(*index as usize).map(|entry| entry.role);
        if !role.is_some_and(|role| plan.on_hyphenate(role)) {
            *mask &= !bit(WarningCode::HyphenateNeedsWaiver);
        }
        *mask != 0
    });
}

/// The billing positions seen while ordering: an open-addressing hash set
/// (0 is an empty slot), so that finding the second entry of a pair costs
/// one probe, not a sort. Part of the caller's [`Credits`], with two 32-bit
/// slots per credit of its capacity: a buffer that holds a table's credits
/// holds its billings with room to spare; only as many slots as the table's
/// billed entries need are cleared and used.
#[derive(Clone, Debug)]
pub(crate) struct BillingSet<const M: usize> {
    slots: [[u32; 2]; M],
    /// Slots in use minus one (the count is a power of two).
    mask: usize,
    /// Empty slots among those in use.
    free: usize,
}

impl<const M: usize> BillingSet<M> {
    /// An empty set.
    pub(crate) const fn new() -> Self {
        BillingSet {
            slots: [[0; 2]; M],
            mask: 0,
            free: 0,
        }
    }

    /// Empty the set, sized for `rows` keys: at most two thirds full when
    /// the storage allows.
    fn reset(&mut self, rows: usize) {
        let room = M.saturating_mul(2);
        let largest = if room == 0 { 0 } else { 1usize << room.ilog2() };
        let wanted = rows
            .saturating_add(rows / 2)
            .saturating_add(1)
            .checked_next_power_of_two()
            .map_or(largest, |n| n.min(largest));
        if let Some(used) = self.slots.get_mut(..wanted.div_ceil(2)) {
            used.fill([0; 2]);
        }
        self.mask = wanted.saturating_sub(1);
        self.free = wanted;
    }

    /// Slot `at`.
    #[inline]
    fn slot(&mut self, at: usize) -> Option<&mut u32> {
        self.slots.get_mut(at / 2)?.get_mut(at % 2)
    }

    /// Add a key; `false` when it was already there, `None` when the buffer
    /// is too small for the table's billings. One slot always stays empty
    /// and an odd step visits every slot of a power-of-two table, so every
    /// probe ends.
    fn insert(&mut self, key: u32) -> Option<bool> {
        // Role codes stay below 255, so the key plus one never wraps to 0.
        let stored = key.wrapping_add(1);
        // A block starts at a hashed slot (Fibonacci hashing of its role
        // and department) and its billings follow in order: cast listed
        // by billing fill neighbouring slots, one cache line after another.
        // A key that finds its slot taken probes with a step of its own,
        // so that it does not push every later billing of its run along.
        let spread = |bits: u64| (bits.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize;
        let mut at = spread(u64::from(key >> 16)).wrapping_add((key & 0xFFFF) as usize) & self.mask;
        loop {
            let (mask, free) = (self.mask, self.free);
            let slot = self.slot(at)?;
            match *slot {
                found if found == stored => return Some(false),
                0 if free > 1 => {
                    *slot = stored;
                    self.free = free.saturating_sub(1);
                    return Some(true);
                }
                0 => return None,
                _ => at = at.wrapping_add(spread(u64::from(stored)) | 1) & mask,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The set is sized by the table's billed entries. 170 distinct
    /// billings fill 256 slots two thirds (a set sized for half of them
    /// would be full); billings taken twice are flagged, every second one.
    #[test]
    fn the_set_holds_every_billing_of_the_table() {
        use crate::order::{Credits, Sequence, order};
        use crate::table::{Entry, Table};
        let duplicates = |table: &Table<'_, 200>, sequence| {
            let mut credits: Credits<402> = Credits::new();
            order(table, sequence, &mut credits).unwrap();
            credits
                .warnings()
                .filter(|w| w.code == WarningCode::DuplicateBilling)
                .map(|w| w.entry)
                .collect::<heapless::Vec<_, 200>>()
        };
        let sequences = [Sequence::MainTitles, Sequence::EndCredits, Sequence::BillingBlock];
        let mut distinct: Table<'_, 200> = Table::new("T");
        for i in 0..170u16 {
            distinct
                .push(Entry::new("Actor", Role::Cast).billing(i + 1))
                .unwrap();
        }
        assert_eq!(distinct.billed(), 170);
        let mut pairs: Table<'_, 200> = Table::new("T");
        for i in 0..200u16 {
            pairs
                .push(Entry::new("Actor", Role::Cast).billing(i / 2 + 1))
                .unwrap();
        }
        let every_second = (0..100)
            .map(|i| Some(2 * i + 1))
            .collect::<heapless::Vec<_, 200>>();
        for sequence in sequences {
            assert!(duplicates(&distinct, sequence).is_empty(), "{sequence:?}");
            assert_eq!(duplicates(&pairs, sequence), every_second, "{sequence:?}");
        }
    }

    /// The set against a plain list, with keys that collide on purpose:
    /// runs of billings in blocks whose starts overlap, and storage just
    /// big enough, so probes wrap around and fill the table.
    #[test]
    fn billing_set_is_a_set() {
        let mut set: BillingSet<40> = BillingSet::new();
        set.reset(60);
        let mut seen: heapless::Vec<u32, 128> = heapless::Vec::new();
        let mut state = 5u32;
        let mut full = false;
        for n in 0..400u32 {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            // Three blocks, billings 0..40 in runs and at random.
            let block = (state >> 28) % 3;
            let billing = if n % 2 == 0 { n / 2 % 40 } else { (state >> 8) % 40 };
            let key = block << 24 | billing;
            match set.insert(key) {
                Some(new) => {
                    assert_eq!(new, !seen.contains(&key), "key {key:#x} at step {n}");
                    if new {
                        seen.push(key).unwrap();
                    }
                }
                // Full: 64 slots, one always empty.
                None => {
                    assert_eq!(seen.len(), 63);
                    assert!(!seen.contains(&key));
                    full = true;
                }
            }
        }
        assert!(full, "the test should fill the set");
    }
}
