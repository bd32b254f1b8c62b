//! ExportDesk's customs domain (수출 통관 규칙), free of I/O, SQL and clocks.
//!
//! Everything here is a pure function of its inputs: dates are passed in, rule values come from a
//! [`rulebook::Rulebook`] that was loaded from the TOML files under `assets/rulebook/`, and every
//! rejection is a [`problem::Problem`] carrying a stable code plus a Korean and an English message
//! that says what to fix.

pub mod bom;
pub mod check;
pub mod country;
pub mod deadline;
pub mod declaration;
pub mod hs;
pub mod hsk;
pub mod ids;
pub mod incoterm;
pub mod money;
pub mod origin;
pub mod problem;
pub mod rates;
pub mod records;
pub mod reimport;
pub mod rulebook;
pub mod shipment;
pub mod unit;

pub use problem::{Problem, Problems};
