"""Our own interface strings, one YAML file per language in ``strings/``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from .languages import CODES, DEFAULT_LANGUAGE

STRINGS_DIR = Path(__file__).parent / "strings"


@cache
def strings(lang: str) -> dict[str, str]:
    """The strings of ``lang``; a key missing there falls back to English."""
    english = _load(DEFAULT_LANGUAGE)
    return {**english, **_load(lang)} if lang != DEFAULT_LANGUAGE else english


def missing_keys() -> dict[str, set[str]]:
    """Keys present in English but absent from a language (for tests and checks)."""
    english = set(_load(DEFAULT_LANGUAGE))
    return {lang: english - set(_load(lang)) for lang in CODES if english - set(_load(lang))}


@cache
def _load(lang: str) -> dict[str, str]:
    path = STRINGS_DIR / f"{lang}.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
