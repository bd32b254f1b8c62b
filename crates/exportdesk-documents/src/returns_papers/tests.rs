use super::claim::claim_doc;
use super::month::month_doc;
use super::*;
use crate::declaration_worksheet::tests::keep;
use crate::fixtures::{d, n, Fixture};
use exportdesk_rules::declaration::DeclarationState;
use exportdesk_rules::records::SellerDraft;
use exportdesk_rules::reimport::{
    eligibility, ExportedLine, ReimportFacts, ReturnDraft, ReturnLineDraft, ReturnReason,
};
use exportdesk_rules::rulebook::Rulebook;
use rust_decimal::Decimal;
use std::process::Command;

/// The PDF's text through `pdftotext -layout` (pages separated by form feeds).
fn pdftotext(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("exportdesk-returns-{}", std::process::id()));
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
    for w in wants {
        assert!(f.contains(&flat(w)), "missing {w:?} in:\n{text}");
    }
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

/// A return and its verdict, computed with the rules crate the way the app does.
struct Case {
    seller: Seller,
    declaration: Declaration,
    ret: ReturnRecord,
    verdict: ReimportVerdict,
}

impl Case {
    /// Declaration 7 (six lines, line 6 without an HS code) accepted Mon 2024-11-04 and loaded the
    /// next day: the re-import window ends Wed 2026-11-04. Line 3 had one unit returned before.
    /// The return brings back line 2 in full (2 EA), 2 of line 3's 3 EA and 1 of line 6's 6 EA,
    /// on the window's last day, unused, no drawback.
    fn new(edit: impl FnOnce(&mut ReturnDraft)) -> Case {
        let mut declaration = Fixture::new(6).declaration;
        declaration.state = DeclarationState::Loaded;
        declaration.declared_on = d("2024-11-01");
        declaration.filed_on = Some(d("2024-11-01"));
        declaration.accepted_on = Some(d("2024-11-04"));
        declaration.loaded_on = Some(d("2024-11-05"));
        let mut draft = ReturnDraft {
            order_id: Some(1),
            declaration_id: declaration.id,
            return_date: "2026-11-04".into(),
            reason: "order_cancellation".into(),
            carrier: "EMS".into(),
            tracking_no: "EE123456789KR".into(),
            condition: "unused_unaltered".into(),
            drawback_status: "none_claimed".into(),
            note: "구매자가 발송 직후 주문을 취소함".into(),
            lines: [(2, "2", "8"), (3, "2", "6.5"), (6, "1", "8")]
                .iter()
                .map(|(no, q, rate)| ReturnLineDraft {
                    declaration_id: declaration.id,
                    line_no: *no,
                    quantity: q.to_string(),
                    duty_rate_percent: rate.to_string(),
                })
                .collect(),
        };
        edit(&mut draft);
        let stock = ExportedLine::from_declaration(&declaration, &[(3, n("1"))]);
        let ret = draft.validate(21, &stock).unwrap();
        let facts = ReimportFacts::from_records(&declaration, &ret, &stock, Some(n("1385.20")));
        let verdict = eligibility(&facts, &Rulebook::bundled());
        Case {
            seller: seller(),
            declaration,
            ret,
            verdict,
        }
    }

    fn claim(&self) -> ReimportClaim<'_> {
        ReimportClaim {
            seller: Some(&self.seller),
            declaration: &self.declaration,
            ret: &self.ret,
            verdict: &self.verdict,
            today: d("2026-11-05"),
        }
    }

    /// Relieved duty, line by line, as the verdict computed it.
    fn duty(&self) -> Decimal {
        self.verdict.relief.as_ref().unwrap().duty_relief_krw
    }
}

