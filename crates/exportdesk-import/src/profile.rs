//! Profiles: how the columns of one marketplace's export map onto the fields of an order line.
//!
//! A [`Profile`] names its marketplace, says which header names feed which [`Field`], and carries
//! the local conventions of that export: the order of day and month in numeric dates, the decimal
//! separator, whether the order's shipping fee is printed on the first line of the order or on
//! every line (to be summed), and defaults for what the export does not say (the Incoterm always,
//! sometimes the currency or the destination).
//!
//! Decisions:
//! - **Header names are compared loosely**: case, spaces and punctuation do not count
//!   (`Lineitem quantity` = `lineitem_quantity`), and a currency code in brackets at the end is
//!   taken off and kept as a hint (`상품구매금액(KRW)`, Shopee's `Total Discount(MYR)`): several
//!   exports carry the currency only there.
//! - **A profile fits a file** when every column it marks required is present, its signature
//!   columns (headers that tell two look-alike exports apart) are present, and an order line can
//!   be built: an order number, a quantity, a unit price or line amount, and a SKU or description.
//!   Auto-detection takes the fitting built-in profile that recognises the most columns.
//! - **Several header names per field** are accepted in order of preference, because exports
//!   change their wording between versions and languages; for the buyer's address every present
//!   part is joined (`Ship City`, `Ship State`, …).
//! - **Profiles are data** (serde), so a mapping made on the column-mapping screen can be saved
//!   as a named profile and used again; [`Profile::custom`] builds one from the user's choices.
//! - **Suggestions come from header names only**, in Korean, English and (for Qoo10) Japanese,
//!   each with a confidence; values are not guessed at, because a wrong guess that looks right is
//!   worse than an empty choice the user must make.

use crate::values::currency_code;
use exportdesk_rules::money::Currency;
use exportdesk_rules::Problem;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::OnceLock;
use ts_rs::TS;

/// A field of an imported order line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The marketplace's order number (with the marketplace, the order's identity).
    OrderNo,
    /// When the order was placed.
    OrderDate,
    /// The buyer (or recipient) as a person's or company's name.
    BuyerName,
    /// The buyer's email address.
    BuyerEmail,
    /// The buyer's phone number.
    BuyerPhone,
    /// The buyer's address; several address columns are joined.
    BuyerAddress,
    /// The buyer's country, when it is not the destination (billing country).
    BuyerCountry,
    /// The order's currency.
    Currency,
    /// The seller's product code of a line.
    Sku,
    /// What was sold on a line.
    Description,
    /// How many on a line.
    Quantity,
    /// Price of one unit.
    UnitPrice,
    /// Quantity × unit price as the buyer paid it (Amazon prints only this).
    LineAmount,
    /// The buyer-paid shipping of the order.
    ShippingFee,
    /// The Incoterm, where a file has one.
    Incoterm,
    /// Where the goods go.
    DestinationCountry,
    /// A line's discount, for the whole line (Shopify `Lineitem discount`, Qoo10 `割引額`).
    LineDiscount,
    /// The order's discount (Shopify `Discount Amount`): what the lines do not carry already
    /// is split over them pro rata.
    OrderDiscount,
    /// The order's (or line's) state as the marketplace writes it (`refunded`, `Cancelled`,
    /// `취소완료`, `キャンセル`); cancelled, refunded and unpaid orders are not imported.
    Status,
    /// When the order was cancelled, or why; any value means cancelled.
    Cancelled,
    /// How much of the order was refunded (a partial refund is imported with a warning).
    Refunded,
    /// Units of a line the buyer sent back (Shopee `Returned quantity`).
    ReturnedQuantity,
}

impl Field {
    /// Every field, in the order the mapping screen lists them.
    pub const ALL: [Field; 22] = [
        Field::OrderNo,
        Field::OrderDate,
        Field::BuyerName,
        Field::BuyerEmail,
        Field::BuyerPhone,
        Field::BuyerAddress,
        Field::BuyerCountry,
        Field::Currency,
        Field::Sku,
        Field::Description,
        Field::Quantity,
        Field::UnitPrice,
        Field::LineAmount,
        Field::ShippingFee,
        Field::Incoterm,
        Field::DestinationCountry,
        Field::LineDiscount,
        Field::OrderDiscount,
        Field::Status,
        Field::Cancelled,
        Field::Refunded,
        Field::ReturnedQuantity,
    ];

    /// The field's name in Korean, for messages and the mapping screen.
    pub fn label_ko(self) -> &'static str {
        match self {
            Field::OrderNo => "주문번호",
            Field::OrderDate => "주문일",
            Field::BuyerName => "구매자 이름",
            Field::BuyerEmail => "구매자 이메일",
            Field::BuyerPhone => "구매자 전화번호",
            Field::BuyerAddress => "구매자 주소",
            Field::BuyerCountry => "구매자 국가",
            Field::Currency => "통화",
            Field::Sku => "SKU(상품코드)",
            Field::Description => "품명",
            Field::Quantity => "수량",
            Field::UnitPrice => "단가",
            Field::LineAmount => "품목 금액",
            Field::ShippingFee => "배송비",
            Field::Incoterm => "인코텀즈",
            Field::DestinationCountry => "목적국",
            Field::LineDiscount => "품목 할인",
            Field::OrderDiscount => "주문 할인",
            Field::Status => "주문 상태",
            Field::Cancelled => "취소",
            Field::Refunded => "환불 금액",
            Field::ReturnedQuantity => "반품 수량",
        }
    }

    /// The field's name in English.
    pub fn label_en(self) -> &'static str {
        match self {
            Field::OrderNo => "order number",
            Field::OrderDate => "order date",
            Field::BuyerName => "buyer's name",
            Field::BuyerEmail => "buyer's email",
            Field::BuyerPhone => "buyer's phone",
            Field::BuyerAddress => "buyer's address",
            Field::BuyerCountry => "buyer's country",
            Field::Currency => "currency",
            Field::Sku => "SKU",
            Field::Description => "description",
            Field::Quantity => "quantity",
            Field::UnitPrice => "unit price",
            Field::LineAmount => "line amount",
            Field::ShippingFee => "shipping fee",
            Field::Incoterm => "Incoterm",
            Field::DestinationCountry => "destination country",
            Field::LineDiscount => "line discount",
            Field::OrderDiscount => "order discount",
            Field::Status => "order status",
            Field::Cancelled => "cancellation",
            Field::Refunded => "refunded amount",
            Field::ReturnedQuantity => "returned quantity",
        }
    }

    /// Whether every listed column present is read and the values joined (the address parts; an
    /// order's and its line's status, which can disagree: Amazon's `order-status` `Shipped` with
    /// an `item-status` `Cancelled`).
    pub fn joins_columns(self) -> bool {
        matches!(self, Field::BuyerAddress | Field::Status)
    }

    /// Whether the field belongs to the whole order rather than to one line.
    pub fn is_order_level(self) -> bool {
        !matches!(
            self,
            Field::Sku
                | Field::Description
                | Field::Quantity
                | Field::UnitPrice
                | Field::LineAmount
                | Field::LineDiscount
                | Field::Status
                | Field::ReturnedQuantity
        )
    }
}

