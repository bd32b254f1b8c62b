//! Cells that look like spreadsheet formulas.
//!
//! An order file is data from strangers: a buyer can type `=HYPERLINK("http://x","y")` as their
//! name, and a spreadsheet that opens a CSV evaluates it. The import therefore never evaluates
//! anything — CSV cells are read as text, and XLSX cells are read as the value the workbook
//! stored, never re-computed — and everything this crate writes back to CSV or XLSX goes through
//! [`escape_cell`], which prefixes a formula-looking value with `'` so a spreadsheet shows it as
//! text. The rule follows the usual CSV-injection advice: a value is formula-looking when it
//! starts with `=`, `+`, `-` or `@` (or a tab or carriage return, which some spreadsheets skip
//! before such a character), unless the whole value is a plain number such as `-12.50` or `+3`.

use std::borrow::Cow;

/// Whether a spreadsheet could take this text for a formula.
pub fn is_formula_like(value: &str) -> bool {
    let Some(first) = value.chars().next() else {
        return false;
    };
    match first {
        '=' | '@' | '\t' | '\r' => true,
        '+' | '-' => !is_plain_number(value),
        _ => false,
    }
}

/// The text to write into a CSV or XLSX cell: formula-looking values get a leading `'`.
pub fn escape_cell(value: &str) -> Cow<'_, str> {
    if is_formula_like(value) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

/// `-12`, `+3.5`, `-1,234.50`: a sign, digits with optional thousands commas, one optional point.
fn is_plain_number(value: &str) -> bool {
    let body = &value[1..];
    let mut digits = 0;
    let mut points = 0;
    for c in body.chars() {
        match c {
            '0'..='9' => digits += 1,
            '.' => points += 1,
            ',' => {}
            _ => return false,
        }
    }
    digits > 0 && points <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyperlink_is_escaped() {
        let v = r#"=HYPERLINK("http://x","y")"#;
        assert!(is_formula_like(v));
        assert_eq!(escape_cell(v), r#"'=HYPERLINK("http://x","y")"#);
    }

    #[test]
    fn other_triggers_and_plain_numbers() {
        for v in [
            "+82 10-1234-5678",
            "-1+2",
            "@SUM(A1:A2)",
            "\t=1",
            "=1+1",
            "-cmd|' /C calc'!A0",
        ] {
            assert!(is_formula_like(v), "{v}");
            assert!(escape_cell(v).starts_with('\''));
        }
        for v in [
            "-12.50",
            "+3",
            "-1,234.50",
            "DAP",
            "",
            "홍길동",
            "1=1",
            "'=already",
        ] {
            assert!(!is_formula_like(v), "{v}");
            assert_eq!(escape_cell(v), v);
        }
    }
}
