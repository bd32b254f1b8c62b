//! The month's returns on one sheet (반품·재수입 월간 요약): every return of the month with its
//! declaration, reason, quantities, value, relief estimate and claim state, then the totals and the
//! counts by reason and by claim state.

use super::{claim_tone, or_dash, SELF_CHECK_EN, SELF_CHECK_KO};
use crate::layout::{Align, Cell, Column, Doc, Field, Row, Stat, Tone};
use crate::text::{day, krw, number};
use chrono::{Datelike, NaiveDate};
use exportdesk_rules::records::Seller;
use exportdesk_rules::reimport::{ClaimState, ReturnReason};
use rust_decimal::Decimal;

/// One return of the month, as the app's returns list has it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReturnSummaryRow {
    /// The day the goods came back to Korea.
    pub return_date: NaiveDate,
    /// The original export declaration number (or the app's `#id` while it has none).
    pub declaration_no: String,
    pub order_no: String,
    pub reason: ReturnReason,
    /// Declaration lines on the return.
    pub lines: u32,
    /// Units returned, all lines added.
    pub units: Decimal,
    /// Value of the returned units in won (export FOB, pro rata).
    pub value_krw: Decimal,
    /// The verdict's duty relief estimate; `None` when there is none (not eligible, no rates).
    pub duty_relief_krw: Option<Decimal>,
    pub claim_state: ClaimState,
    /// The import declaration the claim was filed on; may be empty.
    pub import_declaration_no: String,
}

/// What the monthly summary prints.
#[derive(Debug, Clone, Copy)]
pub struct ReturnsMonth<'a> {
    pub seller: Option<&'a Seller>,
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
    /// The month's returns; rows of other months are left out (and counted in a note).
    pub rows: &'a [ReturnSummaryRow],
    /// The date printed on the sheet.
    pub today: NaiveDate,
}

/// Render the monthly summary.
pub fn returns_month_pdf(m: &ReturnsMonth<'_>) -> Vec<u8> {
    month_doc(m).finish()
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Count, units, value and relief of a group of rows.
#[derive(Default)]
struct Sums {
    count: usize,
    lines: u32,
    units: Decimal,
    value: Decimal,
    relief: Decimal,
    /// Rows without a relief estimate.
    no_relief: usize,
}

impl Sums {
    fn of<'r>(rows: impl IntoIterator<Item = &'r ReturnSummaryRow>) -> Sums {
        let mut s = Sums::default();
        for r in rows {
            s.count += 1;
            s.lines += r.lines;
            s.units += r.units;
            s.value += r.value_krw;
            match r.duty_relief_krw {
                Some(x) => s.relief += x,
                None => s.no_relief += 1,
            }
        }
        s
    }
}

