//! JSON out: every result serializes with serde-json-core into a
//! caller-provided buffer, so every frontend emits the same bytes (SPEC
//! §5.1). Strings are the decoded text, escaped by serde-json-core's string
//! serializer, so the output is always valid JSON. A buffer that is too
//! small is an error, never a truncated document.

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::error::{Error, ErrorKind, Location};
use crate::order::{Card, CardKind, Credits};
use crate::table::{CastCredit, Table};

/// Serialize `value` into `buf`; the number of bytes written.
pub(crate) fn to_buffer<T: Serialize>(value: &T, buf: &mut [u8]) -> Result<usize, Error> {
    serde_json_core::to_slice(value, buf).map_err(|_| Error::new(ErrorKind::BufferTooSmall, Location::TABLE))
}

/// Write the cards and warnings of `credits` as the CLI's `order --json`
/// document (SPEC §5.1) into `buf`; returns the length written.
pub fn write_credits<const N: usize, const M: usize>(
    credits: &Credits<M>,
    table: &Table<'_, N>,
    buf: &mut [u8],
) -> Result<usize, Error> {
    to_buffer(&CreditsDoc { credits, table }, buf)
}

/// Serialize the items of an iterator as a JSON array.
pub(crate) struct Array<F>(pub(crate) F);

impl<F, I> Serialize for Array<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

struct CreditsDoc<'c, 'a, const N: usize, const M: usize> {
    credits: &'c Credits<M>,
    table: &'c Table<'a, N>,
}

impl<const N: usize, const M: usize> Serialize for CreditsDoc<'_, '_, N, M> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (credits, table) = (self.credits, self.table);
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("sequence", credits.sequence().id())?;
        let cards = || credits.cards().iter().map(|card| CardDoc { credits, card, table });
        map.serialize_entry("cards", &Array(cards))?;
        let warnings = || {
            credits.warnings().iter().map(|w| WarningDoc {
                entry: w.entry,
                code: w.code.id(),
            })
        };
        map.serialize_entry("warnings", &Array(warnings))?;
        map.end()
    }
}

#[derive(serde::Serialize)]
struct WarningDoc {
    entry: Option<usize>,
    code: &'static str,
}

struct CardDoc<'c, 'a, const N: usize, const M: usize> {
    credits: &'c Credits<M>,
    card: &'c Card,
    table: &'c Table<'a, N>,
}

impl<const N: usize, const M: usize> Serialize for CardDoc<'_, '_, N, M> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (credits, card, table) = (self.credits, self.card, self.table);
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("heading", credits.heading(card, table))?;
        map.serialize_entry("roles", &Array(|| credits.roles(card, table)))?;
        let shown = || credits.shown(card, table).map(|(_, e)| e);
        if card.kind == CardKind::Title {
            map.serialize_entry("names", &[table.title])?;
        } else {
            map.serialize_entry("names", &Array(|| shown().map(|e| e.name)))?;
        }
        let suffix = crate::order::suffix;
        if shown().any(|e| !suffix(e).is_empty()) {
            map.serialize_entry("suffixes", &Array(|| shown().map(suffix)))?;
        }
        let has_characters =
            matches!(card.kind, CardKind::CastList | CardKind::CastCredit(CastCredit::AndAs));
        if has_characters {
            map.serialize_entry("characters", &Array(|| shown().map(|e| e.character.unwrap_or(""))))?;
        }
        map.serialize_entry("text", &Text(credits.card_text(card, table)))?;
        map.end()
    }
}

/// A `Display` value serialized as a JSON string, escaped on the way.
pub(crate) struct Text<T>(pub(crate) T);

impl<T: core::fmt::Display> Serialize for Text<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}