/// How numeric dates order day and month (`11/27/2026` or `27/11/2026`); year-first dates,
/// month names and ISO timestamps are read the same way under every order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// Year, month, day (Korea, Japan, ISO). A `a/b/yyyy` date that could be either is refused.
    #[default]
    Ymd,
    /// Month, day, year (United States).
    Mdy,
    /// Day, month, year (Europe and most other places).
    Dmy,
}

/// The decimal separator of amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DecimalStyle {
    /// `1,234.50`
    #[default]
    Point,
    /// `1.234,50`
    Comma,
}

/// How the order's shipping fee is printed when an order has several lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ShippingRule {
    /// The order's fee is on its first line (or repeated on every line): the first non-empty
    /// value is taken, and a different value on a later line of the order is reported.
    #[default]
    FirstLine,
    /// Each line carries its share (Amazon): the values of all lines are added up.
    Sum,
}

/// The header names that feed one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ColumnMap {
    /// The field the column feeds.
    pub field: Field,
    /// Accepted header names, most preferred first. The first one present is read; for
    /// [`Field::BuyerAddress`] every present one is read and the parts are joined.
    pub headers: Vec<String>,
    /// The profile does not fit a file without this column.
    pub required: bool,
    /// The decimal separator of this column when it differs from the profile's.
    pub decimal: Option<DecimalStyle>,
}

impl ColumnMap {
    fn new(field: Field, headers: &[&str], required: bool) -> ColumnMap {
        ColumnMap {
            field,
            headers: headers.iter().map(|h| h.to_string()).collect(),
            required,
            decimal: None,
        }
    }
}

/// How one marketplace's order export is read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Profile {
    /// Stable name, e.g. `shopify`; the CLI's `--profile` value.
    pub name: String,
    /// What the user sees, e.g. `Shopify — orders export`.
    pub title: String,
    /// The marketplace the orders are recorded under (part of the order's identity).
    pub marketplace: String,
    /// Which headers feed which field.
    pub columns: Vec<ColumnMap>,
    /// Headers that must be present for auto-detection, without being read.
    pub signature: Vec<String>,
    /// How numeric dates order day and month.
    pub date_order: DateOrder,
    /// The decimal separator of amounts.
    pub decimal: DecimalStyle,
    /// How the shipping fee of a multi-line order is printed.
    pub shipping: ShippingRule,
    /// Incoterm of every order (marketplace exports never carry one).
    pub default_incoterm: String,
    /// Currency when the file names none (no column, no symbol, no code in a header).
    pub default_currency: Option<String>,
    /// Destination when the file names none.
    pub default_country: Option<String>,
    /// Whether the marketplace charges the shipping fee on top of the line prices (every
    /// built-in one does); `None` for a hand-made mapping, so that the declaration asks.
    #[serde(default)]
    pub shipping_separate: Option<bool>,
}

impl Profile {
    /// A profile from a column-mapping screen: one header per field, the usual conventions
    /// (year-first dates, decimal point, shipping on the first line, DAP) to adjust after.
    pub fn custom(name: &str, marketplace: &str, mapping: &[(Field, &str)]) -> Profile {
        Profile {
            name: name.trim().to_string(),
            title: name.trim().to_string(),
            marketplace: marketplace.trim().to_string(),
            columns: mapping
                .iter()
                .map(|(f, h)| ColumnMap::new(*f, &[h], false))
                .collect(),
            signature: Vec::new(),
            date_order: DateOrder::Ymd,
            decimal: DecimalStyle::Point,
            shipping: ShippingRule::FirstLine,
            default_incoterm: "DAP".to_string(),
            default_currency: None,
            default_country: None,
            shipping_separate: None,
        }
    }

    /// A profile from the choices made on a column-mapping screen (one column per field).
    pub fn from_mapping(name: &str, marketplace: &str, mapping: &[MappingSuggestion]) -> Profile {
        let pairs: Vec<(Field, &str)> = mapping
            .iter()
            .map(|m| (m.field, m.column.as_str()))
            .collect();
        Profile::custom(name, marketplace, &pairs)
    }

    /// Where each field is in a file with these headers, or what is missing.
    pub fn resolve(&self, headers: &[String]) -> Result<Resolved, Missing> {
        let keys: Vec<HeaderKey> = headers.iter().map(|h| HeaderKey::of(h)).collect();
        self.resolve_keys(&keys)
    }

