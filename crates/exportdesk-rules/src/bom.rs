//! Bills of materials (자재명세서) and supplier origin declarations (원산지확인서): the facts an FTA
//! origin check is made from.
//!
//! - A BOM belongs to one product: its price per unit (ex-works and FOB, for percentage rules), the
//!   operations done in Korea, and one line per material with its HS code, origin and value.
//! - A material's origin is either a **country** (the material is non-originating — a Korean
//!   material included — unless proven otherwise), **originating under a supplier declaration**
//!   (the declaration's validity is checked on the date of each origin check), or **unknown**
//!   (kept, so a half-known BOM can be saved; a check then says what is missing).
//! - Values are per one unit of the product, in the BOM's currency or the line's own currency;
//!   the check converts them.

use crate::country::Country;
use crate::hs::HsCode;
use crate::money::{parse_amount, parse_non_negative, Currency};
use crate::problem::{Problem, Problems};
use crate::records::{optional, required};
use crate::unit::parse_unit;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A supplier origin declaration as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SupplierDeclarationDraft {
    pub supplier: String,
    /// Which materials it covers (names, HS codes), as the paper says.
    pub materials: String,
    pub valid_from: String,
    pub valid_until: String,
    /// Where the paper is kept (file name, folder, binder).
    pub file_reference: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SupplierDeclaration {
    pub id: i64,
    pub supplier: String,
    pub materials: String,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
    pub file_reference: String,
    pub note: String,
}

impl SupplierDeclaration {
    /// Whether the declaration covers `date`.
    pub fn valid_on(&self, date: NaiveDate) -> bool {
        self.valid_from <= date && date <= self.valid_until
    }
}

fn date(input: &str, field: &str, ko: &str, en: &str) -> Result<NaiveDate, Problem> {
    let v = input.trim();
    if v.is_empty() {
        return Err(Problem::new(
            &format!("{field}.empty"),
            format!("{ko}을(를) 입력하세요 (예: 2026-01-01)."),
            format!("Enter the {en} (e.g. 2026-01-01)."),
        )
        .at(field));
    }
    crate::rates::parse_date(v, field)
}

impl SupplierDeclarationDraft {
    pub fn validate(&self, id: i64) -> Result<SupplierDeclaration, Problems> {
        let mut p = Problems::default();
        let supplier = p.take(required(
            &self.supplier,
            "supplier",
            "공급자",
            "supplier",
            200,
        ));
        let materials = p.take(required(
            &self.materials,
            "materials",
            "대상 재료",
            "materials covered",
            1000,
        ));
        let from = p.take(date(
            &self.valid_from,
            "valid_from",
            "유효기간 시작일",
            "first day of validity",
        ));
        let until = p.take(date(
            &self.valid_until,
            "valid_until",
            "유효기간 종료일",
            "last day of validity",
        ));
        let file_reference = p.take(optional(
            &self.file_reference,
            "file_reference",
            "보관 위치",
            "file reference",
            300,
        ));
        let note = p.take(optional(&self.note, "note", "메모", "note", 1000));
        if let (Some(f), Some(u)) = (from, until) {
            if u < f {
                p.push(
                    Problem::new(
                        "valid_until.before_from",
                        format!("유효기간 종료일 {u}이 시작일 {f}보다 앞섭니다. 날짜를 확인하세요."),
                        format!("The last day of validity {u} is before the first {f}; check the dates."),
                    )
                    .at("valid_until"),
                );
            }
        }
        p.into_result(|| SupplierDeclaration {
            id,
            supplier: supplier.unwrap_or_default(),
            materials: materials.unwrap_or_default(),
            valid_from: from.unwrap_or_default(),
            valid_until: until.unwrap_or_default(),
            file_reference: file_reference.unwrap_or_default(),
            note: note.unwrap_or_default(),
        })
    }
}

/// Where a material comes from, for origin purposes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BomOrigin {
    /// Non-originating, from this country (ISO 3166-1 alpha-2).
    Country { country: String },
    /// Originating, proven by this supplier declaration.
    Declared { supplier_declaration_id: i64 },
    /// Not known yet.
    Unknown,
}

