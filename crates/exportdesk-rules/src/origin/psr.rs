//! Product-specific rules as data: the bundled rule files (`assets/fta/psr/*.toml`), the user's own
//! rules, and the lookup "which rule applies to this product under this FTA on this date".
//!
//! A rule file names its FTA once and then lists rules, each with its HS scope, the rule text
//! (parsed by [`super::lang`]), the source it was taken from, `verified` and `effective_from`. The
//! most specific scope wins (subheading over heading over chapter, then the narrower range); two
//! rules of one FTA with the same scope level that overlap without one lying inside the other are
//! an error, and so is the same scope twice.

use super::catalogue::{parse_toml, FtaCatalogue};
use super::lang::{self, HsRange, Membership, Rule};
use super::{file_problem, line_col};
use crate::hs::HsCode;
use crate::problem::{Problem, Problems};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use toml::Spanned;
use ts_rs::TS;

/// The HS codes a rule applies to: a chapter, heading or subheading or a range of them, or
/// `ex NN` — that chapter (or heading) except the codes listed in `excluding`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HsScope {
    /// As written: `ex 33`, `3304`, `6101-6117`, `3304.99`.
    pub text: String,
    pub ex: bool,
    pub range: HsRange,
    /// For `ex` scopes: the codes the rule does not cover.
    pub excluding: Vec<HsRange>,
}

impl HsScope {
    /// Parse `ex 33` (needs `excluding`), `3304`, `3304.99`, `6101-6117`.
    pub fn parse(text: &str, excluding: &[String]) -> Result<HsScope, (String, String)> {
        let t = text.trim();
        let (ex, rest) = match t.strip_prefix("ex ").or_else(|| t.strip_prefix("EX ")) {
            Some(r) => (true, r.trim()),
            None => (false, t),
        };
        let range = lang::parse_range(rest).map_err(|e| {
            (
                format!(
                    "HS 범위 '{t}'을(를) 읽을 수 없습니다: {}이(가) 와야 합니다.",
                    e.expected_ko
                ),
                format!(
                    "Cannot read the HS range '{t}': expected {}.",
                    e.expected_en
                ),
            )
        })?;
        let mut ex_ranges = Vec::new();
        for x in excluding {
            let r = lang::parse_range(x).map_err(|e| {
                (
                    format!(
                        "제외 범위 '{x}'을(를) 읽을 수 없습니다: {}이(가) 와야 합니다.",
                        e.expected_ko
                    ),
                    format!(
                        "Cannot read the excluded range '{x}': expected {}.",
                        e.expected_en
                    ),
                )
            })?;
            if r.level <= range.level || range.membership(&r.from) != Membership::In {
                return Err((
                    format!("제외 범위 '{x}'은(는) '{t}' 안의 더 좁은 범위여야 합니다."),
                    format!("The excluded range '{x}' must be a narrower range inside '{t}'."),
                ));
            }
            ex_ranges.push(r);
        }
        if ex && ex_ranges.is_empty() {
            return Err((
                format!("'{t}': 'ex' 범위에는 적용되지 않는 코드를 excluding 에 적어야 합니다."),
                format!("'{t}': an 'ex' scope must list the codes it leaves out in `excluding`."),
            ));
        }
        if !ex && !ex_ranges.is_empty() {
            return Err((
                format!("'{t}': excluding 은 'ex' 범위에만 씁니다 ('ex {t}')."),
                format!("'{t}': `excluding` is only for 'ex' scopes (write 'ex {t}')."),
            ));
        }
        Ok(HsScope {
            text: t.to_string(),
            ex,
            range,
            excluding: ex_ranges,
        })
    }

    pub fn membership(&self, digits: &str) -> Membership {
        match self.range.membership(digits) {
            Membership::In => {
                let mut short = false;
                for x in &self.excluding {
                    match x.membership(digits) {
                        Membership::In => return Membership::Out,
                        Membership::TooShort => short = true,
                        Membership::Out => {}
                    }
                }
                if short {
                    Membership::TooShort
                } else {
                    Membership::In
                }
            }
            other => other,
        }
    }

