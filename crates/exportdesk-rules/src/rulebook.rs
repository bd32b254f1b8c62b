//! The rulebook (규정집): every customs value the app applies, each with its source, the date it
//! took effect and whether it was verified.
//!
//! The values live in `assets/rulebook/*.toml`, never in code. A parameter is a list of versions;
//! [`Param::value_on`] picks the version in force on a given date, so a declaration is judged by the
//! rules of its own date even after the rules change. Loading is strict: an unknown key, a missing
//! parameter, a value of the wrong type or versions out of date order are errors that name the
//! file, the line and what is wrong.

use crate::money::KrwRounding;
use crate::problem::Problem;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fmt;
use toml::Spanned;
use ts_rs::TS;

/// One version of a rule value.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Version<T> {
    pub value: T,
    pub effective_from: Spanned<NaiveDate>,
    pub source: String,
    pub verified: bool,
    #[serde(default)]
    pub note: Option<String>,
}

impl<T> Version<T> {
    pub fn effective_from(&self) -> NaiveDate {
        *self.effective_from.get_ref()
    }
}

/// A rule value over time.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Param<T> {
    pub title_ko: String,
    pub title_en: String,
    pub versions: Vec<Version<T>>,
}

impl<T> Param<T> {
    /// The version in force on `date`: the latest whose `effective_from` is on or before it.
    pub fn version_on(&self, key: &str, date: NaiveDate) -> Result<&Version<T>, Problem> {
        self.versions
            .iter()
            .rev()
            .find(|v| v.effective_from() <= date)
            .ok_or_else(|| {
                let first = self.versions.first().map(|v| v.effective_from());
                Problem::new(
                    "rulebook.no_value_on_date",
                    format!(
                        "{} 날짜에 적용되는 '{}' 규정이 규정집에 없습니다{}.",
                        date,
                        self.title_ko,
                        first
                            .map(|d| format!(" (가장 이른 값은 {d}부터)"))
                            .unwrap_or_default()
                    ),
                    format!(
                        "The rulebook has no '{}' in force on {}{}.",
                        self.title_en,
                        date,
                        first
                            .map(|d| format!(" (the earliest value starts {d})"))
                            .unwrap_or_default()
                    ),
                )
                .with("rule", key)
                .with("date", date)
            })
    }

    pub fn value_on(&self, key: &str, date: NaiveDate) -> Result<&T, Problem> {
        self.version_on(key, date).map(|v| &v.value)
    }
}

/// A penalty amount by number of violations (the KCS directive's schedule; not verified).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PenaltyStep {
    /// Applies from this count of violations (1 = first violation).
    pub from_violation: u32,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub amount_krw: Decimal,
}

/// `declaration.toml`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclarationRules {
    pub simplified_limit_krw: Param<Decimal>,
    pub list_clearance_limit_krw: Param<Decimal>,
    pub krw_rounding: Param<KrwRounding>,
    pub ecommerce_transaction_type: Param<String>,
    pub required_fields_simplified: Param<Vec<String>>,
    pub required_fields_regular: Param<Vec<String>>,
    pub platform_seller_exempt_documents: Param<Vec<String>>,
    pub documents_to_keep: Param<Vec<String>>,
}

/// `deadlines.toml`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeadlineRules {
    pub loading_days: Param<u32>,
    pub loading_extension_max_months: Param<u32>,
    pub final_price_days: Param<u32>,
    pub reimport_years: Param<u32>,
    pub record_keeping_years: Param<u32>,
}

/// `penalty.toml`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PenaltyRules {
    pub max_fine_krw: Param<Decimal>,
    pub schedule: Param<Vec<PenaltyStep>>,
    pub reduction_percent: Param<Decimal>,
}

/// `reimport.toml`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReimportRules {
    pub simple_list_max_usd: Param<Decimal>,
    /// Whether a return exactly at the limit qualifies (`at_most`) or not (`under`).
    pub simple_list_comparison: Param<LimitComparison>,
    /// Whether the limit is compared with the whole return or with each item.
    pub simple_list_basis: Param<LimitBasis>,
    /// Import VAT rate (%), for the VAT estimate shown beside a re-import relief ("to confirm").
    pub vat_rate_percent: Param<Decimal>,
}

