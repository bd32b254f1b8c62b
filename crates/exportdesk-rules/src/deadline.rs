//! Deadlines as the Customs Act counts them (관세법 제8조, 민법 제157조·제159조·제160조).
//!
//! - The first day is not counted: a period of N days from day D ends on D + N.
//! - A period of months or years ends on the same calendar date; where that date does not exist
//!   (29 February in a common year, 31 April) it ends on the last day of that month.
//! - A deadline that falls on a Saturday, a Sunday, a public or substitute holiday, or Labour Day
//!   moves to the next day that is none of these, applied repeatedly (art. 8(3)).
//!
//! Every computed deadline keeps the raw date, the moved date, each day it skipped and why, and
//! the rule value (with its source) that set the period, so the UI can say "30 days end Sat 7 Mar;
//! the deadline moves to Mon 9 Mar".

use crate::problem::Problem;
use crate::rulebook::{Param, Rulebook, ShowValue};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// `start` + `days` (the first day not counted).
pub fn add_days(start: NaiveDate, days: u32) -> NaiveDate {
    start + Duration::days(days as i64)
}

/// The same calendar date `months` later, or the last day of that month if it has no such date.
pub fn add_months(start: NaiveDate, months: u32) -> NaiveDate {
    let total = start.year() * 12 + start.month0() as i32 + months as i32;
    let (year, month0) = (total.div_euclid(12), total.rem_euclid(12) as u32);
    let mut day = start.day();
    loop {
        if let Some(d) = NaiveDate::from_ymd_opt(year, month0 + 1, day) {
            return d;
        }
        day -= 1;
    }
}

pub fn add_years(start: NaiveDate, years: u32) -> NaiveDate {
    add_months(start, years * 12)
}

/// A day a deadline could not end on, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SkippedDay {
    pub date: NaiveDate,
    pub reason_ko: String,
    pub reason_en: String,
}

/// Why `date` is not a working day for customs deadlines, if it is not one.
pub fn non_working(date: NaiveDate, book: &Rulebook) -> Option<SkippedDay> {
    let (ko, en) = match date.weekday() {
        Weekday::Sat => ("토요일".to_string(), "Saturday".to_string()),
        Weekday::Sun => ("일요일".to_string(), "Sunday".to_string()),
        _ => {
            let h = book.holidays.holiday_on(date)?;
            (h.name_ko.clone(), h.name_en.clone())
        }
    };
    Some(SkippedDay {
        date,
        reason_ko: ko,
        reason_en: en,
    })
}

/// A deadline: the raw end of the period and the day it really falls due.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DueDate {
    /// Where the period ends by counting alone.
    pub raw: NaiveDate,
    /// The deadline after moving past non-working days.
    pub due: NaiveDate,
    /// The days skipped, in order.
    pub skipped: Vec<SkippedDay>,
    /// Years the holiday table does not cover (only weekends were considered there).
    pub uncovered_years: Vec<i32>,
    /// Years whose holidays are in the table but not confirmed by the official calendar notice
    /// (computed ahead of it: temporary holidays and special elections cannot be known yet).
    #[serde(default)]
    pub unconfirmed_years: Vec<i32>,
}

fn weekday_ko(d: NaiveDate) -> &'static str {
    ["월", "화", "수", "목", "금", "토", "일"][d.weekday().num_days_from_monday() as usize]
}

fn weekday_en(d: NaiveDate) -> &'static str {
    ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][d.weekday().num_days_from_monday() as usize]
}

