//! A corpus of bad inputs for every `exportdesk` command: each must exit non-zero with a message
//! that says what to fix, and leave every table of the database exactly as it was.

mod common;

use common::{dump, first_difference};

use exportdesk_app::{App, DraftEdit, DraftRequest, FixedClock, ShipmentRequest};
use exportdesk_rules::records::SellerDraft;
use exportdesk_rules::reimport::{ReturnDraft, ReturnLineDraft};
use std::path::{Path, PathBuf};

const SQL: &str = "'; DROP TABLE orders;--";
const FORMULA: &str = "=cmd|' /C calc'!A0";

/// Ids and files the cases aim at.
struct Seed {
    db: PathBuf,
    draft: String,
    filed: String,
    accepted: String,
    loaded: String,
    shipment: String,
    ret: String,
    product: String,
    order: String,
    not_a_backup: String,
    missing_file: String,
    bad_json: String,
    bad_csv: String,
}

/// A sample shop (seeded through the use cases, on the CLI's test day) with declarations in
/// every state, a shipment, a return and files to feed the commands.
fn shop(dir: &Path) -> Seed {
    let db = dir.join("shop.sqlite3");
    let mut app = App::open(&db, Box::new(FixedClock::parse("2026-11-27").unwrap())).unwrap();
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
    let groups = app.propose_groups(None).unwrap();
    let mut ids = Vec::new();
    for g in groups.iter().take(4) {
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
        ids.push(id);
    }
    for (n, &id) in ids[1..].iter().enumerate() {
        app.file_declaration(id, None).unwrap();
        if n > 0 {
            app.accept_declaration(id, &format!("12345-26-80000{n}X"), "2026-11-27")
                .unwrap();
        }
    }
    app.record_loading(ids[3], "2026-11-27", "AWB-1", "EMS")
        .unwrap();
    let shipment = app
        .create_shipment(&ShipmentRequest {
            declaration_ids: vec![ids[2]],
            ..Default::default()
        })
        .unwrap()
        .shipment
        .id;
    let line = app.declaration_view(ids[3]).unwrap().declaration.lines[0].line_no;
    let ret = app
        .save_return(
            None,
            &ReturnDraft {
                declaration_id: ids[3],
                return_date: "2026-11-27".into(),
                reason: "defect".into(),
                condition: "unused_unaltered".into(),
                drawback_status: "none_claimed".into(),
                lines: vec![ReturnLineDraft {
                    declaration_id: ids[3],
                    line_no: line,
                    quantity: "1".into(),
                    duty_rate_percent: "6.5".into(),
                }],
                ..Default::default()
            },
        )
        .unwrap()
        .ret
        .id;
    let product = app.products("").unwrap()[0].product.id;
    let order = groups[4].order_ids[0];
    drop(app);
    let not_a_backup = dir.join("notes.sqlite3");
    std::fs::write(&not_a_backup, "이건 백업이 아닙니다\n").unwrap();
    let bad_json = dir.join("bad.json");
    std::fs::write(&bad_json, "{ \"currency\": \"KRW\", ").unwrap();
    let bad_csv = dir.join("bad.csv");
    std::fs::write(
        &bad_csv,
        "date,currency,rate\n2026-11-23,USD,1400\n2026-11-30,USD,abc\n",
    )
    .unwrap();
    let s = |p: &Path| p.display().to_string();
    Seed {
        draft: ids[0].to_string(),
        filed: ids[1].to_string(),
        accepted: ids[2].to_string(),
        loaded: ids[3].to_string(),
        shipment: shipment.to_string(),
        ret: ret.to_string(),
        product: product.to_string(),
        order: order.to_string(),
        not_a_backup: s(&not_a_backup),
        missing_file: s(&dir.join("no-such-file.csv")),
        bad_json: s(&bad_json),
        bad_csv: s(&bad_csv),
        db,
    }
}

/// One bad command line: its arguments, standard input, and a piece of what it must say.
struct Case {
    args: Vec<String>,
    stdin: Option<String>,
    expect: String,
}

