//! The evaluation engine behind [`super::evaluate`] and [`super::compare`].
//!
//! Semantics (documented for people in `assets/fta/RULES.md`):
//!
//! - A rule is a set of alternatives joined by `or`; each is evaluated on its own and the rule is
//!   met when one of them is met. Conditions joined by `and` must all be met.
//! - Results are three-valued: passed, failed, or undecidable (data missing). `and` fails when one
//!   part fails, passes when all pass; `or` passes when one passes, fails when all fail.
//! - Conditions apply to non-originating materials only. A material is non-originating when so
//!   declared, when its origin is unknown, or when its supplier declaration expired before the case
//!   date.
//! - Tariff shift: every non-originating material must change chapter / heading / subheading and
//!   must not come from an excepted code. In an `and` group, a `MaxNOM` with its own scope
//!   (`same-heading`, or codes) is an *allowance*: materials in its scope that fail the shift only
//!   because they share the product's chapter/heading/subheading are allowed, and are counted by
//!   that limit instead. Explicit exceptions stay forbidden.
//! - De minimis / tolerance (from the catalogue) lets materials failing a tariff shift be ignored up
//!   to a share of the price (or, for textile chapters, of the weight). It never applies to a
//!   `MaxNOM` or `RVC` condition: a percentage limit of the rule itself stays a hard limit.
//! - Boundaries are exact (`rust_decimal`): a value exactly at the limit passes.

use super::catalogue::{chapter_in, Fta, FtaCatalogue};
use super::lang::{Criterion, Level, MaterialScope, Membership, Rule, RvcMethod, ValueBasis};
use super::psr::{PsrBook, PsrRule};
use super::*;
use crate::country::Country;
use crate::hs::HsCode;
use crate::money::{format_krw, Currency};
use rust_decimal::RoundingStrategy;

/// How many materials a step lists before it says "and N more".
const LIST_CAP: usize = 12;

struct Mat<'c> {
    idx: usize,
    desc: &'c str,
    hs_raw: &'c str,
    hs: Option<HsCode>,
    status: MaterialStatus,
    value: Decimal,
    weight: Option<Decimal>,
    country: Option<&'c str>,
}

impl Mat<'_> {
    fn label(&self) -> String {
        match &self.hs {
            Some(h) => format!("{} (HS {})", self.desc, h.dotted()),
            None if self.hs_raw.trim().is_empty() => format!("{} (HS ?)", self.desc),
            None => format!("{} (HS {}?)", self.desc, self.hs_raw.trim()),
        }
    }
}

#[derive(Clone)]
struct Env<'a> {
    fta: &'a Fta,
    date: NaiveDate,
    product: &'a HsCode,
    mats: &'a [Mat<'a>],
    exw: Option<Decimal>,
    fob: Option<Decimal>,
    cur: Currency,
    unknown_as_originating: bool,
    forced: Vec<bool>,
    quiet: bool,
}

/// The result of evaluating a rule or part of one.
struct Eval {
    outcome: Outcome,
    steps: Vec<Step>,
    breaking: Vec<BreakingMaterial>,
    missing: Vec<Problem>,
    suggestions: Vec<Step>,
    computations: Vec<Computation>,
}

impl Eval {
    fn new(outcome: Outcome) -> Eval {
        Eval {
            outcome,
            steps: Vec::new(),
            breaking: Vec::new(),
            missing: Vec::new(),
            suggestions: Vec::new(),
            computations: Vec::new(),
        }
    }

    fn step(&mut self, ko: impl Into<String>, en: impl Into<String>) {
        self.steps.push(Step::new(ko, en));
    }

    fn absorb(&mut self, other: Eval) {
        self.steps.extend(other.steps);
        self.breaking.extend(other.breaking);
        self.missing.extend(other.missing);
        self.suggestions.extend(other.suggestions);
        self.computations.extend(other.computations);
    }
}

fn group_digits(v: Decimal, dp: u32) -> String {
    let r = v.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    let s = r.abs().to_string();
    let (int, frac) = s.split_once('.').unwrap_or((s.as_str(), ""));
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if dp > 0 {
        out.push('.');
        out.push_str(frac);
        for _ in frac.len()..dp as usize {
            out.push('0');
        }
    }
    if r.is_sign_negative() && !r.is_zero() {
        format!("-{out}")
    } else {
        out
    }
}

fn pct(v: Decimal) -> String {
    let r = v.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    if r.is_zero() && v > Decimal::ZERO {
        "<0.01%".to_string()
    } else {
        format!("{}%", r.normalize())
    }
}

fn listed<T>(items: &[T], f: impl Fn(&T) -> String) -> (String, String) {
    let shown: Vec<String> = items.iter().take(LIST_CAP).map(f).collect();
    let rest = items.len().saturating_sub(LIST_CAP);
    if rest == 0 {
        (shown.join(", "), shown.join(", "))
    } else {
        (
            format!("{} 외 {rest}개", shown.join(", ")),
            format!("{} and {rest} more", shown.join(", ")),
        )
    }
}

