//! Declarations in the store, and the dashboard's reads: open deadlines, counts by urgency and
//! monthly totals, all served by indexes so they stay fast with a million declarations.

use crate::records::{date, dec, like, not_found, opt_dec, parsed, Writer};
use crate::{sql_problem, Store};
use chrono::NaiveDate;
use exportdesk_rules::declaration::{
    Declaration, DeclarationKind, DeclarationLine, DeclarationState, LoadingExtension,
};
use exportdesk_rules::incoterm::Incoterm;
use exportdesk_rules::money::Currency;
use exportdesk_rules::Problem;
use rusqlite::{params, OptionalExtension, Row};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use ts_rs::TS;

fn opt_date(row: &Row<'_>, col: &str) -> rusqlite::Result<Option<NaiveDate>> {
    let s: Option<String> = row.get(col)?;
    s.map(|s| {
        NaiveDate::from_str(&s).map_err(|_| {
            rusqlite::Error::FromSqlConversionFailure(
                0,
                rusqlite::types::Type::Text,
                format!("stored {col} '{s}' is not a date").into(),
            )
        })
    })
    .transpose()
}

fn state_of(s: &str) -> Result<DeclarationState, Problem> {
    DeclarationState::parse(s).ok_or_else(|| {
        Problem::new(
            "store.bad_state",
            "저장된 신고 상태가 잘못되었습니다",
            "stored declaration state is invalid",
        )
    })
}

fn kind_of(s: &str) -> Result<DeclarationKind, Problem> {
    match s {
        "simplified" => Ok(DeclarationKind::Simplified),
        "regular" => Ok(DeclarationKind::Regular),
        _ => Err(Problem::new(
            "store.bad_kind",
            "저장된 신고 종류가 잘못되었습니다",
            "stored declaration kind is invalid",
        )),
    }
}

fn kind_code(k: DeclarationKind) -> &'static str {
    match k {
        DeclarationKind::Simplified => "simplified",
        DeclarationKind::Regular => "regular",
    }
}

fn head_from(row: &Row<'_>) -> rusqlite::Result<Declaration> {
    Ok(Declaration {
        id: row.get("id")?,
        state: parsed(row, "state", state_of)?,
        declared_on: date(row, "declared_on")?,
        order_ids: Vec::new(),
        order_numbers: Vec::new(),
        buyer_id: row.get("buyer_id")?,
        buyer_name: row.get("buyer_name")?,
        buyer_country: row.get("buyer_country")?,
        destination_country: row.get("destination_country")?,
        currency: parsed(row, "currency", Currency::parse)?,
        incoterm: parsed(row, "incoterm", Incoterm::parse)?,
        freight_insurance: dec(row, "freight_insurance")?,
        freight_source: row.get("freight_source")?,
        freight_separate: row.get("freight_separate")?,
        rate: dec(row, "rate")?,
        invoice_total: dec(row, "invoice_total")?,
        fob_total: dec(row, "fob_total")?,
        fob_krw: dec(row, "fob_krw")?,
        kind: parsed(row, "kind", kind_of)?,
        kind_reason_ko: row.get("kind_reason_ko")?,
        kind_reason_en: row.get("kind_reason_en")?,
        list_clearance_possible: row.get("list_clearance_possible")?,
        non_conforming: row.get("non_conforming")?,
        conditional_reexport: row.get("conditional_reexport")?,
        transport_mode: row.get("transport_mode")?,
        loading_port: row.get("loading_port")?,
        courier_code: row.get("courier_code")?,
        declaration_no: row.get("declaration_no")?,
        filed_on: opt_date(row, "filed_on")?,
        accepted_on: opt_date(row, "accepted_on")?,
        loading_raw: opt_date(row, "loading_raw")?,
        loading_due: opt_date(row, "loading_due")?,
        extensions: Vec::new(),
        loaded_on: opt_date(row, "loaded_on")?,
        bl_awb: row.get("bl_awb")?,
        carrier: row.get("carrier")?,
        provisional: row.get("provisional")?,
        confirmed_paid_on: opt_date(row, "confirmed_paid_on")?,
        final_price_raw: opt_date(row, "final_price_raw")?,
        final_price_due: opt_date(row, "final_price_due")?,
        final_fob_krw: opt_dec(row, "final_fob_krw")?,
        final_filed_on: opt_date(row, "final_filed_on")?,
        cancelled_on: opt_date(row, "cancelled_on")?,
        cancel_reason: row.get("cancel_reason")?,
        lines: Vec::new(),
    })
}

