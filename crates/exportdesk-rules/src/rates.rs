//! Weekly customs exchange rates (과세환율).
//!
//! KCS fixes one rate per currency per week, applying from Sunday 00:00 to Saturday 24:00. The
//! rate for a date is therefore the rate of the Sunday that starts its week. A week with no rate
//! is an error that says which week to enter: the app never falls back to a neighbouring week.

use crate::money::Currency;
use crate::problem::Problem;
use chrono::{Datelike, Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use ts_rs::TS;

/// The Sunday that starts the customs-rate week of `date`.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - Duration::days(date.weekday().num_days_from_sunday() as i64)
}

/// One weekly rate: won per one unit of the currency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WeeklyRate {
    /// The Sunday the rate applies from.
    pub week_start: NaiveDate,
    pub currency: Currency,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub krw_per_unit: Decimal,
    /// Where the figure came from (`KCS 관세청 고시`, `CSV rates-2026-11.csv`, `sample data`).
    pub source: String,
}

/// What a person types or a CSV row holds for one rate.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct RateDraft {
    /// Any date in the week (it is moved to the week's Sunday).
    pub date: String,
    pub currency: String,
    /// Won per `per` units (KCS quotes JPY per 100 yen).
    pub rate: String,
    /// 1 by default; 100 for rates quoted per 100 units.
    pub per: Option<String>,
    pub source: Option<String>,
}

/// Parse a date as people write it: `2026-11-27`, `2026.11.27`, `2026/11/27`, `20261127`.
pub fn parse_date(input: &str, field: &str) -> Result<NaiveDate, Problem> {
    let s = input.trim().trim_end_matches('.');
    let normalised: String = s
        .chars()
        .map(|c| if matches!(c, '.' | '/') { '-' } else { c })
        .filter(|c| !c.is_whitespace())
        .collect();
    let parsed = NaiveDate::parse_from_str(&normalised, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(&normalised, "%Y%m%d"));
    parsed.map_err(|_| {
        let (code, ko, en) = if s.is_empty() {
            (
                "date.empty",
                "날짜를 입력하세요 (예: 2026-11-27).".to_string(),
                "Enter a date (e.g. 2026-11-27).".to_string(),
            )
        } else {
            (
                "date.invalid",
                format!(
                    "'{s}'은(는) 날짜로 읽을 수 없습니다. 2026-11-27처럼 연-월-일로 입력하세요."
                ),
                format!("'{s}' is not a date. Enter it as year-month-day, e.g. 2026-11-27."),
            )
        };
        Problem::new(code, ko, en).at(field).with("value", s)
    })
}

