use super::invoice::invoice_doc;
use super::marks::marks_canvas;
use super::packing_list::packing_doc;
use super::*;
use crate::declaration_worksheet::tests::keep;
use crate::fixtures::{n, ShipmentFixture};
use exportdesk_rules::shipment::{Carton, CartonItem};
use std::io::Read;
use std::process::Command;

/// The PDF's text through `pdftotext -layout` (pages separated by form feeds).
fn pdftotext(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("exportdesk-papers-{}", std::process::id()));
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

fn pages(text: &str) -> usize {
    text.matches('\x0c').count()
}

#[test]
fn the_invoice_shows_parties_goods_and_totals() {
    let f = ShipmentFixture::new(false);
    let p = f.papers();
    let doc = invoice_doc(&p);
    assert_eq!(doc.missing_glyphs(), Vec::<char>::new());
    doc.assert_inside_margins();
    let text = pdftotext("invoice.pdf", &commercial_invoice_pdf(&p));
    for want in [
        "COMMERCIAL INVOICE",
        "상업송장",
        "SHP-2026-11-27-1",
        "2026-11-27",
        // Shipper in English, with its numbers.
        "Dalmuri Shop",
        "Seongsui-ro",
        "220-81-62517",
        "DALMU1234567890",
        // Consignee, and the other buyer as sold-to.
        "Emily Carter",
        "1200 Market Street",
        "Brooklyn K-Beauty Store LLC (US)",
        "United States (US)",
        "DAP",
        "DHL Express",
        "1234567890",
        "JD014600001234567890",
        "12345-26-0000111X, 12345-26-0000112X",
        "#SH-1001, #SH-1002, #SH-1003",
        // Goods.
        "Heartleaf calming toner",
        "KBEAUTY LAB · 150ml",
        "3304.99-1000",
        "4823.90-9000",
        "4419.90-0000",
        "10 EA",
        "20 EA",
        "Unit price USD",
        "Amount USD",
        // Totals: 125 + 88 + 60 + 30; nets 1.8 + 0.24 + 0.2 + 1.0; gross 3.5 + 2.8 + 2.2.
        "USD 303.00",
        "3 cartons",
        "3.24 kg",
        "8.50 kg",
        "Origin declaration / 원산지 신고문",
        "Signature of exporter / 수출자 서명",
        "김하늘",
    ] {
        assert!(text.contains(want), "missing '{want}' in:\n{text}");
    }
    // Unit prices and amounts on their lines.
    let line = |needle: &str| {
        text.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle}"))
            .to_string()
    };
    let toner = line("Heartleaf calming toner");
    assert!(
        toner.contains("12.50") && toner.contains("125.00") && toner.contains("KR"),
        "{toner}"
    );
    let tray = line("Bamboo serving tray");
    assert!(
        tray.contains("15.00") && tray.contains("30.00") && tray.contains("CN"),
        "{tray}"
    );
    assert!(!text.contains("JPY"));
    assert!(!text.contains("draft"), "a complete packing is not a draft");
    assert_eq!(pages(&text), 1, "{text}");
}

/// Issue 15: the invoice shows the goods at their prices, the discount and the freight the buyer
/// paid on top, adding up to what was paid.
#[test]
fn the_invoice_adds_goods_discount_and_freight_up_to_what_was_paid() {
    let mut f = ShipmentFixture::new(false);
    let d = &mut f.declarations[0];
    d.freight_separate = Some(true);
    d.freight_insurance = n("18.00");
    // The toner line (10 × 12.50 listed) was sold 10.20 off.
    d.lines[0].discount = n("10.20");
    d.lines[0].amount -= n("10.20");
    let doc = invoice_doc(&f.papers());
    assert_eq!(doc.missing_glyphs(), Vec::<char>::new());
    doc.assert_inside_margins();
    let text = pdftotext("invoice-discount.pdf", &doc.finish());
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for want in [
        "Goods USD 상품 금액 USD 303.00",
        "Less discount USD 할인 - USD 10.20",
        "Freight USD 운임 USD 18.00",
        // 303.00 − 10.20 + 18.00
        "Total paid USD 결제 합계 USD 310.80",
    ] {
        assert!(flat.contains(want), "missing '{want}' in:\n{text}");
    }
    // The line keeps its listed price and amount.
    let toner = text
        .lines()
        .find(|l| l.contains("Heartleaf calming toner"))
        .unwrap();
    assert!(
        toner.contains("12.50") && toner.contains("125.00"),
        "{toner}"
    );
    // Freight inside the prices is not added again.
    f.declarations[0].freight_separate = Some(false);
    let text = pdftotext("invoice-inside.pdf", &commercial_invoice_pdf(&f.papers()));
    assert!(
        !text.contains("Freight USD") && text.contains("USD 292.80"),
        "{text}"
    );
}

