//! Importing 100,000 order rows from a Shopify CSV — read, validated, matched and stored in one
//! transaction with buyers and change log — measured in the same run as the `sqlite3` shell's
//! `.import` of the same file into a plain table (no checks at all), and the ratio reported.
//! The goal is a ratio of at most 2.
//!
//! Run: `cargo bench -p exportdesk-app --bench import` (needs the `sqlite3` program, which
//! `scripts/setup-system.sh` installs).

#[path = "../../exportdesk-import/tests/common/mod.rs"]
mod common;

use exportdesk_app::{App, FixedClock, ImportCheck, ImportRequest};
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

const ROWS: usize = 100_000;
const RUNS: usize = 3;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn sqlite3_import(dir: &std::path::Path, csv: &std::path::Path, run: usize) -> Duration {
    let db = dir.join(format!("plain-{run}.sqlite3"));
    let start = Instant::now();
    let mut child = Command::new("sqlite3")
        .arg(&db)
        .stdin(Stdio::piped())
        .spawn()
        .expect("the sqlite3 program (apt install sqlite3)");
    let script = format!(".mode csv\n.import {} orders_plain\n", csv.display());
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
    let took = start.elapsed();
    let out = Command::new("sqlite3")
        .arg(&db)
        .arg("SELECT count(*) FROM orders_plain")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        ROWS.to_string()
    );
    took
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = common::shopify_csv(ROWS);
    let csv = dir.path().join("orders_export.csv");
    std::fs::write(&csv, &bytes).unwrap();
    let req = ImportRequest {
        file_name: "orders_export.csv".into(),
        ..ImportRequest::default()
    };
    let cancel = AtomicBool::new(false);

    let mut ours = Vec::new();
    let mut checks = Vec::new();
    let mut theirs = Vec::new();
    let mut orders = 0;
    for run in 0..RUNS {
        // Alternate the two so both see the same machine state.
        theirs.push(sqlite3_import(dir.path(), &csv, run));

        let mut app = App::open(
            &dir.path().join(format!("shop-{run}.sqlite3")),
            Box::new(FixedClock::parse("2026-11-27").unwrap()),
        )
        .unwrap();
        let start = Instant::now();
        match app
            .import_check(&bytes, &req, &mut |_| {}, &cancel)
            .unwrap()
        {
            ImportCheck::Ready { preview } => assert!(preview.can_commit),
            ImportCheck::NeedsMapping { .. } => panic!("generated file needs no mapping"),
        }
        checks.push(start.elapsed());
        let start = Instant::now();
        let result = app
            .import_commit(&bytes, &req, &mut |_| {}, &cancel)
            .unwrap();
        ours.push(start.elapsed());
        orders = result.created;
        assert_eq!(app.status().unwrap().orders, i64::from(orders));
    }
    let (ours, theirs, check) = (median(ours), median(theirs), median(checks));
    let mb = bytes.len() as f64 / 1_048_576.0;
    println!("import of {ROWS} Shopify rows ({orders} orders, {mb:.1} MB), median of {RUNS}:");
    println!("  sqlite3 .import into a plain table:           {theirs:>9.2?}");
    println!("  ExportDesk check (summary, nothing written):   {check:>9.2?}");
    println!("  ExportDesk commit (read, validate, store all): {ours:>9.2?}");
    println!(
        "  ratio commit / sqlite3 .import: {:.2}× (goal ≤ 2×)",
        ours.as_secs_f64() / theirs.as_secs_f64()
    );
}
