//! Classification, top sheet, money display and splits (SPEC §4), with
//! figures computed by hand.

use creditline::budget::{Classification, Reason, Workspace, classify_entry, top_sheet};
use creditline::error::Total;
use creditline::{
    Charge, ChargeRate, Chart, Currency, Department, Entry, ErrorKind, Field, Flag, Line, Place, Role,
    Section, SectionSet, Side, Table, split, split_capped, split_statement,
};

fn class(entry: Entry<'_>) -> Classification {
    classify_entry(&entry, &Chart::default(), 0).unwrap()
}

fn c(side: Side, section: Option<Section>, account: Option<u16>, reason: Reason) -> Classification {
    Classification {
        side,
        section,
        account,
        reason,
    }
}

/// Rule 1: the deal's `line` overrides every default.
#[test]
fn rule_1_the_deal_decides() {
    let gaffer = class(Entry::new("G", Role::Gaffer).line(Side::Atl));
    assert_eq!(gaffer, c(Side::Atl, Some(Section::Atl), Some(3200), Reason::Deal));
    // A day player on a below-the-line deal is posted to BTL production.
    let player = class(Entry::new("P", Role::Cast).line(Side::Btl));
    assert_eq!(
        player,
        c(Side::Btl, Some(Section::Production), Some(1400), Reason::Deal)
    );
    // The deal beats a financing flag and a profit participation.
    let ap = class(
        Entry::new("A", Role::AssociateProducer)
            .flag(Flag::Financing)
            .line(Side::Atl),
    );
    assert_eq!(ap, c(Side::Atl, Some(Section::Atl), Some(1200), Reason::Deal));
}

/// Rule 2: a financier credited as associate producer costs nothing.
#[test]
fn rule_2_a_financing_credit_is_no_cost() {
    let financier = class(Entry::new("F", Role::AssociateProducer).flag(Flag::Financing));
    assert_eq!(financier, c(Side::None, None, None, Reason::FinancingCredit));
    // With a fee, the financing flag no longer makes it free.
    let paid = class(
        Entry::new("F", Role::AssociateProducer)
            .flag(Flag::Financing)
            .fee(100),
    );
    assert_eq!(
        paid,
        c(
            Side::Btl,
            Some(Section::Production),
            Some(2000),
            Reason::DealDependent
        )
    );
}

/// Rule 3: an explicit account beats the deal-dependent default.
#[test]
fn rule_3_an_explicit_account_decides() {
    let ap = class(Entry::new("A", Role::AssociateProducer).account(1250));
    assert_eq!(ap, c(Side::Atl, Some(Section::Atl), Some(1250), Reason::Account));
    let participant = class(
        Entry::new("C", Role::CoProducer)
            .flag(Flag::ProfitParticipant)
            .account(2500),
    );
    assert_eq!(
        participant,
        c(Side::Btl, Some(Section::Production), Some(2500), Reason::Account)
    );
    let err = classify_entry(&Entry::new("X", Role::Editor).account(8100), &Chart::default(), 7).unwrap_err();
    assert_eq!(err.kind, ErrorKind::AccountOutsideChart { account: 8100 });
    assert_eq!(
        (err.location.place, err.location.field),
        (Place::Entry(7), Some(Field::Account))
    );
}

/// Rule 4: associate, co-, assistant and line producers, casting director
/// and stunt coordinator are above the line only as profit participants.
#[test]
fn rule_4_deal_dependent_roles() {
    let ap = class(Entry::new("A", Role::AssociateProducer));
    assert_eq!(
        ap,
        c(
            Side::Btl,
            Some(Section::Production),
            Some(2000),
            Reason::DealDependent
        )
    );
    let ap = class(Entry::new("A", Role::AssociateProducer).flag(Flag::ProfitParticipant));
    assert_eq!(
        ap,
        c(Side::Atl, Some(Section::Atl), Some(1200), Reason::DealDependent)
    );
    let casting = class(Entry::new("K", Role::CastingDirector).flag(Flag::ProfitParticipant));
    assert_eq!(
        casting,
        c(Side::Atl, Some(Section::Atl), Some(1400), Reason::DealDependent)
    );
    for role in [
        Role::CoProducer,
        Role::AssistantProducer,
        Role::LineProducer,
        Role::StuntCoordinator,
    ] {
        assert_eq!(class(Entry::new("X", role)).side, Side::Btl, "{role:?}");
        assert_eq!(
            class(Entry::new("X", role).flag(Flag::ProfitParticipant)).side,
            Side::Atl,
            "{role:?}"
        );
    }
}

