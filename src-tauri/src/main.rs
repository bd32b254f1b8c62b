//! ExportDesk desktop shell: one Tauri command per use case, each a thin call into
//! `exportdesk-app`. No logic lives here; the window, its security and the clock hookup do.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use exportdesk_app::{
    App, AppStatus, Dashboard, DeclarationView, DraftEdit, DraftRequest, FtaInfo,
    GeneratedDocument, GroupProposal, HsCodeInfo, ImportCheck, ImportProfileInfo, ImportProgress,
    ImportRequest, ImportResult, OriginPaper, PsrRuleInfo, Reference, ReturnRow, ReturnView,
    RulebookView, SampleLoaded, Settings, ShipmentEdit, ShipmentLoading, ShipmentPaper,
    ShipmentRequest, ShipmentView, UnipassGuide,
};
use exportdesk_import::Profile;
use exportdesk_rules::bom::{Bom, BomDraft, SupplierDeclaration, SupplierDeclarationDraft};
use exportdesk_rules::hs::HsMatch;
use exportdesk_rules::hsk::HsSuggestion;
use exportdesk_rules::origin::{FtaComparison, OriginVerdict};
use exportdesk_rules::rates::{parse_date, RateDraft, WeeklyRate};
use exportdesk_rules::records::{
    Buyer, BuyerDraft, Order, OrderDraft, Product, ProductDraft, Seller, SellerDraft,
};
use exportdesk_rules::shipment::{AutoPackRequest, CartonDraft};
use exportdesk_rules::{Problem, Problems};
use exportdesk_store::{
    BackupCheck, BackupInfo, BomSummary, ChangeEntry, DeclarationFilter, DeclarationRow,
    OrderFilter, OrderRow, PaperRow, ProductRow, ShipmentRow,
};
use serde::Serialize;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use tauri::{AppHandle, Emitter, Manager, State};

type Answer<T> = Result<T, Problems>;

/// The opened app, or why it could not be opened (a newer or damaged database), which every
/// command then reports so the window can show it.
struct Shell(Mutex<Result<App, Problems>>);

impl Shell {
    fn run<T>(&self, f: impl FnOnce(&mut App) -> Answer<T>) -> Answer<T> {
        let mut guard = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match guard.as_mut() {
            Ok(app) => f(app),
            Err(problems) => Err(problems.clone()),
        }
    }
}

#[tauri::command(rename_all = "snake_case")]
fn status(shell: State<'_, Shell>) -> Answer<AppStatus> {
    shell.run(|a| a.status())
}

#[tauri::command(rename_all = "snake_case")]
fn reference(shell: State<'_, Shell>) -> Answer<Reference> {
    shell.run(|a| Ok(a.reference()))
}

#[tauri::command(rename_all = "snake_case")]
fn seller_get(shell: State<'_, Shell>) -> Answer<Option<Seller>> {
    shell.run(|a| a.seller())
}

#[tauri::command(rename_all = "snake_case")]
fn seller_save(shell: State<'_, Shell>, draft: SellerDraft) -> Answer<Seller> {
    shell.run(|a| a.save_seller(&draft))
}

#[tauri::command(rename_all = "snake_case")]
fn buyers_list(shell: State<'_, Shell>) -> Answer<Vec<Buyer>> {
    shell.run(|a| a.buyers())
}

#[tauri::command(rename_all = "snake_case")]
fn buyer_save(shell: State<'_, Shell>, id: Option<i64>, draft: BuyerDraft) -> Answer<Buyer> {
    shell.run(|a| a.save_buyer(id, &draft))
}

#[tauri::command(rename_all = "snake_case")]
fn buyer_delete(shell: State<'_, Shell>, id: i64) -> Answer<()> {
    shell.run(|a| a.delete_buyer(id))
}

#[tauri::command(rename_all = "snake_case")]
fn products_list(shell: State<'_, Shell>, search: String) -> Answer<Vec<ProductRow>> {
    shell.run(|a| a.products(&search))
}

#[tauri::command(rename_all = "snake_case")]
fn product_get(shell: State<'_, Shell>, id: i64) -> Answer<Product> {
    shell.run(|a| a.product(id))
}

#[tauri::command(rename_all = "snake_case")]
fn product_save(shell: State<'_, Shell>, id: Option<i64>, draft: ProductDraft) -> Answer<Product> {
    shell.run(|a| a.save_product(id, &draft))
}

#[tauri::command(rename_all = "snake_case")]
fn product_delete(shell: State<'_, Shell>, id: i64) -> Answer<()> {
    shell.run(|a| a.delete_product(id))
}

#[tauri::command(rename_all = "snake_case")]
fn orders_list(shell: State<'_, Shell>, filter: OrderFilter) -> Answer<Vec<OrderRow>> {
    shell.run(|a| a.orders(&filter))
}

#[tauri::command(rename_all = "snake_case")]
fn order_get(shell: State<'_, Shell>, id: i64) -> Answer<Order> {
    shell.run(|a| a.order(id))
}

