//! Money side of the table (SPEC §4): above/below-the-line classification
//! with reasons, the chart of accounts, and the top sheet. Arithmetic and
//! the largest-remainder split live in [`crate::money`]. This module knows
//! nothing of screen order or JSON.

mod classify;
mod topsheet;

pub use crate::money::BPS;
pub use classify::{Classification, Reason, classify, classify_all, classify_entry};
pub use topsheet::{ChargeLine, Shares, TopSheet, Workspace, top_sheet};
