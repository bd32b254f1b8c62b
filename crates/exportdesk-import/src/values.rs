//! Values in the forms marketplaces and spreadsheets print them.
//!
//! The rules crate reads values the way people type them into ExportDesk's own forms
//! (`parse_date`, `parse_amount`, `Currency::parse`, `Country::parse`); files from abroad need
//! more, and this module adds it locally, falling back to — or reusing the messages of — the rules
//! functions wherever they already fit:
//!
//! - **Dates**: `2026-11-27`, `2026/11/27`, `2026.11.27`, `2026. 11. 27.`, `2026년 11월 27일`,
//!   `20261127`, numeric day/month dates in the profile's [`DateOrder`] (`11/27/2026` in the US,
//!   `27/11/2026` in Europe, two-digit years read as 20xx), month names (`Nov-27-26`,
//!   `27 Nov 2026`, `November 27, 2026`), Excel serial numbers (20000–80000, i.e. 1954–2119) and
//!   timestamps. A timestamp with a zone (`Z`, `+09:00`, `-0500`, `PST`, …) is converted to the
//!   local date at the offset the caller gives (Korea, UTC+9, by default) — the date the seller's
//!   own paperwork uses; a timestamp without a zone, or with one this module does not know, keeps
//!   the date as written. A numeric date that could be read either way under a year-first profile
//!   (`03/04/2026`) is refused rather than guessed.
//! - **Amounts**: currency symbols and codes before or after the number (`$1,234.50`,
//!   `€1.234,50`, `₩12,000`, `¥2,680`, `12,000원`, `US $9.90`, `C $12.00`, `RM 35.90`),
//!   spaces, no-break spaces and apostrophes as thousands separators, and a decimal comma when
//!   the profile or the column says so. Separators are checked, not just dropped: `12,50` under a
//!   decimal-point profile is refused with a hint to switch the profile, because reading it as
//!   1250 would be silently wrong. The symbol is returned, so a file without a currency column
//!   still gets its currency from its prices; a bare `$` or `¥` counts only when nothing better
//!   is known.
//! - **Currencies** from codes, symbols and Korean/English/Japanese names; **countries** from
//!   ISO codes (two or three letters) and English, Korean and Japanese names, including the
//!   everyday names that the ISO list spells differently (`Russia`, `Turkey`, `대만`, `アメリカ`).

use crate::profile::{DateOrder, DecimalStyle};
use chrono::{Duration, NaiveDate, NaiveTime};
use exportdesk_rules::country::Country;
use exportdesk_rules::money::{parse_amount, Currency};
use exportdesk_rules::rates::parse_date;
use exportdesk_rules::Problem;
use rust_decimal::Decimal;
use std::str::FromStr;

/// A three-letter ISO 4217 code the app knows, exactly (`KRW`, `usd`).
pub fn currency_code(s: &str) -> Option<Currency> {
    let s = s.trim();
    if s.len() == 3 && s.chars().all(|c| c.is_ascii_alphabetic()) {
        Currency::parse(s).ok()
    } else {
        None
    }
}

/// A currency symbol or code as printed next to an amount. The flag is `true` for symbols
/// shared by several currencies (`$`, `¥`), which only count when nothing better is known.
pub fn currency_from_symbol(symbol: &str) -> Option<(Currency, bool)> {
    let s: String = symbol
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    let code = match s.as_str() {
        "" => return None,
        "$" => return Currency::parse("USD").ok().map(|c| (c, true)),
        "¥" | "￥" => return Currency::parse("JPY").ok().map(|c| (c, true)),
        "US$" | "US" | "USD$" => "USD",
        "C$" | "CA$" | "CAD$" => "CAD",
        "AU$" | "A$" | "AUD$" => "AUD",
        "NZ$" => "NZD",
        "HK$" => "HKD",
        "S$" | "SG$" => "SGD",
        "NT$" => "TWD",
        "R$" => "BRL",
        "MX$" => "MXN",
        "€" => "EUR",
        "£" => "GBP",
        "円" | "JP¥" | "엔" => "JPY",
        "₩" | "원" | "W" => "KRW",
        "元" | "CN¥" | "RMB" | "위안" => "CNY",
        "RM" => "MYR",
        "฿" => "THB",
        "₱" => "PHP",
        "RP" => "IDR",
        "₫" => "VND",
        "₹" => "INR",
        "₺" => "TRY",
        "₪" => "ILS",
        "ZŁ" => "PLN",
        "KČ" => "CZK",
        "FR." | "CHF" => "CHF",
        other => return currency_code(other).map(|c| (c, false)),
    };
    Currency::parse(code).ok().map(|c| (c, false))
}

