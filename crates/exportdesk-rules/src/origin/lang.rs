//! The product-specific-rule (PSR) language: a tokenizer, a recursive-descent parser and the AST.
//!
//! The language is documented for people in `assets/fta/RULES.md`. In short:
//!
//! ```text
//! rule      = all { "or" all }
//! all       = term { "and" term }
//! term      = "(" rule ")" | criterion
//! criterion = "WO"
//!           | ("CC" | "CTH" | "CTSH") [ "except" ["from"] codes ]
//!           | "RVC" "(" number ["%"] { "," (method | basis) } ")"
//!           | "MaxNOM" "(" number ["%"] "," basis [ "," scope ] ")"
//! method    = "build-down" | "build-up"
//! basis     = "EXW" | "FOB"
//! scope     = "same-heading" | codes
//! codes     = code { "," code }
//! code      = [ "chapter" | "heading" | "subheading" ] number [ "-" number ]
//! ```
//!
//! `and` binds tighter than `or`. Keywords are case-insensitive. A syntax error names the place
//! (a byte offset into the rule text, turned into file/line/column by the caller) and what was
//! expected there.

use crate::hs::HsCode;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;

/// How a value percentage is measured: against the ex-works price or the FOB price.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ValueBasis {
    /// 공장도가격 (ex-works price).
    Exw,
    /// 본선인도가격 (free on board).
    Fob,
}

impl ValueBasis {
    pub fn code(self) -> &'static str {
        match self {
            ValueBasis::Exw => "EXW",
            ValueBasis::Fob => "FOB",
        }
    }

    pub fn name_ko(self) -> &'static str {
        match self {
            ValueBasis::Exw => "공장도가격(EXW)",
            ValueBasis::Fob => "본선인도가격(FOB)",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            ValueBasis::Exw => "ex-works price",
            ValueBasis::Fob => "FOB price",
        }
    }
}

/// How regional value content is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum RvcMethod {
    /// 공제법: (AV − VNM) / AV.
    BuildDown,
    /// 집적법: VOM / AV (originating materials only).
    BuildUp,
}

impl RvcMethod {
    pub fn code(self) -> &'static str {
        match self {
            RvcMethod::BuildDown => "build-down",
            RvcMethod::BuildUp => "build-up",
        }
    }

    pub fn name_ko(self) -> &'static str {
        match self {
            RvcMethod::BuildDown => "공제법",
            RvcMethod::BuildUp => "집적법",
        }
    }
}

/// The level of an HS code or range: 2, 4 or 6 digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Chapter,
    Heading,
    Subheading,
}

impl Level {
    pub fn digits(self) -> usize {
        match self {
            Level::Chapter => 2,
            Level::Heading => 4,
            Level::Subheading => 6,
        }
    }

    fn of_len(n: usize) -> Option<Level> {
        match n {
            2 => Some(Level::Chapter),
            4 => Some(Level::Heading),
            6 => Some(Level::Subheading),
            _ => None,
        }
    }

    pub fn name_ko(self) -> &'static str {
        match self {
            Level::Chapter => "류",
            Level::Heading => "호",
            Level::Subheading => "소호",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Level::Chapter => "chapter",
            Level::Heading => "heading",
            Level::Subheading => "subheading",
        }
    }
}

/// A chapter, heading or subheading, or a range of them (`1701-1703`), all at one level.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HsRange {
    pub level: Level,
    /// Digits only, `level.digits()` long.
    pub from: String,
    pub to: String,
}

/// Whether a code prefix is inside a range, cannot be inside it, or is too short to tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Membership {
    In,
    Out,
    /// The code has fewer digits than the range needs and its digits do not rule it out.
    TooShort,
}

impl HsRange {
    pub fn single(level: Level, code: &str) -> HsRange {
        HsRange {
            level,
            from: code.to_string(),
            to: code.to_string(),
        }
    }

