//! Document use cases: the product list, the declaration worksheet (one or a batch), the deadline
//! report and the declarations data sheet. Each reads what it needs, hands the documents crate
//! small borrowed inputs, and writes the file completely or not at all.

use crate::{App, DeclarationView, GeneratedDocument, Result};
use exportdesk_documents::{
    DeadlineReport, DocumentsNote, ReportCounts, ReportKind, ReportRow, SheetDeclaration, Urgency,
    Worksheet,
};
use exportdesk_rules::deadline::{use_rule, RuleUsed};
use exportdesk_rules::declaration::{Declaration, DeclarationKind, DeclarationState, Exporter};
use exportdesk_rules::records::Product;
use exportdesk_rules::{Problem, Problems};
use exportdesk_store::{DeclarationFilter, PaperRow};

/// The kind of paper recorded for a declaration worksheet.
pub const WORKSHEET: &str = "declaration_worksheet";
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// A file name part from a declaration number: letters, digits and '-' only.
pub(crate) fn file_part(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    cleaned.trim_matches('_').to_string()
}

fn generated(path: PathBuf, bytes: &[u8]) -> Result<GeneratedDocument> {
    write_document(&path, bytes)?;
    Ok(GeneratedDocument {
        path: path.display().to_string(),
        bytes: bytes.len() as u64,
    })
}

