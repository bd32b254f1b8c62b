//! Product list with HS codes (상품 목록 및 HS 코드표): the catalogue as a customs broker
//! (관세사) or forwarder wants it, with what is still missing marked for the seller.

use crate::layout::{Align, Column, Doc};
use chrono::NaiveDate;
use exportdesk_rules::records::{Product, Seller};

/// Render the product list. `generated_on` is printed in every footer.
pub fn product_list_pdf(
    seller: Option<&Seller>,
    products: &[Product],
    generated_on: NaiveDate,
) -> Vec<u8> {
    let footer = format!("생성일 Generated {generated_on} · ExportDesk 수출데스크");
    let mut doc = Doc::new(
        "상품 목록 및 HS 코드표",
        "Product list with HS codes",
        &footer,
    );
    if let Some(s) = seller {
        doc.fields(&[
            (
                "수출화주 Exporter".into(),
                format!("{} {}", s.name, s.name_en).trim().to_string(),
            ),
            (
                "사업자등록번호 Business no.".into(),
                s.business_no.to_string(),
            ),
            ("대표자 Representative".into(), s.representative.clone()),
            (
                "통관고유부호 Customs code".into(),
                s.customs_code
                    .as_ref()
                    .map_or("—".into(), |c| c.to_string()),
            ),
        ]);
    }
    let missing_hs = products
        .iter()
        .filter(|p| p.hs_code.as_ref().is_none_or(|h| !h.is_hsk10()))
        .count();
    let permits = products.iter().filter(|p| p.needs_permit).count();
    doc.heading("품목", "Items");
    let cols = vec![
        Column::new("번호", "No.", 9.0, Align::Right),
        Column::new("SKU", "SKU", 30.0, Align::Left),
        Column::new("품명", "Name (Korean)", 38.0, Align::Left),
        Column::new("영문 품명", "Description", 38.0, Align::Left),
        Column::new("HS 코드", "HS code", 22.0, Align::Left),
        Column::new("단위", "Unit", 9.0, Align::Center),
        Column::new("순중량", "Net kg", 13.0, Align::Right),
        Column::new("원산지", "Origin", 11.0, Align::Center),
        Column::new("확인", "Permit", 10.0, Align::Center),
    ];
    let rows: Vec<Vec<String>> = products
        .iter()
        .enumerate()
        .map(|(i, p)| {
            vec![
                (i + 1).to_string(),
                p.sku.clone(),
                if p.name_ko.is_empty() {
                    "—".into()
                } else {
                    p.name_ko.clone()
                },
                if p.name_en.is_empty() {
                    "—".into()
                } else {
                    p.name_en.clone()
                },
                p.hs_code
                    .as_ref()
                    .map_or("입력 필요".into(), |h| h.dotted()),
                p.unit.clone(),
                p.net_weight_kg
                    .map_or("—".into(), |w| w.normalize().to_string()),
                p.origin_country
                    .as_ref()
                    .map_or("—".into(), |c| c.to_string()),
                if p.needs_permit {
                    "예".into()
                } else {
                    "".into()
                },
            ]
        })
        .collect();
    doc.table(&cols, &rows);
    doc.total("품목 수 Items", &products.len().to_string());
    doc.total(
        "HSK 10자리 미완성 Without a 10-digit HSK",
        &missing_hs.to_string(),
    );
    doc.total(
        "세관장확인대상 Needs a customs-checked permit",
        &permits.to_string(),
    );
    doc.note(
        "HS 코드는 판매자가 스스로 분류한 값입니다. 수출신고 전에 관세사 또는 관세청 품목분류 안내로 확인하세요. \
         HS codes are the seller's own classification; confirm them with a customs broker or KCS classification guidance before declaring.",
    );
    doc.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use exportdesk_rules::hs::HsTable;
    use exportdesk_rules::records::ProductDraft;

    #[test]
    fn renders_korean_and_marks_missing_codes() {
        let hs = HsTable::bundled();
        let p = |sku: &str, code: &str| {
            ProductDraft {
                sku: sku.into(),
                name_ko: "어성초 토너".into(),
                name_en: "Toner".into(),
                hs_code: code.into(),
                ..Default::default()
            }
            .validate(0, &hs)
            .unwrap()
        };
        let pdf = product_list_pdf(
            None,
            &[p("A", "3304991000"), p("B", "")],
            "2026-11-27".parse().unwrap(),
        );
        assert!(pdf.starts_with(b"%PDF"));
        assert!(pdf.len() < 150_000, "{}", pdf.len());
    }
}
