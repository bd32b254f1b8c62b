//! Writes the binary fixtures (workbooks and non-UTF-8 text) from the data below.
//!
//! The text fixtures in `tests/fixtures/` are hand-made files and their own source. The files
//! this test writes cannot be edited by hand, so their content lives here; regenerate them with
//!
//! ```sh
//! cargo test -p exportdesk-import --test gen_fixtures -- --ignored
//! ```
//!
//! All orders, people and addresses are made up; emails use example.com.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn fixed_properties() -> DocProperties {
    let when = ExcelDateTime::from_ymd(2026, 11, 27)
        .unwrap()
        .and_hms(9, 0, 0)
        .unwrap();
    DocProperties::new()
        .set_author("ExportDesk fixtures")
        .set_creation_datetime(&when)
}

enum Cell<'a> {
    Text(&'a str),
    Number(f64),
    /// A date-time cell: (y, m, d, h, min, s).
    When(u16, u8, u8, u16, u8, f64),
    /// A real formula with the result the workbook stores.
    Formula(&'a str, &'a str),
}

fn workbook(sheet: &str, header: &[&str], rows: &[Vec<Cell>]) -> Vec<u8> {
    let mut book = Workbook::new();
    book.set_properties(&fixed_properties());
    let ws = book.add_worksheet();
    ws.set_name(sheet).unwrap();
    let date_format = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text("") => {}
                Cell::Text(t) => {
                    ws.write_string(r, c, *t).unwrap();
                }
                Cell::Number(n) => {
                    ws.write_number(r, c, *n).unwrap();
                }
                Cell::When(y, mo, d, h, mi, s) => {
                    let dt = ExcelDateTime::from_ymd(*y, *mo, *d)
                        .unwrap()
                        .and_hms(*h, *mi, *s)
                        .unwrap();
                    ws.write_datetime_with_format(r, c, &dt, &date_format)
                        .unwrap();
                }
                Cell::Formula(f, result) => {
                    ws.write_formula(r, c, *f).unwrap();
                    ws.set_formula_result(r, c, *result);
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

use Cell::{Formula, Number as N, Text as T, When};

const SHOPEE_HEADER: &[&str] = &[
    "Order ID",
    "Order Status",
    "Return / Refund Status",
    "Tracking Number*",
    "Shipping Option",
    "Shipment Method",
    "Estimated Ship Out Date",
    "Ship Time",
    "Order Creation Date",
    "Order Paid Time",
    "Parent SKU Reference No.",
    "Product Name",
    "SKU Reference No.",
    "Variation Name",
    "Original Price",
    "Deal Price",
    "Quantity",
    "Returned quantity",
    "Product Subtotal",
    "Total Discount(SGD)",
    "Price Discount(from Seller)(SGD)",
    "Shopee Rebate(SGD)",
    "SKU Total Weight",
    "Number of Items in Order",
    "Order Total Weight",
    "Seller Voucher(SGD)",
    "Seller Absorbed Coin Cashback",
    "Shopee Voucher(SGD)",
    "Bundle Deals Indicator(Y/N)",
    "Shopee Bundle Discount(SGD)",
    "Seller Bundle Discount(SGD)",
    "Shopee Coins Offset(SGD)",
    "Credit Card Discount Total(SGD)",
    "Products' Price Paid by Buyer (SGD)",
    "Buyer Paid Shipping Fee",
    "Shipping Rebate Estimate",
    "Reverse Shipping Fee",
    "Service Fee",
    "Grand Total",
    "Estimated Shipping Fee",
    "Username (Buyer)",
    "Receiver Name",
    "Phone Number",
    "Delivery Address",
    "Town",
    "District",
    "City",
    "Province",
    "Country",
    "Zip Code",
    "Remark from buyer",
    "Order Complete Time",
    "Note",
];

#[allow(clippy::too_many_arguments)]
fn shopee_row<'a>(
    order: &'a str,
    created: &'a str,
    parent: &'a str,
    name: &'a str,
    sku: &'a str,
    variation: &'a str,
    original: f64,
    deal: f64,
    qty: f64,
    items: f64,
    ship: f64,
    total: f64,
    user: &'a str,
    receiver: &'a str,
    phone: &'a str,
    address: &'a str,
    zip: &'a str,
) -> Vec<Cell<'a>> {
    vec![
        T(order),
        T("To ship"),
        T(""),
        T(""),
        T("Standard Delivery"),
        T("Dropoff"),
        T("2026-11-23"),
        T(""),
        T(created),
        T(created),
        T(parent),
        T(name),
        T(sku),
        T(variation),
        N(original),
        N(deal),
        N(qty),
        N(0.0),
        N(deal * qty),
        N((original - deal) * qty),
        N((original - deal) * qty),
        N(0.0),
        T("0.2 kg"),
        N(items),
        T("0.4 kg"),
        N(0.0),
        N(0.0),
        N(0.0),
        T("N"),
        N(0.0),
        N(0.0),
        N(0.0),
        N(0.0),
        N(deal * qty),
        N(ship),
        N(0.0),
        N(0.0),
        N(0.0),
        N(total),
        N(ship),
        T(user),
        T(receiver),
        T(phone),
        T(address),
        T(""),
        T(""),
        T("Singapore"),
        T(""),
        T("Singapore"),
        T(zip),
        T(""),
        T(""),
        T(""),
    ]
}