impl Env<'_> {
    fn money(&self, v: Decimal) -> String {
        if self.cur == Currency::KRW {
            format_krw(v.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero))
        } else {
            format!(
                "{} {}",
                self.cur.code(),
                group_digits(v, self.cur.minor_units())
            )
        }
    }

    /// A shortfall, rounded up so that reducing by it is enough.
    fn money_up(&self, v: Decimal) -> String {
        let dp = self.cur.minor_units();
        self.money(v.round_dp_with_strategy(dp, RoundingStrategy::AwayFromZero))
    }

    fn non_orig(&self, m: &Mat) -> bool {
        if self.forced[m.idx] {
            return false;
        }
        match m.status {
            MaterialStatus::Originating => false,
            MaterialStatus::Unknown => !self.unknown_as_originating,
            _ => true,
        }
    }

    fn price(&self, basis: ValueBasis) -> Option<Decimal> {
        match basis {
            ValueBasis::Exw => self.exw,
            ValueBasis::Fob => self.fob,
        }
    }

    fn price_missing(&self, basis: ValueBasis, what_ko: &str, what_en: &str) -> Problem {
        match basis {
            ValueBasis::Exw => Problem::new(
                "origin.price.exw_missing",
                format!("공장도가격(EXW)이 없어 {what_ko}을(를) 계산할 수 없습니다. 제품 1개의 공장도가격을 입력하세요."),
                format!("The ex-works price is missing, so {what_en} cannot be computed. Enter the ex-works price of one unit."),
            )
            .at("ex_works_price"),
            ValueBasis::Fob => Problem::new(
                "origin.price.fob_missing",
                format!("FOB 가격이 없어 {what_ko}을(를) 계산할 수 없습니다. 제품 1개의 FOB 가격을 입력하세요."),
                format!("The FOB price is missing, so {what_en} cannot be computed. Enter the FOB price of one unit."),
            )
            .at("fob_price"),
        }
    }

    fn product_digits_missing(&self, need: usize) -> Problem {
        Problem::new(
            "origin.product.hs_digits",
            format!(
                "제품 HS 코드 {}로는 판정할 수 없습니다. {need}자리 이상(예: 3304.99)으로 입력하세요.",
                self.product.dotted()
            ),
            format!(
                "The product HS code {} is not precise enough; enter at least {need} digits (e.g. 3304.99).",
                self.product.dotted()
            ),
        )
        .at("product_hs")
    }

    fn hs_needed(&self, m: &Mat, need: usize) -> Problem {
        Problem::new(
            "origin.material.hs_needed",
            format!(
                "재료 '{}'의 HS 코드가 없거나 너무 짧습니다({}자리 이상 필요). 공급자에게 확인해 입력하세요.",
                m.desc, need
            ),
            format!(
                "Material '{}' has no HS code or too few digits ({need} needed). Ask the supplier and enter it.",
                m.desc
            ),
        )
        .at(format!("materials[{}].hs_code", m.idx))
    }

    fn breaking(m: &Mat, ko: String, en: String) -> BreakingMaterial {
        BreakingMaterial {
            index: m.idx,
            description: m.desc.to_string(),
            reason_ko: ko,
            reason_en: en,
        }
    }

    // -----------------------------------------------------------------------------------------

    fn eval_rule(&self, rule: &Rule, allow: &[&MaterialScope]) -> Eval {
        match rule {
            Rule::One(c) => self.eval_criterion(c, allow),
            Rule::All(items) => {
                let mut scopes: Vec<&MaterialScope> = allow.to_vec();
                for r in items {
                    if let Rule::One(Criterion::MaxNom { scope, .. }) = r {
                        if *scope != MaterialScope::All {
                            scopes.push(scope);
                        }
                    }
                }
                let parts: Vec<Eval> = items.iter().map(|r| self.eval_rule(r, &scopes)).collect();
                let outcome = if parts.iter().any(|p| p.outcome == Outcome::Failed) {
                    Outcome::Failed
                } else if parts.iter().all(|p| p.outcome == Outcome::Passed) {
                    Outcome::Passed
                } else {
                    Outcome::Undecidable
                };
                let mut e = Eval::new(outcome);
                for p in parts {
                    e.absorb(p);
                }
                e
            }
            Rule::Any(items) => {
                let parts: Vec<Eval> = items.iter().map(|r| self.eval_rule(r, allow)).collect();
                let outcome = if parts.iter().any(|p| p.outcome == Outcome::Passed) {
                    Outcome::Passed
                } else if parts.iter().all(|p| p.outcome == Outcome::Failed) {
                    Outcome::Failed
                } else {
                    Outcome::Undecidable
                };
                let mut e = Eval::new(outcome);
                for p in parts {
                    if outcome == Outcome::Passed {
                        e.steps.extend(p.steps);
                        e.computations.extend(p.computations);
                    } else {
                        e.absorb(p);
                    }
                }
                e
            }
        }
    }

    fn eval_criterion(&self, c: &Criterion, allow: &[&MaterialScope]) -> Eval {
        match c {
            Criterion::WhollyObtained => self.wholly_obtained(),
            Criterion::TariffShift { level, except } => {
                self.tariff_shift(Some(*level), except, allow)
            }
            Criterion::AnyHeadingExcept { except } => self.tariff_shift(None, except, allow),
            Criterion::Rvc {
                percent,
                method,
                basis,
            } => self.rvc(*percent, *method, *basis),
            Criterion::MaxNom {
                percent,
                basis,
                scope,
            } => self.max_nom(*percent, *basis, scope),
        }
    }

    fn wholly_obtained(&self) -> Eval {
        let non: Vec<&Mat> = self.mats.iter().filter(|m| self.non_orig(m)).collect();
        if non.is_empty() {
            let mut e = Eval::new(Outcome::Passed);
            e.step(
                "WO(완전생산): 비원산지 재료가 하나도 없으므로 충족합니다 (원산지 재료만으로 생산).",
                "WO (wholly obtained): no non-originating material is used, so it is met (produced from originating materials only).",
            );
            return e;
        }
        let mut e = Eval::new(Outcome::Failed);
        let (ko, en) = listed(&non, |m| m.label());
        e.step(
            format!(
                "WO(완전생산): 비원산지 재료를 쓸 수 없는데 {}개가 있습니다: {ko}.",
                non.len()
            ),
            format!(
                "WO (wholly obtained): no non-originating material may be used, but {} are: {en}.",
                non.len()
            ),
        );
        for m in non {
            e.breaking.push(Self::breaking(
                m,
                "완전생산 기준: 비원산지 재료".into(),
                "wholly obtained rule: non-originating material".into(),
            ));
        }
        e
    }

    fn allowed_by(&self, m: &Mat, allow: &[&MaterialScope]) -> bool {
        let Some(h) = &m.hs else { return false };
        allow.iter().any(|s| match s {
            MaterialScope::All => false,
            MaterialScope::SameHeading => {
                let p = lang::prefix(self.product, Level::Heading);
                let q = lang::prefix(h, Level::Heading);
                p.is_some() && p == q
            }
            MaterialScope::Codes(codes) => codes.iter().any(|r| r.contains(h.digits())),
        })
    }

    /// A change of chapter, heading or subheading (`level`), or with `None` the "any heading
    /// except …" rule: materials of any heading, the product's own included, but none from the
    /// excepted codes.
    fn tariff_shift(
        &self,
        level: Option<Level>,
        except: &[lang::HsRange],
        allow: &[&MaterialScope],
    ) -> Eval {
        let Some(level) = level else {
            return self.any_heading_except(except);
        };
        let need = level.digits();
        let name = match level {
            Level::Chapter => "CC",
            Level::Heading => "CTH",
            Level::Subheading => "CTSH",
        };
        let mut intro_ko = format!(
            "{name}: 비원산지 재료는 모두 제품과 다른 {}({}단위)에서 와야 합니다.",
            level.name_ko(),
            need
        );
        let mut intro_en = format!(
            "{name}: every non-originating material must come from a different {} ({need} digits) than the product.",
            level.name_en()
        );
        if !except.is_empty() {
            let ko: Vec<String> = except.iter().map(|r| r.to_ko()).collect();
            let en: Vec<String> = except.iter().map(|r| r.to_string()).collect();
            intro_ko.push_str(&format!(
                " 또한 {}에서 온 비원산지 재료는 쓸 수 없습니다.",
                ko.join(", ")
            ));
            intro_en.push_str(&format!(
                " Non-originating materials from {} may not be used at all.",
                en.join(", ")
            ));
        }
        let Some(p) = lang::prefix(self.product, level) else {
            let mut e = Eval::new(Outcome::Undecidable);
            e.step(intro_ko, intro_en);
            e.step(
                format!("제품 HS 코드 {}는 {need}자리보다 짧아 비교할 수 없습니다.", self.product.dotted()),
                format!("The product HS code {} has fewer than {need} digits, so it cannot be compared.", self.product.dotted()),
            );
            e.missing.push(self.product_digits_missing(need));
            return e;
        };
        let mut steps = vec![Step::new(
            format!("{intro_ko} 제품의 {}: {}.", level.name_ko(), p),
            format!("{intro_en} The product's {}: {p}.", level.name_en()),
        )];
        // (material, reason ko, reason en)
        let mut offending: Vec<(&Mat, String, String)> = Vec::new();
        let mut allowed: Vec<&Mat> = Vec::new();
        let mut uncertain: Vec<&Mat> = Vec::new();
        let mut ok = 0usize;
        let mut non_count = 0usize;
        for m in self.mats.iter().filter(|m| self.non_orig(m)) {
            non_count += 1;
            let Some(h) = &m.hs else {
                uncertain.push(m);
                continue;
            };
            let d = h.digits();
            let mut excepted = None;
            let mut exc_short = false;
            for x in except {
                match x.membership(d) {
                    Membership::In => excepted = Some(x),
                    Membership::TooShort => exc_short = true,
                    Membership::Out => {}
                }
            }
            if let Some(x) = excepted {
                offending.push((
                    m,
                    format!("제외된 {}에서 온 비원산지 재료", x.to_ko()),
                    format!("non-originating material from the excepted {x}"),
                ));
                continue;
            }
            if d.len() >= need {
                if &d[..need] == p {
                    if self.allowed_by(m, allow) {
                        allowed.push(m);
                    } else {
                        offending.push((
                            m,
                            format!(
                                "제품과 같은 {} {p}: {}이(가) 바뀌지 않음",
                                level.name_ko(),
                                level.name_ko()
                            ),
                            format!(
                                "same {} {p} as the product: no change of {}",
                                level.name_en(),
                                level.name_en()
                            ),
                        ));
                    }
                } else if exc_short {
                    uncertain.push(m);
                } else {
                    ok += 1;
                }
            } else if !p.starts_with(d) && !exc_short {
                ok += 1;
            } else {
                uncertain.push(m);
            }
        }
        steps.push(Step::new(
            format!("비원산지 재료 {non_count}개 중 {ok}개는 조건을 충족합니다."),
            format!("Of {non_count} non-originating materials, {ok} meet the change."),
        ));
        if !allowed.is_empty() {
            let (ko, en) = listed(&allowed, |m| m.label());
            steps.push(Step::new(
                format!("같은 {}의 재료 {ko}는 이 규칙의 가액 한도(MaxNOM) 안에서 허용되며, 그 한도에서 따로 셉니다.", level.name_ko()),
                format!("Materials of the same {} — {en} — are allowed by this rule's value limit (MaxNOM) and are counted there.", level.name_en()),
            ));
        }
        for (m, ko, en) in offending.iter().take(LIST_CAP) {
            steps.push(Step::new(
                format!("{} — {}: {ko}.", m.label(), self.money(m.value)),
                format!("{} — {}: {en}.", m.label(), self.money(m.value)),
            ));
        }
        if offending.len() > LIST_CAP {
            let rest = offending.len() - LIST_CAP;
            steps.push(Step::new(
                format!("… 조건을 충족하지 못하는 재료 {rest}개가 더 있습니다."),
                format!("… and {rest} more materials that do not meet the change."),
            ));
        }
        let mut missing = Vec::new();
        if !uncertain.is_empty() {
            let (ko, en) = listed(&uncertain, |m| m.label());
            steps.push(Step::new(
                format!("HS 코드가 없거나 짧아 판단할 수 없는 비원산지 재료: {ko}."),
                format!("Non-originating materials whose HS code is missing or too short to judge: {en}."),
            ));
            for m in &uncertain {
                missing.push(self.hs_needed(
                    m,
                    need.max(except.iter().map(|x| x.level.digits()).max().unwrap_or(0)),
                ));
            }
        }
        self.close_shift(
            name,
            steps,
            &offending,
            &uncertain,
            missing,
            (
                "다른 호·류의 재료로 바꿔야 합니다".to_string(),
                "be replaced by materials of another heading or chapter".to_string(),
            ),
        )
    }

    /// "Manufacture from materials of any heading, except those of …": every non-originating
    /// material may be of any heading, the product's own included, except the excepted codes.
    fn any_heading_except(&self, except: &[lang::HsRange]) -> Eval {
        let name = "AH";
        let ko_codes: Vec<String> = except.iter().map(|r| r.to_ko()).collect();
        let en_codes: Vec<String> = except.iter().map(|r| r.to_string()).collect();
        let mut steps = vec![Step::new(
            format!(
                "{name}: 비원산지 재료는 어느 호의 것이든(제품과 같은 호도) 쓸 수 있지만, {}의 것은 쓸 수 없습니다.",
                ko_codes.join(", ")
            ),
            format!(
                "{name}: non-originating materials of any heading may be used, the product's own included, but none from {}.",
                en_codes.join(", ")
            ),
        )];
        let mut offending: Vec<(&Mat, String, String)> = Vec::new();
        let mut uncertain: Vec<&Mat> = Vec::new();
        let (mut ok, mut non_count) = (0usize, 0usize);
        for m in self.mats.iter().filter(|m| self.non_orig(m)) {
            non_count += 1;
            let Some(h) = &m.hs else {
                uncertain.push(m);
                continue;
            };
            let mut excepted = None;
            let mut short = false;
            for x in except {
                match x.membership(h.digits()) {
                    Membership::In => excepted = Some(x),
                    Membership::TooShort => short = true,
                    Membership::Out => {}
                }
            }
            match (excepted, short) {
                (Some(x), _) => offending.push((
                    m,
                    format!("제외된 {}에서 온 비원산지 재료", x.to_ko()),
                    format!("non-originating material from the excepted {x}"),
                )),
                (None, true) => uncertain.push(m),
                (None, false) => ok += 1,
            }
        }
        steps.push(Step::new(
            format!("비원산지 재료 {non_count}개 중 {ok}개는 조건을 충족합니다."),
            format!("Of {non_count} non-originating materials, {ok} meet the rule."),
        ));
        for (m, ko, en) in offending.iter().take(LIST_CAP) {
            steps.push(Step::new(
                format!("{} — {}: {ko}.", m.label(), self.money(m.value)),
                format!("{} — {}: {en}.", m.label(), self.money(m.value)),
            ));
        }
        let mut missing = Vec::new();
        if !uncertain.is_empty() {
            let (ko, en) = listed(&uncertain, |m| m.label());
            steps.push(Step::new(
                format!("HS 코드가 없거나 짧아 판단할 수 없는 비원산지 재료: {ko}."),
                format!("Non-originating materials whose HS code is missing or too short to judge: {en}."),
            ));
            let need = except.iter().map(|x| x.level.digits()).max().unwrap_or(2);
            for m in &uncertain {
                missing.push(self.hs_needed(m, need));
            }
        }
        self.close_shift(
            name,
            steps,
            &offending,
            &uncertain,
            missing,
            (
                format!("{}이(가) 아닌 재료로 바꿔야 합니다", ko_codes.join(", ")),
                format!("be replaced by materials not from {}", en_codes.join(", ")),
            ),
        )
    }

    /// The end of a tariff-shift style rule: met when nothing offends and nothing is uncertain;
    /// otherwise the FTA's tolerance decides, and a failure names the materials that break it
    /// and what would fix them (`fix`: "… must become originating … or {fix}").
    fn close_shift(
        &self,
        name: &str,
        mut steps: Vec<Step>,
        offending: &[(&Mat, String, String)],
        uncertain: &[&Mat],
        mut missing: Vec<Problem>,
        fix: (String, String),
    ) -> Eval {
        if offending.is_empty() && uncertain.is_empty() {
            steps.push(Step::new(
                format!("→ {name} 충족."),
                format!("→ {name} met."),
            ));
            let mut e = Eval::new(Outcome::Passed);
            e.steps = steps;
            return e;
        }
        // De minimis / tolerance.
        let off_value: Decimal = offending.iter().map(|(m, _, _)| m.value).sum();
        let unc_value: Decimal = uncertain.iter().map(|m| m.value).sum();
        let off_mats: Vec<&Mat> = offending.iter().map(|(m, _, _)| *m).collect();
        let (tol, tol_steps, tol_missing) =
            self.tolerance(&off_mats, off_value, uncertain, unc_value);
        steps.extend(tol_steps);
        let outcome = match (offending.is_empty(), tol) {
            (_, Outcome::Passed) => Outcome::Passed,
            (false, Outcome::Failed) => Outcome::Failed,
            _ => Outcome::Undecidable,
        };
        if outcome != Outcome::Passed {
            missing.extend(tol_missing);
        }
        let mut e = Eval::new(outcome);
        e.steps = steps;
        e.step(
            match outcome {
                Outcome::Passed => format!("→ {name} 충족 (미소기준·허용오차 적용)."),
                Outcome::Failed => format!("→ {name} 불충족."),
                Outcome::Undecidable => format!("→ {name}: 정보가 부족해 판단할 수 없습니다."),
            },
            match outcome {
                Outcome::Passed => format!("→ {name} met (with the de minimis / tolerance)."),
                Outcome::Failed => format!("→ {name} not met."),
                Outcome::Undecidable => format!("→ {name}: cannot be decided with the data given."),
            },
        );
        if outcome != Outcome::Passed {
            e.missing = missing;
            for (m, ko, en) in offending {
                e.breaking.push(Self::breaking(
                    m,
                    format!("{name}: {ko}"),
                    format!("{name}: {en}"),
                ));
            }
        }
        if outcome == Outcome::Failed && !self.quiet {
            let (ko, en) = listed(&off_mats, |m| format!("'{}'", m.desc));
            e.suggestions.push(Step::new(
                format!("{name}를 충족하려면 {ko}을(를) 원산지 재료로 만들거나(공급자 원산지확인서) {}.", fix.0),
                format!("To meet {name}, {en} must become originating (a supplier declaration) or {}.", fix.1),
            ));
        }
        e
    }

    /// Whether the tariff-shift failures can be ignored under the FTA's de minimis / tolerance.
    fn tolerance(
        &self,
        offending: &[&Mat],
        off_value: Decimal,
        uncertain: &[&Mat],
        unc_value: Decimal,
    ) -> (Outcome, Vec<Step>, Vec<Problem>) {
        let fta = self.fta;
        let chapter = self.product.chapter();
        let mut steps = Vec::new();
        let mut missing = Vec::new();
        let mut paths: Vec<Outcome> = Vec::new();

        let excluded = fta
            .tolerance_excluded_chapters
            .as_ref()
            .and_then(|f| f.value_on(self.date))
            .is_some_and(|l| chapter_in(l, chapter));
        let value_rule = fta
            .tolerance_percent
            .as_ref()
            .and_then(|f| f.on(self.date))
            .zip(fta.tolerance_basis.as_ref().and_then(|f| f.on(self.date)));
        match value_rule {
            Some(_) if excluded => steps.push(Step::new(
                format!(
                    "{}의 가격 기준 미소기준·허용오차는 제{}류 제품에는 적용되지 않습니다.",
                    fta.name_ko, chapter
                ),
                format!(
                    "{}'s value tolerance does not apply to products of chapter {}.",
                    fta.name_en, chapter
                ),
            )),
            Some((p, b)) => {
                let (percent, basis) = (p.value, b.value);
                match self.price(basis) {
                    None => {
                        steps.push(Step::new(
                            format!(
                                "미소기준·허용오차({}% of {})를 보려면 {}이(가) 필요합니다.",
                                percent.normalize(),
                                basis.name_ko(),
                                basis.name_ko()
                            ),
                            format!(
                                "The de minimis / tolerance ({}% of the {}) needs the {}.",
                                percent.normalize(),
                                basis.name_en(),
                                basis.name_en()
                            ),
                        ));
                        missing.push(self.price_missing(basis, "미소기준", "the de minimis"));
                        paths.push(Outcome::Undecidable);
                    }
                    Some(price) => {
                        let limit = price * percent / Decimal::ONE_HUNDRED;
                        let outcome = if off_value + unc_value <= limit {
                            Outcome::Passed
                        } else if off_value > limit {
                            Outcome::Failed
                        } else {
                            Outcome::Undecidable
                        };
                        let verdict_ko = match outcome {
                            Outcome::Passed => "한도 이내이므로 무시할 수 있습니다",
                            Outcome::Failed => "한도를 넘으므로 무시할 수 없습니다",
                            Outcome::Undecidable => "HS 코드를 모르는 재료에 따라 달라집니다",
                        };
                        let verdict_en = match outcome {
                            Outcome::Passed => "within the limit, so they can be ignored",
                            Outcome::Failed => "over the limit, so they cannot be ignored",
                            Outcome::Undecidable => {
                                "it depends on the materials whose HS code is unknown"
                            }
                        };
                        steps.push(Step::new(
                            format!(
                                "미소기준·허용오차 ({}): 조건을 못 맞춘 비원산지 재료는 {}의 {}% = {}까지 쓸 수 있습니다. 합계 {}{} → {verdict_ko}.",
                                fta.name_ko,
                                basis.name_ko(),
                                percent.normalize(),
                                self.money(limit),
                                self.money(off_value),
                                if unc_value.is_zero() { String::new() } else { format!(" (판단 불가 재료 {} 별도)", self.money(unc_value)) },
                            ),
                            format!(
                                "De minimis / tolerance ({}): materials failing the change may be used up to {}% of the {} = {}. They total {}{} → {verdict_en}.",
                                fta.name_en,
                                percent.normalize(),
                                basis.name_en(),
                                self.money(limit),
                                self.money(off_value),
                                if unc_value.is_zero() { String::new() } else { format!(" (plus {} undecided)", self.money(unc_value)) },
                            ),
                        ));
                        paths.push(outcome);
                    }
                }
            }
            None => {}
        }

        let textile = fta
            .textile_chapters
            .as_ref()
            .and_then(|f| f.value_on(self.date))
            .is_some_and(|l| chapter_in(l, chapter));
        let weight_rule = fta
            .textile_tolerance_percent_weight
            .as_ref()
            .and_then(|f| f.value_on(self.date));
        if let (true, Some(percent)) = (textile, weight_rule) {
            let weights: Option<Decimal> = self.mats.iter().map(|m| m.weight).sum();
            let off_w: Option<Decimal> = offending.iter().chain(uncertain).map(|m| m.weight).sum();
            match (weights, off_w) {
                (Some(total), Some(off)) if total > Decimal::ZERO => {
                    let limit = total * percent / Decimal::ONE_HUNDRED;
                    let outcome = if off <= limit {
                        Outcome::Passed
                    } else {
                        let definite: Option<Decimal> = offending.iter().map(|m| m.weight).sum();
                        if definite.is_some_and(|w| w > limit) {
                            Outcome::Failed
                        } else {
                            Outcome::Undecidable
                        }
                    };
                    steps.push(Step::new(
                        format!(
                            "섬유 제품 중량 미소기준 ({}): 조건을 못 맞춘 재료는 제품 중량(재료 중량 합계 {}kg)의 {}% = {}kg까지 허용됩니다. 해당 재료 {}kg → {}.",
                            fta.name_ko, total.normalize(), percent.normalize(), limit.round_dp(3).normalize(), off.normalize(),
                            if outcome == Outcome::Passed { "허용" } else { "초과" }
                        ),
                        format!(
                            "Textile de minimis by weight ({}): materials failing the change may weigh up to {}% of the good (sum of material weights {} kg) = {} kg. They weigh {} kg → {}.",
                            fta.name_en, percent.normalize(), total.normalize(), limit.round_dp(3).normalize(), off.normalize(),
                            if outcome == Outcome::Passed { "within" } else { "over" }
                        ),
                    ));
                    paths.push(outcome);
                }
                _ => {
                    steps.push(Step::new(
                        "섬유 제품 중량 미소기준을 보려면 모든 재료의 중량이 필요합니다.",
                        "The textile de minimis by weight needs the weight of every material.",
                    ));
                    for m in self.mats.iter().filter(|m| m.weight.is_none()) {
                        missing.push(
                            Problem::new(
                                "origin.material.weight_missing",
                                format!("재료 '{}'의 중량(kg)을 입력하세요. 섬유 제품의 중량 미소기준에 필요합니다.", m.desc),
                                format!("Enter the weight (kg) of material '{}'; the textile de minimis by weight needs it.", m.desc),
                            )
                            .at(format!("materials[{}].weight_kg", m.idx)),
                        );
                    }
                    paths.push(Outcome::Undecidable);
                }
            }
        }

        if paths.is_empty() {
            if fta.tolerance_percent.is_none() && !excluded {
                steps.push(Step::new(
                    format!("{}의 미소기준은 이 앱의 FTA 목록에 없습니다(GAPS.md). 미소기준 없이 판단합니다.", fta.name_ko),
                    format!("{}'s de minimis is not in this app's catalogue (GAPS.md); judged without it.", fta.name_en),
                ));
            }
            return (Outcome::Failed, steps, missing);
        }
        let outcome = if paths.contains(&Outcome::Passed) {
            Outcome::Passed
        } else if paths.iter().all(|o| *o == Outcome::Failed) {
            Outcome::Failed
        } else {
            Outcome::Undecidable
        };
        (outcome, steps, missing)
    }

    fn scope_text(&self, scope: &MaterialScope) -> (String, String) {
        match scope {
            MaterialScope::All => (
                "비원산지 재료 전체".into(),
                "all non-originating materials".into(),
            ),
            MaterialScope::SameHeading => {
                let h = lang::prefix(self.product, Level::Heading).unwrap_or("?");
                (
                    format!("제품과 같은 호({h})의 비원산지 재료"),
                    format!("non-originating materials of the product's heading ({h})"),
                )
            }
            MaterialScope::Codes(c) => {
                let en: Vec<String> = c.iter().map(|r| r.to_string()).collect();
                let ko: Vec<String> = c.iter().map(|r| r.to_ko()).collect();
                (
                    format!("{}의 비원산지 재료", ko.join(", ")),
                    format!("non-originating materials of {}", en.join(", ")),
                )
            }
        }
    }

    fn max_nom(&self, percent: Decimal, basis: ValueBasis, scope: &MaterialScope) -> Eval {
        let (sko, sen) = self.scope_text(scope);
        let title_en = format!("MaxNOM({}%, {})", percent.normalize(), basis.code());
        let Some(price) = self.price(basis) else {
            let mut e = Eval::new(Outcome::Undecidable);
            e.step(
                format!(
                    "{title_en}: {sko}는 {}의 {}% 이하여야 하는데 {}이(가) 없습니다.",
                    basis.name_ko(),
                    percent.normalize(),
                    basis.name_ko()
                ),
                format!(
                    "{title_en}: {sen} may be at most {}% of the {}, but the {} is missing.",
                    percent.normalize(),
                    basis.name_en(),
                    basis.name_en()
                ),
            );
            e.missing.push(self.price_missing(
                basis,
                "비원산지 재료 비율",
                "the non-originating share",
            ));
            return e;
        };
        if *scope == MaterialScope::SameHeading
            && lang::prefix(self.product, Level::Heading).is_none()
        {
            let mut e = Eval::new(Outcome::Undecidable);
            e.missing.push(self.product_digits_missing(4));
            return e;
        }
        let mut definite: Vec<&Mat> = Vec::new();
        let mut uncertain: Vec<&Mat> = Vec::new();
        for m in self.mats.iter().filter(|m| self.non_orig(m)) {
            let inside = match scope {
                MaterialScope::All => Membership::In,
                MaterialScope::SameHeading => {
                    let h = lang::prefix(self.product, Level::Heading).unwrap_or("");
                    match &m.hs {
                        None => Membership::TooShort,
                        Some(code) => {
                            lang::HsRange::single(Level::Heading, h).membership(code.digits())
                        }
                    }
                }
                MaterialScope::Codes(codes) => match &m.hs {
                    None => Membership::TooShort,
                    Some(code) => {
                        let ms: Vec<Membership> =
                            codes.iter().map(|r| r.membership(code.digits())).collect();
                        if ms.contains(&Membership::In) {
                            Membership::In
                        } else if ms.contains(&Membership::TooShort) {
                            Membership::TooShort
                        } else {
                            Membership::Out
                        }
                    }
                },
            };
            match inside {
                Membership::In => definite.push(m),
                Membership::TooShort => uncertain.push(m),
                Membership::Out => {}
            }
        }
        let sum: Decimal = definite.iter().map(|m| m.value).sum();
        let unc: Decimal = uncertain.iter().map(|m| m.value).sum();
        let limit = price * percent / Decimal::ONE_HUNDRED;
        let share = sum / price * Decimal::ONE_HUNDRED;
        let outcome = if sum + unc <= limit {
            Outcome::Passed
        } else if sum > limit {
            Outcome::Failed
        } else {
            Outcome::Undecidable
        };
        let mut e = Eval::new(outcome);
        e.step(
            format!(
                "{title_en}: {sko}는 {} {}의 {}% = {} 이하여야 합니다.",
                basis.name_ko(),
                self.money(price),
                percent.normalize(),
                self.money(limit)
            ),
            format!(
                "{title_en}: {sen} may be at most {}% of the {} {} = {}.",
                percent.normalize(),
                basis.name_en(),
                self.money(price),
                self.money(limit)
            ),
        );
        let (lko, len) = listed(&definite, |m| {
            format!("{} {}", m.label(), self.money(m.value))
        });
        e.step(
            format!(
                "해당 재료 {}개 합계 {} = {}{} → {}.",
                definite.len(),
                self.money(sum),
                pct(share),
                if definite.is_empty() {
                    String::new()
                } else {
                    format!(" ({lko})")
                },
                match outcome {
                    Outcome::Passed => "한도 이내, 충족".to_string(),
                    Outcome::Failed => format!("한도를 {} 넘어 불충족", self.money_up(sum - limit)),
                    Outcome::Undecidable => "HS 코드를 모르는 재료에 따라 달라짐".to_string(),
                }
            ),
            format!(
                "{} such materials total {} = {}{} → {}.",
                definite.len(),
                self.money(sum),
                pct(share),
                if definite.is_empty() {
                    String::new()
                } else {
                    format!(" ({len})")
                },
                match outcome {
                    Outcome::Passed => "within the limit, met".to_string(),
                    Outcome::Failed =>
                        format!("over the limit by {}, not met", self.money_up(sum - limit)),
                    Outcome::Undecidable =>
                        "depends on materials whose HS code is unknown".to_string(),
                }
            ),
        );
        e.computations.push(Computation {
            label_ko: format!("{title_en} — {sko}"),
            label_en: format!("{title_en} — {sen}"),
            formula: format!(
                "{} ÷ {} = {} {} {}%",
                self.money(sum),
                self.money(price),
                pct(share),
                if outcome == Outcome::Failed {
                    ">"
                } else {
                    "≤"
                },
                percent.normalize()
            ),
            outcome,
        });
        if !uncertain.is_empty() {
            let (ko, en) = listed(&uncertain, |m| m.label());
            e.step(
                format!("범위에 드는지 알 수 없는 재료(HS 코드 없음/짧음): {ko} — 합계 {}.", self.money(unc)),
                format!("Materials that may be in scope (HS code missing or short): {en} — {} in total.", self.money(unc)),
            );
            if outcome == Outcome::Undecidable {
                for m in &uncertain {
                    e.missing.push(self.hs_needed(m, 4));
                }
            }
        }
        if outcome == Outcome::Failed && !self.quiet {
            for m in top_by_value(definite.clone(), 5) {
                e.breaking.push(Self::breaking(
                    m,
                    format!(
                        "{title_en}: {sko}의 한도 초과에 포함 ({})",
                        self.money(m.value)
                    ),
                    format!(
                        "{title_en}: counts toward the exceeded limit on {sen} ({})",
                        self.money(m.value)
                    ),
                ));
            }
            {
                let over = sum - limit;
                let over_pct = over / price * Decimal::ONE_HUNDRED;
                e.suggestions.push(Step::new(
                    format!(
                        "{sko}의 금액을 {}({}) 줄여야 합니다 ({} 충족). 원산지확인서를 받은 국산 재료로 바꾸면 비원산지에서 빠집니다.",
                        self.money_up(over), pct(over_pct), title_en
                    ),
                    format!(
                        "{} must fall by {} ({}) to meet {title_en}. Materials switched to originating ones with a supplier declaration stop counting.",
                        capitalize(&sen), self.money_up(over), pct(over_pct)
                    ),
                ));
            }
        }
        e
    }

    fn rvc(&self, percent: Decimal, method: Option<RvcMethod>, basis: Option<ValueBasis>) -> Eval {
        let title = format!("RVC {}%", percent.normalize());
        let fta_basis = self
            .fta
            .value_basis
            .as_ref()
            .and_then(|f| f.value_on(self.date))
            .copied();
        let Some(basis) = basis.or(fta_basis) else {
            let mut e = Eval::new(Outcome::Undecidable);
            e.step(
                format!("{title}: {}의 가격 기준(FOB/EXW)이 이 앱의 FTA 목록에 없어 계산할 수 없습니다.", self.fta.name_ko),
                format!("{title}: {}'s price basis (FOB/EXW) is not in this app's catalogue, so it cannot be computed.", self.fta.name_en),
            );
            e.missing.push(
                Problem::new(
                    "origin.fta.value_basis_unknown",
                    format!("{}의 역내가치포함비율 가격 기준을 확인해 규칙에 적으세요 (예: RVC(40, FOB)).", self.fta.name_ko),
                    format!("Confirm {}'s RVC price basis and write it in the rule (e.g. RVC(40, FOB)).", self.fta.name_en),
                )
                .at("fta"),
            );
            return e;
        };
        let Some(av) = self.price(basis) else {
            let mut e = Eval::new(Outcome::Undecidable);
            e.step(
                format!(
                    "{title}: {} 기준으로 계산하는데 {}이(가) 없습니다.",
                    basis.name_ko(),
                    basis.name_ko()
                ),
                format!(
                    "{title}: computed on the {}, which is missing.",
                    basis.name_en()
                ),
            );
            e.missing.push(self.price_missing(
                basis,
                "역내가치포함비율",
                "the regional value content",
            ));
            return e;
        };
        let vnm: Decimal = self
            .mats
            .iter()
            .filter(|m| self.non_orig(m))
            .map(|m| m.value)
            .sum();
        let vom: Decimal = self
            .mats
            .iter()
            .filter(|m| !self.non_orig(m))
            .map(|m| m.value)
            .sum();
        let required = av * percent / Decimal::ONE_HUNDRED;
        let bd_pass = av - vnm >= required;
        let bu_pass = vom >= required;
        let bd = (av - vnm) / av * Decimal::ONE_HUNDRED;
        let bu = vom / av * Decimal::ONE_HUNDRED;
        let allowed: Option<Vec<RvcMethod>> = match method {
            Some(m) => Some(vec![m]),
            None => self
                .fta
                .rvc_methods
                .as_ref()
                .and_then(|f| f.value_on(self.date))
                .cloned(),
        };
        let shown: Vec<RvcMethod> = allowed
            .clone()
            .unwrap_or(vec![RvcMethod::BuildDown, RvcMethod::BuildUp]);
        let mut e = Eval::new(Outcome::Undecidable);
        e.step(
            format!(
                "{title}: 역내가치포함비율이 {}의 {}% 이상이어야 합니다 ({} {}).",
                basis.name_ko(),
                percent.normalize(),
                basis.name_ko(),
                self.money(av)
            ),
            format!(
                "{title}: the regional value content must be at least {}% of the {} ({} {}).",
                percent.normalize(),
                basis.name_en(),
                basis.name_en(),
                self.money(av)
            ),
        );
        for m in &shown {
            let (pass, formula) = match m {
                RvcMethod::BuildDown => (
                    bd_pass,
                    format!(
                        "({} − {}) ÷ {} = {}",
                        self.money(av),
                        self.money(vnm),
                        self.money(av),
                        pct(bd)
                    ),
                ),
                RvcMethod::BuildUp => (
                    bu_pass,
                    format!("{} ÷ {} = {}", self.money(vom), self.money(av), pct(bu)),
                ),
            };
            let (name_ko, name_en) = match m {
                RvcMethod::BuildDown => (
                    "공제법 (가격 − 비원산지 재료비) ÷ 가격",
                    "build-down (price − non-originating materials) ÷ price",
                ),
                RvcMethod::BuildUp => (
                    "집적법 원산지 재료비 ÷ 가격",
                    "build-up originating materials ÷ price",
                ),
            };
            e.step(
                format!(
                    "{name_ko}: {formula} → {}.",
                    if pass { "충족" } else { "불충족" }
                ),
                format!(
                    "{name_en}: {formula} → {}.",
                    if pass { "met" } else { "not met" }
                ),
            );
            e.computations.push(Computation {
                label_ko: format!("{title} ({})", m.name_ko()),
                label_en: format!("{title} ({})", m.code()),
                formula: format!(
                    "{formula} {} {}%",
                    if pass { "≥" } else { "<" },
                    percent.normalize()
                ),
                outcome: if pass {
                    Outcome::Passed
                } else {
                    Outcome::Failed
                },
            });
        }
        e.outcome = match &allowed {
            Some(list) => {
                let pass = list.iter().any(|m| match m {
                    RvcMethod::BuildDown => bd_pass,
                    RvcMethod::BuildUp => bu_pass,
                });
                if pass {
                    Outcome::Passed
                } else {
                    Outcome::Failed
                }
            }
            None => {
                if bd_pass && bu_pass {
                    Outcome::Passed
                } else if !bd_pass && !bu_pass {
                    Outcome::Failed
                } else {
                    e.step(
                        format!("{}에서 어느 계산 방법을 쓸 수 있는지 이 앱의 FTA 목록에 없습니다. 두 방법의 결과가 달라 판단할 수 없습니다.", self.fta.name_ko),
                        format!("Which formula {} allows is not in this app's catalogue, and the two formulas disagree, so this cannot be decided.", self.fta.name_en),
                    );
                    e.missing.push(
                        Problem::new(
                            "origin.fta.rvc_method_unknown",
                            format!("{}에서 허용하는 역내가치포함비율 계산 방법(공제법/집적법)을 확인해 규칙에 적으세요 (예: RVC(40, build-down)).", self.fta.name_ko),
                            format!("Confirm which RVC formula {} allows (build-down / build-up) and write it in the rule (e.g. RVC(40, build-down)).", self.fta.name_en),
                        )
                        .at("fta"),
                    );
                    Outcome::Undecidable
                }
            }
        };
        e.step(
            match e.outcome {
                Outcome::Passed => format!("→ {title} 충족."),
                Outcome::Failed => format!("→ {title} 불충족."),
                Outcome::Undecidable => format!("→ {title}: 판단할 수 없습니다."),
            },
            match e.outcome {
                Outcome::Passed => format!("→ {title} met."),
                Outcome::Failed => format!("→ {title} not met."),
                Outcome::Undecidable => format!("→ {title}: cannot be decided."),
            },
        );
        if e.outcome == Outcome::Failed && !self.quiet {
            let non: Vec<&Mat> = self.mats.iter().filter(|m| self.non_orig(m)).collect();
            for m in top_by_value(non, 5) {
                e.breaking.push(Self::breaking(
                    m,
                    format!(
                        "{title}: 비원산지 재료비 {}가 역내가치를 낮춤",
                        self.money(m.value)
                    ),
                    format!(
                        "{title}: its non-originating value {} lowers the RVC",
                        self.money(m.value)
                    ),
                ));
            }
            {
                let down_ok = allowed
                    .as_ref()
                    .is_none_or(|l| l.contains(&RvcMethod::BuildDown));
                if down_ok {
                    let over = vnm - (av - required);
                    e.suggestions.push(Step::new(
                        format!(
                            "비원산지 재료비를 {}({}) 줄여야 합니다 ({title}, 공제법 충족).",
                            self.money_up(over), pct(over / av * Decimal::ONE_HUNDRED)
                        ),
                        format!(
                            "Non-originating content must fall by {} ({}) to reach {title} (build-down).",
                            self.money_up(over), pct(over / av * Decimal::ONE_HUNDRED)
                        ),
                    ));
                } else {
                    let short = required - vom;
                    e.suggestions.push(Step::new(
                        format!(
                            "원산지 재료비가 {}({}) 더 있어야 합니다 ({title}, 집적법 충족). 원산지확인서가 있는 재료를 늘리세요.",
                            self.money_up(short), pct(short / av * Decimal::ONE_HUNDRED)
                        ),
                        format!(
                            "Originating content must rise by {} ({}) to reach {title} (build-up); use more materials with a supplier declaration.",
                            self.money_up(short), pct(short / av * Decimal::ONE_HUNDRED)
                        ),
                    ));
                }
            }
        }
        e
    }
}

