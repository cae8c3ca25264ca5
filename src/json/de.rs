//! serde-json-core visitors that fill a [`Table`] straight from the input.
//!
//! Strings arrive raw (serde-json-core is given no unescape buffer) and are
//! decoded here into the caller's scratch buffer; strings without escapes
//! borrow from the input. Every object rejects unknown and repeated fields.
//! The first error is kept in [`Ctx`] with its byte offset, place and
//! field, because serde-json-core's own errors carry none of them. Rows
//! are appended with [`Table::push`] and friends, which check each row's
//! own rules: this module checks only what the JSON form adds (types,
//! ranges of integers, required fields).

use core::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::strings::{DecodeError, decode, needs_decoding};
use crate::error::{Error, ErrorKind, Expected, Field, IdKind, Location, Place, Suggestion, narrow};
use crate::ids::same_id;
use crate::money::Currency;
use crate::table::{
    CastCredit, CastOrder, Charge, ChargeRate, EndCredits, Entry, Flag, Flags, Fringe, Line, Options,
    Profile, Section, SectionSet, Table,
};
use crate::vocabulary::{Department, Role, Side};

// A field's bit in the `seen` set of an object is its position in
// `Field::ALL`.
const _: () = assert!(Field::ALL.len() <= 64, "a field's bit fits a u64");