#[test]
fn mixed_currencies_get_one_total_each() {
    let f = ShipmentFixture::new(true);
    let text = pdftotext("invoice-mixed.pdf", &commercial_invoice_pdf(&f.papers()));
    // USD 125 + 88; JPY 6,000 + 3,000 — never added together.
    assert!(text.contains("USD 213.00"), "{text}");
    assert!(text.contains("JPY 9,000"), "{text}");
    assert!(!text.contains("303.00") && !text.contains("9,213"));
    // Whole yen unit prices without decimals, each amount with its currency.
    assert!(text.contains("JPY 300") && text.contains("JPY 6,000"));
    assert!(text.contains("JPY 1,500") && text.contains("USD 12.50"));
    assert!(text.contains("USD (12345-26-0000111X)") && text.contains("JPY (12345-26-0000112X)"));
    assert!(text.contains("not added together"));
    let doc = invoice_doc(&f.papers());
    assert_eq!(doc.missing_glyphs(), Vec::<char>::new());
    doc.assert_inside_margins();
}

#[test]
fn the_origin_declaration_prints_in_its_box() {
    let mut f = ShipmentFixture::new(false);
    f.origin_declaration = Some(
        "The exporter of the products covered by this document (customs authorisation No DALMU1234567890) declares that, except where otherwise clearly indicated, these products are of Korea preferential origin."
            .into(),
    );
    let doc = invoice_doc(&f.papers());
    doc.assert_inside_margins();
    let text = pdftotext("invoice-origin.pdf", &doc.finish());
    assert!(text.contains("Origin declaration / 원산지 신고문"));
    assert!(text.contains("Korea preferential origin"), "{text}");
    assert!(
        !text.contains("필요한 경우 작성"),
        "no blank-box hint when filled"
    );
}

#[test]
fn the_packing_list_goes_carton_by_carton_with_totals() {
    let f = ShipmentFixture::new(false);
    let p = f.papers();
    let doc = packing_doc(&p);
    assert_eq!(doc.missing_glyphs(), Vec::<char>::new());
    doc.assert_inside_margins();
    // The line split over three cartons appears once in each.
    let all: Vec<&str> = doc
        .drawn()
        .iter()
        .flatten()
        .map(|t| t.text.as_str())
        .collect();
    assert_eq!(all.iter().filter(|t| **t == "SKU-11-1").count(), 3);
    let text = pdftotext("packing-list.pdf", &packing_list_pdf(&p));
    for want in [
        "PACKING LIST",
        "포장명세서",
        "SHP-2026-11-27-1",
        "Emily Carter",
        "CARTON 1 / 3",
        "CARTON 2 / 3",
        "CARTON 3 / 3",
        "40 × 30 × 20",
        "30 × 20 × 15",
        "12345-26-0000112X",
        "#SH-1003",
        "SKU-12-2",
        "Bamboo serving tray",
        "대나무 쟁반",
        "20 EA",
        // Per carton: nets 4 × 0.18 + 0.24, 4 × 0.18 + 0.2, 2 × 0.18 + 1.0; volumetric
        // 24,000 ÷ 5000 and 9,000 ÷ 5000.
        "0.96 kg",
        "0.92 kg",
        "1.36 kg",
        "4.80 kg",
        "1.80 kg",
        // Totals: 36 units, 0.024 + 0.024 + 0.009 m³, 4.8 + 4.8 + 1.8 volumetric,
        // max(3.5, 4.8) + max(2.8, 4.8) + max(2.2, 1.8) chargeable.
        "3.24 kg",
        "8.50 kg",
        "0.057 m³",
        "11.40 kg",
        "11.80 kg",
        "÷ 5000",
    ] {
        assert!(text.contains(want), "missing '{want}' in:\n{text}");
    }
    let units = text
        .lines()
        .find(|l| l.contains("Units 수량"))
        .expect("units total");
    assert!(units.trim_end().ends_with("36"), "{units}");
    let carton3 = text.find("CARTON 3 / 3").unwrap();
    assert!(text[carton3..].contains("2.20 kg"), "carton 3's gross");
}

