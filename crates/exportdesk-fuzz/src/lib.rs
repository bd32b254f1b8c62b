//! Fuzz targets for every parser ExportDesk runs on input it did not write: order files
//! (CSV/TSV and workbooks), rate CSVs, BOM files, rulebook TOML, the PSR rule language and PSR
//! TOML books, and the JSON cases of the stateless `exportdesk check …` commands.
//!
//! Each target is a plain `fn(&[u8])` that drives the same entry points the app and the CLI use
//! and panics only when something is wrong: a parser panicked (a bug — hostile input must get a
//! clear error) or a cheap invariant of a successful result does not hold. `fuzz/` runs them
//! under libFuzzer (`scripts/fuzz.sh`); `tests/regressions.rs` replays the seeds and every
//! minimised crash in `fuzz/regressions/<target>/` in the normal test suite.
//!
//! No target reads the clock: every date is a constant below.

use chrono::{Datelike, NaiveDate, Weekday};
use exportdesk_import::plan::plan_table;
use exportdesk_import::{
    builtin_profiles, read_table, ImportError, ImportPlan, MappingRequest, ParseOptions, Profile,
    ReadOptions, Table, KOREA_UTC_OFFSET_MINUTES,
};
use exportdesk_rules::bom::SupplierDeclaration;
use exportdesk_rules::hs::HsCode;
use exportdesk_rules::money::Currency;
use exportdesk_rules::origin::lang::{self, Rule};
use exportdesk_rules::origin::{FtaCatalogue, HsScope, PsrBook};
use exportdesk_rules::rulebook::{Rulebook, BUNDLED};
use rust_decimal::Decimal;
use std::collections::HashSet;
use std::sync::atomic::AtomicBool;
use std::sync::OnceLock;

/// A fuzz target: any bytes in, a panic only on a bug.
pub type Target = fn(&[u8]);

/// Every target by name (the name of its folder under `fuzz/seeds/` and `fuzz/regressions/`).
pub const TARGETS: &[(&str, Target)] = &[
    ("order_csv", order_csv),
    ("order_xlsx", order_xlsx),
    ("rate_csv", rate_csv),
    ("bom_import", bom_import),
    ("rulebook", rulebook),
    ("psr_rule", psr_rule),
    ("psr_book", psr_book),
    ("check_json", check_json),
];

/// The target called `name`.
pub fn target(name: &str) -> Option<Target> {
    TARGETS.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}

/// Crates whose panics `read_workbook` catches and turns into "cannot open the workbook"
/// (calamine and the zip and XML readers under it).
const CAUGHT_IN: &[&str] = &["/calamine-", "/zip-", "/quick-xml-", "/codepage-"];

/// For libFuzzer runs (call at the start of each fuzz target): libFuzzer aborts on every panic,
/// even one the code catches. A panic inside the workbook reader's dependencies is caught by
/// `exportdesk_import`'s `read_workbook` and reported as an unreadable file, so it is noted on
/// stderr (the first few times) and not counted as a crash; every other panic still aborts.
pub fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        let noted = std::sync::atomic::AtomicU32::new(0);
        std::panic::set_hook(Box::new(move |info| {
            let file = info.location().map_or("", |l| l.file());
            if file.contains("/registry/") && CAUGHT_IN.iter().any(|c| file.contains(c)) {
                if noted.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < 3 {
                    eprintln!(
                        "note: panic in a workbook dependency, caught by read_workbook: {info}"
                    );
                }
                return;
            }
            previous(info);
            std::process::abort();
        }));
    });
}

/// The dates the targets compute with (no clock below the app layer).
fn dates() -> [NaiveDate; 3] {
    [
        NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid"),
        NaiveDate::from_ymd_opt(2026, 12, 31).expect("valid"),
        NaiveDate::from_ymd_opt(2024, 2, 29).expect("valid"),
    ]
}

fn bundled_rulebook() -> &'static Rulebook {
    static BOOK: OnceLock<Rulebook> = OnceLock::new();
    BOOK.get_or_init(Rulebook::bundled)
}

