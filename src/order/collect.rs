//! The one pass over the table: the survey, the warnings and the items of
//! a sequence, read together so that each entry is loaded once.
//!
//! Most rows of a large table are crew with a role and a name, or billed
//! cast. What the rules read of such a row (a slot, a crawl item, its
//! billing) depends on its role, so that is worked out once per role
//! ([`Lanes`]): a crew row costs a lookup, a cast row a billing check and
//! its slots, and only the principal roles go through every rule. Where
//! crew rows have nothing to do (no crawl: the main titles and the
//! billing block), a large table is read a chunk at a time, and only the
//! rows that are not crew are read at all. Items whose key depends on the
//! whole table (a writing team's place, a credit merged into the
//! director's card) are pushed after the pass, from the rows between the
//! first and the last of them; items are sorted afterwards, so their order
//! in the buffer does not matter.

use super::keys::{self, Keyer, Plan, Survey};
use super::warnings::{self, Checks};
use super::{Credits, Item, Sequence, SequenceRules};
use crate::error::{Buffer, Error};
use crate::table::{Entry, Flag, Table};
use crate::vocabulary::{ROLES, Role};

/// Number of role codes, `Custom` included.
const ROLE_CODES: usize = Role::Custom as usize + 1;

/// A role whose rules read nothing but billing: no survey note, no
/// warning but a duplicate billing.
const PLAIN: u8 = 1;
/// A plain role with no slot in the sequence's principal blocks.
const UNSLOTTED: u8 = 2;
/// An unslotted role that goes on the end credits' crawl.
const CRAWLS: u8 = 4;

/// Tables from this many rows are read by lanes; smaller ones, and every
/// table without the `large-tables` feature, take the full rules for every
/// row (the same items and warnings: see the tests
/// `uncredited_padding_changes_nothing` and
/// `lanes_change_nothing_in_large_tables`).
const LANES_FROM: usize = 64;

/// Rows per chunk of [`Lanes::rows_with_rules`]: an offset in a chunk
/// fits a byte.
const CHUNK: usize = 256;

/// The lane of each role for one sequence, as bits (0: the full rules).
struct Lanes([u8; ROLE_CODES]);

impl Lanes {
    fn new(keyer: &Keyer) -> Lanes {
        let mut lanes = [0u8; ROLE_CODES];
        let roles = ROLES.iter().map(|info| info.role).chain([Role::Custom]);
        for role in roles {
            if let Some(lane) = lanes.get_mut(role as usize)
                && !warnings::notes_role(role)
            {
                *lane = PLAIN;
                if keyer.skips_role(role) {
                    *lane |= UNSLOTTED | if keyer.crawls_role(role) { CRAWLS } else { 0 };
                }
            }
        }
        Lanes(lanes)
    }

    /// The lane of a row: its role's, or 0 when the row is on a team or
    /// carries a deal flag that a rule reads. Without a branch (`&` and
    /// `|`, not `&&` and `||`): see [`Lanes::rows_with_rules`].
    #[inline]
    fn of(&self, entry: &Entry<'_>) -> u8 {
        let flagged = entry.has(Flag::Pga) | entry.has(Flag::Possessory);
        let plain = entry.team.is_none() & !flagged;
        let lane = self.0.get(entry.role as usize).copied().unwrap_or(0);
        if plain { lane } else { 0 }
    }

    /// Whether a role of the sequence crawls (the end credits).
    fn any_crawls(&self) -> bool {
        self.0.iter().any(|&lane| lane & CRAWLS != 0)
    }

    /// The offsets of the rows of `rows` (at most [`CHUNK`]) that are not
    /// crew (plain rows without billing or a principal slot), for a
    /// sequence where crew rows have nothing to do.
    ///
    /// Without a branch on which row is which: crew and cast alternate at
    /// random in a large table, and a branch there mispredicts for two rows
    /// in five (a fifth of the main titles' time, which the `jobs` bench
    /// shows). Every row is written, only the others are kept.
    fn rows_with_rules(&self, rows: &[Entry<'_>]) -> ([u8; CHUNK], usize) {
        let mut others = [0u8; CHUNK];
        let mut kept = 0usize;
        for (offset, entry) in rows.iter().take(CHUNK).enumerate() {
            let lane = self.of(entry);
            let crew = (lane & (PLAIN | UNSLOTTED) == PLAIN | UNSLOTTED) & entry.billing.is_none();
            if let Some(slot) = others.get_mut(kept) {
                // Below `CHUNK`: a byte.
                *slot = offset as u8;
            }
            kept = kept.wrapping_add(usize::from(!crew));
        }
        (others, kept)
    }
}

/// What reading the rows by the rules builds up.
struct Reader<'a, 'b, 'k, const M: usize> {
    /// Borrowed, not owned: moving it (a kilobyte of slots) out of the
    /// reader after the pass would leave a second copy on the stack (the
    /// firmware's stack check guards it).
    keyer: &'k mut Keyer,
    survey: Survey<'a>,
    checks: Checks<'b, M>,
    /// The first and last row whose item waits for the plan.
    waiting: Option<(usize, usize)>,
}

