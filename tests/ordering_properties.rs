//! Property tests of the ordering (SPEC §3.2, §3.4, §3.5) over random tables.

use std::collections::HashMap;

use creditline::order::{CardKind, Credits, Sequence, order};
use creditline::table::{CastCredit, CastOrder, EndCredits, Flag};
use creditline::vocabulary::ROLES;
use creditline::{Department, Entry, Role, Table};
use proptest::prelude::*;

const N: usize = 96;
const M: usize = 2 * N + 2;
const NAMES: [&str; 6] = [
    "Ana Ruiz", "Bo Lind", "Cy Park", "Dee Shaw", "Eli Fox", "Ana Ruiz",
];

/// One random entry: role (index into the vocabulary, or custom), name,
/// billing, appearance, team, cast credit, flags.
#[derive(Clone, Debug)]
struct Spec {
    role: usize,
    name: usize,
    billing: Option<u16>,
    appearance: Option<u16>,
    team: Option<u16>,
    cast_credit: usize,
    flags: u16,
}

fn spec(with_teams: bool) -> impl Strategy<Value = Spec> {
    // Bias towards the principal roles and cast, where the rules are.
    let role = prop_oneof![
        0..ROLES.len() + 1,
        0usize..24,
        Just(ROLES.iter().position(|r| r.role == Role::Cast).unwrap())
    ];
    (
        role,
        0..NAMES.len(),
        proptest::option::of(1u16..5),
        proptest::option::of(1u16..5),
        proptest::option::of(1u16..3),
        0..CastCredit::ALL.len(),
        any::<u16>(),
    )
        .prop_map(
            move |(role, name, billing, appearance, team, cast_credit, flags)| Spec {
                role,
                name,
                billing,
                appearance,
                team: team.filter(|_| with_teams),
                cast_credit,
                flags,
            },
        )
}

#[derive(Clone, Debug)]
struct Opts {
    end_only: bool,
    cast_order: usize,
    top: u16,
    max_names: u16,
    merge: bool,
    main_cast: u16,
}

fn opts() -> impl Strategy<Value = Opts> {
    (any::<bool>(), 0usize..3, 0u16..4, 1u16..7, any::<bool>(), 0u16..6).prop_map(
        |(end_only, cast_order, top, max_names, merge, main_cast)| Opts {
            end_only,
            cast_order,
            top,
            max_names,
            merge,
            main_cast,
        },
    )
}

fn build(specs: &[Spec], o: &Opts) -> Box<Table<'static, N>> {
    let mut t: Box<Table<'static, N>> = Box::new(Table::new("Title"));
    t.options.end_credits = if o.end_only {
        EndCredits::EndOnly
    } else {
        EndCredits::AfterMainTitles
    };
    t.options.cast_order = [CastOrder::Billing, CastOrder::Appearance, CastOrder::Alphabetical][o.cast_order];
    t.options.cast_order_top = o.top;
    t.options.max_names_per_card = o.max_names;
    t.options.merge_hyphenates = o.merge;
    t.options.main_title_cast = o.main_cast;
    for s in specs {
        let name = NAMES[s.name];
        let mut e = match ROLES.get(s.role) {
            Some(info) => Entry::new(name, info.role),
            None => Entry::custom(name, "Wrangler", Department::Camera),
        };
        e.billing = s.billing;
        e.appearance = s.appearance;
        e.team = s.team;
        e.cast_credit = CastCredit::ALL[s.cast_credit];
        for (bit, &flag) in Flag::ALL.iter().enumerate() {
            // Uncredited only rarely, so that most entries are on screen.
            let rare = flag == Flag::Uncredited && s.flags & 0x8000 == 0;
            if s.flags & (1 << bit) != 0 && !rare {
                e = e.flag(flag);
            }
        }
        t.push(e).unwrap();
    }
    t
}

fn credits(t: &Table<'static, N>, sequence: Sequence) -> Credits<M> {
    let mut c = Credits::new();
    order(t, sequence, &mut c).unwrap();
    c
}

/// How often each entry appears in a sequence.
fn counts(c: &Credits<M>) -> HashMap<usize, usize> {
    let mut counts = HashMap::new();
    for item in c.items() {
        if let Some(i) = item.entry() {
            *counts.entry(i).or_default() += 1;
        }
    }
    counts
}

