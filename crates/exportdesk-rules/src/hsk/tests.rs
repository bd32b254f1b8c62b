use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn hs() -> &'static HsTable {
    static HS: OnceLock<HsTable> = OnceLock::new();
    HS.get_or_init(HsTable::bundled)
}

fn finder() -> Finder<'static> {
    Finder {
        hs: hs(),
        hsk: HskTable::bundled(),
        names: TariffIndex::bundled(hs()),
        precedents: Some(Precedents::bundled()),
        own: &[],
    }
}

fn find_codes(query: &str) -> Vec<String> {
    finder()
        .find(query, 5)
        .into_iter()
        .map(|s| s.line.code)
        .collect()
}

#[test]
fn the_bundled_table_holds_every_code_of_the_2025_edition() {
    let t = HskTable::bundled();
    // The data set's 2025-01-01 edition: 11,327 ten-digit codes and 1,140 groupings.
    let valid = t
        .codes()
        .filter(|r| t.validity(&r.code, d("2025-06-30")) == Some(HskValidity::Valid))
        .count();
    assert_eq!(valid, 11_327);
    assert_eq!(t.rows().iter().filter(|r| r.code.len() < 10).count(), 1_140);
    assert_eq!(t.edition_end(), d("2025-12-31"));
    // Codes only the 2024 editions list are kept, with their end.
    assert_eq!(t.codes().count(), 11_327 + 26);
}

#[test]
fn every_code_reads_on_its_own_with_its_full_path() {
    let t = HskTable::bundled();
    for r in t.codes() {
        let line = t.line(&r.code, hs()).expect("a line for every code");
        if r.code == "2424000000" {
            // 이사화물: a Korean simple-rate code outside the HS nomenclature.
            continue;
        }
        assert!(
            line.path_en.len() >= 3,
            "{}: heading, subheading and the code itself: {:?}",
            r.code,
            line.path_en
        );
        assert!(line.path_ko.len() >= 2, "{}: {:?}", r.code, line.path_ko);
        assert!(line.path_en.iter().all(|p| !p.is_empty()), "{}", r.code);
    }
    let line = t.line("0102909010", hs()).unwrap();
    // The table's own grouping 0102.90-90 sits between the subheading and the code.
    assert_eq!(line.path_ko, ["소", "기타", "젖소"]);
    assert_eq!(line.path_en.last().unwrap(), "For milk");
    assert_eq!(line.path_en[line.path_en.len() - 2], "Other");
    assert_eq!(line.dotted, "0102.90-9010");
}

#[test]
fn quantity_units_come_from_the_table() {
    let t = HskTable::bundled();
    assert_eq!(t.row("0101211000").unwrap().qty_unit.as_deref(), Some("U"));
    // Cosmetics are declared by weight only.
    assert_eq!(t.row("3304991000").unwrap().qty_unit, None);
}

#[test]
fn validity_follows_the_dates_of_each_code() {
    let t = HskTable::bundled();
    // Listed only in the 2024 editions: ended 2024-12-31.
    assert_eq!(
        t.validity("8501332000", d("2024-12-31")),
        Some(HskValidity::Valid)
    );
    assert_eq!(
        t.validity("8501332000", d("2025-01-01")),
        Some(HskValidity::Ended {
            to: d("2024-12-31")
        })
    );
    // New in the 2025 edition.
    assert_eq!(
        t.validity("8413812000", d("2024-12-31")),
        Some(HskValidity::NotYet {
            from: d("2025-01-01")
        })
    );
    assert_eq!(
        t.validity("8413812000", d("2025-01-01")),
        Some(HskValidity::Valid)
    );
    // After the newest edition: most likely still valid, to be checked.
    assert_eq!(
        t.validity("3304991000", d("2026-12-08")),
        Some(HskValidity::AfterEdition {
            edition_end: d("2025-12-31")
        })
    );
    assert_eq!(t.validity("3304990000", d("2025-06-01")), None);
}

#[test]
fn a_typed_code_is_checked_against_the_declaration_date() {
    let t = HskTable::bundled();
    let code = |s: &str| HsCode::parse(s).unwrap();
    assert!(t.check(&code("3304.99-1000"), d("2025-03-01")).is_ok());
    let e = t.check(&code("3304.99-5000"), d("2025-03-01")).unwrap_err();
    assert_eq!(e.code, "hs_code.unknown_hsk");
    assert!(
        e.message_en.contains("Subheading 330499 has 4 codes"),
        "{}",
        e.message_en
    );
    let e = t.check(&code("8501332000"), d("2025-03-01")).unwrap_err();
    assert_eq!(e.code, "hs_code.hsk_ended");
    let e = t.check(&code("8413812000"), d("2024-03-01")).unwrap_err();
    assert_eq!(e.code, "hs_code.hsk_not_yet");
}

#[test]
fn korean_words_lose_their_endings_and_compounds_split_into_pieces() {
    let has = |text: &str, t: &str| terms(text).iter().any(|x| x == t);
    assert!(has("보습크림", "보습") && has("보습크림", "크림") && has("보습크림", "보습크림"));
    // Spacing does not matter: both spellings share the parts.
    assert!(has("보습 크림", "보습") && has("보습 크림", "크림"));
    assert!(has("가죽으로 만든 가방", "가죽"));
    assert!(has("어린이용", "어린이"));
    assert!(has("플라스틱제의 컵", "플라스틱제"));
    assert!(!has("기타", "기타"));
    // English: lower case, singular, no filler words.
    assert_eq!(
        terms("Leather Handbags of the kind"),
        ["leather", "handbag"]
    );
}

