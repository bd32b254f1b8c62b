//! The origin determination worksheet (원산지 판정 워크시트): everything the check looked at and
//! concluded for one product under one FTA, laid out to be kept with the origin evidence.

use super::{
    certification_label, exporter_name, notice_texts, outcome_label, price, product_hs,
    verdict_label, OriginWorksheet,
};
use crate::layout::{Align, Cell, Column, Doc, Field, Row, Stat, Tone};
use crate::text::{day, number};
use exportdesk_rules::origin::{MaterialStatus, OriginVerdict, Verdict};
use rust_decimal::Decimal;

/// An empty checkbox to tick by hand.
pub(super) const BOX: &str = "□";

/// Render the origin determination worksheet.
pub fn origin_worksheet_pdf(w: &OriginWorksheet<'_>) -> Vec<u8> {
    worksheet_doc(w).finish()
}

/// The price the percentages are shares of: the FTA's value basis (ex-works unless it says FOB),
/// falling back to the other price when that one is unknown.
fn share_basis(v: &OriginVerdict) -> Option<(Decimal, &'static str)> {
    let fob_basis = v
        .fta
        .facts
        .iter()
        .any(|f| f.key.ends_with(".value_basis") && f.value.trim().eq_ignore_ascii_case("FOB"));
    let exw = v.ex_works_price.filter(|p| *p > Decimal::ZERO);
    let fob = v.fob_price.filter(|p| *p > Decimal::ZERO);
    if fob_basis {
        fob.map(|p| (p, "FOB")).or(exw.map(|p| (p, "EXW")))
    } else {
        exw.map(|p| (p, "EXW")).or(fob.map(|p| (p, "FOB")))
    }
}

fn percent(value: Decimal, of: Decimal) -> String {
    let p = (value * Decimal::from(100) / of).round_dp(1);
    format!("{}%", number(p))
}

