//! FTA origin (원산지 판정): the FTA catalogue, product-specific rules and a pure engine that
//! decides whether a product qualifies, step by step, in Korean and English.
//!
//! - [`catalogue::FtaCatalogue`] — the agreements (`assets/fta/catalogue.toml`): partners,
//!   certification method, value basis, de minimis / tolerance, low-value origin declarations.
//!   Every value carries its source, effective date and verification flag.
//! - [`psr::PsrBook`] — product-specific rules (`assets/fta/psr/*.toml`) written in the small
//!   language of [`lang`] (documented in `assets/fta/RULES.md`), plus the user's own rules.
//! - [`evaluate`] — one product under one FTA on one date: [`OriginVerdict`] with every
//!   alternative of the rule, the materials that break it, the data still missing and what would
//!   make it pass.
//! - [`compare`] — every FTA whose partners include the destination, with the proof each needs.
//!
//! All amounts in an [`OriginCase`] are per one unit of the product and in one currency; the
//! caller converts. Nothing here reads files (the data is compiled in), the clock or a database.
//! Every result is a self-assessment and says so ([`OriginVerdict::notice`]).

pub mod catalogue;
mod engine;
pub mod lang;
pub mod psr;

pub use catalogue::{Certification, Fact, FactVersion, Fta, FtaCatalogue};
pub use lang::{RvcMethod, ValueBasis};
pub use psr::{HsScope, PsrBook, PsrRule, UserRule};

use crate::deadline::{RuleUsed, Step};
use crate::problem::{Problem, Problems};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

// ---------------------------------------------------------------------------------------------
// Input

/// Where a material comes from, as far as the FTA is concerned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MaterialOrigin {
    /// Not originating (imported, or Korean without proof): the country it comes from.
    NonOriginating { country: String },
    /// Originating, proven by `evidence` (e.g. a supplier declaration, 원산지확인서). If
    /// `valid_until` is before the case date, the material counts as non-originating.
    Originating {
        evidence: String,
        valid_until: Option<NaiveDate>,
    },
    /// Not known yet: counts as non-originating and is listed in `missing`.
    Unknown,
}

/// One line of the bill of materials, per one unit of the product.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OriginMaterial {
    pub description: String,
    /// HS code of the material (2–10 digits; dots and hyphens allowed). Empty when unknown.
    pub hs_code: String,
    pub origin: MaterialOrigin,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub quantity: Decimal,
    /// Value of one unit of the material, in the case currency.
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub unit_value: Decimal,
    /// Weight of the material used in one unit of the product (for textile de minimis).
    #[ts(type = "string | null")]
    #[serde(with = "rust_decimal::serde::str_option")]
    pub weight_kg: Option<Decimal>,
    pub supplier: String,
}

/// One product, one FTA, one date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OriginCase {
    pub product_hs: String,
    /// Catalogue code: `KORUS`, `KR-EU`, `KR-UK`, `RCEP`, `KR-ASEAN`, `KR-CN`, `KR-VN`, `KR-AU`, `KR-CA`.
    pub fta: String,
    /// The date whose rules apply (export date); also the date supplier declarations must cover.
    pub date: NaiveDate,
    /// ISO 4217 code of every amount in the case.
    pub currency: String,
    #[ts(type = "string | null")]
    #[serde(with = "rust_decimal::serde::str_option")]
    pub ex_works_price: Option<Decimal>,
    #[ts(type = "string | null")]
    #[serde(with = "rust_decimal::serde::str_option")]
    pub fob_price: Option<Decimal>,
    /// `Some(true)`: the only work done in Korea is a minimal operation (packing, labelling,
    /// simple mixing or assembly, sorting, making up sets, …). `None`: not asked yet.
    pub only_minimal_operations: Option<bool>,
    pub materials: Vec<OriginMaterial>,
}

// ---------------------------------------------------------------------------------------------
// Output

/// The answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Originating,
    NotOriginating,
    /// Data is missing (see `missing`), or no rule is known for the product.
    CannotDecide,
}

/// The result of one alternative or condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Passed,
    Failed,
    Undecidable,
}

/// How a material was counted on the case date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MaterialStatus {
    Originating,
    NonOriginating,
    /// Declared originating, but the declaration expired before the case date.
    ExpiredDeclaration,
    /// Origin not known: counted as non-originating.
    Unknown,
}

/// One BOM line as the check saw it (the worksheet's BOM table).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MaterialRow {
    /// Position in `OriginCase::materials`, from 0.
    pub index: usize,
    pub description: String,
    pub hs_code: String,
    pub supplier: String,
    pub status: MaterialStatus,
    /// `비원산지 (CN)`, `원산지 (원산지확인서 …, ~2026-12-31)`.
    pub status_ko: String,
    pub status_en: String,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub quantity: Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub unit_value: Decimal,
    /// quantity × unit value.
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    #[ts(type = "string | null")]
    #[serde(with = "rust_decimal::serde::str_option")]
    pub weight_kg: Option<Decimal>,
}

/// A computation shown on the worksheet: what, the formula with the numbers, the result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Computation {
    pub label_ko: String,
    pub label_en: String,
    /// `(₩100,000 − ₩55,000) ÷ ₩100,000 = 45.00% ≥ 40%`.
    pub formula: String,
    pub outcome: Outcome,
}

/// One alternative of the rule (the parts joined by `or`), evaluated on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AlternativeResult {
    /// The alternative in canonical rule text.
    pub text: String,
    pub outcome: Outcome,
    pub steps: Vec<Step>,
}

