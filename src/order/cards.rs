//! Grouping ordered items into cards (SPEC §3.5).

use super::keys::{self, CRAWL, Plan};
use super::rules::{Block, SequenceRules};
use super::{Card, CardKind, Credits, Item, Sequence, capacity};
use crate::error::Error;
use crate::table::{CastCredit, Entry, Flag, Table};
use crate::vocabulary::{Department, Role};

/// Most names on a production-management card (SPEC §3.2).
pub const PRODUCTION_MANAGEMENT_NAMES: usize = 3;

/// How one item asks to be carded.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Placement<'a> {
    block: u8,
    kind: CardKind,
    heading: &'a str,
    /// Most names on the card, `None` for no limit.
    limit: Option<usize>,
    /// The item takes a card of its own.
    alone: bool,
}

/// The roles whose credit is one unit on screen: a writing credit or a
/// team is never split across cards.
#[inline]
pub(super) fn is_writing(role: Role) -> bool {
    matches!(
        role,
        Role::WrittenBy
            | Role::ScreenplayBy
            | Role::TeleplayBy
            | Role::StoryBy
            | Role::ScreenStoryBy
            | Role::BasedOn
            | Role::CharactersBy
            | Role::CreatedBy
            | Role::DevelopedBy
    )
}

/// The heading an entry's own credit reads under (before singular/plural).
#[inline]
pub fn own_heading<'a>(entry: &Entry<'a>) -> &'a str {
    entry
        .title
        .unwrap_or_else(|| entry.role.info().map_or("", |info| info.singular))
}

#[inline]
fn placement<'a, const N: usize>(
    table: &Table<'a, N>,
    sequence: Sequence,
    rules: &SequenceRules,
    plan: &Plan,
    item: &Item,
) -> Option<Placement<'a>> {
    let (block, _, _) = keys::unpack(item.key);
    let names_limit = match sequence {
        Sequence::BillingBlock => None,
        Sequence::MainTitles | Sequence::EndCredits => {
            Some(usize::from(table.options.max_names_per_card.max(1)))
        }
    };
    let Some(entry) = item.entry().and_then(|i| table.entry(i)) else {
        return Some(Placement {
            block,
            kind: CardKind::Title,
            heading: "",
            limit: Some(1),
            alone: true,
        });
    };
    let single = entry.has(Flag::SingleCard);
    let role_card = |limit| Placement {
        block,
        kind: CardKind::Role(entry.role),
        heading: own_heading(entry),
        limit: if is_writing(entry.role) { None } else { limit },
        alone: single,
    };
    if block == CRAWL {
        return Some(if keys::in_cast_list(item.key) {
            Placement {
                block,
                kind: CardKind::CastList,
                heading: "",
                limit: None,
                alone: false,
            }
        } else if entry.department == Department::ProductionManagement {
            // At most three names, and never more than any card may hold.
            let limit = Some(names_limit.map_or(PRODUCTION_MANAGEMENT_NAMES, |l| {
                l.min(PRODUCTION_MANAGEMENT_NAMES)
            }));
            Placement {
                block,
                kind: CardKind::ProductionManagement,
                heading: "",
                limit,
                alone: single,
            }
        } else {
            role_card(names_limit)
        });
    }
    let blocks = keys::blocks(table, sequence, rules);
    let kind = match blocks.get(usize::from(block))? {
        Block::Roles(roles) if plan.merges() && roles.contains(&Role::Director) => {
            if plan.on_hyphenate(entry.role) {
                CardKind::Hyphenate {
                    written: plan.written(),
                    produced: plan.produced(),
                }
            } else {
                return Some(role_card(names_limit));
            }
        }
        Block::Roles(_) => return Some(role_card(names_limit)),
        Block::Possessory => CardKind::Possessory,
        Block::AboveTitleCast | Block::Cast => match entry.cast_credit {
            CastCredit::Star | CastCredit::Voice => CardKind::Cast,
            credit => CardKind::CastCredit(credit),
        },
        Block::Title => CardKind::Title,
    };
    let placement = |limit, alone| Placement {
        block,
        kind,
        heading: "",
        limit,
        alone,
    };
    Some(match kind {
        // A hyphenate credit is one card whatever its flags: the director
        // and the credits merged into the director's name.
        CardKind::Hyphenate { .. } => placement(None, false),
        // "and … as …" names one actor and one character: a card of its own.
        CardKind::CastCredit(CastCredit::AndAs) => placement(Some(1), true),
        _ => placement(names_limit, single),
    })
}

/// Whether two headings read the same; most share one vocabulary string,
/// so the pointers are compared first.
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
    let mut open: Option<(Placement<'_>, Card)> = None;
    for (position, item) in out.items.iter().enumerate() {
        let Some(here) = placement(table, sequence, rules, plan, item) else {
            continue;
        };
        if let Some((previous, card)) = open.as_mut() {
            let room = here.limit.is_none_or(|limit| card.len() < limit);
            let joins = previous.block == here.block
                && previous.kind == here.kind
                && same_text(previous.heading, here.heading)
                && !previous.alone
                && !here.alone
                && room;
            if joins {
                card.len = card.len.saturating_add(1);
                continue;
            }
            out.cards.push(*card).map_err(|_| capacity("cards", M))?;
        }
        let card = Card {
            kind: here.kind,
            start: position as u32,
            len: 1,
        };
        open = Some((here, card));
    }
    if let Some((_, card)) = open {
        out.cards.push(card).map_err(|_| capacity("cards", M))?;
    }
    Ok(())
}