/// Parsing state shared by every visitor: the scratch buffer for decoded
/// strings, where we are, and the first error.
pub(super) struct Ctx<'a> {
    input: &'a [u8],
    scratch: &'a mut [u8],
    scratch_used: usize,
    place: Place,
    field: Option<Field>,
    /// The key that followed each field the last time (by [`Field`] code;
    /// the first key of an object at the end).
    followers: [Option<Field>; Field::ALL.len() + 1],
    /// Byte offset of the value an error is about, where the reader knows
    /// it (a string in an array, an escape); otherwise the error's place
    /// and field are located once the read has failed (`scan::locate`),
    /// which costs a valid document nothing.
    offset: Option<usize>,
    pub(super) error: Option<Error>,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(input: &'a [u8], scratch: &'a mut [u8]) -> Self {
        Ctx {
            input,
            scratch,
            scratch_used: 0,
            place: Place::Table,
            field: None,
            followers: [None; Field::ALL.len() + 1],
            offset: None,
            error: None,
        }
    }

    /// Record `kind` at the current place and field (the first error wins)
    /// and return the serde error that unwinds the parse.
    fn fail<E: de::Error>(&mut self, kind: ErrorKind) -> E {
        self.record(kind);
        E::custom("")
    }

    /// The non-generic, out-of-line half of [`Ctx::fail`]: errors are rare,
    /// and one copy serves every error site of the reader.
    #[cold]
    #[inline(never)]
    fn record(&mut self, kind: ErrorKind) {
        if self.error.is_none() {
            self.error = Some(Error::new(
                kind,
                Location {
                    offset: self.offset.map(narrow),
                    place: self.place,
                    field: self.field,
                },
            ));
        }
    }

    /// Convert a serde-json-core error on the current field into ours.
    fn wrong_type<E: de::Error>(&mut self, expected: Expected) -> impl FnOnce(E) -> E + '_ {
        move |_| self.fail(ErrorKind::WrongType { expected })
    }

    /// Where `text`, a slice of the input, starts in it.
    fn offset_of(&self, text: &str) -> Option<usize> {
        (text.as_ptr() as usize).checked_sub(self.input.as_ptr() as usize)
    }

    /// Point errors at `text`, a string of the input.
    fn at(&mut self, text: &str) {
        self.offset = self.offset_of(text);
    }

    /// Decode a raw string: borrow it when it has no escape, else decode it
    /// into the scratch buffer.
    ///
    /// An error about the string points at the current key's value (a
    /// string in an array is pointed at by its reader).
    fn text<E: de::Error>(&mut self, raw: &'a str) -> Result<&'a str, E> {
        if !needs_decoding(raw) {
            return Ok(raw);
        }
        self.at(raw);
        let buffer = core::mem::take(&mut self.scratch);
        match decode(raw, buffer) {
            Ok(len) => {
                let (decoded, rest) = buffer.split_at_mut(len);
                self.scratch = rest;
                self.scratch_used = self.scratch_used.saturating_add(len);
                let decoded: &'a [u8] = decoded;
                core::str::from_utf8(decoded).map_err(|_| self.fail(ErrorKind::InvalidUtf8))
            }
            Err(e) => {
                self.scratch = buffer;
                Err(self.fail(match e {
                    DecodeError::TooSmall(needed) => ErrorKind::ScratchTooSmall {
                        needed: narrow(self.scratch_used.saturating_add(needed)),
                    },
                    DecodeError::InvalidEscape => ErrorKind::InvalidEscape,
                    DecodeError::InvalidUnicode => ErrorKind::InvalidUnicodeEscape,
                    DecodeError::Control => ErrorKind::ControlCharacter,
                }))
            }
        }
    }

    /// Enter a key of an object: check it is one of `allowed` (whose bits
    /// are `allowed_bits`) and not repeated (`seen` has the bit of every
    /// field read).
    ///
    /// The rows of a document repeat an order of keys, so the key that
    /// followed the `previous` one last time is tried first; another is
    /// looked up by hash. A JSON key is the largest share of parsing's
    /// instructions outside serde-json-core (`benches/icount.py` guards
    /// the parse).
    #[inline(always)]
    fn key<E: de::Error>(
        &mut self,
        raw: &'a str,
        (allowed, allowed_bits): (&[Field], u64),
        previous: Option<Field>,
        seen: &mut u64,
    ) -> Result<Field, E> {
        let slot = previous.map_or(Field::ALL.len(), |field| field as usize);
        let guess = self.followers.get(slot).copied().flatten();
        let found = match guess {
            Some(field) if same_id(field.id().as_bytes(), raw.as_bytes()) => Some(field),
            _ => Field::from_exact_id(raw),
        };
        let Some(field) = found.filter(|&field| allowed_bits & bit(field) != 0) else {
            return Err(self.unknown_key(raw, allowed));
        };
        if let Some(follower) = self.followers.get_mut(slot) {
            *follower = Some(field);
        }
        self.field = Some(field);
        if *seen & bit(field) != 0 {
            return Err(self.fail(ErrorKind::DuplicateField));
        }
        *seen |= bit(field);
        Ok(field)
    }

    /// A key that is not one of `allowed`, with the nearest one.
    #[cold]
    #[inline(never)]
    fn unknown_key<E: de::Error>(&mut self, raw: &str, allowed: &[Field]) -> E {
        self.field = None;
        self.at(raw);
        let suggestion = crate::wire::nearest(raw, &mut allowed.iter().map(|f| f.id()))
            .and_then(|position| allowed.get(position))
            .map(|&field| Suggestion::new(IdKind::Field, field as u16));
        self.fail(ErrorKind::Unknown {
            kind: IdKind::Field,
            suggestion,
        })
    }

    fn string<A: MapAccess<'a>>(&mut self, map: &mut A) -> Result<&'a str, A::Error> {
        let Raw(raw) = map.next_value().map_err(self.wrong_type(Expected::String))?;
        self.text(raw)
    }

    fn integer<A: MapAccess<'a>>(&mut self, map: &mut A) -> Result<i64, A::Error> {
        map.next_value::<i64>()
            .map_err(self.wrong_type(Expected::Integer))
    }

    /// An integer in `0..=u16::MAX` (positions, counts, accounts).
    fn small<A: MapAccess<'a>>(&mut self, map: &mut A) -> Result<u16, A::Error> {
        let value = self.integer(map)?;
        u16::try_from(value).map_err(|_| self.fail(ErrorKind::NumberOutOfRange))
    }

    fn bps<A: MapAccess<'a>>(&mut self, map: &mut A) -> Result<u32, A::Error> {
        let value = self.integer(map)?;
        u32::try_from(value).map_err(|_| self.fail(ErrorKind::NumberOutOfRange))
    }

    fn boolean<A: MapAccess<'a>>(&mut self, map: &mut A) -> Result<bool, A::Error> {
        map.next_value::<bool>()
            .map_err(self.wrong_type(Expected::Boolean))
    }

    /// A value that the `convert` function reads from a string (an id).
    fn parsed<A: MapAccess<'a>, T>(
        &mut self,
        map: &mut A,
        convert: fn(&str) -> Result<T, ErrorKind>,
    ) -> Result<T, A::Error> {
        let text = self.string(map)?;
        convert(text).map_err(|kind| self.fail(kind))
    }

    /// A role id. One written exactly as in the vocabulary holds no escape
    /// and no control character, so it needs no decoding.
    fn role<A: MapAccess<'a>>(&mut self, map: &mut A) -> Result<Role, A::Error> {
        let Raw(raw) = map.next_value().map_err(self.wrong_type(Expected::String))?;
        if let Some(role) = Role::from_exact_id(raw) {
            return Ok(role);
        }
        let text = self.text(raw)?;
        Role::from_id(text).map_err(|kind| self.fail(kind))
    }

    /// A field ends: the next error is no longer about it.
    fn leave(&mut self) {
        self.field = None;
        self.offset = None;
    }
}

