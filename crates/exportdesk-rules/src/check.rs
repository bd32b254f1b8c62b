//! The stateless checks behind `exportdesk check …`: a JSON case in (the text the CLI reads on
//! stdin), a JSON verdict out with `steps` (the reasoning, in order) and the rulebook values used
//! with their sources. Pure: no database, no clock (every date comes from the case). The shapes
//! are documented with examples in docs/cli.md.

use crate::deadline::{
    extend_loading, final_price_deadline, loading_deadline, penalty_estimate, reimport_deadline,
    Deadline, PenaltyEstimate, RuleUsed, Step,
};
use crate::declaration::{
    decide_kind, fob_value, FobValue, Freight, KindFacts, KindVerdict, ValueLine,
};
use crate::incoterm::Incoterm;
use crate::money::{parse_non_negative, Currency};
use crate::origin::{evaluate, FtaCatalogue, OriginCase, PsrBook};
use crate::rates::{parse_date, rate_for, RateDraft};
use crate::rulebook::Rulebook;
use crate::{Problem, Problems};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

fn bad_json(e: serde_json::Error) -> Problems {
    Problem::new(
        "check.json",
        format!("입력 JSON을 읽을 수 없습니다 ({}행 {}열): {e}. docs/cli.md의 예시 형식을 확인하세요.", e.line(), e.column()),
        format!("Cannot read the input JSON (line {}, column {}): {e}. See the examples in docs/cli.md.", e.line(), e.column()),
    )
    .with("line", e.line())
    .into()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LineCase {
    amount: Option<String>,
    quantity: Option<String>,
    unit_price: Option<String>,
    #[serde(default)]
    needs_permit: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RateCase {
    date: String,
    currency: String,
    rate: String,
    per: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DeclarationCase {
    date: String,
    currency: String,
    incoterm: String,
    /// Won per unit of the currency for the declaration date's week.
    rate: Option<String>,
    /// Or a table of weekly rates to pick from.
    #[serde(default)]
    rates: Vec<RateCase>,
    #[serde(default)]
    freight_insurance: Option<String>,
    /// Whether the buyer paid the freight on top of the line amounts (not taken out then).
    #[serde(default)]
    shipping_separate: Option<bool>,
    lines: Vec<LineCase>,
    #[serde(default)]
    non_conforming: bool,
    #[serde(default)]
    conditional_reexport: bool,
}

#[derive(Serialize)]
struct DeclarationVerdict {
    date: NaiveDate,
    fob: FobValue,
    kind: KindVerdict,
    steps: Vec<Step>,
    rules: Vec<RuleUsed>,
}

fn line_amount(l: &LineCase, i: usize, currency: Currency) -> Result<Decimal, Problems> {
    let field = format!("lines[{i}]");
    match (&l.amount, &l.quantity, &l.unit_price) {
        (Some(a), None, None) => Ok(parse_non_negative(a, &format!("{field}.amount"))?),
        (None, Some(q), Some(p)) => {
            let q = parse_non_negative(q, &format!("{field}.quantity"))?;
            let p = parse_non_negative(p, &format!("{field}.unit_price"))?;
            let amount = q.checked_mul(p).ok_or_else(|| {
                Problem::new(
                    "check.line_value",
                    format!("{}번째 줄: 수량 × 단가가 너무 큽니다.", i + 1),
                    format!("Line {}: quantity × unit price is too large.", i + 1),
                )
                .at(field.clone())
            })?;
            Ok(currency.round(amount))
        }
        _ => Err(Problem::new(
            "check.line_value",
            format!(
                "{}번째 줄: \"amount\" 하나 또는 \"quantity\"와 \"unit_price\" 둘을 주세요.",
                i + 1
            ),
            format!(
                "Line {}: give either \"amount\" or both \"quantity\" and \"unit_price\".",
                i + 1
            ),
        )
        .at(field)
        .into()),
    }
}

pub fn declaration(input: &str, book: &Rulebook) -> Result<serde_json::Value, Problems> {
    let case: DeclarationCase = serde_json::from_str(input).map_err(bad_json)?;
    let date = parse_date(&case.date, "date")?;
    let currency = Currency::parse(&case.currency).map_err(|p| p.at("currency"))?;
    let incoterm = Incoterm::parse(&case.incoterm)?;
    let rate = match (&case.rate, currency) {
        (_, Currency::KRW) => Decimal::ONE,
        (Some(r), _) => parse_non_negative(r, "rate")?,
        (None, _) => {
            let mut rates = Vec::new();
            for r in &case.rates {
                let draft = RateDraft {
                    date: r.date.clone(),
                    currency: r.currency.clone(),
                    rate: r.rate.clone(),
                    per: r.per.clone(),
                    source: Some("check input".into()),
                };
                rates.push(draft.validate().map_err(Problems)?);
            }
            rate_for(&rates, currency, date)?
        }
    };
    let mut lines = Vec::new();
    for (i, l) in case.lines.iter().enumerate() {
        lines.push(ValueLine {
            amount: line_amount(l, i, currency)?,
            needs_permit: l.needs_permit,
        });
    }
    let freight = match case.freight_insurance.as_deref() {
        Some(f) => parse_non_negative(f, "freight_insurance")?,
        None => Decimal::ZERO,
    };
    let fob = fob_value(
        &lines,
        currency,
        incoterm,
        Freight::new(freight, case.shipping_separate),
        rate,
        date,
        book,
    )?;
    let facts = KindFacts {
        permit_lines: lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.needs_permit)
            .map(|(i, _)| i as u32 + 1)
            .collect(),
        non_conforming: case.non_conforming,
        conditional_reexport: case.conditional_reexport,
    };
    let kind = decide_kind(fob.fob_krw, &facts, date, book)?;
    let steps = fob.steps.iter().chain(&kind.steps).cloned().collect();
    let rules = fob.rules.iter().chain(&kind.rules).cloned().collect();
    Ok(serde_json::to_value(DeclarationVerdict {
        date,
        fob,
        kind,
        steps,
        rules,
    })
    .expect("serialisable"))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExtensionCase {
    requested_on: String,
    new_date: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DeadlinesCase {
    /// Acceptance date (수리일): loading deadline and re-import window.
    accepted_on: Option<String>,
    /// Declaration date, which picks the final-price rule; the acceptance date when absent.
    declared_on: Option<String>,
    /// Confirmation & payment date (확정·결제일) of a provisional price.
    confirmed_paid_on: Option<String>,
    #[serde(default)]
    extensions: Vec<ExtensionCase>,
    /// Estimate the fine for this count of violations if loading is missed.
    violations: Option<u32>,
}

#[derive(Serialize)]
struct DeadlinesVerdict {
    loading: Option<Deadline>,
    final_price: Option<Deadline>,
    reimport: Option<Deadline>,
    penalty: Option<PenaltyEstimate>,
    steps: Vec<Step>,
    rules: Vec<RuleUsed>,
}

pub fn deadlines(input: &str, book: &Rulebook) -> Result<serde_json::Value, Problems> {
    let case: DeadlinesCase = serde_json::from_str(input).map_err(bad_json)?;
    let accepted = case
        .accepted_on
        .as_deref()
        .map(|d| parse_date(d, "accepted_on"))
        .transpose()?;
    let declared = case
        .declared_on
        .as_deref()
        .map(|d| parse_date(d, "declared_on"))
        .transpose()?
        .or(accepted);
    let paid = case
        .confirmed_paid_on
        .as_deref()
        .map(|d| parse_date(d, "confirmed_paid_on"))
        .transpose()?;
    if accepted.is_none() && paid.is_none() {
        return Err(Problem::new(
            "check.no_dates",
            "\"accepted_on\"(수리일) 또는 \"confirmed_paid_on\"(확정·결제일)을 주세요.",
            "Give \"accepted_on\" (acceptance date) or \"confirmed_paid_on\" (confirmation & payment date).",
        )
        .into());
    }
    let mut loading = accepted.map(|a| loading_deadline(a, book)).transpose()?;
    if let (Some(a), Some(l)) = (accepted, loading.as_mut()) {
        for (i, e) in case.extensions.iter().enumerate() {
            let requested = parse_date(&e.requested_on, &format!("extensions[{i}].requested_on"))?;
            let new = parse_date(&e.new_date, &format!("extensions[{i}].new_date"))?;
            *l = extend_loading(a, l, requested, new, book)?;
        }
    }
    let final_price = match (paid, declared) {
        (Some(p), Some(d)) => Some(final_price_deadline(p, d, book)?),
        (Some(p), None) => Some(final_price_deadline(p, p, book)?),
        _ => None,
    };
    let reimport = accepted.map(|a| reimport_deadline(a, book)).transpose()?;
    let penalty = match (case.violations, &loading) {
        (Some(n), Some(l)) => Some(penalty_estimate(n, l.date.due, book)?),
        _ => None,
    };
    let all: Vec<&Deadline> = [&loading, &final_price, &reimport]
        .into_iter()
        .flatten()
        .collect();
    let mut steps: Vec<Step> = all.iter().flat_map(|d| d.steps.clone()).collect();
    let mut rules: Vec<RuleUsed> = all.iter().flat_map(|d| d.rules.clone()).collect();
    if let Some(p) = &penalty {
        steps.extend(p.steps.clone());
        rules.extend(p.rules.clone());
    }
    Ok(serde_json::to_value(DeadlinesVerdict {
        loading,
        final_price,
        reimport,
        penalty,
        steps,
        rules,
    })
    .expect("serialisable"))
}

/// `check origin`: an FTA origin case (product HS, FTA, date, prices, materials) → the verdict
/// with its rule, trace, breaking materials, missing data and suggestions. The rules are the
/// bundled ones, with the FTA catalogue's rulebook values from `book`.
pub fn origin(input: &str, book: &Rulebook) -> Result<serde_json::Value, Problems> {
    let catalogue = FtaCatalogue::bundled_with(&book.fta);
    let rules = PsrBook::from_sources(&crate::origin::psr::BUNDLED_PSR, &catalogue)?;
    origin_with(input, &catalogue, &rules)
}

/// [`origin`] with the FTA catalogue and the rules given (loaded once for many cases).
pub fn origin_with(
    input: &str,
    catalogue: &FtaCatalogue,
    rules: &PsrBook,
) -> Result<serde_json::Value, Problems> {
    let case: OriginCase = serde_json::from_str(input).map_err(bad_json)?;
    let verdict = evaluate(&case, catalogue, rules)?;
    Ok(serde_json::to_value(verdict).expect("verdicts serialise"))
}

/// `check reimport`: the facts of a return (declaration state and dates, return date, condition,
/// drawback status, lines with quantities, availability, values and duty rates, value in USD) →
/// eligible / not eligible / missing information, with the checklist, steps, the window's last
/// day, the simple-list note and the relief estimate.
pub fn reimport(input: &str, book: &Rulebook) -> Result<serde_json::Value, Problems> {
    let facts: crate::reimport::ReimportFacts = serde_json::from_str(input).map_err(bad_json)?;
    let verdict = crate::reimport::eligibility(&facts, book);
    Ok(serde_json::to_value(verdict).expect("verdicts serialise"))
}