impl App {
    /// Folder the generated paperwork is written to: `documents/` beside the database.
    /// A document the app wrote, checked before it is handed to the system viewer: it must be a
    /// PDF or XLSX file inside the documents folder. Anything else is refused.
    pub fn generated_document(&self, path: &str) -> Result<PathBuf> {
        let refuse = || -> Problems {
            Problem::new(
                "documents.not_ours",
                format!("{path}은(는) ExportDesk가 만든 문서가 아닙니다. 서류 폴더의 PDF·XLSX만 열 수 있습니다."),
                format!("{path} is not a document ExportDesk made; only PDF and XLSX files in the documents folder can be opened."),
            )
            .into()
        };
        let dir = self.documents_dir().canonicalize().map_err(|_| refuse())?;
        let file = Path::new(path.trim())
            .canonicalize()
            .map_err(|_| refuse())?;
        let ext_ok = file
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e == "pdf" || e == "xlsx" || e == "csv");
        if !ext_ok || !file.starts_with(&dir) || !file.is_file() {
            return Err(refuse());
        }
        Ok(file)
    }

    pub fn documents_dir(&self) -> PathBuf {
        self.db_path()
            .parent()
            .unwrap_or(Path::new("."))
            .join("documents")
    }

    /// The product list with HS codes as PDF, written to `out` (or the documents folder).
    pub fn product_list_pdf(&self, out: Option<&Path>) -> Result<GeneratedDocument> {
        let products: Vec<Product> = self
            .store
            .products("")?
            .into_iter()
            .map(|r| r.product)
            .collect();
        if products.is_empty() {
            return Err(Problem::new(
                "documents.no_products",
                "상품이 없어 상품 목록을 만들 수 없습니다. 먼저 상품을 등록하세요.",
                "There are no products to list; add products first.",
            )
            .into());
        }
        let today = self.today();
        let bytes =
            exportdesk_documents::product_list_pdf(self.store.seller()?.as_ref(), &products, today);
        let path = match out {
            Some(p) => p.to_path_buf(),
            None => self
                .documents_dir()
                .join(format!("product-list-{today}.pdf")),
        };
        generated(path, &bytes)
    }

    /// The default file of a declaration's worksheet: `declaration-<no or id>-<date>.pdf`.
    fn worksheet_path(&self, d: &Declaration) -> PathBuf {
        let name = d
            .declaration_no
            .as_deref()
            .map(file_part)
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| d.id.to_string());
        self.documents_dir()
            .join(format!("declaration-{name}-{}.pdf", self.today()))
    }

    /// The e-commerce transaction type (거래구분) the rulebook gives a simplified declaration.
    fn transaction_type(&self, d: &Declaration) -> Result<Option<RuleUsed>> {
        if d.kind != DeclarationKind::Simplified {
            return Ok(None);
        }
        let (_, rule) = use_rule(
            &self.rulebook.declaration.ecommerce_transaction_type,
            "ecommerce_transaction_type",
            d.declared_on,
        )?;
        Ok(Some(rule))
    }

    fn worksheet_bytes(&self, view: &DeclarationView) -> Result<Vec<u8>> {
        let transaction = self.transaction_type(&view.declaration)?;
        let w = Worksheet {
            declaration: &view.declaration,
            exporter: &view.exporter,
            fob: &view.fob,
            kind: &view.kind,
            missing: &view.missing,
            loading: view.loading.as_ref(),
            final_price: view.final_price.as_ref(),
            penalty: view.penalty.as_ref(),
            documents: DocumentsNote {
                platform_based: view.documents.platform_based,
                exempt: &view.documents.exempt,
                keep_ready: &view.documents.keep_ready,
                verified: view.documents.verified,
            },
            warnings: &view.warnings,
            transaction_type: transaction.as_ref(),
            generated_on: self.today(),
        };
        Ok(exportdesk_documents::declaration_worksheet_pdf(&w))
    }

    /// The self-check worksheet of one declaration as PDF, written to `out` (or the documents
    /// folder as `declaration-<no or id>-<date>.pdf`).
    pub fn declaration_worksheet_pdf(
        &mut self,
        id: i64,
        out: Option<&Path>,
    ) -> Result<GeneratedDocument> {
        let view = self.declaration_view(id)?;
        let bytes = self.worksheet_bytes(&view)?;
        let path = match out {
            Some(p) => p.to_path_buf(),
            None => self.worksheet_path(&view.declaration),
        };
        let doc = generated(path, &bytes)?;
        // Remembered with the declaration's state, so a worksheet printed before a filing or an
        // acceptance is shown as outdated afterwards.
        self.store.write(self.clock.now(), |w| {
            w.record_paper(WORKSHEET, id, &doc.path)
        })?;
        Ok(doc)
    }

    /// Papers made for declarations, newest first (of one declaration, or the newest 200), each
    /// saying whether the declaration changed since.
    pub fn papers(&self, declaration_id: Option<i64>) -> Result<Vec<PaperRow>> {
        Ok(self.store.papers(declaration_id, 200)?)
    }

    /// The worksheets of several declarations, one file each in the documents folder.
    /// `progress(done, total)` is called after each file. When `cancel` is set the batch stops
    /// before the next file and returns the files written so far, each of them complete.
    pub fn declaration_worksheets(
        &mut self,
        ids: &[i64],
        progress: &mut dyn FnMut(usize, usize),
        cancel: &AtomicBool,
    ) -> Result<Vec<GeneratedDocument>> {
        worksheet_batch(
            ids,
            &mut |id| self.declaration_worksheet_pdf(id, None),
            progress,
            cancel,
        )
    }

    /// The open deadlines report as PDF, written to `out` (or `deadlines-<date>.pdf`).
    pub fn deadline_report_pdf(&self, out: Option<&Path>) -> Result<GeneratedDocument> {
        let dash = self.dashboard()?;
        let rows: Vec<ReportRow> = dash
            .items
            .iter()
            .map(|i| ReportRow {
                urgency: Urgency::parse(&i.urgency)
                    .unwrap_or_else(|| Urgency::from_days_left(i.days_left)),
                kind: ReportKind::parse(&i.deadline.kind).unwrap_or(ReportKind::Loading),
                due: i.deadline.due,
                raw: i.deadline.raw,
                extended: i.deadline.extended,
                declaration_id: i.deadline.declaration_id,
                declaration_no: i.deadline.declaration_no.clone(),
                buyer: i.deadline.buyer_name.clone(),
                destination: i.deadline.destination_country.clone(),
                fob_krw: i.deadline.fob_krw,
                days_left: i.days_left,
                next_step_ko: i.next_step_ko.clone(),
                next_step_en: i.next_step_en.clone(),
            })
            .collect();
        let exporter = self.store.seller()?.map(|s| s.name).unwrap_or_default();
        let report = DeadlineReport {
            today: dash.today,
            exporter: &exporter,
            rows: &rows,
            counts: ReportCounts {
                overdue: dash.counts.overdue,
                within_3_days: dash.counts.within_3_days,
                within_7_days: dash.counts.within_7_days,
                later: dash.counts.later,
            },
        };
        let bytes = exportdesk_documents::deadline_report_pdf(&report);
        let path = match out {
            Some(p) => p.to_path_buf(),
            None => self
                .documents_dir()
                .join(format!("deadlines-{}.pdf", dash.today)),
        };
        generated(path, &bytes)
    }

    /// The declarations data sheet (XLSX) of `ids`, or of every declaration that is not
    /// cancelled when `ids` is empty; written to `out` (or `declarations-<date>.xlsx`).
    pub fn declarations_xlsx(&self, ids: &[i64], out: Option<&Path>) -> Result<GeneratedDocument> {
        let ids: Vec<i64> = if ids.is_empty() {
            let mut rows = self.store.declarations(&DeclarationFilter {
                limit: Some(u32::MAX),
                ..Default::default()
            })?;
            rows.retain(|r| r.state != DeclarationState::Cancelled);
            rows.sort_by_key(|r| r.id);
            rows.into_iter().map(|r| r.id).collect()
        } else {
            unique(ids)
        };
        if ids.is_empty() {
            return Err(Problem::new(
                "documents.no_declarations",
                "내보낼 수출신고가 없습니다. 먼저 주문으로 수출신고서 초안을 만드세요.",
                "There are no declarations to export; draft a declaration from orders first.",
            )
            .into());
        }
        let mut declarations = Vec::with_capacity(ids.len());
        let mut unknown = Vec::new();
        for id in &ids {
            match self.store.declaration(*id)? {
                Some(d) => declarations.push(d),
                None => unknown.push(id.to_string()),
            }
        }
        if !unknown.is_empty() {
            return Err(Problem::new(
                "documents.unknown_declarations",
                format!(
                    "수출신고 {}번을 찾을 수 없습니다. 목록을 새로 고친 뒤 다시 고르세요.",
                    unknown.join(", ")
                ),
                format!(
                    "Declaration(s) {} were not found; refresh the list and choose again.",
                    unknown.join(", ")
                ),
            )
            .with("ids", unknown.join(","))
            .into());
        }
        let exporter = self.seller_as_exporter()?;
        let types: Vec<String> = declarations
            .iter()
            .map(|d| {
                Ok(self
                    .transaction_type(d)?
                    .map(|r| r.value)
                    .unwrap_or_default())
            })
            .collect::<Result<_>>()?;
        let sheet: Vec<SheetDeclaration<'_>> = declarations
            .iter()
            .zip(&types)
            .map(|(d, t)| SheetDeclaration {
                declaration: d,
                transaction_type: t,
            })
            .collect();
        let today = self.today();
        let bytes = exportdesk_documents::declarations_xlsx(&exporter, &sheet, today)?;
        let path = match out {
            Some(p) => p.to_path_buf(),
            None => self
                .documents_dir()
                .join(format!("declarations-{today}.xlsx")),
        };
        generated(path, &bytes)
    }

    fn seller_as_exporter(&self) -> Result<Exporter> {
        Ok(self
            .store
            .seller()?
            .map_or_else(Exporter::default, |s| Exporter {
                name: s.name,
                business_no: s.business_no.to_string(),
                customs_code: s.customs_code.map(|c| c.to_string()).unwrap_or_default(),
                representative: s.representative,
                address: s.address,
            }))
    }
}

