#!/usr/bin/env python3
"""Build tests/hs-finder/cases.tsv, a held-out benchmark for the HS code finder.

The rows are product descriptions from published Korea Customs Service (KCS)
classification cases, each with the 10-digit HSK code KCS assigned. They come
from data/dataset.csv of the GitHub repository ghko99/Hscode (a scrape of the
KCS customs law portal), and every code is checked against the official HSK
code list, 2025-01-01 edition. See tests/hs-finder/SOURCE.md.

Usage (from the repository root; the defaults are the paths shown):

    python3 scripts/gen_hs_bench_cases.py \\
        --mirror /work/.mirror/ghko99+Hscode/repo \\
        --commit 09977ae3e965a1880be1166d8b1d7a1ed8c5d668 \\
        --xlsx /work/hsk/hsk_20250101.xlsx \\
        --hs-table assets/hs/hs2022.tsv \\
        --out tests/hs-finder/cases.tsv

Inputs:
  --mirror/--commit  git directory of ghko99/Hscode and the commit to read
                     data/dataset.csv from (read with `git show`, no work tree
                     needed); alternatively --dataset-csv FILE reads a copy.
  --xlsx             KCS "관세청_HS부호" workbook; the first sheet is used.
                     Read with zipfile + xml.etree (no openpyxl needed).
  --hs-table         assets/hs/hs2022.tsv, only read for the English names of
                     the HS chapter/heading/subheading levels (name filter).

The input files are checked against known sha256 digests (--no-verify skips
that). The output depends only on the inputs: the sampling is ordered by
sha256 digests, never by random numbers or dates, so re-running gives a
byte-identical file.

Only the Python 3 standard library (and the `git` command for --mirror) is used.
"""

import argparse
import csv
import hashlib
import io
import math
import re
import subprocess
import sys
import zipfile
from collections import Counter, defaultdict
from pathlib import Path
from xml.etree import ElementTree as ET

ROOT = Path(__file__).resolve().parent.parent

DEFAULT_MIRROR = "/work/.mirror/ghko99+Hscode/repo"
DEFAULT_COMMIT = "09977ae3e965a1880be1166d8b1d7a1ed8c5d668"
DATASET_PATH = "data/dataset.csv"
DEFAULT_XLSX = "/work/hsk/hsk_20250101.xlsx"
DEFAULT_HS_TABLE = ROOT / "assets" / "hs" / "hs2022.tsv"
DEFAULT_OUT = ROOT / "tests" / "hs-finder" / "cases.tsv"

DATASET_SHA256 = "5b33c50dc5a2f3e7aa35cec32cf43f8f1c49c3cfe654ff5b1136820000c6c57c"
XLSX_SHA256 = "5d4322c12dbf2e693e767173d3366c58511ec8a8369d8b04785d14ba21bed15d"
DATASET_ROWS = 40312

# Chapters of goods that small online shops typically export.
CHAPTERS = (
    ["04", "09"]
    + [f"{c}" for c in range(15, 23)]  # foods, drinks, sauces, ginseng
    + ["33", "34", "39", "40", "42", "44", "48", "49"]
    + [f"{c}" for c in range(56, 64)]  # textiles, apparel, accessories
    + ["64", "65", "66", "67", "68", "69", "70", "71"]
    + ["73", "76", "82", "83", "84", "85", "90", "91", "92", "94", "95", "96"]
)

# Per-chapter quota: ceil(sqrt(candidates)), clamped to [MIN_QUOTA, MAX_QUOTA]
# (and never more than the candidates available). Big chapters get more rows,
# but no chapter dominates.
MIN_QUOTA = 6
MAX_QUOTA = 20
# Share of each chapter's quota filled from descriptions containing Hangul
# first; the rest from the others. A short pool is topped up from the other.
HANGUL_SHARE = 0.6

# Checks on the final set.
MIN_TOTAL = 350
MAX_CHAPTER_SHARE = 0.12
MIN_HANGUL_SHARE = 0.40

MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"