    fn resolve_keys(&self, keys: &[HeaderKey]) -> Result<Resolved, Missing> {
        let find = |name: &str| {
            let want = name_key(name);
            keys.iter()
                .position(|k| !want.is_empty() && k.loose == *want)
        };
        let mut resolved = Resolved {
            columns: Vec::new(),
            currency_hint: keys.iter().find_map(|k| k.currency),
        };
        let mut missing = Missing::default();
        for map in &self.columns {
            let found: Vec<usize> = if map.field.joins_columns() {
                map.headers.iter().filter_map(|h| find(h)).collect()
            } else {
                map.headers
                    .iter()
                    .find_map(|h| find(h))
                    .into_iter()
                    .collect()
            };
            if found.is_empty() {
                if map.required {
                    missing.fields.push(map.field);
                    missing
                        .headers
                        .push(map.headers.first().cloned().unwrap_or_default());
                }
                continue;
            }
            if resolved.columns.iter().all(|c| c.field != map.field) {
                resolved.columns.push(ResolvedColumn {
                    field: map.field,
                    indices: found,
                    decimal: map.decimal.unwrap_or(self.decimal),
                });
            }
        }
        for s in &self.signature {
            if find(s).is_none() {
                missing.headers.push(s.clone());
            }
        }
        let has = |f: Field| resolved.column(f).is_some();
        for (need, alternatives) in [
            (Field::OrderNo, &[Field::OrderNo][..]),
            (Field::Quantity, &[Field::Quantity][..]),
            (Field::UnitPrice, &[Field::UnitPrice, Field::LineAmount][..]),
            (Field::Description, &[Field::Sku, Field::Description][..]),
        ] {
            if !alternatives.iter().any(|f| has(*f)) && !missing.fields.contains(&need) {
                missing.fields.push(need);
                let header = self
                    .columns
                    .iter()
                    .find(|c| c.field == need)
                    .and_then(|c| c.headers.first().cloned())
                    .unwrap_or_else(|| need.label_en().to_string());
                missing.headers.push(header);
            }
        }
        if missing.fields.is_empty() && missing.headers.is_empty() {
            Ok(resolved)
        } else {
            Err(missing)
        }
    }
}

/// The columns of a profile found in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The columns found, one entry per field.
    pub columns: Vec<ResolvedColumn>,
    /// A currency named in brackets at the end of a header, e.g. `Product Subtotal(SGD)`.
    pub currency_hint: Option<Currency>,
}

impl Resolved {
    /// Where a field's column is, if the file has one.
    pub fn column(&self, field: Field) -> Option<&ResolvedColumn> {
        self.columns.iter().find(|c| c.field == field)
    }
}

/// One field's column(s) in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedColumn {
    /// The field.
    pub field: Field,
    /// Column indices; several only for the buyer's address.
    pub indices: Vec<usize>,
    /// The decimal separator to read the column with.
    pub decimal: DecimalStyle,
}

/// What a file lacks for a profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Missing {
    /// Fields without a column.
    pub fields: Vec<Field>,
    /// The header names that were looked for and not found.
    pub headers: Vec<String>,
}

/// A header name split into its comparable form and a trailing currency code, if any.
struct HeaderKey {
    loose: String,
    currency: Option<Currency>,
}

impl HeaderKey {
    fn of(header: &str) -> HeaderKey {
        let h = header
            .trim()
            .trim_start_matches('\u{feff}')
            .trim_end_matches('*')
            .trim();
        let mut base = h;
        let mut currency = None;
        for (open, close) in [('(', ')'), ('[', ']')] {
            if let Some(inner) = h.strip_suffix(close).and_then(|s| s.rsplit_once(open)) {
                if let Some(c) = currency_code(inner.1) {
                    base = inner.0.trim();
                    currency = Some(c);
                }
            }
        }
        HeaderKey {
            loose: loose(base),
            currency,
        }
    }
}

/// Lower case, letters and digits only: `Order-ID` → `orderid`, `주문 번호` → `주문번호`.
fn loose(s: &str) -> String {
    if s.is_ascii() {
        return s
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `HeaderKey::of(name).loose` of a header name a profile looks for: looked up for the names of
/// the built-in profiles (normalised once), computed for any other (a custom profile's).
fn name_key(name: &str) -> std::borrow::Cow<'static, str> {
    static KEYS: OnceLock<std::collections::HashMap<String, String>> = OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        builtins()
            .iter()
            .flat_map(|p| {
                p.columns
                    .iter()
                    .flat_map(|c| c.headers.iter())
                    .chain(p.signature.iter())
            })
            .map(|h| (h.clone(), HeaderKey::of(h).loose))
            .collect()
    });
    match keys.get(name) {
        Some(k) => std::borrow::Cow::Borrowed(k.as_str()),
        None => std::borrow::Cow::Owned(HeaderKey::of(name).loose),
    }
}

/// The built-in profile a file comes closest to without fitting: the one that finds the largest
/// share (at least half) of its columns, with what it lacks. Used to say "this looks like a
/// Shopify export, but the column 'Lineitem quantity' is missing" instead of "unknown file".
pub fn nearest_profile(headers: &[String]) -> Option<(Profile, Missing)> {
    let header_keys: Vec<HeaderKey> = headers.iter().map(|h| HeaderKey::of(h)).collect();
    let keys: HashSet<&str> = header_keys.iter().map(|k| k.loose.as_str()).collect();
    let mut best: Option<(f64, &Profile, Missing)> = None;
    for p in builtins() {
        let Err(missing) = p.resolve_keys(&header_keys) else {
            continue;
        };
        let names: Vec<std::borrow::Cow<'static, str>> = p
            .columns
            .iter()
            .filter_map(|c| c.headers.first())
            .chain(p.signature.iter())
            .map(|h| name_key(h))
            .collect();
        let found = names.iter().filter(|n| keys.contains(n.as_ref())).count();
        let share = found as f64 / names.len().max(1) as f64;
        if share >= 0.5 && best.as_ref().is_none_or(|(s, _, _)| share > *s) {
            best = Some((share, p, missing));
        }
    }
    best.map(|(_, p, m)| (p.clone(), m))
}