pub(crate) fn month_doc(m: &ReturnsMonth<'_>) -> Doc {
    let period_ko = format!("{}년 {}월", m.year, m.month);
    let period_en = format!(
        "{} {}",
        MONTHS_EN
            .get(m.month.saturating_sub(1) as usize)
            .copied()
            .unwrap_or("?"),
        m.year
    );
    let footer = format!(
        "{}-{:02} · 생성일 Generated {} · 자가 점검 자료 / Self-check · ExportDesk",
        m.year, m.month, m.today
    );
    let mut doc = Doc::new(
        &format!("반품·재수입 월간 요약 — {period_ko}"),
        &format!("Returns and re-import claims — {period_en}"),
        &footer,
    );
    let mut rows: Vec<&ReturnSummaryRow> = m
        .rows
        .iter()
        .filter(|r| r.return_date.year() == m.year && r.return_date.month() == m.month)
        .collect();
    rows.sort_by(|a, b| {
        (a.return_date, &a.declaration_no, &a.order_no).cmp(&(
            b.return_date,
            &b.declaration_no,
            &b.order_no,
        ))
    });
    let others = m.rows.len() - rows.len();
    let all = Sums::of(rows.iter().copied());

    let seller = m.seller.map_or(String::new(), |s| {
        let en = s.name_en.trim();
        if en.is_empty() {
            s.name.trim().to_string()
        } else {
            format!("{} · {en}", s.name.trim())
        }
    });
    let mut fields = vec![
        Field::new("기간", "Period", period_ko.clone()).note(period_en.clone()),
        Field::new("판매자", "Seller", seller),
    ];
    if let Some(s) = m.seller {
        fields.push(Field::new(
            "사업자등록번호",
            "Business no.",
            s.business_no.to_string(),
        ));
        fields.push(Field::new(
            "통관고유부호",
            "Customs code",
            s.customs_code
                .as_ref()
                .map_or(String::new(), |c| c.to_string()),
        ));
    }
    doc.glossed_fields(&fields);
    doc.stats(&[
        Stat::new(
            "반품",
            "Returns",
            format!("{}건", all.count),
            if all.count > 0 {
                Tone::Info
            } else {
                Tone::Neutral
            },
        ),
        Stat::new(
            "반품 수량",
            "Units returned",
            number(all.units),
            Tone::Neutral,
        ),
        Stat::new("반품 가격", "Value returned", krw(all.value), Tone::Neutral),
        Stat::new(
            "면제 관세 (추정)",
            "Duty relief (estimate)",
            krw(all.relief),
            Tone::Good,
        ),
    ]);

    if rows.is_empty() {
        doc.notice(
            &format!("{period_ko}에 들어온 반품이 없습니다."),
            &format!("No returns came back in {period_en}."),
            Tone::Good,
        );
    } else {
        table(&mut doc, &rows, &all);
    }
    if others > 0 {
        doc.note(&format!(
            "반품일이 {period_ko}이 아닌 {others}건은 이 요약에서 뺐습니다. {others} return(s) dated outside {period_en} are left out."
        ));
    }

    by_reason(&mut doc, &rows);
    by_state(&mut doc, &rows);

    doc.heading("읽는 법", "How to read this");
    doc.bullets(&[
        (
            "가격은 반품 수량만큼의 수출 FOB 원화 금액(비례, 원 미만 버림)입니다. 수입 과세가격은 세관이 정합니다.".to_string(),
            "Values are the export FOB in won of the units returned (pro rata, rounded down); customs sets the import customs value.".to_string(),
        ),
        (
            "면제 관세는 입력한 관세율로 계산한 추정치입니다. 대상이 아니거나 관세율이 없는 반품은 '—'로 표시하고 합계에서 뺐습니다.".to_string(),
            "Duty relief is an estimate at the rates entered; returns that are not eligible or have no rates show '—' and are not in the total.".to_string(),
        ),
        (
            "수량은 단위(EA, KG 등)와 관계없이 더했습니다.".to_string(),
            "Units are added whatever their unit (EA, KG, …).".to_string(),
        ),
        (
            format!("재수입면세는 수출신고 수리일부터 2년(규정집 값) 안에 돌아온 물품에 대해 신청합니다. '{}'인 신청은 기간이 지나기 전에 제출하세요.", ClaimState::Draft.label_ko()),
            format!("Duty-free re-import covers goods back within the window after the export acceptance (2 years in the rulebook); file '{}' claims before it ends.", ClaimState::Draft.label_en()),
        ),
    ]);
    doc.notice(SELF_CHECK_KO, SELF_CHECK_EN, Tone::Warn);
    doc
}

