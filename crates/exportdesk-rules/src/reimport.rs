//! Returned goods and duty-free re-import (재수입면세, 관세법 제99조).
//!
//! Pure: records, dates and rule values come in; checks, verdicts and estimates go out.
//!
//! - **Records.** A return ([`ReturnDraft`] → [`ReturnRecord`]) links to one export declaration
//!   and some of its lines, with the quantity returned per line. Partial returns are the normal
//!   case; a line is never returned more than was exported minus what other returns brought back
//!   before ([`ExportedLine`] gives both figures).
//! - **Eligibility** ([`eligibility`]). Duty-free re-import needs: the export declaration accepted
//!   and the goods loaded; the goods back within the re-import window counted from the acceptance
//!   date by the rule in force on that date ([`reimport_deadline`]; the window's last day is in, the
//!   day after is out); the goods not manufactured, processed, repaired or used abroad; no duty
//!   drawback received, unless repaid or waived in writing; the quantity available. The verdict is
//!   eligible, not eligible or missing information, with the reasoning in Korean and English, the
//!   rule values used and, for returns of a small USD value, a note on simple-list clearance.
//! - **Relief estimate** ([`relief_estimate`]). Duty per line = customs value × the rate the user
//!   enters, rounded down to the won; VAT on (value + duty) shown separately as an estimate to
//!   confirm.

use crate::deadline::{reimport_deadline, use_rule, Deadline, RuleUsed, Step};
use crate::declaration::{Declaration, DeclarationState};
use crate::money::{format_krw, parse_amount, parse_non_negative, KrwRounding};
use crate::problem::{Problem, Problems};
use crate::records::optional;
use crate::rulebook::{LimitBasis, LimitComparison, Rulebook};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

// ---------------------------------------------------------------------------------------------
// Choices
// ---------------------------------------------------------------------------------------------

/// Defines a choice enum with its stable code and its Korean and English labels, plus `code`,
/// `label_ko`, `label_en`, `ALL` and a lenient `parse` (code, code with spaces or hyphens, or the
/// Korean label).
macro_rules! choice {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident = ($code:literal, $ko:literal, $en:literal) ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in form order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code (the serde name), e.g. `order_cancellation`.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            pub fn label_ko(self) -> &'static str {
                match self { $($name::$variant => $ko,)+ }
            }

            pub fn label_en(self) -> &'static str {
                match self { $($name::$variant => $en,)+ }
            }

            /// Read a code (`order_cancellation`, `order-cancellation`, `Order cancellation`) or
            /// the Korean label.
            pub fn parse(input: &str) -> Option<$name> {
                let t = input.trim();
                let code: String = t
                    .chars()
                    .map(|c| if c == '-' || c == ' ' { '_' } else { c.to_ascii_lowercase() })
                    .collect();
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.code() == code || v.label_ko() == t)
            }
        }
    };
}

choice! {
    /// Why the goods came back.
    ReturnReason {
        /// 주문 취소
        OrderCancellation = ("order_cancellation", "주문 취소", "order cancellation"),
        /// 불량·하자
        Defect = ("defect", "불량·하자", "defect"),
        /// 오배송
        WrongItem = ("wrong_item", "오배송", "wrong item"),
        /// 단순 변심
        ChangeOfMind = ("change_of_mind", "단순 변심", "change of mind"),
        /// 배송 불가 (수취 거절, 주소 불명 등)
        Undeliverable = ("undeliverable", "배송 불가", "undeliverable"),
    }
}

choice! {
    /// The goods' state when they come back. Only `UnusedUnaltered` allows duty-free re-import.
    GoodsCondition {
        /// 미사용·변형 없음: as exported.
        UnusedUnaltered = ("unused_unaltered", "사용하지 않았고 변형 없음", "unused and unaltered"),
        /// 해외에서 수리됨
        Repaired = ("repaired", "해외에서 수리됨", "repaired abroad"),
        /// 해외에서 제조·가공됨
        Processed = ("processed", "해외에서 제조·가공됨", "manufactured or processed abroad"),
        /// 해외에서 사용됨
        UsedAbroad = ("used_abroad", "해외에서 사용됨", "used abroad"),
    }
}

choice! {
    /// Duty drawback (관세환급) on the export.
    DrawbackStatus {
        /// 환급을 신청하지 않음
        NoneClaimed = ("none_claimed", "관세환급을 받지 않음", "no drawback claimed"),
        /// 환급을 받음 (반납·포기 전)
        Received = ("received", "관세환급을 받음", "drawback received"),
        /// 받은 환급금을 반납함
        Repaid = ("repaid", "받은 환급금을 반납함", "drawback repaid"),
        /// 환급받을 권리를 가진 자가 서면으로 포기함
        WaivedInWriting = ("waived_in_writing", "환급 권리를 서면으로 포기함", "right to drawback waived in writing"),
    }
}

choice! {
    /// Where the duty-free re-import claim stands: draft → filed → granted / denied.
    ClaimState {
        Draft = ("draft", "작성 중", "draft"),
        Filed = ("filed", "신청함", "filed"),
        Granted = ("granted", "면세 승인", "granted"),
        Denied = ("denied", "면세 불인정", "denied"),
    }
}

impl DrawbackStatus {
    /// Whether this status allows duty-free re-import.
    pub fn allows_relief(self) -> bool {
        !matches!(self, DrawbackStatus::Received)
    }
}

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

/// A declared line as far as returns are concerned: what was exported and what other returns
/// already brought back. The caller builds these from the declaration and the *other* saved
/// returns (leave out the return being edited, or its old quantities count twice).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportedLine {
    pub declaration_id: i64,
    pub line_no: u32,
    /// The declaration's unit (EA, KG, …); pieces must be returned in whole numbers.
    pub unit: String,
    /// Quantity on the export declaration line.
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub exported: Decimal,
    /// Quantity of this line already on other returns.
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub returned_by_others: Decimal,
}

impl ExportedLine {
    /// What may still come back: exported − returned by others, never below zero.
    pub fn available(&self) -> Decimal {
        (self.exported - self.returned_by_others).max(Decimal::ZERO)
    }

    /// One entry per line of `declaration`; `returned_by_others` gives, per line number, the
    /// quantity on other returns (lines not listed count as zero).
    pub fn from_declaration(
        declaration: &Declaration,
        returned_by_others: &[(u32, Decimal)],
    ) -> Vec<ExportedLine> {
        declaration
            .lines
            .iter()
            .map(|l| ExportedLine {
                declaration_id: declaration.id,
                line_no: l.line_no,
                unit: l.unit.clone(),
                exported: l.quantity,
                returned_by_others: returned_by_others
                    .iter()
                    .filter(|(n, _)| *n == l.line_no)
                    .map(|(_, q)| *q)
                    .sum(),
            })
            .collect()
    }
}

/// One returned line as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ReturnLineDraft {
    pub declaration_id: i64,
    /// The line (란) of the export declaration.
    pub line_no: u32,
    /// Units coming back.
    pub quantity: String,
    /// The import duty rate the user looked up (%), for the relief estimate; may stay empty.
    pub duty_rate_percent: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReturnLine {
    pub declaration_id: i64,
    pub line_no: u32,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub quantity: Decimal,
    #[ts(type = "string | null")]
    #[serde(with = "rust_decimal::serde::str_option")]
    pub duty_rate_percent: Option<Decimal>,
}

/// A return as typed on the form. Choices are given by code (`ReturnReason::code` etc.).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ReturnDraft {
    pub order_id: Option<i64>,
    /// The export declaration the goods left on; every line must belong to it.
    pub declaration_id: i64,
    /// The day the goods came back to Korea.
    pub return_date: String,
    pub reason: String,
    pub carrier: String,
    pub tracking_no: String,
    pub condition: String,
    pub drawback_status: String,
    pub note: String,
    pub lines: Vec<ReturnLineDraft>,
}

/// A validated return with its duty-free re-import claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReturnRecord {
    pub id: i64,
    pub order_id: Option<i64>,
    pub declaration_id: i64,
    pub return_date: NaiveDate,
    pub reason: ReturnReason,
    pub carrier: String,
    pub tracking_no: String,
    pub condition: GoodsCondition,
    pub drawback_status: DrawbackStatus,
    pub note: String,
    pub lines: Vec<ReturnLine>,
    pub claim_state: ClaimState,
    /// When the claim (with the import declaration) was filed.
    pub filed_on: Option<NaiveDate>,
    /// When customs granted or denied it.
    pub decided_on: Option<NaiveDate>,
    /// The import declaration (수입신고) number the claim was made on.
    pub import_declaration_no: Option<String>,
}

/// Units that cannot be split.
fn counts_pieces(unit: &str) -> bool {
    const PIECES: [&str; 9] = ["EA", "PCS", "PC", "U", "SET", "PR", "PAIR", "BOX", "NO"];
    let u = unit.trim().to_ascii_uppercase();
    PIECES.contains(&u.as_str())
}

fn qty(q: Decimal) -> String {
    q.normalize().to_string()
}

fn choice_field<T: Copy>(
    input: &str,
    field: &str,
    ko: &str,
    en: &str,
    parse: fn(&str) -> Option<T>,
    all: &[T],
    code: fn(T) -> &'static str,
) -> Result<T, Problem> {
    if input.trim().is_empty() {
        return Err(Problem::new(
            &format!("{field}.empty"),
            format!("{ko}을(를) 고르세요."),
            format!("Choose the {en}."),
        )
        .at(field));
    }
    parse(input).ok_or_else(|| {
        let codes: Vec<&str> = all.iter().map(|v| code(*v)).collect();
        Problem::new(
            &format!("{field}.invalid"),
            format!(
                "'{}'은(는) {ko}의 선택지가 아닙니다. 다음 중에서 고르세요: {}.",
                input.trim(),
                codes.join(", ")
            ),
            format!(
                "'{}' is not a {en}. Choose one of: {}.",
                input.trim(),
                codes.join(", ")
            ),
        )
        .at(field)
        .with("value", input.trim())
    })
}

