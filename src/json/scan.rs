//! A non-recursive validating pass over the whole document, run when a
//! read has failed, to say where.
//!
//! serde-json-core cannot say where an error is. This pass checks UTF-8,
//! every string and escape, the number grammar (integers only, within
//! `i64`), and bounds nesting with a fixed-size stack, so that 10^6
//! brackets are an error and never a stack overflow. Its errors carry the
//! byte offset and, where the path shows it, the entry index and field.
//! [`locate`] finds the offset of a value by its place and field, for the
//! errors the reader finds without one.

use crate::error::{Error, ErrorKind, Field, Location, Place, Syntax, narrow};

/// Deepest nesting of arrays and objects accepted. The format needs 4
/// (`{"entries":[{"fringe":{…}}]}`).
pub const MAX_DEPTH: usize = 16;

/// Check the whole document. `Ok` means the document is well-formed JSON
/// whose strings are valid and whose numbers are integers within `i64`.
pub fn scan(input: &[u8]) -> Result<(), Error> {
    if let Err(e) = core::str::from_utf8(input) {
        return Err(Scanner::new(input).error_at(e.valid_up_to(), ErrorKind::InvalidUtf8));
    }
    let mut scanner = Scanner::new(input);
    scanner.document()
}

/// Where the value of `field` of `place` starts in a valid document (inside
/// the quotes of a string), if the document has one: the offset an error
/// found after reading points at. The document is scanned again, so it
/// costs nothing until an error needs it.
pub fn locate(input: &[u8], place: Place, field: Option<Field>) -> Option<usize> {
    let mut scanner = Scanner::new(input);
    scanner.target = Some((place, field));
    // The scan stops at the target with an error that carries its offset.
    match scanner.document() {
        Err(e) if e.kind == ErrorKind::Syntax(Syntax::Structure) => usize::try_from(e.location.offset?).ok(),
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Container {
    Object,
    Array,
}

#[derive(Clone, Copy)]
struct Level {
    container: Container,
    /// The current key (objects) — `None` when the format has no such field.
    key: Option<Field>,
    /// The current element index (arrays).
    index: usize,
}

struct Scanner<'i> {
    input: &'i [u8],
    pos: usize,
    depth: usize,
    levels: [Level; MAX_DEPTH],
    /// The value [`locate`] looks for.
    target: Option<(Place, Option<Field>)>,
}

impl<'i> Scanner<'i> {
    fn new(input: &'i [u8]) -> Self {
        Scanner {
            input,
            pos: 0,
            depth: 0,
            levels: [Level {
                container: Container::Object,
                key: None,
                index: 0,
            }; MAX_DEPTH],
            target: None,
        }
    }

    fn level(&self, depth: usize) -> Option<&Level> {
        self.levels.get(..self.depth)?.get(depth)
    }

    /// Where the scanner is, as a table place and field.
    fn error_at(&self, offset: usize, kind: ErrorKind) -> Error {
        let (place, field) = self.path();
        Error::new(
            kind,
            Location {
                offset: Some(narrow(offset)),
                place,
                field,
            },
        )
    }

    /// The table place and the field of the value being scanned.
    fn path(&self) -> (Place, Option<Field>) {
        let top_key = self.level(0).and_then(|l| l.key);
        let element = self
            .level(1)
            .filter(|l| l.container == Container::Array)
            .map(|l| l.index);
        let place = match (top_key, element) {
            (Some(Field::Entries), Some(i)) => Place::entry(i),
            (Some(Field::Lines), Some(i)) => Place::line(i),
            (Some(Field::Charges), Some(i)) => Place::charge(i),
            (Some(Field::Options), _) => Place::Options,
            (Some(Field::Chart), _) => Place::Chart,
            _ => Place::Table,
        };
        // The innermost key names the field.
        let field = self
            .levels
            .get(..self.depth)
            .unwrap_or_default()
            .iter()
            .rev()
            .find(|l| l.container == Container::Object)
            .and_then(|l| l.key);
        (place, field)
    }

    fn fail<T>(&self, kind: ErrorKind) -> Result<T, Error> {
        Err(self.error_at(self.pos, kind))
    }

    fn peek(&self) -> Option<u8> {
        self.input.get(self.pos).copied()
    }

    fn bump(&mut self) {
        self.pos = self.pos.saturating_add(1);
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.bump();
        }
    }

    fn expect(&mut self, byte: u8, what: Syntax) -> Result<(), Error> {
        self.skip_whitespace();
        match self.peek() {
            Some(b) if b == byte => {
                self.bump();
                Ok(())
            }
            Some(_) => self.fail(ErrorKind::Syntax(what)),
            None => self.fail(ErrorKind::UnexpectedEnd),
        }
    }

    fn document(&mut self) -> Result<(), Error> {
        self.value()?;
        self.skip_whitespace();
        if self.pos < self.input.len() {
            return self.fail(ErrorKind::Syntax(Syntax::TrailingCharacters));
        }
        Ok(())
    }

    /// One value, iteratively: containers push a level instead of recursing.
    fn value(&mut self) -> Result<(), Error> {
        loop {
            // Parse the start of a value.
            self.skip_whitespace();
            if self.target.is_some_and(|target| target == self.path()) {
                let inside = usize::from(self.peek() == Some(b'"'));
                return Err(self.error_at(
                    self.pos.saturating_add(inside),
                    ErrorKind::Syntax(Syntax::Structure),
                ));
            }
            match self.peek() {
                None => return self.fail(ErrorKind::UnexpectedEnd),
                Some(b'{') => {
                    self.open(Container::Object)?;
                    self.skip_whitespace();
                    if self.peek() == Some(b'}') {
                        self.bump();
                        self.close();
                    } else {
                        self.key()?;
                        continue;
                    }
                }
                Some(b'[') => {
                    self.open(Container::Array)?;
                    self.skip_whitespace();
                    if self.peek() == Some(b']') {
                        self.bump();
                        self.close();
                    } else {
                        continue;
                    }
                }
                Some(b'"') => self.string().map(|_| ())?,
                Some(b'-' | b'0'..=b'9') => self.number()?,
                Some(b't') => self.literal(b"true")?,
                Some(b'f') => self.literal(b"false")?,
                Some(b'n') => self.literal(b"null")?,
                Some(_) => return self.fail(ErrorKind::Syntax(Syntax::ExpectedValue)),
            }
            // After a value: continue the enclosing containers.
            loop {
                let Some(level) = self.depth.checked_sub(1).and_then(|d| self.levels.get(d)) else {
                    return Ok(());
                };
                let container = level.container;
                self.skip_whitespace();
                match (container, self.peek()) {
                    (_, None) => return self.fail(ErrorKind::UnexpectedEnd),
                    (Container::Object, Some(b',')) => {
                        self.bump();
                        self.key()?;
                        break;
                    }
                    (Container::Object, Some(b'}')) | (Container::Array, Some(b']')) => {
                        self.bump();
                        self.close();
                    }
                    (Container::Array, Some(b',')) => {
                        self.bump();
                        if let Some(level) = self.depth.checked_sub(1).and_then(|d| self.levels.get_mut(d)) {
                            level.index = level.index.saturating_add(1);
                        }
                        break;
                    }
                    (Container::Object, Some(_)) => {
                        return self.fail(ErrorKind::Syntax(Syntax::ExpectedCommaOrBrace));
                    }
                    (Container::Array, Some(_)) => {
                        return self.fail(ErrorKind::Syntax(Syntax::ExpectedCommaOrBracket));
                    }
                }
            }
        }
    }

    fn open(&mut self, container: Container) -> Result<(), Error> {
        let Some(level) = self.levels.get_mut(self.depth) else {
            return self.fail(ErrorKind::TooDeep {
                limit: MAX_DEPTH as u16,
            });
        };
        *level = Level {
            container,
            key: None,
            index: 0,
        };
        self.bump();
        self.depth = self.depth.saturating_add(1);
        Ok(())
    }

    fn close(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// An object key and its colon.
    fn key(&mut self) -> Result<(), Error> {
        self.skip_whitespace();
        if self.peek() != Some(b'"') {
            return self.fail(ErrorKind::Syntax(Syntax::ExpectedKey));
        }
        let (start, end) = self.string()?;
        let raw = self.input.get(start..end).unwrap_or_default();
        let key = Field::ALL
            .iter()
            .copied()
            .find(|field| field.id().as_bytes() == raw);
        if let Some(level) = self.depth.checked_sub(1).and_then(|d| self.levels.get_mut(d)) {
            level.key = key;
        }
        self.expect(b':', Syntax::ExpectedColon)
    }

    fn literal(&mut self, word: &'static [u8]) -> Result<(), Error> {
        let end = self.pos.saturating_add(word.len());
        if self.input.get(self.pos..end) != Some(word) {
            return self.fail(ErrorKind::Syntax(Syntax::ExpectedLiteral));
        }
        self.pos = end;
        Ok(())
    }

    /// A string: returns the byte range of its raw content (escapes not decoded).
    fn string(&mut self) -> Result<(usize, usize), Error> {
        self.bump(); // opening quote
        let start = self.pos;
        loop {
            match self.peek() {
                None => return self.fail(ErrorKind::UnexpectedEnd),
                Some(b'"') => {
                    let end = self.pos;
                    self.bump();
                    return Ok((start, end));
                }
                Some(b'\\') => self.escape()?,
                Some(0x00..=0x1f) => return self.fail(ErrorKind::ControlCharacter),
                Some(_) => self.bump(),
            }
        }
    }

    fn escape(&mut self) -> Result<(), Error> {
        let at = self.pos;
        self.bump(); // backslash
        match self.peek() {
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                self.bump();
                Ok(())
            }
            Some(b'u') => {
                self.bump();
                let unit = self.hex4(at)?;
                match unit {
                    0xD800..=0xDBFF => {
                        // A high surrogate must be followed by an escaped low one.
                        if self.peek() != Some(b'\\')
                            || self.input.get(self.pos.saturating_add(1)) != Some(&b'u')
                        {
                            return Err(self.error_at(at, ErrorKind::InvalidUnicodeEscape));
                        }
                        self.pos = self.pos.saturating_add(2);
                        match self.hex4(at)? {
                            0xDC00..=0xDFFF => Ok(()),
                            _ => Err(self.error_at(at, ErrorKind::InvalidUnicodeEscape)),
                        }
                    }
                    0xDC00..=0xDFFF => Err(self.error_at(at, ErrorKind::InvalidUnicodeEscape)),
                    _ => Ok(()),
                }
            }
            None => self.fail(ErrorKind::UnexpectedEnd),
            Some(_) => Err(self.error_at(at, ErrorKind::InvalidEscape)),
        }
    }

    fn hex4(&mut self, escape_at: usize) -> Result<u32, Error> {
        let mut value = 0u32;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| char::from(b).to_digit(16));
            let Some(digit) = digit else {
                return Err(self.error_at(escape_at, ErrorKind::InvalidEscape));
            };
            value = value << 4 | digit;
            self.bump();
        }
        Ok(value)
    }

    /// `-?(0|[1-9][0-9]*)` within `i64`; a fraction or exponent is not an integer.
    fn number(&mut self) -> Result<(), Error> {
        let start = self.pos;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.bump();
        }
        let mut magnitude: u64 = 0;
        let mut overflow = false;
        let mut digits = 0usize;
        while let Some(b @ b'0'..=b'9') = self.peek() {
            if digits == 1 && magnitude == 0 {
                return self.fail(ErrorKind::Syntax(Syntax::LeadingZero));
            }
            match magnitude
                .checked_mul(10)
                .and_then(|m| m.checked_add(u64::from(b.wrapping_sub(b'0'))))
            {
                Some(m) => magnitude = m,
                None => overflow = true,
            }
            digits = digits.saturating_add(1);
            self.bump();
        }
        if digits == 0 {
            return self.fail(ErrorKind::Syntax(Syntax::ExpectedDigits));
        }
        if matches!(self.peek(), Some(b'.' | b'e' | b'E')) {
            // Consume the rest of the number so the offset points at its start.
            return Err(self.error_at(start, ErrorKind::NotAnInteger));
        }
        let limit = if negative {
            i64::MIN.unsigned_abs()
        } else {
            i64::MAX.unsigned_abs()
        };
        if overflow || magnitude > limit {
            return Err(self.error_at(start, ErrorKind::NumberOutOfRange));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(input: &str) -> Error {
        scan(input.as_bytes()).unwrap_err()
    }

    #[test]
    fn accepts_valid_documents() {
        for ok in [
            r#"{}"#,
            r#"{"entries":[{"name":"Zo\"e","role":"cast"}]}"#,
            r#"[1, -2, 0, true, false, null, "\ud83c\udfac \u00e9 \n \\ \/"]"#,
            " { \"a\" : [ ] } ",
        ] {
            assert_eq!(scan(ok.as_bytes()), Ok(()), "{ok}");
        }
    }

    #[test]
    fn string_errors_name_offset_entry_and_field() {
        let e = err("{\"entries\":[{\"name\":\"a\",\"role\":\"x\"},{\"name\":\"b\tc\"}]}");
        assert_eq!(e.kind, ErrorKind::ControlCharacter);
        assert_eq!(
            e.location,
            Location {
                offset: Some(46),
                place: Place::Entry(1),
                field: Some(Field::Name)
            }
        );
        let e = err(r#"{"entries":[{"name":"a\qb"}]}"#);
        assert_eq!(e.kind, ErrorKind::InvalidEscape);
        assert_eq!(e.location.offset, Some(22));
        assert_eq!(err(r#"["\ud83c"]"#).kind, ErrorKind::InvalidUnicodeEscape);
        assert_eq!(err(r#"["\udfac"]"#).kind, ErrorKind::InvalidUnicodeEscape);
        assert_eq!(err(r#"["\ud83c\u0041"]"#).kind, ErrorKind::InvalidUnicodeEscape);
        assert_eq!(err(r#"["\u12g4"]"#).kind, ErrorKind::InvalidEscape);
    }

    #[test]
    fn numbers_are_integers_within_i64() {
        let e = err(r#"{"entries":[{"fee":1.5}]}"#);
        assert_eq!(e.kind, ErrorKind::NotAnInteger);
        assert_eq!(
            e.location,
            Location {
                offset: Some(19),
                place: Place::Entry(0),
                field: Some(Field::Fee)
            }
        );
        assert_eq!(err("[1e3]").kind, ErrorKind::NotAnInteger);
        assert_eq!(err("[9223372036854775808]").kind, ErrorKind::NumberOutOfRange);
        assert_eq!(scan(b"[9223372036854775807, -9223372036854775808]"), Ok(()));
        assert_eq!(err("[-9223372036854775809]").kind, ErrorKind::NumberOutOfRange);
        assert_eq!(err("[01]").kind, ErrorKind::Syntax(Syntax::LeadingZero));
        assert_eq!(err("[-]").kind, ErrorKind::Syntax(Syntax::ExpectedDigits));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let mut deep = [b'['; 1_000_000];
        let e = scan(&deep).unwrap_err();
        assert_eq!(
            e.kind,
            ErrorKind::TooDeep {
                limit: MAX_DEPTH as u16
            }
        );
        assert_eq!(e.location.offset, Some(MAX_DEPTH as u32));
        deep.fill(b'{');
        assert!(scan(&deep).is_err());
    }

    #[test]
    fn syntax_errors() {
        assert_eq!(err("").kind, ErrorKind::UnexpectedEnd);
        assert_eq!(err("{\"a\":1,}").kind, ErrorKind::Syntax(Syntax::ExpectedKey));
        assert_eq!(err("[1,]").kind, ErrorKind::Syntax(Syntax::ExpectedValue));
        assert_eq!(err("{} x").kind, ErrorKind::Syntax(Syntax::TrailingCharacters));
        assert_eq!(err("[tru]").kind, ErrorKind::Syntax(Syntax::ExpectedLiteral));
        assert_eq!(err("{\"a\" 1}").kind, ErrorKind::Syntax(Syntax::ExpectedColon));
        assert_eq!(scan(b"[\"\xff\"]").unwrap_err().kind, ErrorKind::InvalidUtf8);
    }
}
