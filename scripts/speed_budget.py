#!/usr/bin/env python3
"""Speed budget of the release build, in one run on this machine:

1. Start-up: time from starting the app binary to its first screen painted with its data (the
   window reports the moment when EXPORTDESK_STARTUP_REPORT is set), under Xvfb, on a fresh
   database (onboarding) and on a shop with the sample data (dashboard). Cold runs drop the page
   cache first when the machine allows it (root), else they are marked warm.
2. Idle memory: 5 s after start-up, the proportional set size (PSS, shared pages split fairly)
   and the resident set size (RSS) summed over the app and every process it started (WebKit's
   web and network processes).
3. PDF speed: the commercial invoice of a 45-declaration shipment made by `exportdesk documents
   invoice` against LibreOffice headless converting the same invoice as a spreadsheet (.xlsx,
   same lines and totals) to PDF. Both include process start-up; median of 5.

Goals (issue 8): start-up < 1 s, idle memory < 150 MB. Run by scripts/speed-budget.sh, which
builds the release binaries and installs what is missing. Prints a Markdown table at the end.
"""

import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
PROFILE = os.environ.get("SPEED_PROFILE", "release")
APP = TARGET / PROFILE / "exportdesk-desktop"
CLI = TARGET / PROFILE / "exportdesk"
TODAY = "2026-11-27"
RUNS = int(os.environ.get("SPEED_RUNS", "5"))


def cli(db, *args, stdin=None):
    env = dict(os.environ, EXPORTDESK_TODAY=TODAY)
    out = subprocess.run([str(CLI), "--db", str(db), *args, "--json"], input=stdin,
                         capture_output=True, text=True, env=env)
    if out.returncode != 0:
        sys.exit(f"exportdesk {' '.join(args)} failed:\n{out.stdout}\n{out.stderr}")
    return json.loads(out.stdout) if out.stdout.strip() else None


def shop(db, with_shipment):
    """The sample shop; with every sample group declared, accepted and in one shipment."""
    cli(db, "seller", "set", "--name", "달무리상점", "--representative", "김하늘",
        "--business-no", "220-81-62517", "--customs-code", "DALMU1234567890",
        "--address", "서울 성동구 성수이로 7")
    cli(db, "sample", "load")
    if not with_shipment:
        return None
    decls = []
    for n, g in enumerate(cli(db, "declarations", "groups")):
        d = cli(db, "declarations", "draft", "--orders", ",".join(map(str, g["order_ids"])))
        i = str(d["declaration"]["id"])
        cli(db, "declarations", "edit", i, "--transport", "courier", "--port", "ICN")
        cli(db, "declarations", "file", i)
        cli(db, "declarations", "accept", i, "--no", f"12345-26-8{n:05}X", "--date", TODAY)
        decls.append(i)
    s = cli(db, "shipments", "create", "--declarations", ",".join(decls),
            "--consignee", "Tokyo Fulfilment", "--address", "1-2-3 Koto, Tokyo")
    return s


# ---- start-up and memory ----------------------------------------------------------------------

def drop_caches():
    try:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def descendants(pid):
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            kids = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except OSError:
            kids = []
        todo.extend(int(k) for k in kids)
    return out


def memory_kb(pid):
    """PSS and RSS summed over the process tree; `anon` is the PSS of heaps and stacks (what
    is not a mapped library or file)."""
    pss = rss = anon = 0
    names = []
    for p in descendants(pid):
        try:
            rollup = Path(f"/proc/{p}/smaps_rollup").read_text()
            names.append(Path(f"/proc/{p}/comm").read_text().strip())
        except OSError:
            continue
        for line in rollup.splitlines():
            key, _, rest = line.partition(":")
            if key == "Pss":
                pss += int(rest.split()[0])
            elif key == "Rss":
                rss += int(rest.split()[0])
            elif key == "Pss_Anon":
                anon += int(rest.split()[0])
    return pss, rss, names, anon


def start_once(db, cold):
    dropped = drop_caches() if cold else False
    env = dict(os.environ, EXPORTDESK_DB=str(db), EXPORTDESK_TODAY=TODAY,
               EXPORTDESK_STARTUP_REPORT="1")
    log = tempfile.TemporaryFile()
    t0 = time.time()
    proc = subprocess.Popen([str(APP)], env=env, stderr=subprocess.PIPE, stdout=log,
                            start_new_session=True)
    ready_ms = None
    deadline = t0 + 60
    assert proc.stderr is not None
    os.set_blocking(proc.stderr.fileno(), False)
    buf = b""
    while time.time() < deadline and ready_ms is None:
        chunk = proc.stderr.read()
        if chunk:
            buf += chunk
            for line in buf.decode(errors="replace").splitlines():
                if line.startswith("exportdesk: interactive at "):
                    ready_ms = int(line.rsplit(" ", 1)[1]) - t0 * 1000
        if proc.poll() is not None:
            break
        time.sleep(0.005)
    if ready_ms is None:
        os.killpg(proc.pid, signal.SIGKILL)
        sys.exit(f"the app did not report a painted first screen:\n{buf.decode(errors='replace')}")
    time.sleep(5)
    pss, rss, names, anon = memory_kb(proc.pid)
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    return ready_ms, pss, rss, names, dropped, anon