/// A currency from a cell: an ISO code, a symbol, or a name (`달러`, `Euro`, `円`).
pub fn parse_currency(input: &str) -> Result<Currency, Problem> {
    let s = input.trim();
    if let Ok(c) = Currency::parse(s) {
        return Ok(c);
    }
    if let Some((c, _)) = currency_from_symbol(s) {
        return Ok(c);
    }
    let name = s.to_lowercase();
    let code = match name.as_str() {
        "달러" | "미국달러" | "미국 달러" | "미화" | "dollar" | "us dollar" | "us dollars"
        | "ドル" | "米ドル" => "USD",
        "유로" | "euro" | "euros" | "ユーロ" => "EUR",
        "엔" | "엔화" | "일본엔" | "yen" | "japanese yen" => "JPY",
        "원" | "원화" | "won" | "korean won" | "ウォン" => "KRW",
        "위안" | "위안화" | "yuan" | "renminbi" | "人民币" => "CNY",
        "파운드" | "pound" | "pounds" | "pound sterling" => "GBP",
        _ => return Currency::parse(s),
    };
    Currency::parse(code)
}

/// An amount read from a cell, with the currency its symbol or code names, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money {
    /// The amount, negative when the cell says so.
    pub amount: Decimal,
    /// The currency a symbol or code next to the amount names.
    pub currency: Option<Currency>,
    /// The symbol is shared by several currencies (`$`, `¥`).
    pub ambiguous: bool,
}

/// Read an amount as printed (see the module documentation). `field` names the form field of
/// the problem.
pub fn parse_money(input: &str, style: DecimalStyle, field: &str) -> Result<Money, Problem> {
    let s = input.trim();
    if s.is_empty() {
        return Err(parse_amount(s, field).expect_err("empty is refused"));
    }
    let invalid = || invalid_amount(s, field);
    let (mut body, mut negative) = (s.to_string(), false);
    if body.starts_with('(') && body.ends_with(')') && body.len() >= 2 {
        body = body[1..body.len() - 1].trim().to_string();
        negative = true;
    }
    let is_num =
        |c: char| c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}' | '\'');
    let is_sign = |c: char| matches!(c, '-' | '−' | '+');
    // Symbol or code before the number, sign before or after it.
    let start = body
        .find(|c: char| c.is_ascii_digit())
        .ok_or_else(invalid)?;
    let end = body
        .rfind(|c: char| c.is_ascii_digit())
        .map(|i| i + 1)
        .unwrap_or(start);
    let (prefix, rest) = body.split_at(start);
    let (number, suffix) = rest.split_at(end - start);
    let mut symbol = String::new();
    for part in [prefix, suffix] {
        let mut p = part.trim();
        while let Some(c) = p.chars().next().filter(|c| is_sign(*c)) {
            negative ^= c != '+';
            p = p[c.len_utf8()..].trim_start();
        }
        while let Some(c) = p.chars().last().filter(|c| is_sign(*c)) {
            negative ^= c != '+';
            p = p[..p.len() - c.len_utf8()].trim_end();
        }
        symbol.push_str(p);
    }
    if !number.chars().all(is_num) {
        return Err(invalid());
    }
    let (currency, ambiguous) = match symbol.trim() {
        "" => (None, false),
        sym => match currency_from_symbol(sym) {
            Some((c, amb)) => (Some(c), amb),
            None => return Err(invalid()),
        },
    };
    let digits: String = number
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    let plain = normalise_separators(&digits, style).map_err(|hint| match hint {
        Some(DecimalStyle::Comma) => Problem::new(
            "amount.decimal_comma",
            format!("'{s}'은(는) 소수점으로 쉼표를 쓴 금액으로 보입니다. 프로필(또는 이 열)의 소수점 구분을 '쉼표(1.234,50)'로 바꾸세요."),
            format!("'{s}' looks like an amount with a decimal comma. Set the profile's (or this column's) decimal separator to comma (1.234,50)."),
        )
        .at(field)
        .with("value", s),
        Some(DecimalStyle::Point) => Problem::new(
            "amount.decimal_point",
            format!("'{s}'은(는) 소수점으로 마침표를 쓴 금액으로 보이는데, 프로필은 쉼표를 소수점으로 읽습니다. 프로필(또는 이 열)의 소수점 구분을 '마침표(1,234.50)'로 바꾸세요."),
            format!("'{s}' looks like an amount with a decimal point, but the profile reads a comma as the decimal separator. Set the profile's (or this column's) decimal separator to point (1,234.50)."),
        )
        .at(field)
        .with("value", s),
        None => invalid(),
    })?;
    let mut amount = Decimal::from_str(&plain).map_err(|_| invalid())?;
    if amount > Decimal::from(MAX_AMOUNT) {
        return Err(Problem::new(
            "amount.too_large",
            format!("'{s}'은(는) 너무 큰 금액입니다 (최대 1조). 값이 맞는지, 다른 열의 값이 들어오지 않았는지 확인하세요."),
            format!("'{s}' is too large an amount (the limit is one trillion). Check the value, and that it is not from another column."),
        )
        .at(field)
        .with("value", s));
    }
    if negative {
        amount = -amount;
    }
    Ok(Money {
        amount,
        currency,
        ambiguous,
    })
}