/// The ids in their first order, each once.
fn unique(ids: &[i64]) -> Vec<i64> {
    let mut out: Vec<i64> = Vec::with_capacity(ids.len());
    for id in ids {
        if !out.contains(id) {
            out.push(*id);
        }
    }
    out
}

/// Run a batch: `make(id)` writes one document (completely or not at all). Duplicate ids are
/// made once; `progress(done, total)` follows each file; a set `cancel` stops the batch before the
/// next file and the files made so far are returned. A problem stops the batch and says how many
/// files were kept. The desktop shell calls this with a `make` that locks the app for one file at
/// a time, so that other commands and the cancel button stay responsive.
pub fn worksheet_batch(
    ids: &[i64],
    make: &mut dyn FnMut(i64) -> Result<GeneratedDocument>,
    progress: &mut dyn FnMut(usize, usize),
    cancel: &AtomicBool,
) -> Result<Vec<GeneratedDocument>> {
    let ids = unique(ids);
    if ids.is_empty() {
        return Err(Problem::new(
            "documents.batch_empty",
            "워크시트를 만들 수출신고를 하나 이상 고르세요.",
            "Choose at least one declaration to make worksheets for.",
        )
        .into());
    }
    let total = ids.len();
    let mut done: Vec<GeneratedDocument> = Vec::with_capacity(total);
    for id in ids {
        if cancel.load(Ordering::SeqCst) {
            break;
        }
        match make(id) {
            Ok(doc) => done.push(doc),
            Err(mut e) => {
                let kept = done.len();
                e.0.push(
                    Problem::new(
                        "documents.batch_stopped",
                        format!(
                            "수출신고 {id}번에서 멈췄습니다. 그 전에 만든 워크시트 {kept}개는 그대로 저장되어 있습니다. 위 문제를 고친 뒤 남은 신고로 다시 만드세요."
                        ),
                        format!(
                            "Stopped at declaration {id}; the {kept} worksheet(s) made before it are saved. Fix the problem above, then make the rest again."
                        ),
                    )
                    .with("id", id)
                    .with("done", kept),
                );
                return Err(e);
            }
        }
        progress(done.len(), total);
    }
    Ok(done)
}

