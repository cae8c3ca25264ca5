//! Putting collected items in key order in O(n) for the usual table.
//!
//! Items arrive in table order. The end credits' crawl holds nearly every
//! entry, spread over a few dozen `(department, rank)` slots, and inside a
//! slot table order is usually already key order (crew have no billing, so
//! their key ends in the table index). So a large sequence is sorted by a
//! stable counting pass over slots, then each slot is sorted on its own,
//! which costs a check when it is already in order. Small sequences (main
//! titles, billing block, small tables) and buffers without room for a
//! copy of the items take one comparison sort, as does every sequence
//! without the `large-tables` feature.

// An algorithm module: its indices and counts are bounded by the counting
// that makes them (each use says why), so they index and add plainly; a
// bug fails a bounds check in the tests and fuzz targets instead of
// dropping an item silently.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use super::Item;
use super::keys::CRAWL;
use crate::heapsort::heapsort;
use crate::vocabulary::{Department, ROLES};

/// Below this many items one comparison sort is cheaper than the buckets.
const SMALL: usize = 64;

/// The first and last bucket of each department of a crawl key, from the
/// vocabulary: one bucket per rank its roles use, plus one for every
/// higher rank (custom entries). Bucket 0 holds the principal blocks;
/// departments past the vocabulary's share the last bucket. Indexed by the
/// key's department byte, so a lookup needs no bounds check.
const DEPARTMENT_BUCKETS: [(u8, u8); 256] = department_buckets();

// Evaluated at compile time: an index out of range or a bucket past a
// byte is a build error.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const fn department_buckets() -> [(u8, u8); 256] {
    let mut spans = [1usize; Department::ALL.len()];
    let mut i = 0;
    while i < ROLES.len() {
        let role = &ROLES[i];
        let department = role.department as usize;
        if role.rank as usize + 2 > spans[department] {
            spans[department] = role.rank as usize + 2;
        }
        i += 1;
    }
    let mut table = [(0u8, 0u8); 256];
    let mut next = 1;
    let mut d = 0;
    while d < Department::ALL.len() {
        table[d] = (next as u8, (next + spans[d] - 1) as u8);
        next += spans[d];
        d += 1;
    }
    assert!(next < 256, "a bucket number is a byte");
    while d < 256 {
        table[d] = (next as u8, next as u8);
        d += 1;
    }
    table
}

/// Bucket 0, then the crawl's buckets, then the shared one past them.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)] // compile time, as above
const BUCKETS: usize = DEPARTMENT_BUCKETS[255].1 as usize + 1;

/// Bucket numbers are bytes, and the counts sit in a table of 256: an
/// index that cannot be out of range costs no bounds check.
type Bounds = [u32; 256];

/// The order of items (see [`Item::order`]).
#[inline]
fn order_key(item: &Item) -> u128 {
    item.order()
}

/// The bucket of an item: non-decreasing in the item's order, so sorting
/// by bucket and then inside each bucket sorts by order.
#[inline]
fn bucket(item: &Item) -> u8 {
    let (block, department, rank) = item.slot();
    if block != CRAWL {
        return 0;
    }
    // A byte indexes a table of 256: the check folds away.
    let (first, last) = DEPARTMENT_BUCKETS
        .get(usize::from(department))
        .copied()
        .unwrap_or_default();
    // At most `last`, a byte.
    u16::from(first)
        .saturating_add(u16::from(rank))
        .min(u16::from(last)) as u8
}

/// Sort `items` by [`order_key`]. Without the `large-tables` feature, one
/// comparison sort always: the buckets cut the end credits of a large
/// table to a third of the instructions (`benches/icount.py` guards them).
pub fn sort<const M: usize>(items: &mut heapless::Vec<Item, M>) {
    // The destination of an item must fit in the bits above its position.
    if items.len() < SMALL || u32::try_from(items.len()).is_err() || !cfg!(feature = "large-tables") {
        sort_run(items);
    } else {
        sort_by_buckets(items);
    }
}

/// Sort one run, with only a check when it is already in order. With
/// `large-tables`, core's sort, which takes 7% off the instructions of the
/// main titles (their hundred-odd items are one run; `benches/icount.py`
/// guards them) for kilobytes of flash; without it, the heapsort.
fn sort_run(items: &mut [Item]) {
    if items.is_sorted_by_key(order_key) {
        return;
    }
    if cfg!(feature = "large-tables") {
        items.sort_unstable_by_key(order_key);
    } else {
        heapsort(items, &|a, b| order_key(a) < order_key(b));
    }
}

