//! The UNI-PASS entry guide of a declaration, against a temporary database with the sample shop.

use exportdesk_app::{App, DraftEdit, DraftRequest, FixedClock, GuideField, UnipassGuide};
use exportdesk_rules::declaration::DeclarationKind;
use exportdesk_rules::records::{OrderDraft, OrderLineDraft, ProductDraft, SellerDraft};

fn shop(dir: &std::path::Path, customs_code: &str) -> App {
    let mut app = App::open(
        &dir.join("shop.sqlite3"),
        Box::new(FixedClock::parse("2026-11-27").unwrap()),
    )
    .unwrap();
    app.save_seller(&SellerDraft {
        name: "달무리상점".into(),
        representative: "김하늘".into(),
        business_no: "220-81-62517".into(),
        customs_code: customs_code.into(),
        address: "서울특별시 성동구 성수이로 7".into(),
        platform_based: true,
        platforms: "Shopify".into(),
        ..Default::default()
    })
    .unwrap();
    app.load_sample().unwrap();
    app
}

/// A draft from the first proposed group of USD orders (the sample has the week's rates).
fn usd_draft(app: &mut App) -> i64 {
    let groups = app.propose_groups(None).unwrap();
    let g = groups
        .iter()
        .filter(|g| g.currency == "USD")
        .max_by_key(|g| g.order_ids.len())
        .unwrap();
    app.draft_declaration(&DraftRequest {
        order_ids: g.order_ids.clone(),
        ..Default::default()
    })
    .unwrap()
    .declaration
    .id
}

fn field<'a>(guide: &'a UnipassGuide, key: &str) -> &'a GuideField {
    guide
        .sections
        .iter()
        .flat_map(|s| &s.fields)
        .find(|f| f.key == key)
        .unwrap_or_else(|| panic!("no field {key}"))
}

#[test]
fn sections_follow_the_declaration_screen_header_first_then_each_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = shop(dir.path(), "DALMU1234567890");
    let id = usd_draft(&mut app);
    let view = app.declaration_view(id).unwrap();
    let guide = app.declaration_unipass_guide(id).unwrap();
    assert_eq!(guide.declaration_id, id);
    assert_eq!(guide.kind, view.declaration.kind);

    let header: Vec<&str> = guide
        .sections
        .iter()
        .filter(|s| s.line_no.is_none())
        .map(|s| s.fields[0].key.as_str())
        .collect();
    assert_eq!(
        header,
        [
            "agent.name",
            "buyer.name",
            "declared_on",
            "destination_country",
            "incoterm",
            "order_numbers"
        ]
    );
    // Header groups come first, then one section per line in line order.
    let first_line = guide
        .sections
        .iter()
        .position(|s| s.line_no.is_some())
        .unwrap();
    assert_eq!(first_line, header.len());
    let lines: Vec<u32> = guide.sections[first_line..]
        .iter()
        .map(|s| s.line_no.unwrap())
        .collect();
    let want: Vec<u32> = view.declaration.lines.iter().map(|l| l.line_no).collect();
    assert_eq!(lines, want);
    assert!(lines.len() >= 2, "the group has several lines");

    // Within the groups, the order of the UNI-PASS form.
    let keys = |i: usize| -> Vec<&str> {
        guide.sections[i]
            .fields
            .iter()
            .map(|f| f.key.as_str())
            .collect()
    };
    assert_eq!(
        keys(0),
        [
            "agent.name",
            "agent.customs_code",
            "exporter.name",
            "exporter.address",
            "exporter.representative",
            "exporter.customs_code",
            "exporter.business_no"
        ]
    );
    assert_eq!(
        keys(3),
        [
            "destination_country",
            "loading_port",
            "transport_mode",
            "courier_code"
        ]
    );
    assert_eq!(
        keys(first_line),
        [
            "line.1.name_ko",
            "line.1.name_en",
            "line.1.brand",
            "line.1.model_spec",
            "line.1.quantity",
            "line.1.unit",
            "line.1.amount",
            "line.1.hs_code",
            "line.1.net_weight",
            "line.1.fob_krw",
            "line.1.origin"
        ]
    );
    // The notes say the order and codes are to be checked in UNI-PASS.
    assert!(guide.notes_ko[0].contains("화면 순서·코드는 UNI-PASS에서 확인하세요"));
    assert!(guide.notes_en[0].contains("Check the screen order and codes in UNI-PASS"));
}

