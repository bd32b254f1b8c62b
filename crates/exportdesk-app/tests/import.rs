//! Orders in from marketplace files, against a temporary database: check, commit all or
//! nothing, existing orders, buyers, new catalogue products, saved mappings, cancel.

use exportdesk_app::{
    App, DraftRequest, ExistingOrders, FixedClock, ImportCheck, ImportPreview, ImportRequest,
    NewProduct,
};
use exportdesk_import::{Field, Profile};
use exportdesk_rules::records::SellerDraft;
use exportdesk_store::OrderFilter;
use std::sync::atomic::AtomicBool;

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../exportdesk-import/tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn shop(dir: &std::path::Path) -> App {
    let mut app = App::open(
        &dir.join("shop.sqlite3"),
        Box::new(FixedClock::parse("2026-11-27").unwrap()),
    )
    .unwrap();
    app.save_seller(&SellerDraft {
        name: "달무리상점".into(),
        representative: "김하늘".into(),
        business_no: "220-81-62517".into(),
        customs_code: "DALMU1234567890".into(),
        address: "서울특별시 성동구 성수이로 7".into(),
        platform_based: true,
        platforms: "Shopify".into(),
        ..Default::default()
    })
    .unwrap();
    app
}

fn request(file: &str) -> ImportRequest {
    ImportRequest {
        file_name: file.into(),
        ..ImportRequest::default()
    }
}

fn never() -> AtomicBool {
    AtomicBool::new(false)
}

fn check(app: &App, bytes: &[u8], req: &ImportRequest) -> ImportPreview {
    match app.import_check(bytes, req, &mut |_| {}, &never()).unwrap() {
        ImportCheck::Ready { preview } => *preview,
        ImportCheck::NeedsMapping { request } => panic!("needs mapping: {request:?}"),
    }
}

/// Every table's row count and the change log's length: what "nothing changed" compares.
fn fingerprint(app: &App) -> (i64, i64, i64, usize) {
    let s = app.status().unwrap();
    (
        s.orders,
        s.buyers,
        s.products,
        app.change_log(100_000).unwrap().len(),
    )
}

#[test]
fn shopify_file_is_summarised_then_committed_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = shop(dir.path());
    let bytes = fixture("shopify_orders_export.csv");
    let before = fingerprint(&app);
    let preview = check(&app, &bytes, &request("orders_export.csv"));
    assert_eq!(fingerprint(&app), before, "checking writes nothing");
    assert_eq!(preview.profile.name, "shopify");
    assert!(preview.can_commit, "{:?}", preview.row_problems);
    assert!(preview.new_count >= 3);
    assert_eq!(preview.new_count, preview.orders_total);
    assert_eq!(preview.existing_count, 0);
    assert_eq!(preview.buyers_matched, 0);
    assert!(preview.buyers_new >= 3);
    let coaster = preview
        .unknown_products
        .iter()
        .find(|p| p.sku == "HJ-COAST-IND")
        .expect("catalogue is empty, every SKU is new");
    assert!(coaster.description.contains("Coaster"));
    assert_eq!(coaster.quantity, "4", "two orders of two");
    assert_eq!(coaster.orders, 2);
    assert!(coaster.row >= 2);

    let mut req = request("orders_export.csv");
    req.new_products = vec![
        NewProduct {
            sku: "HJ-COAST-IND".into(),
            name: String::new(),
            hs_code: "4823.90".into(),
            ..Default::default()
        },
        NewProduct {
            sku: "GS-HC-50".into(),
            name: "Ginseng Hand Cream".into(),
            hs_code: String::new(),
            ..Default::default()
        },
    ];
    let result = app
        .import_commit(&bytes, &req, &mut |_| {}, &never())
        .unwrap();
    assert_eq!(result.created, preview.new_count);
    assert_eq!(result.products_created, 2);
    assert_eq!(result.buyers_created, preview.buyers_new);
    assert_eq!(result.profile, "shopify");

    let orders = app.orders(&OrderFilter::default()).unwrap();
    assert_eq!(orders.len() as u32, preview.new_count);
    let first = orders.iter().find(|o| o.order_no == "#1001").unwrap();
    let first = app.order(first.id).unwrap();
    assert!(first.buyer_id.is_some());
    let line = first
        .lines
        .iter()
        .find(|l| l.sku == "HJ-COAST-IND")
        .unwrap();
    let product = app
        .product(line.product_id.expect("linked to the new product"))
        .unwrap();
    assert_eq!(
        product.hs_code.unwrap().to_string().replace('.', "")[..6],
        *"482390"
    );
    assert_eq!(product.name_en, "Hanji Tea Coaster Set - Indigo");
    // One manifest entry names the created orders and buyers; the new products are logged
    // one by one (they are few, and the user edits them next).
    let log = app.change_log(100).unwrap();
    let manifest = log
        .iter()
        .find(|e| e.entity == "import" && e.entity_id == "orders_export.csv")
        .unwrap();
    let after: serde_json::Value =
        serde_json::from_str(manifest.after.as_deref().unwrap()).unwrap();
    assert_eq!(after["created"], 3);
    let ranges = after["created_orders"].as_array().unwrap();
    let ids: Vec<i64> = orders.iter().map(|o| o.id).collect();
    assert_eq!(ranges.len(), 1);
    assert_eq!(ranges[0][0].as_i64(), ids.iter().min().copied());
    assert_eq!(ranges[0][1].as_i64(), ids.iter().max().copied());
    assert_eq!(log.iter().filter(|e| e.entity == "order").count(), 0);
    assert_eq!(log.iter().filter(|e| e.entity == "product").count(), 2);
}

