//! HS codes (품목번호) and the HS 2022 finder.
//!
//! The nomenclature is the WCO's HS 2022 at 2/4/6 digits (generated into `assets/hs/hs2022.tsv`);
//! Korea's HSK adds four national digits, which only the declaration needs. Korean and English
//! keywords for common e-commerce goods (`assets/hs/keywords.tsv`) let a seller find a code by
//! the words they use for their product, or by the product title of their listing; each result
//! says how it was found ([`HsBasis`]), so the screen can tell a sure keyword from a guess.

use crate::problem::Problem;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;
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

/// How the finder reached a result: tells the seller how far to trust the code it offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HsBasis {
    /// Found by its number (품목번호): what you typed is this code or its first digits.
    Code,
    /// One of ExportDesk's keywords (키워드) is exactly what you typed, or is one of the whole
    /// words you typed (a product name inside a longer title counts). The finder is fairly sure
    /// of these six digits; the last four Korean digits (HSK) still come from the tariff.
    KeywordExact,
    /// A keyword matched only in part: the start of a word, a piece of a longer word, or some of
    /// its words. Worth a look, but compare it with the other results before you pick it.
    Keyword,
    /// No keyword matched; only words of the official English description (품명) did. This is
    /// a guess: read the description and check the code before you use it.
    Description,
}

/// One finder result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HsMatch {
    pub code: String,
    pub dotted: String,
    pub description_en: String,
    /// Korean keywords attached to this code, if any; those of the row that matched come first.
    pub keywords_ko: Vec<String>,
    pub keywords_en: Vec<String>,
    /// Ranking score, higher is better. Only the order means something.
    pub score: u32,
    /// What matched, and so how sure the finder is.
    pub basis: HsBasis,
}

/// One row of `keywords.tsv`.
struct Keyword {
    code: String,
    ko: Vec<String>,
    en: Vec<String>,
    /// Every keyword of the row, Korean then English, prepared for matching.
    terms: Vec<Term>,
}

/// One keyword prepared for matching. A keyword may carry qualifiers in parentheses,
/// `코스터(종이)` or `coaster (paper)`: the words outside are its head, the words inside say
/// which variety (mostly the material) the row is for.
struct Term {
    /// Head and qualifier words, in order.
    words: Vec<String>,
    /// `words` run together, so spacing does not matter (`선 크림` = `선크림`).
    compact: String,
    head: Vec<String>,
    /// The head run together.
    whole_head: Piece,
    /// Each parenthesised qualifier, run together.
    quals: Vec<Piece>,
    /// The head words that can be looked for on their own (two characters or more, not noise).
    parts: Vec<Piece>,
}

/// A keyword or a part of one, ready to be looked for in a query.
struct Piece {
    text: String,
    chars: Vec<char>,
    /// Korean of two characters or more: may match inside a query word.
    korean: bool,
}

impl Piece {
    fn new(text: String) -> Piece {
        let chars: Vec<char> = text.chars().collect();
        let korean = chars.len() >= 2 && chars.iter().any(|&c| is_hangul(c));
        Piece {
            text,
            chars,
            korean,
        }
    }
}

impl Term {
    fn new(raw: &str) -> Term {
        let mut head_text = String::new();
        let mut qual_texts = Vec::new();
        let mut inside: Option<String> = None;
        for c in raw.chars() {
            match (c, inside.as_mut()) {
                ('(', None) => inside = Some(String::new()),
                (')', Some(q)) => {
                    qual_texts.push(std::mem::take(q));
                    inside = None;
                    head_text.push(' ');
                }
                (_, Some(q)) => q.push(c),
                (_, None) => head_text.push(c),
            }
        }
        if let Some(q) = inside {
            qual_texts.push(q);
        }
        let mut head = words_of(&head_text);
        let mut quals: Vec<String> = qual_texts
            .iter()
            .map(|q| words_of(q).concat())
            .filter(|q| !q.is_empty())
            .collect();
        if head.is_empty() {
            head = qual_texts.iter().flat_map(|q| words_of(q)).collect();
            quals.clear();
        }
        let mut words = head.clone();
        if !quals.is_empty() {
            for q in &qual_texts {
                words.extend(words_of(q));
            }
        }
        let parts = head
            .iter()
            .filter(|w| w.chars().count() >= 2 && !NOISE.contains(&w.as_str()))
            .map(|w| Piece::new(w.clone()))
            .collect();
        Term {
            compact: words.concat(),
            whole_head: Piece::new(head.concat()),
            quals: quals.into_iter().map(Piece::new).collect(),
            parts,
            words,
            head,
        }
    }
}

