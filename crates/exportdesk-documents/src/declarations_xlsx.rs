//! Declarations data sheet (수출신고 자료, XLSX) for a customs broker or for typing into UNI-PASS:
//! sheet "수출신고" has one row per declaration, sheet "란" one row per line, sheet "안내" says
//! what the file is. Numbers are numbers with number formats, dates are dates, the data sheets'
//! header rows are bold, frozen and filtered, and columns are sized to their content.
//!
//! Every text value is written as a plain string, so text that starts with `=`, `+`, `-` or `@`
//! (a buyer name, a model number) can never become a formula.

use chrono::{Datelike, NaiveDate};
use exportdesk_rules::declaration::{Declaration, DeclarationKind, Exporter};
use exportdesk_rules::Problem;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, IgnoreError, Workbook,
    Worksheet, XlsxError,
};

/// One declaration for the sheet.
#[derive(Debug, Clone, Copy)]
pub struct SheetDeclaration<'a> {
    pub declaration: &'a Declaration,
    /// 거래구분 (e.g. the rulebook's e-commerce code for a simplified declaration); may be empty.
    pub transaction_type: &'a str,
}

/// What a column holds, which decides how its cells are written.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Text,
    /// Digits that must stay text (HS codes, business numbers): no "number stored as text" flag.
    Code,
    Int,
    Money,
    Rate,
    Won,
    Qty,
    Date,
}

/// A cell value.
enum V {
    T(String),
    N(Decimal, Option<u32>),
    D(Option<NaiveDate>),
}

fn t(s: impl Into<String>) -> V {
    V::T(s.into())
}

struct Formats {
    header: Format,
    date: Format,
    int: Format,
    won: Format,
    rate: Format,
    qty_int: Format,
    qty: Format,
    money0: Format,
    money2: Format,
    text: Format,
}

impl Formats {
    fn new() -> Formats {
        let base = Format::new().set_align(FormatAlign::Top);
        Formats {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xE6EBF5))
                .set_border_bottom(FormatBorder::Thin)
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            date: base.clone().set_num_format("yyyy-mm-dd"),
            int: base.clone().set_num_format("0"),
            won: base.clone().set_num_format("#,##0"),
            rate: base.clone().set_num_format("#,##0.00##"),
            qty_int: base.clone().set_num_format("#,##0"),
            qty: base.clone().set_num_format("#,##0.0##"),
            money0: base.clone().set_num_format("#,##0"),
            money2: base.clone().set_num_format("#,##0.00"),
            text: base,
        }
    }
}

/// Display width of text in Excel's character units (Hangul and other wide characters count 2).
pub(crate) fn display_width(s: &str) -> f64 {
    s.chars()
        .map(|c| if (c as u32) < 0x1100 { 1.0 } else { 2.0 })
        .sum()
}

/// Excel refuses strings longer than this.
pub(crate) const MAX_TEXT: usize = 32_767;

pub(crate) fn fail(e: XlsxError) -> Problem {
    Problem::new(
        "documents.xlsx",
        format!("엑셀 파일을 만들 수 없습니다: {e}. 같은 문제가 계속되면 개발자에게 알려 주세요."),
        format!("Cannot build the Excel file: {e}. If it keeps happening, report it."),
    )
}

/// Write one sheet: a bold header row, then the rows; a data `table` gets its header row frozen
/// and filtered and prints landscape with the header on every page.
fn sheet(
    name: &str,
    columns: &[(&str, Kind)],
    rows: &[Vec<V>],
    f: &Formats,
    table: bool,
) -> Result<Worksheet, XlsxError> {
    let mut ws = Worksheet::new();
    ws.set_name(name)?;
    let mut widths: Vec<f64> = columns
        .iter()
        .map(|(h, _)| display_width(h).clamp(6.0, 24.0))
        .collect();
    for (c, (header, _)) in columns.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *header, &f.header)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, ((_, kind), value)) in columns.iter().zip(row).enumerate() {
            let col = c as u16;
            let shown = match value {
                V::T(s) => {
                    let s: String = s.trim().chars().take(MAX_TEXT).collect();
                    if !s.is_empty() {
                        // Always a string cell: never parsed as a number or a formula.
                        ws.write_string_with_format(r, col, &s, &f.text)?;
                    }
                    display_width(&s)
                }
                V::N(n, places) => {
                    let fmt = match (kind, places) {
                        (Kind::Won, _) => &f.won,
                        (Kind::Rate, _) => &f.rate,
                        (Kind::Int, _) => &f.int,
                        (Kind::Qty, _) if n.fract().is_zero() => &f.qty_int,
                        (Kind::Qty, _) => &f.qty,
                        (_, Some(0)) => &f.money0,
                        _ => &f.money2,
                    };
                    ws.write_number_with_format(r, col, n.to_f64().unwrap_or(0.0), fmt)?;
                    display_width(&n.normalize().to_string()) + 3.0
                }
                V::D(Some(d)) => {
                    let date =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                    ws.write_date_with_format(r, col, &date, &f.date)?;
                    10.0
                }
                V::D(None) => 0.0,
            };
            widths[c] = widths[c].max(shown.min(50.0));
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, w + 2.0)?;
    }
    let last_row = rows.len() as u32;
    for (c, (_, kind)) in columns.iter().enumerate() {
        if *kind == Kind::Code && last_row > 0 {
            ws.ignore_error_range(
                1,
                c as u16,
                last_row,
                c as u16,
                IgnoreError::NumberStoredAsText,
            )?;
        }
    }
    if table {
        ws.set_row_height(0, 30)?;
        ws.set_freeze_panes(1, 0)?;
        let last_col = columns.len().saturating_sub(1) as u16;
        ws.autofilter(0, 0, last_row, last_col)?;
        ws.set_landscape();
        ws.set_print_fit_to_pages(1, 0);
        ws.set_repeat_rows(0, 0)?;
    }
    Ok(ws)
}

