//! HS codes (품목번호) and the HS 2022 finder.
//!
//! The nomenclature is the WCO's HS 2022 at 2/4/6 digits (generated into `assets/hs/hs2022.tsv`);
//! Korea's HSK adds four national digits, which only the declaration needs. Korean and English
//! keywords for common e-commerce goods (`assets/hs/keywords.tsv`) let a seller find a code by
//! the words they use for their product.

use crate::problem::Problem;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use ts_rs::TS;

/// An HS code of 2, 4, 6 or 10 (HSK) digits. Dots, hyphens and spaces in the input are ignored,
/// so `3304.99-1000` is read as `3304991000`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
#[ts(type = "string")]
pub struct HsCode(String);

impl HsCode {
    pub fn parse(input: &str) -> Result<HsCode, Problem> {
        let code: String = input
            .chars()
            .filter(|c| !matches!(c, '.' | '-' | ' ' | '\u{a0}'))
            .collect();
        if code.is_empty() {
            return Err(Problem::new(
                "hs_code.empty",
                "HS 코드를 입력하세요. 모르면 HS 찾기에서 품명으로 검색하세요.",
                "Enter an HS code. If you do not know it, search by product name in the HS finder.",
            )
            .at("hs_code"));
        }
        if !code.chars().all(|c| c.is_ascii_digit()) {
            return Err(Problem::new(
                "hs_code.not_digits",
                format!(
                    "HS 코드는 숫자로만 이루어집니다. '{}'를 확인하세요.",
                    input.trim()
                ),
                format!("An HS code has digits only; check '{}'.", input.trim()),
            )
            .at("hs_code")
            .with("value", input.trim()));
        }
        if ![2, 4, 6, 10].contains(&code.len()) {
            return Err(Problem::new(
                "hs_code.length",
                format!(
                    "HS 코드는 2·4·6자리, 또는 수출신고용 HSK 10자리입니다. 입력한 값은 {}자리입니다.",
                    code.len()
                ),
                format!(
                    "An HS code has 2, 4 or 6 digits, or 10 digits (HSK) for a declaration; this one has {}.",
                    code.len()
                ),
            )
            .at("hs_code")
            .with("value", input.trim())
            .with("length", code.len()));
        }
        Ok(HsCode(code))
    }

    pub fn digits(&self) -> &str {
        &self.0
    }

    pub fn chapter(&self) -> &str {
        &self.0[..2]
    }

    /// The HS 2022 subheading (first six digits), if the code is that precise.
    pub fn subheading(&self) -> Option<&str> {
        (self.0.len() >= 6).then(|| &self.0[..6])
    }

    pub fn is_hsk10(&self) -> bool {
        self.0.len() == 10
    }

    /// `3304.99-1000`, `3304.99`, `3304`.
    pub fn dotted(&self) -> String {
        let c = &self.0;
        match c.len() {
            10 => format!("{}.{}-{}", &c[..4], &c[4..6], &c[6..]),
            6 => format!("{}.{}", &c[..4], &c[4..]),
            _ => c.clone(),
        }
    }
}

impl fmt::Display for HsCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for HsCode {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        HsCode::parse(&s).map_err(|p| p.message_en)
    }
}

impl From<HsCode> for String {
    fn from(c: HsCode) -> String {
        c.0
    }
}

/// One finder result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HsMatch {
    pub code: String,
    pub dotted: String,
    pub description_en: String,
    /// Korean keywords attached to this code, if any.
    pub keywords_ko: Vec<String>,
    pub keywords_en: Vec<String>,
    pub score: u32,
}

struct Keyword {
    code: String,
    ko: Vec<String>,
    en: Vec<String>,
}

/// The HS 2022 table with keywords, ready to search.
pub struct HsTable {
    descriptions: Vec<(String, String)>,
    index: HashMap<String, usize>,
    keywords: Vec<Keyword>,
}

fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(|w| w.trim().to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

impl HsTable {
    /// Build from the TSV texts (`code\tdescription_en` and `code\tkeywords_ko\tkeywords_en`, each
    /// with a header line).
    pub fn from_tsv(table: &str, keywords: &str) -> Result<HsTable, String> {
        let mut descriptions = Vec::new();
        for (n, line) in table.lines().enumerate().skip(1) {
            let (code, desc) = line.split_once('\t').ok_or_else(|| {
                format!("hs2022.tsv line {}: expected code<TAB>description", n + 1)
            })?;
            descriptions.push((code.to_string(), desc.to_string()));
        }
        descriptions.sort();
        let index = descriptions
            .iter()
            .enumerate()
            .map(|(i, (c, _))| (c.clone(), i))
            .collect();
        let mut kw = Vec::new();
        for (n, line) in keywords.lines().enumerate().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 3 {
                return Err(format!("keywords.tsv line {}: expected 3 columns", n + 1));
            }
            kw.push(Keyword {
                code: cols[0].to_string(),
                ko: split_list(cols[1]),
                en: split_list(cols[2]),
            });
        }
        Ok(HsTable {
            descriptions,
            index,
            keywords: kw,
        })
    }

    /// The table shipped with the app.
    pub fn bundled() -> HsTable {
        HsTable::from_tsv(
            include_str!("../../../assets/hs/hs2022.tsv"),
            include_str!("../../../assets/hs/keywords.tsv"),
        )
        .expect("the bundled HS table is valid (checked by tests)")
    }

    pub fn len(&self) -> usize {
        self.descriptions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.descriptions.is_empty()
    }

    pub fn description(&self, code: &str) -> Option<&str> {
        self.index
            .get(code)
            .map(|&i| self.descriptions[i].1.as_str())
    }

    /// Whether the six-digit subheading of `code` exists in HS 2022 (a code shorter than six
    /// digits is checked as it is).
    pub fn knows(&self, code: &HsCode) -> bool {
        let key = code.subheading().unwrap_or(code.digits());
        self.index.contains_key(key)
    }

    fn matched(&self, code: &str, score: u32) -> HsMatch {
        let (ko, en) = self.keywords.iter().filter(|k| k.code == code).fold(
            (Vec::new(), Vec::new()),
            |(mut ko, mut en), k| {
                ko.extend(k.ko.iter().cloned());
                en.extend(k.en.iter().cloned());
                (ko, en)
            },
        );
        let dotted = HsCode::parse(code)
            .map(|c| c.dotted())
            .unwrap_or_else(|_| code.to_string());
        HsMatch {
            code: code.to_string(),
            dotted,
            description_en: self.description(code).unwrap_or_default().to_string(),
            keywords_ko: ko,
            keywords_en: en,
            score,
        }
    }

    /// Search by code prefix (`3304`, `3304.99`) or by Korean/English words (`선크림`,
    /// `sun cream`), best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<HsMatch> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return Vec::new();
        }
        let compact: String = q
            .chars()
            .filter(|c| !matches!(c, '.' | '-' | ' '))
            .collect();
        let mut scores: HashMap<String, u32> = HashMap::new();
        if !compact.is_empty() && compact.chars().all(|c| c.is_ascii_digit()) {
            let prefix = &compact[..compact.len().min(6)];
            for (code, _) in &self.descriptions {
                if code.starts_with(prefix) {
                    // Exact code first, then the nearest levels below it.
                    let score = 1000 - (code.len() - prefix.len().min(code.len())) as u32 * 10;
                    scores.insert(code.clone(), score);
                }
            }
        } else {
            let tokens: Vec<&str> = q.split_whitespace().collect();
            for k in &self.keywords {
                let s = keyword_score(&q, &tokens, &k.ko, &k.en);
                if s > 0 {
                    let e = scores.entry(k.code.clone()).or_default();
                    *e = (*e).max(s);
                }
            }
            for (code, desc) in &self.descriptions {
                let s = description_score(&tokens, desc);
                if s > 0 {
                    let e = scores.entry(code.clone()).or_default();
                    *e = (*e).max(s);
                }
            }
        }
        let mut ranked: Vec<(String, u32)> = scores.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        ranked
            .into_iter()
            .take(limit)
            .map(|(code, score)| self.matched(&code, score))
            .collect()
    }
}