/// The HS 2022 table with keywords, ready to search.
pub struct HsTable {
    descriptions: Vec<(String, String)>,
    /// The words of the descriptions, built on the first word search so that loading stays
    /// quick.
    description_words: OnceLock<DescriptionWords>,
    index: HashMap<String, usize>,
    keywords: Vec<Keyword>,
    /// Code -> the keyword rows that point to it, in file order.
    rows_by_code: HashMap<String, Vec<usize>>,
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
        let mut rows_by_code: HashMap<String, Vec<usize>> = HashMap::new();
        for (n, line) in keywords.lines().enumerate().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 3 {
                return Err(format!("keywords.tsv line {}: expected 3 columns", n + 1));
            }
            let ko = split_list(cols[1]);
            let en = split_list(cols[2]);
            let terms = ko
                .iter()
                .chain(&en)
                .map(|w| Term::new(w))
                .filter(|t| !t.compact.is_empty())
                .collect();
            rows_by_code
                .entry(cols[0].to_string())
                .or_default()
                .push(kw.len());
            kw.push(Keyword {
                code: cols[0].to_string(),
                ko,
                en,
                terms,
            });
        }
        Ok(HsTable {
            descriptions,
            description_words: OnceLock::new(),
            index,
            keywords: kw,
            rows_by_code,
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

    fn matched(&self, code: &str, found: &Found) -> HsMatch {
        let rows = self
            .rows_by_code
            .get(code)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        // The row that matched first, then the others in file order.
        let ordered = found
            .row
            .iter()
            .copied()
            .chain(rows.iter().copied().filter(|&r| Some(r) != found.row));
        let (mut ko, mut en) = (Vec::new(), Vec::new());
        for r in ordered {
            ko.extend(self.keywords[r].ko.iter().cloned());
            en.extend(self.keywords[r].en.iter().cloned());
        }
        let dotted = HsCode::parse(code)
            .map(|c| c.dotted())
            .unwrap_or_else(|_| code.to_string());
        HsMatch {
            code: code.to_string(),
            dotted,
            description_en: self.description(code).unwrap_or_default().to_string(),
            keywords_ko: ko,
            keywords_en: en,
            score: found.score,
            basis: found.basis,
        }
    }

    /// English words for a Korean query, from the keyword rows whose Korean keyword (its head,
    /// spacing aside) the query holds: `아이라이너` gives `eyeliner`, so the tariff's English
    /// names can be searched too; and Korean words for an English query, from the rows whose
    /// English keyword is among its words. Each with the weight the term should count for.
    pub fn translations(&self, query: &str) -> Vec<(String, f32)> {
        let compact: String = query
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        let mut out: Vec<(String, f32)> = Vec::new();
        if !compact.chars().any(is_hangul) {
            // English the other way: `bojagi gift wrap` gives `보자기`, so the tariff's Korean
            // names (often the only ones that tell national codes apart) can be searched too.
            let words = words_of(query);
            for k in &self.keywords {
                let hit = k.en.iter().any(|w| {
                    let head = words_of(w.split('(').next().unwrap_or_default());
                    !head.is_empty()
                        && words
                            .windows(head.len())
                            .any(|win| win.iter().eq(head.iter()))
                });
                if hit {
                    for ko in &k.ko {
                        let head = ko.split('(').next().unwrap_or_default().trim().to_string();
                        if !head.is_empty() && !out.iter().any(|(t, _)| *t == head) {
                            out.push((head, 0.3));
                        }
                    }
                }
            }
            return out;
        }
        for k in &self.keywords {
            let hit = k.ko.iter().any(|w| {
                let head: String = w
                    .split('(')
                    .next()
                    .unwrap_or_default()
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect();
                head.chars().count() >= 2 && compact.contains(&head)
            });
            if hit {
                for en in &k.en {
                    let head = en.split('(').next().unwrap_or_default().trim().to_string();
                    if !head.is_empty() && !out.iter().any(|(t, _)| *t == head) {
                        out.push((head, 0.6));
                    }
                }
            }
        }
        out
    }

    /// Search by code prefix (`3304`, `3304.99`) or by Korean/English words (`선크림`,
    /// `sun cream`, or a whole product title), best first.
    ///
    /// Ranking, from best to weakest: a keyword equal to the query (spacing, hyphens and
    /// parentheses aside); the query as whole words of a keyword; a keyword starting with the
    /// query; a keyword containing the query or, for a single word, contained in it; a keyword
    /// holding every query word. Below those, a long query such as a product title is scored by
    /// how many of its meaningful words the keywords of a code (and, worth a little less, its
    /// English description) cover. Sizes, counts and words like `official`, `set`, `정품` do not
    /// count, words after `for`/`with`/`in` count half, a keyword whose qualifier (`(paper)`)
    /// the title does not mention counts a little less, and tea, ginseng, rice or honey named
    /// before the goods ("green tea serum") count as an ingredient.
    pub fn search(&self, query: &str, limit: usize) -> Vec<HsMatch> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return Vec::new();
        }
        let digits: String = q
            .chars()
            .filter(|c| !matches!(c, '.' | '-' | ' '))
            .collect();
        let mut found: HashMap<&str, Found> = HashMap::new();
        if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
            let prefix = &digits[..digits.len().min(6)];
            for (code, _) in &self.descriptions {
                if code.starts_with(prefix) {
                    // Exact code first, then the nearest levels below it.
                    let score = 1000 - (code.len() - prefix.len().min(code.len())) as u32 * 10;
                    found.insert(
                        code,
                        Found {
                            score,
                            basis: HsBasis::Code,
                            row: None,
                        },
                    );
                }
            }
        } else {
            let q = Query::new(&q);
            if q.compact.is_empty() {
                return Vec::new();
            }
            self.rank_keywords(&q, &mut found);
            self.rank_coverage(&q, &mut found);
        }
        let mut ranked: Vec<(&str, Found)> = found.into_iter().collect();
        ranked.sort_by(|a, b| b.1.score.cmp(&a.1.score).then_with(|| a.0.cmp(b.0)));
        ranked
            .into_iter()
            .take(limit)
            .map(|(code, f)| self.matched(code, &f))
            .collect()
    }

    /// The keyword tiers (exact, whole word, prefix, contains, all words).
    fn rank_keywords<'a>(&'a self, q: &Query, found: &mut HashMap<&'a str, Found>) {
        for (r, k) in self.keywords.iter().enumerate() {
            let best = k.terms.iter().filter_map(|t| keyword_tier(q, t)).max();
            if let Some((score, exact)) = best {
                let basis = if exact {
                    HsBasis::KeywordExact
                } else {
                    HsBasis::Keyword
                };
                offer(found, &k.code, score, basis, Some(r));
            }
        }
    }

    /// Word coverage: how much of the query (a product title, say) a code's keywords and
    /// description account for.
    fn rank_coverage<'a>(&'a self, q: &Query, found: &mut HashMap<&'a str, Found>) {
        let total: f32 = q.weights.iter().sum();
        if total <= 0.0 {
            return;
        }
        let mut keyed: HashMap<&str, Keyed> = HashMap::new();
        for (r, k) in self.keywords.iter().enumerate() {
            let mut cover = vec![0.0f32; q.chars.len()];
            let mut whole = false;
            for t in &k.terms {
                whole |= cover_term(q, t, &mut cover);
            }
            let sum: f32 = q
                .word_cover(&cover)
                .iter()
                .zip(&q.weights)
                .map(|(c, w)| c * w)
                .sum();
            if sum <= 0.0 {
                continue;
            }
            let e = keyed.entry(k.code.as_str()).or_insert_with(|| Keyed {
                chars: vec![0.0; q.chars.len()],
                whole: false,
                row: r,
                best: 0.0,
            });
            for (a, b) in e.chars.iter_mut().zip(&cover) {
                *a = a.max(*b);
            }
            e.whole |= whole;
            if sum > e.best {
                e.row = r;
                e.best = sum;
            }
        }
        // Where the goods themselves are named: the latest word at which a keyword of a code
        // outside the raw-produce chapters (01-14) starts to match properly. Tea, ginseng, rice
        // or honey named before it ("green tea serum", "honey butter chips") are ingredients.
        let goods_start = keyed
            .iter()
            .filter(|(code, _)| !raw_produce(code))
            .filter_map(|(_, k)| k.first_strong_word(q))
            .max();
        // The descriptions worth scoring: those with a keyword match, and those holding a query
        // word or a word it starts.
        let dw = self
            .description_words
            .get_or_init(|| DescriptionWords::new(&self.descriptions));
        let mut candidates: Vec<usize> = keyed
            .keys()
            .filter_map(|code| self.index.get(*code).copied())
            .collect();
        for (w, &wt) in q.words.iter().zip(&q.weights) {
            if wt > 0.0 && !w.chars().any(is_hangul) {
                for (_, at) in dw.starting_with(w) {
                    candidates.extend(at);
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        for i in candidates {
            let (code, desc) = &self.descriptions[i];
            let from_desc = dw.cover(q, i);
            let key = keyed.get(code.as_str());
            if key.is_none() && from_desc.iter().all(|&c| c <= 0.0) {
                continue;
            }
            let from_keys = key.map(|k| q.word_cover(&k.chars)).unwrap_or_default();
            let mut covered = 0.0;
            let mut keyed_sum = 0.0;
            let mut late = 0.0;
            let mut last = 0;
            for (n, &w) in q.weights.iter().enumerate() {
                let k = from_keys.get(n).copied().unwrap_or(0.0);
                let d = from_desc.get(n).copied().unwrap_or(0.0) * DESCRIPTION_WEIGHT;
                let c = k.max(d) * w;
                if c > 0.0 {
                    last = n;
                }
                covered += c;
                keyed_sum += k * w;
                late += c * (n + 1) as f32 / q.words.len() as f32;
            }
            if covered <= 0.0 {
                continue;
            }
            let ingredient = raw_produce(code) && goods_start.is_some_and(|g| last < g);
            let share = if ingredient { 0.5 } else { 1.0 } * covered / total;
            // Among equals, the code whose words come later wins: in "green tea serum" the
            // product is named last.
            let mut score = 150.0 + 300.0 * share + 10.0 * late / covered;
            let (basis, row) = match key {
                Some(k) if keyed_sum > 0.0 => {
                    if k.chars.iter().any(|&c| c > SOME_WORDS) {
                        score += 20.0;
                    }
                    let basis = if k.whole {
                        HsBasis::KeywordExact
                    } else {
                        HsBasis::Keyword
                    };
                    (basis, Some(k.row))
                }
                _ => {
                    // Prefer short, specific descriptions.
                    score += 10.0 - (desc.len().min(200) / 20) as f32;
                    (HsBasis::Description, None)
                }
            };
            offer(found, code, score.round() as u32, basis, row);
        }
    }
}

/// The words of the HS descriptions, for matching.
struct DescriptionWords {
    /// The words of each description (same order as the table), sorted, without repeats.
    of: Vec<Vec<String>>,
    /// Every description word, sorted, with the descriptions it is in.
    vocabulary: Vec<(String, Vec<usize>)>,
}

impl DescriptionWords {
    fn new(descriptions: &[(String, String)]) -> DescriptionWords {
        let of: Vec<Vec<String>> = descriptions
            .iter()
            .map(|(_, d)| {
                let mut w = words_of(d);
                w.sort_unstable();
                w.dedup();
                w
            })
            .collect();
        let mut seen_in: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, words) in of.iter().enumerate() {
            for w in words {
                seen_in.entry(w.as_str()).or_default().push(i);
            }
        }
        let mut vocabulary: Vec<(String, Vec<usize>)> = seen_in
            .into_iter()
            .map(|(w, at)| (w.to_string(), at))
            .collect();
        vocabulary.sort_unstable();
        DescriptionWords { of, vocabulary }
    }

    /// The vocabulary entries for `w`: the word itself, or for a word of three letters or more
    /// also the words it starts ("cup" -> "cupboard").
    fn starting_with<'a>(&'a self, w: &str) -> &'a [(String, Vec<usize>)] {
        let from = self.vocabulary.partition_point(|(v, _)| v.as_str() < w);
        let rest = &self.vocabulary[from..];
        let n = if w.len() >= 3 {
            rest.iter().take_while(|(v, _)| v.starts_with(w)).count()
        } else {
            usize::from(rest.first().is_some_and(|(v, _)| v == w))
        };
        &rest[..n]
    }

    /// How much a description word is worth, from 1 (in a handful of descriptions) down to 0.3
    /// (in hundreds, like `steel` or `articles`).
    fn rarity(&self, w: &str) -> f32 {
        let at = self.vocabulary.partition_point(|(v, _)| v.as_str() < w);
        let Some((_, seen)) = self.vocabulary.get(at).filter(|(v, _)| v == w) else {
            return 1.0;
        };
        let n = self.of.len().max(4) as f32;
        ((n / seen.len() as f32).ln() / (n / 3.0).ln()).clamp(0.3, 1.0)
    }

    /// Per query word: its rarity if it is a word of description `i`, 0.3 of that if it only
    /// starts one ("cup" in "cupboards"), else 0. Korean words never match the English
    /// descriptions.
    fn cover(&self, q: &Query, i: usize) -> Vec<f32> {
        let words = &self.of[i];
        q.words
            .iter()
            .zip(&q.weights)
            .map(|(w, &wt)| {
                if wt <= 0.0 || w.chars().any(is_hangul) {
                    0.0
                } else if words.binary_search(w).is_ok() {
                    self.rarity(w)
                } else if w.len() >= 3 {
                    // Sorted, so the words starting with `w` follow its place.
                    let from = words.partition_point(|d| d < w);
                    words[from..]
                        .iter()
                        .take_while(|d| d.starts_with(w.as_str()))
                        .map(|d| 0.3 * self.rarity(d))
                        .fold(0.0, f32::max)
                } else {
                    0.0
                }
            })
            .collect()
    }
}

