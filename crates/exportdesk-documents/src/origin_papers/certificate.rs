//! The certificate of origin data draft (원산지증명서 기재 자료 초안): the fields a certificate
//! of origin or an origin declaration usually asks for, filled from the seller, the product and
//! the verdict where the app knows them and ruled where the seller has to write. It is a draft
//! to copy into the FTA's official form, not the form, and says so at the top of every copy.

use super::{
    certification_label, exporter_name, invoice_origin_declaration, notice_texts, origin_criterion,
    product_hs, verdict_label, OriginWorksheet,
};
use crate::layout::{Align, Cell, Column, Doc, Field, Row, Tone};
use crate::text::day;
use exportdesk_rules::origin::{Certification, Verdict};

/// Render the certificate data draft.
pub fn certificate_data_pdf(w: &OriginWorksheet<'_>) -> Vec<u8> {
    certificate_doc(w).finish()
}

const AGENCY_KO: &str = "기관발급: 수출자가 관세청 UNI-PASS(전자 신청) 또는 대한상공회의소를 통해 원산지증명서 발급을 신청합니다. 발급기관이 신청 내용과 근거 서류를 살펴본 뒤 서명해 발급합니다. 이 초안의 내용을 신청서에 옮겨 적고, 재료 명세와 공급자 원산지확인서를 함께 준비하세요.";
const AGENCY_EN: &str = "Agency-issued: the exporter applies for the certificate through KCS UNI-PASS (online) or the Korea Chamber of Commerce and Industry. The issuing body reviews the application and its supporting papers, then signs and issues the certificate. Copy this draft into the application and have the bill of materials and supplier declarations ready.";
const SELF_KO: &str = "자율발급: 수출자가 원산지증명서(또는 송품장의 원산지신고)를 직접 작성하고 서명합니다. 미리 확인해 주는 기관이 없으므로, 세관이 검증을 요청할 때 답할 수 있도록 근거 서류를 보관하세요.";
const SELF_EN: &str = "Self-certified: the exporter fills in and signs the certificate (or the origin declaration on the invoice) itself. Nobody checks it beforehand, so keep the supporting records to answer customs if it asks to verify the origin.";

