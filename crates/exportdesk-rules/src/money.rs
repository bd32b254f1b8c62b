//! Money on `rust_decimal`: Korean won has no minor unit, foreign currencies follow ISO 4217.
//!
//! Rounding is always explicit. Foreign amounts are kept at their currency's minor unit, rounded
//! half away from zero (the way marketplaces print prices). Conversions to won use the
//! [`KrwRounding`] the rulebook prescribes for the date, never a hidden default.

use crate::problem::Problem;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;

/// ISO 4217 currencies the app accepts, with their minor units. Korean exporters are paid in a
/// handful of currencies; the list covers the marketplaces' settlement currencies and the
/// destinations of Korea's FTAs.
const CURRENCIES: &[(&str, u32, &str, &str)] = &[
    ("KRW", 0, "대한민국 원", "Korean won"),
    ("USD", 2, "미국 달러", "US dollar"),
    ("EUR", 2, "유로", "Euro"),
    ("JPY", 0, "일본 엔", "Japanese yen"),
    ("CNY", 2, "중국 위안", "Chinese yuan"),
    ("GBP", 2, "영국 파운드", "Pound sterling"),
    ("HKD", 2, "홍콩 달러", "Hong Kong dollar"),
    ("TWD", 2, "대만 달러", "New Taiwan dollar"),
    ("SGD", 2, "싱가포르 달러", "Singapore dollar"),
    ("AUD", 2, "호주 달러", "Australian dollar"),
    ("CAD", 2, "캐나다 달러", "Canadian dollar"),
    ("NZD", 2, "뉴질랜드 달러", "New Zealand dollar"),
    ("CHF", 2, "스위스 프랑", "Swiss franc"),
    ("SEK", 2, "스웨덴 크로나", "Swedish krona"),
    ("NOK", 2, "노르웨이 크로네", "Norwegian krone"),
    ("DKK", 2, "덴마크 크로네", "Danish krone"),
    ("VND", 0, "베트남 동", "Vietnamese dong"),
    ("THB", 2, "태국 바트", "Thai baht"),
    ("MYR", 2, "말레이시아 링깃", "Malaysian ringgit"),
    ("PHP", 2, "필리핀 페소", "Philippine peso"),
    ("IDR", 2, "인도네시아 루피아", "Indonesian rupiah"),
    ("INR", 2, "인도 루피", "Indian rupee"),
    ("AED", 2, "아랍에미리트 디르함", "UAE dirham"),
    ("SAR", 2, "사우디 리얄", "Saudi riyal"),
    ("MXN", 2, "멕시코 페소", "Mexican peso"),
    ("BRL", 2, "브라질 헤알", "Brazilian real"),
    ("CLP", 0, "칠레 페소", "Chilean peso"),
    ("PEN", 2, "페루 솔", "Peruvian sol"),
    ("TRY", 2, "튀르키예 리라", "Turkish lira"),
    ("ILS", 2, "이스라엘 셰켈", "Israeli new shekel"),
    ("PLN", 2, "폴란드 즈워티", "Polish zloty"),
    ("CZK", 2, "체코 코루나", "Czech koruna"),
    ("HUF", 2, "헝가리 포린트", "Hungarian forint"),
    ("KHR", 2, "캄보디아 리엘", "Cambodian riel"),
    ("MNT", 2, "몽골 투그릭", "Mongolian tögrög"),
];

