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
//!
//! # Keeping a table
//!
//! A [`Table`] borrows its strings from the input and from the scratch
//! buffer, so it cannot outlive them: a function that reads a file and
//! returns the table it parsed does not compile. A program that loads its
//! tables once can give both buffers the whole run with `Box::leak`, and
//! keep the table as long as it likes (a server that loads many tables
//! keeps each input and scratch buffer beside its table instead):
//!
//! ```
//! use creditline::{json, Error, Table};
//!
//! /// Parse `input` into a table that lives as long as the program.
//! fn load<const N: usize>(input: Vec<u8>) -> Result<Box<Table<'static, N>>, Error> {
//!     let scratch: &'static mut [u8] = Box::leak(vec![0u8; input.len()].into_boxed_slice());
//!     let input: &'static [u8] = Box::leak(input.into_boxed_slice());
//!     let mut table: Box<Table<'static, N>> = Box::default();
//!     json::parse_table(input, scratch, &mut table)?;
//!     Ok(table)
//! }
//!
//! let table = load::<64>(br#"{"title":"Heat","entries":[{"name":"Michael Mann","role":"director"}]}"#.to_vec())?;
//! assert_eq!(table.entries()[0].name, "Michael Mann");
//! # Ok::<(), Error>(())
//! ```

mod de;
mod scan;
mod ser;
mod strings;

pub use scan::MAX_DEPTH;
pub use ser::{write_classifications, write_credits, write_split, write_table, write_top_sheet};

use crate::error::{Buffer, Error, ErrorKind, Location, Syntax};
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
    if u32::try_from(input.len()).is_err() {
        // Offsets in errors are 32-bit: a document past 4 GiB is refused.
        return Err(Error::new(
            ErrorKind::CapacityExceeded {
                what: Buffer::Input,
                capacity: u32::MAX,
            },
            Location::TABLE,
        ));
    }
    let result = parse_into(input, scratch, table);
    if result.is_err() {
        table.reset();
    }
    result
}

// Never inlined: inlined into a caller with a large frame (a firmware's
// `main` holding the table and the credits), every access to the parser's
// state takes a longer instruction (1.6 KiB of flash; the footprint check
// of `.ci/run` guards it).
#[inline(never)]
fn parse_into<'a, const N: usize>(
    input: &'a [u8],
    scratch: &'a mut [u8],
    table: &mut Table<'a, N>,
) -> Result<(), Error> {
    let mut ctx = de::Ctx::new(input, scratch);
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
        let mut error = ctx
            .error
            .unwrap_or(Error::new(ErrorKind::Syntax(structural(e)), Location::TABLE));
        if error.location.offset.is_none() && error.location != Location::TABLE {
            // Point at the value the error is about, if the document has it.
            let Location { place, field, .. } = error.location;
            if let Some(offset) = scan::locate(input, place, field) {
                error = error.with_offset(offset);
            }
        }
        return Err(error);
    }
    table.validate()
}

/// Describe a structural serde-json-core error.
fn structural(e: serde_json_core::de::Error) -> Syntax {
    use serde_json_core::de::Error as E;
    match e {
        E::TrailingCharacters => Syntax::TrailingCharacters,
        E::TrailingComma => Syntax::TrailingComma,
        _ => Syntax::Structure,
    }
}

/// `error` as a message that quotes the offending value from `input`, the
/// document it came from: `byte 95, entry 3 ("role"): unknown role
/// "diretor" (did you mean "director"?)`.
///
/// ```
/// use creditline::{json, Table};
///
/// let input = br#"{"entries":[{"name":"Ana","role":"diretor"}]}"#;
/// let mut scratch = [0u8; 64];
/// let mut table: Table<'_, 4> = Table::default();
/// let error = json::parse_table(input, &mut scratch, &mut table).unwrap_err();
/// assert_eq!(
///     json::report(error, input).to_string(),
///     "byte 34, entry 0 (\"role\"): unknown role \"diretor\" (did you mean \"director\"?)"
/// );
/// ```
pub fn report(error: Error, input: &[u8]) -> crate::error::Report<'_> {
    error.report(value_at(input, error.location.offset))
}

/// The string value at `offset` of `input` (its raw text between the
/// quotes), if there is one: the offset is either the opening quote or the
/// first byte inside it.
fn value_at(input: &[u8], offset: Option<u32>) -> Option<&str> {
    let offset = usize::try_from(offset?).ok()?;
    let start = match (
        input.get(offset),
        offset.checked_sub(1).and_then(|o| input.get(o)),
    ) {
        (Some(b'"'), _) => offset.checked_add(1)?,
        (_, Some(b'"')) => offset,
        _ => return None,
    };
    let rest = input.get(start..)?;
    let mut escaped = false;
    let end = rest.iter().position(|&b| {
        let closes = b == b'"' && !escaped;
        escaped = b == b'\\' && !escaped;
        closes
    })?;
    core::str::from_utf8(rest.get(..end)?).ok()
}