impl<'a, const M: usize> Reader<'a, '_, '_, M> {
    /// Read one row of lane `lane`: its warnings, its survey notes and its
    /// items. Inlined into both loops of [`collect_from`].
    #[inline(always)]
    fn row(
        &mut self,
        index: usize,
        entry: &Entry<'a>,
        lane: u8,
        items: &mut heapless::Vec<Item, M>,
        warnings: &mut heapless::Vec<(u32, u8), M>,
    ) -> Result<(), Error> {
        if lane & PLAIN != 0 {
            let own = (entry.billing, index);
            if entry.billing.is_none() && lane & UNSLOTTED != 0 {
                // Crew: at most a crawl item.
                if lane & CRAWLS != 0 && entry.is_credited() {
                    items
                        .push(keys::crawl_item(entry, own, index))
                        .map_err(|_| super::capacity(Buffer::Credits, M))?;
                }
                return Ok(());
            }
            self.checks.see_billing(index, entry, warnings)?;
            if entry.is_credited() {
                self.keyer.push(entry, index, own, items)?;
            }
            return Ok(());
        }
        self.survey.see(index, entry);
        self.checks.see(index, entry, warnings)?;
        if keys::waits_for_plan(entry) {
            self.waiting = Some(self.waiting.map_or((index, index), |(first, _)| (first, index)));
        } else if entry.is_credited() {
            self.keyer
                .push_outlined(entry, index, (entry.billing, index), items)?;
        }
        Ok(())
    }
}

/// Read the table once: push the items of `sequence` (unsorted) and the
/// table's warnings into `out`, and return what the survey found.
pub fn collect<const N: usize, const M: usize>(
    table: &Table<'_, N>,
    sequence: Sequence,
    rules: &SequenceRules,
    out: &mut Credits<M>,
) -> Result<Plan, Error> {
    // The lanes halve the instructions of the main titles and billing block
    // of a large table (`benches/icount.py` guards them).
    let lanes_from = cfg!(feature = "large-tables").then_some(LANES_FROM);
    collect_from(table, sequence, rules, out, lanes_from)
}

