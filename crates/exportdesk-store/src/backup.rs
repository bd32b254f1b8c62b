//! Backups through SQLite's online backup API, rotation, and validated restore.
//!
//! A backup is a complete database file named `exportdesk-YYYYMMDD-HHMMSS.sqlite3`. Restore first
//! checks the chosen file the same way `open` checks the live one (SQLite header, schema version,
//! integrity), then takes a backup of the current data, then copies the chosen file into the live
//! database through the backup API, and finally brings its schema up to date.

use crate::{check_integrity, inspect_file, sql_problem, FileKind, Store, SCHEMA_VERSION};
use chrono::NaiveDateTime;
use exportdesk_rules::Problem;
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::Duration;
use ts_rs::TS;

const PREFIX: &str = "exportdesk-";
const SUFFIX: &str = ".sqlite3";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BackupInfo {
    pub path: String,
    pub file_name: String,
    /// When the backup was taken, from its name.
    pub taken_at: NaiveDateTime,
    #[ts(type = "number")]
    pub size_bytes: u64,
}

/// What a candidate backup file holds, checked before a restore.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BackupCheck {
    pub path: String,
    pub schema_version: i64,
    pub orders: i64,
    pub products: i64,
}

fn backup_name(at: NaiveDateTime) -> String {
    format!("{PREFIX}{}{SUFFIX}", at.format("%Y%m%d-%H%M%S"))
}

fn parse_backup_name(name: &str) -> Option<NaiveDateTime> {
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    // A second backup within the same second carries a counter: `…-101500-1`.
    let stamp = stamp.get(..15)?;
    NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S").ok()
}

fn io(path: &Path, e: std::io::Error) -> Problem {
    Problem::new(
        "backup.io",
        format!(
            "백업 폴더 {}에 접근할 수 없습니다: {e}. 설정에서 쓸 수 있는 폴더를 고르세요.",
            path.display()
        ),
        format!(
            "Cannot use the backup folder {}: {e}. Choose a writable folder in Settings.",
            path.display()
        ),
    )
    .with("path", path.display())
}

/// Backups in `dir`, newest first. Files that do not follow the naming are ignored.
pub fn list_backups(dir: &Path) -> Result<Vec<BackupInfo>, Problem> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(dir, e)),
    };
    let mut out: Vec<BackupInfo> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            let taken_at = parse_backup_name(&name)?;
            Some(BackupInfo {
                path: e.path().display().to_string(),
                file_name: name,
                taken_at,
                size_bytes: e.metadata().map(|m| m.len()).unwrap_or(0),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.taken_at
            .cmp(&a.taken_at)
            .then_with(|| b.file_name.len().cmp(&a.file_name.len()))
            .then_with(|| b.file_name.cmp(&a.file_name))
    });
    Ok(out)
}

/// Open a candidate file read-only and check it can be restored.
pub fn check_backup(path: &Path) -> Result<BackupCheck, Problem> {
    let refuse = |code: &str, ko: String, en: String| {
        Err(Problem::new(code, ko, en).with("path", path.display()))
    };
    match inspect_file(path)? {
        FileKind::Missing => {
            return refuse(
                "backup.missing",
                format!("백업 파일 {}이(가) 없습니다.", path.display()),
                format!("The backup file {} does not exist.", path.display()),
            )
        }
        FileKind::Empty | FileKind::NotSqlite => {
            return refuse(
                "backup.not_a_database",
                format!("{}은(는) ExportDesk 백업 파일이 아닙니다. 다른 파일을 고르세요.", path.display()),
                format!("{} is not an ExportDesk backup; choose another file.", path.display()),
            )
        }
        FileKind::Sqlite { user_version } if user_version > SCHEMA_VERSION => {
            return refuse(
                "backup.newer_schema",
                format!("{}은(는) 더 새 버전의 ExportDesk가 만든 백업입니다 (스키마 {user_version}). ExportDesk를 업데이트한 뒤 복원하세요.", path.display()),
                format!("{} was made by a newer ExportDesk (schema {user_version}); update ExportDesk before restoring it.", path.display()),
            )
        }
        FileKind::Sqlite { user_version } if user_version < 1 => {
            return refuse(
                "backup.not_exportdesk",
                format!("{}은(는) SQLite 파일이지만 ExportDesk 데이터가 아닙니다.", path.display()),
                format!("{} is an SQLite file but holds no ExportDesk data.", path.display()),
            )
        }
        FileKind::Sqlite { .. } => {}
    }
    let conn =
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(sql_problem)?;
    check_integrity(&conn, path)?;
    let count = |table: &str| -> Result<i64, Problem> {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .map_err(|_| {
                Problem::new(
                    "backup.not_exportdesk",
                    format!(
                        "{}에 ExportDesk 표({table})가 없습니다. 다른 파일을 고르세요.",
                        path.display()
                    ),
                    format!(
                        "{} has no ExportDesk table {table}; choose another file.",
                        path.display()
                    ),
                )
            })
    };
    Ok(BackupCheck {
        path: path.display().to_string(),
        schema_version: conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(sql_problem)?,
        orders: count("orders")?,
        products: count("products")?,
    })
}