#[test]
fn a_second_import_skips_or_updates_what_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = shop(dir.path());
    let bytes = fixture("shopify_orders_export.csv");
    let first = app
        .import_commit(&bytes, &request("a.csv"), &mut |_| {}, &never())
        .unwrap();
    let buyers = app.buyers().unwrap().len();

    let preview = check(&app, &bytes, &request("a.csv"));
    assert_eq!(preview.new_count, 0);
    assert_eq!(preview.existing_count, first.created);
    assert_eq!(preview.existing_differ, 0);
    assert_eq!(preview.buyers_new, 0, "buyers are matched, not doubled");

    // The same file again with one quantity changed.
    let text = String::from_utf8(bytes.clone()).unwrap();
    let changed = text.replacen(
        ",3,Ginseng Hand Cream 50ml,",
        ",4,Ginseng Hand Cream 50ml,",
        1,
    );
    assert_ne!(changed, text);
    let preview = check(&app, changed.as_bytes(), &request("b.csv"));
    assert_eq!(preview.existing_differ, 1);
    assert!(
        preview.existing[0].differs,
        "changed orders are listed first"
    );

    let skipped = app
        .import_commit(changed.as_bytes(), &request("b.csv"), &mut |_| {}, &never())
        .unwrap();
    assert_eq!((skipped.created, skipped.updated), (0, 0));
    assert_eq!(skipped.skipped, first.created);

    let mut req = request("b.csv");
    req.existing = ExistingOrders::Update;
    let updated = app
        .import_commit(changed.as_bytes(), &req, &mut |_| {}, &never())
        .unwrap();
    assert_eq!(updated.updated, 1);
    let log = app.change_log(20).unwrap();
    let entry = log
        .iter()
        .find(|e| e.entity == "order" && e.action == "update")
        .expect("an update keeps its before and after in the log");
    assert!(entry
        .before
        .as_deref()
        .unwrap()
        .contains("\"quantity\":\"3\""));
    assert!(entry
        .after
        .as_deref()
        .unwrap()
        .contains("\"quantity\":\"4\""));
    assert_eq!(updated.unchanged, first.created - 1);
    assert_eq!(app.buyers().unwrap().len(), buyers);
    let orders = app.orders(&OrderFilter::default()).unwrap();
    let o = orders.iter().find(|o| o.order_no == "#1002").unwrap();
    assert_eq!(app.order(o.id).unwrap().lines[0].quantity.to_string(), "4");
}

