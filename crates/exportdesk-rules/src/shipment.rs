//! Consolidated shipments (합포장): several declarations packed into cartons and loaded as one
//! consignment.
//!
//! Pure: the declared lines and the cartons come in, checks and figures go out.
//!
//! - **Every declared unit is packed exactly once.** A line may be split over any number of
//!   cartons; the sum of its units over all cartons must equal the declared quantity. Fewer is a
//!   `missing` problem, more an `extra` one, each naming the line and the difference.
//! - **Net ≤ gross per carton.** A carton's net weight is the sum of its units' net weight (the
//!   declared line's net weight ÷ its quantity × units packed); it cannot exceed the gross weight
//!   the user weighed. Units of a line without a net weight make the carton's net unknown, which
//!   is reported once as a warning, not guessed.
//! - **Volumetric and chargeable weight.** Volumetric weight per carton is L × W × H (cm) ÷ the
//!   divisor (a setting; couriers use 5000 for express, 6000 for some services), rounded *up* to
//!   0.01 kg. Chargeable weight per shipment is the sum over cartons of the larger of gross and
//!   volumetric weight — how express couriers bill multi-piece shipments; the totals of gross and
//!   volumetric are shown beside it, because air freight bills the larger of the two totals.
//! - **Auto-pack** proposes cartons of one size: lines in order of unit weight (heaviest first),
//!   each carton filled until the next unit would pass the weight limit (maximum gross minus the
//!   empty carton's tare) or, when unit volumes are given, the usable volume. The proposal's gross
//!   weights are estimates (tare + net) for the user to replace with the weighed figures.

use crate::money::{parse_amount, parse_non_negative};
use crate::problem::{Problem, Problems};
use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A declared line to be packed: which declaration, which line, how many units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PackLine {
    pub declaration_id: i64,
    pub line_no: u32,
    /// The declaration number once accepted, else empty (for messages and documents).
    pub declaration_no: String,
    pub order_no: String,
    pub sku: String,
    pub description: String,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub quantity: Decimal,
    pub unit: String,
    /// Net weight of the whole declared line, if known.
    #[ts(type = "string | null")]
    #[serde(with = "rust_decimal::serde::str_option")]
    pub net_weight_kg: Option<Decimal>,
}

impl PackLine {
    /// Net weight of one unit.
    pub fn unit_net_kg(&self) -> Option<Decimal> {
        match self.net_weight_kg {
            Some(w) if !self.quantity.is_zero() => Some(w / self.quantity),
            _ => None,
        }
    }

    /// "신고 12345-26-900001X 2란 (SKU)".
    fn label_ko(&self) -> String {
        let mut s = format!("신고 {} {}란", self.declaration_ref(), self.line_no);
        if !self.sku.is_empty() {
            s.push_str(&format!(" ({})", self.sku));
        }
        s
    }

    /// "declaration 12345-26-900001X line 2 (SKU)".
    fn label_en(&self) -> String {
        let mut s = format!(
            "declaration {} line {}",
            self.declaration_ref(),
            self.line_no
        );
        if !self.sku.is_empty() {
            s.push_str(&format!(" ({})", self.sku));
        }
        s
    }

    fn declaration_ref(&self) -> String {
        if self.declaration_no.is_empty() {
            format!("#{}", self.declaration_id)
        } else {
            self.declaration_no.clone()
        }
    }

    fn same(&self, declaration_id: i64, line_no: u32) -> bool {
        self.declaration_id == declaration_id && self.line_no == line_no
    }
}

/// Units of one declared line in one carton, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct CartonItemDraft {
    pub declaration_id: i64,
    pub line_no: u32,
    pub quantity: String,
}

/// A carton as typed on the packing form.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct CartonDraft {
    pub length_cm: String,
    pub width_cm: String,
    pub height_cm: String,
    pub gross_kg: String,
    pub items: Vec<CartonItemDraft>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CartonItem {
    pub declaration_id: i64,
    pub line_no: u32,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub quantity: Decimal,
}