fn yes(b: bool) -> V {
    t(if b { "예" } else { "아니오" })
}

fn declaration_row(exporter: &Exporter, s: &SheetDeclaration<'_>) -> Vec<V> {
    let d = s.declaration;
    let minor = Some(d.currency.minor_units());
    vec![
        V::N(Decimal::from(d.id), None),
        t(d.declaration_no.clone().unwrap_or_default()),
        t(d.state.label_ko()),
        t(d.kind.label_ko()),
        t(s.transaction_type),
        V::D(Some(d.declared_on)),
        V::D(d.filed_on),
        V::D(d.accepted_on),
        t(&exporter.name),
        t(&exporter.business_no),
        t(&exporter.customs_code),
        t(&exporter.representative),
        t(&d.buyer_name),
        t(&d.buyer_country),
        t(&d.destination_country),
        t(d.incoterm.code()),
        t(d.currency.code()),
        V::N(d.rate, None),
        V::N(d.invoice_total, minor),
        V::N(d.freight_insurance, minor),
        V::N(d.fob_total, minor),
        V::N(d.fob_krw, Some(0)),
        t(&d.transport_mode),
        t(&d.loading_port),
        t(&d.courier_code),
        V::D(d.loading_raw),
        V::D(d.loading_due),
        V::N(Decimal::from(d.extensions.len() as u64), None),
        V::D(d.loaded_on),
        t(&d.bl_awb),
        t(&d.carrier),
        yes(d.provisional),
        V::D(d.confirmed_paid_on),
        V::D(d.final_price_due),
        d.final_fob_krw.map_or(t(""), |v| V::N(v, Some(0))),
        V::D(d.final_filed_on),
        t(d.order_numbers.join(", ")),
        V::N(Decimal::from(d.lines.len() as u64), None),
        t(match d.kind {
            DeclarationKind::Simplified if d.list_clearance_possible => "목록통관 가능",
            _ => "",
        }),
        V::D(d.cancelled_on),
        t(&d.cancel_reason),
    ]
}

const DECLARATION_COLUMNS: &[(&str, Kind)] = &[
    ("신고 ID", Kind::Int),
    ("신고번호", Kind::Code),
    ("상태", Kind::Text),
    ("신고종류", Kind::Text),
    ("거래구분", Kind::Code),
    ("신고일", Kind::Date),
    ("제출일", Kind::Date),
    ("수리일", Kind::Date),
    ("수출화주", Kind::Text),
    ("사업자등록번호", Kind::Code),
    ("통관고유부호", Kind::Code),
    ("대표자", Kind::Text),
    ("해외구매자", Kind::Text),
    ("구매자국가", Kind::Text),
    ("목적국", Kind::Text),
    ("인도조건", Kind::Text),
    ("통화", Kind::Text),
    ("과세환율(원)", Kind::Rate),
    ("결제금액", Kind::Money),
    ("운임·보험료", Kind::Money),
    ("FOB(외화)", Kind::Money),
    ("FOB(원화)", Kind::Won),
    ("운송수단", Kind::Text),
    ("적재항", Kind::Text),
    ("특송업체부호", Kind::Code),
    ("적재기간 만료일", Kind::Date),
    ("적재기한", Kind::Date),
    ("연장 횟수", Kind::Int),
    ("적재일", Kind::Date),
    ("B/L·AWB", Kind::Code),
    ("운송사", Kind::Text),
    ("잠정가격", Kind::Text),
    ("확정·결제일", Kind::Date),
    ("확정가격신고 기한", Kind::Date),
    ("확정 FOB(원화)", Kind::Won),
    ("확정가격 신고일", Kind::Date),
    ("주문번호", Kind::Code),
    ("란 수", Kind::Int),
    ("참고", Kind::Text),
    ("취소일", Kind::Date),
    ("취소 사유", Kind::Text),
];

