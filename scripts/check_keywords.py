#!/usr/bin/env python3
"""Validate assets/hs/keywords.tsv against assets/hs/hs2022.tsv.

Usage (from the repository root, stdlib only):

    python3 scripts/check_keywords.py

Checks:
  * both files are UTF-8, LF-only, end with exactly one newline;
  * keywords.tsv header is `code<TAB>keywords_ko<TAB>keywords_en`;
  * every row has three fields, and its code is 2, 4 or 6 digits and
    exists in hs2022.tsv;
  * keyword lists are comma-separated, with no empty items and no
    surrounding whitespace;
  * no keyword (case-insensitive) is listed twice in the same column for
    the same code, within a row or across rows.

Exits 1 and lists every problem found, or prints a summary and exits 0.
"""

import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HS_TABLE = ROOT / "assets" / "hs" / "hs2022.tsv"
KEYWORDS = ROOT / "assets" / "hs" / "keywords.tsv"

CODE_RE = re.compile(r"^(?:\d{2}|\d{4}|\d{6})$")


def read_lines(path: Path, errors: list) -> list:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        errors.append(f"{path.name}: not UTF-8 ({exc})")
        return []
    if text.startswith("\ufeff"):
        errors.append(f"{path.name}: starts with a byte-order mark")
    if "\r" in text:
        errors.append(f"{path.name}: contains CR characters (use LF only)")
    if not text.endswith("\n"):
        errors.append(f"{path.name}: does not end with a newline")
    elif text.endswith("\n\n"):
        errors.append(f"{path.name}: has trailing blank lines")
    return text.rstrip("\n").split("\n")


def load_hs_codes(errors: list) -> set:
    lines = read_lines(HS_TABLE, errors)
    if not lines or lines[0] != "code\tdescription_en":
        errors.append(f"{HS_TABLE.name}: unexpected header")
    codes = set()
    for line in lines[1:]:
        code = line.split("\t", 1)[0]
        codes.add(code)
    return codes


def main() -> int:
    errors: list = []
    hs_codes = load_hs_codes(errors)
    lines = read_lines(KEYWORDS, errors)
    if not lines:
        errors.append(f"{KEYWORDS.name}: empty")
    elif lines[0] != "code\tkeywords_ko\tkeywords_en":
        errors.append(f"{KEYWORDS.name}: unexpected header {lines[0]!r}")

    seen = defaultdict(dict)  # code -> {(column, keyword.lower()): line number}
    rows = 0
    codes_used = set()
    for lineno, line in enumerate(lines[1:], start=2):
        where = f"{KEYWORDS.name}:{lineno}"
        if not line.strip():
            errors.append(f"{where}: blank line")
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            errors.append(f"{where}: expected 3 tab-separated fields, got {len(fields)}")
            continue
        rows += 1
        code, ko, en = fields
        if not CODE_RE.match(code):
            errors.append(f"{where}: code {code!r} is not 2, 4 or 6 digits")
        elif code not in hs_codes:
            errors.append(f"{where}: code {code} is not in {HS_TABLE.name}")
        codes_used.add(code)
        for column, field in (("keywords_ko", ko), ("keywords_en", en)):
            if not field:
                errors.append(f"{where}: {column} is empty")
                continue
            for kw in field.split(","):
                if not kw:
                    errors.append(f"{where}: {column} has an empty item")
                    continue
                if kw != kw.strip():
                    errors.append(f"{where}: {column} item {kw!r} has surrounding spaces")
                key = (column, kw.strip().lower())
                first = seen[code].get(key)
                if first is not None:
                    errors.append(
                        f"{where}: keyword {kw!r} already listed for {code} on line {first}"
                    )
                else:
                    seen[code][key] = lineno

    if errors:
        for err in errors:
            print(f"error: {err}", file=sys.stderr)
        print(f"{len(errors)} problem(s) found", file=sys.stderr)
        return 1
    print(
        f"ok: {rows} keyword rows, {len(codes_used)} distinct codes, "
        f"all present in {HS_TABLE.name} ({len(hs_codes)} codes)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