/// A validated carton. `no` is 1-based, in the order of the form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Carton {
    pub no: u32,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub length_cm: Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub width_cm: Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub height_cm: Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub gross_kg: Decimal,
    pub items: Vec<CartonItem>,
}

impl Carton {
    /// The form's draft of this carton (to edit a proposal or a saved packing).
    pub fn to_draft(&self) -> CartonDraft {
        CartonDraft {
            length_cm: self.length_cm.normalize().to_string(),
            width_cm: self.width_cm.normalize().to_string(),
            height_cm: self.height_cm.normalize().to_string(),
            gross_kg: self.gross_kg.normalize().to_string(),
            items: self
                .items
                .iter()
                .map(|i| CartonItemDraft {
                    declaration_id: i.declaration_id,
                    line_no: i.line_no,
                    quantity: i.quantity.normalize().to_string(),
                })
                .collect(),
        }
    }
}

fn positive(input: &str, field: String, ko: &str, en: &str) -> Result<Decimal, Problem> {
    if input.trim().is_empty() {
        return Err(Problem::new(
            "carton.required",
            format!("{ko}을(를) 입력하세요."),
            format!("Enter the {en}."),
        )
        .at(field));
    }
    let v = parse_amount(input, &field)?;
    if v <= Decimal::ZERO {
        return Err(Problem::new(
            "carton.not_positive",
            format!("{ko}은(는) 0보다 커야 합니다 ('{}').", input.trim()),
            format!("The {en} must be more than zero ('{}').", input.trim()),
        )
        .at(field)
        .with("value", input.trim()));
    }
    Ok(v)
}

/// Check the typed cartons: dimensions and gross weight above zero, quantities numbers of zero or
/// more, every item a line of the shipment. Items with zero units are dropped.
pub fn validate_cartons(
    drafts: &[CartonDraft],
    lines: &[PackLine],
) -> Result<Vec<Carton>, Problems> {
    let mut p = Problems::default();
    if drafts.is_empty() {
        p.push(Problem::new(
            "carton.none",
            "상자를 하나 이상 추가하세요.",
            "Add at least one carton.",
        ));
    }
    let mut out = Vec::with_capacity(drafts.len());
    for (i, d) in drafts.iter().enumerate() {
        let f = |name: &str| format!("cartons[{i}].{name}");
        let l = p.take(positive(
            &d.length_cm,
            f("length_cm"),
            "상자 길이(cm)",
            "carton length (cm)",
        ));
        let w = p.take(positive(
            &d.width_cm,
            f("width_cm"),
            "상자 너비(cm)",
            "carton width (cm)",
        ));
        let h = p.take(positive(
            &d.height_cm,
            f("height_cm"),
            "상자 높이(cm)",
            "carton height (cm)",
        ));
        let g = p.take(positive(
            &d.gross_kg,
            f("gross_kg"),
            "상자 총중량(kg)",
            "carton gross weight (kg)",
        ));
        let mut items: Vec<CartonItem> = Vec::new();
        for (j, item) in d.items.iter().enumerate() {
            let field = format!("cartons[{i}].items[{j}].quantity");
            let Some(line) = lines
                .iter()
                .find(|l| l.same(item.declaration_id, item.line_no))
            else {
                p.push(
                    Problem::new(
                        "carton.unknown_line",
                        format!("{}번 상자에 이 선적에 없는 품목(신고 {} 란 {})이 있습니다. 그 품목을 빼세요.", i + 1, item.declaration_id, item.line_no),
                        format!("Carton {} holds an item that is not in this shipment (declaration {} line {}); remove it.", i + 1, item.declaration_id, item.line_no),
                    )
                    .at(field),
                );
                continue;
            };
            let Some(q) = p.take(parse_non_negative(&item.quantity, &field)) else {
                continue;
            };
            if q.is_zero() {
                continue;
            }
            if q.fract() != Decimal::ZERO && is_piece_unit(&line.unit) {
                p.push(
                    Problem::new(
                        "carton.fraction",
                        format!(
                            "{}번 상자의 {} 수량 {}: 낱개 단위({})는 정수로 넣으세요.",
                            i + 1,
                            line.label_ko(),
                            item.quantity.trim(),
                            line.unit
                        ),
                        format!(
                            "Carton {}, {}: {} {} — pieces are packed in whole numbers.",
                            i + 1,
                            line.label_en(),
                            item.quantity.trim(),
                            line.unit
                        ),
                    )
                    .at(field),
                );
                continue;
            }
            match items
                .iter_mut()
                .find(|x| x.declaration_id == item.declaration_id && x.line_no == item.line_no)
            {
                Some(x) => x.quantity += q,
                None => items.push(CartonItem {
                    declaration_id: item.declaration_id,
                    line_no: item.line_no,
                    quantity: q,
                }),
            }
        }
        if let (Some(length_cm), Some(width_cm), Some(height_cm), Some(gross_kg)) = (l, w, h, g) {
            out.push(Carton {
                no: i as u32 + 1,
                length_cm,
                width_cm,
                height_cm,
                gross_kg,
                items,
            });
        }
    }
    p.into_result(|| out)
}

