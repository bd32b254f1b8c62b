//! ExportDesk's use cases (업무 기능), shared by the desktop app and the `exportdesk` CLI.
//!
//! This is the only layer that reads the clock, owns the database handle and decides where files
//! live. Each public method is one thing a user does ("save the seller profile", "load sample
//! data", "restore a backup"); it validates its input with the rules crate, writes through one
//! store transaction, and answers with records or with [`Problems`] that say what to fix.

mod clock;
mod config;
pub mod declarations;
mod documents;
pub mod import;
pub mod origin;
pub mod returns;
mod rulebook_files;
mod sample;
mod settings;
pub mod shipments;
pub mod types;
mod unipass_guide;

pub use clock::{from_env as clock_from_env, Clock, FixedClock, SystemClock};
pub use config::{default_db_path, resolve_db_path, DB_ENV};
pub use declarations::{
    Dashboard, DashboardItem, DeclarationView, DocumentsAdvice, DraftEdit, DraftRequest,
    GroupProposal, GuideStep,
};
pub use documents::worksheet_batch;
pub use import::{
    ExistingOrder, ExistingOrders, ImportCheck, ImportOrderRow, ImportPreview, ImportProfileInfo,
    ImportProgress, ImportRequest, ImportResult, NewProduct, RateNeed, SkippedOrderRow,
    UnknownProduct,
};
pub use origin::{ExpiringDeclaration, FtaInfo, OriginPaper, PsrRuleInfo};
pub use returns::{ReimportDeadline, ReturnLineView, ReturnRow, ReturnView};
pub use rulebook_files::{load_rulebook, user_rulebook_dir};
pub use settings::Settings;
pub use shipments::{
    ShipmentDeclaration, ShipmentEdit, ShipmentLoading, ShipmentPaper, ShipmentRequest,
    ShipmentView,
};
pub use types::*;
pub use unipass_guide::{GuideField, GuideSection, UnipassGuide};

use chrono::{NaiveDate, NaiveDateTime};
use exportdesk_rules::country::{countries, CountryInfo};
use exportdesk_rules::hs::{HsCode, HsMatch, HsTable};
use exportdesk_rules::hsk::{Finder, HsSuggestion, HskTable, Precedents, TariffIndex};
use exportdesk_rules::money::Currency;
use exportdesk_rules::rates::{parse_rates_csv, rate_for, RateDraft, WeeklyRate};
use exportdesk_rules::records::{
    Buyer, BuyerDraft, Order, OrderDraft, Product, ProductDraft, Seller, SellerDraft,
};
use exportdesk_rules::rulebook::Rulebook;
use exportdesk_rules::unit::{units, UnitInfo};
use exportdesk_rules::{Problem, Problems};
use exportdesk_store::{
    BackupCheck, BackupInfo, ChangeEntry, OrderFilter, OrderRow, ProductRow, Store,
};
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

pub type Result<T> = std::result::Result<T, Problems>;

/// The running application: database, rulebook, HS table and clock.
pub struct App {
    pub(crate) store: Store,
    pub(crate) rulebook: Rulebook,
    hs: HsTable,
    pub(crate) clock: Box<dyn Clock>,
    rulebook_overrides: Vec<String>,
}

fn not_found(what_ko: &str, what_en: &str, id: i64) -> Problems {
    Problem::new(
        "record.not_found",
        format!("{what_ko}(번호 {id})을(를) 찾을 수 없습니다. 목록을 새로 고치세요."),
        format!("{what_en} {id} was not found. Refresh the list."),
    )
    .with("id", id)
    .into()
}

impl App {
    /// Open the app on the database at `db_path` with the bundled rulebook.
    /// Open the app on the database at `db_path` with the rulebook: the bundled files, each
    /// replaced by the user's own in the `rulebook/` folder beside the database if present.
    pub fn open(db_path: &Path, clock: Box<dyn Clock>) -> Result<App> {
        let (book, overrides) = load_rulebook(&user_rulebook_dir(db_path))?;
        let mut app = Self::open_with(db_path, clock, book)?;
        app.rulebook_overrides = overrides;
        Ok(app)
    }

