//! Orders in from marketplace files: check a file, show what it would do, commit it whole.
//!
//! The import crate reads the file into a plan without touching anything; this module puts the
//! plan beside the database (orders already present, buyers to match, SKUs not in the catalogue)
//! for the summary screen, and commits it in **one transaction**: every order of the file, the
//! buyers and the new catalogue products land together, or — on a problem, a cancel or a kill —
//! nothing does. The file is parsed again at commit, so what is stored is exactly what the file
//! says now; the caller keeps the bytes between the two steps.

use crate::{App, Result};
use chrono::{Duration, NaiveDate};
use exportdesk_import::{
    self as import, builtin_profile, builtin_profiles, Encoding, Field, FileFormat, ImportError,
    ImportPlan, MappingRequest, ParseOptions, PlannedOrder, Profile, RowProblem, StatusKind,
};
use exportdesk_rules::hsk::HsSuggestion;
use exportdesk_rules::rates::{week_start, RateDraft, WeeklyRate};
use exportdesk_rules::records::{Buyer, Order, Product, ProductDraft};
use exportdesk_rules::{Problem, Problems};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use ts_rs::TS;

/// How many orders and problems the summary lists (counts are always complete; the problems CSV
/// has every problem).
pub const LISTED: usize = 200;

/// What to do with an order of the file that is already recorded (same marketplace and order
/// number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExistingOrders {
    /// Keep the recorded order as it is.
    #[default]
    Skip,
    /// Replace the recorded order with the file's version (never one on a declaration).
    Update,
}

/// A SKU of the file to add to the catalogue while importing.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct NewProduct {
    pub sku: String,
    /// The product name; the file's description when empty.
    pub name: String,
    /// The HS code chosen with the finder; may be left empty and added later.
    pub hs_code: String,
    /// Net weight of one unit in kg; may be left empty and added later.
    pub net_weight_kg: String,
    /// Country of origin (ISO code); the summary offers KR, which the seller may change.
    pub origin_country: String,
}

/// How to read a file and what to do with it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ImportRequest {
    /// The file's name, for the summary, the change log and the problems CSV.
    pub file_name: String,
    /// A built-in or saved profile by name; detected from the headers when empty.
    pub profile: Option<String>,
    /// A mapping made on the column-mapping screen; wins over `profile`.
    pub mapping: Option<Profile>,
    /// Read delimited text with this encoding instead of detecting it.
    pub encoding: Option<Encoding>,
    /// The workbook sheet to read (the first when empty).
    pub sheet: Option<String>,
    /// Orders already recorded: skip (default) or update.
    pub existing: ExistingOrders,
    /// SKUs to add to the catalogue on commit.
    pub new_products: Vec<NewProduct>,
    /// Weekly customs rates typed or pasted on the summary, stored with the orders.
    pub rates: Vec<RateDraft>,
    /// The currency of orders the file names none for, chosen once on the summary.
    pub currency: Option<String>,
}

/// One order as the summary lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportOrderRow {
    pub order_no: String,
    pub order_date: String,
    pub buyer: String,
    pub destination_country: String,
    pub currency: String,
    /// The goods after every discount: what the buyer paid for them.
    pub goods_total: String,
    /// The goods before discounts, when a discount applies (else empty).
    pub goods_before_discount: String,
    /// The shipping fee of the order.
    pub shipping_fee: String,
    /// Whether the buyer paid the shipping on top of the goods (`None` = not known).
    pub shipping_separate: Option<bool>,
    pub lines: u32,
    /// The order's first file row.
    pub row: u32,
}

/// An order of the file not imported because of its status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SkippedOrderRow {
    pub order_no: String,
    /// The order's first file row.
    pub row: u32,
    /// Cancelled, refunded or unpaid.
    pub kind: StatusKind,
    /// The status as the file writes it.
    pub status: String,
    /// The order as already recorded, if it is: it is flagged, never changed by the import.
    pub recorded_id: Option<i64>,
    /// The declaration the recorded order is on: cancel the declaration or record a return.
    pub declaration_id: Option<i64>,
}

/// An order of the file that is already recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExistingOrder {
    pub order: ImportOrderRow,
    pub id: i64,
    /// The file's version differs from the recorded one.
    pub differs: bool,
    /// The declaration the recorded order is on; such an order is never updated.
    pub declaration_id: Option<i64>,
}

/// A product of the file that is not in the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UnknownProduct {
    /// Empty when the file gives only a description; such a line stays without a product.
    pub sku: String,
    pub description: String,
    /// Orders of the file with this product.
    pub orders: u32,
    /// Units of it in the file.
    pub quantity: String,
    /// The first file row with it.
    pub row: u32,
    /// HS codes the finder suggests from the description.
    pub suggestions: Vec<HsSuggestion>,
}

