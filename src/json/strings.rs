//! Decoding JSON string escapes into a caller-provided buffer.
//!
//! The decoder checks everything it relies on (raw control characters,
//! escapes, surrogate pairs), so a malformed string is an error and never
//! a panic.

/// Why a string could not be decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The output buffer is too small; the decoded text needs this many bytes.
    TooSmall(usize),
    /// An escape that JSON does not define.
    InvalidEscape,
    /// A lone surrogate.
    InvalidUnicode,
    /// A raw control character (below U+0020).
    Control,
}

/// Whether a raw string holds a backslash or a control character, that is
/// whether it needs [`decode`] (which also rejects the control characters).
/// Eight bytes at a time (the last word overlaps the one before it, and a
/// string shorter than a word is padded with a harmless byte), because
/// every string of a document goes through it and parsing must keep pace
/// with the baseline (`benches/icount.py` guards the parse).
#[inline]
pub fn needs_decoding(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    let Some(last) = bytes.len().checked_sub(8) else {
        let mut padded = [b'a'; 8];
        if let Some(head) = padded.get_mut(..bytes.len()) {
            head.copy_from_slice(bytes);
        }
        return special_in(padded);
    };
    let word = |at: usize| bytes.get(at..).and_then(|tail| tail.first_chunk::<8>()).copied();
    let mut at = 0;
    while at < last {
        if word(at).is_some_and(special_in) {
            return true;
        }
        at = at.saturating_add(8);
    }
    word(last).is_some_and(special_in)
}

