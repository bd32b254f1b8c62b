//! The newcomer's first run in the real window: onboarding refuses a wrong business number and
//! stores nothing, saves the corrected profile, shows it after a restart, loads the sample shop
//! and lists its orders.

use exportdesk_e2e::{count_rows, Session};

const TODAY: &str = "2026-11-27";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_run_onboarding_restart_and_sample_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");

    let s = Session::launch(&db, TODAY).await;
    s.wait("onboarding").await;
    s.screenshot("01-onboarding").await;
    s.fill("seller-name", "달무리상점").await;
    s.fill("seller-representative", "김하늘").await;
    s.fill("seller-business-no", "220-81-62518").await;
    s.fill("seller-address", "서울특별시 성동구 성수이로 7")
        .await;
    s.click("seller-save").await;
    let error = s.text("error-business_no").await;
    assert!(
        error.contains("검증번호"),
        "Korean check-digit message expected, got: {error}"
    );
    s.screenshot("02-onboarding-error").await;
    assert_eq!(
        count_rows(&db, "sellers"),
        0,
        "nothing stored on a wrong number"
    );

    s.fill("seller-business-no", "220-81-62517").await;
    s.click("seller-save").await;
    s.wait("sample-load").await;
    assert_eq!(count_rows(&db, "sellers"), 1);
    s.screenshot("03-onboarding-saved").await;
    s.close().await;

    // Restarted, the app goes straight to the shell with the profile.
    let s = Session::launch(&db, TODAY).await;
    s.wait("dashboard").await;
    s.wait_text("seller-name-display", "달무리상점").await;
    s.screenshot("04-dashboard-after-restart").await;
    s.click("dashboard-sample-load").await;
    s.wait("sample-loaded").await;
    assert_eq!(count_rows(&db, "orders"), 60);
    s.click("nav-orders").await;
    let rows = s.wait_count("order-row", 20).await;
    assert!(rows.len() >= 20);
    s.screenshot("05-orders").await;
    s.click("nav-products").await;
    s.wait_count("product-row", 20).await;
    s.screenshot("06-products").await;

    // The product list PDF from the Documents screen.
    s.click("nav-documents").await;
    s.click("doc-product-list-make").await;
    let saved = s.wait_text("doc-saved-path", ".pdf").await;
    let path = saved
        .split_whitespace()
        .find(|w| w.ends_with(".pdf"))
        .unwrap()
        .to_string();
    s.screenshot("07-documents").await;
    let text = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("상품 목록 및 HS 코드표") && text.contains("달무리상점"),
        "{text}"
    );
    // The offline proof is live: the app's calls are traced (its display connection at
    // least), and none so far went beyond loopback (checked again when the session ends).
    assert!(s.net().calls() > 0, "the network trace recorded nothing");
    assert_eq!(s.net().outside_calls(), Vec::<String>::new());
    s.close().await;
}

/// Through onboarding without sample data, then a product found with the HS finder, a refused
/// bad weight, the saved product in the list, and the app switched to English.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn product_with_hs_finder_and_english_ui() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    // This one drives the composited mode, so both renderings stay covered.
    let s = Session::launch_composited(&db, TODAY).await;
    s.fill("seller-name", "하늘공방").await;
    s.fill("seller-representative", "이하늘").await;
    s.fill("seller-business-no", "1248100998").await;
    s.fill("seller-address", "부산광역시 해운대구 1").await;
    s.click("seller-save").await;
    s.click("sample-skip").await;
    s.wait("dashboard").await;

    s.click("nav-products").await;
    s.click("product-new").await;
    s.fill("product-sku", "HN-SUN-50").await;
    s.fill("product-name-ko", "수분 선크림 50ml").await;
    s.fill("product-name-en", "Moist Sun Cream 50ml").await;
    s.fill("hs-search", "선크림").await;
    let results = s.wait_count("hs-result", 1).await;
    results[0].click().await.unwrap();
    let picked = s
        .client
        .execute(
            "return document.querySelector('[data-testid=product-hs-code]').value",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        picked.as_str().unwrap().starts_with("3304"),
        "HS finder filled {picked}"
    );
    s.fill("product-hs-code", "3304.99-1000").await;
    s.fill("product-net-weight", "-0.5").await;
    s.click("product-save").await;
    s.wait("error-net_weight_kg").await;
    s.screenshot("11-product-form-error").await;
    assert_eq!(count_rows(&db, "products"), 0);
    s.fill("product-net-weight", "0.075").await;
    s.click("product-save").await;
    s.wait_count("product-row", 1).await;
    assert_eq!(count_rows(&db, "products"), 1);
    s.screenshot("12-product-saved").await;

    s.click("lang-toggle").await;
    s.click("nav-settings").await;
    s.wait("rulebook-table").await;
    s.wait_text("rulebook-table", "to confirm").await;
    s.screenshot("13-settings-english").await;
    // The simplified limit's history, oldest first, from its first row's "History" toggle.
    let toggles = s.all("rule-history-toggle").await;
    assert!(!toggles.is_empty(), "no rule shows a history");
    s.click_on(&toggles[0]).await;
    let text = s.text("rule-history").await;
    for want in [
        "2014-07-30",
        "2,000,000",
        "2024-08-01",
        "4,000,000",
        "2025-08-28",
    ] {
        assert!(
            text.contains(want),
            "{want} missing from the history:\n{text}"
        );
    }
    s.client
        .execute(
            "document.querySelector('[data-testid=rule-history]').scrollIntoView({block: 'center'})",
            vec![],
        )
        .await
        .unwrap();
    s.screenshot("13a-rulebook-history").await;
    s.close().await;
}

