//! The examples of docs/cli.md are run: each `json input=KIND` block is piped into
//! `exportdesk check KIND` and the output must equal the `json output` block after it.
//! `UPDATE_DOCS=1` rewrites the output blocks from the current program.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(kind: &str, input: &str) -> serde_json::Value {
    let mut child = Command::new(env!("CARGO_BIN_EXE_exportdesk"))
        .args(["check", kind])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "check {kind} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn documented_examples_are_what_the_program_prints() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/cli.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let update = std::env::var("UPDATE_DOCS").is_ok_and(|v| v == "1");
    let mut rewritten = String::new();
    let mut rest = text.as_str();
    let mut examples = 0;
    while let Some(start) = rest.find("```json input=") {
        let (before, from_block) = rest.split_at(start);
        rewritten.push_str(before);
        let header_end = from_block.find('\n').unwrap();
        let kind = from_block["```json input=".len()..header_end]
            .trim()
            .to_string();
        let body_end = from_block[header_end..].find("\n```").unwrap() + header_end;
        let input = &from_block[header_end + 1..body_end];
        let after_input = &from_block[body_end + 4..];
        let out_start = after_input
            .find("```json output\n")
            .expect("an output block follows each input");
        let out_body = &after_input[out_start + "```json output\n".len()..];
        let out_end = out_body.find("```").unwrap();
        let documented = &out_body[..out_end];
        let actual = run(&kind, input);
        rewritten.push_str(&from_block[..body_end + 4]);
        rewritten.push_str(&after_input[..out_start]);
        rewritten.push_str("```json output\n");
        if update {
            rewritten.push_str(&serde_json::to_string_pretty(&actual).unwrap());
            rewritten.push('\n');
        } else {
            let want: serde_json::Value = serde_json::from_str(documented).unwrap_or_else(|e| {
                panic!(
                    "docs/cli.md output block for {kind} is not JSON ({e}); run with UPDATE_DOCS=1"
                )
            });
            assert_eq!(
                actual, want,
                "docs/cli.md example for `check {kind}` is stale; run with UPDATE_DOCS=1"
            );
            rewritten.push_str(documented);
        }
        rewritten.push_str("```");
        rest = &out_body[out_end + 3..];
        examples += 1;
    }
    rewritten.push_str(rest);
    assert!(examples >= 3, "docs/cli.md has {examples} examples");
    if update {
        std::fs::write(&path, rewritten).unwrap();
    }
}
