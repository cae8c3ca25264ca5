#![doc = include_str!("../README.md")]
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// No input may make the core panic: no unwrap, expect or panic anywhere,
// and indexing and arithmetic are checked everywhere but in the algorithm
// modules (the sorts), where the loops establish the bounds and a bug
// fails a bounds check or a `debug_assert!` in the tests and fuzz targets
// rather than passing as a skipped step. Tests may unwrap.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects
    )
)]

pub mod budget;
pub mod error;
mod heapsort;
mod ids;
#[cfg(feature = "json")]
pub mod json;
pub mod money;
pub mod order;
pub mod table;
pub mod vocabulary;
mod wire;

pub use error::{Error, ErrorKind, Field, Location, Place};
pub use money::{Currency, Money, split, split_capped, split_statement};
pub use table::{
    CastCredit, CastOrder, Charge, ChargeRate, Chart, EndCredits, Entry, Flag, Flags, Fringe, Line, Options,
    Profile, Section, SectionSet, Table,
};
pub use vocabulary::{Department, Role, RoleInfo, Side};