/// The heart of the product: sample orders → draft → "simplified" with its reason → file →
/// accept → the loading deadline on the dashboard with the right date → record loading → gone;
/// the worksheet PDF holds the declaration's values.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn declaration_from_sample_orders_to_loading() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let s = Session::launch(&db, TODAY).await;
    s.fill("seller-name", "달무리상점").await;
    s.fill("seller-representative", "김하늘").await;
    s.fill("seller-business-no", "220-81-62517").await;
    s.fill("seller-customs-code", "DALMU1234567890").await;
    s.fill("seller-address", "서울특별시 성동구 성수이로 7")
        .await;
    s.click("seller-save").await;
    s.click("sample-load").await;
    s.click("onboarding-finish").await;
    s.wait("dashboard").await;

    s.click("nav-declarations").await;
    s.click("declaration-new").await;
    let groups = s.wait_count("group-row", 1).await;
    s.screenshot("21-declaration-groups").await;
    groups[0]
        .find(fantoccini::Locator::Css("[data-testid=group-draft]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    s.wait("declaration-view").await;
    s.wait_text("declaration-kind", "간이수출신고").await;
    let reason = s.text("declaration-reason").await;
    assert!(
        reason.contains("간이수출신고") && reason.contains("₩5,000,000"),
        "{reason}"
    );
    s.screenshot("22-declaration-draft").await;

    s.click("declaration-file").await;
    s.dialog("file-dialog").await;
    s.click("file-save").await;
    s.click("declaration-accept").await;
    s.dialog("accept-dialog").await;
    s.fill("accept-no", "12345-26-1234567X").await;
    s.fill("accept-date", "2026-11-27").await;
    s.click("accept-save").await;
    s.wait("loading-deadline").await;
    s.screenshot("23-declaration-accepted").await;
    assert_eq!(count_rows(&db, "declarations"), 1);

    // 2026-11-27 + 30 days = Sun 2026-12-27 → Mon 2026-12-28.
    s.click("worksheet-pdf").await;
    let saved = s.wait_text("worksheet-path", ".pdf").await;
    let path = saved
        .split_whitespace()
        .find(|w| w.ends_with(".pdf"))
        .unwrap()
        .to_string();
    let text = std::process::Command::new("pdftotext")
        .args(["-layout", &path, "-"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("12345-26-1234567X")
            && text.contains("간이수출신고")
            && text.contains("2026-12-28"),
        "{text}"
    );

    s.click("nav-dashboard").await;
    let items = s.wait_count("dashboard-deadline", 1).await;
    let due = items[0].attr("data-due").await.unwrap();
    assert_eq!(due.as_deref(), Some("2026-12-28"));
    s.screenshot("24-dashboard-deadline").await;
    s.click("deadline-action").await;
    s.dialog("load-dialog").await;
    s.fill("load-date", "2026-12-01").await;
    s.fill("load-bl", "AWB 180-12345675").await;
    s.fill("load-carrier", "KOREA POST").await;
    s.click("load-save").await;
    s.wait("deadlines-empty").await;
    assert!(s.all("dashboard-deadline").await.is_empty());
    s.screenshot("25-dashboard-after-loading").await;

    // Worksheets for the selected declarations, with progress.
    s.click("nav-declarations").await;
    s.wait_count("declaration-row", 1).await;
    s.click("declaration-select-all").await;
    s.click("batch-worksheets").await;
    s.wait_text("batch-result", "1").await;
    s.screenshot("26-declarations-batch").await;

    // The same declaration in English.
    s.click("lang-toggle").await;
    s.click("declaration-open").await;
    s.wait_text("declaration-kind", "simplified export declaration")
        .await;
    s.screenshot("27-declaration-english").await;
    s.close().await;
}

/// Issue 15: a Shopify export with a discounted order and cancelled, refunded and partly paid
/// ones. The summary shows the discounted order's goods before and after the discount and lists
/// the orders it leaves out with their status; only the orders that stand are stored.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discounted_and_cancelled_orders_in_the_import_summary() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let fixtures = exportdesk_e2e::workspace_root().join("crates/exportdesk-import/tests/fixtures");
    let s = Session::launch(&db, TODAY).await;
    s.fill("seller-name", "달무리상점").await;
    s.fill("seller-representative", "김하늘").await;
    s.fill("seller-business-no", "220-81-62517").await;
    s.fill("seller-address", "서울특별시 성동구 성수이로 7")
        .await;
    s.click("seller-save").await;
    s.click("sample-skip").await;
    s.wait("dashboard").await;
    s.click("nav-orders").await;
    s.click("import-open").await;
    s.choose_file(
        "import-file",
        &fixtures.join("shopify_orders_export_statuses.csv"),
    )
    .await;
    s.wait("import-summary").await;
    assert_eq!(s.text("import-count-new").await, "3");
    let skipped = s.wait_count("import-skipped-row", 3).await;
    assert_eq!(skipped.len(), 3);
    let text = s.text("import-skipped").await;
    for want in [
        "#2002",
        "#2003",
        "#2005",
        "취소",
        "미결제",
        "voided",
        "partially_paid",
    ] {
        assert!(text.contains(want), "{want} missing from:\n{text}");
    }
    let discount = s.text("import-new-discount").await;
    assert!(discount.contains("102.00"), "{discount}");
    let new_orders = s.text("import-new-orders").await;
    assert!(
        new_orders.contains("91.80") && new_orders.contains("18.00"),
        "{new_orders}"
    );
    s.client
        .execute(
            "document.querySelector('[data-testid=import-skipped]').scrollIntoView({block: 'start'})",
            vec![],
        )
        .await
        .unwrap();
    s.screenshot("28-import-discount-and-cancelled").await;
    s.click("import-commit").await;
    s.wait("import-result").await;
    assert_eq!(s.text("import-result-created").await, "3");
    assert_eq!(
        count_rows(&db, "orders"),
        3,
        "the left-out orders are not stored"
    );
    s.close().await;
}

/// A shop owner brings in a Shopify export: the summary shows three new orders and the SKUs the
/// catalogue lacks, one gets an HS code from the suggestions, the import stores all three
/// orders, and they are in the order list. A file of another layout asks for a column mapping.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shopify_file_imported_through_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let fixtures = exportdesk_e2e::workspace_root().join("crates/exportdesk-import/tests/fixtures");
    let s = Session::launch(&db, TODAY).await;
    s.fill("seller-name", "달무리상점").await;
    s.fill("seller-representative", "김하늘").await;
    s.fill("seller-business-no", "220-81-62517").await;
    s.fill("seller-address", "서울특별시 성동구 성수이로 7")
        .await;
    s.click("seller-save").await;
    s.click("sample-skip").await;
    s.wait("dashboard").await;

    s.click("nav-orders").await;
    s.click("import-open").await;
    s.wait("import-file").await;
    s.screenshot("20-import-choose").await;
    s.choose_file("import-file", &fixtures.join("shopify_orders_export.csv"))
        .await;
    s.wait("import-summary").await;
    assert_eq!(s.text("import-count-new").await, "3");
    s.wait_count("import-unknown-row", 5).await;
    s.wait_count("import-hs-suggestion", 1).await[0]
        .click()
        .await
        .unwrap();
    // The finder opened from the summary is a readable dialog, and its pick fills the row.
    let find = s.all("import-hs-find").await;
    s.click_on(&find[1]).await;
    s.dialog("import-hs-dialog").await;
    s.fill("hs-search", "celadon vase").await;
    let results = s.wait_count("hs-result", 1).await;
    s.screenshot("21a-import-hs-finder").await;
    s.click_on(&results[0]).await;
    let codes = s.all("import-hs-code").await;
    let second = s
        .client
        .execute(
            "return arguments[0].value",
            vec![serde_json::to_value(&codes[1]).unwrap()],
        )
        .await
        .unwrap();
    assert!(
        second.as_str().unwrap_or_default().starts_with("6913"),
        "the finder's pick fills the row: {second}"
    );
    s.screenshot("21-import-summary").await;
    assert_eq!(count_rows(&db, "orders"), 0, "the summary stores nothing");

    s.click("import-commit").await;
    s.wait("import-result").await;
    assert_eq!(s.text("import-result-created").await, "3");
    s.screenshot("22-import-result").await;
    assert_eq!(count_rows(&db, "orders"), 3);
    assert_eq!(count_rows(&db, "products"), 5);

    s.click("import-view-orders").await;
    let rows = s.wait_count("order-row", 3).await;
    assert_eq!(rows.len(), 3);
    s.screenshot("23-orders-after-import").await;

    // A bigger export (1,500 copies of the file's orders: 9,000 rows) goes through the same
    // way: the bytes are sent once, raw, and the whole file lands in one transaction.
    let text = std::fs::read_to_string(fixtures.join("shopify_orders_export.csv")).unwrap();
    let mut lines = text.lines();
    let mut big = format!("{}\n", lines.next().unwrap());
    let rows: Vec<&str> = lines.collect();
    for i in 0..1500 {
        for r in &rows {
            big.push_str(&format!("#B{i}-{}\n", &r[1..]));
        }
    }
    let big_path = dir.path().join("orders_export_big.csv");
    std::fs::write(&big_path, big).unwrap();
    s.click("import-open").await;
    s.choose_file("import-file", &big_path).await;
    s.wait("import-summary").await;
    assert_eq!(s.text("import-count-new").await, "4500");
    s.click("import-commit").await;
    s.wait("import-result").await;
    assert_eq!(s.text("import-result-created").await, "4500");
    assert_eq!(count_rows(&db, "orders"), 4503);
    s.click("import-view-orders").await;

    // A shop's own sheet: no profile fits, so the column-mapping screen opens with suggestions.
    s.click("import-open").await;
    s.choose_file("import-file", &fixtures.join("korean_own_sheet.csv"))
        .await;
    s.wait("import-mapping").await;
    s.fill("import-map-marketplace", "자사몰").await;
    s.screenshot("24-import-mapping").await;
    s.click("import-map-read").await;
    s.wait("import-summary").await;
    let new = s.text("import-count-new").await;
    assert!(new.parse::<u32>().unwrap() >= 2, "{new}");
    s.screenshot("25-import-mapped-summary").await;
    s.close().await;
}

