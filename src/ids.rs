//! A hash index over a fixed list of ids, built at compile time.
//!
//! Role ids and the field names of the JSON format are looked up once per
//! row and per field: a binary search or a scan of the list costs tens of
//! comparisons, a hash of the id's length and its first and last bytes
//! costs one probe, nearly always followed by a single comparison.

/// Where each id of a list sits in an open-addressing table of `SLOTS`
/// bytes: `0` is an empty slot, `i + 1` holds `ids[i]`. `SLOTS` is a power
/// of two, at least twice the length of the list, so that probe runs stay
/// short and an empty slot ends every run.
pub(crate) struct IdIndex<const SLOTS: usize> {
    slots: [u8; SLOTS],
}

/// Up to four bytes of `bytes` from `start` on, little-endian; missing
/// bytes read as zero.
const fn word(bytes: &[u8], start: usize) -> u32 {
    let Some((_, tail)) = bytes.split_at_checked(start) else {
        return 0;
    };
    match *tail {
        [] => 0,
        [a] => a as u32,
        [a, b] => u32::from_le_bytes([a, b, 0, 0]),
        [a, b, c] => u32::from_le_bytes([a, b, c, 0]),
        [a, b, c, d, ..] => u32::from_le_bytes([a, b, c, d]),
    }
}

/// The home slot of an id in a table of `slots` (a power of two, 2 or more): its
/// length and its first and last four bytes, mixed by one multiplication.
/// Ids of a vocabulary share prefixes (`director`,
/// `director_of_photography`) but rarely length and ending too.
#[inline]
const fn home(id: &[u8], slots: usize) -> usize {
    let last = word(id, id.len().saturating_sub(4));
    let mixed =
        (word(id, 0) as u64 ^ ((last as u64) << 32) ^ id.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    // The top bits of the product are the best mixed.
    let bits = slots.trailing_zeros();
    match mixed.checked_shr(64u32.saturating_sub(bits)) {
        Some(top) => top as usize & slots.wrapping_sub(1),
        None => 0,
    }
}

impl<const SLOTS: usize> IdIndex<SLOTS> {
    /// Index `ids`. A list too long for the table fails the build, where the
    /// index is a constant.
    #[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)] // compile time: a bad index fails the build
    pub(crate) const fn new(ids: &[&str]) -> Self {
        assert!(SLOTS.is_power_of_two() && SLOTS >= 2, "SLOTS is a power of two");
        assert!(
            ids.len() <= SLOTS / 2 && ids.len() < 256,
            "an IdIndex is at most half full"
        );
        let mut slots = [0u8; SLOTS];
        let mut i = 0;
        while i < ids.len() {
            let mut slot = home(ids[i].as_bytes(), SLOTS);
            while slots[slot] != 0 {
                slot = (slot + 1) % SLOTS;
            }
            slots[slot] = (i + 1) as u8;
            i += 1;
        }
        IdIndex { slots }
    }

    /// The position of `id` in the list this index was built from, whose
    /// `i`th id is `id_at(i)`, compared exactly.
    pub(crate) fn find<'i>(&self, id: &str, id_at: impl Fn(usize) -> Option<&'i [u8]>) -> Option<usize> {
        let mut slot = home(id.as_bytes(), SLOTS);
        // At most half the slots are taken, so an empty one ends every run.
        for _ in 0..SLOTS {
            let held = usize::from(*self.slots.get(slot)?);
            let position = held.checked_sub(1)?;
            if id_at(position).is_some_and(|candidate| same_id(candidate, id.as_bytes())) {
                return Some(position);
            }
            slot = slot.wrapping_add(1) & SLOTS.wrapping_sub(1);
        }
        None
    }
}

/// Whether two ids are equal, compared as (overlapping) machine words:
/// a call to `memcmp` costs more than the compare for ids this short, and
/// parsing compares every key and role (3% of its instructions;
/// `benches/icount.py` guards the parse).
#[inline]
pub(crate) fn same_id(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    match a.len() {
        // One word holds the whole id; missing bytes read as zeros in both.
        0..=4 => word(a, 0) == word(b, 0),
        // Words at the start and at the end cover every byte.
        5..=8 => {
            let last = a.len().saturating_sub(4);
            word(a, 0) == word(b, 0) && word(a, last) == word(b, last)
        }
        _ => {
            let long =
                |bytes: &[u8], at: usize| bytes.get(at..).and_then(|tail| tail.first_chunk::<8>()).copied();
            // Whole words, then the last eight bytes (overlapping the
            // previous word).
            let last = a.len().saturating_sub(8);
            let mut at = 0;
            while at < last {
                if long(a, at) != long(b, at) {
                    return false;
                }
                at = at.saturating_add(8);
            }
            long(a, last) == long(b, last)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::ROLES;

    const FRUITS: &[&str] = &[
        "apple",
        "fig",
        "banana",
        "kiwi",
        "",
        "a",
        "apple_pie",
        "pie_apple",
    ];

    #[test]
    fn finds_every_id_and_nothing_else() {
        const INDEX: IdIndex<16> = IdIndex::new(FRUITS);
        for (position, id) in FRUITS.iter().enumerate() {
            assert_eq!(
                INDEX.find(id, |i| FRUITS.get(i).map(|f| f.as_bytes())),
                Some(position),
                "{id}"
            );
        }
        for stranger in ["Apple", "appl", "apples", "b", "fig ", "kiwi\0", "pie"] {
            assert_eq!(
                INDEX.find(stranger, |i| FRUITS.get(i).map(|f| f.as_bytes())),
                None,
                "{stranger}"
            );
        }
    }

    #[test]
    fn indexes_the_whole_vocabulary() {
        let ids: [&str; ROLES.len()] = core::array::from_fn(|i| ROLES[i].id());
        let index = IdIndex::<256>::new(&ids);
        let id_at = |i: usize| ids.get(i).map(|id| id.as_bytes());
        for (position, id) in ids.iter().enumerate() {
            assert_eq!(index.find(id, id_at), Some(position), "{id}");
        }
        // Ids sharing a prefix or an ending are told apart.
        assert_ne!(
            index.find("director", id_at),
            index.find("director_of_photography", id_at)
        );
        assert_eq!(index.find("director_", id_at), None);
    }

    /// An id differing from another in any one byte, or in length, is
    /// another id, whatever the word sizes the compare uses.
    #[test]
    fn same_id_compares_every_byte() {
        let text = b"abcdefghijklmnopqrst";
        for len in 1..=text.len() {
            let id = &text[..len];
            assert!(same_id(id, id));
            assert!(!same_id(id, &text[..len - 1]));
            for at in 0..len {
                let mut other = [0u8; 20];
                other[..len].copy_from_slice(id);
                other[at] = b'_';
                assert!(!same_id(id, &other[..len]), "{len} at {at}");
            }
        }
    }
}
