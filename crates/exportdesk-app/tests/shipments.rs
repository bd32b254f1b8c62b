//! Consolidated shipments against a temporary database: from accepted declarations to cartons,
//! checks, auto-pack and one loading that closes every loading deadline in it.

use exportdesk_app::{
    App, DraftRequest, FixedClock, ShipmentEdit, ShipmentLoading, ShipmentRequest,
};
use exportdesk_rules::declaration::DeclarationState;
use exportdesk_rules::records::SellerDraft;
use exportdesk_rules::shipment::{AutoPackRequest, CartonDraft, CartonItemDraft, ShipmentState};

fn shop() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::open(
        &dir.path().join("shop.sqlite3"),
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
    app.load_sample().unwrap();
    (dir, app)
}

/// Two declarations of sample orders to the same country, filed and (if `accept`) accepted.
fn two_declarations(app: &mut App, accept: bool) -> Vec<i64> {
    let groups = app.propose_groups(None).unwrap();
    let country = groups
        .iter()
        .find(|g| {
            groups
                .iter()
                .filter(|h| h.destination_country == g.destination_country)
                .count()
                >= 2
        })
        .unwrap()
        .destination_country
        .clone();
    let mut ids = Vec::new();
    for (n, g) in groups
        .iter()
        .filter(|g| g.destination_country == country)
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
        app.file_declaration(id, None).unwrap();
        if accept {
            app.accept_declaration(id, &format!("12345-26-90000{n}X"), "2026-11-27")
                .unwrap();
        }
        ids.push(id);
    }
    ids
}

fn item(decl: i64, line: u32, q: &str) -> CartonItemDraft {
    CartonItemDraft {
        declaration_id: decl,
        line_no: line,
        quantity: q.into(),
    }
}

fn carton(gross: &str, items: Vec<CartonItemDraft>) -> CartonDraft {
    CartonDraft {
        length_cm: "40".into(),
        width_cm: "30".into(),
        height_cm: "20".into(),
        gross_kg: gross.into(),
        items,
    }
}

#[test]
fn two_declarations_packed_in_two_cartons_load_together() {
    let (_d, mut app) = shop();
    let ids = two_declarations(&mut app, true);
    let view = app
        .create_shipment(&ShipmentRequest {
            declaration_ids: ids.clone(),
            ..Default::default()
        })
        .unwrap();
    let sid = view.shipment.id;
    assert_eq!(view.shipment.reference, "SHP-20261127-1");
    assert_eq!(view.shipment.volumetric_divisor, 5000);
    assert!(!view.can_load, "nothing packed yet");
    assert!(view
        .warnings
        .iter()
        .any(|w| w.code == "shipment.mixed_consignees"));

    // Every line of the first declaration in carton 1, the second's split over both cartons.
    let first: Vec<_> = view
        .lines
        .iter()
        .filter(|l| l.declaration_id == ids[0])
        .collect();
    let second: Vec<_> = view
        .lines
        .iter()
        .filter(|l| l.declaration_id == ids[1])
        .collect();
    let mut c1: Vec<_> = first
        .iter()
        .map(|l| item(l.declaration_id, l.line_no, &l.quantity.to_string()))
        .collect();
    let mut c2 = Vec::new();
    for l in &second {
        let q = l.quantity;
        let half = (q / rust_decimal::Decimal::TWO).floor();
        if half > rust_decimal::Decimal::ZERO {
            c1.push(item(l.declaration_id, l.line_no, &half.to_string()));
        }
        c2.push(item(l.declaration_id, l.line_no, &(q - half).to_string()));
    }
    // One unit too many: refused at loading with the line and the difference.
    let mut over = c2.clone();
    over[0].quantity = (over[0].quantity.parse::<rust_decimal::Decimal>().unwrap()
        + rust_decimal::Decimal::ONE)
        .to_string();
    let packed = app
        .pack_shipment(sid, &[carton("30", c1.clone()), carton("30", over)])
        .unwrap();
    assert!(!packed.can_load);
    assert!(packed
        .load_blockers
        .iter()
        .any(|p| p.code == "packing.extra"));
    let err = app
        .load_shipment(
            sid,
            &ShipmentLoading {
                loaded_on: "2026-11-27".into(),
                carrier: "CJ대한통운".into(),
                bl_awb: "AWB-1".into(),
                tracking_numbers: vec![],
            },
        )
        .unwrap_err();
    assert_eq!(err.0[0].code, "shipment.not_ready");
    assert!(err.0.iter().any(|p| p.code == "packing.extra"));

    let packed = app
        .pack_shipment(sid, &[carton("30", c1), carton("30", c2)])
        .unwrap();
    assert!(packed.check.is_complete(), "{:?}", packed.check.problems);
    assert!(packed.can_load, "{:?}", packed.load_blockers);
    assert_eq!(packed.check.cartons.len(), 2);
    // 40 × 30 × 20 / 5000 = 4.8 kg per carton < 30 kg gross: chargeable is the gross.
    assert_eq!(packed.check.chargeable_kg.to_string(), "60");

    let before = app.dashboard().unwrap();
    let open_before = before
        .items
        .iter()
        .filter(|i| ids.contains(&i.deadline.declaration_id) && i.deadline.kind == "loading")
        .count();
    assert_eq!(open_before, 2);
    let loaded = app
        .load_shipment(
            sid,
            &ShipmentLoading {
                loaded_on: "2026-11-27".into(),
                carrier: "CJ대한통운".into(),
                bl_awb: "AWB-777".into(),
                tracking_numbers: vec!["T1, T2".into()],
            },
        )
        .unwrap();
    assert_eq!(loaded.shipment.state, ShipmentState::Loaded);
    assert_eq!(loaded.shipment.tracking_numbers, ["T1", "T2"]);
    for id in &ids {
        let d = app.declaration_view(*id).unwrap().declaration;
        assert_eq!(d.state, DeclarationState::Loaded);
        assert_eq!(d.bl_awb, "AWB-777");
    }
    let after = app.dashboard().unwrap();
    assert!(after
        .items
        .iter()
        .all(|i| !(ids.contains(&i.deadline.declaration_id) && i.deadline.kind == "loading")));

    // A loaded shipment no longer changes; its declarations cannot go into another one.
    assert_eq!(
        app.pack_shipment(sid, &[]).unwrap_err().0[0].code,
        "shipment.loaded"
    );
    let again = app
        .create_shipment(&ShipmentRequest {
            declaration_ids: vec![ids[0]],
            ..Default::default()
        })
        .unwrap_err();
    assert!(again
        .0
        .iter()
        .any(|p| p.code == "shipment.declaration_loaded"));
}