fn shopee() -> Vec<u8> {
    let rows = vec![
        shopee_row(
            "261120ABCD1234",
            "2026-11-20 14:03",
            "GS-HC",
            "Korean Ginseng Hand Cream 50ml",
            "GS-HC-50",
            "Original",
            15.9,
            12.9,
            2.0,
            3.0,
            4.5,
            48.2,
            "sg_lim88",
            "Lim Wei Ling",
            "6591234567",
            "Blk 123 Tampines St 11, #05-67",
            "521123",
        ),
        shopee_row(
            "261120ABCD1234",
            "2026-11-20 14:03",
            "CEL-CUP",
            "Celadon Tea Cup",
            "CEL-CUP-01",
            "Jade",
            18.4,
            18.4,
            1.0,
            3.0,
            0.0,
            0.0,
            "sg_lim88",
            "Lim Wei Ling",
            "6591234567",
            "Blk 123 Tampines St 11, #05-67",
            "521123",
        ),
        shopee_row(
            "261121EFGH5678",
            "2026-11-21 09:47",
            "HJ-COAST",
            "Hanji Tea Coaster Set",
            "HJ-COAST-IND",
            "Indigo",
            24.0,
            21.6,
            1.0,
            1.0,
            3.5,
            25.1,
            "rachel.ong",
            "Rachel Ong",
            "6598765432",
            "8 Marina View, #20-01",
            "018960",
        ),
    ];
    workbook("orders", SHOPEE_HEADER, &rows)
}

const CAFE24_HEADER: &[&str] = &[
    "주문번호",
    "품목별 주문번호",
    "주문일시",
    "결제일시(입금확인일)",
    "주문자명",
    "주문자 이메일",
    "수령인",
    "수령인 휴대전화",
    "수령인 주소(전체)",
    "배송국가",
    "자체 상품코드",
    "상품명(한국어 쇼핑몰)",
    "상품옵션",
    "수량",
    "판매가",
    "상품구매금액(KRW)",
    "총 배송비 (첫 품목에만 표시)",
    "총 결제금액(KRW)",
    "쇼핑몰",
];

struct Cafe24Line {
    order: &'static str,
    item: &'static str,
    when: (u16, u8, u8, u16, u8),
    buyer: &'static str,
    email: &'static str,
    phone: &'static str,
    address: &'static str,
    country: &'static str,
    sku: &'static str,
    name: &'static str,
    option: &'static str,
    qty: u32,
    price: u32,
    shipping: Option<u32>,
    total: u32,
}

