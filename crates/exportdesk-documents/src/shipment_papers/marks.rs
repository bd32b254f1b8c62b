//! Carton marks (화인): one A6 label per carton, four to an A4 sheet (2 × 2) with light dashed
//! cut lines: shipper, consignee, the destination country in large letters, "CARTON n / N",
//! weights, size and the shipment reference, and "MADE IN KOREA" when everything in the carton
//! is of Korean origin.

use super::{country_en, country_ko, dimensions, kg, kg_or_dash, Index, ShipmentPapers};
use crate::layout::{text_width, wrap_capped, Align, Canvas, Ink};
use exportdesk_rules::shipment::Carton;

const LABEL_W: f32 = Canvas::PAGE_W / 2.0;
const LABEL_H: f32 = Canvas::PAGE_H / 2.0;
const PAD: f32 = 7.0;
const INNER: f32 = LABEL_W - 2.0 * PAD;

/// Render the carton marks.
pub fn carton_marks_pdf(p: &ShipmentPapers<'_>) -> Vec<u8> {
    marks_canvas(p).finish()
}

/// The largest size from `max` down to `min` at which `text` fits `width`.
fn fitted_size(text: &str, max: f32, min: f32, bold: bool, width: f32) -> f32 {
    let w = text_width(text, max, bold);
    if w <= width {
        max
    } else {
        (max * width / w).max(min)
    }
}

/// Whether every line in the carton is declared with origin KR (and it holds something).
fn made_in_korea(carton: &Carton, index: &Index<'_>) -> bool {
    !carton.items.is_empty()
        && carton.items.iter().all(|item| {
            index
                .declared(item.declaration_id, item.line_no)
                .and_then(|(_, l)| l.origin_country.as_deref())
                .is_some_and(|o| o.trim().eq_ignore_ascii_case("KR"))
        })
}

pub(crate) fn marks_canvas(p: &ShipmentPapers<'_>) -> Canvas {
    let mut c = Canvas::new(&format!(
        "Carton marks / 화인 — {}",
        p.shipment.reference.trim()
    ));
    let index = Index::new(p);
    let total = p.shipment.cartons.len();
    for (i, carton) in p.shipment.cartons.iter().enumerate() {
        let slot = i % 4;
        if i > 0 && slot == 0 {
            c.new_page();
        }
        if slot == 0 {
            cut_lines(&mut c);
        }
        let x = (slot % 2) as f32 * LABEL_W + PAD;
        let top = (slot / 2) as f32 * LABEL_H;
        label(&mut c, p, &index, carton, i + 1, total, x, top);
    }
    c
}

fn cut_lines(c: &mut Canvas) {
    c.line(LABEL_W, 0.0, LABEL_W, Canvas::PAGE_H, 0.5, Ink::Light, true);
    c.line(0.0, LABEL_H, Canvas::PAGE_W, LABEL_H, 0.5, Ink::Light, true);
}

#[allow(clippy::too_many_arguments)]
fn label(
    c: &mut Canvas,
    p: &ShipmentPapers<'_>,
    index: &Index<'_>,
    carton: &Carton,
    n: usize,
    total: usize,
    x: f32,
    top: f32,
) {
    let s = p.seller;
    let sh = p.shipment;
    // Shipper.
    c.text(x, top + 10.0, "SHIPPER / 발송인", 6.2, false, Ink::Grey);
    c.text_in(
        x,
        INNER,
        top + 14.5,
        super::shipper_name(s),
        9.0,
        true,
        Align::Left,
        Ink::Black,
    );
    let mut y = top + 18.3;
    for l in wrap_capped(super::shipper_address(s), 7.2, false, INNER, 2) {
        c.text(x, y, &l, 7.2, false, Ink::Black);
        y += 3.2;
    }
    c.line(x, top + 24.5, x + INNER, top + 24.5, 0.4, Ink::Light, false);

    // Consignee.
    c.text(x, top + 29.0, "CONSIGNEE / 수하인", 6.2, false, Ink::Grey);
    let name = fitted_size(sh.consignee_name.trim(), 11.0, 8.0, true, INNER);
    c.text_in(
        x,
        INNER,
        top + 34.0,
        sh.consignee_name.trim(),
        name,
        true,
        Align::Left,
        Ink::Black,
    );
    let mut y = top + 38.4;
    for l in wrap_capped(sh.consignee_address.trim(), 7.8, false, INNER, 3) {
        c.text(x, y, &l, 7.8, false, Ink::Black);
        y += 3.5;
    }
    let country = country_en(&sh.destination_country).to_uppercase();
    c.text_in(x, INNER, y, &country, 7.8, true, Align::Left, Ink::Black);

    // Destination in large letters.
    c.fill(x - 1.5, top + 52.0, INNER + 3.0, 18.0, Ink::Tint);
    c.text(x, top + 55.8, "DESTINATION / 목적국", 6.2, false, Ink::Grey);
    let size = fitted_size(&country, 20.0, 9.0, true, INNER);
    c.text_in(
        x,
        INNER,
        top + 64.0,
        &country,
        size,
        true,
        Align::Center,
        Ink::Navy,
    );
    let ko = country_ko(&sh.destination_country);
    let sub = if ko.is_empty() {
        sh.destination_country.trim().to_uppercase()
    } else {
        format!("{} · {}", sh.destination_country.trim().to_uppercase(), ko)
    };
    c.text_in(
        x,
        INNER,
        top + 68.4,
        &sub,
        7.2,
        false,
        Align::Center,
        Ink::Grey,
    );

    // Carton number.
    c.frame(x - 1.5, top + 74.0, INNER + 3.0, 27.0, 1.2, Ink::Black);
    c.text(
        x + 1.0,
        top + 78.6,
        "CARTON NO. / 상자 번호",
        6.2,
        false,
        Ink::Grey,
    );
    let no = format!("CARTON {n} / {total}");
    let size = fitted_size(&no, 28.0, 12.0, true, INNER - 4.0);
    c.text_in(
        x,
        INNER,
        top + 93.5,
        &no,
        size,
        true,
        Align::Center,
        Ink::Black,
    );

    // Weights, size, reference.
    let fig = index.figures(carton.no);
    let half = INNER / 2.0;
    let facts = [
        ("GROSS WEIGHT / 총중량", kg(carton.gross_kg)),
        (
            "NET WEIGHT / 순중량",
            kg_or_dash(fig.and_then(|f| f.net_kg)),
        ),
        (
            "DIMENSIONS / 치수",
            format!(
                "{} cm",
                dimensions(carton.length_cm, carton.width_cm, carton.height_cm)
            ),
        ),
        ("SHIPMENT REF. / 선적 참조", sh.reference.trim().to_string()),
    ];
    for (k, (label, value)) in facts.iter().enumerate() {
        let fx = x + (k % 2) as f32 * half;
        let fy = top + 106.0 + (k / 2) as f32 * 11.0;
        c.text_in(
            fx,
            half - 2.0,
            fy,
            label,
            6.0,
            false,
            Align::Left,
            Ink::Grey,
        );
        c.text_in(
            fx,
            half - 2.0,
            fy + 4.8,
            value,
            9.6,
            true,
            Align::Left,
            Ink::Black,
        );
    }
    if made_in_korea(carton, index) {
        c.line(
            x,
            top + 130.0,
            x + INNER,
            top + 130.0,
            0.4,
            Ink::Light,
            false,
        );
        c.text_in(
            x,
            INNER,
            top + 138.0,
            "MADE IN KOREA",
            15.0,
            true,
            Align::Center,
            Ink::Black,
        );
    }
}
