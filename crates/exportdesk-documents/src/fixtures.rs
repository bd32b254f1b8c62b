//! Test data: a realistic accepted declaration with as many lines as a test wants, computed with
//! the rules crate so that its figures add up the way the app's do.

use crate::declaration_worksheet::{DocumentsNote, Worksheet};
use chrono::NaiveDate;
use exportdesk_rules::deadline::{
    extend_loading, loading_deadline, penalty_estimate, use_rule, Deadline, PenaltyEstimate,
    RuleUsed,
};
use exportdesk_rules::declaration::{
    decide_kind, fob_value, missing_fields, Declaration, DeclarationKind, DeclarationLine,
    DeclarationState, Exporter, FieldIssue, FobValue, Freight, KindFacts, KindVerdict,
    LoadingExtension, ValueLine,
};
use exportdesk_rules::incoterm::Incoterm;
use exportdesk_rules::money::Currency;
use exportdesk_rules::rulebook::Rulebook;
use rust_decimal::Decimal;

pub fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub fn n(s: &str) -> Decimal {
    s.parse().unwrap()
}

const NAMES: &[(&str, &str, &str, &str)] = &[
    (
        "어성초 진정 토너",
        "Heartleaf calming toner",
        "KBEAUTY LAB",
        "150ml",
    ),
    (
        "녹차 수분 크림",
        "Green tea moisture cream",
        "DALMU",
        "50ml",
    ),
    (
        "저자극 약산성 클렌징 폼 대용량 리필 기획 세트 (본품 + 리필 2개입)",
        "Low-pH gentle cleansing foam refill set, main bottle with two refills",
        "KBEAUTY LAB",
        "200ml x 3",
    ),
    (
        "쌀 추출물 선크림",
        "Rice sun cream SPF50+",
        "=HYPERLINK(\"http://x\")",
        "+82 edition",
    ),
    ("한지 책갈피", "Hanji bookmark", "@home", "-10% promo"),
];

pub struct Fixture {
    pub declaration: Declaration,
    pub exporter: Exporter,
    pub fob: FobValue,
    pub kind: KindVerdict,
    pub missing: Vec<FieldIssue>,
    pub loading: Deadline,
    pub penalty: PenaltyEstimate,
    pub transaction: RuleUsed,
    pub exempt: Vec<String>,
    pub keep: Vec<String>,
}

