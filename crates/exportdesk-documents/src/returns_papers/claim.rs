//! The duty-free re-import claim file (재수입 면세 신청 자료) for one return.

use super::{
    check_label, claim_tone, or_dash, outcome_label, ReimportClaim, BOX, SELF_CHECK_EN,
    SELF_CHECK_KO,
};
use crate::layout::{Align, Cell, Column, Doc, Field, Row, Stat, Tone};
use crate::text::{
    amount, country, day, day_or_dash, hs_dotted, krw, number, rule_value, unique_rules,
};
use exportdesk_rules::declaration::{Declaration, DeclarationLine};
use exportdesk_rules::money::KrwRounding;
use exportdesk_rules::reimport::{
    ClaimState, DrawbackStatus, GoodsCondition, ReimportOutcome, ReturnLine,
};
use rust_decimal::Decimal;

/// Render the claim file.
pub fn reimport_claim_pdf(c: &ReimportClaim<'_>) -> Vec<u8> {
    claim_doc(c).finish()
}

/// The declaration's number, or `#id (번호 없음)` while it has none.
fn declaration_no(d: &Declaration) -> String {
    match d.declaration_no.as_deref().map(str::trim) {
        Some(no) if !no.is_empty() => no.to_string(),
        _ => format!("#{} (번호 없음 / no number)", d.id),
    }
}

/// The declaration line a returned line refers to.
fn declared<'d>(d: &'d Declaration, l: &ReturnLine) -> Option<&'d DeclarationLine> {
    d.lines
        .iter()
        .find(|x| d.id == l.declaration_id && x.line_no == l.line_no)
}

/// The returned units' share of the line's export FOB: won (rounded down, the way the rules crate
/// values a return) and the declaration's currency.
fn pro_rata(line: &DeclarationLine, quantity: Decimal) -> Option<(Decimal, Decimal)> {
    (line.quantity > Decimal::ZERO).then(|| {
        (
            KrwRounding::Down.apply(line.fob_krw * quantity / line.quantity),
            line.fob * quantity / line.quantity,
        )
    })
}

/// The statement on the goods' condition, Korean and English.
pub(super) fn condition_statement(c: GoodsCondition) -> (String, String) {
    match c {
        GoodsCondition::UnusedUnaltered => (
            "위 반품 물품은 수출된 뒤 해외에서 제조·가공·수리되거나 사용되지 않았으며, 수출할 때와 같은 성질과 상태로 다시 들어왔습니다.".to_string(),
            "The returned goods above were not manufactured, processed, repaired or used abroad after export; they came back in the same nature and condition as when they were exported.".to_string(),
        ),
        other => (
            format!(
                "돌아온 물품의 상태: {}. 해외에서 제조·가공·수리·사용된 물품은 재수입면세(관세법 제99조) 대상이 아닙니다. 다른 감면이나 예외가 있는지 세관에 문의하세요.",
                other.label_ko()
            ),
            format!(
                "Condition of the goods as they came back: {}. Goods manufactured, processed, repaired or used abroad do not qualify for duty-free re-import (Customs Act art. 99); ask customs whether another relief or an exception applies.",
                other.label_en()
            ),
        ),
    }
}

/// The statement on duty drawback, Korean and English.
pub(super) fn drawback_statement(s: DrawbackStatus) -> (&'static str, &'static str) {
    match s {
        DrawbackStatus::NoneClaimed => (
            "이 수출물품에 대해 관세환급을 신청하거나 받은 적이 없습니다.",
            "No duty drawback was claimed or received on these exported goods.",
        ),
        DrawbackStatus::Received => (
            "이 수출물품에 대해 관세환급을 받았습니다. 받은 환급금을 반납하거나 환급받을 권리를 가진 자가 서면으로 포기하기 전에는 재수입면세를 받을 수 없습니다.",
            "A duty drawback was received on these exported goods. Duty-free re-import is not available until the drawback is repaid or the right to it is waived in writing by the person entitled.",
        ),
        DrawbackStatus::Repaid => (
            "이 수출물품에 대해 받은 관세환급금을 모두 반납했습니다. 반납 영수증을 첨부합니다.",
            "The duty drawback received on these exported goods has been repaid in full; the repayment receipt is attached.",
        ),
        DrawbackStatus::WaivedInWriting => (
            "환급받을 권리를 가진 자가 이 수출물품의 관세환급 권리를 서면으로 포기했습니다. 포기서를 첨부합니다.",
            "The person entitled has waived in writing the right to a duty drawback on these exported goods; the waiver is attached.",
        ),
    }
}

