//! Deadline report (수출 기한 보고서): every open loading and final-price deadline, most urgent
//! first, grouped by urgency with a count per group, each with what to do next in Korean and
//! English. For the packing table's wall or the broker's file.

use crate::layout::{Align, Cell, Column, Doc, Field, Row, Stat, Tone};
use crate::text::{country_short, day, krw};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// How soon a deadline falls due (the dashboard's buckets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Urgency {
    /// Past the deadline.
    Overdue,
    /// Due within 3 days (today included).
    Soon,
    /// Due in 4 to 7 days.
    Week,
    Later,
}

impl Urgency {
    /// The bucket of a deadline `days_left` days away.
    pub fn from_days_left(days_left: i64) -> Urgency {
        match days_left {
            d if d < 0 => Urgency::Overdue,
            0..=3 => Urgency::Soon,
            4..=7 => Urgency::Week,
            _ => Urgency::Later,
        }
    }

    /// The dashboard's code (`overdue`, `soon`, `week`, `later`).
    pub fn parse(code: &str) -> Option<Urgency> {
        match code {
            "overdue" => Some(Urgency::Overdue),
            "soon" => Some(Urgency::Soon),
            "week" => Some(Urgency::Week),
            "later" => Some(Urgency::Later),
            _ => None,
        }
    }

    fn labels(self) -> (&'static str, &'static str) {
        match self {
            Urgency::Overdue => ("기한 지남", "overdue"),
            Urgency::Soon => ("3일 이내", "within 3 days"),
            Urgency::Week => ("7일 이내", "within 7 days"),
            Urgency::Later => ("여유 있음", "later"),
        }
    }

    fn tone(self) -> Tone {
        match self {
            Urgency::Overdue => Tone::Bad,
            Urgency::Soon => Tone::Warn,
            Urgency::Week => Tone::Info,
            Urgency::Later => Tone::Neutral,
        }
    }
}

/// Which deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKind {
    /// 적재기한
    Loading,
    /// 확정가격신고 기한
    FinalPrice,
}

impl ReportKind {
    /// From the store's code (`loading`, `final_price`).
    pub fn parse(code: &str) -> Option<ReportKind> {
        match code {
            "loading" => Some(ReportKind::Loading),
            "final_price" => Some(ReportKind::FinalPrice),
            _ => None,
        }
    }

    fn labels(self) -> (&'static str, &'static str) {
        match self {
            ReportKind::Loading => ("적재", "loading"),
            ReportKind::FinalPrice => ("확정가격", "final price"),
        }
    }
}

/// One open deadline.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportRow {
    pub urgency: Urgency,
    pub kind: ReportKind,
    pub due: NaiveDate,
    /// The end of the period by counting alone, when the deadline was moved past holidays.
    pub raw: Option<NaiveDate>,
    pub extended: bool,
    pub declaration_id: i64,
    pub declaration_no: Option<String>,
    pub buyer: String,
    /// ISO country code.
    pub destination: String,
    pub fob_krw: Decimal,
    pub days_left: i64,
    pub next_step_ko: String,
    pub next_step_en: String,
}

/// Open deadlines per urgency bucket (all of them, even when only the most urgent are listed).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReportCounts {
    pub overdue: i64,
    pub within_3_days: i64,
    pub within_7_days: i64,
    pub later: i64,
}

impl ReportCounts {
    pub fn total(&self) -> i64 {
        self.overdue + self.within_3_days + self.within_7_days + self.later
    }

    fn of(&self, u: Urgency) -> i64 {
        match u {
            Urgency::Overdue => self.overdue,
            Urgency::Soon => self.within_3_days,
            Urgency::Week => self.within_7_days,
            Urgency::Later => self.later,
        }
    }
}

/// The report's input.
#[derive(Debug, Clone, Copy)]
pub struct DeadlineReport<'a> {
    /// The day the report counts from (and its generation date).
    pub today: NaiveDate,
    pub exporter: &'a str,
    pub rows: &'a [ReportRow],
    pub counts: ReportCounts,
}