#[test]
fn orders_on_a_declaration_are_never_updated() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = shop(dir.path());
    app.load_sample().unwrap();
    let bytes = fixture("shopify_orders_export.csv");
    app.import_commit(&bytes, &request("a.csv"), &mut |_| {}, &never())
        .unwrap();
    let orders = app.orders(&OrderFilter::default()).unwrap();
    let o = orders
        .iter()
        .find(|o| o.order_no == "#1002" && o.marketplace == "Shopify")
        .unwrap();
    app.draft_declaration(&DraftRequest {
        order_ids: vec![o.id],
        declared_on: None,
        freight_insurance: None,
        non_conforming: false,
        conditional_reexport: false,
    })
    .unwrap();
    let changed = String::from_utf8(bytes).unwrap().replacen(
        ",3,Ginseng Hand Cream 50ml,",
        ",4,Ginseng Hand Cream 50ml,",
        1,
    );
    let mut req = request("b.csv");
    req.existing = ExistingOrders::Update;
    let preview = check(&app, changed.as_bytes(), &req);
    assert_eq!(preview.existing_declared, 1);
    let result = app
        .import_commit(changed.as_bytes(), &req, &mut |_| {}, &never())
        .unwrap();
    assert_eq!((result.updated, result.kept_declared), (0, 1));
    let kept = app.order(o.id).unwrap();
    assert_eq!(kept.lines[0].quantity.to_string(), "3");
}

#[test]
fn a_file_with_problems_stores_nothing_and_lists_them_as_csv() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = shop(dir.path());
    let good = String::from_utf8(fixture("shopify_orders_export.csv")).unwrap();
    // One quantity that is not a number, late in the file: the earlier orders are fine.
    let bad = good.replacen(
        ",1,Najeon Mother-of-Pearl",
        ",one,Najeon Mother-of-Pearl",
        1,
    );
    assert_ne!(bad, good);
    let before = fingerprint(&app);
    let preview = check(&app, bad.as_bytes(), &request("bad.csv"));
    assert!(!preview.can_commit);
    assert_eq!(preview.problem_count, 1);
    let p = &preview.row_problems[0];
    assert_eq!(p.column.as_deref(), Some("Lineitem quantity"));
    assert_eq!(p.value, "one");

    let err = app
        .import_commit(bad.as_bytes(), &request("bad.csv"), &mut |_| {}, &never())
        .unwrap_err();
    assert_eq!(err.0[0].code, "import.has_problems");
    assert!(err.0[1]
        .message_en
        .starts_with(&format!("row {}, column 'Lineitem quantity'", p.row)));
    assert_eq!(fingerprint(&app), before, "nothing stored");

    let doc = app
        .import_problems_csv(bad.as_bytes(), &request("bad.csv"), None)
        .unwrap();
    assert!(doc.path.contains("import-problems_bad_"), "{}", doc.path);
    let csv = std::fs::read_to_string(&doc.path).unwrap();
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains(",one,"), "{csv}");
}

#[test]
fn a_cancelled_or_failing_commit_leaves_the_database_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = shop(dir.path());
    let bytes = fixture("shopify_orders_export.csv");
    let before = fingerprint(&app);

    let cancel = AtomicBool::new(true);
    let err = app
        .import_commit(&bytes, &request("a.csv"), &mut |_| {}, &cancel)
        .unwrap_err();
    assert_eq!(err.0[0].code, "import.cancelled");
    assert_eq!(fingerprint(&app), before);

    // A product to add with a wrong HS code: refused before anything is written.
    let mut req = request("a.csv");
    req.new_products = vec![NewProduct {
        sku: "CEL-VASE-S".into(),
        name: String::new(),
        hs_code: "12".into(),
        ..Default::default()
    }];
    let err = app
        .import_commit(&bytes, &req, &mut |_| {}, &never())
        .unwrap_err();
    assert!(err.0[0]
        .field
        .as_deref()
        .is_some_and(|f| f.starts_with("new_products[0].hs_code")));
    assert_eq!(fingerprint(&app), before);

    // Cancel during storing: the progress callback sets the flag after the first report.
    let cancel = AtomicBool::new(false);
    let mut phases = Vec::new();
    let err = app
        .import_commit(
            &bytes,
            &request("a.csv"),
            &mut |p| {
                if p.phase == "storing" {
                    cancel.store(true, std::sync::atomic::Ordering::SeqCst);
                }
                phases.push(p.phase);
            },
            &cancel,
        )
        .unwrap_err();
    assert_eq!(err.0[0].code, "import.cancelled");
    assert!(phases.contains(&"reading".to_string()));
    assert_eq!(fingerprint(&app), before);
}

