//! The export declaration (수출신고) decisions: the FOB value in won and the kind of declaration.
//!
//! FOB (본선인도가격) is the value up to loading on the international carrier. When the sale's
//! Incoterm includes the main carriage (CFR, CIF, CPT, CIP, DAP, DPU, DDP) the international freight
//! and insurance are taken out; the deduction is spread over the lines in proportion to their
//! amounts so that the lines add up exactly. The won value uses the KCS customs rate of the week of
//! the declaration date and the rounding rule in force.
//!
//! The kind is the lightest one the law allows: the simplified declaration (간이수출신고) when the
//! FOB total is within the limit in force on the declaration date, no line needs a permit checked
//! by customs (세관장확인대상) and the case is neither non-conforming nor a conditional re-export;
//! otherwise the regular declaration. List clearance by the carrier (목록통관) is mentioned when
//! possible, with what the seller gives up.

use crate::deadline::{use_rule, RuleUsed, Step};
use crate::incoterm::Incoterm;
use crate::money::{format_krw, format_rate, to_krw, Currency, KrwRounding};
use crate::problem::Problem;
use crate::rulebook::Rulebook;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A line's sale amount in the invoice currency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ValueLine {
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    /// The product needs a permit that customs checks (세관장확인대상).
    #[serde(default)]
    pub needs_permit: bool,
}

/// One line's FOB.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FobLine {
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    /// Share of freight and insurance taken out of this line.
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub deduction: Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub fob: Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub fob_krw: Decimal,
}

/// The FOB computation, line by line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FobValue {
    pub currency: Currency,
    pub incoterm: Incoterm,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub invoice_total: Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub deduction: Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub fob_total: Decimal,
    /// Won per unit of the currency (the week's customs rate; 1 for KRW).
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub rate: Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub fob_krw: Decimal,
    pub lines: Vec<FobLine>,
    pub steps: Vec<Step>,
    pub rules: Vec<RuleUsed>,
}

/// The freight (and insurance) of a sale, and whether the buyer paid it on top of the goods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Freight {
    pub amount: Decimal,
    pub separate: Option<bool>,
}

impl Freight {
    pub fn new(amount: Decimal, separate: Option<bool>) -> Freight {
        Freight { amount, separate }
    }
}

