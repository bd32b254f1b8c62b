// Pure helpers of the order-file import: the column-mapping choices and the profile built from
// them, the products to add to the catalogue, and the request sent to the Rust side.

import { quotedPer } from './format';
import type { MessageKey } from './i18n';
import type {
  DateOrder, DecimalStyle, Encoding, ExistingOrders, Field, ImportPreview, ImportProfileInfo, ImportRequest,
  MappingRequest, MappingSuggestion, NewProduct, Problem, Profile, RateDraft, RateNeed, ShippingRule, UnknownProduct,
} from './types.gen';

/** Every field, in the order the Rust side lists them. */
export const FIELDS: Field[] = [
  'order_no', 'order_date', 'buyer_name', 'buyer_email', 'buyer_phone', 'buyer_address', 'buyer_country',
  'currency', 'sku', 'description', 'quantity', 'unit_price', 'line_amount', 'shipping_fee', 'incoterm',
  'destination_country', 'line_discount', 'order_discount', 'status', 'cancelled', 'refunded', 'returned_quantity',
];

export const FIELD_LABELS: Record<Field, MessageKey> = {
  order_no: 'import.field_order_no',
  order_date: 'import.field_order_date',
  buyer_name: 'import.field_buyer_name',
  buyer_email: 'import.field_buyer_email',
  buyer_phone: 'import.field_buyer_phone',
  buyer_address: 'import.field_buyer_address',
  buyer_country: 'import.field_buyer_country',
  currency: 'import.field_currency',
  sku: 'import.field_sku',
  description: 'import.field_description',
  quantity: 'import.field_quantity',
  unit_price: 'import.field_unit_price',
  line_amount: 'import.field_line_amount',
  shipping_fee: 'import.field_shipping_fee',
  incoterm: 'import.field_incoterm',
  destination_country: 'import.field_destination_country',
  line_discount: 'import.field_line_discount',
  order_discount: 'import.field_order_discount',
  status: 'import.field_status',
  cancelled: 'import.field_cancelled',
  refunded: 'import.field_refunded',
  returned_quantity: 'import.field_returned_quantity',
};

/** The mapping screen shows the fields in three boxes. */
export const FIELD_GROUPS: { id: 'order' | 'line' | 'buyer'; label: MessageKey; fields: Field[] }[] = [
  {
    id: 'order',
    label: 'import.group_order',
    fields: [
      'order_no', 'order_date', 'currency', 'destination_country', 'shipping_fee', 'incoterm', 'order_discount', 'status',
      'cancelled', 'refunded',
    ],
  },
  {
    id: 'line',
    label: 'import.group_line',
    fields: ['sku', 'description', 'quantity', 'unit_price', 'line_amount', 'line_discount', 'returned_quantity'],
  },
  {
    id: 'buyer',
    label: 'import.group_buyer',
    fields: ['buyer_name', 'buyer_email', 'buyer_phone', 'buyer_address', 'buyer_country'],
  },
];

export type EssentialId = 'order_no' | 'item' | 'quantity' | 'price' | 'order_date' | 'currency' | 'destination';

export interface Essential {
  id: EssentialId;
  /** Any of these columns satisfies it. */
  fields: Field[];
  /** Or this default of the mapping. */
  fallback?: 'default_currency' | 'default_country';
  label: MessageKey;
}

/** What every order needs; the first four the Rust side refuses a mapping without. */
export const ESSENTIALS: Essential[] = [
  { id: 'order_no', fields: ['order_no'], label: 'import.need_order_no' },
  { id: 'item', fields: ['sku', 'description'], label: 'import.need_item' },
  { id: 'quantity', fields: ['quantity'], label: 'import.need_quantity' },
  { id: 'price', fields: ['unit_price', 'line_amount'], label: 'import.need_price' },
  { id: 'order_date', fields: ['order_date'], label: 'import.need_order_date' },
  { id: 'currency', fields: ['currency'], fallback: 'default_currency', label: 'import.need_currency' },
  {
    id: 'destination',
    fields: ['destination_country', 'buyer_country'],
    fallback: 'default_country',
    label: 'import.need_destination',
  },
];