/// An ISO 4217 currency code known to the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, TS)]
#[ts(type = "string")]
pub struct Currency(&'static str);

impl Currency {
    pub const KRW: Currency = Currency("KRW");
    pub const USD: Currency = Currency("USD");

    pub fn parse(input: &str) -> Result<Currency, Problem> {
        let code = input.trim().to_ascii_uppercase();
        let code = match code.as_str() {
            "₩" | "WON" | "원" => "KRW".to_string(),
            "$" | "US$" => "USD".to_string(),
            "€" => "EUR".to_string(),
            "¥" | "円" | "엔" => "JPY".to_string(),
            "£" => "GBP".to_string(),
            _ => code,
        };
        CURRENCIES
            .iter()
            .find(|c| c.0 == code)
            .map(|c| Currency(c.0))
            .ok_or_else(|| {
                Problem::new(
                    "currency.unknown",
                    format!("'{}'은(는) 알 수 없는 통화입니다. USD, EUR, JPY처럼 ISO 4217 세 글자 코드로 입력하세요.", input.trim()),
                    format!("'{}' is not a currency the app knows. Enter a three-letter ISO 4217 code such as USD, EUR or JPY.", input.trim()),
                )
                .with("value", input.trim())
            })
    }

    pub fn code(self) -> &'static str {
        self.0
    }

    fn entry(self) -> &'static (&'static str, u32, &'static str, &'static str) {
        CURRENCIES
            .iter()
            .find(|c| c.0 == self.0)
            .expect("a Currency is only built from the table")
    }

    /// Digits after the decimal point (0 for KRW and JPY).
    pub fn minor_units(self) -> u32 {
        self.entry().1
    }

    pub fn name_ko(self) -> &'static str {
        self.entry().2
    }

    pub fn name_en(self) -> &'static str {
        self.entry().3
    }

    /// Round an amount to this currency's minor unit, half away from zero.
    pub fn round(self, amount: Decimal) -> Decimal {
        amount.round_dp_with_strategy(self.minor_units(), RoundingStrategy::MidpointAwayFromZero)
    }

    pub fn all() -> impl Iterator<Item = Currency> {
        CURRENCIES.iter().map(|c| Currency(c.0))
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Currency::parse(&s).map_err(|p| serde::de::Error::custom(p.message_en))
    }
}

/// How a converted amount is brought to whole won. Which one applies is a rulebook value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum KrwRounding {
    /// Drop everything below one won (원 미만 절사).
    Down,
    /// Round half away from zero (원 미만 반올림).
    HalfUp,
}

impl KrwRounding {
    pub fn apply(self, amount: Decimal) -> Decimal {
        let strategy = match self {
            KrwRounding::Down => RoundingStrategy::ToZero,
            KrwRounding::HalfUp => RoundingStrategy::MidpointAwayFromZero,
        };
        amount.round_dp_with_strategy(0, strategy)
    }
}

/// Convert a foreign amount to won at `krw_per_unit`, rounding as the rulebook says.
pub fn to_krw(amount: Decimal, krw_per_unit: Decimal, rounding: KrwRounding) -> Decimal {
    rounding.apply(amount * krw_per_unit)
}

/// Read an amount as people type or marketplaces print it: `1,234.50`, `₩12,000`, `$ 9.90`,
/// `12 000`. Commas and spaces are thousands separators; one `.` is the decimal point.
/// `field` names the form field for the error.
pub fn parse_amount(input: &str, field: &str) -> Result<Decimal, Problem> {
    let cleaned: String = input
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '₩' | '$' | '€' | '¥' | '£' | '원'))
        .collect();
    let cleaned = cleaned
        .trim_start_matches("US")
        .trim_start_matches("KRW")
        .trim_start_matches("USD");
    if cleaned.is_empty() {
        return Err(
            Problem::new("amount.empty", "금액을 입력하세요.", "Enter an amount.").at(field),
        );
    }
    Decimal::from_str(cleaned).map_err(|_| {
        Problem::new(
            "amount.invalid",
            format!(
                "'{}'은(는) 금액으로 읽을 수 없습니다. 1234.50처럼 숫자로 입력하세요.",
                input.trim()
            ),
            format!(
                "'{}' cannot be read as an amount. Enter a number such as 1234.50.",
                input.trim()
            ),
        )
        .at(field)
        .with("value", input.trim())
    })
}