#[tauri::command(rename_all = "snake_case")]
fn order_save(shell: State<'_, Shell>, id: Option<i64>, draft: OrderDraft) -> Answer<Order> {
    shell.run(|a| a.save_order(id, &draft))
}

#[tauri::command(rename_all = "snake_case")]
fn order_delete(shell: State<'_, Shell>, id: i64) -> Answer<()> {
    shell.run(|a| a.delete_order(id))
}

#[tauri::command(rename_all = "snake_case")]
fn rates_list(shell: State<'_, Shell>) -> Answer<Vec<WeeklyRate>> {
    shell.run(|a| a.rates())
}

#[tauri::command(rename_all = "snake_case")]
fn rate_save(shell: State<'_, Shell>, draft: RateDraft) -> Answer<WeeklyRate> {
    shell.run(|a| a.save_rate(&draft))
}

#[tauri::command(rename_all = "snake_case")]
fn rate_delete(shell: State<'_, Shell>, week_start: String, currency: String) -> Answer<()> {
    shell.run(|a| a.delete_rate(parse_date(&week_start, "week_start")?, &currency))
}

#[tauri::command(rename_all = "snake_case")]
fn rates_import_csv(shell: State<'_, Shell>, text: String) -> Answer<Vec<WeeklyRate>> {
    shell.run(|a| a.import_rates_csv(&text))
}

#[tauri::command(rename_all = "snake_case")]
fn hs_search(shell: State<'_, Shell>, query: String, limit: Option<usize>) -> Answer<Vec<HsMatch>> {
    shell.run(|a| Ok(a.hs_search(&query, limit.unwrap_or(20))))
}

#[tauri::command(rename_all = "snake_case")]
fn hs_find(
    shell: State<'_, Shell>,
    query: String,
    limit: Option<usize>,
) -> Answer<Vec<HsSuggestion>> {
    shell.run(|a| a.hs_find(&query, limit.unwrap_or(8)))
}

#[tauri::command(rename_all = "snake_case")]
fn hs_code_info(shell: State<'_, Shell>, code: String, date: Option<String>) -> Answer<HsCodeInfo> {
    shell.run(|a| {
        let date = date
            .filter(|d| !d.trim().is_empty())
            .map(|d| parse_date(&d, "date"))
            .transpose()?;
        a.hs_code_info(&code, date)
    })
}

#[tauri::command(rename_all = "snake_case")]
fn rulebook_show(shell: State<'_, Shell>, date: Option<String>) -> Answer<RulebookView> {
    shell.run(|a| {
        let date = date
            .filter(|d| !d.trim().is_empty())
            .map(|d| parse_date(&d, "date"))
            .transpose()?;
        Ok(a.rulebook_on(date))
    })
}

#[tauri::command(rename_all = "snake_case")]
fn settings_get(shell: State<'_, Shell>) -> Answer<Settings> {
    shell.run(|a| a.settings())
}

#[tauri::command(rename_all = "snake_case")]
fn settings_save(shell: State<'_, Shell>, settings: Settings) -> Answer<Settings> {
    shell.run(|a| a.save_settings(&settings))
}

#[tauri::command(rename_all = "snake_case")]
fn backups_list(shell: State<'_, Shell>) -> Answer<Vec<BackupInfo>> {
    shell.run(|a| a.backups())
}

#[tauri::command(rename_all = "snake_case")]
fn backup_now(shell: State<'_, Shell>) -> Answer<BackupInfo> {
    shell.run(|a| a.backup_now())
}

#[tauri::command(rename_all = "snake_case")]
fn backup_check(shell: State<'_, Shell>, path: String) -> Answer<BackupCheck> {
    shell.run(|a| a.check_backup(Path::new(path.trim())))
}

#[tauri::command(rename_all = "snake_case")]
fn backup_restore(shell: State<'_, Shell>, path: String) -> Answer<BackupInfo> {
    shell.run(|a| a.restore_backup(Path::new(path.trim())))
}

#[tauri::command(rename_all = "snake_case")]
fn sample_load(shell: State<'_, Shell>) -> Answer<SampleLoaded> {
    shell.run(|a| a.load_sample())
}

#[tauri::command(rename_all = "snake_case")]
fn change_log(shell: State<'_, Shell>, limit: Option<u32>) -> Answer<Vec<ChangeEntry>> {
    shell.run(|a| a.change_log(limit.unwrap_or(200)))
}

#[tauri::command(rename_all = "snake_case")]
fn document_product_list(shell: State<'_, Shell>) -> Answer<GeneratedDocument> {
    shell.run(|a| a.product_list_pdf(None))
}

#[tauri::command(rename_all = "snake_case")]
fn declarations_list(
    shell: State<'_, Shell>,
    filter: DeclarationFilter,
) -> Answer<Vec<DeclarationRow>> {
    shell.run(|a| a.declarations(&filter))
}

