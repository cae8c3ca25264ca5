//! An item of a sequence (one credit in order) and its sort key, packed in
//! two words so that ordering compares integers. This module is the only
//! one that knows the layout; everything else uses the methods below.
//!
//! ```text
//! key:      block 63..56 | group 55..48 | rank 47..40 | primary position 39..0
//! own:      bucket 59..52 (parked while the crawl is sorted)
//!           | facts 51..40 | own position 39..0
//! position: billing 39..23 (1..=65535, 65536 when absent) | table index 22..0
//! facts:    plain 11 | cast credit 10..8 | role 7..0
//! ```
//!
//! The slot `(block, group, rank)` says where the credit goes; the primary
//! position orders credits inside a slot (a writing team takes its first
//! member's, so that a team stays together, SPEC §3.1); the own position
//! breaks the last tie, and holds the table index, so no two items compare
//! equal and the order is total and the same on every platform.

use crate::table::{CastCredit, Entry, Flag};
use crate::vocabulary::Role;

/// Bits of a table index in a position.
const INDEX_BITS: u32 = 23;
/// Bits of a billing in a position: one more than a `u16`, for "absent".
const BILLING_BITS: u32 = 17;
/// Bits of a position.
const POSITION_BITS: u32 = INDEX_BITS + BILLING_BITS;
/// Where the slot starts in the key, and the facts in `own`.
const SLOT_SHIFT: u32 = POSITION_BITS;
const FACTS_SHIFT: u32 = POSITION_BITS;
/// Bits of the facts: role, cast credit, plain.
const FACTS_BITS: u32 = 12;
const PLAIN: u64 = 1 << 11;
/// Where the crawl sort parks an item's bucket in `own`.
const BUCKET_SHIFT: u32 = FACTS_SHIFT + FACTS_BITS;

const POSITION_MASK: u64 = (1 << POSITION_BITS) - 1;
const INDEX_MASK: u64 = (1 << INDEX_BITS) - 1;
const FACTS_MASK: u64 = (1 << FACTS_BITS) - 1;

// The fields fit their bits: an absent billing above every present one, a
// role code and a cast credit in the facts, a bucket byte below bit 64.
const _: () = {
    assert!(1 << 16 < 1u64 << BILLING_BITS, "an absent billing fits");
    assert!(Role::Custom as u64 <= 0xFF, "a role code is a byte");
    assert!(CastCredit::ALL.len() <= 8, "a cast credit is three bits");
    assert!(SLOT_SHIFT + 24 == 64, "the slot fills the key above the position");
    assert!(BUCKET_SHIFT + 8 <= 64, "a bucket byte fits above the facts");
};

/// Largest table the layout can index.
pub(crate) const MAX_ENTRIES: usize = 1 << INDEX_BITS;

/// A position no entry has (billing and index all ones): the title card's.
const TITLE: u64 = POSITION_MASK;

/// `(billing, index)` as bits; `index` is below [`MAX_ENTRIES`].
#[inline]
fn position((billing, index): (Option<u16>, usize)) -> u64 {
    let billing = billing.map_or(1 << 16, u64::from);
    debug_assert!(index < MAX_ENTRIES, "ordering refuses larger tables");
    billing << INDEX_BITS | (index as u64 & INDEX_MASK)
}

/// The billing of a position as it sorts: present positions first.
#[inline]
pub(crate) fn billing_order(billing: Option<u16>) -> u64 {
    billing.map_or(1 << 16, u64::from)
}

/// What carding reads of an entry, so that carding the crawl (items in key
/// order, entries all over the table) need not load a plain entry (no title
/// of its own, no single card).
#[inline]
fn facts(entry: &Entry<'_>) -> u64 {
    let plain = entry.title.is_none() && !entry.has(Flag::SingleCard);
    let facts = u64::from(entry.role as u8) | u64::from(entry.cast_credit as u8) << 8;
    facts | if plain { PLAIN } else { 0 }
}

/// Slot and carding facts of a plain entry's item: equal for two items
/// exactly when they share slot, role and cast credit, and so are placed
/// alike.
pub(crate) type PlainRun = (u64, u64);

/// One credit in order: an entry of the table, or the title card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item {
    key: u64,
    own: u64,
}

impl Item {
    /// An item in slot `(block, group, rank)`, ordered as if at `primary`,
    /// at its own position `own`.
    #[inline]
    pub(crate) fn new(
        (block, group, rank): (u8, u8, u8),
        primary: (Option<u16>, usize),
        own: (Option<u16>, usize),
    ) -> Item {
        let slot = u64::from(block) << 16 | u64::from(group) << 8 | u64::from(rank);
        Item {
            key: slot << SLOT_SHIFT | position(primary),
            own: position(own),
        }
    }

    /// The item of `entry` (at `index`) in `slot`, ordered as if at
    /// `primary`, with the entry's carding facts.
    #[inline]
    pub(crate) fn of_entry(
        entry: &Entry<'_>,
        slot: (u8, u8, u8),
        primary: (Option<u16>, usize),
        index: usize,
    ) -> Item {
        let item = Item::new(slot, primary, (entry.billing, index));
        Item {
            own: item.own | facts(entry) << FACTS_SHIFT,
            ..item
        }
    }

