//! Consolidated shipments in the store: the shipment, its declarations, cartons and their items.

use crate::records::{date, dec, not_found, parsed, Writer};
use crate::{sql_problem, Store};
use chrono::NaiveDate;
use exportdesk_rules::shipment::{Carton, CartonItem, Shipment, ShipmentState};
use exportdesk_rules::Problem;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use ts_rs::TS;

/// A shipment as the list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ShipmentRow {
    pub id: i64,
    pub reference: String,
    pub state: ShipmentState,
    pub created_on: NaiveDate,
    pub consignee_name: String,
    pub destination_country: String,
    pub declarations: i64,
    pub cartons: i64,
    pub loaded_on: Option<NaiveDate>,
    pub bl_awb: String,
}

fn state(s: &str) -> Result<ShipmentState, Problem> {
    ShipmentState::parse(s).ok_or_else(|| {
        Problem::new(
            "store.bad_state",
            "저장된 선적 상태가 잘못되었습니다",
            "stored shipment state is invalid",
        )
    })
}

fn opt_day(row: &Row<'_>, col: &str) -> rusqlite::Result<Option<NaiveDate>> {
    let s: Option<String> = row.get(col)?;
    Ok(s.and_then(|s| NaiveDate::from_str(&s).ok()))
}

fn head(row: &Row<'_>) -> rusqlite::Result<Shipment> {
    let tracking: String = row.get("tracking_numbers")?;
    Ok(Shipment {
        id: row.get("id")?,
        reference: row.get("reference")?,
        state: parsed(row, "state", state)?,
        created_on: date(row, "created_on")?,
        declaration_ids: Vec::new(),
        consignee_name: row.get("consignee_name")?,
        consignee_address: row.get("consignee_address")?,
        destination_country: row.get("destination_country")?,
        volumetric_divisor: row.get("volumetric_divisor")?,
        cartons: Vec::new(),
        loaded_on: opt_day(row, "loaded_on")?,
        carrier: row.get("carrier")?,
        bl_awb: row.get("bl_awb")?,
        tracking_numbers: serde_json::from_str(&tracking).unwrap_or_default(),
        note: row.get("note")?,
    })
}

