//! Arbitrary bytes into the JSON parser. When a table parses: check that
//! every entry passes `Entry::validate`, order all three sequences,
//! classify, compute the top sheet, serialize every result, check with
//! serde_json that each document is valid JSON, and that the table written
//! back parses to the same table.
#![no_main]

use creditline::Table;
use creditline::budget::{classify_all, top_sheet};
use creditline::json::{parse_table, write_classifications, write_credits, write_table, write_top_sheet};
use creditline::order::{Credits, Sequence, order};
use libfuzzer_sys::fuzz_target;

const N: usize = 64;

fn valid(doc: &[u8]) {
    if let Err(e) = serde_json::from_slice::<serde_json::Value>(doc) {
        panic!("invalid JSON emitted ({e}): {}", String::from_utf8_lossy(doc));
    }
}

fuzz_target!(|data: &[u8]| {
    let mut scratch = vec![0u8; data.len()];
    let mut table: Box<Table<'_, N>> = Box::default();
    if parse_table(data, &mut scratch, &mut table).is_err() {
        assert!(
            table.entries().is_empty() && table.lines().is_empty(),
            "half-filled table"
        );
        return;
    }
    // The reader checks each entry's rules itself: every entry it keeps
    // passes `Entry::validate`.
    for (i, entry) in table.entries().iter().enumerate() {
        entry.validate(i).expect("a parsed entry is valid");
    }
    let mut out = vec![0u8; 1 << 18];
    let mut credits: Box<Credits<{ 2 * N + 2 }>> = Box::default();
    for sequence in [Sequence::MainTitles, Sequence::EndCredits, Sequence::BillingBlock] {
        order(&table, sequence, &mut credits).expect("a parsed table orders");
        let len = write_credits(&credits, &table, &mut out).expect("fits");
        valid(&out[..len]);
        let _ = credits.text(&table).to_string();
    }
    let all_classified = classify_all(&table).all(|c| c.is_ok());
    match write_classifications(&table, &mut out) {
        Ok(len) => valid(&out[..len]),
        Err(_) => assert!(!all_classified),
    }
    if let Ok(sheet) = top_sheet(&table, &mut Box::default()) {
        let len = write_top_sheet(&sheet, &mut out).expect("fits");
        valid(&out[..len]);
        let _ = sheet.to_string();
    }
    let len = write_table(&table, &mut out).expect("fits");
    let written = out[..len].to_vec();
    valid(&written);
    let mut scratch2 = vec![0u8; written.len()];
    let mut again: Box<Table<'_, N>> = Box::default();
    parse_table(&written, &mut scratch2, &mut again)
        .unwrap_or_else(|e| panic!("re-parse failed ({e}): {}", String::from_utf8_lossy(&written)));
    assert_eq!(*again, *table, "round trip changed the table");
});
