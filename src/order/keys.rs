//! Where each entry goes in a sequence: the survey of the table (the
//! hyphenate merge, the directors), the slots of the sequence's principal
//! blocks, and the items of each entry (see [`super::item`] for what an
//! item holds), then the cast list's own orders.

use super::item::billing_order;
use super::rules::{Block, SPECIAL_CAST_ORDER, SequenceRules};
use super::{Credits, Item, Sequence, capacity};
use crate::error::{Buffer, Error};
use crate::heapsort::heapsort;
use crate::table::{CastCredit, CastOrder, EndCredits, Entry, Flag, Options, Table};
use crate::vocabulary::{CUSTOM_RANK, Department, Merge, Principal, ROLES, Role};

/// The block number of the end-credits crawl, after every principal block.
pub const CRAWL: u8 = u8::MAX;

/// Rank of a merged writing credit inside the director's block (after the director).
const MERGED_WRITING_RANK: u8 = 1;
/// Rank of a merged producing credit inside the director's block.
const MERGED_PRODUCING_RANK: u8 = 2;

/// What the whole table decides before any key, found by a [`Survey`] of
/// the entries: the hyphenate merge and the director facts the warnings need.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    /// The roles whose sole-director credit merges into the director's
    /// card, as bits of [`MERGING`].
    merged: u8,
    /// A writing credit is merged.
    written: bool,
    /// The "Produced by" credit is merged.
    produced: bool,
    /// Credited directors.
    pub directors: usize,
    /// Every credited director is on the first director's team.
    pub directors_one_team: bool,
    /// The rows from the first to the last entry on a team: where a team's
    /// first member is looked for.
    teams: core::ops::Range<usize>,
}

/// How many roles of the vocabulary merge into the director's card.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)] // compile time: a bad index fails the build
const MERGING_COUNT: usize = {
    let mut count = 0;
    let mut i = 0;
    while i < ROLES.len() {
        if ROLES[i].credit.merges().is_some() {
            count += 1;
        }
        i += 1;
    }
    count
};

/// The roles whose credit merges into the director's card when the
/// director is its only name (SPEC §3.1), from the vocabulary's
/// [`Credit::merges`](crate::vocabulary::Credit::merges) column, in
/// vocabulary order. A merge is a bit of [`Plan`], so there are at most 8.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)] // compile time: a bad index fails the build
const MERGING: [Role; MERGING_COUNT] = {
    assert!(MERGING_COUNT <= 8, "a merge is a bit of a byte");
    let mut roles = [Role::Custom; MERGING_COUNT];
    let (mut i, mut found) = (0, 0);
    while i < ROLES.len() {
        if ROLES[i].credit.merges().is_some() {
            roles[found] = ROLES[i].role;
            found += 1;
        }
        i += 1;
    }
    roles
};

/// The role whose card hyphenates merge into: the vocabulary's one role
/// that [`directs`](crate::vocabulary::Credit::directs).
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)] // compile time: a bad index fails the build
const DIRECTOR: Role = {
    let mut i = 0;
    while !ROLES[i].credit.directs() {
        i += 1;
    }
    ROLES[i].role
};

/// The rank a merged credit takes after the director's own.
fn merged_rank(role: Role) -> u8 {
    match role.credit().merges() {
        Some(Merge::Producing) => MERGED_PRODUCING_RANK,
        _ => MERGED_WRITING_RANK,
    }
}

/// The roles the survey reads: the director's and those that may merge
/// into the director's card.
pub fn is_surveyed(role: Role) -> bool {
    let credit = role.credit();
    credit.directs() || credit.merges().is_some()
}

/// The names credited in one role: the first, and whether all are the same.
#[derive(Clone, Copy, Default)]
struct Names<'a> {
    first: Option<&'a str>,
    all_same: bool,
}

impl<'a> Names<'a> {
    fn see(&mut self, name: &'a str) {
        match self.first {
            None => {
                *self = Names {
                    first: Some(name),
                    all_same: true,
                }
            }
            Some(first) => self.all_same &= first == name,
        }
    }

