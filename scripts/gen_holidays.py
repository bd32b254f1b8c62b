#!/usr/bin/env python3
"""Generate assets/rulebook/holidays.toml from two independent sources that must agree.

Usage (from the repository root):

    pip install holidays==0.109
    python3 scripts/gen_holidays.py            # regenerate assets/rulebook/holidays.toml
    python3 scripts/gen_holidays.py --check    # CI: fail if the committed file is not what
                                               # this script generates
    python3 scripts/gen_holidays.py --vendor GIT_DIR
                                               # refresh assets/sources/holidays-kr/
                                               # from a git directory of hyunbinseo/holidays-kr

Sources:

  A. python-holidays (PyPI package "holidays", MIT), pinned to HOLIDAYS_VERSION, country KR.
     Public holidays (category PUBLIC) plus Labour Day from its BANK category, where the package
     keeps 근로자의 날 for the years before 2026, when it was not yet a public holiday.
  B. hyunbinseo/holidays-kr (MIT): the official calendar notice (월력요항, published in the
     Official Gazette) as one CSV file per year. The files used are vendored byte for byte in
     assets/sources/holidays-kr/ and checked against the SHA-256 sums below, so the
     script runs offline.

Every year that both sources cover, and at least FIRST_YEAR..LAST_YEAR, is written. Where both
cover a year, each date that only one of them lists is printed; the run fails (exit 1) unless the
date is explained in KNOWN_DIFFERENCES below. The same table also supplies days the law requires
in years that only source A covers (a source older than a law change).

A year is `verified = true` when it comes from the notice (source B) and source A agrees; a year
that only source A covers is `verified = false`, with a note saying why.

Exit codes: 0 done; 1 unexplained disagreement, or --check found a difference; 2 the sources are
not the pinned ones (wrong package version, checksum mismatch, unknown holiday name).
"""

from __future__ import annotations

import argparse
import csv
import difflib
import hashlib
import io
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "rulebook" / "holidays.toml"
VENDOR_DIR = ROOT / "assets" / "sources" / "holidays-kr"

FIRST_YEAR = 2014
LAST_YEAR = 2030

# Source A: python-holidays.
HOLIDAYS_VERSION = "0.109"
# SHA-256 of holidays-0.109-py3-none-any.whl as served by PyPI (recorded for provenance; pip
# installs by version).
HOLIDAYS_WHEEL_SHA256 = "7d39c910167116d41fa6aae18d5e72b4541700cdd37743d799c83db3419201b0"

# Source B: hyunbinseo/holidays-kr, npm package version 5.2027.1; the yearly CSV files last
# changed in commit 79b273f (2026-06-30).
HOLIDAYS_KR_REPO = "hyunbinseo/holidays-kr"
HOLIDAYS_KR_COMMIT = "342fbdcd9a785392ca2aa24332afe7b809698e16"
HOLIDAYS_KR_LICENSE_SHA256 = "a098eb7025670425793476f83fc129be08e5bd91f589d4f3ac8cdcf06b9edbc2"
# public/<year>.csv at that commit -> SHA-256 of the file.
HOLIDAYS_KR_FILES = {
    2018: "5e3f1266254ce16b23c82a496143ffd8d02d529989c70a6d426e439606800ae3",
    2019: "d993491209ef4be1bde36617e7a59c84b51c3092c99099169f1dbf4b5ddf8b12",
    2020: "d2b5dd97691bd6ba9ef174cd893b8f380761fe2167477b9f88cd829f613d9059",
    2021: "f6726a4e699ceb3e930b0009a620a7f2d2c60488c9a00d924dba191b15916f66",
    2022: "abec02fcb618a08e06824a6838647a6e00c75384a8bc89433f1525bf2cac2008",
    2023: "d5c1aa7f6f4bfa34adea313a91e0a8462a6aea203ae8b98a46c51a9473d62b5d",
    2024: "663bf21831264d9a07719406422c001ec775e12e62a7e1bb806fe506e88eb6ec",
    2025: "7e45b77a34527c954b92d48edab81418923a8d4bd8fe26e129dde57728bdf7b9",
    2026: "05880d9d02d5c1c1df3e41e018bd99445fd62256505a8b2e4a93e422800c06f7",
    2027: "2cd462bfa761331e7896e6fe73c0d73152c7175333bca15d5098062214b6ace8",
}

