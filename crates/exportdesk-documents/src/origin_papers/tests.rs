use super::certificate::certificate_doc;
use super::worksheet::worksheet_doc;
use super::*;
use crate::declaration_worksheet::tests::keep;
use exportdesk_rules::country::Country;
use exportdesk_rules::hs::HsCode;
use exportdesk_rules::origin::{
    evaluate, FtaCatalogue, MaterialOrigin, OriginCase, OriginMaterial, PsrBook,
};
use exportdesk_rules::records::SellerDraft;
use std::process::Command;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn non(country: &str) -> MaterialOrigin {
    MaterialOrigin::NonOriginating {
        country: country.into(),
    }
}

fn orig(until: &str) -> MaterialOrigin {
    MaterialOrigin::Originating {
        evidence: "원산지확인서 2026-001".into(),
        valid_until: Some(date(until)),
    }
}

fn mat(desc: &str, hs: &str, origin: MaterialOrigin, value: &str) -> OriginMaterial {
    OriginMaterial {
        description: desc.into(),
        hs_code: hs.into(),
        origin,
        quantity: Decimal::ONE,
        unit_value: d(value),
        weight_kg: None,
        supplier: "한빛화학".into(),
    }
}

fn case(fta: &str, materials: Vec<OriginMaterial>) -> OriginCase {
    OriginCase {
        product_hs: "3304.99".into(),
        fta: fta.into(),
        date: date("2026-03-02"),
        currency: "KRW".into(),
        ex_works_price: Some(d("1000000")),
        fob_price: Some(d("1100000")),
        only_minimal_operations: Some(false),
        materials,
    }
}

/// Korea–EU cosmetics: the CTH alternative fails (same-heading base over 20%), the 40% limit
/// decides. `emulsifier` 150000 → exactly 40%, originating; 150001 → not originating.
fn cosmetic(fta: &str, emulsifier: &str) -> OriginCase {
    case(
        fta,
        vec![
            mat("Cream base", "3304.99", non("FR"), "250000"),
            mat("Emulsifier", "3402.13", non("DE"), emulsifier),
            mat("Bottle", "3923.30", orig("2026-12-31"), "80000"),
        ],
    )
}

fn run(c: &OriginCase) -> OriginVerdict {
    evaluate(c, &FtaCatalogue::bundled(), &PsrBook::bundled()).unwrap()
}

fn seller() -> Seller {
    SellerDraft {
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
    .unwrap()
}

fn product() -> Product {
    Product {
        id: 7,
        sku: "DM-CREAM-50".into(),
        name_ko: "녹차 수분 크림".into(),
        name_en: "Green tea moisture cream".into(),
        hs_code: Some(HsCode::parse("3304991000").unwrap()),
        unit: "EA".into(),
        net_weight_kg: Some(d("0.08")),
        origin_country: Some(Country::parse("KR").unwrap()),
        brand: "DALMU".into(),
        model_spec: "50ml".into(),
        needs_permit: false,
    }
}

fn sheet<'a>(s: Option<&'a Seller>, p: &'a Product, v: &'a OriginVerdict) -> OriginWorksheet<'a> {
    OriginWorksheet {
        seller: s,
        product: p,
        verdict: v,
        today: date("2026-03-02"),
    }
}

/// The PDF's text through `pdftotext -layout` (pages separated by form feeds).
fn pdftotext(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("exportdesk-origin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed for this test");
    assert!(out.status.success(), "pdftotext failed on {name}");
    let _ = std::fs::remove_file(&path);
    keep(name, bytes);
    String::from_utf8(out.stdout).unwrap()
}

/// Text with runs of spaces and line breaks collapsed, so that wrapped sentences can be found.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_has(text: &str, wants: &[&str]) {
    let f = flat(text);
    for want in wants {
        assert!(
            text.contains(want) || f.contains(&flat(want)),
            "missing {want:?} in:\n{text}"
        );
    }
}

