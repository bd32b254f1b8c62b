//! Product-specific rules: the bundled files, parser errors with file/line/column, scopes and
//! overlaps, "most specific wins", the user's own rules, and coverage against GAPS.md.

include!("origin_common.rs.inc");

use exportdesk_rules::hs::HsCode;
use exportdesk_rules::origin::psr::BUNDLED_PSR;

const GAPS: &str = include_str!("../../../assets/fta/GAPS.md");

fn read(files: &[(&str, &str)]) -> Result<PsrBook, Problems> {
    PsrBook::from_sources(files, &FtaCatalogue::bundled())
}

fn hs(s: &str) -> HsCode {
    HsCode::parse(s).unwrap()
}

/// 1-based line and column of the first occurrence of `needle` (plus `offset` characters).
fn pos(text: &str, needle: &str, offset: usize) -> (String, String) {
    let at = text.find(needle).unwrap();
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap().chars().count() + 1 + offset;
    (line.to_string(), col.to_string())
}

#[test]
fn bundled_rules_load_and_carry_their_source() {
    let book = PsrBook::bundled();
    assert!(book.rules().len() >= 50, "{}", book.rules().len());
    for r in book.rules() {
        assert!(!r.source.trim().is_empty());
        assert!(r.effective_from.is_some());
        assert!(!r.own);
        // The canonical text re-parses to the same rule.
        let again = exportdesk_rules::origin::lang::parse(&r.rule.to_string()).unwrap();
        assert_eq!(again, r.rule, "{} {}", r.fta, r.text);
        // Verified: the brief's verified examples, or an official data set (the UK's Origin
        // Reference Document for UK–Korea).
        if r.verified {
            assert!(
                r.source.contains("domain brief") || r.source.contains("Origin Reference Document"),
                "{} {}",
                r.fta,
                r.scope.text
            );
        }
    }
    let eu = book
        .rule_for("KR-EU", &hs("3304.99"), date("2026-01-01"))
        .unwrap();
    assert_eq!(
        eu.text,
        "CTH and MaxNOM(20%, EXW, same-heading) or MaxNOM(40%, EXW)"
    );
    assert!(eu.verified);
    assert!(
        book.rule_for("KR-EU", &hs("3301.12"), date("2026-01-01"))
            .is_none(),
        "3301 is excluded from ex 33"
    );
    assert_eq!(
        book.rule_for("KR-UK", &hs("1905.90"), date("2026-01-01"))
            .unwrap()
            .text,
        "AH except from chapter 11"
    );
    assert!(
        book.rule_for("KR-UK", &hs("1905.90"), date("2020-12-31"))
            .is_none(),
        "not before the FTA"
    );
    assert_eq!(
        book.rule_for("KR-ASEAN", &hs("3304.10"), date("2026-01-01"))
            .unwrap()
            .text,
        "CTH or RVC(40)"
    );
}

#[test]
fn most_specific_scope_wins() {
    let book = PsrBook::bundled();
    let day = date("2026-01-01");
    // KR-VN: chapter 39 rule vs nothing more specific.
    assert_eq!(
        book.rule_for("KR-VN", &hs("3926.90"), day)
            .unwrap()
            .scope
            .text,
        "39"
    );
    // 9608.10 (subheading range) vs nothing at heading level.
    assert_eq!(
        book.rule_for("KR-VN", &hs("9608.20"), day).unwrap().text,
        "CTSH or RVC(40)"
    );
    assert_eq!(
        book.rule_for("KR-VN", &hs("9608.60"), day).unwrap().text,
        "CTH or RVC(40)"
    );
    // A user heading rule beats the bundled heading range 3302-3307 (narrower), a user chapter
    // rule does not beat it.
    let book = PsrBook::bundled()
        .with_user_rules(vec![
            user("KR-VN", "3304", "CTSH"),
            user("KR-VN", "33", "CC"),
        ])
        .unwrap();
    let r = book.rule_for("KR-VN", &hs("3304.99"), day).unwrap();
    assert_eq!((r.text.as_str(), r.own), ("CTSH", true));
    let r = book.rule_for("KR-VN", &hs("3305.10"), day).unwrap();
    assert_eq!((r.text.as_str(), r.own), ("CTH or RVC(40)", false));
    let r = book.rule_for("KR-VN", &hs("3301.12"), day).unwrap();
    assert_eq!((r.text.as_str(), r.own), ("CC", true));
}

