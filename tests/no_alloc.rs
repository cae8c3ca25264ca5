//! Proof that the core allocates nothing: a counting global allocator
//! around parsing, ordering all three sequences, classifying, the top sheet,
//! the JSON output and splitting a 4096-entry table.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

use creditline::budget::{Workspace, classify_all, top_sheet};
use creditline::json::{parse_table, write_credits, write_top_sheet};
use creditline::order::{Credits, Sequence, order};
use creditline::vocabulary::ROLES;
use creditline::{Table, split, split_capped};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// Only the measuring thread counts, so the test harness's own threads
    /// do not disturb the figure.
    static MEASURING: Cell<bool> = const { Cell::new(false) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if MEASURING.with(Cell::get) {
            ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        }
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if MEASURING.with(Cell::get) {
            ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations made by `f` on this thread.
fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.load(Ordering::SeqCst);
    MEASURING.with(|m| m.set(true));
    f();
    MEASURING.with(|m| m.set(false));
    ALLOCATIONS.load(Ordering::SeqCst) - before
}

const N: usize = 4096;

/// A deterministic 4096-entry table: every role in turn, billing, teams,
/// cast with characters, fees with fringes, escaped names.
fn big_table_json() -> String {
    let mut entries = Vec::new();
    for i in 0..N {
        let role = ROLES[i % ROLES.len()].id();
        let billing = if i % 3 == 0 {
            format!(r#","billing":{}"#, i % 50 + 1)
        } else {
            String::new()
        };
        let team = if role.ends_with("_by") && i % 2 == 0 {
            r#","team":1"#
        } else {
            ""
        };
        entries.push(format!(
            r#"{{"name":"Person \u00e9 {i}","role":"{role}","character":"Role {i}","fee":{}{billing}{team},"fringe":{{"bps":1800,"cap":5000000}}}}"#,
            1000 + i * 37
        ));
    }
    format!(
        r#"{{"title":"Big","options":{{"end_credits":"end_only","cast_order":"alphabetical"}},"entries":[{}],"lines":[{{"account":2300,"description":"Sets","amount":100}}],"charges":[{{"name":"Contingency","bps":750}}]}}"#,
        entries.join(",")
    )
}

#[test]
fn the_core_allocates_nothing() {
    let input = big_table_json();
    let mut scratch = vec![0u8; input.len()];
    let mut table: Box<Table<'_, N>> = Box::default();
    let mut credits: Box<Credits<{ 2 * N + 2 }>> = Box::default();
    let mut workspace: Box<Workspace<N>> = Box::default();
    let mut out = vec![0u8; 4 << 20];
    let weights: Vec<u32> = (1..=N as u32).collect();
    let caps = vec![1_000_000i64; N];
    let mut parts = vec![0i64; N];

    let count = allocations(|| {
        parse_table(input.as_bytes(), &mut scratch, &mut table).unwrap();
        for sequence in [Sequence::MainTitles, Sequence::BillingBlock, Sequence::EndCredits] {
            order(&table, sequence, &mut credits).unwrap();
            write_credits(&credits, &table, &mut out).unwrap();
        }
        assert!(classify_all(&table).all(|c| c.is_ok()));
        let sheet = top_sheet(&table, &mut workspace).unwrap();
        write_top_sheet(&sheet, &mut out).unwrap();
        split(sheet.grand_total, &weights, &mut parts).unwrap();
        split_capped(1_000_000_000, &weights, &caps, &mut parts).unwrap();
    });
    assert_eq!(table.entries().len(), N);
    assert!(credits.items().len() >= N, "the end credits show every entry");
    assert_eq!(count, 0, "the core allocated {count} times");
    // The counter works: an allocation on this thread is seen.
    let seen = allocations(|| drop(std::hint::black_box(vec![1u8; 16])));
    assert_eq!(seen, 1);
}