pub(crate) fn claim_doc(c: &ReimportClaim<'_>) -> Doc {
    let (d, r, v) = (c.declaration, c.ret, c.verdict);
    let decl_no = declaration_no(d);
    let footer = format!(
        "생성일 Generated {} · 반품 Return #{} · 수출신고 {} · 자가 점검 자료 / Self-check · ExportDesk",
        c.today, r.id, decl_no
    );
    let mut doc = Doc::new(
        "재수입 면세 신청 자료",
        "Duty-free re-import claim",
        &footer,
    );
    doc.notice(SELF_CHECK_KO, SELF_CHECK_EN, Tone::Warn);

    // ---- at a glance ---------------------------------------------------------------------------
    let (ok, oe, otone) = outcome_label(v.outcome);
    let units: Decimal = r.lines.iter().map(|l| l.quantity).sum();
    let window_tone = match v.window_last_day {
        Some(last) if r.return_date > last => Tone::Bad,
        Some(_) => Tone::Info,
        None => Tone::Warn,
    };
    doc.stats(&[
        Stat::new("판정", &format!("Verdict: {oe}"), ok, otone),
        Stat::new(
            "재수입 기간 마지막 날",
            "Window's last day",
            v.window_last_day.map_or("—".to_string(), |x| x.to_string()),
            window_tone,
        ),
        Stat::new(
            "반품 란 · 수량",
            "Lines · units returned",
            format!("{} · {}", r.lines.len(), number(units)),
            Tone::Neutral,
        ),
        Stat::new(
            "신청 상태",
            &format!("Claim: {}", r.claim_state.label_en()),
            r.claim_state.label_ko(),
            claim_tone(r.claim_state),
        ),
    ]);

    applicant(&mut doc, c);
    export_declaration(&mut doc, d, &decl_no);
    returned_lines(&mut doc, c);
    the_return(&mut doc, c);
    statements(&mut doc, c);
    verdict(&mut doc, c);
    relief(&mut doc, c);
    claim_state(&mut doc, c);
    evidence(&mut doc, c, &decl_no);
    rules(&mut doc, c);

    doc.notice(SELF_CHECK_KO, SELF_CHECK_EN, Tone::Warn);
    let (name, rep) = match c.seller {
        Some(s) => {
            let en = s.name_en.trim();
            let name = if en.is_empty() || en == s.name.trim() {
                s.name.trim().to_string()
            } else {
                format!("{} · {en}", s.name.trim())
            };
            (name, s.representative.trim().to_string())
        }
        None => (String::new(), String::new()),
    };
    doc.signature(
        "위 내용이 사실이며, 반품 물품이 수출신고한 물품과 같고 위에 적은 상태로 돌아왔음을 확인합니다. \
         The above is true; the returned goods are the goods on the export declaration and came back in the condition stated.",
        &if name.is_empty() {
            "신청인 / Applicant".to_string()
        } else {
            format!("신청인 Applicant: {name}")
        },
        "신청인 서명 / Applicant's signature",
        &format!(
            "성명 Name: {} · 일자 Date: {}",
            if rep.is_empty() { "____________" } else { &rep },
            c.today
        ),
    );
    doc
}

