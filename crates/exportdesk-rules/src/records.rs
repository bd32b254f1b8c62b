//! The records a shop keeps: its seller profile, buyers, products and orders.
//!
//! Each record comes in two shapes. A `…Draft` is what a form or a file row holds: strings, as
//! typed. `validate` turns it into the record, checking every field at once so that a form can
//! mark all wrong fields in one pass. Everything downstream trusts the validated record.

use crate::country::Country;
use crate::hs::{HsCode, HsTable};
use crate::ids::{BusinessNo, CustomsCode};
use crate::incoterm::Incoterm;
use crate::money::{parse_non_negative, Currency};
use crate::problem::{Problem, Problems};
use crate::rates::parse_date;
use crate::unit::parse_unit;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub(crate) fn required(
    value: &str,
    field: &str,
    label_ko: &str,
    label_en: &str,
    max: usize,
) -> Result<String, Problem> {
    let v = value.trim();
    if v.is_empty() {
        return Err(Problem::new(
            &format!("{field}.empty"),
            format!("{label_ko}을(를) 입력하세요."),
            format!("Enter the {label_en}."),
        )
        .at(field));
    }
    too_long(v, field, label_ko, label_en, max)
}

pub(crate) fn optional(
    value: &str,
    field: &str,
    label_ko: &str,
    label_en: &str,
    max: usize,
) -> Result<String, Problem> {
    too_long(value.trim(), field, label_ko, label_en, max)
}

fn too_long(
    v: &str,
    field: &str,
    label_ko: &str,
    label_en: &str,
    max: usize,
) -> Result<String, Problem> {
    let n = v.chars().count();
    if n > max {
        return Err(Problem::new(
            &format!("{field}.too_long"),
            format!("{label_ko}은(는) {max}자 이하로 입력하세요 (지금 {n}자)."),
            format!("Keep the {label_en} to {max} characters (now {n})."),
        )
        .at(field)
        .with("max", max));
    }
    Ok(v.to_string())
}

fn email(value: &str, field: &str) -> Result<String, Problem> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(String::new());
    }
    let ok = v.split_once('@').is_some_and(|(user, host)| {
        !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.ends_with('.')
    }) && !v.contains(char::is_whitespace);
    if ok {
        Ok(v.to_string())
    } else {
        Err(Problem::new(
            "email.invalid",
            format!("'{v}'은(는) 이메일 주소 형식이 아닙니다 (예: shop@example.com)."),
            format!("'{v}' is not an email address (e.g. shop@example.com)."),
        )
        .at(field)
        .with("value", v))
    }
}

/// Seller profile form (수출화주).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct SellerDraft {
    /// Company or shop name in Korean (상호).
    pub name: String,
    /// Name in English, as printed on invoices.
    pub name_en: String,
    /// Representative (대표자).
    pub representative: String,
    pub business_no: String,
    pub customs_code: String,
    pub address: String,
    pub address_en: String,
    pub phone: String,
    pub email: String,
    /// Sells through a platform that KCS treats as a platform-based seller (플랫폼 기반 판매자).
    pub platform_based: bool,
    /// The platforms, e.g. "Shopify, Qoo10".
    pub platforms: String,
}

/// A validated seller profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Seller {
    pub id: i64,
    pub name: String,
    pub name_en: String,
    pub representative: String,
    pub business_no: BusinessNo,
    /// May be empty until the seller has one; declarations ask for it.
    pub customs_code: Option<CustomsCode>,
    pub address: String,
    pub address_en: String,
    pub phone: String,
    pub email: String,
    pub platform_based: bool,
    pub platforms: String,
}