#[tauri::command(rename_all = "snake_case")]
fn declaration_groups(
    shell: State<'_, Shell>,
    order_ids: Option<Vec<i64>>,
) -> Answer<Vec<GroupProposal>> {
    shell.run(|a| a.propose_groups(order_ids.as_deref()))
}

#[tauri::command(rename_all = "snake_case")]
fn declaration_draft(shell: State<'_, Shell>, request: DraftRequest) -> Answer<DeclarationView> {
    shell.run(|a| a.draft_declaration(&request))
}

#[tauri::command(rename_all = "snake_case")]
fn declaration_get(shell: State<'_, Shell>, id: i64) -> Answer<DeclarationView> {
    shell.run(|a| a.declaration_view(id))
}

#[tauri::command(rename_all = "snake_case")]
fn declaration_edit(shell: State<'_, Shell>, id: i64, edit: DraftEdit) -> Answer<DeclarationView> {
    shell.run(|a| a.edit_draft(id, &edit))
}

#[tauri::command(rename_all = "snake_case")]
fn declaration_refresh(shell: State<'_, Shell>, id: i64) -> Answer<DeclarationView> {
    shell.run(|a| a.refresh_draft_lines(id))
}

#[tauri::command(rename_all = "snake_case")]
fn declaration_delete(shell: State<'_, Shell>, id: i64) -> Answer<()> {
    shell.run(|a| a.delete_draft(id))
}

#[tauri::command(rename_all = "snake_case")]
fn declaration_file(
    shell: State<'_, Shell>,
    id: i64,
    filed_on: Option<String>,
) -> Answer<DeclarationView> {
    shell.run(|a| a.file_declaration(id, filed_on))
}

#[tauri::command(rename_all = "snake_case")]
fn declaration_accept(
    shell: State<'_, Shell>,
    id: i64,
    declaration_no: String,
    accepted_on: String,
) -> Answer<DeclarationView> {
    shell.run(|a| a.accept_declaration(id, &declaration_no, &accepted_on))
}

#[tauri::command(rename_all = "snake_case")]
fn declaration_extend(
    shell: State<'_, Shell>,
    id: i64,
    requested_on: String,
    new_date: String,
    reason: String,
) -> Answer<DeclarationView> {
    shell.run(|a| a.extend_loading(id, &requested_on, &new_date, &reason))
}

#[tauri::command(rename_all = "snake_case")]
fn declaration_load(
    shell: State<'_, Shell>,
    id: i64,
    loaded_on: String,
    bl_awb: String,
    carrier: String,
) -> Answer<DeclarationView> {
    shell.run(|a| a.record_loading(id, &loaded_on, &bl_awb, &carrier))
}

#[tauri::command(rename_all = "snake_case")]
fn declaration_cancel(
    shell: State<'_, Shell>,
    id: i64,
    cancelled_on: String,
    reason: String,
) -> Answer<DeclarationView> {
    shell.run(|a| a.cancel_declaration(id, &cancelled_on, &reason))
}

#[tauri::command(rename_all = "snake_case")]
fn declaration_provisional(
    shell: State<'_, Shell>,
    id: i64,
    confirmed_paid_on: String,
) -> Answer<DeclarationView> {
    shell.run(|a| a.mark_provisional(id, &confirmed_paid_on))
}

#[tauri::command(rename_all = "snake_case")]
fn declaration_final_price(
    shell: State<'_, Shell>,
    id: i64,
    final_fob_krw: String,
    filed_on: String,
) -> Answer<DeclarationView> {
    shell.run(|a| a.record_final_price(id, &final_fob_krw, &filed_on))
}

/// Open a document the app wrote in the system's viewer (only files in the documents folder).
#[tauri::command(rename_all = "snake_case")]
fn document_open(shell: State<'_, Shell>, path: String) -> Answer<()> {
    let file = shell.run(|a| a.generated_document(&path))?;
    tauri_plugin_opener::open_path(&file, None::<&str>).map_err(|e| {
        Problems::from(exportdesk_rules::Problem::new(
            "documents.open_failed",
            format!(
                "문서를 열 프로그램을 찾지 못했습니다: {e}. 파일은 {}에 있습니다.",
                file.display()
            ),
            format!(
                "No program could open the document: {e}. The file is at {}.",
                file.display()
            ),
        ))
    })
}

#[tauri::command(rename_all = "snake_case")]
fn dashboard(shell: State<'_, Shell>) -> Answer<Dashboard> {
    shell.run(|a| a.dashboard())
}

#[tauri::command(rename_all = "snake_case")]
fn document_declaration_worksheet(shell: State<'_, Shell>, id: i64) -> Answer<GeneratedDocument> {
    shell.run(|a| a.declaration_worksheet_pdf(id, None))
}

#[tauri::command(rename_all = "snake_case")]
fn papers_list(shell: State<'_, Shell>, declaration_id: Option<i64>) -> Answer<Vec<PaperRow>> {
    shell.run(|a| a.papers(declaration_id))
}