    /// `ex 33 (except 3301)`.
    pub fn describe(&self) -> String {
        if self.excluding.is_empty() {
            self.text.clone()
        } else {
            let x: Vec<String> = self.excluding.iter().map(|r| r.code_text()).collect();
            format!("{} (except {})", self.text, x.join(", "))
        }
    }
}

/// One product-specific rule.
#[derive(Debug, Clone, PartialEq)]
pub struct PsrRule {
    pub fta: String,
    pub scope: HsScope,
    /// The rule as written.
    pub text: String,
    pub rule: Rule,
    pub source: String,
    pub verified: bool,
    /// `None` for the user's own rules: they apply on every date.
    pub effective_from: Option<NaiveDate>,
    pub note: Option<String>,
    /// The user's own rule (stored in the database), not a bundled one.
    pub own: bool,
    /// Where it was read: file name and line (`user rule` for the user's own).
    pub file: String,
    pub line: usize,
}

impl PsrRule {
    fn rank(
        &self,
    ) -> (
        crate::origin::lang::Level,
        Reverse<u64>,
        bool,
        Option<NaiveDate>,
    ) {
        (
            self.scope.range.level,
            Reverse(self.scope.range.width()),
            self.own,
            self.effective_from,
        )
    }
}

/// A rule the user added or corrected (stored in the database). It replaces a bundled rule of the
/// same FTA and the same HS range, and is marked as the user's own in every result.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct UserRule {
    pub fta: String,
    /// `3304`, `3304.99`, `6101-6117` (no `ex` scopes).
    pub hs_range: String,
    /// Rule text in the language of `assets/fta/RULES.md`.
    pub rule: String,
    /// Where the user took it from, or why.
    pub note: String,
}

/// All product-specific rules, searchable by FTA, HS code and date.
#[derive(Debug, Clone, PartialEq)]
pub struct PsrBook {
    rules: Vec<PsrRule>,
    ftas: Vec<String>,
}

/// The bundled rule files, by name.
pub const BUNDLED_PSR: [(&str, &str); 5] = [
    (
        "kr-eu.toml",
        include_str!("../../../../assets/fta/psr/kr-eu.toml"),
    ),
    (
        "kr-uk.toml",
        include_str!("../../../../assets/fta/psr/kr-uk.toml"),
    ),
    (
        "kr-asean.toml",
        include_str!("../../../../assets/fta/psr/kr-asean.toml"),
    ),
    (
        "rcep.toml",
        include_str!("../../../../assets/fta/psr/rcep.toml"),
    ),
    (
        "kr-vn.toml",
        include_str!("../../../../assets/fta/psr/kr-vn.toml"),
    ),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    fta: Spanned<String>,
    #[serde(default)]
    rule: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    hs: Spanned<String>,
    #[serde(default)]
    excluding: Vec<String>,
    rule: Spanned<String>,
    source: String,
    verified: bool,
    effective_from: NaiveDate,
    #[serde(default)]
    note: Option<String>,
}

/// For the raw text of a TOML string literal (quotes included), the byte offset in that raw text
/// of each byte offset in the decoded string (one entry per decoded byte, plus the end).
fn literal_offsets(raw: &str) -> Vec<usize> {
    let (open, basic) = if raw.starts_with("\"\"\"") {
        (3, true)
    } else if raw.starts_with("'''") {
        (3, false)
    } else if raw.starts_with('"') {
        (1, true)
    } else {
        (1, false)
    };
    let mut i = open;
    let bytes = raw.as_bytes();
    if open == 3 {
        if raw[i..].starts_with("\r\n") {
            i += 2;
        } else if raw[i..].starts_with('\n') {
            i += 1;
        }
    }
    let mut map = Vec::new();
    while i < raw.len() {
        let c = raw[i..].chars().next().expect("in bounds");
        if basic && c == '\\' && i + 1 < raw.len() {
            let (decoded, width) = match bytes[i + 1] {
                b'u' => (
                    u32::from_str_radix(raw.get(i + 2..i + 6).unwrap_or(""), 16)
                        .ok()
                        .and_then(char::from_u32)
                        .unwrap_or('?'),
                    6,
                ),
                b'U' => (
                    u32::from_str_radix(raw.get(i + 2..i + 10).unwrap_or(""), 16)
                        .ok()
                        .and_then(char::from_u32)
                        .unwrap_or('?'),
                    10,
                ),
                _ => ('x', 2),
            };
            for _ in 0..decoded.len_utf8() {
                map.push(i);
            }
            i += width;
            continue;
        }
        for _ in 0..c.len_utf8() {
            map.push(i);
        }
        i += c.len_utf8();
    }
    map.push(raw.len().saturating_sub(open));
    map
}