impl SellerDraft {
    pub fn validate(&self, id: i64) -> Result<Seller, Problems> {
        let mut p = Problems::default();
        let name = p.take(required(&self.name, "name", "상호", "shop name", 100));
        let name_en = p.take(optional(
            &self.name_en,
            "name_en",
            "영문 상호",
            "English name",
            100,
        ));
        let representative = p.take(required(
            &self.representative,
            "representative",
            "대표자 이름",
            "representative's name",
            50,
        ));
        let business_no = p.take(BusinessNo::parse(&self.business_no));
        let customs_code = if self.customs_code.trim().is_empty() {
            Some(None)
        } else {
            p.take(CustomsCode::parse(&self.customs_code).map(Some))
        };
        let address = p.take(required(&self.address, "address", "주소", "address", 200));
        let address_en = p.take(optional(
            &self.address_en,
            "address_en",
            "영문 주소",
            "English address",
            200,
        ));
        let phone = p.take(optional(
            &self.phone,
            "phone",
            "전화번호",
            "phone number",
            30,
        ));
        let email = p.take(email(&self.email, "email"));
        let platforms = p.take(optional(
            &self.platforms,
            "platforms",
            "판매 플랫폼",
            "platforms",
            200,
        ));
        if self.platform_based && self.platforms.trim().is_empty() {
            p.push(
                Problem::new(
                    "platforms.empty",
                    "플랫폼 기반 판매자라면 판매하는 플랫폼 이름을 입력하세요 (예: Shopify, Qoo10).",
                    "As a platform-based seller, name the platforms you sell on (e.g. Shopify, Qoo10).",
                )
                .at("platforms"),
            );
        }
        if !p.is_empty() {
            return Err(p);
        }
        Ok(Seller {
            id,
            name: name.unwrap_or_default(),
            name_en: name_en.unwrap_or_default(),
            representative: representative.unwrap_or_default(),
            business_no: business_no.expect("checked"),
            customs_code: customs_code.flatten(),
            address: address.unwrap_or_default(),
            address_en: address_en.unwrap_or_default(),
            phone: phone.unwrap_or_default(),
            email: email.unwrap_or_default(),
            platform_based: self.platform_based,
            platforms: platforms.unwrap_or_default(),
        })
    }
}

/// Overseas buyer / consignee form (해외구매자).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct BuyerDraft {
    pub name: String,
    pub country: String,
    pub address: String,
    pub email: String,
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Buyer {
    pub id: i64,
    pub name: String,
    pub country: Country,
    pub address: String,
    pub email: String,
    pub phone: String,
}

impl BuyerDraft {
    pub fn validate(&self, id: i64) -> Result<Buyer, Problems> {
        let mut p = Problems::default();
        let name = p.take(required(
            &self.name,
            "name",
            "구매자 이름",
            "buyer's name",
            100,
        ));
        let country = p.take(Country::parse(&self.country));
        let address = p.take(optional(&self.address, "address", "주소", "address", 300));
        let email = p.take(email(&self.email, "email"));
        let phone = p.take(optional(
            &self.phone,
            "phone",
            "전화번호",
            "phone number",
            40,
        ));
        if !p.is_empty() {
            return Err(p);
        }
        Ok(Buyer {
            id,
            name: name.unwrap_or_default(),
            country: country.expect("checked"),
            address: address.unwrap_or_default(),
            email: email.unwrap_or_default(),
            phone: phone.unwrap_or_default(),
        })
    }
}

/// Product form. HS code, net weight and origin may stay empty while the seller finds them out;
/// a declaration then asks for them instead of guessing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ProductDraft {
    pub sku: String,
    pub name_ko: String,
    pub name_en: String,
    pub hs_code: String,
    pub unit: String,
    pub net_weight_kg: String,
    pub origin_country: String,
    pub brand: String,
    pub model_spec: String,
    /// Needs a permit that customs checks at export (세관장확인대상).
    pub needs_permit: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Product {
    pub id: i64,
    pub sku: String,
    pub name_ko: String,
    pub name_en: String,
    pub hs_code: Option<HsCode>,
    pub unit: String,
    #[ts(type = "string | null")]
    #[serde(with = "rust_decimal::serde::str_option")]
    pub net_weight_kg: Option<Decimal>,
    pub origin_country: Option<Country>,
    pub brand: String,
    pub model_spec: String,
    pub needs_permit: bool,
}

