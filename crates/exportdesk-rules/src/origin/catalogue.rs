//! The FTA catalogue (`assets/fta/catalogue.toml`): which agreements exist, who the partners are,
//! how origin is certified, what the value basis and the de-minimis / tolerance rules are, and the
//! low-value origin-declaration threshold.
//!
//! Every value is a [`Fact`]: a list of versions, each with its own `source`, `effective_from`
//! and `verified` flag, exactly like a rulebook parameter. A value that is not known is left out
//! (the field is `None`) and listed in `assets/fta/GAPS.md`; nothing is guessed.
//!
//! A few values also live in the rulebook (`assets/rulebook/fta.toml`: the EU/UK €6,000 threshold,
//! the EU/UK 10% tolerance, RCEP and KORUS de minimis). The catalogue does not repeat them: such a
//! fact is written `{ rulebook = "key" }` and takes its versions from the rulebook, so there is one
//! source of truth.

use super::lang::{parse_range, HsRange, RvcMethod, ValueBasis};
use super::{file_problem, line_col};
use crate::country::Country;
use crate::deadline::RuleUsed;
use crate::problem::{Problem, Problems};
use crate::rulebook::{FtaRules, Param, Rulebook, ShowValue, Version};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use toml::Spanned;
use ts_rs::TS;

/// How a certificate or statement of origin is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Certification {
    /// 기관발급: a certificate issued by an agency (customs or the chamber of commerce).
    Agency,
    /// 자율발급: the exporter (or producer/importer) certifies origin itself.
    #[serde(rename = "self")]
    SelfCertified,
    /// Either of the two, at the exporter's choice.
    Either,
}

impl Certification {
    pub fn name_ko(self) -> &'static str {
        match self {
            Certification::Agency => "기관발급",
            Certification::SelfCertified => "자율발급",
            Certification::Either => "기관발급 또는 자율발급",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Certification::Agency => "agency-issued certificate",
            Certification::SelfCertified => "self-certification",
            Certification::Either => "agency-issued or self-certified",
        }
    }
}

impl ShowValue for Certification {
    fn show(&self) -> String {
        match self {
            Certification::Agency => "agency".into(),
            Certification::SelfCertified => "self".into(),
            Certification::Either => "either".into(),
        }
    }
}

impl ShowValue for ValueBasis {
    fn show(&self) -> String {
        self.code().to_string()
    }
}

impl ShowValue for Vec<RvcMethod> {
    fn show(&self) -> String {
        self.iter().map(|m| m.code()).collect::<Vec<_>>().join(", ")
    }
}

impl ShowValue for bool {
    fn show(&self) -> String {
        self.to_string()
    }
}

/// One version of a catalogue value.
#[derive(Debug, Clone, PartialEq)]
pub struct FactVersion<T> {
    pub value: T,
    pub effective_from: NaiveDate,
    pub source: String,
    pub verified: bool,
    pub note: Option<String>,
}

/// A catalogue value over time, with its provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact<T> {
    /// `KR-EU.tolerance_percent`.
    pub key: String,
    pub title_ko: String,
    pub title_en: String,
    /// Oldest first.
    pub versions: Vec<FactVersion<T>>,
    /// The rulebook parameter the versions were taken from, if any.
    pub from_rulebook: Option<String>,
}

impl<T: ShowValue> Fact<T> {
    /// The version in force on `date`.
    pub fn on(&self, date: NaiveDate) -> Option<&FactVersion<T>> {
        self.versions
            .iter()
            .rev()
            .find(|v| v.effective_from <= date)
    }

    pub fn value_on(&self, date: NaiveDate) -> Option<&T> {
        self.on(date).map(|v| &v.value)
    }

    /// The version in force on `date` as shown in a verdict.
    pub fn used(&self, date: NaiveDate) -> Option<RuleUsed> {
        self.on(date).map(|v| RuleUsed {
            key: self.key.clone(),
            title_ko: self.title_ko.clone(),
            title_en: self.title_en.clone(),
            value: v.value.show(),
            effective_from: v.effective_from,
            source: v.source.clone(),
            verified: v.verified,
        })
    }
}