/// Rule 5: story, producers, director and cast above; everyone else below,
/// in the section of their department.
#[test]
fn rule_5_role_defaults() {
    for role in [
        Role::WrittenBy,
        Role::BasedOn,
        Role::Producer,
        Role::ExecutiveProducer,
        Role::SupervisingProducer,
        Role::Director,
        Role::CoDirector,
        Role::Cast,
    ] {
        let got = class(Entry::new("X", role));
        assert_eq!(
            (got.side, got.section, got.reason),
            (Side::Atl, Some(Section::Atl), Reason::RoleDefault),
            "{role:?}"
        );
    }
    assert_eq!(
        class(Entry::new("E", Role::Editor)),
        c(Side::Btl, Some(Section::Post), Some(5000), Reason::RoleDefault)
    );
    assert_eq!(
        class(Entry::new("D", Role::DirectorOfPhotography)).section,
        Some(Section::Production)
    );
    assert_eq!(
        class(Entry::new("P", Role::UnitPublicist)).section,
        Some(Section::Other)
    );
    let custom = class(Entry::custom("W", "Wrangler", Department::Camera));
    assert_eq!(
        custom,
        c(
            Side::Btl,
            Some(Section::Production),
            Some(3300),
            Reason::RoleDefault
        )
    );
}

/// A small budget whose figures were worked out by hand (cents):
/// - director $1,000,000.00, fringe 13.5% capped at $800,000 wages: 10,800,000;
/// - one actor with two entries of $600,000 each, fringe 20.5% with a
///   $1,000,000 ceiling shared by the person: 12,300,000 + 8,200,000
///   (only 40,000,000 of the second fee is under the ceiling);
/// - a gaffer 12,345 with 10% fringe: 1,234.5 rounds half-up to 1,235;
/// - an editor 5,000,000 (post); lines: sets 10,000,000, publicity 1,000,000;
/// - ATL 251,300,000; production 10,013,580; post 5,000,000; other 1,000,000;
/// - contingency 7.5% of 267,313,580 = 20,048,518.5 → 20,048,519;
/// - insurance 1.2% = 3,207,762.96 → 3,207,763; a 10% charge on BTL only
///   (ATL excluded) = 1,601,358; grand total 292,171,220.
fn hand_table() -> Table<'static, 16> {
    let mut t: Table<'static, 16> = Table::new("Budget");
    t.push(
        Entry::new("Dee", Role::Director)
            .fee(100_000_000)
            .fringe(1350, Some(80_000_000)),
    )
    .unwrap()
    .push(
        Entry::new("Sam", Role::Cast)
            .fee(60_000_000)
            .fringe(2050, Some(100_000_000)),
    )
    .unwrap()
    .push(
        Entry::new("Sam", Role::Cast)
            .fee(60_000_000)
            .fringe(2050, Some(100_000_000)),
    )
    .unwrap()
    .push(Entry::new("Gus", Role::Gaffer).fee(12_345).fringe(1000, None))
    .unwrap()
    .push(Entry::new("Eve", Role::Editor).fee(5_000_000))
    .unwrap()
    .push(Entry::new("Fin", Role::Financier).flag(Flag::Financing))
    .unwrap();
    t.push_line(Line {
        account: 2300,
        description: "Sets",
        amount: 10_000_000,
    })
    .unwrap();
    t.push_line(Line {
        account: 7100,
        description: "Publicity",
        amount: 1_000_000,
    })
    .unwrap();
    let none = SectionSet::default();
    t.push_charge(Charge {
        name: "Contingency",
        rate: ChargeRate::Bps(750),
        exclude: none,
    })
    .unwrap();
    t.push_charge(Charge {
        name: "Insurance",
        rate: ChargeRate::Bps(120),
        exclude: none,
    })
    .unwrap();
    let btl_only = none.with(Section::Atl);
    t.push_charge(Charge {
        name: "BTL fee",
        rate: ChargeRate::Bps(1000),
        exclude: btl_only,
    })
    .unwrap();
    t
}