pub(crate) fn worksheet_doc(w: &OriginWorksheet<'_>) -> Doc {
    let v = w.verdict;
    let p = w.product;
    let footer = format!(
        "생성일 Generated {} · {} · 자가 판정 워크시트 / Self-assessment worksheet · ExportDesk",
        w.today,
        p.sku.trim()
    );
    let mut doc = Doc::new(
        "원산지 판정 워크시트",
        "Origin determination worksheet",
        &footer,
    );
    let (notice_ko, notice_en) = notice_texts(v);
    doc.notice(&notice_ko, &notice_en, Tone::Warn);

    // ---- verdict ------------------------------------------------------------------------------
    let (vk, ve, tone) = verdict_label(v.verdict);
    let non_originating = v
        .materials
        .iter()
        .filter(|m| m.status != MaterialStatus::Originating)
        .count();
    doc.stats(&[
        Stat::new("판정", ve, vk, tone),
        Stat::new("협정", "FTA", v.fta.code.clone(), Tone::Info),
        Stat::new(
            "재료 (비원산지)",
            "Materials (non-originating)",
            format!("{} ({non_originating})", v.materials.len()),
            Tone::Neutral,
        ),
        if v.missing.0.is_empty() {
            Stat::new("빠진 자료", "Missing data", "없음 / none", Tone::Good)
        } else {
            Stat::new(
                "빠진 자료",
                "Missing data",
                v.missing.0.len().to_string(),
                Tone::Warn,
            )
        },
    ]);
    doc.heading_tagged("판정", "Verdict", &format!("{vk} / {ve}"), tone);
    doc.notice(
        &format!("{vk}: {}", v.headline_ko),
        &format!("{ve}: {}", v.headline_en),
        tone,
    );

    // ---- product and FTA ---------------------------------------------------------------------
    doc.heading("제품 · 협정", "Product and FTA");
    let mut fields = vec![
        Field::new("상품코드", "SKU", p.sku.trim()),
        Field::new("HS 부호", "HS code", product_hs(w))
            .note(format!("판정에 쓴 HS / HS checked: {}", v.product_hs)),
        Field::new("한글 품명", "Name (Korean)", p.name_ko.trim()),
        Field::new("영문 품명", "Name (English)", p.name_en.trim()),
        Field::new("협정", "FTA", format!("{} ({})", v.fta.name_ko, v.fta.code))
            .note(&v.fta.name_en),
        Field::new("판정 기준일", "Checked for", day(v.date)).note(
            "이 날짜의 규정과 증빙으로 판정했습니다 / rules and evidence in force on this date",
        ),
        Field::new(
            "공장도가격 (EXW)",
            "Ex-works price",
            price(v.ex_works_price, &v.currency),
        )
        .note("제품 1개당 / per unit"),
        Field::new(
            "본선인도가격 (FOB)",
            "FOB price",
            price(v.fob_price, &v.currency),
        )
        .note("제품 1개당 / per unit"),
    ];
    if let Some(s) = w.seller {
        fields.push(
            Field::new(
                "수출자",
                "Exporter",
                format!("{} · {}", s.name.trim(), exporter_name(s)),
            )
            .note(format!("사업자등록번호 / Business no. {}", s.business_no)),
        );
    }
    doc.glossed_fields(&fields);

    // ---- rule ----------------------------------------------------------------------------------
    match &v.rule {
        Some(r) => {
            let (tag, tone) = match (r.own_rule, r.verified) {
                (true, _) => ("내 규칙 / own rule", Tone::Warn),
                (false, true) => ("확인됨 / verified", Tone::Good),
                (false, false) => ("확인 필요 / to confirm", Tone::Warn),
            };
            doc.heading_tagged("적용한 원산지 기준", "Rule of origin applied", tag, tone);
            let mut f = vec![
                Field::new("기준", "Rule", r.text.clone()).tone(Tone::Info).wide(),
                Field::new("적용 범위 (HS)", "HS scope", r.scope.clone()),
                Field::new(
                    "시행일",
                    "Effective from",
                    r.effective_from.map_or("—".to_string(), |d| d.to_string()),
                ),
                Field::new("출처", "Source", r.source.clone())
                    .note(if r.own_rule {
                        "사용자가 입력한 규칙입니다. 협정문과 대조하세요 / entered by the user; check it against the agreement"
                    } else if r.verified {
                        "출처 확인됨 / source verified"
                    } else {
                        "출처 확인 필요 / source to confirm"
                    })
                    .wide(),
            ];
            if let Some(note) = r.note.as_deref().filter(|n| !n.trim().is_empty()) {
                f.push(Field::new("비고", "Note", note).wide());
            }
            doc.glossed_fields(&f);
            doc.note("기준의 부호: WO 완전생산, CC 류 변경, CTH 호 변경, CTSH 소호 변경, RVC 역내가치비율, MaxNOM 비원산지 재료 가액 한도. \
                      Terms: WO wholly obtained, CC change of chapter, CTH change of heading, CTSH change of subheading, RVC regional value content, MaxNOM maximum value of non-originating materials.");
        }
        None => {
            doc.heading_tagged(
                "적용한 원산지 기준",
                "Rule of origin applied",
                "없음 / none",
                Tone::Bad,
            );
            doc.notice(
                "이 제품에 대한 품목별 원산지기준이 앱에 없습니다. 협정문에서 찾아 '내 규칙'으로 추가하세요.",
                "The app has no product-specific rule for this product under this FTA. Look it up in the agreement and add it as your own rule.",
                Tone::Bad,
            );
        }
    }

    // ---- bill of materials -------------------------------------------------------------------
    bom(&mut doc, v);

    // ---- computations ------------------------------------------------------------------------
    if !v.computations.is_empty() {
        doc.heading("계산", "Computations");
        let cols = [
            Column::new("무엇", "What", 68.0, Align::Left),
            Column::new("식과 숫자", "Formula with the numbers", 86.0, Align::Left),
            Column::new("결과", "Result", 26.0, Align::Center),
        ];
        let rows: Vec<Row> = v
            .computations
            .iter()
            .map(|c| {
                let (k, e, tone) = outcome_label(c.outcome);
                Row::new(vec![
                    Cell::with_sub(&c.label_ko, &c.label_en),
                    Cell::new(&c.formula).bold(),
                    Cell::badge(k, tone).gloss(e),
                ])
                .marker(tone)
            })
            .collect();
        doc.table_rows(&cols, &rows);
    }

    // ---- alternatives ------------------------------------------------------------------------
    if !v.alternatives.is_empty() {
        doc.heading(
            "대안별 판정",
            "Each alternative of the rule (one passing is enough)",
        );
        for (i, a) in v.alternatives.iter().enumerate() {
            let (k, e, tone) = outcome_label(a.outcome);
            doc.heading_tagged(
                &format!("대안 {}", i + 1),
                &format!("Alternative {}: {}", i + 1, a.text),
                &format!("{k} / {e}"),
                tone,
            );
            let steps: Vec<(String, String)> = a
                .steps
                .iter()
                .map(|s| (s.ko.clone(), s.en.clone()))
                .collect();
            doc.steps(&steps);
        }
    }
    // The rest of the reasoning (materials counted, minimal operations, the conclusion).
    // Steps that only repeat the rule block above are left out.
    let in_alternatives = |s: &exportdesk_rules::deadline::Step| {
        v.alternatives.iter().any(|a| a.steps.contains(s))
            || v.rule.as_ref().is_some_and(|r| {
                s.en.contains(&r.source)
                    || r.note
                        .as_deref()
                        .is_some_and(|n| !n.is_empty() && s.en.contains(n))
            })
    };
    let general: Vec<(String, String)> = v
        .steps
        .iter()
        .filter(|s| !in_alternatives(s) && !s.en.starts_with("Alternative "))
        .map(|s| (s.ko.clone(), s.en.clone()))
        .collect();
    if !general.is_empty() {
        doc.heading("판정 과정 요약", "How the check went");
        doc.bullets(&general);
    }

    // ---- to pass -----------------------------------------------------------------------------
    if !v.suggestions.is_empty() {
        doc.heading_tagged(
            "통과하려면",
            "To pass",
            &format!("{}개 / {}", v.suggestions.len(), v.suggestions.len()),
            if v.verdict == Verdict::Originating {
                Tone::Info
            } else {
                Tone::Warn
            },
        );
        let s: Vec<(String, String)> = v
            .suggestions
            .iter()
            .map(|s| (s.ko.clone(), s.en.clone()))
            .collect();
        doc.steps(&s);
    }

    // ---- missing data --------------------------------------------------------------------------
    if v.missing.0.is_empty() {
        doc.heading("빠진 자료", "Missing data");
        doc.notice(
            "판정에 필요한 자료가 모두 있습니다.",
            "All the data the check needs is there.",
            Tone::Good,
        );
    } else {
        doc.heading_tagged(
            "빠진 자료 점검표",
            "Missing data checklist",
            &format!("{}개 / {}", v.missing.0.len(), v.missing.0.len()),
            Tone::Warn,
        );
        let cols = [
            Column::new("완료", "Done", 12.0, Align::Center),
            Column::new("채울 자료", "What to enter", 168.0, Align::Left),
        ];
        let rows: Vec<Row> = v
            .missing
            .0
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

    // ---- evidence ------------------------------------------------------------------------------
    evidence(&mut doc, v);

    // ---- proof under this FTA ------------------------------------------------------------------
    proof(&mut doc, v);

    doc.notice(&notice_ko, &notice_en, Tone::Warn);
    doc.signature(
        "위 재료 명세와 가격이 사실이며 증빙을 보관하고 있음을 확인합니다. \
         The bill of materials and the prices above are true, and the evidence is kept on file.",
        &match w.seller {
            Some(s) => format!("{} · {}", s.name.trim(), exporter_name(s)),
            None => String::new(),
        },
        "검토자 서명 / Checked by",
        "성명 Name · 일자 Date",
    );
    doc
}

fn bom(doc: &mut Doc, v: &OriginVerdict) {
    let basis = share_basis(v);
    let share_head = basis.map_or("Share".to_string(), |(_, b)| format!("% of {b}"));
    doc.heading_tagged(
        "재료 명세 (BOM)",
        "Bill of materials, per unit",
        &format!("{}개 / {}", v.materials.len(), v.materials.len()),
        Tone::Info,
    );
    if v.materials.is_empty() {
        doc.note("재료가 입력되지 않았습니다. No materials were entered.");
        return;
    }
    let cols = [
        Column::new("번호", "No.", 9.0, Align::Center),
        Column::new("재료 · 공급자", "Material · supplier", 41.0, Align::Left),
        Column::new("HS", "HS", 16.0, Align::Left),
        Column::new("원산지 판단", "Origin as counted", 40.0, Align::Left),
        Column::new("수량", "Qty", 12.0, Align::Right),
        Column::new("금액", &format!("Value {}", v.currency), 22.0, Align::Right),
        Column::new("비율", &share_head, 16.0, Align::Right),
        Column::new("기준 위반", "Breaks rule", 24.0, Align::Center),
    ];
    let rows: Vec<Row> = v
        .materials
        .iter()
        .map(|m| {
            let breaking = v.breaking_materials.iter().find(|b| b.index == m.index);
            let status_tone = match m.status {
                MaterialStatus::Originating => Tone::Good,
                MaterialStatus::NonOriginating => Tone::Neutral,
                MaterialStatus::ExpiredDeclaration | MaterialStatus::Unknown => Tone::Warn,
            };
            let hs = if m.hs_code.trim().is_empty() {
                Cell::badge("입력 필요", Tone::Warn).gloss("missing")
            } else {
                Cell::new(m.hs_code.trim())
            };
            let mut row = Row::new(vec![
                Cell::new((m.index + 1).to_string()),
                Cell::with_sub(m.description.trim(), m.supplier.trim()),
                hs,
                Cell::with_sub(&m.status_ko, &m.status_en),
                Cell::new(number(m.quantity)),
                Cell::new(price(Some(m.value), &v.currency)).gloss(if m.quantity != Decimal::ONE {
                    format!("@ {}", number(m.unit_value))
                } else {
                    String::new()
                }),
                Cell::new(basis.map_or("—".to_string(), |(b, _)| percent(m.value, b))),
                match breaking {
                    Some(_) => Cell::badge("위반", Tone::Bad).gloss("breaks"),
                    None => Cell::new("—"),
                },
            ]);
            if let Some(b) = breaking {
                row = row
                    .detail(Cell::with_sub(&b.reason_ko, &b.reason_en))
                    .marker(Tone::Bad);
            } else if status_tone == Tone::Warn {
                row = row.marker(Tone::Warn);
            }
            row
        })
        .collect();
    doc.table_rows(&cols, &rows);
    let total: Decimal = v.materials.iter().map(|m| m.value).sum();
    let non: Decimal = v
        .materials
        .iter()
        .filter(|m| m.status != MaterialStatus::Originating)
        .map(|m| m.value)
        .sum();
    let with_share = |x: Decimal| match basis {
        Some((b, name)) => format!("{} ({} {name})", price(Some(x), &v.currency), percent(x, b)),
        None => price(Some(x), &v.currency),
    };
    doc.totals(&[
        ("재료 합계 All materials".to_string(), with_share(total)),
        (
            "원산지 재료 Originating".to_string(),
            with_share(total - non),
        ),
        (
            "비원산지 재료 Non-originating (unknown, expired included)".to_string(),
            with_share(non),
        ),
    ]);
    doc.note("왼쪽의 빨간 표시는 기준을 깨는 재료(이유는 그 줄 아래), 노란 표시는 원산지를 모르거나 증빙이 만료된 재료입니다. 금액은 제품 1개당입니다. \
              A red mark on the left is a material that breaks the rule (why, under its line); a yellow one a material of unknown origin or with expired evidence. Values are per unit of the product.");
}

fn evidence(doc: &mut Doc, v: &OriginVerdict) {
    if v.evidence.is_empty() {
        doc.heading("증빙", "Evidence");
        doc.note("원산지 재료로 센 재료가 없어 첨부할 공급자 원산지확인서가 없습니다. 그래도 재료 명세·원가 자료·제조 공정 자료는 보관하세요. \
                  No material was counted as originating, so there is no supplier declaration to attach; keep the bill of materials, cost records and process records anyway.");
        return;
    }
    doc.heading_tagged(
        "증빙 (공급자 원산지확인서 등)",
        "Evidence (supplier declarations)",
        &format!("{}건 / {}", v.evidence.len(), v.evidence.len()),
        Tone::Info,
    );
    let cols = [
        Column::new("재료", "Material", 40.0, Align::Left),
        Column::new("공급자", "Supplier", 30.0, Align::Left),
        Column::new("증빙", "Evidence", 42.0, Align::Left),
        Column::new("유효기간", "Valid until", 28.0, Align::Left),
        Column::new("첨부", "Attached", 20.0, Align::Center),
        Column::new("보관", "Kept", 20.0, Align::Center),
    ];
    let rows: Vec<Row> = v
        .evidence
        .iter()
        .map(|e| {
            let valid = match (e.valid_until, e.valid_on_date) {
                (Some(d), true) => Cell::new(d.to_string()).tagged("유효 valid", Tone::Good),
                (Some(d), false) => Cell::new(d.to_string()).tagged("만료 expired", Tone::Bad),
                (None, true) => Cell::new("기한 없음").gloss("no end date"),
                (None, false) => Cell::badge("만료 expired", Tone::Bad),
            };
            let row = Row::new(vec![
                Cell::new(format!("{}. {}", e.index + 1, e.material.trim())),
                Cell::new(e.supplier.trim()),
                Cell::new(e.evidence.trim()),
                valid,
                Cell::new(BOX).bold(),
                Cell::new(BOX).bold(),
            ]);
            if e.valid_on_date {
                row
            } else {
                row.marker(Tone::Bad)
            }
        })
        .collect();
    doc.table_rows(&cols, &rows);
    doc.note(&format!(
        "판정 기준일({})을 포함하는 증빙만 원산지 재료로 셉니다. 첨부·보관한 칸에 표시하세요. \
         Only evidence covering the check date ({}) counts; tick what is attached and kept.",
        v.date, v.date
    ));
}

fn proof(doc: &mut Doc, v: &OriginVerdict) {
    let f = &v.fta;
    doc.heading("이 협정의 원산지 증명", "Proof of origin under this FTA");
    let (cert_ko, cert_en) = certification_label(f.certification);
    doc.glossed_fields(&[
        Field::new("증명 방식", "Certification", cert_ko).note(cert_en),
        Field::new(
            "증명서 유효기간",
            "Proof valid for",
            f.certificate_validity_months
                .map_or("—".to_string(), |m| format!("{m}개월 / {m} months")),
        ),
        Field::new(
            "서류 보관기간",
            "Keep records for",
            f.record_retention_years
                .map_or("—".to_string(), |y| format!("{y}년 / {y} years")),
        )
        .note(if f.record_retention_years.is_none() {
            "협정에서 확인하세요 / check the agreement"
        } else {
            ""
        }),
        Field::new(
            "인증수출자 아닌 수출자의 원산지신고",
            "Origin declaration by any exporter",
            f.low_value_declaration_max_eur
                .map_or("해당 없음 / n/a".to_string(), |m| {
                    format!("€{} 이하 / up to €{}", number(m), number(m))
                }),
        ),
        Field::new("해야 할 일", "What to do", &f.proof_ko)
            .note(&f.proof_en)
            .wide(),
    ]);
    if f.facts.is_empty() {
        return;
    }
    let cols = [
        Column::new("항목", "Item", 46.0, Align::Left),
        Column::new("값", "Value", 34.0, Align::Left),
        Column::new("시행일", "Effective", 19.0, Align::Left),
        Column::new("출처", "Source", 61.0, Align::Left),
        Column::new("확인", "Status", 20.0, Align::Center),
    ];
    let rows: Vec<Row> = f
        .facts
        .iter()
        .map(|r| {
            Row::new(vec![
                Cell::with_sub(&r.title_ko, &r.title_en),
                Cell::new(&r.value),
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
    doc.note("협정 값과 출처 / The FTA's values and their sources:");
    doc.table_rows(&cols, &rows);
}
