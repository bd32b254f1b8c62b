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

export type HsBasis = "code" | "keyword_exact" | "keyword" | "description";

export type HsMatch = { code: string, dotted: string, description_en: string, 
/**
 * Korean keywords attached to this code, if any; those of the row that matched come first.
 */
keywords_ko: Array<string>, keywords_en: Array<string>, 
/**
 * Ranking score, higher is better. Only the order means something.
 */
score: number, 
/**
 * What matched, and so how sure the finder is.
 */
basis: HsBasis, };

export type HskLine = { 
/**
 * Ten digits.
 */
code: string, 
/**
 * `3304.99-1000`.
 */
dotted: string, name_ko: string, name_en: string, 
/**
 * From the heading down to the code, in Korean. The data set has no Korean names for
 * headings and subheadings, so the path starts with the KCS's group of goods.
 */
path_ko: Array<string>, 
/**
 * From the heading down to the code, in English (heading and subheading names from HS
 * 2022).
 */
path_en: Array<string>, 
/**
 * The quantity unit to declare besides the weight, if the code has one.
 */
qty_unit: string | null, valid_from: string, valid_to: string, };

export type HskValidity = { "kind": "valid" } | { "kind": "after_edition", edition_end: string, } | { "kind": "not_yet", from: string, } | { "kind": "ended", to: string, };

export type HsConfidence = "weak" | "strong" | "exact";

export type HskChoice = { code: string, dotted: string, 
/**
 * The names below the subheading that set this code apart (its groupings and own name).
 */
label_ko: string, label_en: string, };

export type HsPrecedent = { 
/**
 * The code customs gave the goods.
 */
code: string, 
/**
 * How the goods were described in the case.
 */
description: string, };

export type HsSuggestion = { line: HskLine, confidence: HsConfidence, 
/**
 * How the subheading was found (keyword, description words, code).
 */
basis: HsBasis, 
/**
 * The shop's own products already given this code whose names are like the query.
 */
own_products: Array<string>, 
/**
 * ExportDesk keywords of the subheading, if any (those that matched first).
 */
keywords_ko: Array<string>, keywords_en: Array<string>, 
/**
 * Published classification cases of goods described like the query, under this
 * subheading (best first): evidence the seller can read.
 */
precedents: Array<HsPrecedent>, 
/**
 * Every code of the subheading, this one included, in the finder's order: the choice the
 * seller makes when the words cannot tell.
 */
choices: Array<HskChoice>, 
/**
 * The subheadings of the same heading (this one included), when there are several: the
 * question one level up — material, use, retail packing, set — with the HS 2022 names that
 * tell them apart. `code` and `dotted` are six digits.
 */
subheadings: Array<HskChoice>, };

export type HsCodeInfo = { 
/**
 * The code as typed, digits only.
 */
code: string, 
/**
 * The date it was judged for (a declaration's date, or today).
 */
date: string, 
/**
 * The code with its full path, when it is a 10-digit code of the table.
 */
line: HskLine | null, validity: HskValidity | null, 
/**
 * Why the code cannot be used as it is (unknown, ended, not yet valid, too short).
 */
problem: Problem | null, 
/**
 * For a 6-digit subheading (or a code the table does not know): its 10-digit codes to
 * choose from.
 */
choices: Array<HskChoice>, 
/**
 * The English name of the subheading, when known.
 */
subheading_en: string | null, 
/**
 * The last day of the newest tariff edition the app has.
 */
edition_end: string, };

export type RuleValue = { file: string, key: string, title_ko: string, title_en: string, 
/**
 * `None` when no version is in force on the date asked.
 */
value: string | null, effective_from: string | null, source: string | null, verified: boolean | null, note: string | null, 
/**
 * Every version, oldest first: the rule's history (one entry when it never changed).
 */
history: Array<RuleVersion>, };

export type RuleVersion = { value: string, effective_from: string, source: string, verified: boolean, note: string | null, };

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
product_id: number | null, sku: string, description: string, quantity: string, 
/**
 * Unit price before any discount.
 */
unit_price: string, 
/**
 * The line's own discount, for the whole line (not per unit); empty = none.
 */
discount: string, };

export type OrderDraft = { marketplace: string, order_no: string, buyer_id: number | null, order_date: string, currency: string, shipping_fee: string, incoterm: string, destination_country: string, lines: Array<OrderLineDraft>, 
/**
 * A discount on the whole order (coupon, voucher), split over the lines pro rata; empty = none.
 */
order_discount: string, 
/**
 * Whether the buyer paid the shipping fee on top of the line prices (a marketplace's
 * shipping charge) — `None` when not known (the declaration then asks).
 */
shipping_separate: boolean | null, };

export type OrderLine = { line_no: number, product_id: number | null, sku: string, description: string, quantity: string, 
/**
 * Unit price before any discount.
 */
unit_price: string, 
/**
 * Every discount on the line: its own and its share of the order's.
 */
discount: string, 
/**
 * What the buyer paid for the line's goods: quantity × unit price, rounded to the currency's
 * minor unit, less the discount.
 */
amount: string, };

export type Order = { id: number, marketplace: string, order_no: string, buyer_id: number | null, order_date: string, currency: Currency, shipping_fee: string, incoterm: Incoterm, destination_country: Country, lines: Array<OrderLine>, 
/**
 * Sum of the line amounts: the goods after every discount (the shipping fee is apart).
 */
goods_total: string, 
/**
 * Whether the buyer paid the shipping fee on top of the goods; `None` = not known.
 */
shipping_separate: boolean | null, };

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

export type PaperRow = { id: number, 
/**
 * `declaration_worksheet`.
 */
kind: string, declaration_id: number, declaration_no: string | null, path: string, made_at: string, 
/**
 * The declaration's state when the paper was made.
 */
state_then: string, 
/**
 * The declaration's state now.
 */
state_now: string, 
/**
 * The declaration changed after the paper was made (state or fields).
 */
outdated: boolean, };

