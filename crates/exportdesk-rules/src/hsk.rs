//! The Korean tariff's 10-digit codes (HSK, 관세·통계통합품목분류표), from the Korea Customs
//! Service's "관세청_HS부호" data set (generated into `assets/hs/hsk.tsv` by
//! `scripts/gen_hsk_table.py`; see `assets/hs/PROVENANCE.md`).
//!
//! A declaration line needs one of these codes. This module knows each code's names, its full
//! path (heading → subheading → national groupings → the code), its quantity unit and the dates it
//! is valid, checks a typed code against a declaration's date, and searches the names of every
//! level in Korean and English ([`TariffIndex`]).

use crate::hs::{words_of, HsCode, HsTable};
use crate::problem::Problem;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;
use ts_rs::TS;

/// One row of the table: a 10-digit code, or one of the table's own 7-9 digit groupings.
#[derive(Debug, Clone, PartialEq)]
pub struct HskRow {
    pub code: String,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    /// The quantity unit a declaration reports besides the weight (`U`, `M2`, `L`, …); `None`
    /// when the code has none (only the net weight in KG is reported).
    pub qty_unit: Option<String>,
    /// The row's own name; a leaf's name is often relative ("기타" / "Other").
    pub name_ko: String,
    pub name_en: String,
    /// The KCS's grouping of goods by nature (성질통합분류), e.g. "기초화장품".
    pub group_ko: String,
}

/// A 10-digit code as the screens show it: with its full path, so it reads on its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HskLine {
    /// Ten digits.
    pub code: String,
    /// `3304.99-1000`.
    pub dotted: String,
    pub name_ko: String,
    pub name_en: String,
    /// From the heading down to the code, in Korean. The data set has no Korean names for
    /// headings and subheadings, so the path starts with the KCS's group of goods.
    pub path_ko: Vec<String>,
    /// From the heading down to the code, in English (heading and subheading names from HS
    /// 2022).
    pub path_en: Vec<String>,
    /// The quantity unit to declare besides the weight, if the code has one.
    pub qty_unit: Option<String>,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
}

/// What the table says about a code on a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum HskValidity {
    /// Listed and valid on the date.
    Valid,
    /// Listed in the newest edition the app has, but the date is after that edition's end: the
    /// code is most likely still valid; check the current tariff.
    AfterEdition { edition_end: NaiveDate },
    /// The code starts later than the date.
    NotYet { from: NaiveDate },
    /// The code ended before the date (a later edition replaced it).
    Ended { to: NaiveDate },
}

/// The HSK table.
pub struct HskTable {
    rows: Vec<HskRow>,
    index: HashMap<String, usize>,
    /// The last day of the newest edition (every code of that edition ends on it).
    edition_end: NaiveDate,
}