/// `fta.toml` (the values the brief gives; the FTA catalogue grows with the origin feature)
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FtaRules {
    pub eu_uk_origin_declaration_any_exporter_max_eur: Param<Decimal>,
    pub eu_uk_tolerance_percent_exw: Param<Decimal>,
    pub rcep_de_minimis_percent_fob: Param<Decimal>,
    pub korus_de_minimis_percent_value: Param<Decimal>,
    pub korus_textile_de_minimis_percent_weight: Param<Decimal>,
    /// UK–Korea: the low-value origin declaration limit in pounds (the UK states it in GBP).
    pub uk_origin_declaration_any_exporter_max_gbp: Param<Decimal>,
    /// RCEP: how long a certificate of origin stays valid (months).
    pub rcep_certificate_validity_months: Param<u32>,
    /// Korea–ASEAN: how long a certificate of origin stays valid (months).
    pub asean_certificate_validity_months: Param<u32>,
    /// KORUS: how long origin records are kept (years from importation).
    pub korus_record_keeping_years: Param<u32>,
}

/// One public holiday or other non-working day that moves a deadline (Customs Act art. 8(3)).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name_ko: String,
    pub name_en: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayYear {
    pub year: Spanned<i32>,
    pub verified: bool,
    pub source: String,
    #[serde(default)]
    pub note: Option<String>,
    pub days: Vec<Holiday>,
}

/// `holidays.toml`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayTable {
    pub years: Vec<HolidayYear>,
}

impl HolidayTable {
    pub fn holiday_on(&self, date: NaiveDate) -> Option<&Holiday> {
        self.years
            .iter()
            .filter(|y| *y.year.get_ref() == date.year())
            .flat_map(|y| y.days.iter())
            .find(|h| h.date == date)
    }

    pub fn covers_year(&self, year: i32) -> bool {
        self.years.iter().any(|y| *y.year.get_ref() == year)
    }

    /// Whether the year is in the table but not confirmed by the official calendar (computed
    /// ahead of the announcement, or from one source only).
    pub fn unconfirmed_year(&self, year: i32) -> bool {
        self.years
            .iter()
            .any(|y| *y.year.get_ref() == year && !y.verified)
    }
}

/// The whole rulebook.
#[derive(Debug, Clone)]
pub struct Rulebook {
    pub declaration: DeclarationRules,
    pub deadlines: DeadlineRules,
    pub penalty: PenaltyRules,
    pub reimport: ReimportRules,
    pub fta: FtaRules,
    pub holidays: HolidayTable,
}

/// A malformed rulebook file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulebookError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for RulebookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for RulebookError {}

impl RulebookError {
    pub fn to_problem(&self) -> Problem {
        Problem::new(
            "rulebook.malformed",
            format!(
                "규정집 파일 {} {}행 {}열: {}",
                self.file, self.line, self.column, self.message
            ),
            format!(
                "Rulebook file {} line {} column {}: {}",
                self.file, self.line, self.column, self.message
            ),
        )
        .with("file", &self.file)
        .with("line", self.line)
    }
}

/// 1-based line and column of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn parse_file<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, RulebookError> {
    toml::from_str::<T>(text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |s| line_col(text, s.start));
        RulebookError {
            file: file.to_string(),
            line,
            column,
            message: e.message().trim().to_string(),
        }
    })
}

/// The files of the bundled rulebook, by name.
pub const BUNDLED: [(&str, &str); 6] = [
    (
        "declaration.toml",
        include_str!("../../../assets/rulebook/declaration.toml"),
    ),
    (
        "deadlines.toml",
        include_str!("../../../assets/rulebook/deadlines.toml"),
    ),
    (
        "penalty.toml",
        include_str!("../../../assets/rulebook/penalty.toml"),
    ),
    (
        "reimport.toml",
        include_str!("../../../assets/rulebook/reimport.toml"),
    ),
    (
        "fta.toml",
        include_str!("../../../assets/rulebook/fta.toml"),
    ),
    (
        "holidays.toml",
        include_str!("../../../assets/rulebook/holidays.toml"),
    ),
];