#[tauri::command(rename_all = "snake_case")]
fn declaration_unipass_guide(shell: State<'_, Shell>, id: i64) -> Answer<UnipassGuide> {
    shell.run(|a| a.declaration_unipass_guide(id))
}

#[tauri::command(rename_all = "snake_case")]
fn document_deadline_report(shell: State<'_, Shell>) -> Answer<GeneratedDocument> {
    shell.run(|a| a.deadline_report_pdf(None))
}

#[tauri::command(rename_all = "snake_case")]
fn document_declarations_xlsx(shell: State<'_, Shell>, ids: Vec<i64>) -> Answer<GeneratedDocument> {
    shell.run(|a| a.declarations_xlsx(&ids, None))
}

/// The event sent after each file of a worksheet batch.
const PROGRESS_EVENT: &str = "documents-progress";

/// Payload of [`PROGRESS_EVENT`]: files done out of the batch's total.
#[derive(Debug, Clone, Serialize)]
struct BatchProgress {
    done: usize,
    total: usize,
}

/// The worksheet batch: whether one runs, and its cancel flag.
#[derive(Default)]
struct Batch {
    running: AtomicBool,
    cancel: AtomicBool,
}

/// Clears `running` when the batch ends, however it ends.
struct Running<'a>(&'a AtomicBool);

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::SeqCst);
    }
}

/// Worksheets for several declarations, made off the main thread. The app is locked for one
/// file at a time, so other commands (and the cancel button) are answered between files.
#[tauri::command(rename_all = "snake_case")]
async fn document_worksheets_batch(
    handle: AppHandle,
    ids: Vec<i64>,
) -> Answer<Vec<GeneratedDocument>> {
    tauri::async_runtime::spawn_blocking(move || worksheets_batch(&handle, &ids))
        .await
        .map_err(|e| {
            Problem::new(
                "documents.batch_failed",
                format!("워크시트 만들기가 중단되었습니다: {e}. 다시 시도하세요. 이미 저장된 파일은 그대로 있습니다."),
                format!("Making the worksheets stopped: {e}. Try again; files already saved are kept."),
            )
        })?
}

fn worksheets_batch(handle: &AppHandle, ids: &[i64]) -> Answer<Vec<GeneratedDocument>> {
    let batch = handle.state::<Batch>();
    if batch.running.swap(true, Ordering::SeqCst) {
        return Err(Problem::new(
            "documents.batch_running",
            "워크시트를 이미 만들고 있습니다. 끝나거나 취소한 뒤 다시 시도하세요.",
            "Worksheets are already being made; wait for them or cancel, then try again.",
        )
        .into());
    }
    let _running = Running(&batch.running);
    batch.cancel.store(false, Ordering::SeqCst);
    let shell = handle.state::<Shell>();
    exportdesk_app::worksheet_batch(
        ids,
        &mut |id| shell.run(|a| a.declaration_worksheet_pdf(id, None)),
        &mut |done, total| {
            if let Err(e) = handle.emit(PROGRESS_EVENT, BatchProgress { done, total }) {
                eprintln!("exportdesk: progress event not sent: {e}");
            }
        },
        &batch.cancel,
    )
}

/// Ask the running worksheet batch to stop after the file it is making.
#[tauri::command(rename_all = "snake_case")]
fn document_batch_cancel(batch: State<'_, Batch>) {
    batch.cancel.store(true, Ordering::SeqCst);
}

// ---- consolidated shipments ---------------------------------------------------------------

#[tauri::command(rename_all = "snake_case")]
fn shipments_list(shell: State<'_, Shell>) -> Answer<Vec<ShipmentRow>> {
    shell.run(|a| a.shipments())
}

#[tauri::command(rename_all = "snake_case")]
fn shipment_create(shell: State<'_, Shell>, request: ShipmentRequest) -> Answer<ShipmentView> {
    shell.run(|a| a.create_shipment(&request))
}

#[tauri::command(rename_all = "snake_case")]
fn shipment_get(shell: State<'_, Shell>, id: i64) -> Answer<ShipmentView> {
    shell.run(|a| a.shipment_view(id))
}

#[tauri::command(rename_all = "snake_case")]
fn shipment_edit(shell: State<'_, Shell>, id: i64, edit: ShipmentEdit) -> Answer<ShipmentView> {
    shell.run(|a| a.edit_shipment(id, &edit))
}

#[tauri::command(rename_all = "snake_case")]
fn shipment_pack(
    shell: State<'_, Shell>,
    id: i64,
    cartons: Vec<CartonDraft>,
) -> Answer<ShipmentView> {
    shell.run(|a| a.pack_shipment(id, &cartons))
}

#[tauri::command(rename_all = "snake_case")]
fn shipment_autopack(
    shell: State<'_, Shell>,
    id: i64,
    request: AutoPackRequest,
) -> Answer<Vec<CartonDraft>> {
    shell.run(|a| a.auto_pack_shipment(id, &request))
}