#[test]
fn the_marks_are_four_a6_labels_to_a_sheet() {
    let mut f = ShipmentFixture::new(false);
    let canvas = marks_canvas(&f.papers());
    assert_eq!(canvas.page_count(), 1);
    assert_eq!(canvas.missing_glyphs(), Vec::<char>::new());
    // Every text stays inside its own label (inside a 5 mm edge).
    for t in &canvas.drawn()[0] {
        let col = (t.x / 105.0).floor();
        let row = ((t.y - 1.0) / 148.5).floor();
        assert!(
            t.x >= col * 105.0 + 5.0 && t.right() <= (col + 1.0) * 105.0 - 5.0,
            "'{}' runs out of its label: x {} … {}",
            t.text,
            t.x,
            t.right()
        );
        assert!(
            t.y <= (row + 1.0) * 148.5 - 5.0,
            "'{}' at y {}",
            t.text,
            t.y
        );
    }
    // Carton 3 (bottom left) holds the tray made in China: no MADE IN KOREA there.
    let made: Vec<(f32, f32)> = canvas.drawn()[0]
        .iter()
        .filter(|t| t.text == "MADE IN KOREA")
        .map(|t| (t.x, t.y))
        .collect();
    assert_eq!(made.len(), 2);
    assert!(made.iter().all(|(_, y)| *y < 148.5), "{made:?}");
    let text = pdftotext("marks.pdf", &carton_marks_pdf(&f.papers()));
    for want in [
        "CARTON 1 / 3",
        "CARTON 2 / 3",
        "CARTON 3 / 3",
        "UNITED STATES",
        "Emily Carter",
        "Dalmuri Shop",
        "SHP-2026-11-27-1",
        "3.50 kg",
        "0.96 kg",
        "40 × 30 × 20 cm",
    ] {
        assert!(text.contains(want), "missing '{want}' in:\n{text}");
    }
    assert_eq!(text.matches("MADE IN KOREA").count(), 2);
    assert_eq!(pages(&text), 1);

    // Five cartons take two sheets.
    for no in 4..=5 {
        f.shipment.cartons.push(Carton {
            no,
            length_cm: n("20"),
            width_cm: n("20"),
            height_cm: n("20"),
            gross_kg: n("1"),
            items: vec![],
        });
    }
    f.recheck();
    let canvas = marks_canvas(&f.papers());
    assert_eq!(canvas.page_count(), 2);
    let text = pdftotext("marks-5.pdf", &canvas.finish());
    assert!(text.contains("CARTON 5 / 5"));
    assert_eq!(pages(&text), 2);
}

#[test]
fn a_300_character_description_wraps_without_overflowing() {
    let mut f = ShipmentFixture::new(false);
    let long = format!(
        "{} LASTWORD",
        "Organic heartleaf and centella calming toner for sensitive skin, alcohol free, ".repeat(4)
    );
    let long: String = long
        .chars()
        .rev()
        .take(300)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    assert_eq!(long.chars().count(), 300);
    f.declarations[0].lines[0].name_en = long.clone();
    f.declarations[0].lines[0].model_spec = "150ml x 2 / 리필 포함 기획 세트 ".repeat(6);
    f.recheck();
    let p = f.papers();
    for (name, doc) in [
        ("invoice-long.pdf", invoice_doc(&p)),
        ("packing-long.pdf", packing_doc(&p)),
    ] {
        doc.assert_inside_margins();
        assert_eq!(doc.missing_glyphs(), Vec::<char>::new());
        let wrapped = doc
            .drawn()
            .iter()
            .flatten()
            .filter(|t| long.contains(t.text.as_str()) && t.text.len() > 10)
            .count();
        assert!(
            wrapped >= 4,
            "{name}: wrapped over several lines ({wrapped})"
        );
        let text = pdftotext(name, &doc.finish());
        assert!(
            text.contains("LASTWORD"),
            "{name}: the end of the description is printed"
        );
        assert!(pages(&text) <= 2, "{name}: {} pages", pages(&text));
    }
    let canvas = marks_canvas(&p);
    assert_eq!(canvas.missing_glyphs(), Vec::<char>::new());
}

