//! Small sorts for the whole crate.
//!
//! Core's `sort_unstable` (pattern-defeating quicksort) is fast on large
//! random input but is monomorphised into several kilobytes of flash per
//! element type; on a microcontroller three or four of them cost more than
//! the rest of the crate. Ordering sorts short runs and runs that are
//! nearly always in order already (checked first by the callers), so they
//! take this heapsort, which costs a few hundred bytes, as does the top
//! sheet's list of per-person words.

/// Heapsort: in place, O(n log n) at worst, no recursion, and a few hundred
/// bytes of code per use, where core's pattern-defeating quicksort costs
/// kilobytes of flash per element type. The runs sorted here are short or
/// nearly always in order already, so its speed matters little. Not
/// stable: every key the crate sorts by is unique.
pub(crate) fn heapsort<T: Copy>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    let len = v.len();
    for node in (0..len / 2).rev() {
        sift_down(v, node, len, &less);
    }
    // Move the largest to the end, one at a time.
    for end in (1..len).rev() {
        swap(v, 0, end);
        sift_down(v, 0, end, &less);
    }
}

/// Swap two elements by value. `slice::swap` also serves overlapping
/// places and, in a build optimized for size, calls `memmove` even for two 16-byte
/// items: that call pulls 1.5 KiB of `memmove` into a firmware image.
#[inline]
fn swap<T: Copy>(v: &mut [T], a: usize, b: usize) {
    if let (Some(&x), Some(&y)) = (v.get(a), v.get(b)) {
        if let Some(slot) = v.get_mut(a) {
            *slot = y;
        }
        if let Some(slot) = v.get_mut(b) {
            *slot = x;
        }
    }
}

/// Restore the heap below `node` within `v[..end]`.
fn sift_down<T: Copy>(v: &mut [T], mut node: usize, end: usize, less: &impl Fn(&T, &T) -> bool) {
    loop {
        let left = node.saturating_mul(2).saturating_add(1);
        if left >= end {
            return;
        }
        let right = left.saturating_add(1);
        let child = match (v.get(left), v.get(right)) {
            (Some(l), Some(r)) if right < end && less(l, r) => right,
            _ => left,
        };
        match (v.get(node), v.get(child)) {
            (Some(parent), Some(larger)) if less(parent, larger) => {
                swap(v, node, child);
                node = child;
            }
            _ => return,
        }
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
            heapsort(v, |a, b| a < b);
            assert_eq!(v, &expected[..]);
        }
    }
}