/// The side of the line a deal puts an entry on: `atl` or `btl` (`none`
/// is a classification, never a deal).
fn deal_side(id: &str) -> Result<Side, ErrorKind> {
    match Side::from_id(id)? {
        Side::None => Err(ErrorKind::Unknown {
            kind: IdKind::Side,
            suggestion: None,
        }),
        side => Ok(side),
    }
}

/// A string exactly as it stands in the input, escapes not decoded.
struct Raw<'a>(&'a str);

impl<'de> de::Deserialize<'de> for Raw<'de> {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RawVisitor;
        impl<'de> Visitor<'de> for RawVisitor {
            type Value = Raw<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Raw<'de>, E> {
                Ok(Raw(v))
            }
        }
        deserializer.deserialize_str(RawVisitor)
    }
}

/// The elements of a JSON array, read one at a time.
trait Elements<'a> {
    /// What the array holds, for type errors.
    const EXPECTED: Expected;
    /// Read element `index`; `false` at the end of the array.
    fn next<S: SeqAccess<'a>>(
        &mut self,
        ctx: &mut Ctx<'a>,
        index: usize,
        seq: &mut S,
    ) -> Result<bool, S::Error>;
}

/// A JSON array read by an [`Elements`].
struct ArraySeed<'c, 'a, E> {
    ctx: &'c mut Ctx<'a>,
    elements: E,
}

impl<'a, E: Elements<'a>> DeserializeSeed<'a> for ArraySeed<'_, 'a, E> {
    type Value = E;
    fn deserialize<D: de::Deserializer<'a>>(self, deserializer: D) -> Result<E, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'a, E: Elements<'a>> Visitor<'a> for ArraySeed<'_, 'a, E> {
    type Value = E;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }
    fn visit_seq<S: SeqAccess<'a>>(mut self, mut seq: S) -> Result<E, S::Error> {
        let mut index = 0usize;
        while self.elements.next(self.ctx, index, &mut seq)? {
            index = index.saturating_add(1);
        }
        Ok(self.elements)
    }
}

/// Read an array field's value with `elements`.
fn array<'a, A: MapAccess<'a>, E: Elements<'a>>(
    ctx: &mut Ctx<'a>,
    map: &mut A,
    elements: E,
) -> Result<E, A::Error> {
    let expected = E::EXPECTED;
    map.next_value_seed(ArraySeed {
        ctx: &mut *ctx,
        elements,
    })
    .inspect_err(|_e| {
        // A type error inside an element has been recorded already.
        let _ = ctx.fail::<A::Error>(ErrorKind::WrongType { expected });
    })
}

/// The fields of a JSON object, read one at a time.
pub(super) trait Fields<'a>: Sized {
    /// Every field the object may have .
    const FIELDS: &'static [Field];
    /// The bits of [`Fields::FIELDS`].
    const BITS: u64 = bits(Self::FIELDS);
    /// What the object is, for type errors.
    const EXPECTED: Expected;
    /// Read the value of `field`, one of [`Fields::FIELDS`].
    fn field<A: MapAccess<'a>>(
        &mut self,
        ctx: &mut Ctx<'a>,
        field: Field,
        map: &mut A,
    ) -> Result<(), A::Error>;
    /// Check the object once every field is read; `seen` has the bit of
    /// every field read (see [`bit`]).
    fn finish(self, ctx: &mut Ctx<'a>, seen: u64) -> Result<Self, ErrorKind>;
}

