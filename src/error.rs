//! One small error type for every job and every input format.
//!
//! An [`Error`] says what went wrong ([`ErrorKind`]) and where
//! ([`Location`]: a byte offset into the input, the entry, line, charge or
//! spreadsheet row, and the field). It is `Copy`, borrows nothing and is
//! at most 32 bytes (checked by a test), so it is cheap to return through
//! every `?` and can outlive the input that caused it. The offending text
//! itself is not copied into the error: a frontend that has the input
//! shows it with [`Error::report`] (see `json::report` for JSON input).

use core::fmt;

use crate::wire::wire_enum;

wire_enum! {
    /// A named field of the table formats, or an argument of a function
    /// (SPEC §2, §4.4, §6): what an error or a warning points at.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    #[cfg_attr(feature = "defmt", derive(defmt::Format))]
    #[non_exhaustive]
    pub enum Field: IdKind::Field {
        /// The picture's title (table), or an entry's on-screen title.
        Title = "title",
        /// The table's currency.
        Currency = "currency",
        /// The table's profile.
        Profile = "profile",
        /// The table's entries.
        Entries = "entries",
        /// The table's budget lines.
        Lines = "lines",
        /// The table's contractual charges.
        Charges = "charges",
        /// The table's chart of accounts.
        Chart = "chart",
        /// The table's ordering options.
        Options = "options",
        /// An entry's or a charge's name.
        Name = "name",
        /// An entry's role.
        Role = "role",
        /// An entry's department.
        Department = "department",
        /// A cast entry's character.
        Character = "character",
        /// An entry's billing position.
        Billing = "billing",
        /// A cast entry's order of appearance.
        Appearance = "appearance",
        /// A writer's team id.
        Team = "team",
        /// A cast entry's kind of credit.
        CastCredit = "cast_credit",
        /// An entry's flags.
        Flags = "flags",
        /// An entry's fee.
        Fee = "fee",
        /// An entry's or a line's budget account.
        Account = "account",
        /// An entry's side of the line.
        Line = "line",
        /// An entry's fringe.
        Fringe = "fringe",
        /// A fringe's or a charge's rate in basis points.
        Bps = "bps",
        /// A fringe's wage ceiling.
        Cap = "cap",
        /// A budget line's description.
        Description = "description",
        /// A budget line's or a charge's amount.
        Amount = "amount",
        /// The sections a charge leaves out of its base.
        Exclude = "exclude",
        /// The chart's above-the-line range.
        Atl = "atl",
        /// The chart's production range.
        Production = "production",
        /// The chart's post-production range.
        Post = "post",
        /// The chart's other range.
        Other = "other",
        /// Option: billed cast in the main titles.
        MainTitleCast = "main_title_cast",
        /// Option: billed cast in the billing block.
        BillingBlockCast = "billing_block_cast",
        /// Option: merge the director's sole writing or producing credit.
        MergeHyphenates = "merge_hyphenates",
        /// Option: where the end credits start.
        EndCredits = "end_credits",
        /// Option: order of the full cast list.
        CastOrder = "cast_order",
        /// Option: billed names first in appearance order.
        CastOrderTop = "cast_order_top",
        /// Option: most names on one card.
        MaxNamesPerCard = "max_names_per_card",
        /// Argument: the total to split.
        Total = "total",
        /// Argument: the weights of a split.
        Weights = "weights",
        /// Argument: the caps of a capped split.
        Caps = "caps",
        /// Argument: the buffer a result is written to.
        Out = "out",
        /// Argument: what earlier statements paid.
        PaidToDate = "paid_to_date",
        /// Argument: an entry index.
        Index = "index",
    }
}

/// Longest field id.
#[cfg(feature = "json")]
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)] // compile time: a bad index fails the build
const LONGEST_FIELD: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < Field::ALL.len() {
        let len = Field::ALL[i].id().len();
        if len > longest {
            longest = len;
        }
        i += 1;
    }
    longest
};