impl DueDate {
    /// Move `raw` to the next working day as art. 8(3) requires.
    pub fn from_raw(raw: NaiveDate, book: &Rulebook) -> DueDate {
        let mut due = raw;
        let mut skipped = Vec::new();
        let mut uncovered = Vec::new();
        let mut unconfirmed = Vec::new();
        loop {
            if !book.holidays.covers_year(due.year()) && !uncovered.contains(&due.year()) {
                uncovered.push(due.year());
            }
            if book.holidays.unconfirmed_year(due.year()) && !unconfirmed.contains(&due.year()) {
                unconfirmed.push(due.year());
            }
            match non_working(due, book) {
                Some(day) => {
                    skipped.push(day);
                    due += Duration::days(1);
                }
                None => break,
            }
        }
        DueDate {
            raw,
            due,
            skipped,
            uncovered_years: uncovered,
            unconfirmed_years: unconfirmed,
        }
    }

    pub fn moved(&self) -> bool {
        self.raw != self.due
    }

    /// "30일이 끝나는 날: 3월 7일(토) → 기한은 3월 9일(월)".
    pub fn explain(&self, period_ko: &str, period_en: &str) -> Step {
        if !self.moved() {
            return Step::new(
                format!(
                    "{period_ko}이 끝나는 날은 {}({})이며, 근무일이므로 그날이 기한입니다.",
                    self.raw,
                    weekday_ko(self.raw)
                ),
                format!(
                    "{period_en} end on {} ({}), a working day, so that is the deadline.",
                    self.raw,
                    weekday_en(self.raw)
                ),
            );
        }
        let reasons_ko: Vec<String> = self
            .skipped
            .iter()
            .map(|s| format!("{} {}", s.date, s.reason_ko))
            .collect();
        let reasons_en: Vec<String> = self
            .skipped
            .iter()
            .map(|s| format!("{} {}", s.date, s.reason_en))
            .collect();
        Step::new(
            format!(
                "{period_ko}이 끝나는 날은 {}({})이지만 쉬는 날({})이므로 기한은 다음 근무일인 {}({})로 미뤄집니다 (관세법 제8조 제3항).",
                self.raw,
                weekday_ko(self.raw),
                reasons_ko.join(", "),
                self.due,
                weekday_ko(self.due)
            ),
            format!(
                "{period_en} end on {} ({}), a non-working day ({}); the deadline moves to the next working day, {} ({}) (Customs Act art. 8(3)).",
                self.raw,
                weekday_en(self.raw),
                reasons_en.join(", "),
                self.due,
                weekday_en(self.due)
            ),
        )
    }
}

/// One step of reasoning, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Step {
    pub ko: String,
    pub en: String,
}

impl Step {
    pub fn new(ko: impl Into<String>, en: impl Into<String>) -> Step {
        Step {
            ko: ko.into(),
            en: en.into(),
        }
    }
}

/// A rule value as used in a verdict: which, how much, since when, from where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RuleUsed {
    pub key: String,
    pub title_ko: String,
    pub title_en: String,
    pub value: String,
    pub effective_from: NaiveDate,
    pub source: String,
    pub verified: bool,
}

/// Look up `param` on `date` and record it as used.
pub fn use_rule<'a, T: ShowValue>(
    param: &'a Param<T>,
    key: &str,
    date: NaiveDate,
) -> Result<(&'a T, RuleUsed), Problem> {
    let v = param.version_on(key, date)?;
    Ok((
        &v.value,
        RuleUsed {
            key: key.to_string(),
            title_ko: param.title_ko.clone(),
            title_en: param.title_en.clone(),
            value: v.value.show(),
            effective_from: v.effective_from(),
            source: v.source.clone(),
            verified: v.verified,
        },
    ))
}

/// What a deadline is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// 적재기한: goods must be loaded within the period after acceptance.
    Loading,
    /// 확정가격신고 기한.
    FinalPrice,
    /// 재수입 면세 기간.
    Reimport,
}

/// A computed deadline with its reasoning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Deadline {
    pub kind: DeadlineKind,
    /// The date the period counts from.
    pub from: NaiveDate,
    pub date: DueDate,
    pub steps: Vec<Step>,
    pub rules: Vec<RuleUsed>,
}

