//! Sort keys: where each entry goes in a sequence.
//!
//! A key packs `(block, group, rank, primary, secondary)` into a `u128`,
//! where `primary` and `secondary` are `(billing, table index)` pairs
//! (billing present before absent). `primary` is the entry's own position,
//! or for a writing team the position of its first member, so that a team
//! stays together (SPEC §3.1). The table index is the last tiebreak, so no
//! two keys are equal and `sort_unstable` gives one total order.

use super::rules::{Block, SPECIAL_CAST_ORDER, SequenceRules};
use super::{Credits, Item, Sequence};
use crate::error::Error;
use crate::table::{CastOrder, EndCredits, Entry, Flag, Table};
use crate::vocabulary::{CUSTOM_RANK, Department, Role};

/// Largest table the key layout can index (23 bits of table index).
pub const MAX_ENTRIES: usize = 1 << 23;

/// The block number of the end-credits crawl, after every principal block.
pub const CRAWL: u8 = u8::MAX;

/// Rank of a merged writing credit inside the director's block (after the director).
const MERGED_WRITING_RANK: u8 = 1;
/// Rank of a merged producing credit inside the director's block.
const MERGED_PRODUCING_RANK: u8 = 2;

/// A billing position as 17 bits: present positions first.
fn billing_bits(billing: Option<u16>) -> u64 {
    billing.map_or(0x1_0000, u64::from)
}

/// `(billing, index)` as 40 bits; `index` is below [`MAX_ENTRIES`].
fn position((billing, index): (Option<u16>, usize)) -> u64 {
    billing_bits(billing) << 23 | (index as u64 & 0x7F_FFFF)
}

/// Pack a sort key: `(block, group, rank, primary position)` and the
/// entry's own position, compared in that order.
pub fn pack(
    block: u8,
    group: u8,
    rank: u8,
    primary: (Option<u16>, usize),
    own: (Option<u16>, usize),
) -> Item {
    let key = u64::from(block) << 56 | u64::from(group) << 48 | u64::from(rank) << 40 | position(primary);
    Item {
        key,
        own: position(own),
    }
}

/// The table index in an item's own position.
pub fn index_of(own: u64) -> usize {
    (own & 0x7F_FFFF) as usize
}

/// The block, group and rank of a key.
pub fn unpack(key: u64) -> (u8, u8, u8) {
    ((key >> 56) as u8, (key >> 48) as u8, (key >> 40) as u8)
}

/// What the whole table decides before any key: the hyphenate merge.
#[derive(Clone, Copy, Debug, Default)]
pub struct Plan {
    /// The roles whose sole-director credit merges into the director's
    /// card, as bits of [`MERGING`].
    merged: u8,
}

/// Credits that merge into the director's card when the director is their
/// only name, with the rank they take after the director (SPEC §3.1).
const MERGING: [(Role, u8); 3] = [
    (Role::WrittenBy, MERGED_WRITING_RANK),
    (Role::ScreenplayBy, MERGED_WRITING_RANK),
    (Role::Producer, MERGED_PRODUCING_RANK),
];

impl Plan {
    /// Decide the hyphenate merge of a table.
    pub fn new<const N: usize>(table: &Table<'_, N>) -> Plan {
        let credited = || table.entries().iter().filter(|e| e.is_credited());
        let mut directors = credited().filter(|e| e.role == Role::Director);
        let director = directors.next().map(|e| e.name);
        let one_director = director.is_some() && directors.all(|e| Some(e.name) == director);
        let mut merged = 0;
        if table.options.merge_hyphenates && one_director {
            for (bit, &(role, _)) in MERGING.iter().enumerate() {
                // A credit merges when it exists and the director is its only name.
                let mut names = credited()
                    .filter(|e| e.role == role)
                    .map(|e| Some(e.name))
                    .peekable();
                if names.peek().is_some() && names.all(|name| name == director) {
                    merged |= 1 << bit;
                }
            }
        }
        Plan { merged }
    }

    fn merged_role(&self, role: Role) -> Option<u8> {
        MERGING
            .iter()
            .enumerate()
            .find(|&(bit, &(r, _))| r == role && self.merged & (1 << bit) != 0)
            .map(|(_, &(_, rank))| rank)
    }

    /// Whether the director's card is a hyphenate card.
    pub fn merges(&self) -> bool {
        self.merged != 0
    }

    /// A writing credit is merged into the director's card.
    pub fn written(&self) -> bool {
        self.merged_role(Role::WrittenBy).is_some() || self.merged_role(Role::ScreenplayBy).is_some()
    }

