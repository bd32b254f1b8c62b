//! How long a packing list of about a hundred pages takes to lay out and serialise.
//!
//! 400 cartons of 5 lines each (2,000 declared lines over 20 declarations, a few descriptions long
//! enough to wrap). Prints the page count and the median of a few runs; the goal is under 1 s.
//!
//! `cargo bench -p exportdesk-documents --bench packing_list`

use chrono::NaiveDate;
use exportdesk_documents::{packing_list_pdf, ShipmentPapers};
use exportdesk_rules::declaration::{
    Declaration, DeclarationKind, DeclarationLine, DeclarationState,
};
use exportdesk_rules::incoterm::Incoterm;
use exportdesk_rules::money::Currency;
use exportdesk_rules::records::SellerDraft;
use exportdesk_rules::shipment::{
    check_packing, Carton, CartonItem, PackLine, Shipment, ShipmentState,
};
use rust_decimal::Decimal;
use std::time::{Duration, Instant};

const CARTONS: usize = 400;
const PER_CARTON: usize = 5;
const DECLARATIONS: usize = 20;
const RUNS: usize = 5;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const NAMES: [(&str, &str); 5] = [
    ("어성초 진정 토너", "Heartleaf calming toner 150ml"),
    ("녹차 수분 크림", "Green tea moisture cream 50ml"),
    (
        "저자극 약산성 클렌징 폼 대용량 리필 기획 세트",
        "Low-pH gentle cleansing foam refill set, main bottle with two refills, travel pouch included",
    ),
    ("쌀 추출물 선크림", "Rice sun cream SPF50+ PA++++"),
    ("한지 책갈피", "Hanji bookmark"),
];

fn declaration(id: i64, lines: Vec<DeclarationLine>) -> Declaration {
    Declaration {
        id,
        state: DeclarationState::Accepted,
        declared_on: day("2026-11-20"),
        order_ids: vec![id],
        order_numbers: vec![format!("#SH-{id:05}")],
        buyer_id: None,
        buyer_name: "Overseas Warehouse Inc.".into(),
        buyer_country: "US".into(),
        destination_country: "US".into(),
        currency: Currency::USD,
        incoterm: Incoterm::Dap,
        freight_insurance: Decimal::ZERO,
        freight_source: "entered".into(),
        rate: dec("1385.20"),
        invoice_total: Decimal::ZERO,
        fob_total: Decimal::ZERO,
        fob_krw: Decimal::ZERO,
        kind: DeclarationKind::Simplified,
        kind_reason_ko: String::new(),
        kind_reason_en: String::new(),
        list_clearance_possible: false,
        non_conforming: false,
        conditional_reexport: false,
        transport_mode: "courier".into(),
        loading_port: "ICN".into(),
        courier_code: String::new(),
        declaration_no: Some(format!("12345-26-{:07}X", 100 + id)),
        filed_on: None,
        accepted_on: Some(day("2026-11-21")),
        loading_raw: None,
        loading_due: None,
        extensions: Vec::new(),
        loaded_on: None,
        bl_awb: String::new(),
        carrier: String::new(),
        provisional: false,
        confirmed_paid_on: None,
        final_price_raw: None,
        final_price_due: None,
        final_fob_krw: None,
        final_filed_on: None,
        cancelled_on: None,
        cancel_reason: String::new(),
        lines,
        freight_separate: Some(false),
    }
}

/// The number of page objects in the PDF: `/Type /Page` (with or without the space), not `/Pages`.
fn page_count(pdf: &[u8]) -> usize {
    let mut count = 0;
    let mut rest = pdf;
    while let Some(at) = rest.windows(5).position(|w| w == b"/Type") {
        rest = &rest[at + 5..];
        let name = rest.trim_ascii_start();
        if let Some(after) = name.strip_prefix(b"/Page") {
            if !after.first().is_some_and(|c| c.is_ascii_alphanumeric()) {
                count += 1;
            }
        }
    }
    count
}