impl ReturnLineDraft {
    fn validate(
        &self,
        i: usize,
        return_declaration_id: i64,
        exported: &[ExportedLine],
    ) -> Result<ReturnLine, Problems> {
        let f = |name: &str| format!("lines[{i}].{name}");
        let mut p = Problems::default();
        let line = exported
            .iter()
            .find(|e| e.declaration_id == self.declaration_id && e.line_no == self.line_no);
        if self.declaration_id != return_declaration_id {
            p.push(
                Problem::new(
                    "return.line_other_declaration",
                    format!(
                        "{}번째 품목은 다른 수출신고(번호 {})의 {}란입니다. 반품 하나는 수출신고 하나에 대해 등록하세요. 그 신고의 반품은 따로 만드세요.",
                        i + 1,
                        self.declaration_id,
                        self.line_no
                    ),
                    format!(
                        "Item {} is line {} of another export declaration ({}); a return covers one declaration. Make a separate return for that declaration.",
                        i + 1,
                        self.line_no,
                        self.declaration_id
                    ),
                )
                .at(f("line_no"))
                .with("declaration_id", self.declaration_id),
            );
        } else if line.is_none() {
            p.push(
                Problem::new(
                    "return.line_unknown",
                    format!(
                        "수출신고에 {}란이 없습니다. 신고서의 란 번호를 다시 고르세요.",
                        self.line_no
                    ),
                    format!(
                        "The export declaration has no line {}; choose the line again.",
                        self.line_no
                    ),
                )
                .at(f("line_no"))
                .with("line_no", self.line_no),
            );
        }
        let field = f("quantity");
        let quantity = if self.quantity.trim().is_empty() {
            p.push(
                Problem::new(
                    "return.quantity_empty",
                    format!("{}란의 반품 수량을 입력하세요.", self.line_no),
                    format!("Enter the quantity returned of line {}.", self.line_no),
                )
                .at(&field),
            );
            None
        } else {
            p.take(parse_amount(&self.quantity, &field)).and_then(|q| {
                if q <= Decimal::ZERO {
                    p.push(
                        Problem::new(
                            "return.quantity_not_positive",
                            format!(
                                "{}란의 반품 수량은 0보다 커야 합니다 ('{}'). 돌아오지 않은 품목은 목록에서 빼세요.",
                                self.line_no,
                                self.quantity.trim()
                            ),
                            format!(
                                "The quantity returned of line {} must be more than zero ('{}'); remove lines that did not come back.",
                                self.line_no,
                                self.quantity.trim()
                            ),
                        )
                        .at(&field),
                    );
                    None
                } else {
                    Some(q)
                }
            })
        };
        if let (Some(q), Some(line)) = (quantity, line) {
            if q.fract() != Decimal::ZERO && counts_pieces(&line.unit) {
                p.push(
                    Problem::new(
                        "return.quantity_fraction",
                        format!(
                            "{}란은 낱개 단위({})이므로 반품 수량을 정수로 입력하세요 ('{}').",
                            self.line_no,
                            line.unit,
                            self.quantity.trim()
                        ),
                        format!(
                            "Line {} counts pieces ({}); enter a whole number ('{}').",
                            self.line_no,
                            line.unit,
                            self.quantity.trim()
                        ),
                    )
                    .at(&field),
                );
            } else if q > line.available() {
                p.push(
                    Problem::new(
                        "return.quantity_exceeds",
                        format!(
                            "{}란: 수출 {} {}에서 다른 반품으로 이미 돌아온 {}을(를) 빼면 {}까지만 반품할 수 있는데 {}을(를) 입력했습니다. 수량을 줄이거나 이전 반품을 확인하세요.",
                            self.line_no,
                            qty(line.exported),
                            line.unit,
                            qty(line.returned_by_others),
                            qty(line.available()),
                            qty(q)
                        ),
                        format!(
                            "Line {}: {} {} were exported and {} already came back on other returns, so at most {} can be returned; {} was entered. Lower the quantity or check the earlier returns.",
                            self.line_no,
                            qty(line.exported),
                            line.unit,
                            qty(line.returned_by_others),
                            qty(line.available()),
                            qty(q)
                        ),
                    )
                    .at(&field)
                    .with("exported", qty(line.exported))
                    .with("returned_before", qty(line.returned_by_others))
                    .with("available", qty(line.available()))
                    .with("quantity", qty(q)),
                );
            }
        }
        let rate_field = f("duty_rate_percent");
        let duty_rate_percent = if self.duty_rate_percent.trim().is_empty() {
            Some(None)
        } else {
            p.take(
                parse_non_negative(self.duty_rate_percent.trim_end_matches('%'), &rate_field)
                    .map(Some),
            )
        };
        if !p.is_empty() {
            return Err(p);
        }
        Ok(ReturnLine {
            declaration_id: self.declaration_id,
            line_no: self.line_no,
            quantity: quantity.expect("checked"),
            duty_rate_percent: duty_rate_percent.flatten(),
        })
    }
}

impl ReturnDraft {
    /// Check every field at once. `exported` lists the declared lines of the declaration with
    /// what other returns already brought back. The record starts with its claim in `draft`; a
    /// store keeping an existing return carries its claim fields over.
    pub fn validate(&self, id: i64, exported: &[ExportedLine]) -> Result<ReturnRecord, Problems> {
        let mut p = Problems::default();
        let return_date = if self.return_date.trim().is_empty() {
            p.push(
                Problem::new(
                    "return_date.empty",
                    "물품이 돌아온 날(반품일)을 입력하세요 (예: 2026-11-27).",
                    "Enter the day the goods came back (e.g. 2026-11-27).",
                )
                .at("return_date"),
            );
            None
        } else {
            p.take(crate::rates::parse_date(&self.return_date, "return_date"))
        };
        let reason = p.take(choice_field(
            &self.reason,
            "reason",
            "반품 사유",
            "reason for the return",
            ReturnReason::parse,
            ReturnReason::ALL,
            ReturnReason::code,
        ));
        let condition = p.take(choice_field(
            &self.condition,
            "condition",
            "물품 상태",
            "goods' condition",
            GoodsCondition::parse,
            GoodsCondition::ALL,
            GoodsCondition::code,
        ));
        let drawback_status = p.take(choice_field(
            &self.drawback_status,
            "drawback_status",
            "관세환급 여부",
            "drawback status",
            DrawbackStatus::parse,
            DrawbackStatus::ALL,
            DrawbackStatus::code,
        ));
        let carrier = p.take(optional(&self.carrier, "carrier", "운송사", "carrier", 100));
        let tracking_no = p.take(optional(
            &self.tracking_no,
            "tracking_no",
            "운송장 번호",
            "tracking number",
            60,
        ));
        let note = p.take(optional(&self.note, "note", "메모", "note", 1000));
        if self.lines.is_empty() {
            p.push(
                Problem::new(
                    "return.no_lines",
                    "돌아온 품목(수출신고의 란)과 수량을 하나 이상 입력하세요.",
                    "Add at least one returned line (a line of the export declaration) with its quantity.",
                )
                .at("lines"),
            );
        }
        let mut lines = Vec::with_capacity(self.lines.len());
        for (i, l) in self.lines.iter().enumerate() {
            let twice = self.lines[..i]
                .iter()
                .any(|o| o.declaration_id == l.declaration_id && o.line_no == l.line_no);
            if twice {
                p.push(
                    Problem::new(
                        "return.line_twice",
                        format!(
                            "{}란이 두 번 들어 있습니다. 한 줄로 합쳐 수량을 더하세요.",
                            l.line_no
                        ),
                        format!(
                            "Line {} is listed twice; put it on one row with the quantities added.",
                            l.line_no
                        ),
                    )
                    .at(format!("lines[{i}].line_no")),
                );
                continue;
            }
            match l.validate(i, self.declaration_id, exported) {
                Ok(line) => lines.push(line),
                Err(e) => p.0.extend(e.0),
            }
        }
        if !p.is_empty() {
            return Err(p);
        }
        Ok(ReturnRecord {
            id,
            order_id: self.order_id,
            declaration_id: self.declaration_id,
            return_date: return_date.expect("checked"),
            reason: reason.expect("checked"),
            carrier: carrier.unwrap_or_default(),
            tracking_no: tracking_no.unwrap_or_default(),
            condition: condition.expect("checked"),
            drawback_status: drawback_status.expect("checked"),
            note: note.unwrap_or_default(),
            lines,
            claim_state: ClaimState::Draft,
            filed_on: None,
            decided_on: None,
            import_declaration_no: None,
        })
    }
}

impl ReturnRecord {
    /// The form's draft of this return (to edit it).
    pub fn to_draft(&self) -> ReturnDraft {
        ReturnDraft {
            order_id: self.order_id,
            declaration_id: self.declaration_id,
            return_date: self.return_date.to_string(),
            reason: self.reason.code().to_string(),
            carrier: self.carrier.clone(),
            tracking_no: self.tracking_no.clone(),
            condition: self.condition.code().to_string(),
            drawback_status: self.drawback_status.code().to_string(),
            note: self.note.clone(),
            lines: self
                .lines
                .iter()
                .map(|l| ReturnLineDraft {
                    declaration_id: l.declaration_id,
                    line_no: l.line_no,
                    quantity: qty(l.quantity),
                    duty_rate_percent: l.duty_rate_percent.map(qty).unwrap_or_default(),
                })
                .collect(),
        }
    }

    /// Quantity of `line_no` on this return (zero when absent).
    pub fn quantity_of(&self, line_no: u32) -> Decimal {
        self.lines
            .iter()
            .filter(|l| l.declaration_id == self.declaration_id && l.line_no == line_no)
            .map(|l| l.quantity)
            .sum()
    }

    /// Draft → filed, on `filed_on`, with the import declaration number when known.
    pub fn file_claim(
        &mut self,
        filed_on: NaiveDate,
        import_declaration_no: &str,
    ) -> Result<(), Problem> {
        if self.claim_state != ClaimState::Draft {
            return Err(claim_state_problem(self.claim_state, "file"));
        }
        let no = optional(
            import_declaration_no,
            "import_declaration_no",
            "수입신고번호",
            "import declaration number",
            30,
        )?;
        self.claim_state = ClaimState::Filed;
        self.filed_on = Some(filed_on);
        self.import_declaration_no = (!no.is_empty()).then_some(no);
        Ok(())
    }

    /// Filed → granted or denied, on `decided_on` (not before the filing date).
    pub fn decide_claim(&mut self, granted: bool, decided_on: NaiveDate) -> Result<(), Problem> {
        if self.claim_state != ClaimState::Filed {
            return Err(claim_state_problem(self.claim_state, "decide"));
        }
        if let Some(filed) = self.filed_on.filter(|f| decided_on < *f) {
            return Err(Problem::new(
                "claim.decided_before_filed",
                format!("결정일 {decided_on}이 신청일 {filed}보다 앞섭니다. 날짜를 확인하세요."),
                format!("The decision date {decided_on} is before the filing date {filed}; check the dates."),
            )
            .at("decided_on"));
        }
        self.claim_state = if granted {
            ClaimState::Granted
        } else {
            ClaimState::Denied
        };
        self.decided_on = Some(decided_on);
        Ok(())
    }
}

