//! The compact role table: small `Copy` entries whose strings borrow from
//! the caller's input, stored in fixed capacity chosen by the caller.
//!
//! This module knows nothing of JSON. [`Table::push`] and friends are the
//! builder that firmware uses to fill a table in code; the `json` module
//! fills the same table from a document.

use crate::error::{Error, ErrorKind, Place};
use crate::money::Currency;
use crate::vocabulary::{Department, Role, Side, unknown};

/// Fixed capacity for contractual charges (contingency, insurance, …).
pub const MAX_CHARGES: usize = 8;

/// A flag bit of an entry (SPEC §2.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[repr(u16)]
pub enum Flag {
    /// Cast billed before the title card.
    AboveTitle = 1 << 0,
    /// The director receives "A Film by".
    Possessory = 1 << 1,
    /// The p.g.a. certification mark after "Produced by".
    Pga = 1 << 2,
    /// Shares in above-the-line profits.
    ProfitParticipant = 1 << 3,
    /// Credit granted for funding, not for work.
    Financing = 1 << 4,
    /// Contracted single card.
    SingleCard = 1 << 5,
    /// Member of the relevant guild.
    Guild = 1 << 6,
    /// A guild waiver is on file.
    Waiver = 1 << 7,
    /// In the budget, never on screen.
    Uncredited = 1 << 8,
}

/// Every flag with its wire id.
pub const FLAGS: &[(&str, Flag)] = &[
    ("above_title", Flag::AboveTitle),
    ("possessory", Flag::Possessory),
    ("pga", Flag::Pga),
    ("profit_participant", Flag::ProfitParticipant),
    ("financing", Flag::Financing),
    ("single_card", Flag::SingleCard),
    ("guild", Flag::Guild),
    ("waiver", Flag::Waiver),
    ("uncredited", Flag::Uncredited),
];

/// A set of [`Flag`]s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Flags(u16);

impl Flags {
    /// No flag set.
    pub const EMPTY: Flags = Flags(0);

    /// This set with `flag` added.
    pub const fn with(self, flag: Flag) -> Flags {
        Flags(self.0 | flag as u16)
    }

    /// Whether `flag` is set.
    pub const fn has(self, flag: Flag) -> bool {
        self.0 & flag as u16 != 0
    }

    /// The flags that are set, in [`FLAGS`] order.
    pub fn iter(self) -> impl Iterator<Item = Flag> {
        FLAGS.iter().map(|&(_, f)| f).filter(move |&f| self.has(f))
    }
}

impl Flag {
    /// Look a flag up by id (ASCII whitespace trimmed, ASCII case-insensitive).
    pub fn from_id(id: &str) -> Result<Flag, ErrorKind> {
        let wanted = id.trim_ascii();
        lookup(FLAGS, wanted).ok_or_else(|| {
            let (value, suggestion) = unknown(id, wanted, &mut FLAGS.iter().map(|&(id, _)| id));
            ErrorKind::UnknownFlag { value, suggestion }
        })
    }

    /// The wire id.
    pub fn id(self) -> &'static str {
        FLAGS.iter().find(|&&(_, f)| f == self).map_or("", |&(id, _)| id)
    }
}

/// Find `id` in a table of `(id, value)` rows (ASCII whitespace trimmed,
/// ASCII case-insensitive).
pub(crate) fn lookup<T: Copy>(rows: &[(&str, T)], id: &str) -> Option<T> {
    let position = position_of(id, &mut rows.iter().map(|&(row_id, _)| row_id))?;
    rows.get(position).map(|&(_, v)| v)
}

/// Where `id` is among `ids`. Over a `dyn` iterator, so that the tables of
/// every value type share one copy of the search (the JSON reader looks up
/// seven such types: 0.8 KiB of flash).
#[inline(never)]
fn position_of(id: &str, ids: &mut dyn Iterator<Item = &str>) -> Option<usize> {
    let wanted = id.trim_ascii();
    for (position, row_id) in (0..).zip(ids) {
        if row_id.eq_ignore_ascii_case(wanted) {
            return Some(position);
        }
    }
    None
}

