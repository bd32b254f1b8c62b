//! FTA origin paperwork (원산지 서류) for one product under one FTA, from the rules crate's
//! [`OriginVerdict`]:
//!
//! - [`origin_worksheet_pdf`] — the origin determination worksheet (원산지 판정 워크시트): the
//!   rule and where it comes from, the bill of materials as the check counted it, the
//!   computations, every alternative of the rule, the verdict, what would make it pass, the data
//!   still missing, the evidence to attach or keep and the proof the FTA asks for.
//! - [`certificate_data_pdf`] — a data draft for the certificate of origin or origin declaration
//!   (원산지증명서 기재 자료 초안): the usual fields, filled where the app knows them and ruled
//!   where the seller has to write, to copy into the official form. It is not the form.
//! - [`invoice_origin_declaration`] — the origin declaration text for the commercial invoice
//!   under the Korea–EU and UK–Korea FTAs.
//!
//! Every result is a self-assessment, and both PDFs say so in Korean and English.

mod certificate;
mod worksheet;

#[cfg(test)]
mod tests;

pub use certificate::certificate_data_pdf;
pub use worksheet::origin_worksheet_pdf;

use crate::layout::Tone;
use crate::text::{fixed, money, number};
use chrono::NaiveDate;
use exportdesk_rules::money::Currency;
use exportdesk_rules::origin::{Certification, OriginVerdict, Outcome, Verdict};
use exportdesk_rules::records::{Product, Seller};
use rust_decimal::Decimal;

/// What the origin papers print, borrowed from the app's origin view.
#[derive(Debug, Clone, Copy)]
pub struct OriginWorksheet<'a> {
    /// The exporter; without one the exporter fields are left to fill in by hand.
    pub seller: Option<&'a Seller>,
    pub product: &'a Product,
    /// `evaluate` of the product under one FTA.
    pub verdict: &'a OriginVerdict,
    /// The date printed on the papers.
    pub today: NaiveDate,
}

/// The text of an origin declaration on the invoice (statement on origin) for the Korea–EU
/// (`KR-EU`) and UK–Korea (`KR-UK`) FTAs, in English: the exporter, with the approved-exporter
/// authorisation number when there is one (otherwise the low-value case, consignments up to the
/// FTA's `low_value_declaration_max_eur`), Korean preferential origin, place and date.
///
/// `None` for any other FTA, and unless the verdict is [`Verdict::Originating`].
///
/// The sentence follows the structure of such declarations but is written for this app: the
/// exact legal wording must be checked against the agreement's annex (the origin declaration
/// text of the origin protocol) before it is used on a real invoice.
pub fn invoice_origin_declaration(
    verdict: &OriginVerdict,
    exporter_name: &str,
    approved_exporter_no: Option<&str>,
    place: &str,
    date: NaiveDate,
) -> Option<String> {
    let code = verdict.fta.code.trim();
    if !(code.eq_ignore_ascii_case("KR-EU") || code.eq_ignore_ascii_case("KR-UK")) {
        return None;
    }
    if verdict.verdict != Verdict::Originating {
        return None;
    }
    let exporter = exporter_name.trim();
    let exporter = if exporter.is_empty() {
        "[exporter name]"
    } else {
        exporter
    };
    let who = match approved_exporter_no
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        Some(no) => format!("{exporter}, approved exporter, customs authorisation No. {no}"),
        None => {
            let limit = match verdict.fta.low_value_declaration_max_eur {
                Some(max) => format!("EUR {}", fixed(max, 0)),
                None => "the value limit set by the agreement".to_string(),
            };
            format!(
                "{exporter}, not an approved exporter; this consignment of originating products \
                 does not exceed {limit} in total value"
            )
        }
    };
    let place = place.trim();
    let place = if place.is_empty() { "[place]" } else { place };
    Some(format!(
        "The exporter of the products covered by this document ({who}) declares that, except \
         where otherwise clearly indicated, these products are of Korean preferential origin.\n\
         {place}, {date}\n{exporter}"
    ))
}

// ---- shared helpers ---------------------------------------------------------------------------

/// The verdict in a few words, with its tone.
fn verdict_label(v: Verdict) -> (&'static str, &'static str, Tone) {
    match v {
        Verdict::Originating => ("원산지 기준 충족", "Originating", Tone::Good),
        Verdict::NotOriginating => ("원산지 기준 불충족", "Not originating", Tone::Bad),
        Verdict::CannotDecide => ("판정 불가 — 자료 부족", "Cannot decide yet", Tone::Warn),
    }
}