impl ProductDraft {
    pub fn validate(&self, id: i64, hs: &HsTable) -> Result<Product, Problems> {
        let mut p = Problems::default();
        let sku = p.take(required(&self.sku, "sku", "SKU(상품코드)", "SKU", 64));
        let name_ko = p.take(optional(
            &self.name_ko,
            "name_ko",
            "한글 품명",
            "Korean name",
            200,
        ));
        let name_en = p.take(optional(
            &self.name_en,
            "name_en",
            "영문 품명",
            "English name",
            200,
        ));
        if self.name_ko.trim().is_empty() && self.name_en.trim().is_empty() {
            p.push(
                Problem::new(
                    "name_ko.empty",
                    "품명을 한글 또는 영문으로 입력하세요. 수출신고서에는 영문 품명이 필요합니다.",
                    "Enter the product name in Korean or English; the declaration needs the English name.",
                )
                .at("name_ko"),
            );
        }
        let hs_code = if self.hs_code.trim().is_empty() {
            Some(None)
        } else {
            p.take(
                HsCode::parse(&self.hs_code)
                    .and_then(|c| product_hs(c, hs))
                    .map(Some),
            )
        };
        let unit = p.take(parse_unit(if self.unit.trim().is_empty() {
            "EA"
        } else {
            &self.unit
        }));
        let net_weight_kg = if self.net_weight_kg.trim().is_empty() {
            Some(None)
        } else {
            p.take(parse_non_negative(&self.net_weight_kg, "net_weight_kg").map(Some))
        };
        let origin_country = if self.origin_country.trim().is_empty() {
            Some(None)
        } else {
            p.take(
                Country::parse(&self.origin_country)
                    .map(Some)
                    .map_err(|e| e.at("origin_country")),
            )
        };
        let brand = p.take(optional(&self.brand, "brand", "브랜드", "brand", 100));
        let model_spec = p.take(optional(
            &self.model_spec,
            "model_spec",
            "모델·규격",
            "model/spec",
            200,
        ));
        if !p.is_empty() {
            return Err(p);
        }
        Ok(Product {
            id,
            sku: sku.unwrap_or_default(),
            name_ko: name_ko.unwrap_or_default(),
            name_en: name_en.unwrap_or_default(),
            hs_code: hs_code.flatten(),
            unit: unit.expect("checked"),
            net_weight_kg: net_weight_kg.flatten(),
            origin_country: origin_country.flatten(),
            brand: brand.unwrap_or_default(),
            model_spec: model_spec.unwrap_or_default(),
            needs_permit: self.needs_permit,
        })
    }
}

/// A product's HS code must reach at least the six-digit subheading, and that subheading must
/// exist in HS 2022.
fn product_hs(code: HsCode, hs: &HsTable) -> Result<HsCode, Problem> {
    if code.digits().len() < 6 {
        return Err(Problem::new(
            "hs_code.too_short",
            format!(
                "{}는 {}자리라 너무 넓습니다. 상품에는 6자리 소호 또는 HSK 10자리를 입력하세요.",
                code.digits(),
                code.digits().len()
            ),
            format!(
                "{} has only {} digits; give a product the 6-digit subheading or the 10-digit HSK.",
                code.digits(),
                code.digits().len()
            ),
        )
        .at("hs_code")
        .with("value", code.digits()));
    }
    if !hs.knows(&code) {
        let sub = code.subheading().unwrap_or_default().to_string();
        return Err(Problem::new(
            "hs_code.unknown_subheading",
            format!("소호 {sub}은(는) HS 2022에 없습니다. HS 찾기에서 품명으로 검색해 고르세요."),
            format!("Subheading {sub} does not exist in HS 2022. Search by product name in the HS finder."),
        )
        .at("hs_code")
        .with("value", code.digits()));
    }
    Ok(code)
}

/// One order line as typed or imported.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct OrderLineDraft {
    /// The catalogue product, when known.
    pub product_id: Option<i64>,
    pub sku: String,
    pub description: String,
    pub quantity: String,
    /// Unit price before any discount.
    pub unit_price: String,
    /// The line's own discount, for the whole line (not per unit); empty = none.
    #[serde(default)]
    pub discount: String,
}