/// A BOM line as typed (or read from a file).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct BomLineDraft {
    pub description: String,
    pub hs_code: String,
    /// The material's country of origin; empty when a supplier declaration proves it originating,
    /// or when unknown.
    pub origin_country: String,
    /// The supplier declaration that makes it originating.
    pub supplier_declaration_id: Option<i64>,
    pub quantity: String,
    pub unit: String,
    /// Value of one unit of the material.
    pub unit_value: String,
    /// The value's currency; the BOM's when empty.
    pub currency: String,
    pub supplier: String,
    /// Weight of the material in one product (kg), for weight-based tolerances.
    pub weight_kg: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BomLine {
    pub line_no: u32,
    pub description: String,
    pub hs_code: HsCode,
    pub origin: BomOrigin,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub quantity: Decimal,
    pub unit: String,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub unit_value: Decimal,
    pub currency: Currency,
    pub supplier: String,
    #[ts(type = "string | null")]
    #[serde(with = "rust_decimal::serde::str_option")]
    pub weight_kg: Option<Decimal>,
}

impl BomLine {
    /// Value of the material in one product: quantity × unit value.
    pub fn value(&self) -> Decimal {
        self.quantity * self.unit_value
    }
}

/// A product's bill of materials as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct BomDraft {
    pub currency: String,
    /// Ex-works price of one product.
    pub ex_works_price: String,
    /// FOB price of one product.
    pub fob_price: String,
    /// What is done in Korea (making, assembling, filling, …), in the user's words.
    pub operations: String,
    /// Only minimal operations (packing, labelling, simple mixing or assembly, making up sets)
    /// are done in Korea; `None` until the user answers.
    pub only_minimal_operations: Option<bool>,
    pub lines: Vec<BomLineDraft>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Bom {
    pub product_id: i64,
    pub currency: Currency,
    #[ts(type = "string | null")]
    #[serde(with = "rust_decimal::serde::str_option")]
    pub ex_works_price: Option<Decimal>,
    #[ts(type = "string | null")]
    #[serde(with = "rust_decimal::serde::str_option")]
    pub fob_price: Option<Decimal>,
    pub operations: String,
    pub only_minimal_operations: Option<bool>,
    pub lines: Vec<BomLine>,
}

fn optional_positive(input: &str, field: &str) -> Result<Option<Decimal>, Problem> {
    if input.trim().is_empty() {
        return Ok(None);
    }
    let v = parse_amount(input, field)?;
    if v <= Decimal::ZERO {
        return Err(Problem::new(
            "amount.not_positive",
            format!("{}은(는) 0보다 커야 합니다.", input.trim()),
            format!("{} must be more than zero.", input.trim()),
        )
        .at(field));
    }
    Ok(Some(v))
}