const LINE_COLUMNS: &[(&str, Kind)] = &[
    ("신고 ID", Kind::Int),
    ("신고번호", Kind::Code),
    ("란", Kind::Int),
    ("주문번호", Kind::Code),
    ("HS부호", Kind::Code),
    ("품명", Kind::Text),
    ("거래품명", Kind::Text),
    ("상표", Kind::Text),
    ("모델·규격", Kind::Text),
    ("수량", Kind::Qty),
    ("단위", Kind::Text),
    ("순중량(kg)", Kind::Qty),
    ("원산지", Kind::Text),
    ("세관장확인", Kind::Text),
    ("통화", Kind::Text),
    ("금액", Kind::Money),
    ("운임·보험료 공제", Kind::Money),
    ("FOB", Kind::Money),
    ("FOB(원화)", Kind::Won),
];

fn line_rows(d: &Declaration) -> Vec<Vec<V>> {
    let minor = Some(d.currency.minor_units());
    d.lines
        .iter()
        .map(|l| {
            let order_no = d
                .order_ids
                .iter()
                .position(|o| *o == l.order_id)
                .and_then(|i| d.order_numbers.get(i))
                .cloned()
                .unwrap_or_default();
            vec![
                V::N(Decimal::from(d.id), None),
                t(d.declaration_no.clone().unwrap_or_default()),
                V::N(Decimal::from(l.line_no), None),
                t(order_no),
                t(l.hs_code.clone().unwrap_or_default()),
                t(&l.name_ko),
                t(&l.name_en),
                t(&l.brand),
                t(&l.model_spec),
                V::N(l.quantity, None),
                t(&l.unit),
                l.net_weight_kg.map_or(t(""), |w| V::N(w, None)),
                t(l.origin_country.clone().unwrap_or_default()),
                t(if l.needs_permit { "예" } else { "" }),
                t(d.currency.code()),
                V::N(l.amount, minor),
                V::N(l.deduction, minor),
                V::N(l.fob, minor),
                V::N(l.fob_krw, Some(0)),
            ]
        })
        .collect()
}