impl Rulebook {
    /// The rulebook shipped with the app.
    pub fn bundled() -> Rulebook {
        Rulebook::from_sources(&BUNDLED).expect("the bundled rulebook is valid (checked by tests)")
    }

    /// Build from `(file name, text)` pairs; every one of the six files must be present.
    pub fn from_sources(files: &[(&str, &str)]) -> Result<Rulebook, RulebookError> {
        let get = |name: &str| -> Result<&str, RulebookError> {
            files
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| *t)
                .ok_or_else(|| RulebookError {
                    file: name.to_string(),
                    line: 1,
                    column: 1,
                    message: "file is missing from the rulebook folder".to_string(),
                })
        };
        let book = Rulebook {
            declaration: parse_file("declaration.toml", get("declaration.toml")?)?,
            deadlines: parse_file("deadlines.toml", get("deadlines.toml")?)?,
            penalty: parse_file("penalty.toml", get("penalty.toml")?)?,
            reimport: parse_file("reimport.toml", get("reimport.toml")?)?,
            fta: parse_file("fta.toml", get("fta.toml")?)?,
            holidays: parse_file("holidays.toml", get("holidays.toml")?)?,
        };
        for entry in book.params() {
            entry.check_order(files)?;
        }
        book.check_holidays(get("holidays.toml")?)?;
        book.check_periods(get("deadlines.toml")?)?;
        Ok(book)
    }

    /// Periods must be ones a calendar can count: a typo such as `loading_days = 3000000000`
    /// is refused here, naming the version, rather than breaking every deadline later.
    fn check_periods(&self, text: &str) -> Result<(), RulebookError> {
        let d = &self.deadlines;
        let periods: [(&str, &Param<u32>, u32); 5] = [
            ("loading_days", &d.loading_days, 3660),
            (
                "loading_extension_max_months",
                &d.loading_extension_max_months,
                120,
            ),
            ("final_price_days", &d.final_price_days, 3660),
            ("reimport_years", &d.reimport_years, 100),
            ("record_keeping_years", &d.record_keeping_years, 100),
        ];
        for (key, param, max) in periods {
            if let Some(v) = param.versions.iter().find(|v| v.value > max) {
                let (line, column) = line_col(text, v.effective_from.span().start);
                return Err(RulebookError {
                    file: "deadlines.toml".into(),
                    line,
                    column,
                    message: format!(
                        "{key} = {} is out of range (at most {max}) in the version effective from {}",
                        v.value,
                        v.effective_from()
                    ),
                });
            }
        }
        Ok(())
    }

    fn check_holidays(&self, text: &str) -> Result<(), RulebookError> {
        for y in &self.holidays.years {
            if let Some(bad) = y.days.iter().find(|d| d.date.year() != *y.year.get_ref()) {
                let (line, column) = line_col(text, y.year.span().start);
                return Err(RulebookError {
                    file: "holidays.toml".into(),
                    line,
                    column,
                    message: format!(
                        "holiday {} is listed under year {}",
                        bad.date,
                        y.year.get_ref()
                    ),
                });
            }
        }
        Ok(())
    }

    /// Every parameter, for display and for checks that apply to all of them.
    pub fn params(&self) -> Vec<ParamRef<'_>> {
        let d = &self.declaration;
        let l = &self.deadlines;
        let p = &self.penalty;
        let f = &self.fta;
        vec![
            ParamRef::new(
                "declaration.toml",
                "simplified_limit_krw",
                &d.simplified_limit_krw,
            ),
            ParamRef::new(
                "declaration.toml",
                "list_clearance_limit_krw",
                &d.list_clearance_limit_krw,
            ),
            ParamRef::new("declaration.toml", "krw_rounding", &d.krw_rounding),
            ParamRef::new(
                "declaration.toml",
                "ecommerce_transaction_type",
                &d.ecommerce_transaction_type,
            ),
            ParamRef::new("deadlines.toml", "loading_days", &l.loading_days),
            ParamRef::new(
                "deadlines.toml",
                "loading_extension_max_months",
                &l.loading_extension_max_months,
            ),
            ParamRef::new("deadlines.toml", "final_price_days", &l.final_price_days),
            ParamRef::new("deadlines.toml", "reimport_years", &l.reimport_years),
            ParamRef::new(
                "deadlines.toml",
                "record_keeping_years",
                &l.record_keeping_years,
            ),
            ParamRef::new("penalty.toml", "max_fine_krw", &p.max_fine_krw),
            ParamRef::new("penalty.toml", "schedule", &p.schedule),
            ParamRef::new("penalty.toml", "reduction_percent", &p.reduction_percent),
            ParamRef::new(
                "reimport.toml",
                "simple_list_max_usd",
                &self.reimport.simple_list_max_usd,
            ),
            ParamRef::new(
                "reimport.toml",
                "simple_list_comparison",
                &self.reimport.simple_list_comparison,
            ),
            ParamRef::new(
                "reimport.toml",
                "simple_list_basis",
                &self.reimport.simple_list_basis,
            ),
            ParamRef::new(
                "reimport.toml",
                "vat_rate_percent",
                &self.reimport.vat_rate_percent,
            ),
            ParamRef::new(
                "fta.toml",
                "eu_uk_origin_declaration_any_exporter_max_eur",
                &f.eu_uk_origin_declaration_any_exporter_max_eur,
            ),
            ParamRef::new(
                "fta.toml",
                "eu_uk_tolerance_percent_exw",
                &f.eu_uk_tolerance_percent_exw,
            ),
            ParamRef::new(
                "fta.toml",
                "rcep_de_minimis_percent_fob",
                &f.rcep_de_minimis_percent_fob,
            ),
            ParamRef::new(
                "fta.toml",
                "korus_de_minimis_percent_value",
                &f.korus_de_minimis_percent_value,
            ),
            ParamRef::new(
                "fta.toml",
                "korus_textile_de_minimis_percent_weight",
                &f.korus_textile_de_minimis_percent_weight,
            ),
            ParamRef::new(
                "fta.toml",
                "uk_origin_declaration_any_exporter_max_gbp",
                &f.uk_origin_declaration_any_exporter_max_gbp,
            ),
            ParamRef::new(
                "fta.toml",
                "rcep_certificate_validity_months",
                &f.rcep_certificate_validity_months,
            ),
            ParamRef::new(
                "fta.toml",
                "asean_certificate_validity_months",
                &f.asean_certificate_validity_months,
            ),
            ParamRef::new(
                "fta.toml",
                "korus_record_keeping_years",
                &f.korus_record_keeping_years,
            ),
        ]
    }

    /// Every parameter's value in force on `date`, with its provenance.
    pub fn show_on(&self, date: NaiveDate) -> Vec<RuleValue> {
        self.params().iter().map(|p| p.value_on(date)).collect()
    }
}