#[test]
fn the_worksheet_shows_rule_materials_computation_and_verdict() {
    let v = run(&cosmetic("KR-EU", "150000"));
    assert_eq!(v.verdict, Verdict::Originating);
    let (s, p) = (seller(), product());
    let w = sheet(Some(&s), &p, &v);
    let doc = worksheet_doc(&w);
    assert_eq!(doc.missing_glyphs(), Vec::<char>::new());
    doc.assert_inside_margins();
    let text = pdftotext("origin-worksheet.pdf", &origin_worksheet_pdf(&w));
    assert_has(
        &text,
        &[
            "원산지 판정 워크시트",
            "Origin determination worksheet",
            "DM-CREAM-50",
            "녹차 수분 크림",
            "Green tea moisture cream",
            "3304.99-1000",
            "한-EU FTA (KR-EU)",
            "2026-03-02",
            "₩1,000,000",
            "₩1,100,000",
            // The rule, its source and mark.
            "CTH and MaxNOM(20%, EXW, same-heading) or MaxNOM(40%, EXW)",
            "Korea–EU FTA origin protocol, Annex II",
            "확인됨 / verified",
            // BOM.
            "Emulsifier",
            "Cream base",
            "비원산지 (DE)",
            "₩150,000",
            "15%",
            // Computation and alternatives.
            "₩400,000 ÷ ₩1,000,000 = 40% ≤ 40%",
            "Alternative 2: MaxNOM(40%, EXW)",
            // The verdict.
            "원산지 기준 충족",
            &v.headline_ko,
            &v.headline_en,
            // Evidence with its validity and checkboxes.
            "원산지확인서 2026-001",
            "2026-12-31",
            "Attached",
            "Kept",
            // Proof under the FTA.
            "Proof of origin under this FTA",
            "€6,000",
            "12개월 / 12 months",
            "Article 18",
            // The notice, in both languages.
            "자가 판정 결과입니다",
            "특혜관세를 신청하기 전에",
            "Self-assessment; verify before claiming",
        ],
    );
}

#[test]
fn a_failing_check_shows_what_breaks_what_to_do_and_what_is_missing() {
    let mut c = cosmetic("KR-EU", "150001");
    c.materials.push(OriginMaterial {
        hs_code: String::new(),
        ..mat("Gift box", "", MaterialOrigin::Unknown, "1000")
    });
    let v = run(&c);
    assert_eq!(v.verdict, Verdict::NotOriginating);
    let p = product();
    let w = sheet(None, &p, &v);
    let doc = worksheet_doc(&w);
    assert_eq!(doc.missing_glyphs(), Vec::<char>::new());
    doc.assert_inside_margins();
    let text = pdftotext("origin-worksheet-fail.pdf", &origin_worksheet_pdf(&w));
    assert_has(
        &text,
        &[
            "원산지 기준 불충족",
            "Not originating",
            "통과하려면",
            "To pass",
            "must fall by ₩1,001",
            "Missing data checklist",
            "Gift box",
            "origin unknown (counted as",
            "counts toward the exceeded limit on all non-originating materials",
            "위반",
        ],
    );
}

