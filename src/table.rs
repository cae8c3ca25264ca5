//! The compact role table: small `Copy` entries whose strings borrow from
//! the caller's input, stored in fixed capacity chosen by the caller.
//!
//! This module knows nothing of JSON. [`Table::push`] and friends are the
//! builder that firmware uses to fill a table in code; the `json` module
//! fills the same table from a document.

use crate::error::{Buffer, Error, ErrorKind, Field, Place, narrow};
use crate::money::Currency;
use crate::vocabulary::{Department, Role, Side};
use crate::wire::wire_enum;

/// Fixed capacity for contractual charges (contingency, insurance, …).
pub const MAX_CHARGES: usize = 8;

wire_enum! {
    /// A flag of an entry (SPEC §2.1).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    #[cfg_attr(feature = "defmt", derive(defmt::Format))]
    #[non_exhaustive]
    pub enum Flag: IdKind::Flag {
        /// Cast billed before the title card.
        AboveTitle = "above_title",
        /// The director receives "A Film by".
        Possessory = "possessory",
        /// The p.g.a. certification mark after "Produced by".
        Pga = "pga",
        /// Shares in above-the-line profits.
        ProfitParticipant = "profit_participant",
        /// Credit granted for funding, not for work.
        Financing = "financing",
        /// Contracted single card.
        SingleCard = "single_card",
        /// Member of the relevant guild.
        Guild = "guild",
        /// A guild waiver is on file.
        Waiver = "waiver",
        /// In the budget, never on screen.
        Uncredited = "uncredited",
    }
}

// A flag is a bit of a `u16` set.
const _: () = assert!(Flag::ALL.len() <= 16, "a flag is a bit of a u16");

impl Flag {
    /// The flag's bit in a [`Flags`] set.
    const fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// A set of [`Flag`]s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Flags(u16);

impl Flags {
    /// No flag set.
    pub const EMPTY: Flags = Flags(0);

    /// This set with `flag` added.
    pub const fn with(self, flag: Flag) -> Flags {
        Flags(self.0 | flag.bit())
    }

    /// Whether `flag` is set.
    pub const fn has(self, flag: Flag) -> bool {
        self.0 & flag.bit() != 0
    }

    /// The flags that are set, in [`Flag::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Flag> {
        Flag::ALL.iter().copied().filter(move |&f| self.has(f))
    }
}

