//! Reading and writing the shop's records. Every write method lives on [`Writer`], which holds
//! the open transaction and logs each change with the record before and after.

use crate::{sql_problem, stamp, Store};
use chrono::{NaiveDate, NaiveDateTime};
use exportdesk_rules::country::Country;
use exportdesk_rules::hs::HsCode;
use exportdesk_rules::ids::{BusinessNo, CustomsCode};
use exportdesk_rules::incoterm::Incoterm;
use exportdesk_rules::money::Currency;
use exportdesk_rules::rates::WeeklyRate;
use exportdesk_rules::records::{Buyer, Order, OrderLine, Product, Seller};
use exportdesk_rules::Problem;
use rusqlite::{params, OptionalExtension, Row, Transaction};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use ts_rs::TS;

/// A value read back from the database that no longer parses: the file was edited outside the
/// app. Reported, never guessed around.
fn corrupt(what: &str, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("stored {what} '{value}' is not valid").into(),
    )
}

pub(crate) fn dec(row: &Row<'_>, col: &str) -> rusqlite::Result<Decimal> {
    let s: String = row.get(col)?;
    Decimal::from_str(&s).map_err(|_| corrupt(col, &s))
}

pub(crate) fn opt_dec(row: &Row<'_>, col: &str) -> rusqlite::Result<Option<Decimal>> {
    let s: Option<String> = row.get(col)?;
    s.map(|s| Decimal::from_str(&s).map_err(|_| corrupt(col, &s)))
        .transpose()
}

pub(crate) fn date(row: &Row<'_>, col: &str) -> rusqlite::Result<NaiveDate> {
    let s: String = row.get(col)?;
    NaiveDate::from_str(&s).map_err(|_| corrupt(col, &s))
}

pub(crate) fn parsed<T>(
    row: &Row<'_>,
    col: &str,
    f: impl FnOnce(&str) -> Result<T, Problem>,
) -> rusqlite::Result<T> {
    let s: String = row.get(col)?;
    f(&s).map_err(|_| corrupt(col, &s))
}

pub(crate) fn opt_parsed<T>(
    row: &Row<'_>,
    col: &str,
    f: impl FnOnce(&str) -> Result<T, Problem>,
) -> rusqlite::Result<Option<T>> {
    let s: Option<String> = row.get(col)?;
    s.map(|s| f(&s).map_err(|_| corrupt(col, &s))).transpose()
}

fn seller_from(row: &Row<'_>) -> rusqlite::Result<Seller> {
    Ok(Seller {
        id: row.get("id")?,
        name: row.get("name")?,
        name_en: row.get("name_en")?,
        representative: row.get("representative")?,
        business_no: parsed(row, "business_no", BusinessNo::parse)?,
        customs_code: opt_parsed(row, "customs_code", CustomsCode::parse)?,
        address: row.get("address")?,
        address_en: row.get("address_en")?,
        phone: row.get("phone")?,
        email: row.get("email")?,
        platform_based: row.get("platform_based")?,
        platforms: row.get("platforms")?,
    })
}

fn buyer_from(row: &Row<'_>) -> rusqlite::Result<Buyer> {
    Ok(Buyer {
        id: row.get("id")?,
        name: row.get("name")?,
        country: parsed(row, "country", Country::parse)?,
        address: row.get("address")?,
        email: row.get("email")?,
        phone: row.get("phone")?,
    })
}

fn product_from(row: &Row<'_>) -> rusqlite::Result<Product> {
    Ok(Product {
        id: row.get("id")?,
        sku: row.get("sku")?,
        name_ko: row.get("name_ko")?,
        name_en: row.get("name_en")?,
        hs_code: opt_parsed(row, "hs_code", HsCode::parse)?,
        unit: row.get("unit")?,
        net_weight_kg: opt_dec(row, "net_weight_kg")?,
        origin_country: opt_parsed(row, "origin_country", Country::parse)?,
        brand: row.get("brand")?,
        model_spec: row.get("model_spec")?,
        needs_permit: row.get("needs_permit")?,
    })
}

fn order_head_from(row: &Row<'_>) -> rusqlite::Result<Order> {
    Ok(Order {
        id: row.get("id")?,
        marketplace: row.get("marketplace")?,
        order_no: row.get("order_no")?,
        buyer_id: row.get("buyer_id")?,
        order_date: date(row, "order_date")?,
        currency: parsed(row, "currency", Currency::parse)?,
        shipping_fee: dec(row, "shipping_fee")?,
        incoterm: parsed(row, "incoterm", Incoterm::parse)?,
        destination_country: parsed(row, "destination_country", Country::parse)?,
        lines: Vec::new(),
        goods_total: dec(row, "goods_total")?,
        shipping_separate: row.get("shipping_separate")?,
    })
}

fn line_from(row: &Row<'_>) -> rusqlite::Result<OrderLine> {
    Ok(OrderLine {
        line_no: row.get("line_no")?,
        product_id: row.get("product_id")?,
        sku: row.get("sku")?,
        description: row.get("description")?,
        quantity: dec(row, "quantity")?,
        unit_price: dec(row, "unit_price")?,
        discount: dec(row, "discount")?,
        amount: dec(row, "amount")?,
    })
}

