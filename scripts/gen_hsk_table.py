#!/usr/bin/env python3
"""Generate assets/hs/hsk.tsv, the Korean 10-digit tariff codes (HSK), from the Korea Customs
Service's "관세청_HS부호" data set (public data portal data set 15049722).

Usage (from the repository root; Python 3 standard library only):

    python3 scripts/gen_hsk_table.py            # write assets/hs/hsk.tsv
    python3 scripts/gen_hsk_table.py --check    # exit 1 when the committed file differs

Source: assets/sources/hsk/kcs_hs_codes_20250101.xlsx, the 2025-01-01 edition as published on
the portal (file name there: 관세청_HS부호_20250101.xlsx), with its SHA-256 pinned below. The
workbook holds three sheets, the editions of 2025-01-01, 2024-07-01 and 2024-01-01, each with
the same 20 columns: HS부호, 적용시작일자, 적용종료일자, 한글품목명, 영문품목명, …,
수량단위코드, 중량단위코드, …, 성질통합분류코드, 성질통합분류코드명.

What it writes, one row per code, sorted by code:

    code  valid_from  valid_to  qty_unit  name_ko  name_en  group_ko

- `code`: 10 digits for a tariff line; 7, 8 or 9 digits for the table's own intermediate rows
  (national groupings such as 0102.90-90 "기타 / Other" above 0102.90-9010, -9020, -9090).
- `valid_from`, `valid_to`: the row's dates (YYYY-MM-DD). A code of the newest edition ends on
  that edition's last day (the data set is republished every year); a code that only an older
  edition lists ends when that edition said it ends.
- `qty_unit`: the quantity unit code (U, M2, L, …) a declaration reports besides the net weight;
  empty when the code has none (then only the weight in KG is reported).
- `name_ko`, `name_en`: the row's own name as the table gives it. Leaf names are relative
  ("기타" / "Other"): the app reads a code's full path from its parents — this file's
  intermediate rows plus the heading and subheading names of assets/hs/hs2022.tsv.
- `group_ko`: the 성질통합분류코드명 (the KCS's grouping of goods by nature, e.g. "말",
  "유리 및 유리제품"), without its parentheses: the only Korean name of a code's wider group the
  data set gives.

Where editions disagree on a name or unit, the newest edition wins. The script fails when the
source's checksum differs, when a 10-digit code's six-digit subheading is not in hs2022.tsv
(the table is HS 2022 based), or when the counts differ from the ones recorded below.
"""

import hashlib
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "assets" / "sources" / "hsk" / "kcs_hs_codes_20250101.xlsx"
SOURCE_SHA256 = "5d4322c12dbf2e693e767173d3366c58511ec8a8369d8b04785d14ba21bed15d"
HS2022 = ROOT / "assets" / "hs" / "hs2022.tsv"
OUT = ROOT / "assets" / "hs" / "hsk.tsv"

# Sheets, newest first, as the workbook names them.
EDITIONS = ["2025.1.1.", "2024.7.1", "2024.1.1"]
# What the newest edition holds (the portal's description of data set 15049722 gives 11,327
# ten-digit codes for the 2025 edition); a different count means a different source.
EXPECTED_NEWEST = {10: 11327, 9: 170, 8: 918, 7: 52}

# Codes of the newest edition that are explained rather than refused:
# - ten-digit codes whose subheading is not in HS 2022 (Korean codes outside the nomenclature);
NATIONAL_ONLY = {
    "2424000000": "이사화물 / household goods: a Korean code for goods taxed at the simple rate "
    "(간이세율), not an HS 2022 subheading",
}
# - codes the source gives without an English name (the app shows the Korean name alone).
NO_ENGLISH_NAME = {"2309902030"}

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WS_RE = re.compile(r"\s+")
CELL_RE = re.compile(r"^([A-Z]+)(\d+)$")


def clean(text):
    return WS_RE.sub(" ", text or "").strip()


def col_index(ref):
    letters = CELL_RE.match(ref).group(1)
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - ord("A") + 1)
    return n - 1


def read_workbook(path):
    """Return {sheet name: [rows as lists of strings]} using only the standard library."""
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            root = ET.fromstring(z.read("xl/sharedStrings.xml"))
            for si in root.findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        sheets = {}
        for sheet in wb.find("m:sheets", NS):
            target = targets[sheet.get(f"{{{REL_NS}}}id")].lstrip("/")
            if not target.startswith("xl/"):
                target = "xl/" + target
            root = ET.fromstring(z.read(target))
            rows = []
            for row in root.find("m:sheetData", NS):
                cells = {}
                for c in row.findall("m:c", NS):
                    kind = c.get("t")
                    if kind == "inlineStr":
                        value = "".join(t.text or "" for t in c.iter(f"{{{NS['m']}}}t"))
                    else:
                        v = c.find("m:v", NS)
                        value = "" if v is None else (v.text or "")
                        if kind == "s" and value:
                            value = shared[int(value)]
                    cells[col_index(c.get("r"))] = value
                width = max(cells) + 1 if cells else 0
                rows.append([cells.get(i, "") for i in range(width)])
            sheets[sheet.get("name")] = rows
    return sheets