    pub fn open_with(db_path: &Path, clock: Box<dyn Clock>, rulebook: Rulebook) -> Result<App> {
        let store = Store::open(db_path, clock.now())?;
        Ok(App {
            store,
            rulebook,
            hs: HsTable::bundled(),
            clock,
            rulebook_overrides: Vec::new(),
        })
    }

    pub fn now(&self) -> NaiveDateTime {
        self.clock.now()
    }

    pub fn today(&self) -> NaiveDate {
        self.clock.now().date()
    }

    pub fn rulebook(&self) -> &Rulebook {
        &self.rulebook
    }

    pub fn db_path(&self) -> &Path {
        self.store.path()
    }

    // ---- status ---------------------------------------------------------------------------

    pub fn status(&self) -> Result<AppStatus> {
        let settings = self.settings()?;
        let counts = self.store.counts()?;
        let count = |t: &str| counts.iter().find(|c| c.0 == t).map_or(0, |c| c.1);
        let backups = exportdesk_store::list_backups(&self.backup_dir(&settings))?;
        Ok(AppStatus {
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            db_path: self.db_path().display().to_string(),
            schema_version: self.store.schema_version()?,
            today: self.today(),
            has_seller: self.store.seller()?.is_some(),
            products: count("products"),
            orders: count("orders"),
            buyers: count("buyers"),
            rates: count("weekly_rates"),
            changes: count("change_log"),
            language: settings.language,
            last_backup: backups.first().map(|b| b.taken_at),
            rulebook_dir: user_rulebook_dir(self.db_path()).display().to_string(),
            rulebook_overrides: self.rulebook_overrides.clone(),
        })
    }

    // ---- seller -----------------------------------------------------------------------------

    pub fn seller(&self) -> Result<Option<Seller>> {
        Ok(self.store.seller()?)
    }

    /// Create the seller profile (onboarding) or update it.
    pub fn save_seller(&mut self, draft: &SellerDraft) -> Result<Seller> {
        let id = self.store.seller()?.map_or(0, |s| s.id);
        let seller = draft.validate(id)?;
        Ok(self
            .store
            .write(self.clock.now(), |w| w.save_seller(&seller))?)
    }

    // ---- buyers -----------------------------------------------------------------------------

    pub fn buyers(&self) -> Result<Vec<Buyer>> {
        Ok(self.store.buyers()?)
    }

    pub fn save_buyer(&mut self, id: Option<i64>, draft: &BuyerDraft) -> Result<Buyer> {
        let id = self.existing(id, |s, id| Ok(s.buyer(id)?.is_some()), "구매자", "Buyer")?;
        let buyer = draft.validate(id)?;
        Ok(self
            .store
            .write(self.clock.now(), |w| w.save_buyer(&buyer))?)
    }

    pub fn delete_buyer(&mut self, id: i64) -> Result<()> {
        Ok(self.store.write(self.clock.now(), |w| w.delete_buyer(id))?)
    }

    /// `Some(id)` must name an existing record; `None` means a new one (id 0).
    fn existing(
        &self,
        id: Option<i64>,
        exists: impl Fn(&Store, i64) -> std::result::Result<bool, Problem>,
        ko: &str,
        en: &str,
    ) -> Result<i64> {
        match id {
            None => Ok(0),
            Some(id) if exists(&self.store, id)? => Ok(id),
            Some(id) => Err(not_found(ko, en, id)),
        }
    }

    // ---- products ---------------------------------------------------------------------------

    pub fn products(&self, search: &str) -> Result<Vec<ProductRow>> {
        Ok(self.store.products(search)?)
    }

    pub fn product(&self, id: i64) -> Result<Product> {
        self.store
            .product(id)?
            .ok_or_else(|| not_found("상품", "Product", id))
    }