fn claim_state_problem(state: ClaimState, action: &str) -> Problem {
    let (ko, en) = if action == "file" {
        (
            "작성 중인 신청만 제출할 수 있습니다",
            "Only a draft claim can be filed",
        )
    } else {
        (
            "제출한 신청만 승인·불인정을 기록할 수 있습니다",
            "Only a filed claim can be granted or denied",
        )
    };
    Problem::new(
        &format!("claim.cannot_{action}"),
        format!("{ko} (지금 상태: {}).", state.label_ko()),
        format!("{en} (now: {}).", state.label_en()),
    )
    .at("claim_state")
    .with("state", state.code())
}

// ---------------------------------------------------------------------------------------------
// Eligibility
// ---------------------------------------------------------------------------------------------

/// One returned line as the eligibility engine sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReimportLineFacts {
    /// The line (란) of the export declaration.
    pub line_no: u32,
    /// Units coming back.
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub quantity: Decimal,
    /// Units that may still come back: exported − returned on other returns. `None` = unknown.
    #[ts(type = "string | null")]
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub available: Option<Decimal>,
    /// Customs value of the returned units in won, for the relief estimate.
    #[ts(type = "string | null")]
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub value_krw: Option<Decimal>,
    /// Import duty rate (%) the user entered, for the relief estimate.
    #[ts(type = "string | null")]
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub duty_rate_percent: Option<Decimal>,
    /// Value of the returned units in US dollars, for the small-return limit when it applies per
    /// item. `None` = unknown.
    #[ts(type = "string | null")]
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub value_usd: Option<Decimal>,
}

/// Everything [`eligibility`] judges. Unknown facts stay `None` and are listed as missing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ReimportFacts {
    /// State of the original export declaration.
    pub declaration_state: Option<DeclarationState>,
    /// The original export declaration number; the import declaration cites it.
    pub declaration_no: Option<String>,
    /// Acceptance date of the export declaration (수리일); the window counts from it.
    pub accepted_on: Option<NaiveDate>,
    /// Loading date (적재일).
    pub loaded_on: Option<NaiveDate>,
    /// The day the goods came back to Korea.
    pub return_date: Option<NaiveDate>,
    pub condition: Option<GoodsCondition>,
    pub drawback_status: Option<DrawbackStatus>,
    pub lines: Vec<ReimportLineFacts>,
    /// Value of the returned goods in US dollars, when known (for the simple-list note).
    #[ts(type = "string | null")]
    #[serde(with = "rust_decimal::serde::str_option")]
    pub value_usd: Option<Decimal>,
}

impl ReimportFacts {
    /// Gather the facts of a saved return. `exported` gives the lines' availability (as for
    /// [`ReturnDraft::validate`]); the value of each line is the export FOB in won of the returned
    /// units, pro rata and rounded down — a stand-in for the import customs value, which also
    /// includes the freight and insurance back to Korea. `krw_per_usd` (the US dollar rate on the
    /// return date) turns those values into dollars for the small-return limit, per line and for
    /// the whole return.
    pub fn from_records(
        declaration: &Declaration,
        ret: &ReturnRecord,
        exported: &[ExportedLine],
        krw_per_usd: Option<Decimal>,
    ) -> ReimportFacts {
        let usd_rate = krw_per_usd.filter(|r| *r > Decimal::ZERO);
        let exact_krw = |l: &ReturnLine| {
            declaration
                .lines
                .iter()
                .filter(|_| declaration.id == l.declaration_id)
                .find(|d| d.line_no == l.line_no && d.quantity > Decimal::ZERO)
                .map(|d| d.fob_krw * l.quantity / d.quantity)
        };
        let value_usd = usd_rate.map(|rate| {
            (ret.lines.iter().filter_map(exact_krw).sum::<Decimal>() / rate).round_dp(2)
        });
        let lines = ret
            .lines
            .iter()
            .map(|l| {
                let available = exported
                    .iter()
                    .find(|e| e.declaration_id == l.declaration_id && e.line_no == l.line_no)
                    .map(ExportedLine::available);
                let exact = exact_krw(l);
                ReimportLineFacts {
                    line_no: l.line_no,
                    quantity: l.quantity,
                    available,
                    value_krw: exact.map(|k| KrwRounding::Down.apply(k)),
                    duty_rate_percent: l.duty_rate_percent,
                    value_usd: exact.zip(usd_rate).map(|(k, r)| (k / r).round_dp(2)),
                }
            })
            .collect();
        ReimportFacts {
            declaration_state: Some(declaration.state),
            declaration_no: declaration.declaration_no.clone(),
            accepted_on: declaration.accepted_on,
            loaded_on: declaration.loaded_on,
            return_date: Some(ret.return_date),
            condition: Some(ret.condition),
            drawback_status: Some(ret.drawback_status),
            lines,
            value_usd,
        }
    }
}

/// The overall answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReimportOutcome {
    /// Every condition is met: the goods may be re-imported duty-free.
    Eligible,
    /// At least one condition is not met (see `not_met`).
    NotEligible,
    /// No condition failed, but some facts are missing (see `missing`).
    MissingInformation,
}

/// The conditions of art. 99 the engine checks, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReimportCondition {
    /// The export declaration was accepted and the goods loaded.
    Exported,
    /// Back within the window after acceptance.
    Window,
    /// Not manufactured, processed, repaired or used abroad.
    Unaltered,
    /// No drawback received, or it was repaid / waived in writing.
    Drawback,
    /// Each line's quantity is still available.
    Quantity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    Met,
    NotMet,
    Unknown,
}

/// One condition's result, for a checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ConditionCheck {
    pub condition: ReimportCondition,
    pub status: CheckStatus,
    pub label_ko: String,
    pub label_en: String,
}

/// The eligibility verdict with its reasoning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReimportVerdict {
    pub outcome: ReimportOutcome,
    /// Every condition, met / not met / unknown.
    pub checks: Vec<ConditionCheck>,
    /// Why it is not eligible (empty unless `not_eligible`).
    pub not_met: Vec<Problem>,
    /// What to enter or check before a verdict can be given (field names are those of
    /// [`ReimportFacts`], e.g. `condition`, `lines[0].available`).
    pub missing: Vec<Problem>,
    /// The re-import window, when the acceptance date is known.
    pub window: Option<Deadline>,
    /// The window's last day (a return on it is in time; the day after is late).
    pub window_last_day: Option<NaiveDate>,
    /// Set when the return's value in USD is within the simple-list limit.
    pub simple_list_note: Option<Step>,
    /// The relief estimate, when no condition failed and every line has a value and a rate.
    pub relief: Option<ReliefEstimate>,
    /// The reasoning, in order, in both languages.
    pub steps: Vec<Step>,
    /// Rule values used, with their sources.
    pub rules: Vec<RuleUsed>,
}

struct Judge {
    checks: Vec<ConditionCheck>,
    not_met: Vec<Problem>,
    missing: Vec<Problem>,
    steps: Vec<Step>,
    rules: Vec<RuleUsed>,
}

impl Judge {
    fn check(&mut self, condition: ReimportCondition, status: CheckStatus) {
        let (ko, en) = match condition {
            ReimportCondition::Exported => (
                "수출신고가 수리되고 물품이 적재됨",
                "Export declaration accepted and goods loaded",
            ),
            ReimportCondition::Window => (
                "수출신고 수리일부터 재수입 기간 안에 돌아옴",
                "Back within the re-import window after acceptance",
            ),
            ReimportCondition::Unaltered => (
                "해외에서 제조·가공·수리·사용되지 않음",
                "Not manufactured, processed, repaired or used abroad",
            ),
            ReimportCondition::Drawback => (
                "관세환급을 받지 않았거나 반납·서면 포기함",
                "No drawback received, or repaid / waived in writing",
            ),
            ReimportCondition::Quantity => (
                "반품 수량이 수출 후 남은 수량 이내",
                "Quantity within what was exported and not yet returned",
            ),
        };
        self.checks.push(ConditionCheck {
            condition,
            status,
            label_ko: ko.to_string(),
            label_en: en.to_string(),
        });
    }

    fn step(&mut self, ko: impl Into<String>, en: impl Into<String>) {
        self.steps.push(Step::new(ko, en));
    }

    fn fail(&mut self, p: Problem) {
        self.steps.push(Step::new(&p.message_ko, &p.message_en));
        self.not_met.push(p);
    }

    fn missing(&mut self, p: Problem) {
        self.steps.push(Step::new(&p.message_ko, &p.message_en));
        self.missing.push(p);
    }
}

fn missing_fact(field: &str, ko: &str, en: &str) -> Problem {
    Problem::new(&format!("reimport.missing.{field}"), ko, en).at(field)
}

/// Judge whether the returned goods may be re-imported duty-free (관세법 제99조), by the rules in
/// `book`. Never fails: unknown facts and rulebook gaps are listed in `missing`.
pub fn eligibility(facts: &ReimportFacts, book: &Rulebook) -> ReimportVerdict {
    let mut j = Judge {
        checks: Vec::new(),
        not_met: Vec::new(),
        missing: Vec::new(),
        steps: Vec::new(),
        rules: Vec::new(),
    };
    j.step(
        "재수입면세(관세법 제99조): 수출했던 물품이 그대로 다시 들어오면 관세를 다시 내지 않아도 됩니다. 아래 조건을 하나씩 확인합니다.",
        "Duty-free re-import (Customs Act art. 99): goods you exported that come back unchanged need not pay duty again. The conditions are checked one by one below.",
    );
    check_exported(facts, &mut j);
    let window = check_window(facts, book, &mut j);
    check_condition(facts, &mut j);
    check_drawback(facts, &mut j);
    check_quantities(facts, &mut j);

    let note_date = facts.return_date.or(facts.accepted_on);
    let simple_list_note = match (facts.value_usd, note_date) {
        (Some(usd), Some(on)) => simple_list(usd, &facts.lines, on, book, &mut j),
        _ => None,
    };

    let relief = if j.not_met.is_empty() {
        relief_in_verdict(facts, book, &mut j)
    } else {
        None
    };

    let outcome = if !j.not_met.is_empty() {
        ReimportOutcome::NotEligible
    } else if !j.missing.is_empty() {
        ReimportOutcome::MissingInformation
    } else {
        ReimportOutcome::Eligible
    };
    match outcome {
        ReimportOutcome::Eligible => {
            let no = facts.declaration_no.as_deref().unwrap_or_default();
            j.step(
                format!("결론: 재수입면세 대상입니다. 수입신고 때 재수입면세를 신청하고 원래 수출신고번호 {no}를 적으세요. 필요한 서류: 수출신고필증, 주문 취소·반품 증빙, 물품이 수출 때와 같은 상태라는 설명(사진 등), 관세환급 여부를 보여 주는 서류."),
                format!("Conclusion: eligible for duty-free re-import. Claim it on the import declaration and cite the original export declaration number {no}. Documents: the export declaration certificate, evidence of the cancellation or return, a description of the goods' unchanged state (photos help), and proof of the drawback status."),
            );
        }
        ReimportOutcome::NotEligible => j.step(
            "결론: 지금 사실로는 재수입면세 대상이 아닙니다. 위에서 충족하지 못한 조건을 확인하세요. 면세가 안 되면 수입 때 관세와 부가가치세를 내야 할 수 있습니다.",
            "Conclusion: on these facts the goods are not eligible for duty-free re-import; see the condition(s) not met above. Without the relief, duty and VAT may be payable on import.",
        ),
        ReimportOutcome::MissingInformation => j.step(
            "결론: 아직 판단할 수 없습니다. 빠진 정보를 입력한 뒤 다시 확인하세요.",
            "Conclusion: no verdict yet. Enter the missing information and check again.",
        ),
    }
    j.step(
        "참고: 물품에 관세 감면을 받은 적이 있으면 재수입면세가 되지 않습니다. 해당하면 세관에 먼저 문의하세요.",
        "Note: goods that already had a duty reduction cannot use this relief; if that applies, ask customs first.",
    );

    ReimportVerdict {
        outcome,
        checks: j.checks,
        not_met: j.not_met,
        missing: j.missing,
        window_last_day: window.as_ref().map(|w| w.date.due),
        window,
        simple_list_note,
        relief,
        steps: j.steps,
        rules: j.rules,
    }
}

