//! Answers of the use cases that are not records of their own.

use chrono::{NaiveDate, NaiveDateTime};
use exportdesk_rules::country::CountryInfo;
use exportdesk_rules::problem::Lang;
use exportdesk_rules::rulebook::RuleValue;
use exportdesk_rules::unit::UnitInfo;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the app shows in its status bar and what onboarding checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AppStatus {
    pub app_version: String,
    pub db_path: String,
    pub schema_version: i64,
    pub today: NaiveDate,
    pub has_seller: bool,
    pub products: i64,
    pub orders: i64,
    pub buyers: i64,
    pub rates: i64,
    pub changes: i64,
    pub language: Lang,
    pub last_backup: Option<NaiveDateTime>,
    /// The folder whose rulebook files replace the bundled ones.
    pub rulebook_dir: String,
    /// Rulebook files taken from that folder (empty: all bundled).
    pub rulebook_overrides: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CurrencyInfo {
    pub code: String,
    pub name_ko: String,
    pub name_en: String,
}

/// Lists for the forms' choices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Reference {
    pub countries: Vec<CountryInfo>,
    pub units: Vec<UnitInfo>,
    pub currencies: Vec<CurrencyInfo>,
    pub incoterms: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RulebookView {
    pub date: NaiveDate,
    pub values: Vec<RuleValue>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SampleLoaded {
    pub products: u32,
    pub buyers: u32,
    pub orders: u32,
    pub rates: u32,
    pub countries: u32,
}

/// A document written to disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GeneratedDocument {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// What the Korean tariff says about a code typed for a product or a declaration line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HsCodeInfo {
    /// The code as typed, digits only.
    pub code: String,
    /// The date it was judged for (a declaration's date, or today).
    pub date: NaiveDate,
    /// The code with its full path, when it is a 10-digit code of the table.
    pub line: Option<exportdesk_rules::hsk::HskLine>,
    pub validity: Option<exportdesk_rules::hsk::HskValidity>,
    /// Why the code cannot be used as it is (unknown, ended, not yet valid, too short).
    pub problem: Option<exportdesk_rules::Problem>,
    /// For a 6-digit subheading (or a code the table does not know): its 10-digit codes to
    /// choose from.
    pub choices: Vec<exportdesk_rules::hsk::HskChoice>,
    /// The English name of the subheading, when known.
    pub subheading_en: Option<String>,
    /// The last day of the newest tariff edition the app has.
    pub edition_end: NaiveDate,
}