/// Like [`parse_amount`] but refuses negative values.
pub fn parse_non_negative(input: &str, field: &str) -> Result<Decimal, Problem> {
    let v = parse_amount(input, field)?;
    if v.is_sign_negative() && !v.is_zero() {
        return Err(Problem::new(
            "amount.negative",
            format!(
                "{}은(는) 음수일 수 없습니다. 0 이상의 값을 입력하세요.",
                input.trim()
            ),
            format!("{} cannot be negative. Enter zero or more.", input.trim()),
        )
        .at(field)
        .with("value", input.trim()));
    }
    Ok(v)
}

/// Format whole won with thousands separators: `₩1,234,567`.
pub fn format_krw(amount: Decimal) -> String {
    let rounded = amount.round_dp_with_strategy(0, RoundingStrategy::ToZero);
    let digits = rounded.abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if rounded.is_sign_negative() && !rounded.is_zero() {
        format!("-₩{out}")
    } else {
        format!("₩{out}")
    }
}

/// A customs rate as KCS publishes it and the seller typed it: thousands grouped and at least two
/// decimals (`1450.3` → `1,450.30`; `9.4012` keeps its four).
pub fn format_rate(rate: Decimal) -> String {
    let v = rate.normalize();
    let v = if v.scale() < 2 {
        let mut padded = v;
        padded.rescale(2);
        padded
    } else {
        v
    };
    let text = v.abs().to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if v.is_sign_negative() && !v.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{grouped}.{frac}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_show_as_published() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(format_rate(d("1450.3")), "1,450.30");
        assert_eq!(format_rate(d("1450.30")), "1,450.30");
        assert_eq!(format_rate(d("1450")), "1,450.00");
        assert_eq!(format_rate(d("9.4012")), "9.4012");
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn currencies_parse_and_round() {
        assert_eq!(Currency::parse(" usd ").unwrap(), Currency::USD);
        assert_eq!(Currency::parse("€").unwrap().code(), "EUR");
        assert_eq!(Currency::parse("JPY").unwrap().minor_units(), 0);
        let err = Currency::parse("XYZ").unwrap_err();
        assert_eq!(err.code, "currency.unknown");
        assert!(err.message_ko.contains("XYZ"));
        assert_eq!(Currency::USD.round(d("10.005")), d("10.01"));
        assert_eq!(Currency::parse("JPY").unwrap().round(d("100.5")), d("101"));
    }

    #[test]
    fn krw_conversion_rounds_as_told() {
        assert_eq!(
            to_krw(d("10.99"), d("1385.27"), KrwRounding::Down),
            d("15224")
        );
        assert_eq!(
            to_krw(d("10.99"), d("1385.27"), KrwRounding::HalfUp),
            d("15224")
        );
        assert_eq!(to_krw(d("1"), d("1385.5"), KrwRounding::Down), d("1385"));
        assert_eq!(to_krw(d("1"), d("1385.5"), KrwRounding::HalfUp), d("1386"));
    }

    #[test]
    fn amounts_in_local_forms() {
        assert_eq!(parse_amount("1,234.50", "x").unwrap(), d("1234.50"));
        assert_eq!(parse_amount("₩12,000", "x").unwrap(), d("12000"));
        assert_eq!(parse_amount("US$ 9.90", "x").unwrap(), d("9.90"));
        assert_eq!(parse_amount("12 000원", "x").unwrap(), d("12000"));
        assert_eq!(
            parse_amount("abc", "price").unwrap_err().field.as_deref(),
            Some("price")
        );
        assert_eq!(parse_amount("  ", "x").unwrap_err().code, "amount.empty");
        assert_eq!(
            parse_non_negative("-1", "x").unwrap_err().code,
            "amount.negative"
        );
        assert!(parse_non_negative("0", "x").is_ok());
    }

    #[test]
    fn krw_formatting() {
        assert_eq!(format_krw(d("5000000")), "₩5,000,000");
        assert_eq!(format_krw(d("999")), "₩999");
        assert_eq!(format_krw(d("1000")), "₩1,000");
        assert_eq!(format_krw(d("-1234")), "-₩1,234");
    }
}