/// The rule that was applied, with its provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RuleApplied {
    pub fta: String,
    /// The HS scope as written (`ex 33 (except 3301)`).
    pub scope: String,
    /// The rule as written.
    pub text: String,
    pub source: String,
    pub verified: bool,
    /// The user's own rule, not a bundled one.
    pub own_rule: bool,
    pub effective_from: Option<NaiveDate>,
    pub note: Option<String>,
}

/// A material that breaks the rule, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BreakingMaterial {
    pub index: usize,
    pub description: String,
    pub reason_ko: String,
    pub reason_en: String,
}

/// Evidence the result relies on (the worksheet's evidence list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EvidenceItem {
    pub index: usize,
    pub material: String,
    pub supplier: String,
    pub evidence: String,
    pub valid_until: Option<NaiveDate>,
    /// Whether it covers the case date.
    pub valid_on_date: bool,
}

/// The FTA and the proof of origin it asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FtaSummary {
    pub code: String,
    pub name_ko: String,
    pub name_en: String,
    pub certification: Option<Certification>,
    /// What the exporter has to do to prove origin, in plain words.
    pub proof_ko: String,
    pub proof_en: String,
    /// Any exporter may make an origin declaration on the invoice up to this value (EUR).
    #[ts(type = "string | null")]
    #[serde(with = "rust_decimal::serde::str_option")]
    pub low_value_declaration_max_eur: Option<Decimal>,
    /// The same limit in pounds, where the partner states it so (the UK).
    #[ts(type = "string | null")]
    #[serde(with = "rust_decimal::serde::str_option")]
    pub low_value_declaration_max_gbp: Option<Decimal>,
    pub certificate_validity_months: Option<u32>,
    pub record_retention_years: Option<u32>,
    /// Every catalogue value used, with source and verification flag.
    pub facts: Vec<RuleUsed>,
}

/// The full answer for one product under one FTA.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OriginVerdict {
    pub verdict: Verdict,
    /// One sentence for the top of the screen.
    pub headline_ko: String,
    pub headline_en: String,
    pub product_hs: String,
    pub date: NaiveDate,
    pub currency: String,
    #[ts(type = "string | null")]
    #[serde(with = "rust_decimal::serde::str_option")]
    pub ex_works_price: Option<Decimal>,
    #[ts(type = "string | null")]
    #[serde(with = "rust_decimal::serde::str_option")]
    pub fob_price: Option<Decimal>,
    pub fta: FtaSummary,
    /// `None` when no rule is known for the product under this FTA.
    pub rule: Option<RuleApplied>,
    pub alternatives: Vec<AlternativeResult>,
    /// The whole reasoning, in order, for a beginner.
    pub steps: Vec<Step>,
    pub materials: Vec<MaterialRow>,
    pub computations: Vec<Computation>,
    /// Materials that break the rule (empty when originating).
    pub breaking_materials: Vec<BreakingMaterial>,
    /// Data needed to decide (or to keep on file), each saying what to enter.
    pub missing: Problems,
    /// What would make it pass, in plain words with numbers.
    pub suggestions: Vec<Step>,
    pub evidence: Vec<EvidenceItem>,
    /// "Self-assessment; verify before claiming", in both languages.
    pub notice: Step,
}

/// One FTA in a comparison for a destination.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FtaComparison {
    pub fta: FtaSummary,
    pub verdict: Verdict,
    pub rule_text: Option<String>,
    pub detail: OriginVerdict,
}

/// The notice every result carries.
pub fn self_assessment_notice() -> Step {
    Step::new(
        "자가 판정 결과입니다. 특혜관세를 신청하기 전에 협정문·세관·관세사를 통해 확인하세요.",
        "Self-assessment; verify before claiming (check the agreement text, customs or a customs broker).",
    )
}

/// Decide whether the product of `case` originates under `case.fta` on `case.date`.
///
/// Errors (`Err`) are for input that cannot be checked at all: an unknown FTA or currency, an
/// unreadable product HS code, negative or zero prices, negative quantities. Data that is merely
/// missing (a material's HS code, its origin, the ex-works price for an EXW rule) does not fail:
/// it makes the verdict `cannot_decide` when it matters and is listed in `missing`.
pub fn evaluate(
    case: &OriginCase,
    catalogue: &FtaCatalogue,
    book: &PsrBook,
) -> Result<OriginVerdict, Problems> {
    engine::evaluate(case, catalogue, book)
}

/// Check the product under every FTA whose partners on `date` include `destination`
/// (ISO alpha-2 or a country name). `case.fta` and `case.date` are ignored. Results are ordered:
/// originating first, then cannot decide, then not originating (catalogue order within each).
pub fn compare(
    case: &OriginCase,
    destination: &str,
    date: NaiveDate,
    catalogue: &FtaCatalogue,
    book: &PsrBook,
) -> Result<Vec<FtaComparison>, Problems> {
    engine::compare(case, destination, date, catalogue, book)
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

/// 1-based line and column of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// A problem in a data file, with `file`, `line` and `column` params.
pub(crate) fn file_problem(
    code: &str,
    file: &str,
    line: usize,
    column: usize,
    detail_ko: &str,
    detail_en: &str,
) -> Problem {
    Problem::new(
        code,
        format!("{file} {line}행 {column}열: {detail_ko}"),
        format!("{file} line {line} column {column}: {detail_en}"),
    )
    .with("file", file)
    .with("line", line)
    .with("column", column)
}