/// Compute the FOB value. `freight.amount` is the freight (and insurance) of the sale (from the
/// orders' shipping fee or entered by the user); it is ignored for Incoterms that end at or before
/// loading (EXW, FCA, FAS, FOB). `freight.separate` says whether the buyer paid it on top of the
/// line amounts (a marketplace's shipping charge: the line amounts are the goods alone, so nothing
/// is taken out) or inside them (`Some(false)`: taken out to reach FOB). `None` (not known) is
/// computed as inside, and a step says the answer is needed.
pub fn fob_value(
    lines: &[ValueLine],
    currency: Currency,
    incoterm: Incoterm,
    freight: Freight,
    rate: Decimal,
    declared_on: NaiveDate,
    book: &Rulebook,
) -> Result<FobValue, Problem> {
    let Freight {
        amount: freight_insurance,
        separate: freight_separate,
    } = freight;
    if lines.is_empty() {
        return Err(Problem::new(
            "declaration.no_lines",
            "신고할 품목이 없습니다. 주문을 하나 이상 고르세요.",
            "There are no lines to declare; choose at least one order.",
        ));
    }
    // Every product below (line shares, won amounts) is bounded by the total squared or the
    // total times the rate: when those fit, nothing below can overflow.
    let fits = lines
        .iter()
        .try_fold(freight_insurance, |sum, l| sum.checked_add(l.amount))
        .and_then(|t| t.checked_mul(t).and(t.checked_mul(rate)));
    if fits.is_none() {
        return Err(Problem::new(
            "declaration.value_too_large",
            "금액이 너무 커서 계산할 수 없습니다. 수량, 단가, 운임·보험료와 환율을 확인하세요.",
            "The amounts are too large to compute. Check the quantities, unit prices, freight and insurance, and the rate.",
        ));
    }
    let (rounding, rule) = use_rule(&book.declaration.krw_rounding, "krw_rounding", declared_on)?;
    let invoice_total: Decimal = lines.iter().map(|l| l.amount).sum();
    let mut steps = vec![Step::new(
        format!(
            "품목 {}줄의 금액 합계: {currency} {invoice_total} ({incoterm} 조건).",
            lines.len()
        ),
        format!(
            "Sum of the {} line amounts: {currency} {invoice_total} ({incoterm}).",
            lines.len()
        ),
    )];
    let deduction = if incoterm.includes_main_carriage() {
        if freight_insurance.is_sign_negative() {
            return Err(Problem::new(
                "declaration.freight_negative",
                "운임·보험료는 0 이상이어야 합니다.",
                "Freight and insurance cannot be negative.",
            )
            .at("freight_insurance"));
        }
        let what_ko = if incoterm.includes_insurance() {
            "국제운임과 보험료가"
        } else {
            "국제운임이"
        };
        let what_en = if incoterm.includes_insurance() {
            "international freight and insurance"
        } else {
            "international freight"
        };
        if freight_separate == Some(true) {
            let paid = invoice_total + freight_insurance;
            steps.push(Step::new(
                format!("구매자가 배송비 {currency} {freight_insurance}을(를) 상품값과 따로 냈으므로 품목 금액에는 {what_ko} 들어 있지 않습니다. 품목 금액 합계가 곧 FOB입니다 (구매자가 낸 총액 {currency} {paid})."),
                format!("The buyer paid {currency} {freight_insurance} for shipping on top of the goods, so the line amounts hold no {what_en}: their sum is the FOB value (the buyer paid {currency} {paid} in all)."),
            ));
            Decimal::ZERO
        } else {
            if freight_separate.is_none() && !freight_insurance.is_zero() {
                steps.push(Step::new(
                "구매자가 배송비를 상품값과 따로 냈는지 알 수 없어, 배송비가 상품값에 들어 있다고 보고 뺐습니다. 따로 냈다면 빼지 않은 품목 금액 합계가 FOB이니, 어느 쪽인지 답하세요.",
                "Whether the buyer paid shipping on top of the goods is not known, so the shipping fee was taken as included in the prices and taken out. If the buyer paid it separately, the FOB value is the line total without this deduction: say which it is.",
            ));
            }
            steps.push(if freight_insurance.is_zero() {
            Step::new(
                format!("{incoterm} 가격에는 {what_ko} 들어 있지만 주문의 배송비가 0이라 뺄 금액이 없습니다. 실제 운임을 따로 냈다면 그 금액을 입력하세요."),
                format!("A {incoterm} price includes {what_en}, but the orders' shipping fee is 0, so nothing is taken out. If you paid the carriage separately, enter that amount."),
            )
        } else {
            Step::new(
                format!("{incoterm} 가격에는 {what_ko} 들어 있으므로 {currency} {freight_insurance}만큼 빼서 FOB로 바꿉니다."),
                format!("A {incoterm} price includes {what_en}, so {currency} {freight_insurance} is taken out to reach FOB."),
            )
        });
            freight_insurance
        }
    } else {
        let note_ko = match incoterm {
            Incoterm::Exw | Incoterm::Fca | Incoterm::Fas => {
                " (적재까지의 국내 비용이 따로 있으면 더해야 합니다)"
            }
            _ => "",
        };
        let note_en = match incoterm {
            Incoterm::Exw | Incoterm::Fca | Incoterm::Fas => {
                " (add any domestic costs up to loading if you paid them separately)"
            }
            _ => "",
        };
        steps.push(Step::new(
            format!("{incoterm} 가격에는 국제운임이 없으므로 그대로 FOB로 봅니다{note_ko}."),
            format!("A {incoterm} price holds no international freight, so it is taken as FOB{note_en}."),
        ));
        Decimal::ZERO
    };
    if deduction > invoice_total {
        return Err(Problem::new(
            "declaration.freight_exceeds_value",
            format!("빼야 할 운임·보험료({currency} {deduction})가 상품 금액 합계({currency} {invoice_total})보다 큽니다. 운임 금액을 확인하세요."),
            format!("The freight and insurance to take out ({currency} {deduction}) exceed the goods total ({currency} {invoice_total}); check the freight amount."),
        )
        .at("freight_insurance"));
    }
    let fob_total = invoice_total - deduction;
    let fob_krw = to_krw(fob_total, rate, *rounding);
    if currency == Currency::KRW {
        steps.push(Step::new(
            format!("FOB 합계: {}.", format_krw(fob_krw)),
            format!("FOB total: {}.", format_krw(fob_krw)),
        ));
    } else {
        let how_ko = match rounding {
            KrwRounding::Down => "원 미만 절사",
            KrwRounding::HalfUp => "원 미만 반올림",
        };
        let how_en = match rounding {
            KrwRounding::Down => "below one won dropped",
            KrwRounding::HalfUp => "rounded to the won",
        };
        steps.push(Step::new(
            format!(
                "FOB {currency} {fob_total} × 과세환율 {} = {} ({how_ko}).",
                format_rate(rate),
                format_krw(fob_krw)
            ),
            format!(
                "FOB {currency} {fob_total} × customs rate {} = {} ({how_en}).",
                format_rate(rate),
                format_krw(fob_krw)
            ),
        ));
    }
    let lines = split_over_lines(lines, deduction, fob_krw, rate, *rounding, currency);
    Ok(FobValue {
        currency,
        incoterm,
        invoice_total,
        deduction,
        fob_total,
        rate,
        fob_krw,
        lines,
        steps,
        rules: vec![rule],
    })
}