fn main() {
    let seller = SellerDraft {
        name: "달무리상점".into(),
        name_en: "Dalmuri Shop".into(),
        representative: "김하늘".into(),
        business_no: "220-81-62517".into(),
        customs_code: "DALMU1234567890".into(),
        address: "서울특별시 성동구 성수이로 7, 2층".into(),
        address_en: "2F, 7 Seongsui-ro, Seongdong-gu, Seoul 04781, Korea".into(),
        ..Default::default()
    }
    .validate(1)
    .unwrap();

    let total_lines = CARTONS * PER_CARTON;
    let per_declaration = total_lines / DECLARATIONS;
    let declarations: Vec<Declaration> = (0..DECLARATIONS)
        .map(|d| {
            let lines = (0..per_declaration)
                .map(|i| {
                    let (ko, en) = NAMES[(d + i) % NAMES.len()];
                    let qty = Decimal::from((i % 4 + 1) as u64);
                    DeclarationLine {
                        line_no: i as u32 + 1,
                        order_id: d as i64 + 1,
                        order_line_no: i as u32 + 1,
                        product_id: None,
                        hs_code: Some("3304991000".into()),
                        name_ko: ko.into(),
                        name_en: en.into(),
                        brand: "KBEAUTY LAB".into(),
                        model_spec: String::new(),
                        quantity: qty,
                        unit: "EA".into(),
                        net_weight_kg: Some(dec("0.18") * qty),
                        origin_country: Some("KR".into()),
                        needs_permit: false,
                        amount: dec("12.50") * qty,
                        discount: Decimal::ZERO,
                        deduction: Decimal::ZERO,
                        fob: dec("12.50") * qty,
                        fob_krw: Decimal::ZERO,
                    }
                })
                .collect();
            declaration(d as i64 + 1, lines)
        })
        .collect();
    let lines: Vec<PackLine> = declarations
        .iter()
        .flat_map(|d| {
            d.lines.iter().map(move |l| PackLine {
                declaration_id: d.id,
                line_no: l.line_no,
                declaration_no: d.declaration_no.clone().unwrap_or_default(),
                order_no: d.order_numbers[0].clone(),
                sku: format!("SKU-{}-{}", d.id, l.line_no),
                description: l.name_en.clone(),
                quantity: l.quantity,
                unit: l.unit.clone(),
                net_weight_kg: l.net_weight_kg,
            })
        })
        .collect();
    let cartons: Vec<Carton> = lines
        .chunks(PER_CARTON)
        .enumerate()
        .map(|(i, chunk)| Carton {
            no: i as u32 + 1,
            length_cm: dec("40"),
            width_cm: dec("30"),
            height_cm: dec("20"),
            gross_kg: chunk
                .iter()
                .map(|l| l.net_weight_kg.unwrap_or_default())
                .sum::<Decimal>()
                + dec("0.6"),
            items: chunk
                .iter()
                .map(|l| CartonItem {
                    declaration_id: l.declaration_id,
                    line_no: l.line_no,
                    quantity: l.quantity,
                })
                .collect(),
        })
        .collect();
    let check = check_packing(&cartons, &lines, 5000);
    assert!(check.is_complete(), "{:?}", check.problems.first());
    let shipment = Shipment {
        id: 1,
        reference: "SHP-2026-11-27-1".into(),
        state: ShipmentState::Packing,
        created_on: day("2026-11-27"),
        declaration_ids: declarations.iter().map(|d| d.id).collect(),
        consignee_name: "Overseas Warehouse Inc.".into(),
        consignee_address: "1200 Market Street, Dock 5, Philadelphia, PA 19107".into(),
        destination_country: "US".into(),
        volumetric_divisor: 5000,
        cartons,
        loaded_on: None,
        carrier: "DHL Express".into(),
        bl_awb: String::new(),
        tracking_numbers: Vec::new(),
        note: String::new(),
    };
    let papers = ShipmentPapers {
        seller: &seller,
        shipment: &shipment,
        declarations: &declarations,
        lines: &lines,
        check: &check,
        today: day("2026-11-27"),
        origin_declaration: None,
    };

    // One run to warm up (font parsing, glyph widths), then the timed runs.
    let pdf = packing_list_pdf(&papers);
    let pages = page_count(&pdf);
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let pdf = packing_list_pdf(&papers);
            let took = start.elapsed();
            assert!(pdf.starts_with(b"%PDF"));
            took
        })
        .collect();
    times.sort();
    let median = times[RUNS / 2];
    println!(
        "packing list: {CARTONS} cartons × {PER_CARTON} lines = {pages} pages, {} KB; median of {RUNS} runs {:.0} ms (min {:.0} ms, max {:.0} ms); goal < 1000 ms: {}",
        pdf.len() / 1024,
        median.as_secs_f64() * 1000.0,
        times[0].as_secs_f64() * 1000.0,
        times[RUNS - 1].as_secs_f64() * 1000.0,
        if median < Duration::from_secs(1) { "met" } else { "NOT met" }
    );
    if let Ok(dir) = std::env::var("EXPORTDESK_DOC_OUT") {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(std::path::Path::new(&dir).join("packing-bench.pdf"), &pdf).unwrap();
    }
}
