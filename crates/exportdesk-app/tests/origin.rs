//! Bills of materials and supplier declarations against a temporary database: typed, imported
//! from a file (all rows or none), and expiring declarations on the dashboard.

use exportdesk_app::{App, FixedClock};
use exportdesk_rules::bom::{BomDraft, BomLineDraft, BomOrigin, SupplierDeclarationDraft};
use exportdesk_rules::records::ProductDraft;

fn app() -> (tempfile::TempDir, App, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::open(
        &dir.path().join("shop.sqlite3"),
        Box::new(FixedClock::parse("2026-11-27").unwrap()),
    )
    .unwrap();
    let p = app
        .save_product(
            None,
            &ProductDraft {
                sku: "HC-50".into(),
                name_ko: "인삼 핸드크림 50ml".into(),
                name_en: "Ginseng Hand Cream 50ml".into(),
                hs_code: "3304.99".into(),
                ..Default::default()
            },
        )
        .unwrap();
    (dir, app, p.id)
}

fn declaration(app: &mut App, supplier: &str, until: &str) -> i64 {
    app.save_supplier_declaration(
        None,
        &SupplierDeclarationDraft {
            supplier: supplier.into(),
            materials: "글리세린 2905.45".into(),
            valid_from: "2026-01-01".into(),
            valid_until: until.into(),
            file_reference: "원산지확인서/2026/한빛.pdf".into(),
            ..Default::default()
        },
    )
    .unwrap()
    .id
}

#[test]
fn a_bom_file_replaces_the_lines_whole_or_not_at_all() {
    let (_d, mut app, product) = app();
    declaration(&mut app, "한빛원료", "2026-12-15");
    app.save_bom(
        product,
        &BomDraft {
            currency: "KRW".into(),
            ex_works_price: "12000".into(),
            operations: "원료 배합, 충진, 포장".into(),
            only_minimal_operations: Some(false),
            lines: vec![BomLineDraft {
                description: "Tube".into(),
                hs_code: "3923.30".into(),
                origin_country: "CN".into(),
                quantity: "1".into(),
                unit_value: "300".into(),
                ..Default::default()
            }],
            ..Default::default()
        },
    )
    .unwrap();

    let good = "\u{feff}재료명,HS코드,원산지,수량,단위,단가,통화,공급자\n\
                글리세린,2905.45,원산지확인서,0.01,KG,3000,KRW,한빛원료\n\
                시어버터,1515.90,가나,0.02,KG,9000,KRW,Global Shea\n\
                튜브,3923.30,CN,1,EA,300,,Tube Co\n";
    let bom = app.import_bom(product, good.as_bytes()).unwrap();
    assert_eq!(bom.lines.len(), 3);
    assert!(matches!(bom.lines[0].origin, BomOrigin::Declared { .. }));
    assert_eq!(
        bom.lines[1].origin,
        BomOrigin::Country {
            country: "GH".into()
        }
    );
    assert_eq!(
        bom.ex_works_price.unwrap().to_string(),
        "12000",
        "the header stays"
    );
    assert_eq!(bom.operations, "원료 배합, 충진, 포장");

    let bad = "재료명,HS코드,원산지,수량,단위,단가\n\
               글리세린,2905.45,원산지확인서,0.01,KG,3000\n\
               시어버터,15,가나,0.02,KG,abc\n";
    let err = app.import_bom(product, bad.as_bytes()).unwrap_err();
    assert_eq!(err.0[0].code, "bom.import_problems");
    let texts: Vec<&str> = err.0[1..].iter().map(|p| p.message_en.as_str()).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("row 2, column '원산지'")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("row 3, column 'HS코드'")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.starts_with("row 3, column '단가'")),
        "{texts:?}"
    );
    assert_eq!(app.bom(product).unwrap().unwrap(), bom, "nothing changed");

    let err = app
        .import_bom(product, "name,price\nx,1\n".as_bytes())
        .unwrap_err();
    assert_eq!(err.0[0].code, "bom.columns_missing");
}

