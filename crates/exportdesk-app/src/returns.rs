//! Returned goods and duty-free re-import claims (재수입면세).
//!
//! A return names the export declaration and the lines (and units) that came back; the app
//! keeps a line from ever being returned more than was exported minus what came back before,
//! judges the claim with the rules in force, and carries the claim from draft to filed to
//! granted or denied. An open claim's 2-year window is a dashboard deadline.

use crate::{App, Result};
use chrono::{Datelike, NaiveDate};
use exportdesk_rules::declaration::Declaration;
use exportdesk_rules::reimport::{
    eligibility, ClaimState, ExportedLine, ReimportFacts, ReimportOutcome, ReimportVerdict,
    ReturnDraft, ReturnReason, ReturnRecord,
};
use exportdesk_rules::{Problem, Problems};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A returned line as the return screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReturnLineView {
    pub line_no: u32,
    pub description: String,
    pub unit: String,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub exported: Decimal,
    /// Units on this return.
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub returned: Decimal,
    /// Units that could still come back on this return (exported minus other returns).
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub available: Decimal,
}

/// A return with its declaration, lines and the eligibility verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReturnView {
    pub ret: ReturnRecord,
    pub declaration_no: Option<String>,
    pub accepted_on: Option<NaiveDate>,
    pub loaded_on: Option<NaiveDate>,
    pub buyer_name: String,
    pub destination_country: String,
    pub order_numbers: Vec<String>,
    pub lines: Vec<ReturnLineView>,
    pub verdict: ReimportVerdict,
}

/// A return in the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReturnRow {
    pub id: i64,
    pub return_date: NaiveDate,
    pub declaration_id: i64,
    pub declaration_no: Option<String>,
    pub buyer_name: String,
    pub reason: ReturnReason,
    pub lines: u32,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub units: Decimal,
    pub claim_state: ClaimState,
    pub outcome: ReimportOutcome,
    pub window_last_day: Option<NaiveDate>,
}

/// An open claim's re-import window, for the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReimportDeadline {
    pub return_id: i64,
    pub declaration_no: Option<String>,
    pub buyer_name: String,
    pub claim_state: ClaimState,
    pub window_last_day: NaiveDate,
    pub days_left: i64,
    /// Within 30 days of the limit (or past it).
    pub urgent: bool,
}

fn refuse(code: &str, ko: String, en: String) -> Problems {
    Problem::new(code, ko, en).into()
}

impl App {
    fn return_declaration(&self, id: i64) -> Result<Declaration> {
        self.store.declaration(id)?.ok_or_else(|| {
            Problem::new(
                "return.declaration_missing",
                format!("수출신고(번호 {id})를 찾을 수 없습니다. 반품된 물품의 수출신고를 다시 고르세요."),
                format!("Declaration {id} was not found; choose the export declaration of the returned goods again."),
            )
            .at("declaration_id")
            .into()
        })
    }

    /// The declaration's lines with what other returns took (leaving out `except`).
    pub fn exported_lines(
        &self,
        declaration_id: i64,
        except: Option<i64>,
    ) -> Result<Vec<ExportedLine>> {
        let d = self.return_declaration(declaration_id)?;
        let mut taken: Vec<(u32, Decimal)> = Vec::new();
        for r in self.store.returns_of_declaration(declaration_id)? {
            if Some(r.id) == except {
                continue;
            }
            for l in r.lines {
                taken.push((l.line_no, l.quantity));
            }
        }
        Ok(ExportedLine::from_declaration(&d, &taken))
    }

    fn judge(
        &self,
        d: &Declaration,
        r: &ReturnRecord,
    ) -> Result<(ReimportVerdict, Vec<ExportedLine>)> {
        let exported = self.exported_lines(d.id, Some(r.id))?;
        let facts =
            ReimportFacts::from_records(d, r, &exported, self.rate_on("USD", r.return_date).ok());
        Ok((eligibility(&facts, &self.rulebook), exported))
    }

    pub fn return_view(&self, id: i64) -> Result<ReturnView> {
        let r = self.store.return_record(id)?.ok_or_else(|| {
            refuse(
                "record.not_found",
                format!("반품(번호 {id})을 찾을 수 없습니다. 목록을 새로 고치세요."),
                format!("Return {id} was not found; refresh the list."),
            )
        })?;
        let d = self.return_declaration(r.declaration_id)?;
        let (verdict, exported) = self.judge(&d, &r)?;
        let lines = d
            .lines
            .iter()
            .map(|l| {
                let e = exported.iter().find(|e| e.line_no == l.line_no);
                ReturnLineView {
                    line_no: l.line_no,
                    description: if l.name_en.trim().is_empty() {
                        l.name_ko.clone()
                    } else {
                        l.name_en.clone()
                    },
                    unit: l.unit.clone(),
                    exported: l.quantity,
                    returned: r.quantity_of(l.line_no),
                    available: e.map(ExportedLine::available).unwrap_or_default(),
                }
            })
            .collect();
        Ok(ReturnView {
            declaration_no: d.declaration_no.clone(),
            accepted_on: d.accepted_on,
            loaded_on: d.loaded_on,
            buyer_name: d.buyer_name.clone(),
            destination_country: d.destination_country.clone(),
            order_numbers: d.order_numbers.clone(),
            lines,
            verdict,
            ret: r,
        })
    }

