//! Documents from real data: the worksheet of an accepted declaration (also one of 60 lines), the
//! deadline report, the XLSX data sheet, and a batch of worksheets with progress and cancelling.

use exportdesk_app::{App, DraftEdit, DraftRequest, FixedClock};
use exportdesk_rules::records::{OrderDraft, OrderLineDraft, SellerDraft};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

fn with_sample(dir: &Path) -> App {
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
    app.load_sample().unwrap();
    app
}

/// Draft (with the transport filled in), file and accept the declaration of a proposed group.
fn accepted(app: &mut App, group: usize, no: &str) -> i64 {
    let g = app.propose_groups(None).unwrap()[group].order_ids.clone();
    let id = app
        .draft_declaration(&DraftRequest {
            order_ids: g,
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
            courier_code: Some("DHL01".into()),
            ..Default::default()
        },
    )
    .unwrap();
    app.file_declaration(id, None).unwrap();
    app.accept_declaration(id, no, "2026-11-27").unwrap();
    id
}

fn pages(pdf: &[u8]) -> usize {
    let hay = String::from_utf8_lossy(pdf);
    hay.matches("/Type/Page").count() - hay.matches("/Type/Pages").count()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn worksheet_report_and_sheet_from_an_accepted_declaration() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = with_sample(dir.path());
    let id = accepted(&mut app, 0, "12345-26-1234567X");

    let ws = app.declaration_worksheet_pdf(id, None).unwrap();
    let expected = app
        .documents_dir()
        .join("declaration-12345-26-1234567X-2026-11-27.pdf");
    assert_eq!(ws.path, expected.display().to_string());
    let bytes = std::fs::read(&expected).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    assert_eq!(ws.bytes, bytes.len() as u64);

    let report = app.deadline_report_pdf(None).unwrap();
    assert!(report.path.ends_with("deadlines-2026-11-27.pdf"));
    assert!(std::fs::read(&report.path).unwrap().starts_with(b"%PDF"));

    let sheet = app.declarations_xlsx(&[], None).unwrap();
    assert!(sheet.path.ends_with("declarations-2026-11-27.xlsx"));
    let xlsx = std::fs::read(&sheet.path).unwrap();
    assert!(xlsx.starts_with(b"PK\x03\x04"), "a zip container");
    let names = String::from_utf8_lossy(&xlsx);
    for part in [
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet3.xml",
        "xl/sharedStrings.xml",
    ] {
        assert!(names.contains(part), "{part}");
    }
    // (The cell contents are checked by the documents crate's tests, which read the XML back.)
    assert_eq!(
        files_in(&app.documents_dir()),
        vec![
            "deadlines-2026-11-27.pdf",
            "declaration-12345-26-1234567X-2026-11-27.pdf",
            "declarations-2026-11-27.xlsx",
        ],
        "no temporary file left behind"
    );
}

#[test]
fn a_draft_without_number_gets_its_id_and_an_explicit_path_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = with_sample(dir.path());
    let g = app.propose_groups(None).unwrap()[0].order_ids.clone();
    let id = app
        .draft_declaration(&DraftRequest {
            order_ids: g,
            ..Default::default()
        })
        .unwrap()
        .declaration
        .id;
    let doc = app.declaration_worksheet_pdf(id, None).unwrap();
    assert!(doc
        .path
        .ends_with(&format!("declaration-{id}-2026-11-27.pdf")));
    let out = dir.path().join("나의 서류").join("check.pdf");
    let doc = app.declaration_worksheet_pdf(id, Some(&out)).unwrap();
    assert_eq!(doc.path, out.display().to_string());
    assert!(out.exists());
    let e = app.declaration_worksheet_pdf(9999, None).unwrap_err();
    assert_eq!(e.0[0].code, "record.not_found");
    let e = app.declarations_xlsx(&[id, 9999], None).unwrap_err();
    assert_eq!(e.0[0].code, "documents.unknown_declarations");
    assert!(e.0[0].message_ko.contains("9999"));
}

#[test]
fn nothing_to_export_says_what_to_do_and_an_empty_report_is_still_made() {
    let dir = tempfile::tempdir().unwrap();
    let app = with_sample(dir.path());
    let e = app.declarations_xlsx(&[], None).unwrap_err();
    assert_eq!(e.0[0].code, "documents.no_declarations");
    assert!(e.0[0].message_ko.contains("초안"));
    let report = app.deadline_report_pdf(None).unwrap();
    assert!(report.bytes > 1000);
}

#[test]
fn a_sixty_line_declaration_breaks_over_pages() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = with_sample(dir.path());
    let products = app.products("").unwrap();
    let buyer = app.buyers().unwrap()[0].id;
    let lines: Vec<OrderLineDraft> = (0..60)
        .map(|i| OrderLineDraft {
            product_id: Some(products[i % products.len()].product.id),
            quantity: ((i % 4) + 1).to_string(),
            unit_price: "9.90".into(),
            ..Default::default()
        })
        .collect();
    let order = app
        .save_order(
            None,
            &OrderDraft {
                marketplace: "Shopify".into(),
                order_no: "#BIG-60".into(),
                buyer_id: Some(buyer),
                order_date: "2026-11-25".into(),
                currency: "USD".into(),
                shipping_fee: "40".into(),
                incoterm: "DAP".into(),
                destination_country: "US".into(),
                lines,
                ..Default::default()
            },
        )
        .unwrap()
        .id;
    let view = app
        .draft_declaration(&DraftRequest {
            order_ids: vec![order],
            ..Default::default()
        })
        .unwrap();
    assert_eq!(view.declaration.lines.len(), 60);
    let doc = app
        .declaration_worksheet_pdf(view.declaration.id, None)
        .unwrap();
    let bytes = std::fs::read(&doc.path).unwrap();
    let n = pages(&bytes);
    eprintln!("60-line worksheet: {} bytes, {n} pages", bytes.len());
    assert!(n >= 3, "{n} pages");
    assert!(bytes.len() < 400_000, "{} bytes", bytes.len());
    if let Ok(out) = std::env::var("EXPORTDESK_DOC_OUT") {
        std::fs::create_dir_all(&out).unwrap();
        std::fs::copy(&doc.path, Path::new(&out).join("app-worksheet-60.pdf")).unwrap();
    }
}

