//! `exportdesk bom …` and `exportdesk suppliers …`: the facts FTA origin checks are made from.

use crate::table::Table;
use crate::Out;
use clap::Subcommand;
use exportdesk_app::App;
use exportdesk_rules::bom::{Bom, BomDraft, BomOrigin, SupplierDeclarationDraft};
use exportdesk_rules::{Problem, Problems};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum BomCmd {
    /// Products that have a bill of materials
    List,
    /// One product's bill of materials
    Show {
        product_id: i64,
    },
    /// Replace a product's BOM lines with a CSV/XLSX file (every row or none)
    Import {
        product_id: i64,
        file: PathBuf,
    },
    /// Replace a product's whole BOM with a JSON file ({currency, ex_works_price, fob_price,
    /// operations, only_minimal_operations, lines: [...]}), or `-` for standard input
    Set {
        product_id: i64,
        file: PathBuf,
    },
    Delete {
        product_id: i64,
    },
}

#[derive(Subcommand)]
pub enum OriginCmd {
    /// The FTAs the app knows, with partners and how many product rules it ships
    Ftas,
    /// Check a product (by id) under one FTA on a date (default today)
    Check {
        product_id: i64,
        #[arg(long)]
        fta: String,
        #[arg(long)]
        date: Option<String>,
    },
    /// Every FTA with the destination country as a partner: qualifies or not, and the proof
    Compare {
        product_id: i64,
        /// Destination country (ISO code, e.g. DE)
        #[arg(long)]
        to: String,
        #[arg(long)]
        date: Option<String>,
    },
    /// Product-specific rules in force (bundled and your own)
    Rules {
        #[arg(long)]
        fta: Option<String>,
    },
    /// Add or replace your own rule for an FTA and HS range (it wins over the bundled one)
    RuleAdd {
        #[arg(long)]
        fta: String,
        /// `3304`, `3304.99`, `6101-6117`
        #[arg(long)]
        hs: String,
        /// Rule text (see assets/fta/RULES.md), e.g. "CTH or MaxNOM(40%, EXW)"
        #[arg(long)]
        rule: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    RuleDelete {
        id: i64,
    },
}

fn verdict_text(v: &exportdesk_rules::origin::OriginVerdict, out: &Out) -> String {
    let ko = out.lang == exportdesk_rules::problem::Lang::Ko;
    let pick = |s: &exportdesk_rules::deadline::Step| if ko { s.ko.clone() } else { s.en.clone() };
    let mut t = format!("{}\n", if ko { &v.headline_ko } else { &v.headline_en });
    if let Some(r) = &v.rule {
        t.push_str(&format!("{}: {}\n", out.ko_en("결정기준", "Rule"), r.text));
    }
    for s in &v.steps {
        t.push_str(&format!("  - {}\n", pick(s)));
    }
    for s in &v.suggestions {
        t.push_str(&format!("  → {}\n", pick(s)));
    }
    for m in &v.missing.0 {
        t.push_str(&format!("  ? {}\n", m.message(out.lang)));
    }
    t.push_str(&format!("{}\n", pick(&v.notice)));
    t
}

pub fn origin(app: &mut App, cmd: OriginCmd, out: &Out) -> Result<(), Problems> {
    match cmd {
        OriginCmd::Ftas => {
            let rows = app.ftas()?;
            out.print(&rows, |rows| {
                let mut t = Table::new(&["CODE", "NAME", "PARTNERS", "RULES"]);
                for r in rows {
                    t.row(vec![
                        r.code.clone(),
                        if out.lang == exportdesk_rules::problem::Lang::Ko {
                            r.name_ko.clone()
                        } else {
                            r.name_en.clone()
                        },
                        r.partners.len().to_string(),
                        r.rules.to_string(),
                    ]);
                }
                t.render()
            });
        }
        OriginCmd::Check {
            product_id,
            fta,
            date,
        } => {
            let v = app.origin_check(product_id, &fta, date.as_deref())?;
            out.print(&v, |v| verdict_text(v, out));
        }
        OriginCmd::Compare {
            product_id,
            to,
            date,
        } => {
            let rows = app.origin_compare(product_id, &to, date.as_deref())?;
            out.print(&rows, |rows| {
                let mut t = Table::new(&["FTA", "VERDICT", "RULE", "PROOF"]);
                for r in rows {
                    t.row(vec![
                        r.fta.code.clone(),
                        serde_json::to_value(r.verdict)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_string))
                            .unwrap_or_default(),
                        r.rule_text.clone().unwrap_or_else(|| "-".into()),
                        if out.lang == exportdesk_rules::problem::Lang::Ko {
                            r.fta.proof_ko.clone()
                        } else {
                            r.fta.proof_en.clone()
                        },
                    ]);
                }
                t.render()
            });
        }
        OriginCmd::Rules { fta } => {
            let rows = app.psr_rules(fta.as_deref())?;
            out.print(&rows, |rows| {
                let mut t = Table::new(&["FTA", "HS", "RULE", "VERIFIED", "OWN", "SOURCE"]);
                for r in rows {
                    t.row(vec![
                        r.fta.clone(),
                        r.scope.clone(),
                        r.rule.clone(),
                        if r.verified {
                            "yes".into()
                        } else {
                            "no".into()
                        },
                        if r.own {
                            format!("#{}", r.id.unwrap_or_default())
                        } else {
                            String::new()
                        },
                        r.source.clone(),
                    ]);
                }
                t.render()
            });
        }
        OriginCmd::RuleAdd {
            fta,
            hs,
            rule,
            note,
        } => {
            let saved = app.save_user_rule(&exportdesk_rules::origin::UserRule {
                fta,
                hs_range: hs,
                rule,
                note,
            })?;
            out.print(&saved, |r| {
                format!(
                    "{} #{} {} {}: {}",
                    out.ko_en("저장했습니다:", "Saved:"),
                    r.id,
                    r.fta,
                    r.hs_range,
                    r.rule
                )
            });
        }
        OriginCmd::RuleDelete { id } => {
            app.delete_user_rule(id)?;
            out.print(&serde_json::json!({ "deleted": id }), |_| {
                out.ko_en("지웠습니다.", "Deleted.")
            });
        }
    }
    Ok(())
}