#[test]
fn top_sheet_by_hand() {
    let sheet = top_sheet(&hand_table(), &mut Workspace::new()).unwrap();
    assert_eq!(sheet.sections, [251_300_000, 10_013_580, 5_000_000, 1_000_000]);
    assert_eq!(sheet.fringes, 10_800_000 + 12_300_000 + 8_200_000 + 1_235);
    assert_eq!(sheet.fringes_by_section, [31_300_000, 1_235, 0, 0]);
    assert_eq!(sheet.btl, 16_013_580);
    assert_eq!(sheet.atl_btl, 267_313_580);
    let charges: Vec<_> = sheet.charges().iter().map(|c| (c.name, c.amount)).collect();
    assert_eq!(
        charges,
        [
            ("Contingency", 20_048_519),
            ("Insurance", 3_207_763),
            ("BTL fee", 1_601_358)
        ]
    );
    assert_eq!(sheet.charges_total, 24_857_640);
    assert_eq!(sheet.grand_total, 292_171_220);
    // Shares of 292,171,220 by largest remainder: quotas 8601.13, 342.73,
    // 171.13, 34.23, 850.78 → floors 8601, 342, 171, 34, 850 (9998), the two
    // units left go to the largest remainders (.78 and .73).
    assert_eq!(sheet.shares_bps.sections, [8601, 343, 171, 34]);
    assert_eq!(sheet.shares_bps.charges, 851);
}

#[test]
fn every_total_is_the_sum_of_its_parts() {
    let sheet = top_sheet(&hand_table(), &mut Workspace::new()).unwrap();
    let [atl, production, post, other] = sheet.sections;
    assert_eq!(sheet.btl, production + post + other);
    assert_eq!(sheet.atl_btl, atl + sheet.btl);
    assert_eq!(
        sheet.charges_total,
        sheet.charges().iter().map(|c| c.amount).sum::<i64>()
    );
    assert_eq!(sheet.grand_total, sheet.atl_btl + sheet.charges_total);
    assert_eq!(
        sheet.shares_bps.sections.iter().sum::<i64>() + sheet.shares_bps.charges,
        10_000
    );
}

#[test]
fn overflow_is_an_error_naming_the_section() {
    let mut t: Table<'static, 4> = Table::new("Big");
    t.push(Entry::new("A", Role::Director).fee(i64::MAX)).unwrap();
    t.push(Entry::new("B", Role::Producer).fee(1)).unwrap();
    assert_eq!(
        top_sheet(&t, &mut Workspace::new()).unwrap_err().kind,
        ErrorKind::Overflow {
            what: Total::Section(Section::Atl)
        }
    );
    let mut t: Table<'static, 4> = Table::new("Big");
    t.push(Entry::new("A", Role::Gaffer).fee(i64::MAX)).unwrap();
    t.push(Entry::new("B", Role::Editor).fee(i64::MAX)).unwrap();
    assert_eq!(
        top_sheet(&t, &mut Workspace::new()).unwrap_err().kind,
        ErrorKind::Overflow { what: Total::Btl }
    );
}

#[test]
fn a_line_outside_the_chart_names_the_line() {
    let mut t: Table<'static, 4> = Table::new("T");
    t.push_line(Line {
        account: 1100,
        description: "Rights",
        amount: 5,
    })
    .unwrap();
    t.push_line(Line {
        account: 9100,
        description: "Bad",
        amount: 5,
    })
    .unwrap();
    let err = top_sheet(&t, &mut Workspace::new()).unwrap_err();
    assert_eq!(err.kind, ErrorKind::AccountOutsideChart { account: 9100 });
    assert_eq!(
        (err.location.place, err.location.field),
        (Place::Line(1), Some(Field::Account))
    );
}

