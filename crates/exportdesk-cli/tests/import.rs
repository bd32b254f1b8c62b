//! `exportdesk import orders` as a user runs it, including a kill in the middle of storing.

mod common;

use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../exportdesk-import/tests/fixtures")
        .join(name)
}

fn exportdesk(db: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_exportdesk"));
    c.arg("--db")
        .arg(db)
        .env("EXPORTDESK_TODAY", "2026-11-27")
        .env_remove("EXPORTDESK_LANG");
    c
}

fn run(db: &Path, args: &[&str]) -> Output {
    exportdesk(db).args(args).output().unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn count(db: &Path, table: &str) -> i64 {
    let out = run(db, &["status", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json(&out)[table].as_i64().unwrap()
}

#[test]
fn dry_run_then_import_then_skip_then_update() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.sqlite3");
    let file = fixture("shopify_orders_export.csv");
    let f = file.to_str().unwrap();

    let out = run(&db, &["import", "orders", f, "--dry-run", "--json"]);
    assert!(out.status.success());
    let preview = json(&out);
    assert_eq!(preview["profile"]["name"], "shopify");
    assert_eq!(preview["new_count"], 3);
    assert_eq!(preview["can_commit"], true);
    assert_eq!(count(&db, "orders"), 0, "a dry run stores nothing");

    let out = run(
        &db,
        &[
            "import",
            "orders",
            f,
            "--add-products",
            "--hs",
            "HJ-COAST-IND=4823.90",
            "--json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let result = json(&out);
    assert_eq!(result["created"], 3);
    assert_eq!(result["products_created"], 5);
    assert_eq!(result["buyers_created"], 3);
    assert_eq!(count(&db, "orders"), 3);

    let again = json(&run(&db, &["import", "orders", f, "--json"]));
    assert_eq!(
        (again["created"].as_u64(), again["skipped"].as_u64()),
        (Some(0), Some(3))
    );
    let updated = json(&run(&db, &["import", "orders", f, "--update", "--json"]));
    assert_eq!(updated["unchanged"], 3, "same file, nothing to update");

    // Human output in English names the counts.
    let out = run(&db, &["--lang", "en", "import", "orders", f, "--dry-run"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("3 already recorded (0 differ, 0 declared)"),
        "{text}"
    );
}

#[test]
fn a_bad_file_exits_1_lists_problems_and_writes_the_error_csv() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.sqlite3");
    let errors = dir.path().join("errors.csv");
    let file = fixture("broken_quotes.csv");
    let out = run(
        &db,
        &[
            "import",
            "orders",
            file.to_str().unwrap(),
            "--errors",
            errors.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let preview = json(&out);
    assert_eq!(preview["can_commit"], false);
    assert_eq!(preview["row_problems"][0]["row"], 3);
    let csv = std::fs::read_to_string(&errors).unwrap();
    assert!(csv.contains("quotation mark"), "{csv}");
    assert_eq!(count(&db, "orders"), 0);

    // An unknown layout: one JSON document with the mapping facts and the problems.
    let out = run(
        &db,
        &[
            "import",
            "orders",
            fixture("korean_own_sheet.csv").to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert!(v["needs_mapping"]["headers"].as_array().unwrap().len() > 5);
    assert_eq!(v["problems"][0]["code"], "import.profile_unknown");

    // The mapping the suggestions make, saved and used by name.
    let suggestions = v["needs_mapping"]["suggestions"].as_array().unwrap();
    let columns: Vec<Value> = suggestions
        .iter()
        .map(|s| serde_json::json!({"field": s["field"], "headers": [s["column"]], "required": false, "decimal": null}))
        .collect();
    let profile = serde_json::json!({
        "name": "우리 쇼핑몰", "title": "우리 쇼핑몰", "marketplace": "자사몰", "columns": columns,
        "signature": [], "date_order": "ymd", "decimal": "point", "shipping": "first_line",
        "default_incoterm": "DAP", "default_currency": null, "default_country": null
    });
    let pfile = dir.path().join("mine.json");
    std::fs::write(&pfile, profile.to_string()).unwrap();
    let out = run(
        &db,
        &["import", "save-profile", pfile.to_str().unwrap(), "--json"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = run(
        &db,
        &[
            "import",
            "orders",
            fixture("korean_own_sheet.csv").to_str().unwrap(),
            "--profile",
            "우리 쇼핑몰",
            "--json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(json(&out)["created"].as_u64().unwrap() >= 2);
}

/// SIGKILL while the orders are being stored: the database opens clean and holds nothing of
/// the file — one file is one transaction, even when the process dies inside it.
#[test]
fn a_kill_in_the_middle_of_an_import_leaves_the_database_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.sqlite3");
    let big = dir.path().join("big.csv");
    common::big_shopify(&big, 3000, "K");
    // Something stored before, which must survive.
    let out = run(
        &db,
        &[
            "import",
            "orders",
            fixture("etsy_sold_order_items.csv").to_str().unwrap(),
            "--json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let before = count(&db, "orders");
    let changes_before = count(&db, "changes");
    assert!(before > 0);

    let mut child = exportdesk(&db)
        .args(["import", "orders", big.to_str().unwrap(), "--progress"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = BufReader::new(child.stderr.take().unwrap());
    let mut killed_at = None;
    for line in stderr.lines() {
        let line = line.unwrap();
        // Kill once a good part of the orders has been written inside the transaction.
        if let Some(rest) = line.strip_prefix("storing ") {
            let done: u64 = rest.split('/').next().unwrap().parse().unwrap();
            if done >= 1000 {
                child.kill().unwrap();
                killed_at = Some(line);
                break;
            }
        }
    }
    let status = child.wait().unwrap();
    assert!(
        killed_at.is_some(),
        "the import ended before it could be killed"
    );
    assert!(!status.success());

    // Reopening runs the integrity check; the counts are those from before.
    assert_eq!(count(&db, "orders"), before, "killed at {killed_at:?}");
    assert_eq!(count(&db, "changes"), changes_before);
    let out = run(&db, &["orders", "list", "--json"]);
    assert!(out.status.success());
}