#[derive(Subcommand)]
pub enum SuppliersCmd {
    /// Supplier origin declarations (원산지확인서), soonest ending first
    List,
    /// Record a supplier origin declaration
    Add {
        #[arg(long)]
        supplier: String,
        /// The materials it covers
        #[arg(long)]
        materials: String,
        #[arg(long)]
        from: String,
        #[arg(long)]
        until: String,
        /// Where the paper is kept
        #[arg(long, default_value = "")]
        file: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    Delete {
        id: i64,
    },
}

fn read(path: &PathBuf) -> Result<Vec<u8>, Problems> {
    let r = if path.as_os_str() == "-" {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut v).map(|_| v)
    } else {
        std::fs::read(path)
    };
    r.map_err(|e| {
        Problems::from(Problem::new(
            "file.read",
            format!("{}을(를) 읽을 수 없습니다: {e}", path.display()),
            format!("Cannot read {}: {e}", path.display()),
        ))
    })
}

fn bom_text(b: &Bom, out: &Out) -> String {
    let mut s = format!(
        "{}: {} / EXW {} / FOB {}\n",
        out.ko_en("통화", "Currency"),
        b.currency,
        b.ex_works_price.map_or("-".into(), |v| v.to_string()),
        b.fob_price.map_or("-".into(), |v| v.to_string()),
    );
    let mut t = Table::new(&[
        "#",
        "MATERIAL",
        "HS",
        "ORIGIN",
        "QTY",
        "UNIT VALUE",
        "VALUE",
        "SUPPLIER",
    ]);
    for l in &b.lines {
        t.row(vec![
            l.line_no.to_string(),
            l.description.clone(),
            l.hs_code.dotted(),
            match &l.origin {
                BomOrigin::Country { country } => country.clone(),
                BomOrigin::Declared {
                    supplier_declaration_id,
                } => format!(
                    "{} #{supplier_declaration_id}",
                    out.ko_en("확인서", "declared")
                ),
                BomOrigin::Unknown => "?".into(),
            },
            format!("{} {}", l.quantity.normalize(), l.unit),
            format!("{} {}", l.unit_value.normalize(), l.currency),
            l.value().normalize().to_string(),
            l.supplier.clone(),
        ]);
    }
    s.push_str(&t.render());
    s
}