#[test]
fn jpy_and_kwd_tables_and_display() {
    let mut t: Table<'static, 4> = Table::new("Yen");
    t.currency = Currency::JPY;
    t.push(Entry::new("A", Role::Director).fee(1_234_567)).unwrap();
    t.push_charge(Charge {
        name: "Contingency",
        rate: ChargeRate::Bps(750),
        exclude: SectionSet::default(),
    })
    .unwrap();
    let sheet = top_sheet(&t, &mut Workspace::new()).unwrap();
    // 7.5% of ¥1,234,567 = ¥92,592.525 → ¥92,593 (yen have no minor unit).
    assert_eq!(sheet.charges()[0].amount, 92_593);
    assert_eq!(Currency::JPY.amount(sheet.grand_total).to_string(), "¥1,327,160");

    let mut t: Table<'static, 4> = Table::new("Fils");
    t.currency = Currency::from_code("kwd").unwrap();
    t.push(Entry::new("A", Role::Gaffer).fee(1_234_567).fringe(1000, None))
        .unwrap();
    let sheet = top_sheet(&t, &mut Workspace::new()).unwrap();
    // 10% of 1,234.567 KWD = 123.4567 → 123.457 (fils, half-up).
    assert_eq!(sheet.fringes, 123_457);
    assert_eq!(
        Currency::KWD.amount(sheet.grand_total).to_string(),
        "KWD 1,358.024"
    );
}

#[test]
fn money_display() {
    assert_eq!(Currency::USD.amount(436_439_523).to_string(), "$4,364,395.23");
    assert_eq!(Currency::USD.amount(-105).to_string(), "-$1.05");
    assert_eq!(Currency::USD.amount(5).to_string(), "$0.05");
    assert_eq!(Currency::JPY.amount(1_234).to_string(), "¥1,234");
    assert_eq!(Currency::KWD.amount(1_234_567).to_string(), "KWD 1,234.567");
    assert_eq!(
        Currency::USD.amount(i64::MIN).to_string(),
        "-$92,233,720,368,547,758.08"
    );
}

/// SPEC §4.4: Hamilton's method, ties to the lower index, negatives mirrored.
#[test]
fn split_by_largest_remainder() {
    let mut parts = [0i64; 3];
    split(10, &[1, 1, 1], &mut parts).unwrap();
    assert_eq!(parts, [4, 3, 3]);
    // Quotas 5.714…, 2.857…, 1.428…: floors 5, 2, 1, the two units left
    // to the largest remainders (.857, then .714).
    split(10, &[4, 2, 1], &mut parts).unwrap();
    assert_eq!(parts, [6, 3, 1]);
    split(-10, &[4, 2, 1], &mut parts).unwrap();
    assert_eq!(parts, [-6, -3, -1]);
    // Equal remainders: the lower index wins.
    split(2, &[1, 1, 1], &mut parts).unwrap();
    assert_eq!(parts, [1, 1, 0]);
    split(7, &[0, 5, 0], &mut parts).unwrap();
    assert_eq!(parts, [0, 7, 0]);
    split(i64::MAX, &[u32::MAX, u32::MAX, 1], &mut parts).unwrap();
    assert_eq!(
        parts.iter().map(|&p| i128::from(p)).sum::<i128>(),
        i128::from(i64::MAX)
    );
    // i64::MIN is a valid part of a single share.
    let mut one = [0i64; 1];
    split(i64::MIN, &[7], &mut one).unwrap();
    assert_eq!(one, [i64::MIN]);
    split(i64::MIN, &[1, 1, 1], &mut parts).unwrap();
    assert_eq!(
        parts.iter().map(|&p| i128::from(p)).sum::<i128>(),
        i128::from(i64::MIN)
    );
}