    /// Whether the role has names and `name` is the only one.
    fn only(&self, name: &str) -> bool {
        self.all_same && self.first == Some(name)
    }
}

/// The survey of a table, one entry at a time (the warnings pass feeds
/// it, so the table is read once before the keys).
#[derive(Default)]
pub struct Survey<'a> {
    plan: Plan,
    director: Names<'a>,
    first_team: Option<u16>,
    merging: [Names<'a>; MERGING.len()],
}

impl<'a> Survey<'a> {
    /// Note one entry, in table order.
    #[inline]
    pub fn see(&mut self, index: usize, entry: &Entry<'a>) {
        let plan = &mut self.plan;
        if entry.team.is_some() {
            let start = if plan.teams.is_empty() {
                index
            } else {
                plan.teams.start
            };
            plan.teams = start..index.saturating_add(1);
        }
        if !is_surveyed(entry.role) || !entry.is_credited() {
            return;
        }
        if entry.role.credit().directs() {
            if plan.directors == 0 {
                self.first_team = entry.team;
                plan.directors_one_team = entry.team.is_some();
            }
            plan.directors = plan.directors.saturating_add(1);
            plan.directors_one_team &= entry.team == self.first_team;
            self.director.see(entry.name);
        } else if let Some(names) = MERGING
            .iter()
            .position(|&role| role == entry.role)
            .and_then(|at| self.merging.get_mut(at))
        {
            names.see(entry.name);
        }
    }

    /// The plan: a credit merges when the table has one director (one
    /// name, possibly on several entries) and that director is the
    /// credit's only name.
    pub fn finish(self, options: &Options) -> Plan {
        let mut plan = self.plan;
        if options.merge_hyphenates
            && let Some(name) = self.director.first.filter(|_| self.director.all_same)
        {
            for (bit, (names, role)) in self.merging.iter().zip(MERGING).enumerate() {
                if names.only(name) {
                    plan.merged |= 1 << bit;
                    match role.credit().merges() {
                        Some(Merge::Producing) => plan.produced = true,
                        _ => plan.written = true,
                    }
                }
            }
        }
        plan
    }
}

impl Plan {
    fn merges_role(&self, role: Role) -> bool {
        MERGING
            .iter()
            .enumerate()
            .any(|(bit, &r)| r == role && self.merged & (1 << bit) != 0)
    }

    /// Whether the director's card is a hyphenate card.
    pub fn merges(&self) -> bool {
        self.merged != 0
    }

    /// A writing credit is merged into the director's card.
    pub fn written(&self) -> bool {
        self.written
    }

    /// The "Produced by" credit is merged into the director's card.
    pub fn produced(&self) -> bool {
        self.produced
    }

    /// Whether a credit of `role` is on the hyphenate card: the director's
    /// own or one merged into it.
    #[inline]
    pub fn on_hyphenate(&self, role: Role) -> bool {
        self.merges() && (role.credit().directs() || self.merges_role(role))
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

/// Number of principal credits.
const PRINCIPALS: usize = Principal::Photography as usize + 1;

/// Each role's principal credit and its group there (its place among the
/// credit's roles, in vocabulary order), by role code: worked out at
/// compile time, so that placing a sequence's blocks costs one pass over
/// the roles (`benches/icount.py` guards the ordering).
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)] // compile time: a bad index fails the build
const PRINCIPAL_GROUPS: [(Option<Principal>, u8); ROLE_CODES] = {
    let mut groups = [(None, 0u8); ROLE_CODES];
    let mut counts = [0u8; PRINCIPALS];
    let mut i = 0;
    while i < ROLES.len() {
        if let Some(principal) = ROLES[i].principal {
            groups[i] = (Some(principal), counts[principal as usize]);
            counts[principal as usize] += 1;
        }
        i += 1;
    }
    groups
};

/// Number of [`CastCredit`] kinds.
const CAST_CREDIT_KINDS: usize = CastCredit::ALL.len();