WS_RE = re.compile(r"\s+")
HANGUL_RE = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
# Characters that count for comparing descriptions: digits, Latin letters,
# Hangul. Everything else (spaces, punctuation, "ㆍ") is ignored. The upstream
# preprocessing already stripped most punctuation from dataset.csv, so the
# official names must be compared the same way.
NON_KEY_RE = re.compile("[^0-9a-z\uac00-\ud7a3]")
# A "word": a run of at least 3 Latin letters, or of Hangul syllables, that is
# not glued to digits (so part numbers like SS1506170005 or K23 do not count).
WORD_RE = re.compile(r"(?<![0-9A-Za-z])(?:[A-Za-z]{3,}|[\uac00-\ud7a3]+)(?![0-9A-Za-z])")
# Titles of classification notices rather than goods ("... 품목분류 회신",
# "볶은 옥수수 분류기준", "세번분류와 관세환급").
NOTICE_RE = re.compile("품목분류|분류기준|회신|질의|세번분류")
COL_RE = re.compile(r"^([A-Z]+)(\d+)$")
MIN_DESC_CHARS = 4


def fail(msg):
    sys.exit(f"error: {msg}")


def clean(text):
    """Collapse any run of whitespace (tabs, newlines, ...) into one space."""
    return WS_RE.sub(" ", text).strip()


def key(text):
    """Normalised form used for name matching and de-duplication."""
    return NON_KEY_RE.sub("", text.casefold())


def sha256(data):
    return hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------
# Inputs


def read_dataset(args):
    if args.dataset_csv:
        raw = Path(args.dataset_csv).read_bytes()
        origin = args.dataset_csv
    else:
        spec = f"{args.commit}:{DATASET_PATH}"
        try:
            raw = subprocess.run(
                ["git", "-C", args.mirror, "show", spec],
                check=True,
                capture_output=True,
            ).stdout
        except (OSError, subprocess.CalledProcessError) as exc:
            fail(f"cannot read {spec} from {args.mirror}: {exc}")
        origin = f"{args.mirror} {spec}"
    digest = sha256(raw)
    if not args.no_verify and digest != DATASET_SHA256:
        fail(f"{origin}: sha256 {digest}, expected {DATASET_SHA256}")
    text = raw.decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    if header != ["hscode", "name"]:
        fail(f"{origin}: unexpected header {header}")
    rows = []
    for number, rec in enumerate(reader, start=1):
        if len(rec) != 2:
            fail(f"{origin}: data row {number} has {len(rec)} fields")
        code, name = rec[0].strip(), rec[1]
        if not code.isdigit() or len(code) not in (9, 10):
            fail(f"{origin}: data row {number} has bad code {code!r}")
        # The code lost its leading zero when it was stored as a number.
        rows.append((number, code.zfill(10), name))
    if not args.no_verify and len(rows) != DATASET_ROWS:
        fail(f"{origin}: {len(rows)} data rows, expected {DATASET_ROWS}")
    return rows


