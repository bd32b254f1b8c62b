//! Shipment paperwork (선적 서류) for a consolidated shipment: the commercial invoice (상업송장),
//! the packing list (포장명세서) as PDF and XLSX, and the carton marks (화인) to stick on the
//! cartons. They go abroad with the goods, so English comes first with the Korean beside or under
//! it for the seller.
//!
//! All four take a [`ShipmentPapers`]: the seller, the shipment with its cartons, its
//! declarations (with their lines), the packed lines and the packing check, and the date to
//! print. They never read the clock. Amounts are never added across currencies: an invoice over
//! declarations in different currencies prints one total per currency.

mod invoice;
mod marks;
mod packing_list;
mod xlsx;

#[cfg(test)]
mod tests;

pub use invoice::commercial_invoice_pdf;
pub use marks::carton_marks_pdf;
pub use packing_list::packing_list_pdf;
pub use xlsx::packing_list_xlsx;

use crate::layout::{Doc, Field, Tone};
use crate::text::fixed;
use chrono::NaiveDate;
use exportdesk_rules::country::countries;
use exportdesk_rules::declaration::{Declaration, DeclarationLine};
use exportdesk_rules::records::Seller;
use exportdesk_rules::shipment::{CartonFigures, PackLine, PackingCheck, Shipment};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// What the shipment papers print, borrowed from the app's shipment view.
#[derive(Debug, Clone, Copy)]
pub struct ShipmentPapers<'a> {
    pub seller: &'a Seller,
    pub shipment: &'a Shipment,
    /// The shipment's declarations, with their lines.
    pub declarations: &'a [Declaration],
    /// The packed lines (in the order of the declarations' lines).
    pub lines: &'a [PackLine],
    /// `check_packing` of the shipment's cartons and lines.
    pub check: &'a PackingCheck,
    /// The date printed on the papers.
    pub today: NaiveDate,
    /// The invoice's origin declaration (statement on origin) when one is needed; without it the
    /// invoice prints an empty ruled box to fill in by hand.
    pub origin_declaration: Option<&'a str>,
}

/// Lookups from a carton item (declaration id, line number) to its packed and declared line.
pub(crate) struct Index<'a> {
    pack: HashMap<(i64, u32), &'a PackLine>,
    declared: HashMap<(i64, u32), (&'a Declaration, &'a DeclarationLine)>,
    figures: HashMap<u32, &'a CartonFigures>,
}

impl<'a> Index<'a> {
    pub(crate) fn new(p: &ShipmentPapers<'a>) -> Index<'a> {
        Index {
            pack: p
                .lines
                .iter()
                .map(|l| ((l.declaration_id, l.line_no), l))
                .collect(),
            declared: p
                .declarations
                .iter()
                .flat_map(|d| d.lines.iter().map(move |l| ((d.id, l.line_no), (d, l))))
                .collect(),
            figures: p.check.cartons.iter().map(|f| (f.no, f)).collect(),
        }
    }

    pub(crate) fn pack(&self, declaration_id: i64, line_no: u32) -> Option<&'a PackLine> {
        self.pack.get(&(declaration_id, line_no)).copied()
    }

    pub(crate) fn declared(
        &self,
        declaration_id: i64,
        line_no: u32,
    ) -> Option<(&'a Declaration, &'a DeclarationLine)> {
        self.declared.get(&(declaration_id, line_no)).copied()
    }

    pub(crate) fn figures(&self, carton_no: u32) -> Option<&'a CartonFigures> {
        self.figures.get(&carton_no).copied()
    }
}

/// The declaration's number, or `#id` while it has none.
pub(crate) fn declaration_ref(d: &Declaration) -> String {
    match d.declaration_no.as_deref().map(str::trim) {
        Some(no) if !no.is_empty() => no.to_string(),
        _ => format!("#{}", d.id),
    }
}

/// The packed line's declaration reference, the way [`declaration_ref`] prints it.
pub(crate) fn pack_line_ref(l: &PackLine) -> String {
    if l.declaration_no.trim().is_empty() {
        format!("#{}", l.declaration_id)
    } else {
        l.declaration_no.trim().to_string()
    }
}