    /// Whether `digits` (an HS code of any length) falls in this range.
    pub fn membership(&self, digits: &str) -> Membership {
        let n = self.level.digits();
        if digits.len() >= n {
            let p = &digits[..n];
            if self.from.as_str() <= p && p <= self.to.as_str() {
                Membership::In
            } else {
                Membership::Out
            }
        } else {
            // Compare what we have with the range's bounds cut to the same length.
            let k = digits.len();
            if self.from[..k] <= *digits && *digits <= self.to[..k] {
                Membership::TooShort
            } else {
                Membership::Out
            }
        }
    }

    pub fn contains(&self, digits: &str) -> bool {
        self.membership(digits) == Membership::In
    }

    /// How many codes of its level the range spans (for "most specific wins").
    pub fn width(&self) -> u64 {
        let a: u64 = self.from.parse().unwrap_or(0);
        let b: u64 = self.to.parse().unwrap_or(0);
        b.saturating_sub(a) + 1
    }

    pub fn overlaps(&self, other: &HsRange) -> bool {
        self.level == other.level && self.from <= other.to && other.from <= self.to
    }

    fn show_code(&self, c: &str) -> String {
        match self.level {
            Level::Subheading => format!("{}.{}", &c[..4], &c[4..]),
            _ => c.to_string(),
        }
    }

    /// `류 11`, `호 1701-1703`, `소호 3304.10`.
    pub fn to_ko(&self) -> String {
        format!("{} {}", self.level.name_ko(), self.code_text())
    }

    /// `1701-1703`, `3304.10`, `33`.
    pub fn code_text(&self) -> String {
        if self.from == self.to {
            self.show_code(&self.from)
        } else {
            format!(
                "{}-{}",
                self.show_code(&self.from),
                self.show_code(&self.to)
            )
        }
    }
}

impl fmt::Display for HsRange {
    /// `chapter 11`, `heading 1701-1703`, `subheading 3304.10`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.level.name_en(), self.code_text())
    }
}

/// Which non-originating materials a value limit counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MaterialScope {
    /// All non-originating materials.
    All,
    /// Non-originating materials classified in the product's own heading.
    SameHeading,
    /// Non-originating materials classified in these chapters, headings or subheadings.
    Codes(Vec<HsRange>),
}

/// One condition of a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Criterion {
    /// Wholly obtained (or produced exclusively from originating materials).
    WhollyObtained,
    /// Every non-originating material changes chapter / heading / subheading, and none comes
    /// from the excepted codes.
    TariffShift { level: Level, except: Vec<HsRange> },
    /// "Manufacture from materials of any heading, except those of …": non-originating materials
    /// of any heading may be used, the product's own included, but none from the excepted codes
    /// (the source's class "AH EXCEPT"; not a change of heading).
    AnyHeadingExcept { except: Vec<HsRange> },
    /// Regional value content of at least `percent`.
    Rvc {
        percent: Decimal,
        method: Option<RvcMethod>,
        basis: Option<ValueBasis>,
    },
    /// Value of non-originating materials (in `scope`) at most `percent` of the price.
    MaxNom {
        percent: Decimal,
        basis: ValueBasis,
        scope: MaterialScope,
    },
}

/// A parsed rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// Alternatives: met when one of them is met.
    Any(Vec<Rule>),
    /// Conditions: met when all of them are met.
    All(Vec<Rule>),
    One(Criterion),
}

impl Rule {
    /// The top-level alternatives (a rule without `or` is one alternative).
    pub fn alternatives(&self) -> Vec<&Rule> {
        match self {
            Rule::Any(items) => items.iter().collect(),
            other => vec![other],
        }
    }
}

fn pct(p: &Decimal) -> String {
    p.normalize().to_string()
}

fn codes_text(codes: &[HsRange]) -> String {
    // Group consecutive ranges of the same level: `chapter 11`, `heading 1701-1703, 1704`.
    let mut out = Vec::new();
    let mut last: Option<Level> = None;
    for c in codes {
        if last == Some(c.level) {
            out.push(c.code_text());
        } else {
            out.push(c.to_string());
            last = Some(c.level);
        }
    }
    out.join(", ")
}