/// Look `id` up in a table of fixed values; an unknown value names the nearest one.
#[cfg(feature = "json")]
pub(crate) fn lookup_value<T: Copy>(rows: &[(&'static str, T)], id: &str) -> Result<T, ErrorKind> {
    lookup(rows, id).ok_or_else(|| unknown_value(id, &mut rows.iter().map(|&(id, _)| id)))
}

/// The error of an unknown value, built out of line: one copy for every
/// table of values.
#[cfg(feature = "json")]
#[cold]
#[inline(never)]
fn unknown_value(id: &str, ids: &mut dyn Iterator<Item = &'static str>) -> ErrorKind {
    let (value, suggestion) = unknown(id, id.trim_ascii(), ids);
    ErrorKind::UnknownValue { value, suggestion }
}

/// The wire id of `value` in a table of fixed values.
pub(crate) fn id_of<T: Copy + PartialEq>(rows: &[(&'static str, T)], value: T) -> &'static str {
    rows.iter().find(|(_, v)| *v == value).map_or("", |&(id, _)| id)
}

/// How a cast member is credited (SPEC §2.1 `cast_credit`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum CastCredit {
    /// A billed star (the default).
    #[default]
    Star,
    /// "Featuring".
    Featuring,
    /// "With".
    With,
    /// "And".
    And,
    /// "and … as …".
    AndAs,
    /// "Introducing".
    Introducing,
    /// "Special Appearance by".
    SpecialAppearance,
    /// A voice role; billed like a star.
    Voice,
}

/// Wire ids of [`CastCredit`].
pub const CAST_CREDITS: &[(&str, CastCredit)] = &[
    ("star", CastCredit::Star),
    ("featuring", CastCredit::Featuring),
    ("with", CastCredit::With),
    ("and", CastCredit::And),
    ("and_as", CastCredit::AndAs),
    ("introducing", CastCredit::Introducing),
    ("special_appearance", CastCredit::SpecialAppearance),
    ("voice", CastCredit::Voice),
];

impl CastCredit {
    /// Whether this credit is one of the special credits that close the
    /// cast block and are always shown.
    pub const fn is_special(self) -> bool {
        !matches!(self, CastCredit::Star | CastCredit::Voice)
    }
}

/// A fringe on an entry's fee: a rate and an optional per-person wage ceiling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Fringe {
    /// Rate in basis points of the wages subject to it.
    pub bps: u32,
    /// Ceiling on the wages subject to the fringe, per person (same name).
    pub cap: Option<i64>,
}

/// One credit of one person or company (SPEC §2.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Entry<'a> {
    /// The name as it appears on screen, decoded.
    pub name: &'a str,
    /// The role.
    pub role: Role,
    /// On-screen title overriding the vocabulary's (required with `custom`).
    pub title: Option<&'a str>,
    /// Crawl department: the role's, or the table's choice for `custom`.
    pub department: Department,
    /// Cast: the character name.
    pub character: Option<&'a str>,
    /// Contracted position within its block (1 = first).
    pub billing: Option<u16>,
    /// Cast: order of first appearance.
    pub appearance: Option<u16>,
    /// Writers: entries with the same team id are one writing team.
    pub team: Option<u16>,
    /// Cast: how the member is credited.
    pub cast_credit: CastCredit,
    /// Deal flags.
    pub flags: Flags,
    /// What the entry costs, in minor units (≥ 0).
    pub fee: i64,
    /// Budget account overriding the role's default.
    pub account: Option<u16>,
    /// The deal's side of the line, overriding every default.
    pub line: Option<Side>,
    /// Fringe on the fee.
    pub fringe: Option<Fringe>,
}

impl<'a> Entry<'a> {
    /// An entry of `role` for `name`, every optional field empty.
    pub fn new(name: &'a str, role: Role) -> Entry<'a> {
        Entry {
            name,
            role,
            title: None,
            department: role
                .info()
                .map_or(Department::AdditionalCrew, |info| info.department),
            character: None,
            billing: None,
            appearance: None,
            team: None,
            cast_credit: CastCredit::Star,
            flags: Flags::EMPTY,
            fee: 0,
            account: None,
            line: None,
            fringe: None,
        }
    }

    /// A `custom` entry with its own title in a chosen department.
    pub fn custom(name: &'a str, title: &'a str, department: Department) -> Entry<'a> {
        Entry {
            title: Some(title),
            department,
            ..Entry::new(name, Role::Custom)
        }
    }

    /// Set the billing position.
    pub fn billing(mut self, position: u16) -> Self {
        self.billing = Some(position);
        self
    }

    /// Set the character (cast).
    pub fn character(mut self, character: &'a str) -> Self {
        self.character = Some(character);
        self
    }

    /// Set the order of first appearance (cast).
    pub fn appearance(mut self, position: u16) -> Self {
        self.appearance = Some(position);
        self
    }

    /// Set the writing team id.
    pub fn team(mut self, team: u16) -> Self {
        self.team = Some(team);
        self
    }

    /// Set the on-screen title.
    pub fn title(mut self, title: &'a str) -> Self {
        self.title = Some(title);
        self
    }

    /// Set the cast credit.
    pub fn cast_credit(mut self, credit: CastCredit) -> Self {
        self.cast_credit = credit;
        self
    }

    /// Add a flag.
    pub fn flag(mut self, flag: Flag) -> Self {
        self.flags = self.flags.with(flag);
        self
    }

    /// Set the fee in minor units.
    pub fn fee(mut self, fee: i64) -> Self {
        self.fee = fee;
        self
    }

    /// Set the budget account.
    pub fn account(mut self, account: u16) -> Self {
        self.account = Some(account);
        self
    }

    /// Set the deal's side of the line.
    pub fn line(mut self, side: Side) -> Self {
        self.line = Some(side);
        self
    }

    /// Set the fringe.
    pub fn fringe(mut self, bps: u32, cap: Option<i64>) -> Self {
        self.fringe = Some(Fringe { bps, cap });
        self
    }

    /// Whether the entry carries `flag`.
    pub fn has(&self, flag: Flag) -> bool {
        self.flags.has(flag)
    }

    /// Whether the entry is shown on screen at all.
    pub fn is_credited(&self) -> bool {
        !self.has(Flag::Uncredited)
    }

    /// Check the entry's own rules (SPEC §3.6 errors); `index` names it in errors.
    pub fn validate(&self, index: usize) -> Result<(), Error> {
        let place = Place::Entry(index);
        if self.role == Role::Custom && self.title.is_none() {
            return Err(Error::at(
                ErrorKind::CustomNeedsTitleAndDepartment,
                place,
                "title",
            ));
        }
        for (value, field) in [
            (self.billing, "billing"),
            (self.appearance, "appearance"),
            (self.team, "team"),
        ] {
            if value == Some(0) {
                return Err(Error::at(ErrorKind::ZeroPosition, place, field));
            }
        }
        if self.fee < 0 {
            return Err(Error::at(ErrorKind::NegativeAmount, place, "fee"));
        }
        if let Some(Fringe { cap: Some(cap), .. }) = self.fringe
            && cap < 0
        {
            return Err(Error::at(ErrorKind::NegativeAmount, place, "cap"));
        }
        Ok(())
    }
}

/// A budget line that is not a person (SPEC §2.1 `lines`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Line<'a> {
    /// Account the amount is posted to.
    pub account: u16,
    /// What the line is.
    pub description: &'a str,
    /// Amount in minor units (may be negative: a credit or rebate).
    pub amount: i64,
}

/// What a contractual charge is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum ChargeRate {
    /// A percentage in basis points of the base, rounded half-up.
    Bps(u32),
    /// A flat amount in minor units.
    Amount(i64),
}