impl HskTable {
    /// Read `hsk.tsv` (header, then `code valid_from valid_to qty_unit name_ko name_en group_ko`).
    pub fn from_tsv(text: &str) -> Result<HskTable, String> {
        let mut rows = Vec::new();
        for (n, line) in text.lines().enumerate().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 7 {
                return Err(format!("hsk.tsv line {}: expected 7 columns", n + 1));
            }
            let date = |s: &str| {
                NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .map_err(|_| format!("hsk.tsv line {}: bad date {s}", n + 1))
            };
            if !(7..=10).contains(&cols[0].len()) || !cols[0].bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("hsk.tsv line {}: bad code {}", n + 1, cols[0]));
            }
            rows.push(HskRow {
                code: cols[0].to_string(),
                valid_from: date(cols[1])?,
                valid_to: date(cols[2])?,
                qty_unit: (!cols[3].is_empty()).then(|| cols[3].to_string()),
                name_ko: cols[4].to_string(),
                name_en: cols[5].to_string(),
                group_ko: cols[6].to_string(),
            });
        }
        rows.sort_by(|a, b| a.code.cmp(&b.code));
        let index: HashMap<String, usize> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.code.clone(), i))
            .collect();
        if index.len() != rows.len() {
            return Err("hsk.tsv: a code is listed twice".into());
        }
        let edition_end = rows
            .iter()
            .map(|r| r.valid_to)
            .max()
            .ok_or("hsk.tsv: no rows")?;
        Ok(HskTable {
            rows,
            index,
            edition_end,
        })
    }

    /// The table shipped with the app, read once.
    pub fn bundled() -> &'static HskTable {
        static TABLE: OnceLock<HskTable> = OnceLock::new();
        TABLE.get_or_init(|| {
            HskTable::from_tsv(include_str!("../../../assets/hs/hsk.tsv"))
                .expect("the bundled HSK table is valid (checked by tests)")
        })
    }

    /// Every row, 10-digit codes and groupings, sorted by code.
    pub fn rows(&self) -> &[HskRow] {
        &self.rows
    }

    /// The 10-digit codes.
    pub fn codes(&self) -> impl Iterator<Item = &HskRow> {
        self.rows.iter().filter(|r| r.code.len() == 10)
    }

    pub fn row(&self, code: &str) -> Option<&HskRow> {
        self.index.get(code).map(|&i| &self.rows[i])
    }

    /// The last day of the newest edition shipped.
    pub fn edition_end(&self) -> NaiveDate {
        self.edition_end
    }

    /// The 10-digit codes under a 4- or 6-digit (or longer) prefix, in code order.
    pub fn under<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a HskRow> + 'a {
        let from = self.rows.partition_point(|r| r.code.as_str() < prefix);
        self.rows[from..]
            .iter()
            .take_while(move |r| r.code.starts_with(prefix))
            .filter(|r| r.code.len() == 10)
    }

    /// The table's own groupings between the subheading and `code` (7, 8 and 9 digits).
    fn groupings<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a HskRow> + 'a {
        (7..code.len()).filter_map(move |n| self.row(&code[..n]))
    }

    /// The code with its full Korean and English path.
    pub fn line(&self, code: &str, hs: &HsTable) -> Option<HskLine> {
        let row = self.row(code).filter(|r| r.code.len() == 10)?;
        let mut path_en: Vec<String> = [&code[..4], &code[..6]]
            .iter()
            .filter_map(|c| hs.description(c))
            .map(str::to_string)
            .collect();
        let mut path_ko = Vec::new();
        if !row.group_ko.is_empty() {
            path_ko.push(row.group_ko.clone());
        }
        for g in self.groupings(code) {
            path_ko.push(g.name_ko.clone());
            path_en.push(g.name_en.clone());
        }
        path_ko.push(row.name_ko.clone());
        path_en.push(if row.name_en.is_empty() {
            row.name_ko.clone()
        } else {
            row.name_en.clone()
        });
        Some(HskLine {
            code: row.code.clone(),
            dotted: HsCode::parse(&row.code)
                .map(|c| c.dotted())
                .unwrap_or_else(|_| row.code.clone()),
            name_ko: row.name_ko.clone(),
            name_en: row.name_en.clone(),
            path_ko,
            path_en,
            qty_unit: row.qty_unit.clone(),
            valid_from: row.valid_from,
            valid_to: row.valid_to,
        })
    }

    /// One code as a choice among the codes of its subheading: the names below the subheading.
    pub fn choice(&self, r: &HskRow) -> HskChoice {
        let mut ko: Vec<&str> = self
            .groupings(&r.code)
            .map(|g| g.name_ko.as_str())
            .collect();
        ko.push(&r.name_ko);
        let mut en: Vec<&str> = self
            .groupings(&r.code)
            .map(|g| g.name_en.as_str())
            .collect();
        en.push(if r.name_en.is_empty() {
            &r.name_ko
        } else {
            &r.name_en
        });
        HskChoice {
            code: r.code.clone(),
            dotted: HsCode::parse(&r.code)
                .map(|c| c.dotted())
                .unwrap_or_else(|_| r.code.clone()),
            label_ko: ko.join(" › "),
            label_en: en.join(" › "),
        }
    }

    /// What a declaration's lines get wrong against the tariff, as warnings: a 10-digit code the
    /// table does not list, one not valid on the declaration date, and a line counted in a unit
    /// of another kind than the code's quantity unit (pieces for a code declared in litres).
    pub fn declaration_warnings(&self, d: &crate::declaration::Declaration) -> Vec<Problem> {
        let mut out = Vec::new();
        for l in &d.lines {
            let Some(code) = l.hs_code.as_deref().filter(|c| c.len() == 10) else {
                continue;
            };
            let Ok(parsed) = HsCode::parse(code) else {
                continue;
            };
            let n = l.line_no;
            if let Err(p) = self.check(&parsed, d.declared_on) {
                out.push(
                    Problem::new(
                        &p.code,
                        format!("{n}란: {}", p.message_ko),
                        format!("Line {n}: {}", p.message_en),
                    )
                    .at(format!("lines.{n}.hs_code"))
                    .with("line", n),
                );
                continue;
            }
            let Some(unit) = self.row(code).and_then(|r| r.qty_unit.as_deref()) else {
                continue;
            };
            if !unit_fits(&l.unit, unit) {
                out.push(
                    Problem::new(
                        "hs_code.unit_kind",
                        format!(
                            "{n}란: {}의 수량단위는 {unit}인데 이 줄은 {} 단위로 세었습니다. UNI-PASS에는 {unit} 단위의 수량을 넣으세요.",
                            parsed.dotted(),
                            l.unit
                        ),
                        format!(
                            "Line {n}: {} is declared in {unit}, but this line counts in {}. Enter the quantity in {unit} on UNI-PASS.",
                            parsed.dotted(),
                            l.unit
                        ),
                    )
                    .at(format!("lines.{n}.unit"))
                    .with("line", n)
                    .with("unit", unit),
                );
            }
        }
        out
    }

    /// Whether a 10-digit code is valid on `on`; `None` when the table does not list it.
    pub fn validity(&self, code: &str, on: NaiveDate) -> Option<HskValidity> {
        let row = self.row(code).filter(|r| r.code.len() == 10)?;
        Some(if on < row.valid_from {
            HskValidity::NotYet {
                from: row.valid_from,
            }
        } else if on <= row.valid_to {
            HskValidity::Valid
        } else if row.valid_to == self.edition_end {
            HskValidity::AfterEdition {
                edition_end: self.edition_end,
            }
        } else {
            HskValidity::Ended { to: row.valid_to }
        })
    }

    /// Check a 10-digit code typed for a product or a declaration line dated `on`: it must be
    /// a code of the table, valid on that date. A date after the newest edition is accepted
    /// (the code is most likely still valid; the screen says to check).
    pub fn check(&self, code: &HsCode, on: NaiveDate) -> Result<HskValidity, Problem> {
        let digits = code.digits();
        let Some(validity) = self.validity(digits, on) else {
            let sub = code.subheading().unwrap_or(digits);
            let siblings = self.under(sub).count();
            return Err(Problem::new(
                "hs_code.unknown_hsk",
                format!(
                    "{}은(는) 관세청 HSK 표에 없는 10자리입니다. 소호 {}에는 {}개의 10자리가 있습니다: HS 찾기에서 고르세요.",
                    code.dotted(),
                    sub,
                    siblings
                ),
                format!(
                    "{} is not a 10-digit code of the Korean tariff (HSK). Subheading {} has {} codes: pick one in the HS finder.",
                    code.dotted(),
                    sub,
                    siblings
                ),
            )
            .at("hs_code")
            .with("value", digits));
        };
        match validity {
            HskValidity::NotYet { from } => Err(Problem::new(
                "hs_code.hsk_not_yet",
                format!("{}은(는) {from}부터 쓰는 번호라 {on} 신고에는 쓸 수 없습니다.", code.dotted()),
                format!("{} is valid from {from}, so a declaration of {on} cannot use it.", code.dotted()),
            )
            .at("hs_code")
            .with("value", digits)),
            HskValidity::Ended { to } => Err(Problem::new(
                "hs_code.hsk_ended",
                format!(
                    "{}은(는) {to}까지 쓰던 번호입니다. {on} 신고에는 HS 찾기에서 지금 번호를 고르세요.",
                    code.dotted()
                ),
                format!(
                    "{} was valid until {to}; for a declaration of {on} pick the current code in the HS finder.",
                    code.dotted()
                ),
            )
            .at("hs_code")
            .with("value", digits)),
            ok => Ok(ok),
        }
    }
}