impl fmt::Display for Criterion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Criterion::WhollyObtained => f.write_str("WO"),
            Criterion::AnyHeadingExcept { except } => {
                write!(f, "AH except from {}", codes_text(except))
            }
            Criterion::TariffShift { level, except } => {
                let name = match level {
                    Level::Chapter => "CC",
                    Level::Heading => "CTH",
                    Level::Subheading => "CTSH",
                };
                if except.is_empty() {
                    f.write_str(name)
                } else {
                    write!(f, "{name} except from {}", codes_text(except))
                }
            }
            Criterion::Rvc {
                percent,
                method,
                basis,
            } => {
                write!(f, "RVC({}", pct(percent))?;
                if let Some(m) = method {
                    write!(f, ", {}", m.code())?;
                }
                if let Some(b) = basis {
                    write!(f, ", {}", b.code())?;
                }
                f.write_str(")")
            }
            Criterion::MaxNom {
                percent,
                basis,
                scope,
            } => {
                write!(f, "MaxNOM({}%, {}", pct(percent), basis.code())?;
                match scope {
                    MaterialScope::All => {}
                    MaterialScope::SameHeading => f.write_str(", same-heading")?,
                    MaterialScope::Codes(c) => write!(f, ", {}", codes_text(c))?,
                }
                f.write_str(")")
            }
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::One(c) => write!(f, "{c}"),
            Rule::All(items) => {
                let parts: Vec<String> = items
                    .iter()
                    .map(|r| match r {
                        Rule::Any(_) => format!("({r})"),
                        _ => r.to_string(),
                    })
                    .collect();
                f.write_str(&parts.join(" and "))
            }
            Rule::Any(items) => {
                let parts: Vec<String> = items.iter().map(|r| r.to_string()).collect();
                f.write_str(&parts.join(" or "))
            }
        }
    }
}

/// A syntax error in rule text, at a byte offset of that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: usize,
    /// What was expected, in Korean and English (`'or', 'and' 또는 규칙의 끝`).
    pub expected_ko: String,
    pub expected_en: String,
    /// What was found instead (`'%'`, `the end of the rule`).
    pub found_ko: String,
    pub found_en: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Number(String),
    LParen,
    RParen,
    Comma,
    Percent,
    Dash,
    End,
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    at: usize,
}

fn describe(t: &Tok) -> (String, String) {
    match t {
        Tok::Word(w) | Tok::Number(w) => (format!("'{w}'"), format!("'{w}'")),
        Tok::LParen => ("'('".into(), "'('".into()),
        Tok::RParen => ("')'".into(), "')'".into()),
        Tok::Comma => ("','".into(), "','".into()),
        Tok::Percent => ("'%'".into(), "'%'".into()),
        Tok::Dash => ("'-'".into(), "'-'".into()),
        Tok::End => ("규칙의 끝".into(), "the end of the rule".into()),
    }
}

fn lex(text: &str) -> Result<Vec<Token>, SyntaxError> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let simple = match c {
            '(' => Some(Tok::LParen),
            ')' => Some(Tok::RParen),
            ',' => Some(Tok::Comma),
            '%' => Some(Tok::Percent),
            '-' | '–' => Some(Tok::Dash),
            _ => None,
        };
        if let Some(t) = simple {
            out.push(Token { tok: t, at });
            i += 1;
            continue;
        }
        if c.is_ascii_alphabetic() {
            let mut j = i;
            while j < chars.len()
                && (chars[j].1.is_ascii_alphanumeric() || chars[j].1 == '-' || chars[j].1 == '_')
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |x| x.0);
            out.push(Token {
                tok: Tok::Word(text[at..end].to_string()),
                at,
            });
            i = j;
            continue;
        }
        if c.is_ascii_digit() {
            let mut j = i;
            while j < chars.len() && chars[j].1.is_ascii_digit() {
                j += 1;
            }
            if j + 1 < chars.len() && chars[j].1 == '.' && chars[j + 1].1.is_ascii_digit() {
                j += 1;
                while j < chars.len() && chars[j].1.is_ascii_digit() {
                    j += 1;
                }
            }
            let end = chars.get(j).map_or(text.len(), |x| x.0);
            out.push(Token {
                tok: Tok::Number(text[at..end].to_string()),
                at,
            });
            i = j;
            continue;
        }
        return Err(SyntaxError {
            offset: at,
            expected_ko: "규칙 용어(WO, CC, CTH, CTSH, RVC, MaxNOM), 숫자 또는 괄호".into(),
            expected_en: "a rule term (WO, CC, CTH, CTSH, RVC, MaxNOM), a number or a parenthesis"
                .into(),
            found_ko: format!("'{c}' 문자"),
            found_en: format!("the character '{c}'"),
        });
    }
    out.push(Token {
        tok: Tok::End,
        at: text.len(),
    });
    Ok(out)
}