export type AppStatus = { app_version: string, db_path: string, schema_version: number, today: string, has_seller: boolean, products: number, orders: number, buyers: number, rates: number, changes: number, language: Lang, last_backup: string | null, 
/**
 * The folder whose rulebook files replace the bundled ones.
 */
rulebook_dir: string, 
/**
 * Rulebook files taken from that folder (empty: all bundled).
 */
rulebook_overrides: Array<string>, };

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
backup_dir: string, 
/**
 * On start, a desktop notification lists the deadlines due within this many days.
 */
reminder_days: number, 
/**
 * Volumetric weight divisor for cartons (cm³ per kg): 5000 for most express couriers.
 */
volumetric_divisor: number, 
/**
 * Approved-exporter authorisation number (원산지인증수출자 인증번호), printed in the invoice origin
 * declaration for the EU and the UK; empty when the exporter is not approved.
 */
approved_exporter_no: string, };

export type GeneratedDocument = { path: string, bytes: number, };

export type SkippedDay = { date: string, reason_ko: string, reason_en: string, };

export type DueDate = { 
/**
 * Where the period ends by counting alone.
 */
raw: string, 
/**
 * The deadline after moving past non-working days.
 */
due: string, 
/**
 * The days skipped, in order.
 */
skipped: Array<SkippedDay>, 
/**
 * Years the holiday table does not cover (only weekends were considered there).
 */
uncovered_years: Array<number>, 
/**
 * Years whose holidays are in the table but not confirmed by the official calendar notice
 * (computed ahead of it: temporary holidays and special elections cannot be known yet).
 */
unconfirmed_years: Array<number>, };

export type Step = { ko: string, en: string, };

export type RuleUsed = { key: string, title_ko: string, title_en: string, value: string, effective_from: string, source: string, verified: boolean, };

export type DeadlineKind = "loading" | "final_price" | "reimport";

export type Deadline = { kind: DeadlineKind, 
/**
 * The date the period counts from.
 */
from: string, date: DueDate, steps: Array<Step>, rules: Array<RuleUsed>, };

export type PenaltyEstimate = { violation_count: number, before_reduction_krw: string, reduction_percent: string, after_reduction_krw: string, 
/**
 * Always true: the schedule is not verified; this is an estimate.
 */
estimate: boolean, steps: Array<Step>, rules: Array<RuleUsed>, };

export type ValueLine = { amount: string, 
/**
 * The product needs a permit that customs checks (세관장확인대상).
 */
needs_permit: boolean, };

export type FobLine = { amount: string, 
/**
 * Share of freight and insurance taken out of this line.
 */
deduction: string, fob: string, fob_krw: string, };

export type FobValue = { currency: Currency, incoterm: Incoterm, invoice_total: string, deduction: string, fob_total: string, 
/**
 * Won per unit of the currency (the week's customs rate; 1 for KRW).
 */
rate: string, fob_krw: string, lines: Array<FobLine>, steps: Array<Step>, rules: Array<RuleUsed>, };

export type DeclarationKind = "simplified" | "regular";

export type KindFacts = { 
/**
 * Lines (1-based) whose product needs a customs-checked permit.
 */
permit_lines: Array<number>, 
/**
 * A non-conforming goods case (e.g. goods returned for not matching the contract).
 */
non_conforming: boolean, 
/**
 * A conditional re-export (goods temporarily imported on condition of re-export).
 */
conditional_reexport: boolean, };

export type KindVerdict = { kind: DeclarationKind, 
/**
 * The carrier may clear it on its list (목록통관) instead.
 */
list_clearance_possible: boolean, 
/**
 * The reason in one sentence.
 */
reason_ko: string, reason_en: string, steps: Array<Step>, rules: Array<RuleUsed>, };

export type DeclarationState = "draft" | "filed" | "accepted" | "loaded" | "cancelled";

export type DeclarationLine = { line_no: number, order_id: number, order_line_no: number, product_id: number | null, 
/**
 * HSK, 10 digits.
 */
hs_code: string | null, 
/**
 * 품명 (Korean)
 */
name_ko: string, 
/**
 * 거래품명 (the trade name, English)
 */
name_en: string, brand: string, model_spec: string, quantity: string, unit: string, 
/**
 * Net weight of the whole line in kg.
 */
net_weight_kg: string | null, origin_country: string | null, needs_permit: boolean, 
/**
 * What the buyer paid for the line's goods (after discounts): the invoice amount.
 */
amount: string, 
/**
 * The discounts the line's price had (for the invoice: price, discount, amount).
 */
discount: string, deduction: string, fob: string, fob_krw: string, };

export type LoadingExtension = { requested_on: string, new_date: string, 
/**
 * The new deadline after moving past non-working days.
 */
due: string, reason: string, };

export type Declaration = { id: number, state: DeclarationState, 
/**
 * The declaration date: the rules in force on it judge the declaration.
 */
declared_on: string, order_ids: Array<number>, 
/**
 * Marketplace order numbers, for the e-commerce fields.
 */
order_numbers: Array<string>, buyer_id: number | null, buyer_name: string, buyer_country: string, destination_country: string, currency: Currency, incoterm: Incoterm, freight_insurance: string, 
/**
 * "orders" when taken from the orders' shipping fees, "entered" when typed by the user.
 */
freight_source: string, 
/**
 * Whether the buyer paid the freight on top of the line amounts (then it is not taken out to
 * reach FOB); `None` = not known, asked on the declaration.
 */
freight_separate: boolean | null, rate: string, invoice_total: string, fob_total: string, fob_krw: string, kind: DeclarationKind, kind_reason_ko: string, kind_reason_en: string, list_clearance_possible: boolean, non_conforming: boolean, conditional_reexport: boolean, 
/**
 * 운송수단: air, sea, post, courier.
 */
transport_mode: string, 
/**
 * 적재항 (e.g. ICN, PUS).
 */
loading_port: string, 
/**
 * 특송업체부호 (courier code), on e-commerce declarations since 2022.
 */
courier_code: string, declaration_no: string | null, filed_on: string | null, accepted_on: string | null, 
/**
 * The loading deadline in force (after extensions), while it runs or after it closed.
 */
loading_raw: string | null, loading_due: string | null, extensions: Array<LoadingExtension>, loaded_on: string | null, bl_awb: string, carrier: string, 
/**
 * 잠정가격신고: the price is provisional until the final price is declared.
 */
provisional: boolean, confirmed_paid_on: string | null, final_price_raw: string | null, final_price_due: string | null, final_fob_krw: string | null, final_filed_on: string | null, cancelled_on: string | null, cancel_reason: string, lines: Array<DeclarationLine>, };

