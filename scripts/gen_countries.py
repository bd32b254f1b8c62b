#!/usr/bin/env python3
"""Generate assets/countries/countries.tsv from the pycountry package.

Usage (from the repository root):

    pip install pycountry==26.2.16
    python3 scripts/gen_countries.py

Writes:
  assets/countries/countries.tsv          header `alpha2<TAB>name_en<TAB>name_ko`,
                                          one row per ISO 3166-1 country,
                                          sorted by alpha-2 code.
  assets/countries/LICENSE-pycountry.txt  licence text shipped in the package
                                          metadata (LGPL-2.1).

English name: pycountry's `common_name` when it has one (e.g. "South Korea"),
otherwise `name`. Korean name: the `ko` gettext catalogue for iso3166-1 that
pycountry ships (translations from Debian iso-codes); the translation of the
chosen English name is used, then the translation of the official-style
`name`, and if neither is translated the English name is kept. The number of
such English fallbacks is printed.
"""

import gettext
import re
import sys
from importlib import metadata
from pathlib import Path

import pycountry

EXPECTED_VERSION = "26.2.16"
ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "assets" / "countries"
TABLE = OUT_DIR / "countries.tsv"
LICENCE = OUT_DIR / "LICENSE-pycountry.txt"

WS_RE = re.compile(r"\s+")


def clean(text: str) -> str:
    return WS_RE.sub(" ", text).strip()


def korean_catalogue() -> gettext.NullTranslations:
    try:
        return gettext.translation(
            "iso3166-1", localedir=pycountry.LOCALES_DIR, languages=["ko"]
        )
    except OSError:
        sys.exit("error: pycountry has no Korean (ko) catalogue for iso3166-1")


def translate(cat: gettext.NullTranslations, msgid: str):
    """Return the Korean text for msgid, or None when it is untranslated."""
    text = cat.gettext(msgid)
    if not text or text == msgid:
        return None
    return text


def licence_text() -> str:
    dist = metadata.distribution("pycountry")
    for f in dist.files or []:
        name = f.name.upper()
        if name.startswith("LICENSE") or name.startswith("COPYING"):
            return Path(dist.locate_file(f)).read_text(encoding="utf-8")
    sys.exit("error: no licence file found in the pycountry package metadata")


def write_text(path: Path, text: str) -> None:
    text = text.replace("\r\n", "\n").rstrip("\n") + "\n"
    path.write_bytes(text.encode("utf-8"))


def main() -> None:
    version = metadata.version("pycountry")
    if version != EXPECTED_VERSION:
        print(
            f"warning: pycountry {version} installed, provenance documents "
            f"{EXPECTED_VERSION}",
            file=sys.stderr,
        )
    cat = korean_catalogue()

    rows = []
    fallbacks = []
    for country in pycountry.countries:
        alpha2 = country.alpha_2
        official = country.name
        name_en = getattr(country, "common_name", None) or official
        name_ko = translate(cat, name_en) or translate(cat, official)
        if name_ko is None:
            name_ko = name_en
            fallbacks.append(alpha2)
        rows.append((alpha2, clean(name_en), clean(name_ko)))
    rows.sort(key=lambda r: r[0])

    codes = [r[0] for r in rows]
    if len(set(codes)) != len(codes):
        sys.exit("error: duplicate alpha-2 codes")

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    lines = ["alpha2\tname_en\tname_ko"] + ["\t".join(r) for r in rows]
    write_text(TABLE, "\n".join(lines))
    write_text(LICENCE, licence_text())

    print(f"wrote {TABLE.relative_to(ROOT)}: {len(rows)} rows")
    print(f"wrote {LICENCE.relative_to(ROOT)}")
    print(
        f"Korean name fell back to English for {len(fallbacks)} countries"
        + (f": {', '.join(fallbacks)}" if fallbacks else "")
    )


if __name__ == "__main__":
    main()