    /// The "Produced by" credit is merged into the director's card.
    pub fn produced(&self) -> bool {
        self.merged_role(Role::Producer).is_some()
    }

    /// The rank inside the director's block of an entry merged into it.
    pub fn merged_rank(&self, entry: &Entry<'_>) -> Option<u8> {
        self.merged_role(entry.role)
    }
}

/// The principal blocks of `sequence` (the end credits have them only in
/// `end_only` mode).
pub fn blocks<'r, const N: usize>(
    table: &Table<'_, N>,
    sequence: Sequence,
    rules: &'r SequenceRules,
) -> &'r [Block] {
    match sequence {
        Sequence::MainTitles => rules.main_titles,
        Sequence::BillingBlock => rules.billing_block,
        Sequence::EndCredits if table.options.end_credits == EndCredits::EndOnly => rules.end_head,
        Sequence::EndCredits => &[],
    }
}

/// The billed-cast limit of `sequence`.
fn cast_limit<const N: usize>(table: &Table<'_, N>, sequence: Sequence) -> u16 {
    match sequence {
        Sequence::BillingBlock => table.options.billing_block_cast,
        Sequence::MainTitles | Sequence::EndCredits => table.options.main_title_cast,
    }
}

/// Number of role codes, `Custom` included.
const ROLE_CODES: usize = Role::Custom as usize + 1;

/// Where entries sit among a list of blocks, worked out once per call so
/// that each entry costs a table lookup (the first block that lists a role
/// takes it).
pub struct Slots {
    by_role: [Option<(u8, u8)>; ROLE_CODES],
    director: Option<(u8, u8)>,
    possessory: Option<u8>,
    above_title: Option<u8>,
    cast: Option<u8>,
    cast_limit: u16,
}

impl Slots {
    /// The slots of `blocks`, with `cast_limit` billed cast in the cast block.
    pub fn new(blocks: &[Block], cast_limit: u16) -> Slots {
        let mut slots = Slots {
            by_role: [None; ROLE_CODES],
            director: None,
            possessory: None,
            above_title: None,
            cast: None,
            cast_limit,
        };
        for (number, block) in blocks.iter().enumerate() {
            let Ok(number) = u8::try_from(number) else {
                break;
            };
            let first = |slot: &mut Option<u8>| *slot = slot.or(Some(number));
            match *block {
                Block::Roles(roles) => {
                    for (group, &role) in roles.iter().enumerate() {
                        let group = u8::try_from(group).unwrap_or(u8::MAX);
                        if let Some(slot) = slots.by_role.get_mut(role as usize) {
                            *slot = slot.or(Some((number, group)));
                        }
                    }
                }
                Block::Possessory => first(&mut slots.possessory),
                Block::AboveTitleCast => first(&mut slots.above_title),
                Block::Cast => first(&mut slots.cast),
                Block::Title => {}
            }
        }
        slots.director = slots.by_role.get(Role::Director as usize).copied().flatten();
        slots
    }

    /// The slots `(block, group, rank)` an entry takes: at most two, as a
    /// possessory director also has the "Directed by" card.
    pub fn of(&self, entry: &Entry<'_>, plan: &Plan) -> [Option<(u8, u8, u8)>; 2] {
        let own = match plan.merged_rank(entry) {
            // A credit merged into the director's card sits in its slot.
            Some(rank) => self.director.map(|(block, group)| (block, group, rank)),
            None => self
                .by_role
                .get(entry.role as usize)
                .copied()
                .flatten()
                .map(|(b, g)| (b, g, 0)),
        };
        let extra = match entry.role {
            Role::Director if entry.has(Flag::Possessory) => self.possessory.map(|b| (b, 0, 0)),
            Role::Cast if entry.has(Flag::AboveTitle) => self.above_title.map(|b| (b, 0, 0)),
            Role::Cast => self.cast.and_then(|b| {
                match SPECIAL_CAST_ORDER.iter().position(|&c| c == entry.cast_credit) {
                    Some(special) => Some((b, u8::try_from(special).ok()?.saturating_add(1), 0)),
                    None => entry.billing.filter(|&n| n <= self.cast_limit).map(|_| (b, 0, 0)),
                }
            }),
            _ => None,
        };
        [own, extra]
    }
}

/// The position that orders a writing team: its first member's.
fn team_lead<const N: usize>(table: &Table<'_, N>, entry: &Entry<'_>, index: usize) -> (Option<u16>, usize) {
    let own = (entry.billing, index);
    let Some(team) = entry.team else {
        return own;
    };
    table
        .entries()
        .iter()
        .enumerate()
        .filter(|(_, e)| e.team == Some(team) && e.role == entry.role && e.is_credited())
        .map(|(i, e)| (e.billing, i))
        .min_by_key(|&(billing, i)| (billing_bits(billing), i))
        .unwrap_or(own)
}