fn bundled_origin() -> &'static (FtaCatalogue, PsrBook) {
    static ORIGIN: OnceLock<(FtaCatalogue, PsrBook)> = OnceLock::new();
    ORIGIN.get_or_init(|| {
        let catalogue = FtaCatalogue::bundled_with(&bundled_rulebook().fta);
        let rules = PsrBook::from_sources(&exportdesk_rules::origin::psr::BUNDLED_PSR, &catalogue)
            .expect("the bundled PSR files load");
        (catalogue, rules)
    })
}

// ---------------------------------------------------------------------------------------------
// Order files

/// An order file (CSV/TSV in any encoding, or any bytes) through the import pipeline.
pub fn order_csv(data: &[u8]) {
    order_file(data);
}

/// An order workbook. Input that already is a workbook (`PK…` zip or an OLE `.xls`) is read as
/// is; anything else is taken as the XML of the first worksheet, optionally followed by a line
/// `<!--sharedStrings-->` and the shared strings XML, and wrapped in a minimal `.xlsx` package so
/// the fuzzer mutates cells and XML rather than zip checksums.
pub fn order_xlsx(data: &[u8]) {
    if data.starts_with(b"PK\x03\x04") || data.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        order_file(data);
    } else {
        order_file(&xlsx_from_sheet(data));
    }
}

/// What `App::import_check` does with a file, without the database: parse with profile
/// detection (and, when a mapping is needed, with the suggested mapping as the mapping screen
/// would propose it), then plan the table with every built-in profile whose columns it has.
fn order_file(data: &[u8]) {
    let cancel = AtomicBool::new(false);
    // The plan `parse` made with the profile it detected, if it made one.
    let mut detected: Option<ImportPlan> = None;
    match exportdesk_import::parse(data, &ParseOptions::default()) {
        Ok(plan) => {
            check_plan(&plan);
            detected = Some(plan);
        }
        Err(ImportError::NeedsMapping { request }) => {
            check_request(&request);
            let profile = Profile::from_mapping("fuzz", "fuzz", &request.suggestions);
            let opts = ParseOptions {
                profile: Some(profile),
                ..ParseOptions::default()
            };
            if let Ok(plan) = exportdesk_import::parse(data, &opts) {
                check_plan(&plan);
            }
            // Detection tried every built-in profile: a mapping is asked for when none fits the
            // headers (then there is nothing more to plan), or when the one that fits cannot be
            // used as it is (a download template without a date column).
            let fits = request
                .profile
                .as_deref()
                .and_then(|name| builtins().iter().find(|p| p.name == name))
                .is_some_and(|p| p.resolve(&request.headers).is_ok());
            if !fits {
                return;
            }
        }
        Err(ImportError::Unreadable { problem }) => {
            assert!(!problem.code.is_empty());
            // `parse` reports a file as unreadable only when `read_table` (with these same
            // default options) refused it, so reading it again below would only repeat that.
            return;
        }
        Err(ImportError::Cancelled) => panic!("nothing cancelled the parse"),
    }
    let Ok(table) = read_table(data, &ReadOptions::default(), &cancel) else {
        panic!("parse read the file, but read_table refused it");
    };
    check_table(&table);
    if let Some(plan) = &detected {
        assert_eq!(plan.rows_read as usize, table.rows.len());
    }
    for profile in builtins() {
        // `parse` planned the table with the profile it detected (checked above).
        if detected
            .as_ref()
            .is_some_and(|plan| plan.profile.name == profile.name)
        {
            continue;
        }
        let Ok(resolved) = profile.resolve(&table.headers) else {
            continue;
        };
        match plan_table(
            &table,
            profile,
            &resolved,
            KOREA_UTC_OFFSET_MINUTES,
            &mut |done, total| assert!(done <= total),
            &cancel,
        ) {
            Ok(plan) => {
                assert_eq!(plan.rows_read as usize, table.rows.len());
                check_plan(&plan);
            }
            Err(e) => panic!("planning a read table failed: {e}"),
        }
    }
}

