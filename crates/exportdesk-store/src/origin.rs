//! FTA origin records: supplier declarations, bills of materials, the user's own PSR rules.

use crate::records::{date, dec, not_found, opt_dec, parsed, Writer};
use crate::{sql_problem, Store};
use exportdesk_rules::bom::{Bom, BomLine, BomOrigin, SupplierDeclaration};
use exportdesk_rules::hs::HsCode;
use exportdesk_rules::money::Currency;
use exportdesk_rules::Problem;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A product with a BOM, for the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BomSummary {
    pub product_id: i64,
    pub sku: String,
    pub name: String,
    pub hs_code: Option<String>,
    pub lines: i64,
    pub updated_at: String,
}

/// A product-specific rule the user added or corrected, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "StoredUserRule")]
pub struct UserRule {
    pub id: i64,
    pub fta: String,
    pub hs_range: String,
    pub rule: String,
    pub note: String,
    pub updated_at: String,
}

fn declaration_from(r: &Row<'_>) -> rusqlite::Result<SupplierDeclaration> {
    Ok(SupplierDeclaration {
        id: r.get("id")?,
        supplier: r.get("supplier")?,
        materials: r.get("materials")?,
        valid_from: date(r, "valid_from")?,
        valid_until: date(r, "valid_until")?,
        file_reference: r.get("file_reference")?,
        note: r.get("note")?,
    })
}

fn declaration(conn: &Connection, id: i64) -> Result<Option<SupplierDeclaration>, Problem> {
    conn.query_row(
        "SELECT * FROM supplier_declarations WHERE id = ?1",
        [id],
        declaration_from,
    )
    .optional()
    .map_err(sql_problem)
}