impl BomLineDraft {
    /// Check one line; `i` places its problems (`lines[i].field`), `known_declaration` says
    /// whether a supplier declaration id exists.
    pub fn validate(
        &self,
        i: usize,
        bom_currency: Option<Currency>,
        known_declaration: &dyn Fn(i64) -> bool,
    ) -> Result<BomLine, Problems> {
        let f = |name: &str| format!("lines[{i}].{name}");
        let mut p = Problems::default();
        let description = p.take(required(
            &self.description,
            &f("description"),
            "재료 이름",
            "material name",
            200,
        ));
        let hs_code = p.take(HsCode::parse(&self.hs_code).map_err(|e| e.at(f("hs_code"))).and_then(|c| {
            if c.digits().len() < 4 {
                Err(Problem::new(
                    "bom.hs_too_short",
                    format!("재료의 HS 코드는 4자리(호) 이상이어야 세번변경을 판정할 수 있습니다 ('{}').", self.hs_code.trim()),
                    format!("A material's HS code needs at least 4 digits (the heading) to check a tariff shift ('{}').", self.hs_code.trim()),
                )
                .at(f("hs_code")))
            } else {
                Ok(c)
            }
        }));
        let origin = match (self.supplier_declaration_id, self.origin_country.trim()) {
            (Some(id), _) if known_declaration(id) => Some(BomOrigin::Declared {
                supplier_declaration_id: id,
            }),
            (Some(id), _) => {
                p.push(
                    Problem::new(
                        "bom.declaration_missing",
                        format!(
                            "원산지확인서(번호 {id})가 없습니다. 원산지확인서를 다시 고르세요."
                        ),
                        format!("Supplier declaration {id} does not exist; choose it again."),
                    )
                    .at(f("supplier_declaration_id")),
                );
                None
            }
            (None, "") => Some(BomOrigin::Unknown),
            (None, c) => p.take(
                Country::parse(c)
                    .map(|c| BomOrigin::Country {
                        country: c.code().to_string(),
                    })
                    .map_err(|e| e.at(f("origin_country"))),
            ),
        };
        let quantity = p.take(parse_amount(&self.quantity, &f("quantity")).and_then(|q| {
            if q <= Decimal::ZERO {
                Err(Problem::new(
                    "bom.quantity",
                    format!(
                        "재료 수량은 0보다 커야 합니다 ('{}').",
                        self.quantity.trim()
                    ),
                    format!(
                        "The material quantity must be more than zero ('{}').",
                        self.quantity.trim()
                    ),
                )
                .at(f("quantity")))
            } else {
                Ok(q)
            }
        }));
        let unit = p.take(
            parse_unit(if self.unit.trim().is_empty() {
                "EA"
            } else {
                &self.unit
            })
            .map_err(|e| e.at(f("unit"))),
        );
        let unit_value = p.take(if self.unit_value.trim().is_empty() {
            Err(Problem::new(
                "bom.value_empty",
                "재료 단가를 입력하세요. 비율 기준(부가가치·비원산지 재료비)을 계산하는 데 필요합니다.",
                "Enter the material's unit value; percentage rules are computed from it.",
            )
            .at(f("unit_value")))
        } else {
            parse_non_negative(&self.unit_value, &f("unit_value"))
        });
        let currency = if self.currency.trim().is_empty() {
            match bom_currency {
                Some(c) => Some(c),
                None => {
                    p.push(
                        Problem::new(
                            "bom.currency_empty",
                            "재료 단가의 통화를 입력하세요.",
                            "Enter the currency of the material's value.",
                        )
                        .at(f("currency")),
                    );
                    None
                }
            }
        } else {
            p.take(Currency::parse(&self.currency).map_err(|e| e.at(f("currency"))))
        };
        let supplier = p.take(optional(
            &self.supplier,
            &f("supplier"),
            "공급자",
            "supplier",
            200,
        ));
        let weight_kg = p.take(if self.weight_kg.trim().is_empty() {
            Ok(None)
        } else {
            parse_non_negative(&self.weight_kg, &f("weight_kg")).map(Some)
        });
        // One material's value in one product (quantity × unit value) is summed and converted
        // by the origin check; past this it is a typo, and the arithmetic would overflow.
        if let (Some(q), Some(v)) = (quantity, unit_value) {
            let limit = Decimal::from(1_000_000_000_000_000_i64);
            if q.checked_mul(v).is_none_or(|value| value > limit) {
                p.push(
                    Problem::new(
                        "bom.value_too_large",
                        format!(
                            "수량 {} × 단가 {}이(가) 너무 큽니다 (재료 하나의 값은 {limit} 이하). 수량과 단가를 확인하세요.",
                            self.quantity.trim(),
                            self.unit_value.trim()
                        ),
                        format!(
                            "Quantity {} × unit value {} is too large (one material's value is at most {limit}). Check the quantity and the unit value.",
                            self.quantity.trim(),
                            self.unit_value.trim()
                        ),
                    )
                    .at(f("unit_value")),
                );
            }
        }
        p.into_result(|| BomLine {
            line_no: i as u32 + 1,
            description: description.unwrap_or_default(),
            hs_code: hs_code.expect("checked"),
            origin: origin.expect("checked"),
            quantity: quantity.unwrap_or_default(),
            unit: unit.unwrap_or_default(),
            unit_value: unit_value.unwrap_or_default(),
            currency: currency.expect("checked"),
            supplier: supplier.unwrap_or_default(),
            weight_kg: weight_kg.flatten(),
        })
    }
}

