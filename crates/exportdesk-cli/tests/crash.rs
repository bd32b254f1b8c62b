//! Kill -9 at random moments of the writes that matter — an order import, a backup, a restore,
//! the loading of a consolidated shipment and a schema migration — then reopen the database:
//! the integrity and foreign-key checks pass and every table holds exactly what it held before
//! the command or exactly what it holds after a run that was not killed. Nothing in between.
//!
//! The process killed is `exportdesk`, which runs the same use cases (`exportdesk-app`) and the
//! same store as the window. Kill moments are drawn uniformly over the command's measured run
//! time from a fixed seed, so a failure can be replayed.
//!
//! Short mode (the normal suite): `KILLS_SHORT` kills per scenario. Full mode:
//! `EXPORTDESK_CRASH_KILLS=50 cargo test -p exportdesk-cli --test crash -- --nocapture`
//! (5 scenarios × 50 = 250 kills); each scenario prints how many kills left the database
//! before, after, or (migration only) between versions.

mod common;

use rusqlite::Connection;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const KILLS_SHORT: usize = 4;

fn kills() -> usize {
    std::env::var("EXPORTDESK_CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(KILLS_SHORT)
}

/// xorshift64*: the same kill moments on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A duration between zero and `max`.
    fn upto(&mut self, max: Duration) -> Duration {
        let micros = max.as_micros().max(1) as u64;
        Duration::from_micros(self.next() % micros)
    }
}

/// What a database holds, as far as all-or-nothing is concerned: the schema version and the
/// number of rows of every table. Opening it runs SQLite's recovery of the write-ahead log, as
/// the app does on its next start.
#[derive(Debug, Clone, PartialEq, Eq)]
struct DbState {
    version: i64,
    rows: BTreeMap<String, i64>,
}

fn inspect(db: &Path) -> DbState {
    let c = Connection::open(db).unwrap();
    let integrity: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok", "{}", db.display());
    let fk_problems: i64 = c
        .prepare("PRAGMA foreign_key_check")
        .unwrap()
        .query_map([], |_| Ok(()))
        .unwrap()
        .count() as i64;
    assert_eq!(fk_problems, 0, "foreign keys broken in {}", db.display());
    let version: i64 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let tables: Vec<String> = c
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let rows = tables
        .into_iter()
        .map(|t| {
            let n: i64 = c
                .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
                .unwrap();
            (t, n)
        })
        .collect();
    DbState { version, rows }
}

/// A copy of the database file alone (the source has no write-ahead log left: it was closed).
fn copy_db(from: &Path, to: &Path) {
    assert!(
        !PathBuf::from(format!("{}-wal", from.display())).exists(),
        "the baseline must be checkpointed"
    );
    std::fs::copy(from, to).unwrap();
}

/// One command to kill: what to run in a fresh copy of the baseline.
struct Scenario<'a> {
    name: &'a str,
    baseline: &'a Path,
    /// Whether the command changes the live data (a backup does not).
    writes: bool,
    args: Vec<String>,
    stdin: Option<String>,
}

#[derive(Default, Debug)]
struct Tally {
    before: usize,
    after: usize,
    between: usize,
    finished: usize,
}

impl Tally {
    fn report(&self, name: &str, kills: usize) {
        eprintln!(
            "crash[{name}]: {kills} kills — database as before: {}, as after: {}, between \
             versions: {}, command had already finished: {}",
            self.before, self.after, self.between, self.finished
        );
    }
}

fn command(db: &Path, args: &[String]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_exportdesk"));
    c.arg("--db")
        .arg(db)
        .args(args)
        .env("EXPORTDESK_TODAY", "2026-11-27")
        .env_remove("EXPORTDESK_LANG")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// A run folder holding a fresh copy of the baseline.
fn stage(s: &Scenario, dir: &Path) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let db = dir.join("shop.sqlite3");
    copy_db(s.baseline, &db);
    db
}

