//! Wire ids: the stable snake_case names that tables, the CLI and the JSON
//! output use for the crate's enums, defined once per enum by
//! [`wire_enum!`].
//!
//! Every fixed set of values the formats accept (flags, cast credits,
//! profiles, sections, …) is declared with its ids in one place, which
//! gives the enum `ALL`, `id()` and `from_id()`. An unknown id is an
//! [`ErrorKind::Unknown`] that names the nearest known id.

use crate::error::{ErrorKind, IdKind, Suggestion};

/// Declare a public enum whose variants have wire ids:
///
/// ```text
/// wire_enum! {
///     /// Docs.
///     #[derive(...)]
///     pub enum Name: IdKind::Variant {
///         /// Docs.
///         Variant = "id",
///     }
/// }
/// ```
///
/// The enum gets `ALL` (every variant in declaration order), `id()` and
/// `from_id()`; `IdKind::Variant` names the list in errors and suggestions.
/// Without `: IdKind::…` (an enum the crate writes but never reads) it
/// gets `ALL` and `id()`.
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $id:literal, )*
        }
    ) => {
        $(#[$meta])*
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The stable wire id.
            pub const fn id(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)*
                }
            }
        }
    };
    (
        $(#[$meta:meta])*
        pub enum $name:ident: IdKind::$kind:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $id:literal, )*
        }
    ) => {
        $crate::wire::wire_enum! {
            $(#[$meta])*
            pub enum $name {
                $( $(#[$vmeta])* $variant = $id, )*
            }
        }

        impl $name {
            /// Look a value up by its wire id (ASCII whitespace trimmed,
            /// ASCII case-insensitive). An unknown id is an error that
            /// names the nearest known one.
            pub fn from_id(id: &str) -> Result<$name, $crate::error::ErrorKind> {
                $crate::wire::find(Self::ALL, Self::id, id, $crate::error::IdKind::$kind)
            }
        }
    };
}

pub(crate) use wire_enum;

/// Find `id` among `all` by wire id (trimmed, ASCII case-insensitive), or
/// say which id is nearest.
pub(crate) fn find<T: Copy>(
    all: &[T],
    id_of: fn(T) -> &'static str,
    id: &str,
    kind: IdKind,
) -> Result<T, ErrorKind> {
    let wanted = id.trim_ascii();
    all.iter()
        .copied()
        .find(|&value| id_of(value).eq_ignore_ascii_case(wanted))
        .ok_or_else(|| unknown(kind, wanted, &mut all.iter().map(|&value| id_of(value))))
}

/// The error for an unknown `wanted` among `candidates`, the ids of list
/// `kind` in order. Out of line: one copy serves every list.
#[cold]
#[inline(never)]
pub(crate) fn unknown(
    kind: IdKind,
    wanted: &str,
    candidates: &mut dyn Iterator<Item = &'static str>,
) -> ErrorKind {
    let suggestion = nearest(wanted, candidates)
        .and_then(|index| u16::try_from(index).ok())
        .map(|index| Suggestion::new(kind, index));
    ErrorKind::Unknown { kind, suggestion }
}

/// Longest id compared by [`nearest`]; longer inputs get no suggestion.
const MAX_SUGGEST_LEN: usize = 48;

/// The position of the candidate closest to `input` by edit distance
/// (ASCII case-folded), if it is close enough to be a plausible typo.
/// Allocation-free: two rows of a fixed-size Levenshtein table.
pub(crate) fn nearest(input: &str, candidates: &mut dyn Iterator<Item = &'static str>) -> Option<usize> {
    let input = input.as_bytes();
    if input.is_empty() || input.len() > MAX_SUGGEST_LEN {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    for (position, candidate) in candidates.enumerate() {
        let Some(distance) = edit_distance(input, candidate.as_bytes()) else {
            continue;
        };
        // A suggestion is plausible within a third of the longer word.
        let limit = (input.len().max(candidate.len()) / 3).saturating_add(1);
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, position));
        }
    }
    best.map(|(_, position)| position)
}

/// Levenshtein distance, ASCII case-insensitive; `None` when a word is too long.
fn edit_distance(a: &[u8], b: &[u8]) -> Option<usize> {
    if a.len() > MAX_SUGGEST_LEN || b.len() > MAX_SUGGEST_LEN {
        return None;
    }
    let mut previous = [0usize; MAX_SUGGEST_LEN + 1];
    let mut current = [0usize; MAX_SUGGEST_LEN + 1];
    // Distances are at most MAX_SUGGEST_LEN, so the additions never saturate.
    for (j, cell) in previous.iter_mut().enumerate() {
        *cell = j;
    }
    for (i, &ca) in a.iter().enumerate() {
        *current.first_mut()? = i.saturating_add(1);
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous
                .get(j)?
                .saturating_add(usize::from(!ca.eq_ignore_ascii_case(&cb)));
            let deletion = previous.get(j.saturating_add(1))?.saturating_add(1);
            let insertion = current.get(j)?.saturating_add(1);
            *current.get_mut(j.saturating_add(1))? = substitution.min(deletion).min(insertion);
        }
        core::mem::swap(&mut previous, &mut current);
    }
    previous.get(b.len()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    const IDS: &[&str] = &["director", "director_of_photography", "editor"];

    fn nearest_id(input: &str) -> Option<&'static str> {
        nearest(input, &mut IDS.iter().copied()).map(|i| IDS[i])
    }

    #[test]
    fn suggests_a_plausible_typo_only() {
        assert_eq!(nearest_id("diretor"), Some("director"));
        assert_eq!(
            nearest_id("DIRECTOR_OF_PHOTOGRAFY"),
            Some("director_of_photography")
        );
        assert_eq!(nearest_id("editr"), Some("editor"));
        assert_eq!(nearest_id("zzzzzzzz"), None);
        assert_eq!(nearest_id(""), None);
        assert_eq!(nearest_id(&"x".repeat(MAX_SUGGEST_LEN + 1)), None);
    }

    #[test]
    fn edit_distance_counts_insertions_deletions_and_substitutions() {
        assert_eq!(edit_distance(b"kitten", b"sitting"), Some(3));
        assert_eq!(edit_distance(b"", b"abc"), Some(3));
        assert_eq!(edit_distance(b"Grip", b"grip"), Some(0));
    }
}