/// A rule value as shown to a person: what, how much, since when, from where, verified or not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RuleValue {
    pub file: String,
    pub key: String,
    pub title_ko: String,
    pub title_en: String,
    /// `None` when no version is in force on the date asked.
    pub value: Option<String>,
    pub effective_from: Option<NaiveDate>,
    pub source: Option<String>,
    pub verified: Option<bool>,
    pub note: Option<String>,
    /// Every version, oldest first: the rule's history (one entry when it never changed).
    pub history: Vec<RuleVersion>,
}

/// One version of a rule value, for the history shown beside the value in force.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RuleVersion {
    pub value: String,
    pub effective_from: NaiveDate,
    pub source: String,
    pub verified: bool,
    pub note: Option<String>,
}

/// How a rule value is written for people.
pub trait ShowValue {
    fn show(&self) -> String;
}

impl ShowValue for Decimal {
    fn show(&self) -> String {
        self.normalize().to_string()
    }
}

impl ShowValue for u32 {
    fn show(&self) -> String {
        self.to_string()
    }
}

impl ShowValue for String {
    fn show(&self) -> String {
        self.clone()
    }
}

/// How a value is compared with a limit: strictly below it, or up to and including it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitComparison {
    /// 미만: below the limit only.
    Under,
    /// 이하: the limit itself qualifies.
    AtMost,
}