export type FieldIssue = { 
/**
 * The field key (`exporter.customs_code`, `line.hs_code`).
 */
field: string, 
/**
 * 1-based line (란) for line fields.
 */
line: number | null, 
/**
 * The product to open for line fields.
 */
product_id: number | null, label_ko: string, label_en: string, 
/**
 * Where to fix it, in words.
 */
fix_ko: string, fix_en: string, 
/**
 * The screen that fixes it: `settings`, `products`, `orders` or `declaration`.
 */
screen: string, };

export type Exporter = { name: string, business_no: string, customs_code: string, representative: string, address: string, };

export type DeclarationRow = { id: number, state: DeclarationState, kind: DeclarationKind, declared_on: string, declaration_no: string | null, buyer_name: string, destination_country: string, currency: string, fob_krw: string, loading_due: string | null, orders: number, };

export type DeclarationFilter = { state: DeclarationState | null, 
/**
 * Matches declaration number, buyer or order number.
 */
search: string | null, limit: number | null, };

export type DeadlineRow = { declaration_id: number, 
/**
 * "loading" or "final_price".
 */
kind: string, due: string, raw: string | null, declaration_no: string | null, buyer_name: string, destination_country: string, fob_krw: string, extended: boolean, };

export type DashboardCounts = { overdue: number, within_3_days: number, within_7_days: number, later: number, };

export type MonthTotal = { 
/**
 * `YYYY-MM`
 */
month: string, declarations: number, fob_krw: string, };

export type DraftRequest = { order_ids: Array<number>, 
/**
 * Declaration date; today when empty.
 */
declared_on: string | null, 
/**
 * Freight and insurance to take out for C/D terms; the orders' shipping fees when empty.
 */
freight_insurance: string | null, non_conforming: boolean, conditional_reexport: boolean, };

export type DraftEdit = { declared_on: string | null, freight_insurance: string | null, non_conforming: boolean | null, conditional_reexport: boolean | null, transport_mode: string | null, loading_port: string | null, courier_code: string | null, 
/**
 * The answer to "did the buyer pay shipping on top of the goods?".
 */
freight_separate: boolean | null, };

export type GroupProposal = { buyer_name: string, destination_country: string, currency: string, incoterm: string, order_ids: Array<number>, order_numbers: Array<string>, goods_total: string, };

export type DocumentsAdvice = { platform_based: boolean, 
/**
 * Exempt from submitting (platform-based sellers, rules in force on the declaration date).
 */
exempt: Array<string>, keep_ready: Array<string>, verified: boolean, };

export type DeclarationView = { declaration: Declaration, exporter: Exporter, fob: FobValue, kind: KindVerdict, missing: Array<FieldIssue>, documents: DocumentsAdvice, loading: Deadline | null, final_price: Deadline | null, 
/**
 * When the loading deadline has passed without loading.
 */
penalty: PenaltyEstimate | null, 
/**
 * Warnings that do not block (an unusual declaration number).
 */
warnings: Array<Problem>, 
/**
 * The transaction type code (거래구분) of an e-commerce simplified declaration, from the
 * rulebook in force on the declaration date; `None` for a regular declaration.
 */
transaction_type: RuleUsed | null, };

export type Dashboard = { today: string, counts: DashboardCounts, items: Array<DashboardItem>, months: Array<MonthTotal>, guide: Array<GuideStep>, 
/**
 * Supplier origin declarations that BOMs rely on and that have ended or end within the
 * reminder window (at least 30 days): an ended one makes its materials non-originating.
 */
expiring_declarations: Array<ExpiringDeclaration>, 
/**
 * The 2-year re-import windows of returns whose duty-free claim is still open.
 */
reimport_deadlines: Array<ReimportDeadline>, };

export type DashboardItem = { deadline: DeadlineRow, 
/**
 * overdue, soon (≤ 3 days), week (≤ 7 days), later.
 */
urgency: string, days_left: number, next_step_ko: string, next_step_en: string, 
/**
 * What the button does: `record_loading` or `record_final_price`.
 */
action: string, };

export type GuideStep = { id: string, done: boolean, title_ko: string, title_en: string, 
/**
 * The screen where it is done.
 */
screen: string, };

export type GuideField = { 
/**
 * Stable id: `exporter.customs_code`, `transport_mode`, `line.1.hs_code`.
 */
key: string, 
/**
 * The field's name on the UNI-PASS declaration.
 */
label_ko: string, label_en: string, 
/**
 * Exactly what to type (or, for a list, what to choose); empty when the app does not know it.
 */
value: string, 
/**
 * What the field is and how to fill it; when `missing`, also where to find the value.
 */
note_ko: string, note_en: string, 
/**
 * The value is empty or unknown and the declaration needs it.
 */
missing: boolean, 
/**
 * The form that changes the value: `settings`, `declaration_edit`, `product:<id>`,
 * `order:<id>` or `rates`. `None` when nothing in the app changes it (or the declaration is
 * no longer a draft).
 */
fix: string | null, };

export type GuideSection = { title_ko: string, title_en: string, 
/**
 * The line (란) for a line section; `None` for the header groups.
 */
line_no: number | null, fields: Array<GuideField>, };