/** Fields marked as essential on the mapping screen (the buyer's country only backs up the destination). */
export function isEssentialField(field: Field): boolean {
  return field !== 'buyer_country' && ESSENTIALS.some((e) => e.fields.includes(field));
}

/** What the user chose on the mapping screen. An empty string means "none". */
export interface MappingChoices {
  columns: Partial<Record<Field, string>>;
  marketplace: string;
  date_order: DateOrder;
  decimal: DecimalStyle;
  shipping: ShippingRule;
  default_currency: string;
  default_country: string;
  default_incoterm: string;
}

export const DATE_ORDERS: { value: DateOrder; label: MessageKey }[] = [
  { value: 'ymd', label: 'import.date_ymd' },
  { value: 'mdy', label: 'import.date_mdy' },
  { value: 'dmy', label: 'import.date_dmy' },
];

export const DECIMAL_STYLES: { value: DecimalStyle; label: MessageKey }[] = [
  { value: 'point', label: 'import.decimal_point' },
  { value: 'comma', label: 'import.decimal_comma' },
];

export const SHIPPING_RULES: { value: ShippingRule; label: MessageKey }[] = [
  { value: 'first_line', label: 'import.shipping_first_line' },
  { value: 'sum', label: 'import.shipping_sum' },
];

export const ENCODINGS: { value: Encoding; label: MessageKey }[] = [
  { value: 'utf8', label: 'import.enc_utf8' },
  { value: 'utf8-bom', label: 'import.enc_utf8_bom' },
  { value: 'cp949', label: 'import.enc_cp949' },
  { value: 'shift-jis', label: 'import.enc_shift_jis' },
  { value: 'utf16-le', label: 'import.enc_utf16_le' },
  { value: 'utf16-be', label: 'import.enc_utf16_be' },
  { value: 'windows1252', label: 'import.enc_windows1252' },
];

export function encodingLabel(encoding: Encoding): MessageKey {
  return ENCODINGS.find((e) => e.value === encoding)?.label ?? 'import.enc_utf8';
}

/** For each field, the file column suggested with the highest confidence (the first on a tie). */
export function bestSuggestions(suggestions: MappingSuggestion[], headers: string[]): Partial<Record<Field, string>> {
  const best: Partial<Record<Field, MappingSuggestion>> = {};
  for (const s of suggestions) {
    if (!headers.includes(s.column)) continue;
    const have = best[s.field];
    if (!have || s.confidence > have.confidence) best[s.field] = s;
  }
  const out: Partial<Record<Field, string>> = {};
  for (const f of FIELDS) {
    const s = best[f];
    if (s) out[f] = s.column;
  }
  return out;
}

/**
 * The starting choices of the mapping screen: the suggested columns, and the conventions of the
 * profile the file came closest to (its marketplace, date order, defaults) when there is one.
 */
export function initialChoices(request: MappingRequest, base: Profile | null): MappingChoices {
  const columns: Partial<Record<Field, string>> = Object.fromEntries(FIELDS.map((f) => [f, '']));
  return {
    columns: { ...columns, ...bestSuggestions(request.suggestions, request.headers) },
    marketplace: base?.marketplace ?? '',
    date_order: base?.date_order ?? 'ymd',
    decimal: base?.decimal ?? 'point',
    shipping: base?.shipping ?? 'first_line',
    default_currency: base?.default_currency ?? '',
    default_country: base?.default_country ?? '',
    default_incoterm: base?.default_incoterm || 'DAP',
  };
}

