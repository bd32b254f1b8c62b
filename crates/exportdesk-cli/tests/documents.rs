//! `exportdesk documents …` as a user runs it: golden text of the worksheet and the deadline
//! report through `pdftotext -layout`, the XLSX sheet, the batch with progress, and errors.
//!
//! The shop is set up through the app library (a seller with a customs code, the sample data,
//! one order of toner declared, filed and accepted); the documents come from the binary.

use exportdesk_app::{App, DraftEdit, DraftRequest, FixedClock};
use exportdesk_rules::money::format_krw;
use exportdesk_rules::records::{OrderDraft, OrderLineDraft, SellerDraft};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Shop {
    _dir: tempfile::TempDir,
    db: PathBuf,
}

/// What the set-up declared.
struct Declared {
    id: i64,
    fob_krw: String,
}

impl Shop {
    fn new() -> Shop {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("shop.sqlite3");
        Shop { _dir: dir, db }
    }

    fn dir(&self) -> &Path {
        self.db.parent().unwrap()
    }

    fn app(&self) -> App {
        App::open(&self.db, Box::new(FixedClock::parse("2026-11-27").unwrap())).unwrap()
    }

    /// Seller, sample data, and an accepted simplified declaration of one toner order.
    fn with_declaration(&self, order_no: &str, declaration_no: &str) -> Declared {
        let mut app = self.app();
        if app.seller().unwrap().is_none() {
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
        }
        let toner = app.products("KB-TONER").unwrap()[0].product.id;
        let buyer = app.buyers().unwrap()[0].id;
        let order = app
            .save_order(
                None,
                &OrderDraft {
                    marketplace: "Shopify".into(),
                    order_no: order_no.into(),
                    buyer_id: Some(buyer),
                    order_date: "2026-11-25".into(),
                    currency: "USD".into(),
                    shipping_fee: "12".into(),
                    incoterm: "DAP".into(),
                    destination_country: "US".into(),
                    lines: vec![OrderLineDraft {
                        product_id: Some(toner),
                        quantity: "40".into(),
                        unit_price: "18.50".into(),
                        ..Default::default()
                    }],
                    order_discount: String::new(),
                    shipping_separate: Some(true),
                },
            )
            .unwrap()
            .id;
        let id = app
            .draft_declaration(&DraftRequest {
                order_ids: vec![order],
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
        let view = app
            .accept_declaration(id, declaration_no, "2026-11-27")
            .unwrap();
        Declared {
            id,
            fob_krw: format_krw(view.declaration.fob_krw),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_exportdesk"))
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .env("EXPORTDESK_TODAY", "2026-11-27")
            .env_remove("EXPORTDESK_LANG")
            .output()
            .unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        let out = self.run(&all);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

/// Keep a copy where `EXPORTDESK_DOC_OUT` points, to look at it (`pdftoppm -png`).
fn keep(path: &Path) {
    if let Ok(dir) = std::env::var("EXPORTDESK_DOC_OUT") {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(path, Path::new(&dir).join(path.file_name().unwrap())).unwrap();
    }
}

fn pdftotext(path: &Path) -> String {
    keep(path);
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed for this test");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn worksheet_golden_text() {
    let shop = Shop::new();
    let decl = shop.with_declaration("#GOLD-1", "12345-26-1234567X");
    let file = shop.dir().join("worksheet.pdf");
    let id = decl.id.to_string();
    let doc = shop.json(&[
        "documents",
        "worksheet",
        &id,
        "--out",
        file.to_str().unwrap(),
    ]);
    assert_eq!(doc["path"], file.to_str().unwrap());
    let text = pdftotext(&file);
    assert!(text.contains("수출신고 자가점검 워크시트"), "{text}");
    assert!(text.contains("12345-26-1234567X"), "declaration number");
    assert!(decl.fob_krw.starts_with('₩') && decl.fob_krw.contains(','));
    assert!(
        text.contains(&decl.fob_krw),
        "FOB won total {}",
        decl.fob_krw
    );
    assert!(text.contains("3304.99-1000"), "HS code dotted");
    assert!(text.contains("간이수출신고"), "kind label");
    assert!(
        text.contains("simplified export declaration"),
        "its English gloss"
    );
    assert!(
        text.contains("공식 수출신고서가 아닙니다"),
        "not the official declaration"
    );
    assert!(text.contains("not the official UNI-PASS export declaration"));
    // 2026-11-27 + 30 days = Sun 2026-12-27, moved to Mon 2026-12-28.
    assert!(text.contains("2026-12-27") && text.contains("2026-12-28"));
    let compact: String = text.split_whitespace().collect();
    assert!(compact.contains("1/"), "page x / y in the footer");
}

#[test]
fn deadline_report_golden_text() {
    let shop = Shop::new();
    shop.with_declaration("#GOLD-2", "12345-26-7654321A");
    let file = shop.dir().join("deadlines.pdf");
    shop.json(&["documents", "deadlines", "--out", file.to_str().unwrap()]);
    let text = pdftotext(&file);
    assert!(text.contains("수출 기한 보고서"), "{text}");
    assert!(text.contains("2026-12-28"), "the due date");
    assert!(text.contains("12345-26-7654321A"));
    assert!(text.contains("다음 할 일"), "the next step");
    let compact: String = text.split_whitespace().collect();
    assert!(compact.contains("그뒤"), "the bucket counts");
    // The default path when --out is not given.
    let doc = shop.json(&["documents", "deadlines"]);
    assert!(doc["path"]
        .as_str()
        .unwrap()
        .ends_with("documents/deadlines-2026-11-27.pdf"));
}

#[test]
fn xlsx_and_a_batch_with_progress() {
    let shop = Shop::new();
    let a = shop.with_declaration("#B-1", "12345-26-0000001A").id;
    let b = shop.with_declaration("#B-2", "12345-26-0000002A").id;
    let ids = format!("{a},{b}");

    let doc = shop.json(&["documents", "xlsx", "--ids", &ids]);
    let path = doc["path"].as_str().unwrap();
    assert!(path.ends_with("declarations-2026-11-27.xlsx"), "{path}");
    assert!(std::fs::read(path).unwrap().starts_with(b"PK"));
    assert!(doc["bytes"].as_u64().unwrap() > 1000);

    let out = shop.run(&["documents", "worksheets", "--ids", &ids]);
    assert!(out.status.success());
    let progress = String::from_utf8(out.stderr).unwrap();
    assert!(
        progress.contains("워크시트 1/2") && progress.contains("워크시트 2/2"),
        "{progress}"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("declaration-12345-26-0000001A-2026-11-27.pdf"),
        "{stdout}"
    );

    let out = shop.run(&["documents", "worksheets", "--ids", &ids, "--json"]);
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "no progress lines with --json");
    let docs: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(docs.as_array().unwrap().len(), 2);
}

#[test]
fn errors_say_what_to_do() {
    let shop = Shop::new();
    shop.with_declaration("#E-1", "12345-26-0000009A");
    let out = shop.run(&["documents", "worksheet", "999"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("999"), "{err}");
    let out = shop.run(&["documents", "xlsx", "--ids", "1,999", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["problems"][0]["code"], "documents.unknown_declarations");
    let out = shop.run(&["documents", "worksheets"]);
    assert_eq!(out.status.code(), Some(2), "--ids is required");
}