fn check_exported(facts: &ReimportFacts, j: &mut Judge) {
    use DeclarationState as S;
    let status = match facts.declaration_state {
        None => {
            j.missing(missing_fact(
                "declaration_state",
                "원래 수출신고의 상태(수리·적재 여부)를 알 수 없습니다. 반품할 물품이 나간 수출신고를 고르세요.",
                "The state of the original export declaration (accepted, loaded) is unknown; choose the declaration the goods left on.",
            ));
            CheckStatus::Unknown
        }
        Some(state @ (S::Draft | S::Filed)) => {
            j.fail(
                Problem::new(
                    "reimport.not_accepted",
                    format!("수출신고가 아직 수리되지 않았습니다 (지금 상태: {}). 수리되지 않은 신고로는 물품이 수출된 것이 아니므로 재수입면세를 받을 수 없습니다. 신고가 수리되었다면 수리일을 기록하세요.", state.label_ko()),
                    format!("The export declaration is not accepted (now: {}). Goods on a declaration that was never accepted were not exported, so the re-import relief does not apply. If it was accepted, record the acceptance date.", state.label_en()),
                )
                .at("declaration_state")
                .with("state", state.code()),
            );
            CheckStatus::NotMet
        }
        Some(S::Cancelled) => {
            j.fail(
                Problem::new(
                    "reimport.declaration_cancelled",
                    "원래 수출신고가 취소되었습니다. 취소된 신고의 물품은 수출된 것이 아니므로 재수입면세 대상이 아닙니다.",
                    "The original export declaration was cancelled; goods on a cancelled declaration were not exported, so the re-import relief does not apply.",
                )
                .at("declaration_state")
                .with("state", S::Cancelled.code()),
            );
            CheckStatus::NotMet
        }
        Some(S::Accepted) if facts.loaded_on.is_none() => {
            j.missing(
                Problem::new(
                    "reimport.not_loaded",
                    "수출신고는 수리되었지만 적재(선적) 기록이 없습니다. 물품이 실제로 실려 나갔다면 적재일을 입력하세요. 실려 나가지 않았다면 수출된 것이 아니므로 재수입면세가 아니라 수출신고 취하 대상입니다.",
                    "The export declaration was accepted but no loading is recorded. If the goods did leave, enter the loading date. If they never left, they were not exported: withdraw the export declaration instead of claiming re-import relief.",
                )
                .at("loaded_on"),
            );
            CheckStatus::Unknown
        }
        Some(S::Accepted | S::Loaded) => {
            let accepted = facts
                .accepted_on
                .map_or_else(|| "?".to_string(), |d| d.to_string());
            let (loaded_ko, loaded_en) = match facts.loaded_on {
                Some(d) => (format!("{d}에 적재"), format!("loaded on {d}")),
                None => ("적재 완료".to_string(), "loaded".to_string()),
            };
            j.step(
                format!("수출신고가 {accepted}에 수리되었고 물품은 {loaded_ko}되었습니다: 수출된 물품입니다."),
                format!("The export declaration was accepted on {accepted} and the goods were {loaded_en}: they were exported."),
            );
            CheckStatus::Met
        }
    };
    let exported_states = matches!(facts.declaration_state, Some(S::Accepted | S::Loaded));
    if exported_states
        && facts
            .declaration_no
            .as_deref()
            .is_none_or(|n| n.trim().is_empty())
    {
        j.missing(missing_fact(
            "declaration_no",
            "원래 수출신고번호를 입력하세요. 재수입 때 수입신고서에 이 번호를 적어야 합니다.",
            "Enter the original export declaration number; the import declaration must cite it.",
        ));
    }
    j.check(ReimportCondition::Exported, status);
}

fn check_window(facts: &ReimportFacts, book: &Rulebook, j: &mut Judge) -> Option<Deadline> {
    let relevant = !matches!(
        facts.declaration_state,
        Some(DeclarationState::Draft | DeclarationState::Filed | DeclarationState::Cancelled)
    );
    let Some(accepted_on) = facts.accepted_on else {
        if relevant {
            j.missing(missing_fact(
                "accepted_on",
                "수출신고 수리일을 입력하세요. 재수입 기간은 그날부터 셉니다.",
                "Enter the export declaration's acceptance date; the re-import window counts from it.",
            ));
        }
        if facts.return_date.is_none() {
            j.missing(missing_fact(
                "return_date",
                "물품이 돌아온 날(반품일)을 입력하세요.",
                "Enter the day the goods came back.",
            ));
        }
        j.check(ReimportCondition::Window, CheckStatus::Unknown);
        return None;
    };
    let window = match reimport_deadline(accepted_on, book) {
        Ok(w) => w,
        Err(p) => {
            j.missing(p);
            j.check(ReimportCondition::Window, CheckStatus::Unknown);
            return None;
        }
    };
    j.rules.extend(window.rules.iter().cloned());
    j.steps.extend(window.steps.iter().cloned());
    if !window.date.uncovered_years.is_empty() {
        let years: Vec<String> = window
            .date
            .uncovered_years
            .iter()
            .map(|y| y.to_string())
            .collect();
        j.step(
            format!("{}년 공휴일 표가 규정집에 없어 주말만 고려했습니다. 마지막 날이 공휴일이면 하루 이상 늦춰질 수 있습니다.", years.join(", ")),
            format!("The rulebook has no holiday table for {}; only weekends were considered, so the last day may move if it falls on a public holiday.", years.join(", ")),
        );
    }
    if !window.date.unconfirmed_years.is_empty() {
        let years: Vec<String> = window
            .date
            .unconfirmed_years
            .iter()
            .map(|y| y.to_string())
            .collect();
        j.step(
            format!("{}년 공휴일은 관청 달력(월력요항) 발표 전이라 계산한 날짜입니다. 임시공휴일이 지정되면 마지막 날이 늦춰질 수 있습니다.", years.join(", ")),
            format!("The {} holidays are computed ahead of the official calendar notice; a temporary holiday designated later may move the last day.", years.join(", ")),
        );
    }
    let last = window.date.due;
    let status = match facts.return_date {
        None => {
            j.missing(missing_fact(
                "return_date",
                "물품이 돌아온 날(반품일)을 입력하세요.",
                "Enter the day the goods came back.",
            ));
            CheckStatus::Unknown
        }
        Some(r) if r < accepted_on => {
            j.missing(
                Problem::new(
                    "reimport.return_before_acceptance",
                    format!("반품일 {r}이 수출신고 수리일 {accepted_on}보다 앞섭니다. 날짜를 확인하세요."),
                    format!("The return date {r} is before the acceptance date {accepted_on}; check the dates."),
                )
                .at("return_date"),
            );
            CheckStatus::Unknown
        }
        Some(r) if r <= last => {
            let left = (last - r).num_days();
            j.step(
                format!("반품일 {r}은 재수입 기간의 마지막 날 {last} 이전이므로(남은 날 {left}일) 기간 안입니다."),
                format!("The return date {r} is on or before the window's last day {last} ({left} days to spare): in time."),
            );
            CheckStatus::Met
        }
        Some(r) => {
            let late = (r - last).num_days();
            j.fail(
                Problem::new(
                    "reimport.window_passed",
                    format!("반품일 {r}은 재수입 기간의 마지막 날 {last}보다 {late}일 늦습니다. 기간이 지나 재수입면세를 받을 수 없습니다."),
                    format!("The return date {r} is {late} days after the window's last day {last}; the window has passed, so the relief does not apply."),
                )
                .at("return_date")
                .with("last_day", last)
                .with("days_late", late),
            );
            CheckStatus::NotMet
        }
    };
    j.check(ReimportCondition::Window, status);
    Some(window)
}

fn check_condition(facts: &ReimportFacts, j: &mut Judge) {
    let status = match facts.condition {
        None => {
            j.missing(missing_fact(
                "condition",
                "돌아온 물품의 상태를 고르세요: 사용하지 않았고 변형 없음 / 해외에서 수리됨 / 가공됨 / 사용됨.",
                "Choose the goods' condition: unused and unaltered / repaired / processed / used abroad.",
            ));
            CheckStatus::Unknown
        }
        Some(GoodsCondition::UnusedUnaltered) => {
            j.step(
                "물품은 사용하지 않았고 해외에서 바뀐 것이 없습니다: 수출 때와 같은 물품입니다. 이 상태를 보여 주는 설명과 사진을 준비하세요.",
                "The goods are unused and were not altered abroad: the same goods that left. Prepare a description and photos showing that.",
            );
            CheckStatus::Met
        }
        Some(c) => {
            let (extra_ko, extra_en) = if c == GoodsCondition::UsedAbroad {
                (
                    " 다만 박람회·전시회 출품 등 법이 정한 예외가 있으니 해당하면 세관에 문의하세요.",
                    " There are exceptions in the law (e.g. goods shown at fairs or exhibitions); if one applies, ask customs.",
                )
            } else {
                (
                    " 다른 감면이 가능한지 세관에 문의하세요.",
                    " Ask customs whether another relief applies.",
                )
            };
            j.fail(
                Problem::new(
                    &format!("reimport.condition_{}", c.code()),
                    format!("물품 상태가 '{}'입니다. 해외에서 제조·가공·수리·사용된 물품은 재수입면세 대상이 아닙니다.{extra_ko}", c.label_ko()),
                    format!("The goods were {}. Goods manufactured, processed, repaired or used abroad do not qualify for duty-free re-import.{extra_en}", c.label_en()),
                )
                .at("condition")
                .with("condition", c.code()),
            );
            CheckStatus::NotMet
        }
    };
    j.check(ReimportCondition::Unaltered, status);
}

