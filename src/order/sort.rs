//! Putting collected items in key order.
//!
//! Items arrive in table order, and inside a `(block, group, rank)` slot
//! table order is usually key order already (crew have no billing, so their
//! key ends in the table index): a check that the items are sorted comes
//! first. The sort itself is the crate's heapsort, which costs a few hundred
//! bytes of flash where core's sort costs kilobytes (the footprint check of
//! `.ci/run` guards the core's size).

use super::Item;
use super::keys::POSITION_MASK;
use crate::heapsort::heapsort;

/// Items are ordered by key, then by their own position (members of a
/// writing team share the key of the team's first member). The table index
/// in the position makes every item's order key unique, so the order is
/// total and the same on every platform.
fn order_key(item: &Item) -> u128 {
    u128::from(item.key) << 64 | u128::from(item.own & POSITION_MASK)
}

/// Sort `items` by [`order_key`].
pub fn sort(items: &mut [Item]) {
    if items.is_sorted_by_key(order_key) {
        return;
    }
    heapsort(items, |a, b| order_key(a) < order_key(b));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::keys::{CRAWL, pack};

    /// A deterministic shuffle of crawl and head items, against std's sort.
    #[test]
    fn sorts_like_a_stable_sort_by_key() {
        let mut items = [pack(0, 0, 0, (None, 0), (None, 0)); 600];
        let mut state = 7u32;
        for (index, item) in items.iter_mut().enumerate() {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            let block = if state.is_multiple_of(7) {
                (state >> 8) as u8 % 5
            } else {
                CRAWL
            };
            let department = (state >> 12) as u8 % 30;
            let rank = if state.is_multiple_of(11) {
                u8::MAX
            } else {
                (state >> 16) as u8 % 20
            };
            let billing = state.is_multiple_of(3).then_some((state >> 20) as u16 % 50);
            // Every fifth item shares the key of the one before (a team).
            let primary = if index % 5 == 4 { index - 1 } else { index };
            *item = pack(block, department, rank, (billing, primary), (billing, index));
        }
        let mut expected = items;
        expected.sort_by_key(order_key);
        let mut sorted: heapless::Vec<Item, 600> = items.iter().copied().collect();
        sort(&mut sorted);
        assert_eq!(&sorted[..], &expected[..]);
    }

    #[test]
    fn small_runs_sort_too() {
        let mut items: heapless::Vec<Item, 3> = [
            pack(CRAWL, 2, 0, (None, 3), (None, 3)),
            pack(0, 0, 0, (Some(2), 1), (Some(2), 1)),
            pack(0, 0, 0, (Some(1), 2), (Some(1), 2)),
        ]
        .into_iter()
        .collect();
        sort(&mut items);
        let order: [Option<usize>; 3] = [items[0].entry(), items[1].entry(), items[2].entry()];
        assert_eq!(order, [Some(2), Some(1), Some(3)]);
    }
}