#[inline(never)]
fn sort_by_buckets<const M: usize>(items: &mut heapless::Vec<Item, M>) {
    // Count the items of each bucket while copying them, each with its
    // bucket in the spare bits of `own`, into the buffer's spare room; a
    // buffer without room for the copy takes one comparison sort.
    let len = items.len();
    let mut bounds: Bounds = [0; 256];
    if !copy_up_counting(items, &mut bounds) {
        return sort_run(items);
    }
    let mut start = 0u32;
    for bound in bounds.iter_mut().take(BUCKETS) {
        let count = *bound;
        *bound = start;
        start = start.saturating_add(count);
    }
    // Each item goes to the next place of its bucket, in table order
    // (stable); the starts become the ends of the buckets.
    scatter(items, len, &mut bounds);
    let mut start = 0;
    for &end in bounds.iter().take(BUCKETS) {
        // The ends rise to `len`: every item is in one bucket.
        sort_run(&mut items[start..end as usize]);
        start = end as usize;
    }
    debug_assert_eq!(start, len);
}

/// Append a copy of the items, each with its bucket parked in `own`, a few
/// at a time through the stack, and count the items of each bucket in
/// `counts`; or return `false`, the items unchanged, when the buffer
/// cannot hold the copy.
fn copy_up_counting<const M: usize>(items: &mut heapless::Vec<Item, M>, counts: &mut Bounds) -> bool {
    let len = items.len();
    if len.checked_mul(2).is_none_or(|twice| twice > M) {
        return false;
    }
    let mut chunk = [Item::title(0); 16];
    let mut at = 0;
    while at < len {
        let end = at.saturating_add(chunk.len()).min(len);
        let (Some(from), Some(to)) = (items.get(at..end), chunk.get_mut(..end.saturating_sub(at))) else {
            items.truncate(len);
            return false;
        };
        for (to, from) in to.iter_mut().zip(from) {
            let bucket = bucket(from);
            *to = from.with_bucket(bucket);
            // A byte indexes the 256 counts; a count is at most
            // `items.len()`, which `sort` checked fits a u32.
            counts[usize::from(bucket)] += 1;
        }
        if items.extend_from_slice(to).is_err() {
            items.truncate(len);
            return false;
        }
        at = end;
    }
    true
}

/// Write every item of the copy in the upper half to its place in the
/// lower half (independent stores, fast), then drop the copy.
fn scatter<const M: usize>(items: &mut heapless::Vec<Item, M>, len: usize, bounds: &mut Bounds) {
    let (to, from) = items.split_at_mut(len);
    for item in from.iter() {
        // The starts were counted from these items: each bucket's next
        // place stays below its end, and the ends below `len`.
        let next = &mut bounds[usize::from(item.bucket())];
        to[*next as usize] = item.without_bucket();
        *next += 1;
    }
    items.truncate(len);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic shuffle of crawl and head items, sorted both ways.
    #[test]
    fn buckets_sort_like_a_comparison_sort() {
        let mut items = [Item::new((0, 0, 0), (None, 0), (None, 0)); 600];
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
            *item = Item::new((block, department, rank), (billing, primary), (billing, index));
        }
        let mut expected = items;
        expected.sort_by_key(order_key);
        // With room for a copy (buckets) and without (one comparison sort).
        let mut roomy: heapless::Vec<Item, 1200> = items.iter().copied().collect();
        let mut tight: heapless::Vec<Item, 600> = items.iter().copied().collect();
        sort(&mut roomy);
        sort(&mut tight);
        assert_eq!(roomy.len(), items.len());
        for sorted in [&roomy[..], &tight[..]] {
            for (i, (a, b)) in sorted.iter().zip(&expected).enumerate() {
                assert_eq!(a, b, "at {i}: bucket {} vs {}", bucket(a), bucket(b));
            }
        }
    }

    #[test]
    fn small_runs_sort_too() {
        let mut items: heapless::Vec<Item, 3> = [
            Item::new((CRAWL, 2, 0), (None, 3), (None, 3)),
            Item::new((0, 0, 0), (Some(2), 1), (Some(2), 1)),
            Item::new((0, 0, 0), (Some(1), 2), (Some(1), 2)),
        ]
        .into_iter()
        .collect();
        sort(&mut items);
        let order: [Option<usize>; 3] = [items[0].entry(), items[1].entry(), items[2].entry()];
        assert_eq!(order, [Some(2), Some(1), Some(3)]);
    }
}