/// The bits of `fields`.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)] // compile time: a bad index fails the build
const fn bits(fields: &[Field]) -> u64 {
    let mut all = 0;
    let mut i = 0;
    while i < fields.len() {
        all |= bit(fields[i]);
        i += 1;
    }
    all
}

/// A field's bit in the set of fields an object has.
const fn bit(field: Field) -> u64 {
    1 << (field as u32)
}

/// The first of `required` that `seen` lacks, recorded as missing.
#[inline]
fn require(ctx: &mut Ctx<'_>, seen: u64, required: &[Field]) -> Result<(), ErrorKind> {
    let all = required.iter().fold(0, |all, &field| all | bit(field));
    if seen & all == all {
        return Ok(());
    }
    match required.iter().find(|&&field| seen & bit(field) == 0) {
        Some(&field) => {
            ctx.field = Some(field);
            ctx.offset = None;
            Err(ErrorKind::MissingField)
        }
        None => Ok(()),
    }
}

/// A JSON object read by a [`Fields`].
pub(super) struct ObjectSeed<'c, 'a, O> {
    pub(super) ctx: &'c mut Ctx<'a>,
    pub(super) object: O,
}

impl<'a, O: Fields<'a>> DeserializeSeed<'a> for ObjectSeed<'_, 'a, O> {
    type Value = O;
    fn deserialize<D: de::Deserializer<'a>>(self, deserializer: D) -> Result<O, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'a, O: Fields<'a>> Visitor<'a> for ObjectSeed<'_, 'a, O> {
    type Value = O;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'a>>(mut self, mut map: A) -> Result<O, A::Error> {
        let mut seen = 0u64;
        let mut previous = None;
        while let Some(Raw(key)) = map.next_key::<Raw<'a>>()? {
            let field = self.ctx.key(key, (O::FIELDS, O::BITS), previous, &mut seen)?;
            previous = Some(field);
            self.object.field(self.ctx, field, &mut map)?;
            self.ctx.leave();
        }
        let object = self
            .object
            .finish(self.ctx, seen)
            .map_err(|kind| self.ctx.fail(kind))?;
        Ok(object)
    }
}

/// Read an object field's value with `object`.
fn object<'a, A: MapAccess<'a>, O: Fields<'a>>(
    ctx: &mut Ctx<'a>,
    map: &mut A,
    object: O,
) -> Result<O, A::Error> {
    map.next_value_seed(ObjectSeed {
        ctx: &mut *ctx,
        object,
    })
    .inspect_err(|_e| {
        let _ = ctx.fail::<A::Error>(ErrorKind::WrongType {
            expected: O::EXPECTED,
        });
    })
}

/// The outcome of one of the table's own rules, its error recorded at the
/// field it names.
fn table_rule(ctx: &mut Ctx<'_>, checked: Result<(), Error>) -> Result<(), ErrorKind> {
    checked.map_err(|e| {
        ctx.field = e.location.field;
        ctx.offset = None;
        e.kind
    })
}

/// A field the object's `field` function was not written for: an error,
/// never a silent skip (only fields of `FIELDS` reach it).
#[cold]
fn unexpected<'a, E: de::Error>(ctx: &mut Ctx<'a>) -> E {
    ctx.fail(ErrorKind::Unknown {
        kind: IdKind::Field,
        suggestion: None,
    })
}

/// The whole document into a table.
pub(super) struct TableFields<'t, 'a, const N: usize> {
    pub(super) table: &'t mut Table<'a, N>,
}

