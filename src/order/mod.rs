//! Credit ordering (SPEC §3): main titles, end credits and billing block,
//! grouped into cards.
//!
//! The order is computed in four steps, all inside the caller's
//! [`Credits`] buffer:
//!
//! 1. **one pass over the table** (`collect`): the survey (the
//!    hyphenate merge, the directors), the validation warnings (duplicate
//!    billings through a hash set of the buffer's own) and a sort key
//!    `(block, group, rank, billing, table index)` for every credit, from
//!    slot tables built once per call from [`rules`] and the vocabulary.
//!    In a large table (with the `large-tables` feature) a crew or cast row
//!    takes a lane worked out once per role; keys that need the whole table (a writing team's place, a
//!    credit merged into the director's card) are made after the pass;
//! 2. **sort**: one comparison sort, or with `large-tables` a stable
//!    counting pass over the crawl's `(department, rank)` slots, then each
//!    slot on its own (usually a check that it is in order already); the
//!    table index makes every item's order unique, so the order is total
//!    and the same on every platform ([`Item`] holds the layout);
//! 3. **cast list**: the end credits' full cast list is re-sorted by
//!    `options.cast_order`;
//! 4. **cards**: consecutive items that share a heading become a card,
//!    split by `single_card` and the names-per-card limits; the next name
//!    of a run of one role joins from what its item carries.
//!
//! This module knows nothing of money or JSON.

mod cards;
mod collect;
mod item;
mod keys;
mod render;
pub mod rules;
mod sort;
mod warnings;

pub use item::Item;
#[cfg(feature = "json")]
pub(crate) use render::suffix;
pub use render::{CardText, SequenceText};
pub use rules::{Block, SequenceRules};
use warnings::BillingSet;
pub use warnings::{Warning, WarningCode};

use crate::error::{Buffer, Error, ErrorKind, Location, narrow};
use crate::table::{CastCredit, Entry, Table};
use crate::vocabulary::Role;
use crate::wire::wire_enum;

wire_enum! {
    /// The three sequences of a film's credits.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    #[cfg_attr(feature = "defmt", derive(defmt::Format))]
    #[non_exhaustive]
    pub enum Sequence: IdKind::Sequence {
        /// Opening credits.
        MainTitles = "main_titles",
        /// End titles and crawl.
        EndCredits = "end_credits",
        /// The poster billing block.
        BillingBlock = "billing_block",
    }
}

/// What a card is, which decides its heading and how it reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum CardKind {
    /// The title card: the picture's title, no heading.
    Title,
    /// Names under one role's title (or the entries' own `title`).
    Role(Role),
    /// The possessory credit, "A Film by".
    Possessory,
    /// Billed cast, no heading.
    Cast,
    /// A special cast credit: featuring, with, and, and … as, introducing.
    CastCredit(CastCredit),
    /// The director's card with the writing and/or producing credit merged.
    Hyphenate {
        /// A writing credit is merged.
        written: bool,
        /// The "Produced by" credit is merged.
        produced: bool,
    },
    /// Unit production manager and assistant directors, each name with its
    /// own title, at most three names.
    ProductionManagement,
    /// The end credits' full cast list, "Character …. Name".
    CastList,
}

/// A card: a run of items in [`Credits::items`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Card {
    /// What the card is.
    pub kind: CardKind,
    start: u32,
    len: u32,
}

impl Card {
    /// Position of the card's first item in [`Credits::items`].
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Number of items on the card.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// Whether the card has no item (never true for a card of a sequence).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// A computed sequence: items in order, their cards, and the table's
/// validation warnings. Capacity `M` bounds items, cards and warned entries;
/// end credits can hold up to twice as many items as the table has entries
/// (cast on a principal card appear again in the cast list).
#[derive(Clone, Debug)]
pub struct Credits<const M: usize> {
    sequence: Sequence,
    items: heapless::Vec<Item, M>,
    cards: heapless::Vec<Card, M>,
    /// Warned entries with a bit per [`WarningCode`], by entry.
    warnings: heapless::Vec<(u32, u8), M>,
    /// The billings seen while ordering, to find duplicates.
    billings: BillingSet<M>,
    /// The table has no director (a warning about no entry).
    no_director: bool,
}

impl<const M: usize> Default for Credits<M> {
    fn default() -> Self {
        Credits::new()
    }
}

impl<const M: usize> Credits<M> {
    /// An empty buffer.
    pub const fn new() -> Self {
        Credits {
            sequence: Sequence::MainTitles,
            items: heapless::Vec::new(),
            cards: heapless::Vec::new(),
            warnings: heapless::Vec::new(),
            billings: BillingSet::new(),
            no_director: false,
        }
    }