/// One agreement.
#[derive(Debug, Clone, PartialEq)]
pub struct Fta {
    /// `KORUS`, `KR-EU`, `KR-UK`, `RCEP`, `KR-ASEAN`, `KR-CN`, `KR-VN`, `KR-AU`, `KR-CA`.
    pub code: String,
    pub name_ko: String,
    pub name_en: String,
    /// The agreement's title and where its text is published.
    pub agreement: String,
    /// ISO 3166-1 alpha-2 codes of the partner countries (Korea not included).
    pub partners: Fact<Vec<String>>,
    pub certification: Fact<Certification>,
    /// The price percentage rules are measured against when the rule itself does not say.
    pub value_basis: Option<Fact<ValueBasis>>,
    /// The RVC formulas the exporter may choose from when the rule does not name one.
    pub rvc_methods: Option<Fact<Vec<RvcMethod>>>,
    /// De minimis / tolerance: non-originating materials that fail a tariff shift may be ignored
    /// up to this share of the price...
    pub tolerance_percent: Option<Fact<Decimal>>,
    /// ...measured against this price...
    pub tolerance_basis: Option<Fact<ValueBasis>>,
    /// ...except for products of these chapters (`50-63`).
    pub tolerance_excluded_chapters: Option<Fact<Vec<String>>>,
    /// Chapters of textile goods with a tolerance by weight (`50-63`).
    pub textile_chapters: Option<Fact<Vec<String>>>,
    /// Tolerance by weight for textile goods, % of the good's weight.
    pub textile_tolerance_percent_weight: Option<Fact<Decimal>>,
    /// Any exporter may make an origin declaration on the invoice up to this consignment value
    /// (EUR); above it the approved-exporter number is needed.
    pub low_value_declaration_max_eur: Option<Fact<Decimal>>,
    /// The same limit where the partner states it in pounds (the UK).
    pub low_value_declaration_max_gbp: Option<Fact<Decimal>>,
    pub certificate_validity_months: Option<Fact<u32>>,
    pub record_retention_years: Option<Fact<u32>>,
}

/// Whether a chapter (`"33"`) is inside a list of chapter ranges (`["50-63"]`).
pub fn chapter_in(list: &[String], chapter: &str) -> bool {
    list.iter()
        .filter_map(|r| parse_range(r).ok())
        .any(|r| r.contains(chapter))
}

impl Fta {
    pub fn partners_on(&self, date: NaiveDate) -> &[String] {
        self.partners.value_on(date).map_or(&[], |v| v.as_slice())
    }

    /// Every value in force on `date`, with its provenance (for the UI and the worksheet).
    pub fn facts_on(&self, date: NaiveDate) -> Vec<RuleUsed> {
        let mut out = Vec::new();
        out.extend(self.partners.used(date));
        out.extend(self.certification.used(date));
        out.extend(self.value_basis.as_ref().and_then(|f| f.used(date)));
        out.extend(self.rvc_methods.as_ref().and_then(|f| f.used(date)));
        out.extend(self.tolerance_percent.as_ref().and_then(|f| f.used(date)));
        out.extend(self.tolerance_basis.as_ref().and_then(|f| f.used(date)));
        out.extend(
            self.tolerance_excluded_chapters
                .as_ref()
                .and_then(|f| f.used(date)),
        );
        out.extend(self.textile_chapters.as_ref().and_then(|f| f.used(date)));
        out.extend(
            self.textile_tolerance_percent_weight
                .as_ref()
                .and_then(|f| f.used(date)),
        );
        out.extend(
            self.low_value_declaration_max_eur
                .as_ref()
                .and_then(|f| f.used(date)),
        );
        out.extend(
            self.low_value_declaration_max_gbp
                .as_ref()
                .and_then(|f| f.used(date)),
        );
        out.extend(
            self.certificate_validity_months
                .as_ref()
                .and_then(|f| f.used(date)),
        );
        out.extend(
            self.record_retention_years
                .as_ref()
                .and_then(|f| f.used(date)),
        );
        out
    }

    /// The names of the optional values this catalogue does not know (listed in GAPS.md).
    pub fn unknown_fields(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        let mut check = |present: bool, name: &'static str| {
            if !present {
                out.push(name);
            }
        };
        check(self.value_basis.is_some(), "value_basis");
        check(self.rvc_methods.is_some(), "rvc_methods");
        check(self.tolerance_percent.is_some(), "tolerance_percent");
        check(
            self.certificate_validity_months.is_some(),
            "certificate_validity_months",
        );
        check(
            self.record_retention_years.is_some(),
            "record_retention_years",
        );
        out
    }
}

/// All agreements.
#[derive(Debug, Clone, PartialEq)]
pub struct FtaCatalogue {
    pub ftas: Vec<Fta>,
}