impl<'a, const N: usize> Fields<'a> for TableFields<'_, 'a, N> {
    const FIELDS: &'static [Field] = &[
        Field::Title,
        Field::Currency,
        Field::Profile,
        Field::Entries,
        Field::Lines,
        Field::Charges,
        Field::Chart,
        Field::Options,
    ];
    const EXPECTED: Expected = Expected::TableObject;

    fn field<A: MapAccess<'a>>(
        &mut self,
        ctx: &mut Ctx<'a>,
        field: Field,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let table = &mut *self.table;
        match field {
            Field::Title => table.title = ctx.string(map)?,
            Field::Currency => table.currency = ctx.parsed(map, Currency::from_code)?,
            Field::Profile => table.profile = ctx.parsed(map, Profile::from_id)?,
            Field::Entries => {
                array(ctx, map, rows::<N, EntryFields<'a>>(&mut *table))?;
            }
            Field::Lines => {
                array(ctx, map, rows::<N, LineFields<'a>>(&mut *table))?;
            }
            Field::Charges => {
                array(ctx, map, rows::<N, ChargeFields<'a>>(&mut *table))?;
            }
            Field::Chart => {
                ctx.place = Place::Chart;
                let chart = object(ctx, map, ChartFields { chart: table.chart })?;
                table.chart = chart.chart;
            }
            Field::Options => {
                ctx.place = Place::Options;
                let options = object(
                    ctx,
                    map,
                    OptionsFields {
                        options: table.options,
                    },
                )?;
                table.options = options.options;
            }
            _ => return Err(unexpected(ctx)),
        }
        // The arrays and objects above moved the place into themselves.
        ctx.place = Place::Table;
        Ok(())
    }

    fn finish(self, _ctx: &mut Ctx<'a>, _seen: u64) -> Result<Self, ErrorKind> {
        Ok(self)
    }
}

/// An object that is one row of one of the table's arrays (entries, lines,
/// charges).
trait Row<'a>: Fields<'a> + Default {
    /// What an array of such rows is, for type errors.
    const ARRAY: Expected;
    /// Where row `index` is, for errors.
    fn place(index: usize) -> Place;
    /// Append the row to `table`, which checks the capacity and the row's
    /// own rules.
    fn push<const N: usize>(self, table: &mut Table<'a, N>) -> Result<(), Error>;
}

/// The rows of one of the table's arrays: each element is read by `O`,
/// then pushed into the table.
struct Rows<'t, 'a, const N: usize, O> {
    table: &'t mut Table<'a, N>,
    row: core::marker::PhantomData<O>,
}

fn rows<'t, 'a, const N: usize, O>(table: &'t mut Table<'a, N>) -> Rows<'t, 'a, N, O> {
    Rows {
        table,
        row: core::marker::PhantomData,
    }
}

impl<'a, const N: usize, O: Row<'a>> Elements<'a> for Rows<'_, 'a, N, O> {
    const EXPECTED: Expected = O::ARRAY;
    fn next<S: SeqAccess<'a>>(
        &mut self,
        ctx: &mut Ctx<'a>,
        index: usize,
        seq: &mut S,
    ) -> Result<bool, S::Error> {
        ctx.leave();
        ctx.place = O::place(index);
        let seed = ObjectSeed {
            ctx: &mut *ctx,
            object: O::default(),
        };
        let Some(object) = seq.next_element_seed(seed).map_err(ctx.wrong_type(O::EXPECTED))? else {
            return Ok(false);
        };
        if let Err(e) = object.push(self.table) {
            // The table's own error, at the row being read.
            ctx.field = e.location.field;
            ctx.offset = None;
            return Err(ctx.fail(e.kind));
        }
        Ok(true)
    }
}

impl<'a> Row<'a> for EntryFields<'a> {
    const ARRAY: Expected = Expected::EntryArray;
    fn place(index: usize) -> Place {
        Place::entry(index)
    }
    fn push<const N: usize>(self, table: &mut Table<'a, N>) -> Result<(), Error> {
        table.push(self.entry).map(|_| ())
    }
}

impl<'a> Row<'a> for LineFields<'a> {
    const ARRAY: Expected = Expected::LineArray;
    fn place(index: usize) -> Place {
        Place::line(index)
    }
    fn push<const N: usize>(self, table: &mut Table<'a, N>) -> Result<(), Error> {
        let line = Line {
            account: self.account,
            description: self.description,
            amount: self.amount,
        };
        table.push_line(line).map(|_| ())
    }
}

