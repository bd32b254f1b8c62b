//! The use cases against a temporary database, no window needed.

use exportdesk_app::{App, FixedClock, Settings};
use exportdesk_rules::problem::Lang;
use exportdesk_rules::rates::RateDraft;
use exportdesk_rules::records::{
    BuyerDraft, OrderDraft, OrderLineDraft, ProductDraft, SellerDraft,
};
use exportdesk_store::OrderFilter;

fn app_at(dir: &std::path::Path, day: &str) -> App {
    App::open(
        &dir.join("shop.sqlite3"),
        Box::new(FixedClock::parse(day).unwrap()),
    )
    .unwrap()
}

fn seller() -> SellerDraft {
    SellerDraft {
        name: "달무리상점".into(),
        name_en: "Dalmuri Store".into(),
        representative: "김하늘".into(),
        business_no: "220-81-62517".into(),
        address: "서울특별시 성동구 성수이로 7".into(),
        ..Default::default()
    }
}

#[test]
fn onboarding_refuses_a_wrong_business_number_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_at(dir.path(), "2026-11-27");
    let wrong = SellerDraft {
        business_no: "220-81-62518".into(),
        ..seller()
    };
    let err = app.save_seller(&wrong).unwrap_err();
    assert_eq!(err.0[0].code, "business_no.check_digit");
    assert!(err.0[0].message_ko.contains("검증번호"));
    assert!(app.seller().unwrap().is_none());
    assert_eq!(app.status().unwrap().changes, 0);
    let saved = app.save_seller(&seller()).unwrap();
    assert_eq!(saved.business_no.to_string(), "220-81-62517");
    drop(app);
    let app = app_at(dir.path(), "2026-11-28");
    assert_eq!(app.seller().unwrap().unwrap().name, "달무리상점");
    assert!(app.status().unwrap().has_seller);
}

#[test]
fn sample_data_loads_once_into_an_empty_shop() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_at(dir.path(), "2026-11-27");
    app.save_seller(&seller()).unwrap();
    let loaded = app.load_sample().unwrap();
    assert!(loaded.products >= 20, "{loaded:?}");
    assert_eq!(loaded.orders, 60);
    assert!(loaded.countries >= 8);
    assert_eq!(loaded.rates, 36);
    let orders = app.orders(&OrderFilter::default()).unwrap();
    assert_eq!(orders.len(), 60);
    let currencies: std::collections::BTreeSet<_> =
        orders.iter().map(|o| o.currency.clone()).collect();
    assert_eq!(currencies.len(), 3);
    assert!(orders.iter().all(|o| o.buyer_name.is_some()));
    // Every sample line is linked to its catalogue product.
    let first = app.order(orders[0].id).unwrap();
    assert!(first
        .lines
        .iter()
        .all(|l| l.product_id.is_some() && !l.description.is_empty()));
    // Rates cover this week and the eleven before it.
    assert!(app.rate_on("USD", "2026-11-27".parse().unwrap()).is_ok());
    assert!(app.rate_on("EUR", "2026-09-07".parse().unwrap()).is_ok());
    assert_eq!(
        app.rate_on("EUR", "2026-08-29".parse().unwrap())
            .unwrap_err()
            .0[0]
            .code,
        "rates.missing_week"
    );
    let again = app.load_sample().unwrap_err();
    assert_eq!(again.0[0].code, "sample.not_empty");
    assert_eq!(app.orders(&OrderFilter::default()).unwrap().len(), 60);
}