/// The kind of quantity a unit code counts, so that a product's unit can be compared with the
/// unit a tariff code is declared in (`EA` and `U` both count pieces; `ML` and `L` are volumes).
fn unit_kind(unit: &str) -> Option<&'static str> {
    Some(match unit.trim().to_ascii_uppercase().as_str() {
        "U" | "EA" | "PCS" | "SET" | "DZ" | "BOX" | "CTN" | "PK" | "TU" => "count",
        "2U" | "PR" => "pair",
        "L" | "ML" => "volume",
        "M" | "CM" => "length",
        "M2" => "area",
        "M3" => "cubic",
        "KG" | "G" | "GR" => "mass",
        "CR" => "carat",
        _ => return None,
    })
}

/// Whether a product counted in `product_unit` can be declared under a code whose quantity
/// unit is `tariff_unit`: the same kind of quantity (a count, pairs, a volume, …). Unknown units
/// are not judged (true).
pub fn unit_fits(product_unit: &str, tariff_unit: &str) -> bool {
    match (unit_kind(product_unit), unit_kind(tariff_unit)) {
        (Some(a), Some(b)) => a == b || (a == "pair" && b == "count"),
        _ => true,
    }
}

/// How far to trust a finder suggestion, in words a beginner can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HsConfidence {
    /// Only some words of the tariff's names matched: a guess to check.
    Weak,
    /// Several words matched, or an ExportDesk keyword matched in part.
    Strong,
    /// An ExportDesk keyword is exactly the product (or the shop chose this code before for a
    /// product of that name).
    Exact,
}

/// Words of the tariff names that say nothing about the goods.
#[rustfmt::skip]
const STOP: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "on", "by", "to", "at", "from", "for", "with", "in",
    "not", "other", "than", "whether", "its", "their", "be", "is", "are", "which", "kind",
    "used", "n", "e", "c", "nes", "excluding", "including", "put", "up", "such", "as", "etc",
    "기타", "것", "것으로", "한정한다", "제외한다", "포함한다", "및", "그", "이", "등",
];

