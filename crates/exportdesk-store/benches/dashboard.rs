//! Dashboard query over 1,000,000 declarations (goal < 20 ms): the open deadlines list plus the
//! counts by urgency, as the dashboard asks for them on every start.
//!
//! Run: `cargo bench -p exportdesk-store --bench dashboard`. The figures are printed; the goal is
//! reported as met or missed (benchmarks measure, tests assert).

use chrono::{Duration, NaiveDate, NaiveDateTime};
use exportdesk_store::Store;
use std::time::Instant;

const N: i64 = 1_000_000;

fn seed(path: &std::path::Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch("PRAGMA synchronous = OFF; PRAGMA journal_mode = WAL;")
        .unwrap();
    let tx = conn.unchecked_transaction().unwrap();
    {
        let mut stmt = tx
            .prepare(
                "INSERT INTO declarations(state, declared_on, buyer_name, buyer_country, destination_country, currency, incoterm,
                 freight_insurance, freight_source, rate, invoice_total, fob_total, fob_krw, kind, kind_reason_ko, kind_reason_en,
                 list_clearance_possible, declaration_no, accepted_on, loading_raw, loading_due, provisional, confirmed_paid_on,
                 final_price_raw, final_price_due, created_at, updated_at)
                 VALUES (?1, ?2, 'Buyer', 'US', 'US', 'USD', 'DAP', '0', 'orders', '1385', '100', '100', '138500', 'simplified', '', '',
                 1, ?3, ?4, ?5, ?5, ?6, ?7, ?8, ?8, '2026-01-01T00:00:00', '2026-01-01T00:00:00')",
            )
            .unwrap();
        let base = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        for i in 0..N {
            // Most declarations are long loaded; about 1 in 200 is accepted and still open, and
            // about 1 in 500 carries an open final-price deadline.
            let day = base + Duration::days(i % 1060);
            let state = match i % 200 {
                0 => "accepted",
                1 => "cancelled",
                _ => "loaded",
            };
            let due = (day + Duration::days(30)).to_string();
            let provisional = i % 500 == 3;
            let paid = provisional.then(|| day.to_string());
            let final_due = provisional.then(|| (day + Duration::days(90)).to_string());
            stmt.execute(rusqlite::params![
                state,
                day.to_string(),
                format!("12345-{:02}-{:07}X", day.format("%y"), i),
                day.to_string(),
                due,
                provisional,
                paid,
                final_due
            ])
            .unwrap();
        }
    }
    tx.commit().unwrap();
    conn.execute_batch("ANALYZE;").unwrap();
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.sqlite3");
    let now = NaiveDateTime::parse_from_str("2026-11-27 09:00", "%Y-%m-%d %H:%M").unwrap();
    drop(Store::open(&path, now).unwrap());
    let t = Instant::now();
    seed(&path);
    println!(
        "seeded {N} declarations in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let store = Store::open(&path, now).unwrap();
    let today = now.date();
    let mut times = Vec::new();
    let mut items = 0;
    for _ in 0..30 {
        let t = Instant::now();
        let list = store.open_deadlines(200).unwrap();
        let counts = store.deadline_counts(today).unwrap();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        items = std::hint::black_box((list, counts)).0.len();
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let median = times[times.len() / 2];
    let counts = store.deadline_counts(today).unwrap();
    println!(
        "dashboard query (200 most urgent + counts by urgency) over {N} declarations: median {median:.2} ms, p90 {:.2} ms; {} items, {} open deadlines",
        times[times.len() * 9 / 10],
        items,
        counts.overdue + counts.within_3_days + counts.within_7_days + counts.later
    );
    println!(
        "goal < 20 ms: {}",
        if median < 20.0 { "met" } else { "MISSED" }
    );
}