pub fn bom(app: &mut App, cmd: BomCmd, out: &Out) -> Result<(), Problems> {
    match cmd {
        BomCmd::List => {
            let rows = app.boms()?;
            out.print(&rows, |rows| {
                let mut t = Table::new(&["PRODUCT", "SKU", "NAME", "HS", "LINES"]);
                for r in rows {
                    t.row(vec![
                        r.product_id.to_string(),
                        r.sku.clone(),
                        r.name.clone(),
                        r.hs_code.clone().unwrap_or_default(),
                        r.lines.to_string(),
                    ]);
                }
                t.render()
            });
        }
        BomCmd::Show { product_id } => {
            let b = app.bom(product_id)?;
            out.print(&b, |b| match b {
                Some(b) => bom_text(b, out),
                None => out.ko_en(
                    "이 상품에는 아직 자재명세서가 없습니다.",
                    "This product has no bill of materials yet.",
                ),
            });
        }
        BomCmd::Import { product_id, file } => {
            let b = app.import_bom(product_id, &read(&file)?)?;
            out.print(&b, |b| bom_text(b, out));
        }
        BomCmd::Set { product_id, file } => {
            let draft: BomDraft = serde_json::from_slice(&read(&file)?).map_err(|e| {
                Problems::from(Problem::new(
                    "bom.json",
                    format!("자재명세서(JSON)를 읽을 수 없습니다: {e}"),
                    format!("The BOM (JSON) cannot be read: {e}"),
                ))
            })?;
            let b = app.save_bom(product_id, &draft)?;
            out.print(&b, |b| bom_text(b, out));
        }
        BomCmd::Delete { product_id } => {
            app.delete_bom(product_id)?;
            out.print(&serde_json::json!({ "deleted": product_id }), |_| {
                out.ko_en("지웠습니다.", "Deleted.")
            });
        }
    }
    Ok(())
}

pub fn suppliers(app: &mut App, cmd: SuppliersCmd, out: &Out) -> Result<(), Problems> {
    match cmd {
        SuppliersCmd::List => {
            let rows = app.supplier_declarations()?;
            let today = app.today();
            out.print(&rows, |rows| {
                let mut t = Table::new(&["ID", "SUPPLIER", "MATERIALS", "FROM", "UNTIL", "STATUS"]);
                for r in rows {
                    t.row(vec![
                        r.id.to_string(),
                        r.supplier.clone(),
                        r.materials.clone(),
                        r.valid_from.to_string(),
                        r.valid_until.to_string(),
                        if r.valid_on(today) {
                            out.ko_en("유효", "valid")
                        } else {
                            out.ko_en("유효기간 밖", "not valid today")
                        },
                    ]);
                }
                t.render()
            });
        }
        SuppliersCmd::Add {
            supplier,
            materials,
            from,
            until,
            file,
            note,
        } => {
            let d = app.save_supplier_declaration(
                None,
                &SupplierDeclarationDraft {
                    supplier,
                    materials,
                    valid_from: from,
                    valid_until: until,
                    file_reference: file,
                    note,
                },
            )?;
            out.print(&d, |d| {
                format!(
                    "{} #{} {}",
                    out.ko_en("저장했습니다:", "Saved:"),
                    d.id,
                    d.supplier
                )
            });
        }
        SuppliersCmd::Delete { id } => {
            app.delete_supplier_declaration(id)?;
            out.print(&serde_json::json!({ "deleted": id }), |_| {
                out.ko_en("지웠습니다.", "Deleted.")
            });
        }
    }
    Ok(())
}
