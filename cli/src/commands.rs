//! The CLI's commands: each writes its whole output into a `String` first,
//! so that an error prints nothing but the error line.

use std::fmt::Write;

use creditline::order::{order as order_sequence, Credits, Sequence, SEQUENCES};
use creditline::{json, Department, Error, Table, DEPARTMENTS};

use super::{Args, Failure, BigTable, CREDITS, OUTPUT};

/// Render one sequence as text or as the core's JSON.
pub fn order(table: &BigTable<'_>, sequence: Sequence, as_json: bool, out: &mut String) -> Result<(), Error> {
    let mut credits: Box<Credits<CREDITS>> = Box::default();
    order_sequence(table, sequence, &mut credits)?;
    if as_json {
        let mut buf = vec![0u8; OUTPUT];
        let len = json::write_credits(&credits, table, &mut buf)?;
        out.push_str(&String::from_utf8_lossy(&buf[..len]));
        out.push('\n');
    } else {
        let _ = write!(out, "{}", credits.text(table));
        for w in credits.warnings() {
            match w.entry {
                Some(i) => { let _ = writeln!(out, "warning: entry {i}: {}", w.code.id()); }
                None => { let _ = writeln!(out, "warning: {}", w.code.id()); }
            }
        }
    }
    Ok(())
}

/// Every sequence, readably.
pub fn show(table: &BigTable<'_>, out: &mut String) -> Result<(), Error> {
    for &(id, sequence) in SEQUENCES {
        let _ = writeln!(out, "== {} ==", id.replace('_', " "));
        order(table, sequence, false, out)?;
        out.push('\n');
    }
    Ok(())
}

/// Validate a table and summarise it.
pub fn check<const N: usize>(table: &Table<'_, N>, out: &mut String) {
    let entries = table.entries();
    let _ = writeln!(
        out,
        "ok: \"{}\", {} entries, {} budget lines, {} charges, currency {}",
        table.title,
        entries.len(),
        table.lines().len(),
        table.charges().len(),
        table.currency.code
    );
    for &department in DEPARTMENTS {
        let count = entries.iter().filter(|e| e.department == department).count();
        if count > 0 {
            let _ = writeln!(out, "  {:<24} {count}", department.id());
        }
    }
    let _: Option<Department> = None;
}

pub fn classify(_table: &BigTable<'_>, _as_json: bool, _out: &mut String) -> Result<(), Error> {
    Ok(())
}

pub fn topsheet(_table: &BigTable<'_>, _as_json: bool, _out: &mut String) -> Result<(), Error> {
    Ok(())
}

pub fn split(_args: &Args) -> Result<(), Failure> {
    Ok(())
}