impl<'a> Row<'a> for ChargeFields<'a> {
    const ARRAY: Expected = Expected::ChargeArray;
    fn place(index: usize) -> Place {
        Place::charge(index)
    }
    fn push<const N: usize>(self, table: &mut Table<'a, N>) -> Result<(), Error> {
        // `finish` has checked that the charge has a rate.
        let rate = self.rate.ok_or(Error::new(
            ErrorKind::MissingField,
            Location::at(Place::Table, Some(Field::Bps)),
        ))?;
        table
            .push_charge(Charge {
                name: self.name,
                rate,
                exclude: self.exclude,
            })
            .map(|_| ())
    }
}

/// One entry, filled in place; the role and department are settled by
/// [`Fields::finish`] whatever order the fields came in.
struct EntryFields<'a> {
    entry: Entry<'a>,
    role: Option<Role>,
    department: Option<Department>,
}

impl Default for EntryFields<'_> {
    fn default() -> Self {
        EntryFields {
            entry: Entry::new("", Role::Custom),
            role: None,
            department: None,
        }
    }
}

impl<'a> Fields<'a> for EntryFields<'a> {
    const FIELDS: &'static [Field] = &[
        Field::Name,
        Field::Role,
        Field::Title,
        Field::Department,
        Field::Character,
        Field::Billing,
        Field::Appearance,
        Field::Team,
        Field::CastCredit,
        Field::Flags,
        Field::Fee,
        Field::Account,
        Field::Line,
        Field::Fringe,
    ];
    const EXPECTED: Expected = Expected::EntryObject;

    fn field<A: MapAccess<'a>>(
        &mut self,
        ctx: &mut Ctx<'a>,
        field: Field,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let e = &mut self.entry;
        match field {
            Field::Name => e.name = ctx.string(map)?,
            Field::Role => self.role = Some(ctx.role(map)?),
            Field::Title => e.title = Some(ctx.string(map)?),
            Field::Department => self.department = Some(ctx.parsed(map, Department::from_id)?),
            Field::Character => e.character = Some(ctx.string(map)?),
            Field::Billing => e.billing = Some(ctx.small(map)?),
            Field::Appearance => e.appearance = Some(ctx.small(map)?),
            Field::Team => e.team = Some(ctx.small(map)?),
            Field::CastCredit => e.cast_credit = ctx.parsed(map, CastCredit::from_id)?,
            Field::Flags => e.flags = array(ctx, map, flag_set())?.set,
            Field::Fee => e.fee = ctx.integer(map)?,
            Field::Account => e.account = Some(ctx.small(map)?),
            Field::Line => e.line = Some(ctx.parsed(map, deal_side)?),
            Field::Fringe => {
                let fringe = object(ctx, map, FringeFields::default())?;
                e.fringe = Some(Fringe {
                    bps: fringe.bps,
                    cap: fringe.cap,
                });
            }
            _ => return Err(unexpected(ctx)),
        }
        Ok(())
    }

    fn finish(mut self, ctx: &mut Ctx<'a>, seen: u64) -> Result<Self, ErrorKind> {
        require(ctx, seen, &[Field::Name, Field::Role])?;
        let role = self.role.unwrap_or(Role::Custom);
        // A custom entry's title is `Entry::validate`'s rule; its department
        // is JSON's, as an `Entry` always has one.
        if role == Role::Custom && seen & bit(Field::Department) == 0 {
            ctx.field = Some(Field::Department);
            ctx.offset = None;
            return Err(ErrorKind::CustomNeedsTitleAndDepartment);
        }
        self.entry.role = role;
        self.entry.department = match (self.department, role.info()) {
            (Some(department), _) => department,
            (None, Some(info)) => info.department,
            (None, None) => self.entry.department,
        };
        Ok(self)
    }
}

/// An array of ids read into a set: the flags of an entry, the sections a
/// charge excludes.
struct IdSet<S, T> {
    set: S,
    parse: fn(&str) -> Result<T, ErrorKind>,
    add: fn(S, T) -> S,
}

