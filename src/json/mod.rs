//! JSON in and out (feature `json`): the only module that knows the wire
//! format (SPEC §5).
//!
//! serde-json-core fills the [`Table`] through visitors that check every
//! string (control characters, escapes, surrogate pairs) and decode escaped
//! strings into the caller's scratch buffer. When anything fails, a
//! non-recursive scan of the document (UTF-8, strings, escapes, integers,
//! nesting depth) locates syntax, string and number errors by byte offset;
//! otherwise the visitors' error names the entry and field. Nothing is
//! allocated, and on any error the table is left empty.

mod de;
mod scan;
mod ser;
mod strings;

pub use scan::MAX_DEPTH;
pub use ser::{write_classifications, write_credits, write_split, write_table, write_top_sheet};

use crate::error::{Error, ErrorKind, Location};
use crate::table::Table;

/// Parse a JSON role table into `table`.
///
/// Strings without escapes borrow from `input`; strings with escapes are
/// decoded into `scratch` (its size bounds the decoded text: the input's
/// length always suffices). Whatever `table` held before is replaced; on
/// error it is left empty.
///
/// ```
/// use creditline::{json, Role, Table};
///
/// let input = br#"{"title":"Heat","entries":[{"name":"Zo\u00e9 \"Z\" Kay","role":"director"}]}"#;
/// let mut scratch = [0u8; 64];
/// let mut table: Table<'_, 8> = Table::default();
/// json::parse_table(input, &mut scratch, &mut table).unwrap();
/// assert_eq!(table.entries()[0].name, "Zoé \"Z\" Kay");
/// assert_eq!(table.entries()[0].role, Role::Director);
/// ```
pub fn parse_table<'a, const N: usize>(
    input: &'a [u8],
    scratch: &'a mut [u8],
    table: &mut Table<'a, N>,
) -> Result<(), Error> {
    table.reset();
    let result = parse_into(input, scratch, table);
    if result.is_err() {
        table.reset();
    }
    result
}

// Never inlined: inlined into a caller with a large frame (a firmware's
// `main` holding the table and the credits), every access to the parser's
// state took a longer instruction, 1.6 KiB of flash in all.
#[inline(never)]
fn parse_into<'a, const N: usize>(
    input: &'a [u8],
    scratch: &'a mut [u8],
    table: &mut Table<'a, N>,
) -> Result<(), Error> {
    let mut ctx = de::Ctx::new(scratch);
    let mut deserializer = serde_json_core::de::Deserializer::new(input, None);
    let seed = de::ObjectSeed {
        ctx: &mut ctx,
        object: de::TableFields { table: &mut *table },
    };
    let parsed = serde::de::DeserializeSeed::deserialize(seed, &mut deserializer)
        .and_then(|_| deserializer.end().map(|_| ()));
    if let Err(e) = parsed {
        // The scan finds syntax, string and number errors with their byte
        // offset; it runs only on failure, so a valid document is read once.
        scan::scan(input)?;
        // Otherwise our visitors recorded a precise error; serde-json-core's
        // own errors are only structural.
        return Err(ctx
            .error
            .unwrap_or(Error::new(ErrorKind::Syntax(structural(e)), Location::TABLE)));
    }
    table.validate()
}

/// Describe a structural serde-json-core error.
fn structural(e: serde_json_core::de::Error) -> &'static str {
    use serde_json_core::de::Error as E;
    match e {
        E::InvalidType => "a value has the wrong type",
        E::TrailingCharacters => "trailing characters",
        E::TrailingComma => "trailing comma",
        _ => "unexpected structure",
    }
}