#[test]
fn an_eligible_partial_return_on_the_last_day_prints_the_whole_claim() {
    let c = Case::new(|_| {});
    assert_eq!(
        c.verdict.outcome,
        ReimportOutcome::Eligible,
        "{:?}",
        c.verdict.missing
    );
    assert_eq!(c.verdict.window_last_day, Some(d("2026-11-04")));
    let claim = c.claim();
    let doc = claim_doc(&claim);
    assert_eq!(doc.missing_glyphs(), Vec::<char>::new());
    doc.assert_inside_margins();
    let text = pdftotext("reimport-claim.pdf", &reimport_claim_pdf(&claim));
    let relief = c.verdict.relief.as_ref().unwrap();
    let (line2, line3) = (&c.declaration.lines[1], &c.declaration.lines[2]);
    assert_has(
        &text,
        &[
            // Title, both languages.
            "재수입 면세 신청 자료",
            "Duty-free re-import claim",
            // Applicant.
            "달무리상점",
            "Dalmuri Shop",
            "220-81-62517",
            "DALMU1234567890",
            "성수이로 7",
            "Seongsui-ro",
            // The original export declaration with its dates, buyer and destination.
            "12345-26-0012345X",
            "2024-11-01 (금)",
            "2024-11-04 (월)",
            "2024-11-05 (화)",
            "-Emily Carter (US)",
            "US 미국 (United States)",
            "적재 완료 / loaded",
            // The returned lines.
            "반품 물품",
            "Returned goods",
            "3란 / 3 lines",
            &line2.name_ko,
            "3304.99-1000",
            "전량 / all",
            "부분 / partial",
            "신고에 없음 / none",
            "6.5%",
            "Value KRW",
            // The return.
            "주문 취소",
            "order cancellation",
            "2026-11-04 (수)",
            "EMS",
            "EE123456789KR",
            "구매자가 발송 직후 주문을 취소함",
            // Statements.
            "물품 상태 진술",
            "수출할 때와 같은 성질과 상태로 다시 들어왔습니다",
            "were not manufactured, processed, repaired or used abroad after export",
            "관세환급 진술",
            "관세환급을 신청하거나 받은 적이 없습니다",
            "No duty drawback was claimed or received on these exported goods.",
            // The verdict, its checklist and the window.
            "재수입면세 대상 / Eligible",
            "결론: 재수입면세 대상입니다",
            "Conclusion: eligible for duty-free re-import",
            "수출신고가 수리되고 물품이 적재됨",
            "Export declaration accepted and goods loaded",
            "해외에서 제조·가공·수리·사용되지 않음",
            "Not manufactured, processed, repaired or used abroad",
            "No drawback received, or repaid / waived in writing",
            "Quantity within what was exported and not yet returned",
            "충족",
            "met",
            "재수입 기간 마지막 날",
            "Window's last day",
            "2026-11-04",
            "0일 남음 / 0 days to spare",
            // Small return without documents.
            "증빙서류 없는 수입신고",
            "USD 56.51",
            // Relief, labelled estimates; VAT to confirm.
            "면제되는 관세 (추정)",
            "Duty relieved (estimate)",
            &crate::text::krw(relief.duty_relief_krw),
            "부가가치세 (추정, 확인 필요)",
            "VAT (estimate, to confirm)",
            &crate::text::krw(relief.vat_krw),
            // Claim state.
            "작성 중 / draft",
            "신청할 때 적으세요 / write it in when filed",
            // Evidence checklist with boxes.
            "증빙 서류 점검표",
            "Evidence checklist",
            "5건 / 5",
            "수출신고필증",
            "Export declaration acceptance",
            "주문 취소·반품 증빙",
            "Proof of the cancellation or return",
            "Photos or an inspection note of the unchanged state",
            "관세환급 미수령 확인서",
            "Drawback non-receipt confirmation",
            "Transport documents (return waybill, B/L or AWB)",
            "EMS EE123456789KR",
            "Attached",
            // The rules used.
            "적용한 규정 값",
            "USD 150",
            // Self-check, signature.
            "자가 점검 자료",
            "Verify the conditions and the papers with customs or a licensed customs broker",
            "신청인 서명 / Applicant's signature",
            "성명 Name: 김하늘 · 일자 Date: 2026-11-05",
        ],
    );
    // Quantities: line 2 exported 2, all back; line 3 exported 3, 2 back.
    assert_eq!(line2.quantity, n("2"));
    assert_eq!(line3.quantity, n("3"));
    assert!(
        text.matches('□').count() >= 10,
        "two boxes per evidence row"
    );
    // The verdict's line values (export FOB pro rata) are printed and add up.
    let total: Decimal = relief.lines.iter().map(|l| l.customs_value_krw).sum();
    assert_has(&text, &[&crate::text::krw(total)]);
    assert!(c.duty() > Decimal::ZERO);
}

#[test]
fn repaired_goods_with_a_drawback_received_are_stated_plainly_and_not_eligible() {
    let c = Case::new(|r| {
        r.condition = "repaired".into();
        r.drawback_status = "received".into();
        r.reason = "defect".into();
    });
    assert_eq!(c.verdict.outcome, ReimportOutcome::NotEligible);
    let doc = claim_doc(&c.claim());
    assert_eq!(doc.missing_glyphs(), Vec::<char>::new());
    doc.assert_inside_margins();
    let text = pdftotext(
        "reimport-claim-not-eligible.pdf",
        &reimport_claim_pdf(&c.claim()),
    );
    assert_has(
        &text,
        &[
            "재수입면세 대상 아님 / Not eligible",
            "불충족",
            "not met",
            "충족하지 못한 조건",
            "Conditions not met",
            "돌아온 물품의 상태: 해외에서 수리됨.",
            "Condition of the goods as they came back: repaired abroad.",
            "이 수출물품에 대해 관세환급을 받았습니다.",
            "A duty drawback was received on these exported goods.",
            "Drawback repayment receipt or written waiver",
            "not yet: no relief until repaid or waived",
            "No relief is estimated: a condition is not met.",
            "불량·하자",
        ],
    );
    let f = flat(&text);
    assert!(
        !f.contains("were not manufactured, processed, repaired or used abroad"),
        "no unaltered statement for repaired goods"
    );
    assert!(!f.contains("수출할 때와 같은 성질과 상태로"));
    assert!(!f.contains("Duty relieved (estimate)"));
}