fn applicant(doc: &mut Doc, c: &ReimportClaim<'_>) {
    doc.heading("신청인 (수출화주)", "Applicant (the exporter)");
    let Some(s) = c.seller else {
        doc.ruled_box(
            "신청인 상호·대표자·사업자등록번호·통관고유부호·주소",
            "Name, representative, business no., customs code, address",
            None,
            4,
        );
        return;
    };
    let mut fields = vec![
        Field::new("상호", "Name", s.name.trim()).note(s.name_en.trim()),
        Field::new("대표자", "Representative", s.representative.trim()),
        Field::new("사업자등록번호", "Business no.", s.business_no.to_string()),
    ];
    fields.push(match &s.customs_code {
        Some(code) => Field::new("통관고유부호", "Customs code", code.to_string()),
        None => Field::new("통관고유부호", "Customs code", "")
            .note("아직 없음: 수입신고에 필요합니다 / none yet: the import declaration needs one")
            .tone(Tone::Warn),
    });
    fields.push(
        Field::new("주소", "Address", s.address.trim())
            .note(s.address_en.trim())
            .wide(),
    );
    let contact: Vec<&str> = [s.phone.trim(), s.email.trim()]
        .into_iter()
        .filter(|x| !x.is_empty())
        .collect();
    if !contact.is_empty() {
        fields.push(Field::new("연락처", "Contact", contact.join(" · ")).wide());
    }
    doc.glossed_fields(&fields);
}

fn export_declaration(doc: &mut Doc, d: &Declaration, decl_no: &str) {
    doc.heading_tagged(
        "원래 수출신고",
        "Original export declaration",
        &format!("{} / {}", d.state.label_ko(), d.state.label_en()),
        match d.state {
            exportdesk_rules::declaration::DeclarationState::Loaded
            | exportdesk_rules::declaration::DeclarationState::Accepted => Tone::Good,
            exportdesk_rules::declaration::DeclarationState::Cancelled => Tone::Bad,
            _ => Tone::Warn,
        },
    );
    let buyer = if d.buyer_country.trim().is_empty() {
        or_dash(&d.buyer_name)
    } else {
        format!("{} ({})", or_dash(&d.buyer_name), d.buyer_country.trim())
    };
    let orders = d.order_numbers.join(", ");
    doc.glossed_fields(&[
        Field::new("수출신고번호", "Export declaration no.", decl_no)
            .tone(Tone::Info)
            .note("수입신고서에 이 번호를 적습니다 / cite it on the import declaration"),
        Field::new("신고일", "Declared on", day(d.declared_on)),
        Field::new("수리일", "Accepted on", day_or_dash(d.accepted_on))
            .note("재수입 기간은 이날부터 셉니다 / the window counts from this day"),
        Field::new("적재일", "Loaded on", day_or_dash(d.loaded_on)),
        Field::new("구매자", "Buyer", buyer),
        Field::new("목적국", "Destination", country(&d.destination_country)),
        Field::new("주문번호", "Orders", or_dash(&orders)),
        Field::new(
            "FOB 금액",
            "FOB value",
            format!(
                "{} {} · {}",
                d.currency,
                amount(d.fob_total, d.currency),
                krw(d.fob_krw)
            ),
        )
        .note(format!(
            "{} · 환율 rate {}",
            d.incoterm.code(),
            exportdesk_rules::money::format_rate(d.rate)
        )),
    ]);
}

