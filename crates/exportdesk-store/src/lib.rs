//! ExportDesk's local store: one SQLite file in WAL mode.
//!
//! Decisions:
//! - Schema changes are numbered `.sql` migrations, each applied in its own transaction together
//!   with the new `user_version`, so a crash leaves the file at the old or the new version.
//! - A file written by a newer ExportDesk is refused before SQLite touches it: the version is read
//!   from the 100-byte file header, so the file stays byte-for-byte as it was.
//! - `PRAGMA integrity_check` runs at open; a damaged file is reported, never "repaired".
//! - Every write goes through [`Store::write`], one transaction, and every record change inside it
//!   is logged in the append-only `change_log` with the record before and after.
//! - The store never reads the clock: the caller passes the time of each write.

mod backup;
mod declarations;
mod imports;
mod origin;
mod papers;
mod records;
mod returns;
mod shipments;

pub use backup::{check_backup, list_backups, BackupCheck, BackupInfo};
pub use declarations::{
    DashboardCounts, DeadlineRow, DeclarationFilter, DeclarationRow, MonthTotal,
};
pub use imports::StoredProfile;
pub use origin::{BomSummary, UserRule};
pub use papers::PaperRow;
pub use records::{ChangeEntry, OrderFilter, OrderRow, ProductRow, Writer};
pub use shipments::ShipmentRow;

use chrono::NaiveDateTime;
use exportdesk_rules::Problem;
use rusqlite::{Connection, OpenFlags, Transaction};
use std::path::{Path, PathBuf};

/// Migrations in order; the position + 1 is the schema version.
const MIGRATIONS: &[(&str, &str)] = &[
    ("initial", include_str!("migrations/0001_initial.sql")),
    (
        "declarations",
        include_str!("migrations/0002_declarations.sql"),
    ),
    (
        "import_profiles",
        include_str!("migrations/0003_import_profiles.sql"),
    ),
    ("shipments", include_str!("migrations/0004_shipments.sql")),
    ("origin", include_str!("migrations/0005_origin.sql")),
    ("returns", include_str!("migrations/0006_returns.sql")),
    ("papers", include_str!("migrations/0007_papers.sql")),
    (
        "order money",
        include_str!("migrations/0008_order_money.sql"),
    ),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub struct Store {
    conn: Connection,
    path: PathBuf,
}

pub(crate) fn sql_problem(e: rusqlite::Error) -> Problem {
    Problem::new(
        "store.sqlite",
        format!("데이터베이스 작업이 실패했습니다: {e}. 저장된 데이터는 바뀌지 않았습니다."),
        format!("The database operation failed: {e}. Nothing stored was changed."),
    )
    .with("detail", e)
}

fn io_problem(path: &Path, e: std::io::Error) -> Problem {
    Problem::new(
        "store.io",
        format!("파일 {}에 접근할 수 없습니다: {e}", path.display()),
        format!("Cannot access the file {}: {e}", path.display()),
    )
    .with("path", path.display())
}

/// What the 100-byte header says about a file, without opening it with SQLite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Missing,
    Empty,
    NotSqlite,
    Sqlite { user_version: i64 },
}

pub fn inspect_file(path: &Path) -> Result<FileKind, Problem> {
    use std::io::Read;
    let mut f = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FileKind::Missing),
        Err(e) => return Err(io_problem(path, e)),
    };
    let mut header = [0u8; 100];
    let mut read = 0;
    while read < header.len() {
        match f.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => return Err(io_problem(path, e)),
        }
    }
    if read == 0 {
        return Ok(FileKind::Empty);
    }
    if read < 100 || &header[..16] != b"SQLite format 3\0" {
        return Ok(FileKind::NotSqlite);
    }
    let v = i32::from_be_bytes([header[60], header[61], header[62], header[63]]);
    Ok(FileKind::Sqlite {
        user_version: v as i64,
    })
}