/// Spread the deduction and the won total over the lines in proportion to their amounts; the
/// last line takes the remainder so that every column adds up exactly.
fn split_over_lines(
    lines: &[ValueLine],
    deduction: Decimal,
    fob_krw: Decimal,
    rate: Decimal,
    rounding: KrwRounding,
    currency: Currency,
) -> Vec<FobLine> {
    let total: Decimal = lines.iter().map(|l| l.amount).sum();
    let mut out = Vec::with_capacity(lines.len());
    let (mut ded_left, mut krw_left) = (deduction, fob_krw);
    for (i, l) in lines.iter().enumerate() {
        let last = i + 1 == lines.len();
        let share = if last || total.is_zero() {
            ded_left
        } else {
            currency.round(deduction * l.amount / total)
        };
        let fob = l.amount - share;
        let krw = if last {
            krw_left
        } else {
            to_krw(fob, rate, rounding).min(krw_left)
        };
        ded_left -= share;
        krw_left -= krw;
        out.push(FobLine {
            amount: l.amount,
            deduction: share,
            fob,
            fob_krw: krw,
        });
    }
    out
}

/// The declaration kinds, from lightest to fullest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DeclarationKind {
    /// 간이수출신고
    Simplified,
    /// 일반 수출신고
    Regular,
}

impl DeclarationKind {
    pub fn label_ko(self) -> &'static str {
        match self {
            DeclarationKind::Simplified => "간이수출신고",
            DeclarationKind::Regular => "일반 수출신고",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            DeclarationKind::Simplified => "simplified export declaration",
            DeclarationKind::Regular => "regular export declaration",
        }
    }
}

/// Facts besides the value that decide the kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct KindFacts {
    /// Lines (1-based) whose product needs a customs-checked permit.
    pub permit_lines: Vec<u32>,
    /// A non-conforming goods case (e.g. goods returned for not matching the contract).
    #[serde(default)]
    pub non_conforming: bool,
    /// A conditional re-export (goods temporarily imported on condition of re-export).
    #[serde(default)]
    pub conditional_reexport: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KindVerdict {
    pub kind: DeclarationKind,
    /// The carrier may clear it on its list (목록통관) instead.
    pub list_clearance_possible: bool,
    /// The reason in one sentence.
    pub reason_ko: String,
    pub reason_en: String,
    pub steps: Vec<Step>,
    pub rules: Vec<RuleUsed>,
}

/// Decide the declaration kind for a FOB total in won on `declared_on`.
pub fn decide_kind(
    fob_krw: Decimal,
    facts: &KindFacts,
    declared_on: NaiveDate,
    book: &Rulebook,
) -> Result<KindVerdict, Problem> {
    let (limit, r1) = use_rule(
        &book.declaration.simplified_limit_krw,
        "simplified_limit_krw",
        declared_on,
    )?;
    let (list_limit, r2) = use_rule(
        &book.declaration.list_clearance_limit_krw,
        "list_clearance_limit_krw",
        declared_on,
    )?;
    let mut steps = Vec::new();
    // A limit of 0 in the rulebook: the simplified declaration did not exist yet on that date.
    let scheme = !limit.is_zero();
    let within = scheme && fob_krw <= *limit;
    steps.push(if !scheme {
        Step::new(
            format!("{declared_on}에는 전자상거래 간이수출신고 제도가 아직 없었습니다(규정집에 그날 시행 중인 한도가 없음). 일반 수출신고입니다."),
            format!("On {declared_on} the e-commerce simplified export declaration did not exist yet (no limit in force that day in the rulebook): a regular declaration."),
        )
    } else if within {
        Step::new(
            format!("FOB 합계 {}는 {declared_on}에 시행 중인 간이수출신고 한도 {} 이하입니다.", format_krw(fob_krw), format_krw(*limit)),
            format!("The FOB total {} is within the simplified declaration limit of {} in force on {declared_on}.", format_krw(fob_krw), format_krw(*limit)),
        )
    } else {
        Step::new(
            format!("FOB 합계 {}는 {declared_on}에 시행 중인 간이수출신고 한도 {}를 {} 넘습니다.", format_krw(fob_krw), format_krw(*limit), format_krw(fob_krw - *limit)),
            format!("The FOB total {} exceeds the simplified declaration limit of {} in force on {declared_on} by {}.", format_krw(fob_krw), format_krw(*limit), format_krw(fob_krw - *limit)),
        )
    });
    if !facts.permit_lines.is_empty() {
        let lines: Vec<String> = facts.permit_lines.iter().map(|l| l.to_string()).collect();
        steps.push(Step::new(
            format!("{}번째 줄 상품은 세관장확인대상이라 간이수출신고를 할 수 없습니다.", lines.join(", ")),
            format!("Line(s) {} need a permit checked by customs, which rules out the simplified declaration.", lines.join(", ")),
        ));
    }
    if facts.non_conforming {
        steps.push(Step::new(
            "계약 내용과 다른 물품(위약물품) 건은 간이수출신고 대상이 아닙니다.",
            "A non-conforming goods case cannot use the simplified declaration.",
        ));
    }
    if facts.conditional_reexport {
        steps.push(Step::new(
            "조건부 재수출 건은 간이수출신고 대상이 아닙니다.",
            "A conditional re-export cannot use the simplified declaration.",
        ));
    }
    let simplified = within
        && facts.permit_lines.is_empty()
        && !facts.non_conforming
        && !facts.conditional_reexport;
    let kind = if simplified {
        DeclarationKind::Simplified
    } else {
        DeclarationKind::Regular
    };
    let (reason_ko, reason_en) = if simplified {
        (
            format!("FOB {}가 한도 {} 이하이고 세관장확인대상 품목이 없어 간이수출신고로 충분합니다.", format_krw(fob_krw), format_krw(*limit)),
            format!("FOB {} is within the {} limit and no line needs a customs-checked permit, so a simplified declaration is enough.", format_krw(fob_krw), format_krw(*limit)),
        )
    } else if !scheme {
        (
            format!("{declared_on}에는 간이수출신고 제도가 없어 일반 수출신고를 해야 합니다."),
            format!("There was no simplified declaration on {declared_on}, so a regular declaration is needed."),
        )
    } else if !within {
        (
            format!(
                "FOB {}가 간이수출신고 한도 {}를 넘어 일반 수출신고를 해야 합니다.",
                format_krw(fob_krw),
                format_krw(*limit)
            ),
            format!(
                "FOB {} exceeds the simplified limit of {}, so a regular declaration is needed.",
                format_krw(fob_krw),
                format_krw(*limit)
            ),
        )
    } else if !facts.permit_lines.is_empty() {
        (
            "세관장확인대상 품목이 있어 일반 수출신고를 해야 합니다.".to_string(),
            "A line needs a customs-checked permit, so a regular declaration is needed."
                .to_string(),
        )
    } else {
        (
            "위약물품 또는 조건부 재수출 건이라 일반 수출신고를 해야 합니다.".to_string(),
            "It is a non-conforming or conditional re-export case, so a regular declaration is needed.".to_string(),
        )
    };
    let list_clearance_possible = fob_krw <= *list_limit && facts.permit_lines.is_empty();
    if list_clearance_possible {
        steps.push(Step::new(
            format!(
                "{} 이하라서 운송사가 목록으로 통관(목록통관)할 수도 있습니다. 다만 목록통관은 관세환급을 받을 수 없고 부가세 영세율 증빙이 되지 않습니다.",
                format_krw(*list_limit)
            ),
            format!(
                "At or below {} the carrier may clear it on its list (list clearance) instead; but then you cannot claim a duty drawback and have no evidence for VAT zero-rating.",
                format_krw(*list_limit)
            ),
        ));
    }
    Ok(KindVerdict {
        kind,
        list_clearance_possible,
        reason_ko,
        reason_en,
        steps,
        rules: vec![r1, r2],
    })
}

