//! The HS finder measured on real product descriptions: the held-out classification cases of
//! `tests/hs-finder/cases.tsv` (see its SOURCE.md). Prints top-1 and top-5 accuracy at 4, 6 and
//! 10 digits for the 10-digit finder (`hsk::find`) and, for comparison, the keyword finder alone
//! (`HsTable::search`, 6 digits at most), then the search time per query.
//! Goals: the right subheading in the first five for 60% of the cases, the right heading for 75%;
//! a search under 20 ms.
//!
//! Run: `cargo bench -p exportdesk-rules --bench hs_finder` (with `MISS=1` it also lists the
//! cases whose subheading is not in the first five, to see what the finder gets wrong).

use exportdesk_rules::hs::HsTable;
use exportdesk_rules::hsk::{Finder, HskTable, Precedents, TariffIndex};
use std::hint::black_box;
use std::time::{Duration, Instant};

struct Case {
    code: String,
    description: String,
}

fn cases() -> Vec<Case> {
    include_str!("../../../tests/hs-finder/cases.tsv")
        .lines()
        .skip(1)
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            Case {
                code: cols[0].to_string(),
                description: cols[1].to_string(),
            }
        })
        .collect()
}

/// Hits at 4, 6 and 10 digits, within the first one and the first five.
#[derive(Default)]
struct Tally {
    top1: [usize; 3],
    top5: [usize; 3],
}

impl Tally {
    fn add(&mut self, want: &str, got: &[String]) {
        for (i, n) in [4, 6, 10].into_iter().enumerate() {
            let hit = |c: &String| c.len() >= n && c[..n] == want[..n];
            if got.first().is_some_and(hit) {
                self.top1[i] += 1;
            }
            if got.iter().take(5).any(hit) {
                self.top5[i] += 1;
            }
        }
    }

    fn print(&self, name: &str, total: usize) {
        let pct = |n: usize| 100.0 * n as f64 / total as f64;
        println!(
            "{name:<28} top-1 {:>5.1}% {:>5.1}% {:>5.1}%   top-5 {:>5.1}% {:>5.1}% {:>5.1}%",
            pct(self.top1[0]),
            pct(self.top1[1]),
            pct(self.top1[2]),
            pct(self.top5[0]),
            pct(self.top5[1]),
            pct(self.top5[2]),
        );
    }
}

fn hangul(text: &str) -> bool {
    text.chars()
        .any(|ch| ('\u{AC00}'..='\u{D7A3}').contains(&ch))
}

/// Run one finder over every case; print its tally (all cases, then those with Korean words).
fn measure(name: &str, cases: &[Case], find: impl Fn(&str) -> Vec<String>) -> Vec<Duration> {
    let (mut all, mut korean, mut korean_n) = (Tally::default(), Tally::default(), 0usize);
    let mut times = Vec::new();
    for c in cases {
        let t = Instant::now();
        let got = find(&c.description);
        times.push(t.elapsed());
        if std::env::var("MISS").is_ok() && !got.iter().any(|g| g.get(..6) == Some(&c.code[..6])) {
            println!(
                "MISS {} | {} | {:?}",
                c.code,
                c.description,
                &got[..got.len().min(3)]
            );
        }
        all.add(&c.code, &got);
        if hangul(&c.description) {
            korean.add(&c.code, &got);
            korean_n += 1;
        }
    }
    all.print(name, cases.len());
    korean.print("  with Korean words", korean_n);
    times
}

fn main() {
    let hs = HsTable::bundled();
    let hsk = HskTable::bundled();
    let start = Instant::now();
    let names = TariffIndex::bundled(&hs);
    println!("tariff name index built in {:?}", start.elapsed());
    let start = Instant::now();
    let precedents = Precedents::bundled();
    println!(
        "{} classification cases indexed in {:?}",
        precedents.len(),
        start.elapsed()
    );
    let with_cases = Finder {
        hs: &hs,
        hsk,
        names,
        precedents: Some(precedents),
        own: &[],
    };
    let without_cases = Finder {
        precedents: None,
        ..with_cases
    };
    let cases = cases();
    println!(
        "{} cases ({} with Korean words); columns: 4 / 6 / 10 digits",
        cases.len(),
        cases.iter().filter(|c| hangul(&c.description)).count()
    );
    let codes = |f: &Finder, q: &str| -> Vec<String> {
        f.find(q, 5).into_iter().map(|s| s.line.code).collect()
    };
    // The first search builds the keyword finder's word lists; the app does it at start.
    black_box(with_cases.find("warm up", 5));
    let mut times = measure("finder with cases", &cases, |q| codes(&with_cases, q));
    measure("finder without cases", &cases, |q| codes(&without_cases, q));
    measure("keyword finder alone", &cases, |q| {
        hs.search(q, 5).into_iter().map(|m| m.code).collect()
    });
    // Is the confidence shown worth trusting? The first suggestion's subheading, by confidence.
    let mut by_conf: std::collections::BTreeMap<String, (usize, usize, usize)> = Default::default();
    for c in &cases {
        if let Some(first) = with_cases.find(&c.description, 1).into_iter().next() {
            let e = by_conf
                .entry(format!("{:?}", first.confidence))
                .or_default();
            e.0 += 1;
            if first.line.code[..4] == c.code[..4] {
                e.2 += 1;
            }
            if first.line.code[..6] == c.code[..6] {
                e.1 += 1;
            } else if std::env::var("MISS").is_ok() {
                println!(
                    "WRONG {:?} {} | {} | {}",
                    first.confidence, c.code, c.description, first.line.code
                );
            }
        }
    }
    for (conf, (n, right, heading)) in &by_conf {
        println!(
            "first suggestion marked {conf:<6}: {n:>4} cases, right heading in {:>5.1}%, right subheading in {:>5.1}%",
            100.0 * *heading as f64 / *n as f64,
            100.0 * *right as f64 / *n as f64
        );
    }
    times.sort();
    let median = times[times.len() / 2];
    let max = *times.last().unwrap();
    // A long, typical query repeated, for a steadier time.
    let q = "Other articles of plastics; 주방용 밀폐용기 뚜껑 세트";
    let runs = 50;
    let p95 = times[times.len() * 95 / 100];
    let t = Instant::now();
    for _ in 0..runs {
        black_box(with_cases.find(black_box(q), 5));
    }
    println!(
        "search time (with cases): median {:?}, 95th percentile {:?}, slowest {:?} over the cases; {:?} per query repeated (goal < 20 ms)",
        median,
        p95,
        max,
        t.elapsed() / runs
    );
}