fn is_piece_unit(unit: &str) -> bool {
    matches!(
        unit.to_uppercase().as_str(),
        "EA" | "PCS" | "PC" | "U" | "SET" | "PR" | "BOX"
    )
}

/// How one declared line is packed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LinePacking {
    pub declaration_id: i64,
    pub line_no: u32,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub declared: Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub packed: Decimal,
    /// The cartons it is in.
    pub cartons: Vec<u32>,
}

/// A carton's computed figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CartonFigures {
    pub no: u32,
    /// Net weight of its contents; `None` when a line in it has no net weight.
    #[ts(type = "string | null")]
    #[serde(with = "rust_decimal::serde::str_option")]
    pub net_kg: Option<Decimal>,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub volume_m3: Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub volumetric_kg: Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub chargeable_kg: Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub units: Decimal,
}

/// The packing checked: figures per carton and line, totals, and what stops loading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PackingCheck {
    pub cartons: Vec<CartonFigures>,
    pub lines: Vec<LinePacking>,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub gross_kg: Decimal,
    /// Total net weight; `None` when any carton's net is unknown.
    #[ts(type = "string | null")]
    #[serde(with = "rust_decimal::serde::str_option")]
    pub net_kg: Option<Decimal>,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub volume_m3: Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub volumetric_kg: Decimal,
    /// Σ per carton of max(gross, volumetric).
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub chargeable_kg: Decimal,
    pub divisor: u32,
    /// Problems that must be fixed before the shipment can be loaded.
    pub problems: Vec<Problem>,
    /// Things to know that do not stop loading.
    pub warnings: Vec<Problem>,
}

impl PackingCheck {
    /// Every unit packed exactly once and every carton's weights consistent.
    pub fn is_complete(&self) -> bool {
        self.problems.is_empty()
    }
}

fn up2(v: Decimal) -> Decimal {
    v.round_dp_with_strategy(2, RoundingStrategy::AwayFromZero)
}