fn rate_from(row: &Row<'_>) -> rusqlite::Result<WeeklyRate> {
    Ok(WeeklyRate {
        week_start: date(row, "week_start")?,
        currency: parsed(row, "currency", Currency::parse)?,
        krw_per_unit: dec(row, "krw_per_unit")?,
        source: row.get("source")?,
    })
}

/// A product in the catalogue list, with how many order lines use it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProductRow {
    pub product: Product,
    pub order_lines: i64,
}

/// One order in the orders list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OrderRow {
    pub id: i64,
    pub marketplace: String,
    pub order_no: String,
    pub order_date: NaiveDate,
    pub buyer_name: Option<String>,
    pub destination_country: String,
    pub currency: String,
    pub incoterm: String,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub goods_total: Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub shipping_fee: Decimal,
    pub line_count: i64,
}

/// Which orders to list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct OrderFilter {
    /// Matches order number, marketplace, buyer name, SKU or product description.
    pub search: Option<String>,
    pub marketplace: Option<String>,
    pub destination_country: Option<String>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

/// One entry of the audit trail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ChangeEntry {
    pub id: i64,
    pub at: String,
    pub entity: String,
    pub entity_id: String,
    pub action: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

pub(crate) fn like(s: &str) -> String {
    let escaped = s
        .trim()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

impl Store {
    pub fn seller(&self) -> Result<Option<Seller>, Problem> {
        self.conn()
            .query_row("SELECT * FROM sellers ORDER BY id LIMIT 1", [], seller_from)
            .optional()
            .map_err(sql_problem)
    }

    pub fn sellers(&self) -> Result<Vec<Seller>, Problem> {
        let mut stmt = self
            .conn()
            .prepare("SELECT * FROM sellers ORDER BY id")
            .map_err(sql_problem)?;
        let rows = stmt.query_map([], seller_from).map_err(sql_problem)?;
        rows.collect::<rusqlite::Result<_>>().map_err(sql_problem)
    }

    pub fn buyers(&self) -> Result<Vec<Buyer>, Problem> {
        let mut stmt = self
            .conn()
            .prepare("SELECT * FROM buyers ORDER BY name COLLATE NOCASE, id")
            .map_err(sql_problem)?;
        let rows = stmt.query_map([], buyer_from).map_err(sql_problem)?;
        rows.collect::<rusqlite::Result<_>>().map_err(sql_problem)
    }

    pub fn buyer(&self, id: i64) -> Result<Option<Buyer>, Problem> {
        self.conn()
            .query_row("SELECT * FROM buyers WHERE id = ?1", [id], buyer_from)
            .optional()
            .map_err(sql_problem)
    }

    /// Products whose SKU, names, brand or HS code contain `search` (all when empty).
    pub fn products(&self, search: &str) -> Result<Vec<ProductRow>, Problem> {
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT p.*, (SELECT count(*) FROM order_lines l WHERE l.product_id = p.id) AS used
                 FROM products p
                 WHERE ?1 = '' OR p.sku LIKE ?2 ESCAPE '\\' OR p.name_ko LIKE ?2 ESCAPE '\\'
                    OR p.name_en LIKE ?2 ESCAPE '\\' OR p.brand LIKE ?2 ESCAPE '\\'
                    OR ifnull(p.hs_code, '') LIKE ?2 ESCAPE '\\'
                 ORDER BY p.sku COLLATE NOCASE",
            )
            .map_err(sql_problem)?;
        let rows = stmt
            .query_map(params![search.trim(), like(search)], |r| {
                Ok(ProductRow {
                    product: product_from(r)?,
                    order_lines: r.get("used")?,
                })
            })
            .map_err(sql_problem)?;
        rows.collect::<rusqlite::Result<_>>().map_err(sql_problem)
    }

    pub fn product(&self, id: i64) -> Result<Option<Product>, Problem> {
        self.conn()
            .query_row("SELECT * FROM products WHERE id = ?1", [id], product_from)
            .optional()
            .map_err(sql_problem)
    }

    pub fn product_by_sku(&self, sku: &str) -> Result<Option<Product>, Problem> {
        self.conn()
            .query_row(
                "SELECT * FROM products WHERE sku = ?1",
                [sku.trim()],
                product_from,
            )
            .optional()
            .map_err(sql_problem)
    }

    pub fn orders(&self, filter: &OrderFilter) -> Result<Vec<OrderRow>, Problem> {
        let search = filter.search.as_deref().unwrap_or("").trim().to_string();
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT o.id, o.marketplace, o.order_no, o.order_date, b.name AS buyer_name,
                        o.destination_country, o.currency, o.incoterm, o.goods_total, o.shipping_fee,
                        (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) AS line_count
                 FROM orders o LEFT JOIN buyers b ON b.id = o.buyer_id
                 WHERE (?1 = '' OR o.order_no LIKE ?2 ESCAPE '\\' OR o.marketplace LIKE ?2 ESCAPE '\\'
                        OR ifnull(b.name, '') LIKE ?2 ESCAPE '\\'
                        OR EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id
                                   AND (l.sku LIKE ?2 ESCAPE '\\' OR l.description LIKE ?2 ESCAPE '\\')))
                   AND (?3 IS NULL OR o.marketplace = ?3)
                   AND (?4 IS NULL OR o.destination_country = ?4)
                 ORDER BY o.order_date DESC, o.id DESC
                 LIMIT ?5 OFFSET ?6",
            )
            .map_err(sql_problem)?;
        let rows = stmt
            .query_map(
                params![
                    search,
                    like(&search),
                    filter.marketplace.as_deref().filter(|s| !s.is_empty()),
                    filter
                        .destination_country
                        .as_deref()
                        .filter(|s| !s.is_empty()),
                    filter.limit.unwrap_or(500),
                    filter.offset.unwrap_or(0)
                ],
                |r| {
                    Ok(OrderRow {
                        id: r.get("id")?,
                        marketplace: r.get("marketplace")?,
                        order_no: r.get("order_no")?,
                        order_date: date(r, "order_date")?,
                        buyer_name: r.get("buyer_name")?,
                        destination_country: r.get("destination_country")?,
                        currency: r.get("currency")?,
                        incoterm: r.get("incoterm")?,
                        goods_total: dec(r, "goods_total")?,
                        shipping_fee: dec(r, "shipping_fee")?,
                        line_count: r.get("line_count")?,
                    })
                },
            )
            .map_err(sql_problem)?;
        rows.collect::<rusqlite::Result<_>>().map_err(sql_problem)
    }

    pub fn order_count(&self) -> Result<i64, Problem> {
        self.conn()
            .query_row("SELECT count(*) FROM orders", [], |r| r.get(0))
            .map_err(sql_problem)
    }

    pub fn order(&self, id: i64) -> Result<Option<Order>, Problem> {
        let Some(mut order) = self
            .conn()
            .query_row("SELECT * FROM orders WHERE id = ?1", [id], order_head_from)
            .optional()
            .map_err(sql_problem)?
        else {
            return Ok(None);
        };
        let mut stmt = self
            .conn()
            .prepare("SELECT * FROM order_lines WHERE order_id = ?1 ORDER BY line_no")
            .map_err(sql_problem)?;
        let lines = stmt.query_map([id], line_from).map_err(sql_problem)?;
        order.lines = lines
            .collect::<rusqlite::Result<_>>()
            .map_err(sql_problem)?;
        Ok(Some(order))
    }

    pub fn order_id_by_number(
        &self,
        marketplace: &str,
        order_no: &str,
    ) -> Result<Option<i64>, Problem> {
        self.conn()
            .query_row(
                "SELECT id FROM orders WHERE marketplace = ?1 AND order_no = ?2",
                params![marketplace.trim(), order_no.trim()],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql_problem)
    }

    pub fn rates(&self) -> Result<Vec<WeeklyRate>, Problem> {
        let mut stmt = self
            .conn()
            .prepare("SELECT * FROM weekly_rates ORDER BY week_start DESC, currency")
            .map_err(sql_problem)?;
        let rows = stmt.query_map([], rate_from).map_err(sql_problem)?;
        rows.collect::<rusqlite::Result<_>>().map_err(sql_problem)
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>, Problem> {
        self.conn()
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(sql_problem)
    }

    /// The newest `limit` entries of the audit trail, newest first.
    pub fn change_log(&self, limit: u32) -> Result<Vec<ChangeEntry>, Problem> {
        let mut stmt = self
            .conn()
            .prepare("SELECT * FROM change_log ORDER BY id DESC LIMIT ?1")
            .map_err(sql_problem)?;
        let rows = stmt
            .query_map([limit], |r| {
                Ok(ChangeEntry {
                    id: r.get("id")?,
                    at: r.get("at")?,
                    entity: r.get("entity")?,
                    entity_id: r.get("entity_id")?,
                    action: r.get("action")?,
                    before: r.get("before")?,
                    after: r.get("after")?,
                })
            })
            .map_err(sql_problem)?;
        rows.collect::<rusqlite::Result<_>>().map_err(sql_problem)
    }

    /// Row counts of the record tables, for status screens and tests.
    pub fn counts(&self) -> Result<Vec<(String, i64)>, Problem> {
        [
            "sellers",
            "buyers",
            "products",
            "orders",
            "order_lines",
            "weekly_rates",
            "change_log",
        ]
        .iter()
        .map(|t| {
            self.conn()
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .map(|n| (t.to_string(), n))
                .map_err(sql_problem)
        })
        .collect()
    }
}