/// The fields ordered by the length of their id, and where each length
/// starts among them.
#[cfg(feature = "json")]
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)] // compile time: a bad index fails the build
const FIELDS_BY_LENGTH: ([Field; Field::ALL.len()], [u8; LONGEST_FIELD + 2]) = {
    let mut fields = [Field::Title; Field::ALL.len()];
    let mut starts = [0u8; LONGEST_FIELD + 2];
    let mut placed = 0;
    let mut len = 0;
    while len <= LONGEST_FIELD {
        starts[len] = placed as u8;
        let mut i = 0;
        while i < Field::ALL.len() {
            if Field::ALL[i].id().len() == len {
                fields[placed] = Field::ALL[i];
                placed += 1;
            }
            i += 1;
        }
        len += 1;
    }
    starts[LONGEST_FIELD + 1] = placed as u8;
    (fields, starts)
};

impl Field {
    /// The field whose id is exactly `id` (no trimming, no case folding),
    /// as a JSON key names it: compared only with the few ids of its
    /// length. A JSON key is the largest share of parsing's instructions
    /// outside serde-json-core (`benches/icount.py` guards the parse).
    #[cfg(feature = "json")]
    pub(crate) fn from_exact_id(id: &str) -> Option<Field> {
        let (fields, starts) = &FIELDS_BY_LENGTH;
        let start = usize::from(*starts.get(id.len())?);
        let end = usize::from(*starts.get(id.len().saturating_add(1))?);
        fields
            .get(start..end)?
            .iter()
            .copied()
            .find(|field| crate::ids::same_id(field.id().as_bytes(), id.as_bytes()))
    }
}

/// Which part of the table an error or warning is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Place {
    /// The document or table as a whole.
    Table,
    /// The entry at this 0-based position of `entries`.
    Entry(u32),
    /// The budget line at this 0-based position of `lines`.
    Line(u32),
    /// The charge at this 0-based position of `charges`.
    Charge(u32),
    /// A row of a spreadsheet, 1-based as a spreadsheet program shows it
    /// (the header is row 1).
    Row(u32),
    /// The `options` object.
    Options,
    /// The `chart` object.
    Chart,
    /// An argument of a function call (for example `split`'s weights).
    Argument,
}

impl Place {
    /// The entry at `index`.
    pub const fn entry(index: usize) -> Place {
        Place::Entry(narrow(index))
    }

    /// The budget line at `index`.
    pub const fn line(index: usize) -> Place {
        Place::Line(narrow(index))
    }

    /// The charge at `index`.
    pub const fn charge(index: usize) -> Place {
        Place::Charge(narrow(index))
    }
}

/// An index or offset as stored in a [`Location`]. Inputs and tables past
/// `u32::MAX` are refused before anything could point past it, so the
/// saturation never shows.
pub(crate) const fn narrow(value: usize) -> u32 {
    if value > u32::MAX as usize {
        u32::MAX
    } else {
        value as u32
    }
}

/// Where an error happened. A byte offset, a place, a field, or any of
/// them together: a JSON error names the offset of the offending value
/// and the entry and field it belongs to; a spreadsheet error names the
/// row and the column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Location {
    /// Byte offset into the input, when the error was found while reading it.
    pub offset: Option<u32>,
    /// The part of the table.
    pub place: Place,
    /// The field (a spreadsheet's column), when one is known.
    pub field: Option<Field>,
}

impl Location {
    /// The table as a whole, no field.
    pub const TABLE: Location = Location::at(Place::Table, None);

