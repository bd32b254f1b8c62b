//! The origin engine: every rule kind, every boundary, missing data, minimal operations, golden
//! traces and the comparison across FTAs.

include!("origin_common.rs.inc");

fn alt(v: &OriginVerdict, n: usize) -> Outcome {
    v.alternatives[n].outcome
}

fn has_missing(v: &OriginVerdict, code: &str) -> bool {
    v.missing.0.iter().any(|p| p.code == code)
}

fn suggestions_en(v: &OriginVerdict) -> String {
    v.suggestions
        .iter()
        .map(|s| s.en.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

// --- MaxNOM: exactly at the percentage passes, one won over fails --------------------------------

/// KR-EU cosmetics where the CTH alternative fails (same-heading materials above 20%), so the
/// verdict rests on "all non-originating materials ≤ 40% of the ex-works price".
fn eu_cosmetic(emulsifier: &str) -> OriginCase {
    case(
        "3304.99",
        "KR-EU",
        vec![
            mat("Cream base", "3304.99", non("FR"), "250000"),
            mat("Emulsifier", "3402.13", non("DE"), emulsifier),
            mat("Bottle", "3923.30", orig(Some("2026-12-31")), "80000"),
        ],
    )
}

#[test]
fn max_nom_exactly_at_the_limit_passes() {
    let w = world();
    let v = run(&w, &eu_cosmetic("150000"));
    assert_eq!(alt(&v, 0), Outcome::Failed, "{}", trace_en(&v));
    assert_eq!(alt(&v, 1), Outcome::Passed);
    assert_eq!(v.verdict, Verdict::Originating);
    assert!(v.breaking_materials.is_empty());
    assert!(v
        .computations
        .iter()
        .any(|c| c.formula == "₩400,000 ÷ ₩1,000,000 = 40% ≤ 40%"));
}

#[test]
fn max_nom_one_won_over_fails_and_says_by_how_much() {
    let w = world();
    let v = run(&w, &eu_cosmetic("150001"));
    assert_eq!(alt(&v, 1), Outcome::Failed);
    assert_eq!(v.verdict, Verdict::NotOriginating);
    let s = suggestions_en(&v);
    assert!(
        s.contains("All non-originating materials must fall by ₩1 (<0.01%)"),
        "{s}"
    );
    let ko: Vec<&str> = v.suggestions.iter().map(|s| s.ko.as_str()).collect();
    assert!(
        ko.iter().any(|k| k.contains("₩1(<0.01%) 줄여야 합니다")),
        "{ko:?}"
    );
    assert!(v.breaking_materials.iter().any(|b| b.index == 1));
}

#[test]
fn shortfall_in_won_and_percent() {
    let w = world();
    let mut c = eu_cosmetic("150000");
    c.materials[1].unit_value = d("181000");
    let v = run(&w, &c);
    assert_eq!(v.verdict, Verdict::NotOriginating);
    assert!(
        suggestions_en(&v).contains("must fall by ₩31,000 (3.1%)"),
        "{}",
        suggestions_en(&v)
    );
}

// --- same-heading allowance and the tolerance that never lifts a limit --------------------------

#[test]
fn same_heading_materials_are_allowed_up_to_twenty_percent() {
    let w = world();
    let mk = |base: &str| {
        case(
            "3304.99",
            "KR-EU",
            vec![
                mat("Cream base", "3304.99", non("FR"), base),
                mat("Pigment", "3206.49", non("CN"), "500000"),
            ],
        )
    };
    let v = run(&w, &mk("200000"));
    assert_eq!(alt(&v, 0), Outcome::Passed, "{}", trace_en(&v));
    assert_eq!(alt(&v, 1), Outcome::Failed);
    assert_eq!(v.verdict, Verdict::Originating);
    assert!(trace_en(&v).contains("allowed by this rule's value limit (MaxNOM)"));

    // 20% + ₩1: the tolerance (10% of EXW) must not lift the rule's own 20% limit.
    let v = run(&w, &mk("200001"));
    assert_eq!(alt(&v, 0), Outcome::Failed, "{}", trace_en(&v));
    assert_eq!(v.verdict, Verdict::NotOriginating);
}

// --- tariff shift with exceptions, tolerance just in and just out -------------------------------

fn biscuits(flour_origin: MaterialOrigin, flour: &str) -> OriginCase {
    case(
        "1905.31",
        "KR-EU",
        vec![
            mat("Wheat flour", "1101.00", flour_origin, flour),
            mat("Sugar", "1701.99", non("BR"), "300000"),
            mat("Butter", "0405.10", non("NZ"), "200000"),
        ],
    )
}

#[test]
fn exception_range_in_and_out() {
    let w = world();
    // Flour (chapter 11) is excepted: 30% of EXW, beyond the tolerance.
    let v = run(&w, &biscuits(non("US"), "300000"));
    assert_eq!(v.verdict, Verdict::NotOriginating, "{}", trace_en(&v));
    let b = &v.breaking_materials[0];
    assert_eq!(b.index, 0);
    assert!(
        b.reason_en.contains("excepted chapter 11"),
        "{}",
        b.reason_en
    );
    assert!(
        suggestions_en(&v).contains(
            "A supplier declaration showing that 'Wheat flour' originates would make alternative 1"
        ),
        "{}",
        suggestions_en(&v)
    );
    // Originating flour: sugar (1701) and butter (0405) change heading, and chapter 11 is the
    // only exception.
    let v = run(&w, &biscuits(orig(None), "300000"));
    assert_eq!(v.verdict, Verdict::Originating, "{}", trace_en(&v));
}

#[test]
fn tolerance_just_in_and_just_out() {
    let w = world();
    // EU/UK tolerance: 10% of the ex-works price (₩100,000).
    let v = run(&w, &biscuits(non("US"), "100000"));
    assert_eq!(v.verdict, Verdict::Originating, "{}", trace_en(&v));
    assert!(trace_en(&v).contains("up to 10% of the ex-works price = ₩100,000"));
    let v = run(&w, &biscuits(non("US"), "100001"));
    assert_eq!(v.verdict, Verdict::NotOriginating);
    // The same under UK–Korea.
    let mut c = biscuits(non("US"), "100000");
    c.fta = "KR-UK".into();
    assert_eq!(run(&w, &c).verdict, Verdict::Originating);
}

#[test]
fn eu_tolerance_not_for_chapters_50_to_63() {
    let w = world_with(vec![user("KR-EU", "6109", "CTH")]);
    let c = case(
        "6109.10",
        "KR-EU",
        vec![
            mat("Knitted body", "6109.10", non("VN"), "10"),
            mat("Cotton yarn", "5205.11", non("IN"), "100000"),
        ],
    );
    let v = run(&w, &c);
    assert_eq!(v.verdict, Verdict::NotOriginating, "{}", trace_en(&v));
    assert!(trace_en(&v).contains("value tolerance does not apply to products of chapter 61"));
    let r = v.rule.as_ref().unwrap();
    assert!(r.own_rule);
    assert!(!r.verified);
    assert!(trace_en(&v).contains("your own rule"));
}

#[test]
fn cc_except_and_ctsh_except() {
    let w = world_with(vec![
        user("KR-VN", "3304.99", "CTSH except from 3304.10"),
        user("KR-CN", "1905", "CC except from chapter 11"),
    ]);
    // CTSH: a 3304.20 material changes subheading; a 3304.10 one is excepted.
    let mk = |hs: &str| {
        case(
            "3304.99",
            "KR-VN",
            vec![mat("Base", hs, non("CN"), "50000")],
        )
    };
    assert_eq!(run(&w, &mk("3304.20")).verdict, Verdict::Originating);
    let v = run(&w, &mk("3304.10"));
    // KR-VN de minimis (10% of FOB) covers ₩50,000.
    assert_eq!(v.verdict, Verdict::Originating, "{}", trace_en(&v));
    let mut c = mk("3304.10");
    c.materials[0].unit_value = d("100001");
    assert_eq!(run(&w, &c).verdict, Verdict::NotOriginating);
    // The subheading rule (user) beats the heading range 3302-3307 (bundled).
    assert_eq!(run(&w, &c).rule.unwrap().scope, "3304.99");

    // CC except from chapter 11 (KR-CN has no catalogue de minimis).
    let mk = |hs: &str| case("1905.90", "KR-CN", vec![mat("Flour", hs, non("US"), "1")]);
    assert_eq!(run(&w, &mk("1101.00")).verdict, Verdict::NotOriginating);
    assert_eq!(run(&w, &mk("1001.99")).verdict, Verdict::Originating);
    let v = run(&w, &mk("1905.10"));
    assert_eq!(v.verdict, Verdict::NotOriginating);
    assert!(trace_en(&v).contains("de minimis is not in this app's catalogue"));
}

// --- RVC -----------------------------------------------------------------------------------------

fn asean_cosmetic(base: &str) -> OriginCase {
    // The base is of heading 3304, so CTH fails and RVC decides.
    case(
        "3304.99",
        "KR-ASEAN",
        vec![
            mat("Base", "3304.99", non("CN"), base),
            mat("Jar", "3923.30", orig(None), "100000"),
        ],
    )
}

#[test]
fn rvc_build_down_boundary() {
    let w = world();
    let v = run(&w, &asean_cosmetic("600000"));
    assert_eq!(alt(&v, 0), Outcome::Failed);
    assert_eq!(alt(&v, 1), Outcome::Passed, "{}", trace_en(&v));
    assert_eq!(v.verdict, Verdict::Originating);
    assert!(v
        .computations
        .iter()
        .any(|c| c.formula == "(₩1,000,000 − ₩600,000) ÷ ₩1,000,000 = 40% ≥ 40%"));
    let v = run(&w, &asean_cosmetic("600001"));
    assert_eq!(v.verdict, Verdict::NotOriginating);
    assert!(suggestions_en(&v).contains("Non-originating content must fall by ₩1"));
}

#[test]
fn rvc_build_up_and_explicit_method() {
    let w = world_with(vec![user(
        "KORUS",
        "3304",
        "RVC(35, build-up) or RVC(45, build-down)",
    )]);
    let mk = |vom: &str, vnm: &str| {
        case(
            "3304.99",
            "KORUS",
            vec![
                mat("Base", "3304.99", non("CN"), vnm),
                mat("Jar", "3923.30", orig(None), vom),
            ],
        )
    };
    // build-up 35% exactly.
    let v = run(&w, &mk("350000", "600000"));
    assert_eq!(alt(&v, 0), Outcome::Passed, "{}", trace_en(&v));
    // build-up 34.9999%, build-down (1,000,000 − 550,000) = 45% exactly.
    let v = run(&w, &mk("349999", "550000"));
    assert_eq!(alt(&v, 0), Outcome::Failed);
    assert_eq!(alt(&v, 1), Outcome::Passed);
    let v = run(&w, &mk("349999", "550001"));
    assert_eq!(v.verdict, Verdict::NotOriginating);
    assert!(
        suggestions_en(&v).contains("Originating content must rise by ₩1"),
        "{}",
        suggestions_en(&v)
    );
}

#[test]
fn rvc_with_unknown_formula_decides_only_when_both_agree() {
    // VKFTA's formula is not in the catalogue: build-down 50% passes, build-up 10% fails.
    let w = world();
    let mk = |vom: &str| {
        case(
            "3304.99",
            "KR-VN",
            vec![
                mat("Base", "3304.99", non("CN"), "500000"),
                mat("Jar", "3923.30", orig(None), vom),
            ],
        )
    };
    let v = run(&w, &mk("100000"));
    assert_eq!(alt(&v, 1), Outcome::Undecidable, "{}", trace_en(&v));
    assert_eq!(v.verdict, Verdict::CannotDecide);
    assert!(has_missing(&v, "origin.fta.rvc_method_unknown"));
    // Both formulas at or above 40%.
    let v = run(&w, &mk("400000"));
    assert_eq!(v.verdict, Verdict::Originating);
}

#[test]
fn rcep_allows_either_formula() {
    let w = world();
    let c = case(
        "9503.00",
        "RCEP",
        vec![
            mat("Plush toy body", "9503.00", non("CN"), "550000"),
            mat("Stuffing", "5601.21", orig(None), "50000"),
        ],
    );
    let v = run(&w, &c);
    // CTH fails (same heading); build-down 45% passes, build-up 5% fails; either is allowed.
    assert_eq!(v.verdict, Verdict::Originating, "{}", trace_en(&v));
    assert_eq!(v.rule.as_ref().unwrap().scope, "95");
}

// --- KORUS textiles: de minimis by weight ------------------------------------------------------

#[test]
fn korus_textile_de_minimis_by_weight() {
    let w = world_with(vec![user("KORUS", "6109", "CC")]);
    let mk = |label_kg: &str| {
        let mut label = mat("Knitted label", "6117.80", non("CN"), "10");
        label.weight_kg = Some(d(label_kg));
        let mut body = mat("Cotton fabric", "6006.21", non("US"), "100000");
        body.weight_kg = Some(d("1") - d(label_kg));
        case("6109.10", "KORUS", vec![label, body])
    };
    // 7% of the weight (1 kg) = 0.07 kg: the label fails CC (chapter 61) but is within.
    let v = run(&w, &mk("0.07"));
    assert_eq!(v.verdict, Verdict::Originating, "{}", trace_en(&v));
    assert!(trace_en(&v).contains("Textile de minimis by weight"));
    // The 10% value rule does not apply to textiles under KORUS.
    assert!(trace_en(&v).contains("value tolerance does not apply to products of chapter 61"));
    let v = run(&w, &mk("0.0701"));
    assert_eq!(v.verdict, Verdict::NotOriginating, "{}", trace_en(&v));

    // Without weights the weight rule cannot be applied.
    let mut c = mk("0.07");
    c.materials[1].weight_kg = None;
    let v = run(&w, &c);
    assert_eq!(v.verdict, Verdict::CannotDecide);
    assert!(has_missing(&v, "origin.material.weight_missing"));
}

// --- evidence, unknown origin, minimal operations, missing data -----------------------------

#[test]
fn expired_supplier_declaration_counts_as_non_originating() {
    let w = world();
    let mk = |until: &str| {
        case(
            "1905.31",
            "KR-EU",
            vec![mat("Wheat flour", "1101.00", orig(Some(until)), "300000")],
        )
    };
    // Valid through the check date (inclusive).
    let v = run(&w, &mk("2026-03-02"));
    assert_eq!(v.verdict, Verdict::Originating);
    assert!(v.evidence[0].valid_on_date);
    // Expired the day before.
    let v = run(&w, &mk("2026-03-01"));
    assert_eq!(v.verdict, Verdict::NotOriginating, "{}", trace_en(&v));
    assert_eq!(v.materials[0].status, MaterialStatus::ExpiredDeclaration);
    assert!(!v.evidence[0].valid_on_date);
    assert!(trace_en(&v).contains("was valid until 2026-03-01, before the check date 2026-03-02; the material counts as non-originating"));
    assert!(trace_ko(&v).contains("만료되었습니다. 비원산지 재료로 셉니다"));
    assert!(suggestions_en(&v)
        .contains("has expired; a renewed one makes it count as originating again"));
}

#[test]
fn unknown_origin_cannot_decide_when_it_could_flip_the_result() {
    let w = world();
    // Only the unknown flour breaks the rule: if it were originating the product would qualify.
    let c = biscuits(MaterialOrigin::Unknown, "300000");
    let v = run(&w, &c);
    assert_eq!(v.verdict, Verdict::CannotDecide, "{}", trace_en(&v));
    assert!(has_missing(&v, "origin.material.origin_unknown"));
    assert!(trace_en(&v).contains("could change, so no verdict is given yet"));
    assert_eq!(v.materials[0].status, MaterialStatus::Unknown);
}

#[test]
fn unknown_origin_does_not_matter_when_the_rule_fails_anyway() {
    let w = world();
    let mut c = biscuits(non("US"), "300000");
    c.materials
        .push(mat("Salt", "2501.00", MaterialOrigin::Unknown, "1000"));
    let v = run(&w, &c);
    assert_eq!(v.verdict, Verdict::NotOriginating, "{}", trace_en(&v));
    // Still listed: it is data the user should have.
    assert!(has_missing(&v, "origin.material.origin_unknown"));
}

#[test]
fn minimal_operations_never_confer_origin() {
    let w = world();
    let mut c = eu_cosmetic("100000");
    assert_eq!(run(&w, &c).verdict, Verdict::Originating);
    c.only_minimal_operations = Some(true);
    let v = run(&w, &c);
    assert_eq!(v.verdict, Verdict::NotOriginating);
    assert!(trace_en(&v).contains("origin is not conferred even if the rule is met"));
    c.only_minimal_operations = None;
    let v = run(&w, &c);
    assert_eq!(v.verdict, Verdict::Originating);
    assert!(
        trace_en(&v).contains("To confirm: if the only work done in Korea is a minimal operation")
    );
}

#[test]
fn missing_ex_works_price_for_an_exw_rule() {
    let w = world();
    let mut c = eu_cosmetic("100000");
    c.ex_works_price = None;
    let v = run(&w, &c);
    assert_eq!(v.verdict, Verdict::CannotDecide, "{}", trace_en(&v));
    let p = v
        .missing
        .0
        .iter()
        .find(|p| p.code == "origin.price.exw_missing")
        .unwrap();
    assert_eq!(p.field.as_deref(), Some("ex_works_price"));
    assert!(p.message_ko.contains("공장도가격"));
}

#[test]
fn missing_material_hs_code() {
    let w = world();
    let c = case(
        "1905.31",
        "KR-EU",
        vec![mat("Mystery powder", "", non("CN"), "300000")],
    );
    let v = run(&w, &c);
    assert_eq!(v.verdict, Verdict::CannotDecide, "{}", trace_en(&v));
    let p = v
        .missing
        .0
        .iter()
        .find(|p| p.code == "origin.material.hs_needed")
        .unwrap();
    assert_eq!(p.field.as_deref(), Some("materials[0].hs_code"));
    // A small unknown-HS material is covered by the tolerance whatever its code.
    let c = case(
        "1905.31",
        "KR-EU",
        vec![mat("Mystery powder", "", non("CN"), "50000")],
    );
    assert_eq!(run(&w, &c).verdict, Verdict::Originating);
}

#[test]
fn no_rule_for_the_product() {
    let w = world();
    let v = run(&w, &case("8471.30", "KR-EU", vec![]));
    assert_eq!(v.verdict, Verdict::CannotDecide);
    assert!(v.rule.is_none());
    assert!(has_missing(&v, "origin.rule.missing"));
    // A 4-digit code where only subheading rules exist asks for more digits.
    let v = run(&w, &case("1905", "KR-VN", vec![]));
    assert_eq!(v.verdict, Verdict::CannotDecide);
    assert!(
        has_missing(&v, "origin.product.hs_digits"),
        "{:?}",
        v.missing
    );
}

#[test]
fn wholly_obtained() {
    let w = world_with(vec![user("KR-AU", "0409", "WO")]);
    let v = run(
        &w,
        &case(
            "0409.00",
            "KR-AU",
            vec![mat("Honey", "0409.00", orig(None), "1")],
        ),
    );
    assert_eq!(v.verdict, Verdict::Originating);
    let v = run(
        &w,
        &case(
            "0409.00",
            "KR-AU",
            vec![mat("Honey", "0409.00", non("CN"), "1")],
        ),
    );
    assert_eq!(v.verdict, Verdict::NotOriginating);
}

#[test]
fn invalid_input_is_refused() {
    let w = world();
    let mut c = eu_cosmetic("1");
    c.fta = "KR-XX".into();
    let e = evaluate(&c, &w.catalogue, &w.book).unwrap_err();
    assert_eq!(e.0[0].code, "origin.fta.unknown");
    assert!(e.0[0].message_en.contains("KR-EU"));
    let mut c = eu_cosmetic("1");
    c.product_hs = "33a4".into();
    c.currency = "XYZ".into();
    c.ex_works_price = Some(d("0"));
    c.materials[0].quantity = d("-1");
    let e = evaluate(&c, &w.catalogue, &w.book).unwrap_err();
    let fields: Vec<_> = e.0.iter().filter_map(|p| p.field.as_deref()).collect();
    assert_eq!(
        fields,
        vec![
            "product_hs",
            "currency",
            "ex_works_price",
            "materials[0].quantity"
        ]
    );
}

#[test]
fn foreign_currency_amounts() {
    let w = world();
    let mut c = eu_cosmetic("150.01");
    c.currency = "USD".into();
    c.ex_works_price = Some(d("1000"));
    c.materials[0].unit_value = d("250");
    c.materials[2].unit_value = d("80");
    let v = run(&w, &c);
    assert_eq!(v.verdict, Verdict::NotOriginating);
    assert!(
        suggestions_en(&v).contains("must fall by USD 0.01"),
        "{}",
        suggestions_en(&v)
    );
}

// --- golden trace --------------------------------------------------------------------------------

#[test]
fn golden_trace_korea_eu_cosmetic() {
    let w = world();
    let c = case(
        "3304.99",
        "KR-EU",
        vec![
            mat("Cream base", "3304.99", non("FR"), "150000"),
            mat("Shea butter", "1515.90", non("GH"), "120000"),
            mat("Jar", "3923.30", orig(Some("2026-06-30")), "60000"),
        ],
    );
    let v = run(&w, &c);
    assert_eq!(v.verdict, Verdict::Originating);
    let en: Vec<&str> = v.steps.iter().map(|s| s.en.as_str()).collect();
    let expect = [
        "Checking the product (HS 3304.99) under Korea–EU FTA on 2026-03-02.",
        "3 materials: 1 originating worth ₩60,000, 2 non-originating worth ₩270,000 (materials of unknown origin or with expired evidence included).",
        "The rule has 2 alternatives; meeting one is enough.",
        "Alternative 1: CTH and MaxNOM(20%, EXW, same-heading)",
        "CTH: every non-originating material must come from a different heading (4 digits) than the product. The product's heading: 3304.",
        "Of 2 non-originating materials, 1 meet the change.",
        "→ CTH met.",
        "MaxNOM(20%, EXW): non-originating materials of the product's heading (3304) may be at most 20% of the ex-works price ₩1,000,000 = ₩200,000.",
        "1 such materials total ₩150,000 = 15% (Cream base (HS 3304.99) ₩150,000) → within the limit, met.",
        "Alternative 2: MaxNOM(40%, EXW)",
        "2 such materials total ₩270,000 = 27% (Cream base (HS 3304.99) ₩150,000, Shea butter (HS 1515.90) ₩120,000) → within the limit, met.",
        "Verdict: Meets the Korea–EU FTA rule of origin (self-assessment).",
    ];
    for line in expect {
        assert!(
            en.contains(&line),
            "missing step: {line}\n---\n{}",
            en.join("\n")
        );
    }
    let ko = trace_ko(&v);
    assert!(ko.contains("대안 1: CTH and MaxNOM(20%, EXW, same-heading)"));
    assert!(ko.contains("→ CTH 충족."));
    assert!(ko.contains("결론: 한-EU FTA 원산지 기준을 충족합니다 (자가 판정)."));
    assert!(v
        .notice
        .en
        .starts_with("Self-assessment; verify before claiming"));
    assert!(v.notice.ko.starts_with("자가 판정 결과입니다"));
    // The worksheet data.
    assert_eq!(v.materials.len(), 3);
    assert_eq!(v.materials[1].status_en, "non-originating (GH)");
    assert_eq!(v.evidence.len(), 1);
    let r = v.rule.as_ref().unwrap();
    assert_eq!(r.scope, "ex 33 (except 3301)");
    assert!(r.verified && !r.own_rule);
    assert!(v.fta.proof_en.contains("€6,000"));
    assert_eq!(v.fta.certification, Some(Certification::SelfCertified));
    assert!(v
        .fta
        .facts
        .iter()
        .any(|f| f.key == "KR-EU.tolerance_percent" && f.value == "10"));
}

#[test]
fn golden_trace_tariff_shift_failure_korean() {
    let w = world();
    let v = run(&w, &biscuits(non("US"), "300000"));
    let ko = trace_ko(&v);
    assert!(
        ko.contains("AH: 비원산지 재료는 어느 호의 것이든(제품과 같은 호도) 쓸 수 있지만, 류 11의 것은 쓸 수 없습니다."),
        "{ko}"
    );
    assert!(
        ko.contains("Wheat flour (HS 1101.00) — ₩300,000: 제외된 류 11에서 온 비원산지 재료."),
        "{ko}"
    );
    assert!(ko.contains("→ AH 불충족."));
    assert!(
        trace_en(&v).contains("They total ₩300,000 → over the limit, so they cannot be ignored.")
    );
}

#[test]
fn any_heading_except_allows_the_products_own_heading_but_not_the_excepted_chapter() {
    // Korea–EU 1905 (the source's "AH EXCEPT"): biscuits may contain non-originating bakers'
    // wares of heading 1905 itself — a change of heading would refuse them — but no chapter 11
    // flour beyond the tolerance.
    let w = world();
    let with_wafers = case(
        "1905.31",
        "KR-EU",
        vec![
            mat("Wafer pieces", "1905.32", non("BE"), "300000"),
            mat("Wheat flour", "1101.00", orig(None), "200000"),
        ],
    );
    let v = run(&w, &with_wafers);
    assert_eq!(v.verdict, Verdict::Originating, "{}", trace_en(&v));
    assert_eq!(v.rule.as_ref().unwrap().text, "AH except from chapter 11");
    // Flour from chapter 11 at exactly the 10% tolerance of the ex-works price (1,000,000):
    // ignored; one won over: not.
    let flour = |value: &str| {
        case(
            "1905.31",
            "KR-EU",
            vec![
                mat("Wheat flour", "1101.00", non("US"), value),
                mat("Sugar", "1701.99", non("BR"), "300000"),
            ],
        )
    };
    assert_eq!(run(&w, &flour("100000")).verdict, Verdict::Originating);
    let v = run(&w, &flour("100001"));
    assert_eq!(v.verdict, Verdict::NotOriginating, "{}", trace_en(&v));
    // A material without an HS code cannot be judged.
    let v = run(
        &w,
        &case(
            "1905.31",
            "KR-EU",
            vec![mat("Mix", "", non("US"), "300000")],
        ),
    );
    assert_eq!(v.verdict, Verdict::CannotDecide, "{}", trace_en(&v));
}

#[test]
fn any_heading_except_is_parsed_and_written_back() {
    let r = exportdesk_rules::origin::lang::parse("AH except from chapter 11").unwrap();
    assert_eq!(r.to_string(), "AH except from chapter 11");
    let r = exportdesk_rules::origin::lang::parse("ah except 11, 1702").unwrap();
    assert_eq!(r.to_string(), "AH except from chapter 11, heading 1702");
    assert!(exportdesk_rules::origin::lang::parse("AH").is_err());
}

// --- comparison ---------------------------------------------------------------------------------

#[test]
fn compare_lists_every_fta_for_the_destination() {
    let w = world();
    let c = eu_cosmetic("100000");
    let r = compare(&c, "VN", date("2026-03-02"), &w.catalogue, &w.book).unwrap();
    let codes: Vec<&str> = r.iter().map(|x| x.fta.code.as_str()).collect();
    assert_eq!(codes.len(), 3, "{codes:?}");
    for code in ["RCEP", "KR-ASEAN", "KR-VN"] {
        assert!(codes.contains(&code), "{codes:?}");
    }
    // Ordered: originating first.
    let rank = |v: Verdict| match v {
        Verdict::Originating => 0,
        Verdict::CannotDecide => 1,
        Verdict::NotOriginating => 2,
    };
    assert!(r
        .windows(2)
        .all(|p| rank(p[0].verdict) <= rank(p[1].verdict)));
    let rcep = r.iter().find(|x| x.fta.code == "RCEP").unwrap();
    assert_eq!(rcep.fta.certification, Some(Certification::Either));
    assert_eq!(rcep.verdict, Verdict::CannotDecide); // no RCEP rule for 3304 shipped
    let vn = r.iter().find(|x| x.fta.code == "KR-VN").unwrap();
    assert_eq!(vn.fta.certification, Some(Certification::Agency));

    let r = compare(&c, "Germany", date("2026-03-02"), &w.catalogue, &w.book).unwrap();
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].fta.code, "KR-EU");
    assert_eq!(r[0].fta.low_value_declaration_max_eur, Some(d("6000")));
    assert!(r[0].fta.proof_ko.contains("€6,000 이하"));

    // The UK left the Korea–EU FTA; the UK–Korea FTA applies from 2021.
    let gb = compare(&c, "GB", date("2026-03-02"), &w.catalogue, &w.book).unwrap();
    assert_eq!(
        gb.iter().map(|x| x.fta.code.as_str()).collect::<Vec<_>>(),
        vec!["KR-UK"]
    );
    // The UK states the low-value limit in pounds as well; the EU in euros only.
    assert_eq!(gb[0].fta.low_value_declaration_max_gbp, Some(d("5500")));
    assert!(
        gb[0].fta.proof_en.contains("up to €6,000 (£5,500)"),
        "{}",
        gb[0].fta.proof_en
    );
    assert!(gb[0].fta.proof_ko.contains("€6,000 (£5,500) 이하"));
    assert_eq!(r[0].fta.low_value_declaration_max_gbp, None);
    let rcep = compare(&c, "JP", date("2026-03-02"), &w.catalogue, &w.book).unwrap();
    let rcep = rcep.iter().find(|x| x.fta.code == "RCEP").unwrap();
    assert_eq!(rcep.fta.certificate_validity_months, Some(12));
    assert!(rcep.fta.proof_en.contains("valid for 12 months"));
    let gb_2015 = compare(&c, "GB", date("2015-06-01"), &w.catalogue, &w.book).unwrap();
    assert_eq!(
        gb_2015
            .iter()
            .map(|x| x.fta.code.as_str())
            .collect::<Vec<_>>(),
        vec!["KR-EU"]
    );

    assert!(compare(&c, "BR", date("2026-03-02"), &w.catalogue, &w.book)
        .unwrap()
        .is_empty());
    assert_eq!(
        compare(&c, "Atlantis", date("2026-03-02"), &w.catalogue, &w.book)
            .unwrap_err()
            .0[0]
            .code,
        "country.unknown"
    );
}