def read_xlsx(path, verify):
    """Return (leaf_codes, official_names) from the first sheet of the workbook.

    leaf_codes: the 10-digit codes in column A.
    official_names: keys of every Korean (D) and English (E) name in the
    sheet, including the 7/8/9-digit grouping rows.
    """
    raw = Path(path).read_bytes()
    digest = sha256(raw)
    if verify and digest != XLSX_SHA256:
        fail(f"{path}: sha256 {digest}, expected {XLSX_SHA256}")
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        shared = []
        if "xl/sharedStrings.xml" in zf.namelist():
            sst = ET.fromstring(zf.read("xl/sharedStrings.xml"))
            for si in sst.iter(f"{MAIN_NS}si"):
                # Plain <t>, or rich text runs <r><t>; skip phonetic <rPh>.
                parts = [t.text or "" for t in si.findall(f"{MAIN_NS}t")]
                for run in si.findall(f"{MAIN_NS}r"):
                    parts.extend(t.text or "" for t in run.findall(f"{MAIN_NS}t"))
                shared.append("".join(parts))
        workbook = ET.fromstring(zf.read("xl/workbook.xml"))
        first = workbook.find(f"{MAIN_NS}sheets/{MAIN_NS}sheet")
        if first is None:
            fail(f"{path}: no sheets")
        rel_id = first.get(f"{REL_NS}id")
        rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        target = None
        for rel in rels.iter(f"{PKG_REL_NS}Relationship"):
            if rel.get("Id") == rel_id:
                target = rel.get("Target")
        if target is None:
            fail(f"{path}: cannot resolve sheet {first.get('name')!r}")
        target = target.lstrip("/")
        if not target.startswith("xl/"):
            target = "xl/" + target
        sheet = ET.fromstring(zf.read(target))

    def value(cell):
        kind = cell.get("t")
        if kind == "inlineStr":
            return "".join(t.text or "" for t in cell.iter(f"{MAIN_NS}t"))
        v = cell.find(f"{MAIN_NS}v")
        if v is None or v.text is None:
            return ""
        if kind == "s":
            return shared[int(v.text)]
        return v.text

    leaves = set()
    names = set()
    header = None
    for row in sheet.iter(f"{MAIN_NS}row"):
        cells = {}
        for cell in row.findall(f"{MAIN_NS}c"):
            m = COL_RE.match(cell.get("r", ""))
            if m:
                cells[m.group(1)] = value(cell)
        if header is None:
            header = cells
            if clean(cells.get("A", "")) != "HS부호":
                fail(f"{path}: first sheet, A1 is {cells.get('A')!r}, expected 'HS부호'")
            continue
        code = clean(cells.get("A", ""))
        if not code:
            continue
        if not code.isdigit():
            fail(f"{path}: bad code {code!r} in row {row.get('r')}")
        if len(code) == 10:
            leaves.add(code)
        for col in ("D", "E"):
            k = key(cells.get(col, ""))
            if k:
                names.add(k)
    if not leaves:
        fail(f"{path}: no 10-digit codes found")
    return leaves, names


def read_hs_table(path):
    """Keys of the English names of the HS 2/4/6-digit levels."""
    names = set()
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    if not lines or lines[0] != "code\tdescription_en":
        fail(f"{path}: unexpected header")
    for line in lines[1:]:
        _, desc = line.split("\t", 1)
        k = key(desc)
        if k:
            names.add(k)
    return names


# --------------------------------------------------------------------------
# Selection


def is_table_name(desc, names):
    """True if the description is an official name, or only a ';'-joined path
    of official names (e.g. "Potato starch;Powder")."""
    if key(desc) in names:
        return True
    parts = [key(p) for p in desc.split(";")]
    parts = [p for p in parts if p]
    return bool(parts) and all(p in names for p in parts)


def has_hangul(text):
    return HANGUL_RE.search(text) is not None


def quota(available):
    want = max(MIN_QUOTA, min(MAX_QUOTA, math.ceil(math.sqrt(available))))
    return min(available, want)


def select(rows, leaves, names):
    stats = Counter()
    wanted = set(CHAPTERS)
    # Stage 1: per-row filters.
    kept = []
    for number, code, name in rows:
        desc = clean(name)
        if code[:2] not in wanted:
            stats["other chapter"] += 1
            continue
        if code not in leaves:
            stats["code not in HSK 2025-01-01"] += 1
            continue
        if len(desc) < MIN_DESC_CHARS or not WORD_RE.search(desc):
            stats["too short / only codes or numbers"] += 1
            continue
        if NOTICE_RE.search(desc):
            stats["title of a classification notice"] += 1
            continue
        if is_table_name(desc, names):
            stats["equals a tariff table name"] += 1
            continue
        kept.append((number, code, desc))
    # Stage 2: one row per normalised description. A description seen with
    # more than one code is ambiguous as a test case, so it is dropped.
    groups = defaultdict(list)
    for item in kept:
        groups[key(item[2])].append(item)
    unique = []
    for k in sorted(groups):
        items = groups[k]
        if len({code for _, code, _ in items}) > 1:
            stats["description with conflicting codes"] += len(items)
            continue
        stats["duplicate description"] += len(items) - 1
        unique.append(min(items))  # lowest source row
    # Stage 3: deterministic sample per chapter.
    by_chapter = defaultdict(list)
    for item in unique:
        by_chapter[item[1][:2]].append(item)

    def order(item):
        _, code, desc = item
        return (sha256(f"{code}\t{desc}".encode("utf-8")), item[0])

    chosen = []
    available = {}
    for chapter in CHAPTERS:
        pool = by_chapter.get(chapter, [])
        available[chapter] = len(pool)
        if not pool:
            continue
        q = quota(len(pool))
        ko = sorted((i for i in pool if has_hangul(i[2])), key=order)
        other = sorted((i for i in pool if not has_hangul(i[2])), key=order)
        n_ko = min(len(ko), math.ceil(q * HANGUL_SHARE))
        n_other = min(len(other), q - n_ko)
        n_ko = min(len(ko), q - n_other)
        chosen.extend(ko[:n_ko] + other[:n_other])
    chosen.sort(key=lambda i: (i[1], i[2], i[0]))
    return chosen, stats, available