impl Store {
    /// Copy the live database into `dir` through the online backup API.
    pub fn backup_to_dir(&self, dir: &Path, at: NaiveDateTime) -> Result<BackupInfo, Problem> {
        std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
        let mut name = backup_name(at);
        let mut n = 1;
        while dir.join(&name).exists() {
            name = format!("{PREFIX}{}-{n}{SUFFIX}", at.format("%Y%m%d-%H%M%S"));
            n += 1;
        }
        let target = dir.join(&name);
        let partial: PathBuf = dir.join(format!(".{name}.partial"));
        let result = (|| {
            let mut dst = Connection::open(&partial).map_err(sql_problem)?;
            {
                let backup = Backup::new(self.conn(), &mut dst).map_err(sql_problem)?;
                backup
                    .run_to_completion(256, Duration::from_millis(0), None)
                    .map_err(sql_problem)?;
            }
            dst.pragma_update(None, "journal_mode", "DELETE")
                .map_err(sql_problem)?;
            drop(dst);
            std::fs::rename(&partial, &target).map_err(|e| io(dir, e))
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&partial);
        }
        result?;
        Ok(BackupInfo {
            path: target.display().to_string(),
            file_name: name,
            taken_at: at,
            size_bytes: std::fs::metadata(&target).map(|m| m.len()).unwrap_or(0),
        })
    }