#[test]
fn a_long_packing_list_breaks_cleanly_and_repeats_the_band() {
    let mut f = ShipmentFixture::new(false);
    // 60 more cartons of six rows of one unit of line 12/1: several pages.
    f.declarations[1].lines[0].quantity = n("380");
    f.declarations[1].lines[0].amount = n("1140");
    for no in 4..=63 {
        f.shipment.cartons.push(Carton {
            no,
            length_cm: n("30"),
            width_cm: n("20"),
            height_cm: n("10"),
            gross_kg: n("1.2"),
            items: (0..6)
                .map(|_| CartonItem {
                    declaration_id: 12,
                    line_no: 1,
                    quantity: n("1"),
                })
                .collect(),
        });
    }
    f.recheck();
    assert!(f.check.is_complete(), "{:?}", f.check.problems);
    let doc = packing_doc(&f.papers());
    assert!(doc.page_count() >= 4, "{} pages", doc.page_count());
    doc.assert_inside_margins();
    let mut continued = 0;
    for (i, page) in doc.drawn().iter().enumerate() {
        let texts: Vec<&str> = page.iter().map(|t| t.text.as_str()).collect();
        let has_rows = texts.contains(&"SKU-12-1");
        if has_rows {
            assert!(
                texts.contains(&"Declaration / line"),
                "header repeated on page {}",
                i + 1
            );
        }
        if i > 0 && has_rows {
            // The first thing under the header is a carton band.
            let band = page
                .iter()
                .find(|t| t.text.starts_with("CARTON "))
                .expect("a band on every page with rows");
            let first_row = page.iter().find(|t| t.text == "SKU-12-1").unwrap();
            assert!(
                band.y < first_row.y,
                "page {}: rows before the first band",
                i + 1
            );
        }
        continued += texts
            .iter()
            .filter(|t| t.contains("(계속 / continued)"))
            .count();
    }
    // The band is never alone at the bottom: the last text of a page is never a band fact.
    for page in &doc.drawn()[..doc.drawn().len() - 1] {
        let last_band = page.iter().rposition(|t| t.text.starts_with("CARTON "));
        if let Some(k) = last_band {
            assert!(
                page[k..]
                    .iter()
                    .any(|t| t.text == "SKU-12-1" || t.text == "SKU-11-1"),
                "a band without rows at the bottom of a page"
            );
        }
    }
    assert!(continued > 0, "a carton runs over a page break");
    let text = pdftotext("packing-63.pdf", &doc.finish());
    assert!(text.contains("CARTON 63 / 63"));
}

#[test]
fn unfinished_packing_marks_the_papers_as_drafts() {
    let mut f = ShipmentFixture::new(false);
    f.shipment.cartons.pop();
    f.recheck();
    assert!(!f.check.is_complete());
    let text = pdftotext("invoice-draft.pdf", &commercial_invoice_pdf(&f.papers()));
    assert!(text.contains("draft"), "{text}");
    let text = pdftotext("packing-draft.pdf", &packing_list_pdf(&f.papers()));
    assert!(
        text.contains("draft") && text.contains("pack 2 EA more"),
        "{text}"
    );
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The `<c>` element of cell `r` (e.g. `E14`), or "" when the cell is not written.
fn cell<'x>(sheet: &'x str, r: &str) -> &'x str {
    let Some(start) = sheet.find(&format!("<c r=\"{r}\"")) else {
        return "";
    };
    let rest = &sheet[start..];
    let close = rest.find("</c>").map(|e| e + 4);
    let empty = rest.find("/>").map(|e| e + 2);
    let end = match (close, empty) {
        (Some(c), Some(e)) => c.min(e),
        (c, e) => c.or(e).unwrap(),
    };
    &rest[..end]
}