/// Korean endings (particles and the like) taken off a Hangul word before it is cut into
/// pieces: `가죽으로` → `가죽`, `어린이용` → `어린이`.
const KO_ENDINGS: &[&str] = &[
    "으로",
    "에서",
    "에게",
    "까지",
    "부터",
    "처럼",
    "이나",
    "이며",
    "으로서",
    "용",
    "을",
    "를",
    "이",
    "가",
    "은",
    "는",
    "의",
    "에",
    "로",
    "와",
    "과",
    "도",
    "만",
    "류",
];

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}')
}

/// An English word's stem (Snowball, from the rust-stemmers crate), so that "prepared",
/// "preparation" and "preparations" are one term.
fn stem(word: &str) -> String {
    static STEMMER: OnceLock<rust_stemmers::Stemmer> = OnceLock::new();
    if !word.is_ascii() {
        return word.to_string();
    }
    STEMMER
        .get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English))
        .stem(word)
        .into_owned()
}

/// The search terms of a text, used the same way on the tariff's names and on a query.
///
/// English words are lower-cased and reduced to their stem. A Korean word is
/// written without spaces inside compounds and with particles attached, and no dictionary for a
/// morphological analyser can be fetched on the machines this is built on; so each Hangul word
/// loses a known ending (`으로`, `용`, …) and is indexed as itself plus its two-syllable pieces:
/// `보습크림` → `보습크림`, `보습`, `습크`, `크림`. A query then matches a name sharing a compound's
/// parts, whatever the spacing (`보습 크림` = `보습크림`).
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in words_of(text) {
        if STOP.contains(&w.as_str()) {
            continue;
        }
        if w.chars().any(is_hangul) {
            let mut word: String = w.chars().filter(|c| is_hangul(*c)).collect();
            for end in KO_ENDINGS {
                if word.chars().count() > end.chars().count() + 1 {
                    if let Some(stem) = word.strip_suffix(end) {
                        word = stem.to_string();
                        break;
                    }
                }
            }
            if STOP.contains(&word.as_str()) {
                continue;
            }
            let chars: Vec<char> = word.chars().collect();
            out.push(word.clone());
            if chars.len() > 2 {
                for pair in chars.windows(2) {
                    out.push(pair.iter().collect());
                }
            }
        } else if w.len() > 1 && !w.bytes().all(|b| b.is_ascii_digit()) {
            out.push(stem(&w));
        }
    }
    out
}

/// A BM25 full-text index over short documents, each filed under a 10-digit code.
struct TextIndex {
    codes: Vec<String>,
    /// Term -> (document, weighted term frequency).
    postings: HashMap<String, Vec<(u32, f32)>>,
    /// Weighted length of each document.
    lengths: Vec<f32>,
    average: f32,
}

impl TextIndex {
    fn new(docs: impl Iterator<Item = (String, HashMap<String, f32>)>) -> TextIndex {
        let mut codes = Vec::new();
        let mut postings: HashMap<String, Vec<(u32, f32)>> = HashMap::new();
        let mut lengths = Vec::new();
        for (code, tf) in docs {
            let i = codes.len() as u32;
            lengths.push(tf.values().sum());
            for (t, f) in tf {
                postings.entry(t).or_default().push((i, f));
            }
            codes.push(code);
        }
        let average = lengths.iter().sum::<f32>() / lengths.len().max(1) as f32;
        TextIndex {
            codes,
            postings,
            lengths,
            average,
        }
    }

    /// Documents sharing terms with the query, best first: (document, score, share of the
    /// query's term weight matched).
    fn search(&self, qterms: &[(String, f32)], limit: usize) -> Vec<(u32, f32, f32)> {
        let total: f32 = qterms.iter().map(|(_, w)| w).sum();
        if total <= 0.0 {
            return Vec::new();
        }
        let n = self.codes.len() as f32;
        let (k1, b) = (1.2f32, 0.6f32);
        let mut acc: HashMap<u32, (f32, f32)> = HashMap::new();
        for (t, qw) in qterms {
            let Some(list) = self.postings.get(t) else {
                continue;
            };
            let df = list.len() as f32;
            let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
            for &(i, f) in list {
                let len = self.lengths[i as usize] / self.average;
                let s = idf * f * (k1 + 1.0) / (f + k1 * (1.0 - b + b * len));
                let e = acc.entry(i).or_default();
                e.0 += qw * s;
                e.1 += qw;
            }
        }
        let mut hits: Vec<(u32, f32, f32)> = acc
            .into_iter()
            .map(|(i, (score, matched))| (i, score, matched / total))
            .collect();
        hits.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        hits.truncate(limit);
        hits
    }
}

