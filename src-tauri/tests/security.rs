//! The window's security settings: a strict CSP, no remote content, and capabilities that allow
//! exactly the app's own commands plus listening to the app's events. (Being an integration test, this also makes `cargo test`
//! build the app binary that the end-to-end tests launch.)

use serde_json::Value;

fn read(path: &str) -> Value {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    serde_json::from_str(&std::fs::read_to_string(full).unwrap()).unwrap()
}

fn commands() -> Vec<String> {
    let build =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("build.rs"))
            .unwrap();
    let list = build
        .split("COMMANDS: &[&str] = &[")
        .nth(1)
        .unwrap()
        .split("];")
        .next()
        .unwrap();
    list.split(',')
        .map(|s| s.trim().trim_matches('"').to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

#[test]
fn csp_is_strict_and_local() {
    let conf = read("tauri.conf.json");
    let csp = &conf["app"]["security"]["csp"];
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'");
    assert_eq!(csp["object-src"], "'none'");
    let text = csp.to_string();
    assert!(
        !text.contains("https:") && !text.contains("http://*") && !text.contains("*"),
        "{text}"
    );
    assert!(
        conf["build"].get("devUrl").is_none(),
        "no dev server URL in the shipped config"
    );
}

/// Core permissions beyond our commands: the window may listen to (and stop listening to) the
/// app's events, such as the worksheet batch's progress. It may not emit events, nor use any
/// other core or plugin permission.
const CORE: &[&str] = &["core:event:allow-listen", "core:event:allow-unlisten"];

#[test]
fn capabilities_list_only_our_commands() {
    let cap = read("capabilities/main.json");
    let perms: Vec<String> = cap["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect();
    let mut expected: Vec<String> = commands()
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    expected.extend(CORE.iter().map(|p| p.to_string()));
    assert_eq!(perms, expected);
    assert!(
        perms
            .iter()
            .all(|p| !p.contains(':') || CORE.contains(&p.as_str())),
        "no other core or plugin permission"
    );
    assert!(
        !perms
            .iter()
            .any(|p| p.contains("emit") || p.ends_with(":default")),
        "the window may not emit events or take default permission sets"
    );
    assert!(
        cap.get("remote").is_none(),
        "no remote URLs may use the IPC"
    );
}

#[test]
fn every_command_is_registered_in_the_handler() {
    let main = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/main.rs"),
    )
    .unwrap();
    let handler = main
        .split("generate_handler![")
        .nth(1)
        .unwrap()
        .split(']')
        .next()
        .unwrap();
    let registered: Vec<&str> = handler
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(registered, commands());
}

#[test]
fn batch_progress_is_an_event_the_window_may_listen_to() {
    let main = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/main.rs"),
    )
    .unwrap();
    assert!(main.contains("const PROGRESS_EVENT: &str = \"documents-progress\";"));
    assert!(
        main.contains("spawn_blocking"),
        "the batch runs off the main thread"
    );
    assert!(commands().contains(&"document_batch_cancel".to_string()));
}

/// The window loads nothing from elsewhere: no page, script, style, font, image or fetch in the
/// UI sources names a remote address. (Remote URLs that remain in the built bundle are Svelte's
/// error-message links, text the app never loads; the CSP above would block them anyway.)
#[test]
fn the_ui_loads_nothing_remote() {
    let ui = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui");
    let mut files = vec![ui.join("index.html")];
    let mut dirs = vec![ui.join("src")];
    while let Some(dir) = dirs.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
    }
    let loaders = [
        "src=\"http",
        "href=\"http",
        "url(http",
        "url(\"http",
        "@import \"http",
        "from \"http",
        "from 'http",
        "import(\"http",
        "fetch(",
        "new WebSocket",
        "XMLHttpRequest",
        "EventSource",
        "sendBeacon",
    ];
    let mut found = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        for l in loaders {
            if text.contains(l) {
                found.push(format!("{}: {l}", f.display()));
            }
        }
    }
    assert!(files.len() > 20, "the UI sources were found");
    assert!(found.is_empty(), "remote loads in the UI: {found:?}");
}