/// The built-in profiles, built once (`builtin_profiles` clones all of them on every call).
fn builtins() -> &'static [Profile] {
    static BUILTINS: OnceLock<Vec<Profile>> = OnceLock::new();
    BUILTINS.get_or_init(builtin_profiles)
}

/// What the column-mapping screen gets is the table as read: the same checks as
/// [`check_table`], on the preview rows.
fn check_request(request: &MappingRequest) {
    assert!(request.preview.len() <= 5);
    assert!(request.headers.last().is_none_or(|h| !h.is_empty()));
    assert!(!request.preview.is_empty(), "a table has data rows");
    let mut last = request.header_row;
    for r in &request.preview {
        assert!(r.row > last, "rows ascend below the header");
        last = r.row;
    }
}

fn check_table(table: &Table) {
    assert!(table.headers.last().is_none_or(|h| !h.is_empty()));
    assert!(!table.rows.is_empty(), "a table has data rows");
    let mut last = table.header_row;
    for r in &table.rows {
        assert!(r.row > last, "rows ascend below the header");
        last = r.row;
    }
}

/// A plan is consistent: every order has rows and one row per line, order numbers are unique,
/// no order with a problem row is valid, problems are sorted, SKUs are the lines' SKUs.
fn check_plan(plan: &ImportPlan) {
    let problem_rows: HashSet<u32> = plan.row_problems.iter().map(|p| p.row).collect();
    let mut numbers = HashSet::new();
    let mut skus = std::collections::BTreeSet::new();
    for o in &plan.orders {
        assert!(!o.rows.is_empty(), "order {} has rows", o.order_no);
        assert!(numbers.insert(&o.order_no), "order {} twice", o.order_no);
        assert_eq!(o.line_rows.len(), o.draft.lines.len());
        for r in o.rows.iter().chain(&o.line_rows) {
            assert!(*r > plan.header_row, "row {r} is below the header");
        }
        assert!(o.line_rows.iter().all(|r| o.rows.contains(r)));
        if let Some(order) = &o.order {
            assert!(
                !o.rows.iter().any(|r| problem_rows.contains(r)),
                "order {} is valid despite a problem on its rows",
                o.order_no
            );
            assert_eq!(order.lines.len(), o.draft.lines.len());
        } else if plan.is_clean() {
            panic!("order {} is invalid in a clean plan", o.order_no);
        }
        skus.extend(
            o.draft
                .lines
                .iter()
                .map(|l| l.sku.trim().to_string())
                .filter(|s| !s.is_empty()),
        );
    }
    assert_eq!(skus, plan.skus);
    assert!(plan.row_problems.windows(2).all(|w| w[0].row <= w[1].row));
    assert!(plan.problems_csv().starts_with(b"\xEF\xBB\xBF"));
}

const SHARED_STRINGS_MARK: &[u8] = b"<!--sharedStrings-->";

/// A minimal `.xlsx` package around a worksheet's XML (and shared strings, after
/// `<!--sharedStrings-->`), with one date style (`s="1"`).
pub fn xlsx_from_sheet(data: &[u8]) -> Vec<u8> {
    let (sheet, strings) = match find(data, SHARED_STRINGS_MARK) {
        Some(i) => (&data[..i], Some(&data[i + SHARED_STRINGS_MARK.len()..])),
        None => (data, None),
    };
    // The package parts around the sheet never change: they are built (with their checksums)
    // once, not for every input.
    let mut files: Vec<ZipEntry<'_>> = package_parts(strings.is_some())
        .iter()
        .map(|(name, data, crc)| (*name, data.as_slice(), *crc))
        .collect();
    files.push(("xl/worksheets/sheet1.xml", sheet, crc32(sheet)));
    if let Some(s) = strings {
        files.push(("xl/sharedStrings.xml", s, crc32(s)));
    }
    stored_zip(&files)
}

/// A file of a zip archive: name, content and the content's CRC-32.
type ZipEntry<'a> = (&'a str, &'a [u8], u32);

