//! FTA origin facts: supplier origin declarations (원산지확인서) and each product's bill of
//! materials (자재명세서), typed on screen or imported from CSV/XLSX (all rows or none).

use crate::{App, Result};
use chrono::NaiveDate;
use exportdesk_rules::bom::{Bom, BomDraft, SupplierDeclaration, SupplierDeclarationDraft};
use exportdesk_rules::{Problem, Problems};
use exportdesk_store::BomSummary;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A supplier declaration a BOM relies on that has ended or ends soon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExpiringDeclaration {
    pub declaration: SupplierDeclaration,
    /// BOM lines that rely on it.
    pub used_by_lines: i64,
    /// Days from today to its last valid day (negative: ended).
    pub days_left: i64,
}

impl App {
    pub fn supplier_declarations(&self) -> Result<Vec<SupplierDeclaration>> {
        Ok(self.store.supplier_declarations()?)
    }

    pub fn save_supplier_declaration(
        &mut self,
        id: Option<i64>,
        draft: &SupplierDeclarationDraft,
    ) -> Result<SupplierDeclaration> {
        let d = draft.validate(id.unwrap_or(0))?;
        Ok(self
            .store
            .write(self.clock.now(), |w| w.save_supplier_declaration(&d))?)
    }

    pub fn delete_supplier_declaration(&mut self, id: i64) -> Result<()> {
        Ok(self
            .store
            .write(self.clock.now(), |w| w.delete_supplier_declaration(id))?)
    }

    /// Supplier declarations in use that end within `days` of today (or have ended).
    pub fn expiring_declarations(&self, days: i64) -> Result<Vec<ExpiringDeclaration>> {
        let today = self.today();
        let until = today + chrono::Duration::days(days);
        Ok(self
            .store
            .supplier_declarations_ending(until)?
            .into_iter()
            .map(|(declaration, used)| ExpiringDeclaration {
                days_left: (declaration.valid_until - today).num_days(),
                declaration,
                used_by_lines: used,
            })
            .collect())
    }

    pub fn boms(&self) -> Result<Vec<BomSummary>> {
        Ok(self.store.boms()?)
    }

    /// The product's BOM, `None` when it has none yet; a product that does not exist is a
    /// problem, not an empty BOM.
    pub fn bom(&self, product_id: i64) -> Result<Option<Bom>> {
        self.product(product_id)?;
        Ok(self.store.bom(product_id)?)
    }

    fn declaration_ids(&self) -> Result<Vec<i64>> {
        Ok(self
            .store
            .supplier_declarations()?
            .iter()
            .map(|d| d.id)
            .collect())
    }

    /// Replace a product's BOM with what the form says (checked whole first).
    pub fn save_bom(&mut self, product_id: i64, draft: &BomDraft) -> Result<Bom> {
        self.product(product_id)?;
        let known = self.declaration_ids()?;
        let bom = draft.validate(product_id, &|id| known.contains(&id))?;
        Ok(self.store.write(self.clock.now(), |w| w.save_bom(&bom))?)
    }

    pub fn delete_bom(&mut self, product_id: i64) -> Result<()> {
        Ok(self
            .store
            .write(self.clock.now(), |w| w.delete_bom(product_id))?)
    }

    /// Read BOM lines from a CSV/XLSX file into the product's BOM, replacing its lines — every
    /// row or none. Problems name the row and column; the BOM's header (currency, prices,
    /// operations) stays as it was.
    pub fn import_bom(&mut self, product_id: i64, bytes: &[u8]) -> Result<Bom> {
        self.product(product_id)?;
        let declarations = self.store.supplier_declarations()?;
        let mut existing = self.store.bom(product_id)?;
        let lines = exportdesk_import::bom::read_bom(
            bytes,
            &declarations,
            existing.as_ref().map(|b| b.currency),
        )?;
        let bom = match existing.take() {
            Some(mut b) => {
                b.lines = lines;
                b
            }
            None => Bom {
                product_id,
                currency: exportdesk_rules::money::Currency::parse("KRW").expect("KRW is known"),
                ex_works_price: None,
                fob_price: None,
                operations: String::new(),
                only_minimal_operations: None,
                lines,
            },
        };
        Ok(self.store.write(self.clock.now(), |w| w.save_bom(&bom))?)
    }