#[test]
fn a_bom_of_120_materials_breaks_cleanly_with_the_header_on_every_page() {
    let materials: Vec<OriginMaterial> = (1..=120)
        .map(|i| {
            let origin = if i % 3 == 0 {
                orig("2026-12-31")
            } else {
                non("CN")
            };
            mat(&format!("Material {i:03} 재료"), "3402.13", origin, "1000")
        })
        .collect();
    let v = run(&case("KR-EU", materials));
    assert_eq!(v.materials.len(), 120);
    let p = product();
    let w = sheet(None, &p, &v);
    let doc = worksheet_doc(&w);
    assert!(doc.page_count() >= 4, "{} pages", doc.page_count());
    assert_eq!(doc.missing_glyphs(), Vec::<char>::new());
    doc.assert_inside_margins();
    let mut seen = Vec::new();
    let mut pages_with_rows = 0;
    for page in doc.drawn() {
        let rows: Vec<u32> = page
            .iter()
            .filter_map(|t| t.text.strip_prefix("Material "))
            .filter_map(|t| t.get(..3)?.parse().ok())
            .collect();
        if !rows.is_empty() {
            pages_with_rows += 1;
            assert!(
                page.iter().any(|t| t.text == "원산지 판단"),
                "the header row repeats on every page with materials"
            );
        }
        seen.extend(rows);
    }
    assert!(pages_with_rows >= 3, "{pages_with_rows} pages of materials");
    let want: Vec<u32> = (1..=120).collect();
    // The evidence table names the originating materials again; the BOM lists each once, in order.
    assert_eq!(seen[..120], want[..], "each material once, in order");
    let bytes = doc.finish();
    assert!(bytes.len() < 500_000, "fonts subset: {} bytes", bytes.len());
    let text = pdftotext("origin-worksheet-120.pdf", &bytes);
    assert!(text.matches('\x0c').count() >= 4);
    assert_has(&text, &["Material 001 재료", "Material 120 재료"]);
}

#[test]
fn the_certificate_draft_for_a_self_certified_fta() {
    let v = run(&cosmetic("KR-EU", "150000"));
    let (s, p) = (seller(), product());
    let w = sheet(Some(&s), &p, &v);
    let doc = certificate_doc(&w);
    assert_eq!(doc.missing_glyphs(), Vec::<char>::new());
    doc.assert_inside_margins();
    let text = pdftotext("origin-certificate-eu.pdf", &certificate_data_pdf(&w));
    assert_has(
        &text,
        &[
            "원산지증명 기재 자료 (초안)",
            "Certificate of origin — data draft",
            "DRAFT — this is not a certificate of origin",
            "Dalmuri Shop",
            "220-81-62517",
            "Seongsui-ro",
            "Importer · consignee",
            "Producer",
            "Green tea moisture cream",
            "3304.99-1000",
            "Republic of Korea (KR)",
            // Alternative 1 fails, the 40% limit passes.
            "MaxNOM 40%",
            "CTH and MaxNOM(20%, EXW, same-heading) or MaxNOM(40%, EXW)",
            "Invoice number",
            "Invoice date",
            "Self-certified",
            "Signature of exporter",
            "these products are of Korean preferential origin",
            "EUR 6,000",
            "자가 판정 결과입니다",
            "Self-assessment; verify before claiming",
        ],
    );
    assert!(!text.contains("For the issuing authority"));
}

#[test]
fn the_certificate_draft_for_an_agency_issued_fta() {
    let v = run(&cosmetic("KR-ASEAN", "150000"));
    assert_eq!(v.fta.certification, Some(Certification::Agency));
    let (s, p) = (seller(), product());
    let w = sheet(Some(&s), &p, &v);
    let doc = certificate_doc(&w);
    assert_eq!(doc.missing_glyphs(), Vec::<char>::new());
    doc.assert_inside_margins();
    let text = pdftotext("origin-certificate-asean.pdf", &certificate_data_pdf(&w));
    assert_has(
        &text,
        &[
            "UNI-PASS",
            "Korea Chamber of Commerce and Industry",
            "For the issuing authority",
            "CTH or RVC(40)",
        ],
    );
    assert!(!text.contains("Korean preferential origin"));
    assert!(!text.contains("Signature of exporter"));
    let (criterion, _) = origin_criterion(&v);
    assert!(
        ["CTH", "RVC 40%"].contains(&criterion.as_str()),
        "{criterion}"
    );
}