fn has_possessory_director(e: &Entry<'_>) -> bool {
    e.role == Role::Director && e.has(Flag::Possessory)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// SPEC §3.2: over the film's credits (the main titles, when the end
    /// credits follow them, and the end credits) every credited entry
    /// appears exactly once, except cast shown on a principal card (again
    /// in the full cast list) and a possessory director ("A Film by" and
    /// "Directed by"); uncredited entries never appear.
    #[test]
    fn the_film_shows_every_credited_entry_once(specs in proptest::collection::vec(spec(true), 0..N), o in opts()) {
        let t = build(&specs, &o);
        let end = credits(&t, Sequence::EndCredits);
        let mut counts = counts(&end);
        // The principal cards: the end credits' head (before the cast
        // list) in end-only mode, else the main titles.
        let principal: Vec<usize> = if o.end_only {
            let head = end.cards().iter().position(|c| c.kind == CardKind::CastList).map_or(end.items().len(), |k| end.cards()[k].start());
            end.items()[..head].iter().filter_map(|i| i.entry()).collect()
        } else {
            let main = credits(&t, Sequence::MainTitles);
            for (i, n) in self::counts(&main) {
                *counts.entry(i).or_default() += n;
            }
            main.items().iter().filter_map(|i| i.entry()).collect()
        };
        let cast_list: Vec<usize> = end.cards().iter()
            .filter(|card| card.kind == CardKind::CastList)
            .flat_map(|card| end.items_of(card).iter().filter_map(|i| i.entry()))
            .collect();
        for (i, e) in t.entries().iter().enumerate() {
            let n = counts.get(&i).copied().unwrap_or(0);
            if !e.is_credited() {
                prop_assert_eq!(n, 0, "uncredited entry {} shown", i);
            } else if e.role == Role::Cast {
                prop_assert!(cast_list.contains(&i), "cast entry {} missing from the cast list", i);
                let expected = if principal.contains(&i) { 2 } else { 1 };
                prop_assert_eq!(n, expected, "cast entry {}", i);
            } else if has_possessory_director(e) {
                prop_assert_eq!(n, 2);
            } else {
                prop_assert_eq!(n, 1, "entry {} ({:?}) shown {} times", i, e.role, n);
            }
        }
    }

    /// Main titles and billing block: no entry twice (but a possessory
    /// director), the director's card last, the title card once, card sizes
    /// within their limits, and the same result on every run.
    #[test]
    fn principal_sequences_are_well_formed(specs in proptest::collection::vec(spec(true), 0..N), o in opts()) {
        let t = build(&specs, &o);
        for sequence in [Sequence::MainTitles, Sequence::BillingBlock, Sequence::EndCredits] {
            let c = credits(&t, sequence);
            let again = credits(&t, sequence);
            prop_assert_eq!(c.items(), again.items());
            prop_assert_eq!(c.cards(), again.cards());
            // Cards cover the items exactly, in order.
            let mut next = 0;
            for card in c.cards() {
                prop_assert_eq!(card.start(), next);
                prop_assert!(!card.is_empty());
                next += card.len();
                let limited = sequence != Sequence::BillingBlock
                    && !matches!(card.kind, CardKind::CastList | CardKind::Hyphenate { .. })
                    && !c.entries_of(card, &t).any(|(_, e)| matches!(e.role,
                        Role::WrittenBy | Role::ScreenplayBy | Role::TeleplayBy | Role::StoryBy
                        | Role::ScreenStoryBy | Role::BasedOn | Role::CharactersBy | Role::CreatedBy | Role::DevelopedBy));
                if limited {
                    prop_assert!(card.len() <= usize::from(o.max_names), "card of {} names", card.len());
                }
                if card.kind == CardKind::ProductionManagement {
                    prop_assert!(card.len() <= 3);
                }
            }
            prop_assert_eq!(next, c.items().len());
            if sequence == Sequence::EndCredits {
                continue;
            }
            let titles = c.items().iter().filter(|i| i.entry().is_none()).count();
            prop_assert_eq!(titles, 1);
            for (i, n) in counts(&c) {
                let twice = has_possessory_director(&t.entries()[i]);
                prop_assert!(n == 1 || (n == 2 && twice), "entry {} shown {} times", i, n);
            }
            let has_director = t.entries().iter().any(|e| e.is_credited() && e.role == Role::Director);
            if has_director {
                let last = c.cards().last().unwrap();
                let directs = c.entries_of(last, &t).any(|(_, e)| e.role == Role::Director);
                prop_assert!(directs, "the last card is {:?}", last.kind);
            }
        }
    }

    /// SPEC §3.6, the warnings one row decides, read straight from the
    /// spec: `pga` off a producer, `possessory` off a director, a billing
    /// some earlier entry of the same block (role; custom: department)
    /// already has, and every credited picture editor after the first
    /// without waiver. Crew and cast rows take shortcuts in the ordering
    /// pass; the warnings must not notice.
    #[test]
    fn row_warnings_match_the_spec(specs in proptest::collection::vec(spec(true), 0..N), o in opts()) {
        use creditline::order::WarningCode as W;
        let t = build(&specs, &o);
        let mut expected = Vec::new();
        let mut editors = 0;
        for (i, e) in t.entries().iter().enumerate() {
            let block = |x: &Entry<'_>| (x.role, (x.role == Role::Custom).then_some(x.department), x.billing);
            let earlier = &t.entries()[..i];
            if e.has(Flag::Pga) && e.role != Role::Producer {
                expected.push((i, W::PgaNotProducer));
            }
            if e.has(Flag::Possessory) && e.role != Role::Director {
                expected.push((i, W::PossessoryNotDirector));
            }
            if e.billing.is_some() && earlier.iter().any(|x| block(x) == block(e)) {
                expected.push((i, W::DuplicateBilling));
            }
            if e.role == Role::Editor && e.is_credited() {
                editors += 1;
                if editors > 1 && !e.has(Flag::Waiver) {
                    expected.push((i, W::MultipleEditors));
                }
            }
        }
        expected.sort();
        for sequence in [Sequence::MainTitles, Sequence::BillingBlock, Sequence::EndCredits] {
            let c = credits(&t, sequence);
            let row_codes = [W::PgaNotProducer, W::PossessoryNotDirector, W::DuplicateBilling, W::MultipleEditors];
            let mut found: Vec<_> = c
                .warnings()
                .filter(|w| row_codes.contains(&w.code))
                .map(|w| (w.entry.unwrap(), w.code))
                .collect();
            found.sort();
            prop_assert_eq!(&found, &expected);
        }
    }

    /// Uncredited crew are never on screen and raise no warning: padding a
    /// small table with them, to a size past a typical firmware's table,
    /// changes no item, card or warning.
    #[test]
    fn uncredited_padding_changes_nothing(specs in proptest::collection::vec(spec(true), 0..40), o in opts()) {
        let small = build(&specs, &o);
        let mut large = build(&specs, &o);
        while large.entries().len() < 70 {
            large.push(Entry::new("Padding", Role::Grip).flag(Flag::Uncredited)).unwrap();
        }
        for sequence in [Sequence::MainTitles, Sequence::BillingBlock, Sequence::EndCredits] {
            let (a, b) = (credits(&small, sequence), credits(&large, sequence));
            prop_assert_eq!(a.items(), b.items());
            prop_assert_eq!(a.cards(), b.cards());
            prop_assert_eq!(a.warnings().collect::<Vec<_>>(), b.warnings().collect::<Vec<_>>());
        }
    }

    /// SPEC §3.4: the order is a function of the keys, never of the row
    /// order: with every key distinct (unique billing and names), shuffling
    /// the rows gives the same sequence of entries. (Among equal keys the
    /// table order decides, see the golden stability test.)
    #[test]
    fn shuffling_rows_with_distinct_keys_changes_nothing(
        specs in proptest::collection::vec(spec(true), 0..N),
        o in opts(),
        seed in any::<u64>(),
    ) {
        // Give row i the name "Person i" and billing i + 1, so no two keys tie.
        let unique: Vec<Spec> = specs.iter().enumerate().map(|(i, s)| Spec { billing: Some(i as u16 + 1), ..s.clone() }).collect();
        let mut rows: Vec<usize> = (0..unique.len()).collect();
        let mut state = seed | 1;
        for i in (1..rows.len()).rev() {
            // xorshift: a deterministic Fisher–Yates shuffle from the seed.
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            rows.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let t = build_named(&unique, &(0..unique.len()).collect::<Vec<_>>(), &o);
        let u = build_named(&unique, &rows, &o);
        for sequence in [Sequence::MainTitles, Sequence::BillingBlock, Sequence::EndCredits] {
            let (a, b) = (credits(&t, sequence), credits(&u, sequence));
            // Compare by original row: row j of `u` is row rows[j] of `t`.
            let original_a: Vec<_> = a.items().iter().map(|i| i.entry()).collect();
            let original_b: Vec<_> = b.items().iter().map(|i| i.entry().map(|j| rows[j])).collect();
            prop_assert_eq!(original_a, original_b);
            let shape = |c: &Credits<M>| -> Vec<_> { c.cards().iter().map(|k| (k.kind, k.len())).collect() };
            prop_assert_eq!(shape(&a), shape(&b));
        }
    }
}

/// Build a table whose row j is `specs[rows[j]]`, named "Person {rows[j]}".
fn build_named(specs: &[Spec], rows: &[usize], o: &Opts) -> Box<Table<'static, N>> {
    let reordered: Vec<Spec> = rows.iter().map(|&r| specs[r].clone()).collect();
    let mut t = build(&reordered, o);
    let mut named: Box<Table<'static, N>> = Box::new(Table::new("Title"));
    named.options = t.options;
    for (j, e) in t.entries().iter().enumerate() {
        let name: &'static str = Box::leak(format!("Person {}", rows[j]).into_boxed_str());
        named.push(Entry { name, ..*e }).unwrap();
    }
    t.clear();
    named
}