impl RateDraft {
    pub fn validate(&self) -> Result<WeeklyRate, Vec<Problem>> {
        let mut problems = Vec::new();
        let date = parse_date(&self.date, "date")
            .map_err(|p| problems.push(p))
            .ok();
        let currency = Currency::parse(&self.currency)
            .map_err(|p| problems.push(p.at("currency")))
            .ok();
        if currency == Some(Currency::KRW) {
            problems.push(
                Problem::new(
                    "rate.krw",
                    "원화(KRW)는 환율이 필요 없습니다. 외화를 고르세요.",
                    "Korean won needs no rate; choose a foreign currency.",
                )
                .at("currency"),
            );
        }
        let pasted = parse_pasted_rate(&self.rate, currency)
            .map_err(|p| problems.push(p))
            .ok();
        let rate = pasted.map(|(r, _)| r);
        if let Some(r) = rate {
            if r <= Decimal::ZERO {
                problems.push(
                    Problem::new(
                        "rate.not_positive",
                        format!("환율 {r}은(는) 0보다 커야 합니다."),
                        format!("The rate {r} must be greater than zero."),
                    )
                    .at("rate"),
                );
            }
        }
        // A unit pasted with the rate ("JPY 100 940.12") wins over the form's choice.
        let pasted_per = pasted.and_then(|(_, per)| per).map(|p| p.to_string());
        let per_text = pasted_per.as_deref().or(self.per.as_deref());
        let per = match per_text.map(str::trim).filter(|s| !s.is_empty()) {
            None => Some(Decimal::ONE),
            Some(p) => match crate::money::parse_amount(p, "per") {
                Ok(v) if v > Decimal::ZERO => Some(v),
                _ => {
                    problems.push(
                        Problem::new(
                            "rate.per_invalid",
                            format!("기준 단위 '{p}'가 잘못되었습니다. 1 또는 100처럼 양수로 입력하세요."),
                            format!("The quotation unit '{p}' is wrong; enter a positive number such as 1 or 100."),
                        )
                        .at("per"),
                    );
                    None
                }
            },
        };
        // Won per unit: no currency is worth ₩10,000,000 a unit; beyond that it is a typo (and
        // declaration values multiplied by it would overflow).
        let krw_per_unit = match (rate, per) {
            (Some(r), Some(p)) if r > Decimal::ZERO => {
                match r.checked_div(p).filter(|v| *v <= Decimal::from(10_000_000)) {
                    Some(v) => Some(v),
                    None => {
                        problems.push(
                            Problem::new(
                                "rate.too_large",
                                format!("환율 {r} / {p}이(가) 너무 큽니다 (1단위에 ₩10,000,000 이하). 환율과 기준 단위를 확인하세요."),
                                format!("The rate {r} / {p} is too large (at most ₩10,000,000 per unit). Check the rate and the quotation unit."),
                            )
                            .at("rate"),
                        );
                        None
                    }
                }
            }
            _ => None,
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        let (date, currency, krw_per_unit) =
            (date.unwrap(), currency.unwrap(), krw_per_unit.unwrap());
        Ok(WeeklyRate {
            week_start: week_start(date),
            currency,
            krw_per_unit: krw_per_unit.normalize(),
            source: self
                .source
                .clone()
                .filter(|s| !s.trim().is_empty())
                .unwrap_or_else(|| "직접 입력 / entered by hand".to_string()),
        })
    }
}

/// Read a rate as a person types it or pastes it from the KCS weekly rate table: `1450.30`,
/// `1,450.30`, `USD 1,450.30`, `미국 USD 1,450.30`, `USD1,450.30`, a row of tab-separated
/// cells, or `JPY 100 940.12` / `일본 JPY(100) 940.12` where the first number is the quotation
/// unit. Country names and `원`/`KRW` are skipped; a change from last week written with a sign or
/// an arrow (`▼ -30.18`, `(+2.51)`) is left out. Returns the rate and the unit if one was given.
/// A currency code other than `expected` is refused: it is the wrong row of the table.
pub fn parse_pasted_rate(
    input: &str,
    expected: Option<Currency>,
) -> Result<(Decimal, Option<Decimal>), Problem> {
    let text = input.trim();
    if text.is_empty() {
        return Err(
            Problem::new("amount.empty", "환율을 입력하세요.", "Enter the rate.").at("rate"),
        );
    }
    // A plain number, typed: taken as it is (its sign too, so that -1 is refused as negative).
    if let Ok(v) = Decimal::from_str(&text.replace([',', ' '], "")) {
        return Ok((v, None));
    }
    // Split letters from digits ("USD1,450.30"), and cells on spaces, tabs and brackets.
    let mut spaced = String::with_capacity(text.len() + 8);
    let mut prev: Option<char> = None;
    for c in text.chars() {
        let boundary = matches!(prev, Some(p) if p.is_ascii_alphabetic() != c.is_ascii_alphabetic()
            && (p.is_ascii_digit() || c.is_ascii_digit()));
        if boundary {
            spaced.push(' ');
        }
        spaced.push(
            if matches!(c, '(' | ')' | '[' | ']' | '\t' | ':' | '/' | '|') {
                ' '
            } else {
                c
            },
        );
        prev = Some(c);
    }
    let mut numbers: Vec<Decimal> = Vec::new();
    let mut skip_next_number = false;
    for token in spaced.split_whitespace() {
        // A change from last week: an arrow or sign alone marks the next number, one glued
        // to its number ("-30.18", "▲0.08") is that number.
        if token.starts_with(['▲', '▼', '△', '▽', '-', '+']) {
            skip_next_number = token.chars().count() == 1;
            continue;
        }
        let first = token.chars().next().unwrap_or(' ');
        if first.is_ascii_digit() || (first == '.' && token.len() > 1) {
            let cleaned: String = token.chars().filter(|c| *c != ',').collect();
            let value = Decimal::from_str(cleaned.trim_end_matches('원')).map_err(|_| {
                Problem::new(
                    "rate.paste_unreadable",
                    format!(
                        "'{token}'은(는) 환율로 읽을 수 없습니다. 1,450.30처럼 숫자로 입력하세요."
                    ),
                    format!("'{token}' cannot be read as a rate; enter a number such as 1,450.30."),
                )
                .at("rate")
                .with("value", token)
            })?;
            if skip_next_number {
                skip_next_number = false;
            } else {
                numbers.push(value);
            }
            continue;
        }
        let upper = token.to_ascii_uppercase();
        let is_code = token.len() == 3 && token.chars().all(|c| c.is_ascii_alphabetic());
        if is_code && upper != "KRW" {
            if let (Some(want), Ok(found)) = (expected, Currency::parse(&upper)) {
                if found != want {
                    return Err(Problem::new(
                        "rate.paste_other_currency",
                        format!("붙여넣은 값은 {found} 환율입니다. {want} 행의 환율을 붙여넣으세요."),
                        format!("The pasted value is the {found} rate; paste the rate of the {want} row."),
                    )
                    .at("rate")
                    .with("currency", found)
                    .with("expected", want));
                }
            }
        }
    }
    match numbers.as_slice() {
        [rate] => Ok((*rate, None)),
        [unit, rate] if *unit == Decimal::ONE || *unit == Decimal::ONE_HUNDRED => {
            Ok((*rate, Some(*unit)))
        }
        [] => Err(Problem::new(
            "amount.invalid",
            format!("'{text}'에서 환율 숫자를 찾지 못했습니다. 1,450.30처럼 숫자로 입력하세요."),
            format!("No rate found in '{text}'; enter a number such as 1,450.30."),
        )
        .at("rate")
        .with("value", text)),
        _ => Err(Problem::new(
            "rate.paste_ambiguous",
            format!("'{text}'에 숫자가 여러 개 있어 어느 것이 환율인지 알 수 없습니다. 그 주의 환율 하나만 입력하세요."),
            format!("'{text}' holds several numbers, so the rate is unclear; enter only the week's rate."),
        )
        .at("rate")
        .with("value", text)),
    }
}

/// Look up the rate for `date` among `rates`; KRW is always 1.
pub fn rate_for(
    rates: &[WeeklyRate],
    currency: Currency,
    date: NaiveDate,
) -> Result<Decimal, Problem> {
    if currency == Currency::KRW {
        return Ok(Decimal::ONE);
    }
    let week = week_start(date);
    rates
        .iter()
        .find(|r| r.currency == currency && r.week_start == week)
        .map(|r| r.krw_per_unit)
        .ok_or_else(|| missing_week(currency, date))
}

/// The error for a week with no rate, naming the week to enter.
pub fn missing_week(currency: Currency, date: NaiveDate) -> Problem {
    let week = week_start(date);
    let end = week + Duration::days(6);
    Problem::new(
        "rates.missing_week",
        format!(
            "{date}이 속한 주({week} 일요일 ~ {end} 토요일)의 {currency} 과세환율이 없습니다. 환율 화면에서 그 주의 관세청 고시 환율을 입력하거나 CSV로 가져오세요."
        ),
        format!(
            "There is no {currency} customs rate for the week of {date} (Sunday {week} to Saturday {end}). Enter the KCS rate for that week on the Rates screen or import it from CSV."
        ),
    )
    .with("currency", currency)
    .with("week_start", week)
    .with("date", date)
}

/// Read a rate CSV: a header row naming the columns `date` (or `week_start`), `currency`, `rate`
/// and optionally `per` and `source`, in any order, Korean headers accepted (`날짜`, `통화`,
/// `환율`, `단위`, `출처`). Returns every row's problems with its row number; nothing is partial.
pub fn parse_rates_csv(text: &str) -> Result<Vec<WeeklyRate>, Vec<Problem>> {
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((_, header)) = lines.next() else {
        return Err(vec![Problem::new(
            "rates_csv.empty",
            "CSV 파일이 비어 있습니다. 첫 줄에 date,currency,rate 제목이 있어야 합니다.",
            "The CSV file is empty. Its first line must name the columns date,currency,rate.",
        )]);
    };
    let cols: Vec<String> = split_csv_line(header)
        .iter()
        .map(|c| c.trim().to_lowercase())
        .collect();
    let find = |names: &[&str]| cols.iter().position(|c| names.contains(&c.as_str()));
    let date_col = find(&["date", "week_start", "week", "날짜", "적용일", "주"]);
    let cur_col = find(&["currency", "통화", "통화코드"]);
    let rate_col = find(&["rate", "krw", "환율", "과세환율"]);
    let per_col = find(&["per", "unit", "단위"]);
    let src_col = find(&["source", "출처"]);
    let (Some(date_col), Some(cur_col), Some(rate_col)) = (date_col, cur_col, rate_col) else {
        return Err(vec![Problem::new(
            "rates_csv.columns",
            format!("CSV 제목 줄에 date(날짜), currency(통화), rate(환율) 열이 모두 있어야 합니다. 읽은 제목: {}", cols.join(", ")),
            format!("The CSV header must have the columns date, currency and rate. Found: {}", cols.join(", ")),
        )]);
    };
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (index, line) in lines {
        let row = index + 1;
        let cells = split_csv_line(line);
        let cell = |i: usize| cells.get(i).cloned().unwrap_or_default();
        let draft = RateDraft {
            date: cell(date_col),
            currency: cell(cur_col),
            rate: cell(rate_col),
            per: per_col.map(cell),
            source: Some(src_col.map(cell).unwrap_or_else(|| "CSV".to_string())),
        };
        match draft.validate() {
            Ok(r) => {
                if out
                    .iter()
                    .any(|o: &WeeklyRate| o.week_start == r.week_start && o.currency == r.currency)
                {
                    problems.push(
                        Problem::new(
                            "rates_csv.duplicate_week",
                            format!("{row}행: {} {} 주의 환율이 파일에 두 번 있습니다. 한 줄만 남기세요.", r.currency, r.week_start),
                            format!("Row {row}: the file has the {} rate for the week of {} twice; keep one line.", r.currency, r.week_start),
                        )
                        .with("row", row),
                    );
                } else {
                    out.push(r);
                }
            }
            Err(ps) => problems.extend(ps.into_iter().map(|p| {
                let (ko, en) = (
                    format!("{row}행: {}", p.message_ko),
                    format!("Row {row}: {}", p.message_en),
                );
                Problem {
                    message_ko: ko,
                    message_en: en,
                    ..p
                }
                .with("row", row)
            })),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// Split one CSV line on commas, honouring double quotes (`"1,385.20"`).
pub fn split_csv_line(line: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => cells.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    cells.push(cur.trim_end_matches('\r').to_string());
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn rate(week: &str, cur: &str, v: &str) -> WeeklyRate {
        WeeklyRate {
            week_start: date(week),
            currency: Currency::parse(cur).unwrap(),
            krw_per_unit: v.parse().unwrap(),
            source: "t".into(),
        }
    }

    #[test]
    fn week_runs_sunday_to_saturday() {
        // 2026-11-22 is a Sunday, 2026-11-28 a Saturday.
        assert_eq!(week_start(date("2026-11-22")), date("2026-11-22"));
        assert_eq!(week_start(date("2026-11-28")), date("2026-11-22"));
        assert_eq!(week_start(date("2026-11-29")), date("2026-11-29"));
        assert_eq!(week_start(date("2026-11-27")), date("2026-11-22"));
    }

    #[test]
    fn rate_lookup_by_week_and_missing_week_error() {
        let rates = vec![rate("2026-11-22", "USD", "1385.2")];
        assert_eq!(
            rate_for(&rates, Currency::USD, date("2026-11-28"))
                .unwrap()
                .to_string(),
            "1385.2"
        );
        let e = rate_for(&rates, Currency::USD, date("2026-11-29")).unwrap_err();
        assert_eq!(e.code, "rates.missing_week");
        assert_eq!(e.params["week_start"], "2026-11-29");
        assert!(e.message_ko.contains("2026-12-05"));
        assert_eq!(
            rate_for(&rates, Currency::KRW, date("2000-01-01")).unwrap(),
            Decimal::ONE
        );
        assert!(rate_for(&rates, Currency::parse("EUR").unwrap(), date("2026-11-23")).is_err());
    }

    #[test]
    fn drafts_are_checked_and_normalised() {
        let jpy = RateDraft {
            date: "2026.11.25".into(),
            currency: "jpy".into(),
            rate: "912.50".into(),
            per: Some("100".into()),
            source: None,
        }
        .validate()
        .unwrap();
        assert_eq!(jpy.week_start, date("2026-11-22"));
        assert_eq!(jpy.krw_per_unit.to_string(), "9.125");
        let bad = RateDraft {
            date: "soon".into(),
            currency: "KRW".into(),
            rate: "-1".into(),
            per: None,
            source: None,
        }
        .validate()
        .unwrap_err();
        let codes: Vec<&str> = bad.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes, ["date.invalid", "rate.krw", "rate.not_positive"]);
    }

    #[test]
    fn csv_import_all_or_nothing_with_row_numbers() {
        let ok = "\u{feff}날짜,통화,환율,단위\n2026-11-22,USD,\"1,385.20\",1\n2026-11-22,JPY,912.5,100\n";
        let rates = parse_rates_csv(ok).unwrap();
        assert_eq!(rates.len(), 2);
        assert_eq!(rates[0].krw_per_unit.to_string(), "1385.2");
        let bad = "date,currency,rate\n2026-11-22,USD,1385\n2026-11-23,USD,1390\nxx,EUR,1\n";
        let e = parse_rates_csv(bad).unwrap_err();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].code, "rates_csv.duplicate_week");
        assert!(e[0].message_ko.starts_with("3행"));
        assert_eq!(e[1].params["row"], "4");
        assert_eq!(parse_rates_csv("").unwrap_err()[0].code, "rates_csv.empty");
        assert_eq!(
            parse_rates_csv("a,b\n1,2").unwrap_err()[0].code,
            "rates_csv.columns"
        );
    }

    #[test]
    fn dates_in_local_forms() {
        assert_eq!(parse_date("2026/11/27", "d").unwrap(), date("2026-11-27"));
        assert_eq!(parse_date("20261127", "d").unwrap(), date("2026-11-27"));
        assert_eq!(
            parse_date("2026. 11. 27.", "d").unwrap(),
            date("2026-11-27")
        );
        assert_eq!(
            parse_date("2026-02-30", "d").unwrap_err().code,
            "date.invalid"
        );
        assert_eq!(parse_date("", "d").unwrap_err().code, "date.empty");
    }

    #[test]
    fn pasted_rates_are_read_as_the_kcs_table_shows_them() {
        let usd = Some(Currency::parse("USD").unwrap());
        let jpy = Some(Currency::parse("JPY").unwrap());
        let d = |s: &str| Decimal::from_str(s).unwrap();
        for text in [
            "1450.30",
            "1,450.30",
            " USD 1,450.30 ",
            "미국 USD 1,450.30",
            "USD1,450.30",
            "미국\tUSD\t1,450.30",
            "USD 1,450.30 (▼ -30.18)",
            "1,450.30원",
        ] {
            assert_eq!(
                parse_pasted_rate(text, usd).unwrap(),
                (d("1450.30"), None),
                "{text}"
            );
        }
        assert_eq!(
            parse_pasted_rate("일본 JPY(100) 940.12", jpy).unwrap(),
            (d("940.12"), Some(d("100")))
        );
        assert_eq!(
            parse_pasted_rate("JPY 100 940.12", jpy).unwrap().1,
            Some(d("100"))
        );
        let wrong = parse_pasted_rate("EUR 1,723.42", usd).unwrap_err();
        assert_eq!(wrong.code, "rate.paste_other_currency");
        assert!(wrong.message_ko.contains("USD 행"), "{}", wrong.message_ko);
        assert_eq!(
            parse_pasted_rate("1,450.30 1,480.48", usd)
                .unwrap_err()
                .code,
            "rate.paste_ambiguous"
        );
        assert_eq!(
            parse_pasted_rate("달러", usd).unwrap_err().code,
            "amount.invalid"
        );
        // A pasted unit wins over the form's, and the stored rate is per one unit.
        let r = RateDraft {
            date: "2026-11-27".into(),
            currency: "JPY".into(),
            rate: "JPY 100 940.12".into(),
            per: Some("1".into()),
            source: None,
        }
        .validate()
        .unwrap();
        assert_eq!(r.krw_per_unit, d("9.4012"));
    }
}