/// What the keywords of one code cover of a query.
struct Keyed {
    /// Covered share of each query character (the best of the code's rows).
    chars: Vec<f32>,
    /// Whether a whole keyword matched on whole query words.
    whole: bool,
    /// The row that covered most.
    row: usize,
    best: f32,
}

impl Keyed {
    /// The first counting query word where a keyword matches more than a stray word.
    fn first_strong_word(&self, q: &Query) -> Option<usize> {
        (0..q.chars.len())
            .find(|&c| self.chars[c] > SOME_WORDS && q.weights[q.owner[c]] > 0.0)
            .map(|c| q.owner[c])
    }
}

/// Chapters 01-14: animals, plants and their simple products (tea, ginseng, rice, honey).
fn raw_produce(code: &str) -> bool {
    code.get(..2)
        .and_then(|c| c.parse::<u32>().ok())
        .is_some_and(|c| c <= 14)
}

/// A result being ranked.
#[derive(Clone, Copy)]
struct Found {
    score: u32,
    basis: HsBasis,
    row: Option<usize>,
}

fn offer<'a>(
    found: &mut HashMap<&'a str, Found>,
    code: &'a str,
    score: u32,
    basis: HsBasis,
    row: Option<usize>,
) {
    let e = found.entry(code).or_insert(Found {
        score: 0,
        basis,
        row,
    });
    if score > e.score {
        *e = Found { score, basis, row };
    }
}

/// A description word counts for this much of a keyword word.
const DESCRIPTION_WEIGHT: f32 = 0.8;
/// Coverage of a keyword's words found in the title as the keyword has them.
const WHOLE: f32 = 1.0;
/// ...found as the keyword has them, but the keyword's qualifier (the material) is missing.
const UNCONFIRMED: f32 = 0.9;
/// ...all found, but apart or in another order.
const APART: f32 = 0.8;
/// ...only some of them found.
const SOME_WORDS: f32 = 0.35;

/// Words that say nothing about what the goods are: they do not count towards coverage.
#[rustfmt::skip]
const NOISE: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "on", "by", "to", "at", "from", "x", "plus", "new",
    "hot", "best", "sale", "free", "shipping", "delivery", "official", "authentic", "genuine",
    "original", "ver", "version", "vol", "edition", "set", "pcs", "pc", "piece", "pack", "ea",
    "pair", "size", "large", "small", "medium", "big", "mini", "cute", "premium", "handmade",
    "korean", "korea", "kpop", "style", "type", "color", "colour", "option", "unisex", "item",
    "good", "merch", "random",
    "무료배송", "무배", "정품", "공식", "당일발송", "국내", "국내배송", "국산", "국내산", "한국", "한국산", "특가", "할인", "세일",
    "신상", "신제품", "인기", "추천", "베스트", "세트", "선물용", "택1", "대용량", "미니", "증정", "사은품", "단품", "옵션",
    "케이팝", "핸드메이드", "수제", "빅사이즈", "프리사이즈", "남녀공용", "공용", "고급", "프리미엄", "귀여운", "예쁜", "개", "종",
    "매", "입", "장", "개입", "대형", "중형", "소형", "모음",
];

/// After one of these, the words say what the goods are for, not what they are.
const FOR_WORDS: &[&str] = &["for", "with", "in", "compatible", "fits", "fit"];

/// A query prepared for matching.
struct Query {
    /// Normalised words (see [`words_of`]).
    words: Vec<String>,
    /// The words run together.
    compact: String,
    /// How much each word counts towards coverage.
    weights: Vec<f32>,
    /// `compact` as characters, and the word each character belongs to.
    chars: Vec<char>,
    owner: Vec<usize>,
    /// Character offset where each word starts, plus the end.
    starts: Vec<usize>,
}