#[test]
fn without_a_rule_the_papers_say_so() {
    let v = run(&cosmetic("RCEP", "150000"));
    assert_eq!(v.verdict, Verdict::CannotDecide);
    let p = product();
    let w = sheet(None, &p, &v);
    let doc = worksheet_doc(&w);
    doc.assert_inside_margins();
    let text = pdftotext("origin-worksheet-rcep.pdf", &doc.finish());
    assert_has(&text, &["판정 불가", "no product-specific rule"]);
    let doc = certificate_doc(&w);
    doc.assert_inside_margins();
    assert_eq!(doc.missing_glyphs(), Vec::<char>::new());
    let text = pdftotext("origin-certificate-rcep.pdf", &doc.finish());
    assert_has(
        &text,
        &[
            "PSR — 미충족·미확정 / not established",
            "Do not claim preferential origin",
            "Exporter's name and address",
            "For the issuing authority",
            "Signature of exporter",
        ],
    );
}

#[test]
fn criteria_in_short() {
    assert_eq!(
        criterion_of("CTH and MaxNOM(20%, EXW, same-heading)"),
        "CTH"
    );
    assert_eq!(criterion_of("MaxNOM(40%, EXW)"), "MaxNOM 40%");
    assert_eq!(criterion_of("RVC(40)"), "RVC 40%");
    assert_eq!(criterion_of("RVC(35, build-up, FOB)"), "RVC 35%");
    assert_eq!(criterion_of("CTSH except from 3304.10"), "CTSH");
    assert_eq!(criterion_of("CC and RVC(40)"), "CC");
    assert_eq!(criterion_of("WO"), "WO");
    assert_eq!(criterion_of("something else"), "PSR");
}

// ---- invoice origin declaration ---------------------------------------------------------------

#[test]
fn eu_declaration_with_an_approved_exporter_number() {
    let v = run(&cosmetic("KR-EU", "150000"));
    let text = invoice_origin_declaration(
        &v,
        "Dalmuri Shop",
        Some("KR/123/2026"),
        "Seoul",
        date("2026-03-02"),
    )
    .unwrap();
    assert!(text.starts_with("The exporter of the products covered by this document"));
    assert!(text.contains("Dalmuri Shop, approved exporter, customs authorisation No. KR/123/2026"));
    assert!(text.contains("except where otherwise clearly indicated"));
    assert!(text.contains("of Korean preferential origin"));
    assert!(text.contains("Seoul, 2026-03-02"));
    assert!(!text.contains("EUR"));
}

#[test]
fn eu_declaration_without_a_number_states_the_low_value_case() {
    let v = run(&cosmetic("KR-EU", "150000"));
    for no in [None, Some("  ")] {
        let text = invoice_origin_declaration(&v, "Dalmuri Shop", no, "Seoul", date("2026-03-02"))
            .unwrap();
        assert!(text.contains("not an approved exporter"), "{text}");
        assert!(text.contains("does not exceed EUR 6,000"), "{text}");
        assert!(!text.contains("authorisation No."));
    }
    let uk = run(&cosmetic("KR-UK", "150000"));
    assert_eq!(uk.verdict, Verdict::Originating);
    assert!(
        invoice_origin_declaration(&uk, "Dalmuri Shop", None, "Seoul", date("2026-03-02"))
            .is_some()
    );
}

#[test]
fn no_declaration_for_other_ftas_or_goods_that_do_not_originate() {
    let rcep = run(&cosmetic("RCEP", "150000"));
    assert_eq!(
        invoice_origin_declaration(
            &rcep,
            "Dalmuri Shop",
            Some("X1"),
            "Seoul",
            date("2026-03-02")
        ),
        None
    );
    let asean = run(&cosmetic("KR-ASEAN", "150000"));
    assert_eq!(
        invoice_origin_declaration(&asean, "Dalmuri Shop", None, "Seoul", date("2026-03-02")),
        None
    );
    let failing = run(&cosmetic("KR-EU", "150001"));
    assert_eq!(failing.verdict, Verdict::NotOriginating);
    assert_eq!(
        invoice_origin_declaration(
            &failing,
            "Dalmuri Shop",
            Some("X1"),
            "Seoul",
            date("2026-03-02")
        ),
        None
    );
}
