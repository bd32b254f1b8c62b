//! Returns and duty-free re-import claims against a temporary database.

use exportdesk_app::{App, DraftEdit, DraftRequest, FixedClock};
use exportdesk_rules::records::SellerDraft;
use exportdesk_rules::reimport::{ClaimState, ReimportOutcome, ReturnDraft, ReturnLineDraft};

/// A sample shop with one declaration filed, accepted and loaded today (2026-11-27).
fn exported() -> (tempfile::TempDir, App, i64) {
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
        ..Default::default()
    })
    .unwrap();
    app.load_sample().unwrap();
    let g = app
        .propose_groups(None)
        .unwrap()
        .into_iter()
        .find(|g| g.currency == "USD")
        .unwrap();
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
    app.accept_declaration(id, "12345-26-600001X", "2026-11-27")
        .unwrap();
    app.record_loading(id, "2026-11-27", "AWB-9", "EMS")
        .unwrap();
    (dir, app, id)
}

fn draft(decl: i64, line: u32, qty: &str) -> ReturnDraft {
    ReturnDraft {
        order_id: None,
        declaration_id: decl,
        return_date: "2026-11-27".into(),
        reason: "defect".into(),
        carrier: "EMS".into(),
        tracking_no: "RR123KR".into(),
        condition: "unused_unaltered".into(),
        drawback_status: "none_claimed".into(),
        note: String::new(),
        lines: vec![ReturnLineDraft {
            declaration_id: decl,
            line_no: line,
            quantity: qty.into(),
            duty_rate_percent: "6.5".into(),
        }],
    }
}

#[test]
fn a_partial_return_is_eligible_and_a_second_cannot_exceed_what_is_left() {
    let (_d, mut app, decl) = exported();
    let view = app.first_line(decl);
    let line = view.0;
    let exported_qty = view.1;
    let first = app.save_return(None, &draft(decl, line, "1")).unwrap();
    assert_eq!(
        first.verdict.outcome,
        ReimportOutcome::Eligible,
        "{:?}",
        first.verdict.not_met
    );
    assert!(first.verdict.relief.is_some());
    assert!(app
        .dashboard()
        .unwrap()
        .reimport_deadlines
        .iter()
        .any(|d| d.return_id == first.ret.id && !d.urgent));

    // Everything that is left is fine; one more is refused with the numbers.
    let left = (exported_qty - rust_decimal::Decimal::ONE).to_string();
    let too_many = (exported_qty).to_string();
    let err = app
        .save_return(None, &draft(decl, line, &too_many))
        .unwrap_err();
    assert_eq!(err.0[0].code, "return.quantity_exceeds");
    assert_eq!(err.0[0].field.as_deref(), Some("lines[0].quantity"));
    if left != "0" {
        app.save_return(None, &draft(decl, line, &left)).unwrap();
    }

    // The claim goes draft → filed → granted; it then leaves the dashboard and stays as it is.
    let filed = app
        .file_return_claim(first.ret.id, "2026-11-27", "12345-26-IM0001")
        .unwrap();
    assert_eq!(filed.ret.claim_state, ClaimState::Filed);
    let granted = app
        .decide_return_claim(first.ret.id, true, "2026-11-27")
        .unwrap();
    assert_eq!(granted.ret.claim_state, ClaimState::Granted);
    assert!(app
        .dashboard()
        .unwrap()
        .reimport_deadlines
        .iter()
        .all(|d| d.return_id != first.ret.id));
    assert_eq!(
        app.save_return(Some(first.ret.id), &draft(decl, line, "1"))
            .unwrap_err()
            .0[0]
            .code,
        "return.claim_not_draft"
    );
    assert!(app.delete_return(first.ret.id).is_err());
}

#[test]
fn a_repaired_return_is_not_eligible_and_says_why() {
    let (_d, mut app, decl) = exported();
    let (line, _) = app.first_line(decl);
    let mut d = draft(decl, line, "1");
    d.condition = "repaired".into();
    let v = app.save_return(None, &d).unwrap();
    assert_eq!(v.verdict.outcome, ReimportOutcome::NotEligible);
    assert!(!v.verdict.not_met.is_empty());
    assert_eq!(app.returns().unwrap().len(), 1);
    app.delete_return(v.ret.id).unwrap();
    assert!(app.returns().unwrap().is_empty());
}

trait FirstLine {
    fn first_line(&self, decl: i64) -> (u32, rust_decimal::Decimal);
}

impl FirstLine for App {
    /// The first line of the declaration and its exported quantity.
    fn first_line(&self, decl: i64) -> (u32, rust_decimal::Decimal) {
        let lines = self.exported_lines(decl, None).unwrap();
        (lines[0].line_no, lines[0].exported)
    }
}
