//! How the documents print values: amounts with thousands separators, dates with the weekday,
//! countries with their Korean names, HS codes dotted, rule values in words. Shared by the PDF
//! documents so that the worksheet, the report and the product list say things the same way.

use chrono::{Datelike, NaiveDate};
use exportdesk_rules::country::countries;
use exportdesk_rules::deadline::RuleUsed;
use exportdesk_rules::money::{format_krw, Currency};
use rust_decimal::{Decimal, RoundingStrategy};

/// Group the integer digits of `digits` (no sign) by thousands.
fn group(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// `1234.5` → `1,234.50` for a currency with two minor digits, `1,235` for KRW or JPY.
pub fn amount(value: Decimal, currency: Currency) -> String {
    fixed(value, currency.minor_units())
}

/// `value` rounded half away from zero to `places` digits, thousands grouped.
pub fn fixed(value: Decimal, places: u32) -> String {
    let v = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    let text = format!("{:.*}", places as usize, v.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let sign = if v.is_sign_negative() && !v.is_zero() {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{}", group(int))
    } else {
        format!("{sign}{}.{frac}", group(int))
    }
}

/// An amount with its currency code: `USD 1,234.50`.
pub fn money(value: Decimal, currency: Currency) -> String {
    format!("{currency} {}", amount(value, currency))
}

/// Won: `₩1,234,567`.
pub fn krw(value: Decimal) -> String {
    format_krw(value)
}

/// A quantity or weight without trailing zeros, thousands grouped: `1,200`, `0.35`.
pub fn number(value: Decimal) -> String {
    let v = value.normalize();
    let text = v.abs().to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let sign = if v.is_sign_negative() && !v.is_zero() {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{}", group(int))
    } else {
        format!("{sign}{}.{frac}", group(int))
    }
}

const WEEKDAYS_KO: [&str; 7] = ["월", "화", "수", "목", "금", "토", "일"];

/// `2026-12-28 (월)`.
pub fn day(date: NaiveDate) -> String {
    format!(
        "{date} ({})",
        WEEKDAYS_KO[date.weekday().num_days_from_monday() as usize]
    )
}

/// A date or "—".
pub fn day_or_dash(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "—".to_string(), day)
}

/// `US` → `US 미국 (United States)`; an unknown code stays as it is.
pub fn country(code: &str) -> String {
    let code = code.trim();
    match countries().iter().find(|c| c.code == code) {
        Some(c) => format!("{} {} ({})", c.code, c.name_ko, c.name_en),
        None => code.to_string(),
    }
}

/// `US` → `US 미국`, shorter for table cells.
pub fn country_short(code: &str) -> String {
    let code = code.trim();
    match countries().iter().find(|c| c.code == code) {
        Some(c) => format!("{} {}", c.code, c.name_ko),
        None => code.to_string(),
    }
}

/// 10-digit HSK dotted the way tariff books print it: `3304991000` → `3304.99-1000`.
pub fn hs_dotted(digits: &str) -> String {
    let d = digits.trim();
    if d.len() == 10 && d.chars().all(|c| c.is_ascii_digit()) {
        format!("{}.{}-{}", &d[..4], &d[4..6], &d[6..])
    } else if d.len() == 6 && d.chars().all(|c| c.is_ascii_digit()) {
        format!("{}.{}", &d[..4], &d[4..])
    } else {
        d.to_string()
    }
}

/// The transport mode code in Korean and English.
pub fn transport_mode(code: &str) -> (String, String) {
    let (ko, en) = match code.trim() {
        "air" => ("항공", "air"),
        "sea" => ("해상", "sea"),
        "post" => ("우편", "post"),
        "courier" => ("특송", "express courier"),
        other => (other, other),
    };
    (ko.to_string(), en.to_string())
}

/// A rule value in words where its key tells the unit (`simplified_limit_krw` → `₩5,000,000`).
pub fn rule_value(rule: &RuleUsed) -> String {
    let parsed = rule.value.parse::<Decimal>().ok();
    match parsed {
        Some(v) if rule.key.ends_with("_krw") => krw(v),
        Some(v) if rule.key.ends_with("_days") => format!("{}일 / {} days", number(v), number(v)),
        Some(v) if rule.key.ends_with("_months") => {
            format!("{}개월 / {} months", number(v), number(v))
        }
        Some(v) if rule.key.ends_with("_years") => format!("{}년 / {} years", number(v), number(v)),
        Some(v) if rule.key.ends_with("_percent") => format!("{}%", number(v)),
        _ if rule.key == "schedule" => penalty_schedule(&rule.value),
        _ => match rule.value.as_str() {
            "down" => "원 미만 절사 / below one won dropped".to_string(),
            "half_up" => "원 미만 반올림 / rounded to the won".to_string(),
            other => other.to_string(),
        },
    }
}

/// `1+: 200000; 2+: 500000` → `1회~ ₩200,000 · 2회~ ₩500,000` (the text kept if it is not that).
fn penalty_schedule(value: &str) -> String {
    let steps: Option<Vec<String>> = value
        .split(';')
        .map(|step| {
            let (from, amount) = step.trim().split_once("+:")?;
            let from: u32 = from.trim().parse().ok()?;
            let amount: Decimal = amount.trim().parse().ok()?;
            Some(format!("{from}회~ {}", krw(amount)))
        })
        .collect();
    steps.map_or_else(|| value.to_string(), |s| s.join(" · "))
}

/// Unique rules by key and effective date, in first-seen order.
pub fn unique_rules<'a>(rules: impl IntoIterator<Item = &'a RuleUsed>) -> Vec<&'a RuleUsed> {
    let mut out: Vec<&RuleUsed> = Vec::new();
    for r in rules {
        if !out
            .iter()
            .any(|o| o.key == r.key && o.effective_from == r.effective_from)
        {
            out.push(r);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn amounts_dates_and_codes_print_as_people_read_them() {
        assert_eq!(amount(n("1234.5"), Currency::USD), "1,234.50");
        assert_eq!(amount(n("-1234567"), Currency::KRW), "-1,234,567");
        assert_eq!(amount(n("0.005"), Currency::USD), "0.01");
        assert_eq!(money(n("99"), Currency::USD), "USD 99.00");
        assert_eq!(number(n("1200.000")), "1,200");
        assert_eq!(number(n("0.350")), "0.35");
        assert_eq!(krw(n("1234567")), "₩1,234,567");
        assert_eq!(day("2026-12-28".parse().unwrap()), "2026-12-28 (월)");
        assert_eq!(hs_dotted("3304991000"), "3304.99-1000");
        assert_eq!(hs_dotted("330499"), "3304.99");
        assert_eq!(hs_dotted("33"), "33");
        assert!(country("US").contains("미국"));
        assert_eq!(country("ZZ"), "ZZ");
        assert_eq!(transport_mode("courier").0, "특송");
    }

    #[test]
    fn rule_values_in_words() {
        let rule = |key: &str, value: &str| RuleUsed {
            key: key.into(),
            title_ko: String::new(),
            title_en: String::new(),
            value: value.into(),
            effective_from: "2025-08-28".parse().unwrap(),
            source: String::new(),
            verified: false,
        };
        assert_eq!(
            rule_value(&rule("simplified_limit_krw", "5000000")),
            "₩5,000,000"
        );
        assert_eq!(rule_value(&rule("loading_days", "30")), "30일 / 30 days");
        assert_eq!(rule_value(&rule("reduction_percent", "50")), "50%");
        assert!(rule_value(&rule("krw_rounding", "down")).contains("절사"));
        assert_eq!(
            rule_value(&rule("schedule", "1+: 200000; 2+: 500000")),
            "1회~ ₩200,000 · 2회~ ₩500,000"
        );
        assert_eq!(rule_value(&rule("schedule", "odd")), "odd");
        let a = rule("loading_days", "30");
        let list = [a.clone(), a.clone(), rule("x", "1")];
        assert_eq!(unique_rules(&list).len(), 2);
    }
}