fn returned_lines(doc: &mut Doc, c: &ReimportClaim<'_>) {
    let (d, r) = (c.declaration, c.ret);
    doc.heading_tagged(
        "반품 물품",
        "Returned goods",
        &format!("{}란 / {} lines", r.lines.len(), r.lines.len()),
        Tone::Info,
    );
    let cols = [
        Column::new("란", "Line", 10.0, Align::Center),
        Column::new("품명", "Description", 55.0, Align::Left),
        Column::new("HS 부호", "HS code", 21.0, Align::Left),
        Column::new("수출 수량", "Exported", 16.0, Align::Right),
        Column::new("반품 수량", "Returned", 18.0, Align::Right),
        Column::new("단위", "Unit", 11.0, Align::Center),
        Column::new("가격 (원)", "Value KRW", 30.0, Align::Right),
        Column::new("관세율", "Duty rate", 19.0, Align::Right),
    ];
    // The verdict's relief lines follow the return's lines; their value is what it used.
    let relief_values: Option<Vec<Decimal>> = c
        .verdict
        .relief
        .as_ref()
        .filter(|x| x.lines.len() == r.lines.len())
        .map(|x| x.lines.iter().map(|l| l.customs_value_krw).collect());
    let mut total = Decimal::ZERO;
    let mut total_known = true;
    let rows: Vec<Row> = r
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let rate = match l.duty_rate_percent {
                Some(p) => Cell::new(format!("{}%", number(p))),
                None => Cell::new("—").gloss("입력 안 함 / not entered"),
            };
            let Some(line) = declared(d, l) else {
                total_known = false;
                return Row::new(vec![
                    Cell::new(l.line_no.to_string()),
                    Cell::badge("신고에 없는 란", Tone::Bad).gloss("not on the declaration"),
                    Cell::new("—"),
                    Cell::new("—"),
                    Cell::new(number(l.quantity)).bold(),
                    Cell::new("—"),
                    Cell::new("—"),
                    rate,
                ])
                .marker(Tone::Bad);
            };
            let mut name = Cell::with_sub(
                or_dash(&line.name_ko),
                [
                    line.name_en.trim(),
                    line.brand.trim(),
                    line.model_spec.trim(),
                ]
                .into_iter()
                .filter(|x| !x.is_empty())
                .collect::<Vec<_>>()
                .join(" · "),
            );
            if line.name_ko.trim().is_empty() && !line.name_en.trim().is_empty() {
                name = Cell::new(line.name_en.trim());
            }
            let hs = match line.hs_code.as_deref().map(str::trim) {
                Some(h) if !h.is_empty() => Cell::new(hs_dotted(h)),
                _ => Cell::new("—").gloss("신고에 없음 / none"),
            };
            let part = if l.quantity < line.quantity {
                ("부분", "partial")
            } else {
                ("전량", "all")
            };
            let share = pro_rata(line, l.quantity);
            let value = relief_values
                .as_ref()
                .and_then(|v| v.get(i).copied())
                .or(share.map(|s| s.0));
            let value_cell = match (value, share) {
                (Some(v), Some((_, fx))) => {
                    total += v;
                    Cell::new(krw(v)).gloss(format!("{} {}", d.currency, amount(fx, d.currency)))
                }
                (Some(v), None) => {
                    total += v;
                    Cell::new(krw(v))
                }
                (None, _) => {
                    total_known = false;
                    Cell::new("—")
                }
            };
            Row::new(vec![
                Cell::new(l.line_no.to_string()),
                name,
                hs,
                Cell::new(number(line.quantity)),
                Cell::new(number(l.quantity))
                    .bold()
                    .gloss(format!("{} / {}", part.0, part.1)),
                Cell::new(or_dash(&line.unit)),
                value_cell,
                rate,
            ])
        })
        .collect();
    doc.table_rows(&cols, &rows);
    let units: Decimal = r.lines.iter().map(|l| l.quantity).sum();
    doc.totals(&[
        ("반품 수량 합계 Units returned".to_string(), number(units)),
        (
            "반품 가격 합계 Value returned".to_string(),
            if total_known {
                krw(total)
            } else {
                format!("{} + ?", krw(total))
            },
        ),
    ]);
    doc.note("가격은 수출신고 FOB 원화 금액을 반품 수량 비율로 나눈 값(원 미만 버림)이며, 돌아오는 운임·보험료를 포함하는 수입 과세가격은 세관이 정합니다. \
              The value is the export FOB in won for the units returned, pro rata and rounded down; customs sets the import customs value, which may include the freight and insurance back to Korea.");
}

fn the_return(doc: &mut Doc, c: &ReimportClaim<'_>) {
    let r = c.ret;
    doc.heading("반품 내용", "The return");
    let mut fields = vec![
        Field::new("반품 사유", "Reason", r.reason.label_ko()).note(r.reason.label_en()),
        Field::new(
            "반품일 (국내 도착)",
            "Returned on (back in Korea)",
            day(r.return_date),
        ),
        Field::new("운송사", "Carrier", or_dash(&r.carrier)),
        Field::new("운송장 번호", "Tracking no.", or_dash(&r.tracking_no)),
        Field::new("물품 상태", "Condition", r.condition.label_ko())
            .note(r.condition.label_en())
            .tone(if r.condition == GoodsCondition::UnusedUnaltered {
                Tone::Good
            } else {
                Tone::Bad
            }),
        Field::new("관세환급", "Drawback", r.drawback_status.label_ko())
            .note(r.drawback_status.label_en())
            .tone(if r.drawback_status.allows_relief() {
                Tone::Good
            } else {
                Tone::Bad
            }),
    ];
    if !r.note.trim().is_empty() {
        fields.push(Field::new("메모", "Note", r.note.trim()).wide());
    }
    doc.glossed_fields(&fields);
}