/// A contractual charge on the ATL + BTL total (SPEC §4.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Charge<'a> {
    /// Name on the top sheet ("Contingency", "Insurance").
    pub name: &'a str,
    /// Rate or amount.
    pub rate: ChargeRate,
    /// Sections left out of the base.
    pub exclude: SectionSet,
}

/// A top-sheet section (SPEC §4.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Section {
    /// Above the line.
    Atl,
    /// Below the line: production.
    Production,
    /// Below the line: post production.
    Post,
    /// Below the line: other.
    Other,
}

/// Every section, in top-sheet order, with its wire id.
pub const SECTIONS: &[(&str, Section)] = &[
    ("atl", Section::Atl),
    ("production", Section::Production),
    ("post", Section::Post),
    ("other", Section::Other),
];

impl Section {
    /// The wire id.
    pub fn id(self) -> &'static str {
        id_of(SECTIONS, self)
    }

    /// Position in [`SECTIONS`].
    pub const fn index(self) -> usize {
        self as usize
    }
}

/// A set of sections (for a charge's `exclude`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SectionSet(u8);

impl SectionSet {
    /// This set with `section` added.
    pub const fn with(self, section: Section) -> SectionSet {
        SectionSet(self.0 | 1 << section as u8)
    }

    /// Whether `section` is in the set.
    pub const fn has(self, section: Section) -> bool {
        self.0 & (1 << section as u8) != 0
    }
}

