//! serde-json-core visitors that fill a [`Table`] straight from the input.
//!
//! Strings arrive raw (serde-json-core is given no unescape buffer) and are
//! decoded here into the caller's scratch buffer; strings without escapes
//! borrow from the input. Every object rejects unknown and repeated fields.
//! The first error is kept in [`Ctx`] with its place and field, because
//! serde-json-core's own errors carry neither.

use core::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::strings::{DecodeError, decode, needs_decoding};
use crate::error::{Error, ErrorKind, Location, Place, Snippet};
use crate::ids::IdIndex;
use crate::money::Currency;
use crate::table::{
    CAST_CREDITS, CAST_ORDERS, Charge, ChargeRate, END_CREDITS, Entry, Flag, Flags, Fringe, Line, Options,
    PROFILES, SECTIONS, Section, SectionSet, Table, lookup_value,
};
use crate::vocabulary::{Department, Role, Side};

/// The fields of every object of the format, so that errors can name a
/// field with a `&'static str` (see [`field_name`]).
const TABLE_FIELDS: &[&str] = &[
    "title", "currency", "profile", "entries", "lines", "charges", "chart", "options",
];
const ENTRY_FIELDS: &[&str] = &[
    "name",
    "role",
    "title",
    "department",
    "character",
    "billing",
    "appearance",
    "team",
    "cast_credit",
    "flags",
    "fee",
    "account",
    "line",
    "fringe",
];
const FRINGE_FIELDS: &[&str] = &["bps", "cap"];
const LINE_FIELDS: &[&str] = &["account", "description", "amount"];
const CHARGE_FIELDS: &[&str] = &["name", "bps", "amount", "exclude"];
const CHART_FIELDS: &[&str] = &["atl", "production", "post", "other"];
const OPTIONS_FIELDS: &[&str] = &[
    "main_title_cast",
    "billing_block_cast",
    "merge_hyphenates",
    "end_credits",
    "cast_order",
    "cast_order_top",
    "max_names_per_card",
];

/// Slots of the index of each field list: at least twice the longest.
const FIELD_SLOTS: usize = 32;

/// Every field list of the format.
const ALL_FIELDS: &[&[&str]] = &[
    TABLE_FIELDS,
    ENTRY_FIELDS,
    FRINGE_FIELDS,
    LINE_FIELDS,
    CHARGE_FIELDS,
    CHART_FIELDS,
    OPTIONS_FIELDS,
];

/// The static name of a field, if the format has it.
pub(super) fn field_name(raw: &str) -> Option<&'static str> {
    ALL_FIELDS
        .iter()
        .flat_map(|fields| fields.iter().copied())
        .find(|&name| name == raw)
}

/// Wire ids of the `line` field.
const LINE_SIDES: &[(&str, Side)] = &[("atl", Side::Atl), ("btl", Side::Btl)];