impl Fixture {
    /// An accepted declaration to the US in USD (DAP), `lines` lines, the last line without
    /// an HS code so that a missing field shows.
    pub fn new(lines: usize) -> Fixture {
        let book = Rulebook::bundled();
        let declared = d("2026-11-20");
        let mut decl_lines = Vec::new();
        for i in 0..lines {
            let (ko, en, brand, spec) = NAMES[i % NAMES.len()];
            let qty = Decimal::from((i % 7 + 1) as u64);
            let amount = n("12.50") * qty + Decimal::from((i % 5) as u64);
            decl_lines.push(DeclarationLine {
                line_no: i as u32 + 1,
                order_id: (i / 3) as i64 + 1,
                order_line_no: (i % 3) as u32 + 1,
                product_id: Some(i as i64 + 1),
                hs_code: if i + 1 == lines {
                    None
                } else {
                    Some("3304991000".into())
                },
                name_ko: ko.into(),
                name_en: en.into(),
                brand: brand.into(),
                model_spec: spec.into(),
                quantity: qty,
                unit: "EA".into(),
                net_weight_kg: Some(n("0.18") * qty),
                origin_country: Some("KR".into()),
                needs_permit: false,
                amount,
                discount: Decimal::ZERO,
                deduction: Decimal::ZERO,
                fob: amount,
                fob_krw: Decimal::ZERO,
            });
        }
        let values: Vec<ValueLine> = decl_lines
            .iter()
            .map(|l| ValueLine {
                amount: l.amount,
                needs_permit: false,
            })
            .collect();
        let rate = n("1385.20");
        let fob = fob_value(
            &values,
            Currency::USD,
            Incoterm::Dap,
            Freight::new(n("35.00"), Some(false)),
            rate,
            declared,
            &book,
        )
        .unwrap();
        for (l, f) in decl_lines.iter_mut().zip(&fob.lines) {
            l.deduction = f.deduction;
            l.fob = f.fob;
            l.fob_krw = f.fob_krw;
        }
        let kind = decide_kind(fob.fob_krw, &KindFacts::default(), declared, &book).unwrap();
        let accepted = d("2026-11-27");
        let first = loading_deadline(accepted, &book).unwrap();
        let loading =
            extend_loading(accepted, &first, d("2026-12-20"), d("2027-01-30"), &book).unwrap();
        let orders = lines.div_ceil(3);
        let declaration = Declaration {
            id: 7,
            state: DeclarationState::Accepted,
            declared_on: declared,
            order_ids: (1..=orders as i64).collect(),
            order_numbers: (1..=orders).map(|o| format!("#SH-{o:04}")).collect(),
            buyer_id: Some(3),
            buyer_name: "-Emily Carter".into(),
            buyer_country: "US".into(),
            destination_country: "US".into(),
            currency: Currency::USD,
            incoterm: Incoterm::Dap,
            freight_insurance: n("35.00"),
            freight_source: "orders".into(),
            rate,
            invoice_total: fob.invoice_total,
            fob_total: fob.fob_total,
            fob_krw: fob.fob_krw,
            kind: kind.kind,
            kind_reason_ko: kind.reason_ko.clone(),
            kind_reason_en: kind.reason_en.clone(),
            list_clearance_possible: kind.list_clearance_possible,
            non_conforming: false,
            conditional_reexport: false,
            transport_mode: "courier".into(),
            loading_port: "ICN".into(),
            courier_code: "DHL01".into(),
            declaration_no: Some("12345-26-0012345X".into()),
            filed_on: Some(d("2026-11-26")),
            accepted_on: Some(accepted),
            loading_raw: Some(loading.date.raw),
            loading_due: Some(loading.date.due),
            extensions: vec![LoadingExtension {
                requested_on: d("2026-12-20"),
                new_date: d("2027-01-30"),
                due: loading.date.due,
                reason: "선박 지연 / vessel delayed".into(),
            }],
            loaded_on: None,
            bl_awb: String::new(),
            carrier: "DHL".into(),
            provisional: false,
            confirmed_paid_on: None,
            final_price_raw: None,
            final_price_due: None,
            final_fob_krw: None,
            final_filed_on: None,
            cancelled_on: None,
            cancel_reason: String::new(),
            lines: decl_lines,
            freight_separate: Some(false),
        };
        let exporter = Exporter {
            name: "달무리상점".into(),
            business_no: "220-81-62517".into(),
            customs_code: "DALMU1234567890".into(),
            representative: "김하늘".into(),
            address: "서울특별시 성동구 성수이로 7, 2층 (성수동2가)".into(),
        };
        let required = book
            .declaration
            .required_fields_simplified
            .value_on("required_fields_simplified", declared)
            .unwrap();
        let missing = missing_fields(&declaration, &exporter, required);
        let penalty = penalty_estimate(1, loading.date.due, &book).unwrap();
        let (_, transaction) = use_rule(
            &book.declaration.ecommerce_transaction_type,
            "ecommerce_transaction_type",
            declared,
        )
        .unwrap();
        assert_eq!(declaration.kind, DeclarationKind::Simplified);
        Fixture {
            declaration,
            exporter,
            fob,
            kind,
            missing,
            loading,
            penalty,
            transaction,
            exempt: vec![
                "상업송장(인보이스) / commercial invoice".into(),
                "주문·결제 내역 / order and payment records".into(),
            ],
            keep: vec!["수출신고필증 / export declaration certificate".into()],
        }
    }

    pub fn worksheet(&self) -> Worksheet<'_> {
        Worksheet {
            declaration: &self.declaration,
            exporter: &self.exporter,
            fob: &self.fob,
            kind: &self.kind,
            missing: &self.missing,
            loading: Some(&self.loading),
            final_price: None,
            penalty: Some(&self.penalty),
            documents: DocumentsNote {
                platform_based: true,
                exempt: &self.exempt,
                keep_ready: &self.keep,
                verified: false,
            },
            warnings: &[],
            transaction_type: Some(&self.transaction),
            generated_on: d("2026-11-27"),
        }
    }
}

