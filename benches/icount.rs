//! One job, once, for an instruction count: `icount <job> <creditline|baseline>`
//! runs that job on the 4096-entry bench table, creditline or the std
//! baseline, the same call the `jobs` bench times. `benches/icount.py` runs
//! it under callgrind, counting only inside [`measured`]; `icount --list`
//! prints the jobs.
//!
//! Everything else is setup and not counted: generating the table text,
//! parsing it both ways, building the baseline's vocabulary and the output
//! buffers, and checking that the two implementations agree (which also
//! runs every job once before the counted call, as the timed bench does).

use std::hint::black_box;
use std::process::ExitCode;

use creditline::budget::{Workspace, classify_all, top_sheet};
use creditline::json::parse_table;
use creditline::order::{Credits, order};
use creditline::{Table, split};

mod baseline;
mod common;

use common::{CAP, SEQUENCES, check_same_results, table_json};

/// The jobs, named as the `jobs` bench's groups.
const JOBS: [&str; 7] = [
    "parse",
    "order_main_titles",
    "order_end_credits",
    "order_billing_block",
    "classify",
    "topsheet",
    "split",
];

/// The counted call: callgrind collects from entry to return of this
/// function only (`--toggle-collect`), so it must never be inlined. The
/// result is dropped inside it, as in the timed bench, where freeing what
/// the baseline allocated is part of each iteration.
#[inline(never)]
fn measured<R>(job: impl FnOnce() -> R) {
    drop(black_box(job()));
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (job, creditline) = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["--list"] => {
            JOBS.iter().for_each(|job| println!("{job}"));
            return ExitCode::SUCCESS;
        }
        [job, "creditline"] if JOBS.contains(&job) => (job, true),
        [job, "baseline"] if JOBS.contains(&job) => (job, false),
        // `cargo bench` (with `--bench`) and `cargo test --all-targets` (with
        // no arguments) run every bench target: nothing to do here.
        [] | [.., "--bench"] => {
            eprintln!("icount: counted by benches/icount.py under callgrind; nothing to do on its own");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("usage: icount <job> <creditline|baseline> | icount --list");
            eprintln!("jobs: {}", JOBS.join(", "));
            return ExitCode::from(2);
        }
    };

    let input = table_json(CAP);
    let mut scratch = vec![0u8; input.len()];
    let mut table: Box<Table<'_, CAP>> = Box::default();
    parse_table(input.as_bytes(), &mut scratch, &mut table).unwrap();
    let vocabulary = baseline::Vocabulary::new();
    let base = baseline::parse(&input);
    check_same_results(&table, &base, &vocabulary);
    let mut credits: Box<Credits<{ 2 * CAP + 2 }>> = Box::default();
    let mut workspace: Box<Workspace<CAP>> = Box::default();
    let weights: Vec<u32> = (0..CAP as u32).map(|i| i % 97 + 1).collect();
    let mut parts = vec![0i64; CAP];
    // The table borrows `scratch`; a parse needs a buffer of its own.
    let mut parse_scratch = vec![0u8; input.len()];

    match (job, creditline) {
        ("parse", true) => measured(|| {
            // A fresh table per parse, as in the timed bench.
            let mut fresh: Table<'_, CAP> = Table::new("");
            parse_table(black_box(input.as_bytes()), &mut parse_scratch, &mut fresh).unwrap();
            fresh.entries().len()
        }),
        ("parse", false) => measured(|| baseline::parse(black_box(&input))),
        ("classify", true) => measured(|| classify_all(black_box(&*table)).filter(|c| c.is_ok()).count()),
        ("classify", false) => measured(|| baseline::classify(black_box(&base), &vocabulary)),
        ("topsheet", true) => measured(|| top_sheet(black_box(&*table), &mut workspace).unwrap()),
        ("topsheet", false) => measured(|| baseline::top_sheet(black_box(&base), &vocabulary)),
        ("split", true) => measured(|| split(black_box(1_234_567_891), &weights, &mut parts).unwrap()),
        ("split", false) => measured(|| baseline::split(black_box(1_234_567_891), &weights)),
        (job, creditline) => {
            let &(_, sequence, id) = SEQUENCES.iter().find(|s| s.0 == job).unwrap();
            if creditline {
                measured(|| order(black_box(&*table), sequence, &mut credits).unwrap())
            } else {
                measured(|| baseline::order(black_box(&base), &vocabulary, id))
            }
        }
    }
    ExitCode::SUCCESS
}