/// `US` → `United States`; an unknown code stays as it is.
pub(crate) fn country_en(code: &str) -> String {
    let code = code.trim();
    countries()
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(code))
        .map_or_else(|| code.to_string(), |c| c.name_en.clone())
}

/// `US` → `미국`; empty for an unknown code.
pub(crate) fn country_ko(code: &str) -> String {
    let code = code.trim();
    countries()
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(code))
        .map_or_else(String::new, |c| c.name_ko.clone())
}

/// `US` → `United States (US) · 미국`.
pub(crate) fn country_line(code: &str) -> String {
    let code = code.trim();
    if code.is_empty() {
        return String::new();
    }
    let ko = country_ko(code);
    let en = country_en(code);
    match (en == code, ko.is_empty()) {
        (true, _) => code.to_string(),
        (false, true) => format!("{en} ({code})"),
        (false, false) => format!("{en} ({code}) · {ko}"),
    }
}

/// A weight: `3.50 kg`.
pub(crate) fn kg(v: Decimal) -> String {
    format!("{} kg", fixed(v, 2))
}

/// A weight or "—" when unknown.
pub(crate) fn kg_or_dash(v: Option<Decimal>) -> String {
    v.map_or_else(|| "—".to_string(), kg)
}

/// `40 × 30 × 20`.
pub(crate) fn dimensions(l: Decimal, w: Decimal, h: Decimal) -> String {
    use crate::text::number;
    format!("{} × {} × {}", number(l), number(w), number(h))
}

/// Non-empty, trimmed values in first-seen order, each once.
pub(crate) fn unique<I, S>(values: I) -> Vec<String>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut out: Vec<String> = Vec::new();
    for v in values {
        let v = v.as_ref().trim();
        if !v.is_empty() && !out.iter().any(|o| o == v) {
            out.push(v.to_string());
        }
    }
    out
}

fn first_non_empty<'s>(a: &'s str, b: &'s str) -> &'s str {
    if a.trim().is_empty() {
        b.trim()
    } else {
        a.trim()
    }
}

/// The shipper's name as printed abroad (the English name where there is one).
pub(crate) fn shipper_name(s: &Seller) -> &str {
    first_non_empty(&s.name_en, &s.name)
}

/// The shipper's address as printed abroad (the English address where there is one).
pub(crate) fn shipper_address(s: &Seller) -> &str {
    first_non_empty(&s.address_en, &s.address)
}

pub(crate) fn footer(p: &ShipmentPapers<'_>) -> String {
    format!(
        "{} · 생성일 Generated {} · ExportDesk 수출데스크",
        p.shipment.reference.trim(),
        p.today
    )
}

/// Which paper the header block is for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Paper {
    Invoice,
    PackingList,
}