/// Build the workbook. `generated_on` is the file's creation date and printed on the "안내" sheet.
pub fn declarations_xlsx(
    exporter: &Exporter,
    declarations: &[SheetDeclaration<'_>],
    generated_on: NaiveDate,
) -> Result<Vec<u8>, Problem> {
    build(exporter, declarations, generated_on).map_err(fail)
}

fn build(
    exporter: &Exporter,
    declarations: &[SheetDeclaration<'_>],
    generated_on: NaiveDate,
) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(
        generated_on.year() as u16,
        generated_on.month() as u8,
        generated_on.day() as u8,
    )?;
    book.set_properties(
        &DocProperties::new()
            .set_title("수출신고 자료 / Export declarations")
            .set_author("ExportDesk 수출데스크")
            .set_comment("준비용 자료이며 공식 수출신고서가 아닙니다 / preparation data, not the official declaration")
            .set_creation_datetime(&created),
    );
    let rows: Vec<Vec<V>> = declarations
        .iter()
        .map(|s| declaration_row(exporter, s))
        .collect();
    book.push_worksheet(sheet("수출신고", DECLARATION_COLUMNS, &rows, &f, true)?);
    let lines: Vec<Vec<V>> = declarations
        .iter()
        .flat_map(|s| line_rows(s.declaration))
        .collect();
    book.push_worksheet(sheet("란", LINE_COLUMNS, &lines, &f, true)?);
    let about = vec![
        vec![t("생성일 / Generated"), V::D(Some(generated_on))],
        vec![t("수출화주 / Exporter"), t(&exporter.name)],
        vec![
            t("신고 수 / Declarations"),
            V::N(Decimal::from(declarations.len() as u64), None),
        ],
        vec![
            t("란 수 / Lines"),
            V::N(Decimal::from(lines.len() as u64), None),
        ],
        vec![
            t("주의 / Note"),
            t("준비용 자료입니다. UNI-PASS에 제출하는 공식 수출신고서가 아닙니다. Preparation data for a customs broker or for typing into UNI-PASS; not the official declaration."),
        ],
        vec![
            t("금액 / Amounts"),
            t("결제금액·FOB(외화)는 신고 통화, FOB(원화)는 신고일 주의 과세환율로 환산한 원화입니다. Invoice and FOB amounts are in the declaration's currency; FOB(원화) is in won at the customs rate of the declaration week."),
        ],
    ];
    // The second column holds text, a date and counts (whole numbers: `Kind::Int`).
    let mut info = sheet(
        "안내",
        &[("항목", Kind::Text), ("내용", Kind::Int)],
        &about,
        &f,
        false,
    )?;
    info.set_column_width(1, 90)?;
    book.push_worksheet(info);
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{d, Fixture};
    use std::io::Read;

    fn part(bytes: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut text = String::new();
        zip.by_name(name)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .read_to_string(&mut text)
            .unwrap();
        text
    }

    /// The `<c>` element of cell `r` (e.g. `M2`) in a sheet's XML.
    fn cell<'x>(sheet: &'x str, r: &str) -> &'x str {
        let start = sheet
            .find(&format!("<c r=\"{r}\""))
            .unwrap_or_else(|| panic!("no cell {r}"));
        let rest = &sheet[start..];
        let end = rest
            .find("</c>")
            .map(|e| e + 4)
            .unwrap_or_else(|| rest.find("/>").unwrap() + 2);
        &rest[..end]
    }

    fn book(f: &Fixture) -> Vec<u8> {
        declarations_xlsx(
            &f.exporter,
            &[SheetDeclaration {
                declaration: &f.declaration,
                transaction_type: "15",
            }],
            d("2026-11-27"),
        )
        .unwrap()
    }

    #[test]
    fn formula_looking_text_stays_text() {
        let mut f = Fixture::new(5);
        f.declaration.buyer_name = "=1+2".into();
        f.declaration.order_numbers[0] = "+82-10-1234".into();
        let bytes = book(&f);
        let strings = part(&bytes, "xl/sharedStrings.xml");
        for sheet in ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"] {
            assert!(
                !part(&bytes, sheet).contains("<f>"),
                "no formula in {sheet}"
            );
        }
        assert!(strings.contains("<t>=1+2</t>"), "{strings}");
        assert!(strings.contains("<t>=HYPERLINK(\"http://x\")</t>"));
        assert!(strings.contains("<t>@home</t>") && strings.contains("<t>-10% promo</t>"));
        assert!(strings.contains("+82-10-1234"));
        // The buyer column (M) of the declaration row is a shared-string cell.
        let sheet1 = part(&bytes, "xl/worksheets/sheet1.xml");
        assert!(
            cell(&sheet1, "M2").contains("t=\"s\""),
            "{}",
            cell(&sheet1, "M2")
        );
        // The brand of line 4 (sheet 2, column H) too.
        let sheet2 = part(&bytes, "xl/worksheets/sheet2.xml");
        assert!(cell(&sheet2, "H5").contains("t=\"s\""));
    }

    #[test]
    fn numbers_dates_headers_and_sheets() {
        let f = Fixture::new(60);
        let bytes = book(&f);
        let workbook = part(&bytes, "xl/workbook.xml");
        assert!(workbook.contains("name=\"수출신고\"") && workbook.contains("name=\"란\""));
        let sheet1 = part(&bytes, "xl/worksheets/sheet1.xml");
        let sheet2 = part(&bytes, "xl/worksheets/sheet2.xml");
        for sheet in [&sheet1, &sheet2] {
            assert!(sheet.contains("ySplit=\"1\""), "header row frozen");
            assert!(
                sheet.contains("<autoFilter ref=\"A1:"),
                "header row filtered"
            );
            assert!(sheet.contains("<cols>"), "column widths set");
        }
        assert!(
            sheet2.contains("<autoFilter ref=\"A1:S61\""),
            "60 lines + header"
        );
        // FOB in won (V2) is a number cell holding the declaration's total.
        let v2 = cell(&sheet1, "V2");
        assert!(!v2.contains("t=\"s\""), "{v2}");
        assert!(
            v2.contains(&format!("<v>{}</v>", f.declaration.fob_krw)),
            "{v2}"
        );
        // The declaration date (F2) is a date serial: 2026-11-20 is day 46346.
        assert!(cell(&sheet1, "F2").contains("<v>46346</v>"));
        // The HS code stays text with its leading digits, flagged as not a number error.
        assert!(cell(&sheet2, "E2").contains("t=\"s\""));
        assert!(sheet2.contains("numberStoredAsText"));
        let strings = part(&bytes, "xl/sharedStrings.xml");
        assert!(strings.contains("3304991000"));
        assert!(strings.contains("사업자등록번호") && strings.contains("FOB(원화)"));
        let styles = part(&bytes, "xl/styles.xml");
        assert!(styles.contains("yyyy-mm-dd") && styles.contains("#,##0"));
        assert!(styles.contains("<b/>"), "bold header");
        crate::declaration_worksheet::tests::keep("declarations-60.xlsx", &bytes);
    }
}