fn statements(doc: &mut Doc, c: &ReimportClaim<'_>) {
    let r = c.ret;
    doc.heading("신청인의 진술", "Statements by the applicant");
    let (ck, ce) = condition_statement(r.condition);
    doc.ruled_box(
        "1. 물품 상태 진술",
        "Statement on the goods' condition",
        Some(&format!("{ck}\n{ce}")),
        0,
    );
    let (dk, de) = drawback_statement(r.drawback_status);
    doc.ruled_box(
        "2. 관세환급 진술",
        &format!(
            "Statement on duty drawback: {}",
            r.drawback_status.label_en()
        ),
        Some(&format!("{dk}\n{de}")),
        0,
    );
}

fn verdict(doc: &mut Doc, c: &ReimportClaim<'_>) {
    let (r, v) = (c.ret, c.verdict);
    let (ok, oe, tone) = outcome_label(v.outcome);
    doc.heading_tagged(
        "재수입면세 판정",
        "Eligibility for duty-free re-import",
        &format!("{ok} / {oe}"),
        tone,
    );
    // The engine's conclusion is its last "결론" step.
    let conclusion = v.steps.iter().rev().find(|s| s.ko.starts_with("결론"));
    match conclusion {
        Some(s) => doc.notice(&s.ko, &s.en, tone),
        None => doc.notice(ok, oe, tone),
    }
    let mut fields = Vec::new();
    if let Some(w) = &v.window {
        let moved = if w.date.raw != w.date.due {
            format!(
                "기간이 끝나는 {}이 쉬는 날이라 미뤄짐 / the period ended on {}, a non-working day",
                day(w.date.raw),
                w.date.raw
            )
        } else {
            String::new()
        };
        fields.push(Field::new(
            "기간 시작 (수리일)",
            "Counted from (acceptance)",
            day(w.from),
        ));
        fields.push(
            Field::new(
                "재수입 기간 마지막 날",
                "Window's last day",
                day(w.date.due),
            )
            .tone(if r.return_date > w.date.due {
                Tone::Bad
            } else {
                Tone::Info
            })
            .note(moved),
        );
    } else {
        fields.push(
            Field::new("재수입 기간 마지막 날", "Window's last day", "")
                .note("수리일을 몰라 계산하지 못했습니다 / unknown without the acceptance date")
                .tone(Tone::Warn),
        );
    }
    fields.push(Field::new("반품일", "Returned on", day(r.return_date)));
    if let Some(last) = v.window_last_day {
        let days = (last - r.return_date).num_days();
        let plural = |n: i64| {
            if n == 1 {
                "1 day".to_string()
            } else {
                format!("{n} days")
            }
        };
        let (text, tone) = if days >= 0 {
            (
                format!("{days}일 남음 / {} to spare", plural(days)),
                Tone::Good,
            )
        } else {
            (
                format!("{}일 늦음 / {} late", -days, plural(-days)),
                Tone::Bad,
            )
        };
        fields.push(Field::new("기간 여유", "Margin", text).tone(tone));
    }
    doc.glossed_fields(&fields);

    let cols = [
        Column::new("결과", "Result", 24.0, Align::Center),
        Column::new(
            "조건 (관세법 제99조)",
            "Condition (Customs Act art. 99)",
            156.0,
            Align::Left,
        ),
    ];
    let rows: Vec<Row> = v
        .checks
        .iter()
        .map(|ch| {
            let (k, e, t) = check_label(ch.status);
            Row::new(vec![
                Cell::badge(k, t).gloss(e),
                Cell::with_sub(&ch.label_ko, &ch.label_en),
            ])
            .marker(t)
        })
        .collect();
    doc.table_rows(&cols, &rows);

    if !v.not_met.is_empty() {
        doc.heading_tagged(
            "충족하지 못한 조건",
            "Conditions not met",
            &format!("{}개 / {}", v.not_met.len(), v.not_met.len()),
            Tone::Bad,
        );
        let items: Vec<(String, String)> = v
            .not_met
            .iter()
            .map(|p| (p.message_ko.clone(), p.message_en.clone()))
            .collect();
        doc.bullets(&items);
    }
    if !v.missing.is_empty() {
        doc.heading_tagged(
            "빠진 정보 점검표",
            "Missing information checklist",
            &format!("{}개 / {}", v.missing.len(), v.missing.len()),
            Tone::Warn,
        );
        let cols = [
            Column::new("완료", "Done", 12.0, Align::Center),
            Column::new("채울 정보", "What to enter or check", 168.0, Align::Left),
        ];
        let rows: Vec<Row> = v
            .missing
            .iter()
            .map(|m| {
                Row::new(vec![
                    Cell::new(BOX).bold(),
                    Cell::with_sub(&m.message_ko, &m.message_en),
                ])
                .marker(Tone::Warn)
            })
            .collect();
        doc.table_rows(&cols, &rows);
    }

    // The reasoning, without what has its own block (not met, missing, conclusion, simple list).
    let shown_elsewhere = |s: &exportdesk_rules::deadline::Step| {
        s.ko.starts_with("결론")
            || v.simple_list_note.as_ref() == Some(s)
            || v.not_met
                .iter()
                .chain(&v.missing)
                .any(|p| p.message_ko == s.ko)
    };
    let steps: Vec<(String, String)> = v
        .steps
        .iter()
        .filter(|s| !shown_elsewhere(s))
        .map(|s| (s.ko.clone(), s.en.clone()))
        .collect();
    if !steps.is_empty() {
        doc.heading("판정 과정", "How the check went");
        doc.steps(&steps);
    }
    if let Some(note) = &v.simple_list_note {
        doc.heading(
            "소액 반품: 증빙서류 없는 수입신고",
            "Small return: import declaration without documents",
        );
        doc.notice(&note.ko, &note.en, Tone::Info);
    }
}