#[tauri::command(rename_all = "snake_case")]
fn shipment_load(
    shell: State<'_, Shell>,
    id: i64,
    loading: ShipmentLoading,
) -> Answer<ShipmentView> {
    shell.run(|a| a.load_shipment(id, &loading))
}

#[tauri::command(rename_all = "snake_case")]
fn shipment_delete(shell: State<'_, Shell>, id: i64) -> Answer<()> {
    shell.run(|a| a.delete_shipment(id))
}

#[tauri::command(rename_all = "snake_case")]
fn document_shipment_invoice(shell: State<'_, Shell>, id: i64) -> Answer<GeneratedDocument> {
    shell.run(|a| a.shipment_paper(id, ShipmentPaper::Invoice, None))
}

#[tauri::command(rename_all = "snake_case")]
fn document_shipment_packing_list(shell: State<'_, Shell>, id: i64) -> Answer<GeneratedDocument> {
    shell.run(|a| a.shipment_paper(id, ShipmentPaper::PackingList, None))
}

#[tauri::command(rename_all = "snake_case")]
fn document_shipment_marks(shell: State<'_, Shell>, id: i64) -> Answer<GeneratedDocument> {
    shell.run(|a| a.shipment_paper(id, ShipmentPaper::Marks, None))
}

#[tauri::command(rename_all = "snake_case")]
fn document_shipment_packing_xlsx(shell: State<'_, Shell>, id: i64) -> Answer<GeneratedDocument> {
    shell.run(|a| a.shipment_paper(id, ShipmentPaper::PackingXlsx, None))
}

/// Every paper of a shipment, off the UI thread, with progress events.
#[tauri::command(rename_all = "snake_case")]
async fn document_shipment_papers(handle: AppHandle, id: i64) -> Answer<Vec<GeneratedDocument>> {
    tauri::async_runtime::spawn_blocking(move || {
        let shell = handle.state::<Shell>();
        shell.run(|a| {
            a.shipment_papers(id, &mut |done, total| {
                if let Err(e) = handle.emit(PROGRESS_EVENT, BatchProgress { done, total }) {
                    eprintln!("exportdesk: progress event not sent: {e}");
                }
            })
        })
    })
    .await
    .map_err(|e| {
        Problem::new(
            "documents.batch_failed",
            format!("선적 서류 만들기가 중단되었습니다: {e}. 다시 시도하세요."),
            format!("Making the shipment papers stopped: {e}. Try again."),
        )
    })?
}

// ---- FTA origin facts -----------------------------------------------------------------------

#[tauri::command(rename_all = "snake_case")]
fn supplier_declarations_list(shell: State<'_, Shell>) -> Answer<Vec<SupplierDeclaration>> {
    shell.run(|a| a.supplier_declarations())
}

#[tauri::command(rename_all = "snake_case")]
fn supplier_declaration_save(
    shell: State<'_, Shell>,
    id: Option<i64>,
    draft: SupplierDeclarationDraft,
) -> Answer<SupplierDeclaration> {
    shell.run(|a| a.save_supplier_declaration(id, &draft))
}

#[tauri::command(rename_all = "snake_case")]
fn supplier_declaration_delete(shell: State<'_, Shell>, id: i64) -> Answer<()> {
    shell.run(|a| a.delete_supplier_declaration(id))
}

#[tauri::command(rename_all = "snake_case")]
fn boms_list(shell: State<'_, Shell>) -> Answer<Vec<BomSummary>> {
    shell.run(|a| a.boms())
}

#[tauri::command(rename_all = "snake_case")]
fn bom_get(shell: State<'_, Shell>, product_id: i64) -> Answer<Option<Bom>> {
    shell.run(|a| a.bom(product_id))
}

#[tauri::command(rename_all = "snake_case")]
fn bom_save(shell: State<'_, Shell>, product_id: i64, draft: BomDraft) -> Answer<Bom> {
    shell.run(|a| a.save_bom(product_id, &draft))
}

#[tauri::command(rename_all = "snake_case")]
fn bom_delete(shell: State<'_, Shell>, product_id: i64) -> Answer<()> {
    shell.run(|a| a.delete_bom(product_id))
}

/// Replace a product's BOM lines with a CSV/XLSX file sent as the raw body of the call; the
/// product id travels in the `product-id` header.
#[tauri::command(rename_all = "snake_case")]
fn bom_import(shell: State<'_, Shell>, request: tauri::ipc::Request<'_>) -> Answer<Bom> {
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return Err(Problem::new(
            "import.not_bytes",
            "파일 내용을 받지 못했습니다. 파일을 다시 고르세요.",
            "The file's content did not arrive; choose the file again.",
        )
        .into());
    };
    let product_id = request
        .headers()
        .get("product-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<i64>().ok())
        .ok_or_else(|| {
            Problems::from(Problem::new(
                "bom.product_missing",
                "어느 상품의 자재명세서인지 알 수 없습니다. 상품을 다시 고르세요.",
                "Which product's BOM this is was not given; choose the product again.",
            ))
        })?;
    shell.run(|a| a.import_bom(product_id, bytes))
}

