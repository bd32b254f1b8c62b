//! Large order files made up on the spot (never committed): a Shopify orders export with the
//! real export's 56 columns, 1–3 lines per order, shipping on the first line.

#![allow(dead_code)]

const HEADER: &str = "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Id,Tags,Risk Level,Source,Lineitem discount";

const PRODUCTS: [(&str, &str, &str); 6] = [
    ("HJ-COAST-IND", "Hanji Tea Coaster Set - Indigo", "18.00"),
    ("CEL-VASE-S", "Celadon Mini Vase", "42.50"),
    ("GS-HC-50", "Ginseng Hand Cream 50ml", "9.90"),
    (
        "NJ-MIRR-01",
        "Najeon Mother-of-Pearl Compact Mirror",
        "64.00",
    ),
    ("BJ-WRAP-L", "\"Bojagi Gift Wrap, Large\"", "12.00"),
    ("CEL-CUP-01", "Celadon Tea Cup", "14.99"),
];

const PLACES: [(&str, &str, &str); 8] = [
    ("US", "Portland", "OR"),
    ("CA", "Toronto", "ON"),
    ("DE", "Berlin", "BE"),
    ("JP", "Osaka", "27"),
    ("GB", "York", "NYK"),
    ("AU", "Sydney", "NSW"),
    ("FR", "Lyon", "ARA"),
    ("SG", "Singapore", ""),
];

/// A Shopify orders export with `rows` order-line rows.
pub fn shopify_csv(rows: usize) -> Vec<u8> {
    let mut out = String::with_capacity(rows * 420);
    out.push_str(HEADER);
    out.push_str("\r\n");
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let (mut written, mut order) = (0usize, 1000usize);
    while written < rows {
        order += 1;
        let lines = (1 + next() % 3) as usize;
        let (country, city, province) = PLACES[(next() % 8) as usize];
        let day = 1 + next() % 28;
        let minute = next() % 60;
        for line in 0..lines.min(rows - written) {
            let (sku, name, price) = PRODUCTS[(next() % 6) as usize];
            let qty = 1 + next() % 5;
            let created = format!("2026-11-{day:02} 10:{minute:02}:00 +0900");
            if line == 0 {
                out.push_str(&format!(
                    "#{order},buyer{order}@example.com,paid,{created},unfulfilled,,no,USD,100.00,12.00,0.00,112.00,,0.00,International Express,{created},{qty},{name},{price},,{sku},true,true,pending,Buyer {order},\"{order} Main St, Apt 2\",\"{order} Main St, Apt 2\",,,{city},{order:05},{province},{country},+1 555-0{:03},Buyer {order},\"{order} Main St, Apt 2\",\"{order} Main St, Apt 2\",,,{city},{order:05},{province},{country},+1 555-0{:03},,,,Shopify Payments,c{order},0.00,Dalmuri,{},,Low,web,0.00\r\n",
                    order % 1000,
                    order % 1000,
                    5_820_000_000u64 + order as u64
                ));
            } else {
                out.push_str(&format!(
                    "#{order},buyer{order}@example.com,,,,,,,,,,,,,,{created},{qty},{name},{price},,{sku},true,true,pending,,,,,,,,,,,,,,,,,,,,,,,,,,,Dalmuri,,,,,0.00\r\n"
                ));
            }
            written += 1;
        }
    }
    out.into_bytes()
}