impl LimitComparison {
    pub fn within(self, value: Decimal, limit: Decimal) -> bool {
        match self {
            LimitComparison::Under => value < limit,
            LimitComparison::AtMost => value <= limit,
        }
    }
}

/// What a value limit is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitBasis {
    /// The whole return (shipment) at once.
    WholeReturn,
    /// Each item on its own.
    PerItem,
}

impl ShowValue for LimitComparison {
    fn show(&self) -> String {
        match self {
            LimitComparison::Under => "under".into(),
            LimitComparison::AtMost => "at_most".into(),
        }
    }
}

impl ShowValue for LimitBasis {
    fn show(&self) -> String {
        match self {
            LimitBasis::WholeReturn => "whole_return".into(),
            LimitBasis::PerItem => "per_item".into(),
        }
    }
}

impl ShowValue for KrwRounding {
    fn show(&self) -> String {
        match self {
            KrwRounding::Down => "down".into(),
            KrwRounding::HalfUp => "half_up".into(),
        }
    }
}

impl ShowValue for Vec<String> {
    fn show(&self) -> String {
        if self.is_empty() {
            "—".to_string()
        } else {
            self.join(", ")
        }
    }
}

impl ShowValue for Vec<PenaltyStep> {
    fn show(&self) -> String {
        self.iter()
            .map(|s| format!("{}+: {}", s.from_violation, s.amount_krw.normalize()))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Type-erased view of one parameter.
pub trait ParamView {
    fn titles(&self) -> (&str, &str);
    fn shown_on(
        &self,
        date: NaiveDate,
    ) -> Option<(String, NaiveDate, String, bool, Option<String>)>;
    fn dates(&self) -> Vec<(NaiveDate, usize)>;
    fn history(&self) -> Vec<RuleVersion>;
}

impl<T: ShowValue> ParamView for Param<T> {
    fn titles(&self) -> (&str, &str) {
        (&self.title_ko, &self.title_en)
    }

    fn shown_on(
        &self,
        date: NaiveDate,
    ) -> Option<(String, NaiveDate, String, bool, Option<String>)> {
        self.version_on("", date).ok().map(|v| {
            (
                v.value.show(),
                v.effective_from(),
                v.source.clone(),
                v.verified,
                v.note.clone(),
            )
        })
    }

    fn dates(&self) -> Vec<(NaiveDate, usize)> {
        self.versions
            .iter()
            .map(|v| (v.effective_from(), v.effective_from.span().start))
            .collect()
    }

    fn history(&self) -> Vec<RuleVersion> {
        self.versions
            .iter()
            .map(|v| RuleVersion {
                value: v.value.show(),
                effective_from: v.effective_from(),
                source: v.source.clone(),
                verified: v.verified,
                note: v.note.clone(),
            })
            .collect()
    }
}

pub struct ParamRef<'a> {
    pub file: &'static str,
    pub key: &'static str,
    pub param: &'a dyn ParamView,
}

impl<'a> ParamRef<'a> {
    fn new(file: &'static str, key: &'static str, param: &'a dyn ParamView) -> Self {
        ParamRef { file, key, param }
    }

    fn value_on(&self, date: NaiveDate) -> RuleValue {
        let (ko, en) = self.param.titles();
        let shown = self.param.shown_on(date);
        RuleValue {
            file: self.file.to_string(),
            key: self.key.to_string(),
            title_ko: ko.to_string(),
            title_en: en.to_string(),
            value: shown.as_ref().map(|s| s.0.clone()),
            effective_from: shown.as_ref().map(|s| s.1),
            source: shown.as_ref().map(|s| s.2.clone()),
            verified: shown.as_ref().map(|s| s.3),
            note: shown.and_then(|s| s.4),
            history: self.param.history(),
        }
    }