    /// Delete all but the newest `keep` backups in `dir`; returns the deleted files. Unfinished
    /// copies left by a backup that was killed half-way (never listed) are removed too.
    pub fn rotate_backups(dir: &Path, keep: usize) -> Result<Vec<BackupInfo>, Problem> {
        if let Ok(entries) = std::fs::read_dir(dir) {
            for e in entries.filter_map(Result::ok) {
                let name = e.file_name().to_string_lossy().to_string();
                if name.starts_with(&format!(".{PREFIX}")) && name.ends_with(".partial") {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
        let all = list_backups(dir)?;
        let old: Vec<BackupInfo> = all.into_iter().skip(keep.max(1)).collect();
        for b in &old {
            std::fs::remove_file(&b.path).map_err(|e| io(dir, e))?;
        }
        Ok(old)
    }

    /// Replace the live data with the backup at `source` after checking it and after backing up
    /// the current data into `safety_dir`. Returns the safety backup.
    pub fn restore_from(
        &mut self,
        source: &Path,
        safety_dir: &Path,
        at: NaiveDateTime,
    ) -> Result<BackupInfo, Problem> {
        check_backup(source)?;
        let safety = self.backup_to_dir(safety_dir, at)?;
        let src = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(sql_problem)?;
        {
            let backup = Backup::new(&src, &mut self.conn).map_err(sql_problem)?;
            backup
                .run_to_completion(256, Duration::from_millis(0), None)
                .map_err(sql_problem)?;
        }
        drop(src);
        self.conn
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(sql_problem)?;
        self.conn
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(sql_problem)?;
        check_integrity(&self.conn, &self.path)?;
        self.migrate(at)?;
        Ok(safety)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    fn put(store: &mut Store, key: &str, value: &str) {
        store
            .write(at("2026-11-27 10:00"), |w| w.set_setting(key, value))
            .unwrap();
    }

    #[test]
    fn backup_restore_round_trip_with_safety_copy() {
        let (dir, mut store) = temp_store();
        let backups = dir.path().join("backups");
        put(&mut store, "language", "ko");
        let first = store
            .backup_to_dir(&backups, at("2026-11-27 11:00"))
            .unwrap();
        assert_eq!(first.file_name, "exportdesk-20261127-110000.sqlite3");
        assert_eq!(
            check_backup(Path::new(&first.path)).unwrap().schema_version,
            SCHEMA_VERSION
        );
        put(&mut store, "language", "en");
        let safety = store
            .restore_from(Path::new(&first.path), &backups, at("2026-11-27 12:00"))
            .unwrap();
        assert_eq!(store.setting("language").unwrap().as_deref(), Some("ko"));
        // The safety copy holds what was there before the restore.
        let c =
            Connection::open_with_flags(&safety.path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let v: String = c
            .query_row("SELECT value FROM settings WHERE key='language'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(v, "en");
        // The store keeps working after the restore.
        put(&mut store, "language", "en");
        assert_eq!(list_backups(&backups).unwrap().len(), 2);
        assert!(std::fs::read_dir(&backups).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .ends_with(".partial")));
    }

    #[test]
    fn rotation_keeps_the_newest() {
        let (dir, store) = temp_store();
        let backups = dir.path().join("b");
        for h in 1..=5 {
            store
                .backup_to_dir(&backups, at(&format!("2026-11-2{h} 09:00")))
                .unwrap();
        }
        std::fs::write(backups.join("notes.txt"), "keep me").unwrap();
        let stale = backups.join(".exportdesk-20261120-090000.sqlite3.partial");
        std::fs::write(&stale, "half a copy").unwrap();
        let removed = Store::rotate_backups(&backups, 3).unwrap();
        assert_eq!(removed.len(), 2);
        let left: Vec<String> = list_backups(&backups)
            .unwrap()
            .into_iter()
            .map(|b| b.file_name)
            .collect();
        assert_eq!(
            left,
            [
                "exportdesk-20261125-090000.sqlite3",
                "exportdesk-20261124-090000.sqlite3",
                "exportdesk-20261123-090000.sqlite3"
            ]
        );
        assert!(backups.join("notes.txt").exists());
        assert!(
            !stale.exists(),
            "a killed backup's unfinished copy is cleaned up"
        );
    }

    #[test]
    fn bad_restore_sources_are_refused_and_nothing_changes() {
        let (dir, mut store) = temp_store();
        put(&mut store, "language", "en");
        let junk = dir.path().join("junk.sqlite3");
        std::fs::write(&junk, b"not a database at all, just some text that is long enough to have a header ....................................").unwrap();
        let e = store
            .restore_from(&junk, &dir.path().join("b"), at("2026-11-27 12:00"))
            .unwrap_err();
        assert_eq!(e.code, "backup.not_a_database");
        let other = dir.path().join("other.sqlite3");
        Connection::open(&other)
            .unwrap()
            .execute_batch("CREATE TABLE t(x); PRAGMA user_version = 1;")
            .unwrap();
        assert_eq!(
            store
                .restore_from(&other, &dir.path().join("b"), at("2026-11-27 12:00"))
                .unwrap_err()
                .code,
            "backup.not_exportdesk"
        );
        let newer = dir.path().join("newer.sqlite3");
        Connection::open(&newer)
            .unwrap()
            .execute_batch("CREATE TABLE t(x); PRAGMA user_version = 99;")
            .unwrap();
        assert_eq!(
            store
                .restore_from(&newer, &dir.path().join("b"), at("2026-11-27 12:00"))
                .unwrap_err()
                .code,
            "backup.newer_schema"
        );
        assert_eq!(store.setting("language").unwrap().as_deref(), Some("en"));
        assert!(
            list_backups(&dir.path().join("b")).unwrap().is_empty(),
            "no safety copy for a refused restore"
        );
    }
}
