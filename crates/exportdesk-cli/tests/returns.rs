//! `exportdesk returns` as a user runs it: a partial return of a loaded export, judged,
//! a second return over what is left refused, the claim filed and granted.

mod common;

use common::{ok, run};
use std::process::Command;

#[test]
fn a_partial_return_is_judged_and_its_claim_carried_through() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.sqlite3");
    common::sample_shop(&db);
    let g = &ok(&db, &["declarations", "groups"], None)[0];
    let orders: Vec<String> = g["order_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.to_string())
        .collect();
    let d = ok(
        &db,
        &["declarations", "draft", "--orders", &orders.join(",")],
        None,
    );
    let id = d["declaration"]["id"].as_i64().unwrap();
    let line = &d["declaration"]["lines"][0];
    let exported: i64 = line["quantity"].as_str().unwrap().parse().unwrap();
    let sid = id.to_string();
    ok(
        &db,
        &[
            "declarations",
            "edit",
            &sid,
            "--transport",
            "courier",
            "--port",
            "ICN",
        ],
        None,
    );
    ok(&db, &["declarations", "file", &sid], None);
    ok(
        &db,
        &[
            "declarations",
            "accept",
            &sid,
            "--no",
            "12345-26-600002X",
            "--date",
            "2026-11-27",
        ],
        None,
    );
    ok(
        &db,
        &[
            "declarations",
            "load",
            &sid,
            "--date",
            "2026-11-27",
            "--bl",
            "AWB-1",
        ],
        None,
    );

    let ret = |qty: i64, condition: &str| {
        serde_json::json!({
            "declaration_id": id, "return_date": "2026-11-27", "reason": "defect", "carrier": "EMS",
            "tracking_no": "RR1KR", "condition": condition, "drawback_status": "none_claimed", "note": "",
            "lines": [{"declaration_id": id, "line_no": line["line_no"], "quantity": qty.to_string(), "duty_rate_percent": "6.5"}]
        })
        .to_string()
    };
    let v = ok(
        &db,
        &["returns", "add", "-"],
        Some(&ret(1, "unused_unaltered")),
    );
    assert_eq!(v["verdict"]["outcome"], "eligible", "{v}");
    let rid = v["ret"]["id"].as_i64().unwrap().to_string();
    let dash = ok(&db, &["dashboard"], None);
    assert_eq!(
        dash["reimport_deadlines"][0]["return_id"]
            .as_i64()
            .unwrap()
            .to_string(),
        rid
    );

    // More than is left: refused, nothing stored.
    let out = run(
        &db,
        &["--lang", "en", "returns", "add", "-"],
        Some(&ret(exported, "unused_unaltered")),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("lines[0].quantity"));
    assert_eq!(
        ok(&db, &["returns", "list"], None)
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // The claim paper names the declaration; the month's summary is written.
    let doc = ok(&db, &["documents", "return-claim", &rid], None);
    let text = Command::new("pdftotext")
        .args(["-layout", doc["path"].as_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("12345-26-600002X"), "{text}");
    let month = ok(
        &db,
        &[
            "documents",
            "returns-month",
            "--year",
            "2026",
            "--month",
            "11",
        ],
        None,
    );
    assert!(month["path"]
        .as_str()
        .unwrap()
        .ends_with("returns-2026-11.pdf"));
    let filed = ok(
        &db,
        &[
            "returns",
            "file",
            &rid,
            "--date",
            "2026-11-27",
            "--import-no",
            "IM-1",
        ],
        None,
    );
    assert_eq!(filed["ret"]["claim_state"], "filed");
    let granted = ok(
        &db,
        &[
            "returns",
            "decide",
            &rid,
            "--granted",
            "--date",
            "2026-11-27",
        ],
        None,
    );
    assert_eq!(granted["ret"]["claim_state"], "granted");
    assert!(ok(&db, &["dashboard"], None)["reimport_deadlines"]
        .as_array()
        .unwrap()
        .is_empty());
    let out = run(&db, &["returns", "delete", &rid], None);
    assert_eq!(out.status.code(), Some(1));
}
