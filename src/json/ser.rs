//! JSON out: every result serializes with serde-json-core into a
//! caller-provided buffer, so every frontend emits the same bytes (SPEC
//! §5.1). Strings are the decoded text, escaped by serde-json-core's string
//! serializer, so the output is always valid JSON. A buffer that is too
//! small is an error, never a truncated document.

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::budget::{Shares, TopSheet, classify_all};
use crate::error::{Error, ErrorKind, Location};
use crate::order::{Card, CardKind, Credits};
use crate::table::{CastCredit, Section, Table};

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
        let cards = || {
            credits
                .cards()
                .iter()
                .map(|card| CardDoc { credits, card, table })
        };
        map.serialize_entry("cards", &Array(cards))?;
        let warnings = || {
            credits.warnings().map(|w| WarningDoc {
                entry: w.entry,
                code: w.code.id(),
                message: w.code.message(),
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
    message: &'static str,
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
        let has_characters = matches!(
            card.kind,
            CardKind::CastList | CardKind::CastCredit(CastCredit::AndAs)
        );
        if has_characters {
            map.serialize_entry(
                "characters",
                &Array(|| shown().map(|e| e.character.unwrap_or(""))),
            )?;
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

/// Write the classification of every entry (SPEC §5.1 `classify --json`)
/// into `buf`. An entry that cannot be classified is an error before
/// anything is written.
pub fn write_classifications<const N: usize>(table: &Table<'_, N>, buf: &mut [u8]) -> Result<usize, Error> {
    for result in classify_all(table) {
        result?;
    }
    to_buffer(&ClassificationsDoc { table }, buf)
}

struct ClassificationsDoc<'t, 'a, const N: usize> {
    table: &'t Table<'a, N>,
}

#[derive(serde::Serialize)]
struct ClassificationDoc<'a> {
    entry: usize,
    name: &'a str,
    role: &'static str,
    side: &'static str,
    section: Option<&'static str>,
    account: Option<u16>,
    reason: &'static str,
}

impl<const N: usize> Serialize for ClassificationsDoc<'_, '_, N> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let table = self.table;
        let rows = || {
            table
                .entries()
                .iter()
                .zip(classify_all(table))
                .enumerate()
                .filter_map(|(entry, (e, c))| {
                    let c = c.ok()?;
                    Some(ClassificationDoc {
                        entry,
                        name: e.name,
                        role: e.role.id(),
                        side: c.side.id(),
                        section: c.section.map(Section::id),
                        account: c.account,
                        reason: c.reason.id(),
                    })
                })
        };
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("entries", &Array(rows))?;
        map.end()
    }
}

/// Write a top sheet (SPEC §5.1 `topsheet --json`) into `buf`.
pub fn write_top_sheet(sheet: &TopSheet<'_>, buf: &mut [u8]) -> Result<usize, Error> {
    to_buffer(&TopSheetDoc(sheet), buf)
}

struct TopSheetDoc<'s, 'a>(&'s TopSheet<'a>);

#[derive(serde::Serialize)]
struct ChargeDoc<'a> {
    name: &'a str,
    amount: i64,
}

impl Serialize for TopSheetDoc<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let sheet = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("currency", sheet.currency.code)?;
        for &section in Section::ALL {
            map.serialize_entry(section.id(), &sheet.section(section))?;
        }
        map.serialize_entry("btl", &sheet.btl)?;
        map.serialize_entry("fringes", &sheet.fringes)?;
        map.serialize_entry("atl_btl", &sheet.atl_btl)?;
        let charges = || {
            sheet.charges().iter().map(|c| ChargeDoc {
                name: c.name,
                amount: c.amount,
            })
        };
        map.serialize_entry("charges", &Array(charges))?;
        map.serialize_entry("charges_total", &sheet.charges_total)?;
        map.serialize_entry("grand_total", &sheet.grand_total)?;
        map.serialize_entry("shares_bps", &SharesDoc(sheet.shares_bps))?;
        map.end()
    }
}

struct SharesDoc(Shares);

impl Serialize for SharesDoc {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for (section, share) in Section::ALL.iter().zip(self.0.sections) {
            map.serialize_entry(section.id(), &share)?;
        }
        map.serialize_entry("charges", &self.0.charges)?;
        map.end()
    }
}

/// Write a split (SPEC §5.1 `split --json`) into `buf`.
pub fn write_split(total: i64, parts: &[i64], buf: &mut [u8]) -> Result<usize, Error> {
    #[derive(serde::Serialize)]
    struct SplitDoc<'p> {
        total: i64,
        parts: &'p [i64],
    }
    to_buffer(&SplitDoc { total, parts }, buf)
}