#[test]
fn an_unknown_layout_is_mapped_saved_and_reused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = shop(dir.path());
    let bytes = fixture("korean_own_sheet.csv");
    let request_mapping = match app
        .import_check(&bytes, &request("내 주문.csv"), &mut |_| {}, &never())
        .unwrap()
    {
        ImportCheck::NeedsMapping { request } => request,
        ImportCheck::Ready { preview } => panic!("a shop's own sheet has no profile: {preview:?}"),
    };
    assert!(request_mapping.headers.contains(&"주문번호".to_string()));
    assert!(request_mapping
        .suggestions
        .iter()
        .any(|s| s.field == Field::OrderNo && s.column == "주문번호"));

    let mut profile = Profile::from_mapping("우리 쇼핑몰", "자사몰", &request_mapping.suggestions);
    profile.date_order = exportdesk_import::DateOrder::Ymd;
    let mut req = request("내 주문.csv");
    req.mapping = Some(profile.clone());
    let preview = check(&app, &bytes, &req);
    assert!(preview.can_commit, "{:?}", preview.row_problems);
    assert_eq!(preview.profile.marketplace, "자사몰");

    // Save it, then read the next file by name.
    let bad = Profile::custom("Shopify", "", &[]);
    let err = app.save_import_profile(&bad).unwrap_err();
    let fields: Vec<_> = err.0.iter().filter_map(|p| p.field.clone()).collect();
    assert!(fields.contains(&"name".to_string()) && fields.contains(&"marketplace".to_string()));
    app.save_import_profile(&profile).unwrap();
    let all = app.import_profiles().unwrap();
    assert!(all.iter().any(|p| p.builtin && p.profile.name == "shopify"));
    assert!(all
        .iter()
        .any(|p| !p.builtin && p.profile.name == "우리 쇼핑몰"));
    let mut by_name = request("다음 주문.csv");
    by_name.profile = Some("우리 쇼핑몰".into());
    let again = check(&app, &bytes, &by_name);
    assert_eq!(again.new_count, preview.new_count);
    let result = app
        .import_commit(&bytes, &by_name, &mut |_| {}, &never())
        .unwrap();
    assert_eq!(result.created, preview.new_count);

    let mut unknown = request("x.csv");
    unknown.profile = Some("없는 형식".into());
    let err = app
        .import_check(&bytes, &unknown, &mut |_| {}, &never())
        .unwrap_err();
    assert_eq!(err.0[0].code, "import.profile_not_found");
    assert!(err.0[0].message_ko.contains("우리 쇼핑몰"));
    app.delete_import_profile("우리 쇼핑몰").unwrap();
    assert!(app.import_profiles().unwrap().iter().all(|p| p.builtin));
}

#[test]
fn unreadable_files_say_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = shop(dir.path());
    let before = fingerprint(&app);
    for name in ["empty.csv", "html_disguised.xls"] {
        let err = app
            .import_commit(&fixture(name), &request(name), &mut |_| {}, &never())
            .unwrap_err();
        assert!(!err.0[0].message_ko.is_empty(), "{name}");
        assert!(
            err.0[0].code.starts_with("import."),
            "{name}: {:?}",
            err.0[0]
        );
    }
    assert_eq!(fingerprint(&app), before);
}

