"""Our own interface strings, one YAML file per language in ``strings/``.

Read again when a file changes (a live preview shows an edited string on its
next rebuild); otherwise read once per process.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from .languages import CODES, DEFAULT_LANGUAGE

STRINGS_DIR = Path(__file__).parent / "strings"


def strings(lang: str) -> dict[str, str]:
    """The strings of ``lang``; a key missing there falls back to English."""
    return _merged(lang, _stamp(DEFAULT_LANGUAGE), _stamp(lang))


def missing_keys() -> dict[str, set[str]]:
    """Keys present in English but absent from a language (for tests and checks)."""
    english = set(_load(DEFAULT_LANGUAGE, _stamp(DEFAULT_LANGUAGE)))
    missing = {lang: english - set(_load(lang, _stamp(lang))) for lang in CODES}
    return {lang: keys for lang, keys in missing.items() if keys}


def _stamp(lang: str) -> int:
    """When the language's file last changed (nanoseconds)."""
    return (STRINGS_DIR / f"{lang}.yml").stat().st_mtime_ns


@cache
def _merged(lang: str, english_stamp: int, stamp: int) -> dict[str, str]:
    english = _load(DEFAULT_LANGUAGE, english_stamp)
    return {**english, **_load(lang, stamp)} if lang != DEFAULT_LANGUAGE else english


@cache
def _load(lang: str, stamp: int) -> dict[str, str]:
    path = STRINGS_DIR / f"{lang}.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