fn invalid_amount(s: &str, field: &str) -> Problem {
    Problem::new(
        "amount.invalid",
        format!("'{s}'은(는) 금액으로 읽을 수 없습니다. 1234.50처럼 숫자로 입력하세요 (통화 기호는 있어도 됩니다)."),
        format!("'{s}' cannot be read as an amount. Enter a number such as 1234.50 (a currency symbol may stay)."),
    )
    .at(field)
    .with("value", s)
}

/// Turn `1,234.50` (point style) or `1.234,50` (comma style) into `1234.50`, checking that the
/// thousands separators sit every three digits. On failure, says which style would have fit.
fn normalise_separators(digits: &str, style: DecimalStyle) -> Result<String, Option<DecimalStyle>> {
    let (group, decimal) = match style {
        DecimalStyle::Point => (',', '.'),
        DecimalStyle::Comma => ('.', ','),
    };
    if let Some(plain) = grouped(digits, group, decimal) {
        return Ok(plain);
    }
    let other = match style {
        DecimalStyle::Point => DecimalStyle::Comma,
        DecimalStyle::Comma => DecimalStyle::Point,
    };
    let (g, d) = match other {
        DecimalStyle::Point => (',', '.'),
        DecimalStyle::Comma => ('.', ','),
    };
    Err(grouped(digits, g, d).map(|_| other))
}

