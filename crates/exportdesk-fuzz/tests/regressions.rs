//! Replays every fuzz seed (`fuzz/seeds/<target>/*`) and every minimised crash
//! (`fuzz/regressions/<target>/*`) through its target, without sanitizers, in the normal test
//! suite. A crash file that panics again fails this test with its path.

use std::path::{Path, PathBuf};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

/// Every `(target, file)` under `dir/<target>/`.
fn inputs(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let Ok(targets) = std::fs::read_dir(dir) else {
        return out;
    };
    for t in targets.flatten() {
        if !t.path().is_dir() {
            continue;
        }
        let name = t.file_name().to_string_lossy().into_owned();
        assert!(
            exportdesk_fuzz::target(&name).is_some(),
            "{} names no fuzz target",
            t.path().display()
        );
        for f in std::fs::read_dir(t.path()).unwrap().flatten() {
            if f.path().is_file() {
                out.push((name.clone(), f.path()));
            }
        }
    }
    out.sort();
    out
}

fn replay(dir: &str) -> usize {
    let files = inputs(&fuzz_dir().join(dir));
    let mut failed = Vec::new();
    for (target, path) in &files {
        let data = std::fs::read(path).unwrap();
        let run = exportdesk_fuzz::target(target).unwrap();
        // Parsers must not overflow the stack of a worker thread (the app runs commands on
        // threads with the default 2 MiB stack).
        let result = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || run(&data))
            .unwrap()
            .join();
        if result.is_err() {
            failed.push(path.display().to_string());
        }
    }
    assert!(failed.is_empty(), "inputs that panic: {failed:#?}");
    files.len()
}

#[test]
fn every_seed_replays() {
    let n = replay("seeds");
    assert!(n > 0, "no seeds under fuzz/seeds");
    for (name, _) in exportdesk_fuzz::TARGETS {
        assert!(
            fuzz_dir().join("seeds").join(name).is_dir(),
            "no seeds for {name}"
        );
    }
}

#[test]
fn every_minimised_crash_replays() {
    replay("regressions");
}

/// The workbook seeds given as worksheet XML really are read as workbooks, with order rows.
#[test]
fn wrapped_worksheets_read_as_workbooks() {
    let dir = fuzz_dir().join("seeds/order_xlsx");
    let mut n = 0;
    for f in std::fs::read_dir(dir).unwrap().flatten() {
        if !f.path().to_string_lossy().ends_with(".sheet.xml") {
            continue;
        }
        let xlsx = exportdesk_fuzz::xlsx_from_sheet(&std::fs::read(f.path()).unwrap());
        let table = exportdesk_import::read_table(
            &xlsx,
            &Default::default(),
            &std::sync::atomic::AtomicBool::new(false),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", f.path().display()));
        assert!(!table.rows.is_empty());
        n += 1;
    }
    assert!(n >= 3);
}
