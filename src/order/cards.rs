//! Grouping ordered items into cards (SPEC §3.5).

use super::item::PlainRun;
use super::keys::{self, CRAWL, Plan};
use super::rules::{Block, SequenceRules};
use super::{Card, CardKind, Credits, Item, Sequence, capacity};
use crate::error::{Buffer, Error};
use crate::table::{CastCredit, Entry, Flag, Table};
use crate::vocabulary::{Department, Principal};

/// Most names on a production-management card (SPEC §3.2).
pub const PRODUCTION_MANAGEMENT_NAMES: u32 = 3;

/// How one item asks to be carded.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Placement<'a> {
    block: u8,
    /// The item takes a card of its own.
    alone: bool,
    kind: CardKind,
    /// Most names on the card, [`NO_LIMIT`] for no limit.
    limit: u32,
    heading: &'a str,
}

/// A card without a names limit.
const NO_LIMIT: u32 = u32::MAX;

/// What placing an item needs beyond the item: worked out once per call.
struct Context<'t> {
    /// The sequence's principal blocks.
    blocks: &'t [Block],
    plan: &'t Plan,
    /// Most names on a card of the sequence.
    names_limit: u32,
}

/// The heading an entry's own credit reads under (before singular/plural).
#[inline]
pub fn own_heading<'a>(entry: &Entry<'a>) -> &'a str {
    entry
        .title
        .unwrap_or_else(|| entry.role.info().map_or("", |info| info.singular()))
}

impl<'t> Context<'t> {
    fn new<const N: usize>(
        table: &Table<'_, N>,
        sequence: Sequence,
        rules: &'t SequenceRules,
        plan: &'t Plan,
    ) -> Self {
        let names_limit = match sequence {
            Sequence::BillingBlock => NO_LIMIT,
            Sequence::MainTitles | Sequence::EndCredits => u32::from(table.options.max_names_per_card.max(1)),
        };
        Context {
            blocks: keys::blocks(table, sequence, rules),
            plan,
            names_limit,
        }
    }

    /// Where `item` (of `entry`, `None` for the title card) goes; `None`
    /// for a key past the sequence's blocks.
    #[inline]
    fn placement<'a>(&self, item: &Item, entry: Option<&Entry<'a>>) -> Option<Placement<'a>> {
        let (block, _, _) = item.slot();
        let Some(entry) = entry else {
            return Some(Placement {
                block,
                alone: true,
                kind: CardKind::Title,
                limit: 1,
                heading: "",
            });
        };
        let single = entry.has(Flag::SingleCard);
        let role_card = |limit| Placement {
            block,
            alone: single,
            kind: CardKind::Role(entry.role),
            // A writing credit or a team is one unit on screen: never split
            // across cards.
            limit: if entry.role.credit().writes() {
                NO_LIMIT
            } else {
                limit
            },
            heading: own_heading(entry),
        };
        if block == CRAWL {
            let (kind, limit) = if keys::in_cast_list(item) {
                (CardKind::CastList, NO_LIMIT)
            } else if entry.department == Department::ProductionManagement {
                // At most three names, and never more than any card may hold.
                (
                    CardKind::ProductionManagement,
                    self.names_limit.min(PRODUCTION_MANAGEMENT_NAMES),
                )
            } else {
                return Some(role_card(self.names_limit));
            };
            return Some(Placement {
                block,
                alone: single && kind != CardKind::CastList,
                kind,
                limit,
                heading: "",
            });
        }
        let plan = self.plan;
        let kind = match self.blocks.get(usize::from(block))? {
            Block::Principal(Principal::Director) if plan.merges() => {
                if plan.on_hyphenate(entry.role) {
                    CardKind::Hyphenate {
                        written: plan.written(),
                        produced: plan.produced(),
                    }
                } else {
                    return Some(role_card(self.names_limit));
                }
            }
            Block::Principal(_) => return Some(role_card(self.names_limit)),
            Block::Possessory => CardKind::Possessory,
            Block::AboveTitleCast | Block::Cast => match entry.cast_credit {
                CastCredit::Star | CastCredit::Voice => CardKind::Cast,
                credit => CardKind::CastCredit(credit),
            },
            Block::Title => CardKind::Title,
        };
        let (limit, alone) = match kind {
            // A hyphenate credit is one card whatever its flags: the director
            // and the credits merged into the director's name.
            CardKind::Hyphenate { .. } => (NO_LIMIT, false),
            // "and … as …" names one actor and one character: a card of its own.
            CardKind::CastCredit(CastCredit::AndAs) => (1, true),
            _ => (self.names_limit, single),
        };
        Some(Placement {
            block,
            alone,
            kind,
            limit,
            heading: "",
        })
    }
}

/// Whether two headings read the same. Most are one string of the
/// vocabulary, so the pointers are compared first, which spares a string
/// compare per card of the end credits (`benches/icount.py` guards them).
fn same_text(a: &str, b: &str) -> bool {
    core::ptr::eq(a, b) || a == b
}

/// Group the ordered items of `out` into cards.
pub fn group<const N: usize, const M: usize>(
    table: &Table<'_, N>,
    sequence: Sequence,
    rules: &SequenceRules,
    plan: &Plan,
    out: &mut Credits<M>,
) -> Result<(), Error> {
    let context = Context::new(table, sequence, rules, plan);
    let mut open: Option<(Placement<'_>, Card, Option<PlainRun>)> = None;
    for (position, item) in out.items.iter().enumerate() {
        // Most of the crawl: the next name of a run of one role, told from
        // the item alone (the entry stays unread).
        if let Some((previous, card, Some(plain))) = open.as_mut()
            && item.plain_run() == Some(*plain)
            && card.len < previous.limit
        {
            card.len = card.len.saturating_add(1);
            continue;
        }
        let entry = item.entry().and_then(|i| table.entry(i));
        let Some(here) = context.placement(item, entry) else {
            continue;
        };
        if let Some((previous, card, _)) = open.as_mut() {
            let joins = previous.block == here.block
                && previous.kind == here.kind
                && !previous.alone
                && !here.alone
                && card.len < here.limit
                && same_text(previous.heading, here.heading);
            if joins {
                card.len = card.len.saturating_add(1);
                continue;
            }
            out.cards.push(*card).map_err(|_| capacity(Buffer::Credits, M))?;
        }
        let card = Card {
            kind: here.kind,
            start: position as u32,
            len: 1,
        };
        let plain = item.plain_run().filter(|_| !here.alone);
        open = Some((here, card, plain));
    }
    if let Some((_, card, _)) = open {
        out.cards.push(card).map_err(|_| capacity(Buffer::Credits, M))?;
    }
    Ok(())
}
