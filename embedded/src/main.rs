//! Firmware that orders a built-in 64-entry table and computes its top
//! sheet, so that `llvm-size` can report what the creditline core costs in
//! flash and RAM. With `--features json` the table is parsed from JSON.
#![no_std]
#![no_main]

use core::hint::black_box;

use cortex_m_rt::entry;
use creditline::budget::top_sheet;
use creditline::order::{order, Credits, Sequence};
#[cfg(not(feature = "json"))]
use creditline::{Entry, Flag, Role};
use creditline::{split, Table};
use panic_halt as _;

/// Entries of the built-in table.
const N: usize = 64;

#[cfg(not(feature = "json"))]
fn fill(table: &mut Table<'static, N>) -> Result<(), creditline::Error> {
    const CREW: [Role; 8] = [
        Role::Gaffer,
        Role::KeyGrip,
        Role::CameraOperator,
        Role::BoomOperator,
        Role::ArtDirector,
        Role::Costumer,
        Role::Driver,
        Role::ProductionAssistant,
    ];
    table.push(Entry::new("Ana Ruiz", Role::Director).flag(Flag::Possessory).fee(5_000_000))?;
    table.push(Entry::new("Bo Lind", Role::ScreenplayBy).team(1).billing(1))?;
    table.push(Entry::new("Cy Park", Role::ScreenplayBy).team(1).billing(2))?;
    table.push(Entry::new("Dee Shaw", Role::Producer).flag(Flag::Pga).fee(2_000_000))?;
    for i in 0..20u16 {
        table.push(Entry::new("Actor", Role::Cast).billing(i + 1).fee(100_000).fringe(2050, Some(1_000_000)))?;
    }
    for i in 0..40usize {
        table.push(Entry::new("Crew", CREW[i % CREW.len()]).fee(50_000).fringe(1800, None))?;
    }
    Ok(())
}

#[cfg(feature = "json")]
fn fill(table: &mut Table<'static, N>) -> Result<(), creditline::Error> {
    // The document's bytes under a name of their own, so that
    // `core_size.py` counts them as the firmware's.
    static INPUT: [u8; include_bytes!("../../examples/tables/documentary.json").len()] =
        *include_bytes!("../../examples/tables/documentary.json");
    static mut SCRATCH: [u8; 2048] = [0; 2048];
    // SAFETY: `fill` runs once, before anything else reads SCRATCH.
    let scratch: &'static mut [u8; 2048] = unsafe { &mut *core::ptr::addr_of_mut!(SCRATCH) };
    creditline::json::parse_table(&INPUT, scratch, table)
}

#[entry]
fn main() -> ! {
    let mut table: Table<'static, N> = Table::new("Firmware Feature");
    let mut credits: Credits<{ 2 * N + 2 }> = Credits::new();
    let mut parts = [0i64; 4];
    let ok = fill(&mut table).is_ok()
        && order(&table, Sequence::MainTitles, &mut credits).is_ok()
        && order(&table, Sequence::EndCredits, &mut credits).is_ok()
        && top_sheet(&table).is_ok_and(|sheet| split(sheet.grand_total, &[40, 30, 20, 10], &mut parts).is_ok());
    black_box((ok, credits.cards().len(), parts));
    loop {
        cortex_m::asm::wfi();
    }
}
