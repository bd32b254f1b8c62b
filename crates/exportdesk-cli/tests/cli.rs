//! The `exportdesk` binary as a user runs it: exit codes, messages, JSON shapes.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Shop {
    _dir: tempfile::TempDir,
    db: PathBuf,
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

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        serde_json::from_str(&self.ok(&all)).unwrap()
    }

    fn seller(&self, business_no: &str) -> Output {
        self.run(&[
            "seller",
            "set",
            "--name",
            "달무리상점",
            "--representative",
            "김하늘",
            "--business-no",
            business_no,
            "--address",
            "서울 성동구",
        ])
    }
}

#[test]
fn init_then_wrong_business_number_is_refused_in_korean_and_nothing_stored() {
    let shop = Shop::new();
    let status = shop.json(&["init"]);
    assert_eq!(status["schema_version"], exportdesk_store::SCHEMA_VERSION);
    assert_eq!(status["has_seller"], false);
    let out = shop.seller("220-81-62518");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("검증번호"), "{err}");
    assert_eq!(shop.json(&["status"])["has_seller"], false);
    assert_eq!(shop.json(&["status"])["changes"], 0);
    assert!(shop.seller("220-81-62517").status.success());
    assert_eq!(
        shop.json(&["seller", "show"])["business_no"],
        "220-81-62517"
    );
}