/// The chart of accounts: one inclusive account range per section.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Chart {
    /// Inclusive `(first, last)` account of each section, in [`SECTIONS`] order.
    pub ranges: [(u16, u16); 4],
}

impl Default for Chart {
    fn default() -> Chart {
        Chart::HOLLYWOOD
    }
}

impl Chart {
    /// The common Hollywood four-digit chart: ATL 1000–1999, production
    /// 2000–4999, post 5000–6999, other 7000–7999.
    pub const HOLLYWOOD: Chart = Chart {
        ranges: [(1000, 1999), (2000, 4999), (5000, 6999), (7000, 7999)],
    };

    /// The section an account belongs to, if any.
    pub fn section_of(&self, account: u16) -> Option<Section> {
        SECTIONS
            .iter()
            .zip(&self.ranges)
            .find(|&(_, &(first, last))| (first..=last).contains(&account))
            .map(|(&(_, section), _)| section)
    }

    /// Check that every range is ordered and no two overlap.
    pub fn validate(&self) -> Result<(), Error> {
        for (i, &(a0, a1)) in self.ranges.iter().enumerate() {
            let overlaps = self
                .ranges
                .iter()
                .skip(i.saturating_add(1))
                .any(|&(b0, b1)| a0 <= b1 && b0 <= a1);
            if a0 > a1 || overlaps {
                let field = SECTIONS.get(i).map_or("chart", |&(id, _)| id);
                return Err(Error::at(ErrorKind::ChartOverlap, Place::Chart, field));
            }
        }
        Ok(())
    }
}

/// The kind of production; selects the ordering rules.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Profile {
    /// A feature film (the default).
    #[default]
    Feature,
    /// A TV episode or series.
    Episodic,
    /// A documentary.
    Documentary,
}

/// Wire ids of [`Profile`].
pub const PROFILES: &[(&str, Profile)] = &[
    ("feature", Profile::Feature),
    ("episodic", Profile::Episodic),
    ("documentary", Profile::Documentary),
];

/// Where the end credits start (SPEC §3.2).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum EndCredits {
    /// The main titles carried the principal credits; the end starts at the crawl.
    #[default]
    AfterMainTitles,
    /// No opening credits: the end shows the principal credits first.
    EndOnly,
}

/// Wire ids of [`EndCredits`].
pub const END_CREDITS: &[(&str, EndCredits)] = &[
    ("after_main_titles", EndCredits::AfterMainTitles),
    ("end_only", EndCredits::EndOnly),
];

/// Order of the end credits' full cast list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum CastOrder {
    /// By billing position (the default).
    #[default]
    Billing,
    /// The top billed names first, then order of appearance.
    Appearance,
    /// By surname (last word of the name; words split at ASCII whitespace,
    /// so a no-break space joins a compound surname), then the whole name.
    Alphabetical,
}

/// Wire ids of [`CastOrder`].
pub const CAST_ORDERS: &[(&str, CastOrder)] = &[
    ("billing", CastOrder::Billing),
    ("appearance", CastOrder::Appearance),
    ("alphabetical", CastOrder::Alphabetical),
];

/// Ordering options (SPEC §2.1 `options`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Options {
    /// Billed cast shown in the main titles.
    pub main_title_cast: u16,
    /// Billed cast shown in the billing block.
    pub billing_block_cast: u16,
    /// Merge the director's sole writing or producing credit into one card.
    pub merge_hyphenates: bool,
    /// Where the end credits start.
    pub end_credits: EndCredits,
    /// Order of the full cast list.
    pub cast_order: CastOrder,
    /// With `appearance` order, this many billed names come first.
    pub cast_order_top: u16,
    /// Most names on one card of the main titles and end credits.
    pub max_names_per_card: u16,
}

impl Options {
    /// The defaults of SPEC §2.1.
    pub const DEFAULT: Options = Options {
        main_title_cast: 8,
        billing_block_cast: 8,
        merge_hyphenates: true,
        end_credits: EndCredits::AfterMainTitles,
        cast_order: CastOrder::Billing,
        cast_order_top: 0,
        max_names_per_card: 6,
    };
}