/// A currency of the file's new orders and the customs rate of this week (the week a
/// declaration drafted now converts at), recorded or still to enter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RateNeed {
    pub currency: String,
    /// Sunday to Saturday of the week.
    #[ts(type = "string")]
    pub week_start: NaiveDate,
    #[ts(type = "string")]
    pub week_end: NaiveDate,
    /// The recorded rate (won per one unit), when there is one.
    pub recorded: Option<WeeklyRate>,
    /// Orders of the file in this currency.
    pub orders: u32,
}

/// What committing the file would do: the summary shown before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportPreview {
    pub file_name: String,
    pub encoding: Option<Encoding>,
    pub format: FileFormat,
    pub profile: Profile,
    pub rows_read: u32,
    pub orders_total: u32,
    pub new_count: u32,
    /// The first new orders (up to [`LISTED`]).
    pub new_orders: Vec<ImportOrderRow>,
    pub existing_count: u32,
    pub existing_differ: u32,
    pub existing_declared: u32,
    /// The first orders already recorded (up to [`LISTED`]), changed ones first.
    pub existing: Vec<ExistingOrder>,
    pub problem_count: u32,
    /// The first problems (up to [`LISTED`]); the problems CSV has them all.
    pub row_problems: Vec<RowProblem>,
    pub warning_count: u32,
    pub warnings: Vec<RowProblem>,
    /// Orders the file says were cancelled, refunded or not paid: not imported.
    pub skipped_count: u32,
    /// The first of them (up to [`LISTED`]), those already recorded first.
    pub skipped: Vec<SkippedOrderRow>,
    pub unknown_products: Vec<UnknownProduct>,
    /// The foreign currencies of the new orders with this week's customs rate, if recorded.
    pub rates_needed: Vec<RateNeed>,
    pub buyers_new: u32,
    pub buyers_matched: u32,
    /// Whether the file can be committed (no problems).
    pub can_commit: bool,
}

/// The answer to checking a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportCheck {
    /// The file was read; here is what committing it would do.
    Ready { preview: Box<ImportPreview> },
    /// Which column is which must be chosen on the mapping screen.
    NeedsMapping { request: Box<MappingRequest> },
}

/// What a committed import did.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct ImportResult {
    pub file_name: String,
    pub profile: String,
    pub created: u32,
    pub updated: u32,
    /// Recorded orders left alone because the user chose to skip them.
    pub skipped: u32,
    /// Recorded orders the file has unchanged.
    pub unchanged: u32,
    /// Recorded orders on a declaration, kept as declared.
    pub kept_declared: u32,
    pub buyers_created: u32,
    pub products_created: u32,
    /// Weekly customs rates entered on the summary and stored with the orders.
    pub rates_saved: u32,
}

/// A column mapping: built in, or saved by the user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportProfileInfo {
    pub profile: Profile,
    pub builtin: bool,
}

/// Progress of a long import: `phase` is `reading` or `storing`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportProgress {
    pub phase: String,
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
}

fn order_row(p: &PlannedOrder, o: &Order) -> ImportOrderRow {
    ImportOrderRow {
        order_no: o.order_no.clone(),
        order_date: o.order_date.to_string(),
        buyer: p.buyer.as_ref().map(|b| b.name.clone()).unwrap_or_default(),
        destination_country: o.destination_country.code().to_string(),
        currency: o.currency.code().to_string(),
        goods_total: o.goods_total.to_string(),
        goods_before_discount: if o.discount_total().is_zero() {
            String::new()
        } else {
            o.goods_before_discount().to_string()
        },
        shipping_fee: o.shipping_fee.to_string(),
        shipping_separate: o.shipping_separate,
        lines: o.lines.len() as u32,
        row: p.rows.first().copied().unwrap_or(0),
    }
}

/// Whether two versions of an order say the same (ids and catalogue links aside).
fn same_order(a: &Order, b: &Order) -> bool {
    a.order_date == b.order_date
        && a.currency == b.currency
        && a.shipping_fee == b.shipping_fee
        && a.incoterm == b.incoterm
        && a.destination_country == b.destination_country
        && a.goods_total == b.goods_total
        && a.shipping_separate == b.shipping_separate
        && a.lines.len() == b.lines.len()
        && a.lines.iter().zip(&b.lines).all(|(x, y)| {
            x.sku == y.sku
                && x.description == y.description
                && x.quantity == y.quantity
                && x.unit_price == y.unit_price
                && x.discount == y.discount
        })
}

/// The key a file's buyer is matched on: name and country, case and spacing aside.
fn buyer_key(name: &str, country: &str) -> (String, String) {
    (
        name.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase(),
        country.trim().to_uppercase(),
    )
}

/// Recorded buyers by key; a file's buyer matches one with the same key whose e-mail is the same
/// or missing on either side.
struct BuyerIndex(HashMap<(String, String), Vec<(String, i64)>>);