/// The catalogue file shipped with the app.
pub const BUNDLED_CATALOGUE: (&str, &str) = (
    "catalogue.toml",
    include_str!("../../../../assets/fta/catalogue.toml"),
);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalogue {
    fta: Vec<RawFta>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFact<T> {
    #[serde(default)]
    rulebook: Option<Spanned<String>>,
    #[serde(default = "Vec::new")]
    versions: Vec<Version<T>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFta {
    code: Spanned<String>,
    name_ko: String,
    name_en: String,
    agreement: String,
    partners: Spanned<RawFact<Vec<String>>>,
    certification: Spanned<RawFact<Certification>>,
    value_basis: Option<Spanned<RawFact<ValueBasis>>>,
    rvc_methods: Option<Spanned<RawFact<Vec<RvcMethod>>>>,
    tolerance_percent: Option<Spanned<RawFact<Decimal>>>,
    tolerance_basis: Option<Spanned<RawFact<ValueBasis>>>,
    tolerance_excluded_chapters: Option<Spanned<RawFact<Vec<String>>>>,
    textile_chapters: Option<Spanned<RawFact<Vec<String>>>>,
    textile_tolerance_percent_weight: Option<Spanned<RawFact<Decimal>>>,
    low_value_declaration_max_eur: Option<Spanned<RawFact<Decimal>>>,
    low_value_declaration_max_gbp: Option<Spanned<RawFact<Decimal>>>,
    certificate_validity_months: Option<Spanned<RawFact<u32>>>,
    record_retention_years: Option<Spanned<RawFact<u32>>>,
}

fn title(field: &str) -> (&'static str, &'static str) {
    match field {
        "partners" => ("상대국", "partner countries"),
        "certification" => ("원산지 증명 방식", "certification of origin"),
        "value_basis" => ("비율 기준 가격", "price basis of percentage rules"),
        "rvc_methods" => ("역내가치포함비율 계산 방법", "RVC formulas allowed"),
        "tolerance_percent" => ("미소기준·허용오차 (%)", "de minimis / tolerance (%)"),
        "tolerance_basis" => ("미소기준 기준 가격", "de minimis price basis"),
        "tolerance_excluded_chapters" => ("미소기준 제외 류", "chapters without value tolerance"),
        "textile_chapters" => ("섬유 제품 류", "textile chapters"),
        "textile_tolerance_percent_weight" => {
            ("섬유 미소기준 (중량 %)", "textile de minimis (% of weight)")
        }
        "low_value_declaration_max_eur" => (
            "인증수출자 아닌 수출자의 원산지신고 한도 (유로)",
            "origin declaration by any exporter up to (EUR)",
        ),
        "low_value_declaration_max_gbp" => (
            "인증수출자 아닌 수출자의 원산지신고 한도 (파운드)",
            "origin declaration by any exporter up to (GBP)",
        ),
        "certificate_validity_months" => (
            "원산지증명 유효기간 (개월)",
            "proof of origin valid (months)",
        ),
        "record_retention_years" => ("서류 보관 기간 (년)", "record retention (years)"),
        _ => ("", ""),
    }
}

struct Loader<'a> {
    file: &'a str,
    text: &'a str,
    rules: &'a FtaRules,
}

impl Loader<'_> {
    fn problem_at(&self, offset: usize, ko: String, en: String) -> Problem {
        let (line, column) = line_col(self.text, offset);
        file_problem("fta.catalogue.invalid", self.file, line, column, &ko, &en)
    }

    fn rulebook_whole(&self, key: &str) -> Option<&Param<u32>> {
        let r = self.rules;
        match key {
            "rcep_certificate_validity_months" => Some(&r.rcep_certificate_validity_months),
            "asean_certificate_validity_months" => Some(&r.asean_certificate_validity_months),
            "korus_record_keeping_years" => Some(&r.korus_record_keeping_years),
            _ => None,
        }
    }

    fn rulebook_param(&self, key: &str) -> Option<&Param<Decimal>> {
        let r = self.rules;
        match key {
            "uk_origin_declaration_any_exporter_max_gbp" => {
                Some(&r.uk_origin_declaration_any_exporter_max_gbp)
            }
            "eu_uk_origin_declaration_any_exporter_max_eur" => {
                Some(&r.eu_uk_origin_declaration_any_exporter_max_eur)
            }
            "eu_uk_tolerance_percent_exw" => Some(&r.eu_uk_tolerance_percent_exw),
            "rcep_de_minimis_percent_fob" => Some(&r.rcep_de_minimis_percent_fob),
            "korus_de_minimis_percent_value" => Some(&r.korus_de_minimis_percent_value),
            "korus_textile_de_minimis_percent_weight" => {
                Some(&r.korus_textile_de_minimis_percent_weight)
            }
            _ => None,
        }
    }

    fn versions<T>(
        &self,
        raw: &Spanned<RawFact<T>>,
        key: &str,
    ) -> Result<Vec<FactVersion<T>>, Problem>
    where
        T: Clone,
    {
        let at = raw.span().start;
        let raw = raw.get_ref();
        if raw.rulebook.is_some() {
            return Err(self.problem_at(
                at,
                format!("{key}: 이 값은 규정집을 참조할 수 없습니다. versions 로 적으세요."),
                format!("{key}: this value cannot refer to the rulebook; write its versions."),
            ));
        }
        self.own_versions(&raw.versions, at, key)
    }

    fn own_versions<T: Clone>(
        &self,
        versions: &[Version<T>],
        at: usize,
        key: &str,
    ) -> Result<Vec<FactVersion<T>>, Problem> {
        if versions.is_empty() {
            return Err(self.problem_at(
                at,
                format!("{key}: 값이 없습니다. [[…versions]] 를 하나 이상 적거나 항목을 지우세요."),
                format!(
                    "{key}: no value; add at least one [[…versions]] entry or leave the field out."
                ),
            ));
        }
        for pair in versions.windows(2) {
            if pair[1].effective_from() <= pair[0].effective_from() {
                return Err(self.problem_at(
                    pair[1].effective_from.span().start,
                    format!("{key}: 버전은 오래된 것부터 날짜순으로 적어야 합니다."),
                    format!("{key}: versions must be listed oldest first."),
                ));
            }
        }
        Ok(versions
            .iter()
            .map(|v| FactVersion {
                value: v.value.clone(),
                effective_from: v.effective_from(),
                source: v.source.clone(),
                verified: v.verified,
                note: v.note.clone(),
            })
            .collect())
    }

    fn fact<T: Clone>(
        &self,
        code: &str,
        field: &str,
        raw: &Spanned<RawFact<T>>,
    ) -> Result<Fact<T>, Problem> {
        let key = format!("{code}.{field}");
        let (ko, en) = title(field);
        Ok(Fact {
            versions: self.versions(raw, &key)?,
            key,
            title_ko: ko.to_string(),
            title_en: en.to_string(),
            from_rulebook: None,
        })
    }

    /// A fact which may also take its versions from the rulebook (found by `lookup`).
    fn linked_fact<'r, T: Clone + 'r>(
        &self,
        code: &str,
        field: &str,
        raw: &Spanned<RawFact<T>>,
        lookup: impl Fn(&str) -> Option<&'r Param<T>>,
    ) -> Result<Fact<T>, Problem> {
        let key = format!("{code}.{field}");
        let (ko, en) = title(field);
        let inner = raw.get_ref();
        let (versions, from_rulebook) = match &inner.rulebook {
            Some(name) => {
                if !inner.versions.is_empty() {
                    return Err(self.problem_at(
                        name.span().start,
                        format!("{key}: rulebook 참조와 versions 를 함께 쓸 수 없습니다. 하나만 남기세요."),
                        format!("{key}: write either a rulebook reference or versions, not both."),
                    ));
                }
                let Some(param) = lookup(name.get_ref()) else {
                    return Err(self.problem_at(
                        name.span().start,
                        format!(
                            "{key}: 규정집 fta.toml 에 '{}' 값이 없습니다.",
                            name.get_ref()
                        ),
                        format!(
                            "{key}: the rulebook's fta.toml has no value '{}'.",
                            name.get_ref()
                        ),
                    ));
                };
                let versions = param
                    .versions
                    .iter()
                    .map(|v| FactVersion {
                        value: v.value.clone(),
                        effective_from: v.effective_from(),
                        source: format!("{} (rulebook fta.toml: {})", v.source, name.get_ref()),
                        verified: v.verified,
                        note: v.note.clone(),
                    })
                    .collect();
                (versions, Some(name.get_ref().clone()))
            }
            None => (
                self.own_versions(&inner.versions, raw.span().start, &key)?,
                None,
            ),
        };
        Ok(Fact {
            key,
            title_ko: ko.to_string(),
            title_en: en.to_string(),
            versions,
            from_rulebook,
        })
    }

    fn opt<T: Clone>(
        &self,
        code: &str,
        field: &str,
        raw: &Option<Spanned<RawFact<T>>>,
    ) -> Result<Option<Fact<T>>, Problem> {
        raw.as_ref().map(|r| self.fact(code, field, r)).transpose()
    }

    fn opt_decimal(
        &self,
        code: &str,
        field: &str,
        raw: &Option<Spanned<RawFact<Decimal>>>,
    ) -> Result<Option<Fact<Decimal>>, Problem> {
        raw.as_ref()
            .map(|r| self.linked_fact(code, field, r, |k| self.rulebook_param(k)))
            .transpose()
    }

    fn opt_whole(
        &self,
        code: &str,
        field: &str,
        raw: &Option<Spanned<RawFact<u32>>>,
    ) -> Result<Option<Fact<u32>>, Problem> {
        raw.as_ref()
            .map(|r| self.linked_fact(code, field, r, |k| self.rulebook_whole(k)))
            .transpose()
    }

    fn chapters(
        &self,
        fact: &Option<Fact<Vec<String>>>,
        raw: &Option<Spanned<RawFact<Vec<String>>>>,
    ) -> Result<(), Problem> {
        if let (Some(f), Some(r)) = (fact, raw) {
            for v in &f.versions {
                for c in &v.value {
                    let ok = parse_range(c).is_ok_and(|r| r.level == super::lang::Level::Chapter);
                    if !ok {
                        return Err(self.problem_at(
                            r.span().start,
                            format!("{}: '{c}'은(는) 류 범위가 아닙니다 (예: \"50-63\").", f.key),
                            format!("{}: '{c}' is not a chapter range (e.g. \"50-63\").", f.key),
                        ));
                    }
                }
            }
        }
        Ok(())
    }

    fn fta(&self, raw: &RawFta) -> Result<Fta, Problem> {
        let code = raw.code.get_ref().trim().to_string();
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_uppercase() || c == '-') {
            return Err(self.problem_at(
                raw.code.span().start,
                format!("FTA 코드 '{code}'은(는) 영문 대문자와 '-'로만 적어야 합니다 (예: KR-EU)."),
                format!("The FTA code '{code}' must be capital letters and '-' only (e.g. KR-EU)."),
            ));
        }
        let partners = self.fact(&code, "partners", &raw.partners)?;
        for v in &partners.versions {
            for p in &v.value {
                let known = Country::parse(p).is_ok_and(|c| c.code() == p);
                if !known || p == "KR" {
                    return Err(self.problem_at(
                        raw.partners.span().start,
                        format!("{code}: 상대국 '{p}'은(는) ISO 3166-1 두 글자 국가코드(대문자)가 아니거나 한국입니다."),
                        format!("{code}: partner '{p}' is not an ISO 3166-1 alpha-2 code in capitals, or is Korea."),
                    ));
                }
            }
        }
        let fta = Fta {
            name_ko: raw.name_ko.clone(),
            name_en: raw.name_en.clone(),
            agreement: raw.agreement.clone(),
            partners,
            certification: self.fact(&code, "certification", &raw.certification)?,
            value_basis: self.opt(&code, "value_basis", &raw.value_basis)?,
            rvc_methods: self.opt(&code, "rvc_methods", &raw.rvc_methods)?,
            tolerance_percent: self.opt_decimal(
                &code,
                "tolerance_percent",
                &raw.tolerance_percent,
            )?,
            tolerance_basis: self.opt(&code, "tolerance_basis", &raw.tolerance_basis)?,
            tolerance_excluded_chapters: self.opt(
                &code,
                "tolerance_excluded_chapters",
                &raw.tolerance_excluded_chapters,
            )?,
            textile_chapters: self.opt(&code, "textile_chapters", &raw.textile_chapters)?,
            textile_tolerance_percent_weight: self.opt_decimal(
                &code,
                "textile_tolerance_percent_weight",
                &raw.textile_tolerance_percent_weight,
            )?,
            low_value_declaration_max_eur: self.opt_decimal(
                &code,
                "low_value_declaration_max_eur",
                &raw.low_value_declaration_max_eur,
            )?,
            low_value_declaration_max_gbp: self.opt_decimal(
                &code,
                "low_value_declaration_max_gbp",
                &raw.low_value_declaration_max_gbp,
            )?,
            certificate_validity_months: self.opt_whole(
                &code,
                "certificate_validity_months",
                &raw.certificate_validity_months,
            )?,
            record_retention_years: self.opt_whole(
                &code,
                "record_retention_years",
                &raw.record_retention_years,
            )?,
            code,
        };
        self.chapters(
            &fta.tolerance_excluded_chapters,
            &raw.tolerance_excluded_chapters,
        )?;
        self.chapters(&fta.textile_chapters, &raw.textile_chapters)?;
        if fta.tolerance_percent.is_some() != fta.tolerance_basis.is_some() {
            return Err(self.problem_at(
                raw.code.span().start,
                format!(
                    "{}: tolerance_percent 와 tolerance_basis 는 함께 적어야 합니다.",
                    fta.code
                ),
                format!(
                    "{}: tolerance_percent and tolerance_basis go together.",
                    fta.code
                ),
            ));
        }
        Ok(fta)
    }
}