fn case(args: &[&str], stdin: Option<&str>, expect: &str) -> Case {
    Case {
        args: args.iter().map(|a| a.to_string()).collect(),
        stdin: stdin.map(str::to_string),
        expect: expect.to_string(),
    }
}

fn cases(s: &Seed) -> Vec<Case> {
    let (draft, filed, accepted, loaded) = (
        s.draft.as_str(),
        s.filed.as_str(),
        s.accepted.as_str(),
        s.loaded.as_str(),
    );
    let (shipment, ret, product, order) = (
        s.shipment.as_str(),
        s.ret.as_str(),
        s.product.as_str(),
        s.order.as_str(),
    );
    let (missing, bad_json, bad_csv, not_backup) = (
        s.missing_file.as_str(),
        s.bad_json.as_str(),
        s.bad_csv.as_str(),
        s.not_a_backup.as_str(),
    );
    let seller = |field: &str, value: &str| -> Vec<String> {
        let mut args: Vec<String> = [
            "seller",
            "set",
            "--name",
            "달무리상점",
            "--representative",
            "김하늘",
            "--business-no",
            "220-81-62517",
            "--address",
            "서울특별시 성동구",
        ]
        .iter()
        .map(|a| a.to_string())
        .collect();
        if let Some(i) = args.iter().position(|a| a == field) {
            args[i + 1] = value.to_string();
        } else {
            args.push(field.to_string());
            args.push(value.to_string());
        }
        args
    };
    let with = |args: Vec<String>, expect: &str| Case {
        args,
        stdin: None,
        expect: expect.to_string(),
    };
    vec![
        // usage errors (clap): unknown command, missing and malformed arguments
        case(&["frobnicate"], None, "frobnicate"),
        case(&["products", "show"], None, "<ID>"),
        case(&["products", "show", "abc"], None, "abc"),
        case(&["orders", "show", "1.5"], None, "1.5"),
        case(&["declarations", "draft", "--orders", "1,x"], None, "x"),
        case(&["log", "--limit", "-5"], None, "-5"),
        case(&["documents", "returns-month", "--year", "2026"], None, "--month"),
        // seller set
        with(seller("--name", " "), "상호"),
        with(seller("--business-no", "220-81-62518"), "검증번호"),
        with(seller("--business-no", SQL), "사업자"),
        with(seller("--customs-code", "ABC"), "통관고유부호"),
        with(seller("--email", "shop@"), "이메일"),
        with(seller("--platform-based", "--platforms"), "--platforms"),
        // sample load into a shop with data
        case(&["sample", "load"], None, "예시 데이터"),
        // products
        case(&["products", "add", "--sku", " ", "--name-ko", "테스트"], None, "SKU"),
        case(&["products", "add", "--sku", "T-1"], None, "품명"),
        case(&["products", "add", "--sku", "T-1", "--name-ko", "테스트", "--hs", "3304"], None, "6자리"),
        case(&["products", "add", "--sku", "T-1", "--name-ko", "테스트", "--hs", SQL], None, "HS"),
        case(&["products", "add", "--sku", "T-1", "--name-ko", "테스트", "--unit", "BUCKET"], None, "단위"),
        case(&["products", "add", "--sku", "T-1", "--name-ko", "테스트", "--net-weight-kg", "-1"], None, "음수"),
        case(&["products", "add", "--sku", "T-1", "--name-ko", "테스트", "--origin", "ZZ"], None, "국가"),
        case(&["products", "add", "--sku", &FORMULA.repeat(5), "--name-ko", "테스트"], None, "64자"),
        case(&["products", "show", "987654"], None, "찾을 수 없습니다"),
        case(&["products", "delete", "987654"], None, "찾을 수 없습니다"),
        // orders and buyers
        case(&["orders", "show", "987654"], None, "찾을 수 없습니다"),
        case(&["orders", "delete", "987654"], None, "찾을 수 없습니다"),
        // rates
        case(&["rates", "add", "--date", "2026-11-23", "--currency", "USD", "--rate", "0"], None, "0보다 커야"),
        case(&["rates", "add", "--date", "2026-11-23", "--currency", "KRW", "--rate", "1"], None, "원화"),
        case(&["rates", "add", "--date", "2026-11-23", "--currency", SQL, "--rate", "1400"], None, "통화"),
        case(&["rates", "add", "--date", "someday", "--currency", "USD", "--rate", "1400"], None, "연-월-일"),
        case(&["rates", "add", "--date", "2026-11-23", "--currency", "USD", "--rate", "1400", "--per", "0"], None, "기준 단위"),
        case(&["rates", "import", missing], None, "읽을 수 없습니다"),
        case(&["rates", "import", bad_csv], None, "abc"),
        case(&["rates", "import", bad_json], None, "date"),
        case(&["rates", "for", "--currency", "USD", "--date", "2026-02-30"], None, "연-월-일"),
        case(&["rates", "for", "--currency", "USD", "--date", "1999-01-01"], None, "환율"),
        // rulebook
        case(&["rulebook", "show", "--on", "2026-13-01"], None, "연-월-일"),
        case(&["rulebook", "show", "--dir", missing], None, "규칙 폴더"),
        // backups
        case(&["backup", "restore", not_backup], None, "백업"),
        case(&["backup", "restore", missing], None, "없습니다"),
        // declarations
        case(&["declarations", "list", "--state", "sideways"], None, "상태가 아닙니다"),
        case(&["declarations", "draft", "--orders", "987654"], None, "주문"),
        case(&["declarations", "draft", "--orders", order, "--date", "11/27/2026"], None, "연-월-일"),
        case(&["declarations", "draft", "--orders", order, "--freight", "-10"], None, "음수"),
        case(&["declarations", "show", "987654"], None, "찾을 수 없습니다"),
        case(&["declarations", "edit", draft, "--transport", "teleport"], None, "운송수단"),
        case(&["declarations", "edit", draft, "--freight", SQL], None, "숫자로 입력하세요"),
        case(&["declarations", "edit", filed, "--port", "PUS"], None, "작성 중"),
        case(&["declarations", "refresh", filed], None, "작성 중"),
        case(&["declarations", "delete", filed], None, "지울 수 없습니다"),
        case(&["declarations", "file", draft, "--date", "2026-13-01"], None, "연-월-일"),
        case(&["declarations", "file", filed], None, "작성 중"),
        case(&["declarations", "accept", filed, "--no", " ", "--date", "2026-11-27"], None, "신고번호"),
        case(&["declarations", "accept", filed, "--no", "12345-26-800001X", "--date", "2026-11-27"], None, "이미 기록"),
        case(&["declarations", "accept", filed, "--no", "12345-26-800009X", "--date", "tomorrow"], None, "연-월-일"),
        case(&["declarations", "accept", draft, "--no", "12345-26-800009X", "--date", "2026-11-27"], None, "신고"),
        case(&["declarations", "extend", accepted, "--requested-on", "2026-11-27", "--new-date", "2026-11-01", "--reason", "지연"], None, "뒤여야 합니다"),
        case(&["declarations", "extend", accepted, "--requested-on", "2026-11-27", "--new-date", "2027-03-01", "--reason", " "], None, "사유"),
        case(&["declarations", "load", accepted, "--date", "2026-11-27", "--bl", " "], None, "B/L"),
        case(&["declarations", "load", filed, "--date", "2026-11-27", "--bl", "AWB-2"], None, "수리"),
        case(&["declarations", "load", accepted, "--date", "2026-11-27", "--bl", "AWB-2", "--carrier", &FORMULA.repeat(5)], None, "60자"),
        case(&["declarations", "cancel", accepted, "--date", "2026-11-27", "--reason", ""], None, "사유"),
        case(&["declarations", "cancel", loaded, "--date", "2026-11-27", "--reason", "주문 취소"], None, "취소"),
        case(&["declarations", "provisional", accepted, "--paid-on", "someday"], None, "연-월-일"),
        case(&["declarations", "final-price", accepted, "--fob-krw", "1000000", "--date", "2027-01-20"], None, "잠정"),
        // shipments
        case(&["shipments", "create"], None, "하나 이상 고르세요"),
        case(&["shipments", "create", "--declarations", "987654"], None, "찾을 수 없습니다"),
        case(&["shipments", "create", "--declarations", accepted], None, "이미 선적"),
        case(&["shipments", "create", "--declarations", loaded], None, "이미 적재"),
        case(&["shipments", "show", "987654"], None, "찾을 수 없습니다"),
        case(&["shipments", "edit", shipment, "--consignee", &FORMULA.repeat(10)], None, "100자"),
        case(&["shipments", "edit", shipment, "--reference", " "], None, "참조번호"),
        case(&["shipments", "pack", shipment, missing], None, "읽을 수 없습니다"),
        case(&["shipments", "pack", shipment, "-"], Some("[{\"length_cm\": 40,"), "JSON"),
        case(&["shipments", "pack", shipment, "-"], Some(&format!("[{{\"length_cm\":\"40\",\"width_cm\":\"30\",\"height_cm\":\"20\",\"gross_kg\":\"-2\",\"items\":[{{\"declaration_id\":{accepted},\"line_no\":1,\"quantity\":\"1\"}}]}}]")), "0보다 커야"),
        case(&["shipments", "autopack", shipment, "--size", "60x40", "--max-kg", "20"], None, "가로x세로x높이"),
        case(&["shipments", "autopack", shipment, "--size", "60x40x40", "--max-kg", "0"], None, "최대 총중량"),
        case(&["shipments", "load", shipment, "--date", "2026-11-27", "--bl", "AWB-3"], None, "아직 적재할 수 없습니다"),
        case(&["shipments", "delete", "987654"], None, "찾을 수 없습니다"),
        // bills of materials and supplier declarations
        case(&["bom", "import", product, missing], None, "읽을 수 없습니다"),
        case(&["bom", "import", product, bad_csv], None, "필요한 열이 없습니다"),
        case(&["bom", "set", product, bad_json], None, "JSON"),
        case(&["bom", "set", product, "-"], Some("{\"currency\":\"ABC\",\"lines\":[]}"), "통화"),
        case(&["bom", "set", "987654", "-"], Some("{\"currency\":\"KRW\",\"lines\":[]}"), "찾을 수 없습니다"),
        case(&["bom", "delete", "987654"], None, "찾을 수 없습니다"),
        case(&["suppliers", "add", "--supplier", " ", "--materials", "글리세린", "--from", "2026-01-01", "--until", "2026-12-31"], None, "공급자"),
        case(&["suppliers", "add", "--supplier", "한빛", "--materials", "글리세린", "--from", "2026-12-31", "--until", "2026-01-01"], None, "시작일"),
        case(&["suppliers", "add", "--supplier", "한빛", "--materials", "글리세린", "--from", SQL, "--until", "2026-12-31"], None, "연-월-일"),
        case(&["suppliers", "delete", "987654"], None, "찾을 수 없습니다"),
        // origin
        case(&["origin", "check", product, "--fta", "KR-MARS"], None, "자재명세서가 없습니다"),
        case(&["origin", "check", product, "--fta", "KR-EU", "--date", "32/13/2026"], None, "연-월-일"),
        case(&["origin", "check", "987654", "--fta", "KR-EU"], None, "찾을 수 없습니다"),
        case(&["origin", "compare", product, "--to", SQL], None, "자재명세서가 없습니다"),
        case(&["origin", "rule-add", "--fta", "KR-EU", "--hs", "3305", "--rule", "CTH or or"], None, "규칙 용어"),
        case(&["origin", "rule-add", "--fta", "KR-MARS", "--hs", "3305", "--rule", "CTH"], None, "알 수 없는 FTA"),
        case(&["origin", "rule-add", "--fta", "KR-EU", "--hs", SQL, "--rule", "CTH"], None, "HS 범위"),
        case(&["origin", "rule-delete", "987654"], None, "찾을 수 없습니다"),
        case(&["origin", "rules", "--fta", "KR-MARS"], None, "알 수 없는 FTA"),
        case(&["bom", "show", "987654"], None, "찾을 수 없습니다"),
        // returns
        case(&["returns", "show", "987654"], None, "찾을 수 없습니다"),
        case(&["returns", "add", missing], None, "읽을 수 없습니다"),
        case(&["returns", "add", "-"], Some("not json"), "JSON"),
        case(&["returns", "add", "-"], Some(&format!("{{\"declaration_id\":{loaded},\"return_date\":\"2026-11-27\",\"reason\":\"defect\",\"carrier\":\"\",\"tracking_no\":\"\",\"condition\":\"unused_unaltered\",\"drawback_status\":\"none_claimed\",\"note\":\"\",\"lines\":[{{\"declaration_id\":{loaded},\"line_no\":1,\"quantity\":\"100000\",\"duty_rate_percent\":\"6.5\"}}]}}")), "반품할 수 있는데"),
        case(&["returns", "file", ret, "--date", "2026/02/30"], None, "연-월-일"),
        case(&["returns", "decide", ret, "--granted", "--date", "2026-11-27"], None, "제출한 신청만"),
        case(&["returns", "decide", ret, "--granted", "--denied", "--date", "2026-11-27"], None, "--granted 또는 --denied"),
        case(&["returns", "decide", ret, "--date", "2026-11-27"], None, "--granted 또는 --denied"),
        case(&["returns", "delete", "987654"], None, "찾을 수 없습니다"),
        // documents
        case(&["documents", "worksheet", "987654"], None, "찾을 수 없습니다"),
        case(&["documents", "worksheets", "--ids", "987654"], None, "찾을 수 없습니다"),
        case(&["documents", "xlsx", "--ids", "987654"], None, "찾을 수 없습니다"),
        case(&["documents", "invoice", "987654"], None, "찾을 수 없습니다"),
        case(&["documents", "packing-list", "987654"], None, "찾을 수 없습니다"),
        case(&["documents", "marks", "987654"], None, "찾을 수 없습니다"),
        case(&["documents", "packing-xlsx", "987654"], None, "찾을 수 없습니다"),
        case(&["documents", "shipment", "987654"], None, "찾을 수 없습니다"),
        case(&["documents", "return-claim", "987654"], None, "찾을 수 없습니다"),
        case(&["documents", "returns-month", "--year", "2026", "--month", "13"], None, "올바른 달이 아닙니다"),
        case(&["documents", "origin-worksheet", product, "--fta", "KR-MARS"], None, "자재명세서가 없습니다"),
        case(&["documents", "origin-certificate", "987654", "--fta", "KR-EU"], None, "찾을 수 없습니다"),
        case(&["documents", "products", "--out", "/proc/no-such-dir/x.pdf"], None, "저장할 수 없습니다"),
        // import
        case(&["import", "orders", missing], None, "읽을 수 없습니다"),
        case(&["import", "orders", bad_csv, "--profile", "no-such-profile"], None, "no-such-profile"),
        case(&["import", "orders", bad_csv, "--encoding", "ebcdic"], None, "ebcdic"),
        case(&["import", "orders", bad_csv, "--mapping", missing], None, "읽을 수 없습니다"),
        case(&["import", "orders", bad_csv, "--mapping", bad_json], None, "JSON"),
        case(&["import", "orders", bad_csv, "--profile", "shopify", "--hs", "nonsense"], None, "필요한 열이 없습니다"),
        case(&["import", "save-profile", missing], None, "읽을 수 없습니다"),
        case(&["import", "save-profile", bad_json], None, "JSON"),
        case(&["import", "delete-profile", "no-such-profile"], None, "no-such-profile"),
        // stateless checks: bad JSON on standard input
        case(&["check", "declaration"], Some(""), "JSON"),
        case(&["check", "declaration"], Some("{\"lines\": ["), "JSON"),
        case(&["check", "declaration"], Some(&format!("{{\"currency\":\"{SQL}\"}}")), "JSON"),
        case(&["check", "deadlines"], Some("[]"), "JSON"),
        case(&["check", "deadlines"], Some("{\"accepted_on\":\"someday\"}"), "연-월-일"),
        case(&["check", "origin"], Some("{"), "JSON"),
        case(&["check", "origin"], Some("{\"fta\":\"KR-MARS\"}"), "JSON"),
        case(&["check", "reimport"], Some("null"), "JSON"),
        case(&["check", "reimport"], Some("{\"return_date\":\"2026-02-30\"}"), "JSON"),
    ]
}