/// Loading deadline (적재기한): acceptance date + the loading period in force on the acceptance date.
pub fn loading_deadline(accepted_on: NaiveDate, book: &Rulebook) -> Result<Deadline, Problem> {
    let (days, rule) = use_rule(&book.deadlines.loading_days, "loading_days", accepted_on)?;
    let date = DueDate::from_raw(add_days(accepted_on, *days), book);
    let steps = vec![
        Step::new(
            format!("수출신고 수리일 {accepted_on}의 다음 날부터 {days}일을 셉니다 (첫날 불산입, 민법 제157조)."),
            format!("Count {days} days from the day after the acceptance date {accepted_on} (the first day is not counted, Civil Act art. 157)."),
        ),
        date.explain(&format!("{days}일"), &format!("The {days} days")),
    ];
    Ok(Deadline {
        kind: DeadlineKind::Loading,
        from: accepted_on,
        date,
        steps,
        rules: vec![rule],
    })
}

/// Final price declaration deadline (확정가격신고): confirmation & payment date + the period of
/// the rule in force on the declaration date.
pub fn final_price_deadline(
    confirmed_paid_on: NaiveDate,
    declared_on: NaiveDate,
    book: &Rulebook,
) -> Result<Deadline, Problem> {
    let (days, rule) = use_rule(
        &book.deadlines.final_price_days,
        "final_price_days",
        declared_on,
    )?;
    let date = DueDate::from_raw(add_days(confirmed_paid_on, *days), book);
    let steps = vec![
        Step::new(
            format!("신고일 {declared_on}에 시행 중인 규정에 따라 확정·결제일 {confirmed_paid_on}의 다음 날부터 {days}일을 셉니다."),
            format!("Under the rule in force on the declaration date {declared_on}, count {days} days from the day after the confirmation & payment date {confirmed_paid_on}."),
        ),
        date.explain(&format!("{days}일"), &format!("The {days} days")),
    ];
    Ok(Deadline {
        kind: DeadlineKind::FinalPrice,
        from: confirmed_paid_on,
        date,
        steps,
        rules: vec![rule],
    })
}

/// Duty-free re-import window (재수입 면세): acceptance date + the years in force on that date.
pub fn reimport_deadline(accepted_on: NaiveDate, book: &Rulebook) -> Result<Deadline, Problem> {
    let (years, rule) = use_rule(
        &book.deadlines.reimport_years,
        "reimport_years",
        accepted_on,
    )?;
    let date = DueDate::from_raw(add_years(accepted_on, *years), book);
    let steps = vec![
        Step::new(
            format!("수출신고 수리일 {accepted_on}부터 {years}년: 기간은 {years}년 뒤 같은 날짜에 끝납니다 (그 날짜가 없으면 그 달의 말일)."),
            format!("{years} years from the acceptance date {accepted_on}: the period ends on the same calendar date {years} years later (the month's last day where that date does not exist)."),
        ),
        date.explain(&format!("{years}년"), &format!("The {years} years")),
    ];
    Ok(Deadline {
        kind: DeadlineKind::Reimport,
        from: accepted_on,
        date,
        steps,
        rules: vec![rule],
    })
}

