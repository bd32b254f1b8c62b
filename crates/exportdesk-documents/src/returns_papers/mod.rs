//! Returned goods paperwork (반품·재수입 서류), from the rules crate's re-import records and verdict:
//!
//! - [`reimport_claim_pdf`] — the duty-free re-import claim file (재수입 면세 신청 자료) for one
//!   return: the applicant, the original export declaration, the returned lines and quantities,
//!   the reason and transport, a condition statement and a drawback statement, the eligibility
//!   verdict with its checklist and the window's last day, the relief estimate, the claim's
//!   state, an evidence checklist with boxes to tick, and a signature block. It is the seller's
//!   own file to take to customs or a broker, not the official import declaration.
//! - [`returns_month_pdf`] — the month's returns on one table (반품 월간 요약), with totals and
//!   counts by reason and by claim state.
//!
//! Both are self-checks prepared from the facts entered, and say so in Korean and English.

mod claim;
mod month;

#[cfg(test)]
mod tests;

pub use claim::reimport_claim_pdf;
pub use month::{returns_month_pdf, ReturnSummaryRow, ReturnsMonth};

use crate::layout::Tone;
use chrono::NaiveDate;
use exportdesk_rules::declaration::Declaration;
use exportdesk_rules::records::Seller;
use exportdesk_rules::reimport::{
    CheckStatus, ClaimState, ReimportOutcome, ReimportVerdict, ReturnRecord,
};

/// What the claim file prints, borrowed from the app's return view.
#[derive(Debug, Clone, Copy)]
pub struct ReimportClaim<'a> {
    /// The applicant; without one the applicant fields are left to fill in by hand.
    pub seller: Option<&'a Seller>,
    /// The export declaration the goods left on, with its lines.
    pub declaration: &'a Declaration,
    /// The return (its lines refer to the declaration's lines).
    pub ret: &'a ReturnRecord,
    /// `eligibility` of the return's facts.
    pub verdict: &'a ReimportVerdict,
    /// The date printed on the papers.
    pub today: NaiveDate,
}

/// An empty checkbox to tick by hand.
const BOX: &str = "□";

/// The self-check notice both documents carry.
const SELF_CHECK_KO: &str = "이 자료는 입력한 사실로 앱이 만든 자가 점검 자료이며 세관의 결정이 아닙니다. 재수입면세를 신청하기 전에 세관 또는 관세사에게 조건과 서류를 확인하세요.";
const SELF_CHECK_EN: &str = "A self-check prepared by the app from the facts entered, not a customs decision. Verify the conditions and the papers with customs or a licensed customs broker before claiming duty-free re-import.";

fn outcome_label(o: ReimportOutcome) -> (&'static str, &'static str, Tone) {
    match o {
        ReimportOutcome::Eligible => ("재수입면세 대상", "Eligible", Tone::Good),
        ReimportOutcome::NotEligible => ("재수입면세 대상 아님", "Not eligible", Tone::Bad),
        ReimportOutcome::MissingInformation => {
            ("판단 보류 — 정보 부족", "Missing information", Tone::Warn)
        }
    }
}

fn check_label(s: CheckStatus) -> (&'static str, &'static str, Tone) {
    match s {
        CheckStatus::Met => ("충족", "met", Tone::Good),
        CheckStatus::NotMet => ("불충족", "not met", Tone::Bad),
        CheckStatus::Unknown => ("확인 필요", "unknown", Tone::Warn),
    }
}

fn claim_tone(s: ClaimState) -> Tone {
    match s {
        ClaimState::Draft => Tone::Neutral,
        ClaimState::Filed => Tone::Info,
        ClaimState::Granted => Tone::Good,
        ClaimState::Denied => Tone::Bad,
    }
}

/// Empty text as "—".
fn or_dash(s: &str) -> String {
    let t = s.trim();
    if t.is_empty() {
        "—".to_string()
    } else {
        t.to_string()
    }
}