def startup(work):
    """Cold (page cache dropped: every library read from disk) and warm (the usual start of an
    app used earlier in the day) starts, on a fresh database and on the sample shop."""
    results = {}
    for label, seeded in (("first run (onboarding)", False), ("sample shop (dashboard)", True)):
        for cold in (True, False):
            times, psss, rsss, anons, any_dropped, names = [], [], [], [], False, []
            for i in range(RUNS):
                db = work / f"start-{seeded}-{cold}-{i}.sqlite3"
                if seeded:
                    shop(db, with_shipment=False)
                ms, pss, rss, names, dropped, anon = start_once(db, cold=cold)
                anons.append(anon)
                any_dropped |= dropped
                times.append(ms)
                psss.append(pss)
                rsss.append(rss)
            if cold and not any_dropped:
                kind = "cold requested, page cache could not be dropped (not root)"
            else:
                kind = "cold, page cache dropped" if cold else "warm"
            results[f"{label}, {kind}"] = dict(ms=times, pss=psss, rss=rsss, anon=anons, processes=names,
                                              cold=cold)
    return results


# ---- PDF: ours against LibreOffice ------------------------------------------------------------

def invoice_xlsx(path, seller, shipment, declarations):
    """The same invoice as a spreadsheet: header, one row per declared line, totals."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Commercial Invoice"
    s = shipment["shipment"]
    ws.append(["COMMERCIAL INVOICE"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["Shipper", seller])
    ws.append(["Consignee", s["consignee_name"], s["consignee_address"]])
    ws.append(["Reference", s["reference"]])
    ws.append([])
    ws.append(["No.", "Declaration", "Description", "HS code", "Origin", "Qty", "Unit",
               "Unit price", "Amount", "Currency"])
    totals = {}
    n = 0
    for d in declarations:
        for line in d["lines"]:
            n += 1
            qty = float(line["quantity"])
            amount = float(line["amount"])
            cur = d["currency"]
            totals[cur] = totals.get(cur, 0) + amount
            ws.append([n, d["declaration_no"], line["name_en"], line["hs_code"],
                       line["origin_country"], qty, line["unit"],
                       round(amount / qty, 2) if qty else 0, amount, cur])
    ws.append([])
    for cur, total in totals.items():
        ws.append(["", "", "Total", "", "", "", "", "", round(total, 2), cur])
    ws.column_dimensions["C"].width = 48
    wb.save(path)
    return n


def median_time(cmd, runs=RUNS, env=None, cwd=None):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env, cwd=cwd)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), times


def pdf_speed(work):
    db = work / "pdf.sqlite3"
    view = shop(db, with_shipment=True)
    sid = str(view["shipment"]["id"])
    shipment = cli(db, "shipments", "show", sid)
    xlsx = work / "invoice.xlsx"
    declarations = [cli(db, "declarations", "show", str(i))["declaration"]
                    for i in shipment["shipment"]["declaration_ids"]]
    lines = invoice_xlsx(xlsx, "달무리상점", shipment, declarations)
    env = dict(os.environ, EXPORTDESK_TODAY=TODAY)
    ours, ours_all = median_time([str(CLI), "--db", str(db), "documents", "invoice", sid,
                                  "--out", str(work / "invoice-ours.pdf")], env=env)
    profile = work / "lo-profile"
    lo_cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
              "--convert-to", "pdf", "--outdir", str(work / "lo"), str(xlsx)]
    subprocess.run(lo_cmd, check=True, capture_output=True)  # first start creates the profile
    lo, lo_all = median_time(lo_cmd)
    pages = subprocess.run(["pdfinfo", str(work / "invoice-ours.pdf")], capture_output=True,
                           text=True).stdout
    pages = next((l.split()[-1] for l in pages.splitlines() if l.startswith("Pages:")), "?")
    return dict(lines=lines, pages=pages, ours_ms=ours, ours_all=ours_all, lo_ms=lo,
                lo_all=lo_all)


def main():
    for binary in (APP, CLI):
        if not binary.exists():
            sys.exit(f"{binary} is missing: run scripts/speed-budget.sh (it builds it)")
    if not os.environ.get("DISPLAY"):
        sys.exit("no DISPLAY: run under xvfb-run (scripts/speed-budget.sh does)")
    work = Path(tempfile.mkdtemp(prefix="exportdesk-speed-"))
    try:
        start = startup(work)
        pdf = pdf_speed(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print()
    print(f"Speed budget — release build, {os.cpu_count()} cores, median of {RUNS} runs")
    print()
    print("| measure | median | all runs | goal |")
    print("|---|---|---|---|")
    for label, r in start.items():
        print(f"| start-up to painted first screen, {label} | "
              f"{statistics.median(r['ms']):.0f} ms | "
              f"{', '.join(f'{x:.0f}' for x in r['ms'])} | < 1000 ms |")
    for label, r in start.items():
        if not r["cold"]:
            continue
        label = label.split(",")[0]
        print(f"| idle memory 5 s after start, {label}: PSS (RSS) of "
              f"{' + '.join(sorted(set(r['processes'])))} | "
              f"{statistics.median(r['pss']) / 1024:.0f} MB "
              f"({statistics.median(r['rss']) / 1024:.0f} MB; heaps "
              f"{statistics.median(r['anon']) / 1024:.0f} MB, the rest mapped libraries) | "
              f"{', '.join(f'{x / 1024:.0f}' for x in r['pss'])} | < 150 MB |")
    print(f"| commercial invoice PDF, {pdf['lines']} lines, {pdf['pages']} pages: "
          f"`exportdesk documents invoice` | {pdf['ours_ms']:.0f} ms | "
          f"{', '.join(f'{x:.0f}' for x in pdf['ours_all'])} | |")
    print(f"| same invoice as .xlsx → PDF: LibreOffice headless (`soffice --convert-to pdf`) | "
          f"{pdf['lo_ms']:.0f} ms | {', '.join(f'{x:.0f}' for x in pdf['lo_all'])} | |")
    print()
    print(f"ExportDesk is {pdf['lo_ms'] / pdf['ours_ms']:.1f}× faster than LibreOffice for the "
          "invoice.")


if __name__ == "__main__":
    main()