/// Check a loading-period extension (적재기간 연장): it must be requested before the current
/// deadline passes, and the new date may not be later than the limit after acceptance.
/// Returns the new deadline.
pub fn extend_loading(
    accepted_on: NaiveDate,
    current: &Deadline,
    requested_on: NaiveDate,
    new_date: NaiveDate,
    book: &Rulebook,
) -> Result<Deadline, Problem> {
    let (months, rule) = use_rule(
        &book.deadlines.loading_extension_max_months,
        "loading_extension_max_months",
        accepted_on,
    )?;
    let limit = add_months(accepted_on, *months);
    if requested_on > current.date.due {
        return Err(Problem::new(
            "extension.too_late",
            format!("연장은 적재기한({}) 전에 신청해야 합니다. {requested_on}에 신청한 연장은 인정되지 않습니다. 기한이 지났다면 세관에 문의하세요.", current.date.due),
            format!("An extension must be requested before the loading deadline ({}); one requested on {requested_on} is not valid. If the deadline has passed, contact customs.", current.date.due),
        )
        .at("requested_on")
        .with("deadline", current.date.due));
    }
    if requested_on < accepted_on {
        return Err(Problem::new(
            "extension.before_acceptance",
            format!("신청일 {requested_on}이 수리일 {accepted_on}보다 앞섭니다. 날짜를 확인하세요."),
            format!("The request date {requested_on} is before the acceptance date {accepted_on}; check the dates."),
        )
        .at("requested_on"));
    }
    if new_date <= current.date.due {
        return Err(Problem::new(
            "extension.not_later",
            format!(
                "새 적재기한 {new_date}은(는) 지금 기한 {}보다 뒤여야 합니다.",
                current.date.due
            ),
            format!(
                "The new loading deadline {new_date} must be after the current one, {}.",
                current.date.due
            ),
        )
        .at("new_date"));
    }
    if new_date > limit {
        return Err(Problem::new(
            "extension.beyond_limit",
            format!("적재기간은 수리일({accepted_on})부터 {months}개월({limit})까지만 연장할 수 있습니다. {limit} 이전 날짜를 입력하세요."),
            format!("The loading period can be extended only up to {months} months after acceptance ({accepted_on}), i.e. {limit}. Enter a date on or before {limit}."),
        )
        .at("new_date")
        .with("limit", limit));
    }
    let date = DueDate::from_raw(new_date, book);
    let steps = vec![
        Step::new(
            format!("{requested_on}에 신청한 연장은 기존 기한 {} 이전이므로 유효하고, 새 날짜 {new_date}은(는) 한도 {limit} 이내입니다.", current.date.due),
            format!("The extension requested on {requested_on} came before the deadline {} and the new date {new_date} is within the limit {limit}.", current.date.due),
        ),
        date.explain("연장된 기간", "The extended period"),
    ];
    let mut rules = current.rules.clone();
    rules.push(rule);
    Ok(Deadline {
        kind: DeadlineKind::Loading,
        from: accepted_on,
        date,
        steps,
        rules,
    })
}

/// Estimated fine for a missed loading deadline, before and after the reduction in force.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PenaltyEstimate {
    pub violation_count: u32,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub before_reduction_krw: rust_decimal::Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub reduction_percent: rust_decimal::Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub after_reduction_krw: rust_decimal::Decimal,
    /// Always true: the schedule is not verified; this is an estimate.
    pub estimate: bool,
    pub steps: Vec<Step>,
    pub rules: Vec<RuleUsed>,
}