/// Render the report.
pub fn deadline_report_pdf(r: &DeadlineReport<'_>) -> Vec<u8> {
    report_doc(r).finish()
}

fn days_cell(days_left: i64) -> Cell {
    match days_left {
        d if d < 0 => Cell::with_sub(format!("{}일 지남", -d), format!("{} days over", -d)).bold(),
        0 => Cell::with_sub("오늘", "today").bold(),
        d => Cell::with_sub(format!("{d}일"), format!("{d} days")),
    }
}

pub(crate) fn report_doc(r: &DeadlineReport<'_>) -> Doc {
    let footer = format!(
        "기준일 As of {} · 생성일 Generated {} · ExportDesk 수출데스크",
        r.today, r.today
    );
    let mut doc = Doc::new("수출 기한 보고서", "Open export deadlines report", &footer);
    doc.glossed_fields(&[
        Field::new("기준일", "As of", day(r.today)),
        Field::new(
            "열린 기한",
            "Open deadlines",
            format!("{}건 / {}", r.counts.total(), r.counts.total()),
        ),
        Field::new(
            "수출화주",
            "Exporter",
            if r.exporter.trim().is_empty() {
                "—"
            } else {
                r.exporter
            },
        ),
        Field::new("대상", "Covers", "적재기한 · 확정가격신고 기한")
            .note("loading deadlines and final price deadlines"),
    ]);
    doc.stats(&[
        Stat::new(
            "기한 지남",
            "Overdue",
            r.counts.overdue.to_string(),
            if r.counts.overdue > 0 {
                Tone::Bad
            } else {
                Tone::Neutral
            },
        ),
        Stat::new(
            "3일 이내",
            "Within 3 days",
            r.counts.within_3_days.to_string(),
            if r.counts.within_3_days > 0 {
                Tone::Warn
            } else {
                Tone::Neutral
            },
        ),
        Stat::new(
            "7일 이내",
            "Within 7 days",
            r.counts.within_7_days.to_string(),
            if r.counts.within_7_days > 0 {
                Tone::Info
            } else {
                Tone::Neutral
            },
        ),
        Stat::new("그 뒤", "Later", r.counts.later.to_string(), Tone::Neutral),
    ]);
    if r.rows.is_empty() {
        doc.notice(
            "열린 기한이 없습니다. 수리된 신고의 적재기한과 잠정가격 신고의 확정가격신고 기한이 여기에 나옵니다.",
            "No open deadlines. Loading deadlines of accepted declarations and final price deadlines of provisional ones appear here.",
            Tone::Good,
        );
    }
    let mut rows: Vec<&ReportRow> = r.rows.iter().collect();
    rows.sort_by_key(|x| (x.urgency, x.due, x.declaration_id));
    let cols = [
        Column::new("긴급도", "Urgency", 20.0, Align::Left),
        Column::new("기한", "Due", 25.0, Align::Left),
        Column::new("종류", "Deadline", 18.0, Align::Left),
        Column::new("신고번호", "Declaration no.", 33.0, Align::Left),
        Column::new("구매자", "Buyer", 32.0, Align::Left),
        Column::new("목적국", "Dest.", 16.0, Align::Center),
        Column::new("FOB 원화", "FOB KRW", 22.0, Align::Right),
        Column::new("남은 날", "Days left", 14.0, Align::Right),
    ];
    for urgency in [
        Urgency::Overdue,
        Urgency::Soon,
        Urgency::Week,
        Urgency::Later,
    ] {
        let group: Vec<&&ReportRow> = rows.iter().filter(|x| x.urgency == urgency).collect();
        if group.is_empty() {
            continue;
        }
        let (ko, en) = urgency.labels();
        let count = r.counts.of(urgency).max(group.len() as i64);
        doc.heading_tagged(
            ko,
            &capital(en),
            &format!("{count}건 / {count}"),
            urgency.tone(),
        );
        let table: Vec<Row> = group
            .iter()
            .map(|x| {
                let (uk, ue) = x.urgency.labels();
                let (kk, ke) = x.kind.labels();
                let mut due = Cell::new(day(x.due)).bold();
                let mut notes = Vec::new();
                if let Some(raw) = x.raw.filter(|raw| *raw != x.due) {
                    notes.push(format!("원래 {}\n쉬는 날이라 미뤄짐 / moved", day(raw)));
                }
                if x.extended {
                    notes.push("연장됨 / extended".to_string());
                }
                if !notes.is_empty() {
                    due = due.gloss(notes.join("\n"));
                }
                Row::new(vec![
                    Cell::badge(uk, x.urgency.tone()).gloss(ue),
                    due,
                    Cell::with_sub(kk, ke),
                    Cell::new(
                        x.declaration_no
                            .clone()
                            .unwrap_or_else(|| format!("#{} (번호 없음)", x.declaration_id)),
                    ),
                    Cell::new(if x.buyer.trim().is_empty() {
                        "—".to_string()
                    } else {
                        x.buyer.clone()
                    }),
                    Cell::new(country_short(&x.destination)),
                    Cell::new(krw(x.fob_krw)),
                    days_cell(x.days_left),
                ])
                .detail(Cell::with_sub(
                    format!("다음 할 일: {}", without_number(&x.next_step_ko, x)),
                    format!("Next step: {}", without_number(&x.next_step_en, x)),
                ))
                .marker(x.urgency.tone())
            })
            .collect();
        doc.table_rows(&cols, &table);
    }
    let listed = r.rows.len() as i64;
    if listed < r.counts.total() {
        doc.note(&format!(
            "가장 급한 {listed}건만 표에 실었습니다 (전체 {}건). The table lists the {listed} most urgent of {} open deadlines.",
            r.counts.total(),
            r.counts.total()
        ));
    }
    doc.heading("읽는 법", "How to read this");
    doc.bullets(&[
        (
            "기한은 기간이 끝나는 날이 토요일·일요일·공휴일·대체공휴일·노동절이면 다음 근무일로 미뤄집니다 (관세법 제8조 제3항). '원래' 날짜는 세기만 한 날입니다.".to_string(),
            "A deadline that falls on a Saturday, Sunday, public or substitute holiday or Labour Day moves to the next working day (Customs Act art. 8(3)); the 'period ended' date is the count alone.".to_string(),
        ),
        (
            "적재기한 안에 싣지 못할 것 같으면 기한 전에 세관에 적재기간 연장을 신청하세요. 기한이 지나면 수리가 취소되고 과태료가 부과될 수 있습니다.".to_string(),
            "If the goods cannot be loaded in time, request an extension from customs before the deadline; after it, the acceptance may be cancelled and a fine imposed.".to_string(),
        ),
        (
            "긴급도: 기한 지남 · 3일 이내(오늘 포함) · 7일 이내 · 그 뒤. 남은 날은 기준일부터 셉니다.".to_string(),
            "Urgency: overdue · within 3 days (today included) · within 7 days · later; days left count from the as-of date.".to_string(),
        ),
    ]);
    doc
}