    /// The sequence these credits are for.
    pub fn sequence(&self) -> Sequence {
        self.sequence
    }

    /// Every credit in order.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// The cards in order.
    pub fn cards(&self) -> &[Card] {
        &self.cards
    }

    /// The table's validation warnings (SPEC §3.6), by entry, then code;
    /// a warning about the table as a whole (no director) comes last. An
    /// entry takes one slot whatever its number of warnings, so a buffer
    /// that holds the table's entries always holds its warnings.
    pub fn warnings(&self) -> impl Iterator<Item = Warning> + '_ {
        let by_entry = self.warnings.iter().flat_map(|&(entry, mask)| {
            WarningCode::ALL
                .iter()
                .filter(move |&&code| mask & warnings::bit(code) != 0)
                .map(move |&code| Warning {
                    entry: Some(entry as usize),
                    code,
                })
        });
        let table = self.no_director.then_some(Warning {
            entry: None,
            code: WarningCode::NoDirector,
        });
        by_entry.chain(table)
    }

    /// The items of one card.
    pub fn items_of(&self, card: &Card) -> &[Item] {
        let end = card.start.saturating_add(card.len) as usize;
        self.items.get(card.start as usize..end).unwrap_or_default()
    }

    /// The entries of one card, in order, with their table indices.
    pub fn entries_of<'t, 'a, const N: usize>(
        &'t self,
        card: &Card,
        table: &'t Table<'a, N>,
    ) -> impl Iterator<Item = (usize, &'t Entry<'a>)> + 't {
        self.items_of(card)
            .iter()
            .filter_map(|item| item.entry())
            .filter_map(|i| table.entry(i).map(|e| (i, e)))
    }

    fn clear(&mut self, sequence: Sequence) {
        self.sequence = sequence;
        self.items.clear();
        self.cards.clear();
        self.warnings.clear();
        self.no_director = false;
    }

    fn push_item(&mut self, item: Item) -> Result<(), Error> {
        self.items.push(item).map_err(|_| capacity(Buffer::Credits, M))
    }
}

/// The error of a full buffer.
fn capacity(what: Buffer, capacity: usize) -> Error {
    Error::new(
        ErrorKind::CapacityExceeded {
            what,
            capacity: narrow(capacity),
        },
        Location::TABLE,
    )
}

/// Order `sequence` of `table` into `out`, with the rules of the table's
/// profile. On error `out` is left empty.
///
/// ```
/// use creditline::order::{order, Credits, Sequence};
/// use creditline::{Entry, Role, Table};
///
/// let mut table: Table<'_, 8> = Table::new("Heat");
/// table.push(Entry::new("Michael Mann", Role::Director)).unwrap();
/// table.push(Entry::new("Art Linson", Role::Producer)).unwrap();
/// let mut credits: Credits<16> = Credits::new();
/// order(&table, Sequence::MainTitles, &mut credits).unwrap();
/// let last = credits.cards().last().unwrap();
/// let director: Vec<_> = credits.entries_of(last, &table).map(|(_, e)| e.name).collect();
/// assert_eq!(director, ["Michael Mann"]);
/// ```
pub fn order<const N: usize, const M: usize>(
    table: &Table<'_, N>,
    sequence: Sequence,
    out: &mut Credits<M>,
) -> Result<(), Error> {
    order_with_rules(table, sequence, SequenceRules::for_profile(table.profile), out)
}

/// Like [`order`], with the caller's own [`SequenceRules`].
pub fn order_with_rules<const N: usize, const M: usize>(
    table: &Table<'_, N>,
    sequence: Sequence,
    rules: &SequenceRules,
    out: &mut Credits<M>,
) -> Result<(), Error> {
    out.clear(sequence);
    let result = build(table, sequence, rules, out);
    if result.is_err() {
        out.clear(sequence);
    }
    result
}

fn build<const N: usize, const M: usize>(
    table: &Table<'_, N>,
    sequence: Sequence,
    rules: &SequenceRules,
    out: &mut Credits<M>,
) -> Result<(), Error> {
    if table.entries().len() >= item::MAX_ENTRIES {
        return Err(capacity(Buffer::Entries, item::MAX_ENTRIES));
    }
    let plan = collect::collect(table, sequence, rules, out)?;
    sort::sort(&mut out.items);
    keys::sort_cast_list(table, out);
    cards::group(table, sequence, rules, &plan, out)
}