#[test]
fn split_errors() {
    let mut parts = [0i64; 2];
    assert_eq!(split(5, &[], &mut []).unwrap_err().kind, ErrorKind::NoWeights);
    assert_eq!(
        split(5, &[0, 0], &mut parts).unwrap_err().kind,
        ErrorKind::NoWeights
    );
    assert_eq!(
        split(5, &[1, 1, 1], &mut parts).unwrap_err().kind,
        ErrorKind::WrongOutputLength
    );
    let err = split_capped(50, &[1, 1], &[10, 20], &mut parts).unwrap_err();
    assert_eq!(err.kind, ErrorKind::CapsTooSmall);
}

/// Deferments: the excess over a cap is re-split among the others.
#[test]
fn split_capped_resplits_the_excess() {
    let mut parts = [0i64; 3];
    // 1000 in thirds is 334/333/333; the first is capped at 100, so 900 is
    // split between the other two, 450 each.
    split_capped(1000, &[1, 1, 1], &[100, 5000, 5000], &mut parts).unwrap();
    assert_eq!(parts, [100, 450, 450]);
    // A cascade: capping the first raises the others past the second's cap.
    split_capped(1000, &[1, 1, 1], &[100, 420, 5000], &mut parts).unwrap();
    assert_eq!(parts, [100, 420, 480]);
    split_capped(-1000, &[1, 1, 1], &[100, 420, 5000], &mut parts).unwrap();
    assert_eq!(parts, [-100, -420, -480]);
    // Exactly full.
    split_capped(30, &[5, 1, 1], &[10, 10, 10], &mut parts).unwrap();
    assert_eq!(parts, [10, 10, 10]);
}

/// Periodic statements: rounding never drifts because each statement
/// splits the cumulative total to date.
#[test]
fn cumulative_statements_never_drift() {
    let weights = [1, 1, 1];
    let mut paid = [0i64; 3];
    let mut payment = [0i64; 3];
    let mut paid_out = [0i64; 3];
    for total_to_date in [100, 200, 301, 301, 1000] {
        split_statement(total_to_date, &weights, &mut paid, &mut payment).unwrap();
        for (sum, p) in paid_out.iter_mut().zip(payment) {
            *sum += p;
        }
        let mut fresh = [0i64; 3];
        split(total_to_date, &weights, &mut fresh).unwrap();
        assert_eq!(paid_out, fresh, "after {total_to_date}");
    }
    assert_eq!(paid, [334, 333, 333]);
}

/// Two people whose names share a hash (FNV-1a: "costarring" and "liquid")
/// keep separate fringe ceilings; entries of one person share theirs.
#[test]
fn fringe_ceilings_are_per_person_even_when_names_collide() {
    let mut t: Table<'static, 8> = Table::new("T");
    for name in ["costarring", "liquid", "costarring", "liquid"] {
        t.push(
            Entry::new(name, Role::Gaffer)
                .fee(1_000)
                .fringe(1000, Some(1_500)),
        )
        .unwrap();
    }
    // Each person: 1,000 fully under the 1,500 ceiling, then 500 of the
    // second 1,000; 10% of 1,500 = 150 per person, 300 in all.
    assert_eq!(top_sheet(&t, &mut Workspace::new()).unwrap().fringes, 300);
}

/// A person's wage base counts their entries in table order, whatever
/// sections they post to: a gaffer's 100 (10%) is under the 150 ceiling
/// first, then 50 of the same person's 100 as director (20%): 10 + 10 = 20,
/// 10 in production and 10 above the line.
#[test]
fn a_wage_base_counts_entries_in_table_order_across_sections() {
    let mut t: Table<'static, 4> = Table::new("T");
    t.push(
        Entry::new("Pat Lee", Role::Gaffer)
            .fee(100)
            .fringe(1000, Some(150)),
    )
    .unwrap();
    t.push(
        Entry::new("Pat Lee", Role::Director)
            .fee(100)
            .fringe(2000, Some(150)),
    )
    .unwrap();
    let sheet = top_sheet(&t, &mut Workspace::new()).unwrap();
    assert_eq!(sheet.fringes, 20);
    assert_eq!(sheet.fringes_by_section, [10, 10, 0, 0]);
}