/// Check the shape of a declaration number (수출신고번호): `NNNNN-YY-NNNNNNN` plus a check
/// character, hyphens optional. The make-up beyond that is not published, so an unusual number is
/// a warning, never a refusal.
pub fn check_declaration_no(input: &str) -> (String, Option<Problem>) {
    let compact: String = input
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .collect::<String>()
        .to_ascii_uppercase();
    let looks_right = compact.len() == 15
        && compact[..14].chars().all(|c| c.is_ascii_digit())
        && compact[14..].chars().all(|c| c.is_ascii_alphanumeric());
    if looks_right {
        let formatted = format!("{}-{}-{}", &compact[..5], &compact[5..7], &compact[7..]);
        return (formatted, None);
    }
    let warning = Problem::new(
        "declaration_no.unusual",
        format!("수출신고번호 '{}'는 보통 형식(12345-26-1234567X: 신고인부호 5자리-연도 2자리-일련번호 7자리+확인 1자리)과 다릅니다. 수리 통지서의 번호와 같은지 확인하세요. 그대로 저장합니다.", input.trim()),
        format!("The declaration number '{}' differs from the usual form (12345-26-1234567X: 5-digit declarant code, 2-digit year, 7-digit serial + check character). Check it against the acceptance notice; it is saved as entered.", input.trim()),
    )
    .at("declaration_no");
    (input.trim().to_string(), Some(warning))
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

    fn lines(amounts: &[&str]) -> Vec<ValueLine> {
        amounts
            .iter()
            .map(|a| ValueLine {
                amount: n(a),
                needs_permit: false,
            })
            .collect()
    }

    #[test]
    fn fob_takes_out_freight_for_dap_and_keeps_fob_prices() {
        let b = Rulebook::bundled();
        let on = d("2026-11-27");
        let v = fob_value(
            &lines(&["30.00", "10.00"]),
            Currency::USD,
            Incoterm::Dap,
            Freight::new(n("8.00"), None),
            n("1385.2"),
            on,
            &b,
        )
        .unwrap();
        assert_eq!(v.fob_total, n("32.00"));
        assert_eq!(v.fob_krw, n("44326")); // 32 × 1385.2 = 44326.4 → down
        assert_eq!(v.lines[0].deduction, n("6.00"));
        assert_eq!(v.lines[1].deduction, n("2.00"));
        assert_eq!(
            v.lines.iter().map(|l| l.fob_krw).sum::<Decimal>(),
            v.fob_krw
        );
        let fob = fob_value(
            &lines(&["30.00"]),
            Currency::USD,
            Incoterm::Fob,
            Freight::new(n("8.00"), None),
            n("1385.2"),
            on,
            &b,
        )
        .unwrap();
        assert_eq!(fob.deduction, Decimal::ZERO);
        assert_eq!(
            fob_value(
                &lines(&["5"]),
                Currency::USD,
                Incoterm::Cif,
                Freight::new(n("6"), None),
                n("1"),
                on,
                &b
            )
            .unwrap_err()
            .code,
            "declaration.freight_exceeds_value"
        );
        assert_eq!(
            fob_value(
                &[],
                Currency::USD,
                Incoterm::Fob,
                Freight::new(n("0"), None),
                n("1"),
                on,
                &b
            )
            .unwrap_err()
            .code,
            "declaration.no_lines"
        );
    }

    /// Issue 15: Shopify charges shipping on top of the goods. Goods 91.80 after the discount,
    /// shipping 18.00: FOB is the goods, 91.80, not 91.80 − 18.00.
    #[test]
    fn shipping_paid_on_top_is_not_taken_out_of_the_goods() {
        let b = Rulebook::bundled();
        let on = d("2026-11-27");
        let at = |separate| {
            fob_value(
                &lines(&["57.60", "34.20"]),
                Currency::USD,
                Incoterm::Dap,
                Freight::new(n("18.00"), separate),
                n("1450.30"),
                on,
                &b,
            )
            .unwrap()
        };
        let on_top = at(Some(true));
        assert_eq!(on_top.fob_total, n("91.80"));
        assert_eq!(on_top.deduction, Decimal::ZERO);
        assert!(on_top
            .steps
            .iter()
            .any(|s| s.en.contains("the buyer paid USD 109.80 in all")));
        let inside = at(Some(false));
        assert_eq!(inside.fob_total, n("73.80"));
        let unknown = at(None);
        assert_eq!(unknown.fob_total, n("73.80"));
        assert!(unknown
            .steps
            .iter()
            .any(|s| s.en.contains("say which it is")));
        assert!(!inside
            .steps
            .iter()
            .any(|s| s.en.contains("Answer the question")));
    }

    #[test]
    fn line_shares_add_up_exactly() {
        let b = Rulebook::bundled();
        let v = fob_value(
            &lines(&["1.00", "1.00", "1.00"]),
            Currency::USD,
            Incoterm::Ddp,
            Freight::new(n("1.00"), None),
            n("1333.33"),
            d("2026-11-27"),
            &b,
        )
        .unwrap();
        assert_eq!(
            v.lines.iter().map(|l| l.deduction).sum::<Decimal>(),
            n("1.00")
        );
        assert_eq!(
            v.lines.iter().map(|l| l.fob_krw).sum::<Decimal>(),
            v.fob_krw
        );
    }

    #[test]
    fn kind_at_the_limit_and_one_won_over_under_both_regimes() {
        let b = Rulebook::bundled();
        let new_from = b
            .declaration
            .simplified_limit_krw
            .versions
            .last()
            .unwrap()
            .effective_from();
        let old_day = new_from.pred_opt().unwrap();
        let none = KindFacts::default();
        assert_eq!(
            decide_kind(n("5000000"), &none, new_from, &b).unwrap().kind,
            DeclarationKind::Simplified
        );
        assert_eq!(
            decide_kind(n("5000001"), &none, new_from, &b).unwrap().kind,
            DeclarationKind::Regular
        );
        assert_eq!(
            decide_kind(n("4000000"), &none, old_day, &b).unwrap().kind,
            DeclarationKind::Simplified
        );
        let old = decide_kind(n("4000001"), &none, old_day, &b).unwrap();
        assert_eq!(old.kind, DeclarationKind::Regular);
        assert!(old.reason_ko.contains("₩4,000,000"));
        // The same order judged under the new regime.
        let new = decide_kind(n("4500000"), &none, new_from, &b).unwrap();
        assert_eq!(new.kind, DeclarationKind::Simplified);
        assert!(new
            .rules
            .iter()
            .any(|r| r.value == "5000000" && !r.verified));
    }

    #[test]
    fn permits_and_special_cases_force_regular_and_list_clearance_is_offered() {
        let b = Rulebook::bundled();
        let on = d("2026-11-27");
        let permit = KindFacts {
            permit_lines: vec![2],
            ..Default::default()
        };
        let v = decide_kind(n("100000"), &permit, on, &b).unwrap();
        assert_eq!(v.kind, DeclarationKind::Regular);
        assert!(!v.list_clearance_possible);
        let small = decide_kind(n("2000000"), &KindFacts::default(), on, &b).unwrap();
        assert!(small.list_clearance_possible);
        assert!(small.steps.last().unwrap().ko.contains("관세환급"));
        assert!(
            !decide_kind(n("2000001"), &KindFacts::default(), on, &b)
                .unwrap()
                .list_clearance_possible
        );
        let cond = KindFacts {
            conditional_reexport: true,
            ..Default::default()
        };
        assert_eq!(
            decide_kind(n("1"), &cond, on, &b).unwrap().kind,
            DeclarationKind::Regular
        );
    }

    #[test]
    fn declaration_numbers_warn_but_never_refuse() {
        let (f, w) = check_declaration_no("12345-26-1234567a");
        assert_eq!(f, "12345-26-1234567A");
        assert!(w.is_none());
        let (f, w) = check_declaration_no("ABC-1");
        assert_eq!(f, "ABC-1");
        assert_eq!(w.unwrap().code, "declaration_no.unusual");
    }
}