#[test]
fn product_and_order_life_cycle() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_at(dir.path(), "2026-11-27");
    let draft = ProductDraft {
        sku: "KB-1".into(),
        name_ko: "토너".into(),
        name_en: "Toner".into(),
        hs_code: "3304.99-1000".into(),
        net_weight_kg: "0.2".into(),
        origin_country: "KR".into(),
        ..Default::default()
    };
    let p = app.save_product(None, &draft).unwrap();
    let bad = ProductDraft {
        hs_code: "33".into(),
        ..draft.clone()
    };
    assert_eq!(
        app.save_product(Some(p.id), &bad).unwrap_err().0[0].code,
        "hs_code.too_short"
    );
    assert_eq!(
        app.product(p.id).unwrap().hs_code.unwrap().digits(),
        "3304991000"
    );
    assert_eq!(
        app.save_product(Some(9999), &draft).unwrap_err().0[0].code,
        "record.not_found"
    );

    let buyer = app
        .save_buyer(
            None,
            &BuyerDraft {
                name: "Emily".into(),
                country: "US".into(),
                ..Default::default()
            },
        )
        .unwrap();
    let order = OrderDraft {
        marketplace: "Shopify".into(),
        order_no: "#1001".into(),
        buyer_id: Some(buyer.id),
        order_date: "2026-11-26".into(),
        currency: "USD".into(),
        shipping_fee: "12".into(),
        incoterm: "DAP".into(),
        destination_country: "US".into(),
        lines: vec![OrderLineDraft {
            sku: "kb-1".into(),
            quantity: "2".into(),
            unit_price: "18.50".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    let saved = app.save_order(None, &order).unwrap();
    assert_eq!(
        saved.lines[0].product_id,
        Some(p.id),
        "linked by SKU, case-insensitively"
    );
    assert_eq!(saved.goods_total.to_string(), "37.00");
    assert_eq!(
        app.delete_product(p.id).unwrap_err().0[0].code,
        "product.in_use"
    );
    app.delete_order(saved.id).unwrap();
    app.delete_product(p.id).unwrap();
    let log = app.change_log(50).unwrap();
    assert!(log
        .iter()
        .any(|e| e.entity == "order" && e.action == "delete"));
}

#[test]
fn rates_by_hand_and_from_csv_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_at(dir.path(), "2026-11-27");
    app.save_rate(&RateDraft {
        date: "2026-11-25".into(),
        currency: "USD".into(),
        rate: "1385.2".into(),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(
        app.rate_on("USD", "2026-11-22".parse().unwrap())
            .unwrap()
            .to_string(),
        "1385.2"
    );
    let bad_csv = "date,currency,rate\n2026-11-15,EUR,1500\n2026-11-15,ZZZ,1\n";
    let err = app.import_rates_csv(bad_csv).unwrap_err();
    assert!(err.0[0].message_ko.starts_with("3행"), "{:?}", err.0[0]);
    assert_eq!(
        app.rates().unwrap().len(),
        1,
        "nothing from the bad file stored"
    );
    app.import_rates_csv("date,currency,rate\n2026-11-15,EUR,1500\n")
        .unwrap();
    assert_eq!(app.rates().unwrap().len(), 2);
}

#[test]
fn daily_backup_and_restore() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_at(dir.path(), "2026-11-27");
    assert!(
        app.backup_if_due().unwrap().is_none(),
        "no backups before onboarding"
    );
    app.save_seller(&seller()).unwrap();
    let first = app
        .backup_if_due()
        .unwrap()
        .expect("first backup of the day");
    assert!(app.backup_if_due().unwrap().is_none(), "one a day");
    app.load_sample().unwrap();
    let safety = app
        .restore_backup(std::path::Path::new(&first.path))
        .unwrap();
    assert_eq!(app.status().unwrap().orders, 0);
    assert_eq!(
        app.check_backup(std::path::Path::new(&safety.path))
            .unwrap()
            .orders,
        60
    );
    assert_eq!(app.backups().unwrap().len(), 2);
}

#[test]
fn settings_are_validated_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_at(dir.path(), "2026-11-27");
    assert_eq!(app.settings().unwrap(), Settings::default());
    let bad = Settings {
        backup_keep: 0,
        backup_dir: "relative/dir".into(),
        ..Settings::default()
    };
    let err = app.save_settings(&bad).unwrap_err();
    assert_eq!(err.0.len(), 2);
    assert_eq!(app.settings().unwrap(), Settings::default());
    let good = Settings {
        language: Lang::En,
        backup_keep: 3,
        ..Settings::default()
    };
    assert_eq!(app.save_settings(&good).unwrap().language, Lang::En);
}

#[test]
fn rulebook_view_changes_with_the_date() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_at(dir.path(), "2026-11-27");
    let value = |d: &str, key: &str| {
        app.rulebook_on(Some(d.parse().unwrap()))
            .values
            .into_iter()
            .find(|v| v.key == key)
            .unwrap()
            .value
            .unwrap()
    };
    assert_eq!(value("2025-01-01", "simplified_limit_krw"), "4000000");
    assert_eq!(value("2026-01-01", "simplified_limit_krw"), "5000000");
    assert_eq!(value("2025-01-01", "final_price_days"), "60");
    assert_eq!(app.rulebook_on(None).date.to_string(), "2026-11-27");
}

#[test]
fn product_list_pdf_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_at(dir.path(), "2026-11-27");
    assert_eq!(
        app.product_list_pdf(None).unwrap_err().0[0].code,
        "documents.no_products"
    );
    app.save_seller(&seller()).unwrap();
    app.load_sample().unwrap();
    let doc = app.product_list_pdf(None).unwrap();
    assert!(
        doc.path.ends_with("documents/product-list-2026-11-27.pdf"),
        "{}",
        doc.path
    );
    let bytes = std::fs::read(&doc.path).unwrap();
    assert!(bytes.starts_with(b"%PDF") && bytes.len() as u64 == doc.bytes);
}