    pub fn save_product(&mut self, id: Option<i64>, draft: &ProductDraft) -> Result<Product> {
        let id = self.existing(id, |s, id| Ok(s.product(id)?.is_some()), "상품", "Product")?;
        let product = draft.validate(id, &self.hs)?;
        Ok(self
            .store
            .write(self.clock.now(), |w| w.save_product(&product))?)
    }

    pub fn delete_product(&mut self, id: i64) -> Result<()> {
        Ok(self
            .store
            .write(self.clock.now(), |w| w.delete_product(id))?)
    }

    // ---- orders -----------------------------------------------------------------------------

    pub fn orders(&self, filter: &OrderFilter) -> Result<Vec<OrderRow>> {
        Ok(self.store.orders(filter)?)
    }

    pub fn order(&self, id: i64) -> Result<Order> {
        self.store
            .order(id)?
            .ok_or_else(|| not_found("주문", "Order", id))
    }

    pub fn save_order(&mut self, id: Option<i64>, draft: &OrderDraft) -> Result<Order> {
        let id = self.existing(id, |s, id| Ok(s.order(id)?.is_some()), "주문", "Order")?;
        let order = draft.validate(id)?;
        Ok(self
            .store
            .write(self.clock.now(), |w| save_linked_order(w, order))?)
    }

    pub fn delete_order(&mut self, id: i64) -> Result<()> {
        Ok(self.store.write(self.clock.now(), |w| w.delete_order(id))?)
    }

    // ---- exchange rates ---------------------------------------------------------------------

    pub fn rates(&self) -> Result<Vec<WeeklyRate>> {
        Ok(self.store.rates()?)
    }

    pub fn save_rate(&mut self, draft: &RateDraft) -> Result<WeeklyRate> {
        let rate = draft.validate().map_err(Problems)?;
        self.store.write(self.clock.now(), |w| w.save_rate(&rate))?;
        Ok(rate)
    }

    pub fn delete_rate(&mut self, week_start: NaiveDate, currency: &str) -> Result<()> {
        let currency = Currency::parse(currency)?;
        Ok(self
            .store
            .write(self.clock.now(), |w| w.delete_rate(week_start, currency))?)
    }

    /// Import a rate CSV: every row valid, or nothing stored.
    pub fn import_rates_csv(&mut self, text: &str) -> Result<Vec<WeeklyRate>> {
        let rates = parse_rates_csv(text).map_err(Problems)?;
        self.store.write(self.clock.now(), |w| {
            for r in &rates {
                w.save_rate(r)?;
            }
            Ok(())
        })?;
        Ok(rates)
    }

    /// The customs rate that applies to `date` (its Sunday–Saturday week).
    pub fn rate_on(&self, currency: &str, date: NaiveDate) -> Result<Decimal> {
        let currency = Currency::parse(currency)?;
        Ok(rate_for(&self.store.rates()?, currency, date)?)
    }

    // ---- reference data ---------------------------------------------------------------------

    pub fn hs_search(&self, query: &str, limit: usize) -> Vec<HsMatch> {
        self.hs.search(query, limit.clamp(1, 200))
    }

    /// The 10-digit finder: codes for a product name, a listing title or a code, best first,
    /// each with how sure it is, the classification cases behind it and the other codes of its
    /// subheading to choose from. The shop's own products named alike come first.
    pub fn hs_find(&self, query: &str, limit: usize) -> Result<Vec<HsSuggestion>> {
        let own = self.own_hs_choices()?;
        Ok(self.finder(&own).find(query, limit.clamp(1, 50)))
    }

    /// (10-digit code, product name) of every product the shop has classified.
    pub(crate) fn own_hs_choices(&self) -> Result<Vec<(String, String)>> {
        Ok(self
            .store
            .products("")?
            .into_iter()
            .filter_map(|p| {
                let p = p.product;
                let code = p.hs_code.filter(|c| c.is_hsk10())?;
                Some((
                    code.digits().to_string(),
                    format!("{} {}", p.name_ko, p.name_en).trim().to_string(),
                ))
            })
            .collect())
    }