    /// The title card's item in `block`.
    pub(crate) fn title(block: u8) -> Item {
        Item {
            own: TITLE,
            ..Item::new((block, 0, 0), (None, 0), (None, 0))
        }
    }

    /// The index of the entry in the table, `None` for the title card.
    pub fn entry(&self) -> Option<usize> {
        let own = self.own & POSITION_MASK;
        (own != TITLE).then_some((own & INDEX_MASK) as usize)
    }

    /// The slot `(block, group, rank)`.
    #[inline]
    pub(crate) fn slot(&self) -> (u8, u8, u8) {
        let slot = self.key >> SLOT_SHIFT;
        ((slot >> 16) as u8, (slot >> 8) as u8, slot as u8)
    }

    /// The item's own position as it sorts (billing, then table index).
    #[inline]
    pub(crate) fn own_position(&self) -> u64 {
        self.own & POSITION_MASK
    }

    /// The order of items: by key, then by own position, as one number.
    #[inline]
    pub(crate) fn order(&self) -> u128 {
        u128::from(self.key) << 64 | u128::from(self.own_position())
    }

    /// The [`PlainRun`] of an item of a plain entry; `None` otherwise (and
    /// for the title card).
    #[inline]
    pub(crate) fn plain_run(&self) -> Option<PlainRun> {
        let facts = self.own >> FACTS_SHIFT & FACTS_MASK;
        (facts & PLAIN != 0).then_some((self.key >> SLOT_SHIFT, facts))
    }

    /// The item with `bucket` parked in its spare bits, for the crawl sort.
    #[inline]
    pub(crate) fn with_bucket(self, bucket: u8) -> Item {
        Item {
            own: self.own | u64::from(bucket) << BUCKET_SHIFT,
            ..self
        }
    }

    /// The parked bucket.
    #[inline]
    pub(crate) fn bucket(&self) -> u8 {
        (self.own >> BUCKET_SHIFT) as u8
    }

    /// The item without its parked bucket.
    #[inline]
    pub(crate) fn without_bucket(self) -> Item {
        Item {
            own: self.own & ((1 << BUCKET_SHIFT) - 1),
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::ROLES;

    #[test]
    fn fields_read_back() {
        let item = Item::new((3, 4, 5), (Some(7), 9), (None, 12));
        assert_eq!(item.slot(), (3, 4, 5));
        assert_eq!(item.entry(), Some(12));
        assert_eq!(Item::title(2).entry(), None);
        assert_eq!(Item::title(2).slot(), (2, 0, 0));
        let parked = item.with_bucket(200);
        assert_eq!(parked.bucket(), 200);
        assert_eq!(parked.without_bucket(), item);
        assert_eq!(parked.order(), item.order());
    }

    #[test]
    fn items_order_by_slot_then_primary_then_own_position() {
        let a = Item::new((1, 0, 0), (None, 0), (None, 0));
        let b = Item::new((1, 0, 1), (Some(1), 5), (Some(1), 5));
        let c = Item::new((1, 0, 1), (None, 2), (Some(3), 3));
        let d = Item::new((1, 0, 1), (None, 2), (None, 4));
        assert!(a.order() < b.order() && b.order() < c.order() && c.order() < d.order());
        // The largest billing sorts before an absent one.
        let billed = Item::new((0, 0, 0), (Some(u16::MAX), MAX_ENTRIES - 1), (None, 0));
        let unbilled = Item::new((0, 0, 0), (None, 0), (None, 0));
        assert!(billed.order() < unbilled.order());
    }

    /// Carding reads a plain entry's role and cast credit from its item:
    /// two items must share a run exactly when their entries agree.
    #[test]
    fn plain_runs_tell_entries_apart() {
        let roles = ROLES.iter().map(|info| info.role).chain([Role::Custom]);
        let mut seen: [Option<(Role, CastCredit)>; 2048] = [None; 2048];
        for role in roles {
            for &credit in CastCredit::ALL {
                let mut entry = Entry::new("A", role);
                entry.cast_credit = credit;
                entry.billing = Some(7);
                let item = Item::of_entry(&entry, (u8::MAX, 3, 4), (Some(7), 9), 9);
                // The facts leave the position alone.
                assert_eq!(item.own_position(), position((Some(7), 9)));
                let (slot, facts) = item.plain_run().expect("a plain entry");
                assert_eq!(slot, item.key >> SLOT_SHIFT);
                let at = (facts & 0x7FF) as usize;
                assert_eq!(
                    seen[at].replace((role, credit)),
                    None,
                    "{role:?} {credit:?} share facts"
                );
                // A title of its own or a single card is never plain.
                let titled = Entry {
                    title: Some("T"),
                    ..entry
                };
                assert_eq!(
                    Item::of_entry(&titled, (u8::MAX, 3, 4), (None, 9), 9).plain_run(),
                    None
                );
                let single = entry.flag(Flag::SingleCard);
                assert_eq!(
                    Item::of_entry(&single, (u8::MAX, 3, 4), (None, 9), 9).plain_run(),
                    None
                );
            }
        }
    }
}