fn relief(doc: &mut Doc, c: &ReimportClaim<'_>) {
    let v = c.verdict;
    doc.heading_tagged(
        "면제되는 세액 추정",
        "Relief estimate",
        "추정 / estimate",
        Tone::Warn,
    );
    let Some(e) = &v.relief else {
        let (ko, en) = if v.outcome == ReimportOutcome::NotEligible {
            (
                "충족하지 못한 조건이 있어 면제 세액을 추정하지 않았습니다.",
                "No relief is estimated: a condition is not met.",
            )
        } else {
            (
                "품목마다 관세율(%)을 입력하면 면제되는 관세를 추정합니다. 관세율은 관세율표에서 확인하세요.",
                "Enter each line's duty rate (%) to estimate the duty relieved; look the rate up in the tariff.",
            )
        };
        doc.note(&format!("{ko} {en}"));
        return;
    };
    doc.glossed_fields(&[
        Field::new("과세가격 합계", "Customs value", krw(e.total_customs_value_krw))
            .note("수출 FOB 비례 값 / pro rata export FOB"),
        Field::new("면제되는 관세 (추정)", "Duty relieved (estimate)", krw(e.duty_relief_krw))
            .tone(Tone::Good),
        Field::new(
            "부가가치세 (추정, 확인 필요)",
            "VAT (estimate, to confirm)",
            krw(e.vat_krw),
        )
        .tone(Tone::Warn)
        .note(format!(
            "세율 {}% · 면제 여부는 세관 확인 / rate {}% · whether it is payable: confirm with customs",
            number(e.vat_rate_percent),
            number(e.vat_rate_percent)
        ))
        .wide(),
    ]);
    if e.lines.len() == c.ret.lines.len() && !e.lines.is_empty() {
        let cols = [
            Column::new("란", "Line", 14.0, Align::Center),
            Column::new("과세가격", "Customs value", 36.0, Align::Right),
            Column::new("관세율", "Duty rate", 22.0, Align::Right),
            Column::new("관세 (추정)", "Duty (estimate)", 36.0, Align::Right),
            Column::new("부가세 기준", "VAT base", 36.0, Align::Right),
            Column::new("부가세 (확인 필요)", "VAT (to confirm)", 36.0, Align::Right),
        ];
        let rows: Vec<Row> = e
            .lines
            .iter()
            .zip(&c.ret.lines)
            .map(|(x, l)| {
                Row::new(vec![
                    Cell::new(l.line_no.to_string()),
                    Cell::new(krw(x.customs_value_krw)),
                    Cell::new(format!("{}%", number(x.duty_rate_percent))),
                    Cell::new(krw(x.duty_krw)).bold(),
                    Cell::new(krw(x.vat_base_krw)),
                    Cell::new(krw(x.vat_krw)),
                ])
            })
            .collect();
        doc.table_rows(&cols, &rows);
    }
    let steps: Vec<(String, String)> = e
        .steps
        .iter()
        .map(|s| (s.ko.clone(), s.en.clone()))
        .collect();
    doc.bullets(&steps);
}