/// Where entries sit among a list of blocks, worked out once per call so
/// that each entry costs a few table lookups (the first block that lists a
/// role takes it).
pub struct Slots {
    /// `(block, group, rank)` of each role's own credit, merges included.
    by_role: [Option<(u8, u8, u8)>; ROLE_CODES],
    possessory: Option<u8>,
    above_title: Option<u8>,
    /// The cast block, with the group of each special cast credit in it.
    cast: Option<u8>,
    special_group: [Option<u8>; CAST_CREDIT_KINDS],
    cast_limit: u16,
}

impl Slots {
    /// The slots of `blocks`, with `cast_limit` billed cast in the cast
    /// block (nothing merged: see [`Slots::merge`]).
    pub fn new(blocks: &[Block], cast_limit: u16) -> Slots {
        let mut slots = Slots {
            by_role: [None; ROLE_CODES],
            possessory: None,
            above_title: None,
            cast: None,
            special_group: [None; CAST_CREDIT_KINDS],
            cast_limit,
        };
        // The first block of each principal credit.
        let mut principal_blocks = [None; PRINCIPALS];
        for (number, block) in blocks.iter().enumerate() {
            let Ok(number) = u8::try_from(number) else {
                break;
            };
            let first = |slot: &mut Option<u8>| *slot = slot.or(Some(number));
            match *block {
                Block::Principal(principal) => {
                    if let Some(slot) = principal_blocks.get_mut(principal as usize) {
                        first(slot);
                    }
                }
                Block::Possessory => first(&mut slots.possessory),
                Block::AboveTitleCast => first(&mut slots.above_title),
                Block::Cast => first(&mut slots.cast),
                Block::Title => {}
            }
        }
        // Each role of a principal credit in its block, a group each, in
        // vocabulary order.
        for (slot, &(principal, group)) in slots.by_role.iter_mut().zip(PRINCIPAL_GROUPS.iter()) {
            let block = principal.and_then(|p| principal_blocks.get(p as usize).copied().flatten());
            *slot = block.map(|block| (block, group, 0));
        }
        // Special cast credits close the cast block, one group each.
        for (group, &credit) in SPECIAL_CAST_ORDER.iter().enumerate() {
            if let Some(slot) = slots.special_group.get_mut(credit as usize) {
                *slot = u8::try_from(group).ok().and_then(|g| g.checked_add(1));
            }
        }
        slots
    }

    /// Put the credits `plan` merges in the director's slot (in place: a
    /// `Slots` is half a kilobyte of stack on a microcontroller).
    pub fn merge(&mut self, plan: &Plan) {
        let director = self.by_role.get(DIRECTOR as usize).copied().flatten();
        for (bit, &role) in MERGING.iter().enumerate() {
            if plan.merged & (1 << bit) != 0
                && let Some(slot) = self.by_role.get_mut(role as usize)
            {
                *slot = director.map(|(block, group, _)| (block, group, merged_rank(role)));
            }
        }
    }

    /// Whether an entry takes any slot here.
    #[inline]
    pub fn holds(&self, entry: &Entry<'_>) -> bool {
        self.of(entry).iter().any(Option::is_some)
    }

    /// The slots `(block, group, rank)` an entry takes: at most two, as a
    /// possessory director also has the "Directed by" card.
    #[inline]
    pub fn of(&self, entry: &Entry<'_>) -> [Option<(u8, u8, u8)>; 2] {
        let own = self.by_role.get(entry.role as usize).copied().flatten();
        let credit = entry.role.credit();
        let extra = if credit.directs() && entry.has(Flag::Possessory) {
            self.possessory.map(|b| (b, 0, 0))
        } else if credit.acts() && entry.has(Flag::AboveTitle) {
            self.above_title.map(|b| (b, 0, 0))
        } else if credit.acts() {
            self.cast.and_then(|b| {
                match self
                    .special_group
                    .get(entry.cast_credit as usize)
                    .copied()
                    .flatten()
                {
                    Some(group) => Some((b, group, 0)),
                    None => entry.billing.filter(|&n| n <= self.cast_limit).map(|_| (b, 0, 0)),
                }
            })
        } else {
            None
        };
        [own, extra]
    }
}

