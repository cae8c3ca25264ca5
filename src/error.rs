//! One flat error type with a location.
//!
//! Every error says what went wrong ([`ErrorKind`]) and where ([`Location`]:
//! a byte offset into the input, an entry, line or charge index, and a
//! field). Errors are `Copy` and borrow nothing, so they can outlive the
//! input that caused them.

use core::fmt;

/// A short, owned copy of an offending input value for messages (at most
/// [`Snippet::CAPACITY`] bytes, cut on a character boundary and marked `…`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Snippet {
    bytes: [u8; Snippet::CAPACITY],
    len: u8,
    cut: bool,
}

impl Snippet {
    /// Bytes kept from the offending value.
    pub const CAPACITY: usize = 32;

    /// Copy the start of `value`.
    pub fn new(value: &str) -> Snippet {
        let mut end = value.len().min(Self::CAPACITY);
        while !value.is_char_boundary(end) {
            end = end.saturating_sub(1); // 0 is always a boundary
        }
        let mut bytes = [0; Self::CAPACITY];
        let kept = value.as_bytes().get(..end).unwrap_or_default();
        if let Some(target) = bytes.get_mut(..kept.len()) {
            target.copy_from_slice(kept);
        }
        Snippet {
            bytes,
            len: kept.len() as u8, // at most CAPACITY (32)
            cut: end < value.len(),
        }
    }

    /// The kept text.
    pub fn as_str(&self) -> &str {
        let kept = self.bytes.get(..usize::from(self.len)).unwrap_or_default();
        core::str::from_utf8(kept).unwrap_or_default()
    }
}

impl fmt::Debug for Snippet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Snippet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_json_like(f, self.as_str())?;
        if self.cut {
            f.write_str("…")?;
        }
        Ok(())
    }
}

/// Quote a value for a one-line message: control characters are escaped so
/// that a message never spans lines.
fn write_json_like(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    f.write_str("\"")?;
    for c in s.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            c if c.is_control() => write!(f, "\\u{:04x}", u32::from(c))?,
            c => fmt::Write::write_char(f, c)?,
        }
    }
    f.write_str("\"")
}

#[cfg(feature = "defmt")]
impl defmt::Format for Snippet {
    fn format(&self, f: defmt::Formatter) {
        defmt::write!(f, "{=str}", self.as_str())
    }
}

/// Which part of the table an error or warning is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Place {
    /// The document or table as a whole.
    Table,
    /// The entry at this 0-based position of `entries`.
    Entry(usize),
    /// The budget line at this 0-based position of `lines`.
    Line(usize),
    /// The charge at this 0-based position of `charges`.
    Charge(usize),
    /// The `options` object.
    Options,
    /// The `chart` object.
    Chart,
    /// An argument of a function call (for example `split`'s weights).
    Argument,
}

/// Where an error happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Location {
    /// Byte offset into the JSON input, when the error was found while reading it.
    pub offset: Option<usize>,
    /// The part of the table.
    pub place: Place,
    /// The JSON field name, when one is known.
    pub field: Option<&'static str>,
}

impl Location {
    /// The table as a whole, no field.
    pub const TABLE: Location = Location {
        offset: None,
        place: Place::Table,
        field: None,
    };

    /// A place and an optional field.
    pub const fn at(place: Place, field: Option<&'static str>) -> Location {
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
            Place::Options => write!(f, "{sep}options")?,
            Place::Chart => write!(f, "{sep}chart")?,
            Place::Argument => write!(f, "{sep}argument")?,
        }
        if let Some(field) = self.field {
            if self.offset.is_none() && self.place == Place::Table {
                write!(f, "(\"{field}\")")?;
            } else {
                write!(f, " (\"{field}\")")?;
            }
        }
        Ok(())
    }
}