impl BuyerIndex {
    fn new(buyers: &[Buyer]) -> Self {
        let mut map: HashMap<_, Vec<_>> = HashMap::new();
        for b in buyers {
            map.entry(buyer_key(&b.name, b.country.code()))
                .or_default()
                .push((b.email.trim().to_lowercase(), b.id));
        }
        BuyerIndex(map)
    }

    fn find(&self, b: &Buyer) -> Option<i64> {
        let email = b.email.trim().to_lowercase();
        self.0
            .get(&buyer_key(&b.name, b.country.code()))?
            .iter()
            .find(|(e, _)| e.is_empty() || email.is_empty() || *e == email)
            .map(|(_, id)| *id)
    }

    fn add(&mut self, b: &Buyer) {
        self.0
            .entry(buyer_key(&b.name, b.country.code()))
            .or_default()
            .push((b.email.trim().to_lowercase(), b.id));
    }
}

/// The file's buyer of an order, validated (the plan already checked it).
fn planned_buyer(p: &PlannedOrder) -> Option<Buyer> {
    p.buyer.as_ref().and_then(|b| b.validate(0).ok())
}

impl App {
    /// Built-in profiles, then the user's saved ones.
    pub fn import_profiles(&self) -> Result<Vec<ImportProfileInfo>> {
        let mut out: Vec<ImportProfileInfo> = builtin_profiles()
            .into_iter()
            .map(|profile| ImportProfileInfo {
                profile,
                builtin: true,
            })
            .collect();
        for stored in self.store.import_profiles()? {
            match serde_json::from_str::<Profile>(&stored.profile) {
                Ok(profile) => out.push(ImportProfileInfo {
                    profile,
                    builtin: false,
                }),
                Err(e) => {
                    return Err(Problem::new(
                        "import.profile_damaged",
                        format!("저장된 가져오기 형식 '{}'을(를) 읽을 수 없습니다: {e}. 그 형식을 지우고 열 연결을 다시 저장하세요.", stored.name),
                        format!("The saved import profile '{}' cannot be read: {e}. Delete it and save the column mapping again.", stored.name),
                    )
                    .with("name", &stored.name)
                    .into())
                }
            }
        }
        Ok(out)
    }

    /// Save a column mapping under its name for the next file (replacing one of the same name).
    pub fn save_import_profile(&mut self, profile: &Profile) -> Result<Profile> {
        let mut profile = profile.clone();
        profile.name = profile.name.trim().to_string();
        profile.marketplace = profile.marketplace.trim().to_string();
        if profile.title.trim().is_empty() {
            profile.title = profile.name.clone();
        }
        check_profile(&profile)?;
        let json = serde_json::to_string(&profile).expect("profiles serialise");
        self.store.write(self.clock.now(), |w| {
            w.save_import_profile(&profile.name, &profile.marketplace, &json)
        })?;
        Ok(profile)
    }

    pub fn delete_import_profile(&mut self, name: &str) -> Result<()> {
        Ok(self
            .store
            .write(self.clock.now(), |w| w.delete_import_profile(name.trim()))?)
    }

    fn profile_named(&self, name: &str) -> Result<Profile> {
        let name = name.trim();
        if let Some(p) = builtin_profile(name) {
            return Ok(p);
        }
        let all = self.import_profiles()?;
        if let Some(p) = all
            .iter()
            .find(|p| p.profile.name.eq_ignore_ascii_case(name))
        {
            return Ok(p.profile.clone());
        }
        let names: Vec<&str> = all.iter().map(|p| p.profile.name.as_str()).collect();
        let names = names.join(", ");
        Err(Problem::new(
            "import.profile_not_found",
            format!("가져오기 형식 '{name}'이(가) 없습니다. 다음 중에서 고르세요: {names}"),
            format!("There is no import profile '{name}'. Choose one of: {names}"),
        )
        .at("profile")
        .with("name", name)
        .with("choices", names)
        .into())
    }

    fn parse_options(&self, req: &ImportRequest) -> Result<ParseOptions> {
        let profile = match (&req.mapping, &req.profile) {
            (Some(m), _) => {
                check_mapping(m)?;
                Some(m.clone())
            }
            (None, Some(name)) if !name.trim().is_empty() => Some(self.profile_named(name)?),
            _ => None,
        };
        Ok(ParseOptions {
            profile,
            encoding: req.encoding,
            sheet: req.sheet.clone().filter(|s| !s.trim().is_empty()),
            currency: req.currency.clone().filter(|c| !c.trim().is_empty()),
            ..ParseOptions::default()
        })
    }

    fn plan(
        &self,
        bytes: &[u8],
        req: &ImportRequest,
        progress: &mut dyn FnMut(ImportProgress),
        cancel: &AtomicBool,
    ) -> Result<std::result::Result<ImportPlan, Box<MappingRequest>>> {
        let opts = self.parse_options(req)?;
        let mut report = |done, total| {
            progress(ImportProgress {
                phase: "reading".into(),
                done,
                total,
            })
        };
        match import::parse_with(bytes, &opts, &mut report, cancel) {
            Ok(plan) => Ok(Ok(plan)),
            Err(ImportError::NeedsMapping { request }) => Ok(Err(request)),
            Err(e) => Err(e.to_problem().into()),
        }
    }

