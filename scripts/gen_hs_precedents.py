#!/usr/bin/env python3
"""Generate assets/hs/precedents.tsv: product descriptions of published Korea Customs Service
classification cases (품목분류 사례) with the 10-digit code KCS gave the goods, for the HS finder's
"similar goods were classified as" suggestions.

Usage (from the repository root; Python 3 standard library only):

    python3 scripts/gen_hs_precedents.py            # write assets/hs/precedents.tsv
    python3 scripts/gen_hs_precedents.py --check    # exit 1 when the committed file differs

Source: data/dataset.csv of GitHub ghko99/Hscode at commit 09977ae3 (a scrape of the KCS customs
law portal, 관세법령정보포털: item names of classification cases with their codes), vendored
gzip-compressed as assets/sources/hs-cases/dataset.csv.gz; the SHA-256 of the uncompressed file
is pinned below. See assets/hs/PROVENANCE.md.

Rows kept:
- the code is a 10-digit code of assets/hs/hsk.tsv (cases under codes that no longer exist are
  left out: the finder must not suggest them);
- the description is a product description: at least four characters with a letter, not a
  title of a classification notice, not only a name of the tariff itself (those are searched
  from hsk.tsv and hs2022.tsv already);
- the description is not in the finder's held-out benchmark (tests/hs-finder/cases.tsv), by
  source row and by normalised text;
- a description given more than one code in the source is left out (which one is right cannot
  be told);
- one row per normalised description.

Output: header `code<TAB>description`, sorted by code then description.
"""

import csv
import gzip
import hashlib
import io
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "assets" / "sources" / "hs-cases" / "dataset.csv.gz"
SOURCE_SHA256 = "5b33c50dc5a2f3e7aa35cec32cf43f8f1c49c3cfe654ff5b1136820000c6c57c"
SOURCE_ROWS = 40312
HSK = ROOT / "assets" / "hs" / "hsk.tsv"
HS2022 = ROOT / "assets" / "hs" / "hs2022.tsv"
HELD_OUT = ROOT / "tests" / "hs-finder" / "cases.tsv"
OUT = ROOT / "assets" / "hs" / "precedents.tsv"

WS_RE = re.compile(r"\s+")
KEY_RE = re.compile(r"[^0-9a-z가-힣]+")
LETTER_RE = re.compile(r"[A-Za-z가-힣]")
NOTICE_RE = re.compile("품목분류|분류기준|회신|질의|세번분류")


def clean(text):
    return WS_RE.sub(" ", text).strip()


def key(text):
    return KEY_RE.sub("", text.casefold())


def read_source():
    raw = gzip.decompress(SOURCE.read_bytes())
    digest = hashlib.sha256(raw).hexdigest()
    if digest != SOURCE_SHA256:
        raise SystemExit(f"error: {SOURCE} holds a file with SHA-256 {digest}, expected {SOURCE_SHA256}")
    reader = csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    if next(reader) != ["hscode", "name"]:
        raise SystemExit("error: unexpected header in the source")
    rows = []
    for n, rec in enumerate(reader, start=1):
        if len(rec) != 2 or not rec[0].strip().isdigit():
            raise SystemExit(f"error: source row {n} is malformed: {rec}")
        rows.append((n, rec[0].strip().zfill(10), clean(rec[1])))
    if len(rows) != SOURCE_ROWS:
        raise SystemExit(f"error: {len(rows)} source rows, expected {SOURCE_ROWS}")
    return rows


def table_names():
    names = set()
    codes = set()
    for line in HSK.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols[0]) == 10:
            codes.add(cols[0])
        names.add(key(cols[4]))
        names.add(key(cols[5]))
    for line in HS2022.read_text(encoding="utf-8").splitlines()[1:]:
        names.add(key(line.split("\t", 1)[1]))
    names.discard("")
    return codes, names


def held_out():
    rows, keys = set(), set()
    for line in HELD_OUT.read_text(encoding="utf-8").splitlines()[1:]:
        code, desc, row = line.split("\t")
        rows.add(int(row))
        keys.add(key(desc))
    return rows, keys


def generate():
    codes, names = table_names()
    out_rows, out_keys = held_out()
    stats = Counter()
    groups = defaultdict(list)
    for n, code, desc in read_source():
        k = key(desc)
        parts = [key(p) for p in desc.split(";") if key(p)]
        if n in out_rows or k in out_keys:
            stats["held out for the benchmark"] += 1
        elif code not in codes:
            stats["code not in the HSK table"] += 1
        elif len(desc) < 4 or not LETTER_RE.search(desc):
            stats["too short or no words"] += 1
        elif NOTICE_RE.search(desc):
            stats["title of a classification notice"] += 1
        elif k in names or (parts and all(p in names for p in parts)):
            stats["only names of the tariff"] += 1
        elif "\t" in desc:
            stats["tab in the text"] += 1
        else:
            groups[k].append((code, desc))
    kept = []
    for k, items in groups.items():
        if len({c for c, _ in items}) > 1:
            stats["description with several codes"] += len(items)
            continue
        stats["repeated description"] += len(items) - 1
        kept.append(min(items))
    kept.sort()
    text = "code\tdescription\n" + "".join(f"{c}\t{d}\n" for c, d in kept)
    summary = f"{len(kept)} cases kept; left out: " + ", ".join(
        f"{v} {k}" for k, v in sorted(stats.items())
    )
    return text, summary


def main(argv):
    text, summary = generate()
    if "--check" in argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"error: {OUT} is not what the source gives; run scripts/gen_hs_precedents.py")
            return 1
        print(f"precedents.tsv is up to date: {summary}")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