impl Query {
    fn new(text: &str) -> Query {
        let mut words = words_of(text);
        // "k-pop" arrives as "k" + "pop".
        let mut i = 0;
        while i + 1 < words.len() {
            if words[i] == "k" && words[i + 1] == "pop" {
                words[i] = "kpop".to_string();
                words.remove(i + 1);
            }
            i += 1;
        }
        let mut weights = Vec::with_capacity(words.len());
        let mut factor = 1.0;
        for w in &words {
            if FOR_WORDS.contains(&w.as_str()) {
                factor = 0.5;
                weights.push(0.0);
            } else if NOISE.contains(&w.as_str()) || w.chars().any(|c| c.is_ascii_digit()) {
                weights.push(0.0);
            } else {
                weights.push(factor);
            }
        }
        if weights.iter().all(|&w| w <= 0.0) {
            weights = vec![1.0; words.len()];
        }
        let mut chars = Vec::new();
        let mut owner = Vec::new();
        let mut starts = Vec::new();
        for (n, w) in words.iter().enumerate() {
            starts.push(chars.len());
            for c in w.chars() {
                chars.push(c);
                owner.push(n);
            }
        }
        starts.push(chars.len());
        Query {
            compact: words.concat(),
            words,
            weights,
            chars,
            owner,
            starts,
        }
    }

    /// Per word: the share of its characters covered.
    fn word_cover(&self, cover: &[f32]) -> Vec<f32> {
        (0..self.words.len())
            .map(|n| {
                let (a, b) = (self.starts[n], self.starts[n + 1]);
                if b > a {
                    cover[a..b].iter().sum::<f32>() / (b - a) as f32
                } else {
                    0.0
                }
            })
            .collect()
    }

    /// Where `target` (a compact keyword or keyword part) occurs, as character ranges, each with
    /// whether it lines up with whole query words. Korean (Hangul) targets of two or more
    /// characters may sit inside a word, since Korean compounds are written without spaces;
    /// anything else has to be one or more whole words.
    fn locate(&self, target: &Piece) -> Vec<(usize, usize, bool)> {
        let t = &target.chars;
        let mut hits = Vec::new();
        if t.is_empty() || t.len() > self.chars.len() {
            return hits;
        }
        if target.korean {
            for s in 0..=self.chars.len() - t.len() {
                if self.chars[s..s + t.len()] == t[..] {
                    let e = s + t.len();
                    let aligned = self.starts.contains(&s) && self.starts.contains(&e);
                    hits.push((s, e, aligned));
                }
            }
        } else {
            for i in 0..self.words.len() {
                if let Some(j) = run_of_words(&self.words[i..], &target.text) {
                    hits.push((self.starts[i], self.starts[i + j], true));
                }
            }
        }
        hits
    }

    /// Whether any of these characters belongs to a word that counts.
    fn counts(&self, from: usize, to: usize) -> bool {
        (from..to).any(|c| self.weights[self.owner[c]] > 0.0)
    }
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{3131}'..='\u{318E}' | '\u{1100}'..='\u{11FF}')
}

/// Lower-case words of `text`: runs of letters and digits. Apostrophes are dropped
/// (`season's` -> `seasons`), any other character separates words, and simple English plurals
/// are folded (`coasters` -> `coaster`).
pub(crate) fn words_of(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            cur.push(c);
        } else if matches!(c, '\'' | '\u{2019}') {
            continue;
        } else if !cur.is_empty() {
            out.push(fold_plural(&cur));
            cur.clear();
        }
    }
    if !cur.is_empty() {
        out.push(fold_plural(&cur));
    }
    out
}

/// A crude English singular, used the same way on keywords, descriptions and queries, so it
/// only has to be consistent, not correct.
fn fold_plural(w: &str) -> String {
    match w {
        "scarves" => return "scarf".into(),
        "knives" => return "knife".into(),
        "leaves" => return "leaf".into(),
        "shelves" => return "shelf".into(),
        "women" | "womens" => return "woman".into(),
        "men" | "mens" => return "man".into(),
        "children" | "childrens" => return "child".into(),
        _ => {}
    }
    if w.len() < 4 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return w.to_string();
    }
    let base = if let Some(s) = w.strip_suffix("ies").filter(|s| s.len() > 1) {
        format!("{s}y")
    } else if w.ends_with("sses")
        || w.ends_with("shes")
        || w.ends_with("ches")
        || w.ends_with("xes")
    {
        w[..w.len() - 2].to_string()
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    };
    match base.strip_suffix("ie") {
        Some(s) if base.len() >= 5 => format!("{s}y"),
        _ => base,
    }
}

/// The keyword tiers for one keyword: a score and whether it counts as an exact match.
fn keyword_tier(q: &Query, t: &Term) -> Option<(u32, bool)> {
    let qc = q.compact.as_str();
    let (ql, kl) = (qc.chars().count(), t.compact.chars().count());
    if t.compact == qc {
        return Some((900, true));
    }
    if !t.quals.is_empty() && t.whole_head.text == qc {
        return Some((890, true));
    }
    if q.words.len() > 1 && same_words(&q.words, &t.words) {
        return Some((880, true));
    }
    // Whole words of the head only: "paper" is not a kind of `coaster (paper)`.
    if let Some(extra) = whole_words_in(&t.head, qc) {
        let extra = extra + t.words.len() - t.head.len();
        return Some((850 - 10 * extra.min(5) as u32, true));
    }
    let closeness = |short: usize, long: usize| (40 * short / long.max(1)) as u32;
    if ql >= 2 && t.compact.starts_with(qc) {
        return Some((700 + closeness(ql, kl), false));
    }
    if ql >= 2 && t.compact.contains(qc) {
        return Some((600 + closeness(ql, kl), false));
    }
    if q.words.len() == 1 && kl >= 2 && qc.contains(t.compact.as_str()) {
        // A query word holding a keyword: any Korean keyword (compounds), but in another script
        // only one that is at least half of the word ("cupboard" is not about cups).
        let korean = t.compact.chars().any(is_hangul);
        if korean || (kl >= 3 && kl * 2 >= ql) {
            return Some((600 + closeness(kl, ql), false));
        }
    }
    if q.words.len() > 1 && q.words.iter().all(|w| t.compact.contains(w.as_str())) {
        return Some((500, false));
    }
    None
}

/// Same words, in any order.
fn same_words(a: &[String], b: &[String]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut a, mut b) = (a.to_vec(), b.to_vec());
    a.sort();
    b.sort();
    a == b
}

/// If `target` is one or more consecutive whole words of `words`, how many words are left over.
fn whole_words_in(words: &[String], target: &str) -> Option<usize> {
    (0..words.len())
        .find_map(|i| run_of_words(&words[i..], target))
        .map(|n| words.len() - n)
}

/// If the first words of `words`, run together, make `target`: how many words that takes.
fn run_of_words(words: &[String], target: &str) -> Option<usize> {
    let mut at = 0;
    for (n, w) in words.iter().enumerate() {
        if w.is_empty() || !target[at..].starts_with(w.as_str()) {
            return None;
        }
        at += w.len();
        if at == target.len() {
            return Some(n + 1);
        }
    }
    None
}