/// The summary asks for what the declaration will need: each new product's net weight and
/// origin (KR offered) and this week's customs rate of every foreign currency of the file,
/// pasted as the KCS table shows it. All of it is stored with the orders, in one transaction:
/// a bad rate stores nothing, and a declaration drafted next needs no detour.
#[test]
fn summary_rates_weights_and_origin_are_stored_with_the_orders() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = shop(dir.path());
    let bytes = fixture("shopify_orders_export.csv");
    let preview = check(&app, &bytes, &request("orders_export.csv"));
    let usd = preview
        .rates_needed
        .iter()
        .find(|n| n.currency == "USD")
        .expect("the file's orders are in USD");
    assert_eq!(
        usd.week_start.to_string(),
        "2026-11-22",
        "the week of today"
    );
    assert_eq!(usd.week_end.to_string(), "2026-11-28");
    assert!(usd.recorded.is_none());
    assert_eq!(usd.orders, preview.new_count);

    let mut req = request("orders_export.csv");
    req.new_products = preview
        .unknown_products
        .iter()
        .map(|p| NewProduct {
            sku: p.sku.clone(),
            hs_code: "4823.90".into(),
            net_weight_kg: "0.12".into(),
            origin_country: "KR".into(),
            ..Default::default()
        })
        .collect();
    // A rate pasted from the wrong row of the table: nothing is stored, the message says which.
    req.rates = vec![exportdesk_rules::rates::RateDraft {
        date: usd.week_start.to_string(),
        currency: "USD".into(),
        rate: "유로 EUR 1,723.42".into(),
        per: Some("1".into()),
        source: None,
    }];
    let before = fingerprint(&app);
    let err = app
        .import_commit(&bytes, &req, &mut |_| {}, &never())
        .unwrap_err();
    assert_eq!(err.0[0].code, "rate.paste_other_currency");
    assert_eq!(err.0[0].field.as_deref(), Some("rates[0].rate"));
    assert!(
        err.0[0].message_ko.contains("USD"),
        "{}",
        err.0[0].message_ko
    );
    assert_eq!(fingerprint(&app), before, "nothing stored");
    assert!(app.rates().unwrap().is_empty());

    req.rates[0].rate = "미국 USD 1,450.30".into();
    let result = app
        .import_commit(&bytes, &req, &mut |_| {}, &never())
        .unwrap();
    assert_eq!(result.rates_saved, 1);
    let rates = app.rates().unwrap();
    assert_eq!(rates.len(), 1);
    assert_eq!(rates[0].krw_per_unit.to_string(), "1450.3");
    let again = check(&app, &bytes, &request("orders_export.csv"));
    assert!(
        again.rates_needed.is_empty(),
        "no new orders, no rate asked"
    );

    let products = app.products("").unwrap();
    assert!(!products.is_empty());
    for p in &products {
        assert_eq!(
            p.product
                .origin_country
                .as_ref()
                .map(|c| c.code().to_string())
                .as_deref(),
            Some("KR")
        );
        assert_eq!(p.product.net_weight_kg.unwrap().to_string(), "0.12");
    }
    // The first declaration drafted from the imported orders converts at the rate just given.
    let groups = app.propose_groups(None).unwrap();
    let draft = app
        .draft_declaration(&DraftRequest {
            order_ids: groups[0].order_ids.clone(),
            declared_on: None,
            freight_insurance: None,
            non_conforming: false,
            conditional_reexport: false,
        })
        .unwrap();
    assert_eq!(draft.declaration.rate.to_string(), "1450.3");
}