/// A syntax error as a problem with file, line and column.
pub(crate) fn syntax_problem(
    file: &str,
    line: usize,
    column: usize,
    rule: &str,
    e: &lang::SyntaxError,
) -> Problem {
    file_problem(
        "psr.syntax",
        file,
        line,
        column,
        &format!(
            "규칙 '{rule}': {}이(가) 와야 하는데 {}이(가) 있습니다.",
            e.expected_ko, e.found_ko
        ),
        &format!(
            "rule '{rule}': expected {}, found {}.",
            e.expected_en, e.found_en
        ),
    )
    .with("expected", &e.expected_en)
}

impl PsrBook {
    /// The rules shipped with the app.
    pub fn bundled() -> PsrBook {
        PsrBook::from_sources(&BUNDLED_PSR, &FtaCatalogue::bundled())
            .expect("the bundled PSR files are valid (checked by tests)")
    }

    /// An empty book for the catalogue's FTAs (every lookup finds nothing).
    pub fn empty(catalogue: &FtaCatalogue) -> PsrBook {
        PsrBook {
            rules: Vec::new(),
            ftas: catalogue.codes().iter().map(|c| c.to_string()).collect(),
        }
    }

    /// Read rule files (`(file name, text)`). All problems are reported, each with file, line
    /// and column.
    pub fn from_sources(
        files: &[(&str, &str)],
        catalogue: &FtaCatalogue,
    ) -> Result<PsrBook, Problems> {
        let mut book = PsrBook::empty(catalogue);
        let mut problems = Problems::default();
        for (file, text) in files {
            match book.read_file(file, text) {
                Ok(rules) => book.rules.extend(rules),
                Err(p) => problems.0.extend(p.0),
            }
        }
        if problems.is_empty() {
            if let Err(p) = book.check_overlaps() {
                problems.0.extend(p.0);
            }
        }
        problems.into_result(|| book)
    }

    fn read_file(&self, file: &str, text: &str) -> Result<Vec<PsrRule>, Problems> {
        let raw: RawFile = parse_toml(file, text)?;
        let at = |offset: usize| line_col(text, offset);
        let mut problems = Problems::default();
        let fta_code = raw.fta.get_ref().trim().to_string();
        if !self.ftas.contains(&fta_code) {
            let (line, column) = at(raw.fta.span().start);
            problems.push(file_problem(
                "psr.fta.unknown",
                file,
                line,
                column,
                &format!(
                    "FTA '{fta_code}'은(는) FTA 목록(catalogue.toml)에 없습니다. 다음 중 하나를 적으세요: {}.",
                    self.ftas.join(", ")
                ),
                &format!(
                    "FTA '{fta_code}' is not in the catalogue (catalogue.toml). Write one of: {}.",
                    self.ftas.join(", ")
                ),
            ));
            return Err(problems);
        }
        let mut rules = Vec::new();
        for r in &raw.rule {
            let (line, column) = at(r.hs.span().start);
            let scope = match HsScope::parse(r.hs.get_ref(), &r.excluding) {
                Ok(s) => s,
                Err((ko, en)) => {
                    problems.push(file_problem("psr.scope", file, line, column, &ko, &en));
                    continue;
                }
            };
            let text_rule = r.rule.get_ref();
            let parsed = match lang::parse(text_rule) {
                Ok(p) => p,
                Err(e) => {
                    let span = r.rule.span();
                    let raw_lit = &text[span.start..span.end];
                    let offsets = literal_offsets(raw_lit);
                    let inner = offsets
                        .get(e.offset)
                        .copied()
                        .unwrap_or(raw_lit.len().saturating_sub(1));
                    let (l, c) = at(span.start + inner);
                    problems.push(syntax_problem(file, l, c, text_rule, &e));
                    continue;
                }
            };
            let source = r.source.trim();
            if source.is_empty() {
                problems.push(file_problem(
                    "psr.source.empty",
                    file,
                    line,
                    column,
                    "규칙마다 어디서 가져왔는지(source)를 적어야 합니다.",
                    "Every rule needs the source it was taken from (`source`).",
                ));
                continue;
            }
            rules.push(PsrRule {
                fta: fta_code.clone(),
                scope,
                text: text_rule.trim().to_string(),
                rule: parsed,
                source: source.to_string(),
                verified: r.verified,
                effective_from: Some(r.effective_from),
                note: r.note.clone(),
                own: false,
                file: file.to_string(),
                line,
            });
        }
        problems.into_result(|| rules)
    }

