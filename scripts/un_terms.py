#!/usr/bin/env python3
"""Regenerate scripts/site_tools/data/un_states.json from the UN's own terms.

Usage: python scripts/un_terms.py [--output FILE]

The names come from OCHA's Countries and Territories Taxonomy as shipped
inside the ``hdx-python-country`` package (read offline, with
``Country.countriesdata(use_live=False)``: no network): for every country or
territory with an ISO 3166-1 code, its alpha-2 and alpha-3 codes, its M49
numeric code, a central point (latitude and longitude, degrees), its M49
region, sub-region and intermediate region (English names, as the taxonomy
gives them) and its short name in the six official
languages: the UNTERM short name (columns "Arabic Short", "Chinese Short"...),
else the M49 name (columns "M49 Arabic"...), else null.

hdx-python-country is needed only to regenerate the file, so it is not in
the site's locks; install it into a throwaway environment:

    python3 -m venv /tmp/un-terms
    /tmp/un-terms/bin/pip install hdx-python-country==4.2.5
    /tmp/un-terms/bin/python scripts/un_terms.py

Exit status: 0 written, 2 when hdx-python-country is not installed.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).resolve().parent / "site_tools" / "data" / "un_states.json"
COMMAND = "python3 -m venv /tmp/un-terms && /tmp/un-terms/bin/pip install hdx-python-country==4.2.5 && /tmp/un-terms/bin/python scripts/un_terms.py"
# The taxonomy's column names per official language, in UN order.
LANGUAGES = {"ar": "Arabic", "zh": "Chinese", "en": "English", "fr": "French", "ru": "Russian", "es": "Spanish"}


def _m49(value: Any) -> str | None:
    """An M49 code as the UN writes it, three digits ("004"); None if absent."""
    if value in (None, ""):
        return None
    return f"{int(value):03d}"


def _float(value: Any) -> float | None:
    """A coordinate in degrees, or None if absent."""
    return None if value in (None, "") else round(float(value), 4)


def _region(row: dict[str, Any], kind: str) -> dict[str, str] | None:
    code = _m49(row.get(f"{kind} Code"))
    name = row.get(f"{kind} Name")
    return {"code": code, "en": name} if code and name else None


def _names(row: dict[str, Any], column: str) -> dict[str, str | None]:
    return {lang: (row.get(column.format(language=language)) or None) for lang, language in LANGUAGES.items()}


def states(countries: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The taxonomy's rows (``Country.countriesdata()["countries"]``, keyed by
    ISO alpha-3) as entries keyed by ISO alpha-2, sorted by it."""
    entries: dict[str, dict[str, Any]] = {}
    for alpha3, row in countries.items():
        alpha2 = row["ISO 3166-1 Alpha 2-Codes"]
        unterm, m49 = _names(row, "{language} Short"), _names(row, "M49 {language}")
        entries[alpha2] = {
            "alpha2": alpha2,
            "alpha3": alpha3,
            "m49": _m49(row["m49 numerical code"]),
            "independent": row.get("Independent") == "Y",
            "latitude": _float(row.get("Latitude")),
            "longitude": _float(row.get("Longitude")),
            "region": _region(row, "Region"),
            "sub_region": _region(row, "Sub-region"),
            "intermediate_region": _region(row, "Intermediate Region"),
            "names": {lang: unterm[lang] or m49[lang] for lang in LANGUAGES},
            "m49_names": m49,
        }
    return dict(sorted(entries.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        from hdx.location.country import Country
    except ImportError:
        print(f"hdx-python-country is not installed; regenerate with: {COMMAND}", file=sys.stderr)
        return 2
    data = Country.countriesdata(use_live=False)
    package_version = version("hdx-python-country")
    entries = states(data["countries"])
    document: dict[str, Any] = {
        "_source": {
            "data": "OCHA Countries and Territories Taxonomy (UNTERM and M49 names)",
            "package": f"hdx-python-country {package_version}",
            "file": "hdx/location/Countries & Territories Taxonomy MVP - C&T Taxonomy.csv, read with Country.countriesdata(use_live=False)",
            "names": "UNTERM short name (column '<Language> Short'), else the M49 name ('M49 <Language>'), else null",
            "regions": "M49 region, sub-region and intermediate region with their English names from the taxonomy",
            "regenerate": COMMAND,
            "generated_by": "scripts/un_terms.py: do not edit by hand",
        },
        "states": entries,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(entries)} countries and territories from hdx-python-country {package_version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