    /// A place and an optional field.
    pub const fn at(place: Place, field: Option<Field>) -> Location {
        Location {
            offset: None,
            place,
            field,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut sep = "";
        if let Some(offset) = self.offset {
            write!(f, "byte {offset}")?;
            sep = ", ";
        }
        match self.place {
            Place::Table => {}
            Place::Entry(i) => write!(f, "{sep}entry {i}")?,
            Place::Line(i) => write!(f, "{sep}line {i}")?,
            Place::Charge(i) => write!(f, "{sep}charge {i}")?,
            Place::Row(i) => write!(f, "{sep}row {i}")?,
            Place::Options => write!(f, "{sep}options")?,
            Place::Chart => write!(f, "{sep}chart")?,
            Place::Argument => write!(f, "{sep}argument")?,
        }
        if let Some(field) = self.field {
            let space = if self.offset.is_none() && self.place == Place::Table {
                ""
            } else {
                " "
            };
            write!(f, "{space}(\"{}\")", field.id())?;
        }
        Ok(())
    }
}

/// A fixed list of wire ids: what an unknown value was looked up in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum IdKind {
    /// Role ids of the vocabulary, and `custom`.
    Role,
    /// Department ids.
    Department,
    /// Entry flags.
    Flag,
    /// Field names of the format.
    Field,
    /// Cast credits.
    CastCredit,
    /// Profiles.
    Profile,
    /// Where the end credits start.
    EndCredits,
    /// Orders of the full cast list.
    CastOrder,
    /// Top-sheet sections.
    Section,
    /// Sides of the budget line.
    Side,
    /// ISO 4217 currency codes the crate knows.
    Currency,
    /// The three sequences.
    Sequence,
}

impl IdKind {
    /// What the list holds, for messages ("unknown role").
    pub const fn noun(self) -> &'static str {
        match self {
            IdKind::Role => "role",
            IdKind::Department => "department",
            IdKind::Flag => "flag",
            IdKind::Field => "field",
            IdKind::CastCredit => "cast credit",
            IdKind::Profile => "profile",
            IdKind::EndCredits => "end credits mode",
            IdKind::CastOrder => "cast order",
            IdKind::Section => "section",
            IdKind::Side => "side of the line",
            IdKind::Currency => "currency",
            IdKind::Sequence => "sequence",
        }
    }

    /// The id at `index` of the list.
    fn id(self, index: usize) -> Option<&'static str> {
        use crate::vocabulary::{CUSTOM_ID, Department, ROLES, Side};
        match self {
            IdKind::Role => match ROLES.get(index) {
                Some(info) => Some(info.id()),
                None => (index == ROLES.len()).then_some(CUSTOM_ID),
            },
            IdKind::Department => Department::ALL.get(index).map(|v| v.id()),
            IdKind::Flag => crate::table::Flag::ALL.get(index).map(|v| v.id()),
            IdKind::Field => Field::ALL.get(index).map(|v| v.id()),
            IdKind::CastCredit => crate::table::CastCredit::ALL.get(index).map(|v| v.id()),
            IdKind::Profile => crate::table::Profile::ALL.get(index).map(|v| v.id()),
            IdKind::EndCredits => crate::table::EndCredits::ALL.get(index).map(|v| v.id()),
            IdKind::CastOrder => crate::table::CastOrder::ALL.get(index).map(|v| v.id()),
            IdKind::Section => crate::table::Section::ALL.get(index).map(|v| v.id()),
            IdKind::Side => Side::ALL.get(index).map(|v| v.id()),
            IdKind::Currency => crate::money::CURRENCIES.get(index).map(|c| c.code),
            IdKind::Sequence => crate::order::Sequence::ALL.get(index).map(|v| v.id()),
        }
    }
}

/// The known id nearest to an unknown value ("did you mean …?"): a
/// four-byte handle into one of the crate's lists of ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Suggestion {
    kind: IdKind,
    index: u16,
}

impl Suggestion {
    pub(crate) const fn new(kind: IdKind, index: u16) -> Suggestion {
        Suggestion { kind, index }
    }

    /// The suggested id.
    pub fn as_str(self) -> &'static str {
        self.kind.id(usize::from(self.index)).unwrap_or("")
    }
}