    /// Read a file and say what committing it would do; nothing is written.
    pub fn import_check(
        &self,
        bytes: &[u8],
        req: &ImportRequest,
        progress: &mut dyn FnMut(ImportProgress),
        cancel: &AtomicBool,
    ) -> Result<ImportCheck> {
        let plan = match self.plan(bytes, req, progress, cancel)? {
            Ok(plan) => plan,
            Err(request) => return Ok(ImportCheck::NeedsMapping { request }),
        };
        Ok(ImportCheck::Ready {
            preview: Box::new(self.preview(req, &plan)?),
        })
    }

    fn preview(&self, req: &ImportRequest, plan: &ImportPlan) -> Result<ImportPreview> {
        let marketplace_ids = self.store.order_ids_of(&plan.profile.marketplace)?;
        let catalogue = self.store.product_ids_by_sku()?;
        let buyers = BuyerIndex::new(&self.store.buyers()?);

        let mut new_orders = Vec::new();
        let mut new_count = 0u32;
        let mut existing = Vec::new();
        let mut new_buyers: HashMap<(String, String), ()> = HashMap::new();
        let mut buyers_matched = 0u32;
        let mut unknown: BTreeMap<(String, String), (u32, Decimal, u32)> = BTreeMap::new();
        let mut currencies: BTreeMap<String, u32> = BTreeMap::new();
        for p in &plan.orders {
            let Some(o) = &p.order else { continue };
            if let Some(b) = planned_buyer(p) {
                if buyers.find(&b).is_some() {
                    buyers_matched += 1;
                } else {
                    new_buyers.insert(buyer_key(&b.name, b.country.code()), ());
                }
            }
            let mut seen_here: Vec<(String, String)> = Vec::new();
            for (i, l) in o.lines.iter().enumerate() {
                if !l.sku.is_empty() && catalogue.contains_key(&l.sku) {
                    continue;
                }
                let key = if l.sku.is_empty() {
                    (String::new(), l.description.clone())
                } else {
                    (l.sku.clone(), String::new())
                };
                let row = p.line_rows.get(i).copied().unwrap_or(0);
                let e = unknown
                    .entry(key.clone())
                    .or_insert((0, Decimal::ZERO, row));
                if !seen_here.contains(&key) {
                    e.0 += 1;
                    seen_here.push(key);
                }
                e.1 += l.quantity;
            }
            match marketplace_ids.get(&o.order_no) {
                Some(&id) => existing.push((p, o, id)),
                None => {
                    *currencies.entry(o.currency.code().to_string()).or_default() += 1;
                    new_count += 1;
                    if new_orders.len() < LISTED {
                        new_orders.push(order_row(p, o));
                    }
                }
            }
        }
        let ids: Vec<i64> = existing.iter().map(|e| e.2).collect();
        let declared: HashMap<i64, i64> = self
            .store
            .orders_already_declared(&ids)?
            .into_iter()
            .collect();
        let mut listed = Vec::with_capacity(existing.len().min(LISTED));
        let (mut differ, mut on_declaration) = (0u32, 0u32);
        for (p, o, id) in &existing {
            let differs = match self.store.order(*id)? {
                Some(recorded) => !same_order(&recorded, o),
                None => true,
            };
            differ += u32::from(differs);
            let declaration_id = declared.get(id).copied();
            on_declaration += u32::from(declaration_id.is_some());
            listed.push(ExistingOrder {
                order: order_row(p, o),
                id: *id,
                differs,
                declaration_id,
            });
        }
        listed.sort_by_key(|e| !e.differs);
        listed.truncate(LISTED);

        // Orders the file shows cancelled, refunded or unpaid: one already recorded is flagged
        // (the import never changes it), with the declaration it is on.
        let skipped_ids: Vec<i64> = plan
            .skipped
            .iter()
            .filter_map(|s| marketplace_ids.get(&s.order_no).copied())
            .collect();
        let skipped_declared: HashMap<i64, i64> = self
            .store
            .orders_already_declared(&skipped_ids)?
            .into_iter()
            .collect();
        let mut skipped: Vec<SkippedOrderRow> = plan
            .skipped
            .iter()
            .map(|s| {
                let recorded_id = marketplace_ids.get(&s.order_no).copied();
                SkippedOrderRow {
                    order_no: s.order_no.clone(),
                    row: s.rows.first().copied().unwrap_or(0),
                    kind: s.kind,
                    status: s.status.clone(),
                    recorded_id,
                    declaration_id: recorded_id.and_then(|id| skipped_declared.get(&id).copied()),
                }
            })
            .collect();
        skipped.sort_by_key(|s| (s.recorded_id.is_none(), s.row));
        skipped.truncate(LISTED);

        let descriptions: HashMap<&str, &str> = plan
            .orders
            .iter()
            .filter_map(|p| p.order.as_ref())
            .flat_map(|o| o.lines.iter())
            .filter(|l| !l.sku.is_empty())
            .map(|l| (l.sku.as_str(), l.description.as_str()))
            .collect();
        let own = self.own_hs_choices()?;
        let finder = self.finder(&own);
        let unknown_products = unknown
            .into_iter()
            .enumerate()
            .map(|(i, ((sku, description), (orders, quantity, row)))| {
                let description = if sku.is_empty() {
                    description
                } else {
                    descriptions.get(sku.as_str()).unwrap_or(&"").to_string()
                };
                // The finder is cheap, but a file of thousands of new SKUs gets suggestions
                // for the first ones only; the rest are looked up one by one on screen.
                let suggestions = if i < LISTED && !description.trim().is_empty() {
                    finder.find(&description, 3)
                } else {
                    Vec::new()
                };
                UnknownProduct {
                    sku,
                    description,
                    orders,
                    quantity: quantity.normalize().to_string(),
                    row,
                    suggestions,
                }
            })
            .collect();

        Ok(ImportPreview {
            file_name: req.file_name.clone(),
            encoding: plan.encoding,
            format: plan.format.clone(),
            profile: plan.profile.clone(),
            rows_read: plan.rows_read,
            orders_total: plan.orders.len() as u32,
            new_count,
            new_orders,
            existing_count: existing.len() as u32,
            existing_differ: differ,
            existing_declared: on_declaration,
            existing: listed,
            problem_count: plan.row_problems.len() as u32,
            row_problems: plan.row_problems.iter().take(LISTED).cloned().collect(),
            warning_count: plan.warnings.len() as u32,
            warnings: plan.warnings.iter().take(LISTED).cloned().collect(),
            skipped_count: plan.skipped.len() as u32,
            skipped,
            unknown_products,
            rates_needed: self.rates_needed(currencies)?,
            buyers_new: new_buyers.len() as u32,
            buyers_matched,
            can_commit: plan.is_clean() && !plan.orders.is_empty(),
        })
    }