/// An open write transaction. Dropped without [`Writer::commit`], it rolls back.
pub struct Writer<'a> {
    pub(crate) tx: Transaction<'a>,
    pub(crate) at: String,
    /// Whether records created in this transaction get one change-log entry each (see
    /// [`Writer::bulk_creates`]).
    log_creates: bool,
}

fn duplicate_sku(sku: &str) -> Problem {
    Problem::new(
        "product.sku_taken",
        format!("SKU '{sku}'은(는) 이미 다른 상품에 쓰이고 있습니다. 다른 SKU를 입력하세요."),
        format!("The SKU '{sku}' is already used by another product; enter a different SKU."),
    )
    .at("sku")
    .with("sku", sku)
}

fn duplicate_order(marketplace: &str, no: &str) -> Problem {
    Problem::new(
        "order.duplicate",
        format!("{marketplace} 주문번호 {no}은(는) 이미 등록되어 있습니다. 주문 목록에서 그 주문을 여세요."),
        format!("{marketplace} order {no} is already recorded; open it from the orders list."),
    )
    .at("order_no")
    .with("marketplace", marketplace)
    .with("order_no", no)
}

pub(crate) fn not_found(entity_ko: &str, entity_en: &str, id: i64) -> Problem {
    Problem::new(
        "record.not_found",
        format!("{entity_ko}(번호 {id})을(를) 찾을 수 없습니다. 이미 삭제되었을 수 있습니다. 목록을 새로 고치세요."),
        format!("{entity_en} {id} was not found; it may have been deleted. Refresh the list."),
    )
    .with("id", id)
}