/** The choices a profile stands for (to come back to the mapping screen with what was chosen). */
export function choicesFromProfile(profile: Profile, headers: string[]): MappingChoices {
  const columns: Partial<Record<Field, string>> = Object.fromEntries(FIELDS.map((f) => [f, '']));
  for (const c of profile.columns) {
    const header = c.headers.find((h) => headers.includes(h));
    if (header && columns[c.field] === '') columns[c.field] = header;
  }
  return {
    columns,
    marketplace: profile.marketplace,
    date_order: profile.date_order,
    decimal: profile.decimal,
    shipping: profile.shipping,
    default_currency: profile.default_currency ?? '',
    default_country: profile.default_country ?? '',
    default_incoterm: profile.default_incoterm || 'DAP',
  };
}

/** The profile named in a list of profiles, if any. */
export function findProfile(list: ImportProfileInfo[], name: string | null | undefined): Profile | null {
  if (!name) return null;
  return list.find((p) => p.profile.name === name)?.profile ?? null;
}

/** A profile from the mapping choices: one column per chosen field, like the Rust `Profile::custom`. */
export function buildProfile(name: string, choices: MappingChoices): Profile {
  const columns = FIELDS.filter((f) => (choices.columns[f] ?? '') !== '').map((f) => ({
    field: f,
    headers: [choices.columns[f] as string],
    required: false,
    decimal: null,
  }));
  const clean = name.trim();
  return {
    name: clean,
    title: clean,
    marketplace: choices.marketplace.trim(),
    columns,
    signature: [],
    date_order: choices.date_order,
    decimal: choices.decimal,
    shipping: choices.shipping,
    default_incoterm: choices.default_incoterm || 'DAP',
    default_currency: choices.default_currency.trim() || null,
    default_country: choices.default_country.trim() || null,
    // A hand-made mapping cannot know whether the prices include shipping: the declaration asks.
    shipping_separate: null,
  };
}

/** The essentials the choices leave without a column (and without a default where one serves). */
export function unmetEssentials(choices: MappingChoices): EssentialId[] {
  return ESSENTIALS.filter((e) => {
    if (e.fields.some((f) => (choices.columns[f] ?? '') !== '')) return false;
    if (e.fallback && choices[e.fallback].trim() !== '') return false;
    return true;
  }).map((e) => e.id);
}

/** The fields a file column feeds, to label the preview's header cells. */
export function fieldsOfColumn(choices: MappingChoices, header: string): Field[] {
  if (header === '') return [];
  return FIELDS.filter((f) => choices.columns[f] === header);
}

/** What the user decided for one product that is not in the catalogue. */
export interface ProductChoice {
  add: boolean;
  hs_code: string;
  /** Net weight of one unit in kg, as typed. */
  net_weight_kg: string;
  /** ISO country of origin; KR is offered and shown, the seller changes it if it is wrong. */
  origin_country: string;
}

/** The origin the summary offers for a new product: most small shops sell goods made in Korea. */
export const DEFAULT_ORIGIN = 'KR';

/** Add every product that has a SKU (one without cannot become a catalogue product). */
export function initialProductChoices(list: UnknownProduct[]): ProductChoice[] {
  return list.map((p) => ({ add: p.sku.trim() !== '', hs_code: '', net_weight_kg: '', origin_country: DEFAULT_ORIGIN }));
}

/**
 * The products to add on commit, with `index[i]` = the position in `list` of `products[i]` (to
 * put a refused product's problems back on its row).
 */
export function newProductsFrom(
  list: UnknownProduct[],
  choices: ProductChoice[],
): { products: NewProduct[]; index: number[] } {
  const products: NewProduct[] = [];
  const index: number[] = [];
  list.forEach((p, i) => {
    const c = choices[i];
    if (!c?.add || p.sku.trim() === '') return;
    products.push({
      sku: p.sku,
      name: '',
      hs_code: c.hs_code.replace(/[.\-\s]/g, ''),
      net_weight_kg: c.net_weight_kg.trim(),
      origin_country: c.origin_country,
    });
    index.push(i);
  });
  return { products, index };
}

