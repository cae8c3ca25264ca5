//! docs/FORMAT.md lists every id of the format; these tests hold each list
//! to the code, so that the reference can never go stale.

use creditline::money::CURRENCIES;
use creditline::vocabulary::ROLES;
use creditline::{CastCredit, CastOrder, Department, EndCredits, Flag, Profile, Section};

const FORMAT: &str = include_str!("../docs/FORMAT.md");

/// The rows of the id table marked `<!-- ids:NAME -->`, as their cells
/// without the backticks.
fn rows(name: &str) -> Vec<Vec<String>> {
    let start = FORMAT
        .find(&format!("<!-- ids:{name} -->"))
        .unwrap_or_else(|| panic!("docs/FORMAT.md has no id table {name}"));
    let end = start + FORMAT[start..].find("<!-- /ids -->").expect("the table ends");
    FORMAT[start..end]
        .lines()
        .filter(|line| line.starts_with("| `"))
        .map(|line| {
            line.trim_matches('|')
                .split('|')
                .map(|cell| cell.trim().trim_matches('`').to_string())
                .collect()
        })
        .collect()
}

/// The first cells of a table.
fn ids(name: &str) -> Vec<String> {
    rows(name).into_iter().map(|row| row[0].clone()).collect()
}

fn strings<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<String> {
    ids.map(str::to_string).collect()
}

#[test]
fn roles_are_the_vocabulary_with_department_title_and_account() {
    let expected: Vec<Vec<String>> = ROLES
        .iter()
        .map(|r| {
            vec![
                r.id().to_string(),
                r.department.id().to_string(),
                r.singular().to_string(),
                r.account.to_string(),
            ]
        })
        .collect();
    assert_eq!(rows("roles"), expected);
}

#[test]
fn departments_are_in_crawl_order_with_their_headings() {
    let expected: Vec<Vec<String>> = Department::ALL
        .iter()
        .map(|d| vec![d.id().to_string(), d.heading().to_string()])
        .collect();
    assert_eq!(rows("departments"), expected);
}

#[test]
fn every_other_id_list_is_the_code_s() {
    assert_eq!(ids("flags"), strings(Flag::ALL.iter().map(|f| f.id())));
    assert_eq!(
        ids("cast_credits"),
        strings(CastCredit::ALL.iter().map(|c| c.id()))
    );
    assert_eq!(ids("profiles"), strings(Profile::ALL.iter().map(|p| p.id())));
    assert_eq!(
        ids("end_credits"),
        strings(EndCredits::ALL.iter().map(|e| e.id()))
    );
    assert_eq!(ids("cast_orders"), strings(CastOrder::ALL.iter().map(|c| c.id())));
    assert_eq!(ids("sections"), strings(Section::ALL.iter().map(|s| s.id())));
    let currencies: Vec<Vec<String>> = CURRENCIES
        .iter()
        .map(|c| vec![c.code.to_string(), c.exponent.to_string()])
        .collect();
    assert_eq!(rows("currencies"), currencies);
}