impl BomDraft {
    pub fn validate(
        &self,
        product_id: i64,
        known_declaration: &dyn Fn(i64) -> bool,
    ) -> Result<Bom, Problems> {
        let mut p = Problems::default();
        let currency = p.take(
            Currency::parse(if self.currency.trim().is_empty() {
                "KRW"
            } else {
                &self.currency
            })
            .map_err(|e| e.at("currency")),
        );
        let ex_works_price = p.take(optional_positive(&self.ex_works_price, "ex_works_price"));
        let fob_price = p.take(optional_positive(&self.fob_price, "fob_price"));
        let operations = p.take(optional(
            &self.operations,
            "operations",
            "국내 공정",
            "operations in Korea",
            1000,
        ));
        let mut lines = Vec::with_capacity(self.lines.len());
        for (i, l) in self.lines.iter().enumerate() {
            match l.validate(i, currency, known_declaration) {
                Ok(line) => lines.push(line),
                Err(e) => p.0.extend(e.0),
            }
        }
        p.into_result(|| Bom {
            product_id,
            currency: currency.expect("checked"),
            ex_works_price: ex_works_price.flatten(),
            fob_price: fob_price.flatten(),
            operations: operations.unwrap_or_default(),
            only_minimal_operations: self.only_minimal_operations,
            lines,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(hs: &str, origin: &str, decl: Option<i64>, value: &str) -> BomLineDraft {
        BomLineDraft {
            description: "Shea butter".into(),
            hs_code: hs.into(),
            origin_country: origin.into(),
            supplier_declaration_id: decl,
            quantity: "0.02".into(),
            unit: "KG".into(),
            unit_value: value.into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_bom_is_checked_line_by_line_with_places() {
        let known = |id: i64| id == 7;
        let draft = BomDraft {
            currency: "KRW".into(),
            ex_works_price: "12000".into(),
            lines: vec![
                line("1515.90", "GH", None, "9000"),
                line("3307", "", Some(7), "500"),
                line("33", "", None, ""),
                line("1701.99", "", Some(8), "100"),
            ],
            ..Default::default()
        };
        let e = draft.validate(1, &known).unwrap_err();
        let fields: Vec<_> = e.0.iter().filter_map(|p| p.field.clone()).collect();
        assert_eq!(
            fields,
            [
                "lines[2].hs_code",
                "lines[2].unit_value",
                "lines[3].supplier_declaration_id"
            ]
        );
        let ok = BomDraft {
            lines: draft.lines[..2].to_vec(),
            ..draft.clone()
        }
        .validate(1, &known)
        .unwrap();
        assert_eq!(
            ok.lines[0].origin,
            BomOrigin::Country {
                country: "GH".into()
            }
        );
        assert_eq!(
            ok.lines[1].origin,
            BomOrigin::Declared {
                supplier_declaration_id: 7
            }
        );
        assert_eq!(ok.lines[0].value(), "180.00".parse::<Decimal>().unwrap());
        assert_eq!(ok.lines[0].currency, Currency::parse("KRW").unwrap());
        assert_eq!(ok.ex_works_price, Some(Decimal::from(12000)));
    }

    #[test]
    fn supplier_declarations_need_an_ordered_period() {
        let d = SupplierDeclarationDraft {
            supplier: "한빛원료".into(),
            materials: "글리세린 2905.45".into(),
            valid_from: "2026-12-31".into(),
            valid_until: "2026-01-01".into(),
            ..Default::default()
        };
        assert_eq!(
            d.validate(0).unwrap_err().0[0].code,
            "valid_until.before_from"
        );
        let d = SupplierDeclarationDraft {
            valid_from: "2026-01-01".into(),
            valid_until: "2026-12-31".into(),
            ..d
        };
        let ok = d.validate(0).unwrap();
        assert!(ok.valid_on(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()));
        assert!(!ok.valid_on(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()));
    }
}