/// Marks the query characters one keyword covers (full for the keyword found as it is, less
/// for its words found apart, less again for some of them). Returns whether the whole keyword
/// matched on whole query words.
fn cover_term(q: &Query, t: &Term, cover: &mut [f32]) -> bool {
    let mark = |cover: &mut [f32], from: usize, to: usize, v: f32| {
        for c in &mut cover[from..to] {
            *c = c.max(v);
        }
    };
    let hits = q.locate(&t.whole_head);
    if !hits.is_empty() {
        let mut confirmed = t.quals.is_empty();
        for qual in &t.quals {
            for (s, e, _) in q.locate(qual) {
                mark(cover, s, e, WHOLE);
                confirmed = true;
            }
        }
        // `coaster (paper)` is a little less sure for a title that never says paper.
        let value = if confirmed { WHOLE } else { UNCONFIRMED };
        let mut whole = false;
        for &(s, e, aligned) in &hits {
            mark(cover, s, e, value);
            whole |= aligned && q.counts(s, e);
        }
        return whole;
    }
    if t.head.len() < 2 {
        return false;
    }
    let parts: Vec<Vec<(usize, usize, bool)>> = t.parts.iter().map(|w| q.locate(w)).collect();
    let present = parts.iter().filter(|p| !p.is_empty()).count();
    if present == 0 {
        return false;
    }
    let value = if present == parts.len() && present >= 2 {
        APART
    } else {
        SOME_WORDS
    };
    for p in &parts {
        for &(s, e, _) in p {
            mark(cover, s, e, value);
        }
    }
    if value == APART {
        for qual in &t.quals {
            for (s, e, _) in q.locate(qual) {
                mark(cover, s, e, value);
            }
        }
    }
    false
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
        assert!(t.keywords.len() >= 490 && distinct.len() > 300);
    }

    #[test]
    fn keyword_rows_are_sorted_by_code_without_repeats() {
        let t = HsTable::bundled();
        let codes: Vec<&str> = t.keywords.iter().map(|k| k.code.as_str()).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        assert_eq!(codes, sorted, "keywords.tsv must stay sorted by code");
        let mut seen = std::collections::HashSet::new();
        for k in &t.keywords {
            for (lang, w) in
                k.ko.iter()
                    .map(|w| ("ko", w))
                    .chain(k.en.iter().map(|w| ("en", w)))
            {
                assert!(
                    seen.insert((k.code.as_str(), lang, w.to_lowercase())),
                    "{} listed twice for {}",
                    w,
                    k.code
                );
            }
        }
    }

    #[test]
    fn finder_ranks_code_prefix_and_words() {
        let t = HsTable::bundled();
        let by_code = t.search("3304.9", 5);
        assert!(by_code.iter().all(|m| m.code.starts_with("33049")));
        assert!(by_code.iter().all(|m| m.basis == HsBasis::Code));
        let by_code = t.search("3304", 5);
        assert_eq!(by_code[0].code, "3304");
        let ko = t.search("화장품", 10);
        assert!(!ko.is_empty());
        assert!(ko[0].code.starts_with("33"), "{:?}", ko[0]);
        let en = t.search("lipstick", 5);
        assert!(en.iter().any(|m| m.code.starts_with("3304")), "{en:?}");
        assert!(t.search("   ", 5).is_empty());
        assert!(t.search("zzqxv", 5).is_empty());
        assert!(t.search("[ ]", 5).is_empty());
    }

    #[test]
    fn unknown_subheading_is_detected() {
        let t = HsTable::bundled();
        assert!(t.knows(&HsCode::parse("3304991000").unwrap()));
        assert!(!t.knows(&HsCode::parse("9999991000").unwrap()));
    }

    fn brief(found: &[HsMatch]) -> Vec<String> {
        found
            .iter()
            .map(|m| {
                format!(
                    "{} {:?} {} {:?}",
                    m.code,
                    m.basis,
                    m.score,
                    m.keywords_ko.first()
                )
            })
            .collect()
    }

    /// The words a user test found nothing for.
    #[test]
    fn words_that_found_nothing_now_find_an_exact_keyword() {
        let t = HsTable::bundled();
        let coasters: &[&str] = &[
            "3924", "4205", "4419", "4503", "4823", "6302", "6912", "7013",
        ];
        let vases: &[&str] = &["6913", "7013", "8306"];
        let cases: &[(&str, &[&str])] = &[
            ("보자기", &["6307"]),
            ("gift wrap", &["4811", "6307"]),
            ("포장지", &["4811"]),
            ("청자", &["6913", "6912"]),
            ("꽃병", vases),
            ("vase", vases),
            ("한지", &["4802", "4823"]),
            ("컵받침", coasters),
            ("coaster", coasters),
        ];
        for (query, headings) in cases {
            let found = t.search(query, 3);
            assert!(
                found.iter().any(|m| m.basis == HsBasis::KeywordExact
                    && headings.iter().any(|h| m.code.starts_with(h))),
                "{query}: {:?}",
                brief(&found)
            );
            assert_eq!(found[0].basis, HsBasis::KeywordExact, "{query}");
        }
        // 포장 (packing) alone is not a product, but it still leads to packing goods.
        let found = t.search("포장", 5);
        assert!(
            found.iter().any(|m| m.code.starts_with("4811")),
            "{:?}",
            brief(&found)
        );
    }

    #[test]
    fn coaster_is_not_a_roller_coaster_and_cup_is_not_a_cupboard() {
        let t = HsTable::bundled();
        let found = t.search("coaster", 10);
        assert!(!found[0].code.starts_with("9508"), "{:?}", brief(&found));
        let roller = found.iter().position(|m| m.code.starts_with("9508"));
        assert!(roller.is_none_or(|p| p >= 5), "{:?}", brief(&found));
        // Asked for by name, the fairground ride is still there.
        let found = t.search("roller coaster", 3);
        assert!(found[0].code.starts_with("9508"), "{:?}", brief(&found));
        assert_eq!(found[0].basis, HsBasis::Description);
        let found = t.search("cup", 10);
        assert_eq!(found[0].basis, HsBasis::KeywordExact, "{:?}", brief(&found));
        let cupboard = found.iter().position(|m| m.code.starts_with("9403"));
        assert!(cupboard.is_none(), "{:?}", brief(&found));
    }

    #[test]
    fn material_variants_are_offered_side_by_side() {
        let t = HsTable::bundled();
        let found = t.search("컵받침", 10);
        let qualified: Vec<&HsMatch> = found
            .iter()
            .filter(|m| {
                m.keywords_ko[0].starts_with("컵받침(") || m.keywords_ko[0].starts_with("코스터(")
            })
            .collect();
        assert!(qualified.len() >= 6, "{:?}", brief(&found));
        // The matched row's keywords come first, so the material shows.
        let paper = t.search("paper coaster", 1);
        assert!(paper[0].code.starts_with("4823"), "{:?}", brief(&paper));
        assert_eq!(paper[0].keywords_en[0], "coaster (paper)");
        assert_eq!(paper[0].basis, HsBasis::KeywordExact);
        let cork = t.search("코르크 컵받침", 1);
        assert!(cork[0].code.starts_with("4503"), "{:?}", brief(&cork));
    }

    /// A small table, so each tier can be checked on its own.
    fn tiers_table() -> HsTable {
        let table = "code\tdescription_en\n\
                     010101\tOne\n010102\tTwo\n010103\tThree\n010104\tFour\n\
                     010105\tFive\n010106\tCoasters and mats of wood\n010107\tSeven\n";
        let keywords = "code\tkeywords_ko\tkeywords_en\n\
                        010101\t코스터\tcoaster\n\
                        010102\t코스터 받침\tcoaster holder\n\
                        010103\t코스터받침\tcoasterlike\n\
                        010104\t원목코스터\tbeercoasterbox\n\
                        010105\t받침대 세트\tholder for coaster\n\
                        010107\t김\tother\n\
                        010108\t받침(종이)\tholder (paper)\n";
        HsTable::from_tsv(table, keywords).unwrap()
    }

    #[test]
    fn exact_beats_whole_word_beats_prefix_beats_contains() {
        let t = tiers_table();
        use HsBasis::{Description, Keyword, KeywordExact};
        let cases: [(&str, &[(&str, HsBasis)]); 2] = [
            (
                "코스터",
                &[
                    ("010101", KeywordExact), // 코스터: the keyword itself
                    ("010102", KeywordExact), // 코스터 받침: one of its words
                    ("010103", Keyword),      // 코스터받침: starts with it
                    ("010104", Keyword),      // 원목코스터: contains it
                ],
            ),
            (
                "coaster",
                &[
                    ("010101", KeywordExact), // coaster
                    ("010102", KeywordExact), // coaster holder: one word left over
                    ("010105", KeywordExact), // holder for coaster: two left over
                    ("010103", Keyword),      // coasterlike
                    ("010104", Keyword),      // beercoasterbox
                    ("010106", Description),  // only the description says coasters
                ],
            ),
        ];
        for (query, expected) in cases {
            let found = t.search(query, 10);
            let got: Vec<(&str, HsBasis)> =
                found.iter().map(|m| (m.code.as_str(), m.basis)).collect();
            assert_eq!(got, expected, "{query}: {:?}", brief(&found));
            assert!(found.windows(2).all(|w| w[0].score > w[1].score), "{query}");
        }
        // All words present, in another order and not as a phrase: the weakest keyword tier.
        let found = t.search("받침 코스터", 10);
        assert_eq!(found[0].code, "010102", "{:?}", brief(&found));
        let found = t.search("coaster for holder", 10);
        assert_eq!(found[0].code, "010105", "{:?}", brief(&found));
        // A query word holding a keyword (Korean compounds have no spaces).
        let found = t.search("원목코스터세트", 10);
        assert_eq!(found[0].code, "010104", "{:?}", brief(&found));
        assert_eq!(found[0].basis, HsBasis::Keyword);
        // A keyword of one character is never matched inside a word.
        assert!(t.search("김치", 5).iter().all(|m| m.code != "010107"));
        // A qualifier is not the goods: "paper" only partly matches `holder (paper)`.
        let found = t.search("paper", 5);
        assert_eq!(
            (found[0].code.as_str(), found[0].basis),
            ("010108", Keyword)
        );
        let found = t.search("받침", 5);
        assert_eq!(found[0].code, "010108", "{:?}", brief(&found));
        assert_eq!(found[0].basis, KeywordExact);
        assert_eq!(t.search("김 선물", 5)[0].code, "010107");
    }

    #[test]
    fn spacing_spelling_and_plural_variants_match() {
        let t = HsTable::bundled();
        for query in ["선크림", "썬크림", "선 크림", "sun cream", "Sunscreen"] {
            let found = t.search(query, 3);
            assert_eq!(found[0].code, "330499", "{query}: {:?}", brief(&found));
            assert_eq!(found[0].basis, HsBasis::KeywordExact, "{query}");
        }
        for query in ["t-shirt", "T shirt", "tshirts", "티셔츠"] {
            let found = t.search(query, 3);
            assert!(
                found[0].code.starts_with("6109"),
                "{query}: {:?}",
                brief(&found)
            );
        }
        let found = t.search("coasters", 3);
        assert_eq!(found[0].basis, HsBasis::KeywordExact, "{:?}", brief(&found));
    }

    #[test]
    fn multi_word_queries_find_their_keyword() {
        let t = HsTable::bundled();
        let cases = [
            ("gift wrap", "481190"),
            ("seasoned laver", "200899"),
            ("phone case silicone", "392690"),
            ("silicone phone case", "392690"),
            ("leather phone case", "420231"),
            ("light stick", "851310"),
            ("spoon and chopsticks set", "821520"),
        ];
        for (query, code) in cases {
            let found = t.search(query, 5);
            assert_eq!(found[0].code, code, "{query}: {:?}", brief(&found));
            assert_eq!(found[0].basis, HsBasis::KeywordExact, "{query}");
        }
    }

    /// Product titles written the way sellers list them on marketplaces, with the heading a
    /// classifier would pick. This first batch was written together with the keywords.
    const TITLES: &[(&str, &str)] = &[
        (
            "Korean Traditional Bojagi Wrapping Cloth Silk Large",
            "6307",
        ),
        ("[K-POP] Official Light Stick Ver.2", "8513"),
        ("한지 공예 보석함 세트", "4823"),
        ("고려청자 상감 운학문 매병 화병 장식품", "6913"),
        ("Handmade Celadon Tea Cup Set of 2 Korean Pottery", "6912"),
        ("백자 달항아리 미니 오브제", "6913"),
        (
            "Mother of Pearl Jewelry Box Najeon Lacquerware Korean Traditional",
            "4420",
        ),
        ("하회탈 벽걸이 장식 나무 전통탈", "4420"),
        ("Cork Coasters Set of 6 Round Natural", "4503"),
        ("도자기 컵받침 코스터 4P 세트", "6912"),
        ("실리콘 컵받침 미끄럼방지 코스터", "3924"),
        ("Crochet Coaster Handmade Cotton Flower", "6302"),
        ("Gift Wrapping Paper Roll Kraft Christmas 5m", "4811"),
        ("선물 포장지 크라프트 10장", "4811"),
        ("종이 쇼핑백 선물용 중형 20매", "4819"),
        ("Cute Animal Sticker Pack Waterproof Vinyl 50pcs", "3919"),
        ("다꾸 스티커 씰 스티커 모음", "4911"),
        ("A5 Spiral Notebook Grid Dotted 100 pages", "4820"),
        ("Washi Masking Tape Set Floral 10 rolls", "4811"),
        (
            "Season's Greetings 2025 Desk Calendar Official Goods",
            "4910",
        ),
        ("[앨범] 아이돌 미니앨범 5집 포토북 ver. CD", "8523"),
        ("K-pop Photocard Holder Keychain Toploader", "3926"),
        ("Acrylic Stand Idol Figure Official Merch", "3926"),
        ("응원 슬로건 타올 공식 굿즈", "6302"),
        ("Plush Doll 20cm Idol Character Soft Toy", "9503"),
        ("Enamel Pin Badge Cute Cat Metal", "7117"),
        ("Korean Seasoned Laver Snack Gim 5g x 16 packs", "2008"),
        ("불닭볶음면 5개입 매운 라면", "1902"),
        ("Instant Tteokbokki Kit Spicy Rice Cake 2 servings", "1904"),
        ("순창 고추장 500g 태양초", "2103"),
        ("Korean Red Ginseng Extract 240g 6 years", "1302"),
        ("유자차 1kg 꿀 유자청", "2007"),
        ("Maxim Mocha Gold Coffee Mix 100 sticks", "2101"),
        ("Honey Butter Potato Chips Korean Snack", "2005"),
        ("Pepero Chocolate Biscuit Sticks Original 10 packs", "1905"),
        ("Women's Cotton Crew Socks 5 Pairs Character", "6115"),
        ("Oversized Cotton T-Shirt Unisex Graphic Tee", "6109"),
        ("기모 후드티 오버핏 남녀공용", "6110"),
        ("925 Sterling Silver Hoop Earrings Minimalist", "7113"),
        ("써지컬 스틸 귀걸이 큐빅 원터치 링", "7117"),
        ("Large Acetate Hair Claw Clip Tortoise", "9615"),
        ("Genuine Leather Card Wallet Slim Minimalist", "4202"),
        ("Canvas Tote Bag Eco Bag Large Shoulder", "4202"),
        ("Silicone Phone Case for iPhone 15 Pro Cute Bear", "3926"),
        ("아이폰 15 가죽 케이스 카드수납 지갑형", "4202"),
        ("3단 자동 우산 암막 양산 겸용", "6601"),
        ("KF94 마스크 대형 50매 개별포장", "6307"),
        ("Vitamin C Brightening Serum 30ml", "3304"),
        ("Velvet Lip Tint Matte Long Lasting", "3304"),
        ("Sun Cream SPF50+ PA++++ Tone Up 50ml", "3304"),
        ("약산성 바디워시 대용량 1000ml", "3401"),
        ("Anti Hair Loss Shampoo 500ml Biotin", "3305"),
        ("Gel Nail Strips Semi Cured 20 Stickers", "3304"),
        ("천연 수제비누 선물세트 3구", "3401"),
        ("Wooden Baby Rattle Toy Organic", "9503"),
        ("윷놀이 세트 전통놀이 명절", "9504"),
        ("Hanbok for Baby Girl First Birthday Dol", "6209"),
        ("Stainless Steel Korean Spoon and Chopsticks Set", "8215"),
        ("Brass Yugi Bowl Set Handmade Bangjja", "7418"),
        ("유리 꽃병 화병 투명 미니", "7013"),
        ("Ceramic Flower Vase Handmade Minimal White", "6913"),
        ("Hanji Paper Lamp Korean Traditional LED", "9405"),
        ("Wooden Cutting Board Walnut Serving Board", "4419"),
        ("Pearl Ribbon Hair Clip Barrette", "9615"),
        ("Leather Belt Men Genuine Cowhide", "4203"),
        ("Reusable Silicone Straw Set with Case", "3924"),
        ("Korean Folding Fan Hapjukseon Bamboo", "4421"),
        ("Norigae Traditional Korean Knot Tassel Ornament", "5609"),
        ("복주머니 한복 소품 비단 주머니", "4202"),
        ("Korean Cotton Handkerchief Embroidered", "6213"),
    ];

    /// A second batch, written once the keywords were in and measured before any tuning: top-1
    /// 61/68, top-5 64/68. Its misses led to the rarity of description words, "in" counting like
    /// "for", and a few keywords.
    const TITLES_HELD_OUT: &[(&str, &str)] = &[
        ("COSRX Advanced Snail 96 Mucin Power Essence 100ml", "3304"),
        ("라운드랩 독도 토너 500ml 대용량", "3304"),
        ("Laneige Lip Sleeping Mask Berry 20g", "3304"),
        ("롬앤 쥬시 래스팅 틴트 5.5g", "3304"),
        ("Etude Play Color Eyes Eyeshadow Palette", "3304"),
        ("Mediheal Sheet Mask 10 Sheets Tea Tree", "3304"),
        ("닥터지 레드 블레미쉬 클리어 수딩 크림 70ml", "3304"),
        ("Ryo Hair Loss Care Shampoo 400ml", "3305"),
        ("Korean Rice Water Handmade Soap Bar", "3401"),
        ("Innisfree No Sebum Mineral Powder 5g", "3304"),
        ("BTS Proof Album Standard Edition CD", "8523"),
        ("NewJeans Official Light Stick Bingbong", "8513"),
        ("SEVENTEEN 2025 Season's Greetings", "4910"),
        ("스트레이키즈 포토카드 랜덤 1장", "4911"),
        ("BLACKPINK Official Poster Folded", "4911"),
        ("aespa Acrylic Keyring Official", "3926"),
        ("IVE Plush Keychain Doll 10cm", "9503"),
        ("Nongshim Shin Ramyun 120g x 5 Multipack", "1902"),
        ("Samyang Buldak Hot Chicken Flavor Ramen Carbonara", "1902"),
        ("Orion Choco Pie 12 packs", "1905"),
        ("Lotte Pepero Almond 32g", "1905"),
        ("양반김 도시락김 5g 24봉", "2008"),
        ("Jongga Mat Kimchi Sliced Napa Cabbage 500g", "2005"),
        ("청정원 순창 재래식 된장 1kg", "2103"),
        ("Jeju Organic Green Tea Bags 40 count", "0902"),
        ("Maxim White Gold Coffee Mix 100T", "2101"),
        ("Haitai Honey Butter Chip 60g", "2005"),
        ("해표 참기름 500ml", "1515"),
        ("Korean Dried Anchovy for Soup Stock 500g", "0305"),
        ("Men's Cotton Oxford Shirt Long Sleeve", "6205"),
        ("Women's Knit Cardigan V-neck Wool Blend", "6110"),
        ("Kids Character Socks 10 pack Cotton", "6115"),
        ("Cotton Baseball Cap Embroidered Logo", "6505"),
        ("Silk Scarf Square Korean Pattern", "6214"),
        ("Sterling Silver Necklace Heart Pendant", "7113"),
        ("Gold Plated Hoop Earrings 18K", "7117"),
        ("Stainless Steel Chopsticks 5 pairs Korean", "8215"),
        ("Korean Rice Bowl Porcelain with Lid", "6911"),
        ("Handmade Ceramic Mug 350ml Speckled", "6912"),
        ("Bamboo Chopsticks Reusable 10 Pairs", "4419"),
        ("Canvas Pencil Case Large Capacity", "4202"),
        ("Leather Backpack Women Vintage", "4202"),
        ("Cotton Bath Towel Hotel 40x80", "6302"),
        ("Microfiber Hair Towel Turban", "6302"),
        ("Wireless Bluetooth Earbuds Noise Cancelling", "8518"),
        ("20000mAh Power Bank Fast Charging", "8507"),
        ("USB-C to Lightning Cable 1m", "8544"),
        ("Magnetic Phone Ring Holder Stand", "3926"),
        ("Tempered Glass Screen Protector for Galaxy S24", "7007"),
        ("Baby Muslin Swaddle Blanket Cotton", "6301"),
        ("Wooden Puzzle for Toddlers Animal Shapes", "9503"),
        ("Korean Traditional Hanbok Doll Figure", "9503"),
        ("Korean Traditional Fan Taegeukseon Souvenir", "4823"),
        ("Hanji Wrapping Paper Floral 10 sheets", "4811"),
        ("Washi Tape Set Pastel 12 rolls", "4811"),
        ("Fountain Pen Set with Ink", "9608"),
        ("Mechanical Pencil 0.5mm Kuru Toga", "9608"),
        ("Hard Cover Diary 2025 Weekly Planner", "4820"),
        ("Korean Celadon Vase Handmade", "6913"),
        ("Handmade Brass Spoon Korean Bangjja", "8215"),
        ("Lip Balm Vaseline", "3304"),
        ("Organic Cotton Tote Bag Plain", "4202"),
        ("Car Air Freshener Vent Clip", "3307"),
        ("Scented Soy Candle in Glass Jar 200g", "3406"),
        ("Dog Harness Vest No Pull Small", "4201"),
        ("Yoga Mat TPE 6mm Non-slip", "9506"),
        ("Hair Straightener Flat Iron Ceramic", "8516"),
        ("Portable Handheld Mini Fan USB Rechargeable", "8414"),
    ];

    /// A third batch, measured before any tuning: top-1 56/64, top-5 61/64. Its misses led to the
    /// missing-qualifier and ingredient rules and a few keywords.
    const TITLES_FRESH: &[(&str, &str)] = &[
        ("Anua Heartleaf 77% Soothing Toner 250ml", "3304"),
        (
            "Beauty of Joseon Relief Sun Rice + Probiotics SPF50+ 50ml",
            "3304",
        ),
        ("Some By Mi AHA BHA PHA 30 Days Miracle Toner", "3304"),
        ("클리오 킬커버 쿠션 15g 리필 포함", "3304"),
        ("페리페라 잉크 벨벳 립 틴트", "3304"),
        ("Skinfood Black Sugar Mask Wash Off 100g", "3304"),
        ("려 자양윤모 샴푸 550ml 2개", "3305"),
        ("Mise en Scene Perfect Serum Hair Oil 80ml", "3305"),
        ("Medicube Zero Pore Pad 70 pads", "3304"),
        ("Missha Time Revolution First Treatment Essence", "3304"),
        ("TWICE Official Lightstick Candybong Infinity", "8513"),
        ("ENHYPEN Dark Blood Album Engene Ver.", "8523"),
        ("NCT 127 Photocard Set Official Trading Card", "4911"),
        ("Stray Kids SKZOO Plush 20cm", "9503"),
        ("LE SSERAFIM Fearless Poster On Pack", "4911"),
        ("K-POP Idol Slogan Towel Fan Made", "6302"),
        ("BT21 Character Ceramic Mug Cup", "6912"),
        ("오뚜기 진라면 매운맛 5입", "1902"),
        ("CJ 햇반 210g 24개", "1904"),
        ("비비고 왕교자 1.05kg", "1902"),
        ("Korean Honey Citron Tea Yuja Tea 1kg Jar", "2007"),
        ("오리온 초코파이 정 12개입", "1905"),
        ("Lotte Ghana Milk Chocolate Bar 70g", "1806"),
        ("Binggrae Banana Flavored Milk 6 pack", "2202"),
        ("Korean Roasted Seaweed Snack Olive Oil 10 Pack", "2008"),
        ("해찬들 태양초 고추장 1kg", "2103"),
        ("Korean Red Pepper Powder Gochugaru Fine 500g", "0904"),
        ("Korean Instant Coffee Mix Gold 180 sticks", "2101"),
        ("Women's Linen Wide Pants Summer", "6204"),
        ("Men's Slim Fit Jeans Stretch Denim", "6203"),
        ("Oversized Hoodie Cotton Fleece Unisex", "6110"),
        ("Cashmere Blend Knit Sweater Women", "6110"),
        ("Bucket Hat Cotton Reversible", "6505"),
        ("Pearl Hair Claw Clip Large", "9615"),
        ("Freshwater Pearl Necklace 14K Gold Filled", "7116"),
        ("Vacuum Insulated Tumbler 500ml Stainless", "9617"),
        ("Glass Coffee Mug Double Wall 350ml", "7013"),
        ("Ceramic Dinner Plate Set Matte Glaze", "6912"),
        (
            "Korean Spoon Chopsticks Set Gift Box Titanium Coated",
            "8215",
        ),
        ("Wooden Spoon Handmade Walnut", "4419"),
        ("Leather Card Holder Minimalist Wallet", "4202"),
        ("Nylon Crossbody Bag Mini", "4202"),
        ("Clear iPhone 15 Case Shockproof", "3926"),
        ("Magsafe Wireless Charger Pad 15W", "8504"),
        ("Bluetooth Speaker Portable Waterproof", "8518"),
        ("Cute Kawaii Gel Pen Set 0.5mm 12 colors", "9608"),
        ("Hardcover Sketchbook A4 Drawing Paper", "4820"),
        ("Korean Traditional Wedding Duck Wooden Pair", "4420"),
        ("Handmade Hanji Jewelry Box Small", "4823"),
        ("Najeon Mother of Pearl Compact Mirror", "7009"),
        ("Buncheong Ceramic Tea Bowl Handmade", "6912"),
        ("Onggi Fermentation Jar 3L", "6912"),
        ("Korean Knot Bracelet Red String Lucky", "7117"),
        ("Silk Bojagi Gift Wrap Hand Sewn", "6307"),
        ("Mini Photo Album 4x6 100 Pockets", "4820"),
        ("Kitchen Scissors Stainless Korean BBQ", "8213"),
        ("Rice Cooker Cuckoo 6 Cup", "8516"),
        ("Electric Toothbrush Sonic Rechargeable", "8509"),
        ("Handheld Massage Gun Deep Tissue", "9019"),
        ("Reed Diffuser 200ml Black Cherry", "3307"),
        ("Hand Cream Gift Set Shea Butter 30ml x 5", "3304"),
        ("Makeup Brush Set 12 pcs Vegan", "9603"),
        ("Laundry Detergent Sheets 60 sheets", "3402"),
        ("Dish Soap Eco Refill 1L", "3402"),
    ];

    #[test]
    fn product_titles_find_their_heading() {
        let t = HsTable::bundled();
        let mut misses = Vec::new();
        let (mut all1, mut all5, mut all) = (0, 0, 0);
        for (batch, titles) in [
            ("written with the keywords", TITLES),
            ("held out", TITLES_HELD_OUT),
            ("fresh", TITLES_FRESH),
        ] {
            let (mut top1, mut top5) = (0, 0);
            for (title, heading) in titles {
                let found = t.search(title, 5);
                let at = found.iter().position(|m| m.code.starts_with(heading));
                if at == Some(0) {
                    top1 += 1;
                }
                if at.is_some() {
                    top5 += 1;
                } else {
                    misses.push(format!("{title} -> {heading}: {:?}", brief(&found)));
                }
            }
            let n = titles.len();
            println!("product titles, {batch}: top-1 heading {top1}/{n}, top-5 heading {top5}/{n}");
            (all1, all5, all) = (all1 + top1, all5 + top5, all + n);
        }
        println!(
            "product titles, all: top-1 heading {all1}/{all} ({:.1}%), top-5 heading {all5}/{all} ({:.1}%)",
            100.0 * all1 as f64 / all as f64,
            100.0 * all5 as f64 / all as f64
        );
        assert!(TITLES.len() >= 40 && all >= 200);
        assert!(misses.is_empty(), "{}", misses.join("\n"));
        assert!(all1 * 100 >= all * 95, "top-1 fell to {all1}/{all}");
    }

    #[test]
    fn ingredients_and_materials_named_first_do_not_take_over() {
        let t = HsTable::bundled();
        let cases = [
            ("Green Tea Seed Serum 80ml", "3304"),
            ("Red Ginseng Cream 50ml", "3304"),
            ("녹차 씨드 세럼", "3304"),
            ("홍삼 에센스", "3304"),
            ("Green Tea Shampoo", "3305"),
            ("Green Tea Chocolate", "1806"),
            ("Honey Butter Potato Chips", "2005"),
            // ...but tea or ginseng sold as such is still tea or ginseng.
            ("Jeju Green Tea Leaves 80g", "0902"),
            ("Korean Red Ginseng Extract 240g", "1302"),
            ("홍삼 절편 선물세트", "2006"),
            // A material in the title picks the row for that material.
            ("Glass Water Bottle", "7013"),
            // Gender decides between chapters 61/62 headings, so it counts.
            ("Women's Skinny Jeans Stretch", "6204"),
            ("Men's Slim Fit Jeans", "6203"),
            ("Glass Coffee Mug", "7013"),
            ("Ceramic Coffee Mug", "6912"),
        ];
        for (title, heading) in cases {
            let found = t.search(title, 5);
            assert!(
                found[0].code.starts_with(heading),
                "{title}: {:?}",
                brief(&found)
            );
        }
    }
}