/// Issue 15 through the app: the summary shows the goods before and after the discount and the
/// orders left out; an order recorded before and now cancelled in the file is flagged with its
/// declaration and never changed; the declaration of a discounted order with shipping on top
/// declares the goods as paid.
#[test]
fn discounts_statuses_and_a_cancelled_order_already_declared() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = shop(dir.path());
    app.load_sample().unwrap(); // for this week's rates
    let bytes = fixture("shopify_orders_export_statuses.csv");
    let preview = check(&app, &bytes, &request("a.csv"));
    assert_eq!(preview.new_count, 3);
    assert_eq!(preview.skipped_count, 3);
    assert!(preview.skipped.iter().all(|s| s.recorded_id.is_none()));
    let row = preview
        .new_orders
        .iter()
        .find(|o| o.order_no == "#2001")
        .unwrap();
    assert_eq!(
        (row.goods_total.as_str(), row.goods_before_discount.as_str()),
        ("91.80", "102.00")
    );
    assert_eq!(row.shipping_separate, Some(true));
    let json = serde_json::to_value(&preview).unwrap();
    assert_eq!(json["skipped"][0]["kind"], "cancelled");

    // Record #2001 and declare it: FOB is the goods after the discount, 91.80, not 91.80 − 18.
    app.import_commit(&bytes, &request("a.csv"), &mut |_| {}, &never())
        .unwrap();
    let orders = app.orders(&OrderFilter::default()).unwrap();
    let id = orders.iter().find(|o| o.order_no == "#2001").unwrap().id;
    let view = app
        .draft_declaration(&DraftRequest {
            order_ids: vec![id],
            ..Default::default()
        })
        .unwrap();
    assert_eq!(view.declaration.fob_total.to_string(), "91.80");
    assert_eq!(view.declaration.freight_separate, Some(true));
    assert!(view.missing.iter().all(|m| m.field != "freight_separate"));

    // The buyer cancels #2001 after it was declared; the next download says so.
    let text = String::from_utf8(bytes).unwrap();
    let cancelled = text.replacen(
        "#2001,emily@example.com,paid,",
        "#2001,emily@example.com,voided,",
        1,
    );
    assert_ne!(cancelled, text);
    let mut req = request("b.csv");
    req.existing = ExistingOrders::Update;
    let before = app.order(id).unwrap();
    let preview = check(&app, cancelled.as_bytes(), &req);
    let flagged = preview
        .skipped
        .iter()
        .find(|s| s.order_no == "#2001")
        .expect("flagged");
    assert_eq!(flagged.recorded_id, Some(id));
    assert_eq!(flagged.declaration_id, Some(view.declaration.id));
    assert_eq!(
        preview.skipped.first().map(|s| s.order_no.as_str()),
        Some("#2001"),
        "recorded ones first"
    );
    app.import_commit(cancelled.as_bytes(), &req, &mut |_| {}, &never())
        .unwrap();
    assert_eq!(
        app.order(id).unwrap(),
        before,
        "never changed by the import"
    );
}

/// An order typed by hand with shipping of unknown kind: the declaration asks before filing.
#[test]
fn a_declaration_asks_whether_shipping_was_paid_on_top() {
    use exportdesk_app::DraftEdit;
    use exportdesk_rules::records::{OrderDraft, OrderLineDraft};
    let dir = tempfile::tempdir().unwrap();
    let mut app = shop(dir.path());
    app.load_sample().unwrap();
    let buyer = app.buyers().unwrap()[0].id;
    let order = app
        .save_order(
            None,
            &OrderDraft {
                marketplace: "Instagram".into(),
                order_no: "IG-7".into(),
                buyer_id: Some(buyer),
                order_date: "2026-11-26".into(),
                currency: "USD".into(),
                shipping_fee: "15".into(),
                incoterm: "DAP".into(),
                destination_country: "US".into(),
                lines: vec![OrderLineDraft {
                    sku: "kb-toner".into(),
                    quantity: "2".into(),
                    unit_price: "50".into(),
                    ..Default::default()
                }],
                order_discount: "10".into(),
                shipping_separate: None,
            },
        )
        .unwrap();
    assert_eq!(order.goods_total.to_string(), "90");
    let view = app
        .draft_declaration(&DraftRequest {
            order_ids: vec![order.id],
            ..Default::default()
        })
        .unwrap();
    let d = &view.declaration;
    assert_eq!(d.freight_separate, None);
    assert_eq!(d.fob_total.to_string(), "75", "taken out until answered");
    assert_eq!(view.missing[0].field, "freight_separate");
    let e = app.file_declaration(d.id, None).unwrap_err();
    assert_eq!(e.0[0].code, "declaration.missing_fields");
    assert!(
        e.0[0].message_en.contains("shipping separately"),
        "{}",
        e.0[0].message_en
    );
    let view = app
        .edit_draft(
            d.id,
            &DraftEdit {
                freight_separate: Some(true),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(view.declaration.fob_total.to_string(), "90");
    assert!(view.missing.iter().all(|m| m.field != "freight_separate"));
}
