// The only module that talks to the Rust side. Every call returns the typed answer or throws an
// ApiError carrying the Problems (code, field, Korean and English message) the app reported.

import { invoke, type InvokeOptions } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type {
  Dashboard, DeclarationFilter, FtaComparison, FtaInfo, OriginVerdict, PsrRuleInfo, StoredUserRule, UserRule, DeclarationRow, DeclarationView, DraftEdit, DraftRequest, GroupProposal,
  AppStatus, AutoPackRequest, BackupCheck, Bom, BomDraft, BomSummary, CartonDraft, GeneratedDocument, BackupInfo, Buyer, BuyerDraft, ChangeEntry, HsMatch, HsSuggestion, HsCodeInfo, ImportCheck,
  ImportProfileInfo, ImportProgress, ImportRequest, ImportResult, Order, OrderDraft,
  OrderFilter, OrderRow, PaperRow, Problem, Product, ProductDraft, ProductRow, Profile, RateDraft, Reference,
  RulebookView, ReturnDraft, ReturnRow, ReturnView, ExportedLine, SampleLoaded, Seller, SellerDraft, Settings, ShipmentEdit, ShipmentLoading, ShipmentRequest,
  ShipmentRow, ShipmentView, SupplierDeclaration, SupplierDeclarationDraft, UnipassGuide, WeeklyRate,
} from './types.gen';

export class ApiError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map((p) => p.message_en).join('; ') || 'Unknown error');
    this.problems = problems;
  }
  /** Problems that belong to a form field, by field name. */
  byField(): Record<string, Problem> {
    const out: Record<string, Problem> = {};
    for (const p of this.problems) if (p.field && !out[p.field]) out[p.field] = p;
    return out;
  }
}

function isProblem(v: unknown): v is Problem {
  return typeof v === 'object' && v !== null && 'code' in v && 'message_ko' in v;
}

/** Turn whatever the IPC layer threw into an ApiError. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (Array.isArray(e) && e.every(isProblem)) return new ApiError(e);
  if (isProblem(e)) return new ApiError([e]);
  const text = e instanceof Error ? e.message : String(e);
  return new ApiError([
    {
      code: 'ipc.failed',
      field: null,
      params: {},
      message_ko: `앱 내부 호출이 실패했습니다: ${text}`,
      message_en: `An internal call failed: ${text}`,
    },
  ]);
}

async function call<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toApiError(e);
  }
}

/** A call whose payload is raw bytes (the body itself, not JSON arguments), with optional headers. */
async function callRaw<T>(command: string, body: Uint8Array, options?: InvokeOptions): Promise<T> {
  try {
    return await (options ? invoke<T>(command, body, options) : invoke<T>(command, body));
  } catch (e) {
    throw toApiError(e);
  }
}

