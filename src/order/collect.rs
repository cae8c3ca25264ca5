//! The one pass over the table: the survey, the warnings and the items of
//! a sequence, read together so that each entry is loaded once.
//!
//! Items whose key depends on the whole table (a writing team's place, a
//! credit merged into the director's card) are pushed after the pass, from
//! the rows between the first and the last of them; items are sorted
//! afterwards, so their order in the buffer does not matter.

use super::keys::{self, Keyer, Plan, Survey};
use super::warnings::{self, Checks};
use super::{Credits, Item, Sequence, SequenceRules};
use crate::error::Error;
use crate::table::{Entry, Table};

/// What reading the rows by the rules builds up.
struct Reader<'a, 'b, 'k> {
    /// Borrowed, not owned: moving it (a kilobyte of slots) out of the
    /// reader after the pass cost a second copy on the stack.
    keyer: &'k mut Keyer,
    survey: Survey<'a>,
    checks: Checks<'b>,
    /// The first and last row whose item waits for the plan.
    waiting: Option<(usize, usize)>,
}

impl<'a> Reader<'a, '_, '_> {
    /// Read one row: its warnings, its survey notes and its items.
    fn row<const M: usize>(
        &mut self,
        index: usize,
        entry: &Entry<'a>,
        items: &mut heapless::Vec<Item, M>,
        warnings: &mut heapless::Vec<(u32, u8), M>,
    ) -> Result<(), Error> {
        self.survey.see(index, entry);
        self.checks.see(index, entry, warnings)?;
        if keys::waits_for_plan(entry) {
            self.waiting = Some(self.waiting.map_or((index, index), |(first, _)| (first, index)));
        } else if entry.is_credited() {
            self.keyer.push(entry, index, (entry.billing, index), items)?;
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
    // Before the survey nothing is merged; the roles that may merge wait.
    let mut keyer = Keyer::new(table, sequence, rules);
    let mut reader = Reader {
        keyer: &mut keyer,
        survey: Survey::default(),
        checks: Checks::new(&mut out.cards, table.billed()),
        waiting: None,
    };
    let (items, warnings) = (&mut out.items, &mut out.warnings);
    for (index, entry) in table.entries().iter().enumerate() {
        reader.row(index, entry, items, warnings)?;
    }
    let Reader { survey, waiting, .. } = reader;
    // The hash set is done with the card buffer.
    out.cards.clear();
    let plan = survey.finish(&table.options);
    warnings::settle(table, &plan, out);
    if let Some((first, last)) = waiting {
        // A credit merged into the director's card takes its slot.
        keyer.merge(&plan);
        let rows = table.entries().get(first..=last).unwrap_or_default();
        for (index, entry) in (first..).zip(rows) {
            if keys::waits_for_plan(entry) && entry.is_credited() {
                let primary = keys::team_lead(table, &plan, entry, index);
                keyer.push(entry, index, primary, &mut out.items)?;
            }
        }
    }
    if let Some(title) = keys::title_item(table, sequence, rules) {
        out.push_item(title)?;
    }
    Ok(plan)
}