fn newer_schema(path: &Path, found: i64) -> Problem {
    Problem::new(
        "store.newer_schema",
        format!(
            "{}은(는) 더 새 버전의 ExportDesk가 만든 데이터베이스입니다 (스키마 {found}, 이 프로그램은 {SCHEMA_VERSION}까지 지원). 파일은 건드리지 않았습니다. ExportDesk를 최신 버전으로 업데이트하세요.",
            path.display()
        ),
        format!(
            "{} was created by a newer ExportDesk (schema {found}; this version supports up to {SCHEMA_VERSION}). The file was left untouched. Update ExportDesk to open it.",
            path.display()
        ),
    )
    .with("path", path.display())
    .with("found", found)
    .with("supported", SCHEMA_VERSION)
}

fn not_a_database(path: &Path) -> Problem {
    Problem::new(
        "store.not_a_database",
        format!("{}은(는) ExportDesk 데이터베이스(SQLite) 파일이 아닙니다. 파일은 건드리지 않았습니다. 다른 파일을 고르세요.", path.display()),
        format!("{} is not an ExportDesk (SQLite) database. The file was left untouched; choose another file.", path.display()),
    )
    .with("path", path.display())
}

/// Run `PRAGMA integrity_check` and turn anything but "ok" into a problem.
pub(crate) fn check_integrity(conn: &Connection, path: &Path) -> Result<(), Problem> {
    let mut stmt = conn
        .prepare("PRAGMA integrity_check")
        .map_err(sql_problem)?;
    let rows: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .and_then(|rows| rows.collect())
        .map_err(|e| damaged(path, &e.to_string()))?;
    if rows.len() == 1 && rows[0] == "ok" {
        Ok(())
    } else {
        Err(damaged(path, &rows.join("; ")))
    }
}

fn damaged(path: &Path, detail: &str) -> Problem {
    Problem::new(
        "store.integrity",
        format!(
            "데이터베이스 {}의 무결성 검사가 실패했습니다: {detail}. 자동으로 고치지 않았습니다. 설정 > 백업에서 최근 백업을 복원하세요.",
            path.display()
        ),
        format!(
            "The integrity check of {} failed: {detail}. Nothing was repaired automatically; restore a recent backup from Settings > Backups.",
            path.display()
        ),
    )
    .with("path", path.display())
    .with("detail", detail)
}