#[test]
fn errors_as_json_and_in_english() {
    let shop = Shop::new();
    let out = shop.run(&[
        "--json",
        "seller",
        "set",
        "--name",
        "x",
        "--representative",
        "y",
        "--business-no",
        "123",
        "--address",
        "z",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["problems"][0]["code"], "business_no.length");
    assert_eq!(v["problems"][0]["field"], "business_no");
    let out = shop.run(&[
        "--lang",
        "en",
        "products",
        "add",
        "--sku",
        "A",
        "--name-en",
        "Toner",
        "--hs",
        "3304.99.10",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("HS code has 2, 4 or 6 digits"));
}

#[test]
fn sample_load_and_orders_list() {
    let shop = Shop::new();
    assert!(shop.seller("2208162517").status.success());
    let loaded = shop.json(&["sample", "load"]);
    assert_eq!(loaded["orders"], 60);
    let orders = shop.json(&["orders", "list"]);
    assert_eq!(orders.as_array().unwrap().len(), 60);
    assert_eq!(
        orders[0]["order_date"], "2026-11-27",
        "newest first, dated around the load day"
    );
    let japan = shop.json(&["orders", "list", "--country", "JP"]);
    assert!(japan
        .as_array()
        .unwrap()
        .iter()
        .all(|o| o["currency"] == "JPY"));
    let first_id = orders[0]["id"].as_i64().unwrap().to_string();
    let order = shop.json(&["orders", "show", &first_id]);
    assert!(!order["lines"].as_array().unwrap().is_empty());
    let again = shop.run(&["sample", "load"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(shop.ok(&["products", "list"]).contains("KB-TONER-150"));
}

#[test]
fn rulebook_on_dates_under_old_and_new_regime() {
    let shop = Shop::new();
    let value = |date: &str, key: &str| -> Value {
        let v = shop.json(&["rulebook", "show", "--on", date]);
        v["values"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["key"] == key)
            .unwrap()
            .clone()
    };
    assert_eq!(
        value("2025-01-01", "simplified_limit_krw")["value"],
        "4000000"
    );
    assert_eq!(
        value("2026-01-01", "simplified_limit_krw")["value"],
        "5000000"
    );
    assert_eq!(
        value("2026-01-01", "simplified_limit_krw")["verified"],
        false
    );
    assert_eq!(
        value("2025-01-01", "loading_days")["source"],
        "Customs Act (관세법) art. 251(1)"
    );
    let human = shop.ok(&["rulebook", "show", "--on", "2025-01-01"]);
    assert!(
        human.contains("간이수출신고 한도") && human.contains("4000000"),
        "{human}"
    );
}

#[test]
fn malformed_rulebook_folder_names_file_and_line() {
    let shop = Shop::new();
    let dir = shop.dir().join("rules");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in exportdesk_rules_files() {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let ok = shop.run(&["rulebook", "show", "--dir", dir.to_str().unwrap()]);
    assert!(ok.status.success());
    let deadlines = std::fs::read_to_string(dir.join("deadlines.toml")).unwrap();
    std::fs::write(
        dir.join("deadlines.toml"),
        deadlines.replacen("value = 30", "value = \"thirty\"", 1),
    )
    .unwrap();
    let out = shop.run(&[
        "--lang",
        "en",
        "rulebook",
        "show",
        "--dir",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    let line = deadlines
        .lines()
        .position(|l| l.contains("value = 30"))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!("deadlines.toml line {line}")),
        "{err}"
    );
}

fn exportdesk_rules_files() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/rulebook");
    std::fs::read_dir(root)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().to_string(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn hs_search_by_korean_word_and_code() {
    let shop = Shop::new();
    let found = shop.json(&["hs", "search", "화장품"]);
    assert!(found[0]["code"].as_str().unwrap().starts_with("33"));
    let by_code = shop.json(&["hs", "search", "6109"]);
    assert_eq!(by_code[0]["code"], "6109");
}

#[test]
fn rates_import_is_all_or_nothing() {
    let shop = Shop::new();
    let bad = shop.dir().join("bad.csv");
    std::fs::write(
        &bad,
        "날짜,통화,환율\n2026-11-22,USD,1385.2\n2026-11-22,USD,abc\n",
    )
    .unwrap();
    let out = shop.run(&["rates", "import", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr).unwrap().contains("3행"));
    assert_eq!(shop.json(&["rates", "list"]).as_array().unwrap().len(), 0);
    let good = shop.dir().join("good.csv");
    std::fs::write(
        &good,
        "date,currency,rate,per\n2026-11-22,USD,1385.2,1\n2026-11-22,JPY,912.5,100\n",
    )
    .unwrap();
    shop.ok(&["rates", "import", good.to_str().unwrap()]);
    assert_eq!(
        shop.json(&["rates", "for", "--currency", "JPY", "--date", "2026-11-28"])["krw_per_unit"],
        "9.125"
    );
    let missing = shop.run(&["rates", "for", "--currency", "USD", "--date", "2026-11-29"]);
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn newer_database_is_refused_untouched() {
    let shop = Shop::new();
    shop.ok(&["init"]);
    shop.ok(&["backup", "now"]);
    // Bump the schema version in the file header, as a newer ExportDesk would.
    let mut bytes = std::fs::read(&shop.db).unwrap();
    bytes[60..64].copy_from_slice(&99i32.to_be_bytes());
    std::fs::write(&shop.db, &bytes).unwrap();
    let out = shop.run(&["status"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("더 새 버전"));
    assert_eq!(std::fs::read(&shop.db).unwrap(), bytes);
}

#[test]
fn backup_and_restore_from_the_command_line() {
    let shop = Shop::new();
    assert!(shop.seller("2208162517").status.success());
    let backup = shop.json(&["backup", "now"]);
    shop.ok(&["sample", "load"]);
    let path = backup["path"].as_str().unwrap().to_string();
    shop.ok(&["backup", "restore", &path]);
    assert_eq!(shop.json(&["status"])["orders"], 0);
    assert_eq!(shop.json(&["backup", "list"]).as_array().unwrap().len(), 2);
    let log = shop.json(&["log", "--limit", "5"]);
    assert!(!log.as_array().unwrap().is_empty());
}

#[test]
fn product_list_pdf_has_the_catalogue_in_korean() {
    let shop = Shop::new();
    assert!(shop.seller("2208162517").status.success());
    shop.ok(&["sample", "load"]);
    let out = shop.dir().join("products.pdf");
    let doc = shop.json(&["documents", "products", "--out", out.to_str().unwrap()]);
    assert_eq!(doc["path"], out.to_str().unwrap());
    let text = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&out)
        .arg("-")
        .output();
    let Ok(text) = text else {
        panic!("pdftotext (poppler-utils) is needed for this test");
    };
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("상품 목록 및 HS 코드표"), "{text}");
    assert!(text.contains("KB-TONER-150"));
    assert!(text.contains("3304.99-1000"));
    assert!(text.contains("달무리상점"));
    let compact: String = text.split_whitespace().collect();
    assert!(compact.contains("1/1"), "page x / y in the footer");
}

#[test]
fn declaration_life_cycle_from_the_command_line() {
    let shop = Shop::new();
    shop.ok(&[
        "seller",
        "set",
        "--name",
        "달무리상점",
        "--representative",
        "김하늘",
        "--business-no",
        "220-81-62517",
        "--address",
        "서울 성동구",
        "--customs-code",
        "DALMU1234567890",
    ]);
    shop.ok(&["sample", "load"]);
    let groups = shop.json(&["declarations", "groups"]);
    let ids: Vec<String> = groups[0]["order_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.to_string())
        .collect();
    let view = shop.json(&["declarations", "draft", "--orders", &ids.join(",")]);
    assert_eq!(view["declaration"]["state"], "draft");
    assert_eq!(view["kind"]["kind"], "simplified");
    let id = view["declaration"]["id"].to_string();
    let human = shop.ok(&["declarations", "show", &id]);
    assert!(human.contains("간이수출신고"), "{human}");
    shop.ok(&["declarations", "file", &id]);
    let accepted = shop.json(&[
        "declarations",
        "accept",
        &id,
        "--no",
        "12345-26-1234567X",
        "--date",
        "2026-11-27",
    ]);
    assert_eq!(accepted["declaration"]["loading_due"], "2026-12-28");
    assert_eq!(accepted["loading"]["date"]["raw"], "2026-12-27");
    let dash = shop.ok(&["dashboard"]);
    assert!(dash.contains("2026-12-28"), "{dash}");
    let late = shop.run(&[
        "declarations",
        "extend",
        &id,
        "--requested-on",
        "2026-12-29",
        "--new-date",
        "2027-01-20",
        "--reason",
        "선박 지연",
    ]);
    assert_eq!(late.status.code(), Some(1));
    assert!(String::from_utf8(late.stderr)
        .unwrap()
        .contains("적재기한(2026-12-28) 전에"));
    shop.ok(&[
        "declarations",
        "load",
        &id,
        "--date",
        "2026-12-01",
        "--bl",
        "AWB 180-12345675",
        "--carrier",
        "KOREA POST",
    ]);
    assert_eq!(
        shop.json(&["dashboard"])["items"].as_array().unwrap().len(),
        0
    );
    let list = shop.json(&["declarations", "list", "--state", "loaded"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(
        shop.run(&["declarations", "list", "--state", "done"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn bom_from_a_file_with_a_supplier_declaration() {
    let shop = Shop::new();
    assert!(shop.seller("2208162517").status.success());
    shop.json(&["sample", "load"]);
    let d = shop.json(&[
        "suppliers",
        "add",
        "--supplier",
        "한빛원료",
        "--materials",
        "글리세린 2905.45",
        "--from",
        "2026-01-01",
        "--until",
        "2026-12-15",
    ]);
    assert_eq!(d["supplier"], "한빛원료");
    let file = shop.dir().join("bom.csv");
    std::fs::write(
        &file,
        "재료명,HS코드,원산지,수량,단위,단가,공급자\n글리세린,2905.45,원산지확인서,0.01,KG,3000,한빛원료\n시어버터,1515.90,가나,0.02,KG,9000,Global Shea\n",
    )
    .unwrap();
    let bom = shop.json(&["bom", "import", "1", file.to_str().unwrap()]);
    assert_eq!(bom["lines"][0]["origin"]["kind"], "declared");
    assert_eq!(bom["lines"][1]["origin"]["country"], "GH");
    assert_eq!(shop.json(&["bom", "list"])[0]["lines"], 2);
    // The declaration is in use: it cannot be deleted.
    let out = shop.run(&["suppliers", "delete", &d["id"].to_string()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("자재명세서"));
    // A bad row: nothing changes, the row and column are named.
    std::fs::write(
        &file,
        "재료명,HS코드,원산지,수량,단위,단가\n설탕,17,KR,1,KG,x\n",
    )
    .unwrap();
    let out = shop.run(&["--lang", "en", "bom", "import", "1", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("row 2, column 'HS코드'"), "{err}");
    assert_eq!(
        shop.json(&["bom", "show", "1"])["lines"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}