export type UnipassGuide = { declaration_id: number, kind: DeclarationKind, 
/**
 * In the order of the UNI-PASS screen: header groups first, then one section per line (란).
 */
sections: Array<GuideSection>, 
/**
 * What the guide cannot promise (order, code lists) and what the app does not know.
 */
notes_ko: Array<string>, notes_en: Array<string>, };

export type Encoding = "utf8" | "utf8-bom" | "cp949" | "shift-jis" | "utf16-le" | "utf16-be" | "windows1252";

export type FileFormat = { "kind": "csv", 
/**
 * The delimiter that was found.
 */
delimiter: Delimiter, } | { "kind": "spreadsheet", 
/**
 * `xlsx`, `xls`, `xlsb` or `ods`.
 */
workbook: string, 
/**
 * The sheet that was read.
 */
sheet: string, };

export type Delimiter = "comma" | "semicolon" | "tab";

export type Field = "order_no" | "order_date" | "buyer_name" | "buyer_email" | "buyer_phone" | "buyer_address" | "buyer_country" | "currency" | "sku" | "description" | "quantity" | "unit_price" | "line_amount" | "shipping_fee" | "incoterm" | "destination_country" | "line_discount" | "order_discount" | "status" | "cancelled" | "refunded" | "returned_quantity";

export type DateOrder = "ymd" | "mdy" | "dmy";

export type DecimalStyle = "point" | "comma";

export type ShippingRule = "first_line" | "sum";

export type ColumnMap = { 
/**
 * The field the column feeds.
 */
field: Field, 
/**
 * Accepted header names, most preferred first. The first one present is read; for
 * [`Field::BuyerAddress`] every present one is read and the parts are joined.
 */
headers: Array<string>, 
/**
 * The profile does not fit a file without this column.
 */
required: boolean, 
/**
 * The decimal separator of this column when it differs from the profile's.
 */
decimal: DecimalStyle | null, };

export type Profile = { 
/**
 * Stable name, e.g. `shopify`; the CLI's `--profile` value.
 */
name: string, 
/**
 * What the user sees, e.g. `Shopify — orders export`.
 */
title: string, 
/**
 * The marketplace the orders are recorded under (part of the order's identity).
 */
marketplace: string, 
/**
 * Which headers feed which field.
 */
columns: Array<ColumnMap>, 
/**
 * Headers that must be present for auto-detection, without being read.
 */
signature: Array<string>, 
/**
 * How numeric dates order day and month.
 */
date_order: DateOrder, 
/**
 * The decimal separator of amounts.
 */
decimal: DecimalStyle, 
/**
 * How the shipping fee of a multi-line order is printed.
 */
shipping: ShippingRule, 
/**
 * Incoterm of every order (marketplace exports never carry one).
 */
default_incoterm: string, 
/**
 * Currency when the file names none (no column, no symbol, no code in a header).
 */
default_currency: string | null, 
/**
 * Destination when the file names none.
 */
default_country: string | null, 
/**
 * Whether the marketplace charges the shipping fee on top of the line prices (every
 * built-in one does); `None` for a hand-made mapping, so that the declaration asks.
 */
shipping_separate: boolean | null, };

export type MappingSuggestion = { 
/**
 * The field the column would feed.
 */
field: Field, 
/**
 * The header name as it is in the file.
 */
column: string, 
/**
 * 0–100: 95 for a name that means exactly this field, lower for a looser match.
 */
confidence: number, };

export type Missing = { 
/**
 * Fields without a column.
 */
fields: Array<Field>, 
/**
 * The header names that were looked for and not found.
 */
headers: Array<string>, };

export type PreviewRow = { 
/**
 * 1-based file row.
 */
row: number, 
/**
 * The row's cells, as many as the header has (or more).
 */
cells: Array<string>, };

export type MappingRequest = { 
/**
 * The text encoding, for delimited text.
 */
encoding: Encoding | null, 
/**
 * What kind of file it is.
 */
format: FileFormat, 
/**
 * Row number of the header row.
 */
header_row: number, 
/**
 * The header names, as in the file.
 */
headers: Array<string>, 
/**
 * The first rows under the header.
 */
preview: Array<PreviewRow>, 
/**
 * A column for each field the header names suggest.
 */
suggestions: Array<MappingSuggestion>, 
/**
 * The profile that was asked for and does not fit, if one was.
 */
profile: string | null, 
/**
 * What the asked-for profile lacks, or the essential fields no header suggests.
 */
missing: Missing, 
/**
 * Why the mapping screen is needed, to show above it.
 */
problem: Problem, };

export type RowProblem = { 
/**
 * 1-based file row, as a spreadsheet shows it.
 */
row: number, 
/**
 * The header of the column, when the problem is in one cell.
 */
column: string | null, 
/**
 * The cell's value as read (empty when the value is missing).
 */
value: string, 
/**
 * What is wrong and how to fix it, in Korean and English.
 */
problem: Problem, };

export type ExistingOrders = "skip" | "update";

export type NewProduct = { sku: string, 
/**
 * The product name; the file's description when empty.
 */
name: string, 
/**
 * The HS code chosen with the finder; may be left empty and added later.
 */
hs_code: string, 
/**
 * Net weight of one unit in kg; may be left empty and added later.
 */
net_weight_kg: string, 
/**
 * Country of origin (ISO code); the summary offers KR, which the seller may change.
 */
origin_country: string, };

export type ImportRequest = { 
/**
 * The file's name, for the summary, the change log and the problems CSV.
 */
file_name: string, 
/**
 * A built-in or saved profile by name; detected from the headers when empty.
 */
profile: string | null, 
/**
 * A mapping made on the column-mapping screen; wins over `profile`.
 */
mapping: Profile | null, 
/**
 * Read delimited text with this encoding instead of detecting it.
 */
encoding: Encoding | null, 
/**
 * The workbook sheet to read (the first when empty).
 */
sheet: string | null, 
/**
 * Orders already recorded: skip (default) or update.
 */
existing: ExistingOrders, 
/**
 * SKUs to add to the catalogue on commit.
 */
new_products: Array<NewProduct>, 
/**
 * Weekly customs rates typed or pasted on the summary, stored with the orders.
 */
rates: Array<RateDraft>, 
/**
 * The currency of orders the file names none for, chosen once on the summary.
 */
currency: string | null, };

