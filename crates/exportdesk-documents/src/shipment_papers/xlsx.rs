//! The packing list as a spreadsheet (포장명세서, XLSX) for a forwarder or a warehouse: one sheet
//! "Packing list" with a header block (reference, date, shipper, consignee, destination, transport
//! references, declarations, orders), a table with one row per carton item and a totals row, and
//! the shipment's volume, volumetric and chargeable weight under it.
//!
//! A carton's size and weights are on the first row of the carton only, so that summing a column
//! counts each carton once; its number is on every row, for filtering. Numbers are number cells;
//! every text is written as a plain string (the way [`crate::declarations_xlsx`] does), so a
//! description or SKU starting with `=`, `+`, `-` or `@` can never become a formula.

use super::{country_line, declaration_ref, pack_line_ref, shipper_address, shipper_name, unique};
use super::{Index, ShipmentPapers};
use crate::declarations_xlsx::{display_width, fail, MAX_TEXT};
use chrono::Datelike;
use exportdesk_rules::Problem;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, IgnoreError, Workbook,
    Worksheet, XlsxError,
};

/// Build the packing list workbook.
pub fn packing_list_xlsx(p: &ShipmentPapers<'_>) -> Result<Vec<u8>, Problem> {
    build(p).map_err(fail)
}

struct Formats {
    title: Format,
    label: Format,
    value: Format,
    date: Format,
    note: Format,
    header: Format,
    text: Format,
    wrap: Format,
    int: Format,
    num: Format,
    kg: Format,
    m3: Format,
    total_label: Format,
    total_kg: Format,
    total_num: Format,
}

impl Formats {
    fn new() -> Formats {
        let base = Format::new().set_align(FormatAlign::Top);
        let total = Format::new().set_bold().set_border_top(FormatBorder::Thin);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            label: base.clone().set_bold(),
            value: base.clone().set_align(FormatAlign::Left).set_text_wrap(),
            date: base
                .clone()
                .set_align(FormatAlign::Left)
                .set_num_format("yyyy-mm-dd"),
            note: base.clone().set_font_color(Color::RGB(0x606060)),
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xE6EBF5))
                .set_border_bottom(FormatBorder::Thin)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            text: base.clone(),
            wrap: base.clone().set_text_wrap(),
            int: base.clone().set_num_format("0"),
            num: base.clone().set_num_format("#,##0.###"),
            kg: base.clone().set_num_format("#,##0.00"),
            m3: base.clone().set_num_format("0.0000"),
            total_label: total.clone(),
            total_kg: total.clone().set_num_format("#,##0.00"),
            total_num: total.set_num_format("#,##0.###"),
        }
    }
}

fn f64_of(v: Decimal) -> f64 {
    v.to_f64().unwrap_or(0.0)
}

/// Trimmed and cut to Excel's limit; `None` when empty (the cell is left blank).
fn clean(s: &str) -> Option<String> {
    let s: String = s.trim().chars().take(MAX_TEXT).collect();
    (!s.is_empty()).then_some(s)
}

/// A text cell: always a string, never parsed as a number or a formula.
fn text(ws: &mut Worksheet, row: u32, col: u16, s: &str, f: &Format) -> Result<f64, XlsxError> {
    match clean(s) {
        Some(s) => {
            ws.write_string_with_format(row, col, &s, f)?;
            Ok(display_width(&s))
        }
        None => Ok(0.0),
    }
}

fn num(ws: &mut Worksheet, row: u32, col: u16, v: Decimal, f: &Format) -> Result<f64, XlsxError> {
    ws.write_number_with_format(row, col, f64_of(v), f)?;
    Ok(display_width(&v.normalize().to_string()) + 3.0)
}

/// Table columns: header (English, then Korean on a second line) and a starting width.
const COLUMNS: [(&str, f64); 13] = [
    ("Carton no.\n상자 번호", 10.0),
    ("L (cm)\n길이", 8.0),
    ("W (cm)\n너비", 8.0),
    ("H (cm)\n높이", 8.0),
    ("Gross (kg)\n총중량", 11.0),
    ("Net (kg)\n순중량", 11.0),
    ("Declaration no.\n신고번호", 18.0),
    ("Line\n란", 6.0),
    ("Order no.\n주문번호", 14.0),
    ("SKU", 14.0),
    ("Description\n품명", 30.0),
    ("Quantity\n수량", 10.0),
    ("Unit\n단위", 7.0),
];
const LAST_COL: u16 = COLUMNS.len() as u16 - 1;