/// Where a declaration is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DeclarationState {
    /// 작성 중: being prepared, not yet sent.
    Draft,
    /// 신고: sent to customs, awaiting acceptance.
    Filed,
    /// 수리: accepted; the loading deadline runs.
    Accepted,
    /// 적재 완료: loaded on the carrier.
    Loaded,
    /// 취하·취소
    Cancelled,
}

impl DeclarationState {
    pub fn code(self) -> &'static str {
        match self {
            DeclarationState::Draft => "draft",
            DeclarationState::Filed => "filed",
            DeclarationState::Accepted => "accepted",
            DeclarationState::Loaded => "loaded",
            DeclarationState::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<DeclarationState> {
        [
            DeclarationState::Draft,
            DeclarationState::Filed,
            DeclarationState::Accepted,
            DeclarationState::Loaded,
            DeclarationState::Cancelled,
        ]
        .into_iter()
        .find(|st| st.code() == s)
    }

    pub fn label_ko(self) -> &'static str {
        match self {
            DeclarationState::Draft => "작성 중",
            DeclarationState::Filed => "신고함",
            DeclarationState::Accepted => "수리됨",
            DeclarationState::Loaded => "적재 완료",
            DeclarationState::Cancelled => "취소됨",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            DeclarationState::Draft => "draft",
            DeclarationState::Filed => "filed",
            DeclarationState::Accepted => "accepted",
            DeclarationState::Loaded => "loaded",
            DeclarationState::Cancelled => "cancelled",
        }
    }
}