/// Order form (주문).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct OrderDraft {
    pub marketplace: String,
    pub order_no: String,
    pub buyer_id: Option<i64>,
    pub order_date: String,
    pub currency: String,
    pub shipping_fee: String,
    pub incoterm: String,
    pub destination_country: String,
    pub lines: Vec<OrderLineDraft>,
    /// A discount on the whole order (coupon, voucher), split over the lines pro rata; empty = none.
    #[serde(default)]
    pub order_discount: String,
    /// Whether the buyer paid the shipping fee on top of the line prices (a marketplace's
    /// shipping charge) — `None` when not known (the declaration then asks).
    #[serde(default)]
    pub shipping_separate: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OrderLine {
    pub line_no: u32,
    pub product_id: Option<i64>,
    pub sku: String,
    pub description: String,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub quantity: Decimal,
    /// Unit price before any discount.
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub unit_price: Decimal,
    /// Every discount on the line: its own and its share of the order's.
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub discount: Decimal,
    /// What the buyer paid for the line's goods: quantity × unit price, rounded to the currency's
    /// minor unit, less the discount.
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
}

impl OrderLine {
    /// The line before discounts: `amount + discount`.
    pub fn list_amount(&self) -> Decimal {
        self.amount + self.discount
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Order {
    pub id: i64,
    pub marketplace: String,
    pub order_no: String,
    pub buyer_id: Option<i64>,
    pub order_date: NaiveDate,
    pub currency: Currency,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub shipping_fee: Decimal,
    pub incoterm: Incoterm,
    pub destination_country: Country,
    pub lines: Vec<OrderLine>,
    /// Sum of the line amounts: the goods after every discount (the shipping fee is apart).
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub goods_total: Decimal,
    /// Whether the buyer paid the shipping fee on top of the goods; `None` = not known.
    pub shipping_separate: Option<bool>,
}

impl Order {
    /// The goods before discounts.
    pub fn goods_before_discount(&self) -> Decimal {
        self.lines.iter().map(OrderLine::list_amount).sum()
    }

    /// Every discount of the order.
    pub fn discount_total(&self) -> Decimal {
        self.lines.iter().map(|l| l.discount).sum()
    }
}

/// Split `total` over `weights` pro rata, each share rounded with `round`; the rounding
/// difference goes to the largest weight (the first of equal ones), so the shares add up to
/// `total` exactly. All-zero weights split nothing (the whole total on the first).
pub fn split_pro_rata(
    total: Decimal,
    weights: &[Decimal],
    round: impl Fn(Decimal) -> Decimal,
) -> Vec<Decimal> {
    if weights.is_empty() {
        return Vec::new();
    }
    let sum: Decimal = weights.iter().sum();
    let mut shares: Vec<Decimal> = if sum.is_zero() {
        weights.iter().map(|_| Decimal::ZERO).collect()
    } else {
        weights.iter().map(|w| round(total * *w / sum)).collect()
    };
    let largest = weights
        .iter()
        .enumerate()
        .fold(0, |best, (i, w)| if *w > weights[best] { i } else { best });
    let diff = total - shares.iter().sum::<Decimal>();
    shares[largest] += diff;
    shares
}

impl OrderDraft {
    pub fn validate(&self, id: i64) -> Result<Order, Problems> {
        let mut p = Problems::default();
        let marketplace = p.take(required(
            &self.marketplace,
            "marketplace",
            "판매처(마켓)",
            "marketplace",
            50,
        ));
        let order_no = p.take(required(
            &self.order_no,
            "order_no",
            "주문번호",
            "order number",
            64,
        ));
        let order_date = p.take(parse_date(&self.order_date, "order_date"));
        let currency = p.take(Currency::parse(&self.currency).map_err(|e| e.at("currency")));
        let shipping_fee = if self.shipping_fee.trim().is_empty() {
            Some(Decimal::ZERO)
        } else {
            p.take(parse_non_negative(&self.shipping_fee, "shipping_fee"))
        };
        let incoterm = p.take(Incoterm::parse(&self.incoterm));
        let destination = p.take(
            Country::parse(&self.destination_country).map_err(|e| e.at("destination_country")),
        );
        if self.lines.is_empty() {
            p.push(
                Problem::new(
                    "lines.empty",
                    "주문에 품목을 한 줄 이상 입력하세요.",
                    "Add at least one line to the order.",
                )
                .at("lines"),
            );
        }
        let mut lines = Vec::new();
        for (i, l) in self.lines.iter().enumerate() {
            let prefix = format!("lines[{i}]");
            let sku =
                p.take(optional(&l.sku, "sku", "SKU", "SKU", 64).map_err(|e| e.under(&prefix)));
            let description = p.take(
                optional(&l.description, "description", "품명", "description", 200)
                    .map_err(|e| e.under(&prefix)),
            );
            if l.sku.trim().is_empty() && l.description.trim().is_empty() && l.product_id.is_none()
            {
                p.push(
                    Problem::new(
                        "line.unidentified",
                        format!(
                            "{}번째 줄: 상품을 고르거나 SKU 또는 품명을 입력하세요.",
                            i + 1
                        ),
                        format!(
                            "Line {}: choose a product or enter a SKU or description.",
                            i + 1
                        ),
                    )
                    .at(format!("{prefix}.sku")),
                );
            }
            let quantity = p.take(positive_quantity(&l.quantity, i).map_err(|e| e.under(&prefix)));
            let unit_price = p.take(
                parse_non_negative(&l.unit_price, "unit_price").map_err(|e| e.under(&prefix)),
            );
            let discount = if l.discount.trim().is_empty() {
                Some(Decimal::ZERO)
            } else {
                p.take(parse_non_negative(&l.discount, "discount").map_err(|e| e.under(&prefix)))
            };
            if let (
                Some(sku),
                Some(description),
                Some(quantity),
                Some(unit_price),
                Some(discount),
            ) = (sku, description, quantity, unit_price, discount)
            {
                let Some(gross) = quantity.checked_mul(unit_price) else {
                    p.push(amount_too_large(i).under(&prefix));
                    continue;
                };
                let gross = currency.map_or(gross, |c| c.round(gross));
                if discount > gross {
                    p.push(discount_too_large(i, discount, gross).under(&prefix));
                    continue;
                }
                lines.push(OrderLine {
                    line_no: i as u32 + 1,
                    product_id: l.product_id,
                    sku,
                    description,
                    quantity,
                    unit_price,
                    discount,
                    amount: gross - discount,
                });
            }
        }
        let order_discount = if self.order_discount.trim().is_empty() {
            Some(Decimal::ZERO)
        } else {
            p.take(parse_non_negative(&self.order_discount, "order_discount"))
        };
        if let Some(od) = order_discount.filter(|d| !d.is_zero()) {
            let after_lines: Decimal = lines.iter().map(|l| l.amount).sum();
            if od > after_lines {
                p.push(
                    Problem::new(
                        "order_discount.too_large",
                        format!("주문 할인 {od}이(가) 상품 금액 합계 {after_lines}보다 큽니다. 할인 금액을 확인하세요."),
                        format!("The order discount {od} is more than the goods total {after_lines}; check the discount."),
                    )
                    .at("order_discount"),
                );
            } else if !lines.is_empty() {
                let weights: Vec<Decimal> = lines.iter().map(|l| l.amount).collect();
                let round = |v: Decimal| currency.map_or(v, |c| c.round(v));
                for (l, share) in lines.iter_mut().zip(split_pro_rata(od, &weights, round)) {
                    l.discount += share;
                    l.amount -= share;
                }
            }
        }
        let goods_total = lines
            .iter()
            .try_fold(Decimal::ZERO, |sum, l| sum.checked_add(l.amount));
        if goods_total.is_none() {
            p.push(amount_too_large(lines.len().saturating_sub(1)).under("lines"));
        }
        if !p.is_empty() {
            return Err(p);
        }
        let goods_total = goods_total.expect("checked");
        Ok(Order {
            id,
            marketplace: marketplace.unwrap_or_default(),
            order_no: order_no.unwrap_or_default(),
            buyer_id: self.buyer_id,
            order_date: order_date.expect("checked"),
            currency: currency.expect("checked"),
            shipping_fee: shipping_fee.expect("checked"),
            incoterm: incoterm.expect("checked"),
            destination_country: destination.expect("checked"),
            lines,
            goods_total,
            shipping_separate: self.shipping_separate,
        })
    }
}

/// A line's discount beyond its price.
fn discount_too_large(index: usize, discount: Decimal, gross: Decimal) -> Problem {
    Problem::new(
        "discount.too_large",
        format!(
            "{}번째 줄: 할인 {discount}이(가) 수량 × 단가 {gross}보다 큽니다. 할인 금액을 확인하세요.",
            index + 1
        ),
        format!(
            "Line {}: the discount {discount} is more than quantity × unit price {gross}; check the discount.",
            index + 1
        ),
    )
    .at("discount")
}

/// Quantity × unit price (or the order's total) beyond what can be computed.
fn amount_too_large(index: usize) -> Problem {
    Problem::new(
        "amount.too_large",
        format!(
            "{}번째 줄: 수량 × 단가가 너무 큽니다. 수량과 단가를 확인하세요.",
            index + 1
        ),
        format!(
            "Line {}: quantity × unit price is too large; check the quantity and the unit price.",
            index + 1
        ),
    )
    .at("amount")
}

fn positive_quantity(input: &str, index: usize) -> Result<Decimal, Problem> {
    let q = parse_non_negative(input, "quantity")?;
    if q.is_zero() {
        return Err(Problem::new(
            "quantity.zero",
            format!("{}번째 줄: 수량은 0보다 커야 합니다.", index + 1),
            format!("Line {}: the quantity must be more than zero.", index + 1),
        )
        .at("quantity"));
    }
    Ok(q)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seller() -> SellerDraft {
        SellerDraft {
            name: "달무리상점".into(),
            representative: "김하늘".into(),
            business_no: "220-81-62517".into(),
            address: "서울특별시 성동구 성수이로 1".into(),
            ..Default::default()
        }
    }

    #[test]
    fn seller_reports_every_wrong_field_at_once() {
        assert!(seller().validate(1).is_ok());
        let bad = SellerDraft {
            name: " ".into(),
            business_no: "220-81-62518".into(),
            email: "shop@".into(),
            customs_code: "ABC".into(),
            platform_based: true,
            ..seller()
        };
        let e = bad.validate(1).unwrap_err();
        let fields: Vec<&str> = e.0.iter().filter_map(|p| p.field.as_deref()).collect();
        assert_eq!(
            fields,
            ["name", "business_no", "customs_code", "email", "platforms"]
        );
    }

    #[test]
    fn product_fields() {
        let hs = HsTable::bundled();
        let ok = ProductDraft {
            sku: "KB-1".into(),
            name_ko: "토너".into(),
            hs_code: "3304.99-1000".into(),
            net_weight_kg: "0.180".into(),
            origin_country: "KR".into(),
            ..Default::default()
        }
        .validate(0, &hs)
        .unwrap();
        assert_eq!(ok.unit, "EA");
        assert_eq!(ok.hs_code.unwrap().digits(), "3304991000");
        let e = ProductDraft {
            sku: "".into(),
            hs_code: "9999991000".into(),
            net_weight_kg: "-1".into(),
            ..Default::default()
        }
        .validate(0, &hs)
        .unwrap_err();
        let codes: Vec<&str> = e.0.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "sku.empty",
                "name_ko.empty",
                "hs_code.unknown_subheading",
                "amount.negative"
            ]
        );
        let e = ProductDraft {
            sku: "x".into(),
            name_en: "x".into(),
            hs_code: "3304".into(),
            ..Default::default()
        }
        .validate(0, &hs)
        .unwrap_err();
        assert_eq!(e.0[0].code, "hs_code.too_short");
    }