/// Run the command to completion once (how long it takes, what it leaves), then kill it
/// `kills()` times at random moments; `judge` says which state each killed run left.
fn kill_repeatedly(
    s: &Scenario,
    work: &Path,
    seed: u64,
    judge: impl Fn(&DbState, &DbState, &DbState, &Path) -> Outcome,
) -> Tally {
    let before = inspect(s.baseline);
    let ref_dir = work.join(format!("{}-reference", s.name));
    let db = stage(s, &ref_dir);
    let started = Instant::now();
    let mut child = command(&db, &s.args).stdin(Stdio::piped()).spawn().unwrap();
    feed(&mut child, &s.stdin);
    let status = child.wait().unwrap();
    let took = started.elapsed();
    assert!(status.success(), "{}: the reference run failed", s.name);
    let after = inspect(&db);
    assert_eq!(
        before != after,
        s.writes,
        "{}: the reference run did not do what it should",
        s.name
    );

    let mut rng = Rng(seed);
    let mut tally = Tally::default();
    let n = kills();
    for i in 0..n {
        let dir = work.join(format!("{}-{i}", s.name));
        let db = stage(s, &dir);
        // Over the whole run time and past it (runs under load take longer), so that the end is
        // covered too.
        let wait = rng.upto(took.mul_f64(1.3));
        let mut child = command(&db, &s.args).stdin(Stdio::piped()).spawn().unwrap();
        feed(&mut child, &s.stdin);
        std::thread::sleep(wait);
        if child.try_wait().unwrap().is_some() {
            tally.finished += 1;
        } else {
            child.kill().unwrap();
        }
        child.wait().unwrap();
        let state = inspect(&db);
        match judge(&before, &after, &state, &dir) {
            Outcome::Before => tally.before += 1,
            Outcome::After => tally.after += 1,
            Outcome::Between => tally.between += 1,
            Outcome::Broken(why) => panic!(
                "{} killed after {wait:?} (run {i}): {why}\nbefore {before:?}\nafter \
                 {after:?}\nfound {state:?}",
                s.name
            ),
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
    tally.report(s.name, n);
    tally
}

fn feed(child: &mut std::process::Child, stdin: &Option<String>) {
    use std::io::Write;
    let mut pipe = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        // The process may already be dead; a broken pipe is then expected.
        let _ = pipe.write_all(text.as_bytes());
    }
}

enum Outcome {
    Before,
    After,
    Between,
    Broken(String),
}

/// The usual judgement: exactly the state before or exactly the state after.
fn all_or_nothing(before: &DbState, after: &DbState, found: &DbState) -> Outcome {
    if found == before {
        Outcome::Before
    } else if found == after {
        Outcome::After
    } else {
        let differ: Vec<String> = found
            .rows
            .iter()
            .filter(|(t, n)| before.rows.get(*t) != Some(n) && after.rows.get(*t) != Some(n))
            .map(|(t, n)| format!("{t}={n}"))
            .collect();
        Outcome::Broken(format!(
            "neither the state before nor after; tables off: {differ:?}"
        ))
    }
}

/// Every file the backup list shows is a complete copy: integrity ok and the live row counts.
fn backups_complete(dir: &Path, live: &DbState) -> Result<usize, String> {
    let backups = dir.join("backups");
    let Ok(entries) = std::fs::read_dir(&backups) else {
        return Ok(0);
    };
    let mut n = 0;
    for e in entries {
        let path = e.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !(name.starts_with("exportdesk-") && name.ends_with(".sqlite3")) {
            continue;
        }
        // Taken of the live data before any write (a restore backs up first): same rows.
        let copy = inspect(&path);
        if copy.rows != live.rows {
            return Err(format!("backup {name} is not a full copy: {copy:?}"));
        }
        n += 1;
    }
    Ok(n)
}

#[test]
fn killed_mid_write_the_database_is_as_before_or_as_after() {
    let dir = tempfile::tempdir().unwrap();
    let (base, shipment, restore_me) = common::baseline(dir.path());
    let work = dir.path().join("runs");
    let to_import = dir.path().join("to-import.csv");
    common::big_shopify(&to_import, 1500, "K");

    let strict = |b: &DbState, a: &DbState, f: &DbState, _: &Path| all_or_nothing(b, a, f);

    // 1. Importing ~4,500 orders in one transaction.
    let import = Scenario {
        name: "import",
        baseline: &base,
        writes: true,
        args: vec![
            "import".into(),
            "orders".into(),
            to_import.to_string_lossy().into(),
        ],
        stdin: None,
    };
    kill_repeatedly(&import, &work, 0x1111, strict);

    // 2. Loading the consolidated shipment: every declaration's loading and the shipment in
    //    one transaction.
    let load = Scenario {
        name: "shipment-load",
        baseline: &base,
        writes: true,
        args: [
            "shipments",
            "load",
            &shipment,
            "--date",
            "2026-11-27",
            "--bl",
            "AWB-1",
        ]
        .map(String::from)
        .to_vec(),
        stdin: None,
    };
    kill_repeatedly(&load, &work, 0x2222, |b, a, f, dir| {
        // Row counts alone do not show the loading (it updates rows): every declaration of
        // the shipment and the shipment itself must be in the same state.
        let states = loading_states(&dir.join("shop.sqlite3"));
        match (all_or_nothing(b, a, f), states.as_slice()) {
            (Outcome::Before, ["accepted", "packing"]) => Outcome::Before,
            (Outcome::After, ["loaded", "loaded"]) => Outcome::After,
            (Outcome::Broken(why), _) => Outcome::Broken(why),
            (_, s) => Outcome::Broken(format!("declarations and shipment in states {s:?}")),
        }
    });

    // 3. A backup: the live data untouched, and a backup either absent or complete.
    let backup = Scenario {
        name: "backup",
        baseline: &base,
        writes: false,
        args: vec!["backup".into(), "now".into()],
        stdin: None,
    };
    let t = kill_repeatedly(&backup, &work, 0x3333, |b, _a, f, dir| {
        if f != b {
            return Outcome::Broken("a backup changed the live data".into());
        }
        match backups_complete(dir, f) {
            Ok(0) => Outcome::Before,
            Ok(_) => Outcome::After,
            Err(e) => Outcome::Broken(e),
        }
    });
    assert_eq!(t.between, 0);

    // 4. A restore of the earlier backup (the current data is backed up first).
    let restore = Scenario {
        name: "restore",
        baseline: &base,
        writes: true,
        args: vec![
            "backup".into(),
            "restore".into(),
            restore_me.to_string_lossy().into(),
        ],
        stdin: None,
    };
    kill_repeatedly(&restore, &work, 0x4444, |b, a, f, dir| {
        if let Err(e) = backups_complete(dir, b) {
            return Outcome::Broken(e);
        }
        all_or_nothing(b, a, f)
    });

    // 5. Migrations: the same shop on schema 3, brought up to date by the next command.
    let old = dir.path().join("schema3.sqlite3");
    downgrade_to_schema_3(&base, &old);
    let migrate = Scenario {
        name: "migration",
        baseline: &old,
        writes: true,
        args: vec!["status".into()],
        stdin: None,
    };
    let t = kill_repeatedly(&migrate, &work, 0x5555, migration_judge);
    assert_eq!(t.before + t.after + t.between, kills());
}

/// The distinct states of the shipment's declarations, then the shipment's state.
fn loading_states(db: &Path) -> Vec<&'static str> {
    let c = Connection::open(db).unwrap();
    let name = |s: String| -> &'static str {
        match s.as_str() {
            "accepted" => "accepted",
            "loaded" => "loaded",
            "packing" => "packing",
            _ => "other",
        }
    };
    let mut decl: Vec<&'static str> = c
        .prepare(
            "SELECT DISTINCT d.state FROM declarations d \
             JOIN shipment_declarations s ON s.declaration_id = d.id",
        )
        .unwrap()
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|s| name(s.unwrap()))
        .collect();
    let ship: String = c
        .query_row("SELECT state FROM shipments", [], |r| r.get(0))
        .unwrap();
    if decl.len() != 1 {
        decl.push("mixed");
    }
    decl.push(name(ship));
    decl
}