/// Check cartons against the declared lines (see the module documentation).
pub fn check_packing(cartons: &[Carton], lines: &[PackLine], divisor: u32) -> PackingCheck {
    let divisor = divisor.max(1);
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let mut figures = Vec::with_capacity(cartons.len());
    let mut unweighed: Vec<String> = Vec::new();
    for c in cartons {
        let mut net = Some(Decimal::ZERO);
        let mut units = Decimal::ZERO;
        for item in &c.items {
            units += item.quantity;
            let unit_net = lines
                .iter()
                .find(|l| l.same(item.declaration_id, item.line_no))
                .and_then(|l| {
                    if l.unit_net_kg().is_none() && !unweighed.contains(&l.label_en()) {
                        unweighed.push(l.label_en());
                    }
                    l.unit_net_kg()
                });
            net = match (net, unit_net) {
                (Some(n), Some(u)) => Some(n + u * item.quantity),
                _ => None,
            };
        }
        let net = net.map(up2);
        if let Some(n) = net {
            if n > c.gross_kg {
                problems.push(
                    Problem::new(
                        "carton.net_over_gross",
                        format!("{}번 상자: 내용물 순중량 {n} kg이 총중량 {} kg보다 큽니다. 상자 무게를 다시 재거나 상품의 순중량을 확인하세요.", c.no, c.gross_kg.normalize()),
                        format!("Carton {}: the contents' net weight {n} kg is more than the gross weight {} kg. Weigh the carton again or check the products' net weights.", c.no, c.gross_kg.normalize()),
                    )
                    .at(format!("cartons[{}].gross_kg", c.no - 1))
                    .with("net", n)
                    .with("gross", c.gross_kg),
                );
            }
        }
        let volume_cm3 = c.length_cm * c.width_cm * c.height_cm;
        let volumetric = up2(volume_cm3 / Decimal::from(divisor));
        figures.push(CartonFigures {
            no: c.no,
            net_kg: net,
            volume_m3: (volume_cm3 / Decimal::from(1_000_000)).round_dp(4),
            volumetric_kg: volumetric,
            chargeable_kg: volumetric.max(c.gross_kg),
            units,
        });
    }
    if !unweighed.is_empty() {
        let list = unweighed.join(", ");
        warnings.push(
            Problem::new(
                "packing.net_unknown",
                format!("순중량이 없는 품목이 있어 상자 순중량을 계산하지 못했습니다: {list}. 상품 화면에서 순중량을 넣으면 계산됩니다."),
                format!("Some lines have no net weight, so the cartons' net weight is unknown: {list}. Enter the net weight on the product screen."),
            )
            .with("lines", list),
        );
    }
    let mut packing = Vec::with_capacity(lines.len());
    for l in lines {
        let mut packed = Decimal::ZERO;
        let mut in_cartons = Vec::new();
        for c in cartons {
            for item in c
                .items
                .iter()
                .filter(|i| l.same(i.declaration_id, i.line_no))
            {
                packed += item.quantity;
                if !in_cartons.contains(&c.no) {
                    in_cartons.push(c.no);
                }
            }
        }
        if packed < l.quantity {
            let missing = (l.quantity - packed).normalize();
            problems.push(
                Problem::new(
                    "packing.missing",
                    format!(
                        "{} {}: 신고 수량 {} 중 {}만 상자에 넣었습니다. {} {}을(를) 더 넣으세요.",
                        l.label_ko(),
                        l.description,
                        l.quantity.normalize(),
                        packed.normalize(),
                        missing,
                        l.unit
                    ),
                    format!(
                        "{} {}: {} of the {} declared are packed; pack {} {} more.",
                        l.label_en(),
                        l.description,
                        packed.normalize(),
                        l.quantity.normalize(),
                        missing,
                        l.unit
                    ),
                )
                .with("declaration_id", l.declaration_id)
                .with("line_no", l.line_no)
                .with("missing", missing),
            );
        } else if packed > l.quantity {
            let extra = (packed - l.quantity).normalize();
            problems.push(
                Problem::new(
                    "packing.extra",
                    format!("{} {}: 신고 수량은 {}인데 상자에 {}을(를) 넣었습니다. {} {}을(를) 빼세요 — 신고하지 않은 물품은 함께 실을 수 없습니다.", l.label_ko(), l.description, l.quantity.normalize(), packed.normalize(), extra, l.unit),
                    format!("{} {}: {} declared but {} packed; take {} {} out — undeclared goods cannot go in the consignment.", l.label_en(), l.description, l.quantity.normalize(), packed.normalize(), extra, l.unit),
                )
                .with("declaration_id", l.declaration_id)
                .with("line_no", l.line_no)
                .with("extra", extra),
            );
        }
        packing.push(LinePacking {
            declaration_id: l.declaration_id,
            line_no: l.line_no,
            declared: l.quantity,
            packed,
            cartons: in_cartons,
        });
    }
    if cartons.is_empty() {
        problems.push(Problem::new(
            "carton.none",
            "아직 상자가 없습니다. 상자를 추가하거나 자동 포장을 쓰세요.",
            "There are no cartons yet; add cartons or use auto-pack.",
        ));
    }
    let gross: Decimal = cartons.iter().map(|c| c.gross_kg).sum();
    let net = figures
        .iter()
        .try_fold(Decimal::ZERO, |acc, f| f.net_kg.map(|n| acc + n));
    PackingCheck {
        gross_kg: gross,
        net_kg: net,
        volume_m3: figures.iter().map(|f| f.volume_m3).sum(),
        volumetric_kg: figures.iter().map(|f| f.volumetric_kg).sum(),
        chargeable_kg: figures.iter().map(|f| f.chargeable_kg).sum(),
        cartons: figures,
        lines: packing,
        divisor,
        problems,
        warnings,
    }
}

