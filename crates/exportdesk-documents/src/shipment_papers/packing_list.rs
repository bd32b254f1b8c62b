//! The packing list (포장명세서): the header facts, then carton by carton its size and weights
//! and what is in it (declaration and line, order, SKU, description, quantity), then the totals
//! with the volumetric divisor and how the chargeable weight was found.

use super::{
    dimensions, footer, header_fields, kg, kg_or_dash, pack_line_ref, packing_notices, Index,
    Paper, ShipmentPapers,
};
use crate::layout::{Align, Cell, Column, Doc, Row, Section, Stat, Tone};
use crate::text::number;
use rust_decimal::Decimal;

/// Render the packing list.
pub fn packing_list_pdf(p: &ShipmentPapers<'_>) -> Vec<u8> {
    packing_doc(p).finish()
}

pub(crate) fn packing_doc(p: &ShipmentPapers<'_>) -> Doc {
    let mut doc = Doc::new("PACKING LIST", "포장명세서", &footer(p));
    let c = p.check;
    packing_notices(&mut doc, c, true);
    doc.glossed_fields(&header_fields(p, Paper::PackingList));
    let units: Decimal = c.cartons.iter().map(|f| f.units).sum();
    let total = p.shipment.cartons.len();
    doc.stats(&[
        Stat::new("Cartons", "상자 수", total.to_string(), Tone::Info),
        Stat::new("Units", "수량", number(units), Tone::Neutral),
        Stat::new("Gross weight", "총중량", kg(c.gross_kg), Tone::Neutral),
        Stat::new(
            "Chargeable weight",
            "청구 중량",
            kg(c.chargeable_kg),
            Tone::Neutral,
        ),
    ]);

    let index = Index::new(p);
    let cols = [
        Column::new("Declaration / line", "신고번호 / 란", 36.0, Align::Left),
        Column::new("Order no.", "주문번호", 24.0, Align::Left),
        Column::new("SKU", "SKU", 26.0, Align::Left),
        Column::new("Description", "품명", 74.0, Align::Left),
        Column::new("Quantity", "수량", 20.0, Align::Right),
    ];
    let sections: Vec<Section> = p
        .shipment
        .cartons
        .iter()
        .enumerate()
        .map(|(i, carton)| {
            let n = i + 1;
            let fig = index.figures(carton.no);
            let rows = carton
                .items
                .iter()
                .map(|item| {
                    let pack = index.pack(item.declaration_id, item.line_no);
                    let declared = index.declared(item.declaration_id, item.line_no);
                    let decl = pack.map(pack_line_ref).unwrap_or_else(|| {
                        declared.map_or_else(
                            || format!("#{}", item.declaration_id),
                            |(d, _)| super::declaration_ref(d),
                        )
                    });
                    let description = pack
                        .map(|l| l.description.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .or_else(|| declared.map(|(_, l)| l.name_en.trim().to_string()))
                        .unwrap_or_default();
                    let name_ko = declared
                        .map(|(_, l)| l.name_ko.trim().to_string())
                        .filter(|k| *k != description)
                        .unwrap_or_default();
                    let unit = pack
                        .map(|l| l.unit.trim())
                        .or_else(|| declared.map(|(_, l)| l.unit.trim()))
                        .unwrap_or("");
                    let dash = |s: &str| {
                        if s.trim().is_empty() {
                            "—".to_string()
                        } else {
                            s.trim().to_string()
                        }
                    };
                    Row::new(vec![
                        Cell::with_sub(decl, format!("line {0} · 란 {0}", item.line_no)),
                        Cell::new(dash(pack.map_or("", |l| l.order_no.as_str()))),
                        Cell::new(dash(pack.map_or("", |l| l.sku.as_str()))),
                        Cell::with_sub(dash(&description), name_ko),
                        Cell::new(
                            format!("{} {unit}", number(item.quantity))
                                .trim()
                                .to_string(),
                        ),
                    ])
                })
                .collect();
            Section {
                title: format!("CARTON {n} / {total}"),
                title_sub: format!("상자 {n} / {total}"),
                facts: vec![
                    (
                        "L × W × H cm · 치수".to_string(),
                        dimensions(carton.length_cm, carton.width_cm, carton.height_cm),
                    ),
                    ("Gross · 총중량".to_string(), kg(carton.gross_kg)),
                    (
                        "Net · 순중량".to_string(),
                        kg_or_dash(fig.and_then(|f| f.net_kg)),
                    ),
                    (
                        "Volumetric · 부피중량".to_string(),
                        fig.map_or("—".to_string(), |f| kg(f.volumetric_kg)),
                    ),
                    (
                        "Units · 수량".to_string(),
                        fig.map_or("—".to_string(), |f| number(f.units)),
                    ),
                ],
                rows,
            }
        })
        .collect();
    doc.heading("Cartons and contents", "상자별 내용물");
    doc.table_sections(&cols, &sections);

    doc.heading("Totals", "합계");
    doc.totals(&[
        ("Cartons 상자 수".to_string(), total.to_string()),
        ("Units 수량".to_string(), number(units)),
        ("Net weight 순중량".to_string(), kg_or_dash(c.net_kg)),
        ("Gross weight 총중량".to_string(), kg(c.gross_kg)),
        (
            "Volume 용적".to_string(),
            format!("{} m³", number(c.volume_m3)),
        ),
        (
            format!("Volumetric weight 부피중량 (L × W × H ÷ {})", c.divisor),
            kg(c.volumetric_kg),
        ),
        (
            "Chargeable weight 청구 중량".to_string(),
            kg(c.chargeable_kg),
        ),
    ]);
    doc.note(&format!(
        "부피중량은 상자마다 가로 × 세로 × 높이(cm) ÷ {d}을 0.01 kg 단위로 올린 값이고, 청구 중량은 상자마다 총중량과 부피중량 중 큰 값을 더한 것입니다(특송 복수 상자 기준). \
         Volumetric weight is length × width × height (cm) ÷ {d} per carton, rounded up to 0.01 kg; the chargeable weight adds up the larger of gross and volumetric weight of each carton (how express couriers bill multi-piece shipments).",
        d = c.divisor
    ));
    let s = p.seller;
    doc.signature(
        "We certify that the goods are packed as listed above. 위와 같이 포장했음을 확인합니다.",
        &format!("For and on behalf of {}", super::shipper_name(s)),
        "Signature of exporter / 수출자 서명",
        &format!(
            "Name / 성명: {} · Date / 일자: {}",
            s.representative.trim(),
            p.today
        ),
    );
    doc
}