fn line_from(row: &Row<'_>) -> rusqlite::Result<DeclarationLine> {
    Ok(DeclarationLine {
        line_no: row.get("line_no")?,
        order_id: row.get("order_id")?,
        order_line_no: row.get("order_line_no")?,
        product_id: row.get("product_id")?,
        hs_code: row.get("hs_code")?,
        name_ko: row.get("name_ko")?,
        name_en: row.get("name_en")?,
        brand: row.get("brand")?,
        model_spec: row.get("model_spec")?,
        quantity: dec(row, "quantity")?,
        unit: row.get("unit")?,
        net_weight_kg: opt_dec(row, "net_weight_kg")?,
        origin_country: row.get("origin_country")?,
        needs_permit: row.get("needs_permit")?,
        amount: dec(row, "amount")?,
        discount: dec(row, "discount")?,
        deduction: dec(row, "deduction")?,
        fob: dec(row, "fob")?,
        fob_krw: dec(row, "fob_krw")?,
    })
}

/// Read a whole declaration through any connection (the store's or a writer's transaction).
fn load(conn: &rusqlite::Connection, id: i64) -> Result<Option<Declaration>, Problem> {
    let Some(mut d) = conn
        .query_row("SELECT * FROM declarations WHERE id = ?1", [id], head_from)
        .optional()
        .map_err(sql_problem)?
    else {
        return Ok(None);
    };
    let mut stmt = conn
        .prepare_cached(
            "SELECT o.id, o.order_no FROM declaration_orders d JOIN orders o ON o.id = d.order_id
             WHERE d.declaration_id = ?1 ORDER BY o.id",
        )
        .map_err(sql_problem)?;
    let pairs = stmt
        .query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
        .map_err(sql_problem)?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(sql_problem)?;
    d.order_ids = pairs.iter().map(|p| p.0).collect();
    d.order_numbers = pairs.into_iter().map(|p| p.1).collect();
    let mut stmt = conn
        .prepare_cached(
            "SELECT * FROM declaration_lines WHERE declaration_id = ?1 ORDER BY line_no",
        )
        .map_err(sql_problem)?;
    d.lines = stmt
        .query_map([id], line_from)
        .map_err(sql_problem)?
        .collect::<rusqlite::Result<_>>()
        .map_err(sql_problem)?;
    let mut stmt = conn
        .prepare_cached("SELECT * FROM loading_extensions WHERE declaration_id = ?1 ORDER BY seq")
        .map_err(sql_problem)?;
    d.extensions = stmt
        .query_map([id], |r| {
            Ok(LoadingExtension {
                requested_on: date(r, "requested_on")?,
                new_date: date(r, "new_date")?,
                due: date(r, "due")?,
                reason: r.get("reason")?,
            })
        })
        .map_err(sql_problem)?
        .collect::<rusqlite::Result<_>>()
        .map_err(sql_problem)?;
    Ok(Some(d))
}

/// One declaration in the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DeclarationRow {
    pub id: i64,
    pub state: DeclarationState,
    pub kind: DeclarationKind,
    pub declared_on: NaiveDate,
    pub declaration_no: Option<String>,
    pub buyer_name: String,
    pub destination_country: String,
    pub currency: String,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub fob_krw: Decimal,
    pub loading_due: Option<NaiveDate>,
    pub orders: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct DeclarationFilter {
    pub state: Option<DeclarationState>,
    /// Matches declaration number, buyer or order number.
    pub search: Option<String>,
    pub limit: Option<u32>,
}