wire_enum! {
    /// How a cast member is credited (SPEC §2.1 `cast_credit`).
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
    #[cfg_attr(feature = "defmt", derive(defmt::Format))]
    #[non_exhaustive]
    pub enum CastCredit: IdKind::CastCredit {
        /// A billed star (the default).
        #[default]
        Star = "star",
        /// "Featuring".
        Featuring = "featuring",
        /// "With".
        With = "with",
        /// "And".
        And = "and",
        /// "and … as …".
        AndAs = "and_as",
        /// "Introducing".
        Introducing = "introducing",
        /// "Special Appearance by".
        SpecialAppearance = "special_appearance",
        /// A voice role; billed like a star.
        Voice = "voice",
    }
}

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

    /// Check the entry's own rules (SPEC §3.6 errors); `index` names it in
    /// errors. [`Table::push`] calls it for every input path (the builder,
    /// JSON), so a rule about one entry is written here and nowhere else.
    pub fn validate(&self, index: usize) -> Result<(), Error> {
        let place = Place::entry(index);
        // Blank: nothing but (ASCII) spaces; the first byte decides for
        // nearly every name.
        let blank = |text: &str| text.bytes().all(|b| b.is_ascii_whitespace());
        if blank(self.name) {
            return Err(Error::at(ErrorKind::EmptyText, place, Field::Name));
        }
        if self.title.is_some_and(blank) {
            return Err(Error::at(ErrorKind::EmptyText, place, Field::Title));
        }
        if self.role == Role::Custom && self.title.is_none() {
            return Err(Error::at(
                ErrorKind::CustomNeedsTitleAndDepartment,
                place,
                Field::Title,
            ));
        }
        let zero = if self.billing == Some(0) {
            Some(Field::Billing)
        } else if self.appearance == Some(0) {
            Some(Field::Appearance)
        } else if self.team == Some(0) {
            Some(Field::Team)
        } else {
            None
        };
        if let Some(field) = zero {
            return Err(Error::at(ErrorKind::ZeroPosition, place, field));
        }
        if self.fee < 0 {
            return Err(Error::at(ErrorKind::NegativeAmount, place, Field::Fee));
        }
        if let Some(Fringe { cap: Some(cap), .. }) = self.fringe
            && cap < 0
        {
            return Err(Error::at(ErrorKind::NegativeAmount, place, Field::Cap));
        }
        if self
            .fringe
            .is_some_and(|fringe| i64::from(fringe.bps) > crate::money::BPS)
        {
            return Err(Error::at(ErrorKind::RateAboveWhole, place, Field::Bps));
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

wire_enum! {
    /// A top-sheet section (SPEC §4.2).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
    #[cfg_attr(feature = "defmt", derive(defmt::Format))]
    pub enum Section: IdKind::Section {
        /// Above the line.
        Atl = "atl",
        /// Below the line: production.
        Production = "production",
        /// Below the line: post production.
        Post = "post",
        /// Below the line: other.
        Other = "other",
    }
}

impl Section {
    /// Position in [`Section::ALL`].
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
    /// Inclusive `(first, last)` account of each section, in [`Section::ALL`] order.
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
        Section::ALL
            .iter()
            .zip(&self.ranges)
            .find(|&(_, &(first, last))| (first..=last).contains(&account))
            .map(|(&section, _)| section)
    }

    /// Check that every range is ordered and no two overlap.
    pub fn validate(&self) -> Result<(), Error> {
        for (&section, &(a0, a1)) in Section::ALL.iter().zip(&self.ranges) {
            let i = section.index();
            let overlaps = self
                .ranges
                .iter()
                .skip(i.saturating_add(1))
                .any(|&(b0, b1)| a0 <= b1 && b0 <= a1);
            if a0 > a1 || overlaps {
                let field = match section {
                    Section::Atl => Field::Atl,
                    Section::Production => Field::Production,
                    Section::Post => Field::Post,
                    Section::Other => Field::Other,
                };
                return Err(Error::at(ErrorKind::ChartOverlap, Place::Chart, field));
            }
        }
        Ok(())
    }
}

wire_enum! {
    /// The kind of production; selects the ordering rules.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    #[cfg_attr(feature = "defmt", derive(defmt::Format))]
    #[non_exhaustive]
    pub enum Profile: IdKind::Profile {
        /// A feature film (the default).
        #[default]
        Feature = "feature",
        /// A TV episode or series.
        Episodic = "episodic",
        /// A documentary.
        Documentary = "documentary",
    }
}

wire_enum! {
    /// Where the end credits start (SPEC §3.2).
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    #[cfg_attr(feature = "defmt", derive(defmt::Format))]
    #[non_exhaustive]
    pub enum EndCredits: IdKind::EndCredits {
        /// The main titles carried the principal credits; the end starts at the crawl.
        #[default]
        AfterMainTitles = "after_main_titles",
        /// No opening credits: the end shows the principal credits first.
        EndOnly = "end_only",
    }
}

wire_enum! {
    /// Order of the end credits' full cast list.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    #[cfg_attr(feature = "defmt", derive(defmt::Format))]
    #[non_exhaustive]
    pub enum CastOrder: IdKind::CastOrder {
        /// By billing position (the default).
        #[default]
        Billing = "billing",
        /// The top billed names first, then order of appearance.
        Appearance = "appearance",
        /// By surname (last word of the name; words split at ASCII whitespace,
        /// so a no-break space joins a compound surname), then the whole name.
        Alphabetical = "alphabetical",
    }
}

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

impl Options {
    /// Check the options: a card holds at least one name.
    pub fn validate(&self) -> Result<(), Error> {
        if self.max_names_per_card == 0 {
            return Err(Error::at(
                ErrorKind::ZeroPosition,
                Place::Options,
                Field::MaxNamesPerCard,
            ));
        }
        Ok(())
    }
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

    /// Check what depends on the whole table: the options, the chart has
    /// no overlap, and every explicit account (entries and lines) lies in a
    /// section.
    pub fn validate(&self) -> Result<(), Error> {
        self.options.validate()?;
        self.chart.validate()?;
        let outside = |account: u16, place: Place| {
            self.chart.section_of(account).map(|_| ()).ok_or(Error::at(
                ErrorKind::AccountOutsideChart { account },
                place,
                Field::Account,
            ))
        };
        for (i, entry) in self.entries.iter().enumerate() {
            if let Some(account) = entry.account {
                outside(account, Place::entry(i))?;
            }
        }
        for (i, line) in self.lines.iter().enumerate() {
            outside(line.account, Place::line(i))?;
        }
        Ok(())
    }

    /// Append an entry after checking its rules ([`Entry::validate`]) and
    /// the capacity.
    pub fn push(&mut self, entry: Entry<'a>) -> Result<&mut Self, Error> {
        let index = self.entries.len();
        entry.validate(index)?;
        let billed = entry.billing.is_some();
        self.entries
            .push(entry)
            .map_err(|_| full(Buffer::Entries, N, Place::entry(index), Field::Entries))?;
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
        self.lines
            .push(line)
            .map_err(|_| full(Buffer::Lines, N, Place::line(index), Field::Lines))?;
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
                Place::charge(index),
                Field::Amount,
            ));
        }
        self.charges
            .push(charge)
            .map_err(|_| full(Buffer::Charges, MAX_CHARGES, Place::charge(index), Field::Charges))?;
        Ok(self)
    }
}

/// The error of a full buffer of the table.
fn full(what: Buffer, capacity: usize, place: Place, field: Field) -> Error {
    Error::at(
        ErrorKind::CapacityExceeded {
            what,
            capacity: narrow(capacity),
        },
        place,
        field,
    )
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
                    what: Buffer::Entries,
                    capacity: 2
                },
                Place::Entry(2),
                Field::Entries
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
            Error::at(ErrorKind::ZeroPosition, Place::Entry(0), Field::Billing)
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
        for &flag in Flag::ALL {
            assert_eq!(Flag::from_id(flag.id()), Ok(flag));
            assert!(Flags::EMPTY.with(flag).has(flag));
        }
        let Err(ErrorKind::Unknown { kind, suggestion }) = Flag::from_id("posessory") else {
            panic!("expected an unknown flag");
        };
        assert_eq!(kind, crate::error::IdKind::Flag);
        assert_eq!(suggestion.map(|s| s.as_str()), Some("possessory"));
    }

    #[test]
    fn zero_names_per_card_is_an_error() {
        let mut t: Table<'_, 1> = Table::new("T");
        t.options.max_names_per_card = 0;
        assert_eq!(
            t.validate(),
            Err(Error::at(
                ErrorKind::ZeroPosition,
                Place::Options,
                Field::MaxNamesPerCard
            ))
        );
    }
}