/// Parsing state shared by every visitor: the scratch buffer for decoded
/// strings, where we are, and the first error.
pub(super) struct Ctx<'a> {
    scratch: &'a mut [u8],
    scratch_used: usize,
    place: Place,
    field: Option<&'static str>,
    pub(super) error: Option<Error>,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(scratch: &'a mut [u8]) -> Self {
        Ctx {
            scratch,
            scratch_used: 0,
            place: Place::Table,
            field: None,
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
    /// and building one inline at each of the parser's forty-odd error
    /// sites cost kilobytes of flash.
    #[cold]
    #[inline(never)]
    fn record(&mut self, kind: ErrorKind) {
        if self.error.is_none() {
            self.error = Some(Error::new(kind, Location::at(self.place, self.field)));
        }
    }

    /// Convert a serde-json-core error on the current field into ours.
    fn wrong_type<E: de::Error>(&mut self, expected: &'static str) -> impl FnOnce(E) -> E + '_ {
        move |_| self.fail(ErrorKind::WrongType { expected })
    }

    /// Decode a raw string: borrow it when it has no escape, else decode it
    /// into the scratch buffer.
    fn text<E: de::Error>(&mut self, raw: &'a str) -> Result<&'a str, E> {
        // One pass finds both what needs decoding and what serde-json-core
        // lets through: raw control characters, rejected here.
        if !needs_decoding(raw) {
            return Ok(raw);
        }
        if raw.bytes().any(|b| b < 0x20) {
            return Err(self.fail(ErrorKind::ControlCharacter));
        }
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
                        needed: self.scratch_used.saturating_add(needed),
                    },
                    DecodeError::InvalidEscape => ErrorKind::InvalidEscape,
                    DecodeError::InvalidUnicode => ErrorKind::InvalidUnicodeEscape,
                    DecodeError::Control => ErrorKind::ControlCharacter,
                }))
            }
        }
    }

    /// Enter a key of an object: check it is one of `allowed` (indexed
    /// by `index`) and not repeated (`seen` is a bit per allowed field).
    /// Writers emit fields in a fixed order, most often the order of
    /// `allowed`, so the field after `previous` is tried before the index.
    /// The errors are built out of line.
    fn key<E: de::Error>(
        &mut self,
        raw: &str,
        allowed: &[&'static str],
        index: &IdIndex<FIELD_SLOTS>,
        previous: usize,
        seen: &mut u32,
    ) -> Result<usize, E> {
        let next = previous.wrapping_add(1);
        let position = match allowed.get(next) {
            Some(&field) if field == raw => Some(next),
            _ => index.find(raw, |i| allowed.get(i).map(|field| field.as_bytes())),
        };
        let bit = position.and_then(|p| 1u32.checked_shl(u32::try_from(p).ok()?));
        match (position, bit) {
            (Some(position), Some(bit)) if *seen & bit == 0 => {
                *seen |= bit;
                self.field = allowed.get(position).copied();
                Ok(position)
            }
            _ => Err(self.bad_key(raw, position.and_then(|p| allowed.get(p).copied()))),
        }
    }

    /// A key that is not a field (`field` is `None`), or a field seen before.
    #[cold]
    #[inline(never)]
    fn bad_key<E: de::Error>(&mut self, raw: &str, field: Option<&'static str>) -> E {
        match field {
            Some(field) => {
                self.field = Some(field);
                self.fail(ErrorKind::DuplicateField)
            }
            None => {
                self.field = field_name(raw);
                self.fail(ErrorKind::UnknownField {
                    name: Snippet::new(raw),
                })
            }
        }
    }

    fn string<A: MapAccess<'a>>(&mut self, map: &mut A) -> Result<&'a str, A::Error> {
        let Raw(raw) = map.next_value().map_err(self.wrong_type("a string"))?;
        self.text(raw)
    }

    fn integer<A: MapAccess<'a>>(&mut self, map: &mut A) -> Result<i64, A::Error> {
        map.next_value::<i64>().map_err(self.wrong_type("an integer"))
    }

    /// An integer in `min..=u16::MAX`.
    fn small<A: MapAccess<'a>>(&mut self, map: &mut A, min: i64) -> Result<u16, A::Error> {
        let value = self.integer(map)?;
        if value == 0 && min == 1 {
            return Err(self.fail(ErrorKind::ZeroPosition));
        }
        if value < min {
            return Err(self.fail(ErrorKind::NumberOutOfRange));
        }
        u16::try_from(value).map_err(|_| self.fail(ErrorKind::NumberOutOfRange))
    }

    fn bps<A: MapAccess<'a>>(&mut self, map: &mut A) -> Result<u32, A::Error> {
        let value = self.integer(map)?;
        u32::try_from(value).map_err(|_| self.fail(ErrorKind::NumberOutOfRange))
    }

    fn amount<A: MapAccess<'a>>(&mut self, map: &mut A, allow_negative: bool) -> Result<i64, A::Error> {
        let value = self.integer(map)?;
        if value < 0 && !allow_negative {
            return Err(self.fail(ErrorKind::NegativeAmount));
        }
        Ok(value)
    }

    fn boolean<A: MapAccess<'a>>(&mut self, map: &mut A) -> Result<bool, A::Error> {
        map.next_value::<bool>().map_err(self.wrong_type("true or false"))
    }

    /// A string from a fixed set of ids.
    fn choice<A: MapAccess<'a>, T: Copy>(
        &mut self,
        map: &mut A,
        rows: &[(&'static str, T)],
    ) -> Result<T, A::Error> {
        let text = self.string(map)?;
        lookup_value(rows, text).map_err(|kind| self.fail(kind))
    }

    /// A value that the `convert` function reads from a string.
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
        let Raw(raw) = map.next_value().map_err(self.wrong_type("a string"))?;
        if let Some(role) = Role::from_exact_id(raw) {
            return Ok(role);
        }
        let text = self.text(raw)?;
        Role::from_id(text).map_err(|kind| self.fail(kind))
    }

    /// A field of a known place ends: the next error is no longer about it.
    fn leave(&mut self, place: Place) {
        self.place = place;
        self.field = None;
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
    const EXPECTED: &'static str;
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
        f.write_str(E::EXPECTED)
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
    /// Every field the object may have (at most 32).
    const FIELDS: &'static [&'static str];
    /// Where each key is found in [`Fields::FIELDS`].
    const INDEX: &'static IdIndex<FIELD_SLOTS> = &IdIndex::new(Self::FIELDS);
    /// What the object is, for type errors.
    const EXPECTED: &'static str;
    /// What an array of such objects is, for type errors.
    const ARRAY: &'static str = "an array of objects";
    /// Read the value of field `FIELDS[position]`.
    fn field<A: MapAccess<'a>>(
        &mut self,
        ctx: &mut Ctx<'a>,
        position: usize,
        map: &mut A,
    ) -> Result<(), A::Error>;
    /// Check the object once every field is read; `seen` has a bit per field.
    fn finish(self, ctx: &mut Ctx<'a>, seen: u32) -> Result<Self, ErrorKind>;
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
        f.write_str(O::EXPECTED)
    }
    fn visit_map<A: MapAccess<'a>>(mut self, mut map: A) -> Result<O, A::Error> {
        let place = self.ctx.place;
        let mut seen = 0u32;
        let mut position = usize::MAX;
        while let Some(Raw(key)) = map.next_key::<Raw<'a>>()? {
            position = self.ctx.key(key, O::FIELDS, O::INDEX, position, &mut seen)?;
            self.object.field(self.ctx, position, &mut map)?;
            self.ctx.leave(place);
        }
        self.object
            .finish(self.ctx, seen)
            .map_err(|kind| self.ctx.fail(kind))
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