SOURCE_A = f"python-holidays {HOLIDAYS_VERSION}"
SOURCE_B = f"holidays-kr@{HOLIDAYS_KR_COMMIT[:7]}"

# The first lines of holidays.toml, kept as they were before the file was generated.
HEADER = """\
# Non-working days that move a customs deadline to the next working day (Customs Act art. 8(3)):
# public holidays and substitute holidays (관공서의 공휴일에 관한 규정), Labour Day (노동절/근로자의 날).
# Saturdays and Sundays are handled by the calendar, not listed here. Users may correct this table.
"""


# ---------------------------------------------------------------------------------------------
# Kinds of day and the names the table shows for them (Korean, English).

KIND_NAMES = {
    "new_year": ("신정", "New Year's Day"),
    "seollal_eve": ("설날 전날", "Day before Seollal"),
    "seollal": ("설날", "Seollal (Lunar New Year)"),
    "seollal_next": ("설날 다음 날", "Day after Seollal"),
    "independence": ("3·1절", "Independence Movement Day"),
    "labour": ("노동절", "Labour Day"),  # named 근로자의 날 before 2026, see kind_name()
    "children": ("어린이날", "Children's Day"),
    "buddha": ("부처님 오신 날", "Buddha's Birthday"),
    "memorial": ("현충일", "Memorial Day"),
    "constitution": ("제헌절", "Constitution Day"),
    "liberation": ("광복절", "Liberation Day"),
    "chuseok_eve": ("추석 전날", "Day before Chuseok"),
    "chuseok": ("추석", "Chuseok"),
    "chuseok_next": ("추석 다음 날", "Day after Chuseok"),
    "foundation": ("개천절", "National Foundation Day"),
    "hangeul": ("한글날", "Hangeul Day"),
    "christmas": ("성탄절", "Christmas Day"),
    "election_assembly": ("국회의원 선거일", "National Assembly election day"),
    "election_president": ("대통령 선거일", "Presidential election day"),
    "election_local": ("전국동시지방선거일", "Local elections day"),
    "temporary": ("임시공휴일", "Temporary holiday"),
    "armed_forces": ("임시공휴일(국군의 날)", "Temporary holiday (Armed Forces Day)"),
}
KIND_ORDER = list(KIND_NAMES)
SUB = "sub:"  # prefix of a substitute holiday's kind: "sub:labour"

# python-holidays' English names (language="en_US") -> kind.
PY_NAMES = {
    "New Year's Day": "new_year",
    "The day preceding Korean New Year": "seollal_eve",
    "Korean New Year": "seollal",
    "The second day of Korean New Year": "seollal_next",
    "Independence Movement Day": "independence",
    "Labor Day": "labour",
    "Workers' Day": "labour",
    "Children's Day": "children",
    "Buddha's Birthday": "buddha",
    "Memorial Day": "memorial",
    "Constitution Day": "constitution",
    "Liberation Day": "liberation",
    "The day preceding Chuseok": "chuseok_eve",
    "Chuseok": "chuseok",
    "The second day of Chuseok": "chuseok_next",
    "National Foundation Day": "foundation",
    "Hangul Day": "hangeul",
    "Christmas Day": "christmas",
    "National Assembly Election Day": "election_assembly",
    "Presidential Election Day": "election_president",
    "Local Election Day": "election_local",
    "Temporary Public Holiday": "temporary",
    "Armed Forces Day": "armed_forces",
}
PY_SUBSTITUTE = "Alternative holiday for "

# holidays-kr's Korean names -> kind (names follow the Public Holidays Act).
KR_NAMES = {
    "1월 1일": "new_year",
    "설날 전날": "seollal_eve",
    "설날": "seollal",
    "설날 다음 날": "seollal_next",
    "3ㆍ1절": "independence",
    "노동절": "labour",
    "어린이날": "children",
    "부처님 오신 날": "buddha",
    "현충일": "memorial",
    "제헌절": "constitution",
    "광복절": "liberation",
    "추석 전날": "chuseok_eve",
    "추석": "chuseok",
    "추석 다음 날": "chuseok_next",
    "개천절": "foundation",
    "한글날": "hangeul",
    "기독탄신일": "christmas",
    "임시공휴일": "temporary",
    "임시공휴일(대통령선거)": "election_president",
    "대통령선거": "election_president",
    "전국동시지방선거": "election_local",
}
KR_ASSEMBLY_ELECTION = re.compile(r"^제\d+대 ?국회의원선거$")
KR_SUBSTITUTE = re.compile(r"^대체공휴일\((.+)\)$")