/// The next step without a leading "<declaration no.>: " (the number has its own column).
fn without_number<'s>(step: &'s str, row: &ReportRow) -> &'s str {
    let id = format!("#{}", row.declaration_id);
    let no = row.declaration_no.as_deref().unwrap_or(&id);
    step.strip_prefix(no)
        .and_then(|rest| rest.strip_prefix(": "))
        .unwrap_or(step)
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{d, n};

    fn row(i: i64, today: NaiveDate) -> ReportRow {
        let days_left = (i % 23) - 5;
        let due = today + chrono::Duration::days(days_left);
        ReportRow {
            urgency: Urgency::from_days_left(days_left),
            kind: if i % 4 == 0 {
                ReportKind::FinalPrice
            } else {
                ReportKind::Loading
            },
            due,
            raw: (i % 3 == 0).then(|| due - chrono::Duration::days(2)),
            extended: i % 5 == 0,
            declaration_id: i,
            declaration_no: (i % 6 != 0).then(|| format!("12345-26-{i:07}A")),
            buyer: if i % 7 == 0 {
                "Maximilian Alexander Schmidt-Hohenberg GmbH & Co. KG".into()
            } else {
                format!("Buyer {i}")
            },
            destination: "DE".into(),
            fob_krw: n("1234567") * Decimal::from(i % 4 + 1),
            days_left,
            next_step_ko: format!("12345-26-{i:07}A: {due}까지 물품을 적재하고 적재일과 B/L·AWB를 기록하세요. 늦어지면 기한 전에 연장을 신청하세요."),
            next_step_en: format!("12345-26-{i:07}A: load the goods by {due} and record the date and B/L or AWB; request an extension before then if it will be late."),
        }
    }

    fn counts(rows: &[ReportRow]) -> ReportCounts {
        let c = |u| rows.iter().filter(|r| r.urgency == u).count() as i64;
        ReportCounts {
            overdue: c(Urgency::Overdue),
            within_3_days: c(Urgency::Soon),
            within_7_days: c(Urgency::Week),
            later: c(Urgency::Later),
        }
    }

    #[test]
    fn buckets_from_days_left_match_the_dashboard() {
        assert_eq!(Urgency::from_days_left(-1), Urgency::Overdue);
        assert_eq!(Urgency::from_days_left(0), Urgency::Soon);
        assert_eq!(Urgency::from_days_left(3), Urgency::Soon);
        assert_eq!(Urgency::from_days_left(4), Urgency::Week);
        assert_eq!(Urgency::from_days_left(8), Urgency::Later);
        assert_eq!(Urgency::parse("week"), Some(Urgency::Week));
        assert_eq!(
            ReportKind::parse("final_price"),
            Some(ReportKind::FinalPrice)
        );
    }

    #[test]
    fn a_long_report_is_sorted_by_urgency_and_breaks_cleanly() {
        let today = d("2026-11-27");
        let rows: Vec<ReportRow> = (1..=80).map(|i| row(i, today)).collect();
        let report = DeadlineReport {
            today,
            exporter: "달무리상점",
            rows: &rows,
            counts: counts(&rows),
        };
        let doc = report_doc(&report);
        assert!(doc.page_count() >= 3, "{} pages", doc.page_count());
        assert_eq!(doc.missing_glyphs(), Vec::<char>::new());
        doc.assert_inside_margins();
        // Rows come overdue first, then by due date; each page with rows has the header.
        let mut dues = Vec::new();
        for page in doc.drawn() {
            let texts: Vec<&str> = page.iter().map(|t| t.text.as_str()).collect();
            let page_dues: Vec<&str> = page
                .iter()
                .filter(|t| t.bold && t.size == 7.8 && t.text.starts_with("20"))
                .map(|t| t.text.as_str())
                .collect();
            if !page_dues.is_empty() {
                assert!(texts.contains(&"긴급도"), "header repeated");
            }
            dues.extend(page_dues.into_iter().map(|s| s[..10].to_string()));
        }
        assert_eq!(dues.len(), 80, "every deadline listed once");
        let mut sorted = dues.clone();
        sorted.sort();
        assert_eq!(dues, sorted, "by urgency, then due date");
        let all: Vec<&str> = doc
            .drawn()
            .iter()
            .flatten()
            .map(|t| t.text.as_str())
            .collect();
        assert!(
            all.iter().any(|t| t.starts_with("다음 할 일: 2026-")),
            "number not repeated"
        );
        assert!(all.iter().any(|t| t.starts_with("Next step:")));
        assert!(
            all.iter().any(|t| t.contains("원래")),
            "raw date shown when moved"
        );
        let bytes = doc.finish();
        assert!(bytes.starts_with(b"%PDF"));
        crate::declaration_worksheet::tests::keep("deadlines-80.pdf", &bytes);
    }

    #[test]
    fn an_empty_report_says_there_is_nothing_due() {
        let report = DeadlineReport {
            today: d("2026-11-27"),
            exporter: "",
            rows: &[],
            counts: ReportCounts::default(),
        };
        let doc = report_doc(&report);
        assert_eq!(doc.page_count(), 1);
        assert!(doc
            .drawn()
            .iter()
            .flatten()
            .any(|t| t.text.contains("열린 기한이 없습니다")));
        doc.assert_inside_margins();
    }
}