pub(crate) fn parse_toml<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Problem> {
    toml::from_str::<T>(text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |s| line_col(text, s.start));
        let msg = e.message().trim().to_string();
        file_problem("fta.file.malformed", file, line, column, &msg, &msg)
    })
}

impl FtaCatalogue {
    /// The catalogue shipped with the app, with rulebook references resolved against the bundled
    /// rulebook.
    pub fn bundled() -> FtaCatalogue {
        Self::bundled_with(&Rulebook::bundled().fta)
    }

    /// The shipped catalogue with its rulebook references resolved against `rules` (the
    /// rulebook in use, which the user may have corrected).
    pub fn bundled_with(rules: &FtaRules) -> FtaCatalogue {
        FtaCatalogue::from_source(BUNDLED_CATALOGUE.0, BUNDLED_CATALOGUE.1, rules)
            .expect("the bundled FTA catalogue is valid (checked by tests)")
    }

    /// Load a catalogue file. Every error names the file, line and column.
    pub fn from_source(file: &str, text: &str, rules: &FtaRules) -> Result<FtaCatalogue, Problems> {
        let raw: RawCatalogue = parse_toml(file, text)?;
        let loader = Loader { file, text, rules };
        let mut problems = Problems::default();
        let mut ftas: Vec<Fta> = Vec::new();
        for r in &raw.fta {
            match loader.fta(r) {
                Ok(f) => {
                    if ftas.iter().any(|x| x.code == f.code) {
                        problems.push(loader.problem_at(
                            r.code.span().start,
                            format!("FTA '{}'이(가) 두 번 나옵니다.", f.code),
                            format!("FTA '{}' is listed twice.", f.code),
                        ));
                    } else {
                        ftas.push(f);
                    }
                }
                Err(p) => problems.push(p),
            }
        }
        problems.into_result(|| FtaCatalogue { ftas })
    }