/// Whether bit `position` of `seen` is set.
fn has(seen: u32, position: usize) -> bool {
    seen & (1 << position) != 0
}

/// The whole document into a table.
pub(super) struct TableFields<'t, 'a, const N: usize> {
    pub(super) table: &'t mut Table<'a, N>,
}

impl<'a, const N: usize> Fields<'a> for TableFields<'_, 'a, N> {
    const FIELDS: &'static [&'static str] = TABLE_FIELDS;
    const EXPECTED: &'static str = "a table object";

    fn field<A: MapAccess<'a>>(
        &mut self,
        ctx: &mut Ctx<'a>,
        position: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let table = &mut *self.table;
        match position {
            0 => table.title = ctx.string(map)?,
            1 => table.currency = ctx.parsed(map, Currency::from_code)?,
            2 => table.profile = ctx.choice(map, PROFILES)?,
            3 => {
                array(ctx, map, rows::<N, EntryFields<'a>>(&mut *table))?;
            }
            4 => {
                array(ctx, map, rows::<N, LineFields<'a>>(&mut *table))?;
            }
            5 => {
                array(ctx, map, rows::<N, ChargeFields<'a>>(&mut *table))?;
            }
            6 => {
                ctx.place = Place::Chart;
                let chart = object(ctx, map, ChartFields { chart: table.chart })?;
                table.chart = chart.chart;
            }
            _ => {
                ctx.place = Place::Options;
                table.options = object(
                    ctx,
                    map,
                    OptionsFields {
                        options: table.options,
                    },
                )?
                .options;
            }
        }
        Ok(())
    }

    fn finish(self, _ctx: &mut Ctx<'a>, _seen: u32) -> Result<Self, ErrorKind> {
        Ok(self)
    }
}

/// An object that is one row of one of the table's arrays (entries, lines,
/// charges).
trait Row<'a>: Fields<'a> + Default {
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
    const EXPECTED: &'static str = O::ARRAY;
    fn next<S: SeqAccess<'a>>(
        &mut self,
        ctx: &mut Ctx<'a>,
        index: usize,
        seq: &mut S,
    ) -> Result<bool, S::Error> {
        ctx.leave(O::place(index));
        let seed = ObjectSeed {
            ctx: &mut *ctx,
            object: O::default(),
        };
        let Some(row) = seq.next_element_seed(seed).map_err(ctx.wrong_type(O::EXPECTED))? else {
            return Ok(false);
        };
        if let Err(e) = row.push(self.table) {
            ctx.field = e.location.field;
            return Err(ctx.fail(e.kind));
        }
        Ok(true)
    }
}

impl<'a> Row<'a> for EntryFields<'a> {
    fn place(index: usize) -> Place {
        Place::Entry(index)
    }
    fn push<const N: usize>(self, table: &mut Table<'a, N>) -> Result<(), Error> {
        table.push_checked(self.entry).map(|_| ())
    }
}