impl fmt::Display for Suggestion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a JSON document's syntax broke (feature `json`).
#[cfg(feature = "json")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Syntax {
    /// Something follows the document.
    TrailingCharacters,
    /// A value was expected.
    ExpectedValue,
    /// An object continues with `,` or ends with `}`.
    ExpectedCommaOrBrace,
    /// An array continues with `,` or ends with `]`.
    ExpectedCommaOrBracket,
    /// An object's key is a string.
    ExpectedKey,
    /// A key is followed by `:`.
    ExpectedColon,
    /// A literal other than `true`, `false` or `null`.
    ExpectedLiteral,
    /// A number with a leading zero.
    LeadingZero,
    /// A sign without digits.
    ExpectedDigits,
    /// A trailing comma before `}` or `]`.
    TrailingComma,
    /// Any other structural error.
    Structure,
}

#[cfg(feature = "json")]
impl Syntax {
    const fn message(self) -> &'static str {
        match self {
            Syntax::TrailingCharacters => "trailing characters after the document",
            Syntax::ExpectedValue => "expected a value",
            Syntax::ExpectedCommaOrBrace => "expected ',' or '}'",
            Syntax::ExpectedCommaOrBracket => "expected ',' or ']'",
            Syntax::ExpectedKey => "expected a string key",
            Syntax::ExpectedColon => "expected ':' after a key",
            Syntax::ExpectedLiteral => "expected true, false or null",
            Syntax::LeadingZero => "leading zeros are not allowed",
            Syntax::ExpectedDigits => "expected digits",
            Syntax::TrailingComma => "trailing comma",
            Syntax::Structure => "unexpected structure",
        }
    }
}

/// What a JSON value should have been (feature `json`).
#[cfg(feature = "json")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Expected {
    /// A string.
    String,
    /// An integer.
    Integer,
    /// `true` or `false`.
    Boolean,
    /// An id string inside an array.
    IdString,
    /// An array of id strings.
    IdArray,
    /// The table object.
    TableObject,
    /// An entry object.
    EntryObject,
    /// The array of entries.
    EntryArray,
    /// A fringe object.
    FringeObject,
    /// A budget line object.
    LineObject,
    /// The array of budget lines.
    LineArray,
    /// A charge object.
    ChargeObject,
    /// The array of charges.
    ChargeArray,
    /// The chart object.
    ChartObject,
    /// A chart range.
    AccountRange,
    /// An account number in a chart range.
    AccountNumber,
    /// The options object.
    OptionsObject,
}

#[cfg(feature = "json")]
impl Expected {
    const fn message(self) -> &'static str {
        match self {
            Expected::String => "a string",
            Expected::Integer => "an integer",
            Expected::Boolean => "true or false",
            Expected::IdString => "an id string",
            Expected::IdArray => "an array of id strings",
            Expected::TableObject => "a table object",
            Expected::EntryObject => "an entry object",
            Expected::EntryArray => "an array of entries",
            Expected::FringeObject => "a fringe object",
            Expected::LineObject => "a line object",
            Expected::LineArray => "an array of budget lines",
            Expected::ChargeObject => "a charge object",
            Expected::ChargeArray => "an array of charges",
            Expected::ChartObject => "a chart object",
            Expected::AccountRange => "[first, last] accounts",
            Expected::AccountNumber => "an account number",
            Expected::OptionsObject => "an options object",
        }
    }
}

/// A fixed-capacity buffer that filled up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Buffer {
    /// The table's entries.
    Entries,
    /// The table's budget lines.
    Lines,
    /// The table's contractual charges.
    Charges,
    /// A [`Credits`](crate::order::Credits) buffer.
    Credits,
    /// The input document (larger than the crate can point into).
    Input,
}

impl Buffer {
    const fn noun(self) -> &'static str {
        match self {
            Buffer::Entries => "entries",
            Buffer::Lines => "lines",
            Buffer::Charges => "charges",
            Buffer::Credits => "credits",
            Buffer::Input => "input bytes",
        }
    }
}

/// A total or product that overflowed its integer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Total {
    /// A section's total on the top sheet.
    Section(crate::table::Section),
    /// The fringes.
    Fringes,
    /// Below the line: production, post and other.
    Btl,
    /// Above plus below the line.
    AtlBtl,
    /// The contractual charges.
    Charges,
    /// The grand total.
    GrandTotal,
    /// A split's weights or parts.
    Split,
    /// A statement's payment.
    Statement,
}

