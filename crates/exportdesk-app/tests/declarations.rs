//! Declarations from orders to loading, against a temporary database.

use exportdesk_app::{App, DraftEdit, DraftRequest, FixedClock};
use exportdesk_rules::declaration::{DeclarationKind, DeclarationState};
use exportdesk_rules::rates::RateDraft;
use exportdesk_rules::records::{OrderDraft, OrderLineDraft, SellerDraft};
use exportdesk_store::OrderFilter;

fn shop(dir: &std::path::Path, day: &str) -> App {
    let mut app = App::open(
        &dir.join("shop.sqlite3"),
        Box::new(FixedClock::parse(day).unwrap()),
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

fn order(app: &mut App, no: &str, price: &str, qty: &str, incoterm: &str, fee: &str) -> i64 {
    let products = app.products("KB-TONER").unwrap();
    let buyer = app.buyers().unwrap().first().map(|b| b.id);
    app.save_order(
        None,
        &OrderDraft {
            marketplace: "Shopify".into(),
            order_no: no.into(),
            buyer_id: buyer,
            order_date: "2026-11-20".into(),
            currency: "USD".into(),
            shipping_fee: fee.into(),
            incoterm: incoterm.into(),
            destination_country: "US".into(),
            lines: vec![OrderLineDraft {
                product_id: Some(products[0].product.id),
                quantity: qty.into(),
                unit_price: price.into(),
                ..Default::default()
            }],
            // These tests price shipping inside the goods (a seller's own "free shipping" price).
            order_discount: String::new(),
            shipping_separate: Some(false),
        },
    )
    .unwrap()
    .id
}

fn with_sample(day: &str) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = shop(dir.path(), day);
    app.load_sample().unwrap();
    (dir, app)
}

#[test]
fn draft_from_sample_orders_is_simplified_with_reason_and_fob_steps() {
    let (_d, mut app) = with_sample("2026-11-27");
    let groups = app.propose_groups(None).unwrap();
    assert!(
        groups.len() > 10,
        "60 orders fall into groups by buyer and destination"
    );
    let g = groups
        .iter()
        .find(|g| g.currency == "USD" && g.incoterm == "DAP")
        .unwrap();
    let view = app
        .draft_declaration(&DraftRequest {
            order_ids: g.order_ids.clone(),
            ..Default::default()
        })
        .unwrap();
    let d = &view.declaration;
    assert_eq!(d.state, DeclarationState::Draft);
    assert_eq!(d.kind, DeclarationKind::Simplified);
    assert!(d.kind_reason_ko.contains("간이수출신고"));
    assert_eq!(d.freight_source, "orders");
    assert!(view.fob.steps.iter().any(|s| s.ko.contains("과세환율")));
    assert_eq!(
        d.lines
            .iter()
            .map(|l| l.fob_krw)
            .sum::<rust_decimal::Decimal>(),
        d.fob_krw
    );
    assert!(view.documents.platform_based && !view.documents.exempt.is_empty());
    // The sample products are complete except for nothing the simplified kind needs.
    assert!(view.missing.is_empty(), "{:?}", view.missing);
    // An order cannot go into two declarations.
    let again = app
        .draft_declaration(&DraftRequest {
            order_ids: vec![g.order_ids[0]],
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(again.0[0].code, "declaration.order_taken");
}

#[test]
fn mixed_orders_are_refused_with_the_reason() {
    let (_d, mut app) = with_sample("2026-11-27");
    let orders = app.orders(&OrderFilter::default()).unwrap();
    let us = orders
        .iter()
        .find(|o| o.destination_country == "US")
        .unwrap()
        .id;
    let jp = orders
        .iter()
        .find(|o| o.destination_country == "JP")
        .unwrap()
        .id;
    let e = app
        .draft_declaration(&DraftRequest {
            order_ids: vec![us, jp],
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(e.0[0].code, "declaration.mixed_orders");
}

#[test]
fn missing_week_rate_is_an_explicit_error() {
    let (_d, mut app) = with_sample("2026-11-27");
    let g = &app.propose_groups(None).unwrap()[0];
    let e = app
        .draft_declaration(&DraftRequest {
            order_ids: g.order_ids.clone(),
            declared_on: Some("2026-12-01".into()),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(e.0[0].code, "rates.missing_week");
}

#[test]
fn the_same_order_under_the_old_and_the_new_limit() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = shop(dir.path(), "2026-11-27");
    app.load_sample().unwrap();
    for day in ["2025-08-27", "2025-08-28"] {
        app.save_rate(&RateDraft {
            date: day.into(),
            currency: "USD".into(),
            rate: "1000".into(),
            ..Default::default()
        })
        .unwrap();
    }
    // FOB USD 4,500 × 1,000 = ₩4,500,000: over the old ₩4,000,000 limit, within the new ₩5,000,000.
    let id = order(&mut app, "#OLD-NEW", "4500", "1", "FOB", "0");
    let old = app
        .draft_declaration(&DraftRequest {
            order_ids: vec![id],
            declared_on: Some("2025-08-27".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(old.declaration.kind, DeclarationKind::Regular);
    assert!(old.kind.reason_ko.contains("₩4,000,000"));
    app.delete_draft(old.declaration.id).unwrap();
    let new = app
        .draft_declaration(&DraftRequest {
            order_ids: vec![id],
            declared_on: Some("2025-08-28".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(new.declaration.kind, DeclarationKind::Simplified);
    assert!(new.kind.rules.iter().any(|r| r.value == "5000000"));
}

#[test]
fn life_cycle_file_accept_extend_load_and_dashboard() {
    let (_d, mut app) = with_sample("2026-11-27");
    let g = app.propose_groups(None).unwrap()[0].order_ids.clone();
    let id = app
        .draft_declaration(&DraftRequest {
            order_ids: g,
            ..Default::default()
        })
        .unwrap()
        .declaration
        .id;
    assert_eq!(
        app.accept_declaration(id, "12345-26-1234567X", "2026-11-27")
            .unwrap_err()
            .0[0]
            .code,
        "declaration.wrong_state"
    );
    let filed = app.file_declaration(id, None).unwrap();
    assert_eq!(filed.declaration.state, DeclarationState::Filed);
    let accepted = app
        .accept_declaration(id, "2026-0001", "2026-11-27")
        .unwrap();
    let d = &accepted.declaration;
    assert_eq!(
        d.declaration_no.as_deref(),
        Some("2026-0001"),
        "an unusual number is kept as entered"
    );
    assert_eq!(accepted.warnings[0].code, "declaration_no.unusual");
    // 2026-11-27 + 30 = Sun 2026-12-27 → Mon 2026-12-28.
    assert_eq!(d.loading_raw.unwrap().to_string(), "2026-12-27");
    assert_eq!(d.loading_due.unwrap().to_string(), "2026-12-28");
    let dash = app.dashboard().unwrap();
    assert_eq!(dash.items.len(), 1);
    assert_eq!(dash.items[0].deadline.due.to_string(), "2026-12-28");
    assert_eq!(dash.counts.later, 1);
    assert_eq!(dash.months.len(), 12);
    assert_eq!(dash.months.last().unwrap().declarations, 1);
    let too_late = app
        .extend_loading(id, "2026-12-29", "2027-01-31", "선박 지연")
        .unwrap_err();
    assert_eq!(too_late.0[0].code, "extension.too_late");
    let ext = app
        .extend_loading(id, "2026-12-20", "2027-01-30", "선박 지연")
        .unwrap();
    // Sat 2027-01-30 → Mon 2027-02-01.
    assert_eq!(
        ext.declaration.loading_due.unwrap().to_string(),
        "2027-02-01"
    );
    assert!(app.dashboard().unwrap().items[0].deadline.extended);
    assert_eq!(
        app.record_loading(id, "2026-12-30", " ", "DHL")
            .unwrap_err()
            .0[0]
            .code,
        "loading.bl_empty"
    );
    let loaded = app
        .record_loading(id, "2026-12-30", "AWB 123-45678901", "DHL")
        .unwrap();
    assert_eq!(loaded.declaration.state, DeclarationState::Loaded);
    assert!(
        app.dashboard().unwrap().items.is_empty(),
        "loading closes the deadline"
    );
    assert!(
        app.dashboard()
            .unwrap()
            .guide
            .iter()
            .find(|s| s.id == "loaded")
            .unwrap()
            .done
    );
}

#[test]
fn filing_needs_every_required_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::open(
        &dir.path().join("s.sqlite3"),
        Box::new(FixedClock::parse("2026-11-27").unwrap()),
    )
    .unwrap();
    app.save_seller(&SellerDraft {
        name: "하늘공방".into(),
        representative: "이하늘".into(),
        business_no: "1248100998".into(),
        address: "부산".into(),
        ..Default::default()
    })
    .unwrap();
    app.load_sample().unwrap();
    let g = app.propose_groups(None).unwrap()[0].order_ids.clone();
    let view = app
        .draft_declaration(&DraftRequest {
            order_ids: g,
            ..Default::default()
        })
        .unwrap();
    assert!(view
        .missing
        .iter()
        .any(|m| m.field == "exporter.customs_code" && m.screen == "settings"));
    let e = app.file_declaration(view.declaration.id, None).unwrap_err();
    assert_eq!(e.0[0].code, "declaration.missing_fields");
    assert!(e.0[0].message_ko.contains("통관고유부호"));
    assert_eq!(
        app.declaration_view(view.declaration.id)
            .unwrap()
            .declaration
            .state,
        DeclarationState::Draft
    );
}

#[test]
fn provisional_then_final_price_and_freight_edits() {
    let (_d, mut app) = with_sample("2026-11-27");
    let id = order(&mut app, "#P-1", "100", "2", "CIF", "20");
    let view = app
        .draft_declaration(&DraftRequest {
            order_ids: vec![id],
            ..Default::default()
        })
        .unwrap();
    assert_eq!(view.declaration.fob_total, rust_decimal::Decimal::from(180));
    let edited = app
        .edit_draft(
            view.declaration.id,
            &DraftEdit {
                freight_insurance: Some("30".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        edited.declaration.fob_total,
        rust_decimal::Decimal::from(170)
    );
    assert_eq!(edited.declaration.freight_source, "entered");
    let id = edited.declaration.id;
    app.file_declaration(id, None).unwrap();
    app.accept_declaration(id, "12345-26-7654321A", "2026-11-27")
        .unwrap();
    assert_eq!(
        app.record_final_price(id, "250000", "2026-12-01")
            .unwrap_err()
            .0[0]
            .code,
        "final_price.not_provisional"
    );
    let p = app.mark_provisional(id, "2026-11-30").unwrap();
    // 2026-11-30 + 90 = 2027-02-28 (Sun) → Mon 2027-03-01 is 삼일절 → Tue 2027-03-02.
    assert_eq!(
        p.declaration.final_price_due.unwrap().to_string(),
        "2027-03-02"
    );
    assert_eq!(
        app.dashboard()
            .unwrap()
            .items
            .iter()
            .filter(|i| i.action == "record_final_price")
            .count(),
        1
    );
    let f = app.record_final_price(id, "251000", "2027-01-15").unwrap();
    assert_eq!(f.declaration.final_fob_krw.unwrap().to_string(), "251000");
    assert_ne!(
        f.declaration.fob_krw,
        f.declaration.final_fob_krw.unwrap(),
        "provisional FOB kept beside the final one"
    );
    assert!(app
        .dashboard()
        .unwrap()
        .items
        .iter()
        .all(|i| i.action != "record_final_price"));
}

#[test]
fn overdue_loading_shows_a_penalty_estimate() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.sqlite3");
    let id = {
        let mut app = shop(dir.path(), "2026-11-27");
        app.load_sample().unwrap();
        let g = app.propose_groups(None).unwrap()[0].order_ids.clone();
        let id = app
            .draft_declaration(&DraftRequest {
                order_ids: g,
                ..Default::default()
            })
            .unwrap()
            .declaration
            .id;
        app.file_declaration(id, None).unwrap();
        app.accept_declaration(id, "12345-26-1234567X", "2026-11-27")
            .unwrap();
        id
    };
    let later = App::open(&db, Box::new(FixedClock::parse("2027-01-10").unwrap())).unwrap();
    let view = later.declaration_view(id).unwrap();
    let p = view.penalty.expect("overdue");
    assert!(p.estimate && p.after_reduction_krw < p.before_reduction_krw);
    let dash = later.dashboard().unwrap();
    assert_eq!(dash.counts.overdue, 1);
    assert_eq!(dash.items[0].urgency, "overdue");
}

#[test]
fn start_up_reminder_lists_what_is_due_within_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.sqlite3");
    {
        let mut app = shop(dir.path(), "2026-11-27");
        app.load_sample().unwrap();
        assert!(app.reminder().unwrap().is_none(), "nothing open yet");
        let g = app.propose_groups(None).unwrap()[0].order_ids.clone();
        let id = app
            .draft_declaration(&DraftRequest {
                order_ids: g,
                ..Default::default()
            })
            .unwrap()
            .declaration
            .id;
        app.file_declaration(id, None).unwrap();
        app.accept_declaration(id, "12345-26-1234567X", "2026-11-27")
            .unwrap();
        assert!(
            app.reminder().unwrap().is_none(),
            "due 2026-12-28, outside the 7-day window"
        );
    }
    let later = App::open(&db, Box::new(FixedClock::parse("2026-12-22").unwrap())).unwrap();
    let (title, body) = later.reminder().unwrap().expect("due within 7 days");
    assert!(title.contains("1건"), "{title}");
    assert!(
        body.contains("2026-12-28")
            && body.contains("적재기한")
            && body.contains("12345-26-1234567X"),
        "{body}"
    );
}

#[test]
fn lines_are_checked_against_the_tariff_on_the_declaration_date() {
    use exportdesk_rules::records::ProductDraft;
    let (_dir, mut app) = with_sample("2026-11-27");
    let toner = app.products("KB-TONER").unwrap()[0].product.clone();
    let mut draft = ProductDraft {
        sku: toner.sku.clone(),
        name_ko: toner.name_ko.clone(),
        name_en: toner.name_en.clone(),
        unit: toner.unit.clone(),
        net_weight_kg: "0.2".into(),
        origin_country: "KR".into(),
        ..Default::default()
    };
    // A code the 2024 editions listed and the 2025 edition dropped.
    draft.hs_code = "8501.33-2000".into();
    app.save_product(Some(toner.id), &draft).unwrap();
    let id = order(&mut app, "W-1", "30", "2", "FOB", "0");
    let view = app
        .draft_declaration(&DraftRequest {
            order_ids: vec![id],
            ..Default::default()
        })
        .unwrap();
    let w = &view.warnings;
    assert!(
        w.iter()
            .any(|p| p.code == "hs_code.hsk_ended" && p.message_en.starts_with("Line 1:")),
        "{w:?}"
    );

    // A code declared in units (U), for a product counted in litres.
    draft.hs_code = "6110.20-0000".into();
    draft.unit = "L".into();
    app.save_product(Some(toner.id), &draft).unwrap();
    let view = app.refresh_draft_lines(view.declaration.id).unwrap();
    let unit = view
        .warnings
        .iter()
        .find(|p| p.code == "hs_code.unit_kind")
        .expect("a unit warning");
    assert!(
        unit.message_en.contains("declared in U"),
        "{}",
        unit.message_en
    );

    // A valid code counted in pieces: no tariff warning.
    draft.unit = "EA".into();
    app.save_product(Some(toner.id), &draft).unwrap();
    let view = app.refresh_draft_lines(view.declaration.id).unwrap();
    assert!(
        view.warnings.iter().all(|p| !p.code.starts_with("hs_code")),
        "{:?}",
        view.warnings
    );
}

#[test]
fn the_finder_puts_the_shops_own_choice_first_and_checks_typed_codes() {
    let (_dir, app) = with_sample("2026-11-27");
    // The sample shop's lip tint is 3304.10-9000: a new tint named alike gets that code first.
    let found = app.hs_find("봄결 글로스 립틴트 07", 5).unwrap();
    assert_eq!(found[0].line.code, "3304109000");
    assert!(!found[0].own_products.is_empty());
    // A subheading offers its ten-digit codes; an unknown code says so.
    let info = app.hs_code_info("3304.99", None).unwrap();
    assert_eq!(info.choices.len(), 4);
    assert_eq!(
        info.problem.as_ref().map(|p| p.code.as_str()),
        Some("hs_code.needs_ten_digits")
    );
    let info = app.hs_code_info("3304991000", None).unwrap();
    assert!(info.problem.is_none());
    assert!(matches!(
        info.validity,
        Some(exportdesk_rules::hsk::HskValidity::AfterEdition { .. })
    ));
    assert_eq!(
        info.line.unwrap().path_ko.last().unwrap(),
        "기초화장용 제품류"
    );
}
