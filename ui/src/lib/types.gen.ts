// Generated from the Rust types by crates/exportdesk-app/tests/bindings.rs. Do not edit.

// Regenerate: UPDATE_BINDINGS=1 cargo test -p exportdesk-app --test bindings

export type Problem = { 
/**
 * Stable machine code, e.g. `product.hs_code.length`.
 */
code: string, 
/**
 * Form field the problem belongs to (`business_no`, `lines[2].quantity`), if any.
 */
field: string | null, 
/**
 * The values the message talks about.
 */
params: { [key in string]: string }, 
/**
 * What is wrong and what to do, in Korean.
 */
message_ko: string, 
/**
 * The same in English.
 */
message_en: string, };

export type Lang = "ko" | "en";

export type Problems = Array<Problem>;

export type Currency = string;

export type BusinessNo = string;

export type CustomsCode = string;

export type HsCode = string;

export type Country = string;

export type Incoterm = "EXW" | "FCA" | "FAS" | "FOB" | "CFR" | "CIF" | "CPT" | "CIP" | "DAP" | "DPU" | "DDP";

export type CountryInfo = { code: string, name_en: string, name_ko: string, };

export type UnitInfo = { code: string, name_ko: string, name_en: string, };

export type HsMatch = { code: string, dotted: string, description_en: string, 
/**
 * Korean keywords attached to this code, if any.
 */
keywords_ko: Array<string>, keywords_en: Array<string>, score: number, };

export type RuleValue = { file: string, key: string, title_ko: string, title_en: string, 
/**
 * `None` when no version is in force on the date asked.
 */
value: string | null, effective_from: string | null, source: string | null, verified: boolean | null, note: string | null, };

export type PenaltyStep = { 
/**
 * Applies from this count of violations (1 = first violation).
 */
from_violation: number, amount_krw: string, };

export type Holiday = { date: string, name_ko: string, name_en: string, };

export type WeeklyRate = { 
/**
 * The Sunday the rate applies from.
 */
week_start: string, currency: Currency, krw_per_unit: string, 
/**
 * Where the figure came from (`KCS 관세청 고시`, `CSV rates-2026-11.csv`, `sample data`).
 */
source: string, };

export type RateDraft = { 
/**
 * Any date in the week (it is moved to the week's Sunday).
 */
date: string, currency: string, 
/**
 * Won per `per` units (KCS quotes JPY per 100 yen).
 */
rate: string, 
/**
 * 1 by default; 100 for rates quoted per 100 units.
 */
per: string | null, source: string | null, };

export type KrwRounding = "down" | "half_up";

export type SellerDraft = { 
/**
 * Company or shop name in Korean (상호).
 */
name: string, 
/**
 * Name in English, as printed on invoices.
 */
name_en: string, 
/**
 * Representative (대표자).
 */
representative: string, business_no: string, customs_code: string, address: string, address_en: string, phone: string, email: string, 
/**
 * Sells through a platform that KCS treats as a platform-based seller (플랫폼 기반 판매자).
 */
platform_based: boolean, 
/**
 * The platforms, e.g. "Shopify, Qoo10".
 */
platforms: string, };

export type Seller = { id: number, name: string, name_en: string, representative: string, business_no: BusinessNo, 
/**
 * May be empty until the seller has one; declarations ask for it.
 */
customs_code: CustomsCode | null, address: string, address_en: string, phone: string, email: string, platform_based: boolean, platforms: string, };

export type BuyerDraft = { name: string, country: string, address: string, email: string, phone: string, };

export type Buyer = { id: number, name: string, country: Country, address: string, email: string, phone: string, };

export type ProductDraft = { sku: string, name_ko: string, name_en: string, hs_code: string, unit: string, net_weight_kg: string, origin_country: string, brand: string, model_spec: string, 
/**
 * Needs a permit that customs checks at export (세관장확인대상).
 */
needs_permit: boolean, };

export type Product = { id: number, sku: string, name_ko: string, name_en: string, hs_code: HsCode | null, unit: string, net_weight_kg: string | null, origin_country: Country | null, brand: string, model_spec: string, needs_permit: boolean, };

export type OrderLineDraft = { 
/**
 * The catalogue product, when known.
 */
product_id: number | null, sku: string, description: string, quantity: string, unit_price: string, };

export type OrderDraft = { marketplace: string, order_no: string, buyer_id: number | null, order_date: string, currency: string, shipping_fee: string, incoterm: string, destination_country: string, lines: Array<OrderLineDraft>, };

export type OrderLine = { line_no: number, product_id: number | null, sku: string, description: string, quantity: string, unit_price: string, 
/**
 * quantity × unit price, rounded to the currency's minor unit.
 */
amount: string, };

export type Order = { id: number, marketplace: string, order_no: string, buyer_id: number | null, order_date: string, currency: Currency, shipping_fee: string, incoterm: Incoterm, destination_country: Country, lines: Array<OrderLine>, 
/**
 * Sum of the line amounts (goods only; the shipping fee is separate).
 */
goods_total: string, };

export type ProductRow = { product: Product, order_lines: number, };

export type OrderRow = { id: number, marketplace: string, order_no: string, order_date: string, buyer_name: string | null, destination_country: string, currency: string, incoterm: string, goods_total: string, shipping_fee: string, line_count: number, };

export type OrderFilter = { 
/**
 * Matches order number, marketplace, buyer name, SKU or product description.
 */
search: string | null, marketplace: string | null, destination_country: string | null, limit: number | null, offset: number | null, };

export type ChangeEntry = { id: number, at: string, entity: string, entity_id: string, action: string, before: string | null, after: string | null, };

export type BackupInfo = { path: string, file_name: string, 
/**
 * When the backup was taken, from its name.
 */
taken_at: string, size_bytes: number, };

export type BackupCheck = { path: string, schema_version: number, orders: number, products: number, };

export type AppStatus = { app_version: string, db_path: string, schema_version: number, today: string, has_seller: boolean, products: number, orders: number, buyers: number, rates: number, changes: number, language: Lang, last_backup: string | null, };

export type CurrencyInfo = { code: string, name_ko: string, name_en: string, };

export type Reference = { countries: Array<CountryInfo>, units: Array<UnitInfo>, currencies: Array<CurrencyInfo>, incoterms: Array<string>, };

export type RulebookView = { date: string, values: Array<RuleValue>, };

export type SampleLoaded = { products: number, buyers: number, orders: number, rates: number, countries: number, };

export type Settings = { language: Lang, 
/**
 * Take a backup automatically once a day when the app starts.
 */
auto_backup: boolean, 
/**
 * How many backups to keep (older ones are deleted).
 */
backup_keep: number, 
/**
 * Backup folder; empty means `backups/` beside the database.
 */
backup_dir: string, };

export type GeneratedDocument = { path: string, bytes: number, };