export type ImportOrderRow = { order_no: string, order_date: string, buyer: string, destination_country: string, currency: string, 
/**
 * The goods after every discount: what the buyer paid for them.
 */
goods_total: string, 
/**
 * The goods before discounts, when a discount applies (else empty).
 */
goods_before_discount: string, 
/**
 * The shipping fee of the order.
 */
shipping_fee: string, 
/**
 * Whether the buyer paid the shipping on top of the goods (`None` = not known).
 */
shipping_separate: boolean | null, lines: number, 
/**
 * The order's first file row.
 */
row: number, };

export type SkippedOrderRow = { order_no: string, 
/**
 * The order's first file row.
 */
row: number, 
/**
 * Cancelled, refunded or unpaid.
 */
kind: StatusKind, 
/**
 * The status as the file writes it.
 */
status: string, 
/**
 * The order as already recorded, if it is: it is flagged, never changed by the import.
 */
recorded_id: number | null, 
/**
 * The declaration the recorded order is on: cancel the declaration or record a return.
 */
declaration_id: number | null, };

export type StatusKind = "stands" | "partly_refunded" | "cancelled" | "refunded" | "unpaid";

export type ExistingOrder = { order: ImportOrderRow, id: number, 
/**
 * The file's version differs from the recorded one.
 */
differs: boolean, 
/**
 * The declaration the recorded order is on; such an order is never updated.
 */
declaration_id: number | null, };

export type UnknownProduct = { 
/**
 * Empty when the file gives only a description; such a line stays without a product.
 */
sku: string, description: string, 
/**
 * Orders of the file with this product.
 */
orders: number, 
/**
 * Units of it in the file.
 */
quantity: string, 
/**
 * The first file row with it.
 */
row: number, 
/**
 * HS codes the finder suggests from the description.
 */
suggestions: Array<HsSuggestion>, };

export type ImportPreview = { file_name: string, encoding: Encoding | null, format: FileFormat, profile: Profile, rows_read: number, orders_total: number, new_count: number, 
/**
 * The first new orders (up to [`LISTED`]).
 */
new_orders: Array<ImportOrderRow>, existing_count: number, existing_differ: number, existing_declared: number, 
/**
 * The first orders already recorded (up to [`LISTED`]), changed ones first.
 */
existing: Array<ExistingOrder>, problem_count: number, 
/**
 * The first problems (up to [`LISTED`]); the problems CSV has them all.
 */
row_problems: Array<RowProblem>, warning_count: number, warnings: Array<RowProblem>, 
/**
 * Orders the file says were cancelled, refunded or not paid: not imported.
 */
skipped_count: number, 
/**
 * The first of them (up to [`LISTED`]), those already recorded first.
 */
skipped: Array<SkippedOrderRow>, unknown_products: Array<UnknownProduct>, 
/**
 * The foreign currencies of the new orders with this week's customs rate, if recorded.
 */
rates_needed: Array<RateNeed>, buyers_new: number, buyers_matched: number, 
/**
 * Whether the file can be committed (no problems).
 */
can_commit: boolean, };

export type ImportCheck = { "kind": "ready", preview: ImportPreview, } | { "kind": "needs_mapping", request: MappingRequest, };

export type ImportResult = { file_name: string, profile: string, created: number, updated: number, 
/**
 * Recorded orders left alone because the user chose to skip them.
 */
skipped: number, 
/**
 * Recorded orders the file has unchanged.
 */
unchanged: number, 
/**
 * Recorded orders on a declaration, kept as declared.
 */
kept_declared: number, buyers_created: number, products_created: number, 
/**
 * Weekly customs rates entered on the summary and stored with the orders.
 */
rates_saved: number, };

export type ImportProfileInfo = { profile: Profile, builtin: boolean, };

export type ImportProgress = { phase: string, done: number, total: number, };

export type RateNeed = { currency: string, 
/**
 * Sunday to Saturday of the week.
 */
week_start: string, week_end: string, 
/**
 * The recorded rate (won per one unit), when there is one.
 */
recorded: WeeklyRate | null, 
/**
 * Orders of the file in this currency.
 */
orders: number, };

export type PackLine = { declaration_id: number, line_no: number, 
/**
 * The declaration number once accepted, else empty (for messages and documents).
 */
declaration_no: string, order_no: string, sku: string, description: string, quantity: string, unit: string, 
/**
 * Net weight of the whole declared line, if known.
 */
net_weight_kg: string | null, };

export type CartonItemDraft = { declaration_id: number, line_no: number, quantity: string, };

export type CartonDraft = { length_cm: string, width_cm: string, height_cm: string, gross_kg: string, items: Array<CartonItemDraft>, };

export type CartonItem = { declaration_id: number, line_no: number, quantity: string, };

export type Carton = { no: number, length_cm: string, width_cm: string, height_cm: string, gross_kg: string, items: Array<CartonItem>, };

export type LinePacking = { declaration_id: number, line_no: number, declared: string, packed: string, 
/**
 * The cartons it is in.
 */
cartons: Array<number>, };

export type CartonFigures = { no: number, 
/**
 * Net weight of its contents; `None` when a line in it has no net weight.
 */
net_kg: string | null, volume_m3: string, volumetric_kg: string, chargeable_kg: string, units: string, };

export type PackingCheck = { cartons: Array<CartonFigures>, lines: Array<LinePacking>, gross_kg: string, 
/**
 * Total net weight; `None` when any carton's net is unknown.
 */
net_kg: string | null, volume_m3: string, volumetric_kg: string, 
/**
 * Σ per carton of max(gross, volumetric).
 */
chargeable_kg: string, divisor: number, 
/**
 * Problems that must be fixed before the shipment can be loaded.
 */
problems: Array<Problem>, 
/**
 * Things to know that do not stop loading.
 */
warnings: Array<Problem>, };