fn table(doc: &mut Doc, rows: &[&ReturnSummaryRow], all: &Sums) {
    doc.heading_tagged(
        "반품 목록",
        "Returns",
        &format!("{}건 / {}", rows.len(), rows.len()),
        Tone::Info,
    );
    let cols = [
        Column::new("반품일", "Returned", 19.0, Align::Left),
        Column::new(
            "수출신고번호 · 주문",
            "Export decl. no. · order",
            39.0,
            Align::Left,
        ),
        Column::new("사유", "Reason", 22.0, Align::Left),
        Column::new("란", "Lines", 9.0, Align::Right),
        Column::new("수량", "Units", 12.0, Align::Right),
        Column::new("가격", "Value", 22.0, Align::Right),
        Column::new("면제 관세", "Relief (est.)", 20.0, Align::Right),
        Column::new("신청 · 수입신고", "Claim · import decl.", 37.0, Align::Left),
    ];
    let table: Vec<Row> = rows
        .iter()
        .map(|r| {
            let state = format!("{} {}", r.claim_state.label_ko(), r.claim_state.label_en());
            Row::new(vec![
                Cell::with_sub(r.return_date.to_string(), weekday(r.return_date)),
                Cell::with_sub(or_dash(&r.declaration_no), or_dash(&r.order_no)),
                Cell::with_sub(r.reason.label_ko(), r.reason.label_en()),
                Cell::new(r.lines.to_string()),
                Cell::new(number(r.units)),
                Cell::new(krw(r.value_krw)),
                Cell::new(r.duty_relief_krw.map_or("—".to_string(), krw)),
                Cell::new(state)
                    .bold()
                    .gloss(or_dash(&r.import_declaration_no)),
            ])
            .marker(claim_tone(r.claim_state))
        })
        .collect();
    doc.table_rows(&cols, &table);
    let relief = if all.no_relief > 0 {
        format!(
            "{} ({}건 추정 없음 / {} without)",
            krw(all.relief),
            all.no_relief,
            all.no_relief
        )
    } else {
        krw(all.relief)
    };
    doc.totals(&[
        (
            "반품 건수 · 란 Returns · lines".to_string(),
            format!("{} · {}", all.count, all.lines),
        ),
        ("수량 합계 Units".to_string(), number(all.units)),
        ("가격 합계 Value".to_string(), krw(all.value)),
        (
            "면제 관세 합계 (추정) Duty relief (estimate)".to_string(),
            relief,
        ),
    ]);
    doc.note(
        "왼쪽 표시는 신청 상태입니다: 회색 작성 중 · 파랑 신청함 · 초록 승인 · 빨강 불인정. \
         The mark on the left is the claim state: grey draft, blue filed, green granted, red denied.",
    );
}

fn weekday(d: NaiveDate) -> String {
    // `day` prints `2026-11-04 (수)`; keep the weekday only.
    day(d)
        .rsplit_once(' ')
        .map_or(String::new(), |(_, w)| w.to_string())
}

fn by_reason(doc: &mut Doc, rows: &[&ReturnSummaryRow]) {
    doc.heading("사유별", "By reason");
    let cols = [
        Column::new("사유", "Reason", 60.0, Align::Left),
        Column::new("건수", "Returns", 24.0, Align::Right),
        Column::new("수량", "Units", 24.0, Align::Right),
        Column::new("가격", "Value", 36.0, Align::Right),
        Column::new("면제 관세 (추정)", "Relief (estimate)", 36.0, Align::Right),
    ];
    let table: Vec<Row> = ReturnReason::ALL
        .iter()
        .map(|reason| {
            let s = Sums::of(rows.iter().copied().filter(|r| r.reason == *reason));
            Row::new(vec![
                Cell::with_sub(reason.label_ko(), reason.label_en()),
                Cell::new(s.count.to_string()).bold(),
                Cell::new(number(s.units)),
                Cell::new(krw(s.value)),
                Cell::new(krw(s.relief)),
            ])
        })
        .collect();
    doc.table_rows(&cols, &table);
}

fn by_state(doc: &mut Doc, rows: &[&ReturnSummaryRow]) {
    doc.heading("신청 상태별", "By claim state");
    let cols = [
        Column::new("신청 상태", "Claim state", 60.0, Align::Left),
        Column::new("건수", "Returns", 24.0, Align::Right),
        Column::new("수량", "Units", 24.0, Align::Right),
        Column::new("가격", "Value", 36.0, Align::Right),
        Column::new("면제 관세 (추정)", "Relief (estimate)", 36.0, Align::Right),
    ];
    let table: Vec<Row> = ClaimState::ALL
        .iter()
        .map(|state| {
            let s = Sums::of(rows.iter().copied().filter(|r| r.claim_state == *state));
            Row::new(vec![
                Cell::badge(state.label_ko(), claim_tone(*state)).gloss(state.label_en()),
                Cell::new(s.count.to_string()).bold(),
                Cell::new(number(s.units)),
                Cell::new(krw(s.value)),
                Cell::new(krw(s.relief)),
            ])
            .marker(claim_tone(*state))
        })
        .collect();
    doc.table_rows(&cols, &table);
}
