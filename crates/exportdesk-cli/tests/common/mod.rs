//! Running the `exportdesk` binary against a database, for the CLI tests that pipe JSON in.

#![allow(dead_code)]

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Run `exportdesk --db DB ARGS` on the fixed test day, with `stdin` piped in when given.
pub fn run(db: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_exportdesk"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("EXPORTDESK_TODAY", "2026-11-27")
        .env_remove("EXPORTDESK_LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    child.wait_with_output().unwrap()
}

/// Run with `--json`; the command must succeed; its JSON answer.
pub fn ok(db: &Path, args: &[&str], stdin: Option<&str>) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let out = run(db, &all, stdin);
    assert!(
        out.status.success(),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}