/// Issue 15: an order typed by hand whose shipping may or may not be in the prices. Its
/// declaration asks before it can be filed; answering "on top" makes the goods the FOB.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_declaration_asks_whether_shipping_was_paid_on_top() {
    use exportdesk_rules::records::{OrderDraft, OrderLineDraft};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    {
        let mut app = sample_shop(&db);
        declare_order(
            &mut app,
            OrderDraft {
                marketplace: "Instagram".into(),
                order_no: "IG-7".into(),
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
                ..Default::default()
            },
        );
    }
    let s = open_the_declaration(&db).await;
    let q = s.wait("freight-question").await;
    assert!(s.text("freight-question").await.contains("USD 15.00"));
    s.client
        .execute(
            "arguments[0].scrollIntoView({block: 'center'});",
            vec![serde_json::to_value(&q).unwrap()],
        )
        .await
        .unwrap();
    let fob = s.text("fob-card").await;
    assert!(fob.contains("USD 75.00"), "taken out until answered: {fob}");
    s.screenshot("29-freight-question").await;
    // The missing-field list's button for it leads to the question, not to the edit dialog.
    let fixes = s.all("missing-fix").await;
    if let Some(first) = fixes.first() {
        s.click_on(first).await;
        assert!(
            s.all("edit-dialog").await.is_empty(),
            "no dialog for the question"
        );
    }
    s.click("freight-separate-yes").await;
    s.wait_text("fob-card", "USD 90.00").await;
    s.screenshot("29a-freight-answered").await;
    s.close().await;
}