impl Default for Options {
    fn default() -> Options {
        Options::DEFAULT
    }
}

/// A role table of at most `N` entries and `N` budget lines.
///
/// Strings borrow from the caller (`'a`). Every `push` checks capacity and
/// the entry's own rules; a full table is an error, never a truncation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table<'a, const N: usize> {
    /// The picture's title, shown on the title card.
    pub title: &'a str,
    /// Currency of every amount.
    pub currency: Currency,
    /// Kind of production.
    pub profile: Profile,
    /// Ordering options.
    pub options: Options,
    /// Chart of accounts.
    pub chart: Chart,
    entries: heapless::Vec<Entry<'a>, N>,
    lines: heapless::Vec<Line<'a>, N>,
    charges: heapless::Vec<Charge<'a>, MAX_CHARGES>,
    /// How many entries have a billing position: ordering sizes its
    /// duplicate-billing set by it rather than clear room for every entry.
    billed: usize,
}

impl<const N: usize> Default for Table<'_, N> {
    fn default() -> Self {
        Table::new("")
    }
}

impl<'a, const N: usize> Table<'a, N> {
    /// An empty feature table in USD with default options and chart.
    pub const fn new(title: &'a str) -> Self {
        Table {
            title,
            currency: Currency::USD,
            profile: Profile::Feature,
            options: Options::DEFAULT,
            chart: Chart::HOLLYWOOD,
            entries: heapless::Vec::new(),
            lines: heapless::Vec::new(),
            charges: heapless::Vec::new(),
            billed: 0,
        }
    }

    /// The entries, in table order.
    pub fn entries(&self) -> &[Entry<'a>] {
        &self.entries
    }

    /// The budget lines.
    pub fn lines(&self) -> &[Line<'a>] {
        &self.lines
    }

    /// The contractual charges.
    pub fn charges(&self) -> &[Charge<'a>] {
        &self.charges
    }

