//! A 1,000-material bill of materials checked under every FTA in the catalogue (and every FTA
//! with shipped rules), printing the median. Goal: under 10 ms for all FTAs together.
//!
//! Run: `cargo bench -p exportdesk-rules --bench origin`

use chrono::NaiveDate;
use exportdesk_rules::origin::{
    compare, evaluate, FtaCatalogue, MaterialOrigin, OriginCase, OriginMaterial, PsrBook,
};
use rust_decimal::Decimal;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn bom(n: usize) -> Vec<OriginMaterial> {
    // A mix like a real cosmetics BOM: imported chemicals from many headings, some of the
    // product's own heading, Korean packaging with and without supplier declarations, a few
    // unknowns.
    let headings = [
        "1515.90", "2905.45", "3302.90", "3402.13", "3304.99", "3923.30", "4819.20", "3824.99",
    ];
    (0..n)
        .map(|i| {
            let origin = match i % 10 {
                0..=5 => MaterialOrigin::NonOriginating {
                    country: ["CN", "FR", "DE", "US", "JP"][i % 5].to_string(),
                },
                6 | 7 => MaterialOrigin::Originating {
                    evidence: format!("SD-{i}"),
                    valid_until: NaiveDate::from_ymd_opt(2026, 12, 31),
                },
                8 => MaterialOrigin::Originating {
                    evidence: format!("SD-{i}"),
                    valid_until: NaiveDate::from_ymd_opt(2025, 12, 31),
                },
                _ => MaterialOrigin::Unknown,
            };
            OriginMaterial {
                description: format!("material {i}"),
                hs_code: headings[i % headings.len()].to_string(),
                origin,
                quantity: Decimal::from(1 + i % 3),
                unit_value: Decimal::new(1000 + (i as i64 % 50), 0),
                weight_kg: Some(Decimal::new(1, 3)),
                supplier: format!("supplier {}", i % 40),
            }
        })
        .collect()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let catalogue = FtaCatalogue::bundled();
    let book = PsrBook::bundled();
    let mut case = OriginCase {
        product_hs: "3304.99".into(),
        fta: String::new(),
        date: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        currency: "KRW".into(),
        ex_works_price: Some(Decimal::from(3_000_000)),
        fob_price: Some(Decimal::from(3_300_000)),
        only_minimal_operations: Some(false),
        materials: bom(1000),
    };
    let all: Vec<String> = catalogue.ftas.iter().map(|f| f.code.clone()).collect();
    let shipped: Vec<String> = all
        .iter()
        .filter(|c| book.rules_of(c).next().is_some())
        .cloned()
        .collect();

    let mut run_all = |codes: &[String]| {
        let t = Instant::now();
        for code in codes {
            case.fta = code.clone();
            let v = evaluate(black_box(&case), &catalogue, &book).expect("valid case");
            black_box(v.verdict);
        }
        t.elapsed()
    };
    for _ in 0..5 {
        run_all(&all);
    }
    let rounds = 101;
    let every: Vec<Duration> = (0..rounds).map(|_| run_all(&all)).collect();
    let with_rules: Vec<Duration> = (0..rounds).map(|_| run_all(&shipped)).collect();

    // The same BOM at a third of the price: the limits fail, so breaking materials, shortfalls
    // and "a supplier declaration for X would make it pass" are all computed.
    let mut cheap = case.clone();
    cheap.ex_works_price = Some(Decimal::from(1_000_000));
    cheap.fob_price = Some(Decimal::from(1_100_000));
    let failing: Vec<Duration> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            for code in &all {
                cheap.fta = code.clone();
                black_box(evaluate(&cheap, &catalogue, &book).unwrap().verdict);
            }
            t.elapsed()
        })
        .collect();
    let failing_verdicts: Vec<String> = shipped
        .iter()
        .map(|c| {
            cheap.fta = c.clone();
            format!(
                "{c}: {:?}",
                evaluate(&cheap, &catalogue, &book).unwrap().verdict
            )
        })
        .collect();
    let verdicts: Vec<String> = shipped
        .iter()
        .map(|c| {
            case.fta = c.clone();
            format!(
                "{c}: {:?}",
                evaluate(&case, &catalogue, &book).unwrap().verdict
            )
        })
        .collect();
    case.fta = "KR-EU".into();
    let cmp: Vec<Duration> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            black_box(compare(&case, "VN", case.date, &catalogue, &book).unwrap());
            t.elapsed()
        })
        .collect();

    println!("origin bench: 1,000-material BOM, product HS 3304.99, median of {rounds} runs");
    println!(
        "  all {} catalogue FTAs ({}): {:.3} ms",
        all.len(),
        all.join(", "),
        median(every).as_secs_f64() * 1e3
    );
    println!(
        "  the {} FTAs with shipped rules ({}): {:.3} ms",
        shipped.len(),
        shipped.join(", "),
        median(with_rules).as_secs_f64() * 1e3
    );
    println!(
        "  compare for VN (RCEP, KR-ASEAN, KR-VN): {:.3} ms",
        median(cmp).as_secs_f64() * 1e3
    );
    println!("  verdicts: {}", verdicts.join(", "));
    println!(
        "  all {} FTAs, price cut to a third so the rules fail: {:.3} ms ({})",
        all.len(),
        median(failing).as_secs_f64() * 1e3,
        failing_verdicts.join(", ")
    );
}