export const api = {
  status: () => call<AppStatus>('status'),
  /** The first screen is shown with its data (start-up time measurement; does nothing else). */
  appReady: () => call<void>('app_ready'),
  reference: () => call<Reference>('reference'),

  sellerGet: () => call<Seller | null>('seller_get'),
  sellerSave: (draft: SellerDraft) => call<Seller>('seller_save', { draft }),

  buyersList: () => call<Buyer[]>('buyers_list'),
  buyerSave: (id: number | null, draft: BuyerDraft) => call<Buyer>('buyer_save', { id, draft }),
  buyerDelete: (id: number) => call<null>('buyer_delete', { id }),

  productsList: (search: string) => call<ProductRow[]>('products_list', { search }),
  productGet: (id: number) => call<Product>('product_get', { id }),
  productSave: (id: number | null, draft: ProductDraft) => call<Product>('product_save', { id, draft }),
  productDelete: (id: number) => call<null>('product_delete', { id }),

  ordersList: (filter: OrderFilter) => call<OrderRow[]>('orders_list', { filter }),
  orderGet: (id: number) => call<Order>('order_get', { id }),
  orderSave: (id: number | null, draft: OrderDraft) => call<Order>('order_save', { id, draft }),
  orderDelete: (id: number) => call<null>('order_delete', { id }),

  ratesList: () => call<WeeklyRate[]>('rates_list'),
  rateSave: (draft: RateDraft) => call<WeeklyRate>('rate_save', { draft }),
  rateDelete: (week_start: string, currency: string) => call<null>('rate_delete', { week_start, currency }),
  ratesImportCsv: (text: string) => call<WeeklyRate[]>('rates_import_csv', { text }),

  hsSearch: (query: string, limit = 20) => call<HsMatch[]>('hs_search', { query, limit }),
  hsFind: (query: string, limit = 8) => call<HsSuggestion[]>('hs_find', { query, limit }),
  hsCodeInfo: (code: string, date: string | null = null) => call<HsCodeInfo>('hs_code_info', { code, date }),
  rulebookShow: (date: string | null) => call<RulebookView>('rulebook_show', { date }),

  settingsGet: () => call<Settings>('settings_get'),
  settingsSave: (settings: Settings) => call<Settings>('settings_save', { settings }),

  backupsList: () => call<BackupInfo[]>('backups_list'),
  backupNow: () => call<BackupInfo>('backup_now'),
  backupCheck: (path: string) => call<BackupCheck>('backup_check', { path }),
  backupRestore: (path: string) => call<BackupInfo>('backup_restore', { path }),

  sampleLoad: () => call<SampleLoaded>('sample_load'),
  documentProductList: () => call<GeneratedDocument>('document_product_list'),
  documentDeclarationWorksheet: (id: number) => call<GeneratedDocument>('document_declaration_worksheet', { id }),
  /** Papers made for declarations (of one, or all), each saying whether it is outdated. */
  papersList: (declarationId: number | null) => call<PaperRow[]>('papers_list', { declaration_id: declarationId }),
  documentDeadlineReport: () => call<GeneratedDocument>('document_deadline_report'),
  documentDeclarationsXlsx: (ids: number[]) => call<GeneratedDocument>('document_declarations_xlsx', { ids }),
  documentWorksheetsBatch: (ids: number[]) => call<GeneratedDocument[]>('document_worksheets_batch', { ids }),
  documentBatchCancel: () => call<null>('document_batch_cancel'),
  documentOpen: (path: string) => call<null>('document_open', { path }),
  /** Progress of a worksheet batch: `done` of `total` files written. */
  onDocumentsProgress: (handler: (p: { done: number; total: number }) => void): Promise<UnlistenFn> =>
    listen<{ done: number; total: number }>('documents-progress', (e) => handler(e.payload)),

  /** Hand the chosen order file to the Rust side (kept there for check, commit and the CSV). */
  importStage: (bytes: Uint8Array) => callRaw<number>('import_stage', bytes),
  importCheck: (request: ImportRequest) => call<ImportCheck>('import_check', { request }),
  importCommit: (request: ImportRequest) => call<ImportResult>('import_commit', { request }),
  importCancel: () => call<null>('import_cancel'),
  importProblemsCsv: (request: ImportRequest) => call<GeneratedDocument>('import_problems_csv', { request }),
  importProfilesList: () => call<ImportProfileInfo[]>('import_profiles_list'),
  importProfileSave: (profile: Profile) => call<Profile>('import_profile_save', { profile }),
  importProfileDelete: (name: string) => call<null>('import_profile_delete', { name }),
  /** Progress of an import check or commit: `phase` is `reading` or `storing`. */
  onImportProgress: (handler: (p: ImportProgress) => void): Promise<UnlistenFn> =>
    listen<ImportProgress>('import-progress', (e) => handler(e.payload)),

  dashboard: () => call<Dashboard>('dashboard'),
  declarationsList: (filter: DeclarationFilter) => call<DeclarationRow[]>('declarations_list', { filter }),
  declarationGroups: (order_ids: number[] | null) => call<GroupProposal[]>('declaration_groups', { order_ids }),
  declarationDraft: (request: DraftRequest) => call<DeclarationView>('declaration_draft', { request }),
  declarationGet: (id: number) => call<DeclarationView>('declaration_get', { id }),
  /** The declaration's fields in the order of the UNI-PASS export declaration, with the values to enter. */
  declarationUnipassGuide: (id: number) => call<UnipassGuide>('declaration_unipass_guide', { id }),
  declarationEdit: (id: number, edit: DraftEdit) => call<DeclarationView>('declaration_edit', { id, edit }),
  declarationRefresh: (id: number) => call<DeclarationView>('declaration_refresh', { id }),
  declarationDelete: (id: number) => call<null>('declaration_delete', { id }),
  declarationFile: (id: number, filed_on: string | null) => call<DeclarationView>('declaration_file', { id, filed_on }),
  declarationAccept: (id: number, declaration_no: string, accepted_on: string) =>
    call<DeclarationView>('declaration_accept', { id, declaration_no, accepted_on }),
  declarationExtend: (id: number, requested_on: string, new_date: string, reason: string) =>
    call<DeclarationView>('declaration_extend', { id, requested_on, new_date, reason }),
  declarationLoad: (id: number, loaded_on: string, bl_awb: string, carrier: string) =>
    call<DeclarationView>('declaration_load', { id, loaded_on, bl_awb, carrier }),
  declarationCancel: (id: number, cancelled_on: string, reason: string) =>
    call<DeclarationView>('declaration_cancel', { id, cancelled_on, reason }),
  declarationProvisional: (id: number, confirmed_paid_on: string) =>
    call<DeclarationView>('declaration_provisional', { id, confirmed_paid_on }),
  declarationFinalPrice: (id: number, final_fob_krw: string, filed_on: string) =>
    call<DeclarationView>('declaration_final_price', { id, final_fob_krw, filed_on }),

  shipmentsList: () => call<ShipmentRow[]>('shipments_list'),
  shipmentCreate: (request: ShipmentRequest) => call<ShipmentView>('shipment_create', { request }),
  shipmentGet: (id: number) => call<ShipmentView>('shipment_get', { id }),
  shipmentEdit: (id: number, edit: ShipmentEdit) => call<ShipmentView>('shipment_edit', { id, edit }),
  /** Store the cartons as packed (even incomplete: the view's check says what is left). */
  shipmentPack: (id: number, cartons: CartonDraft[]) => call<ShipmentView>('shipment_pack', { id, cartons }),
  /** A proposal of cartons; nothing is stored until it is saved with `shipmentPack`. */
  shipmentAutopack: (id: number, request: AutoPackRequest) => call<CartonDraft[]>('shipment_autopack', { id, request }),
  /** Record the loading of every declaration of the shipment at once. */
  shipmentLoad: (id: number, loading: ShipmentLoading) => call<ShipmentView>('shipment_load', { id, loading }),
  shipmentDelete: (id: number) => call<null>('shipment_delete', { id }),
  documentShipmentInvoice: (id: number) => call<GeneratedDocument>('document_shipment_invoice', { id }),
  documentShipmentPackingList: (id: number) => call<GeneratedDocument>('document_shipment_packing_list', { id }),
  documentShipmentMarks: (id: number) => call<GeneratedDocument>('document_shipment_marks', { id }),
  documentShipmentPackingXlsx: (id: number) => call<GeneratedDocument>('document_shipment_packing_xlsx', { id }),
  /** Invoice, packing list, carton marks and the packing list spreadsheet in one go. */
  documentShipmentPapers: (id: number) => call<GeneratedDocument[]>('document_shipment_papers', { id }),

  supplierDeclarationsList: () => call<SupplierDeclaration[]>('supplier_declarations_list'),
  supplierDeclarationSave: (id: number | null, draft: SupplierDeclarationDraft) =>
    call<SupplierDeclaration>('supplier_declaration_save', { id, draft }),
  /** Refused (`supplier_declaration.in_use`) while BOM lines rely on it. */
  supplierDeclarationDelete: (id: number) => call<null>('supplier_declaration_delete', { id }),
  /** The products that have a BOM. */
  bomsList: () => call<BomSummary[]>('boms_list'),
  bomGet: (product_id: number) => call<Bom | null>('bom_get', { product_id }),
  /** Replace the product's whole BOM (header and lines), checked whole first. */
  bomSave: (product_id: number, draft: BomDraft) => call<Bom>('bom_save', { product_id, draft }),
  bomDelete: (product_id: number) => call<null>('bom_delete', { product_id }),
  /**
   * Replace the product's BOM lines with a CSV/XLSX file (all rows or none; the header is kept).
   * The file travels as the raw body, the product in the `product-id` header.
   */
  bomImport: (product_id: number, bytes: Uint8Array) =>
    callRaw<Bom>('bom_import', bytes, { headers: { 'product-id': String(product_id) } }),

  /** The FTAs the app knows, with how many product-specific rules it ships for each. */
  originFtas: () => call<FtaInfo[]>('origin_ftas'),
  /** Check a product's origin from its BOM under one FTA on a date (null: today). */
  originCheck: (product_id: number, fta: string, date: string | null) =>
    call<OriginVerdict>('origin_check', { product_id, fta, date }),
  /** Every FTA with the destination as a partner, originating first. */
  originCompare: (product_id: number, destination: string, date: string | null) =>
    call<FtaComparison[]>('origin_compare', { product_id, destination, date }),
  /** The product-specific rules (bundled and the user's own), of one FTA or all (null). */
  originRules: (fta: string | null) => call<PsrRuleInfo[]>('origin_rules', { fta }),
  /** Add or replace one of the user's own rules (checked with the rule language first). */
  originRuleSave: (rule: UserRule) => call<StoredUserRule>('origin_rule_save', { rule }),
  originRuleDelete: (id: number) => call<null>('origin_rule_delete', { id }),
  /** The check's worksheet as a PDF. */
  documentOriginWorksheet: (product_id: number, fta: string, date: string | null) =>
    call<GeneratedDocument>('document_origin_worksheet', { product_id, fta, date }),
  documentOriginCertificate: (product_id: number, fta: string, date: string | null) =>
    call<GeneratedDocument>('document_origin_certificate', { product_id, fta, date }),

  /** Returned goods with their re-import claim state and verdict, as the app lists them. */
  returnsList: () => call<ReturnRow[]>('returns_list'),
  returnGet: (id: number) => call<ReturnView>('return_get', { id }),
  /** The declaration's lines with what other returns (all but `except`) already brought back. */
  returnExportedLines: (declaration_id: number, except: number | null) =>
    call<ExportedLine[]>('return_exported_lines', { declaration_id, except }),
  /** Create (`id` null) or replace a return; refused (`return.claim_not_draft`) once the claim is filed. */
  returnSave: (id: number | null, draft: ReturnDraft) => call<ReturnView>('return_save', { id, draft }),
  returnClaimFile: (id: number, filed_on: string, import_declaration_no: string) =>
    call<ReturnView>('return_claim_file', { id, filed_on, import_declaration_no }),
  returnClaimDecide: (id: number, granted: boolean, decided_on: string) =>
    call<ReturnView>('return_claim_decide', { id, granted, decided_on }),
  /** Draft claims only. */
  returnDelete: (id: number) => call<null>('return_delete', { id }),
  documentReturnClaim: (id: number) => call<GeneratedDocument>('document_return_claim', { id }),
  documentReturnsMonth: (year: number, month: number) => call<GeneratedDocument>('document_returns_month', { year, month }),

  changeLog: (limit = 200) => call<ChangeEntry[]>('change_log', { limit }),
};

export type Api = typeof api;