    /// The entry at `index`.
    pub fn entry(&self, index: usize) -> Option<&Entry<'a>> {
        self.entries.get(index)
    }

    /// Remove every entry, line and charge (keeps title, currency, options).
    pub fn clear(&mut self) {
        self.entries.clear();
        self.billed = 0;
        self.lines.clear();
        self.charges.clear();
    }

    /// Back to an empty table with every setting at its default, in place
    /// (no large temporary on the stack).
    pub fn reset(&mut self) {
        self.clear();
        self.title = "";
        self.currency = Currency::USD;
        self.profile = Profile::Feature;
        self.options = Options::DEFAULT;
        self.chart = Chart::HOLLYWOOD;
    }

    /// Check what depends on the whole table: the chart has no overlap, and
    /// every explicit account (entries and lines) lies in a section.
    pub fn validate(&self) -> Result<(), Error> {
        self.chart.validate()?;
        let outside = |account: u16, place: Place| {
            self.chart.section_of(account).map(|_| ()).ok_or(Error::at(
                ErrorKind::AccountOutsideChart {
                    account: u32::from(account),
                },
                place,
                "account",
            ))
        };
        for (i, entry) in self.entries.iter().enumerate() {
            if let Some(account) = entry.account {
                outside(account, Place::Entry(i))?;
            }
        }
        for (i, line) in self.lines.iter().enumerate() {
            outside(line.account, Place::Line(i))?;
        }
        Ok(())
    }

    /// Append an entry after checking its rules and the capacity.
    pub fn push(&mut self, entry: Entry<'a>) -> Result<&mut Self, Error> {
        entry.validate(self.entries.len())?;
        self.push_checked(entry)
    }

    /// Append an entry whose rules ([`Entry::validate`]) the JSON reader
    /// has already checked field by field, with its own errors; only the
    /// capacity is left to check.
    pub(crate) fn push_checked(&mut self, entry: Entry<'a>) -> Result<&mut Self, Error> {
        let index = self.entries.len();
        let billed = entry.billing.is_some();
        self.entries.push(entry).map_err(|_| {
            Error::at(
                ErrorKind::CapacityExceeded {
                    what: "entries",
                    capacity: N,
                },
                Place::Entry(index),
                "entries",
            )
        })?;
        if billed {
            self.billed = self.billed.saturating_add(1);
        }
        Ok(self)
    }

    /// How many entries have a billing position.
    pub(crate) fn billed(&self) -> usize {
        self.billed
    }

    /// Append a budget line. Its account is checked against the chart by
    /// [`Table::validate`] and by the top sheet.
    pub fn push_line(&mut self, line: Line<'a>) -> Result<&mut Self, Error> {
        let index = self.lines.len();
        self.lines.push(line).map_err(|_| {
            Error::at(
                ErrorKind::CapacityExceeded {
                    what: "lines",
                    capacity: N,
                },
                Place::Line(index),
                "lines",
            )
        })?;
        Ok(self)
    }

    /// Append a contractual charge (at most [`MAX_CHARGES`]).
    pub fn push_charge(&mut self, charge: Charge<'a>) -> Result<&mut Self, Error> {
        let index = self.charges.len();
        if let ChargeRate::Amount(a) = charge.rate
            && a < 0
        {
            return Err(Error::at(
                ErrorKind::NegativeAmount,
                Place::Charge(index),
                "amount",
            ));
        }
        self.charges.push(charge).map_err(|_| {
            Error::at(
                ErrorKind::CapacityExceeded {
                    what: "charges",
                    capacity: MAX_CHARGES,
                },
                Place::Charge(index),
                "charges",
            )
        })?;
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn billed_counts_the_entries_with_a_billing_position() {
        let mut t: Table<'_, 3> = Table::new("T");
        t.push(Entry::new("A", Role::Cast).billing(1)).unwrap();
        t.push(Entry::new("B", Role::Gaffer)).unwrap();
        t.push(Entry::new("C", Role::Cast).billing(1)).unwrap();
        assert_eq!(t.billed(), 2);
        // Neither a full table nor a rejected entry counts.
        assert!(t.push(Entry::new("D", Role::Cast).billing(2)).is_err());
        assert_eq!(t.billed(), 2);
        t.clear();
        assert_eq!(t.billed(), 0);
        assert!(t.push(Entry::new("E", Role::Cast).billing(0)).is_err());
        assert_eq!(t.billed(), 0);
    }

    #[test]
    fn capacity_is_an_error_not_a_truncation() {
        let mut t: Table<'_, 2> = Table::new("T");
        t.push(Entry::new("A", Role::Director)).unwrap();
        t.push(Entry::new("B", Role::Editor)).unwrap();
        let err = t.push(Entry::new("C", Role::Gaffer)).unwrap_err();
        assert_eq!(
            err,
            Error::at(
                ErrorKind::CapacityExceeded {
                    what: "entries",
                    capacity: 2
                },
                Place::Entry(2),
                "entries"
            )
        );
        assert_eq!(t.entries().len(), 2);
    }

    #[test]
    fn entry_rules_are_checked_on_push() {
        let mut t: Table<'_, 4> = Table::new("T");
        let zero = t.push(Entry::new("A", Role::Cast).billing(0)).unwrap_err();
        assert_eq!(
            zero,
            Error::at(ErrorKind::ZeroPosition, Place::Entry(0), "billing")
        );
        let custom = Entry {
            title: None,
            ..Entry::custom("A", "x", Department::Art)
        };
        let err = t.push(custom).unwrap_err();
        assert_eq!(err.kind, ErrorKind::CustomNeedsTitleAndDepartment);
        assert!(t.entries().is_empty());
    }

    #[test]
    fn chart_sections_and_overlap() {
        let chart = Chart::default();
        assert_eq!(chart.section_of(1300), Some(Section::Atl));
        assert_eq!(chart.section_of(4999), Some(Section::Production));
        assert_eq!(chart.section_of(5000), Some(Section::Post));
        assert_eq!(chart.section_of(8000), None);
        assert!(chart.validate().is_ok());
        let bad = Chart {
            ranges: [(1000, 2000), (2000, 4999), (5000, 6999), (7000, 7999)],
        };
        assert_eq!(bad.validate().unwrap_err().kind, ErrorKind::ChartOverlap);
    }

    #[test]
    fn flags_round_trip_their_ids() {
        for &(id, flag) in FLAGS {
            assert_eq!(Flag::from_id(id), Ok(flag));
            assert_eq!(flag.id(), id);
        }
        assert!(matches!(
            Flag::from_id("posessory"),
            Err(ErrorKind::UnknownFlag {
                suggestion: Some("possessory"),
                ..
            })
        ));
    }
}