#[test]
fn user_rule_replaces_the_bundled_rule_of_the_same_range() {
    let book = PsrBook::bundled()
        .with_user_rules(vec![UserRule {
            fta: "kr-eu".into(),
            hs_range: "1905".into(),
            rule: "CC".into(),
            note: "checked with my broker".into(),
        }])
        .unwrap();
    let r = book
        .rule_for("KR-EU", &hs("1905.31"), date("2026-01-01"))
        .unwrap();
    assert!(r.own);
    assert_eq!(r.text, "CC");
    assert!(r.source.contains("checked with my broker"));
    assert_eq!(
        book.rules_of("KR-EU")
            .filter(|r| r.scope.text == "1905")
            .count(),
        1
    );
    // User rules apply on any date.
    assert!(book
        .rule_for("KR-EU", &hs("1905.31"), date("2000-01-01"))
        .is_some());
}

#[test]
fn user_rule_errors() {
    let err = PsrBook::bundled()
        .with_user_rules(vec![
            user("KR-EU", "1905", "CTH or MaxNOM(40%, EXV)"),
            user("KR-XX", "1905", "CTH"),
            user("KR-EU", "ex 33", "CTH"),
            user("KR-EU", "19O5", "CTH"),
            user("KR-EU", "9503", "CTH"),
            user("KR-EU", "9503", "CC"),
        ])
        .unwrap_err();
    let p = &err.0[0];
    assert_eq!(p.code, "psr.syntax");
    assert_eq!(p.params["file"], "user rule KR-EU 1905");
    assert_eq!(p.params["line"], "1");
    assert_eq!(p.params["column"], "20");
    assert_eq!(p.field.as_deref(), Some("user_rules[0].rule"));
    assert!(
        p.message_en
            .contains("expected the price basis EXW or FOB, found 'EXV'"),
        "{}",
        p.message_en
    );
    assert!(p.message_ko.contains("'EXV'"), "{}", p.message_ko);
    assert_eq!(err.0[1].code, "psr.fta.unknown");
    assert_eq!(err.0[2].code, "psr.scope");
    assert_eq!(err.0[3].code, "psr.scope");
    assert_eq!(err.0[4].code, "psr.overlap");
    assert_eq!(err.0.len(), 5);
}

const FILE: &str = r#"# test rules
fta = "KR-EU"

[[rule]]
hs = "3304"
rule = "CTH"
source = "test"
verified = false
effective_from = "2011-07-01"

[[rule]]
hs = "9503"
rule = "CTH or MaxNOM(40%, EXW"
source = "test"
verified = false
effective_from = "2011-07-01"
"#;

