//! A corpus of bad inputs for every form the desktop app sends (src-tauri/src/main.rs): each one
//! must be refused with a Korean message that says what to fix, and must leave every table of the
//! database exactly as it was.

use exportdesk_app::{
    App, DraftEdit, DraftRequest, FixedClock, ImportRequest, Settings, ShipmentEdit,
    ShipmentLoading, ShipmentRequest,
};
use exportdesk_import::{Field, Profile};
use exportdesk_rules::bom::{BomDraft, BomLineDraft, SupplierDeclarationDraft};
use exportdesk_rules::origin::UserRule;
use exportdesk_rules::problem::Lang;
use exportdesk_rules::rates::RateDraft;
use exportdesk_rules::records::{
    BuyerDraft, OrderDraft, OrderLineDraft, ProductDraft, SellerDraft,
};
use exportdesk_rules::reimport::{ReturnDraft, ReturnLineDraft};
use exportdesk_rules::shipment::{AutoPackRequest, CartonDraft, CartonItemDraft};
use exportdesk_rules::Problems;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

const FORMULA: &str = "=cmd|' /C calc'!A0";
const SQL: &str = "'; DROP TABLE orders;--";
const MISSING: i64 = 987_654;

// ---- the database, table by table ---------------------------------------------------------------

/// Every table of the database (schema, then rows in rowid order), rendered as text.
fn dump(db: &Path) -> String {
    let c = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut out = String::new();
    let version: i64 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    out.push_str(&format!("user_version {version}\n"));
    let mut schema = c
        .prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
        .unwrap();
    let objects: Vec<(String, String, Option<String>)> = schema
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (kind, name, sql) in &objects {
        out.push_str(&format!(
            "{kind} {name}: {}\n",
            sql.as_deref().unwrap_or("")
        ));
    }
    for (kind, name, sql) in &objects {
        if kind != "table" {
            continue;
        }
        let without_rowid = sql
            .as_deref()
            .is_some_and(|s| s.to_ascii_uppercase().contains("WITHOUT ROWID"));
        let order = if without_rowid { "1" } else { "rowid" };
        let mut stmt = c
            .prepare(&format!("SELECT * FROM \"{name}\" ORDER BY {order}"))
            .unwrap();
        let n = stmt.column_count();
        out.push_str(&format!("== {name}\n"));
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let cells: Vec<String> = (0..n)
                .map(|i| match row.get_ref(i).unwrap() {
                    ValueRef::Null => "NULL".to_string(),
                    ValueRef::Integer(v) => v.to_string(),
                    ValueRef::Real(v) => format!("{v:?}"),
                    ValueRef::Text(t) => format!("{:?}", String::from_utf8_lossy(t)),
                    ValueRef::Blob(b) => format!("blob{b:?}"),
                })
                .collect();
            out.push_str(&cells.join("|"));
            out.push('\n');
        }
    }
    out
}

/// The first line where two dumps differ, for the failure message.
fn first_difference(a: &str, b: &str) -> String {
    let cut = |s: &str| s.chars().take(400).collect::<String>();
    let mut table = "";
    for (x, y) in a.lines().zip(b.lines()) {
        if y.starts_with("== ") {
            table = y;
        }
        if x != y {
            return format!("{table}\n    before: {}\n    after:  {}", cut(x), cut(y));
        }
    }
    format!(
        "{} lines before, {} after",
        a.lines().count(),
        b.lines().count()
    )
}

// ---- the seeded shop -----------------------------------------------------------------------------

/// Ids of the records the cases aim at.
#[allow(dead_code)]
struct Seed {
    db: PathBuf,
    /// A product with a bill of materials.
    product: i64,
    /// Another catalogue product's SKU.
    other_sku: String,
    buyer: i64,
    /// An order not on any declaration.
    order: i64,
    /// Declarations in each state.
    draft: i64,
    filed: i64,
    accepted: i64,
    loaded: i64,
    /// The first line of `loaded` and its quantity.
    loaded_line: u32,
    /// A shipment being packed (holding `accepted`).
    shipment: i64,
    /// A return of one unit of `loaded`, claim not filed.
    ret: i64,
    supplier_declaration: i64,
    user_rule: i64,
    backup_file: PathBuf,
    not_a_backup: PathBuf,
}

fn seller() -> SellerDraft {
    SellerDraft {
        name: "달무리상점".into(),
        name_en: "Dalmuri Store".into(),
        representative: "김하늘".into(),
        business_no: "220-81-62517".into(),
        customs_code: "DALMU1234567890".into(),
        address: "서울특별시 성동구 성수이로 7".into(),
        ..Default::default()
    }
}

fn shop() -> (tempfile::TempDir, App, Seed) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.sqlite3");
    let mut app = App::open(&db, Box::new(FixedClock::parse("2026-11-27").unwrap())).unwrap();
    app.save_seller(&seller()).unwrap();
    app.load_sample().unwrap();
    let groups = app.propose_groups(None).unwrap();
    assert!(groups.len() >= 5, "{}", groups.len());
    let mut decls = Vec::new();
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
        decls.push(id);
    }
    let (draft, filed, accepted, loaded) = (decls[0], decls[1], decls[2], decls[3]);
    for (n, &id) in [filed, accepted, loaded].iter().enumerate() {
        app.file_declaration(id, None).unwrap();
        if id != filed {
            app.accept_declaration(id, &format!("12345-26-70000{n}X"), "2026-11-27")
                .unwrap();
        }
    }
    app.record_loading(loaded, "2026-11-27", "AWB-1", "EMS")
        .unwrap();
    app.mark_provisional(loaded, "2026-12-15").unwrap();
    let order = groups[4].order_ids[0];
    let shipment = app
        .create_shipment(&ShipmentRequest {
            declaration_ids: vec![accepted],
            ..Default::default()
        })
        .unwrap()
        .shipment
        .id;
    let loaded_line = app.declaration_view(loaded).unwrap().declaration.lines[0].line_no;
    let ret = app
        .save_return(None, &return_draft(loaded, loaded_line, "1"))
        .unwrap()
        .ret
        .id;
    let products = app.products("").unwrap();
    let product = products[0].product.id;
    let other_sku = products[1].product.sku.clone();
    let supplier_declaration = app
        .save_supplier_declaration(None, &supplier_draft())
        .unwrap()
        .id;
    app.save_bom(product, &bom_draft()).unwrap();
    let user_rule = app
        .save_user_rule(&UserRule {
            fta: "KR-EU".into(),
            hs_range: "3304".into(),
            rule: "CTH".into(),
            note: "테스트".into(),
        })
        .unwrap()
        .id;
    let buyer = app.buyers().unwrap()[0].id;
    let backup_file = PathBuf::from(app.backup_now().unwrap().path);
    let not_a_backup = dir.path().join("notes.sqlite3");
    std::fs::write(&not_a_backup, "이건 백업이 아닙니다\n").unwrap();
    // Leave the settings stored, so that a refused save has rows to keep.
    app.save_settings(&Settings::default()).unwrap();
    let seed = Seed {
        db,
        product,
        other_sku,
        buyer,
        order,
        draft,
        filed,
        accepted,
        loaded,
        loaded_line,
        shipment,
        ret,
        supplier_declaration,
        user_rule,
        backup_file,
        not_a_backup,
    };
    (dir, app, seed)
}