/// One line (란) of a declaration, taken from an order line and its product. A value the product
/// does not have stays `None` and is listed as a field to fill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DeclarationLine {
    pub line_no: u32,
    pub order_id: i64,
    pub order_line_no: u32,
    pub product_id: Option<i64>,
    /// HSK, 10 digits.
    pub hs_code: Option<String>,
    /// 품명 (Korean)
    pub name_ko: String,
    /// 거래품명 (the trade name, English)
    pub name_en: String,
    pub brand: String,
    pub model_spec: String,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub quantity: Decimal,
    pub unit: String,
    /// Net weight of the whole line in kg.
    #[ts(type = "string | null")]
    #[serde(with = "rust_decimal::serde::str_option")]
    pub net_weight_kg: Option<Decimal>,
    pub origin_country: Option<String>,
    pub needs_permit: bool,
    /// What the buyer paid for the line's goods (after discounts): the invoice amount.
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    /// The discounts the line's price had (for the invoice: price, discount, amount).
    #[ts(type = "string")]
    #[serde(default, with = "rust_decimal::serde::str")]
    pub discount: Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub deduction: Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub fob: Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub fob_krw: Decimal,
}

/// A loading-period extension granted (적재기간 연장).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LoadingExtension {
    pub requested_on: NaiveDate,
    pub new_date: NaiveDate,
    /// The new deadline after moving past non-working days.
    pub due: NaiveDate,
    pub reason: String,
}

/// An export declaration (수출신고) as the app keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Declaration {
    pub id: i64,
    pub state: DeclarationState,
    /// The declaration date: the rules in force on it judge the declaration.
    pub declared_on: NaiveDate,
    pub order_ids: Vec<i64>,
    /// Marketplace order numbers, for the e-commerce fields.
    pub order_numbers: Vec<String>,
    pub buyer_id: Option<i64>,
    pub buyer_name: String,
    pub buyer_country: String,
    pub destination_country: String,
    pub currency: Currency,
    pub incoterm: Incoterm,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub freight_insurance: Decimal,
    /// "orders" when taken from the orders' shipping fees, "entered" when typed by the user.
    pub freight_source: String,
    /// Whether the buyer paid the freight on top of the line amounts (then it is not taken out to
    /// reach FOB); `None` = not known, asked on the declaration.
    pub freight_separate: Option<bool>,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub rate: Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub invoice_total: Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub fob_total: Decimal,
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub fob_krw: Decimal,
    pub kind: DeclarationKind,
    pub kind_reason_ko: String,
    pub kind_reason_en: String,
    pub list_clearance_possible: bool,
    pub non_conforming: bool,
    pub conditional_reexport: bool,
    /// 운송수단: air, sea, post, courier.
    pub transport_mode: String,
    /// 적재항 (e.g. ICN, PUS).
    pub loading_port: String,
    /// 특송업체부호 (courier code), on e-commerce declarations since 2022.
    pub courier_code: String,
    pub declaration_no: Option<String>,
    pub filed_on: Option<NaiveDate>,
    pub accepted_on: Option<NaiveDate>,
    /// The loading deadline in force (after extensions), while it runs or after it closed.
    pub loading_raw: Option<NaiveDate>,
    pub loading_due: Option<NaiveDate>,
    pub extensions: Vec<LoadingExtension>,
    pub loaded_on: Option<NaiveDate>,
    pub bl_awb: String,
    pub carrier: String,
    /// 잠정가격신고: the price is provisional until the final price is declared.
    pub provisional: bool,
    pub confirmed_paid_on: Option<NaiveDate>,
    pub final_price_raw: Option<NaiveDate>,
    pub final_price_due: Option<NaiveDate>,
    #[ts(type = "string | null")]
    #[serde(with = "rust_decimal::serde::str_option")]
    pub final_fob_krw: Option<Decimal>,
    pub final_filed_on: Option<NaiveDate>,
    pub cancelled_on: Option<NaiveDate>,
    pub cancel_reason: String,
    pub lines: Vec<DeclarationLine>,
}