fn cafe24_lines() -> Vec<Cafe24Line> {
    vec![
        Cafe24Line {
            order: "20261120-0000012",
            item: "20261120-0000012-01",
            when: (2026, 11, 20, 21, 34),
            buyer: "Grace Kim",
            email: "grace.kim@example.com",
            phone: "+1-213-555-0187",
            address: "3450 Wilshire Blvd, Los Angeles, CA 90010",
            country: "미국",
            sku: "GS-HC-50",
            name: "인삼 핸드크림 50ml",
            option: "향=오리지널",
            qty: 2,
            price: 13000,
            shipping: Some(18000),
            total: 73000,
        },
        Cafe24Line {
            order: "20261120-0000012",
            item: "20261120-0000012-02",
            when: (2026, 11, 20, 21, 34),
            buyer: "Grace Kim",
            email: "grace.kim@example.com",
            phone: "+1-213-555-0187",
            address: "3450 Wilshire Blvd, Los Angeles, CA 90010",
            country: "미국",
            sku: "CEL-CUP-01",
            name: "청자 찻잔",
            option: "",
            qty: 1,
            price: 29000,
            shipping: None,
            total: 73000,
        },
        Cafe24Line {
            order: "20261121-0000034",
            item: "20261121-0000034-01",
            when: (2026, 11, 21, 8, 5),
            buyer: "Sato Haruka",
            email: "haruka.sato@example.com",
            phone: "+81-90-5555-0123",
            address: "東京都世田谷区三軒茶屋2-11-22",
            country: "일본",
            sku: "NJ-MIRR-01",
            name: "나전 손거울",
            option: "색상=흑",
            qty: 1,
            price: 58000,
            shipping: Some(12000),
            total: 70000,
        },
    ]
}

fn cafe24_xlsx() -> Vec<u8> {
    let lines = cafe24_lines();
    let rows: Vec<Vec<Cell>> = lines
        .iter()
        .map(|l| {
            let (y, m, d, h, mi) = l.when;
            vec![
                T(l.order),
                T(l.item),
                When(y, m, d, h, mi, 0.0),
                When(y, m, d, h, mi + 1, 0.0),
                T(l.buyer),
                T(l.email),
                T(l.buyer),
                T(l.phone),
                T(l.address),
                T(l.country),
                T(l.sku),
                T(l.name),
                T(l.option),
                N(l.qty as f64),
                N(l.price as f64),
                N((l.qty * l.price) as f64),
                l.shipping.map_or(T(""), |s| N(s as f64)),
                N(l.total as f64),
                T("영문몰"),
            ]
        })
        .collect();
    workbook("주문목록", CAFE24_HEADER, &rows)
}

/// The same orders as Korean Excel saves a plain "CSV": CP949, amounts with thousands commas.
fn cafe24_cp949() -> Vec<u8> {
    let mut text = String::new();
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    text.push_str(
        &CAFE24_HEADER
            .iter()
            .map(|h| quote(h))
            .collect::<Vec<_>>()
            .join(","),
    );
    text.push_str("\r\n");
    let money = |n: u32| {
        let s = n.to_string();
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    };
    for l in cafe24_lines() {
        let (y, m, d, h, mi) = l.when;
        let cells = [
            l.order.to_string(),
            l.item.to_string(),
            format!("{y}-{m:02}-{d:02} {h:02}:{mi:02}:00"),
            format!("{y}-{m:02}-{d:02} {h:02}:{:02}:00", mi + 1),
            l.buyer.to_string(),
            l.email.to_string(),
            l.buyer.to_string(),
            l.phone.to_string(),
            l.address
                .replace("東京都世田谷区三軒茶屋", "Setagaya-ku, Tokyo "),
            l.country.to_string(),
            l.sku.to_string(),
            l.name.to_string(),
            l.option.to_string(),
            l.qty.to_string(),
            money(l.price),
            money(l.qty * l.price),
            l.shipping.map(money).unwrap_or_default(),
            money(l.total),
            "영문몰".to_string(),
        ];
        text.push_str(&cells.iter().map(|c| quote(c)).collect::<Vec<_>>().join(","));
        text.push_str("\r\n");
    }
    let (bytes, _, unmappable) = encoding_rs::EUC_KR.encode(&text);
    assert!(!unmappable, "CP949 cannot hold every character");
    bytes.into_owned()
}