    /// Read the file again and store all of it in one transaction: new orders, updated ones
    /// (if asked), their buyers and the products to add. On any problem — or a cancel — nothing
    /// is stored.
    pub fn import_commit(
        &mut self,
        bytes: &[u8],
        req: &ImportRequest,
        progress: &mut dyn FnMut(ImportProgress),
        cancel: &AtomicBool,
    ) -> Result<ImportResult> {
        let mut plan = match self.plan(bytes, req, progress, cancel)? {
            Ok(plan) => plan,
            Err(request) => return Err(request.problem.clone().into()),
        };
        if !plan.is_clean() {
            let n = plan.row_problems.len();
            let mut problems = Problems(vec![Problem::new(
                "import.has_problems",
                format!("파일에 고쳐야 할 문제가 {n}개 있어 아무것도 가져오지 않았습니다. 오류 목록(CSV)을 저장해 파일을 고친 뒤 다시 가져오세요."),
                format!("The file has {n} problems to fix, so nothing was imported. Save the error list (CSV), fix the file and import it again."),
            )
            .with("count", n)]);
            problems
                .0
                .extend(plan.row_problems.iter().take(20).map(located));
            return Err(problems);
        }
        if plan.orders.is_empty() {
            return Err(Problem::new(
                "import.no_orders",
                "파일에 가져올 주문이 없습니다. 주문이 들어 있는 파일인지 확인하세요.",
                "The file has no orders to import; check that it is an order file.",
            )
            .into());
        }
        let products = self.new_products(req, &plan)?;
        let rates = Self::summary_rates(req)?;
        let marketplace_ids = self.store.order_ids_of(&plan.profile.marketplace)?;
        let ids: Vec<i64> = plan
            .orders
            .iter()
            .filter_map(|p| marketplace_ids.get(&p.order_no).copied())
            .collect();
        let declared: HashMap<i64, i64> = self
            .store
            .orders_already_declared(&ids)?
            .into_iter()
            .collect();
        let mut recorded: HashMap<i64, Order> = HashMap::new();
        if req.existing == ExistingOrders::Update {
            for id in &ids {
                if let Some(o) = self.store.order(*id)? {
                    recorded.insert(*id, o);
                }
            }
        }
        let buyers = BuyerIndex::new(&self.store.buyers()?);
        let mut catalogue = self.store.product_ids_by_sku()?;
        let total = plan.orders.len() as u64;
        let file_name = req.file_name.clone();
        let profile_name = plan.profile.name.clone();
        let result = self
            .store
            .write(self.clock.now(), |w| {
                let mut result = ImportResult {
                    file_name: file_name.clone(),
                    profile: profile_name.clone(),
                    ..ImportResult::default()
                };
                for r in &rates {
                    w.save_rate(r)?;
                    result.rates_saved += 1;
                }
                for p in &products {
                    let saved = w.save_product(p)?;
                    catalogue.insert(saved.sku.clone(), saved.id);
                    result.products_created += 1;
                }
                // The orders and buyers created are named in one manifest entry (below).
                w.bulk_creates();
                let mut created_orders = Vec::new();
                let mut created_buyers = Vec::new();
                let mut buyers = buyers;
                for (i, p) in plan.orders.iter_mut().enumerate() {
                    if i % 500 == 0 {
                        if cancel.load(Ordering::SeqCst) {
                            return Err(ImportError::Cancelled.to_problem());
                        }
                        progress(ImportProgress {
                            phase: "storing".into(),
                            done: i as u64,
                            total,
                        });
                    }
                    // Taken, not cloned: the plan is spent once stored (or dropped on failure).
                    let Some(mut order) = p.order.take() else {
                        continue;
                    };
                    let existing = marketplace_ids.get(&order.order_no).copied();
                    match existing {
                        Some(id) if declared.contains_key(&id) => {
                            result.kept_declared += 1;
                            continue;
                        }
                        Some(_) if req.existing == ExistingOrders::Skip => {
                            result.skipped += 1;
                            continue;
                        }
                        Some(id) => {
                            if recorded.get(&id).is_some_and(|r| same_order(r, &order)) {
                                result.unchanged += 1;
                                continue;
                            }
                            order.id = id;
                            result.updated += 1;
                        }
                        None => result.created += 1,
                    }
                    order.buyer_id = match planned_buyer(p) {
                        Some(b) => match buyers.find(&b) {
                            Some(id) => Some(id),
                            None => {
                                let saved = w.save_buyer(&b)?;
                                created_buyers.push(saved.id);
                                buyers.add(&saved);
                                result.buyers_created += 1;
                                Some(saved.id)
                            }
                        },
                        None => existing.and_then(|id| recorded.get(&id)?.buyer_id),
                    };
                    for l in &mut order.lines {
                        l.product_id = catalogue.get(&l.sku).copied();
                    }
                    let saved = w.save_order(&order)?;
                    if existing.is_none() {
                        created_orders.push(saved.id);
                    }
                }
                progress(ImportProgress {
                    phase: "storing".into(),
                    done: total,
                    total,
                });
                if cancel.load(Ordering::SeqCst) {
                    return Err(ImportError::Cancelled.to_problem());
                }
                w.log_import(
                    &file_name,
                    &ImportManifest {
                        result: &result,
                        created_orders: id_ranges(&created_orders),
                        created_buyers: id_ranges(&created_buyers),
                    },
                )?;
                Ok(result)
            })
            .map_err(Problems::from);
        // Freeing a plan of tens of thousands of orders takes a noticeable moment; the other
        // core can do it while the answer goes back.
        std::thread::spawn(move || drop(plan));
        result
    }

