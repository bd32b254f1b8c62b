//! Returned goods and their re-import claims in the store.

use crate::records::{date, dec, not_found, opt_dec, Writer};
use crate::{sql_problem, Store};
use chrono::NaiveDate;
use exportdesk_rules::reimport::{
    ClaimState, DrawbackStatus, GoodsCondition, ReturnLine, ReturnReason, ReturnRecord,
};
use exportdesk_rules::Problem;
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::str::FromStr;

fn bad(col: &str, v: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("stored {col} '{v}' is not valid").into(),
    )
}

fn opt_day(row: &Row<'_>, col: &str) -> rusqlite::Result<Option<NaiveDate>> {
    let s: Option<String> = row.get(col)?;
    s.map(|s| NaiveDate::from_str(&s).map_err(|_| bad(col, &s)))
        .transpose()
}

fn head(r: &Row<'_>) -> rusqlite::Result<ReturnRecord> {
    let code = |col: &str| -> rusqlite::Result<String> { r.get(col) };
    let reason = code("reason")?;
    let condition = code("condition")?;
    let drawback = code("drawback_status")?;
    let claim = code("claim_state")?;
    Ok(ReturnRecord {
        id: r.get("id")?,
        order_id: r.get("order_id")?,
        declaration_id: r.get("declaration_id")?,
        return_date: date(r, "return_date")?,
        reason: ReturnReason::parse(&reason).ok_or_else(|| bad("reason", &reason))?,
        carrier: r.get("carrier")?,
        tracking_no: r.get("tracking_no")?,
        condition: GoodsCondition::parse(&condition).ok_or_else(|| bad("condition", &condition))?,
        drawback_status: DrawbackStatus::parse(&drawback)
            .ok_or_else(|| bad("drawback_status", &drawback))?,
        note: r.get("note")?,
        lines: Vec::new(),
        claim_state: ClaimState::parse(&claim).ok_or_else(|| bad("claim_state", &claim))?,
        filed_on: opt_day(r, "filed_on")?,
        decided_on: opt_day(r, "decided_on")?,
        import_declaration_no: r.get("import_declaration_no")?,
    })
}

fn lines(conn: &Connection, id: i64) -> Result<Vec<ReturnLine>, Problem> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT * FROM return_lines WHERE return_id = ?1 ORDER BY declaration_id, line_no",
        )
        .map_err(sql_problem)?;
    let rows = stmt
        .query_map([id], |r| {
            Ok(ReturnLine {
                declaration_id: r.get("declaration_id")?,
                line_no: r.get("line_no")?,
                quantity: dec(r, "quantity")?,
                duty_rate_percent: opt_dec(r, "duty_rate_percent")?,
            })
        })
        .map_err(sql_problem)?;
    rows.collect::<rusqlite::Result<_>>().map_err(sql_problem)
}

fn load(conn: &Connection, id: i64) -> Result<Option<ReturnRecord>, Problem> {
    let Some(mut r) = conn
        .query_row("SELECT * FROM returns WHERE id = ?1", [id], head)
        .optional()
        .map_err(sql_problem)?
    else {
        return Ok(None);
    };
    r.lines = lines(conn, id)?;
    Ok(Some(r))
}

fn many(
    conn: &Connection,
    sql: &str,
    p: impl rusqlite::Params,
) -> Result<Vec<ReturnRecord>, Problem> {
    let mut stmt = conn.prepare(sql).map_err(sql_problem)?;
    let heads: Vec<ReturnRecord> = stmt
        .query_map(p, head)
        .and_then(|rows| rows.collect())
        .map_err(sql_problem)?;
    heads
        .into_iter()
        .map(|mut r| {
            r.lines = lines(conn, r.id)?;
            Ok(r)
        })
        .collect()
}

impl Store {
    pub fn return_record(&self, id: i64) -> Result<Option<ReturnRecord>, Problem> {
        load(self.conn(), id)
    }

