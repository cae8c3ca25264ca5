//! Above/below-the-line classification (SPEC §4.1): the first rule that
//! applies wins, and the result says which rule it was.

use crate::error::{Error, ErrorKind, Field, Place};
use crate::table::{Chart, Entry, Flag, Section, Table};
use crate::vocabulary::{Department, ROLES, Side};
use crate::wire::wire_enum;

wire_enum! {
    /// Which rule decided a classification.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    #[cfg_attr(feature = "defmt", derive(defmt::Format))]
    #[non_exhaustive]
    pub enum Reason {
        /// Rule 1: the entry's `line` (the deal) decides.
        Deal = "deal",
        /// Rule 2: a credit granted for financing, with no fee, is no cost.
        FinancingCredit = "financing_credit",
        /// Rule 3: the entry's explicit `account` decides through the chart.
        Account = "account",
        /// Rule 4: a deal-dependent role, above the line only as a profit participant.
        DealDependent = "deal_dependent",
        /// Rule 5: the role's default side and account.
        RoleDefault = "role_default",
    }
}

/// Where an entry sits in the budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Classification {
    /// Above, below, or not a cost.
    pub side: Side,
    /// Top-sheet section (`None` when the side is `None`).
    pub section: Option<Section>,
    /// Budget account the fee is posted to (`None` when the side is `None`).
    pub account: Option<u16>,
    /// The rule that decided.
    pub reason: Reason,
}

/// The default account of an entry's role; a custom entry takes the
/// account of its department's head role.
fn default_account(entry: &Entry<'_>) -> u16 {
    match entry.role.info() {
        Some(info) => info.account,
        None => department_account(entry.department),
    }
}

/// The account of the first (head) role of a department.
fn department_account(department: Department) -> u16 {
    ROLES
        .iter()
        .find(|info| info.department == department && !info.credit.acts())
        .map_or(7900, |info| info.account)
}

/// The error of an entry's account that no section of the chart holds:
/// built out of line, once, rather than at each rule.
#[cold]
#[inline(never)]
fn account_outside_chart(index: usize, account: u16) -> Error {
    Error::at(
        ErrorKind::AccountOutsideChart { account },
        Place::entry(index),
        Field::Account,
    )
}

/// Classify one entry; `index` names it in errors.
pub fn classify_entry(entry: &Entry<'_>, chart: &Chart, index: usize) -> Result<Classification, Error> {
    let section_of = |account: u16| {
        chart
            .section_of(account)
            .ok_or_else(|| account_outside_chart(index, account))
    };
    // A side's section: above the line is the ATL section; below it, the
    // chart's section of the account, never the ATL one.
    let placed = |side: Side, account: u16, reason: Reason| -> Result<Classification, Error> {
        let section = match (side, section_of(account)?) {
            (Side::Atl, _) => Section::Atl,
            (_, Section::Atl) => Section::Production,
            (_, section) => section,
        };
        Ok(Classification {
            side,
            section: Some(section),
            account: Some(account),
            reason,
        })
    };
    let deal_atl_account = entry
        .role
        .info()
        .and_then(|info| info.atl_account_when_participant);
    // Rule 1: the deal.
    if let Some(side) = entry.line {
        let account = match (side, entry.account, deal_atl_account) {
            (_, Some(account), _) => account,
            (Side::Atl, None, Some(atl)) => atl,
            _ => default_account(entry),
        };
        return placed(side, account, Reason::Deal);
    }
    // Rule 2: a credit granted for money is not a cost.
    if entry.has(Flag::Financing) && entry.fee == 0 {
        return Ok(Classification {
            side: Side::None,
            section: None,
            account: None,
            reason: Reason::FinancingCredit,
        });
    }
    // Rule 3: an explicit account.
    if let Some(account) = entry.account {
        let section = section_of(account)?;
        let side = if section == Section::Atl {
            Side::Atl
        } else {
            Side::Btl
        };
        return Ok(Classification {
            side,
            section: Some(section),
            account: Some(account),
            reason: Reason::Account,
        });
    }
    // Rule 4: deal-dependent roles.
    if let Some(atl_account) = deal_atl_account {
        return if entry.has(Flag::ProfitParticipant) {
            placed(Side::Atl, atl_account, Reason::DealDependent)
        } else {
            placed(Side::Btl, default_account(entry), Reason::DealDependent)
        };
    }
    // Rule 5: the role's default.
    let side = entry.role.info().map_or(Side::Btl, |info| info.side);
    placed(side, default_account(entry), Reason::RoleDefault)
}

/// Classify the entry at `index` of `table`.
pub fn classify<const N: usize>(table: &Table<'_, N>, index: usize) -> Result<Classification, Error> {
    let entry = table.entry(index).ok_or(Error::at(
        ErrorKind::NumberOutOfRange,
        Place::Argument,
        Field::Index,
    ))?;
    classify_entry(entry, &table.chart, index)
}

/// Classify every entry in table order.
pub fn classify_all<'t, const N: usize>(
    table: &'t Table<'_, N>,
) -> impl Iterator<Item = Result<Classification, Error>> + 't {
    table
        .entries()
        .iter()
        .enumerate()
        .map(|(index, entry)| classify_entry(entry, &table.chart, index))
}