fn load(conn: &Connection, id: i64) -> Result<Option<Shipment>, Problem> {
    let Some(mut s) = conn
        .query_row("SELECT * FROM shipments WHERE id = ?1", [id], head)
        .optional()
        .map_err(sql_problem)?
    else {
        return Ok(None);
    };
    let mut stmt = conn
        .prepare_cached(
            "SELECT declaration_id FROM shipment_declarations WHERE shipment_id = ?1 ORDER BY declaration_id",
        )
        .map_err(sql_problem)?;
    s.declaration_ids = stmt
        .query_map([id], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(sql_problem)?;
    let mut stmt = conn
        .prepare_cached("SELECT * FROM cartons WHERE shipment_id = ?1 ORDER BY no")
        .map_err(sql_problem)?;
    s.cartons = stmt
        .query_map([id], |r| {
            Ok(Carton {
                no: r.get("no")?,
                length_cm: dec(r, "length_cm")?,
                width_cm: dec(r, "width_cm")?,
                height_cm: dec(r, "height_cm")?,
                gross_kg: dec(r, "gross_kg")?,
                items: Vec::new(),
            })
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(sql_problem)?;
    let mut stmt = conn
        .prepare_cached(
            "SELECT * FROM carton_items WHERE shipment_id = ?1 ORDER BY carton_no, declaration_id, line_no",
        )
        .map_err(sql_problem)?;
    let items: Vec<(u32, CartonItem)> = stmt
        .query_map([id], |r| {
            Ok((
                r.get("carton_no")?,
                CartonItem {
                    declaration_id: r.get("declaration_id")?,
                    line_no: r.get("line_no")?,
                    quantity: dec(r, "quantity")?,
                },
            ))
        })
        .and_then(|rows| rows.collect())
        .map_err(sql_problem)?;
    for (no, item) in items {
        if let Some(c) = s.cartons.iter_mut().find(|c| c.no == no) {
            c.items.push(item);
        }
    }
    Ok(Some(s))
}

impl Store {
    pub fn shipment(&self, id: i64) -> Result<Option<Shipment>, Problem> {
        load(self.conn(), id)
    }

    /// Every shipment, packing ones first, newest first.
    pub fn shipments(&self) -> Result<Vec<ShipmentRow>, Problem> {
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT s.id, s.reference, s.state, s.created_on, s.consignee_name, s.destination_country,
                        s.loaded_on, s.bl_awb,
                        (SELECT count(*) FROM shipment_declarations x WHERE x.shipment_id = s.id) AS declarations,
                        (SELECT count(*) FROM cartons c WHERE c.shipment_id = s.id) AS cartons
                 FROM shipments s ORDER BY s.state = 'loaded', s.id DESC",
            )
            .map_err(sql_problem)?;
        let rows = stmt
            .query_map([], |r| {
                Ok(ShipmentRow {
                    id: r.get("id")?,
                    reference: r.get("reference")?,
                    state: parsed(r, "state", state)?,
                    created_on: date(r, "created_on")?,
                    consignee_name: r.get("consignee_name")?,
                    destination_country: r.get("destination_country")?,
                    declarations: r.get("declarations")?,
                    cartons: r.get("cartons")?,
                    loaded_on: opt_day(r, "loaded_on")?,
                    bl_awb: r.get("bl_awb")?,
                })
            })
            .map_err(sql_problem)?;
        rows.collect::<rusqlite::Result<_>>().map_err(sql_problem)
    }

    /// The shipment a declaration is in, if any: (shipment id, reference).
    pub fn shipment_of_declaration(
        &self,
        declaration_id: i64,
    ) -> Result<Option<(i64, String)>, Problem> {
        self.conn()
            .query_row(
                "SELECT s.id, s.reference FROM shipment_declarations x JOIN shipments s ON s.id = x.shipment_id
                 WHERE x.declaration_id = ?1",
                [declaration_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(sql_problem)
    }

    /// How many shipments have this reference (case-insensitive), other than `except`.
    pub fn shipment_reference_taken(&self, reference: &str, except: i64) -> Result<bool, Problem> {
        self.conn()
            .query_row(
                "SELECT count(*) FROM shipments WHERE reference = ?1 AND id <> ?2",
                params![reference.trim(), except],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n > 0)
            .map_err(sql_problem)
    }
}

impl Writer<'_> {
    /// Insert (id 0) or replace a shipment with its declarations and cartons.
    pub fn save_shipment(&mut self, s: &Shipment) -> Result<Shipment, Problem> {
        let before = if s.id == 0 {
            None
        } else {
            load(&self.tx, s.id)?
        };
        if s.id != 0 && before.is_none() {
            return Err(not_found("선적", "Shipment", s.id));
        }
        let tracking = serde_json::to_string(&s.tracking_numbers).expect("strings serialise");
        let values = params![
            s.reference.trim(),
            s.state.code(),
            s.created_on.to_string(),
            s.consignee_name,
            s.consignee_address,
            s.destination_country,
            s.volumetric_divisor,
            s.loaded_on.map(|d| d.to_string()),
            s.carrier,
            s.bl_awb,
            tracking,
            s.note,
            self.at,
        ];
        let result = if before.is_some() {
            self.tx.execute(
                "UPDATE shipments SET reference=?1, state=?2, created_on=?3, consignee_name=?4, consignee_address=?5,
                 destination_country=?6, volumetric_divisor=?7, loaded_on=?8, carrier=?9, bl_awb=?10,
                 tracking_numbers=?11, note=?12, updated_at=?13 WHERE id = ?14",
                rusqlite::params_from_iter(
                    values.iter().copied().chain(std::iter::once(&s.id as &dyn rusqlite::ToSql)),
                ),
            )
        } else {
            self.tx.execute(
                "INSERT INTO shipments(reference, state, created_on, consignee_name, consignee_address, destination_country,
                 volumetric_divisor, loaded_on, carrier, bl_awb, tracking_numbers, note, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
                values,
            )
        };
        result.map_err(|e| match &e {
            rusqlite::Error::SqliteFailure(f, _)
                if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
            {
                Problem::new(
                    "shipment.reference_taken",
                    format!(
                        "선적 참조번호 '{}'은(는) 이미 쓰이고 있습니다. 다른 번호를 입력하세요.",
                        s.reference.trim()
                    ),
                    format!(
                        "The shipment reference '{}' is already used; enter another.",
                        s.reference.trim()
                    ),
                )
                .at("reference")
            }
            _ => sql_problem(e),
        })?;
        let mut saved = s.clone();
        if before.is_none() {
            saved.id = self.tx.last_insert_rowid();
        }
        for sql in [
            "DELETE FROM carton_items WHERE shipment_id = ?1",
            "DELETE FROM cartons WHERE shipment_id = ?1",
            "DELETE FROM shipment_declarations WHERE shipment_id = ?1",
        ] {
            self.tx.execute(sql, [saved.id]).map_err(sql_problem)?;
        }
        for d in &saved.declaration_ids {
            self.tx
                .execute(
                    "INSERT INTO shipment_declarations(shipment_id, declaration_id) VALUES (?1, ?2)",
                    params![saved.id, d],
                )
                .map_err(|e| match &e {
                    rusqlite::Error::SqliteFailure(f, _)
                        if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
                    {
                        Problem::new(
                            "shipment.declaration_taken",
                            format!("수출신고 {d}번은 이미 다른 선적에 들어 있습니다. 그 선적에서 먼저 빼세요."),
                            format!("Declaration {d} is already in another shipment; remove it there first."),
                        )
                        .with("declaration_id", d)
                    }
                    _ => sql_problem(e),
                })?;
        }
        for c in &saved.cartons {
            self.tx
                .execute(
                    "INSERT INTO cartons(shipment_id, no, length_cm, width_cm, height_cm, gross_kg) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![
                        saved.id,
                        c.no,
                        c.length_cm.to_string(),
                        c.width_cm.to_string(),
                        c.height_cm.to_string(),
                        c.gross_kg.to_string()
                    ],
                )
                .map_err(sql_problem)?;
            for i in &c.items {
                self.tx
                    .execute(
                        "INSERT INTO carton_items(shipment_id, carton_no, declaration_id, line_no, quantity) VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![saved.id, c.no, i.declaration_id, i.line_no, i.quantity.to_string()],
                    )
                    .map_err(sql_problem)?;
            }
        }
        let action = if before.is_some() { "update" } else { "create" };
        self.log(
            "shipment",
            &saved.id.to_string(),
            action,
            before.as_ref(),
            Some(&saved),
        )?;
        Ok(saved)
    }

    pub fn delete_shipment(&mut self, id: i64) -> Result<(), Problem> {
        let before = load(&self.tx, id)?.ok_or_else(|| not_found("선적", "Shipment", id))?;
        self.tx
            .execute("DELETE FROM shipments WHERE id = ?1", [id])
            .map_err(sql_problem)?;
        self.log("shipment", &id.to_string(), "delete", Some(&before), None)
    }
}