export type ShipmentState = "packing" | "loaded";

export type Shipment = { id: number, 
/**
 * The user's reference (e.g. `SHP-2026-11-27-1`), printed on every paper.
 */
reference: string, state: ShipmentState, created_on: string, declaration_ids: Array<number>, 
/**
 * The consignee printed on the invoice, packing list and marks (the buyer's by default, or
 * the overseas warehouse's).
 */
consignee_name: string, consignee_address: string, destination_country: string, 
/**
 * Volumetric divisor used for this shipment (cm³ per kg).
 */
volumetric_divisor: number, cartons: Array<Carton>, loaded_on: string | null, carrier: string, bl_awb: string, tracking_numbers: Array<string>, note: string, };

export type AutoPackRequest = { length_cm: string, width_cm: string, height_cm: string, 
/**
 * The most a carton may weigh, packed (courier limit or what one person can lift).
 */
max_gross_kg: string, 
/**
 * The empty carton's weight.
 */
tare_kg: string, 
/**
 * Volume of one packed unit per line (cm³), when known: `declaration_id`, `line_no`, value.
 */
unit_volumes: Array<CartonItemDraft>, 
/**
 * Share of the carton's volume usable for goods (default 0.85: padding and gaps).
 */
fill_ratio: string, };

export type ShipmentRow = { id: number, reference: string, state: ShipmentState, created_on: string, consignee_name: string, destination_country: string, declarations: number, cartons: number, loaded_on: string | null, bl_awb: string, };

export type ShipmentRequest = { declaration_ids: Array<number>, 
/**
 * Orders whose declarations go in (each must be on a declaration).
 */
order_ids: Array<number>, 
/**
 * The shipment's reference; `SHP-YYYYMMDD-N` when empty.
 */
reference: string, 
/**
 * The consignee; the first declaration's buyer when empty.
 */
consignee_name: string, consignee_address: string, note: string, };

export type ShipmentEdit = { reference: string | null, consignee_name: string | null, consignee_address: string | null, note: string | null, 
/**
 * The new set of declarations (cartons keep only items of lines still in the shipment).
 */
declaration_ids: Array<number> | null, };

export type ShipmentLoading = { loaded_on: string, carrier: string, bl_awb: string, tracking_numbers: Array<string>, };

export type ShipmentDeclaration = { id: number, declaration_no: string | null, state: DeclarationState, buyer_name: string, destination_country: string, order_numbers: Array<string>, loading_due: string | null, loaded_on: string | null, };

export type ShipmentView = { shipment: Shipment, declarations: Array<ShipmentDeclaration>, lines: Array<PackLine>, check: PackingCheck, 
/**
 * Mixed destinations or consignees, and why that matters.
 */
warnings: Array<Problem>, 
/**
 * What stops loading now (packing problems, declarations not accepted).
 */
load_blockers: Array<Problem>, can_load: boolean, };

export type SupplierDeclarationDraft = { supplier: string, 
/**
 * Which materials it covers (names, HS codes), as the paper says.
 */
materials: string, valid_from: string, valid_until: string, 
/**
 * Where the paper is kept (file name, folder, binder).
 */
file_reference: string, note: string, };

export type SupplierDeclaration = { id: number, supplier: string, materials: string, valid_from: string, valid_until: string, file_reference: string, note: string, };

export type BomOrigin = { "kind": "country", country: string, } | { "kind": "declared", supplier_declaration_id: number, } | { "kind": "unknown" };

export type BomLineDraft = { description: string, hs_code: string, 
/**
 * The material's country of origin; empty when a supplier declaration proves it originating,
 * or when unknown.
 */
origin_country: string, 
/**
 * The supplier declaration that makes it originating.
 */
supplier_declaration_id: number | null, quantity: string, unit: string, 
/**
 * Value of one unit of the material.
 */
unit_value: string, 
/**
 * The value's currency; the BOM's when empty.
 */
currency: string, supplier: string, 
/**
 * Weight of the material in one product (kg), for weight-based tolerances.
 */
weight_kg: string, };

export type BomLine = { line_no: number, description: string, hs_code: HsCode, origin: BomOrigin, quantity: string, unit: string, unit_value: string, currency: Currency, supplier: string, weight_kg: string | null, };

export type BomDraft = { currency: string, 
/**
 * Ex-works price of one product.
 */
ex_works_price: string, 
/**
 * FOB price of one product.
 */
fob_price: string, 
/**
 * What is done in Korea (making, assembling, filling, …), in the user's words.
 */
operations: string, 
/**
 * Only minimal operations (packing, labelling, simple mixing or assembly, making up sets)
 * are done in Korea; `None` until the user answers.
 */
only_minimal_operations: boolean | null, lines: Array<BomLineDraft>, };

export type Bom = { product_id: number, currency: Currency, ex_works_price: string | null, fob_price: string | null, operations: string, only_minimal_operations: boolean | null, lines: Array<BomLine>, };

export type BomSummary = { product_id: number, sku: string, name: string, hs_code: string | null, lines: number, updated_at: string, };

export type StoredUserRule = { id: number, fta: string, hs_range: string, rule: string, note: string, updated_at: string, };

export type ExpiringDeclaration = { declaration: SupplierDeclaration, 
/**
 * BOM lines that rely on it.
 */
used_by_lines: number, 
/**
 * Days from today to its last valid day (negative: ended).
 */
days_left: number, };

export type Certification = "agency" | "self" | "either";

export type ValueBasis = "exw" | "fob";

export type RvcMethod = "build-down" | "build-up";

export type MaterialOrigin = { "kind": "non_originating", country: string, } | { "kind": "originating", evidence: string, valid_until: string | null, } | { "kind": "unknown" };

export type OriginMaterial = { description: string, 
/**
 * HS code of the material (2–10 digits; dots and hyphens allowed). Empty when unknown.
 */
hs_code: string, origin: MaterialOrigin, quantity: string, 
/**
 * Value of one unit of the material, in the case currency.
 */
unit_value: string, 
/**
 * Weight of the material used in one unit of the product (for textile de minimis).
 */
weight_kg: string | null, supplier: string, };