/// The weighted terms of a query: each distinct term of the text once, then the extra terms
/// (translations) with their weights.
fn query_terms(query: &str, extra: &[(String, f32)]) -> Vec<(String, f32)> {
    let mut qterms: Vec<(String, f32)> = Vec::new();
    for t in terms(query) {
        if !qterms.iter().any(|(q, _)| *q == t) {
            qterms.push((t, 1.0));
        }
    }
    for (t, w) in extra {
        for t in terms(t) {
            if !qterms.iter().any(|(q, _)| *q == t) {
                qterms.push((t, *w));
            }
        }
    }
    qterms
}

fn term_counts(parts: &[(&str, f32)]) -> HashMap<String, f32> {
    let mut tf: HashMap<String, f32> = HashMap::new();
    for (text, w) in parts {
        for t in terms(text) {
            *tf.entry(t).or_default() += w;
        }
    }
    tf
}

/// A full-text index over the names of every 10-digit code and the levels above it.
pub struct TariffIndex {
    text: TextIndex,
}

/// How much a term found in each level counts: the code's own name most, then its groupings,
/// its subheading, its heading, and the KCS group of goods.
const W_LEAF: f32 = 2.0;
const W_GROUPING: f32 = 1.5;
const W_SUBHEADING: f32 = 1.2;
const W_HEADING: f32 = 1.0;
const W_GROUP: f32 = 1.0;

impl TariffIndex {
    pub fn new(hsk: &HskTable, hs: &HsTable) -> TariffIndex {
        let docs = hsk.codes().map(|row| {
            let mut parts: Vec<(&str, f32)> = vec![
                (row.name_ko.as_str(), W_LEAF),
                (row.name_en.as_str(), W_LEAF),
            ];
            for g in hsk.groupings(&row.code) {
                parts.push((g.name_ko.as_str(), W_GROUPING));
                parts.push((g.name_en.as_str(), W_GROUPING));
            }
            parts.push((
                hs.description(&row.code[..6]).unwrap_or_default(),
                W_SUBHEADING,
            ));
            parts.push((
                hs.description(&row.code[..4]).unwrap_or_default(),
                W_HEADING,
            ));
            parts.push((row.group_ko.as_str(), W_GROUP));
            (row.code.clone(), term_counts(&parts))
        });
        TariffIndex {
            text: TextIndex::new(docs),
        }
    }

    /// The index of the bundled tables, built once.
    pub fn bundled(hs: &HsTable) -> &'static TariffIndex {
        static INDEX: OnceLock<TariffIndex> = OnceLock::new();
        INDEX.get_or_init(|| TariffIndex::new(HskTable::bundled(), hs))
    }

    /// Codes whose names share terms with the query (plus `extra` weighted terms), best first.
    pub fn search(&self, query: &str, extra: &[(String, f32)], limit: usize) -> Vec<TariffHit> {
        self.text
            .search(&query_terms(query, extra), limit)
            .into_iter()
            .map(|(i, score, matched)| TariffHit {
                code: self.text.codes[i as usize].clone(),
                score,
                matched,
            })
            .collect()
    }
}

/// One code found by [`TariffIndex::search`] or [`Precedents::search`].
#[derive(Debug, Clone, PartialEq)]
pub struct TariffHit {
    pub code: String,
    pub score: f32,
    /// Share of the query's terms the code's names hold (0–1).
    pub matched: f32,
}

/// Published KCS classification cases: how customs classified goods described in a given way
/// (`assets/hs/precedents.tsv`, see its provenance).
pub struct Precedents {
    text: TextIndex,
    descriptions: Vec<String>,
}

/// A classification case similar to what the seller typed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HsPrecedent {
    /// The code customs gave the goods.
    pub code: String,
    /// How the goods were described in the case.
    pub description: String,
}

impl Precedents {
    /// Read `code<TAB>description` rows (with a header line).
    pub fn from_tsv(text: &str) -> Result<Precedents, String> {
        let mut rows = Vec::new();
        for (n, line) in text.lines().enumerate().skip(1) {
            let (code, desc) = line
                .split_once('\t')
                .ok_or_else(|| format!("precedents.tsv line {}: expected 2 columns", n + 1))?;
            if code.len() != 10 || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("precedents.tsv line {}: bad code {code}", n + 1));
            }
            rows.push((code.to_string(), desc.to_string()));
        }
        let docs = rows
            .iter()
            .map(|(c, d)| (c.clone(), term_counts(&[(d.as_str(), 1.0)])));
        let text = TextIndex::new(docs);
        Ok(Precedents {
            text,
            descriptions: rows.into_iter().map(|(_, d)| d).collect(),
        })
    }

    /// The bundled cases, indexed once.
    pub fn bundled() -> &'static Precedents {
        static CASES: OnceLock<Precedents> = OnceLock::new();
        CASES.get_or_init(|| {
            Precedents::from_tsv(include_str!("../../../assets/hs/precedents.tsv"))
                .expect("the bundled precedents are valid (checked by tests)")
        })
    }

    pub fn len(&self) -> usize {
        self.descriptions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.descriptions.is_empty()
    }

    /// Cases described most like the query, best first.
    pub fn search(
        &self,
        query: &str,
        extra: &[(String, f32)],
        limit: usize,
    ) -> Vec<(TariffHit, &str)> {
        self.text
            .search(&query_terms(query, extra), limit)
            .into_iter()
            .map(|(i, score, matched)| {
                (
                    TariffHit {
                        code: self.text.codes[i as usize].clone(),
                        score,
                        matched,
                    },
                    self.descriptions[i as usize].as_str(),
                )
            })
            .collect()
    }
}