#[tauri::command(rename_all = "snake_case")]
fn origin_ftas(shell: State<'_, Shell>) -> Answer<Vec<FtaInfo>> {
    shell.run(|a| a.ftas())
}

#[tauri::command(rename_all = "snake_case")]
fn origin_check(
    shell: State<'_, Shell>,
    product_id: i64,
    fta: String,
    date: Option<String>,
) -> Answer<OriginVerdict> {
    shell.run(|a| a.origin_check(product_id, &fta, date.as_deref()))
}

#[tauri::command(rename_all = "snake_case")]
fn origin_compare(
    shell: State<'_, Shell>,
    product_id: i64,
    destination: String,
    date: Option<String>,
) -> Answer<Vec<FtaComparison>> {
    shell.run(|a| a.origin_compare(product_id, &destination, date.as_deref()))
}

#[tauri::command(rename_all = "snake_case")]
fn origin_rules(shell: State<'_, Shell>, fta: Option<String>) -> Answer<Vec<PsrRuleInfo>> {
    shell.run(|a| a.psr_rules(fta.as_deref()))
}

#[tauri::command(rename_all = "snake_case")]
fn origin_rule_save(
    shell: State<'_, Shell>,
    rule: exportdesk_rules::origin::UserRule,
) -> Answer<exportdesk_store::UserRule> {
    shell.run(|a| a.save_user_rule(&rule))
}

#[tauri::command(rename_all = "snake_case")]
fn origin_rule_delete(shell: State<'_, Shell>, id: i64) -> Answer<()> {
    shell.run(|a| a.delete_user_rule(id))
}

#[tauri::command(rename_all = "snake_case")]
fn document_origin_worksheet(
    shell: State<'_, Shell>,
    product_id: i64,
    fta: String,
    date: Option<String>,
) -> Answer<GeneratedDocument> {
    shell.run(|a| {
        a.origin_paper(
            product_id,
            &fta,
            date.as_deref(),
            OriginPaper::Worksheet,
            None,
        )
    })
}

#[tauri::command(rename_all = "snake_case")]
fn document_origin_certificate(
    shell: State<'_, Shell>,
    product_id: i64,
    fta: String,
    date: Option<String>,
) -> Answer<GeneratedDocument> {
    shell.run(|a| {
        a.origin_paper(
            product_id,
            &fta,
            date.as_deref(),
            OriginPaper::CertificateData,
            None,
        )
    })
}

// ---- returns and re-import claims -----------------------------------------------------------

#[tauri::command(rename_all = "snake_case")]
fn returns_list(shell: State<'_, Shell>) -> Answer<Vec<ReturnRow>> {
    shell.run(|a| a.returns())
}

#[tauri::command(rename_all = "snake_case")]
fn return_get(shell: State<'_, Shell>, id: i64) -> Answer<ReturnView> {
    shell.run(|a| a.return_view(id))
}

#[tauri::command(rename_all = "snake_case")]
fn return_exported_lines(
    shell: State<'_, Shell>,
    declaration_id: i64,
    except: Option<i64>,
) -> Answer<Vec<exportdesk_rules::reimport::ExportedLine>> {
    shell.run(|a| a.exported_lines(declaration_id, except))
}

#[tauri::command(rename_all = "snake_case")]
fn return_save(
    shell: State<'_, Shell>,
    id: Option<i64>,
    draft: exportdesk_rules::reimport::ReturnDraft,
) -> Answer<ReturnView> {
    shell.run(|a| a.save_return(id, &draft))
}

#[tauri::command(rename_all = "snake_case")]
fn return_claim_file(
    shell: State<'_, Shell>,
    id: i64,
    filed_on: String,
    import_declaration_no: String,
) -> Answer<ReturnView> {
    shell.run(|a| a.file_return_claim(id, &filed_on, &import_declaration_no))
}

#[tauri::command(rename_all = "snake_case")]
fn return_claim_decide(
    shell: State<'_, Shell>,
    id: i64,
    granted: bool,
    decided_on: String,
) -> Answer<ReturnView> {
    shell.run(|a| a.decide_return_claim(id, granted, &decided_on))
}

#[tauri::command(rename_all = "snake_case")]
fn return_delete(shell: State<'_, Shell>, id: i64) -> Answer<()> {
    shell.run(|a| a.delete_return(id))
}

#[tauri::command(rename_all = "snake_case")]
fn document_return_claim(shell: State<'_, Shell>, id: i64) -> Answer<GeneratedDocument> {
    shell.run(|a| a.return_claim_pdf(id, None))
}

#[tauri::command(rename_all = "snake_case")]
fn document_returns_month(
    shell: State<'_, Shell>,
    year: i32,
    month: u32,
) -> Answer<GeneratedDocument> {
    shell.run(|a| a.returns_month_pdf(year, month, None))
}