/// An open deadline on the dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DeadlineRow {
    pub declaration_id: i64,
    /// "loading" or "final_price".
    pub kind: String,
    pub due: NaiveDate,
    pub raw: Option<NaiveDate>,
    pub declaration_no: Option<String>,
    pub buyer_name: String,
    pub destination_country: String,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub fob_krw: Decimal,
    pub extended: bool,
}

/// Open deadlines by urgency.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct DashboardCounts {
    pub overdue: i64,
    pub within_3_days: i64,
    pub within_7_days: i64,
    pub later: i64,
}

/// Declarations and FOB in one month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MonthTotal {
    /// `YYYY-MM`
    pub month: String,
    pub declarations: i64,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub fob_krw: Decimal,
}

const OPEN_LOADING: &str = "state = 'accepted'";
const OPEN_FINAL: &str = "provisional = 1 AND final_filed_on IS NULL AND final_price_due IS NOT NULL AND state <> 'cancelled'";

impl Store {
    pub fn declaration(&self, id: i64) -> Result<Option<Declaration>, Problem> {
        load(self.conn(), id)
    }

    pub fn declarations(&self, filter: &DeclarationFilter) -> Result<Vec<DeclarationRow>, Problem> {
        let search = filter.search.as_deref().unwrap_or("").trim().to_string();
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT d.id, d.state, d.kind, d.declared_on, d.declaration_no, d.buyer_name, d.destination_country,
                        d.currency, d.fob_krw, d.loading_due,
                        (SELECT count(*) FROM declaration_orders x WHERE x.declaration_id = d.id) AS orders
                 FROM declarations d
                 WHERE (?1 IS NULL OR d.state = ?1)
                   AND (?2 = '' OR ifnull(d.declaration_no, '') LIKE ?3 ESCAPE '\\' OR d.buyer_name LIKE ?3 ESCAPE '\\'
                        OR EXISTS (SELECT 1 FROM declaration_orders x JOIN orders o ON o.id = x.order_id
                                   WHERE x.declaration_id = d.id AND o.order_no LIKE ?3 ESCAPE '\\'))
                 ORDER BY d.id DESC LIMIT ?4",
            )
            .map_err(sql_problem)?;
        let rows = stmt
            .query_map(
                params![
                    filter.state.map(|s| s.code()),
                    search,
                    like(&search),
                    filter.limit.unwrap_or(500)
                ],
                |r| {
                    Ok(DeclarationRow {
                        id: r.get("id")?,
                        state: parsed(r, "state", state_of)?,
                        kind: parsed(r, "kind", kind_of)?,
                        declared_on: date(r, "declared_on")?,
                        declaration_no: r.get("declaration_no")?,
                        buyer_name: r.get("buyer_name")?,
                        destination_country: r.get("destination_country")?,
                        currency: r.get("currency")?,
                        fob_krw: dec(r, "fob_krw")?,
                        loading_due: opt_date(r, "loading_due")?,
                        orders: r.get("orders")?,
                    })
                },
            )
            .map_err(sql_problem)?;
        rows.collect::<rusqlite::Result<_>>().map_err(sql_problem)
    }

    /// Orders among `ids` that are already in a declaration that is not cancelled, with its id.
    pub fn orders_already_declared(&self, ids: &[i64]) -> Result<Vec<(i64, i64)>, Problem> {
        let mut stmt = self
            .conn()
            .prepare_cached(
                "SELECT x.order_id, d.id FROM declaration_orders x JOIN declarations d ON d.id = x.declaration_id
                 WHERE x.order_id = ?1 AND d.state <> 'cancelled'",
            )
            .map_err(sql_problem)?;
        let mut out = Vec::new();
        for id in ids {
            if let Some(pair) = stmt
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()
                .map_err(sql_problem)?
            {
                out.push(pair);
            }
        }
        Ok(out)
    }

    /// The most urgent `limit` open deadlines (loading and final price), soonest first.
    pub fn open_deadlines(&self, limit: u32) -> Result<Vec<DeadlineRow>, Problem> {
        let sql = format!(
            "SELECT * FROM (
               SELECT id, 'loading' AS kind, loading_due AS due, loading_raw AS raw, declaration_no, buyer_name,
                      destination_country, fob_krw,
                      EXISTS (SELECT 1 FROM loading_extensions e WHERE e.declaration_id = declarations.id) AS extended
               FROM declarations INDEXED BY declarations_loading_open WHERE {OPEN_LOADING} ORDER BY loading_due LIMIT ?1)
             UNION ALL
             SELECT * FROM (
               SELECT id, 'final_price', final_price_due, final_price_raw, declaration_no, buyer_name,
                      destination_country, fob_krw, 0
               FROM declarations INDEXED BY declarations_final_open WHERE {OPEN_FINAL} ORDER BY final_price_due LIMIT ?1)
             ORDER BY due, id LIMIT ?1"
        );
        let mut stmt = self.conn().prepare_cached(&sql).map_err(sql_problem)?;
        let rows = stmt
            .query_map([limit], |r| {
                Ok(DeadlineRow {
                    declaration_id: r.get(0)?,
                    kind: r.get(1)?,
                    due: date(r, "due")?,
                    raw: opt_date(r, "raw")?,
                    declaration_no: r.get(4)?,
                    buyer_name: r.get(5)?,
                    destination_country: r.get(6)?,
                    fob_krw: dec(r, "fob_krw")?,
                    extended: r.get(8)?,
                })
            })
            .map_err(sql_problem)?;
        rows.collect::<rusqlite::Result<_>>().map_err(sql_problem)
    }

    /// Open deadlines counted by urgency relative to `today`.
    pub fn deadline_counts(&self, today: NaiveDate) -> Result<DashboardCounts, Problem> {
        let t = today.to_string();
        let count = |col: &str,
                     index: &str,
                     open: &str,
                     lo: Option<&str>,
                     hi: Option<&str>|
         -> Result<i64, Problem> {
            let sql = format!(
                "SELECT count(*) FROM declarations INDEXED BY {index} WHERE {open} AND (?1 IS NULL OR {col} >= ?1) AND (?2 IS NULL OR {col} < ?2)"
            );
            self.conn()
                .query_row(&sql, params![lo, hi], |r| r.get(0))
                .map_err(sql_problem)
        };
        let d4 = (today + chrono::Duration::days(4)).to_string();
        let d8 = (today + chrono::Duration::days(8)).to_string();
        let mut c = DashboardCounts::default();
        for (col, index, open) in [
            ("loading_due", "declarations_loading_open", OPEN_LOADING),
            ("final_price_due", "declarations_final_open", OPEN_FINAL),
        ] {
            c.overdue += count(col, index, open, None, Some(&t))?;
            c.within_3_days += count(col, index, open, Some(&t), Some(&d4))?;
            c.within_7_days += count(col, index, open, Some(&d4), Some(&d8))?;
            c.later += count(col, index, open, Some(&d8), None)?;
        }
        Ok(c)
    }

    /// Declarations (not cancelled) and FOB per month of the declaration date, `from` ≤ month ≤ `to`.
    pub fn monthly_totals(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<MonthTotal>, Problem> {
        let mut stmt = self
            .conn()
            .prepare_cached(
                "SELECT substr(declared_on, 1, 7) AS month, count(*) AS n, sum(CAST(fob_krw AS INTEGER)) AS fob
                 FROM declarations WHERE declared_on >= ?1 AND declared_on <= ?2 AND state <> 'cancelled'
                 GROUP BY month ORDER BY month",
            )
            .map_err(sql_problem)?;
        let rows = stmt
            .query_map(params![from.to_string(), to.to_string()], |r| {
                Ok(MonthTotal {
                    month: r.get(0)?,
                    declarations: r.get(1)?,
                    fob_krw: Decimal::from(r.get::<_, i64>(2)?),
                })
            })
            .map_err(sql_problem)?;
        rows.collect::<rusqlite::Result<_>>().map_err(sql_problem)
    }
}

