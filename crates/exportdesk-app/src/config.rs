//! Where the database lives: `--db PATH`, else `EXPORTDESK_DB`, else the OS data directory
//! (`~/.local/share/exportdesk/exportdesk.sqlite3` on Linux).

use std::path::PathBuf;

pub const DB_ENV: &str = "EXPORTDESK_DB";

pub fn default_db_path() -> PathBuf {
    directories::ProjectDirs::from("", "", "exportdesk")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from("."))
        .join("exportdesk.sqlite3")
}

pub fn resolve_db_path(flag: Option<PathBuf>) -> PathBuf {
    flag.or_else(|| {
        std::env::var_os(DB_ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
    .unwrap_or_else(default_db_path)
}