impl Store {
    /// Open (or create) the database at `path`, refusing newer or damaged files, and bring the
    /// schema up to date. `now` stamps the migrations applied.
    pub fn open(path: &Path, now: NaiveDateTime) -> Result<Store, Problem> {
        match inspect_file(path)? {
            FileKind::NotSqlite => return Err(not_a_database(path)),
            FileKind::Sqlite { user_version } if user_version > SCHEMA_VERSION => {
                return Err(newer_schema(path, user_version))
            }
            _ => {}
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| io_problem(dir, e))?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sql_problem)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(sql_problem)?;
        check_integrity(&conn, path)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(sql_problem)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(sql_problem)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(sql_problem)?;
        // A 32 MB page cache (the default is 2 MB): an import of tens of thousands of orders
        // touches every index page many times within its one transaction.
        conn.pragma_update(None, "cache_size", -32_000)
            .map_err(sql_problem)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.migrate(now)?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> Result<i64, Problem> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(sql_problem)
    }

    /// Apply every migration above the file's version, each in its own transaction.
    fn migrate(&mut self, now: NaiveDateTime) -> Result<(), Problem> {
        let current = self.schema_version()?;
        if current > SCHEMA_VERSION {
            return Err(newer_schema(&self.path, current));
        }
        for (i, (name, sql)) in MIGRATIONS.iter().enumerate().skip(current as usize) {
            let version = i as i64 + 1;
            let tx = self.conn.transaction().map_err(sql_problem)?;
            tx.execute_batch(sql).map_err(sql_problem)?;
            tx.execute(
                "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?1, ?2, ?3)",
                rusqlite::params![version, name, stamp(now)],
            )
            .map_err(sql_problem)?;
            tx.pragma_update(None, "user_version", version)
                .map_err(sql_problem)?;
            tx.commit().map_err(sql_problem)?;
        }
        Ok(())
    }

    /// Run `f` in one transaction: everything it writes lands together or not at all.
    pub fn write<T>(
        &mut self,
        at: NaiveDateTime,
        f: impl FnOnce(&mut Writer<'_>) -> Result<T, Problem>,
    ) -> Result<T, Problem> {
        let tx: Transaction<'_> = self.conn.transaction().map_err(sql_problem)?;
        let mut w = Writer::new(tx, at);
        let value = f(&mut w)?;
        w.commit()?;
        Ok(value)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

pub(crate) fn stamp(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%S").to_string()
}

#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    pub fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    pub fn temp_store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.sqlite3"), at("2026-11-27 09:00")).unwrap();
        (dir, store)
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;

    #[test]
    fn new_database_gets_current_schema_in_wal_mode() {
        let (_d, store) = temp_store();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let mode: String = store
            .conn()
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let applied: i64 = store
            .conn()
            .query_row("SELECT count(*) FROM schema_migrations", [], |r| r.get(0))
            .unwrap();
        assert_eq!(applied, SCHEMA_VERSION);
    }

    #[test]
    fn reopening_is_idempotent() {
        let (dir, store) = temp_store();
        let path = store.path().to_path_buf();
        drop(store);
        let again = Store::open(&path, at("2026-11-28 09:00")).unwrap();
        assert_eq!(again.schema_version().unwrap(), SCHEMA_VERSION);
        drop(dir);
    }

    #[test]
    fn newer_database_is_refused_and_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("future.sqlite3");
        {
            let c = Connection::open(&path).unwrap();
            c.execute_batch("CREATE TABLE x(a); INSERT INTO x VALUES (1);")
                .unwrap();
            c.pragma_update(None, "user_version", SCHEMA_VERSION + 5)
                .unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let listing_before: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        let err = Store::open(&path, at("2026-11-27 09:00")).err().unwrap();
        assert_eq!(err.code, "store.newer_schema");
        assert!(err.message_ko.contains("업데이트"));
        assert_eq!(std::fs::read(&path).unwrap(), before);
        let listing_after: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            listing_before, listing_after,
            "no -wal or -shm file may appear"
        );
    }

    #[test]
    fn a_file_that_is_not_a_database_is_refused_and_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.sqlite3");
        std::fs::write(&path, "these are my notes, not a database ".repeat(10)).unwrap();
        let before = std::fs::read(&path).unwrap();
        assert_eq!(
            Store::open(&path, at("2026-11-27 09:00"))
                .err()
                .unwrap()
                .code,
            "store.not_a_database"
        );
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn damaged_database_is_reported_not_repaired() {
        let (dir, mut store) = temp_store();
        let path = store.path().to_path_buf();
        store
            .write(at("2026-11-27 09:00"), |w| {
                for i in 0..400 {
                    w.set_setting(&format!("k{i}"), &"x".repeat(200))?;
                }
                Ok(())
            })
            .unwrap();
        store
            .conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
        drop(store);
        // Scribble over the b-tree pages after the schema page (the header stays intact).
        let mut bytes = std::fs::read(&path).unwrap();
        let page = 4096;
        assert!(bytes.len() > page * 8);
        let end = bytes.len() - page;
        for b in &mut bytes[page + 8..end] {
            *b = 0xAB;
        }
        std::fs::write(&path, &bytes).unwrap();
        let err = Store::open(&path, at("2026-11-27 09:00")).err().unwrap();
        assert!(
            err.code == "store.integrity" || err.code == "store.sqlite",
            "{err:?}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "nothing repaired");
        drop(dir);
    }

    #[test]
    fn failed_write_leaves_nothing_behind() {
        let (_d, mut store) = temp_store();
        let r: Result<(), Problem> = store.write(at("2026-11-27 09:00"), |w| {
            w.set_setting("language", "en")?;
            Err(Problem::new("test.fail", "실패", "fail"))
        });
        assert!(r.is_err());
        assert_eq!(store.setting("language").unwrap(), None);
        assert!(store.change_log(10).unwrap().is_empty());
    }
}