impl<'a, S: Copy, T> Elements<'a> for IdSet<S, T> {
    const EXPECTED: Expected = Expected::IdArray;
    fn next<Q: SeqAccess<'a>>(
        &mut self,
        ctx: &mut Ctx<'a>,
        _index: usize,
        seq: &mut Q,
    ) -> Result<bool, Q::Error> {
        let Some(Raw(raw)) = seq
            .next_element::<Raw<'a>>()
            .map_err(ctx.wrong_type(Expected::IdString))?
        else {
            return Ok(false);
        };
        ctx.at(raw);
        let text = ctx.text(raw)?;
        let id = (self.parse)(text).map_err(|kind| ctx.fail(kind))?;
        self.set = (self.add)(self.set, id);
        Ok(true)
    }
}

fn flag_set() -> IdSet<Flags, Flag> {
    IdSet {
        set: Flags::EMPTY,
        parse: Flag::from_id,
        add: Flags::with,
    }
}

fn section_set() -> IdSet<SectionSet, Section> {
    IdSet {
        set: SectionSet::default(),
        parse: Section::from_id,
        add: SectionSet::with,
    }
}

#[derive(Default)]
struct FringeFields {
    bps: u32,
    cap: Option<i64>,
}

impl<'a> Fields<'a> for FringeFields {
    const FIELDS: &'static [Field] = &[Field::Bps, Field::Cap];
    const EXPECTED: Expected = Expected::FringeObject;
    fn field<A: MapAccess<'a>>(
        &mut self,
        ctx: &mut Ctx<'a>,
        field: Field,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match field {
            Field::Bps => self.bps = ctx.bps(map)?,
            Field::Cap => self.cap = Some(ctx.integer(map)?),
            _ => return Err(unexpected(ctx)),
        }
        Ok(())
    }
    fn finish(self, ctx: &mut Ctx<'a>, seen: u64) -> Result<Self, ErrorKind> {
        require(ctx, seen, &[Field::Bps])?;
        Ok(self)
    }
}

#[derive(Default)]
struct LineFields<'a> {
    account: u16,
    description: &'a str,
    amount: i64,
}

impl<'a> Fields<'a> for LineFields<'a> {
    const FIELDS: &'static [Field] = &[Field::Account, Field::Description, Field::Amount];
    const EXPECTED: Expected = Expected::LineObject;
    fn field<A: MapAccess<'a>>(
        &mut self,
        ctx: &mut Ctx<'a>,
        field: Field,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match field {
            Field::Account => self.account = ctx.small(map)?,
            Field::Description => self.description = ctx.string(map)?,
            // A line may be negative: a rebate or a credit on the budget.
            Field::Amount => self.amount = ctx.integer(map)?,
            _ => return Err(unexpected(ctx)),
        }
        Ok(())
    }
    fn finish(self, ctx: &mut Ctx<'a>, seen: u64) -> Result<Self, ErrorKind> {
        require(ctx, seen, &[Field::Account, Field::Amount])?;
        Ok(self)
    }
}

#[derive(Default)]
struct ChargeFields<'a> {
    name: &'a str,
    rate: Option<ChargeRate>,
    exclude: SectionSet,
}

impl<'a> Fields<'a> for ChargeFields<'a> {
    const FIELDS: &'static [Field] = &[Field::Name, Field::Bps, Field::Amount, Field::Exclude];
    const EXPECTED: Expected = Expected::ChargeObject;
    fn field<A: MapAccess<'a>>(
        &mut self,
        ctx: &mut Ctx<'a>,
        field: Field,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match field {
            Field::Name => self.name = ctx.string(map)?,
            Field::Bps | Field::Amount if self.rate.is_some() => {
                // "bps" and "amount" exclude each other.
                return Err(ctx.fail(ErrorKind::DuplicateField));
            }
            Field::Bps => self.rate = Some(ChargeRate::Bps(ctx.bps(map)?)),
            Field::Amount => self.rate = Some(ChargeRate::Amount(ctx.integer(map)?)),
            Field::Exclude => self.exclude = array(ctx, map, section_set())?.set,
            _ => return Err(unexpected(ctx)),
        }
        Ok(())
    }
    fn finish(self, ctx: &mut Ctx<'a>, seen: u64) -> Result<Self, ErrorKind> {
        require(ctx, seen, &[Field::Name])?;
        if self.rate.is_none() {
            require(ctx, 0, &[Field::Bps])?;
        }
        Ok(self)
    }
}

