//! Validated identifiers of the people and papers in an export.
//!
//! Format checks follow published structures only. Where a structure is not published (the
//! internal make-up of a 통관고유부호), the app checks what is certain (length, alphabet) and no
//! more: a real number must never be refused because of a guessed rule.

use crate::problem::Problem;
use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

fn compact(input: &str) -> String {
    input
        .chars()
        .filter(|c| !matches!(c, '-' | ' ' | '\u{a0}' | '.'))
        .collect()
}

/// Business registration number (사업자등록번호): 10 digits `NNN-NN-NNNNN`, the last a check digit
/// computed with the weights 1,3,7,1,3,7,1,3,5.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
#[ts(type = "string")]
pub struct BusinessNo(String);

impl BusinessNo {
    pub fn parse(input: &str) -> Result<BusinessNo, Problem> {
        let digits = compact(input);
        let field = "business_no";
        if digits.is_empty() {
            return Err(Problem::new(
                "business_no.empty",
                "사업자등록번호를 입력하세요 (예: 123-45-67890).",
                "Enter the business registration number (e.g. 123-45-67890).",
            )
            .at(field));
        }
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(Problem::new(
                "business_no.not_digits",
                format!(
                    "사업자등록번호는 숫자 10자리입니다. '{}'에 숫자가 아닌 문자가 있습니다.",
                    input.trim()
                ),
                format!(
                    "A business registration number is 10 digits; '{}' contains other characters.",
                    input.trim()
                ),
            )
            .at(field)
            .with("value", input.trim()));
        }
        if digits.len() != 10 {
            return Err(Problem::new(
                "business_no.length",
                format!(
                    "사업자등록번호는 숫자 10자리입니다. 입력한 번호는 {}자리입니다.",
                    digits.len()
                ),
                format!(
                    "A business registration number has 10 digits; this one has {}.",
                    digits.len()
                ),
            )
            .at(field)
            .with("value", input.trim())
            .with("length", digits.len()));
        }
        let d: Vec<u32> = digits
            .chars()
            .map(|c| c.to_digit(10).unwrap_or(0))
            .collect();
        let expected = business_no_check_digit(&d[..9]);
        if d[9] != expected {
            return Err(Problem::new(
                "business_no.check_digit",
                format!(
                    "사업자등록번호 {}의 검증번호(마지막 자리)가 맞지 않습니다. 사업자등록증에서 번호를 다시 확인하세요.",
                    format_business_no(&digits)
                ),
                format!(
                    "The check digit (last digit) of {} does not match. Copy the number again from the business registration certificate.",
                    format_business_no(&digits)
                ),
            )
            .at(field)
            .with("value", input.trim()));
        }
        Ok(BusinessNo(digits))
    }

    pub fn digits(&self) -> &str {
        &self.0
    }
}

/// The check digit of the first nine digits of a 사업자등록번호.
pub fn business_no_check_digit(first_nine: &[u32]) -> u32 {
    const WEIGHTS: [u32; 9] = [1, 3, 7, 1, 3, 7, 1, 3, 5];
    let mut sum: u32 = first_nine.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    sum += first_nine[8] * 5 / 10;
    (10 - sum % 10) % 10
}

fn format_business_no(digits: &str) -> String {
    if digits.len() == 10 {
        format!("{}-{}-{}", &digits[..3], &digits[3..5], &digits[5..])
    } else {
        digits.to_string()
    }
}

impl fmt::Display for BusinessNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_business_no(&self.0))
    }
}

impl TryFrom<String> for BusinessNo {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        BusinessNo::parse(&s).map_err(|p| p.message_en)
    }
}

impl From<BusinessNo> for String {
    fn from(b: BusinessNo) -> String {
        b.to_string()
    }
}

/// Customs code (통관고유부호): 15 letters and digits issued by the Korea Customs Service.
/// Only the length and the alphabet are checked; hyphens and spaces are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
#[ts(type = "string")]
pub struct CustomsCode(String);

impl CustomsCode {
    pub fn parse(input: &str) -> Result<CustomsCode, Problem> {
        let code = compact(input).to_ascii_uppercase();
        let field = "customs_code";
        if code.is_empty() {
            return Err(Problem::new(
                "customs_code.empty",
                "통관고유부호를 입력하세요 (15자리, 관세청 UNI-PASS에서 확인).",
                "Enter the customs code (15 characters, shown in KCS UNI-PASS).",
            )
            .at(field));
        }
        if !code.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(Problem::new(
                "customs_code.characters",
                format!(
                    "통관고유부호는 영문 대문자와 숫자로만 이루어집니다. '{}'를 확인하세요.",
                    input.trim()
                ),
                format!(
                    "A customs code has only letters A–Z and digits; check '{}'.",
                    input.trim()
                ),
            )
            .at(field)
            .with("value", input.trim()));
        }
        if code.len() != 15 {
            return Err(Problem::new(
                "customs_code.length",
                format!(
                    "통관고유부호는 15자리입니다. 입력한 값은 {}자리입니다.",
                    code.len()
                ),
                format!(
                    "A customs code has 15 characters; this one has {}.",
                    code.len()
                ),
            )
            .at(field)
            .with("value", input.trim())
            .with("length", code.len()));
        }
        Ok(CustomsCode(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CustomsCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for CustomsCode {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        CustomsCode::parse(&s).map_err(|p| p.message_en)
    }
}

impl From<CustomsCode> for String {
    fn from(c: CustomsCode) -> String {
        c.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_business_numbers_pass() {
        // Published numbers of two large Korean companies.
        assert_eq!(
            BusinessNo::parse("220-81-62517").unwrap().digits(),
            "2208162517"
        );
        assert_eq!(
            BusinessNo::parse("1248100998").unwrap().to_string(),
            "124-81-00998"
        );
    }

    #[test]
    fn every_wrong_check_digit_is_refused() {
        for last in 0..10 {
            let n = format!("220816251{last}");
            assert_eq!(BusinessNo::parse(&n).is_ok(), last == 7, "{n}");
        }
        let e = BusinessNo::parse("220-81-62518").unwrap_err();
        assert_eq!(e.code, "business_no.check_digit");
        assert_eq!(e.field.as_deref(), Some("business_no"));
        assert!(e.message_ko.contains("220-81-62518"));
    }

    #[test]
    fn business_number_shapes() {
        assert_eq!(BusinessNo::parse("").unwrap_err().code, "business_no.empty");
        assert_eq!(
            BusinessNo::parse("12345").unwrap_err().code,
            "business_no.length"
        );
        assert_eq!(
            BusinessNo::parse("12a-45-67890").unwrap_err().code,
            "business_no.not_digits"
        );
    }

    #[test]
    fn customs_codes() {
        assert_eq!(
            CustomsCode::parse("abcde-1234567890").unwrap().as_str(),
            "ABCDE1234567890"
        );
        assert_eq!(
            CustomsCode::parse("ABC").unwrap_err().code,
            "customs_code.length"
        );
        assert_eq!(
            CustomsCode::parse("가나다라마1234567890").unwrap_err().code,
            "customs_code.characters"
        );
        assert_eq!(
            CustomsCode::parse(" ").unwrap_err().code,
            "customs_code.empty"
        );
    }
}
