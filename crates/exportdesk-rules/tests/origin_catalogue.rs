//! The FTA catalogue: the agreements, partner lookup by date, provenance of every value, the
//! single source of truth shared with the rulebook, GAPS.md, and load errors with file/line/column.

include!("origin_common.rs.inc");

use exportdesk_rules::rulebook::{Rulebook, BUNDLED};

const GAPS: &str = include_str!("../../../assets/fta/GAPS.md");
const CATALOGUE: &str = include_str!("../../../assets/fta/catalogue.toml");

fn codes(list: Vec<&Fta>) -> Vec<String> {
    let mut v: Vec<String> = list.iter().map(|f| f.code.clone()).collect();
    v.sort();
    v
}

#[test]
fn the_agreements_the_brief_asks_for() {
    let c = FtaCatalogue::bundled();
    for code in [
        "KORUS", "KR-EU", "KR-UK", "RCEP", "KR-ASEAN", "KR-CN", "KR-VN", "KR-AU", "KR-CA",
    ] {
        assert!(c.get(code).is_some(), "{code} missing");
    }
    assert!(
        c.get("kr-eu").is_some(),
        "codes are matched case-insensitively"
    );
    assert_eq!(c.require("KR-XX").unwrap_err().code, "origin.fta.unknown");
}

#[test]
fn certification_matches_the_verified_table() {
    let c = FtaCatalogue::bundled();
    let day = date("2026-01-01");
    let expect = [
        ("KORUS", Certification::SelfCertified),
        ("KR-EU", Certification::SelfCertified),
        ("KR-UK", Certification::SelfCertified),
        ("KR-AU", Certification::SelfCertified),
        ("KR-CA", Certification::SelfCertified),
        ("RCEP", Certification::Either),
        ("KR-ASEAN", Certification::Agency),
        ("KR-CN", Certification::Agency),
        ("KR-VN", Certification::Agency),
    ];
    for (code, cert) in expect {
        let f = c.get(code).unwrap();
        let v = f.certification.on(day).unwrap();
        assert_eq!(v.value, cert, "{code}");
        assert!(
            v.verified,
            "{code}: the certification table is verified in the brief"
        );
    }
}

#[test]
fn partner_lookup_follows_dates() {
    let c = FtaCatalogue::bundled();
    let on = |country: &str, d: &str| codes(c.for_partner(country, date(d)));
    assert_eq!(on("US", "2026-01-01"), vec!["KORUS"]);
    assert_eq!(on("us", "2012-03-14"), Vec::<String>::new());
    assert_eq!(on("FR", "2026-01-01"), vec!["KR-EU"]);
    assert_eq!(on("HR", "2026-01-01"), vec!["KR-EU"]);
    assert_eq!(on("GB", "2020-12-31"), vec!["KR-EU"]);
    assert_eq!(on("GB", "2021-01-01"), vec!["KR-UK"]);
    assert_eq!(on("VN", "2026-01-01"), vec!["KR-ASEAN", "KR-VN", "RCEP"]);
    assert_eq!(on("TH", "2009-06-01"), Vec::<String>::new());
    assert_eq!(on("TH", "2010-01-01"), vec!["KR-ASEAN"]);
    assert_eq!(on("MY", "2022-02-15"), vec!["KR-ASEAN"]);
    assert_eq!(on("MY", "2022-03-18"), vec!["KR-ASEAN", "RCEP"]);
    assert_eq!(on("PH", "2023-06-02"), vec!["KR-ASEAN", "RCEP"]);
    assert_eq!(on("JP", "2026-01-01"), vec!["RCEP"]);
    assert_eq!(on("CN", "2026-01-01"), vec!["KR-CN", "RCEP"]);
    assert_eq!(on("AU", "2026-01-01"), vec!["KR-AU", "RCEP"]);
    assert_eq!(on("CA", "2026-01-01"), vec!["KR-CA"]);
    let eu = c.get("KR-EU").unwrap();
    assert_eq!(eu.partners_on(date("2026-01-01")).len(), 27);
}