    /// Every return, newest first.
    pub fn returns(&self) -> Result<Vec<ReturnRecord>, Problem> {
        many(
            self.conn(),
            "SELECT * FROM returns ORDER BY return_date DESC, id DESC",
            [],
        )
    }

    /// The returns of one declaration (for the quantities already returned).
    pub fn returns_of_declaration(
        &self,
        declaration_id: i64,
    ) -> Result<Vec<ReturnRecord>, Problem> {
        many(
            self.conn(),
            "SELECT * FROM returns WHERE declaration_id = ?1 ORDER BY id",
            [declaration_id],
        )
    }

    /// Returns whose claim is still open (draft or filed).
    pub fn open_returns(&self) -> Result<Vec<ReturnRecord>, Problem> {
        many(
            self.conn(),
            "SELECT * FROM returns WHERE claim_state IN ('draft', 'filed') ORDER BY return_date, id",
            [],
        )
    }
}

impl Writer<'_> {
    /// Insert (id 0) or replace a return with its lines.
    pub fn save_return(&mut self, r: &ReturnRecord) -> Result<ReturnRecord, Problem> {
        let before = if r.id == 0 {
            None
        } else {
            load(&self.tx, r.id)?
        };
        if r.id != 0 && before.is_none() {
            return Err(not_found("반품", "Return", r.id));
        }
        let d = |v: Option<NaiveDate>| v.map(|d| d.to_string());
        let values = params![
            r.order_id,
            r.declaration_id,
            r.return_date.to_string(),
            r.reason.code(),
            r.carrier,
            r.tracking_no,
            r.condition.code(),
            r.drawback_status.code(),
            r.note,
            r.claim_state.code(),
            d(r.filed_on),
            d(r.decided_on),
            r.import_declaration_no,
            self.at,
        ];
        if before.is_some() {
            self.tx
                .execute(
                    "UPDATE returns SET order_id=?1, declaration_id=?2, return_date=?3, reason=?4, carrier=?5,
                     tracking_no=?6, condition=?7, drawback_status=?8, note=?9, claim_state=?10, filed_on=?11,
                     decided_on=?12, import_declaration_no=?13, updated_at=?14 WHERE id=?15",
                    rusqlite::params_from_iter(
                        values.iter().copied().chain(std::iter::once(&r.id as &dyn rusqlite::ToSql)),
                    ),
                )
                .map_err(sql_problem)?;
        } else {
            self.tx
                .execute(
                    "INSERT INTO returns(order_id, declaration_id, return_date, reason, carrier, tracking_no, condition,
                     drawback_status, note, claim_state, filed_on, decided_on, import_declaration_no, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)",
                    values,
                )
                .map_err(sql_problem)?;
        }
        let mut saved = r.clone();
        if before.is_none() {
            saved.id = self.tx.last_insert_rowid();
        }
        self.tx
            .execute("DELETE FROM return_lines WHERE return_id = ?1", [saved.id])
            .map_err(sql_problem)?;
        for l in &saved.lines {
            self.tx
                .execute(
                    "INSERT INTO return_lines(return_id, declaration_id, line_no, quantity, duty_rate_percent)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![
                        saved.id,
                        l.declaration_id,
                        l.line_no,
                        l.quantity.to_string(),
                        l.duty_rate_percent.map(|v| v.to_string())
                    ],
                )
                .map_err(sql_problem)?;
        }
        let action = if before.is_some() { "update" } else { "create" };
        self.log(
            "return",
            &saved.id.to_string(),
            action,
            before.as_ref(),
            Some(&saved),
        )?;
        Ok(saved)
    }

    pub fn delete_return(&mut self, id: i64) -> Result<(), Problem> {
        let before = load(&self.tx, id)?.ok_or_else(|| not_found("반품", "Return", id))?;
        self.tx
            .execute("DELETE FROM returns WHERE id = ?1", [id])
            .map_err(sql_problem)?;
        self.log("return", &id.to_string(), "delete", Some(&before), None)
    }
}