/// The facts both PDFs open with: numbers and date, shipper and consignee, buyer when it is
/// someone else, destination, terms (invoice), transport references, declarations and orders.
pub(crate) fn header_fields(p: &ShipmentPapers<'_>, paper: Paper) -> Vec<Field> {
    let s = p.seller;
    let sh = p.shipment;
    let mut shipper = vec![shipper_name(s).to_string(), shipper_address(s).to_string()];
    if !s.name_en.trim().is_empty() && s.name_en.trim() != s.name.trim() {
        shipper.push(format!("({})", s.name.trim()));
    }
    shipper.push(format!("Business reg. no. {}", s.business_no));
    if let Some(code) = &s.customs_code {
        shipper.push(format!("Customs code {code}"));
    }
    let contact = unique([s.phone.as_str(), s.email.as_str()]);
    if !contact.is_empty() {
        shipper.push(contact.join(" · "));
    }
    let consignee = unique([
        sh.consignee_name.as_str(),
        sh.consignee_address.as_str(),
        &country_en(&sh.destination_country).to_uppercase(),
    ]);
    let mut fields = vec![
        Field::new("Invoice no.", "송장 번호", sh.reference.trim()),
        Field::new("Date", "일자", p.today.to_string()),
        Field::new("Shipper / Exporter", "수출자 (화주)", shipper.join("\n")),
        Field::new("Consignee", "수하인", consignee.join("\n")),
    ];
    let consignee_key = sh.consignee_name.trim().to_lowercase();
    let buyers = unique(p.declarations.iter().map(|d| {
        if d.buyer_country.trim().is_empty() {
            d.buyer_name.trim().to_string()
        } else {
            format!("{} ({})", d.buyer_name.trim(), d.buyer_country.trim())
        }
    }));
    let other_buyer = p.declarations.iter().any(|d| {
        !d.buyer_name.trim().is_empty() && d.buyer_name.trim().to_lowercase() != consignee_key
    });
    if other_buyer {
        fields.push(Field::new("Buyer / Sold to", "구매자", buyers.join("\n")));
    }
    fields.push(Field::new(
        "Country of destination",
        "목적국",
        country_line(&sh.destination_country),
    ));
    if paper == Paper::Invoice {
        let terms = per_declaration(p.declarations, |d| d.incoterm.code().to_string());
        fields.push(Field::new(
            "Terms of delivery",
            "인도조건 (Incoterms 2020)",
            terms,
        ));
        let currencies = per_declaration(p.declarations, |d| d.currency.code().to_string());
        fields.push(Field::new("Currency", "통화", currencies));
    }
    if !sh.carrier.trim().is_empty() {
        fields.push(Field::new("Carrier", "운송사", sh.carrier.trim()));
    }
    if !sh.bl_awb.trim().is_empty() {
        fields.push(Field::new(
            "B/L or AWB no.",
            "선하증권 · 항공화물운송장",
            sh.bl_awb.trim(),
        ));
    }
    if let Some(on) = sh.loaded_on {
        fields.push(Field::new("Loaded on", "적재일", on.to_string()));
    }
    let tracking = unique(&sh.tracking_numbers);
    if !tracking.is_empty() {
        fields.push(Field::new("Tracking no.", "운송장 번호", tracking.join(", ")).wide());
    }
    let declarations: Vec<String> = p.declarations.iter().map(declaration_ref).collect();
    fields.push(
        Field::new(
            "Export declaration no.",
            "수출신고번호",
            declarations.join(", "),
        )
        .note(format!(
            "{}건 / {} declaration(s)",
            declarations.len(),
            declarations.len()
        ))
        .wide(),
    );
    let orders = unique(p.declarations.iter().flat_map(|d| d.order_numbers.iter()));
    fields.push(
        Field::new("Order no.", "주문번호", orders.join(", "))
            .note(format!("{}건 / {} order(s)", orders.len(), orders.len()))
            .wide(),
    );
    // Pair the half-width fields up: keep them in pairs before the wide ones.
    let (half, wide): (Vec<Field>, Vec<Field>) = fields.into_iter().partition(|f| !f.wide);
    half.into_iter().chain(wide).collect()
}

/// One value when every declaration has the same, else each with its declaration.
fn per_declaration(declarations: &[Declaration], value: impl Fn(&Declaration) -> String) -> String {
    let values = unique(declarations.iter().map(&value));
    if values.len() <= 1 {
        return values.into_iter().next().unwrap_or_default();
    }
    declarations
        .iter()
        .map(|d| format!("{} ({})", value(d), declaration_ref(d)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A notice when the packing check found problems (the papers are not final), and, on the
/// packing list, one for its warnings (net weight unknown).
pub(crate) fn packing_notices(doc: &mut Doc, check: &PackingCheck, warnings: bool) {
    const SHOWN: usize = 6;
    let list = |items: &[exportdesk_rules::Problem], en: bool| {
        let mut out: Vec<String> = items
            .iter()
            .take(SHOWN)
            .map(|p| {
                if en {
                    p.message_en.clone()
                } else {
                    p.message_ko.clone()
                }
            })
            .collect();
        if items.len() > SHOWN {
            out.push(if en {
                format!("and {} more", items.len() - SHOWN)
            } else {
                format!("외 {}건", items.len() - SHOWN)
            });
        }
        out.join(" ")
    };
    if !check.problems.is_empty() {
        doc.notice(
            &format!(
                "포장이 아직 맞지 않아 이 서류는 최종본이 아닙니다: {}",
                list(&check.problems, false)
            ),
            &format!(
                "The packing does not add up yet, so this paper is a draft: {}",
                list(&check.problems, true)
            ),
            Tone::Bad,
        );
    }
    if warnings && !check.warnings.is_empty() {
        doc.notice(
            &list(&check.warnings, false),
            &list(&check.warnings, true),
            Tone::Warn,
        );
    }
}