/// Reports of a marketplace that are not order exports this app can use, known by their headers,
/// with the report to download instead. `None` when the headers are not one of them.
pub fn wrong_report(headers: &[String]) -> Option<Problem> {
    let keys: HashSet<String> = headers.iter().map(|h| HeaderKey::of(h).loose).collect();
    let has = |h: &str| keys.contains(&loose(h));
    // Amazon's Unshipped Orders report (GET_FLAT_FILE_ACTIONABLE_ORDER_DATA_SHIPPING) lists what
    // is left to ship, without any price.
    if has("order-id") && has("quantity-to-ship") && !has("item-price") {
        return Some(Problem::new(
            "import.wrong_report",
            "Amazon의 '미발송 주문(Unshipped Orders)' 보고서로 보입니다. 이 보고서에는 가격이 없어 수출신고 금액을 알 수 없습니다. Seller Central › 보고서에서 '주문 보고서(Order Report)'나 '모든 주문(All Orders)' 보고서를 내려받아 가져오세요.",
            "This looks like Amazon's Unshipped Orders report, which has no prices, so the declared value cannot be known. In Seller Central › Reports, download the Order Report or the All Orders report and import that instead.",
        ).with("report", "amazon_unshipped"));
    }
    // Etsy's order-level download (EtsySoldOrders) has one row per order and no items.
    if has("Order ID") && has("Number of Items") && has("Order Value") && !has("Item Name") {
        return Some(Problem::new(
            "import.wrong_report",
            "Etsy의 '주문(Orders)' 파일(EtsySoldOrders)로 보입니다. 이 파일에는 품목이 없습니다. Shop Manager › 설정 › 옵션 › 데이터 내려받기에서 '주문 품목(Order Items)' 파일(EtsySoldOrderItems)을 내려받아 가져오세요.",
            "This looks like Etsy's Orders file (EtsySoldOrders), which has no items. In Shop Manager › Settings › Options › Download Data, download the Order Items file (EtsySoldOrderItems) and import that instead.",
        ).with("report", "etsy_sold_orders"));
    }
    None
}

/// A proposed column for a field, for the column-mapping screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MappingSuggestion {
    /// The field the column would feed.
    pub field: Field,
    /// The header name as it is in the file.
    pub column: String,
    /// 0–100: 95 for a name that means exactly this field, lower for a looser match.
    pub confidence: u8,
}

/// Header names that suggest each field, with how sure a match is.
const ALIASES: &[(Field, u8, &[&str])] = &[
    (
        Field::OrderNo,
        95,
        &[
            "주문번호",
            "주문 번호",
            "오더번호",
            "주문코드",
            "order id",
            "order number",
            "order no",
            "order num",
            "amazon-order-id",
            "注文番号",
            "订单号",
        ],
    ),
    (
        Field::OrderNo,
        75,
        &["order", "order #", "receipt id", "sales order"],
    ),
    (
        Field::OrderDate,
        95,
        &[
            "주문일",
            "주문일자",
            "주문일시",
            "주문 날짜",
            "order date",
            "purchase date",
            "sale date",
            "created at",
            "ordered at",
            "order time",
            "order creation date",
            "注文日",
        ],
    ),
    (
        Field::OrderDate,
        70,
        &[
            "date",
            "날짜",
            "일자",
            "결제일",
            "결제일시",
            "paid at",
            "payment date",
        ],
    ),
    (
        Field::BuyerName,
        90,
        &[
            "구매자",
            "구매자명",
            "구매자 이름",
            "주문자",
            "주문자명",
            "수령인",
            "수령인명",
            "수취인",
            "수취인명",
            "받는 사람",
            "고객명",
            "buyer",
            "buyer name",
            "customer",
            "customer name",
            "recipient",
            "recipient name",
            "ship name",
            "ship to name",
            "shipping name",
            "billing name",
            "full name",
            "受取人名",
            "購入者名",
        ],
    ),
    (Field::BuyerName, 60, &["name", "이름"]),
    (
        Field::BuyerEmail,
        95,
        &[
            "이메일",
            "구매자 이메일",
            "주문자 이메일",
            "email",
            "e-mail",
            "buyer email",
            "customer email",
            "email address",
        ],
    ),
    (
        Field::BuyerPhone,
        85,
        &[
            "전화번호",
            "연락처",
            "휴대전화",
            "휴대폰",
            "수령인 연락처",
            "수령인 휴대전화",
            "phone",
            "phone number",
            "buyer phone",
            "ship phone",
            "shipping phone",
            "telephone",
            "tel",
            "電話番号",
        ],
    ),
    (
        Field::BuyerAddress,
        85,
        &[
            "주소",
            "배송지",
            "배송 주소",
            "수령인 주소",
            "address",
            "shipping address",
            "ship address",
            "delivery address",
            "address 1",
            "住所",
        ],
    ),
    (
        Field::BuyerCountry,
        90,
        &[
            "구매자 국가",
            "구매자 국적",
            "buyer country",
            "billing country",
            "customer country",
        ],
    ),
    (
        Field::DestinationCountry,
        95,
        &[
            "배송국가",
            "도착국가",
            "목적국",
            "수령국가",
            "국가",
            "국가코드",
            "country",
            "country code",
            "ship country",
            "ship to country",
            "shipping country",
            "destination",
            "destination country",
            "delivery country",
            "国家",
        ],
    ),
    (
        Field::Currency,
        95,
        &[
            "통화",
            "화폐",
            "결제통화",
            "통화코드",
            "currency",
            "currency code",
            "通貨",
        ],
    ),
    (
        Field::Sku,
        95,
        &[
            "sku",
            "상품코드",
            "자체 상품코드",
            "품목코드",
            "상품관리코드",
            "관리코드",
            "판매자 상품코드",
            "seller sku",
            "item sku",
            "product code",
            "item code",
            "custom label",
            "sku code",
            "variant sku",
            "lineitem sku",
            "販売者商品コード",
        ],
    ),
    (
        Field::Description,
        95,
        &[
            "상품명",
            "품명",
            "제품명",
            "상품 이름",
            "주문상품명",
            "품목명",
            "item name",
            "product name",
            "item title",
            "description",
            "lineitem name",
            "商品名",
        ],
    ),
    (
        Field::Description,
        70,
        &["title", "product", "item", "상품"],
    ),
    (
        Field::Quantity,
        95,
        &[
            "수량",
            "주문수량",
            "개수",
            "qty",
            "quantity",
            "quantity purchased",
            "qty ordered",
            "lineitem quantity",
            "数量",
        ],
    ),
    (Field::Quantity, 60, &["units", "count"]),
    (
        Field::UnitPrice,
        95,
        &[
            "단가",
            "판매가",
            "판매단가",
            "상품가격",
            "unit price",
            "sales price",
            "sell price",
            "sold for",
            "deal price",
            "lineitem price",
            "販売価格",
            "単価",
        ],
    ),
    (Field::UnitPrice, 75, &["price", "가격", "item price"]),
    (
        Field::LineAmount,
        90,
        &[
            "금액",
            "합계금액",
            "주문금액",
            "상품금액",
            "상품구매금액",
            "line total",
            "line amount",
            "item total",
            "注文金額の合計",
        ],
    ),
    (Field::LineAmount, 55, &["amount", "subtotal", "결제금액"]),
    (
        Field::ShippingFee,
        95,
        &[
            "배송비",
            "운송비",
            "운임",
            "택배비",
            "배송료",
            "shipping fee",
            "shipping cost",
            "shipping price",
            "shipping and handling",
            "postage",
            "delivery fee",
            "送料",
        ],
    ),
    (Field::ShippingFee, 70, &["shipping", "freight", "delivery"]),
    (
        Field::Incoterm,
        95,
        &[
            "인코텀즈",
            "인도조건",
            "가격조건",
            "무역조건",
            "incoterm",
            "incoterms",
            "trade terms",
            "delivery terms",
        ],
    ),
    (Field::Incoterm, 60, &["terms"]),
    (
        Field::LineDiscount,
        90,
        &[
            "lineitem discount",
            "item discount",
            "item-promotion-discount",
            "품목 할인",
            "상품할인",
            "割引額",
        ],
    ),
    (
        Field::OrderDiscount,
        90,
        &[
            "discount amount",
            "order discount",
            "주문 할인",
            "할인금액",
            "쿠폰할인",
        ],
    ),
    (
        Field::Status,
        90,
        &[
            "order status",
            "order-status",
            "financial status",
            "status",
            "주문 상태",
            "주문상태",
            "配送状態",
        ],
    ),
    (
        Field::Cancelled,
        90,
        &[
            "cancelled at",
            "canceled at",
            "cancel reason",
            "취소일",
            "취소일시",
        ],
    ),
    (
        Field::Refunded,
        90,
        &["refunded amount", "refund amount", "환불금액", "환불 금액"],
    ),
    (
        Field::ReturnedQuantity,
        90,
        &[
            "returned quantity",
            "return quantity",
            "반품수량",
            "반품 수량",
        ],
    ),
];