# ---------------------------------------------------------------------------------------------
# Known differences between the sources, and days the law requires that a source may lack.
#
# Each entry lists its dates explicitly, with the kind of day, whether the day is kept in the
# table (keep=True) or left out (keep=False), and the reason. It is applied to whichever source
# differs from it:
#   - in a year both sources cover, a date only one of them lists is explained by an entry that
#     names that date; the entry decides whether the date goes into the table;
#   - in a year only python-holidays covers, a keep=True date it lacks is added (and printed),
#     and a keep=False date it has is removed.
# A date that only one source lists and no entry names fails the run.
# The run prints how many dates of each entry were needed: an entry needed for no date means
# both sources now agree there (e.g. after a source was updated); it may then be trimmed.


@dataclass(frozen=True)
class KnownDifference:
    id: str
    keep: bool
    days: dict  # ISO date -> kind
    reason: str


KNOWN_DIFFERENCES = [
    # Labour Day before 2026. holidays-kr lists the public holidays of the Public Holidays Act /
    # the Regulations on Holidays of Government Offices only, and 1 May was not one of them
    # before 2026. It was a paid holiday under the Labour Day Act (근로자의 날 제정에 관한 법률),
    # and Customs Act art. 8(3) names Labour Day among the days that move a deadline, so it is a
    # non-working day here in every year. python-holidays keeps it (as "Workers' Day",
    # 근로자의날) in its BANK category up to 2025, which this script reads for that day only.
    # Expected: holidays-kr lacks 2018..2025 (8 dates, printed on every run). It does not cover
    # 2014..2017, where python-holidays has the day; those dates are listed so that Labour Day
    # stays in the table even if a later python-holidays dropped its BANK entry.
    KnownDifference(
        id="labour-day-before-2026",
        keep=True,
        days={
            "2014-05-01": "labour",
            "2015-05-01": "labour",
            "2016-05-01": "labour",
            "2017-05-01": "labour",
            "2018-05-01": "labour",
            "2019-05-01": "labour",
            "2020-05-01": "labour",
            "2021-05-01": "labour",
            "2022-05-01": "labour",
            "2023-05-01": "labour",
            "2024-05-01": "labour",
            "2025-05-01": "labour",
        },
        reason=(
            "Labour Day (1 May) was not a public holiday before 2026, so the calendar notice "
            "omits it, but it is a paid holiday under the Labour Day Act and Customs Act "
            "art. 8(3) moves deadlines past it"
        ),
    ),
    # The Public Holidays Act amendment promulgated 2026-02-10: Constitution Day (17 July) is a
    # public holiday again from 2026, Labour Day (1 May) is a public holiday from 2026, and both
    # get a substitute holiday when they fall on a Saturday, a Sunday or another holiday. A
    # source released before the amendment lacks these days; the script adds them. With the
    # pinned versions (holidays-kr@342fbdc has the 2026 and 2027 notices; python-holidays 0.109
    # implements the amendment) no source lacks them, so this entry is needed for no date now.
    # The substitutes below were worked out by hand from the rule: 2027-05-01 is a Saturday
    # (Sunday 05-02, so Monday 05-03); 2027-07-17 is a Saturday (Monday 07-19). 1 May and
    # 17 July fall on weekdays in 2026 and 2028-2030.
    KnownDifference(
        id="public-holidays-act-2026",
        keep=True,
        days={
            "2026-05-01": "labour",
            "2026-07-17": "constitution",
            "2027-05-01": "labour",
            "2027-05-03": SUB + "labour",
            "2027-07-17": "constitution",
            "2027-07-19": SUB + "constitution",
            "2028-05-01": "labour",
            "2028-07-17": "constitution",
            "2029-05-01": "labour",
            "2029-07-17": "constitution",
            "2030-05-01": "labour",
            "2030-07-17": "constitution",
        },
        reason=(
            "Public Holidays Act amendment promulgated 2026-02-10: Constitution Day is a public "
            "holiday from 2026 and Labour Day has substitute holidays from 2026; applied where "
            "a source predates it"
        ),
    ),
]