export type OriginCase = { product_hs: string, 
/**
 * Catalogue code: `KORUS`, `KR-EU`, `KR-UK`, `RCEP`, `KR-ASEAN`, `KR-CN`, `KR-VN`, `KR-AU`, `KR-CA`.
 */
fta: string, 
/**
 * The date whose rules apply (export date); also the date supplier declarations must cover.
 */
date: string, 
/**
 * ISO 4217 code of every amount in the case.
 */
currency: string, ex_works_price: string | null, fob_price: string | null, 
/**
 * `Some(true)`: the only work done in Korea is a minimal operation (packing, labelling,
 * simple mixing or assembly, sorting, making up sets, …). `None`: not asked yet.
 */
only_minimal_operations: boolean | null, materials: Array<OriginMaterial>, };

export type Verdict = "originating" | "not_originating" | "cannot_decide";

export type Outcome = "passed" | "failed" | "undecidable";

export type MaterialStatus = "originating" | "non_originating" | "expired_declaration" | "unknown";

export type MaterialRow = { 
/**
 * Position in `OriginCase::materials`, from 0.
 */
index: number, description: string, hs_code: string, supplier: string, status: MaterialStatus, 
/**
 * `비원산지 (CN)`, `원산지 (원산지확인서 …, ~2026-12-31)`.
 */
status_ko: string, status_en: string, quantity: string, unit_value: string, 
/**
 * quantity × unit value.
 */
value: string, weight_kg: string | null, };

export type Computation = { label_ko: string, label_en: string, 
/**
 * `(₩100,000 − ₩55,000) ÷ ₩100,000 = 45.00% ≥ 40%`.
 */
formula: string, outcome: Outcome, };

export type FtaSummary = { code: string, name_ko: string, name_en: string, certification: Certification | null, 
/**
 * What the exporter has to do to prove origin, in plain words.
 */
proof_ko: string, proof_en: string, 
/**
 * Any exporter may make an origin declaration on the invoice up to this value (EUR).
 */
low_value_declaration_max_eur: string | null, 
/**
 * The same limit in pounds, where the partner states it so (the UK).
 */
low_value_declaration_max_gbp: string | null, certificate_validity_months: number | null, record_retention_years: number | null, 
/**
 * Every catalogue value used, with source and verification flag.
 */
facts: Array<RuleUsed>, };

export type RuleApplied = { fta: string, 
/**
 * The HS scope as written (`ex 33 (except 3301)`).
 */
scope: string, 
/**
 * The rule as written.
 */
text: string, source: string, verified: boolean, 
/**
 * The user's own rule, not a bundled one.
 */
own_rule: boolean, effective_from: string | null, note: string | null, };

export type AlternativeResult = { 
/**
 * The alternative in canonical rule text.
 */
text: string, outcome: Outcome, steps: Array<Step>, };

export type BreakingMaterial = { index: number, description: string, reason_ko: string, reason_en: string, };

export type EvidenceItem = { index: number, material: string, supplier: string, evidence: string, valid_until: string | null, 
/**
 * Whether it covers the case date.
 */
valid_on_date: boolean, };

export type OriginVerdict = { verdict: Verdict, 
/**
 * One sentence for the top of the screen.
 */
headline_ko: string, headline_en: string, product_hs: string, date: string, currency: string, ex_works_price: string | null, fob_price: string | null, fta: FtaSummary, 
/**
 * `None` when no rule is known for the product under this FTA.
 */
rule: RuleApplied | null, alternatives: Array<AlternativeResult>, 
/**
 * The whole reasoning, in order, for a beginner.
 */
steps: Array<Step>, materials: Array<MaterialRow>, computations: Array<Computation>, 
/**
 * Materials that break the rule (empty when originating).
 */
breaking_materials: Array<BreakingMaterial>, 
/**
 * Data needed to decide (or to keep on file), each saying what to enter.
 */
missing: Problems, 
/**
 * What would make it pass, in plain words with numbers.
 */
suggestions: Array<Step>, evidence: Array<EvidenceItem>, 
/**
 * "Self-assessment; verify before claiming", in both languages.
 */
notice: Step, };

export type FtaComparison = { fta: FtaSummary, verdict: Verdict, rule_text: string | null, detail: OriginVerdict, };

export type UserRule = { fta: string, 
/**
 * `3304`, `3304.99`, `6101-6117` (no `ex` scopes).
 */
hs_range: string, 
/**
 * Rule text in the language of `assets/fta/RULES.md`.
 */
rule: string, 
/**
 * Where the user took it from, or why.
 */
note: string, };

export type FtaInfo = { code: string, name_ko: string, name_en: string, partners: Array<string>, 
/**
 * How many product-specific rules the app ships for it (the user's own not counted).
 */
rules: number, };

export type PsrRuleInfo = { fta: string, scope: string, rule: string, source: string, verified: boolean, own: boolean, 
/**
 * The stored id of a user rule.
 */
id: number | null, note: string, };

export type ReturnReason = "order_cancellation" | "defect" | "wrong_item" | "change_of_mind" | "undeliverable";

export type GoodsCondition = "unused_unaltered" | "repaired" | "processed" | "used_abroad";

export type DrawbackStatus = "none_claimed" | "received" | "repaid" | "waived_in_writing";

export type ClaimState = "draft" | "filed" | "granted" | "denied";

export type ExportedLine = { declaration_id: number, line_no: number, 
/**
 * The declaration's unit (EA, KG, …); pieces must be returned in whole numbers.
 */
unit: string, 
/**
 * Quantity on the export declaration line.
 */
exported: string, 
/**
 * Quantity of this line already on other returns.
 */
returned_by_others: string, };

export type ReturnLineDraft = { declaration_id: number, 
/**
 * The line (란) of the export declaration.
 */
line_no: number, 
/**
 * Units coming back.
 */
quantity: string, 
/**
 * The import duty rate the user looked up (%), for the relief estimate; may stay empty.
 */
duty_rate_percent: string, };