impl fmt::Display for Total {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Total::Section(section) => section.id(),
            Total::Fringes => "fringes",
            Total::Btl => "btl",
            Total::AtlBtl => "atl_btl",
            Total::Charges => "charges",
            Total::GrandTotal => "grand_total",
            Total::Split => "split",
            Total::Statement => "statement",
        })
    }
}

/// What went wrong. Flat and `#[non_exhaustive]`: match the variants you
/// care about and keep a catch-all arm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not well-formed JSON.
    #[cfg(feature = "json")]
    Syntax(Syntax),
    /// The input ended in the middle of a value.
    #[cfg(feature = "json")]
    UnexpectedEnd,
    /// Arrays and objects are nested deeper than the format ever needs.
    #[cfg(feature = "json")]
    TooDeep {
        /// The deepest nesting accepted.
        limit: u16,
    },
    /// A backslash escape that JSON does not define, such as `\q`.
    #[cfg(feature = "json")]
    InvalidEscape,
    /// A `\u` escape that is not a valid Unicode scalar (a lone surrogate).
    #[cfg(feature = "json")]
    InvalidUnicodeEscape,
    /// A value of the wrong JSON type.
    #[cfg(feature = "json")]
    WrongType {
        /// What the field takes.
        expected: Expected,
    },
    /// A raw control character (below U+0020) inside a string.
    ControlCharacter,
    /// The input is not valid UTF-8.
    InvalidUtf8,
    /// A number with a fraction or exponent where only integers are allowed.
    NotAnInteger,
    /// An integer beyond the range of `i64` (or of a narrower field).
    NumberOutOfRange,
    /// A negative amount where only amounts ≥ 0 make sense (a fee).
    NegativeAmount,
    /// A position (`billing`, `appearance`, `team`) of 0; positions start at 1.
    ZeroPosition,
    /// An empty name or title: it would show as a blank on screen.
    EmptyText,
    /// A fringe rate above 100% (10,000 basis points).
    RateAboveWhole,
    /// A value that is not one of the ids of its list (a role, a
    /// department, a flag, a field, …).
    Unknown {
        /// The list the value was looked up in.
        kind: IdKind,
        /// The nearest known id, if one is close.
        suggestion: Option<Suggestion>,
    },
    /// A field given twice in one object.
    DuplicateField,
    /// A required field is absent.
    MissingField,
    /// A `custom` entry needs its own `title` and `department`.
    CustomNeedsTitleAndDepartment,
    /// More items than the fixed capacity the caller chose.
    CapacityExceeded {
        /// What filled up.
        what: Buffer,
        /// Its capacity.
        capacity: u32,
    },
    /// The caller's scratch buffer for decoded strings is too small.
    ScratchTooSmall {
        /// Bytes the decoded strings need so far.
        needed: u32,
    },
    /// The caller's output buffer is too small for the document.
    BufferTooSmall,
    /// Two chart sections overlap, or a range is reversed.
    ChartOverlap,
    /// An account that belongs to no section of the chart.
    AccountOutsideChart {
        /// The account.
        account: u16,
    },
    /// Checked arithmetic overflowed.
    Overflow {
        /// Which total overflowed.
        what: Total,
    },
    /// `split` got no weights, or only zero weights.
    NoWeights,
    /// An output slice has a different length than the weights.
    WrongOutputLength,
    /// The caps of `split_capped` cannot hold the total.
    CapsTooSmall,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_kind(f, self, None)
    }
}