/// The position that orders a writing team: its first member's.
pub fn team_lead<const N: usize>(
    table: &Table<'_, N>,
    plan: &Plan,
    entry: &Entry<'_>,
    index: usize,
) -> (Option<u16>, usize) {
    let own = (entry.billing, index);
    let Some(team) = entry.team else {
        return own;
    };
    let members = table.entries().get(plan.teams.clone()).unwrap_or_default();
    plan.teams
        .clone()
        .zip(members)
        .filter(|(_, e)| e.team == Some(team) && e.role == entry.role && e.is_credited())
        .map(|(i, e)| (e.billing, i))
        .min_by_key(|&(billing, i)| (billing_order(billing), i))
        .unwrap_or(own)
}

/// Credits whose key waits for the whole table: a writing team's (its
/// place is its first member's) and the credits that may merge into the
/// director's card.
#[inline]
pub fn waits_for_plan(entry: &Entry<'_>) -> bool {
    entry.team.is_some() || entry.role.credit().merges().is_some()
}

/// The crawl item of an entry: its department's slot, at its role's rank.
#[inline]
pub fn crawl_item(entry: &Entry<'_>, primary: (Option<u16>, usize), index: usize) -> Item {
    let department = entry.department.crawl_position();
    let rank = entry.role.info().map_or(CUSTOM_RANK, |info| info.rank);
    Item::of_entry(entry, (CRAWL, department, rank), primary, index)
}

/// Turns entries into items of one sequence: the slots of its principal
/// blocks and, for the end credits, of what the film showed before the
/// crawl.
pub struct Keyer {
    sequence: Sequence,
    /// The sequence's principal blocks (`None` when it has none).
    head: Option<Slots>,
    /// The blocks shown before the end credits' crawl.
    shown: Slots,
}

impl Keyer {
    /// The keyer of `sequence`, nothing merged yet (see [`Keyer::merge`]).
    pub fn new<const N: usize>(table: &Table<'_, N>, sequence: Sequence, rules: &SequenceRules) -> Keyer {
        let head = blocks(table, sequence, rules);
        let head = (!head.is_empty()).then(|| Slots::new(head, cast_limit(table, sequence)));
        // The end credits' crawl skips what a principal card of the film showed.
        let shown_before = match table.options.end_credits {
            EndCredits::EndOnly => rules.end_head,
            EndCredits::AfterMainTitles => rules.main_titles,
        };
        Keyer {
            sequence,
            head,
            shown: Slots::new(shown_before, table.options.main_title_cast),
        }
    }

    /// Put the credits `plan` merges in the director's slot.
    pub fn merge(&mut self, plan: &Plan) {
        if let Some(head) = &mut self.head {
            head.merge(plan);
        }
        self.shown.merge(plan);
    }

    /// Whether an entry of `role` with no billing, team or deal flag has
    /// no slot in the principal blocks: the same for every such entry, so
    /// worked out once per role (see `collect`'s lanes).
    pub fn skips_role(&self, role: Role) -> bool {
        let slotted = |slots: &Slots| slots.by_role.get(role as usize).copied().flatten().is_some();
        // The cast and the director also have slots their flags decide.
        let credit = role.credit();
        !credit.acts() && !credit.directs() && !self.head.as_ref().is_some_and(slotted)
    }

    /// Whether such an entry (see [`Keyer::skips_role`]) is on the crawl.
    pub fn crawls_role(&self, role: Role) -> bool {
        self.sequence == Sequence::EndCredits
            && self.shown.by_role.get(role as usize).copied().flatten().is_none()
    }

    /// [`Keyer::push`] out of line, for the rows that go through every
    /// rule (principal roles, teams, deal flags) and the rows keyed after
    /// the pass: one copy of the inlined body serves them all.
    #[inline(never)]
    pub fn push_outlined<const M: usize>(
        &self,
        entry: &Entry<'_>,
        index: usize,
        primary: (Option<u16>, usize),
        items: &mut heapless::Vec<Item, M>,
    ) -> Result<(), Error> {
        self.push(entry, index, primary, items)
    }

