//! Backup → change everything → restore: every table comes back row for row, column for
//! column, and the schema is the same. The shop has a row in every table a user can fill.

mod common;

use common::{dump, first_difference, ok};
use rusqlite::Connection;

/// The tables of a dump (`common::dump`) that have no row.
fn empty_tables(dump: &str) -> Vec<String> {
    let mut empty = Vec::new();
    let mut current: Option<&str> = None;
    for line in dump.lines() {
        if let Some(name) = line.strip_prefix("== ") {
            if let Some(t) = current {
                empty.push(t.to_string());
            }
            current = Some(name);
        } else if current.is_some() {
            current = None;
        }
    }
    empty.extend(current.map(str::to_string));
    empty
}

#[test]
fn backup_then_restore_gives_back_every_table_row_for_row() {
    let dir = tempfile::tempdir().unwrap();
    let (db, shipment, _) = common::baseline(dir.path());

    // Fill the tables the baseline leaves empty: a loaded shipment, a supplier declaration, a
    // bill of materials, an own PSR rule, a saved import mapping, a loading extension, a
    // returned parcel and a setting (settings are saved by the window; written directly here).
    let first = ok(&db, &["declarations", "list"], None)[0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    ok(
        &db,
        &[
            "declarations",
            "extend",
            &first,
            "--requested-on",
            "2026-11-27",
            "--new-date",
            "2027-01-20",
            "--reason",
            "선적 지연",
        ],
        None,
    );
    Connection::open(&db)
        .unwrap()
        .execute(
            "INSERT OR REPLACE INTO settings(key, value) VALUES ('volumetric_divisor', '6000')",
            [],
        )
        .unwrap();
    ok(
        &db,
        &[
            "shipments",
            "load",
            &shipment,
            "--date",
            "2026-11-27",
            "--bl",
            "AWB-9",
        ],
        None,
    );
    ok(
        &db,
        &[
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
        ],
        None,
    );
    let bom = dir.path().join("bom.csv");
    std::fs::write(
        &bom,
        "재료명,HS코드,원산지,수량,단위,단가,공급자\n글리세린,2905.45,원산지확인서,0.01,KG,3000,한빛원료\n시어버터,1515.90,가나,0.02,KG,9000,Global Shea\n",
    )
    .unwrap();
    ok(&db, &["bom", "import", "1", bom.to_str().unwrap()], None);
    let ftas = ok(&db, &["origin", "ftas"], None);
    let fta = ftas[0]["code"].as_str().unwrap().to_string();
    ok(
        &db,
        &[
            "origin", "rule-add", "--fta", &fta, "--hs", "3304", "--rule", "CTH",
        ],
        None,
    );
    // A saved mapping: a built-in profile's shape under the shop's own name.
    let mut profile = ok(&db, &["import", "profiles"], None)[0].clone();
    profile["profile"]["name"] = "my-shop".into();
    profile["profile"]["title"] = "내 쇼핑몰".into();
    let mapping = dir.path().join("mapping.json");
    std::fs::write(&mapping, profile.to_string()).unwrap();
    ok(
        &db,
        &["import", "save-profile", mapping.to_str().unwrap()],
        None,
    );
    let decl = ok(&db, &["declarations", "list"], None)[0].clone();
    let id = decl["id"].as_i64().unwrap();
    let shown = ok(&db, &["declarations", "show", &id.to_string()], None);
    let line = &shown["declaration"]["lines"][0];
    let ret = serde_json::json!({
        "declaration_id": id, "return_date": "2026-11-27", "reason": "defect", "carrier": "EMS",
        "tracking_no": "RR1KR", "condition": "unused_unaltered", "drawback_status": "none_claimed",
        "note": "", "lines": [{"declaration_id": id, "line_no": line["line_no"], "quantity": "1",
        "duty_rate_percent": "6.5"}]
    });
    ok(&db, &["returns", "add", "-"], Some(&ret.to_string()));
    // A worksheet made: the papers table remembers it with the declaration's state.
    let sheet = dir.path().join("worksheet.pdf");
    ok(
        &db,
        &[
            "documents",
            "worksheet",
            &id.to_string(),
            "--out",
            sheet.to_str().unwrap(),
        ],
        None,
    );
    let papers = ok(&db, &["documents", "papers"], None);
    assert_eq!(papers.as_array().map(Vec::len), Some(1), "{papers}");
    assert_eq!(papers[0]["declaration_id"].as_i64(), Some(id));

    let before = dump(&db);
    let empty = empty_tables(&before);
    assert!(
        empty.is_empty(),
        "tables left empty, the round trip would not cover them: {empty:?}"
    );

    let backup = ok(&db, &["backup", "now"], None);
    let file = backup["path"].as_str().unwrap().to_string();

    // Change the data in many tables after the backup.
    let more = dir.path().join("more.csv");
    common::big_shopify(&more, 50, "X");
    ok(&db, &["import", "orders", more.to_str().unwrap()], None);
    ok(
        &db,
        &[
            "seller",
            "set",
            "--name",
            "바뀐상점",
            "--representative",
            "박바다",
            "--business-no",
            "220-81-62517",
            "--customs-code",
            "DALMU1234567890",
            "--address",
            "부산 해운대구",
        ],
        None,
    );
    assert_ne!(dump(&db), before);

    ok(&db, &["backup", "restore", &file], None);
    // Schema, then every table row for row in rowid order, every column.
    let after = dump(&db);
    assert!(after == before, "{}", first_difference(&before, &after));
}