impl<'a> Row<'a> for LineFields<'a> {
    fn place(index: usize) -> Place {
        Place::Line(index)
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
    fn place(index: usize) -> Place {
        Place::Charge(index)
    }
    fn push<const N: usize>(self, table: &mut Table<'a, N>) -> Result<(), Error> {
        // `finish` has checked that the charge has a rate.
        let rate = self.rate.ok_or(Error::new(
            ErrorKind::MissingField,
            Location::at(Place::Table, Some("bps")),
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
    const FIELDS: &'static [&'static str] = ENTRY_FIELDS;
    const EXPECTED: &'static str = "an entry object";
    const ARRAY: &'static str = "an array of entries";

    fn field<A: MapAccess<'a>>(
        &mut self,
        ctx: &mut Ctx<'a>,
        position: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let e = &mut self.entry;
        match position {
            0 => e.name = ctx.string(map)?,
            1 => self.role = Some(ctx.role(map)?),
            2 => e.title = Some(ctx.string(map)?),
            3 => self.department = Some(ctx.parsed(map, Department::from_id)?),
            4 => e.character = Some(ctx.string(map)?),
            5 => e.billing = Some(ctx.small(map, 1)?),
            6 => e.appearance = Some(ctx.small(map, 1)?),
            7 => e.team = Some(ctx.small(map, 1)?),
            8 => e.cast_credit = ctx.choice(map, CAST_CREDITS)?,
            9 => e.flags = array(ctx, map, flag_set())?.set,
            10 => e.fee = ctx.amount(map, false)?,
            11 => e.account = Some(ctx.small(map, 0)?),
            12 => e.line = Some(ctx.choice(map, LINE_SIDES)?),
            _ => {
                let fringe = object(ctx, map, FringeFields::default())?;
                e.fringe = Some(Fringe {
                    bps: fringe.bps,
                    cap: fringe.cap,
                });
            }
        }
        Ok(())
    }

    fn finish(mut self, ctx: &mut Ctx<'a>, seen: u32) -> Result<Self, ErrorKind> {
        if !has(seen, 0) || !has(seen, 1) {
            ctx.field = Some(if has(seen, 0) { "role" } else { "name" });
            return Err(ErrorKind::MissingField);
        }
        let role = self.role.unwrap_or(Role::Custom);
        if role == Role::Custom && (self.entry.title.is_none() || self.department.is_none()) {
            ctx.field = Some(if self.entry.title.is_none() {
                "title"
            } else {
                "department"
            });
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
    const EXPECTED: &'static str = "an array of id strings";
    fn next<Q: SeqAccess<'a>>(
        &mut self,
        ctx: &mut Ctx<'a>,
        _index: usize,
        seq: &mut Q,
    ) -> Result<bool, Q::Error> {
        let Some(Raw(raw)) = seq
            .next_element::<Raw<'a>>()
            .map_err(ctx.wrong_type("an id string"))?
        else {
            return Ok(false);
        };
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
        parse: |id| lookup_value(SECTIONS, id),
        add: SectionSet::with,
    }
}

#[derive(Default)]
struct FringeFields {
    bps: u32,
    cap: Option<i64>,
}

impl<'a> Fields<'a> for FringeFields {
    const FIELDS: &'static [&'static str] = FRINGE_FIELDS;
    const EXPECTED: &'static str = "a fringe object";
    fn field<A: MapAccess<'a>>(
        &mut self,
        ctx: &mut Ctx<'a>,
        position: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match position {
            0 => self.bps = ctx.bps(map)?,
            _ => self.cap = Some(ctx.amount(map, false)?),
        }
        Ok(())
    }
    fn finish(self, ctx: &mut Ctx<'a>, seen: u32) -> Result<Self, ErrorKind> {
        if !has(seen, 0) {
            ctx.field = Some("bps");
            return Err(ErrorKind::MissingField);
        }
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
    const FIELDS: &'static [&'static str] = LINE_FIELDS;
    const EXPECTED: &'static str = "a line object";
    const ARRAY: &'static str = "an array of budget lines";
    fn field<A: MapAccess<'a>>(
        &mut self,
        ctx: &mut Ctx<'a>,
        position: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match position {
            0 => self.account = ctx.small(map, 0)?,
            1 => self.description = ctx.string(map)?,
            // A line may be negative: a rebate or a credit on the budget.
            _ => self.amount = ctx.amount(map, true)?,
        }
        Ok(())
    }
    fn finish(self, ctx: &mut Ctx<'a>, seen: u32) -> Result<Self, ErrorKind> {
        for (position, field) in [(0, "account"), (2, "amount")] {
            if !has(seen, position) {
                ctx.field = Some(field);
                return Err(ErrorKind::MissingField);
            }
        }
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
    const FIELDS: &'static [&'static str] = CHARGE_FIELDS;
    const EXPECTED: &'static str = "a charge object";
    const ARRAY: &'static str = "an array of charges";
    fn field<A: MapAccess<'a>>(
        &mut self,
        ctx: &mut Ctx<'a>,
        position: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match position {
            0 => self.name = ctx.string(map)?,
            1 | 2 if self.rate.is_some() => {
                // "bps" and "amount" exclude each other.
                return Err(ctx.fail(ErrorKind::DuplicateField));
            }
            1 => self.rate = Some(ChargeRate::Bps(ctx.bps(map)?)),
            2 => self.rate = Some(ChargeRate::Amount(ctx.amount(map, false)?)),
            _ => self.exclude = array(ctx, map, section_set())?.set,
        }
        Ok(())
    }
    fn finish(self, ctx: &mut Ctx<'a>, seen: u32) -> Result<Self, ErrorKind> {
        if !has(seen, 0) {
            ctx.field = Some("name");
            return Err(ErrorKind::MissingField);
        }
        if self.rate.is_none() {
            ctx.field = Some("bps");
            return Err(ErrorKind::MissingField);
        }
        Ok(self)
    }
}