/// Another code of the same subheading: one of the answers to the question that tells the codes
/// apart (material, use, retail packing, set…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HskChoice {
    pub code: String,
    pub dotted: String,
    /// The names below the subheading that set this code apart (its groupings and own name).
    pub label_ko: String,
    pub label_en: String,
}

/// One finder suggestion: a 10-digit code with how sure the finder is, why, and the other codes
/// of its subheading to choose from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HsSuggestion {
    pub line: HskLine,
    pub confidence: HsConfidence,
    /// How the subheading was found (keyword, description words, code).
    pub basis: crate::hs::HsBasis,
    /// The shop's own products already given this code whose names are like the query.
    pub own_products: Vec<String>,
    /// ExportDesk keywords of the subheading, if any (those that matched first).
    pub keywords_ko: Vec<String>,
    pub keywords_en: Vec<String>,
    /// Published classification cases of goods described like the query, under this
    /// subheading (best first): evidence the seller can read.
    pub precedents: Vec<HsPrecedent>,
    /// Every code of the subheading, this one included, in the finder's order: the choice the
    /// seller makes when the words cannot tell.
    pub choices: Vec<HskChoice>,
    /// The subheadings of the same heading (this one included), when there are several: the
    /// question one level up — material, use, retail packing, set — with the HS 2022 names that
    /// tell them apart. `code` and `dotted` are six digits.
    pub subheadings: Vec<HskChoice>,
}

/// Weights of the three rankings fused: the keyword finder, the tariff names, the cases.
const FUSE_KEYWORDS: f32 = 1.6;
const FUSE_NAMES: f32 = 1.0;
const FUSE_CASES: f32 = 3.0;
/// Reciprocal-rank constant: how quickly a lower rank stops counting.
const FUSE_K: f32 = 4.0;
/// How many cases are read for one query, and shown with one suggestion.
const CASES_READ: usize = 60;
const CASES_SHOWN: usize = 3;

/// The HS finder: the keyword finder of [`HsTable::search`], the tariff names of
/// [`TariffIndex`] and, when given, the classification cases of [`Precedents`].
pub struct Finder<'a> {
    pub hs: &'a HsTable,
    pub hsk: &'a HskTable,
    pub names: &'a TariffIndex,
    pub precedents: Option<&'a Precedents>,
    /// The shop's own earlier choices: (10-digit code, product name) of its products.
    pub own: &'a [(String, String)],
}

/// A product of the shop whose name is this much like the query (share of the query's terms)
/// counts as the same kind of goods.
const OWN_ALIKE: f32 = 0.5;
/// Weight of the shop's own choices in the fusion: above every other source.
const FUSE_OWN: f32 = 6.0;

