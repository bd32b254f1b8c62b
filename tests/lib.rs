//! Harness for driving the real ExportDesk window over WebDriver.
//!
//! Each session starts `WebKitWebDriver` (Debian `webkit2gtk-driver`) on a free loopback port in
//! its own process group, with `TAURI_WEBVIEW_AUTOMATION=true` and the app pointed at a throw-away
//! database through `EXPORTDESK_DB`. Dropping the session kills the whole group, so no driver or
//! app process outlives a test. The tests need a display: run them under `xvfb-run`.
//!
//! Offline proof: every app is started under `strace` (tracing only the calls that open or
//! address a network connection), and closing the session checks the trace: any connection
//! or datagram to an address other than loopback fails the test. Loopback is the WebDriver's
//! own automation channel. See [`NetTrace`].

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"))
}

/// The desktop binary built by `cargo test --workspace` (debug profile), or the one named by
/// `EXPORTDESK_E2E_APP` (e.g. the release build, to drive the window as it ships).
pub fn app_binary() -> PathBuf {
    let path = std::env::var_os("EXPORTDESK_E2E_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("debug").join("exportdesk-desktop"));
    assert!(path.exists(), "{} is missing: run `cargo test --workspace` (it builds the app) or `cargo build -p exportdesk-desktop`", path.display());
    path
}

pub fn screenshot_dir() -> PathBuf {
    let dir = target_dir().join("e2e-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The network calls of one app run (app process and every WebKit process it starts), traced
/// by `strace -f` into a file.
pub struct NetTrace {
    dir: tempfile::TempDir,
}

impl NetTrace {
    fn new() -> NetTrace {
        assert!(
            Command::new("strace").arg("-V").output().is_ok(),
            "strace (Debian package strace) is needed for the offline proof: run scripts/setup-system.sh"
        );
        NetTrace {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn log(&self) -> PathBuf {
        self.dir.path().join("net.trace")
    }

    /// A launcher for WebKitWebDriver to start instead of the app: the app under strace.
    fn launcher(&self) -> PathBuf {
        let path = self.dir.path().join("exportdesk-traced");
        let script = format!(
            "#!/bin/sh\nexec strace -f -qq --seccomp-bpf -e trace=connect,sendto,sendmsg,sendmmsg \
             -e signal=none -o '{}' '{}' \"$@\"\n",
            self.log().display(),
            app_binary().display()
        );
        std::fs::write(&path, script).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        path
    }

    /// Every traced call that addressed a host other than loopback (IPv4 127/8, IPv6 ::1).
    pub fn outside_calls(&self) -> Vec<String> {
        let text = std::fs::read_to_string(self.log()).unwrap_or_default();
        text.lines()
            .filter(|l| is_outside(l))
            .map(str::to_string)
            .collect()
    }

    /// How many calls the trace holds (to show it really traced something).
    pub fn calls(&self) -> usize {
        std::fs::read_to_string(self.log())
            .map(|t| t.lines().filter(|l| l.contains("connect(")).count())
            .unwrap_or(0)
    }
}

/// Whether one strace line addresses a network host other than this machine's loopback.
pub fn is_outside(line: &str) -> bool {
    if line.contains("sa_family=AF_INET6") {
        return !(line.contains("\"::1\"") || line.contains("\"::ffff:127."));
    }
    if line.contains("sa_family=AF_INET,") {
        return !line.contains("inet_addr(\"127.");
    }
    false
}

/// How the window renders under test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendering {
    /// WebKit's accelerated compositing (`WEBKIT_DISABLE_COMPOSITING_MODE=0`).
    Composited,
    /// The app's default, on the CPU, as users get it: every test unless it asks otherwise.
    AsShipped,
}

struct DriverProcess(Child);

impl Drop for DriverProcess {
    fn drop(&mut self) {
        // The driver runs in its own process group with the app it started: end them all.
        let pgid = self.0.id() as i32;
        unsafe {
            libc::kill(-pgid, libc::SIGKILL);
        }
        let _ = self.0.wait();
    }
}

/// One running app window and its WebDriver client.
pub struct Session {
    pub client: Client,
    /// Ended first when the session is dropped, so that the trace is complete when checked.
    driver: Option<DriverProcess>,
    net: NetTrace,
    rendering: Rendering,
    /// What a person did so far: clicks, fields typed into, files chosen (see [`Session::actions`]).
    actions: std::sync::atomic::AtomicUsize,
    /// One window at a time: two apps starting together under one Xvfb on two cores made
    /// WebKitWebDriver's session start hang now and then.
    _window: tokio::sync::MutexGuard<'static, ()>,
}

static WINDOW: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The in-page half of [`Session::dialog`]: returns one line per problem, empty when every
/// control of the dialog can be seen. Elements the page hides on purpose (`display: none`,
/// `.visually-hidden` text for screen readers, hidden inputs) are skipped.
const VISIBILITY_CHECK: &str = r#"
const dlg = arguments[0];
const out = [];
const vw = window.innerWidth, vh = window.innerHeight;
const box = (r) => ({ l: r.left, t: r.top, r: r.right, b: r.bottom });
const cut = (a, b) => ({ l: Math.max(a.l, b.l), t: Math.max(a.t, b.t), r: Math.min(a.r, b.r), b: Math.min(a.b, b.b) });
const size = (a) => [Math.max(0, a.r - a.l), Math.max(0, a.b - a.t)];
const name = (el) => {
  const text = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || '').trim().slice(0, 40);
  return `<${el.tagName.toLowerCase()}${el.dataset.testid ? ' data-testid=' + el.dataset.testid : ''}${el.id ? ' id=' + el.id : ''}> "${text}"`;
};
if (!dlg.open) return ['the dialog is not open'];
const view = { l: 0, t: 0, r: vw, b: vh };
const dv = cut(box(dlg.getBoundingClientRect()), view);
const [dw, dh] = size(dv);
if (dw < 200 || dh < 80) out.push(`the dialog shows only ${Math.round(dw)}x${Math.round(dh)} px`);
const body = dlg.querySelector('.body');
if (body) {
  const maxH = parseFloat(getComputedStyle(dlg).maxHeight) || vh;
  const squeezed = body.scrollHeight > body.clientHeight + 2 && dlg.getBoundingClientRect().height < Math.min(maxH, vh) - 4;
  if (squeezed) out.push(`the body shows ${body.clientHeight} of ${body.scrollHeight} px although the dialog could grow`);
}
const scrolls = [...dlg.querySelectorAll('*')].filter((e) => e.scrollTop > 0).map((e) => [e, e.scrollTop]);
const hidden = (el) => {
  if (el.type === 'hidden' || el.closest('.visually-hidden')) return true;
  // The content of a closed <details> is folded away on purpose (its <summary> stays).
  const folded = el.closest('details:not([open])');
  if (folded && !el.closest('summary')) return true;
  for (let a = el; a && a !== dlg; a = a.parentElement) {
    const s = getComputedStyle(a);
    if (s.display === 'none' || s.visibility === 'hidden') return true;
  }
  return false;
};
for (const el of dlg.querySelectorAll('h2, label, legend, input, select, textarea, button')) {
  if (hidden(el)) continue;
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const r = el.getBoundingClientRect();
  if (r.width < 1 || r.height < 1) { out.push(`${name(el)} has no box (${r.width}x${r.height})`); continue; }
  let v = cut(box(r), view);
  for (let a = el.parentElement; a; a = a.parentElement) {
    const s = getComputedStyle(a);
    if (a === dlg || s.overflowX !== 'visible' || s.overflowY !== 'visible') {
      const ar = a.getBoundingClientRect();
      v = cut(v, { l: ar.left, t: ar.top, r: ar.left + (a.clientWidth || ar.width), b: ar.top + (a.clientHeight || ar.height) });
    }
    if (a === dlg) break;
  }
  const [w, h] = size(v);
  if (h < Math.min(r.height, 200) - 1 || w < Math.min(r.width, 200) - 1)
    out.push(`${name(el)} shows ${Math.round(w)}x${Math.round(h)} of ${Math.round(r.width)}x${Math.round(r.height)} px`);
}
for (const e of dlg.querySelectorAll('*')) e.scrollTop = 0;
for (const [e, top] of scrolls) e.scrollTop = top;
return out;
"#;

impl Session {
    /// Start the app on the database `db`, with the app's clock fixed at `today`, rendering as
    /// users get it (on the CPU); `EXPORTDESK_E2E_RENDERING=composited` drives every test in
    /// the composited mode instead.
    pub async fn launch(db: &Path, today: &str) -> Session {
        let rendering = match std::env::var("EXPORTDESK_E2E_RENDERING").as_deref() {
            Ok("composited") => Rendering::Composited,
            _ => Rendering::AsShipped,
        };
        Self::launch_with(db, today, rendering).await
    }

    /// Start the app with WebKit's accelerated compositing, the mode some GPUs give users who
    /// turn it back on (`WEBKIT_DISABLE_COMPOSITING_MODE=0`).
    pub async fn launch_composited(db: &Path, today: &str) -> Session {
        Self::launch_with(db, today, Rendering::Composited).await
    }

    pub async fn launch_with(db: &Path, today: &str, rendering: Rendering) -> Session {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "the end-to-end tests need a display: run them under xvfb-run (see README)"
        );
        let window = WINDOW.lock().await;
        let net = NetTrace::new();
        // A session start that hangs (the app not coming up) is retried with a fresh driver
        // rather than blocking the suite.
        for attempt in 1..=3 {
            let (driver, port) = Self::start_driver(db, today, rendering).await;
            let mut caps = serde_json::Map::new();
            caps.insert(
                "webkitgtk:browserOptions".into(),
                serde_json::json!({ "binary": net.launcher(), "args": [] }),
            );
            let mut builder = ClientBuilder::new(HttpConnector::new());
            builder.capabilities(caps);
            let url = format!("http://127.0.0.1:{port}");
            match tokio::time::timeout(Duration::from_secs(60), builder.connect(&url)).await {
                Ok(Ok(client)) => {
                    return Session {
                        client,
                        driver: Some(driver),
                        net,
                        rendering,
                        actions: Default::default(),
                        _window: window,
                    }
                }
                Ok(Err(e)) => eprintln!("WebDriver session attempt {attempt} failed: {e}"),
                Err(_) => eprintln!("WebDriver session attempt {attempt} timed out"),
            }
            drop(driver);
        }
        panic!("no WebDriver session with the app after 3 attempts");
    }

    async fn start_driver(db: &Path, today: &str, rendering: Rendering) -> (DriverProcess, u16) {
        let port = free_port();
        let mut command = Command::new("WebKitWebDriver");
        command
            .arg(format!("--port={port}"))
            .arg("--host=127.0.0.1")
            .env("TAURI_WEBVIEW_AUTOMATION", "true");
        match rendering {
            Rendering::Composited => {
                command.env("WEBKIT_DISABLE_COMPOSITING_MODE", "0");
            }
            Rendering::AsShipped => {
                command.env_remove("WEBKIT_DISABLE_COMPOSITING_MODE");
            }
        }
        let child = command
            .env("EXPORTDESK_DB", db)
            .env("EXPORTDESK_TODAY", today)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("WebKitWebDriver (Debian package webkit2gtk-driver) must be installed");
        let driver = DriverProcess(child);
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "WebKitWebDriver did not start"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        (driver, port)
    }

    fn by_testid(id: &str) -> String {
        format!("[data-testid=\"{id}\"]")
    }

    /// Wait (up to 15 s) for an element with `data-testid=id`.
    pub async fn wait(&self, id: &str) -> Element {
        let css = Self::by_testid(id);
        self.client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::Css(&css))
            .await
            .unwrap_or_else(|e| panic!("element {css} did not appear: {e}"))
    }

    pub async fn all(&self, id: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(&Self::by_testid(id)))
            .await
            .unwrap()
    }

    /// Wait until at least `n` elements with `data-testid=id` are shown.
    pub async fn wait_count(&self, id: &str, n: usize) -> Vec<Element> {
        let started = Instant::now();
        loop {
            let found = self.all(id).await;
            if found.len() >= n {
                return found;
            }
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "only {} of {n} {id} elements",
                found.len()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn fill(&self, id: &str, text: &str) {
        let el = self.wait(id).await;
        self.enter(&el, text).await;
    }

    /// How many actions a person would have taken so far: each click, each field typed into
    /// or chosen from, each file chosen. Scrolling and reading are not counted.
    pub fn actions(&self) -> usize {
        self.actions.load(std::sync::atomic::Ordering::SeqCst)
    }

    fn acted(&self) {
        self.actions
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }

    /// Choose `value` in the `<select>` with `data-testid=id`, as a person picking from the
    /// list would (one action), firing `change`.
    pub async fn select(&self, id: &str, value: &str) {
        let el = self.wait(id).await;
        self.acted();
        self.client
            .execute(
                "const [el, v] = arguments; el.value = v; el.dispatchEvent(new Event('change', { bubbles: true })); return el.value;",
                vec![serde_json::to_value(&el).unwrap(), serde_json::Value::String(value.into())],
            )
            .await
            .unwrap();
    }

    /// Type into an element as a user would, after scrolling it to the middle of the window
    /// (WebKitWebDriver does not scroll inputs inside scrolling containers by itself).
    pub async fn enter(&self, el: &Element, text: &str) {
        self.acted();
        self.client
            .execute(
                "arguments[0].scrollIntoView({block: 'center', inline: 'center'});",
                vec![serde_json::to_value(el).unwrap()],
            )
            .await
            .unwrap();
        el.clear().await.unwrap();
        el.send_keys(text).await.unwrap();
    }

    pub async fn click(&self, id: &str) {
        let el = self.wait(id).await;
        self.click_on(&el).await;
    }

    /// Click an element found otherwise (one of several rows, a button inside one).
    pub async fn click_on(&self, el: &Element) {
        self.acted();
        el.clone().click().await.unwrap();
    }

    /// Wait (up to 15 s) until the element's text contains `needle`; returns the text.
    pub async fn wait_text(&self, id: &str, needle: &str) -> String {
        let started = Instant::now();
        loop {
            let text = self.text(id).await;
            if text.contains(needle) {
                return text;
            }
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "{id} shows {text:?}, expected {needle:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The element's text content. (WebKitWebDriver's "element text" answers "" for some styled
    /// buttons, so this reads `textContent` instead.)
    pub async fn text(&self, id: &str) -> String {
        let el = self.wait(id).await;
        let arg = serde_json::to_value(&el).unwrap();
        let v = self
            .client
            .execute("return arguments[0].textContent", vec![arg])
            .await
            .unwrap();
        v.as_str().unwrap_or_default().trim().to_string()
    }

    /// Put a file into the file input `data-testid=id` as a user choosing it would, and fire
    /// `change`. (WebKitWebDriver cannot type a path into a file input, so the file is built in
    /// the page from its bytes.)
    pub async fn choose_file(&self, id: &str, path: &Path) {
        let el = self.wait(id).await;
        self.acted();
        let bytes = std::fs::read(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        self.client
            .execute(
                "const [el, name, bytes] = arguments;
                 const file = new File([new Uint8Array(bytes)], name);
                 const dt = new DataTransfer();
                 dt.items.add(file);
                 el.files = dt.files;
                 el.dispatchEvent(new Event('change', { bubbles: true }));
                 return el.files.length;",
                vec![
                    serde_json::to_value(&el).unwrap(),
                    serde_json::Value::String(name),
                    serde_json::to_value(bytes).unwrap(),
                ],
            )
            .await
            .unwrap();
    }

    /// Wait for the dialog `data-testid=id` and prove a person can read and use it: the dialog
    /// has a real box inside the window, its body is not squeezed (it scrolls only once the
    /// dialog has reached its maximum height), and its title, labels, inputs, selects, text areas
    /// and buttons each have a non-zero box that lies inside the dialog's visible area once
    /// scrolled to (WebDriver types into elements no one can see, so the tests must check).
    pub async fn dialog(&self, id: &str) -> Element {
        let el = self.wait(id).await;
        let started = Instant::now();
        loop {
            let problems = self.dialog_problems(&el).await;
            if problems.is_empty() {
                return el;
            }
            // A dialog that is still opening (fonts, an answer from the app) gets a moment.
            if started.elapsed() > Duration::from_secs(3) {
                let shot = self.screenshot(&format!("invisible-{id}")).await;
                panic!(
                    "dialog {id} is not readable ({}):\n{}",
                    shot.display(),
                    problems.join("\n")
                );
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    async fn dialog_problems(&self, dialog: &Element) -> Vec<String> {
        let arg = serde_json::to_value(dialog).unwrap();
        let v = self
            .client
            .execute(VISIBILITY_CHECK, vec![arg])
            .await
            .unwrap();
        v.as_array()
            .map(|a| {
                a.iter()
                    .map(|p| p.as_str().unwrap_or_default().to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Save a screenshot under `target/e2e-screenshots/NAME.png`.
    ///
    /// Composited, it is WebKit's own snapshot of the page. As shipped (CPU rendering) it is a
    /// capture of the X display, what a person sees: WebKitWebDriver's snapshot hung for good
    /// in that mode once a screen had changed under it (the page kept answering scripts, the
    /// snapshot never came back and every later command waited behind it).
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        // Let the webview paint what the DOM already shows (two animation frames), then capture.
        let _ = self
            .client
            .execute_async("const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));", vec![])
            .await;
        tokio::time::sleep(Duration::from_millis(250)).await;
        // The window's header and navigation never scroll away: only the screen's own area does.
        let page_scroll = self
            .client
            .execute(
                "return (document.scrollingElement || document.documentElement).scrollTop",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        assert!(
            page_scroll == 0.0,
            "{name}: the whole page is scrolled by {page_scroll} px (header out of view)"
        );
        let png = match self.rendering {
            Rendering::Composited => self.client.screenshot().await.unwrap(),
            Rendering::AsShipped => {
                // The window sits at the display's top left (Xvfb has no window manager):
                // keep its page area only.
                let size = self
                    .client
                    .execute("return [window.innerWidth, window.innerHeight]", vec![])
                    .await
                    .ok()
                    .and_then(|v| {
                        let a = v.as_array()?.clone();
                        Some((a.first()?.as_u64()? as usize, a.get(1)?.as_u64()? as usize))
                    });
                display_png(size)
            }
        };
        let path = screenshot_dir().join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap();
        path
    }

    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }

    /// The app's network calls so far.
    pub fn net(&self) -> &NetTrace {
        &self.net
    }
}

impl Drop for Session {
    /// The offline check of every window test: no call to a host other than loopback.
    fn drop(&mut self) {
        drop(self.driver.take());
        let outside = self.net.outside_calls();
        if !outside.is_empty() && !std::thread::panicking() {
            panic!(
                "the app addressed the network outside this machine:\n{}",
                outside.join("\n")
            );
        }
    }
}

/// The X display (`$DISPLAY`, the Xvfb screen) as a PNG: `xwd` (Debian `x11-apps`) dumps the
/// root window and this converts its 24/32-bit ZPixmap to PNG.
pub fn display_png(crop: Option<(usize, usize)>) -> Vec<u8> {
    let out = Command::new("xwd")
        .args(["-root", "-silent"])
        .output()
        .expect("xwd (Debian package x11-apps) is needed for screenshots of the shipped rendering");
    assert!(
        out.status.success(),
        "xwd failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    xwd_to_png(&out.stdout, crop)
}

/// Convert an XWD dump (ZPixmap, 32 bits per pixel, as Xvfb's 24-bit screens give) to PNG.
pub fn xwd_to_png(xwd: &[u8], crop: Option<(usize, usize)>) -> Vec<u8> {
    let field = |i: usize| u32::from_be_bytes(xwd[i * 4..i * 4 + 4].try_into().unwrap()) as usize;
    let (header, format, width, height) = (field(0), field(2), field(4), field(5));
    let (byte_order, bits_per_pixel, bytes_per_line, ncolors) =
        (field(7), field(11), field(12), field(19));
    assert_eq!(format, 2, "XWD: only ZPixmap dumps are read");
    assert_eq!(bits_per_pixel, 32, "XWD: only 32 bits per pixel are read");
    let (red, green, blue) = (field(14) as u32, field(15) as u32, field(16) as u32);
    let data = &xwd[header + ncolors * 12..];
    let (full_width, full_height) = (width, height);
    let (width, height) = match crop {
        Some((w, h)) if w > 0 && h > 0 => (w.min(full_width), h.min(full_height)),
        _ => (full_width, full_height),
    };
    let shift = |mask: u32| mask.trailing_zeros();
    let mut rgb = Vec::with_capacity(width * height * 3);
    for y in 0..height {
        let row = &data[y * bytes_per_line..];
        for x in 0..width {
            let b: [u8; 4] = row[x * 4..x * 4 + 4].try_into().unwrap();
            let pixel = if byte_order == 0 {
                u32::from_le_bytes(b)
            } else {
                u32::from_be_bytes(b)
            };
            for mask in [red, green, blue] {
                rgb.push(((pixel & mask) >> shift(mask)) as u8);
            }
        }
    }
    let mut png = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut png, width as u32, height as u32);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().unwrap();
        writer.write_image_data(&rgb).unwrap();
    }
    png
}

/// Count rows of a table in the app's database (read-only, beside the running app).
pub fn count_rows(db: &Path, table: &str) -> i64 {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[cfg(test)]
mod tests {
    use super::is_outside;

    #[test]
    fn only_loopback_counts_as_offline() {
        let lines = [
            (
                r#"41 connect(5, {sa_family=AF_INET, sin_port=htons(4444), sin_addr=inet_addr("127.0.0.1")}, 16) = 0"#,
                false,
            ),
            (
                r#"41 connect(3, {sa_family=AF_UNIX, sun_path="/tmp/.X11-unix/X99"}, 20) = 0"#,
                false,
            ),
            (
                r#"41 connect(9, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 0"#,
                false,
            ),
            (
                r#"41 connect(5, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.0.0.2")}, 16) = 0"#,
                true,
            ),
            (
                r#"41 sendto(7, "x", 1, 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("8.8.8.8")}, 16) = 1"#,
                true,
            ),
            (
                r#"41 connect(9, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2606:4700::1111", &sin6_addr), sin6_scope_id=0}, 28) = -1"#,
                true,
            ),
            (
                r#"41 sendto(5, "GET / HTTP/1.1", 14, MSG_NOSIGNAL, NULL, 0) = 14"#,
                false,
            ),
        ];
        for (line, outside) in lines {
            assert_eq!(is_outside(line), outside, "{line}");
        }
    }
}
