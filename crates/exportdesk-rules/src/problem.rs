//! The one error shape shared by every layer and both front ends.
//!
//! A `Problem` has a stable `code` the UI and scripts can switch on (`business_no.check_digit`),
//! the form `field` it belongs to when there is one, the values it talks about, and a message in
//! Korean and in English written for the person who has to fix it. Messages are composed where the
//! problem is found, because that is where the facts are; there is no separate catalogue to drift.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Problem {
    /// Stable machine code, e.g. `product.hs_code.length`.
    pub code: String,
    /// Form field the problem belongs to (`business_no`, `lines[2].quantity`), if any.
    pub field: Option<String>,
    /// The values the message talks about.
    pub params: BTreeMap<String, String>,
    /// What is wrong and what to do, in Korean.
    pub message_ko: String,
    /// The same in English.
    pub message_en: String,
}

impl Problem {
    pub fn new(code: &str, message_ko: impl Into<String>, message_en: impl Into<String>) -> Self {
        Problem {
            code: code.to_string(),
            field: None,
            params: BTreeMap::new(),
            message_ko: message_ko.into(),
            message_en: message_en.into(),
        }
    }

    pub fn at(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn with(mut self, key: &str, value: impl ToString) -> Self {
        self.params.insert(key.to_string(), value.to_string());
        self
    }

    /// Prefix the field path, e.g. `quantity` → `lines[2].quantity`.
    pub fn under(mut self, prefix: &str) -> Self {
        self.field = Some(match self.field.take() {
            Some(f) => format!("{prefix}.{f}"),
            None => prefix.to_string(),
        });
        self
    }

    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ko => &self.message_ko,
            Lang::En => &self.message_en,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message_en, self.code)
    }
}

impl std::error::Error for Problem {}

/// User language. Korean is the default everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Ko,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ko" | "kr" | "korean" | "한국어" => Some(Lang::Ko),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Several problems found while validating one input (all are reported at once, so a form can
/// mark every wrong field in one pass).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn push(&mut self, p: Problem) {
        self.0.push(p);
    }

    /// Keep the error of a field check, pass its value on.
    pub fn take<T>(&mut self, r: Result<T, Problem>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(p) => {
                self.0.push(p);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_result<T>(self, value: impl FnOnce() -> T) -> Result<T, Problems> {
        if self.0.is_empty() {
            Ok(value())
        } else {
            Err(self)
        }
    }
}

impl From<Problem> for Problems {
    fn from(p: Problem) -> Self {
        Problems(vec![p])
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().map(|p| p.to_string()).collect();
        write!(f, "{}", parts.join("; "))
    }
}

impl std::error::Error for Problems {}
