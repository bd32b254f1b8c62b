//! The commercial invoice (상업송장): who sells to whom, the goods line by line with HS code,
//! origin, quantity, unit price and amount, totals per currency, packages and weights, the
//! origin declaration box and the exporter's signature.

use super::{footer, header_fields, kg, kg_or_dash, packing_notices, Paper, ShipmentPapers};
use crate::layout::{Align, Cell, Column, Doc, Row};
use crate::text::{amount, fixed, hs_dotted, money, number};
use exportdesk_rules::declaration::DeclarationLine;
use exportdesk_rules::money::Currency;
use rust_decimal::Decimal;

/// Render the commercial invoice.
pub fn commercial_invoice_pdf(p: &ShipmentPapers<'_>) -> Vec<u8> {
    invoice_doc(p).finish()
}

/// The unit price before discounts (price amount ÷ quantity): two decimals, or none for a currency without minor units
/// (KRW, JPY) when the price is a whole number.
fn unit_price(l: &DeclarationLine, currency: Currency) -> String {
    if l.quantity <= Decimal::ZERO {
        return "—".to_string();
    }
    let price = (l.amount + l.discount) / l.quantity;
    if currency.minor_units() == 0 && price.fract().is_zero() {
        fixed(price, 0)
    } else {
        fixed(price, 2)
    }
}

/// The line's description: the English trade name (the Korean name when there is none), with
/// brand and model under it.
fn description(l: &DeclarationLine) -> Cell {
    let name = if l.name_en.trim().is_empty() {
        l.name_ko.trim()
    } else {
        l.name_en.trim()
    };
    let extra: Vec<&str> = [l.brand.trim(), l.model_spec.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    Cell::with_sub(if name.is_empty() { "—" } else { name }, extra.join(" · "))
}

/// One currency's invoice totals: the goods at their prices, the discounts, the freight the buyer
/// paid on top; what was paid is goods − discount + freight.
struct Totals {
    currency: Currency,
    goods: Decimal,
    discount: Decimal,
    freight: Decimal,
}

pub(crate) fn invoice_doc(p: &ShipmentPapers<'_>) -> Doc {
    let mut doc = Doc::new("COMMERCIAL INVOICE", "상업송장", &footer(p));
    packing_notices(&mut doc, p.check, false);
    doc.glossed_fields(&header_fields(p, Paper::Invoice));

    // Currencies in first-seen order; one total each.
    let mut currencies: Vec<Currency> = Vec::new();
    for d in p.declarations {
        if !currencies.contains(&d.currency) {
            currencies.push(d.currency);
        }
    }
    let single = (currencies.len() == 1).then(|| currencies[0]);
    let in_cur = |label: &str| match single {
        Some(c) => format!("{label} {c}"),
        None => label.to_string(),
    };
    let cols = [
        Column::new("No.", "번호", 8.0, Align::Center),
        Column::new(
            "Description of goods",
            "품명 · 상표 · 모델",
            63.0,
            Align::Left,
        ),
        Column::new("HS code", "HS 부호", 22.0, Align::Left),
        Column::new("Origin", "원산지", 13.0, Align::Center),
        Column::new("Quantity", "수량", 20.0, Align::Right),
        Column::new(&in_cur("Unit price"), "단가", 25.0, Align::Right),
        Column::new(&in_cur("Amount"), "금액", 29.0, Align::Right),
    ];
    let mut rows = Vec::new();
    let mut totals: Vec<Totals> = currencies
        .iter()
        .map(|c| Totals {
            currency: *c,
            goods: Decimal::ZERO,
            discount: Decimal::ZERO,
            freight: Decimal::ZERO,
        })
        .collect();
    for d in p.declarations {
        let cur = d.currency;
        if let Some(t) = totals.iter_mut().find(|t| t.currency == cur) {
            // Freight the buyer paid on top of the goods belongs to what was paid.
            if d.incoterm.includes_main_carriage() && d.freight_separate == Some(true) {
                t.freight += d.freight_insurance;
            }
        }
        for l in &d.lines {
            let priced = l.amount + l.discount;
            let (price, total) = match single {
                Some(_) => (unit_price(l, cur), amount(priced, cur)),
                None => (format!("{cur} {}", unit_price(l, cur)), money(priced, cur)),
            };
            if let Some(t) = totals.iter_mut().find(|t| t.currency == cur) {
                t.goods += priced;
                t.discount += l.discount;
            }
            rows.push(Row::new(vec![
                Cell::new((rows.len() + 1).to_string()),
                description(l),
                Cell::new(l.hs_code.as_deref().map_or("—".to_string(), hs_dotted)),
                Cell::new(
                    l.origin_country
                        .as_deref()
                        .map(str::trim)
                        .filter(|o| !o.is_empty())
                        .unwrap_or("—"),
                ),
                Cell::new(
                    format!("{} {}", number(l.quantity), l.unit.trim())
                        .trim()
                        .to_string(),
                ),
                Cell::new(price),
                Cell::new(total),
            ]));
        }
    }
    doc.heading("Goods", "품목");
    doc.table_rows(&cols, &rows);

    let mut lines: Vec<(String, String)> = Vec::new();
    for t in &totals {
        let c = t.currency;
        if !t.discount.is_zero() || !t.freight.is_zero() {
            lines.push((format!("Goods {c} 상품 금액"), money(t.goods, c)));
            if !t.discount.is_zero() {
                lines.push((
                    format!("Less discount {c} 할인"),
                    format!("- {}", money(t.discount, c)),
                ));
            }
            if !t.freight.is_zero() {
                lines.push((format!("Freight {c} 운임"), money(t.freight, c)));
            }
            lines.push((
                format!("Total paid {c} 결제 합계"),
                money(t.goods - t.discount + t.freight, c),
            ));
        } else {
            lines.push((format!("Total {c} 합계"), money(t.goods, c)));
        }
    }
    let cartons = p.shipment.cartons.len();
    lines.push((
        "Total packages 총 포장 수".to_string(),
        format!("{cartons} carton{}", if cartons == 1 { "" } else { "s" }),
    ));
    lines.push((
        "Total net weight 순중량 합계".to_string(),
        kg_or_dash(p.check.net_kg),
    ));
    lines.push((
        "Total gross weight 총중량 합계".to_string(),
        kg(p.check.gross_kg),
    ));
    doc.totals(&lines);
    if currencies.len() > 1 {
        doc.note(
            "통화가 다른 금액은 합하지 않고 통화별로 합계를 적었습니다. \
             Amounts in different currencies are not added together: there is one total per currency.",
        );
    }
    doc.ruled_box(
        "Origin declaration / 원산지 신고문",
        if p.origin_declaration.is_some() {
            ""
        } else {
            "when the importing country needs one / 필요한 경우 작성"
        },
        p.origin_declaration,
        3,
    );
    let s = p.seller;
    doc.signature(
        "We certify that this invoice is true and correct and that the goods are as described above. \
         위 내용이 사실이며 물품이 위에 적은 것과 같음을 확인합니다.",
        &format!("For and on behalf of {}", super::shipper_name(s)),
        "Signature of exporter / 수출자 서명",
        &format!(
            "Name / 성명: {} · Date / 일자: {}",
            s.representative.trim(),
            p.today
        ),
    );
    doc
}