    /// Versions must be listed oldest first, each date after the one before; at least one.
    fn check_order(&self, files: &[(&str, &str)]) -> Result<(), RulebookError> {
        let text = files
            .iter()
            .find(|(n, _)| *n == self.file)
            .map_or("", |(_, t)| *t);
        let dates = self.param.dates();
        if dates.is_empty() {
            return Err(RulebookError {
                file: self.file.into(),
                line: 1,
                column: 1,
                message: format!("{} has no versions", self.key),
            });
        }
        for pair in dates.windows(2) {
            if pair[1].0 <= pair[0].0 {
                let (line, column) = line_col(text, pair[1].1);
                return Err(RulebookError {
                    file: self.file.into(),
                    line,
                    column,
                    message: format!(
                        "versions of {} must be listed oldest first: {} comes after {}",
                        self.key, pair[1].0, pair[0].0
                    ),
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn bundled_rulebook_loads() {
        let b = Rulebook::bundled();
        assert!(b.holidays.covers_year(2026));
        assert!(b
            .show_on(date("2026-01-01"))
            .iter()
            .all(|v| v.value.is_some()));
    }

    #[test]
    fn regime_change_picks_old_and_new_values() {
        let b = Rulebook::bundled();
        let new_from = b
            .declaration
            .simplified_limit_krw
            .versions
            .last()
            .unwrap()
            .effective_from();
        let day_before = new_from.pred_opt().unwrap();
        let limit = |d| *b.declaration.simplified_limit_krw.value_on("k", d).unwrap();
        assert_eq!(limit(day_before), Decimal::from(4_000_000));
        assert_eq!(limit(new_from), Decimal::from(5_000_000));
        let days = |d| *b.deadlines.final_price_days.value_on("k", d).unwrap();
        assert_eq!(days(day_before), 60);
        assert_eq!(days(new_from), 90);
    }

    #[test]
    fn date_before_every_version_is_an_error() {
        let b = Rulebook::bundled();
        let e = b
            .declaration
            .simplified_limit_krw
            .value_on("simplified_limit_krw", date("1990-01-01"))
            .unwrap_err();
        assert_eq!(e.code, "rulebook.no_value_on_date");
        assert!(e.message_ko.contains("1990-01-01"));
    }

    fn with_replaced(file: &str, text: String) -> Result<Rulebook, RulebookError> {
        let files: Vec<(&str, &str)> = BUNDLED
            .iter()
            .map(|(n, t)| {
                if *n == file {
                    (*n, text.as_str())
                } else {
                    (*n, *t)
                }
            })
            .collect();
        Rulebook::from_sources(&files)
    }

    #[test]
    fn malformed_files_name_file_and_line() {
        let broken = BUNDLED[0]
            .1
            .replacen("verified = ", "verified = \"maybe\" #", 1);
        let e = with_replaced("declaration.toml", broken.clone()).unwrap_err();
        assert_eq!(e.file, "declaration.toml");
        let expected_line = broken
            .lines()
            .position(|l| l.contains("\"maybe\""))
            .unwrap()
            + 1;
        assert_eq!(e.line, expected_line, "{e}");

        let unknown = format!("{}\n[surprise]\nx = 1\n", BUNDLED[1].1);
        let e = with_replaced("deadlines.toml", unknown).unwrap_err();
        assert!(e.message.contains("surprise"), "{e}");

        let e = with_replaced("penalty.toml", "not toml at all = = =".into()).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("penalty.toml", 1));
        assert!(e.to_problem().message_ko.contains("penalty.toml"));
    }

    #[test]
    fn versions_out_of_order_are_refused() {
        let text = BUNDLED[0].1.replacen(
            "effective_from = \"2014-01-01\"",
            "effective_from = \"2099-01-01\"",
            1,
        );
        assert_ne!(text, BUNDLED[0].1, "fixture must contain the 2014 version");
        let e = with_replaced("declaration.toml", text).unwrap_err();
        assert!(e.message.contains("oldest first"), "{e}");
        assert!(e.line > 1);
    }

    fn holiday_year(b: &Rulebook, year: i32) -> &HolidayYear {
        b.holidays
            .years
            .iter()
            .find(|y| *y.year.get_ref() == year)
            .unwrap_or_else(|| panic!("no holiday table for {year}"))
    }

    #[test]
    fn holiday_table_covers_every_year_2014_to_2030() {
        let b = Rulebook::bundled();
        for year in 2014..=2030 {
            assert!(b.holidays.covers_year(year), "{year}");
            let y = holiday_year(&b, year);
            assert!(y.days.len() >= 15, "{year} has {} days", y.days.len());
            // Labour Day moves deadlines in every year (Customs Act art. 8(3)).
            let may_1 = NaiveDate::from_ymd_opt(year, 5, 1).unwrap();
            assert!(b.holidays.holiday_on(may_1).is_some(), "{year}-05-01");
            // The 2026 amendment: Constitution Day is a public holiday from 2026 only.
            let jul_17 = NaiveDate::from_ymd_opt(year, 7, 17).unwrap();
            assert_eq!(
                b.holidays.holiday_on(jul_17).is_some(),
                year >= 2026,
                "{jul_17}"
            );
        }
        // Years announced in the official calendar notice are verified; the others are not.
        for year in 2018..=2027 {
            assert!(holiday_year(&b, year).verified, "{year}");
        }
        for year in (2014..=2017).chain(2028..=2030) {
            assert!(!holiday_year(&b, year).verified, "{year}");
        }
    }

    #[test]
    fn first_and_last_holiday_years_load() {
        let b = Rulebook::bundled();
        // 2014: the first substitute holiday ever (Chuseok on Mon 2014-09-08 → Wed 09-10).
        let sub = b.holidays.holiday_on(date("2014-09-10")).unwrap();
        assert_eq!(sub.name_ko, "대체공휴일(추석)");
        assert!(
            b.holidays.holiday_on(date("2014-06-04")).is_some(),
            "local elections"
        );
        // 2030: computed, Seollal Sun 02-03 → substitute Tue 02-05.
        let sub = b.holidays.holiday_on(date("2030-02-05")).unwrap();
        assert_eq!(sub.name_en, "Substitute holiday (Seollal)");
        let note = holiday_year(&b, 2030).note.as_deref().unwrap();
        let ko = note.find("아직 공표되지 않았습니다").expect(note);
        let en = note
            .find("Computed, not yet announced (temporary holidays and elections cannot be predicted)")
            .expect(note);
        assert!(ko < en, "Korean first: {note}");
    }

    #[test]
    fn holidays_must_sit_under_their_year() {
        let text = BUNDLED[5]
            .1
            .replacen("date = \"2026-01-01\"", "date = \"2027-01-01\"", 1);
        let e = with_replaced("holidays.toml", text).unwrap_err();
        assert!(e.message.contains("2027-01-01"), "{e}");
    }

    #[test]
    fn fta_facts_of_issue_14_are_in_the_book_with_their_sources() {
        let b = Rulebook::bundled();
        let on = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let shown = b.show_on(on);
        for (key, value) in [
            ("uk_origin_declaration_any_exporter_max_gbp", "5500"),
            ("rcep_certificate_validity_months", "12"),
            ("asean_certificate_validity_months", "6"),
            ("korus_record_keeping_years", "5"),
        ] {
            let v = shown
                .iter()
                .find(|r| r.key == key)
                .unwrap_or_else(|| panic!("{key} missing"));
            assert_eq!(v.value.as_deref(), Some(value), "{key}");
            assert!(!v.source.as_deref().unwrap_or_default().is_empty(), "{key}");
        }
    }
}
