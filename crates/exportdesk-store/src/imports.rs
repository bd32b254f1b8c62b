//! Saved column mappings of the order import, and the lookups an import needs in bulk.

use crate::{sql_problem, Store, Writer};
use exportdesk_rules::Problem;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A column mapping the user saved, as the JSON the app wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredProfile {
    pub name: String,
    pub marketplace: String,
    pub profile: String,
    pub updated_at: String,
}

impl Store {
    /// Every saved mapping, by name.
    pub fn import_profiles(&self) -> Result<Vec<StoredProfile>, Problem> {
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT name, marketplace, profile, updated_at FROM import_profiles ORDER BY name",
            )
            .map_err(sql_problem)?;
        let rows = stmt
            .query_map([], |r| {
                Ok(StoredProfile {
                    name: r.get(0)?,
                    marketplace: r.get(1)?,
                    profile: r.get(2)?,
                    updated_at: r.get(3)?,
                })
            })
            .map_err(sql_problem)?;
        rows.collect::<rusqlite::Result<_>>().map_err(sql_problem)
    }

    /// The ids of a marketplace's orders, by order number.
    pub fn order_ids_of(&self, marketplace: &str) -> Result<HashMap<String, i64>, Problem> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT order_no, id FROM orders WHERE marketplace = ?1")
            .map_err(sql_problem)?;
        let rows = stmt
            .query_map([marketplace.trim()], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(sql_problem)?;
        rows.collect::<rusqlite::Result<_>>().map_err(sql_problem)
    }

    /// Product ids by SKU, for the whole catalogue.
    pub fn product_ids_by_sku(&self) -> Result<HashMap<String, i64>, Problem> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT sku, id FROM products")
            .map_err(sql_problem)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(sql_problem)?;
        rows.collect::<rusqlite::Result<_>>().map_err(sql_problem)
    }
}

impl Writer<'_> {
    /// Save (or replace, by name) a column mapping.
    pub fn save_import_profile(
        &mut self,
        name: &str,
        marketplace: &str,
        profile_json: &str,
    ) -> Result<(), Problem> {
        let before: Option<String> = self
            .tx
            .query_row(
                "SELECT profile FROM import_profiles WHERE name = ?1",
                [name],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql_problem)?;
        self.tx
            .execute(
                "INSERT INTO import_profiles(name, marketplace, profile, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?4)
                 ON CONFLICT(name) DO UPDATE SET name = excluded.name, marketplace = excluded.marketplace,
                   profile = excluded.profile, updated_at = excluded.updated_at",
                params![name, marketplace, profile_json, self.at],
            )
            .map_err(sql_problem)?;
        let parse = |s: &str| serde_json::from_str::<serde_json::Value>(s).ok();
        let action = if before.is_some() { "update" } else { "create" };
        self.log(
            "import_profile",
            name,
            action,
            before.as_deref().and_then(parse).as_ref(),
            parse(profile_json).as_ref(),
        )
    }

    /// Delete a saved column mapping.
    pub fn delete_import_profile(&mut self, name: &str) -> Result<(), Problem> {
        let before: Option<String> = self
            .tx
            .query_row(
                "SELECT profile FROM import_profiles WHERE name = ?1",
                [name],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql_problem)?;
        let Some(before) = before else {
            return Err(Problem::new(
                "record.not_found",
                format!("저장된 가져오기 형식 '{name}'이(가) 없습니다. 이미 삭제되었을 수 있습니다. 목록을 새로 고치세요."),
                format!("There is no saved import profile '{name}'; it may have been deleted. Refresh the list."),
            )
            .with("name", name));
        };
        self.tx
            .execute("DELETE FROM import_profiles WHERE name = ?1", [name])
            .map_err(sql_problem)?;
        let before = serde_json::from_str::<serde_json::Value>(&before).ok();
        self.log::<serde_json::Value>("import_profile", name, "delete", before.as_ref(), None)
    }

    /// Record that a file was imported: one entry that names the file and what it did, beside
    /// the entries of the records it wrote.
    pub fn log_import<T: Serialize>(
        &mut self,
        file_name: &str,
        summary: &T,
    ) -> Result<(), Problem> {
        self.log("import", file_name, "create", None, Some(summary))
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{at, temp_store};

    #[test]
    fn profiles_are_saved_replaced_by_name_and_deleted() {
        let (_d, mut store) = temp_store();
        store
            .write(at("2026-11-27 10:00"), |w| {
                w.save_import_profile("My shop", "Naver", r#"{"a":1}"#)
            })
            .unwrap();
        store
            .write(at("2026-11-27 10:05"), |w| {
                w.save_import_profile("my shop", "Naver", r#"{"a":2}"#)
            })
            .unwrap();
        let all = store.import_profiles().unwrap();
        assert_eq!(all.len(), 1, "names are case-insensitive");
        assert_eq!(all[0].profile, r#"{"a":2}"#);
        assert_eq!(all[0].name, "my shop");
        store
            .write(at("2026-11-27 10:06"), |w| {
                w.delete_import_profile("MY SHOP")
            })
            .unwrap();
        assert!(store.import_profiles().unwrap().is_empty());
        let err = store
            .write(at("2026-11-27 10:07"), |w| w.delete_import_profile("gone"))
            .unwrap_err();
        assert_eq!(err.code, "record.not_found");
        let log = store.change_log(10).unwrap();
        assert_eq!(
            log.iter().filter(|e| e.entity == "import_profile").count(),
            3
        );
    }
}