#[test]
fn values_are_the_declarations_own() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = shop(dir.path(), "DALMU1234567890");
    let id = usd_draft(&mut app);
    let view = app.declaration_view(id).unwrap();
    let d = &view.declaration;
    let guide = app.declaration_unipass_guide(id).unwrap();
    let v = |key: &str| field(&guide, key).value.clone();

    assert_eq!(v("agent.name"), "달무리상점");
    assert_eq!(v("exporter.name"), "달무리상점");
    assert_eq!(v("exporter.customs_code"), "DALMU1234567890");
    assert_eq!(v("agent.customs_code"), "DALMU1234567890");
    assert_eq!(v("exporter.business_no"), "2208162517");
    assert_eq!(v("exporter.representative"), "김하늘");
    assert_eq!(v("buyer.name"), d.buyer_name);
    assert_eq!(v("buyer.country"), d.buyer_country);
    assert_eq!(v("destination_country"), d.destination_country);
    assert_eq!(v("declared_on"), "2026-11-27");
    assert_eq!(v("incoterm"), d.incoterm.code());
    assert_eq!(v("currency"), "USD");
    assert_eq!(v("invoice_total"), format!("{:.2}", d.invoice_total));
    assert_eq!(
        v("freight_insurance"),
        format!("{:.2}", d.freight_insurance)
    );
    assert_eq!(v("fob_krw"), d.fob_krw.normalize().to_string());
    assert_eq!(v("fob_usd"), format!("{:.2}", d.fob_total));
    assert!(!field(&guide, "fob_usd").missing);
    assert_eq!(v("order_numbers"), d.order_numbers.join(", "));
    // The simplified e-commerce transaction type comes from the rulebook.
    assert_eq!(d.kind, DeclarationKind::Simplified);
    assert_eq!(v("transaction_type"), "15");
    assert!(field(&guide, "transaction_type")
        .note_ko
        .contains("확인 필요"));

    for l in &d.lines {
        let n = l.line_no;
        let lv = |f: &str| v(&format!("line.{n}.{f}"));
        let hs = l.hs_code.clone().unwrap();
        assert_eq!(hs.len(), 10);
        assert_eq!(lv("hs_code"), hs, "digits only, no dots");
        assert_eq!(lv("name_ko"), l.name_ko);
        assert_eq!(lv("name_en"), l.name_en);
        assert_eq!(lv("brand"), l.brand);
        assert_eq!(lv("model_spec"), l.model_spec);
        assert_eq!(lv("quantity"), l.quantity.normalize().to_string());
        assert_eq!(lv("unit"), l.unit);
        assert_eq!(lv("amount"), format!("{:.2}", l.amount));
        assert_eq!(
            lv("net_weight"),
            l.net_weight_kg.unwrap().normalize().to_string()
        );
        assert_eq!(lv("fob_krw"), l.fob_krw.normalize().to_string());
        assert_eq!(lv("origin"), l.origin_country.clone().unwrap());
        let section = guide
            .sections
            .iter()
            .find(|s| s.line_no == Some(n))
            .unwrap();
        assert!(section.title_ko.starts_with(&format!("{n}란")));
        assert!(section.title_en.starts_with(&format!("Line {n}")));
    }
    // The line FOBs add up to the total shown.
    let sum: rust_decimal::Decimal = d.lines.iter().map(|l| l.fob_krw).sum();
    assert_eq!(sum.normalize().to_string(), v("fob_krw"));
}