export type ReturnLine = { declaration_id: number, line_no: number, quantity: string, duty_rate_percent: string | null, };

export type ReturnDraft = { order_id: number | null, 
/**
 * The export declaration the goods left on; every line must belong to it.
 */
declaration_id: number, 
/**
 * The day the goods came back to Korea.
 */
return_date: string, reason: string, carrier: string, tracking_no: string, condition: string, drawback_status: string, note: string, lines: Array<ReturnLineDraft>, };

export type ReturnRecord = { id: number, order_id: number | null, declaration_id: number, return_date: string, reason: ReturnReason, carrier: string, tracking_no: string, condition: GoodsCondition, drawback_status: DrawbackStatus, note: string, lines: Array<ReturnLine>, claim_state: ClaimState, 
/**
 * When the claim (with the import declaration) was filed.
 */
filed_on: string | null, 
/**
 * When customs granted or denied it.
 */
decided_on: string | null, 
/**
 * The import declaration (수입신고) number the claim was made on.
 */
import_declaration_no: string | null, };

export type ReimportLineFacts = { 
/**
 * The line (란) of the export declaration.
 */
line_no: number, 
/**
 * Units coming back.
 */
quantity: string, 
/**
 * Units that may still come back: exported − returned on other returns. `None` = unknown.
 */
available: string | null, 
/**
 * Customs value of the returned units in won, for the relief estimate.
 */
value_krw: string | null, 
/**
 * Import duty rate (%) the user entered, for the relief estimate.
 */
duty_rate_percent: string | null, 
/**
 * Value of the returned units in US dollars, for the small-return limit when it applies per
 * item. `None` = unknown.
 */
value_usd: string | null, };

export type ReimportFacts = { 
/**
 * State of the original export declaration.
 */
declaration_state: DeclarationState | null, 
/**
 * The original export declaration number; the import declaration cites it.
 */
declaration_no: string | null, 
/**
 * Acceptance date of the export declaration (수리일); the window counts from it.
 */
accepted_on: string | null, 
/**
 * Loading date (적재일).
 */
loaded_on: string | null, 
/**
 * The day the goods came back to Korea.
 */
return_date: string | null, condition: GoodsCondition | null, drawback_status: DrawbackStatus | null, lines: Array<ReimportLineFacts>, 
/**
 * Value of the returned goods in US dollars, when known (for the simple-list note).
 */
value_usd: string | null, };

export type ReimportOutcome = "eligible" | "not_eligible" | "missing_information";

export type ReimportCondition = "exported" | "window" | "unaltered" | "drawback" | "quantity";

export type CheckStatus = "met" | "not_met" | "unknown";

export type ConditionCheck = { condition: ReimportCondition, status: CheckStatus, label_ko: string, label_en: string, };

export type ReliefLine = { customs_value_krw: string, duty_rate_percent: string, 
/**
 * value × rate, rounded down to the won.
 */
duty_krw: string, 
/**
 * value + duty.
 */
vat_base_krw: string, 
/**
 * VAT base × VAT rate, rounded down to the won (estimate, to confirm).
 */
vat_krw: string, };

export type ReliefEstimate = { lines: Array<ReliefLine>, total_customs_value_krw: string, 
/**
 * Sum of the lines' duty: the duty relief estimate.
 */
duty_relief_krw: string, vat_rate_percent: string, 
/**
 * Sum of the lines' VAT; shown apart from the duty and to be confirmed.
 */
vat_krw: string, 
/**
 * Always true: both figures are estimates.
 */
estimate: boolean, 
/**
 * Always true: whether VAT is payable or also relieved must be confirmed with customs.
 */
vat_to_confirm: boolean, label_ko: string, label_en: string, vat_label_ko: string, vat_label_en: string, steps: Array<Step>, rules: Array<RuleUsed>, };

export type ReimportVerdict = { outcome: ReimportOutcome, 
/**
 * Every condition, met / not met / unknown.
 */
checks: Array<ConditionCheck>, 
/**
 * Why it is not eligible (empty unless `not_eligible`).
 */
not_met: Array<Problem>, 
/**
 * What to enter or check before a verdict can be given (field names are those of
 * [`ReimportFacts`], e.g. `condition`, `lines[0].available`).
 */
missing: Array<Problem>, 
/**
 * The re-import window, when the acceptance date is known.
 */
window: Deadline | null, 
/**
 * The window's last day (a return on it is in time; the day after is late).
 */
window_last_day: string | null, 
/**
 * Set when the return's value in USD is within the simple-list limit.
 */
simple_list_note: Step | null, 
/**
 * The relief estimate, when no condition failed and every line has a value and a rate.
 */
relief: ReliefEstimate | null, 
/**
 * The reasoning, in order, in both languages.
 */
steps: Array<Step>, 
/**
 * Rule values used, with their sources.
 */
rules: Array<RuleUsed>, };

export type ReturnLineView = { line_no: number, description: string, unit: string, exported: string, 
/**
 * Units on this return.
 */
returned: string, 
/**
 * Units that could still come back on this return (exported minus other returns).
 */
available: string, };

export type ReturnView = { ret: ReturnRecord, declaration_no: string | null, accepted_on: string | null, loaded_on: string | null, buyer_name: string, destination_country: string, order_numbers: Array<string>, lines: Array<ReturnLineView>, verdict: ReimportVerdict, };

export type ReturnRow = { id: number, return_date: string, declaration_id: number, declaration_no: string | null, buyer_name: string, reason: ReturnReason, lines: number, units: string, claim_state: ClaimState, outcome: ReimportOutcome, window_last_day: string | null, };

export type ReimportDeadline = { return_id: number, declaration_no: string | null, buyer_name: string, claim_state: ClaimState, window_last_day: string, days_left: number, 
/**
 * Within 30 days of the limit (or past it).
 */
urgent: boolean, };