#[test]
fn the_finder_reaches_ten_digits_for_words_sellers_use() {
    let top = |q: &str| find_codes(q);
    assert!(
        top("eyeliner").iter().any(|c| c.starts_with("330420")),
        "{:?}",
        top("eyeliner")
    );
    assert!(
        top("아이라이너").iter().any(|c| c.starts_with("330420")),
        "{:?}",
        top("아이라이너")
    );
    assert!(
        top("보습크림").iter().any(|c| c.starts_with("330499")),
        "{:?}",
        top("보습크림")
    );
    assert!(
        top("가죽 핸드백").iter().any(|c| c.starts_with("420221")),
        "{:?}",
        top("가죽 핸드백")
    );
    assert!(
        top("green tea").iter().any(|c| c.starts_with("0902")),
        "{:?}",
        top("green tea")
    );
    // A national code named like the goods is offered before its siblings, in both languages.
    assert_eq!(top("보자기")[0], "6307902000");
    assert_eq!(top("Bojagi Gift Wrap, Large")[0], "6307902000");
    // A case sharing one word of three does not outrank a keyword.
    assert!(top("Celadon Mini Vase")[0].starts_with("6913"));
    // The question one level up: a handbag's subheadings split by the outer surface.
    let s = finder().find("leather handbag", 3);
    let bag = s.iter().find(|x| x.line.code.starts_with("4202")).unwrap();
    let subs: Vec<&str> = bag.subheadings.iter().map(|c| c.code.as_str()).collect();
    assert!(
        subs.contains(&"420221") && subs.contains(&"420222"),
        "{subs:?}"
    );
    assert!(bag.subheadings.iter().all(|c| !c.label_en.is_empty()));
    // A typed code comes back as itself, sure.
    let s = finder().find("3304.99-1000", 5);
    assert_eq!(s[0].line.code, "3304991000");
    assert_eq!(s[0].confidence, HsConfidence::Exact);
    assert_eq!(s[0].choices.len(), 4);
    assert!(
        s[0].precedents.is_empty(),
        "a code is not searched in the cases"
    );
}

#[test]
fn cases_show_how_customs_classified_similar_goods() {
    let s = finder().find("누룽지", 5);
    let first = &s[0];
    assert!(
        first.line.code.starts_with("190490"),
        "{:?}",
        first.line.code
    );
    assert!(!first.precedents.is_empty());
    assert!(first
        .precedents
        .iter()
        .all(|p| p.code.starts_with(&first.line.code[..6])));
    assert!(first.precedents[0].description.contains("누룽지"));
}

#[test]
fn the_precedents_leave_out_the_benchmark_cases() {
    let held_out: Vec<&str> = include_str!("../../../../tests/hs-finder/cases.tsv")
        .lines()
        .skip(1)
        .map(|l| l.split('\t').nth(1).unwrap())
        .collect();
    let cases = include_str!("../../../../assets/hs/precedents.tsv");
    let descriptions: std::collections::HashSet<&str> = cases
        .lines()
        .skip(1)
        .map(|l| l.split_once('\t').unwrap().1)
        .collect();
    assert!(held_out.len() >= 300);
    for d in held_out {
        assert!(
            !descriptions.contains(d),
            "benchmark case {d:?} is in the finder's data"
        );
    }
    // Every case is under a code of the table.
    for l in cases.lines().skip(1) {
        let code = l.split_once('\t').unwrap().0;
        assert!(HskTable::bundled().row(code).is_some(), "{code}");
    }
}

#[test]
fn the_sample_shop_uses_real_ten_digit_codes() {
    // The newcomer's first products must not teach made-up codes.
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    if k == "hs_code" {
                        if let Some(s) = v.as_str() {
                            out.push(s.chars().filter(char::is_ascii_digit).collect());
                        }
                    }
                    walk(v, out);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let shop: serde_json::Value =
        serde_json::from_str(include_str!("../../../../assets/samples/shop.json")).unwrap();
    let mut codes = Vec::new();
    walk(&shop, &mut codes);
    assert!(codes.len() >= 20);
    let t = HskTable::bundled();
    for c in codes.iter().filter(|c| c.len() == 10) {
        assert!(
            t.row(c).is_some(),
            "sample code {c} is not in the HSK table"
        );
    }
}

#[test]
fn the_shops_own_choice_ranks_first_for_a_product_named_alike() {
    let own = vec![
        (
            "3304109000".to_string(),
            "봄결 워터 글로스 립틴트 04 무화과".to_string(),
        ),
        (
            "9615119000".to_string(),
            "소담 자개 패턴 헤어 집게핀 3종 세트".to_string(),
        ),
    ];
    let f = Finder {
        own: &own,
        ..finder()
    };
    let s = f.find("워터 글로스 립틴트 07 체리", 5);
    assert_eq!(s[0].line.code, "3304109000");
    assert_eq!(s[0].own_products, ["봄결 워터 글로스 립틴트 04 무화과"]);
    assert!(s[0].confidence >= HsConfidence::Strong);
    // A name unlike any product is not pulled towards them.
    let s = f.find("stainless tumbler", 5);
    assert!(s.iter().all(|x| x.own_products.is_empty()));
}

#[test]
fn a_products_unit_is_compared_with_the_codes_quantity_unit() {
    assert!(unit_fits("EA", "U"));
    assert!(unit_fits("SET", "U"));
    assert!(unit_fits("PR", "2U"));
    assert!(unit_fits("ML", "L"));
    assert!(!unit_fits("EA", "L"));
    assert!(!unit_fits("EA", "M2"));
    assert!(unit_fits("XYZ", "U"), "an unknown unit is not judged");
}