/// Suggest a column for each field from the header names, for the column-mapping screen.
///
/// Each field gets at most one column and each column at most one field; the surest pairs are
/// taken first. A header equal to a known name scores that name's confidence; a header that
/// contains a known name of four or more letters scores 50.
pub fn suggest_mapping(headers: &[String]) -> Vec<MappingSuggestion> {
    // Each alias loosely, and whether a header containing it counts (75+, four letters or more).
    static LOOSE: OnceLock<Vec<(Field, u8, String, bool)>> = OnceLock::new();
    let aliases = LOOSE.get_or_init(|| {
        ALIASES
            .iter()
            .flat_map(|(f, c, names)| {
                names.iter().map(move |n| {
                    let key = loose(n);
                    let part = *c >= 75 && key.chars().count() >= 4;
                    (*f, *c, key, part)
                })
            })
            .collect()
    });
    let keys: Vec<String> = headers.iter().map(|h| HeaderKey::of(h).loose).collect();
    let mut candidates: Vec<(u8, usize, Field)> = Vec::new();
    for (col, key) in keys.iter().enumerate() {
        if key.is_empty() {
            continue;
        }
        let mut best: Vec<(Field, u8)> = Vec::new();
        for (field, confidence, name, part) in aliases {
            let score = if key == name {
                *confidence
            } else if *part && name.len() < key.len() && key.contains(name.as_str()) {
                50
            } else {
                continue;
            };
            match best.iter_mut().find(|(f, _)| f == field) {
                Some(b) => b.1 = b.1.max(score),
                None => best.push((*field, score)),
            }
        }
        candidates.extend(best.into_iter().map(|(f, s)| (s, col, f)));
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut taken_fields = HashSet::new();
    let mut taken_cols = HashSet::new();
    let mut out = Vec::new();
    for (confidence, col, field) in candidates {
        if taken_fields.contains(&field) || taken_cols.contains(&col) {
            continue;
        }
        taken_fields.insert(field);
        taken_cols.insert(col);
        out.push(MappingSuggestion {
            field,
            column: headers[col].clone(),
            confidence,
        });
    }
    out.sort_by_key(|s| Field::ALL.iter().position(|f| *f == s.field));
    out
}

/// Suggestions for a file that nearly fits a profile: the columns the profile finds (confidence
/// 100), then name-based suggestions for the fields and columns left over.
pub fn suggest_mapping_for(profile: &Profile, headers: &[String]) -> Vec<MappingSuggestion> {
    let keys: Vec<String> = headers.iter().map(|h| HeaderKey::of(h).loose).collect();
    let mut out: Vec<MappingSuggestion> = Vec::new();
    for map in &profile.columns {
        let found = map.headers.iter().find_map(|h| {
            let want = name_key(h);
            keys.iter().position(|k| !want.is_empty() && *k == *want)
        });
        if let Some(col) = found {
            if out
                .iter()
                .all(|s| s.field != map.field && s.column != headers[col])
            {
                out.push(MappingSuggestion {
                    field: map.field,
                    column: headers[col].clone(),
                    confidence: 100,
                });
            }
        }
    }
    for s in suggest_mapping(headers) {
        if out
            .iter()
            .all(|o| o.field != s.field && o.column != s.column)
        {
            out.push(s);
        }
    }
    out.sort_by_key(|s| Field::ALL.iter().position(|f| *f == s.field));
    out
}

/// How many cells of a row are known order-column names (to find the header row).
pub(crate) fn header_score<'a>(cells: impl Iterator<Item = &'a str>) -> usize {
    static KNOWN: OnceLock<HashSet<String>> = OnceLock::new();
    let known = KNOWN.get_or_init(|| {
        let mut set: HashSet<String> = ALIASES
            .iter()
            .flat_map(|(_, _, names)| names.iter().map(|n| loose(n)))
            .collect();
        for p in builtins() {
            for c in &p.columns {
                set.extend(c.headers.iter().map(|h| HeaderKey::of(h).loose));
            }
        }
        set
    });
    cells
        .filter(|c| c.chars().count() <= 60 && known.contains(&HeaderKey::of(c).loose))
        .count()
}