/// Write `kind`, with the offending `value` where the kind is about one.
fn write_kind(f: &mut fmt::Formatter<'_>, kind: &ErrorKind, value: Option<&str>) -> fmt::Result {
    use ErrorKind::*;
    match kind {
        #[cfg(feature = "json")]
        Syntax(what) => write!(f, "invalid JSON: {}", what.message()),
        #[cfg(feature = "json")]
        UnexpectedEnd => f.write_str("unexpected end of input"),
        #[cfg(feature = "json")]
        TooDeep { limit } => write!(f, "nested deeper than {limit} levels"),
        #[cfg(feature = "json")]
        InvalidEscape => f.write_str("invalid escape in a string"),
        #[cfg(feature = "json")]
        InvalidUnicodeEscape => f.write_str("\\u escape is not a valid character (lone surrogate)"),
        #[cfg(feature = "json")]
        WrongType { expected } => write!(f, "expected {}", expected.message()),
        ControlCharacter => f.write_str("raw control character in a string (escape it)"),
        InvalidUtf8 => f.write_str("input is not valid UTF-8"),
        NotAnInteger => f.write_str("numbers must be integers (amounts are minor units, never floats)"),
        NumberOutOfRange => f.write_str("number out of range"),
        NegativeAmount => f.write_str("amount must not be negative"),
        ZeroPosition => f.write_str("positions start at 1, 0 is not allowed"),
        EmptyText => f.write_str("must not be empty (it would show as a blank on screen)"),
        RateAboveWhole => f.write_str("a fringe rate is at most 10000 basis points (100%)"),
        Unknown { kind, suggestion } => {
            write!(f, "unknown {}", kind.noun())?;
            if let Some(value) = value {
                f.write_str(" ")?;
                write_quoted(f, value)?;
            }
            match suggestion {
                Some(s) => write!(f, " (did you mean \"{s}\"?)"),
                None => Ok(()),
            }
        }
        DuplicateField => f.write_str("field given twice"),
        MissingField => f.write_str("required field is missing"),
        CustomNeedsTitleAndDepartment => {
            f.write_str("a \"custom\" role needs both \"title\" and \"department\"")
        }
        CapacityExceeded { what, capacity } => {
            write!(f, "too many {}: capacity is {capacity}", what.noun())
        }
        ScratchTooSmall { needed } => write!(
            f,
            "scratch buffer too small for decoded strings (need at least {needed} bytes)"
        ),
        BufferTooSmall => f.write_str("output buffer too small"),
        ChartOverlap => f.write_str("chart sections overlap or a range is reversed"),
        AccountOutsideChart { account } => write!(f, "account {account} is in no section of the chart"),
        Overflow { what } => write!(f, "arithmetic overflow in {what}"),
        NoWeights => f.write_str("no weights, or every weight is zero"),
        WrongOutputLength => f.write_str("output has a different length than the weights"),
        CapsTooSmall => f.write_str("the caps together are smaller than the total"),
    }
}

/// Longest offending value a report quotes, in bytes.
const QUOTED: usize = 64;

/// Quote a value for a one-line message: control characters are escaped so
/// that a message never spans lines, and a long value is cut (on a
/// character boundary) and marked `…`.
fn write_quoted(f: &mut fmt::Formatter<'_>, value: &str) -> fmt::Result {
    let mut end = value.len().min(QUOTED);
    while !value.is_char_boundary(end) {
        end = end.saturating_sub(1); // 0 is always a boundary
    }
    let kept = value.get(..end).unwrap_or_default();
    f.write_str("\"")?;
    for c in kept.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            c if c.is_control() => write!(f, "\\u{:04x}", u32::from(c))?,
            c => fmt::Write::write_char(f, c)?,
        }
    }
    f.write_str("\"")?;
    if end < value.len() {
        f.write_str("…")?;
    }
    Ok(())
}

/// An error: what went wrong and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Error {
    /// What went wrong.
    pub kind: ErrorKind,
    /// Where.
    pub location: Location,
}

impl Error {
    /// An error at a location.
    pub const fn new(kind: ErrorKind, location: Location) -> Error {
        Error { kind, location }
    }

    /// An error about one field of one place.
    pub const fn at(kind: ErrorKind, place: Place, field: Field) -> Error {
        Error::new(kind, Location::at(place, Some(field)))
    }

    /// The same error at a byte offset of the input.
    pub const fn with_offset(mut self, offset: usize) -> Error {
        self.location.offset = Some(narrow(offset));
        self
    }