fn claim_state(doc: &mut Doc, c: &ReimportClaim<'_>) {
    let r = c.ret;
    let tone = claim_tone(r.claim_state);
    doc.heading_tagged(
        "신청 상태",
        "Claim status",
        &format!(
            "{} / {}",
            r.claim_state.label_ko(),
            r.claim_state.label_en()
        ),
        tone,
    );
    let filed = r.claim_state != ClaimState::Draft;
    let import_no = r
        .import_declaration_no
        .as_deref()
        .map(str::trim)
        .filter(|x| !x.is_empty());
    let mut fields = vec![
        Field::new("상태", "State", r.claim_state.label_ko())
            .note(r.claim_state.label_en())
            .tone(tone),
        Field::new("신청일", "Filed on", day_or_dash(r.filed_on)),
        Field::new(
            "수입신고번호",
            "Import declaration no.",
            import_no.unwrap_or_default(),
        )
        .note(match (filed, import_no) {
            (_, Some(_)) => "재수입면세를 신청한 수입신고 / the import declaration the claim is on",
            (true, None) => "기록되지 않음 / not recorded",
            (false, None) => "신청할 때 적으세요 / write it in when filed",
        }),
    ];
    if matches!(r.claim_state, ClaimState::Granted | ClaimState::Denied) {
        fields.push(Field::new(
            "결정일",
            "Decided on",
            day_or_dash(r.decided_on),
        ));
    }
    doc.glossed_fields(&fields);
}