impl Finder<'_> {
    /// Find 10-digit codes for a product name, a title or a code. Each source ranks
    /// subheadings; the rankings are fused (reciprocal rank), and each subheading offers the
    /// code the cases and the names point to, with its other codes as choices. Best first; at
    /// most `limit` subheadings.
    pub fn find(&self, query: &str, limit: usize) -> Vec<HsSuggestion> {
        let (hs, hsk) = (self.hs, self.hsk);
        let q = query.trim();
        if q.is_empty() {
            return Vec::new();
        }
        let keyed = hs.search(q, 40);
        let is_code = keyed
            .first()
            .is_some_and(|m| m.basis == crate::hs::HsBasis::Code);
        let digits: String = q.chars().filter(|c| c.is_ascii_digit()).collect();
        let mut subs: HashMap<String, f32> = HashMap::new();
        let mut basis_of: HashMap<String, (crate::hs::HsBasis, usize)> = HashMap::new();
        for (rank, m) in keyed.iter().enumerate() {
            let w = FUSE_KEYWORDS / (FUSE_K + rank as f32);
            let code = m.code.as_str();
            let targets: Vec<String> = if code.len() >= 6 {
                vec![code[..6].to_string()]
            } else if code.len() == 4 {
                let mut s: Vec<String> = hsk.under(code).map(|r| r.code[..6].to_string()).collect();
                s.dedup();
                s
            } else {
                Vec::new()
            };
            let share = if targets.len() > 1 { 0.5 } else { 1.0 };
            for t in targets {
                *subs.entry(t.clone()).or_default() += w * share;
                basis_of.entry(t).or_insert((m.basis, rank));
            }
        }
        let extra = if is_code {
            Vec::new()
        } else {
            hs.translations(q)
        };
        let hits = if is_code {
            Vec::new()
        } else {
            self.names.search(q, &extra, 300)
        };
        let qterms = if is_code {
            Vec::new()
        } else {
            query_terms(q, &extra)
        };
        // The weight of the words typed (translations aside).
        let query_weight = qterms.iter().filter(|(_, w)| *w >= 1.0).count().max(1) as f32;
        let mut line_score: HashMap<&str, (f32, f32)> = HashMap::new();
        let mut sub_rank: HashMap<String, usize> = HashMap::new();
        for h in &hits {
            line_score.insert(h.code.as_str(), (h.score, h.matched));
            let n = sub_rank.len();
            sub_rank.entry(h.code[..6].to_string()).or_insert(n);
        }
        for (sub, rank) in &sub_rank {
            *subs.entry(sub.clone()).or_default() += FUSE_NAMES / (FUSE_K + *rank as f32);
        }
        // Cases: each subheading by the rank of its first case; each code by its cases' ranks.
        let cases = match self.precedents {
            Some(p) if !is_code => p.search(q, &extra, CASES_READ),
            _ => Vec::new(),
        };
        let mut case_rank: HashMap<String, usize> = HashMap::new();
        let mut code_votes: HashMap<&str, f32> = HashMap::new();
        let mut case_best: f32 = 0.0;
        let mut case_share: HashMap<String, f32> = HashMap::new();
        for (rank, (h, _)) in cases.iter().enumerate() {
            let n = case_rank.len();
            case_rank.entry(h.code[..6].to_string()).or_insert(n);
            case_share
                .entry(h.code[..6].to_string())
                .or_insert(h.matched);
            *code_votes.entry(h.code.as_str()).or_default() += h.matched / (1.0 + rank as f32);
            if rank == 0 {
                case_best = h.matched;
            }
        }
        // A case counts as much as it matches: one sharing a single word of a three-word name
        // ("Marble Flower Vase" for "Celadon Mini Vase") must not outrank a keyword.
        for (sub, rank) in &case_rank {
            let share = case_share.get(sub).copied().unwrap_or(0.0);
            *subs.entry(sub.clone()).or_default() += FUSE_CASES * share / (FUSE_K + *rank as f32);
        }
        // The shop's own products named like the query: their codes first.
        let own = if is_code {
            Vec::new()
        } else {
            self.own_alike(q)
        };
        let mut own_votes: HashMap<&str, f32> = HashMap::new();
        let mut own_names: HashMap<&str, Vec<String>> = HashMap::new();
        for (rank, (code, name, share)) in own.iter().enumerate() {
            *subs.entry(code[..6].to_string()).or_default() +=
                FUSE_OWN * share / (FUSE_K + rank as f32);
            *own_votes.entry(code.as_str()).or_default() += share;
            own_names
                .entry(code.as_str())
                .or_default()
                .push(name.to_string());
        }
        let mut ranked: Vec<(String, f32)> = subs.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut out = Vec::new();
        for (sub, _) in ranked {
            if out.len() >= limit {
                break;
            }
            let mut lines: Vec<&HskRow> = hsk.under(&sub).collect();
            if lines.is_empty() {
                continue;
            }
            // A typed 10-digit code first; then the shop's own choice; then, by one score, the
            // query's words found in a code's own name or groupings (보자기 under 6307.90) and
            // the cases that chose the code, each counting as much as it matched; then the codes
            // whose names match best.
            let own_terms: HashMap<&str, f32> = lines
                .iter()
                .map(|r| {
                    let mut named: Vec<String> = terms(&r.name_ko);
                    named.extend(terms(&r.name_en));
                    for g in hsk.groupings(&r.code) {
                        named.extend(terms(&g.name_ko));
                        named.extend(terms(&g.name_en));
                    }
                    let hit: f32 = qterms
                        .iter()
                        .filter(|(t, _)| named.contains(t))
                        .map(|(_, w)| w)
                        .sum();
                    (r.code.as_str(), (hit / query_weight).min(1.0))
                })
                .collect();
            lines.sort_by(|a, b| {
                let exact = |r: &HskRow| is_code && digits.len() == 10 && r.code == digits;
                let own = |r: &HskRow| own_votes.get(r.code.as_str()).copied().unwrap_or(0.0);
                let score = |r: &HskRow| {
                    own_terms.get(r.code.as_str()).copied().unwrap_or(0.0)
                        + code_votes.get(r.code.as_str()).copied().unwrap_or(0.0)
                };
                let names = |r: &HskRow| line_score.get(r.code.as_str()).map_or(0.0, |s| s.0);
                exact(b)
                    .cmp(&exact(a))
                    .then_with(|| own(b).total_cmp(&own(a)))
                    .then_with(|| score(b).total_cmp(&score(a)))
                    .then_with(|| names(b).total_cmp(&names(a)))
                    .then_with(|| a.code.cmp(&b.code))
            });
            if is_code && digits.len() > 6 && !lines[0].code.starts_with(&digits) {
                continue;
            }
            let best = lines[0];
            let Some(line) = hsk.line(&best.code, hs) else {
                continue;
            };
            let (basis, krank) = basis_of
                .get(&sub)
                .copied()
                .unwrap_or((crate::hs::HsBasis::Description, usize::MAX));
            let matched = line_score.get(best.code.as_str()).map_or(0.0, |s| s.1);
            let top_case = case_rank.get(&sub) == Some(&0);
            let short = words_of(q).len() <= 3;
            let own_products = own_names.remove(best.code.as_str()).unwrap_or_default();
            let own_share = own_votes.get(best.code.as_str()).copied().unwrap_or(0.0);
            let confidence = match basis {
                _ if own_share >= 0.8 => HsConfidence::Exact,
                _ if !own_products.is_empty() => HsConfidence::Strong,
                crate::hs::HsBasis::Code => HsConfidence::Exact,
                // A short name that is one of ExportDesk's keywords, which the closest case
                // (if any) does not contradict. A keyword inside a long description is only
                // strong: measured on real cases, no surer than the other strong ones.
                crate::hs::HsBasis::KeywordExact
                    if krank == 0 && short && (top_case || cases.is_empty()) =>
                {
                    HsConfidence::Exact
                }
                crate::hs::HsBasis::KeywordExact | crate::hs::HsBasis::Keyword => {
                    HsConfidence::Strong
                }
                _ if matched >= 0.6 || (top_case && case_best >= 0.75) => HsConfidence::Strong,
                _ => HsConfidence::Weak,
            };
            let (keywords_ko, keywords_en) = keyed
                .iter()
                .find(|m| m.code == sub || m.code == sub[..4])
                .map(|m| (m.keywords_ko.clone(), m.keywords_en.clone()))
                .unwrap_or_default();
            let precedents = cases
                .iter()
                .filter(|(h, _)| h.code.starts_with(&sub))
                .take(CASES_SHOWN)
                .map(|(h, d)| HsPrecedent {
                    code: h.code.clone(),
                    description: d.to_string(),
                })
                .collect();
            let choices = lines.iter().map(|r| hsk.choice(r)).collect();
            let subheadings = self.subheadings_of(&sub[..4]);
            out.push(HsSuggestion {
                line,
                confidence,
                basis,
                own_products,
                keywords_ko,
                keywords_en,
                precedents,
                choices,
                subheadings,
            });
        }
        out
    }

    /// The subheadings of a heading that hold codes, with their HS 2022 names; empty when the
    /// heading has only one.
    fn subheadings_of(&self, heading: &str) -> Vec<HskChoice> {
        let mut subs: Vec<&str> = self.hsk.under(heading).map(|r| &r.code[..6]).collect();
        subs.dedup();
        if subs.len() < 2 {
            return Vec::new();
        }
        subs.into_iter()
            .map(|s| {
                let name = self.hs.description(s).unwrap_or_default().to_string();
                HskChoice {
                    code: s.to_string(),
                    dotted: format!("{}.{}", &s[..4], &s[4..]),
                    label_ko: name.clone(),
                    label_en: name,
                }
            })
            .collect()
    }

    /// The shop's products named like the query, most alike first: (code, name, share of the
    /// query's terms the name holds).
    fn own_alike(&self, q: &str) -> Vec<(String, String, f32)> {
        let qt = query_terms(q, &[]);
        let total: f32 = qt.iter().map(|(_, w)| w).sum();
        if total <= 0.0 {
            return Vec::new();
        }
        let mut out: Vec<(String, String, f32)> = self
            .own
            .iter()
            .filter(|(code, _)| self.hsk.row(code).is_some_and(|r| r.code.len() == 10))
            .filter_map(|(code, name)| {
                let nt = terms(name);
                let hit: f32 = qt
                    .iter()
                    .filter(|(t, _)| nt.contains(t))
                    .map(|(_, w)| w)
                    .sum();
                let share = hit / total;
                (share >= OWN_ALIKE).then(|| (code.clone(), name.clone(), share))
            })
            .collect();
        out.sort_by(|a, b| b.2.total_cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
        out.truncate(10);
        out
    }
}

#[cfg(test)]
mod tests;