/// A consolidated shipment: two declarations to the same US consignee (line 1 of the first
/// declaration split over all three cartons), packed into three cartons and checked.
///
/// | Decl. | Line | Goods                   | Qty | Amount     | Net kg | Origin |
/// |-------|------|-------------------------|-----|------------|--------|--------|
/// | 11    | 1    | Heartleaf calming toner | 10  | USD 125.00 | 1.80   | KR     |
/// | 11    | 2    | Green tea moisture cream| 4   | USD 88.00  | 0.24   | KR     |
/// | 12    | 1    | Hanji bookmark          | 20  | USD 60.00  | 0.20   | KR     |
/// | 12    | 2    | Bamboo serving tray     | 2   | USD 30.00  | 1.00   | CN     |
///
/// Cartons: 1 = 40×30×20, 3.5 kg gross, 11/1 ×4 + 11/2 ×4; 2 = 40×30×20, 2.8 kg, 11/1 ×4 +
/// 12/1 ×20; 3 = 30×20×15, 2.2 kg, 11/1 ×2 + 12/2 ×2. With `mixed`, declaration 12 is in JPY
/// (bookmark ¥6,000, tray ¥3,000).
pub struct ShipmentFixture {
    pub seller: exportdesk_rules::records::Seller,
    pub shipment: exportdesk_rules::shipment::Shipment,
    pub declarations: Vec<Declaration>,
    pub lines: Vec<exportdesk_rules::shipment::PackLine>,
    pub check: exportdesk_rules::shipment::PackingCheck,
    pub origin_declaration: Option<String>,
}

impl ShipmentFixture {
    pub fn new(mixed: bool) -> ShipmentFixture {
        use exportdesk_rules::records::SellerDraft;
        use exportdesk_rules::shipment::{Carton, CartonItem, Shipment, ShipmentState};
        let seller = SellerDraft {
            name: "달무리상점".into(),
            name_en: "Dalmuri Shop".into(),
            representative: "김하늘".into(),
            business_no: "220-81-62517".into(),
            customs_code: "DALMU1234567890".into(),
            address: "서울특별시 성동구 성수이로 7, 2층 (성수동2가)".into(),
            address_en: "2F, 7 Seongsui-ro, Seongdong-gu, Seoul 04781, Korea".into(),
            phone: "+82-2-555-0100".into(),
            email: "hello@dalmuri.kr".into(),
            ..Default::default()
        }
        .validate(1)
        .unwrap();
        let template = Fixture::new(4).declaration;
        let line = |no: u32,
                    names: (&str, &str, &str, &str),
                    hs: &str,
                    qty: &str,
                    amount: &str,
                    net: &str,
                    origin: &str| {
            DeclarationLine {
                line_no: no,
                order_id: 1,
                order_line_no: no,
                product_id: None,
                hs_code: Some(hs.into()),
                name_ko: names.0.into(),
                name_en: names.1.into(),
                brand: names.2.into(),
                model_spec: names.3.into(),
                quantity: n(qty),
                unit: "EA".into(),
                net_weight_kg: Some(n(net)),
                origin_country: Some(origin.into()),
                needs_permit: false,
                amount: n(amount),
                discount: Decimal::ZERO,
                deduction: Decimal::ZERO,
                fob: n(amount),
                fob_krw: Decimal::ZERO,
            }
        };
        let a = Declaration {
            id: 11,
            declaration_no: Some("12345-26-0000111X".into()),
            order_numbers: vec!["#SH-1001".into(), "#SH-1002".into()],
            buyer_name: "Emily Carter".into(),
            buyer_country: "US".into(),
            destination_country: "US".into(),
            currency: Currency::USD,
            incoterm: Incoterm::Dap,
            lines: vec![
                line(
                    1,
                    (
                        "어성초 진정 토너",
                        "Heartleaf calming toner",
                        "KBEAUTY LAB",
                        "150ml",
                    ),
                    "3304991000",
                    "10",
                    "125.00",
                    "1.8",
                    "KR",
                ),
                line(
                    2,
                    (
                        "녹차 수분 크림",
                        "Green tea moisture cream",
                        "DALMU",
                        "50ml",
                    ),
                    "3304991000",
                    "4",
                    "88.00",
                    "0.24",
                    "KR",
                ),
            ],
            ..template.clone()
        };
        let (cur, bookmark, tray) = if mixed {
            (Currency::parse("JPY").unwrap(), "6000", "3000")
        } else {
            (Currency::USD, "60.00", "30.00")
        };
        let b = Declaration {
            id: 12,
            declaration_no: Some("12345-26-0000112X".into()),
            order_numbers: vec!["#SH-1003".into()],
            buyer_name: "Brooklyn K-Beauty Store LLC".into(),
            buyer_country: "US".into(),
            destination_country: "US".into(),
            currency: cur,
            incoterm: Incoterm::Dap,
            lines: vec![
                line(
                    1,
                    ("한지 책갈피", "Hanji bookmark", "", ""),
                    "4823909000",
                    "20",
                    bookmark,
                    "0.2",
                    "KR",
                ),
                line(
                    2,
                    ("대나무 쟁반", "Bamboo serving tray", "", "30 x 20 cm"),
                    "4419900000",
                    "2",
                    tray,
                    "1.0",
                    "CN",
                ),
            ],
            ..template
        };
        let declarations = vec![a, b];
        let lines = pack_lines(&declarations);
        let item = |declaration_id: i64, line_no: u32, q: &str| CartonItem {
            declaration_id,
            line_no,
            quantity: n(q),
        };
        let carton =
            |no: u32, dims: (&str, &str, &str), gross: &str, items: Vec<CartonItem>| Carton {
                no,
                length_cm: n(dims.0),
                width_cm: n(dims.1),
                height_cm: n(dims.2),
                gross_kg: n(gross),
                items,
            };
        let shipment = Shipment {
            id: 5,
            reference: "SHP-2026-11-27-1".into(),
            state: ShipmentState::Packing,
            created_on: d("2026-11-27"),
            declaration_ids: vec![11, 12],
            consignee_name: "Emily Carter".into(),
            consignee_address: "1200 Market Street, Apt 5B, Philadelphia, PA 19107".into(),
            destination_country: "US".into(),
            volumetric_divisor: 5000,
            cartons: vec![
                carton(
                    1,
                    ("40", "30", "20"),
                    "3.5",
                    vec![item(11, 1, "4"), item(11, 2, "4")],
                ),
                carton(
                    2,
                    ("40", "30", "20"),
                    "2.8",
                    vec![item(11, 1, "4"), item(12, 1, "20")],
                ),
                carton(
                    3,
                    ("30", "20", "15"),
                    "2.2",
                    vec![item(11, 1, "2"), item(12, 2, "2")],
                ),
            ],
            loaded_on: None,
            carrier: "DHL Express".into(),
            bl_awb: "1234567890".into(),
            tracking_numbers: vec!["JD014600001234567890".into()],
            note: String::new(),
        };
        let mut f = ShipmentFixture {
            seller,
            shipment,
            declarations,
            lines,
            check: exportdesk_rules::shipment::check_packing(&[], &[], 5000),
            origin_declaration: None,
        };
        f.recheck();
        f
    }