/// Where a shipment is in its life: being packed, or loaded (its declarations' loading recorded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ShipmentState {
    Packing,
    Loaded,
}

impl ShipmentState {
    pub fn code(self) -> &'static str {
        match self {
            ShipmentState::Packing => "packing",
            ShipmentState::Loaded => "loaded",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "packing" => Some(ShipmentState::Packing),
            "loaded" => Some(ShipmentState::Loaded),
            _ => None,
        }
    }
}

/// A consolidated shipment: declarations packed together and loaded as one consignment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Shipment {
    pub id: i64,
    /// The user's reference (e.g. `SHP-2026-11-27-1`), printed on every paper.
    pub reference: String,
    pub state: ShipmentState,
    pub created_on: NaiveDate,
    pub declaration_ids: Vec<i64>,
    /// The consignee printed on the invoice, packing list and marks (the buyer's by default, or
    /// the overseas warehouse's).
    pub consignee_name: String,
    pub consignee_address: String,
    pub destination_country: String,
    /// Volumetric divisor used for this shipment (cm³ per kg).
    pub volumetric_divisor: u32,
    pub cartons: Vec<Carton>,
    pub loaded_on: Option<NaiveDate>,
    pub carrier: String,
    pub bl_awb: String,
    pub tracking_numbers: Vec<String>,
    pub note: String,
}

/// The carton size and limits auto-pack fills.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AutoPackRequest {
    pub length_cm: String,
    pub width_cm: String,
    pub height_cm: String,
    /// The most a carton may weigh, packed (courier limit or what one person can lift).
    pub max_gross_kg: String,
    /// The empty carton's weight.
    pub tare_kg: String,
    /// Volume of one packed unit per line (cm³), when known: `declaration_id`, `line_no`, value.
    pub unit_volumes: Vec<CartonItemDraft>,
    /// Share of the carton's volume usable for goods (default 0.85: padding and gaps).
    pub fill_ratio: String,
}