    pub fn returns(&self) -> Result<Vec<ReturnRow>> {
        let mut out = Vec::new();
        for r in self.store.returns()? {
            let d = self.return_declaration(r.declaration_id)?;
            let (verdict, _) = self.judge(&d, &r)?;
            out.push(ReturnRow {
                id: r.id,
                return_date: r.return_date,
                declaration_id: d.id,
                declaration_no: d.declaration_no.clone(),
                buyer_name: d.buyer_name.clone(),
                reason: r.reason,
                lines: r.lines.len() as u32,
                units: r.lines.iter().map(|l| l.quantity).sum(),
                claim_state: r.claim_state,
                outcome: verdict.outcome,
                window_last_day: verdict.window_last_day,
            });
        }
        Ok(out)
    }

    /// Record a return (or change one whose claim is still a draft).
    pub fn save_return(&mut self, id: Option<i64>, draft: &ReturnDraft) -> Result<ReturnView> {
        let before = match id {
            Some(id) => Some(self.store.return_record(id)?.ok_or_else(|| {
                refuse(
                    "record.not_found",
                    format!("반품(번호 {id})을 찾을 수 없습니다."),
                    format!("Return {id} was not found."),
                )
            })?),
            None => None,
        };
        if let Some(b) = &before {
            if b.claim_state != ClaimState::Draft {
                return Err(refuse(
                    "return.claim_not_draft",
                    format!(
                        "이 반품의 면세 신청은 '{}' 상태라 바꿀 수 없습니다.",
                        b.claim_state.label_ko()
                    ),
                    format!(
                        "The claim of this return is {}, so the return can no longer change.",
                        b.claim_state.label_en()
                    ),
                ));
            }
        }
        let d = self.return_declaration(draft.declaration_id)?;
        let exported = self.exported_lines(draft.declaration_id, id)?;
        let mut r = draft.validate(id.unwrap_or(0), &exported)?;
        // Goods cannot come back before they left (loaded, else accepted, else declared).
        let left = d.loaded_on.or(d.accepted_on).unwrap_or(d.declared_on);
        if r.return_date < left {
            return Err(Problem::new(
                "return.before_export",
                format!(
                    "반품일 {}이 수출({left})보다 앞섭니다. 물품이 한국에 돌아온 날짜를 입력하세요.",
                    r.return_date
                ),
                format!(
                    "The return date {} is before the export ({left}); enter the day the goods came back to Korea.",
                    r.return_date
                ),
            )
            .at("return_date")
            .into());
        }
        if let Some(b) = before {
            r.claim_state = b.claim_state;
            r.filed_on = b.filed_on;
            r.decided_on = b.decided_on;
            r.import_declaration_no = b.import_declaration_no;
        }
        let saved = self.store.write(self.clock.now(), |w| w.save_return(&r))?;
        self.return_view(saved.id)
    }

    /// The claim was filed (with the import declaration number when known).
    pub fn file_return_claim(
        &mut self,
        id: i64,
        filed_on: &str,
        import_declaration_no: &str,
    ) -> Result<ReturnView> {
        let mut r = self.return_view(id)?.ret;
        let on = exportdesk_rules::rates::parse_date(filed_on, "filed_on")?;
        r.file_claim(on, import_declaration_no)?;
        self.store.write(self.clock.now(), |w| w.save_return(&r))?;
        self.return_view(id)
    }

    /// Customs decided the claim.
    pub fn decide_return_claim(
        &mut self,
        id: i64,
        granted: bool,
        decided_on: &str,
    ) -> Result<ReturnView> {
        let mut r = self.return_view(id)?.ret;
        let on = exportdesk_rules::rates::parse_date(decided_on, "decided_on")?;
        r.decide_claim(granted, on)?;
        self.store.write(self.clock.now(), |w| w.save_return(&r))?;
        self.return_view(id)
    }