#[test]
fn the_day_after_the_window_is_late_and_a_repaid_drawback_passes() {
    let c = Case::new(|r| {
        r.return_date = "2026-11-05".into();
        r.drawback_status = "repaid".into();
    });
    assert_eq!(c.verdict.outcome, ReimportOutcome::NotEligible);
    let text = pdftotext("reimport-claim-late.pdf", &reimport_claim_pdf(&c.claim()));
    assert_has(
        &text,
        &[
            "1일 늦음 / 1 day late",
            "받은 관세환급금을 모두 반납했습니다",
            "has been repaid in full",
            "관세환급금 반납 영수증",
            "Drawback repayment receipt",
        ],
    );
    let waived = Case::new(|r| r.drawback_status = "waived_in_writing".into());
    assert_eq!(waived.verdict.outcome, ReimportOutcome::Eligible);
    let text = pdftotext(
        "reimport-claim-waived.pdf",
        &reimport_claim_pdf(&waived.claim()),
    );
    assert_has(
        &text,
        &[
            "서면으로 포기했습니다",
            "The person entitled has waived in writing the right to a duty drawback",
            "Written waiver of the drawback right",
        ],
    );
}

#[test]
fn a_filed_then_granted_claim_shows_its_import_declaration() {
    let mut c = Case::new(|_| {});
    c.ret
        .file_claim(d("2026-11-06"), "11111-26-7654321M")
        .unwrap();
    let text = pdftotext("reimport-claim-filed.pdf", &reimport_claim_pdf(&c.claim()));
    assert_has(
        &text,
        &[
            "신청함 / filed",
            "11111-26-7654321M",
            "2026-11-06 (금)",
            "the import declaration the claim is on",
        ],
    );
    assert!(!flat(&text).contains("Decided on"));
    c.ret.decide_claim(true, d("2026-11-12")).unwrap();
    let text = pdftotext(
        "reimport-claim-granted.pdf",
        &reimport_claim_pdf(&c.claim()),
    );
    assert_has(
        &text,
        &[
            "면세 승인 / granted",
            "결정일",
            "Decided on",
            "2026-11-12 (목)",
        ],
    );
}

#[test]
fn without_a_seller_or_rates_the_claim_leaves_room_to_write() {
    let mut c = Case::new(|r| {
        for l in &mut r.lines {
            l.duty_rate_percent = String::new();
        }
    });
    assert_eq!(c.verdict.outcome, ReimportOutcome::Eligible);
    assert!(c.verdict.relief.is_none());
    c.verdict.simple_list_note = None;
    let claim = ReimportClaim {
        seller: None,
        ..c.claim()
    };
    let doc = claim_doc(&claim);
    doc.assert_inside_margins();
    let text = pdftotext("reimport-claim-no-seller.pdf", &reimport_claim_pdf(&claim));
    assert_has(
        &text,
        &[
            "Name, representative, business no., customs code, address",
            "입력 안 함 / not entered",
            "Enter each line's duty rate (%) to estimate the duty relieved",
            "성명 Name: ____________",
        ],
    );
    let f = flat(&text);
    assert!(!f.contains("달무리상점"));
    assert!(!f.contains("Simple list clearance"));
}

// ---- the month ----------------------------------------------------------------------------------

fn summary_row(i: u32) -> ReturnSummaryRow {
    let reason = ReturnReason::ALL[i as usize % ReturnReason::ALL.len()];
    let claim_state = ClaimState::ALL[(i as usize / 5) % ClaimState::ALL.len()];
    ReturnSummaryRow {
        return_date: d("2026-11-01") + chrono::Duration::days(i64::from(i % 30)),
        declaration_no: format!("12345-26-{:07}X", 1000 + i),
        order_no: format!("#SH-{:04}", i),
        reason,
        lines: i % 3 + 1,
        units: Decimal::from(i % 5 + 1),
        value_krw: n("35000") * Decimal::from(i % 4 + 1),
        duty_relief_krw: (!i.is_multiple_of(7)).then(|| n("2800") * Decimal::from(i % 4 + 1)),
        claim_state,
        import_declaration_no: if claim_state == ClaimState::Draft {
            String::new()
        } else {
            format!("11111-26-{:07}M", i)
        },
    }
}