#[test]
fn empty_transport_port_and_courier_are_asked_for_with_the_form_that_fixes_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = shop(dir.path(), "DALMU1234567890");
    let id = usd_draft(&mut app);
    let guide = app.declaration_unipass_guide(id).unwrap();
    for key in ["transport_mode", "loading_port", "courier_code"] {
        let f = field(&guide, key);
        assert!(f.missing, "{key} is empty on a fresh draft");
        assert!(f.value.is_empty());
        assert_eq!(f.fix.as_deref(), Some("declaration_edit"));
        assert!(f.note_ko.contains("비어 있습니다"), "{}", f.note_ko);
        assert!(f.note_en.contains("Empty:"), "{}", f.note_en);
    }
    // Everything else the sample holds is filled in.
    let missing: Vec<&str> = guide
        .sections
        .iter()
        .flat_map(|s| &s.fields)
        .filter(|f| f.missing)
        .map(|f| f.key.as_str())
        .collect();
    assert_eq!(missing, ["loading_port", "transport_mode", "courier_code"]);

    app.edit_draft(
        id,
        &DraftEdit {
            transport_mode: Some("courier".into()),
            loading_port: Some("ICN".into()),
            courier_code: Some("DHL01".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let guide = app.declaration_unipass_guide(id).unwrap();
    assert!(guide
        .sections
        .iter()
        .flat_map(|s| &s.fields)
        .all(|f| !f.missing));
    assert_eq!(field(&guide, "loading_port").value, "ICN");
    assert_eq!(field(&guide, "courier_code").value, "DHL01");
    assert!(field(&guide, "transport_mode").value.contains("특송"));

    // Sent by post, no courier code is needed.
    app.edit_draft(
        id,
        &DraftEdit {
            transport_mode: Some("post".into()),
            courier_code: Some(String::new()),
            ..Default::default()
        },
    )
    .unwrap();
    let guide = app.declaration_unipass_guide(id).unwrap();
    let courier = field(&guide, "courier_code");
    assert!(!courier.missing && courier.value.is_empty());
    assert!(field(&guide, "transport_mode").value.contains("우편"));
}

#[test]
fn seller_and_product_gaps_point_to_settings_and_the_product() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = shop(dir.path(), "");
    // A product with neither HS code, weight nor origin, ordered on its own.
    let product = app
        .save_product(
            None,
            &ProductDraft {
                sku: "NEW-1".into(),
                name_en: "Hanji notebook".into(),
                unit: "EA".into(),
                ..Default::default()
            },
        )
        .unwrap();
    let order = app
        .save_order(
            None,
            &OrderDraft {
                marketplace: "Etsy".into(),
                order_no: "ETSY-9001".into(),
                buyer_id: app.buyers().unwrap().first().map(|b| b.id),
                order_date: "2026-11-25".into(),
                currency: "USD".into(),
                shipping_fee: "0".into(),
                incoterm: "FOB".into(),
                destination_country: "US".into(),
                lines: vec![OrderLineDraft {
                    product_id: Some(product.id),
                    quantity: "3".into(),
                    unit_price: "12.50".into(),
                    ..Default::default()
                }],
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
    let guide = app.declaration_unipass_guide(id).unwrap();

    for key in ["exporter.customs_code", "agent.customs_code"] {
        let f = field(&guide, key);
        assert!(f.missing && f.value.is_empty(), "{key}");
        assert_eq!(f.fix.as_deref(), Some("settings"));
        assert!(f.note_ko.contains("설정"));
    }
    let product_fix = format!("product:{}", product.id);
    for key in ["line.1.hs_code", "line.1.net_weight", "line.1.origin"] {
        let f = field(&guide, key);
        assert!(f.missing && f.value.is_empty(), "{key}");
        assert_eq!(f.fix.as_deref(), Some(product_fix.as_str()), "{key}");
        assert!(f.note_ko.contains("상품"), "{}", f.note_ko);
    }
    // Optional on a simplified declaration: empty, but not asked for.
    let brand = field(&guide, "line.1.brand");
    assert!(brand.value.is_empty() && !brand.missing);
    assert!(brand.note_ko.contains("비워 둘 수 있습니다"));
    assert_eq!(field(&guide, "line.1.amount").value, "37.50");
    assert_eq!(field(&guide, "line.1.quantity").value, "3");
    assert_eq!(field(&guide, "order_numbers").value, "ETSY-9001");
}

#[test]
fn every_field_is_labelled_and_explained_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = shop(dir.path(), "DALMU1234567890");
    let id = usd_draft(&mut app);
    let guide = app.declaration_unipass_guide(id).unwrap();
    let mut keys = std::collections::HashSet::new();
    for s in &guide.sections {
        assert!(!s.title_ko.trim().is_empty() && !s.title_en.trim().is_empty());
        assert!(!s.fields.is_empty(), "{}", s.title_en);
        for f in &s.fields {
            assert!(keys.insert(f.key.clone()), "key {} twice", f.key);
            assert!(!f.label_ko.trim().is_empty(), "{}", f.key);
            assert!(!f.label_en.trim().is_empty(), "{}", f.key);
            assert!(!f.note_ko.trim().is_empty(), "{}", f.key);
            assert!(!f.note_en.trim().is_empty(), "{}", f.key);
            assert!(
                f.label_ko.chars().any(|c| ('가'..='힣').contains(&c)),
                "{} has a Korean label",
                f.key
            );
        }
    }
    assert_eq!(guide.notes_ko.len(), guide.notes_en.len());
    // The code lists the app does not hold are explained, not invented.
    assert!(field(&guide, "transport_mode")
        .note_ko
        .contains("UNI-PASS 목록에서 고르세요"));
    assert!(field(&guide, "transaction_type").note_en.contains("15"));
}

#[test]
fn a_filed_declaration_shows_what_was_filed_and_offers_no_fixes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = shop(dir.path(), "DALMU1234567890");
    let id = usd_draft(&mut app);
    app.edit_draft(
        id,
        &DraftEdit {
            transport_mode: Some("air".into()),
            loading_port: Some("ICN".into()),
            ..Default::default()
        },
    )
    .unwrap();
    app.file_declaration(id, None).unwrap();
    let guide = app.declaration_unipass_guide(id).unwrap();
    assert!(guide
        .sections
        .iter()
        .flat_map(|s| &s.fields)
        .all(|f| f.fix.is_none()));
    assert!(guide.notes_en.iter().any(|n| n.contains("as filed")));
    // Sent as air cargo, the courier code is not asked for.
    assert!(!field(&guide, "courier_code").missing);
    assert_eq!(
        app.declaration_unipass_guide(9999).unwrap_err().0[0].code,
        "record.not_found"
    );
}

#[test]
fn fob_in_dollars_uses_the_weeks_usd_rate_and_asks_for_it_when_absent() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = shop(dir.path(), "DALMU1234567890");
    let g = app
        .propose_groups(None)
        .unwrap()
        .into_iter()
        .find(|g| g.currency != "USD")
        .unwrap();
    let view = app
        .draft_declaration(&DraftRequest {
            order_ids: g.order_ids.clone(),
            ..Default::default()
        })
        .unwrap();
    let d = &view.declaration;
    let usd = exportdesk_rules::rates::rate_for(
        &app.rates().unwrap(),
        exportdesk_rules::money::Currency::USD,
        d.declared_on,
    )
    .unwrap();
    let guide = app.declaration_unipass_guide(d.id).unwrap();
    let f = field(&guide, "fob_usd");
    assert!(!f.missing);
    let want = (d.fob_krw / usd)
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize()
        .to_string();
    assert_eq!(f.value, want);
    assert_eq!(field(&guide, "currency").value, d.currency.code());

    // Without the week's dollar rate the field asks for it on the rates screen.
    let week = exportdesk_rules::rates::week_start(d.declared_on);
    app.delete_rate(week, "USD").unwrap();
    let guide = app.declaration_unipass_guide(d.id).unwrap();
    let f = field(&guide, "fob_usd");
    assert!(f.missing && f.value.is_empty());
    assert_eq!(f.fix.as_deref(), Some("rates"));
}

#[test]
fn the_quantity_unit_note_says_what_the_tariff_gives_the_code() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = shop(dir.path(), "DALMU1234567890");
    let id = usd_draft(&mut app);
    let view = app.declaration_view(id).unwrap();
    let guide = app.declaration_unipass_guide(id).unwrap();
    let hsk = exportdesk_rules::hsk::HskTable::bundled();
    let mut seen = 0;
    for l in &view.declaration.lines {
        let Some(code) = l.hs_code.as_deref().filter(|c| c.len() == 10) else {
            continue;
        };
        let f = field(&guide, &format!("line.{}.unit", l.line_no));
        let note = &f.note_en;
        match hsk.row(code).and_then(|r| r.qty_unit.clone()) {
            Some(u) => {
                assert!(note.contains(&format!("quantity unit {u}")), "{note}");
                // The value to choose on UNI-PASS is the tariff's unit code (EA is counted as U).
                if exportdesk_rules::hsk::unit_fits(&l.unit, &u) {
                    assert_eq!(f.value, u);
                }
            }
            None => {
                assert!(note.contains("net weight (KG) only"), "{note}");
                assert_eq!(f.value, l.unit);
            }
        }
        seen += 1;
    }
    assert!(seen > 0);
}