    pub(crate) fn finder<'a>(&'a self, own: &'a [(String, String)]) -> Finder<'a> {
        Finder {
            hs: &self.hs,
            hsk: HskTable::bundled(),
            names: TariffIndex::bundled(&self.hs),
            precedents: Some(Precedents::bundled()),
            own,
        }
    }

    /// What the tariff says about a typed code on `on` (a declaration's date; today when
    /// `None`): its full path, quantity unit and validity, or why it cannot be used and the
    /// codes to choose from instead.
    pub fn hs_code_info(&self, code: &str, on: Option<NaiveDate>) -> Result<HsCodeInfo> {
        let date = on.unwrap_or_else(|| self.today());
        let hsk = HskTable::bundled();
        let code = HsCode::parse(code)?;
        let sub = code.subheading().map(str::to_string);
        let choices_of = |prefix: &str| hsk.under(prefix).map(|r| hsk.choice(r)).collect();
        let mut info = HsCodeInfo {
            code: code.digits().to_string(),
            date,
            line: None,
            validity: None,
            problem: None,
            choices: Vec::new(),
            subheading_en: sub
                .as_deref()
                .and_then(|s| self.hs.description(s))
                .map(str::to_string),
            edition_end: hsk.edition_end(),
        };
        if code.is_hsk10() {
            info.line = hsk.line(code.digits(), &self.hs);
            match hsk.check(&code, date) {
                Ok(v) => info.validity = Some(v),
                Err(p) => {
                    info.validity = hsk.validity(code.digits(), date);
                    info.problem = Some(p);
                    if let Some(s) = &sub {
                        info.choices = choices_of(s);
                    }
                }
            }
        } else if let Some(s) = &sub {
            info.choices = choices_of(s);
            info.problem = Some(
                Problem::new(
                    "hs_code.needs_ten_digits",
                    format!(
                        "신고서에는 10자리가 필요합니다. 소호 {}의 {}개 번호 중 상품에 맞는 것을 고르세요.",
                        code.dotted(),
                        info.choices.len()
                    ),
                    format!(
                        "A declaration needs 10 digits. Choose the one of the {} codes of subheading {} that fits the product.",
                        info.choices.len(),
                        code.dotted()
                    ),
                )
                .at("hs_code"),
            );
        }
        Ok(info)
    }

    pub fn reference(&self) -> Reference {
        Reference {
            countries: countries().to_vec(),
            units: units().to_vec(),
            currencies: Currency::all()
                .map(|c| CurrencyInfo {
                    code: c.code().to_string(),
                    name_ko: c.name_ko().into(),
                    name_en: c.name_en().into(),
                })
                .collect(),
            incoterms: exportdesk_rules::incoterm::Incoterm::ALL
                .iter()
                .map(|t| t.code().to_string())
                .collect(),
        }
    }