    /// Push the items of one credited entry, ordered as if at `primary`.
    /// With `large-tables`, inlined where every plain row of a large table
    /// (cast included) calls it, because the call costs as much as the body
    /// for such a row (`benches/icount.py` guards the main titles); without
    /// it, one copy, for the firmware's flash budget.
    #[cfg_attr(feature = "large-tables", inline(always))]
    #[cfg_attr(not(feature = "large-tables"), inline(never))]
    pub fn push<const M: usize>(
        &self,
        entry: &Entry<'_>,
        index: usize,
        primary: (Option<u16>, usize),
        items: &mut heapless::Vec<Item, M>,
    ) -> Result<(), Error> {
        let mut push = |item| items.push(item).map_err(|_| capacity(Buffer::Credits, M));
        if let Some(head) = &self.head {
            let [first, second] = head.of(entry);
            if let Some(slot) = first {
                push(Item::of_entry(entry, slot, primary, index))?;
            }
            if let Some(slot) = second {
                push(Item::of_entry(entry, slot, primary, index))?;
            }
        }
        // Cast are on the full cast list even when billed up front.
        if self.sequence == Sequence::EndCredits && (entry.role.credit().acts() || !self.shown.holds(entry)) {
            push(crawl_item(entry, primary, index))?;
        }
        Ok(())
    }
}

/// The title card's item, when `sequence` shows one.
pub fn title_item<const N: usize>(
    table: &Table<'_, N>,
    sequence: Sequence,
    rules: &SequenceRules,
) -> Option<Item> {
    let head = blocks(table, sequence, rules);
    let block = head.iter().position(|b| *b == Block::Title)?;
    let block = u8::try_from(block).unwrap_or(CRAWL);
    Some(Item::title(block))
}

/// Whether an item is on the end credits' full cast list: its slot is
/// `(CRAWL, cast department, rank 0)`.
#[inline]
pub fn in_cast_list(item: &Item) -> bool {
    item.slot() == (CRAWL, Department::Cast.crawl_position(), 0)
}

/// Re-sort the full cast list (already in billing order) by `options.cast_order`.
pub fn sort_cast_list<const N: usize, const M: usize>(table: &Table<'_, N>, out: &mut Credits<M>) {
    // In billing order already: nothing to find.
    if table.options.cast_order == CastOrder::Billing {
        return;
    }
    let Some(start) = out.items.iter().position(in_cast_list) else {
        return;
    };
    let len = out
        .items
        .iter()
        .skip(start)
        .take_while(|i| in_cast_list(i))
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
                let key = |item: &Item| {
                    let e = entry(item);
                    (
                        billing_order(e.and_then(|e| e.appearance)),
                        billing_order(e.and_then(|e| e.billing)),
                        item.own_position(),
                    )
                };
                heapsort(rest, &|a, b| key(a) < key(b));
            }
        }
        CastOrder::Alphabetical => {
            // By surname (last word), then the whole name, byte-wise on the
            // decoded UTF-8, then table order. Words are split at ASCII
            // whitespace only: a no-break space keeps a compound surname
            // ("van\u{a0}Dyke") together, as it does on screen.
            let name = |item: &Item| entry(item).map_or("", |e| e.name.trim_ascii());
            let surname = |item: &Item| name(item).split_ascii_whitespace().next_back().unwrap_or("");
            let key = |item: &Item| (surname(item), name(item), item.entry());
            heapsort(list, &|a, b| key(a) < key(b));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_survey_reads_every_merging_role() {
        assert_eq!(MERGING, [Role::WrittenBy, Role::ScreenplayBy, Role::Producer]);
        assert!(MERGING.iter().all(|&role| is_surveyed(role)));
        assert!(is_surveyed(Role::Director));
        assert!(!is_surveyed(Role::Editor));
    }
}