def check(chosen, available):
    problems = []
    total = len(chosen)
    per = Counter(code[:2] for _, code, _ in chosen)
    if total < MIN_TOTAL:
        problems.append(f"only {total} rows, want at least {MIN_TOTAL}")
    for chapter in CHAPTERS:
        if available[chapter] and not per[chapter]:
            problems.append(f"chapter {chapter} has candidates but no rows")
    for chapter, n in per.items():
        if n > MAX_CHAPTER_SHARE * total:
            problems.append(f"chapter {chapter} has {n} of {total} rows")
    ko = sum(1 for _, _, d in chosen if has_hangul(d))
    if ko < MIN_HANGUL_SHARE * total:
        problems.append(f"only {ko} of {total} rows contain Hangul")
    descs = Counter(key(d) for _, _, d in chosen)
    if any(n > 1 for n in descs.values()):
        problems.append("duplicate descriptions in output")
    for _, code, desc in chosen:
        if len(code) != 10 or not code.isdigit() or "\t" in desc or "\n" in desc:
            problems.append(f"malformed row {code!r} {desc!r}")
    if problems:
        fail("; ".join(problems))
    return per, ko


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mirror", default=DEFAULT_MIRROR, help="git directory of ghko99/Hscode")
    ap.add_argument("--commit", default=DEFAULT_COMMIT)
    ap.add_argument("--dataset-csv", help="read dataset.csv from this file instead of git")
    ap.add_argument("--xlsx", default=DEFAULT_XLSX, help="KCS HSK code list (.xlsx)")
    ap.add_argument("--hs-table", default=str(DEFAULT_HS_TABLE), help="HS level names (TSV)")
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--no-verify", action="store_true", help="skip the sha256/row-count checks")
    args = ap.parse_args()

    rows = read_dataset(args)
    leaves, names = read_xlsx(args.xlsx, not args.no_verify)
    names |= read_hs_table(args.hs_table)
    chosen, stats, available = select(rows, leaves, names)
    per, ko = check(chosen, available)

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("code\tdescription\tsource_row\n")
        for number, code, desc in chosen:
            f.write(f"{code}\t{desc}\t{number}\n")

    total = len(chosen)
    print(f"read {len(rows)} data rows, {len(leaves)} HSK 10-digit codes", file=sys.stderr)
    for reason in sorted(stats):
        print(f"  dropped ({reason}): {stats[reason]}", file=sys.stderr)
    print(f"wrote {out}: {total} rows, {ko} with Hangul ({100 * ko / total:.1f}%)", file=sys.stderr)
    per_ko = Counter(code[:2] for _, code, d in chosen if has_hangul(d))
    for chapter in CHAPTERS:
        print(
            f"  chapter {chapter}: {per[chapter]:3d} rows ({per_ko[chapter]:2d} with Hangul)"
            f" of {available[chapter]:4d} candidates",
            file=sys.stderr,
        )


if __name__ == "__main__":
    main()
