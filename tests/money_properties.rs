//! Property tests of the splits and the top sheet (SPEC §4.3, §4.4).

use creditline::budget::{Workspace, top_sheet};
use creditline::vocabulary::ROLES;
use creditline::{Charge, ChargeRate, Entry, Line, Section, SectionSet, Table, split, split_capped};
use proptest::prelude::*;

/// The exact quota of share `i` as a fraction `num / den`.
fn quota(total: i64, weights: &[u32], i: usize) -> (i128, i128) {
    let sum: i128 = weights.iter().map(|&w| i128::from(w)).sum();
    (i128::from(total) * i128::from(weights[i]), sum)
}

fn weights() -> impl Strategy<Value = Vec<u32>> {
    proptest::collection::vec(prop_oneof![any::<u32>(), 0u32..10], 1..40)
        .prop_filter("some weight", |w| w.iter().any(|&x| x > 0))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn split_is_exact_and_within_one_unit(total in any::<i64>(), weights in weights()) {
        let mut parts = vec![0i64; weights.len()];
        split(total, &weights, &mut parts).unwrap();
        let sum: i128 = parts.iter().map(|&p| i128::from(p)).sum();
        prop_assert_eq!(sum, i128::from(total));
        for (i, &part) in parts.iter().enumerate() {
            // |part − num/den| < 1  ⇔  |part·den − num| < den
            let (num, den) = quota(total, &weights, i);
            prop_assert!((i128::from(part) * den - num).abs() < den, "share {} = {} off its quota", i, part);
        }
    }

    /// SPEC §4.4: Hamilton's method, the largest remainders taking the
    /// leftover units and ties going to the lower index, written the
    /// textbook way (sort the remainders) as the reference.
    #[test]
    fn split_is_hamiltons_method(total in any::<i64>(), weights in weights()) {
        let magnitude = i128::from(total).abs();
        let sum: i128 = weights.iter().map(|&w| i128::from(w)).sum();
        let mut expected: Vec<i128> = weights.iter().map(|&w| magnitude * i128::from(w) / sum).collect();
        let leftover = magnitude - expected.iter().sum::<i128>();
        let mut by_remainder: Vec<usize> = (0..weights.len()).collect();
        by_remainder.sort_by_key(|&i| (std::cmp::Reverse(magnitude * i128::from(weights[i]) % sum), i));
        for &i in by_remainder.iter().take(leftover as usize) {
            expected[i] += 1;
        }
        let expected: Vec<i64> = expected.iter().map(|&p| (if total < 0 { -p } else { p }) as i64).collect();
        let mut parts = vec![0i64; weights.len()];
        split(total, &weights, &mut parts).unwrap();
        prop_assert_eq!(parts, expected);
    }

    #[test]
    fn split_mirrors_negative_totals(total in any::<i64>().prop_filter("not MIN", |t| *t != i64::MIN), weights in weights()) {
        let (mut up, mut down) = (vec![0i64; weights.len()], vec![0i64; weights.len()]);
        split(total, &weights, &mut up).unwrap();
        split(-total, &weights, &mut down).unwrap();
        prop_assert_eq!(up.iter().map(|p| -p).collect::<Vec<_>>(), down);
    }

    #[test]
    fn equal_weights_differ_by_at_most_one(total in any::<i64>(), weight in 1u32.., n in 1usize..50) {
        let weights = vec![weight; n];
        let mut parts = vec![0i64; n];
        split(total, &weights, &mut parts).unwrap();
        let (min, max) = (parts.iter().min().unwrap(), parts.iter().max().unwrap());
        prop_assert!(i128::from(*max) - i128::from(*min) <= 1);
    }

    #[test]
    fn split_capped_respects_caps_and_sums(
        total in -1_000_000i64..1_000_000,
        shares in proptest::collection::vec((0u32..20, 0i64..200_000), 1..12),
    ) {
        let weights: Vec<u32> = shares.iter().map(|s| s.0).collect();
        let caps: Vec<i64> = shares.iter().map(|s| s.1).collect();
        let mut parts = vec![0i64; shares.len()];
        match split_capped(total, &weights, &caps, &mut parts) {
            Ok(()) => {
                prop_assert_eq!(parts.iter().sum::<i64>(), total);
                for ((&p, &cap), &w) in parts.iter().zip(&caps).zip(&weights) {
                    prop_assert!(p.abs() <= cap, "part {} over cap {}", p, cap);
                    if w == 0 { prop_assert_eq!(p, 0); }
                }
            }
            Err(e) => {
                let capacity: i64 = weights.iter().zip(&caps).filter(|(w, _)| **w > 0).map(|(_, c)| c).sum();
                prop_assert!(weights.iter().all(|&w| w == 0) || capacity < total.abs(), "unexpected {}", e);
            }
        }
    }

    /// Any fees, fringes, ceilings, lines and charges: either a clear error
    /// or totals that add up exactly, with shares summing to 10000.
    #[test]
    fn top_sheet_adds_up_or_errs(
        entries in proptest::collection::vec((0..ROLES.len(), any::<u32>(), proptest::option::of((0u32..5000, proptest::option::of(any::<u32>()))), any::<bool>()), 0..30),
        lines in proptest::collection::vec((prop_oneof![1000u16..8000, any::<u16>()], any::<i32>()), 0..10),
        charges in proptest::collection::vec((any::<bool>(), 0u32..3000, any::<u32>(), any::<u8>()), 0..4),
        huge in any::<bool>(),
    ) {
        let mut t: Box<Table<'static, 64>> = Box::new(Table::new("P"));
        for (i, &(role, fee, fringe, same_person)) in entries.iter().enumerate() {
            let name = if same_person { "Same" } else { ["A", "B", "C", "D"][i % 4] };
            let fee = if huge { i64::from(fee) << 31 } else { i64::from(fee) };
            let mut e = Entry::new(name, ROLES[role].role).fee(fee);
            if let Some((bps, cap)) = fringe {
                e = e.fringe(bps, cap.map(i64::from));
            }
            t.push(e).unwrap();
        }
        for &(account, amount) in &lines {
            t.push_line(Line { account, description: "L", amount: i64::from(amount) }).unwrap();
        }
        for &(flat, bps, amount, exclude) in &charges {
            let rate = if flat { ChargeRate::Amount(i64::from(amount)) } else { ChargeRate::Bps(bps) };
            let mut set = SectionSet::default();
            for (bit, section) in [Section::Atl, Section::Production, Section::Post, Section::Other].into_iter().enumerate() {
                if exclude & (1 << bit) != 0 { set = set.with(section); }
            }
            t.push_charge(Charge { name: "C", rate, exclude: set }).unwrap();
        }
        match top_sheet(&t, &mut Workspace::new()) {
            Ok(sheet) => {
                let [atl, production, post, other] = sheet.sections.map(i128::from);
                prop_assert_eq!(i128::from(sheet.btl), production + post + other);
                prop_assert_eq!(i128::from(sheet.atl_btl), atl + i128::from(sheet.btl));
                let charges: i128 = sheet.charges().iter().map(|c| i128::from(c.amount)).sum();
                prop_assert_eq!(i128::from(sheet.charges_total), charges);
                prop_assert_eq!(i128::from(sheet.grand_total), i128::from(sheet.atl_btl) + charges);
                let fees: i128 = t.entries().iter().map(|e| i128::from(e.fee)).sum::<i128>();
                let lines: i128 = t.lines().iter().map(|l| i128::from(l.amount)).sum();
                prop_assert_eq!(i128::from(sheet.atl_btl), fees + lines + i128::from(sheet.fringes));
                let shares = sheet.shares_bps.sections.iter().sum::<i64>() + sheet.shares_bps.charges;
                prop_assert_eq!(shares, if sheet.grand_total == 0 { 0 } else { 10_000 });
            }
            Err(e) => {
                let kind = e.kind;
                prop_assert!(matches!(kind, creditline::ErrorKind::Overflow { .. } | creditline::ErrorKind::AccountOutsideChart { .. }), "{}", e);
            }
        }
    }
}