    pub fn get(&self, code: &str) -> Option<&Fta> {
        let c = code.trim();
        self.ftas.iter().find(|f| f.code.eq_ignore_ascii_case(c))
    }

    /// The FTA, or a problem that lists the known codes.
    pub fn require(&self, code: &str) -> Result<&Fta, Problem> {
        self.get(code).ok_or_else(|| {
            let known: Vec<&str> = self.ftas.iter().map(|f| f.code.as_str()).collect();
            Problem::new(
                "origin.fta.unknown",
                format!(
                    "'{}'은(는) 알 수 없는 FTA입니다. 다음 중에서 고르세요: {}.",
                    code.trim(),
                    known.join(", ")
                ),
                format!(
                    "'{}' is not a known FTA. Choose one of: {}.",
                    code.trim(),
                    known.join(", ")
                ),
            )
            .at("fta")
            .with("value", code.trim())
        })
    }

    /// Every FTA whose partners on `date` include `country` (ISO alpha-2).
    pub fn for_partner(&self, country: &str, date: NaiveDate) -> Vec<&Fta> {
        let c = country.trim().to_ascii_uppercase();
        self.ftas
            .iter()
            .filter(|f| f.partners_on(date).contains(&c))
            .collect()
    }

    pub fn codes(&self) -> Vec<&str> {
        self.ftas.iter().map(|f| f.code.as_str()).collect()
    }
}

/// Whether a chapter range list parses (used by tests and the PSR loader).
pub fn chapter_ranges(list: &[String]) -> Vec<HsRange> {
    list.iter().filter_map(|r| parse_range(r).ok()).collect()
}
