//! Drafting 10,000 declarations from 10,000 orders: each draft reads its orders and products,
//! looks up the week's rate, computes FOB and kind under the rules of its date and writes the
//! declaration, its lines and its change-log entry in one transaction.
//!
//! Run: `cargo bench -p exportdesk-app --bench drafting`.

use exportdesk_app::{App, DraftRequest, FixedClock};
use exportdesk_rules::rates::RateDraft;
use exportdesk_rules::records::{OrderDraft, OrderLineDraft, SellerDraft};
use std::time::Instant;

const N: usize = 10_000;

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::open(
        &dir.path().join("bench.sqlite3"),
        Box::new(FixedClock::parse("2026-11-27").unwrap()),
    )
    .unwrap();
    app.save_seller(&SellerDraft {
        name: "벤치상점".into(),
        representative: "김하늘".into(),
        business_no: "220-81-62517".into(),
        customs_code: "BENCH1234567890".into(),
        address: "서울".into(),
        ..Default::default()
    })
    .unwrap();
    app.load_sample().unwrap();
    app.save_rate(&RateDraft {
        date: "2026-11-27".into(),
        currency: "USD".into(),
        rate: "1385.2".into(),
        ..Default::default()
    })
    .unwrap();
    let products: Vec<i64> = app
        .products("")
        .unwrap()
        .iter()
        .map(|p| p.product.id)
        .collect();
    let buyer = app.buyers().unwrap()[0].id;
    let t = Instant::now();
    let mut ids = Vec::with_capacity(N);
    for i in 0..N {
        let o = app
            .save_order(
                None,
                &OrderDraft {
                    marketplace: "Bench".into(),
                    order_no: format!("B-{i:06}"),
                    buyer_id: Some(buyer),
                    order_date: "2026-11-20".into(),
                    currency: "USD".into(),
                    shipping_fee: "8.00".into(),
                    incoterm: "DAP".into(),
                    destination_country: "US".into(),
                    lines: (0..3)
                        .map(|k| OrderLineDraft {
                            product_id: Some(products[(i + k) % products.len()]),
                            quantity: format!("{}", 1 + k),
                            unit_price: "12.50".into(),
                            ..Default::default()
                        })
                        .collect(),
                    shipping_separate: Some(true),
                    ..Default::default()
                },
            )
            .unwrap();
        ids.push(o.id);
    }
    println!(
        "seeded {N} orders of 3 lines in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    for id in &ids {
        app.draft_declaration(&DraftRequest {
            order_ids: vec![*id],
            ..Default::default()
        })
        .unwrap();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "drafted {N} declarations in {secs:.2} s ({:.2} ms each)",
        secs * 1000.0 / N as f64
    );
}
