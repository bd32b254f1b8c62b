//! Running the `exportdesk` binary against a database, for the CLI tests that pipe JSON in.

#![allow(dead_code)]

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Run `exportdesk --db DB ARGS` on the fixed test day, with `stdin` piped in when given.
pub fn run(db: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_exportdesk"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("EXPORTDESK_TODAY", "2026-11-27")
        .env_remove("EXPORTDESK_LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    child.wait_with_output().unwrap()
}

/// Run with `--json`; the command must succeed; its JSON answer.
pub fn ok(db: &Path, args: &[&str], stdin: Option<&str>) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let out = run(db, &all, stdin);
    assert!(
        out.status.success(),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A Shopify export of `copies` × the import fixture's orders, each copy with its own order
/// numbers (`#{prefix}{copy}-…`).
pub fn big_shopify(path: &Path, copies: usize, prefix: &str) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../exportdesk-import/tests/fixtures/shopify_orders_export.csv");
    let text = std::fs::read_to_string(fixture).unwrap();
    let mut lines = text.lines();
    let mut out = String::from(lines.next().unwrap());
    out.push('\n');
    let rows: Vec<&str> = lines.collect();
    for i in 0..copies {
        for r in &rows {
            out.push_str(&format!("#{prefix}{i}-{}\n", &r[1..]));
        }
    }
    std::fs::write(path, out).unwrap();
}

/// The sample shop with its seller profile (달무리상점), in a new database `db`.
pub fn sample_shop(db: &Path) {
    ok(
        db,
        &[
            "seller",
            "set",
            "--name",
            "달무리상점",
            "--representative",
            "김하늘",
            "--business-no",
            "220-81-62517",
            "--customs-code",
            "DALMU1234567890",
            "--address",
            "서울 성동구",
        ],
        None,
    );
    ok(db, &["sample", "load"], None);
}

/// The shop every scenario starts from: seller, sample data, every sample group declared and
/// accepted, one shipment of all of them packed and ready to load, and a few thousand imported
/// orders so that backups and restores take long enough to be killed half-way.
pub fn baseline(dir: &Path) -> (PathBuf, String, PathBuf) {
    let db = dir.join("baseline.sqlite3");
    sample_shop(&db);
    let groups = ok(&db, &["declarations", "groups"], None);
    let mut decls = Vec::new();
    for (n, g) in groups.as_array().unwrap().iter().enumerate() {
        let orders: Vec<String> = g["order_ids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o.to_string())
            .collect();
        let d = ok(
            &db,
            &["declarations", "draft", "--orders", &orders.join(",")],
            None,
        );
        let id = d["declaration"]["id"].as_i64().unwrap().to_string();
        ok(
            &db,
            &[
                "declarations",
                "edit",
                &id,
                "--transport",
                "courier",
                "--port",
                "ICN",
            ],
            None,
        );
        ok(&db, &["declarations", "file", &id], None);
        ok(
            &db,
            &[
                "declarations",
                "accept",
                &id,
                "--no",
                &format!("12345-26-9{n:05}X"),
                "--date",
                "2026-11-27",
            ],
            None,
        );
        decls.push(id);
    }
    assert!(decls.len() >= 3, "the sample has several declarable groups");
    let v = ok(
        &db,
        &[
            "shipments",
            "create",
            "--declarations",
            &decls.join(","),
            "--consignee",
            "Tokyo Fulfilment",
            "--address",
            "1-2-3 Koto, Tokyo",
        ],
        None,
    );
    let sid = v["shipment"]["id"].as_i64().unwrap().to_string();
    let v = ok(
        &db,
        &[
            "shipments",
            "autopack",
            &sid,
            "--size",
            "40x30x30",
            "--max-kg",
            "5",
            "--tare-kg",
            "0.5",
            "--save",
        ],
        None,
    );
    assert_eq!(v["can_load"], true, "{v}");
    // Volume for the backup and restore scenarios.
    let bulk = dir.join("bulk.csv");
    big_shopify(&bulk, 800, "B");
    ok(&db, &["import", "orders", bulk.to_str().unwrap()], None);
    // A backup of this state, for the restore scenario; then more orders, so that restoring
    // changes the data.
    let backup = ok(&db, &["backup", "now"], None);
    let backup_file = PathBuf::from(backup["path"].as_str().unwrap());
    let kept = dir.join("exportdesk-restore-me.sqlite3");
    std::fs::copy(&backup_file, &kept).unwrap();
    std::fs::remove_dir_all(backup_file.parent().unwrap()).unwrap();
    let more = dir.join("more.csv");
    big_shopify(&more, 200, "M");
    ok(&db, &["import", "orders", more.to_str().unwrap()], None);
    (db, sid, kept)
}

/// Every table of the database (schema, then rows in rowid order), rendered as text.
pub fn dump(db: &Path) -> String {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap();
    let mut out = String::new();
    let version: i64 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    out.push_str(&format!("user_version {version}\n"));
    let mut schema = c
        .prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
        .unwrap();
    let objects: Vec<(String, String, Option<String>)> = schema
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (kind, name, sql) in &objects {
        out.push_str(&format!(
            "{kind} {name}: {}\n",
            sql.as_deref().unwrap_or("")
        ));
    }
    for (kind, name, sql) in &objects {
        if kind != "table" {
            continue;
        }
        let without_rowid = sql
            .as_deref()
            .is_some_and(|s| s.to_ascii_uppercase().contains("WITHOUT ROWID"));
        let order = if without_rowid { "1" } else { "rowid" };
        let mut stmt = c
            .prepare(&format!("SELECT * FROM \"{name}\" ORDER BY {order}"))
            .unwrap();
        let n = stmt.column_count();
        out.push_str(&format!("== {name}\n"));
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let cells: Vec<String> = (0..n)
                .map(|i| match row.get_ref(i).unwrap() {
                    rusqlite::types::ValueRef::Null => "NULL".to_string(),
                    rusqlite::types::ValueRef::Integer(v) => v.to_string(),
                    rusqlite::types::ValueRef::Real(v) => format!("{v:?}"),
                    rusqlite::types::ValueRef::Text(t) => {
                        format!("{:?}", String::from_utf8_lossy(t))
                    }
                    rusqlite::types::ValueRef::Blob(b) => format!("blob{b:?}"),
                })
                .collect();
            out.push_str(&cells.join("|"));
            out.push('\n');
        }
    }
    out
}

/// Where two dumps first differ: the table and the two lines.
pub fn first_difference(a: &str, b: &str) -> String {
    let cut = |s: &str| s.chars().take(300).collect::<String>();
    let mut table = "";
    for (x, y) in a.lines().zip(b.lines()) {
        if y.starts_with("== ") {
            table = y;
        }
        if x != y {
            return format!("{table}\n    before: {}\n    after:  {}", cut(x), cut(y));
        }
    }
    format!(
        "{} lines before, {} after",
        a.lines().count(),
        b.lines().count()
    )
}