pub(crate) fn certificate_doc(w: &OriginWorksheet<'_>) -> Doc {
    let v = w.verdict;
    let p = w.product;
    let footer = format!(
        "생성일 Generated {} · {} · 초안 — 공식 양식 아님 / Draft, not the official form · ExportDesk",
        w.today,
        p.sku.trim()
    );
    let mut doc = Doc::new(
        "원산지증명 기재 자료 (초안)",
        "Certificate of origin — data draft",
        &footer,
    );
    doc.notice(
        &format!(
            "초안입니다. 원산지증명서가 아닙니다. 아래 내용을 {}의 공식 원산지증명서 양식(또는 원산지신고 문안)에 옮겨 적으세요.",
            v.fta.name_ko
        ),
        &format!(
            "DRAFT — this is not a certificate of origin. Copy these data into the official certificate of origin form (or origin declaration) of the {}.",
            v.fta.name_en
        ),
        Tone::Warn,
    );
    let (vk, ve, tone) = verdict_label(v.verdict);
    match v.verdict {
        Verdict::Originating => doc.notice(
            &format!("판정: {vk} — {}", v.headline_ko),
            &format!("Verdict: {ve} — {}", v.headline_en),
            tone,
        ),
        _ => doc.notice(
            &format!(
                "판정: {vk} — {} 원산지 기준을 충족한다고 확인되기 전에는 특혜 원산지를 주장하지 마세요.",
                v.headline_ko
            ),
            &format!(
                "Verdict: {ve} — {} Do not claim preferential origin until the product is shown to meet the rule.",
                v.headline_en
            ),
            tone,
        ),
    }

    // ---- how to certify ------------------------------------------------------------------------
    let (cert_ko, cert_en) = certification_label(v.fta.certification);
    doc.heading_tagged(
        "증명 방식",
        "How origin is certified",
        &format!("{cert_ko} / {cert_en}"),
        Tone::Info,
    );
    let mut how: Vec<(String, String)> = Vec::new();
    let agency = matches!(
        v.fta.certification,
        Some(Certification::Agency | Certification::Either)
    );
    let self_certified = matches!(
        v.fta.certification,
        Some(Certification::SelfCertified | Certification::Either)
    );
    if agency {
        how.push((AGENCY_KO.into(), AGENCY_EN.into()));
    }
    if self_certified {
        how.push((SELF_KO.into(), SELF_EN.into()));
    }
    if v.fta.certification.is_none() {
        how.push((
            "이 협정의 증명 방식이 기록되어 있지 않습니다. 관세청 또는 관세사에게 확인하세요.".into(),
            "The certification method of this FTA is not recorded; check with customs or a customs broker.".into(),
        ));
    }
    how.push((v.fta.proof_ko.clone(), v.fta.proof_en.clone()));
    doc.bullets(&how);

    // ---- parties -------------------------------------------------------------------------------
    doc.heading("1. 수출자", "Exporter");
    match w.seller {
        Some(s) => doc.glossed_fields(&[
            Field::new("상호 (영문)", "Name", exporter_name(s)).note(s.name.trim()),
            Field::new(
                "사업자등록번호",
                "Business registration no.",
                s.business_no.to_string(),
            ),
            Field::new(
                "주소 (영문)",
                "Address",
                if s.address_en.trim().is_empty() {
                    s.address.trim()
                } else {
                    s.address_en.trim()
                },
            )
            .wide(),
            Field::new(
                "통관고유부호",
                "Customs code",
                s.customs_code
                    .as_ref()
                    .map_or(String::new(), |c| c.to_string()),
            ),
            Field::new(
                "연락처",
                "Phone · e-mail",
                format!("{} · {}", s.phone.trim(), s.email.trim())
                    .trim_matches([' ', '·'])
                    .to_string(),
            ),
        ]),
        None => doc.ruled_box("수출자 상호·주소", "Exporter's name and address", None, 3),
    }
    doc.ruled_box(
        "2. 생산자 / Producer",
        "수출자와 같으면 / if the same: 'Same as exporter'",
        None,
        2,
    );
    doc.ruled_box(
        "3. 수입자 · 수하인 / Importer · consignee",
        "이름, 주소, 국가 / name, address, country",
        None,
        3,
    );
    doc.ruled_box(
        "4. 운송 수단 및 경로 / Means of transport and route",
        "양식이 묻는 경우 / where the form asks",
        None,
        2,
    );

    // ---- goods ---------------------------------------------------------------------------------
    doc.heading("5. 물품", "Goods");
    let (criterion, established) = origin_criterion(v);
    let description = match (p.name_en.trim(), p.name_ko.trim()) {
        ("", ko) => ko.to_string(),
        (en, _) => en.to_string(),
    };
    let rule_note = match &v.rule {
        Some(r) => format!("기준 / rule: {} ({})", r.text, r.source),
        None => "품목별 기준이 앱에 없습니다 / no product-specific rule in the app".to_string(),
    };
    doc.glossed_fields(&[
        Field::new("품명", "Description of goods", description)
            .note(format!("{} · SKU {}", p.name_ko.trim(), p.sku.trim()))
            .wide(),
        Field::new("HS 부호", "HS code", product_hs(w))
            .note("양식이 6단위를 묻으면 앞 6자리 / the first 6 digits where the form asks for 6"),
        Field::new(
            "원산지",
            "Country of origin",
            "대한민국 / Republic of Korea (KR)",
        ),
        Field::new(
            "원산지 결정기준",
            "Origin criterion",
            if established {
                criterion.clone()
            } else {
                format!("{criterion} — 미충족·미확정 / not established")
            },
        )
        .tone(if established { Tone::Good } else { Tone::Bad })
        .note(rule_note)
        .wide(),
        Field::new(
            "협정",
            "Agreement",
            format!("{} ({})", v.fta.name_ko, v.fta.code),
        )
        .note(&v.fta.name_en),
        Field::new("판정 기준일", "Origin checked for", day(v.date)),
    ]);
    doc.note("원산지 결정기준은 판정에서 충족한 대안을 줄여 적은 것입니다. 양식이 정한 부호(예: WO, PE, PSR, CTC, RVC)가 있으면 그 부호로 옮겨 적으세요. \
              The origin criterion is the alternative that passed, in short. Where the form has its own codes (e.g. WO, PE, PSR, CTC, RVC), write the matching code.");

    doc.heading("6. 직접 기재할 항목", "Fill in by hand");
    let cols = [
        Column::new("항목", "Field", 70.0, Align::Left),
        Column::new("기재", "Write here", 110.0, Align::Left),
    ];
    let blank = |ko: &str, en: &str| Row::new(vec![Cell::with_sub(ko, en), Cell::new("")]);
    doc.table_rows(
        &cols,
        &[
            blank("송품장 번호", "Invoice number"),
            blank("송품장 일자", "Invoice date"),
            blank("포장 수와 종류", "Number and kind of packages"),
            blank("화인과 번호", "Marks and numbers"),
            blank("수량 · 총중량", "Quantity · gross weight"),
            blank("금액 (양식이 묻는 경우)", "Value (FOB), where asked"),
            blank("비고", "Remarks"),
        ],
    );

    // ---- certification -------------------------------------------------------------------------
    doc.heading("7. 증명 · 서명", "Certification and signature");
    let eu_like = matches!(v.fta.code.trim(), "KR-EU" | "KR-UK");
    if eu_like {
        let exporter = w.seller.map(exporter_name).unwrap_or("");
        let text = invoice_origin_declaration(v, exporter, None, "", w.today);
        doc.ruled_box(
            "송품장 원산지신고 문안 / Origin declaration on the invoice",
            if text.is_some() {
                "장소·인증번호 기재, 부속서와 대조 / add place and approval no.; check the annex"
            } else {
                "원산지 기준을 충족할 때만 작성 / only once the product is shown to originate"
            },
            text.as_deref(),
            3,
        );
    }
    if self_certified || v.fta.certification.is_none() {
        let for_whom = match w.seller {
            Some(s) => format!("For {}", exporter_name(s)),
            None => "For the exporter / 수출자".to_string(),
        };
        doc.signature(
            &format!(
                "서명자는 위 물품이 {} 원산지 기준을 충족하며 위 내용이 사실임을 확인합니다. \
                 The undersigned confirms that the goods above meet the rules of origin of the {} and that these data are true.",
                v.fta.name_ko, v.fta.name_en
            ),
            &for_whom,
            "수출자 서명 / Signature of exporter",
            "성명 Name · 장소 Place · 일자 Date",
        );
    }
    if agency {
        doc.ruled_box(
            "발급기관 확인란 / For the issuing authority",
            "발급기관이 기재 / completed by the issuing body",
            None,
            3,
        );
    }

    let (notice_ko, notice_en) = notice_texts(v);
    doc.notice(&notice_ko, &notice_en, Tone::Warn);
    doc
}
