//! Validation warnings (SPEC §3.6): the order is still produced, and each
//! warning names the entry it is about.

use super::keys::{self, Plan, Survey};
use super::{Credits, Item, capacity};
use crate::error::Error;
use crate::table::{Flag, Table};
use crate::vocabulary::Role;

/// What a warning is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum WarningCode {
    /// More than one director, not one team and no waiver (DGA: one director per picture).
    MultipleDirectors,
    /// `pga` on a role other than `producer`.
    PgaNotProducer,
    /// `possessory` on a role other than `director`.
    PossessoryNotDirector,
    /// Two entries with the same `billing` in the same block.
    DuplicateBilling,
    /// More than one picture editor without waiver (Editors Guild).
    MultipleEditors,
    /// A merged hyphenate credit on a guild entry without waiver (DGA/WGA).
    HyphenateNeedsWaiver,
    /// No director at all.
    NoDirector,
}

/// Every warning code with its wire id.
pub const WARNING_CODES: &[(&str, WarningCode)] = &[
    ("multiple_directors", WarningCode::MultipleDirectors),
    ("pga_not_producer", WarningCode::PgaNotProducer),
    ("possessory_not_director", WarningCode::PossessoryNotDirector),
    ("duplicate_billing", WarningCode::DuplicateBilling),
    ("multiple_editors", WarningCode::MultipleEditors),
    ("hyphenate_needs_waiver", WarningCode::HyphenateNeedsWaiver),
    ("no_director", WarningCode::NoDirector),
];

impl WarningCode {
    /// The wire id.
    pub fn id(self) -> &'static str {
        crate::table::id_of(WARNING_CODES, self)
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

/// The bit of a code in an entry's warning mask.
pub(super) fn bit(code: WarningCode) -> u8 {
    1 << (code as u8)
}

/// Read the table once: survey it for the [`Plan`] and collect its
/// warnings into `out`, one `(entry, mask)` per warned entry, in entry
/// order. Uses `out.items` as scratch for the duplicate-billing check.
/// Two warnings depend on the whole table (whether the directors are one
/// team, whether a credit merges into the director's card): they are
/// noted per entry and settled once the survey is complete.
pub fn collect<'a, const N: usize, const M: usize>(
    table: &Table<'a, N>,
    out: &mut Credits<M>,
) -> Result<Plan, Error> {
    let mut survey = Survey::default();
    let mut billings = BillingSet::new(&mut out.items, table.entries().len());
    let (mut directors_seen, mut editors_seen) = (0usize, 0usize);
    for (index, entry) in table.entries().iter().enumerate() {
        survey.see(index, entry);
        // Most rows (crew without billing or deal flags) can raise nothing:
        // only the surveyed roles and editors are named by a warning.
        let noted_role = keys::is_surveyed(entry.role) || entry.role == Role::Editor;
        if entry.billing.is_none() && !noted_role && !entry.has(Flag::Pga) && !entry.has(Flag::Possessory) {
            continue;
        }
        let mut mask = 0u8;
        let mut warn = |code| mask |= bit(code);
        let waived = entry.has(Flag::Waiver);
        if entry.is_credited() && entry.role == Role::Director {
            directors_seen = directors_seen.saturating_add(1);
            if directors_seen > 1 && !waived {
                warn(WarningCode::MultipleDirectors);
            }
        }
        if entry.has(Flag::Pga) && entry.role != Role::Producer {
            warn(WarningCode::PgaNotProducer);
        }
        if entry.has(Flag::Possessory) && entry.role != Role::Director {
            warn(WarningCode::PossessoryNotDirector);
        }
        if let Some(billing) = entry.billing {
            // One billing block per role (custom entries per department).
            let block = u32::from(entry.role as u8) << 24
                | u32::from(entry.department as u8) << 16
                | u32::from(billing);
            let new = billings.insert(block).ok_or_else(|| capacity("credits", M))?;
            if !new {
                warn(WarningCode::DuplicateBilling);
            }
        }
        if entry.is_credited() && entry.role == Role::Editor {
            editors_seen = editors_seen.saturating_add(1);
            if editors_seen > 1 && !waived {
                warn(WarningCode::MultipleEditors);
            }
        }
        if entry.is_credited() && keys::is_surveyed(entry.role) && entry.has(Flag::Guild) && !waived {
            warn(WarningCode::HyphenateNeedsWaiver);
        }
        if mask != 0 {
            // At most one record per entry: N ≤ M whenever the table fits.
            let record = (index as u32, mask);
            out.warnings.push(record).map_err(|_| capacity("warnings", M))?;
        }
    }
    out.items.clear();
    let plan = survey.finish(&table.options);
    out.no_director = plan.directors == 0;
    // Settle what needed the whole table.
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
    Ok(plan)
}

/// The billing positions seen so far, as an open-addressing hash set laid
/// over the caller's item buffer (four 32-bit slots per item; 0 is
/// empty), so that finding the second entry of a pair costs one probe,
/// not a sort.
struct BillingSet<'b> {
    items: &'b mut [Item],
    /// Slots minus one (the slot count is a power of two).
    mask: usize,
    /// Empty slots.
    free: usize,
}

/// 32-bit slots per item of the buffer.
const SLOTS_PER_ITEM: usize = 4;

impl<'b> BillingSet<'b> {
    /// A set for up to `rows` keys in `buffer`, at most two thirds full
    /// when the buffer allows.
    fn new<const M: usize>(buffer: &'b mut heapless::Vec<Item, M>, rows: usize) -> Self {
        buffer.clear();
        let room = M.saturating_mul(SLOTS_PER_ITEM);
        let largest = if room == 0 { 0 } else { 1usize << room.ilog2() };
        let wanted = rows
            .saturating_add(rows / 2)
            .saturating_add(1)
            .checked_next_power_of_two()
            .map_or(largest, |n| n.min(largest));
        let empty = Item { key: 0, own: 0 };
        // `wanted / SLOTS_PER_ITEM ≤ M`: the resize cannot fail.
        let _ = buffer.resize(wanted.div_ceil(SLOTS_PER_ITEM), empty);
        let slots = buffer.len().saturating_mul(SLOTS_PER_ITEM).min(wanted);
        BillingSet {
            items: buffer,
            mask: slots.saturating_sub(1),
            free: slots,
        }
    }

    /// The word holding slot `at` and the slot's shift in it.
    fn word(&mut self, at: usize) -> Option<(&mut u64, u32)> {
        let item = self.items.get_mut(at / SLOTS_PER_ITEM)?;
        let word = if at & 2 == 0 { &mut item.key } else { &mut item.own };
        Some((word, if at & 1 == 0 { 0 } else { 32 }))
    }

    /// Add a key; `false` when it was already there, `None` when the buffer
    /// is too small for the table's billings. One slot always stays empty,
    /// so every probe ends.
    fn insert(&mut self, key: u32) -> Option<bool> {
        // Role codes stay below 255, so the key plus one never wraps to 0.
        let stored = u64::from(key.wrapping_add(1));
        // Fibonacci hashing: the multiply spreads neighbouring billings.
        let mut at = (stored.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & self.mask;
        loop {
            let (mask, free) = (self.mask, self.free);
            let (word, shift) = self.word(at)?;
            match *word >> shift & 0xFFFF_FFFF {
                slot if slot == stored => return Some(false),
                0 if free > 1 => {
                    *word |= stored << shift;
                    self.free = free.saturating_sub(1);
                    return Some(true);
                }
                0 => return None,
                _ => at = at.wrapping_add(1) & mask,
            }
        }
    }
}