/// The built-in profiles, in the order auto-detection tries them.
pub fn builtin_profiles() -> Vec<Profile> {
    builtins().to_vec()
}

fn builtins() -> &'static [Profile] {
    static BUILTINS: OnceLock<Vec<Profile>> = OnceLock::new();
    BUILTINS.get_or_init(|| {
        vec![
            shopify(),
            ebay(),
            amazon(),
            etsy(),
            shopee(),
            qoo10(),
            cafe24(),
        ]
    })
}

/// A built-in profile by name (`shopify`, `ebay`, `amazon`, `etsy`, `shopee`, `qoo10`, `cafe24`).
pub fn builtin_profile(name: &str) -> Option<Profile> {
    let want = name.trim().to_ascii_lowercase();
    builtins().iter().find(|p| p.name == want).cloned()
}

/// The built-in profile that fits these headers best, if any fits.
pub fn detect_profile(headers: &[String]) -> Option<Profile> {
    let keys: Vec<HeaderKey> = headers.iter().map(|h| HeaderKey::of(h)).collect();
    let mut best: Option<(usize, &Profile)> = None;
    for p in builtins() {
        if let Ok(r) = p.resolve_keys(&keys) {
            let n = r.columns.len() + p.signature.len();
            if best.as_ref().is_none_or(|(m, _)| n > *m) {
                best = Some((n, p));
            }
        }
    }
    best.map(|(_, p)| p.clone())
}

struct Spec {
    name: &'static str,
    title: &'static str,
    marketplace: &'static str,
    columns: Vec<ColumnMap>,
    signature: &'static [&'static str],
    date_order: DateOrder,
    shipping: ShippingRule,
    default_currency: Option<&'static str>,
}

impl Spec {
    fn build(self) -> Profile {
        Profile {
            name: self.name.to_string(),
            title: self.title.to_string(),
            marketplace: self.marketplace.to_string(),
            columns: self.columns,
            signature: self.signature.iter().map(|s| s.to_string()).collect(),
            date_order: self.date_order,
            decimal: DecimalStyle::Point,
            shipping: self.shipping,
            default_incoterm: "DAP".to_string(),
            default_currency: self.default_currency.map(str::to_string),
            default_country: None,
            shipping_separate: Some(true),
        }
    }
}

fn col(field: Field, headers: &[&str]) -> ColumnMap {
    ColumnMap::new(field, headers, false)
}

fn req(field: Field, headers: &[&str]) -> ColumnMap {
    ColumnMap::new(field, headers, true)
}

/// Shopify admin → Orders → Export. One row per line item; order-level columns (currency,
/// shipping, addresses) are filled on the order's first row only.
fn shopify() -> Profile {
    Spec {
        name: "shopify",
        title: "Shopify — orders export (CSV)",
        marketplace: "Shopify",
        columns: vec![
            req(Field::OrderNo, &["Name"]),
            col(Field::OrderDate, &["Created at", "Paid at"]),
            col(Field::BuyerName, &["Shipping Name", "Billing Name"]),
            col(Field::BuyerEmail, &["Email"]),
            col(
                Field::BuyerPhone,
                &["Shipping Phone", "Phone", "Billing Phone"],
            ),
            col(
                Field::BuyerAddress,
                &[
                    "Shipping Address1",
                    "Shipping Address2",
                    "Shipping City",
                    "Shipping Province",
                    "Shipping Zip",
                ],
            ),
            col(Field::BuyerCountry, &["Billing Country"]),
            col(Field::DestinationCountry, &["Shipping Country"]),
            col(Field::Currency, &["Currency"]),
            col(Field::Sku, &["Lineitem sku"]),
            req(Field::Description, &["Lineitem name"]),
            req(Field::Quantity, &["Lineitem quantity"]),
            req(Field::UnitPrice, &["Lineitem price"]),
            col(Field::ShippingFee, &["Shipping"]),
            col(Field::LineDiscount, &["Lineitem discount"]),
            col(Field::OrderDiscount, &["Discount Amount"]),
            col(Field::Status, &["Financial Status"]),
            col(Field::Cancelled, &["Cancelled at"]),
            col(Field::Refunded, &["Refunded Amount"]),
        ],
        signature: &[],
        date_order: DateOrder::Ymd,
        shipping: ShippingRule::FirstLine,
        default_currency: None,
    }
    .build()
}

/// eBay Seller Hub → Orders → Download report (CSV). A multi-item order has a summary row
/// without item columns, then one row per item; prices carry the listing's currency symbol.
fn ebay() -> Profile {
    Spec {
        name: "ebay",
        title: "eBay — orders report (CSV)",
        marketplace: "eBay",
        columns: vec![
            req(Field::OrderNo, &["Order Number"]),
            col(Field::OrderDate, &["Sale Date", "Paid On Date"]),
            col(
                Field::BuyerName,
                &[
                    "Ship To Name",
                    "Post To Name",
                    "Buyer Name",
                    "Buyer Fullname",
                ],
            ),
            col(Field::BuyerEmail, &["Buyer Email"]),
            col(Field::BuyerPhone, &["Ship To Phone", "Post To Phone"]),
            col(
                Field::BuyerAddress,
                &[
                    "Ship To Address 1",
                    "Ship To Address 2",
                    "Ship To City",
                    "Ship To State",
                    "Ship To Zip",
                    "Post To Address 1",
                    "Post To Address 2",
                    "Post To City",
                    "Post To County",
                    "Post To State",
                    "Post To Postcode",
                    "Post To Postal Code",
                ],
            ),
            col(Field::BuyerCountry, &["Buyer Country"]),
            col(
                Field::DestinationCountry,
                &["Ship To Country", "Post To Country"],
            ),
            col(Field::Sku, &["Custom Label"]),
            req(Field::Description, &["Item Title"]),
            req(Field::Quantity, &["Quantity"]),
            req(Field::UnitPrice, &["Sold For", "Sale Price"]),
            col(
                Field::ShippingFee,
                &[
                    "Shipping And Handling",
                    "Postage And Handling",
                    "Postage and packaging",
                ],
            ),
        ],
        signature: &["Sales Record Number"],
        date_order: DateOrder::Mdy,
        shipping: ShippingRule::FirstLine,
        default_currency: Some("USD"),
    }
    .build()
}