fn grouped(digits: &str, group: char, decimal: char) -> Option<String> {
    let mut parts = digits.splitn(2, decimal);
    let whole = parts.next().unwrap_or("");
    let fraction = parts.next();
    if let Some(f) = fraction {
        if f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    let groups: Vec<&str> = whole.split(group).collect();
    if groups
        .iter()
        .any(|g| g.is_empty() || !g.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return None;
    }
    let mut plain: String = groups.concat();
    if let Some(f) = fraction {
        plain.push('.');
        plain.push_str(f);
    }
    Some(plain)
}

/// The largest amount read (10^12): far above any order of a small shop, and small enough that
/// quantity × price and the sums of an order can never overflow a decimal (which would panic).
pub const MAX_AMOUNT: i64 = 1_000_000_000_000;

/// The largest quantity read on one line.
pub const MAX_QUANTITY: i64 = 10_000_000;

/// A quantity: a number, optionally with thousands commas and a unit word (`2`, `1,000`, `3개`,
/// `2 pcs`).
pub fn parse_quantity(input: &str, field: &str) -> Result<Decimal, Problem> {
    let s = input.trim();
    let lower = s.to_lowercase();
    let mut number = lower.as_str();
    for unit in ["개", "ea", "pcs", "pc", "個", "点", "units", "unit", "x"] {
        if let Some(rest) = number.strip_suffix(unit) {
            number = rest.trim_end();
            break;
        }
    }
    match parse_money(number, DecimalStyle::Point, field) {
        Ok(Money {
            amount,
            currency: None,
            ..
        }) if amount.abs() <= Decimal::from(MAX_QUANTITY) => Ok(amount),
        Ok(Money { currency: None, .. }) => Err(Problem::new(
            "quantity.too_large",
            format!("'{s}'은(는) 너무 큰 수량입니다 (한 줄에 최대 1천만). 값이 맞는지 확인하세요."),
            format!(
                "'{s}' is too large a quantity (at most ten million on one line). Check the value."
            ),
        )
        .at(field)
        .with("value", s)),
        Err(p) if p.code == "amount.empty" => Err(Problem::new(
            "quantity.empty",
            "수량을 입력하세요.",
            "Enter the quantity.",
        )
        .at(field)),
        _ => Err(Problem::new(
            "quantity.invalid",
            format!("'{s}'은(는) 수량으로 읽을 수 없습니다. 2처럼 숫자로 입력하세요."),
            format!("'{s}' cannot be read as a quantity. Enter a number such as 2."),
        )
        .at(field)
        .with("value", s)),
    }
}

/// Read a date as printed (see the module documentation). `offset_minutes` is the local
/// offset from UTC that timestamps with a zone are converted to.
pub fn parse_local_date(
    input: &str,
    order: DateOrder,
    offset_minutes: i32,
    field: &str,
) -> Result<NaiveDate, Problem> {
    let s = input.trim();
    if s.is_empty() {
        return Err(parse_date(s, field).expect_err("empty is refused"));
    }
    match read_date(s, order, offset_minutes) {
        Ok(d) => Ok(d),
        Err(DateError::Ambiguous(a, b)) => Err(Problem::new(
            "date.ambiguous",
            format!("'{s}'은(는) {}월 {}일인지 {}월 {}일인지 알 수 없습니다. 프로필의 날짜 순서(월/일/연 또는 일/월/연)를 고르세요.", a, b, b, a),
            format!("'{s}' could be month {a} day {b} or day {a} month {b}. Choose the profile's date order (month/day/year or day/month/year)."),
        )
        .at(field)
        .with("value", s)),
        Err(DateError::Invalid) => {
            let example = match order {
                DateOrder::Ymd => "2026-11-27, 2026/11/27, 2026.11.27",
                DateOrder::Mdy => "2026-11-27, 11/27/2026, Nov 27, 2026",
                DateOrder::Dmy => "2026-11-27, 27/11/2026, 27 Nov 2026",
            };
            Err(Problem::new(
                "date.invalid",
                format!("'{s}'은(는) 날짜로 읽을 수 없습니다. {example}처럼 적힌 날짜여야 합니다."),
                format!("'{s}' is not a date. Dates must look like {example}."),
            )
            .at(field)
            .with("value", s))
        }
    }
}

enum DateError {
    Invalid,
    Ambiguous(u32, u32),
}

fn read_date(s: &str, order: DateOrder, offset_minutes: i32) -> Result<NaiveDate, DateError> {
    if let Some(d) = serial_or_compact(s) {
        return Ok(d);
    }
    let (date_part, time_part) = split_time(s);
    let date = calendar_date(date_part, order)?;
    let Some(time_text) = time_part else {
        return Ok(date);
    };
    let Some((time, zone)) = time_and_zone(time_text) else {
        return Ok(date);
    };
    let Some(zone) = zone else {
        return Ok(date);
    };
    let utc = date.and_time(time) - Duration::minutes(zone as i64);
    Ok((utc + Duration::minutes(offset_minutes as i64)).date())
}

/// `20261127` or an Excel serial day number such as `46353` (or `46353.5`).
fn serial_or_compact(s: &str) -> Option<NaiveDate> {
    let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
    if whole.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !fraction.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    if whole.len() == 8 && fraction.is_empty() {
        return NaiveDate::parse_from_str(whole, "%Y%m%d").ok();
    }
    let n: i64 = whole.parse().ok()?;
    if (20_000..=80_000).contains(&n) {
        NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(Duration::days(n))
    } else {
        None
    }
}

/// Split `2026-11-20T14:03:11+09:00` / `Nov-20-26 10:15 PM PST` into date and time parts.
fn split_time(s: &str) -> (&str, Option<&str>) {
    let bytes = s.as_bytes();
    for i in 1..bytes.len() {
        if bytes[i] == b':'
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
        {
            // Walk back over the hour digits to the separator before them.
            let mut h = i - 1;
            while h > 0 && bytes[h - 1].is_ascii_digit() {
                h -= 1;
            }
            if h == 0 {
                return (s, None);
            }
            let date = s[..h].trim_end_matches(['T', ' ', ',', '\u{a0}']);
            return (date, Some(&s[h..]));
        }
    }
    (s, None)
}

/// `14:03:11.123 +09:00` → time and the zone's offset in minutes, when there is a known zone.
fn time_and_zone(s: &str) -> Option<(NaiveTime, Option<i32>)> {
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(s.len());
    let (clock, rest) = s.split_at(end);
    let mut parts = clock.split(':');
    let mut hour: u32 = parts.next()?.parse().ok()?;
    let minute: u32 = parts.next()?.parse().ok()?;
    let second: u32 = parts
        .next()
        .map(|p| p.split('.').next().unwrap_or("0").parse().unwrap_or(0))
        .unwrap_or(0);
    let mut rest = rest.trim();
    let upper = rest.to_ascii_uppercase();
    if let Some(r) = upper
        .strip_prefix("PM")
        .or_else(|| upper.strip_prefix("AM"))
    {
        if upper.starts_with("PM") && hour < 12 {
            hour += 12;
        } else if upper.starts_with("AM") && hour == 12 {
            hour = 0;
        }
        rest = rest[rest.len() - r.len()..].trim();
    }
    let time = NaiveTime::from_hms_opt(hour, minute, second.min(59))?;
    Some((time, zone_offset(rest)))
}

/// Offset in minutes of `Z`, `+09:00`, `-0500`, `+9`, `UTC`, `UTC+9`, `GMT-05:00`, `KST`, `PST`, ….
fn zone_offset(zone: &str) -> Option<i32> {
    let z = zone
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim()
        .to_ascii_uppercase();
    if z.is_empty() {
        return None;
    }
    let named = match z.as_str() {
        "Z" | "UTC" | "GMT" | "UT" => Some(0),
        "KST" | "JST" => Some(540),
        "CST" => Some(-360),
        "CDT" => Some(-300),
        "EST" => Some(-300),
        "EDT" => Some(-240),
        "MST" => Some(-420),
        "MDT" => Some(-360),
        "PST" => Some(-480),
        "PDT" => Some(-420),
        "CET" => Some(60),
        "CEST" => Some(120),
        "BST" => Some(60),
        "SGT" | "MYT" | "HKT" | "AWST" => Some(480),
        "AEST" => Some(600),
        "AEDT" => Some(660),
        _ => None,
    };
    if named.is_some() {
        return named;
    }
    let z = z
        .strip_prefix("UTC")
        .or_else(|| z.strip_prefix("GMT"))
        .unwrap_or(&z);
    let (sign, digits) = match z.chars().next()? {
        '+' => (1, &z[1..]),
        '-' => (-1, &z[1..]),
        _ => return None,
    };
    let digits: String = digits.chars().filter(|c| *c != ':').collect();
    if digits.is_empty() || digits.len() > 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (h, m) = if digits.len() <= 2 {
        (digits.parse::<i32>().ok()?, 0)
    } else {
        let split = digits.len() - 2;
        (
            digits[..split].parse::<i32>().ok()?,
            digits[split..].parse::<i32>().ok()?,
        )
    };
    if h > 14 || m > 59 {
        return None;
    }
    Some(sign * (h * 60 + m))
}

fn month_number(token: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let t = token.to_ascii_lowercase();
    if t.len() < 3 {
        return None;
    }
    let i = MONTHS.iter().position(|m| t.starts_with(m))?;
    // `sept` and full names are fine; anything else starting like a month is not.
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    (t.len() == 3 || t == "sept" || full[i] == t).then_some(i as u32 + 1)
}

fn is_weekday(token: &str) -> bool {
    let t = token.to_ascii_lowercase();
    [
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .contains(&t.as_str())
}

fn calendar_date(s: &str, order: DateOrder) -> Result<NaiveDate, DateError> {
    let cleaned: String = s
        .chars()
        .map(|c| {
            if matches!(c, '년' | '월' | '年' | '月') {
                '-'
            } else {
                c
            }
        })
        .filter(|c| !matches!(c, '일' | '日'))
        .collect();
    let tokens: Vec<&str> = cleaned
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty() && !is_weekday(t) && !matches!(*t, "요" | "曜"))
        .collect();
    if tokens.len() == 1 {
        let t = tokens[0];
        if t.len() == 8 && t.chars().all(|c| c.is_ascii_digit()) {
            return NaiveDate::parse_from_str(t, "%Y%m%d").map_err(|_| DateError::Invalid);
        }
        return Err(DateError::Invalid);
    }
    if tokens.len() != 3 {
        return Err(DateError::Invalid);
    }
    let num = |t: &str| -> Option<u32> {
        (t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    let year = |t: &str| -> Option<i32> {
        let n = num(t)? as i32;
        match t.len() {
            4 => Some(n),
            1 | 2 => Some(2000 + n),
            _ => None,
        }
    };
    let make = |y: Option<i32>, m: Option<u32>, d: Option<u32>| -> Result<NaiveDate, DateError> {
        match (y, m, d) {
            (Some(y), Some(m), Some(d)) => {
                NaiveDate::from_ymd_opt(y, m, d).ok_or(DateError::Invalid)
            }
            _ => Err(DateError::Invalid),
        }
    };
    let (a, b, c) = (tokens[0], tokens[1], tokens[2]);
    if let Some(m) = month_number(a) {
        return make(year(c), Some(m), num(b));
    }
    if let Some(m) = month_number(b) {
        if a.len() == 4 {
            return make(year(a), Some(m), num(c));
        }
        return make(year(c), Some(m), num(a));
    }
    if a.len() == 4 {
        return make(year(a), num(b), num(c));
    }
    let (x, y) = (
        num(a).ok_or(DateError::Invalid)?,
        num(b).ok_or(DateError::Invalid)?,
    );
    if c.len() == 4 {
        return match order {
            DateOrder::Mdy => make(year(c), Some(x), Some(y)),
            DateOrder::Dmy => make(year(c), Some(y), Some(x)),
            DateOrder::Ymd if x > 12 => make(year(c), Some(y), Some(x)),
            DateOrder::Ymd if y > 12 || x == y => make(year(c), Some(x), Some(y)),
            DateOrder::Ymd => Err(DateError::Ambiguous(x, y)),
        };
    }
    match order {
        DateOrder::Ymd => make(year(a), Some(y), num(c)),
        DateOrder::Mdy => make(year(c), Some(x), Some(y)),
        DateOrder::Dmy => make(year(c), Some(y), Some(x)),
    }
}

/// A country from an ISO code (two or three letters) or an English, Korean or Japanese name.
pub fn parse_country(input: &str) -> Result<Country, Problem> {
    let first = match Country::parse(input) {
        Ok(c) => return Ok(c),
        Err(e) => e,
    };
    let s = input.trim();
    let upper = s.to_uppercase();
    let upper = upper.strip_prefix("THE ").unwrap_or(&upper).trim();
    if let Ok(c) = Country::parse(upper) {
        return Ok(c);
    }
    let code = match upper {
        "UNITED STATES OF AMERICA"
        | "AMERICA"
        | "U.S"
        | "US OF A"
        | "미합중국"
        | "アメリカ"
        | "アメリカ合衆国"
        | "米国"
        | "美国"
        | "USA"
        | "U.S.A" => "US",
        "GREAT BRITAIN" | "BRITAIN" | "ENGLAND" | "SCOTLAND" | "WALES" | "NORTHERN IRELAND"
        | "U.K." | "U.K" | "イギリス" | "英国" => "GB",
        "RUSSIA" | "러시아" | "ロシア" => "RU",
        "VIET NAM" | "ベトナム" => "VN",
        "CZECH REPUBLIC" => "CZ",
        "TURKEY" | "TÜRKIYE" | "터키" => "TR",
        "MACAU" | "MACAO SAR" => "MO",
        "HONG KONG SAR" | "HONG KONG SAR CHINA" | "HONGKONG" | "香港" => "HK",
        "TAIWAN, PROVINCE OF CHINA"
        | "REPUBLIC OF CHINA"
        | "TAIWAN ROC"
        | "대만"
        | "台湾"
        | "台灣" => "TW",
        "KOREA, REPUBLIC OF" | "REPUBLIC OF KOREA" | "KOREA (SOUTH)" | "韓国" | "大韓民国"
        | "한국" => "KR",
        "HOLLAND" | "NEDERLAND" => "NL",
        "UAE" | "U.A.E." => "AE",
        "PEOPLE'S REPUBLIC OF CHINA" | "PRC" | "MAINLAND CHINA" | "CHINA MAINLAND" | "中国" => {
            "CN"
        }
        "日本" | "にほん" => "JP",
        "シンガポール" | "싱가폴" => "SG",
        "호주" | "オーストラリア" => "AU",
        "DEUTSCHLAND" | "ドイツ" => "DE",
        "ESPAÑA" => "ES",
        "ITALIA" => "IT",
        "BRASIL" => "BR",
        "MÉXICO" => "MX",
        "ÖSTERREICH" => "AT",
        "SCHWEIZ" | "SUISSE" => "CH",
        "BELGIQUE" | "BELGIË" => "BE",
        "GBR" => "GB",
        "KOR" => "KR",
        "JPN" => "JP",
        "DEU" => "DE",
        "FRA" => "FR",
        "CAN" => "CA",
        "AUS" => "AU",
        "CHN" => "CN",
        "TWN" => "TW",
        "HKG" => "HK",
        "SGP" => "SG",
        "MYS" => "MY",
        "THA" => "TH",
        "VNM" => "VN",
        "PHL" => "PH",
        "IDN" => "ID",
        "NZL" => "NZ",
        "ITA" => "IT",
        "ESP" => "ES",
        "NLD" => "NL",
        "BEL" => "BE",
        "CHE" => "CH",
        "AUT" => "AT",
        "SWE" => "SE",
        "NOR" => "NO",
        "DNK" => "DK",
        "FIN" => "FI",
        "IRL" => "IE",
        "POL" => "PL",
        "PRT" => "PT",
        "MEX" => "MX",
        "BRA" => "BR",
        "ARE" => "AE",
        "SAU" => "SA",
        "IND" => "IN",
        "ISR" => "IL",
        "TUR" => "TR",
        "RUS" => "RU",
        _ => return Err(first),
    };
    Country::parse(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn date(s: &str, order: DateOrder) -> Result<NaiveDate, String> {
        parse_local_date(s, order, 540, "order_date").map_err(|p| p.code)
    }

    #[test]
    fn dates_in_local_forms() {
        use DateOrder::*;
        for s in [
            "2026-11-27",
            "2026/11/27",
            "2026.11.27",
            "2026. 11. 27.",
            "2026년 11월 27일",
            "20261127",
            "2026年11月27日",
            "46353",
        ] {
            assert_eq!(date(s, Ymd), Ok(d(2026, 11, 27)), "{s}");
        }
        assert_eq!(date("11/27/2026", Mdy), Ok(d(2026, 11, 27)));
        assert_eq!(date("27/11/2026", Dmy), Ok(d(2026, 11, 27)));
        assert_eq!(date("05-17-2026", Mdy), Ok(d(2026, 5, 17)));
        assert_eq!(date("09/03/26", Mdy), Ok(d(2026, 9, 3)));
        assert_eq!(date("09/03/26", Dmy), Ok(d(2026, 3, 9)));
        assert_eq!(date("Nov-27-26", Mdy), Ok(d(2026, 11, 27)));
        assert_eq!(date("27 Nov 2026", Ymd), Ok(d(2026, 11, 27)));
        assert_eq!(date("Fri, November 27, 2026", Dmy), Ok(d(2026, 11, 27)));
        assert_eq!(date("27/11/2026", Ymd), Ok(d(2026, 11, 27)));
        assert_eq!(date("03/04/2026", Ymd), Err("date.ambiguous".into()));
        assert_eq!(date("2026-13-01", Ymd), Err("date.invalid".into()));
        assert_eq!(date("soon", Ymd), Err("date.invalid".into()));
        assert_eq!(date(" ", Ymd), Err("date.empty".into()));
        assert_eq!(date("12345", Ymd), Err("date.invalid".into()));
    }

    #[test]
    fn timestamps_become_the_local_date() {
        use DateOrder::*;
        // 20:30 in New York is 10:30 the next morning in Seoul.
        assert_eq!(date("2026-11-26 20:30:00 -0500", Ymd), Ok(d(2026, 11, 27)));
        assert_eq!(date("2026-11-26T15:30:00Z", Ymd), Ok(d(2026, 11, 27)));
        assert_eq!(date("2026-11-27T01:00:00+09:00", Ymd), Ok(d(2026, 11, 27)));
        assert_eq!(
            date("2026-11-26T23:59:59.123-08:00", Ymd),
            Ok(d(2026, 11, 27))
        );
        assert_eq!(date("Nov-26-26 10:15:01 PM PST", Mdy), Ok(d(2026, 11, 27)));
        // No zone, or an unknown one: the date as written.
        assert_eq!(date("2026/11/26 23:10", Ymd), Ok(d(2026, 11, 26)));
        assert_eq!(date("2026-11-26 23:10:00 XYZ", Ymd), Ok(d(2026, 11, 26)));
        // Another local offset (UTC) keeps a UTC timestamp's date.
        assert_eq!(
            parse_local_date("2026-11-26T15:30:00Z", Ymd, 0, "d"),
            Ok(d(2026, 11, 26))
        );
    }

    fn money(s: &str, style: DecimalStyle) -> Result<(String, Option<&'static str>), String> {
        parse_money(s, style, "unit_price")
            .map(|m| (m.amount.to_string(), m.currency.map(|c| c.code())))
            .map_err(|p| p.code)
    }

    #[test]
    fn amounts_with_symbols_and_separators() {
        use DecimalStyle::*;
        assert_eq!(
            money("$1,234.50", Point),
            Ok(("1234.50".into(), Some("USD")))
        );
        assert_eq!(
            money("€1.234,50", Comma),
            Ok(("1234.50".into(), Some("EUR")))
        );
        assert_eq!(money("₩12,000", Point), Ok(("12000".into(), Some("KRW"))));
        assert_eq!(money("¥2,680", Point), Ok(("2680".into(), Some("JPY"))));
        assert_eq!(money("12,000원", Point), Ok(("12000".into(), Some("KRW"))));
        assert_eq!(money("US $9.90", Point), Ok(("9.90".into(), Some("USD"))));
        assert_eq!(money("C $12.00", Point), Ok(("12.00".into(), Some("CAD"))));
        assert_eq!(money("RM 35.90", Point), Ok(("35.90".into(), Some("MYR"))));
        assert_eq!(money("12.50 EUR", Point), Ok(("12.50".into(), Some("EUR"))));
        assert_eq!(
            money("1 234,50 €", Comma),
            Ok(("1234.50".into(), Some("EUR")))
        );
        assert_eq!(money("1'234.50", Point), Ok(("1234.50".into(), None)));
        assert_eq!(money("-3.00", Point), Ok(("-3.00".into(), None)));
        assert_eq!(money("(3.00)", Point), Ok(("-3.00".into(), None)));
        assert_eq!(money("-$3.00", Point), Ok(("-3.00".into(), Some("USD"))));
        assert_eq!(money("12,50", Point), Err("amount.decimal_comma".into()));
        assert_eq!(money("12.50", Comma), Err("amount.decimal_point".into()));
        assert_eq!(money("1,2,3", Point), Err("amount.invalid".into()));
        assert_eq!(money("free", Point), Err("amount.invalid".into()));
        assert_eq!(money("12 apples", Point), Err("amount.invalid".into()));
        assert_eq!(money("", Point), Err("amount.empty".into()));
        assert!(parse_money("$5", Point, "x").unwrap().ambiguous);
        assert_eq!(
            money("1,000,000,000,001", Point),
            Err("amount.too_large".into())
        );
        assert_eq!(
            money("99999999999999999999999999999999", Point),
            Err("amount.invalid".into())
        );
        assert_eq!(
            parse_quantity("10000001", "q").unwrap_err().code,
            "quantity.too_large"
        );
    }

    #[test]
    fn quantities_currencies_countries() {
        assert_eq!(parse_quantity("2", "q").unwrap().to_string(), "2");
        assert_eq!(parse_quantity("1,000", "q").unwrap().to_string(), "1000");
        assert_eq!(parse_quantity("3개", "q").unwrap().to_string(), "3");
        assert_eq!(parse_quantity("2 pcs", "q").unwrap().to_string(), "2");
        assert_eq!(
            parse_quantity("two", "q").unwrap_err().code,
            "quantity.invalid"
        );
        assert_eq!(
            parse_quantity("$2", "q").unwrap_err().code,
            "quantity.invalid"
        );
        assert_eq!(parse_quantity("", "q").unwrap_err().code, "quantity.empty");
        for (s, c) in [
            ("usd", "USD"),
            ("US$", "USD"),
            ("€", "EUR"),
            ("달러", "USD"),
            ("円", "JPY"),
            ("유로", "EUR"),
            ("RM", "MYR"),
        ] {
            assert_eq!(parse_currency(s).unwrap().code(), c, "{s}");
        }
        assert_eq!(
            parse_currency("doubloons").unwrap_err().code,
            "currency.unknown"
        );
        for (s, c) in [
            ("US", "US"),
            ("United States", "US"),
            ("United States of America", "US"),
            ("미국", "US"),
            ("대만", "TW"),
            ("Russia", "RU"),
            ("日本", "JP"),
            ("GBR", "GB"),
            ("Deutschland", "DE"),
            ("the Netherlands", "NL"),
        ] {
            assert_eq!(parse_country(s).unwrap().code(), c, "{s}");
        }
        assert_eq!(
            parse_country("Atlantis").unwrap_err().code,
            "country.unknown"
        );
    }
}