# ---------------------------------------------------------------------------------------------
# Reading the sources.


class SourceError(Exception):
    """The sources are not the pinned ones or contain something this script does not know."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def py_kind(name: str) -> str:
    if "(estimated)" in name:
        # The package marks dates beyond its lunar tables as estimates; none are expected for
        # FIRST_YEAR..LAST_YEAR.
        raise SourceError(f"python-holidays gives an estimated date: {name!r}")
    if name.startswith(PY_SUBSTITUTE):
        return SUB + py_kind(name[len(PY_SUBSTITUTE) :])
    try:
        return PY_NAMES[name]
    except KeyError:
        raise SourceError(f"python-holidays name not in PY_NAMES: {name!r}") from None


def kr_kind(name: str) -> str:
    m = KR_SUBSTITUTE.match(name)
    if m:
        return SUB + kr_kind(m.group(1))
    if KR_ASSEMBLY_ELECTION.match(name):
        return "election_assembly"
    try:
        return KR_NAMES[name]
    except KeyError:
        raise SourceError(f"holidays-kr name not in KR_NAMES: {name!r}") from None


def load_python_holidays(years: list[int]) -> dict[int, dict[date, list[str]]]:
    try:
        import holidays
        from holidays.constants import BANK, PUBLIC
    except ImportError:
        raise SourceError(
            f"the PyPI package 'holidays' is not installed: pip install holidays=={HOLIDAYS_VERSION}"
        ) from None
    from importlib import metadata

    installed = metadata.version("holidays")
    if installed != HOLIDAYS_VERSION:
        raise SourceError(
            f"python-holidays {installed} is installed, {HOLIDAYS_VERSION} is pinned: "
            f"pip install holidays=={HOLIDAYS_VERSION}"
        )
    out: dict[int, dict[date, list[str]]] = {}
    for year in years:
        days: dict[date, list[str]] = {}
        public = holidays.SouthKorea(years=year, categories=(PUBLIC,), language="en_US")
        for d in public:
            days[d] = [py_kind(n) for n in public.get_list(d)]
        bank = holidays.SouthKorea(years=year, categories=(BANK,), language="en_US")
        for d in bank:
            kinds = [py_kind(n) for n in bank.get_list(d)]
            if kinds != ["labour"]:
                raise SourceError(f"python-holidays BANK day {d} is not Labour Day: {kinds}")
            listed = days.setdefault(d, [])
            if "labour" not in listed:
                listed.append("labour")
        out[year] = days
    return out


def vendored_file(year: int) -> Path:
    return VENDOR_DIR / f"{year}.csv"


def load_holidays_kr() -> dict[int, dict[date, list[str]]]:
    out: dict[int, dict[date, list[str]]] = {}
    for year, expected in HOLIDAYS_KR_FILES.items():
        path = vendored_file(year)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise SourceError(f"{path.relative_to(ROOT)} is missing (see --vendor)") from None
        if sha256(data) != expected:
            raise SourceError(
                f"{path.relative_to(ROOT)} has SHA-256 {sha256(data)}, expected {expected}"
            )
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        if not rows or rows[0] != ["Start date", "Subject"]:
            raise SourceError(f"{path.relative_to(ROOT)}: unexpected header {rows[:1]}")
        days: dict[date, list[str]] = {}
        for row in rows[1:]:
            d = date.fromisoformat(row[0])
            if d.year != year:
                raise SourceError(f"{path.relative_to(ROOT)}: {d} is not in {year}")
            kind = kr_kind(row[1])
            if kind not in days.setdefault(d, []):
                days[d].append(kind)
        out[year] = days
    return out


# ---------------------------------------------------------------------------------------------
# Comparing and merging.


@dataclass
class YearResult:
    year: int
    days: dict  # date -> list of kinds
    both_sources: bool


def known_index() -> dict[date, KnownDifference]:
    index: dict[date, KnownDifference] = {}
    for entry in KNOWN_DIFFERENCES:
        for iso in entry.days:
            d = date.fromisoformat(iso)
            if d in index:
                raise SourceError(f"{d} is named by two known differences")
            index[d] = entry
    return index


def merge(
    years: list[int],
    py: dict[int, dict[date, list[str]]],
    kr: dict[int, dict[date, list[str]]],
    log,
) -> tuple[list[YearResult], int]:
    """Merge the sources year by year; return the years and the number of unexplained dates."""
    index = known_index()
    needed: dict[str, int] = {e.id: 0 for e in KNOWN_DIFFERENCES}
    unexplained = 0
    results = []
    for year in years:
        a = py[year]
        if year in kr:
            b = kr[year]
            days = {d: list(a[d]) for d in a.keys() & b.keys()}
            for d in sorted(a.keys() ^ b.keys()):
                only_in, kinds = (SOURCE_A, a[d]) if d in a else (SOURCE_B, b[d])
                entry = index.get(d)
                if entry is None:
                    log(f"  {d}: only in {only_in} ({', '.join(kinds)}): NOT EXPLAINED")
                    unexplained += 1
                    continue
                needed[entry.id] += 1
                verdict = "kept" if entry.keep else "left out"
                log(f"  {d}: only in {only_in} ({', '.join(kinds)}): {verdict}, {entry.id}")
                if entry.keep:
                    days[d] = list(kinds)
            for d in sorted(a.keys() & b.keys()):
                if set(a[d]) != set(b[d]):
                    # Same date, named differently: the date is what matters for art. 8(3);
                    # the table uses python-holidays' kinds.
                    log(
                        f"  {d}: both sources, named differently "
                        f"({SOURCE_A}: {', '.join(a[d])}; {SOURCE_B}: {', '.join(b[d])})"
                    )
        else:
            days = {d: list(k) for d, k in a.items()}
            for d, entry in sorted(index.items()):
                if d.year != year:
                    continue
                if entry.keep and d not in days:
                    needed[entry.id] += 1
                    days[d] = [entry.days[d.isoformat()]]
                    log(f"  {d}: missing from {SOURCE_A}: added, {entry.id}")
                elif not entry.keep and d in days:
                    needed[entry.id] += 1
                    del days[d]
                    log(f"  {d}: in {SOURCE_A}: left out, {entry.id}")
        results.append(YearResult(year, days, year in kr))
    for entry in KNOWN_DIFFERENCES:
        log(
            f"known difference {entry.id}: needed for {needed[entry.id]} of "
            f"{len(entry.days)} dates ({entry.reason})"
        )
    return results, unexplained


def check_result(results: list[YearResult]) -> None:
    """Facts every generated year must have; a failure here is a bug in a source or here."""
    for r in results:
        may_1 = date(r.year, 5, 1)
        if "labour" not in r.days.get(may_1, []):
            raise SourceError(f"{r.year}: Labour Day (1 May) is missing")
        if r.year >= 2026 and "constitution" not in r.days.get(date(r.year, 7, 17), []):
            raise SourceError(f"{r.year}: Constitution Day (17 July) is missing")
        if len(r.days) < 15:
            raise SourceError(f"{r.year}: only {len(r.days)} days")


# ---------------------------------------------------------------------------------------------
# Writing the TOML.


def kind_name(kind: str, year: int) -> tuple[str, str]:
    if kind == "labour" and year < 2026:
        return ("근로자의 날", "Labour Day")
    return KIND_NAMES[kind]


def day_names(kinds: list[str], year: int) -> tuple[str, str]:
    def order(k: str) -> int:
        return KIND_ORDER.index(k.removeprefix(SUB))

    plain = sorted((k for k in kinds if not k.startswith(SUB)), key=order)
    subs = sorted((k for k in kinds if k.startswith(SUB)), key=order)
    ko = [kind_name(k, year)[0] for k in plain]
    en = [kind_name(k, year)[1] for k in plain]
    if subs:
        targets = [kind_name(k.removeprefix(SUB), year) for k in subs]
        ko.append(f"대체공휴일({'·'.join(t[0] for t in targets)})")
        # "Seollal (Lunar New Year)" -> "Substitute holiday (Seollal)": no nested brackets.
        short_en = [re.sub(r" \(.*\)$", "", t[1]) for t in targets]
        en.append(f"Substitute holiday ({' / '.join(short_en)})")
    return "·".join(ko), " / ".join(en)


def toml_str(s: str) -> str:
    # A JSON string without \u escapes is a valid TOML basic string.
    return json.dumps(s, ensure_ascii=False)


def year_provenance(r: YearResult) -> tuple[bool, str, str]:
    """verified, source, note."""
    if r.both_sources:
        source = (
            f"월력요항 (official calendar notice) as published in {HOLIDAYS_KR_REPO} "
            f"public/{r.year}.csv at {HOLIDAYS_KR_COMMIT[:7]}; {SOURCE_A} (KR) agrees. "
            + (
                "Labour Day: Labour Day Act and Customs Act art. 8(3)"
                if r.year < 2026
                else "Labour Day and Constitution Day: Public Holidays Act as amended 2026-02-10"
            )
        )
        ko = "월력요항에 공표된 날짜이며 python-holidays와 일치합니다."
        en = "Dates announced in the official calendar notice (월력요항); python-holidays agrees."
        if r.year < 2026:
            ko += " 근로자의 날(5월 1일)은 공휴일이 아니어서 월력요항에 없지만 관세법 제8조 제3항에 따라 넣었습니다."
            en += " Labour Day (1 May) was not a public holiday, so the notice omits it; it is included under Customs Act art. 8(3)."
        else:
            ko += " 2026년 공휴일법 개정(제헌절 공휴일, 노동절 대체공휴일)이 반영되어 있습니다."
            en += " Includes the 2026 Public Holidays Act amendment (Constitution Day; Labour Day substitutes)."
        return True, source, f"{ko} / {en}"
    if r.year < min(HOLIDAYS_KR_FILES):
        source = (
            f"{SOURCE_A} (KR) only: the 월력요항 data set ({HOLIDAYS_KR_REPO}) starts in "
            f"{min(HOLIDAYS_KR_FILES)}. Labour Day: Labour Day Act and Customs Act art. 8(3)"
        )
        ko = "python-holidays 한 곳의 값이며 월력요항 데이터와 대조하지 못했습니다."
        en = "From python-holidays alone; not cross-checked against the official calendar notice (월력요항)."
        return False, source, f"{ko} / {en}"
    source = (
        f"{SOURCE_A} (KR) only: lunar dates and substitute holidays computed, regular election "
        "days from the Public Official Election Act art. 34. Labour Day and Constitution Day: "
        "Public Holidays Act as amended 2026-02-10"
    )
    ko = "계산값이며 아직 공표되지 않았습니다(임시공휴일과 선거일은 예측할 수 없습니다)."
    en = "Computed, not yet announced (temporary holidays and elections cannot be predicted)."
    return False, source, f"{ko} / {en}"


def provenance_block() -> str:
    lines = [
        "#",
        "# Generated by scripts/gen_holidays.py from two independent sources; edit the script, not",
        "# this file (see assets/sources/HOLIDAYS.md). Where they disagree, the script's",
        "# KNOWN_DIFFERENCES table explains each date. Sources:",
        f"# - {HOLIDAYS_KR_REPO} (MIT licence), commit {HOLIDAYS_KR_COMMIT}:",
        "#   the 월력요항 (official calendar notice) as CSV, one file per year, vendored in",
        "#   assets/sources/holidays-kr/ with its LICENSE. SHA-256 of public/<year>.csv:",
    ]
    for year, digest in HOLIDAYS_KR_FILES.items():
        lines.append(f"#     {year}.csv {digest}")
    lines += [
        f"# - python-holidays, PyPI package \"holidays\" {HOLIDAYS_VERSION} (MIT licence), country KR,",
        "#   categories PUBLIC and (Labour Day before 2026) BANK;",
        f"#   wheel holidays-{HOLIDAYS_VERSION}-py3-none-any.whl SHA-256 {HOLIDAYS_WHEEL_SHA256}",
        "# - Labour Day in every year: Labour Day Act and Customs Act art. 8(3).",
        "# Years from the notice that python-holidays confirms are verified = true; years only",
        "# python-holidays covers are verified = false.",
        "# Regenerate (from the repository root):",
        f"#   pip install holidays=={HOLIDAYS_VERSION} && python3 scripts/gen_holidays.py",
        "# Check that this file is up to date: python3 scripts/gen_holidays.py --check",
    ]
    return "\n".join(lines) + "\n"


def render(results: list[YearResult]) -> str:
    parts = [HEADER, provenance_block()]
    for r in results:
        verified, source, note = year_provenance(r)
        lines = [
            "",
            "[[years]]",
            f"year = {r.year}",
            f"verified = {'true' if verified else 'false'}",
            f"source = {toml_str(source)}",
            f"note = {toml_str(note)}",
            "days = [",
        ]
        for d in sorted(r.days):
            ko, en = day_names(r.days[d], r.year)
            lines.append(
                f"  {{ date = \"{d.isoformat()}\", name_ko = {toml_str(ko)}, name_en = {toml_str(en)} }},"
            )
        lines.append("]")
        parts.append("\n".join(lines) + "\n")
    return "".join(parts)


# ---------------------------------------------------------------------------------------------
# Vendoring holidays-kr.


def vendor(git_dir: Path) -> int:
    """Copy public/<year>.csv and LICENSE at HOLIDAYS_KR_COMMIT from a git directory."""
    wanted = {f"public/{y}.csv": (f"{y}.csv", h) for y, h in HOLIDAYS_KR_FILES.items()}
    wanted["LICENSE"] = ("LICENSE", HOLIDAYS_KR_LICENSE_SHA256)
    VENDOR_DIR.mkdir(parents=True, exist_ok=True)
    bad = 0
    for src, (name, expected) in wanted.items():
        data = subprocess.run(
            ["git", f"--git-dir={git_dir}", "show", f"{HOLIDAYS_KR_COMMIT}:{src}"],
            check=True,
            capture_output=True,
        ).stdout
        got = sha256(data)
        if got != expected:
            print(f"{src}: SHA-256 {got}, expected {expected}", file=sys.stderr)
            bad += 1
            continue
        (VENDOR_DIR / name).write_bytes(data)
        print(f"{src} -> {(VENDOR_DIR / name).relative_to(ROOT)} ({got})")
    return 2 if bad else 0


# ---------------------------------------------------------------------------------------------


def generate(log) -> tuple[str, int]:
    years = sorted(set(range(FIRST_YEAR, LAST_YEAR + 1)) | set(HOLIDAYS_KR_FILES))
    kr = load_holidays_kr()
    py = load_python_holidays(years)
    log(
        f"{SOURCE_A}: {years[0]}-{years[-1]}; {SOURCE_B}: "
        f"{min(kr)}-{max(kr)}; compared: {', '.join(str(y) for y in years if y in kr)}"
    )
    results, unexplained = merge(years, py, kr, log)
    if unexplained:
        return "", unexplained
    check_result(results)
    return render(results), 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--check",
        action="store_true",
        help="regenerate in memory; fail if assets/rulebook/holidays.toml differs",
    )
    mode.add_argument(
        "--vendor",
        metavar="GIT_DIR",
        type=Path,
        help=f"copy the pinned files of {HOLIDAYS_KR_REPO} from this git directory",
    )
    args = parser.parse_args()
    if args.vendor:
        return vendor(args.vendor)

    def log(msg: str) -> None:
        print(msg)

    try:
        text, unexplained = generate(log)
    except SourceError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if unexplained:
        print(
            f"error: {unexplained} date(s) where the sources disagree are not explained in "
            "KNOWN_DIFFERENCES (scripts/gen_holidays.py)",
            file=sys.stderr,
        )
        return 1
    rel = OUT.relative_to(ROOT)
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            diff = difflib.unified_diff(
                current.splitlines(keepends=True),
                text.splitlines(keepends=True),
                f"{rel} (committed)",
                f"{rel} (generated)",
            )
            sys.stderr.writelines(list(diff)[:80])
            print(
                f"error: {rel} is not what scripts/gen_holidays.py generates; run it and commit",
                file=sys.stderr,
            )
            return 1
        print(f"{rel} is up to date")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {rel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
