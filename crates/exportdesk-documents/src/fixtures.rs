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
    DeclarationState, Exporter, FieldIssue, FobValue, KindFacts, KindVerdict, LoadingExtension,
    ValueLine,
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
            n("35.00"),
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