#[test]
fn the_xlsx_packing_list_has_numbers_and_formula_safe_text() {
    let mut f = ShipmentFixture::new(false);
    let bytes = packing_list_xlsx(&f.papers()).unwrap();
    keep("packing-list.xlsx", &bytes);
    let workbook = part(&bytes, "xl/workbook.xml");
    assert!(workbook.contains("name=\"Packing list\""), "{workbook}");
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    // Title row, 10 header-block rows, a blank row, the table header on row 13, data from 14.
    let strings = part(&bytes, "xl/sharedStrings.xml");
    assert!(strings.contains("SHP-2026-11-27-1") && strings.contains("Emily Carter"));
    assert!(strings.contains("Carton no.") && strings.contains("상자 번호"));
    assert!(
        cell(&sheet, "A14").contains("<v>1</v>"),
        "{}",
        cell(&sheet, "A14")
    );
    assert!(
        cell(&sheet, "E14").contains("<v>3.5</v>"),
        "gross is a number"
    );
    assert!(
        cell(&sheet, "F14").contains("<v>0.96</v>"),
        "net is a number"
    );
    assert!(cell(&sheet, "L14").contains("<v>4</v>") && !cell(&sheet, "L14").contains("t=\"s\""));
    // The carton's size and weights only on its first row; the carton number on every row.
    assert!(cell(&sheet, "A15").contains("<v>1</v>"));
    assert!(!cell(&sheet, "E15").contains("<v>"));
    // Six item rows (14–19), then the totals on row 20.
    assert!(
        cell(&sheet, "E20").contains("<v>8.5</v>"),
        "{}",
        cell(&sheet, "E20")
    );
    assert!(cell(&sheet, "F20").contains("<v>3.24</v>"));
    assert!(cell(&sheet, "L20").contains("<v>36</v>"));
    assert!(sheet.contains("<autoFilter ref=\"A13:M19\""), "{sheet}");
    assert!(sheet.contains("ySplit=\"13\""), "header row frozen");
    assert!(!sheet.contains("<f>"));

    f.lines[0].description = "=SUM(A1:A2)".into();
    f.lines[1].sku = "@sku".into();
    f.lines[2].order_no = "+82-10-1234".into();
    f.lines[3].description = "-10% promo".into();
    let bytes = packing_list_xlsx(&f.papers()).unwrap();
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    let strings = part(&bytes, "xl/sharedStrings.xml");
    assert!(!sheet.contains("<f>"), "no formula");
    assert!(strings.contains("<t>=SUM(A1:A2)</t>"), "{strings}");
    assert!(strings.contains("<t>@sku</t>") && strings.contains("<t>-10% promo</t>"));
    assert!(strings.contains("+82-10-1234"));
    assert!(
        cell(&sheet, "K14").contains("t=\"s\""),
        "{}",
        cell(&sheet, "K14")
    );
}

#[test]
fn an_empty_shipment_still_renders() {
    let mut f = ShipmentFixture::new(false);
    f.shipment.cartons.clear();
    f.shipment.consignee_address.clear();
    f.shipment.tracking_numbers.clear();
    f.seller.customs_code = None;
    f.recheck();
    let p = f.papers();
    for pdf in [
        commercial_invoice_pdf(&p),
        packing_list_pdf(&p),
        carton_marks_pdf(&p),
    ] {
        assert!(pdf.starts_with(b"%PDF"));
    }
    packing_doc(&p).assert_inside_margins();
    assert!(packing_list_xlsx(&p).is_ok());
    f.declarations.clear();
    f.recheck();
    let p = f.papers();
    invoice_doc(&p).assert_inside_margins();
    assert!(packing_list_xlsx(&p).is_ok());
}