/// Amazon Seller Central → Reports → Order report (tab-separated `.txt`). Amounts are totals
/// for the line's quantity, not unit prices; shipping is per item line and is summed.
fn amazon() -> Profile {
    Spec {
        name: "amazon",
        title: "Amazon — seller order report (tab-separated)",
        marketplace: "Amazon",
        columns: vec![
            req(Field::OrderNo, &["order-id", "amazon-order-id"]),
            col(Field::OrderDate, &["purchase-date", "payments-date"]),
            col(Field::BuyerName, &["recipient-name", "buyer-name"]),
            col(Field::BuyerEmail, &["buyer-email"]),
            col(
                Field::BuyerPhone,
                &["ship-phone-number", "buyer-phone-number"],
            ),
            col(
                Field::BuyerAddress,
                &[
                    "ship-address-1",
                    "ship-address-2",
                    "ship-address-3",
                    "ship-city",
                    "ship-state",
                    "ship-postal-code",
                ],
            ),
            col(Field::DestinationCountry, &["ship-country"]),
            col(Field::Currency, &["currency"]),
            req(Field::Sku, &["sku"]),
            col(Field::Description, &["product-name", "item-name"]),
            req(Field::Quantity, &["quantity-purchased", "quantity"]),
            req(Field::LineAmount, &["item-price"]),
            col(Field::ShippingFee, &["shipping-price"]),
            col(Field::LineDiscount, &["item-promotion-discount"]),
            col(Field::Status, &["order-status", "item-status"]),
        ],
        signature: &[],
        date_order: DateOrder::Mdy,
        shipping: ShippingRule::Sum,
        default_currency: None,
    }
    .build()
}

/// Etsy Shop Manager → Settings → Options → Download Data → Orders → "Order Items"
/// (`EtsySoldOrderItems….csv`). One row per item; `Order Shipping` repeats the order's fee.
fn etsy() -> Profile {
    Spec {
        name: "etsy",
        title: "Etsy — sold order items (CSV)",
        marketplace: "Etsy",
        columns: vec![
            req(Field::OrderNo, &["Order ID"]),
            col(Field::OrderDate, &["Sale Date", "Date Paid"]),
            col(Field::BuyerName, &["Ship Name", "Delivery Name", "Buyer"]),
            col(
                Field::BuyerAddress,
                &[
                    "Ship Address1",
                    "Ship Address2",
                    "Ship City",
                    "Ship State",
                    "Ship Zipcode",
                    "Delivery Address1",
                    "Delivery Address2",
                    "Delivery City",
                    "Delivery State",
                    "Delivery Zipcode",
                ],
            ),
            col(
                Field::DestinationCountry,
                &["Ship Country", "Delivery Country"],
            ),
            col(Field::Currency, &["Currency"]),
            col(Field::Sku, &["SKU"]),
            req(Field::Description, &["Item Name"]),
            req(Field::Quantity, &["Quantity"]),
            req(Field::UnitPrice, &["Price"]),
            col(Field::LineAmount, &["Item Total"]),
            col(Field::ShippingFee, &["Order Shipping", "Order Delivery"]),
        ],
        signature: &["Transaction ID"],
        date_order: DateOrder::Mdy,
        shipping: ShippingRule::FirstLine,
        default_currency: None,
    }
    .build()
}

/// Shopee Seller Centre → My Orders → Export (`Order.all.….xlsx`). One row per item; the
/// currency appears only in brackets in amount headers such as `Product Subtotal(SGD)`.
fn shopee() -> Profile {
    Spec {
        name: "shopee",
        title: "Shopee — order export (XLSX)",
        marketplace: "Shopee",
        columns: vec![
            req(Field::OrderNo, &["Order ID"]),
            col(
                Field::OrderDate,
                &["Order Creation Date", "Order Paid Time"],
            ),
            col(Field::BuyerName, &["Receiver Name", "Username (Buyer)"]),
            col(Field::BuyerPhone, &["Phone Number"]),
            col(
                Field::BuyerAddress,
                &[
                    "Delivery Address",
                    "Town",
                    "District",
                    "City",
                    "Province",
                    "Zip Code",
                ],
            ),
            col(Field::DestinationCountry, &["Country"]),
            col(
                Field::Sku,
                &["SKU Reference No.", "Parent SKU Reference No."],
            ),
            req(Field::Description, &["Product Name", "Product Information"]),
            req(Field::Quantity, &["Quantity"]),
            req(Field::UnitPrice, &["Deal Price", "Original Price"]),
            col(Field::ShippingFee, &["Buyer Paid Shipping Fee"]),
            col(Field::Status, &["Order Status", "Return / Refund Status"]),
            col(Field::Cancelled, &["Cancel reason"]),
            col(Field::ReturnedQuantity, &["Returned quantity"]),
        ],
        signature: &["SKU Reference No."],
        date_order: DateOrder::Ymd,
        shipping: ShippingRule::FirstLine,
        default_currency: None,
    }
    .build()
}

/// Qoo10 QSM → 配送/キャンセル/未受取 → 配送管理 → download (Japanese headers; the English
/// QSM names are accepted too). One row per 注文番号 (each order number is one item; a cart
/// groups several), so orders are keyed by 注文番号.
fn qoo10() -> Profile {
    Spec {
        name: "qoo10",
        title: "Qoo10 — QSM shipping/order export (CSV)",
        marketplace: "Qoo10",
        columns: vec![
            req(Field::OrderNo, &["注文番号", "Order No."]),
            col(Field::OrderDate, &["注文日", "Order Date", "入金日"]),
            col(
                Field::BuyerName,
                &["受取人名", "Recipient Name", "購入者名", "Customer Name"],
            ),
            col(
                Field::BuyerPhone,
                &[
                    "受取人携帯電話番号",
                    "受取人電話番号",
                    "Recipient Mobile",
                    "Recipient Phone",
                ],
            ),
            col(Field::BuyerAddress, &["住所", "Address"]),
            col(Field::DestinationCountry, &["国家", "Nation"]),
            col(Field::Currency, &["通貨", "Currency"]),
            col(
                Field::Sku,
                &["販売者商品コード", "Seller Code", "商品番号", "Item No."],
            ),
            req(Field::Description, &["商品名", "Item Name"]),
            req(Field::Quantity, &["数量", "Qty."]),
            req(Field::UnitPrice, &["販売価格", "Sell Price"]),
            col(Field::LineDiscount, &["割引額", "Discount"]),
            col(Field::Status, &["配送状態", "Shipping Status"]),
        ],
        signature: &[],
        date_order: DateOrder::Ymd,
        shipping: ShippingRule::FirstLine,
        default_currency: None,
    }
    .build()
}

