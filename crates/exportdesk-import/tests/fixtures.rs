//! Every built-in profile and every bad file, read from `tests/fixtures/`.

use exportdesk_import::*;
use exportdesk_rules::Problem;
use std::path::PathBuf;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn plan(name: &str) -> ImportPlan {
    parse(&fixture(name), &ParseOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn plan_with(name: &str, profile: Profile) -> ImportPlan {
    let opts = ParseOptions {
        profile: Some(profile),
        ..Default::default()
    };
    parse(&fixture(name), &opts).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn error(name: &str) -> ImportError {
    match parse(&fixture(name), &ParseOptions::default()) {
        Ok(p) => panic!("{name} parsed: {p:?}"),
        Err(e) => e,
    }
}

fn order<'a>(p: &'a ImportPlan, no: &str) -> &'a PlannedOrder {
    p.orders
        .iter()
        .find(|o| o.order_no == no)
        .unwrap_or_else(|| panic!("no order {no}"))
}

/// (sku, quantity, unit price) of each line.
fn lines(o: &PlannedOrder) -> Vec<(String, String, String)> {
    o.draft
        .lines
        .iter()
        .map(|l| (l.sku.clone(), l.quantity.clone(), l.unit_price.clone()))
        .collect()
}

fn l(sku: &str, q: &str, u: &str) -> (String, String, String) {
    (sku.into(), q.into(), u.into())
}

fn codes(problems: &[RowProblem]) -> Vec<(u32, &str)> {
    problems
        .iter()
        .map(|p| (p.row, p.problem.code.as_str()))
        .collect()
}

fn assert_clean(p: &ImportPlan) {
    assert!(p.is_clean(), "{:#?}", p.row_problems);
    for o in &p.orders {
        assert!(o.order.is_some(), "{} did not validate", o.order_no);
    }
}

#[test]
fn shopify_orders_export() {
    let p = plan("shopify_orders_export.csv");
    assert_eq!(p.profile.name, "shopify");
    assert_eq!(p.encoding, Some(Encoding::Utf8));
    assert_eq!(
        p.format,
        FileFormat::Csv {
            delimiter: Delimiter::Comma
        }
    );
    assert_clean(&p);
    assert_eq!(p.orders.len(), 3);
    let o = order(&p, "#1001");
    assert_eq!(o.marketplace, "Shopify");
    assert_eq!(
        lines(o),
        [
            l("HJ-COAST-IND", "2", "18.00"),
            l("CEL-VASE-S", "1", "42.50")
        ]
    );
    assert_eq!(o.draft.order_date, "2026-11-20");
    assert_eq!(o.draft.shipping_fee, "12");
    assert_eq!(o.draft.incoterm, "DAP");
    let valid = o.order.as_ref().unwrap();
    assert_eq!(valid.goods_total.to_string(), "78.50");
    let buyer = o.buyer.as_ref().unwrap();
    assert_eq!(buyer.name, "Emma Wilson");
    assert_eq!(buyer.email, "emma.wilson@example.com");
    assert_eq!(buyer.country, "US");
    assert_eq!(buyer.address, "1208 Maple Ave, Apt 3, Portland, OR, 97205");
    // 22:40 in Toronto is the next morning in Korea.
    assert_eq!(order(&p, "#1002").draft.order_date, "2026-11-22");
    assert_eq!(order(&p, "#1002").draft.destination_country, "CA");
    // #1003's note has a line break inside quotes: its rows are still 5, 6, 7.
    let o = order(&p, "#1003");
    assert_eq!(o.rows, [5, 6, 7]);
    assert_eq!(o.line_rows, [5, 6, 7]);
    assert_eq!(o.draft.lines[2].description, "Bojagi Gift Wrap, Large");
    assert_eq!(o.draft.destination_country, "DE");
    assert_eq!(o.draft.shipping_fee, "18");
    assert_eq!(
        p.skus.iter().map(String::as_str).collect::<Vec<_>>(),
        [
            "BJ-WRAP-L",
            "CEL-VASE-S",
            "GS-HC-50",
            "HJ-COAST-IND",
            "NJ-MIRR-01"
        ]
    );
    assert!(p.warnings.is_empty(), "{:#?}", p.warnings);
}

#[test]
fn ebay_orders_report() {
    let p = plan("ebay_orders_report.csv");
    assert_eq!(p.profile.name, "ebay");
    assert_eq!(p.header_row, 2, "the report starts with a blank line");
    assert_clean(&p);
    assert_eq!(p.orders.len(), 3);
    let us = order(&p, "14-12345-67890");
    assert_eq!(us.draft.currency, "USD");
    assert_eq!(us.draft.order_date, "2026-11-20");
    assert_eq!(lines(us), [l("HB-SCARF-PL", "1", "34.99")]);
    assert_eq!(us.draft.shipping_fee, "8.5");
    // The summary row of a multi-item order is not a line; its shipping and buyer count.
    let uk = order(&p, "14-12346-11111");
    assert_eq!(uk.rows, [4, 5, 6]);
    assert_eq!(
        lines(uk),
        [
            l("CEL-CUP-01", "2", "14.99"),
            l("HJ-COAST-IND", "1", "9.99")
        ]
    );
    assert_eq!(uk.draft.currency, "GBP", "from the £ sign");
    assert_eq!(uk.draft.shipping_fee, "12");
    assert_eq!(uk.draft.destination_country, "GB");
    assert_eq!(uk.buyer.as_ref().unwrap().name, "Harriet Price");
    let au = order(&p, "02-98765-43210");
    assert_eq!(au.draft.currency, "AUD", "from AU $");
    assert_eq!(au.draft.destination_country, "AU");
    // The "record(s) downloaded" trailer is skipped, and said so.
    assert_eq!(codes(&p.warnings), [(9, "import.row_skipped")]);
}

#[test]
fn amazon_order_report() {
    let p = plan("amazon_order_report.txt");
    assert_eq!(p.profile.name, "amazon");
    assert_eq!(
        p.format,
        FileFormat::Csv {
            delimiter: Delimiter::Tab
        }
    );
    assert_clean(&p);
    let o = order(&p, "113-4567890-1234567");
    // item-price is the line total: 19.80 for 2 → 9.9 each.
    assert_eq!(
        lines(o),
        [l("GS-HC-50", "2", "9.9"), l("CEL-VASE-S", "1", "42.5")]
    );
    // Shipping is per item line and summed.
    assert_eq!(o.draft.shipping_fee, "4.99");
    // 18:22 UTC is 03:22 the next day in Korea.
    assert_eq!(o.draft.order_date, "2026-11-21");
    assert_eq!(o.buyer.as_ref().unwrap().name, "Noah Garcia");
    // Three for 10.00: the unit price keeps enough places to give back 10.00.
    let deal = order(&p, "112-9988776-6655443");
    assert_eq!(lines(deal), [l("BJ-WRAP-S", "3", "3.3333333333")]);
    let valid = deal.order.as_ref().unwrap();
    assert_eq!(valid.lines[0].amount.to_string(), "10.00");
    assert_eq!(valid.goods_total.to_string(), "10.00");
}

#[test]
fn etsy_sold_order_items() {
    let p = plan("etsy_sold_order_items.csv");
    assert_eq!(p.profile.name, "etsy");
    assert_clean(&p);
    let ca = order(&p, "3210987654");
    assert_eq!(ca.draft.order_date, "2026-11-20", "11/20/26, month first");
    assert_eq!(ca.draft.currency, "CAD");
    assert_eq!(ca.draft.destination_country, "CA", "from 'Canada'");
    assert_eq!(
        ca.draft.shipping_fee, "14",
        "repeated on each item, counted once"
    );
    assert_eq!(
        lines(ca),
        [l("BJ-WRAP-L", "2", "16.00"), l("CEL-CUP-02", "1", "38.00")]
    );
    assert_eq!(ca.buyer.as_ref().unwrap().name, "Chloé Tremblay");
    let gb = order(&p, "3210987700");
    assert_eq!(gb.draft.destination_country, "GB");
    assert_eq!(gb.draft.currency, "GBP");
    assert_eq!(order(&p, "3211000001").draft.destination_country, "AU");
}

#[test]
fn shopee_order_export_xlsx() {
    let p = plan("shopee_order_export.xlsx");
    assert_eq!(p.profile.name, "shopee");
    assert_eq!(p.encoding, None);
    assert_eq!(
        p.format,
        FileFormat::Spreadsheet {
            workbook: "xlsx".into(),
            sheet: "orders".into()
        }
    );
    assert_clean(&p);
    let o = order(&p, "261120ABCD1234");
    assert_eq!(
        o.draft.currency, "SGD",
        "from headers such as Total Discount(SGD)"
    );
    assert_eq!(o.draft.destination_country, "SG");
    assert_eq!(o.draft.order_date, "2026-11-20");
    assert_eq!(
        lines(o),
        [l("GS-HC-50", "2", "12.9"), l("CEL-CUP-01", "1", "18.4")]
    );
    // 4.5 on the first item and 0 on the second: the order's fee is 4.5.
    assert_eq!(o.draft.shipping_fee, "4.5");
    assert_eq!(o.buyer.as_ref().unwrap().name, "Lim Wei Ling");
    assert_eq!(order(&p, "261121EFGH5678").draft.shipping_fee, "3.5");
}

#[test]
fn qoo10_delivery_management_in_shift_jis() {
    let p = plan("qoo10_delivery_management_sjis.csv");
    assert_eq!(p.profile.name, "qoo10");
    assert_eq!(p.encoding, Some(Encoding::ShiftJis));
    assert_clean(&p);
    assert_eq!(p.orders.len(), 3, "one order per 注文番号");
    let o = order(&p, "1001234567");
    assert_eq!(o.draft.currency, "JPY");
    assert_eq!(o.draft.destination_country, "JP");
    assert_eq!(o.draft.order_date, "2026-11-20");
    assert_eq!(o.draft.lines[0].description, "高麗人参ハンドクリーム 50ml");
    assert_eq!(lines(o), [l("GS-HC-50", "2", "2680")]);
    assert_eq!(o.buyer.as_ref().unwrap().name, "山田 花子");
    // The file has no shipping amount: zero.
    assert_eq!(o.order.as_ref().unwrap().shipping_fee.to_string(), "0");
}

#[test]
fn cafe24_orders_xlsx_with_date_cells() {
    let p = plan("cafe24_orders.xlsx");
    assert_eq!(p.profile.name, "cafe24");
    assert_clean(&p);
    let o = order(&p, "20261120-0000012");
    assert_eq!(o.draft.order_date, "2026-11-20", "a date cell");
    assert_eq!(o.draft.currency, "KRW", "from 상품구매금액(KRW)");
    assert_eq!(o.draft.destination_country, "US", "from 미국");
    assert_eq!(o.draft.shipping_fee, "18000", "first item only");
    assert_eq!(
        lines(o),
        [l("GS-HC-50", "2", "13000"), l("CEL-CUP-01", "1", "29000")]
    );
    assert_eq!(o.draft.lines[0].description, "인삼 핸드크림 50ml");
    assert_eq!(o.buyer.as_ref().unwrap().email, "grace.kim@example.com");
    let jp = order(&p, "20261121-0000034");
    assert_eq!(jp.draft.destination_country, "JP", "from 일본");
    assert_eq!(jp.order.as_ref().unwrap().goods_total.to_string(), "58000");
}

#[test]
fn cafe24_orders_cp949_csv() {
    let p = plan("cafe24_orders_cp949.csv");
    assert_eq!(p.encoding, Some(Encoding::Cp949));
    assert_eq!(p.profile.name, "cafe24");
    assert_clean(&p);
    // The same orders as the workbook (amounts with thousands commas, dates as text).
    let xlsx = plan("cafe24_orders.xlsx");
    for (a, b) in p.orders.iter().zip(&xlsx.orders) {
        assert_eq!(a.draft, b.draft);
        assert_eq!(
            a.buyer.as_ref().unwrap().name,
            b.buyer.as_ref().unwrap().name
        );
    }
    assert_eq!(
        order(&p, "20261120-0000012").draft.lines[1].description,
        "청자 찻잔"
    );
}

#[test]
fn utf8_with_bom() {
    let p = plan("bom_shopify.csv");
    assert_eq!(p.encoding, Some(Encoding::Utf8Bom));
    assert_eq!(
        p.profile.name, "shopify",
        "the BOM does not hide the first header"
    );
    assert_clean(&p);
    assert_eq!(p.orders.len(), 2);
}

#[test]
fn missing_required_column() {
    let e = error("missing_column.csv");
    let ImportError::NeedsMapping { request } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(request.problem.code, "import.columns_missing");
    assert!(request.problem.message_en.contains("Lineitem quantity"));
    assert!(request.problem.message_ko.contains("Lineitem quantity"));
    assert_eq!(request.profile.as_deref(), Some("shopify"));
    assert_eq!(request.missing.fields, [Field::Quantity]);
    assert_eq!(request.preview.len(), 3);
    assert_eq!(request.preview[0].row, 2);
    assert!(request.suggestions.contains(&MappingSuggestion {
        field: Field::OrderNo,
        column: "Name".into(),
        confidence: 100
    }));
    // Asking for the profile by name says the same.
    let opts = ParseOptions {
        profile: builtin_profile("shopify"),
        ..Default::default()
    };
    let e = parse(&fixture("missing_column.csv"), &opts).unwrap_err();
    assert_eq!(e.problem().unwrap().code, "import.columns_missing");
}

#[test]
fn broken_quotes() {
    let p = plan("broken_quotes.csv");
    assert!(!p.is_clean());
    assert_eq!(codes(&p.row_problems), [(3, "import.quote")]);
    assert!(p.row_problems[0].problem.message_en.contains("row 3"));
    assert!(p.row_problems[0].value.starts_with("#2002"));
    // The rows before it are read; nothing is imported while a problem stands.
    assert_eq!(p.orders.len(), 1);
    let csv = String::from_utf8(p.problems_csv()).unwrap();
    assert!(csv.lines().nth(1).unwrap().starts_with("3,,"));
}

#[test]
fn empty_and_header_only_files() {
    assert_eq!(error("empty.csv").problem().unwrap().code, "import.empty");
    let e = parse(b"Name,Lineitem quantity\r\n", &ParseOptions::default()).unwrap_err();
    assert_eq!(e.problem().unwrap().code, "import.empty");
    assert!(e
        .problem()
        .unwrap()
        .message_en
        .contains("only a header row"));
}

/// `wrong_encoding.csv` is a European Excel export in Windows-1252 (`Café Crème`, `Müller`, `€`).
/// It used to be refused; it is now read as Windows-1252 (Amazon's European reports are written
/// so) and goes on to the mapping screen, its layout being unknown.
#[test]
fn wrong_encoding() {
    let e = error("wrong_encoding.csv");
    let ImportError::NeedsMapping { request } = &e else {
        panic!("{e:?}");
    };
    assert_eq!(request.encoding, Some(Encoding::Windows1252));
    assert_eq!(request.preview[0].cells[1], "Café Crème Mug");
    assert!(request.preview[1].cells[1].starts_with("Müller"));
    // Forcing CP949 does not turn it into text.
    let opts = ParseOptions {
        encoding: Some(Encoding::Cp949),
        ..Default::default()
    };
    let e = parse(&fixture("wrong_encoding.csv"), &opts).unwrap_err();
    assert_eq!(e.problem().unwrap().code, "import.encoding");
}

#[test]
fn web_page_saved_as_xls() {
    assert_eq!(
        error("html_disguised.xls").problem().unwrap().code,
        "import.html"
    );
}

#[test]
fn formula_cells_in_csv_are_text_and_are_escaped_on_export() {
    let p = plan("formula_cells.csv");
    let o = order(&p, "#1001");
    assert_eq!(
        o.draft.lines[0].description, r#"=HYPERLINK("http://x","y")"#,
        "kept as text, never evaluated"
    );
    assert_eq!(o.buyer.as_ref().unwrap().name, "@SUM(1+1)");
    assert_eq!(order(&p, "#1002").draft.lines[0].sku, "-2+3");
    // "=1+1" is not the quantity 2.
    assert_eq!(codes(&p.row_problems), [(3, "quantity.invalid")]);
    assert_eq!(p.row_problems[0].value, "=1+1");
    let warned: Vec<&str> = p
        .warnings
        .iter()
        .filter(|w| w.problem.code == "import.formula_text")
        .map(|w| w.value.as_str())
        .collect();
    assert_eq!(
        warned,
        ["@SUM(1+1)", r#"=HYPERLINK("http://x","y")"#, "=1+1"]
    );
    // Exported back, every formula-looking value is escaped.
    let csv = String::from_utf8(p.problems_csv()).unwrap();
    assert!(csv.contains(",'=1+1,"), "{csv}");
    assert!(!csv.contains(",=1+1,"));
    let mut all = p.row_problems.clone();
    all.extend(p.warnings.clone());
    let csv = String::from_utf8(problems_csv(&all)).unwrap();
    assert!(
        csv.contains(r#""'=HYPERLINK(""http://x"",""y"")""#),
        "{csv}"
    );
    assert!(csv.contains("'@SUM(1+1)"));
    assert_eq!(
        escape_cell(&o.draft.lines[0].description),
        r#"'=HYPERLINK("http://x","y")"#
    );
}

#[test]
fn formula_cells_in_xlsx_are_read_as_stored_values() {
    let e = error("formula_cells.xlsx");
    let ImportError::NeedsMapping { request } = e else {
        panic!()
    };
    assert_eq!(request.problem.code, "import.profile_unknown");
    let profile = Profile::from_mapping("formulas", "Test", &request.suggestions);
    let p = plan_with("formula_cells.xlsx", profile);
    assert_clean(&p);
    // A real formula cell gives the value the workbook stored, not the formula.
    assert_eq!(order(&p, "F-1").draft.lines[0].description, "y");
    // Text that looks like a formula stays that text.
    let f2 = order(&p, "F-2");
    assert_eq!(
        f2.draft.lines[0].description,
        r#"=HYPERLINK("http://x","y")"#
    );
    assert_eq!(f2.draft.lines[0].unit_price, "12");
}

#[test]
fn a_shops_own_korean_sheet_through_the_mapping_screen() {
    let e = error("korean_own_sheet.csv");
    let ImportError::NeedsMapping { request } = e else {
        panic!()
    };
    assert_eq!(request.problem.code, "import.profile_unknown");
    assert_eq!(request.encoding, Some(Encoding::Utf8Bom));
    assert!(request.missing.fields.is_empty());
    let fields: Vec<(Field, &str)> = request
        .suggestions
        .iter()
        .map(|s| (s.field, s.column.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            (Field::OrderNo, "주문번호"),
            (Field::OrderDate, "주문일자"),
            (Field::BuyerName, "구매자"),
            (Field::BuyerEmail, "이메일"),
            (Field::Currency, "통화"),
            (Field::Sku, "상품코드"),
            (Field::Description, "상품명"),
            (Field::Quantity, "수량"),
            (Field::UnitPrice, "단가"),
            (Field::ShippingFee, "배송비"),
            (Field::DestinationCountry, "국가"),
        ]
    );
    let profile = Profile::from_mapping("내 주문 시트", "자사몰", &request.suggestions);
    let p = plan_with("korean_own_sheet.csv", profile);
    assert_clean(&p);
    let jp = order(&p, "DM-2611-001");
    assert_eq!(jp.marketplace, "자사몰");
    assert_eq!(jp.draft.order_date, "2026-11-20");
    assert_eq!(jp.draft.currency, "JPY");
    assert_eq!(jp.draft.destination_country, "JP", "from 일본");
    assert_eq!(
        lines(jp),
        [l("GS-HC-50", "2", "1480"), l("CEL-CUP-01", "1", "2680")]
    );
    assert_eq!(jp.draft.shipping_fee, "900");
    let tw = order(&p, "DM-2611-002");
    assert_eq!(tw.draft.destination_country, "TW", "from 대만");
    assert_eq!(tw.draft.currency, "USD");
}

#[test]
fn european_sheet_with_decimal_commas_and_day_first_dates() {
    let mapping = [
        (Field::OrderNo, "Bestellnummer"),
        (Field::OrderDate, "Datum"),
        (Field::BuyerName, "Kunde"),
        (Field::DestinationCountry, "Land"),
        (Field::Currency, "Währung"),
        (Field::Sku, "Artikelnummer"),
        (Field::Description, "Artikel"),
        (Field::Quantity, "Menge"),
        (Field::UnitPrice, "Einzelpreis"),
        (Field::ShippingFee, "Versand"),
    ];
    let mut profile = Profile::custom("EU shop", "Own shop", &mapping);
    // With the default decimal point, 1.234,50 is refused with a hint, never read as 1.234.
    let p = plan_with("eu_semicolon.csv", profile.clone());
    assert_eq!(
        p.format,
        FileFormat::Csv {
            delimiter: Delimiter::Semicolon
        }
    );
    assert!(p
        .row_problems
        .iter()
        .any(|r| r.problem.code == "amount.decimal_comma" && r.value == "€1.234,50"));
    // Day-first dates whose day is over 12 read the same under a year-first profile.
    assert!(p
        .row_problems
        .iter()
        .all(|r| !r.problem.code.starts_with("date.")));
    profile.decimal = DecimalStyle::Comma;
    profile.date_order = DateOrder::Dmy;
    let p = plan_with("eu_semicolon.csv", profile);
    assert_clean(&p);
    let de = order(&p, "DE-7001");
    assert_eq!(de.draft.order_date, "2026-11-27");
    assert_eq!(lines(de), [l("NJ-MIRR-01", "1", "1234.50")]);
    assert_eq!(de.draft.shipping_fee, "12.9");
    assert_eq!(de.draft.currency, "EUR");
    assert_eq!(order(&p, "DE-7002").draft.destination_country, "AT");
}

fn plan_text(text: &str, profile: &str) -> ImportPlan {
    let opts = ParseOptions {
        profile: builtin_profile(profile),
        ..Default::default()
    };
    parse(text.as_bytes(), &opts).unwrap_or_else(|e| panic!("{e}"))
}

const SHOPIFY_MINI: &str = "Name,Created at,Currency,Shipping,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Shipping Country,Shipping Name\n";

#[test]
fn conflicting_order_values_are_problems_on_their_row() {
    let p = plan_text(
        &format!("{SHOPIFY_MINI}#1,2026-11-20,USD,5,1,Mug,10,M,US,Ann\n#1,2026-11-20,EUR,,1,Cup,8,C,US,Ann\n#1,2026-11-20,,,1,Bowl,9,B,JP,\n"),
        "shopify",
    );
    let found: Vec<(u32, &str, Option<&str>)> = p
        .row_problems
        .iter()
        .map(|r| (r.row, r.problem.code.as_str(), r.column.as_deref()))
        .collect();
    assert_eq!(
        found,
        [
            (3, "import.conflict", Some("Currency")),
            (4, "import.conflict", Some("Shipping Country"))
        ]
    );
    assert!(p.row_problems[0]
        .problem
        .message_en
        .starts_with("Row 3, column 'Currency': "));
    assert!(p.row_problems[0]
        .problem
        .message_ko
        .starts_with("3행 'Currency' 열: "));
    assert_eq!(p.row_problems[0].problem.params["row"], "3");
    assert!(p.orders[0].order.is_none());
}

#[test]
fn validation_problems_get_row_and_column() {
    let p = plan_text(
        &format!("{SHOPIFY_MINI}#1,2026-11-20,USD,5,0,Mug,10,M,US,Ann\n#2,someday,XYZ,-3,2,Cup,abc,C,Atlantis,Bo\n#3,2026-11-20,USD,,1,Plate,5,P,,Cy\n"),
        "shopify",
    );
    let found: Vec<(u32, &str, Option<&str>, &str)> = p
        .row_problems
        .iter()
        .map(|r| {
            (
                r.row,
                r.problem.code.as_str(),
                r.column.as_deref(),
                r.value.as_str(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (2, "quantity.zero", Some("Lineitem quantity"), "0"),
            (3, "date.invalid", Some("Created at"), "someday"),
            (3, "currency.unknown", Some("Currency"), "XYZ"),
            (3, "amount.invalid", Some("Lineitem price"), "abc"),
            (3, "amount.negative", Some("Shipping"), "-3"),
            (3, "country.unknown", Some("Shipping Country"), "Atlantis"),
            (4, "country.empty", Some("Shipping Country"), ""),
        ]
    );
    assert!(p.orders.iter().all(|o| o.order.is_none()));
    // Every problem can be saved with its row, column and both languages.
    let csv = String::from_utf8(p.problems_csv()).unwrap();
    assert_eq!(csv.lines().count(), 1 + found.len());
    assert!(csv.contains("Atlantis"));
}

#[test]
fn currency_missing_and_assumed() {
    let text = "Order ID,Item,Qty,Price,Country\nA-1,Mug,1,10.00,US\nA-2,Cup,1,$8.00,US\n";
    let mapping = [
        (Field::OrderNo, "Order ID"),
        (Field::Description, "Item"),
        (Field::Quantity, "Qty"),
        (Field::UnitPrice, "Price"),
        (Field::DestinationCountry, "Country"),
    ];
    let mut profile = Profile::custom("x", "Own", &mapping);
    profile.default_incoterm = "FOB".into();
    let opts = ParseOptions {
        profile: Some(profile.clone()),
        ..Default::default()
    };
    let p = parse(text.as_bytes(), &opts).unwrap();
    // A-1: no currency anywhere. A-2: a bare $ is read as USD, with a warning.
    assert_eq!(
        codes(&p.row_problems),
        [
            (2, "currency.missing"),
            (2, "date.empty"),
            (3, "date.empty")
        ]
    );
    assert_eq!(order(&p, "A-2").draft.currency, "USD");
    assert_eq!(order(&p, "A-2").draft.incoterm, "FOB");
    assert!(p
        .warnings
        .iter()
        .any(|w| w.problem.code == "import.currency_assumed"));
    // A default currency and date column settle it.
    profile.default_currency = Some("USD".into());
    let text = "Order ID,Date,Item,Qty,Price,Country\nA-1,2026-11-20,Mug,1,10.00,US\n";
    profile.columns.push(ColumnMap {
        field: Field::OrderDate,
        headers: vec!["Date".into()],
        required: false,
        decimal: None,
    });
    let opts = ParseOptions {
        profile: Some(profile),
        ..Default::default()
    };
    assert_clean(&parse(text.as_bytes(), &opts).unwrap());
}

#[test]
fn order_numbers_excel_turned_into_scientific_notation() {
    let p = plan_text(
        &format!("{SHOPIFY_MINI}1.23457E+15,2026-11-20,USD,5,1,Mug,10,M,US,Ann\n"),
        "shopify",
    );
    assert_eq!(codes(&p.row_problems), [(2, "order_no.scientific")]);
}

#[test]
fn rows_without_an_order_number() {
    let p = plan_text(
        &format!("{SHOPIFY_MINI}#1,2026-11-20,USD,5,1,Mug,10,M,US,Ann\n,,,,1,Cup,8,C,,\n"),
        "shopify",
    );
    assert_eq!(codes(&p.row_problems), [(3, "order_no.empty")]);
    assert_eq!(p.row_problems[0].column.as_deref(), Some("Name"));
}

#[test]
fn continuation_rows_of_an_order_are_kept_quietly() {
    let text = "order-id\tsku\tproduct-name\tquantity-purchased\tcurrency\titem-price\tpurchase-date\tship-country\n\
                111-1\tA\tMug\t1\tUSD\t10.00\t2026-11-20T01:00:00+00:00\tUS\n\
                111-1\t\t\t\t\t\t\t\n";
    let p = parse(text.as_bytes(), &ParseOptions::default()).unwrap();
    assert_clean(&p);
    assert_eq!(p.orders[0].rows, [2, 3]);
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
}

#[test]
fn line_amount_that_differs_from_price_times_quantity() {
    let p = plan("etsy_sold_order_items.csv");
    assert!(p.warnings.is_empty());
    let text = "Sale Date,Item Name,Buyer,Quantity,Price,Item Total,Currency,Transaction ID,Ship Country,Order ID\n11/20/26,Mug,ann,2,25.00,45.00,USD,1,United States,9\n";
    let p = parse(text.as_bytes(), &ParseOptions::default()).unwrap();
    assert_clean(&p);
    assert_eq!(lines(&p.orders[0]), [l("", "2", "22.5")]);
    assert_eq!(codes(&p.warnings), [(2, "import.line_amount_differs")]);
}

#[test]
fn a_named_sheet() {
    let opts = ParseOptions {
        sheet: Some("주문목록".into()),
        ..Default::default()
    };
    assert!(parse(&fixture("cafe24_orders.xlsx"), &opts).is_ok());
    let opts = ParseOptions {
        sheet: Some("Sheet9".into()),
        ..Default::default()
    };
    let e = parse(&fixture("cafe24_orders.xlsx"), &opts).unwrap_err();
    let p: &Problem = e.problem().unwrap();
    assert_eq!(p.code, "import.sheet");
    assert!(p.message_en.contains("주문목록"));
}

#[test]
fn plans_and_errors_serialize_for_the_ui() {
    let p = plan("shopify_orders_export.csv");
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(json["encoding"], "utf8");
    assert_eq!(json["format"]["kind"], "csv");
    assert_eq!(json["orders"][0]["draft"]["order_no"], "#1001");
    let back: ImportPlan = serde_json::from_value(json).unwrap();
    assert_eq!(back, p);
    let e = error("missing_column.csv");
    let json = serde_json::to_value(&e).unwrap();
    assert_eq!(json["kind"], "needs_mapping");
    assert_eq!(json["request"]["missing"]["fields"][0], "quantity");
    assert_eq!(
        serde_json::to_value(ImportError::Cancelled).unwrap()["kind"],
        "cancelled"
    );
}

// ---------------------------------------------------------------------------------------------
// Issue 15: money as paid, order status, and the report variants sellers download.
// ---------------------------------------------------------------------------------------------

fn dec(s: &str) -> rust_decimal::Decimal {
    s.parse().unwrap()
}

fn skipped<'a>(p: &'a ImportPlan, no: &str) -> &'a SkippedOrder {
    p.skipped
        .iter()
        .find(|s| s.order_no == no)
        .unwrap_or_else(|| panic!("{no} not left out: {:?}", p.skipped))
}

/// The real header of a 2026 Shopify orders export (79 columns, see PROFILES.md) with orders
/// in every financial state and discounts at order and line level.
#[test]
fn shopify_statuses_discounts_and_refunds() {
    let p = plan("shopify_orders_export_statuses.csv");
    assert_eq!(p.profile.name, "shopify");
    assert_clean(&p);
    // 64.00 + 2 × 19.00 = 102.00 less the order's 10.20: 91.80, split 6.40 / 3.80.
    let o = order(&p, "#2001").order.as_ref().unwrap();
    assert_eq!(o.goods_total, dec("91.80"));
    assert_eq!(o.goods_before_discount(), dec("102.00"));
    assert_eq!(o.lines[0].discount, dec("6.40"));
    assert_eq!(o.lines[1].discount, dec("3.80"));
    assert_eq!(o.shipping_fee, dec("18"));
    assert_eq!(o.shipping_separate, Some(true));
    // The line already carries the order's discount: not taken twice.
    let o = order(&p, "#2006").order.as_ref().unwrap();
    assert_eq!(o.goods_total, dec("76.60"));
    assert_eq!(o.discount_total(), dec("6.40"));
    // Voided, refunded and partly paid orders are left out, with the status as written.
    let s = skipped(&p, "#2002");
    assert_eq!(s.kind, StatusKind::Cancelled);
    assert_eq!(
        s.status, "voided / Cancelled at: 2026-11-20 11:40:00 -0500",
        "the status and the Cancelled at value"
    );
    assert_eq!(skipped(&p, "#2003").kind, StatusKind::Cancelled);
    let s = skipped(&p, "#2005");
    assert_eq!(
        (s.kind, s.status.as_str()),
        (StatusKind::Unpaid, "partially_paid")
    );
    assert_eq!(p.skipped.len(), 3);
    assert!(p
        .orders
        .iter()
        .all(|o| !["#2002", "#2003", "#2005"].contains(&o.order_no.as_str())));
    // A partial refund is imported, with a warning naming it.
    assert!(p.orders.iter().any(|o| o.order_no == "#2004"));
    let w = p
        .warnings
        .iter()
        .find(|w| w.problem.code == "import.partly_refunded")
        .expect("partial refund warning");
    assert!(w.problem.message_en.contains("#2004") && w.problem.message_en.contains("12"));
    assert_eq!(w.column.as_deref(), Some("Refunded Amount"));
}

/// Amazon's All Orders report: order and item status can disagree; promotions are negative.
#[test]
fn amazon_all_orders_report() {
    let p = plan("amazon_all_orders.txt");
    assert_eq!(p.profile.name, "amazon");
    assert_clean(&p);
    // 2 × 64.00 = 128.00 with a 12.80 promotion written as -12.80.
    let o = order(&p, "111-2223334-4445556").order.as_ref().unwrap();
    assert_eq!(o.goods_total, dec("115.20"));
    assert_eq!(o.lines[0].discount, dec("12.80"));
    // The cancelled item of a shipped order is left out; the rest of the order stays.
    let o = order(&p, "111-2223334-5556667");
    assert_eq!(o.draft.lines.len(), 1);
    assert_eq!(o.draft.lines[0].sku, "DM-GT-50");
    assert!(p
        .warnings
        .iter()
        .any(|w| w.problem.code == "import.line_left_out" && w.row == 4));
    // A cancelled order and a pending one (no price yet) are left out, without problems.
    assert_eq!(
        skipped(&p, "111-2223334-6667778").kind,
        StatusKind::Cancelled
    );
    let s = skipped(&p, "111-2223334-7778889");
    assert_eq!(
        (s.kind, s.status.as_str()),
        (StatusKind::Unpaid, "Pending / Unshipped")
    );
    assert_eq!(p.orders.len(), 2);
}

#[test]
fn reports_without_prices_or_items_name_the_report_to_download() {
    for (name, report, says) in [
        (
            "amazon_unshipped_orders.txt",
            "amazon_unshipped",
            "All Orders report",
        ),
        (
            "etsy_sold_orders_uk.csv",
            "etsy_sold_orders",
            "EtsySoldOrderItems",
        ),
    ] {
        let e = error(name);
        let ImportError::Unreadable { problem } = &e else {
            panic!("{name}: {e:?}");
        };
        assert_eq!(problem.code, "import.wrong_report", "{name}");
        assert_eq!(
            problem.params.get("report").map(String::as_str),
            Some(report)
        );
        assert!(problem.message_en.contains(says), "{}", problem.message_en);
    }
}

/// Qoo10 in UTF-8: a line's 割引額 comes off what was paid; a キャンセル order is left out.
#[test]
fn qoo10_discount_and_cancellation() {
    let p = plan("qoo10_delivery_management_utf8.csv");
    assert_eq!(p.profile.name, "qoo10");
    assert_eq!(p.encoding, Some(Encoding::Utf8));
    assert_clean(&p);
    let o = order(&p, "1012345678").order.as_ref().unwrap();
    assert_eq!(o.goods_total, dec("1780"));
    assert_eq!(o.goods_before_discount(), dec("1980"));
    let s = skipped(&p, "1012345680");
    assert_eq!(
        (s.kind, s.status.as_str()),
        (StatusKind::Cancelled, "キャンセル")
    );
    assert_eq!(p.orders.len(), 2);
}

/// Problems on the rows of an order that is left out do not stop the file.
#[test]
fn a_cancelled_order_with_bad_values_does_not_stop_the_import() {
    let text = "Name,Financial Status,Currency,Created at,Lineitem quantity,Lineitem name,Lineitem price,Shipping Country,Cancelled at\n\
                #1,paid,USD,2026-11-20 09:00:00 -0500,1,Cream,10.00,US,\n\
                #2,voided,USD,someday,-1,Cup,abc,US,2026-11-20 10:00:00 -0500\n";
    let p = plan_text(text, "shopify");
    assert_clean(&p);
    assert_eq!(p.orders.len(), 1);
    assert_eq!(skipped(&p, "#2").kind, StatusKind::Cancelled);
}

/// Shopee: the file's returned quantity is a warning that points at recording a return.
#[test]
fn shopee_returned_quantity_and_older_product_information_header() {
    let text = "Order ID,Order Status,Cancel reason,Order Creation Date,Product Information,SKU Reference No.,Deal Price,Quantity,Returned quantity,Total Discount(PHP),Buyer Paid Shipping Fee,Country\n\
                2611AAA,Completed,,2026-11-20 10:00,Hand cream,HC-1,129.00,2,1,0,45.00,Philippines\n\
                2611BBB,Cancelled,Out of stock,2026-11-20 11:00,Tea cup,CUP-1,184.00,1,0,0,0,Philippines\n";
    let p = plan_text(text, "shopee");
    assert!(p.is_clean(), "{:?}", p.row_problems);
    assert_eq!(p.orders.len(), 1);
    assert_eq!(
        order(&p, "2611AAA").draft.lines[0].description,
        "Hand cream"
    );
    assert!(p
        .warnings
        .iter()
        .any(|w| w.problem.code == "import.returned_quantity"
            && w.problem.message_en.contains("1 of this line")));
    assert_eq!(skipped(&p, "2611BBB").kind, StatusKind::Cancelled);
}

/// A Cafe24 download whose template has no order date column (the 13-column layout of an
/// observed file): the mapping screen asks for the date instead of failing every order.
#[test]
fn a_cafe24_template_without_an_order_date_asks_for_the_column() {
    let e = error("cafe24_template_without_order_date.csv");
    let ImportError::NeedsMapping { request } = &e else {
        panic!("{e:?}");
    };
    assert_eq!(request.problem.code, "import.date_column_missing");
    assert_eq!(request.profile.as_deref(), Some("cafe24"));
    assert_eq!(request.missing.fields, [Field::OrderDate]);
    // With the date chosen (here 발주일), the file imports; the item's paid amount is the line.
    let mut p = builtin_profile("cafe24").unwrap();
    p.columns.push(ColumnMap {
        field: Field::OrderDate,
        headers: vec!["발주일".into()],
        required: false,
        decimal: None,
    });
    p.default_country = Some("US".into());
    p.default_currency = Some("KRW".into());
    let plan = plan_with("cafe24_template_without_order_date.csv", p);
    assert_clean(&plan);
    let o = order(&plan, "20261130-0000024").order.as_ref().unwrap();
    assert_eq!(o.goods_total, dec("97000"));
    assert_eq!(o.lines[0].unit_price, dec("32000"));
}

/// Shopee Indonesia writes rupiah with dots between thousands: 150.000 is 150,000, not 150.
#[test]
fn rupiah_amounts_with_dots_between_thousands() {
    let text = "Order ID,Order Status,Order Creation Date,Product Name,SKU Reference No.,Deal Price,Quantity,Buyer Paid Shipping Fee(IDR),Country\n\
                2611IDA,Completed,2026-11-20 10:00,Hand cream,HC-1,150.000,2,20.000,Indonesia\n\
                2611IDB,Completed,2026-11-20 11:00,Tea cup,CUP-1,1.250.000,1,0,Indonesia\n";
    let p = plan_text(text, "shopee");
    assert!(p.is_clean(), "{:?}", p.row_problems);
    let o = order(&p, "2611IDA").order.as_ref().unwrap();
    assert_eq!(o.currency.code(), "IDR");
    assert_eq!(o.goods_total, dec("300000"));
    let o = order(&p, "2611IDB").order.as_ref().unwrap();
    assert_eq!(o.goods_total, dec("1250000"));
    assert!(p
        .warnings
        .iter()
        .any(|w| w.problem.code == "import.thousands_dots"));
}

/// A Shopee export without a currency in its amount headers (Malaysia, Singapore): the currency
/// is asked once for the whole file instead of failing every order.
#[test]
fn the_currency_of_a_file_that_names_none_is_given_once() {
    let text = "Order ID,Order Status,Order Creation Date,Product Name,SKU Reference No.,Deal Price,Quantity,Buyer Paid Shipping Fee,Country\n\
                2611SGA,Completed,2026-11-20 10:00,Hand cream,HC-1,12.90,2,4.50,Singapore\n\
                2611SGB,Completed,2026-11-20 11:00,Tea cup,CUP-1,18.40,1,0,Singapore\n";
    let p = plan_text(text, "shopee");
    assert_eq!(
        codes(&p.row_problems),
        [(2, "currency.missing"), (3, "currency.missing")]
    );
    let opts = ParseOptions {
        profile: builtin_profile("shopee"),
        currency: Some("SGD".into()),
        ..Default::default()
    };
    let p = parse(text.as_bytes(), &opts).unwrap();
    assert_clean(&p);
    assert!(p.orders.iter().all(|o| o.draft.currency == "SGD"));
    let opts = ParseOptions {
        currency: Some("XYZ".into()),
        ..opts
    };
    assert!(matches!(
        parse(text.as_bytes(), &opts),
        Err(ImportError::Unreadable { .. })
    ));
}
