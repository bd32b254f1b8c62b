//! Declaration worksheet (수출신고 자가점검 워크시트): one export declaration laid out for the
//! seller to check before filing it in UNI-PASS or handing it to a customs broker. Every field has
//! its Korean label and an English gloss; the lines table, the FOB computation, the kind and why,
//! the fields still missing, the deadlines, a penalty estimate, the documents to keep and the rule
//! values used (with source, effective date and whether they are verified) follow.
//!
//! It is a preparation worksheet, not the official declaration, and says so on every page.

use crate::layout::{Align, Cell, Column, Doc, Field, Row, Stat, Tone};
use crate::text::{
    amount, country, day, day_or_dash, hs_dotted, krw, money, number, rule_value, transport_mode,
    unique_rules,
};
use chrono::NaiveDate;
use exportdesk_rules::deadline::{Deadline, PenaltyEstimate, RuleUsed, Step};
use exportdesk_rules::declaration::{
    Declaration, DeclarationKind, DeclarationState, Exporter, FieldIssue, FobValue, KindVerdict,
};
use exportdesk_rules::money::format_rate;
use exportdesk_rules::Problem;

/// Which documents to submit or keep ready (the app's advice for the declaration's date).
#[derive(Debug, Clone, Copy)]
pub struct DocumentsNote<'a> {
    pub platform_based: bool,
    /// Exempt from submitting (platform-based sellers).
    pub exempt: &'a [String],
    pub keep_ready: &'a [String],
    pub verified: bool,
}

/// Everything the worksheet prints, borrowed from the app's declaration view.
#[derive(Debug, Clone, Copy)]
pub struct Worksheet<'a> {
    pub declaration: &'a Declaration,
    pub exporter: &'a Exporter,
    pub fob: &'a FobValue,
    pub kind: &'a KindVerdict,
    pub missing: &'a [FieldIssue],
    pub loading: Option<&'a Deadline>,
    pub final_price: Option<&'a Deadline>,
    pub penalty: Option<&'a PenaltyEstimate>,
    pub documents: DocumentsNote<'a>,
    /// Warnings that do not block (an unusual declaration number).
    pub warnings: &'a [Problem],
    /// 거래구분: the rulebook's e-commerce transaction type for a simplified declaration.
    pub transaction_type: Option<&'a RuleUsed>,
    pub generated_on: NaiveDate,
}

const NOT_OFFICIAL_KO: &str = "이 문서는 신고 전에 자료를 점검하는 준비용 워크시트이며, UNI-PASS에 제출하는 공식 수출신고서가 아닙니다. 신고는 UNI-PASS 또는 관세사를 통해 하세요.";
const NOT_OFFICIAL_EN: &str = "This is a preparation worksheet for checking your data before filing; it is not the official UNI-PASS export declaration. File the declaration in UNI-PASS or through a customs broker.";

fn steps(list: &[Step]) -> Vec<(String, String)> {
    list.iter().map(|s| (s.ko.clone(), s.en.clone())).collect()
}

fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".to_string()
    } else {
        s.trim().to_string()
    }
}

/// A head field that the kind requires and that is empty prints as "비어 있음" in red.
fn head(w: &Worksheet<'_>, key: &str, label_ko: &str, label_en: &str, value: String) -> Field {
    let missing = w.missing.iter().any(|m| m.field == key && m.line.is_none());
    if missing {
        Field::new(label_ko, label_en, "비어 있음 / empty — 입력 필요")
            .tone(Tone::Bad)
            .note(
                w.missing
                    .iter()
                    .find(|m| m.field == key)
                    .map(|m| format!("{} / {}", m.fix_ko, m.fix_en))
                    .unwrap_or_default(),
            )
    } else {
        Field::new(label_ko, label_en, value)
    }
}

/// Render the worksheet.
pub fn declaration_worksheet_pdf(w: &Worksheet<'_>) -> Vec<u8> {
    worksheet_doc(w).finish()
}

