//! ISO 3166-1 countries with Korean and English names (`assets/countries/countries.tsv`).

use crate::problem::Problem;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::OnceLock;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CountryInfo {
    pub code: String,
    pub name_en: String,
    pub name_ko: String,
}

fn table() -> &'static [CountryInfo] {
    static TABLE: OnceLock<Vec<CountryInfo>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("../../../assets/countries/countries.tsv")
            .lines()
            .skip(1)
            .filter_map(|l| {
                let mut c = l.split('\t');
                Some(CountryInfo {
                    code: c.next()?.to_string(),
                    name_en: c.next()?.to_string(),
                    name_ko: c.next()?.to_string(),
                })
            })
            .collect()
    })
}

/// All countries, by code.
pub fn countries() -> &'static [CountryInfo] {
    table()
}

/// An ISO 3166-1 alpha-2 country code known to the app (`KR`, `US`, `JP`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
#[ts(type = "string")]
pub struct Country(String);

impl Country {
    /// Accepts the alpha-2 code in any case, or the exact English or Korean name.
    pub fn parse(input: &str) -> Result<Country, Problem> {
        let s = input.trim();
        if s.is_empty() {
            return Err(Problem::new(
                "country.empty",
                "국가를 선택하세요 (예: US, JP, DE).",
                "Choose a country (e.g. US, JP, DE).",
            )
            .at("country"));
        }
        let upper = s.to_ascii_uppercase();
        let alias = match upper.as_str() {
            "UK" => "GB",
            "KOREA" | "SOUTH KOREA" | "대한민국" | "한국" => "KR",
            "USA" | "U.S." | "U.S.A." | "미국" => "US",
            "일본" => "JP",
            "중국" => "CN",
            _ => upper.as_str(),
        };
        table()
            .iter()
            .find(|c| {
                c.code == alias || c.name_en.eq_ignore_ascii_case(s) || c.name_ko == s
            })
            .map(|c| Country(c.code.clone()))
            .ok_or_else(|| {
                Problem::new(
                    "country.unknown",
                    format!("'{s}'은(는) 알 수 없는 국가입니다. ISO 국가코드 두 글자(US, JP, DE 등)로 입력하세요."),
                    format!("'{s}' is not a known country. Enter the two-letter ISO code (US, JP, DE, …)."),
                )
                .at("country")
                .with("value", s)
            })
    }

    pub fn code(&self) -> &str {
        &self.0
    }

    pub fn info(&self) -> &'static CountryInfo {
        table()
            .iter()
            .find(|c| c.code == self.0)
            .expect("a Country is only built from the table")
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Country {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Country::parse(&s).map_err(|p| p.message_en)
    }
}

impl From<Country> for String {
    fn from(c: Country) -> String {
        c.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_by_code_and_name() {
        assert!(countries().len() >= 240);
        assert_eq!(Country::parse("us").unwrap().code(), "US");
        assert_eq!(Country::parse("UK").unwrap().code(), "GB");
        assert_eq!(Country::parse("Japan").unwrap().code(), "JP");
        assert_eq!(Country::parse("KR").unwrap().info().name_ko, "대한민국");
        assert_eq!(Country::parse("XX").unwrap_err().code, "country.unknown");
        assert_eq!(Country::parse("").unwrap_err().code, "country.empty");
    }
}