impl Writer<'_> {
    pub fn declaration(&self, id: i64) -> Result<Option<Declaration>, Problem> {
        load(&self.tx, id)
    }

    /// Insert (id 0) or replace a declaration with its lines, orders and extensions.
    pub fn save_declaration(&mut self, d: &Declaration) -> Result<Declaration, Problem> {
        let before = load(&self.tx, d.id)?;
        if d.id != 0 && before.is_none() {
            return Err(not_found("수출신고", "Declaration", d.id));
        }
        let s = |v: Option<NaiveDate>| v.map(|d| d.to_string());
        let values: Vec<Box<dyn rusqlite::ToSql>> = vec![
            Box::new(d.state.code()),
            Box::new(d.declared_on.to_string()),
            Box::new(d.buyer_id),
            Box::new(d.buyer_name.clone()),
            Box::new(d.buyer_country.clone()),
            Box::new(d.destination_country.clone()),
            Box::new(d.currency.code()),
            Box::new(d.incoterm.code()),
            Box::new(d.freight_insurance.to_string()),
            Box::new(d.freight_source.clone()),
            Box::new(d.rate.to_string()),
            Box::new(d.invoice_total.to_string()),
            Box::new(d.fob_total.to_string()),
            Box::new(d.fob_krw.to_string()),
            Box::new(kind_code(d.kind)),
            Box::new(d.kind_reason_ko.clone()),
            Box::new(d.kind_reason_en.clone()),
            Box::new(d.list_clearance_possible),
            Box::new(d.non_conforming),
            Box::new(d.conditional_reexport),
            Box::new(d.transport_mode.clone()),
            Box::new(d.loading_port.clone()),
            Box::new(d.courier_code.clone()),
            Box::new(d.declaration_no.clone()),
            Box::new(s(d.filed_on)),
            Box::new(s(d.accepted_on)),
            Box::new(s(d.loading_raw)),
            Box::new(s(d.loading_due)),
            Box::new(s(d.loaded_on)),
            Box::new(d.bl_awb.clone()),
            Box::new(d.carrier.clone()),
            Box::new(d.provisional),
            Box::new(s(d.confirmed_paid_on)),
            Box::new(s(d.final_price_raw)),
            Box::new(s(d.final_price_due)),
            Box::new(d.final_fob_krw.map(|v| v.to_string())),
            Box::new(s(d.final_filed_on)),
            Box::new(s(d.cancelled_on)),
            Box::new(d.cancel_reason.clone()),
            Box::new(d.freight_separate),
            Box::new(self.at.clone()),
        ];
        const COLS: &str = "state, declared_on, buyer_id, buyer_name, buyer_country, destination_country, currency, incoterm,
            freight_insurance, freight_source, rate, invoice_total, fob_total, fob_krw, kind, kind_reason_ko, kind_reason_en,
            list_clearance_possible, non_conforming, conditional_reexport, transport_mode, loading_port, courier_code,
            declaration_no, filed_on, accepted_on, loading_raw, loading_due, loaded_on, bl_awb, carrier, provisional,
            confirmed_paid_on, final_price_raw, final_price_due, final_fob_krw, final_filed_on, cancelled_on, cancel_reason,
            freight_separate";
        let cols: Vec<&str> = COLS.split(',').map(str::trim).collect();
        let mut saved = d.clone();
        if before.is_some() {
            let sets: Vec<String> = cols
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{c} = ?{}", i + 1))
                .collect();
            let sql = format!(
                "UPDATE declarations SET {}, updated_at = ?{} WHERE id = ?{}",
                sets.join(", "),
                cols.len() + 1,
                cols.len() + 2
            );
            let mut all = values;
            all.push(Box::new(d.id));
            self.tx
                .execute(&sql, rusqlite::params_from_iter(all.iter()))
                .map_err(sql_problem)?;
        } else {
            let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
            let n = cols.len() + 1;
            let sql = format!(
                "INSERT INTO declarations({COLS}, created_at, updated_at) VALUES ({}, ?{n}, ?{n})",
                marks.join(", ")
            );
            self.tx
                .execute(&sql, rusqlite::params_from_iter(values.iter()))
                .map_err(sql_problem)?;
            saved.id = self.tx.last_insert_rowid();
        }
        self.replace_children(&saved)?;
        let action = if before.is_some() { "update" } else { "create" };
        self.log(
            "declaration",
            &saved.id.to_string(),
            action,
            before.as_ref(),
            Some(&saved),
        )?;
        Ok(saved)
    }

    fn replace_children(&mut self, d: &Declaration) -> Result<(), Problem> {
        for table in [
            "declaration_orders",
            "declaration_lines",
            "loading_extensions",
        ] {
            self.tx
                .execute(
                    &format!("DELETE FROM {table} WHERE declaration_id = ?1"),
                    [d.id],
                )
                .map_err(sql_problem)?;
        }
        for o in &d.order_ids {
            self.tx
                .execute(
                    "INSERT INTO declaration_orders(declaration_id, order_id) VALUES (?1, ?2)",
                    [d.id, *o],
                )
                .map_err(sql_problem)?;
        }
        let mut stmt = self
            .tx
            .prepare_cached(
                "INSERT INTO declaration_lines(declaration_id, line_no, order_id, order_line_no, product_id, hs_code, name_ko,
                 name_en, brand, model_spec, quantity, unit, net_weight_kg, origin_country, needs_permit, amount, deduction, fob, fob_krw, discount)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
            )
            .map_err(sql_problem)?;
        for l in &d.lines {
            stmt.execute(params![
                d.id,
                l.line_no,
                l.order_id,
                l.order_line_no,
                l.product_id,
                l.hs_code,
                l.name_ko,
                l.name_en,
                l.brand,
                l.model_spec,
                l.quantity.to_string(),
                l.unit,
                l.net_weight_kg.map(|w| w.to_string()),
                l.origin_country,
                l.needs_permit,
                l.amount.to_string(),
                l.deduction.to_string(),
                l.fob.to_string(),
                l.fob_krw.to_string(),
                l.discount.to_string()
            ])
            .map_err(sql_problem)?;
        }
        drop(stmt);
        for (i, e) in d.extensions.iter().enumerate() {
            self.tx
                .execute(
                    "INSERT INTO loading_extensions(declaration_id, seq, requested_on, new_date, due, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![d.id, i as i64 + 1, e.requested_on.to_string(), e.new_date.to_string(), e.due.to_string(), e.reason],
                )
                .map_err(sql_problem)?;
        }
        Ok(())
    }

    /// Delete a draft declaration (filed ones are cancelled, never deleted).
    pub fn delete_declaration(&mut self, id: i64) -> Result<(), Problem> {
        let before = load(&self.tx, id)?.ok_or_else(|| not_found("수출신고", "Declaration", id))?;
        if before.state != DeclarationState::Draft {
            return Err(Problem::new(
                "declaration.not_draft",
                "신고한 수출신고는 지울 수 없습니다. 취하했다면 '취소'로 기록하세요.",
                "A filed declaration cannot be deleted; record it as cancelled instead.",
            ));
        }
        self.tx
            .execute("DELETE FROM declarations WHERE id = ?1", [id])
            .map_err(sql_problem)?;
        self.log(
            "declaration",
            &id.to_string(),
            "delete",
            Some(&before),
            None,
        )
    }
}