/// A field the declaration's kind requires that is still empty, and where to fill it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FieldIssue {
    /// The field key (`exporter.customs_code`, `line.hs_code`).
    pub field: String,
    /// 1-based line (란) for line fields.
    pub line: Option<u32>,
    /// The product to open for line fields.
    pub product_id: Option<i64>,
    pub label_ko: String,
    pub label_en: String,
    /// Where to fix it, in words.
    pub fix_ko: String,
    pub fix_en: String,
    /// The screen that fixes it: `settings`, `products`, `orders` or `declaration`.
    pub screen: String,
}

/// (key, label ko, label en, where ko, where en, screen)
const FIELDS: &[(&str, &str, &str, &str, &str, &str)] = &[
    (
        "freight_separate",
        "배송비를 따로 냈는지",
        "whether the buyer paid shipping separately",
        "신고서 › 가격 계산의 질문에 답하세요",
        "Answer the question under the declaration's value",
        "declaration",
    ),
    (
        "exporter.name",
        "수출화주 상호",
        "exporter name",
        "설정 › 판매자 정보",
        "Settings › Seller profile",
        "settings",
    ),
    (
        "exporter.business_no",
        "사업자등록번호",
        "business registration number",
        "설정 › 판매자 정보",
        "Settings › Seller profile",
        "settings",
    ),
    (
        "exporter.customs_code",
        "통관고유부호",
        "customs code",
        "설정 › 판매자 정보",
        "Settings › Seller profile",
        "settings",
    ),
    (
        "exporter.representative",
        "대표자",
        "representative",
        "설정 › 판매자 정보",
        "Settings › Seller profile",
        "settings",
    ),
    (
        "exporter.address",
        "수출화주 주소",
        "exporter address",
        "설정 › 판매자 정보",
        "Settings › Seller profile",
        "settings",
    ),
    (
        "buyer.name",
        "해외구매자 이름",
        "overseas buyer name",
        "주문 › 구매자",
        "Orders › buyer",
        "orders",
    ),
    (
        "buyer.country",
        "해외구매자 국가",
        "overseas buyer country",
        "구매자 화면",
        "Buyers screen",
        "orders",
    ),
    (
        "destination_country",
        "목적국",
        "destination country",
        "주문 › 도착국",
        "Orders › destination",
        "orders",
    ),
    (
        "currency",
        "통화",
        "currency",
        "주문 › 통화",
        "Orders › currency",
        "orders",
    ),
    (
        "incoterm",
        "인도조건",
        "Incoterm",
        "주문 › 인도조건",
        "Orders › Incoterm",
        "orders",
    ),
    (
        "transport_mode",
        "운송수단",
        "transport mode",
        "이 신고서 › 운송 정보",
        "This declaration › transport",
        "declaration",
    ),
    (
        "loading_port",
        "적재항",
        "loading port",
        "이 신고서 › 운송 정보",
        "This declaration › transport",
        "declaration",
    ),
    (
        "order_numbers",
        "주문번호",
        "order numbers",
        "주문",
        "Orders",
        "orders",
    ),
    (
        "line.hs_code",
        "HS 부호 (HSK 10자리)",
        "HS code (10-digit HSK)",
        "상품 › HS 코드",
        "Products › HS code",
        "products",
    ),
    (
        "line.name_ko",
        "품명",
        "description (Korean)",
        "상품 › 한글 품명",
        "Products › Korean name",
        "products",
    ),
    (
        "line.name_en",
        "거래품명 (영문)",
        "trade name (English)",
        "상품 › 영문 품명",
        "Products › English name",
        "products",
    ),
    (
        "line.brand",
        "상표",
        "brand",
        "상품 › 브랜드",
        "Products › brand",
        "products",
    ),
    (
        "line.model_spec",
        "모델·규격",
        "model/spec",
        "상품 › 모델·규격",
        "Products › model/spec",
        "products",
    ),
    (
        "line.quantity",
        "수량",
        "quantity",
        "주문 › 품목",
        "Orders › lines",
        "orders",
    ),
    (
        "line.unit",
        "수량 단위",
        "quantity unit",
        "상품 › 단위",
        "Products › unit",
        "products",
    ),
    (
        "line.net_weight",
        "순중량",
        "net weight",
        "상품 › 순중량",
        "Products › net weight",
        "products",
    ),
    (
        "line.origin",
        "원산지",
        "origin",
        "상품 › 원산지",
        "Products › origin",
        "products",
    ),
];

