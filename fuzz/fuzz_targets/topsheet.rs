//! Arbitrary fees, fringes, ceilings, lines, charges and charts: either a
//! clear error or totals that add up exactly, with shares summing to 10000.
#![no_main]

use arbitrary::Arbitrary;
use creditline::budget::{Workspace, top_sheet};
use creditline::table::Section;
use creditline::vocabulary::ROLES;
use creditline::{Charge, ChargeRate, Entry, ErrorKind, Flag, Line, SectionSet, Side, Table};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct FuzzEntry {
    role: u8,
    person: u8,
    fee: i64,
    fringe: Option<(u32, Option<i64>)>,
    account: Option<u16>,
    line: Option<bool>,
    financing: bool,
    participant: bool,
}

#[derive(Arbitrary, Debug)]
struct Input {
    entries: Vec<FuzzEntry>,
    lines: Vec<(u16, i64)>,
    charges: Vec<(bool, u32, i64, u8)>,
    chart: Option<[(u16, u16); 4]>,
}

fuzz_target!(|input: Input| {
    let mut t: Box<Table<'static, 64>> = Box::new(Table::new("T"));
    if let Some(ranges) = input.chart {
        t.chart.ranges = ranges;
    }
    for f in input.entries.iter().take(64) {
        let mut e = Entry::new(
            ["A", "B", "C"][usize::from(f.person % 3)],
            ROLES[usize::from(f.role) % ROLES.len()].role,
        )
        .fee(f.fee.checked_abs().unwrap_or(0));
        if let Some((bps, cap)) = f.fringe {
            // A rate is at most 100% (10,000 bps): a table refuses more.
            e = e.fringe(bps % 10_001, cap.map(|c| c.checked_abs().unwrap_or(0)));
        }
        e.account = f.account;
        e.line = f.line.map(|atl| if atl { Side::Atl } else { Side::Btl });
        if f.financing {
            e = e.flag(Flag::Financing);
        }
        if f.participant {
            e = e.flag(Flag::ProfitParticipant);
        }
        t.push(e).expect("valid entry");
    }
    for &(account, amount) in input.lines.iter().take(64) {
        t.push_line(Line {
            account,
            description: "L",
            amount,
        })
        .expect("room");
    }
    for &(flat, bps, amount, exclude) in input.charges.iter().take(8) {
        let rate = if flat {
            ChargeRate::Amount(amount.checked_abs().unwrap_or(0))
        } else {
            ChargeRate::Bps(bps)
        };
        let mut set = SectionSet::default();
        for (bit, &section) in Section::ALL.iter().enumerate() {
            if exclude & (1 << bit) != 0 {
                set = set.with(section);
            }
        }
        t.push_charge(Charge {
            name: "C",
            rate,
            exclude: set,
        })
        .expect("room");
    }
    match top_sheet(&t, &mut Workspace::new()) {
        Ok(s) => {
            let [atl, production, post, other] = s.sections.map(i128::from);
            assert_eq!(i128::from(s.btl), production + post + other);
            assert_eq!(i128::from(s.atl_btl), atl + i128::from(s.btl));
            let charges: i128 = s.charges().iter().map(|c| i128::from(c.amount)).sum();
            assert_eq!(i128::from(s.charges_total), charges);
            assert_eq!(i128::from(s.grand_total), i128::from(s.atl_btl) + charges);
            let fringes: i128 = s.fringes_by_section.iter().map(|&f| i128::from(f)).sum();
            assert_eq!(i128::from(s.fringes), fringes);
            let shares = s.shares_bps.sections.iter().sum::<i64>() + s.shares_bps.charges;
            assert!(shares == 10_000 || shares == 0, "shares add up to {shares}");
            assert!(
                shares == 10_000
                    || s.grand_total == 0
                    || s.sections.iter().any(|&x| x < 0)
                    || s.charges_total < 0
            );
            let _ = s.to_string();
        }
        Err(e) => assert!(
            matches!(
                e.kind,
                ErrorKind::Overflow { .. } | ErrorKind::AccountOutsideChart { .. } | ErrorKind::ChartOverlap
            ),
            "unexpected error {e}"
        ),
    }
});