    pub fn delete_return(&mut self, id: i64) -> Result<()> {
        let r = self.return_view(id)?.ret;
        if r.claim_state != ClaimState::Draft {
            return Err(refuse(
                "return.claim_not_draft",
                "신청한 반품은 지울 수 없습니다. 결과(인정·불인정)를 기록하세요.".into(),
                "A return whose claim was filed cannot be deleted; record the decision instead."
                    .into(),
            ));
        }
        Ok(self
            .store
            .write(self.clock.now(), |w| w.delete_return(id))?)
    }

    /// The re-import windows of open claims (draft or filed), soonest first.
    pub fn reimport_deadlines(&self) -> Result<Vec<ReimportDeadline>> {
        let today = self.today();
        let mut out = Vec::new();
        for r in self.store.open_returns()? {
            let d = self.return_declaration(r.declaration_id)?;
            let (verdict, _) = self.judge(&d, &r)?;
            if let Some(last) = verdict.window_last_day {
                let days_left = (last - today).num_days();
                out.push(ReimportDeadline {
                    return_id: r.id,
                    declaration_no: d.declaration_no.clone(),
                    buyer_name: d.buyer_name.clone(),
                    claim_state: r.claim_state,
                    window_last_day: last,
                    days_left,
                    urgent: days_left <= 30,
                });
            }
        }
        out.sort_by_key(|d| d.window_last_day);
        Ok(out)
    }
}

impl App {
    /// The claim paper of a return, written to `out` or `documents/reimport-claim-<id>-<date>.pdf`.
    pub fn return_claim_pdf(
        &self,
        id: i64,
        out: Option<&std::path::Path>,
    ) -> Result<crate::GeneratedDocument> {
        let view = self.return_view(id)?;
        let declaration = self.return_declaration(view.ret.declaration_id)?;
        let seller = self.store.seller()?;
        let bytes =
            exportdesk_documents::reimport_claim_pdf(&exportdesk_documents::ReimportClaim {
                seller: seller.as_ref(),
                declaration: &declaration,
                ret: &view.ret,
                verdict: &view.verdict,
                today: self.today(),
            });
        let path = match out {
            Some(p) => p.to_path_buf(),
            None => self
                .documents_dir()
                .join(format!("reimport-claim-{id}-{}.pdf", self.today())),
        };
        crate::documents::write_document(&path, &bytes)?;
        Ok(crate::GeneratedDocument {
            path: path.display().to_string(),
            bytes: bytes.len() as u64,
        })
    }

    /// The returns of one month as a summary sheet.
    pub fn returns_month_pdf(
        &self,
        year: i32,
        month: u32,
        out: Option<&std::path::Path>,
    ) -> Result<crate::GeneratedDocument> {
        let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
            return Err(Problem::new(
                "returns.month",
                format!("{year}년 {month}월은 올바른 달이 아닙니다."),
                format!("{year}-{month} is not a month."),
            )
            .at("month")
            .into());
        };
        let mut rows = Vec::new();
        for r in self.store.returns()? {
            if r.return_date.year() != year || r.return_date.month() != month {
                continue;
            }
            let d = self.return_declaration(r.declaration_id)?;
            let (verdict, _) = self.judge(&d, &r)?;
            // The export FOB of the returned units, pro rata (as the eligibility facts value them).
            let value_krw: Decimal = r
                .lines
                .iter()
                .filter_map(|l| {
                    d.lines
                        .iter()
                        .find(|x| x.line_no == l.line_no && x.quantity > Decimal::ZERO)
                        .map(|x| (x.fob_krw * l.quantity / x.quantity).floor())
                })
                .sum();
            rows.push(exportdesk_documents::ReturnSummaryRow {
                return_date: r.return_date,
                declaration_no: d
                    .declaration_no
                    .clone()
                    .unwrap_or_else(|| format!("#{}", d.id)),
                order_no: d.order_numbers.join(", "),
                reason: r.reason,
                lines: r.lines.len() as u32,
                units: r.lines.iter().map(|l| l.quantity).sum(),
                value_krw,
                duty_relief_krw: verdict.relief.as_ref().map(|e| e.duty_relief_krw),
                claim_state: r.claim_state,
                import_declaration_no: r.import_declaration_no.clone().unwrap_or_default(),
            });
        }
        rows.sort_by_key(|r| r.return_date);
        let seller = self.store.seller()?;
        let bytes = exportdesk_documents::returns_month_pdf(&exportdesk_documents::ReturnsMonth {
            seller: seller.as_ref(),
            year,
            month,
            rows: &rows,
            today: self.today(),
        });
        let path = match out {
            Some(p) => p.to_path_buf(),
            None => self
                .documents_dir()
                .join(format!("returns-{}.pdf", first.format("%Y-%m"))),
        };
        crate::documents::write_document(&path, &bytes)?;
        Ok(crate::GeneratedDocument {
            path: path.display().to_string(),
            bytes: bytes.len() as u64,
        })
    }
}