struct ChartFields {
    chart: crate::table::Chart,
}

impl<'a> Fields<'a> for ChartFields {
    const FIELDS: &'static [&'static str] = CHART_FIELDS;
    const EXPECTED: &'static str = "a chart object";
    fn field<A: MapAccess<'a>>(
        &mut self,
        ctx: &mut Ctx<'a>,
        position: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let range = array(ctx, map, RangeElements::default())?;
        let (Some(first), Some(last), 2) = (range.bounds[0], range.bounds[1], range.count) else {
            return Err(ctx.fail(ErrorKind::WrongType {
                expected: "[first, last] accounts",
            }));
        };
        if let Some(slot) = self.chart.ranges.get_mut(position) {
            *slot = (first, last);
        }
        Ok(())
    }
    fn finish(self, ctx: &mut Ctx<'a>, _seen: u32) -> Result<Self, ErrorKind> {
        self.chart.validate().map_err(|e| {
            ctx.field = e.location.field;
            e.kind
        })?;
        Ok(self)
    }
}

#[derive(Default)]
struct RangeElements {
    bounds: [Option<u16>; 2],
    count: usize,
}

impl<'a> Elements<'a> for RangeElements {
    const EXPECTED: &'static str = "[first, last] accounts";
    fn next<S: SeqAccess<'a>>(
        &mut self,
        ctx: &mut Ctx<'a>,
        index: usize,
        seq: &mut S,
    ) -> Result<bool, S::Error> {
        let Some(account) = seq
            .next_element::<i64>()
            .map_err(ctx.wrong_type("an account number"))?
        else {
            return Ok(false);
        };
        let account = u16::try_from(account).map_err(|_| ctx.fail(ErrorKind::NumberOutOfRange))?;
        match self.bounds.get_mut(index) {
            Some(slot) => *slot = Some(account),
            None => {
                return Err(ctx.fail(ErrorKind::WrongType {
                    expected: "[first, last] accounts",
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
    const FIELDS: &'static [&'static str] = OPTIONS_FIELDS;
    const EXPECTED: &'static str = "an options object";
    fn field<A: MapAccess<'a>>(
        &mut self,
        ctx: &mut Ctx<'a>,
        position: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let o = &mut self.options;
        match position {
            0 => o.main_title_cast = ctx.small(map, 0)?,
            1 => o.billing_block_cast = ctx.small(map, 0)?,
            2 => o.merge_hyphenates = ctx.boolean(map)?,
            3 => o.end_credits = ctx.choice(map, END_CREDITS)?,
            4 => o.cast_order = ctx.choice(map, CAST_ORDERS)?,
            5 => o.cast_order_top = ctx.small(map, 0)?,
            _ => o.max_names_per_card = ctx.small(map, 1)?,
        }
        Ok(())
    }
    fn finish(self, _ctx: &mut Ctx<'a>, _seen: u32) -> Result<Self, ErrorKind> {
        Ok(self)
    }
}