#[test]
fn syntax_errors_name_file_line_and_column() {
    let err = read(&[("kr-test.toml", FILE)]).unwrap_err();
    let p = &err.0[0];
    assert_eq!(p.code, "psr.syntax");
    assert_eq!(p.params["file"], "kr-test.toml");
    // The error is at the end of the rule text: just before the closing quote.
    let (line, col) = pos(FILE, "\"CTH or MaxNOM(40%, EXW\"", 23);
    assert_eq!(
        (p.params["line"].clone(), p.params["column"].clone()),
        (line, col)
    );
    assert!(
        p.message_en.starts_with("kr-test.toml line 13 column"),
        "{}",
        p.message_en
    );
    assert!(
        p.message_en
            .contains("expected ')' to close MaxNOM(…), found the end of the rule"),
        "{}",
        p.message_en
    );
    assert!(
        p.message_ko.contains("kr-test.toml 13행"),
        "{}",
        p.message_ko
    );
    assert!(p.message_ko.contains("규칙의 끝"), "{}", p.message_ko);

    // In the middle of a line, after escapes.
    let text = FILE.replace(
        r#""CTH or MaxNOM(40%, EXW""#,
        r#""CTH except from \"1701\" or CC""#,
    );
    let p = &read(&[("kr-test.toml", &text)]).unwrap_err().0[0];
    let (line, col) = pos(&text, r#"\"1701\""#, 0);
    assert_eq!(
        (p.params["line"].clone(), p.params["column"].clone()),
        (line, col)
    );

    // Literal strings map one to one.
    let text = FILE.replace(
        r#""CTH or MaxNOM(40%, EXW""#,
        "'CTH or RVC(40, build-sideways)'",
    );
    let p = &read(&[("kr-test.toml", &text)]).unwrap_err().0[0];
    let (line, col) = pos(&text, "build-sideways", 0);
    assert_eq!(
        (p.params["line"].clone(), p.params["column"].clone()),
        (line, col)
    );
    assert!(
        p.message_en.contains("build-down, build-up"),
        "{}",
        p.message_en
    );
}

#[test]
fn every_error_of_a_file_is_reported() {
    let text = FILE
        .replace(r#"rule = "CTH""#, r#"rule = "CTX""#)
        .replace(r#"hs = "9503""#, r#"hs = "95O3""#);
    let err = read(&[("kr-test.toml", &text)]).unwrap_err();
    assert_eq!(err.0.len(), 2, "{err:?}");
    assert_eq!(err.0[0].code, "psr.syntax");
    assert_eq!(err.0[0].params["line"], "6");
    assert_eq!(err.0[0].params["column"], "9");
    assert_eq!(err.0[1].code, "psr.scope");
    assert_eq!(err.0[1].params["line"], "12");
}

#[test]
fn file_level_errors() {
    let p = &read(&[("x.toml", "fta = \"KR-XX\"\n")]).unwrap_err().0[0];
    assert_eq!(p.code, "psr.fta.unknown");
    assert_eq!(
        (p.params["line"].as_str(), p.params["column"].as_str()),
        ("1", "7")
    );
    let p = &read(&[(
        "x.toml",
        "fta = \"KR-EU\"\n[[rule]]\nhs = \"3304\"\nrule = \"CTH\"\n",
    )])
    .unwrap_err()
    .0[0];
    assert_eq!(p.code, "fta.file.malformed");
    assert!(p.message_en.contains("source"), "{}", p.message_en);
    let p = &read(&[("x.toml", "fta = = \"KR-EU\"\n")]).unwrap_err().0[0];
    assert_eq!(
        (p.params["line"].as_str(), p.params["column"].as_str()),
        ("1", "7")
    );
    let ex = FILE.replace(r#"hs = "3304""#, r#"hs = "ex 33""#);
    let p = &read(&[("x.toml", &ex)]).unwrap_err().0[0];
    assert_eq!(p.code, "psr.scope");
    assert!(p.message_en.contains("excluding"), "{}", p.message_en);
}

#[test]
fn overlapping_ranges_are_errors() {
    let two = |a: &str, b: &str| {
        format!(
            "fta = \"KR-EU\"\n[[rule]]\nhs = \"{a}\"\nrule = \"CTH\"\nsource = \"t\"\nverified = false\neffective_from = \"2011-07-01\"\n[[rule]]\nhs = \"{b}\"\nrule = \"CC\"\nsource = \"t\"\nverified = false\neffective_from = \"2011-07-01\"\n"
        )
    };
    let same = read(&[("x.toml", &two("3304", "3304"))]).unwrap_err();
    assert_eq!(same.0[0].code, "psr.overlap");
    assert_eq!(same.0[0].params["line"], "9");
    assert!(same.0[0].message_en.contains("the same range"));
    let crossing = read(&[("x.toml", &two("3301-3305", "3304-3307"))]).unwrap_err();
    assert!(crossing.0[0].message_en.contains("an overlapping range"));
    // Nested ranges and different levels are fine: the most specific wins.
    let nested = read(&[("x.toml", &two("3301-3307", "3304"))]).unwrap();
    assert_eq!(
        nested
            .rule_for("KR-EU", &hs("3304.99"), date("2026-01-01"))
            .unwrap()
            .text,
        "CC"
    );
    assert!(read(&[("x.toml", &two("33", "3304"))]).is_ok());
    // Across files of the same FTA too.
    let a = two("9503", "9504");
    let b = a.replace("9504", "9505");
    assert_eq!(
        read(&[("a.toml", &a), ("b.toml", &b)]).unwrap_err().0[0].code,
        "psr.overlap"
    );
}

#[test]
fn shipped_chapters_are_covered_or_listed_in_gaps() {
    let book = PsrBook::bundled();
    let cat = FtaCatalogue::bundled();
    let chapters = [
        "09", "17", "18", "19", "20", "21", "33", "34", "39", "42", "61", "62", "63", "64", "65",
        "71", "85", "95", "96",
    ];
    for f in &cat.ftas {
        let row = GAPS
            .lines()
            .find(|l| l.starts_with(&format!("| `{}` |", f.code)))
            .unwrap_or_else(|| panic!("GAPS.md has no PSR row for {}", f.code));
        let no_rule_column = row.split('|').nth(2).unwrap();
        for ch in chapters {
            let covered = book.rules_of(&f.code).any(|r| {
                let range = &r.scope.range;
                range.from[..2] <= *ch && *ch <= range.to[..2]
            });
            if !covered {
                assert!(
                    no_rule_column.contains(ch),
                    "{} chapter {ch}: no rule shipped and not listed in GAPS.md",
                    f.code
                );
            } else {
                assert!(
                    !no_rule_column.contains(ch),
                    "{} chapter {ch} is covered but listed as a gap",
                    f.code
                );
            }
        }
    }
}

#[test]
fn bundled_files_are_the_ones_documented() {
    let names: Vec<&str> = BUNDLED_PSR.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        names,
        vec![
            "kr-eu.toml",
            "kr-uk.toml",
            "kr-asean.toml",
            "rcep.toml",
            "kr-vn.toml"
        ]
    );
}