struct Parser {
    toks: Vec<Token>,
    pos: usize,
    /// Parentheses open at this point.
    depth: usize,
}

/// Parentheses nest at most this deep: real rules need two or three levels, and the parser
/// recurses per level (deeper nesting from a hostile file would overflow the stack).
pub const MAX_NESTING: usize = 32;

fn kw(t: &Tok, word: &str) -> bool {
    matches!(t, Tok::Word(w) if w.eq_ignore_ascii_case(word))
}

impl Parser {
    fn peek(&self) -> &Token {
        &self.toks[self.pos]
    }

    fn next(&mut self) -> Token {
        let t = self.toks[self.pos].clone();
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        t
    }

    fn error(&self, expected_ko: &str, expected_en: &str) -> SyntaxError {
        let t = self.peek();
        let (found_ko, found_en) = describe(&t.tok);
        SyntaxError {
            offset: t.at,
            expected_ko: expected_ko.to_string(),
            expected_en: expected_en.to_string(),
            found_ko,
            found_en,
        }
    }

    fn expect(&mut self, tok: Tok, ko: &str, en: &str) -> Result<(), SyntaxError> {
        if self.peek().tok == tok {
            self.next();
            Ok(())
        } else {
            Err(self.error(ko, en))
        }
    }

    fn rule(&mut self) -> Result<Rule, SyntaxError> {
        let mut items = vec![self.all()?];
        while kw(&self.peek().tok, "or") {
            self.next();
            items.push(self.all()?);
        }
        Ok(if items.len() == 1 {
            items.pop().expect("one item")
        } else {
            Rule::Any(items)
        })
    }

    fn all(&mut self) -> Result<Rule, SyntaxError> {
        let mut items = vec![self.term()?];
        while kw(&self.peek().tok, "and") {
            self.next();
            items.push(self.term()?);
        }
        Ok(if items.len() == 1 {
            items.pop().expect("one item")
        } else {
            Rule::All(items)
        })
    }

    fn term(&mut self) -> Result<Rule, SyntaxError> {
        if self.peek().tok == Tok::LParen {
            if self.depth >= MAX_NESTING {
                return Err(self.error(
                    &format!("괄호는 {MAX_NESTING}단계까지만 겹칠 수 있습니다. 규칙 용어(WO, CC, CTH, CTSH, RVC(…), MaxNOM(…))"),
                    &format!("at most {MAX_NESTING} nested parentheses; a rule term (WO, CC, CTH, CTSH, RVC(…), MaxNOM(…))"),
                ));
            }
            self.next();
            self.depth += 1;
            let r = self.rule()?;
            self.depth -= 1;
            self.expect(
                Tok::RParen,
                "')' (여는 괄호를 닫아야 합니다), 'or' 또는 'and'",
                "')' to close the parenthesis, 'or' or 'and'",
            )?;
            return Ok(r);
        }
        self.criterion().map(Rule::One)
    }