/// Two accepted declarations of sample orders (prepared through the app layer, as the declaration
/// test drives that part of the window already) are packed into two cartons in the window, the
/// shipment is loaded, both loading deadlines close, and the packing list is made.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_hs_code_is_found_from_the_declaration() {
    use exportdesk_rules::records::{OrderDraft, OrderLineDraft, ProductDraft};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    {
        let mut app = sample_shop(&db);
        // A new product the seller has not classified yet.
        app.save_product(
            None,
            &ProductDraft {
                sku: "HJ-FAN".into(),
                name_ko: "한지 부채".into(),
                name_en: "Hanji hand fan".into(),
                unit: "EA".into(),
                net_weight_kg: "0.05".into(),
                origin_country: "KR".into(),
                ..Default::default()
            },
        )
        .unwrap();
        declare_order(
            &mut app,
            OrderDraft {
                marketplace: "Instagram".into(),
                order_no: "IG-8".into(),
                order_date: "2026-11-26".into(),
                currency: "USD".into(),
                incoterm: "FOB".into(),
                destination_country: "US".into(),
                lines: vec![OrderLineDraft {
                    sku: "HJ-FAN".into(),
                    quantity: "3".into(),
                    unit_price: "18".into(),
                    ..Default::default()
                }],
                ..Default::default()
            },
        );
    }
    let s = open_the_declaration(&db).await;
    // The card names the missing code and finds it here, without leaving the declaration.
    s.click("missing-find-hs").await;
    s.dialog("missing-hs-dialog").await;
    let results = s.wait_count("hs-result", 1).await;
    assert_eq!(
        results[0].attr("data-code").await.unwrap().as_deref(),
        Some("4421915000"),
        "the finder starts from the line's name and offers the fan's own national code"
    );
    s.wait("hs-confidence").await;
    s.screenshot("30-missing-hs-finder").await;
    // One level up, the heading's subheadings are the question (bamboo or other wood).
    let toggles = s.wait_count("hs-subheadings-toggle", 1).await;
    s.click_on(&toggles[0]).await;
    let subs = s.wait_count("hs-subheading", 2).await;
    assert_eq!(
        subs[0].attr("data-code").await.unwrap().as_deref(),
        Some("442110"),
        "the heading's subheadings in tariff order"
    );
    s.screenshot("30b-missing-hs-subheadings").await;
    let results = s.all("hs-result").await;
    s.click_on(&results[0]).await;
    s.wait("missing-none").await;
    let code: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT hs_code FROM products WHERE sku = 'HJ-FAN'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(code, "4421915000", "the pick is saved to the product");
    s.screenshot("30a-missing-hs-filled").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_orders_packed_into_two_cartons_and_loaded() {
    use exportdesk_app::{App, DraftEdit, DraftRequest, FixedClock};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let mut decls = Vec::new();
    {
        let mut app = sample_shop(&db);
        let groups = app.propose_groups(None).unwrap();
        for (n, g) in groups
            .iter()
            .filter(|g| g.order_ids.len() == 1)
            .take(2)
            .enumerate()
        {
            let id = app
                .draft_declaration(&DraftRequest {
                    order_ids: g.order_ids.clone(),
                    ..Default::default()
                })
                .unwrap()
                .declaration
                .id;
            app.edit_draft(
                id,
                &DraftEdit {
                    transport_mode: Some("courier".into()),
                    loading_port: Some("ICN".into()),
                    ..Default::default()
                },
            )
            .unwrap();
            app.file_declaration(id, None).unwrap();
            app.accept_declaration(id, &format!("12345-26-80000{n}X"), TODAY)
                .unwrap();
            decls.push(id);
        }
    }
    let open_loading = |db: &std::path::Path| {
        let conn =
            rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .unwrap();
        conn.query_row(
            "SELECT count(*) FROM declarations WHERE state = 'accepted'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .unwrap()
    };
    assert_eq!(open_loading(&db), 2);

    let s = Session::launch(&db, TODAY).await;
    s.wait("dashboard").await;
    s.click("nav-shipments").await;
    s.click("shipment-new").await;
    let picks = s.wait_count("shipment-pick-decl", 2).await;
    for p in &picks {
        let id: i64 = p.attr("data-id").await.unwrap().unwrap().parse().unwrap();
        if decls.contains(&id) {
            p.click().await.unwrap();
        }
    }
    s.click("shipment-create").await;
    s.wait("shipment-view").await;
    let lines = s.wait_count("pack-line", 2).await;
    assert!(lines.len() >= 2);

    // Two cartons: the first declaration's lines in carton 1, the second's in carton 2.
    while s.all("carton-length").await.len() < 2 {
        s.click("carton-add").await;
    }
    s.screenshot("29-shipment-cartons-added").await;
    for (i, (l, w, h, g)) in [("40", "30", "20", "3"), ("30", "20", "20", "2")]
        .into_iter()
        .enumerate()
    {
        for (id, v) in [
            ("carton-length", l),
            ("carton-width", w),
            ("carton-height", h),
            ("carton-gross", g),
        ] {
            let el = &s.all(id).await[i];
            s.enter(el, v).await;
        }
    }
    let cells = s.all("carton-qty").await;
    let view = {
        let app = App::open(&db, Box::new(FixedClock::parse(TODAY).unwrap())).unwrap();
        let rows = app.shipments().unwrap();
        app.shipment_view(rows[0].id).unwrap()
    };
    for cell in &cells {
        let line = cell.attr("data-line").await.unwrap().unwrap();
        let carton: usize = cell
            .attr("data-carton")
            .await
            .unwrap()
            .unwrap()
            .parse()
            .unwrap();
        let l = view
            .lines
            .iter()
            .find(|l| format!("{}-{}", l.declaration_id, l.line_no) == line)
            .unwrap();
        let target = if l.declaration_id == decls[0] { 1 } else { 2 };
        if carton == target {
            s.enter(cell, &l.quantity.normalize().to_string()).await;
        } else {
            s.enter(cell, "0").await;
        }
    }
    s.screenshot("30-shipment-packing").await;
    s.click("pack-save").await;
    s.wait("shipment-load-open").await;
    // The load button becomes usable once the saved packing passes every check.
    let started = std::time::Instant::now();
    loop {
        let enabled = s
            .wait("shipment-load-open")
            .await
            .is_enabled()
            .await
            .unwrap();
        if enabled {
            break;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(15),
            "load never enabled"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    s.click("shipment-load-open").await;
    s.dialog("shipment-load-dialog").await;
    s.fill("shipment-load-carrier", "EMS").await;
    s.fill("shipment-load-bl", "AWB-2026-1127").await;
    s.fill("shipment-load-tracking", "EE123KR, EE124KR").await;
    s.screenshot("31-shipment-load").await;
    s.click("shipment-load-save").await;
    s.wait_text("shipment-state", "적재").await;
    assert_eq!(open_loading(&db), 0, "both loading deadlines closed");
    s.screenshot("32-shipment-loaded").await;

    // The first paper for a foreign buyer asks once for the shipper in English.
    s.click("doc-shipment-packing-list").await;
    s.dialog("shipper-en-dialog").await;
    s.screenshot("33a-shipper-english").await;
    s.fill("shipper-en-name", "Dalmuri Shop").await;
    s.fill(
        "shipper-en-address",
        "7 Seongsui-ro, Seongdong-gu, Seoul 04781, Korea",
    )
    .await;
    s.click("shipper-en-save").await;
    let saved = s.wait_text("doc-saved-path", ".pdf").await;
    let path = saved
        .split_whitespace()
        .find(|w| w.ends_with(".pdf"))
        .unwrap()
        .to_string();
    let text = std::process::Command::new("pdftotext")
        .args(["-layout", &path, "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("PACKING LIST")
            && text.contains("CARTON 2 / 2")
            && text.contains("Dalmuri Shop"),
        "{text}"
    );
    assert!(text.contains("AWB-2026-1127"), "{text}");
    s.screenshot("33-shipment-papers").await;

    s.click("nav-dashboard").await;
    s.wait("dashboard").await;
    s.screenshot("34-dashboard-after-loading").await;
    s.close().await;
}

/// Product → BOM → check → worksheet: a supplier declaration entered in the window, a product's
/// bill of materials imported from a CSV that links a material to it, priced and saved, checked
/// under Korea–EU (originating, with steps), the worksheet PDF made; the dashboard warns that the
/// declaration ends within the month.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bom_imported_checked_under_korea_eu_with_worksheet() {
    use exportdesk_app::{App, FixedClock};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let product = {
        let mut app = App::open(&db, Box::new(FixedClock::parse(TODAY).unwrap())).unwrap();
        app.save_seller(&exportdesk_rules::records::SellerDraft {
            name: "달무리상점".into(),
            representative: "김하늘".into(),
            business_no: "220-81-62517".into(),
            address: "서울특별시 성동구 성수이로 7".into(),
            ..Default::default()
        })
        .unwrap();
        app.load_sample().unwrap();
        app.products("KB-TONER-150").unwrap()[0].product.id
    };
    let s = Session::launch(&db, TODAY).await;
    s.wait("dashboard").await;
    s.click("nav-origin").await;
    s.click("origin-tab-suppliers").await;
    s.click("supplier-new").await;
    s.fill("supplier-name", "한빛원료").await;
    s.fill("supplier-materials", "글리세린 2905.45").await;
    s.fill("supplier-from", "2026-01-01").await;
    s.fill("supplier-until", "2026-12-15").await;
    s.fill("supplier-file", "원산지확인서/2026/한빛원료.pdf")
        .await;
    s.click("supplier-save").await;
    s.wait_count("supplier-row", 1).await;
    s.screenshot("40-origin-suppliers").await;

    s.click("origin-tab-bom").await;
    let rows = s.wait_count("bom-product", 2).await;
    let mut picked = false;
    for r in &rows {
        if r.attr("data-id").await.unwrap().as_deref() == Some(&product.to_string()) {
            r.click().await.unwrap();
            picked = true;
            break;
        }
    }
    assert!(picked, "the product is in the picker");
    let csv = dir.path().join("bom.csv");
    std::fs::write(
        &csv,
        "재료명,HS코드,원산지,수량,단위,단가,공급자\n글리세린,2905.45,원산지확인서,0.01,KG,3000,한빛원료\n병 (유리),7010.90,CN,1,EA,450,Shanghai Glass\n",
    )
    .unwrap();
    s.choose_file("bom-file", &csv).await;
    s.wait_count("bom-line", 2).await;
    s.fill("bom-exw", "12000").await;
    s.click("bom-save").await;
    let started = std::time::Instant::now();
    loop {
        let conn =
            rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .unwrap();
        let exw: Option<String> = conn
            .query_row(
                "SELECT ex_works_price FROM boms WHERE product_id = ?1",
                [product],
                |r| r.get(0),
            )
            .ok()
            .flatten();
        if exw.as_deref() == Some("12000") {
            break;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(15),
            "BOM not saved with its price"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert_eq!(count_rows(&db, "bom_lines"), 2);
    s.screenshot("41-origin-bom").await;

    // The check under Korea–EU: both materials change heading and none is of 3304 → originating;
    // the worksheet PDF carries the rule and the self-assessment notice.
    s.click("origin-tab-check").await;
    s.wait("check-product").await;
    s.client
        .find(fantoccini::Locator::Css(&format!(
            "[data-testid=\"check-product\"] option[value=\"{product}\"]"
        )))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    s.client
        .find(fantoccini::Locator::Css(
            "[data-testid=\"check-fta\"] option[value=\"KR-EU\"]",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    s.click("check-run").await;
    let verdict = s.wait("check-verdict").await;
    assert_eq!(
        verdict.attr("data-verdict").await.unwrap().as_deref(),
        Some("originating"),
        "{}",
        s.text("check-headline").await
    );
    assert!(s.all("check-step").await.len() > 3);
    s.screenshot("43-origin-check").await;
    s.click("check-worksheet").await;
    let saved = s.wait_text("check-worksheet-path", ".pdf").await;
    let path = saved
        .split_whitespace()
        .find(|w| w.ends_with(".pdf"))
        .unwrap()
        .to_string();
    let text = std::process::Command::new("pdftotext")
        .args(["-layout", &path, "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Origin determination worksheet") && text.contains("KR-EU"),
        "{text}"
    );
    assert!(text.contains("MaxNOM(40%, EXW)"), "{text}");
    s.click("check-certificate").await;
    s.wait_text("check-worksheet-path", "certificate-data")
        .await;

    s.click("nav-dashboard").await;
    s.wait_text("dashboard-expiring", "한빛원료").await;
    s.screenshot("42-dashboard-expiring-declaration").await;
    s.close().await;
}

/// Sample export → partial return → eligible → claim PDF: a loaded declaration of sample orders
/// (prepared through the app layer), one unit of its first line returned in the window, judged
/// eligible with the window's last day, the claim paper made and checked with pdftotext, and the
/// open claim's window on the dashboard.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn partial_return_is_eligible_with_a_claim_paper() {
    use exportdesk_app::{DraftEdit, DraftRequest};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let (decl, line) = {
        let mut app = sample_shop(&db);
        let g = app.propose_groups(None).unwrap()[0].clone();
        let id = app
            .draft_declaration(&DraftRequest {
                order_ids: g.order_ids.clone(),
                ..Default::default()
            })
            .unwrap()
            .declaration
            .id;
        app.edit_draft(
            id,
            &DraftEdit {
                transport_mode: Some("courier".into()),
                loading_port: Some("ICN".into()),
                ..Default::default()
            },
        )
        .unwrap();
        app.file_declaration(id, None).unwrap();
        app.accept_declaration(id, "12345-26-500001X", TODAY)
            .unwrap();
        app.record_loading(id, TODAY, "AWB-5", "EMS").unwrap();
        let line = app.exported_lines(id, None).unwrap()[0].line_no;
        (id, line)
    };
    let s = Session::launch(&db, TODAY).await;
    s.wait("dashboard").await;
    s.click("nav-returns").await;
    s.click("return-new").await;
    s.wait("return-decl").await;
    s.client
        .find(fantoccini::Locator::Css(&format!(
            "[data-testid=\"return-decl\"] option[value=\"{decl}\"]"
        )))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let qty = s
        .client
        .wait()
        .at_most(std::time::Duration::from_secs(15))
        .for_element(fantoccini::Locator::Css(&format!(
            "[data-testid=\"return-qty\"][data-line=\"{line}\"]"
        )))
        .await
        .unwrap();
    s.enter(&qty, "1").await;
    s.fill("return-date", TODAY).await;
    s.client
        .find(fantoccini::Locator::Css(
            "[data-testid=\"return-reason\"] option[value=\"defect\"]",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    s.click("return-condition-unused_unaltered").await;
    s.click("return-drawback-none_claimed").await;
    s.fill("return-carrier", "EMS").await;
    s.fill("return-tracking", "RR123456789KR").await;
    s.screenshot("50-return-form").await;
    s.click("return-save").await;
    let verdict = s.wait("return-verdict").await;
    assert_eq!(
        verdict.attr("data-outcome").await.unwrap().as_deref(),
        Some("eligible")
    );
    s.wait_text("return-window", "2028").await;
    s.screenshot("51-return-eligible").await;
    assert_eq!(count_rows(&db, "returns"), 1);

    s.click("doc-return-claim").await;
    let saved = s.wait_text("doc-saved-path", ".pdf").await;
    let path = saved
        .split_whitespace()
        .find(|w| w.ends_with(".pdf"))
        .unwrap()
        .to_string();
    let text = std::process::Command::new("pdftotext")
        .args(["-layout", &path, "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("12345-26-500001X"), "{text}");

    s.click("nav-dashboard").await;
    s.wait_text("dashboard-reimport", "12345-26-500001X").await;
    s.screenshot("52-dashboard-reimport-window").await;
    s.close().await;
}

/// The first-time exporter's whole path in the window as shipped, counted in actions: an empty
/// database, onboarding without sample data, a Shopify export of four orders (one with a
/// discount code) imported with this week's rate and each new product's HS code and net weight
/// asked on the summary, a declaration complete at once, its worksheet, filed and accepted,
/// packed into cartons by auto-pack, and the commercial invoice and packing list — at most 30
/// actions, no detour to another screen to fix something, every dialog readable.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn newcomer_from_an_empty_database_to_papers_in_thirty_actions() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let file = exportdesk_e2e::workspace_root()
        .join("crates/exportdesk-import/tests/fixtures/shopify_newcomer_discount.csv");
    let s = Session::launch(&db, TODAY).await;

    // Onboarding, without the sample shop.
    s.wait("onboarding").await;
    s.fill("seller-name", "달무리상점").await;
    s.fill("seller-representative", "김하늘").await;
    s.fill("seller-business-no", "220-81-62517").await;
    s.fill("seller-customs-code", "DALMU1234567890").await;
    s.fill("seller-address", "서울특별시 성동구 성수이로 7")
        .await;
    s.fill("seller-name-en", "Dalmuri Shop").await;
    s.fill(
        "seller-address-en",
        "7 Seongsui-ro, Seongdong-gu, Seoul 04781, Korea",
    )
    .await;
    s.click("seller-save").await;
    s.click("sample-skip").await;
    s.wait("dashboard").await;
    s.screenshot("60-newcomer-dashboard").await;

    // The guide's first step opens the file import; the summary asks for what the declaration
    // will need.
    s.click("step-action-orders").await;
    s.choose_file("import-file", &file).await;
    s.wait("import-summary").await;
    assert_eq!(s.text("import-count-new").await, "4");
    s.fill("import-rate-input", "미국 USD 1,450.30").await;
    // The 10-digit codes come from the finder's suggestions on the summary, with no look-up
    // outside the app: the bojagi's own national code (6307.90-2000 보자기, not -9000 "other")
    // and the celadon vase's.
    s.wait_count("import-hs-code", 2).await;
    let rows = s.wait_count("import-unknown-row", 2).await;
    for (row, want) in rows.iter().zip(["6307902000", "6913900000"]) {
        let chip = row
            .find(fantoccini::Locator::Css(
                "[data-testid=import-hs-suggestion]",
            ))
            .await
            .unwrap();
        assert_eq!(
            chip.attr("data-code").await.unwrap().as_deref(),
            Some(want),
            "the first suggestion of the row"
        );
        s.client
            .execute(
                "arguments[0].scrollIntoView({block: 'center'});",
                vec![serde_json::to_value(&chip).unwrap()],
            )
            .await
            .unwrap();
        s.click_on(&chip).await;
    }
    let notes = s.wait_count("import-hs-note-name", 2).await;
    assert!(
        notes[0].text().await.unwrap().contains("보자기"),
        "the picked code reads with its tariff name"
    );
    let weights = s.all("import-net-weight").await;
    s.enter(&weights[0], "0.08").await;
    s.enter(&weights[1], "0.35").await;
    s.screenshot("61-newcomer-import-summary").await;
    s.click("import-commit").await;
    s.wait("import-result").await;
    assert_eq!(s.text("import-result-created").await, "4");
    assert_eq!(
        count_rows(&db, "weekly_rates"),
        1,
        "the rate was stored with the orders"
    );

    // One declaration for the buyer's four orders, complete at once.
    s.click("import-to-declaration").await;
    s.wait_count("group-row", 1).await;
    s.click("group-draft").await;
    s.wait("declaration-view").await;
    s.wait("missing-none").await;
    s.wait_text("declaration-kind", "간이수출신고").await;
    // What the buyer paid for the goods: the subtotals after the WELCOME10 discount, 48.00 +
    // 81.45 + 42.50 + 72.00; the shipping was charged on top and is not taken out of it.
    let fob = s.text("fob-card").await;
    assert!(fob.contains("USD 243.95"), "{fob}");
    assert!(!fob.contains("USD 180.95"), "{fob}");
    s.screenshot("62-newcomer-declaration").await;
    // The UNI-PASS entry guide lists the fields with the values to copy (looked at, no action).
    let guide = s.wait("unipass-guide").await;
    s.wait_count("unipass-copy", 10).await;
    s.client
        .execute(
            "arguments[0].scrollIntoView({block: 'start'});",
            vec![serde_json::to_value(&guide).unwrap()],
        )
        .await
        .unwrap();
    s.screenshot("62a-newcomer-unipass-guide").await;
    s.click("worksheet-pdf").await;
    let worksheet = pdf_text(&s.wait_text("worksheet-path", ".pdf").await);
    assert!(
        worksheet.contains("간이수출신고")
            && worksheet.contains("Hana Lee")
            && worksheet.contains("6307.90-2000")
            && worksheet.contains("1,450.30"),
        "{worksheet}"
    );

    // Filed and accepted.
    s.click("declaration-file").await;
    s.dialog("file-dialog").await;
    s.click("file-save").await;
    s.click("declaration-accept").await;
    s.dialog("accept-dialog").await;
    s.fill("accept-no", "12345-26-7654321X").await;
    s.screenshot("63-newcomer-accept").await;
    s.click("accept-save").await;
    s.wait("loading-deadline").await;
    // The worksheet printed as a draft is now marked outdated, with a way to print it again.
    s.wait_text("worksheet-outdated", "수리").await;
    s.screenshot("63a-newcomer-worksheet-outdated").await;

    // Packed by auto-pack, straight from the declaration.
    s.click("declaration-to-shipment").await;
    s.dialog("autopack-dialog").await;
    s.fill("autopack-size", "40 x 30 x 30").await;
    s.fill("autopack-max", "20").await;
    s.screenshot("64-newcomer-autopack").await;
    s.click("autopack-run-save").await;
    let started = std::time::Instant::now();
    while count_rows(&db, "cartons") == 0 {
        assert!(
            started.elapsed().as_secs() < 15,
            "the cartons were not saved"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    s.screenshot("65-newcomer-packed").await;

    // Every paper of the shipment at once.
    s.click("doc-shipment-all").await;
    let saved = s.wait_count("doc-saved-path", 4).await;
    let mut paths = Vec::new();
    for el in saved {
        let text = el.text().await.unwrap_or_default();
        let text = if text.is_empty() {
            s.client
                .execute(
                    "return arguments[0].textContent",
                    vec![serde_json::to_value(&el).unwrap()],
                )
                .await
                .unwrap()
                .as_str()
                .unwrap_or_default()
                .to_string()
        } else {
            text
        };
        paths.push(text);
    }
    s.screenshot("66-newcomer-papers").await;
    let invoice = paths
        .iter()
        .find(|p| p.contains("invoice"))
        .expect("invoice");
    let invoice = pdf_text(invoice);
    assert!(
        invoice.contains("COMMERCIAL INVOICE")
            && invoice.contains("Hana Lee")
            && invoice.contains("Dalmuri Shop"),
        "{invoice}"
    );
    let packing = paths
        .iter()
        .find(|p| p.contains("packing") && p.contains(".pdf"))
        .expect("packing list");
    let packing = pdf_text(packing);
    assert!(packing.contains("PACKING LIST"), "{packing}");

    assert!(s.all("return-bar").await.is_empty(), "no detour was needed");
    let actions = s.actions();
    eprintln!("newcomer path: {actions} actions");
    assert!(actions <= 30, "the newcomer path took {actions} actions");

    // Beyond the counted path: the Documents screen lists the worksheets made, the one printed
    // as a draft marked outdated.
    s.click("nav-documents").await;
    s.wait("papers-made").await;
    let outdated = s.all("paper-outdated").await;
    assert_eq!(outdated.len(), 1, "the draft worksheet is outdated");
    s.screenshot("67-newcomer-papers-made").await;
    s.close().await;
}

/// The text of a PDF named in `shown` (a saved-path line), by pdftotext.
/// Save `order` for the sample shop's first buyer and draft its declaration.
fn declare_order(app: &mut exportdesk_app::App, order: exportdesk_rules::records::OrderDraft) {
    let buyer = app.buyers().unwrap()[0].id;
    let order = app
        .save_order(
            None,
            &exportdesk_rules::records::OrderDraft {
                buyer_id: Some(buyer),
                ..order
            },
        )
        .unwrap();
    app.draft_declaration(&exportdesk_app::DraftRequest {
        order_ids: vec![order.id],
        ..Default::default()
    })
    .unwrap();
}

/// Start the window on `db` and open its (one) declaration.
async fn open_the_declaration(db: &std::path::Path) -> Session {
    let s = Session::launch(db, TODAY).await;
    s.wait("dashboard").await;
    s.click("nav-declarations").await;
    s.click("declaration-open").await;
    s.wait("declaration-view").await;
    s
}

/// The seller of the window tests with the sample shop loaded, opened on `db` at [`TODAY`].
fn sample_shop(db: &std::path::Path) -> exportdesk_app::App {
    use exportdesk_app::{App, FixedClock};
    let mut app = App::open(db, Box::new(FixedClock::parse(TODAY).unwrap())).unwrap();
    app.save_seller(&exportdesk_rules::records::SellerDraft {
        name: "달무리상점".into(),
        representative: "김하늘".into(),
        business_no: "220-81-62517".into(),
        customs_code: "DALMU1234567890".into(),
        address: "서울특별시 성동구 성수이로 7".into(),
        ..Default::default()
    })
    .unwrap();
    app.load_sample().unwrap();
    app
}

fn pdf_text(shown: &str) -> String {
    let path = shown
        .split_whitespace()
        .find(|w| w.ends_with(".pdf"))
        .unwrap_or_else(|| panic!("no PDF path in {shown:?}"));
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", path, "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}
