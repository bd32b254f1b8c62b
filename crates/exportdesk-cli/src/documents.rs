//! `exportdesk documents …`: printable paperwork and data sheets.

use crate::Out;
use clap::Subcommand;
use exportdesk_app::{App, GeneratedDocument, OriginPaper, ShipmentPaper};
use exportdesk_rules::Problems;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

#[derive(Subcommand)]
pub enum DocumentsCmd {
    /// Product list with HS codes (상품 목록 및 HS 코드표)
    Products {
        /// Output file (default: documents/ beside the database)
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Self-check worksheet of one declaration (수출신고 자가점검 워크시트, PDF)
    Worksheet {
        /// Declaration id
        id: i64,
        /// Output file (default: documents/declaration-<no or id>-<date>.pdf)
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Papers made for declarations, newest first, each marked outdated when the declaration
    /// changed after it was made (filed, accepted, loaded or edited)
    Papers {
        /// Only the papers of this declaration
        #[arg(long)]
        declaration: Option<i64>,
    },
    /// Worksheets of several declarations, one PDF each in documents/
    Worksheets {
        /// Declaration ids, comma-separated: --ids 1,2,3
        #[arg(long, value_delimiter = ',', required = true, num_args = 1..)]
        ids: Vec<i64>,
    },
    /// Report of the open loading and final-price deadlines (수출 기한 보고서, PDF)
    Deadlines {
        /// Output file (default: documents/deadlines-<date>.pdf)
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Declarations and their lines as an Excel sheet (수출신고 자료, XLSX)
    Xlsx {
        /// Declaration ids, comma-separated (default: every declaration not cancelled)
        #[arg(long, value_delimiter = ',', num_args = 1..)]
        ids: Vec<i64>,
        /// Output file (default: documents/declarations-<date>.xlsx)
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Commercial invoice of a shipment (상업송장, PDF)
    Invoice {
        /// Shipment id
        id: i64,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Packing list of a shipment (포장명세서, PDF)
    PackingList {
        id: i64,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Carton marks of a shipment (A6 labels, four per A4 sheet)
    Marks {
        id: i64,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Packing list of a shipment as an Excel sheet (XLSX)
    PackingXlsx {
        id: i64,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Every paper of a shipment into documents/
    Shipment { id: i64 },
    /// Duty-free re-import claim of a return (PDF)
    ReturnClaim {
        id: i64,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Summary of one month's returns (PDF)
    ReturnsMonth {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        month: u32,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Origin determination worksheet of a product under an FTA (PDF)
    OriginWorksheet {
        product_id: i64,
        #[arg(long)]
        fta: String,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Certificate-of-origin data draft of a product under an FTA (PDF)
    OriginCertificate {
        product_id: i64,
        #[arg(long)]
        fta: String,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

fn saved(out: &Out, doc: &GeneratedDocument) {
    out.print(doc, |d| {
        format!(
            "{} {} ({} bytes)",
            out.ko_en("저장했습니다:", "Saved:"),
            d.path,
            d.bytes
        )
    });
}

pub fn run(app: &mut App, cmd: DocumentsCmd, out: &Out) -> Result<(), Problems> {
    match cmd {
        DocumentsCmd::Products { out: file } => {
            let doc = app.product_list_pdf(file.as_deref())?;
            out.print(&doc, |d| {
                format!("{} {}", out.ko_en("저장했습니다:", "Saved:"), d.path)
            });
        }
        DocumentsCmd::Worksheet { id, out: file } => {
            saved(out, &app.declaration_worksheet_pdf(id, file.as_deref())?);
        }
        DocumentsCmd::Papers { declaration } => {
            let papers = app.papers(declaration)?;
            out.print(&papers, |list| {
                let mut t = crate::table::Table::new(&[
                    "DECLARATION",
                    "MADE",
                    "STATE THEN",
                    "NOW",
                    "",
                    "FILE",
                ]);
                for p in list {
                    t.row(vec![
                        p.declaration_no
                            .clone()
                            .unwrap_or_else(|| format!("#{}", p.declaration_id)),
                        p.made_at.clone(),
                        p.state_then.clone(),
                        p.state_now.clone(),
                        if p.outdated {
                            out.ko_en("지난 서류", "outdated")
                        } else {
                            out.ko_en("최신", "current")
                        }
                        .to_string(),
                        p.path.clone(),
                    ]);
                }
                t.render()
            });
        }
        DocumentsCmd::Worksheets { ids } => {
            // Nothing cancels a terminal batch but Ctrl-C; each file is still whole or absent.
            let cancel = AtomicBool::new(false);
            let quiet = out.json;
            let label = out.ko_en("워크시트", "worksheet");
            let docs = app.declaration_worksheets(
                &ids,
                &mut |done, total| {
                    if !quiet {
                        eprintln!("{label} {done}/{total}");
                    }
                },
                &cancel,
            )?;
            out.print(&docs, |docs| {
                let mut text = format!(
                    "{} {}\n",
                    out.ko_en("저장한 워크시트:", "Worksheets saved:"),
                    docs.len()
                );
                for d in docs {
                    text.push_str(&format!("  {}\n", d.path));
                }
                text
            });
        }
        DocumentsCmd::Deadlines { out: file } => {
            saved(out, &app.deadline_report_pdf(file.as_deref())?);
        }
        DocumentsCmd::Xlsx { ids, out: file } => {
            saved(out, &app.declarations_xlsx(&ids, file.as_deref())?);
        }
        DocumentsCmd::Invoice { id, out: file } => {
            saved(
                out,
                &app.shipment_paper(id, ShipmentPaper::Invoice, file.as_deref())?,
            );
        }
        DocumentsCmd::PackingList { id, out: file } => {
            saved(
                out,
                &app.shipment_paper(id, ShipmentPaper::PackingList, file.as_deref())?,
            );
        }
        DocumentsCmd::Marks { id, out: file } => {
            saved(
                out,
                &app.shipment_paper(id, ShipmentPaper::Marks, file.as_deref())?,
            );
        }
        DocumentsCmd::PackingXlsx { id, out: file } => {
            saved(
                out,
                &app.shipment_paper(id, ShipmentPaper::PackingXlsx, file.as_deref())?,
            );
        }
        DocumentsCmd::OriginWorksheet {
            product_id,
            fta,
            date,
            out: file,
        } => {
            saved(
                out,
                &app.origin_paper(
                    product_id,
                    &fta,
                    date.as_deref(),
                    OriginPaper::Worksheet,
                    file.as_deref(),
                )?,
            );
        }
        DocumentsCmd::OriginCertificate {
            product_id,
            fta,
            date,
            out: file,
        } => {
            saved(
                out,
                &app.origin_paper(
                    product_id,
                    &fta,
                    date.as_deref(),
                    OriginPaper::CertificateData,
                    file.as_deref(),
                )?,
            );
        }
        DocumentsCmd::ReturnClaim { id, out: file } => {
            saved(out, &app.return_claim_pdf(id, file.as_deref())?);
        }
        DocumentsCmd::ReturnsMonth {
            year,
            month,
            out: file,
        } => {
            saved(out, &app.returns_month_pdf(year, month, file.as_deref())?);
        }
        DocumentsCmd::Shipment { id } => {
            let docs = app.shipment_papers(id, &mut |_, _| {})?;
            out.print(&docs, |docs| {
                let mut text = format!(
                    "{}\n",
                    out.ko_en("저장한 선적 서류:", "Shipment papers saved:")
                );
                for d in docs {
                    text.push_str(&format!("  {}\n", d.path));
                }
                text
            });
        }
    }
    Ok(())
}