/// Lay the worksheet out (tests look at the pages and glyphs before serialising).
pub(crate) fn worksheet_doc(w: &Worksheet<'_>) -> Doc {
    let d = w.declaration;
    let footer = format!(
        "생성일 Generated {} · 준비용 워크시트 — 공식 신고서 아님 / Preparation worksheet, not the official declaration · ExportDesk",
        w.generated_on
    );
    let mut doc = Doc::new(
        "수출신고 자가점검 워크시트",
        "Export declaration self-check worksheet",
        &footer,
    );
    doc.notice(NOT_OFFICIAL_KO, NOT_OFFICIAL_EN, Tone::Warn);

    let decl_no = d
        .declaration_no
        .clone()
        .unwrap_or_else(|| format!("#{} (번호 없음 / no number yet)", d.id));
    let missing_stat = if w.missing.is_empty() {
        Stat::new("필수 항목", "Required fields", "모두 채움", Tone::Good)
    } else {
        Stat::new(
            "빠진 필수 항목",
            "Required fields missing",
            w.missing.len().to_string(),
            Tone::Bad,
        )
    };
    doc.stats(&[
        Stat::new(
            "신고 종류",
            d.kind.label_en(),
            d.kind.label_ko(),
            Tone::Info,
        ),
        Stat::new("FOB 원화", "FOB in won", krw(d.fob_krw), Tone::Neutral),
        Stat::new(
            "상태",
            d.state.label_en(),
            d.state.label_ko(),
            match d.state {
                DeclarationState::Cancelled => Tone::Bad,
                DeclarationState::Loaded => Tone::Good,
                _ => Tone::Neutral,
            },
        ),
        missing_stat,
    ]);

    // ---- the declaration ------------------------------------------------------------------
    doc.heading("신고 정보", "Declaration");
    let warnings: Vec<String> = w
        .warnings
        .iter()
        .map(|p| format!("{} / {}", p.message_ko, p.message_en))
        .collect();
    let transaction = match (d.kind, w.transaction_type) {
        (DeclarationKind::Simplified, Some(rule)) => Field::new(
            "거래구분",
            "Transaction type",
            format!("{} — {}", rule.value, rule.title_ko),
        )
        .note(format!(
            "{} ({})",
            rule.title_en,
            if rule.verified {
                "확인됨 / verified"
            } else {
                "확인 필요 / to confirm"
            }
        )),
        _ => Field::new("거래구분", "Transaction type", "UNI-PASS에서 선택").note(
            "일반 수출신고: 거래 형태에 맞는 코드를 고르세요 / regular declaration: choose the code that fits the transaction",
        ),
    };
    doc.glossed_fields(&[
        Field::new("신고번호", "Declaration no.", decl_no).note(if warnings.is_empty() {
            if d.declaration_no.is_none() {
                "수리되면 수리 통지서의 번호를 기록하세요 / record the number from the acceptance notice".to_string()
            } else {
                String::new()
            }
        } else {
            warnings.join(" ")
        }),
        Field::new(
            "상태",
            "State",
            format!("{} / {}", d.state.label_ko(), d.state.label_en()),
        ),
        Field::new("신고일", "Declaration date", day(d.declared_on))
            .note("이 날짜에 시행 중인 규정으로 판단합니다 / judged by the rules in force on this date"),
        Field::new("신고(제출)일", "Filed on", day_or_dash(d.filed_on)),
        Field::new("수리일", "Accepted on", day_or_dash(d.accepted_on)),
        Field::new("신고 종류", "Kind", d.kind.label_ko()).note(d.kind.label_en()),
        transaction,
        Field::new(
            "목록통관",
            "List clearance",
            if d.list_clearance_possible {
                "가능 / possible"
            } else {
                "해당 없음 / not available"
            },
        ),
        Field::new(
            "위약물품 / 조건부 재수출",
            "Non-conforming / conditional re-export",
            match (d.non_conforming, d.conditional_reexport) {
                (false, false) => "아니오 / no",
                (true, false) => "위약물품 / non-conforming",
                (false, true) => "조건부 재수출 / conditional re-export",
                (true, true) => "둘 다 / both",
            },
        ),
        Field::new("취소", "Cancelled", match d.cancelled_on {
            Some(on) => format!("{} — {}", day(on), d.cancel_reason),
            None => "—".to_string(),
        }),
        head(
            w,
            "order_numbers",
            "주문번호",
            "Order numbers",
            d.order_numbers.join(", "),
        )
        .wide(),
    ]);

    // ---- exporter ---------------------------------------------------------------------------
    doc.heading("수출화주", "Exporter");
    let e = w.exporter;
    doc.glossed_fields(&[
        head(
            w,
            "exporter.name",
            "상호",
            "Exporter name",
            or_dash(&e.name),
        ),
        head(
            w,
            "exporter.business_no",
            "사업자등록번호",
            "Business registration no.",
            or_dash(&e.business_no),
        ),
        head(
            w,
            "exporter.customs_code",
            "통관고유부호",
            "Customs code",
            or_dash(&e.customs_code),
        ),
        head(
            w,
            "exporter.representative",
            "대표자",
            "Representative",
            or_dash(&e.representative),
        ),
        head(
            w,
            "exporter.address",
            "주소",
            "Address",
            or_dash(&e.address),
        )
        .wide(),
    ]);

    // ---- buyer, terms, transport --------------------------------------------------------------
    doc.heading("구매자 · 거래조건 · 운송", "Buyer, terms and transport");
    let (mode_ko, mode_en) = transport_mode(&d.transport_mode);
    let freight_note = match d.freight_source.as_str() {
        "orders" => "주문의 배송비에서 가져옴 / taken from the orders' shipping fees",
        "entered" => "직접 입력 / entered by hand",
        _ => "",
    };
    doc.glossed_fields(&[
        head(
            w,
            "buyer.name",
            "해외구매자",
            "Overseas buyer",
            or_dash(&d.buyer_name),
        ),
        head(
            w,
            "buyer.country",
            "구매자 국가",
            "Buyer country",
            country(&d.buyer_country),
        ),
        head(
            w,
            "destination_country",
            "목적국",
            "Destination",
            country(&d.destination_country),
        ),
        Field::new("인도조건", "Incoterm", d.incoterm.code()).note(
            if d.incoterm.includes_main_carriage() {
                "국제운임 포함 가격 → 운임·보험료를 빼서 FOB로 / price includes main carriage → freight taken out for FOB"
            } else {
                "국제운임 없는 가격 → 그대로 FOB / no main carriage in the price → taken as FOB"
            },
        ),
        Field::new(
            "통화",
            "Currency",
            format!("{} {}", d.currency, d.currency.name_ko()),
        )
        .note(d.currency.name_en()),
        Field::new(
            "과세환율",
            "Customs exchange rate",
            format!("{} 원 / {}", format_rate(d.rate), d.currency),
        )
        .note("신고일이 속한 주(일~토)의 관세청 과세환율 / KCS customs rate of the declaration's week"),
        Field::new(
            "운임·보험료",
            "Freight and insurance",
            money(d.freight_insurance, d.currency),
        )
        .note(freight_note),
        head(
            w,
            "transport_mode",
            "운송수단",
            "Transport mode",
            if d.transport_mode.is_empty() {
                "—".to_string()
            } else {
                format!("{mode_ko} / {mode_en}")
            },
        ),
        head(
            w,
            "loading_port",
            "적재항",
            "Loading port",
            or_dash(&d.loading_port),
        ),
        Field::new("특송업체부호", "Courier code", or_dash(&d.courier_code)),
        Field::new("운송사", "Carrier", or_dash(&d.carrier)),
        Field::new("B/L · AWB", "Bill of lading / air waybill", or_dash(&d.bl_awb)),
    ]);

    // ---- lines ----------------------------------------------------------------------------------
    doc.heading("품목 (란)", "Lines");
    lines_table(&mut doc, w);
    let cur = d.currency;
    let mut totals = vec![(
        "결제금액 합계 Invoice total".to_string(),
        money(d.invoice_total, cur),
    )];
    if !w.fob.deduction.is_zero() || !d.freight_insurance.is_zero() {
        totals.push((
            "운임·보험료 공제 Freight and insurance taken out".to_string(),
            money(d.invoice_total - d.fob_total, cur),
        ));
    }
    totals.push(("FOB 합계 FOB total".to_string(), money(d.fob_total, cur)));
    totals.push(("FOB 원화 합계 FOB in won".to_string(), krw(d.fob_krw)));
    if let Some(f) = d.final_fob_krw {
        totals.push(("확정 FOB 원화 Final FOB in won".to_string(), krw(f)));
    }
    doc.totals(&totals);
    doc.note("금액 아래의 '-' 값은 그 줄에서 뺀 운임·보험료 몫입니다. 왼쪽에 빨간 표시가 있는 줄은 필수 항목이 비어 있고, 노란 표시는 세관장확인대상입니다. \
              A '-' figure under an amount is that line's share of freight and insurance taken out; a red mark on the left means a required field is missing, a yellow one a customs-checked permit.");

    // ---- FOB and kind -----------------------------------------------------------------------
    doc.heading("FOB 계산", "How the FOB value was computed");
    doc.steps(&steps(&w.fob.steps));
    doc.heading("신고 종류 판단", "Kind of declaration");
    doc.notice(
        &format!("{}: {}", d.kind.label_ko(), w.kind.reason_ko),
        &format!("{}: {}", capitalised(d.kind.label_en()), w.kind.reason_en),
        Tone::Info,
    );
    // The steps end with the list-clearance note when the carrier could clear it on its list.
    doc.steps(&steps(&w.kind.steps));

    // ---- missing fields -------------------------------------------------------------------
    if w.missing.is_empty() {
        doc.heading("빠진 항목", "Missing fields");
        doc.notice(
            &format!(
                "{}에 필요한 항목이 모두 채워져 있습니다.",
                d.kind.label_ko()
            ),
            &format!(
                "All required fields are filled for a {}.",
                d.kind.label_en()
            ),
            Tone::Good,
        );
    } else {
        doc.heading_tagged(
            "빠진 항목",
            "Missing fields",
            &format!("{}개 / {}", w.missing.len(), w.missing.len()),
            Tone::Bad,
        );
        let cols = [
            Column::new("란", "Line", 12.0, Align::Center),
            Column::new("항목", "Field", 70.0, Align::Left),
            Column::new("고칠 곳", "Where to fix it", 98.0, Align::Left),
        ];
        let rows: Vec<Row> = w
            .missing
            .iter()
            .map(|m| {
                Row::new(vec![
                    Cell::new(m.line.map_or("—".to_string(), |l| l.to_string())),
                    Cell::with_sub(&m.label_ko, &m.label_en),
                    Cell::with_sub(&m.fix_ko, &m.fix_en),
                ])
                .marker(Tone::Bad)
            })
            .collect();
        doc.table_rows(&cols, &rows);
    }

    // ---- deadlines ------------------------------------------------------------------------
    doc.heading("기한", "Deadlines");
    deadlines(&mut doc, w);

    // ---- penalty --------------------------------------------------------------------------
    if let Some(p) = w.penalty {
        doc.heading_tagged(
            "과태료 추정",
            "Penalty estimate",
            "추정 / estimate",
            Tone::Warn,
        );
        doc.glossed_fields(&[
            Field::new("위반 횟수", "Violation no.", p.violation_count.to_string()),
            Field::new(
                "감경률",
                "Reduction",
                format!("{}%", number(p.reduction_percent)),
            ),
            Field::new(
                "감경 전 (추정)",
                "Before reduction (estimate)",
                krw(p.before_reduction_krw),
            ),
            Field::new(
                "감경 후 (추정)",
                "After reduction (estimate)",
                krw(p.after_reduction_krw),
            )
            .tone(Tone::Warn),
        ]);
        doc.steps(&steps(&p.steps));
    }

    // ---- documents --------------------------------------------------------------------------
    let docs = w.documents;
    let tag = if docs.verified {
        ("확인됨 / verified", Tone::Good)
    } else {
        ("확인 필요 / to confirm", Tone::Warn)
    };
    doc.heading_tagged("서류", "Documents", tag.0, tag.1);
    if docs.platform_based && !docs.exempt.is_empty() {
        doc.note("플랫폼 기반 판매자: 아래 서류는 제출하지 않아도 되지만 보관하세요. Platform-based seller: these need not be submitted, but keep them.");
        doc.bullets(&split_pairs(docs.exempt));
    } else if docs.platform_based {
        doc.note("플랫폼 기반 판매자이지만 이 신고일에 시행 중인 제출 면제가 없습니다. Platform-based seller, but no exemption is in force on this declaration's date.");
    } else {
        doc.note("플랫폼 기반 판매자가 아니므로 세관이 요청하면 서류를 제출해야 합니다. Not a platform-based seller: submit documents when customs asks for them.");
    }
    if !docs.keep_ready.is_empty() {
        doc.note("준비·보관할 서류 / Keep these ready:");
        doc.bullets(&split_pairs(docs.keep_ready));
    }

    // ---- rules ----------------------------------------------------------------------------
    doc.heading("사용한 규정 값", "Rule values used");
    let mut all: Vec<&RuleUsed> = Vec::new();
    all.extend(w.transaction_type);
    all.extend(&w.fob.rules);
    all.extend(&w.kind.rules);
    for dl in [w.loading, w.final_price].into_iter().flatten() {
        all.extend(&dl.rules);
    }
    if let Some(p) = w.penalty {
        all.extend(&p.rules);
    }
    let rules = unique_rules(all);
    let cols = [
        Column::new("규정", "Rule", 50.0, Align::Left),
        Column::new("값", "Value", 36.0, Align::Left),
        Column::new("시행일", "Effective", 19.0, Align::Left),
        Column::new("출처", "Source", 55.0, Align::Left),
        Column::new("확인", "Status", 20.0, Align::Center),
    ];
    let rows: Vec<Row> = rules
        .iter()
        .map(|r| {
            Row::new(vec![
                Cell::with_sub(&r.title_ko, &r.title_en),
                Cell::new(rule_value(r)),
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
    doc.note("규정 값은 규정집(assets/rulebook)의 값입니다. '확인 필요'는 출처의 시행일·금액이 검증되지 않았다는 뜻이니 관세사와 확인하세요. \
              Rule values come from the rulebook; 'to confirm' means the effective date or amount is not verified — check with a customs broker.");
    doc.notice(NOT_OFFICIAL_KO, NOT_OFFICIAL_EN, Tone::Warn);
    doc
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Rulebook lists hold "한국어 / English"; split them for a bilingual list.
fn split_pairs(items: &[String]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|s| match s.split_once(" / ") {
            Some((ko, en)) => (ko.trim().to_string(), en.trim().to_string()),
            None => (s.clone(), String::new()),
        })
        .collect()
}

fn lines_table(doc: &mut Doc, w: &Worksheet<'_>) {
    let d = w.declaration;
    let cur = d.currency;
    let cols = [
        Column::new("란", "No.", 8.0, Align::Center),
        Column::new("HS 부호", "HS code", 21.0, Align::Left),
        Column::new(
            "품명 / 거래품명",
            "Description / trade name",
            36.0,
            Align::Left,
        ),
        Column::new("상표 / 모델·규격", "Brand / model, spec", 24.0, Align::Left),
        Column::new("수량", "Quantity", 15.0, Align::Right),
        Column::new("순중량", "Net kg", 12.0, Align::Right),
        Column::new("원산지", "Origin", 10.0, Align::Center),
        Column::new("금액", &format!("Amount {cur}"), 17.0, Align::Right),
        Column::new("FOB", &format!("FOB {cur}"), 17.0, Align::Right),
        Column::new("FOB 원화", "FOB KRW", 20.0, Align::Right),
    ];
    let missing_on = |line: u32, key: &str| {
        w.missing
            .iter()
            .any(|m| m.line == Some(line) && m.field == key)
    };
    let rows: Vec<Row> = d
        .lines
        .iter()
        .map(|l| {
            let hs = match l.hs_code.as_deref() {
                Some(h) if h.len() == 10 => Cell::new(hs_dotted(h)),
                Some(h) => Cell::new(hs_dotted(h)).tagged("10자리 필요", Tone::Bad),
                None => Cell::badge("입력 필요", Tone::Bad),
            };
            let mut name = Cell::with_sub(or_dash(&l.name_ko), or_dash(&l.name_en));
            if l.needs_permit {
                name = name.tagged("세관장확인 permit", Tone::Warn);
            }
            let brand = Cell::with_sub(or_dash(&l.brand), l.model_spec.trim());
            let qty = Cell::new(
                format!("{} {}", number(l.quantity), l.unit)
                    .trim()
                    .to_string(),
            );
            let weight = Cell::new(l.net_weight_kg.map_or("—".to_string(), number));
            let origin = Cell::new(or_dash(l.origin_country.as_deref().unwrap_or("")));

            let mut amount_cell = Cell::new(amount(l.amount, cur));
            if !l.deduction.is_zero() {
                amount_cell = amount_cell.gloss(format!("-{}", amount(l.deduction, cur)));
            }
            let row = Row::new(vec![
                Cell::new(l.line_no.to_string()),
                hs,
                name,
                brand,
                qty,
                weight,
                origin,
                amount_cell,
                Cell::new(amount(l.fob, cur)),
                Cell::new(krw(l.fob_krw)),
            ]);
            let line_missing = [
                "line.hs_code",
                "line.name_ko",
                "line.name_en",
                "line.brand",
                "line.model_spec",
                "line.quantity",
                "line.unit",
                "line.net_weight",
                "line.origin",
            ]
            .iter()
            .any(|k| missing_on(l.line_no, k));
            if line_missing {
                row.marker(Tone::Bad)
            } else if l.needs_permit {
                row.marker(Tone::Warn)
            } else {
                row
            }
        })
        .collect();
    doc.table_rows(&cols, &rows);
}

fn deadlines(doc: &mut Doc, w: &Worksheet<'_>) {
    let d = w.declaration;
    match (d.accepted_on, w.loading) {
        (Some(accepted), Some(dl)) => {
            let moved = dl.date.raw != dl.date.due;
            let why = dl
                .date
                .skipped
                .iter()
                .map(|s| format!("{} {} / {}", s.date, s.reason_ko, s.reason_en))
                .collect::<Vec<_>>()
                .join(", ");
            let mut fields = vec![
                Field::new("수리일", "Accepted on", day(accepted)),
                Field::new("기간이 끝나는 날", "Period ends", day(dl.date.raw)),
                Field::new("적재기한", "Loading deadline", day(dl.date.due))
                    .tone(if d.loaded_on.is_some() {
                        Tone::Good
                    } else if w.penalty.is_some() {
                        Tone::Bad
                    } else {
                        Tone::Info
                    })
                    .note(if moved {
                        format!("쉬는 날이라 미뤄짐 / moved past non-working days: {why}")
                    } else {
                        "근무일이라 그대로 / a working day, not moved".to_string()
                    }),
                Field::new(
                    "적재일",
                    "Loaded on",
                    match d.loaded_on {
                        Some(on) => format!("{} — {}", day(on), or_dash(&d.bl_awb)),
                        None => "아직 / not yet".to_string(),
                    },
                ),
            ];
            if !dl.date.unconfirmed_years.is_empty() {
                let years: Vec<String> = dl
                    .date
                    .unconfirmed_years
                    .iter()
                    .map(|y| y.to_string())
                    .collect();
                fields.push(
                    Field::new(
                        "공휴일표",
                        "Holiday table",
                        format!(
                            "{}년 계산값, 미발표 / {} computed, not yet announced",
                            years.join(", "),
                            years.join(", ")
                        ),
                    )
                    .tone(Tone::Warn)
                    .note("관청 달력 발표 전이라 임시공휴일은 빠져 있습니다 / temporary holidays are not known yet"),
                );
            }
            if !dl.date.uncovered_years.is_empty() {
                let years: Vec<String> = dl
                    .date
                    .uncovered_years
                    .iter()
                    .map(|y| y.to_string())
                    .collect();
                fields.push(
                    Field::new(
                        "공휴일표",
                        "Holiday table",
                        format!("{}년 없음 / {} missing", years.join(", "), years.join(", ")),
                    )
                    .tone(Tone::Warn)
                    .note("그 해는 주말만 반영했습니다. 설정에서 공휴일을 확인하세요 / only weekends were considered for that year")
                    .wide(),
                );
            }
            doc.glossed_fields(&fields);
            doc.steps(&steps(&dl.steps));
            if !d.extensions.is_empty() {
                let cols = [
                    Column::new("신청일", "Requested", 30.0, Align::Left),
                    Column::new("새 날짜", "New date", 30.0, Align::Left),
                    Column::new("적재기한", "Deadline", 30.0, Align::Left),
                    Column::new("사유", "Reason", 90.0, Align::Left),
                ];
                let rows: Vec<Row> = d
                    .extensions
                    .iter()
                    .map(|e| {
                        Row::new(vec![
                            Cell::new(day(e.requested_on)),
                            Cell::new(day(e.new_date)),
                            Cell::new(day(e.due)),
                            Cell::new(&e.reason),
                        ])
                    })
                    .collect();
                doc.note("적재기간 연장 / Loading-period extensions:");
                doc.table_rows(&cols, &rows);
            }
        }
        _ => doc.note(
            "적재기한: 수리되면 수리일 다음 날부터 기간(규정집의 적재기간)을 셉니다. 수리를 기록하면 이 워크시트에 날짜가 나옵니다. \
             Loading deadline: it counts from the day after acceptance; record the acceptance and the date appears here.",
        ),
    }
    match (d.provisional, w.final_price) {
        (true, Some(dl)) => {
            let moved = dl.date.raw != dl.date.due;
            doc.glossed_fields(&[
                Field::new(
                    "확정·결제일",
                    "Confirmed and paid on",
                    day_or_dash(d.confirmed_paid_on),
                ),
                Field::new("기간이 끝나는 날", "Period ends", day(dl.date.raw)),
                Field::new("확정가격신고 기한", "Final price deadline", day(dl.date.due))
                    .tone(if d.final_filed_on.is_some() {
                        Tone::Good
                    } else {
                        Tone::Info
                    })
                    .note(if moved {
                        "쉬는 날이라 미뤄짐 / moved past non-working days"
                    } else {
                        "근무일이라 그대로 / a working day, not moved"
                    }),
                Field::new(
                    "확정가격신고",
                    "Final price filed",
                    match (d.final_filed_on, d.final_fob_krw) {
                        (Some(on), Some(v)) => format!("{} — {}", day(on), krw(v)),
                        (Some(on), None) => day(on),
                        _ => "아직 / not yet".to_string(),
                    },
                ),
            ]);
            doc.steps(&steps(&dl.steps));
        }
        _ => doc.note(
            "확정가격신고: 잠정가격으로 신고한 건이 아니라 해당 없습니다. Final price declaration: not a provisional price declaration, nothing to do.",
        ),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::fixtures::Fixture;

    /// Write the document where `EXPORTDESK_DOC_OUT` points, to look at it (`pdftoppm -png`).
    pub(crate) fn keep(name: &str, bytes: &[u8]) {
        if let Ok(dir) = std::env::var("EXPORTDESK_DOC_OUT") {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(std::path::Path::new(&dir).join(name), bytes).unwrap();
        }
    }

    #[test]
    fn sixty_lines_break_cleanly_with_the_header_on_every_page() {
        let f = Fixture::new(60);
        let doc = worksheet_doc(&f.worksheet());
        assert!(doc.page_count() >= 3, "{} pages", doc.page_count());
        assert_eq!(
            doc.missing_glyphs(),
            Vec::<char>::new(),
            "every glyph is in the font"
        );
        doc.assert_inside_margins();
        // Every line number appears once in the first column, and every page that holds lines
        // repeats the header row.
        let mut seen = Vec::new();
        for page in doc.drawn() {
            let texts: Vec<&str> = page.iter().map(|t| t.text.as_str()).collect();
            let rows: Vec<u32> = page
                .iter()
                .filter(|t| t.x < 24.0 && t.size == 7.8)
                .filter_map(|t| t.text.parse().ok())
                .collect();
            if page.iter().any(|t| t.text == "3304.99-1000") {
                assert!(texts.contains(&"HS 부호"), "header repeated: {texts:?}");
            }
            seen.extend(rows);
        }
        seen.retain(|n| *n >= 1);
        let want: Vec<u32> = (1..=60).collect();
        assert_eq!(seen[..60], want[..], "each line once, in order");
        let bytes = doc.finish();
        assert!(bytes.starts_with(b"%PDF"));
        assert!(
            bytes.len() < 400_000,
            "fonts are subset: {} bytes",
            bytes.len()
        );
        keep("worksheet-60.pdf", &bytes);
    }

    #[test]
    fn the_worksheet_says_what_it_is_and_what_is_missing() {
        let f = Fixture::new(4);
        let doc = worksheet_doc(&f.worksheet());
        let all: Vec<String> = doc
            .drawn()
            .iter()
            .flatten()
            .map(|t| t.text.clone())
            .collect();
        let has = |s: &str| all.iter().any(|t| t.contains(s));
        assert!(has("12345-26-0012345X"));
        assert!(has("간이수출신고") && has("simplified export declaration"));
        assert!(has("공식 수출신고서가 아닙니다"), "the not-official notice");
        assert!(has("HS 부호 (HSK 10자리)"), "the missing HS code of line 4");
        assert!(
            has("추정 / estimate"),
            "the penalty is labelled an estimate"
        );
        assert!(has("확인 필요"), "unverified rule values are flagged");
        // Extended to Sat 2027-01-30, which moves to Mon 2027-02-01.
        assert!(has("2027-01-30") && has("2027-02-01"), "raw and moved date");
        assert!(has("15 — "), "the e-commerce transaction type");
        assert!(has(&crate::text::krw(f.declaration.fob_krw)));
        assert_eq!(doc.missing_glyphs(), Vec::<char>::new());
        doc.assert_inside_margins();
        keep("worksheet-4.pdf", &doc.finish());
    }

    #[test]
    fn a_complete_draft_says_all_fields_are_filled() {
        let mut f = Fixture::new(3);
        f.missing.clear();
        f.declaration.state = DeclarationState::Draft;
        f.declaration.declaration_no = None;
        f.declaration.accepted_on = None;
        f.declaration.extensions.clear();
        let mut w = f.worksheet();
        w.loading = None;
        w.penalty = None;
        let doc = worksheet_doc(&w);
        let all: Vec<String> = doc
            .drawn()
            .iter()
            .flatten()
            .map(|t| t.text.clone())
            .collect();
        assert!(all.iter().any(|t| t.contains("항목이 모두 채워져")));
        assert!(all.iter().any(|t| t.contains("no number yet")));
        assert!(!all.iter().any(|t| t.contains("과태료 추정")));
        doc.assert_inside_margins();
    }
}