/// The window has shown its first screen with its data. With `EXPORTDESK_STARTUP_REPORT` set
/// (scripts/speed-budget.sh), the moment is printed so that the start-up time can be measured
/// from outside: `exportdesk: interactive at <unix ms>`.
#[tauri::command(rename_all = "snake_case")]
fn app_ready() {
    if std::env::var_os(STARTUP_REPORT_ENV).is_some() {
        let ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or(0);
        eprintln!("exportdesk: interactive at {ms}");
    }
}

const STARTUP_REPORT_ENV: &str = "EXPORTDESK_STARTUP_REPORT";

// ---- order import -------------------------------------------------------------------------

const IMPORT_PROGRESS_EVENT: &str = "import-progress";

/// The file being imported: its bytes arrive once (raw, not as JSON) and stay here while the
/// user checks, maps and commits it. Cancel is outside the app lock so it is answered while a
/// long check or commit holds it.
#[derive(Default)]
struct Import {
    staged: Mutex<Option<Arc<Vec<u8>>>>,
    cancel: AtomicBool,
}

impl Import {
    fn bytes(&self) -> Answer<Arc<Vec<u8>>> {
        self.staged
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
            .ok_or_else(|| {
                Problem::new(
                    "import.no_file",
                    "가져올 파일이 없습니다. 파일을 다시 고르세요.",
                    "There is no file to import; choose the file again.",
                )
                .into()
            })
    }
}

/// Receive the file to import as the raw body of the call (a `Uint8Array` in the UI).
#[tauri::command(rename_all = "snake_case")]
fn import_stage(import: State<'_, Import>, request: tauri::ipc::Request<'_>) -> Answer<u64> {
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return Err(Problem::new(
            "import.not_bytes",
            "파일 내용을 받지 못했습니다. 파일을 다시 고르세요.",
            "The file's content did not arrive; choose the file again.",
        )
        .into());
    };
    let size = bytes.len() as u64;
    *import.staged.lock().unwrap_or_else(|p| p.into_inner()) = Some(Arc::new(bytes.clone()));
    Ok(size)
}

fn blocking_failed(e: impl std::fmt::Display) -> Problems {
    Problem::new(
        "import.failed",
        format!("가져오기가 중단되었습니다: {e}. 아무것도 바뀌지 않았습니다. 다시 시도하세요."),
        format!("The import stopped: {e}. Nothing was changed; try again."),
    )
    .into()
}

fn import_progress(handle: &AppHandle) -> impl FnMut(ImportProgress) + '_ {
    move |p| {
        if let Err(e) = handle.emit(IMPORT_PROGRESS_EVENT, p) {
            eprintln!("exportdesk: progress event not sent: {e}");
        }
    }
}

/// Read the staged file and say what importing it would do (or ask for a column mapping).
#[tauri::command(rename_all = "snake_case")]
async fn import_check(handle: AppHandle, request: ImportRequest) -> Answer<ImportCheck> {
    tauri::async_runtime::spawn_blocking(move || {
        let import = handle.state::<Import>();
        let bytes = import.bytes()?;
        import.cancel.store(false, Ordering::SeqCst);
        let mut progress = import_progress(&handle);
        handle
            .state::<Shell>()
            .run(|a| a.import_check(&bytes, &request, &mut progress, &import.cancel))
    })
    .await
    .map_err(blocking_failed)?
}

/// Store the staged file, all of it or nothing.
#[tauri::command(rename_all = "snake_case")]
async fn import_commit(handle: AppHandle, request: ImportRequest) -> Answer<ImportResult> {
    tauri::async_runtime::spawn_blocking(move || {
        let import = handle.state::<Import>();
        let bytes = import.bytes()?;
        import.cancel.store(false, Ordering::SeqCst);
        let mut progress = import_progress(&handle);
        let result = handle
            .state::<Shell>()
            .run(|a| a.import_commit(&bytes, &request, &mut progress, &import.cancel))?;
        *import.staged.lock().unwrap_or_else(|p| p.into_inner()) = None;
        Ok(result)
    })
    .await
    .map_err(blocking_failed)?
}

/// Stop the running check or commit; a commit then stores nothing.
#[tauri::command(rename_all = "snake_case")]
fn import_cancel(import: State<'_, Import>) {
    import.cancel.store(true, Ordering::SeqCst);
}

/// Save every problem of the staged file as CSV in the documents folder.
#[tauri::command(rename_all = "snake_case")]
fn import_problems_csv(
    shell: State<'_, Shell>,
    import: State<'_, Import>,
    request: ImportRequest,
) -> Answer<GeneratedDocument> {
    let bytes = import.bytes()?;
    shell.run(|a| a.import_problems_csv(&bytes, &request, None))
}

#[tauri::command(rename_all = "snake_case")]
fn import_profiles_list(shell: State<'_, Shell>) -> Answer<Vec<ImportProfileInfo>> {
    shell.run(|a| a.import_profiles())
}