    pub fn countries(&self) -> &'static [CountryInfo] {
        countries()
    }

    pub fn units(&self) -> &'static [UnitInfo] {
        units()
    }

    /// Every rule value in force on `date` (today when `None`), with its source.
    pub fn rulebook_on(&self, date: Option<NaiveDate>) -> RulebookView {
        let date = date.unwrap_or_else(|| self.today());
        RulebookView {
            date,
            values: self.rulebook.show_on(date),
        }
    }

    pub fn change_log(&self, limit: u32) -> Result<Vec<ChangeEntry>> {
        Ok(self.store.change_log(limit.clamp(1, 10_000))?)
    }

    // ---- backups ----------------------------------------------------------------------------

    fn backup_dir(&self, settings: &Settings) -> PathBuf {
        settings.backup_dir_or_default(self.db_path())
    }

    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        Ok(exportdesk_store::list_backups(
            &self.backup_dir(&self.settings()?),
        )?)
    }

    /// Take a backup now and rotate old ones.
    pub fn backup_now(&mut self) -> Result<BackupInfo> {
        let settings = self.settings()?;
        let dir = self.backup_dir(&settings);
        let info = self.store.backup_to_dir(&dir, self.clock.now())?;
        Store::rotate_backups(&dir, settings.backup_keep as usize)?;
        Ok(info)
    }

    /// The daily automatic backup: taken when automatic backups are on and none was taken
    /// today. Returns the backup when one was taken.
    pub fn backup_if_due(&mut self) -> Result<Option<BackupInfo>> {
        let settings = self.settings()?;
        if !settings.auto_backup || self.store.seller()?.is_none() {
            return Ok(None);
        }
        let today = self.today();
        let latest = exportdesk_store::list_backups(&self.backup_dir(&settings))?;
        if latest.first().is_some_and(|b| b.taken_at.date() >= today) {
            return Ok(None);
        }
        self.backup_now().map(Some)
    }

    pub fn check_backup(&self, path: &Path) -> Result<BackupCheck> {
        backup_chosen(path)?;
        Ok(exportdesk_store::check_backup(path)?)
    }

    /// Restore the backup at `path`; the current data is backed up first. Returns that safety
    /// backup.
    pub fn restore_backup(&mut self, path: &Path) -> Result<BackupInfo> {
        backup_chosen(path)?;
        let dir = self.backup_dir(&self.settings()?);
        Ok(self.store.restore_from(path, &dir, self.clock.now())?)
    }

    // ---- settings ---------------------------------------------------------------------------

    pub fn settings(&self) -> Result<Settings> {
        Settings::load(&self.store)
    }

    pub fn save_settings(&mut self, settings: &Settings) -> Result<Settings> {
        let checked = settings.validate()?;
        self.store.write(self.clock.now(), |w| checked.store(w))?;
        self.settings()
    }

    // ---- sample data ------------------------------------------------------------------------

    /// Load the sample shop (products, buyers, orders, 12 weeks of rates) into an empty shop.
    pub fn load_sample(&mut self) -> Result<SampleLoaded> {
        let today = self.today();
        let plan = sample::plan(today, &self.hs)?;
        if self.store.order_count()? > 0 || !self.store.products("")?.is_empty() {
            return Err(Problem::new(
                "sample.not_empty",
                "예시 데이터는 상품과 주문이 하나도 없을 때만 불러올 수 있습니다. 지금 데이터가 섞이지 않도록 하기 위해서입니다.",
                "Sample data can only be loaded into a shop with no products and no orders, so that it never mixes with your own data.",
            )
            .into());
        }
        Ok(self
            .store
            .write(self.clock.now(), |w| sample::apply(w, plan))?)
    }
}

/// A backup path was given at all (an empty one would be reported as a file named "").
fn backup_chosen(path: &Path) -> Result<()> {
    if path.as_os_str().is_empty() {
        return Err(Problem::new(
            "backup.no_file",
            "복원할 백업 파일을 고르세요.",
            "Choose the backup file to restore.",
        )
        .at("path")
        .into());
    }
    Ok(())
}

/// Link order lines to catalogue products by SKU and check the references, then save.
fn save_linked_order(
    w: &mut exportdesk_store::Writer<'_>,
    mut order: Order,
) -> std::result::Result<Order, Problem> {
    if let Some(buyer) = order.buyer_id {
        if !w.buyer_exists(buyer)? {
            return Err(Problem::new(
                "order.buyer_missing",
                "선택한 구매자가 없습니다. 구매자를 다시 고르세요.",
                "The chosen buyer no longer exists; choose the buyer again.",
            )
            .at("buyer_id"));
        }
    }
    for (i, line) in order.lines.iter_mut().enumerate() {
        match line.product_id {
            Some(pid) if !w.product_exists(pid)? => {
                return Err(Problem::new(
                    "order.product_missing",
                    format!(
                        "{}번째 줄의 상품이 카탈로그에 없습니다. 상품을 다시 고르세요.",
                        i + 1
                    ),
                    format!(
                        "The product of line {} is not in the catalogue; choose it again.",
                        i + 1
                    ),
                )
                .at(format!("lines[{i}].product_id")));
            }
            Some(_) => {}
            None if !line.sku.is_empty() => line.product_id = w.product_id_by_sku(&line.sku)?,
            None => {}
        }
    }
    w.save_order(&order)
}
