//! Small sorts for the whole crate.
//!
//! Core's `sort_unstable` (pattern-defeating quicksort) is fast on large
//! random input but is monomorphised into several kilobytes of flash per
//! element type; on a microcontroller three or four of them cost more than
//! the rest of the crate. Ordering sorts short runs and runs that are
//! nearly always in order already (checked first by the callers); without
//! the `large-tables` feature they take this heapsort, which costs a few
//! hundred bytes, and the cast list's rare orders always do. The top sheet's
//! per-person words are a large random list of hashes: [`sort_words`]
//! spreads them over 256 buckets by their top byte in one pass, in place,
//! and sorts each short bucket.

// An algorithm module: indices and counts below are bounded by the loops
// that make them (each use says why), so they index and add plainly; a
// bug fails a `debug_assert!` or a bounds check in the tests and the fuzz
// targets instead of passing silently as a skipped step.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

/// Heapsort: in place, O(n log n) at worst, no recursion, and a few hundred
/// bytes of code per use, where core's pattern-defeating quicksort costs
/// kilobytes of flash per element type. The runs sorted here are short or
/// nearly always in order already, so its speed matters little. Not
/// stable: every key the crate sorts by is unique.
///
/// The comparison is a `dyn` call: one copy of the sort per element type
/// rather than one per comparison closure (the cast list's orders and the
/// items' order share it), which the firmware's flash budget needs; no
/// sort that a large table spends its time in goes through it.
pub(crate) fn heapsort<T: Copy>(v: &mut [T], less: &dyn Fn(&T, &T) -> bool) {
    let len = v.len();
    for node in (0..len / 2).rev() {
        sift_down(v, node, len, less);
    }
    // Move the largest to the end, one at a time.
    for end in (1..len).rev() {
        swap(v, 0, end);
        sift_down(v, 0, end, less);
    }
}

/// Restore the heap below `node` within `v[..end]` (`end <= v.len()`).
fn sift_down<T: Copy>(v: &mut [T], mut node: usize, end: usize, less: &dyn Fn(&T, &T) -> bool) {
    debug_assert!(end <= v.len());
    loop {
        // `node < end <= v.len()`, so `2 * node + 2` cannot overflow.
        let left = 2 * node + 1;
        if left >= end {
            return;
        }
        let right = left + 1;
        let child = if right < end && less(&v[left], &v[right]) {
            right
        } else {
            left
        };
        if !less(&v[node], &v[child]) {
            return;
        }
        swap(v, node, child);
        node = child;
    }
}

/// Sort words whose top byte is evenly spread (hashes): an in-place
/// counting pass over the top byte, each swap settling one word in its
/// bucket, then a sort of each bucket (about `len / 256` words).
pub(crate) fn sort_words(v: &mut [u64]) {
    const BUCKETS: usize = 256;
    // A short list is one bucket: the counting pass would cost more.
    // Without `large-tables`, one heapsort: the buckets take the top sheet
    // of a large table to two thirds of its instructions
    // (`benches/icount.py` guards it).
    if v.len() <= BUCKETS || !cfg!(feature = "large-tables") {
        return small_sort(v);
    }
    // A top byte indexes the 256 buckets.
    let bucket = |word: u64| (word >> 56) as usize;
    let mut next = [0usize; BUCKETS];
    for &word in v.iter() {
        next[bucket(word)] += 1;
    }
    // Counts to starts; `ends` keeps where each bucket stops. The counts
    // add up to `v.len()`.
    let mut ends = [0usize; BUCKETS];
    let mut start = 0;
    for (count, end) in next.iter_mut().zip(ends.iter_mut()) {
        let len = *count;
        *count = start;
        start += len;
        *end = start;
    }
    debug_assert_eq!(start, v.len());
    for here in 0..BUCKETS {
        // Every word of an earlier bucket is in place already; each swap
        // puts one more word in its place, so `next[target] < ends[target]`.
        while next[here] < ends[here] {
            let at = next[here];
            let target = bucket(v[at]);
            let destination = next[target];
            debug_assert!(destination < ends[target]);
            next[target] += 1;
            if target != here {
                swap(v, at, destination);
            }
        }
    }
    let mut start = 0;
    for &end in &ends {
        small_sort(&mut v[start..end]);
        start = end;
    }
}

/// Swap two elements by value. `slice::swap` also serves overlapping
/// places and, in a build optimized for size, calls `memmove` even for two
/// 16-byte items: that call pulls 1.7 KiB of `memmove` into a firmware
/// image (the footprint check of `.ci/run` guards it).
#[inline]
fn swap<T: Copy>(v: &mut [T], a: usize, b: usize) {
    let (x, y) = (v[a], v[b]);
    v[a] = y;
    v[b] = x;
}

/// A bucket: insertion sort for a few words, heapsort beyond.
fn small_sort(v: &mut [u64]) {
    if v.len() <= 24 {
        insertion_sort(v);
    } else {
        heapsort(v, &|a, b| a < b);
    }
}

/// Insertion sort: the fastest for the few words of a bucket. Each word
/// is held while the larger ones before it move up one place.
fn insertion_sort(v: &mut [u64]) {
    for i in 1..v.len() {
        let word = v[i];
        let mut hole = i;
        while hole > 0 && v[hole - 1] > word {
            v[hole] = v[hole - 1];
            hole -= 1;
        }
        v[hole] = word;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heapsort_sorts() {
        for len in 0..40u32 {
            let mut v: [u32; 40] = core::array::from_fn(|i| (i as u32).wrapping_mul(2_654_435_761) % 97);
            let v = &mut v[..len as usize];
            let mut expected = v.to_vec();
            expected.sort_unstable();
            heapsort(v, &|a, b| a < b);
            assert_eq!(v, &expected[..]);
        }
    }

    #[test]
    fn sort_words_sorts() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for len in [0usize, 1, 2, 3, 255, 256, 1000, 3000] {
            let mut words = [0u64; 3000];
            for (i, word) in words.iter_mut().enumerate() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                // Some repeated words, some in one bucket.
                *word = match i % 7 {
                    0 => 42,
                    1 => state & 0x00FF_FFFF_FFFF_FFFF,
                    _ => state,
                };
            }
            let v = &mut words[..len];
            let mut expected = v.to_vec();
            expected.sort_unstable();
            sort_words(v);
            assert_eq!(v, &expected[..], "len {len}");
        }
    }
}