    /// The supplier declarations a BOM relies on and whether each is valid on `date`.
    pub fn bom_evidence(
        &self,
        bom: &Bom,
        date: NaiveDate,
    ) -> Result<Vec<(SupplierDeclaration, bool)>> {
        let mut out: Vec<(SupplierDeclaration, bool)> = Vec::new();
        for l in &bom.lines {
            if let exportdesk_rules::bom::BomOrigin::Declared {
                supplier_declaration_id,
            } = l.origin
            {
                if out.iter().any(|(d, _)| d.id == supplier_declaration_id) {
                    continue;
                }
                if let Some(d) = self.store.supplier_declaration(supplier_declaration_id)? {
                    let ok = d.valid_on(date);
                    out.push((d, ok));
                }
            }
        }
        Ok(out)
    }
}

// ---- origin checks --------------------------------------------------------------------------

use exportdesk_rules::bom::BomOrigin;
use exportdesk_rules::money::Currency;
use exportdesk_rules::origin::{
    self as engine, FtaCatalogue, FtaComparison, MaterialOrigin, OriginCase, OriginMaterial,
    OriginVerdict, PsrBook,
};
use rust_decimal::Decimal;

/// An FTA for the screens' choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FtaInfo {
    pub code: String,
    pub name_ko: String,
    pub name_en: String,
    pub partners: Vec<String>,
    /// How many product-specific rules the app ships for it (the user's own not counted).
    pub rules: u32,
}

/// A product-specific rule as the rules list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PsrRuleInfo {
    pub fta: String,
    pub scope: String,
    pub rule: String,
    pub source: String,
    pub verified: bool,
    pub own: bool,
    /// The stored id of a user rule.
    pub id: Option<i64>,
    pub note: String,
}

impl App {
    fn fta_catalogue(&self) -> FtaCatalogue {
        FtaCatalogue::bundled_with(&self.rulebook.fta)
    }

    /// The bundled rules with the user's own on top.
    fn psr_book(&self, catalogue: &FtaCatalogue) -> Result<PsrBook> {
        let bundled = PsrBook::from_sources(&engine::psr::BUNDLED_PSR, catalogue)?;
        let own = self
            .store
            .user_rules()?
            .into_iter()
            .map(|r| engine::UserRule {
                fta: r.fta,
                hs_range: r.hs_range,
                rule: r.rule,
                note: r.note,
            })
            .collect();
        bundled.with_user_rules(own)
    }

    pub fn ftas(&self) -> Result<Vec<FtaInfo>> {
        let catalogue = self.fta_catalogue();
        let book = PsrBook::from_sources(&engine::psr::BUNDLED_PSR, &catalogue)?;
        let today = self.today();
        Ok(catalogue
            .codes()
            .into_iter()
            .filter_map(|c| catalogue.get(c))
            .map(|f| FtaInfo {
                code: f.code.clone(),
                name_ko: f.name_ko.clone(),
                name_en: f.name_en.clone(),
                partners: f.partners_on(today).to_vec(),
                rules: book.rules_of(&f.code).count() as u32,
            })
            .collect())
    }

    /// Every rule in force (bundled and the user's own), optionally of one FTA.
    pub fn psr_rules(&self, fta: Option<&str>) -> Result<Vec<PsrRuleInfo>> {
        let catalogue = self.fta_catalogue();
        if let Some(code) = fta {
            // An unknown code is a typo to fix, not an FTA without rules.
            catalogue.require(code)?;
        }
        let book = self.psr_book(&catalogue)?;
        let stored = self.store.user_rules()?;
        Ok(book
            .rules()
            .iter()
            .filter(|r| fta.is_none_or(|f| r.fta.eq_ignore_ascii_case(f.trim())))
            .map(|r| PsrRuleInfo {
                fta: r.fta.clone(),
                scope: r.scope.describe(),
                rule: r.text.clone(),
                source: r.source.clone(),
                verified: r.verified,
                own: r.own,
                id: if r.own {
                    stored
                        .iter()
                        .find(|s| {
                            s.fta.eq_ignore_ascii_case(&r.fta)
                                && s.hs_range.trim() == r.scope.describe()
                        })
                        .map(|s| s.id)
                } else {
                    None
                },
                note: r.note.clone().unwrap_or_default(),
            })
            .collect())
    }