def day(text):
    text = clean(text)
    if not re.fullmatch(r"\d{8}", text):
        raise ValueError(f"not a YYYYMMDD date: {text!r}")
    return f"{text[:4]}-{text[4:6]}-{text[6:]}"


def edition_rows(rows):
    header = [clean(h) for h in rows[0]]
    want = ["HS부호", "적용시작일자", "적용종료일자", "한글품목명", "영문품목명", "수량단위코드", "성질통합분류코드명"]
    idx = {}
    for name in want:
        if name not in header:
            raise ValueError(f"column {name} missing; header is {header}")
        idx[name] = header.index(name)
    out = {}
    for n, row in enumerate(rows[1:], start=2):
        row = row + [""] * (len(header) - len(row))
        code = clean(row[idx["HS부호"]])
        if not code:
            continue
        if not re.fullmatch(r"\d{7,10}", code):
            raise ValueError(f"row {n}: not a code: {code!r}")
        if code in out:
            raise ValueError(f"row {n}: code {code} twice")
        group = clean(row[idx["성질통합분류코드명"]])
        if group.startswith("(") and group.endswith(")"):
            group = group[1:-1].strip()
        out[code] = {
            "from": day(row[idx["적용시작일자"]]),
            "to": day(row[idx["적용종료일자"]]),
            "unit": clean(row[idx["수량단위코드"]]),
            "ko": clean(row[idx["한글품목명"]]),
            "en": clean(row[idx["영문품목명"]]),
            "group": group,
        }
    return out


def generate():
    data = SOURCE.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SOURCE_SHA256:
        raise SystemExit(f"error: {SOURCE} has SHA-256 {digest}, expected {SOURCE_SHA256}")
    sheets = read_workbook(SOURCE)
    editions = []
    for name in EDITIONS:
        if name not in sheets:
            raise SystemExit(f"error: sheet {name!r} missing (sheets: {list(sheets)})")
        editions.append(edition_rows(sheets[name]))
    newest = editions[0]
    counts = {}
    for code in newest:
        counts[len(code)] = counts.get(len(code), 0) + 1
    if counts != EXPECTED_NEWEST:
        raise SystemExit(f"error: the newest edition holds {counts}, expected {EXPECTED_NEWEST}")

    subheadings = set()
    for line in HS2022.read_text(encoding="utf-8").splitlines()[1:]:
        code = line.split("\t", 1)[0]
        if len(code) == 6:
            subheadings.add(code)

    merged = {}
    for edition in editions:  # newest first: the first edition that lists a code wins
        for code, row in edition.items():
            merged.setdefault(code, row)
    problems = []
    for code, row in merged.items():
        if (
            len(code) == 10
            and code[:6] not in subheadings
            and code in newest
            and code not in NATIONAL_ONLY
        ):
            problems.append(f"{code}: subheading {code[:6]} is not in hs2022.tsv")
        if not row["ko"] or (
            len(code) == 10 and not row["en"] and code in newest and code not in NO_ENGLISH_NAME
        ):
            problems.append(f"{code}: name missing")
    if problems:
        raise SystemExit("error:\n  " + "\n  ".join(problems))

    lines = ["code\tvalid_from\tvalid_to\tqty_unit\tname_ko\tname_en\tgroup_ko"]
    for code in sorted(merged):
        r = merged[code]
        fields = [code, r["from"], r["to"], r["unit"], r["ko"], r["en"], r["group"]]
        for f in fields:
            if "\t" in f:
                raise SystemExit(f"error: {code}: a tab in {f!r}")
        lines.append("\t".join(fields))
    only_old = len(merged) - len(newest)
    summary = (
        f"{len(merged)} codes ({counts[10]} ten-digit and {len(newest) - counts[10]} intermediate "
        f"rows of the 2025-01-01 edition, {only_old} codes only older editions list)"
    )
    return "\n".join(lines) + "\n", summary


def main(argv):
    text, summary = generate()
    if "--check" in argv:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"error: {OUT} is not what {SOURCE.name} gives; run scripts/gen_hsk_table.py")
            return 1
        print(f"hsk.tsv is up to date: {summary}")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