    /// This week's customs rate of every foreign currency of the new orders.
    fn rates_needed(&self, currencies: BTreeMap<String, u32>) -> Result<Vec<RateNeed>> {
        let week = week_start(self.clock.now().date());
        let rates = self.store.rates()?;
        Ok(currencies
            .into_iter()
            .filter(|(c, _)| c != "KRW")
            .map(|(currency, orders)| RateNeed {
                recorded: rates
                    .iter()
                    .find(|r| r.week_start == week && r.currency.code() == currency)
                    .cloned(),
                currency,
                week_start: week,
                week_end: week + Duration::days(6),
                orders,
            })
            .collect())
    }

    /// The rates typed on the summary, validated before anything is written (problems are
    /// placed at `rates[i].field`).
    fn summary_rates(req: &ImportRequest) -> Result<Vec<WeeklyRate>> {
        let mut problems = Problems::default();
        let mut out = Vec::new();
        for (i, draft) in req.rates.iter().enumerate() {
            if draft.rate.trim().is_empty() {
                continue;
            }
            match draft.validate() {
                Ok(r) => out.push(r),
                Err(found) => problems.0.extend(found.into_iter().map(|mut p| {
                    p.field = p.field.map(|f| format!("rates[{i}].{f}"));
                    p.with("currency", draft.currency.trim().to_uppercase())
                })),
            }
        }
        if problems.0.is_empty() {
            Ok(out)
        } else {
            Err(problems)
        }
    }