    fn criterion(&mut self) -> Result<Criterion, SyntaxError> {
        let expected_ko = "규칙 용어(WO, CC, CTH, CTSH, AH except …, RVC(…), MaxNOM(…)) 또는 '('";
        let expected_en = "a rule term (WO, CC, CTH, CTSH, AH except …, RVC(…), MaxNOM(…)) or '('";
        let Tok::Word(w) = self.peek().tok.clone() else {
            return Err(self.error(expected_ko, expected_en));
        };
        let upper = w.to_ascii_uppercase();
        match upper.as_str() {
            "WO" => {
                self.next();
                Ok(Criterion::WhollyObtained)
            }
            "AH" => {
                self.next();
                if !kw(&self.peek().tok, "except") {
                    return Err(self.error(
                        "AH 다음의 'except' (예: AH except from chapter 11)",
                        "'except' after AH (e.g. AH except from chapter 11)",
                    ));
                }
                self.next();
                if kw(&self.peek().tok, "from") {
                    self.next();
                }
                let except = self.codes()?;
                Ok(Criterion::AnyHeadingExcept { except })
            }
            "CC" | "CTH" | "CTSH" => {
                self.next();
                let level = match upper.as_str() {
                    "CC" => Level::Chapter,
                    "CTH" => Level::Heading,
                    _ => Level::Subheading,
                };
                let mut except = Vec::new();
                if kw(&self.peek().tok, "except") {
                    self.next();
                    if kw(&self.peek().tok, "from") {
                        self.next();
                    }
                    except = self.codes()?;
                }
                Ok(Criterion::TariffShift { level, except })
            }
            "RVC" => {
                self.next();
                self.expect(Tok::LParen, "RVC 다음의 '('", "'(' after RVC")?;
                let percent = self.percent(false)?;
                let mut method = None;
                let mut basis = None;
                while self.peek().tok == Tok::Comma {
                    self.next();
                    let t = self.peek().tok.clone();
                    if kw(&t, "build-down") && method.is_none() {
                        method = Some(RvcMethod::BuildDown);
                    } else if kw(&t, "build-up") && method.is_none() {
                        method = Some(RvcMethod::BuildUp);
                    } else if kw(&t, "EXW") && basis.is_none() {
                        basis = Some(ValueBasis::Exw);
                    } else if kw(&t, "FOB") && basis.is_none() {
                        basis = Some(ValueBasis::Fob);
                    } else {
                        return Err(self.error(
                            "계산 방법(build-down, build-up) 또는 가격 기준(EXW, FOB) — 각각 한 번씩",
                            "a method (build-down, build-up) or a price basis (EXW, FOB), each at most once",
                        ));
                    }
                    self.next();
                }
                self.expect(
                    Tok::RParen,
                    "',' 또는 RVC(…)를 닫는 ')'",
                    "',' or ')' to close RVC(…)",
                )?;
                Ok(Criterion::Rvc {
                    percent,
                    method,
                    basis,
                })
            }
            "MAXNOM" => {
                self.next();
                self.expect(Tok::LParen, "MaxNOM 다음의 '('", "'(' after MaxNOM")?;
                let percent = self.percent(true)?;
                self.expect(
                    Tok::Comma,
                    "',' 다음에 가격 기준(EXW 또는 FOB)",
                    "',' and then the price basis (EXW or FOB)",
                )?;
                let t = self.peek().tok.clone();
                let basis = if kw(&t, "EXW") {
                    ValueBasis::Exw
                } else if kw(&t, "FOB") {
                    ValueBasis::Fob
                } else {
                    return Err(self.error("가격 기준 EXW 또는 FOB", "the price basis EXW or FOB"));
                };
                self.next();
                let mut scope = MaterialScope::All;
                if self.peek().tok == Tok::Comma {
                    self.next();
                    if kw(&self.peek().tok, "same-heading") {
                        self.next();
                        scope = MaterialScope::SameHeading;
                    } else {
                        scope = MaterialScope::Codes(self.codes()?);
                    }
                }
                self.expect(
                    Tok::RParen,
                    "MaxNOM(…)을 닫는 ')'",
                    "')' to close MaxNOM(…)",
                )?;
                Ok(Criterion::MaxNom {
                    percent,
                    basis,
                    scope,
                })
            }
            _ => Err(self.error(expected_ko, expected_en)),
        }
    }