fn is_unique_violation(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE)
}

impl<'a> Writer<'a> {
    pub(crate) fn new(tx: Transaction<'a>, at: NaiveDateTime) -> Self {
        Writer {
            tx,
            at: stamp(at),
            log_creates: true,
        }
    }

    pub(crate) fn commit(self) -> Result<(), Problem> {
        self.tx.commit().map_err(sql_problem)
    }

    /// From here on, records *created* in this transaction are not logged one by one: the caller
    /// logs one entry that names them all (an import's manifest, [`Writer::log_import`]). Updates
    /// and deletes are still logged with their before and after, so the history stays whole: a
    /// created record is the record itself until its first change, whose entry keeps the
    /// "before". Writing a JSON copy of each of 50,000 imported orders doubled an import's time.
    pub fn bulk_creates(&mut self) {
        self.log_creates = false;
    }

    /// Append one entry to the change log.
    pub(crate) fn log<T: Serialize>(
        &self,
        entity: &str,
        id: &str,
        action: &str,
        before: Option<&T>,
        after: Option<&T>,
    ) -> Result<(), Problem> {
        if action == "create" && !self.log_creates && entity != "import" {
            return Ok(());
        }
        let json = |v: Option<&T>| v.map(|v| serde_json::to_string(v).expect("records serialise"));
        self.tx
            .prepare_cached(
                "INSERT INTO change_log(at, entity, entity_id, action, before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .and_then(|mut s| s.execute(params![self.at, entity, id, action, json(before), json(after)]))
            .map_err(sql_problem)?;
        Ok(())
    }

    pub fn save_seller(&mut self, seller: &Seller) -> Result<Seller, Problem> {
        let before = self
            .tx
            .query_row(
                "SELECT * FROM sellers WHERE id = ?1",
                [seller.id],
                seller_from,
            )
            .optional()
            .map_err(sql_problem)?;
        let p = params![
            seller.name,
            seller.name_en,
            seller.representative,
            seller.business_no.digits(),
            seller.customs_code.as_ref().map(|c| c.as_str().to_string()),
            seller.address,
            seller.address_en,
            seller.phone,
            seller.email,
            seller.platform_based,
            seller.platforms,
            self.at,
        ];
        let mut saved = seller.clone();
        if before.is_some() {
            self.tx
                .execute(
                    "UPDATE sellers SET name=?1, name_en=?2, representative=?3, business_no=?4, customs_code=?5,
                     address=?6, address_en=?7, phone=?8, email=?9, platform_based=?10, platforms=?11, updated_at=?12
                     WHERE id = ?13",
                    rusqlite::params_from_iter(p.iter().copied().chain(std::iter::once(&seller.id as &dyn rusqlite::ToSql))),
                )
                .map_err(sql_problem)?;
        } else {
            self.tx
                .execute(
                    "INSERT INTO sellers(name, name_en, representative, business_no, customs_code, address, address_en,
                     phone, email, platform_based, platforms, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
                    p,
                )
                .map_err(sql_problem)?;
            saved.id = self.tx.last_insert_rowid();
        }
        let action = if before.is_some() { "update" } else { "create" };
        self.log(
            "seller",
            &saved.id.to_string(),
            action,
            before.as_ref(),
            Some(&saved),
        )?;
        Ok(saved)
    }

    pub fn save_buyer(&mut self, buyer: &Buyer) -> Result<Buyer, Problem> {
        let before = if buyer.id == 0 {
            None
        } else {
            self.tx
                .query_row("SELECT * FROM buyers WHERE id = ?1", [buyer.id], buyer_from)
                .optional()
                .map_err(sql_problem)?
        };
        let mut saved = buyer.clone();
        if before.is_some() {
            self.tx
                .execute(
                    "UPDATE buyers SET name=?1, country=?2, address=?3, email=?4, phone=?5, updated_at=?6 WHERE id=?7",
                    params![buyer.name, buyer.country.code(), buyer.address, buyer.email, buyer.phone, self.at, buyer.id],
                )
                .map_err(sql_problem)?;
        } else {
            self.tx
                .prepare_cached(
                    "INSERT INTO buyers(name, country, address, email, phone, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                )
                .and_then(|mut s| {
                    s.execute(params![
                        buyer.name,
                        buyer.country.code(),
                        buyer.address,
                        buyer.email,
                        buyer.phone,
                        self.at
                    ])
                })
                .map_err(sql_problem)?;
            saved.id = self.tx.last_insert_rowid();
        }
        let action = if before.is_some() { "update" } else { "create" };
        self.log(
            "buyer",
            &saved.id.to_string(),
            action,
            before.as_ref(),
            Some(&saved),
        )?;
        Ok(saved)
    }

    pub fn delete_buyer(&mut self, id: i64) -> Result<(), Problem> {
        let before = self
            .tx
            .query_row("SELECT * FROM buyers WHERE id = ?1", [id], buyer_from)
            .optional()
            .map_err(sql_problem)?
            .ok_or_else(|| not_found("구매자", "Buyer", id))?;
        let used: i64 = self
            .tx
            .query_row(
                "SELECT count(*) FROM orders WHERE buyer_id = ?1",
                [id],
                |r| r.get(0),
            )
            .map_err(sql_problem)?;
        if used > 0 {
            return Err(Problem::new(
                "buyer.in_use",
                format!("{}님은 주문 {used}건에 연결되어 있어 삭제할 수 없습니다. 먼저 그 주문들을 삭제하거나 다른 구매자로 바꾸세요.", before.name),
                format!("{} is the buyer of {used} order(s) and cannot be deleted. Delete those orders or change their buyer first.", before.name),
            )
            .with("orders", used));
        }
        self.tx
            .execute("DELETE FROM buyers WHERE id = ?1", [id])
            .map_err(sql_problem)?;
        self.log("buyer", &id.to_string(), "delete", Some(&before), None)
    }

    pub fn save_product(&mut self, product: &Product) -> Result<Product, Problem> {
        let before = self
            .tx
            .query_row(
                "SELECT * FROM products WHERE id = ?1",
                [product.id],
                product_from,
            )
            .optional()
            .map_err(sql_problem)?;
        let hs = product.hs_code.as_ref().map(|c| c.digits().to_string());
        let weight = product.net_weight_kg.map(|w| w.to_string());
        let origin = product
            .origin_country
            .as_ref()
            .map(|c| c.code().to_string());
        let result = if before.is_some() {
            self.tx.execute(
                "UPDATE products SET sku=?1, name_ko=?2, name_en=?3, hs_code=?4, unit=?5, net_weight_kg=?6,
                 origin_country=?7, brand=?8, model_spec=?9, needs_permit=?10, updated_at=?11 WHERE id=?12",
                params![product.sku, product.name_ko, product.name_en, hs, product.unit, weight, origin,
                        product.brand, product.model_spec, product.needs_permit, self.at, product.id],
            )
        } else {
            self.tx.execute(
                "INSERT INTO products(sku, name_ko, name_en, hs_code, unit, net_weight_kg, origin_country, brand,
                 model_spec, needs_permit, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
                params![product.sku, product.name_ko, product.name_en, hs, product.unit, weight, origin,
                        product.brand, product.model_spec, product.needs_permit, self.at],
            )
        };
        result.map_err(|e| {
            if is_unique_violation(&e) {
                duplicate_sku(&product.sku)
            } else {
                sql_problem(e)
            }
        })?;
        let mut saved = product.clone();
        if before.is_none() {
            saved.id = self.tx.last_insert_rowid();
        }
        let action = if before.is_some() { "update" } else { "create" };
        self.log(
            "product",
            &saved.id.to_string(),
            action,
            before.as_ref(),
            Some(&saved),
        )?;
        Ok(saved)
    }

    pub fn delete_product(&mut self, id: i64) -> Result<(), Problem> {
        let before = self
            .tx
            .query_row("SELECT * FROM products WHERE id = ?1", [id], product_from)
            .optional()
            .map_err(sql_problem)?
            .ok_or_else(|| not_found("상품", "Product", id))?;
        let used: i64 = self
            .tx
            .query_row(
                "SELECT count(DISTINCT order_id) FROM order_lines WHERE product_id = ?1",
                [id],
                |r| r.get(0),
            )
            .map_err(sql_problem)?;
        if used > 0 {
            return Err(Problem::new(
                "product.in_use",
                format!("상품 {}은(는) 주문 {used}건에 쓰여 삭제할 수 없습니다. 주문 기록을 지키기 위해서입니다.", before.sku),
                format!("Product {} appears in {used} order(s) and cannot be deleted, so that the order records stay complete.", before.sku),
            )
            .with("orders", used));
        }
        self.tx
            .execute("DELETE FROM products WHERE id = ?1", [id])
            .map_err(sql_problem)?;
        self.log("product", &id.to_string(), "delete", Some(&before), None)
    }

    fn order_snapshot(&self, id: i64) -> Result<Option<Order>, Problem> {
        if id == 0 {
            return Ok(None);
        }
        let Some(mut order) = self
            .tx
            .prepare_cached("SELECT * FROM orders WHERE id = ?1")
            .and_then(|mut s| s.query_row([id], order_head_from).optional())
            .map_err(sql_problem)?
        else {
            return Ok(None);
        };
        let mut stmt = self
            .tx
            .prepare_cached("SELECT * FROM order_lines WHERE order_id = ?1 ORDER BY line_no")
            .map_err(sql_problem)?;
        let lines = stmt.query_map([id], line_from).map_err(sql_problem)?;
        order.lines = lines
            .collect::<rusqlite::Result<_>>()
            .map_err(sql_problem)?;
        Ok(Some(order))
    }

    /// Insert (id 0) or replace an order with its lines.
    pub fn save_order(&mut self, order: &Order) -> Result<Order, Problem> {
        let before = self.order_snapshot(order.id)?;
        if order.id != 0 && before.is_none() {
            return Err(not_found("주문", "Order", order.id));
        }
        let head = params![
            order.marketplace,
            order.order_no,
            order.buyer_id,
            order.order_date.to_string(),
            order.currency.code(),
            order.shipping_fee.to_string(),
            order.incoterm.code(),
            order.destination_country.code(),
            order.goods_total.to_string(),
            self.at,
            order.shipping_separate,
        ];
        // Statements are cached: an import saves tens of thousands of orders in one go.
        let result = if before.is_some() {
            self.tx
                .prepare_cached(
                    "UPDATE orders SET marketplace=?1, order_no=?2, buyer_id=?3, order_date=?4, currency=?5, shipping_fee=?6,
                     incoterm=?7, destination_country=?8, goods_total=?9, updated_at=?10, shipping_separate=?11 WHERE id = ?12",
                )
                .and_then(|mut s| {
                    s.execute(rusqlite::params_from_iter(
                        head.iter()
                            .copied()
                            .chain(std::iter::once(&order.id as &dyn rusqlite::ToSql)),
                    ))
                })
        } else {
            self.tx
                .prepare_cached(
                    "INSERT INTO orders(marketplace, order_no, buyer_id, order_date, currency, shipping_fee, incoterm,
                     destination_country, goods_total, created_at, updated_at, shipping_separate)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11)",
                )
                .and_then(|mut s| s.execute(head))
        };
        result.map_err(|e| {
            if is_unique_violation(&e) {
                duplicate_order(&order.marketplace, &order.order_no)
            } else {
                sql_problem(e)
            }
        })?;
        let mut saved = order.clone();
        if before.is_none() {
            saved.id = self.tx.last_insert_rowid();
        }
        if before.is_some() {
            self.tx
                .prepare_cached("DELETE FROM order_lines WHERE order_id = ?1")
                .and_then(|mut s| s.execute([saved.id]))
                .map_err(sql_problem)?;
        }
        {
            let mut stmt = self
                .tx
                .prepare_cached(
                    "INSERT INTO order_lines(order_id, line_no, product_id, sku, description, quantity, unit_price, amount, discount)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )
                .map_err(sql_problem)?;
            for l in &saved.lines {
                stmt.execute(params![
                    saved.id,
                    l.line_no,
                    l.product_id,
                    l.sku,
                    l.description,
                    l.quantity.to_string(),
                    l.unit_price.to_string(),
                    l.amount.to_string(),
                    l.discount.to_string()
                ])
                .map_err(sql_problem)?;
            }
        }
        let action = if before.is_some() { "update" } else { "create" };
        self.log(
            "order",
            &saved.id.to_string(),
            action,
            before.as_ref(),
            Some(&saved),
        )?;
        Ok(saved)
    }

    pub fn delete_order(&mut self, id: i64) -> Result<(), Problem> {
        let before = self
            .order_snapshot(id)?
            .ok_or_else(|| not_found("주문", "Order", id))?;
        self.tx
            .execute("DELETE FROM orders WHERE id = ?1", [id])
            .map_err(sql_problem)?;
        self.log("order", &id.to_string(), "delete", Some(&before), None)
    }

    /// Insert or replace the rate of one week and currency.
    pub fn save_rate(&mut self, rate: &WeeklyRate) -> Result<(), Problem> {
        let key = format!("{}/{}", rate.week_start, rate.currency);
        let before = self
            .tx
            .query_row(
                "SELECT * FROM weekly_rates WHERE week_start = ?1 AND currency = ?2",
                params![rate.week_start.to_string(), rate.currency.code()],
                rate_from,
            )
            .optional()
            .map_err(sql_problem)?;
        self.tx
            .execute(
                "INSERT INTO weekly_rates(week_start, currency, krw_per_unit, source, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(week_start, currency) DO UPDATE SET krw_per_unit = excluded.krw_per_unit,
                 source = excluded.source, updated_at = excluded.updated_at",
                params![rate.week_start.to_string(), rate.currency.code(), rate.krw_per_unit.to_string(), rate.source, self.at],
            )
            .map_err(sql_problem)?;
        let action = if before.is_some() { "update" } else { "create" };
        self.log("weekly_rate", &key, action, before.as_ref(), Some(rate))
    }

    pub fn delete_rate(
        &mut self,
        week_start: NaiveDate,
        currency: Currency,
    ) -> Result<(), Problem> {
        let before = self
            .tx
            .query_row(
                "SELECT * FROM weekly_rates WHERE week_start = ?1 AND currency = ?2",
                params![week_start.to_string(), currency.code()],
                rate_from,
            )
            .optional()
            .map_err(sql_problem)?;
        let Some(before) = before else {
            return Err(Problem::new(
                "rate.not_found",
                format!("{week_start} 주의 {currency} 환율이 없습니다."),
                format!("There is no {currency} rate for the week of {week_start}."),
            ));
        };
        self.tx
            .execute(
                "DELETE FROM weekly_rates WHERE week_start = ?1 AND currency = ?2",
                params![week_start.to_string(), currency.code()],
            )
            .map_err(sql_problem)?;
        self.log(
            "weekly_rate",
            &format!("{week_start}/{currency}"),
            "delete",
            Some(&before),
            None,
        )
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<(), Problem> {
        let before: Option<String> = self
            .tx
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(sql_problem)?;
        if before.as_deref() == Some(value) {
            return Ok(());
        }
        self.tx
            .execute(
                "INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )
            .map_err(sql_problem)?;
        let action = if before.is_some() { "update" } else { "create" };
        self.log(
            "setting",
            key,
            action,
            before.as_ref(),
            Some(&value.to_string()),
        )
    }

    /// Read inside the transaction (used to check references before a write).
    pub fn product_exists(&self, id: i64) -> Result<bool, Problem> {
        self.tx
            .query_row("SELECT 1 FROM products WHERE id = ?1", [id], |_| Ok(()))
            .optional()
            .map(|o| o.is_some())
            .map_err(sql_problem)
    }

    pub fn product_id_by_sku(&self, sku: &str) -> Result<Option<i64>, Problem> {
        self.tx
            .query_row(
                "SELECT id FROM products WHERE sku = ?1",
                [sku.trim()],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql_problem)
    }

    pub fn buyer_exists(&self, id: i64) -> Result<bool, Problem> {
        self.tx
            .query_row("SELECT 1 FROM buyers WHERE id = ?1", [id], |_| Ok(()))
            .optional()
            .map(|o| o.is_some())
            .map_err(sql_problem)
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use exportdesk_rules::hs::HsTable;
    use exportdesk_rules::records::{
        BuyerDraft, OrderDraft, OrderLineDraft, ProductDraft, SellerDraft,
    };

    fn product(sku: &str) -> exportdesk_rules::records::Product {
        ProductDraft {
            sku: sku.into(),
            name_ko: "토너".into(),
            hs_code: "3304991000".into(),
            ..Default::default()
        }
        .validate(0, &HsTable::bundled())
        .unwrap()
    }

    #[test]
    fn product_crud_is_logged_with_before_and_after() {
        let (_d, mut s) = temp_store();
        let p = s
            .write(at("2026-11-27 10:00"), |w| w.save_product(&product("A-1")))
            .unwrap();
        assert!(p.id > 0);
        let mut changed = p.clone();
        changed.name_ko = "스킨".into();
        s.write(at("2026-11-27 10:05"), |w| w.save_product(&changed))
            .unwrap();
        assert_eq!(s.product(p.id).unwrap().unwrap().name_ko, "스킨");
        s.write(at("2026-11-27 10:10"), |w| w.delete_product(p.id))
            .unwrap();
        assert!(s.product(p.id).unwrap().is_none());
        let log = s.change_log(10).unwrap();
        let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["delete", "update", "create"]);
        assert!(log[1].before.as_ref().unwrap().contains("토너"));
        assert!(log[1].after.as_ref().unwrap().contains("스킨"));
        assert_eq!(log[0].at, "2026-11-27T10:10:00");
        assert!(log[0].after.is_none());
    }

    #[test]
    fn change_log_cannot_be_altered() {
        let (_d, mut s) = temp_store();
        s.write(at("2026-11-27 10:00"), |w| w.save_product(&product("A-1")))
            .unwrap();
        assert!(s
            .conn()
            .execute("UPDATE change_log SET action = 'create'", [])
            .is_err());
        assert!(s.conn().execute("DELETE FROM change_log", []).is_err());
        assert_eq!(s.change_log(10).unwrap().len(), 1);
    }

    #[test]
    fn duplicate_sku_and_order_numbers_are_clear_errors() {
        let (_d, mut s) = temp_store();
        s.write(at("2026-11-27 10:00"), |w| w.save_product(&product("A-1")))
            .unwrap();
        let e = s
            .write(at("2026-11-27 10:00"), |w| w.save_product(&product("a-1")))
            .unwrap_err();
        assert_eq!(e.code, "product.sku_taken");
        let order = OrderDraft {
            marketplace: "eBay".into(),
            order_no: "12-1".into(),
            order_date: "2026-11-20".into(),
            currency: "USD".into(),
            incoterm: "DAP".into(),
            destination_country: "US".into(),
            lines: vec![OrderLineDraft {
                sku: "A-1".into(),
                quantity: "1".into(),
                unit_price: "5".into(),
                ..Default::default()
            }],
            ..Default::default()
        }
        .validate(0)
        .unwrap();
        s.write(at("2026-11-27 10:00"), |w| w.save_order(&order))
            .unwrap();
        let e = s
            .write(at("2026-11-27 10:00"), |w| w.save_order(&order))
            .unwrap_err();
        assert_eq!(e.code, "order.duplicate");
        assert_eq!(s.order_count().unwrap(), 1);
    }

    #[test]
    fn referenced_records_cannot_be_deleted() {
        let (_d, mut s) = temp_store();
        let p = s
            .write(at("2026-11-27 10:00"), |w| w.save_product(&product("A-1")))
            .unwrap();
        let b = BuyerDraft {
            name: "Emily".into(),
            country: "US".into(),
            ..Default::default()
        }
        .validate(0)
        .unwrap();
        let b = s
            .write(at("2026-11-27 10:00"), |w| w.save_buyer(&b))
            .unwrap();
        let order = OrderDraft {
            marketplace: "Shopify".into(),
            order_no: "#1".into(),
            buyer_id: Some(b.id),
            order_date: "2026-11-20".into(),
            currency: "USD".into(),
            incoterm: "DAP".into(),
            destination_country: "US".into(),
            lines: vec![OrderLineDraft {
                product_id: Some(p.id),
                quantity: "2".into(),
                unit_price: "5".into(),
                ..Default::default()
            }],
            ..Default::default()
        }
        .validate(0)
        .unwrap();
        let o = s
            .write(at("2026-11-27 10:00"), |w| w.save_order(&order))
            .unwrap();
        assert_eq!(
            s.write(at("2026-11-27 10:00"), |w| w.delete_product(p.id))
                .unwrap_err()
                .code,
            "product.in_use"
        );
        assert_eq!(
            s.write(at("2026-11-27 10:00"), |w| w.delete_buyer(b.id))
                .unwrap_err()
                .code,
            "buyer.in_use"
        );
        let rows = s.orders(&Default::default()).unwrap();
        assert_eq!(rows[0].buyer_name.as_deref(), Some("Emily"));
        assert_eq!(rows[0].line_count, 1);
        s.write(at("2026-11-27 10:00"), |w| w.delete_order(o.id))
            .unwrap();
        assert_eq!(
            s.counts()
                .unwrap()
                .iter()
                .find(|c| c.0 == "order_lines")
                .unwrap()
                .1,
            0
        );
        s.write(at("2026-11-27 10:00"), |w| w.delete_product(p.id))
            .unwrap();
    }

    #[test]
    fn seller_saved_and_updated() {
        let (_d, mut s) = temp_store();
        let draft = SellerDraft {
            name: "달무리상점".into(),
            representative: "김하늘".into(),
            business_no: "2208162517".into(),
            address: "서울".into(),
            ..Default::default()
        };
        let seller = s
            .write(at("2026-11-27 10:00"), |w| {
                w.save_seller(&draft.validate(0).unwrap())
            })
            .unwrap();
        let mut again = draft.validate(seller.id).unwrap();
        again.platform_based = true;
        s.write(at("2026-11-27 10:00"), |w| w.save_seller(&again))
            .unwrap();
        assert_eq!(s.sellers().unwrap().len(), 1);
        assert!(s.seller().unwrap().unwrap().platform_based);
    }

    #[test]
    fn order_search_finds_by_number_buyer_and_sku() {
        let (_d, mut s) = temp_store();
        for (i, sku) in ["TONER", "CREAM"].iter().enumerate() {
            let o = OrderDraft {
                marketplace: "Etsy".into(),
                order_no: format!("30{i}"),
                order_date: format!("2026-11-2{i}"),
                currency: "EUR".into(),
                incoterm: "DAP".into(),
                destination_country: "DE".into(),
                lines: vec![OrderLineDraft {
                    sku: sku.to_string(),
                    quantity: "1".into(),
                    unit_price: "5".into(),
                    ..Default::default()
                }],
                ..Default::default()
            }
            .validate(0)
            .unwrap();
            s.write(at("2026-11-27 10:00"), |w| w.save_order(&o))
                .unwrap();
        }
        let find = |q: &str| {
            s.orders(&crate::OrderFilter {
                search: Some(q.into()),
                ..Default::default()
            })
            .unwrap()
        };
        assert_eq!(find("cream").len(), 1);
        assert_eq!(find("30").len(), 2);
        assert_eq!(find("%").len(), 0);
        assert_eq!(find("").len(), 2);
        assert_eq!(find("")[0].order_no, "301", "newest first");
    }
}