#[test]
fn a_batch_reports_progress_and_stops_cleanly_when_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = with_sample(dir.path());
    let a = accepted(&mut app, 0, "12345-26-0000001A");
    let b = accepted(&mut app, 0, "12345-26-0000002A");
    let c = accepted(&mut app, 0, "12345-26-0000003A");

    let cancel = AtomicBool::new(false);
    let mut seen = Vec::new();
    let docs = app
        .declaration_worksheets(&[a, b, a, c], &mut |d, t| seen.push((d, t)), &cancel)
        .unwrap();
    assert_eq!(docs.len(), 3, "a repeated id is made once");
    assert_eq!(seen, vec![(1, 3), (2, 3), (3, 3)]);

    // Cancelled after the first file: that file is complete, nothing else is written.
    let out = app.documents_dir();
    std::fs::remove_dir_all(&out).unwrap();
    let mut seen = Vec::new();
    let docs = app
        .declaration_worksheets(
            &[a, b, c],
            &mut |d, t| {
                seen.push((d, t));
                cancel.store(true, Ordering::SeqCst);
            },
            &cancel,
        )
        .unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(seen, vec![(1, 3)]);
    assert_eq!(
        files_in(&out),
        vec!["declaration-12345-26-0000001A-2026-11-27.pdf"]
    );
    let kept = std::fs::read(&docs[0].path).unwrap();
    let tail = String::from_utf8_lossy(&kept[kept.len() - 16..]).into_owned();
    assert!(
        tail.contains("%%EOF"),
        "the file kept is complete: {tail:?}"
    );

    // A missing declaration stops the batch and says how many files were kept.
    cancel.store(false, Ordering::SeqCst);
    let e = app
        .declaration_worksheets(&[a, 9999, b], &mut |_, _| {}, &cancel)
        .unwrap_err();
    assert_eq!(e.0[0].code, "record.not_found");
    let stopped = e.0.last().unwrap();
    assert_eq!(stopped.code, "documents.batch_stopped");
    assert_eq!(stopped.params["done"], "1");
    let e = app
        .declaration_worksheets(&[], &mut |_, _| {}, &cancel)
        .unwrap_err();
    assert_eq!(e.0[0].code, "documents.batch_empty");
}

#[test]
fn only_generated_documents_may_be_opened() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = exportdesk_app::App::open(
        &dir.path().join("shop.sqlite3"),
        Box::new(exportdesk_app::FixedClock::parse("2026-11-27").unwrap()),
    )
    .unwrap();
    app.save_seller(&exportdesk_rules::records::SellerDraft {
        name: "달무리상점".into(),
        representative: "김하늘".into(),
        business_no: "220-81-62517".into(),
        address: "서울".into(),
        ..Default::default()
    })
    .unwrap();
    app.load_sample().unwrap();
    let doc = app.product_list_pdf(None).unwrap();
    assert!(app.generated_document(&doc.path).is_ok());
    let outside = dir.path().join("notes.pdf");
    std::fs::write(&outside, b"%PDF").unwrap();
    for bad in [
        outside.to_str().unwrap(),
        "/etc/passwd",
        "",
        &format!("{}/../shop.sqlite3", app.documents_dir().display()),
    ] {
        assert_eq!(
            app.generated_document(bad).unwrap_err().0[0].code,
            "documents.not_ours",
            "{bad}"
        );
    }
}

/// A worksheet printed while the declaration was a draft is recorded with that state; once the
/// declaration is filed and accepted it is listed as outdated (with the state it was printed
/// in), and printing it again replaces the record with a current one.
#[test]
fn a_worksheet_printed_as_a_draft_is_outdated_after_acceptance() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = with_sample(dir.path());
    let g = app.propose_groups(None).unwrap()[0].order_ids.clone();
    let id = app
        .draft_declaration(&DraftRequest {
            order_ids: g,
            ..Default::default()
        })
        .unwrap()
        .declaration
        .id;
    let first = app.declaration_worksheet_pdf(id, None).unwrap();
    let papers = app.papers(Some(id)).unwrap();
    assert_eq!(papers.len(), 1);
    assert_eq!(papers[0].path, first.path);
    assert_eq!(papers[0].state_then, "draft");
    assert!(!papers[0].outdated, "nothing changed yet");

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
    app.file_declaration(id, None).unwrap();
    app.accept_declaration(id, "12345-26-1234567X", "2026-11-27")
        .unwrap();
    let papers = app.papers(Some(id)).unwrap();
    assert!(papers[0].outdated, "printed as a draft, accepted since");
    assert_eq!(papers[0].state_now, "accepted");

    let again = app.declaration_worksheet_pdf(id, None).unwrap();
    let papers = app.papers(Some(id)).unwrap();
    let current: Vec<_> = papers.iter().filter(|p| !p.outdated).collect();
    assert_eq!(current.len(), 1);
    assert_eq!(current[0].path, again.path);
    assert_eq!(current[0].state_then, "accepted");
    assert_eq!(app.papers(None).unwrap().len(), papers.len());
}
