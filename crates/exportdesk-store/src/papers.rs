//! Papers the app made for a declaration (the worksheet): where the file went and what the
//! declaration looked like then. A paper is outdated when the declaration has changed since —
//! its state (draft → filed → accepted → loaded) or any of its fields — so the app can say
//! "printed as a draft; the declaration is accepted now" and offer to print it again.

use crate::{sql_problem, Store, Writer};
use exportdesk_rules::Problem;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One paper made for a declaration, with how it compares to the declaration now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PaperRow {
    pub id: i64,
    /// `declaration_worksheet`.
    pub kind: String,
    pub declaration_id: i64,
    pub declaration_no: Option<String>,
    pub path: String,
    pub made_at: String,
    /// The declaration's state when the paper was made.
    pub state_then: String,
    /// The declaration's state now.
    pub state_now: String,
    /// The declaration changed after the paper was made (state or fields).
    pub outdated: bool,
}

impl Store {
    /// Papers made, newest first: of one declaration, or the newest `limit` of all.
    pub fn papers(
        &self,
        declaration_id: Option<i64>,
        limit: u32,
    ) -> Result<Vec<PaperRow>, Problem> {
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT p.id, p.kind, p.declaration_id, d.declaration_no, p.path, p.made_at, p.state,
                        d.state, (d.state <> p.state OR d.updated_at <> p.record_updated_at)
                 FROM papers p JOIN declarations d ON d.id = p.declaration_id
                 WHERE ?1 IS NULL OR p.declaration_id = ?1
                 ORDER BY p.id DESC LIMIT ?2",
            )
            .map_err(sql_problem)?;
        let rows = stmt
            .query_map(params![declaration_id, limit], |r| {
                Ok(PaperRow {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    declaration_id: r.get(2)?,
                    declaration_no: r.get(3)?,
                    path: r.get(4)?,
                    made_at: r.get(5)?,
                    state_then: r.get(6)?,
                    state_now: r.get(7)?,
                    outdated: r.get(8)?,
                })
            })
            .map_err(sql_problem)?;
        rows.collect::<rusqlite::Result<_>>().map_err(sql_problem)
    }
}

impl Writer<'_> {
    /// Record that `kind` was made for the declaration `declaration_id` at `path`, with the
    /// declaration's state and last change as they are now. Only the newest paper of a kind and
    /// path is kept (printing again replaces the record, as it replaces the file).
    pub fn record_paper(
        &mut self,
        kind: &str,
        declaration_id: i64,
        path: &str,
    ) -> Result<(), Problem> {
        self.tx
            .execute(
                "DELETE FROM papers WHERE kind = ?1 AND declaration_id = ?2 AND path = ?3",
                params![kind, declaration_id, path],
            )
            .map_err(sql_problem)?;
        let n = self
            .tx
            .execute(
                "INSERT INTO papers(kind, declaration_id, path, made_at, state, record_updated_at)
                 SELECT ?1, id, ?3, ?4, state, updated_at FROM declarations WHERE id = ?2",
                params![kind, declaration_id, path, self.at],
            )
            .map_err(sql_problem)?;
        if n == 0 {
            return Err(Problem::new(
                "declaration.not_found",
                format!("신고서 #{declaration_id}이(가) 없습니다."),
                format!("Declaration #{declaration_id} does not exist."),
            )
            .with("id", declaration_id));
        }
        Ok(())
    }
}