/// A fixed part of the package: name, content and the content's CRC-32.
type PackagePart = (&'static str, Vec<u8>, u32);

/// The parts of the package before the worksheet, with their CRC-32: the workbook's
/// relationships name `sharedStrings.xml` only when there are shared strings.
fn package_parts(shared_strings: bool) -> &'static [PackagePart] {
    static PARTS: OnceLock<[Vec<PackagePart>; 2]> = OnceLock::new();
    let parts = PARTS.get_or_init(|| [package_parts_uncached(false), package_parts_uncached(true)]);
    &parts[usize::from(shared_strings)]
}

fn package_parts_uncached(shared_strings: bool) -> Vec<PackagePart> {
    const NS: &str = "http://schemas.openxmlformats.org";
    let types = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="{NS}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#
    );
    let rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{NS}/package/2006/relationships"><Relationship Id="rId1" Type="{NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    );
    let workbook = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{NS}/spreadsheetml/2006/main" xmlns:r="{NS}/officeDocument/2006/relationships"><sheets><sheet name="Orders" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    );
    let mut wb_rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{NS}/package/2006/relationships"><Relationship Id="rId1" Type="{NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="{NS}/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
    );
    if shared_strings {
        wb_rels.push_str(&format!(
            r#"<Relationship Id="rId4" Type="{NS}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
        ));
    }
    wb_rels.push_str("</Relationships>");
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{NS}/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>"#
    );
    [
        ("[Content_Types].xml", types),
        ("_rels/.rels", rels),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", wb_rels),
        ("xl/styles.xml", styles),
    ]
    .into_iter()
    .map(|(name, text)| {
        let crc = crc32(text.as_bytes());
        (name, text.into_bytes(), crc)
    })
    .collect()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The CRC-32 (IEEE) lookup table, computed at compile time.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut crc = i as u32;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
            bit += 1;
        }
        table[i] = crc;
        i += 1;
    }
    table
};

/// CRC-32 (IEEE), a table lookup per byte.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc = (crc >> 8) ^ CRC_TABLE[((crc ^ b as u32) & 0xFF) as usize];
    }
    !crc
}

