//! The vocabulary's ids and titles, packed into one text at compile time.
//!
//! A row that held its id and both titles as `&str` would spend 24 bytes
//! on pointers on a 32-bit target, and store "Art Director" and "Art
//! Directors" twice over. Packed, a row holds 16-bit offsets into one text,
//! and a title that begins the other ("Art Director" / "Art Directors",
//! "… presents" / "… present") shares its bytes: together about 3 KiB of
//! flash. Everything here runs in `const` evaluation; a table that does not
//! fit fails the build.

#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)] // compile time: a bad index fails the build

use super::{Credit, Department, Principal, Role, RoleInfo, Side};

/// One role as written in the vocabulary table, before packing.
pub(super) struct Source {
    pub(super) role: Role,
    pub(super) id: &'static str,
    pub(super) department: Department,
    pub(super) rank: u8,
    pub(super) singular: &'static str,
    pub(super) plural: &'static str,
    pub(super) account: u16,
    pub(super) side: Side,
    pub(super) atl_account_when_participant: Option<u16>,
    pub(super) credit: Credit,
    pub(super) principal: Option<Principal>,
}

/// The packed text and the rows that point into it.
pub(super) struct Packed<const ROWS: usize, const LEN: usize> {
    pub(super) text: [u8; LEN],
    /// Bytes of `text` in use: the exact `LEN` to pack into.
    pub(super) used: usize,
    pub(super) rows: [RoleInfo; ROWS],
}

/// Room enough for every string unshared: the length of a first packing.
pub(super) const fn unshared_len(source: &[Source]) -> usize {
    let mut total = 0;
    let mut i = 0;
    while i < source.len() {
        total += source[i].id.len() + source[i].singular.len() + source[i].plural.len();
        i += 1;
    }
    total
}

/// Pack `source` into `LEN` bytes of text.
pub(super) const fn pack<const ROWS: usize, const LEN: usize>(source: &[Source]) -> Packed<ROWS, LEN> {
    assert!(source.len() == ROWS, "one row per role");
    let mut packed = Packed {
        text: [0; LEN],
        used: 0,
        rows: [PLACEHOLDER; ROWS],
    };
    let mut i = 0;
    while i < ROWS {
        let s = &source[i];
        let (one, many) = (s.singular.as_bytes(), s.plural.as_bytes());
        let id_at = append(&mut packed, s.id.as_bytes());
        // One title that begins the other is stored once, the longer.
        let (titles_at, plural_skip) = if starts_with(many, one) {
            (append(&mut packed, many), 0)
        } else if starts_with(one, many) {
            (append(&mut packed, one), 0)
        } else {
            let at = append(&mut packed, one);
            (at, append(&mut packed, many) - at)
        };
        packed.rows[i] = RoleInfo {
            role: s.role,
            department: s.department,
            rank: s.rank,
            account: s.account,
            side: s.side,
            atl_account_when_participant: s.atl_account_when_participant,
            credit: s.credit,
            principal: s.principal,
            id_at: narrow(id_at),
            id_len: byte(s.id.len()),
            titles_at: narrow(titles_at),
            singular_len: byte(one.len()),
            plural_skip: byte(plural_skip),
            plural_len: byte(many.len()),
        };
        i += 1;
    }
    packed
}

/// Append `bytes` to the text; where they start.
const fn append<const ROWS: usize, const LEN: usize>(packed: &mut Packed<ROWS, LEN>, bytes: &[u8]) -> usize {
    let at = packed.used;
    assert!(at + bytes.len() <= LEN, "the text has room");
    let mut j = 0;
    while j < bytes.len() {
        packed.text[at + j] = bytes[j];
        j += 1;
    }
    packed.used = at + bytes.len();
    at
}

const fn starts_with(bytes: &[u8], prefix: &[u8]) -> bool {
    if prefix.len() > bytes.len() {
        return false;
    }
    let mut j = 0;
    while j < prefix.len() {
        if bytes[j] != prefix[j] {
            return false;
        }
        j += 1;
    }
    true
}

const fn narrow(offset: usize) -> u16 {
    assert!(
        offset <= u16::MAX as usize,
        "the vocabulary text fits 16-bit offsets"
    );
    offset as u16
}

const fn byte(len: usize) -> u8 {
    assert!(len <= u8::MAX as usize, "every id and title is under 256 bytes");
    len as u8
}

/// A row before it is packed.
const PLACEHOLDER: RoleInfo = RoleInfo {
    role: Role::Custom,
    department: Department::Production,
    rank: 0,
    account: 0,
    side: Side::None,
    atl_account_when_participant: None,
    credit: Credit::PLAIN,
    principal: None,
    id_at: 0,
    id_len: 0,
    titles_at: 0,
    singular_len: 0,
    plural_skip: 0,
    plural_len: 0,
};