/// Qoo10 Japan's QSM shipping management download: Shift_JIS, Japanese headers.
fn qoo10_sjis() -> Vec<u8> {
    let header = [
        "配送状態",
        "注文番号",
        "カート番号",
        "配送会社",
        "送り状番号",
        "発送日",
        "注文日",
        "入金日",
        "お届け希望日",
        "発送予定日",
        "配送完了日",
        "配送方法",
        "商品番号",
        "商品名",
        "数量",
        "オプション情報",
        "オプションコード",
        "おまけ",
        "受取人名",
        "受取人名(フリガナ)",
        "受取人電話番号",
        "受取人携帯電話番号",
        "住所",
        "郵便番号",
        "国家",
        "送料の決済",
        "決済サイト",
        "通貨",
        "購入者決済金額",
        "販売価格",
        "割引額",
        "注文金額の合計",
        "供給原価の合計",
        "購入者名",
        "購入者名(フリガナ)",
        "配送要請事項",
        "購入者電話番号",
        "購入者携帯電話番号",
        "販売者商品コード",
        "JANコード",
        "規格番号",
        "プレゼント贈り主",
        "外部広告",
        "素材",
    ];
    #[allow(clippy::type_complexity)]
    let orders: [(
        &str,
        &str,
        &str,
        &str,
        &str,
        &str,
        &str,
        &str,
        &str,
        &str,
        &str,
    ); 3] = [
        (
            "1001234567",
            "780012345",
            "2026/11/20 13:05:22",
            "1089876543",
            "高麗人参ハンドクリーム 50ml",
            "2",
            "2680",
            "山田 花子",
            "東京都渋谷区神南1-2-3",
            "150-0041",
            "GS-HC-50",
        ),
        (
            "1001234568",
            "780012399",
            "2026/11/21 19:40:07",
            "1089876600",
            "青磁 ティーカップ",
            "1",
            "3980",
            "佐々木 健",
            "大阪府大阪市北区梅田3-1-1",
            "530-0001",
            "CEL-CUP-01",
        ),
        (
            "1001234569",
            "780012399",
            "2026/11/21 19:40:07",
            "1089876655",
            "韓紙コースター 藍",
            "1",
            "1980",
            "佐々木 健",
            "大阪府大阪市北区梅田3-1-1",
            "530-0001",
            "HJ-COAST-IND",
        ),
    ];
    let mut text = header.join(",") + "\r\n";
    for (no, cart, when, item_no, name, qty, price, who, address, zip, sku) in orders {
        let q: u32 = qty.parse().unwrap();
        let p: u32 = price.parse().unwrap();
        let cells = [
            "配送要請",
            no,
            cart,
            "",
            "",
            "",
            when,
            when,
            "",
            "2026/11/24",
            "",
            "国際配送",
            item_no,
            name,
            qty,
            "",
            "",
            "",
            who,
            "",
            "03-5555-0101",
            "090-5555-0101",
            address,
            zip,
            "JP",
            "前払い",
            "Qoo10",
            "JPY",
            &(q * p).to_string(),
            price,
            "0",
            &(q * p).to_string(),
            "",
            who,
            "",
            "",
            "03-5555-0101",
            "090-5555-0101",
            sku,
            "",
            "",
            "",
            "",
            "",
        ];
        assert_eq!(cells.len(), header.len());
        text.push_str(&cells.join(","));
        text.push_str("\r\n");
    }
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
    assert!(!unmappable, "Shift_JIS cannot hold every character");
    bytes.into_owned()
}

/// An XLSX whose cells hold formulas and formula-looking text.
fn formula_xlsx() -> Vec<u8> {
    let header = &[
        "Order ID",
        "Order Date",
        "Product Name",
        "Quantity",
        "Unit Price",
        "Currency",
        "Country",
    ];
    let rows = vec![
        vec![
            T("F-1"),
            T("2026-11-20"),
            Formula(r#"=HYPERLINK("http://x","y")"#, "y"),
            N(1.0),
            N(10.0),
            T("USD"),
            T("US"),
        ],
        vec![
            T("F-2"),
            T("2026-11-20"),
            T(r#"=HYPERLINK("http://x","y")"#),
            N(2.0),
            Formula("=2*6", "12"),
            T("USD"),
            T("US"),
        ],
    ];
    workbook("Sheet1", header, &rows)
}

#[test]
#[ignore = "writes tests/fixtures; run with --ignored to regenerate"]
fn generate_binary_fixtures() {
    let dir = fixtures();
    for (name, bytes) in [
        ("shopee_order_export.xlsx", shopee()),
        ("cafe24_orders.xlsx", cafe24_xlsx()),
        ("cafe24_orders_cp949.csv", cafe24_cp949()),
        ("qoo10_delivery_management_sjis.csv", qoo10_sjis()),
        ("formula_cells.xlsx", formula_xlsx()),
    ] {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}
