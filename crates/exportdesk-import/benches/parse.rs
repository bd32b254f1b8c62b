//! Parse 100,000 generated order rows from CSV into validated order drafts, and a 50 MB file.
//!
//! `cargo bench -p exportdesk-import --bench parse`. Prints the median of a few runs, split into
//! reading the table (decode + CSV) and the whole parse (plus mapping, grouping and validating).

#[path = "../tests/common/mod.rs"]
mod common;

use exportdesk_import::{parse, read_table, ParseOptions, ReadOptions};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn measure(label: &str, rows: usize, bytes: &[u8], runs: usize) {
    let cancel = AtomicBool::new(false);
    // Warm up (and check the result once).
    let plan = parse(bytes, &ParseOptions::default()).expect("generated file parses");
    assert!(plan.is_clean(), "generated file has problems");
    assert_eq!(plan.rows_read as usize, rows);
    assert!(plan.orders.iter().all(|o| o.order.is_some()));
    let read = median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                let t = read_table(bytes, &ReadOptions::default(), &cancel).unwrap();
                assert_eq!(t.rows.len(), rows);
                start.elapsed()
            })
            .collect(),
    );
    let full = median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                let p = parse(bytes, &ParseOptions::default()).unwrap();
                assert_eq!(p.orders.len(), plan.orders.len());
                start.elapsed()
            })
            .collect(),
    );
    let mb = bytes.len() as f64 / 1_048_576.0;
    println!(
        "{label}: {rows} rows, {} orders, {mb:.1} MB\n  read table (decode + CSV): {read:>9.2?}  {:>9.0} rows/s\n  parse to validated drafts: {full:>9.2?}  {:>9.0} rows/s  {:.1} MB/s",
        plan.orders.len(),
        rows as f64 / read.as_secs_f64(),
        rows as f64 / full.as_secs_f64(),
        mb / full.as_secs_f64(),
    );
}

fn main() {
    let rows = 100_000;
    let bytes = common::shopify_csv(rows);
    measure("Shopify export, 100,000 order rows", rows, &bytes, 5);

    let mut rows = 150_000;
    let mut bytes = common::shopify_csv(rows);
    while bytes.len() < 50 * 1024 * 1024 {
        rows = rows * 50 * 1024 * 1024 / bytes.len() + 1_000;
        bytes = common::shopify_csv(rows);
    }
    measure("Shopify export, 50 MB", rows, &bytes, 3);
}
