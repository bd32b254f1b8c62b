// The only module that talks to the Rust side. Every call returns the typed answer or throws an
// ApiError carrying the Problems (code, field, Korean and English message) the app reported.

import { invoke } from '@tauri-apps/api/core';
import type {
  AppStatus, BackupCheck, GeneratedDocument, BackupInfo, Buyer, BuyerDraft, ChangeEntry, HsMatch, Order, OrderDraft,
  OrderFilter, OrderRow, Problem, Product, ProductDraft, ProductRow, RateDraft, Reference,
  RulebookView, SampleLoaded, Seller, SellerDraft, Settings, WeeklyRate,
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

export const api = {
  status: () => call<AppStatus>('status'),
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
  rulebookShow: (date: string | null) => call<RulebookView>('rulebook_show', { date }),

  settingsGet: () => call<Settings>('settings_get'),
  settingsSave: (settings: Settings) => call<Settings>('settings_save', { settings }),

  backupsList: () => call<BackupInfo[]>('backups_list'),
  backupNow: () => call<BackupInfo>('backup_now'),
  backupCheck: (path: string) => call<BackupCheck>('backup_check', { path }),
  backupRestore: (path: string) => call<BackupInfo>('backup_restore', { path }),

  sampleLoad: () => call<SampleLoaded>('sample_load'),
  documentProductList: () => call<GeneratedDocument>('document_product_list'),
  changeLog: (limit = 200) => call<ChangeEntry[]>('change_log', { limit }),
};

export type Api = typeof api;