    /// Same FTA, same level, same start date: the same range twice, or ranges that overlap
    /// without one lying inside the other, are errors.
    fn check_overlaps(&self) -> Result<(), Problems> {
        let mut problems = Problems::default();
        for (i, a) in self.rules.iter().enumerate() {
            for b in &self.rules[i + 1..] {
                if a.fta != b.fta
                    || a.own != b.own
                    || a.effective_from != b.effective_from
                    || !a.scope.range.overlaps(&b.scope.range)
                {
                    continue;
                }
                let (ra, rb) = (&a.scope.range, &b.scope.range);
                let nested = (ra.from <= rb.from && rb.to <= ra.to)
                    || (rb.from <= ra.from && ra.to <= rb.to);
                let equal = ra == rb;
                if equal || !nested {
                    let what_ko = if equal {
                        "같은 범위"
                    } else {
                        "겹치는 범위"
                    };
                    let what_en = if equal {
                        "the same range"
                    } else {
                        "an overlapping range"
                    };
                    problems.push(
                        file_problem(
                            "psr.overlap",
                            &b.file,
                            b.line,
                            1,
                            &format!(
                                "{} 규칙 '{}'이(가) {}:{}행의 '{}'와(과) {}입니다. 하나로 합치거나 범위를 나누세요.",
                                b.fta, b.scope.text, a.file, a.line, a.scope.text, what_ko
                            ),
                            &format!(
                                "{} rule '{}' has {} as '{}' at {} line {}. Merge them or split the ranges.",
                                b.fta, b.scope.text, what_en, a.scope.text, a.file, a.line
                            ),
                        )
                        .with("other_line", a.line),
                    );
                }
            }
        }
        problems.into_result(|| ())
    }

