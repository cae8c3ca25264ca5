//! JSON input (SPEC §5): every error with its exact location, escape
//! decoding, capacity, deep nesting, and equality with a table built in code.

use creditline::error::{Buffer, Expected, IdKind, Syntax};
use creditline::json::{MAX_DEPTH, parse_table, report};
use creditline::{
    CastCredit, Charge, ChargeRate, Currency, Department, Entry, Error, ErrorKind, Field, Flag, Line,
    Location, Place, Role, SectionSet, Table,
};

/// Parse into a fresh table; returns the error, checking the table was left empty.
fn parse_err(input: &str) -> Error {
    let mut scratch = vec![0u8; input.len()];
    let mut table: Box<Table<'_, 8>> = Box::default();
    let err = parse_table(input.as_bytes(), &mut scratch, &mut table).unwrap_err();
    assert!(
        table.entries().is_empty() && table.lines().is_empty(),
        "half-filled table after {err}"
    );
    assert_eq!(table.title, "");
    err
}

/// The message a frontend shows for `input`'s error: it quotes the
/// offending value.
fn message(input: &str) -> String {
    report(parse_err(input), input.as_bytes()).to_string()
}

/// The position of `needle` in `doc`, as an error's offset.
fn offset(doc: &str, needle: &str) -> Option<u32> {
    doc.find(needle).map(|at| u32::try_from(at).unwrap())
}

/// An unknown value of list `kind`, without a suggestion.
fn unknown(kind: IdKind) -> ErrorKind {
    ErrorKind::Unknown {
        kind,
        suggestion: None,
    }
}

fn entry_doc(entries: &str) -> String {
    format!(r#"{{"title":"T","entries":[{{"name":"A","role":"director"}},{entries}]}}"#)
}

fn at(kind: ErrorKind, place: Place, field: Field) -> Error {
    Error::new(
        kind,
        Location {
            offset: None,
            place,
            field: Some(field),
        },
    )
}

#[test]
fn escapes_are_decoded_including_surrogate_pairs() {
    let input = r#"{"title":"Caf\u00e9 \ud83c\udfac","entries":[
        {"name":"Dwayne \"The Rock\" Johnson","role":"cast","character":"Line1\nLine2 \\ \/"},
        {"name":"Zo\u00eb","role":"director"}]}"#;
    let mut scratch = [0u8; 128];
    let mut table: Table<'_, 4> = Table::default();
    parse_table(input.as_bytes(), &mut scratch, &mut table).unwrap();
    assert_eq!(table.title, "Café 🎬");
    assert_eq!(table.entries()[0].name, "Dwayne \"The Rock\" Johnson");
    assert_eq!(table.entries()[0].character, Some("Line1\nLine2 \\ /"));
    assert_eq!(table.entries()[1].name, "Zoë");
}

#[test]
fn strings_without_escapes_borrow_from_the_input() {
    let input = br#"{"entries":[{"name":"Plain Name","role":"editor"}]}"#;
    let mut scratch = [0u8; 0];
    let mut table: Table<'_, 2> = Table::default();
    parse_table(input, &mut scratch, &mut table).unwrap();
    let name = table.entries()[0].name;
    let range = input.as_ptr_range();
    assert!(range.contains(&name.as_ptr()), "name was copied");
}