#[test]
fn every_value_has_a_source_and_a_date() {
    let c = FtaCatalogue::bundled();
    let day = date("2026-01-01");
    for f in &c.ftas {
        let facts = f.facts_on(day);
        assert!(facts.len() >= 2, "{}", f.code);
        for fact in facts {
            assert!(!fact.source.trim().is_empty(), "{} has no source", fact.key);
            assert!(fact.key.starts_with(&f.code));
            assert!(
                !fact.title_en.is_empty() && !fact.title_ko.is_empty(),
                "{}",
                fact.key
            );
            assert!(fact.effective_from <= day);
        }
        assert!(!f.agreement.is_empty());
    }
}

#[test]
fn verified_only_where_the_brief_says_so() {
    // The brief verifies the certification table and the EU/UK and RCEP/KORUS numbers it states;
    // everything else in the catalogue must be flagged unverified.
    let c = FtaCatalogue::bundled();
    for f in &c.ftas {
        for v in &f.partners.versions {
            assert!(
                !v.verified,
                "{}: partner lists are not verified by the brief",
                f.code
            );
        }
        for fact in [&f.certificate_validity_months, &f.record_retention_years]
            .into_iter()
            .flatten()
        {
            assert!(fact.versions.iter().all(|v| !v.verified), "{}", fact.key);
        }
        if let Some(m) = &f.rvc_methods {
            assert!(m.versions.iter().all(|v| !v.verified), "{}", m.key);
        }
    }
}

#[test]
fn rulebook_values_have_one_source_of_truth() {
    let c = FtaCatalogue::bundled();
    let book = Rulebook::bundled();
    let day = date("2026-01-01");
    let eu = c.get("KR-EU").unwrap();
    let tol = eu.tolerance_percent.as_ref().unwrap();
    assert_eq!(
        tol.from_rulebook.as_deref(),
        Some("eu_uk_tolerance_percent_exw")
    );
    assert_eq!(
        tol.value_on(day),
        book.fta.eu_uk_tolerance_percent_exw.value_on("k", day).ok()
    );
    let low = eu.low_value_declaration_max_eur.as_ref().unwrap();
    assert_eq!(low.value_on(day), Some(&d("6000")));
    assert!(low.on(day).unwrap().verified);
    let korus = c.get("KORUS").unwrap();
    assert_eq!(
        korus
            .textile_tolerance_percent_weight
            .as_ref()
            .unwrap()
            .value_on(day),
        Some(&d("7"))
    );
    assert_eq!(
        c.get("RCEP")
            .unwrap()
            .tolerance_percent
            .as_ref()
            .unwrap()
            .value_on(day),
        Some(&d("10"))
    );

    // Change the rulebook: the catalogue follows.
    let fta_toml = BUNDLED.iter().find(|(n, _)| *n == "fta.toml").unwrap().1;
    let changed = fta_toml.replacen("value = \"6000\"", "value = \"6500\"", 1);
    assert_ne!(changed, fta_toml);
    let files: Vec<(&str, &str)> = BUNDLED
        .iter()
        .map(|(n, t)| {
            if *n == "fta.toml" {
                (*n, changed.as_str())
            } else {
                (*n, *t)
            }
        })
        .collect();
    let rules = Rulebook::from_sources(&files).unwrap().fta;
    let c2 = FtaCatalogue::from_source("catalogue.toml", CATALOGUE, &rules).unwrap();
    assert_eq!(
        c2.get("KR-UK")
            .unwrap()
            .low_value_declaration_max_eur
            .as_ref()
            .unwrap()
            .value_on(day),
        Some(&d("6500"))
    );
}

#[test]
fn gaps_md_lists_every_unknown_value() {
    let c = FtaCatalogue::bundled();
    for f in &c.ftas {
        for field in f.unknown_fields() {
            let listed = GAPS
                .lines()
                .any(|l| l.contains(&format!("`{}`", f.code)) && l.contains(&format!("`{field}`")));
            assert!(listed, "GAPS.md does not list {} {field}", f.code);
        }
    }
    // And the other way: a value the catalogue now knows is no longer listed as a gap.
    let value_rows = GAPS
        .lines()
        .filter(|l| l.starts_with("| `") && l.matches('`').count() >= 4);
    for row in value_rows {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let (code, field) = (cells[1].trim_matches('`'), cells[2].trim_matches('`'));
        let Some(f) = c.ftas.iter().find(|f| f.code == code) else {
            continue;
        };
        let optional = [
            "value_basis",
            "rvc_methods",
            "tolerance_percent",
            "certificate_validity_months",
            "record_retention_years",
        ];
        if optional.contains(&field) {
            assert!(
                f.unknown_fields().contains(&field),
                "GAPS.md lists {code} {field}, but the catalogue has it"
            );
        }
    }
}