/// The exporter facts a declaration takes from the seller profile.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Exporter {
    pub name: String,
    pub business_no: String,
    pub customs_code: String,
    pub representative: String,
    pub address: String,
}

fn issue(key: &str, line: Option<&DeclarationLine>) -> FieldIssue {
    let f = FIELDS.iter().find(|f| f.0 == key).copied().unwrap_or((
        key,
        key,
        key,
        "",
        "",
        "declaration",
    ));
    FieldIssue {
        field: key.to_string(),
        line: line.map(|l| l.line_no),
        product_id: line.and_then(|l| l.product_id),
        label_ko: f.1.to_string(),
        label_en: f.2.to_string(),
        fix_ko: f.3.to_string(),
        fix_en: f.4.to_string(),
        screen: f.5.to_string(),
    }
}

/// Every required field that is still empty, in field-list order, line fields per line.
pub fn missing_fields(
    d: &Declaration,
    exporter: &Exporter,
    required: &[String],
) -> Vec<FieldIssue> {
    let blank = |s: &str| s.trim().is_empty();
    let mut out = Vec::new();
    for key in required {
        let head_missing = match key.as_str() {
            "exporter.name" => Some(blank(&exporter.name)),
            "exporter.business_no" => Some(blank(&exporter.business_no)),
            "exporter.customs_code" => Some(blank(&exporter.customs_code)),
            "exporter.representative" => Some(blank(&exporter.representative)),
            "exporter.address" => Some(blank(&exporter.address)),
            "buyer.name" => Some(blank(&d.buyer_name)),
            "buyer.country" => Some(blank(&d.buyer_country)),
            "destination_country" => Some(blank(&d.destination_country)),
            "currency" | "incoterm" => Some(false),
            "transport_mode" => Some(blank(&d.transport_mode)),
            "loading_port" => Some(blank(&d.loading_port)),
            "order_numbers" => Some(d.order_numbers.is_empty()),
            _ => None,
        };
        match head_missing {
            Some(true) => out.push(issue(key, None)),
            Some(false) => {}
            None => {
                for l in &d.lines {
                    let missing = match key.as_str() {
                        "line.hs_code" => l.hs_code.as_deref().is_none_or(|h| h.len() != 10),
                        "line.name_ko" => blank(&l.name_ko),
                        "line.name_en" => blank(&l.name_en),
                        "line.brand" => blank(&l.brand),
                        "line.model_spec" => blank(&l.model_spec),
                        "line.quantity" => l.quantity <= Decimal::ZERO,
                        "line.unit" => blank(&l.unit),
                        "line.net_weight" => l.net_weight_kg.is_none(),
                        "line.origin" => l.origin_country.as_deref().is_none_or(blank),
                        _ => false,
                    };
                    if missing {
                        out.push(issue(key, Some(l)));
                    }
                }
            }
        }
    }
    // Whatever the kind: the FOB value depends on the answer, so it has to be given.
    if d.incoterm.includes_main_carriage()
        && !d.freight_insurance.is_zero()
        && d.freight_separate.is_none()
    {
        out.insert(0, issue("freight_separate", None));
    }
    out
}

#[cfg(test)]
mod history_tests {
    use super::*;

    #[test]
    fn the_limit_follows_its_history_on_both_sides_of_each_change() {
        let book = Rulebook::bundled();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let kind = |fob: i64, on: &str| {
            decide_kind(Decimal::from(fob), &KindFacts::default(), d(on), &book).unwrap()
        };
        // The scheme started on 2014-07-30.
        let before = kind(1_000_000, "2014-07-29");
        assert_eq!(before.kind, DeclarationKind::Regular);
        assert!(
            before.reason_ko.contains("제도가 없어"),
            "{}",
            before.reason_ko
        );
        assert_eq!(
            kind(1_000_000, "2014-07-30").kind,
            DeclarationKind::Simplified
        );
        // ₩2,000,000 until 2024-07-31, ₩4,000,000 from 2024-08-01.
        assert_eq!(kind(3_000_000, "2024-07-31").kind, DeclarationKind::Regular);
        assert_eq!(
            kind(3_000_000, "2024-08-01").kind,
            DeclarationKind::Simplified
        );
        assert_eq!(kind(4_500_000, "2024-08-01").kind, DeclarationKind::Regular);
        assert_eq!(
            kind(4_500_000, "2025-08-28").kind,
            DeclarationKind::Simplified
        );
    }
}