/// Whether any of eight bytes is below 0x20 or a backslash.
fn special_in(bytes: [u8; 8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let word = u64::from_ne_bytes(bytes);
    // A byte below 0x20, or a zero byte once backslashes are turned into
    // zeros, sets its high bit here (the usual SWAR test: exact about
    // whether any byte matches, not always about which).
    let below = word.wrapping_sub(ONES.wrapping_mul(0x20)) & !word;
    let backslash = word ^ ONES.wrapping_mul(u64::from(b'\\'));
    let zero = backslash.wrapping_sub(ONES) & !backslash;
    (below | zero) & HIGHS != 0
}

/// Decode the raw content of a JSON string (between the quotes) into `out`.
/// Returns the number of bytes written; the decoded text is never longer
/// than the raw text.
pub fn decode(raw: &str, out: &mut [u8]) -> Result<usize, DecodeError> {
    if raw.bytes().any(|b| b < 0x20) {
        return Err(DecodeError::Control);
    }
    let mut written = 0usize;
    let mut rest = raw;
    while let Some(backslash) = rest.find('\\') {
        let (plain, escaped) = rest.split_at(backslash);
        written = put(out, written, plain.as_bytes())?;
        let (ch, after) = unescape(escaped)?;
        let mut utf8 = [0u8; 4];
        written = put(out, written, ch.encode_utf8(&mut utf8).as_bytes())?;
        rest = after;
    }
    put(out, written, rest.as_bytes())
}

/// Append `bytes` at `at`; the new length.
fn put(out: &mut [u8], at: usize, bytes: &[u8]) -> Result<usize, DecodeError> {
    let end = at
        .checked_add(bytes.len())
        .ok_or(DecodeError::TooSmall(usize::MAX))?;
    let target = out.get_mut(at..end).ok_or(DecodeError::TooSmall(end))?;
    target.copy_from_slice(bytes);
    Ok(end)
}

/// Decode one escape at the start of `s` (which begins with a backslash).
fn unescape(s: &str) -> Result<(char, &str), DecodeError> {
    let bytes = s.as_bytes();
    let simple = match bytes.get(1) {
        Some(b'"') => '"',
        Some(b'\\') => '\\',
        Some(b'/') => '/',
        Some(b'b') => '\u{8}',
        Some(b'f') => '\u{c}',
        Some(b'n') => '\n',
        Some(b'r') => '\r',
        Some(b't') => '\t',
        Some(b'u') => return unicode(s),
        _ => return Err(DecodeError::InvalidEscape),
    };
    Ok((simple, s.get(2..).ok_or(DecodeError::InvalidEscape)?))
}

/// `\uXXXX`, or a surrogate pair `\uD83C\uDFAC`.
fn unicode(s: &str) -> Result<(char, &str), DecodeError> {
    let unit = hex4(s.get(2..6))?;
    let rest = s.get(6..).ok_or(DecodeError::InvalidEscape)?;
    match unit {
        0xD800..=0xDBFF => {
            let low = match rest.strip_prefix("\\u") {
                Some(after) => hex4(after.get(..4))?,
                None => return Err(DecodeError::InvalidUnicode),
            };
            if !(0xDC00..=0xDFFF).contains(&low) {
                return Err(DecodeError::InvalidUnicode);
            }
            // Both units are in their surrogate ranges (matched above), so
            // nothing wraps: the result is in 0x10000..=0x10FFFF.
            let code = 0x10000 | (unit.wrapping_sub(0xD800) << 10) | low.wrapping_sub(0xDC00);
            let ch = char::from_u32(code).ok_or(DecodeError::InvalidUnicode)?;
            Ok((ch, rest.get(6..).ok_or(DecodeError::InvalidEscape)?))
        }
        _ => Ok((char::from_u32(unit).ok_or(DecodeError::InvalidUnicode)?, rest)),
    }
}

fn hex4(digits: Option<&str>) -> Result<u32, DecodeError> {
    let digits = digits.ok_or(DecodeError::InvalidEscape)?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(DecodeError::InvalidEscape);
    }
    u32::from_str_radix(digits, 16).map_err(|_| DecodeError::InvalidEscape)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(raw: &str) -> Result<heapless::String<64>, DecodeError> {
        let mut buf = [0u8; 64];
        let n = decode(raw, &mut buf)?;
        let mut s = heapless::String::new();
        s.push_str(core::str::from_utf8(&buf[..n]).unwrap()).unwrap();
        Ok(s)
    }

    #[test]
    fn decodes_every_escape() {
        assert_eq!(
            decoded(r#"Dwayne \"The Rock\" Johnson"#).unwrap(),
            "Dwayne \"The Rock\" Johnson"
        );
        assert_eq!(
            decoded(r"a\\b\/c\nd\te\rf\bg\fh").unwrap(),
            "a\\b/c\nd\te\rf\u{8}g\u{c}h"
        );
        assert_eq!(decoded(r"Zo\u00e9 \u00C9").unwrap(), "Zoé É");
        assert_eq!(decoded(r"\ud83c\udfac Take 1").unwrap(), "🎬 Take 1");
        assert_eq!(decoded("plain é").unwrap(), "plain é");
    }

    #[test]
    fn rejects_what_json_does_not_define() {
        assert_eq!(decoded(r"\q"), Err(DecodeError::InvalidEscape));
        assert_eq!(decoded(r"\u12"), Err(DecodeError::InvalidEscape));
        assert_eq!(decoded(r"\ud83c"), Err(DecodeError::InvalidUnicode));
        assert_eq!(decoded(r"\udfac"), Err(DecodeError::InvalidUnicode));
        assert_eq!(decoded(r"\ud83c\u0041"), Err(DecodeError::InvalidUnicode));
        assert_eq!(decoded("\\"), Err(DecodeError::InvalidEscape));
    }

    #[test]
    fn needs_decoding_finds_every_special_byte_anywhere() {
        let mut text = [b'a'; 24];
        assert!(!needs_decoding(core::str::from_utf8(&text).unwrap()));
        // Bytes just around the special ones are left alone: 0x20, 0x5B,
        // 0x5D, and high bytes of UTF-8 sequences.
        assert!(!needs_decoding("[] ]]]]]]]]]]]]]\u{7f}é🎬 x"));
        for len in 1..=text.len() {
            for at in 0..len {
                for special in [b'\\', 0x00, 0x01, 0x1f] {
                    text = [b'a'; 24];
                    text[at] = special;
                    let raw = core::str::from_utf8(&text[..len]).unwrap();
                    assert!(needs_decoding(raw), "{len} {at} {special}");
                }
                text = [b' '; 24];
                text[at] = b']';
                assert!(!needs_decoding(core::str::from_utf8(&text[..len]).unwrap()));
            }
        }
    }

    #[test]
    fn too_small_buffer_says_how_much_is_needed() {
        let mut buf = [0u8; 3];
        assert_eq!(decode(r"ab\u00e9", &mut buf), Err(DecodeError::TooSmall(4)));
    }
}
