//! Helpers shared by the integration tests.
#![allow(dead_code)]

use creditline::Table;
use creditline::json::{parse_table, write_credits};
use creditline::order::{Credits, Sequence, order};

/// Capacity of the test tables.
pub const N: usize = 64;
/// Capacity of the test credits.
pub const M: usize = 2 * N + 2;

/// Parse a JSON table; input and scratch are leaked so the table is `'static`.
pub fn table(json: &str) -> &'static Table<'static, N> {
    let input: &'static [u8] = Box::leak(json.as_bytes().to_vec().into_boxed_slice());
    let scratch: &'static mut [u8] = Box::leak(vec![0u8; input.len()].into_boxed_slice());
    let table: &'static mut Table<'static, N> = Box::leak(Box::default());
    parse_table(input, scratch, table).unwrap_or_else(|e| panic!("{e}"));
    table
}

/// A table of `entries` (a JSON array body) with `options` (a JSON object body).
pub fn with_entries(options: &str, entries: &str) -> &'static Table<'static, N> {
    table(&format!(
        r#"{{"title":"The Title","options":{{{options}}},"entries":[{entries}]}}"#
    ))
}

pub fn credits(table: &Table<'_, N>, sequence: Sequence) -> Credits<M> {
    let mut credits = Credits::new();
    order(table, sequence, &mut credits).unwrap_or_else(|e| panic!("{e}"));
    credits
}

/// Every card as it reads on screen.
pub fn texts(table: &Table<'_, N>, sequence: Sequence) -> Vec<String> {
    let credits = credits(table, sequence);
    credits
        .cards()
        .iter()
        .map(|card| credits.card_text(card, table).to_string())
        .collect()
}

/// The core's JSON document for a sequence, parsed by serde_json as an oracle.
pub fn json(table: &Table<'_, N>, sequence: Sequence) -> serde_json::Value {
    let credits = credits(table, sequence);
    let mut buf = vec![0u8; 1 << 16];
    let len = write_credits(&credits, table, &mut buf).unwrap();
    serde_json::from_slice(&buf[..len]).expect("the core emits valid JSON")
}