fn check_drawback(facts: &ReimportFacts, j: &mut Judge) {
    let status = match facts.drawback_status {
        None => {
            j.missing(missing_fact(
                "drawback_status",
                "수출할 때 관세환급을 받았는지 고르세요: 받지 않음 / 받음 / 반납함 / 서면으로 포기함.",
                "Choose whether a duty drawback was received on the export: none claimed / received / repaid / waived in writing.",
            ));
            CheckStatus::Unknown
        }
        Some(DrawbackStatus::Received) => {
            j.fail(
                Problem::new(
                    "reimport.drawback_received",
                    "이 수출에 대해 관세환급을 받았습니다. 받은 환급금을 반납하거나 환급받을 권리를 가진 사람이 서면으로 포기해야 재수입면세를 받을 수 있습니다. 반납·포기한 뒤 상태를 바꾸고 다시 확인하세요.",
                    "A duty drawback was received on this export. The relief applies only once the drawback is repaid, or the right to it is waived in writing by the person entitled. After repaying or waiving, update the status and check again.",
                )
                .at("drawback_status")
                .with("drawback_status", DrawbackStatus::Received.code()),
            );
            CheckStatus::NotMet
        }
        Some(s) => {
            let (ko, en) = match s {
                DrawbackStatus::Repaid => ("받은 관세환급금을 반납했습니다: 조건을 충족합니다. 반납 영수증을 준비하세요.", "The drawback received was repaid: the condition is met. Keep the repayment receipt."),
                DrawbackStatus::WaivedInWriting => ("환급받을 권리를 서면으로 포기했습니다: 조건을 충족합니다. 포기서를 첨부하세요.", "The right to the drawback was waived in writing: the condition is met. Attach the waiver."),
                _ => ("이 수출에 대해 관세환급을 받지 않았습니다: 조건을 충족합니다.", "No drawback was claimed on this export: the condition is met."),
            };
            j.step(ko, en);
            CheckStatus::Met
        }
    };
    j.check(ReimportCondition::Drawback, status);
}

fn check_quantities(facts: &ReimportFacts, j: &mut Judge) {
    if facts.lines.is_empty() {
        j.missing(missing_fact(
            "lines",
            "돌아온 품목(수출신고의 란)과 수량을 입력하세요.",
            "Enter the returned lines (lines of the export declaration) and their quantities.",
        ));
        j.check(ReimportCondition::Quantity, CheckStatus::Unknown);
        return;
    }
    let mut status = CheckStatus::Met;
    // NotMet outranks Unknown, which outranks Met.
    fn worse(s: CheckStatus, status: &mut CheckStatus) {
        if s == CheckStatus::NotMet || *status == CheckStatus::Met {
            *status = s;
        }
    }
    for (i, l) in facts.lines.iter().enumerate() {
        let field = format!("lines[{i}].quantity");
        if l.quantity <= Decimal::ZERO {
            j.missing(
                Problem::new(
                    "reimport.quantity_not_positive",
                    format!(
                        "{}란의 반품 수량은 0보다 커야 합니다 (지금 {}).",
                        l.line_no,
                        qty(l.quantity)
                    ),
                    format!(
                        "The quantity returned of line {} must be more than zero (now {}).",
                        l.line_no,
                        qty(l.quantity)
                    ),
                )
                .at(field),
            );
            worse(CheckStatus::Unknown, &mut status);
            continue;
        }
        match l.available {
            None => {
                j.missing(
                    Problem::new(
                        "reimport.missing.available",
                        format!("{}란이 수출 후 얼마나 남았는지(수출 수량 − 이전 반품) 알 수 없습니다. 수출신고의 란을 다시 고르세요.", l.line_no),
                        format!("How much of line {} may still come back (exported − returned before) is unknown; choose the declaration line again.", l.line_no),
                    )
                    .at(format!("lines[{i}].available")),
                );
                worse(CheckStatus::Unknown, &mut status);
            }
            Some(avail) if l.quantity > avail => {
                j.fail(
                    Problem::new(
                        "reimport.quantity_exceeds",
                        format!("{}란: 반품 수량 {}이(가) 수출 후 남은 수량 {}보다 많습니다. 수출한 것보다 많이 재수입면세를 받을 수 없습니다. 수량을 확인하세요.", l.line_no, qty(l.quantity), qty(avail)),
                        format!("Line {}: {} returned is more than the {} exported and not yet returned; relief cannot cover more than was exported. Check the quantity.", l.line_no, qty(l.quantity), qty(avail)),
                    )
                    .at(field)
                    .with("available", qty(avail))
                    .with("quantity", qty(l.quantity)),
                );
                worse(CheckStatus::NotMet, &mut status);
            }
            Some(avail) => {
                let (ko, en) = if l.quantity < avail {
                    (
                        format!(
                            "{}란: {}개 중 {}개가 돌아왔습니다 (부분 반품도 됩니다).",
                            l.line_no,
                            qty(avail),
                            qty(l.quantity)
                        ),
                        format!(
                            "Line {}: {} of the {} still out came back (a partial return is fine).",
                            l.line_no,
                            qty(l.quantity),
                            qty(avail)
                        ),
                    )
                } else {
                    (
                        format!(
                            "{}란: 남은 {}개가 모두 돌아왔습니다.",
                            l.line_no,
                            qty(avail)
                        ),
                        format!(
                            "Line {}: all {} still out came back.",
                            l.line_no,
                            qty(avail)
                        ),
                    )
                };
                j.step(ko, en);
            }
        }
    }
    j.check(ReimportCondition::Quantity, status);
}