fn build(p: &ShipmentPapers<'_>) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let sh = p.shipment;
    let s = p.seller;
    let c = p.check;
    let today = ExcelDateTime::from_ymd(
        p.today.year() as u16,
        p.today.month() as u8,
        p.today.day() as u8,
    )?;
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title(format!("Packing list / 포장명세서 {}", sh.reference.trim()).trim())
            .set_author("ExportDesk 수출데스크")
            .set_creation_datetime(&today),
    );
    let mut ws = Worksheet::new();
    ws.set_name("Packing list")?;

    // ---- header block: label over A:D, value over E:M ------------------------------------
    ws.write_string_with_format(0, 0, "PACKING LIST / 포장명세서", &f.title)?;
    ws.set_row_height(0, 22)?;
    let mut shipper = vec![shipper_name(s).to_string(), shipper_address(s).to_string()];
    shipper.push(format!("Business reg. no. {}", s.business_no));
    if let Some(code) = &s.customs_code {
        shipper.push(format!("Customs code {code}"));
    }
    let orders = unique(p.declarations.iter().flat_map(|d| d.order_numbers.iter()));
    let declarations: Vec<String> = p.declarations.iter().map(declaration_ref).collect();
    let mut block: Vec<(&str, String)> = vec![
        ("Invoice no. / 송장 번호", sh.reference.trim().to_string()),
        ("Shipper / 수출자", unique(&shipper).join(", ")),
        (
            "Consignee / 수하인",
            unique([sh.consignee_name.as_str(), sh.consignee_address.as_str()]).join(", "),
        ),
        (
            "Country of destination / 목적국",
            country_line(&sh.destination_country),
        ),
    ];
    if !sh.carrier.trim().is_empty() {
        block.push(("Carrier / 운송사", sh.carrier.trim().to_string()));
    }
    if !sh.bl_awb.trim().is_empty() {
        block.push((
            "B/L or AWB no. / 선하증권·항공화물운송장",
            sh.bl_awb.trim().to_string(),
        ));
    }
    if let Some(on) = sh.loaded_on {
        block.push(("Loaded on / 적재일", on.to_string()));
    }
    let tracking = unique(&sh.tracking_numbers);
    if !tracking.is_empty() {
        block.push(("Tracking no. / 운송장 번호", tracking.join(", ")));
    }
    block.push((
        "Export declaration no. / 수출신고번호",
        declarations.join(", "),
    ));
    block.push(("Order no. / 주문번호", orders.join(", ")));
    let mut row = 1u32;
    // Values wrap in their merged cell; the rows are made tall enough once the widths are known.
    let mut tall: Vec<(u32, f64)> = Vec::new();
    for (k, (label, value)) in block.iter().enumerate() {
        ws.merge_range(row, 0, row, 3, label, &f.label)?;
        let value = clean(value).unwrap_or_else(|| "—".to_string());
        ws.merge_range(row, 4, row, LAST_COL, &value, &f.value)?;
        tall.push((row, display_width(&value)));
        row += 1;
        if k == 0 {
            // The date, as a date.
            ws.merge_range(row, 0, row, 3, "Date / 일자", &f.label)?;
            ws.merge_range(row, 4, row, LAST_COL, "", &f.date)?;
            ws.write_date_with_format(row, 4, &today, &f.date)?;
            row += 1;
        }
    }
    row += 1;

    // ---- the table ------------------------------------------------------------------------
    let header_row = row;
    let mut widths: Vec<f64> = COLUMNS.iter().map(|c| c.1).collect();
    for (col, (h, _)) in COLUMNS.iter().enumerate() {
        ws.write_string_with_format(header_row, col as u16, *h, &f.header)?;
    }
    ws.set_row_height(header_row, 30)?;
    let index = Index::new(p);
    let mut units = Decimal::ZERO;
    row = header_row + 1;
    let mut seen = |col: usize, w: f64| widths[col] = widths[col].max(w.min(50.0));
    for carton in &sh.cartons {
        let fig = index.figures(carton.no);
        let first = row;
        // A carton with nothing in it still gets its row.
        let items = carton.items.len().max(1);
        for k in 0..items {
            seen(0, num(&mut ws, row, 0, Decimal::from(carton.no), &f.int)?);
            if row == first {
                seen(1, num(&mut ws, row, 1, carton.length_cm, &f.num)?);
                seen(2, num(&mut ws, row, 2, carton.width_cm, &f.num)?);
                seen(3, num(&mut ws, row, 3, carton.height_cm, &f.num)?);
                seen(4, num(&mut ws, row, 4, carton.gross_kg, &f.kg)?);
                if let Some(net) = fig.and_then(|f| f.net_kg) {
                    seen(5, num(&mut ws, row, 5, net, &f.kg)?);
                }
            }
            if let Some(item) = carton.items.get(k) {
                let pack = index.pack(item.declaration_id, item.line_no);
                let declared = index.declared(item.declaration_id, item.line_no);
                let decl = pack.map(pack_line_ref).unwrap_or_else(|| {
                    declared.map_or_else(
                        || format!("#{}", item.declaration_id),
                        |(d, _)| declaration_ref(d),
                    )
                });
                let description = pack
                    .map(|l| l.description.as_str())
                    .filter(|d| !d.trim().is_empty())
                    .or_else(|| declared.map(|(_, l)| l.name_en.as_str()))
                    .unwrap_or("");
                let unit = pack
                    .map(|l| l.unit.as_str())
                    .or_else(|| declared.map(|(_, l)| l.unit.as_str()))
                    .unwrap_or("");
                seen(6, text(&mut ws, row, 6, &decl, &f.text)?);
                seen(
                    7,
                    num(&mut ws, row, 7, Decimal::from(item.line_no), &f.int)?,
                );
                seen(
                    8,
                    text(
                        &mut ws,
                        row,
                        8,
                        pack.map_or("", |l| l.order_no.as_str()),
                        &f.text,
                    )?,
                );
                seen(
                    9,
                    text(
                        &mut ws,
                        row,
                        9,
                        pack.map_or("", |l| l.sku.as_str()),
                        &f.text,
                    )?,
                );
                seen(10, text(&mut ws, row, 10, description, &f.wrap)?);
                seen(11, num(&mut ws, row, 11, item.quantity, &f.num)?);
                seen(12, text(&mut ws, row, 12, unit, &f.text)?);
                units += item.quantity;
            }
            row += 1;
        }
    }
    let last_data = row - 1;
    // Totals: each carton counted once.
    ws.write_string_with_format(row, 0, "Total / 합계", &f.total_label)?;
    for col in 1..=LAST_COL {
        ws.write_blank(row, col, &f.total_label)?;
    }
    ws.write_number_with_format(row, 4, f64_of(c.gross_kg), &f.total_kg)?;
    if let Some(net) = c.net_kg {
        ws.write_number_with_format(row, 5, f64_of(net), &f.total_kg)?;
    }
    ws.write_number_with_format(row, 11, f64_of(units), &f.total_num)?;
    row += 2;
    let summary: [(&str, Decimal, &Format, String); 4] = [
        (
            "Cartons / 상자 수",
            Decimal::from(sh.cartons.len() as u64),
            &f.int,
            String::new(),
        ),
        ("Volume (m³) / 용적", c.volume_m3, &f.m3, String::new()),
        (
            "Volumetric weight (kg) / 부피중량",
            c.volumetric_kg,
            &f.kg,
            format!(
                "L × W × H (cm) ÷ {} per carton, rounded up to 0.01 kg / 상자마다 가로×세로×높이 ÷ {}",
                c.divisor, c.divisor
            ),
        ),
        (
            "Chargeable weight (kg) / 청구 중량",
            c.chargeable_kg,
            &f.kg,
            "Σ per carton of the larger of gross and volumetric weight / 상자마다 총중량과 부피중량 중 큰 값의 합"
                .to_string(),
        ),
    ];
    for (label, value, fmt, note) in &summary {
        ws.merge_range(row, 0, row, 3, label, &f.label)?;
        ws.write_number_with_format(row, 4, f64_of(*value), fmt)?;
        if !note.is_empty() {
            ws.merge_range(row, 5, row, LAST_COL, note, &f.note)?;
        }
        row += 1;
    }

    for (col, w) in widths.iter().enumerate() {
        ws.set_column_width(col as u16, w + 2.0)?;
    }
    let merged: f64 = widths[4..].iter().map(|w| w + 2.0).sum();
    for (r, w) in tall {
        let lines = (w / merged).ceil().clamp(1.0, 15.0);
        if lines > 1.0 {
            ws.set_row_height(r, 15.0 * lines)?;
        }
    }
    // Codes made of digits (declaration, order numbers, SKUs) are text on purpose.
    if last_data > header_row {
        ws.ignore_error_range(
            header_row + 1,
            6,
            last_data,
            9,
            IgnoreError::NumberStoredAsText,
        )?;
        ws.autofilter(header_row, 0, last_data, LAST_COL)?;
    }
    ws.set_freeze_panes(header_row + 1, 0)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(header_row, header_row)?;
    book.push_worksheet(ws);
    book.save_to_buffer()
}