/// Propose cartons of one size for the lines (see the module documentation).
pub fn auto_pack(req: &AutoPackRequest, lines: &[PackLine]) -> Result<Vec<Carton>, Problems> {
    let mut p = Problems::default();
    let l = p.take(positive(
        &req.length_cm,
        "length_cm".into(),
        "상자 길이(cm)",
        "carton length (cm)",
    ));
    let w = p.take(positive(
        &req.width_cm,
        "width_cm".into(),
        "상자 너비(cm)",
        "carton width (cm)",
    ));
    let h = p.take(positive(
        &req.height_cm,
        "height_cm".into(),
        "상자 높이(cm)",
        "carton height (cm)",
    ));
    let max = p.take(positive(
        &req.max_gross_kg,
        "max_gross_kg".into(),
        "상자당 최대 총중량(kg)",
        "maximum gross weight per carton (kg)",
    ));
    let tare = if req.tare_kg.trim().is_empty() {
        Some(Decimal::ZERO)
    } else {
        p.take(parse_non_negative(&req.tare_kg, "tare_kg"))
    };
    let fill = if req.fill_ratio.trim().is_empty() {
        Some(Decimal::new(85, 2))
    } else {
        p.take(parse_amount(&req.fill_ratio, "fill_ratio").and_then(|f| {
            if f > Decimal::ZERO && f <= Decimal::ONE {
                Ok(f)
            } else {
                Err(Problem::new(
                    "autopack.fill_ratio",
                    "채울 수 있는 부피 비율은 0보다 크고 1 이하여야 합니다 (예: 0.85).",
                    "The usable share of the volume must be above 0 and at most 1 (e.g. 0.85).",
                )
                .at("fill_ratio"))
            }
        }))
    };
    let mut volumes = Vec::new();
    for (i, v) in req.unit_volumes.iter().enumerate() {
        if v.quantity.trim().is_empty() {
            continue;
        }
        if let Some(x) = p.take(positive(
            &v.quantity,
            format!("unit_volumes[{i}]"),
            "한 개의 포장 부피(cm³)",
            "packed volume of one unit (cm³)",
        )) {
            volumes.push((v.declaration_id, v.line_no, x));
        }
    }
    let (Some(l), Some(w), Some(h), Some(max), Some(tare), Some(fill)) = (l, w, h, max, tare, fill)
    else {
        return Err(p);
    };
    if tare >= max {
        p.push(
            Problem::new(
                "autopack.tare_over_max",
                "빈 상자 무게가 최대 총중량 이상이라 아무것도 넣을 수 없습니다. 최대 총중량을 늘리세요.",
                "The empty carton weighs as much as the maximum gross weight, so nothing fits; raise the maximum.",
            )
            .at("tare_kg"),
        );
        return Err(p);
    }
    let capacity_kg = max - tare;
    let capacity_cm3 = l * w * h * fill;
    // Heaviest units first; a line's units stay together as far as they fit.
    let mut order: Vec<(&PackLine, Option<Decimal>, Option<Decimal>)> = lines
        .iter()
        .map(|line| {
            let vol = volumes
                .iter()
                .find(|(d, n, _)| line.same(*d, *n))
                .map(|v| v.2);
            (line, line.unit_net_kg(), vol)
        })
        .collect();
    for (line, kg, vol) in &order {
        if kg.is_none() && vol.is_none() {
            p.push(
                Problem::new(
                    "autopack.no_measure",
                    format!("{} {}: 순중량도 한 개의 부피도 없어 자동으로 나눌 수 없습니다. 상품의 순중량을 넣거나 부피를 입력하세요.", line.label_ko(), line.description),
                    format!("{} {}: no net weight and no unit volume, so it cannot be packed automatically. Enter the product's net weight or the unit volume.", line.label_en(), line.description),
                )
                .with("declaration_id", line.declaration_id)
                .with("line_no", line.line_no),
            );
        }
        if kg.is_some_and(|k| k > capacity_kg) || vol.is_some_and(|v| v > capacity_cm3) {
            p.push(
                Problem::new(
                    "autopack.unit_too_big",
                    format!("{} {}: 한 개가 이 상자에 들어가지 않습니다 (무게 또는 부피 초과). 더 큰 상자를 고르세요.", line.label_ko(), line.description),
                    format!("{} {}: one unit does not fit this carton (weight or volume); choose a bigger carton.", line.label_en(), line.description),
                )
                .with("declaration_id", line.declaration_id)
                .with("line_no", line.line_no),
            );
        }
    }
    if !p.is_empty() {
        return Err(p);
    }
    order.sort_by_key(|o| std::cmp::Reverse(o.1.unwrap_or_default()));
    let mut cartons: Vec<Carton> = Vec::new();
    let (mut used_kg, mut used_cm3) = (Decimal::ZERO, Decimal::ZERO);
    let new_carton = |no: u32| Carton {
        no,
        length_cm: l,
        width_cm: w,
        height_cm: h,
        gross_kg: tare,
        items: Vec::new(),
    };
    for (line, kg, vol) in order {
        let mut left = line.quantity;
        while left > Decimal::ZERO {
            if cartons.is_empty() {
                cartons.push(new_carton(1));
            }
            let room_kg = kg.map(|k| ((capacity_kg - used_kg) / k).floor());
            let room_vol = vol.map(|v| ((capacity_cm3 - used_cm3) / v).floor());
            let room = match (room_kg, room_vol) {
                (Some(a), Some(b)) => a.min(b),
                (Some(a), None) | (None, Some(a)) => a,
                (None, None) => left,
            };
            let put = room.min(left);
            if put <= Decimal::ZERO {
                cartons.push(new_carton(cartons.len() as u32 + 1));
                used_kg = Decimal::ZERO;
                used_cm3 = Decimal::ZERO;
                continue;
            }
            let c = cartons.last_mut().expect("a carton is open");
            c.items.push(CartonItem {
                declaration_id: line.declaration_id,
                line_no: line.line_no,
                quantity: put,
            });
            if let Some(k) = kg {
                used_kg += k * put;
                c.gross_kg = up2(c.gross_kg + k * put);
            }
            if let Some(v) = vol {
                used_cm3 += v * put;
            }
            left -= put;
        }
    }
    Ok(cartons)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn line(decl: i64, no: u32, qty: &str, net: Option<&str>) -> PackLine {
        PackLine {
            declaration_id: decl,
            line_no: no,
            declaration_no: String::new(),
            order_no: format!("#{decl}"),
            sku: format!("SKU-{decl}-{no}"),
            description: "Hand cream".into(),
            quantity: d(qty),
            unit: "EA".into(),
            net_weight_kg: net.map(d),
        }
    }

    fn carton(dims: (&str, &str, &str), gross: &str, items: &[(i64, u32, &str)]) -> CartonDraft {
        CartonDraft {
            length_cm: dims.0.into(),
            width_cm: dims.1.into(),
            height_cm: dims.2.into(),
            gross_kg: gross.into(),
            items: items
                .iter()
                .map(|(decl, no, q)| CartonItemDraft {
                    declaration_id: *decl,
                    line_no: *no,
                    quantity: (*q).into(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_line_split_over_three_cartons_is_packed_exactly_once() {
        let lines = [line(1, 1, "10", Some("2.5"))];
        let drafts = [
            carton(("40", "30", "20"), "1.5", &[(1, 1, "4")]),
            carton(("40", "30", "20"), "1.5", &[(1, 1, "4")]),
            carton(("20", "20", "20"), "1", &[(1, 1, "2")]),
        ];
        let cartons = validate_cartons(&drafts, &lines).unwrap();
        let check = check_packing(&cartons, &lines, 5000);
        assert!(check.is_complete(), "{:?}", check.problems);
        assert_eq!(check.lines[0].packed, d("10"));
        assert_eq!(check.lines[0].cartons, vec![1, 2, 3]);
        assert_eq!(check.cartons[0].net_kg, Some(d("1.00")));
        // 40 × 30 × 20 / 5000 = 4.8 kg volumetric > 1.5 kg gross.
        assert_eq!(check.cartons[0].volumetric_kg, d("4.8"));
        assert_eq!(check.cartons[0].chargeable_kg, d("4.8"));
        // 20³ / 5000 = 1.6 kg.
        assert_eq!(check.cartons[2].chargeable_kg, d("1.6"));
        assert_eq!(check.chargeable_kg, d("11.2"));
        assert_eq!(check.gross_kg, d("4"));
        assert_eq!(check.net_kg, Some(d("2.5")));
        assert_eq!(check.volume_m3, d("0.056"));
    }

    #[test]
    fn one_unit_over_or_under_is_named_with_the_difference() {
        let lines = [line(1, 1, "10", Some("2.5")), line(2, 1, "3", None)];
        let drafts = [
            carton(("40", "30", "20"), "5", &[(1, 1, "6"), (2, 1, "3")]),
            carton(("40", "30", "20"), "5", &[(1, 1, "5")]),
        ];
        let cartons = validate_cartons(&drafts, &lines).unwrap();
        let check = check_packing(&cartons, &lines, 5000);
        assert_eq!(check.problems.len(), 1);
        assert_eq!(check.problems[0].code, "packing.extra");
        assert_eq!(check.problems[0].params["extra"], "1");
        assert!(check.problems[0].message_en.contains("take 1 EA out"));
        assert_eq!(check.warnings[0].code, "packing.net_unknown");
        assert_eq!(check.net_kg, None);

        let drafts = [carton(("40", "30", "20"), "5", &[(1, 1, "9"), (2, 1, "3")])];
        let cartons = validate_cartons(&drafts, &lines).unwrap();
        let check = check_packing(&cartons, &lines, 5000);
        assert_eq!(check.problems[0].code, "packing.missing");
        assert_eq!(check.problems[0].params["missing"], "1");
    }

    #[test]
    fn net_heavier_than_gross_and_bad_numbers_are_refused() {
        let lines = [line(1, 1, "10", Some("2.5"))];
        let drafts = [carton(("40", "30", "20"), "2.49", &[(1, 1, "10")])];
        let check = check_packing(&validate_cartons(&drafts, &lines).unwrap(), &lines, 5000);
        assert_eq!(check.problems[0].code, "carton.net_over_gross");
        assert_eq!(
            check.problems[0].field.as_deref(),
            Some("cartons[0].gross_kg")
        );
        // Exactly equal is fine.
        let drafts = [carton(("40", "30", "20"), "2.5", &[(1, 1, "10")])];
        assert!(
            check_packing(&validate_cartons(&drafts, &lines).unwrap(), &lines, 5000).is_complete()
        );

        let drafts = [carton(("0", "30", "x"), "", &[(1, 1, "-1"), (9, 9, "1")])];
        let e = validate_cartons(&drafts, &lines).unwrap_err();
        let fields: Vec<_> = e.0.iter().filter_map(|p| p.field.clone()).collect();
        assert!(fields.contains(&"cartons[0].length_cm".to_string()));
        assert!(fields.contains(&"cartons[0].height_cm".to_string()));
        assert!(fields.contains(&"cartons[0].gross_kg".to_string()));
        assert!(fields.contains(&"cartons[0].items[0].quantity".to_string()));
        assert!(e.0.iter().any(|p| p.code == "amount.negative"));
        assert!(e.0.iter().any(|p| p.code == "carton.unknown_line"));
        let drafts = [carton(("10", "10", "10"), "1", &[(1, 1, "1.5")])];
        assert_eq!(
            validate_cartons(&drafts, &lines).unwrap_err().0[0].code,
            "carton.fraction"
        );
    }

    #[test]
    fn auto_pack_fills_by_weight_then_by_volume() {
        // 10 units of 0.25 kg and 4 units of 1 kg.
        let lines = [line(1, 1, "10", Some("2.5")), line(2, 1, "4", Some("4"))];
        let req = AutoPackRequest {
            length_cm: "30".into(),
            width_cm: "20".into(),
            height_cm: "20".into(),
            max_gross_kg: "3.5".into(),
            tare_kg: "0.5".into(),
            ..Default::default()
        };
        let cartons = auto_pack(&req, &lines).unwrap();
        // Capacity 3 kg: carton 1 = 3 × 1 kg, carton 2 = 1 × 1 kg + 8 × 0.25 kg, carton 3 = 2 × 0.25.
        assert_eq!(cartons.len(), 3);
        assert_eq!(cartons[0].items[0].quantity, d("3"));
        assert_eq!(cartons[0].gross_kg, d("3.5"));
        assert_eq!(cartons[1].items.len(), 2);
        let check = check_packing(&cartons, &lines, 5000);
        assert!(check.is_complete(), "{:?}", check.problems);

        // With unit volumes the volume limit binds: 12,000 cm³ × 0.85 = 10,200 → 2 units of 4,000.
        let mut by_volume = req.clone();
        by_volume.max_gross_kg = "100".into();
        by_volume.unit_volumes = vec![CartonItemDraft {
            declaration_id: 2,
            line_no: 1,
            quantity: "4000".into(),
        }];
        let cartons = auto_pack(&by_volume, &lines[1..]).unwrap();
        assert_eq!(cartons.len(), 2);
        assert!(cartons.iter().all(|c| c.items[0].quantity == d("2")));

        let too_small = AutoPackRequest {
            max_gross_kg: "1.2".into(),
            ..req.clone()
        };
        let e = auto_pack(&too_small, &lines).unwrap_err();
        assert_eq!(e.0[0].code, "autopack.unit_too_big");
        let e = auto_pack(&req, &[line(3, 1, "2", None)]).unwrap_err();
        assert_eq!(e.0[0].code, "autopack.no_measure");
    }
}