    /// Add or replace one of the user's own rules (checked with the rule language first).
    pub fn save_user_rule(
        &mut self,
        rule: &engine::UserRule,
    ) -> Result<exportdesk_store::UserRule> {
        let catalogue = self.fta_catalogue();
        let clean = engine::UserRule {
            fta: rule.fta.trim().to_ascii_uppercase(),
            hs_range: rule.hs_range.trim().to_string(),
            rule: rule.rule.trim().to_string(),
            note: rule.note.trim().to_string(),
        };
        // The whole set with the new rule must load: syntax, FTA and range are checked there.
        let mut others: Vec<engine::UserRule> = self
            .store
            .user_rules()?
            .into_iter()
            .filter(|r| !(r.fta.eq_ignore_ascii_case(&clean.fta) && r.hs_range == clean.hs_range))
            .map(|r| engine::UserRule {
                fta: r.fta,
                hs_range: r.hs_range,
                rule: r.rule,
                note: r.note,
            })
            .collect();
        others.push(clean.clone());
        PsrBook::from_sources(&engine::psr::BUNDLED_PSR, &catalogue)?.with_user_rules(others)?;
        let stored = exportdesk_store::UserRule {
            id: 0,
            fta: clean.fta,
            hs_range: clean.hs_range,
            rule: clean.rule,
            note: clean.note,
            updated_at: String::new(),
        };
        Ok(self
            .store
            .write(self.clock.now(), |w| w.save_user_rule(&stored))?)
    }

    pub fn delete_user_rule(&mut self, id: i64) -> Result<()> {
        Ok(self
            .store
            .write(self.clock.now(), |w| w.delete_user_rule(id))?)
    }

    /// `amount` in `from` as an amount in `to`, at the customs rates of `date`'s week.
    fn convert(
        &self,
        amount: Decimal,
        from: Currency,
        to: Currency,
        date: NaiveDate,
    ) -> Result<Decimal> {
        if from == to {
            return Ok(amount);
        }
        let krw = |c: Currency| -> Result<Decimal> {
            if c.code() == "KRW" {
                Ok(Decimal::ONE)
            } else {
                self.rate_on(c.code(), date)
            }
        };
        Ok(amount * krw(from)? / krw(to)?)
    }

    /// The origin case of a product's BOM under an FTA on a date, values in the BOM's currency.
    pub fn origin_case(&self, product_id: i64, fta: &str, date: NaiveDate) -> Result<OriginCase> {
        let product = self.product(product_id)?;
        let hs = product.hs_code.as_ref().ok_or_else(|| {
            Problems::from(
                Problem::new(
                    "origin.product_hs_missing",
                    format!("상품 {}에 HS 코드가 없습니다. 원산지 결정기준은 HS 코드로 찾으므로 상품 화면에서 먼저 넣으세요.", product.sku),
                    format!("Product {} has no HS code; origin rules are looked up by it, so add it on the product screen first.", product.sku),
                )
                .with("product_id", product_id),
            )
        })?;
        let bom = self.store.bom(product_id)?.ok_or_else(|| {
            Problems::from(Problem::new(
                "origin.no_bom",
                format!("상품 {}에 자재명세서가 없습니다. 원산지 화면에서 재료를 먼저 입력하거나 파일로 가져오세요.", product.sku),
                format!("Product {} has no bill of materials; enter its materials (or import them) on the Origin screen first.", product.sku),
            ))
        })?;
        let mut materials = Vec::with_capacity(bom.lines.len());
        for l in &bom.lines {
            let origin = match &l.origin {
                BomOrigin::Country { country } => MaterialOrigin::NonOriginating {
                    country: country.clone(),
                },
                BomOrigin::Unknown => MaterialOrigin::Unknown,
                BomOrigin::Declared {
                    supplier_declaration_id,
                } => match self.store.supplier_declaration(*supplier_declaration_id)? {
                    Some(d) if date < d.valid_from => MaterialOrigin::Originating {
                        evidence: format!(
                            "원산지확인서 #{} {} — {}부터 유효 / supplier declaration valid from {}",
                            d.id, d.supplier, d.valid_from, d.valid_from
                        ),
                        valid_until: Some(date - chrono::Duration::days(1)),
                    },
                    Some(d) => MaterialOrigin::Originating {
                        evidence: format!(
                            "원산지확인서 #{} {}{} / supplier declaration",
                            d.id,
                            d.supplier,
                            if d.file_reference.is_empty() {
                                String::new()
                            } else {
                                format!(" ({})", d.file_reference)
                            }
                        ),
                        valid_until: Some(d.valid_until),
                    },
                    None => MaterialOrigin::Unknown,
                },
            };
            materials.push(OriginMaterial {
                description: l.description.clone(),
                hs_code: l.hs_code.digits().to_string(),
                origin,
                quantity: l.quantity,
                unit_value: self.convert(l.unit_value, l.currency, bom.currency, date)?,
                weight_kg: l.weight_kg,
                supplier: l.supplier.clone(),
            });
        }
        Ok(OriginCase {
            product_hs: hs.digits().to_string(),
            fta: fta.trim().to_ascii_uppercase(),
            date,
            currency: bom.currency.code().to_string(),
            ex_works_price: bom.ex_works_price,
            fob_price: bom.fob_price,
            only_minimal_operations: bom.only_minimal_operations,
            materials,
        })
    }