/// Write a generated file completely or not at all: the bytes go to a temporary file beside
/// the target, are flushed to disk, and the temporary file is renamed into place.
pub(crate) fn write_document(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let fail = |e: std::io::Error| -> Problems {
        Problem::new(
            "documents.write",
            format!(
                "문서를 {}에 저장할 수 없습니다: {e}. 쓸 수 있는 폴더를 고르세요.",
                path.display()
            ),
            format!(
                "Cannot save the document to {}: {e}. Choose a folder you can write to.",
                path.display()
            ),
        )
        .into()
    };
    if path.is_dir() {
        return Err(fail(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "폴더입니다 / it is a folder",
        )));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let mut tmp_name = path.file_name().unwrap_or_default().to_os_string();
    tmp_name.push(".partial");
    let tmp = path.with_file_name(tmp_name);
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e));
    }
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_and_ids() {
        assert_eq!(file_part("12345-26-1234567A"), "12345-26-1234567A");
        assert_eq!(file_part("2026/0001 X"), "2026_0001_X");
        assert_eq!(unique(&[3, 1, 3, 2, 1]), vec![3, 1, 2]);
        let cancel = AtomicBool::new(false);
        let e = worksheet_batch(&[], &mut |_| unreachable!(), &mut |_, _| {}, &cancel);
        assert_eq!(e.unwrap_err().0[0].code, "documents.batch_empty");
    }

    #[test]
    fn writing_leaves_no_partial_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/a.pdf");
        write_document(&path, b"%PDF-1").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"%PDF-1");
        let e = write_document(dir.path(), b"x").unwrap_err();
        assert_eq!(e.0[0].code, "documents.write");
        let names: Vec<String> = std::fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec!["a.pdf"]);
    }
}