fn outcome_label(o: Outcome) -> (&'static str, &'static str, Tone) {
    match o {
        Outcome::Passed => ("충족", "passed", Tone::Good),
        Outcome::Failed => ("불충족", "failed", Tone::Bad),
        Outcome::Undecidable => ("판단 불가", "undecidable", Tone::Warn),
    }
}

fn certification_label(c: Option<Certification>) -> (String, String) {
    match c {
        Some(c) => (c.name_ko().to_string(), c.name_en().to_string()),
        None => ("확인 필요".to_string(), "not recorded — check".to_string()),
    }
}

/// An amount in the verdict's currency: `₩1,000,000`, `USD 12.50`; "—" when unknown.
fn price(value: Option<Decimal>, currency: &str) -> String {
    match value {
        None => "—".to_string(),
        Some(v) => match Currency::parse(currency) {
            Ok(c) if c.code() == "KRW" => crate::text::krw(v),
            Ok(c) => money(v, c),
            Err(_) => format!("{} {}", currency.trim(), number(v)),
        },
    }
}

/// The exporter's name as printed abroad.
fn exporter_name(s: &Seller) -> &str {
    if s.name_en.trim().is_empty() {
        s.name.trim()
    } else {
        s.name_en.trim()
    }
}

/// The product's HS code: the product record's, else the one the verdict checked.
fn product_hs(w: &OriginWorksheet<'_>) -> String {
    match &w.product.hs_code {
        Some(hs) => crate::text::hs_dotted(hs.digits()),
        None => crate::text::hs_dotted(&w.verdict.product_hs.replace(['.', '-', ' '], "")),
    }
}

/// A short origin criterion for the certificate (`CTH`, `RVC 40%`, `MaxNOM 40%`, `WO`, `PSR`)
/// from the alternative that passed (or, when none did, the first one), and whether it is
/// established (the verdict is originating).
pub(crate) fn origin_criterion(v: &OriginVerdict) -> (String, bool) {
    let Some(rule) = &v.rule else {
        return ("PSR".to_string(), false);
    };
    let chosen = v
        .alternatives
        .iter()
        .find(|a| a.outcome == Outcome::Passed)
        .map(|a| a.text.clone())
        .or_else(|| v.alternatives.first().map(|a| a.text.clone()))
        .unwrap_or_else(|| {
            rule.text
                .split(" or ")
                .next()
                .unwrap_or_default()
                .to_string()
        });
    (criterion_of(&chosen), v.verdict == Verdict::Originating)
}

/// `CTH and MaxNOM(20%, EXW, same-heading)` → `CTH`; `RVC(40, build-down)` → `RVC 40%`.
fn criterion_of(alternative: &str) -> String {
    let mut shift = Vec::new();
    let mut value = Vec::new();
    for part in alternative.split(" and ") {
        let part = part.trim().trim_start_matches('(').trim_end_matches(')');
        let first = part.split([' ', '(']).next().unwrap_or_default();
        let inside = |p: &str| {
            p.split_once('(')
                .map(|(_, r)| {
                    r.split([',', ')'])
                        .next()
                        .unwrap_or_default()
                        .trim()
                        .to_string()
                })
                .unwrap_or_default()
        };
        match first {
            "WO" => shift.push("WO".to_string()),
            "CC" | "CTH" | "CTSH" => shift.push(first.to_string()),
            "RVC" => {
                let n = inside(part);
                let n = n.trim_end_matches('%');
                value.push(format!("RVC {n}%"));
            }
            "MaxNOM" => {
                let n = inside(part);
                let n = n.trim_end_matches('%');
                value.push(format!("MaxNOM {n}%"));
            }
            _ => {}
        }
    }
    // A value limit next to a tariff shift is an allowance on it: the shift is the criterion.
    let parts = if shift.is_empty() { value } else { shift };
    if parts.is_empty() {
        "PSR".to_string()
    } else {
        parts.join(" + ")
    }
}

/// The verdict's self-assessment notice, Korean and English (the rules crate writes it).
fn notice_texts(v: &OriginVerdict) -> (String, String) {
    (v.notice.ko.clone(), v.notice.en.clone())
}