    /// The products to add on commit, validated before anything is written.
    fn new_products(&self, req: &ImportRequest, plan: &ImportPlan) -> Result<Vec<Product>> {
        let catalogue = self.store.product_ids_by_sku()?;
        let descriptions: HashMap<&str, &str> = plan
            .orders
            .iter()
            .filter_map(|p| p.order.as_ref())
            .flat_map(|o| o.lines.iter())
            .map(|l| (l.sku.as_str(), l.description.as_str()))
            .collect();
        let mut problems = Problems::default();
        let mut out: Vec<Product> = Vec::new();
        for (i, np) in req.new_products.iter().enumerate() {
            let sku = np.sku.trim();
            if sku.is_empty() || catalogue.contains_key(sku) || out.iter().any(|p| p.sku == sku) {
                continue;
            }
            let Some(description) = descriptions.get(sku) else {
                problems.push(
                    Problem::new(
                        "import.product_not_in_file",
                        format!("SKU '{sku}'은(는) 이 파일에 없습니다. 카탈로그에 추가할 상품 목록을 다시 확인하세요."),
                        format!("The SKU '{sku}' is not in this file; check the list of products to add."),
                    )
                    .at(format!("new_products[{i}].sku"))
                    .with("sku", sku),
                );
                continue;
            };
            let name = if np.name.trim().is_empty() {
                description.to_string()
            } else {
                np.name.trim().to_string()
            };
            let hangul = name.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c));
            let draft = ProductDraft {
                sku: sku.to_string(),
                name_ko: if hangul { name.clone() } else { String::new() },
                name_en: if hangul { String::new() } else { name },
                hs_code: np.hs_code.clone(),
                net_weight_kg: np.net_weight_kg.clone(),
                origin_country: np.origin_country.clone(),
                ..ProductDraft::default()
            };
            match draft.validate(0, &self.hs) {
                Ok(p) => out.push(p),
                Err(found) => problems.0.extend(found.0.into_iter().map(|mut p| {
                    p.field = p.field.map(|f| format!("new_products[{i}].{f}"));
                    p.with("sku", sku)
                })),
            }
        }
        if problems.0.is_empty() {
            Ok(out)
        } else {
            Err(problems)
        }
    }

    /// Write every problem of the file to a CSV in the documents folder (or `out`).
    pub fn import_problems_csv(
        &self,
        bytes: &[u8],
        req: &ImportRequest,
        out: Option<&Path>,
    ) -> Result<crate::GeneratedDocument> {
        let plan = match self.plan(bytes, req, &mut |_| {}, &AtomicBool::new(false))? {
            Ok(plan) => plan,
            Err(request) => return Err(request.problem.clone().into()),
        };
        let path: PathBuf = match out {
            Some(p) => p.to_path_buf(),
            None => {
                let stem = Path::new(&req.file_name)
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("orders");
                self.documents_dir().join(format!(
                    "import-problems_{}_{}.csv",
                    crate::documents::file_part(stem),
                    self.now().format("%Y%m%d-%H%M%S")
                ))
            }
        };
        let bytes = plan.problems_csv();
        crate::documents::write_document(&path, &bytes)?;
        Ok(crate::GeneratedDocument {
            path: path.display().to_string(),
            bytes: bytes.len() as u64,
        })
    }
}

/// The change-log entry of an import: what it did and which records it created, as id ranges.
#[derive(Serialize)]
struct ImportManifest<'a> {
    #[serde(flatten)]
    result: &'a ImportResult,
    created_orders: Vec<[i64; 2]>,
    created_buyers: Vec<[i64; 2]>,
}

/// Ids as inclusive ranges: `[1,2,3,7]` → `[[1,3],[7,7]]`.
fn id_ranges(ids: &[i64]) -> Vec<[i64; 2]> {
    let mut sorted = ids.to_vec();
    sorted.sort_unstable();
    let mut out: Vec<[i64; 2]> = Vec::new();
    for id in sorted {
        match out.last_mut() {
            Some(r) if r[1] + 1 == id => r[1] = id,
            _ => out.push([id, id]),
        }
    }
    out
}

/// A row problem as a plain problem that names its place in the file.
fn located(r: &RowProblem) -> Problem {
    let place_ko = match &r.column {
        Some(c) => format!("{}행 '{c}' 열", r.row),
        None => format!("{}행", r.row),
    };
    let place_en = match &r.column {
        Some(c) => format!("row {}, column '{c}'", r.row),
        None => format!("row {}", r.row),
    };
    let mut p = r.problem.clone();
    p.message_ko = format!("{place_ko}: {}", p.message_ko);
    p.message_en = format!("{place_en}: {}", p.message_en);
    p.with("row", r.row)
}