    fn percent(&mut self, with_sign: bool) -> Result<Decimal, SyntaxError> {
        let expect_ko = if with_sign {
            "0에서 100 사이의 비율 (예: 40%)"
        } else {
            "0에서 100 사이의 비율 (예: 40)"
        };
        let expect_en = if with_sign {
            "a percentage from 0 to 100 (e.g. 40%)"
        } else {
            "a percentage from 0 to 100 (e.g. 40)"
        };
        let Tok::Number(n) = self.peek().tok.clone() else {
            return Err(self.error(expect_ko, expect_en));
        };
        let value = Decimal::from_str(&n).map_err(|_| self.error(expect_ko, expect_en))?;
        if value > Decimal::ONE_HUNDRED {
            return Err(self.error(expect_ko, expect_en));
        }
        self.next();
        if self.peek().tok == Tok::Percent {
            self.next();
        }
        Ok(value)
    }

    fn codes(&mut self) -> Result<Vec<HsRange>, SyntaxError> {
        let mut out = vec![self.code()?];
        while self.peek().tok == Tok::Comma {
            self.next();
            out.push(self.code()?);
        }
        Ok(out)
    }

    fn code(&mut self) -> Result<HsRange, SyntaxError> {
        let t = self.peek().tok.clone();
        let mut level = None;
        for (words, l) in [
            (["chapter", "chapters"], Level::Chapter),
            (["heading", "headings"], Level::Heading),
            (["subheading", "subheadings"], Level::Subheading),
        ] {
            if words.iter().any(|w| kw(&t, w)) {
                level = Some(l);
            }
        }
        if level.is_some() {
            self.next();
        }
        let from = self.code_number(level)?;
        let level = from.0;
        let mut to = from.1.clone();
        if self.peek().tok == Tok::Dash {
            self.next();
            let (l2, c2) = self.code_number(Some(level))?;
            debug_assert_eq!(l2, level);
            if c2 < from.1 {
                return Err(SyntaxError {
                    offset: self.toks[self.pos - 1].at,
                    expected_ko: format!("{} 이상의 범위 끝", from.1),
                    expected_en: format!("a range end not below {}", from.1),
                    found_ko: format!("'{c2}'"),
                    found_en: format!("'{c2}'"),
                });
            }
            to = c2;
        }
        Ok(HsRange {
            level,
            from: from.1,
            to,
        })
    }

    /// One HS number: `11` (chapter), `1701` (heading), `3304.10` or `330410` (subheading).
    fn code_number(&mut self, level: Option<Level>) -> Result<(Level, String), SyntaxError> {
        let (ko, en) = match level {
            Some(Level::Chapter) => ("두 자리 류 번호 (예: 11)", "a two-digit chapter (e.g. 11)"),
            Some(Level::Heading) => (
                "네 자리 호 번호 (예: 1701)",
                "a four-digit heading (e.g. 1701)",
            ),
            Some(Level::Subheading) => (
                "여섯 자리 소호 번호 (예: 3304.10)",
                "a six-digit subheading (e.g. 3304.10)",
            ),
            None => (
                "HS 번호 (류 11, 호 1701 또는 소호 3304.10)",
                "an HS code (chapter 11, heading 1701 or subheading 3304.10)",
            ),
        };
        let Tok::Number(n) = self.peek().tok.clone() else {
            return Err(self.error(ko, en));
        };
        let digits: String = n.chars().filter(|c| *c != '.').collect();
        let dotted_ok = !n.contains('.') || (n.len() == 7 && n.as_bytes()[4] == b'.');
        let found = Level::of_len(digits.len()).filter(|_| dotted_ok);
        match (found, level) {
            (Some(f), None) => {
                self.next();
                Ok((f, digits))
            }
            (Some(f), Some(l)) if f == l => {
                self.next();
                Ok((f, digits))
            }
            _ => Err(self.error(ko, en)),
        }
    }
}

/// Parse rule text into a [`Rule`].
pub fn parse(text: &str) -> Result<Rule, SyntaxError> {
    let toks = lex(text)?;
    let mut p = Parser {
        toks,
        pos: 0,
        depth: 0,
    };
    let rule = p.rule()?;
    if p.peek().tok != Tok::End {
        return Err(p.error(
            "'or', 'and' 또는 규칙의 끝",
            "'or', 'and' or the end of the rule",
        ));
    }
    Ok(rule)
}

