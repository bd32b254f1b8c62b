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
