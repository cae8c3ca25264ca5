//! Structured tables (any roles, flags, billing, teams, custom titles,
//! options): every credited entry appears once in the film's credits (save
//! SPEC §3.2's cast exception and the possessory credit), the director's
//! card is last in the main titles and billing block, card sizes respect
//! their limits, the result is identical when computed twice, and a small
//! table orders exactly like the same table padded with uncredited crew.
#![no_main]

use std::collections::HashMap;

use arbitrary::Arbitrary;
use creditline::order::{CardKind, Credits, Sequence, order};
use creditline::table::{CastCredit, CastOrder, EndCredits, Profile};
use creditline::vocabulary::ROLES;
use creditline::{Department, Entry, Flag, Role, Table};
use libfuzzer_sys::fuzz_target;

const N: usize = 96;
/// Tables are padded with uncredited crew to this many rows.
const PADDED: usize = 64;
const M: usize = 2 * N + 2;
const NAMES: [&str; 5] = ["Ana", "Bo", "Cy", "Dee", "Ana Ruiz"];
const TITLES: [&str; 2] = ["Wrangler", "Advisor"];

#[derive(Arbitrary, Debug)]
struct FuzzEntry {
    role: u8,
    name: u8,
    billing: Option<u16>,
    appearance: Option<u16>,
    team: Option<u16>,
    cast_credit: u8,
    flags: u16,
    department: u8,
    title: u8,
}

#[derive(Arbitrary, Debug)]
struct Input {
    entries: Vec<FuzzEntry>,
    main_title_cast: u16,
    billing_block_cast: u16,
    merge: bool,
    end_only: bool,
    cast_order: u8,
    top: u16,
    max_names: u16,
    profile: u8,
}

fn is_writing(role: Role) -> bool {
    use Role::*;
    matches!(
        role,
        WrittenBy
            | ScreenplayBy
            | TeleplayBy
            | StoryBy
            | ScreenStoryBy
            | BasedOn
            | CharactersBy
            | CreatedBy
            | DevelopedBy
    )
}

fn run(t: &Table<'static, N>, sequence: Sequence) -> Credits<M> {
    let mut c = Credits::new();
    order(t, sequence, &mut c).expect("orders");
    let mut again: Credits<M> = Credits::new();
    order(t, sequence, &mut again).expect("orders");
    assert_eq!(c.items(), again.items(), "not deterministic");
    assert_eq!(c.cards(), again.cards(), "not deterministic");
    c
}

fn counts(c: &Credits<M>) -> HashMap<usize, usize> {
    let mut counts = HashMap::new();
    for i in c.items().iter().filter_map(|i| i.entry()) {
        *counts.entry(i).or_default() += 1;
    }
    counts
}

fuzz_target!(|input: Input| {
    let mut t: Box<Table<'static, N>> = Box::new(Table::new("Title"));
    let o = &mut t.options;
    o.main_title_cast = input.main_title_cast % 12;
    o.billing_block_cast = input.billing_block_cast % 12;
    o.merge_hyphenates = input.merge;
    o.end_credits = if input.end_only {
        EndCredits::EndOnly
    } else {
        EndCredits::AfterMainTitles
    };
    o.cast_order = [CastOrder::Billing, CastOrder::Appearance, CastOrder::Alphabetical]
        [usize::from(input.cast_order % 3)];
    o.cast_order_top = input.top % 8;
    o.max_names_per_card = input.max_names % 8 + 1;
    t.profile = Profile::ALL[usize::from(input.profile) % Profile::ALL.len()];
    for f in input.entries.iter().take(N) {
        let name = NAMES[usize::from(f.name) % NAMES.len()];
        let mut e = match ROLES.get(usize::from(f.role) % (ROLES.len() + 1)) {
            Some(info) => Entry::new(name, info.role),
            None => Entry::custom(
                name,
                TITLES[usize::from(f.title) % 2],
                Department::ALL[usize::from(f.department) % Department::ALL.len()],
            ),
        };
        e.billing = f.billing.filter(|&b| b > 0);
        e.appearance = f.appearance.filter(|&b| b > 0);
        e.team = f.team.filter(|&b| b > 0).map(|b| b % 3 + 1);
        e.cast_credit = CastCredit::ALL[usize::from(f.cast_credit) % CastCredit::ALL.len()];
        for (bit, &flag) in Flag::ALL.iter().enumerate() {
            if f.flags & (1 << bit) != 0 {
                e = e.flag(flag);
            }
        }
        t.push(e).expect("valid entry");
    }
    let max_names = usize::from(t.options.max_names_per_card);
    let end = run(&t, Sequence::EndCredits);
    let mut film = counts(&end);
    let principal: Vec<usize> = if input.end_only {
        let head = end
            .cards()
            .iter()
            .find(|c| c.kind == CardKind::CastList)
            .map_or(end.items().len(), |c| c.start());
        end.items()[..head].iter().filter_map(|i| i.entry()).collect()
    } else {
        let main = run(&t, Sequence::MainTitles);
        for (i, n) in counts(&main) {
            *film.entry(i).or_default() += n;
        }
        main.items().iter().filter_map(|i| i.entry()).collect()
    };
    for (i, e) in t.entries().iter().enumerate() {
        let n = film.get(&i).copied().unwrap_or(0);
        let expected = if !e.is_credited() {
            0
        } else if e.role == Role::Cast {
            if principal.contains(&i) { 2 } else { 1 }
        } else if e.role == Role::Director && e.has(Flag::Possessory) {
            2
        } else {
            1
        };
        assert_eq!(n, expected, "entry {i} {e:?} shown {n} times");
    }
    for sequence in [Sequence::MainTitles, Sequence::BillingBlock, Sequence::EndCredits] {
        let c = run(&t, sequence);
        let mut next = 0;
        for card in c.cards() {
            assert_eq!(card.start(), next, "cards do not tile the items");
            assert!(!card.is_empty());
            next += card.len();
            let writing = c.entries_of(card, &t).any(|(_, e)| is_writing(e.role));
            let unlimited = sequence == Sequence::BillingBlock
                || writing
                || matches!(card.kind, CardKind::CastList | CardKind::Hyphenate { .. });
            if !unlimited {
                assert!(
                    card.len() <= max_names,
                    "{sequence:?} {:?} card of {} names over {max_names}",
                    card.kind,
                    card.len()
                );
            }
            if card.kind == CardKind::ProductionManagement {
                assert!(card.len() <= 3);
            }
            let _ = c.card_text(card, &t).to_string();
        }
        assert_eq!(next, c.items().len());
        if t.entries().len() < PADDED {
            let mut padded = t.clone();
            while padded.entries().len() < PADDED {
                padded
                    .push(Entry::new("Padding", Role::Grip).flag(Flag::Uncredited))
                    .expect("room");
            }
            let p = run(&padded, sequence);
            assert_eq!(c.items(), p.items(), "uncredited padding changes the order");
            assert_eq!(c.cards(), p.cards(), "uncredited padding changes the cards");
            assert!(
                c.warnings().eq(p.warnings()),
                "uncredited padding changes the warnings"
            );
        }
        if sequence != Sequence::EndCredits
            && t.entries()
                .iter()
                .any(|e| e.is_credited() && e.role == Role::Director)
        {
            let last = c.cards().last().expect("a card");
            assert!(
                c.entries_of(last, &t).any(|(_, e)| e.role == Role::Director),
                "director not last"
            );
        }
    }
});
