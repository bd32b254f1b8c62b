//! No panic on any input: every fixture mutated many ways (deterministically), and the value
//! readers fed random text. A mutated file may be refused or full of problems; it must never
//! panic, and a plan that comes back must be consistent.

use exportdesk_import::values::{
    parse_country, parse_currency, parse_local_date, parse_money, parse_quantity,
};
use exportdesk_import::*;
use std::path::PathBuf;

/// xorshift64*: small, fast, and the same sequence on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SPICE: &[&[u8]] = &[
    b",",
    b";",
    b"\t",
    b"\"",
    b"\"\"",
    b"\n",
    b"\r\n",
    b"\r",
    b"=",
    b"=HYPERLINK(\"http://x\",\"y\")",
    b"-",
    b"+",
    b"@",
    b"\xEF\xBB\xBF",
    b"\xFF",
    b"\x80",
    b"\xC0",
    b"\xB0\xA1",
    b"\x82\xA0",
    "주문번호".as_bytes(),
    "₩".as_bytes(),
    b"$",
    b"1,234.50",
    b"1.234,50",
    b"99999999999999999999999999999",
    b"0",
    b"2026-02-30",
    b"12/31/99 25:61 +99:99",
    b"\0",
    b"PK\x03\x04",
];

fn mutate(input: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(7) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] = rng.next() as u8;
            }
            1 => {
                let spice = SPICE[rng.below(SPICE.len())];
                out.splice(at..at, spice.iter().copied());
            }
            2 if !out.is_empty() => {
                let end = (at + 1 + rng.below(64)).min(out.len());
                out.drain(at.min(end)..end);
            }
            3 => out.truncate(at),
            4 if !out.is_empty() => {
                let from = rng.below(out.len());
                let end = (from + 1 + rng.below(200)).min(out.len());
                let chunk = out[from..end].to_vec();
                out.splice(at..at, chunk);
            }
            5 => {
                // Swap a delimiter for another everywhere.
                let (a, b) =
                    [(b',', b';'), (b',', b'\t'), (b'\t', b','), (b'"', b'\'')][rng.below(4)];
                for byte in out.iter_mut().filter(|x| **x == a) {
                    *byte = b;
                }
            }
            _ => {
                let i = rng.below(out.len() + 1);
                out.insert(i.min(out.len()), b'"');
            }
        }
    }
    out
}

fn check(bytes: &[u8], opts: &ParseOptions) {
    match parse(bytes, opts) {
        Ok(plan) => {
            for p in plan.row_problems.iter().chain(&plan.warnings) {
                assert!(p.row >= 1, "{p:?}");
                assert!(!p.problem.code.is_empty());
                assert!(!p.problem.message_ko.is_empty() && !p.problem.message_en.is_empty());
            }
            for o in &plan.orders {
                assert!(!o.rows.is_empty());
                assert_eq!(o.line_rows.len(), o.draft.lines.len());
                if plan.is_clean() {
                    assert!(
                        o.order.is_some(),
                        "a clean plan with an invalid order: {o:?}"
                    );
                }
            }
            let csv = plan.problems_csv();
            assert!(csv.starts_with(b"\xEF\xBB\xBF"));
        }
        Err(e) => {
            let _ = e.to_problem();
            if let ImportError::NeedsMapping { request } = &e {
                // Whatever the screen would offer must itself parse without a panic.
                let profile = Profile::from_mapping("fuzz", "Fuzz", &request.suggestions);
                let again = ParseOptions {
                    profile: Some(profile),
                    ..opts.clone()
                };
                let _ = parse(bytes, &again);
            }
        }
    }
}

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    files.sort();
    assert!(files.len() >= 15, "fixtures missing: {}", files.len());
    files
}

#[test]
fn mutated_fixtures_never_panic() {
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let by_profile = ParseOptions {
        profile: builtin_profile("shopify"),
        ..Default::default()
    };
    let comma = ParseOptions {
        profile: builtin_profile("cafe24").map(|mut p| {
            p.decimal = DecimalStyle::Comma;
            p.date_order = DateOrder::Dmy;
            p.shipping = ShippingRule::Sum;
            p
        }),
        ..Default::default()
    };
    for (name, bytes) in fixtures() {
        check(&bytes, &ParseOptions::default());
        let rounds = if name.ends_with(".xlsx") { 60 } else { 150 };
        for round in 0..rounds {
            let mutated = mutate(&bytes, &mut rng);
            let opts = match round % 3 {
                0 => &by_profile,
                1 => &comma,
                _ => &ParseOptions::default(),
            };
            check(&mutated, opts);
        }
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(42);
    for len in [0usize, 1, 2, 3, 7, 64, 512, 4096] {
        for _ in 0..40 {
            let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            check(&bytes, &ParseOptions::default());
            let mut zip = b"PK\x03\x04".to_vec();
            zip.extend_from_slice(&bytes);
            check(&zip, &ParseOptions::default());
        }
    }
}

#[test]
fn value_readers_never_panic() {
    let mut rng = Rng(7);
    let alphabet: Vec<char> =
        "0123456789.,'- +()$€£¥₩원円:/TZtzAPMpmNovDecJanUTCKSTGMT년월일年月日 \u{a0}\u{202f}E-e+#@=가나"
            .chars()
            .collect();
    for _ in 0..20_000 {
        let len = rng.below(24);
        let s: String = (0..len)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        for order in [DateOrder::Ymd, DateOrder::Mdy, DateOrder::Dmy] {
            let _ = parse_local_date(&s, order, 540, "d");
            let _ = parse_local_date(&s, order, -720, "d");
        }
        for style in [DecimalStyle::Point, DecimalStyle::Comma] {
            if let Ok(m) = parse_money(&s, style, "a") {
                assert!(m.amount.abs() <= rust_decimal::Decimal::from(values::MAX_AMOUNT));
            }
        }
        let _ = parse_quantity(&s, "q");
        let _ = parse_currency(&s);
        let _ = parse_country(&s);
        let _ = is_formula_like(&s);
        let _ = escape_cell(&s);
        let _ = suggest_mapping(&[s.clone(), "Qty".into(), s]);
    }
}