/// Which materials, if proven originating (a supplier declaration), would make a failed
/// alternative pass: each one alone first, then all of them together.
fn counterfactual(
    env: &Env<'_>,
    alt: &Rule,
    number: usize,
    breaking: &[BreakingMaterial],
) -> Vec<Step> {
    let mut idx: Vec<usize> = breaking.iter().map(|b| b.index).collect();
    idx.dedup();
    if idx.is_empty() || idx.len() > 200 {
        return Vec::new();
    }
    let alt_text = alt.to_string();
    let quiet = Env {
        quiet: true,
        ..env.clone()
    };
    let passes = |set: &[usize]| {
        let mut e = quiet.clone();
        for i in set {
            e.forced[*i] = true;
        }
        e.eval_rule(alt, &[]).outcome == Outcome::Passed
    };
    let mut out = Vec::new();
    if idx.len() <= 8 {
        for i in &idx {
            if passes(&[*i]) {
                let m = &env.mats[*i];
                out.push(Step::new(
                    format!("'{}'이(가) 원산지 재료임을 보여 주는 공급자 원산지확인서가 있으면 대안 {number}({alt_text})을(를) 충족합니다.", m.desc),
                    format!("A supplier declaration showing that '{}' originates would make alternative {number} ({alt_text}) pass.", m.desc),
                ));
            }
        }
    }
    if out.is_empty() && idx.len() > 1 && passes(&idx) {
        let names: Vec<String> = idx
            .iter()
            .map(|i| format!("'{}'", env.mats[*i].desc))
            .collect();
        let (ko, en) = listed(&names, |s| s.clone());
        out.push(Step::new(
            format!("{ko} 모두에 대해 원산지확인서가 있으면 대안 {number}({alt_text})을(를) 충족합니다."),
            format!("Supplier declarations for {en} together would make alternative {number} ({alt_text}) pass."),
        ));
    }
    out
}