#[test]
fn declarations_in_use_show_on_the_dashboard_until_replaced() {
    let (_d, mut app, product) = app();
    let soon = declaration(&mut app, "한빛원료", "2026-12-15");
    let later = declaration(&mut app, "바다소재", "2027-12-31");
    let unused = declaration(&mut app, "쓰지않음", "2026-11-30");
    assert!(
        app.dashboard().unwrap().expiring_declarations.is_empty(),
        "not used yet"
    );
    let line = |decl: i64| BomLineDraft {
        description: "Glycerin".into(),
        hs_code: "2905.45".into(),
        supplier_declaration_id: Some(decl),
        quantity: "0.01".into(),
        unit_value: "3000".into(),
        ..Default::default()
    };
    app.save_bom(
        product,
        &BomDraft {
            lines: vec![line(soon), line(later)],
            ..Default::default()
        },
    )
    .unwrap();
    let dash = app.dashboard().unwrap();
    assert_eq!(dash.expiring_declarations.len(), 1);
    assert_eq!(dash.expiring_declarations[0].declaration.id, soon);
    assert_eq!(dash.expiring_declarations[0].days_left, 18);
    assert_eq!(dash.expiring_declarations[0].used_by_lines, 1);
    assert!(app.delete_supplier_declaration(soon).is_err(), "in use");
    app.delete_supplier_declaration(unused).unwrap();
    let bad = app
        .save_bom(
            product,
            &BomDraft {
                lines: vec![line(unused)],
                ..Default::default()
            },
        )
        .unwrap_err();
    assert_eq!(
        bad.0[0].field.as_deref(),
        Some("lines[0].supplier_declaration_id")
    );
}

/// The hand cream (3304.99) with glycerin under a supplier declaration, shea butter from Ghana
/// and a Chinese glass jar; ex-works ₩12,000.
fn toner_bom(app: &mut App, product: i64, extra: Option<BomLineDraft>) -> i64 {
    let decl = declaration(app, "한빛원료", "2026-12-15");
    let mut lines = vec![
        BomLineDraft {
            description: "Glycerin".into(),
            hs_code: "2905.45".into(),
            supplier_declaration_id: Some(decl),
            quantity: "0.01".into(),
            unit: "KG".into(),
            unit_value: "3000".into(),
            ..Default::default()
        },
        BomLineDraft {
            description: "Shea butter".into(),
            hs_code: "1515.90".into(),
            origin_country: "GH".into(),
            quantity: "0.02".into(),
            unit: "KG".into(),
            unit_value: "9000".into(),
            ..Default::default()
        },
        BomLineDraft {
            description: "Glass bottle".into(),
            hs_code: "7010.90".into(),
            origin_country: "CN".into(),
            quantity: "1".into(),
            unit_value: "450".into(),
            ..Default::default()
        },
    ];
    lines.extend(extra);
    app.save_bom(
        product,
        &BomDraft {
            currency: "KRW".into(),
            ex_works_price: "12000".into(),
            fob_price: "13000".into(),
            operations: "배합, 충진".into(),
            only_minimal_operations: Some(false),
            lines,
        },
    )
    .unwrap();
    product
}

#[test]
fn a_toner_qualifies_under_korea_eu_and_the_comparison_names_the_proof() {
    let (_d, mut app, product) = app();
    let product = toner_bom(&mut app, product, None);
    let v = app.origin_check(product, "KR-EU", None).unwrap();
    assert_eq!(
        serde_json::to_value(v.verdict).unwrap(),
        serde_json::json!("originating"),
        "{}",
        v.headline_en
    );
    assert!(!v.steps.is_empty());
    assert!(v.notice.en.to_lowercase().contains("self-assessment"));
    let cmp = app.origin_compare(product, "DE", None).unwrap();
    assert!(cmp.iter().any(|c| c.fta.code == "KR-EU"));
    assert!(app
        .ftas()
        .unwrap()
        .iter()
        .any(|f| f.code == "KR-EU" && f.rules > 0));

    // After the supplier declaration ends, glycerin counts as non-originating (still a pass:
    // its heading differs and the value is small) — and the trace says why.
    let later = app
        .origin_check(product, "KR-EU", Some("2027-01-10"))
        .unwrap();
    let trace = later
        .steps
        .iter()
        .chain(later.alternatives.iter().flat_map(|a| a.steps.iter()))
        .map(|s| s.en.clone())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        trace.to_lowercase().contains("expired") || trace.contains("2026-12-15"),
        "{trace}"
    );
}

#[test]
fn too_much_same_heading_material_fails_and_says_by_how_much() {
    let (_d, mut app, product) = app();
    let extra = BomLineDraft {
        description: "Imported toner base".into(),
        hs_code: "3304.99".into(),
        origin_country: "US".into(),
        quantity: "1".into(),
        unit_value: "5000".into(),
        ..Default::default()
    };
    let product = toner_bom(&mut app, product, Some(extra));
    let v = app.origin_check(product, "KR-EU", None).unwrap();
    assert_eq!(
        serde_json::to_value(v.verdict).unwrap(),
        serde_json::json!("not_originating")
    );
    assert!(!v.breaking_materials.is_empty());
    assert!(!v.suggestions.is_empty());

    // The user's own rule replaces the shipped one for the same range, and says so.
    let err = app
        .save_user_rule(&exportdesk_rules::origin::UserRule {
            fta: "KR-EU".into(),
            hs_range: "3304".into(),
            rule: "CTH or or".into(),
            note: String::new(),
        })
        .unwrap_err();
    assert!(err.0[0].params.contains_key("column"), "{:?}", err.0[0]);
    app.save_user_rule(&exportdesk_rules::origin::UserRule {
        fta: "kr-eu".into(),
        hs_range: "3304".into(),
        rule: "MaxNOM(60%, EXW)".into(),
        note: "tested".into(),
    })
    .unwrap();
    let v = app.origin_check(product, "KR-EU", None).unwrap();
    assert!(v.rule.as_ref().unwrap().own_rule);
    let rules = app.psr_rules(Some("KR-EU")).unwrap();
    let own = rules.iter().find(|r| r.own).unwrap();
    app.delete_user_rule(own.id.unwrap()).unwrap();
    assert!(app.psr_rules(Some("KR-EU")).unwrap().iter().all(|r| !r.own));
}