fn simple_list(
    usd: Decimal,
    lines: &[ReimportLineFacts],
    on: NaiveDate,
    book: &Rulebook,
    j: &mut Judge,
) -> Option<Step> {
    // Before the facility existed (no version in force) there is nothing to say about it.
    let r = &book.reimport;
    let (max, rule) = use_rule(&r.simple_list_max_usd, "simple_list_max_usd", on).ok()?;
    let (comparison, rule_cmp) =
        use_rule(&r.simple_list_comparison, "simple_list_comparison", on).ok()?;
    let (basis, rule_basis) = use_rule(&r.simple_list_basis, "simple_list_basis", on).ok()?;
    let (max, comparison, basis) = (*max, *comparison, *basis);
    j.rules.extend([rule, rule_cmp, rule_basis]);
    let (usd_s, max_s) = (usd.normalize(), max.normalize());
    let (limit_ko, limit_en) = match comparison {
        LimitComparison::Under => (format!("{max_s}달러 미만"), format!("under USD {max_s}")),
        LimitComparison::AtMost => (format!("{max_s}달러 이하"), format!("USD {max_s} or less")),
    };
    let whole_within = comparison.within(usd, max);
    // Per item: each line of the return (one kind of goods of the export declaration) is compared
    // on its own. Known only when every line's dollar value is.
    let per_line: Option<Vec<(u32, Decimal)>> = lines
        .iter()
        .map(|l| l.value_usd.map(|v| (l.line_no, v)))
        .collect();
    match (whole_within, basis) {
        (true, _) => {
            let note = Step::new(
                format!("반품 물품 가격이 미화 {usd_s}달러로 {limit_ko}이므로, 증빙서류 없이 수입신고로 들여올 수 있습니다(목록통관이 아닌 수입신고입니다). 신고서에 원래 수출신고번호를 적으세요."),
                format!("The returned goods are worth USD {usd_s}, {limit_en}, so they may come back on an import declaration without supporting documents (an import declaration, not a list clearance). Give the original export declaration number on it."),
            );
            j.steps.push(note.clone());
            Some(note)
        }
        (false, LimitBasis::PerItem) => {
            let note = match per_line.filter(|p| !p.is_empty()) {
                Some(per_line) => {
                    let (within, over): (Vec<_>, Vec<_>) = per_line
                        .iter()
                        .partition(|(_, v)| comparison.within(*v, max));
                    let list = |xs: &[&(u32, Decimal)], ko: bool| {
                        xs.iter()
                            .map(|(no, v)| {
                                let v = v.normalize();
                                if ko {
                                    format!("{no}란 {v}달러")
                                } else {
                                    format!("line {no} USD {v}")
                                }
                            })
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    if over.is_empty() {
                        Step::new(
                            format!("반품 전체는 미화 {usd_s}달러이지만 {on}에는 한도를 품목별로 봅니다. 품목마다 {limit_ko}이므로({}) 모두 증빙서류 없이 수입신고로 들여올 수 있습니다(목록통관이 아닌 수입신고입니다). 원래 수출신고번호를 적으세요.", list(&within, true)),
                            format!("The whole return is USD {usd_s}, but on {on} the limit applies per item, and each item is {limit_en} ({}): all may come back on an import declaration without supporting documents (not a list clearance). Give the original export declaration number.", list(&within, false)),
                        )
                    } else if within.is_empty() {
                        j.step(
                            format!("{on}에는 한도를 품목별로 봅니다. 어느 품목도 {limit_ko}이 아니므로({}) 증빙서류를 갖춰 수입신고를 해야 합니다.", list(&over, true)),
                            format!("On {on} the limit applies per item, and no item is {limit_en} ({}): file an import declaration with the supporting documents.", list(&over, false)),
                        );
                        return None;
                    } else {
                        Step::new(
                            format!("{on}에는 한도를 품목별로 봅니다. {limit_ko}인 품목({})은 증빙서류 없이 수입신고할 수 있고, 나머지({})는 증빙서류를 갖춰 신고해야 합니다.", list(&within, true), list(&over, true)),
                            format!("On {on} the limit applies per item. The items {limit_en} ({}) may come back without supporting documents; the others ({}) need them.", list(&within, false), list(&over, false)),
                        )
                    }
                }
                None => Step::new(
                    format!("반품 전체는 미화 {usd_s}달러이지만 {on}에는 한도를 품목별로 봅니다: 한 품목의 가격이 {limit_ko}이면 그 품목은 증빙서류 없이 수입신고할 수 있습니다. 품목마다 가격을 확인하세요."),
                    format!("The whole return is USD {usd_s}, but on {on} the limit applies per item: an item worth {limit_en} may come back on an import declaration without supporting documents. Check each item's value."),
                ),
            };
            j.steps.push(note.clone());
            Some(note)
        }
        (false, LimitBasis::WholeReturn) => {
            j.step(
                format!("반품 물품 가격 미화 {usd_s}달러는 {limit_ko}이 아니므로 증빙서류를 갖춰 수입신고를 해야 합니다."),
                format!("At USD {usd_s} the returned goods are not {limit_en}; file an import declaration with the supporting documents."),
            );
            None
        }
    }
}

fn relief_in_verdict(
    facts: &ReimportFacts,
    book: &Rulebook,
    j: &mut Judge,
) -> Option<ReliefEstimate> {
    let on = facts.return_date?;
    let pairs: Option<Vec<(Decimal, Decimal)>> = facts
        .lines
        .iter()
        .map(|l| l.value_krw.zip(l.duty_rate_percent))
        .collect();
    match pairs {
        Some(pairs) if !pairs.is_empty() => match relief_estimate(&pairs, on, book) {
            Ok(r) => {
                j.rules.extend(r.rules.iter().cloned());
                Some(r)
            }
            Err(p) => {
                j.missing(p);
                None
            }
        },
        _ => {
            j.step(
                "품목마다 과세가격(원)과 관세율(%)을 넣으면 면제되는 관세를 추정해 보여 드립니다.",
                "Enter each line's customs value (KRW) and duty rate (%) to see an estimate of the duty relieved.",
            );
            None
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Relief estimate
// ---------------------------------------------------------------------------------------------

/// One line of the relief estimate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReliefLine {
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub customs_value_krw: Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub duty_rate_percent: Decimal,
    /// value × rate, rounded down to the won.
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub duty_krw: Decimal,
    /// value + duty.
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub vat_base_krw: Decimal,
    /// VAT base × VAT rate, rounded down to the won (estimate, to confirm).
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub vat_krw: Decimal,
}

/// Duty relieved by re-importing duty-free, and the VAT beside it (to confirm).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReliefEstimate {
    pub lines: Vec<ReliefLine>,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub total_customs_value_krw: Decimal,
    /// Sum of the lines' duty: the duty relief estimate.
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub duty_relief_krw: Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub vat_rate_percent: Decimal,
    /// Sum of the lines' VAT; shown apart from the duty and to be confirmed.
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub vat_krw: Decimal,
    /// Always true: both figures are estimates.
    pub estimate: bool,
    /// Always true: whether VAT is payable or also relieved must be confirmed with customs.
    pub vat_to_confirm: bool,
    pub label_ko: String,
    pub label_en: String,
    pub vat_label_ko: String,
    pub vat_label_en: String,
    pub steps: Vec<Step>,
    pub rules: Vec<RuleUsed>,
}

/// Estimate the relief for `(customs value in won, duty rate %)` per line, with the VAT rate in
/// force on `on` (the re-import date). Refuses negative values or rates.
pub fn relief_estimate(
    lines: &[(Decimal, Decimal)],
    on: NaiveDate,
    book: &Rulebook,
) -> Result<ReliefEstimate, Problem> {
    for (i, (value, rate)) in lines.iter().enumerate() {
        if value.is_sign_negative() && !value.is_zero() {
            return Err(Problem::new(
                "relief.negative_value",
                format!(
                    "{}번째 품목의 과세가격 {}이(가) 음수입니다. 0 이상으로 입력하세요.",
                    i + 1,
                    value.normalize()
                ),
                format!(
                    "The customs value of item {} ({}) is negative; enter zero or more.",
                    i + 1,
                    value.normalize()
                ),
            )
            .at(format!("lines[{i}].value_krw")));
        }
        if rate.is_sign_negative() && !rate.is_zero() {
            return Err(Problem::new(
                "relief.negative_rate",
                format!(
                    "{}번째 품목의 관세율 {}%가 음수입니다. 0 이상으로 입력하세요.",
                    i + 1,
                    rate.normalize()
                ),
                format!(
                    "The duty rate of item {} ({}%) is negative; enter zero or more.",
                    i + 1,
                    rate.normalize()
                ),
            )
            .at(format!("lines[{i}].duty_rate_percent")));
        }
    }
    let (vat_rate, rule) = use_rule(&book.reimport.vat_rate_percent, "vat_rate_percent", on)?;
    let vat_rate = *vat_rate;
    let hundred = Decimal::ONE_HUNDRED;
    let down = KrwRounding::Down;
    let out: Vec<ReliefLine> = lines
        .iter()
        .map(|&(value, rate)| {
            let duty = down.apply(value * rate / hundred);
            let base = value + duty;
            ReliefLine {
                customs_value_krw: value,
                duty_rate_percent: rate,
                duty_krw: duty,
                vat_base_krw: base,
                vat_krw: down.apply(base * vat_rate / hundred),
            }
        })
        .collect();
    let total_value: Decimal = out.iter().map(|l| l.customs_value_krw).sum();
    let duty: Decimal = out.iter().map(|l| l.duty_krw).sum();
    let vat: Decimal = out.iter().map(|l| l.vat_krw).sum();
    let rate_s = vat_rate.normalize();
    let steps = vec![
        Step::new(
            format!("품목마다 과세가격 × 입력한 관세율을 원 미만 버림으로 계산해 더했습니다: 과세가격 합계 {}, 면제되는 관세 추정 {}.", format_krw(total_value), format_krw(duty)),
            format!("Per line, customs value × the duty rate entered, rounded down to the won, then added: customs value {} in all, estimated duty relief {}.", format_krw(total_value), format_krw(duty)),
        ),
        Step::new(
            format!("부가가치세는 (과세가격 + 관세) × {rate_s}%로 따로 추정했습니다: {}. 재수입 물품은 부가가치세도 면제될 수 있으므로 이 금액은 세관에 확인해야 합니다.", format_krw(vat)),
            format!("VAT is estimated separately as (customs value + duty) × {rate_s}%: {}. Re-imported goods may be VAT-exempt as well, so confirm this figure with customs.", format_krw(vat)),
        ),
        Step::new(
            "두 금액 모두 추정치입니다. 관세율과 과세가격(돌아오는 운임·보험료 포함 여부)은 세관이 정합니다.",
            "Both figures are estimates; customs settles the duty rate and the customs value (including whether return freight and insurance count).",
        ),
    ];
    Ok(ReliefEstimate {
        lines: out,
        total_customs_value_krw: total_value,
        duty_relief_krw: duty,
        vat_rate_percent: vat_rate,
        vat_krw: vat,
        estimate: true,
        vat_to_confirm: true,
        label_ko: format!("면제되는 관세 (추정): {}", format_krw(duty)),
        label_en: format!("Duty relieved (estimate): {}", format_krw(duty)),
        vat_label_ko: format!("부가가치세 (추정, 확인 필요): {}", format_krw(vat)),
        vat_label_en: format!("VAT (estimate, to confirm): {}", format_krw(vat)),
        steps,
        rules: vec![rule],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn n(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// Declaration 7: line 1 of 10 EA (3 already returned elsewhere), line 2 of 2.5 KG.
    fn stock() -> Vec<ExportedLine> {
        vec![
            ExportedLine {
                declaration_id: 7,
                line_no: 1,
                unit: "EA".into(),
                exported: n("10"),
                returned_by_others: n("3"),
            },
            ExportedLine {
                declaration_id: 7,
                line_no: 2,
                unit: "KG".into(),
                exported: n("2.5"),
                returned_by_others: n("0"),
            },
        ]
    }

    fn draft(lines: &[(u32, &str)]) -> ReturnDraft {
        ReturnDraft {
            order_id: Some(3),
            declaration_id: 7,
            return_date: "2026-11-04".into(),
            reason: "order_cancellation".into(),
            carrier: "EMS".into(),
            tracking_no: "EE123456789KR".into(),
            condition: "unused_unaltered".into(),
            drawback_status: "none_claimed".into(),
            note: String::new(),
            lines: lines
                .iter()
                .map(|(no, q)| ReturnLineDraft {
                    declaration_id: 7,
                    line_no: *no,
                    quantity: q.to_string(),
                    duty_rate_percent: "8".into(),
                })
                .collect(),
        }
    }

    /// Accepted Mon 2024-11-04, loaded the next day: the window ends Wed 2026-11-04.
    fn facts() -> ReimportFacts {
        ReimportFacts {
            declaration_state: Some(DeclarationState::Loaded),
            declaration_no: Some("12345-24-1234567X".into()),
            accepted_on: Some(d("2024-11-04")),
            loaded_on: Some(d("2024-11-05")),
            return_date: Some(d("2026-11-04")),
            condition: Some(GoodsCondition::UnusedUnaltered),
            drawback_status: Some(DrawbackStatus::NoneClaimed),
            lines: vec![ReimportLineFacts {
                line_no: 1,
                quantity: n("2"),
                available: Some(n("7")),
                value_krw: Some(n("100000")),
                duty_rate_percent: Some(n("8")),
                value_usd: None,
            }],
            value_usd: Some(n("72")),
        }
    }

    fn codes(ps: &[Problem]) -> Vec<&str> {
        ps.iter().map(|p| p.code.as_str()).collect()
    }

    fn status(v: &ReimportVerdict, c: ReimportCondition) -> CheckStatus {
        v.checks.iter().find(|x| x.condition == c).unwrap().status
    }

    #[test]
    fn partial_return_validates() {
        let r = draft(&[(1, "2"), (2, "0.5")])
            .validate(11, &stock())
            .unwrap();
        assert_eq!(r.id, 11);
        assert_eq!(r.reason, ReturnReason::OrderCancellation);
        assert_eq!(r.claim_state, ClaimState::Draft);
        assert_eq!(r.quantity_of(1), n("2"));
        assert_eq!(r.lines[1].duty_rate_percent, Some(n("8")));
        // Round trip through the form.
        assert_eq!(r.to_draft().validate(11, &stock()).unwrap(), r);
        // Exactly what is left is fine.
        assert!(draft(&[(1, "7")]).validate(1, &stock()).is_ok());
    }

    #[test]
    fn a_second_return_cannot_exceed_what_is_left() {
        let e = draft(&[(1, "8")]).validate(1, &stock()).unwrap_err();
        let p = &e.0[0];
        assert_eq!(p.code, "return.quantity_exceeds");
        assert_eq!(p.field.as_deref(), Some("lines[0].quantity"));
        assert_eq!(p.params["available"], "7");
        assert!(p
            .message_en
            .contains("10 EA were exported and 3 already came back"));
        assert!(p.message_ko.contains("7까지만"));
        // After a first return of 7, another return of line 1 has nothing left.
        let mut after = stock();
        after[0].returned_by_others = n("10");
        let e = draft(&[(1, "1")]).validate(2, &after).unwrap_err();
        assert_eq!(codes(&e.0), ["return.quantity_exceeds"]);
    }

    #[test]
    fn every_field_is_checked_at_once() {
        let mut bad = draft(&[(1, "0"), (9, "1"), (2, "abc")]);
        bad.return_date = "2026-13-40".into();
        bad.reason = String::new();
        bad.condition = "broken".into();
        bad.drawback_status = " ".into();
        bad.lines.push(ReturnLineDraft {
            declaration_id: 7,
            line_no: 1,
            quantity: "1".into(),
            duty_rate_percent: String::new(),
        });
        bad.lines.push(ReturnLineDraft {
            declaration_id: 8,
            line_no: 1,
            quantity: "1".into(),
            duty_rate_percent: "-1".into(),
        });
        let e = bad.validate(1, &stock()).unwrap_err();
        let fields: Vec<&str> = e.0.iter().filter_map(|p| p.field.as_deref()).collect();
        for f in [
            "return_date",
            "reason",
            "condition",
            "drawback_status",
            "lines[0].quantity",
            "lines[1].line_no",
            "lines[2].quantity",
            "lines[3].line_no",
            "lines[4].line_no",
            "lines[4].duty_rate_percent",
        ] {
            assert!(fields.contains(&f), "{f} missing from {fields:?}");
        }
        assert!(codes(&e.0).contains(&"reason.empty"));
        assert!(codes(&e.0).contains(&"condition.invalid"));
        assert!(codes(&e.0).contains(&"return.line_twice"));
        assert!(codes(&e.0).contains(&"return.line_other_declaration"));
        // Pieces come back whole; an empty return is refused.
        let e = draft(&[(1, "1.5")]).validate(1, &stock()).unwrap_err();
        assert_eq!(codes(&e.0), ["return.quantity_fraction"]);
        let e = draft(&[]).validate(1, &stock()).unwrap_err();
        assert_eq!(e.0[0].field.as_deref(), Some("lines"));
    }

    #[test]
    fn choices_parse_codes_and_labels() {
        assert_eq!(
            ReturnReason::parse("Change of mind"),
            Some(ReturnReason::ChangeOfMind)
        );
        assert_eq!(
            DrawbackStatus::parse("waived-in-writing"),
            Some(DrawbackStatus::WaivedInWriting)
        );
        assert_eq!(
            GoodsCondition::parse("해외에서 수리됨"),
            Some(GoodsCondition::Repaired)
        );
        assert_eq!(ClaimState::parse("nope"), None);
        assert_eq!(
            serde_json::to_string(&GoodsCondition::UsedAbroad).unwrap(),
            "\"used_abroad\""
        );
    }

    #[test]
    fn claim_goes_draft_filed_decided() {
        let mut r = draft(&[(1, "2")]).validate(1, &stock()).unwrap();
        assert_eq!(
            r.decide_claim(true, d("2026-11-10")).unwrap_err().code,
            "claim.cannot_decide"
        );
        r.file_claim(d("2026-11-05"), " 11111-26-7654321M ")
            .unwrap();
        assert_eq!(r.claim_state, ClaimState::Filed);
        assert_eq!(
            r.import_declaration_no.as_deref(),
            Some("11111-26-7654321M")
        );
        assert_eq!(
            r.file_claim(d("2026-11-06"), "").unwrap_err().code,
            "claim.cannot_file"
        );
        assert_eq!(
            r.decide_claim(true, d("2026-11-04")).unwrap_err().code,
            "claim.decided_before_filed"
        );
        r.decide_claim(false, d("2026-11-12")).unwrap();
        assert_eq!(r.claim_state, ClaimState::Denied);
        assert_eq!(r.decided_on, Some(d("2026-11-12")));
    }

    #[test]
    fn eligible_on_the_last_day_of_the_window_and_not_the_day_after() {
        let b = Rulebook::bundled();
        let v = eligibility(&facts(), &b);
        assert_eq!(v.outcome, ReimportOutcome::Eligible, "{:?}", v.missing);
        assert_eq!(v.window_last_day, Some(d("2026-11-04")));
        assert!(v.checks.iter().all(|c| c.status == CheckStatus::Met));
        assert!(v
            .rules
            .iter()
            .any(|r| r.key == "reimport_years" && r.verified));
        assert!(v.steps.iter().any(|s| s.ko.contains("12345-24-1234567X")));
        assert!(v.steps.iter().all(|s| !s.ko.is_empty() && !s.en.is_empty()));

        let late = ReimportFacts {
            return_date: Some(d("2026-11-05")),
            ..facts()
        };
        let v = eligibility(&late, &b);
        assert_eq!(v.outcome, ReimportOutcome::NotEligible);
        assert_eq!(codes(&v.not_met), ["reimport.window_passed"]);
        assert_eq!(v.not_met[0].params["days_late"], "1");
        assert_eq!(status(&v, ReimportCondition::Window), CheckStatus::NotMet);
        assert!(v.relief.is_none());
    }

    #[test]
    fn the_window_ends_on_the_moved_deadline() {
        // Accepted 2024-02-29: 2 years end Sat 2026-02-28; moved past 삼일절 and its substitute.
        let b = Rulebook::bundled();
        let f = ReimportFacts {
            accepted_on: Some(d("2024-02-29")),
            loaded_on: Some(d("2024-03-02")),
            return_date: Some(d("2026-03-03")),
            ..facts()
        };
        let v = eligibility(&f, &b);
        assert_eq!(v.window_last_day, Some(d("2026-03-03")));
        assert_eq!(v.window.as_ref().unwrap().date.raw, d("2026-02-28"));
        assert_eq!(v.outcome, ReimportOutcome::Eligible);
        let next = ReimportFacts {
            return_date: Some(d("2026-03-04")),
            ..f
        };
        assert_eq!(eligibility(&next, &b).outcome, ReimportOutcome::NotEligible);
    }

    #[test]
    fn accepted_but_not_loaded_asks_for_the_loading() {
        let b = Rulebook::bundled();
        let f = ReimportFacts {
            declaration_state: Some(DeclarationState::Accepted),
            loaded_on: None,
            ..facts()
        };
        let v = eligibility(&f, &b);
        assert_eq!(v.outcome, ReimportOutcome::MissingInformation);
        assert_eq!(codes(&v.missing), ["reimport.not_loaded"]);
        assert_eq!(v.missing[0].field.as_deref(), Some("loaded_on"));
        assert!(v.missing[0].message_en.contains("withdraw"));
        // Recording the loading date settles it.
        let loaded = ReimportFacts {
            loaded_on: Some(d("2024-11-06")),
            ..f
        };
        assert_eq!(eligibility(&loaded, &b).outcome, ReimportOutcome::Eligible);
        // Never accepted, or cancelled: not exported at all.
        for state in [DeclarationState::Filed, DeclarationState::Cancelled] {
            let f = ReimportFacts {
                declaration_state: Some(state),
                ..facts()
            };
            let v = eligibility(&f, &b);
            assert_eq!(v.outcome, ReimportOutcome::NotEligible);
            assert_eq!(status(&v, ReimportCondition::Exported), CheckStatus::NotMet);
        }
    }

    #[test]
    fn drawback_received_fails_repaid_or_waived_passes() {
        let b = Rulebook::bundled();
        let with = |s| {
            eligibility(
                &ReimportFacts {
                    drawback_status: Some(s),
                    ..facts()
                },
                &b,
            )
        };
        let v = with(DrawbackStatus::Received);
        assert_eq!(v.outcome, ReimportOutcome::NotEligible);
        assert_eq!(codes(&v.not_met), ["reimport.drawback_received"]);
        assert!(v.not_met[0].message_ko.contains("서면으로 포기"));
        assert_eq!(
            with(DrawbackStatus::Repaid).outcome,
            ReimportOutcome::Eligible
        );
        assert_eq!(
            with(DrawbackStatus::WaivedInWriting).outcome,
            ReimportOutcome::Eligible
        );
    }

    #[test]
    fn altered_goods_fail_and_an_unknown_condition_is_missing() {
        let b = Rulebook::bundled();
        for c in [
            GoodsCondition::Repaired,
            GoodsCondition::Processed,
            GoodsCondition::UsedAbroad,
        ] {
            let v = eligibility(
                &ReimportFacts {
                    condition: Some(c),
                    ..facts()
                },
                &b,
            );
            assert_eq!(v.outcome, ReimportOutcome::NotEligible, "{c:?}");
            assert_eq!(v.not_met[0].field.as_deref(), Some("condition"));
        }
        let v = eligibility(
            &ReimportFacts {
                condition: None,
                ..facts()
            },
            &b,
        );
        assert_eq!(v.outcome, ReimportOutcome::MissingInformation);
        assert_eq!(codes(&v.missing), ["reimport.missing.condition"]);
        assert_eq!(
            status(&v, ReimportCondition::Unaltered),
            CheckStatus::Unknown
        );
        // A failed condition outranks missing facts.
        let v = eligibility(
            &ReimportFacts {
                condition: Some(GoodsCondition::Repaired),
                drawback_status: None,
                ..facts()
            },
            &b,
        );
        assert_eq!(v.outcome, ReimportOutcome::NotEligible);
        assert_eq!(codes(&v.missing), ["reimport.missing.drawback_status"]);
    }

    #[test]
    fn quantities_partial_full_too_many_unknown() {
        let b = Rulebook::bundled();
        let with = |q: &str, avail: Option<&str>| {
            let mut f = facts();
            f.lines[0].quantity = n(q);
            f.lines[0].available = avail.map(n);
            eligibility(&f, &b)
        };
        let partial = with("2", Some("7"));
        assert_eq!(partial.outcome, ReimportOutcome::Eligible);
        assert!(partial.steps.iter().any(|s| s.en.contains("partial")));
        assert_eq!(with("7", Some("7")).outcome, ReimportOutcome::Eligible);
        let over = with("8", Some("7"));
        assert_eq!(codes(&over.not_met), ["reimport.quantity_exceeds"]);
        assert_eq!(over.not_met[0].field.as_deref(), Some("lines[0].quantity"));
        let unknown = with("2", None);
        assert_eq!(unknown.outcome, ReimportOutcome::MissingInformation);
        assert_eq!(
            unknown.missing[0].field.as_deref(),
            Some("lines[0].available")
        );
        let empty = eligibility(
            &ReimportFacts {
                lines: vec![],
                ..facts()
            },
            &b,
        );
        assert_eq!(codes(&empty.missing), ["reimport.missing.lines"]);
    }

    #[test]
    fn nothing_known_lists_everything_missing() {
        let v = eligibility(&ReimportFacts::default(), &Rulebook::bundled());
        assert_eq!(v.outcome, ReimportOutcome::MissingInformation);
        let fields: Vec<&str> = v
            .missing
            .iter()
            .filter_map(|p| p.field.as_deref())
            .collect();
        assert_eq!(
            fields,
            [
                "declaration_state",
                "accepted_on",
                "return_date",
                "condition",
                "drawback_status",
                "lines"
            ]
        );
        // The stateless JSON case of the CLI: omitted fields are unknown.
        let parsed: ReimportFacts = serde_json::from_str(
            r#"{"declaration_state":"loaded","accepted_on":"2024-11-04","return_date":"2026-11-04",
                "declaration_no":"12345-24-1234567X","condition":"unused_unaltered",
                "drawback_status":"repaid","value_usd":"150",
                "lines":[{"line_no":1,"quantity":"2","available":"7"}]}"#,
        )
        .unwrap();
        let v = eligibility(&parsed, &Rulebook::bundled());
        assert_eq!(v.outcome, ReimportOutcome::Eligible, "{:?}", v.missing);
        assert!(v.relief.is_none());
        assert!(serde_json::to_string(&v)
            .unwrap()
            .contains("\"outcome\":\"eligible\""));
    }

    #[test]
    fn small_returns_under_usd_150_by_whole_return_then_per_item() {
        let b = Rulebook::bundled();
        let at = |usd: &str, on: &str| {
            eligibility(
                &ReimportFacts {
                    value_usd: Some(n(usd)),
                    return_date: Some(d(on)),
                    ..facts()
                },
                &b,
            )
        };
        // Whole return (before the 2025-11-20 advance notice): under USD 150 only.
        let under = at("149.99", "2025-06-02");
        let note = under.simple_list_note.expect("under USD 150 qualifies");
        assert!(note.en.contains("import declaration") && note.en.contains("not a list clearance"));
        assert!(note.ko.contains("150달러 미만") && note.ko.contains("수입신고"));
        for key in [
            "simple_list_max_usd",
            "simple_list_comparison",
            "simple_list_basis",
        ] {
            let rule = under.rules.iter().find(|r| r.key == key).expect(key);
            assert!(!rule.source.is_empty(), "{key}");
        }
        assert!(
            at("150", "2025-06-02").simple_list_note.is_none(),
            "150 is not under 150"
        );
        assert!(at("150.01", "2025-06-02").simple_list_note.is_none());
        // Per item (from 2025-11-20): a larger return may still have items under the limit.
        assert!(at("149.99", "2026-11-04").simple_list_note.is_some());
        let per_item = at("150", "2026-11-04")
            .simple_list_note
            .expect("per-item advice");
        assert!(per_item.en.contains("per item"), "{}", per_item.en);
        assert!(at("150.01", "2026-11-04").simple_list_note.is_some());
        // Per item with each line's dollar value known: each line is judged on its own, on both
        // sides of the limit.
        let lines_at = |values: &[&str]| {
            let lines = values
                .iter()
                .enumerate()
                .map(|(i, v)| ReimportLineFacts {
                    line_no: i as u32 + 1,
                    value_usd: Some(n(v)),
                    ..facts().lines[0].clone()
                })
                .collect();
            let total: Decimal = values.iter().map(|v| n(v)).sum();
            eligibility(
                &ReimportFacts {
                    value_usd: Some(total),
                    return_date: Some(d("2026-11-04")),
                    lines,
                    ..facts()
                },
                &b,
            )
        };
        let all = lines_at(&["149.99", "149.99"]).simple_list_note.unwrap();
        assert!(all.en.contains("all may come back"), "{}", all.en);
        assert!(all.en.contains("line 1 USD 149.99, line 2 USD 149.99"));
        let mixed = lines_at(&["149.99", "150"]).simple_list_note.unwrap();
        assert!(mixed.en.contains("(line 1 USD 149.99)"), "{}", mixed.en);
        assert!(mixed.en.contains("others (line 2 USD 150) need them"));
        assert!(mixed.ko.contains("2란 150달러"));
        let none = lines_at(&["150", "150.01"]);
        assert!(none.simple_list_note.is_none());
        assert!(none
            .steps
            .iter()
            .any(|s| s.en.contains("no item is under USD 150")));
        // Before 2017-09-01 the facility did not exist: nothing is said, nothing is missing.
        let early = at("100", "2017-08-31");
        assert!(early.simple_list_note.is_none());
        assert!(!early.rules.iter().any(|r| r.key == "simple_list_max_usd"));
        let unknown = eligibility(
            &ReimportFacts {
                value_usd: None,
                ..facts()
            },
            &b,
        );
        assert!(unknown.simple_list_note.is_none());
    }

    #[test]
    fn relief_arithmetic_rounds_down_per_line() {
        let b = Rulebook::bundled();
        let r = relief_estimate(
            &[
                (n("123457"), n("8")),
                (n("99999"), n("6.5")),
                (n("5000"), n("0")),
            ],
            d("2026-11-04"),
            &b,
        )
        .unwrap();
        // 123457 × 8% = 9876.56 → 9876; 99999 × 6.5% = 6499.935 → 6499; 0.
        assert_eq!(
            r.lines.iter().map(|l| l.duty_krw).collect::<Vec<_>>(),
            [n("9876"), n("6499"), n("0")]
        );
        assert_eq!(r.duty_relief_krw, n("16375"));
        assert_eq!(r.total_customs_value_krw, n("228456"));
        // VAT on value + duty: 133333 × 10% → 13333; 106498 → 10649; 5000 → 500.
        assert_eq!(r.lines[0].vat_base_krw, n("133333"));
        assert_eq!(r.vat_krw, n("13333") + n("10649") + n("500"));
        assert_eq!(r.vat_rate_percent, n("10"));
        assert!(r.estimate && r.vat_to_confirm);
        assert!(r.label_en.contains("estimate") && r.vat_label_en.contains("to confirm"));
        assert!(r.label_ko.contains("추정") && r.vat_label_ko.contains("확인 필요"));
        assert_eq!(r.rules[0].key, "vat_rate_percent");
        assert!(r.rules[0].source.contains("부가가치세법 제30조"));
        assert!(!r.rules[0].verified);
        assert_eq!(
            relief_estimate(&[(n("-1"), n("8"))], d("2026-11-04"), &b)
                .unwrap_err()
                .code,
            "relief.negative_value"
        );
        assert_eq!(
            relief_estimate(&[], d("2026-11-04"), &b)
                .unwrap()
                .duty_relief_krw,
            n("0")
        );
        // In the verdict, when every line has a value and a rate.
        let v = eligibility(&facts(), &b);
        assert_eq!(v.relief.unwrap().duty_relief_krw, n("8000"));
    }

    #[test]
    fn facts_from_saved_records() {
        let b = Rulebook::bundled();
        use crate::declaration::{DeclarationKind, DeclarationLine};
        use crate::incoterm::Incoterm;
        use crate::money::Currency;
        let decl = Declaration {
            id: 7,
            state: DeclarationState::Loaded,
            declared_on: d("2024-11-01"),
            order_ids: vec![3],
            order_numbers: vec!["A-1".into()],
            buyer_id: None,
            buyer_name: "B".into(),
            buyer_country: "US".into(),
            destination_country: "US".into(),
            currency: Currency::USD,
            incoterm: Incoterm::Fob,
            freight_insurance: n("0"),
            freight_source: "entered".into(),
            freight_separate: None,
            rate: n("1400"),
            invoice_total: n("100"),
            fob_total: n("100"),
            fob_krw: n("140000"),
            kind: DeclarationKind::Simplified,
            kind_reason_ko: String::new(),
            kind_reason_en: String::new(),
            list_clearance_possible: false,
            non_conforming: false,
            conditional_reexport: false,
            transport_mode: "air".into(),
            loading_port: "ICN".into(),
            courier_code: String::new(),
            declaration_no: Some("12345-24-1234567X".into()),
            filed_on: Some(d("2024-11-01")),
            accepted_on: Some(d("2024-11-04")),
            loading_raw: None,
            loading_due: None,
            extensions: vec![],
            loaded_on: Some(d("2024-11-05")),
            bl_awb: String::new(),
            carrier: String::new(),
            provisional: false,
            confirmed_paid_on: None,
            final_price_raw: None,
            final_price_due: None,
            final_fob_krw: None,
            final_filed_on: None,
            cancelled_on: None,
            cancel_reason: String::new(),
            lines: vec![DeclarationLine {
                line_no: 1,
                order_id: 3,
                order_line_no: 1,
                product_id: None,
                hs_code: None,
                name_ko: String::new(),
                name_en: "Mask".into(),
                brand: String::new(),
                model_spec: String::new(),
                quantity: n("10"),
                unit: "EA".into(),
                net_weight_kg: None,
                origin_country: Some("KR".into()),
                needs_permit: false,
                amount: n("100"),
                discount: Decimal::ZERO,
                deduction: n("0"),
                fob: n("100"),
                fob_krw: n("140000"),
            }],
        };
        let stock = ExportedLine::from_declaration(&decl, &[(1, n("3"))]);
        assert_eq!(stock[0].available(), n("7"));
        let ret = draft(&[(1, "3")]).validate(1, &stock).unwrap();
        let f = ReimportFacts::from_records(&decl, &ret, &stock, Some(n("1400")));
        assert_eq!(f.lines[0].value_krw, Some(n("42000")));
        assert_eq!(f.lines[0].value_usd, Some(n("30")));
        assert_eq!(f.value_usd, Some(n("30")));
        assert_eq!(f.lines[0].available, Some(n("7")));
        let v = eligibility(&f, &b);
        assert_eq!(v.outcome, ReimportOutcome::Eligible, "{:?}", v.missing);
        assert_eq!(v.relief.unwrap().duty_relief_krw, n("3360"));
        assert!(v.simple_list_note.is_some());
    }

    #[test]
    fn the_vat_rate_is_listed_in_the_rulebook() {
        let shown = Rulebook::bundled().show_on(d("2026-11-04"));
        let vat = shown.iter().find(|v| v.key == "vat_rate_percent").unwrap();
        assert_eq!(
            (vat.file.as_str(), vat.value.as_deref(), vat.verified),
            ("reimport.toml", Some("10"), Some(false))
        );
    }
}
