//! Quantity units of a declaration line (`assets/units.tsv`).

use crate::problem::Problem;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UnitInfo {
    pub code: String,
    pub name_ko: String,
    pub name_en: String,
}

pub fn units() -> &'static [UnitInfo] {
    static TABLE: OnceLock<Vec<UnitInfo>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("../../../assets/units.tsv")
            .lines()
            .skip(1)
            .filter_map(|l| {
                let mut c = l.split('\t');
                Some(UnitInfo {
                    code: c.next()?.to_string(),
                    name_ko: c.next()?.to_string(),
                    name_en: c.next()?.to_string(),
                })
            })
            .collect()
    })
}

/// Check a unit code against the table and return it normalised (upper case).
pub fn parse_unit(input: &str) -> Result<String, Problem> {
    let code = input.trim().to_ascii_uppercase();
    if units().iter().any(|u| u.code == code) {
        return Ok(code);
    }
    let known: Vec<&str> = units().iter().map(|u| u.code.as_str()).collect();
    Err(Problem::new(
        "unit.unknown",
        format!(
            "'{}'은(는) 알 수 없는 수량 단위입니다. {} 중에서 고르세요.",
            input.trim(),
            known.join(", ")
        ),
        format!(
            "'{}' is not a known quantity unit. Choose one of {}.",
            input.trim(),
            known.join(", ")
        ),
    )
    .at("unit")
    .with("value", input.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_table() {
        assert!(units().len() >= 10);
        assert_eq!(parse_unit("ea").unwrap(), "EA");
        assert_eq!(parse_unit("KG").unwrap(), "KG");
        assert_eq!(parse_unit("bananas").unwrap_err().code, "unit.unknown");
    }
}