// --- serde shapes -------------------------------------------------------------------------------

#[test]
fn case_and_verdict_json_shapes() {
    let json = r#"{
        "product_hs": "3304.99", "fta": "KR-EU", "date": "2026-03-02", "currency": "KRW",
        "ex_works_price": "1000000", "fob_price": null, "only_minimal_operations": false,
        "materials": [
            {"description": "Base", "hs_code": "3304.99", "origin": {"kind": "non_originating", "country": "FR"},
             "quantity": "1", "unit_value": "100000", "weight_kg": null, "supplier": "A"},
            {"description": "Jar", "hs_code": "3923.30",
             "origin": {"kind": "originating", "evidence": "SD-1", "valid_until": "2026-12-31"},
             "quantity": "2", "unit_value": "1500.5", "weight_kg": "0.2", "supplier": "B"},
            {"description": "Box", "hs_code": "", "origin": {"kind": "unknown"},
             "quantity": "1", "unit_value": "0", "weight_kg": null, "supplier": ""}
        ]
    }"#;
    let c: OriginCase = serde_json::from_str(json).unwrap();
    assert_eq!(c.materials[1].unit_value, d("1500.5"));
    assert_eq!(c.materials[2].origin, MaterialOrigin::Unknown);
    let w = world();
    let v = run(&w, &c);
    assert_eq!(v.materials[1].value, d("3001.0"));
    let out = serde_json::to_value(&v).unwrap();
    assert_eq!(out["verdict"], "originating");
    assert_eq!(out["materials"][1]["value"], "3001.0");
    assert_eq!(out["alternatives"][0]["outcome"], "passed");
    let back: OriginVerdict = serde_json::from_value(out).unwrap();
    assert_eq!(back, v);
}

#[test]
fn typescript_declarations_exist_for_the_api_types() {
    use ts_rs::{Config, TS};
    let cfg = Config::new().with_large_int("number");
    let decls = [
        <OriginCase as TS>::decl(&cfg),
        <OriginMaterial as TS>::decl(&cfg),
        <MaterialOrigin as TS>::decl(&cfg),
        <OriginVerdict as TS>::decl(&cfg),
        <FtaComparison as TS>::decl(&cfg),
        <FtaSummary as TS>::decl(&cfg),
        <UserRule as TS>::decl(&cfg),
        <Verdict as TS>::decl(&cfg),
        <Outcome as TS>::decl(&cfg),
        <MaterialStatus as TS>::decl(&cfg),
        <Certification as TS>::decl(&cfg),
    ];
    assert!(
        decls[0].contains("ex_works_price: string | null"),
        "{}",
        decls[0]
    );
    assert!(
        decls[2].contains("\"kind\": \"non_originating\""),
        "{}",
        decls[2]
    );
    assert!(
        decls[3].contains("breaking_materials: Array<BreakingMaterial>"),
        "{}",
        decls[3]
    );
    assert!(decls[10].contains("\"self\""), "{}", decls[10]);
}