#[test]
fn loading_is_refused_whole_when_one_declaration_is_not_accepted() {
    let (_d, mut app) = shop();
    let ids = two_declarations(&mut app, false);
    app.accept_declaration(ids[0], "12345-26-900000X", "2026-11-27")
        .unwrap();
    let view = app
        .create_shipment(&ShipmentRequest {
            declaration_ids: ids.clone(),
            reference: "TOKYO-1".into(),
            ..Default::default()
        })
        .unwrap();
    let proposal = app
        .auto_pack_shipment(
            view.shipment.id,
            &AutoPackRequest {
                length_cm: "60".into(),
                width_cm: "40".into(),
                height_cm: "40".into(),
                max_gross_kg: "20".into(),
                tare_kg: "0.8".into(),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(!proposal.is_empty());
    let packed = app.pack_shipment(view.shipment.id, &proposal).unwrap();
    assert!(packed.check.is_complete(), "{:?}", packed.check.problems);
    assert_eq!(packed.load_blockers.len(), 1);
    assert_eq!(packed.load_blockers[0].code, "shipment.not_accepted");
    let err = app
        .load_shipment(
            view.shipment.id,
            &ShipmentLoading {
                loaded_on: "2026-11-27".into(),
                carrier: String::new(),
                bl_awb: "AWB-1".into(),
                tracking_numbers: vec![],
            },
        )
        .unwrap_err();
    assert!(err.0.iter().any(|p| p.code == "shipment.not_accepted"));
    let d = app.declaration_view(ids[0]).unwrap().declaration;
    assert_eq!(d.state, DeclarationState::Accepted, "nothing half-loaded");

    // A draft in a shipment cannot be deleted; the reference must be unique.
    let other = app
        .create_shipment(&ShipmentRequest {
            declaration_ids: vec![ids[1]],
            ..Default::default()
        })
        .unwrap_err();
    assert!(other
        .0
        .iter()
        .any(|p| p.code == "shipment.declaration_taken"));
    let edit = app
        .edit_shipment(
            view.shipment.id,
            &ShipmentEdit {
                declaration_ids: Some(vec![ids[0]]),
                consignee_name: Some("Tokyo Fulfilment Center".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(edit.declarations.len(), 1);
    assert!(edit
        .shipment
        .cartons
        .iter()
        .all(|c| c.items.iter().all(|i| i.declaration_id == ids[0])));
    assert!(app.delete_shipment(view.shipment.id).is_ok());
}

#[test]
fn cancelled_declarations_and_undeclared_orders_are_refused() {
    let (_d, mut app) = shop();
    let ids = two_declarations(&mut app, true);
    app.cancel_declaration(ids[1], "2026-11-27", "buyer cancelled")
        .unwrap();
    let err = app
        .create_shipment(&ShipmentRequest {
            declaration_ids: ids.clone(),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(err.0[0].code, "shipment.declaration_cancelled");
    assert!(err.0[0].message_en.contains("cancelled"));

    // Orders the app still proposes to declare are on no declaration.
    let undeclared = app.propose_groups(None).unwrap()[0].order_ids[0];
    let err = app
        .create_shipment(&ShipmentRequest {
            order_ids: vec![undeclared],
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(err.0[0].code, "shipment.order_not_declared");
    assert!(app.shipments().unwrap().is_empty(), "nothing stored");
}