/// What a mapping from the screen must have before a file is read with it.
fn check_mapping(p: &Profile) -> Result<()> {
    let has = |f: Field| {
        p.columns
            .iter()
            .any(|c| c.field == f && !c.headers.is_empty())
    };
    let mut problems = Problems::default();
    let mut need = |ok: bool, field: &str, ko: &str, en: &str| {
        if !ok {
            problems.push(
                Problem::new(
                    "import.mapping_incomplete",
                    format!("'{ko}'에 해당하는 열을 고르세요."),
                    format!("Choose the column for '{en}'."),
                )
                .at(field),
            );
        }
    };
    need(
        has(Field::OrderNo),
        "order_no",
        Field::OrderNo.label_ko(),
        Field::OrderNo.label_en(),
    );
    need(
        has(Field::Sku) || has(Field::Description),
        "description",
        "SKU 또는 상품명",
        "SKU or product name",
    );
    need(
        has(Field::Quantity),
        "quantity",
        Field::Quantity.label_ko(),
        Field::Quantity.label_en(),
    );
    need(
        has(Field::UnitPrice) || has(Field::LineAmount),
        "unit_price",
        "단가 또는 금액",
        "unit price or line amount",
    );
    if problems.0.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// A profile to save: a name that is not a built-in one, a marketplace, and a usable mapping.
fn check_profile(p: &Profile) -> Result<()> {
    let mut problems = Problems::default();
    if p.name.is_empty() || p.name.chars().count() > 60 {
        problems.push(
            Problem::new(
                "import.profile_name",
                "형식 이름을 1~60자로 입력하세요 (예: '우리 쇼핑몰 주문').",
                "Enter a profile name of 1 to 60 characters (e.g. 'My shop orders').",
            )
            .at("name"),
        );
    } else if builtin_profiles()
        .iter()
        .any(|b| b.name.eq_ignore_ascii_case(&p.name) || b.title.eq_ignore_ascii_case(&p.name))
    {
        problems.push(
            Problem::new(
                "import.profile_name_builtin",
                format!(
                    "'{}'은(는) 기본 제공 형식의 이름입니다. 다른 이름을 입력하세요.",
                    p.name
                ),
                format!(
                    "'{}' is the name of a built-in profile; choose another name.",
                    p.name
                ),
            )
            .at("name"),
        );
    }
    if p.marketplace.is_empty() || p.marketplace.chars().count() > 40 {
        problems.push(
            Problem::new(
                "import.profile_marketplace",
                "판매처(마켓) 이름을 1~40자로 입력하세요. 같은 판매처의 같은 주문번호는 같은 주문으로 봅니다.",
                "Enter the marketplace (1 to 40 characters); the same order number from the same marketplace is the same order.",
            )
            .at("marketplace"),
        );
    }
    if let Err(found) = check_mapping(p) {
        problems.0.extend(found.0);
    }
    // The defaults fill every order of a file, so a wrong one would spoil them all.
    problems.take(
        exportdesk_rules::incoterm::Incoterm::parse(&p.default_incoterm)
            .map_err(|e| e.at("default_incoterm")),
    );
    if let Some(c) = p
        .default_currency
        .as_deref()
        .filter(|c| !c.trim().is_empty())
    {
        problems.take(
            exportdesk_rules::money::Currency::parse(c).map_err(|e| e.at("default_currency")),
        );
    }
    if let Some(c) = p
        .default_country
        .as_deref()
        .filter(|c| !c.trim().is_empty())
    {
        problems.take(
            exportdesk_rules::country::Country::parse(c).map_err(|e| e.at("default_country")),
        );
    }
    if problems.0.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_become_ranges() {
        assert_eq!(id_ranges(&[7, 1, 2, 3]), vec![[1, 3], [7, 7]]);
        assert!(id_ranges(&[]).is_empty());
    }

    #[test]
    fn buyers_match_on_name_and_country_with_compatible_email() {
        let b = |id, name: &str, email: &str| Buyer {
            id,
            name: name.into(),
            country: exportdesk_rules::country::Country::parse("US").unwrap(),
            address: String::new(),
            email: email.into(),
            phone: String::new(),
        };
        let index = BuyerIndex::new(&[b(1, "Jane  Doe", "jane@x.com"), b(2, "Kim", "")]);
        assert_eq!(index.find(&b(0, "jane doe", "")), Some(1));
        assert_eq!(index.find(&b(0, "Jane Doe", "JANE@x.com")), Some(1));
        assert_eq!(index.find(&b(0, "Jane Doe", "other@x.com")), None);
        assert_eq!(index.find(&b(0, "KIM", "kim@y.com")), Some(2));
        assert_eq!(index.find(&b(0, "Lee", "")), None);
    }

    #[test]
    fn a_mapping_needs_the_essential_columns() {
        let p = Profile::custom("Mine", "Naver", &[(Field::OrderNo, "주문번호")]);
        let e = check_profile(&p).unwrap_err();
        let fields: Vec<_> = e.0.iter().filter_map(|p| p.field.as_deref()).collect();
        assert_eq!(fields, ["description", "quantity", "unit_price"]);
        let p = Profile::custom("Shopify", "Naver", &[]);
        assert!(check_profile(&p)
            .unwrap_err()
            .0
            .iter()
            .any(|p| p.code == "import.profile_name_builtin"));
    }
}