fn evidence(doc: &mut Doc, c: &ReimportClaim<'_>, decl_no: &str) {
    let (d, r) = (c.declaration, c.ret);
    type Item = (String, String, String, String, Option<Tone>);
    let mut items: Vec<Item> = vec![
        (
            "수출신고필증 (수리된 수출신고)".into(),
            "Export declaration acceptance (certificate)".into(),
            format!(
                "신고번호 {decl_no} · 수리일 {}",
                d.accepted_on.map_or("—".to_string(), |x| x.to_string())
            ),
            "number and acceptance date on record; certificate from UNI-PASS or the broker".into(),
            d.accepted_on.is_none().then_some(Tone::Warn),
        ),
        (
            "주문 취소·반품 증빙".into(),
            "Proof of the cancellation or return".into(),
            format!(
                "사유: {} · 구매자 요청, 플랫폼 취소·환불 내역",
                r.reason.label_ko()
            ),
            format!(
                "reason: {}; buyer's request, platform cancellation or refund record",
                r.reason.label_en()
            ),
            None,
        ),
        (
            "변함없는 상태를 보여 주는 사진 또는 검사 메모".into(),
            "Photos or an inspection note of the unchanged state".into(),
            format!("기록된 상태: {}", r.condition.label_ko()),
            format!("condition on record: {}", r.condition.label_en()),
            (r.condition != GoodsCondition::UnusedUnaltered).then_some(Tone::Bad),
        ),
    ];
    items.push(match r.drawback_status {
        DrawbackStatus::NoneClaimed => (
            "관세환급 미수령 확인서 (세관이 요구하면)".into(),
            "Drawback non-receipt confirmation (if customs asks)".into(),
            "관세환급을 받지 않음".into(),
            "no drawback claimed".into(),
            None,
        ),
        DrawbackStatus::Received => (
            "환급금 반납 영수증 또는 환급 권리 포기서".into(),
            "Drawback repayment receipt or written waiver".into(),
            "아직 없음: 반납·포기 전에는 면세 불가".into(),
            "not yet: no relief until repaid or waived".into(),
            Some(Tone::Bad),
        ),
        DrawbackStatus::Repaid => (
            "관세환급금 반납 영수증".into(),
            "Drawback repayment receipt".into(),
            "반납함".into(),
            "drawback repaid".into(),
            None,
        ),
        DrawbackStatus::WaivedInWriting => (
            "관세환급 권리 포기서".into(),
            "Written waiver of the drawback right".into(),
            "서면으로 포기함".into(),
            "right waived in writing".into(),
            None,
        ),
    });
    let transport = match (r.carrier.trim(), r.tracking_no.trim()) {
        ("", "") => None,
        (c, "") => Some(c.to_string()),
        ("", t) => Some(t.to_string()),
        (c, t) => Some(format!("{c} {t}")),
    };
    items.push((
        "운송 서류 (반송 운송장, B/L 또는 AWB)".into(),
        "Transport documents (return waybill, B/L or AWB)".into(),
        transport
            .clone()
            .unwrap_or_else(|| "운송장 번호가 기록되지 않음".to_string()),
        if transport.is_some() {
            "on record".into()
        } else {
            "no tracking number on record".into()
        },
        transport.is_none().then_some(Tone::Warn),
    ));
    doc.heading_tagged(
        "증빙 서류 점검표",
        "Evidence checklist",
        &format!("{}건 / {}", items.len(), items.len()),
        Tone::Info,
    );
    let cols = [
        Column::new("준비", "Ready", 13.0, Align::Center),
        Column::new("서류", "Document", 80.0, Align::Left),
        Column::new(
            "앱에 기록된 내용",
            "On record in the app",
            71.0,
            Align::Left,
        ),
        Column::new("첨부", "Attached", 16.0, Align::Center),
    ];
    let rows: Vec<Row> = items
        .into_iter()
        .map(|(ko, en, rk, re, tone)| {
            let row = Row::new(vec![
                Cell::new(BOX).bold(),
                Cell::with_sub(ko, en),
                Cell::with_sub(rk, re),
                Cell::new(BOX).bold(),
            ]);
            match tone {
                Some(t) => row.marker(t),
                None => row,
            }
        })
        .collect();
    doc.table_rows(&cols, &rows);
    doc.note("준비한 서류와 신청서에 첨부한 서류에 표시하세요. 왼쪽의 빨간 표시는 면세를 막는 항목, 노란 표시는 기록이 빠진 항목입니다. \
              Tick what is ready and what is attached to the claim. A red mark on the left blocks the relief; a yellow one lacks a record.");
}

fn rules(doc: &mut Doc, c: &ReimportClaim<'_>) {
    let rules = unique_rules(&c.verdict.rules);
    if rules.is_empty() {
        return;
    }
    doc.heading("적용한 규정 값", "Rule values used");
    let cols = [
        Column::new("항목", "Item", 46.0, Align::Left),
        Column::new("값", "Value", 30.0, Align::Left),
        Column::new("시행일", "Effective", 20.0, Align::Left),
        Column::new("출처", "Source", 62.0, Align::Left),
        Column::new("확인", "Status", 22.0, Align::Center),
    ];
    let rows: Vec<Row> = rules
        .iter()
        .map(|r| {
            Row::new(vec![
                Cell::with_sub(&r.title_ko, &r.title_en),
                Cell::new(rule_text(r)),
                Cell::new(r.effective_from.to_string()),
                Cell::new(&r.source),
                if r.verified {
                    Cell::badge("확인됨", Tone::Good).gloss("verified")
                } else {
                    Cell::badge("확인 필요", Tone::Warn).gloss("to confirm")
                },
            ])
        })
        .collect();
    doc.table_rows(&cols, &rows);
}

/// A rule value in words; the text module knows won, days, years and percent, this adds dollars.
fn rule_text(r: &exportdesk_rules::deadline::RuleUsed) -> String {
    match r.value.parse::<Decimal>() {
        Ok(v) if r.key.ends_with("_usd") => format!("USD {}", number(v)),
        _ => rule_value(r),
    }
}