    fn check_date(&self, date: Option<&str>) -> Result<NaiveDate> {
        match date.map(str::trim).filter(|d| !d.is_empty()) {
            Some(d) => Ok(exportdesk_rules::rates::parse_date(d, "date")?),
            None => Ok(self.today()),
        }
    }

    /// Check a product's origin under one FTA on a date (today when not given).
    pub fn origin_check(
        &self,
        product_id: i64,
        fta: &str,
        date: Option<&str>,
    ) -> Result<OriginVerdict> {
        let date = self.check_date(date)?;
        let case = self.origin_case(product_id, fta, date)?;
        let catalogue = self.fta_catalogue();
        let book = self.psr_book(&catalogue)?;
        engine::evaluate(&case, &catalogue, &book)
    }

    /// Every FTA with the destination as a partner: which the product qualifies under, and the
    /// proof each needs.
    pub fn origin_compare(
        &self,
        product_id: i64,
        destination: &str,
        date: Option<&str>,
    ) -> Result<Vec<FtaComparison>> {
        let date = self.check_date(date)?;
        let case = self.origin_case(product_id, "", date)?;
        let catalogue = self.fta_catalogue();
        let book = self.psr_book(&catalogue)?;
        engine::compare(&case, destination.trim(), date, &catalogue, &book)
    }
}

/// Which origin paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OriginPaper {
    Worksheet,
    CertificateData,
}

impl App {
    /// The origin worksheet (or certificate data draft) of a product under an FTA, written to
    /// `out` or `documents/origin-<kind>-<sku>-<fta>-<date>.pdf`.
    pub fn origin_paper(
        &self,
        product_id: i64,
        fta: &str,
        date: Option<&str>,
        paper: OriginPaper,
        out: Option<&std::path::Path>,
    ) -> Result<crate::GeneratedDocument> {
        let verdict = self.origin_check(product_id, fta, date)?;
        let product = self.product(product_id)?;
        let seller = self.store.seller()?;
        let w = exportdesk_documents::OriginWorksheet {
            seller: seller.as_ref(),
            product: &product,
            verdict: &verdict,
            today: self.today(),
        };
        let (bytes, kind) = match paper {
            OriginPaper::Worksheet => (exportdesk_documents::origin_worksheet_pdf(&w), "worksheet"),
            OriginPaper::CertificateData => (
                exportdesk_documents::certificate_data_pdf(&w),
                "certificate-data",
            ),
        };
        let path = match out {
            Some(p) => p.to_path_buf(),
            None => self.documents_dir().join(format!(
                "origin-{kind}-{}-{}-{}.pdf",
                crate::documents::file_part(&product.sku),
                crate::documents::file_part(&verdict.fta.code),
                verdict.date
            )),
        };
        crate::documents::write_document(&path, &bytes)?;
        Ok(crate::GeneratedDocument {
            path: path.display().to_string(),
            bytes: bytes.len() as u64,
        })
    }
}
