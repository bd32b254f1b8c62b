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
use exportdesk_rules::hsk::{find, HskTable, TariffIndex};
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

fn main() {
    let hs = HsTable::bundled();
    let hsk = HskTable::bundled();
    let start = Instant::now();
    let index = TariffIndex::bundled(&hs);
    println!("tariff index built in {:?}", start.elapsed());
    let cases = cases();
    let (mut new, mut old, mut korean, mut korean_n) =
        (Tally::default(), Tally::default(), Tally::default(), 0usize);
    let mut times: Vec<Duration> = Vec::new();
    for c in &cases {
        let t = Instant::now();
        let got: Vec<String> = find(&hs, hsk, index, &c.description, 5)
            .into_iter()
            .map(|s| s.line.code)
            .collect();
        times.push(t.elapsed());
        if std::env::var("MISS").is_ok() && !got.iter().any(|g| g[..6] == c.code[..6]) {
            println!(
                "MISS {} | {} | {:?}",
                c.code,
                c.description,
                &got[..got.len().min(3)]
            );
        }
        new.add(&c.code, &got);
        if c.description
            .chars()
            .any(|ch| ('\u{AC00}'..='\u{D7A3}').contains(&ch))
        {
            korean.add(&c.code, &got);
            korean_n += 1;
        }
        let got: Vec<String> = hs
            .search(&c.description, 5)
            .into_iter()
            .map(|m| m.code)
            .collect();
        old.add(&c.code, &got);
    }
    println!(
        "{} cases ({} with Korean words); columns: 4 / 6 / 10 digits",
        cases.len(),
        korean_n
    );
    new.print("10-digit finder", cases.len());
    korean.print("  cases with Korean words", korean_n);
    old.print("keyword finder alone", cases.len());
    times.sort();
    let median = times[times.len() / 2];
    let max = *times.last().unwrap();
    // A long, typical query repeated, for a steadier time.
    let q = "Other articles of plastics; 주방용 밀폐용기 뚜껑 세트";
    let runs = 50;
    let t = Instant::now();
    for _ in 0..runs {
        black_box(find(&hs, hsk, index, black_box(q), 5));
    }
    println!(
        "search time: median {:?}, slowest {:?} over the cases; {:?} per query repeated (goal < 20 ms)",
        median,
        max,
        t.elapsed() / runs
    );
}