#[test]
fn unknown_role_names_offset_entry_field_and_nearest_id() {
    let doc = entry_doc(r#"{"name":"B","role":"diretor"}"#);
    let err = parse_err(&doc);
    assert_eq!(
        err.location,
        Location {
            offset: offset(&doc, "diretor"),
            place: Place::Entry(1),
            field: Some(Field::Role)
        }
    );
    let at = offset(&doc, "diretor").unwrap();
    assert_eq!(
        message(&doc),
        format!("byte {at}, entry 1 (\"role\"): unknown role \"diretor\" (did you mean \"director\"?)")
    );
    // Without the input the message names everything but the value.
    assert_eq!(
        err.to_string(),
        format!("byte {at}, entry 1 (\"role\"): unknown role (did you mean \"director\"?)")
    );
    let doc = entry_doc(r#"{"name":"B","role":"director_of_photograpy"}"#);
    assert!(
        message(&doc)
            .ends_with("unknown role \"director_of_photograpy\" (did you mean \"director_of_photography\"?)"),
        "{}",
        message(&doc)
    );
}

#[test]
fn each_bad_value_is_a_distinct_error_with_entry_and_field() {
    let cases: &[(&str, ErrorKind, Option<Field>)] = &[
        (
            r#"{"name":"B","role":"cast","billing":0}"#,
            ErrorKind::ZeroPosition,
            Some(Field::Billing),
        ),
        (
            r#"{"name":"B","role":"cast","appearance":0}"#,
            ErrorKind::ZeroPosition,
            Some(Field::Appearance),
        ),
        (
            r#"{"name":"B","role":"written_by","team":0}"#,
            ErrorKind::ZeroPosition,
            Some(Field::Team),
        ),
        (
            r#"{"name":"B","role":"cast","fee":-5}"#,
            ErrorKind::NegativeAmount,
            Some(Field::Fee),
        ),
        (
            r#"{"name":"B","role":"cast","billing":70000}"#,
            ErrorKind::NumberOutOfRange,
            Some(Field::Billing),
        ),
        (
            r#"{"name":"B","role":"cast","fee":"5"}"#,
            ErrorKind::WrongType {
                expected: Expected::Integer,
            },
            Some(Field::Fee),
        ),
        (
            r#"{"name":"B","role":"cast","bogus":1}"#,
            ErrorKind::Unknown {
                kind: IdKind::Field,
                suggestion: None,
            },
            None,
        ),
        (
            r#"{"name":"B","role":"cast","name":"C"}"#,
            ErrorKind::DuplicateField,
            Some(Field::Name),
        ),
        (r#"{"role":"cast"}"#, ErrorKind::MissingField, Some(Field::Name)),
        (r#"{"name":"B"}"#, ErrorKind::MissingField, Some(Field::Role)),
        (
            r#"{"name":"B","role":"custom","department":"art"}"#,
            ErrorKind::CustomNeedsTitleAndDepartment,
            Some(Field::Title),
        ),
        (
            r#"{"name":"B","role":"custom","title":"Wrangler"}"#,
            ErrorKind::CustomNeedsTitleAndDepartment,
            Some(Field::Department),
        ),
        (
            r#"{"name":"B","role":"cast","cast_credit":"cameo"}"#,
            unknown(IdKind::CastCredit),
            Some(Field::CastCredit),
        ),
        (
            r#"{"name":"B","role":"gaffer","line":"middle"}"#,
            unknown(IdKind::Side),
            Some(Field::Line),
        ),
        (
            r#"{"name":"B","role":"gaffer","fringe":{"cap":5}}"#,
            ErrorKind::MissingField,
            Some(Field::Bps),
        ),
        (
            r#"{"name":"B","role":"gaffer","fringe":{"bps":-1}}"#,
            ErrorKind::NumberOutOfRange,
            Some(Field::Bps),
        ),
        (
            r#"{"name":"B","role":"gaffer","fringe":{"bps":100,"cap":-1}}"#,
            ErrorKind::NegativeAmount,
            Some(Field::Cap),
        ),
        (
            r#"{"name":"  ","role":"gaffer"}"#,
            ErrorKind::EmptyText,
            Some(Field::Name),
        ),
        (
            r#"{"name":"B","role":"custom","title":"","department":"art"}"#,
            ErrorKind::EmptyText,
            Some(Field::Title),
        ),
        (
            r#"{"name":"B","role":"gaffer","fringe":{"bps":10001}}"#,
            ErrorKind::RateAboveWhole,
            Some(Field::Bps),
        ),
        (
            r#"{"name":"B","role":"gaffer","account":9000}"#,
            ErrorKind::AccountOutsideChart { account: 9000 },
            Some(Field::Account),
        ),
    ];
    for (entry, kind, field) in cases {
        let err = parse_err(&entry_doc(entry));
        assert_eq!(err.kind, *kind, "{entry}");
        assert_eq!(err.location.place, Place::Entry(1), "{entry}");
        assert_eq!(err.location.field, *field, "{entry}");
    }
}

#[test]
fn unknown_flag_and_department_suggest() {
    let doc = entry_doc(r#"{"name":"B","role":"director","flags":["possesory"]}"#);
    let at = offset(&doc, "possesory").unwrap();
    assert_eq!(
        message(&doc),
        format!("byte {at}, entry 1 (\"flags\"): unknown flag \"possesory\" (did you mean \"possessory\"?)")
    );
    let doc = entry_doc(r#"{"name":"B","role":"custom","title":"X","department":"camra"}"#);
    let at = offset(&doc, "camra").unwrap();
    assert_eq!(
        message(&doc),
        format!(
            "byte {at}, entry 1 (\"department\"): unknown department \"camra\" (did you mean \"camera\"?)"
        )
    );
    // An unknown field suggests the nearest field of its own object.
    let doc = entry_doc(r#"{"name":"B","role":"cast","charcter":"X"}"#);
    let at = offset(&doc, "charcter").unwrap();
    assert_eq!(
        message(&doc),
        format!("byte {at}, entry 1: unknown field \"charcter\" (did you mean \"character\"?)")
    );
}

#[test]
fn numbers_float_and_beyond_i64_are_errors_with_offset() {
    let doc = entry_doc(r#"{"name":"B","role":"cast","fee":1.5}"#);
    let err = parse_err(&doc);
    assert_eq!(err.kind, ErrorKind::NotAnInteger);
    assert_eq!(err.location.place, Place::Entry(1));
    assert_eq!(err.location.field, Some(Field::Fee));
    assert_eq!(err.location.offset, offset(&doc, "1.5"));
    let doc = entry_doc(r#"{"name":"B","role":"cast","fee":9223372036854775808}"#);
    let err = parse_err(&doc);
    assert_eq!(err.kind, ErrorKind::NumberOutOfRange);
    assert_eq!(
        (err.location.place, err.location.field),
        (Place::Entry(1), Some(Field::Fee))
    );
    assert_eq!(
        parse_err(&entry_doc(r#"{"name":"B","role":"cast","fee":2e3}"#)).kind,
        ErrorKind::NotAnInteger
    );
}

#[test]
fn raw_control_characters_and_invalid_escapes_name_entry_and_field() {
    let doc = entry_doc("{\"name\":\"B\u{1}\",\"role\":\"cast\"}");
    let err = parse_err(&doc);
    assert_eq!(err.kind, ErrorKind::ControlCharacter);
    assert_eq!(err.location.place, Place::Entry(1));
    assert_eq!(err.location.field, Some(Field::Name));
    assert_eq!(err.location.offset, offset(&doc, "\u{1}"));
    let doc = entry_doc(r#"{"name":"B","role":"cast","character":"a\qb"}"#);
    let err = parse_err(&doc);
    assert_eq!(err.kind, ErrorKind::InvalidEscape);
    assert_eq!(
        (err.location.place, err.location.field),
        (Place::Entry(1), Some(Field::Character))
    );
    let err = parse_err(&entry_doc(r#"{"name":"\udc00","role":"cast"}"#));
    assert_eq!(err.kind, ErrorKind::InvalidUnicodeEscape);
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = "[".repeat(1_000_000);
    let err = parse_err(&deep);
    assert_eq!(
        err.kind,
        ErrorKind::TooDeep {
            limit: MAX_DEPTH as u16
        }
    );
    let deep = format!("{{\"entries\":{}", "[".repeat(1_000_000));
    assert_eq!(
        parse_err(&deep).kind,
        ErrorKind::TooDeep {
            limit: MAX_DEPTH as u16
        }
    );
}

#[test]
fn capacity_is_an_error_naming_the_first_entry_that_does_not_fit() {
    let entries: Vec<String> = (0..9)
        .map(|i| format!(r#"{{"name":"N{i}","role":"grip"}}"#))
        .collect();
    let doc = format!(r#"{{"entries":[{}]}}"#, entries.join(","));
    let err = parse_err(&doc);
    assert_eq!(
        err,
        at(
            ErrorKind::CapacityExceeded {
                what: Buffer::Entries,
                capacity: 8
            },
            Place::Entry(8),
            Field::Entries
        )
        // The offset of the entry that did not fit.
        .with_offset(doc.find(r#"{"name":"N8""#).unwrap())
    );
}

#[test]
fn a_table_filled_to_capacity_parses() {
    let entries: Vec<String> = (0..8)
        .map(|i| format!(r#"{{"name":"N{i}","role":"grip"}}"#))
        .collect();
    let lines: Vec<String> = (0..8)
        .map(|i| format!(r#"{{"account":2500,"amount":{i}}}"#))
        .collect();
    let doc = format!(
        r#"{{"entries":[{}],"lines":[{}]}}"#,
        entries.join(","),
        lines.join(",")
    );
    let mut scratch = vec![0u8; doc.len()];
    let mut table: Table<'_, 8> = Table::default();
    parse_table(doc.as_bytes(), &mut scratch, &mut table).unwrap();
    assert_eq!((table.entries().len(), table.lines().len()), (8, 8));
}

#[test]
fn scratch_too_small_is_an_error() {
    let input = br#"{"entries":[{"name":"Zo\u00eb","role":"grip"}]}"#;
    let mut scratch = [0u8; 2];
    let mut table: Table<'_, 2> = Table::default();
    let err = parse_table(input, &mut scratch, &mut table).unwrap_err();
    assert_eq!(err.kind, ErrorKind::ScratchTooSmall { needed: 4 });
    assert_eq!(
        (err.location.place, err.location.field),
        (Place::Entry(0), Some(Field::Name))
    );
    assert!(table.entries().is_empty());
}

#[test]
fn table_level_errors() {
    assert_eq!(
        parse_err(r#"{"currency":"XYZ"}"#).location.field,
        Some(Field::Currency)
    );
    assert_eq!(
        parse_err(r#"{"profile":"sitcom"}"#).location.field,
        Some(Field::Profile)
    );
    let err = parse_err(r#"{"chart":{"atl":[1000,2500]}}"#);
    assert_eq!(err.kind, ErrorKind::ChartOverlap);
    assert_eq!(err.location.place, Place::Chart);
    let err = parse_err(r#"{"lines":[{"account":1100,"amount":1},{"account":8100,"amount":5}]}"#);
    assert_eq!(
        err,
        at(
            ErrorKind::AccountOutsideChart { account: 8100 },
            Place::Line(1),
            Field::Account
        )
    );
    let doc = r#"{"charges":[{"name":"Bond","bps":100,"amount":5}]}"#;
    assert_eq!(
        parse_err(doc),
        at(ErrorKind::DuplicateField, Place::Charge(0), Field::Amount).with_offset(doc.find('5').unwrap())
    );
    let err = parse_err(r#"{"options":{"cast_order":"height"}}"#);
    assert_eq!(
        (err.location.place, err.location.field),
        (Place::Options, Some(Field::CastOrder))
    );
    assert_eq!(
        message(r#"{"titel":"x"}"#),
        "byte 2: unknown field \"titel\" (did you mean \"title\"?)"
    );
    assert_eq!(
        parse_err(r#"{"entries":{}}"#).kind,
        ErrorKind::WrongType {
            expected: Expected::EntryArray
        }
    );
    assert_eq!(
        parse_err(r#"{"title":"a"} x"#).kind,
        ErrorKind::Syntax(Syntax::TrailingCharacters)
    );
}

#[test]
fn previous_contents_are_replaced_and_errors_leave_the_table_empty() {
    let good = br#"{"title":"One","entries":[{"name":"A","role":"editor"}]}"#;
    let bad = br#"{"title":"Two","entries":[{"name":"A","role":"editor"},{"name":"B","role":"nope"}]}"#;
    let (mut first, mut second) = ([0u8; 16], [0u8; 16]);
    let mut table: Table<'_, 4> = Table::default();
    parse_table(good, &mut first, &mut table).unwrap();
    assert_eq!(table.entries().len(), 1);
    assert!(parse_table(bad, &mut second, &mut table).is_err());
    assert_eq!(table, Table::default());
}

#[test]
fn a_table_built_in_code_equals_the_same_table_parsed() {
    let input = br#"{
      "title": "Night Moves", "currency": "KWD", "profile": "episodic",
      "options": {"main_title_cast": 4, "end_credits": "end_only", "cast_order": "appearance", "cast_order_top": 2, "max_names_per_card": 3, "merge_hyphenates": false},
      "chart": {"other": [7000, 7499]},
      "entries": [
        {"name": "A", "role": "director", "flags": ["possessory", "guild"], "fee": 100, "fringe": {"bps": 1350, "cap": 90}},
        {"name": "B", "role": "cast", "character": "Kid", "billing": 1, "appearance": 3, "cast_credit": "introducing", "flags": ["above_title"]},
        {"name": "C", "role": "screenplay_by", "team": 2, "billing": 1, "account": 1150, "line": "atl"},
        {"name": "D", "role": "custom", "title": "Wrangler", "department": "Camera"}
      ],
      "lines": [{"account": 2300, "description": "Sets", "amount": -50}],
      "charges": [{"name": "Contingency", "bps": 1000, "exclude": ["atl", "post"]}, {"name": "Bond", "amount": 7}]
    }"#;
    let mut scratch = [0u8; 16];
    let mut parsed: Table<'_, 8> = Table::default();
    parse_table(input, &mut scratch, &mut parsed).unwrap();

    let mut built: Table<'_, 8> = Table::new("Night Moves");
    built.currency = Currency::KWD;
    built.profile = creditline::Profile::Episodic;
    built.options.main_title_cast = 4;
    built.options.end_credits = creditline::EndCredits::EndOnly;
    built.options.cast_order = creditline::CastOrder::Appearance;
    built.options.cast_order_top = 2;
    built.options.max_names_per_card = 3;
    built.options.merge_hyphenates = false;
    built.chart.ranges[3] = (7000, 7499);
    built
        .push(
            Entry::new("A", Role::Director)
                .flag(Flag::Possessory)
                .flag(Flag::Guild)
                .fee(100)
                .fringe(1350, Some(90)),
        )
        .unwrap()
        .push(
            Entry::new("B", Role::Cast)
                .character("Kid")
                .billing(1)
                .appearance(3)
                .cast_credit(CastCredit::Introducing)
                .flag(Flag::AboveTitle),
        )
        .unwrap()
        .push(
            Entry::new("C", Role::ScreenplayBy)
                .team(2)
                .billing(1)
                .account(1150)
                .line(creditline::Side::Atl),
        )
        .unwrap()
        .push(Entry::custom("D", "Wrangler", Department::Camera))
        .unwrap();
    built
        .push_line(Line {
            account: 2300,
            description: "Sets",
            amount: -50,
        })
        .unwrap();
    let exclude = SectionSet::default()
        .with(creditline::Section::Atl)
        .with(creditline::Section::Post);
    built
        .push_charge(Charge {
            name: "Contingency",
            rate: ChargeRate::Bps(1000),
            exclude,
        })
        .unwrap();
    built
        .push_charge(Charge {
            name: "Bond",
            rate: ChargeRate::Amount(7),
            exclude: SectionSet::default(),
        })
        .unwrap();
    assert_eq!(parsed, built);
}

#[test]
fn the_shipped_example_tables_parse() {
    for path in ["examples/tables/feature.json", "examples/tables/documentary.json"] {
        let input = std::fs::read(path).unwrap();
        let mut scratch = vec![0u8; input.len()];
        let mut table: Box<Table<'_, 256>> = Box::default();
        parse_table(&input, &mut scratch, &mut table).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(table.entries().len() >= 14, "{path}");
    }
}

/// Writing a table back and parsing it again gives the same table, escapes
/// included (the fuzz target `json_table` checks the same on any input).
#[test]
fn tables_round_trip_through_json() {
    for path in ["examples/tables/feature.json", "examples/tables/documentary.json"] {
        let input = std::fs::read(path).unwrap();
        let mut scratch = vec![0u8; input.len()];
        let mut table: Box<Table<'_, 128>> = Box::default();
        parse_table(&input, &mut scratch, &mut table).unwrap();
        let mut out = vec![0u8; 64 * 1024];
        let len = creditline::json::write_table(&table, &mut out).unwrap();
        let written = &out[..len];
        serde_json::from_slice::<serde_json::Value>(written).expect("valid JSON");
        let mut scratch2 = vec![0u8; len];
        let mut again: Box<Table<'_, 128>> = Box::default();
        parse_table(written, &mut scratch2, &mut again).unwrap();
        assert_eq!(*again, *table, "{path}");
    }
}