/** Problems of `new_products[i].…`, keyed by the product's position in the unknown list. */
export function productProblems(problems: Problem[], index: number[]): Record<number, Problem[]> {
  const out: Record<number, Problem[]> = {};
  for (const p of problems) {
    const m = /^new_products\[(\d+)\]/.exec(p.field ?? '');
    if (!m) continue;
    const row = index[Number(m[1])];
    if (row === undefined) continue;
    (out[row] ??= []).push(p);
  }
  return out;
}

/** This week's rate of one currency of the file, as typed or pasted on the summary. */
export interface RateChoice {
  currency: string;
  rate: string;
  /** 1, or 100 for the yen, which KCS quotes per 100 yen. */
  per: string;
}

/** One empty rate per currency the file needs and the app has not recorded for this week. */
export function initialRateChoices(needs: RateNeed[]): RateChoice[] {
  return needs
    .filter((n) => !n.recorded)
    .map((n) => ({ currency: n.currency, rate: '', per: quotedPer(n.currency) }));
}

/** The typed rates as drafts for the week they belong to (empty ones are left out). */
export function ratesFrom(needs: RateNeed[], choices: RateChoice[]): RateDraft[] {
  const out: RateDraft[] = [];
  for (const c of choices) {
    const need = needs.find((n) => n.currency === c.currency);
    if (!need || c.rate.trim() === '') continue;
    out.push({ date: need.week_start, currency: c.currency, rate: c.rate.trim(), per: c.per, source: null });
  }
  return out;
}

/** Problems of `rates[i].…`, keyed by the currency of the rate that was sent as `rates[i]`. */
export function rateProblems(problems: Problem[], sent: RateDraft[]): Record<string, Problem[]> {
  const out: Record<string, Problem[]> = {};
  for (const p of problems) {
    const m = /^rates\[(\d+)\]/.exec(p.field ?? '');
    const currency = m ? sent[Number(m[1])]?.currency : undefined;
    if (currency) (out[currency] ??= []).push(p);
  }
  return out;
}

/** How to read the file: what the choose and mapping steps decided. */
export interface ReadSettings {
  file_name: string;
  profile: string | null;
  mapping: Profile | null;
  encoding: Encoding | null;
  /** The currency of orders the file names none for, chosen on the summary. */
  currency?: string | null;
}

export function buildRequest(
  read: ReadSettings,
  existing: ExistingOrders = 'skip',
  newProducts: NewProduct[] = [],
  rates: RateDraft[] = [],
): ImportRequest {
  return {
    file_name: read.file_name,
    profile: read.mapping ? null : read.profile,
    mapping: read.mapping,
    encoding: read.encoding,
    sheet: null,
    existing,
    new_products: newProducts,
    rates,
    currency: read.currency ?? null,
  };
}

/**
 * How many recorded orders "update" would change: those that differ and are not on a
 * declaration. `null` when the summary lists only some of them, so the exact number is unknown.
 */
export function updatableCount(preview: ImportPreview): number | null {
  if (preview.existing.length < preview.existing_count) return null;
  return preview.existing.filter((e) => e.differs && e.declaration_id === null).length;
}

/** Bar width in percent, 0–100. */
export function progressPercent(done: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.max(0, Math.min(100, Math.round((100 * done) / total)));
}

/** The answer was "you cancelled it" rather than a failure. */
export function isCancelled(problems: Problem[]): boolean {
  return problems.some((p) => p.code === 'import.cancelled');
}

export const IMPORT_ACCEPT = '.csv,.txt,.tsv,.xlsx,.xls';

/** File kinds the reader understands (the picker offers the common ones). */
export function isImportable(fileName: string): boolean {
  return /\.(csv|txt|tsv|xlsx|xlsm|xls|xlsb|ods)$/i.test(fileName.trim());
}
