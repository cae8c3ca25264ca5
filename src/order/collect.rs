//! The one pass over the table: the survey, the warnings and the items of
//! a sequence, read together so that each entry is loaded once.
//!
//! Most rows of a large table are crew with a role and a name, or billed
//! cast. What the rules read of such a row (a slot, a crawl item, its
//! billing) depends on its role, so that is worked out once per role
//! ([`Lanes`]): a crew row costs a lookup, a cast row a billing check and
//! its slots, and only the principal roles go through every rule. Items whose key depends on the whole table (a
//! writing team's place, a credit merged into the director's card) are
//! pushed after the pass, from the rows between the first and the last of
//! them; items are sorted afterwards, so their order in the buffer does
//! not matter.

use super::keys::{self, Keyer, Plan, Survey};
use super::warnings::{self, Checks};
use super::{Credits, Full, Sequence, SequenceRules};
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

/// Tables from this many rows read the rows by lanes; smaller ones take
/// the full rules for every row. A build that optimizes for size takes the
/// full rules always (the same items and warnings: see the test
/// `lanes_change_nothing`), and leaves the lanes out.
const LANES_FROM: usize = if cfg!(creditline_size) { usize::MAX } else { 64 };

/// The lane of each role for one sequence, as bits (0: the full rules).
struct Lanes([u8; ROLE_CODES]);

impl Lanes {
    fn new(keyer: &Keyer) -> Lanes {
        let mut lanes = [0u8; ROLE_CODES];
        let roles = ROLES.iter().map(|info| info.role).chain([Role::Custom]);
        for role in roles {
            if let Some(lane) = lanes.get_mut(role as usize)
                && !Checks::notes_role(role)
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
    /// carries a deal flag that a rule reads.
    #[inline]
    fn of(&self, entry: &Entry<'_>) -> u8 {
        let plain = entry.team.is_none() && !entry.has(Flag::Pga) && !entry.has(Flag::Possessory);
        let lane = self.0.get(entry.role as usize).copied().unwrap_or(0);
        if plain { lane } else { 0 }
    }
}

/// Read the table once: push the items of `sequence` (unsorted) and the
/// table's warnings into `out`, and return what the survey found.
pub fn collect<const N: usize, const M: usize>(
    table: &Table<'_, N>,
    sequence: Sequence,
    rules: &SequenceRules,
    out: &mut Credits<M>,
) -> Result<Plan, Full> {
    // Before the survey nothing is merged; the roles that may merge wait.
    let mut keyer = Keyer::new(table, sequence, rules);
    // The lanes cost a pass over the vocabulary: worth it for large tables.
    let lanes = if table.entries().len() >= LANES_FROM {
        Lanes::new(&keyer)
    } else {
        Lanes([0; ROLE_CODES])
    };
    let mut survey = Survey::default();
    let mut checks = Checks::new(&mut out.cards, table.billed());
    let mut waiting: Option<(usize, usize)> = None;
    for (index, entry) in table.entries().iter().enumerate() {
        let lane = lanes.of(entry);
        if lane & PLAIN != 0 {
            let own = (entry.billing, index);
            if entry.billing.is_none() && lane & UNSLOTTED != 0 {
                // Crew: at most a crawl item.
                if lane & CRAWLS != 0 && entry.is_credited() {
                    out.items
                        .push(keys::crawl_item(entry, own, index))
                        .map_err(|_| super::capacity("credits", M))?;
                }
                continue;
            }
            checks.see_billing(index, entry, &mut out.warnings)?;
            if entry.is_credited() {
                keyer.push(entry, index, own, &mut out.items)?;
            }
            continue;
        }
        survey.see(index, entry);
        checks.see(index, entry, &mut out.warnings)?;
        if keys::waits_for_plan(entry) {
            waiting = Some(waiting.map_or((index, index), |(first, _)| (first, index)));
        } else if entry.is_credited() {
            keyer.push_outlined(entry, index, (entry.billing, index), &mut out.items)?;
        }
    }
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
                keyer.push_outlined(entry, index, primary, &mut out.items)?;
            }
        }
    }
    if let Some(title) = keys::title_item(table, sequence, rules) {
        out.push_item(title)?;
    }
    Ok(plan)
}