fn keyword_score(query: &str, tokens: &[&str], ko: &[String], en: &[String]) -> u32 {
    let mut best = 0;
    for word in ko.iter().chain(en) {
        let w = word.to_lowercase();
        let s = if w == query {
            500
        } else if w.starts_with(query) {
            400
        } else if w.contains(query) || query.contains(w.as_str()) {
            300
        } else if tokens.len() > 1 && tokens.iter().all(|t| w.contains(t)) {
            250
        } else {
            0
        };
        best = best.max(s);
    }
    best
}

fn description_score(tokens: &[&str], description: &str) -> u32 {
    let desc = description.to_lowercase();
    let words: Vec<&str> = desc
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut hits = 0;
    for t in tokens {
        if t.chars().count() < 3 {
            if words.contains(t) {
                hits += 1;
            }
        } else if words.iter().any(|w| w.starts_with(t)) {
            hits += 1;
        }
    }
    if hits == tokens.len() {
        // Every word found: prefer short, specific descriptions.
        150 - (desc.len().min(140) as u32) / 2 + hits as u32 * 10
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_in_written_forms() {
        assert_eq!(
            HsCode::parse("3304.99-1000").unwrap().digits(),
            "3304991000"
        );
        assert_eq!(HsCode::parse("3304.99").unwrap().dotted(), "3304.99");
        assert_eq!(
            HsCode::parse("3304991000").unwrap().dotted(),
            "3304.99-1000"
        );
        assert_eq!(HsCode::parse("33049").unwrap_err().code, "hs_code.length");
        assert_eq!(
            HsCode::parse("33a4").unwrap_err().code,
            "hs_code.not_digits"
        );
        assert_eq!(HsCode::parse("").unwrap_err().code, "hs_code.empty");
        assert!(HsCode::parse("3304991000").unwrap().is_hsk10());
    }

    #[test]
    fn bundled_table_is_complete_and_keywords_point_to_real_codes() {
        let t = HsTable::bundled();
        assert!(t.len() > 6000, "{} codes", t.len());
        assert!(t.description("3304").is_some());
        assert!(t.description("330499").is_some());
        for k in &t.keywords {
            assert!(
                t.description(&k.code).is_some(),
                "keyword code {} not in HS 2022",
                k.code
            );
        }
        let distinct: std::collections::HashSet<&str> =
            t.keywords.iter().map(|k| k.code.as_str()).collect();
        assert!(t.keywords.len() >= 150 && distinct.len() > 80);
    }

    #[test]
    fn finder_ranks_code_prefix_and_words() {
        let t = HsTable::bundled();
        let by_code = t.search("3304.9", 5);
        assert!(by_code.iter().all(|m| m.code.starts_with("33049")));
        let by_code = t.search("3304", 5);
        assert_eq!(by_code[0].code, "3304");
        let ko = t.search("화장품", 10);
        assert!(!ko.is_empty());
        assert!(ko[0].code.starts_with("33"), "{:?}", ko[0]);
        let en = t.search("lipstick", 5);
        assert!(en.iter().any(|m| m.code.starts_with("3304")), "{en:?}");
        assert!(t.search("   ", 5).is_empty());
        assert!(t.search("zzqxv", 5).is_empty());
    }

    #[test]
    fn unknown_subheading_is_detected() {
        let t = HsTable::bundled();
        assert!(t.knows(&HsCode::parse("3304991000").unwrap()));
        assert!(!t.knows(&HsCode::parse("9999991000").unwrap()));
    }
}