#[test]
fn two_hundred_returns_paginate_with_the_header_on_every_page_and_add_up() {
    let seller = seller();
    let mut rows: Vec<ReturnSummaryRow> = (1..=200).map(summary_row).collect();
    // Two returns of another month are left out.
    rows.push(ReturnSummaryRow {
        return_date: d("2026-10-31"),
        ..summary_row(1)
    });
    rows.push(ReturnSummaryRow {
        return_date: d("2026-12-01"),
        ..summary_row(2)
    });
    let m = ReturnsMonth {
        seller: Some(&seller),
        year: 2026,
        month: 11,
        rows: &rows,
        today: d("2026-12-01"),
    };
    let doc = month_doc(&m);
    assert!(doc.page_count() >= 5, "{} pages", doc.page_count());
    assert_eq!(doc.missing_glyphs(), Vec::<char>::new());
    doc.assert_inside_margins();
    let mut dates = Vec::new();
    for page in doc.drawn() {
        let texts: Vec<&str> = page.iter().map(|t| t.text.as_str()).collect();
        let page_dates: Vec<&str> = page
            .iter()
            .filter(|t| t.x < 20.0 && t.size == 7.8 && t.text.starts_with("2026-"))
            .map(|t| t.text.as_str())
            .collect();
        if !page_dates.is_empty() {
            assert!(texts.contains(&"반품일"), "header repeated: {texts:?}");
            assert!(texts.contains(&"Export decl. no. · order"));
        }
        dates.extend(page_dates.into_iter().map(str::to_string));
    }
    assert_eq!(dates.len(), 200, "every return listed once");
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "by return date");
    assert!(dates.iter().all(|x| x.starts_with("2026-11-")));

    let text = pdftotext("returns-month-200.pdf", &returns_month_pdf(&m));
    let in_month: Vec<&ReturnSummaryRow> = rows[..200].iter().collect();
    let value: Decimal = in_month.iter().map(|r| r.value_krw).sum();
    let relief: Decimal = in_month.iter().filter_map(|r| r.duty_relief_krw).sum();
    let units: Decimal = in_month.iter().map(|r| r.units).sum();
    let lines: u32 = in_month.iter().map(|r| r.lines).sum();
    let without = in_month
        .iter()
        .filter(|r| r.duty_relief_krw.is_none())
        .count();
    assert_has(
        &text,
        &[
            "반품·재수입 월간 요약 — 2026년 11월",
            "Returns and re-import claims — November 2026",
            "달무리상점 · Dalmuri Shop",
            "200건 / 200",
            &format!("200 · {lines}"),
            &crate::text::number(units),
            &crate::text::krw(value),
            &format!(
                "{} ({without}건 추정 없음 / {without} without)",
                crate::text::krw(relief)
            ),
            "사유별",
            "By reason",
            "신청 상태별",
            "By claim state",
            "2건은 이 요약에서 뺐습니다",
            "12345-26-0001001X",
            "11111-26-0000005M",
            "면세 불인정 denied",
            "신청함 filed",
            "change of mind",
            "Verify the conditions and the papers with customs",
        ],
    );
    // Header on every page of the table in the PDF too.
    let pages: Vec<&str> = text.split('\x0c').filter(|p| p.contains("#SH-")).collect();
    assert!(pages.len() >= 5);
    assert!(pages.iter().all(|p| p.contains("Export decl. no. · order")));
    // Counts by reason and by state: 40 returns per reason, 50 per state.
    for reason in ReturnReason::ALL {
        let count = in_month.iter().filter(|r| r.reason == *reason).count();
        assert_eq!(count, 40);
    }
    let by_state: Vec<usize> = ClaimState::ALL
        .iter()
        .map(|s| in_month.iter().filter(|r| r.claim_state == *s).count())
        .collect();
    assert_eq!(by_state, [50, 50, 50, 50]);
    let f = flat(&text);
    for (state, count) in ClaimState::ALL.iter().zip(&by_state) {
        let needle = format!("{} {count}", state.label_ko());
        assert!(f.contains(&needle), "{needle} in the state table");
    }
    assert!(f.contains("단순 변심 40"), "reason counts");
}

#[test]
fn an_empty_month_says_so() {
    let m = ReturnsMonth {
        seller: None,
        year: 2026,
        month: 2,
        rows: &[],
        today: d("2026-03-01"),
    };
    let doc = month_doc(&m);
    assert_eq!(doc.page_count(), 1);
    doc.assert_inside_margins();
    let text = pdftotext("returns-month-empty.pdf", &returns_month_pdf(&m));
    assert_has(
        &text,
        &[
            "2026년 2월에 들어온 반품이 없습니다.",
            "No returns came back in February 2026.",
        ],
    );
}
