//! `exportdesk shipments` as a user runs it: two declarations, auto-packed, refused over-packing,
//! loaded together, deadlines gone from the dashboard.

mod common;

use common::run;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn ok(db: &Path, args: &[&str]) -> Value {
    common::ok(db, args, None)
}

#[test]
fn two_declarations_auto_packed_and_loaded_in_one_go() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.sqlite3");
    common::sample_shop(&db);
    let groups = ok(&db, &["declarations", "groups"]);
    let mut decls = Vec::new();
    for (n, g) in groups.as_array().unwrap().iter().take(2).enumerate() {
        let orders: Vec<String> = g["order_ids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o.to_string())
            .collect();
        let d = ok(
            &db,
            &["declarations", "draft", "--orders", &orders.join(",")],
        );
        let id = d["declaration"]["id"].as_i64().unwrap().to_string();
        ok(
            &db,
            &[
                "declarations",
                "edit",
                &id,
                "--transport",
                "courier",
                "--port",
                "ICN",
            ],
        );
        ok(&db, &["declarations", "file", &id]);
        ok(
            &db,
            &[
                "declarations",
                "accept",
                &id,
                "--no",
                &format!("12345-26-90000{n}X"),
                "--date",
                "2026-11-27",
            ],
        );
        decls.push(id);
    }
    let v = ok(
        &db,
        &[
            "shipments",
            "create",
            "--declarations",
            &decls.join(","),
            "--consignee",
            "Tokyo Fulfilment",
            "--address",
            "1-2-3 Koto, Tokyo",
        ],
    );
    let sid = v["shipment"]["id"].as_i64().unwrap().to_string();
    assert_eq!(v["shipment"]["consignee_name"], "Tokyo Fulfilment");
    assert_eq!(v["can_load"], false);

    // Everything in one carton but one unit too many of the first line: refused at loading.
    let lines = v["lines"].as_array().unwrap();
    let items: Vec<Value> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let mut q: i64 = l["quantity"].as_str().unwrap().parse().unwrap();
            if i == 0 {
                q += 1;
            }
            serde_json::json!({"declaration_id": l["declaration_id"], "line_no": l["line_no"], "quantity": q.to_string()})
        })
        .collect();
    let cartons = serde_json::json!([{"length_cm": "40", "width_cm": "30", "height_cm": "20", "gross_kg": "9", "items": items}]);
    let out = run(
        &db,
        &["shipments", "pack", &sid, "-", "--json"],
        Some(&cartons.to_string()),
    );
    assert!(out.status.success());
    let packed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(packed["check"]["problems"][0]["code"], "packing.extra");
    let out = run(
        &db,
        &[
            "shipments",
            "load",
            &sid,
            "--date",
            "2026-11-27",
            "--bl",
            "AWB-1",
            "--json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let err: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(err["problems"][0]["code"], "shipment.not_ready");

    // Auto-pack proposes and stores cartons that pass the check; loading closes both deadlines.
    let v = ok(
        &db,
        &[
            "shipments",
            "autopack",
            &sid,
            "--size",
            "40x30x30",
            "--max-kg",
            "5",
            "--tare-kg",
            "0.5",
            "--save",
        ],
    );
    assert_eq!(v["can_load"], true, "{v}");
    let dash = ok(&db, &["dashboard"]);
    let open = |d: &Value| {
        d["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| {
                decls
                    .iter()
                    .any(|x| i["deadline"]["declaration_id"].as_i64() == x.parse().ok())
            })
            .count()
    };
    assert_eq!(open(&dash), 2);
    let v = ok(
        &db,
        &[
            "shipments",
            "load",
            &sid,
            "--date",
            "2026-11-27",
            "--bl",
            "AWB-777",
            "--carrier",
            "EMS",
            "--tracking",
            "EE1KR,EE2KR",
        ],
    );
    assert_eq!(v["shipment"]["state"], "loaded");
    assert_eq!(
        v["shipment"]["tracking_numbers"],
        serde_json::json!(["EE1KR", "EE2KR"])
    );
    assert!(v["declarations"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["state"] == "loaded"));
    assert_eq!(open(&ok(&db, &["dashboard"])), 0);
    let list = ok(&db, &["shipments", "list"]);
    assert_eq!(list[0]["state"], "loaded");
    assert_eq!(list[0]["bl_awb"], "AWB-777");

    // The papers: four files, the packing list names the reference and every carton.
    let docs = ok(&db, &["documents", "shipment", &sid]);
    let paths: Vec<&str> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 4);
    assert!(paths.iter().any(|p| p.ends_with(".xlsx")));
    let packing = paths
        .iter()
        .find(|p| p.contains("packing-list") && p.ends_with(".pdf"))
        .unwrap();
    let text = Command::new("pdftotext")
        .args(["-layout", packing, "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    let reference = v["shipment"]["reference"].as_str().unwrap();
    assert!(
        text.contains("PACKING LIST") && text.contains(reference),
        "{text}"
    );
    assert!(text.contains("CARTON 1 / "), "{text}");
    assert!(text.contains("AWB-777"), "{text}");

    // Bad cartons: a clear message naming the field.
    let out = run(&db, &["shipments", "pack", &sid, "-"], Some("not json"));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("상자 목록(JSON)"));
}