#[test]
fn issue_14_facts_come_from_the_rulebook() {
    let c = FtaCatalogue::bundled();
    let day = date("2025-06-02");
    let fta = |code: &str| c.ftas.iter().find(|f| f.code == code).unwrap();
    let months = |code: &str| {
        fta(code)
            .certificate_validity_months
            .as_ref()
            .and_then(|f| f.value_on(day))
            .copied()
    };
    assert_eq!(months("RCEP"), Some(12));
    assert_eq!(months("KR-ASEAN"), Some(6));
    let korus = fta("KORUS");
    let years = korus.record_retention_years.as_ref().unwrap();
    assert_eq!(years.value_on(day), Some(&5));
    assert_eq!(
        years.from_rulebook.as_deref(),
        Some("korus_record_keeping_years")
    );
    let uk = fta("KR-UK");
    let gbp = uk.low_value_declaration_max_gbp.as_ref().unwrap();
    assert_eq!(gbp.value_on(day), Some(&d("5500")));
    assert!(uk
        .facts_on(day)
        .iter()
        .any(|r| r.key.contains("low_value_declaration_max_gbp") && !r.source.is_empty()));
    // The EU itself states the limit in euros only.
    assert!(fta("KR-EU").low_value_declaration_max_gbp.is_none());
}

fn load(text: &str) -> Problems {
    FtaCatalogue::from_source("catalogue.toml", text, &Rulebook::bundled().fta).unwrap_err()
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn load_errors_name_file_line_and_column() {
    // An unknown key.
    let text = CATALOGUE.replacen("agreement = ", "agreemnt = ", 1);
    let p = &load(&text).0[0];
    assert_eq!(p.code, "fta.file.malformed");
    assert_eq!(p.params["file"], "catalogue.toml");
    assert_eq!(p.params["line"], line_of(&text, "agreemnt = ").to_string());
    assert_eq!(p.params["column"], "1");
    assert!(
        p.message_en.contains("catalogue.toml line"),
        "{}",
        p.message_en
    );
    assert!(p.message_ko.contains("행"), "{}", p.message_ko);

    // A partner that is not an ISO code.
    let text = CATALOGUE.replacen("value = [\"US\"]", "value = [\"USA\"]", 1);
    let p = &load(&text).0[0];
    assert_eq!(p.code, "fta.catalogue.invalid");
    assert!(p.message_en.contains("'USA'"), "{}", p.message_en);
    assert!(p.params["line"].parse::<usize>().unwrap() > 1);

    // A rulebook reference that does not exist.
    let text = CATALOGUE.replacen(
        "rulebook = \"korus_de_minimis_percent_value\"",
        "rulebook = \"korus_nothing\"",
        1,
    );
    let p = &load(&text).0[0];
    assert!(p.message_en.contains("korus_nothing"));
    assert_eq!(
        p.params["line"],
        line_of(&text, "korus_nothing").to_string()
    );
    assert_eq!(p.params["column"], "12");

    // Versions out of order.
    let text = CATALOGUE.replacen(
        "effective_from = \"2022-03-18\"",
        "effective_from = \"2021-03-18\"",
        1,
    );
    let p = &load(&text).0[0];
    assert!(p.message_en.contains("oldest first"), "{}", p.message_en);
    assert_eq!(p.params["line"], line_of(&text, "2021-03-18").to_string());

    // A bad value type.
    let text = CATALOGUE.replacen("value = \"either\"", "value = \"sometimes\"", 1);
    let p = &load(&text).0[0];
    assert_eq!(p.params["line"], line_of(&text, "sometimes").to_string());
}