    #[test]
    fn order_lines_and_totals() {
        let draft = OrderDraft {
            marketplace: "Shopify".into(),
            order_no: "#1001".into(),
            order_date: "2026-11-20".into(),
            currency: "USD".into(),
            shipping_fee: "12.00".into(),
            incoterm: "DAP".into(),
            destination_country: "US".into(),
            lines: vec![
                OrderLineDraft {
                    sku: "A".into(),
                    quantity: "3".into(),
                    unit_price: "3.335".into(),
                    ..Default::default()
                },
                OrderLineDraft {
                    sku: "B".into(),
                    quantity: "1".into(),
                    unit_price: "10".into(),
                    ..Default::default()
                },
            ],
            ..Default::default()
        };
        let o = draft.validate(7).unwrap();
        assert_eq!(o.lines[0].amount.to_string(), "10.01");
        assert_eq!(o.goods_total.to_string(), "20.01");
        let mut bad = draft.clone();
        bad.lines[1].quantity = "0".into();
        bad.lines[0].unit_price = "free".into();
        bad.incoterm = "FOX".into();
        let e = bad.validate(7).unwrap_err();
        let fields: Vec<&str> = e.0.iter().filter_map(|p| p.field.as_deref()).collect();
        assert_eq!(
            fields,
            ["incoterm", "lines[0].unit_price", "lines[1].quantity"]
        );
        let empty = OrderDraft {
            lines: vec![],
            ..draft
        };
        assert_eq!(empty.validate(1).unwrap_err().0[0].code, "lines.empty");
    }