/// Write a whole table back in the input format (SPEC §2), so that parsing
/// the output gives the same table. Optional fields are written only when
/// set; `department` only where it differs from the role's own.
pub fn write_table<const N: usize>(table: &Table<'_, N>, buf: &mut [u8]) -> Result<usize, Error> {
    to_buffer(&TableDoc { table }, buf)
}

struct TableDoc<'t, 'a, const N: usize> {
    table: &'t Table<'a, N>,
}

impl<const N: usize> Serialize for TableDoc<'_, '_, N> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let t = self.table;
        let o = &t.options;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("title", t.title)?;
        map.serialize_entry("currency", t.currency.code)?;
        map.serialize_entry("profile", t.profile.id())?;
        map.serialize_entry(
            "options",
            &OptionsDoc {
                main_title_cast: o.main_title_cast,
                billing_block_cast: o.billing_block_cast,
                merge_hyphenates: o.merge_hyphenates,
                end_credits: o.end_credits.id(),
                cast_order: o.cast_order.id(),
                cast_order_top: o.cast_order_top,
                max_names_per_card: o.max_names_per_card,
            },
        )?;
        let [atl, production, post, other] = t.chart.ranges.map(|(first, last)| [first, last]);
        map.serialize_entry(
            "chart",
            &ChartDoc {
                atl,
                production,
                post,
                other,
            },
        )?;
        map.serialize_entry("entries", &Array(|| t.entries().iter().map(EntryDoc)))?;
        let lines = || {
            t.lines().iter().map(|l| LineDoc {
                account: l.account,
                description: l.description,
                amount: l.amount,
            })
        };
        map.serialize_entry("lines", &Array(lines))?;
        map.serialize_entry("charges", &Array(|| t.charges().iter().map(ChargeOut)))?;
        map.end()
    }
}

#[derive(serde::Serialize)]
struct OptionsDoc {
    main_title_cast: u16,
    billing_block_cast: u16,
    merge_hyphenates: bool,
    end_credits: &'static str,
    cast_order: &'static str,
    cast_order_top: u16,
    max_names_per_card: u16,
}

#[derive(serde::Serialize)]
struct ChartDoc {
    atl: [u16; 2],
    production: [u16; 2],
    post: [u16; 2],
    other: [u16; 2],
}

#[derive(serde::Serialize)]
struct LineDoc<'a> {
    account: u16,
    description: &'a str,
    amount: i64,
}

struct EntryDoc<'e, 'a>(&'e crate::table::Entry<'a>);

impl Serialize for EntryDoc<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let e = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("name", e.name)?;
        map.serialize_entry("role", e.role.id())?;
        if let Some(title) = e.title {
            map.serialize_entry("title", title)?;
        }
        if e.role.info().map(|info| info.department) != Some(e.department) {
            map.serialize_entry("department", e.department.id())?;
        }
        if let Some(character) = e.character {
            map.serialize_entry("character", character)?;
        }
        for (key, value) in [
            ("billing", e.billing),
            ("appearance", e.appearance),
            ("team", e.team),
        ] {
            if let Some(value) = value {
                map.serialize_entry(key, &value)?;
            }
        }
        map.serialize_entry("cast_credit", e.cast_credit.id())?;
        map.serialize_entry("flags", &Array(|| e.flags.iter().map(crate::table::Flag::id)))?;
        map.serialize_entry("fee", &e.fee)?;
        if let Some(account) = e.account {
            map.serialize_entry("account", &account)?;
        }
        if let Some(side) = e.line {
            map.serialize_entry("line", side.id())?;
        }
        if let Some(fringe) = e.fringe {
            map.serialize_entry(
                "fringe",
                &FringeDoc {
                    bps: fringe.bps,
                    cap: fringe.cap,
                },
            )?;
        }
        map.end()
    }
}

#[derive(serde::Serialize)]
struct FringeDoc {
    bps: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    cap: Option<i64>,
}

struct ChargeOut<'c, 'a>(&'c crate::table::Charge<'a>);

impl Serialize for ChargeOut<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use crate::table::ChargeRate;
        let c = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("name", c.name)?;
        match c.rate {
            ChargeRate::Bps(bps) => map.serialize_entry("bps", &bps)?,
            ChargeRate::Amount(amount) => map.serialize_entry("amount", &amount)?,
        }
        let excluded = || Section::ALL.iter().filter(|&&s| c.exclude.has(s)).map(|s| s.id());
        map.serialize_entry("exclude", &Array(excluded))?;
        map.end()
    }
}