/// The `k` most valuable materials, largest first (without sorting the whole list).
fn top_by_value<'m, 'c>(mut list: Vec<&'m Mat<'c>>, k: usize) -> Vec<&'m Mat<'c>> {
    if list.len() > k {
        list.select_nth_unstable_by(k - 1, |a, b| b.value.cmp(&a.value));
        list.truncate(k);
    }
    list.sort_by(|a, b| b.value.cmp(&a.value).then(a.idx.cmp(&b.idx)));
    list
}

fn concat3(a: &str, b: &str, c: &str) -> String {
    let mut s = String::with_capacity(a.len() + b.len() + c.len());
    s.push_str(a);
    s.push_str(b);
    s.push_str(c);
    s
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

// ---------------------------------------------------------------------------------------------

fn proof_text(fta: &Fta, date: NaiveDate) -> (String, String) {
    let cert = fta.certification.value_on(date).copied();
    let mut ko = match cert {
        Some(Certification::Agency) => {
            "원산지증명서를 발급기관(세관 또는 상공회의소)에서 발급받아야 합니다.".to_string()
        }
        Some(Certification::SelfCertified) => {
            "수출자가 원산지를 스스로 증명합니다(송품장 원산지신고 또는 원산지증명서 작성)."
                .to_string()
        }
        Some(Certification::Either) => {
            "발급기관 증명서와 자율 증명 중 하나를 고를 수 있습니다.".to_string()
        }
        None => "증명 방식이 이 앱의 FTA 목록에 없습니다.".to_string(),
    };
    let mut en = match cert {
        Some(Certification::Agency) => "A certificate of origin issued by the agency (customs or the chamber of commerce) is needed.".to_string(),
        Some(Certification::SelfCertified) => "The exporter certifies origin itself (origin declaration on the invoice or a certification).".to_string(),
        Some(Certification::Either) => "Either an agency-issued certificate or self-certification, at your choice.".to_string(),
        None => "The certification method is not in this app's catalogue.".to_string(),
    };
    if let Some(max) = fta
        .low_value_declaration_max_eur
        .as_ref()
        .and_then(|f| f.value_on(date))
    {
        let gbp = fta
            .low_value_declaration_max_gbp
            .as_ref()
            .and_then(|f| f.value_on(date));
        let amount = match gbp {
            Some(gbp) => format!("€{} (£{})", group_digits(*max, 0), group_digits(*gbp, 0)),
            None => format!("€{}", group_digits(*max, 0)),
        };
        ko.push_str(&format!(
            " 인증수출자가 아니어도 한 번에 보내는 물품이 {amount} 이하이면 송품장에 원산지신고를 할 수 있고, 넘으면 인증수출자 번호가 필요합니다."
        ));
        en.push_str(&format!(
            " Any exporter may make the origin declaration on the invoice for consignments up to {amount}; above that the approved-exporter number is needed."
        ));
        if gbp.is_some() {
            ko.push_str(" 송품장이 파운드이면 파운드 한도를, 유로이면 유로 한도를 보세요.");
            en.push_str(
                " An invoice in pounds is held to the pound limit, one in euros to the euro limit.",
            );
        }
    }
    if let Some(m) = fta
        .certificate_validity_months
        .as_ref()
        .and_then(|f| f.value_on(date))
    {
        ko.push_str(&format!(" 원산지 증명은 {m}개월 동안 유효합니다."));
        en.push_str(&format!(" The proof of origin is valid for {m} months."));
    }
    (ko, en)
}

pub(super) fn summary(fta: &Fta, date: NaiveDate) -> FtaSummary {
    let (proof_ko, proof_en) = proof_text(fta, date);
    FtaSummary {
        code: fta.code.clone(),
        name_ko: fta.name_ko.clone(),
        name_en: fta.name_en.clone(),
        certification: fta.certification.value_on(date).copied(),
        proof_ko,
        proof_en,
        low_value_declaration_max_eur: fta
            .low_value_declaration_max_eur
            .as_ref()
            .and_then(|f| f.value_on(date))
            .copied(),
        low_value_declaration_max_gbp: fta
            .low_value_declaration_max_gbp
            .as_ref()
            .and_then(|f| f.value_on(date))
            .copied(),
        certificate_validity_months: fta
            .certificate_validity_months
            .as_ref()
            .and_then(|f| f.value_on(date))
            .copied(),
        record_retention_years: fta
            .record_retention_years
            .as_ref()
            .and_then(|f| f.value_on(date))
            .copied(),
        facts: fta.facts_on(date),
    }
}

fn validate(case: &OriginCase) -> Result<(HsCode, Currency), Problems> {
    let mut p = Problems::default();
    let product = p.take(HsCode::parse(&case.product_hs).map_err(|e| {
        let mut e = e;
        e.field = Some("product_hs".into());
        e
    }));
    let cur = p.take(Currency::parse(&case.currency).map_err(|e| e.at("currency")));
    for (field, v) in [
        ("ex_works_price", case.ex_works_price),
        ("fob_price", case.fob_price),
    ] {
        if let Some(v) = v {
            if v <= Decimal::ZERO {
                p.push(
                    Problem::new(
                        "origin.price.not_positive",
                        format!("가격은 0보다 커야 합니다 ({v}). 제품 1개의 가격을 입력하거나 비워 두세요."),
                        format!("A price must be above zero ({v}); enter the price of one unit or leave it empty."),
                    )
                    .at(field)
                    .with("value", v),
                );
            }
        }
    }
    for (i, m) in case.materials.iter().enumerate() {
        for (field, v) in [
            ("quantity", Some(m.quantity)),
            ("unit_value", Some(m.unit_value)),
            ("weight_kg", m.weight_kg),
        ] {
            if let Some(v) = v {
                if v.is_sign_negative() && !v.is_zero() {
                    p.push(
                        Problem::new(
                            "origin.material.negative",
                            format!("재료 '{}'의 값({v})은 음수일 수 없습니다.", m.description),
                            format!(
                                "Material '{}' cannot have a negative value ({v}).",
                                m.description
                            ),
                        )
                        .at(format!("materials[{i}].{field}"))
                        .with("value", v),
                    );
                }
            }
        }
    }
    // Values are summed and divided by the price: bound them so the arithmetic cannot
    // overflow (a price of a ten-thousandth or a material worth 10^15 is a typo anyway).
    let limit = Decimal::from(1_000_000_000_000_000_i64);
    let smallest = Decimal::new(1, 4);
    for (field, v) in [
        ("ex_works_price", case.ex_works_price),
        ("fob_price", case.fob_price),
    ] {
        match v {
            Some(v) if v > Decimal::ZERO && (v < smallest || v > limit) => p.push(
                Problem::new(
                    "origin.price.out_of_range",
                    format!("가격 {v}은(는) {smallest}에서 {limit} 사이여야 합니다."),
                    format!("The price {v} must be between {smallest} and {limit}."),
                )
                .at(field)
                .with("value", v),
            ),
            _ => {}
        }
    }
    for (i, m) in case.materials.iter().enumerate() {
        let value = m.quantity.checked_mul(m.unit_value);
        let weight = m.weight_kg.unwrap_or_default();
        if value.is_none_or(|v| v.abs() > limit) || weight.abs() > limit {
            p.push(
                Problem::new(
                    "origin.material.too_large",
                    format!(
                        "재료 '{}'의 수량 × 단가 또는 중량이 너무 큽니다 ({limit} 이하).",
                        m.description
                    ),
                    format!(
                        "Material '{}': quantity × unit value or weight is too large (at most {limit}).",
                        m.description
                    ),
                )
                .at(format!("materials[{i}].unit_value")),
            );
        }
    }
    match (product, cur) {
        (Some(h), Some(c)) if p.is_empty() => Ok((h, c)),
        _ => Err(p),
    }
}

fn rule_applied(r: &PsrRule) -> RuleApplied {
    RuleApplied {
        fta: r.fta.clone(),
        scope: r.scope.describe(),
        text: r.text.clone(),
        source: r.source.clone(),
        verified: r.verified,
        own_rule: r.own,
        effective_from: r.effective_from,
        note: r.note.clone(),
    }
}

fn dedupe(problems: Vec<Problem>) -> Problems {
    let mut seen = std::collections::HashSet::new();
    Problems(
        problems
            .into_iter()
            .filter(|p| seen.insert((p.code.clone(), p.field.clone())))
            .collect(),
    )
}

pub(super) fn evaluate(
    case: &OriginCase,
    catalogue: &FtaCatalogue,
    book: &PsrBook,
) -> Result<OriginVerdict, Problems> {
    let fta = catalogue.require(&case.fta).map_err(Problems::from)?;
    let (product, cur) = validate(case)?;
    let date = case.date;
    let mut missing: Vec<Problem> = Vec::new();
    let mut steps: Vec<Step> = Vec::new();
    let mut rows = Vec::with_capacity(case.materials.len());
    let mut mats = Vec::with_capacity(case.materials.len());
    let mut evidence = Vec::new();
    let mut expired_steps = Vec::new();
    let mut unknown_names = Vec::new();
    for (i, m) in case.materials.iter().enumerate() {
        let value = m.quantity * m.unit_value;
        let raw = m.hs_code.trim();
        let hs = if raw.is_empty() {
            None
        } else {
            match HsCode::parse(raw) {
                Ok(h) => Some(h),
                Err(e) => {
                    missing.push(
                        Problem::new(
                            "origin.material.hs_invalid",
                            format!(
                                "재료 '{}'의 HS 코드 '{raw}'을(를) 읽을 수 없습니다: {}",
                                m.description, e.message_ko
                            ),
                            format!(
                                "Material '{}': HS code '{raw}' cannot be read: {}",
                                m.description, e.message_en
                            ),
                        )
                        .at(format!("materials[{i}].hs_code")),
                    );
                    None
                }
            }
        };
        let (status, country, sko, sen) = match &m.origin {
            MaterialOrigin::NonOriginating { country } => {
                let c = country.trim();
                let label = if c.is_empty() { "?" } else { c };
                (
                    MaterialStatus::NonOriginating,
                    Some(c),
                    concat3("비원산지 (", label, ")"),
                    concat3("non-originating (", label, ")"),
                )
            }
            MaterialOrigin::Originating {
                evidence: ev,
                valid_until,
            } => {
                let valid = valid_until.is_none_or(|d| d >= date);
                evidence.push(EvidenceItem {
                    index: i,
                    material: m.description.clone(),
                    supplier: m.supplier.clone(),
                    evidence: ev.clone(),
                    valid_until: *valid_until,
                    valid_on_date: valid,
                });
                let until = valid_until.map(|d| format!(", ~{d}")).unwrap_or_default();
                if valid {
                    let inner = [ev.as_str(), until.as_str()].concat();
                    (
                        MaterialStatus::Originating,
                        None,
                        concat3("원산지 (", &inner, ")"),
                        concat3("originating (", &inner, ")"),
                    )
                } else {
                    let d = valid_until.expect("expired has a date");
                    expired_steps.push(Step::new(
                        format!("'{}'의 원산지 증빙({ev})은 {d}까지 유효해 판정일 {date}에는 만료되었습니다. 비원산지 재료로 셉니다.", m.description),
                        format!("The evidence for '{}' ({ev}) was valid until {d}, before the check date {date}; the material counts as non-originating.", m.description),
                    ));
                    (
                        MaterialStatus::ExpiredDeclaration,
                        None,
                        format!("비원산지 (증빙 만료 {d})"),
                        format!("non-originating (evidence expired {d})"),
                    )
                }
            }
            MaterialOrigin::Unknown => {
                unknown_names.push(m.description.clone());
                missing.push(
                    Problem::new(
                        "origin.material.origin_unknown",
                        format!("재료 '{}'의 원산지를 모릅니다. 비원산지로 계산했습니다. 공급자에게 원산지(또는 원산지확인서)를 확인하세요.", m.description),
                        format!("The origin of material '{}' is unknown and was counted as non-originating. Ask the supplier for its origin (or a supplier declaration).", m.description),
                    )
                    .at(format!("materials[{i}].origin")),
                );
                (
                    MaterialStatus::Unknown,
                    None,
                    "원산지 모름 (비원산지로 계산)".to_string(),
                    "origin unknown (counted as non-originating)".to_string(),
                )
            }
        };
        rows.push(MaterialRow {
            index: i,
            description: m.description.clone(),
            hs_code: hs.as_ref().map_or(raw.to_string(), |h| h.dotted()),
            supplier: m.supplier.clone(),
            status,
            status_ko: sko,
            status_en: sen,
            quantity: m.quantity,
            unit_value: m.unit_value,
            value,
            weight_kg: m.weight_kg,
        });
        mats.push(Mat {
            idx: i,
            desc: &m.description,
            hs_raw: &m.hs_code,
            hs,
            status,
            value,
            weight: m.weight_kg,
            country,
        });
    }
    let n = mats.len();
    let env = Env {
        fta,
        date,
        product: &product,
        mats: &mats,
        exw: case.ex_works_price,
        fob: case.fob_price,
        cur,
        unknown_as_originating: false,
        forced: vec![false; n],
        quiet: false,
    };
    let summary = summary(fta, date);

    steps.push(Step::new(
        format!(
            "{}(HS {})을(를) {} 기준으로 {}에 판정합니다.",
            "제품",
            product.dotted(),
            fta.name_ko,
            date
        ),
        format!(
            "Checking the product (HS {}) under {} on {}.",
            product.dotted(),
            fta.name_en,
            date
        ),
    ));
    let orig_value: Decimal = env
        .mats
        .iter()
        .filter(|m| !env.non_orig(m))
        .map(|m| m.value)
        .sum();
    let non_value: Decimal = env
        .mats
        .iter()
        .filter(|m| env.non_orig(m))
        .map(|m| m.value)
        .sum();
    let n_orig = env.mats.iter().filter(|m| !env.non_orig(m)).count();
    steps.push(Step::new(
        format!(
            "재료 {n}개: 원산지 재료 {n_orig}개 {}, 비원산지 재료 {}개 {} (원산지를 모르는 재료와 증빙이 만료된 재료 포함).",
            env.money(orig_value), n - n_orig, env.money(non_value)
        ),
        format!(
            "{n} materials: {n_orig} originating worth {}, {} non-originating worth {} (materials of unknown origin or with expired evidence included).",
            env.money(orig_value), n - n_orig, env.money(non_value)
        ),
    ));
    steps.extend(expired_steps);
    if !unknown_names.is_empty() {
        let (ko, en) = listed(&unknown_names, |s| s.clone());
        steps.push(Step::new(
            format!("원산지를 모르는 재료는 비원산지로 계산합니다: {ko}."),
            format!("Materials of unknown origin are counted as non-originating: {en}."),
        ));
    }
    let korean_unproven: Vec<&Mat> = env
        .mats
        .iter()
        .filter(|m| {
            m.status == MaterialStatus::NonOriginating
                && m.country.is_some_and(|c| c.eq_ignore_ascii_case("KR"))
        })
        .collect();
    if !korean_unproven.is_empty() {
        let (ko, en) = listed(&korean_unproven, |m| m.desc.to_string());
        steps.push(Step::new(
            format!("한국산이라도 원산지확인서가 없는 재료는 비원산지로 셉니다: {ko}."),
            format!("Korean materials without a supplier declaration still count as non-originating: {en}."),
        ));
    }

    let rule = book.rule_for(&fta.code, &product, date);
    let more_digits = book.needs_more_digits(&fta.code, &product, date);
    let mut alternatives = Vec::new();
    let mut computations = Vec::new();
    let mut breaking: Vec<BreakingMaterial> = Vec::new();
    let mut suggestions = Vec::new();
    let mut verdict;
    match rule {
        None => {
            verdict = Verdict::CannotDecide;
            steps.push(Step::new(
                format!(
                    "{}에서 HS {}에 대한 품목별 원산지기준(PSR)이 이 앱에 없습니다 (GAPS.md).",
                    fta.name_ko,
                    product.dotted()
                ),
                format!(
                    "This app has no product-specific rule for HS {} under {} (GAPS.md).",
                    product.dotted(),
                    fta.name_en
                ),
            ));
            if more_digits {
                missing.push(env.product_digits_missing(6));
            } else {
                missing.push(
                    Problem::new(
                        "origin.rule.missing",
                        format!("{} HS {}의 원산지기준을 협정문에서 확인해 '내 규칙'으로 추가하세요.", fta.name_ko, product.dotted()),
                        format!("Look up the rule for HS {} in the {} text and add it as your own rule.", product.dotted(), fta.name_en),
                    )
                    .at("product_hs"),
                );
            }
        }
        Some(r) => {
            steps.push(Step::new(
                format!(
                    "적용 규칙 ({} {}): {} — 출처: {}{}{}.",
                    r.fta,
                    r.scope.describe(),
                    r.text,
                    r.source,
                    if r.verified {
                        ", 확인됨"
                    } else {
                        ", 미확인(확인 필요)"
                    },
                    if r.own {
                        ", 내가 추가한 규칙"
                    } else {
                        ""
                    }
                ),
                format!(
                    "Rule ({} {}): {} — source: {}{}{}.",
                    r.fta,
                    r.scope.describe(),
                    r.text,
                    r.source,
                    if r.verified {
                        ", verified"
                    } else {
                        ", not verified (to confirm)"
                    },
                    if r.own { ", your own rule" } else { "" }
                ),
            ));
            if let Some(note) = &r.note {
                steps.push(Step::new(
                    format!("규칙 메모: {note}"),
                    format!("Rule note: {note}"),
                ));
            }
            let alts = r.rule.alternatives();
            if alts.len() > 1 {
                steps.push(Step::new(
                    format!("대안이 {}개입니다. 하나만 충족하면 됩니다.", alts.len()),
                    format!(
                        "The rule has {} alternatives; meeting one is enough.",
                        alts.len()
                    ),
                ));
            }
            let mut outcomes = Vec::new();
            for (k, alt) in alts.iter().enumerate() {
                let e = env.eval_rule(alt, &[]);
                let text = alt.to_string();
                steps.push(Step::new(
                    format!("대안 {}: {text}", k + 1),
                    format!("Alternative {}: {text}", k + 1),
                ));
                steps.extend(e.steps.iter().cloned());
                outcomes.push(e.outcome);
                computations.extend(e.computations);
                if e.outcome == Outcome::Failed {
                    suggestions.extend(counterfactual(&env, alt, k + 1, &e.breaking));
                }
                if e.outcome != Outcome::Passed {
                    for b in e.breaking {
                        match breaking.iter_mut().find(|x| x.index == b.index) {
                            Some(x) if !x.reason_en.contains(&b.reason_en) => {
                                x.reason_ko = format!("{}; {}", x.reason_ko, b.reason_ko);
                                x.reason_en = format!("{}; {}", x.reason_en, b.reason_en);
                            }
                            Some(_) => {}
                            None => breaking.push(b),
                        }
                    }
                    suggestions.extend(e.suggestions);
                    missing.extend(e.missing);
                }
                alternatives.push(AlternativeResult {
                    text,
                    outcome: e.outcome,
                    steps: e.steps,
                });
            }
            verdict = if outcomes.contains(&Outcome::Passed) {
                Verdict::Originating
            } else if outcomes.iter().all(|o| *o == Outcome::Failed) {
                Verdict::NotOriginating
            } else {
                Verdict::CannotDecide
            };
            if verdict == Verdict::NotOriginating && !unknown_names.is_empty() {
                let what_if = Env {
                    unknown_as_originating: true,
                    quiet: true,
                    ..env.clone()
                };
                let could_pass = alts
                    .iter()
                    .any(|a| what_if.eval_rule(a, &[]).outcome != Outcome::Failed);
                if could_pass {
                    verdict = Verdict::CannotDecide;
                    steps.push(Step::new(
                        "원산지를 모르는 재료가 원산지 재료로 확인되면 결과가 달라질 수 있으므로 판정을 보류합니다.",
                        "If the materials of unknown origin turn out to be originating, the result could change, so no verdict is given yet.",
                    ));
                } else {
                    steps.push(Step::new(
                        "원산지를 모르는 재료가 원산지 재료라 해도 결과는 같습니다.",
                        "Even if the materials of unknown origin were originating, the result would be the same.",
                    ));
                }
            }
            if more_digits && verdict != Verdict::CannotDecide {
                verdict = Verdict::CannotDecide;
                steps.push(Step::new(
                    format!("HS {}보다 자세한 코드에 다른 규칙이 있을 수 있습니다. 6자리 이상으로 입력하세요.", product.dotted()),
                    format!("A more specific code than HS {} may have its own rule; enter at least 6 digits.", product.dotted()),
                ));
                missing.push(env.product_digits_missing(6));
            }
        }
    }
    match case.only_minimal_operations {
        Some(true) => {
            verdict = Verdict::NotOriginating;
            steps.push(Step::new(
                "한국에서 한 작업이 포장·라벨 부착·단순 혼합·단순 조립·분류·세트 구성 같은 단순 작업뿐이면 규칙을 충족해도 원산지가 인정되지 않습니다. → 원산지 상품이 아닙니다.",
                "When the only work done in Korea is a minimal operation (packing, labelling, simple mixing or assembly, sorting, making up sets), origin is not conferred even if the rule is met. → Not originating.",
            ));
            suggestions.push(Step::new(
                "한국에서 실제 제조·가공 공정을 거쳐야 원산지가 인정됩니다. 한국에서 한 작업을 다시 확인하세요.",
                "Origin needs real manufacturing or processing in Korea; check the operations done in Korea.",
            ));
        }
        Some(false) => steps.push(Step::new(
            "한국에서 단순 작업 이상의 제조·가공을 했다고 확인했습니다.",
            "You confirmed that the work in Korea goes beyond minimal operations.",
        )),
        None => steps.push(Step::new(
            "확인 필요: 한국에서 한 작업이 포장·라벨 부착·단순 조립 같은 단순 작업뿐이라면 원산지가 인정되지 않습니다. 한국에서 한 작업을 적어 확인하세요.",
            "To confirm: if the only work done in Korea is a minimal operation (packing, labelling, simple assembly, …), origin is not conferred. Describe the operations done in Korea and confirm.",
        )),
    }
    let (headline_ko, headline_en) = match verdict {
        Verdict::Originating => (
            format!("{} 원산지 기준을 충족합니다 (자가 판정).", fta.name_ko),
            format!(
                "Meets the {} rule of origin (self-assessment).",
                fta.name_en
            ),
        ),
        Verdict::NotOriginating => (
            format!("{} 원산지 기준을 충족하지 못합니다.", fta.name_ko),
            format!("Does not meet the {} rule of origin.", fta.name_en),
        ),
        Verdict::CannotDecide => (
            format!(
                "{} 원산지 여부를 판정할 수 없습니다. 필요한 정보를 채워 주세요.",
                fta.name_ko
            ),
            format!(
                "Cannot decide origin under {} yet; fill in the missing data.",
                fta.name_en
            ),
        ),
    };
    steps.push(Step::new(
        format!("결론: {headline_ko}"),
        format!("Verdict: {headline_en}"),
    ));
    if verdict == Verdict::Originating {
        breaking.clear();
        suggestions.clear();
    } else {
        for m in env
            .mats
            .iter()
            .filter(|m| m.status == MaterialStatus::ExpiredDeclaration)
        {
            suggestions.push(Step::new(
                format!("'{}'의 원산지확인서가 만료되었습니다. 새 확인서를 받으면 다시 원산지 재료({})로 셉니다.", m.desc, env.money(m.value)),
                format!("The supplier declaration for '{}' has expired; a renewed one makes it count as originating again ({}).", m.desc, env.money(m.value)),
            ));
        }
    }
    if verdict != Verdict::Originating && !unknown_names.is_empty() {
        suggestions.push(Step::new(
            format!("원산지를 모르는 재료({})의 원산지를 확인하세요. 원산지확인서가 있으면 원산지 재료로 셉니다.", unknown_names.join(", ")),
            format!("Find out the origin of {}; with a supplier declaration they count as originating.", unknown_names.join(", ")),
        ));
    }
    Ok(OriginVerdict {
        verdict,
        headline_ko,
        headline_en,
        product_hs: product.dotted(),
        date,
        currency: cur.code().to_string(),
        ex_works_price: case.ex_works_price,
        fob_price: case.fob_price,
        fta: summary,
        rule: rule.map(rule_applied),
        alternatives,
        steps,
        materials: rows,
        computations,
        breaking_materials: breaking,
        missing: dedupe(missing),
        suggestions,
        evidence,
        notice: self_assessment_notice(),
    })
}

pub(super) fn compare(
    case: &OriginCase,
    destination: &str,
    date: NaiveDate,
    catalogue: &FtaCatalogue,
    book: &PsrBook,
) -> Result<Vec<FtaComparison>, Problems> {
    let dest = Country::parse(destination).map_err(|e| Problems::from(e.at("destination")))?;
    let mut out = Vec::new();
    for fta in catalogue.for_partner(dest.code(), date) {
        let mut c = case.clone();
        c.fta = fta.code.clone();
        c.date = date;
        let detail = evaluate(&c, catalogue, book)?;
        out.push(FtaComparison {
            fta: detail.fta.clone(),
            verdict: detail.verdict,
            rule_text: detail.rule.as_ref().map(|r| r.text.clone()),
            detail,
        });
    }
    let rank = |v: Verdict| match v {
        Verdict::Originating => 0,
        Verdict::CannotDecide => 1,
        Verdict::NotOriginating => 2,
    };
    out.sort_by_key(|c| rank(c.verdict));
    Ok(out)
}