    /// Add the user's own rules. A user rule replaces every bundled rule of the same FTA and the
    /// same HS range; other user rules take part in "most specific wins" and beat a bundled rule
    /// of equal specificity.
    pub fn with_user_rules(mut self, rules: Vec<UserRule>) -> Result<PsrBook, Problems> {
        let mut problems = Problems::default();
        let mut added: Vec<PsrRule> = Vec::new();
        for (n, u) in rules.iter().enumerate() {
            let field = format!("user_rules[{n}]");
            let fta = u.fta.trim().to_ascii_uppercase();
            let Some(fta) = self.ftas.iter().find(|f| **f == fta).cloned() else {
                problems.push(
                    Problem::new(
                        "psr.fta.unknown",
                        format!(
                            "'{}'은(는) 알 수 없는 FTA입니다. 다음 중 하나를 고르세요: {}.",
                            u.fta.trim(),
                            self.ftas.join(", ")
                        ),
                        format!(
                            "'{}' is not a known FTA. Choose one of: {}.",
                            u.fta.trim(),
                            self.ftas.join(", ")
                        ),
                    )
                    .at(format!("{field}.fta"))
                    .with("value", u.fta.trim()),
                );
                continue;
            };
            let file = format!("user rule {fta} {}", u.hs_range.trim());
            if u.hs_range.trim().starts_with("ex") {
                problems.push(
                    Problem::new(
                        "psr.scope",
                        "직접 만드는 규칙에는 'ex' 범위를 쓸 수 없습니다. 적용할 호나 소호를 직접 적으세요 (예: 3304).",
                        "Your own rules cannot use 'ex' scopes; write the heading or subheading it applies to (e.g. 3304).",
                    )
                    .at(format!("{field}.hs_range")),
                );
                continue;
            }
            let scope = match HsScope::parse(&u.hs_range, &[]) {
                Ok(s) => s,
                Err((ko, en)) => {
                    problems.push(
                        Problem::new("psr.scope", ko, en)
                            .at(format!("{field}.hs_range"))
                            .with("value", u.hs_range.trim()),
                    );
                    continue;
                }
            };
            let parsed = match lang::parse(&u.rule) {
                Ok(p) => p,
                Err(e) => {
                    let column = u.rule[..e.offset.min(u.rule.len())].chars().count() + 1;
                    problems.push(
                        syntax_problem(&file, 1, column, u.rule.trim(), &e)
                            .at(format!("{field}.rule")),
                    );
                    continue;
                }
            };
            if added
                .iter()
                .any(|r| r.fta == fta && r.scope.range == scope.range)
            {
                problems.push(
                    Problem::new(
                        "psr.overlap",
                        format!(
                            "{fta} {}에 대한 내 규칙이 두 개입니다. 하나만 남기세요.",
                            scope.text
                        ),
                        format!(
                            "You have two rules of your own for {fta} {}; keep one.",
                            scope.text
                        ),
                    )
                    .at(format!("{field}.hs_range")),
                );
                continue;
            }
            let note = u.note.trim();
            added.push(PsrRule {
                fta,
                scope,
                text: u.rule.trim().to_string(),
                rule: parsed,
                source: if note.is_empty() {
                    "사용자 규칙 (your own rule)".to_string()
                } else {
                    format!("사용자 규칙 (your own rule): {note}")
                },
                verified: false,
                effective_from: None,
                note: (!note.is_empty()).then(|| note.to_string()),
                own: true,
                file,
                line: 1,
            });
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        self.rules.retain(|r| {
            !added
                .iter()
                .any(|u| u.fta == r.fta && u.scope.range == r.scope.range && !r.scope.ex)
        });
        self.rules.extend(added);
        Ok(self)
    }

    pub fn rules(&self) -> &[PsrRule] {
        &self.rules
    }

    /// The rules of one FTA.
    pub fn rules_of<'a>(&'a self, fta: &str) -> impl Iterator<Item = &'a PsrRule> + 'a {
        let fta = fta.trim().to_ascii_uppercase();
        self.rules.iter().filter(move |r| r.fta == fta)
    }

    fn in_force(r: &PsrRule, date: NaiveDate) -> bool {
        r.effective_from.is_none_or(|d| d <= date)
    }

    /// The rule for `hs` under `fta` on `date`: the most specific scope wins, then the user's own
    /// rule, then the latest version.
    pub fn rule_for(&self, fta: &str, hs: &HsCode, date: NaiveDate) -> Option<&PsrRule> {
        self.rules_of(fta)
            .filter(|r| {
                Self::in_force(r, date) && r.scope.membership(hs.digits()) == Membership::In
            })
            .max_by_key(|r| r.rank())
    }

    /// Whether a more specific rule might apply if the product's HS code had more digits.
    pub fn needs_more_digits(&self, fta: &str, hs: &HsCode, date: NaiveDate) -> bool {
        self.rules_of(fta).any(|r| {
            Self::in_force(r, date) && r.scope.membership(hs.digits()) == Membership::TooShort
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_offsets_follow_escapes() {
        let raw = r#""a\"b""#;
        let m = literal_offsets(raw);
        // decoded `a"b`: a at 1, " at 2 (the backslash), b at 4
        assert_eq!(&m[..3], &[1, 2, 4]);
        let m = literal_offsets("'x y'");
        assert_eq!(&m[..3], &[1, 2, 3]);
    }

    #[test]
    fn scopes() {
        let s = HsScope::parse("ex 33", &["3301".into()]).unwrap();
        assert_eq!(s.membership("330499"), Membership::In);
        assert_eq!(s.membership("330112"), Membership::Out);
        assert_eq!(s.membership("33"), Membership::TooShort);
        assert!(HsScope::parse("ex 33", &[]).is_err());
        assert!(HsScope::parse("33", &["3301".into()]).is_err());
        assert!(HsScope::parse("ex 33", &["3401".into()]).is_err());
    }
}