// ---- valid forms, to spoil one field at a time ---------------------------------------------------

fn product_draft() -> ProductDraft {
    ProductDraft {
        sku: "BAD-INPUT-1".into(),
        name_ko: "시험 상품".into(),
        name_en: "Test item".into(),
        hs_code: "3304.99".into(),
        unit: "EA".into(),
        net_weight_kg: "0.1".into(),
        origin_country: "KR".into(),
        ..Default::default()
    }
}

fn buyer_draft() -> BuyerDraft {
    BuyerDraft {
        name: "Jane Doe".into(),
        country: "US".into(),
        address: "1 Main St, Springfield".into(),
        email: "jane@example.com".into(),
        phone: "+1 555 0100".into(),
    }
}

fn order_draft() -> OrderDraft {
    OrderDraft {
        marketplace: "Shopify".into(),
        order_no: "BAD-1001".into(),
        buyer_id: None,
        order_date: "2026-11-20".into(),
        currency: "USD".into(),
        shipping_fee: "5".into(),
        incoterm: "DAP".into(),
        destination_country: "US".into(),
        lines: vec![order_line("2", "10")],
        ..Default::default()
    }
}

fn order_line(quantity: &str, unit_price: &str) -> OrderLineDraft {
    OrderLineDraft {
        product_id: None,
        sku: "BAD-SKU".into(),
        description: "Hand cream".into(),
        quantity: quantity.into(),
        unit_price: unit_price.into(),
        discount: String::new(),
    }
}

fn rate_draft() -> RateDraft {
    RateDraft {
        date: "2026-11-23".into(),
        currency: "USD".into(),
        rate: "1400".into(),
        per: None,
        source: None,
    }
}

fn supplier_draft() -> SupplierDeclarationDraft {
    SupplierDeclarationDraft {
        supplier: "한빛원료".into(),
        materials: "글리세린 2905.45".into(),
        valid_from: "2026-01-01".into(),
        valid_until: "2026-12-31".into(),
        file_reference: "원산지확인서/2026/한빛.pdf".into(),
        ..Default::default()
    }
}

fn bom_line() -> BomLineDraft {
    BomLineDraft {
        description: "Tube".into(),
        hs_code: "3923.30".into(),
        origin_country: "CN".into(),
        quantity: "1".into(),
        unit_value: "300".into(),
        ..Default::default()
    }
}

fn bom_draft() -> BomDraft {
    BomDraft {
        currency: "KRW".into(),
        ex_works_price: "12000".into(),
        operations: "원료 배합, 충진, 포장".into(),
        only_minimal_operations: Some(false),
        lines: vec![bom_line()],
        ..Default::default()
    }
}