/// Tables each migration creates (read from the migration files themselves).
fn tables_of_migration(version: i64) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../exportdesk-store/src/migrations");
    let prefix = format!("{version:04}_");
    let file = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&prefix)
        })
        .unwrap_or_else(|| panic!("no migration {version}"));
    std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .filter_map(|l| l.trim().strip_prefix("CREATE TABLE "))
        .map(|rest| {
            rest.trim_start_matches("IF NOT EXISTS ")
                .split([' ', '('])
                .next()
                .unwrap()
                .to_string()
        })
        .collect()
}

const LATEST: i64 = 8;

/// Columns each migration adds to older tables, as (table, column).
fn columns_of_migration(version: i64) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../exportdesk-store/src/migrations");
    let prefix = format!("{version:04}_");
    let file = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&prefix)
        })
        .unwrap_or_else(|| panic!("no migration {version}"));
    std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .filter_map(|l| l.trim().strip_prefix("ALTER TABLE "))
        .filter_map(|rest| {
            let (table, after) = rest.split_once(' ')?;
            let column = after
                .trim()
                .strip_prefix("ADD COLUMN ")?
                .split(' ')
                .next()?;
            Some((table.to_string(), column.to_string()))
        })
        .collect()
}

/// The shop as an app of schema 3 left it: the tables of migrations 4 and later never created,
/// the columns they add never added.
fn downgrade_to_schema_3(from: &Path, to: &Path) {
    copy_db(from, to);
    let c = Connection::open(to).unwrap();
    c.execute_batch("PRAGMA foreign_keys = OFF;").unwrap();
    for v in (4..=LATEST).rev() {
        for (table, column) in columns_of_migration(v) {
            c.execute_batch(&format!(
                "ALTER TABLE \"{table}\" DROP COLUMN \"{column}\";"
            ))
            .unwrap();
        }
        let mut tables = tables_of_migration(v);
        tables.reverse();
        for t in tables {
            c.execute_batch(&format!("DROP TABLE \"{t}\";")).unwrap();
        }
    }
    c.execute("DELETE FROM schema_migrations WHERE version > 3", [])
        .unwrap();
    c.pragma_update(None, "user_version", 3).unwrap();
    c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    drop(c);
    assert_eq!(inspect(to).version, 3);
}

/// A killed migration leaves the schema at some version v in 3..=LATEST: each migration whole (its
/// tables exist exactly for the versions applied, its row in `schema_migrations`), and every
/// row of the older tables kept.
fn migration_judge(before: &DbState, after: &DbState, found: &DbState, _: &Path) -> Outcome {
    assert_eq!(after.version, LATEST);
    let v = found.version;
    if !(3..=LATEST).contains(&v) {
        return Outcome::Broken(format!("schema version {v}"));
    }
    for m in 4..=LATEST {
        for t in tables_of_migration(m) {
            if found.rows.contains_key(&t) != (m <= v) {
                return Outcome::Broken(format!("table {t} of migration {m} at version {v}"));
            }
        }
    }
    if found.rows.get("schema_migrations") != Some(&v) {
        return Outcome::Broken(format!(
            "schema_migrations has {:?} rows at version {v}",
            found.rows.get("schema_migrations")
        ));
    }
    for (t, n) in &before.rows {
        if t != "schema_migrations" && found.rows.get(t) != Some(n) {
            return Outcome::Broken(format!("table {t} lost rows"));
        }
    }
    match v {
        3 => Outcome::Before,
        LATEST => Outcome::After,
        _ => Outcome::Between,
    }
}