    /// The error as a message that also quotes the offending value, which
    /// the caller read from its input (for JSON, `json::report` finds it).
    pub const fn report(self, value: Option<&str>) -> Report<'_> {
        Report { error: self, value }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.report(None).fmt(f)
    }
}

impl core::error::Error for Error {}

/// An [`Error`] with the offending value it was about, for a message.
#[derive(Clone, Copy, Debug)]
pub struct Report<'v> {
    error: Error,
    value: Option<&'v str>,
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.error.location != Location::TABLE {
            write!(f, "{}: ", self.error.location)?;
        }
        write_kind(f, &self.error.kind, self.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_is_at_most_32_bytes() {
        assert!(
            core::mem::size_of::<Error>() <= 32,
            "{}",
            core::mem::size_of::<Error>()
        );
        assert!(core::mem::size_of::<Result<(), Error>>() <= 32);
    }

    fn text(value: impl fmt::Display) -> heapless::String<160> {
        let mut out = heapless::String::new();
        fmt::write(&mut out, format_args!("{value}")).unwrap();
        out
    }

    #[test]
    fn message_names_offset_entry_field_value_and_suggestion() {
        let unknown = crate::vocabulary::Role::from_id("diretor").unwrap_err();
        let e = Error::at(unknown, Place::Entry(3), Field::Role).with_offset(95);
        assert_eq!(
            text(e.report(Some("diretor"))).as_str(),
            "byte 95, entry 3 (\"role\"): unknown role \"diretor\" (did you mean \"director\"?)"
        );
        assert_eq!(
            text(e).as_str(),
            "byte 95, entry 3 (\"role\"): unknown role (did you mean \"director\"?)"
        );
    }

    #[test]
    fn places_read_as_a_person_would_say_them() {
        let cases: [(Location, &str); 5] = [
            (
                Location::at(Place::Row(14), Some(Field::Title)),
                "row 14 (\"title\")",
            ),
            (
                Location::at(Place::Table, Some(Field::Currency)),
                "(\"currency\")",
            ),
            (Location::at(Place::Chart, Some(Field::Post)), "chart (\"post\")"),
            (
                Location::at(Place::Argument, Some(Field::Weights)),
                "argument (\"weights\")",
            ),
            (
                Location {
                    offset: Some(7),
                    place: Place::Table,
                    field: None,
                },
                "byte 7",
            ),
        ];
        for (location, expected) in cases {
            assert_eq!(text(location).as_str(), expected);
        }
    }

    #[test]
    fn quoted_values_stay_on_one_line_and_are_cut() {
        let e = Error::at(
            ErrorKind::Unknown {
                kind: IdKind::Flag,
                suggestion: None,
            },
            Place::Entry(0),
            Field::Flags,
        );
        assert_eq!(
            text(e.report(Some("a\nb\"c"))).as_str(),
            "entry 0 (\"flags\"): unknown flag \"a\\u000ab\\\"c\""
        );
        let long = "é".repeat(40); // 80 bytes
        let message = text(e.report(Some(&long)));
        assert!(message.ends_with("\"…"), "{message}");
        assert!(message.contains(&"é".repeat(32)));
        assert!(!message.contains(&"é".repeat(33)));
    }

    #[test]
    fn every_suggestion_list_reads_back_its_ids() {
        let kinds = [
            IdKind::Role,
            IdKind::Department,
            IdKind::Flag,
            IdKind::Field,
            IdKind::CastCredit,
            IdKind::Profile,
            IdKind::EndCredits,
            IdKind::CastOrder,
            IdKind::Section,
            IdKind::Side,
            IdKind::Currency,
            IdKind::Sequence,
        ];
        for kind in kinds {
            let first = Suggestion::new(kind, 0).as_str();
            assert!(!first.is_empty(), "{kind:?}");
            assert_eq!(kind.id(usize::from(u16::MAX)), None, "{kind:?} fits 16 bits");
        }
        assert_eq!(Suggestion::new(IdKind::Field, 1).as_str(), "currency");
    }
}