/// [`collect`], reading by lanes when the table has at least `lanes_from`
/// rows.
fn collect_from<const N: usize, const M: usize>(
    table: &Table<'_, N>,
    sequence: Sequence,
    rules: &SequenceRules,
    out: &mut Credits<M>,
    lanes_from: Option<usize>,
) -> Result<Plan, Error> {
    // Before the survey nothing is merged; the roles that may merge wait.
    let mut keyer = Keyer::new(table, sequence, rules);
    let mut reader = Reader {
        keyer: &mut keyer,
        survey: Survey::default(),
        checks: Checks::new(&mut out.billings, table.billed()),
        waiting: None,
    };
    let (items, warnings) = (&mut out.items, &mut out.warnings);
    let rows = table.entries();
    // The lanes cost a pass over the vocabulary: worth it for large tables.
    let lanes = lanes_from
        .is_some_and(|from| rows.len() >= from)
        .then(|| Lanes::new(reader.keyer));
    match lanes {
        Some(lanes) if !lanes.any_crawls() => {
            for (first, chunk) in (0usize..).step_by(CHUNK).zip(rows.chunks(CHUNK)) {
                let (others, kept) = lanes.rows_with_rules(chunk);
                for &offset in others.iter().take(kept) {
                    let offset = usize::from(offset);
                    if let Some(entry) = chunk.get(offset) {
                        let index = first.saturating_add(offset);
                        reader.row(index, entry, lanes.of(entry), items, warnings)?;
                    }
                }
            }
        }
        lanes => {
            let lanes = lanes.unwrap_or(Lanes([0; ROLE_CODES]));
            for (index, entry) in rows.iter().enumerate() {
                reader.row(index, entry, lanes.of(entry), items, warnings)?;
            }
        }
    }
    let Reader { survey, waiting, .. } = reader;
    let plan = survey.finish(&table.options);
    warnings::settle(table, &plan, out);
    if let Some((first, last)) = waiting {
        // A credit merged into the director's card takes its slot.
        keyer.merge(&plan);
        let rows = table.entries().get(first..=last).unwrap_or_default();
        for (index, entry) in (first..).zip(rows) {
            if keys::waits_for_plan(entry) && entry.is_credited() {
                let primary = keys::team_lead(table, &plan, entry, index);
                keyer.push_outlined(entry, index, primary, &mut out.items)?;
            }
        }
    }
    if let Some(title) = keys::title_item(table, sequence, rules) {
        out.push_item(title)?;
    }
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::sort;
    use crate::table::{CastCredit, CastOrder, EndCredits};
    use crate::vocabulary::Department;

    /// A deterministic table of 700 rows (three chunks) with a little of
    /// everything the rules read: cast with repeated billings and special
    /// credits, billed crew, writing teams, deal flags, uncredited rows and
    /// custom titles.
    fn large_table() -> Table<'static, 700> {
        let mut table: Table<'static, 700> = Table::new("Large");
        let mut state = 11u32;
        // Bounded, so that a generator the table refused would fail the
        // test rather than spin.
        for _ in 0..2000 {
            if table.entries().len() == 700 {
                break;
            }
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            let pick = |shift: u32, n: usize| (state >> shift) as usize % n;
            let role = ROLES[pick(8, ROLES.len())].role;
            let mut entry = if state.is_multiple_of(3) {
                let credit = CastCredit::ALL[pick(4, 40).min(CastCredit::ALL.len() - 1)];
                Entry::new("Actor", Role::Cast)
                    .billing(pick(12, 300) as u16 + 1)
                    .cast_credit(credit)
            } else if state % 50 == 1 {
                Entry::custom(
                    "Crew",
                    "Intimacy Coordinator",
                    Department::ALL[pick(12, Department::ALL.len())],
                )
            } else {
                Entry::new("Crew", role)
            };
            if pick(20, 10) == 0 {
                entry = entry.billing(pick(4, 20) as u16 + 1);
            }
            if pick(16, 12) == 0 {
                entry = entry.team(pick(5, 3) as u16 + 1);
            }
            for (one_in, flag) in [
                (40, Flag::Pga),
                (40, Flag::Possessory),
                (15, Flag::Uncredited),
                (30, Flag::SingleCard),
                (25, Flag::AboveTitle),
            ] {
                // A draw of its own for each flag.
                state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                if (state >> 16).is_multiple_of(one_in) {
                    entry = entry.flag(flag);
                }
            }
            // Rows the table refuses are simply left out.
            let _ = table.push(entry);
        }
        assert_eq!(table.entries().len(), 700);
        table
    }

    /// The lanes (with only the rows that are not crew read, where crew
    /// have nothing to do) against the full rules for every row, on a
    /// table of several chunks: the same items, the same warnings.
    #[test]
    fn lanes_change_nothing_in_large_tables() {
        let mut table = large_table();
        for end_credits in [EndCredits::EndOnly, EndCredits::AfterMainTitles] {
            table.options.end_credits = end_credits;
            table.options.cast_order = CastOrder::Alphabetical;
            for sequence in [Sequence::MainTitles, Sequence::BillingBlock, Sequence::EndCredits] {
                let rules = SequenceRules::for_profile(table.profile);
                let read = |lanes_from| {
                    let mut out: Credits<1402> = Credits::new();
                    out.clear(sequence);
                    collect_from(&table, sequence, rules, &mut out, lanes_from).unwrap();
                    sort::sort(&mut out.items);
                    out
                };
                let (by_lanes, by_rules) = (read(Some(0)), read(None));
                assert!(by_rules.items.len() > 100, "{sequence:?}: a real test");
                assert_eq!(by_lanes.items, by_rules.items, "{sequence:?} {end_credits:?}");
                assert_eq!(
                    by_lanes.warnings, by_rules.warnings,
                    "{sequence:?} {end_credits:?}"
                );
            }
        }
    }
}