/// Cafe24 admin → 주문관리 → 엑셀 다운로드, with the usual fields chosen in the download form.
/// Amount headers carry the currency in brackets (`상품구매금액(KRW)`); the shop's total
/// shipping is printed on the first item only (`총 배송비 (첫 품목에만 표시)`).
fn cafe24() -> Profile {
    Spec {
        name: "cafe24",
        title: "Cafe24 — global mall order download (XLSX/CSV)",
        marketplace: "Cafe24",
        columns: vec![
            req(Field::OrderNo, &["주문번호"]),
            col(
                Field::OrderDate,
                &["주문일시", "주문일", "결제일시(입금확인일)"],
            ),
            col(Field::BuyerName, &["수령인", "주문자명"]),
            col(Field::BuyerEmail, &["주문자 이메일"]),
            col(Field::BuyerPhone, &["수령인 휴대전화", "수령인 전화번호"]),
            col(Field::BuyerAddress, &["수령인 주소(전체)", "수령인 주소"]),
            col(Field::DestinationCountry, &["배송국가", "수령국가"]),
            col(Field::Currency, &["결제통화", "결제 통화", "통화"]),
            col(
                Field::Sku,
                &["자체 상품코드", "자체상품코드", "상품자체코드", "상품코드"],
            ),
            col(
                Field::Description,
                &[
                    "상품명(한국어 쇼핑몰)",
                    "주문상품명(옵션포함)",
                    "주문상품명",
                    "상품명",
                ],
            ),
            req(Field::Quantity, &["수량"]),
            // The option surcharge is part of the price paid: 옵션+판매가 first.
            col(Field::UnitPrice, &["옵션+판매가", "판매가"]),
            // What was paid for the item; the order-wide 총 상품구매금액 only as a last resort.
            col(
                Field::LineAmount,
                &["품목별 결제금액", "상품구매금액", "총 상품구매금액"],
            ),
            col(
                Field::ShippingFee,
                &["총 배송비 (첫 품목에만 표시)", "총 배송비", "배송비"],
            ),
            col(Field::Status, &["주문 상태", "주문상태", "주문상태정보"]),
        ],
        signature: &[],
        date_order: DateOrder::Ymd,
        shipping: ShippingRule::FirstLine,
        default_currency: None,
    }
    .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn every_builtin_fits_its_own_headers() {
        for p in builtin_profiles() {
            let mut headers: Vec<String> = p
                .columns
                .iter()
                .flat_map(|c| c.headers.iter().take(1).cloned())
                .collect();
            headers.extend(p.signature.iter().cloned());
            let detected = detect_profile(&headers).unwrap_or_else(|| panic!("{}", p.name));
            assert_eq!(detected.name, p.name);
            assert_eq!(builtin_profile(&p.name.to_uppercase()).unwrap(), p);
        }
    }

    #[test]
    fn headers_compare_loosely_and_keep_currency_hints() {
        let p = builtin_profile("cafe24").unwrap();
        let r = p
            .resolve(&h(&[
                "주문번호",
                "수량",
                "상품명",
                "상품구매금액(KRW)",
                " 배송국가 ",
            ]))
            .unwrap();
        assert_eq!(r.currency_hint.map(|c| c.code()), Some("KRW"));
        assert_eq!(r.column(Field::LineAmount).unwrap().indices, [3]);
        let shopify = builtin_profile("shopify").unwrap();
        let missing = shopify
            .resolve(&h(&["name", "LINEITEM_NAME", "Lineitem price"]))
            .unwrap_err();
        assert_eq!(missing.fields, [Field::Quantity]);
        assert_eq!(missing.headers, ["Lineitem quantity"]);
    }

    #[test]
    fn suggestions_in_korean_and_english() {
        let s = suggest_mapping(&h(&[
            "주문 번호",
            "Qty",
            "단가",
            "통화",
            "상품코드",
            "비고",
            "Ship Country",
        ]));
        let pairs: Vec<(Field, &str, u8)> = s
            .iter()
            .map(|m| (m.field, m.column.as_str(), m.confidence))
            .collect();
        assert_eq!(
            pairs,
            [
                (Field::OrderNo, "주문 번호", 95),
                (Field::Currency, "통화", 95),
                (Field::Sku, "상품코드", 95),
                (Field::Quantity, "Qty", 95),
                (Field::UnitPrice, "단가", 95),
                (Field::DestinationCountry, "Ship Country", 95),
            ]
        );
        let s = suggest_mapping(&h(&["Order Number", "Product Name (EN)", "Price"]));
        assert!(s.contains(&MappingSuggestion {
            field: Field::UnitPrice,
            column: "Price".into(),
            confidence: 75
        }));
        assert!(s
            .iter()
            .any(|m| m.field == Field::Description && m.confidence == 50));
    }

    #[test]
    fn custom_profile_from_a_mapping_screen() {
        let p = Profile::custom(
            "내 엑셀",
            "Naver",
            &[
                (Field::OrderNo, "주문번호"),
                (Field::Quantity, "수량"),
                (Field::UnitPrice, "단가"),
                (Field::Description, "품명"),
            ],
        );
        assert!(p.resolve(&h(&["주문번호", "품명", "수량", "단가"])).is_ok());
        assert_eq!(
            p.resolve(&h(&["주문번호", "품명"])).unwrap_err().fields,
            [Field::Quantity, Field::UnitPrice]
        );
    }
}
