//! Validation warnings (SPEC §3.6): the order is still produced, and each
//! warning names the entry it is about.

use super::keys::Plan;
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

/// Collect the table's warnings into `out`: one `(entry, mask)` per warned
/// entry, in entry order. Uses `out.items` as scratch for the
/// duplicate-billing check.
pub fn collect<const N: usize, const M: usize>(
    table: &Table<'_, N>,
    plan: &Plan,
    out: &mut Credits<M>,
) -> Result<(), Error> {
    duplicate_billing(table, out)?;
    let entries = table.entries();
    let directors = || {
        entries
            .iter()
            .filter(|e| e.is_credited() && e.role == Role::Director)
    };
    let first_team = directors().next().and_then(|e| e.team);
    let one_team = first_team.is_some() && directors().all(|e| e.team == first_team);
    let (mut directors_seen, mut editors_seen) = (0usize, 0usize);
    // `out.items` now lists the duplicate-billing entries in entry order.
    let mut duplicates = 0usize;
    for (index, entry) in entries.iter().enumerate() {
        let mut mask = 0u8;
        let mut warn = |code| mask |= bit(code);
        let waived = entry.has(Flag::Waiver);
        if entry.is_credited() && entry.role == Role::Director {
            directors_seen = directors_seen.saturating_add(1);
            if directors_seen > 1 && !one_team && !waived {
                warn(WarningCode::MultipleDirectors);
            }
        }
        if entry.has(Flag::Pga) && entry.role != Role::Producer {
            warn(WarningCode::PgaNotProducer);
        }
        if entry.has(Flag::Possessory) && entry.role != Role::Director {
            warn(WarningCode::PossessoryNotDirector);
        }
        if out.items.get(duplicates).and_then(Item::entry) == Some(index) {
            duplicates = duplicates.saturating_add(1);
            warn(WarningCode::DuplicateBilling);
        }
        if entry.is_credited() && entry.role == Role::Editor {
            editors_seen = editors_seen.saturating_add(1);
            if editors_seen > 1 && !waived {
                warn(WarningCode::MultipleEditors);
            }
        }
        let in_hyphenate =
            plan.merges() && (entry.role == Role::Director || plan.merged_rank(entry).is_some());
        if entry.is_credited() && in_hyphenate && entry.has(Flag::Guild) && !waived {
            warn(WarningCode::HyphenateNeedsWaiver);
        }
        if mask != 0 {
            // At most one record per entry: N ≤ M whenever the table fits.
            let record = (index as u32, mask);
            out.warnings.push(record).map_err(|_| capacity("warnings", M))?;
        }
    }
    out.no_director = directors_seen == 0;
    out.items.clear();
    Ok(())
}

/// Two entries of one billing block (one role; custom entries per
/// department) with the same `billing`: sort `(block, billing, index)` keys
/// in the item buffer and compare neighbours; the later entry is warned.
/// Leaves the warned entries in `out.items`, in entry order.
fn duplicate_billing<const N: usize, const M: usize>(
    table: &Table<'_, N>,
    out: &mut Credits<M>,
) -> Result<(), Error> {
    out.items.clear();
    for (index, entry) in table.entries().iter().enumerate() {
        if let Some(billing) = entry.billing {
            let key = u64::from(entry.role as u8) << 24
                | u64::from(entry.department as u8) << 16
                | u64::from(billing);
            out.push_item(Item {
                key,
                own: index as u64,
            })?;
        }
    }
    out.items.sort_unstable_by_key(|item| (item.key, item.own));
    // Keep the later entry of each equal pair, in place, then order by entry.
    let mut kept = 0usize;
    for i in 1..out.items.len() {
        let (Some(before), Some(here)) = (out.items.get(i.saturating_sub(1)), out.items.get(i)) else {
            continue;
        };
        if before.key == here.key {
            let duplicate = Item {
                key: here.own,
                own: here.own,
            };
            if let Some(slot) = out.items.get_mut(kept) {
                *slot = duplicate;
            }
            kept = kept.saturating_add(1);
        }
    }
    out.items.truncate(kept);
    out.items.sort_unstable_by_key(|item| item.own);
    Ok(())
}