/// Parse the HS part of a rule scope: `33`, `3304`, `3304.99`, `6101-6117`.
pub fn parse_range(text: &str) -> Result<HsRange, SyntaxError> {
    let toks = lex(text)?;
    let mut p = Parser {
        toks,
        pos: 0,
        depth: 0,
    };
    let r = p.code()?;
    if p.peek().tok != Tok::End {
        return Err(p.error("범위의 끝", "the end of the HS range"));
    }
    Ok(r)
}

/// The first `level` digits of a code, if it has that many.
pub fn prefix(code: &HsCode, level: Level) -> Option<&str> {
    let d = code.digits();
    (d.len() >= level.digits()).then(|| &d[..level.digits()])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(s: &str) -> String {
        parse(s).unwrap().to_string()
    }

    #[test]
    fn canonical_forms() {
        assert_eq!(round_trip("cth"), "CTH");
        assert_eq!(
            round_trip("CTH except from 1701-1703"),
            "CTH except from heading 1701-1703"
        );
        assert_eq!(
            round_trip("CC except from chapter 11"),
            "CC except from chapter 11"
        );
        assert_eq!(
            round_trip("CTSH except 3304.10, 3304.20"),
            "CTSH except from subheading 3304.10, 3304.20"
        );
        assert_eq!(round_trip("RVC(40, build-down)"), "RVC(40, build-down)");
        assert_eq!(
            round_trip("RVC(35%,FOB,build-up)"),
            "RVC(35, build-up, FOB)"
        );
        assert_eq!(
            round_trip("CTH and MaxNOM(20%, EXW, same-heading) or MaxNOM(40%, EXW)"),
            "CTH and MaxNOM(20%, EXW, same-heading) or MaxNOM(40%, EXW)"
        );
        assert_eq!(
            round_trip("(CTH or RVC(40)) and MaxNOM(30%, EXW, chapter 17)"),
            "(CTH or RVC(40)) and MaxNOM(30%, EXW, chapter 17)"
        );
    }

    #[test]
    fn precedence_and_alternatives() {
        let r = parse("CTH and MaxNOM(20%, EXW, same-heading) or MaxNOM(40%, EXW)").unwrap();
        let alts = r.alternatives();
        assert_eq!(alts.len(), 2);
        assert!(matches!(alts[0], Rule::All(v) if v.len() == 2));
    }

    #[test]
    fn ranges() {
        let r = parse_range("3304.10-3304.30").unwrap();
        assert_eq!(r.level, Level::Subheading);
        assert!(r.contains("3304200000"));
        assert!(!r.contains("330499"));
        assert_eq!(r.membership("3304"), Membership::TooShort);
        assert_eq!(r.membership("3305"), Membership::Out);
        assert_eq!(r.width(), 21);
        assert!(parse_range("1703-1701").is_err());
        assert!(parse_range("170").is_err());
    }

    #[test]
    fn errors_point_at_the_problem() {
        let e = parse("CTH or").unwrap_err();
        assert_eq!(e.offset, 6);
        assert!(e.expected_en.contains("rule term"));
        let e = parse("MaxNOM(40%, EXV)").unwrap_err();
        assert_eq!(e.offset, 12);
        let e = parse("CTH except from heading 17").unwrap_err();
        assert!(e.expected_en.contains("four-digit"));
        let e = parse("CTH $").unwrap_err();
        assert_eq!(e.offset, 4);
        let e = parse("RVC(140)").unwrap_err();
        assert_eq!(e.offset, 4);
        let deep = format!("{}CTH{}", "(".repeat(100_000), ")".repeat(100_000));
        let e = parse(&deep).unwrap_err();
        assert_eq!(e.offset, MAX_NESTING);
        assert!(e.expected_en.contains("nested"), "{}", e.expected_en);
        let ok = format!("{}CTH{}", "(".repeat(MAX_NESTING), ")".repeat(MAX_NESTING));
        assert_eq!(parse(&ok).unwrap().to_string(), "CTH");
        let e = parse("(CTH or CC").unwrap_err();
        assert!(e.expected_en.contains("')'"));
    }
}
