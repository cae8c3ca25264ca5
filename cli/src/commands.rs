//! The CLI's commands: each writes its whole output into a `String` first,
//! so that an error prints nothing but the error line.

use std::fmt::Write;

use creditline::order::{Credits, Sequence, order as order_sequence};
use creditline::{Department, Error, Table, budget, json};

use super::{Args, BigTable, CREDITS, Failure, OUTPUT};

/// Render one sequence as text or as the core's JSON.
pub fn order(table: &BigTable<'_>, sequence: Sequence, as_json: bool, out: &mut String) -> Result<(), Error> {
    let mut credits: Box<Credits<CREDITS>> = Box::default();
    order_sequence(table, sequence, &mut credits)?;
    if as_json {
        let mut buf = vec![0u8; OUTPUT];
        let len = json::write_credits(&credits, table, &mut buf)?;
        push_json(out, &buf[..len]);
    } else {
        let _ = write!(out, "{}", credits.text(table));
        write_warnings(table, &credits, out);
    }
    Ok(())
}

/// Every sequence and the top sheet, readably.
pub fn show(table: &BigTable<'_>, out: &mut String) -> Result<(), Error> {
    for &sequence in Sequence::ALL {
        let id = sequence.id();
        let _ = writeln!(out, "== {} ==", id.replace('_', " "));
        order(table, sequence, false, out)?;
        out.push('\n');
    }
    let _ = writeln!(out, "== top sheet ==");
    topsheet(table, false, out)
}

/// The warnings of an ordered table, one sentence each, naming the entry
/// by its index and name.
fn write_warnings<const N: usize, const M: usize>(
    table: &Table<'_, N>,
    credits: &Credits<M>,
    out: &mut String,
) {
    for w in credits.warnings() {
        let name = w.entry.and_then(|i| table.entry(i)).map(|e| e.name);
        match (w.entry, name) {
            (Some(i), Some(name)) => {
                let _ = writeln!(out, "warning: entry {i} ({name}): {}", w.code.message());
            }
            _ => {
                let _ = writeln!(out, "warning: {}", w.code.message());
            }
        }
    }
}

/// Validate a table (its ordering's warnings included) and summarise it;
/// whether it has warnings.
pub fn check(table: &BigTable<'_>, out: &mut String) -> Result<bool, Error> {
    let mut credits: Box<Credits<CREDITS>> = Box::default();
    // The warnings are the table's: any sequence finds them all.
    order_sequence(table, Sequence::MainTitles, &mut credits)?;
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
    for &department in Department::ALL {
        let count = entries.iter().filter(|e| e.department == department).count();
        if count > 0 {
            let _ = writeln!(out, "  {:<24} {count}", department.id());
        }
    }
    write_warnings(table, &credits, out);
    Ok(credits.warnings().next().is_some())
}

/// Side, section, account and reason of every entry.
pub fn classify(table: &BigTable<'_>, as_json: bool, out: &mut String) -> Result<(), Error> {
    if as_json {
        let mut buf = vec![0u8; OUTPUT];
        let len = json::write_classifications(table, &mut buf)?;
        push_json(out, &buf[..len]);
        return Ok(());
    }
    // Columns as wide as their longest value, counted in characters.
    let width = |values: &mut dyn Iterator<Item = &str>, header: &str| {
        values
            .map(|v| v.chars().count())
            .max()
            .unwrap_or(0)
            .max(header.len())
    };
    let entries = table.entries();
    let name_width = width(&mut entries.iter().map(|e| e.name), "name");
    let role_width = width(&mut entries.iter().map(|e| e.role.id()), "role");
    let pad = |text: &str, width: usize| {
        let fill = width.saturating_sub(text.chars().count());
        format!("{text}{}", " ".repeat(fill))
    };
    let _ = writeln!(
        out,
        "{:>5}  {}  {}  {:<4}  {:<10}  {:>7}  reason",
        "entry",
        pad("name", name_width),
        pad("role", role_width),
        "side",
        "section",
        "account"
    );
    for (index, (entry, c)) in entries.iter().zip(budget::classify_all(table)).enumerate() {
        let c = c?;
        let account = c.account.map_or(String::from("-"), |a| a.to_string());
        let section = c.section.map_or("-", |s| s.id());
        let _ = writeln!(
            out,
            "{index:>5}  {}  {}  {:<4}  {:<10}  {account:>7}  {}",
            pad(entry.name, name_width),
            pad(entry.role.id(), role_width),
            c.side.id(),
            section,
            c.reason.id()
        );
    }
    Ok(())
}

/// The budget top sheet.
pub fn topsheet(table: &BigTable<'_>, as_json: bool, out: &mut String) -> Result<(), Error> {
    let sheet = budget::top_sheet(table, &mut Box::default())?;
    if as_json {
        let mut buf = vec![0u8; 64 * 1024];
        let len = json::write_top_sheet(&sheet, &mut buf)?;
        push_json(out, &buf[..len]);
    } else {
        let _ = write!(out, "{sheet}");
    }
    Ok(())
}

/// Split a total across weights by largest remainder.
pub fn split(args: &Args) -> Result<(), Failure> {
    let total = args.total.ok_or_else(|| super::usage("split needs --total"))?;
    let mut parts = vec![0i64; args.weights.len()];
    let fail = |e: Error| Failure(format!("creditline split: {e}"), 1);
    match &args.caps {
        // Each share at most its cap (a deferment's face value), the excess
        // re-split among the others.
        Some(caps) => creditline::split_capped(total, &args.weights, caps, &mut parts).map_err(fail)?,
        None => creditline::split(total, &args.weights, &mut parts).map_err(fail)?,
    }
    let mut out = String::new();
    if args.json {
        let mut buf = vec![0u8; 32 * (parts.len() + 2)];
        let len = json::write_split(total, &parts, &mut buf).map_err(fail)?;
        push_json(&mut out, &buf[..len]);
    } else {
        // Amounts in minor units, or as money in `--currency`.
        let amount = |minor: i64| match args.currency {
            Some(currency) => currency.amount(minor).to_string(),
            None => minor.to_string(),
        };
        for (weight, part) in args.weights.iter().zip(&parts) {
            let _ = writeln!(out, "{weight:>12}  {:>20}", amount(*part));
        }
        let _ = writeln!(out, "{:>12}  {:>20}", "total", amount(total));
    }
    print!("{out}");
    Ok(())
}

/// A JSON document from the core, on its own line.
fn push_json(out: &mut String, bytes: &[u8]) {
    out.push_str(&String::from_utf8_lossy(bytes));
    out.push('\n');
}
