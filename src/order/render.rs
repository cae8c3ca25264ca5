//! Cards as they read on screen, written into any `core::fmt::Write`
//! without allocating: headings in singular or plural, p.g.a. suffixes,
//! writing teams joined with " & " and separate writers with " and ",
//! "Character .... Name" lines in the cast list.

use core::fmt::{self, Display};

use super::cards::own_heading;
use super::{Card, CardKind, Credits};
use crate::table::{CastCredit, Entry, Flag, Table};
use crate::vocabulary::Role;

/// Where a heading template takes the names ("a … production").
pub(crate) const NAMES_MARK: char = '…';

/// The p.g.a. certification mark (Producers Guild of America).
pub(crate) const PGA_MARK: &str = "p.g.a.";

impl<const M: usize> Credits<M> {
    /// The card's heading: a role title in singular or plural, a special
    /// heading ("Written and Directed by"), or `""` for cards without one.
    /// A heading that contains `…` is a template for the names.
    pub fn heading<'a, const N: usize>(&self, card: &Card, table: &Table<'a, N>) -> &'a str {
        match card.kind {
            CardKind::Title | CardKind::Cast | CardKind::ProductionManagement => "",
            CardKind::Possessory => "A Film by",
            CardKind::CastList => "Cast",
            CardKind::CastCredit(credit) => match credit {
                CastCredit::Featuring => "Featuring",
                CastCredit::Introducing => "Introducing",
                CastCredit::With => "With",
                CastCredit::SpecialAppearance => "With Special Appearance by",
                CastCredit::And => "And",
                CastCredit::AndAs => "and … as",
                CastCredit::Star | CastCredit::Voice => "",
            },
            CardKind::Hyphenate { written, produced } => match (written, produced) {
                (true, true) => "Written, Produced and Directed by",
                (true, false) => "Written and Directed by",
                _ => "Produced and Directed by",
            },
            CardKind::Role(role) => {
                let first = self.entries_of(card, table).next().map(|(_, e)| *e);
                match (first.and_then(|e| e.title), role.info()) {
                    (Some(title), _) => title,
                    (None, Some(info)) if card.len() > 1 => info.plural(),
                    (None, Some(info)) => info.singular(),
                    (None, None) => "",
                }
            }
        }
    }

    /// The entries whose names the card shows: a hyphenate card shows the
    /// director once, every other card each of its entries.
    pub fn shown<'t, 'a, const N: usize>(
        &'t self,
        card: &Card,
        table: &'t Table<'a, N>,
    ) -> impl Iterator<Item = (usize, &'t Entry<'a>)> + 't {
        let take = match card.kind {
            CardKind::Hyphenate { .. } => 1,
            _ => card.len(),
        };
        self.entries_of(card, table).take(take)
    }

    /// The roles on a card, each once, in order of appearance (`title` for
    /// the title card).
    pub fn roles<'t, const N: usize>(
        &'t self,
        card: &'t Card,
        table: &'t Table<'_, N>,
    ) -> impl Iterator<Item = &'static str> + 't {
        let title = (card.kind == CardKind::Title).then_some("title");
        let distinct = move || {
            self.entries_of(card, table)
                .enumerate()
                .filter_map(move |(position, (_, entry))| {
                    // Keep a role only at its first appearance on the card.
                    let earlier = self.entries_of(card, table).take(position);
                    let repeated = earlier.map(|(_, e)| e.role).any(|r| r == entry.role);
                    (!repeated).then_some(entry.role)
                })
        };
        // A hyphenate card lists the merged credits before the director.
        let hyphenate = matches!(card.kind, CardKind::Hyphenate { .. });
        let merged = distinct().filter(move |&r| !hyphenate || !r.credit().directs());
        let director = distinct().filter(move |&r| hyphenate && r.credit().directs());
        title.into_iter().chain(merged.chain(director).map(Role::id))
    }

    /// The card as it reads on screen.
    pub fn card_text<'c, 'a, const N: usize>(
        &'c self,
        card: &'c Card,
        table: &'c Table<'a, N>,
    ) -> CardText<'c, 'a, N, M> {
        CardText {
            credits: self,
            card,
            table,
        }
    }

    /// The whole sequence as it reads on screen, one card per line.
    pub fn text<'c, 'a, const N: usize>(&'c self, table: &'c Table<'a, N>) -> SequenceText<'c, 'a, N, M> {
        SequenceText { credits: self, table }
    }
}