struct ChartFields {
    chart: crate::table::Chart,
}

impl<'a> Fields<'a> for ChartFields {
    const FIELDS: &'static [Field] = &[Field::Atl, Field::Production, Field::Post, Field::Other];
    const EXPECTED: Expected = Expected::ChartObject;
    fn field<A: MapAccess<'a>>(
        &mut self,
        ctx: &mut Ctx<'a>,
        field: Field,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let section = match field {
            Field::Atl => Section::Atl,
            Field::Production => Section::Production,
            Field::Post => Section::Post,
            Field::Other => Section::Other,
            _ => return Err(unexpected(ctx)),
        };
        let range = array(ctx, map, RangeElements::default())?;
        let (Some(first), Some(last), 2) = (range.bounds[0], range.bounds[1], range.count) else {
            return Err(ctx.fail(ErrorKind::WrongType {
                expected: Expected::AccountRange,
            }));
        };
        if let Some(slot) = self.chart.ranges.get_mut(section.index()) {
            *slot = (first, last);
        }
        Ok(())
    }
    fn finish(self, ctx: &mut Ctx<'a>, _seen: u64) -> Result<Self, ErrorKind> {
        table_rule(ctx, self.chart.validate())?;
        Ok(self)
    }
}

#[derive(Default)]
struct RangeElements {
    bounds: [Option<u16>; 2],
    count: usize,
}

impl<'a> Elements<'a> for RangeElements {
    const EXPECTED: Expected = Expected::AccountRange;
    fn next<S: SeqAccess<'a>>(
        &mut self,
        ctx: &mut Ctx<'a>,
        index: usize,
        seq: &mut S,
    ) -> Result<bool, S::Error> {
        let Some(account) = seq
            .next_element::<i64>()
            .map_err(ctx.wrong_type(Expected::AccountNumber))?
        else {
            return Ok(false);
        };
        let account = u16::try_from(account).map_err(|_| ctx.fail(ErrorKind::NumberOutOfRange))?;
        match self.bounds.get_mut(index) {
            Some(slot) => *slot = Some(account),
            None => {
                return Err(ctx.fail(ErrorKind::WrongType {
                    expected: Expected::AccountRange,
                }));
            }
        }
        self.count = index.saturating_add(1);
        Ok(true)
    }
}

struct OptionsFields {
    options: Options,
}

impl<'a> Fields<'a> for OptionsFields {
    const FIELDS: &'static [Field] = &[
        Field::MainTitleCast,
        Field::BillingBlockCast,
        Field::MergeHyphenates,
        Field::EndCredits,
        Field::CastOrder,
        Field::CastOrderTop,
        Field::MaxNamesPerCard,
    ];
    const EXPECTED: Expected = Expected::OptionsObject;
    fn field<A: MapAccess<'a>>(
        &mut self,
        ctx: &mut Ctx<'a>,
        field: Field,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let o = &mut self.options;
        match field {
            Field::MainTitleCast => o.main_title_cast = ctx.small(map)?,
            Field::BillingBlockCast => o.billing_block_cast = ctx.small(map)?,
            Field::MergeHyphenates => o.merge_hyphenates = ctx.boolean(map)?,
            Field::EndCredits => o.end_credits = ctx.parsed(map, EndCredits::from_id)?,
            Field::CastOrder => o.cast_order = ctx.parsed(map, CastOrder::from_id)?,
            Field::CastOrderTop => o.cast_order_top = ctx.small(map)?,
            Field::MaxNamesPerCard => o.max_names_per_card = ctx.small(map)?,
            _ => return Err(unexpected(ctx)),
        }
        Ok(())
    }
    fn finish(self, ctx: &mut Ctx<'a>, _seen: u64) -> Result<Self, ErrorKind> {
        table_rule(ctx, self.options.validate())?;
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_a_bit() {
        for &field in Field::ALL {
            assert_eq!(bit(field).count_ones(), 1, "{field:?}");
        }
    }
}