fn return_draft(decl: i64, line: u32, qty: &str) -> ReturnDraft {
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

fn carton(gross: &str, items: Vec<CartonItemDraft>) -> CartonDraft {
    CartonDraft {
        length_cm: "40".into(),
        width_cm: "30".into(),
        height_cm: "20".into(),
        gross_kg: gross.into(),
        items,
    }
}

fn item(decl: i64, line: u32, q: &str) -> CartonItemDraft {
    CartonItemDraft {
        declaration_id: decl,
        line_no: line,
        quantity: q.into(),
    }
}

fn autopack() -> AutoPackRequest {
    AutoPackRequest {
        length_cm: "60".into(),
        width_cm: "40".into(),
        height_cm: "40".into(),
        max_gross_kg: "20".into(),
        tare_kg: "0.5".into(),
        unit_volumes: Vec::new(),
        fill_ratio: "0.85".into(),
    }
}

fn loading() -> ShipmentLoading {
    ShipmentLoading {
        loaded_on: "2026-11-27".into(),
        carrier: "EMS".into(),
        bl_awb: "AWB-77".into(),
        tracking_numbers: Vec::new(),
    }
}

fn profile() -> Profile {
    Profile::custom(
        "my-shop",
        "MyShop",
        &[
            (Field::OrderNo, "Order"),
            (Field::OrderDate, "Date"),
            (Field::Sku, "SKU"),
            (Field::Quantity, "Qty"),
            (Field::UnitPrice, "Price"),
        ],
    )
}

fn import_request(profile: Option<&str>) -> ImportRequest {
    ImportRequest {
        file_name: "orders.csv".into(),
        profile: profile.map(str::to_string),
        ..Default::default()
    }
}

fn import_commit(app: &mut App, bytes: &[u8], req: &ImportRequest) -> exportdesk_app::Result<()> {
    app.import_commit(bytes, req, &mut |_| {}, &AtomicBool::new(false))
        .map(|_| ())
}

// ---- the cases -----------------------------------------------------------------------------------

type Run = Box<dyn Fn(&mut App, &Seed) -> Result<(), Problems>>;

/// One bad input: which form, what is wrong, a piece of the Korean message that says what to fix.
struct Case {
    name: String,
    expect: &'static str,
    run: Run,
}

fn case<T>(
    name: &str,
    expect: &'static str,
    run: impl Fn(&mut App, &Seed) -> exportdesk_app::Result<T> + 'static,
) -> Case {
    Case {
        name: name.to_string(),
        expect,
        run: Box::new(move |a, s| run(a, s).map(|_| ())),
    }
}

fn has_hangul(s: &str) -> bool {
    s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

/// Run every case on its own seeded shop: each must fail, in Korean, saying `expect`, and leave
/// the database as it was.
fn check(cases: Vec<Case>) {
    let (_dir, mut app, seed) = shop();
    let mut failures = Vec::new();
    let total = cases.len();
    for c in cases {
        let before = dump(&seed.db);
        let outcome = catch_unwind(AssertUnwindSafe(|| (c.run)(&mut app, &seed)));
        let after = dump(&seed.db);
        let mut why = Vec::new();
        match &outcome {
            Err(panic) => {
                let text = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                why.push(format!("panicked: {text}"));
            }
            Ok(Ok(())) => why.push("was accepted".to_string()),
            Ok(Err(problems)) => {
                if problems.0.is_empty() {
                    why.push("failed with no problem".to_string());
                }
                for p in &problems.0 {
                    let ko = p.message(Lang::Ko);
                    if ko.trim().is_empty() || p.message_en.trim().is_empty() {
                        why.push(format!("{}: empty message", p.code));
                    }
                    if !has_hangul(ko) {
                        why.push(format!("{}: not Korean: {ko}", p.code));
                    }
                    if p.code.trim().is_empty() {
                        why.push(format!("empty code: {ko}"));
                    }
                }
                if std::env::var_os("BAD_INPUT_SHOW").is_some() {
                    eprintln!(
                        "CASE\t{}\t{:?}\t{}",
                        c.name, c.expect, problems.0[0].message_ko
                    );
                }
                if !problems.0.iter().any(|p| p.message_ko.contains(c.expect)) {
                    let all: Vec<String> = problems
                        .0
                        .iter()
                        .map(|p| format!("[{}] {}", p.code, p.message_ko))
                        .collect();
                    why.push(format!(
                        "no message says {:?}: {}",
                        c.expect,
                        all.join(" / ")
                    ));
                }
            }
        }
        if before != after {
            why.push(format!(
                "changed the database: {}",
                first_difference(&before, &after)
            ));
        }
        if !why.is_empty() {
            failures.push(format!("{}:\n    {}", c.name, why.join("\n    ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {total} bad inputs were not handled:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn seller_buyer_product_and_order_forms_refuse_bad_input() {
    let mut cases = vec![
        // seller_save
        case("seller: empty name", "상호", |a, _| {
            a.save_seller(&SellerDraft {
                name: "  ".into(),
                ..seller()
            })
        }),
        case("seller: wrong check digit", "검증번호", |a, _| {
            a.save_seller(&SellerDraft {
                business_no: "220-81-62518".into(),
                ..seller()
            })
        }),
        case("seller: business number as SQL", "사업자", |a, _| {
            a.save_seller(&SellerDraft {
                business_no: SQL.into(),
                ..seller()
            })
        }),
        case(
            "seller: customs code too short",
            "통관고유부호",
            |a, _| {
                a.save_seller(&SellerDraft {
                    customs_code: "ABC".into(),
                    ..seller()
                })
            },
        ),
        case("seller: bad email", "이메일", |a, _| {
            a.save_seller(&SellerDraft {
                email: "shop@".into(),
                ..seller()
            })
        }),
        case(
            "seller: platform-based without platforms",
            "플랫폼",
            |a, _| {
                a.save_seller(&SellerDraft {
                    platform_based: true,
                    platforms: String::new(),
                    ..seller()
                })
            },
        ),
        case("seller: over-long address", "200자", |a, _| {
            a.save_seller(&SellerDraft {
                address: "가".repeat(5000),
                ..seller()
            })
        }),
        case(
            "seller: formula as representative, too long",
            "50자",
            |a, _| {
                a.save_seller(&SellerDraft {
                    representative: FORMULA.repeat(4),
                    ..seller()
                })
            },
        ),
        // buyer_save
        case("buyer: empty name", "구매자 이름", |a, _| {
            a.save_buyer(
                None,
                &BuyerDraft {
                    name: String::new(),
                    ..buyer_draft()
                },
            )
        }),
        case("buyer: unknown country", "국가", |a, _| {
            a.save_buyer(
                None,
                &BuyerDraft {
                    country: "ZZ".into(),
                    ..buyer_draft()
                },
            )
        }),
        case("buyer: country as SQL", "국가", |a, _| {
            a.save_buyer(
                None,
                &BuyerDraft {
                    country: SQL.into(),
                    ..buyer_draft()
                },
            )
        }),
        case("buyer: email with spaces", "이메일", |a, _| {
            a.save_buyer(
                None,
                &BuyerDraft {
                    email: "jane doe@example.com".into(),
                    ..buyer_draft()
                },
            )
        }),
        case("buyer: over-long phone", "40자", |a, _| {
            a.save_buyer(
                None,
                &BuyerDraft {
                    phone: "1".repeat(41),
                    ..buyer_draft()
                },
            )
        }),
        case(
            "buyer: id that does not exist",
            "찾을 수 없습니다",
            |a, _| a.save_buyer(Some(MISSING), &buyer_draft()),
        ),
        case(
            "buyer: delete one that does not exist",
            "찾을 수 없습니다",
            |a, _| a.delete_buyer(MISSING),
        ),
        // product_save
        case("product: empty SKU", "SKU", |a, _| {
            a.save_product(
                None,
                &ProductDraft {
                    sku: " ".into(),
                    ..product_draft()
                },
            )
        }),
        case("product: no name at all", "품명", |a, _| {
            a.save_product(
                None,
                &ProductDraft {
                    name_ko: String::new(),
                    name_en: String::new(),
                    ..product_draft()
                },
            )
        }),
        case("product: HS code too short", "6자리", |a, _| {
            a.save_product(
                None,
                &ProductDraft {
                    hs_code: "3304".into(),
                    ..product_draft()
                },
            )
        }),
        case(
            "product: HS subheading that does not exist",
            "HS 2022",
            |a, _| {
                a.save_product(
                    None,
                    &ProductDraft {
                        hs_code: "9999.99".into(),
                        ..product_draft()
                    },
                )
            },
        ),
        case("product: HS code with letters", "HS", |a, _| {
            a.save_product(
                None,
                &ProductDraft {
                    hs_code: "33O4.99".into(),
                    ..product_draft()
                },
            )
        }),
        case("product: HS code as SQL", "HS", |a, _| {
            a.save_product(
                None,
                &ProductDraft {
                    hs_code: SQL.into(),
                    ..product_draft()
                },
            )
        }),
        case("product: unknown unit", "단위", |a, _| {
            a.save_product(
                None,
                &ProductDraft {
                    unit: "BUCKETS".into(),
                    ..product_draft()
                },
            )
        }),
        case("product: negative weight", "음수", |a, _| {
            a.save_product(
                None,
                &ProductDraft {
                    net_weight_kg: "-0.5".into(),
                    ..product_draft()
                },
            )
        }),
        case("product: weight in words", "숫자", |a, _| {
            a.save_product(
                None,
                &ProductDraft {
                    net_weight_kg: "half a kilo".into(),
                    ..product_draft()
                },
            )
        }),
        case("product: unknown origin", "국가", |a, _| {
            a.save_product(
                None,
                &ProductDraft {
                    origin_country: "Korea-ish".into(),
                    ..product_draft()
                },
            )
        }),
        case("product: over-long English name", "200자", |a, _| {
            a.save_product(
                None,
                &ProductDraft {
                    name_en: FORMULA.repeat(20),
                    ..product_draft()
                },
            )
        }),
        case("product: SKU already in the catalogue", "SKU", |a, s| {
            a.save_product(
                None,
                &ProductDraft {
                    sku: s.other_sku.clone(),
                    ..product_draft()
                },
            )
        }),
        case(
            "product: id that does not exist",
            "찾을 수 없습니다",
            |a, _| a.save_product(Some(MISSING), &product_draft()),
        ),
        case(
            "product: delete one that does not exist",
            "찾을 수 없습니다",
            |a, _| a.delete_product(MISSING),
        ),
        case(
            "product: get one that does not exist",
            "찾을 수 없습니다",
            |a, _| a.product(MISSING),
        ),
        // order_save
        case("order: empty order number", "주문번호", |a, _| {
            a.save_order(
                None,
                &OrderDraft {
                    order_no: String::new(),
                    ..order_draft()
                },
            )
        }),
        case("order: empty marketplace", "판매처", |a, _| {
            a.save_order(
                None,
                &OrderDraft {
                    marketplace: String::new(),
                    ..order_draft()
                },
            )
        }),
        case("order: date in the wrong order", "연-월-일", |a, _| {
            a.save_order(
                None,
                &OrderDraft {
                    order_date: "27/11/2026".into(),
                    ..order_draft()
                },
            )
        }),
        case("order: 30 February", "연-월-일", |a, _| {
            a.save_order(
                None,
                &OrderDraft {
                    order_date: "2026-02-30".into(),
                    ..order_draft()
                },
            )
        }),
        case("order: unknown currency", "통화", |a, _| {
            a.save_order(
                None,
                &OrderDraft {
                    currency: "XYZ".into(),
                    ..order_draft()
                },
            )
        }),
        case("order: currency as SQL", "통화", |a, _| {
            a.save_order(
                None,
                &OrderDraft {
                    currency: SQL.into(),
                    ..order_draft()
                },
            )
        }),
        case("order: unknown Incoterm", "Incoterms 2020", |a, _| {
            a.save_order(
                None,
                &OrderDraft {
                    incoterm: "FOO".into(),
                    ..order_draft()
                },
            )
        }),
        case("order: unknown destination", "국가", |a, _| {
            a.save_order(
                None,
                &OrderDraft {
                    destination_country: "XX".into(),
                    ..order_draft()
                },
            )
        }),
        case("order: negative shipping fee", "음수", |a, _| {
            a.save_order(
                None,
                &OrderDraft {
                    shipping_fee: "-5".into(),
                    ..order_draft()
                },
            )
        }),
        case("order: no lines", "한 줄 이상", |a, _| {
            a.save_order(
                None,
                &OrderDraft {
                    lines: Vec::new(),
                    ..order_draft()
                },
            )
        }),
        case("order: zero quantity", "0보다 커야", |a, _| {
            a.save_order(
                None,
                &OrderDraft {
                    lines: vec![order_line("0", "10")],
                    ..order_draft()
                },
            )
        }),
        case("order: negative quantity", "음수", |a, _| {
            a.save_order(
                None,
                &OrderDraft {
                    lines: vec![order_line("-3", "10")],
                    ..order_draft()
                },
            )
        }),
        case("order: quantity in words", "숫자", |a, _| {
            a.save_order(
                None,
                &OrderDraft {
                    lines: vec![order_line("two", "10")],
                    ..order_draft()
                },
            )
        }),
        case("order: quantity beyond any number", "숫자", |a, _| {
            a.save_order(
                None,
                &OrderDraft {
                    lines: vec![order_line("1".repeat(40).as_str(), "10")],
                    ..order_draft()
                },
            )
        }),
        case(
            "order: amount too large to compute",
            "너무 큽니다",
            |a, _| {
                a.save_order(
                    None,
                    &OrderDraft {
                        lines: vec![order_line("9999999999999999999999999999", "99999")],
                        ..order_draft()
                    },
                )
            },
        ),
        case("order: negative unit price", "음수", |a, _| {
            a.save_order(
                None,
                &OrderDraft {
                    lines: vec![order_line("1", "-10")],
                    ..order_draft()
                },
            )
        }),
        case(
            "order: line without SKU or name",
            "SKU 또는 품명",
            |a, _| {
                a.save_order(
                    None,
                    &OrderDraft {
                        lines: vec![OrderLineDraft {
                            sku: String::new(),
                            description: String::new(),
                            ..order_line("1", "10")
                        }],
                        ..order_draft()
                    },
                )
            },
        ),
        case("order: SKU as SQL, too long", "64자", |a, _| {
            a.save_order(
                None,
                &OrderDraft {
                    lines: vec![OrderLineDraft {
                        sku: SQL.repeat(4),
                        ..order_line("1", "10")
                    }],
                    ..order_draft()
                },
            )
        }),
        case("order: buyer that does not exist", "구매자", |a, _| {
            a.save_order(
                None,
                &OrderDraft {
                    buyer_id: Some(MISSING),
                    ..order_draft()
                },
            )
        }),
        case(
            "order: product that does not exist",
            "카탈로그",
            |a, _| {
                a.save_order(
                    None,
                    &OrderDraft {
                        lines: vec![OrderLineDraft {
                            product_id: Some(MISSING),
                            ..order_line("1", "10")
                        }],
                        ..order_draft()
                    },
                )
            },
        ),
        case(
            "order: id that does not exist",
            "찾을 수 없습니다",
            |a, _| a.save_order(Some(MISSING), &order_draft()),
        ),
        case(
            "order: delete one that does not exist",
            "찾을 수 없습니다",
            |a, _| a.delete_order(MISSING),
        ),
    ];
    // Several wrong fields at once: every one is reported.
    cases.push(case(
        "order: everything wrong at once",
        "주문번호",
        |a, _| {
            a.save_order(
                None,
                &OrderDraft {
                    marketplace: String::new(),
                    order_no: String::new(),
                    order_date: "yesterday".into(),
                    currency: "??".into(),
                    shipping_fee: "free".into(),
                    incoterm: String::new(),
                    destination_country: String::new(),
                    buyer_id: None,
                    lines: vec![order_line("", "")],
                    ..Default::default()
                },
            )
        },
    ));
    check(cases);
}

#[test]
fn declaration_forms_refuse_bad_input() {
    check(vec![
        // declaration_groups / declaration_draft
        case("draft: no orders", "주문", |a, _| {
            a.draft_declaration(&DraftRequest::default())
        }),
        case("draft: order that does not exist", "주문", |a, _| {
            a.draft_declaration(&DraftRequest {
                order_ids: vec![MISSING],
                ..Default::default()
            })
        }),
        case("draft: order already declared", "신고", |a, s| {
            let on = a.declaration_view(s.draft).unwrap().declaration.order_ids[0];
            a.draft_declaration(&DraftRequest {
                order_ids: vec![on],
                ..Default::default()
            })
        }),
        case("draft: bad declaration date", "연-월-일", |a, s| {
            a.draft_declaration(&DraftRequest {
                order_ids: vec![s.order],
                declared_on: Some("11/27/2026".into()),
                ..Default::default()
            })
        }),
        case("draft: negative freight", "음수", |a, s| {
            a.draft_declaration(&DraftRequest {
                order_ids: vec![s.order],
                freight_insurance: Some("-10".into()),
                ..Default::default()
            })
        }),
        case("draft: freight as SQL", "숫자", |a, s| {
            a.draft_declaration(&DraftRequest {
                order_ids: vec![s.order],
                freight_insurance: Some(SQL.into()),
                ..Default::default()
            })
        }),
        case(
            "edit: id that does not exist",
            "찾을 수 없습니다",
            |a, _| a.edit_draft(MISSING, &DraftEdit::default()),
        ),
        case("edit: unknown transport mode", "운송수단", |a, s| {
            a.edit_draft(
                s.draft,
                &DraftEdit {
                    transport_mode: Some("teleport".into()),
                    ..Default::default()
                },
            )
        }),
        case("edit: date as formula", "연-월-일", |a, s| {
            a.edit_draft(
                s.draft,
                &DraftEdit {
                    declared_on: Some(FORMULA.into()),
                    ..Default::default()
                },
            )
        }),
        case("edit: freight in words", "숫자", |a, s| {
            a.edit_draft(
                s.draft,
                &DraftEdit {
                    freight_insurance: Some("ten dollars".into()),
                    ..Default::default()
                },
            )
        }),
        case("edit: over-long port", "적재항", |a, s| {
            a.edit_draft(
                s.draft,
                &DraftEdit {
                    loading_port: Some("ICN".repeat(100)),
                    ..Default::default()
                },
            )
        }),
        case("edit: a filed declaration", "작성 중", |a, s| {
            a.edit_draft(
                s.filed,
                &DraftEdit {
                    loading_port: Some("PUS".into()),
                    ..Default::default()
                },
            )
        }),
        case("refresh: a filed declaration", "작성 중", |a, s| {
            a.refresh_draft_lines(s.filed)
        }),
        case(
            "refresh: id that does not exist",
            "찾을 수 없습니다",
            |a, _| a.refresh_draft_lines(MISSING),
        ),
        case(
            "delete: a filed declaration",
            "지울 수 없습니다",
            |a, s| a.delete_draft(s.filed),
        ),
        case(
            "delete: id that does not exist",
            "찾을 수 없습니다",
            |a, _| a.delete_draft(MISSING),
        ),
        case(
            "get: id that does not exist",
            "찾을 수 없습니다",
            |a, _| a.declaration_view(MISSING),
        ),
        // declaration_file
        case("file: bad filing date", "연-월-일", |a, s| {
            a.file_declaration(s.draft, Some("2026-13-01".into()))
        }),
        case("file: already filed", "작성 중", |a, s| {
            a.file_declaration(s.filed, None)
        }),
        case(
            "file: id that does not exist",
            "찾을 수 없습니다",
            |a, _| a.file_declaration(MISSING, None),
        ),
        // declaration_accept
        case("accept: empty number", "신고번호", |a, s| {
            a.accept_declaration(s.filed, "", "2026-11-27")
        }),
        case("accept: over-long number", "200자", |a, s| {
            a.accept_declaration(s.filed, &SQL.repeat(10), "2026-11-27")
        }),
        case("accept: bad date", "연-월-일", |a, s| {
            a.accept_declaration(s.filed, "12345-26-700009X", "tomorrow")
        }),
        case("accept: a draft", "신고", |a, s| {
            a.accept_declaration(s.draft, "12345-26-700009X", "2026-11-27")
        }),
        case("accept: number already used", "신고번호", |a, s| {
            a.accept_declaration(s.filed, "12345-26-700001X", "2026-11-27")
        }),
        // declaration_extend
        case(
            "extend: new date before the deadline",
            "뒤여야 합니다",
            |a, s| a.extend_loading(s.accepted, "2026-11-27", "2026-11-01", "선박 일정 지연"),
        ),
        case("extend: empty reason", "사유", |a, s| {
            a.extend_loading(s.accepted, "2026-11-27", "2027-03-01", " ")
        }),
        case("extend: bad request date", "연-월-일", |a, s| {
            a.extend_loading(s.accepted, "27.11", "2027-03-01", "선박 일정 지연")
        }),
        case("extend: a draft", "수리", |a, s| {
            a.extend_loading(s.draft, "2026-11-27", "2027-03-01", "선박 일정 지연")
        }),
        // declaration_load
        case("load: empty B/L", "B/L", |a, s| {
            a.record_loading(s.accepted, "2026-11-27", "", "EMS")
        }),
        case(
            "load: before acceptance",
            "수리일보다 앞섭니다",
            |a, s| a.record_loading(s.accepted, "2026-10-01", "AWB-2", "EMS"),
        ),
        case("load: a filed declaration", "수리", |a, s| {
            a.record_loading(s.filed, "2026-11-27", "AWB-2", "EMS")
        }),
        case("load: already loaded", "수리된 신고만", |a, s| {
            a.record_loading(s.loaded, "2026-11-27", "AWB-2", "EMS")
        }),
        case("load: over-long carrier", "60자", |a, s| {
            a.record_loading(s.accepted, "2026-11-27", "AWB-2", &FORMULA.repeat(30))
        }),
        // declaration_cancel
        case("cancel: empty reason", "사유", |a, s| {
            a.cancel_declaration(s.accepted, "2026-11-27", "")
        }),
        case("cancel: bad date", "연-월-일", |a, s| {
            a.cancel_declaration(s.accepted, SQL, "주문 취소")
        }),
        case(
            "cancel: id that does not exist",
            "찾을 수 없습니다",
            |a, _| a.cancel_declaration(MISSING, "2026-11-27", "주문 취소"),
        ),
        // declaration_provisional / declaration_final_price
        case("provisional: bad date", "연-월-일", |a, s| {
            a.mark_provisional(s.accepted, "someday")
        }),
        case("final price: not provisional", "잠정", |a, s| {
            a.record_final_price(s.accepted, "1000000", "2027-01-20")
        }),
        case("final price: amount in words", "숫자", |a, s| {
            a.record_final_price(s.loaded, "a million won", "2027-01-20")
        }),
        case("final price: negative", "음수", |a, s| {
            a.record_final_price(s.loaded, "-1", "2027-01-20")
        }),
        // documents the forms ask for
        case(
            "worksheet: id that does not exist",
            "찾을 수 없습니다",
            |a, _| a.declaration_worksheet_pdf(MISSING, None),
        ),
        case(
            "xlsx: id that does not exist",
            "찾을 수 없습니다",
            |a, _| a.declarations_xlsx(&[MISSING], None),
        ),
        case(
            "open document: outside the documents folder",
            "ExportDesk가 만든 문서",
            |a, _| a.generated_document("/etc/passwd"),
        ),
        case(
            "open document: climbing out of the folder",
            "ExportDesk가 만든 문서",
            |a, s| {
                let p = s.db.parent().unwrap().join("documents/../shop.sqlite3");
                a.generated_document(&p.display().to_string())
            },
        ),
    ]);
}

#[test]
fn shipment_forms_refuse_bad_input() {
    check(vec![
        case(
            "create: nothing in it",
            "하나 이상 고르세요",
            |a, _| a.create_shipment(&ShipmentRequest::default()),
        ),
        case(
            "create: declaration that does not exist",
            "찾을 수 없습니다",
            |a, _| {
                a.create_shipment(&ShipmentRequest {
                    declaration_ids: vec![MISSING],
                    ..Default::default()
                })
            },
        ),
        case(
            "create: a declaration already in a shipment",
            "이미 선적",
            |a, s| {
                a.create_shipment(&ShipmentRequest {
                    declaration_ids: vec![s.accepted],
                    ..Default::default()
                })
            },
        ),
        case(
            "create: an order not declared",
            "아직 수출신고에 없습니다",
            |a, s| {
                a.create_shipment(&ShipmentRequest {
                    order_ids: vec![s.order],
                    ..Default::default()
                })
            },
        ),
        case("create: over-long reference", "40자", |a, s| {
            a.create_shipment(&ShipmentRequest {
                declaration_ids: vec![s.filed],
                reference: SQL.repeat(30),
                ..Default::default()
            })
        }),
        case(
            "edit: id that does not exist",
            "찾을 수 없습니다",
            |a, _| a.edit_shipment(MISSING, &ShipmentEdit::default()),
        ),
        case(
            "edit: no declarations left",
            "하나 이상 고르세요",
            |a, s| {
                a.edit_shipment(
                    s.shipment,
                    &ShipmentEdit {
                        declaration_ids: Some(Vec::new()),
                        ..Default::default()
                    },
                )
            },
        ),
        case("edit: over-long consignee", "100자", |a, s| {
            a.edit_shipment(
                s.shipment,
                &ShipmentEdit {
                    consignee_name: Some(FORMULA.repeat(40)),
                    ..Default::default()
                },
            )
        }),
        case("pack: negative weight", "0보다 커야", |a, s| {
            let line = a.shipment_view(s.shipment).unwrap().lines[0].line_no;
            a.pack_shipment(
                s.shipment,
                &[carton("-2", vec![item(s.accepted, line, "1")])],
            )
        }),
        case("pack: zero-size carton", "상자 길이", |a, s| {
            let line = a.shipment_view(s.shipment).unwrap().lines[0].line_no;
            a.pack_shipment(
                s.shipment,
                &[CartonDraft {
                    length_cm: "0".into(),
                    ..carton("2", vec![item(s.accepted, line, "1")])
                }],
            )
        }),
        case(
            "pack: dimensions in words",
            "숫자로 입력하세요",
            |a, s| {
                let line = a.shipment_view(s.shipment).unwrap().lines[0].line_no;
                a.pack_shipment(
                    s.shipment,
                    &[CartonDraft {
                        width_cm: "wide".into(),
                        ..carton("2", vec![item(s.accepted, line, "1")])
                    }],
                )
            },
        ),
        case(
            "pack: line of another declaration",
            "이 선적에 없는 품목",
            |a, s| a.pack_shipment(s.shipment, &[carton("2", vec![item(s.loaded, 1, "1")])]),
        ),
        case("pack: fractional pieces", "정수로", |a, s| {
            let line = a.shipment_view(s.shipment).unwrap().lines[0].line_no;
            a.pack_shipment(
                s.shipment,
                &[carton("2", vec![item(s.accepted, line, "0.5")])],
            )
        }),
        case(
            "pack: id that does not exist",
            "찾을 수 없습니다",
            |a, _| a.pack_shipment(MISSING, &[]),
        ),
        case("autopack: zero weight limit", "최대 총중량", |a, s| {
            a.auto_pack_shipment(
                s.shipment,
                &AutoPackRequest {
                    max_gross_kg: "0".into(),
                    ..autopack()
                },
            )
        }),
        case("autopack: fill ratio above one", "부피 비율", |a, s| {
            a.auto_pack_shipment(
                s.shipment,
                &AutoPackRequest {
                    fill_ratio: "1.5".into(),
                    ..autopack()
                },
            )
        }),
        case(
            "autopack: size in words",
            "숫자로 입력하세요",
            |a, s| {
                a.auto_pack_shipment(
                    s.shipment,
                    &AutoPackRequest {
                        length_cm: "big".into(),
                        ..autopack()
                    },
                )
            },
        ),
        case(
            "load: empty B/L",
            "아직 적재할 수 없습니다",
            |a, s| {
                a.load_shipment(
                    s.shipment,
                    &ShipmentLoading {
                        bl_awb: String::new(),
                        ..loading()
                    },
                )
            },
        ),
        case(
            "load: nothing packed and a bad date",
            "아직 적재할 수 없습니다",
            |a, s| {
                a.load_shipment(
                    s.shipment,
                    &ShipmentLoading {
                        loaded_on: "2026-11-31".into(),
                        ..loading()
                    },
                )
            },
        ),
        case(
            "load: nothing packed",
            "아직 적재할 수 없습니다",
            |a, s| a.load_shipment(s.shipment, &loading()),
        ),
        case(
            "load: id that does not exist",
            "찾을 수 없습니다",
            |a, _| a.load_shipment(MISSING, &loading()),
        ),
        case(
            "delete: id that does not exist",
            "찾을 수 없습니다",
            |a, _| a.delete_shipment(MISSING),
        ),
    ]);
}

#[test]
fn origin_forms_refuse_bad_input() {
    check(vec![
        // supplier declarations
        case("supplier: empty supplier", "공급자", |a, _| {
            a.save_supplier_declaration(
                None,
                &SupplierDeclarationDraft {
                    supplier: String::new(),
                    ..supplier_draft()
                },
            )
        }),
        case(
            "supplier: period ends before it starts",
            "시작일",
            |a, _| {
                a.save_supplier_declaration(
                    None,
                    &SupplierDeclarationDraft {
                        valid_from: "2026-12-31".into(),
                        valid_until: "2026-01-01".into(),
                        ..supplier_draft()
                    },
                )
            },
        ),
        case("supplier: bad date", "연-월-일", |a, _| {
            a.save_supplier_declaration(
                None,
                &SupplierDeclarationDraft {
                    valid_until: SQL.into(),
                    ..supplier_draft()
                },
            )
        }),
        case(
            "supplier: id that does not exist",
            "찾을 수 없습니다",
            |a, _| a.save_supplier_declaration(Some(MISSING), &supplier_draft()),
        ),
        case(
            "supplier: delete one that does not exist",
            "찾을 수 없습니다",
            |a, _| a.delete_supplier_declaration(MISSING),
        ),
        // bom_save
        case(
            "bom: product that does not exist",
            "찾을 수 없습니다",
            |a, _| a.save_bom(MISSING, &bom_draft()),
        ),
        case("bom: unknown currency", "통화", |a, s| {
            a.save_bom(
                s.product,
                &BomDraft {
                    currency: "ABC".into(),
                    ..bom_draft()
                },
            )
        }),
        case("bom: negative price", "0보다 커야", |a, s| {
            a.save_bom(
                s.product,
                &BomDraft {
                    ex_works_price: "-1".into(),
                    ..bom_draft()
                },
            )
        }),
        case("bom: line HS code as SQL", "HS", |a, s| {
            a.save_bom(
                s.product,
                &BomDraft {
                    lines: vec![BomLineDraft {
                        hs_code: SQL.into(),
                        ..bom_line()
                    }],
                    ..bom_draft()
                },
            )
        }),
        case(
            "bom: line with unknown origin",
            "알 수 없는 국가",
            |a, s| {
                a.save_bom(
                    s.product,
                    &BomDraft {
                        lines: vec![BomLineDraft {
                            origin_country: "Narnia".into(),
                            ..bom_line()
                        }],
                        ..bom_draft()
                    },
                )
            },
        ),
        case("bom: line with zero quantity", "재료 수량", |a, s| {
            a.save_bom(
                s.product,
                &BomDraft {
                    lines: vec![BomLineDraft {
                        quantity: "0".into(),
                        ..bom_line()
                    }],
                    ..bom_draft()
                },
            )
        }),
        case(
            "bom: supplier declaration that does not exist",
            "원산지확인서",
            |a, s| {
                a.save_bom(
                    s.product,
                    &BomDraft {
                        lines: vec![BomLineDraft {
                            supplier_declaration_id: Some(MISSING),
                            ..bom_line()
                        }],
                        ..bom_draft()
                    },
                )
            },
        ),
        // bom_import
        case("bom import: not a table", "파일", |a, s| {
            a.import_bom(s.product, b"\x00\x01\x02 not a spreadsheet")
        }),
        case(
            "bom import: columns missing",
            "필요한 열이 없습니다",
            |a, s| a.import_bom(s.product, "name,price\nx,1\n".as_bytes()),
        ),
        case(
            "bom import: a bad row among good ones",
            "바꾸지 않았습니다",
            |a, s| {
                a.import_bom(
                    s.product,
                    "재료명,HS코드,원산지,수량,단위,단가\n\
                 글리세린,2905.45,KR,0.01,KG,3000\n\
                 =cmd|' /C calc'!A0,15,가나,0.02,KG,abc\n"
                        .as_bytes(),
                )
            },
        ),
        case("bom import: empty file", "비어 있습니다", |a, s| {
            a.import_bom(s.product, b"")
        }),
        case(
            "bom import: product that does not exist",
            "찾을 수 없습니다",
            |a, _| {
                a.import_bom(
                    MISSING,
                    "재료명,HS코드,수량,단가\nx,3923.30,1,1\n".as_bytes(),
                )
            },
        ),
        // origin_rule_save
        case("rule: invalid syntax", "규칙 용어", |a, _| {
            a.save_user_rule(&UserRule {
                fta: "KR-EU".into(),
                hs_range: "3305".into(),
                rule: "CTH or or".into(),
                note: String::new(),
            })
        }),
        case("rule: unknown FTA", "알 수 없는 FTA", |a, _| {
            a.save_user_rule(&UserRule {
                fta: "KR-MARS".into(),
                hs_range: "3305".into(),
                rule: "CTH".into(),
                note: String::new(),
            })
        }),
        case("rule: HS range as SQL", "HS 범위", |a, _| {
            a.save_user_rule(&UserRule {
                fta: "KR-EU".into(),
                hs_range: SQL.into(),
                rule: "CTH".into(),
                note: String::new(),
            })
        }),
        case("rule: range upside down", "범위 끝", |a, _| {
            a.save_user_rule(&UserRule {
                fta: "KR-EU".into(),
                hs_range: "6117-6101".into(),
                rule: "CTH".into(),
                note: String::new(),
            })
        }),
        case("rule: empty rule", "규칙의 끝", |a, _| {
            a.save_user_rule(&UserRule {
                fta: "KR-EU".into(),
                hs_range: "3305".into(),
                rule: String::new(),
                note: String::new(),
            })
        }),
        case(
            "rule: delete one that does not exist",
            "찾을 수 없습니다",
            |a, _| a.delete_user_rule(MISSING),
        ),
        // origin_check / compare / papers
        case("origin check: unknown FTA", "알 수 없는 FTA", |a, s| {
            a.origin_check(s.product, "KR-MARS", None)
        }),
        case("origin check: bad date", "연-월-일", |a, s| {
            a.origin_check(s.product, "KR-EU", Some("32/13/2026"))
        }),
        case(
            "origin check: product that does not exist",
            "찾을 수 없습니다",
            |a, _| a.origin_check(MISSING, "KR-EU", None),
        ),
        case(
            "origin compare: unknown destination",
            "알 수 없는 국가",
            |a, s| a.origin_compare(s.product, SQL, None),
        ),
        case(
            "origin worksheet: unknown FTA",
            "알 수 없는 FTA",
            |a, s| {
                a.origin_paper(
                    s.product,
                    "",
                    None,
                    exportdesk_app::OriginPaper::Worksheet,
                    None,
                )
            },
        ),
    ]);
}

#[test]
fn return_forms_refuse_bad_input() {
    check(vec![
        case(
            "return: declaration that does not exist",
            "찾을 수 없습니다",
            |a, s| a.save_return(None, &return_draft(MISSING, s.loaded_line, "1")),
        ),
        case("return: zero quantity", "0보다 커야", |a, s| {
            a.save_return(None, &return_draft(s.loaded, s.loaded_line, "0"))
        }),
        case("return: negative quantity", "0보다 커야", |a, s| {
            a.save_return(None, &return_draft(s.loaded, s.loaded_line, "-1"))
        }),
        case(
            "return: more than exported",
            "반품할 수 있는데",
            |a, s| a.save_return(None, &return_draft(s.loaded, s.loaded_line, "100000")),
        ),
        case(
            "return: huge quantity",
            "반품할 수 있는데",
            |a, s| {
                a.save_return(
                    None,
                    &return_draft(s.loaded, s.loaded_line, "79228162514264337593543950335"),
                )
            },
        ),
        case(
            "return: line that does not exist",
            "999란이 없습니다",
            |a, s| a.save_return(None, &return_draft(s.loaded, 999, "1")),
        ),
        case(
            "return: before the export",
            "보다 앞섭니다",
            |a, s| {
                a.save_return(
                    Some(s.ret),
                    &ReturnDraft {
                        return_date: "2020-01-01".into(),
                        ..return_draft(s.loaded, s.loaded_line, "1")
                    },
                )
            },
        ),
        case("return: bad date", "연-월-일", |a, s| {
            a.save_return(
                None,
                &ReturnDraft {
                    return_date: FORMULA.into(),
                    ..return_draft(s.loaded, s.loaded_line, "1")
                },
            )
        }),
        case("return: unknown reason", "반품 사유", |a, s| {
            a.save_return(
                None,
                &ReturnDraft {
                    reason: SQL.into(),
                    ..return_draft(s.loaded, s.loaded_line, "1")
                },
            )
        }),
        case("return: unknown condition", "물품 상태", |a, s| {
            a.save_return(
                None,
                &ReturnDraft {
                    condition: "like new-ish".into(),
                    ..return_draft(s.loaded, s.loaded_line, "1")
                },
            )
        }),
        case("return: no lines", "하나 이상", |a, s| {
            a.save_return(
                None,
                &ReturnDraft {
                    lines: Vec::new(),
                    ..return_draft(s.loaded, s.loaded_line, "1")
                },
            )
        }),
        case(
            "return: duty rate in words",
            "숫자로 입력하세요",
            |a, s| {
                let mut d = return_draft(s.loaded, s.loaded_line, "1");
                d.lines[0].duty_rate_percent = "six".into();
                a.save_return(Some(s.ret), &d)
            },
        ),
        case(
            "return: id that does not exist",
            "찾을 수 없습니다",
            |a, s| a.save_return(Some(MISSING), &return_draft(s.loaded, s.loaded_line, "1")),
        ),
        case("claim file: bad date", "연-월-일", |a, s| {
            a.file_return_claim(s.ret, "2026/02/30", "12345-26-IM0001")
        }),
        case(
            "claim file: id that does not exist",
            "찾을 수 없습니다",
            |a, _| a.file_return_claim(MISSING, "2026-11-27", "12345-26-IM0001"),
        ),
        case("claim decide: not filed", "제출한 신청만", |a, s| {
            a.decide_return_claim(s.ret, true, "2026-11-27")
        }),
        case(
            "claim decide: no date",
            "날짜를 입력하세요",
            |a, s| a.decide_return_claim(s.ret, true, ""),
        ),
        case(
            "return delete: id that does not exist",
            "찾을 수 없습니다",
            |a, _| a.delete_return(MISSING),
        ),
        case(
            "returns month: month 13",
            "올바른 달이 아닙니다",
            |a, _| a.returns_month_pdf(2026, 13, None),
        ),
    ]);
}

#[test]
fn settings_rates_backup_and_import_refuse_bad_input() {
    let orders_csv = "Order,Date,SKU,Qty,Price\nA-1,2026-11-20,HC-50,two,10\n";
    check(vec![
        // settings_save
        case(
            "settings: keep no backups",
            "보관할 백업 수",
            |a, _| {
                a.save_settings(&Settings {
                    backup_keep: 0,
                    ..Settings::default()
                })
            },
        ),
        case("settings: reminder of a year", "알림 기간", |a, _| {
            a.save_settings(&Settings {
                reminder_days: 400,
                ..Settings::default()
            })
        }),
        case("settings: divisor too small", "부피중량", |a, _| {
            a.save_settings(&Settings {
                volumetric_divisor: 10,
                ..Settings::default()
            })
        }),
        case(
            "settings: relative backup folder",
            "전체 경로",
            |a, _| {
                a.save_settings(&Settings {
                    backup_dir: "backups/here".into(),
                    ..Settings::default()
                })
            },
        ),
        case(
            "settings: over-long approved exporter no.",
            "40자",
            |a, _| {
                a.save_settings(&Settings {
                    approved_exporter_no: SQL.repeat(5),
                    ..Settings::default()
                })
            },
        ),
        // rate_save / rate_delete / rates_import_csv
        case("rate: zero", "0보다 커야", |a, _| {
            a.save_rate(&RateDraft {
                rate: "0".into(),
                ..rate_draft()
            })
        }),
        case("rate: in words", "숫자", |a, _| {
            a.save_rate(&RateDraft {
                rate: "fourteen hundred".into(),
                ..rate_draft()
            })
        }),
        case("rate: for won", "원화", |a, _| {
            a.save_rate(&RateDraft {
                currency: "KRW".into(),
                ..rate_draft()
            })
        }),
        case("rate: unknown currency", "통화", |a, _| {
            a.save_rate(&RateDraft {
                currency: SQL.into(),
                ..rate_draft()
            })
        }),
        case("rate: bad date", "연-월-일", |a, _| {
            a.save_rate(&RateDraft {
                date: "2026-11".into(),
                ..rate_draft()
            })
        }),
        case("rate: per zero", "기준 단위", |a, _| {
            a.save_rate(&RateDraft {
                per: Some("0".into()),
                ..rate_draft()
            })
        }),
        case("rate: delete with unknown currency", "통화", |a, _| {
            a.delete_rate("2026-11-22".parse().unwrap(), "XXX")
        }),
        case("rates csv: empty", "비어 있습니다", |a, _| {
            a.import_rates_csv("")
        }),
        case("rates csv: wrong header", "date", |a, _| {
            a.import_rates_csv("day,money,value\n2026-11-23,USD,1400\n")
        }),
        case("rates csv: one bad row among good ones", "3행", |a, _| {
            a.import_rates_csv("date,currency,rate\n2026-11-23,USD,1400\n2026-11-30,USD,abc\n")
        }),
        case(
            "rates csv: formula in a cell",
            "알 수 없는 통화",
            |a, _| a.import_rates_csv(&format!("date,currency,rate\n2026-11-23,{FORMULA},1400\n")),
        ),
        // backup_restore / backup_check
        case("restore: a file that is not a backup", "백업", |a, s| {
            a.restore_backup(&s.not_a_backup)
        }),
        case(
            "restore: a file that does not exist",
            "없습니다",
            |a, s| a.restore_backup(&s.db.with_file_name("nowhere.sqlite3")),
        ),
        case(
            "restore: an empty path",
            "백업 파일을 고르세요",
            |a, _| a.restore_backup(Path::new("")),
        ),
        case(
            "check backup: a file that is not a backup",
            "백업",
            |a, s| a.check_backup(&s.not_a_backup),
        ),
        // import_profile_save / import_profile_delete
        case("profile: empty name", "이름", |a, _| {
            a.save_import_profile(&Profile {
                name: " ".into(),
                ..profile()
            })
        }),
        case("profile: built-in name", "기본 제공 형식", |a, _| {
            a.save_import_profile(&Profile {
                name: "shopify".into(),
                ..profile()
            })
        }),
        case("profile: no columns", "열을 고르세요", |a, _| {
            a.save_import_profile(&Profile {
                columns: Vec::new(),
                ..profile()
            })
        }),
        case("profile: unknown Incoterm", "Incoterms 2020", |a, _| {
            a.save_import_profile(&Profile {
                default_incoterm: "XYZ".into(),
                ..profile()
            })
        }),
        case(
            "profile: unknown default currency",
            "알 수 없는 통화",
            |a, _| {
                a.save_import_profile(&Profile {
                    default_currency: Some(SQL.into()),
                    ..profile()
                })
            },
        ),
        case(
            "profile: delete one that does not exist",
            "no-such-profile",
            |a, _| a.delete_import_profile("no-such-profile"),
        ),
        case("profile: delete a built-in one", "shopify", |a, _| {
            a.delete_import_profile("shopify")
        }),
        // import_check / import_commit
        case("import: unknown profile", "no-such-profile", move |a, _| {
            a.import_check(
                orders_csv.as_bytes(),
                &import_request(Some("no-such-profile")),
                &mut |_| {},
                &AtomicBool::new(false),
            )
        }),
        case("import: empty file", "비어 있습니다", |a, _| {
            import_commit(a, b"", &import_request(Some("shopify")))
        }),
        case("import: binary junk", "인코딩", |a, _| {
            import_commit(a, b"\x00\xff\x00\xfe junk", &import_request(None))
        }),
        case(
            "import: a bad row stores nothing",
            "아무것도 가져오지 않았습니다",
            move |a, _| {
                let mut req = import_request(None);
                req.mapping = Some(profile());
                import_commit(a, orders_csv.as_bytes(), &req)
            },
        ),
        case(
            "import: columns that are not in the file",
            "필요한 열이 없습니다",
            |a, _| {
                let mut req = import_request(None);
                req.mapping = Some(profile());
                import_commit(a, b"Foo,Bar\n1,2\n", &req)
            },
        ),
        case(
            "import: new product with a bad HS code",
            "아무것도 가져오지 않았습니다",
            |a, _| {
                let mut req = import_request(None);
                req.mapping = Some(profile());
                req.new_products = vec![exportdesk_app::NewProduct {
                    sku: "NEW-1".into(),
                    name: "New".into(),
                    hs_code: SQL.into(),
                    ..Default::default()
                }];
                import_commit(
                    a,
                    b"Order,Date,SKU,Qty,Price\nA-1,2026-11-20,NEW-1,1,10\n",
                    &req,
                )
            },
        ),
        case(
            "import: unknown sheet",
            "필요한 열이 없습니다",
            |a, _| {
                let mut req = import_request(Some("shopify"));
                req.sheet = Some("Sheet99".into());
                import_commit(a, b"Name,Email\n#1,a@b.c\n", &req)
            },
        ),
        // sample_load on a shop that has data
        case(
            "sample: into a shop with data",
            "예시 데이터",
            |a, _| a.load_sample(),
        ),
    ]);
}