#[tauri::command(rename_all = "snake_case")]
fn import_profile_save(shell: State<'_, Shell>, profile: Profile) -> Answer<Profile> {
    shell.run(|a| a.save_import_profile(&profile))
}

#[tauri::command(rename_all = "snake_case")]
fn import_profile_delete(shell: State<'_, Shell>, name: String) -> Answer<()> {
    shell.run(|a| a.delete_import_profile(&name))
}

fn open_app() -> Result<App, Problems> {
    let path = exportdesk_app::resolve_db_path(None);
    let mut app = App::open(&path, exportdesk_app::clock_from_env())?;
    if let Err(e) = app.backup_if_due() {
        eprintln!("exportdesk: automatic backup failed: {e}");
    }
    Ok(app)
}

/// On start, a desktop notification lists what is due within the reminder window (a setting).
/// It runs beside the window's start-up, and a machine without a notification service only
/// loses the notification, never the app.
fn remind(handle: tauri::AppHandle) {
    use tauri::Manager;
    use tauri_plugin_notification::NotificationExt;
    std::thread::spawn(move || {
        let shell = handle.state::<Shell>();
        match shell.run(|a| a.reminder()) {
            Ok(Some((title, body))) => {
                if let Err(e) = handle
                    .notification()
                    .builder()
                    .title(title)
                    .body(body)
                    .show()
                {
                    eprintln!("exportdesk: desktop notification not shown: {e}");
                }
            }
            Ok(None) => {}
            Err(e) => eprintln!("exportdesk: reminder not computed: {e}"),
        }
    });
}

/// WebKitGTK renders the page on the CPU unless the user asks otherwise: a forms-and-tables app
/// gains nothing from GPU compositing, and without it the web process does not load the GL stack
/// (measured under Xvfb: idle web process 213 MB → 116 MB PSS). It also avoids the blank window
/// some GPU drivers give WebKitGTK. Set `WEBKIT_DISABLE_COMPOSITING_MODE=0` to turn it back on.
fn prefer_cpu_rendering() {
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        // Before any thread is started: nothing else reads the environment yet.
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
}

fn main() {
    prefer_cpu_rendering();
    let opened = open_app();
    if let Err(e) = &opened {
        eprintln!("exportdesk: cannot open the database: {e}");
    }
    tauri::Builder::default()
        .plugin(tauri_plugin_notification::init())
        .setup(|app| {
            remind(app.handle().clone());
            Ok(())
        })
        .manage(Shell(Mutex::new(opened)))
        .manage(Batch::default())
        .manage(Import::default())
        .invoke_handler(tauri::generate_handler![
            status,
            reference,
            seller_get,
            seller_save,
            buyers_list,
            buyer_save,
            buyer_delete,
            products_list,
            product_get,
            product_save,
            product_delete,
            orders_list,
            order_get,
            order_save,
            order_delete,
            rates_list,
            rate_save,
            rate_delete,
            rates_import_csv,
            hs_search,
            hs_find,
            hs_code_info,
            rulebook_show,
            settings_get,
            settings_save,
            backups_list,
            backup_now,
            backup_check,
            backup_restore,
            sample_load,
            change_log,
            document_product_list,
            declarations_list,
            declaration_groups,
            declaration_draft,
            declaration_get,
            declaration_edit,
            declaration_refresh,
            declaration_delete,
            declaration_file,
            declaration_accept,
            declaration_extend,
            declaration_load,
            declaration_cancel,
            declaration_provisional,
            declaration_final_price,
            dashboard,
            document_open,
            document_declaration_worksheet,
            declaration_unipass_guide,
            papers_list,
            document_deadline_report,
            document_declarations_xlsx,
            document_worksheets_batch,
            document_batch_cancel,
            import_stage,
            import_check,
            import_commit,
            import_cancel,
            import_problems_csv,
            import_profiles_list,
            import_profile_save,
            import_profile_delete,
            shipments_list,
            shipment_create,
            shipment_get,
            shipment_edit,
            shipment_pack,
            shipment_autopack,
            shipment_load,
            shipment_delete,
            document_shipment_invoice,
            document_shipment_packing_list,
            document_shipment_marks,
            document_shipment_packing_xlsx,
            document_shipment_papers,
            supplier_declarations_list,
            supplier_declaration_save,
            supplier_declaration_delete,
            boms_list,
            bom_get,
            bom_save,
            bom_delete,
            bom_import,
            origin_ftas,
            origin_check,
            origin_compare,
            origin_rules,
            origin_rule_save,
            origin_rule_delete,
            document_origin_worksheet,
            document_origin_certificate,
            returns_list,
            return_get,
            return_exported_lines,
            return_save,
            return_claim_file,
            return_claim_decide,
            return_delete,
            document_return_claim,
            document_returns_month,
            app_ready,
        ])
        .run(tauri::generate_context!())
        .expect("error while running ExportDesk");
}