/// The p.g.a. mark after a producer who has it.
pub(crate) fn suffix(entry: &Entry<'_>) -> &'static str {
    if entry.role.credit().pga() && entry.has(Flag::Pga) {
        PGA_MARK
    } else {
        ""
    }
}

/// One card as it reads on screen ([`Credits::card_text`]).
pub struct CardText<'c, 'a, const N: usize, const M: usize> {
    credits: &'c Credits<M>,
    card: &'c Card,
    table: &'c Table<'a, N>,
}

impl<const N: usize, const M: usize> Display for CardText<'_, '_, N, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (credits, card, table) = (self.credits, self.card, self.table);
        match card.kind {
            CardKind::Title => f.write_str(table.title),
            CardKind::ProductionManagement => {
                for (n, (_, entry)) in credits.shown(card, table).enumerate() {
                    let separator = if n > 0 { "\n" } else { "" };
                    write!(f, "{separator}{} {}", own_heading(entry), entry.name)?;
                }
                Ok(())
            }
            CardKind::CastList => {
                f.write_str("Cast")?;
                for (_, entry) in credits.shown(card, table) {
                    let voice = if entry.cast_credit == CastCredit::Voice {
                        " (voice)"
                    } else {
                        ""
                    };
                    // A cast member without a character reads as the name alone.
                    match entry.character {
                        Some(character) => write!(f, "\n{character}{voice} .... {}", entry.name)?,
                        None => write!(f, "\n{}{voice}", entry.name)?,
                    }
                }
                Ok(())
            }
            CardKind::CastCredit(CastCredit::AndAs) => {
                let (name, character) = credits
                    .shown(card, table)
                    .next()
                    .map_or(("", None), |(_, e)| (e.name, e.character));
                match character {
                    Some(character) => write!(f, "and {name} as {character}"),
                    None => write!(f, "and {name}"),
                }
            }
            _ => {
                let heading = credits.heading(card, table);
                let names = Names { credits, card, table };
                match heading.split_once(NAMES_MARK) {
                    Some((before, after)) => write!(f, "{before}{names}{after}"),
                    None if heading.is_empty() => write!(f, "{names}"),
                    None => write!(f, "{heading} {names}"),
                }
            }
        }
    }
}

/// The names of a card with their joiners and suffixes.
struct Names<'c, 'a, const N: usize, const M: usize> {
    credits: &'c Credits<M>,
    card: &'c Card,
    table: &'c Table<'a, N>,
}

impl<const N: usize, const M: usize> Display for Names<'_, '_, N, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = || self.credits.shown(self.card, self.table);
        let count = shown().count();
        let mut previous: Option<&Entry<'_>> = None;
        for (n, (_, entry)) in shown().enumerate() {
            if let Some(before) = previous {
                f.write_str(joiner(before, entry, n.saturating_add(1) == count))?;
            }
            f.write_str(entry.name)?;
            let mark = suffix(entry);
            if !mark.is_empty() {
                write!(f, ", {mark}")?;
            }
            previous = Some(entry);
        }
        Ok(())
    }
}

/// WGA joiners: " & " inside a writing team, " and " between separate
/// writers or teams; other cards list names with ", " and a final " and ".
fn joiner(before: &Entry<'_>, entry: &Entry<'_>, last: bool) -> &'static str {
    let same_team = before.team.is_some() && before.team == entry.team;
    if same_team {
        " & "
    } else if last || entry.role.credit().writes() {
        " and "
    } else {
        ", "
    }
}

/// A whole sequence as it reads on screen ([`Credits::text`]).
pub struct SequenceText<'c, 'a, const N: usize, const M: usize> {
    credits: &'c Credits<M>,
    table: &'c Table<'a, N>,
}

impl<const N: usize, const M: usize> Display for SequenceText<'_, '_, N, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for card in self.credits.cards() {
            writeln!(f, "{}", self.credits.card_text(card, self.table))?;
        }
        Ok(())
    }
}