/// A zip archive of uncompressed ("stored") entries.
fn stored_zip(files: &[ZipEntry<'_>]) -> Vec<u8> {
    let total: usize = files
        .iter()
        .map(|(n, d, _)| 76 + 2 * n.len() + d.len())
        .sum();
    let mut out = Vec::with_capacity(total + 22);
    let mut central = Vec::with_capacity(files.iter().map(|(n, _, _)| 46 + n.len()).sum());
    for &(name, data, crc) in files {
        let offset = out.len() as u32;
        let size = data.len() as u32;
        let header = |sig: u32, central_entry: bool, buf: &mut Vec<u8>| {
            buf.extend_from_slice(&sig.to_le_bytes());
            if central_entry {
                buf.extend_from_slice(&20u16.to_le_bytes()); // made by
            }
            buf.extend_from_slice(&20u16.to_le_bytes()); // needed
            buf.extend_from_slice(&0u16.to_le_bytes()); // flags
            buf.extend_from_slice(&0u16.to_le_bytes()); // stored
            buf.extend_from_slice(&0u32.to_le_bytes()); // time, date
            buf.extend_from_slice(&crc.to_le_bytes());
            buf.extend_from_slice(&size.to_le_bytes());
            buf.extend_from_slice(&size.to_le_bytes());
            buf.extend_from_slice(&(name.len() as u16).to_le_bytes());
            buf.extend_from_slice(&0u16.to_le_bytes()); // extra
            if central_entry {
                buf.extend_from_slice(&[0u8; 6]); // comment length, disk, internal attributes
                buf.extend_from_slice(&0u32.to_le_bytes()); // external attributes
                buf.extend_from_slice(&offset.to_le_bytes());
            }
            buf.extend_from_slice(name.as_bytes());
        };
        header(0x0403_4b50, false, &mut out);
        out.extend_from_slice(data);
        header(0x0201_4b50, true, &mut central);
    }
    let start = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0u8; 4]); // disk numbers
    out.extend_from_slice(&(files.len() as u16).to_le_bytes());
    out.extend_from_slice(&(files.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&start.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

// ---------------------------------------------------------------------------------------------
// Rates

/// A weekly-rate CSV (`App::import_rates_csv`). Good rates fall on Sundays, are positive, are
/// unique per week and currency, and are what `rate_for` finds.
pub fn rate_csv(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(rates) = exportdesk_rules::rates::parse_rates_csv(&text) else {
        return;
    };
    let mut seen = HashSet::new();
    for r in &rates {
        assert_eq!(r.week_start.weekday(), Weekday::Sun);
        assert!(r.krw_per_unit > Decimal::ZERO);
        assert_ne!(r.currency, Currency::KRW);
        assert!(seen.insert((r.week_start, r.currency)));
        let found = exportdesk_rules::rates::rate_for(&rates, r.currency, r.week_start);
        assert_eq!(found.ok(), Some(r.krw_per_unit));
    }
}

// ---------------------------------------------------------------------------------------------
// BOM files

/// A BOM file (`App::import_bom`), with one supplier declaration on file. Good lines are
/// numbered, and their values can be computed as the origin check computes them.
pub fn bom_import(data: &[u8]) {
    let declarations = [SupplierDeclaration {
        id: 7,
        supplier: "Hanil Packaging".into(),
        materials: "bottles".into(),
        valid_from: dates()[0],
        valid_until: dates()[1],
        file_reference: String::new(),
        note: String::new(),
    }];
    for currency in [None, Some(Currency::USD)] {
        let Ok(lines) = exportdesk_import::bom::read_bom(data, &declarations, currency) else {
            continue;
        };
        assert!(!lines.is_empty());
        for l in &lines {
            assert!(l.quantity >= Decimal::ZERO && l.unit_value >= Decimal::ZERO);
            let _ = l.value();
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Rulebook

const FILE_MARK: &str = "#=== ";

/// Rulebook files as the user's rulebook folder holds them: the input is split at lines
/// `#=== NAME.toml`; each part replaces that bundled file (the others stay bundled), as
/// `load_rulebook` does. A rulebook that loads must answer every deadline question for a few
/// dates without panicking.
pub fn rulebook(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut files: Vec<(String, String)> = BUNDLED
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    let mut current: Option<usize> = None;
    let mut replaced: Vec<usize> = Vec::new();
    for line in text.split_inclusive('\n') {
        if let Some(name) = line.strip_prefix(FILE_MARK) {
            current = files.iter().position(|(n, _)| n == name.trim());
            if let Some(i) = current {
                if !replaced.contains(&i) {
                    replaced.push(i);
                    files[i].1.clear();
                }
            }
            continue;
        }
        if let Some(i) = current {
            files[i].1.push_str(line);
        }
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let book = match Rulebook::from_sources(&refs) {
        Ok(b) => b,
        Err(e) => {
            assert!(e.line >= 1 && e.column >= 1);
            let _ = e.to_problem();
            return;
        }
    };
    use exportdesk_rules::deadline::*;
    assert!(!book.params().is_empty());
    for date in dates() {
        let _ = book.show_on(date);
        let loading = loading_deadline(date, &book);
        let _ = final_price_deadline(date, date, &book);
        let _ = reimport_deadline(date, &book);
        if let Ok(l) = loading {
            let _ = penalty_estimate(3, l.date.due, &book);
            let _ = extend_loading(date, &l, date, dates()[1], &book);
        }
    }
    // The stateless checks with this rulebook.
    let _ = exportdesk_rules::check::deadlines(
        r#"{"accepted_on":"2026-11-27","confirmed_paid_on":"2026-12-01","violations":2,"extensions":[{"requested_on":"2026-12-10","new_date":"2027-01-20"}]}"#,
        &book,
    );
    let _ = exportdesk_rules::check::declaration(
        r#"{"date":"2026-11-27","currency":"USD","incoterm":"CIF","rate":"1400","freight_insurance":"30","lines":[{"amount":"3000"},{"quantity":"4","unit_price":"12.5","needs_permit":true}]}"#,
        &book,
    );
}

// ---------------------------------------------------------------------------------------------
// PSR rule language and PSR books

/// `(A and B) and C` and `A and B and C` mean the same; the printer writes the flat form.
fn flatten(rule: &Rule) -> Rule {
    match rule {
        Rule::One(c) => Rule::One(c.clone()),
        Rule::All(items) => {
            let mut out = Vec::new();
            for i in items {
                match flatten(i) {
                    Rule::All(inner) => out.extend(inner),
                    other => out.push(other),
                }
            }
            Rule::All(out)
        }
        Rule::Any(items) => {
            let mut out = Vec::new();
            for i in items {
                match flatten(i) {
                    Rule::Any(inner) => out.extend(inner),
                    other => out.push(other),
                }
            }
            Rule::Any(out)
        }
    }
}

/// A parsed rule prints in a form that parses back to the same rule.
fn check_rule(rule: &Rule) {
    let printed = rule.to_string();
    let again = lang::parse(&printed)
        .unwrap_or_else(|e| panic!("printed rule {printed:?} does not parse: {e:?}"));
    assert_eq!(again.to_string(), printed, "printing is stable");
    assert_eq!(
        again,
        flatten(rule),
        "{printed:?} re-parses to the same rule"
    );
    assert!(!rule.alternatives().is_empty());
}

/// Rule text of the PSR rule language (`CTH except from 1701-1703 or RVC(40, FOB)`), also read
/// as an HS range and an HS scope (the `hs` field of a PSR file and of the user's own rules).
pub fn psr_rule(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match lang::parse(text) {
        Ok(rule) => check_rule(&rule),
        Err(e) => assert!(e.offset <= text.len() && text.is_char_boundary(e.offset)),
    }
    if let Ok(range) = lang::parse_range(text) {
        let printed = range.to_string();
        assert_eq!(
            lang::parse_range(&printed).as_ref(),
            Ok(&range),
            "{printed}"
        );
        assert!(range.from <= range.to);
        for digits in ["3304990000", "1701", "61", "610190"] {
            let _ = range.membership(digits);
        }
    }
    if let Ok(scope) = HsScope::parse(text, &[]) {
        let _ = scope.describe();
        let _ = scope.membership("3304990000");
    }
}

/// A PSR TOML file (`assets/fta/psr/*.toml`) read against the bundled FTA catalogue. Every rule
/// of a book that loads re-parses from its text, and lookups answer.
pub fn psr_book(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (catalogue, _) = bundled_origin();
    let book = match PsrBook::from_sources(&[("fuzz.toml", text)], catalogue) {
        Ok(b) => b,
        Err(problems) => {
            assert!(!problems.0.is_empty());
            return;
        }
    };
    let codes: Vec<HsCode> = ["3304990000", "610910", "1704", "850440"]
        .iter()
        .filter_map(|c| HsCode::parse(c).ok())
        .collect();
    for r in book.rules() {
        assert_eq!(lang::parse(&r.text).as_ref(), Ok(&r.rule));
        check_rule(&r.rule);
        for code in &codes {
            for date in dates() {
                let _ = book.rule_for(&r.fta, code, date);
                let _ = book.needs_more_digits(&r.fta, code, date);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Stateless check JSON

/// A JSON case of `exportdesk check declaration|deadlines|origin|reimport`, tried as each kind
/// (the shapes deny unknown fields, so at most one reads it) with the bundled rulebook.
pub fn check_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let book = bundled_rulebook();
    let (catalogue, rules) = bundled_origin();
    use exportdesk_rules::check;
    let verdicts = [
        check::declaration(text, book),
        check::deadlines(text, book),
        check::origin_with(text, catalogue, rules),
        check::reimport(text, book),
    ];
    for v in verdicts {
        match v {
            Ok(v) => assert!(v.is_object()),
            Err(p) => assert!(!p.0.is_empty()),
        }
    }
}