/// What went wrong. Flat and `#[non_exhaustive]`: match the variants you
/// care about and keep a catch-all arm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not well-formed JSON; the text says what was expected.
    Syntax(&'static str),
    /// The input ended in the middle of a value.
    UnexpectedEnd,
    /// Arrays and objects are nested deeper than the format ever needs.
    TooDeep {
        /// The deepest nesting accepted.
        limit: usize,
    },
    /// A raw control character (below U+0020) inside a string.
    ControlCharacter,
    /// A backslash escape that JSON does not define, such as `\q`.
    InvalidEscape,
    /// A `\u` escape that is not a valid Unicode scalar (a lone surrogate).
    InvalidUnicodeEscape,
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
    /// A value of the wrong JSON type.
    WrongType {
        /// What the field takes.
        expected: &'static str,
    },
    /// A field this format does not have.
    UnknownField {
        /// The field as written (shortened).
        name: Snippet,
    },
    /// A field given twice in one object.
    DuplicateField,
    /// A required field is absent.
    MissingField,
    /// A role id that is not in the vocabulary.
    UnknownRole {
        /// The id as written (shortened).
        value: Snippet,
        /// The nearest known id, if one is close.
        suggestion: Option<&'static str>,
    },
    /// A department id that is not in the vocabulary.
    UnknownDepartment {
        /// The id as written (shortened).
        value: Snippet,
        /// The nearest known id, if one is close.
        suggestion: Option<&'static str>,
    },
    /// A flag that is not defined.
    UnknownFlag {
        /// The flag as written (shortened).
        value: Snippet,
        /// The nearest known flag, if one is close.
        suggestion: Option<&'static str>,
    },
    /// A value outside the field's fixed set (a currency, profile, mode …).
    UnknownValue {
        /// The value as written (shortened).
        value: Snippet,
        /// The nearest known value, if one is close.
        suggestion: Option<&'static str>,
    },
    /// A `custom` entry needs its own `title` and `department`.
    CustomNeedsTitleAndDepartment,
    /// More items than the fixed capacity the caller chose.
    CapacityExceeded {
        /// What filled up (`entries`, `lines`, `cards`, …).
        what: &'static str,
        /// The capacity.
        capacity: usize,
    },
    /// The caller's scratch buffer for decoded strings is too small.
    ScratchTooSmall {
        /// Bytes the decoded strings need so far.
        needed: usize,
    },
    /// The caller's output buffer is too small for the document.
    BufferTooSmall,
    /// Two chart sections overlap, or a range is reversed.
    ChartOverlap,
    /// An account that belongs to no section of the chart.
    AccountOutsideChart {
        /// The account.
        account: u32,
    },
    /// Checked arithmetic overflowed; the text names the total.
    Overflow {
        /// Which sum or product overflowed.
        what: &'static str,
    },
    /// `split` got no weights, or only zero weights.
    NoWeights,
    /// `split`'s output slice has a different length than its weights.
    WrongOutputLength,
    /// The caps of `split_capped` cannot hold the total.
    CapsTooSmall,
    /// A cumulative statement whose total to date is below the one before.
    CumulativeDecrease,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ErrorKind::*;
        let suggest = |f: &mut fmt::Formatter<'_>, s: &Option<&str>| match s {
            Some(s) => write!(f, " (did you mean \"{s}\"?)"),
            None => Ok(()),
        };
        match self {
            Syntax(what) => write!(f, "invalid JSON: {what}"),
            UnexpectedEnd => f.write_str("unexpected end of input"),
            TooDeep { limit } => write!(f, "nested deeper than {limit} levels"),
            ControlCharacter => f.write_str("raw control character in a string (escape it)"),
            InvalidEscape => f.write_str("invalid escape in a string"),
            InvalidUnicodeEscape => f.write_str("\\u escape is not a valid character (lone surrogate)"),
            InvalidUtf8 => f.write_str("input is not valid UTF-8"),
            NotAnInteger => f.write_str("numbers must be integers (amounts are minor units, never floats)"),
            NumberOutOfRange => f.write_str("number out of range"),
            NegativeAmount => f.write_str("amount must not be negative"),
            ZeroPosition => f.write_str("positions start at 1, 0 is not allowed"),
            WrongType { expected } => write!(f, "expected {expected}"),
            UnknownField { name } => write!(f, "unknown field {name}"),
            DuplicateField => f.write_str("field given twice"),
            MissingField => f.write_str("required field is missing"),
            UnknownRole { value, suggestion } => {
                write!(f, "unknown role {value}")?;
                suggest(f, suggestion)
            }
            UnknownDepartment { value, suggestion } => {
                write!(f, "unknown department {value}")?;
                suggest(f, suggestion)
            }
            UnknownFlag { value, suggestion } => {
                write!(f, "unknown flag {value}")?;
                suggest(f, suggestion)
            }
            UnknownValue { value, suggestion } => {
                write!(f, "unknown value {value}")?;
                suggest(f, suggestion)
            }
            CustomNeedsTitleAndDepartment => {
                f.write_str("a \"custom\" role needs both \"title\" and \"department\"")
            }
            CapacityExceeded { what, capacity } => {
                write!(f, "too many {what}: capacity is {capacity}")
            }
            ScratchTooSmall { needed } => {
                write!(
                    f,
                    "scratch buffer too small for decoded strings (need at least {needed} bytes)"
                )
            }
            BufferTooSmall => f.write_str("output buffer too small"),
            ChartOverlap => f.write_str("chart sections overlap or a range is reversed"),
            AccountOutsideChart { account } => write!(f, "account {account} is in no section of the chart"),
            Overflow { what } => write!(f, "arithmetic overflow in {what}"),
            NoWeights => f.write_str("no weights, or every weight is zero"),
            WrongOutputLength => f.write_str("output has a different length than the weights"),
            CapsTooSmall => f.write_str("the caps together are smaller than the total"),
            CumulativeDecrease => f.write_str("cumulative total to date is below the previous one"),
        }
    }
}

/// An error: what went wrong and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
    pub const fn at(kind: ErrorKind, place: Place, field: &'static str) -> Error {
        Error::new(kind, Location::at(place, Some(field)))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.location == Location::TABLE {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.location, self.kind)
        }
    }
}

impl core::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_cuts_on_char_boundary() {
        let long = "ééééééééééééééééééééééééé"; // 25 × 2 bytes
        let s = Snippet::new(long);
        assert_eq!(s.as_str().len(), 32);
        assert!(long.starts_with(s.as_str()));
        assert_eq!(Snippet::new("diretor").as_str(), "diretor");
    }

    #[test]
    fn message_names_entry_field_and_suggestion() {
        let e = Error::at(
            ErrorKind::UnknownRole {
                value: Snippet::new("diretor"),
                suggestion: Some("director"),
            },
            Place::Entry(3),
            "role",
        );
        let mut out = heapless::String::<128>::new();
        core::fmt::write(&mut out, format_args!("{e}")).unwrap();
        assert_eq!(
            out.as_str(),
            "entry 3 (\"role\"): unknown role \"diretor\" (did you mean \"director\"?)"
        );
    }
}