/// Push one item per credit of `sequence` (unsorted).
pub fn collect<const N: usize, const M: usize>(
    table: &Table<'_, N>,
    sequence: Sequence,
    rules: &SequenceRules,
    plan: &Plan,
    out: &mut Credits<M>,
) -> Result<(), Error> {
    let head = blocks(table, sequence, rules);
    let limit = cast_limit(table, sequence);
    let head_slots = Slots::new(head, limit);
    // The end credits' crawl skips what a principal card of the film showed.
    let shown_before = match table.options.end_credits {
        EndCredits::EndOnly => rules.end_head,
        EndCredits::AfterMainTitles => rules.main_titles,
    };
    let shown_slots = Slots::new(shown_before, table.options.main_title_cast);
    for (index, entry) in table.entries().iter().enumerate() {
        if !entry.is_credited() {
            continue;
        }
        let own = (entry.billing, index);
        let primary = if entry.team.is_some() {
            team_lead(table, entry, index)
        } else {
            own
        };
        for (block, group, rank) in head_slots.of(entry, plan).into_iter().flatten() {
            out.push_item(pack(block, group, rank, primary, own))?;
        }
        if sequence == Sequence::EndCredits {
            let principal = shown_slots.of(entry, plan).iter().any(Option::is_some);
            if entry.role == Role::Cast || !principal {
                let department = entry.department.crawl_position();
                let rank = entry.role.info().map_or(CUSTOM_RANK, |info| info.rank);
                out.push_item(pack(CRAWL, department, rank, primary, own))?;
            }
        }
    }
    if let Some(block) = head.iter().position(|b| *b == Block::Title) {
        let block = u8::try_from(block).unwrap_or(CRAWL);
        let title = pack(block, 0, 0, (None, 0), (None, 0));
        out.push_item(Item {
            own: Item::TITLE,
            ..title
        })?;
    }
    Ok(())
}

/// Items with equal keys (the members of a writing team share their first
/// member's position) in their own order. Runs are rare and short.
pub fn settle_ties(items: &mut [Item]) {
    let mut start = 0;
    while start < items.len() {
        let key = items.get(start).map_or(0, |item| item.key);
        let run = items
            .iter()
            .skip(start)
            .take_while(|item| item.key == key)
            .count()
            .max(1);
        if run > 1
            && let Some(slice) = items.get_mut(start..start.saturating_add(run))
        {
            slice.sort_unstable_by_key(|item| item.own);
        }
        start = start.saturating_add(run);
    }
}

/// Whether an item is on the end credits' full cast list.
pub fn in_cast_list(key: u64) -> bool {
    unpack(key) == (CRAWL, Department::Cast.crawl_position(), 0)
}

/// Re-sort the full cast list (already in billing order) by `options.cast_order`.
pub fn sort_cast_list<const N: usize, const M: usize>(table: &Table<'_, N>, out: &mut Credits<M>) {
    let Some(start) = out.items.iter().position(|i| in_cast_list(i.key)) else {
        return;
    };
    let len = out
        .items
        .iter()
        .skip(start)
        .take_while(|i| in_cast_list(i.key))
        .count();
    let Some(list) = out.items.get_mut(start..start.saturating_add(len)) else {
        return;
    };
    let entry = |item: &Item| item.entry().and_then(|i| table.entry(i));
    match table.options.cast_order {
        CastOrder::Billing => {}
        CastOrder::Appearance => {
            // The first `cast_order_top` billed names keep their place.
            let billed = list
                .iter()
                .take_while(|i| entry(i).is_some_and(|e| e.billing.is_some()))
                .count();
            let top = billed.min(usize::from(table.options.cast_order_top));
            if let Some(rest) = list.get_mut(top..) {
                rest.sort_unstable_by_key(|item| {
                    let e = entry(item);
                    (
                        billing_bits(e.and_then(|e| e.appearance)),
                        billing_bits(e.and_then(|e| e.billing)),
                        item.own,
                    )
                });
            }
        }
        CastOrder::Alphabetical => {
            // By surname (last word), then the whole name, byte-wise on the
            // decoded UTF-8, then table order.
            list.sort_unstable_by(|a, b| {
                let name = |item: &Item| entry(item).map_or("", |e| e.name.trim());
                let surname = |item: &Item| name(item).split_whitespace().next_back().unwrap_or("");
                (surname(a), name(a), index_of(a.own)).cmp(&(surname(b), name(b), index_of(b.own)))
            });
        }
    }
}