    /// Issue 15: Shopify's `Lineitem price` is before the order's `Discount Amount`.
    #[test]
    fn an_order_discount_is_split_pro_rata_with_the_rest_on_the_largest_line() {
        let line = |q: &str, p: &str, disc: &str| OrderLineDraft {
            sku: "S".into(),
            quantity: q.into(),
            unit_price: p.into(),
            discount: disc.into(),
            ..Default::default()
        };
        let draft = |currency: &str, lines: Vec<OrderLineDraft>, od: &str| OrderDraft {
            marketplace: "shopify".into(),
            order_no: "#1001".into(),
            order_date: "2026-11-20".into(),
            currency: currency.into(),
            incoterm: "DAP".into(),
            destination_country: "US".into(),
            shipping_fee: "18.00".into(),
            lines,
            order_discount: od.into(),
            shipping_separate: Some(true),
            ..Default::default()
        };
        let o = draft(
            "USD",
            vec![line("1", "64.00", ""), line("2", "19.00", "")],
            "10.20",
        )
        .validate(0)
        .unwrap();
        assert_eq!(o.goods_total, Decimal::new(9180, 2));
        assert_eq!(o.goods_before_discount(), Decimal::new(10200, 2));
        assert_eq!(o.discount_total(), Decimal::new(1020, 2));
        assert_eq!(o.lines[0].discount, Decimal::new(640, 2));
        assert_eq!(o.lines[1].amount, Decimal::new(3420, 2));
        assert_eq!(o.shipping_separate, Some(true));
        // Yen has no minor unit: 100 split three ways is 34 + 33 + 33, the rest on the first of
        // the equal largest lines; the shares add up exactly.
        let o = draft(
            "JPY",
            vec![
                line("1", "1000", ""),
                line("1", "1000", ""),
                line("1", "1000", ""),
            ],
            "100",
        )
        .validate(0)
        .unwrap();
        let d: Vec<Decimal> = o.lines.iter().map(|l| l.discount).collect();
        assert_eq!(
            d,
            vec![Decimal::from(34), Decimal::from(33), Decimal::from(33)]
        );
        assert_eq!(o.goods_total, Decimal::from(2900));
        // Qoo10: a line's own discount (割引額) comes off that line.
        let o = draft("JPY", vec![line("1", "1980", "200")], "")
            .validate(0)
            .unwrap();
        assert_eq!(o.goods_total, Decimal::from(1780));
        assert_eq!(o.lines[0].list_amount(), Decimal::from(1980));
        // A discount beyond the price is refused, saying which line.
        let e = draft("JPY", vec![line("1", "100", "200")], "")
            .validate(0)
            .unwrap_err();
        assert!(e
            .0
            .iter()
            .any(|p| p.code == "discount.too_large"
                && p.field.as_deref() == Some("lines[0].discount")));
        let e = draft("JPY", vec![line("1", "100", "")], "150")
            .validate(0)
            .unwrap_err();
        assert!(e.0.iter().any(|p| p.code == "order_discount.too_large"));
        let e = draft("JPY", vec![line("1", "100", "-5")], "")
            .validate(0)
            .unwrap_err();
        assert!(e
            .0
            .iter()
            .any(|p| p.field.as_deref() == Some("lines[0].discount")));
    }
}