/// A shipment to Germany of a product that qualifies under Korea–EU: the commercial invoice
/// carries the origin declaration — the low-value form without an approved-exporter number, the
/// approved form with one.
#[test]
fn an_invoice_to_the_eu_carries_the_origin_declaration() {
    use exportdesk_app::{DraftEdit, DraftRequest, Settings, ShipmentPaper, ShipmentRequest};
    use exportdesk_rules::rates::RateDraft;
    use exportdesk_rules::records::{BuyerDraft, OrderDraft, OrderLineDraft, SellerDraft};
    let (dir, mut app, product) = app();
    app.save_seller(&SellerDraft {
        name: "달무리상점".into(),
        name_en: "Dalmuri Shop".into(),
        representative: "김하늘".into(),
        business_no: "220-81-62517".into(),
        customs_code: "DALMU1234567890".into(),
        address: "서울특별시 성동구 성수이로 7".into(),
        ..Default::default()
    })
    .unwrap();
    toner_bom(&mut app, product, None);
    app.save_product(
        Some(product),
        &ProductDraft {
            sku: "HC-50".into(),
            name_ko: "인삼 핸드크림 50ml".into(),
            name_en: "Ginseng Hand Cream 50ml".into(),
            hs_code: "3304991000".into(),
            net_weight_kg: "0.06".into(),
            origin_country: "KR".into(),
            ..Default::default()
        },
    )
    .unwrap();
    app.save_rate(&RateDraft {
        date: "2026-11-27".into(),
        currency: "EUR".into(),
        rate: "1510".into(),
        ..Default::default()
    })
    .unwrap();
    let buyer = app
        .save_buyer(
            None,
            &BuyerDraft {
                name: "Lena Fischer".into(),
                country: "DE".into(),
                address: "Kastanienallee 12, 10435 Berlin".into(),
                ..Default::default()
            },
        )
        .unwrap();
    let order = app
        .save_order(
            None,
            &OrderDraft {
                marketplace: "Shopify".into(),
                order_no: "#2001".into(),
                buyer_id: Some(buyer.id),
                order_date: "2026-11-25".into(),
                currency: "EUR".into(),
                shipping_fee: "8".into(),
                incoterm: "DAP".into(),
                destination_country: "DE".into(),
                lines: vec![OrderLineDraft {
                    product_id: Some(product),
                    quantity: "3".into(),
                    unit_price: "19".into(),
                    ..Default::default()
                }],
                shipping_separate: Some(true),
                ..Default::default()
            },
        )
        .unwrap();
    let id = app
        .draft_declaration(&DraftRequest {
            order_ids: vec![order.id],
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
    app.accept_declaration(id, "12345-26-700001X", "2026-11-27")
        .unwrap();
    let shipment = app
        .create_shipment(&ShipmentRequest {
            declaration_ids: vec![id],
            ..Default::default()
        })
        .unwrap()
        .shipment
        .id;
    let text = |app: &App| {
        let out = dir.path().join("invoice.pdf");
        app.shipment_paper(shipment, ShipmentPaper::Invoice, Some(&out))
            .unwrap();
        let t = std::process::Command::new("pdftotext")
            .args(["-layout", out.to_str().unwrap(), "-"])
            .output()
            .expect("pdftotext (poppler-utils)");
        String::from_utf8_lossy(&t.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let low_value = text(&app);
    assert!(
        low_value.contains("Korean preferential origin"),
        "{low_value}"
    );
    assert!(
        low_value.contains("EUR 6,000") || low_value.contains("6,000"),
        "{low_value}"
    );
    app.save_settings(&Settings {
        approved_exporter_no: "KR/AE/2026/0042".into(),
        ..app.settings().unwrap()
    })
    .unwrap();
    let approved = text(&app);
    assert!(approved.contains("KR/AE/2026/0042"), "{approved}");
}