fn has_hangul(s: &str) -> bool {
    s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

#[test]
fn every_command_refuses_bad_input_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let seed = shop(dir.path());
    let all = cases(&seed);
    let total = all.len();
    let mut failures = Vec::new();
    for c in all {
        let args: Vec<&str> = c.args.iter().map(String::as_str).collect();
        let before = dump(&seed.db);
        let out = common::run(&seed.db, &args, c.stdin.as_deref());
        let after = dump(&seed.db);
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let said = format!("{stdout}{stderr}");
        let mut why = Vec::new();
        let code = out.status.code();
        match code {
            Some(0) => why.push("exited 0".to_string()),
            None => why.push("killed by a signal".to_string()),
            Some(1) => {
                // A problem the data or input has: said in Korean, the default language.
                if !has_hangul(&stderr) || !stderr.contains("오류") {
                    why.push(format!("no Korean error on stderr: {said}"));
                }
            }
            Some(2) => {
                // A usage error: clap's message with the usage line.
                if !stderr.contains("Usage") && !stderr.contains("error") {
                    why.push(format!("no usage message: {said}"));
                }
            }
            Some(n) => why.push(format!("unexpected exit code {n}")),
        }
        if said.contains("panicked") || said.contains("RUST_BACKTRACE") {
            why.push("panicked".to_string());
        }
        if said.trim().is_empty() {
            why.push("said nothing".to_string());
        }
        if !said.contains(&c.expect) {
            why.push(format!("does not say {:?}", c.expect));
        }
        if before != after {
            why.push(format!(
                "changed the database: {}",
                first_difference(&before, &after)
            ));
        }
        if std::env::var_os("BAD_INPUT_SHOW").is_some() || !why.is_empty() {
            let what = format!(
                "exportdesk {} [exit {code:?}]\n    said: {}",
                c.args.join(" "),
                said.trim().replace('\n', "\n          ")
            );
            if why.is_empty() {
                eprintln!("{what}");
            } else {
                failures.push(format!("{what}\n    {}", why.join("\n    ")));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {total} bad command lines were not handled:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn english_mode_says_it_in_english_and_json_mode_as_problems() {
    let dir = tempfile::tempdir().unwrap();
    let seed = shop(dir.path());
    let before = dump(&seed.db);
    let out = common::run(
        &seed.db,
        &[
            "--lang", "en", "products", "add", "--sku", "T-1", "--hs", "3304",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("error [hs_code]"), "{stderr}");
    assert!(stderr.contains("6-digit subheading"), "{stderr}");
    assert!(!has_hangul(&stderr), "{stderr}");
    let out = common::run(
        &seed.db,
        &["--json", "declarations", "show", "987654"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let p = &v["problems"][0];
    assert_eq!(p["code"], "record.not_found");
    assert!(has_hangul(p["message_ko"].as_str().unwrap()));
    assert!(!p["message_en"].as_str().unwrap().is_empty());
    assert_eq!(dump(&seed.db), before);
}