/// The fine for the `violation_count`-th violation, judged by the rules in force on `on`.
pub fn penalty_estimate(
    violation_count: u32,
    on: NaiveDate,
    book: &Rulebook,
) -> Result<PenaltyEstimate, Problem> {
    use rust_decimal::Decimal;
    let count = violation_count.max(1);
    let (schedule, r1) = use_rule(&book.penalty.schedule, "schedule", on)?;
    let (max, r2) = use_rule(&book.penalty.max_fine_krw, "max_fine_krw", on)?;
    let (reduction, r3) = use_rule(&book.penalty.reduction_percent, "reduction_percent", on)?;
    let base = schedule
        .iter()
        .filter(|s| s.from_violation <= count)
        .max_by_key(|s| s.from_violation)
        .map_or(Decimal::ZERO, |s| s.amount_krw)
        .min(*max);
    let after = crate::money::KrwRounding::Down
        .apply(base * (Decimal::ONE_HUNDRED - *reduction) / Decimal::ONE_HUNDRED);
    let steps = vec![
        Step::new(
            format!("{count}번째 위반의 기준 금액은 {}입니다 (상한 {}).", crate::money::format_krw(base), crate::money::format_krw(*max)),
            format!("The standard amount for violation no. {count} is {} (maximum {}).", crate::money::format_krw(base), crate::money::format_krw(*max)),
        ),
        Step::new(
            format!("{on}에 시행 중인 감경률 {}%를 적용하면 {}입니다.", reduction.normalize(), crate::money::format_krw(after)),
            format!("With the reduction of {}% in force on {on}: {}.", reduction.normalize(), crate::money::format_krw(after)),
        ),
        Step::new(
            "이 금액은 추정치입니다. 위반 횟수별 기준은 확인되지 않은 관세청 지침 값이며, 실제 과태료는 세관이 정합니다.",
            "This is an estimate: the schedule by count of violations is an unverified KCS directive value; customs decides the actual fine.",
        ),
    ];
    Ok(PenaltyEstimate {
        violation_count: count,
        before_reduction_krw: base,
        reduction_percent: *reduction,
        after_reduction_krw: after,
        estimate: true,
        steps,
        rules: vec![r1, r2, r3],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn counting_days_months_and_years() {
        // The brief's example: acceptance on 31 January + 30 days → 2 March in a common year.
        assert_eq!(add_days(d("2026-01-31"), 30), d("2026-03-02"));
        assert_eq!(add_days(d("2028-01-31"), 30), d("2028-03-01"), "leap year");
        assert_eq!(add_years(d("2024-02-29"), 2), d("2026-02-28"));
        assert_eq!(add_years(d("2024-02-29"), 4), d("2028-02-29"));
        assert_eq!(add_months(d("2026-01-31"), 1), d("2026-02-28"));
        assert_eq!(add_months(d("2026-03-31"), 1), d("2026-04-30"));
        assert_eq!(add_months(d("2026-11-15"), 12), d("2027-11-15"));
        assert_eq!(add_months(d("2026-12-31"), 2), d("2027-02-28"));
    }

    #[test]
    fn weekend_and_holiday_moves_repeat() {
        let b = Rulebook::bundled();
        // 2026-10-03 (Sat, 개천절) → Sun 10-04 → Mon 10-05 is the substitute holiday → Tue 10-06.
        let due = DueDate::from_raw(d("2026-10-03"), &b);
        assert_eq!(due.due, d("2026-10-06"));
        assert_eq!(due.skipped.len(), 3);
        assert_eq!(due.skipped[0].reason_ko, "토요일");
        assert_eq!(due.skipped[2].reason_ko, "대체공휴일(개천절)");
        // Chuseok 2026: Thu 9-24 … Sat 9-26, Sun 9-27 → Mon 9-28.
        assert_eq!(DueDate::from_raw(d("2026-09-24"), &b).due, d("2026-09-28"));
        // Labour Day counts (art. 8(3)).
        assert_eq!(DueDate::from_raw(d("2026-05-01"), &b).due, d("2026-05-04"));
        // A working day stays.
        let plain = DueDate::from_raw(d("2026-11-27"), &b);
        assert!(!plain.moved() && plain.uncovered_years.is_empty());
        // A year without a holiday table is reported.
        assert_eq!(
            DueDate::from_raw(d("2031-03-03"), &b).uncovered_years,
            vec![2031]
        );
    }

    #[test]
    fn loading_deadline_shows_raw_and_moved_dates() {
        let b = Rulebook::bundled();
        // Accepted Fri 2026-02-06: +30 = Sun 2026-03-08 → Mon 03-09.
        let dl = loading_deadline(d("2026-02-06"), &b).unwrap();
        assert_eq!(
            (dl.date.raw, dl.date.due),
            (d("2026-03-08"), d("2026-03-09"))
        );
        assert!(dl.steps[1].ko.contains("2026-03-09"));
        assert!(dl.steps[1].en.contains("Sun") && dl.steps[1].en.contains("Mon"));
        assert_eq!(dl.rules[0].key, "loading_days");
        assert!(dl.rules[0].verified);
    }

    /// The days a deadline skipped, as ISO dates.
    fn skipped_dates(due: &DueDate) -> Vec<String> {
        due.skipped.iter().map(|s| s.date.to_string()).collect()
    }

    #[test]
    fn constitution_day_2026_moves_the_loading_deadline() {
        let b = Rulebook::bundled();
        // Accepted Wed 2026-06-17: +30 (first day not counted) = Fri 2026-07-17, 제헌절, a public
        // holiday again from 2026 → Sat 07-18 → Sun 07-19 → Mon 07-20.
        let dl = loading_deadline(d("2026-06-17"), &b).unwrap();
        assert_eq!(dl.date.raw, d("2026-07-17"));
        assert_eq!(dl.date.due, d("2026-07-20"));
        assert_eq!(
            skipped_dates(&dl.date),
            ["2026-07-17", "2026-07-18", "2026-07-19"]
        );
        assert_eq!(dl.date.skipped[0].reason_ko, "제헌절");
        assert_eq!(dl.date.skipped[0].reason_en, "Constitution Day");
        assert!(dl.date.uncovered_years.is_empty());
        assert!(dl.steps[1].ko.contains("2026-07-20"));
    }

    #[test]
    fn labour_day_2027_substitute_moves_the_loading_deadline() {
        let b = Rulebook::bundled();
        // Accepted Thu 2027-04-01: +30 = Sat 2027-05-01 (노동절) → Sun 05-02 → Mon 05-03, its
        // substitute holiday (from 2026) → Tue 05-04.
        let dl = loading_deadline(d("2027-04-01"), &b).unwrap();
        assert_eq!(dl.date.raw, d("2027-05-01"));
        assert_eq!(dl.date.due, d("2027-05-04"));
        assert_eq!(
            skipped_dates(&dl.date),
            ["2027-05-01", "2027-05-02", "2027-05-03"]
        );
        assert_eq!(dl.date.skipped[2].reason_ko, "대체공휴일(노동절)");
        assert!(dl.date.uncovered_years.is_empty());
    }

    #[test]
    fn constitution_day_2027_substitute_moves_the_loading_deadline() {
        let b = Rulebook::bundled();
        // Accepted Thu 2027-06-17: +30 = Sat 2027-07-17 (제헌절) → Sun 07-18 → Mon 07-19, its
        // substitute holiday → Tue 07-20.
        let dl = loading_deadline(d("2027-06-17"), &b).unwrap();
        assert_eq!(dl.date.raw, d("2027-07-17"));
        assert_eq!(dl.date.due, d("2027-07-20"));
        assert_eq!(
            skipped_dates(&dl.date),
            ["2027-07-17", "2027-07-18", "2027-07-19"]
        );
        assert_eq!(dl.date.skipped[2].reason_ko, "대체공휴일(제헌절)");
    }

    #[test]
    fn labour_day_counts_before_2026_too() {
        let b = Rulebook::bundled();
        // Not a public holiday before 2026, but art. 8(3) names Labour Day: Thu 2025-05-01 → Fri.
        let due = DueDate::from_raw(d("2025-05-01"), &b);
        assert_eq!(due.due, d("2025-05-02"));
        assert_eq!(due.skipped[0].reason_ko, "근로자의 날");
        // Wed 2019-05-01 → Thu 05-02.
        assert_eq!(DueDate::from_raw(d("2019-05-01"), &b).due, d("2019-05-02"));
    }

    #[test]
    fn final_price_period_follows_the_declaration_date() {
        let b = Rulebook::bundled();
        let new_from = b
            .deadlines
            .final_price_days
            .versions
            .last()
            .unwrap()
            .effective_from();
        let before = new_from.pred_opt().unwrap();
        let paid = d("2025-09-01");
        let old = final_price_deadline(paid, before, &b).unwrap();
        let new = final_price_deadline(paid, new_from, &b).unwrap();
        assert_eq!(old.date.raw, add_days(paid, 60));
        assert_eq!(new.date.raw, add_days(paid, 90));
        assert!(!new.rules[0].verified);
    }

    #[test]
    fn extension_rules() {
        let b = Rulebook::bundled();
        let acc = d("2026-11-02");
        let cur = loading_deadline(acc, &b).unwrap(); // raw 12-02 (Wed)
        assert_eq!(cur.date.due, d("2026-12-02"));
        let ok = extend_loading(acc, &cur, d("2026-12-02"), d("2027-01-15"), &b).unwrap();
        assert_eq!(ok.date.due, d("2027-01-15"));
        assert_eq!(
            extend_loading(acc, &cur, d("2026-12-03"), d("2027-01-15"), &b)
                .unwrap_err()
                .code,
            "extension.too_late"
        );
        // Exactly one year after acceptance is allowed; the day after is not.
        assert!(extend_loading(acc, &cur, d("2026-11-20"), d("2027-11-02"), &b).is_ok());
        assert_eq!(
            extend_loading(acc, &cur, d("2026-11-20"), d("2027-11-03"), &b)
                .unwrap_err()
                .code,
            "extension.beyond_limit"
        );
        assert_eq!(
            extend_loading(acc, &cur, d("2026-11-20"), d("2026-12-01"), &b)
                .unwrap_err()
                .code,
            "extension.not_later"
        );
    }

    #[test]
    fn reimport_window_in_years() {
        let b = Rulebook::bundled();
        let w = reimport_deadline(d("2024-02-29"), &b).unwrap();
        assert_eq!(w.date.raw, d("2026-02-28"));
        assert_eq!(
            w.date.due,
            d("2026-03-03"),
            "Sat 28 Feb → Sun 1 Mar (삼일절) → Mon 2 Mar substitute → Tue 3 Mar"
        );
    }

    #[test]
    fn penalty_before_and_after_the_reduction() {
        let b = Rulebook::bundled();
        let new_from = b
            .penalty
            .reduction_percent
            .versions
            .last()
            .unwrap()
            .effective_from();
        let old = penalty_estimate(1, new_from.pred_opt().unwrap(), &b).unwrap();
        let new = penalty_estimate(1, new_from, &b).unwrap();
        assert_eq!(old.before_reduction_krw, old.after_reduction_krw);
        assert_eq!(
            new.after_reduction_krw * rust_decimal::Decimal::TWO,
            new.before_reduction_krw
        );
        assert!(new.estimate);
        let tenth = penalty_estimate(10, new_from, &b).unwrap();
        assert!(tenth.before_reduction_krw <= rust_decimal::Decimal::from(2_000_000));
    }

    #[test]
    fn computed_holiday_years_are_flagged_as_not_yet_announced() {
        let b = Rulebook::bundled();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        // 2026 is announced (verified); 2028 is computed ahead of the calendar notice.
        assert!(DueDate::from_raw(d("2026-12-28"), &b)
            .unconfirmed_years
            .is_empty());
        assert_eq!(
            DueDate::from_raw(d("2028-11-27"), &b).unconfirmed_years,
            vec![2028]
        );
        assert!(DueDate::from_raw(d("2028-11-27"), &b)
            .uncovered_years
            .is_empty());
    }

    #[test]
    fn final_price_period_is_30_days_until_2023_01_31_and_60_from_2023_02_01() {
        let b = Rulebook::bundled();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let paid = d("2023-01-10");
        let old = final_price_deadline(paid, d("2023-01-31"), &b).unwrap();
        assert_eq!(old.date.raw, d("2023-02-09"), "30 days under the old rule");
        assert_eq!(old.rules[0].value, "30");
        let new = final_price_deadline(paid, d("2023-02-01"), &b).unwrap();
        assert_eq!(new.date.raw, d("2023-03-11"), "60 days from 2023-02-01");
        assert_eq!(new.rules[0].effective_from, d("2023-02-01"));
    }
}