    /// Recompute the packed lines and the check after changing the declarations or cartons.
    pub fn recheck(&mut self) {
        self.lines = pack_lines(&self.declarations);
        self.check = exportdesk_rules::shipment::check_packing(
            &self.shipment.cartons,
            &self.lines,
            self.shipment.volumetric_divisor,
        );
    }

    pub fn papers(&self) -> crate::shipment_papers::ShipmentPapers<'_> {
        crate::shipment_papers::ShipmentPapers {
            seller: &self.seller,
            shipment: &self.shipment,
            declarations: &self.declarations,
            lines: &self.lines,
            check: &self.check,
            today: d("2026-11-27"),
            origin_declaration: self.origin_declaration.as_deref(),
        }
    }
}

/// The declarations' lines as packed lines (the way the app fills them).
fn pack_lines(declarations: &[Declaration]) -> Vec<exportdesk_rules::shipment::PackLine> {
    declarations
        .iter()
        .flat_map(|d| {
            d.lines
                .iter()
                .map(move |l| exportdesk_rules::shipment::PackLine {
                    declaration_id: d.id,
                    line_no: l.line_no,
                    declaration_no: d.declaration_no.clone().unwrap_or_default(),
                    order_no: d.order_numbers.first().cloned().unwrap_or_default(),
                    sku: format!("SKU-{}-{}", d.id, l.line_no),
                    description: l.name_en.clone(),
                    quantity: l.quantity,
                    unit: l.unit.clone(),
                    net_weight_kg: l.net_weight_kg,
                })
        })
        .collect()
}