fn bom(conn: &Connection, product_id: i64) -> Result<Option<Bom>, Problem> {
    let Some(mut b) = conn
        .query_row(
            "SELECT * FROM boms WHERE product_id = ?1",
            [product_id],
            |r| {
                Ok(Bom {
                    product_id: r.get("product_id")?,
                    currency: parsed(r, "currency", Currency::parse)?,
                    ex_works_price: opt_dec(r, "ex_works_price")?,
                    fob_price: opt_dec(r, "fob_price")?,
                    operations: r.get("operations")?,
                    only_minimal_operations: r
                        .get::<_, Option<i64>>("only_minimal_operations")?
                        .map(|v| v != 0),
                    lines: Vec::new(),
                })
            },
        )
        .optional()
        .map_err(sql_problem)?
    else {
        return Ok(None);
    };
    let mut stmt = conn
        .prepare_cached("SELECT * FROM bom_lines WHERE product_id = ?1 ORDER BY line_no")
        .map_err(sql_problem)?;
    b.lines = stmt
        .query_map([product_id], |r| {
            let kind: String = r.get("origin_kind")?;
            let origin = match kind.as_str() {
                "country" => BomOrigin::Country {
                    country: r
                        .get::<_, Option<String>>("origin_country")?
                        .unwrap_or_default(),
                },
                "declared" => BomOrigin::Declared {
                    supplier_declaration_id: r.get("supplier_declaration_id")?,
                },
                _ => BomOrigin::Unknown,
            };
            Ok(BomLine {
                line_no: r.get("line_no")?,
                description: r.get("description")?,
                hs_code: parsed(r, "hs_code", HsCode::parse)?,
                origin,
                quantity: dec(r, "quantity")?,
                unit: r.get("unit")?,
                unit_value: dec(r, "unit_value")?,
                currency: parsed(r, "currency", Currency::parse)?,
                supplier: r.get("supplier")?,
                weight_kg: opt_dec(r, "weight_kg")?,
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(sql_problem)?;
    Ok(Some(b))
}

fn user_rule_from(r: &Row<'_>) -> rusqlite::Result<UserRule> {
    Ok(UserRule {
        id: r.get("id")?,
        fta: r.get("fta")?,
        hs_range: r.get("hs_range")?,
        rule: r.get("rule")?,
        note: r.get("note")?,
        updated_at: r.get("updated_at")?,
    })
}

impl Store {
    pub fn supplier_declarations(&self) -> Result<Vec<SupplierDeclaration>, Problem> {
        let mut stmt = self
            .conn()
            .prepare("SELECT * FROM supplier_declarations ORDER BY valid_until, id")
            .map_err(sql_problem)?;
        let rows = stmt.query_map([], declaration_from).map_err(sql_problem)?;
        rows.collect::<rusqlite::Result<_>>().map_err(sql_problem)
    }

    pub fn supplier_declaration(&self, id: i64) -> Result<Option<SupplierDeclaration>, Problem> {
        declaration(self.conn(), id)
    }

    /// Supplier declarations that a BOM line relies on and that end on or before `until`,
    /// soonest first: what the dashboard warns about.
    pub fn supplier_declarations_ending(
        &self,
        until: chrono::NaiveDate,
    ) -> Result<Vec<(SupplierDeclaration, i64)>, Problem> {
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT d.*, (SELECT count(*) FROM bom_lines l WHERE l.supplier_declaration_id = d.id) AS used
                 FROM supplier_declarations d WHERE d.valid_until <= ?1
                   AND EXISTS (SELECT 1 FROM bom_lines l WHERE l.supplier_declaration_id = d.id)
                 ORDER BY d.valid_until, d.id",
            )
            .map_err(sql_problem)?;
        let rows = stmt
            .query_map([until.to_string()], |r| {
                Ok((declaration_from(r)?, r.get("used")?))
            })
            .map_err(sql_problem)?;
        rows.collect::<rusqlite::Result<_>>().map_err(sql_problem)
    }

    pub fn bom(&self, product_id: i64) -> Result<Option<Bom>, Problem> {
        bom(self.conn(), product_id)
    }

    pub fn boms(&self) -> Result<Vec<BomSummary>, Problem> {
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT b.product_id, p.sku, CASE WHEN p.name_en <> '' THEN p.name_en ELSE p.name_ko END AS name,
                        p.hs_code, b.updated_at,
                        (SELECT count(*) FROM bom_lines l WHERE l.product_id = b.product_id) AS lines
                 FROM boms b JOIN products p ON p.id = b.product_id ORDER BY p.sku",
            )
            .map_err(sql_problem)?;
        let rows = stmt
            .query_map([], |r| {
                Ok(BomSummary {
                    product_id: r.get("product_id")?,
                    sku: r.get("sku")?,
                    name: r.get("name")?,
                    hs_code: r.get("hs_code")?,
                    lines: r.get("lines")?,
                    updated_at: r.get("updated_at")?,
                })
            })
            .map_err(sql_problem)?;
        rows.collect::<rusqlite::Result<_>>().map_err(sql_problem)
    }

    pub fn user_rules(&self) -> Result<Vec<UserRule>, Problem> {
        let mut stmt = self
            .conn()
            .prepare("SELECT * FROM psr_user_rules ORDER BY fta, hs_range")
            .map_err(sql_problem)?;
        let rows = stmt.query_map([], user_rule_from).map_err(sql_problem)?;
        rows.collect::<rusqlite::Result<_>>().map_err(sql_problem)
    }
}

impl Writer<'_> {
    pub fn save_supplier_declaration(
        &mut self,
        d: &SupplierDeclaration,
    ) -> Result<SupplierDeclaration, Problem> {
        let before = if d.id == 0 {
            None
        } else {
            declaration(&self.tx, d.id)?
        };
        if d.id != 0 && before.is_none() {
            return Err(not_found("원산지확인서", "Supplier declaration", d.id));
        }
        let mut saved = d.clone();
        if before.is_some() {
            self.tx
                .execute(
                    "UPDATE supplier_declarations SET supplier=?1, materials=?2, valid_from=?3, valid_until=?4,
                     file_reference=?5, note=?6, updated_at=?7 WHERE id=?8",
                    params![d.supplier, d.materials, d.valid_from.to_string(), d.valid_until.to_string(), d.file_reference, d.note, self.at, d.id],
                )
                .map_err(sql_problem)?;
        } else {
            self.tx
                .execute(
                    "INSERT INTO supplier_declarations(supplier, materials, valid_from, valid_until, file_reference, note, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                    params![d.supplier, d.materials, d.valid_from.to_string(), d.valid_until.to_string(), d.file_reference, d.note, self.at],
                )
                .map_err(sql_problem)?;
            saved.id = self.tx.last_insert_rowid();
        }
        let action = if before.is_some() { "update" } else { "create" };
        self.log(
            "supplier_declaration",
            &saved.id.to_string(),
            action,
            before.as_ref(),
            Some(&saved),
        )?;
        Ok(saved)
    }

    pub fn delete_supplier_declaration(&mut self, id: i64) -> Result<(), Problem> {
        let before = declaration(&self.tx, id)?
            .ok_or_else(|| not_found("원산지확인서", "Supplier declaration", id))?;
        let used: i64 = self
            .tx
            .query_row(
                "SELECT count(*) FROM bom_lines WHERE supplier_declaration_id = ?1",
                [id],
                |r| r.get(0),
            )
            .map_err(sql_problem)?;
        if used > 0 {
            return Err(Problem::new(
                "supplier_declaration.in_use",
                format!("이 원산지확인서는 자재명세서 {used}줄에서 쓰고 있어 지울 수 없습니다. 그 줄의 원산지를 먼저 바꾸세요."),
                format!("This supplier declaration is used by {used} BOM lines; change their origin first."),
            )
            .with("lines", used));
        }
        self.tx
            .execute("DELETE FROM supplier_declarations WHERE id = ?1", [id])
            .map_err(sql_problem)?;
        self.log(
            "supplier_declaration",
            &id.to_string(),
            "delete",
            Some(&before),
            None,
        )
    }

    /// Replace a product's BOM with `b` (all lines together).
    pub fn save_bom(&mut self, b: &Bom) -> Result<Bom, Problem> {
        let exists: bool = self
            .tx
            .query_row(
                "SELECT count(*) FROM products WHERE id = ?1",
                [b.product_id],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n > 0)
            .map_err(sql_problem)?;
        if !exists {
            return Err(not_found("상품", "Product", b.product_id));
        }
        let before = bom(&self.tx, b.product_id)?;
        self.tx
            .execute("DELETE FROM boms WHERE product_id = ?1", [b.product_id])
            .map_err(sql_problem)?;
        self.tx
            .execute(
                "INSERT INTO boms(product_id, currency, ex_works_price, fob_price, operations, only_minimal_operations, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    b.product_id,
                    b.currency.code(),
                    b.ex_works_price.map(|v| v.to_string()),
                    b.fob_price.map(|v| v.to_string()),
                    b.operations,
                    b.only_minimal_operations.map(i64::from),
                    self.at
                ],
            )
            .map_err(sql_problem)?;
        {
            let mut stmt = self
                .tx
                .prepare_cached(
                    "INSERT INTO bom_lines(product_id, line_no, description, hs_code, origin_kind, origin_country,
                     supplier_declaration_id, quantity, unit, unit_value, currency, supplier, weight_kg)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                )
                .map_err(sql_problem)?;
            for l in &b.lines {
                let (kind, country, decl) = match &l.origin {
                    BomOrigin::Country { country } => ("country", Some(country.as_str()), None),
                    BomOrigin::Declared {
                        supplier_declaration_id,
                    } => ("declared", None, Some(*supplier_declaration_id)),
                    BomOrigin::Unknown => ("unknown", None, None),
                };
                stmt.execute(params![
                    b.product_id,
                    l.line_no,
                    l.description,
                    l.hs_code.digits(),
                    kind,
                    country,
                    decl,
                    l.quantity.to_string(),
                    l.unit,
                    l.unit_value.to_string(),
                    l.currency.code(),
                    l.supplier,
                    l.weight_kg.map(|w| w.to_string())
                ])
                .map_err(sql_problem)?;
            }
        }
        let action = if before.is_some() { "update" } else { "create" };
        self.log(
            "bom",
            &b.product_id.to_string(),
            action,
            before.as_ref(),
            Some(b),
        )?;
        Ok(b.clone())
    }

    pub fn delete_bom(&mut self, product_id: i64) -> Result<(), Problem> {
        let before =
            bom(&self.tx, product_id)?.ok_or_else(|| not_found("자재명세서", "BOM", product_id))?;
        self.tx
            .execute("DELETE FROM boms WHERE product_id = ?1", [product_id])
            .map_err(sql_problem)?;
        self.log(
            "bom",
            &product_id.to_string(),
            "delete",
            Some(&before),
            None,
        )
    }

    pub fn save_user_rule(&mut self, r: &UserRule) -> Result<UserRule, Problem> {
        let before = self
            .tx
            .query_row(
                "SELECT * FROM psr_user_rules WHERE fta = ?1 AND hs_range = ?2",
                params![r.fta, r.hs_range],
                user_rule_from,
            )
            .optional()
            .map_err(sql_problem)?;
        self.tx
            .execute(
                "INSERT INTO psr_user_rules(fta, hs_range, rule, note, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)
                 ON CONFLICT(fta, hs_range) DO UPDATE SET rule = excluded.rule, note = excluded.note, updated_at = excluded.updated_at",
                params![r.fta, r.hs_range, r.rule, r.note, self.at],
            )
            .map_err(sql_problem)?;
        let saved = self
            .tx
            .query_row(
                "SELECT * FROM psr_user_rules WHERE fta = ?1 AND hs_range = ?2",
                params![r.fta, r.hs_range],
                user_rule_from,
            )
            .map_err(sql_problem)?;
        let action = if before.is_some() { "update" } else { "create" };
        self.log(
            "psr_user_rule",
            &saved.id.to_string(),
            action,
            before.as_ref(),
            Some(&saved),
        )?;
        Ok(saved)
    }

    pub fn delete_user_rule(&mut self, id: i64) -> Result<(), Problem> {
        let before = self
            .tx
            .query_row(
                "SELECT * FROM psr_user_rules WHERE id = ?1",
                [id],
                user_rule_from,
            )
            .optional()
            .map_err(sql_problem)?
            .ok_or_else(|| not_found("원산지 결정기준", "Rule", id))?;
        self.tx
            .execute("DELETE FROM psr_user_rules WHERE id = ?1", [id])
            .map_err(sql_problem)?;
        self.log(
            "psr_user_rule",
            &id.to_string(),
            "delete",
            Some(&before),
            None,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;
    use exportdesk_rules::bom::{BomDraft, BomLineDraft, SupplierDeclarationDraft};
    use exportdesk_rules::hs::HsTable;
    use exportdesk_rules::records::ProductDraft;

    #[test]
    fn boms_declarations_and_rules_round_trip() {
        let (_d, mut s) = temp_store();
        let product = ProductDraft {
            sku: "HC-50".into(),
            name_en: "Hand cream".into(),
            hs_code: "3304991000".into(),
            ..Default::default()
        }
        .validate(0, &HsTable::bundled())
        .unwrap();
        let product = s
            .write(at("2026-11-27 10:00"), |w| w.save_product(&product))
            .unwrap();
        let decl = SupplierDeclarationDraft {
            supplier: "한빛원료".into(),
            materials: "글리세린".into(),
            valid_from: "2026-01-01".into(),
            valid_until: "2026-12-15".into(),
            ..Default::default()
        }
        .validate(0)
        .unwrap();
        let decl = s
            .write(at("2026-11-27 10:01"), |w| {
                w.save_supplier_declaration(&decl)
            })
            .unwrap();
        let bom = BomDraft {
            currency: "KRW".into(),
            ex_works_price: "12000".into(),
            only_minimal_operations: Some(false),
            lines: vec![
                BomLineDraft {
                    description: "Glycerin".into(),
                    hs_code: "2905.45".into(),
                    supplier_declaration_id: Some(decl.id),
                    quantity: "0.01".into(),
                    unit: "KG".into(),
                    unit_value: "3000".into(),
                    ..Default::default()
                },
                BomLineDraft {
                    description: "Shea butter".into(),
                    hs_code: "1515.90".into(),
                    origin_country: "GH".into(),
                    quantity: "0.02".into(),
                    unit: "KG".into(),
                    unit_value: "9000".into(),
                    ..Default::default()
                },
            ],
            ..Default::default()
        }
        .validate(product.id, &|id| id == decl.id)
        .unwrap();
        s.write(at("2026-11-27 10:02"), |w| w.save_bom(&bom))
            .unwrap();
        assert_eq!(s.bom(product.id).unwrap().unwrap(), bom);
        assert_eq!(s.boms().unwrap()[0].lines, 2);
        let ending = s
            .supplier_declarations_ending(chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap())
            .unwrap();
        assert_eq!((ending[0].0.id, ending[0].1), (decl.id, 1));
        let err = s
            .write(at("2026-11-27 10:03"), |w| {
                w.delete_supplier_declaration(decl.id)
            })
            .unwrap_err();
        assert_eq!(err.code, "supplier_declaration.in_use");

        let rule = UserRule {
            id: 0,
            fta: "KR-EU".into(),
            hs_range: "3304".into(),
            rule: "CTH".into(),
            note: "mine".into(),
            updated_at: String::new(),
        };
        s.write(at("2026-11-27 10:04"), |w| w.save_user_rule(&rule))
            .unwrap();
        let changed = UserRule {
            rule: "CTH or MaxNOM(40%, EXW)".into(),
            ..rule
        };
        let saved = s
            .write(at("2026-11-27 10:05"), |w| w.save_user_rule(&changed))
            .unwrap();
        assert_eq!(s.user_rules().unwrap().len(), 1);
        assert_eq!(s.user_rules().unwrap()[0].rule, "CTH or MaxNOM(40%, EXW)");
        s.write(at("2026-11-27 10:06"), |w| w.delete_user_rule(saved.id))
            .unwrap();
        assert!(s.user_rules().unwrap().is_empty());
        // A BOM can be removed on its own.
        s.write(at("2026-11-27 10:07"), |w| w.delete_bom(product.id))
            .unwrap();
        assert!(s.bom(product.id).unwrap().is_none());
    }
}
